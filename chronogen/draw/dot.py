"""The genogram as Graphviz DOT text, in standard genogram notation.

Layout recipe. Partners stand side by side on one rank with their union node on the line
between them (an invisible same-rank chain keeps the order); children hang from the union on
the rank two below, oldest on the left, with each person's caption on the rank between, straight
under the symbol. Relationship lines do not move anyone (``constraint=false``). Laying it out
and drawing it is :mod:`chronogen.draw.render`.

Where Graphviz cannot draw the textbook symbol (see docs/genogram.md):

- deceased: a large ✕ inside the symbol, grey fill, years under it;
- separation ``/`` and divorce ``//``: the mark sits where the partner line meets;
- violence and abuse: a bold red line with an arrow to the victim (Graphviz has no zigzag);
  conflict: a red dashed line; close: a double green line; cut-off: a grey line marked
  ``||``; distant: a grey dotted line;
- household: a dotted box round the people living together at the as-at date.

The text is deterministic: the same family and date always give the same bytes.
"""

from __future__ import annotations

from datetime import date

from chronogen.domain.family_graph import genogram
from chronogen.domain.kinship import family_as_at
from chronogen.draw.dot_syntax import (
    Attrs,
    HtmlLabel,
    attr_list,
    caption_id,
    person_node,
    quote,
)
from chronogen.draw.households import households_at
from chronogen.draw.key import key_node
from chronogen.draw.partner_rows import partner_chains
from chronogen.model.family import (
    Family,
    ParentKind,
    Partnership,
    PartnershipEnd,
    PartnershipKind,
    Person,
    PregnancyOutcome,
    RelationKind,
    Sex,
)

FORMATS = ("svg", "png", "pdf", "dot")
_SHAPES = {Sex.MALE: "square", Sex.FEMALE: "circle", Sex.UNKNOWN: "diamond"}
_FONT = "Helvetica"
#: the crosses of a deceased person, a stillbirth and a lost pregnancy, by font size: the
#: drawing's only HTML-like labels
CROSSES = {size: HtmlLabel(f'<FONT POINT-SIZE="{size}">✕</FONT>') for size in (14, 18, 28)}
_NODE_DEFAULTS: Attrs = {"fontname": _FONT, "fontsize": 10, "width": 0.5, "height": 0.5,
                         "fixedsize": "true", "style": "filled", "fillcolor": "white"}


def default_as_at(family: Family) -> date | None:
    """The latest date the family data mentions (births, deaths, moves, partnerships)."""
    dates = []
    for person in family.people:
        for value in (person.birth, person.death):
            if value is not None and value.earliest is not None:
                dates.append(value.earliest)
    spans = [(i.start, i.end) for i in family.partnerships]
    spans += [(i.start, i.end) for i in family.households]
    spans += [(i.start, i.end) for i in family.parent_links]
    for start, end in spans:
        for value in (start, end):
            if value is not None and value.earliest is not None:
                dates.append(value.earliest)
    return max(dates) if dates else None


#: the largest family whose symbols and captions are put in Graphviz groups
GROUPED_UP_TO = 1000


def person_caption(person: Person) -> str:
    """The text under a person's symbol: name, years, role."""
    if person.pregnancy is not None:
        named = person.name if person.name != person.id else None
        when = f" {person.birth.display()}" if person.birth else ""
        what = ("pregnancy, due" if person.pregnancy is PregnancyOutcome.PREGNANCY
                else person.pregnancy.value) + when
        return "\n".join(line for line in (named, what) if line)
    lines = [person.name if not person.placeholder else "not known"]
    born = person.birth.earliest.year if person.birth and person.birth.earliest else None
    if person.death is not None and person.death.earliest is not None:
        lines.append(f"{born if born else '?'}–{person.death.earliest.year}")
    elif person.birth is not None:
        lines.append(f"b. {person.birth.display()}")
    if person.role and not person.placeholder:
        lines.append(person.role)
    return "\n".join(lines)


def age_label(person: Person, as_at: date | None) -> str:
    """The age at *as_at* to write inside the symbol ('' when unknown or not alive)."""
    if as_at is None or person.birth is None or person.pregnancy is not None:
        return ""
    if person.death is not None and person.death.earliest is not None \
            and person.death.earliest <= as_at:
        return ""
    age = person.age_on(as_at)
    if age is None:
        return ""
    approx = person.birth.precision.value != "day" or person.birth.qualifier.value != "exact"
    return f"{'c.' if approx else ''}{age}"


class _DotWriter:
    def __init__(self, family: Family, as_at: date | None) -> None:
        self.family = family
        self.when = as_at
        self.graph = genogram(family)
        self.used: set[str] = set()
        #: person -> (partner row, place in it): relation lines must not contradict it
        self.row_place: dict[str, tuple[int, int]] = {}
        self.lines: list[str] = []
        self.by_birth = {p.id: (p.birth.sort_key if p.birth else (date.max, date.max), n)
                         for n, p in enumerate(family.people)}
        #: a symbol and its caption share a Graphviz group (kept in one straight column);
        #: past GROUPED_UP_TO people the groups are left out: they double dot's layout time
        #: there, and the weighted edge between the two keeps them aligned all the same
        self.grouped = len(family.people) <= GROUPED_UP_TO
        self.person_ids = {p.id for p in family.people}

    def emit(self, line: str) -> None:
        self.lines.append("  " + line)

    def node(self, name: str) -> str:
        """A node of the family graph as the drawing names it (a person, or a union)."""
        return person_node(name) if name in self.person_ids else name

    # -- people and households ------------------------------------------------------------

    def note_households(self) -> None:
        if self.when is not None and households_at(self.family, self.when):
            self.used.add("household")

    def people(self) -> None:
        index = self.family.index_child
        for person in self.family.people:
            attrs: Attrs = {"shape": _SHAPES[person.sex], "label": age_label(person, self.when)}
            if self.grouped:
                attrs["group"] = person.id
            if person.pregnancy is None:
                self.used.add(person.sex.value)
            if person.sex is Sex.UNKNOWN:
                attrs["width"] = attrs["height"] = 0.65
            if index is not None and person.id == index.id:
                attrs["peripheries"] = 2
                self.used.add("index")
            elif person.subject:
                attrs["fillcolor"] = "#dbe7fb"
                self.used.add("subject")
            if person.death is not None:
                attrs["label"] = CROSSES[28]
                attrs["fillcolor"] = "gray88"
                self.used.add("deceased")
            if person.placeholder:
                attrs["style"] = "dashed"
                attrs["label"] = "?"
                self.used.add("placeholder")
            if person.pregnancy is not None:
                attrs |= _pregnancy_symbol(person)
                self.used.add(f"pregnancy:{person.pregnancy.value}")
            self.emit(f"{quote(person_node(person.id))} {attr_list(attrs)};")
            # the caption sits on the rank below, straight under the symbol
            caption: Attrs = {"shape": "plaintext", "label": person_caption(person),
                              "fontsize": 9,
                       "fixedsize": "false", "width": 0, "height": 0, "style": "",
                       "margin": "0.02,0.01"}
            if self.grouped:
                caption["group"] = person.id
            self.emit(f"{quote(caption_id(person.id))} {attr_list(caption)};")
            self.emit(f"{quote(person_node(person.id))} -> {quote(caption_id(person.id))} "
                      "[style=invis, weight=100, minlen=1];")

    # -- partnerships and children --------------------------------------------------------

    def unions(self) -> list[str]:
        """Partners side by side on one rank, the union node on the line between them.

        Couples with children are placed first, so that parents stand next to each other;
        a childless partnership of someone with several partners goes to the side.
        """
        nodes = sorted((n for n, d in self.graph.nodes(data=True) if d.get("kind") == "union"),
                       key=self._union_order)
        pairs = [self._left_right(self.graph.nodes[n]["partners"]) for n in nodes]
        for number, chain in enumerate(partner_chains(pairs, self._living_together())):
            self.row_place.update({pid: (number, n) for n, pid in enumerate(chain)})
            row = list(chain)
            for node, (a, b) in zip(nodes, pairs, strict=True):
                if a not in chain:
                    continue
                left, right = (a, b) if row.index(a) < row.index(b) else (b, a)
                row.insert(row.index(left) + 1, node)
                self._union_node(node, left, right)
            names = " -> ".join(quote(self.node(n)) for n in row)
            self.emit(f"{{ rank=same; {names} [style=invis, weight=10]; }}")
        return nodes

    def _living_together(self) -> set[frozenset[str]]:
        """Every pair of people in one household at the drawing's date."""
        if self.when is None:
            return set()
        return {frozenset((a, b)) for home in households_at(self.family, self.when).values()
                for a in home for b in home if a != b}

    def _union_node(self, node: str, left: str, right: str) -> None:
        partnership: Partnership | None = self.graph.nodes[node]["partnership"]
        style, mark = self._partner_line(partnership)
        if mark:
            attrs: Attrs = {"ordering": "out", "shape": "plaintext", "label": mark, "fontsize": 18,
                            "width": 0.25, "height": 0.25, "style": "", "margin": 0}
        else:
            attrs = {"ordering": "out", "shape": "point", "width": 0.06, "height": 0.06,
                     "label": "", "style": "filled", "fillcolor": "black"}
        self.emit(f"{quote(node)} {attr_list(attrs)};")
        line = attr_list({"style": style, "weight": 10, "penwidth": 1.3})
        self.emit(f"{quote(person_node(left))} -> {quote(node)} {line};")
        self.emit(f"{quote(node)} -> {quote(person_node(right))} {line};")

    def _union_order(self, node: str) -> tuple[int, date, str]:
        partnership: Partnership | None = self.graph.nodes[node]["partnership"]
        start = (partnership.start.sort_key[0] if partnership and partnership.start
                 else date.min)
        has_children = any(k == "child" for _, _, k in self.graph.out_edges(node, keys=True))
        return (0 if has_children else 1, start, node)

    def children(self, unions: list[str]) -> None:
        for node in unions:
            kids = sorted((v for _, v, k in self.graph.out_edges(node, keys=True) if k == "child"),
                          key=lambda c: self.by_birth[c])
            for group in self._twin_groups(kids):
                if len(group) > 1:
                    twin = f"T:{node}:{group[0]}"
                    self.used.add("twins")
                    self.emit(f"{quote(twin)} [shape=point, width=0.04, height=0.04, label=\"\"];")
                    self.emit(f"{quote(node)} -> {quote(twin)} [minlen=1];")
                    for child in group:
                        attrs = self._child_line(self._kind(node, child)) | {"minlen": 1}
                        self.emit(f"{quote(twin)} -> {quote(person_node(child))} "
                                  f"{attr_list(attrs)};")
                else:
                    attrs = self._child_line(self._kind(node, group[0])) | {"minlen": 2}
                    self.emit(f"{quote(node)} -> {quote(person_node(group[0]))} "
                              f"{attr_list(attrs)};")
            if any(len(group) > 1 for group in self._twin_groups(kids)):
                # the twins' junction hides their place among the siblings from ordering=out:
                # hold this sibship in birth order explicitly (elsewhere it would only spread
                # large families, so it is used only here)
                chain = " -> ".join(quote(person_node(c)) for c in kids)
                self.emit(f"{{ rank=same; {chain} [style=invis]; }}")
        # a child with one known parent hangs from a point beside that parent, on their rank
        solo: dict[str, list[tuple[str, ParentKind]]] = {}
        for person in self.family.people:
            single = self.graph.nodes[person.id].get("single_parent")
            if single is not None:
                solo.setdefault(single[0], []).append((person.id, single[1]))
        for parent, kids in solo.items():
            point = f"S:{parent}"
            self.emit(f"{quote(point)} [ordering=out, shape=point, width=0.06, height=0.06, "
                      "label=\"\"];")
            self.emit(f"{{ rank=same; {quote(person_node(parent))} -> {quote(point)} "
                      "[weight=10]; }")
            kids.sort(key=lambda k: self.by_birth[k[0]])
            for child, kind in kids:
                attrs = self._child_line(kind) | {"minlen": 2}
                self.emit(f"{quote(point)} -> {quote(person_node(child))} {attr_list(attrs)};")
            if len(kids) > 1:
                chain = " -> ".join(quote(person_node(c)) for c, _ in kids)
                self.emit(f"{{ rank=same; {chain} [style=invis]; }}")

    def _twin_groups(self, kids: list[str]) -> list[list[str]]:
        groups: list[list[str]] = []
        for child in kids:
            person = self.family.person(child)
            born = person.birth
            if (groups and born is not None and born.is_exact_day and born.earliest
                    and self.family.person(groups[-1][0]).birth == born):
                groups[-1].append(child)
            else:
                groups.append([child])
        return groups

    def _kind(self, union: str, child: str) -> ParentKind:
        kinds = [d["parent_kind"] for _, v, d in self.graph.out_edges(union, data=True)
                 if v == child and d.get("layer") == "child"]
        return kinds[0] if kinds else ParentKind.BIOLOGICAL

    def relations(self) -> None:
        edges = sorted(((a, b, d) for a, b, d in self.graph.edges(data=True)
                        if d.get("layer") == "relation"),
                       key=lambda e: (str(e[0]), str(e[1]), e[2]["relation"].kind.value))
        for a, b, data in edges:
            kind = data["relation"].kind
            self.used.add(f"relation:{kind.value}")
            attrs = _relation_line(kind)
            place_a, place_b = self.row_place.get(a), self.row_place.get(b)
            if place_a and place_b and place_a[0] == place_b[0] and place_a[1] > place_b[1]:
                # a line between two people on one row is read by dot as "left to right":
                # draw it from the left one, with the arrow (if any) turned round
                a, b = b, a
                if attrs.get("dir") == "forward":
                    attrs = attrs | {"dir": "back", "arrowtail": "normal"}
            self.emit(f"{quote(person_node(a))} -> {quote(person_node(b))} {attr_list(attrs)};")

    def _left_right(self, partners: tuple[str, str]) -> tuple[str, str]:
        """Male partner on the left, by convention; otherwise the family's order."""
        a, b = partners
        pa, pb = self.family.get(a), self.family.get(b)
        if pa and pb and pa.sex is Sex.FEMALE and pb.sex is Sex.MALE:
            return b, a
        order = self.by_birth  # the family's order is its second part
        if pa and pb and pa.sex is pb.sex and order[a][1] > order[b][1]:
            return b, a
        return a, b

    def _partner_line(self, partnership: Partnership | None) -> tuple[str, str]:
        if partnership is None:
            self.used.add("partner:unknown")
            return "dotted", ""
        if partnership.kind in (PartnershipKind.MARRIAGE, PartnershipKind.CIVIL_PARTNERSHIP):
            style = "solid"
            self.used.add("partner:married")
        else:
            style = "dashed"
            self.used.add("partner:cohabiting")
        if partnership.ended_by is PartnershipEnd.SEPARATION:
            self.used.add("partner:separated")
            return style, "/"
        if partnership.ended_by is PartnershipEnd.DIVORCE:
            self.used.add("partner:divorced")
            return style, "//"
        return style, ""

    def _child_line(self, kind: ParentKind) -> Attrs:
        self.used.add(f"child:{kind.value}")
        if kind is ParentKind.BIOLOGICAL:
            return {"style": "solid"}
        if kind is ParentKind.ADOPTIVE:
            return {"style": "dashed"}
        return {"style": "dotted"}


def _pregnancy_symbol(person: Person) -> Attrs:
    """Triangle for a pregnancy; a small cross for a miscarriage or termination; a small
    crossed symbol for a stillbirth."""
    if person.pregnancy is PregnancyOutcome.PREGNANCY:
        return {"shape": "triangle", "label": "", "width": 0.5, "height": 0.45,
                "fillcolor": "white"}
    if person.pregnancy is PregnancyOutcome.STILLBIRTH:
        return {"width": 0.3, "height": 0.3, "fillcolor": "gray88",
                "label": CROSSES[14]}
    return {"shape": "plaintext", "width": 0.3, "height": 0.3, "style": "",
            "label": CROSSES[18]}


def _relation_line(kind: RelationKind) -> Attrs:
    base: Attrs = {"constraint": "false"}
    if kind in (RelationKind.VIOLENCE, RelationKind.ABUSE):
        return base | {"color": "red", "penwidth": 2.0, "dir": "forward", "arrowhead": "normal",
                       "style": "bold"}
    if kind is RelationKind.CONFLICT:
        return base | {"color": "red", "style": "dashed"}
    if kind is RelationKind.CLOSE:
        return base | {"color": "darkgreen:invis:darkgreen"}
    if kind is RelationKind.CUT_OFF:
        return base | {"color": "gray40", "xlabel": "||"}
    return base | {"color": "gray40", "style": "dotted"}


def to_dot(family: Family, *, as_at: date | None = None, title: str | None = None,
           key: bool = True) -> str:
    """Graphviz DOT text for *family* as at *as_at* (default: the latest date it mentions).

    This is the structure of the drawing, for ``dot``; :func:`render_genogram` lays it out
    and then adds the household outlines and places the key beside the drawing.
    """
    return structure(family, as_at or default_as_at(family), title, key)[0]


def key_statement(family: Family, as_at: date | None = None) -> str | None:
    """The DOT statement of the key node for *family*'s drawing (None if nothing to explain)."""
    when = as_at or default_as_at(family)
    return structure(family, when, None, True)[1]


def structure(family: Family, when: date | None, title: str | None, key: bool
               ) -> tuple[str, str | None]:
    if when is not None:
        family = family_as_at(family, when)  # only what had begun by then
    writer = _DotWriter(family, when)
    head: Attrs = {"rankdir": "TB", "newrank": "true", "splines": "polyline",
            "nodesep": 0.45, "ranksep": 0.3, "fontname": _FONT, "fontsize": 12, "labelloc": "t",
            "label": title or None, "pad": 0.3}
    lines = [
        "digraph genogram {",
        f"  graph {attr_list(head)};",
        f"  node {attr_list(_NODE_DEFAULTS)};",
        f"  edge {attr_list({'dir': 'none', 'fontname': _FONT, 'fontsize': 9})};",
    ]
    writer.note_households()
    writer.people()
    unions = writer.unions()
    writer.children(unions)
    writer.relations()
    node = key_node(writer.used, when)
    if key and node:
        writer.emit(node)
    lines.extend(writer.lines)
    lines.append("}")
    return "\n".join(lines) + "\n", node



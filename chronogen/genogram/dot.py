"""The genogram as Graphviz DOT text, in standard genogram notation, and rendering with ``dot``.

Layout recipe. Each couple's union is a small node on a rank of its own just below the
partners, and lines are orthogonal (``splines=ortho``): the partner line runs down from each
partner and across to the union, as genograms draw it, and children hang from the union,
oldest on the left (``ordering=out``). Partners are kept side by side by an invisible
same-rank chain in the order of their partnerships. Relationship lines do not move anyone
(``constraint=false``).

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

import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from chronogen.errors import RenderError
from chronogen.genogram.graph import genogram
from chronogen.genogram.households import households_at, outlines, overlay_dot
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


class HtmlLabel(str):
    """A Graphviz HTML-like label: written between < and >, not quoted."""


Attrs = dict[str, str | int | float | None]


def _q(text: str) -> str:
    """A DOT double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _attrs(values: Attrs) -> str:
    parts = [f"{k}=<{v}>" if isinstance(v, HtmlLabel) else
             f"{k}={_q(v) if isinstance(v, str) else v}" for k, v in values.items()
             if v is not None]
    return "[" + ", ".join(parts) + "]"


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


def caption_id(person_id: str) -> str:
    """The node id of a person's caption."""
    return f"C:{person_id}"


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

    def emit(self, line: str) -> None:
        self.lines.append("  " + line)

    # -- people and households ------------------------------------------------------------

    def note_households(self) -> None:
        if self.when is not None and households_at(self.family, self.when):
            self.used.add("household")

    def people(self) -> None:
        index = self.family.index_child
        for person in self.family.people:
            attrs: Attrs = {"shape": _SHAPES[person.sex], "label": age_label(person, self.when),
                            "group": person.id}
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
                attrs["label"] = HtmlLabel('<FONT POINT-SIZE="28">✕</FONT>')
                attrs["fillcolor"] = "gray88"
                self.used.add("deceased")
            if person.placeholder:
                attrs["style"] = "dashed"
                attrs["label"] = "?"
                self.used.add("placeholder")
            if person.pregnancy is not None:
                attrs |= _pregnancy_symbol(person)
                self.used.add(f"pregnancy:{person.pregnancy.value}")
            self.emit(f"{_q(person.id)} {_attrs(attrs)};")
            # the caption sits on the rank below, straight under the symbol
            caption: Attrs = {"shape": "plaintext", "label": person_caption(person),
                              "fontsize": 9,
                       "fixedsize": "false", "width": 0, "height": 0, "style": "",
                       "margin": "0.02,0.01", "group": person.id}
            self.emit(f"{_q(caption_id(person.id))} {_attrs(caption)};")
            self.emit(f"{_q(person.id)} -> {_q(caption_id(person.id))} "
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
        for number, chain in enumerate(partner_chains(pairs)):
            self.row_place.update({pid: (number, n) for n, pid in enumerate(chain)})
            row = list(chain)
            for node, (a, b) in zip(nodes, pairs, strict=True):
                if a not in chain:
                    continue
                left, right = (a, b) if row.index(a) < row.index(b) else (b, a)
                row.insert(row.index(left) + 1, node)
                self._union_node(node, left, right)
            names = " -> ".join(_q(n) for n in row)
            self.emit(f"{{ rank=same; {names} [style=invis, weight=10]; }}")
        return nodes

    def _union_node(self, node: str, left: str, right: str) -> None:
        partnership: Partnership | None = self.graph.nodes[node]["partnership"]
        style, mark = self._partner_line(partnership)
        if mark:
            attrs: Attrs = {"ordering": "out", "shape": "plaintext", "label": mark, "fontsize": 18,
                            "width": 0.25, "height": 0.25, "style": "", "margin": 0}
        else:
            attrs = {"ordering": "out", "shape": "point", "width": 0.06, "height": 0.06,
                     "label": "", "style": "filled", "fillcolor": "black"}
        self.emit(f"{_q(node)} {_attrs(attrs)};")
        line = _attrs({"style": style, "weight": 10, "penwidth": 1.3})
        self.emit(f"{_q(left)} -> {_q(node)} {line};")
        self.emit(f"{_q(node)} -> {_q(right)} {line};")

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
                    self.emit(f"{_q(twin)} [shape=point, width=0.04, height=0.04, label=\"\"];")
                    self.emit(f"{_q(node)} -> {_q(twin)} [minlen=1];")
                    for child in group:
                        attrs = self._child_line(self._kind(node, child)) | {"minlen": 1}
                        self.emit(f"{_q(twin)} -> {_q(child)} {_attrs(attrs)};")
                else:
                    attrs = self._child_line(self._kind(node, group[0])) | {"minlen": 2}
                    self.emit(f"{_q(node)} -> {_q(group[0])} {_attrs(attrs)};")
            if len(kids) > 1:
                chain = " -> ".join(_q(c) for c in kids)
                self.emit(f"{{ rank=same; {chain} [style=invis]; }}")
        # a child with one known parent hangs from a point beside that parent, on their rank
        solo: dict[str, list[tuple[str, ParentKind]]] = {}
        for person in self.family.people:
            single = self.graph.nodes[person.id].get("single_parent")
            if single is not None:
                solo.setdefault(single[0], []).append((person.id, single[1]))
        for parent, kids in solo.items():
            point = f"S:{parent}"
            self.emit(f"{_q(point)} [ordering=out, shape=point, width=0.06, height=0.06, "
                      "label=\"\"];")
            self.emit(f"{{ rank=same; {_q(parent)} -> {_q(point)} [weight=10]; }}")
            kids.sort(key=lambda k: self.by_birth[k[0]])
            for child, kind in kids:
                attrs = self._child_line(kind) | {"minlen": 2}
                self.emit(f"{_q(point)} -> {_q(child)} {_attrs(attrs)};")
            if len(kids) > 1:
                chain = " -> ".join(_q(c) for c, _ in kids)
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
            self.emit(f"{_q(a)} -> {_q(b)} {_attrs(attrs)};")

    def _left_right(self, partners: tuple[str, str]) -> tuple[str, str]:
        """Male partner on the left, by convention; otherwise the family's order."""
        a, b = partners
        pa, pb = self.family.get(a), self.family.get(b)
        if pa and pb and pa.sex is Sex.FEMALE and pb.sex is Sex.MALE:
            return b, a
        order = {p.id: n for n, p in enumerate(self.family.people)}
        if pa and pb and pa.sex is pb.sex and order.get(a, 0) > order.get(b, 0):
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


def partner_chains(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Left-to-right rows of partners, in partnership order.

    A person's next partner goes beside them on the free side (the end of the row they are
    at), so that someone with two partners stands between them; a later partner who cannot
    stand beside them goes at the nearer end of the row.
    """
    chains: list[list[str]] = []
    for a, b in pairs:
        holder_a = next((c for c in chains if a in c), None)
        holder_b = next((c for c in chains if b in c), None)
        if holder_a is None and holder_b is None:
            chains.append([a, b])
        elif holder_a is not None and holder_b is None:
            _place_beside(holder_a, a, b)
        elif holder_b is not None and holder_a is None:
            _place_beside(holder_b, b, a)
        elif holder_a is not holder_b and holder_a is not None and holder_b is not None:
            chains.remove(holder_a)
            chains.remove(holder_b)
            chains.append(_join(holder_a, a, holder_b, b))
    return chains


def _join(first: list[str], a: str, second: list[str], b: str) -> list[str]:
    """Join two rows so that *a* (in the first) and *b* (in the second) end up adjacent
    where their places at the ends of the rows allow."""
    left = first if first[-1] == a else first[::-1] if first[0] == a else first
    right = second if second[0] == b else second[::-1] if second[-1] == b else second
    return left + right


def _place_beside(chain: list[str], anchor: str, newcomer: str) -> None:
    position = chain.index(anchor)
    if position == len(chain) - 1:
        chain.append(newcomer)
    elif position == 0:
        chain.insert(0, newcomer)
    elif position >= len(chain) / 2:
        chain.append(newcomer)
    else:
        chain.insert(0, newcomer)


def _pregnancy_symbol(person: Person) -> Attrs:
    """Triangle for a pregnancy; a small cross for a miscarriage or termination; a small
    crossed symbol for a stillbirth."""
    if person.pregnancy is PregnancyOutcome.PREGNANCY:
        return {"shape": "triangle", "label": "", "width": 0.5, "height": 0.45,
                "fillcolor": "white"}
    if person.pregnancy is PregnancyOutcome.STILLBIRTH:
        return {"width": 0.3, "height": 0.3, "fillcolor": "gray88",
                "label": HtmlLabel('<FONT POINT-SIZE="14">✕</FONT>')}
    return {"shape": "plaintext", "width": 0.3, "height": 0.3, "style": "",
            "label": HtmlLabel('<FONT POINT-SIZE="18">✕</FONT>')}


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


#: key entries: (what uses it, symbol in the key, text)
_KEY: tuple[tuple[str, str, str], ...] = (
    ("male", "□", "male"),
    ("female", "○", "female"),
    ("unknown", "◇", "sex not known"),
    ("index", "◎", "index child (double outline)"),
    ("subject", '<FONT COLOR="#6b8fd6">●</FONT>', "subject child"),
    ("deceased", "☒", "deceased (years below)"),
    ("placeholder", "?", "parent not known (dashed)"),
    ("pregnancy:pregnancy", "△", "pregnancy"),
    ("pregnancy:miscarriage", "✕", "miscarriage (small cross)"),
    ("pregnancy:termination", "✕", "termination (small cross)"),
    ("pregnancy:stillbirth", "☒", "stillbirth (small, crossed)"),
    ("partner:married", "——", "married / civil partners"),
    ("partner:cohabiting", "- - -", "cohabiting / partners"),
    ("partner:unknown", "·····", "parents, relationship not recorded"),
    ("partner:separated", "—/—", "separated"),
    ("partner:divorced", "—//—", "divorced"),
    ("child:adoptive", "- - -", "adopted (child line)"),
    ("child:foster", "·····", "fostered (child line)"),
    ("child:step", "·····", "step-child (child line)"),
    ("child:kinship", "·····", "kinship care (child line)"),
    ("twins", "⋀", "twins (from one point)"),
    ("relation:violence", '<FONT COLOR="red"><B>——▶</B></FONT>', "violence (arrow to victim)"),
    ("relation:abuse", '<FONT COLOR="red"><B>——▶</B></FONT>', "abuse (arrow to victim)"),
    ("relation:conflict", '<FONT COLOR="red">- - -</FONT>', "conflict"),
    ("relation:close", '<FONT COLOR="darkgreen">══</FONT>', "close"),
    ("relation:cut-off", "—||—", "cut-off"),
    ("relation:distant", '<FONT COLOR="gray40">·····</FONT>', "distant"),
    ("household", "⬚", "household (dotted box)"),
)


def _key_node(used: set[str], as_at: date | None) -> str | None:
    rows = [(symbol, text) for name, symbol, text in _KEY if name in used]
    if not rows:
        return None
    cells = "".join(f'<TR><TD ALIGN="CENTER">{symbol}</TD><TD ALIGN="LEFT">{text}</TD></TR>'
                    for symbol, text in rows)
    age = (f'<TR><TD COLSPAN="2" ALIGN="LEFT"><I>ages as at {as_at.strftime("%d/%m/%Y")}'
           f"</I></TD></TR>") if as_at else ""
    table = (f'<TABLE BORDER="1" COLOR="gray60" CELLBORDER="0" CELLSPACING="1" CELLPADDING="2">'
             f'<TR><TD COLSPAN="2"><B>Key</B></TD></TR>{cells}{age}</TABLE>')
    return (f"key [shape=plaintext, fixedsize=false, style=\"\", fontsize=9, width=0, height=0,"
            f" label=<{table}>];")


def to_dot(family: Family, *, as_at: date | None = None, title: str | None = None,
           key: bool = True) -> str:
    """Graphviz DOT text for *family* as at *as_at* (default: the latest date it mentions).

    This is the structure of the drawing, for ``dot``; :func:`render_genogram` lays it out
    and then adds the household outlines and places the key beside the drawing.
    """
    return _structure(family, as_at or default_as_at(family), title, key)[0]


def key_statement(family: Family, as_at: date | None = None) -> str | None:
    """The DOT statement of the key node for *family*'s drawing (None if nothing to explain)."""
    when = as_at or default_as_at(family)
    return _structure(family, when, None, True)[1]


def _structure(family: Family, when: date | None, title: str | None, key: bool
               ) -> tuple[str, str | None]:
    writer = _DotWriter(family, when)
    head: Attrs = {"rankdir": "TB", "newrank": "true", "splines": "polyline",
            "nodesep": 0.45, "ranksep": 0.3, "fontname": _FONT, "fontsize": 12, "labelloc": "t",
            "label": title or None, "pad": 0.3}
    lines = [
        "digraph genogram {",
        f"  graph {_attrs(head)};",
        f"  node {_attrs({'fontname': _FONT, 'fontsize': 10, 'width': 0.5, 'height': 0.5, 'fixedsize': 'true', 'style': 'filled', 'fillcolor': 'white'})};",  # noqa: E501
        f"  edge {_attrs({'dir': 'none', 'fontname': _FONT, 'fontsize': 9})};",
    ]
    writer.note_households()
    writer.people()
    unions = writer.unions()
    writer.children(unions)
    writer.relations()
    node = _key_node(writer.used, when)
    if key and node:
        writer.emit(node)
    lines.extend(writer.lines)
    lines.append("}")
    return "\n".join(lines) + "\n", node


def find_dot() -> str | None:
    """The path of Graphviz's ``dot`` program, or None."""
    return shutil.which("dot")


def _run_dot(dot_text: str, kind: str, output: Path | None) -> str:
    arguments = [f"-T{kind}"] + (["-o", str(output)] if output else [])
    return _run_graphviz("dot", arguments, dot_text)


def _run_graphviz(name: str, arguments: list[str], dot_text: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise RenderError("Graphviz's 'dot' program was not found: install Graphviz "
                          "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install "
                          "graphviz) or write the genogram as .dot")
    # a fixed date for the PDF's creation date: the same input gives the same bytes
    env = {**os.environ, "SOURCE_DATE_EPOCH": "946684800"}
    completed = subprocess.run([program, *arguments], input=dot_text.encode("utf-8"),
                               capture_output=True, check=False, timeout=120, env=env)
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()[:500]
        raise RenderError(f"Graphviz {name} failed (exit {completed.returncode}): {message}")
    return completed.stdout.decode("utf-8", "replace")


def render(dot_text: str, output: Path, fmt: str | None = None) -> Path:
    """Render DOT text to *output* (svg, png, pdf or dot) with the real ``dot`` binary."""
    kind = (fmt or output.suffix.lstrip(".")).lower()
    if kind not in FORMATS:
        raise RenderError(f"{output}: unsupported genogram format {kind!r}; use one of "
                          + ", ".join(FORMATS))
    if kind == "dot":
        output.write_text(dot_text, encoding="utf-8")
        return output
    _run_dot(dot_text, kind, output)
    return output


def final_dot(family: Family, *, as_at: date | None = None, title: str | None = None) -> str:
    """The finished genogram: laid out by ``dot``, household outlines drawn over it.

    The result is positioned DOT text; render it with ``neato -n2``. Needs Graphviz.
    """
    when = as_at or default_as_at(family)
    # laid out without the key: a tall key would stretch the rank it landed on
    structure, key = _structure(family, when, None, False)
    positioned = _run_dot(structure, "dot", None)
    layout: dict[str, Any] = json.loads(_run_dot(structure, "json", None))
    homes = households_at(family, when) if when is not None else {}
    drawn = outlines(homes, layout, when) if when is not None else []
    extra: list[tuple[str, float, float]] = []
    if key is not None:
        size = json.loads(_run_dot(f"digraph k {{ {key} }}", "json", None))["objects"][0]
        extra.append((key, float(size["width"]) * 72, float(size["height"]) * 72))
    return overlay_dot(positioned, drawn, extra, title=title)


def render_genogram(family: Family, output: Path, *, as_at: date | None = None,
                    title: str | None = None) -> Path:
    """Draw the genogram of *family* to *output* (.svg, .png, .pdf or .dot), or write the
    family as GEDCOM 7 (.ged).

    With Graphviz installed, .dot is the finished, positioned drawing (``neato -n2 -Tsvg``
    renders it as chronogen does); without it, .dot is the unpositioned structure and the
    other formats raise :class:`RenderError` saying how to install Graphviz.
    """
    kind = output.suffix.lstrip(".").lower()
    if kind == "ged":
        from chronogen.gedcom import write_gedcom

        return write_gedcom(family, output)
    if kind not in FORMATS:
        raise RenderError(f"{output}: unsupported genogram format {kind!r}; use one of "
                          + ", ".join((*FORMATS, "ged")))
    if kind == "dot" and find_dot() is None:
        output.write_text(to_dot(family, as_at=as_at, title=title), encoding="utf-8")
        return output
    finished = final_dot(family, as_at=as_at, title=title)
    if kind == "dot":
        output.write_text(finished, encoding="utf-8")
        return output
    _run_graphviz("neato", ["-n2", f"-T{kind}", "-o", str(output)], finished)
    if kind == "pdf":
        _fix_pdf_date(output)
    return output


_PDF_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z\)")


def _fix_pdf_date(path: Path) -> None:
    """Older cairo writes the time of day into the PDF: put a fixed date of the same length
    in its place (offsets in the PDF stay right), so equal inputs give equal bytes."""
    data = path.read_bytes()
    fixed = _PDF_DATE.sub(b"/CreationDate (D:20000101000000Z)", data)
    if fixed != data:
        path.write_bytes(fixed)


def layout_json(dot_text: str) -> dict[str, Any]:
    """Graphviz's own layout (``dot -Tjson``) of DOT text: positions of every node."""
    result: dict[str, Any] = json.loads(_run_dot(dot_text, "json", None))
    return result

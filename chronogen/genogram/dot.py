"""The genogram as Graphviz DOT text, in standard genogram notation, and rendering with ``dot``.

Choices where Graphviz cannot draw the textbook symbol (documented in docs/genogram.md):

- deceased: grey fill with Graphviz ``diagonals`` style and a ✕ before the years;
- separation ``/`` and divorce ``//``: a label on the partner line;
- violence and abuse: a bold red line with an arrow to the victim (Graphviz has no zigzag);
  conflict: a red dashed line; close: a double line; cut-off: a line with ``||``; distant:
  dotted;
- household: a dotted box round the people living together at the as-at date.

The text is deterministic: the same family and date always give the same bytes.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from chronogen.errors import RenderError
from chronogen.genogram.graph import genogram
from chronogen.model.family import (
    Family,
    ParentKind,
    Partnership,
    PartnershipEnd,
    PartnershipKind,
    Person,
    RelationKind,
    Sex,
)

FORMATS = ("svg", "png", "pdf", "dot")
_SHAPES = {Sex.MALE: "square", Sex.FEMALE: "circle", Sex.UNKNOWN: "diamond"}
_FONT = "Helvetica"


def _q(text: str) -> str:
    """A DOT double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _attrs(**values: str | int | float | None) -> str:
    parts = [f"{k}={_q(str(v)) if isinstance(v, str) else v}" for k, v in values.items()
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


def person_caption(person: Person, as_at: date | None) -> str:
    """The text under a person's symbol: name, years or age, role."""
    lines = [person.name if not person.placeholder else "(not known)"]
    born = person.birth.earliest.year if person.birth and person.birth.earliest else None
    if person.death is not None and person.death.earliest is not None:
        lines.append(f"✕ {born if born else '?'}–{person.death.earliest.year}")
    elif person.birth is not None:
        lines.append(f"b. {person.birth.display()}")
    if person.role:
        lines.append(person.role)
    return "\n".join(lines)


def _age_label(person: Person, as_at: date | None) -> str:
    if as_at is None or person.birth is None:
        return ""
    if person.death is not None and person.death.earliest is not None \
            and person.death.earliest <= as_at:
        return ""
    age = person.age_on(as_at)
    if age is None:
        return ""
    approx = person.birth.precision.value != "day" or person.birth.qualifier.value != "exact"
    return f"{'c.' if approx else ''}{age}"


def to_dot(family: Family, *, as_at: date | None = None, title: str | None = None,
           key: bool = True) -> str:
    """Graphviz DOT text for *family* as at *as_at* (default: the latest date it mentions)."""
    when = as_at or default_as_at(family)
    graph = genogram(family)
    index = family.index_child
    lines = [
        "digraph genogram {",
        f"  graph {_attrs(rankdir='TB', newrank='true', splines='ortho', nodesep=0.5, ranksep=0.7, fontname=_FONT, fontsize=11, labelloc='t', label=title or None, forcelabels='true')};",  # noqa: E501
        f"  node {_attrs(fontname=_FONT, fontsize=10, width=0.55, height=0.55, fixedsize='true', style='filled', fillcolor='white')};",  # noqa: E501
        f"  edge {_attrs(dir='none', fontname=_FONT, fontsize=9)};",
    ]
    used: set[str] = set()

    # households at the date: dotted clusters
    in_cluster: set[str] = set()
    if when is not None:
        homes: dict[str, list[str]] = {}
        for membership in family.households:
            if membership.current_on(when) and membership.person not in in_cluster:
                person = family.get(membership.person)
                if person is None or not person.alive_on(when):
                    continue
                homes.setdefault(membership.household, []).append(membership.person)
                in_cluster.add(membership.person)
        for number, (home, members) in enumerate(homes.items(), start=1):
            used.add("household")
            lines.append(f"  subgraph cluster_household_{number} {{")
            caption = f"{home} (at {when.strftime('%d/%m/%Y')})"
            lines.append(f"    label={_q(caption)}; style=\"dotted,rounded\"; color=gray30; "
                         "fontsize=9;")
            lines.extend(f"    {_q(pid)};" for pid in members)
            lines.append("  }")

    # people
    for person in family.people:
        attrs: dict[str, str | int | float | None] = {
            "shape": _SHAPES[person.sex],
            "label": _age_label(person, when),
            "xlabel": person_caption(person, when),
        }
        used.add(person.sex.value)
        if person.sex is Sex.UNKNOWN:
            attrs["width"] = attrs["height"] = 0.65
        if index is not None and person.id == index.id:
            attrs["peripheries"] = 2
            used.add("index")
        elif person.subject:
            attrs["fillcolor"] = "#e8f0fe"
            used.add("subject")
        if person.death is not None:
            attrs["style"] = "filled,diagonals"
            attrs["fillcolor"] = "gray85"
            used.add("deceased")
        if person.placeholder:
            attrs["style"] = "dashed"
            used.add("placeholder")
        lines.append(f"  {_q(person.id)} {_attrs(**attrs)};")

    # unions: partners side by side on one rank, the union point between them
    for node, data in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        if data.get("kind") != "union":
            continue
        a, b = _left_right(family, data["partners"])
        partnership: Partnership | None = data["partnership"]
        style, label = _partner_line(partnership, used)
        lines.append(f"  {_q(node)} {_attrs(shape='point', width=0.06, height=0.06, label='', style='filled', fillcolor='black')};")  # noqa: E501
        lines.append(f"  {{ rank=same; {_q(a)}; {_q(node)}; {_q(b)}; }}")
        lines.append(f"  {_q(a)} -> {_q(node)} {_attrs(style=style, xlabel=label or None, weight=10)};")  # noqa: E501
        lines.append(f"  {_q(node)} -> {_q(b)} {_attrs(style=style, weight=10)};")

    # children from their parents' union, oldest first
    by_birth = {p.id: (p.birth.sort_key if p.birth else (date.max, date.max), n)
                for n, p in enumerate(family.people)}
    for node in sorted((n for n, d in graph.nodes(data=True) if d.get("kind") == "union"),
                       key=str):
        children = sorted((v for _, v, k in graph.out_edges(node, keys=True) if k == "child"),
                          key=lambda c: by_birth[c])
        if not children:
            continue
        for child in children:
            kinds = [d["parent_kind"] for _, v, d in graph.out_edges(node, data=True)
                     if v == child and d.get("layer") == "child"]
            lines.append(f"  {_q(node)} -> {_q(child)} {_attrs(**_child_line(kinds[0], used))};")
        if len(children) > 1:
            chain = " -> ".join(_q(c) for c in children)
            lines.append(f"  {{ rank=same; {chain} [style=invis]; }}")
    for person in family.people:
        single = graph.nodes[person.id].get("single_parent")
        if single is not None:
            parent, kind = single
            lines.append(f"  {_q(parent)} -> {_q(person.id)} {_attrs(**_child_line(kind, used))};")

    # the relationship layer: does not move anyone
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if data.get("layer") != "relation":
            continue
        kind = data["relation"].kind
        used.add(f"relation:{kind.value}")
        lines.append(f"  {_q(a)} -> {_q(b)} {_attrs(**_relation_line(kind))};")

    if key:
        lines.extend(_legend(used))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _left_right(family: Family, partners: tuple[str, str]) -> tuple[str, str]:
    """Male partner on the left, by convention; otherwise the family's order."""
    a, b = partners
    pa, pb = family.get(a), family.get(b)
    if pa and pb and pa.sex is Sex.FEMALE and pb.sex is Sex.MALE:
        return b, a
    return a, b


def _partner_line(partnership: Partnership | None, used: set[str]) -> tuple[str, str]:
    if partnership is None:
        used.add("partner:unknown")
        return "dotted", ""
    if partnership.kind in (PartnershipKind.MARRIAGE, PartnershipKind.CIVIL_PARTNERSHIP):
        style = "solid"
        used.add("partner:married")
    else:
        style = "dashed"
        used.add("partner:cohabiting")
    label = ""
    if partnership.ended_by is PartnershipEnd.SEPARATION:
        label = "/"
        used.add("partner:separated")
    elif partnership.ended_by is PartnershipEnd.DIVORCE:
        label = "//"
        used.add("partner:divorced")
    return style, label


def _child_line(kind: ParentKind, used: set[str]) -> dict[str, str | int | float | None]:
    used.add(f"child:{kind.value}")
    if kind is ParentKind.BIOLOGICAL:
        return {"style": "solid"}
    if kind is ParentKind.ADOPTIVE:
        return {"style": "dashed"}
    return {"style": "dotted"}


def _relation_line(kind: RelationKind) -> dict[str, str | int | float | None]:
    base: dict[str, str | int | float | None] = {"constraint": "false"}
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


_LEGEND_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("male", "shape=square, label=\"\"", "male"),
    ("female", "shape=circle, label=\"\"", "female"),
    ("unknown", "shape=diamond, label=\"\", width=0.4, height=0.4", "sex unknown"),
    ("index", "shape=circle, peripheries=2, label=\"\"", "index child (double outline)"),
    ("subject", "shape=circle, fillcolor=\"#e8f0fe\", label=\"\"", "subject child"),
    ("deceased", "shape=square, style=\"filled,diagonals\", fillcolor=gray85, label=\"\"",
     "deceased (✕ years)"),
    ("placeholder", "shape=square, style=dashed, label=\"\"", "parent not known"),
)
_LEGEND_LINES: tuple[tuple[str, str, str], ...] = (
    ("partner:married", "style=solid", "married / civil partners"),
    ("partner:cohabiting", "style=dashed", "cohabiting / partners"),
    ("partner:unknown", "style=dotted", "parents, relationship not recorded"),
    ("partner:separated", "style=solid, label=\"/\"", "separated"),
    ("partner:divorced", "style=solid, label=\"//\"", "divorced"),
    ("child:adoptive", "style=dashed", "adopted child"),
    ("child:foster", "style=dotted", "foster child"),
    ("child:step", "style=dotted", "step child"),
    ("child:kinship", "style=dotted", "kinship care"),
    ("relation:violence", "color=red, penwidth=2, dir=forward, style=bold",
     "violence (arrow to victim)"),
    ("relation:abuse", "color=red, penwidth=2, dir=forward, style=bold",
     "abuse (arrow to victim)"),
    ("relation:conflict", "color=red, style=dashed", "conflict"),
    ("relation:close", "color=\"darkgreen:invis:darkgreen\"", "close"),
    ("relation:cut-off", "color=gray40, label=\"||\"", "cut-off"),
    ("relation:distant", "color=gray40, style=dotted", "distant"),
)


def _legend(used: set[str]) -> list[str]:
    rows = [item for item in _LEGEND_ITEMS if item[0] in used]
    line_rows = [item for item in _LEGEND_LINES if item[0] in used]
    if not rows and not line_rows and "household" not in used:
        return []
    out = ["  subgraph cluster_key {",
           "    label=\"Key\"; style=\"rounded\"; color=gray50; fontsize=10;"]
    for number, (_, attrs, text) in enumerate(rows):
        out.append(f"    key_s{number} [{attrs}, width=0.3, height=0.3, xlabel=\"\"];")
        out.append(f"    key_t{number} [shape=plaintext, label={_q(text)}, fixedsize=false, "
                   "style=\"\", width=0, height=0];")
        out.append(f"    {{ rank=same; key_s{number} -> key_t{number} [style=invis]; }}")
    for number, (_, attrs, text) in enumerate(line_rows):
        out.append(f"    key_la{number} [shape=point, width=0.02, style=invis];")
        out.append(f"    key_lb{number} [shape=point, width=0.02, style=invis];")
        out.append(f"    key_lt{number} [shape=plaintext, label={_q(text)}, fixedsize=false, "
                   "style=\"\", width=0, height=0];")
        out.append(f"    {{ rank=same; key_la{number} -> key_lb{number} [{attrs}]; "
                   f"key_lb{number} -> key_lt{number} [style=invis]; }}")
    if "household" in used:
        out.append("    key_h [shape=box, style=\"dotted,rounded\", label=\"household\", "
                   "fixedsize=false, width=0, height=0];")
    names = ([f"key_s{n}" for n in range(len(rows))]
             + [f"key_la{n}" for n in range(len(line_rows))]
             + (["key_h"] if "household" in used else []))
    if len(names) > 1:
        out.append("    " + " -> ".join(names) + " [style=invis];")
    out.append("  }")
    return out


def find_dot() -> str | None:
    """The path of Graphviz's ``dot`` program, or None."""
    return shutil.which("dot")


def render(dot_text: str, output: Path, fmt: str | None = None) -> Path:
    """Render DOT text to *output* (svg, png, pdf or dot) with the real ``dot`` binary."""
    kind = (fmt or output.suffix.lstrip(".")).lower()
    if kind not in FORMATS:
        raise RenderError(f"{output}: unsupported genogram format {kind!r}; use one of "
                          + ", ".join(FORMATS))
    if kind == "dot":
        output.write_text(dot_text, encoding="utf-8")
        return output
    program = find_dot()
    if program is None:
        raise RenderError("Graphviz's 'dot' program was not found: install Graphviz "
                          "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install "
                          "graphviz) or write the genogram as .dot")
    completed = subprocess.run([program, f"-T{kind}", "-o", str(output)], input=dot_text,
                               capture_output=True, text=True, check=False, timeout=120)
    if completed.returncode != 0:
        raise RenderError(f"{output}: Graphviz failed: {completed.stderr.strip()[:500]}")
    return output


def layout_json(dot_text: str) -> dict[str, Any]:
    """Graphviz's own layout (``dot -Tjson``) of DOT text: positions of every node."""
    import json

    program = find_dot()
    if program is None:
        raise RenderError("Graphviz's 'dot' program was not found")
    completed = subprocess.run([program, "-Tjson"], input=dot_text, capture_output=True,
                               text=True, check=False, timeout=120)
    if completed.returncode != 0:
        raise RenderError(f"Graphviz failed: {completed.stderr.strip()[:500]}")
    result: dict[str, Any] = json.loads(completed.stdout)
    return result

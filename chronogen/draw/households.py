"""Household outlines drawn over a finished genogram layout.

Graphviz clusters would draw households, but they take over the layout: a cluster must be a
contiguous block in every rank, which pulls partners and their union apart as soon as one
of them lives elsewhere. So the genogram is laid out without them, and each household is
then drawn as a dotted box round its members' positions. Where the box round a whole
household would take in someone who does not live there, each run of members on a row gets
a box of its own instead, so an outline never includes a non-member.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from chronogen.draw.dot_syntax import caption_id, clean_label, graphviz_name, person_node
from chronogen.model.family import Family

POINTS_PER_INCH = 72.0
_MARGIN = 9.0
_RING_GAP = 4.0


@dataclass(frozen=True)
class Box:
    """A rectangle in Graphviz points (y grows upwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def contains(self, x: float, y: float) -> bool:
        """True when the point lies inside."""
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1

    def union(self, other: Box) -> Box:
        """The smallest box holding both."""
        return Box(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1),
                   max(self.y1, other.y1))


@dataclass(frozen=True)
class HouseholdOutline:
    """A household's caption and the boxes that outline it."""

    label: str
    boxes: tuple[Box, ...]


def households_at(family: Family, when: date) -> dict[str, list[str]]:
    """Household -> ids of the living people in it on *when* (each person in one household:
    the first listed)."""
    homes: dict[str, list[str]] = {}
    placed: set[str] = set()
    for membership in family.households:
        person = family.get(membership.person)
        if (person is None or membership.person in placed or not membership.current_on(when)
                or not person.alive_on(when)):
            continue
        homes.setdefault(membership.household, []).append(membership.person)
        placed.add(membership.person)
    return homes


def _units(layout: dict[str, Any], people: Iterable[str]
           ) -> dict[str, tuple[Box, tuple[float, float]]]:
    """person id -> (box round the symbol and its caption, centre of the symbol), for the
    *people* the layout draws (found by the names Graphviz gave their nodes, whatever the
    ids hold: quotes, backslashes, a "C:" of their own)."""
    boxes: dict[str, tuple[Box, tuple[float, float]]] = {}
    for obj in layout.get("objects", []):
        if "pos" not in obj:
            continue
        x, y = (float(v) for v in obj["pos"].split(","))
        # each periphery beyond the first is drawn 4 points further out (the index child)
        rings = _RING_GAP * max(int(obj.get("peripheries", 1)) - 1, 0)
        half_w = float(obj.get("width", 0.5)) * POINTS_PER_INCH / 2 + rings
        half_h = float(obj.get("height", 0.5)) * POINTS_PER_INCH / 2 + rings
        boxes[str(obj.get("name", ""))] = (Box(x - half_w, y - half_h, x + half_w, y + half_h),
                                          (x, y))
    units: dict[str, tuple[Box, tuple[float, float]]] = {}
    for person in people:
        symbol = boxes.get(graphviz_name(person_node(person)))
        if symbol is None:
            continue
        caption = boxes.get(graphviz_name(caption_id(person)))
        units[person] = (symbol[0].union(caption[0]) if caption else symbol[0], symbol[1])
    return units


def outlines(homes: dict[str, list[str]], layout: dict[str, Any], when: date,
             people: Iterable[str]) -> list[HouseholdOutline]:
    """Outlines for each household over the layout (``dot -Tjson0`` output) of *people*
    (every person drawn: an outline keeps clear of the others)."""
    units = _units(layout, people)
    everyone = _Filed(units)
    result: list[HouseholdOutline] = []
    drawn_members: list[list[str]] = []
    for home, members in homes.items():
        present = [m for m in members if m in units]
        if not present:
            continue
        label = f"{home} (at {when.strftime('%d/%m/%Y')})"
        whole = _pad(_cover([units[m][0] for m in present]))
        # those standing within the box round the whole household: only they can be in the
        # way of a box round some of its members, or of joining two such boxes
        near = everyone.meeting(whole, but=set(members))
        drawn_members.append(present)
        if not near:
            result.append(HouseholdOutline(label, (whole,)))
            continue
        boxes = _merged(_runs(present, units, near), near)
        result.append(HouseholdOutline(label, tuple(
            _kept_clear(box, [units[m][0] for m in present if box.contains(*units[m][1])],
                        near) for box in boxes)))
    return _apart(result, drawn_members, units)


#: the side of a grid square (points) things are filed by, to find what is near quickly
_GRID = 96.0


class _Filed:
    """Everyone's box (symbol and caption), filed by the squares of a grid they lie in."""

    def __init__(self, units: dict[str, tuple[Box, tuple[float, float]]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[int, str, Box]]] = {}
        for number, (name, (box, _)) in enumerate(units.items()):
            for cell in _squares(box, _GRID):
                self._cells.setdefault(cell, []).append((number, name, box))

    def meeting(self, box: Box, but: set[str]) -> list[Box]:
        """The boxes overlapping *box* of everyone not in *but*, in the layout's order."""
        found = {number: other for cell in _squares(box, _GRID)
                 for number, name, other in self._cells.get(cell, ())
                 if name not in but and _overlaps(box, other)}
        return [found[number] for number in sorted(found)]


def _squares(box: Box, size: float) -> Iterator[tuple[int, int]]:
    """The squares of a grid of *size* points that *box* lies in."""
    for column in range(math.floor(box.x0 / size), math.floor(box.x1 / size) + 1):
        for row in range(math.floor(box.y0 / size), math.floor(box.y1 / size) + 1):
            yield column, row


def _apart(drawn: list[HouseholdOutline], members: list[list[str]],
           units: dict[str, tuple[Box, tuple[float, float]]]) -> list[HouseholdOutline]:
    """The outlines with the boxes of two households that overlap made to meet no more: where
    one's members all stand above (or beside) the other's, each box stops halfway between
    them (a couple's box reached down over their married children's boxes)."""
    placed = [list(outline.boxes) for outline in drawn]
    inside = [[[units[m][0] for m in group if box.contains(*units[m][1])]
               for box in boxes] for group, boxes in zip(members, placed, strict=True)]
    # left to right: a box is compared with those starting before its right side ends
    # (boxes only narrow as they are parted, so the order of their left sides still holds)
    order = sorted((box.x0, n, k) for n, boxes in enumerate(placed) for k, box in enumerate(boxes))
    for position, (_, n, k) in enumerate(order):
        for start, m, j in order[position + 1:]:
            if start >= placed[n][k].x1:
                break
            held, held_other = inside[n][k], inside[m][j]
            if m == n or not (held and held_other and _overlaps(placed[n][k], placed[m][j])):
                continue
            placed[n][k], placed[m][j] = _parted(placed[n][k], _cover(held), placed[m][j],
                                                 _cover(held_other))
    return [HouseholdOutline(outline.label, tuple(boxes))
            for outline, boxes in zip(drawn, placed, strict=True)]


def _parted(one: Box, held_one: Box, other: Box, held_other: Box) -> tuple[Box, Box]:
    """Two overlapping boxes, each stopped halfway between what it holds (*held_one*,
    *held_other*) and what the other holds, where those stand apart above and below or
    side by side; as they were where they do not."""
    if held_one.y0 >= held_other.y1 or held_other.y0 >= held_one.y1:
        one_above = held_one.y0 >= held_other.y1  # y grows upwards
        middle = (held_one.y0 + held_other.y1) / 2 if one_above else \
            (held_other.y0 + held_one.y1) / 2

        def level(box: Box, above: bool) -> Box:
            return Box(box.x0, max(box.y0, middle + 1), box.x1, box.y1) if above else \
                Box(box.x0, box.y0, box.x1, min(box.y1, middle - 1))

        return level(one, one_above), level(other, not one_above)
    if held_one.x1 <= held_other.x0 or held_other.x1 <= held_one.x0:
        one_left = held_one.x1 <= held_other.x0
        middle = (held_one.x1 + held_other.x0) / 2 if one_left else \
            (held_other.x1 + held_one.x0) / 2

        def side(box: Box, left: bool) -> Box:
            return Box(box.x0, box.y0, min(box.x1, middle - 1), box.y1) if left else \
                Box(max(box.x0, middle + 1), box.y0, box.x1, box.y1)

        return side(one, one_left), side(other, not one_left)
    return one, other


def _kept_clear(box: Box, inside: list[Box], outsiders: list[Box]) -> Box:
    """*box* with its top lowered (or its foot raised) to stop short of anyone standing
    above (or below) the members *inside* it whose symbol or caption it reaches into."""
    if not inside:
        return box
    highest, lowest = max(u.y1 for u in inside), min(u.y0 for u in inside)
    kept = box
    for outsider in outsiders:
        if not _overlaps(kept, outsider):
            continue
        if outsider.y0 >= highest + _GAP:
            kept = Box(kept.x0, kept.y0, kept.x1, min(kept.y1, outsider.y0 - 2))
        elif outsider.y1 <= lowest - _GAP:
            kept = Box(kept.x0, max(kept.y0, outsider.y1 + 2), kept.x1, kept.y1)
    return kept


def _merged(boxes: list[Box], outsiders: list[Box]) -> list[Box]:
    """*boxes* of one household, two at a time made one wherever the box round both takes in
    no one else (a mother's box above her children's: one outline, one caption)."""
    boxes = list(boxes)
    joined = True
    while joined:
        joined = False
        for first in range(len(boxes)):
            for second in range(first + 1, len(boxes)):
                both = _joined(boxes[first], boxes[second], outsiders)
                if both is not None:
                    boxes[first] = both
                    del boxes[second]
                    joined = True
                    break
            if joined:
                break
    return boxes


def _joined(one: Box, other: Box, outsiders: list[Box]) -> Box | None:
    """The box round both, narrowed to stop short of anyone beside it, when it takes in no
    one else and still holds what each held (its members, inside its margin)."""
    both = one.union(other)
    both = _clip(both, [b for b in outsiders if b.y0 < both.y1 and both.y0 < b.y1])
    if any(_overlaps(both, outsider) for outsider in outsiders):
        return None
    if any(both.x0 > part.x0 + _MARGIN or both.x1 < part.x1 - _MARGIN for part in (one, other)):
        return None
    return both


#: a drawn line, as points close enough together to be taken as straight between
Line = list[tuple[float, float]]


def edge_lines(layout: dict[str, Any]) -> list[Line]:
    """Every line the layout (``dot -Tjson0``) draws, its curves as short straight steps:
    a household's caption is kept off them."""
    lines: list[Line] = []
    for edge in layout.get("edges", ()):
        if "invis" in str(edge.get("style", "")) or not edge.get("pos"):
            continue
        for spline in str(edge["pos"]).split(";"):
            points: Line = []
            start: Line = []  # an arrowhead's tip at the start ("s,x,y") or end ("e,x,y")
            end: Line = []
            for part in spline.split():
                tip = {"s,": start, "e,": end}.get(part[:2])
                x, y = (part[2:] if tip is not None else part).split(",")[:2]
                (tip if tip is not None else points).append((float(x), float(y)))
            lines.append(start + _sampled(points) + end)
    return lines


def _sampled(points: Line, steps: int = 12) -> Line:
    """The cubic Bézier curves through *points* (Graphviz's spline: 3n + 1 points) as
    short straight steps."""
    if len(points) < 4:
        return points
    found: Line = [points[0]]
    for start in range(0, len(points) - 3, 3):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[start:start + 4]
        for step in range(1, steps + 1):
            t = step / steps
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            found.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return found


#: a straight step of a drawn line: (x0, y0, x1, y1)
_Step = tuple[float, float, float, float]


def _step_crosses(step: _Step, box: Box) -> bool:
    """True when the straight step passes through *box* (Liang-Barsky clipping)."""
    ax, ay, bx, by = step
    if max(ax, bx) < box.x0 or min(ax, bx) > box.x1 or max(ay, by) < box.y0 \
            or min(ay, by) > box.y1:
        return False
    low, high = 0.0, 1.0
    dx, dy = bx - ax, by - ay
    for p, q in ((-dx, ax - box.x0), (dx, box.x1 - ax), (-dy, ay - box.y0), (dy, box.y1 - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
    return low <= high


def _steps(line: Line) -> list[_Step]:
    if len(line) == 1:
        return [(*line[0], *line[0])]
    return [(ax, ay, bx, by) for (ax, ay), (bx, by) in pairwise(line)]


class _Drawn:
    """The steps of every line drawn, filed by the squares of a grid they lie in, each with
    whose it is (an outline's own sides do not stand in its caption's way): a family of
    thousands, hundreds of households, has tens of thousands of steps."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[_Step, int]]] = {}

    def add(self, line: Line, owner: int = -1) -> None:
        """File the steps of *line*, drawn by *owner* (-1: the genogram itself)."""
        for step in _steps(line):
            ax, ay, bx, by = step
            for cell in self._covered(Box(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))):
                self._cells.setdefault(cell, []).append((step, owner))

    def crosses(self, box: Box, but: int) -> bool:
        """True when a step not drawn by *but* passes through *box*."""
        return any(owner != but and _step_crosses(step, box)
                   for cell in self._covered(box) for step, owner in self._cells.get(cell, ()))

    def _covered(self, box: Box) -> Iterator[tuple[int, int]]:
        return _squares(box, _GRID)


def _sides(box: Box) -> Line:
    return [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1),
            (box.x0, box.y0)]


def _overlaps(a: Box, b: Box) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _cover(boxes: list[Box]) -> Box:
    total = boxes[0]
    for box in boxes[1:]:
        total = total.union(box)
    return total


def _pad(box: Box) -> Box:
    return Box(box.x0 - _MARGIN, box.y0 - _MARGIN, box.x1 + _MARGIN, box.y1 + _MARGIN + 12)


def _runs(present: list[str], nodes: dict[str, tuple[Box, tuple[float, float]]],
          outsiders: list[Box]) -> list[Box]:
    """One box per run of members on a row, split wherever a non-member stands between, and
    kept clear of non-members' symbols."""
    rows: dict[float, list[str]] = {}
    for member in present:
        rows.setdefault(round(nodes[member][1][1]), []).append(member)
    boxes: list[Box] = []
    for y, row in sorted(rows.items(), reverse=True):
        row.sort(key=lambda m: nodes[m][1][0])
        blockers = sorted((b for b in outsiders if b.y0 <= y <= b.y1), key=lambda b: b.x0)
        # a run is split where a non-member stands between two members
        run: list[str] = []
        for member in row:
            x = nodes[member][1][0]
            if run and any(nodes[run[-1]][1][0] < (b.x0 + b.x1) / 2 < x for b in blockers):
                boxes.append(_clip(_pad(_cover([nodes[m][0] for m in run])), blockers))
                run = []
            run.append(member)
        if run:
            boxes.append(_clip(_pad(_cover([nodes[m][0] for m in run])), blockers))
    return boxes


def _clip(box: Box, blockers: list[Box]) -> Box:
    """Narrow *box* so that it stops short of the symbols either side of it."""
    x0, x1 = box.x0, box.x1
    centre = (box.x0 + box.x1) / 2
    for blocker in blockers:
        if blocker.x1 <= centre and blocker.x1 > x0:
            x0 = blocker.x1 + 3
        elif blocker.x0 >= centre and blocker.x0 < x1:
            x1 = blocker.x0 - 3
    return Box(x0, box.y0, x1, box.y1)


def overlay_dot(positioned: str, outlines_: list[HouseholdOutline],
                beside: Sequence[tuple[str, float, float]] = (), *,
                title: str | None = None, lines: Sequence[Line] = ()) -> str:
    """Add household boxes (as fixed-position nodes drawn first, under everything) to the
    positioned DOT text (:func:`chronogen.draw.render.positioned_dot`), place the *beside*
    nodes (statement, width, height in points; the key) to the right of the drawing,
    top-aligned, and widen the bounding box to fit. A box's caption goes at its foot, or at
    its head where a line of the drawing (*lines*, :func:`edge_lines`) or another outline
    runs through its foot and not its head; where lines run through both, and the box
    overlaps another of its household's whose caption is clear, it goes without one."""
    statements = []
    grow: Box | None = None
    drawn = [box for outline in outlines_ for box in outline.boxes]
    in_the_way = _Drawn()
    # only the lines near an outline can run through a caption (one widened for its caption,
    # or moved to its head, stays within this reach of its box): a family of thousands
    # with a household or two has tens of thousands of steps of line, nearly all far away
    near = {square for box in drawn for square in _squares(
        Box(box.x0 - _REACH, box.y0 - _REACH, box.x1 + _REACH, box.y1 + _REACH), _GRID)}
    for line in lines:
        xs, ys = [x for x, _ in line], [y for _, y in line]
        if not near.isdisjoint(_squares(Box(min(xs), min(ys), max(xs), max(ys)), _GRID)):
            in_the_way.add(line)
    for owner, box in enumerate(drawn):
        in_the_way.add(_sides(box), owner)
    number_of = iter(range(len(drawn)))
    for number, outline in enumerate(outlines_, start=1):
        placed = []
        for box in outline.boxes:
            owner = next(number_of)
            labelled, words = _labelled(box, outline.label, [b for b in drawn if b is not box])
            placed.append((box, *_caption_place(labelled, len(words), in_the_way, owner),
                           words))
        # boxes of one household that overlap are drawn as one outline round them all (a
        # mother's box reaching down into her children's: no line across either) with one
        # caption: the lowest clear one (no line through it), else the lowest; the others go
        # without, as their household drew them
        keepers = set()
        for group in _distinct(_overlapping([box for _, box, _, _, _ in placed])):
            keepers.add(min(group, key=lambda i: (not placed[i][3], placed[i][1].y0,
                                                  placed[i][1].x0)))
        finals = [(box, place, words) if i in keepers else (bare, "b", [])
                  for i, (bare, box, place, _, words) in enumerate(placed)]
        groups = _overlapping([box for box, _, _ in finals])
        for part, (box, place, words) in enumerate(finals, start=1):
            cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
            width = (box.x1 - box.x0) / POINTS_PER_INCH
            height = (box.y1 - box.y0) / POINTS_PER_INCH
            label = "\\n".join(_escape(line) for line in words)
            colour = "transparent" if len(groups[part - 1]) > 1 else "gray35"
            statements.append(
                f'\thousehold_{number}_{part} [shape=box, style="dotted,rounded", '
                f'color={colour}, fontcolor=gray25, fontname="Helvetica", fontsize=9, '
                f"labelloc={place}, fixedsize=true, label=\"{label}\", "
                f'pos="{cx:.2f},{cy:.2f}!", width={width:.3f}, height={height:.3f}];'
            )
            grow = box if grow is None else grow.union(box)
        for part, course in enumerate(
                course for group in _distinct(groups) if len(group) > 1
                for course in _courses(_outline_sides([finals[i][0] for i in group]))):
            statements.extend(_line_statements(f"household_{number}_side_{part}", course))
    match = re.search(r'bb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"', positioned)
    if match is not None:
        bb = Box(*(float(v) for v in match.groups()))
        if grow is not None:
            bb = bb.union(grow)
        x = bb.x1 + 24
        for statement, width, height in beside:
            cx, cy = x + width / 2, bb.y1 - height / 2 - 4
            statements.append("\t" + statement.rstrip(";").rstrip("]")
                              + f', pos="{cx:.2f},{cy:.2f}!"];')
            box = Box(x, bb.y1 - height - 4, x + width, bb.y1)
            grow = box if grow is None else grow.union(box)
            x += width + 12
        if title:
            # the title goes above everything (a graph label would be placed before the
            # outlines and the key were added, and could land on them)
            top = max(bb.y1, grow.y1 if grow is not None else bb.y1) + 22
            statements.append(
                f'\ttitle [shape=plaintext, fontname="Helvetica", fontsize=14, fixedsize=false, '
                f'label="{_escape(title)}", pos="{(bb.x0 + bb.x1) / 2:.2f},{top:.2f}!"];')
            box = Box(bb.x0, top - 12, bb.x1, top + 12)
            grow = box if grow is None else grow.union(box)
    if not statements:
        return positioned
    head, _, rest = positioned.partition("\n")
    text = head + "\n" + "\n".join(statements) + "\n" + rest
    match = re.search(r'bb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"', text)
    if match is not None and grow is not None:
        bb = Box(*(float(v) for v in match.groups()))
        new = bb.union(Box(grow.x0 - 4, grow.y0 - 4, grow.x1 + 4, grow.y1 + 4))
        text = (text[:match.start()] + f'bb="{new.x0:.2f},{new.y0:.2f},{new.x1:.2f},{new.y1:.2f}"'
                + text[match.end():])
    return text


def _overlapping(boxes: list[Box]) -> list[list[int]]:
    """For each box, the positions of the boxes it is joined to by overlapping ones (itself
    included; one shared list for each group)."""
    groups: list[list[int]] = [[i] for i in range(len(boxes))]
    for first, second in ((i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))):
        if groups[first] is not groups[second] and _overlaps(boxes[first], boxes[second]):
            merged = sorted(groups[first] + groups[second])
            for i in merged:
                groups[i] = merged
    return groups


def _distinct(groups: list[list[int]]) -> list[list[int]]:
    """Each group of :func:`_overlapping` once."""
    return list({id(group): group for group in groups}.values())


Point = tuple[float, float]


def _outline_sides(boxes: list[Box]) -> list[tuple[Point, Point]]:
    """The outline of the area the *boxes* cover together: each box's sides, less the
    stretches with another of them on their outer side, and less those an earlier box's
    side already runs along (each stretch once)."""
    sides: list[tuple[Point, Point]] = []
    for number, box in enumerate(boxes):
        others = [other for other in boxes if other is not box]
        # bottom, right, top, left (as _sides runs): whether the outer side is the lower
        for (start, end), outer_lower in zip(pairwise(_sides(box)), (True, False, False, True),
                                             strict=True):
            sides.extend(_outside(start, end, others, outer_lower, boxes[:number]))
    return sides


def _outside(start: Point, end: Point, others: list[Box], outer_lower: bool,
             earlier: list[Box]) -> list[tuple[Point, Point]]:
    """The stretches of a level or upright side from *start* to *end* with none of *others*
    on its outer side (below or to the left when *outer_lower*, else above or right), and
    not run along by the same side of an *earlier* box."""
    level = start[1] == end[1]
    at, low, high = (start[1], *sorted((start[0], end[0]))) if level else \
        (start[0], *sorted((start[1], end[1])))

    def covers(near: float, far: float) -> bool:  # another box on the outer side
        return near < at <= far if outer_lower else near <= at < far

    def along(near: float, far: float) -> bool:  # an earlier box's same side on this line
        return (near if outer_lower else far) == at

    cuts = sorted([(o.x0, o.x1) if level else (o.y0, o.y1) for o in others
                   if (covers(o.y0, o.y1) if level else covers(o.x0, o.x1))]
                  + [(o.x0, o.x1) if level else (o.y0, o.y1) for o in earlier
                     if (along(o.y0, o.y1) if level else along(o.x0, o.x1))])
    pieces: list[tuple[float, float]] = []
    position = low
    for cut_low, cut_high in cuts:
        if cut_low > position:
            pieces.append((position, min(cut_low, high)))
        position = max(position, cut_high)
        if position >= high:
            break
    if position < high:
        pieces.append((position, high))
    return [((a, at), (b, at)) if level else ((at, a), (at, b)) for a, b in pieces if b > a]


#: the radius of a rounded box's corners as Graphviz draws them (points)
_CORNER = 12.0


def _courses(sides: list[tuple[Point, Point]]) -> list[list[Point]]:
    """*sides* as lines to draw (each a cubic Bézier course: start, two control points,
    end, ...): each side straight, shortened where it meets another at a right angle, and
    a quarter curve round each such corner, as Graphviz rounds a box's."""
    meeting: dict[Point, list[int]] = {}
    for number, (start, end) in enumerate(sides):
        meeting.setdefault(start, []).append(number)
        meeting.setdefault(end, []).append(number)
    ends = [list(side) for side in sides]
    corners = []
    for vertex, numbers in meeting.items():
        if len(numbers) != 2:
            continue  # two boxes meeting at a corner: left square
        one, other = (sides[n] for n in numbers)
        if (one[0][1] == one[1][1]) == (other[0][1] == other[1][1]):
            continue  # one straight line drawn in two pieces
        radius = min(_CORNER, *(math.dist(*sides[n]) / 2 for n in numbers))
        curve = []
        for n in numbers:
            start, end = sides[n]
            far = end if start == vertex else start
            length = math.dist(vertex, far)
            point = (vertex[0] + (far[0] - vertex[0]) * radius / length,
                     vertex[1] + (far[1] - vertex[1]) * radius / length)
            ends[n][0 if start == vertex else 1] = point
            curve.append(point)
        corners.append([curve[0], vertex, vertex, curve[1]])
    return [[a, a, b, b] for a, b in ends] + corners


def _line_statements(name: str, course: list[Point]) -> list[str]:
    """A dotted line along *course* (cubic Bézier points), as Graphviz draws one at a fixed
    place: an edge between two unseen points, its course given."""
    (x0, y0), (x1, y1) = course[0], course[-1]
    points = " ".join(f"{x:.2f},{y:.2f}" for x, y in course)
    return [f'\t{name}_a [shape=point, style=invis, width=0.01, label="", '
            f'pos="{x0:.2f},{y0:.2f}!"];',
            f'\t{name}_b [shape=point, style=invis, width=0.01, label="", '
            f'pos="{x1:.2f},{y1:.2f}!"];',
            f'\t{name}_a -> {name}_b [dir=none, style=dotted, color=gray35, '
            f'pos="{points}"];']


#: how far from its box a caption may reach (a caption widened past its box, or raised to
#: its head, points)
_REACH = 300.0
#: a line of a household's caption, 9 pt Helvetica, roughly: points a character, and margin
_CHAR_WIDTH, _LABEL_MARGIN, _LINE_HEIGHT = 5.0, 10.0, 12.0
#: points kept clear between a widened outline and its neighbour
_GAP = 4.0


def _labelled(box: Box, label: str, others: list[Box]) -> tuple[Box, list[str]]:
    """The box made wide enough for its caption on one line, unless that would run into
    another outline: then the caption is broken into lines that fit the box (the date kept
    whole) and the box grows downwards to hold them."""
    width = len(label) * _CHAR_WIDTH + _LABEL_MARGIN
    if box.x1 - box.x0 >= width:
        return box, [label]
    cx = (box.x0 + box.x1) / 2
    wide = Box(cx - width / 2, box.y0, cx + width / 2, box.y1)
    if not any(_overlaps(wide, other) for other in others):
        return wide, [label]
    # an outline this one already overlaps (a parent's box reaching down into the
    # children's) does not stop it growing a little; one beside it does
    room_half = _room(box, [other for other in others if not _overlaps(box, other)])
    name, _, when = label.partition(" (at ")
    lines = [name, f"(at {when}"] if when else [label]  # the address, then the date
    if max(len(line) for line in lines) * _CHAR_WIDTH + _LABEL_MARGIN > 2 * room_half:
        room = max(int((2 * room_half - _LABEL_MARGIN) / _CHAR_WIDTH), 1)
        lines = _wrapped(name.split(), room) + (_wrapped(["(at", when], room) if when else [])
    width = max(len(line) for line in lines) * _CHAR_WIDTH + _LABEL_MARGIN
    x0, x1 = min(box.x0, cx - width / 2), max(box.x1, cx + width / 2)  # a word longer
    return Box(x0, box.y0 - _LINE_HEIGHT * (len(lines) - 1), x1, box.y1), lines


def _caption_place(box: Box, lines: int, drawn: _Drawn, owner: int = -2
                   ) -> tuple[Box, str, bool]:
    """Where a caption of *lines* lines goes in *box* (outline number *owner*): at its foot
    (``b``), or, where something drawn runs through the foot and not through the head, at
    its head (``t``: the box then keeps one line's room at its foot and takes the rest
    above); and whether that end is clear (at the foot when neither is)."""
    height = _LINE_HEIGHT * lines + 4
    foot = Box(box.x0 + 2, box.y0, box.x1 - 2, box.y0 + height)
    if not drawn.crosses(foot, owner):
        return box, "b", True
    extra = _LINE_HEIGHT * (lines - 1)  # the foot's room beyond one line moves up
    raised = Box(box.x0, box.y0 + extra, box.x1, box.y1 + extra)
    head = Box(raised.x0 + 2, raised.y1 - height, raised.x1 - 2, raised.y1)
    if drawn.crosses(head, owner):
        return box, "b", False
    return raised, "t", True


def _room(box: Box, others: list[Box]) -> float:
    """Half the width *box* may grow to, centred, before it meets an outline beside it
    (none at all when an outline beside it stands across its middle)."""
    half = (box.x1 - box.x0) / 2
    cx = box.x0 + half
    left, right = -float("inf"), float("inf")
    for other in others:
        if not (other.y0 < box.y1 and box.y0 < other.y1):
            continue  # above or below
        if other.x1 <= cx:
            left = max(left, other.x1)
        elif other.x0 >= cx:
            right = min(right, other.x0)
        else:
            return half
    return max(half, min(cx - left, right - cx) - _GAP)


def _wrapped(words: list[str], room: int) -> list[str]:
    """*words* in lines of at most *room* characters (a longer word on a line of its own)."""
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _escape(text: str) -> str:
    return clean_label(text).replace("\\", "\\\\").replace('"', '\\"')

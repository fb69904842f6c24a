"""The genogram: graph, DOT (golden), layout invariants on real `dot` output, households."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen import Family, genogram, read_family_file, render_genogram, to_dot
from chronogen.domain.family_graph import union_id
from chronogen.draw.dot import caption_id
from chronogen.draw.households import Box, households_at, outlines
from chronogen.draw.partner_rows import partner_chains
from chronogen.draw.render import final_dot, layout_json
from tests.conftest import HARBOUR
from tests.families import big_sibship, blended, generations, many_partners
from tests.property_examples import examples

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
GOLDEN = Path(__file__).parent / "golden"
AS_AT = date(2021, 2, 11)


def harbour() -> Family:
    return read_family_file(HARBOUR / "family.xlsx").family


SHAPES = {"harbour": (harbour, AS_AT), "blended": (blended, date(2020, 6, 1)),
          "generations": (generations, date(2020, 6, 1)),
          "many-partners": (many_partners, date(2012, 1, 1)),
          "big-sibship": (big_sibship, date(2015, 1, 1)),
          "generations-74": (lambda: generations(4), date(2020, 6, 1))}


def test_graph_has_people_unions_and_layers() -> None:
    graph = genogram(harbour())
    kinds = {d["kind"] for _, d in graph.nodes(data=True)}
    assert kinds == {"person", "union"}
    union = union_id("P4", "P5")
    assert graph.has_edge("P5", union, key="partner") and graph.has_edge("P4", union)
    assert graph.has_edge(union, "P1", key="child") and graph.has_edge(union, "P2")
    assert graph.has_edge("P4", "P1", key="parent:biological")
    violence = graph.get_edge_data("P7", "P4")["relation:violence"]
    assert violence["layer"] == "relation"
    # a partnership with no children is still a union
    assert union_id("P4", "P7") in graph


def test_dot_text_is_deterministic_and_matches_the_golden_file() -> None:
    text = to_dot(harbour(), as_at=AS_AT, title="Harbour family")
    assert text == to_dot(harbour(), as_at=AS_AT, title="Harbour family")
    golden = GOLDEN / "harbour.dot"
    if os.environ.get("CHRONOGEN_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
        pytest.skip("golden file rewritten: review the diff, then run again without "
                    "CHRONOGEN_UPDATE_GOLDEN")
    assert text == golden.read_text(encoding="utf-8")


def test_notation_in_the_dot_text() -> None:
    text = to_dot(harbour(), as_at=AS_AT)
    assert '"P1" [shape="circle", label="4", group="P1", peripheries=2' in text  # index
    assert '"P2" [shape="square"' in text
    assert "✕" in text  # Peter, deceased
    assert '"U:P4+P5" [ordering="out", shape="plaintext", label="/"' in text  # separated
    assert 'color="red", penwidth=2.0' in text  # violence
    assert "Key" in text and "ages as at 11/02/2021" in text


def _adjacent(chains: list[list[str]], a: str, b: str) -> bool:
    return any(abs(chain.index(a) - chain.index(b)) == 1 for chain in chains
               if a in chain and b in chain)


@pytest.mark.parametrize("couples", [
    [("A", "B"), ("C", "D"), ("C", "B")],   # a chain of four
    [("X", "W1"), ("X", "W2")],             # one person, two partners: in the middle
    [("P", "Q")],
])
def test_partner_rows_keep_each_couple_adjacent(couples: list[tuple[str, str]]) -> None:
    chains = partner_chains(couples)
    people = sorted({p for c in couples for p in c})
    assert sorted(p for chain in chains for p in chain) == people  # each person once
    for a, b in couples:
        assert _adjacent(chains, a, b), (a, b, chains)


def test_a_person_with_three_partners_keeps_two_of_them_adjacent() -> None:
    chains = partner_chains([("X", "W1"), ("X", "W2"), ("X", "W3")])
    assert sum(_adjacent(chains, "X", w) for w in ("W1", "W2", "W3")) == 2
    assert chains == [["W3", "W2", "X", "W1"]]  # the third at the nearer end


def test_the_partner_living_with_them_stands_beside_them() -> None:
    """A third partner who lives with the person goes beside them, the earlier partner on
    that side moved out by one: their household is drawn in one outline, not split by an
    earlier partner standing between them (the Harbour mother and her partner)."""
    together = {frozenset(("X", "W3"))}
    assert partner_chains([("X", "W1"), ("X", "W2"), ("X", "W3")], together) == [
        ["W2", "W3", "X", "W1"]]
    # the other side, where the person stands nearer the row's right end
    assert partner_chains([("A", "B"), ("B", "X"), ("X", "W2"), ("X", "W3")],
                          {frozenset(("X", "W3"))}) == [["A", "B", "X", "W3", "W2"]]
    # living with an earlier partner changes nothing: they already stand beside them
    assert partner_chains([("X", "W1"), ("X", "W2"), ("X", "W3")],
                          {frozenset(("X", "W1"))}) == [["W3", "W2", "X", "W1"]]


# -- layout invariants on the positions Graphviz computes -----------------------------------


def _positions(layout: dict[str, Any]) -> dict[str, tuple[float, float, float, float]]:
    found = {}
    for obj in layout["objects"]:
        if "pos" in obj:
            x, y = (float(v) for v in obj["pos"].split(","))
            found[obj["name"]] = (x, y, float(obj["width"]) * 72, float(obj["height"]) * 72)
    return found


@needs_dot
@pytest.mark.parametrize("shape", list(SHAPES))
def test_layout_invariants(shape: str) -> None:
    make, when = SHAPES[shape]
    family = make()
    pos = _positions(layout_json(to_dot(family, as_at=when)))
    graph = genogram(family)
    people = [p.id for p in family.people]
    for node, data in graph.nodes(data=True):
        if data["kind"] != "union":
            continue
        a, b = data["partners"]
        assert pos[a][1] == pos[b][1] == pos[node][1], f"{shape}: partners {a}, {b} off rank"
        assert min(pos[a][0], pos[b][0]) <= pos[node][0] <= max(pos[a][0], pos[b][0]), (
            f"{shape}: the union of {a} and {b} is not between them")
        children = [v for _, v, k in graph.out_edges(node, keys=True) if k == "child"]
        for child in children:
            assert pos[child][1] < pos[a][1], f"{shape}: {child} not below parents"
        born = sorted(children, key=lambda c: (family.person(c).birth.sort_key
                                               if family.person(c).birth else (date.max,) * 2))
        xs = [pos[c][0] for c in born]
        assert xs == sorted(xs), f"{shape}: siblings {born} not in birth order"
        # a couple with no grandchildren has its children close below it
        if not any(k == "partner" for c in children for _, _, k in graph.out_edges(c, keys=True)):
            reach = 120 * max(len(children), 2)
            for child in children:
                distance = abs(pos[child][0] - pos[node][0])
                assert distance <= reach, f"{shape}: {child} is {distance:.0f}pt from its union"
    for link in family.parent_links:
        assert pos[link.child][1] < pos[link.parent][1], f"{shape}: {link} child not below"
    boxes = {p: pos[p] for p in people} | {caption_id(p): pos[caption_id(p)] for p in people}
    names = sorted(boxes)
    for i, first in enumerate(names):
        x1, y1, w1, h1 = boxes[first]
        for second in names[i + 1:]:
            x2, y2, w2, h2 = boxes[second]
            overlap = abs(x1 - x2) < (w1 + w2) / 2 - 0.5 and abs(y1 - y2) < (h1 + h2) / 2 - 0.5
            assert not overlap, f"{shape}: {first} overlaps {second}"
    for person in people:  # every caption sits straight under its symbol
        assert abs(pos[person][0] - pos[caption_id(person)][0]) < 1
        assert pos[caption_id(person)][1] < pos[person][1]


@needs_dot
def test_household_outlines_hold_members_and_no_one_else() -> None:
    family = harbour()
    structure = to_dot(family, as_at=AS_AT)
    layout = layout_json(structure)
    pos = _positions(layout)
    homes = households_at(family, AS_AT)
    assert homes == {"14 Quay Street": ["P4", "P3", "P1", "P2", "P7"], "3 Mill Lane": ["P8"]}
    drawn = outlines(homes, layout, AS_AT, [p.id for p in family.people])
    for outline, (home, members) in zip(drawn, homes.items(), strict=True):
        assert outline.label == f"{home} (at 11/02/2021)"
        for member in members:
            x, y, _, _ = pos[member]
            assert any(box.contains(x, y) for box in outline.boxes), member
        for other in (p.id for p in family.people if p.id not in members):
            x, y, _, _ = pos[other]
            assert not any(box.contains(x, y) for box in outline.boxes), other
    # nor does any box reach into someone else's symbol or caption (the children's box
    # reached 3 points into Ryan's caption, above it)
    from chronogen.draw.households import _units

    units = _units(layout, [p.id for p in family.people])
    for outline, (_, members) in zip(drawn, homes.items(), strict=True):
        for other, (unit, _) in units.items():
            if other not in members:
                assert not any(_meet(box, unit) for box in outline.boxes), other


@needs_dot
def test_a_households_boxes_are_joined_where_one_box_takes_in_no_one_else() -> None:
    """Blended family: Mike (a lodger) stands above Dora, both at 1 Elm Road, and drew a box
    each, the one's caption on the other's edge; one box now holds both. Every box still
    holds its members and no one else's symbol or caption."""
    drawn, homes, units = _outlines_holding_their_members(blended(), date(2021, 1, 1))
    for outline, (_, members) in zip(drawn, homes.items(), strict=True):
        for other, (unit, _) in units.items():
            if other not in members:
                assert not any(_meet(box, unit) for box in outline.boxes), other
    (elm,) = [o for o in drawn if o.label.startswith("1 Elm Road")]
    assert any(box.contains(*units["MIKE"][1]) and box.contains(*units["DORA"][1])
               for box in elm.boxes)


@needs_dot
def test_people_are_drawn_whatever_their_ids_hold() -> None:
    """An id with a quote, a backslash or a space, or written the way the drawing names its
    own nodes ("C:A", a union's "U:A+B", "key"), is still one person of its own, outlined
    with its household."""
    from chronogen import (
        HouseholdMembership,
        ParentLink,
        ParentRole,
        Partnership,
        PartnershipKind,
        Person,
        Sex,
    )
    from chronogen.draw.dot_syntax import graphviz_name, person_node

    ids = ["A", "B", 'P"1', "A\\B", "C:A", "E F", "U:A+B", "key", "S:A"]
    people = [Person(id=i, first_name=f"N{n}", sex=Sex.MALE if n == 0 else Sex.FEMALE,
                     subject=n == 4, index=n == 4) for n, i in enumerate(ids)]
    family = Family(
        people=people,
        partnerships=[Partnership(partners=("A", "B"), kind=PartnershipKind.MARRIAGE)],
        parent_links=[ParentLink(parent="A", child="C:A", role=ParentRole.FATHER),
                      ParentLink(parent="B", child="C:A", role=ParentRole.MOTHER),
                      ParentLink(parent="A", child="S:A", role=ParentRole.FATHER)],
        households=[HouseholdMembership(household="Home", person=i) for i in ids[2:6]]
        + [HouseholdMembership(household="Away", person=i) for i in ids[6:]])
    when = date(2020, 1, 1)
    layout = layout_json(to_dot(family, as_at=when))
    pos = _positions(layout)
    symbols = {graphviz_name(person_node(i)) for i in ids}
    assert len(symbols) == len(ids) and symbols <= set(pos)  # one node each, all drawn
    homes = households_at(family, when)
    drawn = outlines(homes, layout, when, ids)
    assert [o.label.split(" (")[0] for o in drawn] == list(homes)
    for outline, members in zip(drawn, homes.values(), strict=True):
        for member in members:
            x, y, _, _ = pos[graphviz_name(person_node(member))]
            assert any(box.contains(x, y) for box in outline.boxes), member


def test_couples_whose_ids_hold_plus_signs_keep_their_own_unions() -> None:
    from chronogen import Partnership, PartnershipKind, Person
    from chronogen.domain.family_graph import union_of

    ids = ["A+B", "C", "A", "B+C"]
    family = Family(people=[Person(id=i) for i in ids], partnerships=[
        Partnership(partners=("A+B", "C"), kind=PartnershipKind.MARRIAGE),
        Partnership(partners=("A", "B+C"), kind=PartnershipKind.MARRIAGE)])
    graph = genogram(family)
    first, second = union_of(graph, "A+B", "C"), union_of(graph, "C", "A+B")
    other = union_of(graph, "A", "B+C")
    assert first == second and first is not None and other is not None and first != other
    assert graph.nodes[first]["partners"] == ("A+B", "C")
    assert graph.nodes[other]["partners"] == ("A", "B+C")
    assert union_of(graph, "A", "C") is None


@needs_dot
def test_household_captions_of_neighbours_do_not_run_into_each_other() -> None:
    """Siblings side by side, each alone in a household: a caption wider than its box
    is broken into lines that fit, rather than widening the box over its neighbour's."""
    import re

    from chronogen import HouseholdMembership, ParentLink, ParentRole, Person, Sex

    people = [Person(id="M", first_name="Mum", sex=Sex.FEMALE),
              Person(id="A", first_name="Ann", sex=Sex.FEMALE, subject=True, index=True),
              Person(id="B", first_name="Bea", sex=Sex.FEMALE, subject=True)]
    family = Family(people=people, parent_links=[
        ParentLink(parent="M", child=c, role=ParentRole.MOTHER) for c in ("A", "B")],
        households=[HouseholdMembership(household="12 Long Road Name", person="A"),
                    HouseholdMembership(household="Foster carers, Other Town", person="B")])
    text = final_dot(family, as_at=date(2020, 1, 1))
    boxes = []
    for label, x, y, w, h in re.findall(r'household_\d+_\d+ \[.*?label="([^"]*)", '
                                        r'pos="([\d.]+),([\d.]+)!", width=([\d.]+), '
                                        r'height=([\d.]+)\]', text):
        half_w, half_h = float(w) * 36, float(h) * 36
        boxes.append((Box(float(x) - half_w, float(y) - half_h, float(x) + half_w,
                          float(y) + half_h), label.split("\\n")))
    assert len(boxes) == 2
    (first, _), (second, _) = boxes
    assert first.x1 <= second.x0 or second.x1 <= first.x0  # side by side, apart
    for box, lines in boxes:
        assert len(lines) > 1 and lines[-1].endswith("/2020)")  # broken, the date whole
        assert all(len(line) * 5 + 10 <= box.x1 - box.x0 + 0.5 for line in lines)


def test_the_lines_of_a_layout_are_read_curves_and_arrowheads_included() -> None:
    from chronogen.draw.households import Line, _Drawn, edge_lines

    def _crosses(line: Line, box: Box) -> bool:
        drawn = _Drawn()
        drawn.add(line)
        return drawn.crosses(box, but=-2)

    layout = {"edges": [
        {"pos": "e,100,0 0,0 30,0 60,0 90,0"},  # a straight curve ending in an arrowhead
        {"pos": "0,50 0,60 0,70 0,80", "style": "invis"},  # not drawn
        {"pos": "s,0,100 10,100 10,130 40,130 40,100"}]}  # an arch, an arrowhead at its start
    straight, arch = edge_lines(layout)
    assert straight[0] == (0.0, 0.0) and straight[-1] == (100.0, 0.0)
    assert all(y == 0 for _, y in straight)
    assert arch[0] == (0.0, 100.0) and max(y for _, y in arch) > 120  # the arch's top
    assert _crosses(straight, Box(95, -5, 99, 5))  # the arrowhead's stretch counts
    assert not _crosses(straight, Box(0, 5, 100, 10))
    assert _crosses(arch, Box(20, 118, 30, 126)) and not _crosses(arch, Box(20, 100, 30, 110))


def test_a_caption_goes_to_the_head_of_its_box_where_a_line_runs_through_its_foot() -> None:
    from chronogen.draw.households import Line, _caption_place, _Drawn, _sides

    def drawn(*lines: Line, own: Box | None = None) -> _Drawn:
        made = _Drawn()
        for line in lines:
            made.add(line)
        if own is not None:
            made.add(_sides(own), 7)  # the box's own outline
        return made

    box = Box(0, 0, 200, 100)
    across_foot = [(-10.0, 5.0), (210.0, 8.0)]
    across_head = [(-10.0, 95.0), (210.0, 95.0)]
    assert _caption_place(box, 1, drawn(own=box), 7) == (box, "b", True)
    assert _caption_place(box, 1, drawn(own=box), 3) == (box, "b", False)  # another's
    assert _caption_place(box, 1, drawn(across_foot)) == (box, "t", True)
    assert _caption_place(box, 2, drawn(across_foot)) == (Box(0, 12, 200, 112), "t", True)
    assert _caption_place(box, 1, drawn(across_foot, across_head)) == (box, "b", False)
    far = [(1000.0, -500.0), (1000.0, 500.0)]  # filed far away: not in the way
    assert _caption_place(box, 1, drawn(far)) == (box, "b", True)


@needs_dot
def test_no_line_runs_through_the_harbour_households_captions() -> None:
    """The conflict line between Jade and Ryan ran through the caption of Karen's household
    at the foot of its box: the caption now stands where no line runs through it (at the
    head while the box reached down to Jade's; at the foot since it stops short of it)."""
    import re

    from chronogen.domain.kinship import family_as_at
    from chronogen.draw.dot import structure
    from chronogen.draw.households import _Drawn, edge_lines

    text = final_dot(harbour(), as_at=AS_AT)
    mill = re.search(r'labelloc=(\w), fixedsize=true, label="3 Mill Lane[^"]*", '
                     r'pos="([\d.]+),([\d.]+)!", width=([\d.]+), height=([\d.]+)', text)
    assert mill is not None
    x, y, w, h = (float(v) for v in mill.groups()[1:])
    lines = 2 if "\\n" in mill.group(0) else 1
    head = Box(x - w * 36, y + h * 36 - 14 * lines, x + w * 36, y + h * 36) \
        if mill.group(1) == "t" else Box(x - w * 36, y - h * 36, x + w * 36,
                                         y - h * 36 + 14 * lines)
    shape, _ = structure(family_as_at(harbour(), AS_AT), AS_AT, None, False)
    drawn = _Drawn()
    for line in edge_lines(layout_json(shape)):
        drawn.add(line)
    assert not drawn.crosses(head, but=-2)
    # the mother, her partner and the children: one outline of two boxes that meet, one
    # caption (her partner stands beside her, not beyond her earlier partner)
    quay = re.findall(r'household_1_\d+ \[.*?label="([^"]*)", pos="([\d.]+),([\d.]+)!", '
                      r'width=([\d.]+), height=([\d.]+)\]', text)
    assert sorted(label for label, *_ in quay) == ["", "14 Quay Street (at 11/02/2021)"]
    boxes = [(label, Box(float(x) - float(w) * 36, float(y) - float(h) * 36,
                         float(x) + float(w) * 36, float(y) + float(h) * 36))
             for label, x, y, w, h in quay]
    (bare,) = [b for label, b in boxes if not label]
    assert any(_meet(b, bare) for label, b in boxes if label)


def _outlines_holding_their_members(family: Family, when: date) -> tuple[
        list[Any], dict[str, list[str]], dict[str, tuple[Box, tuple[float, float]]]]:
    """The household outlines of *family* drawn at *when*, its households and everyone's
    box (symbol and caption), having checked that each outline holds its members."""
    from chronogen.draw.households import _units

    layout = layout_json(to_dot(family, as_at=when))
    homes = households_at(family, when)
    drawn = outlines(homes, layout, when, [p.id for p in family.people])
    units = _units(layout, [p.id for p in family.people])
    for outline, (_, members) in zip(drawn, homes.items(), strict=True):
        for member in members:
            assert any(box.contains(*units[member][1]) for box in outline.boxes), member
    return drawn, homes, units


def _meet(one: Box, other: Box) -> bool:
    """Two boxes share some area (worked out here, not by the code under test)."""
    return one.x0 < other.x1 and other.x0 < one.x1 and one.y0 < other.y1 and other.y0 < one.y1


def test_box_helpers() -> None:
    box = Box(0, 0, 10, 10)
    assert box.contains(5, 5) and not box.contains(11, 5)
    assert box.union(Box(5, 5, 20, 20)) == Box(0, 0, 20, 20)


@needs_dot
@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf", ".dot"])
def test_render_every_format(tmp_path: Path, suffix: str) -> None:
    out = render_genogram(harbour(), tmp_path / f"g{suffix}", as_at=AS_AT)
    data = out.read_bytes()
    expected = {".svg": b"<svg", ".png": b"\x89PNG", ".pdf": b"%PDF", ".dot": b"digraph"}
    assert expected[suffix] in data[:400]


@needs_dot
def test_finished_dot_draws_the_households() -> None:
    text = final_dot(harbour(), as_at=AS_AT)
    assert text.count("household_") >= 2 and 'style="dotted,rounded"' in text
    assert 'label="14 Quay Street (at 11/02/2021)"' in text


@pytest.mark.slow
@needs_dot
def test_genogram_and_people_commands(tmp_path: Path) -> None:
    out = tmp_path / "g.svg"
    done = subprocess.run([sys.executable, "-m", "chronogen", "genogram", str(HARBOUR), "-o",
                           str(out), "--as-at", "11/02/2021"], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "Mia Harbour" in out.read_text(encoding="utf-8")
    people = subprocess.run([sys.executable, "-m", "chronogen", "people",
                             str(HARBOUR / "family.xlsx"), "--as-at", "2021-02-11"],
                            capture_output=True, text=True, check=False)
    assert people.returncode == 0
    line = next(x for x in people.stdout.splitlines() if x.startswith("P7"))
    assert "mother's partner" in line and "yes" in line
    bad = subprocess.run([sys.executable, "-m", "chronogen", "genogram", str(HARBOUR), "-o",
                          str(tmp_path / "g.gif")], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "unsupported genogram format" in bad.stderr


def test_without_graphviz_the_message_says_how_to_install(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from chronogen import RenderError

    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` on this PATH
    with pytest.raises(RenderError, match="apt-get install graphviz"):
        render_genogram(harbour(), tmp_path / "g.svg", as_at=AS_AT)
    out = render_genogram(harbour(), tmp_path / "g.dot", as_at=AS_AT)
    assert out.read_text(encoding="utf-8").startswith("digraph genogram")


@st.composite
def random_families(draw: st.DrawFn) -> Family:
    from chronogen import ParentLink, Partnership, Person, Sex

    count = draw(st.integers(min_value=1, max_value=14))
    people = [Person(id=f"X{n}", first_name=f"N{n}", sex=draw(st.sampled_from(list(Sex))),
                     subject=draw(st.booleans())) for n in range(count)]
    links = []
    for child in range(1, count):  # parents always earlier in the list: no cycles
        for parent in draw(st.sets(st.integers(min_value=0, max_value=child - 1), max_size=2)):
            links.append(ParentLink(parent=f"X{parent}", child=f"X{child}"))
    pairs = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)),
                          max_size=5))
    partnerships = [Partnership(partners=(f"X{a}", f"X{b}")) for a, b in pairs if a != b]
    return Family(people=people, parent_links=links, partnerships=partnerships)


@given(random_families())
@settings(max_examples=examples(60), deadline=None)
def test_any_family_gives_a_graph_dot_text_and_words(family: Family) -> None:
    from chronogen import Kinship

    graph = genogram(family)
    assert {p.id for p in family.people} <= set(graph.nodes)
    text = to_dot(family, as_at=date(2020, 1, 1))
    assert text.startswith("digraph genogram {") and text.endswith("}\n")
    assert text == to_dot(family, as_at=date(2020, 1, 1))
    kin = Kinship(family)
    target = family.people[0].id
    for person in family.people:
        assert kin.relationship(person.id, target)


@needs_dot
def test_awkward_names_render(tmp_path: Path) -> None:
    from chronogen import Person, Sex

    names = ['O"Brien', "back\\slash", "two\nlines", "ctrl\x01char", "<b>tag</b>", "Zoë 🌈",
             "{brace} [bracket]"]
    family = Family(people=[Person(id=f"A{n}", first_name=name, sex=Sex.FEMALE,
                                   role="role; with: punctuation")
                            for n, name in enumerate(names)])
    out = render_genogram(family, tmp_path / "g.svg", as_at=date(2020, 1, 1), title='a "title"')
    text = out.read_text(encoding="utf-8")
    assert "Zoë" in text and "O&quot;Brien" in text and "&lt;b&gt;tag" in text


def _drawn(svg: bytes) -> list[str]:
    """An SVG's elements without their numbering, in no particular order."""
    import re

    return sorted(re.sub(r' id="[^"]*"', "", svg.decode("utf-8")).splitlines())


@needs_dot
@pytest.mark.parametrize("shape", ["harbour", "blended", "many-partners"])
def test_positioned_dot_draws_what_graphviz_own_positioned_dot_draws(shape: str) -> None:
    """chronogen writes the laid-out DOT itself from the layout's JSON (Graphviz's -Tdot
    writer takes seconds on a large family): the drawing must be the same, crosses (HTML-like
    labels) and all."""
    from chronogen.domain.kinship import family_as_at
    from chronogen.draw.dot import CROSSES, structure
    from chronogen.draw.render import _graphviz, positioned_dot

    make, when = SHAPES[shape]
    text, _ = structure(family_as_at(make(), when), when, None, False)
    ours = positioned_dot(layout_json(text), html_labels=frozenset(CROSSES.values()))
    graphviz_own = _graphviz("dot", "dot", text).decode("utf-8")
    assert _drawn(_graphviz("neato", "svg", ours, no_op=2)) == \
        _drawn(_graphviz("neato", "svg", graphviz_own, no_op=2))
    if shape == "harbour":  # a deceased grandfather: his cross is an HTML-like label
        assert "label=<<FONT" in ours


@pytest.mark.slow
@needs_dot
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12))
@settings(max_examples=examples(20), deadline=None)
def test_positioned_dot_keeps_any_label(label: str) -> None:
    from chronogen.draw.dot_syntax import quote
    from chronogen.draw.render import _graphviz, positioned_dot

    text = f"digraph g {{ a [label={quote(label)}]; a -> b [xlabel={quote(label)}]; }}"
    before = layout_json(text)
    after = json.loads(_graphviz("neato", "json0", positioned_dot(before), no_op=2))
    assert [o.get("label") for o in after["objects"]] == \
        [o.get("label") for o in before["objects"]]
    assert after["edges"][0].get("xlabel") == before["edges"][0].get("xlabel")
    graphviz_own = json.loads(_graphviz("neato", "json0", _graphviz("dot", "dot", text).decode(),
                                        no_op=2))
    assert [o["pos"] for o in after["objects"]] == [o["pos"] for o in graphviz_own["objects"]]


@needs_dot
@pytest.mark.slow
def test_png_is_drawn_for_print_and_pdf_is_the_same_in_any_time_zone(tmp_path: Path) -> None:
    from PIL import Image

    svg = render_genogram(harbour(), tmp_path / "g.svg", as_at=AS_AT)
    png = render_genogram(harbour(), tmp_path / "g.png", as_at=AS_AT, dpi=200)
    width_pt = float(svg.read_text(encoding="utf-8").split('width="', 1)[1].split("pt", 1)[0])
    with Image.open(png) as image:
        assert abs(image.width - width_pt * 200 / 72) < 0.05 * width_pt * 200 / 72
    code = ("import sys; from pathlib import Path; from datetime import date; import chronogen; "
            "f = chronogen.read_family_file(Path(sys.argv[1])).family; "
            "chronogen.render_genogram(f, Path(sys.argv[2]), as_at=date(2021, 2, 11))")
    pdfs = []
    for zone in ("UTC", "Europe/Berlin", "Pacific/Auckland"):
        out = tmp_path / f"{zone.replace('/', '-')}.pdf"
        subprocess.run([sys.executable, "-c", code, str(HARBOUR / "family.xlsx"), str(out)],
                       check=True, env={**os.environ, "TZ": zone})
        pdfs.append(out.read_bytes())
    assert pdfs[0] == pdfs[1] == pdfs[2]
    assert b"/CreationDate (D:20000101000000Z)" in pdfs[0]


_GRID_BOX = st.builds(lambda x, y, w, h: Box(x, y, x + w, y + h), st.integers(0, 8),
                      st.integers(0, 8), st.integers(1, 5), st.integers(1, 5))


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(_GRID_BOX, min_size=1, max_size=4))
def test_an_outline_round_boxes_runs_exactly_where_covered_meets_uncovered(
        boxes: list[Box]) -> None:
    """On a grid of unit squares: every unit stretch of the drawn outline has a square
    covered by the boxes on one side and not on the other, and every such stretch is
    drawn, once."""
    from collections import Counter

    from chronogen.draw.households import _outline_sides

    def covered(x: int, y: int) -> bool:  # the unit square from (x, y)
        return any(b.x0 <= x and x + 1 <= b.x1 and b.y0 <= y and y + 1 <= b.y1 for b in boxes)

    drawn: Counter[tuple[str, int, int]] = Counter()  # ("h", x, y): (x, y) to (x + 1, y)
    for (x0, y0), (x1, y1) in _outline_sides(boxes):
        if y0 == y1:
            drawn.update(("h", x, int(y0)) for x in range(int(min(x0, x1)), int(max(x0, x1))))
        else:
            drawn.update(("v", int(x0), y) for y in range(int(min(y0, y1)), int(max(y0, y1))))
    boundary = {("h", x, y) for x in range(-1, 15) for y in range(-1, 15)
                if covered(x, y) != covered(x, y - 1)}
    boundary |= {("v", x, y) for x in range(-1, 15) for y in range(-1, 15)
                 if covered(x, y) != covered(x - 1, y)}
    assert set(drawn) == boundary
    assert set(drawn.values()) <= {1}  # each stretch drawn once (boxes sharing a side)


@needs_dot
def test_a_households_overlapping_boxes_are_drawn_as_one_outline() -> None:
    """Harbour: Jade's box reaches down into her children's (both 14 Quay Street) and could
    not be joined into one rectangle (Ryan stands beside them): the two are drawn as one
    outline round both, with no line across either, and no line of it through anyone."""
    import re

    from chronogen.draw.households import _units

    family = harbour()
    text = final_dot(family, as_at=AS_AT)
    hidden = re.findall(r'household_1_\d+ \[[^]]*color=transparent', text)
    assert len(hidden) == 2
    courses = [[tuple(float(v) for v in point.split(",")) for point in course.split()]
               for course in re.findall(r'household_1_side_\d+_a -> household_1_side_\d+_b '
                                        r'\[[^]]*pos="([^"]*)"', text)]
    straight = [c for c in courses if c[0] == c[1] and c[2] == c[3]]
    curves = [c for c in courses if c[1] == c[2] and c[0] != c[1]]
    assert len(straight) == 8 and len(curves) == 8  # a T: eight sides, eight corners rounded
    for a, corner, _, b in curves:  # a quarter turn: one end level with it, one upright
        assert {a[0] == corner[0], a[1] == corner[1]} == {True, False}
        assert {b[0] == corner[0], b[1] == corner[1]} == {True, False}
    layout = layout_json(to_dot(family, as_at=AS_AT))
    units = _units(layout, [p.id for p in family.people])
    for course in courses:  # sampled along its control points (a curve stays within them)
        for (x0, y0), (x1, y1) in pairwise(course):
            steps = [(x0 + (x1 - x0) * k / 20, y0 + (y1 - y0) * k / 20) for k in range(21)]
            for person, (unit, _) in units.items():
                assert not any(unit.x0 < x < unit.x1 and unit.y0 < y < unit.y1
                               for x, y in steps), person


@needs_dot
def test_households_one_above_another_do_not_overlap() -> None:
    """Four generations, every couple in a household of its own: a couple's box reached
    down over their married children's boxes. Boxes of different households now stop
    halfway between their members; each still holds its own members and no one else."""
    from chronogen import HouseholdMembership

    family = generations()
    family = family.model_copy(update={"households": [
        HouseholdMembership(household=f"{number} Test Road", person=person)
        for number, couple in enumerate(family.partnerships, start=1)
        for person in couple.partners]})
    drawn, _, _ = _outlines_holding_their_members(family, date(2021, 1, 1))
    boxes = [(n, box) for n, outline in enumerate(drawn) for box in outline.boxes]
    assert len(drawn) > 5
    for n, box in boxes:
        for m, other in boxes:
            assert n == m or not _meet(box, other), (drawn[n].label, drawn[m].label)


@needs_dot
def test_a_household_with_no_one_drawn_gets_no_outline() -> None:
    family = harbour()
    layout = layout_json(to_dot(family, as_at=AS_AT))
    homes = {"Elsewhere": ["NOT-DRAWN"], **households_at(family, AS_AT)}
    drawn = outlines(homes, layout, AS_AT, [p.id for p in family.people])
    assert [o.label.split(" (")[0] for o in drawn] == ["14 Quay Street", "3 Mill Lane"]


def test_an_outlines_corners_are_rounded_as_a_boxs_are() -> None:
    """An L of two boxes sharing their bottom and left sides: seven stretches (the left
    side in two, each drawn once), each shortened where it turns, and six quarter curves,
    12 points round."""
    import math

    from chronogen.draw.households import _courses, _outline_sides

    courses = _courses(_outline_sides([Box(0, 0, 100, 50), Box(0, 0, 30, 100)]))
    straight = [c for c in courses if c[0] == c[1]]
    curves = [c for c in courses if c[1] == c[2]]
    assert len(straight) == 7 and len(curves) == 6
    lengths = sorted(round(math.dist(c[0], c[-1]), 2) for c in straight)
    # the stretches 100, 50, 70, 50 + 50, 50, 30 long, each 12 shorter where it turns
    assert lengths == [6.0, 26.0, 26.0, 38.0, 38.0, 46.0, 76.0]
    for a, corner, _, b in curves:
        assert math.dist(a, corner) == math.dist(b, corner) == 12

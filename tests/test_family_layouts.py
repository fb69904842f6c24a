"""Family workbooks as they arrive: every layout gives the same family, nothing is ignored
silently, and what is inferred says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chronogen import Kinship, ProblemCode, read_family_file
from tests.data.families.make_families import FAMILIES, make

DAY = date(2021, 2, 11)


def test_at_least_eight_family_layouts() -> None:
    assert len(FAMILIES) >= 8


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_every_layout_gives_the_same_family(name: str, tmp_path: Path) -> None:
    result = read_family_file(make(name, tmp_path))
    family = result.family
    by_name = {p.name: p.id for p in family.people if not p.placeholder}
    assert set(by_name) >= {"Mia Harbour", "Jade Harbour", "Ryan Harbour", "Dean Foster",
                            "Leo Harbour", "Karen Harbour"}
    index = family.index_child
    assert index is not None and index.name == "Mia Harbour"
    kin = Kinship(family)
    words = {n: kin.relationship(pid, index.id, DAY) for n, pid in by_name.items()}
    assert words["Jade Harbour"] == "mother"
    assert words["Ryan Harbour"] == "father"
    assert words["Dean Foster"] == "mother's partner"
    assert words["Karen Harbour"] == "maternal grandmother"
    assert words["Leo Harbour"] in ("brother", "brother (parents not all known)")
    errors = [p for p in result.problems if p.severity.value == "error"]
    assert errors == []


def test_a_sheet_not_read_is_reported_with_its_reason(tmp_path: Path) -> None:
    result = read_family_file(make("cover-and-people", tmp_path))
    unread = {p.sheet: p.message for p in result.problems
              if p.code is ProblemCode.SHEET_NOT_READ}
    assert set(unread) == {"Cover", "Notes"}
    assert "not a people, relationships or households table" in unread["Cover"]


def test_inferred_links_say_so_and_lives_with_becomes_dated_households(tmp_path: Path) -> None:
    result = read_family_file(make("names-only-with-role-column", tmp_path))
    notes = [p.message for p in result.problems if p.code is ProblemCode.ASSUMPTION]
    assert any("Jade Harbour is Mia Harbour's mother" in n for n in notes)
    assert any("Dean Foster is Mia Harbour's mother's partner" in n for n in notes)
    family = result.family
    ids = {p.name: p.id for p in family.people}
    stays = {m.person: m for m in family.households}
    assert stays[ids["Dean Foster"]].start is not None
    assert stays[ids["Dean Foster"]].start.display() == "Mar 2020"
    assert stays[ids["Ryan Harbour"]].end is not None
    assert stays[ids["Ryan Harbour"]].end.display() == "May 2019"
    assert ids["Karen Harbour"] not in stays  # "No": never lived there
    kin = Kinship(family)
    assert ids["Dean Foster"] in kin.household_on(ids["Mia Harbour"], DAY)
    assert ids["Ryan Harbour"] not in kin.household_on(ids["Mia Harbour"], DAY)
    assert [p.id for p in family.people] == [f"P{n}" for n in range(1, 7)]  # stable ids


def test_date_words_in_a_family(tmp_path: Path) -> None:
    family = read_family_file(make("ids-and-relationships", tmp_path)).family
    karen = next(p for p in family.people if p.first_name == "Karen")
    dean = next(p for p in family.people if p.first_name == "Dean")
    assert karen.birth is not None and karen.birth.earliest == date(1969, 11, 1)
    assert karen.birth.latest == date(1970, 2, 28)
    assert dean.birth is not None and dean.birth.qualifier.value == "about"

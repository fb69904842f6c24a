"""A views cell in the agency's own words: "Asleep", "Too young", "Leo - no views" record no
views (they were read as views recorded, hiding the gap the flag looks for); "Mia said she
did not want to go home" records Mia's."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen import Family, Person, read_agency_file

FAMILY = Family(people=[
    Person(id="M", first_name="Mia", surname="Harbour", subject=True),
    Person(id="L", first_name="Leo", surname="Harbour", subject=True),
    Person(id="J", first_name="Jade", surname="Harbour", role="mother")])
Y, N, NA, NR = "yes", "no", "not applicable", "not recorded"


def _views(tmp_path: Path, cell: str) -> dict[str, str]:
    path = tmp_path / "csc.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([
            ["Date", "Contact type", "Summary", "Child seen?", "Child's views"],
            ["13/02/2020", "Home visit", "Visit", "Yes", cell]])
    (entry,) = read_agency_file(path, agency="CSC", code="CSC", family=FAMILY).entries
    return {cid: record.views.value for cid, record in entry.children.items()}


@pytest.mark.parametrize(("cell", "views"), [
    # none given, or none could be: each was "views recorded" for every child it named
    ("Asleep", {"M": N, "L": N}), ("Declined to talk", {"M": N, "L": N}),
    ("Did not want to talk", {"M": N, "L": N}), ("Views not sought", {"M": N, "L": N}),
    ("Unable to obtain", {"M": N, "L": N}), ("Not asked", {"M": N, "L": N}),
    ("Too young", {"M": NA, "L": NA}), ("Pre-verbal", {"M": NA, "L": NA}),
    ("Baby - not able to give views", {"M": NA, "L": NA}),
    ("Leo asleep", {"M": NR, "L": N}), ("Mia declined to talk", {"M": N, "L": NR}),
    ("Not obtained - Leo asleep", {"M": NR, "L": N}),
    # each child by their own clause
    ("Mia - wants to go home, Leo - no views", {"M": Y, "L": N}),
    ("Leo too young; Mia said she likes school", {"M": Y, "L": NA}),
    ("Mia: happy at home. Leo: not obtained", {"M": Y, "L": N}),
    # the child's own words, whatever they say
    ("Mia said she did not want to go home", {"M": Y, "L": NR}),
    ("Mia happy, excited about Christmas", {"M": Y, "L": NR}),
    ("Said she was happy", {"M": Y, "L": Y}),
    ("No", {"M": N, "L": N}),
    # a cell saying only that the child was seen: no views (views recorded before)
    ("Seen", {"M": N, "L": N}), ("Seen only", {"M": N, "L": N}),
    ("Child sighted", {"M": N, "L": N}), ("Observed playing happily", {"M": Y, "L": Y}),
    # words about the child are theirs unless a clause says none were given (views
    # recorded before: "Mia shy" outweighed "would not engage")
    ("Mia shy, would not engage", {"M": N, "L": NR}),
    ("Mia quiet. Did not want to talk", {"M": N, "L": NR}),
    ("Mia said she was happy, but would not talk about dad", {"M": Y, "L": NR}),
])
def test_a_views_cell_records_what_it_says(tmp_path: Path, cell: str,
                                           views: dict[str, str]) -> None:
    assert _views(tmp_path, cell) == views


_GIVEN = ["said she was sad", "told me he wants to stay", "wants to see dad",
          "said \"I don't like it\"", "happy at school"]
_NONE = ["asleep", "declined to talk", "did not want to speak", "not obtained", "no views"]
_CANNOT = ["too young", "pre-verbal", "a baby"]


@given(st.lists(st.tuples(st.sampled_from(["Mia", "Leo"]), st.sampled_from(
    [(w, "yes") for w in _GIVEN] + [(w, "no") for w in _NONE]
    + [(w, "not applicable") for w in _CANNOT])), min_size=1, max_size=2,
    unique_by=lambda t: t[0]), st.sampled_from(["; ", ". ", ", "]))
def test_each_child_by_their_own_clause(said: list[tuple[str, tuple[str, str]]],
                                        joint: str) -> None:
    from chronogen.read.returns.views_text import views_in_words

    text = joint.join(f"{name} {words}" for name, (words, _) in said)
    ids = {"Mia": "M", "Leo": "L"}

    def find(clause: str) -> list[str]:
        return [ids[name] for name in ids if name in clause]

    named, others = views_in_words(text, find)
    assert {cid: value.value for cid, value in named.items()} == {
        ids[name]: expected for name, (_, expected) in said}, text
    assert others is None


def test_a_childs_own_views_column_in_words(tmp_path: Path) -> None:
    """A column of one child's views ("Mia's views") in the agency's words: "Asleep" is no
    views (it was views recorded), "She said she was happy" views recorded."""
    path = tmp_path / "csc.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([
            ["Date", "Contact type", "Summary", "Child seen?", "Mia's views"],
            ["13/02/2020", "Home visit", "Visit", "Yes", "Asleep"],
            ["14/02/2020", "Home visit", "Visit", "Yes", "She said she was happy"],
            ["15/02/2020", "Home visit", "Visit", "Yes", "Too young"],
            ["16/02/2020", "Home visit", "Visit", "Yes", "Seen"]])
    entries = read_agency_file(path, agency="CSC", code="CSC", family=FAMILY).entries
    assert [e.children["M"].views.value for e in entries] == [N, Y, NA, N]

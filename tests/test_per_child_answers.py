"""One answer cell that answers for several children ("Mia seen, Leo not seen", "Yes - not
Leo"): each child gets their own answer, read end to end through the agency reader, and a
cell the reader cannot read whole says so."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen import Family, Person, read_agency_file
from chronogen.domain.names import NameIndex
from chronogen.model.problems import ProblemCode
from chronogen.read.returns.per_child import read_per_child
from tests.property_examples import examples

FAMILY = Family(people=[
    Person(id="M", first_name="Mia", surname="Harbour", subject=True),
    Person(id="L", first_name="Leo", surname="Harbour", subject=True),
    Person(id="A", first_name="Ava", surname="Clarke", subject=True),
    Person(id="J", first_name="Jade", surname="Harbour", role="mother")])
Y, N, NR, NA = "yes", "no", "not recorded", "not applicable"


def _read(tmp_path: Path, cells: list[str], child: str = "") -> list[dict[str, tuple[str, str]]]:
    """Each cell as the seen column of a home visit (the Child column holding *child*):
    each child's (seen, seen alone)."""
    path = tmp_path / "hv.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Contact type", "Child", "Summary", "Child seen?"])
        for cell in cells:
            writer.writerow(["13/03/2020", "Home visit", child, "Visit", cell])
    result = read_agency_file(path, agency="Health Visiting", code="HV", family=FAMILY)
    assert result.report.balanced and result.report.entries == len(cells)
    return [{cid: (record.seen.value, record.seen_alone.value)
             for cid, record in entry.children.items()} for entry in result.entries]


@pytest.mark.parametrize(("cell", "expected"), [
    # each child's own answer, names first or answer first: read as one answer for both
    # before ("Yes Mia no Leo": Leo seen; "Yes - not Leo": only Leo seen)
    ("Mia seen, Leo not seen", {"M": (Y, NR), "L": (N, NR), "A": (NR, NR)}),
    ("Mia yes Leo no", {"M": (Y, NR), "L": (N, NR), "A": (NR, NR)}),
    ("Mia - Y, Leo - N", {"M": (Y, NR), "L": (N, NR), "A": (NR, NR)}),
    ("Yes Mia no Leo", {"M": (Y, NR), "L": (N, NR), "A": (NR, NR)}),
    ("Y - Mia; N - Leo and Ava", {"M": (Y, NR), "L": (N, NR), "A": (N, NR)}),
    ("Yes - Mia, not Leo", {"M": (Y, NR), "L": (N, NR), "A": (NR, NR)}),
    ("Yes - not Leo", {"M": (Y, NR), "L": (N, NR), "A": (Y, NR)}),
    ("Leo not seen", {"M": (NR, NR), "L": (N, NR), "A": (NR, NR)}),
    ("Mia only", {"M": (Y, NR), "L": (N, NR), "A": (N, NR)}),
    ("Mia seen alone, Leo seen but not alone", {"M": (Y, Y), "L": (Y, N), "A": (NR, NR)}),
    ("Mia: seen alone. Leo: not seen", {"M": (Y, Y), "L": (N, NR), "A": (NR, NR)}),
    ("Mia yes, Leo n/a", {"M": (Y, NR), "L": (NA, NR), "A": (NR, NR)}),
    ("Both", {"M": (Y, NR), "L": (Y, NR), "A": (Y, NR)}),
    ("Neither", {"M": (N, NR), "L": (N, NR), "A": (N, NR)}),
    # seen, but not alone: seen alone before, or not seen
    ("Yes but not alone", {"M": (Y, N), "L": (Y, N), "A": (Y, N)}),
    ("Not alone", {"M": (Y, N), "L": (Y, N), "A": (Y, N)}),
    # "sighted" (the police's word) and "observed": not recognised before, so not recorded
    ("Sighted", {"M": (Y, NR), "L": (Y, NR), "A": (Y, NR)}),
    ("Not sighted", {"M": (N, NR), "L": (N, NR), "A": (N, NR)}),
    ("Children sighted, safe and well", {"M": (Y, NR), "L": (Y, NR), "A": (Y, NR)}),
    ("Mia sighted, Leo not sighted", {"M": (Y, NR), "L": (N, NR), "A": (NR, NR)}),
    ("Observed", {"M": (Y, NR), "L": (Y, NR), "A": (Y, NR)}),
    # as before
    ("Yes - Mia and Leo", {"M": (Y, NR), "L": (Y, NR), "A": (NR, NR)}),
    ("Seen alone", {"M": (Y, Y), "L": (Y, Y), "A": (Y, Y)}),
    ("No", {"M": (N, NR), "L": (N, NR), "A": (N, NR)}),
])
def test_each_child_gets_their_own_answer(tmp_path: Path, cell: str,
                                          expected: dict[str, tuple[str, str]]) -> None:
    assert _read(tmp_path, [cell]) == [expected]


def test_a_cell_read_in_part_says_so(tmp_path: Path) -> None:
    """Names among words the reader does not know: the answer goes to the children listed
    before a bracket (Leo, at school, was seen before), and a warning names the cell."""
    path_cells = ["Yes - Mia (Leo at school)", "Seen (with Leo)"]
    assert _read(tmp_path, path_cells) == [{"M": (Y, NR), "L": (NR, NR), "A": (NR, NR)},
                                           {"M": (NR, NR), "L": (Y, NR), "A": (NR, NR)}]
    result = read_agency_file(tmp_path / "hv.csv", agency="Health Visiting", code="HV",
                              family=FAMILY)
    warned = [p for p in result.problems if p.code is ProblemCode.UNRECOGNISED_VALUE]
    assert [(p.row, p.severity.value) for p in warned] == [(2, "warning"), (3, "warning")]
    assert "read as 'yes' for Mia Harbour only" in warned[0].message


def test_the_children_a_row_names_are_those_a_bare_answer_is_for(tmp_path: Path) -> None:
    # the Child column names Mia and Leo: "Yes - not Leo" is Mia seen, Ava not concerned
    assert _read(tmp_path, ["Yes - not Leo"], child="Mia, Leo") == [
        {"M": (Y, NR), "L": (N, NR)}]


@pytest.mark.parametrize("cell", [
    "Mia seen, Leo",  # Leo has no answer of their own
    "Mia seen, Jade present",  # a parent named
    "Mia yes Mia no",  # one child, two answers
    "Mia said she was happy",  # words not known
    "Mia, Leo",  # a list of names: read as such by the caller
    "Yes",  # one answer: read as such by the caller
])
def test_what_is_not_a_cell_for_several_children_is_left_to_the_caller(cell: str) -> None:
    index = NameIndex(FAMILY)
    assert read_per_child(cell, index, frozenset({"M", "L", "A"})) is None


_STYLES = {  # how one child's answer is written: names first, or the answer first
    Y: ["{name} seen", "{name} - Y", "{name} yes", "{name}: seen", "Yes - {name}",
        "Seen: {name}", "Y {name}"],
    N: ["{name} not seen", "{name} - N", "{name} no", "{name}: not seen", "No - {name}",
        "Not seen: {name}", "not {name}"],
}


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Mia", "Leo", "Ava", "Mia Harbour", "Ava Clarke"]),
                          st.sampled_from([Y, N]), st.integers(0, 6)),
                min_size=1, max_size=3, unique_by=lambda t: t[0].split()[0]),
       st.sampled_from([", ", "; ", ". ", " / ", " and "]))
def test_any_answers_for_each_child_are_read_as_written(said: list[tuple[str, str, int]],
                                                        joint: str) -> None:
    """Cells built from each named child's own answer, each written in any of seven ways,
    joined any way: each child read as written, the others not named. Joined by "/" or
    "and" (which also list names: "Yes - Mia / Leo not seen") a cell may be left to the
    caller, never misread."""
    if any(answer == N and style == 6 for _, answer, style in said[:1]):
        return  # "not Leo" opening a cell has no answer before it to be the exception to
    cell = joint.join(_STYLES[answer][style].format(name=name) for name, answer, style in said)
    found = read_per_child(cell, NameIndex(FAMILY), frozenset({"M", "L", "A"}))
    if found is None and joint in (" / ", " and "):
        return
    assert found is not None, cell
    ids = {"Mia": "M", "Leo": "L", "Ava": "A"}
    assert {cid: value.value for cid, value in found.named.items()} == {
        ids[name.split()[0]]: answer for name, answer, _ in said}, cell
    assert found.others is None, cell


_WORDS = ["Mia", "Leo", "Ava", "Jade", "Harbour", "yes", "Y", "no", "N", "not", "seen", "alone",
          "only", "both", "neither", "and", "but", "n/a", "NK", "-", ",", ";", ".", "(", ")", "/",
          ":", "at", "school", "was"]


@given(st.lists(st.sampled_from(_WORDS), max_size=10).map(" ".join))
def test_any_words_give_each_child_one_answer_or_none(cell: str) -> None:
    """Whatever a cell holds, the reading never fails, names only subject children, and
    reads a cell it cannot read whole as not its kind (None)."""
    found = read_per_child(cell, NameIndex(FAMILY), frozenset({"M", "L", "A"}))
    if found is not None:
        assert set(found.named) <= {"M", "L", "A"} and set(found.alone) <= set(found.named)


@pytest.mark.parametrize(("child", "people"), [
    # a remark in brackets, an initial for the surname: each matched no one before
    ("Mia (8)", ["M"]), ("Mia Harbour (DOB 14/02/2016)", ["M"]), ("Mia H.", ["M"]),
    ("Ava C", ["A"]), ("M Harbour", ["M"]), ("A. Clarke", ["A"]),
    # words for every subject child (each matched no one, and the row concerned no child)
    ("All children", ["M", "L", "A"]), ("Both", ["M", "L", "A"]),
    ("Mia and siblings", ["M", "L", "A"]),
    # still no one: never a guess
    ("Mia X.", []), ("Family", []), ("J Clarke", []), ("A Clarke", []),
    # a family of a surname is not every subject child: one may live elsewhere, and a
    # sighting of a child not there hides an unseen period
    ("Harbour family", []),
])
def test_a_child_column_names_the_children(tmp_path: Path, child: str,
                                           people: list[str]) -> None:
    path = tmp_path / "hv.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Date", "Contact type", "Child", "Summary", "Child seen?"],
                                      ["13/03/2020", "Home visit", child, "Visit", "Yes"]])
    result = read_agency_file(path, agency="Health Visiting", code="HV", family=FAMILY)
    (entry,) = result.entries
    assert entry.people == people
    assert sorted(entry.children) == sorted(people)
    assert all(record.seen.value == "yes" for record in entry.children.values())
    unknown = [p for p in result.problems if p.code is ProblemCode.UNKNOWN_PERSON]
    assert bool(unknown) == (not people)


@pytest.mark.parametrize(("cell", "expected"), [
    ("Seen virtually", {"M": N, "L": N, "A": N}),
    ("Yes - via video call", {"M": N, "L": N, "A": N}),
    ("Yes - Mia on Teams", {"M": N, "L": NR, "A": NR}),
    ("Seen (in person)", {"M": Y, "L": Y, "A": Y}),
    ("Seen - visit arranged by phone", {"M": Y, "L": Y, "A": Y}),
])
def test_seen_is_face_to_face(tmp_path: Path, cell: str, expected: dict[str, str]) -> None:
    """A child seen on a screen was not seen (seen is face to face); said, as a note,
    with the words kept (each was "seen" before)."""
    assert {cid: seen for cid, (seen, _) in _read(tmp_path, [cell])[0].items()} == expected
    result = read_agency_file(tmp_path / "hv.csv", agency="Health Visiting", code="HV",
                              family=FAMILY)
    notes = [p for p in result.problems if "not face to face" in p.message]
    assert len(notes) == (expected["M"] == N)


def test_a_childs_own_seen_column_is_face_to_face_too(tmp_path: Path) -> None:
    path = tmp_path / "hv.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Date", "Contact type", "Summary", "Mia seen?"],
                                      ["13/03/2020", "Home visit", "Visit", "Yes - on video"]])
    (entry,) = read_agency_file(path, agency="HV", code="HV", family=FAMILY).entries
    assert entry.children["M"].seen.value == N


@pytest.mark.parametrize(("seen", "own_alone", "expected"), [
    ("Yes, alone in her room", "", (Y, Y)), ("Seen alone", "", (Y, Y)),
    ("Yes but not alone", "", (Y, N)), ("Yes", "", (Y, NR)),
    ("Seen alone", "No", (Y, N)),  # her own seen-alone column stands over it
])
def test_a_childs_own_seen_column_says_whether_she_was_seen_alone(
        tmp_path: Path, seen: str, own_alone: str, expected: tuple[str, str]) -> None:
    """"Mia seen?: Yes, alone in her room" was read as seen, and the alone dropped (the
    shared seen column's "seen alone" was read)."""
    path = tmp_path / "hv.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([
            ["Date", "Contact type", "Summary", "Mia seen alone?", "Mia seen?", "Leo seen?"],
            ["13/03/2020", "Home visit", "Visit", own_alone, seen, "Yes"]])
    (entry,) = read_agency_file(path, agency="HV", code="HV", family=FAMILY).entries
    assert (entry.children["M"].seen.value, entry.children["M"].seen_alone.value) == expected
    assert entry.children["L"].seen_alone.value == NR  # Leo's own answer says nothing of it


@pytest.mark.parametrize(("kind", "seen", "expected"), [
    ("Telephone call", "Yes", N), ("Video call", "Yes - seen alone", N),
    ("Virtual home visit", "Yes", N), ("Text message", "Yes", N),
    ("Home visit", "Yes", Y), ("Telephone call", "No", N), ("Telephone call", "", NR),
])
def test_a_child_seen_at_a_telephone_or_video_contact_was_not_seen(
        tmp_path: Path, kind: str, seen: str, expected: str) -> None:
    """Seen is face to face: a call, a video call or a virtual visit whose seen column says
    yes was counted as a sighting (in the unseen-period flag, the tables); it is read as
    not seen, noted, the words kept (and seen alone is then no)."""
    path = tmp_path / "hv.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Date", "Contact type", "Child", "Summary", "Child seen?"],
                                      ["13/03/2020", kind, "Mia", "Contact", seen]])
    result = read_agency_file(path, agency="HV", code="HV", family=FAMILY)
    (entry,) = result.entries
    assert entry.children["M"].seen.value == expected
    assert entry.children["M"].seen_alone.value != Y
    assert entry.raw.get("Child seen?") == (seen or None)  # the words kept
    notes = [p for p in result.problems if "by telephone or video" in p.message]
    assert len(notes) == (seen.startswith("Yes") and kind != "Home visit")


@pytest.mark.parametrize(("client", "people", "problem"), [
    ("Mum", ["J"], None), ("Mother", ["J"], None), ("Mum and Mia", ["M", "J"], None),
    ("Dad", [], "unknown-person"),  # no father in this family file
    ("Nan", [], "unknown-person"),  # a grandparent's side is a guess: never made
])
def test_a_parent_named_by_their_role_is_the_family_files_one(
        tmp_path: Path, client: str, people: list[str], problem: str | None) -> None:
    """"Mum" in a client column (a GP's consultation with the mother) matched no one
    (reported); it is the one person the family file gives that role. Two holders are
    reported as ambiguous, as two people of one name are."""
    path = tmp_path / "gp.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Date", "Contact type", "Patient", "Summary"],
                                      ["13/03/2020", "Appointment", client, "Seen"]])
    result = read_agency_file(path, agency="GP", code="GP", family=FAMILY)
    (entry,) = result.entries
    assert entry.people == people
    assert sorted(entry.children) == sorted(p for p in people if p != "J")
    assert [p.code.value for p in result.problems if "person" in p.code.value] == (
        [problem] if problem else [])
    two_fathers = Family(people=[*FAMILY.people,
                                 Person(id="F1", first_name="Ryan", role="father"),
                                 Person(id="F2", first_name="Liam", role="father")])
    path.write_text("Date,Contact type,Patient,Summary\n13/03/2020,Appointment,Dad,Seen\n",
                    encoding="utf-8")
    again = read_agency_file(path, agency="GP", code="GP", family=two_fathers)
    assert again.entries[0].people == []
    assert [p.code.value for p in again.problems] == ["ambiguous-person"]
    # either apostrophe, in the family file or the return
    partner = Family(people=[*FAMILY.people,
                             Person(id="D", first_name="Dean", role="Mother’s partner")])
    path.write_text("Date,Contact type,Patient,Summary\n13/03/2020,Appointment,Mum's partner,"
                    "Seen\n", encoding="utf-8")
    assert read_agency_file(path, agency="GP", code="GP", family=partner).entries[0].people \
        == ["D"]

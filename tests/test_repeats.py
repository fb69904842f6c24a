"""Entries one agency recorded twice, word for word, are kept, marked and counted once: a
missed appointment pasted twice into a return is not two missed appointments."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from chronogen import (
    ChildRecord,
    ContactKind,
    Entry,
    PartialDate,
    Recorded,
    analyse_case,
    read_case,
)
from chronogen.analyse.columns import gather
from chronogen.analyse.repeats import repeats_in
from chronogen.analyse.timeline import merge
from chronogen.model.problems import SourceRef
from tests.conftest import one_agency_case
from tests.test_flags import case_of, entry, flags

_FIELDS = st.fixed_dictionaries({
    "agency": st.sampled_from(["GP", "HV"]),
    "date": st.sampled_from(["01/03/2020", "02/03/2020", "March 2020"]),
    "time": st.sampled_from([None, time(9)]),
    "kind_text": st.sampled_from(["Home visit", "Clinic"]),
    "summary": st.sampled_from([None, "", "Mum seen.", "Mum and Mia seen."]),
    "outcome": st.sampled_from([None, "Next visit booked"]),
    "seen": st.sampled_from([Recorded.YES, Recorded.NO]),
    "file": st.sampled_from(["a.xlsx", "b.xlsx"]),
})


def _entry(n: int, fields: dict[str, object]) -> Entry:
    return Entry(id=f"E{n}", agency=str(fields["agency"]),
                 date=PartialDate.parse(str(fields["date"])),
                 time=fields["time"], kind_text=fields["kind_text"],  # type: ignore[arg-type]
                 summary=fields["summary"] or None, outcome=fields["outcome"],  # type: ignore[arg-type]
                 children={"C": ChildRecord(seen=fields["seen"])},  # type: ignore[arg-type]
                 source=SourceRef(file=str(fields["file"]), sheet="S", row=n + 2))


def _content(e: Entry) -> tuple[object, ...]:
    return (e.agency, e.date.sort_key, e.time, e.kind_text, e.summary, e.outcome,
            e.practitioner, e.reference, e.people, e.children, e.referral_to)


@given(st.lists(_FIELDS, max_size=25))
def test_a_repeat_is_an_entry_with_an_earlier_twin_word_for_word(rows: list) -> None:
    """Against every pair of entries compared in chronology order: an entry is a repeat of
    the first earlier entry with the same agency and content (a summary required)."""
    ordered = merge([_entry(n, fields) for n, fields in enumerate(rows)]).entries
    found = repeats_in(gather(ordered))
    expected = {}
    for place, one in enumerate(ordered):
        if not one.summary:
            continue
        first = next((earlier for earlier in range(place)
                      if _content(ordered[earlier]) == _content(one)), None)
        if first is not None:
            expected[place] = first
    assert found == expected


def test_a_missed_appointment_pasted_twice_is_counted_once() -> None:
    twice = [entry(n, "GP", "01/03/2020", ContactKind.WAS_NOT_BROUGHT,
                   summary="Mia not brought to clinic.") for n in (1, 2)]
    other = entry(3, "GP", "01/01/2019", ContactKind.WAS_NOT_BROUGHT, summary="Not brought.")
    case = case_of([*twice, other])
    (missed,) = flags(case, "was-not-brought")
    assert missed.evidence == ["E3", "E1"]  # not E2: a repeat, counted once
    assert missed.severity.value == "medium"  # two missed a year apart, not three
    (repeated,) = flags(case, "repeated-entry")
    assert repeated.evidence == ["E1", "E2"] and repeated.severity.value == "low"
    assert "GP.xlsx, row 3 repeats GP.xlsx, row 2" in repeated.message
    # the same summary from another agency, or another day, or no summary: no repeat
    apart = [entry(1, "GP", "01/03/2020", summary="Seen."), entry(2, "HV", "01/03/2020",
                                                                 summary="Seen."),
             entry(3, "GP", "02/03/2020", summary="Seen."), entry(4, "GP", "02/03/2020"),
             entry(5, "GP", "02/03/2020")]
    assert flags(case_of(apart), "repeated-entry") == []


def test_analysing_marks_each_repeat_and_leaves_the_case_given_alone() -> None:
    twice = [entry(n, "GP", "01/03/2020", summary="Home visit, Mia seen.",
                   seen=Recorded.YES) for n in (1, 2, 3)]
    case = case_of(twice)
    result = analyse_case(case)
    assert [e.repeat_of for e in result.entries] == [None, "E1", "E1"]
    assert [e.repeat_of for e in case.entries] == [None, None, None]
    (gp,) = result.summaries.agencies
    assert gp.contacts == 1  # the tables count it once too
    owned = analyse_case(case_of(twice), owned=True)
    assert [e.repeat_of for e in owned.entries] == [None, "E1", "E1"]


def test_a_row_pasted_twice_into_a_return_is_read_kept_and_flagged(tmp_path: Path) -> None:
    row = "05/03/2020,Clinic appointment,Mia,Mia not brought to clinic,DNA\n"
    folder = one_agency_case(tmp_path / "case", "Health Visiting",
                             "Date,Contact type,Child,Summary,Outcome\n" + row + row
                             + "06/03/2020,Home visit,Mia,Visited,\n", title="Twice",
                             file_name="hv.csv")
    case = read_case(folder)
    assert [(e.source.row, e.repeat_of) for e in case.entries] == [
        (2, None), (3, case.entries[0].id), (4, None)]
    (repeated,) = [f for f in case.flags if f.code == "repeated-entry"]
    assert "hv.csv, row 3 repeats hv.csv, row 2" in repeated.message
    (missed,) = [f for f in case.flags if f.code == "was-not-brought"]
    assert missed.evidence == [case.entries[0].id]
    dumped = json.loads(case.model_dump_json())
    assert dumped["entries"][1]["repeat_of"] == case.entries[0].id

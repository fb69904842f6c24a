"""The harbour fixture case, checked in full against its expected.json."""

from __future__ import annotations

from datetime import date
from typing import Any

from chronogen import Case, Entry, ProblemCode, Recorded

REASONS = {"no date": ProblemCode.MISSING_DATE, "invalid date": ProblemCode.INVALID_DATE}


def _key(file: str, sheet: str | None, row: int) -> tuple[str, str | None, int]:
    return (file, sheet, row)


def _as_list(entry: Entry, field: str) -> list[str] | None:
    """The expected.json encoding: ids recorded yes; [] recorded no; None the record is silent."""
    values = {cid: getattr(rec, field) for cid, rec in entry.children.items()}
    yes = sorted(cid for cid, v in values.items() if v is Recorded.YES)
    if yes:
        return yes
    if any(v is Recorded.NO for v in values.values()):
        return []
    return None


def test_every_expected_entry_is_read_with_its_date_and_children(
        harbour_case: Case, harbour_expected: dict[str, Any]) -> None:
    by_source = {_key(e.source.file, e.source.sheet, e.source.row or 0): e
                 for e in harbour_case.entries}
    assert len(by_source) == len(harbour_case.entries)
    for expected in harbour_expected["entries"]:
        key = _key(expected["file"], expected["sheet"], expected["row"])
        assert key in by_source, f"no entry for {key}"
        entry = by_source[key]
        where = f"{key}"
        assert entry.agency == expected["agency"], where
        precision = expected.get("precision", "day")
        assert entry.date.precision.value == precision, where
        if precision == "day":
            day = date.fromisoformat(expected["date"])
            assert entry.date.earliest == day == entry.date.latest, where
        else:
            assert entry.date.text == expected["date"], where
        if "time" in expected:
            shown = entry.time.strftime("%H:%M") if entry.time else None
            assert shown == expected["time"], where
        assert _as_list(entry, "seen") == (sorted(expected["seen"])
                                           if expected["seen"] is not None else None), where
        assert _as_list(entry, "views") == (sorted(expected["views"])
                                            if expected["views"] is not None else None), where
        if "patient" in expected:
            assert entry.people == [expected["patient"]], where
        if "referral_to" in expected:
            assert entry.referral_to == expected["referral_to"], where


def test_no_entry_beyond_the_expected_ones(harbour_case: Case,
                                          harbour_expected: dict[str, Any]) -> None:
    assert len(harbour_case.entries) == len(harbour_expected["entries"])


def test_rejected_rows_match_with_reason_and_location(
        harbour_case: Case, harbour_expected: dict[str, Any]) -> None:
    got = sorted((r.source.file, r.source.sheet, r.source.row, r.code)
                 for r in harbour_case.rejected)
    want = sorted((r["file"], r["sheet"], r["row"], REASONS[r["reason"]])
                  for r in harbour_expected["rejected"])
    assert got == want
    for rejected in harbour_case.rejected:
        assert rejected.message
        problem = next(p for p in harbour_case.problems
                       if (p.file, p.row) == (rejected.source.file, rejected.source.row))
        assert problem.column is not None  # the location names the column


def test_every_row_is_accounted_for(harbour_case: Case) -> None:
    for report in harbour_case.files:
        assert report.balanced, report
    total_entries = sum(r.entries for r in harbour_case.files)
    assert total_entries == len(harbour_case.entries)
    assert sum(r.rejected for r in harbour_case.files) == len(harbour_case.rejected)


def test_people_are_read(harbour_case: Case, harbour_expected: dict[str, Any]) -> None:
    assert len(harbour_case.family.people) == harbour_expected["people"]
    index = harbour_case.family.index_child
    assert index is not None and index.id == "P1"
    assert [p.id for p in harbour_case.family.subject_children] == ["P1", "P2", "P3"]


def test_joint_strategy_meeting_is_linked_not_merged(
        harbour_case: Case, harbour_expected: dict[str, Any]) -> None:
    assert len(harbour_case.joint_events) == len(harbour_expected["joint_events"])
    for event, expected in zip(harbour_case.joint_events, harbour_expected["joint_events"],
                               strict=True):
        assert event.date.earliest == date.fromisoformat(expected["date"])
        assert sorted(event.agencies) == sorted(expected["agencies"])
        members = [harbour_case.entry(i) for i in event.entries]
        assert len(members) == len(expected["agencies"])
        assert all(m.joint_event == event.id for m in members)


def test_sheets_and_headers_found(harbour_case: Case) -> None:
    found = {r.file: (r.sheet, r.header_row) for r in harbour_case.files}
    assert found["csc_chronology.xlsx"] == ("Chronology", 4)  # below title rows
    assert found["school_chronology.xlsx"] == ("Chronology", 2)  # not the first sheet
    assert found["gp_consultations.csv"] == (None, 1)


def test_cp1252_csv_is_decoded(harbour_case: Case) -> None:
    gp = [e for e in harbour_case.entries if e.agency == "GP"]
    assert gp and all(e.practitioner == "Dr Zoë Müller" for e in gp)


def test_a_case_read_without_raw_cells_differs_in_nothing_else(harbour_case: Case) -> None:
    """``keep_raw=False`` (what check and the overview read with) leaves every entry's raw
    cells out and changes nothing else: entries, flags, summaries, problems and rejected
    rows (which keep their cells) are the same."""
    from chronogen import read_case
    from tests.conftest import HARBOUR

    lean = read_case(HARBOUR, keep_raw=False)
    assert all(entry.raw == {} for entry in lean.entries)
    assert any(entry.raw for entry in harbour_case.entries)
    assert lean.rejected == harbour_case.rejected and all(r.raw for r in lean.rejected)
    full = harbour_case.model_dump(mode="json")
    for entry in full["entries"]:
        entry["raw"] = {}
    assert lean.model_dump(mode="json") == full

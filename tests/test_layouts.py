"""The layouts practitioners send (tests/data/layouts): each read with every row accounted
for and the right fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronogen import Family, Person, read_agency_file
from tests.conftest import assert_valid_entries, assert_valid_problems
from tests.data.layouts.make_layouts import LAYOUTS, make

MIA = Family(people=[Person(id="P1", first_name="Mia", surname="Harbour", subject=True,
                            index=True),
                     Person(id="P2", first_name="Leo", surname="Harbour", subject=True)])


def test_at_least_twenty_layouts() -> None:
    assert len(LAYOUTS) >= 20


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_is_read_whole(name: str, tmp_path: Path) -> None:
    expected = LAYOUTS[name][2]
    result = read_agency_file(make(name, tmp_path), agency="Agency", code="AG", family=MIA)
    assert [r for r in result.reports if not r.balanced] == []
    assert_valid_entries(result.entries)
    assert_valid_problems(result.problems)
    assert sum(r.rows_read for r in result.reports) == sum(
        r.entries + r.rejected + r.blank + r.title + r.headers + r.notes + r.joined
        for r in result.reports)
    assert (len(result.entries), len(result.rejected), len(result.notes)) == (
        expected.entries, expected.rejected, expected.notes), [p.message for p in
                                                                result.problems]
    assert len(result.reports) == expected.sheets
    first = result.entries[0]
    day, summary, seen = expected.first
    assert first.date.display() == day
    assert (first.summary or "").startswith(summary), first.summary
    if seen is not None:
        assert first.children["P1"].seen.value == seen.lower()
    report = result.reports[0]
    assert report.layout == expected.found_by
    assert report.confidence in (("high", "medium") if expected.found_by == "headings"
                                 else ("low",))
    assert report.explanation and report.explanation[0].startswith(
        "no header row" if report.header_row is None else "header on row")


def test_an_event_column_of_long_text_is_the_summary(tmp_path: Path) -> None:
    result = read_agency_file(make("court-chronology", tmp_path), agency="Court", code="CT")
    report = result.reports[0]
    assert report.columns["Event"] == "summary"
    assert any("read as the summary (kind by its heading)" in e for e in report.explanation)
    assert all(e.kind_text is None for e in result.entries)


def test_author_notes_are_kept_as_notes_with_their_source(tmp_path: Path) -> None:
    result = read_agency_file(make("chronolator-internal", tmp_path), agency="HV", code="HV")
    assert [(n.source.row, n.text[:10]) for n in result.notes] == [
        (2, "# Author n"), (5, "~ remember")]


def test_an_excel_error_opening_a_row_is_a_broken_date_not_a_note(tmp_path: Path) -> None:
    from chronogen.read.returns.rows import author_note

    assert author_note(("#REF!", "Home visit")) is None
    assert author_note((" #VALUE! ", "Home visit")) is None
    assert author_note(("#N/A",)) is None
    assert author_note(("# REF: see the strategy minutes", None)) == (
        "# REF: see the strategy minutes")


def test_columns_named_by_each_child(tmp_path: Path) -> None:
    result = read_agency_file(make("child-columns-by-name", tmp_path), agency="CSC", code="CS",
                              family=MIA)
    first, second = result.entries
    assert (first.children["P1"].seen.value, first.children["P2"].seen.value) == ("yes", "no")
    assert first.children["P1"].views.value == "yes"  # her own words: views recorded
    assert second.children["P1"].seen.value == "no"
    assert not [p for p in result.problems if p.code.value == "unknown-column"]


def test_a_table_whose_headings_name_no_date_is_read_by_its_contents(tmp_path: Path) -> None:
    result = read_agency_file(make("unknown-headings", tmp_path), agency="Police", code="PO")
    report = result.reports[0]
    assert (report.layout, report.confidence, report.header_row) == ("contents", "low", 2)
    assert report.columns == {"When it happened": "date", "What we did": "summary"}
    assert any("no heading names a date column" in e for e in report.explanation)


def test_a_short_repeated_vocabulary_is_the_contact_type(tmp_path: Path) -> None:
    from tests.data.workbooks import write_workbook

    rows: list[list[object]] = [["Date", "Label", "Record", "Present"]]
    for n in range(12):
        rows.append([f"{n + 1:02d}/03/2020", ["Visit", "Phone", "Letter"][n % 3],
                     f"A record of contact number {n} with the family at home", "Yes"])
    path = write_workbook(tmp_path / "vocab.xlsx", {"Log": rows})
    result = read_agency_file(path, agency="Housing", code="HO")
    report = result.reports[0]
    assert report.columns["Label"] == "kind"
    assert any("short, repeated vocabulary" in e for e in report.explanation)
    # yes / no under a heading that does not say what they answer: pointed out, not guessed
    assert "Present" not in report.columns
    assert any("'Present' holds yes / no answers" in e for e in report.explanation)
    assert all(r.seen.value == "not recorded" for e in result.entries
               for r in e.children.values())


def test_yes_no_columns_whose_heading_speaks_of_seeing_or_views(tmp_path: Path) -> None:
    from tests.data.workbooks import write_workbook

    rows: list[list[object]] = [["Date", "Record", "Did we see her?", "Her voice heard?"]]
    for n in range(6):
        rows.append([f"{n + 1:02d}/03/2020", f"A record of visit number {n} to the home",
                     "Yes" if n % 2 else "No", "N/K"])
    path = write_workbook(tmp_path / "hints.xlsx", {"Log": rows})
    result = read_agency_file(path, agency="CSC", code="CS", family=MIA)
    report = result.reports[0]
    assert report.columns["Did we see her?"] == "seen"
    assert report.columns["Her voice heard?"] == "views"
    first, second = result.entries[:2]
    assert (first.children["P1"].seen.value, second.children["P1"].seen.value) == ("no", "yes")


def test_an_export_of_records_alone_is_read_under_its_columns_letters(tmp_path: Path) -> None:
    """No header row above the records: the first row is a record, not lost as a header;
    the date, the summary and the short repeated contact type found by what they hold; the
    yes / no column pointed out, with the mapping line that reads it."""
    result = read_agency_file(make("export-without-header", tmp_path), agency="Police",
                              code="POL", family=MIA)
    report = result.reports[0]
    assert report.header_row is None and report.headers == 0
    assert report.columns == {"Column A": "date", "Column B": "kind", "Column C": "summary"}
    assert [e.source.row for e in result.entries] == list(range(1, 11))
    assert [e.kind_text for e in result.entries][:2] == ["Home visit", "Telephone call"]
    assert result.entries[0].raw["Column D"] == "Yes"
    assert any('"Column D" = "seen"' in line for line in report.explanation)


def test_a_mapping_names_the_columns_of_a_sheet_with_no_header_row(tmp_path: Path) -> None:
    from chronogen.read.returns.layout import ColumnMapping

    mapping = ColumnMapping(header_row=0, columns={
        "Column A": "date", "Column B": "kind", "Column C": "summary", "Column D": "seen"})
    result = read_agency_file(make("export-without-header", tmp_path), agency="Police",
                              code="POL", family=MIA, mapping=mapping)
    assert result.reports[0].layout == "mapping file"
    assert len(result.entries) == 10 and not result.rejected
    assert [e.children["P1"].seen.value for e in result.entries][:5] == [
        "yes", "not applicable", "no", "not applicable", "yes"]
    named = ColumnMapping(header_row=0, columns={"Date": "date"})
    said = read_agency_file(tmp_path / "export.csv", agency="Police", code="POL",
                            mapping=named).problems
    assert any("named by letter, 'Column A'" in p.message for p in said)


def test_a_title_above_records_with_no_header_is_a_title(tmp_path: Path) -> None:
    """A title over records with no header row is counted as the title it is, the records
    under it read; a row of several words that is no record stays a header (of words
    chronogen does not know), as before."""
    path = tmp_path / "t.csv"
    path.write_text("Police log\n\n01/03/2020,Visit,Officers attended after a call about "
                    "shouting next door\n02/03/2020,Call,Follow-up call to the mother to "
                    "check on the children\n", encoding="utf-8")
    result = read_agency_file(path, agency="Police", code="POL")
    report = result.reports[0]
    assert (report.header_row, report.title, report.blank, len(result.entries)) == \
        (None, 1, 1, 2)
    assert [e.source.row for e in result.entries] == [3, 4]
    assert report.explanation[1].startswith("the sheet has no header row: its records "
                                            "begin on row 3")
    unknown = read_agency_file(make("unknown-headings", tmp_path), agency="Police",
                               code="POL")
    assert unknown.reports[0].header_row == 2

"""Two tables stacked on one sheet (a police return's incidents, then its crimes, each with
its own header): each is read under its own header, said, and reported as a table of its
own; where a mapping file names one header, the other table's rows are said, never silently
counted as title rows."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from chronogen import Case, read_agency_file, read_case
from chronogen.convert import convert_file, format_report, template_rows
from chronogen.model.chronology import SourceReports
from chronogen.model.problems import ProblemCode, SourceRef
from chronogen.read.returns.layout import ColumnMapping
from chronogen.write.also_recorded import also_recorded, columns_by_source
from tests.conftest import HARBOUR

INCIDENTS = [["Date", "Incident type", "Summary", "Children present"],
             ["02/03/2020", "Domestic incident", "Argument at the home", "Y"],
             ["05/04/2020", "Concern for welfare", "Neighbour called", "N"]]
CRIMES = [["Crime number", "Offence", "Date reported", "Outcome"],
          ["CR-123", "Assault", "06/04/2020", "NFA"],
          ["CR-456", "Criminal damage", "10/05/2020", "Charged"]]


def _stacked(path: Path, second: list[list[object]], first: list[list[object]] = INCIDENTS,
             *more: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Police"
    for row in [["Incidents"], *first, [], ["Crimes"], *second]:
        sheet.append(row)
    for table in more:
        for row in [[], ["Missing episodes"], *table]:
            sheet.append(row)
    book.save(path)
    return path


def _counts(result: object) -> list[tuple[int | None, int | None, int | None, int, int, int]]:
    return [(r.header_row, r.first_row, r.last_row, r.rows_read, r.entries, r.title + r.blank)
            for r in result.reports]  # type: ignore[attr-defined]


def test_a_table_above_the_header_that_reads_best_is_read_under_its_own(tmp_path: Path
                                                                          ) -> None:
    """The crimes' header names more known columns, so it was read alone; the incidents
    above it were rejected (and before that counted as title rows, lost without a word)."""
    result = read_agency_file(_stacked(tmp_path / "police.xlsx", CRIMES), agency="Police",
                              code="POL")
    assert [(e.source.row, e.kind_text) for e in result.entries] == [
        (3, "Domestic incident"), (4, "Concern for welfare"), (8, "Assault"),
        (9, "Criminal damage")]
    assert result.rejected == []
    # the main report is the crimes' (its header read best); the sheet's tables in order,
    # the incidents' title row and the blank and title rows over the crimes counted
    assert result.report.header_row == 7
    assert _counts(result) == [(2, 1, 4, 4, 2, 1), (7, 5, 9, 5, 2, 2)]
    assert all(r.balanced for r in result.reports)
    incident, crime = result.entries[0], result.entries[2]
    assert incident.raw == dict(zip(INCIDENTS[0], INCIDENTS[1], strict=True))
    assert (crime.reference, crime.outcome) == ("CR-123", "NFA")
    assert len({e.id for e in result.entries}) == 4
    (said,) = [p for p in result.problems if p.code is ProblemCode.SEVERAL_TABLES]
    assert said.row == 7 and "2 tables, one under the other, their headers on rows 2 and 7" in \
        said.message


def test_a_table_below_is_read_from_its_title_rows(tmp_path: Path) -> None:
    incidents = [*INCIDENTS, *[[f"0{day}/05/2020", "Concern for welfare", "Call", "N"]
                               for day in range(1, 4)]]
    path = _stacked(tmp_path / "police.xlsx", [
        ["Crime number", "Date reported"],
        ["CR-123", "06/04/2020"]], incidents)
    result = read_agency_file(path, agency="Police", code="POL")
    assert result.report.header_row == 2 and len(result.entries) == 6
    assert result.rejected == []
    assert _counts(result) == [(2, 1, 7, 7, 5, 1), (10, 8, 11, 4, 1, 2)]
    assert result.entries[-1].reference == "CR-123"
    assert str(result.entries[-1].date.earliest) == "2020-04-06"


def test_three_tables_are_each_read(tmp_path: Path) -> None:
    missing = [["Date missing", "Summary", "Returned"],
               ["12/06/2020", "Mia missing overnight", "Next day"]]
    result = read_agency_file(_stacked(tmp_path / "police.xlsx", CRIMES, INCIDENTS, missing),
                              agency="Police", code="POL")
    assert [e.source.row for e in result.entries] == [3, 4, 8, 9, 13]
    assert [r.header_row for r in result.reports] == [2, 7, 12]
    assert sum(r.rows_read for r in result.reports) == 13
    assert result.entries[-1].summary == "Mia missing overnight"


def test_a_row_that_only_looks_like_a_header_does_not_split_the_table(tmp_path: Path
                                                                        ) -> None:
    """A contact whose cells happen to be heading words ("Date" "Summary"), with the rows
    under it dated in the first table's date column, not in its own: one table."""
    rows = [*INCIDENTS, ["Outcome", "Date", "Summary", ""],
            *[[f"0{day}/05/2020", "Concern for welfare", "Call", "N"] for day in range(1, 4)]]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "one.xlsx")
    result = read_agency_file(tmp_path / "one.xlsx", agency="Police", code="POL")
    assert len(result.reports) == 1 and len(result.entries) == 5
    assert [r.source.row for r in result.rejected] == [4]


def test_each_tables_other_cells_are_quoted_by_its_own_columns(tmp_path: Path) -> None:
    """The incidents' "Children present" is no field and is quoted for them; the crimes'
    reference column is read as one, and so is their crime number."""
    result = read_agency_file(_stacked(tmp_path / "police.xlsx", CRIMES), agency="Police",
                              code="POL")
    tables = SourceReports(result.reports)
    assert tables.get(SourceRef(file="police.xlsx", sheet="Police", row=3)).header_row == 2
    assert tables.get(SourceRef(file="police.xlsx", sheet="Police", row=8)).header_row == 7
    assert tables.get(SourceRef(file="other.xlsx", sheet="Police", row=8)) is None
    case = read_case(HARBOUR)
    columns = columns_by_source(case.model_copy(update={"files": result.reports}))
    quoted = [[str(item) for item in also_recorded(entry, columns)]
              for entry in result.entries]
    assert quoted[0] == ["Children present: Y"]
    assert quoted[2] == ["Crime number: CR-123"]


def test_convert_carries_each_tables_columns_and_names_each_table(tmp_path: Path) -> None:
    path = _stacked(tmp_path / "police.xlsx", CRIMES)
    conversion = template_rows(read_agency_file(path, agency="Police", code="POL"))
    # the crime number is the template's reference; the incidents' other column carried
    assert conversion.carried == ["Children present"]
    present = conversion.headings.index("Children present")
    reference = conversion.headings.index("Reference")
    assert [(row[present], row[reference]) for row in conversion.rows] == [
        ("Y", None), ("N", None), (None, "CR-123"), (None, "CR-456")]
    out = tmp_path / "police-template.xlsx"
    text = format_report(convert_file(path, out, agency="Police"), out)
    assert "Columns (sheet 'Police', rows 1\u20134, header on row 2):" in text
    assert "Rows (sheet 'Police', rows 5\u20139): 5 read = 2 entries" in text
    # a column carried is said by what its own table read it as
    incidents = [[*INCIDENTS[0], "End date"], [*INCIDENTS[1], "03/03/2020"], INCIDENTS[2]]
    ended = _stacked(tmp_path / "ended.xlsx", CRIMES, incidents)
    said = format_report(convert_file(ended, tmp_path / "ended-template.xlsx",
                                      agency="Police"), out)
    assert "'End date' -> (read as end_date; the template has no column for it: carried " \
           "over as it is)" in said
    again = read_agency_file(out, agency="Police", code="POL")
    assert [e.kind_text for e in again.entries] == [
        "Domestic incident", "Concern for welfare", "Assault", "Criminal damage"]


def test_the_case_says_which_rows_each_table_holds(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    _stacked(folder / "police.xlsx", CRIMES)
    (folder / "case.toml").write_text('title = "T"\n[[agencies]]\nname = "Police"\n'
                                      'file = "police.xlsx"\n', encoding="utf-8")
    case = read_case(folder)
    assert [(f.where, f.header_row) for f in case.files] == [
        ("Police, rows 1\u20134", 2), ("Police, rows 5\u20139", 7)]
    dumped = json.loads(case.model_dump_json())["files"]
    assert [(f["first_row"], f["last_row"]) for f in dumped] == [(1, 4), (5, 9)]


def test_with_the_header_row_named_a_table_above_is_rejected_row_by_row(tmp_path: Path
                                                                         ) -> None:
    path = _stacked(tmp_path / "police.xlsx", CRIMES)
    result = read_agency_file(path, agency="Police", code="POL",
                              mapping=ColumnMapping(header_row=7))
    assert result.report.header_row == 7 and result.report.balanced
    assert len(result.reports) == 1 and result.report.first_row is None
    assert [e.kind_text for e in result.entries] == ["Assault", "Criminal damage"]
    assert [(r.source.row, r.code) for r in result.rejected] == [
        (3, ProblemCode.TABLE_ABOVE), (4, ProblemCode.TABLE_ABOVE)]
    assert result.rejected[0].raw == dict(zip(INCIDENTS[0], INCIDENTS[1], strict=True))
    assert result.rejected[0].message == (
        "a row of another table, above the one read (its header on row 2, this one's on row "
        "7): not read as an entry; put each table on a sheet of its own, or give the header "
        "row in a mapping file")


def test_with_the_header_row_named_a_table_below_says_whose_rows_it_rejects(
        tmp_path: Path) -> None:
    incidents = [*INCIDENTS, *[[f"0{day}/05/2020", "Concern for welfare", "Call", "N"]
                               for day in range(1, 4)]]
    path = _stacked(tmp_path / "police.xlsx", [
        ["Crime number", "Date reported"],
        ["CR-123", "06/04/2020"]], incidents)
    result = read_agency_file(path, agency="Police", code="POL",
                              mapping=ColumnMapping(header_row=2))
    assert result.report.header_row == 2 and len(result.entries) == 5
    messages = {r.source.row: r.message for r in result.rejected}
    assert messages[10].startswith("'Crime number' is not a date; the row looks like the "
                                   "header of another table ('Crime number', 'Date reported')")
    assert messages[11].endswith("; under the other table's header on row 10")


def test_each_tables_own_order_is_what_out_of_order_reads(tmp_path: Path) -> None:
    """The crimes under the incidents start again from an earlier day, as do the rows of a
    second sheet (one a year): neither is out of order. Rows were taken in order by their
    number across the file, the sheets' rows interleaved."""
    folder = tmp_path / "case"
    folder.mkdir()
    _stacked(folder / "police.xlsx", [CRIMES[0], ["CR-1", "Assault", "01/03/2020", "NFA"],
                                      ["CR-2", "Assault", "02/03/2020", "NFA"]])
    book = openpyxl.Workbook()
    book.active.title = "2019"
    for row in [["Date", "Contact type", "Summary"], ["01/06/2019", "Home visit", "Visit"],
                ["05/06/2019", "Home visit", "Visit"]]:
        book.active.append(row)
    later = book.create_sheet("2020")
    for row in [["Date", "Contact type", "Summary"], ["01/02/2020", "Home visit", "Visit"],
                ["05/02/2020", "Home visit", "Visit"], ["03/02/2020", "Home visit", "Late"]]:
        later.append(row)
    book.save(folder / "hv.xlsx")
    (folder / "case.toml").write_text(
        'title = "T"\n[[agencies]]\nname = "Police"\nfile = "police.xlsx"\n'
        '[[agencies]]\nname = "Health Visiting"\nfile = "hv.xlsx"\n', encoding="utf-8")
    case = read_case(folder)
    (flag,) = [f for f in case.flags if f.code.value == "out-of-order"]
    assert [e.source.row for e in case.entries if e.id in flag.evidence] == [4]
    assert flag.message.startswith("hv.xlsx, sheet '2020': 1 row(s) dated earlier")


def test_a_flag_names_the_sheet_of_a_file_that_gave_more_than_one_table(
        harbour_case: Case) -> None:
    from chronogen.analyse.context import FlagContext
    from chronogen.model.chronology import FileReport

    entry = harbour_case.entries[0]
    context = FlagContext(harbour_case, harbour_case.settings)
    assert context.where(entry) == f"{entry.source.file}, row {entry.source.row}"
    two = [FileReport(file=entry.source.file, sheet=entry.source.sheet, header_row=1,
                      first_row=1, last_row=5),
           FileReport(file=entry.source.file, sheet=entry.source.sheet, header_row=7,
                      first_row=6, last_row=9)]
    context = FlagContext(harbour_case.model_copy(update={"files": two}), harbour_case.settings)
    assert context.where(entry) == (f"{entry.source.file}, sheet {entry.source.sheet!r}, "
                                    f"row {entry.source.row}")


def test_a_forms_fields_above_the_table_are_no_table_of_contacts(tmp_path: Path) -> None:
    """A form's fields over the table, with their values under them, name a date and a
    child but nothing that happened: rejected as before (said), never an entry."""
    book = openpyxl.Workbook()
    for row in [["Child's name", "Date of referral"], ["Mia Harbour", "01/02/2020"], [],
                *INCIDENTS]:
        book.active.append(row)
    book.save(tmp_path / "form.xlsx")
    result = read_agency_file(tmp_path / "form.xlsx", agency="Police", code="POL")
    assert [e.source.row for e in result.entries] == [5, 6]
    assert [(r.source.row, r.code) for r in result.rejected] == [(2, ProblemCode.TABLE_ABOVE)]
    assert len(result.reports) == 1


def test_each_tables_columns_are_judged_on_its_own_rows(tmp_path: Path) -> None:
    # the incidents' "Event" holds a few short types; the crimes' sentences under it, in the
    # same column, made it read as the summary when the whole sheet judged its columns
    incidents = [["Date", "Event", "Outcome"],
                 *[[f"0{day}/03/2020", kind, "NFA"] for day, kind in enumerate(
                     ["Domestic incident", "Concern for welfare"] * 2, start=1)]]
    crimes = [["Date", "Crime details", "Officer"],
              *[[f"{day:02d}/04/2020", f"Assault reported by neighbour number {day}, victim "
                 "known to the family; enquiries ongoing with partner agencies", "PC Smith"]
                for day in range(1, 21)]]
    result = read_agency_file(_stacked(tmp_path / "police.xlsx", crimes, incidents),
                              agency="Police", code="POL")
    first, second = result.reports
    assert first.columns == {"Date": "date", "Event": "kind", "Outcome": "outcome"}
    assert "'Event' holds long, varied text" not in " ".join(first.explanation)
    assert [(e.kind_text, e.summary) for e in result.entries[:2]] == [
        ("Domestic incident", None), ("Concern for welfare", None)]
    assert second.columns["Crime details"] == "summary"
    assert first.explanation[0].startswith("header on row 2 of sheet 'Police' (headings); "
                                           "100% of the rows below have a date")

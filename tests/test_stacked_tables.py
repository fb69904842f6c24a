"""Two tables stacked on one sheet (a police return's incidents, then its crimes, each with
its own header): one header is read, and the other table's rows are said, never silently
counted as title rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from chronogen import read_agency_file
from chronogen.model.problems import ProblemCode

INCIDENTS = [["Date", "Incident type", "Summary", "Children present"],
             ["02/03/2020", "Domestic incident", "Argument at the home", "Y"],
             ["05/04/2020", "Concern for welfare", "Neighbour called", "N"]]


def _stacked(path: Path, second: list[list[object]], first: list[list[object]] = INCIDENTS
             ) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Police"
    for row in [["Incidents"], *first, [], ["Crimes"], *second]:
        sheet.append(row)
    book.save(path)
    return path


def test_a_table_above_the_one_read_is_rejected_row_by_row_under_its_own_headings(
        tmp_path: Path) -> None:
    """The crimes' header names more known columns, so it is read; the incidents above it
    were counted as title rows, two contacts lost without a word."""
    path = _stacked(tmp_path / "police.xlsx", [
        ["Crime number", "Offence", "Date reported", "Outcome"],
        ["CR-123", "Assault", "06/04/2020", "NFA"],
        ["CR-456", "Criminal damage", "10/05/2020", "Charged"]])
    result = read_agency_file(path, agency="Police", code="POL")
    assert result.report.header_row == 7 and result.report.balanced
    assert [e.kind_text for e in result.entries] == ["Assault", "Criminal damage"]
    assert [(r.source.row, r.code) for r in result.rejected] == [
        (3, ProblemCode.TABLE_ABOVE), (4, ProblemCode.TABLE_ABOVE)]
    assert result.rejected[0].raw == dict(zip(INCIDENTS[0], INCIDENTS[1], strict=True))
    assert result.rejected[0].message == (
        "a row of another table, above the one read (its header on row 2, this one's on row "
        "7): not read as an entry; put each table on a sheet of its own, or give the header "
        "row in a mapping file")


def test_a_table_below_the_one_read_says_whose_rows_it_rejects(tmp_path: Path) -> None:
    incidents = [*INCIDENTS, *[[f"0{day}/05/2020", "Concern for welfare", "Call", "N"]
                               for day in range(1, 4)]]
    path = _stacked(tmp_path / "police.xlsx", [
        ["Crime number", "Date reported"],
        ["CR-123", "06/04/2020"]], incidents)
    result = read_agency_file(path, agency="Police", code="POL")
    assert result.report.header_row == 2 and len(result.entries) == 5
    messages = {r.source.row: r.message for r in result.rejected}
    assert messages[10].startswith("'Crime number' is not a date; the row looks like the "
                                   "header of another table ('Crime number', 'Date reported')")
    assert messages[11].endswith("; under the other table's header on row 10")

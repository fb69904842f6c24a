"""What an agency's workbook hides (a sheet, rows, columns) is read as everything is, and
said: a hidden sheet's rows were merged into the chronology without a word (it may hold old
records, or another family's)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from chronogen import read_agency_file, read_family_file
from chronogen.model.problems import ProblemCode, Severity
from chronogen.read.workbook_traits import hidden_sheets
from tests.conftest import HARBOUR
from tests.data.hostile.make_corpus import write_package


def _hidden(problems: list) -> list[tuple[str, str | None, int | None, str]]:
    return [(p.severity.value, p.sheet, p.row, p.message) for p in problems
            if p.code is ProblemCode.HIDDEN_CONTENT]


def test_a_hidden_sheet_rows_and_columns_are_read_and_said(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Police chronology"])
    sheet.row_dimensions[1].hidden = True  # above the header: nothing of the records
    sheet.append(["Date", "Contact type", "Summary", "Officer"])
    for day in range(1, 9):
        sheet.append([f"0{day}/03/2020", "Home visit", f"Visit {day}", "PC 1"])
    for row in (4, 6, 7, 8):
        sheet.row_dimensions[row].hidden = True
    sheet.column_dimensions["D"].hidden = True
    old = book.create_sheet("Old data")
    old.append(["Date", "Contact type", "Summary"])
    old.append(["01/01/2019", "Home visit", "A visit to another family"])
    old.sheet_state = "hidden"
    book.save(tmp_path / "police.xlsx")
    result = read_agency_file(tmp_path / "police.xlsx", agency="Police", code="POL")
    assert len(result.entries) == 9  # nothing left out
    assert _hidden(result.problems) == [
        ("info", "Chronology", 4, "rows 4, 6–8 are hidden in the sheet (by hand or by a "
                                  "filter): read as every row is, though the agency's own "
                                  "view of the sheet left them out"),
        ("info", "Chronology", None, "column D ('Officer') is hidden in the sheet: read as "
                                     "every column is"),
        ("warning", "Old data", None, "sheet 'Old data' is hidden in the workbook: its rows "
                                      "were read as every sheet's are; check with whoever "
                                      "sent it that they belong here (a hidden sheet may "
                                      "hold old or another family's records)")]


def test_hidden_parts_are_found_however_written(tmp_path: Path) -> None:
    """Prefixes, single quotes, "true", a range of hidden columns to the sheet's last."""
    cells = "".join(
        f"<x:row r='{n}' hidden='{'true' if n == 3 else '0'}'><x:c r='A{n}' t='inlineStr'>"
        f"<x:is><x:t>{date}</x:t></x:is></x:c><x:c r='B{n}' t='inlineStr'><x:is><x:t>{text}"
        f"</x:t></x:is></x:c><x:c r='C{n}' t='inlineStr'><x:is><x:t>x</x:t></x:is></x:c>"
        "</x:row>"
        for n, date, text in [(1, "Date", "Summary"), (2, "13/03/2020", "Visit"),
                              (3, "14/03/2020", "Call")])
    sheet = ("<x:worksheet xmlns:x='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
             "<x:cols><x:col min='3' max='16384' hidden = '1'/></x:cols>"
             f"<x:sheetData>{cells}</x:sheetData></x:worksheet>")
    path = tmp_path / "written.xlsx"
    write_package(path, sheet)
    result = read_agency_file(path, agency="HV", code="HV")
    assert [message for *_, message in _hidden(result.problems)] == [
        "row 3 is hidden in the sheet (by hand or by a filter): read as every row is, though "
        "the agency's own view of the sheet left it out",
        "column C ('x') is hidden in the sheet: read as every column is"]
    assert hidden_sheets(b"<x:sheet  state = 'veryHidden' name='A &amp; B' r:id='rId1'/>"
                         b'<sheet name="Shown" state="visible"/>') == {"A & B"}


def test_rows_saved_as_not_hidden_are_not_hidden(tmp_path: Path) -> None:
    """LibreOffice writes ``hidden="false"`` on every row it saves: only the one row it
    says is hidden is (the quick look for a hidden row passes over the others)."""
    cells = "".join(
        f'<row r="{n}" customFormat="false" ht="15" hidden="{"true" if n == 3 else "false"}"'
        f' outlineLevel="0"><c r="A{n}" t="inlineStr"><is><t>{date}</t></is></c>'
        f'<c r="B{n}" t="inlineStr"><is><t>{text}</t></is></c></row>'
        for n, date, text in [(1, "Date", "Summary"), (2, "13/03/2020", "Visit"),
                              (3, "14/03/2020", "Call"), (4, "15/03/2020", "Letter")])
    path = tmp_path / "saved.xlsx"
    write_package(path, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        f'2006/main"><sheetData>{cells}</sheetData></worksheet>')
    result = read_agency_file(path, agency="HV", code="HV")
    assert [row for _, _, row, _ in _hidden(result.problems)] == [3]


def test_the_family_workbook_says_what_it_hides(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(HARBOUR / "family.xlsx")
    book["People"].row_dimensions[3].hidden = True
    book.save(tmp_path / "family.xlsx")
    read = read_family_file(tmp_path / "family.xlsx")
    assert len(read.family.people) == len(read_family_file(HARBOUR / "family.xlsx").family.people)
    assert [(p.sheet, p.row, p.severity) for p in read.problems
            if p.code is ProblemCode.HIDDEN_CONTENT] == [("People", 3, Severity.INFO)]


def test_an_entry_read_from_what_the_sheet_hides_is_marked_where_it_is_printed(
        tmp_path: Path) -> None:
    from chronogen import read_case
    from chronogen.write.also_recorded import HIDDEN_ROW, HIDDEN_SHEET
    from chronogen.write.appendix import build_appendix

    folder = tmp_path / "case"
    folder.mkdir()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Date", "Contact type", "Summary"])
    for day in (1, 2, 3):
        sheet.append([f"0{day}/03/2020", "Home visit", f"Visit {day}"])
    sheet.row_dimensions[3].hidden = True
    old = book.create_sheet("Old data")
    old.append(["Date", "Contact type", "Summary"])
    old.append(["01/01/2019", "Home visit", "A visit to another family"])
    old.sheet_state = "hidden"
    book.save(folder / "police.xlsx")
    case = read_case(folder)
    report = next(f for f in case.files if f.sheet == "Chronology")
    assert (report.hidden_rows, report.sheet_hidden) == ([3], False)
    marks = {(row.entry.source.sheet, row.entry.source.row): row.also
             for row in build_appendix(case).rows}
    assert marks == {("Chronology", 2): (), ("Chronology", 3): (HIDDEN_ROW,),
                     ("Chronology", 4): (), ("Old data", 2): (HIDDEN_SHEET,)}


def test_hidden_rows_holding_nothing_are_not_kept(tmp_path: Path) -> None:
    """A file of empty row elements marked hidden (a hostile one: a million of them) held a
    number for each in the file's report."""
    cells = ("<row r='1'><c r='A1' t='inlineStr'><is><t>Date</t></is></c><c r='B1' "
             "t='inlineStr'><is><t>Summary</t></is></c></row><row r='2'><c r='A2' "
             "t='inlineStr'><is><t>13/03/2020</t></is></c><c r='B2' t='inlineStr'><is><t>Visit"
             "</t></is></c></row>" + "".join(f"<row r='{n}' hidden='1'/>"
                                              for n in range(3, 20_000)))
    write_package(tmp_path / "empty.xlsx", "<worksheet xmlns='http://schemas.openxmlformats.org"
                  f"/spreadsheetml/2006/main'><sheetData>{cells}</sheetData></worksheet>")
    result = read_agency_file(tmp_path / "empty.xlsx", agency="HV", code="HV")
    assert len(result.entries) == 1 and result.report.hidden_rows == []
    assert _hidden(result.problems) == []

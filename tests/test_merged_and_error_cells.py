"""Cells as the sheet shows them: a date merged down over one day's contacts is each row's
date (each row below read as having no date, and was rejected); and the family workbook's
reader says what its sheets hold as an agency return's does (merged cells, formulas saved
without a value, Excel error cells)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from chronogen import read_agency_file, read_family_file
from chronogen.model.problems import ProblemCode
from chronogen.read.merged_cells import fill_merged_down
from tests.conftest import HARBOUR, assert_valid_entries
from tests.data.hostile.make_corpus import write_package


def _merged_workbook(path: Path, *, error_cell: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Chronology of contacts"])  # a title merged across the table: read once
    sheet.append(["Date", "Contact type", "Summary", "Child seen?"])
    sheet.append(["02/03/2020", "Home visit", "Visit: Mia seen in her room.", "Yes"])
    sheet.append([None, "Telephone call", "Call to mother.", "No"])
    sheet.append(["05/03/2020", "Strategy meeting", "Strategy discussion held.", None])
    sheet.append([None, None, "Agreed: S47 enquiries.", "#REF!" if error_cell else None])
    sheet.merge_cells("A1:D1")
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("A5:B6")  # across two columns (the type is lost in it): read down only
    book.save(path)
    return path


@pytest.mark.parametrize("error_cell", [False, True])  # calamine, or openpyxl after an error
def test_a_date_merged_down_is_each_rows_date(tmp_path: Path, error_cell: bool) -> None:
    path = _merged_workbook(tmp_path / "csc.xlsx", error_cell=error_cell)
    result = read_agency_file(path, agency="CSC", code="CSC")
    assert_valid_entries(result.entries)
    assert result.rejected == []
    assert [(e.date.display(), e.kind_text) for e in result.entries] == [
        ("02/03/2020", "Home visit"), ("02/03/2020", "Telephone call"),
        ("05/03/2020", None), ("05/03/2020", None)]
    assert result.entries[1].raw["Date"] == "02/03/2020"  # the cell as the sheet shows it
    merged = [(p.row, p.column, p.message) for p in result.problems
              if p.code is ProblemCode.MERGED_CELLS]
    assert merged == [
        (4, "Date", "cells A3:A4 are merged: row 4 read the value of row 3 in this column, "
                    "as the sheet shows it beside each"),
        (6, "Date", "cells A5:B6 are merged: row 6 read the value of row 5 in this column, "
                    "as the sheet shows it beside each")]


def test_merged_cells_are_found_however_the_tag_is_written(tmp_path: Path) -> None:
    rows = [("A1", "Date"), ("B1", "Summary"), ("A2", "13/03/2020"), ("B2", "Visit"),
            ("B3", "Call")]
    cells = "".join(f'<x:row r="{ref[1:]}"><x:c r="{ref}" t="inlineStr"><x:is><x:t>{text}'
                    f"</x:t></x:is></x:c></x:row>" for ref, text in rows)
    sheet = (f'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<x:sheetData>{cells}</x:sheetData><x:mergeCells count='1'>"
             f"<x:mergeCell  ref = 'a2:a3' /></x:mergeCells></x:worksheet>")
    path = tmp_path / "prefixed.xlsx"
    write_package(path, sheet)
    result = read_agency_file(path, agency="HV", code="HV")
    assert [e.date.display() for e in result.entries] == ["13/03/2020", "13/03/2020"]


def test_only_blank_cells_below_the_first_are_filled_and_only_within_the_sheet() -> None:
    rows: list[tuple[object, ...]] = [("a", "b"), (None, None), ("own", None), (None,)]
    done = fill_merged_down(rows, [(1, 1, 1_048_576, 1), (1, 2, 1, 16_384)])
    assert rows == [("a", "b"), ("a", None), ("own", None), ("a",)]
    assert [(d.area, d.row, d.filled) for d in done] == [("A1:A1048576", 1, (2, 4))]
    # a blank first cell gives nothing; an area below the sheet is left
    assert fill_merged_down(rows, [(2, 2, 4, 2), (9, 1, 12, 1)]) == []


def test_a_file_of_overlapping_areas_costs_no_more_than_its_cells() -> None:
    """Excel never overlaps areas, a hostile file may: 100,000 areas each over a million
    rows are at most one step a cell of the sheet."""
    rows: list[tuple[object, ...]] = [("x",)] + [(None,)] * 4
    done = fill_merged_down(rows, [(1, 1, 1_048_576, 1)] * 100_000)
    assert rows == [("x",)] * 5 and len(done) == 1


def test_a_family_workbook_reads_merged_cells_and_says_what_its_sheets_hold(
        tmp_path: Path) -> None:
    """The household's address merged down over its members reads as the address of each;
    the family reader also says so, and says when a cell is a formula saved without its
    value (it read such a cell as blank without a word)."""
    book = openpyxl.load_workbook(HARBOUR / "family.xlsx")
    households = book["Households"]
    for row in range(3, 8):
        households.cell(row=row, column=1).value = None
    households.merge_cells("A2:A7")
    book["People"]["E2"] = "=DATE(2016,2,14)"  # Mia's date of birth, never calculated
    book.save(tmp_path / "family.xlsx")
    read = read_family_file(tmp_path / "family.xlsx")
    assert read.family.households == read_family_file(HARBOUR / "family.xlsx").family.households
    found = {(p.code, p.sheet, p.row, p.column) for p in read.problems}
    assert (ProblemCode.MERGED_CELLS, "Households", 3, "Address") in found
    assert (ProblemCode.FORMULA_WITHOUT_VALUE, "People", 2, "Date of birth") in found


def test_an_excel_error_in_the_family_workbook_is_blank_and_said(tmp_path: Path) -> None:
    """A surname "#REF!" was drawn on the genogram; a "#N/A" person was "not a person"."""
    book = openpyxl.load_workbook(HARBOUR / "family.xlsx")
    book["People"]["C2"] = "#REF!"
    book["People"]["E3"] = "#VALUE!"
    book["Households"]["B3"] = "#N/A"
    book.save(tmp_path / "family.xlsx")
    read = read_family_file(tmp_path / "family.xlsx")
    people = {p.id: p for p in read.family.people}
    assert people["P1"].surname is None and people["P2"].birth is None
    errors = [(p.sheet, p.row, p.column, p.message) for p in read.problems
              if p.code is ProblemCode.CELL_ERROR]
    assert errors == [
        ("People", 2, "Surname", "the cell holds the Excel error #REF!; treated as blank"),
        ("People", 3, "Date of birth", "the cell holds the Excel error #VALUE!; treated as "
                                       "blank"),
        ("Households", 3, "Person", "the cell holds the Excel error #N/A; treated as blank")]
    assert not any(p.code is ProblemCode.UNKNOWN_PERSON for p in read.problems)


def test_a_sheet_of_more_merged_areas_than_kept_says_so(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    import chronogen.read.workbook_traits as traits

    monkeypatch.setattr(traits, "_MOST_MERGED", 1)
    result = read_agency_file(_merged_workbook(tmp_path / "csc.xlsx"), agency="CSC", code="CSC")
    assert [(p.code, p.message) for p in result.problems if "merged cells past" in p.message] == [
        (ProblemCode.MERGED_CELLS,
         "merged cells past the first 1 areas were not read in each of their rows")]


def test_a_row_keeping_its_own_value_inside_a_merged_area_is_not_said_to_read_it(
        tmp_path: Path) -> None:
    """LibreOffice can keep the contents of the cells a merge hides: a row holding its own
    date inside the area reads it, and the problem names the rows that read the first's,
    in runs (it said "rows 3" to "5")."""
    from openpyxl.worksheet.merge import MergedCellRange

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["Date", "Contact type", "Summary"], ["02/03/2020", "Home visit", "Visit."],
                [None, "Telephone call", "Call."], ["04/03/2020", "Letter", "Letter sent."],
                [None, "Telephone call", "Call again."]]:
        sheet.append(row)
    sheet.merged_cells.add(MergedCellRange(sheet, "A2:A5"))  # the values kept, as LibreOffice
    book.save(tmp_path / "kept.xlsx")
    result = read_agency_file(tmp_path / "kept.xlsx", agency="CSC", code="CSC")
    assert [e.date.display() for e in result.entries] == [
        "02/03/2020", "02/03/2020", "04/03/2020", "02/03/2020"]
    (merged,) = [p.message for p in result.problems if p.code is ProblemCode.MERGED_CELLS]
    assert merged.startswith("cells A2:A5 are merged: rows 3, 5 read the value of row 2")

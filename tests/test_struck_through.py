"""A row struck through in an agency's sheet (its way of marking an entry withdrawn or
corrected) was read as any other, and nothing said: it is still read, and said, by row, and
the entry is marked where it is printed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from chronogen import read_agency_file, read_case
from chronogen.model.problems import ProblemCode
from chronogen.read.workbook_traits import struck_styles
from chronogen.write.also_recorded import STRUCK
from chronogen.write.appendix import build_appendix


def _struck_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Chronology"])
    sheet["A1"].font = Font(strike=True)  # a title struck through: no entry, nothing said
    sheet.append(["Date", "Contact type", "Summary"])
    sheet.append(["02/03/2020", "Home visit", "Visit"])
    sheet.append(["03/03/2020", "Home visit", "Entered in error: another family"])
    sheet.append(["04/03/2020", "Telephone call", "Call"])
    for cell in sheet[4]:
        cell.font = Font(strike=True)
    sheet["C5"].font = Font(strike=True, bold=True)
    sheet["C3"].font = Font(bold=True)
    book.save(path)
    return path


def test_a_row_struck_through_is_read_and_said(tmp_path: Path) -> None:
    result = read_agency_file(_struck_workbook(tmp_path / "csc.xlsx"), agency="CSC", code="CSC")
    assert len(result.entries) == 3
    struck = [(p.row, p.column, p.message) for p in result.problems
              if p.code is ProblemCode.STRUCK_THROUGH]
    assert struck == [
        (4, None, "struck through in the sheet ('Date', 'Contact type', 'Summary'): read as "
                  "written; check whether it was withdrawn or corrected"),
        (5, "Summary", "struck through in the sheet ('Summary'): read as written; check "
                       "whether it was withdrawn or corrected")]


def test_the_entry_is_marked_where_it_is_printed(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    _struck_workbook(folder / "csc.xlsx")
    case = read_case(folder)
    marked = {row.entry.source.row for row in build_appendix(case).rows if STRUCK in row.also}
    assert marked == {4, 5}
    assert str(STRUCK) == "Struck through: in the agency's sheet: withdrawn or corrected?"


def test_only_a_font_that_strikes_is_a_struck_style() -> None:
    styles = (b"<styleSheet><fonts><font><sz val='11'/></font><font><strike/></font>"
              b"<font><strike val='0'/></font><x:font><x:strike val=\"1\"/></x:font><font/>"
              b"</fonts><cellStyleXfs><xf fontId='1'/></cellStyleXfs><cellXfs>"
              b"<xf fontId='0'/><xf fontId='1'/><xf fontId='2'/><xf fontId='3'/><xf/></cellXfs>"
              b"</styleSheet>")
    assert struck_styles(styles) == {1, 3}
    assert struck_styles(b"<fonts>" + b"<font>" * 10_000) == frozenset()  # no end: no hang
    with zipfile.ZipFile(Path(__file__).parent / "data" / "harbour" / "police_incidents.xlsx") \
            as package:
        assert struck_styles(package.read("xl/styles.xml")) == frozenset()

"""Rows an agency filled with a colour or wrote in bold throughout (its way of marking a
contact significant): read as every row is, said, and marked where the entry is printed; a
look that is the table's (banded rows, a whole table shaded or bold, the header) is no
highlight."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Color, Font, PatternFill

from chronogen import Case, read_agency_file
from chronogen.model.problems import ProblemCode
from chronogen.read.cell_styles import colour_name, filled_styles
from chronogen.write.also_recorded import also_recorded, columns_by_source


def _filled(colour: str | Color) -> PatternFill:
    return PatternFill(fill_type="solid", fgColor=colour)


def _return(path: Path, fills: dict[int, PatternFill], rows: int = 9) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "CSC"
    sheet.append(["Date", "Contact type", "Summary"])
    for cell in sheet[1]:
        cell.fill = _filled("1F497D")  # the header's own colour: no highlight
    for day in range(1, rows + 1):
        sheet.append([f"{day:02d}/03/2020", "Home visit", f"Visit {day}"])
    for row, fill in fills.items():
        for cell in sheet[row]:
            cell.fill = fill
    book.save(path)
    return path


def test_highlighted_rows_are_said_and_each_entry_marked(tmp_path: Path) -> None:
    path = _return(tmp_path / "csc.xlsx", {3: _filled("FFFF00"), 6: _filled("FFC7CE"),
                                           8: _filled(Color(indexed=13))})
    result = read_agency_file(path, agency="CSC", code="CSC")
    assert len(result.entries) == 9 and result.rejected == []
    assert result.report.highlighted_rows == {3: "yellow", 6: "light red", 8: "yellow"}
    (said,) = [p for p in result.problems if p.code is ProblemCode.HIGHLIGHTED]
    assert said.row == 3 and said.message.startswith(
        "highlighted in the sheet (yellow: rows 3, 8; light red: row 6): an agency's way of "
        "marking a contact significant")
    columns = columns_by_source(Case(title="t", files=result.reports))
    marks = {e.source.row: [str(a) for a in also_recorded(e, columns)] for e in result.entries}
    assert marks[3] == ["Highlighted: yellow, in the agency's sheet"]
    assert marks[4] == []


@pytest.mark.parametrize("fills", [
    {row: _filled("D9D9D9") for row in range(2, 11, 2)},  # banded: every other row grey
    {row: _filled("DDEBF7") for row in range(2, 11)},  # the whole table shaded
    {row: _filled("FFFFFF") for row in (3, 5)},  # white is no colour
    {row: PatternFill(fill_type=None, fgColor="FFFF00") for row in (3, 5)},  # no pattern
])
def test_a_tables_look_is_no_highlight(tmp_path: Path, fills: dict[int, PatternFill]) -> None:
    result = read_agency_file(_return(tmp_path / "csc.xlsx", fills), agency="CSC", code="CSC")
    assert result.report.highlighted_rows == {}
    assert not any(p.code is ProblemCode.HIGHLIGHTED for p in result.problems)


def test_a_theme_colour_is_said_as_one(tmp_path: Path) -> None:
    path = _return(tmp_path / "csc.xlsx", {4: _filled(Color(theme=5, tint=0.6))})
    result = read_agency_file(path, agency="CSC", code="CSC")
    assert result.report.highlighted_rows == {4: "a theme colour"}


@pytest.mark.parametrize(("attributes", "name"), [
    (b'rgb="FFFFFF00"', "yellow"), (b"rgb='FF00B050'", "green"), (b'rgb="FFFF0000"', "red"),
    (b'rgb="FFFFC000"', "orange"), (b'rgb="FF0070C0"', "blue"), (b'rgb="FF7030A0"', "purple"),
    (b'rgb="FFC6EFCE"', "light green"), (b'rgb="FFBFBFBF"', "grey"), (b'rgb="FF000000"', "black"),
    (b'rgb="FFFFFFFF"', None), (b'indexed="64"', None), (b'theme="0"', None), (b"auto='1'", None),
    (b'theme="4" tint="0.39"', "a theme colour"), (b'indexed="13"', "yellow"),
    (b'rgb="not a colour"', None),
])
def test_colours_are_named_in_plain_words(attributes: bytes, name: str | None) -> None:
    assert colour_name(attributes) == name


def test_filled_styles_are_found_however_written() -> None:
    styles = (b"<styleSheet><x:fills count='4'><x:fill><x:patternFill patternType='none'/>"
              b"</x:fill><fill><patternFill patternType=\"gray125\"/></fill><fill>"
              b"<patternFill patternType = 'solid'><fgColor rgb='FFFFFF00'/><bgColor "
              b"indexed='64'/></patternFill></fill><fill/></x:fills><cellXfs>"
              b"<xf fillId='0'/><xf fillId='2' applyFill='1'/><xf/><xf fillId=\"1\"/>"
              b"<xf fillId='2'/></cellXfs></styleSheet>")
    assert filled_styles(styles) == {1: "yellow", 4: "yellow"}
    assert filled_styles(b"<fills>" + b"<fill>" * 10_000) == {}  # no end: no hang


def test_an_empty_row_filled_ahead_of_use_is_no_highlight(tmp_path: Path) -> None:
    path = _return(tmp_path / "csc.xlsx", {4: _filled("FFFF00"), 6: _filled("FFFF00")})
    book = openpyxl.load_workbook(path)
    for cell in book.active[6]:
        cell.value = None  # a row between contacts, kept empty, its fill left
    book.save(path)
    result = read_agency_file(path, agency="CSC", code="CSC")
    assert result.report.highlighted_rows == {4: "yellow"}


def test_a_row_in_bold_throughout_is_highlighted_a_bold_word_is_not(tmp_path: Path) -> None:
    path = _return(tmp_path / "csc.xlsx", {7: _filled("FFFF00")})
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for cell in [*sheet[1], *sheet[4], *sheet[7]]:  # the header, row 4, row 7 (and yellow)
        cell.font = Font(bold=True)
    sheet["A5"].font = Font(bold=True)  # only the date of row 5
    book.save(path)
    result = read_agency_file(path, agency="CSC", code="CSC")
    assert result.report.highlighted_rows == {4: "bold", 7: "yellow, bold"}
    columns = columns_by_source(Case(title="t", files=result.reports))
    assert [str(a) for a in also_recorded(result.entries[2], columns)] == [
        "Highlighted: bold, in the agency's sheet"]


def test_a_table_in_bold_throughout_is_no_highlight(tmp_path: Path) -> None:
    path = _return(tmp_path / "csc.xlsx", {})
    book = openpyxl.load_workbook(path)
    for row in book.active.iter_rows():
        for cell in row:
            cell.font = Font(bold=True)
    book.save(path)
    result = read_agency_file(path, agency="CSC", code="CSC")
    assert result.report.highlighted_rows == {}


def test_the_looks_of_each_style_are_read_however_written() -> None:
    from chronogen.read.cell_styles import Look, cell_looks

    styles = (b"<styleSheet><fonts><font><sz val='11'/></font><font><b/></font>"
              b"<x:font><x:b val=\"1\"/><x:strike/></x:font><font><b val='0'/></font>"
              b"<font><b val=\"false\"/><bgColor/></font></fonts><fills><fill><patternFill/>"
              b"</fill><fill><patternFill patternType='solid'><fgColor rgb='FF00B050'/>"
              b"</patternFill></fill></fills><cellXfs><xf fontId='0' fillId='0'/>"
              b"<xf fontId='1'/><xf fontId='2' fillId='1'/><xf fontId='3'/><xf fontId='4'/>"
              b"</cellXfs></styleSheet>")
    assert cell_looks(styles) == {1: Look(bold=True),
                                  2: Look(struck=True, colour="green", bold=True)}


def test_colours_given_by_rules_are_said_not_read(tmp_path: Path) -> None:
    """Conditional formatting colours cells by rules ("yellow where Significance is High"),
    which chronogen does not work out: the sheet says so, naming the areas, and no row is
    said highlighted by it."""
    from openpyxl.formatting.rule import CellIsRule, FormulaRule

    path = _return(tmp_path / "csc.xlsx", {})
    book = openpyxl.load_workbook(path)
    sheet = book.active
    sheet.conditional_formatting.add("B2:B10", CellIsRule(
        operator="equal", formula=['"Home visit"'], fill=_filled("FFFF00")))
    sheet.conditional_formatting.add("A2:C10", FormulaRule(formula=["$C2=\"Visit 3\""],
                                                           fill=_filled("FFC7CE")))
    book.save(path)
    result = read_agency_file(path, agency="CSC", code="CSC")
    assert result.report.highlighted_rows == {}
    (said,) = [p for p in result.problems if p.code is ProblemCode.HIGHLIGHTED]
    assert said.severity.value == "info" and said.row is None
    assert said.message.startswith("the sheet colours cells by rules of its own (conditional "
                                   "formatting, over B2:B10, A2:C10): the colours its rules "
                                   "give are not read")
    plain = read_agency_file(_return(tmp_path / "plain.xlsx", {}), agency="CSC", code="CSC")
    assert not [p for p in plain.problems if p.code is ProblemCode.HIGHLIGHTED]


def test_colours_given_by_excel_2010_rules_are_said_too(tmp_path: Path) -> None:
    """Excel 2010 and later keep some rules (data bars, icon sets, rules naming another
    sheet) in the sheet's extensions, their areas as elements: said as well."""
    from tests.data.hostile.make_corpus import write_package

    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{date}</t></is></c>'
                   f'<c r="B{n}" t="inlineStr"><is><t>{text}</t></is></c></row>'
                   for n, date, text in [(1, "Date", "Summary"), (2, "13/03/2020", "Visit"),
                                         (3, "14/03/2020", "Call")])
    extension = ('<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://'
                 'schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:'
                 'conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.'
                 'microsoft.com/office/excel/2006/main"><x14:cfRule type="expression" '
                 'priority="1" id="{1}"><xm:f>Other!$A$1="x"</xm:f></x14:cfRule>'
                 '<xm:sqref>A2:B3</xm:sqref></x14:conditionalFormatting></x14:'
                 'conditionalFormattings></ext></extLst>')
    path = tmp_path / "csc.xlsx"
    write_package(path, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        f'2006/main"><sheetData>{rows}</sheetData>{extension}</worksheet>')
    result = read_agency_file(path, agency="CSC", code="CSC")
    (said,) = [p for p in result.problems if p.code is ProblemCode.HIGHLIGHTED]
    assert "(conditional formatting, over A2:B3)" in said.message
    # a data validation's area is written alike: no rule of colour
    validation = extension.replace("conditionalFormatting", "dataValidation")
    write_package(path, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        f'2006/main"><sheetData>{rows}</sheetData>{validation}'
                        '<conditionalFormatting sqref="B2"><cfRule type="expression" '
                        'priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>'
                        '</worksheet>')
    result = read_agency_file(path, agency="CSC", code="CSC")
    (said,) = [p for p in result.problems if p.code is ProblemCode.HIGHLIGHTED]
    assert "(conditional formatting, over B2)" in said.message


def test_rules_opened_and_never_closed_cover_no_area() -> None:
    """A megabyte of conditional formatting opened and never closed, and as many areas
    after it: none is inside rules (each opening looks for its closing and its area among
    places worked out once: searched for from each opening, this took minutes)."""
    from chronogen.read.workbook_traits import WorkbookTraits, _note_ruled

    window = b"<x14:conditionalFormatting>" * 20_000 + b"<xm:sqref>A1</xm:sqref>" * 20_000
    traits = WorkbookTraits()
    _note_ruled(window, "S", traits)
    assert traits.ruled == {"S": {}}


def test_a_row_bold_run_by_run_is_bold_as_a_row_bold_by_style(tmp_path: Path) -> None:
    """Text pasted from Word keeps its bold as rich text, run by run, not as the cell's
    style: in a cell's own text (inline) or in the shared-string table. A cell bold in one
    run of two is not bold throughout."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    from tests.data.hostile.make_corpus import write_package

    bold = InlineFont(b=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Contact type", "Summary"])
    sheet.append(["02/03/2020", "Home visit", "Visit"])
    sheet.append([CellRichText([TextBlock(bold, "03/03/2020")]),
                  CellRichText([TextBlock(bold, "Home visit")]),
                  CellRichText([TextBlock(bold, "Mother "), TextBlock(bold, "arrested")])])
    sheet.append(["04/03/2020", "Home visit",
                  CellRichText([TextBlock(bold, "Half "), "bold"])])
    sheet.append(["05/03/2020", "Home visit", "Visit"])
    book.save(tmp_path / "inline.xlsx")
    inline = read_agency_file(tmp_path / "inline.xlsx", agency="CSC", code="CSC")
    assert inline.report.highlighted_rows == {3: "bold"}

    texts = ["Date", "Summary", "13/03/2020", "Visit",
             "<r><rPr><b/></rPr><t>14/03/2020</t></r>",
             "<r><rPr><b val='1'/></rPr><t xml:space='preserve'>Strategy </t></r>"
             "<r><rPr><b/><sz val='10'/></rPr><t>meeting</t></r>",
             "<r><rPr><b val='0'/></rPr><t>not bold</t></r>"]
    shared = ("<sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>" + "".join(
        f"<si>{t if t.startswith('<r>') else f'<t>{t}</t>'}</si>" for t in texts) + "</sst>")
    cells = "".join(f"<row r='{r}'><c r='A{r}' t='s'><v>{a}</v></c><c r='B{r}' t='s'><v>{b}</v>"
                    "</c></row>" for r, a, b in [(1, 0, 1), (2, 2, 3), (3, 4, 5), (4, 2, 6),
                                                 (5, 2, 3)])
    write_package(tmp_path / "shared.xlsx", (
        "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        f"<sheetData>{cells}</sheetData></worksheet>"), {"xl/sharedStrings.xml": shared})
    read = read_agency_file(tmp_path / "shared.xlsx", agency="CSC", code="CSC")
    assert read.report.highlighted_rows == {3: "bold"}


@pytest.mark.parametrize(("runs", "bold"), [
    ("<r><rPr><b/></rPr><t>a</t></r>", True),
    ("<x:r><x:rPr><x:b val='1'/></x:rPr><x:t>a</x:t></x:r>", True),
    ("<r><rPr><b val='0'/></rPr><t>a</t></r>", False),
    ("<r><rPr><b/></rPr><t>a</t></r><r><t xml:space='preserve'> </t></r>", True),
    ("<r><rPr><b/></rPr><t>a</t></r><r><rPr><i/></rPr><t>b</t></r>", False),
    ("<t>plain</t>", False),
    ("<t>x</t><r><rPr><b/></rPr><t>a</t></r>", False),
    ("<r><rPr><b/></rPr><t></t></r>", False),
])
def test_bold_throughout_is_read_however_written(runs: str, bold: bool) -> None:
    from chronogen.read.workbook_traits import bold_throughout

    xml = f"<si>{runs}</si>".encode()
    assert bold_throughout(xml, 0, len(xml)) is bold

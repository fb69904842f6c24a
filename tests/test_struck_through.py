"""A row struck through in an agency's sheet (its way of marking an entry withdrawn or
corrected) was read as any other, and nothing said: it is still read, and said, by row, and
the entry is marked where it is printed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from chronogen import Case, read_agency_file, read_case
from chronogen.model.problems import ProblemCode
from chronogen.read.cell_styles import struck_styles
from chronogen.write.also_recorded import STRUCK, also_recorded, columns_by_source
from chronogen.write.appendix import build_appendix
from tests.data.hostile.make_corpus import write_package


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


def test_a_word_struck_through_in_a_cell_is_found_inline_or_shared(tmp_path: Path) -> None:
    """A correction inside a cell ("Visited on ~~Tuesday~~ Wednesday") is a run of rich
    text struck through: in the cell itself (inline), or in the shared-string table Excel
    and LibreOffice write. The words struck are said, and kept with the entry's cells
    (its text holds them still: read as written)."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Contact type", "Summary"])
    sheet.append(["02/03/2020", "Home visit", "Visit"])
    sheet.append(["03/03/2020", "Home visit", CellRichText(
        ["Visited on ", TextBlock(InlineFont(strike=True), "Tuesday"), " Wednesday"])])
    book.save(tmp_path / "inline.xlsx")
    inline = read_agency_file(tmp_path / "inline.xlsx", agency="CSC", code="CSC")
    assert [(p.row, p.column) for p in inline.problems
            if p.code is ProblemCode.STRUCK_THROUGH] == [(3, "Summary")]
    assert inline.entries[1].raw["Struck through in Summary"] == "Tuesday"
    assert "struck through in the sheet ('Summary' ('Tuesday' only))" in next(
        p.message for p in inline.problems if p.code is ProblemCode.STRUCK_THROUGH)
    assert "Struck through in Summary: Tuesday" in [
        str(item) for item in also_recorded(inline.entries[1], columns_by_source(
            Case(title="t", files=inline.reports)))]
    # the same, its texts in a shared-string table (item 4 has the struck run)
    texts = ["Date", "Summary", "13/03/2020", "Visit",
             "<r><t xml:space='preserve'>Visited on </t></r><r><rPr><strike/></rPr>"
             "<t>Tuesday</t></r>"]
    shared = ("<sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>" + "".join(
        f"<si>{t if t.startswith('<r>') else f'<t>{t}</t>'}</si>" for t in texts) + "</sst>")
    cells = "".join(f"<row r='{r}'><c r='A{r}' t='s'><v>{a}</v></c><c r='B{r}' t='s'><v>{b}</v>"
                    "</c></row>" for r, a, b in [(1, 0, 1), (2, 2, 3), (3, 2, 4)])
    write_package(tmp_path / "shared.xlsx", (
        "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        f"<sheetData>{cells}</sheetData></worksheet>"), {"xl/sharedStrings.xml": shared})
    read = read_agency_file(tmp_path / "shared.xlsx", agency="CSC", code="CSC")
    assert read.entries[1].summary == "Visited on Tuesday"
    assert [(p.row, p.column) for p in read.problems
            if p.code is ProblemCode.STRUCK_THROUGH] == [(3, "Summary")]
    assert read.entries[1].raw["Struck through in Summary"] == "Tuesday"
    assert "Struck through in Summary" not in read.entries[0].raw


@pytest.mark.parametrize(("runs", "words"), [
    ("<r><rPr><strike/></rPr><t>alone</t></r><r><t> seen</t></r>", "alone"),
    ("<x:r><x:rPr><x:strike val='1'/></x:rPr><x:t>Tues&amp;day</x:t></x:r>", "Tues&day"),
    ("<r><rPr><strike val='0'/></rPr><t>kept</t></r>", ""),
    ("<r><rPr><b/></rPr><t>bold</t></r><r><rPr><strike/></rPr><t>one</t></r><r><t>x</t></r>"
     "<r><rPr><strike/></rPr><t xml:space='preserve'> two_x000D_ </t></r>", "one two"),
    ("<t>no runs</t>", ""),
])
def test_the_words_of_struck_runs_are_read_however_written(runs: str, words: str) -> None:
    from chronogen.read.workbook_traits import struck_runs

    xml = f"<si>{runs}</si>".encode()
    assert struck_runs(xml, 0, len(xml)) == words


def test_many_struck_styles_are_each_checked() -> None:
    """Past fifty struck (or filled, or bold) styles the pattern takes any style, and each
    is checked."""
    from chronogen.read.cell_styles import Look, styled_cell
    from chronogen.read.workbook_traits import WorkbookTraits, _note_looks

    looks = {number: Look(struck=True, bold=number % 4 == 0) for number in range(0, 120, 2)}
    styled = styled_cell(frozenset(looks))
    assert styled is not None
    traits = WorkbookTraits()
    _note_looks(b'<c r="B3" s="58"><v>1</v></c><c r="C3" s="59"><v>1</v></c>'
                b'<c r="D4" s="118"/><c r="E4" s="116"/>', "Log", traits, styled[0], looks)
    assert list(traits.struck["Log"]) == [(3, 2), (4, 4), (4, 5)]
    assert list(traits.bold["Log"]) == [(4, 5)]


def test_the_workbook_prints_the_mark_in_a_column_of_its_own(tmp_path: Path) -> None:
    # the audit columns (Also recorded among them) are outside the printed page: a row the
    # agency struck through printed as a plain contact would read as fact
    from openpyxl.utils import get_column_letter

    from chronogen.write.xlsx_file import write_xlsx

    folder = tmp_path / "case"
    folder.mkdir()
    _struck_workbook(folder / "csc.xlsx")
    case = read_case(folder)
    book = openpyxl.load_workbook(write_xlsx(case, tmp_path / "c.xlsx"))
    sheet = book["Chronology"]
    headings = [c.value for c in sheet[1]]
    marked = headings.index("Marked in the agency's sheet")
    assert headings[marked + 1] == "Flags"  # the last printed column
    assert sheet.print_area == f"'Chronology'!$A$1:${get_column_letter(marked + 2)}$4"
    rows = {r[headings.index("Row")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert {row: r[marked] for row, r in rows.items()} == {
        3: None, 4: "Struck through", 5: "Struck through"}
    also = headings.index("Also recorded")
    assert all(r[also] is None or "Struck" not in r[also] for r in rows.values())
    key = [r for r in book["Key"].iter_rows(values_only=True) if r[0] == headings[marked]]
    assert len(key) == 1 and "struck through (withdrawn or corrected?)" in key[0][1]


def test_a_workbook_with_nothing_marked_has_no_such_column(harbour_case: Case,
                                                          tmp_path: Path) -> None:
    from chronogen.write.xlsx_file import write_xlsx

    assert not any(row.marks for row in build_appendix(harbour_case).rows)  # none marked
    book = openpyxl.load_workbook(write_xlsx(harbour_case, tmp_path / "c.xlsx"),
                                  read_only=True)
    headings = next(book["Chronology"].iter_rows(max_row=1, values_only=True))
    assert "Marked in the agency's sheet" not in headings
    assert not any(row[0] == "Marked in the agency's sheet"
                   for row in book["Key"].iter_rows(values_only=True))

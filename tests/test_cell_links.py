"""Hyperlinks on an agency's cells ("See case note" pointing at the agency's own record):
where each points is kept with its row, as a cell of its own, and quoted under *Also
recorded*; a link whose cell says its address already is not said twice."""

from __future__ import annotations

from pathlib import Path

from openpyxl.worksheet.hyperlink import Hyperlink

from chronogen import Case, read_agency_file
from chronogen.read.cell_links import hyperlinks_in, link_targets
from chronogen.read.package_check import opened_package
from chronogen.write.also_recorded import also_recorded, columns_by_source
from tests.data.hostile.make_corpus import write_package
from tests.data.workbooks import workbook_of

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _linked(path: Path) -> Path:
    book = workbook_of({"CSC": [["Date", "Contact type", "Summary"],
                                ["02/03/2020", "Home visit", "See case note"],
                                ["03/03/2020", "Email", "https://records.example/case/1"],
                                ["04/03/2020", "Strategy meeting", "Minutes on the Notes sheet"]],
                        "Notes": [["Minutes"]]})
    sheet = book["CSC"]
    sheet["C2"].hyperlink = "file:///S:/CaseNotes/CN-0042.docx"
    sheet["C3"].hyperlink = "https://records.example/case/1"  # says its address already
    sheet["C4"].hyperlink = Hyperlink(ref="C4", location="Notes!A1")
    book.save(path)
    return path


def test_where_a_cell_links_is_kept_with_its_row_and_quoted(tmp_path: Path) -> None:
    result = read_agency_file(_linked(tmp_path / "csc.xlsx"), agency="CSC", code="CSC")
    assert [e.raw.get("Link in Summary") for e in result.entries] == [
        "file:///S:/CaseNotes/CN-0042.docx", None, "#Notes!A1"]
    columns = columns_by_source(Case(title="t", files=result.reports))
    assert "Link in Summary: file:///S:/CaseNotes/CN-0042.docx" in [
        str(item) for item in also_recorded(result.entries[0], columns)]


def test_links_are_found_however_the_xml_is_written(tmp_path: Path) -> None:
    """Quotes either way, a prefix on the tag and on the id, a range, an escaped address,
    attributes in any order; a link with no relationship and no place is none."""
    sheet = (f"<x:worksheet xmlns:x='{_MAIN}' xmlns:r='rels'><x:sheetData><x:row r='1'>"
             "<x:c r='A1' t='inlineStr'><x:is><x:t>Date</x:t></x:is></x:c></x:row>"
             "</x:sheetData><x:hyperlinks><x:hyperlink r:id=\"rId7\" ref='B2:C3'/>"
             "<x:hyperlink display='x' ref=\"D4\" r:id='rId8'/><x:hyperlink ref='E5'/>"
             "</x:hyperlinks></x:worksheet>")
    rels = ("<Relationships><Relationship Target='https://a.example/?x=1&amp;y=2' "
            "TargetMode='External' Id='rId7' Type='http://x/relationships/hyperlink'/>"
            "<Relationship Id=\"rId8\" Type=\"http://x/relationships/hyperlink\" "
            "Target=\"mailto:duty@example.org\"/></Relationships>")
    path = tmp_path / "odd.xlsx"
    write_package(path, sheet, {"xl/worksheets/_rels/sheet1.xml.rels": rels})
    found = hyperlinks_in(sheet.encode())
    assert [ref for ref, _, _ in found] == [b"B2:C3", b"D4", b"E5"]
    from chronogen.model.case import Limits

    with opened_package(path, "odd.xlsx") as package:
        targets = link_targets(package, "xl/worksheets/sheet1.xml", "odd.xlsx", found, Limits())
    assert targets == {(2, 2): "https://a.example/?x=1&y=2", (2, 3): "https://a.example/?x=1&y=2",
                       (3, 2): "https://a.example/?x=1&y=2", (3, 3): "https://a.example/?x=1&y=2",
                       (4, 4): "mailto:duty@example.org"}


def test_a_link_over_a_whole_column_names_a_thousand_cells_at_most(tmp_path: Path) -> None:
    from chronogen.read.cell_links import _cells

    assert len(_cells(b"A1:A1048576")) == 1_000
    assert _cells(b"not a cell") == []

"""The worksheet that writes its body rows straight to XML reads back as XlsxWriter's own
cell-by-cell writing does: every value, format, height and hyperlink in its place."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from xlsxwriter.exceptions import OverlappingRange

from chronogen.write.cell_text import clean
from chronogen.write.xlsx_rows import RowsSheet, column_of
from tests.property_examples import examples

values = st.one_of(
    st.none(), st.just(""), st.text(max_size=40), st.booleans(),
    st.integers(min_value=-10**9, max_value=10**9),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0)),
    st.times().map(lambda t: t.replace(microsecond=0)),
)


def _book(rows: list[list[object]], *, fast: bool) -> Any:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    plain = book.add_format({"text_wrap": True})
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    clock = book.add_format({"num_format": "hh:mm:ss"})
    stamp = book.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})

    def fmt(value: object) -> Any:
        if isinstance(value, datetime):
            return stamp
        if isinstance(value, date):
            return day
        return clock if isinstance(value, time) else plain

    formats = [[fmt(v) for v in row] for row in rows]
    heights: list[float | None] = [31.3 if n % 3 == 0 else None for n in range(len(rows))]
    sheet = book.add_worksheet("S", worksheet_class=RowsSheet if fast else None)
    sheet.write_string(0, 0, "Heading")
    if fast:
        sheet.put_rows(1, rows, formats, heights)
    else:
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    sheet.write_blank(r, c, None, formats[r - 1][c])
                elif isinstance(value, str):  # cleaned as every writer cleans text
                    sheet.write_string(r, c, clean(value), formats[r - 1][c])
                elif isinstance(value, bool):
                    sheet.write_boolean(r, c, value, formats[r - 1][c])
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value, formats[r - 1][c])
                else:
                    sheet.write_datetime(r, c, value, formats[r - 1][c])
            if heights[r - 1] is not None:
                sheet.set_row(r, heights[r - 1])
    if rows:
        sheet.write_url(1, 0, "internal:'S'!A1", string="back to the top")
    sheet.write_string(len(rows) + 3, 1, "after the rows")
    book.close()
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def _cells(book: Any) -> list[tuple[object, ...]]:
    sheet = book["S"]
    return [(c.coordinate, c.value, c.number_format, c.hyperlink.location if c.hyperlink else None)
            for row in sheet.iter_rows() for c in row] + [
        (n, d.height) for n, d in sorted(sheet.row_dimensions.items()) if d.height]


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.lists(values, min_size=3, max_size=3), max_size=12))
def test_rows_read_back_as_xlsxwriters_own_writing_does(rows: list[list[object]]) -> None:
    assert _cells(_book(rows, fast=True)) == _cells(_book(rows, fast=False))


def test_column_of_a_cell() -> None:
    assert [column_of(s) for s in ('A1" s="1">', 'Z9"/>', 'AA10"', 'AB12" t="s"')] == \
        [0, 25, 26, 27]


def _table_xml(last_row: int, columns: int, autofilter: bool, *, fast: bool) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("S", worksheet_class=RowsSheet if fast else None)
    done = sheet.add_table(0, 0, last_row, columns - 1, {
        "name": "Chronology", "columns": [{"header": f"H{n}"} for n in range(columns)],
        "style": "Table Style Light 1", "banded_rows": False, "autofilter": autofilter})
    assert done == 0
    book.close()
    with zipfile.ZipFile(buffer) as package:
        return package.read("xl/tables/table1.xml") + package.read("xl/worksheets/sheet1.xml")


@settings(max_examples=examples(40), deadline=None)
@given(st.integers(min_value=1, max_value=3000), st.integers(min_value=1, max_value=40),
       st.booleans())
def test_a_table_over_many_rows_is_xlsxwriters_own(last_row: int, columns: int,
                                                     autofilter: bool) -> None:
    """The sheet makes its table without XlsxWriter's check of each of its cells (made over
    the header and a row, then given its range): the same table and sheet."""
    assert _table_xml(last_row, columns, autofilter, fast=True) == \
        _table_xml(last_row, columns, autofilter, fast=False)


def test_a_second_table_or_a_merge_is_still_checked() -> None:
    book = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    sheet = book.add_worksheet("S", worksheet_class=RowsSheet)
    sheet.merge_range(5, 0, 5, 2, "merged")
    with pytest.raises(OverlappingRange):
        sheet.add_table(0, 0, 100, 3, {"columns": [{"header": f"H{n}"} for n in range(4)]})
    book.close()


def _linked_book(rows: int, *, fast: bool) -> Any:
    """*rows* rows whose second cell links to a row of another sheet, put with the rows
    (fast) or written with XlsxWriter's write_url."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    link = book.add_format({"font_color": "#0563C1", "underline": 1})
    sheet = book.add_worksheet("S", worksheet_class=RowsSheet if fast else None)
    book.add_worksheet("T")
    values = [[f"E{n}", f"E{n} →" if n % 3 else None] for n in range(rows)]
    if fast:
        sheet.put_rows(1, values, [[None, link]] * rows, [None] * rows)
        for n, (_, text) in enumerate(values, start=1):
            if text is not None:
                assert sheet.put_link(n, 1, f"internal:'T'!A{n}", text)
    else:
        for n, (entry, text) in enumerate(values, start=1):
            sheet.write_string(n, 0, entry)
            if text is not None:
                sheet.write_url(n, 1, f"internal:'T'!A{n}", link, string=text)
            else:
                sheet.write_blank(n, 1, None, link)
    book.close()
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def test_links_put_with_the_rows_read_back_as_xlsxwriters_own() -> None:
    fast, plain = _linked_book(50, fast=True), _linked_book(50, fast=False)
    assert _cells(fast) == _cells(plain)
    assert fast["S"]["B3"].hyperlink.location == "'T'!A2"
    assert fast["S"]["B3"].font.u == "single"


def test_no_more_links_than_excel_keeps() -> None:
    book = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    sheet = book.add_worksheet("S", worksheet_class=RowsSheet)
    made = [sheet.put_link(n, 0, f"internal:'S'!A{n}", "→") for n in range(65_531)]
    assert made.count(True) == 65_530 and made[-1] is False
    book.close()

"""A worksheet that takes its body rows whole and writes them straight to XML.

XlsxWriter stores every cell as an object and writes each through several calls; for the
chronology's tens of thousands of rows that is most of the time a workbook takes. This sheet
turns the rows it is given (a list of values, the formats of the row, a height) into their
XML at once, in one tight loop, with the XML XlsxWriter writes (shared strings, numbers,
dates as serial numbers, blank formatted cells), and writes it out when the workbook is
closed. A link on a body cell is put beside it (:meth:`RowsSheet.put_link`); anything
written to the sheet the ordinary way (the header, a cell written over a body cell) is
written as XlsxWriter writes it, in its place.

It relies on three internals of XlsxWriter 3 (``Worksheet._write_rows``, the workbook's
shared string table and the sheet's table of links); ``pyproject.toml`` keeps XlsxWriter
below 4, and the tests read every value and link back with openpyxl and open the workbook
in LibreOffice.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import IO, Any

from xlsxwriter.url import Url
from xlsxwriter.utility import xl_col_to_name, xl_range
from xlsxwriter.worksheet import Worksheet, _datetime_to_excel_datetime

from chronogen.write.cell_text import clean

#: the most links Excel keeps on one sheet (XlsxWriter's limit too)
_MOST_LINKS = 65_530


class RowsSheet(Worksheet):  # type: ignore[misc]  # XlsxWriter has no type information
    """A worksheet with a block of body rows given whole (see :meth:`put_rows`)."""

    def __init__(self) -> None:
        super().__init__()
        self._first = 0
        self._count = 0
        #: each body row's XML, a line each, made when it is put (the workbook's shared
        #: strings are fixed before the sheets are written, so every string must be in them
        #: by then), kept in a temporary file until then: a long chronology's is hundreds of
        #: megabytes
        self._rows: IO[str] | None = None

    def add_table(self, first_row: int, first_col: int, last_row: int, last_col: int,
                  options: dict[str, Any]) -> int:
        """XlsxWriter's table over these rows, without its check of every cell of the
        range against earlier tables and merges (a loop over each: 3 million for a
        100k-row chronology of 30 columns, a second of the workbook's time): the table
        is made over its header and first row, then given its whole range. A sheet with a
        table or a merge already, a total row or data given is XlsxWriter's own way."""
        if self.tables or self.merged_cells or options.get("total_row") or "data" in options \
                or last_row <= first_row + 1:
            return int(super().add_table(first_row, first_col, last_row, last_col, options))
        done = int(super().add_table(first_row, first_col, first_row + 1, last_col, options))
        if done == 0:
            table = self.tables[-1]
            table["range"] = table["a_range"] = xl_range(first_row, first_col, last_row,
                                                         last_col)
            if "autofilter" in table:
                table["autofilter"] = table["a_range"]
        return done

    def put_rows(self, first: int, rows: Sequence[Sequence[object]],
                 formats: Sequence[Sequence[Any]], heights: Sequence[float | None]) -> None:
        """Rows *first*, *first* + 1, ... hold *rows* (values by column), each with its
        formats by column and its height in points (``None``: the default). Call it once;
        cells written later the ordinary way (a hyperlink) take the place of these."""
        if not rows:
            return
        self._first = first
        self._count = len(rows)
        self._rows = rows_file = tempfile.TemporaryFile(  # noqa: SIM115 (closed when written)
            "w+", encoding="utf-8", dir=self.tmpdir)  # nameless, gone when closed
        table = self.str_table
        letters = [xl_col_to_name(c) for c in range(max(len(r) for r in rows))]
        #: a text -> its shared-string index (the table is told of every use, as XlsxWriter
        #: tells it, so its counts stay right)
        known: dict[str, int] = {}
        #: a row's formats (one list per agency shading) -> each column's style attribute
        styled: dict[int, list[str]] = {}
        #: a day -> its serial number's text (a day recurs on many rows)
        serials: dict[date, str] = {}
        for offset, values in enumerate(rows):
            number = first + offset + 1
            height = heights[offset]
            if height is None:
                parts = [f'<row r="{number}">']
            else:
                points = int(height * 4.0 / 3.0 + 0.5) * 0.75  # as set_row rounds it
                parts = [f'<row r="{number}" ht="{points:.16g}" customHeight="1">']
            row_formats = formats[offset]
            styles = styled.get(id(row_formats))
            if styles is None:
                styles = styled[id(row_formats)] = [_style(f) for f in row_formats]
            suffix = f'{number}"'
            for col, value in enumerate(values):
                ref = letters[col] + suffix
                if type(value) is str and value:  # a subclass of str: its text, below
                    index = known.get(value)
                    if index is None:
                        index = known[value] = table._get_shared_string_index(clean(value))
                    else:
                        table.count += 1
                    parts.append(f'<c r="{ref}{styles[col]} t="s"><v>{index}</v></c>')
                elif value is None or value == "":
                    if styles[col]:
                        parts.append(f'<c r="{ref}{styles[col]}/>')
                elif isinstance(value, bool):
                    parts.append(f'<c r="{ref}{styles[col]} t="b"><v>{int(value)}</v></c>')
                elif isinstance(value, int | float) and math.isfinite(value):
                    parts.append(f'<c r="{ref}{styles[col]}><v>{value:.16G}</v></c>')
                elif type(value) is date:
                    serial = serials.get(value)
                    if serial is None:
                        serial = serials[value] = self._serial(value)
                    parts.append(f'<c r="{ref}{styles[col]}><v>{serial}</v></c>')
                elif isinstance(value, datetime | date | time):
                    parts.append(f'<c r="{ref}{styles[col]}><v>{self._serial(value)}</v></c>')
                else:
                    index = table._get_shared_string_index(clean(str(value)))
                    parts.append(f'<c r="{ref}{styles[col]} t="s"><v>{index}</v></c>')
            parts.append("</row>\n")  # a row's XML holds no line break: the values are apart
            rows_file.write("".join(parts))
        self._check_dimensions(first + len(rows) - 1, len(letters) - 1)

    def put_link(self, row: int, col: int, target: str, text: str) -> bool:
        """A link on the cell at *row*, *col* that :meth:`put_rows` holds (*text* as its
        value, in a link's format), as XlsxWriter's ``write_url`` makes it but without
        writing the cell again: such a cell would take its row's XML apart when the sheet
        is written (65,000 links, a second of a large workbook's time). False where the
        sheet holds as many links as Excel allows."""
        self.hlink_count += 1
        if self.hlink_count > _MOST_LINKS:
            return False
        link = Url(target)
        link._text = text
        self.hyperlinks[row][col] = link
        return True

    def _serial(self, value: datetime | date | time) -> str:
        """A date or time's serial number, as XlsxWriter writes it."""
        return format(_datetime_to_excel_datetime(value, self.date_1904,
                                                  self.remove_timezone), ".16G")

    def _write_rows(self) -> None:
        if self._rows is None:
            super()._write_rows()
            return
        first = self._first
        last = first + self._count - 1
        low: int = self.dim_rowmin  # type: ignore[has-type]
        high: int = self.dim_rowmax  # type: ignore[has-type]
        try:
            if low < first:  # the header, written the ordinary way
                self.dim_rowmax = first - 1
                super()._write_rows()
            self._write_body()
            if high > last:
                self.dim_rowmin, self.dim_rowmax = last + 1, high
                super()._write_rows()
        finally:
            self.dim_rowmin, self.dim_rowmax = low, high
            self._rows.close()
            self._rows = None

    def _write_body(self) -> None:
        assert self._rows is not None
        write = self.fh.write
        self._rows.seek(0)
        for offset, line in enumerate(self._rows):
            xml = line[:-1]
            row = self._first + offset
            ordinary = self.table.get(row)
            if not ordinary:
                write(xml)
                continue
            # cells written the ordinary way take the place of the row's own
            head, *cells = xml[:-len("</row>")].split('<c r="')
            write(head)
            own = {column_of(cell): cell for cell in cells}
            for col in sorted(own.keys() | ordinary.keys()):
                if col in ordinary:
                    self._write_cell(row, col, ordinary[col])
                else:
                    write('<c r="' + own[col])
            write("</row>")


def _style(fmt: Any) -> str:
    """A cell's style attribute for *fmt* (none for no format, or the default one)."""
    index = fmt._get_xf_index() if fmt is not None else 0
    return f' s="{index}"' if index else ""


def column_of(cell: str) -> int:
    """The column (from 0) of a cell's XML after its ``<c r="``: ``AB12" s="3"...`` -> 27."""
    number = 0
    for letter in cell:
        if not letter.isalpha():
            break
        number = number * 26 + ord(letter) - 64
    return number - 1

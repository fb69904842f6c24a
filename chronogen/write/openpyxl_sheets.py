"""Ordinary openpyxl sheets (the standard agency template): a bold frozen header, filter,
widths, wrapped text, and a byte-identical save."""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import Any

from chronogen.write.archive import FIXED_DOC_TIME, normalise_zip
from chronogen.write.cell_text import FONT, FONT_POINTS, arial_lines, clean, row_points
from chronogen.write.table import TableColumn

_HEADER_FILL = "1F3864"


def _clean(value: object) -> object:
    return clean(value) if isinstance(value, str) else value


def _style_of(sheet: Any, **style: Any) -> Any:
    """The workbook's index entry for a combination of styles, worked out once."""
    from openpyxl.cell import WriteOnlyCell

    model = WriteOnlyCell(sheet)
    for name, setting in style.items():
        setattr(model, name, setting)
    return model._style


def _cell(sheet: Any, value: object, style: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=_clean(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # text that starts with "=" stays text, never a formula
    # copying the style index is what openpyxl does itself; setting each style object on
    # every cell makes openpyxl compare it with every style it has, which is slow
    cell._style = copy(style)
    return cell


def add_table_sheet(book: Any, title: str, columns: Sequence[TableColumn],
                    rows: Sequence[Sequence[object]], *, wrap: bool = True) -> Any:
    """A sheet with a bold frozen header row, a filter, column widths and wrapped text.

    Rows are appended, so this works in write-only workbooks (fast and lean for large cases)
    as well as ordinary ones.
    """
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for col, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    sheet.freeze_panes = "A2"
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    header = _style_of(sheet, font=Font(name=FONT, size=FONT_POINTS, bold=True,
                                         color="FFFFFF"),
                       fill=PatternFill("solid", fgColor=_HEADER_FILL),
                       alignment=Alignment(vertical="top", wrap_text=True))
    sheet.append([_cell(sheet, column.heading, header) for column in columns])
    heading_lines = max((arial_lines(c.heading, c.width, bold=True) for c in columns),
                        default=1)
    if heading_lines > 1:  # a heading wrapped in a row of one line's height ran into row 2
        sheet.row_dimensions[1].height = row_points(heading_lines)
    body = _style_of(sheet, font=Font(name=FONT, size=FONT_POINTS),
                     alignment=Alignment(vertical="top", wrap_text=wrap))
    for r, row in enumerate(rows, start=2):
        cells = [_cell(sheet, value, body) for value in row]
        if wrap:  # each text as its cell holds it (cleaned once)
            lines = max((arial_lines(cell.value, columns[c].width)
                         for c, cell in enumerate(cells)
                         if isinstance(cell.value, str) and c < len(columns)), default=1)
            if lines > 1:
                # spreadsheets do not grow rows for wrapped text on opening: give the height
                sheet.row_dimensions[r].height = row_points(lines)
        sheet.append(cells)
    return sheet


def save_workbook(book: Any, output: Path) -> Path:
    """Save with fixed document dates and zip timestamps, so equal inputs give equal bytes."""
    book.properties.creator = "chronogen"
    book.properties.created = FIXED_DOC_TIME
    book.properties.modified = FIXED_DOC_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    normalise_zip(buffer.getvalue(), output)
    return output

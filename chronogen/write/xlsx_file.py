"""The chronology workbook: the merged chronology, rejected rows, problems and file counts.

Every text cell is written as a string, never a formula, and the file is byte-identical for
the same case (fixed document dates and zip timestamps).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from chronogen.model.case import Case
from chronogen.write.archive import normalise_zip
from chronogen.write.table import TableColumn, chronology_table

FIXED_DOC_TIME = datetime(2000, 1, 1)
_HEADER_FILL = "1F3864"


def _set(cell: Any, value: object) -> None:
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text that starts with "=" stays text, never a formula


def add_table_sheet(book: Any, title: str, columns: Sequence[TableColumn],
                    rows: Sequence[Sequence[object]], *, wrap: bool = True) -> Any:
    """A sheet with a bold frozen header row, a filter, column widths and wrapped text."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for col, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=col)
        _set(cell, column.heading)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    alignment = Alignment(vertical="top", wrap_text=wrap)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            _set(cell, value)
            cell.alignment = alignment
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
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


def write_xlsx(case: Case, output: Path) -> Path:
    """Write ``chronology.xlsx``."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    columns, rows = chronology_table(case)
    add_table_sheet(book, "Chronology", columns, rows)

    rejected_columns = [TableColumn("Source file", 22), TableColumn("Sheet", 14),
                        TableColumn("Row", 6), TableColumn("Reason", 14),
                        TableColumn("Message", 50), TableColumn("Original values", 80)]
    rejected_rows = [
        [r.source.file, r.source.sheet, r.source.row, r.code.value, r.message,
         "; ".join(f"{k}: {v}" for k, v in r.raw.items())]
        for r in case.rejected
    ]
    add_table_sheet(book, "Rejected rows", rejected_columns, rejected_rows)

    problem_columns = [TableColumn("Severity", 9), TableColumn("Code", 18),
                       TableColumn("File", 22), TableColumn("Sheet", 14), TableColumn("Row", 6),
                       TableColumn("Column", 18), TableColumn("Value", 24),
                       TableColumn("Message", 70)]
    problem_rows = [[p.severity.value, p.code.value, p.file, p.sheet, p.row, p.column, p.value,
                     p.message] for p in case.problems]
    add_table_sheet(book, "Problems", problem_columns, problem_rows)

    file_columns = [TableColumn("File", 24), TableColumn("Agency", 22), TableColumn("Sheet", 14),
                    TableColumn("Header row", 8), TableColumn("Rows read", 8),
                    TableColumn("Entries", 8), TableColumn("Rejected", 8),
                    TableColumn("Blank", 8), TableColumn("Title rows", 8),
                    TableColumn("Header rows", 8)]
    file_rows = [[f.file, f.agency, f.sheet, f.header_row, f.rows_read, f.entries, f.rejected,
                  f.blank, f.title, f.headers] for f in case.files]
    add_table_sheet(book, "Sources", file_columns, file_rows, wrap=False)
    return save_workbook(book, output)

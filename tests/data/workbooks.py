"""Writing small test workbooks: one sheet per name, rows appended as given."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def write_workbook(path: Path, sheets: dict[str, list[list[object]]], *,
                   epoch1904: bool = False) -> Path:
    """An .xlsx at *path* holding *sheets* (name -> rows), in order; *epoch1904* writes it
    with the Mac 1904 date system (old Excel for Mac files)."""
    book = workbook_of(sheets)
    if epoch1904:
        book.epoch = CALENDAR_MAC_1904
    book.save(path)
    return path


def workbook_of(sheets: dict[str, list[list[object]]]) -> openpyxl.Workbook:
    """A workbook holding *sheets* (name -> rows), in order, not yet saved: for a test to
    style, link or comment its cells first."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    return book

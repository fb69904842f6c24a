"""The chronology workbook: the merged chronology, rejected rows, problems and file counts.

Every text cell is written as a string, never a formula, and the file is byte-identical for
the same case (fixed document dates and zip timestamps).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from copy import copy
from datetime import datetime
from pathlib import Path
from typing import Any

from chronogen.model.case import Case
from chronogen.write.archive import normalise_zip
from chronogen.write.registry import OutputOptions, Written
from chronogen.write.table import TableColumn, chronology_table

FIXED_DOC_TIME = datetime(2000, 1, 1)
_HEADER_FILL = "1F3864"


EXCEL_CELL_LIMIT = 32767
_TRUNCATED = " [… cut at Excel's cell limit: the whole text is in case.json]"


#: code points XML (and so a workbook) cannot hold at all
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(value: object) -> object:
    if isinstance(value, str) and _CONTROL.search(value):
        # control characters (from a damaged export) cannot be stored in a workbook at all
        value = _CONTROL.sub("\N{REPLACEMENT CHARACTER}", value)
    if isinstance(value, str) and len(value) > EXCEL_CELL_LIMIT:
        # Excel cannot open a workbook with a longer cell; nothing is lost: case.json has it
        value = value[: EXCEL_CELL_LIMIT - len(_TRUNCATED)] + _TRUNCATED
    return value


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
    header = _style_of(sheet, font=Font(bold=True, color="FFFFFF"),
                       fill=PatternFill("solid", fgColor=_HEADER_FILL),
                       alignment=Alignment(vertical="top", wrap_text=True))
    sheet.append([_cell(sheet, column.heading, header) for column in columns])
    body = _style_of(sheet, alignment=Alignment(vertical="top", wrap_text=wrap))
    for r, row in enumerate(rows, start=2):
        if wrap:
            lines = max((_wrapped_lines(v, columns[c].width) for c, v in enumerate(row)
                         if isinstance(v, str) and c < len(columns)), default=1)
            if lines > 1:
                # spreadsheets do not grow rows for wrapped text on opening: give the height
                sheet.row_dimensions[r].height = min(15 * lines, 409)
        sheet.append([_cell(sheet, value, body) for value in row])
    return sheet


def _wrapped_lines(text: str, width: int) -> int:
    """Roughly how many lines *text* takes in a column *width* characters wide."""
    usable = max(width - 1, 1)
    return sum(max(1, -(-len(part) // usable)) for part in text.split("\n"))


def save_workbook(book: Any, output: Path) -> Path:
    """Save with fixed document dates and zip timestamps, so equal inputs give equal bytes."""
    book.properties.creator = "chronogen"
    book.properties.created = FIXED_DOC_TIME
    book.properties.modified = FIXED_DOC_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    normalise_zip(buffer.getvalue(), output)
    return output


def _people_names(case: Case, ids: list[str]) -> str:
    return ", ".join((p.name if (p := case.family.get(i)) else i) for i in ids)


def add_flags_sheet(book: Any, case: Case) -> None:
    """The flags, each with its people, period and evidence traced to file and row."""
    columns = [TableColumn("Severity", 9), TableColumn("Flag", 22), TableColumn("People", 24),
               TableColumn("Period", 24), TableColumn("What it found", 80),
               TableColumn("Evidence (entry: file, row)", 44)]
    entries = {e.id: e for e in case.entries}
    rows = []
    for flag in case.flags:
        evidence = "; ".join(
            f"{i}: {entries[i].source.file}, row {entries[i].source.row}" if i in entries else i
            for i in flag.evidence)
        rows.append([flag.severity.value, flag.code, _people_names(case, flag.people) or None,
                     flag.period.display() if flag.period else None, flag.message,
                     evidence or None])
    add_table_sheet(book, "Flags", columns, rows)


def add_summary_sheets(book: Any, case: Case) -> None:
    """Per-agency and per-child summary tables."""
    agencies = case.summaries.agencies
    columns = [TableColumn("Agency", 24), TableColumn("Contacts", 9),
               TableColumn("About a child", 9), TableColumn("Child seen", 9),
               TableColumn("Views recorded", 9), TableColumn("Seen not recorded", 9)]
    add_table_sheet(book, "By agency", columns, [
        [a.agency, a.contacts, a.about_children, a.child_seen, a.views_recorded,
         a.seen_not_recorded] for a in agencies], wrap=False)
    columns = [TableColumn("Child", 20), TableColumn("Times seen", 9),
               TableColumn("Seen alone", 9),
               TableColumn("Seen by", 40), TableColumn("Views recorded", 9),
               TableColumn("Longest unseen (days)", 10), TableColumn("Longest unseen period", 26),
               TableColumn("Missed appointments", 10), TableColumn("No-access visits", 10)]
    add_table_sheet(book, "By child", columns, [
        [c.name, c.times_seen, c.times_seen_alone,
         ", ".join(f"{a}: {n}" for a, n in c.seen_by.items()) or None,
         c.views_recorded, c.longest_unseen_days,
         c.longest_unseen.display() if c.longest_unseen else None, c.missed_appointments,
         c.no_access_visits] for c in case.summaries.children])


def write_xlsx(case: Case, output: Path) -> Path:
    """Write ``chronology.xlsx``."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)  # streams rows: fast and lean for large cases
    columns, rows = chronology_table(case)
    add_table_sheet(book, "Chronology", columns, rows)

    add_flags_sheet(book, case)
    add_summary_sheets(book, case)

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


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``chronology.xlsx`` in the output folder (the ``build`` writer)."""
    return Written([write_xlsx(case, out / "chronology.xlsx")])

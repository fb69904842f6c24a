"""Rows an agency highlighted: filled with a colour below the header, or written in bold
throughout (its way of marking a contact significant, "key events in yellow", "significant
events in bold"), which a reader of the sheet's values never sees. A look marking more than
a third of a table's rows is the table's look (banded rows, a whole table shaded or bold),
not a highlight."""

from __future__ import annotations

from collections import Counter

from chronogen.read.returns.layout import Layout
from chronogen.read.table import is_blank


def highlighted_rows(layout: Layout) -> dict[int, str]:
    """The rows of *layout*'s table, below its header, marked out by a colour filling them
    or by bold text throughout, by what marks them: ``yellow``, ``bold``, ``yellow, bold``
    (a row of several colours by its first cell's; a row holding nothing, filled ahead of
    use, is none)."""
    sheet = layout.sheet
    if not sheet.filled and not sheet.bold:
        return {}
    last = layout.end_row
    colours: dict[int, str] = {}
    for (row, _), colour in sorted(sheet.filled.items()):
        if layout.header_row < row <= last and row not in colours:
            colours[row] = colour
    bold_rows = {row for row, _ in sheet.bold if layout.header_row < row <= last}
    rows: dict[int, str] = {}
    for row in sorted(colours.keys() | bold_rows):
        cells = sheet.rows[row - 1]
        if is_blank(cells):
            continue
        bold = row in bold_rows and all(
            (row, column) in sheet.bold for column, value in enumerate(cells, start=1)
            if value is not None and not (isinstance(value, str) and not value.strip()))
        marks = [mark for mark in (colours.get(row), "bold" if bold else None) if mark]
        if marks:
            rows[row] = ", ".join(marks)
    most = max(1, (last - layout.header_row) // 3)
    looks = {look for look, count in Counter(rows.values()).items() if count > most}
    return {row: look for row, look in rows.items() if look not in looks}


def highlight_message(rows: dict[int, str], kind: str = "sheet") -> str:
    """What the problem says of the highlighted rows: each look and its rows (in a *kind*:
    a sheet, a Word document's table)."""
    by_look: dict[str, list[int]] = {}
    for row, look in rows.items():
        by_look.setdefault(look, []).append(row)
    said = "; ".join(f"{look}: row{'s' if len(numbers) > 1 else ''} "
                     f"{', '.join(map(str, numbers[:20]))}"
                     + (f" and {len(numbers) - 20} more" if len(numbers) > 20 else "")
                     for look, numbers in by_look.items())
    return (f"highlighted in the {kind} ({said}): an agency's way of marking a contact "
            "significant; each entry is marked where it is printed (Highlighted)")

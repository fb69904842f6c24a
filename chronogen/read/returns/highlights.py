"""Rows an agency highlighted: filled with a colour below the header (its way of marking a
contact significant, "key events in yellow"), which a reader of the sheet's values never
sees. A colour filling more than a third of a table's rows is the table's look (banded
rows, a whole table shaded), not a highlight."""

from __future__ import annotations

from collections import Counter

from chronogen.read.returns.layout import Layout
from chronogen.read.table import is_blank


def highlighted_rows(layout: Layout) -> dict[int, str]:
    """The rows of *layout*'s table, below its header, filled with a colour that marks them
    out, by the colour's name (a row of several colours by its first cell's; a row holding
    nothing, filled ahead of use, is none)."""
    sheet = layout.sheet
    if not sheet.filled:
        return {}
    last = layout.end_row
    rows: dict[int, str] = {}
    for (row, _), colour in sorted(sheet.filled.items()):
        if layout.header_row < row <= last and row not in rows \
                and not is_blank(sheet.rows[row - 1]):
            rows[row] = colour
    most = max(1, (last - layout.header_row) // 3)
    looks = {colour for colour, count in Counter(rows.values()).items() if count > most}
    return {row: colour for row, colour in rows.items() if colour not in looks}


def highlight_message(rows: dict[int, str]) -> str:
    """What the problem says of the highlighted rows: each colour and its rows."""
    by_colour: dict[str, list[int]] = {}
    for row, colour in rows.items():
        by_colour.setdefault(colour, []).append(row)
    said = "; ".join(f"{colour}: row{'s' if len(numbers) > 1 else ''} "
                     f"{', '.join(map(str, numbers[:20]))}"
                     + (f" and {len(numbers) - 20} more" if len(numbers) > 20 else "")
                     for colour, numbers in by_colour.items())
    return (f"filled with a colour in the sheet ({said}): an agency's way of marking a "
            "contact significant; each entry is marked where it is printed (Highlighted)")

"""Text as an office document's cell or paragraph can hold it (xlsx, docx, HTML)."""

from __future__ import annotations

from chronogen.domain.text import xml_safe

#: the most characters Excel opens in one cell
EXCEL_CELL_LIMIT = 32767
_TRUNCATED = " [… cut at Excel's cell limit: the whole text is in case.json]"


def clean(value: str) -> str:
    """Text a document can hold: line ends as line breaks, XML-illegal characters (from a
    damaged export) replaced with a visible mark, cut at Excel's cell limit with a note
    saying so (case.json keeps the whole text)."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = xml_safe(value)
    if len(value) > EXCEL_CELL_LIMIT:
        value = value[: EXCEL_CELL_LIMIT - len(_TRUNCATED)] + _TRUNCATED
    return value


def wrapped_lines(text: str, width: float, *, per_unit: float = 1.0) -> int:
    """Roughly how many lines *text* takes wrapped in a column *width* units wide, at
    *per_unit* characters a unit (spreadsheets do not grow a row for wrapped text when they
    open a file: the writer gives the height)."""
    usable = max(int(width * per_unit) - 1, 1)
    return sum(max(1, -(-len(part) // usable)) for part in text.split("\n"))

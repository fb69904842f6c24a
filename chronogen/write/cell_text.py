"""Text as an office document's cell or paragraph can hold it (xlsx, docx, HTML)."""

from __future__ import annotations

import re

from chronogen.domain.text import xml_safe
from chronogen.write.arial_widths import BOLD, CHARACTERS, REGULAR, UNITS_PER_EM

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


#: every workbook's cells' font: on every Windows and Mac, and as Liberation Sans (its
#: metrics) with LibreOffice; rows' heights are worked out from its widths (arial_widths)
FONT = "Arial"
FONT_POINTS = 10
#: the tallest row a spreadsheet keeps, in points
_TALLEST_ROW = 409


def row_points(lines: int, *, spare: float = 2) -> float:
    """The height in points of a row holding *lines* lines of Arial 10 (13.5 a line) and
    *spare* points besides: spreadsheets do not grow a row for wrapped text when they open
    a file, so the writer gives the height."""
    return min(13.5 * lines + spare, _TALLEST_ROW)


#: Arial 10 pt on a screen of 96 pixels an inch: pixels an Arial unit, a little wide (a
#: renderer's hinting and rounding)
_PIXELS = 1.04 * 10 * 96 / 72 / UNITS_PER_EM
#: a glyph not measured: as wide as a capital M; a wide (East Asian) one as a whole em
_UNMEASURED, _WIDE = 1706, UNITS_PER_EM
_MEASURED = {False: dict(zip(CHARACTERS, REGULAR, strict=True)),
             True: dict(zip(CHARACTERS, BOLD, strict=True))}
_WIDEST = {bold: max(widths.values()) * _PIXELS for bold, widths in _MEASURED.items()}
#: words measured, by weight: a chronology repeats its words thousands of times
_WORDS: dict[bool, dict[str, float]] = {False: {}, True: {}}
_MOST_WORDS = 200_000
#: where a line may break inside a word: after a hyphen ("views-not-|recorded")
_AFTER_HYPHEN = re.compile(r"(?<=-)(?=[^-])")


def _word_width(word: str, bold: bool) -> float:
    """A word's width in pixels."""
    known = _WORDS[bold]
    width = known.get(word)
    if width is None:
        measured = _MEASURED[bold]
        width = _PIXELS * sum(
            measured.get(c) or (_WIDE if ord(c) >= 0x2E80 else _UNMEASURED) for c in word)
        if len(known) >= _MOST_WORDS:
            known.clear()
        known[word] = width
    return width


def _room(width: float, indent: int) -> float:
    """The pixels a line of text has in a column *width* units wide, as Excel lays it out
    (a unit is a digit of the workbook's default font, Calibri 11: 7 pixels; the column 5
    more), the text leaving a few either side, and 10 fewer an *indent* level."""
    return width * 7 + 5 - 9 - 10 * indent


def arial_lines(text: str, width: float, *, bold: bool = False, indent: int = 0) -> int:
    """How many lines *text* takes set in Arial 10 pt and wrapped at its spaces and after
    its hyphens, as a spreadsheet wraps it, in a column *width* units wide, indented
    *indent* levels. A word longer than the column breaks where it reaches the edge."""
    room = _room(width, indent)
    if len(text) * _WIDEST[bold] <= room and "\n" not in text:
        return 1  # cannot reach the edge, however wide its letters
    space = _word_width(" ", bold)
    known = _WORDS[bold].get  # most words were measured before: looked up, not measured
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = 0.0
        for word in part.split(" "):
            gap = space
            # a line may break after each hyphen of a word: its pieces join with no gap
            for piece in _AFTER_HYPHEN.split(word) if "-" in word else (word,):
                wide = known(piece) or _word_width(piece, bold)
                if used and used + gap + wide <= room:
                    used += gap + wide
                else:
                    if used:  # the piece starts the next line
                        lines += 1
                    while wide > room:  # a word longer than a line runs on to the next
                        lines += 1
                        wide -= room
                    used = wide
                gap = 0.0
    return lines


def fitting_width(width: float, heading: str, *, indent: int = 0) -> float:
    """A column *width* units wide, widened by half units where its bold *heading*'s
    longest word would not fit a line: no word of a heading breaks in the middle (a
    child's long name)."""
    longest = max((_word_width(word, True) for word in heading.split()), default=0.0)
    while _room(width, indent) < longest:
        width += 0.5
    return width

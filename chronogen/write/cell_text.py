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


def wrapped_lines(text: str, width: float, *, per_unit: float = 1.0) -> int:
    """Roughly how many lines *text* takes wrapped in a column *width* units wide, at
    *per_unit* characters a unit (spreadsheets do not grow a row for wrapped text when they
    open a file: the writer gives the height)."""
    usable = max(int(width * per_unit) - 1, 1)
    return sum(max(1, -(-len(part) // usable)) for part in text.split("\n"))


#: Arial 10 pt on a screen of 96 pixels an inch: pixels an Arial unit
_PIXELS = 10 * 96 / 72 / UNITS_PER_EM
#: a glyph not measured: as wide as a capital M; a wide (East Asian) one as a whole em
_UNMEASURED, _WIDE = 1706, UNITS_PER_EM
_MEASURED = {False: dict(zip(CHARACTERS, REGULAR, strict=True)),
             True: dict(zip(CHARACTERS, BOLD, strict=True))}
_WIDEST = {bold: max(widths.values()) for bold, widths in _MEASURED.items()}
#: words measured, by weight: a chronology repeats its words thousands of times
_WORDS: dict[bool, dict[str, float]] = {False: {}, True: {}}
_MOST_WORDS = 200_000


def _word_width(word: str, bold: bool) -> float:
    """A word's width in pixels, a little wide (a renderer's hinting and rounding)."""
    known = _WORDS[bold]
    width = known.get(word)
    if width is None:
        measured = _MEASURED[bold]
        width = 1.04 * _PIXELS * sum(
            measured.get(c) or (_WIDE if ord(c) >= 0x2E80 else _UNMEASURED) for c in word)
        if len(known) >= _MOST_WORDS:
            known.clear()
        known[word] = width
    return width


#: where a line may break inside a word: after a hyphen ("views-not-|recorded")
_AFTER_HYPHEN = re.compile(r"(?<=-)(?=[^-])")


def arial_lines(text: str, width: float, *, bold: bool = False, indent: int = 0) -> int:
    """How many lines *text* takes set in Arial 10 pt and wrapped at its spaces and after
    its hyphens, as a spreadsheet wraps it, in a column *width* units wide (a unit is a
    digit of the workbook's default font, Calibri 11: 7 pixels, the column 5 more; the text
    leaves a few either side). A word longer than the column breaks where it reaches the
    edge. A cell indented (*indent* levels) has about 10 pixels less a level."""
    room = width * 7 + 5 - 9 - 10 * indent
    if len(text) * _WIDEST[bold] * 1.04 * _PIXELS <= room and "\n" not in text:
        return 1  # cannot reach the edge, however wide its letters
    return _wrapped(text, room, bold)


def _wrapped(text: str, room: float, bold: bool) -> int:
    """The lines *text* takes wrapped in *room* pixels."""
    known = _WORDS[bold].get  # most words were measured before: looked up, not measured
    space = _word_width(" ", bold)
    lines = 0
    for part in text.split("\n"):
        lines += 1
        used = 0.0
        for word in part.split(" "):
            if "-" in word:  # a line may break after each of its hyphens
                used, lines = _pieces(word, used, lines, room, space, bold)
                continue
            wide = known(word)
            if wide is None:
                wide = _word_width(word, bold)
            if used and used + space + wide <= room:
                used += space + wide
                continue
            if used:  # the word starts the next line
                lines += 1
            while wide > room:  # a word longer than a line runs on to the next
                lines += 1
                wide -= room
            used = wide
    return lines


def _pieces(word: str, used: float, lines: int, room: float, space: float, bold: bool
            ) -> tuple[float, int]:
    """A hyphenated word set after *used* pixels of its line: the pixels then used of the
    line it ends on, and the lines so far."""
    for number, piece in enumerate(_AFTER_HYPHEN.split(word)):
        wide = _word_width(piece, bold)
        gap = space if number == 0 else 0.0  # a hyphen's pieces join with none
        if used and used + gap + wide <= room:
            used += gap + wide
            continue
        if used:
            lines += 1
        while wide > room:
            lines += 1
            wide -= room
        used = wide
    return used, lines


def narrowest_column(text: str, *, bold: bool = False, indent: int = 0) -> float:
    """The narrowest column (in units) in which no word of *text* breaks: its longest
    word on a line of its own."""
    longest = max((_word_width(word, bold) for word in text.split()), default=0.0)
    return (longest + 9 + 10 * indent - 5) / 7


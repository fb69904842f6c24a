"""How a cell's words are set, run by run, where a file says so within a cell (a Word
table's cell, an OpenDocument spreadsheet's): struck through, in bold, a link; and what is
said of the cell from them, as a workbook's own styles say it."""

from __future__ import annotations

from dataclasses import dataclass, field

from chronogen.read.sheet import Sheet


@dataclass
class RunLooks:
    """A cell's runs, counted as they are read."""

    shown: int = 0  # characters other than spaces
    #: the struck runs' texts, a word split over runs kept whole
    struck: list[str] = field(default_factory=list)
    struck_chars: int = 0
    bold_chars: int = 0
    link: str | None = None
    _struck_last: bool = False

    def count(self, text: str, *, bold: bool, struck: bool) -> int:
        """Count a run of *text* set so; how many of its characters show."""
        if struck and self._struck_last:  # a word split over runs stays one word
            self.struck[-1] += text
        elif struck:
            self.struck.append(text)
        self._struck_last = struck
        visible = len(text) - text.count(" ") - text.count("\t") - text.count("\n")
        if visible > 0:
            self.shown += visible
            if struck:
                self.struck_chars += visible
            if bold:
                self.bold_chars += visible
        return visible

    def note(self, sheet: Sheet, place: tuple[int, int], bold: set[tuple[int, int]]) -> None:
        """Say of the cell at *place* what its runs show: struck through (which words,
        where only some are), bold throughout (into *bold*), where it links to."""
        if self.shown:
            if self.struck_chars:
                sheet.struck.append(place)
            if 0 < self.struck_chars < self.shown:  # some words only: said which
                sheet.struck_words[place] = " ".join(
                    words.strip() for words in self.struck if words.strip())
            if self.bold_chars >= self.shown:
                bold.add(place)
        if self.link:
            sheet.links[place] = self.link

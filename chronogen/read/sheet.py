"""A sheet as read: its rows of cells, numbered from 1 as Excel does, and what the file
says of them besides their values (hidden, struck through, filled, merged, commented); a
workbook's sheet, a CSV file or a Word document's table alike."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time

from chronogen.model.problems import ProblemCode
from chronogen.read.merged_cells import MergedDown

#: A cell value as read: text, number, boolean, date, datetime, time, or nothing.
Cell = str | int | float | bool | date | datetime | time | None
#: the kind of sheet a Word document's paragraphs make, where it holds no table
#: (:mod:`chronogen.read.word_paragraphs`)
PARAGRAPHS = "paragraph"


@dataclass
class Sheet:
    """One sheet (or a whole CSV file): rows of cells, numbered from 1 as Excel does."""

    file: str
    name: str | None
    rows: list[tuple[Cell, ...]]
    #: what a reader of the file calls it, in what is said of it: a workbook's "sheet", a
    #: Word document's "table" (or its "paragraph"s, where it holds no table)
    kind: str = "sheet"
    #: True for workbooks using Excel's 1904 date system (old Mac workbooks)
    date1904: bool = False
    #: the encoding a CSV file was decoded with
    encoding: str | None = None
    #: what could not be read of the sheet (damaged text, comments too large), said under
    #: the code of what it is
    notes: list[tuple[ProblemCode, str]] = field(default_factory=list)
    #: (row, column) of formula cells saved with no value (their cells read as blank)
    uncached_formulas: list[tuple[int, int]] = field(default_factory=list)
    #: rows of a CSV whose quoted cell seems to have swallowed the rows after it
    swallowed_rows: list[int] = field(default_factory=list)
    #: merged cells whose first value the rows below them were given (as the sheet shows)
    merged_down: list[MergedDown] = field(default_factory=list)
    #: whether the workbook hides the sheet; the rows (numbered from 1) and the columns
    #: (first, last: numbered from 1) the sheet hides, by hand or by a filter (every one is
    #: read: nothing an agency sent is left out, but what it hid is said)
    hidden: bool = False
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    #: (row, column) of cells whose text is struck through, numbered from 1
    struck: list[tuple[int, int]] = field(default_factory=list)
    #: (row, column) -> the words struck through inside a cell whose text is struck only in
    #: part ("Seen ~~alone~~": "alone")
    struck_words: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (row, column) -> the colour a cell is filled with ("yellow"), numbered from 1
    filled: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (row, column) -> where a hyperlink on the cell points (an address, a file, "#Notes!A1")
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (row, column) of cells whose text is set in bold, numbered from 1
    bold: frozenset[tuple[int, int]] = frozenset()
    #: (row, column) -> the comment (note) on the cell, numbered from 1
    comments: dict[tuple[int, int], str] = field(default_factory=dict)
    #: the areas the sheet's conditional formatting colours by rules (``A4:L200``): colours
    #: not read
    ruled: list[str] = field(default_factory=list)
    #: (row, column) -> the field a Word table's cell shows (``DATE``): a date Word puts
    #: in as the day the document is opened or printed, not the day of the contact
    date_fields: dict[tuple[int, int], str] = field(default_factory=dict)

    def numbered(self) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        """(row number, cells) for every row, blank ones included."""
        return enumerate(self.rows, start=1)

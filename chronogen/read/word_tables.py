"""An agency chronology sent as a Word document: the tables of a ``.docx``, read as sheets.

Many agencies keep their chronology as a table in Word (the older case-review templates were
Word documents). Each table of the document's body becomes a sheet, its rows numbered from 1
as Word shows them; tables one after another with the same number of columns (one table a
page or a year, the header repeated or not) are read as one sheet, ``Tables 1-3``, their
rows numbered on through them. What a reader of the document sees is what is read:

- a cell's paragraphs, one a line; a cell spread over columns (``gridSpan``) is one value,
  in the first of its columns; a cell merged down over rows (``vMerge``: one date beside a
  day's contacts) gives its value to each row, as merged cells in a workbook do;
- tracked changes as if accepted: deleted words and deleted rows are not read, inserted
  ones are; the document's note says that it held them;
- text struck through, set in bold, highlighted or in a shaded cell, hyperlinks and
  comments on a cell: as in a workbook;
- field codes (``DATE``, ``HYPERLINK``) are not text: their shown result is.

The document's text is read as a stream (lxml, told only of tables, rows and paragraphs),
each row let go once read: a document of thousands of rows holds one row in memory, not the
whole document's tree.
Nothing in the document is fetched or run; the package is held to the same limits as a
workbook's (:mod:`chronogen.read.word_package`), and so are the cells of its tables and
the characters of a cell; an element nested deeper than any document's is refused.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from chronogen.domain.wording import counted
from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.cell_styles import colour_of_rgb
from chronogen.read.merged_cells import fill_merged_down
from chronogen.read.sheet import Cell, Sheet
from chronogen.read.word_cells import (
    CellText,
    DocumentParts,
    attribute,
    first_child,
    local_name,
    read_cell,
    value_of,
)
from chronogen.read.word_package import document_parts, document_text, opened_document
from chronogen.read.word_paragraphs import paragraphs_sheet
from chronogen.read.xml_parts import pull_parser, read_stream

#: the most columns a cell may span, or a row leave empty before its first cell: far more
#: than a page holds (a claim of a billion is not believed)
_WIDEST = 512
#: the marks of tracked changes: words or rows deleted (or moved away), and inserted
_DELETED = frozenset({"del", "moveFrom"})
_INSERTED = frozenset({"ins", "moveTo"})
#: the elements the reader is told of (whatever their namespace): every other is only
#: parsed, libxml2 keeping the count of how deep it goes
_WATCHED = ("tbl", "tblGrid", "tr", "p", "Fallback", *_DELETED, *_INSERTED)
#: where a table is not the body's own: a text box's second copy for older Word
_HIDING = "Fallback"


def read_word(path: Path, *, display_name: str | None = None,
              limits: Limits | None = None) -> list[Sheet]:
    """The tables of a Word document (``.docx``) as sheets (see the module's description).

    Raises :class:`~chronogen.errors.UnreadableFileError` for a file that is not a Word
    document, is over the limits, or holds no table."""
    name = display_name or path.name
    bounds = limits or Limits()
    with opened_document(path, name) as package:
        parts, notes = document_parts(package, name, bounds)
        reader = _DocumentReader(name, parts, bounds)
        reader.read(package)
    # beside a table, one dated paragraph is said (a sheet not read); alone, two make a
    # chronology, as the reader of the paragraphs takes them
    written = paragraphs_sheet(name, reader.paragraphs, least=1 if reader.tables else 2)
    if not reader.tables and written is None:
        raise UnreadableFileError(
            f"{name}: the document holds no table, nor two paragraphs opening with a date; "
            "chronogen reads a Word chronology laid out as a table, one row a contact, or "
            "written as paragraphs, each contact's opening with its date")
    if reader.hidden_text:
        rows = ", ".join(f"{table.sheet.name} row {row}"
                         for table, row in reader.hidden_text[:10])
        more = len(reader.hidden_text) - 10
        notes.append((ProblemCode.HIDDEN_CONTENT, (
            f"text formatted as hidden, which Word neither shows nor prints, in {rows}"
            + (f" and {counted(more, 'more row')}" if more > 0 else "")
            + ": read as every word is; open the document and show hidden text to see it")))
    if reader.deleted or reader.inserted:
        notes.append((ProblemCode.HIDDEN_CONTENT, (
            "the document holds tracked changes not yet accepted ("
            f"{counted(reader.deleted, 'deletion')}, {counted(reader.inserted, 'insertion')})"
            ": read as if accepted, the deleted words and rows left out")))
    for table in reader.tables:
        table.sheet.merged_down = fill_merged_down(table.sheet.rows, table.merges)
        table.sheet.bold = frozenset(table.bold)
        table.sheet.notes.extend(notes)
    sheets = [table.sheet for table in reader.tables]
    if written is not None:  # the paragraphs outside the tables, where any opens with a date
        written.notes.extend(notes)
        sheets.append(written)
    return sheets


@dataclass
class _Table:
    """One sheet being read: a table of the document, or several of one width."""

    sheet: Sheet
    first: int  # the number of its first table in the document
    #: its cells merged down: (first row, first column, last row, last column)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: column -> the index in merges of the area a cell merged down continues
    open_merges: dict[int, int] = field(default_factory=dict)
    bold: set[tuple[int, int]] = field(default_factory=set)


class _DocumentReader:
    """The document's text read as it streams in: its tables' rows, each read when it ends
    and then let go; the marks of tracked changes counted."""

    def __init__(self, name: str, parts: DocumentParts, limits: Limits) -> None:
        self.name, self.parts, self.limits = name, parts, limits
        self.tables: list[_Table] = []
        self.deleted = self.inserted = 0
        #: (table, row) of each row holding text Word hides, in order
        self.hidden_text: list[tuple[_Table, int]] = []
        #: the body's paragraphs outside its tables, each one's text
        self.paragraphs: list[str | None] = []
        self._cells = 0
        self._numbered = 0  # top-level tables begun
        self._width: int | None = None  # columns of the last table read
        self._tables_open = self._paragraphs = self._hidden = 0
        self._top = False  # inside a table of the body (not one in a text box)
        self._placed = False  # the table begun has its sheet

    def read(self, package: zipfile.ZipFile) -> None:
        read_stream(pull_parser([f"{{*}}{tag}" for tag in _WATCHED]),
                    document_text(package, self.name, self.limits), self._events,
                    name=self.name, kind="document", program="Word")

    def _events(self, events: Iterator[tuple[str, etree._Element]]) -> None:
        for event, element in events:
            local = local_name(element)
            if event == "start":
                self._start(local)
            else:
                self._end(local, element)

    def _start(self, local: str) -> None:
        if local == "tbl":
            self._tables_open += 1
            if self._tables_open == 1 and not self._paragraphs and not self._hidden:
                self._top, self._placed = True, False
                self._numbered += 1
        elif local == "p":
            self._paragraphs += 1
        elif local == _HIDING:
            self._hidden += 1
        elif local in _DELETED:
            self.deleted += 1
        elif local in _INSERTED:
            self.inserted += 1

    def _end(self, local: str, element: etree._Element) -> None:
        in_top = self._top and self._tables_open == 1
        if local == "tblGrid" and in_top and not self._placed:
            self._place(sum(1 for c in element if local_name(c) == "gridCol"))
        elif local == "tr" and in_top:
            if not self._placed:
                self._place(0)
            self._row(element)
            _let_go(element)
        elif local == "tbl":
            if in_top:
                if not self._placed:
                    self._place(0)
                self._top = False
            self._tables_open -= 1
            if not self._tables_open and not self._paragraphs:
                _let_go(element)
        elif local == "p":
            self._paragraphs -= 1
            if not self._tables_open and not self._paragraphs:
                if not self._hidden:  # a chronology written as text, not a table?
                    self.paragraphs.append(read_cell(element, self.parts).text())
                    self._count(2)  # a paragraph may be two cells: its date, its words
                _let_go(element)  # a paragraph of the body
        elif local == _HIDING:
            self._hidden -= 1

    def _place(self, columns: int) -> None:
        """Give the table begun its sheet: the last one, where it has as many columns."""
        number = self._numbered
        if not self.tables or columns != self._width or columns == 0:
            self.tables.append(_Table(Sheet(file=self.name, name=f"Table {number}", rows=[],
                                            kind="table"), first=number))
        else:
            self.tables[-1].sheet.name = f"Tables {self.tables[-1].first}-{number}"
        self._width, self._placed = columns, True

    def _row(self, row: etree._Element) -> None:
        table = self.tables[-1]
        sheet = table.sheet
        properties = first_child(row, "trPr")
        if properties is not None and first_child(properties, "del") is not None:
            return  # a row deleted in tracked changes
        number = len(sheet.rows) + 1
        values: list[Cell] = [None] * min(_number(properties, "gridBefore", 0), _WIDEST)
        self._count(len(values))
        for cell in _inside(row, "tc"):
            column = len(values) + 1
            cell_properties = first_child(cell, "tcPr")
            span = max(1, min(_number(cell_properties, "gridSpan", 1), _WIDEST))
            self._count(span)
            merge = first_child(cell_properties, "vMerge") \
                if cell_properties is not None else None
            read = read_cell(cell, self.parts)
            if read.hidden_chars and (not self.hidden_text or
                                      self.hidden_text[-1] != (table, number)):
                self.hidden_text.append((table, number))
            text = read.text()
            if text is not None and len(text) > self.limits.max_cell_chars:
                raise UnreadableFileError(
                    f"{sheet.file}, {sheet.name}, row {number}: a cell longer than "
                    f"{self.limits.max_cell_chars:,} characters (raise max_cell_chars under "
                    "[limits] in case.toml if it is genuine)")
            if merge is not None and (value_of(merge) or "continue") == "continue" \
                    and column in table.open_merges:
                at = table.open_merges[column]
                top, _, _, last_column = table.merges[at]
                table.merges[at] = (top, column, number, last_column)
                values.append(None)
            else:
                if merge is not None and value_of(merge) == "restart":
                    table.open_merges[column] = len(table.merges)
                    table.merges.append((number, column, number, column + span - 1))
                else:
                    table.open_merges.pop(column, None)
                values.append(text)
                _note_looks(sheet, (number, column), read, cell_properties, table.bold)
            values.extend([None] * (span - 1))
        sheet.rows.append(tuple(values))

    def _count(self, cells: int) -> None:
        self._cells += cells
        if self._cells > self.limits.max_cells:
            raise UnreadableFileError(
                f"{self.name}: its tables (or paragraphs) hold over {self.limits.max_cells:,} "
                "cells, the limit (max_cells under [limits] in case.toml)")


def _let_go(element: etree._Element) -> None:
    """Free what was read: the element's contents, and what stood before it."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and (before := element.getprevious()) is not None:
        parent.remove(before)


def _inside(element: etree._Element, wanted: str) -> Iterator[etree._Element]:
    """A table's rows (*wanted* ``tr``) or a row's cells (``tc``), also where a content
    control or custom XML wraps them."""
    for child in element:
        local = local_name(child)
        if local == wanted:
            yield child
        elif local in ("sdt", "sdtContent", "customXml"):
            yield from _inside(child, wanted)


def _number(properties: etree._Element | None, local: str, default: int) -> int:
    found = first_child(properties, local) if properties is not None else None
    value = value_of(found) if found is not None else None
    return int(value) if value is not None and value.isdigit() else default


def _note_looks(sheet: Sheet, place: tuple[int, int], read: CellText,
                properties: etree._Element | None, bold: set[tuple[int, int]]) -> None:
    read.note(sheet, place, bold)
    if read.shown and (rgb := read.highlight()) is not None and \
            (named := colour_of_rgb(rgb)):
        sheet.filled[place] = named
    shading = first_child(properties, "shd") if properties is not None else None
    fill = attribute(shading, "fill") if shading is not None else None
    if fill and fill.lower() != "auto" and place not in sheet.filled and \
            (named := colour_of_rgb(fill)):
        sheet.filled[place] = named
    if dated := read.date_field():
        sheet.date_fields[place] = dated
    if read.comments:
        sheet.comments[place] = "\n".join(read.comments)

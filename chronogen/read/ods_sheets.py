"""An agency chronology saved as an OpenDocument spreadsheet (``.ods``: LibreOffice Calc's
own format, which Excel also saves): its sheets read as a workbook's are.

The spreadsheet's text (``content.xml``) is read as a stream (lxml, told only of styles,
sheets, columns and rows), each row let go once read. What a reader of the sheet sees is
what is read:

- a cell's value as stored (a number, a date, a time, yes or no), a text's paragraphs one a
  line, a formula's last value (one saved without a value is said, as in a workbook);
- a cell spread over rows gives its value to each row it covers, as merged cells in a
  workbook do; over columns it is one value, in its first column;
- a run of rows or cells written once with a count (``number-rows-repeated``: how the
  format saves the same row many times) stands as many times as it says, up to the last
  filled one: the million blank rows after a sheet's last are not read;
- hidden sheets, rows and columns, text struck through or in bold, a cell's fill, links and
  comments: as in a workbook; where rules of the sheet's own colour cells (conditional
  formatting), the areas they cover, as a workbook's.

Nothing is fetched or run. The package is held to a workbook's limits
(:mod:`chronogen.read.xml_parts`), and so is the area a sheet's cells span: a run of a
billion cells is refused, not written out; a spreadsheet saved with a password is refused.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from lxml import etree

from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.cell_styles import colour_of_rgb
from chronogen.read.merged_cells import fill_merged_down
from chronogen.read.package_check import DAMAGED_ARCHIVE, unopened
from chronogen.read.run_looks import RunLooks
from chronogen.read.sheet import Cell, Sheet
from chronogen.read.xml_parts import (
    PartNotRead,
    pull_parser,
    read_stream,
    small_part,
    streamed_part,
)

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_XLINK = "http://www.w3.org/1999/xlink"
_DC = "http://purl.org/dc/elements/1.1/"
_MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
_CALC = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"

CONTENT = "content.xml"
_STYLES = "styles.xml"
#: what the package's ``mimetype`` says of a spreadsheet (or its template)
_SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
#: a spreadsheet's last row and column (LibreOffice's, as Excel's)
LAST_ROW = 1_048_576
LAST_COLUMN = 16_384
#: the steps followed from a style to the one it is based on (a loop is not followed on)
_MOST_INHERITED = 16
_REPEATED_ROWS = f"{{{_TABLE}}}number-rows-repeated"
_REPEATED_COLUMNS = f"{{{_TABLE}}}number-columns-repeated"
_SPANNED_ROWS = f"{{{_TABLE}}}number-rows-spanned"
_SPANNED_COLUMNS = f"{{{_TABLE}}}number-columns-spanned"
_STYLE_NAME = f"{{{_TABLE}}}style-name"
_DEFAULT_STYLE = f"{{{_TABLE}}}default-cell-style-name"
_VISIBILITY = f"{{{_TABLE}}}visibility"
_FORMULA = f"{{{_TABLE}}}formula"
_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
_STRING_VALUE = f"{{{_OFFICE}}}string-value"
_PARAGRAPH = f"{{{_TEXT}}}p"
_ANNOTATION = f"{{{_OFFICE}}}annotation"
_SHEET_TAG = f"{{{_TABLE}}}table"
_COLUMN_TAG = f"{{{_TABLE}}}table-column"
_ROW_TAG = f"{{{_TABLE}}}table-row"
_CELL_TAG = f"{{{_TABLE}}}table-cell"
_COVERED_TAG = f"{{{_TABLE}}}covered-table-cell"
_STYLE_TAG = f"{{{_STYLE}}}style"
#: a rule colouring cells (conditional formatting), as LibreOffice keeps it
_RULE_TAG = f"{{{_CALC}}}conditional-format"
_WATCHED = [_STYLE_TAG, _SHEET_TAG, _COLUMN_TAG, _ROW_TAG, _RULE_TAG]
_BOOLEAN_FORMULAS = {"of:=TRUE()": True, "of:=FALSE()": False}
_PARAGRAPHS = frozenset({f"{{{_TEXT}}}{local}" for local in ("p", "h", "list-item", "list")})
_DURATION = re.compile(r"-?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?")


def read_ods(path: Path, *, display_name: str | None = None,
             limits: Limits | None = None) -> list[Sheet]:
    """The sheets of an OpenDocument spreadsheet (``.ods``), as a workbook's (see the
    module's description).

    Raises :class:`~chronogen.errors.UnreadableFileError` for a file that is not one, is
    saved with a password, or is over the limits."""
    name = display_name or path.name
    bounds = limits or Limits()
    try:
        with zipfile.ZipFile(path) as package:
            _check_package(package, name, bounds)
            looks, notes = _named_looks(package, name, bounds)
            reader = _SpreadsheetReader(name, looks, bounds)
            reader.read(package)
    except DAMAGED_ARCHIVE as error:
        raise unopened(path, name, error, kind="spreadsheet", old=".xls", suffix=".ods",
                       program="LibreOffice") from error
    for sheet in reader.sheets:
        sheet.notes.extend(notes)
    return reader.sheets


def _check_package(package: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Refuse a package that is no spreadsheet, or one saved with a password."""
    members = package.namelist()
    if "mimetype" in members and package.getinfo("mimetype").file_size < 200:
        kind = package.read("mimetype").decode("ascii", "replace").strip()
        if not kind.startswith(_SPREADSHEET):
            said = kind.rsplit(".", 1)[-1] if kind.startswith("application/vnd.oasis.") \
                else kind or "no kind"
            raise UnreadableFileError(
                f"{name}: not an OpenDocument spreadsheet (its package says {said!r}); save "
                "the chronology from LibreOffice Calc or Excel as .ods or .xlsx")
    if CONTENT not in members:
        raise UnreadableFileError(f"{name}: not an OpenDocument spreadsheet (it holds no "
                                  f"{CONTENT}); save it from LibreOffice Calc as .ods")
    try:
        manifest = small_part(package, "META-INF/manifest.xml", name, "its list of parts",
                              limits, kind="spreadsheet", program="LibreOffice")
    except PartNotRead:
        manifest = None
    if manifest is not None and any(True for _ in manifest.iter(
            f"{{{_MANIFEST}}}encryption-data")):
        raise UnreadableFileError(
            f"{name}: the spreadsheet is saved with a password: open it in LibreOffice, "
            "remove the password (File > Properties > Security, or save it again without "
            "one) and send it again")


@dataclass(frozen=True)
class _Look:
    """What a style says of the cells (or text, or sheet) it styles; None: not said here
    (the style it is based on says)."""

    bold: bool | None = None
    struck: bool | None = None
    fill: str | None = None
    hidden: bool | None = None
    parent: str | None = None
    #: the fill's colour in words ("yellow"), worked out once a style
    colour: str | None = None


def _look_of(style: etree._Element) -> _Look:
    bold = struck = fill = hidden = None
    for part in style:
        if not isinstance(part.tag, str):
            continue
        weight = part.get(f"{{{_FO}}}font-weight")
        if weight is not None:
            bold = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
        # a line through the text: its style (solid, dotted...) or its type (single,
        # double), either of which may be given alone; "none" in either is none
        line = (part.get(f"{{{_STYLE}}}text-line-through-style"),
                part.get(f"{{{_STYLE}}}text-line-through-type"))
        if line != (None, None):
            struck = "none" not in line
        background = part.get(f"{{{_FO}}}background-color")
        if background is not None:
            fill = background
        display = part.get(f"{{{_TABLE}}}display")
        if display is not None:
            hidden = display == "false"
    return _Look(bold, struck, fill, hidden, style.get(f"{{{_STYLE}}}parent-style-name"))


class _Looks:
    """The spreadsheet's styles by family and name, each worked out with what the styles
    it is based on say."""

    def __init__(self) -> None:
        self.own: dict[tuple[str, str], _Look] = {}
        self._whole: dict[tuple[str, str], _Look] = {}

    def add(self, style: etree._Element) -> None:
        name, family = style.get(f"{{{_STYLE}}}name"), style.get(f"{{{_STYLE}}}family")
        if name is not None and family is not None:
            self.own[(family, name)] = _look_of(style)

    def get(self, family: str, name: str | None) -> _Look:
        if name is None:
            return _NO_LOOK
        found = self._whole.get((family, name))
        if found is None:
            bold = struck = fill = hidden = None
            step: str | None = name
            for _ in range(_MOST_INHERITED):
                look = self.own.get((family, step)) if step is not None else None
                if look is None:
                    break
                bold = look.bold if bold is None else bold
                struck = look.struck if struck is None else struck
                fill = look.fill if fill is None else fill
                hidden = look.hidden if hidden is None else hidden
                step = look.parent
            colour = colour_of_rgb(fill.lstrip("#")) if fill and fill != "transparent" \
                else None
            found = self._whole[(family, name)] = _Look(bold, struck, fill, hidden,
                                                        colour=colour)
        return found


_NO_LOOK = _Look()


def _named_looks(package: zipfile.ZipFile, name: str, limits: Limits
                 ) -> tuple[_Looks, list[tuple[ProblemCode, str]]]:
    """The spreadsheet's named styles (``styles.xml``, which its cells' own are based on);
    what could not be read of them."""
    looks = _Looks()
    try:
        root = small_part(package, _STYLES, name, "the spreadsheet's styles", limits,
                          kind="spreadsheet", program="LibreOffice")
    except PartNotRead as error:
        return looks, [(ProblemCode.DAMAGED_TEXT, str(error))]
    for style in root.iter(_STYLE_TAG) if root is not None else ():
        looks.add(style)
    return looks, []


@dataclass
class _CellText(RunLooks):
    """A cell's text as read, with what its runs look like."""

    parts: list[str] = field(default_factory=list)

    def add(self, text: str, bold: bool, struck: bool) -> None:
        self.parts.append(text)
        self.count(text, bold=bold, struck=struck)


class _SpreadsheetReader:
    """The spreadsheet's text read as it streams in: the styles of its cells, then each
    sheet's columns and rows, each row read when it ends and then let go."""

    def __init__(self, name: str, looks: _Looks, limits: Limits) -> None:
        self.name, self.looks, self.limits = name, looks, limits
        self.sheets: list[Sheet] = []
        self._open = 0  # sheets open: a sheet inside a cell (an old subtable) is not read
        self._sheet: _SheetBeingRead | None = None

    def read(self, package: zipfile.ZipFile) -> None:
        read_stream(pull_parser(_WATCHED),
                    streamed_part(package, CONTENT, self.name, "the spreadsheet's text",
                                  self.limits, "LibreOffice"), self._events,
                    name=self.name, kind="spreadsheet", program="LibreOffice")

    def _events(self, events: Iterator[tuple[str, etree._Element]]) -> None:
        for event, element in events:
            tag = element.tag
            if event == "start":
                if tag == _SHEET_TAG:
                    self._open += 1
                    if self._open == 1:
                        self._begin(element)
                continue
            if tag == _STYLE_TAG:
                if self._open == 0:
                    self.looks.add(element)
                    _let_go(element)
            elif self._open != 1 or self._sheet is None:
                if tag == _SHEET_TAG:
                    self._open -= 1
            elif tag == _ROW_TAG:
                self._sheet.row(element)
                _let_go(element)
            elif tag == _COLUMN_TAG:
                self._sheet.columns(element)
            elif tag == _RULE_TAG:
                self._sheet.ruled(element)
            elif tag == _SHEET_TAG:
                self._open -= 1
                self._sheet.finish()
                self._sheet = None
                _let_go(element)

    def _begin(self, element: etree._Element) -> None:
        title = element.get(f"{{{_TABLE}}}name") or f"Sheet{len(self.sheets) + 1}"
        look = self.looks.get("table", element.get(f"{{{_TABLE}}}style-name"))
        sheet = Sheet(file=self.name, name=title, rows=[], hidden=bool(look.hidden))
        self.sheets.append(sheet)
        self._sheet = _SheetBeingRead(sheet, self.looks, self.limits)


class _SheetBeingRead:
    """One sheet's columns and rows as they are read."""

    def __init__(self, sheet: Sheet, looks: _Looks, limits: Limits) -> None:
        self.sheet, self.looks, self.limits = sheet, looks, limits
        #: each column's default cell style, from the first
        self.column_styles: list[str | None] = []
        self.blank_rows = 0  # blank rows read and not yet put in (only a filled row does)
        self.widest = 0
        self.merges: list[tuple[int, int, int, int]] = []
        self.bold: set[tuple[int, int]] = set()
        self._by_style: dict[str | None, _Look] = {}

    def columns(self, element: etree._Element) -> None:
        first = len(self.column_styles) + 1
        count = min(_count(element.get(_REPEATED_COLUMNS)), LAST_COLUMN + 1 - first)
        if count <= 0:
            return
        self.column_styles.extend([element.get(_DEFAULT_STYLE)] * count)
        if element.get(_VISIBILITY) in ("collapse", "filter"):
            self.sheet.hidden_columns.append((first, first + count - 1))

    def ruled(self, element: etree._Element) -> None:
        """Where a rule of the sheet's own colours cells (``Log.C2:Log.C200``: C2:C200)."""
        for area in (element.get(f"{{{_CALC}}}target-range-address") or "").split():
            place = ":".join(part.rsplit(".", 1)[-1].replace("$", "")
                             for part in area.split(":"))
            if place and place not in self.sheet.ruled and len(self.sheet.ruled) < 100:
                self.sheet.ruled.append(place)

    def row(self, element: etree._Element) -> None:
        number = len(self.sheet.rows) + self.blank_rows + 1
        repeated = min(_count(element.get(_REPEATED_ROWS)), LAST_ROW + 1 - number)
        if repeated <= 0:
            return
        row_style = element.get(_DEFAULT_STYLE)
        values: list[Cell] = []
        #: (column, look, text) of the cells whose look or text has something to say
        looks: list[tuple[int, _Look, _CellText | None]] = []
        blank_cells = 0
        blank_fills: list[tuple[int, int, _Look]] = []  # (column, count, look), not put in
        longest = self.limits.max_cell_chars
        column_styles, by_style = self.column_styles, self._by_style
        for cell in element:
            tag = cell.tag
            if tag != _CELL_TAG and tag != _COVERED_TAG:
                continue
            column = len(values) + blank_cells + 1
            if column > LAST_COLUMN:
                break
            many = cell.get(_REPEATED_COLUMNS)
            count = 1 if many is None else min(_count(many), LAST_COLUMN + 1 - column)
            own = cell.get(_STYLE_NAME)
            if own is None:
                own = column_styles[column - 1] if column <= len(column_styles) else row_style
            look = by_style.get(own) or self._cell_look(own)
            value: Cell = None
            text: _CellText | None = None
            if tag == _COVERED_TAG:
                pass
            elif (cell.get(_VALUE_TYPE) == "string" and len(cell) == 1 and not look.bold
                  and not look.struck and (only := cell[0]).tag == _PARAGRAPH
                  and not len(only) and cell.get(_STRING_VALUE) is None):
                value = only.text or None  # a text of one plain paragraph: nearly every cell
                if value is not None and len(value) > longest:
                    self._too_long(number)
            elif len(cell) or cell.get(_VALUE_TYPE) is not None or \
                    cell.get(_FORMULA) is not None:
                value, text = self._value(cell, look, number, column)
            if value is None:  # put in only where a filled cell follows
                if look.colour:
                    blank_fills.append((column, count, look))
                blank_cells += count
                continue
            if blank_cells:
                values.extend([None] * blank_cells)
                blank_cells = 0
                looks.extend((first + offset, blank, None) for first, many, blank
                             in blank_fills for offset in range(many))
                blank_fills.clear()
            if count == 1:
                values.append(value)
            else:
                values.extend([value] * count)
            if text is not None or look.colour or look.bold or look.struck:
                looks.extend((column + offset, look, text) for offset in range(count))
            spanned = _count(cell.get(_SPANNED_ROWS))
            if spanned > 1:
                self.merges.append((number, column, min(number + spanned - 1, LAST_ROW),
                                    min(column + _count(cell.get(_SPANNED_COLUMNS)) - 1,
                                        LAST_COLUMN)))
        if not values:
            self.blank_rows += repeated
            return
        self._check_area(number + repeated - 1, len(values))
        self.sheet.rows.extend([()] * self.blank_rows)
        self.blank_rows = 0
        cells = tuple(values)
        hidden = element.get(_VISIBILITY) in ("collapse", "filter")
        for offset in range(repeated):  # a row repeated: each time as it looks
            self.sheet.rows.append(cells)
            if hidden:
                self.sheet.hidden_rows.append(number + offset)
            for column, look, text in looks:
                self._note_looks((number + offset, column), look, text)

    def finish(self) -> None:
        self.sheet.merged_down = fill_merged_down(self.sheet.rows, self.merges)
        self.sheet.bold = frozenset(self.bold)

    def _check_area(self, row: int, column: int) -> None:
        self.widest = max(self.widest, column)
        if row * self.widest > self.limits.max_cells:
            raise UnreadableFileError(
                f"{self.sheet.file}, sheet {self.sheet.name!r}: its cells span over "
                f"{self.limits.max_cells:,} cells (row {row:,}, column {self.widest:,}), the "
                "limit (max_cells under [limits] in case.toml)")

    def _value(self, cell: etree._Element, look: _Look, row: int, column: int
               ) -> tuple[Cell, _CellText | None]:
        """The cell's value, and its text as read where it says more than its words (its
        runs, a link); its comment noted."""
        kind = cell.get(_VALUE_TYPE)
        shown, text, comment = _text_of(cell, self.looks, look)
        if comment:
            self.sheet.comments[(row, column)] = comment
        if shown is not None and len(shown) > self.limits.max_cell_chars:
            self._too_long(row)
        value: Cell = None
        if kind == "string":
            value = cell.get(_STRING_VALUE)
            if value is None:
                return shown or None, text
            return value or None, text
        if kind in ("float", "percentage", "currency"):
            # an Excel workbook's TRUE or FALSE, as LibreOffice saves it: a formula
            formula = cell.get(_FORMULA)
            value = _BOOLEAN_FORMULAS[formula] if formula in _BOOLEAN_FORMULAS else \
                _number(cell.get(f"{{{_OFFICE}}}value"))
        elif kind == "date":
            value = _date(cell.get(f"{{{_OFFICE}}}date-value"))
        elif kind == "time":
            value = _time(cell.get(f"{{{_OFFICE}}}time-value"))
        elif kind == "boolean":
            value = cell.get(f"{{{_OFFICE}}}boolean-value") == "true"
        if value is None:  # text, or a value the cell's text shows but its type does not
            value = shown or None
        if kind is None and value is None and cell.get(_FORMULA):
            self.sheet.uncached_formulas.append((row, column))
        return value, text

    def _too_long(self, row: int) -> None:
        raise UnreadableFileError(
            f"{self.sheet.file}, sheet {self.sheet.name!r}, row {row}: a cell longer than "
            f"{self.limits.max_cell_chars:,} characters (raise max_cell_chars under "
            "[limits] in case.toml if it is genuine)")

    def _cell_look(self, style: str | None) -> _Look:
        """What the cell style named *style* (and those it is based on) says, kept by its
        name alone for the sheet's rows (asked once a cell: the family's key not built)."""
        look = self._by_style[style] = self.looks.get("table-cell", style)
        return look

    def _note_looks(self, place: tuple[int, int], look: _Look, text: _CellText | None
                    ) -> None:
        """Say what the cell at *place* looks like and links to (*text*: its runs, where
        its text is more than one plain paragraph)."""
        if look.colour:
            self.sheet.filled[place] = look.colour
        if text is not None:
            text.note(self.sheet, place, self.bold)


def _text_of(cell: etree._Element, looks: _Looks, look: _Look
             ) -> tuple[str | None, _CellText | None, str | None]:
    """The cell's paragraphs as one text (None where it has none), how its runs look, and
    its comment (whose paragraphs are not the cell's)."""
    if len(cell) == 1 and (only := cell[0]).tag == _PARAGRAPH and not len(only):
        # one plain paragraph (nearly every cell): its words; how they look is the cell's
        words = only.text or ""
        if not look.bold and not look.struck:
            return words, None, None
        plain = _CellText()
        plain.add(words, bool(look.bold), bool(look.struck))
        return words, plain, None
    read: _CellText | None = None
    comment = None
    for child in cell:
        if child.tag in _PARAGRAPHS:
            if read is None:
                read = _CellText()
            elif read.parts:
                read.parts.append("\n")
            _runs(child, looks, bool(look.bold), bool(look.struck), read)
        elif child.tag == _ANNOTATION:
            comment = _comment_of(child, looks)
    if read is None:
        return None, None, comment
    words = "".join(read.parts)
    read.parts = [words]
    return words, read, comment


def _runs(element: etree._Element, looks: _Looks, bold: bool, struck: bool,
          read: _CellText) -> None:
    """The text of a paragraph (or a span, a link, a list) into *read*, run by run."""
    if element.text:
        read.add(element.text, bold, struck)
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag.startswith(f"{{{_OFFICE}}}"):
            pass  # a comment in the text, an annotation: not the cell's text
        elif tag == f"{{{_TEXT}}}s":
            read.add(" " * min(_count(child.get(f"{{{_TEXT}}}c")), 1000), bold, struck)
        elif tag == f"{{{_TEXT}}}tab":
            read.add("\t", bold, struck)
        elif tag == f"{{{_TEXT}}}line-break":
            read.add("\n", bold, struck)
        elif tag in _PARAGRAPHS:  # a list's items, their paragraphs: one a line
            if read.parts and read.parts[-1] != "\n":
                read.parts.append("\n")
            _runs(child, looks, bold, struck, read)
        else:
            span = looks.get("text", child.get(f"{{{_TEXT}}}style-name"))
            if tag == f"{{{_TEXT}}}a" and read.link is None:
                read.link = child.get(f"{{{_XLINK}}}href")
            _runs(child, looks, bold if span.bold is None else span.bold,
                  struck if span.struck is None else span.struck, read)
        if child.tail:
            read.add(child.tail, bold, struck)


def _comment_of(annotation: etree._Element, looks: _Looks) -> str | None:
    """A comment on a cell: its author's name, then its text."""
    author = "".join(part.text or "" for part in annotation
                     if part.tag == f"{{{_DC}}}creator").strip()
    text = _CellText()
    for part in annotation:
        if part.tag in _PARAGRAPHS:
            if text.parts:
                text.parts.append("\n")
            _runs(part, looks, False, False, text)
    words = "".join(text.parts).strip()
    if not words:
        return None
    return f"{author}: {words}" if author else words


def _count(found: str | None) -> int:
    """A count an element gives (repeated, spanned), 1 where it gives none or no number."""
    if found is None or not found.isdigit() or len(found) > 12:
        return 1
    return max(1, int(found))


def _number(text: str | None) -> Cell:
    try:
        number = float(text) if text is not None else None
    except ValueError:
        return None
    if number is None or number != number or number in (float("inf"), float("-inf")):
        return None
    return int(number) if number.is_integer() else number


def _date(text: str | None) -> Cell:
    """``2019-05-22`` as a date, ``2019-05-22T10:30:00`` as a date and time; None (the
    cell's text is read) for what is neither."""
    if not text:
        return None
    try:
        if "T" not in text:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return None


def _time(text: str | None) -> Cell:
    """``PT10H30M00S`` as a time of day; a duration of a day or more as its hours and
    minutes (``26:30``), as a workbook's; None (the cell's text is read) for what is
    neither."""
    found = _DURATION.fullmatch(text or "")
    if found is None or text in ("PT", "-PT") or (text or "").startswith("-"):
        return None
    days, hours, minutes, seconds = (float(part) if part else 0.0 for part in found.groups())
    if max(days, hours, minutes) > 1e9:
        return None
    span = timedelta(days=days, hours=hours, minutes=minutes, seconds=round(seconds))
    if span >= timedelta(days=1):
        whole = int(span.total_seconds() // 60)
        return f"{whole // 60}:{whole % 60:02d}"
    total = int(span.total_seconds())
    return time(total // 3600, total % 3600 // 60, total % 60)


def _let_go(element: etree._Element) -> None:
    """Free what was read: the element's contents, and what stood before it."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and (before := element.getprevious()) is not None:
        parent.remove(before)

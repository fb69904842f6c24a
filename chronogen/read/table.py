"""Spreadsheets and CSV files as plain rows of cell values.

Workbooks are read with openpyxl in read-only mode (streaming, values only). CSV files are
decoded as UTF-8 (with or without a byte-order mark) and, failing that, Windows-1252, which
is what Excel on Windows writes.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import sys
import tempfile
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import repeat
from pathlib import Path
from typing import IO, Any

from chronogen.errors import InputFileNotFound, UnreadableFileError
from chronogen.model.case import Limits

#: A cell value as read: text, number, boolean, date, datetime, time, or nothing.
Cell = str | int | float | bool | date | datetime | time | None

EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"}
)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass
class Sheet:
    """One sheet (or a whole CSV file): rows of cells, numbered from 1 as Excel does."""

    file: str
    name: str | None
    rows: list[tuple[Cell, ...]]
    #: True for workbooks using Excel's 1904 date system (old Mac workbooks)
    date1904: bool = False
    #: the encoding a CSV file was decoded with
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    #: (row, column) of formula cells saved with no value (their cells read as blank)
    uncached_formulas: list[tuple[int, int]] = field(default_factory=list)
    #: rows of a CSV whose quoted cell seems to have swallowed the rows after it
    swallowed_rows: list[int] = field(default_factory=list)

    def numbered(self) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        """(row number, cells) for every row, blank ones included."""
        return enumerate(self.rows, start=1)


def is_blank(cells: tuple[Cell, ...]) -> bool:
    """True when no cell holds anything but whitespace."""
    for value in cells:
        if value is None:
            continue
        if isinstance(value, str) and not value.strip():
            continue
        return False
    return True


def check_regular_file(path: Path, name: str, limits: Limits) -> None:
    """Refuse what is not a saved file of a sane size: a folder, a device (``/dev/zero``),
    a pipe, a socket, or a file larger than the limit; before a byte is read."""
    if not path.exists():
        raise InputFileNotFound(f"{name}: file not found ({path})")
    if path.is_dir():
        raise UnreadableFileError(f"{name}: is a folder, not a spreadsheet")
    if not path.is_file():
        raise UnreadableFileError(f"{name}: not an ordinary file (a device, pipe or socket); "
                                  "give a saved spreadsheet")
    size = path.stat().st_size
    if size > limits.max_file_mb * 1_000_000:
        raise UnreadableFileError(
            f"{name}: {size / 1_000_000:.0f} MB is larger than the limit of "
            f"{limits.max_file_mb} MB; raise max_file_mb under [limits] in case.toml if the "
            "file is genuine")


def read_sheets(path: Path, *, display_name: str | None = None,
                limits: Limits | None = None) -> list[Sheet]:
    """Read every sheet of a workbook, or the single table of a CSV file, within *limits*."""
    name = display_name or path.name
    bounds = limits or Limits()
    check_regular_file(path, name, bounds)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return [read_csv(path, display_name=name, limits=bounds)]
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path, display_name=name, limits=bounds)
    if suffix == ".xls":
        raise UnreadableFileError(
            f"{name}: old-style .xls workbooks cannot be read; open it in Excel or "
            "LibreOffice and save it as .xlsx"
        )
    raise UnreadableFileError(
        f"{name}: unsupported file type {suffix or '(none)'!r}; use .xlsx or .csv"
    )


def read_workbook(path: Path, *, display_name: str | None = None,
                  limits: Limits | None = None) -> list[Sheet]:
    """Every worksheet of an .xlsx workbook.

    python-calamine (Rust) reads it when it can, about fifteen times faster than openpyxl;
    openpyxl (read-only, streaming) is used when calamine is missing or fails, and for
    workbooks holding Excel error cells (``#REF!``), which calamine reads as blanks.
    """
    name = display_name or path.name
    traits = inspect_workbook(path, name, limits or Limits())
    if not traits.has_errors:
        sheets = _read_with_calamine(path, name, traits.date1904)
        if sheets is not None:
            return _with_traits(sheets, traits)
    return _with_traits(_read_with_openpyxl(path, name, traits.date1904), traits)


def _with_traits(sheets: list[Sheet], traits: WorkbookTraits) -> list[Sheet]:
    """Attach what the package inspection found to each sheet (formulas with no value)."""
    for sheet in sheets:
        sheet.uncached_formulas = list(traits.uncached_formulas.get(sheet.name or "", {}))
    return sheets


@dataclass
class WorkbookTraits:
    """What the package says before any cell is read."""

    date1904: bool = False
    has_errors: bool = False
    #: sheet name -> (row, column) of formula cells saved without a value, in the order
    #: found (a dictionary's keys: a sheet read twice finds each again)
    uncached_formulas: dict[str, dict[tuple[int, int], None]] = field(default_factory=dict)


#: a cell's opening as every writer known writes it (``<c r="A1"``, groups: letters, digits),
#: or any other cell opening (no groups: then the window is read element by element)
_CELL_START = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"|[\s/>])')
#: a cell or a formula with a namespace prefix (``<x:c``, ``<x:f>``): the window is then read
#: element by element (a prefixed formula inside a plain cell is still one calamine reads)
_PREFIXED_CELL = re.compile(rb':[cf][\s/>]')
#: an element's namespace prefix, if it has one (``x:`` in ``<x:c``)
_PREFIX = rb'(?:[^\s<>/!?:]*:)?'
#: a tag's attributes, quoted values whole. No pattern here looks for a tag's end past a
#: "<" (XML allows none inside a tag, quoted or not): from each of a megabyte of tags never
#: closed, the search ran on to the end, and a workbook of 3 KB took hours.
_ATTRIBUTES = rb'(?:[^<>"\']|"[^<"]*"|\'[^<\']*\')*'
#: a cell or row element whatever its prefix, spacing and quotes: (name, attributes)
_ELEMENT = re.compile(rb'<' + _PREFIX + rb'(c|row)(?=[\s/>])(' + _ATTRIBUTES + rb')>')
_R_ATTRIBUTE = re.compile(rb'\sr\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_REFERENCE = re.compile(rb'\s*([A-Za-z]+)([0-9]+)\s*')
#: a formula cell saved with no value, however its tags and reference are written:
#: (column letters, row digits)
_UNCACHED = re.compile(
    rb'<' + _PREFIX + rb'c\s[^<>]*?\br\s*=\s*["\']([A-Za-z]{1,3})([0-9]{1,7})["\'][^<>]*>\s*'
    rb'<' + _PREFIX + rb'f\b[^<>]*(?:/>|>[^<]*</' + _PREFIX + rb'f>)\s*'
    rb'(?:<' + _PREFIX + rb'v>\s*</' + _PREFIX + rb'v>\s*)?</' + _PREFIX + rb'c>')
#: an error cell (``#REF!``), which calamine reads as blank, however its tag is written
_ERROR_CELL = re.compile(rb'<' + _PREFIX + rb'c\s[^<>]*?\bt\s*=\s*(?:"e"|\'e\')')
_CHUNK = 1 << 20
#: the most megabytes of a part's XML read with no tag beginning in them (held whole until
#: one does: a cell's text is at most 32,767 characters, a row's a few megabytes)
_LONGEST_RUN = 16


def inspect_workbook(path: Path, name: str, limits: Limits) -> WorkbookTraits:
    """Check a workbook's package before reading it: every sheet's unzipped size, its
    compression ratio and the area its cells span must be within *limits* (a zip bomb, or a
    single cell at XFD1048576, is refused here, in seconds and little memory). Streams each
    sheet's XML once, also finding error cells and formulas saved without a value."""
    traits = WorkbookTraits()
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            if "xl/workbook.xml" in names and \
                    package.getinfo("xl/workbook.xml").file_size > 50_000_000:
                raise UnreadableFileError(f"{name}: the workbook's index is implausibly large")
            workbook = package.read("xl/workbook.xml") if "xl/workbook.xml" in names else b""
            traits.date1904 = re.search(rb"date1904=\"(?:1|true)\"", workbook) is not None
            titles = _sheet_titles(package, workbook)
            for info in package.infolist():
                member = info.filename
                if member.lower().endswith("sharedstrings.xml"):
                    _check_size(info, name, "the shared-string table", limits)
                    _check_shared_strings(package, info, name, limits)
                if not (member.startswith("xl/worksheets/") and member.endswith(".xml")):
                    continue
                title = titles.get(member, member)
                _check_size(info, name, f"sheet {title!r}", limits)
                _scan_sheet(package, info, name, title, limits, traits)
    except (zipfile.BadZipFile, OSError, KeyError) as error:
        if path.stat().st_size == 0:
            raise UnreadableFileError(f"{name}: the file is empty") from error
        with path.open("rb") as handle:
            magic = handle.read(8)
        if magic == _OLE_MAGIC:
            raise UnreadableFileError(
                f"{name}: this is a password-protected workbook or an old-style .xls saved "
                "with an .xlsx name: open it in Excel or LibreOffice, remove the password, and "
                "save it as .xlsx") from error
        raise UnreadableFileError(f"{name}: not a readable .xlsx workbook ({error})") from error
    return traits


def _sheet_titles(package: zipfile.ZipFile, workbook: bytes) -> dict[str, str]:
    """Worksheet part name -> the sheet's title, from the workbook and its relationships."""
    rels_name = "xl/_rels/workbook.xml.rels"
    if rels_name not in package.namelist():
        return {}
    rels = package.read(rels_name)[:10_000_000]
    targets = {m[0].decode(): m[1].decode() for m in re.findall(
        rb'<Relationship\b[^<>]*?\bId="([^<"]+)"[^<>]*?\bTarget="([^<"]+)"', rels)}
    targets.update({m[1].decode(): m[0].decode() for m in re.findall(
        rb'<Relationship\b[^<>]*?\bTarget="([^<"]+)"[^<>]*?\bId="([^<"]+)"', rels)})
    titles = {}
    for title, rid in re.findall(rb'<sheet\b[^<>]*?\bname="([^<"]*)"[^<>]*?\br:id="([^<"]+)"',
                                 workbook):
        target = targets.get(rid.decode())
        if target:
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            titles[part] = _xml_text(title.decode("utf-8", "replace"))
    return titles


def _xml_text(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def _check_size(info: zipfile.ZipInfo, name: str, part: str, limits: Limits) -> None:
    """Refuse a part (*part* says which: "sheet 'Log'") too large unzipped, or a zip bomb."""
    size, packed = info.file_size, max(info.compress_size, 1)
    if size > limits.max_sheet_mb * 1_000_000:
        raise UnreadableFileError(
            f"{name}: {part} unzips to {size / 1_000_000:.0f} MB, over the limit of "
            f"{limits.max_sheet_mb} MB (max_sheet_mb under [limits] in case.toml)")
    if size > 5_000_000 and size / packed > limits.max_compression_ratio:
        raise UnreadableFileError(
            f"{name}: {part} is {size / packed:.0f} times larger unzipped than "
            f"zipped (the limit is {limits.max_compression_ratio}): this is how a zip bomb "
            "looks; re-save the workbook, or raise max_compression_ratio if it is genuine")


#: the shared-string table's opening tag, whatever its prefix, and the attributes in it
_TABLE_START = re.compile(rb'<' + _PREFIX + rb'sst(?=[\s/>])(' + _ATTRIBUTES + rb')>')
_UNIQUE_COUNT = re.compile(rb'\suniqueCount\s*=\s*["\']\s*\+?([0-9]+)')


def _check_shared_strings(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                          limits: Limits) -> None:
    """Refuse a shared-string table claiming more strings than a sheet may hold cells:
    calamine sets aside room for the claimed number first (a claim of four billion, in a
    file of a few hundred bytes, asked for 96 GB and stopped the process)."""
    part = "the shared-string table"
    with package.open(info) as stream:
        for window in _xml_windows(stream, name, part, limits):
            opening = _TABLE_START.search(window)
            if opening is None:
                continue
            count = _UNIQUE_COUNT.search(opening.group(1))
            if count is not None and int(count.group(1)) > limits.max_cells:
                raise UnreadableFileError(
                    f"{name}: {part} claims {int(count.group(1)):,} distinct texts, over "
                    f"the limit of {limits.max_cells:,} (max_cells under [limits] in "
                    "case.toml): the file is damaged or hostile")
            return  # one table, one opening


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _scan_sheet(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, title: str,
                limits: Limits, traits: WorkbookTraits) -> _Reach:
    """Stream one sheet's XML: the area its cells span (returned), error cells, formulas
    with no value.

    A sheet written as every known writer writes it is read once, cells found by their
    plain ``<c r="A1"`` opening; any other (single quotes, a prefix such as ``<x:c``,
    spaces round ``=``, lower-case or over-long references, cells or rows with no
    reference) is read again from the start, element by element, as calamine will place
    its cells: a cell at XFD1048576 written any of these ways is refused before calamine
    is asked to allocate the area."""
    reach = _Reach()
    if not _scan_windows(package, info, name, title, limits, traits, reach, plainly=True):
        reach = _Reach()
        _scan_windows(package, info, name, title, limits, traits, reach, plainly=False)
    return reach


def _scan_windows(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, title: str,
                  limits: Limits, traits: WorkbookTraits, reach: _Reach, *,
                  plainly: bool) -> bool:
    """One pass over a sheet's XML; False when *plainly* and a window was not plain."""
    with package.open(info) as stream:
        for window in _xml_windows(stream, name, f"sheet {title!r}", limits):
            if plainly:
                if not reach.written_plainly(window):
                    return False
            else:
                reach.read_exactly(window, name, title)
            if reach.rows * reach.columns > limits.max_cells:
                raise UnreadableFileError(
                    f"{name}: sheet {title!r} has a cell at row {reach.rows}, column "
                    f"{reach.columns}: its area of {reach.rows * reach.columns:,} cells is "
                    f"over the limit of {limits.max_cells:,} (max_cells under [limits] in "
                    "case.toml); delete the stray cells far below or to the right of the "
                    "table")
            # the quick tests first (each a pass over the window): a plainly written window's
            # cells and formulas have no prefix, so a formula's tag is <f; any other window's
            # may be <x:f. An error cell's type may be in single quotes in either (t='e' beside
            # r="A1"), looked for only where a window has a single quote at all (one memchr)
            if (b'"e"' in window or (b"'" in window and b"'e'" in window)) \
                    and _ERROR_CELL.search(window):
                traits.has_errors = True
            if b"<f" in window or (not plainly and b":f" in window):
                _note_uncached_formulas(window, title, traits)
    return True


def _note_uncached_formulas(window: bytes, title: str, traits: WorkbookTraits) -> None:
    for letters, digits in _UNCACHED.findall(window):
        # a dictionary, not a list searched for each (a sheet of 40,000 such cells took 12 s)
        cells = traits.uncached_formulas.setdefault(title, {})
        cells[(int(digits), _column_number(letters.upper()))] = None


def _xml_windows(stream: IO[bytes], name: str, part: str, limits: Limits
                 ) -> Iterator[bytes]:
    """A part's XML (*part* says which: "sheet 'Log'") in windows of about a megabyte, each
    ending where a tag begins (after a whole row where there is one), so that no element
    is split between two."""
    pending: list[bytes] = []  # what is read but not yet given: no place to cut it yet
    read = 0
    while chunk := stream.read(_CHUNK):
        read += len(chunk)
        if read > limits.max_sheet_mb * 1_000_000:
            raise UnreadableFileError(f"{name}: {part} is larger unzipped than its package "
                                      "says: the file is damaged or hostile")
        cut = chunk.rfind(b"</row>")
        cut = cut + len(b"</row>") if cut >= 0 else chunk.rfind(b"<")
        if cut <= 0:
            pending.append(chunk)
            if len(pending) > _LONGEST_RUN:
                raise UnreadableFileError(
                    f"{name}: {part} runs on for {_LONGEST_RUN} MB without a tag (a cell "
                    "holds at most 32,767 characters): the file is damaged or hostile")
            continue
        pending.append(chunk[:cut])
        yield b"".join(pending)
        pending = [chunk[cut:]]
    if rest := b"".join(pending):
        yield rest


class _Reach:
    """The furthest row and column a sheet's cells reach, as calamine places them: a cell
    at its reference, a cell with none after the cell before it in its row, a row with none
    after the row before it. Calamine allocates every cell of that area."""

    def __init__(self) -> None:
        self.rows = self.columns = 0
        self.row = self.column = 0  # the last row element's number, the last cell's column

    def written_plainly(self, window: bytes) -> bool:
        """Take in a window whose every cell opens ``<c r="A1"``; False, taking in nothing,
        for any other."""
        starts = _CELL_START.findall(window)
        if _PREFIXED_CELL.search(window) is not None:
            return False
        if not starts:
            return True
        # each distinct column and row once (a window holds a few thousand rows of cells);
        # not zip(*starts): a call with a window's every cell as an argument cost more than
        # the regular expression's pass
        letters_seen = {letters for letters, _ in starts}
        if b"" in letters_seen:
            return False
        # same-length column letters sort as their numbers do: pad to three
        widest = max(map(bytes.rjust, letters_seen, repeat(3), repeat(b"@")))
        self.columns = max(self.columns, _column_number(widest.lstrip(b"@")))
        self.rows = max(self.rows, max(map(int, {digits for _, digits in starts})))
        return True

    def read_exactly(self, window: bytes, name: str, title: str) -> None:
        """Take in a window element by element, whatever its quotes, spacing, prefixes or
        missing references; a reference that is not one is refused (calamine would fail)."""
        for element, attributes in _ELEMENT.findall(window):
            found = _R_ATTRIBUTE.search(attributes)
            value = None if found is None else found.group(1) or found.group(2) or b""
            if element == b"row":
                self.column = 0
                if value is None:
                    self.row += 1
                elif value.strip().isdigit():
                    self.row = int(value)
                else:
                    raise _not_a_reference(name, title, value)
                continue
            if value is None:
                self.column += 1
                row = self.row
            else:
                parts = _REFERENCE.fullmatch(value)
                if parts is None:
                    raise _not_a_reference(name, title, value)
                self.column = _column_number(parts.group(1).upper())
                row = int(parts.group(2))
            self.columns = max(self.columns, self.column)
            self.rows = max(self.rows, row)


def _not_a_reference(name: str, title: str, value: bytes) -> UnreadableFileError:
    shown = value[:40].decode("utf-8", "replace")
    return UnreadableFileError(f"{name}: sheet {title!r} has a cell or row whose reference "
                               f"{shown!r} is not one: the file is damaged or hostile")


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _read_with_calamine(path: Path, name: str, date1904: bool) -> list[Sheet] | None:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - calamine is a dependency, but optional in spirit
        return None
    with _StandardErrorHeld() as held:
        try:
            book = CalamineWorkbook.from_path(str(path))
            sheets = []
            for sheet_name in book.sheet_names:
                rows: list[Any] = book.get_sheet_by_name(sheet_name).to_python(
                    skip_empty_area=False)
                shared: dict[str, str] = {}
                for index, row in enumerate(rows):  # in place: never two copies of the sheet
                    rows[index] = _from_calamine_row(row, shared)
                sheets.append(Sheet(file=name, name=sheet_name, rows=_trim(rows),
                                    date1904=date1904))
            return sheets
        except Exception:  # calamine's errors are not a stable API: fall back to openpyxl
            return None
        except BaseException as error:
            # a panic inside calamine (a date cell of -1e300 days) is raised as pyo3's
            # PanicException, which is not an Exception; Rust has already printed it
            if type(error).__name__ == "PanicException":
                held.dropped = True
                return None
            raise


class _StandardErrorHeld:
    """Hold what is written to standard error (file descriptor 2, where Rust prints a
    panic before raising it) until the block ends, then pass it on; when ``dropped``, what
    came from the panic's first line on is left out: a damaged cell must not look like a
    crash on the user's screen. (Another thread's writing to standard error meanwhile is
    passed on when the block ends.)"""

    def __init__(self) -> None:
        self.dropped = False
        self._saved: int | None = None
        self._held: IO[bytes] | None = None

    def __enter__(self) -> _StandardErrorHeld:
        try:
            if sys.stderr is not None:
                sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError):  # no descriptor 2 (an embedding program): hold nothing
            return self
        self._saved, self._held = saved, tempfile.TemporaryFile()
        os.dup2(self._held.fileno(), 2)
        return self

    def __exit__(self, *_: object) -> None:
        if self._saved is None or self._held is None:
            return
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)
        with self._held:
            self._held.seek(0)
            written = self._held.read()
        if self.dropped:
            panic = re.search(rb"^thread .*panicked at", written, re.MULTILINE)
            written = written[:panic.start()] if panic else b""
        if written:
            os.write(2, written)


_SAME = frozenset({datetime, date, time, int, bool})


def _one_copy(text: str, shared: dict[str, str]) -> str:
    """One string object for each short text a sheet repeats ("Home visit", "Yes", a
    child's name): a million rows hold it once, not a million times."""
    if len(text) > _SHARED_UP_TO:
        return text
    return shared.setdefault(text, text)


#: texts up to this long are kept once per sheet (longer ones rarely repeat)
_SHARED_UP_TO = 40


def _from_calamine_row(row: list[object], shared: dict[str, str]) -> tuple[Cell, ...]:
    """Calamine's values as cells: "" is blank, whole floats are integers, short texts one
    object each."""
    for index, value in enumerate(row):
        kind = type(value)
        if kind is str:
            if not value:
                row[index] = None
            elif len(value) <= _SHARED_UP_TO:  # type: ignore[arg-type]
                row[index] = shared.setdefault(value, value)  # type: ignore[arg-type]
        elif kind is float:
            if value.is_integer():  # type: ignore[attr-defined]
                row[index] = int(value)  # type: ignore[call-overload]
        elif kind not in _SAME:
            row[index] = as_cell(value)
    return tuple(row)  # type: ignore[arg-type]


def as_cell(value: object) -> Cell:
    """Any value a reader returns as a :data:`Cell`: a duration (``[h]:mm``, which may pass
    24 hours) becomes its text, ``26:30``; anything unknown becomes its text."""
    if value is None or isinstance(value, str | int | float | bool | date | time):
        return value
    if isinstance(value, timedelta):
        minutes = int(value.total_seconds() // 60)
        sign = "-" if minutes < 0 else ""
        return f"{sign}{abs(minutes) // 60}:{abs(minutes) % 60:02d}"
    return str(value)


def _trim(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """Drop trailing blank rows and trailing empty cells, as openpyxl leaves them."""
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def _read_with_openpyxl(path: Path, name: str, date1904: bool) -> list[Sheet]:
    # openpyxl warns on stderr of what it reads as an error cell ("marked as a date but
    # outside the limits") or leaves out; those cells are reported by row instead
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_openpyxl_sheets(path, name, date1904)


def _read_openpyxl_sheets(path: Path, name: str, date1904: bool) -> list[Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl's (and lxml's) errors are not a stable API
        raise UnreadableFileError(f"{name}: not a readable .xlsx workbook "
                                  f"({type(error).__name__}: {error})") from error
    try:
        sheets = []
        for worksheet in book.worksheets:
            if not hasattr(worksheet, "iter_rows"):
                continue  # chart sheets have no cells
            # the sheet's own claim of its size is not trusted: a hostile "A1:XFD1048576"
            # would pad every row to 16,384 cells; rows are padded to the widest read
            worksheet.reset_dimensions()
            rows: list[tuple[Cell, ...]] = [tuple(as_cell(v) for v in row)
                                            for row in worksheet.iter_rows(values_only=True)]
            width = max(map(len, rows), default=0)
            rows = [row + (None,) * (width - len(row)) if len(row) < width else row
                    for row in rows]
            sheets.append(Sheet(file=name, name=worksheet.title, rows=_trim(rows),
                                date1904=date1904))
        return sheets
    except Exception as error:
        raise UnreadableFileError(f"{name}: a sheet of this workbook cannot be read "
                                  f"({type(error).__name__}: {error})") from error
    finally:
        book.close()


def read_csv(path: Path, *, display_name: str | None = None,
             limits: Limits | None = None) -> Sheet:
    """A CSV file as one sheet; the delimiter is sniffed among comma, semicolon, tab and bar.

    Quoted cells may hold line breaks, as Excel writes them; a quoted cell that runs on over
    what look like whole rows of their own (an unbalanced quote) is reported by row.
    """
    name = display_name or path.name
    bounds = limits or Limits()
    data = path.read_bytes()
    text, encoding = decode_text(data)
    sample = text[:20000]
    dialect: type[csv.Dialect] | csv.Dialect
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    previous = csv.field_size_limit(bounds.max_cell_chars)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[tuple[Cell, ...]] = []
    shared: dict[str, str] = {}
    try:
        for row in reader:
            rows.append(tuple(_one_copy(cell, shared) if cell != "" else None for cell in row))
    except csv.Error as error:
        row_number = len(rows) + 1
        message = str(error)
        if "field larger than field limit" in message:
            message = (f"a cell longer than {bounds.max_cell_chars:,} characters (raise "
                       "max_cell_chars under [limits] in case.toml if it is genuine)")
        raise UnreadableFileError(f"{name}, row {row_number} (line {reader.line_num}): "
                                  f"not a readable CSV row: {message}") from error
    finally:
        csv.field_size_limit(previous)
    sheet = Sheet(file=name, name=None, rows=rows, encoding=encoding)
    if encoding.startswith("utf-16") and "\ufffd" in text:
        sheet.notes.append("the file is UTF-16 but its last bytes are cut short: the damaged "
                           "characters are shown as \ufffd")
    sheet.swallowed_rows = swallowed_rows(rows, getattr(dialect, "delimiter", ","))
    return sheet


_DATE_AT_LINE_START = re.compile(r"(?m)^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


def swallowed_rows(rows: list[tuple[Cell, ...]], delimiter: str) -> list[int]:
    """Rows with a cell holding line breaks that themselves look like rows: a line starting
    with a date, or as many delimiters as the table has columns (an unbalanced quote has
    joined the rows after it into one cell)."""
    width = max((len(r) for r in rows[:50]), default=0)
    found = []
    for number, row in enumerate(rows, start=1):
        for cell in row:
            if not isinstance(cell, str) or "\n" not in cell:
                continue
            lines = cell.split("\n")[1:]
            if any(_DATE_AT_LINE_START.match(line) for line in lines) or any(
                    width > 2 and line.count(delimiter) >= width - 1 for line in lines):
                found.append(number)
                break
    return found


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (BOM or not), UTF-16 (BOM or not), else Windows-1252.
    Returns (text, encoding). Damaged bytes become \ufffd, never an exception."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` / ``-be`` when every other byte of the start is a NUL (ASCII text in
    UTF-16 saved without a byte-order mark), else None."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.2 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.2 * len(odd):
        return "utf-16-be"
    return None


def normalise_heading(text: str) -> str:
    """Lower case; every run of punctuation and space becomes one space."""
    return re.sub(r"[^a-z0-9&]+", " ", text.lower().replace("’", "'")).strip()

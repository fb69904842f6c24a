"""Spreadsheets and CSV files as plain rows of cell values.

Workbooks are checked first (:mod:`chronogen.read.package_check`), then read with
python-calamine, or openpyxl in read-only mode (streaming, values only) where calamine
cannot read them as they are. CSV files are decoded as UTF-8 (with or without a
byte-order mark), UTF-16 and, failing those, Windows-1252, which is what Excel on Windows
writes.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import sys
import tempfile
import threading
import warnings
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import IO, Any

from chronogen.errors import InputFileNotFound, UnreadableFileError
from chronogen.model.case import Limits
from chronogen.model.problems import WORD_DOCUMENTS, ProblemCode
from chronogen.read.merged_cells import fill_merged_down
from chronogen.read.ods_sheets import read_ods
from chronogen.read.old_workbooks import NOT_READ_OF_XLS, check_old_workbook, parsed_apart
from chronogen.read.package_check import check_package
from chronogen.read.sheet import Cell, Sheet
from chronogen.read.sheet_parts import SheetParts, parts_possible
from chronogen.read.word_tables import read_word
from chronogen.read.workbook_traits import WorkbookTraits, find_traits

EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
     "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!"}
)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
#: an old-style Excel workbook (:mod:`chronogen.read.old_workbooks`)
OLD_WORKBOOK_SUFFIXES = (".xls",)
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
#: a Word document's tables (:mod:`chronogen.read.word_tables`)
WORD_SUFFIXES = WORD_DOCUMENTS
#: an OpenDocument spreadsheet, LibreOffice Calc's own (:mod:`chronogen.read.ods_sheets`)
ODS_SUFFIXES = (".ods", ".ots")
#: every kind of file read as sheets of rows, a CSV file's aside
SHEET_SUFFIXES = (*WORKBOOK_SUFFIXES, *OLD_WORKBOOK_SUFFIXES, *ODS_SUFFIXES, *WORD_SUFFIXES)


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
    """Read every sheet of a workbook (``.xlsx``, ``.xls``, ``.ods``), the single table of
    a CSV file, or the tables of a Word document, within *limits*."""
    name = display_name or path.name
    bounds = limits or Limits()
    check_regular_file(path, name, bounds)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return [read_csv(path, display_name=name, limits=bounds)]
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path, display_name=name, limits=bounds)
    if suffix in WORD_SUFFIXES:
        return read_word(path, display_name=name, limits=bounds)
    if suffix in OLD_WORKBOOK_SUFFIXES:
        return read_old_workbook(path, name, bounds)
    if suffix in ODS_SUFFIXES:
        return read_ods(path, display_name=name, limits=bounds)
    if suffix == ".doc":
        raise UnreadableFileError(
            f"{name}: old-style .doc documents cannot be read; open it in Word or "
            "LibreOffice and save it as .docx"
        )
    raise UnreadableFileError(
        f"{name}: unsupported file type {suffix or '(none)'!r}; use .xlsx, .xls, .ods, .csv "
        "or .docx"
    )


def read_old_workbook(path: Path, name: str, limits: Limits) -> list[Sheet]:
    """Every worksheet of an old-style ``.xls`` workbook, its records measured first
    (:mod:`~chronogen.read.old_workbooks`), then read by calamine; each says what an
    ``.xls`` cannot tell."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    check_old_workbook(path, name, limits)
    apart = parsed_apart(path, name)
    if apart is not None:
        return [_old_sheet(name, title, hidden, _rows_of(rows)) for title, hidden, rows in apart]
    with _StandardErrorHeld() as held:
        try:
            book = CalamineWorkbook.from_path(str(path))
            return [_old_sheet(name, about.name,
                               about.visible != SheetVisibleEnum.Visible,
                               _calamine_rows(book.get_sheet_by_name(about.name)))
                    for about in book.sheets_metadata
                    if about.typ == SheetTypeEnum.WorkSheet]  # a chart holds no rows
        except Exception as error:
            raise UnreadableFileError(f"{name}: an .xls workbook that could not be read "
                                      f"({error}); open it in Excel and save it as .xlsx"
                                      ) from error
        except BaseException as error:
            if type(error).__name__ != "PanicException":  # a Rust panic is no Exception
                raise
            held.dropped = True
            raise UnreadableFileError(f"{name}: a damaged .xls workbook that could not be "
                                      "read; open it in Excel and save it as .xlsx") from None


def read_workbook(path: Path, *, display_name: str | None = None,
                  limits: Limits | None = None) -> list[Sheet]:
    """Every worksheet of an .xlsx workbook, its package checked first (:mod:`~chronogen.
    read.package_check`).

    python-calamine (Rust) reads it when it can, about fifteen times faster than openpyxl;
    openpyxl (read-only, streaming) is used when calamine is missing or fails, and for
    workbooks holding Excel error cells (``#REF!``), which calamine reads as blanks.
    """
    name = display_name or path.name
    bounds = limits or Limits()
    # a large sheet is parsed in parts as the check passes them, where a second core is
    parts = SheetParts() if parts_possible() else None
    try:
        with _StandardErrorHeld() as held:  # a panic in a part's parse, too
            checked = check_package(path, name, bounds, parts)
            sheets, traits = _read_with_calamine(
                path, name, checked.date1904, partial(find_traits, path, name, bounds, checked),
                parts=parts, members={title: member for member, title, _ in checked.sheets})
            held.dropped = parts is not None and parts.failed
    finally:
        if parts is not None:
            parts.close()
    if sheets is None:
        sheets = _read_with_openpyxl(path, name, checked.date1904)
    for sheet in sheets:  # formulas saved with no value, merged and hidden cells: the package
        sheet.uncached_formulas = list(traits.uncached_formulas.get(sheet.name or "", {}))
        sheet.merged_down = fill_merged_down(sheet.rows, traits.merged.get(sheet.name or "", {}))
        sheet.hidden = sheet.name in traits.hidden_sheets
        # rows the sheet holds: a hidden row with no cell (a million of them, written empty)
        # is nothing read
        sheet.hidden_rows = sorted(row for row in traits.hidden_rows.get(sheet.name or "", {})
                                   if row <= len(sheet.rows))
        sheet.hidden_columns = sorted(traits.hidden_columns.get(sheet.name or "", {}))
        sheet.struck = sorted(traits.struck.get(sheet.name or "", {}))
        sheet.struck_words = traits.struck_words.get(sheet.name or "", {})
        sheet.filled = traits.filled.get(sheet.name or "", {})
        sheet.bold = frozenset(traits.bold.get(sheet.name or "", {}))
        sheet.links = traits.links.get(sheet.name or "", {})
        sheet.comments = traits.comments.get(sheet.name or "", {})
        sheet.ruled = list(traits.ruled.get(sheet.name or "", {}))
        sheet.notes += traits.notes.get(sheet.name or "", [])
    return sheets


def _read_with_calamine(path: Path, name: str, date1904: bool,
                        traits: Callable[[], WorkbookTraits] = WorkbookTraits, *,
                        parts: SheetParts | None = None, members: dict[str, str] | None = None
                        ) -> tuple[list[Sheet] | None, WorkbookTraits]:
    """Every sheet as calamine reads it (None when calamine is missing or fails, or *traits*
    finds error cells), and what *traits* finds: worked out while calamine parses the
    sheets, which it does outside the interpreter's lock, on another core. A sheet *parts*
    parsed in parts (found by its title in *members*: the sheet's part) is taken from
    there."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - calamine is a dependency, but optional in spirit
        return None, traits()
    with _StandardErrorHeld() as held:
        def parse() -> list[tuple[str, Any]]:
            # the workbook is opened (its shared strings parsed again) only for a sheet
            # parsed whole: a workbook of one large sheet, parsed in parts, never is
            book: Any = None
            titles = parts.titles() if parts is not None else None
            if titles is None:
                book = CalamineWorkbook.from_path(str(path))
                titles = book.sheet_names
            parsed = []
            for title in titles:
                sheet = _parsed_in_parts(parts, (members or {}).get(title))
                if sheet is None:
                    if book is None:
                        book = CalamineWorkbook.from_path(str(path))
                    sheet = book.get_sheet_by_name(title)
                parsed.append((title, sheet))
            return parsed

        parsing = _Background(parse)
        try:
            found = traits()
        finally:
            parsing.join()
        if found.has_errors:
            return None, found
        try:
            sheets = []
            for title, parsed in parsing.result():
                sheets.append(Sheet(file=name, name=title, rows=_calamine_rows(parsed),
                                    date1904=date1904))
            return sheets, found
        except Exception:  # calamine's errors are not a stable API: fall back to openpyxl
            return None, found
        except BaseException as error:
            # a panic inside calamine (a date cell of -1e300 days) is raised as pyo3's
            # PanicException, which is not an Exception; Rust has already printed it
            if type(error).__name__ == "PanicException":
                held.dropped = True
                return None, found
            raise


def _parsed_in_parts(parts: SheetParts | None, member: str | None) -> Any:
    """The sheet *member* as *parts* parsed it; None where it is to be parsed whole."""
    return parts.sheet(member) if parts is not None and member is not None else None


class _Background:
    """A function run on a thread of its own; :meth:`result` gives what it returned or
    raises what it raised (a Rust panic included, which is no ``Exception``)."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self._outcome: tuple[bool, Any] = (False, None)
        self._worker = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._worker.start()

    def _run(self, work: Callable[[], Any]) -> None:
        try:
            self._outcome = (True, work())
        except BaseException as error:  # given to the caller by result()
            self._outcome = (False, error)

    def join(self) -> None:
        self._worker.join()

    def result(self) -> Any:
        self._worker.join()
        done, value = self._outcome
        # not kept here: an error refers to the work's frames, which refer to this object (a
        # cycle), and hold what the work opened (calamine's workbook, its file open until
        # the collector found the cycle)
        self._outcome = (False, None)
        if done:
            return value
        try:
            raise value
        finally:
            del value  # nor here: the error's frames would then hold it (a cycle again)


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


def _old_sheet(name: str, title: str, hidden: bool, rows: list[tuple[Cell, ...]]) -> Sheet:
    sheet = Sheet(file=name, name=title, rows=rows, hidden=hidden)
    sheet.notes.append((ProblemCode.OLD_FORMAT, NOT_READ_OF_XLS))
    return sheet


def _calamine_rows(parsed: Any) -> list[tuple[Cell, ...]]:
    """A sheet calamine parsed, as rows of cells, trailing blank rows left out."""
    return _rows_of(parsed.to_python(skip_empty_area=False))


def _rows_of(rows: list[Any]) -> list[tuple[Cell, ...]]:
    """Calamine's rows as rows of cells (in place), trailing blank rows left out."""
    shared: dict[str, str] = {}
    for index, row in enumerate(rows):  # in place: never two copies of the sheet
        rows[index] = _from_calamine_row(row, shared)
    return _trim(rows)


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
    # the file is opened here, and closed whatever openpyxl does: given a path, openpyxl
    # left the file open where it could not read the workbook
    with path.open("rb") as handle:
        return _read_openpyxl_handle(handle, name, date1904)


def _read_openpyxl_handle(handle: IO[bytes], name: str, date1904: bool) -> list[Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
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
        sheet.notes.append((ProblemCode.DAMAGED_TEXT, "the file is UTF-16 but its last bytes "
                            "are cut short: the damaged characters are shown as \ufffd"))
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

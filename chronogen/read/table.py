"""Spreadsheets and CSV files as plain rows of cell values.

Workbooks are read with openpyxl in read-only mode (streaming, values only). CSV files are
decoded as UTF-8 (with or without a byte-order mark) and, failing that, Windows-1252, which
is what Excel on Windows writes.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from chronogen.errors import InputFileNotFound, UnreadableFileError

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


def read_sheets(path: Path, *, display_name: str | None = None) -> list[Sheet]:
    """Read every sheet of a workbook, or the single table of a CSV file."""
    name = display_name or path.name
    if not path.exists():
        raise InputFileNotFound(f"{name}: file not found ({path})")
    if path.is_dir():
        raise UnreadableFileError(f"{name}: is a folder, not a spreadsheet")
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return [read_csv(path, display_name=name)]
    if suffix in WORKBOOK_SUFFIXES:
        return read_workbook(path, display_name=name)
    if suffix == ".xls":
        raise UnreadableFileError(
            f"{name}: old-style .xls workbooks cannot be read; open it in Excel or "
            "LibreOffice and save it as .xlsx"
        )
    raise UnreadableFileError(
        f"{name}: unsupported file type {suffix or '(none)'!r}; use .xlsx or .csv"
    )


def read_workbook(path: Path, *, display_name: str | None = None) -> list[Sheet]:
    """Every worksheet of an .xlsx workbook.

    python-calamine (Rust) reads it when it can, about fifteen times faster than openpyxl;
    openpyxl (read-only, streaming) is used when calamine is missing or fails, and for
    workbooks holding Excel error cells (``#REF!``), which calamine reads as blanks.
    """
    name = display_name or path.name
    date1904, has_errors = _workbook_traits(path, name)
    if not has_errors:
        sheets = _read_with_calamine(path, name, date1904)
        if sheets is not None:
            return sheets
    return _read_with_openpyxl(path, name, date1904)


def _workbook_traits(path: Path, name: str) -> tuple[bool, bool]:
    """(uses the 1904 date system, has Excel error cells), from the package XML."""
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            workbook = package.read("xl/workbook.xml") if "xl/workbook.xml" in names else b""
            date1904 = re.search(rb"date1904=\"(?:1|true)\"", workbook) is not None
            has_errors = any(
                _ERROR_CELL.search(package.read(member)) is not None
                for member in names
                if member.startswith("xl/worksheets/") and member.endswith(".xml")
            )
    except (zipfile.BadZipFile, OSError, KeyError) as error:
        if path.stat().st_size == 0:
            raise UnreadableFileError(f"{name}: the file is empty") from error
        if path.read_bytes()[:8] == _OLE_MAGIC:
            raise UnreadableFileError(
                f"{name}: this is a password-protected workbook or an old-style .xls saved "
                "with an .xlsx name: open it in Excel or LibreOffice, remove the password, and "
                "save it as .xlsx") from error
        raise UnreadableFileError(f"{name}: not a readable .xlsx workbook ({error})") from error
    return date1904, has_errors


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_ERROR_CELL = re.compile(rb"<c\b[^>]*\bt=\"e\"")


def _read_with_calamine(path: Path, name: str, date1904: bool) -> list[Sheet] | None:
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - calamine is a dependency, but optional in spirit
        return None
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = []
        for sheet_name in book.sheet_names:
            rows: list[Any] = book.get_sheet_by_name(sheet_name).to_python(
                skip_empty_area=False)
            for index, row in enumerate(rows):  # in place: never two copies of the sheet
                rows[index] = tuple(_from_calamine(v) for v in row)
            sheets.append(Sheet(file=name, name=sheet_name, rows=_trim(rows),
                                date1904=date1904))
        return sheets
    except Exception:  # calamine's errors are not a stable API: fall back to openpyxl
        return None


def _from_calamine(value: object) -> Cell:
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value  # type: ignore[return-value]


def _trim(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """Drop trailing blank rows and trailing empty cells, as openpyxl leaves them."""
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    return rows


def _read_with_openpyxl(path: Path, name: str, date1904: bool) -> list[Sheet]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise UnreadableFileError(f"{name}: not a readable .xlsx workbook ({error})") from error
    try:
        sheets = []
        for worksheet in book.worksheets:
            if not hasattr(worksheet, "iter_rows"):
                continue  # chart sheets have no cells
            rows: list[tuple[Cell, ...]] = list(worksheet.iter_rows(values_only=True))
            sheets.append(Sheet(file=name, name=worksheet.title, rows=_trim(rows),
                                date1904=date1904))
        return sheets
    finally:
        book.close()


def read_csv(path: Path, *, display_name: str | None = None) -> Sheet:
    """A CSV file as one sheet; the delimiter is sniffed among comma, semicolon, tab and bar."""
    name = display_name or path.name
    data = path.read_bytes()
    text, encoding = decode_text(data)
    sample = text[:20000]
    dialect: type[csv.Dialect] | csv.Dialect
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    try:
        rows: list[tuple[Cell, ...]] = [
            tuple(cell if cell != "" else None for cell in row)
            for row in csv.reader(io.StringIO(text, newline=""), dialect)
        ]
    except csv.Error as error:
        raise UnreadableFileError(f"{name}: not a readable CSV file ({error})") from error
    return Sheet(file=name, name=None, rows=rows, encoding=encoding)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (BOM or not), else Windows-1252. Returns (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def normalise_heading(text: str) -> str:
    """Lower case; every run of punctuation and space becomes one space."""
    return re.sub(r"[^a-z0-9&]+", " ", text.lower().replace("’", "'")).strip()

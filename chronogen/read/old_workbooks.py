"""An old-style Excel workbook (``.xls``, Excel 97-2003), checked before it is read.

Many case-management and health systems still export ``.xls``. calamine reads one, but sets
aside room for every cell of the area its cells span before it hands a row back: a file of
a few kilobytes holding one cell at the last row and column of a sheet would ask for
sixteen million. So the workbook's own records are read first (the cells' places only,
record by record, in time linear in the file), each sheet's area measured and held to
``max_cells``, and a workbook saved with a password refused, as an ``.xlsx`` is.

calamine then reads it in a process of its own: a damaged file's length fields can make
calamine ask for hundreds of gigabytes, which aborts the process that asked (no error to
catch); the abort of a process of its own is a damaged file, said as one.

What an ``.xls`` cannot tell chronogen, as an ``.xlsx`` can: how its cells look (struck
through, filled, bold), its merged cells, hidden rows and columns, comments and links.
Each sheet read says so.
"""

from __future__ import annotations

import io
import os
import pickle
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits

#: the records that place a cell (row, column first): a shared text, a number, an RK
#: number, a blank, a formula, a boolean or error, a text of its own, rich text
_CELLS = frozenset({0x00FD, 0x0203, 0x027E, 0x0201, 0x0006, 0x0205, 0x0204, 0x00D6})
#: the records that place a run of cells in one row: (row, first column, ..., last column)
_RUNS = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK
_BOF, _EOF, _FILEPASS, _BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0085
#: a record's kind and length; and with them the row and column a cell's record opens with
_RECORD, _RECORD_AND_PLACE = struct.Struct("<HH"), struct.Struct("<HHHH")
#: what the workbook's stream is named: Excel 97 and later, and Excel 5 and 95
_STREAMS = ("Workbook", "Book")
#: what every sheet read of an .xls says
NOT_READ_OF_XLS = (
    "an old-style .xls: the words and dates of its cells are read, but not how they look "
    "(struck through, filled, bold), its merged cells, hidden rows and columns, comments or "
    "links; save it as .xlsx for those to be read too")


@dataclass
class OldWorkbook:
    """What the records say before a cell is read: each sheet's area, in order."""

    #: the cells each sheet's cells span (rows x columns, from the first), in the order of
    #: the workbook's sheets
    areas: list[int] = field(default_factory=list)


def check_old_workbook(path: Path, name: str, limits: Limits) -> OldWorkbook:
    """Measure an ``.xls`` before it is read (see the module's description); refuse one that
    is no such workbook, is saved with a password, or spans more than ``max_cells``."""
    import olefile

    try:
        if not olefile.isOleFile(str(path)):
            raise UnreadableFileError(
                f"{name}: not an old-style .xls workbook (an .xlsx renamed .xls, perhaps): "
                "save it again from Excel or LibreOffice as .xlsx")
        with olefile.OleFileIO(str(path)) as package:
            if package.exists("EncryptionInfo"):
                raise _protected(name)
            stream = next((s for s in _STREAMS if package.exists(s)), None)
            if stream is None:
                raise UnreadableFileError(
                    f"{name}: an old-style Office file holding no workbook (a Word .doc "
                    "renamed .xls, perhaps)")
            size = package.get_size(stream)
            if size > limits.max_sheet_mb * 1_000_000:
                raise UnreadableFileError(
                    f"{name}: its workbook is {size / 1_000_000:.0f} MB, over the limit of "
                    f"{limits.max_sheet_mb} MB (max_sheet_mb under [limits] in case.toml)")
            data = package.openstream(stream).read()
    except UnreadableFileError:
        raise
    except Exception as error:  # whatever olefile raises of a damaged file
        raise UnreadableFileError(f"{name}: a damaged .xls workbook that cannot be read "
                                  f"({error}); open it in Excel and save it as .xlsx"
                                  ) from error
    return _measure(data, name, limits)


def _protected(name: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name}: this workbook is saved with a password: open it in Excel or LibreOffice, "
        "remove the password, and save it as .xlsx")


def _measure(data: bytes, name: str, limits: Limits) -> OldWorkbook:
    """Each sheet's area, record by record, measured from where the workbook's own list of
    sheets (its first substream, up to its EOF) says the sheet begins, as calamine reads
    it, to the sheet's EOF."""
    found = OldWorkbook()
    titles: list[str] = []  # the sheets' titles, as the workbook's own records list them
    starts: list[int] = []  # where each sheet's records begin
    record = _RECORD.unpack_from
    at, end = 0, len(data)
    while at + 4 <= end:  # the workbook's own substream: its password, its sheets
        kind, length = record(data, at)
        body, at = at + 4, at + 4 + length
        if at > end or (kind == _EOF and titles):
            break
        if kind == _FILEPASS:
            raise _protected(name)
        if kind == _BOUNDSHEET and length >= 8:
            count, wide = data[body + 6], data[body + 7] & 1
            written = data[body + 8:min(body + 8 + count * (1 + wide), at)]
            titles.append(written.decode("utf-16-le" if wide else "latin-1", "replace"))
            starts.append(struct.unpack_from("<I", data, body)[0])
    budget = 4 * end + 1_000_000  # sheets told to begin inside each other are read again
    measured: dict[int, tuple[int, int, int]] = {}
    for number, start in enumerate(starts):
        if start not in measured:
            measured[start] = _sheet_extent(data, start)
            budget -= measured[start][2]
            if budget < 0:
                raise UnreadableFileError(
                    f"{name}: its list of sheets sends the reader over the same records again "
                    "and again: a damaged file; open it in Excel and save it as .xlsx")
        rows, columns, _ = measured[start]
        found.areas.append(_held_to(rows * columns, rows, columns, number, titles, name,
                                    limits))
    return found


def _sheet_extent(data: bytes, start: int) -> tuple[int, int, int]:
    """One past the last row and the last column of the cells of the sheet whose records
    begin at *start*, to its EOF (or the stream's end); and the bytes read."""
    rows = columns = 0
    record, place = _RECORD.unpack_from, _RECORD_AND_PLACE.unpack_from
    cells, runs = _CELLS, _RUNS
    at, end = start, len(data)
    while at + 4 <= end:
        if at + 8 <= end:  # the record's kind and length, and what may be a cell's place
            kind, length, row, column = place(data, at)
        else:
            (kind, length), row, column = record(data, at), 0, 0
        body = at + 4
        at = body + length
        if at > end:
            break  # a record cut short at the stream's end
        if kind in cells:  # most records: a cell
            if length >= 4:
                if row >= rows:
                    rows = row + 1
                if column >= columns:
                    columns = column + 1
        elif kind in runs and length >= 6:
            last = struct.unpack_from("<H", data, body + length - 2)[0]  # its last column
            rows, columns = max(rows, row + 1), max(columns, column + 1, last + 1)
        elif kind == _EOF:
            break
    return rows, columns, at - start


def _held_to(area: int, rows: int, columns: int, number: int, titles: list[str], name: str,
             limits: Limits) -> int:
    """A sheet's *area*, refused where it is over ``max_cells``."""
    if area > limits.max_cells:
        said = repr(titles[number]) if number < len(titles) else str(number + 1)
        raise UnreadableFileError(
            f"{name}, sheet {said}: its cells span an area of {area:,} cells (to row "
            f"{rows:,}, column {columns:,}), over the limit of {limits.max_cells:,} "
            "(max_cells under [limits] in case.toml): a stray cell far from the rest, or a "
            "damaged file")
    return area



#: what the process of its own runs: calamine's reading of every worksheet, pickled (its
#: title, whether the workbook hides it, its rows), with its memory held to a bound
_PARSE = """
import pickle, sys
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))
except (ImportError, ValueError, OSError):
    pass
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum
book = CalamineWorkbook.from_path(sys.argv[1])
sheets = [(about.name, about.visible != SheetVisibleEnum.Visible,
           book.get_sheet_by_name(about.name).to_python(skip_empty_area=False))
          for about in book.sheets_metadata if about.typ == SheetTypeEnum.WorkSheet]
pickle.dump(sheets, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
"""
#: the only things the pickled rows may hold beside text, numbers and booleans
_CELL_CLASSES = {("datetime", "datetime"): datetime, ("datetime", "date"): date,
                 ("datetime", "time"): time, ("datetime", "timedelta"): timedelta}


class _Rows(pickle.Unpickler):
    """An unpickler of rows of cells: no class but a date's or a time's is made."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _CELL_CLASSES[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is no cell") from None


def parsed_apart(path: Path, name: str) -> list[tuple[str, bool, list[list[Any]]]] | None:
    """Each worksheet of an ``.xls`` as calamine reads it in a process of its own: (title,
    hidden, rows). None where no process can be started (an interpreter embedding chronogen
    without a Python to start): the caller reads it in its own."""
    try:
        done = subprocess.run([sys.executable, "-c", _PARSE, str(path)], capture_output=True,
                              timeout=600, check=False,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    except (OSError, ValueError):
        return None
    except subprocess.TimeoutExpired:
        raise UnreadableFileError(f"{name}: reading the .xls workbook did not end in ten "
                                  "minutes; open it in Excel and save it as .xlsx") from None
    if done.returncode != 0:
        why = ("its records ask for more memory than any workbook needs"
               if b"memory allocation" in done.stderr or b"MemoryError" in done.stderr
               else f"the reader stopped: {_last_line(done.stderr)}")
        raise UnreadableFileError(f"{name}: a damaged .xls workbook that could not be read "
                                  f"({why}); open it in Excel and save it as .xlsx")
    try:
        sheets: list[tuple[str, bool, list[list[Any]]]] = _Rows(io.BytesIO(done.stdout)).load()
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as error:
        raise UnreadableFileError(f"{name}: the .xls workbook could not be read ({error})"
                                  ) from error
    return sheets


def _last_line(stderr: bytes) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip()[:200] if lines else "no reason given"

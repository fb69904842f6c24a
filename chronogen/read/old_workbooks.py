"""An old-style Excel workbook (``.xls``, Excel 97-2003), checked before it is read.

Many case-management and health systems still export ``.xls``. calamine reads one, but sets
aside room for every cell of the area its cells span before it hands a row back: a file of
a few kilobytes holding one cell at the last row and column of a sheet would ask for
sixteen million. So the workbook's own records are read first (the cells' places only,
record by record, in time linear in the file), each sheet's area measured and held to
``max_cells``, and a workbook saved with a password refused, as an ``.xlsx`` is.

What an ``.xls`` cannot tell chronogen, as an ``.xlsx`` can: how its cells look (struck
through, filled, bold), its merged cells, hidden rows and columns, comments and links.
Each sheet read says so.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

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
    except (OSError, ValueError, struct.error) as error:  # olefile's own, for a damaged file
        raise UnreadableFileError(f"{name}: a damaged .xls workbook that cannot be read "
                                  f"({error}); open it in Excel and save it as .xlsx"
                                  ) from error
    return _measure(data, name, limits)


def _protected(name: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name}: this workbook is saved with a password: open it in Excel or LibreOffice, "
        "remove the password, and save it as .xlsx")


def _measure(data: bytes, name: str, limits: Limits) -> OldWorkbook:
    """Each sheet's area, record by record: a sheet is the stream between a BOF record
    and its EOF after the workbook's own (the first)."""
    found = OldWorkbook()
    titles: list[str] = []  # the sheets' titles, as the workbook's own records list them
    substreams = 0
    rows = columns = 0  # of the sheet being read: one past its last row and column
    at, end = 0, len(data)
    record, place = _RECORD.unpack_from, _RECORD_AND_PLACE.unpack_from
    cells, runs = _CELLS, _RUNS
    while at + 4 <= end:
        if at + 8 <= end:  # the record's kind and length, and what may be a cell's place
            kind, length, row, column = place(data, at)
        else:
            (kind, length), row, column = record(data, at), 0, 0
        body = at + 4
        at = body + length
        if kind in cells:  # most records: a cell
            if substreams > 1 and length >= 4:
                if row >= rows:
                    rows = row + 1
                if column >= columns:
                    columns = column + 1
            continue
        if kind in runs and substreams > 1 and length >= 6:
            last = struct.unpack_from("<H", data, body + length - 2)[0]  # its last column
            rows, columns = max(rows, row + 1), max(columns, column + 1, last + 1)
        elif kind == _BOF:
            substreams += 1
            rows = columns = 0
        elif kind == _FILEPASS and substreams == 1:
            raise _protected(name)
        elif kind == _BOUNDSHEET and substreams == 1 and length >= 8:
            count, wide = data[body + 6], data[body + 7] & 1
            written = data[body + 8:min(body + 8 + count * (1 + wide), at)]
            titles.append(written.decode("utf-16-le" if wide else "latin-1", "replace"))
        elif kind == _EOF and substreams > 1:
            area = rows * columns
            if area > limits.max_cells:
                number = len(found.areas)
                said = repr(titles[number]) if number < len(titles) else str(number + 1)
                raise UnreadableFileError(
                    f"{name}, sheet {said}: its cells span an area of "
                    f"{area:,} cells (to row {rows:,}, column {columns:,}), over the limit "
                    f"of {limits.max_cells:,} (max_cells under [limits] in case.toml): a "
                    "stray cell far from the rest, or a damaged file")
            found.areas.append(area)
            rows = columns = 0
    return found

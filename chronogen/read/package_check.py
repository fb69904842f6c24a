"""The check of a workbook's package before a cell of it is read.

Each sheet's unzipped size and compression ratio, the shared-string table's claim, and the
area a sheet's cells span (the area calamine allocates whole) must be within the case's
limits: a zip bomb, or a single cell at XFD1048576, is refused here, in seconds and little
memory. What calamine would read silently wrong, or not at all, is found by a second pass
(:mod:`chronogen.read.workbook_traits`), beside calamine's parsing.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import IO

from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.read.sheet_parts import Cut, SheetParts

#: a cell's opening as every writer known writes it (``<c r="A1"``, groups: letters, digits),
#: or any other cell opening (no groups: then the window is read element by element)
_CELL_START = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"|[\s/>])')
#: a cell written plainly, from its opening: (column letters, row digits)
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
#: a cell or a formula with a namespace prefix (``<x:c``, ``<x:f>``): the window is then read
#: element by element (a prefixed formula inside a plain cell is still one calamine reads)
_PREFIXED_CELL = re.compile(rb':[cf][\s/>]')
#: an element's namespace prefix, if it has one (``x:`` in ``<x:c``)
XML_PREFIX = rb'(?:[^\s<>/!?:]*:)?'
#: a tag's attributes, quoted values whole. No pattern here looks for a tag's end past a
#: "<" (XML allows none inside a tag, quoted or not): from each of a megabyte of tags never
#: closed, the search ran on to the end, and a workbook of 3 KB took hours.
_ATTRIBUTES = rb'(?:[^<>"\']|"[^<"]*"|\'[^<\']*\')*'
#: a cell or row element whatever its prefix, spacing and quotes: (name, attributes)
_ELEMENT = re.compile(rb'<' + XML_PREFIX + rb'(c|row)(?=[\s/>])(' + _ATTRIBUTES + rb')>')
R_ATTRIBUTE = re.compile(rb'\sr\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
CELL_REFERENCE = re.compile(rb'\s*([A-Za-z]+)([0-9]+)\s*')
_CHUNK = 1 << 20
#: the opening bytes of an OLE file: an old .xls, or a password-protected workbook
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the most megabytes of a part's XML read with no tag beginning in them (held whole until
#: one does: a cell's text is at most 32,767 characters, a row's a few megabytes)
_LONGEST_RUN = 16


@dataclass
class CheckedPackage:
    """A workbook's package found within the limits: what reading it needs next."""

    date1904: bool = False
    #: (part name, sheet title, written plainly) of each worksheet part, in package order
    sheets: list[tuple[str, str, bool]] = field(default_factory=list)


def check_package(path: Path, name: str, limits: Limits,
                  parts: SheetParts | None = None) -> CheckedPackage:
    """Check a workbook's package before reading it: every sheet's unzipped size, its
    compression ratio and the area its cells span must be within *limits* (a zip bomb, or a
    single cell at XFD1048576, is refused here, in seconds and little memory). Streams each
    sheet's XML once (twice if it is not written as every known writer writes it); a large
    sheet's XML is given to *parts* as it is measured, to be parsed in parts meanwhile."""
    checked = CheckedPackage()
    with opened_package(path, name) as package:
        names = package.namelist()
        if "xl/workbook.xml" in names and \
                package.getinfo("xl/workbook.xml").file_size > 50_000_000:
            raise UnreadableFileError(f"{name}: the workbook's index is implausibly large")
        workbook = package.read("xl/workbook.xml") if "xl/workbook.xml" in names else b""
        checked.date1904 = re.search(rb"date1904=\"(?:1|true)\"", workbook) is not None
        titles = _sheet_titles(package, workbook)
        # the shared-string table before any sheet: a part of a sheet may be parsed before
        # the next sheet is checked, and calamine parses the table with it
        for info in package.infolist():
            if info.filename.lower().endswith("sharedstrings.xml"):
                check_part_size(info, name, "the shared-string table", limits)
                _check_shared_strings(package, info, name, limits)
        for info in package.infolist():
            member = info.filename
            if not (member.startswith("xl/worksheets/") and member.endswith(".xml")):
                continue
            title = titles.get(member, member)
            check_part_size(info, name, f"sheet {title!r}", limits)
            cut = parts.cut(package, info, title) if parts is not None else None
            _, plainly = _measure_sheet(package, info, name, title, limits, cut)
            checked.sheets.append((member, title, plainly))
    return checked


#: what reading a damaged archive raises: its own error, a bad read, a member missing, the
#: compressed bytes damaged (zlib's, found only as a part is unpacked), a name not in the
#: encoding its flag says, a file cut short, a compression method no one uses
DAMAGED_ARCHIVE = (zipfile.BadZipFile, OSError, KeyError, zlib.error, UnicodeDecodeError,
                   EOFError, NotImplementedError)


@contextlib.contextmanager
def opened_package(path: Path, name: str) -> Iterator[zipfile.ZipFile]:
    """The workbook's package; a file that is not one is refused, saying what it is."""
    try:
        with zipfile.ZipFile(path) as package:
            yield package
    except DAMAGED_ARCHIVE as error:
        raise unopened(path, name, error, kind="workbook", old=".xls", suffix=".xlsx",
                       program="Excel") from error


def unopened(path: Path, name: str, error: Exception, *, kind: str, old: str, suffix: str,
             program: str) -> UnreadableFileError:
    """Why a file meant to be a package (an .xlsx *kind* "workbook", a .docx "document")
    would not open, in words: empty, an old-style or password-protected file (*old*), or
    not a package at all."""
    if path.stat().st_size == 0:
        return UnreadableFileError(f"{name}: the file is empty")
    with path.open("rb") as handle:
        magic = handle.read(8)
    article = {".xlsx": "an"}.get(suffix, "a")  # as it is said: an .xlsx, a .docx
    if magic == _OLE_MAGIC:
        return UnreadableFileError(
            f"{name}: this is a password-protected {kind} or an old-style {old} saved "
            f"with {article} {suffix} name: open it in {program} or LibreOffice, remove the "
            f"password, and save it as {suffix}")
    return UnreadableFileError(f"{name}: not a readable {suffix} {kind} ({error})")


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
            titles[part] = xml_text(title.decode("utf-8", "replace"))
    return titles


def xml_text(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def check_part_size(info: zipfile.ZipInfo, name: str, part: str, limits: Limits) -> None:
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
_TABLE_START = re.compile(rb'<' + XML_PREFIX + rb'sst(?=[\s/>])(' + _ATTRIBUTES + rb')>')
_UNIQUE_COUNT = re.compile(rb'\suniqueCount\s*=\s*["\']\s*\+?([0-9]+)')


def _check_shared_strings(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                          limits: Limits) -> None:
    """Refuse a shared-string table claiming more strings than a sheet may hold cells:
    calamine sets aside room for the claimed number first (a claim of four billion, in a
    file of a few hundred bytes, asked for 96 GB and stopped the process)."""
    part = "the shared-string table"
    with package.open(info) as stream:
        for window in xml_windows(stream, name, part, limits):
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


def column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _measure_sheet(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, title: str,
                   limits: Limits, cut: Cut | None = None) -> tuple[_Reach, bool]:
    """Stream one sheet's XML for the area its cells span, refusing one over the limit;
    and whether it is written plainly.

    A sheet written as every known writer writes it is read once, cells found by their
    plain ``<c r="A1"`` opening; any other (single quotes, a prefix such as ``<x:c``,
    spaces round ``=``, lower-case or over-long references, cells or rows with no
    reference) is read again from the start, element by element, as calamine will place
    its cells: a cell at XFD1048576 written any of these ways is refused before calamine
    is asked to allocate the area. Each window of a sheet written plainly is given to *cut*
    once measured; a sheet that is not is never cut."""
    reach = _Reach()
    if _measure_windows(package, info, name, title, limits, reach, plainly=True, cut=cut):
        if cut is not None:
            cut.end()
        return reach, True
    if cut is not None:
        cut.drop()
    reach = _Reach()
    _measure_windows(package, info, name, title, limits, reach, plainly=False)
    return reach, False


def _measure_windows(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, title: str,
                     limits: Limits, reach: _Reach, *, plainly: bool,
                     cut: Cut | None = None) -> bool:
    """One pass over a sheet's XML; False when *plainly* and a window was not plain."""
    with package.open(info) as stream:
        for window in xml_windows(stream, name, f"sheet {title!r}", limits):
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
            if cut is not None:  # measured: within the limits, as is all before it
                cut.take(window)
    return True


def xml_windows(stream: IO[bytes], name: str, part: str, limits: Limits
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
        if self.columns and self._within_reach(window):
            return True
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
        self.columns = max(self.columns, column_number(widest.lstrip(b"@")))
        self.rows = max(self.rows, max(map(int, {digits for _, digits in starts})))
        return True

    def _within_reach(self, window: bytes) -> bool:
        """True, taking in its last cell's row, when a window's every cell is written plainly
        and none is further right than the columns already reached or further down than
        the window's last cell: one search, not a reference made for every cell (a sheet
        of 1.2 million cells: 0.28 s → 0.17 s); False (taking in nothing) when a cell is
        (then every cell is read)."""
        where = window.rfind(b'<c r="')
        last = _PLAIN_CELL.match(window, where) if where >= 0 else None
        # a last row written with a leading zero ("A01") is no bound the search can hold
        # others to by their digits: "A2" has fewer, and is further down
        if last is None or last.group(2).startswith(b"0") or \
                _PREFIXED_CELL.search(window) is not None:
            return False
        if _not_within(column_letters(self.columns), last.group(2)).search(window) is not None:
            return False
        self.rows = max(self.rows, int(last.group(2)))
        return True

    def read_exactly(self, window: bytes, name: str, title: str) -> None:
        """Take in a window element by element, whatever its quotes, spacing, prefixes or
        missing references; a reference that is not one is refused (calamine would fail)."""
        for element, attributes in _ELEMENT.findall(window):
            found = R_ATTRIBUTE.search(attributes)
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
                parts = CELL_REFERENCE.fullmatch(value)
                if parts is None:
                    raise _not_a_reference(name, title, value)
                self.column = column_number(parts.group(1).upper())
                row = int(parts.group(2))
            self.columns = max(self.columns, self.column)
            self.rows = max(self.rows, row)


def _not_within(columns: str, row: bytes) -> re.Pattern[bytes]:
    """A cell opening that is not written plainly, or whose reference is further right than
    *columns* or further down than *row*. Written as what a cell within is not: at each
    cell of a window where every cell is within (nearly every window) the search fails at
    its first look ahead, where a pattern for each way of being further out tried them all
    (a sheet of 1.2 million cells: 0.21 s → 0.14 s). Same-length letters and digits
    compare as their numbers do; fewer are smaller (a leading zero is counted as a digit,
    so a row written with one is further out, and measured exactly)."""
    return re.compile(rb'<c(?=[\s/>])(?! r="(?:' + _at_most(columns, "A", "Z") + rb')(?:'
                      + _at_most(row.decode(), "0", "9") + rb')")')


def _at_most(text: str, lowest: str, highest: str) -> bytes:
    """A pattern for the strings of characters *lowest*..*highest* not greater than *text*:
    shorter, or as long and smaller at some place, or *text* itself."""
    any_one = f"[{lowest}-{highest}]"
    ways = [f"{any_one}{{1,{len(text) - 1}}}+"] if len(text) > 1 else []
    ways += [f"{text[:place]}[{lowest}-{chr(ord(held) - 1)}]{any_one}{{{len(text) - place - 1}}}"
             for place, held in enumerate(text) if held > lowest]
    ways.append(text)
    return "|".join(ways).encode()


def column_letters(number: int) -> str:
    """Excel's letters for a column counted from 1 (1 -> A, 28 -> AB)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _not_a_reference(name: str, title: str, value: bytes) -> UnreadableFileError:
    shown = value[:40].decode("utf-8", "replace")
    return UnreadableFileError(f"{name}: sheet {title!r} has a cell or row whose reference "
                               f"{shown!r} is not one: the file is damaged or hostile")


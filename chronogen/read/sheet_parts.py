"""A large sheet parsed by calamine in parts, side by side, as the package's check passes
each part.

Calamine parses a sheet on one core, and only once the check is done: a cell at XFD1048576
must be refused before calamine allocates the area it spans. A sheet of many megabytes is
cut here, at the ends of its rows, into a few parts. As soon as the check has measured a
part, it is parsed as a sheet of its own (a small package: the workbook's own parts beside
the sheet's opening, the part's rows and a close), on a thread of its own, while the check
goes on with the next: the check and the parse, one after the other before, share the
machine's cores. The parts' cells are then put together as calamine places the whole
sheet's, each at its reference. Where they cannot be (a part calamine fails on, rows out of
order from one part to the next), the sheet is parsed whole, as before; a sheet the check
finds not written plainly (cells without references) is never cut.
"""

from __future__ import annotations

import io
import os
import zipfile
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Any

from chronogen.bulk import give_back_freed_memory

#: a sheet's XML is cut into parts from this size (about 25,000 rows of a dozen columns);
#: a smaller sheet is parsed whole in a moment
SPLIT_FROM = 16_000_000
#: how many parts a sheet is cut into, where its size allows (a part is parsed on each of
#: two threads, the first while the check measures the rest)
PARTS = 4
#: a part's size, at least and at most: a part is held two or three times over while it is
#: parsed (its XML, its package, calamine's copy), and the check waits while two parts
#: are parsed and one more is ready
SMALLEST_PART = 4_000_000
LARGEST_PART = 32_000_000
#: each part parses the workbook's shared-string table again: a part is this many times its
#: size at least (a sheet whose table is too large for that is parsed whole)
SHARED_STRINGS_TIMES = 4
#: where a sheet's rows begin, in its opening (no sheet written another way is cut)
_ROWS_BEGIN = b"<sheetData>"
_CLOSE = b"</sheetData></worksheet>"
#: what a part's package holds beside the sheet: every part of the workbook but its sheets,
#: drawings and pictures, up to this size each (the shared strings and styles whatever theirs)
_LARGEST_OTHER = 1_000_000


def parts_possible() -> bool:
    """Whether this machine gives a second core to parse on."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # pragma: no cover - not Linux
        return (os.cpu_count() or 1) > 1


class SheetParts:
    """The large sheets of one workbook, cut into parts and parsed as the check passes them.

    :meth:`cut` is asked, for each sheet the check measures, for a :class:`Cut` to give
    the sheet's windows to (None for a sheet not cut); :meth:`sheet` gives what was parsed,
    to be read as calamine's own sheet is read (``to_python``), or None where the sheet is
    to be parsed whole."""

    def __init__(self, *, workers: int = 2) -> None:
        self._workers = workers
        self._pool = ThreadPoolExecutor(max_workers=workers,
                                        thread_name_prefix="chronogen-parts")
        self._in_flight: list[Future[Any]] = []
        self._frame: dict[str, bytes] | None = None
        self._shared_size = 0
        self._cuts: dict[str, Cut] = {}
        self.failed = False  # a part calamine failed on (a panic's lines are then its own)
        self.used = False  # a sheet was cut

    def cut(self, package: zipfile.ZipFile, info: zipfile.ZipInfo, title: str) -> Cut | None:
        """A cut for the sheet part *info* (titled *title*), if it is large enough to cut."""
        if info.file_size < SPLIT_FROM:
            return None
        if self._frame is None:
            self._frame = _frame(package)
            self._shared_size = sum(len(data) for name, data in self._frame.items()
                                    if name.lower().endswith("sharedstrings.xml"))
        part = max(SMALLEST_PART, -(-info.file_size // PARTS),
                   SHARED_STRINGS_TIMES * self._shared_size)
        if part > LARGEST_PART and SHARED_STRINGS_TIMES * self._shared_size > LARGEST_PART:
            return None
        cut = Cut(self, info.filename, title, min(part, LARGEST_PART))
        self._cuts[info.filename] = cut
        self.used = True
        return cut

    def titles(self) -> list[str] | None:
        """The workbook's sheet titles as calamine reads them (in order, hidden sheets too)
        from the package of the first part it parsed, which holds the workbook's own index
        and relationships: what opening the workbook itself would give; None where no part
        was parsed."""
        for cut in self._cuts.values():
            for future in cut.parsing:
                if future.exception() is None:
                    return list(future.result()[0])
        return None

    def sheet(self, member: str) -> _Parsed | None:
        """The sheet *member* as its parts were parsed, put together; None where it was not
        cut, or its parts cannot be put together as the whole sheet's cells (it is then
        parsed whole)."""
        cut = self._cuts.pop(member, None)
        if cut is None or not cut.whole:
            return None
        sheets = []
        for future in cut.parsing:
            error = future.exception()
            if error is not None:
                self.failed = True
                return None
            sheets.append(future.result()[1])
        return _Parsed.of(sheets)

    def close(self) -> None:
        """Stop: parts not yet begun are dropped. The memory calamine's parts used is given
        back to the system: the C library keeps what a thread frees for that thread to use
        again, and these threads are done (a 100,000-row sheet's 100 MB was otherwise held
        to the end of the reading, past the memory of parsing it whole)."""
        self._cuts.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self.used:
            give_back_freed_memory()

    def _parse(self, member: str, title: str, xml: list[bytes]) -> Future[Any]:
        """A part to parse, once no more than a part for each thread is waiting (the check
        waits here: never a sheet's worth of parts held at once)."""
        assert self._frame is not None
        while len(waiting := [f for f in self._in_flight if not f.done()]) > self._workers:
            wait(waiting, return_when=FIRST_COMPLETED)
        self._in_flight = [*waiting, self._pool.submit(_parse_part, self._frame, member,
                                                       title, xml)]
        return self._in_flight[-1]


class Cut:
    """One sheet's windows, gathered into parts as the check passes them."""

    def __init__(self, parts: SheetParts, member: str, title: str, size: int) -> None:
        self._parts, self._member, self._title, self._size = parts, member, title, size
        self._opening: bytes | None = None
        self._before_rows = b""  # the opening so far, where a window ended inside it
        self._held: list[bytes] = []
        self._held_size = 0
        self.parsing: list[Future[Any]] = []
        self.whole = False  # every window taken, and the sheet written plainly

    def take(self, window: bytes) -> None:
        """A window of the sheet's XML the check has measured (within the limits)."""
        if self._size < 0:  # dropped
            return
        if self._opening is None:  # the sheet's opening may run over several windows
            window = self._before_rows + window
            begins = window.find(_ROWS_BEGIN)
            if begins < 0:
                self._before_rows = window
                if len(window) > LARGEST_PART:
                    self.drop()
                return
            self._opening = window[:begins + len(_ROWS_BEGIN)]
            self._before_rows = b""
            window = window[begins + len(_ROWS_BEGIN):]
        self._held.append(window)
        self._held_size += len(window)
        # a part ends where a row does (a window may end inside a row of over a megabyte)
        if self._held_size >= self._size and window.endswith(b"</row>"):
            self._send([*self._held, _CLOSE])

    def end(self) -> None:
        """Every window is taken: the last part is sent, ending where the sheet does (its
        own close, and what follows it)."""
        if self._size < 0 or self._opening is None:
            return
        if not any(b"</sheetData>" in window for window in self._held[-2:]):
            self.drop()  # not closed as a cut expects
            return
        self._send(self._held)
        self.whole = True

    def drop(self) -> None:
        """The sheet is to be parsed whole (not written plainly, or not as a cut expects)."""
        self._size = -1
        self._held = []
        self._before_rows = b""
        for future in self.parsing:
            future.cancel()
        self.parsing.clear()

    def _send(self, rows: list[bytes]) -> None:
        assert self._opening is not None
        self.parsing.append(self._parts._parse(self._member, self._title,
                                               [self._opening, *rows]))
        self._held = []
        self._held_size = 0


def _frame(package: zipfile.ZipFile) -> dict[str, bytes]:
    """The workbook's parts a part's package holds beside its sheet."""
    frame = {}
    for info in package.infolist():
        name = info.filename
        lower = name.lower()
        if lower.startswith(("xl/worksheets/", "xl/drawings/", "xl/media/", "xl/charts/",
                             "xl/embeddings/", "xl/comments", "xl/threadedcomments/")):
            continue
        if info.file_size <= _LARGEST_OTHER or lower.endswith(("sharedstrings.xml",
                                                               "styles.xml")):
            frame[name] = package.read(info)
    return frame


def _parse_part(frame: dict[str, bytes], member: str, title: str, xml: list[bytes]
                ) -> tuple[list[str], Any]:
    """The workbook's sheet titles and calamine's sheet *title*, of a package of *frame*'s
    parts and *xml*'s pieces as the sheet *member* (made here, on the part's own thread)."""
    from python_calamine import CalamineWorkbook

    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_STORED) as package:
        for name, data in frame.items():
            package.writestr(name, data)
        with package.open(member, "w") as sheet:
            for piece in xml:
                sheet.write(piece)
    xml.clear()
    written.seek(0)
    book = CalamineWorkbook.from_filelike(written)
    written.close()
    return book.sheet_names, book.get_sheet_by_name(title)


class _Parsed:
    """A sheet's parts as calamine parsed them, read as its whole sheet is read."""

    def __init__(self, parts: list[Any]) -> None:
        self._parts = parts

    @classmethod
    def of(cls, sheets: list[Any]) -> _Parsed | None:
        """The parts, put together; None where a part's rows are not all below the part's
        before it (the whole sheet is then parsed, and calamine places its cells)."""
        filled = [sheet for sheet in sheets if sheet.start is not None]
        last = -1
        for sheet in filled:
            if sheet.start[0] <= last:
                return None
            last = sheet.end[0]
        return cls(filled)

    def to_python(self, skip_empty_area: bool = False) -> list[list[Any]]:
        """The sheet's rows from its first (row 1, column A), each as wide as the widest
        part: calamine's own ``to_python(skip_empty_area=False)`` of the whole sheet."""
        assert not skip_empty_area
        if not self._parts:
            return []
        width = max(sheet.end[1] for sheet in self._parts) + 1
        first, *others = self._parts
        rows: list[list[Any]] = first.to_python(skip_empty_area=False)
        self._parts = []  # each part's cells freed as soon as they are taken
        if first.end[1] + 1 < width:
            for row in rows:
                row.extend([""] * (width - len(row)))
        del first
        while others:
            sheet = others.pop(0)
            (top, left), right = sheet.start, sheet.end[1]
            rows.extend([""] * width for _ in range(top - len(rows)))
            more: list[list[Any]] = sheet.to_python(skip_empty_area=True)
            if left or right + 1 < width:
                more = [[""] * left + row + [""] * (width - right - 1) for row in more]
            rows.extend(more)
        return rows

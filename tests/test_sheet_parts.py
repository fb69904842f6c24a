"""A large sheet parsed in parts, side by side, as the package's check passes each part
(:mod:`chronogen.read.sheet_parts`): what is read must be what parsing the whole sheet
reads, cell for cell, whatever the parts and wherever they are cut.

The parts are made small here (the check's windows of a few hundred bytes, a part from
every window that ends a row), so that sheets of a few rows are cut into many parts."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import chronogen.read.package_check as package_check
import chronogen.read.sheet_parts as sheet_parts
import chronogen.read.table as table
from chronogen.read.package_check import column_letters
from chronogen.read.sheet import Sheet
from chronogen.read.table import read_sheets
from tests.data.hostile.make_corpus import date_beyond_time, write_package
from tests.property_examples import examples

DATA = Path(__file__).parent / "data"


@contextlib.contextmanager
def _in_parts(on: bool, window: int = 300) -> Iterator[list[int]]:
    """Reading with every sheet cut into small parts (*on*), or none; gives the number of
    parts parsed so far."""
    parsed = [0]
    parse = sheet_parts._parse_part

    def counted(*arguments: object) -> object:
        parsed[0] += 1
        return parse(*arguments)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(package_check, "_CHUNK", window)
        patch.setattr(table, "parts_possible", lambda: on)
        patch.setattr(sheet_parts, "SPLIT_FROM", 0)
        patch.setattr(sheet_parts, "SMALLEST_PART", 1)
        patch.setattr(sheet_parts, "PARTS", 1_000_000)
        patch.setattr(sheet_parts, "SHARED_STRINGS_TIMES", 0)
        patch.setattr(sheet_parts, "_parse_part", counted)
        yield parsed


def _read_both_ways(path: Path) -> tuple[list[Sheet], list[Sheet], int]:
    with _in_parts(False):
        whole = read_sheets(path)
    with _in_parts(True) as parsed:
        cut = read_sheets(path)
    return whole, cut, parsed[0]


#: a cell: its column, and what it holds (a number, its own text, a shared text)
_cells = st.tuples(st.integers(1, 30), st.sampled_from(["number", "inline", "shared"]),
                   st.integers(0, 4))
#: a row: how far below the row before it (0: the same number again), and its cells
_rows = st.tuples(st.integers(0, 3), st.lists(_cells, max_size=8))
_SHARED = ["Home visit", "Mia", "Seen alone", "13/03/2020", "Letter"]


def _sheet_xml(rows: list[tuple[int, list[tuple[int, str, int]]]], back: int | None) -> str:
    """A sheet written plainly (every cell with its reference); the row at *back* numbered
    as the first row, out of order."""
    body, number = [], 0
    for index, (gap, cells) in enumerate(rows):
        number += gap
        at = 1 if index == back else max(number, 1)
        written = []
        for column, kind, value in cells:
            ref = f"{column_letters(column)}{at}"
            if kind == "number":
                written.append(f'<c r="{ref}"><v>{value + 0.5 * (column % 2)}</v></c>')
            elif kind == "inline":
                written.append(f'<c r="{ref}" t="inlineStr"><is><t>text {value}</t></is></c>')
            else:
                written.append(f'<c r="{ref}" t="s"><v>{value}</v></c>')
        body.append(f'<row r="{at}">{"".join(written)}</row>' if written else f'<row r="{at}"/>')
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>'
            + "".join(body) + "</sheetData><pageMargins left=\"0.7\"/></worksheet>")


def _shared_strings() -> str:
    items = "".join(f"<si><t>{text}</t></si>" for text in _SHARED)
    return ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
            f'org/spreadsheetml/2006/main" count="5" uniqueCount="5">{items}</sst>')


@settings(max_examples=examples(120), deadline=None)
@given(st.lists(_rows, min_size=1, max_size=14), st.none() | st.integers(0, 13),
       st.sampled_from([120, 300, 2_000]))
def test_a_sheet_read_in_parts_reads_as_the_whole_sheet(
        tmp_path_factory: pytest.TempPathFactory, rows: list, back: int | None,
        window: int) -> None:
    """Gaps between rows, rows of other widths, a row out of order (the parts then cannot
    be put together: the sheet is parsed whole), texts shared and the cell's own."""
    path = tmp_path_factory.mktemp("parts") / "p.xlsx"
    write_package(path, _sheet_xml(rows, back), {"xl/sharedStrings.xml": _shared_strings()})
    with _in_parts(False):
        whole = read_sheets(path)
    with _in_parts(True, window):
        cut = read_sheets(path)
    assert cut == whole


def test_a_long_sheet_is_parsed_in_several_parts_read_as_the_whole(tmp_path: Path) -> None:
    """Cannot pass unless the sheet is cut: the parts are counted."""
    rows = [(1, [(column, "inline" if column % 3 else "shared", row % 5)
                 for column in range(1, 13)]) for row in range(400)]
    path = tmp_path / "long.xlsx"
    write_package(path, _sheet_xml(rows, None), {"xl/sharedStrings.xml": _shared_strings()})
    whole, cut, parts = _read_both_ways(path)
    assert parts > 10
    assert cut == whole and len(cut[0].rows) == 400


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.xlsx")), ids=lambda p: p.name)
def test_every_workbook_of_the_tests_reads_the_same_in_parts(path: Path) -> None:
    """Workbooks saved by Excel, LibreOffice and openpyxl: shared strings, styles, dates,
    merged, hidden and struck cells."""
    whole, cut, _ = _read_both_ways(path)
    assert cut == whole


def test_a_part_calamine_fails_to_parse_sends_the_sheet_to_be_parsed_whole(
        tmp_path: Path) -> None:
    """A cell whose text calamine cannot parse (an entity XML does not know), in one part:
    the parts are set aside and the sheet parsed whole, where the same failure sends it on
    to openpyxl, which refuses it as it did before parts."""
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Visit {n}</t></is></c>'
                   f'<c r="B{n}"><v>{43900 + n}</v></c></row>' for n in range(1, 40))
    bad = '<row r="40"><c r="A40" t="inlineStr"><is><t>a &bogus; b</t></is></c></row>'
    path = tmp_path / "p.xlsx"
    write_package(path, '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://'
                  'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                  + rows + bad + "</sheetData></worksheet>")
    given: list[object] = []
    sheet = sheet_parts.SheetParts.sheet

    def watched(self: sheet_parts.SheetParts, member: str) -> object:
        given.append(sheet(self, member))
        return given[-1]

    from chronogen.errors import UnreadableFileError

    refused = []
    for on in (False, True):
        with _in_parts(on) as parsed, pytest.MonkeyPatch.context() as patch, \
                pytest.raises(UnreadableFileError) as error:
            patch.setattr(sheet_parts.SheetParts, "sheet", watched)
            read_sheets(path)
        refused.append(str(error.value))
    assert parsed[0] > 2 and given == [None]  # the parts were parsed, then set aside
    assert refused[0] == refused[1] and "not a readable .xlsx workbook" in refused[0]


def test_a_date_calamine_panics_on_reads_as_before_without_the_panic_on_the_screen(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """A date cell of -1e300 days, in one part: calamine parses it, and panics when its
    value is taken (as with the whole sheet): the sheet is read by openpyxl, as before, and
    nothing of the panic reaches the screen."""
    date_beyond_time(tmp_path)
    whole, cut, parts = _read_both_ways(tmp_path / "p.xlsx")
    assert parts >= 1 and cut == whole
    assert "panicked" not in capfd.readouterr().err


def test_a_shared_string_table_too_large_for_a_part_leaves_the_sheet_whole(
        tmp_path: Path) -> None:
    """Each part parses the workbook's shared-string table again: a part is at least four
    times the table, and a sheet whose table would need parts over the largest is not
    cut."""
    rows = [(1, [(1, "shared", row % 5), (2, "inline", row)]) for row in range(200)]
    path = tmp_path / "p.xlsx"
    write_package(path, _sheet_xml(rows, None), {"xl/sharedStrings.xml": _shared_strings()})
    with _in_parts(True) as parsed, pytest.MonkeyPatch.context() as patch:
        patch.setattr(sheet_parts, "SHARED_STRINGS_TIMES", 4)
        patch.setattr(sheet_parts, "LARGEST_PART", 3 * len(_shared_strings()))
        cut = read_sheets(path)
    assert parsed[0] == 0
    with _in_parts(False):
        assert cut == read_sheets(path)


def test_the_check_waits_while_a_part_for_each_thread_is_waiting(tmp_path: Path) -> None:
    """Never a sheet's worth of parts held at once: the check gives a part only once no
    more than two are waiting to be parsed (two threads)."""
    import time

    rows = [(1, [(column, "inline", row) for column in range(1, 9)]) for row in range(100)]
    path = tmp_path / "p.xlsx"
    write_package(path, _sheet_xml(rows, None))
    most = [0]
    submit = sheet_parts.SheetParts._parse

    def watched(self: sheet_parts.SheetParts, *arguments: object) -> object:
        made = submit(self, *arguments)  # type: ignore[arg-type]
        most[0] = max(most[0], sum(not future.done() for future in self._in_flight))
        return made

    with _in_parts(True) as parsed, pytest.MonkeyPatch.context() as patch:
        slow = sheet_parts._parse_part  # the counting one: slowed, so that parts queue

        def slowly(*arguments: object) -> object:
            time.sleep(0.002)
            return slow(*arguments)  # type: ignore[arg-type]

        patch.setattr(sheet_parts, "_parse_part", slowly)
        patch.setattr(sheet_parts.SheetParts, "_parse", watched)
        read_sheets(path)
    assert parsed[0] > 20 and most[0] == 3



def test_a_workbook_of_one_sheet_read_in_parts_is_not_opened_again_whole(
        tmp_path: Path) -> None:
    """Opening the workbook itself parses its shared-string table once more: only a sheet
    parsed whole needs it. The sheet titles are calamine's own, from a part's package (the
    workbook's index, hidden sheets too): a second sheet too small to cut opens the
    workbook."""
    import openpyxl
    from python_calamine import CalamineWorkbook

    opened: list[str] = []
    from_path = CalamineWorkbook.from_path

    def watched(path: str) -> object:
        opened.append(path)
        return from_path(path)

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Log & notes 'A'"
    for n in range(200):
        sheet.append([f"Visit {n}", n])
    book.save(tmp_path / "one.xlsx")
    book.create_sheet("Hidden").sheet_state = "hidden"
    book.save(tmp_path / "two.xlsx")
    for name, expected in (("one.xlsx", 0), ("two.xlsx", 1)):
        whole, _, _ = _read_both_ways(tmp_path / name)
        with _in_parts(True) as parsed, pytest.MonkeyPatch.context() as patch:
            patch.setattr(CalamineWorkbook, "from_path", watched)
            patch.setattr(sheet_parts, "SPLIT_FROM", 2_000)  # the empty sheet is smaller
            opened.clear()
            cut = read_sheets(tmp_path / name)
        assert parsed[0] > 2 and len(opened) == expected, name
        assert cut == whole and cut[0].name == "Log & notes 'A'"

"""The workbook check finds the area calamine will allocate, however a sheet's XML is
written: property-tested against calamine itself on small sheets written every way XML
allows (quotes, prefixes, spacing, lower case, cells and rows with no reference)."""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

import chronogen.read.package_check as package_check
from chronogen.model.case import Limits
from chronogen.read.package_check import _measure_sheet, column_letters
from chronogen.read.workbook_traits import WorkbookTraits, _find_sheet_traits
from tests.data.hostile.make_corpus import write_package
from tests.property_examples import examples


@dataclass
class Style:
    """How one element is written."""

    quote: str = '"'
    prefix: str = ""
    space: str = " "
    around_equals: str = ""
    lower: bool = False
    #: the quotes round an error cell's type, when not the reference's (t='e' beside r="A1")
    type_quote: str | None = None


styles = st.builds(Style, quote=st.sampled_from(['"', "'"]),
                   prefix=st.sampled_from(["", "x:"]),
                   space=st.sampled_from([" ", "\t", "\n", "  "]),
                   around_equals=st.sampled_from(["", " ", "\r\n"]),
                   lower=st.booleans(), type_quote=st.sampled_from([None, '"', "'"]))
plain = Style()




def _attribute(style: Style, value: str, name: str = "r") -> str:
    equals = f"{style.around_equals}={style.around_equals}"
    return f"{style.space}{name}{equals}{style.quote}{value}{style.quote}"


#: a cell: (its column and row, or None for a cell written with no reference; its style)
cells = st.tuples(st.none() | st.tuples(st.integers(1, 40), st.integers(1, 60)), styles)
#: a row: (its number, or None for a row with no number; its style; its cells)
rows = st.tuples(st.none() | st.integers(1, 60), styles, st.lists(cells, max_size=5))


def _sheet(sheet_rows: list[tuple[int | None, Style, list]], padding: int = 0,
           errors: frozenset[tuple[int, int]] = frozenset()) -> bytes:
    """A sheet's XML; the cells at the places in *errors* (row, place in the row, each
    counted from 0) are error cells (``t="e"``, written in the cell's style)."""
    body = []
    for row_index, (number, row_style, row_cells) in enumerate(sheet_rows):
        p = row_style.prefix
        body.append(f"<{p}row" + ("" if number is None else _attribute(row_style, str(number)))
                    + ">")
        for place, (where, style) in enumerate(row_cells):
            ref = "" if where is None else column_letters(where[0]) + str(where[1])
            ref = ref.lower() if style.lower else ref
            q = style.prefix
            error = (row_index, place) in errors
            body.append(f"<{q}c" + ("" if where is None else _attribute(style, ref))
                        + (_attribute(_type_style(style), "e", "t") if error else "")
                        + f"><{q}v>{'#REF!' if error else 7}</{q}v></{q}c>")
        body.append(f"</{p}row>" + " " * padding)
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main" xmlns:x="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + "".join(body)
            + "</sheetData></worksheet>").encode()


def _type_style(style: Style) -> Style:
    if style.type_quote is None:
        return style
    return Style(style.type_quote, style.prefix, style.space, style.around_equals)


def _package(sheet: bytes) -> bytes:
    data = io.BytesIO()
    write_package(data, sheet)
    return data.getvalue()


def _scan(package_bytes: bytes) -> tuple[tuple[int, int], WorkbookTraits]:
    traits = WorkbookTraits()
    with zipfile.ZipFile(io.BytesIO(package_bytes)) as package:
        info = package.getinfo("xl/worksheets/sheet1.xml")
        # as a read does: the area first, then (beside calamine) the traits
        reach, plainly = _measure_sheet(package, info, "p.xlsx", "Log", Limits())
        _find_sheet_traits(package, info, "p.xlsx", "Log", Limits(), traits, plainly=plainly)
    return (reach.rows, reach.columns), traits


def _reach(package_bytes: bytes) -> tuple[int, int]:
    return _scan(package_bytes)[0]


def _calamine_end(package_bytes: bytes) -> tuple[int, int]:
    """The last row and column (from 1) of the area calamine allocates; (0, 0) for none."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(package_bytes))
    end = book.get_sheet_by_name("Log").end
    return (0, 0) if end is None else (end[0] + 1, end[1] + 1)


@contextlib.contextmanager
def _windows_of(size: int) -> Iterator[None]:
    """The check reading a part's XML in windows of about *size* bytes (a megabyte as it
    runs; a few dozen bytes, so that a sheet of a few rows spans many)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(package_check, "_CHUNK", size)
        yield


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(rows, max_size=6), st.sampled_from([1 << 20, 1 << 20, 1 << 20, 40]))
def test_the_check_reaches_as_far_as_calamine_places_cells(sheet_rows: list, window: int
                                                           ) -> None:
    # in small windows, a sheet spans several, each measured on its own
    package = _package(_sheet(sheet_rows))
    end_row, end_column = _calamine_end(package)
    with _windows_of(window):
        rows_reached, columns_reached = _reach(package)
    assert rows_reached >= end_row and columns_reached >= end_column


@settings(max_examples=examples(80), deadline=None)
@given(st.lists(st.tuples(st.integers(1, 60), st.just(plain),
                          st.lists(st.tuples(st.tuples(st.integers(1, 40), st.integers(1, 60)),
                                             st.just(plain)), max_size=5)), max_size=6),
       st.sampled_from([1 << 20, 1 << 20, 40]))
def test_a_plainly_written_sheet_is_measured_exactly(sheet_rows: list, window: int) -> None:
    # in small windows, its rows are in several, each measured on its own
    package = _package(_sheet(sheet_rows))
    with _windows_of(window):
        assert _reach(package) == _calamine_end(package)


def test_every_way_of_writing_is_measured_exactly_where_calamine_is_exact() -> None:
    # rows and cells with no reference follow the ones before them, as calamine places them
    sheet = _sheet([(2, plain, [(None, plain), (None, plain)]),
                    (None, Style(quote="'", prefix="x:"), [((3, 5), plain), (None, plain)]),
                    (None, plain, [(None, Style(lower=True))])])
    package = _package(sheet)
    assert _reach(package) == _calamine_end(package) == (5, 4)


def test_a_part_running_on_without_a_tag_is_refused_before_it_is_held_whole() -> None:
    """A sheet's XML is read in windows ending where a tag begins; text running on for
    megabytes with none (no cell holds more than 32,767 characters) is refused rather than
    gathered into one window."""
    import pytest

    from chronogen.errors import UnreadableFileError
    from chronogen.read.package_check import xml_windows

    endless = io.BytesIO(b"<worksheet><sheetData><row><c><is><t>" + b"a" * (20 << 20))
    with pytest.raises(UnreadableFileError, match="runs on for 16 MB without a tag"):
        list(xml_windows(endless, "p.xlsx", "sheet 'Log'", Limits()))
    rows = io.BytesIO(b"<sheetData>" + b'<row r="1"><c r="A1"><v>1</v></c></row>' * 100_000)
    windows = list(xml_windows(rows, "p.xlsx", "sheet 'Log'", Limits()))
    assert len(windows) > 1 and all(w.endswith(b"</row>") for w in windows)
    assert b"".join(windows) == rows.getvalue()


@settings(max_examples=examples(50), deadline=None)
@given(st.lists(rows, max_size=6), st.data())
def test_an_error_cell_is_found_however_it_is_written(sheet_rows: list,
                                                      data: st.DataObject) -> None:
    """calamine reads an error cell (``#REF!``) as blank, quoted, prefixed or spaced in any
    way: the check must find every one, so that the workbook is read by openpyxl, which
    keeps the error and reports it."""
    places = [(row, place) for row, (_, _, row_cells) in enumerate(sheet_rows)
              for place in range(len(row_cells))]
    errors = frozenset(data.draw(st.sets(st.sampled_from(places)) if places else st.just(set())))
    _, traits = _scan(_package(_sheet(sheet_rows, errors=errors)))
    assert traits.has_errors == bool(errors)


#: a cell's reference as a window may hold it: (column, row, leading zeros, lower case)
_refs = st.tuples(st.integers(1, 18_278), st.integers(1, 9_999_999), st.integers(0, 2),
                  st.booleans())


def _window(refs: list[tuple[int, int, int, bool]], odd: str | None) -> bytes:
    cells = []
    for column, row, zeros, lower in refs:
        ref = column_letters(column) + "0" * zeros + str(row)
        cells.append(f'<c r="{ref.lower() if lower else ref}"><v>1</v></c>')
    if odd is not None:
        cells.insert(len(cells) // 2, odd)
    return ("<row>" + "".join(cells) + "</row>").encode()


def _taken_in(first: bytes, second: bytes, *, quick: bool) -> tuple[bool, int, int]:
    from chronogen.read.package_check import _Reach

    reach = _Reach()
    assert reach.written_plainly(first)
    if not quick:
        reach.columns, columns = 0, reach.columns  # the quick test needs columns reached
        plain = reach.written_plainly(second)
        reach.columns = max(reach.columns, columns) if plain else columns
    else:
        plain = reach.written_plainly(second)
    return plain, reach.rows, reach.columns


@settings(max_examples=examples(300), deadline=None)
@example(first=[(1, 1, 0, False)], second=[(1, 2, 0, False), (1, 1, 1, False)], odd=None)
@given(st.lists(_refs.filter(lambda r: not r[3] and len(str(r[1])) + r[2] <= 7), min_size=1,
                max_size=4),
       st.lists(_refs, min_size=1, max_size=8),
       st.sampled_from([None, '<c t="s">', "<c/>", '<c  r="A1">', '<c r="A">', "<x:c r='A1'>",
                        '<c r="A12345678">']))
def test_the_quick_look_at_a_window_measures_as_reading_every_cell(
        first: list, second: list, odd: str | None) -> None:
    """After the first window, each is taken in by one search for a cell further right than
    the columns reached or further down than its last cell, or not written plainly; what it
    takes in must be what reading every cell's reference takes in."""
    one = _window(first, None)
    two = _window(second, odd)
    assert _taken_in(one, two, quick=True) == _taken_in(one, two, quick=False)


def test_a_window_ending_on_a_row_written_with_leading_zeros_is_read_cell_by_cell(
        tmp_path: Path) -> None:
    """Found by the property above: a window whose last cell is "A0000001" took in row 1,
    and a cell above it in the window, "A999999", went unseen (fewer digits, further down);
    with the columns reached as far as XFD, calamine would then have been asked for an area
    of sixteen billion cells. The last row with a leading zero now sends the window to be
    read cell by cell, and the sheet is refused before calamine sees it."""
    import pytest

    from chronogen.errors import UnreadableFileError
    from chronogen.read.package_check import check_package

    wide = '<row r="1"><c r="XFD1"><v>1</v></c></row>'
    padding = '<row r="2"><c r="A2"><is><t>' + "x" * 30_000 + "</t></is></c></row>"
    hostile = ('<row r="3"><c r="A999999"><v>1</v></c><c r="A0000001"><v>1</v></c></row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + wide + padding * 40
             + hostile + "</sheetData></worksheet>").encode()
    path = tmp_path / "p.xlsx"
    path.write_bytes(_package(sheet))
    with pytest.raises(UnreadableFileError, match="over the limit"):
        check_package(path, "p.xlsx", Limits())

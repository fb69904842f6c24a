"""An old-style Excel workbook (.xls): measured from its own records before calamine reads
it, read as the .xlsx it was saved from, and what it cannot tell said."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen import read_agency_file, read_case
from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.old_workbooks import check_old_workbook
from chronogen.read.table import read_sheets
from tests.conftest import HARBOUR, assert_valid_entries
from tests.property_examples import examples

OLD = Path(__file__).parent / "data" / "old_workbooks"


def test_an_xls_reads_as_the_workbook_it_was_saved_from() -> None:
    """health_visiting.xls is the bundled case's health-visiting return saved by
    LibreOffice as Excel 97-2003: the same entries, and said to be an .xls."""
    family = read_case(HARBOUR).family
    old = read_agency_file(OLD / "health_visiting.xls", agency="Health Visiting", code="HV",
                           family=family)
    new = read_agency_file(HARBOUR / "health_visiting.xlsx", agency="Health Visiting",
                           code="HV", family=family)
    assert_valid_entries(old.entries)

    def read(entries: list) -> list:  # type: ignore[type-arg]
        return [(e.date.display(), e.kind_text, e.summary, e.children) for e in entries]

    assert read(old.entries) == read(new.entries) and len(old.entries) == 8
    assert [r.raw for r in old.rejected] == [r.raw for r in new.rejected]
    said = [p for p in old.problems if p.code is ProblemCode.OLD_FORMAT]
    assert len(said) == 1 and "not how they look" in said[0].message
    assert said[0].location() == "health_visiting.xls, sheet 'HV contacts'"


def test_a_hidden_sheet_of_an_xls_is_read_and_said() -> None:
    sheets = read_sheets(OLD / "hidden_sheet.xls")
    assert [(s.name, s.hidden) for s in sheets][:2] == [("Log", False), ("Old log", True)]
    result = read_agency_file(OLD / "hidden_sheet.xls", agency="CSC", code="CSC")
    assert [e.summary for e in result.entries] == ["Visit", "Seen"]
    assert any(p.code is ProblemCode.HIDDEN_CONTENT and p.sheet == "Old log"
               for p in result.problems)


def test_a_stray_cell_far_away_is_refused_before_calamine_reads_it() -> None:
    with pytest.raises(UnreadableFileError, match=r"far_cell\.xls, sheet 'Log': its cells "
                                                  r"span an area of 16,777,216 cells"):
        read_sheets(OLD / "far_cell.xls")
    assert check_old_workbook(OLD / "far_cell.xls", "far_cell.xls",
                              Limits(max_cells=20_000_000)).areas[0] == 16_777_216


def _records(*records: tuple[int, bytes]) -> bytes:
    return b"".join(struct.pack("<HH", kind, len(body)) + body for kind, body in records)


_BOF = (0x0809, b"\x00\x06\x05\x00" + b"\x00" * 12)
_EOF = (0x000A, b"")


def _sheet_entry(start: int, title: str) -> tuple[int, bytes]:
    """The workbook's record of a sheet: where its records begin, and its title."""
    return 0x0085, struct.pack("<IBB", start, 0, 0) + bytes([len(title), 0]) + title.encode()


def _workbook(*sheets: list[tuple[int, bytes]], reversed_order: bool = False) -> bytes:
    """A workbook's stream: its own records listing the sheets, then each sheet's records
    (in the order listed, or the other way round), each sheet where the list says."""
    titles = [f"S{n}" for n in range(len(sheets))]
    own = len(_records(_BOF, *[_sheet_entry(0, t) for t in titles], _EOF))
    bodies = [_records(_BOF, *records, _EOF) for records in sheets]
    order = list(range(len(sheets)))[::-1] if reversed_order else list(range(len(sheets)))
    starts, at = {}, own
    for number in order:
        starts[number] = at
        at += len(bodies[number])
    return (_records(_BOF, *[_sheet_entry(starts[n], t) for n, t in enumerate(titles)], _EOF)
            + b"".join(bodies[n] for n in order))


_NUMBER_AT_3_2 = (0x0203, struct.pack("<HHH", 3, 2, 0) + b"\x00" * 8)
_BLANKS_TO_9 = (0x00BE, struct.pack("<HHHHHH", 0, 1, 0, 0, 0, 9))


@pytest.mark.parametrize(("stream", "areas"), [
    # a number at row 3, column 2; a run of blanks in row 0 to column 9
    (_workbook([_NUMBER_AT_3_2, _BLANKS_TO_9]), [4 * 10]),
    # two sheets, stored the other way round from the list's order: measured where listed
    (_workbook([_NUMBER_AT_3_2], [], reversed_order=True), [4 * 3, 0]),
    # a record cut short at the stream's end is not read past it
    (_workbook([(0x00FD, struct.pack("<HHHI", 1, 1, 0, 0))]) + _records((0x0203, b"\x01"))[:5],
     [2 * 2]),
])
def test_each_sheets_area_is_measured_from_its_records(stream: bytes, areas: list[int]) -> None:
    from chronogen.read.old_workbooks import _measure

    assert _measure(stream, "t.xls", Limits()).areas == areas


def test_a_workbook_saved_with_a_password_is_refused() -> None:
    from chronogen.read.old_workbooks import _measure

    with pytest.raises(UnreadableFileError, match="saved with a password"):
        _measure(_records(_BOF, (0x002F, b"\x00\x00"), _EOF), "locked.xls", Limits())


def test_sheets_listed_over_the_same_records_again_and_again_are_refused() -> None:
    """A list of thousands of sheets each beginning a record further into one long sheet
    would have its records read again for each: refused once the reading passes a few
    times the stream."""
    from chronogen.read.old_workbooks import _measure

    cells = [(0x0201, struct.pack("<HHH", n, 0, 0)) for n in range(20_000)]
    body = _records(_BOF, *cells, _EOF)
    entries = [_sheet_entry(0, "S") for _ in range(3_000)]
    own = len(_records(_BOF, *entries, _EOF))
    entries = [_sheet_entry(own + 20 + 10 * n, "S") for n in range(3_000)]
    with pytest.raises(UnreadableFileError, match="over the same records again and again"):
        _measure(_records(_BOF, *entries, _EOF) + body, "loop.xls", Limits())


def test_what_is_no_xls_is_refused_saying_what(tmp_path: Path) -> None:
    renamed = tmp_path / "renamed.xls"
    renamed.write_bytes((HARBOUR / "health_visiting.xlsx").read_bytes())
    with pytest.raises(UnreadableFileError, match=r"renamed\.xls: not an old-style \.xls"):
        read_sheets(renamed)
    empty = tmp_path / "empty.xls"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableFileError, match=r"empty\.xls"):
        read_sheets(empty)


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from([0x00FD, 0x0203, 0x027E, 0x0201, 0x0006,
                                                    0x0205, 0x0204, 0x00D6, 0x00BD, 0x00BE]),
                                   st.integers(0, 65535), st.integers(0, 255),
                                   st.integers(0, 255)), max_size=20), max_size=4))
def test_any_sheets_cells_give_the_area_they_span(
        sheets: list[list[tuple[int, int, int, int]]]) -> None:
    """Each sheet's area is one past its last row times one past its last column, a run's
    last column included, whatever records the cells are written in."""
    from chronogen.read.old_workbooks import _measure

    written = []
    expected = []
    for cells in sheets:
        records = []
        rows = columns = 0
        for kind, row, column, last in cells:
            if kind in (0x00BD, 0x00BE):  # a run of cells: (row, first column, ..., last)
                records.append((kind, struct.pack("<HHI", row, column, 0)
                                + struct.pack("<H", last)))
                columns = max(columns, column + 1, last + 1)
            else:
                records.append((kind, struct.pack("<HH", row, column) + b"\x00" * 6))
                columns = max(columns, column + 1)
            rows = max(rows, row + 1)
        written.append(records)
        expected.append(rows * columns)
    assert _measure(_workbook(*written), "t.xls",
                    Limits(max_cells=2_000_000_000)).areas == expected

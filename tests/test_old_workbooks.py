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


@pytest.mark.parametrize(("records", "areas"), [
    # a number at row 3, column 2; a run of blanks in row 0 to column 9
    ([_BOF, _EOF, _BOF, (0x0203, struct.pack("<HHH", 3, 2, 0) + b"\x00" * 8),
      (0x00BE, struct.pack("<HHHHHH", 0, 1, 0, 0, 0, 9)), _EOF], [4 * 10]),
    # two sheets; a record cut short is not read past its end
    ([_BOF, _EOF, _BOF, (0x00FD, struct.pack("<HHHI", 1, 1, 0, 0)), _EOF, _BOF, _EOF,
      (0x0203, b"\x01")], [2 * 2, 0]),
])
def test_each_sheets_area_is_measured_from_its_records(records: list[tuple[int, bytes]],
                                                         areas: list[int]) -> None:
    from chronogen.read.old_workbooks import _measure

    assert _measure(_records(*records), "t.xls", Limits()).areas == areas


def test_a_workbook_saved_with_a_password_is_refused() -> None:
    from chronogen.read.old_workbooks import _measure

    with pytest.raises(UnreadableFileError, match="saved with a password"):
        _measure(_records(_BOF, (0x002F, b"\x00\x00"), _EOF), "locked.xls", Limits())


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

    records = [_BOF, (0x0085, b"\x00" * 6 + b"\x01\x00L"), _EOF]
    expected = []
    for cells in sheets:
        records.append(_BOF)
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
        records.append(_EOF)
        expected.append(rows * columns)
    assert _measure(_records(*records), "t.xls",
                    Limits(max_cells=2_000_000_000)).areas == expected

"""Any damage to an agency's file, a few bytes changed or the file cut short, is read or
refused with a message naming the file: never an error chronogen did not mean, never a
process stopped (a damaged .xls once made calamine ask for 515 GB and abort)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronogen.errors import InputError
from chronogen.read.table import read_sheets
from tests.property_examples import examples

DATA = Path(__file__).parent / "data"
FILES = {".xlsx": DATA / "harbour" / "health_visiting.xlsx",
         ".docx": DATA / "word" / "health_visiting_libreoffice.docx",
         ".xls": DATA / "old_workbooks" / "hidden_sheet.xls",
         ".ods": DATA / "ods" / "looks.ods"}


def _damaged(data: bytes, changes: list[tuple[float, int]], cut: float | None) -> bytes:
    damaged = bytearray(data)
    for place, value in changes:
        damaged[int(place * (len(damaged) - 1))] = value
    return bytes(damaged[:max(1, int(cut * len(damaged)))] if cut is not None else damaged)


@pytest.mark.slow  # an .xls is read in a process of its own
@settings(max_examples=examples(120), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(FILES)),
       st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=40),
       st.none() | st.floats(0, 1))
def test_a_damaged_file_is_read_or_refused_saying_why(tmp_path: Path, suffix: str,
                                                     changes: list[tuple[float, int]],
                                                     cut: float | None) -> None:
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(_damaged(FILES[suffix].read_bytes(), changes, cut))
    try:
        read_sheets(path)
    except InputError as error:
        assert str(error).startswith("damaged")

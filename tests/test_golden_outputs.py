"""The bundled Harbour case's chronology and flags, as CSV, against golden files: a change to
what a reviewer reads (an entry, a date, a flag or its message) shows in review as a change
to these files, never slips in unseen. ``CHRONOGEN_UPDATE_GOLDEN=1`` rewrites them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronogen import Case
from chronogen.write.csv_file import write_csv, write_flags_csv

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(("name", "write"), [("harbour-chronology.csv", write_csv),
                                             ("harbour-flags.csv", write_flags_csv)])
def test_the_harbour_case_reads_as_its_golden_file(harbour_case: Case, tmp_path: Path,
                                                   name: str, write: object) -> None:
    written = write(harbour_case, tmp_path / name).read_bytes()  # type: ignore[operator]
    golden = GOLDEN / name
    if os.environ.get("CHRONOGEN_UPDATE_GOLDEN"):
        golden.write_bytes(written)
        pytest.skip("golden file rewritten: review the diff, then run again without "
                    "CHRONOGEN_UPDATE_GOLDEN")
    assert written == golden.read_bytes()

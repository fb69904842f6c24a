"""The chronology as CSV (UTF-8 with a byte-order mark, so Excel shows accents rightly)."""

from __future__ import annotations

import csv
from pathlib import Path

from chronogen.model.case import Case
from chronogen.write.registry import OutputOptions, Written
from chronogen.write.safety import neutralise
from chronogen.write.table import chronology_table


def write_csv(case: Case, output: Path) -> Path:
    """Write ``chronology.csv``; text that could run as a formula is neutralised."""
    columns, rows = chronology_table(case)
    with output.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([c.heading for c in columns])
        for row in rows:
            writer.writerow(["" if v is None else neutralise(v) if isinstance(v, str) else v
                             for v in row])
    return output


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``chronology.csv`` in the output folder (the ``build`` writer)."""
    return Written([write_csv(case, out / "chronology.csv")])

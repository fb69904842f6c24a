"""Benchmark: importing a large agency sheet, as a ratio to bare openpyxl iteration.

Not a test. Generates a 100k-row x 12-column agency sheet (cached under bench/.cache), then,
in the same process, times (a) bare openpyxl read-only iteration over its values and (b)
chronogen's full import of it (header detection, mapping, dates, yes/no, per-child records),
and prints the ratio b / a. The target is a ratio of at most 1.25.

    python bench/bench_import.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from chronogen import Family, Person, read_agency_file

CACHE = Path(__file__).parent / ".cache"
HEADINGS = ["Date", "Time", "Contact Type", "Child", "Summary of Contact", "Child Seen?",
            "Child's Views", "Worker Role", "Outcome / Action", "Reference", "Significance",
            "Referral to CSC (Y/N)"]
KINDS = ["Home visit", "Telephone call", "Strategy meeting", "Clinic", "Was not brought",
         "Core group", "Referral received"]


def make_sheet(rows: int) -> Path:
    """Write (once) a realistic agency sheet of *rows* rows."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"agency-{rows}.xlsx"
    if path.exists():
        return path
    rnd = random.Random(20201)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Chronology")
    sheet.append(["Agency chronology (benchmark)"])
    sheet.append([])
    sheet.append(HEADINGS)
    start = date(2015, 1, 1)
    for n in range(rows):
        day = start + timedelta(days=rnd.randrange(3000))
        when = day if n % 3 else day.strftime("%d/%m/%Y")
        sheet.append([
            when, f"{rnd.randrange(24):02d}:{rnd.randrange(60):02d}" if n % 4 == 0 else None,
            rnd.choice(KINDS), rnd.choice(["Mia", "Leo", "Mia, Leo", None]),
            "Visit to the family home; children seen and spoken with. " * rnd.randrange(1, 4),
            rnd.choice(["Yes", "No", "N/A", None, "Yes - Mia"]),
            rnd.choice(["Yes", None, "Mia said she was happy"]), "Social worker",
            "Next visit booked", f"REF-{n}", None, rnd.choice(["Y", "N"]),
        ])
    book.save(path)
    return path


def bare_openpyxl(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            count += len(row)
    book.close()
    return count


def chronogen_import(path: Path) -> int:
    family = Family(people=[Person(id="P1", first_name="Mia", subject=True),
                            Person(id="P2", first_name="Leo", subject=True)])
    result = read_agency_file(path, agency="Children's Social Care", code="CSC", family=family)
    assert result.report.balanced
    return result.report.entries


def timed(func, path: Path, repeat: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func(path)
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    func(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = make_sheet(args.rows)
    base, base_peak = timed(bare_openpyxl, path, args.repeat)
    ours, ours_peak = timed(chronogen_import, path, args.repeat)
    print(f"rows: {args.rows}; file: {path.stat().st_size / 1e6:.1f} MB")
    print(f"bare openpyxl read-only iteration: {base:.2f} s (peak {base_peak / 1e6:.0f} MB)")
    print(f"chronogen import:                  {ours:.2f} s (peak {ours_peak / 1e6:.0f} MB)")
    print(f"time ratio: {ours / base:.2f} (target <= 1.25); memory ratio: "
          f"{ours_peak / max(base_peak, 1):.1f}")


if __name__ == "__main__":
    main()

"""Benchmark: importing a large agency sheet, as ratios to bare iteration of the same file.

Not a test. Generates a 100k-row x 12-column agency sheet (cached under bench/.cache), then
times, each in a fresh forked process so that memory is its own: (a) bare python-calamine
iteration over its values, (b) bare openpyxl read-only iteration, (c) chronogen's full
import (package check, header detection, mapping, dates, yes/no, per-child records) and
(d) of that, rows -> entries alone on sheets already read. Prints each time, the growth of
the process's peak memory, and the ratios the speed issue asks for: (c) at most 2x calamine
in time and memory, (d) at least 100k rows a second.

The same rows are written two ways (``--strings``): each cell's text in the cell itself, as
openpyxl's streaming writer saves it (``inline``), or in the workbook's shared-string table,
as Excel and LibreOffice save it (``shared``; XlsxWriter writes it). Calamine reads the second
faster (a smaller sheet, each text parsed once), so the ratio is the harder there.

    python bench/bench_import.py [--rows 100000] [--repeat 3] [--strings inline|shared|both]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path

import openpyxl
import xlsxwriter

from chronogen import Family, Person, read_agency_file
from chronogen.bulk import bulk_work
from chronogen.read.returns.reader import read_agency_sheets
from chronogen.read.table import read_sheets

CACHE = Path(__file__).parent / ".cache"
HEADINGS = ["Date", "Time", "Contact Type", "Child", "Summary of Contact", "Child Seen?",
            "Child's Views", "Worker Role", "Outcome / Action", "Reference", "Significance",
            "Referral to CSC (Y/N)"]
KINDS = ["Home visit", "Telephone call", "Strategy meeting", "Clinic", "Was not brought",
         "Core group", "Referral received"]


def _agency_rows(rows: int) -> Iterator[list[object]]:
    """A realistic agency sheet's rows: a title, a blank row, the header, *rows* contacts."""
    rnd = random.Random(20201)
    yield ["Agency chronology (benchmark)"]
    yield []
    yield HEADINGS
    start = date(2015, 1, 1)
    for n in range(rows):
        day = start + timedelta(days=rnd.randrange(3000))
        when = day if n % 3 else day.strftime("%d/%m/%Y")
        yield [
            when, f"{rnd.randrange(24):02d}:{rnd.randrange(60):02d}" if n % 4 == 0 else None,
            rnd.choice(KINDS), rnd.choice(["Mia", "Leo", "Mia, Leo", None]),
            "Visit to the family home; children seen and spoken with. " * rnd.randrange(1, 4),
            rnd.choice(["Yes", "No", "N/A", None, "Yes - Mia"]),
            rnd.choice(["Yes", None, "Mia said she was happy"]), "Social worker",
            "Next visit booked", f"REF-{n}", None, rnd.choice(["Y", "N"]),
        ]


def make_sheet(rows: int, strings: str = "inline") -> Path:
    """Write (once) a realistic agency sheet of *rows* rows, its texts *strings*: in each
    cell (openpyxl's streaming writer) or in a shared-string table (XlsxWriter, as Excel
    and LibreOffice save a workbook)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / (f"agency-{rows}.xlsx" if strings == "inline"
                    else f"agency-{rows}-shared.xlsx")
    if path.exists():
        return path
    if strings == "inline":
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("Chronology")
        for values in _agency_rows(rows):
            sheet.append(values)
        book.save(path)
        return path
    workbook = xlsxwriter.Workbook(str(path))
    worksheet = workbook.add_worksheet("Chronology")
    day = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for number, values in enumerate(_agency_rows(rows)):
        for column, value in enumerate(values):
            if isinstance(value, date):
                worksheet.write_datetime(number, column, value, day)
            elif value is not None:
                worksheet.write_string(number, column, str(value))
    workbook.close()
    return path


def bare_openpyxl(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            count += len(row)
    book.close()
    return count


def bare_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    count = 0
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python(skip_empty_area=False):
            count += len(row)
    return count


FAMILY = Family(people=[Person(id="P1", first_name="Mia", subject=True),
                        Person(id="P2", first_name="Leo", subject=True)])


def chronogen_import(path: Path) -> int:
    result = read_agency_file(path, agency="Children's Social Care", code="CSC", family=FAMILY)
    assert result.report.balanced
    return result.report.entries


def _vm(key: str) -> int:
    """A VmRSS / VmHWM figure of this process, in bytes (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _measure(func: Callable[[], object], out: Connection) -> None:
    start_rss = _vm("VmRSS")
    started = time.perf_counter()
    result = func()
    took = time.perf_counter() - started
    # a function that times a part of its own work returns that part's seconds
    out.send((result if isinstance(result, float) else took, _vm("VmHWM") - start_rss))


def rows_to_entries(path: Path) -> float:
    """Seconds for rows -> entries alone, on sheets this process read itself (sheets read by
    the parent would be copied page by page as the child touched them), with the cycle
    collector paused over both steps as ``read_agency_file`` pauses it (paused for each
    step apart, the collector ran once between them, over every cell of the sheet, inside
    the time); the entries are freed after the clock is read."""
    with bulk_work():  # as read_agency_file reads them, both steps in one pause
        sheets = read_sheets(path)
        started = time.perf_counter()
        result = read_agency_sheets(sheets, agency="Children's Social Care", code="CSC",
                                    family=FAMILY)
        took = time.perf_counter() - started  # not the freeing of the entries, after
    del result
    return took


def timed(func: Callable[[], object], repeat: int) -> tuple[float, int]:
    """Median time and the largest growth of peak memory over *repeat* fresh processes
    (started afresh, not forked: a forked process copies each page of its parent's memory
    it touches, the imported modules' included, and that was timed with the work)."""
    context = multiprocessing.get_context("spawn")
    runs = []
    for _ in range(repeat):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_measure, args=(func, send))
        child.start()
        runs.append(receive.recv())
        child.join()
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--strings", choices=["inline", "shared", "both"], default="both")
    args = parser.parse_args()
    for strings in ["inline", "shared"] if args.strings == "both" else [args.strings]:
        _bench(make_sheet(args.rows, strings), args.rows, args.repeat, strings)


def _bench(path: Path, rows_written: int, repeat: int, strings: str) -> None:
    calamine, calamine_mem = timed(partial(bare_calamine, path), repeat)
    opx, opx_mem = timed(partial(bare_openpyxl, path), repeat)
    ours, ours_mem = timed(partial(chronogen_import, path), repeat)
    rows, _ = timed(partial(rows_to_entries, path), repeat)
    mb = 1e6
    held = "in each cell" if strings == "inline" else "in a shared-string table"
    print(f"rows: {rows_written}; texts {held}; file: {path.stat().st_size / mb:.1f} MB")
    print(f"bare python-calamine iteration:    {calamine:.2f} s (+{calamine_mem / mb:.0f} MB)")
    print(f"bare openpyxl read-only iteration: {opx:.2f} s (+{opx_mem / mb:.0f} MB)")
    print(f"chronogen import:                  {ours:.2f} s (+{ours_mem / mb:.0f} MB)")
    print(f"  of which rows -> entries:        {rows:.2f} s "
          f"({rows_written / rows / 1000:.0f}k rows/s; target >= 100k)")
    print(f"ratio to calamine: time {ours / calamine:.2f}, memory "
          f"{ours_mem / max(calamine_mem, 1):.1f} (target <= 2 each); "
          f"time ratio to openpyxl {ours / opx:.2f}")


if __name__ == "__main__":
    main()

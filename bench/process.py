"""Timing a whole command as a child process, with its peak memory (shared by the scripts)."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

TIME = Path("/usr/bin/time")


@dataclass
class Measured:
    """One command's wall seconds, peak resident memory in MB (its largest process; NaN
    without GNU time) and what it printed."""

    seconds: float
    peak_mb: float
    stdout: str


#: the baseline of the scripts reading CSV cases: the csv module reading every row of every
#: .csv file under the paths given (files or folders), as its own process
BARE_CSV = """
import csv, sys
from pathlib import Path
count = 0
for name in sys.argv[1:]:
    place = Path(name)
    for path in sorted(place.rglob("*.csv")) if place.is_dir() else [place]:
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                count += len(row)
print(count)
"""


#: chronogen reading a file's sheets (or a Word document's tables), and reading it as a
#: return into entries, each as its own process (the file's path its argument)
SHEETS = """
import sys
from pathlib import Path
from chronogen.read.table import read_sheets
print(sum(len(sheet.rows) for sheet in read_sheets(Path(sys.argv[1]))))
"""
ENTRIES = """
import sys
from chronogen import read_agency_file
print(len(read_agency_file(sys.argv[1], agency="Health Visiting", code="HV").entries))
"""


def measure(command: list[str], *, ok: tuple[int, ...] = (0,)) -> Measured:
    """Run *command* and measure it; stop the benchmark if it exits with a code not in *ok*."""
    timer = [str(TIME), "-f", "%M"] if TIME.exists() else []
    started = time.perf_counter()
    done = subprocess.run(timer + command, capture_output=True, text=True, check=False)
    took = time.perf_counter() - started
    if done.returncode not in ok:
        sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024 if timer else float("nan")
    return Measured(took, peak, done.stdout)

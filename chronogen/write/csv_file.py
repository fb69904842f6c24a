"""The chronology and the flags as CSV (UTF-8 with a byte-order mark, so Excel shows accents
rightly). Every cell and every heading that a spreadsheet could run as a formula is
neutralised."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, time
from pathlib import Path

from chronogen.model.case import Case
from chronogen.write.registry import OutputOptions, Written
from chronogen.write.safety import neutralise
from chronogen.write.table import chronology_table


def csv_cell(value: object) -> object:
    """A value as a CSV cell: dates the UK way, times as HH:MM, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return neutralise(value) if isinstance(value, str) else value


def write_table_csv(output: Path, headings: Sequence[str],
                    rows: Iterable[Sequence[object]]) -> Path:
    """A heading row and *rows*, streamed to *output*."""
    with output.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([csv_cell(h) for h in headings])
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])
    return output


def write_csv(case: Case, output: Path | str) -> Path:
    """Write ``chronology.csv``: one row per entry, per-child seen / views columns."""
    columns, rows = chronology_table(case)
    return write_table_csv(Path(output), [c.heading for c in columns], rows)


FLAG_HEADINGS = ("No.", "Severity", "Flag", "People", "From", "To", "Message", "Evidence",
                 "Evidence sources")


def write_flags_csv(case: Case, output: Path) -> Path:
    """Write ``flags.csv``: one row per flag, with its evidence entry ids and their sources."""
    entries = {e.id: e for e in case.entries}
    names = {p.id: p.name for p in case.family.people}

    def rows() -> Iterable[list[object]]:
        for number, flag in enumerate(case.flags, start=1):
            first, last = flag.period.sort_key if flag.period else (None, None)
            sources = [entries[e].source.describe() for e in flag.evidence if e in entries]
            yield [number, flag.severity.value, flag.code.value,
                   "; ".join(names.get(p, p) for p in flag.people), first, last, flag.message,
                   "; ".join(flag.evidence), "; ".join(sources)]

    return write_table_csv(output, FLAG_HEADINGS, rows())


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``chronology.csv`` and ``flags.csv`` in the output folder (the ``build`` writer)."""
    return Written([write_csv(case, out / "chronology.csv"),
                    write_flags_csv(case, out / "flags.csv")])

"""A filled standard template as CSV or JSON (the workbook is :mod:`.template`)."""

from __future__ import annotations

import csv
import json
from datetime import date, time
from pathlib import Path

from chronogen.write.safety import neutralise
from chronogen.write.template import FilledTemplate


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, date | time):
        return value.strftime("%d/%m/%Y") if isinstance(value, date) else value.strftime("%H:%M")
    return neutralise(value) if isinstance(value, str) else value


def write_conversion_csv(filled: FilledTemplate, output: Path) -> Path:
    """The template's rows as CSV (UTF-8 with BOM); formula-like text neutralised."""
    with output.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow([_csv_cell(h) for h in filled.headings])
        for row in filled.rows:
            writer.writerow([_csv_cell(v) for v in row])
    return output


def write_conversion_json(filled: FilledTemplate, output: Path) -> Path:
    """The report, entries and rejected rows as JSON."""
    output.write_text(json.dumps(filled.document, indent=2, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    return output

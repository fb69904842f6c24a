"""A filled standard template as CSV or JSON (the workbook is :mod:`.template`)."""

from __future__ import annotations

import json
from pathlib import Path

from chronogen.write.csv_file import write_table_csv
from chronogen.write.template import FilledTemplate


def write_conversion_csv(filled: FilledTemplate, output: Path) -> Path:
    """The template's rows as CSV (UTF-8 with BOM); formula-like text neutralised."""
    return write_table_csv(output, filled.headings, filled.rows)


def write_conversion_json(filled: FilledTemplate, output: Path) -> Path:
    """The report, entries and rejected rows as JSON."""
    output.write_text(json.dumps(filled.document, indent=2, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    return output

"""Writes docs/layouts.md (and docs/images/layouts-headers.png): every layout of the corpus
in tests/data/layouts, its header row as an agency sends it and the columns chronogen chose.

Run from the project folder: ``.venv/bin/python docs/tools/make_layouts_page.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chronogen import read_agency_file  # noqa: E402
from chronogen.read.returns.layout import header_place, unnamed_header  # noqa: E402
from chronogen.read.table import read_sheets  # noqa: E402
from tests.data.layouts.make_layouts import LAYOUTS, make  # noqa: E402


def main() -> None:
    lines = ["# Layouts chronogen reads", "",
             "Agency returns arrive in many shapes. Each layout below recreates one that "
             "practitioners send (its source is in `tests/data/layouts/README.md`); "
             "`tests/test_layouts.py` reads every one with every row accounted for. For each: "
             "the header row as the agency wrote it, and what chronogen made of it. When "
             "chronogen chooses wrongly for your file, say what you mean in a mapping file "
             "([agency returns](agency-returns.md#mapping-files)).", "",
             "![The header rows of the layouts](images/layouts-headers.png)", ""]
    pictures: list[tuple[str, list[str]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for name in LAYOUTS:
            path = make(name, Path(folder))
            result = read_agency_file(path, agency="Agency", code="AG")
            sheets = read_sheets(path)
            lines += [f"## {name}", ""]
            # each table of the main sheet (a sheet may hold several, one under the other)
            tables = [r for r in result.reports if r.sheet == result.reports[0].sheet]
            for place, report in enumerate(tables):
                sheet = next(s for s in sheets if s.name == report.sheet)
                header = [str(v) for v in (sheet.rows[report.header_row - 1]
                                           if report.header_row else unnamed_header(sheet))
                          if v is not None]
                if place == 0:  # a sheet with no header row: its first record, as it is
                    first = next((row for row in sheet.rows if row and row[0] is not None),
                                 ())
                    pictures.append((name, header if report.header_row else [
                        "(no header row)", *(str(v) for v in first if v is not None)]))
                where = f", sheet '{report.sheet}'" if report.sheet else ""
                if report.rows_of_table:
                    where += f" ({report.rows_of_table})"
                lines += [(f"File `{path.name}`" if place == 0 else "Then")
                          + f"{where}; {header_place(report.header_row)}; {report.entries} "
                          f"entr{'y' if report.entries == 1 else 'ies'}, {report.rejected} "
                          f"rejected, {report.notes} author's notes; "
                          f"confidence {report.confidence}.", "",
                          "| heading | chronogen field |", "|---|---|"]
                for heading in header:
                    field = report.columns.get(heading)
                    lines.append(f"| {heading} | {field or '(kept as written, in raw)'} |")
                for reason in report.explanation[1:]:
                    lines += ["", f"*{reason}*"]
                lines.append("")
    (ROOT / "docs" / "layouts.md").write_text("\n".join(lines), encoding="utf-8")
    _picture(pictures, ROOT / "docs" / "images" / "layouts-headers.png")


def _picture(rows: list[tuple[str, list[str]]], target: Path) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(14, 0.32 * len(rows) + 0.6), dpi=90)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    axes.axis("off")
    for n, (name, header) in enumerate(rows):
        y = 1 - (n + 1) / (len(rows) + 1)
        axes.text(0.0, y, name, fontsize=8, weight="bold", va="center", family="DejaVu Sans")
        axes.text(0.2, y, "  |  ".join(header)[:170], fontsize=8, va="center",
                  family="DejaVu Sans Mono")
    figure.savefig(target, metadata={"Software": "chronogen"})


if __name__ == "__main__":
    main()

"""Every output chronogen writes, in one table: the seam where a writer plugs in.

Three kinds of output, one table each, looked up the same way:

- :data:`CASE_OUTPUTS`: what ``chronogen build`` writes into its output folder, by name
  (``--format xlsx,csv``); each writer takes the case, the folder and the options.
- :data:`FAMILY_FILES`: the family drawn or exported alone (``chronogen genogram -o F``), by
  the suffix of the file asked for.
- :data:`TEMPLATE_FILES`: one agency's converted return (``chronogen convert -o F``), by
  suffix.

A writer is named here as ``module:function`` and imported only when it is used, so this
table costs nothing to import. Adding a format is one new module and one line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from chronogen.errors import OutputFormatError


@dataclass(frozen=True)
class OutputOptions:
    """What every case writer may need besides the case itself."""

    #: the date the genogram and households are drawn at (None: the chronology's last day)
    as_at: date | None = None
    #: resolution of the PNG pictures (genogram, timeline)
    dpi: int = 200
    #: a folder holding this build's timeline pictures (timeline.svg / .png), already drawn
    #: by the timeline writer: the documents that show the timeline use them, not a second
    #: drawing (for a long chronology the drawing takes seconds)
    pictures: Path | None = None


@dataclass
class Written:
    """What one writer wrote, and anything it could not write (with the reason)."""

    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Writer:
    """One output format: its name, where its function lives, and what it writes."""

    name: str
    target: str
    description: str

    def load(self) -> Callable[..., Any]:
        """The writer function (its module is imported now)."""
        module, _, function = self.target.partition(":")
        found: Callable[..., Any] = getattr(importlib.import_module(module), function)
        return found


#: ``chronogen build``'s outputs, in the order they are written
CASE_OUTPUTS: tuple[Writer, ...] = (
    Writer("json", "chronogen.write.json_file:write_case_output",
           "case.json: the whole case, flags and summaries included"),
    Writer("xlsx", "chronogen.write.xlsx_file:write_case_output",
           "chronology.xlsx: the chronology, flags, summaries, problems, sources"),
    Writer("docx", "chronogen.write.docx_file:write_case_output",
           "chronology.docx: the appendix for the review report, landscape, restylable"),
    Writer("html", "chronogen.write.html_file:write_case_output",
           "report.html: the appendix in one self-contained page, with filters"),
    Writer("csv", "chronogen.write.csv_file:write_case_output",
           "chronology.csv and flags.csv: the chronology, and each flag with its evidence"),
    Writer("genogram", "chronogen.write.genogram_files:write_case_output",
           "genogram.dot, .svg, .png and .pdf: the family drawn at the chronology's end"),
    Writer("timeline", "chronogen.write.timeline_files:write_case_output",
           "timeline.svg and .png: every agency's contacts across the period"),
)

#: the family alone, by suffix: ``write(family, path, as_at=..., title=...)``
FAMILY_FILES: dict[str, Writer] = {
    suffix: Writer(suffix, "chronogen.write.genogram_files:write_drawing", f"genogram as .{suffix}")
    for suffix in ("svg", "png", "pdf", "dot")
} | {"ged": Writer("ged", "chronogen.write.gedcom:write_gedcom", "the family as GEDCOM 7")}

#: one agency's return in the standard template, by suffix: ``write(conversion, path)``
TEMPLATE_FILES: dict[str, Writer] = {
    "xlsx": Writer("xlsx", "chronogen.write.template:write_conversion",
                   "the standard template workbook"),
    "csv": Writer("csv", "chronogen.write.template_files:write_conversion_csv",
                  "the template's columns as CSV"),
    "json": Writer("json", "chronogen.write.template_files:write_conversion_json",
                   "the entries, rejected rows and report as JSON"),
}


def case_outputs(names: Iterable[str] | None = None) -> list[Writer]:
    """The case writers for *names* (every one when None), in the table's order."""
    if names is None:
        return list(CASE_OUTPUTS)
    known = {w.name: w for w in CASE_OUTPUTS}
    wanted = [n.strip().lower() for n in names if n.strip()]
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise OutputFormatError(f"unknown output format {', '.join(map(repr, unknown))}; "
                                "choose from " + ", ".join(known))
    return [w for w in CASE_OUTPUTS if w.name in wanted]


def by_suffix(table: dict[str, Writer], path: Path, what: str) -> Writer:
    """The writer in *table* for *path*'s suffix; :class:`OutputFormatError` naming the
    suffixes there are when it has none. *what* names the kind of output ("genogram")."""
    suffix = path.suffix.lstrip(".").lower()
    if suffix not in table:
        given = f"'.{suffix}'" if suffix else "(no suffix)"
        raise OutputFormatError(f"{path}: unsupported {what} format {given}; use one of "
                                + ", ".join(f".{s}" for s in table))
    return table[suffix]

"""The main job: read a case folder, merge, and write every output."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from chronogen.genogram.render import find_dot, render_genogram
from chronogen.model.case import Case
from chronogen.read.case import Progress, no_progress, read_case
from chronogen.timeline import span_of
from chronogen.write.csv_file import write_csv
from chronogen.write.json_file import write_json
from chronogen.write.xlsx_file import write_xlsx


@dataclass
class BuildResult:
    """What a build read and wrote."""

    case: Case
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def last_entry_date(case: Case) -> date | None:
    """The latest day the chronology certainly reaches (the greatest earliest bound)."""
    covered = span_of(case.entries)
    return covered[1] if covered else None


def build(case_dir: Path | str, out_dir: Path | str, *, as_at: date | None = None,
          progress: Progress = no_progress) -> BuildResult:
    """Read *case_dir* and write case.json, chronology.xlsx / .csv and the genogram to
    *out_dir* (created if needed)."""
    case = read_case(case_dir, progress=progress)
    return write_outputs(case, Path(out_dir), as_at=as_at, progress=progress)


def write_outputs(case: Case, out: Path, *, as_at: date | None = None,
                  progress: Progress = no_progress) -> BuildResult:
    """Write every output of an already-read case."""
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(case)
    progress("writing case.json")
    result.outputs.append(write_json(case, out / "case.json"))
    progress("writing chronology.xlsx")
    result.outputs.append(write_xlsx(case, out / "chronology.xlsx"))
    result.outputs.append(write_csv(case, out / "chronology.csv"))
    progress("drawing the genogram")
    when = as_at or last_entry_date(case)
    title = f"{case.title}: genogram"
    result.outputs.append(render_genogram(case.family, out / "genogram.dot", as_at=when,
                                          title=title))
    if find_dot() is not None:
        for suffix in ("svg", "png", "pdf"):
            result.outputs.append(render_genogram(case.family, out / f"genogram.{suffix}",
                                                  as_at=when, title=title))
    else:
        result.notes.append("genogram.svg/.png/.pdf not written: Graphviz's 'dot' was not found "
                            "(Debian/Ubuntu: sudo apt-get install graphviz)")
    return result

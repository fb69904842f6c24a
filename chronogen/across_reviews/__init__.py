"""The overview across reviews: many case folders or ``case.json`` files -> the tables the
national studies of case reviews made by hand.

``inputs`` finds the reviews the arguments name -> ``collect`` reads each (in parallel, one
at a time per process) down to its row of figures
(:func:`chronogen.analyse.review_figures.review_figures`) -> ``tables`` works out the
tables across them -> the writers (``overview.json`` and its schema, ``overview.xlsx``,
``overview.html``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from chronogen.across_reviews.collect import collect
from chronogen.across_reviews.inputs import find_reviews
from chronogen.across_reviews.tables import tables
from chronogen.model.overview import Overview, OverviewProblem, ReviewFigures
from chronogen.progress import Progress, no_progress
from chronogen.write.output_folder import commit, staged
from chronogen.write.overview_html import write_overview_html
from chronogen.write.overview_json import write_overview_json, write_overview_schema
from chronogen.write.overview_xlsx import write_overview_xlsx

#: the files of an overview folder, in the order they are written
OVERVIEW_FILES = ("overview.json", "overview.schema.json", "overview.xlsx", "overview.html")


@dataclass
class OverviewResult:
    """An overview and the files written (none when no output folder was given)."""

    overview: Overview
    outputs: list[Path] = field(default_factory=list)


def overview(inputs: Iterable[Path | str], out: Path | str | None = None, *,
             jobs: int | None = None, progress: Progress = no_progress) -> OverviewResult:
    """Read every review *inputs* name (case folders, ``case.json`` files, folders of them)
    and work out the overview; with *out*, write it there.

    Never stops for one bad review: what could not be read is in ``overview.problems``
    (``detail`` says where and why, for the terminal; the message, which goes into the
    files, names no path). *jobs* processes read reviews side by side (default: one per
    core). The result is the same whatever the order of *inputs*.
    """
    sources, problems = find_reviews([Path(p) for p in inputs])
    progress(f"{len(sources)} reviews to read")
    kept: dict[str, ReviewFigures] = {}
    for collected in collect(sources, jobs=jobs, progress=progress):
        problems.extend(collected.problems)
        figures = collected.figures
        if figures is None:
            continue
        if figures.review in kept:
            problems.append(OverviewProblem(
                review=figures.review, severity="warning",
                message="two inputs give this review id (a case folder and its case.json?): "
                        "the first, in path order, is counted",
                detail=f"review id {figures.review} appears twice; the second is left out"))
            continue
        kept[figures.review] = figures
    problems.sort(key=lambda p: (p.review or "", p.severity, p.message, p.detail or ""))
    result = OverviewResult(tables(list(kept.values()), problems))
    if out is not None:
        result.outputs = write_overview(result.overview, Path(out))
    return result


def write_overview(overview: Overview, out: Path) -> list[Path]:
    """Write every overview file into *out* (created if needed; written whole or not at
    all)."""
    with staged(out) as staging:
        written = [
            write_overview_json(overview, staging / "overview.json"),
            write_overview_schema(staging / "overview.schema.json"),
            write_overview_xlsx(overview, staging / "overview.xlsx"),
            write_overview_html(overview, staging / "overview.html"),
        ]
        return commit(staging, out, written)

"""``timeline.svg`` and ``timeline.png``: the contacts of every agency across the period."""

from __future__ import annotations

from pathlib import Path

from chronogen.draw.timeline import draw_timeline
from chronogen.model.case import Case
from chronogen.write.registry import OutputOptions, Written


def timeline_picture(case: Case, kind: str, folder: Path, options: OutputOptions) -> Path:
    """The timeline as ``timeline.<kind>`` (svg or png): the one this build has already
    drawn (``options.pictures``), else drawn now into *folder*."""
    if options.pictures is not None:
        drawn = options.pictures / f"timeline.{kind}"
        if drawn.is_file():
            return drawn
    path = folder / f"timeline.{kind}"
    draw_timeline(case, [path], dpi=options.dpi)
    return path


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """The timeline picture as SVG and as a 200 dpi PNG (the ``build`` writer)."""
    if not any(e.date.earliest or e.date.latest for e in case.entries):
        return Written([], ["timeline.svg/.png not written: the chronology has no dated entry"])
    return Written(draw_timeline(case, [out / "timeline.svg", out / "timeline.png"],
                                 dpi=options.dpi))

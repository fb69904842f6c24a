"""The genogram as files: the drawing in every format, laid out once."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import cast

from chronogen.draw.render import DEFAULT_DPI, draw_genogram, final_dot, find_dot
from chronogen.model.case import Case
from chronogen.model.chronology import span_of
from chronogen.model.family import Family
from chronogen.write.registry import FAMILY_FILES, OutputOptions, Written, by_suffix

GRAPHVIZ_MISSING = ("genogram.svg/.png/.pdf not written: Graphviz's 'dot' was not found "
                    "(Debian/Ubuntu: sudo apt-get install graphviz)")


def write_drawing(family: Family, output: Path, *, as_at: date | None = None,
                  title: str | None = None, dpi: int = DEFAULT_DPI) -> Path:
    """Draw *family*'s genogram to *output* (.svg, .png, .pdf or .dot)."""
    draw_genogram(family, [output], as_at=as_at, title=title, dpi=dpi)
    return output


def render_genogram(family: Family, output: Path | str, *, as_at: date | None = None,
                    title: str | None = None, dpi: int = DEFAULT_DPI) -> Path:
    """Draw the genogram of *family* to *output* (.svg, .png, .pdf or .dot), or write the
    family as GEDCOM 7 (.ged): the writer is chosen by the suffix. PNG is drawn at *dpi*."""
    output = Path(output)
    writer = by_suffix(FAMILY_FILES, output, "genogram")
    if writer.name == "ged":
        return cast(Path, writer.load()(family, output))
    return cast(Path, writer.load()(family, output, as_at=as_at, title=title, dpi=dpi))


def chronology_end(case: Case) -> date | None:
    """The latest day the chronology certainly reaches (the greatest earliest bound)."""
    covered = span_of(case.entries)
    return covered[1] if covered else None


def lay_out_genogram(case: Case, options: OutputOptions) -> None:
    """Lay out *case*'s genogram as its writers draw it (as at *options*' day, or the
    chronology's last), so that inside :func:`~chronogen.draw.render.layouts_shared` they
    find it laid out; nothing where Graphviz or the family is missing."""
    if find_dot() is not None and case.family.people:
        final_dot(case.family, as_at=drawn_as_at(options, chronology_end(case)))


def drawn_as_at(options: OutputOptions, end: date | None) -> date | None:
    """The day a build draws the genogram at, whichever writer draws it: the one asked
    for, else the chronology's last (*end*: :func:`chronology_end`, or the appendix's
    ``last``, the same day worked out once)."""
    return options.as_at or end


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``genogram.dot`` always; ``.svg``, ``.png`` and ``.pdf`` too where Graphviz is installed."""
    when = drawn_as_at(options, chronology_end(case))
    title = f"{case.title}: genogram"
    kinds = ("dot", "svg", "png", "pdf") if find_dot() is not None else ("dot",)
    files = draw_genogram(case.family, [out / f"genogram.{k}" for k in kinds], as_at=when,
                          title=title, dpi=options.dpi)
    return Written(files, [] if find_dot() is not None else [GRAPHVIZ_MISSING])


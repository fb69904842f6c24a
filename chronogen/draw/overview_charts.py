"""The overview's charts (matplotlib, as SVG text for the self-contained HTML page).

Four pictures of the tables across reviews: children's ages in bands, the themes found, the
share of reviews with each gap the flags find, and each review's recording rates (one dot
per review, the median marked). Same input, same bytes.
"""

from __future__ import annotations

import io
from typing import Any

from chronogen.draw.svg_text import inline_svg
from chronogen.model.overview import MEASURES, Overview

_INK, _BAR, _MUTED, _ACCENT = "#1F2933", "#2F5E8C", "#9AA5B1", "#C62828"


def overview_charts(overview: Overview) -> dict[str, str]:
    """Chart name -> SVG text (no XML prologue), for each chart the overview has data for."""
    charts: dict[str, str] = {}
    if overview.children:
        charts["ages"] = _svg("ages", _bars(
            list(overview.age_bands), list(overview.age_bands.values()),
            "Subject children by age at the incident", "children"))
    if overview.themes:
        shown = overview.themes[:15]
        charts["themes"] = _svg("themes", _bars(
            [t.name for t in shown], [t.reviews for t in shown],
            "Reviews in which each theme was found", "reviews"))
    if overview.reviews:
        gaps = [g for g in overview.gaps if g.reviews]
        if gaps:
            charts["gaps"] = _svg("gaps", _bars(
                [g.name for g in gaps], [100 * g.share for g in gaps],
                "Share of reviews with each gap the flags find", "% of reviews", limit=100))
        if any(r.contacts for r in overview.reviews):
            charts["recording"] = _svg("recording", _recording(overview))
    return charts


def _figure(height: float) -> tuple[Any, Any]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, height))
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _bars(labels: list[str], values: list[float], title: str, unit: str, *,
          limit: float | None = None) -> Any:
    figure, axes = _figure(0.9 + 0.32 * len(labels))
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, values, color=_BAR, height=0.65)
    axes.set_yticks(positions, labels, fontsize=9, color=_INK)
    top = limit if limit is not None else max([*values, 1]) * 1.15
    axes.set_xlim(0, top)
    if limit is None:  # counts: whole numbers on the axis
        from matplotlib.ticker import MaxNLocator

        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    for y, value in zip(positions, values, strict=True):
        text = f"{value:.0f}%" if limit == 100 else f"{value:g}"
        axes.text(value + top * 0.01, y, text, va="center", fontsize=8, color=_INK)
    axes.set_xlabel(unit, fontsize=9, color=_INK)
    axes.set_title(title, fontsize=11, loc="left", color=_INK)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    return figure


def _recording(overview: Overview) -> Any:
    figure, axes = _figure(1.0 + 0.55 * len(MEASURES))
    counted = [r for r in overview.reviews if r.contacts]
    labels = []
    for row, ((measure, field), spread) in enumerate(
            zip(MEASURES, overview.recording, strict=True)):
        y = len(MEASURES) - 1 - row
        shares = [100 * getattr(r, field) / r.contacts for r in counted]
        offsets = [y + ((n % 5) - 2) * 0.06 for n in range(len(shares))]
        axes.scatter(shares, offsets, s=22, color=_BAR, alpha=0.7, linewidths=0)
        if spread.median is not None:
            axes.plot([100 * spread.median] * 2, [y - 0.3, y + 0.3], color=_ACCENT,
                      linewidth=2)
        labels.append((y, measure))
    axes.set_yticks([y for y, _ in labels], [m for _, m in labels], fontsize=9, color=_INK)
    axes.set_xlim(-2, 102)
    axes.set_ylim(-0.6, len(MEASURES) - 0.4)
    axes.set_xlabel("% of the contacts in which a child could be seen\n(one dot a review; "
                    "red: the median)", fontsize=8, color=_INK)
    axes.set_title("How each review's chronology records the child", fontsize=11, loc="left",
                   color=_INK)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="x", color=_MUTED, alpha=0.3)
    figure.tight_layout()
    return figure


def _svg(name: str, figure: Any) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"chronogen-{name}", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "chronogen"})
    return inline_svg(buffer.getvalue())

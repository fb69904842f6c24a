"""``overview.html``: the overview across reviews in one self-contained page (Jinja2).

The charts are inline SVG (matplotlib); nothing is fetched. Printed, the contents list goes
and every table keeps its header.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chronogen.domain.wording import counted
from chronogen.draw.overview_charts import overview_charts
from chronogen.model.overview import Overview, ReviewFigures
from chronogen.write.overview_xlsx import ABOUT

TEMPLATES = Path(__file__).parent / "templates"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _ratio(part: int, whole: int) -> str:
    return "–" if not whole else f"{100 * part / whole:.0f}% ({part}/{whole})"


def _longest(review: ReviewFigures) -> str:
    days = [c.longest_unseen_days for c in review.children if c.longest_unseen_days is not None]
    return counted(max(days), "day") if days else "–"


def _heat(overview: Overview) -> dict[str, Any]:
    """The co-occurrence of the most frequent themes as a square table, shaded by count."""
    themes = [t.name for t in overview.themes[:12]]
    counts = {(p.first, p.second): p.reviews for p in overview.co_occurrence}
    single = {t.name: t.reviews for t in overview.themes}
    top = max([*single.values(), 1])
    rows = []
    for a in themes:
        cells = []
        for b in themes:
            n = single[a] if a == b else counts.get((min(a, b), max(a, b)), 0)
            strength = n / top
            colour = f"rgba(47, 94, 140, {0.08 + 0.6 * strength:.2f})" if n else "#ffffff"
            cells.append({"text": str(n) if n else "", "colour": colour})
        rows.append({"name": a, "cells": cells})
    return {"themes": themes if len(themes) > 1 else [], "rows": rows}


def render_overview(overview: Overview) -> str:
    """The overview page as HTML text."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
    from markupsafe import Markup

    environment = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                              autoescape=select_autoescape(["html", "j2"],
                                                           default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True)
    charts = {name: Markup(svg) for name, svg in overview_charts(overview).items()}
    return environment.get_template("overview.html.j2").render(
        overview=overview, entries=sum(r.entries for r in overview.reviews),
        charts={k: charts.get(k, "") for k in ("ages", "themes", "gaps", "recording")},
        heat=_heat(overview), about=ABOUT, pct=_pct, ratio=_ratio, longest=_longest)


def write_overview_html(overview: Overview, output: Path) -> Path:
    """Write ``overview.html``."""
    output.write_text(render_overview(overview), encoding="utf-8")
    return output

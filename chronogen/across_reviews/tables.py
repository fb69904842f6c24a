"""The tables across reviews the national studies print, from each review's figures."""

from __future__ import annotations

import statistics
from collections import Counter
from itertools import combinations

from chronogen.model.family import Sex
from chronogen.model.flag import FlagCode
from chronogen.model.overview import (
    AGE_BANDS,
    DISABILITY_ANSWERS,
    MEASURES,
    Count,
    Overview,
    OverviewProblem,
    Pair,
    ReviewFigures,
    Spread,
)


def tables(reviews: list[ReviewFigures], problems: list[OverviewProblem]) -> Overview:
    """The overview of *reviews* (each review once): every table, deterministic."""
    reviews = sorted(reviews, key=lambda r: r.review)
    total = len(reviews)
    children = [c for r in reviews for c in r.children]
    bands = Counter(c.age_band for c in children)
    sexes = Counter(c.sex.value for c in children)
    disabled = Counter(c.disabled for c in children)
    types = Counter(r.type or "not recorded" for r in reviews)
    return Overview(
        reviews=reviews,
        children=len(children),
        age_bands={band: bands.get(band, 0) for band in AGE_BANDS},
        sex={sex.value: sexes.get(sex.value, 0) for sex in Sex},
        disability={answer.value: disabled.get(answer, 0) for answer in DISABILITY_ANSWERS},
        review_types=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        themes=_themes(reviews, total),
        co_occurrence=_pairs(reviews),
        gaps=[Count(name=code.value, reviews=n, share=_share(n, total),
                    explanation=code.meaning)
              for code in FlagCode
              for n in [sum(1 for r in reviews if r.flags.get(code.value, 0))]],
        agencies=_ranked(Counter(a for r in reviews for a in r.agencies), total),
        recording=[_spread(reviews, measure, field) for measure, field in MEASURES],
        problems=problems,
    )


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _ranked(counts: Counter[str], total: int) -> list[Count]:
    return [Count(name=name, reviews=n, share=_share(n, total))
            for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _themes(reviews: list[ReviewFigures], total: int) -> list[Count]:
    panel = Counter(t for r in reviews for t in r.panel_themes)
    flags = Counter(t for r in reviews for t in r.flag_themes)
    found = _ranked(Counter(t for r in reviews for t in r.themes), total)
    for count in found:
        count.explanation = (f"recorded by the panel in {panel.get(count.name, 0)}, shown by "
                             f"the flags in {flags.get(count.name, 0)}")
    return found


def _pairs(reviews: list[ReviewFigures]) -> list[Pair]:
    counts = Counter(pair for r in reviews for pair in combinations(sorted(r.themes), 2))
    return [Pair(first=a, second=b, reviews=n)
            for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _spread(reviews: list[ReviewFigures], measure: str, field: str) -> Spread:
    counted = [r for r in reviews if r.contacts]
    shares = sorted(getattr(r, field) / r.contacts for r in counted)
    if not shares:
        return Spread(measure=measure)
    quartiles = statistics.quantiles(shares, n=4, method="inclusive") if len(shares) > 1 \
        else [shares[0]] * 3
    return Spread(
        measure=measure, reviews=len(counted),
        pooled=round(sum(getattr(r, field) for r in counted) / sum(r.contacts for r in counted),
                     4),
        median=round(statistics.median(shares), 4), lower_quartile=round(quartiles[0], 4),
        upper_quartile=round(quartiles[2], 4), minimum=round(shares[0], 4),
        maximum=round(shares[-1], 4))

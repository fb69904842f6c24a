"""Gaps in what is recorded about the family itself."""

from __future__ import annotations

from collections.abc import Iterator

from chronogen.analyse.context import FlagContext, join_words
from chronogen.analyse.flags.registry import rule
from chronogen.model.flag import Flag, FlagCode, FlagSeverity


@rule(FlagCode.MISSING_ETHNICITY)
def missing_ethnicity(ctx: FlagContext) -> Iterator[Flag]:
    """Family members with no ethnicity recorded."""
    missing = [p for p in ctx.case.family.people
               if not p.placeholder and p.pregnancy is None and not p.ethnicity]
    if missing:
        yield Flag(code=FlagCode.MISSING_ETHNICITY, severity=FlagSeverity.LOW,
                   people=[p.id for p in missing],
                   message=(f"Ethnicity is not recorded for {join_words([p.name for p in missing])}"
                            f" ({len(missing):,} of {len(ctx.case.family.people):,} family "
                            "members)."))

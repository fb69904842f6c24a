"""Gaps in what is recorded about the family itself."""

from __future__ import annotations

from collections.abc import Iterator

from chronogen.analyse.context import FlagContext, join_words
from chronogen.analyse.flags.registry import rule
from chronogen.model.flag import Flag, FlagCode, FlagSeverity

#: what a family file writes where no ethnicity was found out ("Not known" is a gap, as a
#: blank is; "Not stated" and "Prefer not to say" are the person's own answer)
UNKNOWN_ETHNICITY = frozenset({"not known", "unknown", "nk", "n k", "not recorded",
                               "not asked", "not obtained", "tbc", "to be confirmed", "", "?",
                               "not given", "information not yet obtained", "none recorded"})


def _unrecorded(ethnicity: str | None) -> bool:
    return ethnicity is None or " ".join(
        ethnicity.lower().replace("/", " ").replace("-", " ").split()).strip(" .") \
        in UNKNOWN_ETHNICITY


@rule(FlagCode.MISSING_ETHNICITY)
def missing_ethnicity(ctx: FlagContext) -> Iterator[Flag]:
    """Family members with no ethnicity recorded (blank, or written as not known)."""
    missing = [p for p in ctx.case.family.people
               if not p.placeholder and p.pregnancy is None and _unrecorded(p.ethnicity)]
    if missing:
        yield Flag(code=FlagCode.MISSING_ETHNICITY, severity=FlagSeverity.LOW,
                   people=[p.id for p in missing],
                   message=(f"Ethnicity is not recorded for {join_words([p.name for p in missing])}"
                            f" ({len(missing):,} of {len(ctx.case.family.people):,} family "
                            "members)."))

"""Contacts that saw a parent but no child: the record's focus on the adults."""

from __future__ import annotations

from collections.abc import Iterator

from chronogen.analyse.context import DIRECT, FlagContext
from chronogen.analyse.flags.registry import rule
from chronogen.model.chronology import Entry
from chronogen.model.flag import Flag, FlagCode, FlagSeverity
from chronogen.model.recorded import Recorded


def adult_only(ctx: FlagContext, entry: Entry, subjects: set[str] | None = None) -> bool:
    """A direct contact in which an adult of the family took part and no child was seen
    (*subjects*: the subject children's ids, when the caller has them already)."""
    if entry.kind not in DIRECT:
        return False
    yes = Recorded.YES
    for record in entry.children.values():
        if record.seen is yes:
            return False
    children = subjects if subjects is not None else {c.id for c in ctx.children}
    # someone took part who is not a subject child
    return not ctx.participants.frozen(entry) <= children


@rule(FlagCode.PARENTAL_FOCUS)
def parental_focus(ctx: FlagContext) -> Iterator[Flag]:
    """Per agency: the share of direct contacts that saw a parent or carer but no child."""
    share = ctx.settings.parental_focus_share
    minimum = ctx.settings.parental_focus_min_contacts
    subjects = {c.id for c in ctx.children}
    # the agencies in the order they first come (the index's order)
    by_agency: dict[str, list[Entry]] = {agency: [] for agency in ctx.by_agency}
    for entry in ctx.of_kinds(DIRECT):
        by_agency[entry.agency].append(entry)
    for agency, direct in by_agency.items():
        adults = [e for e in direct if adult_only(ctx, e, subjects)]
        if len(direct) < minimum or not adults or len(adults) / len(direct) < share:
            continue
        yield Flag(
            code=FlagCode.PARENTAL_FOCUS, severity=FlagSeverity.MEDIUM,
            evidence=[e.id for e in adults],
            message=(f"{agency}: {len(adults):,} of {len(direct):,} direct contacts "
                     f"({100 * len(adults) // len(direct)}%) were with a parent or carer and "
                     "saw no child."))

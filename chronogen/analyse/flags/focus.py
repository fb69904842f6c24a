"""Contacts that saw a parent but no child: the record's focus on the adults."""

from __future__ import annotations

from collections.abc import Iterator

from chronogen.analyse.context import DIRECT, FlagContext
from chronogen.analyse.flags.registry import rule
from chronogen.model.chronology import Entry
from chronogen.model.flag import Flag, FlagCode, FlagSeverity
from chronogen.model.recorded import Recorded


@rule(FlagCode.PARENTAL_FOCUS, long=True)
def parental_focus(ctx: FlagContext) -> Iterator[Flag]:
    """Per agency: the share of direct contacts that saw a parent or carer but no child."""
    share = ctx.settings.parental_focus_share
    minimum = ctx.settings.parental_focus_min_contacts
    subjects, yes = ctx.subjects, Recorded.YES
    # the agencies in the order they first come (the index's order): direct contacts, and
    # those that saw an adult and no child
    direct = dict.fromkeys(ctx.by_agency, 0)
    adults: dict[str, list[Entry]] = {agency: [] for agency in ctx.by_agency}
    columns = ctx.columns
    for place, (entry, kind, agency, children) in enumerate(zip(
            columns.entries, columns.kinds, columns.agencies, columns.children, strict=True)):
        if kind not in DIRECT:
            continue
        direct[agency] += 1
        if any(state[1] is yes for state in children):
            continue
        if not ctx.took_part(place) <= subjects:  # someone not a subject child took part
            adults[agency].append(entry)
    for agency, contacts in direct.items():
        found = adults[agency]
        if contacts < minimum or not found or len(found) / contacts < share:
            continue
        yield Flag(
            code=FlagCode.PARENTAL_FOCUS, severity=FlagSeverity.MEDIUM,
            evidence=[e.id for e in found],
            message=(f"{agency}: {len(found):,} of {contacts:,} direct contacts "
                     f"({100 * len(found) // contacts}%) were with a parent or carer and "
                     "saw no child."))

"""Adults living with a subject child whom no agency saw in a contact about a child."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from chronogen.analyse.context import FlagContext, fmt, join_words, span
from chronogen.analyse.flags.registry import rule
from chronogen.model.chronology import Entry
from chronogen.model.flag import Flag, FlagCode, FlagSeverity


@rule(FlagCode.HIDDEN_ADULT)
def hidden_adult(ctx: FlagContext) -> Iterator[Flag]:
    """An adult who lived with a subject child and, while they did, never took part in a
    contact that also concerned a subject child. Police contacts do not count (settings);
    being named in free text is not taking part; a consultation about the adult alone does
    not count either."""
    start, end = ctx.start, ctx.end
    if start is None or end is None:
        return
    excluded = {a.lower() for a in ctx.settings.hidden_adult_exclude_agencies}
    stays: dict[str, list[tuple[str, date, date]]] = {}
    for child in ctx.children:
        for stay in ctx.kinship.adults_in_household(child.id, start, end):
            stays.setdefault(stay.person, []).append(
                (child.id, stay.start or start, stay.end or end))
    order = [c.id for c in ctx.children]
    columns = ctx.columns
    for adult, periods in stays.items():
        first = min(p[1] for p in periods)
        last = max(p[2] for p in periods)
        counted: list[Entry] = []
        not_counted: list[Entry] = []
        for place, (entry, (day, _), agency, states) in enumerate(zip(
                columns.entries, columns.bounds, columns.agencies, columns.children,
                strict=True)):
            if not first <= day <= last or adult not in ctx.took_part(place):
                continue
            if states and agency.lower() not in excluded:
                counted.append(entry)
            else:
                not_counted.append(entry)
        if counted:
            continue
        person = ctx.case.family.get(adult)
        name = person.name if person else adult
        children = sorted({p[0] for p in periods}, key=order.index)
        note = ""
        if not_counted:
            agencies = join_words(sorted({e.agency for e in not_counted}))
            note = (f"; {name} appears only in {agencies} contacts that concerned no child "
                    f"or do not count here ({len(not_counted):,})")
        yield Flag(
            code=FlagCode.HIDDEN_ADULT, severity=FlagSeverity.HIGH, people=[adult, *children],
            period=span(first, last), evidence=[e.id for e in not_counted],
            message=(f"{name} lived with {ctx.names(children)} from {fmt(first)} to "
                     f"{fmt(last)} (within the chronology) and took part in no recorded "
                     f"contact about a child in that time{note}."))

"""Was the child seen, were their views sought, and how long did no one see them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from chronogen.analyse.context import (
    EXPECT_SEEN,
    FlagContext,
    fmt,
    join_words,
    some_of,
    span,
    typed_flag,
    unseen_gaps,
)
from chronogen.analyse.flags.registry import rule
from chronogen.dates import span_rank
from chronogen.domain.wording import counted
from chronogen.model.chronology import Entry
from chronogen.model.flag import Flag, FlagCode, FlagSeverity
from chronogen.model.recorded import Recorded


@rule(FlagCode.CHILD_NOT_SEEN)
def child_not_seen(ctx: FlagContext) -> Iterator[Flag]:
    """A contact where seeing the child could be expected, recorded as not seen."""
    columns, no = ctx.columns, Recorded.NO
    for entry, kind, children in zip(columns.entries, columns.kinds, columns.children,
                                     strict=True):
        if not children or kind not in EXPECT_SEEN:
            continue
        unseen = [child for child, seen, _, _ in children if seen is no]
        if not unseen:
            continue
        yield typed_flag(
            FlagCode.CHILD_NOT_SEEN, FlagSeverity.MEDIUM,
            f"{entry.date.display()}, {entry.agency} ({entry.kind.value}): "
            f"{ctx.names(unseen)} {'was' if len(unseen) == 1 else 'were'} recorded as "
            f"not seen ({ctx.where(entry)}).", people=unseen, period=entry.date,
            evidence=[entry.id])


@rule(FlagCode.SEEN_NOT_RECORDED)
def seen_not_recorded(ctx: FlagContext) -> Iterator[Flag]:
    """Per agency: contacts where a child could be seen that do not say whether they were."""
    by_agency: dict[str, list[Entry]] = {}
    #: of those, the entries whose words say a child was seen, and which
    said_of: dict[str, list[tuple[Entry, tuple[str, ...]]]] = {}
    totals: dict[str, int] = {}
    columns, not_recorded = ctx.columns, Recorded.NOT_RECORDED
    for place, (entry, kind, agency, states) in enumerate(zip(
            columns.entries, columns.kinds, columns.agencies, columns.children, strict=True)):
        if not states or kind not in EXPECT_SEEN:
            continue
        totals[agency] = totals.get(agency, 0) + 1
        if all(state[1] is not_recorded for state in states):
            by_agency.setdefault(agency, []).append(entry)
            if said := ctx.said_seen(place, [state[0] for state in states]):
                said_of.setdefault(agency, []).append((entry, said))
    for agency, entries in by_agency.items():
        children = sorted({c for e in entries for c in e.children},
                          key=[p.id for p in ctx.children].index)
        yield Flag(
            code=FlagCode.SEEN_NOT_RECORDED, severity=FlagSeverity.LOW, people=children,
            period=span(entries[0].date.sort_key[0], entries[-1].date.sort_key[0]),
            evidence=[e.id for e in entries],
            message=(f"{agency}: {len(entries):,} of {counted(totals[agency], 'contact')} "
                     "where a child could have been seen "
                     f"{'does' if len(entries) == 1 else 'do'} not record whether the child "
                     "was seen ("
                     + some_of(entries, lambda e: e.date.display(), ", ") + ")."
                     + _said_seen(ctx, said_of.get(agency, []), len(entries))))


def _said_seen(ctx: FlagContext, said: list[tuple[Entry, tuple[str, ...]]], of: int) -> str:
    """What the words of the records with no seen answer say of a sighting (a pointer: the
    records stay unseen-not-recorded)."""
    if not said:
        return ""
    many = len(said) > 1
    who = "It" if of == 1 else f"{len(said):,} of them" if many else "One of them"
    listed = some_of(said, lambda pair: f"{ctx.names(pair[1])} {pair[0].date.display()}", "; ")
    return (f" {who} {'say' if many else 'says'} in {'their' if many else 'its'} own words "
            f"that a child was seen ({listed}): read {'them' if many else 'it'}; the seen "
            "column can be filled at the source.")


@rule(FlagCode.VIEWS_NOT_RECORDED, long=True)
def views_not_recorded(ctx: FlagContext) -> Iterator[Flag]:
    """A child seen, old enough to give views, whose views were not recorded."""
    minimum = ctx.settings.views_from_age
    # each child old enough from a known day: their entries, and how many saw them
    ages = {child.id: old_enough for child in ctx.children
            if (old_enough := child.first_day_aged(minimum)) is not None}
    missing_of: dict[str, list[Entry]] = {child: [] for child in ages}
    #: of those, the entries with no views answer whose words give the child's own
    said_of: dict[str, list[Entry]] = {child: [] for child in ages}
    seen_of = dict.fromkeys(ages, 0)
    columns, yes, not_given = ctx.columns, Recorded.YES, (Recorded.NOT_RECORDED, Recorded.NO)
    for place, (entry, (first, _), children) in enumerate(zip(
            columns.entries, columns.bounds, columns.children, strict=True)):
        for child_id, seen, views, _ in children:  # in chronology order
            if seen is yes and (old_enough := ages.get(child_id)) is not None \
                    and first >= old_enough:
                seen_of[child_id] += 1
                if views in not_given:
                    missing_of[child_id].append(entry)
                    if views is Recorded.NOT_RECORDED and child_id in ctx.said_views(
                            place, [state[0] for state in children]):
                        said_of[child_id].append(entry)
    for child in ctx.children:
        missing = missing_of.get(child.id)
        seen_total = seen_of.get(child.id, 0)
        if not missing:
            continue
        times = (f"{seen_total:,} times at an age to give views ({minimum} or over); on "
                f"{len(missing):,} of them" if seen_total > 1 else  # "seen 1 times"
                f"once at an age to give views ({minimum} or over), and then")
        yield Flag(
            code=FlagCode.VIEWS_NOT_RECORDED, severity=FlagSeverity.MEDIUM, people=[child.id],
            period=span(missing[0].date.sort_key[0], missing[-1].date.sort_key[0]),
            evidence=[e.id for e in missing],
            message=(f"{ctx.name(child.id)} was seen {times} the child's views were not "
                     "recorded: " + some_of(
                         missing, lambda e: f"{e.agency} {e.date.display()}", "; ") + "."
                     + _views_in_words(ctx, child.id, said_of[child.id])))


def _views_in_words(ctx: FlagContext, child_id: str, said: list[Entry]) -> str:
    """What the words of the records with no views answer give of the child's own (a
    pointer: they stay counted)."""
    if not said:
        return ""
    many = len(said) > 1
    listed = some_of(said, lambda e: f"{e.agency} {e.date.display()}", "; ")
    who = f"{len(said):,} of them say in their" if many else "One of them says in its"
    return (f" {who} own words what {ctx.name(child_id)} said, wished or was asked "
            f"({listed}): read {'them' if many else 'it'}; the views column can be filled at "
            "the source.")


@rule(FlagCode.UNSEEN_PERIOD)
def unseen_period(ctx: FlagContext) -> Iterator[Flag]:
    """Runs of more than the set number of days in which no agency saw a subject child;
    one flag for a period several children share to the day (siblings unseen together)."""
    limit = ctx.settings.unseen_days
    firsts: list[date] = []  # each entry's first day, in chronology order (for bisect)
    #: (first day, last day, what opens it, what closes it) -> each child's part in it
    shared: dict[tuple[date, date, tuple[str, str], tuple[str, str]], list[_Unseen]] = {}
    for child in ctx.children:
        gaps = unseen_gaps(ctx, child.id)
        if not gaps:
            continue
        longest = max(gaps, key=lambda g: span_rank(g[0], g[1]))
        born = child.birth.earliest if child.birth is not None else None
        died = child.death.earliest if child.death is not None else None
        for first, last, before, after in gaps:
            if (last - first).days <= limit:
                continue
            if not firsts:
                firsts.extend(first_day for first_day, _ in ctx.columns.bounds)
            # what opens and closes the period: a sighting, the child's birth or death (said
            # as it is known: a month, if only the month is), or the chronology's start or end
            opened = ("seen", "") if before else ("birth", child.birth.display()) if (
                child.birth is not None and first == born) else ("start", "")
            closed = ("seen", "") if after else ("death", child.death.display()) if (
                child.death is not None and last == died) else ("end", "")
            shared.setdefault((first, last, opened, closed), []).append(
                _Unseen(child.id, (first, last) == longest[:2],
                        [e for e in (before, after) if e],
                        _said_seen_within(ctx, child.id, first, last, firsts)))
    for (first, last, opened, closed), unseen in shared.items():
        yield _unseen_flag(ctx, first, last, opened, closed, unseen)


@dataclass
class _Unseen:
    """One child's part in an unseen period: is it their longest, the sightings bounding
    it, and the records within it whose words say the child was seen."""

    child: str
    longest: bool
    bounds: list[str]
    said: list[Entry]


def _unseen_flag(ctx: FlagContext, first: date, last: date, opened: tuple[str, str],
                 closed: tuple[str, str], unseen: list[_Unseen]) -> Flag:
    whose = "the child's" if len(unseen) == 1 else "the children's"
    opening = {"seen": f"the last recorded sighting on {fmt(first)}",
               "birth": f"{whose} birth ({opened[1]})"}.get(
        opened[0], f"the start of the chronology ({fmt(first)})")
    closing = {"seen": f"the next on {fmt(last)}", "death": f"{whose} death ({closed[1]})"}.get(
        closed[0], f"the end of the chronology ({fmt(last)})")
    children = [part.child for part in unseen]
    longest = [part.child for part in unseen if part.longest]
    if len(unseen) == 1:
        lead, tail = ("Longest period" if longest else "A period"), ""
    else:
        lead = "A period"
        tail = ("" if not longest else "; for each of them the longest"
                if len(longest) == len(unseen) else f"; the longest for {ctx.names(longest)}")
    evidence = list(dict.fromkeys(
        [entry_id for part in unseen for entry_id in part.bounds]
        + [e.id for part in unseen for e in part.said]))
    return Flag(
        code=FlagCode.UNSEEN_PERIOD,
        severity=FlagSeverity.HIGH if longest else FlagSeverity.MEDIUM,
        people=children, period=span(first, last), evidence=evidence,
        message=(f"{lead} in which no agency recorded seeing "
                 f"{join_words([ctx.name(c) for c in children], 'or')}: {(last - first).days} "
                 f"days, from {opening} to {closing}{tail}."
                 + "".join(_words_within(ctx, part.child, part.said) for part in unseen)))


def _said_seen_within(ctx: FlagContext, child_id: str, first: date, last: date,
                      firsts: list[date]) -> list[Entry]:
    """The entries dated to a day strictly within an unseen period whose words say the child
    was seen and whose seen columns say nothing of the child (a school's record of another
    pupil may name the child: "Ava and Mia seen in school")."""
    columns = ctx.columns
    found = []
    for place in range(bisect_right(firsts, first), bisect_left(firsts, last)):
        if not columns.exact[place]:
            continue
        states = columns.children[place]
        if all(state[0] != child_id or state[1] is Recorded.NOT_RECORDED for state in states) \
                and child_id in ctx.said_seen(place, [state[0] for state in states]):
            found.append(columns.entries[place])
    return found


def _words_within(ctx: FlagContext, child_id: str, said: list[Entry]) -> str:
    if not said:
        return ""
    many = len(said) > 1
    listed = some_of(said, lambda e: f"{e.agency} {e.date.display()} ({ctx.where(e)})", "; ")
    return (f" Within it, {counted(len(said), 'record')} "
            f"{'say' if many else 'says'} in {'their' if many else 'its'} own words that "
            f"{ctx.name(child_id)} was seen, though no seen column records it: {listed}. "
            f"Read {'them' if many else 'it'} before relying on this period.")

"""Per agency, per child and per month summaries (the tables a review report carries)."""

from __future__ import annotations

from chronogen.analyse.context import FlagContext, span, unseen_gaps
from chronogen.dates import span_rank
from chronogen.model.case import Case
from chronogen.model.chronology import ContactKind
from chronogen.model.recorded import Recorded
from chronogen.model.summary import AgencySummary, ChildSummary, MonthSummary, Summaries

SEEN, ALONE, VIEWS, MISSED, NO_ACCESS = range(5)  # a child's tallies


def summarise(case: Case, context: FlagContext | None = None) -> Summaries:
    """The summaries of *case* (per agency, per child, per month).

    *context* is the one :func:`~chronogen.analyse.flags.find_flags` already built for the
    same case, so the facts both need are worked out once.
    """
    ctx = context if context is not None else FlagContext(case, case.settings)
    result = Summaries()
    yes, not_recorded = Recorded.YES, Recorded.NOT_RECORDED  # local names: read millions of times
    missed_kinds = {ContactKind.WAS_NOT_BROUGHT: MISSED, ContactKind.NO_ACCESS_VISIT: NO_ACCESS}
    # per agency: contacts, about children, a child seen, views, seen not recorded
    tallies: dict[str, list[int]] = {a.name: [0, 0, 0, 0, 0] for a in case.agencies}
    subjects = {c.id for c in case.family.subject_children}
    seen_by: dict[str, dict[str, int]] = {c: {} for c in subjects}
    # per child: seen, seen alone, views, missed appointments, no-access visits
    counts: dict[str, list[int]] = {c: [0, 0, 0, 0, 0] for c in subjects}
    months: dict[tuple[int, int], list[int]] = {}  # (year, month) -> contacts, a child seen
    columns = ctx.columns  # one pass for every table, over the rules' lists
    for entry, agency, kind, children, (first, last) in zip(
            columns.entries, columns.agencies, columns.kinds, columns.children, columns.bounds,
            strict=True):
        counted = tallies.get(agency)
        if counted is None:
            counted = tallies[agency] = [0, 0, 0, 0, 0]
        counted[0] += 1
        any_seen = False
        if children:
            any_views, none_recorded = False, True
            for child_id, seen, child_views, alone in children:
                if seen is not not_recorded:
                    none_recorded = False
                views = child_views is yes
                any_views = any_views or views
                if seen is yes:
                    any_seen = True
                if child_id not in subjects:
                    continue
                tally = counts[child_id]
                if seen is yes:
                    tally[SEEN] += 1
                    agencies = seen_by[child_id]
                    agencies[agency] = agencies.get(agency, 0) + 1
                    if alone is yes:
                        tally[ALONE] += 1
                if views:
                    tally[VIEWS] += 1
            counted[1] += 1
            counted[2] += any_seen
            counted[3] += any_views
            counted[4] += none_recorded
        missed = missed_kinds.get(kind)
        if missed is not None:
            for child_id in subjects & (set(entry.children) | set(entry.people)):
                counts[child_id][missed] += 1
        if first.month == last.month and first.year == last.year:  # else in no one month
            month = months.get((first.year, first.month))
            if month is None:
                month = months[first.year, first.month] = [0, 0]
            month[0] += 1
            month[1] += any_seen
    for agency, (contacts, about, any_seen_n, views_n, unrecorded_n) in tallies.items():
        result.agencies.append(AgencySummary(
            agency=agency, contacts=contacts, about_children=about, child_seen=any_seen_n,
            views_recorded=views_n, seen_not_recorded=unrecorded_n))
    for child in case.family.subject_children:
        gaps = unseen_gaps(ctx, child.id)
        longest = max(gaps, key=lambda g: span_rank(g[0], g[1])) if gaps else None
        tally = counts[child.id]
        result.children.append(ChildSummary(
            child=child.id, name=child.name, times_seen=tally[SEEN],
            seen_by=seen_by[child.id], times_seen_alone=tally[ALONE],
            views_recorded=tally[VIEWS],
            longest_unseen_days=(longest[1] - longest[0]).days if longest else None,
            longest_unseen=span(longest[0], longest[1]) if longest else None,
            missed_appointments=tally[MISSED], no_access_visits=tally[NO_ACCESS],
        ))
    result.months = [MonthSummary(month=f"{year}-{number:02d}", contacts=contacts,
                                  child_seen=seen)
                     for (year, number), (contacts, seen) in sorted(months.items())]
    return result

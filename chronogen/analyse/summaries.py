"""Per agency, per child and per month summaries (the tables a review report carries)."""

from __future__ import annotations

from chronogen.analyse.context import FlagContext, span, unseen_gaps
from chronogen.model.case import Case
from chronogen.model.chronology import ContactKind
from chronogen.model.recorded import Recorded
from chronogen.model.summary import AgencySummary, ChildSummary, MonthSummary, Summaries


def summarise(case: Case, context: FlagContext | None = None) -> Summaries:
    """The summaries of *case* (per agency, per child, per month).

    *context* is the one :func:`~chronogen.analyse.flags.find_flags` already built for the
    same case, so the facts both need are worked out once.
    """
    ctx = context if context is not None else FlagContext(case, case.settings)
    result = Summaries()
    # per agency: contacts, about children, a child seen, views, seen not recorded (one pass)
    tallies: dict[str, list[int]] = {a.name: [0, 0, 0, 0, 0] for a in case.agencies}
    for entry in case.entries:
        counted = tallies.setdefault(entry.agency, [0, 0, 0, 0, 0])
        counted[0] += 1
        if not entry.children:
            continue
        counted[1] += 1
        records = entry.children.values()
        counted[2] += any(r.seen is Recorded.YES for r in records)
        counted[3] += any(r.views is Recorded.YES for r in records)
        counted[4] += all(r.seen is Recorded.NOT_RECORDED for r in records)
    for agency, (contacts, about, seen, views, not_recorded) in tallies.items():
        result.agencies.append(AgencySummary(
            agency=agency, contacts=contacts, about_children=about, child_seen=seen,
            views_recorded=views, seen_not_recorded=not_recorded))
    subjects = {c.id for c in case.family.subject_children}
    seen_by: dict[str, dict[str, int]] = {c: {} for c in subjects}
    counts: dict[str, dict[str, int]] = {c: dict.fromkeys(
        ("seen", "alone", "views", "missed", "no_access"), 0) for c in subjects}
    for entry in case.entries:  # one pass for every child
        for child_id, record in entry.children.items():
            if child_id not in subjects:
                continue
            if record.seen is Recorded.YES:
                counts[child_id]["seen"] += 1
                agencies = seen_by[child_id]
                agencies[entry.agency] = agencies.get(entry.agency, 0) + 1
                if record.seen_alone is Recorded.YES:
                    counts[child_id]["alone"] += 1
            if record.views is Recorded.YES:
                counts[child_id]["views"] += 1
        if entry.kind in (ContactKind.WAS_NOT_BROUGHT, ContactKind.NO_ACCESS_VISIT):
            key = "missed" if entry.kind is ContactKind.WAS_NOT_BROUGHT else "no_access"
            for child_id in subjects & (set(entry.children) | set(entry.people)):
                counts[child_id][key] += 1
    for child in case.family.subject_children:
        gaps = unseen_gaps(ctx, child.id)
        longest = max(gaps, key=lambda g: (g[1] - g[0]).days) if gaps else None
        tally = counts[child.id]
        result.children.append(ChildSummary(
            child=child.id, name=child.name, times_seen=tally["seen"],
            seen_by=seen_by[child.id], times_seen_alone=tally["alone"],
            views_recorded=tally["views"],
            longest_unseen_days=(longest[1] - longest[0]).days if longest else None,
            longest_unseen=span(longest[0], longest[1]) if longest else None,
            missed_appointments=tally["missed"], no_access_visits=tally["no_access"],
        ))
    months: dict[tuple[int, int], list[int]] = {}  # (year, month) -> contacts, a child seen
    for entry in case.entries:
        first, last = entry.date.sort_key
        if (first.year, first.month) != (last.year, last.month):
            continue  # a year-only or range date belongs to no one month
        month = months.get((first.year, first.month))
        if month is None:
            month = months[first.year, first.month] = [0, 0]
        month[0] += 1
        month[1] += any(r.seen is Recorded.YES for r in entry.children.values())
    result.months = [MonthSummary(month=f"{year}-{number:02d}", contacts=contacts,
                                  child_seen=seen)
                     for (year, number), (contacts, seen) in sorted(months.items())]
    return result

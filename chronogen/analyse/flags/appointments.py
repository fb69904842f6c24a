"""Missed appointments (was not brought) and no-access visits, per child, with clusters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from chronogen.analyse.context import FlagContext, some_of, span
from chronogen.analyse.flags.registry import rule
from chronogen.domain.wording import counted
from chronogen.model.chronology import ContactKind, Entry
from chronogen.model.flag import Flag, FlagCode, FlagSeverity


def _children_of(ctx: FlagContext, entry: Entry) -> list[str]:
    subjects = ctx.subjects
    return [c for c in entry.children if c in subjects] or [
        p for p in entry.people if p in subjects]


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def _clustered(days: list[date], count: int, months: int) -> bool:
    for index in range(len(days) - count + 1):
        if days[index + count - 1] <= _add_months(days[index], months):
            return True
    return False


@rule(FlagCode.WAS_NOT_BROUGHT, FlagCode.NO_ACCESS_VISIT)
def missed(ctx: FlagContext) -> Iterator[Flag]:
    """Per child: every appointment they were not brought to, and every no-access visit;
    a cluster (the set number within the set months) raises the severity."""
    count, months = ctx.settings.was_not_brought_cluster, ctx.settings.was_not_brought_months
    for kind, code, what in ((ContactKind.WAS_NOT_BROUGHT, FlagCode.WAS_NOT_BROUGHT,
                              "was not brought to"),
                             (ContactKind.NO_ACCESS_VISIT, FlagCode.NO_ACCESS_VISIT,
                              "was not seen because no one answered the door at")):
        of_kind = [(e, _children_of(ctx, e)) for e in ctx.of_kinds(frozenset({kind}))]
        for child in ctx.children:
            entries = [e for e, children in of_kind if child.id in children]
            if not entries:
                continue
            days = sorted(e.date.sort_key[0] for e in entries)
            cluster = _clustered(days, count, months)
            listing = some_of(entries, lambda e: f"{e.date.display()} ({e.agency})")
            noun = "appointments" if kind is ContactKind.WAS_NOT_BROUGHT else "visits"
            message = (f"{ctx.name(child.id)} {what} "
                       f"{counted(len(entries), noun[:-1], noun)}: {listing}.")
            if cluster:
                agencies = counted(len({e.agency for e in entries}), "agency", "agencies")
                message += (f" At least {count} fell within {months} months, across "
                            f"{agencies}.")
            yield Flag(code=code, severity=FlagSeverity.HIGH if cluster else FlagSeverity.MEDIUM,
                       people=[child.id], period=span(days[0], days[-1]),
                       evidence=[e.id for e in entries], message=message)

"""Referrals sent to another agency with no sign that it was received."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from chronogen.analyse.context import FlagContext, fmt, span
from chronogen.analyse.flags.registry import rule
from chronogen.domain.agencies import canonical_agency, resolve_agency
from chronogen.model.flag import Flag, FlagCode, FlagSeverity


def add_working_days(day: date, days: int) -> date:
    """*day* plus *days* working days (Monday to Friday; bank holidays are not known)."""
    current = day
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current


@rule(FlagCode.REFERRAL_NOT_RECEIVED, FlagCode.REFERRAL_TO_ABSENT_AGENCY)
def referrals(ctx: FlagContext) -> Iterator[Flag]:
    """A referral from one agency to another that the receiving agency's chronology shows no
    contact for within the set number of working days. Referrals to agencies that sent no
    chronology are reported as such, not counted as silence."""
    names = [a.name for a in ctx.case.agencies] or sorted({e.agency for e in ctx.case.entries})
    window = ctx.settings.referral_working_days
    entries = ctx.case.entries
    for place, target_text in ctx.referral_at.items():
        entry = entries[place]
        target = resolve_agency(target_text, names)
        sent = entry.date.sort_key[0]
        if target is None:
            known = canonical_agency(target_text)
            yield Flag(
                code=FlagCode.REFERRAL_TO_ABSENT_AGENCY, severity=FlagSeverity.INFO,
                period=entry.date, evidence=[entry.id], people=sorted(entry.children),
                message=(f"{entry.agency} referred to {known or target_text} on "
                         f"{entry.date.display()} ({ctx.where(entry)}), but that agency sent no "
                         "chronology to the review: whether it was received cannot be "
                         "checked."))
            continue
        if target == entry.agency:
            continue
        deadline = add_working_days(entry.date.sort_key[1], window)
        if any(e.date.is_exact_day for e in ctx.entries_between(target, sent, deadline)):
            continue
        later = ctx.first_after(target, sent)
        after = (f" The next {target} entry is on {later.date.display()}." if later else
                 f" {target} records nothing after it.")
        yield Flag(
            code=FlagCode.REFERRAL_NOT_RECEIVED, severity=FlagSeverity.HIGH,
            period=span(sent, deadline), evidence=[entry.id], people=sorted(entry.children),
            message=(f"{entry.agency} referred to {target} on {entry.date.display()} "
                     f"({ctx.where(entry)}); {target}'s chronology has no entry between then and "
                     f"{fmt(deadline)} ({window} working days).{after}"))

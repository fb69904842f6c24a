"""Flags: the gaps case reviews keep finding, each with its evidence.

``find_flags(case)`` runs every registered rule. Rules live one family to a module; adding a
rule is adding one function decorated with :func:`chronogen.flags.registry.rule`.
"""

from __future__ import annotations

from datetime import date

from chronogen.flags import (  # noqa: F401  (importing registers the rules)
    appointments,
    family,
    focus,
    household,
    patterns,
    quality,
    referrals,
    sightings,
)
from chronogen.flags.context import FlagContext
from chronogen.flags.registry import RULES, codes
from chronogen.model.case import Case, Settings
from chronogen.model.flag import Flag

__all__ = ["CODE_ORDER", "FlagContext", "codes", "find_flags"]

#: the order flags are listed in: the child first, then the family, then patterns, then data
CODE_ORDER = (
    "child-not-seen", "seen-not-recorded", "views-not-recorded", "unseen-period",
    "was-not-brought", "no-access-visit", "referral-not-received", "referral-to-absent-agency",
    "hidden-adult", "missing-ethnicity", "parental-focus", "toxic-trio", "start-again",
    "joint-event", "date-uncertain", "date-outside-life", "out-of-order",
)


def find_flags(case: Case, settings: Settings | None = None) -> list[Flag]:
    """Every flag for *case* (thresholds from *settings*, else the case's own), ordered by
    rule, then by date."""
    context = FlagContext(case, settings or case.settings)
    found: list[Flag] = []
    for registered in RULES:
        found.extend(registered.func(context))
    order = {code: n for n, code in enumerate(CODE_ORDER)}
    return sorted(found, key=lambda f: (order.get(f.code, len(order)),
                                        f.period.sort_key if f.period else (date.min, date.min),
                                        f.people))

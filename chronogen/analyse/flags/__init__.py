"""Flags: the gaps case reviews keep finding, each with its evidence.

``find_flags(case)`` runs every registered rule. Rules live one family to a module in this
folder; every module here is loaded, so adding a rule is one function decorated with
:func:`chronogen.analyse.flags.registry.rule`, a :class:`~chronogen.model.FlagCode` member and
a page in ``docs/flags/``.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date

from chronogen.analyse.context import FlagContext
from chronogen.analyse.flags.registry import RULES, codes
from chronogen.analyse.flags.side_by_side import run_rules
from chronogen.model.case import Case, Settings
from chronogen.model.flag import Flag

__all__ = ["FlagContext", "codes", "find_flags"]

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")  # importing registers the rules


def find_flags(case: Case, settings: Settings | None = None, *,
               context: FlagContext | None = None) -> list[Flag]:
    """Every flag for *case* (thresholds from *settings*, else the case's own), ordered by
    code (:class:`~chronogen.model.FlagCode` order), then by date.

    *case* is not changed. To write outputs with other settings, give them to
    :func:`chronogen.read_case`, :func:`chronogen.analyse_case` or :func:`chronogen.write_outputs`.
    """
    if context is None:
        context = FlagContext(case, settings or case.settings)
    found = [flag for flags in run_rules(context, RULES) for flag in flags]
    return sorted(found, key=lambda f: (f.code.rank,
                                        f.period.sort_key if f.period else (date.min, date.min),
                                        f.people))

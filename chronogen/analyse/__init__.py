"""Analysis: a read case -> merged, flagged and summarised.

``timeline`` (merge, joint events) -> ``flags`` (one module per family of rules, over the
facts in ``context`` and ``participants``) -> ``summaries``. Reads no file, writes none.
"""

from __future__ import annotations

from chronogen.analyse.context import FlagContext
from chronogen.analyse.flags import find_flags
from chronogen.analyse.summaries import summarise
from chronogen.analyse.timeline import merge
from chronogen.bulk import in_bulk
from chronogen.model.case import Case, Settings
from chronogen.progress import Progress, no_progress

__all__ = ["analyse_case"]


@in_bulk
def analyse_case(case: Case, settings: Settings | None = None, *,
                 progress: Progress = no_progress, owned: bool = False) -> Case:
    """Merge *case*'s entries into one timeline, link joint events, find the flags and
    summarise, with *settings* (else the case's own).

    Returns a new :class:`Case` carrying the settings used, so that every output written from
    it agrees with its flags; *case* itself is not changed, unless *owned* says nothing else
    holds it (a case just read): its entries are then marked with their joint events
    instead of being copied, which halves the memory of a long case full of joint events,
    and its own list of them is emptied (the new case holds them in date order).
    """
    chosen = settings if settings is not None else case.settings
    progress(f"merging {len(case.entries)} entries")
    timeline = merge(case.entries, [a.name for a in case.agencies], in_place=owned)
    if owned:
        case.entries.clear()  # read order: no one holds it (a million entries: 8 MB)
    result = case.model_copy(update={"entries": timeline.entries,
                                     "joint_events": timeline.joint_events,
                                     "settings": chosen})
    progress("looking for gaps (flags)")
    context = FlagContext(result, chosen)
    _mark_repeats(result, context, owned=owned)
    result.flags = find_flags(result, chosen, context=context)
    context.forget_participants()  # only the rules ask who took part
    result.summaries = summarise(result, context)
    return result


def _mark_repeats(case: Case, context: FlagContext, *, owned: bool) -> None:
    """Mark each entry an agency recorded twice with the entry it repeats (in place when
    *owned*, else on copies: the case given is not changed)."""
    marks = {id(repeat): first.id for repeat, first in context.repeats}
    if not marks:
        return
    if owned:
        for repeat, first in context.repeats:
            repeat.repeat_of = first.id
    else:
        case.entries = [entry.model_copy(update={"repeat_of": marks[id(entry)]})
                        if id(entry) in marks else entry for entry in case.entries]

"""The entries as compact lists, one for each field the flag rules and summaries read,
gathered in one pass.

A long case's entries lie all over memory: at 100,000 entries reading one attribute of each
costs about 400 ns an entry (the entry's and its date's dictionaries are rarely in the
processor's cache), against 20-30 ns an item for a list of values. Each rule walking the
entries for the same few fields paid that again; they now read these lists, made once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from chronogen.model.chronology import ContactKind, Entry
from chronogen.model.problems import SourceRef
from chronogen.model.recorded import Recorded

#: what an entry records about one child: (child id, seen, views, seen alone)
ChildState = tuple[str, Recorded, Recorded, Recorded]


@dataclass(eq=False)
class EntryColumns:
    """The case's entries in chronology order and, position for position, what the rules
    read of each (lists of references to the entries' own values: about 80 bytes an entry,
    80 MB for a million)."""

    entries: list[Entry]
    #: each entry's date bounds (``entry.date.sort_key``: earliest, latest)
    bounds: list[tuple[date, date]] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    kinds: list[ContactKind] = field(default_factory=list)
    #: what each entry records about each child, in the entry's order (one shared tuple
    #: for every entry recording the same)
    children: list[tuple[ChildState, ...]] = field(default_factory=list)
    #: where each entry came from
    sources: list[SourceRef] = field(default_factory=list)
    #: whether each entry's date is one known day (``entry.date.is_exact_day``): 1 or 0
    exact: bytearray = field(default_factory=bytearray)
    #: each entry's free text, as the rules read it
    kind_texts: list[str | None] = field(default_factory=list)
    summaries: list[str | None] = field(default_factory=list)
    outcomes: list[str | None] = field(default_factory=list)
    #: the referral column's text, by the entry's place, where it is filled (rarely)
    referrals_to: dict[int, str] = field(default_factory=dict)


def gather(entries: list[Entry]) -> EntryColumns:
    """:class:`EntryColumns` for *entries*, in one pass."""
    columns = EntryColumns(entries)
    bounds, agencies, kinds = columns.bounds, columns.agencies, columns.kinds
    children, sources, exact = columns.children, columns.sources, columns.exact
    kind_texts, summaries, outcomes, referrals_to = columns.kind_texts, columns.summaries, \
        columns.outcomes, columns.referrals_to
    shared: dict[tuple[ChildState, ...], tuple[ChildState, ...]] = {(): ()}
    for place, entry in enumerate(entries):
        when = entry.date
        bounds.append(when.sort_key)
        exact.append(when.is_exact_day)
        agencies.append(entry.agency)
        kinds.append(entry.kind)
        kind_texts.append(entry.kind_text)
        summaries.append(entry.summary)
        outcomes.append(entry.outcome)
        if (referral_to := entry.referral_to) is not None:
            referrals_to[place] = referral_to
        sources.append(entry.source)
        records = entry.children
        if records:
            state = tuple([(child, record.seen, record.views, record.seen_alone)
                           for child, record in records.items()])
            children.append(shared.setdefault(state, state))
        else:
            children.append(())
    return columns

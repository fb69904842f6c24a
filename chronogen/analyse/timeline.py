"""Merging agency chronologies into one deterministic timeline, with joint events linked.

Order: earliest possible date, then time (entries with no time at the end of their day),
then the agency's place in ``case.toml``, then file, then row. The same inputs always give
the same order. One meeting recorded by several agencies stays several entries, linked by a
:class:`~chronogen.model.JointEvent`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from chronogen.model.chronology import ContactKind, Entry, JointEvent

#: kinds of contact that several agencies can attend together
JOINT_KINDS = frozenset({ContactKind.STRATEGY_DISCUSSION, ContactKind.CONFERENCE,
                         ContactKind.MEETING, ContactKind.INCIDENT})
_END_OF_DAY = time.max


@dataclass
class Timeline:
    """The merged chronology."""

    entries: list[Entry] = field(default_factory=list)
    joint_events: list[JointEvent] = field(default_factory=list)


def sort_key(entry: Entry, agency_order: dict[str, int]
             ) -> tuple[date, time, int, str, str, int, str]:
    """The explicit, total order of entries in a merged timeline."""
    first, _ = entry.date.sort_key
    return (
        first,
        entry.time if entry.time is not None else _END_OF_DAY,
        agency_order.get(entry.agency, len(agency_order)),
        entry.agency,
        entry.source.file,
        entry.source.row or 0,
        entry.id,
    )


def merge(entries: Iterable[Entry], agency_order: Sequence[str] = (), *,
          in_place: bool = False) -> Timeline:
    """Order *entries* into one timeline and link joint events. The input is not changed:
    an entry whose joint event changes is a copy; the others are the same objects (a large
    case is not held twice). With *in_place*, for entries nobody else holds, their joint
    event is set on them instead of on copies."""
    order = {name: index for index, name in enumerate(agency_order)}
    given = list(entries)
    last = len(order)
    # sort_key's tuple made inline (a function call per entry was a fifth of a million
    # entries' merge); the order is the same, tested against sort_key
    # each attribute read once (a long case's entries lie all over memory)
    keys = [((d := e.date).earliest or d.latest,
             _END_OF_DAY if (t := e.time) is None else t,
             order.get(a := e.agency, last), a, (s := e.source).file, s.row or 0, e.id)
            for e in given]
    ordered = [given[n] for n in sorted(range(len(given)), key=keys.__getitem__)]
    # the joint events found in the order the entries were given (the order they were read,
    # and lie in memory: a million entries visited in date order are a million cache misses)
    events, assigned = _joint_events(given, keys)
    del keys
    if in_place:
        for entry in given:
            if entry.joint_event != assigned.get(id(entry)):
                entry.joint_event = assigned.get(id(entry))
    else:
        ordered = [e if e.joint_event == assigned.get(id(e)) else
                   e.model_copy(update={"joint_event": assigned.get(id(e))}) for e in ordered]
    return Timeline(entries=ordered, joint_events=events)


def _joint_events(given: list[Entry], keys: list[Any]
                  ) -> tuple[list[JointEvent], dict[int, str]]:
    """Same-day entries of a joint kind from two or more agencies, grouped: the events and
    each member's event id, by the member's ``id()``. *keys* give each entry's place in the
    timeline: the events, and the members of each, come in timeline order."""
    groups: dict[tuple[date, ContactKind], list[int]] = {}
    for n, entry in enumerate(given):
        if entry.kind in JOINT_KINDS and entry.date.is_exact_day and entry.date.earliest:
            groups.setdefault((entry.date.earliest, entry.kind), []).append(n)
    joint = [(kind, sorted(members, key=keys.__getitem__))
             for (_, kind), members in groups.items()
             if len({given[n].agency for n in members}) >= 2]
    joint.sort(key=lambda event: keys[event[1][0]])
    events: list[JointEvent] = []
    assigned: dict[int, str] = {}
    for kind, places in joint:
        members = [given[n] for n in places]
        event_id = f"J{len(events) + 1}"
        assigned.update((id(entry), event_id) for entry in members)
        events.append(JointEvent(id=event_id, date=members[0].date, kind=kind,
                                 agencies=list(dict.fromkeys(e.agency for e in members)),
                                 entries=[e.id for e in members]))
    return events, assigned

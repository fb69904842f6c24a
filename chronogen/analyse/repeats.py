"""Entries one agency recorded twice, word for word: a row pasted twice into a return, or
two returns from one agency that overlap.

Such an entry is kept in the chronology (nothing read is dropped), marked as a repeat of the
first (``Entry.repeat_of``), and counted once: the flag rules and the tables read the case
without its repeats, so a missed appointment pasted twice is not two missed appointments.
"""

from __future__ import annotations

from chronogen.analyse.columns import EntryColumns


def repeats_in(columns: EntryColumns) -> dict[int, int]:
    """The place of each entry that repeats an earlier one of the same agency word for
    word, and the place of the first it repeats (places in *columns*, which are in
    chronology order). Word for word: the same date and time, contact type, summary (which
    must not be blank), outcome, practitioner, reference, people named, children's records
    and referral; the file and row may differ."""
    found: dict[int, int] = {}
    # entries of one day, time and agency stand together in chronology order (day, time,
    # then agency); a run of one day and agency holds them, and is rarely longer than one
    run: list[int] = []
    last: tuple[object, str] | None = None
    for place, ((day, _), agency) in enumerate(zip(columns.bounds, columns.agencies,
                                                   strict=True)):
        if (day, agency) != last:
            if len(run) > 1:
                _repeats_in_run(columns, run, found)
            run, last = [], (day, agency)
        run.append(place)
    if len(run) > 1:
        _repeats_in_run(columns, run, found)
    return found


def _repeats_in_run(columns: EntryColumns, run: list[int], found: dict[int, int]) -> None:
    """Repeats among the entries at the places in *run*: first by what the columns hold
    (most runs end here), then, among those alike, by what only the entries hold (each
    entry read is a step across memory)."""
    summaries = columns.summaries
    texts = [summaries[place] for place in run]
    if len(set(texts)) == len(texts):
        return  # every summary different: no repeat (most runs)
    alike: dict[tuple[object, ...], list[int]] = {}
    for place in run:
        summary = summaries[place]
        if summary:  # a type and a date alone may well be two visits that day
            alike.setdefault((summary, columns.bounds[place][1], columns.kind_texts[place],
                              columns.outcomes[place], columns.children[place],
                              columns.referrals_to.get(place)), []).append(place)
    for places in alike.values():
        if len(places) < 2:
            continue
        first_of: dict[tuple[object, ...], int] = {}
        for place in places:
            entry = columns.entries[place]
            key = (entry.time, entry.practitioner, entry.reference, tuple(entry.people))
            first = first_of.setdefault(key, place)
            if first != place:
                found[place] = first

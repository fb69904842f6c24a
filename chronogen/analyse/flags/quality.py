"""Data quality: uncertain dates, contacts outside a child's life, rows out of order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from operator import itemgetter

from chronogen.analyse.context import FlagContext, some_of, where
from chronogen.analyse.flags.registry import rule
from chronogen.domain.text_search import FoldedPattern, literal_alternation
from chronogen.model.chronology import Entry
from chronogen.model.family import Person
from chronogen.model.flag import Flag, FlagCode, FlagSeverity

_PREGNANCY = FoldedPattern(literal_alternation(
    ["pregnan", "antenatal", "ante-natal", "unborn", "midwi", "booking", "scan", "gestation"]))


@rule(FlagCode.DATE_UNCERTAIN)
def date_uncertain(ctx: FlagContext) -> Iterator[Flag]:
    """Entries dated only to a month or year, approximately, or as a range."""
    vague = [e for e in ctx.case.entries if not e.date.is_exact_day]
    if vague:
        yield Flag(code=FlagCode.DATE_UNCERTAIN, severity=FlagSeverity.INFO,
                   evidence=[e.id for e in vague],
                   message=(f"{len(vague):,} entries have no exact date: " + some_of(
                       vague, lambda e: f"{e.agency} {e.date.text!r}", "; ")
                       + ". They are placed at the start of their period."))


@rule(FlagCode.DATE_OUTSIDE_LIFE)
def date_outside_life(ctx: FlagContext) -> Iterator[Flag]:
    """A contact about a child dated before their birth (unless about the pregnancy) or
    after their death."""
    lives: dict[str, tuple[date | None, date | None, Person]] = {}
    for person in ctx.case.family.people:  # the first of an id, as Family.get finds
        lives.setdefault(person.id, (person.birth.earliest if person.birth else None,
                                     person.death.latest if person.death else None, person))
    for entry in ctx.case.entries:
        for child_id in entry.children:
            life = lives.get(child_id)
            if life is None:
                continue
            born, died, child = life
            first, last = entry.date.sort_key
            if born is not None and last < born:
                text = " ".join(t for t in (entry.kind_text, entry.summary) if t)
                if not _PREGNANCY.search(text):
                    assert child.birth is not None
                    yield _outside(ctx, entry, child_id, "before", child.birth.display())
            elif died is not None and first > died:
                assert child.death is not None
                yield _outside(ctx, entry, child_id, "after the death of", child.death.display())


def _outside(ctx: FlagContext, entry: Entry, child_id: str, what: str, when: str) -> Flag:
    relation = f"{what} {ctx.name(child_id)}" if what != "before" else (
        f"before {ctx.name(child_id)} was born")
    return Flag(code=FlagCode.DATE_OUTSIDE_LIFE, severity=FlagSeverity.LOW, people=[child_id],
                period=entry.date, evidence=[entry.id],
                message=(f"{entry.agency} entry of {entry.date.display()} ({where(entry)}) "
                         f"concerns {ctx.name(child_id)} but is dated {relation} ({when}): "
                         "check the date."))


#: a file runs newest first when at least this many steps from one row to the next go back
#: in time, and more than twice as many as go forward
NEWEST_FIRST_STEPS = 3


@rule(FlagCode.OUT_OF_ORDER)
def out_of_order(ctx: FlagContext) -> Iterator[Flag]:
    """Rows out of their own file's date order: dated earlier than the row above, or, in a
    file that runs newest first (as some systems export), later than the row above."""
    by_file: dict[str, list[Entry]] = {}
    for entry in ctx.case.entries:
        by_file.setdefault(entry.source.file, []).append(entry)
    for file, entries in by_file.items():
        # (row, earliest day, latest day, place): a file at a time (a million at once would
        # be the largest thing the rules hold)
        rows = [(e.source.row or 0, *e.date.sort_key, n) for n, e in enumerate(entries)]
        rows.sort(key=itemgetter(0, 3))  # by row; the chronology's order within a row
        back = [entries[below[3]] for above, below in pairwise(rows) if below[2] < above[1]]
        forward = sum(1 for above, below in pairwise(rows) if below[1] > above[2])
        del rows
        if len(back) >= NEWEST_FIRST_STEPS and len(back) > 2 * forward:
            yield from _newest_first(file, entries, len(back), forward)
        elif back:
            yield Flag(code=FlagCode.OUT_OF_ORDER, severity=FlagSeverity.INFO,
                       evidence=[e.id for e in back],
                       message=(f"{file}: {len(back):,} row(s) dated earlier than the row "
                                "above (rows " + some_of(back, lambda e: str(e.source.row),
                                                         ", ")
                                + "): the agency's own order may hide missing or moved entries."))


def _newest_first(file: str, entries: list[Entry], back: int, forward: int
                  ) -> Iterator[Flag]:
    """The rows of a newest-first file dated later than the row above: out of its order."""
    if not forward:
        return
    rows = sorted(((e.source.row or 0, *e.date.sort_key, n) for n, e in enumerate(entries)),
                  key=itemgetter(0, 3))
    later = [entries[below[3]] for above, below in pairwise(rows) if below[1] > above[2]]
    yield Flag(code=FlagCode.OUT_OF_ORDER, severity=FlagSeverity.INFO,
               evidence=[e.id for e in later],
               message=(f"{file} runs newest first ({back:,} steps from one row to the next go "
                        f"back in time, {forward:,} forward; the chronology puts its rows in date "
                        f"order): {forward:,} row(s) dated later than the row above, against the "
                        "file's own order (rows " + some_of(later, lambda e: str(e.source.row),
                                                            ", ")
                        + "): the agency's own order may hide missing or moved entries."))

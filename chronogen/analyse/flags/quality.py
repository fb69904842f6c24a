"""Data quality: uncertain dates, contacts outside a child's life, rows out of order, entries
recorded twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from chronogen.analyse.context import FlagContext, some_of
from chronogen.analyse.flags.registry import rule
from chronogen.domain.text_search import FoldedPattern, literal_alternation
from chronogen.domain.wording import counted
from chronogen.model.chronology import Entry, FileReport, SourceReports
from chronogen.model.family import Person
from chronogen.model.flag import Flag, FlagCode, FlagSeverity
from chronogen.model.problems import sheet_place

_PREGNANCY = FoldedPattern(literal_alternation(
    ["pregnan", "antenatal", "ante-natal", "unborn", "midwi", "booking", "scan", "gestation"]))


@rule(FlagCode.DATE_UNCERTAIN)
def date_uncertain(ctx: FlagContext) -> Iterator[Flag]:
    """Entries dated only to a month or year, approximately, or as a range."""
    columns = ctx.columns
    vague = [e for e, exact in zip(columns.entries, columns.exact, strict=True) if not exact]
    if vague:
        yield Flag(code=FlagCode.DATE_UNCERTAIN, severity=FlagSeverity.INFO,
                   evidence=[e.id for e in vague],
                   message=(f"{counted(len(vague), 'entry', 'entries')} "
                            f"{'has' if len(vague) == 1 else 'have'} no exact date: " + some_of(
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
    births = [born for born, _, _ in lives.values() if born is not None]
    deaths = [died for _, died, _ in lives.values() if died is not None]
    # an entry dated after every birth and before every death is in everyone's life
    last_birth = max(births) if births else None
    first_death = min(deaths) if deaths else None
    columns = ctx.columns
    for entry, children, (first, last) in zip(columns.entries, columns.children,
                                              columns.bounds, strict=True):
        if (last_birth is None or last >= last_birth) and (
                first_death is None or first <= first_death):
            continue
        for child_id, _, _, _ in children:
            life = lives.get(child_id)
            if life is None:
                continue
            born, died, child = life
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
                message=(f"{entry.agency} entry of {entry.date.display()} ({ctx.where(entry)}) "
                         f"concerns {ctx.name(child_id)} but is dated {relation} ({when}): "
                         "check the date."))


#: a file runs newest first when at least this many steps from one row to the next go back
#: in time, and more than twice as many as go forward
NEWEST_FIRST_STEPS = 3


@rule(FlagCode.OUT_OF_ORDER, long=True)
def out_of_order(ctx: FlagContext) -> Iterator[Flag]:
    """Rows out of their own table's date order (a file's, a sheet's, or one of the tables
    a sheet holds one under the other): dated earlier than the row above, or, in a table
    that runs newest first (as some systems export), later than the row above."""
    # each table's rows, date bounds and entries, in chronology order: one pass, and lists
    # of references rather than a tuple an entry (a million entries at once)
    by_table: dict[tuple[str, str | None, int],
                   tuple[list[int], list[tuple[date, date]], list[Entry]]] = {}
    tables = SourceReports(ctx.case.files)
    report_of: dict[tuple[str, str | None, int], FileReport | None] = {}
    columns = ctx.columns
    for entry, source, bounds in zip(columns.entries, columns.sources, columns.bounds,
                                     strict=True):
        table = tables.get(source)
        key = (source.file, source.sheet, (table.first_row or 0) if table is not None else 0)
        in_table = by_table.get(key)
        if in_table is None:
            in_table = by_table[key] = ([], [], [])
            report_of[key] = table
        in_table[0].append(source.row or 0)
        in_table[1].append(bounds)
        in_table[2].append(entry)
    for key, (rows, days, entries) in by_table.items():
        file, sheet, _ = key
        if tables.in_file(file) > 1:  # named by its sheet, and its rows where it shares one
            report = report_of[key]
            file = ", ".join(part for part in (
                file, sheet_place(file, sheet) if sheet is not None else "",
                report.rows_of_table if report is not None else "") if part)
        # places in row order; within a row, the chronology's order
        order = sorted(range(len(rows)), key=rows.__getitem__)
        back = [entries[below] for above, below in pairwise(order)
                if days[below][1] < days[above][0]]
        if len(back) >= NEWEST_FIRST_STEPS:
            later = [entries[below] for above, below in pairwise(order)
                     if days[below][0] > days[above][1]]
            if len(back) > 2 * len(later):
                yield from _newest_first(file, later, len(back))
                continue
        if back:
            yield Flag(code=FlagCode.OUT_OF_ORDER, severity=FlagSeverity.INFO,
                       evidence=[e.id for e in back],
                       message=(f"{file}: {len(back):,} row(s) dated earlier than the row "
                                "above (rows " + some_of(back, lambda e: str(e.source.row),
                                                         ", ")
                                + "): the agency's own order may hide missing or moved entries."))


def _newest_first(file: str, later: list[Entry], back: int) -> Iterator[Flag]:
    """The rows of a newest-first file dated later than the row above: out of its order."""
    if not later:
        return
    yield Flag(code=FlagCode.OUT_OF_ORDER, severity=FlagSeverity.INFO,
               evidence=[e.id for e in later],
               message=(f"{file} runs newest first ({back:,} steps from one row to the next go "
                        f"back in time, {len(later):,} forward; the chronology puts its rows in "
                        f"date order): {len(later):,} row(s) dated later than the row above, "
                        "against the file's own order (rows "
                        + some_of(later, lambda e: str(e.source.row), ", ")
                        + "): the agency's own order may hide missing or moved entries."))


@rule(FlagCode.REPEATED_ENTRY)
def repeated_entry(ctx: FlagContext) -> Iterator[Flag]:
    """Entries an agency recorded twice, word for word (:mod:`chronogen.analyse.repeats`):
    one flag for each agency, the repeats and the entries they repeat its evidence."""
    by_agency: dict[str, list[tuple[Entry, Entry]]] = {}
    for repeat, first in ctx.repeats:
        by_agency.setdefault(repeat.agency, []).append((repeat, first))
    for agency, pairs in by_agency.items():
        evidence = list(dict.fromkeys(e.id for pair in pairs for e in (pair[1], pair[0])))
        repeats = "entry repeats" if len(pairs) == 1 else "entries repeat"
        yield Flag(code=FlagCode.REPEATED_ENTRY, severity=FlagSeverity.LOW, evidence=evidence,
                   message=(f"{agency}: {len(pairs):,} {repeats} an earlier entry word for word "
                            "(date, time, type, summary, outcome, children): " + some_of(
                                pairs, lambda pair: f"{ctx.where(pair[0])} repeats "
                                                    f"{ctx.where(pair[1])}",
                                "; ")
                            + ". Each is kept in the chronology and counted once by the other "
                            "flags and the tables: ask the agency whether it happened twice."))

"""What every flag rule needs to know about a case, computed once."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import pairwise
from typing import TypeVar

from chronogen.analyse.columns import EntryColumns, gather
from chronogen.analyse.participants import Participants
from chronogen.analyse.referral_text import referral_target_in
from chronogen.analyse.repeats import repeats_in
from chronogen.dates import PartialDate, Precision, Qualifier
from chronogen.domain.child_words import SightingWords, ViewsWords, record_words
from chronogen.domain.kinship import Kinship
from chronogen.model.case import Case, Settings
from chronogen.model.chronology import ContactKind, Entry
from chronogen.model.family import Person
from chronogen.model.flag import Flag, FlagCode, FlagSeverity
from chronogen.model.problems import sheet_place
from chronogen.model.recorded import Recorded
from chronogen.model.trusted import trusted

#: contacts in which seeing the child could be expected
EXPECT_SEEN = frozenset({ContactKind.HOME_VISIT, ContactKind.OFFICE_VISIT,
                         ContactKind.APPOINTMENT, ContactKind.SCHOOL_CONTACT,
                         ContactKind.ASSESSMENT})
#: direct contacts with the family (as opposed to meetings, referrals, decisions)
DIRECT = EXPECT_SEEN | {ContactKind.TELEPHONE, ContactKind.NO_ACCESS_VISIT,
                        ContactKind.WAS_NOT_BROUGHT, ContactKind.INCIDENT}


@dataclass
class _Index:
    """Each agency's entries by day, and the chronology's span."""

    #: each agency's entries by their earliest day, with those days
    by_agency: dict[str, tuple[list[date], list[Entry]]] = field(default_factory=dict)
    span: tuple[date, date] | None = None


def _index(columns: EntryColumns) -> _Index:
    """One pass over the entries' columns for all of :class:`_Index`."""
    found = _Index()
    by_agency = found.by_agency
    for entry, (day, _), agency in zip(columns.entries, columns.bounds, columns.agencies,
                                       strict=True):
        in_agency = by_agency.get(agency)
        if in_agency is None:
            in_agency = by_agency[agency] = ([], [])
        in_agency[0].append(day)
        in_agency[1].append(entry)
    if columns.bounds:  # as span_of finds them
        firsts = [bounds[0] for bounds in columns.bounds]
        found.span = (min(firsts), max(firsts))
    for name, (days, agency_entries) in by_agency.items():
        # in chronology order they are in day order already; any other order is sorted
        if any(later < earlier for earlier, later in pairwise(days)):
            order = sorted(range(len(days)), key=days.__getitem__)
            by_agency[name] = ([days[n] for n in order], [agency_entries[n] for n in order])
    return found


@dataclass
class FlagContext:
    """A case, its settings, and derived facts the rules share."""

    case: Case
    settings: Settings
    kinship: Kinship = field(init=False)
    participants: Participants = field(init=False)

    def __post_init__(self) -> None:
        # the rules and the tables read the case without the entries an agency recorded
        # twice, word for word (each kept in the chronology): (repeat, the entry it repeats)
        every = gather(self.case.entries)
        repeated = repeats_in(every)
        self.repeats: list[tuple[Entry, Entry]] = [
            (every.entries[place], every.entries[first]) for place, first in repeated.items()]
        if repeated:
            self.case = self.case.model_copy(update={"entries": [
                entry for place, entry in enumerate(every.entries) if place not in repeated]})
        else:
            self.__dict__["columns"] = every  # the cached property, gathered already
        self.kinship = Kinship(self.case.family)
        self.participants = Participants(self.case.family, self.kinship)
        self._of_kinds: dict[frozenset[ContactKind], list[Entry]] = {}
        self._took_part: list[frozenset[str] | None] = []
        #: each child's unseen periods (:func:`unseen_gaps`), worked out once
        self.gaps: dict[str, list[tuple[date, date, str | None, str | None]]] = {}
        #: the files that gave more than one table (several sheets, or tables on one)
        self._several: set[str] = {file for file, tables in Counter(
            report.file for report in self.case.files).items() if tables > 1}

    def where(self, entry: Entry) -> str:
        """``csc_chronology.xlsx, row 9`` for messages, and the sheet where the file gave
        more than one table (``hv.xlsx, sheet '2020', row 3``)."""
        source = entry.source
        if source.file in self._several and source.sheet is not None:
            return f"{source.file}, {sheet_place(source.file, source.sheet)}, row {source.row}"
        return f"{source.file}, row {source.row}"

    def took_part(self, place: int) -> frozenset[str]:
        """Who took part in the entry at *place* in the chronology (``case.entries``), as
        :meth:`Participants.shared` finds them: worked out once for all the rules that ask,
        and kept in a list beside the columns (a dictionary of a million entries' ids took
        tens of megabytes more)."""
        kept = self._took_part
        if not kept:
            kept.extend([None] * len(self.case.entries))
        found = kept[place]
        if found is None:
            columns = self.columns
            found = kept[place] = self.participants.shared(
                columns.entries[place], columns.bounds[place][0],
                (columns.summaries[place], columns.kind_texts[place], columns.outcomes[place]))
        return found

    def forget_participants(self) -> None:
        """Let go of each entry's participants (a long case's rules are done with them)."""
        self._took_part.clear()

    @property
    def children(self) -> list[Person]:
        """The subject children."""
        return self.case.family.subject_children

    def name(self, person_id: str) -> str:
        """A person's name (first name for subject children), or the id."""
        person = self.case.family.get(person_id)
        if person is None:
            return person_id
        return person.first_name or person.name if person.subject else person.name

    def names(self, ids: Iterable[str]) -> str:
        """``Mia, Leo and Ava``."""
        return join_words([self.name(i) for i in ids])

    @property
    def by_agency(self) -> dict[str, tuple[list[date], list[Entry]]]:
        """Each agency's entries sorted by their earliest day, with those days (for
        :mod:`bisect`): rules ask "what did this agency record between these days" in
        log time instead of scanning every entry."""
        return self._index.by_agency

    def entries_between(self, agency: str, first: date, last: date) -> list[Entry]:
        """*agency*'s entries whose earliest day falls from *first* to *last*."""
        days, entries = self.by_agency.get(agency, ([], []))
        return entries[bisect_left(days, first):bisect_right(days, last)]

    def first_after(self, agency: str, day: date) -> Entry | None:
        """*agency*'s first entry whose earliest day is after *day*."""
        days, entries = self.by_agency.get(agency, ([], []))
        position = bisect_right(days, day)
        return entries[position] if position < len(entries) else None

    @cached_property
    def subjects(self) -> frozenset[str]:
        """The subject children's ids."""
        return frozenset(c.id for c in self.children)

    @cached_property
    def sighting_words(self) -> SightingWords:
        """Reads which children a record's words say were seen: a pointer for a reviewer,
        never a sighting (:mod:`chronogen.domain.child_words`)."""
        return SightingWords(self.children)

    @cached_property
    def views_words(self) -> ViewsWords:
        """Reads which children a record's words say spoke for themselves (a pointer)."""
        return ViewsWords(self.children)

    def said_seen(self, place: int, concerned: Collection[str]) -> tuple[str, ...]:
        """The children the words of the entry at *place* (its summary and outcome) say
        were seen, of *concerned* where they say "the children"."""
        return self.sighting_words.found_in(self._words_of(place), concerned)

    def said_views(self, place: int, concerned: Collection[str]) -> tuple[str, ...]:
        """The children the words of the entry at *place* say spoke for themselves."""
        return self.views_words.found_in(self._words_of(place), concerned)

    def _words_of(self, place: int) -> str | None:
        return record_words(self.columns.summaries[place], self.columns.outcomes[place])

    @cached_property
    def columns(self) -> EntryColumns:
        """The entries in chronology order as compact lists of what the rules read (see
        :mod:`chronogen.analyse.columns`): a rule walking every entry reads these."""
        return gather(self.case.entries)

    @cached_property
    def _index(self) -> _Index:
        return _index(self.columns)

    def of_kinds(self, kinds: frozenset[ContactKind]) -> list[Entry]:
        """The entries of these kinds of contact (:data:`DIRECT`, :data:`EXPECT_SEEN`, or
        any other set), in chronology order: worked out once for all the rules that ask."""
        found = self._of_kinds.get(kinds)
        if found is None:
            found = self._of_kinds[kinds] = [
                entry for entry, kind in zip(self.columns.entries, self.columns.kinds,
                                             strict=True) if kind in kinds]
        return found

    @cached_property
    def referral_at(self) -> dict[int, str]:
        """Where each entry that says a referral went sent it, by the entry's place in the
        chronology (the text read once for the rules that ask), in chronology order."""
        found: dict[int, str] = {}
        columns = self.columns
        referrals_to = columns.referrals_to
        for place, (kind_text, outcome, summary) in enumerate(zip(
                columns.kind_texts, columns.outcomes, columns.summaries, strict=True)):
            target = referral_target_in(referrals_to.get(place), kind_text, outcome, summary)
            if target is not None:
                found[place] = target
        return found

    @property
    def sightings_by_child(self) -> dict[str, list[tuple[date, date, str]]]:
        """Every child's recorded sightings (earliest, latest, entry id), in date order
        (worked out when asked, in one pass, not kept: a million entries' sightings are
        tens of megabytes)."""
        found: dict[str, list[tuple[date, date, str]]] = {}
        yes, columns = Recorded.YES, self.columns
        for entry, (first, last), children in zip(columns.entries, columns.bounds,
                                                  columns.children, strict=True):
            for child, seen, _, _ in children:
                if seen is yes:
                    found.setdefault(child, []).append((first, last, entry.id))
        for each in found.values():
            each.sort()
        return found

    @property
    def start(self) -> date | None:
        """The first day the chronology certainly covers."""
        span = self._index.span
        return span[0] if span else None

    @property
    def end(self) -> date | None:
        """The last day the chronology certainly reaches (the greatest earliest bound)."""
        span = self._index.span
        return span[1] if span else None


_FLAG_FIELDS = set(Flag.model_fields)


def typed_flag(code: FlagCode, severity: FlagSeverity, message: str, *,
               people: list[str] | None = None, period: PartialDate | None = None,
               evidence: list[str] | None = None) -> Flag:
    """A :class:`Flag` made without validating again what the rule has already typed: a
    long case has one for each of tens of thousands of contacts (``child-not-seen``,
    ``joint-event``), and each validated copy held its own set of field names (about 200
    bytes) and copies of its lists. The tests validate every flag the rules make."""
    return trusted(Flag, {"code": code, "severity": severity, "message": message,
                          "people": people if people is not None else [], "period": period,
                          "evidence": evidence if evidence is not None else []},
                   _FLAG_FIELDS)


T = TypeVar("T")
#: how many items a flag's message lists before saying how many more (its evidence has all)
LISTED = 25


def join_words(words: list[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (or *conjunction* for "and")."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def some_of(items: Sequence[T], show: Callable[[T], str] = str,
            separator: str | None = None) -> str:
    """The first :data:`LISTED` of *items* (each written by *show*) and how many more:
    ``a, b and 3 more`` (as :func:`join_words`), or joined by *separator*: ``a; b; and 3
    more``. A message listing a long case's thousands of dates is read by no one; the flag's
    evidence lists them all."""
    shown = [show(item) for item in items[:LISTED]]
    more = len(items) - len(shown)
    if separator is None:
        return join_words([*shown, f"{more:,} more"] if more else shown)
    return separator.join([*shown, f"and {more:,} more"] if more else shown)


def span(first: date, last: date) -> PartialDate:
    """A period as a PartialDate range (a single day when it is one)."""
    if first == last:
        return PartialDate.day(first, text=first.isoformat())
    return PartialDate(text=f"{first.isoformat()} to {last.isoformat()}", earliest=first,
                       latest=last, precision=Precision.RANGE, qualifier=Qualifier.BETWEEN)


def fmt(day: date) -> str:
    """UK display of a day."""
    return day.strftime("%d/%m/%Y")


def unseen_gaps(ctx: FlagContext, child_id: str) -> list[tuple[date, date, str | None,
                                                              str | None]]:
    """Every period in which no agency recorded seeing the child:
    (from, to, entry id of the sighting before, entry id of the sighting after).

    Periods run from the start of the chronology (or birth) to the first sighting, between
    sightings, and from the last sighting to the end of the chronology (or death). A sighting
    known only to the month closes a gap at the start of its month and opens the next at
    its end: the gap is never made shorter than the record supports.
    """
    known = ctx.gaps.get(child_id)
    if known is None:
        # every subject child's at once, from one pass over the entries' sightings
        seen = ctx.sightings_by_child
        for child in dict.fromkeys([*ctx.subjects, child_id]):
            ctx.gaps.setdefault(child, _unseen_gaps(ctx, child, seen.get(child, [])))
        known = ctx.gaps[child_id]
    return known


def _unseen_gaps(ctx: FlagContext, child_id: str, seen: list[tuple[date, date, str]]
                 ) -> list[tuple[date, date, str | None, str | None]]:
    start, end = ctx.start, ctx.end
    if start is None or end is None:
        return []
    child = ctx.case.family.get(child_id)
    if child is not None and child.birth is not None and child.birth.earliest:
        start = max(start, child.birth.earliest)
    if child is not None and child.death is not None and child.death.earliest:
        end = min(end, child.death.earliest)
    gaps: list[tuple[date, date, str | None, str | None]] = []
    previous_day: date = start
    previous_id: str | None = None
    for first, last, entry_id in seen:
        if first > previous_day:
            gaps.append((previous_day, first, previous_id, entry_id))
        if last >= previous_day:
            previous_day, previous_id = last, entry_id
    if end > previous_day:
        gaps.append((previous_day, end, previous_id, None))
    return gaps

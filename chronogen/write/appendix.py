"""What the chronology appendix shows, worked out once for every format that prints it
(the workbook, the Word document, the HTML report).

The appendix quotes the agencies' own words and never rewords them; what chronogen adds
(flag codes, shading by agency, the seen / views highlights) is kept visibly apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, time
from typing import NamedTuple

from chronogen.dates import Qualifier
from chronogen.domain.abbreviations import abbreviations_in
from chronogen.domain.people import LIVED_TEXT, age_text, people_table
from chronogen.model.case import Case
from chronogen.model.chronology import Entry, RawValue, span_of
from chronogen.model.family import Person
from chronogen.model.flag import FlagCode
from chronogen.model.problems import Problem, Severity
from chronogen.model.recorded import Recorded
from chronogen.write.also_recorded import AlsoRecorded, columns_by_source, marks_and_also
from chronogen.write.listing import most_serious_first, of_a_kind

#: light fills, one per agency in case.toml order (then any other agency), readable under
#: black text in print and on screen; chosen to stay apart from the seen / views highlights
AGENCY_FILLS = ("DDEBF7", "E2EFDA", "FFF2CC", "EADCF0", "D9F2EF", "F2E6D9", "E7E6E6",
                "FCE4D6", "D6DCE4", "EDF5D9", "E4DFEC", "DEE9E0", "F0EAD2", "DCE6F2")

RECORDED_TEXT = {
    Recorded.YES: "Yes",
    Recorded.NO: "No",
    Recorded.NOT_RECORDED: "Not recorded",
    Recorded.NOT_APPLICABLE: "N/A",
}
#: the answers a reader should notice: a child not seen, or nothing recorded
WORRYING = frozenset({"No", "Not recorded"})
#: the evidence entries a flag lists in the Word appendix and the workbook's Flags sheet (a
#: long case's flag can have thousands; every one is in flags.csv and case.json)
EVIDENCE_LISTED = 40
#: the rejected rows the Word appendix and the report list (every one is in the workbook's
#: Rejected rows sheet and case.json)
REJECTED_LISTED = 40
#: the problems of one code the Word appendix and the report list among what reading
#: noticed (a long case can have thousands of one: every one is in the workbook's Problems
#: sheet and case.json)
NOTICED_OF_A_KIND = 10
#: how serious each problem is, as the appendix says it
SEVERITY_TEXT = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
#: the rows of the family tables the Word appendix and the report list (a family drawn
#: from a large register can have thousands; every one is in the workbook's Family sheet)
FAMILY_LISTED = 200
#: the family-composition table's headings (the Word appendix and the report)
WHO_IS_WHO = ("Name", "Relationship to the index child", "Age", "Born", "Ethnicity",
              "Lived with the index child", "Notes")
#: the flags of one code the Word appendix lists (a long case has one child-not-seen flag a
#: contact, thousands: each is marked in the chronology, and all are in flags.csv and the
#: workbook's Flags sheet)
FLAGS_OF_A_KIND = 20


@dataclass(frozen=True)
class ChildColumn:
    """A subject child's seen / views columns."""

    id: str
    name: str
    #: how the child is named in a crowded cell: the first name, or the whole name when two
    #: children share a first name (or are pseudonyms such as "Child A")
    short: str = ""


class AppendixRow(NamedTuple):
    """One entry as the appendix prints it (a tuple: a long case makes a hundred thousand)."""

    entry: Entry
    #: a real date when the agency gave one exact day; otherwise the date as text
    day: date | None
    date_text: str
    time: time | None
    #: per subject child, in :attr:`Appendix.children` order: (seen, views) as words, or
    #: ``(None, None)`` when the entry is not about that child
    answers: tuple[tuple[str | None, str | None], ...]
    flags: tuple[FlagCode, ...]
    fill: str
    #: what else the agency wrote of the entry, in cells the appendix prints nowhere else
    #: (:func:`also_recorded`)
    also: tuple[AlsoRecorded, ...] = ()
    #: of those, how the agency's own view of its sheet marked the row (struck through,
    #: hidden, highlighted: :func:`marks_and_also`), which *also* opens with
    marks: tuple[AlsoRecorded, ...] = ()

    @property
    def reference(self) -> str:
        """``police_incidents.xlsx, sheet 'Log', row 7``."""
        return self.entry.source.describe()


@dataclass
class Appendix:
    """Everything the appendix writers share."""

    case: Case
    children: list[ChildColumn]
    rows: list[AppendixRow]
    fills: dict[str, str]
    first: date | None
    last: date | None
    flag_rows: dict[str, list[int]] = field(default_factory=dict)
    #: the agencies' abbreviations this chronology uses, with what they stand for
    glossary: list[tuple[str, str]] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The case title."""
        return self.case.title

    @property
    def marking(self) -> str:
        """The protective marking."""
        return self.case.marking

    @property
    def period(self) -> str:
        """``12/03/2018 to 11/02/2021`` (or "no dated entries")."""
        if self.first is None or self.last is None:
            return "no dated entries"
        return f"{self.first.strftime('%d/%m/%Y')} to {self.last.strftime('%d/%m/%Y')}"

    def person_name(self, person_id: str) -> str:
        """A person's name, or the id when the family does not know them."""
        person: Person | None = self.case.family.get(person_id)
        return person.name if person is not None else person_id

    def who_is_who(self, as_at: date | None = None) -> list[list[str]]:
        """The family-composition table a review report carries, as at *as_at* (else the
        last entry's date): name, relationship to the index child, age, born, ethnicity,
        lived with the index child, what the family file notes of them; empty without an
        index child or a date."""
        when = as_at or self.last
        if when is None or self.case.family.index_child is None:
            return []
        return _listed([[p.name, p.relationship_to_index, age_text(p), p.born or "",
                         p.ethnicity or "not recorded",
                         "" if p.died else LIVED_TEXT[p.lived_with_index], p.notes or ""]
                        for p in people_table(self.case.family, when)])

    def household_changes(self) -> list[list[str]]:
        """Who came to live in each household and who left, in date order (those whose
        date the family file does not give first): when, the household, who, what."""
        family = self.case.family
        changes: list[tuple[date, str, str, str, str]] = []
        for stay in family.households:
            person = family.get(stay.person)
            if person is None or person.placeholder:
                continue
            born = person.birth is not None and stay.start is not None and \
                stay.start.sort_key == person.birth.sort_key
            for when, what in ((stay.start, "born into it" if born else "moved in"),
                               (stay.end, "moved out")):
                if when is None and what == "moved out":
                    continue
                changes.append((when.sort_key[0] if when else date.min,
                                when.display() if when else "date not known",
                                stay.household, person.name, what))
        changes.sort(key=lambda c: (c[0], c[2], c[3]))
        return _listed([[shown, home, name, what] for _, shown, home, name, what in changes])

    def author_notes(self) -> list[tuple[str, str, str]]:
        """The notes the agencies' authors wrote to the review in their returns (rows marked
        ``#``, ``^``, ``¬`` or ``~``): (agency, where, the note), in the returns' order."""
        agencies = {(f.file, f.sheet): f.agency or "" for f in self.case.files}
        return [(agencies.get((n.source.file, n.source.sheet), ""), n.source.describe(), n.text)
                for n in self.case.notes]

    @property
    def rejected_cells_kept(self) -> bool:
        """Whether the rejected rows' cells are kept (a reader keeps every rejected row's
        cells; the anonymised set keeps none, and its pages say so rather than quote)."""
        return any(r.raw for r in self.case.rejected)

    def rejected_rows(self, listed: int = REJECTED_LISTED) -> list[list[str]]:
        """The rows that could not become entries: where, why and, where the set keeps
        them (:attr:`rejected_cells_kept`), the row's cells as the agency wrote them; the
        first *listed*, then one saying how many more."""
        kept = self.rejected_cells_kept
        return _listed([[r.source.describe(), r.message, *([cells_text(r.raw)] if kept else [])]
                        for r in self.case.rejected], listed, "Rejected rows")

    def noticed(self, per_code: int = NOTICED_OF_A_KIND) -> list[list[str]]:
        """What reading the returns and the family file noticed besides the rows it
        rejected (listed apart, :meth:`rejected_rows`): where, how serious (error, warning,
        note) and what, errors and warnings first; at most *per_code* of each code, then a
        row saying how many more."""
        rejected = {(r.source.file, r.source.sheet, r.source.row) for r in self.case.rejected}
        problems = most_serious_first(
            p for p in self.case.problems if p.severity is not Severity.ERROR
            or p.row is None or (p.file, p.sheet, p.row) not in rejected)
        rows = []
        for item in of_a_kind(problems, per_code):
            if isinstance(item, Problem):
                rows.append([item.location() or "the case", SEVERITY_TEXT[item.severity],
                             item.message])
            else:
                code, more = item
                rows.append([f"and {more:,} more {code}", "",
                             "every one is in the workbook's Problems sheet and case.json"])
        return rows

    @property
    def marked(self) -> bool:
        """Whether any entry's row was marked in the agency's sheet (struck through, hidden,
        highlighted)."""
        return any(row.marks for row in self.rows)

    def agency_counts(self) -> list[tuple[str, int]]:
        """Each agency with how many entries it sent, in the appendix's agency order."""
        counts: dict[str, int] = dict.fromkeys(self.fills, 0)
        for row in self.rows:
            counts[row.entry.agency] = counts.get(row.entry.agency, 0) + 1
        return list(counts.items())


def cells_text(raw: dict[str, RawValue]) -> str:
    """A row's cells as the agency wrote them: ``Date: 31/02/2020; Child: Leo``."""
    return "; ".join(f"{heading}: {value}" for heading, value in raw.items()
                     if value is not None)


def _listed(rows: list[list[str]], listed: int = FAMILY_LISTED, sheet: str = "Family"
            ) -> list[list[str]]:
    """The first *listed* rows, then one saying how many more and where they all are (the
    workbook's *sheet*)."""
    if len(rows) <= listed:
        return rows
    more = [f"and {len(rows) - listed:,} more", f"every one is in the workbook's {sheet} sheet"]
    return [*rows[:listed], more + [""] * (len(rows[0]) - len(more))]


#: while a build writes its outputs (:func:`appendices_shared`), the appendix of each case
#: worked out, by the case's identity (the case kept with it: an identity is not reused
#: while the case lives)
_APPENDICES: dict[int, tuple[Case, Appendix]] | None = None


@contextmanager
def appendices_shared() -> Iterator[None]:
    """Within the block, a case's appendix is worked out once for the writers that run one
    after another (the workbook, the Word appendix and the report each show it; writers side
    by side in processes of their own each work out their own). Writers only read an
    appendix."""
    global _APPENDICES
    outermost = _APPENDICES is None
    if outermost:
        _APPENDICES = {}
    try:
        yield
    finally:
        if outermost:
            _APPENDICES = None


def build_appendix(case: Case) -> Appendix:
    """The appendix of *case*: rows in chronology order, shading and flags per entry (the
    one worked out already, inside :func:`appendices_shared`)."""
    kept = _APPENDICES
    if kept is not None and (found := kept.get(id(case))) is not None and found[0] is case:
        return found[1]
    appendix = _appendix_of(case)
    if kept is not None:
        kept[id(case)] = (case, appendix)
    return appendix


def _appendix_of(case: Case) -> Appendix:
    agencies = list(dict.fromkeys([a.name for a in case.agencies]
                                  + [e.agency for e in case.entries]))
    fills = {name: AGENCY_FILLS[n % len(AGENCY_FILLS)] for n, name in enumerate(agencies)}
    firsts = [p.name.split(" ")[0] for p in case.family.subject_children]
    children = [ChildColumn(p.id, p.name, first if firsts.count(first) == 1 else p.name)
                for p, first in zip(case.family.subject_children, firsts, strict=True)]
    flagged: dict[str, list[FlagCode]] = {}
    for flag in case.flags:
        for entry_id in flag.evidence:
            codes = flagged.setdefault(entry_id, [])
            if flag.code not in codes:
                codes.append(flag.code)
    in_order = {e: tuple(sorted(codes, key=lambda c: c.rank)) for e, codes in flagged.items()}
    shown: dict[int, str] = {}  # a date's text, once per date (a sheet's rows share them)
    columns = columns_by_source(case)
    rows = [_row(entry, children, in_order.get(entry.id, ()), fills[entry.agency], shown,
                 *marks_and_also(entry, columns))
            for entry in case.entries]
    covered = span_of(case.entries)
    glossary = abbreviations_in(text for e in case.entries
                                for text in (e.summary, e.outcome, e.kind_text, e.practitioner))
    appendix = Appendix(case, children, rows, fills, covered[0] if covered else None,
                        covered[1] if covered else None, glossary=glossary)
    position = {row.entry.id: n for n, row in enumerate(rows)}
    for number, flag in enumerate(case.flags):
        appendix.flag_rows[str(number)] = [position[e] for e in flag.evidence if e in position]
    return appendix


def _row(entry: Entry, children: list[ChildColumn], flags: tuple[FlagCode, ...],
         fill: str, shown: dict[int, str], marks: tuple[AlsoRecorded, ...],
         also: tuple[AlsoRecorded, ...]) -> AppendixRow:
    when = entry.date
    exact = (when.is_exact_day and when.qualifier is Qualifier.EXACT
             and when.earliest is not None)
    text = shown.get(id(when))
    if text is None:
        text = shown[id(when)] = when.display()
    answers = []
    for child in children:
        record = entry.children.get(child.id)
        answers.append((None, None) if record is None else
                       (RECORDED_TEXT[record.seen], RECORDED_TEXT[record.views]))
    return AppendixRow(entry=entry, day=when.earliest if exact else None,
                       date_text=text, time=entry.time,
                       answers=tuple(answers), flags=flags, fill=fill, also=also,
                       marks=marks)

"""Agency contacts: entries, rejected rows and the per-file reading report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from chronogen.dates import PartialDate
from chronogen.model.problems import ProblemCode, SourceRef
from chronogen.model.recorded import Recorded

#: A raw cell value as it travels with an entry: text, number, boolean or nothing.
RawValue = str | int | float | bool | None


class ContactKind(StrEnum):
    """The small vocabulary every agency's contact types are normalised to."""

    HOME_VISIT = "home visit"
    OFFICE_VISIT = "office visit"
    APPOINTMENT = "clinic / appointment"
    SCHOOL_CONTACT = "school contact"
    TELEPHONE = "telephone"
    MEETING = "meeting"
    CONFERENCE = "conference"
    STRATEGY_DISCUSSION = "strategy discussion"
    REFERRAL_SENT = "referral sent"
    REFERRAL_RECEIVED = "referral received"
    INCIDENT = "incident"
    ASSESSMENT = "assessment"
    DECISION = "decision"
    WAS_NOT_BROUGHT = "was not brought"
    NO_ACCESS_VISIT = "no access visit"
    OTHER = "other"


class ChildRecord(BaseModel):
    """What an entry records about one subject child."""

    model_config = ConfigDict(frozen=True)

    seen: Recorded = Recorded.NOT_RECORDED
    views: Recorded = Recorded.NOT_RECORDED
    seen_alone: Recorded = Recorded.NOT_RECORDED


class Entry(BaseModel):
    """One dated contact, event or decision in an agency's chronology."""

    id: str
    agency: str
    date: PartialDate
    time: dt.time | None = None
    end_date: PartialDate | None = None
    kind: ContactKind = ContactKind.OTHER
    kind_text: str | None = None
    summary: str | None = None
    outcome: str | None = None
    practitioner: str | None = None
    significance: str | None = None
    reference: str | None = None
    #: where the agency's own record came from, as it says ("MASH", a system's name)
    origin: str | None = None
    #: the agency a referral in this entry was sent to, as named in the source
    referral_to: str | None = None
    #: ids of the people the row names (child / pupil / patient columns)
    people: list[str] = Field(default_factory=list)
    #: per subject child: seen, views, seen alone
    children: dict[str, ChildRecord] = Field(default_factory=dict)
    #: id of the joint event this entry is part of, if several agencies recorded it
    joint_event: str | None = None
    #: id of an earlier entry of the same agency this one repeats word for word (a row
    #: pasted twice, returns that overlap): kept, and counted once by the flags and tables
    repeat_of: str | None = None
    source: SourceRef
    #: the original cell values, by column heading
    raw: dict[str, RawValue] = Field(default_factory=dict)

    def seen_children(self) -> list[str]:
        """Ids of the children recorded as seen."""
        return [cid for cid, rec in self.children.items() if rec.seen is Recorded.YES]

    def views_children(self) -> list[str]:
        """Ids of the children whose views were recorded."""
        return [cid for cid, rec in self.children.items() if rec.views is Recorded.YES]


class RejectedRow(BaseModel):
    """An input row that could not become an entry, with the reason."""

    source: SourceRef
    code: ProblemCode
    message: str
    raw: dict[str, RawValue] = Field(default_factory=dict)


class FileReport(BaseModel):
    """What happened to each row of one input file.

    ``rows_read == entries + rejected + blank + title + headers + notes + joined`` always
    holds.
    """

    file: str
    agency: str | None = None
    sheet: str | None = None
    header_row: int | None = None
    #: where the sheet holds more than one table (a police return's incidents, then its
    #: crimes, each under its own header): the rows of the one this report is of, first
    #: and last (``None`` where the table is the whole sheet)
    first_row: int | None = None
    last_row: int | None = None
    #: source column heading -> chronogen field name (unmapped columns are absent)
    columns: dict[str, str] = Field(default_factory=dict)
    #: a child's own column ("Mia seen?", "Leo's views") -> the answer it holds for that
    #: child: "seen", "views" or "seen_alone"
    child_columns: dict[str, str] = Field(default_factory=dict)
    #: whether the workbook hides the sheet; the rows below the header the sheet hides (by
    #: hand or by a filter) and those whose text is struck through: each was read, and its
    #: entry is marked where it is printed
    sheet_hidden: bool = False
    hidden_rows: list[int] = Field(default_factory=list)
    struck_rows: list[int] = Field(default_factory=list)
    #: the rows below the header the agency filled with a colour (a highlight, an agency's
    #: way of marking a contact significant), by the colour's name ("yellow"); a colour
    #: filling more than a third of the table's rows is its look, not a highlight
    highlighted_rows: dict[int, str] = Field(default_factory=dict)
    rows_read: int = 0
    entries: int = 0
    rejected: int = 0
    blank: int = 0
    #: rows above the header (titles, notes)
    title: int = 0
    #: the header row itself and any repeats of it
    headers: int = 0
    #: author's-note rows (a cell starting # ^ ¬ or ~): kept as notes, not entries
    notes: int = 0
    #: rows holding the rest of the entry above's text, joined to it
    #: (``join_continued_rows`` in the mapping file)
    joined: int = 0
    #: how the layout was recognised: "standard template", "mapping file" or "headings"
    layout: str | None = None
    #: how sure chronogen is of the columns it chose: "high", "medium" or "low"
    confidence: str | None = None
    #: why this header row, and why each column became what it is
    explanation: list[str] = Field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """True when every row read is accounted for."""
        return self.rows_read == (self.entries + self.rejected + self.blank + self.title
                                  + self.headers + self.notes + self.joined)

    @property
    def rows_of_table(self) -> str:
        """``rows 8`` to ``12``, joined by an en dash, where the sheet holds more than one
        table; "" where the table is the whole sheet."""
        if self.first_row is None or self.last_row is None:
            return ""
        return f"rows {self.first_row}\u2013{self.last_row}"

    @property
    def where(self) -> str:
        """The sheet, and the rows of its table where it holds more than one (``Police``,
        ``Police, rows 8`` to ``12``); "" for a CSV file read whole."""
        return ", ".join(part for part in (self.sheet, self.rows_of_table) if part)


class SourceReports:
    """The report of the table each entry (or rejected row, or note) was read from: by its
    file and sheet, and by its row where a sheet holds more than one table."""

    def __init__(self, reports: Iterable[FileReport]) -> None:
        self._by_sheet: dict[tuple[str, str | None], list[FileReport]] = {}
        for report in reports:
            self._by_sheet.setdefault((report.file, report.sheet), []).append(report)
        for tables in self._by_sheet.values():
            tables.sort(key=lambda report: report.first_row or 0)

    def in_file(self, file: str) -> int:
        """How many tables were read from *file* (its sheets', and theirs)."""
        return sum(len(tables) for (name, _), tables in self._by_sheet.items() if name == file)

    def get(self, source: SourceRef) -> FileReport | None:
        """The report *source* was read under (``None`` for a source no report names)."""
        tables = self._by_sheet.get((source.file, source.sheet))
        if not tables:
            return None
        if len(tables) == 1 or source.row is None:
            return tables[0]
        for report in reversed(tables):  # a sheet holds a few tables at most
            if (report.first_row or 0) <= source.row:
                return report
        return tables[0]


class AuthorNote(BaseModel):
    """A row an author wrote as a note to the review (Chronolator marks them with a leading
    ``#``, ``^``, ``¬`` or ``~``): kept with its source, never an entry or a rejection."""

    text: str
    source: SourceRef


class JointEvent(BaseModel):
    """One meeting or incident recorded by several agencies: linked, never merged."""

    id: str
    date: PartialDate
    kind: ContactKind
    agencies: list[str]
    entries: list[str]


def span_of(entries: Iterable[Entry]) -> tuple[dt.date, dt.date] | None:
    """The first and last days a chronology certainly covers (the least and greatest
    earliest bounds of its entries), or None when it is empty."""
    days = [e.date.sort_key[0] for e in entries]
    return (min(days), max(days)) if days else None

"""What reading one agency file produces."""

from __future__ import annotations

from dataclasses import dataclass, field

from chronogen.model.chronology import AuthorNote, Entry, FileReport, RejectedRow
from chronogen.model.problems import Problem


@dataclass
class AgencyResult:
    """What reading one agency file produced."""

    entries: list[Entry] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: author's-note rows, kept as notes
    notes: list[AuthorNote] = field(default_factory=list)
    #: the report of the main chronology sheet (of its table whose header was found first,
    #: where it holds several)
    report: FileReport = field(default_factory=lambda: FileReport(file=""))
    #: one report per sheet read, or per table where a sheet holds several (the main
    #: sheet's first, each sheet's tables in its order)
    reports: list[FileReport] = field(default_factory=list)

"""What else an agency wrote of an entry, in cells the chronology appendix prints in no
column of its own: a column chronogen reads as no field ("Children present: Y", "DASH risk:
High"), the agency's reference, a second column of a field, and a seen or views cell saying
more than an answer (the child's own words). Quoted as written, so that nothing an agency
sent is hidden from the appendix's reader.
"""

from __future__ import annotations

from typing import NamedTuple

from chronogen.model.case import Case
from chronogen.model.chronology import Entry, FileReport, SourceReports
from chronogen.model.problems import SourceRef
from chronogen.model.recorded import Recorded
from chronogen.read.returns.answers import read_answer
from chronogen.read.returns.columns import headings_read


class AlsoRecorded(NamedTuple):
    """One cell of an entry that the appendix prints in no column of its own: its column's
    heading, its text, and the field it was read as (None for a column read as none)."""

    heading: str
    text: str
    field: str | None

    def __str__(self) -> str:
        return f"{self.heading}: {self.text}"


def also_text(items: tuple[AlsoRecorded, ...], *, leaving_out: frozenset[str] = frozenset()
              ) -> str | None:
    """``Incident No: INC-20; Children present: Y`` (None for none), the fields an output
    prints in columns of its own (*leaving_out*) left out."""
    return "; ".join(str(item) for item in items if item.field not in leaving_out) or None


#: the fields the appendix prints in columns of their own: the cell a field was read from
#: is not repeated (a second column of the same field, which is not read, is). The
#: practitioner too: the workbook prints it, and on every row of the Word appendix it would
#: crowd out what is not printed anywhere
_PRINTED = frozenset({"date", "date_time", "time", "agency", "kind", "summary", "outcome",
                      "child", "practitioner"})
#: the answer fields, printed as answers: their cell is repeated only where it says more
#: than the answer (the child's own words in a views column, "I didn't sleep"; "Seen
#: alone"). Not "seen alone": no column prints it, so its cell is quoted whatever it says
_ANSWERS = frozenset({"seen", "views"})
class SourceMarks(NamedTuple):
    """What one agency file's table says of its entries' cells: the headings printed
    elsewhere or left out, the field each column was read as, and the rows the agency's own
    view of the sheet struck through, hid (and whether it hid the whole sheet) or
    highlighted (by their colour)."""

    printed: frozenset[str]
    fields: dict[str, str]
    struck: frozenset[int]
    hidden: frozenset[int]
    sheet_hidden: bool
    highlighted: dict[int, str]


#: what an entry is marked with, first, when its row was struck through, hidden, or on a
#: hidden sheet in the agency's workbook
STRUCK = AlsoRecorded("Struck through", "in the agency's sheet: withdrawn or corrected?", None)
HIDDEN_ROW = AlsoRecorded("Hidden", "in the agency's sheet (by hand or by a filter)", None)
HIDDEN_SHEET = AlsoRecorded("Hidden", "on a sheet the agency's workbook hides", None)


_IN_THE_SHEET = ", in the agency's sheet"
#: the heading of a column of the marks: the workbook's, and the one a conversion carries
MARKED = "Marked in the agency's sheet"


def highlighted(colour: str) -> AlsoRecorded:
    """The mark of an entry whose row the agency filled with *colour* ("yellow")."""
    return AlsoRecorded("Highlighted", f"{colour}{_IN_THE_SHEET}", None)


def mark_label(mark: AlsoRecorded) -> str:
    """A mark as a column headed *Marked in the agency's sheet* prints it: ``Struck
    through``, ``Hidden row``, ``On a hidden sheet``, ``Highlighted: yellow``."""
    if mark == STRUCK:
        return "Struck through"
    if mark == HIDDEN_ROW:
        return "Hidden row"
    if mark == HIDDEN_SHEET:
        return "On a hidden sheet"
    return f"{mark.heading}: {mark.text.removesuffix(_IN_THE_SHEET)}"


#: what the workbook and the CSV print in columns of their own besides (the Word appendix
#: and the report do not)
PRINTED_BY_TABLES = frozenset({"referral_to"})


class SourceColumns:
    """What each agency table read says of its entries' cells, found by an entry's source
    (its file and sheet, and its row where a sheet holds several tables)."""

    def __init__(self, reports: list[FileReport]) -> None:
        self._reports = SourceReports(reports)
        self._marks = {id(report): _marks(report) for report in reports}

    def get(self, source: SourceRef) -> SourceMarks:
        report = self._reports.get(source)
        return _NOTHING if report is None else self._marks[id(report)]


def columns_by_source(case: Case) -> SourceColumns:
    """Each agency table's columns: those whose cells the appendix prints elsewhere (a
    mapping file's "ignore" among them: left out), and the field each was read as."""
    return SourceColumns(case.files)


def _marks(report: FileReport) -> SourceMarks:
    read = set(headings_read(report.columns).values())
    printed = {heading for heading, name in report.columns.items()
               if name == "ignore" or (name in _PRINTED and heading in read)}
    return SourceMarks(frozenset(printed), report.columns | report.child_columns,
                       frozenset(report.struck_rows), frozenset(report.hidden_rows),
                       report.sheet_hidden, report.highlighted_rows)


_NOTHING = SourceMarks(frozenset(), {}, frozenset(), frozenset(), False, {})


def also_recorded(entry: Entry, columns: SourceColumns | None = None) -> tuple[AlsoRecorded, ...]:
    """What else the agency wrote of *entry*, in cells the appendix prints in no column of
    its own, in its sheet's column order: a column chronogen reads as no field ("Children
    present: Y", "DASH risk: High"), a second column of a field, a field no column prints
    (the agency's reference, significance, referral, end date), and an answer cell
    saying more than an answer (the child's words in a views column). Quoted as the agency
    wrote them. An entry without its cells (read with ``keep_raw=False``, or built in
    Python) gives its reference and significance. An entry read from a row the agency's
    sheet strikes through, hides or highlights is marked so, first (:data:`STRUCK`,
    :data:`HIDDEN_ROW`, :data:`HIDDEN_SHEET`, :func:`highlighted`)."""
    return marks_and_also(entry, columns)[1]


def marks_and_also(entry: Entry, columns: SourceColumns | None = None
                   ) -> tuple[tuple[AlsoRecorded, ...], tuple[AlsoRecorded, ...]]:
    """:func:`sheet_marks` and :func:`also_recorded` of *entry*, worked out once: the
    second opens with the first."""
    marks = _NOTHING if columns is None else columns.get(entry.source)
    printed, fields = marks.printed, marks.fields
    marked = tuple(_marked(entry, marks))
    if not entry.raw:
        return marked, (*marked, *(AlsoRecorded(label, text, name) for label, text, name in (
            ("Reference", entry.reference, "reference"),
            ("Significance", entry.significance, "significance")) if text))
    found = list(marked)
    for heading, value in entry.raw.items():
        if heading in printed or (heading not in fields and _joined_to_printed(heading, printed)):
            continue
        if item := _quoted(heading, value, fields.get(heading)):
            found.append(item)
    return marked, tuple(found)


def sheet_marks(entry: Entry, columns: SourceColumns) -> list[AlsoRecorded]:
    """How the agency's own view of its sheet marked *entry*'s row: struck through, hidden
    (the row, or its sheet), highlighted; [] for none (most entries)."""
    return _marked(entry, columns.get(entry.source))


def _marked(entry: Entry, marks: SourceMarks) -> list[AlsoRecorded]:
    if not (marks.struck or marks.hidden or marks.sheet_hidden or marks.highlighted):
        return []  # most sheets mark nothing
    row = entry.source.row
    found = [mark for mark, holds in ((STRUCK, row in marks.struck),
                                      (HIDDEN_ROW, row in marks.hidden),
                                      (HIDDEN_SHEET, marks.sheet_hidden)) if holds]
    if row is not None and (colour := marks.highlighted.get(row)) is not None:
        found.append(highlighted(colour))
    return found


def _joined_to_printed(heading: str, printed: frozenset[str]) -> bool:
    """Whether *heading* is a joined row's cell ("Summary (row 5)": :mod:`~chronogen.read.
    returns.continued_rows`) whose words the entry's own now hold."""
    base, joined, rest = heading.rpartition(" (row ")
    return bool(joined) and rest.endswith(")") and rest[:-1].isdigit() and base in printed


def _quoted(heading: str, value: object, name: str | None) -> AlsoRecorded | None:
    if value is None:
        return None
    text = ("TRUE" if value else "FALSE") if isinstance(value, bool) else str(value).strip()
    if not text:
        return None
    if name in _ANSWERS:
        answer = read_answer(text)
        # an answer alone is printed; whether the child was seen alone is not ("Seen alone")
        if answer.recognised and answer.alone is Recorded.NOT_RECORDED:
            return None
    return AlsoRecorded(heading, text, name)

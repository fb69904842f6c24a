"""The rows of one chronology sheet -> entries, rejected rows, notes and located problems.

A large sheet repeats itself: the same few children, yes / no answers, contact types and date
texts down thousands of rows. Each distinct value (or combination, for the children's seen /
views cells) is worked out once per sheet and reused; the problems it raised are raised again,
with the row number, for every row that holds it. The result is the same, row by row, as
reading each row afresh.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time
from typing import TypeVar

from chronogen.dates import ParsedDateTime, PartialDate
from chronogen.dates.phrases import WEEKDAY_NAMES, named_weekday
from chronogen.errors import DateError
from chronogen.memo import Memo
from chronogen.model.chronology import (
    AuthorNote,
    ContactKind,
    Entry,
    FileReport,
    RawValue,
    RejectedRow,
)
from chronogen.model.family import Family
from chronogen.model.problems import Problem, ProblemCode, Severity, SourceRef
from chronogen.model.recorded import Recorded
from chronogen.model.trusted import trusted
from chronogen.read.returns.answers import read_answer
from chronogen.read.returns.cell_values import (
    date_from_cell,
    is_note_not_date,
    raw_value,
    time_from_cell,
)
from chronogen.read.returns.cell_words import (
    DITTO,
    NO_REFERRAL,
    NO_TIME,
    NOT_NAMED,
    PART_OF_DAY,
    key_words,
)
from chronogen.read.returns.children import ChildrenReading
from chronogen.read.returns.columns import Field, is_recording_date
from chronogen.read.returns.continued_rows import join, question, texts_to_join
from chronogen.read.returns.date_order import (
    month_first_reading,
    month_first_warning,
    proves_day_first,
)
from chronogen.read.returns.highlights import highlight_message, highlighted_rows
from chronogen.read.returns.kinds import classify_kind, missed_in_outcome, opening_kind
from chronogen.read.returns.layout import (
    NO_HEADER,
    Column,
    Layout,
    column_letter,
    columns_for,
    header_place,
    looks_like_header,
    tables_above,
)
from chronogen.read.returns.result import AgencyResult
from chronogen.read.returns.sheet_reading import CACHE_LIMIT, Values
from chronogen.read.sheet import PARAGRAPHS, Cell, Sheet
from chronogen.read.sheet_problems import sheet_problems
from chronogen.read.table import EXCEL_ERRORS, is_blank, normalise_heading

# the fields as plain names: on Python 3.11 every ``Field.DATE`` goes through the enum
# metaclass's attribute hook (about 60 ns, five times a plain name), and a row uses dozens
_F_AGENCY = Field.AGENCY
_F_CHILD = Field.CHILD
_F_DATE = Field.DATE
_F_DATE_TIME = Field.DATE_TIME
_F_END_DATE = Field.END_DATE
_F_KIND = Field.KIND
_F_OUTCOME = Field.OUTCOME
_F_PRACTITIONER = Field.PRACTITIONER
_F_REFERENCE = Field.REFERENCE
_F_REFERRAL_TO = Field.REFERRAL_TO
_F_SEEN = Field.SEEN
_F_SEEN_ALONE = Field.SEEN_ALONE
_F_SIGNIFICANCE = Field.SIGNIFICANCE
_F_SOURCE = Field.SOURCE
_F_SUMMARY = Field.SUMMARY
_F_TIME = Field.TIME
_F_VIEWS = Field.VIEWS
#: the contacts at which no child is seen, as seen means: face to face
_NOT_FACE_TO_FACE = ContactKind.TELEPHONE
_MIDNIGHT = time(0)

_T = TypeVar("_T")

_AGENCY_DEFAULT_KIND = {"school": ContactKind.SCHOOL_CONTACT, "nursery": ContactKind.SCHOOL_CONTACT}

_ENTRY_FIELDS = set(Entry.model_fields)
_SOURCE_FIELDS = set(SourceRef.model_fields)
_PROBLEM_FIELDS = set(Problem.model_fields)

#: the marks that open an author's note row (Chronolator's convention)
NOTE_MARKS = ("#", "^", "¬", "~")
_MARKS = frozenset(NOTE_MARKS)


def author_note(cells: tuple[Cell, ...]) -> str | None:
    """The text of an author's-note row (its first filled cell starts with a note mark), or
    None for an ordinary row."""
    for value in cells:
        if value is None:
            continue
        if type(value) is not str:
            return None  # a number, date or time: never blank (its text is not worked out)
        first = value.lstrip()
        if not first:
            continue
        if not first.startswith(NOTE_MARKS) or first.rstrip() in EXCEL_ERRORS:
            return None  # "#REF!" opening a row is a broken date, not a note
        return " | ".join(str(v).strip() for v in cells if v is not None and str(v).strip())
    return None


#: a contact before this is almost certainly a small number read as an Excel date (serial 1
#: is 01/01/1900); the entry is kept, with a warning
EARLIEST_PLAUSIBLE = date(1950, 1, 1)


def cells_by_row(texts: dict[tuple[int, int], str], layout: Layout, label: str
                 ) -> dict[int, list[tuple[str, str]]]:
    """What a sheet says of its cells below the header, in its table (the comments on
    them, the words struck through in them), by row, as cells of their own: ("Comment on
    Date", the comment), in column order, each labelled by *label* and its column."""
    headings = [column.heading for column in layout.columns]
    found: dict[int, list[tuple[str, str]]] = {}
    for (row, column), text in sorted(texts.items()):
        if layout.under_header(row):
            heading = headings[column - 1] if column <= len(headings) else \
                f"Column {column_letter(column - 1)}"
            found.setdefault(row, []).append((f"{label} {heading}", text))
    return found


def links_beyond_text(sheet: Sheet) -> dict[tuple[int, int], str]:
    """Where each hyperlink on a sheet's cells points, but for a link whose cell says its
    address already (an address typed in, linked by Excel)."""
    found = {}
    for (row, column), target in sheet.links.items():
        cells = sheet.rows[row - 1] if row <= len(sheet.rows) else ()
        value = cells[column - 1] if column <= len(cells) else None
        text = str(value).strip() if value is not None else ""
        if target != text and target.removeprefix("mailto:") != text:
            found[(row, column)] = target
    return found


def date_floor(family: Family) -> date:
    """The earliest plausible day for an entry: 1950, or 100 years before the eldest subject
    child's birth when that is later (a date before it is kept, with a warning)."""
    births = [p.birth.earliest for p in family.subject_children
              if p.birth is not None and p.birth.earliest is not None]
    if not births:
        return EARLIEST_PLAUSIBLE
    eldest = min(births)
    return max(EARLIEST_PLAUSIBLE, eldest.replace(year=max(eldest.year - 100, 1), day=1))


#: the fields an entry keeps as text (stripped; a number or date cell as its text), and
#: the entry's name for each
_TEXT_FIELDS = {_F_KIND: "kind_text", _F_AGENCY: "agency", _F_SUMMARY: "summary",
                _F_OUTCOME: "outcome", _F_PRACTITIONER: "practitioner",
                _F_SIGNIFICANCE: "significance", _F_REFERENCE: "reference", _F_SOURCE: "origin"}


def _text_of(value: Cell) -> str | None:
    if value is None:
        return None
    if type(value) is str:  # nearly every cell: the quick way first
        return value.strip() or None
    if isinstance(value, datetime | date):
        return str(raw_value(value))
    text = str(value).strip()
    return text or None


class RowReader(ChildrenReading):
    """Reads the rows of one sheet under its layout (see the module's docstring)."""

    def __init__(self, layout: Layout, *, agency: str, code: str, family: Family,
                 keep_raw: bool = True) -> None:
        self.layout = layout
        self.keep_raw = keep_raw
        self.sheet = layout.sheet
        self.file, self.sheet_name = self.sheet.file, self.sheet.name
        self.agency = agency
        self.code = code
        self.fields = layout.by_field()
        #: the date column read first, and the one read where it is blank: the date and time
        #: column first where the date column says when the record was made ("Date
        #: recorded" beside "Date/time of incident")
        dated = self.fields.get(_F_DATE)
        self.date_fields = (_F_DATE_TIME, _F_DATE) if dated is not None and \
            _F_DATE_TIME in self.fields and is_recording_date(dated.heading) else \
            (_F_DATE, _F_DATE_TIME)
        # each column in order: its heading, its field when it is the field's first column
        # (the one read), and the entry's name for it where the field is kept as text
        read = [column.field if column.field is not None
                and self.fields[column.field] is column else None for column in layout.columns]
        self.plan = [(column.heading, field, None if field is None else _TEXT_FIELDS.get(field))
                     for column, field in zip(layout.columns, read, strict=True)]
        #: an entry's values before its row is read: each row's entry starts as a copy
        self.blank_entry: dict[str, object] = dict.fromkeys(Entry.model_fields)
        self.blank_entry["agency"] = agency
        self.header_key = layout.header_key()
        self.header_word = next(iter(self.header_key[0].split()), "") if self.header_key else ""
        self.first_mapped = next((c for c in layout.columns if c.field is not None), None)
        self.result = AgencyResult(report=FileReport(
            file=self.sheet.file, agency=agency, sheet=self.sheet.name,
            header_row=layout.header_row or None,
            columns={c.heading: c.field.value for c in layout.columns if c.field is not None},
            layout=layout.found_by, confidence=layout.confidence,
            explanation=list(layout.explanation),
        ))
        self.ambiguous: list[tuple[int, Column, str]] = []
        self.day_first_proven = False
        #: the rows whose date is none day-first and a real one month-first (date_order)
        self.month_first: list[int] = []
        #: the date of the last entry read: what a ditto mark below it means
        self.date_above: ParsedDateTime | None = None
        #: the entries whose date cell carried a time of midnight, and whether any carried
        #: another time
        self.midnights: list[Entry] = []
        self.other_times = False
        self.date_floor = date_floor(family)
        #: the last row joined to the entry above it, and how many were (continued_rows)
        self.joined_until = 0
        self.report_joined = 0
        #: the row of a second table's header, once one was found below the first (rows)
        self.other_header = 0
        #: the first such header naming a date column: where the reader of the sheet may
        #: read the rows under it as a table of their own (reader)
        self.table_below: int | None = None
        #: the comments (notes) on the cells of each row below the header, as cells of their
        #: own: (heading, the comment) by row, taken by the row's entry or rejected row
        self.comments = cells_by_row(self.sheet.comments, layout, "Comment on") \
            if keep_raw else {}
        #: the words struck through inside a cell (a correction: "Seen ~~alone~~"), kept so
        #: with the row's cells, whose own text holds them still
        self.struck_words = cells_by_row(self.sheet.struck_words, layout, "Struck through in") \
            if keep_raw else {}
        #: where a hyperlink on a cell points ("See case note" -> the agency's record), kept
        #: so with the row's cells, unless the cell says it already
        self.links = cells_by_row(links_beyond_text(self.sheet), layout, "Link in") \
            if keep_raw and self.sheet.links else {}
        #: the dates read before the floor, by identity, each worked out once per value
        #: (a date's own bounds, read on every row, cost a tenth of the reading: memory)
        self._too_early: dict[int, ParsedDateTime] = {}
        self._read_children_as(family)
        report = self.result.report
        report.child_columns = {column.heading: what.value
                                for column, what, _ in self.child_columns}
        report.sheet_hidden = self.sheet.hidden
        report.hidden_rows = [row for row in self.sheet.hidden_rows if layout.under_header(row)]
        report.struck_rows = sorted({row for row, _ in self.sheet.struck
                                     if layout.under_header(row)})
        report.highlighted_rows = highlighted_rows(layout)
        self.default_kind = _AGENCY_DEFAULT_KIND.get(agency.lower(), ContactKind.OTHER)
        #: a Word document's paragraphs have no contact-type column: the type a record's
        #: words open with is read as its own
        self.kinds_in_words = layout.sheet.kind == PARAGRAPHS
        self._dates: Memo[object, ParsedDateTime | DateError] = Memo(CACHE_LIMIT)
        self._raw_values: Memo[object, RawValue] = Memo(CACHE_LIMIT)
        self._clocks: Memo[tuple[type, Cell], tuple[time | None]] = Memo(CACHE_LIMIT)
        self._referrals: Memo[object, str | None] = Memo(CACHE_LIMIT)

    # -- the loop -------------------------------------------------------------------------

    def run(self) -> AgencyResult:
        """Read every row; each ends as an entry, a rejected row, a note or a counted
        blank, title or header row."""
        layout = self.layout
        first_row, header_row, last_row = layout.first_row, layout.header_row, layout.end_row
        self.result.problems.extend(sheet_problems(
            self.sheet, [c.heading for c in layout.columns], header_row,
            comments_below_kept=self.keep_raw, first_row=first_row, last_row=layout.last_row))
        self._report_columns()
        if self.result.report.highlighted_rows:
            self.problem(ProblemCode.HIGHLIGHTED, Severity.INFO,
                         highlight_message(self.result.report.highlighted_rows, self.sheet.kind),
                         row=next(iter(self.result.report.highlighted_rows)))
        # plain counters while reading (a pydantic attribute is slow to set a million times)
        counts = Counter[str]()
        if last_row >= first_row:
            counts["rows_read"] = last_row - first_row + 1  # every row, each counted below
        rows = self.sheet.rows
        # a table above the one read (where the sheet was not read as several tables): its
        # dated rows are rejected, with its headings
        above = {row: header for header, dated in tables_above(self.sheet, header_row, first_row)
                 for row in dated}
        top = layout.above_records
        for number, cells in enumerate(rows[first_row - 1:top], start=first_row):
            if number in above:
                self._reject_above(number, cells, above[number])
            elif number < header_row or header_row == NO_HEADER:
                counts["blank" if is_blank(cells) else "title"] += 1
            else:
                counts["headers"] += 1
        # the first mapped column, where a repeated header row would say its first heading
        first = self.first_mapped.index if self.first_mapped is not None else 0
        word = self.header_word
        for number, cells in enumerate(rows[top:last_row], start=top + 1):
            lead = cells[0] if cells else None
            # a row opening with a number, a date or a text that is not a note's mark (nearly
            # every row) is neither blank nor a note: the quick tests first
            plain = lead is not None and (type(lead) is not str or (
                lead != "" and lead[0] not in _MARKS and not lead[0].isspace()))
            if not plain and is_blank(cells):
                counts["blank"] += 1
                continue
            value = cells[first] if first < len(cells) else None
            if type(value) is str and word in value.lower() and self._is_repeated_header(cells):
                counts["headers"] += 1
                self.problem(ProblemCode.REPEATED_HEADER, Severity.INFO,
                             "the header row appears again here; skipped", row=number)
            elif not plain and (note := author_note(cells)) is not None:
                counts["notes"] += 1
                self.result.notes.append(AuthorNote(text=note, source=SourceRef(
                    file=self.sheet.file, sheet=self.sheet.name, row=number)))
            else:
                self._read_row(number, cells)
        report = self.result.report
        for name, count in counts.items():
            setattr(report, name, count)
        report.entries = len(self.result.entries)
        report.rejected = len(self.result.rejected)
        report.joined = self.report_joined
        self._report_ambiguous_dates()
        self._no_times_if_all_midnight()
        for number, comments in self.comments.items():  # on rows no entry was read from
            for heading, comment in comments:
                self.problem(ProblemCode.CELL_COMMENT, Severity.INFO,
                             f"{heading.lower()} ({comment!r}), on a row that is no entry: "
                             "kept here", row=number, value=comment)
        return self.result

    def _report_columns(self) -> None:
        named = {id(c) for c, _, _ in self.child_columns}
        for column in self.layout.columns:
            if id(column) in named:
                continue  # a child's own seen / views column
            used = self.fields.get(column.field) if column.field is not None else None
            if column.field is None:
                if not column.heading.startswith("Column "):
                    self.problem(ProblemCode.UNKNOWN_COLUMN, Severity.INFO,
                                 f"column {column.heading!r} is not a known field; its values "
                                 "are kept with each entry (raw)", column=column)
            elif column.field is Field.IGNORE or used is None or used is column:
                continue
            elif column.field is Field.DATE and is_recording_date(column.heading):
                self.problem(ProblemCode.DUPLICATE_COLUMN, Severity.INFO,
                             f"column {column.heading!r} says when the record was made: the "
                             f"entries are dated by {used.heading!r}, and this column's dates "
                             "are kept with each entry (raw)", column=column)
            else:
                self.problem(ProblemCode.DUPLICATE_COLUMN, Severity.WARNING,
                             f"a second {column.field.value!r} column; only {used.heading!r} "
                             "is used, this one is kept with each entry (raw)", column=column)
        lettered = "" if self.layout.header_row != NO_HEADER else (
            " (with header_row = 0 the sheet has no header row: its columns are named by "
            "letter, 'Column A', 'Column B', ...)")
        for heading in self.layout.missing_mapped:
            self.problem(ProblemCode.UNKNOWN_COLUMN, Severity.WARNING,
                         f"the mapping names column {heading!r}, which is not in the sheet"
                         + lettered)

    def _is_repeated_header(self, cells: tuple[Cell, ...]) -> bool:
        first = self.first_mapped
        if first is None or first.index >= len(cells) or not isinstance(cells[first.index], str):
            return False
        value = str(cells[first.index])
        # the cheap tests first: most rows are not the header again, and a cell normalises
        # to the first heading only if that heading's first word stands in its lower case
        if not self.header_key or self.header_word not in value.lower() or \
                normalise_heading(value) != self.header_key[0]:
            return False
        key = tuple(
            normalise_heading(str(cells[c.index])) if c.index < len(cells)
            and cells[c.index] is not None else ""
            for c in self.layout.columns if c.field is not None
        )
        return key == self.header_key

    def _cells(self, number: int, cells: tuple[Cell, ...]
               ) -> tuple[dict[str, RawValue], Values, dict[str, object]]:
        """The row's raw cells by heading, its filled, usable cells by field (blank text and
        Excel error cells left out; the fields kept as text are not among them: they are
        read from the entry) and its entry's values so far (the text fields set, stripped),
        in one pass; error cells are reported."""
        raw: dict[str, RawValue] = {}
        values: Values = {}
        entry = self.blank_entry.copy()
        errors = False
        for (heading, fld, text_key), value in zip(self.plan, cells, strict=False):  # extras below
            if value is None:
                continue
            if type(value) is str:
                raw[heading] = value
                if fld is None:
                    errors = errors or "#" in value
                    continue
                stripped = value.strip()
                if not stripped:
                    continue
                if stripped[0] == "#" and stripped in EXCEL_ERRORS:
                    errors = True
                    continue
                if text_key is not None:
                    entry[text_key] = stripped
                else:
                    values[fld] = value
            else:
                raw[heading] = self._raw_value(value)
                if fld is None:
                    continue  # not the first column of its field
                if text_key is None:
                    values[fld] = value
                elif (text := _text_of(value)) is not None:
                    entry[text_key] = text
        if errors:
            self._report_errors(number, cells)
        for index in range(len(self.plan), len(cells)):
            if cells[index] is not None:
                raw[f"Column {column_letter(index)}"] = raw_value(cells[index])
        return raw, values, entry

    def _report_errors(self, number: int, cells: tuple[Cell, ...]) -> None:
        for column, value in zip(self.layout.columns, cells, strict=False):
            if type(value) is str and value.strip() in EXCEL_ERRORS:
                self.problem(ProblemCode.CELL_ERROR, Severity.WARNING,
                             f"the cell holds the Excel error {value.strip()}; treated as "
                             "blank", row=number, column=column, value=value)

    # -- one row --------------------------------------------------------------------------

    def _read_row(self, number: int, cells: tuple[Cell, ...]) -> None:
        source = trusted(SourceRef, {"file": self.file, "sheet": self.sheet_name,
                                     "row": number}, _SOURCE_FIELDS)
        raw, values, made = self._cells(number, cells)
        if self.comments and (comments := self.comments.pop(number, None)):
            raw.update(comments)
        if self.struck_words and (struck := self.struck_words.get(number)):
            raw.update(struck)
        if self.links and (linked := self.links.get(number)):
            raw.update(linked)

        parsed = self._date(number, values, source, raw, made)
        if parsed is None:
            return
        # the optional fields' methods only where the row fills them (most rows do not);
        # a midnight in the date cell gives way to the time column ("13/03/2020 00:00",
        # a system's day, beside "Time: 14:30")
        clock = parsed.time
        if (clock is None or clock == _MIDNIGHT) and _F_TIME in values:
            clock = self._time(number, values) or clock

        kind_text: str | None = made["kind_text"]  # type: ignore[assignment]
        if kind_text is None and self.kinds_in_words:  # "Clinic. Leo weighed"
            kind_text = made["kind_text"] = opening_kind(made["summary"])  # type: ignore[arg-type]
        kind = self._kind(number, kind_text)  # its problem (if any) before the people's
        # "Clinic appointment", outcome "DNA": an appointment the child was not brought to
        kind = missed_in_outcome(kind, made["outcome"]) or kind
        people = self._people(number, values.get(_F_CHILD))
        children = self._children(number, cells, values, people)
        if kind is _NOT_FACE_TO_FACE and children:
            children = self._seen_at_a_distance(number, children, values.get(_F_SEEN))

        # every value is made with its field's type here (the tests validate each entry the
        # reader makes); one set of field names serves every entry (a million entries would
        # otherwise hold a million copies, about 900 bytes each)
        made["id"] = f"{self.code}-{number}"
        made["date"] = parsed.date
        made["time"] = clock
        if _F_END_DATE in values:
            made["end_date"] = self._end_date(number, values)
        made["kind"] = kind
        if _F_REFERRAL_TO in values:
            made["referral_to"] = self._referral(number, values)
        made["people"] = list(people)  # each entry its own list and dict (shared by the memo)
        made["children"] = dict(children)
        made["source"] = source
        # rejected rows keep their cells whatever keep_raw says (they are all a reader has)
        made["raw"] = raw if self.keep_raw else {}
        entry = trusted(Entry, made, _ENTRY_FIELDS)
        self.result.entries.append(entry)
        if clock is not None and clock is parsed.time:
            if clock == _MIDNIGHT:
                self.midnights.append(entry)
            else:
                self.other_times = True
        if self._too_early and id(parsed) in self._too_early:
            self.problem(ProblemCode.IMPLAUSIBLE_DATE, Severity.WARNING,
                         f"{parsed.date.display()} is before {self.date_floor:%d/%m/%Y}: "
                         "probably a number read as an Excel date (0 is 31/12/1899); check "
                         "the source", row=number, column=self.fields.get(_F_DATE),
                         value=values.get(_F_DATE))

    def _raw_value(self, value: Cell) -> RawValue:
        """:func:`raw_value`, once per distinct cell value: a date cell's ISO text is then
        one string for every row holding that date, not one each."""
        kind = type(value)  # a date-time as itself; 1, 1.0 and True are equal as dict keys
        key = value if kind is datetime else (kind, value)
        found = self._raw_values.get(key)
        return found if found is not None else self._raw_values.keep(key, raw_value(value))

    def _reject(self, source: SourceRef, code: ProblemCode, message: str,
                raw: dict[str, RawValue], column: Column | None, value: object) -> None:
        if code is ProblemCode.MISSING_DATE or code is ProblemCode.INVALID_DATE:
            message += self._another_table(source.row or 0, raw)
        self.result.rejected.append(RejectedRow(source=source, code=code, message=message,
                                                raw=raw))
        self.problem(code, Severity.ERROR, message + "; row rejected", row=source.row,
                     column=column, value=value)

    def _reject_above(self, number: int, cells: tuple[Cell, ...], header: int) -> None:
        """A row of a table above the one read: rejected, its cells under that table's own
        headings, saying why."""
        headings = [column.heading for column in columns_for(self.sheet.rows[header - 1])]
        raw = {headings[i] if i < len(headings) else f"Column {column_letter(i)}":
               raw_value(value) for i, value in enumerate(cells) if value is not None}
        source = trusted(SourceRef, {"file": self.file, "sheet": self.sheet_name,
                                     "row": number}, _SOURCE_FIELDS)
        self._reject(source, ProblemCode.TABLE_ABOVE,
                     f"a row of another table, above the one read (its header on row "
                     f"{header}, this one's on row {self.layout.header_row}): not read as an "
                     "entry; put each table on a sheet of its own, or give the header row in a "
                     "mapping file", raw, None, None)

    def _another_table(self, number: int, raw: dict[str, RawValue]) -> str:
        """What a row rejected for its date says of a second table stacked below the first
        (a police return's crimes under its incidents): its header, and each row under it."""
        cells = tuple(v for v in raw.values() if isinstance(v, str))
        if looks_like_header(cells):
            self.other_header = number
            if self.table_below is None:
                self.table_below = number
            named = ", ".join(repr(v.strip()) for v in cells[:6])
            return (f"; the row looks like the header of another table ({named}): the rows "
                    f"under it are read under this sheet's columns "
                    f"({header_place(self.layout.header_row)}), and rejected where no date is "
                    "found; put that table on a sheet of its own")
        if self.other_header:
            return f"; under the other table's header on row {self.other_header}"
        return ""

    def _check_weekday(self, number: int, column: Column | None, text: str,
                       parsed: ParsedDateTime) -> None:
        """Say where a date's weekday, written beside it, is not its day's ("Fri
        05/03/2020": 5 March 2020 was a Thursday): one of the two was written wrong."""
        named = named_weekday(text)
        day = parsed.date.earliest
        if named is None or day is None or not parsed.date.is_exact_day or \
                day.weekday() == named:
            return
        message = (f"{text.strip()!r}: {day:%d/%m/%Y} was a {WEEKDAY_NAMES[day.weekday()]}, "
                   f"not a {WEEKDAY_NAMES[named]}; read as {day:%d/%m/%Y}")
        if parsed.day_month_ambiguous:
            other = date(day.year, day.day, day.month)
            if other.weekday() == named:
                message += f"; month-first (US) it would be {other:%d/%m/%Y}, a " \
                           f"{WEEKDAY_NAMES[named]}"
        self.problem(ProblemCode.WEEKDAY_MISMATCH, Severity.WARNING,
                     message + ": check the agency's record", row=number, column=column,
                     value=text)

    def _kind(self, number: int, kind_text: str | None) -> ContactKind:
        kind = classify_kind(kind_text)
        if kind is not None:
            return kind
        if kind_text is not None:
            self.problem(ProblemCode.UNKNOWN_KIND, Severity.INFO,
                         f"contact type {kind_text!r} is not recognised; counted as 'other'",
                         row=number, column=self.fields.get(_F_KIND), value=kind_text)
        return self.default_kind

    def _date(self, number: int, values: Values, source: SourceRef,
              raw: dict[str, RawValue], made: dict[str, object]) -> ParsedDateTime | None:
        first, second = self.date_fields
        column, value = self.fields.get(first), values.get(first)
        if value is None:
            other_column, other_value = self.fields.get(second), values.get(second)
            if other_value is not None or column is None:
                column, value = other_column, other_value
        if value is None:
            above = self._entry_above(number, values, raw)
            if above is not None and self._joined(number, above, values, made, raw):
                return None
            self._reject(source, ProblemCode.MISSING_DATE, "no date" + (
                question(number, raw) if above is not None else ""), raw, column, None)
            return None
        parsed = self._parse_date_value(value)
        if isinstance(parsed, DateError):
            text = str(value)
            if self.date_above is not None and key_words(text) in DITTO:
                return self._the_date_above(number, column, text)
            if is_note_not_date(text):
                self._reject(source, ProblemCode.MISSING_DATE,
                             f"no date: the date cell holds a note ({text[:60]!r})",
                             raw, column, value)
            elif (us := month_first_reading(text)) is not None:
                self.month_first.append(number)
                self._reject(source, ProblemCode.INVALID_DATE,
                             f"{parsed} (read day-first, as UK returns are written); "
                             f"month-first (US) it would be {us:%d/%m/%Y}", raw, column, value)
            else:
                self._reject(source, ProblemCode.INVALID_DATE, str(parsed), raw, column, value)
            return None
        if type(value) is str and (value[:1].isalpha() or value.rstrip(" .)")[-1:].isalpha()):
            self._check_weekday(number, column, value, parsed)
        if type(value) is str and column is not None and not self.day_first_proven:
            if proves_day_first(value):
                # the column is day-first: no date of it is ambiguous, none need be kept
                self.day_first_proven = True
                self.ambiguous.clear()
            elif parsed.day_month_ambiguous:
                self.ambiguous.append((number, column, value))
        self.date_above = parsed
        return parsed

    def _entry_above(self, number: int, values: Values, raw: dict[str, RawValue]
                     ) -> Entry | None:
        """The entry an undated row may continue (:mod:`.continued_rows`): the row above's,
        or the one the row above was joined to; where the row holds only words (no time,
        no contact type)."""
        entries = self.result.entries
        kind = self.fields.get(_F_KIND)
        if not entries or number - 1 not in (entries[-1].source.row, self.joined_until) or \
                _F_TIME in values or (kind is not None and kind.heading in raw) or \
                not all(type(value) is str for value in raw.values()):
            return None
        return entries[-1]

    def _joined(self, number: int, above: Entry, values: Values, made: dict[str, object],
                raw: dict[str, RawValue]) -> bool:
        """Join the row to *above* if the mapping says the return splits records over rows
        and the row holds only a summary or outcome."""
        texts = texts_to_join(made, self.blank_entry) if self.layout.join_continued_rows \
            and not values else None
        if texts is None:
            return False
        what = join(above, number, texts, raw, self.keep_raw)
        self.joined_until = number
        self.report_joined += 1
        why = ("a paragraph with no date of its own, under a dated one"
               if self.sheet.kind == PARAGRAPHS else "join_continued_rows in the mapping file")
        self.problem(ProblemCode.CONTINUED_ROW, Severity.INFO,
                     f"the rest of row {above.source.row}'s {what}, joined to its entry "
                     f"({why})", row=number)
        return True

    def _the_date_above(self, number: int, column: Column | None, text: str
                        ) -> ParsedDateTime:
        """A ditto mark in a date cell ('"', "ditto", "as above"): the date of the entry
        above (not its time), the words kept as the date's text; noted."""
        above = self.date_above
        assert above is not None
        self._cell_read_so(number, column, text, Severity.INFO,
                           f"read as the date above, {above.date.display()}")
        made = ParsedDateTime(above.date.model_copy(update={"text": text}), None, False)
        self._note_if_too_early(made)
        return made

    def _note_if_too_early(self, parsed: ParsedDateTime) -> None:
        if parsed.date.sort_key[0] < self.date_floor:
            self._too_early[id(parsed)] = parsed  # held: its identity is not reused

    def _parse_date_value(self, value: Cell) -> ParsedDateTime | DateError:
        """The date in a cell, or the error saying why it is not one (once per value)."""
        kind = type(value)
        # text and date-times as themselves (each equals nothing of another type); 1, 1.0
        # and True are equal as dict keys
        key = value if kind is str or kind is datetime else (kind, value)
        found = self._dates.get(key)
        if found is None:
            try:
                found = date_from_cell(value, date1904=self.sheet.date1904)
            except DateError as error:
                found = error
            else:
                self._note_if_too_early(found)
            self._dates.keep(key, found)
        return found

    def _no_times_if_all_midnight(self) -> None:
        """Where every time a sheet's date cells carry is midnight ("13/03/2020 00:00" down a
        column a system filled: Excel writes a date-time cell so in a CSV), they are no
        times: the entries have none, said once."""
        if len(self.midnights) < 2 or self.other_times:
            return
        for entry in self.midnights:
            entry.__dict__["time"] = None
        column = self.fields.get(self.date_fields[0]) or self.fields.get(self.date_fields[1])
        self.problem(ProblemCode.INVALID_TIME, Severity.INFO,
                     f"every one of the {len(self.midnights):,} times in the date cells is "
                     "00:00: a system's day with no time, not contacts at midnight; the "
                     "entries are kept without a time", column=column)

    def _report_ambiguous_dates(self) -> None:
        if self.day_first_proven:
            return
        column = self.fields.get(self.date_fields[0]) or self.fields.get(self.date_fields[1])
        if self.month_first and column is not None:
            self.problem(ProblemCode.AMBIGUOUS_DATE, Severity.WARNING, month_first_warning(
                column.heading, self.month_first, [(n, t) for n, _, t in self.ambiguous]),
                column=column)
        for number, column, text in self.ambiguous:
            self.problem(ProblemCode.AMBIGUOUS_DATE, Severity.WARNING,
                         f"{text!r} could be day-first or month-first and nothing else in this "
                         "column settles it; read day-first (UK)", row=number, column=column,
                         value=text)

    def _time(self, number: int, values: Values) -> time | None:
        value = values.get(_F_TIME)
        if value is None:
            return None
        key = (type(value), value)  # 1, 1.0 and True are equal as dict keys
        found = self._clocks.get(key)  # a day has 1,440 minutes: each read once
        if found is None:
            found = self._clocks.keep(key, (time_from_cell(value),))
        clock = found[0]
        if clock is not None:
            return clock
        text = str(value).strip()
        said = key_words(text)
        if said in NO_TIME:
            return None  # "N/K", "-": the cell says no time is known, as a blank one does
        if said in PART_OF_DAY:
            self.problem(ProblemCode.INVALID_TIME, Severity.INFO,
                         f"{text!r} is a part of the day, not a time; the entry is kept "
                         "without a time (the words are kept with it)",
                         row=number, column=self.fields.get(_F_TIME), value=text)
            return None
        self.problem(ProblemCode.INVALID_TIME, Severity.WARNING,
                     f"{text!r} is not a time; the entry is kept without a time",
                     row=number, column=self.fields.get(_F_TIME), value=text)
        return None

    def _end_date(self, number: int, values: Values) -> PartialDate | None:
        value = values.get(_F_END_DATE)
        if value is None:
            return None
        parsed = self._parse_date_value(value)
        if isinstance(parsed, DateError):
            self.problem(ProblemCode.INVALID_DATE, Severity.WARNING,
                         f"end date: {parsed}; the entry is kept without an end date",
                         row=number, column=self.fields.get(_F_END_DATE), value=value)
            return None
        return parsed.date

    def _referral(self, number: int, values: Values) -> str | None:
        """The agency a referral column names, once per distinct cell value ("Y", "N")."""
        value = values.get(_F_REFERRAL_TO)
        if value is None:
            return None
        kind = type(value)  # text as itself; 1, 1.0 and True are equal as dict keys
        key = value if kind is str else (kind, value)
        if key in self._referrals:
            found = self._referrals[key]
        else:
            found = self._referrals.keep(key, self._referral_of(value))
        if found is NOT_NAMED:
            column = self.fields.get(_F_REFERRAL_TO)
            self._cell_read_so(number, column, value, Severity.INFO,
                               "a referral was made, but the "
                               f"{column.heading if column else 'referral'!r} column does not "
                               "say to which agency; the summary or outcome may")
            return None
        return found

    def _referral_of(self, value: Cell) -> str | None:
        column = self.fields.get(_F_REFERRAL_TO)
        if column is None:
            return None
        answer = read_answer(value)
        if column.target is not None:
            return column.target if answer.value is Recorded.YES else None
        if answer.recognised and answer.value is not Recorded.YES:
            return None
        if answer.recognised and not answer.names:
            return NOT_NAMED  # "Yes": a referral, to an agency the column does not name
        text = str(value).strip()
        if NO_REFERRAL.match(text):
            return None  # "Not referred", "No referral made"
        return answer.names or text


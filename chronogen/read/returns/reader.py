"""One agency's chronology file -> entries, rejected rows, problems and a row-count report.

Every row of the chosen sheet ends in exactly one place: an entry, a rejected row (with its
reason code), or a counted blank, title or header row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from chronogen.dates import ParsedDateTime, PartialDate
from chronogen.domain.names import NameIndex
from chronogen.domain.template import TEMPLATE_TITLE
from chronogen.errors import DateError
from chronogen.model.case import Limits
from chronogen.model.chronology import (
    AuthorNote,
    ChildRecord,
    ContactKind,
    Entry,
    FileReport,
    RawValue,
    RejectedRow,
)
from chronogen.model.family import Family
from chronogen.model.problems import Problem, ProblemCode, Severity, SourceRef
from chronogen.model.recorded import Recorded
from chronogen.read.returns.answers import Answer, read_answer
from chronogen.read.returns.cell_values import (
    date_from_cell,
    is_note_not_date,
    raw_value,
    time_from_cell,
)
from chronogen.read.returns.columns import Field
from chronogen.read.returns.kinds import classify_kind
from chronogen.read.returns.layout import Column, ColumnMapping, Layout, column_letter, find_layout
from chronogen.read.table import EXCEL_ERRORS, Cell, Sheet, is_blank, normalise_heading, read_sheets

_DAY_FIRST_PROOF = re.compile(r"^\s*\??\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}")
#: the first words of the guidance sheet of chronogen's own template
_AGENCY_DEFAULT_KIND = {"school": ContactKind.SCHOOL_CONTACT, "nursery": ContactKind.SCHOOL_CONTACT}


@dataclass
class AgencyResult:
    """What reading one agency file produced."""

    entries: list[Entry] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: author's-note rows, kept as notes
    notes: list[AuthorNote] = field(default_factory=list)
    #: the report of the main chronology sheet
    report: FileReport = field(default_factory=lambda: FileReport(file=""))
    #: one report per sheet read (the main one first)
    reports: list[FileReport] = field(default_factory=list)


def read_agency_file(path: Path, *, agency: str, code: str, family: Family | None = None,
                     sheet: str | None = None, mapping: ColumnMapping | None = None,
                     display_name: str | None = None,
                     limits: Limits | None = None) -> AgencyResult:
    """Read one agency chronology (xlsx or csv) into entries, rejected rows and problems.

    Raises only for files that cannot be used at all (missing, unreadable, a named sheet
    that does not exist); problems in rows are returned, never raised.
    """
    sheets = read_sheets(path, display_name=display_name, limits=limits)
    return read_agency_sheets(sheets, agency=agency, code=code, family=family, sheet=sheet,
                              mapping=mapping)


def read_agency_sheets(sheets: list[Sheet], *, agency: str, code: str,
                       family: Family | None = None, sheet: str | None = None,
                       mapping: ColumnMapping | None = None) -> AgencyResult:
    """As :func:`read_agency_file`, from sheets already read."""
    layout = find_layout(sheets, sheet_name=sheet, mapping=mapping)
    if layout is not None and any(_is_template_guidance(s) for s in sheets):
        layout.found_by = "standard template"
    if layout is None:
        result = _no_header(sheets, agency)
        result.reports = [result.report]
        return result
    people = family or Family()
    result = _RowReader(layout, agency=agency, code=code, family=people).run()
    result.reports = [result.report]
    chosen = sheet or (mapping.sheet if mapping else None)
    read = [layout.sheet]
    if chosen is None:
        # a workbook may hold the chronology on several sheets (one a year, say): read all
        for position, other in enumerate(sheets, start=1):
            if other is layout.sheet or _is_template_guidance(other):
                continue
            other_layout = find_layout([other], mapping=mapping)
            if other_layout is None:
                continue
            more = _RowReader(other_layout, agency=agency, code=f"{code}-S{position}",
                              family=people).run()
            result.entries.extend(more.entries)
            result.notes.extend(more.notes)
            result.rejected.extend(more.rejected)
            result.problems.extend(more.problems)
            result.reports.append(more.report)
            read.append(other)
        if len(read) > 1:
            names = ", ".join(repr(s.name) for s in read)
            result.problems.append(Problem(
                code=ProblemCode.SHEET_NOT_READ, severity=Severity.INFO, file=layout.sheet.file,
                message=f"{len(read)} sheets hold chronology rows and all were read: {names}"))
    result.problems.extend(_other_sheets(sheets, read))
    return result


def _is_template_guidance(sheet: Sheet) -> bool:
    """The guidance sheet of chronogen's own template (nothing to read there)."""
    first = sheet.rows[0][0] if sheet.rows and sheet.rows[0] else None
    return isinstance(first, str) and first.startswith(TEMPLATE_TITLE)


def _other_sheets(sheets: list[Sheet], read: list[Sheet]) -> list[Problem]:
    """Say which other sheets were not read, so that none is left out silently."""
    problems = []
    chosen = read[0]
    for other in sheets:
        if any(other is done for done in read):
            continue
        filled = sum(1 for row in other.rows if not is_blank(row))
        if not filled or _is_template_guidance(other):
            continue
        layout = find_layout([other])
        if layout is not None:
            severity = Severity.WARNING
            message = (f"sheet {other.name!r} also looks like a chronology (header on row "
                       f"{layout.header_row}, {filled} filled rows) but was not read: only "
                       f"{chosen.name!r} was named. Leave the sheet out of case.toml to read "
                       "every chronology sheet")
        else:
            severity = Severity.INFO
            message = (f"sheet {other.name!r} ({filled} filled rows) was not read: it has no "
                       "chronology header")
        problems.append(Problem(code=ProblemCode.SHEET_NOT_READ, severity=severity,
                                message=message, file=other.file, sheet=other.name))
    return problems


#: the marks that open an author's note row (Chronolator's convention)
NOTE_MARKS = ("#", "^", "¬", "~")


def author_note(cells: tuple[Cell, ...]) -> str | None:
    """The text of an author's-note row (its first filled cell starts with a note mark), or
    None for an ordinary row."""
    first = next((v for v in cells if v is not None and str(v).strip()), None)
    if not isinstance(first, str) or not first.lstrip().startswith(NOTE_MARKS):
        return None
    return " | ".join(str(v).strip() for v in cells if v is not None and str(v).strip())


def sheet_problems(sheet: Sheet) -> list[Problem]:
    """What the file reader noticed about a whole sheet, as located problems: formulas
    saved with no value (read as blank cells), a quoted CSV cell that has swallowed the rows
    after it, damaged text."""
    found = [Problem(code=ProblemCode.FORMULA_WITHOUT_VALUE, severity=Severity.WARNING,
                     file=sheet.file, sheet=sheet.name, row=row, column=column_letter(col - 1),
                     message="a formula saved without its value: the cell reads as blank; "
                             "open the file in Excel, let it calculate, and save it again")
             for row, col in sheet.uncached_formulas]
    found += [Problem(code=ProblemCode.JOINED_ROWS, severity=Severity.WARNING, file=sheet.file,
                      sheet=sheet.name, row=row,
                      message="a quoted cell runs over several lines that look like rows of "
                              "their own (a date, or a whole row of separators): an unbalanced "
                              "quote may have joined later contacts into this one; check the "
                              "file around this row")
              for row in sheet.swallowed_rows]
    found += [Problem(code=ProblemCode.DAMAGED_TEXT, severity=Severity.WARNING, file=sheet.file,
                      sheet=sheet.name, message=note) for note in sheet.notes]
    return found


def _no_header(sheets: list[Sheet], agency: str) -> AgencyResult:
    """No sheet has a recognisable header: every non-blank row of the first sheet is rejected."""
    first = sheets[0] if sheets else Sheet(file="?", name=None, rows=[])
    result = AgencyResult(report=FileReport(file=first.file, agency=agency, sheet=first.name))
    message = ("no header row found: no row in the first 30 of any sheet names a date column "
               "and another known column; give the sheet and columns in a mapping file")
    if first.encoding == "cp1252" and any(
            isinstance(v, str) and "\x00" in v for row in first.rows[:30] for v in row):
        message += ("; the text looks wrongly decoded (NUL bytes): check the file's encoding "
                    "and save it as UTF-8 CSV")
    result.problems.append(Problem(code=ProblemCode.NO_HEADER, severity=Severity.ERROR,
                                   message=message, file=first.file, sheet=first.name))
    result.problems.extend(sheet_problems(first))
    for number, cells in first.numbered():
        result.report.rows_read += 1
        if is_blank(cells):
            result.report.blank += 1
            continue
        raw: dict[str, RawValue] = {
            f"Column {column_letter(i)}": raw_value(v) for i, v in enumerate(cells) if v is not None
        }
        result.rejected.append(RejectedRow(
            source=SourceRef(file=first.file, sheet=first.name, row=number),
            code=ProblemCode.NO_HEADER, message=message, raw=raw))
        result.report.rejected += 1
    return result


#: a contact before this is almost certainly a small number read as an Excel date (serial 1
#: is 01/01/1900); the entry is kept, with a warning
EARLIEST_PLAUSIBLE = date(1950, 1, 1)


def date_floor(family: Family) -> date:
    """The earliest plausible day for an entry: 1950, or 100 years before the eldest subject
    child's birth when that is later (a date before it is kept, with a warning)."""
    births = [p.birth.earliest for p in family.subject_children
              if p.birth is not None and p.birth.earliest is not None]
    if not births:
        return EARLIEST_PLAUSIBLE
    eldest = min(births)
    return max(EARLIEST_PLAUSIBLE, eldest.replace(year=max(eldest.year - 100, 1), day=1))


_CHILD_COLUMN = re.compile(r"^(?P<name>[a-z][\w-]*?)(?: s)? (?:was )?(?P<what>seen alone|seen|"
                           r"views|voice|wishes and feelings)(?: y n| yes no)?$")
_CHILD_COLUMN_AFTER = re.compile(r"^(?P<what>seen alone|seen|views|voice) (?P<name>[a-z][\w-]*)$")


class _RowReader:
    def __init__(self, layout: Layout, *, agency: str, code: str, family: Family) -> None:
        self.layout = layout
        self.sheet = layout.sheet
        self.agency = agency
        self.code = code
        self.family = family
        self.names = NameIndex(family)
        self.subject_ids = [p.id for p in family.subject_children]
        self.fields = layout.by_field()
        self.header_key = layout.header_key()
        self.first_mapped = next((c for c in layout.columns if c.field is not None), None)
        self.result = AgencyResult(report=FileReport(
            file=self.sheet.file, agency=agency, sheet=self.sheet.name,
            header_row=layout.header_row,
            columns={c.heading: c.field.value for c in layout.columns if c.field is not None},
            layout=layout.found_by, confidence=layout.confidence,
            explanation=list(layout.explanation),
        ))
        self.ambiguous: list[tuple[int, Column, str]] = []
        self.day_first_proven = False
        self.date_floor = date_floor(family)
        self.child_columns = self._child_columns()

    # -- problems -------------------------------------------------------------------------

    def problem(self, code: ProblemCode, severity: Severity, message: str, *,
                row: int | None = None, column: Column | None = None,
                value: object = None) -> None:
        self.result.problems.append(Problem(
            code=code, severity=severity, message=message, file=self.sheet.file,
            sheet=self.sheet.name, row=row, column=column.heading if column else None,
            value=None if value is None else str(value)[:200],
        ))

    # -- the loop -------------------------------------------------------------------------

    def run(self) -> AgencyResult:
        self.result.problems.extend(sheet_problems(self.sheet))
        self._report_columns()
        report = self.result.report
        for number, cells in self.sheet.numbered():
            report.rows_read += 1
            if number < self.layout.header_row:
                if is_blank(cells):
                    report.blank += 1
                else:
                    report.title += 1
            elif number == self.layout.header_row:
                report.headers += 1
            elif is_blank(cells):
                report.blank += 1
            elif self._is_repeated_header(cells):
                report.headers += 1
                self.problem(ProblemCode.REPEATED_HEADER, Severity.INFO,
                             "the header row appears again here; skipped", row=number)
            elif (note := author_note(cells)) is not None:
                report.notes += 1
                self.result.notes.append(AuthorNote(text=note, source=SourceRef(
                    file=self.sheet.file, sheet=self.sheet.name, row=number)))
            else:
                self._read_row(number, cells)
        self._report_ambiguous_dates()
        return self.result

    def _report_columns(self) -> None:
        taken: set[Field] = set()
        named = {id(c) for c, _, _ in self.child_columns}
        for column in self.layout.columns:
            if id(column) in named:
                continue  # a child's own seen / views column
            if column.field is None:
                if not column.heading.startswith("Column "):
                    self.problem(ProblemCode.UNKNOWN_COLUMN, Severity.INFO,
                                 f"column {column.heading!r} is not a known field; its values "
                                 "are kept with each entry (raw)", column=column)
            elif column.field is not Field.IGNORE and column.field in taken:
                self.problem(ProblemCode.DUPLICATE_COLUMN, Severity.WARNING,
                             f"a second {column.field.value!r} column; only the first is used, "
                             "this one is kept with each entry (raw)", column=column)
            else:
                taken.add(column.field)
        for heading in self.layout.missing_mapped:
            self.problem(ProblemCode.UNKNOWN_COLUMN, Severity.WARNING,
                         f"the mapping names column {heading!r}, which is not in the sheet")

    def _is_repeated_header(self, cells: tuple[Cell, ...]) -> bool:
        first = self.first_mapped
        if first is None or first.index >= len(cells) or not isinstance(cells[first.index], str):
            return False
        if not self.header_key or normalise_heading(str(cells[first.index])) != \
                self.header_key[0]:
            return False  # the cheap test first: most rows are not the header again
        key = tuple(
            normalise_heading(str(cells[c.index])) if c.index < len(cells)
            and cells[c.index] is not None else ""
            for c in self.layout.columns if c.field is not None
        )
        return key == self.header_key

    def _cell(self, cells: tuple[Cell, ...], fld: Field) -> tuple[Column | None, Cell]:
        column = self.fields.get(fld)
        if column is None or column.index >= len(cells):
            return column, None
        value = cells[column.index]
        if isinstance(value, str):
            stripped = value.strip()
            if not stripped or stripped in EXCEL_ERRORS:
                return column, None
        return column, value

    def _text(self, cells: tuple[Cell, ...], fld: Field) -> str | None:
        _, value = self._cell(cells, fld)
        if value is None:
            return None
        if isinstance(value, datetime | date):
            return str(raw_value(value))
        text = str(value).strip()
        return text or None

    # -- one row --------------------------------------------------------------------------

    def _read_row(self, number: int, cells: tuple[Cell, ...]) -> None:
        source = SourceRef(file=self.sheet.file, sheet=self.sheet.name, row=number)
        raw = self._raw(number, cells)

        parsed = self._date(number, cells, source, raw)
        if parsed is None:
            return
        clock = parsed.time or self._time(number, cells)

        kind_text = self._text(cells, Field.KIND)
        kind = classify_kind(kind_text)
        if kind is None:
            if kind_text is not None:
                column, _ = self._cell(cells, Field.KIND)
                self.problem(ProblemCode.UNKNOWN_KIND, Severity.INFO,
                             f"contact type {kind_text!r} is not recognised; counted as 'other'",
                             row=number, column=column, value=kind_text)
            kind = _AGENCY_DEFAULT_KIND.get(self.agency.lower(), ContactKind.OTHER)

        people = self._people(number, cells)
        children = self._children(number, cells, people)
        agency = self._text(cells, Field.AGENCY) or self.agency
        end_date = self._end_date(number, cells)

        entry = Entry(
            id=f"{self.code}-{number}",
            agency=agency,
            date=parsed.date,
            time=clock,
            end_date=end_date,
            kind=kind,
            kind_text=kind_text,
            summary=self._text(cells, Field.SUMMARY),
            outcome=self._text(cells, Field.OUTCOME),
            practitioner=self._text(cells, Field.PRACTITIONER),
            significance=self._text(cells, Field.SIGNIFICANCE),
            reference=self._text(cells, Field.REFERENCE),
            origin=self._text(cells, Field.SOURCE),
            referral_to=self._referral(cells),
            people=people,
            children=children,
            source=source,
            raw=raw,
        )
        self.result.entries.append(entry)
        self.result.report.entries += 1
        first = parsed.date.sort_key[0]
        if first < self.date_floor:
            column, value = self._cell(cells, Field.DATE)
            self.problem(ProblemCode.IMPLAUSIBLE_DATE, Severity.WARNING,
                         f"{parsed.date.display()} is before {self.date_floor:%d/%m/%Y}: "
                         "probably a number read as an Excel date (0 is 31/12/1899); check "
                         "the source", row=number, column=column, value=value)

    def _raw(self, number: int, cells: tuple[Cell, ...]) -> dict[str, RawValue]:
        raw: dict[str, RawValue] = {}
        for column in self.layout.columns:
            if column.index >= len(cells):
                continue
            value = cells[column.index]
            if value is None:
                continue
            if isinstance(value, str) and value.strip() in EXCEL_ERRORS:
                self.problem(ProblemCode.CELL_ERROR, Severity.WARNING,
                             f"the cell holds the Excel error {value.strip()}; treated as blank",
                             row=number, column=column, value=value)
            raw[column.heading] = raw_value(value)
        for index in range(len(self.layout.columns), len(cells)):
            if cells[index] is not None:
                raw[f"Column {column_letter(index)}"] = raw_value(cells[index])
        return raw

    def _reject(self, source: SourceRef, code: ProblemCode, message: str,
                raw: dict[str, RawValue], column: Column | None, value: object) -> None:
        self.result.rejected.append(RejectedRow(source=source, code=code, message=message,
                                                raw=raw))
        self.result.report.rejected += 1
        self.problem(code, Severity.ERROR, message + "; row rejected", row=source.row,
                     column=column, value=value)

    def _date(self, number: int, cells: tuple[Cell, ...], source: SourceRef,
              raw: dict[str, RawValue]) -> ParsedDateTime | None:
        column, value = self._cell(cells, Field.DATE)
        if value is None:
            dt_column, dt_value = self._cell(cells, Field.DATE_TIME)
            if dt_value is not None or column is None:
                column, value = dt_column, dt_value
        if value is None:
            self._reject(source, ProblemCode.MISSING_DATE, "no date", raw, column, None)
            return None
        try:
            parsed = self._parse_date_value(value)
        except DateError as error:
            text = str(value)
            if is_note_not_date(text):
                self._reject(source, ProblemCode.MISSING_DATE,
                             f"no date: the date cell holds a note ({text[:60]!r})",
                             raw, column, value)
            else:
                self._reject(source, ProblemCode.INVALID_DATE, str(error), raw, column, value)
            return None
        if isinstance(value, str) and column is not None:
            proof = _DAY_FIRST_PROOF.match(value)
            if proof is not None and int(proof.group(1)) > 12:
                self.day_first_proven = True
            if parsed.day_month_ambiguous:
                self.ambiguous.append((number, column, value))
        return parsed

    def _parse_date_value(self, value: Cell) -> ParsedDateTime:
        return date_from_cell(value, date1904=self.sheet.date1904)

    def _report_ambiguous_dates(self) -> None:
        if self.day_first_proven:
            return
        for number, column, text in self.ambiguous:
            self.problem(ProblemCode.AMBIGUOUS_DATE, Severity.WARNING,
                         f"{text!r} could be day-first or month-first and nothing else in this "
                         "column settles it; read day-first (UK)", row=number, column=column,
                         value=text)

    def _time(self, number: int, cells: tuple[Cell, ...]) -> time | None:
        column, value = self._cell(cells, Field.TIME)
        if value is None:
            return None
        clock = time_from_cell(value)
        if clock is not None:
            return clock
        text = str(value).strip()
        self.problem(ProblemCode.INVALID_TIME, Severity.WARNING,
                     f"{text!r} is not a time; the entry is kept without a time",
                     row=number, column=column, value=text)
        return None

    def _end_date(self, number: int, cells: tuple[Cell, ...]) -> PartialDate | None:
        column, value = self._cell(cells, Field.END_DATE)
        if value is None:
            return None
        try:
            return self._parse_date_value(value).date
        except DateError as error:
            self.problem(ProblemCode.INVALID_DATE, Severity.WARNING,
                         f"end date: {error}; the entry is kept without an end date",
                         row=number, column=column, value=value)
            return None

    def _referral(self, cells: tuple[Cell, ...]) -> str | None:
        column, value = self._cell(cells, Field.REFERRAL_TO)
        if column is None or value is None:
            return None
        answer = read_answer(value)
        if column.target is not None:
            return column.target if answer.value is Recorded.YES else None
        if answer.recognised and answer.value is not Recorded.YES:
            return None
        return answer.names or str(value).strip()

    # -- people and children ---------------------------------------------------------------

    def _people(self, number: int, cells: tuple[Cell, ...]) -> list[str]:
        column, value = self._cell(cells, Field.CHILD)
        if value is None or not self.family.people:
            return []  # with no family there is no one to match names against
        match = self.names.match_list(str(value))
        for name in match.unknown:
            self.problem(ProblemCode.UNKNOWN_PERSON, Severity.WARNING,
                         f"{name!r} matches no one in the family", row=number, column=column,
                         value=value)
        for name in match.ambiguous:
            self.problem(ProblemCode.AMBIGUOUS_PERSON, Severity.WARNING,
                         f"{name!r} could be more than one person in the family; give the full "
                         "name", row=number, column=column, value=value)
        return match.ids

    def _child_columns(self) -> list[tuple[Column, Field, str]]:
        """Columns named by a subject child ("Mia seen?", "Leo's views", "Seen - Ava"):
        (column, seen / views / seen alone, the child's id)."""
        found = []
        subjects = set(self.subject_ids)
        for column in self.layout.columns:
            if column.field is not None:
                continue
            heading = normalise_heading(column.heading)
            match = _CHILD_COLUMN.match(heading) or _CHILD_COLUMN_AFTER.match(heading)
            if match is None:
                continue
            ids = [i for i in self.names.lookup(match.group("name")) if i in subjects]
            if len(ids) == 1:
                what = {"seen": Field.SEEN, "seen alone": Field.SEEN_ALONE}.get(
                    match.group("what"), Field.VIEWS)
                found.append((column, what, ids[0]))
        return found

    def _children(self, number: int, cells: tuple[Cell, ...], people: list[str]
                  ) -> dict[str, ChildRecord]:
        subjects = set(self.subject_ids)
        if people:
            concerned = [p for p in people if p in subjects]
        elif self._cell(cells, Field.CHILD)[1] is not None and self.family.people:
            concerned = []  # the row names someone the family does not know: do not guess
        else:
            concerned = list(self.subject_ids)
        seen = self._per_child(number, cells, Field.SEEN, concerned, free_text=False)
        views = self._per_child(number, cells, Field.VIEWS, concerned, free_text=True)
        alone = self._per_child(number, cells, Field.SEEN_ALONE, concerned, free_text=False)
        _, seen_value = self._cell(cells, Field.SEEN)
        if seen_value is not None and read_answer(seen_value).alone:
            alone = {cid: Recorded.YES for cid, v in seen.items() if v is Recorded.YES} | {
                cid: v for cid, v in alone.items() if v is not Recorded.NOT_RECORDED}
        named_columns = {Field.SEEN: seen, Field.VIEWS: views, Field.SEEN_ALONE: alone}
        for column, what, child in self.child_columns:
            value = cells[column.index] if column.index < len(cells) else None
            if value is not None and str(value).strip():
                answer = read_answer(value)
                # the child's own words in a views column are views recorded
                named_columns[what][child] = Recorded.YES if (
                    what is Field.VIEWS and not answer.recognised) else answer.value
                if child not in concerned:
                    concerned.append(child)
        ids = [c for c in self.subject_ids if c in set(concerned) | set(seen) | set(views)]
        return {
            cid: _child_record(seen.get(cid, Recorded.NOT_RECORDED),
                               views.get(cid, Recorded.NOT_RECORDED),
                               alone.get(cid, Recorded.NOT_RECORDED))
            for cid in ids
        }

    def _per_child(self, number: int, cells: tuple[Cell, ...], fld: Field, concerned: list[str],
                   *, free_text: bool) -> dict[str, Recorded]:
        column, value = self._cell(cells, fld)
        if value is None:
            return dict.fromkeys(concerned, Recorded.NOT_RECORDED)
        answer = read_answer(value)
        if not answer.recognised:
            answer = self._unrecognised(number, column, value, answer, free_text=free_text)
        if answer.names is None:
            return dict.fromkeys(concerned, answer.value)
        subjects = set(self.subject_ids)
        match = self.names.match_list(answer.names)
        named = [p for p in match.ids if p in subjects]
        if not free_text:
            for part in match.unknown:
                if all(word[:1].isupper() for word in part.split()):  # looks like a name
                    self.problem(ProblemCode.UNKNOWN_PERSON, Severity.WARNING,
                                 f"{part!r} matches no one in the family", row=number,
                                 column=column, value=value)
        if match.unknown or match.ambiguous or not named:
            # "Yes - at school" or "Yes - with mother": not a list of children
            in_text = self.names.find_in_text(answer.names, among=subjects)
            if in_text:
                named = in_text
            elif not match.ids:
                return dict.fromkeys(concerned, answer.value)
        result = dict.fromkeys(concerned, Recorded.NOT_RECORDED)
        for child in named:
            result[child] = answer.value
        return result

    def _unrecognised(self, number: int, column: Column | None, value: Cell, answer: Answer,
                      *, free_text: bool) -> Answer:
        text = str(value).strip()
        subjects = set(self.subject_ids)
        named = self.names.find_in_text(text, among=subjects)
        if free_text:
            # a views cell holding the child's words: views were recorded
            return Answer(Recorded.YES, names=", ".join(self._name(n) for n in named) or None)
        match = self.names.match_list(text)
        if match.ids and not match.unknown:
            return Answer(Recorded.YES, names=text)
        self.problem(ProblemCode.UNRECOGNISED_VALUE, Severity.WARNING,
                     f"{text[:80]!r} is not a recognised yes / no answer; read as not recorded",
                     row=number, column=column, value=text)
        return answer

    def _name(self, person_id: str) -> str:
        person = self.family.get(person_id)
        return person.name if person else person_id


@cache
def _child_record(seen: Recorded, views: Recorded, alone: Recorded) -> ChildRecord:
    """One shared (frozen) record per combination: a large sheet holds few distinct ones."""
    return ChildRecord(seen=seen, views=views, seen_alone=alone)

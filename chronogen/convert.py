"""Converting one agency's sheet into chronogen's standard template (xlsx, csv or json).

Nothing is dropped: every column the template has no place for is carried after the
template's own columns under its original heading, and rejected rows are listed in the
report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chronogen.domain.agencies import agency_code
from chronogen.model.chronology import Entry, FileReport, RawValue, SourceReports
from chronogen.model.family import Family
from chronogen.model.problems import SourceRef, sheet_place
from chronogen.model.recorded import Recorded
from chronogen.read.returns.answers import read_answer
from chronogen.read.returns.columns import headings_read
from chronogen.read.returns.layout import ColumnMapping, header_place
from chronogen.read.returns.reader import AgencyResult, read_agency_file
from chronogen.write.also_recorded import MARKED, SourceColumns, mark_label, sheet_marks
from chronogen.write.registry import TEMPLATE_FILES, by_suffix
from chronogen.write.template import TEMPLATE_COLUMNS, FilledTemplate

#: the fields the template has a column for
_WRITTEN = frozenset(column.field for column in TEMPLATE_COLUMNS)
_WORDS = {Recorded.YES: "Yes", Recorded.NO: "No", Recorded.NOT_RECORDED: "",
          Recorded.NOT_APPLICABLE: "N/A"}


@dataclass
class Conversion:
    """The result of :func:`convert_file`: what was read and the template rows written
    (*headings*: the template's, then the columns carried over, each *carried* heading as
    the sheet wrote it; one that is also a template heading is written with " (2)" after
    it, as a reader names a sheet's second column of one heading)."""

    result: AgencyResult
    headings: list[str]
    rows: list[list[object]]
    carried: list[str]


def convert_file(path: Path, output: Path, *, agency: str, sheet: str | None = None,
                 mapping: ColumnMapping | None = None, family: Family | None = None
                 ) -> Conversion:
    """Read *path* as *agency*'s chronology and write it to *output* in the standard
    template (the format follows the suffix: .xlsx, .csv or .json)."""
    writer = by_suffix(TEMPLATE_FILES, output, "template")
    result = read_agency_file(path, agency=agency, code=agency_code(agency), family=family,
                              sheet=sheet, mapping=mapping)
    conversion = template_rows(result)
    document = conversion_report(conversion, output) | {
        "entries": [e.model_dump(mode="json") for e in result.entries],
        "rejected": [r.model_dump(mode="json") for r in result.rejected],
        "notes": [n.model_dump(mode="json") for n in result.notes],
    }
    writer.load()(FilledTemplate(agency, conversion.headings, conversion.rows, document), output)
    return conversion


def template_rows(result: AgencyResult) -> Conversion:
    """The standard template's rows for an agency's entries: every column the template
    has no place for appended as it is."""
    reports = result.reports or [result.report]
    # the column read for each field the template writes: any other is carried over as it
    # is, so nothing is lost: a second column of a field ("Child seen?" beside "Seen",
    # "Date recorded" beside "Date of contact"), a child's own ("Mia seen?"), a field the
    # template has no column for ("End date", "Agency", "Source"), one read as no field
    # (each table's, where a sheet holds several)
    tables = SourceReports(reports)
    by_table = {id(r): (place, _written(r.columns)) for place, r in enumerate(reports)}

    def table_of(source: SourceRef) -> tuple[int, dict[str, str]]:
        table = tables.get(source)
        return by_table[id(table)] if table is not None else (0, {})

    of_entry = [table_of(entry.source) for entry in result.entries]  # each looked up once
    extra: list[str] = []
    for entry, (_, written) in zip(result.entries, of_entry, strict=True):
        for heading in entry.raw:
            if heading not in written.values() and heading not in extra:
                extra.append(heading)
    # how the agency's own view of its sheet marked a row (struck through, hidden,
    # highlighted): a column of its own, where any row was, or the template would hide it;
    # in the words of the chronology workbook's column of the same name
    sources = SourceColumns(reports)
    marked = ["; ".join(mark_label(mark) for mark in sheet_marks(entry, sources)) or None
              for entry in result.entries]
    marks_column = [MARKED] if any(marked) else []
    own = [c.heading for c in TEMPLATE_COLUMNS]
    headings = own + [f"{h} (2)" if h in own else h for h in extra] + marks_column
    placed = [((place, entry.source.row),
               _row(entry, written) + [entry.raw.get(h) for h in extra]
               + ([marks] if marks_column else []))
              for entry, (place, written), marks in zip(result.entries, of_entry, marked,
                                                        strict=True)]
    # an author's note stays where it was, a row of its own opening with its mark, which
    # reads back as the note it is
    placed += [((table_of(note.source)[0], note.source.row),
                [note.text] + [None] * (len(headings) - 1)) for note in result.notes]
    placed.sort(key=lambda item: item[0])
    return Conversion(result=result, headings=headings, rows=[row for _, row in placed],
                      carried=extra + marks_column)


def _written(columns: dict[str, str]) -> dict[str, str]:
    """Each field the template has a column for -> the heading of the column read for it."""
    return {name: heading for name, heading in headings_read(columns).items()
            if name in _WRITTEN}


def _answer_text(value: RawValue) -> str | None:
    if value is None:
        return None
    answer = read_answer(value)
    if not answer.recognised or answer.alone is not Recorded.NOT_RECORDED:
        # words read otherwise (each child's own answer, views in words) or saying whether
        # the child was alone ("Yes but not alone") are written as they were
        return str(value).strip()
    word = _WORDS[answer.value]
    if answer.names:
        return f"{word} - {answer.names}" if word else answer.names
    return word or None


def _row(entry: Entry, by_field: dict[str, str]) -> list[object]:
    def raw(field: str) -> RawValue:
        heading = by_field.get(field)
        return entry.raw.get(heading) if heading else None

    when: object = entry.date.display()
    if entry.date.is_exact_day and entry.date.qualifier.value == "exact" and entry.date.earliest:
        when = entry.date.earliest
    # the agency's own words ("Domestic incident"), which read back as the same kind (the
    # column takes any words beside its list); the kind itself where it wrote none
    kind: str | None = entry.kind_text or entry.kind.value
    child = raw("child")
    return [
        when,
        entry.time,
        kind,
        str(child).strip() if child is not None else None,
        entry.summary,
        entry.outcome,
        _answer_text(raw("seen")),
        _answer_text(raw("seen_alone")),
        _answer_text(raw("views")),
        entry.practitioner,
        entry.referral_to,
        entry.reference,
        entry.significance,
    ]


def conversion_report(conversion: Conversion, output: Path | None = None) -> dict[str, object]:
    """The problems report of a conversion as plain data (for ``--json``)."""
    result = conversion.result
    report = result.report
    extra_sheets = [{"sheet": r.sheet, "header_row": r.header_row, "first_row": r.first_row,
                     "last_row": r.last_row, "columns": r.columns,
                     "counts": {"rows_read": r.rows_read, "entries": r.entries,
                                "rejected": r.rejected, "blank": r.blank, "title": r.title,
                                "headers": r.headers, "notes": r.notes,
                                "joined": r.joined}}
                    for r in result.reports if r is not report]
    return {
        "more_sheets": extra_sheets,
        "file": report.file,
        "agency": report.agency,
        "sheet": report.sheet,
        "header_row": report.header_row,
        "first_row": report.first_row,
        "last_row": report.last_row,
        "output": str(output) if output else None,
        "columns": report.columns,
        "carried_columns": conversion.headings[len(TEMPLATE_COLUMNS):],
        "counts": {"rows_read": report.rows_read, "entries": report.entries,
                   "rejected": report.rejected, "blank": report.blank,
                   "title": report.title, "headers": report.headers, "notes": report.notes,
                   "joined": report.joined},
        "layout": report.layout, "confidence": report.confidence,
        "explanation": report.explanation,
        "problems": [p.model_dump(mode="json") for p in result.problems],
    }


def _table_place(report: FileReport) -> str:
    """``sheet 'Police'``, and its table's rows where it holds several."""
    place = sheet_place(report.file, report.sheet) if report.sheet else report.file
    return ", ".join(part for part in (place, report.rows_of_table) if part)


def format_report(conversion: Conversion, output: Path) -> str:
    """The problems report of a conversion as text for a terminal."""
    result = conversion.result
    report = result.report
    sheet = f", {sheet_place(report.file, report.sheet)}" if report.sheet else ""
    reports = result.reports or [report]
    lines = [f"Converted {report.file}{sheet} ({header_place(report.header_row)}) for "
             f"{report.agency} -> {output}"]
    for table in reports:
        lines.append("Columns:" if len(reports) == 1 else
                     f"Columns ({_table_place(table)}, {header_place(table.header_row)}):")
        written = set(_written(table.columns).values())
        lines += [f"  {heading!r} -> {field}" for heading, field in table.columns.items()
                  if heading in written]
    labels = conversion.headings[len(TEMPLATE_COLUMNS):]
    for heading, label in zip(conversion.carried, labels, strict=True):
        # what the first table holding the column read it as
        table = next((t for t in reports if heading in t.columns or heading in t.child_columns),
                     report)
        if heading == MARKED:  # (a converted template converted again: the same)
            how = "how the agency's sheet marked the row: struck through, hidden, highlighted"
        elif heading in table.child_columns:
            how = f"{table.child_columns[heading]} for one child"
        elif heading in table.columns and table.columns[heading] in _WRITTEN:
            how = f"a second {table.columns[heading]} column, not read"
        elif heading in table.columns:
            how = f"read as {table.columns[heading]}; the template has no column for it"
        else:
            how = "no field"
        named = f", as {label!r}" if label != heading else ""
        lines.append(f"  {heading!r} -> ({how}: carried over as it is{named})")
    for sheet_report in reports:
        where = f" ({_table_place(sheet_report)})" if len(result.reports) > 1 else ""
        lines.append(f"Rows{where}: {sheet_report.rows_read} read = {sheet_report.entries} "
                     f"entries + {sheet_report.rejected} rejected + {sheet_report.blank} blank "
                     f"+ {sheet_report.title + sheet_report.headers} title/header"
                     + (f" + {sheet_report.notes} author's notes" if sheet_report.notes else "")
                     + (f" + {sheet_report.joined} joined to the entry above"
                        if sheet_report.joined else ""))
    if result.rejected:
        lines.append("Rejected rows:")
        for rejected in result.rejected:
            lines.append(f"  row {rejected.source.row}: {rejected.code.value}: "
                         f"{rejected.message}")
    others = [p for p in result.problems if p.severity.value != "error"]
    if others:
        lines.append("Other problems:")
        lines.extend(f"  [{p.severity.value}] {p}" for p in others)
    return "\n".join(lines)

"""One agency's chronology file -> entries, rejected rows, problems and a row-count report.

Every row of the chosen sheet ends in exactly one place: an entry, a rejected row (with its
reason code), or a counted blank, title or header row.
"""

from __future__ import annotations

from pathlib import Path

from chronogen.bulk import in_bulk
from chronogen.domain.template import TEMPLATE_TITLE
from chronogen.domain.wording import counted
from chronogen.model.case import Limits
from chronogen.model.chronology import FileReport, RawValue, RejectedRow
from chronogen.model.family import Family
from chronogen.model.problems import Problem, ProblemCode, Severity, SourceRef, sheet_place
from chronogen.read.returns.cell_values import raw_value
from chronogen.read.returns.layout import (
    ColumnMapping,
    Layout,
    column_letter,
    find_layout,
    header_place,
    split_table,
    tables_above,
)
from chronogen.read.returns.result import AgencyResult
from chronogen.read.returns.rows import RowReader
from chronogen.read.sheet import Sheet
from chronogen.read.sheet_problems import sheet_problems
from chronogen.read.table import is_blank, read_sheets

__all__ = ["AgencyResult", "read_agency_file", "read_agency_sheets"]


@in_bulk
def read_agency_file(path: Path | str, *, agency: str, code: str, family: Family | None = None,
                     sheet: str | None = None, mapping: ColumnMapping | None = None,
                     display_name: str | None = None, limits: Limits | None = None,
                     keep_raw: bool = True) -> AgencyResult:
    """Read one agency chronology (xlsx, csv or docx) into entries, rejected rows and problems.

    Raises only for files that cannot be used at all (missing, unreadable, a named sheet
    that does not exist); problems in rows are returned, never raised. Without *keep_raw*
    each entry's ``raw`` is left empty (a third of an entry's memory; nothing chronogen
    works out reads it); rejected rows keep theirs.
    """
    sheets = read_sheets(Path(path), display_name=display_name, limits=limits)
    return read_agency_sheets(sheets, agency=agency, code=code, family=family, sheet=sheet,
                              mapping=mapping, keep_raw=keep_raw)


@in_bulk
def read_agency_sheets(sheets: list[Sheet], *, agency: str, code: str,
                       family: Family | None = None, sheet: str | None = None,
                       mapping: ColumnMapping | None = None,
                       keep_raw: bool = True) -> AgencyResult:
    """As :func:`read_agency_file`, from sheets already read."""
    layout = find_layout(sheets, sheet_name=sheet, mapping=mapping)
    if layout is not None and any(_is_template_guidance(s) for s in sheets):
        layout.found_by = "standard template"
    if layout is None:
        result = _no_header(sheets, agency)
        result.reports = [result.report]
        return result
    people = family or Family()
    result = _read_tables(layout, mapping, agency=agency, code=code, family=people,
                          keep_raw=keep_raw)
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
            more = _read_tables(other_layout, mapping, agency=agency, code=f"{code}-S{position}",
                                family=people, keep_raw=keep_raw)
            _take(result, more)
            read.append(other)
        if len(read) > 1:
            names = ", ".join(repr(s.name) for s in read)
            result.problems.append(Problem(
                code=ProblemCode.SHEET_NOT_READ, severity=Severity.INFO, file=layout.sheet.file,
                message=f"{len(read)} sheets hold chronology rows and all were read: {names}"))
    result.problems.extend(_other_sheets(sheets, read))
    return result


def _read_tables(layout: Layout, mapping: ColumnMapping | None, *, agency: str, code: str,
                 family: Family, keep_raw: bool) -> AgencyResult:
    """The rows of *layout*'s sheet, each table of it under its own header where the sheet
    holds several, one under the other (a police return's incidents, then its crimes):
    a table above the header found (:func:`tables_above`), or one below whose header stands
    among the rows, rejected for its date. A mapping file's header row is read alone."""
    fixed = mapping is not None and mapping.header_row is not None
    tables = [layout]
    if not fixed:
        for header, _ in reversed(tables_above(layout.sheet, layout.header_row)):
            if split := split_table(tables[0], header, mapping):
                tables[0:1] = split
    done: list[tuple[Layout, AgencyResult]] = []
    while tables:
        table = tables.pop(0)
        reader = RowReader(table, agency=agency, code=code, family=family, keep_raw=keep_raw)
        read = reader.run()
        if not fixed and reader.table_below is not None and (
                split := split_table(table, reader.table_below, mapping)):
            tables[0:0] = split  # read again, as two tables (a sheet seldom holds more)
            continue
        done.append((table, read))
    main = next(read for table, read in done if table.header_row == layout.header_row)
    result = AgencyResult(report=main.report)
    for table, read in done:  # in the sheet's order
        if len(done) > 1:
            read.report.first_row, read.report.last_row = table.first_row, table.end_row
        _take(result, read)
    if len(done) == 1:
        return result
    numbers = [str(table.header_row) for table, _ in done]
    headers = f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    result.problems.append(Problem(
        code=ProblemCode.SEVERAL_TABLES, severity=Severity.WARNING, file=layout.sheet.file,
        sheet=layout.sheet.name, row=done[1][0].header_row,
        message=f"the sheet holds {len(done)} tables, one under the other, their headers on "
                f"rows {headers}: each was read under its own header; check each table's "
                "columns (chronogen check), or give each table a sheet of its own"))
    return result


def _take(result: AgencyResult, more: AgencyResult) -> None:
    """Add what reading another table gave to *result*."""
    result.entries.extend(more.entries)
    result.notes.extend(more.notes)
    result.rejected.extend(more.rejected)
    result.problems.extend(more.problems)
    result.reports.append(more.report)


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
            message = (f"{sheet_place(other.file, other.name or '')} also looks like a "
                       f"chronology ({header_place(layout.header_row)}, "
                       f"{counted(filled, 'filled row')}) but was not read: only "
                       f"{chosen.name!r} was named. Leave the sheet out of case.toml to read "
                       "every chronology sheet")
        else:
            severity = Severity.INFO
            message = (f"{sheet_place(other.file, other.name or '')} "
                       f"({counted(filled, 'filled row')}) was not read: it has no chronology "
                       "header")
        problems.append(Problem(code=ProblemCode.SHEET_NOT_READ, severity=severity,
                                message=message, file=other.file, sheet=other.name))
    return problems


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

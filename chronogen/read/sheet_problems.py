"""What the file reader noticed about a whole sheet (an agency's return, or a table of the
family workbook), as problems located by file, sheet, row and column."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from chronogen.model.problems import Problem, ProblemCode, Severity
from chronogen.read.package_check import column_letters
from chronogen.read.sheet import Sheet


def sheet_problems(sheet: Sheet, headings: Sequence[str] = (), header_row: int = 0, *,
                   comments_below_kept: bool = False, first_row: int = 1,
                   last_row: int | None = None) -> list[Problem]:
    """What the file reader noticed about a whole sheet, as located problems: formulas
    saved with no value (read as blank cells), merged cells read in each of their rows
    below the header (*header_row*), what the sheet hides, text struck through, the
    comments on its cells (those below the header only where the reader does not keep them
    with what it reads: *comments_below_kept*), a quoted CSV cell that has swallowed the
    rows after it, damaged text. A column is named by its heading where *headings* gives
    it. Where a sheet holds several tables, each read under its own header, each table's
    rows (*first_row* to *last_row*) are said with its own; what is said of the sheet as a
    whole (hidden, its hidden columns, damaged text), with its first table's.
    """
    last = len(sheet.rows) if last_row is None else last_row
    whole = first_row == 1

    def inside(row: int) -> bool:  # the last table's to the end (a formula past the cells)
        return first_row <= row and (last_row is None or row <= last_row)

    def named(column: int) -> str:  # numbered from 1
        heading = headings[column - 1] if column <= len(headings) else ""
        return heading or column_letters(column)

    found = [Problem(code=ProblemCode.FORMULA_WITHOUT_VALUE, severity=Severity.WARNING,
                     file=sheet.file, sheet=sheet.name, row=row, column=named(col),
                     message="a formula saved without its value: the cell reads as blank; "
                             "open the file in Excel, let it calculate, and save it again")
             for row, col in sheet.uncached_formulas if inside(row)]
    for merged in sorted(sheet.merged_down, key=lambda m: (m.row, m.column)):
        rows = [row for row in merged.filled if row > header_row and inside(row)]
        if not rows:
            continue  # a title or heading merged down: nothing read from it
        # runs, not first to last: a row inside the area may keep a value of its own
        which = f"row{'s' if len(rows) > 1 else ''} {_runs(rows)}"
        found.append(Problem(
            code=ProblemCode.MERGED_CELLS, severity=Severity.INFO, file=sheet.file,
            sheet=sheet.name, row=rows[0], column=named(merged.column),
            message=f"cells {merged.area} are merged: {which} read the value of row "
                    f"{merged.row} in this column, as the {sheet.kind} shows it beside each"))
    found += [Problem(code=ProblemCode.DATE_FIELD, severity=Severity.WARNING, file=sheet.file,
                      sheet=sheet.name, row=row, column=named(column),
                      message=f"the cell is a {code} field, which Word updates to the day "
                              "the document is opened or printed: read as it was last "
                              "shown; check the date in the agency's own record")
              for (row, column), code in sorted(sheet.date_fields.items())
              if header_row < row and inside(row)]
    found += _hidden(sheet, named, header_row, last, whole=whole)
    found += _struck(sheet, named, header_row, last)
    found += [Problem(code=ProblemCode.CELL_COMMENT, severity=Severity.INFO, file=sheet.file,
                      sheet=sheet.name, row=row, column=named(column), value=comment[:200],
                      message=f"a comment on the cell: {comment!r}")
              for (row, column), comment in sorted(sheet.comments.items())
              if inside(row) and (row <= header_row or not comments_below_kept)]
    found += [Problem(code=ProblemCode.JOINED_ROWS, severity=Severity.WARNING, file=sheet.file,
                      sheet=sheet.name, row=row,
                      message="a quoted cell runs over several lines that look like rows of "
                              "their own (a date, or a whole row of separators): an unbalanced "
                              "quote may have joined later contacts into this one; check the "
                              "file around this row")
              for row in sheet.swallowed_rows if inside(row)]
    if whole:
        found += [Problem(code=code, severity=Severity.WARNING, file=sheet.file,
                          sheet=sheet.name, message=note) for code, note in sheet.notes]
    if whole and sheet.ruled:
        areas = ", ".join(sheet.ruled)
        found.append(Problem(
            code=ProblemCode.HIGHLIGHTED, severity=Severity.INFO, file=sheet.file,
            sheet=sheet.name, message=f"the sheet colours cells by rules of its own "
            f"(conditional formatting, over {areas}): the colours its rules give are not "
            "read, only those the agency gave by hand; look at the sheet for the rows its "
            "rules highlight"))
    return found


def _hidden(sheet: Sheet, named: Callable[[int], str], header_row: int, last: int, *,
            whole: bool) -> list[Problem]:
    """What the sheet hides (the sheet itself and columns within its width, said where
    *whole*; rows below the header, to row *last*), each said once: every one was read."""
    found = []

    def said(message: str, severity: Severity = Severity.INFO, row: int | None = None
             ) -> None:
        found.append(Problem(code=ProblemCode.HIDDEN_CONTENT, severity=severity,
                             file=sheet.file, sheet=sheet.name, row=row, message=message))

    if sheet.hidden and whole:
        said(f"sheet {sheet.name!r} is hidden in the workbook: its rows were read as every "
             "sheet's are; check with whoever sent it that they belong here (a hidden sheet "
             "may hold old or another family's records)", Severity.WARNING)
    rows = [row for row in sheet.hidden_rows if header_row < row <= last]
    if rows:
        said(f"{_counted(rows, 'row')} hidden in the sheet (by hand or by a filter): read as "
             "every row is, though the agency's own view of the sheet left "
             f"{'it' if len(rows) == 1 else 'them'} out", row=rows[0])
    width = max((len(row) for row in sheet.rows), default=0) if whole else 0
    columns = [column for first, final in sheet.hidden_columns
               for column in range(first, min(final, width) + 1)]
    if columns:
        names = ", ".join(f"{column_letters(c)} ({named(c)!r})"
                          if named(c) != column_letters(c) else column_letters(c)
                          for c in columns[:20])
        more = f" and {len(columns) - 20} more" if len(columns) > 20 else ""
        said(f"column{'s' if len(columns) > 1 else ''} {names}{more} "
             f"{'are' if len(columns) > 1 else 'is'} hidden in the sheet: read as every "
             "column is")
    return found


def _struck(sheet: Sheet, named: Callable[[int], str], header_row: int, last: int
            ) -> list[Problem]:
    """Each row below the header with text struck through: an agency's way of marking an
    entry withdrawn or corrected, which a reader of its values alone never sees (one problem
    a row: the appendix marks the entry read from it)."""
    by_row: dict[int, list[int]] = {}
    for row, column in sheet.struck:
        if header_row < row <= last and column <= len(sheet.rows[row - 1]) \
                and sheet.rows[row - 1][column - 1] is not None:
            by_row.setdefault(row, []).append(column)
    found = []
    for row, columns in sorted(by_row.items()):
        names = ", ".join(repr(named(c)) + _only(sheet.struck_words.get((row, c)))
                          for c in columns[:6])
        found.append(Problem(
            code=ProblemCode.STRUCK_THROUGH, severity=Severity.WARNING, file=sheet.file,
            sheet=sheet.name, row=row, column=named(columns[0]) if len(columns) == 1 else None,
            message=f"struck through in the {sheet.kind} ({names}"
                    f"{' and more' if len(columns) > 6 else ''}): read as written; check "
                    "whether it was withdrawn or corrected"))
    return found


def _only(words: str | None) -> str:
    """`` ('alone' only)``: what was struck of a cell struck in part; "" for a whole cell."""
    if not words:
        return ""
    return f" ({words if len(words) <= 60 else words[:57] + '...'!r} only)"


def _counted(numbers: list[int], noun: str) -> str:
    """``rows 5, 7 to 9 are`` (an en dash), ``row 5 is``: runs of numbers, the first 20."""
    return f"{noun}{'s' if len(numbers) > 1 else ''} {_runs(numbers)} " + (
        "are" if len(numbers) > 1 else "is")


def _runs(numbers: list[int]) -> str:
    """``5, 7 to 9`` (an en dash): the runs of sorted numbers, the first 20."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    text = ", ".join(f"{run[0]}" if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs[:20])
    return text + (f" and {len(runs) - 20} more runs" if len(runs) > 20 else "")

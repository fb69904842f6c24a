"""What the file reader noticed about a whole sheet (an agency's return, or a table of the
family workbook), as problems located by file, sheet, row and column."""

from __future__ import annotations

from collections.abc import Sequence

from chronogen.model.problems import Problem, ProblemCode, Severity
from chronogen.read.package_check import column_letters
from chronogen.read.table import Sheet


def sheet_problems(sheet: Sheet, headings: Sequence[str] = (), header_row: int = 0
                   ) -> list[Problem]:
    """What the file reader noticed about a whole sheet, as located problems: formulas
    saved with no value (read as blank cells), merged cells read in each of their rows
    below the header (*header_row*), a quoted CSV cell that has swallowed the rows after
    it, damaged text. A column is named by its heading where *headings* gives it."""

    def named(column: int) -> str:  # numbered from 1
        heading = headings[column - 1] if column <= len(headings) else ""
        return heading or column_letters(column)

    found = [Problem(code=ProblemCode.FORMULA_WITHOUT_VALUE, severity=Severity.WARNING,
                     file=sheet.file, sheet=sheet.name, row=row, column=named(col),
                     message="a formula saved without its value: the cell reads as blank; "
                             "open the file in Excel, let it calculate, and save it again")
             for row, col in sheet.uncached_formulas]
    for merged in sorted(sheet.merged_down, key=lambda m: (m.row, m.column)):
        rows = [row for row in merged.filled if row > header_row]
        if not rows:
            continue  # a title or heading merged down: nothing read from it
        which = f"row {rows[0]}" if len(rows) == 1 else f"rows {rows[0]}–{rows[-1]}"
        found.append(Problem(
            code=ProblemCode.MERGED_CELLS, severity=Severity.INFO, file=sheet.file,
            sheet=sheet.name, row=rows[0], column=named(merged.column),
            message=f"cells {merged.area} are merged: {which} read the value of row "
                    f"{merged.row} in this column, as the sheet shows it beside each"))
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

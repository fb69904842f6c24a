"""Problems found in input: data, not exceptions.

Modelled on frictionless-py's error records: a stable ``code``, a message a person can read,
and where it was found (file, sheet, row, column, value).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    """How much a problem matters."""

    ERROR = "error"  # the row could not be used and was rejected
    WARNING = "warning"  # the row was used, but something in it needs a person to check
    INFO = "info"  # noted so nothing happens silently


class ProblemCode(StrEnum):
    """Stable codes for problems; other tools may rely on them."""

    INVALID_DATE = "invalid-date"
    MISSING_DATE = "missing-date"
    AMBIGUOUS_DATE = "ambiguous-date"
    INVALID_TIME = "invalid-time"
    UNKNOWN_COLUMN = "unknown-column"
    DUPLICATE_COLUMN = "duplicate-column"
    REPEATED_HEADER = "repeated-header"
    UNKNOWN_PERSON = "unknown-person"
    AMBIGUOUS_PERSON = "ambiguous-person"
    UNRECOGNISED_VALUE = "unrecognised-value"
    UNKNOWN_KIND = "unknown-kind"
    CELL_ERROR = "cell-error"
    NO_HEADER = "no-header"
    DUPLICATE_PERSON = "duplicate-person"
    MISSING_VALUE = "missing-value"
    UNKNOWN_RELATIONSHIP = "unknown-relationship"
    INCOMPLETE_RELATIONSHIP = "incomplete-relationship"
    FAMILY_CONTRADICTION = "family-contradiction"
    IMPLAUSIBLE_DATE = "implausible-date"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    JOINED_ROWS = "joined-rows"
    CONTINUED_ROW = "continued-row"
    DAMAGED_TEXT = "damaged-text"
    DUPLICATE_SOURCE = "duplicate-source"
    ASSUMPTION = "assumption"
    SHEET_NOT_READ = "sheet-not-read"
    MERGED_CELLS = "merged-cells"
    HIDDEN_CONTENT = "hidden-content"
    STRUCK_THROUGH = "struck-through"
    CELL_COMMENT = "cell-comment"
    TABLE_ABOVE = "table-above"
    SEVERAL_TABLES = "several-tables"
    HIGHLIGHTED = "highlighted"
    DATE_FIELD = "date-field"
    OLD_FORMAT = "old-format"
    WEEKDAY_MISMATCH = "weekday-mismatch"


#: what each code means, quoting no cell: what the anonymised set says of a problem or a
#: rejected row in place of its message (a message quotes the cells, which may name someone
#: the family file does not: the name an ``unknown-person`` problem quotes is one)
MEANINGS: dict[ProblemCode, str] = {
    ProblemCode.INVALID_DATE: "not a real date",
    ProblemCode.MISSING_DATE: "no date (or a note where the date should be)",
    ProblemCode.AMBIGUOUS_DATE: "a date that could be day-first or month-first; read "
                                "day-first",
    ProblemCode.INVALID_TIME: "a time cell that holds no time; the entry is kept without one",
    ProblemCode.UNKNOWN_COLUMN: "a column chronogen does not know, or a mapping naming a "
                                "column that is not there",
    ProblemCode.DUPLICATE_COLUMN: "a second column for the same field",
    ProblemCode.REPEATED_HEADER: "the header row again; skipped",
    ProblemCode.UNKNOWN_PERSON: "a name that matches no one in the family",
    ProblemCode.AMBIGUOUS_PERSON: "a name that could be more than one person in the family",
    ProblemCode.UNRECOGNISED_VALUE: "an answer not understood as yes or no, or read otherwise "
                                    "than written",
    ProblemCode.UNKNOWN_KIND: "a contact type chronogen does not know; counted as other",
    ProblemCode.CELL_ERROR: "an Excel error in a cell; treated as blank",
    ProblemCode.NO_HEADER: "no sheet has a header chronogen recognises",
    ProblemCode.DUPLICATE_PERSON: "the same person twice in the family file",
    ProblemCode.MISSING_VALUE: "a row of the family file with a value missing",
    ProblemCode.UNKNOWN_RELATIONSHIP: "a relationship chronogen does not understand",
    ProblemCode.INCOMPLETE_RELATIONSHIP: "a relationship with no record of the parent that "
                                         "links it",
    ProblemCode.FAMILY_CONTRADICTION: "the family file contradicts itself",
    ProblemCode.IMPLAUSIBLE_DATE: "a date too early to be likely",
    ProblemCode.FORMULA_WITHOUT_VALUE: "a formula saved without its value",
    ProblemCode.JOINED_ROWS: "a quoted cell running over lines that look like rows",
    ProblemCode.CONTINUED_ROW: "a row of words joined to the entry above",
    ProblemCode.DAMAGED_TEXT: "text that could not be decoded whole",
    ProblemCode.DUPLICATE_SOURCE: "the same file named twice",
    ProblemCode.ASSUMPTION: "what chronogen assumed about a file",
    ProblemCode.SHEET_NOT_READ: "which sheets were read, and which were not",
    ProblemCode.MERGED_CELLS: "cells merged over rows",
    ProblemCode.HIDDEN_CONTENT: "a hidden sheet, hidden rows or columns, or changes a "
                                "document tracks",
    ProblemCode.STRUCK_THROUGH: "text struck through in the sheet",
    ProblemCode.CELL_COMMENT: "a comment on a cell",
    ProblemCode.TABLE_ABOVE: "a row of another table above the one read",
    ProblemCode.SEVERAL_TABLES: "several tables on one sheet",
    ProblemCode.HIGHLIGHTED: "rows or cells the sheet colours",
    ProblemCode.DATE_FIELD: "a date Word updates to the day the document is opened",
    ProblemCode.OLD_FORMAT: "an old-style .xls, whose cells' looks, merges and comments "
                            "are not read",
    ProblemCode.WEEKDAY_MISMATCH: "a date whose weekday is not the one written beside it",
}


#: a Word document's suffixes: the "sheets" read of one are its tables, each named for
#: itself (``Table 2``)
WORD_DOCUMENTS = (".docx", ".docm")


def sheet_place(file: str | None, sheet: str) -> str:
    """How a place names a sheet: ``sheet 'Log'``; a Word document's table by its own name,
    ``Table 2``."""
    if file is not None and file.lower().endswith(WORD_DOCUMENTS):
        return sheet
    return f"sheet {sheet!r}"


class SourceRef(BaseModel):
    """Where something came from: a file, a sheet (``None`` for CSV) and a 1-based row."""

    model_config = ConfigDict(frozen=True)

    file: str
    sheet: str | None = None
    row: int | None = None

    def describe(self) -> str:
        """``file.xlsx, sheet 'X', row 5`` for messages (``file.docx, Table 2, row 5``)."""
        parts = [self.file]
        if self.sheet is not None:
            parts.append(sheet_place(self.file, self.sheet))
        if self.row is not None:
            parts.append(f"row {self.row}")
        return ", ".join(parts)


class Problem(BaseModel):
    """One located problem in the input."""

    model_config = ConfigDict(frozen=True)

    code: ProblemCode
    severity: Severity
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None

    def location(self) -> str:
        """``file.xlsx, sheet 'X', row 5, column 'Date'`` (the parts that are known)."""
        parts = []
        if self.file is not None:
            parts.append(self.file)
        if self.sheet is not None:
            parts.append(sheet_place(self.file, self.sheet))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.code.value}: {self.message}" if where else (
            f"{self.code.value}: {self.message}")

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


class SourceRef(BaseModel):
    """Where something came from: a file, a sheet (``None`` for CSV) and a 1-based row."""

    model_config = ConfigDict(frozen=True)

    file: str
    sheet: str | None = None
    row: int | None = None

    def describe(self) -> str:
        """``file.xlsx, sheet 'X', row 5`` for messages."""
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
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
            parts.append(f"sheet {self.sheet!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.code.value}: {self.message}" if where else (
            f"{self.code.value}: {self.message}")

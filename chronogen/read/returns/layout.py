"""Finding the chronology in a workbook: which sheet, which row is the header, which column
is which field.

A header row is the row, among the first :data:`HEADER_SCAN_ROWS` of a sheet, whose cells
name the most known fields, one of them a date. Title rows above it, a merged title cell, or
a first sheet that is something else (an attendance summary) do not get in the way.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic import Field as PydanticField

from chronogen.errors import InputError, InputFileNotFound
from chronogen.model.validation import explain
from chronogen.read.returns.columns import Field, match_heading
from chronogen.read.table import Cell, Sheet, normalise_heading

HEADER_SCAN_ROWS = 30


def column_letter(index: int) -> str:
    """Excel's column letter for a 0-based index (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


class ColumnMapping(BaseModel):
    """An explicit mapping for one agency's sheet, read from a TOML file.

    .. code-block:: toml

        sheet = "HV contacts"       # optional: otherwise found by header detection
        header_row = 1              # optional: otherwise found by header detection
        [columns]
        "Date of contact" = "date"
        "Voice of the child" = "views"
        "DASH risk" = "ignore"
    """

    model_config = ConfigDict(extra="forbid")

    sheet: str | None = None
    #: the row the headings are on, counted from 1 as Excel does
    header_row: int | None = PydanticField(default=None, ge=1, le=1_048_576)
    columns: dict[str, Field] = {}

    @classmethod
    def load(cls, path: Path) -> ColumnMapping:
        """Read a mapping file; errors name the file and the key."""
        if not path.exists():
            raise InputFileNotFound(f"{path}: mapping file not found")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: not valid TOML ({error})") from error
        except RecursionError as error:
            raise InputError(f"{path}: nested too deeply to be a mapping file") from error
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            details = explain(error)
            valid = ", ".join(f.value for f in Field)
            raise InputError(f"{path}: {details} (fields are: {valid})") from error


@dataclass
class Column:
    """One column of the chronology sheet."""

    index: int
    heading: str
    field: Field | None
    #: for a ``Referral to X (Y/N)`` column, the agency X
    target: str | None = None

    @property
    def letter(self) -> str:
        """The Excel column letter."""
        return column_letter(self.index)


@dataclass
class Layout:
    """Where the chronology is in a file."""

    sheet: Sheet
    header_row: int
    columns: list[Column]
    #: headings the mapping named that are not in the sheet
    missing_mapped: list[str] = field(default_factory=list)

    def by_field(self) -> dict[Field, Column]:
        """The first column for each field."""
        found: dict[Field, Column] = {}
        for column in self.columns:
            if column.field is not None and column.field not in found:
                found[column.field] = column
        return found

    def header_key(self) -> tuple[str, ...]:
        """The normalised headings, to recognise the header pasted again mid-sheet."""
        return tuple(normalise_heading(c.heading) for c in self.columns if c.field is not None)


def _heading_text(value: Cell) -> str:
    return "" if value is None else " ".join(str(value).split())


def _columns_for(row: tuple[Cell, ...], mapping: ColumnMapping | None) -> list[Column]:
    explicit = {normalise_heading(k): v for k, v in (mapping.columns if mapping else {}).items()}
    columns: list[Column] = []
    seen_headings: dict[str, int] = {}
    for index, value in enumerate(row):
        heading = _heading_text(value)
        if not heading:
            columns.append(Column(index, f"Column {column_letter(index)}", None))
            continue
        count = seen_headings.get(heading, 0) + 1
        seen_headings[heading] = count
        label = heading if count == 1 else f"{heading} ({count})"
        chosen = explicit.get(normalise_heading(heading))
        if chosen is not None:
            columns.append(Column(index, label, chosen))
            continue
        matched = match_heading(heading)
        if matched is None:
            columns.append(Column(index, label, None))
        else:
            columns.append(Column(index, label, matched[0], matched[1]))
    return columns


def _score(columns: list[Column]) -> int:
    fields = {c.field for c in columns if c.field not in (None, Field.IGNORE)}
    if not fields & {Field.DATE, Field.DATE_TIME}:
        return 0
    return len(fields)


def find_layout(sheets: list[Sheet], *, sheet_name: str | None = None,
                mapping: ColumnMapping | None = None) -> Layout | None:
    """The sheet and header row of the chronology, or ``None`` if no sheet has one.

    Raises :class:`InputError` when a named sheet does not exist.
    """
    wanted = sheet_name or (mapping.sheet if mapping else None)
    if wanted is not None:
        candidates = [s for s in sheets if s.name == wanted]
        if not candidates:
            names = ", ".join(repr(s.name) for s in sheets)
            raise InputError(f"{sheets[0].file if sheets else '?'}: no sheet named {wanted!r} "
                             f"(sheets: {names})")
    else:
        candidates = sheets
    best: Layout | None = None
    best_score = 0
    for sheet in candidates:
        if mapping is not None and mapping.header_row is not None:
            rows_to_try = [mapping.header_row]
        else:
            rows_to_try = list(range(1, min(len(sheet.rows), HEADER_SCAN_ROWS) + 1))
        for row_number in rows_to_try:
            if row_number > len(sheet.rows):
                continue
            columns = _columns_for(sheet.rows[row_number - 1], mapping)
            score = _score(columns)
            if mapping is not None and mapping.header_row is not None:
                score = max(score, 1)
            if (score >= 2 or (score >= 1 and mapping is not None)) and score > best_score:
                best = Layout(sheet, row_number, columns)
                best_score = score
    if best is not None and mapping is not None:
        present = {normalise_heading(c.heading) for c in best.columns}
        best.missing_mapped = [k for k in mapping.columns if normalise_heading(k) not in present]
    return best


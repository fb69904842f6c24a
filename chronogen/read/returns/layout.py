"""Finding the chronology in a workbook: which sheet, which row is the header, which column
is which field.

A header row is the row, among the first :data:`HEADER_SCAN_ROWS` of a sheet, whose cells
name the most known fields, one of them a date. Title rows above it, a merged title cell, or
a first sheet that is something else (an attendance summary) do not get in the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from pydantic import Field as PydanticField

from chronogen.errors import InputError
from chronogen.model.problems import sheet_place
from chronogen.read.package_check import column_letters
from chronogen.read.returns.columns import Field, columns_read, match_heading
from chronogen.read.sheet import PARAGRAPHS, Cell, Sheet
from chronogen.read.table import normalise_heading
from chronogen.read.toml_file import load_toml

HEADER_SCAN_ROWS = 30


def column_letter(index: int) -> str:
    """Excel's column letter for a 0-based index (0 -> A, 27 -> AB)."""
    return column_letters(index + 1)


#: a layout's header row where the sheet has none: its columns are named by letter
NO_HEADER = 0


def unnamed_header(sheet: Sheet) -> tuple[str, ...]:
    """The headings of a sheet with no header row: each column by its letter, ``Column A``,
    as far as its widest row."""
    width = max(map(len, sheet.rows), default=0)
    return tuple(f"Column {column_letter(index)}" for index in range(width))


def _header_cells(sheet: Sheet, header_row: int) -> tuple[Cell, ...]:
    """Row *header_row*'s cells, or the columns' letters where it is :data:`NO_HEADER`."""
    return unnamed_header(sheet) if header_row == NO_HEADER else sheet.rows[header_row - 1]


def header_place(header_row: int | None) -> str:
    """``header on row 3``, or ``no header row``."""
    return "no header row" if not header_row else f"header on row {header_row}"


class ColumnMapping(BaseModel):
    """An explicit mapping for one agency's sheet, read from a TOML file.

    .. code-block:: toml

        sheet = "HV contacts"       # optional: otherwise found by header detection
        header_row = 1              # optional: otherwise found by header detection;
                                    # 0: the sheet has none ("Column A" = "date" below)
        join_continued_rows = true  # optional: a record's text split over rows is joined
        [columns]
        "Date of contact" = "date"
        "Voice of the child" = "views"
        "DASH risk" = "ignore"
    """

    model_config = ConfigDict(extra="forbid")

    sheet: str | None = None
    #: the row the headings are on, counted from 1 as Excel does; 0 where the sheet has no
    #: header row (an export of rows alone): its columns are named by letter, "Column A"
    header_row: int | None = PydanticField(default=None, ge=NO_HEADER, le=1_048_576)
    #: an undated row holding only a summary or outcome, under an entry, is the rest of that
    #: entry's text (a return that splits long records over rows): joined to it, noted.
    #: Off unless asked for: a contact of its own, never dated, would be hidden under the
    #: day of the entry above
    join_continued_rows: bool = False
    columns: dict[str, Field] = {}

    @classmethod
    def load(cls, path: Path) -> ColumnMapping:
        """Read a mapping file; errors name the file and the key."""
        valid = ", ".join(f.value for f in Field)
        return load_toml(path, cls, what="mapping file", hint=f" (fields are: {valid})")


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
    #: how it was found: "standard template", "mapping file", "headings" or "contents"
    found_by: str = "headings"
    #: share of the rows under the header whose date cell reads as a date
    date_share: float = 0.0
    #: why this header, and why each column became what it is
    explanation: list[str] = field(default_factory=list)
    #: join a record's text split over rows (``join_continued_rows`` in the mapping file)
    join_continued_rows: bool = False
    #: the rows of the table, first and last (``None``: to the sheet's end); a sheet may
    #: hold several tables, one under the other, each under its own header
    first_row: int = 1
    last_row: int | None = None
    #: where the sheet has no header row: the title rows above its first record
    titles: int = 0

    @property
    def above_records(self) -> int:
        """The last row above the table's records: its header, or with none, its title."""
        return self.header_row or self.titles

    @property
    def end_row(self) -> int:
        """The table's last row."""
        return len(self.sheet.rows) if self.last_row is None else self.last_row

    def under_header(self, row: int) -> bool:
        """Whether *row* is below the header, in this table (the last table's reaching
        past the sheet's last cell: a formula saved without its value leaves none)."""
        return self.header_row < row and (self.last_row is None or row <= self.last_row)

    def header_cells(self) -> tuple[Cell, ...]:
        """The header row's cells, or the columns' letters where the sheet has none."""
        return _header_cells(self.sheet, self.header_row)

    @property
    def confidence(self) -> str:
        """high, medium or low: how sure the column choice is."""
        fields = {c.field for c in self.columns}
        if self.found_by in ("standard template", "mapping file"):
            return "high"
        if self.found_by == "contents":
            return "low"
        if self.date_share >= 0.8 and Field.SUMMARY in fields and len(fields - {None}) >= 3:
            return "high"
        return "medium" if self.date_share >= 0.5 else "low"

    def by_field(self) -> dict[Field, Column]:
        """The column read for each field (:func:`~chronogen.read.returns.columns.
        columns_read`)."""
        read = columns_read([(column.heading, column.field) for column in self.columns])
        return {field: self.columns[place] for field, place in read.items()}

    def header_key(self) -> tuple[str, ...]:
        """The normalised headings, to recognise the header pasted again mid-sheet."""
        return tuple(normalise_heading(c.heading) for c in self.columns if c.field is not None)


def _heading_text(value: Cell) -> str:
    return "" if value is None else " ".join(str(value).split())


def columns_for(row: tuple[Cell, ...], mapping: ColumnMapping | None = None) -> list[Column]:
    """The columns a row gives as a header (under *mapping*, where a mapping file names
    columns)."""
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


def looks_like_header(cells: tuple[Cell, ...]) -> bool:
    """Whether a row names a date column and another known column, as a header does."""
    return _score(columns_for(cells)) >= 2


def tables_above(sheet: Sheet, header_row: int, first_row: int = 1
                 ) -> list[tuple[int, list[int]]]:
    """Tables above the header read (a police return's incidents above its crimes, whose
    header named more known columns): each as its header's row and the rows under it, down
    to the next such header or the one read, holding a date in its date column. Those rows
    are not entries of the table read; said, not guessed."""
    found: list[tuple[int, list[int]]] = []
    headers = [number for number in range(first_row, header_row)
               if looks_like_header(sheet.rows[number - 1])]
    for place, number in enumerate(headers):
        columns = columns_for(sheet.rows[number - 1])
        dated = next((c.index for c in columns if c.field in (Field.DATE, Field.DATE_TIME)),
                     None)
        end = headers[place + 1] if place + 1 < len(headers) else header_row
        rows = [below for below in range(number + 1, end)
                if dated is not None and dated < len(sheet.rows[below - 1])
                and sheet.rows[below - 1][dated] is not None
                and _reads_as_date(sheet.rows[below - 1][dated])]
        if rows:
            found.append((number, rows))
    return found


#: rows over a table's header that may be its title ("Crimes", a blank line), at most
_TITLE_ROWS = 5


def split_table(layout: Layout, header_row: int, mapping: ColumnMapping | None = None
                ) -> tuple[Layout, Layout] | None:
    """*layout*'s rows as two tables, where the header of another stands on *header_row*
    (above or below *layout*'s own, inside its rows): the upper table and the lower, the
    lower from its title rows ("Crimes", a blank line), each read under its own header.
    ``None`` where the other header reads fewer dates in its date column, on the rows
    under it, than *layout*'s columns read there (a row that only looks like a header), or,
    above, names no column saying what happened (a form's fields over the table, "Child |
    Date of referral", with their values under them: no contacts)."""
    sheet = layout.sheet
    columns = columns_for(sheet.rows[header_row - 1], mapping)
    if _score(columns) < 2:
        return None
    if header_row < layout.header_row and not _HAPPENED & {c.field for c in columns}:
        return None
    if header_row > layout.header_row:  # a table below
        start = _table_start(sheet, header_row, layout.header_row)
        last = layout.last_row
        share = _date_share(sheet, header_row, columns, last)
        if share < _date_share(sheet, header_row, layout.columns, last):
            return None
        lower = refine(Layout(sheet, header_row, columns, date_share=share, first_row=start,
                              last_row=last))
        return _ending_at(layout, start - 1, mapping), lower
    start = _table_start(sheet, layout.header_row, header_row)  # a table above
    upper = refine(Layout(sheet, header_row, columns, first_row=layout.first_row,
                          last_row=start - 1,
                          date_share=_date_share(sheet, header_row, columns, start - 1)))
    return upper, replace(layout, first_row=start, explanation=list(layout.explanation))


#: the fields saying what happened: a table of contacts has one
_HAPPENED = frozenset({Field.SUMMARY, Field.KIND, Field.OUTCOME})


def _ending_at(layout: Layout, last_row: int, mapping: ColumnMapping | None) -> Layout:
    """*layout*'s table ending at *last_row*: its columns judged again on its own rows
    (the rows of the table below were among those that judged them: a contact type read
    as the summary for the other table's sentences under it), and its share of dated rows
    counted on them. A table whose columns were found by what they hold (no heading names
    a date) keeps them, its share counted again."""
    sheet, row = layout.sheet, layout.header_row
    if layout.found_by != "contents":
        columns = columns_for(layout.header_cells(), mapping)
        return refine(replace(layout, columns=columns, last_row=last_row, explanation=[],
                              date_share=_date_share(sheet, row, columns, last_row)))
    ended = replace(layout, last_row=last_row, explanation=list(layout.explanation),
                    date_share=_date_share(sheet, row, layout.columns, last_row))
    if ended.explanation:
        ended.explanation[0] = _header_line(ended)
    return ended


def _table_start(sheet: Sheet, header_row: int, floor: int) -> int:
    """The first row of the table whose header is on *header_row*: the header, or the title
    rows above it (blank, or one cell of words that is no date), below row *floor*."""
    start = header_row
    while start - 1 > floor and header_row - start < _TITLE_ROWS \
            and _title_like(sheet.rows[start - 2]):
        start -= 1
    return start


def _title_like(cells: tuple[Cell, ...]) -> bool:
    filled = [v for v in cells if v is not None and not (isinstance(v, str) and not v.strip())]
    return not filled or (len(filled) == 1 and isinstance(filled[0], str)
                          and not _reads_as_date(filled[0]))


def find_layout(sheets: list[Sheet], *, sheet_name: str | None = None,
                mapping: ColumnMapping | None = None) -> Layout | None:
    """The sheet and header row of the chronology, or ``None`` if no sheet has one.

    A header is a row naming a date column and at least one other known column; among the
    rows that do (in the first 30 of each sheet, below any title block or form fields), the
    one whose table reads best wins: most known columns, and dates in its date column on the
    rows below. Each column's role is then checked against what it holds (:func:`refine`).
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
    best_fields = 0.0
    for sheet in candidates:
        in_sheet: Layout | None = None
        in_sheet_score, in_sheet_fields = 0.0, 0.0
        if mapping is not None and mapping.header_row is not None:
            rows_to_try = [mapping.header_row]
        else:
            rows_to_try = list(range(1, min(len(sheet.rows), HEADER_SCAN_ROWS) + 1))
        for row_number in rows_to_try:
            if row_number > len(sheet.rows):
                continue
            columns = columns_for(_header_cells(sheet, row_number), mapping)
            score = float(_score(columns))
            if mapping is not None and mapping.header_row is not None:
                score = max(score, 1.0)
            if not (score >= 2 or (score >= 1 and mapping is not None)):
                continue
            share = _date_share(sheet, row_number, columns)
            total = score + 2 * share  # a table of dates below beats a lone form row
            if total > in_sheet_score:
                in_sheet = Layout(sheet, row_number, columns, date_share=share)
                in_sheet_score, in_sheet_fields = total, score
        # between sheets, the one naming most known columns; the first of equals
        if in_sheet is not None and in_sheet_fields > best_fields:
            best, best_fields = in_sheet, in_sheet_fields
    if best is None:
        return by_contents(candidates) if mapping is None else None
    if mapping is not None:
        best.join_continued_rows = mapping.join_continued_rows
    if mapping is not None and (mapping.columns or mapping.header_row is not None):
        best.found_by = "mapping file"  # not a mapping that chose no column nor header
        present = {normalise_heading(c.heading) for c in best.columns}
        best.missing_mapped = [k for k in mapping.columns if normalise_heading(k) not in present]
    return refine(best)


#: rows under a header that are looked at to judge its columns
_SAMPLE_ROWS = 200


def _sample(sheet: Sheet, header_row: int, index: int, last_row: int | None = None
            ) -> list[Cell]:
    values = []
    end = header_row + _SAMPLE_ROWS if last_row is None else min(last_row, header_row
                                                                  + _SAMPLE_ROWS)
    for row in sheet.rows[header_row:end]:
        if index < len(row) and row[index] is not None and str(row[index]).strip():
            values.append(row[index])
    return values


def _reads_as_date(value: Cell) -> bool:
    from chronogen.errors import DateError
    from chronogen.read.returns.cell_values import date_from_cell

    try:
        date_from_cell(value)
    except (DateError, ValueError, OverflowError):
        return False
    return True


def _date_share(sheet: Sheet, header_row: int, columns: list[Column],
                last_row: int | None = None) -> float:
    date_column = next((c for c in columns if c.field in (Field.DATE, Field.DATE_TIME)), None)
    if date_column is None:
        return 0.0
    own = normalise_heading(date_column.heading)
    values = [v for v in _sample(sheet, header_row, date_column.index, last_row)
              if normalise_heading(str(v)) != own][:30]  # the header pasted again is no row
    return sum(_reads_as_date(v) for v in values) / len(values) if values else 0.0


def _text_profile(values: list[Cell]) -> tuple[float, float]:
    """(average length, share of distinct values) of a column's texts."""
    texts = [str(v).strip() for v in values if isinstance(v, str)]
    if not texts:
        return 0.0, 0.0
    return sum(map(len, texts)) / len(texts), len(set(texts)) / len(texts)


def by_contents(sheets: list[Sheet]) -> Layout | None:
    """When no row's words name a date column: a row above a column that is mostly dates
    and a column of long free text is taken as the header by what the table holds (the date
    and the summary; other columns are kept as written). Confidence is low: the report says
    so, and a mapping file can say better."""
    best: tuple[float, Layout] | None = None
    for sheet in sheets:
        for row_number in range(1, min(len(sheet.rows), HEADER_SCAN_ROWS) + 1):
            row = sheet.rows[row_number - 1]
            columns = [Column(i, _heading_text(v) or f"Column {column_letter(i)}", None)
                       for i, v in enumerate(row)]
            if len([c for c in columns if not c.heading.startswith("Column ")]) < 2:
                continue
            found = _dated_and_written(sheet, row_number, columns)
            if found is None:
                continue
            date_column, share, text_column = found
            layout = Layout(sheet, row_number, columns, found_by="contents", date_share=share)
            layout.explanation.append(
                f"no heading names a date column: {date_column.heading!r} is read as the date "
                f"({share:.0%} of its cells are dates) and {text_column.heading!r} as the "
                f"summary (long free text); other columns are kept as written")
            if best is None or share > best[0]:  # the first row of the best table
                best = (share, layout)
    if best is None:
        headerless = [found for found in map(_without_header, sheets) if found is not None]
        if headerless:  # the first sheet of the most dates
            return refine(max(headerless, key=lambda found: found.date_share))
    return refine(best[1]) if best is not None else None


def _dated_and_written(sheet: Sheet, above: int, columns: list[Column], *,
                       headed: bool = True) -> tuple[Column, float, Column] | None:
    """Under row *above* (a header, or where *headed* is false the last title row above
    records with no header, 0 for none), the column mostly of dates (its share of dates)
    and the column of long, varied free text, each given its field; None where there are
    not both, or where a header's own cell in the date column is a date (the row is a
    record) or, with no header, the first record's is none (it is no record)."""
    date_column, share = None, 0.0
    for column in columns:
        values = _sample(sheet, above, column.index)[:30]
        if len(values) < 2:
            continue
        here = sum(_reads_as_date(v) for v in values) / len(values)
        if here > share:
            date_column, share = column, here
    if date_column is None or share < 0.8 or above >= len(sheet.rows):
        return None
    top = sheet.rows[above - 1 if headed else above]
    top_is_dated = date_column.index < len(top) and _reads_as_date(top[date_column.index])
    if top_is_dated == headed:
        return None  # a header's own cell is a heading; with none, the first row a record
    text_column, length = None, 0.0
    for column in columns:
        if column is date_column:
            continue
        average, distinct = _text_profile(_sample(sheet, above, column.index))
        if average >= 25 and distinct >= 0.6 and average > length:
            text_column, length = column, average
    if text_column is None:
        return None
    date_column.field, text_column.field = Field.DATE, Field.SUMMARY
    return date_column, share, text_column


def _without_header(sheet: Sheet) -> Layout | None:
    """A sheet of records alone, no header above them (an export of its records only),
    under a few title rows or none: its first record's date column a date, as mostly
    below, and a column of long free text. Read under its columns' letters, confidence
    low. A Word document's paragraphs: :func:`_paragraphs_layout`."""
    if not sheet.rows:
        return None
    if sheet.kind == PARAGRAPHS:
        return _paragraphs_layout(sheet)
    titles = 0
    while titles < min(_TITLE_ROWS, len(sheet.rows) - 1) and _title_like(sheet.rows[titles]):
        titles += 1
    columns = [Column(index, heading, None)
               for index, heading in enumerate(unnamed_header(sheet))]
    found = _dated_and_written(sheet, titles, columns, headed=False)
    if found is None:
        return None
    date_column, share, text_column = found
    layout = Layout(sheet, NO_HEADER, columns, found_by="contents", date_share=share,
                    titles=titles)
    other = next((c.heading for c in columns if c.field is None), None)
    layout.explanation.append(
        f"the sheet has no header row: its records begin on row {titles + 1}; "
        f"{date_column.heading} is read as the date ({share:.0%} of its cells are dates) "
        f"and {text_column.heading} as the summary (long free text); other columns are kept "
        "as written, under their letters; a mapping file with header_row = 0 names any of "
        "them by its letter" + (f' ("{other}" = "kind")' if other else ""))
    return layout


def _paragraphs_layout(sheet: Sheet) -> Layout | None:
    """A Word document's paragraphs (:mod:`chronogen.read.word_paragraphs`), whose columns
    are known: the date a paragraph opens with (column A, where it opens with one) and its
    words (B), two paragraphs dated at least. The paragraphs above the first dated one,
    as many as a header is looked for under, are its title; one with no date under a
    dated one is the rest of its text."""
    dated = [n for n, row in enumerate(sheet.rows) if row and row[0] is not None]
    if len(dated) < 2 or dated[0] > HEADER_SCAN_ROWS:
        return None  # one dated sentence in a document's text is no chronology
    first = dated[0]
    columns = [Column(0, "Column A", Field.DATE), Column(1, "Column B", Field.SUMMARY)]
    layout = Layout(sheet, NO_HEADER, columns, found_by="contents", titles=first,
                    date_share=_date_share(sheet, first, columns),
                    join_continued_rows=True)
    layout.explanation.append(
        "the document's paragraphs: each opening with a date is an entry, the date read "
        "from Column A and its words from Column B; a paragraph with no date under it is the "
        "rest of its text")
    return layout


def _answer_share(values: list[Cell]) -> float:
    from chronogen.read.returns.answers import read_answer

    answers = [read_answer(v) for v in values]
    return sum(a.recognised for a in answers) / len(answers) if answers else 0.0


#: words in a heading that make a yes / no column the child's seen or views answer
_SEEN_HINT = re.compile(r"\b(?:see|seen|saw|sighted|spoke|spoken|visited|observed)\b")
_VIEWS_HINT = re.compile(r"\b(?:views?|voice|wishes|feelings|words|said|heard)\b")


def _unnamed_by_contents(layout: Layout) -> None:
    """Columns whose headings name nothing chronogen knows, read by what they hold and what
    their heading hints: a short, repeated vocabulary is the contact type; yes / no answers
    under a heading that speaks of seeing ("Did we see the child?") or of views ("Voice heard?")
    are that answer. Yes / no answers under a heading that says neither are only pointed out:
    "Children present" is not "child seen", and reading it so would invent sightings; the
    report gives the mapping line to use when it does mean that."""
    sheet, row = layout.sheet, layout.header_row
    for column in layout.columns:
        if column.field is not None or (column.heading.startswith("Column ")
                                        and row != NO_HEADER):
            continue  # a column with no heading (in a sheet with a header row)
        values = _sample(sheet, row, column.index, layout.last_row)
        if len(values) < 4:
            continue
        fields = {c.field for c in layout.columns}
        length, distinct = _text_profile(values)
        answered = _answer_share(values)
        hint = _SEEN_HINT.search(normalise_heading(column.heading))
        views_hint = _VIEWS_HINT.search(normalise_heading(column.heading))
        if answered >= 0.9 and (hint or views_hint):
            chosen = Field.VIEWS if views_hint else Field.SEEN
            if chosen not in fields:
                column.field = chosen
                layout.explanation.append(
                    f"{column.heading!r} holds yes / no answers ({answered:.0%}) and its "
                    f"heading speaks of {'views' if views_hint else 'seeing the child'}: read "
                    f"as {chosen.value}")
        elif answered >= 0.9:
            layout.explanation.append(
                f"{column.heading!r} holds yes / no answers ({answered:.0%}) but its heading "
                "does not say what they answer: kept as written; if it records whether the "
                f"child was seen, map it in a mapping file (\"{column.heading}\" = \"seen\")")
        elif Field.KIND not in fields and 0 < length <= 30 and distinct <= 0.3:
            column.field = Field.KIND
            layout.explanation.append(
                f"{column.heading!r} holds a short, repeated vocabulary (about {length:.0f} "
                f"characters, {distinct:.0%} different): read as the contact type")


def refine(layout: Layout) -> Layout:
    """Check each column's role against what it holds, and explain the choice.

    Long, mostly different free text is the description, whatever its heading says: an
    "Event" column full of sentences is the summary, not the contact type, when no other
    column is. An unlabelled column of long text becomes the summary when there is none.
    """
    sheet, row = layout.sheet, layout.header_row
    fields = {c.field for c in layout.columns}
    if Field.SUMMARY not in fields:
        for column in layout.columns:
            if column.field not in (Field.KIND, None):
                continue
            length, distinct = _text_profile(_sample(sheet, row, column.index,
                                                     layout.last_row))
            if length >= 40 and distinct >= 0.7:
                was = column.field.value if column.field else "no field"
                column.field = Field.SUMMARY
                layout.explanation.append(
                    f"{column.heading!r} holds long, varied text (about {length:.0f} "
                    f"characters, {distinct:.0%} different): read as the summary ({was} by "
                    "its heading)")
                break
    _unnamed_by_contents(layout)
    layout.explanation.insert(0, _header_line(layout))
    return layout


def _header_line(layout: Layout) -> str:
    """The first line of a layout's explanation: its header, its dated rows, its columns."""
    sheet, row = layout.sheet, layout.header_row
    headings = ", ".join(f"{c.heading!r} -> {c.field.value}" for c in layout.columns
                         if c.field is not None)
    where = header_place(row) + (f" in {sheet_place(sheet.file, sheet.name)}" if not row
                                 and sheet.name else f" of {sheet_place(sheet.file, sheet.name)}"
                                 if sheet.name else "")
    below = "the rows" if row == NO_HEADER else "the rows below"
    return (f"{where} ({layout.found_by}); {layout.date_share:.0%} of {below} have a date in "
            f"its date column; columns: {headings}")


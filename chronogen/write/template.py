"""chronogen's standard agency template: blank (for agencies to fill in) or filled (the result
of ``chronogen convert``).

A *Chronology* sheet with a frozen header, date- and time-formatted cells and dropdowns for
contact kind and the yes / no questions, and a *Guidance* sheet explaining every column. A
filled template imports with no problems: every heading is a known synonym and every
dropdown value a known word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronogen.domain.template import TEMPLATE_TITLE
from chronogen.model.chronology import ContactKind
from chronogen.write.also_recorded import MARKED
from chronogen.write.cell_text import FONT, FONT_POINTS, arial_lines, clean, row_points
from chronogen.write.openpyxl_sheets import add_table_sheet, save_workbook
from chronogen.write.table import TableColumn

TEMPLATE_ROWS = 2000
YES_NO = ("Yes", "No", "Not recorded", "N/A")


@dataclass(frozen=True)
class TemplateColumn:
    """A column of the standard template."""

    heading: str
    field: str
    width: int
    guidance: str
    choices: tuple[str, ...] = ()
    #: when True, values outside the dropdown are allowed (with a note, not an error)
    free_text: bool = False
    number_format: str | None = None


TEMPLATE_COLUMNS: tuple[TemplateColumn, ...] = (
    TemplateColumn("Date", "date", 12,
                   "Date of the contact or event, as a date cell (DD/MM/YYYY). If only the "
                   "month or year is known, type it as text: 'March 2020', '2020'. Approximate "
                   "dates: 'approx 03/2020'.", number_format="DD/MM/YYYY"),
    TemplateColumn("Time", "time", 8, "Time of day (HH:MM), if known.", number_format="HH:MM"),
    TemplateColumn("Contact type", "kind", 20,
                   "What kind of contact this was. Choose from the list; type your own words "
                   "if none fits (they will be classified as 'other' and reported).",
                   tuple(k.value for k in ContactKind), free_text=True),
    TemplateColumn("Child(ren)", "child", 18,
                   "The child or children this contact was about, by first name or full name, "
                   "separated by commas. Leave blank if it concerned all the children of the "
                   "review. For a contact about an adult only, give the adult's name."),
    TemplateColumn("Summary", "summary", 60,
                   "What happened: who was present, what was said, what was seen. Write the "
                   "child's own words in 'Child's views'."),
    TemplateColumn("Outcome / action", "outcome", 30, "What was decided or done as a result."),
    TemplateColumn("Child seen?", "seen", 14,
                   "Was the child seen face to face during this contact? Yes / No / Not "
                   "recorded / N/A (not a contact where a child could be seen). Name the "
                   "children if only some were seen: 'Yes - Mia'.", YES_NO, free_text=True),
    TemplateColumn("Child seen alone?", "seen_alone", 14,
                   "Was the child seen without a parent or carer present?", YES_NO,
                   free_text=True),
    TemplateColumn("Child's views", "views", 30,
                   "Were the child's wishes, feelings or views sought and recorded? Yes / No / "
                   "Not recorded / N/A, or the child's own words.", YES_NO, free_text=True),
    TemplateColumn("Practitioner", "practitioner", 18,
                   "The role of the practitioner (not their name, for publication)."),
    TemplateColumn("Referral to", "referral_to", 16,
                   "If this contact made a referral, the agency referred to (e.g. CSC, "
                   "Police, GP, Health Visiting)."),
    TemplateColumn("Reference", "reference", 14, "Your own record or incident number."),
    TemplateColumn("Significance", "significance", 30,
                   "Why this contact matters to the review (optional, for the author)."),
)


@dataclass
class FilledTemplate:
    """One agency's return in the template's shape, ready for any template writer."""

    agency: str
    #: the template's headings, then those of columns carried over unmapped
    headings: list[str]
    rows: list[list[object]]
    #: the conversion report, entries and rejected rows as plain data (for .json)
    document: dict[str, object]

    @property
    def carried(self) -> list[str]:
        """Headings of the agency's columns that have no template field."""
        return self.headings[len(TEMPLATE_COLUMNS):]


def write_conversion(filled: FilledTemplate, output: Path) -> Path:
    """The filled template as a workbook; carried columns after the template's own."""
    carried = tuple(TemplateColumn(
        h, "raw", 18, "How the agency's own sheet marked the row: struck through (withdrawn "
        "or corrected?), hidden, or filled with a colour." if h == MARKED else
        "Carried over from the agency's sheet: chronogen has no field for it.")
        for h in filled.carried)
    return write_template(output, agency=filled.agency, rows=filled.rows,
                          columns=TEMPLATE_COLUMNS + carried)


def _add_validation(sheet: Any, column: TemplateColumn, letter: str, last_row: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    # a list longer than 255 characters must live in cells; ours are short enough inline
    formula = '"' + ",".join(column.choices) + '"'
    validation = DataValidation(type="list", formula1=formula, allow_blank=True,
                                showDropDown=False)  # False shows the arrow (sic, per OOXML)
    validation.showErrorMessage = not column.free_text
    validation.errorStyle = "information" if column.free_text else "stop"
    validation.promptTitle = column.heading
    validation.prompt = column.guidance[:250]
    validation.showInputMessage = True
    sheet.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{last_row}")


#: the Guidance sheet's columns: a column's heading, what to write, the choices
_GUIDE_WIDTHS = (20, 80, 40)


def write_template(output: Path, *, agency: str | None = None,
                   rows: Sequence[Sequence[object]] = (),
                   columns: Sequence[TemplateColumn] = TEMPLATE_COLUMNS) -> Path:
    """Write the standard template to *output*, empty or holding *rows* (one per entry).

    *columns* may add columns after the standard ones (``convert`` carries unmapped columns).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    table_columns = [TableColumn(c.heading, c.width) for c in columns]
    sheet = add_table_sheet(book, "Chronology", table_columns, rows)
    last_row = max(TEMPLATE_ROWS, len(rows) + 1)
    for number, column in enumerate(columns, start=1):
        letter = get_column_letter(number)
        if column.choices:
            _add_validation(sheet, column, letter, last_row)
        if column.number_format:
            for row in range(2, max(len(rows) + 2, 201)):
                sheet.cell(row=row, column=number).number_format = column.number_format

    guide = book.create_sheet("Guidance")
    title = TEMPLATE_TITLE + (f": {agency}" if agency else "")
    guide["A1"] = title
    guide["A1"].data_type = "s"  # headings and names are text, never formulas
    guide["A1"].font = Font(name=FONT, bold=True, size=14)
    text = Font(name=FONT, size=FONT_POINTS)
    guide["A2"] = ("One row per contact. Keep the headings as they are. Dates as date cells "
                   "(DD/MM/YYYY). Blank means 'not recorded', which is itself a gap the review "
                   "will notice: please answer the 'seen' and 'views' questions for every "
                   "contact with a child.")
    guide["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    guide["A2"].font = text
    guide.merge_cells("A2:C2")
    widths = _GUIDE_WIDTHS
    guide.row_dimensions[2].height = row_points(arial_lines(str(guide["A2"].value),
                                                            sum(widths)))
    guide["A4"], guide["B4"], guide["C4"] = "Column", "What to write", "Choices"
    for cell in guide[4]:
        cell.font = Font(name=FONT, size=FONT_POINTS, bold=True)
    for offset, column in enumerate(columns, start=5):
        values = (column.heading, column.guidance, ", ".join(column.choices) or None)
        # as many lines as the longest of its three cells wraps to (a carried heading may be
        # long: "Marked in the agency's sheet")
        lines = max(arial_lines(clean(value), width)
                    for value, width in zip(values, widths, strict=True) if value)
        if lines > 1:
            guide.row_dimensions[offset].height = row_points(lines)
        for col, value in enumerate(values, start=1):
            cell = guide.cell(row=offset, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a carried heading "=Evil" stays text
            cell.font = text
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    guide.page_setup.orientation = "landscape"
    guide.page_setup.fitToWidth = 1
    guide.page_setup.fitToHeight = 0
    guide.sheet_properties.pageSetUpPr.fitToPage = True
    for letter, width in zip("ABC", widths, strict=True):
        guide.column_dimensions[letter].width = width
    return save_workbook(book, output)

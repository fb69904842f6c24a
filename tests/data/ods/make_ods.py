"""Make the OpenDocument spreadsheets the tests read: a workbook of every look a return can
have (``looks.xlsx``), and LibreOffice's own ``.ods`` of it and of two of the bundled case's
returns and its family file, so that the tests read what LibreOffice really writes.

    python -m tests.data.ods.make_ods      (needs LibreOffice: soffice)
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date, time
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).parent
HARBOUR = HERE.parent / "harbour"
#: the bundled case's files kept as .ods (a workbook of two sheets, one of a title above
#: its header, and the family file)
FROM_HARBOUR = ("csc_chronology.xlsx", "school_chronology.xlsx", "family.xlsx")


def looks_workbook(path: Path) -> None:
    """A return holding each thing a sheet can show besides its values."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Log"
    sheet.append(["Date", "Time", "Contact type", "Summary", "Child seen?", "Notes",
                  "Internal ref"])
    sheet.append([date(2020, 3, 1), time(10, 30), "Home visit", "Line one\nLine two", "Yes",
                  None, "R1"])
    sheet["D2"].comment = Comment("Check this with the worker", "Reviewer")
    sheet.append([date(2020, 3, 2), None, "Phone call", "Struck through whole", "No",
                  None, "R2"])
    sheet["D3"].font = Font(strike=True)
    sheet.append([None, None, "Clinic", CellRichText([TextBlock(InlineFont(strike=True),
                                                                "alone"), " seen"]),
                  "Yes", None, "R3"])
    sheet.merge_cells("A3:A4")
    sheet.append([date(2020, 3, 5), time(9, 0), "Strategy meeting", "Key decision", "N/A",
                  None, "R4"])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    sheet.append([date(2020, 3, 6), None, "Home visit", "Highlighted visit", "Yes", None,
                  "R5"])
    for cell in sheet[6]:
        cell.fill = PatternFill("solid", fgColor="FFFF00")
    sheet.append([date(2020, 3, 7), None, "Home visit", "A row hidden", "Yes", None, "R6"])
    sheet.row_dimensions[7].hidden = True
    sheet.append([date(2020, 3, 8), None, "Letter", "See the record", None, None, "R7"])
    sheet["D8"].hyperlink = "https://example.org/record/7"
    sheet.append([date(2020, 3, 9), None, "Core group", "Two  spaces   and\ta tab", True,
                  0.5, "=1+1"])
    sheet["F9"].number_format = "0%"
    sheet.append([date(2020, 3, 10), time(26 % 24, 30), "Clinic", "A long wait", "No",
                  None, "R9"])
    for _ in range(2):  # the same row twice: LibreOffice writes it once, repeated
        sheet.append([date(2020, 3, 11), None, "Home visit", "Written twice", "Yes", None,
                      "R10"])
        for cell in sheet[sheet.max_row]:
            cell.fill = PatternFill("solid", fgColor="C6EFCE")
    sheet.column_dimensions["G"].hidden = True
    sheet.conditional_formatting.add("E2:E200", CellIsRule(
        operator="equal", formula=['"No"'], fill=PatternFill("solid", bgColor="FFC7CE")))
    old = book.create_sheet("Old")
    old.append(["Date", "Summary"])
    old.append([date(2019, 1, 1), "An earlier contact"])
    old.sheet_state = "hidden"
    book.save(path)


def to_ods(sources: list[Path], folder: Path) -> None:
    """LibreOffice's .ods of each of *sources*, into *folder*."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "ods", "--outdir", str(folder),
                        *map(str, sources)], check=True, capture_output=True, timeout=240)


if __name__ == "__main__":
    looks_workbook(HERE / "looks.xlsx")
    with tempfile.TemporaryDirectory() as work:
        copies = [Path(shutil.copy(HARBOUR / name, work)) for name in FROM_HARBOUR]
        to_ods([HERE / "looks.xlsx", *copies], HERE)
    print("\n".join(sorted(p.name for p in HERE.glob("*.ods"))))

"""Agency-return layouts practitioners actually send, recreated as small fictional files.

Each layout follows the *shape* of a published template or a case-management export (its
column set, title block, header rows, date habits), with invented text: nothing is copied.
The source of each shape is in ``README.md`` beside this file. ``LAYOUTS`` maps a name to
(the file name, a function writing it, what reading it must give).

``python -m tests.data.layouts.make_layouts OUT`` writes every layout into OUT.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tests.data.workbooks import write_workbook


@dataclass(frozen=True)
class Expected:
    """What reading a layout must give."""

    entries: int
    rejected: int = 0
    notes: int = 0
    #: of the first entry: (date as displayed, summary starts with, seen answer for "Mia")
    first: tuple[str, str, str | None] = ("", "", None)
    sheets: int = 1
    #: how the columns are found: by their "headings", or by their "contents"
    found_by: str = "headings"


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> None:
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)


LONG_A = "Home visit. Mia and her mother present; Mia showed the worker her bedroom and toys."
LONG_B = "Telephone call with mother about school attendance; she said Mia had a cough."
LONG_C = "Strategy discussion held after police notification; section 47 enquiries agreed."


def tayside_significant_events(path: Path) -> None:
    write_workbook(path, {"Chronology": [
        ["Chronology of Significant Events"],
        ["Name of Child or Young Person:", "Mia Harbour"],
        ["Date of Birth:", "14/02/2016"],
        [],
        ["Date or Period of Event", "Significant Event", "Source",
         "Impact (Either Positive or Negative)",
         "Action Taken to Mitigate Adverse Impact on Child"],
        ["03/2020", LONG_A, "Social worker", "Positive: warm relationship", "None needed"],
        ["12/03/2020 - 20/03/2020", LONG_B, "Health visitor", "Negative", "Follow up"],
        ["16/03/2020", LONG_C, "Police", "Negative", "S47"],
    ]})


def chronolator_internal(path: Path) -> None:
    write_workbook(path, {"Internal chronology": [
        ["Start Date", "Start Time", "End Date", "Sequence", "Source of Information", "Event",
         "Action"],
        ["# Author note: check these entries against the file before sending", None, None,
         None, None, None, None],
        ["?22 May 2019", "10:30", None, 1, "HV1 diary", LONG_A, "Review in 4 weeks"],
        ["01/06/2019", "?14:00", None, 2, "HV1 diary", LONG_B, None],
        ["~ remember to add the clinic letters", None, None, None, None, None, None],
        ["03/06/2019", None, "04/06/2019", 3, "Clinic letter", LONG_C, "Letter to GP"],
    ]})


def multi_agency_word_table(path: Path) -> None:
    write_workbook(path, {"Sheet1": [
        ["Multi-agency chronology"],
        ["Date", "Agency", "Event / Incident", "Action / Outcome", "Child seen?",
         "Child's views"],
        ["14/09/2018", "Health Visiting", LONG_A, "Routine", "Yes", "Not recorded"],
        ["11/02/2019", "GP", LONG_B, "Antibiotics", "No", "N/A"],
    ]})


def multi_agency_word_document(path: Path) -> None:
    """The same template as Word keeps it: a table of the child's details above the
    chronology, which runs over two pages as two tables, the header repeated on the second,
    a date merged down over one day's contacts."""
    from tests.data.word_returns import add_table, save, word_document

    document = word_document([["Name of child", "Mia Harbour"], ["Date of birth",
                                                                   "14/02/2016"]],
                             headings=None, title="Multi-agency chronology")
    headings = ["Date", "Agency", "Event / Incident", "Action / Outcome", "Child seen?",
                "Child's views"]
    add_table(document, [["14/09/2018", "Health Visiting", LONG_A, "Routine", "Yes",
                          "Not recorded"],
                         ["11/02/2019", "GP", LONG_B, "Antibiotics", "No", "N/A"],
                         ["", "School", LONG_C, "DSL informed", "Yes", "Not recorded"]],
              headings=headings)
    first = document.tables[1]
    first.cell(2, 0).merge(first.cell(3, 0)).text = "11/02/2019"
    document.add_page_break()
    add_table(document, [["20/03/2019", "Police", LONG_A, "Strategy discussion", "No",
                          "N/A"]], headings=headings)
    save(document, path)


def significant_events_word_document(path: Path) -> None:
    """A chronology of significant events kept in Word, one table: the date column holds
    periods and months, a cell spans the last two columns (no action needed)."""
    from tests.data.word_returns import save, word_document

    document = word_document(
        [["03/2020", LONG_A, "Social worker", "Positive: warm relationship", "None needed"],
         ["12/03/2020 - 20/03/2020", LONG_B, "Health visitor", "Negative", "Follow up"]],
        headings=["Date or Period of Event", "Significant Event", "Source",
                  "Impact (Either Positive or Negative)",
                  "Action Taken to Mitigate Adverse Impact on Child"],
        title="Chronology of Significant Events")
    table = document.tables[0]
    table.cell(2, 3).merge(table.cell(2, 4)).text = "Negative: follow up"
    save(document, path)


def word_paragraphs(path: Path) -> None:
    """A chronology written in Word as paragraphs, not a table: a heading and a note, then
    each contact a paragraph opening with its date (after it a dash, a colon, a tab or
    nothing), a contact's second paragraph with no date of its own."""
    from docx import Document

    document = Document()
    document.add_heading("Health Visiting chronology (fictional)", 1)
    document.add_paragraph("Prepared for the review by the named nurse; entries in date "
                           "order.")
    document.add_paragraph("")
    document.add_paragraph(f"14/09/2018 - {LONG_A}")
    document.add_paragraph(f"11/02/2019: {LONG_B}")
    document.add_paragraph("Mother was advised to see the GP about the cough.")
    document.add_paragraph(f"20 March 2019 10:30 {LONG_C}")
    document.add_paragraph(f"w/c 09/03/2020\t{LONG_A}")
    document.save(str(path))


def cspr_agency_return(path: Path) -> None:
    write_workbook(path, {"Return": [
        ["Date", "Time", "Contact type", "Summary of contact", "Outcome", "Child seen (Y/N)",
         "Child seen alone (Y/N)", "Voice of the child", "Practitioner role",
         "Significance to review"],
        [datetime(2020, 3, 14), "09:15", "Home visit", LONG_A, "Plan agreed", "Y", "N",
         "Said she likes school", "Social worker", "First visit after referral"],
        [datetime(2020, 3, 20), "13:00", "Telephone", LONG_B, None, "N", "N", None,
         "Social worker", None],
        ["31/02/2020", None, "Home visit", "a date that never was", None, "Y", None, None,
         None, None],
    ]})


def two_row_header(path: Path) -> None:
    write_workbook(path, {"Log": [
        ["Contact", None, "Record", None],
        ["Date", "Time", "Details", "Outcome"],
        ["01/03/2020", "10:00", LONG_A, "Visit again"],
        ["02/03/2020", "11:00", LONG_B, None],
    ]})


def repeated_header(path: Path) -> None:
    head = ["Date", "Type", "Notes", "Seen"]
    write_workbook(path, {"Printout": [
        head, ["01/03/2020", "Home visit", LONG_A, "Yes"],
        ["02/03/2020", "Phone", LONG_B, "N/A"],
        head, ["03/03/2020", "Meeting", LONG_C, "No"],
    ]})


def sheet_per_year(path: Path) -> None:
    head = ["Date", "Summary", "Officer"]
    write_workbook(path, {"2019": [head, ["01/06/2019", LONG_A, "PC 1"]],
                 "2020": [["Incidents 2020"], head, ["02/02/2020", LONG_B, "PC 2"],
                          ["05/05/2020", LONG_C, "DS 3"]]})


def cover_sheet(path: Path) -> None:
    write_workbook(path, {"Cover": [["Housing return for the review"],
                                    ["Prepared by the Housing team"],
                           ["Contains 2 entries"]],
                 "Chronology": [["Date of contact", "Type of contact", "What happened"],
                                ["10/01/2020", "Repairs visit", LONG_A],
                                ["20/01/2020", "Letter", LONG_B]]})


def period_and_uncertain_dates(path: Path) -> None:
    _csv(path, ["Date,Contact type,Summary,Child seen",
                f"?12/03/2020,Home visit,{LONG_A.replace(',', ';')},Yes",
                f"between 01/03/2020 and 15/03/2020,Phone,{LONG_B.replace(',', ';')},",
                f"March 2020,Meeting,{LONG_C.replace(',', ';')},No",
                "approx 06/2020,Letter,letter sent,N/A"])


def serials_in_a_text_column(path: Path) -> None:
    _csv(path, ["Date,Type,Details", "43900,Visit,seen at home", "43910,Phone,called mother",
                "not known,Visit,no date given"])


def welsh_headings(path: Path) -> None:
    write_workbook(path, {"Cronoleg": [
        ["Dyddiad", "Math o gyswllt", "Disgrifiad", "Canlyniad", "Plentyn wedi'i weld"],
        ["01/03/2020", "Ymweliad cartref", LONG_A, "Dim", "Yes"],
        ["08/03/2020", "Galwad ffôn", LONG_B, None, "No"],
    ]})


def case_management_episodes(path: Path) -> None:
    write_workbook(path, {"Export": [
        ["Report run: Episodes for person 1234"],
        ["Episode Date", "Episode Type", "Worker", "Case Note Summary"],
        [datetime(2020, 1, 5, 14, 30), "Contact", "SW Green", LONG_A],
        [datetime(2020, 1, 9), "Assessment", "SW Green", LONG_B],
    ]})


def observations_export(path: Path) -> None:
    write_workbook(path, {"Observations": [
        ["Observation Date", "Observation Type", "Created By", "Observation", "Outcome"],
        ["05/02/2020 09:00", "Home visit", "Worker 2", LONG_A, "Continue plan"],
        ["06/02/2020 15:45", "Phone call", "Worker 2", LONG_B, None],
    ]})


def gp_consultations(path: Path) -> None:
    _csv(path, ["Consultation date,Consultation type,Clinician,Problem,Notes",
                "12/03/2019,Surgery consultation,Dr A,Low mood,Mother seen: low mood",
                "20/01/2020,Surgery consultation,Dr B,Chest infection,Mia: chest infection",
                "06/07/2020,Did not attend,Nurse C,Immunisation,Leo not brought"])


def gp_system_journal(path: Path) -> None:
    write_workbook(path, {"Journal": [
        ["Date", "Time", "Staff", "Location", "Details"],
        ["14/09/2020", "08:50", "HCA", "Surgery", "Weight and height checked; Mia seen."],
        ["15/09/2020", "10:10", "GP", "Telephone", "Mother requested repeat prescription."],
    ]})


def school_safeguarding_system(path: Path) -> None:
    write_workbook(path, {"Incidents": [
        ["Date/Time", "Incident", "Categories", "Action Taken", "Added by"],
        ["21/05/2019 09:05", "Mia told her teacher that her parents had a big fight at home "
         "last night and that a plate was smashed.", "Domestic abuse", "DSL informed",
         "Class teacher"],
        ["04/11/2019 15:30", "Attendance has fallen to 86% this half term; letter home about "
         "the pattern of Monday absences.", "Attendance", "Letter", "Attendance officer"],
    ]})


def school_concern_system(path: Path) -> None:
    write_workbook(path, {"Concerns": [
        ["Date of concern", "Concern category", "Concern summary", "Actions", "Reported by"],
        ["08/09/2020", "Attendance", LONG_B, "Phone call home", "Teacher"],
        ["10/12/2020", "Neglect", LONG_A, "Referral to CSC", "DSL"],
    ]})


def police_occurrences(path: Path) -> None:
    write_workbook(path, {"Occurrences": [
        ["Occurrence Date", "Occurrence Number", "Occurrence Type", "Summary", "Officer"],
        ["13/03/2020 23:15", "OCC/123/20", "Domestic incident", LONG_C, "PC 1234"],
        ["02/06/2020 01:40", "OCC/456/20", "Domestic incident", LONG_B, "PC 5678"],
    ]})


def police_stacked_tables(path: Path) -> None:
    write_workbook(path, {"Police return": [
        ["Northshire Police: return to the review"],
        ["Incidents"],
        ["Date", "Incident type", "Summary", "Children present", "Officer"],
        ["13/03/2020", "Domestic incident", LONG_C, "Y", "PC 1234"],
        ["02/06/2020", "Concern for welfare", "Neighbour called about shouting at the home.",
         "N", "PC 5678"],
        [],
        ["Crimes"],
        ["Crime number", "Offence", "Date reported", "Outcome", "Victim"],
        ["CR/1001/20", "Assault", "14/03/2020", "No further action", "Mother"],
        [],
        ["Missing episodes"],
        ["Date missing", "Summary", "Returned"],
        ["21/07/2020", "Mia missing from home overnight; found at a friend's house.", "Next day"],
    ]})


def court_chronology(path: Path) -> None:
    write_workbook(path, {"Chronology": [
        ["Case No: ZW20C00001"],
        ["Date", "Event", "Bundle page"],
        ["11/04/2020", "Initial child protection conference held; the children became subject "
         "to child protection plans under the category of neglect.", "C12"],
        ["01/12/2020", "Local authority issued care proceedings following a further incident "
         "and the children's removal to foster care was considered.", "C45"],
    ]})


def scottish_integrated_csv(path: Path) -> None:
    _csv(path, ["Date;Agency;Significant event;Source;Impact",
                "03.03.2020;Health;Mia seen at clinic for a growth check;Health visitor;Positive",
                "17.03.2020;Education;Mia absent all week, no reason given;School;Negative"])


def child_columns_by_name(path: Path) -> None:
    write_workbook(path, {"Visits": [
        ["Date", "Visit type", "Notes", "Mia seen?", "Leo seen?", "Mia's views"],
        ["01/03/2020", "Home visit", LONG_A, "Yes", "No", "Said she likes her room"],
        ["04/03/2020", "Home visit", LONG_B, "No", "No", None],
    ]})


def unknown_headings(path: Path) -> None:
    write_workbook(path, {"Log": [
        ["Police return for the review"],
        ["When it happened", "What we did", "Who"],
        ["01/03/2020", "Officers attended after a neighbour called about shouting", "PC 1"],
        ["02/03/2020", "Follow-up call to the mother to check the children were safe", "PC 2"],
        ["05/03/2020", "Referral sent to children's social care about the incident", "PC 1"],
    ]})


def utf16_export(path: Path) -> None:
    _csv(path, ["Date,Contact type,Summary,Child seen",
                "01/03/2020,Home visit,Seen at home,Yes", "09/03/2020,Phone,Called mother,N/A"],
         encoding="utf-16")


def export_without_header(path: Path) -> None:
    """A case-management system's export of its records alone: no header row above them."""
    _csv(path, ["01/03/2020,Home visit,Visited the home; Mia and Leo seen with their mother,Yes",
                "04/03/2020,Telephone call,Called the mother about the missed clinic appointment,"
                "N/A",
                "09/03/2020,Home visit,No answer at the door; a card left asking her to call,No",
                "12/03/2020,Strategy meeting,Strategy discussion held with police and health,N/A",
                "16/03/2020,Home visit,Mia seen alone in her room; she said she was hungry,Yes",
                "18/03/2020,Telephone call,Mother rang to say Leo has a cough and a temperature,"
                "N/A",
                "23/03/2020,Home visit,Doorstep visit during lockdown; the children waved from "
                "the window,No",
                "30/03/2020,Telephone call,Called the school about Mia's attendance since the "
                "visit,N/A",
                "06/04/2020,Home visit,Leo seen asleep in his cot; Mia at her grandmother's,No",
                "14/04/2020,Strategy meeting,Strategy discussion reconvened with police and "
                "school,N/A"])


LAYOUTS: dict[str, tuple[str, Callable[[Path], None], Expected]] = {
    "tayside-significant-events": ("significant_events.xlsx", tayside_significant_events,
                                   Expected(3, first=("Mar 2020", "Home visit.", None))),
    "chronolator-internal": ("internal_chronology.xlsx", chronolator_internal,
                             Expected(3, notes=2, first=("?22/05/2019", "Home visit.", None))),
    "multi-agency-word-table": ("multi_agency.xlsx", multi_agency_word_table,
                                Expected(2, first=("14/09/2018", "Home visit.", "Yes"))),
    "multi-agency-word-document": ("multi_agency.docx", multi_agency_word_document,
                                   Expected(4, first=("14/09/2018", "Home visit.", "Yes"))),
    "significant-events-word": ("significant_events.docx",
                                         significant_events_word_document,
                                         Expected(2, first=("Mar 2020", "Home visit.", None))),
    "cspr-agency-return": ("agency_return.xlsx", cspr_agency_return,
                           Expected(2, rejected=1, first=("14/03/2020", "Home visit.", "Yes"))),
    "two-row-header": ("two_row_header.xlsx", two_row_header,
                       Expected(2, first=("01/03/2020", "Home visit.", None))),
    "repeated-header": ("printout.xlsx", repeated_header,
                        Expected(3, first=("01/03/2020", "Home visit.", "Yes"))),
    "sheet-per-year": ("incidents.xlsx", sheet_per_year,
                       Expected(3, first=("01/06/2019", "Home visit.", None), sheets=2)),
    "cover-sheet": ("housing.xlsx", cover_sheet,
                    Expected(2, first=("10/01/2020", "Home visit.", None))),
    "period-and-uncertain-dates": ("periods.csv", period_and_uncertain_dates,
                                   Expected(4, first=("?12/03/2020", "Home visit.", "Yes"))),
    "serials-in-a-text-column": ("serials.csv", serials_in_a_text_column,
                                 Expected(2, rejected=1, first=("10/03/2020", "seen at home",
                                                                None))),
    "welsh-headings": ("cronoleg.xlsx", welsh_headings,
                       Expected(2, first=("01/03/2020", "Home visit.", "Yes"))),
    "case-management-episodes": ("episodes.xlsx", case_management_episodes,
                                 Expected(2, first=("05/01/2020", "Home visit.", None))),
    "observations-export": ("observations.xlsx", observations_export,
                            Expected(2, first=("05/02/2020", "Home visit.", None))),
    "gp-consultations": ("gp.csv", gp_consultations,
                         Expected(3, first=("12/03/2019", "Mother seen", None))),
    "gp-system-journal": ("journal.xlsx", gp_system_journal,
                          Expected(2, first=("14/09/2020", "Weight and height", None))),
    "school-safeguarding-system": ("school_incidents.xlsx", school_safeguarding_system,
                                   Expected(2, first=("21/05/2019", "Mia told her teacher",
                                                      None))),
    "school-concern-system": ("concerns.xlsx", school_concern_system,
                              Expected(2, first=("08/09/2020", "Telephone call", None))),
    "police-occurrences": ("occurrences.xlsx", police_occurrences,
                           Expected(2, first=("13/03/2020", "Strategy discussion", None))),
    "police-stacked-tables": ("police_return.xlsx", police_stacked_tables,
                              Expected(4, first=("13/03/2020", "Strategy discussion", None),
                                       sheets=3)),
    "court-chronology": ("court.xlsx", court_chronology,
                         Expected(2, first=("11/04/2020", "Initial child protection", None))),
    "scottish-integrated-csv": ("integrated.csv", scottish_integrated_csv,
                                Expected(2, first=("03/03/2020", "Mia seen at clinic", None))),
    "child-columns-by-name": ("visits.xlsx", child_columns_by_name,
                              Expected(2, first=("01/03/2020", "Home visit.", "Yes"))),
    "unknown-headings": ("police_log.xlsx", unknown_headings,
                         Expected(3, first=("01/03/2020", "Officers attended", None),
                                  found_by="contents")),
    "word-paragraphs": ("hv_paragraphs.docx", word_paragraphs,
                        Expected(4, first=("14/09/2018", "Home visit.", None),
                                 found_by="contents")),
    "export-without-header": ("export.csv", export_without_header,
                              Expected(10, first=("01/03/2020", "Visited the home", None),
                                       found_by="contents")),
    "utf16-export": ("utf16.csv", utf16_export,
                     Expected(2, first=("01/03/2020", "Seen at home", "Yes"))),
}


def make(name: str, folder: Path) -> Path:
    """Write layout *name* into *folder*; returns the file."""
    file_name, writer, _ = LAYOUTS[name]
    path = folder / file_name
    writer(path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "layouts")
    target.mkdir(parents=True, exist_ok=True)
    for layout in LAYOUTS:
        make(layout, target)
    print(f"{len(LAYOUTS)} layouts in {target}")




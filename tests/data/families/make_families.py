"""Family workbooks laid out the ways review authors and agencies lay them out (fictional).

Every layout describes the same family: Mia (the index child, born 14/02/2016), her mother
Jade, her father Ryan (separated May 2019), Jade's partner Dean (from March 2020), Mia's
brother Leo and her maternal grandmother Karen. ``FAMILIES`` maps a name to the function
writing it; ``python -m tests.data.families.make_families OUT`` writes them all.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from tests.data.workbooks import write_workbook

Rows = list[list[object]]


PEOPLE_WITH_IDS: Rows = [
    ["ID", "First name", "Surname", "Sex", "Date of birth", "Subject", "Role"],
    ["P1", "Mia", "Harbour", "F", "14/02/2016", "index", "subject child"],
    ["P2", "Jade", "Harbour", "F", "30/06/1994", "", "mother"],
    ["P3", "Ryan", "Harbour", "M", "15/01/1990", "", "father"],
    ["P4", "Dean", "Foster", "M", "abt 1988", "", "mother's partner"],
    ["P5", "Leo", "Harbour", "M", "03/09/2018", "yes", "brother"],
    ["P6", "Karen", "Harbour", "F", "between 1969-11 and 1970-02", "", "maternal grandmother"],
]


def ids_and_relationships(path: Path) -> None:
    """People with ids; a relationships table "Person / Relationship / Related person"."""
    write_workbook(path, {"People": PEOPLE_WITH_IDS, "Relationships": [
        ["Person", "Relationship", "Related person", "From", "To"],
        ["P2", "mother of", "P1", None, None], ["P3", "father of", "P1", None, None],
        ["P2", "mother of", "P5", None, None], ["P3", "father of", "P5", None, None],
        ["P2", "married", "P3", "01/08/2015", "05/2019"],
        ["P4", "partner", "P2", "03/2020", None], ["P6", "mother of", "P2", None, None]]})


def person_a_person_b_link(path: Path) -> None:
    """A relationships sheet headed "Person A / Person B / Link", names not ids."""
    write_workbook(path, {"People": PEOPLE_WITH_IDS, "Links": [
        ["Person A", "Person B", "Link"],
        ["Jade Harbour", "Mia Harbour", "mother of"], ["Ryan Harbour", "Mia Harbour", "father of"],
        ["Leo Harbour", "Jade Harbour", "son of"], ["Leo Harbour", "Ryan Harbour", "son of"],
        ["Jade Harbour", "Ryan Harbour", "married"], ["Dean Foster", "Jade Harbour", "partners"],
        ["Karen Harbour", "Jade Harbour", "mother of"]]})


def names_only_with_role_column(path: Path) -> None:
    """One sheet, no ids: "Name / Relationship to Mia / D.O.B. / Lives with Mia? /
    Ethnicity"; every link is in the role column."""
    write_workbook(path, {"Family": [
        ["Name", "Relationship to Mia", "D.O.B.", "Lives with Mia?", "Ethnicity"],
        ["Mia Harbour", "Subject child", "14/02/2016", "Yes", "White British"],
        ["Jade Harbour", "Mother", "30/06/1994", "Yes", "White British"],
        ["Ryan Harbour", "Father", "15/01/1990", "No (since May 2019)", None],
        ["Dean Foster", "Mother's partner", "abt 1988", "Yes (from Mar 2020)", None],
        ["Leo Harbour", "Brother", "03/09/2018", "Yes", "White British"],
        ["Karen Harbour", "Maternal grandmother", "abt 1970", "No", None]]})


def cover_and_people(path: Path) -> None:
    """A cover sheet of notes before the people sheet, and a notes sheet after it."""
    write_workbook(path, {"Cover": [["Family composition for the review"], ["Prepared by CSC"]],
                 "People": PEOPLE_WITH_IDS,
                 "Relationships": [["Person", "Relationship", "Related person"],
                                   ["P2", "mother of", "P1"], ["P3", "father of", "P1"],
                                   ["P6", "mother of", "P2"], ["P4", "partner", "P2"],
                                   ["P5", "brother of", "P1"]],
                 "Notes": [["Dean's date of birth is not confirmed"]]})


def households_sheet(path: Path) -> None:
    """An address sheet "Address / Who / From / Until"."""
    write_workbook(path, {"People": PEOPLE_WITH_IDS,
                 "Relationships": [["Person", "Relationship", "Related person"],
                                   ["P2", "mother of", "P1"], ["P3", "father of", "P1"],
                                   ["P2", "mother of", "P5"], ["P3", "father of", "P5"],
                                   ["P6", "mother of", "P2"], ["P4", "partner", "P2"]],
                 "Addresses": [["Address", "Who", "From", "Until"],
                               ["14 Quay Street", "P1", None, None],
                               ["14 Quay Street", "P2", None, None],
                               ["14 Quay Street", "P3", None, "05/2019"],
                               ["14 Quay Street", "P4", "03/2020", None],
                               ["14 Quay Street", "P5", None, None],
                               ["3 Mill Lane", "P6", None, None]]})


def title_block_above_people(path: Path) -> None:
    """Title rows above the people table; relationships written "son of" the other way."""
    write_workbook(path, {"Genogram": [["Genogram information"], ["Case: Harbour"], [],
                              *PEOPLE_WITH_IDS],
                 "Relationships": [["Related to", "Person", "Relationship"],
                                   ["P2", "P1", "daughter of"], ["P3", "P1", "daughter of"],
                                   ["P2", "P5", "son of"], ["P3", "P5", "son of"],
                                   ["P6", "P2", "daughter of"], ["P2", "P4", "partner"]]})


def relationship_words_both_ways(path: Path) -> None:
    """Half-siblings, brothers and grandparents by words, no parent rows for the boy."""
    write_workbook(path, {"People": PEOPLE_WITH_IDS, "Relationships": [
        ["Person", "Relationship", "Related person"],
        ["P2", "mother of", "P1"], ["P3", "father of", "P1"], ["P5", "brother of", "P1"],
        ["P6", "maternal grandmother of", "P1"], ["P4", "partner", "P2"]]})


def one_sheet_csv_like(path: Path) -> None:
    """Everything on one sheet with a role column relative to "the child" (no name)."""
    write_workbook(path, {"Sheet1": [
        ["Full name", "Relationship to child", "Date of birth", "Gender"],
        ["Mia Harbour", "Subject child", "14/02/2016", "Female"],
        ["Jade Harbour", "Mother", "30/06/1994", "Female"],
        ["Ryan Harbour", "Father", "15/01/1990", "Male"],
        ["Dean Foster", "Mother's partner", "1988", "Male"],
        ["Leo Harbour", "Brother", "03/09/2018", "Male"],
        ["Karen Harbour", "Maternal grandmother", "1970", "Female"]]})


FAMILIES: dict[str, Callable[[Path], None]] = {f.__name__.replace("_", "-"): f for f in (
    ids_and_relationships, person_a_person_b_link, names_only_with_role_column,
    cover_and_people, households_sheet, title_block_above_people,
    relationship_words_both_ways, one_sheet_csv_like)}


def make(name: str, folder: Path) -> Path:
    """Write family layout *name* into *folder*; returns the file."""
    path = folder / f"{name}.xlsx"
    FAMILIES[name](path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "families")
    target.mkdir(parents=True, exist_ok=True)
    for family_name in FAMILIES:
        make(family_name, target)
    print(f"{len(FAMILIES)} family layouts in {target}")

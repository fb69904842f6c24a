"""Six small fictional reviews with figures known by hand, for the overview across reviews.

Each review is a case folder: ``case.toml`` (with ``[review]``), ``family.csv`` and one or
two agency CSVs. The figures each must give are written out in ``tests/test_overview.py``
(worked out by hand from the rows below, not by chronogen). With the harbour case
(``tests/data/harbour``, id NS-2021-010) they make the seven reviews the tests read.

``python -m tests.data.reviews.make_reviews [OUT]`` writes them (default: beside this file).
Every name is invented.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

FAMILY_HEADINGS = ["Name", "Role", "Date of birth", "Sex", "Ethnicity", "Subject"]
RETURN_HEADINGS = ["Date", "Contact type", "Child", "Summary", "Child seen?", "Child's views"]

#: folder -> (the [review] lines, family rows, {agency: (file, rows)})
REVIEWS: dict[str, tuple[list[str], list[list[str]], dict[str, tuple[str, list[list[str]]]]]] = {
    "reed": (
        ['id = "NS-2023-001"', 'type = "CSPR"', "incident = 2023-06-01",
         'partnership = "Northshire Safeguarding Children Partnership"',
         'themes = ["neglect", "DV"]'],
        [["Ava Reed", "Child", "01/10/2022", "F", "White British", "Yes (index)"],
         ["Jo Reed", "Mother", "03/04/1995", "F", "White British", "No"],
         ["Sam Reed", "Father", "12/12/1993", "M", "", "No"]],
        {"Health Visiting": ("hv.csv", [
            ["01/11/2022", "Home visit", "Ava", "New birth visit", "Yes", ""],
            ["01/12/2022", "Home visit", "Ava", "Visit; mother tired", "No", ""],
            ["01/01/2023", "Telephone call", "Ava", "Call with mother", "", ""],
            ["01/02/2023", "Strategy meeting", "", "Strategy discussion held", "", ""],
        ])},
    ),
    "cole": (
        ['id = "NS-2023-002"', 'type = "rapid review"', 'incident = "15/09/2023"',
         'themes = ["Neglect", "substance misuse"]'],
        [["Ben Cole", "Child", "01/03/2015", "M", "", "Yes (index)"],
         ["Cara Cole", "Child", "01/01/2010", "F", "", "Yes"],
         ["Di Cole", "Mother", "05/05/1985", "F", "Black British", "No"]],
        {"School": ("school.csv", [
            ["10/01/2023", "Home visit", "Ben, Cara", "Both children at home", "Yes", "Yes"],
            ["10/02/2023", "Home visit", "Ben", "Ben not at home", "No", ""],
            ["10/03/2023", "Was not brought", "Cara", "Dental appointment missed", "", ""],
            ["10/04/2023", "Was not brought", "Cara", "Dental appointment missed again", "",
             ""],
         ]),
         "Police": ("police.csv", [
             ["01/05/2023", "Incident", "", "Call to the home", "Yes - Cara", ""],
         ])},
    ),
    "ellis": (
        ['id = "NS-2024-003"', 'type = "SCR"', "incident = 2024-01-20",
         'themes = ["physical abuse"]'],
        [["Dan Ellis", "Child", "01/06/2007", "M", "", "Yes (index)"],
         ["Eve Ellis", "Mother", "01/01/1980", "F", "", "No"]],
        {"Children's Social Care": ("csc.csv", [
            ["01/06/2023", "Home visit", "Dan", "Visit", "Yes", "Dan said he wanted to stay"],
            ["01/07/2023", "Home visit", "Dan", "Visit", "Yes", ""],
        ])},
    ),
    "gray": (
        ['id = "NS-2024-004"', 'type = "LCSPR"', "incident = 2024-05-05"],
        [["Finn Gray", "Child", "06/05/2019", "M", "Mixed", "Yes (index)"],
         ["Gail Gray", "Mother", "01/02/1990", "F", "Mixed", "No"]],
        {"GP": ("gp.csv", [
            ["01/01/2024", "Appointment", "Finn", "Cough", "", ""],
            ["01/02/2024", "Appointment", "Finn", "Review of cough", "", ""],
        ])},
    ),
    "irwin": (
        ['id = "NS-2024-005"', 'type = "rapid review"', 'themes = ["neglect", "domestic abuse"]'],
        [["Hal Irwin", "Child", "01/01/2020", "M", "Other", "Yes (index)"],
         ["Ida Irwin", "Mother", "01/01/1992", "F", "Other", "No"]],
        {"Health Visiting": ("hv.csv", [
            ["31/12/2023", "Home visit", "Hal", "Visit at home", "Yes", "Yes"],
         ]),
         "St Jude's Drop-in": ("dropin.csv", [
             ["01/12/2023", "Strategy meeting", "", "Drop-in session noted", "", ""],
         ])},
    ),
    "jones": (
        ['id = "NS-2024-006"'],
        [["Ivy Jones", "Child", "", "F", "", "Yes (index)"],
         ["Kim Jones", "Mother", "", "F", "", "No"]],
        {"Children's Social Care": ("csc.csv", [
            ["01/03/2024", "Home visit", "Ivy", "No answer at the door", "No", ""],
        ])},
    ),
}


def write_reviews(out: Path) -> list[Path]:
    """Write every review's folder into *out*; returns the folders."""
    folders = []
    for name, (review, family, agencies) in REVIEWS.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        toml = [f'title = "{name.capitalize()} family (fictional)"', "", "[review]", *review,
                "", "[family]", 'file = "family.csv"', ""]
        _csv(folder / "family.csv", [FAMILY_HEADINGS, *family])
        for agency, (file, rows) in agencies.items():
            toml += ["[[agencies]]", f'name = "{agency}"', f'file = "{file}"', ""]
            _csv(folder / file, [RETURN_HEADINGS, *rows])
        (folder / "case.toml").write_text("\n".join(toml), encoding="utf-8")
        folders.append(folder)
    return folders


def _csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


if __name__ == "__main__":
    write_reviews(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)

"""The written outputs: case.json round trip, the chronology workbook and CSV."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime, time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from chronogen import (
    Case,
    Entry,
    PartialDate,
    SourceRef,
    read_case,
    read_case_json,
    write_csv,
    write_json,
    write_xlsx,
)
from tests.conftest import HARBOUR
from tests.property_examples import examples

NASTY = ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "plain"]


def test_case_json_loads_back_equal(harbour_case: Case, tmp_path: Path) -> None:
    path = write_json(harbour_case, tmp_path / "case.json")
    assert read_case_json(path) == harbour_case


def test_case_json_public_shape(harbour_case: Case, tmp_path: Path) -> None:
    import json

    data = json.loads(write_json(harbour_case, tmp_path / "case.json").read_text("utf-8"))
    entry = next(e for e in data["entries"] if e["id"] == "CSC-16")
    assert entry["date"]["text"] == "2021-02-10"
    assert entry["date"]["earliest"] == entry["date"]["latest"] == "2021-02-10"
    assert entry["source"] == {"file": "csc_chronology.xlsx", "sheet": "Chronology", "row": 16}
    assert entry["children"]["P1"]["seen"] == "yes"
    assert entry["children"]["P3"]["seen"] == "not recorded"
    assert {v["seen"] for e in data["entries"] for v in e["children"].values()} <= {
        "yes", "no", "not recorded", "not applicable"}


def test_chronology_workbook(harbour_case: Case, tmp_path: Path) -> None:
    path = write_xlsx(harbour_case, tmp_path / "chronology.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Chronology", "Key", "Flags", "Flag evidence", "By agency",
                               "By child", "By month", "Family", "Problems", "Rejected rows",
                               "Author's notes", "Sources"]
    sheet = book["Chronology"]
    headings = [c.value for c in sheet[1]]
    assert headings[:7] == ["ID", "Date", "Time", "Agency", "Contact type", "What happened",
                            "Outcome / action"]
    assert "Mia Harbour: seen" in headings and "Ava Clarke: views" in headings
    assert sheet.freeze_panes == "C2"
    assert sheet.max_row == len(harbour_case.entries) + 1
    ids = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert ids == [e.id for e in harbour_case.entries]
    row = {h: sheet.cell(row=ids.index("CSC-16") + 2, column=n + 1)
           for n, h in enumerate(headings)}
    assert row["Mia Harbour: seen"].value == "Yes"
    assert row["Ava Clarke: seen"].value == "Not recorded"
    assert (row["Source file"].value, row["Sheet"].value, row["Row"].value) == (
        "csc_chronology.xlsx", "Chronology", 16)
    # an exact day is a real date cell shown the UK way; a month stays text as recorded
    assert row["Date"].value == datetime(2021, 2, 10)
    assert row["Date"].number_format == "dd/mm/yyyy"
    month = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value
                 == "HOU-2")
    assert sheet.cell(row=month, column=2).value == "Mar 2020"
    timed = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=1).value
                 == "POL-2")
    assert sheet.cell(row=timed, column=3).value == time(23, 15)
    assert sheet.cell(row=timed, column=3).number_format == "hh:mm"
    rejected = book["Rejected rows"]
    assert rejected.max_row == len(harbour_case.rejected) + 1


def test_chronology_sheet_is_a_table_and_prints_as_an_appendix(harbour_case: Case,
                                                               tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_xlsx(harbour_case, tmp_path / "c.xlsx"))
    sheet = book["Chronology"]
    headings = [c.value for c in sheet[1]]
    flags_column = headings.index("Flags") + 1
    (table,) = sheet.tables.values()
    assert table.ref == f"A1:{get_column_letter(len(headings))}{len(harbour_case.entries) + 1}"
    assert table.autoFilter is not None
    # the print view: what a panel reads, landscape, header row repeated on every page
    assert sheet.print_area == f"'Chronology'!$A$1:${get_column_letter(flags_column)}$" \
        f"{len(harbour_case.entries) + 1}"
    assert "Source file" in headings[flags_column:]  # audit columns outside the print area
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.page_setup.fitToWidth or 1) == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.oddHeader.left.text == "OFFICIAL-SENSITIVE"
    assert sheet.oddHeader.center.text == harbour_case.title
    assert sheet.oddFooter.center.text == "Page &P of &N"
    # shading by agency, highlights by conditional format
    fills = {sheet.cell(row=r, column=4).value: sheet.cell(row=r, column=4).fill.fgColor.rgb
             for r in range(2, sheet.max_row + 1)}
    assert len(set(fills.values())) == len(fills) == 6
    rules = [rule for rng in sheet.conditional_formatting for rule in rng.rules]
    assert any(rule.formula == ['"Not recorded"'] for rule in rules)
    assert any(rule.formula == ['"No"'] for rule in rules)
    flagged = [sheet.cell(row=r, column=flags_column).value for r in range(2, sheet.max_row + 1)]
    assert "referral-not-received" in " ".join(v for v in flagged if v)


def test_flags_link_to_their_evidence_rows(harbour_case: Case, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_xlsx(harbour_case, tmp_path / "c.xlsx"))
    chronology = book["Chronology"]
    row_of = {chronology.cell(row=r, column=1).value: r
              for r in range(2, chronology.max_row + 1)}
    evidence = book["Flag evidence"]
    assert evidence.max_row - 1 == sum(len(f.evidence) for f in harbour_case.flags)
    for r in range(2, evidence.max_row + 1):
        entry_id = evidence.cell(row=r, column=3).value
        link = evidence.cell(row=r, column=7).hyperlink
        assert link is not None and link.location == f"'Chronology'!A{row_of[entry_id]}"
    flags = book["Flags"]
    assert flags.max_row - 1 == len(harbour_case.flags)
    assert flags.cell(row=2, column=8).hyperlink is not None


def test_a_flag_with_very_many_entries_lists_the_first_and_says_how_many_more(
        harbour_case: Case, tmp_path: Path) -> None:
    from chronogen.write.xlsx_file import EVIDENCE_SHOWN

    ids = [e.id for e in harbour_case.entries]
    evidence = (ids * (EVIDENCE_SHOWN // len(ids) + 2))[:EVIDENCE_SHOWN + 7]
    big = harbour_case.flags[0].model_copy(update={"evidence": evidence})
    case = harbour_case.model_copy(update={"flags": [big]})
    book = openpyxl.load_workbook(write_xlsx(case, tmp_path / "c.xlsx"))
    sheet = book["Flag evidence"]
    assert sheet.max_row == 1 + EVIDENCE_SHOWN + 1
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[2] == "+7" and "and 7 more entries" in last[5] and big.code.value in last[5]
    assert sheet.cell(row=sheet.max_row, column=7).hyperlink is None
    # the Flags sheet's evidence cell: the first entries and how many more, not thousands
    from chronogen.write.appendix import EVIDENCE_LISTED

    listed = str(book["Flags"].cell(row=2, column=7).value)
    assert listed.startswith(", ".join(evidence[:EVIDENCE_LISTED]) + ", and ")
    assert listed.endswith(f"and {len(evidence) - EVIDENCE_LISTED:,} more (the Flag evidence "
                           "sheet lists them)")


def test_every_summary_and_the_family_have_a_sheet(harbour_case: Case, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_xlsx(harbour_case, tmp_path / "c.xlsx"))
    months = book["By month"]
    assert months.max_row - 1 == len(harbour_case.summaries.months)
    family = [str(c.value) for row in book["Family"].iter_rows() for c in row if c.value]
    for section in ("Partnerships", "Parents", "Households", "Dean Foster",
                    "mother's partner", "Disability or SEND"):
        assert any(section in v for v in family), section
    # a wrapped cell's row is made tall enough for it (LibreOffice does not grow a row)
    sheet = book["Family"]
    header = next(r for r in sheet.iter_rows() if r[0].value == "Name")[0].row
    two_lines = 29.25  # 13.5 points a line and 2 spare, as the other sheets (Excel's 0.75)
    assert sheet.row_dimensions[header].height == two_lines  # "Lived with the index child"
    ava = next(r for r in sheet.iter_rows() if r[0].value == "Ava Clarke")[0].row
    assert sheet.row_dimensions[ava].height == two_lines  # "Mixed White and Black Caribbean"
    assert sheet.row_dimensions[ava + 1].height in (None, 15)
    key = [str(c.value) for row in book["Key"].iter_rows() for c in row if c.value]
    assert "Police" in key and "OFFICIAL-SENSITIVE" in key
    assert ("Days with no agency seeing a subject child before the gap is flagged "
            "(case.toml: unseen_days)") in key
    # the key's long lines too: a setting's meaning ran over the next in LibreOffice
    rows = {str(r[1].value): r[1].row for r in book["Key"].iter_rows(max_col=2)
            if r[1].value is not None}
    share = next(row for text, row in rows.items() if "parental_focus_share" in text)
    assert book["Key"].row_dimensions[share].height == two_lines
    unseen = next(row for text, row in rows.items() if "unseen_days" in text)
    assert book["Key"].row_dimensions[unseen].height in (None, 15)


def test_the_marking_comes_from_case_toml(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(HARBOUR, folder)
    toml = folder / "case.toml"
    toml.write_text('marking = "OFFICIAL"\n' + toml.read_text(encoding="utf-8"),
                    encoding="utf-8")
    case = read_case(folder)
    assert case.marking == "OFFICIAL"
    sheet = openpyxl.load_workbook(write_xlsx(case, tmp_path / "c.xlsx"))["Chronology"]
    assert sheet.oddHeader.left.text == "OFFICIAL"


def _nasty_case() -> Case:
    entries = [Entry(id=f"E{n}", agency="Police", date=PartialDate.parse("01/02/2020"),
                     summary=text, source=SourceRef(file="p.xlsx", sheet="S", row=n + 2))
               for n, text in enumerate(NASTY)]
    return Case(title="t", entries=entries)


def test_formulas_are_never_written_to_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(_nasty_case(), tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(path)["Chronology"]
    column = [c.value for c in sheet[1]].index("What happened") + 1
    cells = [sheet.cell(row=r, column=column) for r in range(2, 2 + len(NASTY))]
    assert [c.value for c in cells] == NASTY  # the text itself is kept
    assert all(c.data_type == "s" for c in cells)  # ... as text, not formulas


@pytest.mark.parametrize("index", range(len(NASTY)))
def test_formulas_are_neutralised_in_csv(tmp_path: Path, index: int) -> None:
    path = write_csv(_nasty_case(), tmp_path / "c.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    value = rows[index]["Summary"]
    if NASTY[index] == "plain":
        assert value == "plain"
    else:
        assert value == "'" + NASTY[index]


def test_text_longer_than_an_excel_cell_is_cut_with_a_note(tmp_path: Path) -> None:
    long = "x" * 40000
    case = Case(title="t", entries=[Entry(id="E1", agency="P", summary=long,
                                          date=PartialDate.parse("01/01/2020"),
                                          source=SourceRef(file="p.xlsx", row=2))])
    sheet = openpyxl.load_workbook(write_xlsx(case, tmp_path / "c.xlsx"))["Chronology"]
    column = [c.value for c in sheet[1]].index("What happened") + 1
    value = sheet.cell(row=2, column=column).value
    assert len(value) <= 32767 and value.endswith("the whole text is in case.json]")


def test_control_characters_do_not_break_the_workbook(tmp_path: Path) -> None:
    case = Case(title="t", entries=[Entry(id="E1", agency="P", summary="bad\x00\x01bytes\ttab",
                                          date=PartialDate.parse("01/01/2020"),
                                          source=SourceRef(file="p.csv", row=2))])
    sheet = openpyxl.load_workbook(write_xlsx(case, tmp_path / "c.xlsx"))["Chronology"]
    column = [c.value for c in sheet[1]].index("What happened") + 1
    assert sheet.cell(row=2, column=column).value == "bad\ufffd\ufffdbytes\ttab"


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.slow
@given(st.text(max_size=200))
@example("=HYPERLINK(\"x\")")
@example("line\r\nbreak")
@example("nul\x00 and \ufffe\uffff")
@example("\t@tab first")
@settings(max_examples=examples(60), deadline=None)
def test_any_text_survives_the_workbook_and_csv(text: str) -> None:
    import csv
    import re
    import tempfile

    case = Case(title="t", entries=[Entry(id="E1", agency="P", summary=text,
                                          date=PartialDate.parse("01/01/2020"),
                                          source=SourceRef(file="p.csv", row=2))])
    # what a spreadsheet can hold: control characters (never valid in a workbook) replaced
    stored = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    with tempfile.TemporaryDirectory() as folder:
        sheet = openpyxl.load_workbook(write_xlsx(case, Path(folder) / "c.xlsx"))["Chronology"]
        assert sheet.max_row == 2
        column = [c.value for c in sheet[1]].index("What happened") + 1
        read_back = sheet.cell(row=2, column=column).value or ""
        # XML reads every line end back as \n: a line break either way
        assert _lines(read_back) == _lines(stored)
        write_csv(case, Path(folder) / "c.csv")
        with (Path(folder) / "c.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        summary = rows[1][rows[0].index("Summary")]
        expected = "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
        assert summary == expected


def test_flags_csv_has_each_flag_with_its_evidence(harbour_case: Case, tmp_path: Path) -> None:
    from chronogen.write.csv_file import write_flags_csv

    path = write_flags_csv(harbour_case, tmp_path / "flags.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(harbour_case.flags)
    for row, flag in zip(rows, harbour_case.flags, strict=True):
        assert row["Flag"] == flag.code.value and row["Message"] == flag.message
        assert row["Evidence"].split("; ") == (flag.evidence or [""])
    referral = next(r for r in rows if r["Flag"] == "referral-not-received")
    assert "police_incidents.xlsx" in referral["Evidence sources"]


def test_csv_headings_are_neutralised_too(tmp_path: Path) -> None:
    from chronogen import Family, Person

    family = Family(people=[Person(id="C1", first_name="=HYPERLINK(\"x\")", subject=True,
                                   index=True)])
    case = Case(title="t", family=family, entries=[Entry(
        id="E1", agency="P", date=PartialDate.parse("01/01/2020"),
        source=SourceRef(file="p.csv", row=2))])
    with write_csv(case, tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as handle:
        headings = next(csv.reader(handle))
    assert all(not h.startswith(("=", "+", "-", "@")) for h in headings)
    assert "'=HYPERLINK(\"x\"): seen" in headings


def test_case_json_written_an_entry_at_a_time_is_the_case_as_one_text(harbour_case: Case,
                                                                       tmp_path: Path) -> None:
    from chronogen.write.json_file import case_to_json, read_case_json, write_json

    written = write_json(harbour_case, tmp_path / "case.json")
    assert written.read_text(encoding="utf-8") == case_to_json(harbour_case)
    assert read_case_json(written) == harbour_case
    empty = harbour_case.model_copy(update={"entries": []})
    assert write_json(empty, tmp_path / "e.json").read_text(encoding="utf-8") == \
        case_to_json(empty)


def test_one_is_one_in_every_document(tmp_path: Path) -> None:
    """One entry, one agency, one row rejected, one entry with no exact date: no plural for
    one in the report, the Word appendix, the workbook or the flag's words."""
    import docx
    import openpyxl

    from chronogen import read_case
    from chronogen.write.docx_file import write_docx
    from chronogen.write.html_file import render_report
    from chronogen.write.xlsx_file import write_xlsx
    from tests.conftest import one_agency_case

    case = read_case(one_agency_case(
        tmp_path / "case", "GP", "Date,Contact type,Child,Summary\nMarch 2020,Clinic,Mia,Seen\n"
        "31/02/2020,Clinic,Mia,Seen\n", file_name="gp.csv"))
    html = " ".join(render_report(case).split())
    assert "1 entry from 1 agency;" in html and "; 1 row rejected." in html
    paragraphs = [p.text for p in docx.Document(str(write_docx(case, tmp_path / "c.docx"))
                                                ).paragraphs]
    assert any(p.startswith("1 row could not be used:") for p in paragraphs)
    key = [str(c.value) for row in openpyxl.load_workbook(
        write_xlsx(case, tmp_path / "c.xlsx"))["Key"].iter_rows() for c in row if c.value]
    assert "1 entry" in key
    (vague,) = [f for f in case.flags if f.code == "date-uncertain"]
    assert vague.message.startswith("1 entry has no exact date:")

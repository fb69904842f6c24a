"""The written outputs: case.json round trip, the chronology workbook and CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chronogen import (
    Case,
    Entry,
    PartialDate,
    SourceRef,
    read_case_json,
    write_csv,
    write_json,
    write_xlsx,
)

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
    assert book.sheetnames == ["Chronology", "Flags", "By agency", "By child", "Rejected rows",
                               "Problems", "Sources"]
    sheet = book["Chronology"]
    headings = [c.value for c in sheet[1]]
    assert headings[:4] == ["ID", "Date", "Time", "Agency"]
    assert "Mia Harbour: seen" in headings and "Ava Clarke: views" in headings
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.max_row == len(harbour_case.entries) + 1
    ids = [sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)]
    assert ids == [e.id for e in harbour_case.entries]
    row = {h: sheet.cell(row=ids.index("CSC-16") + 2, column=n + 1).value
           for n, h in enumerate(headings)}
    assert row["Mia Harbour: seen"] == "Yes" and row["Ava Clarke: seen"] == "Not recorded"
    assert (row["Source file"], row["Sheet"], row["Row"]) == (
        "csc_chronology.xlsx", "Chronology", 16)
    rejected = book["Rejected rows"]
    assert rejected.max_row == len(harbour_case.rejected) + 1


def _nasty_case() -> Case:
    entries = [Entry(id=f"E{n}", agency="Police", date=PartialDate.parse("01/02/2020"),
                     summary=text, source=SourceRef(file="p.xlsx", sheet="S", row=n + 2))
               for n, text in enumerate(NASTY)]
    return Case(title="t", entries=entries)


def test_formulas_are_never_written_to_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(_nasty_case(), tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(path)["Chronology"]
    column = [c.value for c in sheet[1]].index("Summary") + 1
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
    column = [c.value for c in sheet[1]].index("Summary") + 1
    value = sheet.cell(row=2, column=column).value
    assert len(value) <= 32767 and value.endswith("the whole text is in case.json]")


def test_control_characters_do_not_break_the_workbook(tmp_path: Path) -> None:
    case = Case(title="t", entries=[Entry(id="E1", agency="P", summary="bad\x00\x01bytes\ttab",
                                          date=PartialDate.parse("01/01/2020"),
                                          source=SourceRef(file="p.csv", row=2))])
    sheet = openpyxl.load_workbook(write_xlsx(case, tmp_path / "c.xlsx"))["Chronology"]
    column = [c.value for c in sheet[1]].index("Summary") + 1
    assert sheet.cell(row=2, column=column).value == "bad\ufffd\ufffdbytes\ttab"


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.slow
@given(st.text(max_size=200))
@example("=HYPERLINK(\"x\")")
@example("line\r\nbreak")
@example("nul\x00 and \ufffe\uffff")
@example("\t@tab first")
@settings(max_examples=60, deadline=None)
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
        column = [c.value for c in sheet[1]].index("Summary") + 1
        read_back = sheet.cell(row=2, column=column).value or ""
        # XML reads every line end back as \n: a line break either way
        assert _lines(read_back) == _lines(stored)
        write_csv(case, Path(folder) / "c.csv")
        with (Path(folder) / "c.csv").open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        summary = rows[1][rows[0].index("Summary")]
        expected = "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text
        assert summary == expected

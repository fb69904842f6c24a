"""`chronogen template` and `chronogen convert`: the standard template round trip."""

from __future__ import annotations

import csv
import json
from datetime import date, time
from pathlib import Path

import openpyxl
import pytest

from chronogen import read_agency_file, read_family_file
from chronogen.convert import convert_file, format_report
from chronogen.model.chronology import ContactKind, SourceReports
from chronogen.read.returns.columns import headings_read
from chronogen.read.returns.rows import NOTE_MARKS
from chronogen.write.cell_text import row_points
from chronogen.write.template import TEMPLATE_COLUMNS, YES_NO, write_template
from tests.command_line import run_here
from tests.conftest import HARBOUR


def test_blank_template_has_guidance_dropdowns_formats_and_a_frozen_header(
        tmp_path: Path) -> None:
    path = write_template(tmp_path / "t.xlsx", agency="Police")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Chronology", "Guidance"]
    sheet = book["Chronology"]
    assert [c.value for c in sheet[1]] == [c.heading for c in TEMPLATE_COLUMNS]
    assert sheet.freeze_panes == "A2"
    assert sheet["A2"].number_format == "DD/MM/YYYY" and sheet["B2"].number_format == "HH:MM"
    validations = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert set(validations) == {"C2:C2000", "G2:G2000", "H2:H2000", "I2:I2000"}
    assert all(v.type == "list" and v.showDropDown is not True for v in validations.values())
    assert "Police" in book["Guidance"]["A1"].value
    guide = [book["Guidance"].cell(row=r, column=1).value for r in range(5, 5 + 13)]
    assert guide == [c.heading for c in TEMPLATE_COLUMNS]


def test_a_filled_template_imports_with_zero_problems(tmp_path: Path) -> None:
    family = read_family_file(HARBOUR / "family.xlsx").family
    kinds = [k.value for k in ContactKind]
    rows = []
    for n, kind in enumerate(kinds):
        # seen is face to face: no one is seen on a telephone call
        seen = "No" if kind == ContactKind.TELEPHONE.value else YES_NO[n % 4]
        rows.append([date(2020, 1, 1 + n), time(9, n), kind, ["Mia", "Leo, Ava", None][n % 3],
                     f"summary {n}", "outcome", seen, YES_NO[(n + 1) % 4],
                     YES_NO[(n + 2) % 4], "Social worker", "CSC" if n % 5 == 0 else None,
                     f"REF-{n}", None])
    path = write_template(tmp_path / "filled.xlsx", agency="CSC", rows=rows)
    result = read_agency_file(path, agency="Children's Social Care", code="CSC", family=family)
    assert result.problems == []
    assert result.report.entries == len(kinds)
    assert [e.kind.value for e in result.entries] == kinds
    assert result.entries[1].people == ["P2", "P3"]


def test_convert_then_import_gives_the_same_entries(tmp_path: Path) -> None:
    family = read_family_file(HARBOUR / "family.xlsx").family
    for name, agency in [("health_visiting.xlsx", "Health Visiting"),
                         ("csc_chronology.xlsx", "Children's Social Care"),
                         ("police_incidents.xlsx", "Police"), ("gp_consultations.csv", "GP"),
                         ("school_chronology.xlsx", "School"), ("housing.xlsx", "Housing")]:
        original = read_agency_file(HARBOUR / name, agency=agency, code="X", family=family)
        for suffix in (".xlsx", ".csv"):
            out = tmp_path / f"{Path(name).stem}{suffix}"
            convert_file(HARBOUR / name, out, agency=agency, family=family)
            again = read_agency_file(out, agency=agency, code="X", family=family)
            assert len(again.entries) == len(original.entries), (name, suffix)
            assert again.rejected == []
            for a, b in zip(original.entries, again.entries, strict=True):
                where = (name, suffix, a.source.row)
                assert (a.date.earliest, a.date.latest, a.date.precision) == (
                    b.date.earliest, b.date.latest, b.date.precision), where
                assert a.time == b.time, where
                assert a.kind == b.kind, where
                # the agency's own words for it too ("Domestic incident", not "incident")
                assert a.kind_text == b.kind_text or (a.kind_text is None and
                                                      b.kind_text == a.kind.value), where
                assert a.children == b.children, where
                assert (a.summary, a.referral_to, a.people) == (
                    b.summary, b.referral_to, b.people), where


def test_a_second_column_of_a_field_and_a_childs_own_columns_are_carried_over(
        tmp_path: Path) -> None:
    """The template's seen column took the last column of the field ("Child seen?: No")
    while the reader read the first ("Seen: Yes"), and the first's cells were written
    nowhere; a child's own columns must be carried over too, never folded into the
    template's column for every child. Nothing is lost, and the template reads back the
    same."""
    family = read_family_file(HARBOUR / "family.xlsx").family
    source = tmp_path / "school.csv"
    source.write_text(
        "Date,Summary,Seen,Child seen?,Child views,Mia seen?,Leo seen?\n"
        '02/03/2020,Visit,Yes,No,Said hello,"Yes, alone in her room",No\n', encoding="utf-8")
    out = tmp_path / "template.csv"
    conversion = convert_file(source, out, agency="School", family=family)
    written = out.read_text(encoding="utf-8-sig").splitlines()
    assert written[0].split(",")[-3:] == ["Child seen? (2)", "Mia seen?", "Leo seen?"]
    row = dict(zip(written[0].split(","), next(csv.reader(written[1:])), strict=True))
    assert (row["Child seen?"], row["Child's views"], row["Child seen? (2)"]) == (
        "Yes", "Said hello", "No")
    assert (row["Mia seen?"], row["Leo seen?"]) == ("Yes, alone in her room", "No")
    assert conversion.carried == ["Child seen?", "Mia seen?", "Leo seen?"]
    original = read_agency_file(source, agency="School", code="X", family=family)
    again = read_agency_file(out, agency="School", code="X", family=family)
    assert [e.children for e in again.entries] == [e.children for e in original.entries]
    assert original.entries[0].children["P1"].seen_alone.value == "yes"


def _layout_files(tmp_path: Path) -> list[Path]:
    from tests.data.layouts.make_layouts import LAYOUTS, make

    folder = tmp_path / "layouts"
    folder.mkdir()
    return [make(name, folder) for name in sorted(LAYOUTS)] + [
        HARBOUR / name for name in ("health_visiting.xlsx", "csc_chronology.xlsx",
                                    "police_incidents.xlsx", "gp_consultations.csv",
                                    "school_chronology.xlsx", "housing.xlsx")]


def test_no_cell_of_any_layout_is_lost_in_a_conversion(tmp_path: Path) -> None:
    """Every cell of every entry is in the template: in the column the template has for the
    field it was read as, or carried over under its own heading with its value as it was
    (a field the template has no column for, "End date", was dropped with its cells); and
    every author's note, as a row of its own that reads back as the note (notes were
    dropped)."""
    family = read_family_file(HARBOUR / "family.xlsx").family
    for source in _layout_files(tmp_path):
        out = tmp_path / f"{source.stem}-template.csv"
        conversion = convert_file(source, out, agency="Agency", family=family)
        with out.open(encoding="utf-8-sig", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        carried = dict(zip(conversion.carried, header[len(TEMPLATE_COLUMNS):], strict=True))
        # each entry's own table's columns (a sheet may hold several tables)
        tables = SourceReports(conversion.result.reports or [conversion.result.report])
        fields = {c.field for c in TEMPLATE_COLUMNS}
        notes = [row for row in rows if row[0].startswith(NOTE_MARKS)]
        assert [row[0] for row in notes] == [n.text for n in conversion.result.notes]
        again = read_agency_file(out, agency="Agency", code="X", family=family)
        assert [n.text for n in again.notes] == [n.text for n in conversion.result.notes]
        rows = [row for row in rows if not row[0].startswith(NOTE_MARKS)]
        for entry, row in zip(conversion.result.entries, rows, strict=True):
            report = tables.get(entry.source)
            assert report is not None
            written = {h for name, h in headings_read(report.columns).items() if name in fields}
            for heading, value in entry.raw.items():
                where = (source.name, entry.source.row, heading)
                if heading in written:
                    continue
                assert heading in carried, where
                cell = row[header.index(carried[heading])]
                assert cell.removeprefix("'") == str(value).strip() or cell == str(value), where


def test_the_date_read_is_written_and_the_date_recorded_carried_over(tmp_path: Path) -> None:
    """A "Date recorded" column before the "Date of contact" gives way to it in the reader;
    the conversion took the first date column for the one read, carried the contact's date
    over as "not read" and wrote the recording date nowhere."""
    source = tmp_path / "police.csv"
    source.write_text("Date recorded,Date of contact,Summary\n05/03/2020,02/03/2020,Visit\n",
                      encoding="utf-8")
    out = tmp_path / "template.csv"
    conversion = convert_file(source, out, agency="Police")
    header, row = out.read_text(encoding="utf-8-sig").splitlines()
    assert header.endswith(",Date recorded") and row.startswith("02/03/2020,")
    assert row.endswith(",05/03/2020") and conversion.carried == ["Date recorded"]
    assert "'Date recorded' -> (a second date column, not read" in format_report(
        conversion, out)


def test_convert_cli_prints_the_report_and_json(tmp_path: Path) -> None:
    out = tmp_path / "hv.xlsx"
    done = run_here("convert", str(HARBOUR / "health_visiting.xlsx"), "--agency",
                    "Health Visiting", "-o", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["columns"]["Voice of the child"] == "views"
    assert report["counts"] == {"rows_read": 10, "entries": 8, "rejected": 1, "blank": 0,
                                "title": 0, "headers": 1, "notes": 0, "joined": 0}
    assert report["layout"] == "headings" and report["confidence"] == "high"
    assert report["problems"][0]["row"] == 10
    text = run_here("convert", str(HARBOUR / "health_visiting.xlsx"), "--agency", "HV", "-o",
                    str(tmp_path / "x.csv"), "--strict")
    assert text.returncode == 1
    assert "row 10: invalid-date" in text.stdout
    assert "chronogen convert: --strict: the input has 1 error (rows rejected)" in text.stderr


@pytest.mark.parametrize("output", ["x.txt", "x.docx"])
def test_convert_rejects_unknown_output_types(tmp_path: Path, output: str) -> None:
    done = run_here("convert", str(HARBOUR / "housing.xlsx"), "--agency", "Housing", "-o",
                    str(tmp_path / output))
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_what_is_read_since_survives_a_conversion(tmp_path: Path) -> None:
    """A return using the forms read since (each child's own answer, "not alone", views in
    words, periods as phrases, a missed appointment in the outcome, a remark after a name)
    converted to the template reads back to the same entries ("Yes but not alone" was
    written "Yes", and the seen-alone answer lost)."""
    import csv

    family = read_family_file(HARBOUR / "family.xlsx").family
    source = tmp_path / "nursery.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([
            ["Date", "Contact type", "Child", "Summary", "Outcome", "Child seen?",
             "Child's views"],
            ["w/c 09/03/2020", "School visit", "Mia, Leo", "Checked in", "",
             "Mia seen; Leo not seen", "Mia said she was tired, Leo - no views"],
            ["13/03/2020 3pm", "Home visit", "Mia (8)", "Visit", "", "Yes but not alone",
             "Too young"],
            ["early March 2020", "Clinic appointment", "Leo", "Immunisation", "DNA", "No",
             "Asleep"]])
    original = read_agency_file(source, agency="Nursery", code="X", family=family)
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"converted{suffix}"
        convert_file(source, out, agency="Nursery", family=family)
        again = read_agency_file(out, agency="Nursery", code="X", family=family)
        assert [(e.date.earliest, e.date.latest, e.time, e.kind, e.children, e.people)
                for e in again.entries] == [
            (e.date.earliest, e.date.latest, e.time, e.kind, e.children, e.people)
            for e in original.entries], suffix
    alone = {e.source.row: e.children for e in original.entries}[3]
    assert {r.seen_alone.value for r in alone.values()} == {"no"}


def test_convert_joins_a_record_split_over_rows_when_asked(tmp_path: Path) -> None:
    """``--join-continued-rows``: the rest of a record's text, on undated rows under it, is
    joined into its one template row, counted and said; columns still found by headings."""
    source = tmp_path / "probation.csv"
    source.write_text("Date,Contact type,Summary,Outcome,Officer\n"
                      "02/03/2020,Office visit,Ryan attended supervision. Disclosed he has,,PO\n"
                      ",,been staying at the family home.,,\n"
                      ",,,Recall considered.,\n", encoding="utf-8")
    out = tmp_path / "probation.json"
    done = run_here("convert", str(source), "--agency", "Probation", "--join-continued-rows",
                    "-o", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["counts"]["entries"] == 1 and report["counts"]["joined"] == 2
    assert report["layout"] == "headings"
    (entry,) = json.loads(out.read_text(encoding="utf-8"))["entries"]
    assert entry["summary"] == ("Ryan attended supervision. Disclosed he has\n"
                                "been staying at the family home.")
    assert entry["outcome"] == "Recall considered."
    plain = run_here("convert", str(source), "--agency", "Probation", "-o",
                     str(tmp_path / "p.json"), "--json")
    assert json.loads(plain.stdout)["counts"]["rejected"] == 2


def test_a_heading_on_two_lines_gets_a_row_as_tall(tmp_path: Path) -> None:
    """A carried heading that wraps ("Source of Information" in a column 18 wide) ran into
    the first row: spreadsheets do not grow a row for wrapped text on opening."""
    source = tmp_path / "csc.csv"
    source.write_text("Date,Summary,Source of Information for this record\n"
                      "02/03/2020,Visit,HV1 diary\n", encoding="utf-8")
    convert_file(source, tmp_path / "t.xlsx", agency="CSC")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Chronology"]
    assert sheet.row_dimensions[1].height is not None and \
        sheet.row_dimensions[1].height >= row_points(2)
    write_template(tmp_path / "blank.xlsx")  # "Child seen alone?" wraps in its 12 too
    blank = openpyxl.load_workbook(tmp_path / "blank.xlsx")["Chronology"]
    assert blank.row_dimensions[1].height == row_points(2)  # two lines of Arial 10


def test_how_the_agencys_sheet_marked_a_row_is_carried(tmp_path: Path) -> None:
    """A row struck through, hidden or highlighted in the agency's sheet was converted as a
    plain row: the mark was lost (the template shows every row alike)."""
    from openpyxl.styles import Font, PatternFill

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Contact type", "Summary"])
    for day in range(1, 10):
        sheet.append([f"{day:02d}/03/2020", "Home visit", f"Visit {day}"])
    for cell in sheet[3]:
        cell.font = Font(strike=True)
    for cell in sheet[5]:
        cell.fill = PatternFill(fill_type="solid", fgColor="FFFF00")
    sheet.row_dimensions[7].hidden = True
    book.save(tmp_path / "csc.xlsx")
    out = tmp_path / "template.xlsx"
    conversion = convert_file(tmp_path / "csc.xlsx", out, agency="CSC")
    column = conversion.headings.index("Marked in the agency's sheet")
    # in the words of the chronology workbook's column of the same name
    assert [row[column] for row in conversion.rows] == [
        None, "Struck through", None, "Highlighted: yellow", None, "Hidden row", None, None,
        None]
    assert "\"Marked in the agency's sheet\" -> (how the agency's sheet marked the row" in \
        format_report(conversion, out)
    again = read_agency_file(out, agency="CSC", code="CSC")
    assert again.entries[1].raw["Marked in the agency's sheet"].startswith("Struck through")
    # a return marking nothing gets no such column
    assert "Marked in the agency's sheet" not in template_headings_of_plain(tmp_path)


def template_headings_of_plain(tmp_path: Path) -> list[str]:
    """The headings a conversion of a return marking nothing writes."""
    book = openpyxl.Workbook()
    book.active.append(["Date", "Summary"])
    book.active.append(["01/03/2020", "Visit"])
    book.save(tmp_path / "plain.xlsx")
    return convert_file(tmp_path / "plain.xlsx", tmp_path / "plain-template.xlsx",
                        agency="CSC").headings

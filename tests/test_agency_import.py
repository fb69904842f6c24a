"""Agency import on small hand-made sheets: each awkward shape real returns have."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest

from chronogen import (
    ColumnMapping,
    Family,
    InputError,
    Person,
    ProblemCode,
    Recorded,
    read_agency_file,
)
from chronogen.read.table import _read_with_calamine, _read_with_openpyxl, read_sheets
from tests.conftest import HARBOUR, assert_valid_entries, assert_valid_problems
from tests.data.workbooks import write_workbook

FAMILY = Family(people=[
    Person(id="C1", first_name="Mia", surname="Harbour", subject=True),
    Person(id="C2", first_name="Leo", surname="Harbour", subject=True),
    Person(id="A1", first_name="Jade", surname="Harbour"),
    Person(id="A2", first_name="Dean", surname="Foster", aliases=["Deano"]),
])


def read(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return read_agency_file(path, agency="Police", code="POL", family=FAMILY, **kwargs)  # type: ignore[arg-type]


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.code.value for p in result.problems]


def test_title_rows_blank_rows_footer_and_repeated_header(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"Chronology": [
        ["Police chronology"], [], ["Date", "Summary", "Child seen"],
        ["01/02/2020", "first", "Y"], [], ["Date", "Summary", "Child seen"],
        ["02/02/2020", "second", "N"], ["Prepared by: DS Smith on 03/05/2021"],
    ]})
    result = read(path)
    report = result.report
    assert (report.header_row, report.rows_read, report.entries, report.rejected, report.blank,
            report.title, report.headers) == (3, 8, 2, 1, 2, 1, 2)
    assert report.balanced
    assert "repeated-header" in codes(result)
    assert result.rejected[0].source.row == 8
    assert result.rejected[0].code is ProblemCode.MISSING_DATE


def test_a_repeated_header_is_known_in_any_case_and_punctuation(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Date of contact,Summary\n01/02/2020,first\nDATE-OF-CONTACT,SUMMARY:\n"
                    "date of contact 2,x\n02/02/2020,second\n", encoding="utf-8")
    result = read(path)
    assert (result.report.headers, result.report.entries, result.report.rejected) == (2, 2, 1)
    assert [p.row for p in result.problems if p.code is ProblemCode.REPEATED_HEADER] == [3]


def test_the_chronology_sheet_is_found_even_when_not_first(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {
        "Summary": [["Pupil", "Attendance %"], ["Mia Harbour", 86]],
        "Log": [["When", "What happened", "Officer"], ["March 2020", "x", "PC 1"]],
    })
    result = read(path)
    assert result.report.sheet == "Log"
    assert result.entries[0].date.precision.value == "month"
    (skipped,) = [p for p in result.problems if p.code is ProblemCode.SHEET_NOT_READ]
    assert (skipped.sheet, skipped.severity.value) == ("Summary", "info")


def test_every_chronology_sheet_of_a_workbook_is_read(tmp_path: Path) -> None:
    head: list[object] = ["Date", "Summary", "Officer"]
    path = write_workbook(tmp_path / "a.xlsx", {
        "Notes": [["Prepared for the review"]],
        "2019": [head, ["01/01/2019", "a", "PC 1"], ["bad date", "b", "PC 1"]],
        "2020": [["Police 2020"], head, ["02/02/2020", "c", "PC 2"]],
    })
    result = read(path)
    assert [e.summary for e in result.entries] == ["a", "c"]
    assert len({e.id for e in result.entries}) == 2
    assert [(r.sheet, r.rows_read, r.entries, r.rejected) for r in result.reports] == [
        ("2019", 3, 1, 1), ("2020", 3, 1, 0)]
    assert all(r.balanced for r in result.reports)
    messages = [p.message for p in result.problems if p.code is ProblemCode.SHEET_NOT_READ]
    assert any("all were read: '2019', '2020'" in m for m in messages)
    assert any("'Notes'" in m for m in messages)
    named = read(path, sheet="2020")
    assert [e.summary for e in named.entries] == ["c"]
    (warning,) = [p for p in named.problems if p.code is ProblemCode.SHEET_NOT_READ
                  and p.severity.value == "warning"]
    assert warning.sheet == "2019"


def test_a_named_sheet_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"Log": [["Date", "Summary"], ["01/01/2020", "x"]]})
    with pytest.raises(InputError, match=r"no sheet named 'Nope'.*'Log'"):
        read(path, sheet="Nope")


def test_no_header_rejects_every_row_with_a_reason(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["a", "b"], ["c", "d"], [], ["e"]]})
    result = read(path)
    assert result.report.rejected == 3 and result.report.blank == 1
    assert all(r.code is ProblemCode.NO_HEADER for r in result.rejected)
    assert result.report.balanced


def test_excel_error_cells_are_reported_and_blank(tmp_path: Path) -> None:
    path = tmp_path / "e.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Summary", "Outcome"])
    sheet.append(["01/02/2020", "fine", "x"])
    cell = sheet.cell(row=2, column=3)
    cell.value = "#REF!"
    cell.data_type = "e"
    book.save(path)
    result = read(path)
    assert result.entries[0].outcome is None
    problem = next(p for p in result.problems if p.code is ProblemCode.CELL_ERROR)
    assert (problem.row, problem.column, problem.value) == (2, "Outcome", "#REF!")



_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.mark.parametrize(("error_cell", "formula_cell"), [
    # another writer's quotes, spaces and prefixes throughout
    ("<c r='C2' t = 'e'><v>#REF!</v></c>",
     f'<x:c xmlns:x="{_MAIN}" r="C3"><x:f>1+1</x:f></x:c>'),
    # plainly written cells with one part written otherwise: the type in single quotes, the
    # formula prefixed inside an unprefixed cell (calamine reads both as blank)
    ("""<c r="C2" t='e'><v>#REF!</v></c>""",
     f'<c r="C3"><x:f xmlns:x="{_MAIN}">1+1</x:f></c>'),
])
def test_error_cells_and_formulas_without_values_are_reported_however_written(
        tmp_path: Path, error_cell: str, formula_cell: str) -> None:
    """calamine reads an error cell as blank, and a formula saved with no value too, in any
    writing of the XML: single quotes, a namespace prefix, spaces round ``=``."""
    import zipfile

    path = tmp_path / "e.xlsx"
    write_workbook(path, {"S": [["Date", "Summary", "Outcome"], ["01/02/2020", "fine", "x"],
                                ["02/02/2020", "also", "y"]]})
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    xml = parts[sheet].decode()
    # the two Outcome cells, as other writers might write them
    start = xml.index('<c r="C2"')
    xml = xml[:start] + error_cell + xml[xml.index("</c>", start) + 4:]
    start = xml.index('<c r="C3"')
    xml = xml[:start] + formula_cell + xml[xml.index("</c>", start) + 4:]
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    result = read(path)
    assert [e.outcome for e in result.entries] == [None, None]
    found = {(p.code, p.row, p.column) for p in result.problems}
    assert (ProblemCode.CELL_ERROR, 2, "Outcome") in found
    assert (ProblemCode.FORMULA_WITHOUT_VALUE, 3, "Outcome") in found


def test_dates_from_date_cells_serials_and_the_1904_system(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Date", "Summary"], [datetime(2020, 3, 14, 10, 30), "cell"],
                                [43903, "serial"], ["2021", "year"], [2019, "year number"]]
    for epoch1904, serial_day in ((False, date(2020, 3, 13)), (True, date(2024, 3, 14))):
        path = write_workbook(tmp_path / f"d{epoch1904}.xlsx", {"S": rows}, epoch1904=epoch1904)
        entries = {e.summary: e for e in read(path).entries}
        assert entries["cell"].date.earliest == date(2020, 3, 14)
        assert entries["cell"].time == time(10, 30)
        assert entries["serial"].date.earliest == serial_day
        assert entries["year"].date.precision.value == "year"
        assert entries["year number"].date.earliest == date(2019, 1, 1)


def test_combined_date_time_column_is_split(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Incident Date/Time", "Circumstances"],
                                                ["13/03/2020 23:15", "x"]]})
    entry = read(path).entries[0]
    assert (entry.date.earliest, entry.time) == (date(2020, 3, 13), time(23, 15))


def test_a_ditto_mark_in_a_date_cell_is_the_date_above(tmp_path: Path) -> None:
    """'"', "Ditto", "As above", "Same day" under a dated row: that row's date (not its
    time), the words kept as the date's text, noted; each was a rejected row. With no dated
    row above, still rejected."""
    path = write_workbook(tmp_path / "a.xlsx", {"S": [
        ["Date", "Time", "Summary"], ['"', None, "nothing above"],
        ["13/03/2020", "10:00", "a"], ['"', None, "b"], ["Ditto", "15:00", "c"],
        ["as above", None, "d"], ["March 2020", None, "e"], ["Same day", None, "f"]]})
    result = read(path)
    assert [(e.source.row, e.date.earliest, e.date.latest, e.date.text, e.time)
            for e in result.entries] == [
        (3, date(2020, 3, 13), date(2020, 3, 13), "13/03/2020", time(10)),
        (4, date(2020, 3, 13), date(2020, 3, 13), '"', None),
        (5, date(2020, 3, 13), date(2020, 3, 13), "Ditto", time(15)),
        (6, date(2020, 3, 13), date(2020, 3, 13), "as above", None),
        (7, date(2020, 3, 1), date(2020, 3, 31), "March 2020", None),
        (8, date(2020, 3, 1), date(2020, 3, 31), "Same day", None)]
    assert [r.source.row for r in result.rejected] == [2]
    notes = [p.row for p in result.problems if "read as the date above" in p.message]
    assert notes == [4, 5, 6, 8]
    assert result.report.balanced


def test_a_time_cell_saying_no_time_or_a_part_of_the_day(tmp_path: Path) -> None:
    """"N/K" and "-" in a time column say no time is known, as a blank does (each was an
    invalid-time warning); "AM", "Evening" are a part of the day, not a time: said, as
    information (each was a warning); other words are still warnings."""
    path = write_workbook(tmp_path / "a.xlsx", {"S": [
        ["Date", "Time", "Summary"], ["13/03/2020", "N/K", "a"], ["13/03/2020", "-", "b"],
        ["13/03/2020", "AM", "c"], ["13/03/2020", "Evening", "d"],
        ["13/03/2020", "whenever", "e"], ["13/03/2020", "p.m.", "f"]]})
    result = read(path)
    assert [e.time for e in result.entries] == [None] * 6
    times = [(p.row, p.severity.value) for p in result.problems if p.code.value == "invalid-time"]
    assert times == [(4, "info"), (5, "info"), (6, "warning"), (7, "info")]
    assert result.entries[2].raw["Time"] == "AM"  # the words kept


def test_midnight_in_every_date_cell_is_no_time(tmp_path: Path) -> None:
    """A date column a system filled ("13/03/2020 00:00" on every row: Excel writes a
    date-time cell so in a CSV) gave every entry the time 00:00, first in its day; it gives
    none, said once. One midnight among other times is a midnight; a date cell's midnight
    gives way to the time column's time."""
    path = tmp_path / "pol.csv"
    path.write_text("Date,Summary\n13/03/2020 00:00,a\n14/03/2020 00:00,b\n15/03/2020 00:00,c\n",
                    encoding="utf-8")
    result = read(path)
    assert [e.time for e in result.entries] == [None, None, None]
    (said,) = [p for p in result.problems if p.code.value == "invalid-time"]
    assert said.severity.value == "info" and said.row is None and said.column == "Date"
    path.write_text("Date,Summary\n13/03/2020 00:00,a\n14/03/2020 14:30,b\n", encoding="utf-8")
    assert [e.time for e in read(path).entries] == [time(0), time(14, 30)]
    path.write_text("Date,Time,Summary\n13/03/2020 00:00,14:30,a\n", encoding="utf-8")
    assert [e.time for e in read(path).entries] == [time(14, 30)]


def test_separate_time_column(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Date", "Time", "Summary"],
                                                ["13/03/2020", "2315", "a"],
                                                ["13/03/2020", time(9, 5), "b"],
                                                ["13/03/2020", "teatime", "c"]]})
    result = read(path)
    assert [e.time for e in result.entries] == [time(23, 15), time(9, 5), None]
    assert "invalid-time" in codes(result)


def test_ambiguous_dates_reported_only_when_nothing_settles_the_column(tmp_path: Path) -> None:
    unsettled = write_workbook(tmp_path / "u.xlsx", {"S": [["Date", "Summary"], ["03/04/2020", "a"],
                                                     ["05/06/2020", "b"]]})
    problems = [p for p in read(unsettled).problems if p.code is ProblemCode.AMBIGUOUS_DATE]
    assert [(p.row, p.value) for p in problems] == [(2, "03/04/2020"), (3, "05/06/2020")]
    settled = write_workbook(tmp_path / "s.xlsx", {"S": [["Date", "Summary"], ["03/04/2020", "a"],
                                                   ["25/06/2020", "b"]]})
    assert "ambiguous-date" not in codes(read(settled))
    assert read(settled).entries[0].date.earliest == date(2020, 4, 3)  # day-first


def test_seen_and_views_per_child(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [
        ["Date", "Child", "Child seen?", "Child's views"],
        ["01/01/2020", None, "Yes", None],  # bare yes: every subject child
        ["02/01/2020", "Mia", "Yes", "said she was cold"],  # the named child; words = views
        ["03/01/2020", None, "Yes - Leo", "N"],  # names in the cell
        ["04/01/2020", "Jade Harbour", None, None],  # an adult only: no child concerned
        ["05/01/2020", "Mia, Leo", "Child not seen", "N/A"],
        ["06/01/2020", "Mia", "  yes  ", None],  # stray whitespace
    ]})
    entries = read(path).entries

    def table(n: int) -> dict[str, tuple[str, str]]:
        return {c: (r.seen.value, r.views.value) for c, r in entries[n].children.items()}

    assert table(0) == {"C1": ("yes", "not recorded"), "C2": ("yes", "not recorded")}
    assert table(1) == {"C1": ("yes", "yes")}
    assert table(2) == {"C1": ("not recorded", "no"), "C2": ("yes", "no")}
    assert table(3) == {} and entries[3].people == ["A1"]
    assert table(4) == {"C1": ("no", "not applicable"), "C2": ("no", "not applicable")}
    assert table(5) == {"C1": ("yes", "not recorded")}


def test_unknown_and_ambiguous_names_are_reported_not_guessed(tmp_path: Path) -> None:
    family = Family(people=[*FAMILY.people, Person(id="C3", first_name="Mia", surname="Jones",
                                                   subject=True)])
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Date", "Child", "Seen"],
                                                ["01/01/2020", "Zed", "Y"],
                                                ["02/01/2020", "Mia", "Y"],
                                                ["03/01/2020", "Mia Jones", "Y"],
                                                ["04/01/2020", "Mr Foster", None],
                                                ["05/01/2020", "deano", None]]})
    result = read_agency_file(path, agency="X", code="X", family=family)
    assert [(p.code.value, p.row) for p in result.problems
            if p.code in (ProblemCode.UNKNOWN_PERSON, ProblemCode.AMBIGUOUS_PERSON)] == [
        ("unknown-person", 2), ("ambiguous-person", 3)]
    assert [e.people for e in result.entries] == [[], [], ["C3"], ["A2"], ["A2"]]
    # a name no one has is not guessed to mean every child
    assert result.entries[0].children == {}


def test_unknown_names_after_yes_are_reported_but_phrases_are_not(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Date", "Seen"],
                                                ["01/01/2020", "Yes - Mia and Zed"],
                                                ["02/01/2020", "Yes - at school"]]})
    result = read(path)
    unknown = [(p.row, p.message) for p in result.problems
               if p.code is ProblemCode.UNKNOWN_PERSON]
    assert unknown == [(2, "'Zed' matches no one in the family")]
    first, second = result.entries
    assert first.children["C1"].seen is Recorded.YES
    assert first.children["C2"].seen is Recorded.NOT_RECORDED
    assert all(r.seen is Recorded.YES for r in second.children.values())


def test_unrecognised_seen_words_are_reported(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Date", "Seen"], ["01/01/2020", "perhaps"]]})
    result = read(path)
    assert "unrecognised-value" in codes(result)
    assert all(r.seen is Recorded.NOT_RECORDED for r in result.entries[0].children.values())


def test_referral_column_with_the_agency_in_the_heading(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [
        ["Date", "Referral to CSC (Y/N)", "Referred to"],
        ["01/01/2020", "Y", None],
        ["02/01/2020", "N", None]]})
    assert [e.referral_to for e in read(path).entries] == ["CSC", None]


def test_unknown_and_duplicate_columns_are_kept_in_raw(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Date", "Summary", "Notes", "DASH risk"],
                                                ["01/01/2020", "one", "two", "High"]]})
    result = read(path)
    entry = result.entries[0]
    assert entry.summary == "one"
    assert entry.raw["Notes"] == "two" and entry.raw["DASH risk"] == "High"
    assert {"unknown-column", "duplicate-column"} <= set(codes(result))


def test_very_long_text_is_kept_whole(tmp_path: Path) -> None:
    text = "word " * 6000
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Date", "Summary"], ["01/01/2020", text]]})
    assert read(path).entries[0].summary == text.strip()


def test_mapping_file_overrides_the_guess(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"Odd": [["x"], ["Happened on", "Blurb", "Kid"],
                                                  ["01/01/2020", "text", "Mia"]]})
    mapping_file = tmp_path / "map.toml"
    mapping_file.write_text('sheet = "Odd"\nheader_row = 2\n[columns]\n"Happened on" = "date"\n'
                            '"Blurb" = "summary"\n"Kid" = "child"\n"Missing" = "views"\n',
                            encoding="utf-8")
    result = read(path, mapping=ColumnMapping.load(mapping_file))
    entry = result.entries[0]
    assert (entry.summary, entry.people) == ("text", ["C1"])
    assert any("Missing" in p.message for p in result.problems)


def test_mapping_file_with_a_wrong_field_names_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "map.toml"
    bad.write_text('[columns]\n"Happened on" = "daet"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"map.toml: columns.Happened on"):
        ColumnMapping.load(bad)


@pytest.mark.parametrize(("encoding", "bom", "delimiter"), [
    ("utf-8", b"", ","), ("utf-8", b"\xef\xbb\xbf", ","), ("cp1252", b"", ","),
    ("utf-8", b"", ";"), ("utf-8", b"", "\t"),
])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, bom: bytes,
                                      delimiter: str) -> None:
    text = delimiter.join(["Date", "Patient", "Notes"]) + "\r\n" + delimiter.join(
        ["12/03/2019", "Jade Harbour", "Seen by Dr Zoë Müller"]) + "\r\n"
    path = tmp_path / "gp.csv"
    path.write_bytes(bom + text.encode(encoding))
    result = read_agency_file(path, agency="GP", code="GP", family=FAMILY)
    entry = result.entries[0]
    assert entry.summary == "Seen by Dr Zoë Müller"
    assert entry.people == ["A1"]
    assert result.report.sheet is None


def test_calamine_and_openpyxl_read_the_fixtures_alike() -> None:
    def normal(value: object) -> object:
        if isinstance(value, datetime) and value.time() == time(0):
            return value.date()
        return value

    for path in sorted(HARBOUR.glob("*.xlsx")):
        fast, _ = _read_with_calamine(path, path.name, False)
        slow = _read_with_openpyxl(path, path.name, False)
        assert fast is not None
        assert [s.name for s in fast] == [s.name for s in slow]
        for a, b in zip(fast, slow, strict=True):
            assert [tuple(map(normal, r)) for r in a.rows] == [
                tuple(map(normal, r)) for r in b.rows], (path.name, a.name)


def test_empty_and_protected_workbooks_are_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="the file is empty"):
        read_sheets(empty)
    protected = tmp_path / "locked.xlsx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(InputError, match="password-protected"):
        read_sheets(protected)


def test_unsupported_files_are_clear_errors(tmp_path: Path) -> None:
    old = tmp_path / "old.xls"  # the first bytes of an old Office file, and no more
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError, match=r"old\.xls: not an old-style \.xls workbook"):
        read_sheets(old)
    odd = tmp_path / "notes.pdf"
    odd.write_bytes(b"x")
    with pytest.raises(InputError, match=r"unsupported file type '\.pdf'; use \.xlsx, \.xls, "
                                         r"\.ods, \.csv or \.docx"):
        read_sheets(odd)


def test_source_and_end_date_columns(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "a.xlsx", {"S": [["Date", "End date", "Source", "Summary"],
                                                ["01/01/2020", "03/01/2020", "MASH", "x"],
                                                ["01/01/2020", "soon", None, "y"]]})
    result = read(path)
    first, second = result.entries
    assert first.origin == "MASH" and first.end_date is not None
    assert first.end_date.earliest == date(2020, 1, 3)
    assert second.end_date is None
    assert any(p.code is ProblemCode.INVALID_DATE and p.row == 3 for p in result.problems)


def test_the_example_mapping_file_reads_the_same_as_the_guess() -> None:
    mapping = ColumnMapping.load(Path(__file__).parent.parent / "examples" /
                                 "health-visiting-map.toml")
    guessed = read_agency_file(HARBOUR / "health_visiting.xlsx", agency="HV", code="HV",
                               family=FAMILY)
    mapped = read_agency_file(HARBOUR / "health_visiting.xlsx", agency="HV", code="HV",
                              family=FAMILY, mapping=mapping)
    assert mapped.entries == guessed.entries
    how = {"layout", "confidence", "explanation"}  # how the columns were found differs
    assert mapped.report.model_dump(exclude=how) == guessed.report.model_dump(exclude=how)
    assert (mapped.report.layout, guessed.report.layout) == ("mapping file", "headings")
    assert mapped.report.confidence == "high"


def test_no_two_entries_share_their_children_or_people(tmp_path: Path) -> None:
    # the reader works each distinct cell value out once; the entries get copies of their own
    from chronogen import read_case

    case = read_case(HARBOUR)
    assert_valid_entries(case.entries)
    assert_valid_problems(case.problems)
    for field in ("children", "people"):
        held = [getattr(e, field) for e in case.entries]
        assert len({id(value) for value in held}) == len(held), field
    first, second = [e for e in case.entries if e.children][:2]
    second_before = dict(second.children)
    first.children.clear()
    first.people.append("someone")
    assert second.children == second_before and "someone" not in second.people


@pytest.mark.parametrize(("headings", "row", "recorded"), [
    (["Date recorded", "Date of contact", "Summary"], ["20/03/2020", "13/03/2020", "x"],
     "Date recorded"),
    (["Date entered", "Event date", "Summary"], ["20/03/2020", "13/03/2020", "x"],
     "Date entered"),
    (["Entry date", "Date of event", "Summary"], ["20/03/2020", "13/03/2020", "x"],
     "Entry date"),
    (["Date of contact", "Date recorded", "Summary"], ["13/03/2020", "20/03/2020", "x"],
     "Date recorded"),
    (["Date recorded", "Date/time of incident", "Summary"], ["20/03/2020", "13/03/2020 09:00",
                                                            "x"], "Date recorded"),
])
def test_an_entry_is_dated_by_its_contact_not_its_recording(
        tmp_path: Path, headings: list[str], row: list[str], recorded: str) -> None:
    """A sheet with a date the record was made and a date of the contact is dated by the
    contact's, whichever comes first (the recording date's column came first, and dated
    every entry by when it was typed)."""
    import csv

    path = tmp_path / "a.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([headings, row])
    result = read(path)
    assert result.entries[0].date.earliest == date(2020, 3, 13)
    assert result.entries[0].raw[recorded] == "20/03/2020"  # kept with the entry
    notes = [p for p in result.problems if p.code is ProblemCode.DUPLICATE_COLUMN]
    if "Date/time of incident" not in headings:  # two date columns: the one not read said
        (note,) = notes
        assert note.severity.value == "info" and f"column {recorded!r} says when" in note.message


@pytest.mark.parametrize(("cell", "to", "noted"), [
    ("CSC", "CSC", False), ("Yes - CSC", "CSC", False), ("Yes (MASH)", "MASH", False),
    ("Northumbria Police", "Northumbria Police", False), ("No", None, False),
    # each was a referral to an agency called "Yes", "Y", "Not referred"
    ("Yes", None, True), ("Y", None, True), ("Not referred", None, False),
    ("No referral made", None, False), ("None", None, False),
])
def test_a_referral_column_names_an_agency_or_none(tmp_path: Path, cell: str, to: str | None,
                                                   noted: bool) -> None:
    import csv

    path = tmp_path / "r.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Date", "Summary", "Referral to"],
                                      ["13/02/2020", "Visit", cell]])
    result = read(path)
    assert result.entries[0].referral_to == to
    notes = [p for p in result.problems if "does not say to which agency" in p.message]
    assert bool(notes) is noted


def test_a_date_before_the_floor_is_reported_on_every_row_holding_it(tmp_path: Path) -> None:
    """A date before 1900 (a number read as an Excel date) is reported on each row it
    stands in, the same value on several rows and a ditto mark under it included, and on
    no other row (each value's bounds are compared with the floor once)."""
    path = write_workbook(tmp_path / "a.xlsx", {"S": [
        ["Date", "Summary"], ["01/01/1850", "a"], ["13/03/2020", "b"], ["01/01/1850", "c"],
        ["Ditto", "d"], ["14/03/2020", "e"], ['"', "f"], [time(10, 30), "g"]]})
    result = read(path)
    early = [p.row for p in result.problems if p.code.value == "implausible-date"]
    assert early == [2, 4, 5]
    assert len(result.entries) == 6
    # a time of day alone in the date column is said as the sheet shows it
    assert [r.message for r in result.rejected] == [
        "the cell holds a time of day (10:30) and no date"]


def test_an_undated_row_of_words_under_an_entry_asks_whether_it_continues_it(
        tmp_path: Path) -> None:
    """A row with no date holding only words, under a row read as an entry, may be that
    entry's text spilt onto a row of its own, or a contact never dated: still rejected (not
    joined to a day that may be wrong), the message saying both and which row is above."""
    path = write_workbook(tmp_path / "a.xlsx", {"S": [
        ["Date", "Time", "Contact type", "Summary"],
        ["13/03/2020", "10:00", "Home visit", "Mum said the children were at"],
        [None, None, None, "school; the flat was cold."],
        ["14/03/2020", None, "Clinic", "b"],
        [None, "11:00", None, "a time, so a contact of its own"],
        ["15/03/2020", None, "Clinic", "c"],
        [None, None, "Telephone call", "a contact type"],
        [None, None, None, None],
        [None, None, None, "under a blank row"]]})
    result = read(path)
    messages = {r.source.row: r.message for r in result.rejected}
    assert messages[3] == (
        "no date: the row holds only words ('Summary'); if they are the rest of row 2's "
        "entry, join the two rows in the return (or set join_continued_rows in its mapping "
        "file), and if a contact of their own, give its date")
    assert messages[5] == messages[7] == messages[9] == "no date"
    assert [e.source.row for e in result.entries] == [2, 4, 6]
    assert result.report.balanced


def test_a_return_that_splits_records_over_rows_is_joined_when_its_mapping_says(
        tmp_path: Path) -> None:
    """``join_continued_rows = true``: undated rows holding only a summary or an outcome
    under an entry (or under a row already joined to it) are the rest of its text: joined on
    new lines, their cells kept with the entry's, noted, counted. A row holding anything else
    (a worker's name), or under a rejected row, is still rejected with its reason."""
    path = write_workbook(tmp_path / "a.xlsx", {"S": [
        ["Date", "Summary", "Outcome", "Worker"],
        ["13/03/2020", "Mum said the children were at", None, "SW1"],
        [None, "school; the flat was cold.", None, None],
        [None, "No food in the fridge.", "Food bank referral", None],
        [None, "Tenancy note, no date.", None, "Housing officer"],
        ["bad date", "x", None, None],
        [None, "under a rejected row", None, None]]})
    mapping = ColumnMapping(join_continued_rows=True)
    result = read(path, mapping=mapping)
    (entry,) = result.entries
    assert entry.summary == ("Mum said the children were at\nschool; the flat was cold.\n"
                             "No food in the fridge.")
    assert entry.outcome == "Food bank referral"
    assert entry.raw["Summary (row 3)"] == "school; the flat was cold."
    assert entry.raw["Outcome (row 4)"] == "Food bank referral"
    assert [(p.row, p.message) for p in result.problems if p.code.value == "continued-row"] == [
        (3, "the rest of row 2's summary, joined to its entry (join_continued_rows in the "
            "mapping file)"),
        (4, "the rest of row 2's summary and outcome, joined to its entry "
            "(join_continued_rows in the mapping file)")]
    assert [r.source.row for r in result.rejected] == [5, 6, 7]
    assert result.report.joined == 2 and result.report.balanced
    # without the mapping's word, each is rejected, asking
    plain = read(path)
    assert [r.source.row for r in plain.rejected] == [3, 4, 5, 6, 7]
    assert plain.entries[0].summary == "Mum said the children were at"



@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="Linux: the open files listed")
def test_a_workbook_neither_reader_can_read_is_refused_its_file_closed(tmp_path: Path) -> None:
    """Calamine fails on it, then openpyxl: refused, saying so, and the file closed at once
    (given a path, openpyxl left it open, held by the error, and it was closed only when the
    error was freed: a warning of a file left open, later, elsewhere; calamine's, held by a
    cycle of its error and the thread that parsed, only when the collector found it)."""
    import gc
    import os

    from chronogen.errors import UnreadableFileError
    from tests.data.hostile.make_corpus import write_package

    path = tmp_path / "p.xlsx"
    write_package(path, '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://'
                  'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
                  '<c r="A1" t="inlineStr"><is><t>a &bogus; b</t></is></c></row></sheetData>'
                  '</worksheet>')
    gc.disable()  # closed by being freed, not by the collector finding a cycle to free
    try:
        with pytest.raises(UnreadableFileError, match=r"not a readable \.xlsx workbook") \
                as refused:
            read_sheets(path)
        opened = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                opened.append(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:  # the listing's own descriptor, closed by now
                continue
        assert str(path) not in opened
        del refused
    finally:
        gc.enable()


def test_a_weekday_beside_a_date_that_is_not_its_day_is_said(tmp_path: Path) -> None:
    """A weekday written beside a date that is another day's: one of the two was written
    wrong, said with the reading month-first where the weekday is that one's."""
    path = tmp_path / "w.csv"
    path.write_text("Date,Contact type,Summary\n"
                    "Thu 05/03/2020,Home visit,Visit\n"          # 5 March 2020: a Thursday
                    "Fri 05/03/2020,Clinic,Clinic\n"
                    "05/03/2020 (Sunday),Call,Call\n"           # 3 May 2020: a Sunday
                    "w/c 09/03/2020,Call,Calls\n", encoding="utf-8")
    result = read_agency_file(path, agency="Health Visiting", code="HV")
    said = {p.row: p.message for p in result.problems if p.code.value == "weekday-mismatch"}
    assert said == {
        3: "'Fri 05/03/2020': 05/03/2020 was a Thursday, not a Friday; read as 05/03/2020: "
           "check the agency's record",
        4: "'05/03/2020 (Sunday)': 05/03/2020 was a Thursday, not a Sunday; read as "
           "05/03/2020; month-first (US) it would be 03/05/2020, a Sunday: check the "
           "agency's record"}
    assert len(result.entries) == 4  # read as written, each kept


@pytest.mark.parametrize(("text", "day"), [
    ("Thu 05/03/2020", 3), ("thursday 5 March 2020", 3), ("05/03/2020 (Fri)", 4),
    ("5/3/2020 Tues.", 1), ("05/03/2020", None), ("w/c 09/03/2020", None),
    ("Sunday", 6), ("March 2020", None),
])
def test_the_weekday_a_date_names(text: str, day: int | None) -> None:
    from chronogen.dates.phrases import named_weekday

    assert named_weekday(text) == day

"""An agency return or family file saved as an OpenDocument spreadsheet (.ods, LibreOffice
Calc's own format): read as the workbook it was saved from, everything a sheet shows besides
its values too, and a hostile one refused."""

from __future__ import annotations

import shutil
import time as clock
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen import read_agency_file, read_case
from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.read.sheet import Sheet
from chronogen.read.table import read_sheets
from tests.conftest import HARBOUR, assert_valid_entries
from tests.data.ods_files import cell, grid_table, row, table, write_ods
from tests.property_examples import examples

ODS = Path(__file__).parent / "data" / "ods"


def _entries(file: Path, **kwargs: Any) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Every entry and rejected row of a return, and what reading it said, its file's name
    left out (the same return saved two ways)."""
    read = read_agency_file(file, agency="Children's Social Care", code="CSC", **kwargs)
    assert_valid_entries(read.entries)
    rows = []
    for entry in [*read.entries, *read.rejected]:
        dumped = entry.model_dump(mode="json")
        dumped["source"]["file"] = "F"
        rows.append(dumped)
    said = sorted((p.code.value, p.message.replace(file.name, "F")) for p in read.problems)
    return rows, said


@pytest.mark.parametrize("name", ["csc_chronology", "school_chronology"])
def test_a_return_reads_as_the_workbook_it_was_saved_from(name: str) -> None:
    """LibreOffice's .ods of two of the bundled case's returns (a title above the header, a
    sheet before the chronology's): the same entries, rejected rows and problems."""
    family = read_case(HARBOUR).family
    saved = _entries(ODS / f"{name}.ods", family=family)
    assert saved == _entries(HARBOUR / f"{name}.xlsx", family=family)
    assert saved[0]


def test_a_case_of_ods_files_is_the_case_of_its_workbooks(tmp_path: Path) -> None:
    """The bundled case with two returns and the family file as .ods: the same family,
    entries and flags."""
    case = tmp_path / "case"
    shutil.copytree(HARBOUR, case)
    toml = (case / "case.toml").read_text(encoding="utf-8")
    for name in ("csc_chronology", "school_chronology", "family"):
        (case / f"{name}.xlsx").unlink()
        shutil.copy(ODS / f"{name}.ods", case)
        toml = toml.replace(f"{name}.xlsx", f"{name}.ods")
    (case / "case.toml").write_text(toml, encoding="utf-8")
    saved, original = read_case(case), read_case(HARBOUR)

    def said(read: Any) -> list[Any]:
        return [(e.id, e.date, e.summary, e.children, e.raw) for e in read.entries]

    assert saved.family == original.family
    assert said(saved) == said(original) and len(saved.entries) == 40
    assert [(f.code, f.evidence) for f in saved.flags] == \
        [(f.code, f.evidence) for f in original.flags]
    files = {e.source.file for e in saved.entries}
    assert {"csc_chronology.ods", "school_chronology.ods"} <= files


def _trimmed(sheet: Sheet) -> list[tuple[object, ...]]:
    rows = []
    for values in sheet.rows:
        values = tuple(values)
        while values and values[-1] is None:
            values = values[:-1]
        rows.append(values)
    return rows


def test_what_a_sheet_shows_besides_its_values_is_read_as_from_the_workbook() -> None:
    """looks.xlsx holds each thing a sheet shows besides its values (struck, partly struck,
    bold and filled rows, hidden rows, columns and sheets, merged dates, comments, links,
    several lines, spaces and tabs, yes/no, a percentage, the same row twice, a rule
    colouring cells);
    looks.ods is LibreOffice's own saving of it."""
    workbook, spreadsheet = read_sheets(ODS / "looks.xlsx"), read_sheets(ODS / "looks.ods")
    assert [s.name for s in spreadsheet] == ["Log", "Old"]
    log, saved = workbook[0], spreadsheet[0]
    rows = _trimmed(saved)
    # the one difference: the workbook's formula was saved with no value (openpyxl writes
    # none), LibreOffice worked it out
    assert rows[8][-1] == 2 and log.uncached_formulas == [(9, 7)]
    assert saved.uncached_formulas == []
    assert [*rows[:8], rows[8][:-1], *rows[9:]] == _trimmed(log)
    assert rows[1][3] == "Line one\nLine two" and rows[8][3] == "Two  spaces   and\ta tab"
    assert rows[8][4] is True and rows[8][5] == 0.5 and rows[1][1] == time(10, 30)
    for look in ("hidden_rows", "hidden_columns", "struck", "struck_words", "filled",
                 "links", "comments", "merged_down", "ruled"):
        assert getattr(saved, look) == getattr(log, look), look
    assert saved.struck_words == {(4, 4): "alone"} and saved.hidden_rows == [7]
    assert saved.ruled == ["E2:E200"]  # a rule colouring "No" answers: its area said
    assert saved.filled[(12, 4)] == "light green"  # the row written once, twice over
    # bold: the cells holding something (the workbook's blank cell set in bold is nothing)
    assert saved.bold == {place for place in log.bold if place != (5, 6)}
    assert not saved.hidden and spreadsheet[1].hidden


def test_a_return_with_its_looks_is_read_and_its_highlights_said() -> None:
    read = read_agency_file(ODS / "looks.ods", agency="Health Visiting", code="HV")
    assert_valid_entries(read.entries)
    codes = {p.code.value for p in read.problems}
    assert {"struck-through", "hidden-content", "highlighted"} <= codes, codes
    withdrawn = next(e for e in read.entries if e.summary == "Struck through whole")
    assert withdrawn.source.sheet == "Log" and withdrawn.source.row == 3


# -- by hand: what LibreOffice would not write -------------------------------------------


def _one_sheet(tmp_path: Path, *rows: str, **kwargs: Any) -> Sheet:
    path = write_ods(tmp_path / "p.ods", table("Log", list(rows)), **kwargs)
    sheets = read_sheets(path)
    assert len(sheets) == 1
    return sheets[0]


def test_runs_of_rows_and_cells_stand_as_many_times_as_they_say(tmp_path: Path) -> None:
    sheet = _one_sheet(
        tmp_path,
        row([cell("Date"), cell("Summary")]),
        row([cell(None, repeated=5)], repeated=2),  # blank rows between: kept in their place
        row([cell(date(2020, 3, 1)), cell("Visit", repeated=3)], repeated=3),
        row([cell(None), cell(None, repeated=100), cell("far")]),
        row([cell(None, repeated=16_384)], repeated=1_048_000),  # the sheet's blank rest
    )
    assert _trimmed(sheet) == [("Date", "Summary"), (), (),
                               *[(date(2020, 3, 1), "Visit", "Visit", "Visit")] * 3,
                               (None,) * 101 + ("far",)]
    # a run past a spreadsheet's last column stops at it
    wide = _one_sheet(tmp_path, row([cell("Visit", repeated=2_000_000_000)]))
    assert wide.rows == [("Visit",) * 16_384]


def test_each_kind_of_value_is_read_as_stored(tmp_path: Path) -> None:
    stored = [
        '<table:table-cell office:value-type="date" office:date-value="2020-03-01T14:05:00">'
        "<text:p>01/03/2020 14:05</text:p></table:table-cell>",
        '<table:table-cell office:value-type="time" office:time-value="PT09H30M00S">'
        "<text:p>09:30</text:p></table:table-cell>",
        '<table:table-cell office:value-type="time" office:time-value="PT26H30M00S">'
        "<text:p>26:30</text:p></table:table-cell>",
        '<table:table-cell office:value-type="currency" office:currency="GBP" '
        'office:value="12.5"><text:p>£12.50</text:p></table:table-cell>',
        '<table:table-cell office:value-type="boolean" office:boolean-value="false">'
        "<text:p>FALSE</text:p></table:table-cell>",
        # a date the file stores wrongly: its text, for the reader to say what is wrong
        '<table:table-cell office:value-type="date" office:date-value="2020-02-31">'
        "<text:p>31/02/2020</text:p></table:table-cell>",
        '<table:table-cell office:value-type="float" office:value="3"><text:p>3.00</text:p>'
        "</table:table-cell>",
        '<table:table-cell table:formula="of:=[.A1]"/>',  # saved with no value
    ]
    sheet = _one_sheet(tmp_path, row(stored))
    assert _trimmed(sheet) == [(datetime(2020, 3, 1, 14, 5), time(9, 30), "26:30", 12.5,
                                False, "31/02/2020", 3)]
    assert sheet.uncached_formulas == [(1, 8)]


def test_a_cells_text_its_comment_and_link(tmp_path: Path) -> None:
    written = (
        '<table:table-cell office:value-type="string">'
        "<office:annotation><dc:creator>A Reviewer</dc:creator><text:p>Check the date"
        "</text:p></office:annotation>"
        '<text:p>Seen at <text:a xlink:href="https://example.org/r/1">the clinic</text:a>'
        '</text:p><text:p>Second<text:line-break/>line<text:s text:c="3"/>end</text:p>'
        "</table:table-cell>")
    sheet = _one_sheet(tmp_path, row([written]))
    assert sheet.rows[0] == ("Seen at the clinic\nSecond\nline   end",)
    assert sheet.comments == {(1, 1): "A Reviewer: Check the date"}
    assert sheet.links == {(1, 1): "https://example.org/r/1"}


def test_a_cell_spread_over_rows_gives_its_value_to_each(tmp_path: Path) -> None:
    sheet = _one_sheet(
        tmp_path,
        row([cell(date(2020, 3, 1), attributes=' table:number-rows-spanned="3" '
                                               'table:number-columns-spanned="2"'),
             '<table:covered-table-cell/>', cell("Visit")]),
        row(['<table:covered-table-cell table:number-columns-repeated="2"/>', cell("Call")]),
        row(['<table:covered-table-cell table:number-columns-repeated="2"/>', cell("Letter")]),
    )
    assert _trimmed(sheet) == [(date(2020, 3, 1), None, "Visit"),
                               (date(2020, 3, 1), None, "Call"),
                               (date(2020, 3, 1), None, "Letter")]
    assert [m.area for m in sheet.merged_down] == ["A1:B3"]


def test_a_style_based_on_another_says_what_its_base_says(tmp_path: Path) -> None:
    """Bold from a named style the cell's own is based on; struck and filled by its own;
    a span of the text struck alone; a hidden sheet by its table style."""
    named = ('<style:style style:name="Key" style:family="table-cell">'
             '<style:text-properties fo:font-weight="700"/></style:style>')
    own = ('<style:style style:name="ce1" style:family="table-cell" '
           'style:parent-style-name="Key"><style:table-cell-properties '
           'fo:background-color="#ffff00"/></style:style>'
           '<style:style style:name="T1" style:family="text"><style:text-properties '
           'style:text-line-through-style="solid"/></style:style>'
           '<style:style style:name="ta1" style:family="table"><style:table-properties '
           'table:display="false"/></style:style>')
    tables = table("Log", [row([cell("Key visit", attributes=' table:style-name="ce1"'),
                                '<table:table-cell office:value-type="string"><text:p>'
                                '<text:span text:style-name="T1">not</text:span> seen'
                                "</text:p></table:table-cell>",
                                # a word struck in two spans: one word
                                '<table:table-cell office:value-type="string"><text:p>'
                                '<text:span text:style-name="T1">al</text:span>'
                                '<text:span text:style-name="T1">one</text:span> seen'
                                "</text:p></table:table-cell>"])]) + \
        table("Old", [row([cell("x")])], attributes=' table:style-name="ta1"')
    sheets = read_sheets(write_ods(tmp_path / "p.ods", tables, automatic_styles=own,
                                   styles=named))
    log = sheets[0]
    assert log.bold == {(1, 1)} and log.filled == {(1, 1): "yellow"}
    assert log.struck == [(1, 2), (1, 3)]
    assert log.struck_words == {(1, 2): "not", (1, 3): "alone"}
    assert [s.hidden for s in sheets] == [False, True]


values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**9, max_value=10**9),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).filter(
        lambda f: not f.is_integer()),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
            min_size=1, max_size=20).filter(lambda t: t.strip() == t),
    st.sampled_from(["Visit", "Home visit", "Yes", "No"]),
)


@settings(max_examples=examples(80), deadline=None)
@given(st.lists(st.lists(values, max_size=8), max_size=12))
def test_any_grid_written_as_libreoffice_writes_it_reads_back(
        grid: list[list[object]]) -> None:
    """Any grid of values, each run of equal cells and rows written once with a count and
    the blank rest of the sheet after it: read back cell for cell, the sheet's last filled
    row its last."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = write_ods(Path(folder) / "g.ods", grid_table("Grid", grid))
        sheet = read_sheets(path)[0]
    expected = [tuple(values) for values in grid]
    for index, values in enumerate(expected):
        while values and values[-1] is None:
            values = values[:-1]
        expected[index] = values
    while expected and not expected[-1]:
        expected.pop()
    assert _trimmed(sheet) == expected


# -- refused --------------------------------------------------------------------------------


@pytest.mark.parametrize(("rows", "says"), [
    ([row([cell("Visit")], repeated=2_000_000_000), row([cell("x")])], "cells span over"),
    ([row([cell(None, repeated=16_000), cell("far")], repeated=1_000)], "cells span over"),
])
def test_a_run_claiming_billions_of_cells_is_refused_in_moments(tmp_path: Path,
                                                                 rows: list[str],
                                                                 says: str) -> None:
    path = write_ods(tmp_path / "p.ods", table("Log", rows))
    started = clock.perf_counter()
    with pytest.raises(UnreadableFileError, match=says):
        read_sheets(path, limits=Limits(max_cells=1_000_000))
    assert clock.perf_counter() - started < 5


def test_what_is_no_spreadsheet_is_refused_saying_what_it_is(tmp_path: Path) -> None:
    text = write_ods(tmp_path / "letter.ods", "",
                     mimetype="application/vnd.oasis.opendocument.text")
    with pytest.raises(UnreadableFileError, match=r"letter\.ods: not an OpenDocument "
                                                  r"spreadsheet .*'text'"):
        read_sheets(text)
    locked = write_ods(tmp_path / "locked.ods", table("Log", [row([cell("x")])]),
                       encrypted=True)
    with pytest.raises(UnreadableFileError, match=r"locked\.ods: .*saved with a password"):
        read_sheets(locked)
    laughs = write_ods(tmp_path / "laughs.ods", table("Log", [row([
        '<table:table-cell office:value-type="string"><text:p>&l2;</text:p>'
        "</table:table-cell>"])]),
                       prolog='<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l1 "lol">'
                              '<!ENTITY l2 "&l1;&l1;">]>')
    with pytest.raises(UnreadableFileError, match=r"laughs\.ods: .*a DTD"):
        read_sheets(laughs)
    cut = write_ods(tmp_path / "cut.ods", table("Log", [row([cell("x")])]))
    cut.write_bytes(cut.read_bytes()[:-200])
    with pytest.raises(UnreadableFileError, match=r"cut\.ods"):
        read_sheets(cut)
    renamed = tmp_path / "renamed.ods"
    renamed.write_bytes(b"Date,Summary\n01/03/2020,Visit\n")
    with pytest.raises(UnreadableFileError, match=r"renamed\.ods: not a readable \.ods"):
        read_sheets(renamed)


def test_a_folder_without_case_toml_reads_its_ods_files(tmp_path: Path) -> None:
    from tests.command_line import run_here

    for name in ("csc_chronology", "family"):
        shutil.copy(ODS / f"{name}.ods", tmp_path)
    done = run_here("check", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "csc_chronology.ods: read as the chronology of \"Children's Social Care\"" in \
        done.stdout
    assert "family.ods: read as the family file" in done.stdout
    assert "Entries: 13" in done.stdout

"""What else an agency wrote of an entry, in cells the appendix prints in no column of its
own ("Children present: Y", "DASH risk: High", the agency's reference, the child's words in a
views column): quoted under what happened in the Word appendix and the report, and in a column
of the workbook and the CSV. Nothing an agency sent is hidden from the appendix's reader."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest

from chronogen import Case, Entry, PartialDate, SourceRef, read_case, write_outputs
from chronogen.write.also_recorded import also_recorded, columns_by_source
from chronogen.write.appendix import build_appendix
from tests.conftest import one_agency_case


@pytest.fixture(scope="module")
def harbour_written(harbour_case: Case, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled case's workbook, Word appendix and report, written once for the tests
    that read them."""
    out = tmp_path_factory.mktemp("harbour")
    write_outputs(harbour_case, out, formats=["xlsx", "docx", "html"])
    return out


def _also(case: Case) -> dict[str, str]:
    return {row.entry.id: "; ".join(map(str, row.also))
            for row in build_appendix(case).rows if row.also}


def test_the_harbour_returns_other_columns_are_quoted(harbour_case: Case) -> None:
    found = _also(harbour_case)
    # the police's columns chronogen reads as no field, and its incident number
    assert found["POL-2"] == ("Incident No: INC-2020000; Children present: Y; DASH risk: High; "
                              "Referral to CSC (Y/N): Y")
    # the child's own words in a views column (read as "views: yes", the words kept)
    assert found["SCH-3"] == "Child's words: \"I didn't sleep, they were shouting\""
    assert found["HV-4"] == "Voice of the child: Mia said she likes nursery and her teacher"
    # a plain answer, the summary, the date, the practitioner: printed already
    assert "CSC-6" not in found and "GP-2" not in found
    assert set(found) == {"SCH-3", "HV-4", "POL-2", "POL-3", "SCH-5", "POL-4", "POL-5",
                          "POL-6"}


def _police_case(folder: Path, mapping: str | None = None) -> Case:
    folder.mkdir()
    (folder / "police.csv").write_text(
        "Date,Summary,Seen,Child's views,Date recorded,Officer,Risk,Notes2\n"
        '01/03/2020,Visit one,Yes,"I want to go home",02/03/2020,PC Jones,'
        '"=HYPERLINK(""http://x"")",kept\n'
        "05/03/2020,Visit two,No,Yes,06/03/2020,PC Jones,Low,\n", encoding="utf-8")
    if mapping is not None:
        (folder / "police.toml").write_text(mapping, encoding="utf-8")
        (folder / "case.toml").write_text(
            'title = "T"\n[[agencies]]\nname = "Police"\nfile = "police.csv"\n'
            'mapping = "police.toml"\n', encoding="utf-8")
    return read_case(folder)


def test_a_second_column_of_a_field_and_an_unread_column_are_quoted(tmp_path: Path) -> None:
    case = _police_case(tmp_path / "case")
    found = _also(case)
    # a second date column (when the record was made), a field printed nowhere
    # (significance), the child's words, a column read as no field; a blank cell is not
    assert found["POL-2"] == ("Child's views: I want to go home; Date recorded: 02/03/2020; "
                              "Risk: =HYPERLINK(\"http://x\"); Notes2: kept")
    assert found["POL-3"] == "Date recorded: 06/03/2020; Risk: Low"


def test_the_date_recorded_is_quoted_whichever_column_comes_first(tmp_path: Path) -> None:
    """The entry is dated by the contact's date whatever the order; the column quoted is
    the other one (the first date column was taken for the one printed)."""
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "police.csv").write_text(
        "Date recorded,Date of contact,Summary\n05/03/2020,02/03/2020,Visit\n",
        encoding="utf-8")
    case = read_case(folder)
    assert case.entries[0].date.display() == "02/03/2020"
    assert _also(case) == {case.entries[0].id: "Date recorded: 05/03/2020"}


def test_a_seen_alone_answer_is_quoted_as_no_column_prints_it(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "hv.csv").write_text("Date,Summary,Child seen,Seen alone\n"
                                   "01/03/2020,Home visit,Yes,Yes\n02/03/2020,Clinic,Yes,\n"
                                   "03/03/2020,Visit,Seen alone,\n", encoding="utf-8")
    case = read_case(folder)
    # in a column of its own, or said in the seen answer: quoted either way
    assert _also(case) == {case.entries[0].id: "Seen alone: Yes",
                           case.entries[2].id: "Child seen: Seen alone"}


def test_a_childs_own_columns_are_quoted_only_where_they_say_more(tmp_path: Path) -> None:
    """A child's own seen / views column ("Mia seen?") is read as that field for that child;
    it was quoted as a column read as no field, a plain "Yes" on every row."""
    case = read_case(one_agency_case(
        tmp_path / "case", "School", "Date,Contact type,Summary,Mia seen?,Mia views,Leo seen?\n"
        '02/03/2020,Home visit,Visit,"Yes, alone in her room",Mia said she was scared,No\n'
        "03/03/2020,Home visit,Visit,Yes,Yes,Yes\n"))
    assert case.files[0].child_columns == {
        "Mia seen?": "seen", "Mia views": "views", "Leo seen?": "seen"}
    assert _also(case) == {"SCH-2": "Mia seen?: Yes, alone in her room; "
                                     "Mia views: Mia said she was scared"}


def test_a_column_the_mapping_file_ignores_is_not_quoted(tmp_path: Path) -> None:
    case = _police_case(tmp_path / "case", '[columns]\n"Notes2" = "ignore"\n"Risk" = "ignore"\n')
    assert _also(case)["POL-2"] == ("Child's views: I want to go home; "
                                    "Date recorded: 02/03/2020")


def test_an_entry_without_its_cells_gives_its_reference_and_significance() -> None:
    entry = Entry(id="E1", agency="GP", date=PartialDate.parse("01/03/2020"),
                  reference="REF-1", significance="High",
                  source=SourceRef(file="gp.csv", sheet=None, row=2))
    assert [str(a) for a in also_recorded(entry)] == ["Reference: REF-1", "Significance: High"]
    assert also_recorded(entry.model_copy(update={"reference": None, "significance": None})) == ()
    # with its cells, they are what is quoted
    kept = entry.model_copy(update={"raw": {"Ref": "REF-1", "Date": "01/03/2020"}})
    assert [str(a) for a in also_recorded(kept, columns_by_source(Case(title="t")))] == [
        "Ref: REF-1", "Date: 01/03/2020"]


def test_every_output_quotes_them_as_text(tmp_path: Path) -> None:
    """A formula in a quoted cell stays text: it is never at the start of the cell (the
    heading is), and the workbook writes the cell as a string."""
    case = _police_case(tmp_path / "case")
    out = tmp_path / "out"
    write_outputs(case, out, formats=["csv", "xlsx", "docx", "html"])
    with (out / "chronology.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["Also recorded"] == ("Child's views: I want to go home; Date recorded: "
                                        "02/03/2020; Risk: =HYPERLINK(\"http://x\"); Notes2: kept")
    import openpyxl

    sheet = openpyxl.load_workbook(out / "chronology.xlsx")["Chronology"]
    headings = [c.value for c in sheet[1]]
    column = headings.index("Also recorded")
    cell = sheet.cell(row=2, column=column + 1)
    assert cell.data_type == "s" and cell.value.startswith("Child's views: I want to go home")
    # outside the printed columns (the audit columns to the right of the flags)
    assert headings[column - 1] == "Flags"
    with zipfile.ZipFile(out / "chronology.docx") as docx:
        document = docx.read("word/document.xml").decode()
    # on a line of its own under what happened, in its own (grey, italic) style
    assert ('Visit one</w:t></w:r><w:r><w:br/></w:r><w:r><w:rPr><w:rStyle w:val="AlsoRecorded"'
            '/></w:rPr><w:t xml:space="preserve">Also recorded: Child\'s views: I want to go '
            'home; Date recorded: 02/03/2020; Risk: =HYPERLINK("http://x"); Notes2: kept'
            "</w:t></w:r>") in document
    report = (out / "report.html").read_text(encoding="utf-8")
    assert ('<span class="also">Also recorded: Child&#39;s views: I want to go home; Date '
            "recorded: 02/03/2020; Risk: =HYPERLINK(&#34;http://x&#34;); Notes2: kept</span>"
            in report)


def test_a_joined_rows_words_are_not_quoted_twice(tmp_path: Path) -> None:
    """A record split over rows: the second row's words are in the entry's summary already
    (its cells kept as "Summary (row 3)"), so they are not quoted again."""
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "gp.csv").write_text("Date,Summary,Risk\n01/03/2020,Seen at surgery,Low\n"
                                   ",and given advice,\n", encoding="utf-8")
    (folder / "gp.toml").write_text("join_continued_rows = true\n", encoding="utf-8")
    (folder / "case.toml").write_text('title = "T"\n[[agencies]]\nname = "GP"\n'
                                      'file = "gp.csv"\nmapping = "gp.toml"\n', encoding="utf-8")
    case = read_case(folder)
    (entry,) = case.entries
    assert entry.summary == "Seen at surgery\nand given advice"
    assert "Summary (row 3)" in entry.raw
    assert _also(case) == {entry.id: "Risk: Low"}


def test_the_authors_notes_to_the_review_are_printed(tmp_path: Path) -> None:
    """A row the agency's author marked as a note to the review ("# ..." in Chronolator's
    way) is no entry; it was counted in the Sources table and kept in case.json only. It is
    printed, as written, with where it was, in the workbook, the Word appendix and the
    report."""
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "gp.csv").write_text(
        "Date,Summary\n01/03/2020,Seen at surgery\n"
        "# Records from 2019 were archived and are not in this return,\n"
        "05/03/2020,Letter sent\n", encoding="utf-8")
    case = read_case(folder)
    assert [e.summary for e in case.entries] == ["Seen at surgery", "Letter sent"]
    note = "# Records from 2019 were archived and are not in this return"
    assert build_appendix(case).author_notes() == [("GP", "gp.csv, row 3", note)]
    out = tmp_path / "out"
    write_outputs(case, out, formats=["xlsx", "docx", "html"])
    import openpyxl

    rows = list(openpyxl.load_workbook(out / "chronology.xlsx")["Author's notes"].values)
    assert rows == [("Agency", "Where", "Note"), ("GP", "gp.csv, row 3", note)]
    with zipfile.ZipFile(out / "chronology.docx") as docx:
        document = docx.read("word/document.xml").decode()
    assert "Notes from the agencies' authors" in document and note in document
    report = (out / "report.html").read_text(encoding="utf-8")
    assert ("<tr><th scope=\"row\">GP</th><td>gp.csv, row 3</td><td># Records from 2019 were "
            "archived and are not in this return</td></tr>") in report


def test_the_rows_that_could_not_be_used_are_printed_as_written(
        harbour_case: Case, harbour_written: Path, tmp_path: Path) -> None:
    """A rejected row may be a contact whose date was mistyped (the health visitor's visit on
    31/02/2020): the Word appendix and the report said how many there were and pointed at
    the workbook; they now list each with the reason and the row as the agency wrote it."""
    rows = build_appendix(harbour_case).rejected_rows()
    assert len(rows) == len(harbour_case.rejected) == 3  # every one, no "and N more"
    where, why, cells = next(r for r in rows if "row 10" in r[0])
    assert where == "health_visiting.xlsx, sheet 'HV contacts', row 10"
    assert why == "'31/02/2020' is not a real date: February 2020 has 29 days"
    assert cells.startswith("Date of contact: 31/02/2020; Child: Leo; Type: Home visit;")
    assert build_appendix(harbour_case).rejected_rows(listed=1)[1] == [
        "and 2 more", "every one is in the workbook's Rejected rows sheet", ""]
    # the anonymised set keeps no rejected row's cells: its pages say so, and never
    # introduce "the row as the agency wrote it" above rows that hold none
    bare = harbour_case.model_copy(update={"rejected": [
        r.model_copy(update={"raw": {}}) for r in harbour_case.rejected]})
    assert build_appendix(harbour_case).rejected_cells_kept
    assert not build_appendix(bare).rejected_cells_kept
    assert [len(row) for row in build_appendix(bare).rejected_rows()] == [2, 2, 2]
    # written with nothing else to draw (the family and the entries are not what is asked)
    write_outputs(Case(title="T", rejected=bare.rejected, files=bare.files), tmp_path,
                  formats=["docx", "html"])
    with zipfile.ZipFile(tmp_path / "chronology.docx") as docx:
        bare_document = docx.read("word/document.xml").decode()
    bare_report = (tmp_path / "report.html").read_text(encoding="utf-8")
    for page in (bare_document, bare_report):
        assert "not kept in this set" in page
        assert "the row as the agency wrote it" not in page
        assert "The row as written" not in page
    out = harbour_written
    with zipfile.ZipFile(out / "chronology.docx") as docx:
        document = docx.read("word/document.xml").decode()
    assert "Visit recorded with an impossible date" in document
    report = (out / "report.html").read_text(encoding="utf-8")
    assert ("<tr><th scope=\"row\">health_visiting.xlsx, sheet &#39;HV contacts&#39;, row 10"
            "</th><td>&#39;31/02/2020&#39; is not a real date: February 2020 has 29 days</td>"
            "<td>Date of contact: 31/02/2020; Child: Leo;") in report


def test_who_is_who_with_the_family_files_notes(harbour_case: Case,
                                               harbour_written: Path) -> None:
    """The family-composition table a review report carries (relationship to the index
    child, age, lived with the index child) is in the Word appendix and the report beside
    the genogram, and what the family file notes of each person ("known to police",
    "whereabouts unknown") is printed: it was in case.json only."""
    people = {row[0]: row for row in build_appendix(harbour_case).who_is_who()}
    assert people["Dean Foster"] == ["Dean Foster", "mother's partner", "c.33", "c. 1988",
                                     "not recorded", "yes", "known to police"]
    assert people["Peter Harbour"][2] == "died" and people["Peter Harbour"][5] == ""
    out = harbour_written
    with zipfile.ZipFile(out / "chronology.docx") as docx:
        document = docx.read("word/document.xml").decode()
    assert "Who is who" in document and "father of Ava; whereabouts unknown" in document
    report = (out / "report.html").read_text(encoding="utf-8")
    assert ("<tr><th scope=\"row\">Dean Foster</th><td>mother&#39;s partner</td><td>c.33</td>"
            "<td>c. 1988</td><td>not recorded</td><td>yes</td><td>known to police</td></tr>"
            in report)
    import openpyxl

    family = [[c.value for c in row] for row in
              openpyxl.load_workbook(out / "chronology.xlsx")["Family"].iter_rows()]
    assert family[1][-1] == "Notes"
    assert next(r for r in family if r[0] == "Dean Foster")[-1] == "known to police"


def test_who_lived_where_lists_each_move_in_date_order(harbour_case: Case,
                                                      harbour_written: Path) -> None:
    changes = build_appendix(harbour_case).household_changes()
    assert changes[-3:] == [["03/09/2018", "14 Quay Street", "Leo Harbour", "born into it"],
                            ["20/05/2019", "14 Quay Street", "Ryan Harbour", "moved out"],
                            ["01/03/2020", "14 Quay Street", "Dean Foster", "moved in"]]
    assert [c[0] for c in changes] == ["01/01/2010", "01/08/2015", "01/08/2015", "01/08/2015",
                                       "14/02/2016", "03/09/2018", "20/05/2019", "01/03/2020"]
    out = harbour_written
    with zipfile.ZipFile(out / "chronology.docx") as docx:
        assert "Who lived where" in docx.read("word/document.xml").decode()
    assert ("<tr><td>01/03/2020</td><td>14 Quay Street</td><th scope=\"row\">Dean Foster</th>"
            "<td>moved in</td></tr>") in (out / "report.html").read_text(encoding="utf-8")


def test_a_large_family_is_listed_to_a_length_then_counted(harbour_case: Case) -> None:
    from chronogen.write.appendix import _listed

    rows = [[str(n), "x", "y", "z"] for n in range(205)]
    shown = _listed(rows)
    assert len(shown) == 201 and shown[:200] == rows[:200]
    assert shown[-1] == ["and 5 more", "every one is in the workbook's Family sheet", "", ""]
    assert _listed(rows[:200]) == rows[:200]
    assert len(build_appendix(harbour_case).who_is_who()) == 9  # a family under the length

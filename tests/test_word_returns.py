"""An agency chronology sent as a Word document: its tables read as a reader of the
document sees them, every row accounted for, and what Word hides or fills in itself said."""

from __future__ import annotations

import zipfile
from datetime import date, time
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen import read_agency_file, read_case
from chronogen.errors import UnreadableFileError
from chronogen.model.problems import ProblemCode
from chronogen.read.table import read_sheets
from tests.command_line import run_here
from tests.conftest import HARBOUR, assert_valid_entries, one_agency_case
from tests.data.word_returns import (
    ROWS,
    add_table,
    deleted_row,
    marked_document,
    save,
    word_document,
)
from tests.property_examples import examples

DATA = Path(__file__).parent / "data" / "word"
def test_a_table_is_read_as_word_shows_it(tmp_path: Path) -> None:
    [sheet] = read_sheets(marked_document(tmp_path / "hv.docx"))
    assert sheet.name == "Table 1"
    assert [row[0] for row in sheet.rows] == ["Date", "14/09/2018", "11/02/2019",
                                              "11/02/2019", "20/03/2019", "05/04/2019"]
    assert sheet.rows[3][6] == "Follow up in two weeks"  # the changes as if accepted
    assert sheet.rows[2][6] is None and sheet.rows[1][1] is None  # an empty cell is blank
    assert [(m.area, m.filled) for m in sheet.merged_down] == [("A3:A4", (4,))]
    assert sheet.struck == [(5, 5)] and sheet.struck_words == {(5, 5): "feeding"}
    assert sheet.bold == frozenset({(6, 5)})
    assert sheet.filled == {(2, 7): "light red", (6, 3): "yellow"}
    assert sheet.links == {(2, 5): "file:///S:/CaseNotes/HV-1.docx"}
    assert sheet.comments == {(5, 5): "HV lead: Check with GP"}
    assert sheet.date_fields == {(6, 1): "DATE"}
    assert not any("DATE \\@" in str(cell) for row in sheet.rows for cell in row)
    assert [code for code, _ in sheet.notes] == [ProblemCode.HIDDEN_CONTENT]
    assert "(1 deletion, 1 insertion)" in sheet.notes[0][1]


def test_a_word_return_is_read_into_entries_with_what_it_marks_said(tmp_path: Path) -> None:
    result = read_agency_file(marked_document(tmp_path / "hv.docx"), agency="Health Visiting",
                              code="HV", family=read_case(HARBOUR).family)
    assert_valid_entries(result.entries)
    assert [(e.date.display(), e.source.sheet, e.source.row) for e in result.entries] == [
        ("14/09/2018", "Table 1", 2), ("11/02/2019", "Table 1", 3),
        ("11/02/2019", "Table 1", 4), ("20/03/2019", "Table 1", 5),
        ("05/04/2019", "Table 1", 6)]
    assert result.entries[2].outcome == "Follow up in two weeks"
    said = {(p.code, p.row, p.column) for p in result.problems}
    assert {(ProblemCode.MERGED_CELLS, 4, "Date"),
            (ProblemCode.STRUCK_THROUGH, 5, "Summary of contact"),
            (ProblemCode.DATE_FIELD, 6, "Date"),
            (ProblemCode.HIDDEN_CONTENT, None, None)} <= said
    assert result.entries[3].raw["Struck through in Summary of contact"] == "feeding"
    assert result.entries[3].raw["Comment on Summary of contact"] == "HV lead: Check with GP"
    # a Word document's table is named for itself where a place is said, not as a sheet
    assert result.entries[0].source.describe() == "hv.docx, Table 1, row 2"
    date_field_problem = next(p for p in result.problems if p.code is ProblemCode.DATE_FIELD)
    assert date_field_problem.location() == "hv.docx, Table 1, row 6, column 'Date'"
    assert "struck through in the table" in next(
        p.message for p in result.problems if p.code is ProblemCode.STRUCK_THROUGH)
    assert date_field_problem.severity.value == "warning"
    assert "updates to the day the document is opened" in date_field_problem.message


def test_the_same_document_saved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    """LibreOffice Writer writes the same table its own way (its merges, its runs, the
    link made relative); and it updated the date field to the day it saved the file, which
    is why a date field is said."""
    ours = read_sheets(marked_document(tmp_path / "hv.docx"))[0]
    theirs = read_sheets(DATA / "health_visiting_libreoffice.docx")[0]
    assert theirs.rows[:5] == ours.rows[:5]
    assert theirs.rows[5][1:] == ours.rows[5][1:]
    assert theirs.rows[5][0] == "28/11/2026"  # the day LibreOffice saved it, not the visit
    assert theirs.date_fields == ours.date_fields == {(6, 1): "DATE"}
    for trait in ("merged_down", "struck", "struck_words", "bold", "filled", "comments",
                  "notes"):
        assert getattr(theirs, trait) == getattr(ours, trait), trait
    # made relative to where LibreOffice saved it: kept as the document holds it
    assert theirs.links[(2, 5)].endswith("/S:/CaseNotes/HV-1.docx")


def test_tables_of_one_width_are_one_sheet_and_others_their_own(tmp_path: Path) -> None:
    """A chronology over two pages as two tables (the second with or without the header
    again), after a table of the child's details: the chronology read as one, its rows
    numbered on through both; the details table said as not read."""
    document = word_document([["Name of child", "Mia Harbour"]], headings=None)
    add_table(document, ROWS[:2])
    add_table(document, ROWS[3:4])
    add_table(document, ROWS[4:], headings=None)
    path = save(document, tmp_path / "hv.docx")
    sheets = read_sheets(path)
    assert [(s.name, len(s.rows)) for s in sheets] == [("Table 1", 1), ("Tables 2-4", 6)]
    result = read_agency_file(path, agency="Health Visiting", code="HV")
    assert [(e.source.sheet, e.source.row) for e in result.entries] == [
        ("Tables 2-4", 2), ("Tables 2-4", 3), ("Tables 2-4", 5), ("Tables 2-4", 6)]
    codes = {p.code for p in result.problems}
    assert ProblemCode.REPEATED_HEADER in codes
    assert [p.message for p in result.problems if p.code is ProblemCode.SHEET_NOT_READ] == [
        "Table 1 (1 filled row) was not read: it has no chronology header"]
    report = result.reports[0]
    assert report.rows_read == report.entries + report.headers + report.blank + \
        report.rejected + report.title + report.notes


def test_a_row_deleted_in_tracked_changes_is_not_read_and_is_said(tmp_path: Path) -> None:
    document = word_document(ROWS)
    deleted_row(document.tables[0], 2)
    [sheet] = read_sheets(save(document, tmp_path / "hv.docx"))
    assert [row[4] for row in sheet.rows[1:]] == [ROWS[0][4], ROWS[2][4], ROWS[3][4],
                                                  ROWS[4][4]]
    assert "(1 deletion, 0 insertions)" in sheet.notes[0][1]


def test_a_document_with_no_table_and_no_dated_paragraph_is_refused(tmp_path: Path) -> None:
    document = word_document([])
    document.tables[0]._tbl.getparent().remove(document.tables[0]._tbl)
    document.add_paragraph("2020 was a difficult year; 3 children were known to us.")
    document.add_paragraph("12/03/2020 - the one dated paragraph of a letter.")
    path = save(document, tmp_path / "notes.docx")
    with pytest.raises(UnreadableFileError, match=r"notes\.docx: the document holds no "
                                                  r"table, nor two paragraphs opening with a "
                                                  r"date"):
        read_sheets(path)


def test_a_chronology_written_as_paragraphs_is_read_a_paragraph_a_row(tmp_path: Path
                                                                      ) -> None:
    """Each paragraph opening with a date a contact, the paragraphs under it with no date of
    their own the rest of its text; the heading and note above, the title; each entry's
    source its paragraph (a row a paragraph, blank ones too)."""
    from docx import Document

    document = Document()
    document.add_heading("Health Visiting chronology", 1)
    document.add_paragraph("Prepared for the review; in date order.")
    document.add_paragraph("")
    document.add_paragraph("14/09/2018 - New birth visit for Leo. Mia present and playing.")
    document.add_paragraph("11/02/2019: Clinic. Leo weighed; growth on the 25th centile.")
    document.add_paragraph("Mother said she was tired; advised to see the GP.")
    document.add_paragraph("")
    document.add_paragraph("Monday 9 March 2020 14:30 Home visit; no answer at the door.")
    path = save(document, tmp_path / "hv.docx")
    result = read_agency_file(path, agency="Health Visiting", code="HV")
    assert_valid_entries(result.entries)
    assert [(e.date.display(), e.time, e.source.row) for e in result.entries] == [
        ("14/09/2018", None, 4), ("11/02/2019", None, 5), ("09/03/2020", time(14, 30), 8)]
    assert result.entries[1].summary == ("Clinic. Leo weighed; growth on the 25th centile.\n"
                                         "Mother said she was tired; advised to see the GP.")
    assert result.entries[0].source.describe() == "hv.docx, Paragraphs, row 4"
    # the contact type a paragraph's words open with, where they name one
    assert [e.kind_text for e in result.entries] == [None, "Clinic", "Home visit"]
    assert result.entries[1].kind.value == "clinic / appointment"
    report = result.reports[0]
    assert (report.header_row, report.title, report.blank, report.joined, report.rejected) \
        == (None, 2, 2, 1, 0)
    said = [p.message for p in result.problems if p.code is ProblemCode.CONTINUED_ROW]
    assert said == ["the rest of row 5's summary, joined to its entry (a paragraph with no "
                    "date of its own, under a dated one)"]


@pytest.mark.parametrize(("text", "day", "words"), [
    ("14/09/2018 - New birth visit", "14/09/2018", "New birth visit"),
    ("14/09/2018 \u2013 New birth visit", "14/09/2018", "New birth visit"),
    ("14/09/2018: Clinic", "14/09/2018", "Clinic"),
    ("14/09/2018\tClinic", "14/09/2018", "Clinic"),
    ("14 September 2018 Clinic appointment", "14 September 2018", "Clinic appointment"),
    ("14/09/2018 10:30 Home visit", "14/09/2018 10:30", "Home visit"),
    ("w/c 09/03/2020 - Calls to mother", "w/c 09/03/2020", "Calls to mother"),
    ("2020: the family moved", "2020", "the family moved"),  # a year before a mark
    ("2020 was a difficult year", None, "2020 was a difficult year"),  # a year alone: none
    ("3 children were seen", None, "3 children were seen"),
    ("March - a quiet month", None, "March - a quiet month"),
    ("Mother said she was tired", None, "Mother said she was tired"),
])
def test_the_date_a_paragraph_opens_with(text: str, day: str | None, words: str) -> None:
    from chronogen.read.word_paragraphs import opening_date

    assert opening_date(text) == (day, words)


@pytest.mark.parametrize(("name", "content", "said"), [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
     r"old\.doc: old-style \.doc documents cannot be read"),
    ("saved.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
     r"saved\.docx: this is a password-protected document or an old-style \.doc"),
    ("text.docx", b"Date,Summary\n01/02/2020,Visit\n",
     r"text\.docx: not a readable \.docx document"),
])
def test_what_is_no_word_document_is_refused_saying_what(tmp_path: Path, name: str,
                                                         content: bytes, said: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=said):
        read_sheets(path)


def _package(path: Path, document: str, **parts: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document)
        for name, text in parts.items():
            package.writestr(name, text)
    return path


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_workbook_renamed_docx_and_damaged_text_are_refused(tmp_path: Path) -> None:
    book = tmp_path / "book.docx"
    with zipfile.ZipFile(book, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnreadableFileError, match=r"book\.docx: not a Word document"):
        read_sheets(book)
    damaged = _package(tmp_path / "damaged.docx", f"<w:document {_W}><w:body><w:tbl>")
    with pytest.raises(UnreadableFileError, match=r"damaged\.docx: the document's text is "
                                                  r"damaged"):
        read_sheets(damaged)


def test_entities_that_expand_to_gigabytes_are_refused_in_a_moment(tmp_path: Path) -> None:
    """The "billion laughs": a DTD's entities, each ten of the one before. Word never writes
    a DTD: a part declaring one is refused before it is parsed."""
    entities = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">'
                       for n in range(1, 10))
    bomb = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{entities}]>'
            f'<w:document {_W}><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>&l9;</w:t></w:r>'
            '</w:p></w:tc></w:tr></w:tbl></w:body></w:document>')
    with pytest.raises(UnreadableFileError, match=r"bomb\.docx: the document's text "
                                                  "declares entities of its own"):
        read_sheets(_package(tmp_path / "bomb.docx", bomb))
    # in the comments too, which are read with the cells
    table = (f"<w:document {_W}><w:body><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
             "</w:body></w:document>")
    with pytest.raises(UnreadableFileError, match="the document's list of comments declares"):
        read_sheets(_package(tmp_path / "c.docx", table, **{
            "word/comments.xml": bomb.replace("w:document", "w:comments")}))


def test_a_cell_nested_deeper_than_any_document_is_refused(tmp_path: Path) -> None:
    depth = 5_000
    nested = "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth
    document = (f"<w:document {_W}><w:body><w:tbl><w:tr><w:tc>{nested}<w:p><w:r><w:t>x"
                "</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>")
    with pytest.raises(UnreadableFileError, match="nested"):
        read_sheets(_package(tmp_path / "deep.docx", document))


def test_tables_over_the_cells_limit_are_refused(tmp_path: Path) -> None:
    from chronogen.model.case import Limits

    rows = "".join("<w:tr>" + "<w:tc><w:p/></w:tc>" * 10 + "</w:tr>" for _ in range(200))
    document = f"<w:document {_W}><w:body><w:tbl>{rows}</w:tbl></w:body></w:document>"
    with pytest.raises(UnreadableFileError, match="over 1,000 cells"):
        read_sheets(_package(tmp_path / "many.docx", document), limits=Limits(max_cells=1_000))


_TEXT = st.text(alphabet=st.sampled_from("ab <&>\"'é–1/"), max_size=12)
#: a cell: its paragraphs, the columns it spans, whether a content control (a form's field)
#: holds its paragraphs, where each paragraph's text is split into two runs
_CELL = st.tuples(st.lists(_TEXT, min_size=1, max_size=3), st.integers(1, 3), st.booleans(),
                  st.integers(0, 12))


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=8),
       st.sampled_from(["tbl", "sdt"]))
def test_any_table_is_read_cell_for_cell_and_row_for_row(
        tmp_path_factory: pytest.TempPathFactory,
        rows: list[list[tuple[list[str], int, bool, int]]], wrapped: str) -> None:
    """Paragraphs one a line (blank ones above and below dropped, a blank cell None), a cell
    spread over columns read once in the first of them, every row a row; a table, or a
    cell's paragraphs, inside a content control read as any other, a paragraph's runs as
    one text."""
    body = []
    for row in rows:
        cells = []
        for paragraphs, span, controlled, split in row:
            grid = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
            content = "".join(
                f'<w:p><w:r><w:t xml:space="preserve">{escape(text[:split])}</w:t></w:r>'
                f'<w:r><w:t xml:space="preserve">{escape(text[split:])}</w:t></w:r></w:p>'
                for text in paragraphs)
            if controlled:
                content = f"<w:sdt><w:sdtContent>{content}</w:sdtContent></w:sdt>"
            cells.append(f"<w:tc>{grid}{content}</w:tc>")
        body.append("<w:tr>" + "".join(cells) + "</w:tr>")
    table = "<w:tbl>" + "".join(body) + "</w:tbl>"
    if wrapped == "sdt":
        table = f"<w:sdt><w:sdtContent>{table}</w:sdtContent></w:sdt>"
    path = _package(tmp_path_factory.mktemp("w") / "t.docx",
                    f"<w:document {_W}><w:body>{table}</w:body></w:document>")
    [sheet] = read_sheets(path)
    assert len(sheet.rows) == len(rows)
    for read, written in zip(sheet.rows, rows, strict=True):
        expected: list[str | None] = []
        for paragraphs, span, _, _ in written:
            shown = [n for n, text in enumerate(paragraphs) if text.strip()]
            text = "\n".join(paragraphs[shown[0]:shown[-1] + 1]) if shown else None
            expected += [text] + [None] * (span - 1)
        assert list(read) == expected


def test_a_case_folder_reads_a_word_return_beside_the_workbooks(tmp_path: Path) -> None:
    folder = one_agency_case(tmp_path / "case", "Police", "Date,Summary\n13/03/2020,Call\n")
    marked_document(folder / "health_visiting.docx")
    (folder / "case.toml").write_text(
        (folder / "case.toml").read_text(encoding="utf-8")
        + '[[agencies]]\nname = "Health Visiting"\nfile = "health_visiting.docx"\n',
        encoding="utf-8")
    done = run_here("check", str(folder))
    assert done.returncode == 0, done.stderr
    assert "health_visiting.docx [Table 1]: 6 rows read, 5 entries" in done.stdout
    assert "date-field" in done.stdout
    # a folder with no case.toml reads it as the return of the agency its name says
    (folder / "case.toml").unlink()
    guessed = run_here("check", str(folder))
    assert "health_visiting.docx: read as the chronology of 'Health Visiting'" in \
        guessed.stdout


def test_convert_makes_the_standard_template_from_a_word_return(tmp_path: Path) -> None:
    source = marked_document(tmp_path / "hv.docx")
    done = run_here("convert", str(source), "--agency", "Health Visiting", "-o",
                    str(tmp_path / "hv.xlsx"))
    assert done.returncode == 0, done.stderr
    converted = read_agency_file(tmp_path / "hv.xlsx", agency="Health Visiting", code="HV")
    assert [e.date.display() for e in converted.entries] == [
        "14/09/2018", "11/02/2019", "11/02/2019", "20/03/2019", "05/04/2019"]


def test_ticks_and_ticked_boxes_in_a_word_table_are_answers(tmp_path: Path) -> None:
    """A tick put in from a symbol font (Insert > Symbol: Wingdings, Wingdings 2) is read
    as the tick it shows; a form's check boxes ("☒ Yes ☐ No", as Word's check-box controls
    write them) as the label ticked."""
    def cell(content: str) -> str:
        return f"<w:tc><w:p>{content}</w:p></w:tc>"

    def text(words: str) -> str:
        return cell(f"<w:r><w:t xml:space=\"preserve\">{words}</w:t></w:r>")

    def symbol(font: str, char: str) -> str:
        return cell(f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>')

    rows = [[text("Date"), text("Contact type"), text("Child seen?")],
            [text("01/03/2020"), text("Home visit"), symbol("Wingdings", "F0FC")],
            [text("02/03/2020"), text("Home visit"), symbol("Wingdings 2", "F04F")],
            [text("03/03/2020"), text("Home visit"), text("☐ Yes ☒ No")],
            [text("04/03/2020"), text("Home visit"), symbol("Symbol", "F0B7")]]
    table = "<w:tbl>" + "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows) + "</w:tbl>"
    path = _package(tmp_path / "ticks.docx",
                    f"<w:document {_W}><w:body>{table}</w:body></w:document>")
    assert [row[2] for row in read_sheets(path)[0].rows[1:]] == ["✓", "✗", "☐ Yes ☒ No",
                                                                 None]
    family = read_case(HARBOUR).family
    with_child = _package(tmp_path / "mia.docx", f"<w:document {_W}><w:body>"
                          + table.replace("Child seen?", "Mia seen?") + "</w:body></w:document>")
    result = read_agency_file(with_child, agency="Health Visiting", code="HV", family=family)
    mia = next(p.id for p in family.people if p.first_name == "Mia")
    assert [e.children[mia].seen.value for e in result.entries] == [
        "yes", "no", "no", "not recorded"]


def test_text_word_hides_is_read_and_said(tmp_path: Path) -> None:
    """Text formatted as hidden (Word neither shows nor prints it) is read, as a workbook's
    hidden rows are, and the rows holding it are said."""
    def cell(runs: str) -> str:
        return f"<w:tc><w:p>{runs}</w:p></w:tc>"

    def run(text: str, hidden: bool = False) -> str:
        look = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
        return f'<w:r>{look}<w:t xml:space="preserve">{text}</w:t></w:r>'

    rows = [[run("Date"), run("Contact type"), run("Summary")],
            [run("01/03/2020"), run("Home visit"), run("Visit")],
            [run("02/03/2020"), run("Home visit"), run("Visit.") + run(" Father present.",
                                                                       hidden=True)]]
    table = "<w:tbl>" + "".join("<w:tr>" + "".join(map(cell, row)) + "</w:tr>"
                                for row in rows) + "</w:tbl>"
    path = _package(tmp_path / "hidden.docx",
                    f"<w:document {_W}><w:body>{table}</w:body></w:document>")
    [sheet] = read_sheets(path)
    assert sheet.rows[2][2] == "Visit. Father present."
    assert [(code, note) for code, note in sheet.notes] == [
        (ProblemCode.HIDDEN_CONTENT, "text formatted as hidden, which Word neither shows nor "
         "prints, in Table 1 row 3: read as every word is; open the document and show "
         "hidden text to see it")]


def test_a_footnote_on_a_cell_is_kept_with_it(tmp_path: Path) -> None:
    """A footnote (or endnote) a cell refers to is kept with the cell, as a comment is: its
    words are in another part of the document, and would be lost otherwise."""
    def cell(runs: str) -> str:
        return f"<w:tc><w:p>{runs}</w:p></w:tc>"

    def run(text: str) -> str:
        return f"<w:r><w:t>{text}</w:t></w:r>"

    noted = run("Visit") + '<w:r><w:footnoteReference w:id="1"/></w:r>'
    table = ("<w:tbl><w:tr>" + cell(run("Date")) + cell(run("Summary")) + "</w:tr><w:tr>"
             + cell(run("01/03/2020")) + cell(noted) + "</w:tr></w:tbl>")
    footnotes = (f"<w:footnotes {_W}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r>"
                 "<w:separator/></w:r></w:p></w:footnote><w:footnote w:id=\"1\"><w:p>"
                 + run("Seen by the duty worker, not the allocated one.")
                 + "</w:p></w:footnote></w:footnotes>")
    path = _package(tmp_path / "noted.docx",
                    f"<w:document {_W}><w:body>{table}</w:body></w:document>",
                    **{"word/footnotes.xml": footnotes})
    [sheet] = read_sheets(path)
    assert sheet.rows[1] == ("01/03/2020", "Visit")
    assert sheet.comments == {
        (2, 2): "Footnote 1: Seen by the duty worker, not the allocated one."}
    entry = read_agency_file(path, agency="CSC", code="CSC").entries[0]
    assert "Footnote 1: Seen by the duty worker" in str(entry.raw)


def test_a_damaged_list_of_comments_is_said_and_the_cells_still_read(tmp_path: Path) -> None:
    table = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Date</w:t></w:r></w:p></w:tc></w:tr>"
             "<w:tr><w:tc><w:p><w:r><w:t>01/03/2020</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    path = _package(tmp_path / "c.docx", f"<w:document {_W}><w:body>{table}</w:body>"
                    "</w:document>", **{"word/comments.xml": f"<w:comments {_W}><w:comment"})
    [sheet] = read_sheets(path)
    assert sheet.rows == [("Date",), ("01/03/2020",)]
    [(code, note)] = sheet.notes
    assert code is ProblemCode.CELL_COMMENT
    assert note.startswith("c.docx: the document's list of comments is damaged and was not "
                           "read")


@settings(max_examples=examples(100), deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from([" - ", ": ", "\t", " ", " \u2013 "]),
       st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=60))
def test_any_dated_paragraph_gives_its_date_and_words(day: date, mark: str,
                                                      rest: str) -> None:
    """A paragraph of a day, a mark and any words: the day as written and the words; no
    text makes the reading fail."""
    from chronogen.read.word_paragraphs import opening_date

    written = f"{day:%d/%m/%Y}"
    words = rest.strip()
    found = opening_date(f"{written}{mark}{rest}")
    first = words.split()[0] if words.split() else ""
    plain = first.isalpha() and first.lower() not in ("at", "am", "pm", "noon", "midday")
    if plain and mark.strip(" "):  # a mark between: exactly the day and the words
        assert found == (written, words)
    assert found[0] in (None, written) or found[0].startswith(written)
    opening_date(rest)  # any text: read or not, never an error


def test_paragraphs_beside_a_table_are_a_sheet_of_their_own(tmp_path: Path) -> None:
    """A table of the child's details above a chronology written as paragraphs: the
    paragraphs are read; under a chronology table, a dated paragraph is said, not lost."""
    document = word_document([["Name of child", "Mia Harbour"], ["Date of birth",
                                                                   "14/02/2016"]],
                             headings=None, title="Chronology")
    document.add_paragraph("14/09/2018 - New birth visit for Leo; Mia present and playing.")
    document.add_paragraph("11/02/2019 - Clinic: Leo weighed; growth on the 25th centile.")
    details = read_agency_file(save(document, tmp_path / "details.docx"),
                               agency="Health Visiting", code="HV")
    assert [e.source.sheet for e in details.entries] == ["Paragraphs", "Paragraphs"]
    table = word_document(ROWS)
    table.add_paragraph("20/03/2020 - Note added after the review meeting about the visits.")
    read = read_agency_file(save(table, tmp_path / "table.docx"), agency="Health Visiting",
                            code="HV")
    assert {e.source.sheet for e in read.entries} == {"Table 1"}
    assert any(p.code is ProblemCode.SHEET_NOT_READ and "Paragraphs" in p.message
               for p in read.problems)


def test_a_paragraph_chronology_of_short_entries_is_read(tmp_path: Path) -> None:
    """The paragraphs' columns are known (their date, their words): short entries are read
    as long ones are, not judged by their length as a sheet's unnamed columns are."""
    from docx import Document

    document = Document()
    document.add_paragraph("HV contacts")
    for day, words in (("01/03/2020", "Visit."), ("03/03/2020", "Call."),
                       ("09/03/2020", "Clinic."), ("10/03/2020", "No answer.")):
        document.add_paragraph(f"{day} - {words}")
    result = read_agency_file(save(document, tmp_path / "short.docx"),
                              agency="Health Visiting", code="HV")
    assert [(e.date.display(), e.summary) for e in result.entries] == [
        ("01/03/2020", "Visit."), ("03/03/2020", "Call."), ("09/03/2020", "Clinic."),
        ("10/03/2020", "No answer.")]
    assert result.reports[0].title == 1 and not result.rejected

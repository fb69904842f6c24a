"""The appendix documents: structure of chronology.docx, and that LibreOffice opens every
xlsx and docx chronogen writes without repair (converted to PDF by `soffice --headless`)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from openpyxl.worksheet.cell_range import CellRange
from pypdf import PdfReader

from chronogen import Case
from chronogen.write.docx_file import CHRONOLOGY_COLUMNS, write_docx
from chronogen.write.xlsx_file import write_xlsx
from tests.conftest import HARBOUR

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def appendix_docx(harbour_case: Case, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(harbour_case, tmp_path_factory.mktemp("docx") / "chronology.docx")


def test_landscape_with_marking_and_page_numbers(appendix_docx: Path) -> None:
    document = docx.Document(str(appendix_docx))
    (section,) = document.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    header = section.header.paragraphs[0].text
    assert header.startswith("OFFICIAL-SENSITIVE") and "Harbour family (fictional)" in header
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer


def test_the_chronology_table_repeats_its_header_and_is_shaded_by_agency(
        appendix_docx: Path, harbour_case: Case) -> None:
    document = docx.Document(str(appendix_docx))
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [h for h, _ in CHRONOLOGY_COLUMNS]
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert len(table.rows) == len(harbour_case.entries) + 1
    refs = [row.cells[-1].text for row in table.rows[1:]]
    assert refs == [e.id for e in harbour_case.entries]
    fills = {}
    for row in table.rows[1:]:
        shade = row.cells[0]._tc.find(f"{W}tcPr/{W}shd")
        fills.setdefault(row.cells[1].text, set()).add(shade.get(f"{W}fill"))
    assert all(len(f) == 1 for f in fills.values())  # one colour per agency
    assert len({next(iter(f)) for f in fills.values()}) == len(fills)  # ... each its own
    csc16 = table.rows[refs.index("CSC-16") + 1]
    entry = next(e for e in harbour_case.entries if e.id == "CSC-16")
    assert csc16.cells[3].text == entry.summary  # the agency's words, as written


def test_styles_not_direct_formatting(appendix_docx: Path) -> None:
    document = docx.Document(str(appendix_docx))
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Caption"} <= used
    xml = zipfile.ZipFile(appendix_docx).read("word/document.xml").decode("utf-8")
    for style in ("ChronologyText", "ChronologyHeading", "AnswerNo", "AnswerNotRecorded",
                  "FlagCode"):
        assert f'w:val="{style}"' in xml, style
    assert "<w:b/>" not in xml and "<w:color " not in xml  # bold and colour come from styles
    assert len(document.inline_shapes) == 2  # the genogram and the timeline


def test_method_note_flags_and_summaries_are_there(appendix_docx: Path,
                                                   harbour_case: Case) -> None:
    document = docx.Document(str(appendix_docx))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for heading in ("How this chronology was made", "Sources", "What was rejected",
                    "What else was noticed in reading",
                    "Settings used for the flags", "The family", "Contacts over time",
                    "Summaries", "Flags", "The chronology"):
        assert heading in headings, heading
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "referral-not-received" in text and "police_incidents.xlsx" in text
    settings_rows = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    assert ["Age in years from which a child's views are expected to be sought", "3",
            "views_from_age"] in settings_rows


def test_what_reading_noticed_is_listed(appendix_docx: Path) -> None:
    """Besides the rejected rows: the harbour school's sheet that was not read."""
    from tests.test_noticed_in_reading import docx_rows

    assert ["school_chronology.xlsx, sheet 'Attendance summary'", "Note",
            "sheet 'Attendance summary' (3 filled rows) was not read: it has no chronology "
            "header"] in docx_rows(appendix_docx)


def test_the_word_appendix_lists_twenty_flags_of_a_kind_then_counts_the_rest(
        tmp_path: Path) -> None:
    from chronogen import read_case
    from tests.conftest import unseen_visits_case

    case = read_case(unseen_visits_case(tmp_path / "case", 25))
    document = docx.Document(str(write_docx(case, tmp_path / "chronology.docx")))
    (flags,) = [t for t in document.tables if t.rows[0].cells[0].text == "No."]
    rows = [[c.text for c in r.cells] for r in flags.rows[1:]]
    unseen = [r for r in rows if r[1] == "child-not-seen (medium)"]
    assert [r[0] for r in unseen] == [str(n) for n in range(1, 21)]
    (more,) = [r for r in rows if r[0] == ""]
    assert more[2].startswith("And 5 more child-not-seen flags like these")
    assert rows.index(more) == 20  # straight after the twentieth
    assert sum(r[1] == "hidden-adult (high)" for r in rows) == 2  # the others all listed


@pytest.mark.slow
def test_docx_is_byte_identical(harbour_case: Case, tmp_path: Path) -> None:
    one = write_docx(harbour_case, tmp_path / "a.docx")
    two = write_docx(harbour_case, tmp_path / "b.docx")
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; "
                                            ".ci/run installs it")
def test_libreoffice_opens_every_workbook_and_document(harbour_case: Case,
                                                       tmp_path: Path) -> None:
    files = [write_xlsx(harbour_case, tmp_path / "chronology.xlsx"),
             write_docx(harbour_case, tmp_path / "appendix.docx"),  # its own PDF
             _converted(tmp_path / "template.xlsx")]
    out = tmp_path / "pdf"
    assert SOFFICE is not None
    done = subprocess.run([SOFFICE, "--headless", "--norestore",
                           f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                           "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    for source in files:
        pdf = out / f"{source.stem}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), source.name
        assert pdf.stat().st_size > 5000, source.name
    # a row too short for its wrapped text prints without its last lines: every word of
    # every cell of the chronology is on the chronology sheet's printed pages, as often as
    # the cells hold it (LibreOffice, like Excel, grows no row on opening a file)
    printed: Counter[str] = Counter()
    for page in PdfReader(out / "chronology.pdf").pages:
        text = page.extract_text()
        if re.search(r"^Chronology\s*Page \d+ of \d+", text, re.MULTILINE):
            printed.update(_words(text))
    sheet = openpyxl.load_workbook(files[0])["Chronology"]
    area = CellRange(str(sheet.print_area).split("!")[-1])
    held = Counter(word for row in sheet.iter_rows(min_row=2, max_col=area.max_col,
                                                   values_only=True)
                   for value in row if isinstance(value, str) for word in _words(value))
    assert held and held - printed == Counter()
    # the same of the standard template a return was converted into (its own rows' heights)
    printed = Counter(word for page in PdfReader(out / "template.pdf").pages
                      for word in _words(page.extract_text()))
    template = openpyxl.load_workbook(files[2])["Chronology"]
    held = Counter(word for row in template.iter_rows(min_row=2, values_only=True)
                   for value in row if isinstance(value, str) for word in _words(value))
    assert held and held - printed == Counter()


def _converted(output: Path) -> Path:
    """The bundled case's social-care return converted into the standard template."""
    from chronogen.convert import convert_file

    convert_file(HARBOUR / "csc_chronology.xlsx", output, agency="Children's Social Care")
    return output


def _words(text: str) -> list[str]:
    """A text's words as a printed page gives them back: split at spaces and after hyphens
    (where a wrapped line may break)."""
    return [word for word in re.split(r"[\s-]+", text) if word]


def test_the_glossary_lists_the_abbreviations_the_records_use(harbour_case: Case,
                                                              appendix_docx: Path,
                                                              tmp_path: Path) -> None:
    from chronogen.domain.abbreviations import abbreviations_in
    from chronogen.write.html_file import render_report

    assert abbreviations_in(["Section 47 agreed; DV notification to CSC", "seen by hv",
                             "HARBOUR arrested", "A&E at 3am"]) == [
        ("A&E", "Accident and Emergency department"), ("CSC", "Children's Social Care"),
        ("DV", "Domestic Violence"),
        ("S47", "Section 47, Children Act 1989 (child protection enquiry)")]
    document = docx.Document(str(appendix_docx))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Abbreviation")
    assert [r.cells[0].text for r in table.rows[1:]] == [
        "CP", "CSC", "DS", "DSL", "DV", "HV", "S47", "SW"]
    html = render_report(harbour_case)
    assert '<section id="abbreviations"' in html and "<dt>MARAC</dt>" not in html
    key = [str(c.value) for row in openpyxl.load_workbook(
        write_xlsx(harbour_case, tmp_path / "c.xlsx"))["Key"].iter_rows() for c in row if c.value]
    assert "Abbreviations used in the records" in key and "Detective Sergeant" in key


def test_text_like_the_row_placeholder_is_kept_as_text(harbour_case: Case,
                                                       tmp_path: Path) -> None:
    """The chronology's rows are put in place of a placeholder as the document is saved;
    a case whose own words look like a placeholder keeps them, and every row."""
    odd = "chronogen-rows-later-1"
    case = harbour_case.model_copy(update={"title": odd})
    document = docx.Document(str(write_docx(case, tmp_path / "c.docx")))
    assert any(odd in p.text for p in document.paragraphs)
    assert len(document.tables[-1].rows) == len(case.entries) + 1

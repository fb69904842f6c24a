"""Writing small test Word documents: an agency chronology laid out as a table, as
practitioners keep them (python-docx writes them; what it cannot, a test adds as XML).

``python -m tests.data.word_returns OUT`` writes the marked health-visiting chronology to
OUT; ``tests/data/word/health_visiting_libreoffice.docx`` is that file opened and saved
again by LibreOffice Writer (``soffice --headless --convert-to "docx:MS Word 2007 XML"``),
to read a second writer's XML."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table, _Cell

HEADINGS = ["Date", "Time", "Contact type", "Child", "Summary of contact", "Child seen?",
            "Outcome"]


def word_document(rows: Sequence[Sequence[str]], *, headings: Sequence[str] = HEADINGS,
                  title: str = "Health Visiting chronology (fictional)") -> DocumentObject:
    """A document: a title, a paragraph, then one table of *headings* and *rows*, its header
    row repeated on each page as Word marks it. Not yet saved."""
    document = Document()
    document.add_heading(title, 1)
    document.add_paragraph("Prepared for the review. Entries in date order.")
    add_table(document, rows, headings=headings)
    return document


def add_table(document: DocumentObject, rows: Sequence[Sequence[str]], *,
              headings: Sequence[str] | None = HEADINGS) -> Table:
    """A table appended to *document*: *headings* (none for a table continuing the one
    before it) and *rows*."""
    width = len(headings) if headings else max(len(row) for row in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if headings:
        cells = table.add_row().cells
        for cell, heading in zip(cells, headings, strict=True):
            cell.text = heading
        header = table.rows[0]._tr.get_or_add_trPr()
        header.append(OxmlElement("w:tblHeader"))
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=False):
            cell.text = text
    return table


def save(document: DocumentObject, path: Path) -> Path:
    document.save(str(path))
    return path


def strike(cell: _Cell, words: str | None = None) -> None:
    """Strike through *words* of the cell's text (all of it without)."""
    paragraph = cell.paragraphs[0]
    text = paragraph.text
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    if words is None:
        paragraph.add_run(text).font.strike = True
        return
    before, _, after = text.partition(words)
    paragraph.add_run(before)
    paragraph.add_run(words).font.strike = True
    paragraph.add_run(after)


def bold(cell: _Cell) -> None:
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.bold = True


def highlight(cell: _Cell, colour: WD_COLOR_INDEX = WD_COLOR_INDEX.YELLOW) -> None:
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.highlight_color = colour


def shade(cell: _Cell, fill: str) -> None:
    """Shade the cell (a table cell's own fill: ``FFC7CE``)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def link(document: DocumentObject, cell: _Cell, address: str) -> None:
    """Make the cell's text a hyperlink to *address*."""
    paragraph = cell.paragraphs[0]
    rid = document.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rid)
    for run in list(paragraph.runs):
        hyperlink.append(run._r)
    paragraph._p.append(hyperlink)


def _change(kind: str, number: str, text_tag: str, text: str) -> Any:
    """A tracked change (*kind*: ``w:del`` or ``w:ins``) by a reviewer, holding one run of
    *text* (in a ``w:delText`` where deleted)."""
    change = OxmlElement(kind)
    change.set(qn("w:id"), number)
    change.set(qn("w:author"), "Reviewer")
    run = OxmlElement("w:r")
    element = OxmlElement(text_tag)
    element.text = text
    element.set(qn("xml:space"), "preserve")
    run.append(element)
    change.append(run)
    return change


def tracked(cell: _Cell, deleted: str, inserted: str) -> None:
    """Tracked changes in the cell's first paragraph: *deleted* words struck out by a
    reviewer, *inserted* words added (neither accepted yet), in place of its text."""
    paragraph = cell.paragraphs[0]._p
    for run in list(cell.paragraphs[0].runs):
        paragraph.remove(run._r)
    paragraph.append(_change("w:del", "901", "w:delText", deleted))
    paragraph.append(_change("w:ins", "902", "w:t", inserted))


def deleted_row(table: Table, index: int) -> None:
    """Mark row *index* of *table* deleted in tracked changes."""
    properties = table.rows[index]._tr.get_or_add_trPr()
    removal = OxmlElement("w:del")
    removal.set(qn("w:id"), "903")
    removal.set(qn("w:author"), "Reviewer")
    properties.append(removal)


def date_field(cell: _Cell, shown: str) -> None:
    """The cell's text a field (``DATE``) whose shown result is *shown*: the field's code
    is not text a reader sees."""
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)

    def part(kind: str | None = None, code: str | None = None, text: str | None = None
             ) -> None:
        run = OxmlElement("w:r")
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        if code is not None:
            instruction = OxmlElement("w:instrText")
            instruction.text = code
            run.append(instruction)
        if text is not None:
            element = OxmlElement("w:t")
            element.text = text
            run.append(element)
        paragraph._p.append(run)

    part("begin")
    part(code=' DATE \\@ "dd/MM/yyyy" ')
    part("separate")
    part(text=shown)
    part("end")


ROWS = [["14/09/2018", "", "New birth visit", "Leo", "New birth visit for Leo. Mia present.",
         "Yes", "Next visit 6 weeks"],
        ["11/02/2019", "10:30", "Clinic", "Leo", "Leo weighed at clinic.", "Yes", ""],
        ["", "", "Home visit", "Mia", "Home visit; Mia seen with mother.", "Yes", "Follow up"],
        ["20/03/2019", "", "Telephone call", "", "Mother rang about feeding.", "No",
         "Advice given"],
        ["05/04/2019", "", "Home visit", "Mia, Leo", "No answer at door.", "No", "Card left"]]


def marked_document(path: Path) -> Path:
    """The health visitor's chronology with what Word can do to a table: a date merged
    down, words struck through, a bold cell, a highlight, a shaded cell, a link, a
    comment, tracked changes and a date that is a field."""
    document = word_document(ROWS)
    table = document.tables[0]
    table.cell(2, 0).merge(table.cell(3, 0)).text = "11/02/2019"
    strike(table.cell(4, 4), "feeding")
    bold(table.cell(5, 4))
    highlight(table.cell(5, 2))
    shade(table.cell(1, 6), "FFC7CE")
    link(document, table.cell(1, 4), "file:///S:/CaseNotes/HV-1.docx")
    tracked(table.cell(3, 6), "Follow up next week", "Follow up in two weeks")
    document.add_comment(table.cell(4, 4).paragraphs[0].runs, text="Check with GP",
                         author="HV lead")
    date_field(table.cell(5, 0), "05/04/2019")
    return save(document, path)


if __name__ == "__main__":
    import sys

    print(marked_document(Path(sys.argv[1])))

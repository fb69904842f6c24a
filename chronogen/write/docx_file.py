"""``chronology.docx``: the appendix a report author drops into a review (python-docx).

Landscape A4; every paragraph and table is given a named style (``Chronology Text``,
``Answer No``, ``Flag Code``, ...) rather than direct formatting, so an author can restyle the
whole appendix from Word's style pane. Contents: a title page; a method note (sources and
their counts, period, settings, what was rejected); the genogram with its key; the timeline;
the summary tables; the flags with their evidence; the chronology as a table whose header
row repeats on every page, rows shaded by agency. The protective marking is in the page
header, page X of Y in the footer. The agencies' words are quoted, never changed.
"""

from __future__ import annotations

import io
import secrets
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from chronogen.domain.wording import counted
from chronogen.draw.render import find_dot
from chronogen.model.case import Case
from chronogen.write.also_recorded import also_text
from chronogen.write.appendix import (
    EVIDENCE_LISTED,
    FLAGS_OF_A_KIND,
    WHO_IS_WHO,
    WORRYING,
    Appendix,
    AppendixRow,
    build_appendix,
)
from chronogen.write.archive import FIXED_DOC_TIME, normalise_zip
from chronogen.write.cell_text import clean
from chronogen.write.genogram_files import drawn_as_at
from chronogen.write.listing import numbered, of_a_kind
from chronogen.write.registry import OutputOptions, Written
from chronogen.write.timeline_files import timeline_picture

#: usable width of a landscape A4 page with 15 mm margins, in millimetres
_USABLE_MM = 267
#: the chronology table's columns: heading and width in millimetres
CHRONOLOGY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Date", 21), ("Agency", 24), ("Contact type", 24), ("What happened", 80),
    ("Outcome / action", 40), ("Child seen / views", 41), ("Flags", 22), ("Ref.", 15))
_NAVY = "1F3864"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _styles(document: Any) -> None:
    """The named styles the appendix uses (created once, restylable by the author)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10)

    def paragraph(name: str, size: float, *, bold: bool = False,
                  colour: str | None = None) -> None:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        if colour:
            style.font.color.rgb = RGBColor.from_string(colour)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)

    def character(name: str, *, bold: bool = False, italic: bool = False,
                  colour: str | None = None) -> None:
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.font.bold = bold
        style.font.italic = italic
        if colour:
            style.font.color.rgb = RGBColor.from_string(colour)

    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm

    for name in ("Header", "Footer"):  # tab stops for a landscape page: centre and right
        tabs = styles[name].paragraph_format.tab_stops
        for stop in list(tabs):
            tabs._pPr.tabs.remove(stop._tab)  # the portrait stops of the default template
        tabs.add_tab_stop(Mm(_USABLE_MM / 2), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(Mm(_USABLE_MM), WD_TAB_ALIGNMENT.RIGHT)
    paragraph("Chronology Text", 8.5)
    paragraph("Chronology Heading", 8.5, bold=True, colour="FFFFFF")
    paragraph("Marking", 9, bold=True)
    styles["Marking"].base_style = styles["Header"]
    paragraph("Title Page Detail", 12)
    character("Answer No", bold=True, colour="C00000")
    character("Answer Not Recorded", italic=True, colour="9C5700")
    character("Flag Code", bold=True, colour="7B0C1E")
    character("Also Recorded", italic=True, colour="595959")


def _landscape(document: Any, appendix: Appendix) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(15))
    section.top_margin, section.bottom_margin = Mm(18), Mm(15)
    header = section.header.paragraphs[0]
    header.style = document.styles["Marking"]
    header.text = f"{clean(appendix.marking)}\t{clean(appendix.title)}\t{clean(appendix.marking)}"
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run("\tPage ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    footer.add_run(f"\t{clean(appendix.marking)}")


def _field(paragraph: Any, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) in *paragraph*, with a placeholder result."""
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(
        f'<w:fldSimple xmlns:w="{_W}" w:instr="{code}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import parse_xml

    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd xmlns:w="{_W}" w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _repeat_header(row: Any) -> None:
    """Mark a table row as a header row, repeated at the top of every page."""
    from docx.oxml import parse_xml

    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{_W}"/>'))


def _set_widths(table: Any, widths_mm: Sequence[float]) -> list[int]:
    """Fixed column widths (in the grid, which Word and LibreOffice lay out by, and on each
    cell of the table so far); returns them in twips for cells added later."""
    from docx.oxml import parse_xml

    twips = [round(mm * 56.7) for mm in widths_mm]
    tbl = table._tbl
    for column, width in zip(tbl.tblGrid.findall(f"{{{_W}}}gridCol"), twips, strict=True):
        column.set(f"{{{_W}}}w", str(width))
    properties = tbl.tblPr
    properties.append(parse_xml(f'<w:tblLayout xmlns:w="{_W}" w:type="fixed"/>'))
    for row in table.rows:
        for cell, width in zip(row.cells, twips, strict=True):
            cell._tc.get_or_add_tcPr().get_or_add_tcW().set(f"{{{_W}}}w", str(width))
            cell._tc.tcPr.tcW.set(f"{{{_W}}}type", "dxa")
    return twips


def _simple_table(document: Any, headings: Sequence[str], rows: Sequence[Sequence[object]],
                  widths: Sequence[float] | None = None, *, later: _Later | None = None,
                  rows_whole: bool = False) -> Any:
    """A table (summaries, sources, flags) in the document's own styles; its body rows are
    made as XML, a row at a time, not cell by cell through python-docx (which looks every
    style up by name again for each cell). With *later*, see :func:`_append_rows`. With
    *rows_whole*, no row is split between two pages (for short rows only: a row taller than
    a page would then be cut)."""
    table = document.add_table(rows=1, cols=len(headings))
    table.style = document.styles["Table Grid"]
    heading_style = document.styles["Chronology Heading"]
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
        cell.paragraphs[0].style = heading_style
        _shade(cell, _NAVY)
    _repeat_header(table.rows[0])
    twips = _set_widths(table, widths or [_USABLE_MM / len(headings)] * len(headings))
    opening = "<w:tr><w:trPr><w:cantSplit/></w:trPr>" if rows_whole else "<w:tr>"
    _append_rows(table, (
        opening + "".join(_cell(_lines(None if value is None else str(value)), width)
                           for value, width in zip(values, twips, strict=True)) + "</w:tr>"
        for values in rows), later=later)
    return table


#: the text of a placeholder row, standing for rows put into document.xml as it is saved;
#: made new for every document, so no text of a case can be taken for it
_LATER = "chronogen-rows-later-{}-{}"


class _Later:
    """Tables' rows kept aside, each table's in a nameless temporary file in *folder* (the
    chronology of a long case is hundreds of megabytes of XML), put into ``document.xml``
    as the package is written (:func:`_put_rows_in`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, IO[bytes]] = {}

    def keep(self, rows: Iterable[str]) -> str | None:
        """Keep *rows*; the placeholder text standing for them (None: there were none)."""
        kept = tempfile.TemporaryFile(dir=self.folder)  # noqa: SIM115 (closed in close())
        for row in rows:
            kept.write(row.encode("utf-8"))
        if not kept.tell():
            kept.close()
            return None
        marker = _LATER.format(secrets.token_hex(16), len(self.files) + 1)
        self.files[marker] = kept
        return marker

    @property
    def size(self) -> int:
        """Bytes kept in all."""
        return sum(kept.seek(0, io.SEEK_END) for kept in self.files.values())

    def close(self) -> None:
        """Let the temporary files go."""
        for kept in self.files.values():
            kept.close()


def _append_rows(table: Any, rows: Iterable[str], *, later: _Later | None = None,
                 chunk: int = 500) -> None:
    """Append *rows* (``<w:tr>`` XML) to *table*. With *later*, a placeholder row is added
    instead and the rows are put in its place in the saved ``document.xml`` text
    (:func:`_put_rows_in`): tens of thousands of rows are then neither parsed nor
    serialised by python-docx, nor held. Else they are parsed a chunk at a time."""
    from docx.oxml import parse_xml

    if later is not None:
        marker = later.keep(rows)
        if marker is not None:
            table.add_row().cells[0].text = marker
        return
    listed = list(rows)
    tbl = table._tbl
    for start in range(0, len(listed), chunk):
        holder = parse_xml(f'<w:tbl xmlns:w="{_W}">{"".join(listed[start:start + chunk])}'
                           "</w:tbl>")
        for row in list(holder):
            tbl.append(row)


def _put_rows_in(document_xml: bytes, later: _Later) -> Iterator[bytes]:
    """``document.xml`` with each placeholder row replaced by the rows it stands for, a
    piece at a time."""
    done = 0
    for marker, kept in later.files.items():
        at = document_xml.index(marker.encode("utf-8"), done)
        start = document_xml.rindex(b"<w:tr", done, at)
        while document_xml[start + 5:start + 6] not in (b">", b" "):  # <w:trPr> is inside
            start = document_xml.rindex(b"<w:tr", done, start)
        end = document_xml.index(b"</w:tr>", at) + len(b"</w:tr>")
        yield document_xml[done:start]
        kept.seek(0)
        while piece := kept.read(1 << 20):
            yield piece
        done = end
    yield document_xml[done:]


def _title_page(document: Any, appendix: Appendix) -> None:
    from docx.enum.text import WD_BREAK

    case = appendix.case
    document.add_paragraph(clean(appendix.marking), style="Marking")
    document.add_paragraph(clean(appendix.title), style="Title")
    document.add_paragraph("Multi-agency chronology: appendix", style="Subtitle")
    details = [
        f"Period covered: {appendix.period}",
        "Subject children: " + (", ".join(clean(c.name) for c in appendix.children)
                                or "none marked"),
        f"Agencies: {len(appendix.fills)}; entries: {len(case.entries)}; "
        f"flags: {len(case.flags)}",
        "The chronology quotes each agency's own record. What chronogen adds (flags, shading, "
        "highlighted answers) is an invitation to look, not a judgement.",
    ]
    for line in details:
        document.add_paragraph(line, style="Title Page Detail")
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _method(document: Any, appendix: Appendix) -> None:
    case = appendix.case
    document.add_heading("How this chronology was made", level=1)
    document.add_paragraph(
        f"Each agency's own chronology was read as it was sent and merged into one timeline "
        f"in date order ({appendix.period}). Every row of every return is accounted for: it "
        f"became an entry, or it was rejected with its reason, or it was a blank, title or "
        f"heading row, an author's note, or the rest of the text of the entry above it (where "
        f"an agency's return splits its records over rows). Entries that several agencies "
        f"made of the same meeting or incident are "
        f"linked, not merged ({len(case.joint_events)} joint events).")
    document.add_heading("Sources", level=2)
    _simple_table(document, ["Agency", "File", "Sheet", "Rows read", "Entries", "Rejected",
                             "Blank", "Title / heading rows", "Notes / joined rows"],
                  [[f.agency, f.file, f.where, f.rows_read, f.entries, f.rejected,
                    f.blank, f.title + f.headers, f.notes + f.joined] for f in case.files],
                  # the file names whole on a line (a ninth of the page each broke them)
                  widths=[40, 56, 32, 22, 20, 22, 18, 28, 28])
    if notes := appendix.author_notes():
        document.add_heading("Notes from the agencies' authors", level=2)
        document.add_paragraph("Rows an agency's author marked as a note to the review, quoted "
                               "as written; they are not entries.")
        _simple_table(document, ["Agency", "Where", "Note"], [list(n) for n in notes],
                      widths=[35, 60, 172])
    document.add_heading("What was rejected", level=2)
    if case.rejected:
        reasons: dict[str, int] = {}
        for rejected in case.rejected:
            reasons[rejected.code.value] = reasons.get(rejected.code.value, 0) + 1
        kept = appendix.rejected_cells_kept
        document.add_paragraph(
            f"{counted(len(case.rejected), 'row')} could not be used: "
            + "; ".join(f"{code} ({n})" for code, n in sorted(reasons.items())) + ". Each is "
            + ("below with the reason and the row as the agency wrote it (and in the "
               "workbook's 'Rejected rows' sheet)" if kept else
               "below with the reason (the rows as the agencies wrote them are not kept in "
               "this set)") + ": a row may be a contact whose date was mistyped.")
        if kept:
            _simple_table(document, ["Where", "Why", "The row as written"],
                          appendix.rejected_rows(), widths=[50, 95, 122])
        else:
            _simple_table(document, ["Where", "Why"], appendix.rejected_rows(),
                          widths=[70, 197])
    else:
        document.add_paragraph("No row was rejected.")
    document.add_heading("What else was noticed in reading", level=2)
    if noticed := appendix.noticed():
        document.add_paragraph(
            "What reading the returns and the family file noticed besides the rows rejected, "
            "errors and warnings first (every one, with its code, is in the workbook's "
            "Problems sheet and case.json):")
        _simple_table(document, ["Where", "How serious", "What was noticed"], noticed,
                      widths=[70, 22, 175])
    else:
        document.add_paragraph("Nothing else was noticed.")
    document.add_heading("Settings used for the flags", level=2)
    _simple_table(document, ["Setting", "Value", "In case.toml"],
                  [[meaning, value, key] for meaning, key, value in case.settings.described()],
                  widths=[115, 25, 50])
    if appendix.glossary:
        document.add_heading("Abbreviations used in the agencies' records", level=2)
        _simple_table(document, ["Abbreviation", "Stands for"], appendix.glossary,
                      widths=[40, 150])


def _pictures(document: Any, appendix: Appendix, options: OutputOptions) -> None:
    from docx.shared import Mm

    from chronogen.draw.render import draw_genogram

    case = appendix.case
    document.add_heading("The family", level=1)
    with tempfile.TemporaryDirectory() as folder:
        genogram = Path(folder) / "genogram.png"
        if find_dot() is not None and case.family.people:
            when = drawn_as_at(options, appendix.last)
            draw_genogram(case.family, [genogram], as_at=when, title=None, dpi=options.dpi)
            document.add_picture(str(genogram), width=Mm(_USABLE_MM - 20))
            document.add_paragraph(
                "Genogram in standard notation, households as at "
                f"{when.strftime('%d/%m/%Y') if when else 'the latest date known'} (the key "
                "is beside the drawing).", style="Caption")
        else:
            document.add_paragraph("The genogram is not drawn here: "
                                   + ("the case has no family file." if not case.family.people
                                      else "Graphviz is not installed."))
        if people := appendix.who_is_who(options.as_at):
            when = drawn_as_at(options, appendix.last)
            document.add_heading("Who is who", level=2)
            document.add_paragraph(
                f"The family as at {when.strftime('%d/%m/%Y') if when else ''}: each person's "
                "relationship to the index child, age, and whether they lived with the index "
                "child then; notes as the family file gives them.")
            _simple_table(document, WHO_IS_WHO, people, widths=[38, 45, 12, 24, 40, 22, 86],
                          rows_whole=True)
        if changes := appendix.household_changes():
            document.add_heading("Who lived where", level=2)
            document.add_paragraph("Each move into and out of a household the family file "
                                   "records, in date order.")
            _simple_table(document, ["When", "Household", "Who", "What"], changes,
                          widths=[30, 70, 60, 40], rows_whole=True)
        if case.entries:
            timeline = timeline_picture(case, "png", Path(folder), options)
            document.add_heading("Contacts over time", level=1)
            document.add_picture(str(timeline), width=Mm(_USABLE_MM))
            document.add_paragraph(
                "Each agency's contacts across the period: whether a child was seen, recorded "
                "as not seen, or not recorded; unseen periods per child shaded.", style="Caption")


def _summaries(document: Any, appendix: Appendix) -> None:
    summaries = appendix.case.summaries
    document.add_heading("Summaries", level=1)
    document.add_heading("By agency", level=2)
    _simple_table(document, ["Agency", "Contacts", "About a child", "Child seen",
                             "Views recorded", "Seen not recorded"],
                  [[a.agency, a.contacts, a.about_children, a.child_seen, a.views_recorded,
                    a.seen_not_recorded] for a in summaries.agencies])
    document.add_heading("By child", level=2)
    _simple_table(document, ["Child", "Times seen", "Seen alone", "Views recorded",
                             "Longest unseen", "Missed appointments", "No-access visits"],
                  [[c.name, c.times_seen, c.times_seen_alone, c.views_recorded,
                    f"{counted(c.longest_unseen_days, 'day')} ({c.longest_unseen.display()})"
                    if c.longest_unseen and c.longest_unseen_days is not None else "",
                    c.missed_appointments, c.no_access_visits]
                   for c in summaries.children])


def _flags(document: Any, appendix: Appendix, later: _Later) -> None:
    case = appendix.case
    entries = {r.entry.id: r for r in appendix.rows}
    document.add_heading("Flags", level=1)
    document.add_paragraph(
        "What chronogen found for a reviewer to look at, each with the entries that show it "
        "(their reference in the chronology below, and the agency's file and row).")
    rows: list[list[object]] = []
    for item in of_a_kind(numbered(case.flags), FLAGS_OF_A_KIND):
        if isinstance(item, tuple):
            code, more = item
            rows.append(["", code, f"And {more:,} more {code} flags like these: each is marked "
                         "with its code in the chronology below, and every one is in flags.csv "
                         "and the workbook's Flags sheet.", ""])
            continue
        number, flag = item.number, item.flag
        evidence = "; ".join(f"{e} ({entries[e].reference})" if e in entries else e
                             for e in flag.evidence[:EVIDENCE_LISTED])
        if len(flag.evidence) > EVIDENCE_LISTED:
            evidence += (f"; and {len(flag.evidence) - EVIDENCE_LISTED:,} more (each is in "
                         "the chronology below with this flag's code, and in flags.csv)")
        rows.append([number, f"{flag.code.value} ({flag.severity.value})", flag.message,
                     evidence])
    _simple_table(document, ["No.", "Flag", "What it found", "Evidence"], rows,
                  widths=[10, 42, 130, 85], later=later)


def _answer_runs(appendix: Appendix, row: AppendixRow) -> str:
    """The seen / views cell: a line per child, worrying answers in their own styles."""
    parts = []
    for child, (seen, views) in zip(appendix.children, row.answers, strict=True):
        if seen is None:
            continue
        parts.append(_run(f"{child.short}: seen ")
                     + _run(seen, _answer_style(seen)) + _run(", views ")
                     + _run(views or "", _answer_style(views)))
    return "<w:r><w:br/></w:r>".join(parts)


def _answer_style(answer: str | None) -> str | None:
    if answer not in WORRYING:
        return None
    return "AnswerNo" if answer == "No" else "AnswerNotRecorded"


def _run(text: str, style: str | None = None) -> str:
    props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(clean(text))}</w:t></w:r>'


def _lines(text: str | None) -> str:
    """Text as runs, its line breaks kept."""
    if not text:
        return ""
    return "<w:r><w:br/></w:r>".join(_run(line) for line in clean(text).split("\n"))


def _with_also(content: str, row: AppendixRow) -> str:
    """The cell's text, then (on a line of its own, in grey) what else the agency wrote of
    the entry in cells printed nowhere else."""
    also = also_text(row.also)
    if also is None:
        return content
    return (content + ("<w:r><w:br/></w:r>" if content else "")
            + _run(f"Also recorded: {also}", "AlsoRecorded"))


def _cell(content: str, width_twips: int, fill: str | None = None) -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width_twips}" w:type="dxa"/>{shading}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="ChronologyText"/></w:pPr>{content}</w:p></w:tc>')


def _chronology(document: Any, appendix: Appendix, later: _Later) -> None:
    """The chronology table: one row of XML built per entry (fast for long chronologies)."""

    document.add_heading("The chronology", level=1)
    document.add_paragraph(
        "Every entry from every agency in date order, in the agencies' own words. Rows are "
        "shaded by agency (the key is the Sources table above). 'No' and 'Not recorded' "
        "answers are marked; flag codes refer to the Flags list. Under what happened, in "
        "grey, what else the agency recorded of the entry that no column here prints (such "
        "as its reference, a column chronogen reads as no field, the child's own words in a "
        "views column, a comment on a cell), and whether its row was struck through or "
        "hidden in the agency's sheet.")
    table = _simple_table(document, [h for h, _ in CHRONOLOGY_COLUMNS], [],
                          widths=[mm for _, mm in CHRONOLOGY_COLUMNS])
    widths = [round(mm * 56.7) for _, mm in CHRONOLOGY_COLUMNS]

    def rows() -> Iterator[str]:
        for row in appendix.rows:
            entry = row.entry
            when = row.date_text + (f" {row.time.strftime('%H:%M')}" if row.time else "")
            flags = "<w:r><w:br/></w:r>".join(_run(code.value, "FlagCode")
                                              for code in row.flags)
            contents = [_run(when), _run(entry.agency),
                        _run(entry.kind_text or entry.kind.value),
                        _with_also(_lines(entry.summary), row),
                        _lines(entry.outcome), _answer_runs(appendix, row), flags,
                        _run(entry.id)]
            cells = "".join(_cell(c, w, row.fill)
                            for c, w in zip(contents, widths, strict=True))
            yield f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"

    _append_rows(table, rows(), later=later)


def write_docx(case: Case, output: Path, options: OutputOptions | None = None) -> Path:
    """Write ``chronology.docx`` (byte-identical for the same case)."""
    import docx

    chosen = options or OutputOptions()
    appendix = build_appendix(case)
    document = docx.Document()
    _styles(document)
    _landscape(document, appendix)
    properties = document.core_properties
    properties.title = clean(case.title)[:250]
    properties.subject = "Multi-agency chronology"
    properties.author = properties.last_modified_by = "chronogen"
    properties.keywords = clean(case.marking)[:250]
    properties.created = properties.modified = FIXED_DOC_TIME
    properties.revision = 1
    _title_page(document, appendix)
    _method(document, appendix)
    _pictures(document, appendix, chosen)
    _summaries(document, appendix)
    later = _Later(output.parent)
    try:
        _flags(document, appendix, later)
        _chronology(document, appendix, later)
        buffer = io.BytesIO()
        document.save(buffer)
        normalise_zip(buffer.getvalue(), output,
                      change={"word/document.xml": lambda xml: _put_rows_in(xml, later)},
                      large=later.size > 1_500_000_000)
    finally:
        later.close()
    return output


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``chronology.docx`` in the output folder (the ``build`` writer)."""
    return Written([write_docx(case, out / "chronology.docx", options)])

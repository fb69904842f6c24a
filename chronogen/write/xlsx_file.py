"""``chronology.xlsx``: the chronology appendix as a workbook, for print and for analysis.

Written with XlsxWriter (fast, streams nothing back): the Chronology sheet is an Excel table
with filters, real date and time cells, rows shaded by agency, worrying seen / views answers
and flagged rows highlighted by conditional formats, and a print view (the columns a panel
reads, landscape, header row repeated, title and protective marking in the page header,
page X of Y in the footer). Audit columns sit to the right, outside the print area.
Text is always written as text, never as a formula.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from chronogen.domain.people import people_table
from chronogen.domain.wording import counted
from chronogen.model.case import Case
from chronogen.write.also_recorded import (
    MARKED,
    PRINTED_BY_TABLES,
    also_text,
    mark_label,
)
from chronogen.write.appendix import (
    EVIDENCE_LISTED,
    Appendix,
    AppendixRow,
    build_appendix,
    cells_text,
)
from chronogen.write.archive import FIXED_DOC_TIME
from chronogen.write.cell_text import (
    FONT,
    FONT_POINTS,
    arial_lines,
    clean,
    fitting_width,
    row_points,
)
from chronogen.write.registry import OutputOptions, Written
from chronogen.write.xlsx_rows import RowsSheet

#: Excel keeps at most this many hyperlinks on a sheet
_LINK_LIMIT = 65000
#: the evidence rows listed for one flag on the Flag evidence sheet (a long neglect case
#: can have thousands; the Chronology's Flags column finds them all)
EVIDENCE_SHOWN = 500
_HEADER_FILL = "#1F3864"
_NO_FILL, _NOT_RECORDED_FILL, _FLAG_FILL = "#F8CBAD", "#FFE699", "#F4B6C2"
#: printable width of a landscape page, in column-width units (about 0.073 in each)
_PAGE_UNITS = {9: 148, 8: 218}  # A4, A3


@dataclass(frozen=True)
class Column:
    """A workbook column: heading, width (characters) and how its cells are written."""

    heading: str
    width: float
    kind: str = "wrap"  # wrap | text | date | time | int | answer | flags | link


def _header_text(text: str) -> str:
    """Text for a page header or footer: ``&`` doubled, kept short (Excel's limit is 255)."""
    return clean(text).replace("&", "&&")[:90]


#: how a link looks (as Excel shows one)
_LINK_LOOK = {"font_color": "#0563C1", "underline": 1}


class _Styles:
    """Every cell format the workbook uses, made once (XlsxWriter shares them)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self._made: dict[tuple[str, str | None], Any] = {}
        base = {"font_name": FONT, "font_size": FONT_POINTS, "valign": "top", "border": 1,
                "border_color": "#BFBFBF"}
        self.base = base
        self.header = book.add_format({**base, "bold": True, "font_color": "#FFFFFF",
                                       "bg_color": _HEADER_FILL, "text_wrap": True})
        self.title = book.add_format({"font_name": FONT, "bold": True, "font_size": 14})
        self.heading = book.add_format({"font_name": FONT, "bold": True, "font_size": 12})
        self.plain = book.add_format({"font_name": FONT, "font_size": FONT_POINTS,
                                      "text_wrap": True, "valign": "top", "align": "left"})
        # the highlights as the Chronology's rules give them (a rule's look holds no font
        # or alignment), and as the Key shows them beside their meaning (its own cells)
        looks: dict[str, dict[str, object]] = {
            "no": {"bg_color": _NO_FILL, "bold": True},
            "not_recorded": {"bg_color": _NOT_RECORDED_FILL},
            "flagged": {"bg_color": _FLAG_FILL, "bold": True, "font_color": "#7B0C1E"}}
        self.no, self.not_recorded, self.flagged = (book.add_format(look)
                                                    for look in looks.values())
        self.key = {name: book.add_format({**look, "font_name": FONT, "font_size": FONT_POINTS,
                                           "valign": "top"}) for name, look in looks.items()}
        self.flagged_id = book.add_format({"bold": True, "font_color": "#7B0C1E"})

    def cell(self, kind: str, fill: str | None = None) -> Any:
        """The format of a body cell of *kind*, on an agency's *fill* (or none)."""
        key = (kind, fill)
        if key not in self._made:
            spec: dict[str, Any] = dict(self.base)
            if kind in ("wrap", "flags", "answer"):
                spec["text_wrap"] = True
            if kind == "date":
                spec["num_format"] = "dd/mm/yyyy"
                spec["align"] = "left"
            if kind == "time":
                spec["num_format"] = "hh:mm"
                spec["align"] = "left"
            if kind == "link":
                spec |= _LINK_LOOK
            if fill:
                spec["bg_color"] = f"#{fill}"
            self._made[key] = self.book.add_format(spec)
        return self._made[key]


def _unique(headings: list[str]) -> list[str]:
    """Excel tables need distinct headings: a repeat gets `` (2)``."""
    seen: dict[str, int] = {}
    out = []
    for heading in headings:
        base = clean(heading).strip() or "Column"
        n = seen.get(base.lower(), 0) + 1
        seen[base.lower()] = n
        out.append(base if n == 1 else f"{base} ({n})")
    return out


def _write(sheet: Any, row: int, col: int, value: object, fmt: Any) -> None:
    """One cell, typed: text stays text whatever it starts with."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        sheet.write_string(row, col, clean(value), fmt)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, fmt)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, fmt)
    elif isinstance(value, datetime | date | time):
        sheet.write_datetime(row, col, value, fmt)
    else:
        sheet.write_string(row, col, clean(str(value)), fmt)


def _lines(text: str, width: float, *, bold: bool = False) -> int:
    """Lines *text* takes in a column *width* units wide, in the workbook's Arial 10 pt."""
    return arial_lines(text, width, bold=bold)


def _width(column: Column) -> float:
    """The column's width, widened where a word of its heading would not fit."""
    return fitting_width(column.width, column.heading)


def _page_setup(sheet: Any, appendix: Appendix, *, paper: int = 9,
                print_columns: int | None = None, last_row: int | None = None) -> None:
    """Landscape, one page wide, the header row repeated, title and marking in the page
    header, page X of Y in the footer."""
    sheet.set_landscape()
    sheet.set_paper(paper)
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    marking, title = _header_text(appendix.marking), _header_text(appendix.title)
    sheet.set_header(f"&L{marking}&C{title}&R{marking}", {"margin": 0.3})
    sheet.set_footer("&L&A&CPage &P of &N&R" + _header_text("chronogen"), {"margin": 0.3})
    if print_columns is not None and last_row is not None:
        sheet.print_area(0, 0, max(last_row, 1), print_columns - 1)


def _table_sheet(book: Any, styles: _Styles, appendix: Appendix, name: str,
                 columns: Sequence[Column], rows: Sequence[Sequence[object]], *,
                 fills: Sequence[str | None] | None = None, print_columns: int | None = None,
                 paper: int = 9, freeze: int = 1) -> Any:
    """A sheet holding one Excel table (filters, frozen header) with typed cells."""
    sheet = book.add_worksheet(name, worksheet_class=RowsSheet)
    headings = _unique([c.heading for c in columns])
    widths = [_width(c) for c in columns]
    for n, width in enumerate(widths):
        sheet.set_column(n, n, width)
    last = max(len(rows), 1)
    sheet.add_table(0, 0, last, len(columns) - 1, {
        "name": re.sub(r"\W", "", name) or "Table",
        "columns": [{"header": h, "header_format": styles.header} for h in headings],
        "style": "Table Style Light 1", "banded_rows": False, "autofilter": True})
    wraps = [n for n, c in enumerate(columns) if c.kind in ("wrap", "flags", "answer")]
    # headings are bold and break at spaces: count them narrower, with a spare line
    heading_lines = max((_lines(h, width, bold=True)
                         for h, width in zip(headings, widths, strict=True)), default=1)
    if heading_lines > 1:
        sheet.set_row(0, row_points(heading_lines))
    formats: dict[str | None, list[Any]] = {}
    bold = [c.kind == "flags" for c in columns]  # flag codes are set in bold
    known: list[dict[str, int]] = [{} for _ in columns]  # text -> its lines, by column
    row_formats: list[list[Any]] = []
    heights: list[float | None] = []
    for r, row in enumerate(rows):
        fill = fills[r] if fills is not None else None
        chosen = formats.get(fill)
        if chosen is None:  # the formats of a row, per agency shading, worked out once
            chosen = formats[fill] = [styles.cell(c.kind, fill) for c in columns]
        row_formats.append(chosen)
        height = 1
        for c in wraps:
            if isinstance(text := row[c], str):
                lines = known[c].get(text)
                if lines is None:
                    lines = arial_lines(text, widths[c], bold=bold[c])
                    if len(text) <= 48:  # a short text (an answer, a kind, flags) recurs
                        known[c][text] = lines
                height = max(height, lines)
        # spreadsheets do not grow rows for wrapped text on opening: give the height
        heights.append(row_points(height) if height > 1 else None)
    sheet.put_rows(1, rows, row_formats, heights)
    sheet.freeze_panes(1, freeze)
    _page_setup(sheet, appendix, paper=paper,
                print_columns=print_columns or len(columns), last_row=last)
    return sheet


# -- the chronology ---------------------------------------------------------------------


def chronology_columns(appendix: Appendix) -> tuple[list[Column], int]:
    """The Chronology sheet's columns, and how many of them (from the left) are printed."""
    panel = [Column("ID", 9, "text"), Column("Date", 11, "date"), Column("Time", 6, "time"),
             Column("Agency", 14), Column("Contact type", 14), Column("What happened", 48),
             Column("Outcome / action", 24)]
    for child in appendix.children:
        # wide enough for "Not recorded" on one line, in Arial
        panel += [Column(f"{child.name}: seen", 12.5, "answer"),
                  Column(f"{child.name}: views", 12.5, "answer")]
    if appendix.marked:  # printed: a row the agency struck through may be withdrawn
        panel.append(Column(MARKED, 13))
    panel.append(Column("Flags", 19, "flags"))
    audit = [Column("Also recorded", 30), Column("Contact kind", 14, "text"),
             Column("People named", 16),
             Column("Practitioner", 16), Column("Referral to", 14),
             Column("Joint event", 10, "text"), Column("Date as recorded", 16, "text"),
             Column("Earliest date", 11, "date"), Column("Source file", 22),
             Column("Sheet", 14, "text"), Column("Row", 6, "int")]
    return panel + audit, len(panel)


def paper_for(columns: Sequence[Column], printed: int) -> int:
    """A4 (9) when the printed columns fit its width at 8.5 pt or more, else A3 (8)."""
    units = sum(_width(c) + 0.7 for c in columns[:printed])
    return 9 if FONT_POINTS * min(1.0, _PAGE_UNITS[9] / units) >= 8.5 else 8


def _chronology_row(appendix: Appendix, row: AppendixRow, marked: bool) -> list[object]:
    entry = row.entry
    values: list[object] = [entry.id, row.day or row.date_text, row.time, entry.agency,
                            entry.kind_text or entry.kind.value, entry.summary, entry.outcome]
    for seen, views in row.answers:
        values += [seen, views]
    also = row.also
    if marked:
        values.append("; ".join(mark_label(mark) for mark in row.marks) or None)
        also = also[len(row.marks):]  # the marks open it: printed in their own column
    values.append(", ".join(row.flags) or None)
    values += [also_text(also, leaving_out=PRINTED_BY_TABLES), entry.kind.value,
               ", ".join(appendix.person_name(p) for p in entry.people) or None,
               entry.practitioner, entry.referral_to, entry.joint_event, entry.date.text,
               entry.date.sort_key[0] if entry.date.earliest or entry.date.latest else None,
               entry.source.file, entry.source.sheet, entry.source.row]
    return values


def _chronology_sheet(book: Any, styles: _Styles, appendix: Appendix) -> None:
    columns, printed = chronology_columns(appendix)
    marked = appendix.marked
    rows = [_chronology_row(appendix, r, marked) for r in appendix.rows]
    sheet = _table_sheet(book, styles, appendix, "Chronology", columns, rows,
                         fills=[r.fill for r in appendix.rows], print_columns=printed,
                         paper=paper_for(columns, printed), freeze=2)
    last = max(len(rows), 1)
    flags_col = printed - 1
    for n, column in enumerate(columns[:printed]):
        if column.kind == "answer":
            sheet.conditional_format(1, n, last, n, {"type": "cell", "criteria": "==",
                                                     "value": '"No"', "format": styles.no})
            sheet.conditional_format(1, n, last, n, {
                "type": "cell", "criteria": "==", "value": '"Not recorded"',
                "format": styles.not_recorded})
    sheet.conditional_format(1, flags_col, last, flags_col,
                             {"type": "no_blanks", "format": styles.flagged})
    from xlsxwriter.utility import xl_col_to_name

    letter = xl_col_to_name(flags_col)
    sheet.conditional_format(1, 0, last, 0, {"type": "formula", "criteria": f'=${letter}2<>""',
                                             "format": styles.flagged_id})


# -- the other sheets -------------------------------------------------------------------


def _key_sheet(book: Any, styles: _Styles, appendix: Appendix) -> None:
    sheet = book.add_worksheet("Key")
    widths = (34, 90)
    for n, width in enumerate(widths):
        sheet.set_column(n, n, width)
    case = appendix.case
    sheet.write_string(0, 0, clean(appendix.title), styles.title)
    sheet.write_string(1, 0, clean(appendix.marking), styles.heading)

    def line(row: int, label: str, label_style: Any, text: object) -> None:
        """One line of the key, as tall as its wrapped text (LibreOffice does not grow a
        row on its own: a long setting's text ran over the next)."""
        sheet.write_string(row, 0, clean(label), label_style)
        _write(sheet, row, 1, text, styles.plain)
        needed = max(_lines(label, widths[0]), _lines(str(text), widths[1]))
        if needed > 1:
            sheet.set_row(row, row_points(needed))

    facts: list[tuple[str, object]] = [
        ("Period covered", appendix.period),
        ("Subject children", ", ".join(c.name for c in appendix.children) or "none marked"),
        ("Entries", len(case.entries)), ("Rejected rows", len(case.rejected)),
        ("Flags", len(case.flags)),
    ]
    row = 3
    for label, value in facts:
        line(row, label, styles.plain, value)
        row += 1
    row += 1
    sheet.write_string(row, 0, "Agencies (row shading in Chronology)", styles.heading)
    row += 1
    for agency, count in appendix.agency_counts():
        line(row, agency, styles.cell("text", appendix.fills[agency]),
             counted(count, "entry", "entries"))
        row += 1
    row += 1
    sheet.write_string(row, 0, "Highlights", styles.heading)
    meanings = [("No", styles.key["no"],
                 "the record says the child was not seen / views not sought"),
                ("Not recorded", styles.key["not_recorded"],
                 "the record does not say: itself a gap national reviews keep finding"),
                ("flag codes", styles.key["flagged"], "chronogen's flags (sheet Flags): an "
                 "invitation to look, not a judgement; the agencies' own words are never "
                 "changed")]
    if appendix.marked:
        meanings.append((MARKED, styles.plain, "how the agency's own sheet marked the row, "
                         "which its values alone do not say: struck through (withdrawn or "
                         "corrected?), a hidden row or a hidden sheet, highlighted with a "
                         "colour or in bold (the agency's way of marking a contact "
                         "significant); the entry is read as written"))
    for label, fmt, meaning in meanings:
        row += 1
        line(row, label, fmt, meaning)
    if appendix.glossary:
        row += 2
        sheet.write_string(row, 0, "Abbreviations used in the records", styles.heading)
        for abbreviation, meaning in appendix.glossary:
            row += 1
            line(row, abbreviation, styles.plain, meaning)
    row += 2
    sheet.write_string(row, 0, "Settings used for the flags", styles.heading)
    for meaning, key, value in case.settings.described():
        row += 1
        line(row, value, styles.plain, f"{meaning} (case.toml: {key})")
    _page_setup(sheet, appendix)


def _evidence_listed(evidence: list[str]) -> str | None:
    """A flag's first evidence entries and how many more (a long case's cell held thousands
    of ids, as tall as Excel lets a row be)."""
    more = len(evidence) - EVIDENCE_LISTED
    listed = ", ".join(evidence[:EVIDENCE_LISTED])
    if more > 0:
        listed += f", and {more:,} more (the Flag evidence sheet lists them)"
    return listed or None


def _flag_sheets(book: Any, styles: _Styles, appendix: Appendix) -> None:
    case = appendix.case
    entries = {r.entry.id: (n, r) for n, r in enumerate(appendix.rows)}
    columns = [Column("No.", 5, "int"), Column("Severity", 9, "text"), Column("Flag", 22, "text"),
               Column("People", 22), Column("Period", 22), Column("What it found", 70),
               Column("Evidence (entries)", 30), Column("Go to", 12, "link")]
    rows = []
    links: list[tuple[int, int, str]] = []  # (row, the entry's row on the Chronology, text)
    for number, flag in enumerate(case.flags, start=1):
        first = next((entries[e][0] for e in flag.evidence if e in entries), None)
        go_to = None
        if first is not None and len(links) < _LINK_LIMIT:
            go_to = f"{flag.evidence[0]} →"
            links.append((number, first, go_to))
        rows.append([number, flag.severity.value, flag.code.value,
                     ", ".join(appendix.person_name(p) for p in flag.people) or None,
                     flag.period.display() if flag.period else None, flag.message,
                     _evidence_listed(flag.evidence), go_to])
    sheet = _table_sheet(book, styles, appendix, "Flags", columns, rows, print_columns=7)
    for r, target, text in links:
        sheet.put_link(r, 7, f"internal:'Chronology'!A{target + 2}", text)
    evidence_columns = [Column("Flag no.", 7, "int"), Column("Flag", 22, "text"),
                        Column("Entry", 10, "text"), Column("Date", 11, "date"),
                        Column("Agency", 18), Column("Source", 40), Column("Go to", 12, "link")]
    evidence_rows: list[list[object]] = []
    targets: list[tuple[int, int, str]] = []  # (row, the entry's row on the Chronology, text)
    for number, flag in enumerate(case.flags, start=1):
        for entry_id in flag.evidence[:EVIDENCE_SHOWN]:
            found = entries.get(entry_id)
            row = found[1] if found else None
            go_to = None
            if found is not None and len(evidence_rows) < _LINK_LIMIT:
                go_to = f"{entry_id} →"
                targets.append((len(evidence_rows) + 1, found[0], go_to))
            evidence_rows.append([number, flag.code.value, entry_id,
                                  (row.day or row.date_text) if row else None,
                                  row.entry.agency if row else None,
                                  row.reference if row else None, go_to])
        if len(flag.evidence) > EVIDENCE_SHOWN:
            more = len(flag.evidence) - EVIDENCE_SHOWN
            evidence_rows.append([number, flag.code.value, f"+{more:,}", None, None,
                                  f"and {more:,} more entries: filter the Chronology's Flags "
                                  f"column for {flag.code.value} (every one is in flags.csv "
                                  "and case.json)", None])
    sheet = _table_sheet(book, styles, appendix, "Flag evidence", evidence_columns,
                         evidence_rows)
    for r, target, text in targets:
        sheet.put_link(r, 6, f"internal:'Chronology'!A{target + 2}", text)


def _summary_sheets(book: Any, styles: _Styles, appendix: Appendix) -> None:
    summaries = appendix.case.summaries
    _table_sheet(book, styles, appendix, "By agency", [
        Column("Agency", 24), Column("Contacts", 10, "int"), Column("About a child", 10, "int"),
        Column("Child seen", 10, "int"), Column("Views recorded", 10, "int"),
        Column("Seen not recorded", 10, "int")],
        [[a.agency, a.contacts, a.about_children, a.child_seen, a.views_recorded,
          a.seen_not_recorded] for a in summaries.agencies],
        fills=[appendix.fills.get(a.agency) for a in summaries.agencies])
    _table_sheet(book, styles, appendix, "By child", [
        Column("Child", 20), Column("Times seen", 9, "int"), Column("Seen alone", 9, "int"),
        Column("Seen by", 40), Column("Views recorded", 9, "int"),
        Column("Longest unseen (days)", 10, "int"), Column("Longest unseen period", 26),
        Column("Missed appointments", 13, "int"), Column("No-access visits", 10, "int")],
        [[c.name, c.times_seen, c.times_seen_alone,
          ", ".join(f"{a}: {n}" for a, n in c.seen_by.items()) or None, c.views_recorded,
          c.longest_unseen_days, c.longest_unseen.display() if c.longest_unseen else None,
          c.missed_appointments, c.no_access_visits] for c in summaries.children])
    _table_sheet(book, styles, appendix, "By month", [
        Column("Month", 10, "text"), Column("Contacts", 10, "int"),
        Column("Contacts seeing a child", 12, "int")],
        [[m.month, m.contacts, m.child_seen] for m in summaries.months])


def _family_sheet(book: Any, styles: _Styles, appendix: Appendix) -> None:
    family = appendix.case.family
    sheet = book.add_worksheet("Family")
    widths = (24, 30, 10, 12, 12, 24, 22, 20, 14, 30)
    for n, width in enumerate(widths):
        sheet.set_column(n, n, width)
    row = 0

    def tall(values: Sequence[object]) -> None:
        """The row as tall as its longest wrapped cell (LibreOffice does not grow a row on
        its own: wrapped text would run over the row below)."""
        needed = max((_lines(str(value), widths[c]) for c, value in enumerate(values)
                      if value is not None), default=1)
        if needed > 1:
            sheet.set_row(row, row_points(needed))

    def block(title: str, headings: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        nonlocal row
        sheet.write_string(row, 0, title, styles.heading)
        row += 1
        for c, heading in enumerate(headings):
            sheet.write_string(row, c, heading, styles.header)
        tall(headings)
        row += 1
        if not rows:
            sheet.write_string(row, 0, "none recorded", styles.plain)
            row += 1
        for values in rows:
            for c, value in enumerate(values):
                _write(sheet, row, c, value, styles.cell("wrap"))
            tall(values)
            row += 1
        row += 1

    name = appendix.person_name
    when = appendix.last
    people = people_table(family, when) if when is not None and family.index_child else []
    if people:
        block(f"People (relationships as at {when.strftime('%d/%m/%Y') if when else ''})",
              ["Name", "Relationship to the index child", "Sex", "Born", "Died", "Ethnicity",
               "Disability or SEND", "Role as recorded", "Lived with the index child",
               "Notes"],
              [[p.name, p.relationship_to_index, p.sex, p.born, p.died,
                p.ethnicity or "not recorded", p.disability or "not recorded", p.role,
                None if p.lived_with_index is None else ("yes" if p.lived_with_index else "no"),
                p.notes]
               for p in people])
    else:
        block("People", ["Name", "Role as recorded", "Sex", "Born", "Died", "Ethnicity",
                         "Disability or SEND", "Notes"],
              [[p.name, p.role, p.sex.value, p.birth.display() if p.birth else None,
                p.death.display() if p.death else None, p.ethnicity or "not recorded",
                p.disability or "not recorded", p.notes]
               for p in family.people if not p.placeholder])
    block("Partnerships", ["Partner", "Partner", "Kind", "From", "Until", "Ended by"],
          [[name(p.partners[0]), name(p.partners[1]), p.kind.value,
            p.start.display() if p.start else None, p.end.display() if p.end else None,
            p.ended_by.value if p.ended_by else None] for p in family.partnerships])
    block("Parents", ["Parent", "Child", "Kind", "Role"],
          [[name(link.parent), name(link.child), link.kind.value,
            link.role.value if link.role else None] for link in family.parent_links])
    block("Other relationships", ["Person", "Person", "Kind", "From", "Until"],
          [[name(r.a), name(r.b), r.kind.value, r.start.display() if r.start else None,
            r.end.display() if r.end else None] for r in family.relations])
    block("Households", ["Household", "Person", "From", "Until"],
          [[m.household, name(m.person), m.start.display() if m.start else None,
            m.end.display() if m.end else None] for m in family.households])
    _page_setup(sheet, appendix)


def _records_sheets(book: Any, styles: _Styles, appendix: Appendix) -> None:
    case = appendix.case
    _table_sheet(book, styles, appendix, "Problems", [
        Column("Severity", 9, "text"), Column("Code", 18, "text"), Column("File", 22),
        Column("Sheet", 14), Column("Row", 6, "int"), Column("Column", 18), Column("Value", 24),
        Column("Message", 70)],
        [[p.severity.value, p.code.value, p.file, p.sheet, p.row, p.column, p.value,
          p.message] for p in case.problems])
    _table_sheet(book, styles, appendix, "Rejected rows", [
        Column("Source file", 22), Column("Sheet", 14), Column("Row", 6, "int"),
        Column("Reason", 14, "text"), Column("Message", 50), Column("Original values", 80)],
        [[r.source.file, r.source.sheet, r.source.row, r.code.value, r.message,
          cells_text(r.raw)] for r in case.rejected])
    _table_sheet(book, styles, appendix, "Author's notes", [
        Column("Agency", 22), Column("Where", 40), Column("Note", 90)],
        [list(note) for note in appendix.author_notes()])
    _table_sheet(book, styles, appendix, "Sources", [
        Column("File", 24), Column("Agency", 22), Column("Sheet", 14),
        Column("Header row", 8, "int"), Column("Rows read", 8, "int"),
        Column("Entries", 8, "int"), Column("Rejected", 8, "int"), Column("Blank", 8, "int"),
        Column("Title rows", 8, "int"), Column("Header rows", 8, "int"),
        Column("Author's notes", 8, "int"), Column("Joined to the entry above", 8, "int"),
        Column("Columns found by", 14, "text"),
        Column("Confidence", 10, "text"), Column("Why", 60)],
        [[f.file, f.agency, f.where or None, f.header_row, f.rows_read, f.entries, f.rejected,
          f.blank, f.title, f.headers, f.notes, f.joined, f.layout, f.confidence,
          "; ".join(f.explanation) or None]
         for f in case.files],
        fills=[appendix.fills.get(f.agency or "") for f in case.files])


#: the sheets, in order, each written by one function
SHEETS: tuple[tuple[str, Callable[[Any, _Styles, Appendix], None]], ...] = (
    ("Chronology", _chronology_sheet), ("Key", _key_sheet),
    ("Flags, Flag evidence", _flag_sheets),
    ("By agency, By child, By month", _summary_sheets), ("Family", _family_sheet),
    ("Problems, Rejected rows, Author's notes, Sources", _records_sheets),
)


def write_xlsx(case: Case, output: Path | str) -> Path:
    """Write ``chronology.xlsx`` (byte-identical for the same case)."""
    output = Path(output)
    import xlsxwriter

    appendix = build_appendix(case)
    # the package's parts go through temporary files, not memory (a long chronology's sheet
    # is hundreds of megabytes of XML), in a hidden folder beside the output (the disk the
    # output goes to, not a small system temporary folder), removed when done
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".chronogen-") as parts:
        book = xlsxwriter.Workbook(str(output), {
            "in_memory": False, "tmpdir": parts, "strings_to_formulas": False,
            "strings_to_urls": False, "strings_to_numbers": False})
        book.set_properties({"title": clean(case.title)[:250], "author": "chronogen",
                             "created": FIXED_DOC_TIME, "keywords": clean(case.marking)[:250]})
        styles = _Styles(book)
        for _, write_sheets in SHEETS:
            write_sheets(book, styles, appendix)
        book.close()
    # XlsxWriter stamps every part with one fixed date (31/01/1980) and the document with
    # the fixed creation date: the same case gives the same bytes, with no second pass
    return output


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``chronology.xlsx`` in the output folder (the ``build`` writer)."""
    return Written([write_xlsx(case, out / "chronology.xlsx")])

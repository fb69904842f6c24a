"""``overview.xlsx``: the tables across reviews, one sheet each, and one row per review.

Every sheet is an Excel table (filters, frozen header); numbers are numbers and shares are
percentages, so they sort and sum; text is always written as text (no formula from a
review's words). The same overview gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chronogen.model.flag import FlagCode
from chronogen.model.overview import Overview
from chronogen.write.archive import FIXED_DOC_TIME
from chronogen.write.cell_text import (
    FONT,
    FONT_POINTS,
    arial_lines,
    clean,
    fitting_width,
    row_points,
)

#: (heading, width, kind): kind is text, int or share
Column = tuple[str, float, str]

ABOUT = [
    "Overview across reviews, made by chronogen from each review's own chronology and family.",
    "No person is named: reviews by their id ([review] id in case.toml), children by their "
    "place in the family.",
    "Children are lettered as each review's anonymised set letters them: Child A is the index "
    "child, then the family's order.",
    "A contact 'in which a child could be seen' is a direct contact (visit, appointment, "
    "telephone call, missed appointment, no-access visit, incident) about that child.",
    "Ages are taken on the day of the incident ([review] incident in case.toml), else on the "
    "day of the review's last entry (the Reviews sheet says which).",
    "Themes are those the panel recorded ([review] themes) and those the flags show (toxic "
    "trio, was not brought, hidden adults, start again, referral not received).",
    "Shares are of all the reviews in the overview; quartiles are inclusive.",
]


def _table(book: Any, name: str, columns: Sequence[Column], rows: Sequence[Sequence[object]],
           formats: dict[str, Any], *, printed: int | None = None, paper: int = 9) -> None:
    """One sheet holding one Excel table; printed landscape on *paper* (9: A4, 8: A3), one
    page wide, the header row on every page, the first *printed* columns only (all by
    default)."""
    sheet = book.add_worksheet(name)
    # a column at least as wide as its heading's longest word, which would break otherwise
    columns = [(heading, fitting_width(width, heading, indent=1), kind)
               for heading, width, kind in columns]
    for n, (_, width, _) in enumerate(columns):
        sheet.set_column(n, n, width)
    sheet.add_table(0, 0, max(len(rows), 1), len(columns) - 1, {
        "name": name.replace(" ", "").replace("-", ""),
        # a number's heading stands over its right-aligned numbers
        "columns": [{"header": clean(h), "header_format": formats[
            "header" if kind == "text" else "number header"]} for h, _, kind in columns],
        "style": "Table Style Light 9", "autofilter": True})
    # spreadsheets do not grow rows for wrapped text when they open a file: give the heights
    heading = max(arial_lines(h, w, bold=True, indent=1) for h, w, _ in columns)
    sheet.set_row(0, row_points(heading, spare=4))
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            kind = columns[c][2]
            if value is None or value == "":
                sheet.write_blank(r, c, None, formats[kind])
            elif isinstance(value, int | float) and not isinstance(value, bool):
                sheet.write_number(r, c, value, formats[kind])
            else:
                sheet.write_string(r, c, clean(str(value)), formats[kind])
        tall = max((arial_lines(str(v), columns[c][1], indent=1) for c, v in enumerate(row)
                    if isinstance(v, str) and columns[c][2] == "text"), default=1)
        if tall > 1:
            sheet.set_row(r, row_points(tall))
    sheet.freeze_panes(1, 1)
    sheet.set_landscape()
    sheet.set_paper(paper)
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0)
    sheet.print_area(0, 0, max(len(rows), 1), (printed or len(columns)) - 1)
    sheet.set_header("&LOverview across reviews&R&A", {"margin": 0.3})
    sheet.set_footer("&CPage &P of &N&Rchronogen", {"margin": 0.3})


def write_overview_xlsx(overview: Overview, output: Path) -> Path:
    """Write ``overview.xlsx``."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"title": "Overview across reviews", "author": "chronogen",
                         "created": FIXED_DOC_TIME})
    base = {"font_name": FONT, "font_size": FONT_POINTS, "valign": "top"}
    heading = {**base, "bold": True, "text_wrap": True, "valign": "bottom"}
    formats = {"header": book.add_format(heading),
               "number header": book.add_format({**heading, "align": "right", "indent": 1}),
               "text": book.add_format({**base, "text_wrap": True, "indent": 1}),
               # numbers kept off the text of the next column, as text is off the last
               "int": book.add_format({**base, "align": "right", "indent": 1}),
               "share": book.add_format({**base, "num_format": "0%", "align": "right",
                                         "indent": 1})}
    reviews = overview.reviews
    codes = list(FlagCode)
    _table(book, "Reviews", [
        ("Review", 16, "text"), ("Type", 12, "text"), ("Partnership", 24, "text"),
        ("Incident year", 9, "int"), ("Ages taken at", 12, "text"), ("Read from", 11, "text"),
        ("Children", 9, "int"), ("Ages", 10, "text"), ("Agencies", 9, "int"),
        ("Entries", 9, "int"), ("First entry", 11, "text"), ("Last entry", 11, "text"),
        ("Family members", 9, "int"), ("Ethnicity recorded", 10, "int"),
        ("Contacts a child could be seen in", 12, "int"),
        ("Seen recorded (yes or no)", 11, "share"), ("Seen", 9, "share"),
        ("Views recorded", 10, "share"), ("Seen, said only in words", 10, "share"),
        ("Child's own, only in words", 11, "share"), ("Longest unseen (days)", 11, "int"),
        ("Themes", 40, "text"), ("Rejected rows", 9, "int"), ("Input errors", 9, "int"),
        ("Input warnings", 9, "int"),
        *[(code.value, 11, "int") for code in codes],
    ], [[r.review, r.type, r.partnership, r.incident_year, r.age_at, r.read_from,
         len(r.children), ", ".join("?" if c.age is None else str(c.age) for c in r.children),
         len(r.agencies), r.entries, r.first_date, r.last_date, r.family_members,
         r.ethnicity_recorded, r.contacts,
         *[(getattr(r, f) / r.contacts if r.contacts else None)
           for f in ("seen_recorded", "seen", "views_recorded", "seen_in_words_only",
                     "views_in_words_only")],
         max((c.longest_unseen_days for c in r.children
              if c.longest_unseen_days is not None), default=None),
         "; ".join(r.themes), r.rejected_rows, r.problems.get("error", 0),
         r.problems.get("warning", 0), *[r.flags.get(code.value, 0) for code in codes]]
        for r in reviews], formats, printed=20, paper=8)
    _table(book, "Children", [
        ("Review", 16, "text"), ("Child", 9, "text"), ("Index child", 8, "text"),
        ("Sex", 9, "text"), ("Age", 6, "int"), ("Age band", 9, "text"),
        ("Ethnicity recorded", 10, "text"), ("Disability or SEND recorded", 11, "text"),
        ("Contacts a child could be seen in", 12, "int"),
        ("Seen recorded (yes or no)", 11, "int"), ("Seen", 8, "int"),
        ("Views recorded", 9, "int"), ("Seen, said only in words", 9, "int"),
        ("Child's own, only in words", 10, "int"), ("Longest unseen (days)", 11, "int"),
    ], [[r.review, c.label, "yes" if c.index else "no", c.sex.value, c.age, c.age_band,
         "yes" if c.ethnicity_recorded else "no", c.disabled.value, c.contacts,
         c.seen_recorded, c.seen, c.views_recorded, c.seen_in_words_only,
         c.views_in_words_only, c.longest_unseen_days]
        for r in reviews for c in r.children],
        formats)
    _table(book, "Ages", [("Age at the incident", 18, "text"), ("Children", 10, "int"),
                          ("Share", 9, "share")],
           [[band, n, n / overview.children if overview.children else 0]
            for band, n in overview.age_bands.items()], formats)
    _table(book, "Themes", [("Theme", 30, "text"), ("Reviews", 9, "int"),
                            ("Share of reviews", 10, "share"), ("Where found", 44, "text")],
           [[t.name, t.reviews, t.share, t.explanation] for t in overview.themes], formats)
    _table(book, "Themes together", [("Theme", 30, "text"), ("With", 30, "text"),
                                     ("Reviews", 9, "int")],
           [[p.first, p.second, p.reviews] for p in overview.co_occurrence], formats)
    _table(book, "Gaps", [("Flag", 24, "text"), ("Reviews", 9, "int"),
                          ("Share of reviews", 10, "share"), ("What it finds", 60, "text")],
           [[g.name, g.reviews, g.share, g.explanation] for g in overview.gaps], formats)
    _table(book, "Agencies", [("Agency", 28, "text"), ("Reviews", 9, "int"),
                              ("Share of reviews", 10, "share")],
           [[a.name, a.reviews, a.share] for a in overview.agencies], formats)
    _table(book, "Recording", [
        ("Contacts in which", 34, "text"), ("Reviews", 9, "int"), ("Pooled", 9, "share"),
        ("Median", 9, "share"), ("Lower quartile", 9, "share"),
        ("Upper quartile", 9, "share"), ("Lowest", 9, "share"), ("Highest", 9, "share")],
        [[s.measure, s.reviews, s.pooled, s.median, s.lower_quartile, s.upper_quartile,
          s.minimum, s.maximum] for s in overview.recording], formats)
    _table(book, "Problems", [("Review", 18, "text"), ("Severity", 10, "text"),
                              ("Problem", 80, "text")],
           [[p.review, p.severity, p.message] for p in overview.problems], formats)
    _table(book, "About", [("How to read this overview", 120, "text")],
           [[line] for line in ABOUT], formats)
    book.close()
    output.write_bytes(buffer.getvalue())
    return output

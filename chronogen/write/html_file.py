"""``report.html``: the whole appendix in one self-contained page (Jinja2).

Nothing is fetched: the CSS, the script and both pictures (genogram and timeline, as SVG)
are inside the file, so it opens the same on a laptop with no network. The chronology can be
filtered by agency, child, flag, seen / views answer and date range, with the keyboard as
well as the mouse; printed, the filters disappear and every row is shown with its header
repeated on each landscape page.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronogen.domain.wording import counted
from chronogen.draw.render import draw_genogram, find_dot
from chronogen.draw.svg_text import inline_svg
from chronogen.model.case import Case
from chronogen.model.recorded import Recorded
from chronogen.write.also_recorded import also_text
from chronogen.write.appendix import (
    FLAGS_OF_A_KIND,
    WHO_IS_WHO,
    WORRYING,
    Appendix,
    AppendixRow,
    build_appendix,
)
from chronogen.write.cell_text import clean
from chronogen.write.genogram_files import drawn_as_at
from chronogen.write.listing import Numbered, numbered, of_a_kind
from chronogen.write.registry import OutputOptions, Written
from chronogen.write.timeline_files import timeline_picture

TEMPLATES = Path(__file__).parent / "templates"
#: evidence links listed under a flag; past these, the flag filter shows every entry
EVIDENCE_LINKED = 100


def _answer_class(answer: str) -> str:
    if answer not in WORRYING:
        return ""
    return "answer-no" if answer == "No" else "answer-nr"


def _status(row: AppendixRow) -> list[str]:
    """What the seen / views filter matches this row by."""
    records = row.entry.children.values()
    said = {r.seen for r in records}
    found = [word for answer, word in _STATUS if answer in said]
    if Recorded.YES in said and any(
            r.seen is Recorded.YES and r.views in (Recorded.NOT_RECORDED, Recorded.NO)
            for r in records):
        found.append("views-not-recorded")
    return found


_STATUS = ((Recorded.YES, "seen"), (Recorded.NO, "not-seen"),
           (Recorded.NOT_RECORDED, "seen-not-recorded"))


def _escape(text: str) -> str:
    """*text* escaped for HTML as markupsafe escapes it (the same entities, so the same
    bytes), without making a Markup object of every cell."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def _rows(appendix: Appendix) -> Iterator[Any]:
    """Each chronology row's HTML, made here rather than by the template: a long
    chronology's rows are most of the page, and a template loop is slow per row."""
    from markupsafe import Markup

    escape = _escape

    index = {agency: n for n, agency in enumerate(appendix.fills)}
    for row in appendix.rows:
        entry = row.entry
        first, last = entry.date.sort_key
        answers = "".join(
            f'<span class="answer">{escape(child.short)}: seen\n          '
            f'<span class="{_answer_class(seen)}">{escape(seen)}</span>, views\n          '
            f'<span class="{_answer_class(views or "")}">{escape(views or "")}</span></span>'
            for child, (seen, views) in zip(appendix.children, row.answers, strict=True)
            if seen is not None)
        flags = "".join(f"<span>{escape(c.value)}</span> " for c in row.flags)
        when = row.date_text + (f" {row.time.strftime('%H:%M')}" if row.time else "")
        also_said = also_text(row.also)
        also = "" if also_said is None else (
            f'<span class="also">Also recorded: {escape(clean(also_said))}</span>')
        yield Markup(
            f'<tr id="entry-{escape(entry.id)}" data-agency-index="{index[entry.agency]}" '
            f'data-children="{escape(" ".join(sorted(set(entry.children) | set(entry.people))))}"'
            f'\n          data-flags="{escape(" ".join(c.value for c in row.flags))}" '
            f'data-status="{" ".join(_status(row))}"\n          '
            f'data-first="{first.isoformat()}" data-last="{last.isoformat()}">\n        '
            f'<td class="date">{escape(when)}</td><td>{escape(entry.agency)}</td>'
            f'<td>{escape(entry.kind_text or entry.kind.value)}</td>\n        '
            f'<td class="text">{escape(clean(entry.summary or ""))}{also}</td>'
            f'<td class="text">{escape(clean(entry.outcome or ""))}</td>\n        '
            f'<td class="answers">{answers}</td>\n        '
            f'<td class="flag-codes">{flags}</td>\n        '
            f'<td class="ref" title="{escape(row.reference)}">{escape(entry.id)}</td>\n'
            "      </tr>")


def _pictures(case: Case, appendix: Appendix, options: OutputOptions) -> dict[str, Any]:
    from markupsafe import Markup

    found: dict[str, Any] = {"genogram_svg": None, "timeline_svg": None,
                             "genogram_note": "", "as_at": ""}
    when = drawn_as_at(options, appendix.last)
    found["as_at"] = when.strftime("%d/%m/%Y") if when else "the latest date known"
    with tempfile.TemporaryDirectory() as folder:
        if not case.family.people:
            found["genogram_note"] = "the case has no family file."
        elif find_dot() is None:
            found["genogram_note"] = "Graphviz is not installed."
        else:
            path = Path(folder) / "genogram.svg"
            draw_genogram(case.family, [path], as_at=when)
            found["genogram_svg"] = Markup(inline_svg(path.read_text(encoding="utf-8")))
        if case.entries:
            path = timeline_picture(case, "svg", Path(folder), options)
            found["timeline_svg"] = Markup(inline_svg(path.read_text(encoding="utf-8")))
    return found


def _report_parts(case: Case, options: OutputOptions | None) -> Iterator[str]:
    """The report's HTML, a piece at a time as the template makes it."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    chosen = options or OutputOptions()
    appendix = build_appendix(case)
    environment = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                              autoescape=select_autoescape(["html", "j2"],
                                                           default_for_string=True),
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters["counted"] = counted
    template = environment.get_template("report.html.j2")
    return template.generate(
        title=clean(case.title), marking=clean(case.marking), period=appendix.period,
        children=appendix.children,
        children_names=", ".join(c.name for c in appendix.children),
        entries=case.entries, agencies=list(appendix.fills), fills=appendix.fills,
        flags=case.flags, listed_flags=[
            {"number": item.number, "flag": item.flag, "code": None, "more": 0}
            if isinstance(item, Numbered) else
            {"number": None, "flag": None, "code": item[0], "more": item[1]}
            for item in of_a_kind(numbered(case.flags), FLAGS_OF_A_KIND)],
        evidence_shown=EVIDENCE_LINKED,
        flag_codes=list(dict.fromkeys(f.code.value for f in case.flags)),
        rejected_count=len(case.rejected), summaries=case.summaries, files=case.files,
        author_notes=appendix.author_notes(), rejected=appendix.rejected_rows(),
        rejected_cells_kept=appendix.rejected_cells_kept, noticed=appendix.noticed(),
        glossary=appendix.glossary, settings=case.settings.described(),
        who_is_who=appendix.who_is_who(chosen.as_at), who_is_who_headings=WHO_IS_WHO,
        household_changes=appendix.household_changes(),
        rows=_rows(appendix), **_pictures(case, appendix, chosen))


def render_report(case: Case, options: OutputOptions | None = None) -> str:
    """The report as HTML text."""
    return "".join(_report_parts(case, options))


def write_html(case: Case, output: Path, options: OutputOptions | None = None) -> Path:
    """Write ``report.html``, as the template makes it (never the whole page in memory)."""
    with output.open("w", encoding="utf-8") as handle:
        handle.writelines(_report_parts(case, options))
    return output


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``report.html`` in the output folder (the ``build`` writer)."""
    return Written([write_html(case, out / "report.html", options)])

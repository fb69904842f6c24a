"""report.html: one self-contained page, with landmarks, filters and every entry."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from chronogen import Case
from chronogen.write.html_file import render_report, write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def html(harbour_case: Case) -> str:
    return render_report(harbour_case)


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collector()
    parser.feed(html)
    return parser.tags


def test_nothing_is_fetched_from_anywhere(html: str) -> None:
    for tag, attrs in _tags(html):
        for name in ("src", "href", "action", "xlink:href", "poster", "data"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:|//|ftp:|file:)", value, re.I), (tag, name, value)
        if tag == "link":
            raise AssertionError(f"an external resource: {attrs}")
        if tag == "script":
            assert "src" not in attrs
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?(https?:|//)", html)


def test_landmarks_and_a_labelled_filter_for_each_question(html: str) -> None:
    tags = _tags(html)
    names = [t for t, _ in tags]
    for landmark in ("header", "nav", "main", "footer"):
        assert names.count(landmark) == 1, landmark
    ids = {a.get("id") for _, a in tags}
    for control in ("f-agency", "f-child", "f-flag", "f-status", "f-text", "f-from", "f-to"):
        assert control in ids, control
    assert re.search(r'<label>Agency <select id="f-agency">', html)  # labelled controls
    assert 'lang="en-GB"' in html and "<svg" in html


def test_every_entry_is_a_row_and_every_flag_links_to_its_evidence(harbour_case: Case,
                                                                    html: str) -> None:
    rows = re.findall(r'<tr id="entry-([^"]+)"', html)
    assert rows == [e.id for e in harbour_case.entries]
    for flag in harbour_case.flags:
        for entry_id in flag.evidence:
            assert f'href="#entry-{entry_id}"' in html
    assert html.count('class="answer-no"') > 0 and 'class="flag-codes"' in html


def test_agency_text_is_escaped_not_run(tmp_path: Path) -> None:
    from chronogen import Entry, PartialDate, SourceRef

    case = Case(title="<b>t</b>", entries=[Entry(
        id="E1", agency="P", date=PartialDate.parse("01/01/2020"),
        summary="<script>alert(1)</script>", source=SourceRef(file="p.csv", row=2))])
    text = write_html(case, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text
    assert "<b>t</b>" not in text


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed here; .ci/run "
                                             "installs it")
def test_chromium_shows_it_filters_it_and_prints_it(harbour_case: Case,
                                                    tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = write_html(harbour_case, tmp_path / "report.html")
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    # a filtered view from a link: the Police (the second agency) only
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, *profile, "--dump-dom",
                          page.as_uri() + "?agency=1"], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    shown = re.findall(r'<tr id="entry-([^"]+)"[^>]*data-agency-index="1"[^>]*>', dom)
    hidden = re.findall(r'<tr id="entry-[^"]+"[^>]*class="hidden"', dom)
    police = [e.id for e in harbour_case.entries if e.agency == "Police"]
    assert shown == police and len(hidden) == len(harbour_case.entries) - len(police)
    assert f"{len(police)} of {len(harbour_case.entries)} entries shown" in dom
    # the rows holding every word typed, in any case ("foster home": both words, anywhere)
    dom = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, *profile, "--dump-dom",
                          page.as_uri() + "?text=Foster%20home"], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    hidden = set(re.findall(r'<tr id="entry-([^"]+)"[^>]*class="hidden"', dom))
    words = {e.id for e in harbour_case.entries
             if all(w in f"{e.summary} {e.outcome} {e.kind_text}".lower()
                    for w in ("foster", "home"))}
    assert words and {e.id for e in harbour_case.entries} - hidden == words
    shot = tmp_path / "report.png"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, *profile, "--window-size=1400,1800",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120,
                   check=True)
    from PIL import Image

    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50  # a drawn page, not a blank one
    pdf = tmp_path / "report.pdf"
    subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, *profile, "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120,
                   check=True)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_settings_the_flags_used_are_stated(html: str, harbour_case: Case) -> None:
    assert ("<tr><td>Days with no agency seeing a subject child before the gap is flagged</td>"
            "<td>28</td><td><code>unseen_days</code></td></tr>") in html
    flag_filter = html[html.index('<select id="f-flag">'):]
    flag_filter = flag_filter[:flag_filter.index("</select>")]
    # the flag filter offers each code once, in the order the flags come
    codes = re.findall(r'<option value="([a-z-]+)"', flag_filter)
    assert codes == list(dict.fromkeys(f.code.value for f in harbour_case.flags))


def test_a_flag_with_thousands_of_entries_links_the_first_and_says_how_to_see_all(
        harbour_case: Case) -> None:
    from chronogen import Flag, FlagCode, FlagSeverity
    from chronogen.write.html_file import EVIDENCE_LINKED

    ids = [e.id for e in harbour_case.entries]
    many = (ids * (EVIDENCE_LINKED + 250))[:EVIDENCE_LINKED + 250]
    flag = Flag(code=FlagCode.DATE_UNCERTAIN, severity=FlagSeverity.INFO, evidence=many,
                message="many")
    html = render_report(harbour_case.model_copy(update={"flags": [flag]}))
    evidence = html[html.index('id="flag-1"'):html.index("</li>", html.index('id="flag-1"'))]
    assert evidence.count('href="#entry-') == EVIDENCE_LINKED
    assert "; and 250 more (choose date-uncertain in the chronology" in evidence


def test_the_report_lists_twenty_flags_of_a_kind_then_counts_the_rest(tmp_path: Path
                                                                      ) -> None:
    from chronogen import read_case
    from tests.conftest import unseen_visits_case

    case = read_case(unseen_visits_case(tmp_path / "case", 25))
    html = write_html(case, tmp_path / "report.html").read_text(encoding="utf-8")
    flags = html[html.index('<ol class="flags">'):html.index("</ol>", html.index(
        '<ol class="flags">'))]
    unseen = re.findall(r'<li id="flag-(\d+)" value="(\d+)"[^>]*>\s*<p><strong class="code">'
                        r'child-not-seen', flags)
    assert [int(n) for n, _ in unseen] == list(range(1, 21))
    assert all(n == value for n, value in unseen)  # numbered as in flags.csv
    assert flags.count('class="flags-more"') == 1
    assert "And 5 more child-not-seen flags like these" in flags
    assert 'id="flag-26"' in flags  # the flags after them keep their numbers


def test_what_reading_noticed_is_listed(html: str) -> None:
    """Besides the rejected rows: the harbour school's sheet that was not read."""
    from tests.test_noticed_in_reading import report_rows

    assert ["school_chronology.xlsx, sheet 'Attendance summary'", "Note",
            "sheet 'Attendance summary' (3 filled rows) was not read: it has no chronology "
            "header"] in report_rows(html)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed here; .ci/run "
                                             "installs it")
def test_a_printed_tables_caption_stands_on_the_page_of_its_rows(tmp_path: Path) -> None:
    """Chromium breaks a page between a table's caption and its rows where it can; the
    tables but the chronology are kept whole where they fit a page. The anonymised report
    of a return naming someone the family does not know on 14 rows printed the caption of
    what reading noticed at the foot of one page and its rows on the next."""
    import pypdf

    from chronogen.anonymise import anonymise_case
    from tests.test_noticed_in_reading import many_unknown_names

    case = anonymise_case(many_unknown_names(tmp_path / "case")).case
    page = write_html(case, tmp_path / "report.html")
    pdf = tmp_path / "report.pdf"
    subprocess.run([CHROMIUM or "", *CHROMIUM_FLAGS, "--user-data-dir=" + str(tmp_path / "p"),
                    f"--print-to-pdf={pdf}", page.as_uri()], capture_output=True, timeout=120,
                   check=True)
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(pdf).pages]
    for caption, heading in (("What else reading the returns", "How serious"),
                             ("Rows that could not be used", "Why"),
                             ("Who is who", "Relationship to the index child")):
        found = [n for n, text in enumerate(pages) if caption in text]
        assert found, caption
        assert heading in pages[found[0]], caption

"""The overview across reviews: seven fictional reviews whose figures were worked out by hand
from their rows (``tests/data/reviews/make_reviews.py``) and the harbour case's truth
(``tests/data/harbour/expected.json``)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import openpyxl
import pytest

import chronogen
from chronogen.model.overview import Overview, ReviewFigures
from chronogen.read.family.reader import load_family
from chronogen.write.json_file import write_json
from chronogen.write.overview_json import overview_schema
from tests.attacker import leaks

DATA = Path(__file__).parent / "data"
REVIEWS = DATA / "reviews"
HARBOUR = DATA / "harbour"
DOCS = Path(__file__).parent.parent / "docs"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

#: review -> children as (label, sex, age, band, contacts, seen recorded, seen, views),
#: agencies, entries, family members, ethnicity recorded, themes: worked out by hand
EXPECTED = {
    "NS-2021-010": ([("Child A", "female", 5, "1-5"), ("Child B", "male", 2, "1-5"),
                     ("Child C", "female", 8, "6-10")], None,
                    ["Children's Social Care", "GP", "Health Visiting", "Housing", "Police",
                     "School"], 40, 9, 6,
                    ["domestic abuse", "hidden adults", "parental mental ill health",
                     "referral not received", "start again", "was not brought"]),
    "NS-2023-001": ([("Child A", "female", 0, "under 1", 3, 2, 1, 0)], 92,
                    ["Health Visiting"], 4, 3, 2, ["domestic abuse", "neglect"]),
    "NS-2023-002": ([("Child A", "male", 8, "6-10", 3, 2, 1, 1),
                     ("Child B", "female", 13, "11-15", 4, 2, 2, 1)], 111,
                    ["Police", "School"], 5, 3, 1,
                    ["neglect", "parental substance misuse", "was not brought"]),
    "NS-2024-003": ([("Child A", "male", 16, "16+", 2, 2, 2, 1)], 30,
                    ["Children's Social Care"], 2, 2, 0, ["physical abuse"]),
    "NS-2024-004": ([("Child A", "male", 4, "1-5", 2, 0, 0, 0)], 31, ["GP"], 2, 2, 2, []),
    "NS-2024-005": ([("Child A", "male", 3, "1-5", 1, 1, 1, 1)], 30,
                    ["Health Visiting", "Other agency"], 2, 2, 2, ["domestic abuse", "neglect"]),
    "NS-2024-006": ([("Child A", "female", None, "unknown", 1, 1, 0, 0)], None,
                    ["Children's Social Care"], 1, 2, 0, []),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Overview, Path]:
    out = tmp_path_factory.mktemp("overview")
    result = chronogen.overview([REVIEWS, HARBOUR], out, jobs=2)
    return result.overview, out


def _harbour_truth() -> dict[str, tuple[int, int, int, int]]:
    """Per harbour child: direct contacts about them, and of those how many say whether
    they were seen, say they were seen, record their views, from the fixture's own truth
    (the contact kinds from the case as read)."""
    truth = json.loads((HARBOUR / "expected.json").read_text(encoding="utf-8"))
    case = chronogen.read_case(HARBOUR)
    from chronogen.analyse.context import DIRECT

    by_source = {(e.source.file, e.source.row): e for e in case.entries}
    counts = {c: [0, 0, 0, 0] for c in ("P1", "P2", "P3")}
    for row in truth["entries"]:
        entry = by_source[(row["file"], row["row"])]
        if entry.kind not in DIRECT:
            continue
        for child in entry.children:
            tally = counts[child]
            tally[0] += 1
            tally[1] += row["seen"] is not None and (row["seen"] == [] or child in row["seen"])
            tally[2] += bool(row["seen"]) and child in row["seen"]
            tally[3] += bool(row["views"]) and child in row["views"]
    return {c: (t[0], t[1], t[2], t[3]) for c, t in counts.items()}


def test_each_review_gives_the_figures_worked_out_by_hand(made: tuple[Overview, Path]) -> None:
    overview, _ = made
    assert [r.review for r in overview.reviews] == sorted(EXPECTED)
    for row in overview.reviews:
        children, longest, agencies, entries, members, ethnicity, themes = EXPECTED[row.review]
        got = [(c.label, c.sex.value, c.age, c.age_band) for c in row.children]
        assert got == [c[:4] for c in children], row.review
        if row.review != "NS-2021-010":
            assert [(c.contacts, c.seen_recorded, c.seen, c.views_recorded)
                    for c in row.children] == [c[4:] for c in children], row.review
            assert max((c.longest_unseen_days or 0 for c in row.children), default=0) == \
                (longest or 0), row.review
        assert row.agencies == agencies, row.review
        assert (row.entries, row.family_members, row.ethnicity_recorded) == \
            (entries, members, ethnicity), row.review
        assert row.themes == themes, row.review
        assert row.contacts == sum(c.contacts for c in row.children)
    ages_at = {r.review: r.age_at for r in overview.reviews}
    assert ages_at["NS-2024-005"] == "last entry" and ages_at["NS-2024-006"] == "last entry"
    assert ages_at["NS-2023-002"] == "incident"


def test_the_harbour_review_agrees_with_the_fixtures_truth(made: tuple[Overview, Path]) -> None:
    overview, _ = made
    harbour = next(r for r in overview.reviews if r.review == "NS-2021-010")
    truth = json.loads((HARBOUR / "expected.json").read_text(encoding="utf-8"))
    # Child A is the index child (Mia, P1), then the family's order: Leo (P2), Ava (P3), as
    # the anonymised set letters them
    by_child = _harbour_truth()
    order = ["P1", "P2", "P3"]
    assert [(c.contacts, c.seen_recorded, c.seen, c.views_recorded)
            for c in harbour.children] == [by_child[c] for c in order]
    longest = truth["longest_unseen"]
    assert [c.longest_unseen_days for c in harbour.children] == \
        [longest[c]["days"] for c in order]
    # each child called as the anonymised set calls them
    from chronogen.anonymise.pseudonyms import pseudonyms

    names = pseudonyms(chronogen.read_case(HARBOUR))
    assert [c.label for c in harbour.children] == [names[c] for c in order]
    assert harbour.family_members == truth["people"]
    assert harbour.family_members - harbour.ethnicity_recorded == len(truth["missing_ethnicity"])
    assert harbour.flags["missing-ethnicity"] == 1
    assert (harbour.type, harbour.incident_year) == ("CSPR", 2021)
    assert harbour.rejected_rows == len(truth["rejected"])
    assert harbour.problem_codes["invalid-date"] >= 1


def test_the_tables_across_reviews(made: tuple[Overview, Path]) -> None:
    overview, _ = made
    assert overview.children == 10
    assert overview.age_bands == {"under 1": 1, "1-5": 4, "6-10": 2, "11-15": 1, "16+": 1,
                                  "unknown": 1}
    assert overview.sex == {"male": 5, "female": 5, "unknown": 0}
    assert overview.review_types == {"CSPR": 2, "rapid review": 2, "LCSPR": 1, "SCR": 1,
                                     "not recorded": 1}
    themes = {t.name: t.reviews for t in overview.themes}
    assert themes == {"domestic abuse": 3, "neglect": 3, "was not brought": 2,
                      "hidden adults": 1, "parental mental ill health": 1,
                      "parental substance misuse": 1, "physical abuse": 1,
                      "referral not received": 1, "start again": 1}
    pairs = {(p.first, p.second): p.reviews for p in overview.co_occurrence}
    assert pairs[("domestic abuse", "neglect")] == 2
    assert pairs[("neglect", "was not brought")] == 1
    assert pairs[("hidden adults", "was not brought")] == 1
    assert ("neglect", "physical abuse") not in pairs
    assert sum(pairs.values()) == 15 + 3 + 1 + 1  # harbour 6 themes, Cole 3, Reed 2, Irwin 2
    gaps = {g.name: g.reviews for g in overview.gaps}
    assert gaps["was-not-brought"] == 2 and gaps["toxic-trio"] == 0
    assert gaps["missing-ethnicity"] == 5  # all but Gray and Irwin leave someone out
    agencies = {a.name: a.reviews for a in overview.agencies}
    assert agencies["Health Visiting"] == 3 and agencies["Other agency"] == 1
    assert agencies["Children's Social Care"] == 3
    harbour = _harbour_truth()
    contacts = sum(t[0] for t in harbour.values()) + 3 + 7 + 2 + 2 + 1 + 1
    recorded = sum(t[1] for t in harbour.values()) + 2 + 4 + 2 + 0 + 1 + 1
    seen = sum(t[2] for t in harbour.values()) + 1 + 3 + 2 + 0 + 1 + 0
    views = sum(t[3] for t in harbour.values()) + 0 + 2 + 1 + 0 + 1 + 0
    spreads = {s.measure: s for s in overview.recording}
    assert spreads["whether the child was seen is recorded"].pooled == round(
        recorded / contacts, 4)
    assert spreads["the child was seen"].pooled == round(seen / contacts, 4)
    assert spreads["the child's views are recorded"].pooled == round(views / contacts, 4)
    # shares per review: Reed 2/3, Cole 4/7, Ellis 1, Gray 0, Irwin 1, Jones 1, harbour
    seen_recorded = spreads["whether the child was seen is recorded"]
    harbour_share = sum(t[1] for t in harbour.values()) / sum(t[0] for t in harbour.values())
    shares = sorted([2 / 3, 4 / 7, 1.0, 0.0, 1.0, 1.0, harbour_share])
    assert seen_recorded.median == round(shares[3], 4)
    assert (seen_recorded.minimum, seen_recorded.maximum, seen_recorded.reviews) == (0, 1, 7)
    assert overview.problems == []


def test_case_json_and_folders_mixed_and_a_review_given_twice(tmp_path: Path) -> None:
    built = tmp_path / "built" / "reed"
    built.mkdir(parents=True)
    write_json(chronogen.read_case(REVIEWS / "reed"), built / "case.json")
    mixed = chronogen.overview([built / "case.json", REVIEWS / "cole"]).overview
    folders = chronogen.overview([REVIEWS / "reed", REVIEWS / "cole"]).overview
    strip = {"read_from"}
    assert [r.model_dump(exclude=strip) for r in mixed.reviews] == \
        [r.model_dump(exclude=strip) for r in folders.reviews]
    assert mixed.reviews[0].read_from == "case.json"
    # the same review as its folder and its case.json (found by walking a folder of both)
    (tmp_path / "archive").mkdir()
    shutil.copytree(REVIEWS / "reed", tmp_path / "archive" / "a-reed")
    shutil.copytree(built, tmp_path / "archive" / "b-reed-built")
    twice = chronogen.overview([tmp_path / "archive"]).overview
    assert [r.review for r in twice.reviews] == ["NS-2023-001"]
    assert twice.reviews[0].read_from == "case folder"
    assert [p.severity for p in twice.problems] == ["warning"]
    assert "twice" in (twice.problems[0].detail or "")


def test_a_bad_review_is_reported_and_never_stops_the_overview(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    shutil.copytree(REVIEWS / "gray", archive / "gray")
    broken = archive / "smith-broken"
    broken.mkdir()
    (broken / "case.toml").write_text("title = \n", encoding="utf-8")
    garbage = archive / "patel-json"
    garbage.mkdir()
    (garbage / "case.json").write_text('{"title": 5}', encoding="utf-8")
    unnamed = archive / "nameless"
    shutil.copytree(REVIEWS / "jones", unnamed)
    toml = (unnamed / "case.toml").read_text(encoding="utf-8")
    (unnamed / "case.toml").write_text(toml.replace('id = "NS-2024-006"', ""), encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "chronogen", "overview", str(archive),
                           str(tmp_path / "missing"), "-o", str(out)],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "smith-broken" in done.stderr and "patel-json" in done.stderr  # the terminal says
    data = json.loads((out / "overview.json").read_text(encoding="utf-8"))
    ids = [r["review"] for r in data["reviews"]]
    assert ids[0] == "NS-2024-004" and ids[1].startswith("unnamed-") and len(ids) == 2
    severities = sorted(p["severity"] for p in data["problems"])
    assert severities == ["error", "error", "error", "warning"]
    assert leaks(out, {"smith", "patel", "nameless"}) == []
    strict = subprocess.run([sys.executable, "-m", "chronogen", "overview", str(archive),
                             "-o", str(out), "--strict"], capture_output=True, text=True,
                            timeout=300, check=False)
    assert strict.returncode == 1
    assert "chronogen overview: --strict: 2 errors" in strict.stderr
    nothing = subprocess.run([sys.executable, "-m", "chronogen", "overview",
                              str(broken), "-o", str(tmp_path / "none")], capture_output=True,
                             text=True, timeout=300, check=False)
    assert nothing.returncode == 2 and "no review could be read" in nothing.stderr
    assert not (tmp_path / "none").exists()


def test_no_output_names_anyone_in_any_family(made: tuple[Overview, Path],
                                              tmp_path: Path) -> None:
    _, out = made
    names: set[str] = set()
    folders = [*sorted(p for p in REVIEWS.iterdir() if (p / "case.toml").exists()), HARBOUR]
    for folder in folders:
        family = load_family(folder).family
        for person in family.people:
            for part in (person.first_name, person.surname, person.known_as, *person.aliases):
                names.update(w for w in re.findall(r"[\w'-]+", part or "") if len(w) > 1)
        title = (folder / "case.toml").read_text(encoding="utf-8").splitlines()[0]
        names.update(re.findall(r'"(\w+) family', title))
    assert {"Mia", "Harbour", "Ava", "Cole", "Eve", "Jo"} <= names
    assert leaks(out, names) == []
    # the same search finds them where they are: in the inputs
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for folder in folders:
        for path in folder.glob("*.csv"):
            shutil.copy(path, inputs / f"{folder.name}-{path.name}")
    assert len(leaks(inputs, names)) > 20


def test_the_same_bytes_whatever_the_order_of_the_arguments(
        made: tuple[Overview, Path], tmp_path: Path) -> None:
    """The reviews' folder and the harbour case read side by side (``made``), against each
    review named alone, in the other order, one after another."""
    _, out = made
    folders = sorted(p for p in REVIEWS.iterdir() if (p / "case.toml").exists())
    two = chronogen.overview([HARBOUR, *reversed(folders)], tmp_path / "two", jobs=1).outputs
    assert len(two) == 4
    for written in two:
        assert written.read_bytes() == (out / written.name).read_bytes(), written.name


def test_the_published_schema_is_the_one_written_and_the_json_follows_it(
        made: tuple[Overview, Path]) -> None:
    _, out = made
    published = (DOCS / "overview.schema.json").read_text(encoding="utf-8")
    assert published == overview_schema() == (out / "overview.schema.json").read_text(
        encoding="utf-8"), "run: python -c \"from chronogen.write.overview_json import " \
        "overview_schema; print(overview_schema(), end='')\" > docs/overview.schema.json"
    data = json.loads((out / "overview.json").read_text(encoding="utf-8"))
    assert Overview.model_validate(data).reviews[0].review == "NS-2021-010"
    schema = json.loads(published)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    broken = json.loads(json.dumps(data))
    broken["reviews"][0]["entries"] = "forty"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)
    assert ReviewFigures.model_validate(data["reviews"][0]).entries == 40


def test_the_workbook_holds_every_table(made: tuple[Overview, Path]) -> None:
    overview, out = made
    book = openpyxl.load_workbook(out / "overview.xlsx")
    assert book.sheetnames == ["Reviews", "Children", "Ages", "Themes", "Themes together",
                               "Gaps", "Agencies", "Recording", "Problems", "About"]
    reviews = book["Reviews"]
    assert [c.value for c in reviews[1]][:3] == ["Review", "Type", "Partnership"]
    assert [reviews.cell(r, 1).value for r in range(2, 9)] == sorted(EXPECTED)
    assert reviews.cell(3, 15).value == 3 and reviews.cell(3, 16).value == pytest.approx(2 / 3)
    children = book["Children"]
    assert children.max_row == 1 + overview.children
    ages = {r[0].value: r[1].value for r in book["Ages"].iter_rows(min_row=2)}
    assert ages == overview.age_bands
    # numbers and their headings stand right, kept off the next column's text; text left
    for sheet in book:
        for column in sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 2)):
            heading, first = column[0], column[-1]
            if first.row == 2 and isinstance(first.value, int | float):
                assert heading.alignment.horizontal == first.alignment.horizontal == "right"
                assert first.alignment.indent == 1, (sheet.title, heading.value)
            elif first.row == 2 and isinstance(first.value, str):
                assert heading.alignment.horizontal != "right", (sheet.title, heading.value)


def test_the_page_shows_the_tables_and_charts(made: tuple[Overview, Path]) -> None:
    _, out = made
    page = (out / "overview.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 4
    assert "http://" not in page.replace("http://www.w3.org", "")  # nothing fetched
    assert "https://" not in page
    assert "<th scope=\"row\">domestic abuse</th><td class=\"n\">3</td>" in page
    assert "NS-2024-006" in page and "Overview across 7 reviews" in page


@pytest.mark.slow
@pytest.mark.usefixtures("no_network")
def test_an_overview_opens_no_network_connection(tmp_path: Path) -> None:
    result = chronogen.overview([REVIEWS, HARBOUR], tmp_path / "out", jobs=1)
    assert len(result.overview.reviews) == 7 and len(result.outputs) == 4


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or CHROMIUM is None,
                    reason="LibreOffice and Chromium are installed by .ci/run")
def test_libreoffice_opens_the_workbook_and_chromium_prints_the_page(
        made: tuple[Overview, Path], tmp_path: Path) -> None:
    _, out = made
    assert SOFFICE is not None and CHROMIUM is not None
    done = subprocess.run([SOFFICE, "--headless", "--norestore",
                           f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                           "--convert-to", "pdf", "--outdir", str(tmp_path),
                           str(out / "overview.xlsx")],
                          capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "overview.pdf").read_bytes().startswith(b"%PDF")
    pdf = tmp_path / "page.pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking",
                    f"--user-data-dir={tmp_path / 'chrome'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", (out / "overview.html").as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000


def test_disability_or_send_is_read_from_the_family_sheet_and_counted(tmp_path: Path) -> None:
    """A "SEND" column of the family sheet: a need written, "None" (recorded as none) and
    blank (not recorded) each counted; the workbook's Children sheet says which."""
    for name, send in (("reed", ["Autism; EHC plan", "", ""]),
                       ("cole", ["None", "", "learning disability"])):
        folder = shutil.copytree(REVIEWS / name, tmp_path / "in" / name)
        lines = (folder / "family.csv").read_text(encoding="utf-8").splitlines()
        (folder / "family.csv").write_text("\n".join(
            [lines[0] + ",SEND"] + [f"{line},{need}" for line, need in
                                    zip(lines[1:], send, strict=True)]) + "\n", encoding="utf-8")
    result = chronogen.overview([tmp_path / "in"], tmp_path / "out")
    by_review = {r.review: [c.disabled.value for c in r.children]
                 for r in result.overview.reviews}
    # Cole's mother's learning disability is hers: only the subject children are counted
    assert by_review == {"NS-2023-001": ["yes"], "NS-2023-002": ["no", "not recorded"]}
    assert result.overview.disability == {"yes": 1, "no": 1, "not recorded": 1}
    sheet = openpyxl.load_workbook(tmp_path / "out" / "overview.xlsx")["Children"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Disability or SEND recorded")
    assert [r[column] for r in rows[1:]] == ["yes", "no", "not recorded"]
    html = (tmp_path / "out" / "overview.html").read_text(encoding="utf-8")
    assert "Disability or SEND recorded" in html


def test_a_persons_disability_answer() -> None:
    from chronogen import Person

    answers = {None: "not recorded", " ": "not recorded", "No": "no", "N/A": "no",
               "none known.": "no", "Autism": "yes", "Yes - ADHD": "yes", "EHCP": "yes"}
    assert {text: Person(id="x", disability=text).disabled.value
            for text in answers} == answers


def test_the_records_words_are_counted_where_their_columns_say_nothing() -> None:
    """Of the contacts about a child, those whose seen (views) column says nothing but whose
    words say the child was seen (give the child's own): never counted as seen or views."""
    from chronogen import Recorded
    from chronogen.analyse.review_figures import review_figures
    from tests.test_flags import case_of, entry

    case = case_of([
        entry(1, "HV", "01/06/2019", seen=Recorded.YES),
        entry(2, "HV", "02/06/2019", summary="Kim seen in class."),
        entry(3, "HV", "03/06/2019", seen=Recorded.YES, summary="Kim said she was hungry."),
        entry(4, "HV", "04/06/2019", seen=Recorded.YES, summary="Mum said Kim wants to move."),
        entry(5, "HV", "05/06/2019", seen=Recorded.NO, summary="Kim seen at the window."),
    ])
    row = review_figures(case, "R-1")
    (child,) = row.children
    assert (child.contacts, child.seen_recorded, child.seen, child.views_recorded) == (5, 4, 3, 0)
    assert (child.seen_in_words_only, child.views_in_words_only) == (1, 1)
    assert (row.seen_in_words_only, row.views_in_words_only) == (1, 1)

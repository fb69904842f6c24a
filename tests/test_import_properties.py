"""Property tests for the agency reader: any grid of cells is read without an exception
that is not chronogen's own, and every row is accounted for."""

from __future__ import annotations

from datetime import date, datetime, time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from chronogen import Family, Person
from chronogen.read.returns.reader import read_agency_sheets
from chronogen.read.sheet import Sheet
from tests.conftest import assert_valid_entries, assert_valid_problems
from tests.property_examples import examples

FAMILY = Family(people=[Person(id="C1", first_name="Mia", subject=True),
                        Person(id="C2", first_name="Leo", subject=True)])
HEADINGS = ["Date", "Time", "Contact type", "Child", "Summary", "Child seen?",
            "Child's views", "Date/Time", "Referral to CSC (Y/N)", "Mystery"]

cells = st.one_of(
    st.none(), st.text(max_size=30), st.integers(min_value=-10, max_value=3_000_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
    st.times(), st.booleans(),
    st.sampled_from(["Yes", "N", "N/A", "Yes - Mia", "#REF!", "31/02/2020", "March 2020",
                     "13/03/2020 23:15", "abt 1988", "Home visit", "Mia, Leo", "Zed", "  ",
                     # the forms read since: periods as phrases, each child's own answer,
                     # views in words, a time in words, a missed appointment's outcome
                     "w/c 09/03/2020", "early 2019", "9-14 March 2020", "13/03/2020 3pm",
                     "Mia seen, Leo not seen", "Yes - not Leo", "Both", "Asleep",
                     "Leo - no views", "Mia (8)", "DNA", "noon", "20200313",
                     # and since: a ditto mark, a span of years, sighted, a call
                     '"', "Ditto", "2019/20", "Mar-20", "Sighted", "Seen only",
                     "Telephone call", "Letter re DNA", "M Harbour"]),
)


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, min_size=0, max_size=len(HEADINGS) + 2), max_size=25),
       st.integers(min_value=0, max_value=4), st.booleans())
def test_any_grid_is_read_and_every_row_accounted_for(rows: list[list[object]], title_rows: int,
                                                      with_header: bool) -> None:
    grid: list[tuple[object, ...]] = [("A title",)] * title_rows
    if with_header:
        grid.append(tuple(HEADINGS))
    grid.extend(tuple(r) for r in rows)
    sheet = Sheet(file="x.xlsx", name="S", rows=grid)  # type: ignore[arg-type]
    result = read_agency_sheets([sheet], agency="Police", code="POL", family=FAMILY)
    report = result.report
    assert report.balanced
    assert report.rows_read == len(grid)
    assert report.entries == len(result.entries)
    assert report.rejected == len(result.rejected)
    assert_valid_entries(result.entries)
    assert_valid_problems(result.problems)
    for entry in result.entries:
        assert entry.date.earliest is not None or entry.date.latest is not None
        assert set(entry.children) <= {"C1", "C2"}
    for rejected in result.rejected:
        assert rejected.message and rejected.source.row


@given(st.times())
def test_time_cells_are_kept(clock: time) -> None:
    grid = [("Date", "Time", "Summary"), ("01/02/2020", clock, "x")]
    result = read_agency_sheets([Sheet(file="x.xlsx", name="S", rows=grid)], agency="P",
                                code="P", family=FAMILY)
    assert result.entries[0].time == clock


repeating = st.sampled_from(["Yes", "No", "N/A", "Yes - Mia", "Yes - Zed", "maybe", "Mia",
                             "Leo", "Mia, Leo", "Zed", "Mia said she was sad", None, "#N/A",
                             "01/02/2020", "13/03/2020", "02/03/2020", "soon", "Home visit",
                             "Thing", 1, 1.0, True, 44000, "Mia seen, Leo not seen",
                             "Yes - Mia (Leo at school)", "Asleep", "w/c 09/03/2020", "DNA",
                             "Mia (8)", "All children"])


@settings(max_examples=examples(120), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(repeating, min_size=len(HEADINGS), max_size=len(HEADINGS)),
                max_size=30))
def test_reading_each_value_once_gives_what_reading_every_row_afresh_gives(
        rows: list[list[object]]) -> None:
    """The row reader works out each distinct value once per sheet and raises its problems
    again for every row holding it; with that reuse switched off the result is the same."""
    import chronogen.read.returns.rows as row_module
    import chronogen.read.returns.sheet_reading as sheet_reading

    grid = [tuple(HEADINGS), *(tuple(r) for r in rows)]

    def read() -> object:
        sheet = Sheet(file="x.xlsx", name="S", rows=grid)  # type: ignore[arg-type]
        result = read_agency_sheets([sheet], agency="Police", code="POL", family=FAMILY)
        return ([e.model_dump() for e in result.entries],
                [p.model_dump() for p in result.problems],
                [r.model_dump() for r in result.rejected])

    reused = read()
    limit = row_module.CACHE_LIMIT
    row_module.CACHE_LIMIT = sheet_reading.CACHE_LIMIT = 0  # the memos, and the memo of each
    try:
        afresh = read()
    finally:
        row_module.CACHE_LIMIT = sheet_reading.CACHE_LIMIT = limit
    assert reused == afresh
    _, problems, _ = reused  # type: ignore[misc]
    rows_with_problems = {p["row"] for p in problems if p["row"] is not None}
    assert rows_with_problems <= set(range(2, len(grid) + 1))


leading = st.one_of(
    cells, st.builds(lambda space, mark, rest: space + mark + rest,
                     st.sampled_from(["", " ", "\t", "\xa0", "\u2003", "\n", "  "]),
                     st.sampled_from(["", "#", "^", "¬", "~", "x", "#REF!", "#N/A"]),
                     st.sampled_from(["", " note", "!", " 01/02/2020", "Home visit"])))


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(leading, min_size=0, max_size=4), max_size=20))
@example([["# a note"], ["\u2003^ spaced"], ["~"], ["#REF!", "01/02/2020"], [" ", "¬ x"],
          [None, "# after a blank"], ["", None]])
def test_rows_are_told_apart_as_each_test_alone_tells_them(rows: list[list[object]]) -> None:
    """Blank rows, author's notes and contacts are told apart by quick tests of a row's first
    cell where they settle it: the same as asking is_blank and author_note of every row."""
    from chronogen.read.returns.rows import author_note
    from chronogen.read.table import is_blank

    grid: list[tuple[object, ...]] = [("Date", "Summary", "Child seen?", "Time")]
    grid.extend(tuple(r) for r in rows)
    sheet = Sheet(file="x.xlsx", name="S", rows=grid)  # type: ignore[arg-type]
    result = read_agency_sheets([sheet], agency="Police", code="POL", family=FAMILY)
    data = [tuple(r) for r in rows]
    blank = [r for r in data if is_blank(r)]  # type: ignore[arg-type]
    notes = [author_note(r) for r in data if not is_blank(r)]  # type: ignore[arg-type]
    assert result.report.blank == len(blank)
    assert [n.text for n in result.notes] == [n for n in notes if n is not None]
    assert len(result.entries) + len(result.rejected) == len(notes) - len(result.notes)


_DATES = st.sampled_from([None, None, "13/03/2020", "14/03/2020", "bad date"])
_WORDS = st.sampled_from([None, "visit", "the rest of it", "more words", "Mia seen"])


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_DATES, _WORDS, _WORDS, st.sampled_from([None, None, "SW1"])),
                max_size=20))
def test_rows_joined_to_the_entry_above_lose_no_words(rows: list[tuple[object, ...]]) -> None:
    """``join_continued_rows``: every row is still accounted for (an entry, rejected, blank,
    or joined), and every word of every row ends in an entry or a rejected row."""
    from chronogen.read.returns.layout import ColumnMapping

    # each row's words its own, so that finding them says where they went
    rows = [(day, summary and f"{summary} {n}s", outcome and f"{outcome} {n}o", worker)
            for n, (day, summary, outcome, worker) in enumerate(rows)]
    grid: list[tuple[object, ...]] = [("Date", "Summary", "Outcome", "Worker"), *rows]
    sheet = Sheet(file="x.xlsx", name="S", rows=grid)  # type: ignore[arg-type]
    result = read_agency_sheets([sheet], agency="Police", code="POL", family=FAMILY,
                                mapping=ColumnMapping(join_continued_rows=True))
    report = result.report
    assert report.balanced and report.rows_read == len(grid)
    assert report.joined == sum(p.code.value == "continued-row" for p in result.problems)
    assert_valid_entries(result.entries)
    kept = [f"{e.summary}\n{e.outcome}" for e in result.entries] + [
        " ".join(str(v) for v in r.raw.values()) for r in result.rejected]
    for number, (_, summary, outcome, _) in enumerate(rows, start=2):
        for words in (summary, outcome):
            if words is not None:
                assert any(words in text for text in kept), (number, words)

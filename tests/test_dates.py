"""PartialDate parsing: examples, impossible dates, and round-trip properties."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen import DateError, PartialDate, Precision, Qualifier, parse_date_time
from chronogen.dates import from_excel_serial


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision", "qualifier"),
    [
        ("2012-03-04", date(2012, 3, 4), date(2012, 3, 4), Precision.DAY, Qualifier.EXACT),
        # year first with a system's slashes or dots (each was "not a date")
        ("2012/03/04", date(2012, 3, 4), date(2012, 3, 4), Precision.DAY, Qualifier.EXACT),
        ("2012.3.4", date(2012, 3, 4), date(2012, 3, 4), Precision.DAY, Qualifier.EXACT),
        ("04/03/2012", date(2012, 3, 4), date(2012, 3, 4), Precision.DAY, Qualifier.EXACT),
        ("4.3.12", date(2012, 3, 4), date(2012, 3, 4), Precision.DAY, Qualifier.EXACT),
        ("14th September 2018", date(2018, 9, 14), date(2018, 9, 14), Precision.DAY,
         Qualifier.EXACT),
        ("Sep 14, 2018", date(2018, 9, 14), date(2018, 9, 14), Precision.DAY, Qualifier.EXACT),
        ("March 2020", date(2020, 3, 1), date(2020, 3, 31), Precision.MONTH, Qualifier.EXACT),
        ("2013-06", date(2013, 6, 1), date(2013, 6, 30), Precision.MONTH, Qualifier.EXACT),
        ("02/2020", date(2020, 2, 1), date(2020, 2, 29), Precision.MONTH, Qualifier.EXACT),
        ("2021", date(2021, 1, 1), date(2021, 12, 31), Precision.YEAR, Qualifier.EXACT),
        ("abt 1988", date(1988, 1, 1), date(1988, 12, 31), Precision.YEAR, Qualifier.ABOUT),
        ("c. 1990", date(1990, 1, 1), date(1990, 12, 31), Precision.YEAR, Qualifier.ABOUT),
        ("approx March 2019", date(2019, 3, 1), date(2019, 3, 31), Precision.MONTH,
         Qualifier.ABOUT),
        ("?12/03/2020", date(2020, 3, 12), date(2020, 3, 12), Precision.DAY,
         Qualifier.UNCERTAIN),
        ("before 2019", None, date(2018, 12, 31), Precision.YEAR, Qualifier.BEFORE),
        ("after March 2020", date(2020, 4, 1), None, Precision.MONTH, Qualifier.AFTER),
        ("between 31/07/2007 and 02/08/2007", date(2007, 7, 31), date(2007, 8, 2),
         Precision.RANGE, Qualifier.BETWEEN),
        # ISO's year and month stays a month (not the span of years "2011/12" is)
        ("2011-12", date(2011, 12, 1), date(2011, 12, 31), Precision.MONTH, Qualifier.EXACT),
        # Excel's month-and-year display saved as text ("mmm-yy"): as a day it has no year
        ("Mar-20", date(2020, 3, 1), date(2020, 3, 31), Precision.MONTH, Qualifier.EXACT),
        ("Sept-19", date(2019, 9, 1), date(2019, 9, 30), Precision.MONTH, Qualifier.EXACT),
        ("Feb/21", date(2021, 2, 1), date(2021, 2, 28), Precision.MONTH, Qualifier.EXACT),
        ("c. Mar-20", date(2020, 3, 1), date(2020, 3, 31), Precision.MONTH, Qualifier.ABOUT),
    ],
)
def test_forms(text: str, earliest: date | None, latest: date | None, precision: Precision,
               qualifier: Qualifier) -> None:
    value = PartialDate.parse(text)
    assert (value.earliest, value.latest, value.precision, value.qualifier) == (
        earliest, latest, precision, qualifier)
    assert value.text == text  # the original text is never thrown away


def test_iso_is_never_swapped_by_day_first() -> None:
    # dateutil with dayfirst=True would read this as 3 April
    assert PartialDate.parse("2012-03-04").earliest == date(2012, 3, 4)


@pytest.mark.parametrize("text", ["31/02/2020", "2019-02-29", "32/01/2020", "00/01/2020",
                                  "15/13/2020", "Prepared by: Team Manager", "", "   ",
                                  "between 05/03/2020 and 01/03/2020", "0219-01-01",
                                  "31 June 2020", "2020/13/02", "2020/03-02"])
def test_impossible_or_not_dates_are_rejected(text: str) -> None:
    with pytest.raises(DateError):
        PartialDate.parse(text)


@pytest.mark.parametrize(("text", "clock"), [
    # a system's day at midnight, written with its seconds: no time, as a date-time cell at
    # midnight is read (each was a contact at 00:00, first in its day)
    ("13/03/2020 00:00:00", None), ("2020-03-13T00:00:00", None),
    ("13/03/2020 00:00", time(0)),  # typed: a contact at midnight, as written
    ("13/03/2020 @ 14:30", time(14, 30)), ("13/03/2020 @14:30", time(14, 30)),  # refused
    ("13/03/2020 14:30:00", time(14, 30)),
])
def test_a_time_after_a_date_as_systems_write_it(text: str, clock: time | None) -> None:
    found = parse_date_time(text)
    assert (found.date.earliest, found.time) == (date(2020, 3, 13), clock)


@pytest.mark.parametrize(("text", "day", "clock"), [
    # a moment a system stamped in UTC or at an offset: the day and time it was in England
    ("2020-03-05T14:00:00Z", date(2020, 3, 5), time(14)),  # winter: GMT is UTC
    ("2020-07-05T23:30:00Z", date(2020, 7, 6), time(0, 30)),  # summer: the next day, BST
    ("2020-07-05T23:30:00.123456Z", date(2020, 7, 6), time(0, 30)),
    ("2020-07-05T14:00:00+01:00", date(2020, 7, 5), time(14)),
    ("2020-07-05T09:00:00-05:00", date(2020, 7, 5), time(15)),
    ("2020-07-05 14:00:00 UTC", date(2020, 7, 5), time(15)),
    ("2020-07-05t14:00z", date(2020, 7, 5), time(15)),
    # a day kept as a midnight: no time, at its own offset or in England
    ("2020-07-05T00:00:00Z", date(2020, 7, 5), None),
    ("2020-07-04T23:00:00Z", date(2020, 7, 5), None),
])
def test_a_moment_stamped_in_utc_is_its_day_in_england(text: str, day: date,
                                                        clock: time | None) -> None:
    found = parse_date_time(text)
    assert (found.date.earliest, found.date.latest, found.time) == (day, day, clock)
    assert found.date.text == text  # as written, for the reader to see


@given(st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2090, 12, 31),
                    timezones=st.sampled_from([UTC, timezone(timedelta(hours=1)),
                                               timezone(timedelta(hours=-5, minutes=-30))])))
def test_any_stamped_moment_is_the_moment_in_england(moment: datetime) -> None:
    from zoneinfo import ZoneInfo

    moment = moment.replace(microsecond=0)
    found = parse_date_time(moment.isoformat())
    local = moment.astimezone(ZoneInfo("Europe/London"))
    if moment.time() == time(0):
        assert (found.date.earliest, found.time) == (moment.date(), None)
    else:
        assert found.date.earliest == local.date()
        assert found.time == (None if local.time() == time(0) else local.time())


def test_date_with_time() -> None:
    parsed = parse_date_time("13/03/2020 23:15")
    assert parsed.date.earliest == date(2020, 3, 13)
    assert parsed.time == time(23, 15)


def test_day_month_ambiguity_is_reported() -> None:
    assert parse_date_time("03/04/2020").day_month_ambiguous
    assert not parse_date_time("13/04/2020").day_month_ambiguous
    assert not parse_date_time("04/04/2020").day_month_ambiguous


def test_excel_serials_in_both_systems() -> None:
    assert from_excel_serial(43903).date.earliest == date(2020, 3, 13)
    assert from_excel_serial(43903 - 1462, date1904=True).date.earliest == date(2020, 3, 13)
    assert from_excel_serial(1).date.earliest == date(1900, 1, 1)
    assert from_excel_serial(61).date.earliest == date(1900, 3, 1)
    assert from_excel_serial(43903.75).time == time(18, 0)
    with pytest.raises(DateError, match="never existed"):
        from_excel_serial(60)  # Excel's 29 February 1900


def test_sort_key_orders_by_earliest_then_latest() -> None:
    values = [PartialDate.parse(t) for t in ["2020", "March 2020", "01/03/2020", "before 2020"]]
    ordered = sorted(values, key=lambda v: v.sort_key)
    assert [v.text for v in ordered] == ["before 2020", "2020", "01/03/2020", "March 2020"]


# -- properties ----------------------------------------------------------------------------

days = st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31))


def _day_forms(d: date) -> list[str]:
    month = calendar.month_name[d.month]
    abbr = calendar.month_abbr[d.month]
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return [
        d.isoformat(),
        d.strftime("%d/%m/%Y"),
        f"{d.day}/{d.month}/{d.year}",
        d.strftime("%d.%m.%y"),
        d.strftime("%d-%m-%Y"),
        f"{d.day}{suffix} {month} {d.year}",
        f"{d.day} {abbr} {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{d.day}-{abbr}-{d.year}",
    ]


@given(days, st.integers(min_value=0, max_value=8))
def test_any_day_in_any_form_parses_back_to_itself(d: date, form: int) -> None:
    text = _day_forms(d)[form]
    value = PartialDate.parse(text)
    assert (value.earliest, value.latest, value.precision) == (d, d, Precision.DAY), text


@given(days, st.integers(min_value=0, max_value=4))
def test_any_month_in_any_form_parses_back_to_itself(d: date, form: int) -> None:
    texts = [f"{calendar.month_name[d.month]} {d.year}", f"{calendar.month_abbr[d.month]} {d.year}",
             f"{d.year}-{d.month:02d}", f"{d.month:02d}/{d.year}", f"{d.month}.{d.year}"]
    value = PartialDate.parse(texts[form])
    last = calendar.monthrange(d.year, d.month)[1]
    assert value.precision is Precision.MONTH
    assert (value.earliest, value.latest) == (date(d.year, d.month, 1),
                                              date(d.year, d.month, last))


@given(days, days, st.sampled_from(["exact", "about", "uncertain", "before", "after",
                                    "between"]), st.sampled_from(list(Precision)))
def test_display_parses_back_to_the_same_value(a: date, b: date, qualifier: str,
                                               precision: Precision) -> None:
    core = {Precision.DAY: a.strftime("%d/%m/%Y"), Precision.MONTH: a.strftime("%m/%Y"),
            Precision.YEAR: str(a.year), Precision.RANGE: a.strftime("%d/%m/%Y")}[precision]
    if precision is Precision.RANGE or qualifier == "between":
        low, high = sorted((a, b))
        text = f"between {low:%d/%m/%Y} and {high:%d/%m/%Y}"
    else:
        prefix = {"exact": "", "about": "approx ", "uncertain": "?", "before": "before ",
                  "after": "after "}[qualifier]
        text = prefix + core
    value = PartialDate.parse(text)
    again = PartialDate.parse(value.display())
    assert (again.earliest, again.latest, again.precision, again.qualifier) == (
        value.earliest, value.latest, value.precision, value.qualifier)


@given(st.text(max_size=40))
def test_no_input_raises_anything_but_date_error(text: str) -> None:
    try:
        value = PartialDate.parse(text)
    except DateError:
        return
    assert value.text == text.strip() or value.text == text  # the original text is kept
    if value.earliest is not None and value.latest is not None:
        assert value.earliest <= value.latest
    assert value.sort_key[0] <= value.sort_key[1]


@given(st.one_of(st.floats(min_value=-10, max_value=3_000_000), st.just(float("nan"))),
       st.booleans())
def test_excel_serials_raise_only_date_error(serial: float, date1904: bool) -> None:
    try:
        parsed = from_excel_serial(serial, date1904=date1904)
    except DateError:
        return
    day = parsed.date.earliest
    assert day is not None and day == parsed.date.latest  # one exact day
    base = date(1904, 1, 1) if date1904 else date(1899, 12, 31)
    assert abs((day - base).days - int(serial)) <= 1  # 1900's leap-year bug shifts one day


@pytest.mark.parametrize(("value", "expected"), [
    ("23:15", time(23, 15)), ("2315", time(23, 15)), ("11.15pm", time(23, 15)),
    ("12:05am", time(0, 5)), ("12:05pm", time(12, 5)), (0.5, time(12, 0)),
    (time(9, 30), time(9, 30)), ("25:00", None), ("teatime", None), (None, None),
    # an hour and its half of the day; noon; the start of a span of times
    ("3pm", time(15, 0)), ("11 a.m.", time(11, 0)), ("noon", time(12, 0)),
    ("Midnight", time(0, 0)), ("10:30 - 11:00", time(10, 30)), ("2-3pm", time(14, 0)),
    ("10:30 - teatime", None), ("9", None),
])
def test_times_in_cells(value: object, expected: time | None) -> None:
    from chronogen.read.returns.cell_values import time_from_cell

    assert time_from_cell(value) == expected  # type: ignore[arg-type]


#: the trailing-time pattern as it was, trying its separators from every character
_TIME_FROM_EVERY_CHARACTER = (
    r"(?:^|[\st,]+|\s*at\s+)(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\.\d+)?\s*(?P<ampm>am|pm)?\s*(?:hrs|hr|h)?$")


@given(st.lists(st.sampled_from(["01/02/2020", " ", ",", "t", "at", " at ", "10:30", "9.05",
                                 ":00", "pm", "am", "hrs", "h", "1", "x", ", ", ".5"]),
                max_size=12).map("".join))
def test_the_trailing_time_is_found_where_it_was(text: str) -> None:
    """The time pattern tries its separators only from the start of a run of them (from
    every character, a long run took time growing with its square): what it finds, in any
    text, is what it found before."""
    import re

    from chronogen.dates.plain import _TIME_RE

    before = re.compile(_TIME_FROM_EVERY_CHARACTER).search(text)
    now = _TIME_RE.search(text)
    assert (before and (before.span(), before.groupdict())) == (
        now and (now.span(), now.groupdict()))


@pytest.mark.parametrize(("text", "earliest", "latest"), [
    # a week, from or to a day
    ("w/c 09/03/2020", date(2020, 3, 9), date(2020, 3, 15)),
    # a week of a month, counted from its first day, or its last seven (each "not a date")
    ("1st week of March 2020", date(2020, 3, 1), date(2020, 3, 7)),
    ("the second week in June 2019", date(2019, 6, 8), date(2019, 6, 14)),
    ("last week of February 2020", date(2020, 2, 23), date(2020, 2, 29)),
    ("W/C 9 March 2020", date(2020, 3, 9), date(2020, 3, 15)),
    ("week commencing 09/03/2020", date(2020, 3, 9), date(2020, 3, 15)),
    ("w/e 15/03/2020", date(2020, 3, 9), date(2020, 3, 15)),
    # a part of a year or month
    ("early 2019", date(2019, 1, 1), date(2019, 4, 30)),
    ("mid-2019", date(2019, 5, 1), date(2019, 8, 31)),
    ("Late 2019", date(2019, 9, 1), date(2019, 12, 31)),
    ("early March 2020", date(2020, 3, 1), date(2020, 3, 10)),
    ("mid March 2020", date(2020, 3, 11), date(2020, 3, 20)),
    ("end of February 2020", date(2020, 2, 21), date(2020, 2, 29)),
    ("beginning of April 2020", date(2020, 4, 1), date(2020, 4, 10)),
    # school terms, and a season without "term" as wide as either
    ("Spring term 2019", date(2019, 1, 1), date(2019, 4, 30)),
    ("Summer term 2019", date(2019, 4, 1), date(2019, 7, 31)),
    ("Autumn term 2019", date(2019, 9, 1), date(2019, 12, 31)),
    ("Spring 2019", date(2019, 1, 1), date(2019, 5, 31)),
    # days or months sharing what the last end writes
    ("9-14 March 2020", date(2020, 3, 9), date(2020, 3, 14)),
    ("9th-14th March 2020", date(2020, 3, 9), date(2020, 3, 14)),
    ("9 to 14 March 2020", date(2020, 3, 9), date(2020, 3, 14)),
    ("9 March to 14 March 2020", date(2020, 3, 9), date(2020, 3, 14)),
    ("between 9 and 14 March 2020", date(2020, 3, 9), date(2020, 3, 14)),
    ("28 Feb - 3 March 2020", date(2020, 2, 28), date(2020, 3, 3)),
    ("Jan/Feb 2020", date(2020, 1, 1), date(2020, 2, 29)),
    ("January to March 2020", date(2020, 1, 1), date(2020, 3, 31)),
    # two days listed, in either order
    ("13/03/2020 & 14/03/2020", date(2020, 3, 13), date(2020, 3, 14)),
    ("13/03/2020 and 12/03/2020", date(2020, 3, 12), date(2020, 3, 13)),
    # a quarter; a span of years as a school or financial year is written (both years
    # whole); "2011/12" was December 2011
    ("Q1 2020", date(2020, 1, 1), date(2020, 3, 31)),
    ("2019 Q4", date(2019, 10, 1), date(2019, 12, 31)),
    ("2019/20", date(2019, 1, 1), date(2020, 12, 31)),
    ("2011/12", date(2011, 1, 1), date(2012, 12, 31)),
    ("1999/00", date(1999, 1, 1), date(2000, 12, 31)),
    ("2019-2020", date(2019, 1, 1), date(2020, 12, 31)),
    ("2020-21", date(2020, 1, 1), date(2021, 12, 31)),
])
def test_a_period_written_as_a_phrase_is_its_range(text: str, earliest: date,
                                                   latest: date) -> None:
    value = PartialDate.parse(text)
    assert (value.earliest, value.latest, value.precision, value.qualifier) == (
        earliest, latest, Precision.RANGE, Qualifier.BETWEEN)
    assert value.text == text
    again = PartialDate.parse(value.display())  # its display reads back as itself
    assert (again.earliest, again.latest) == (earliest, latest)


@pytest.mark.parametrize(("text", "day", "qualifier"), [
    ("13/03/2020 (approx)", date(2020, 3, 13), Qualifier.ABOUT),
    ("13/03/2020 approx.", date(2020, 3, 13), Qualifier.ABOUT),
    ("09/03/2020 pm", date(2020, 3, 9), Qualifier.EXACT),
    ("09/03/2020 (evening)", date(2020, 3, 9), Qualifier.EXACT),
    ("Monday 2020-03-09", date(2020, 3, 9), Qualifier.EXACT),
    ("Tues 10/03/2020", date(2020, 3, 10), Qualifier.EXACT),
    ("13/03/2020 (Friday)", date(2020, 3, 13), Qualifier.EXACT),
    ("13/03/2020 - Fri", date(2020, 3, 13), Qualifier.EXACT),
])
def test_a_day_with_a_word_beside_it_is_that_day(text: str, day: date,
                                                 qualifier: Qualifier) -> None:
    value = PartialDate.parse(text)
    assert (value.earliest, value.latest, value.precision, value.qualifier) == (
        day, day, Precision.DAY, qualifier)


@pytest.mark.parametrize(("text", "says"), [
    # the parts are each a date, but not a real one: the error says which
    ("w/c 31/02/2020", "February 2020 has 29 days"),
    ("30-31 February 2020", "February 2020 has 29 days"),
    ("w/c March 2020", "a week starts or ends on one known day"),
    # what dateutil read wrongly, each number not a part of the date it gave
    ("1-2-3", "is not a date"),
    ("12-14 2020", "is not a date"),  # 14 December, month first
    ("Mon 03/25/2020", "is not a date"),  # 25 March, month first
    ("20190312", "is not a date"),  # 3 December, the day read from the end
    ("032020", "is not a date"),  # 20 March: "2020" split
    ("9mon93", "is not a date"),  # the day worked out from the weekday's name
    ("2020-03-13 2019", "is not a date"),  # two years
    ("winter 2019", "is not a date"),  # December 2019, or January 2019?
    ("20-Mar", "has no year"), ("Mar 20", "has no year"),  # the 20th of March
])
def test_what_is_not_a_date_is_an_error_that_says_why(text: str, says: str) -> None:
    with pytest.raises(DateError, match=says):
        PartialDate.parse(text)


_PIECES = ["9", "14", "03", "3", "12", "31", "2020", "2019", "20", "19", "march", "mar",
           "sept", "monday", "mon", "th", "st", "of", "the", "at", "10:30", "am", "-", "/",
           ".", ",", " ", " ", "to", "and", "c.", "?", "(", ")", "2020-03-13", "t", "w/c ",
           "early ", "end of ", "spring "]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join))
def test_every_year_written_is_a_year_of_the_date_read(text: str) -> None:
    """Whatever a text is read as, each four-figure number in it is the year of one of its
    ends, and a one-day date's year is written in it: dateutil, day first, read "9-14 March
    2020" as 14/03/2009 and "032020" as 20/03/2020."""
    import re

    try:
        value = PartialDate.parse(text)
    except DateError:
        return
    years = {d.year for d in (value.earliest, value.latest) if d is not None}
    assert all(int(number) in years for number in re.findall(r"(?<!\d)\d{4}(?!\d)", text)), \
        (text, value)
    if value.precision is Precision.DAY:
        assert value.earliest is not None
        written = re.findall(r"\d+", text)
        year = value.earliest.year
        # or written as a system writes a day in eight figures, year first ("20140314")
        compact = value.earliest.strftime("%Y%m%d")
        assert f"{year}" in written or f"{year % 100:02d}" in written or compact in written, \
            (text, value)


@pytest.mark.parametrize(("text", "day", "clock"), [
    ("13/03/2020 3pm", date(2020, 3, 13), time(15, 0)),
    ("13/03/2020 at 3 pm", date(2020, 3, 13), time(15, 0)),
    ("13/03/2020 noon", date(2020, 3, 13), time(12, 0)),
    ("13/03/2020 10:30-11:00", date(2020, 3, 13), time(10, 30)),  # an offset, to dateutil
    ("13 March 2020 at 9am", date(2020, 3, 13), time(9, 0)),  # the time was dropped
    ("Tue, 10 Mar 2020 14:05:00 +0000", date(2020, 3, 10), time(14, 5)),
    ("2020-03-13 19", date(2020, 3, 13), None),  # a bare number is no time
    # an hour past twelve with its "pm" is that hour, as "13:00pm" and a time column's
    # "13pm" are (it was refused after a day)
    ("13/03/2020 13pm", date(2020, 3, 13), time(13, 0)),
    ("13/03/2020 12am", date(2020, 3, 13), time(0, 0)),
])
def test_a_time_written_after_a_day_is_its_time(text: str, day: date,
                                                clock: time | None) -> None:
    parsed = parse_date_time(text)
    assert (parsed.date.earliest, parsed.date.latest, parsed.time) == (day, day, clock)


def test_an_hour_is_not_read_as_the_day() -> None:
    # dateutil read the 3 of "3pm" as the day: 03/03/2020
    value = PartialDate.parse("March 2020 3pm")
    assert (value.earliest, value.latest) == (date(2020, 3, 1), date(2020, 3, 31))


@pytest.mark.parametrize(("value", "day"), [
    (20200313, date(2020, 3, 13)), (20200313.0, date(2020, 3, 13)), (43903, date(2020, 3, 13)),
    ("20200313", date(2020, 3, 13)), (20201303, None), (13032020, None),
])
def test_a_day_written_as_a_number_yyyymmdd(value: object, day: date | None) -> None:
    """A system's export writes a day as the number 20200313: it reads as that day, as its
    text did (it was refused as an Excel serial), and never as another."""
    from chronogen.read.returns.cell_values import date_from_cell

    if day is None:
        with pytest.raises(DateError):
            date_from_cell(value)  # type: ignore[arg-type]
    else:
        assert date_from_cell(value).date.earliest == day  # type: ignore[arg-type]

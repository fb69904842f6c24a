"""Dates written as phrases: the ways agencies write a period rather than a day.

Tried only where a text is not a date of the plain forms (:mod:`chronogen.dates.plain`),
so no text that reads as a plain date is read otherwise. Each phrase
becomes the period it can mean, as a range (the original text kept):

- a week: ``w/c 09/03/2020``, ``week commencing 9 March 2020`` (the seven days from it),
  ``w/e 15/03/2020`` (the seven days to it);
- a part of a year or month: ``early 2019`` (January to April), ``mid-2019`` (May to
  August), ``late 2019`` (September to December); ``early March 2020`` (the 1st to the
  10th), ``mid March`` (11th to 20th), ``end of March 2020`` (21st to the month's end);
- a season or school term: ``spring term 2019`` (January to April), ``summer term``
  (April to July), ``autumn term`` (September to December); a season without "term" is
  the widest it can mean, term or season (``spring 2019``: January to May);
- days or months sharing their month or year: ``9-14 March 2020``, ``9th to 14th March
  2020``, ``9 March to 14 March 2020``, ``Jan/Feb 2020``, ``January to March 2020``;
- a quarter: ``Q1 2020`` (January to March); a span of years, the way an academic or
  financial year is written: ``2019/20``, ``2019-20``, ``2019-2020`` (the whole of both
  years: the school year, September to August, and the financial year, April to March,
  lie within them);
- a date with a trailing word: ``13/03/2020 (approx)`` (about), ``13/03/2020 pm`` (the
  day; no time is known); a day led by its weekday: ``Monday 2020-03-09``;
- a day and a time the plain forms do not read: ``13/03/2020 3pm``, ``... noon``,
  ``... 10:30-11:00`` (its start).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta

from chronogen.dates.partial import (
    MONTHS,
    ParsedDateTime,
    PartialDate,
    Precision,
    Qualifier,
    clock,
)
from chronogen.dates.plain import parse_plain
from chronogen.errors import DateError

#: no phrase is longer (a longer text is a note, not a date; the patterns stay cheap)
LONGEST_PHRASE = 60

_WEEK_FROM = ("week commencing", "week beginning", "week starting", "w/c", "w/b", "wc", "wb",
              "w.c.", "w.b.")
_WEEK_TO = ("week ending", "w/e", "w.e.")
#: a part of a year or month: the months of a year, the days of a month (first, last)
_PARTS = {"early": ((1, 4), (1, 10)), "beginning of": ((1, 4), (1, 10)),
          "start of": ((1, 4), (1, 10)), "mid": ((5, 8), (11, 20)),
          "middle of": ((5, 8), (11, 20)), "late": ((9, 12), (21, 31)),
          "end of": ((9, 12), (21, 31))}
_PART = re.compile(r"(?:the )?(early|beginning of|start of|mid|middle of|late|end of)"
                   r"(?:-| -| )(?:the )?(.+)")
#: (first month, last month) of a term, and of a season written without "term" (either)
_TERMS = {"spring": (1, 4), "summer": (4, 7), "autumn": (9, 12)}
_SEASONS = {"spring": (1, 5), "summer": (4, 8), "autumn": (9, 12), "fall": (9, 12)}
_SEASON = re.compile(r"(spring|summer|autumn|fall)( term)?,? (\d{4})")
_QUARTER = re.compile(r"q([1-4]),? (\d{4})|(\d{4}),? q([1-4])")
#: a span of years: "2019/20", "2019-20" (the second the year after), "2019-2020"
_YEARS = re.compile(r"(\d{4}) ?[-–/] ?(\d{2}|\d{4})")
#: two ends sharing what the second writes: "9-14 march 2020", "jan/feb 2020"
#: (a "/" joins two days only before a written month: "13/03/2020" is one date)
_SPAN = re.compile(r"(\d{1,2}(?:st|nd|rd|th)?)\s?(?:-|–|&|to|and|until|till|/(?=\s?\d{1,2}"
                   r"(?:st|nd|rd|th)? [a-z]))\s?(\d{1,2}(?:st|nd|rd|th)?[ \-/].+)"
                   r"|([a-z]{3,9}\.?)\s?(?:-|–|/|&|to|and|until|till)\s?([a-z]{3,9}\.?,? \d{4})")
_SPAN_WORDS = re.compile(r"(?:between|from) (.+?) (?:and|to|until|till|-|–) (.+)")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ \-/]([a-z]{3,9})\.?")
_ABOUT_AFTER = ("approximately", "approx.", "approx", "circa", "estimated", "est.", "est",
                "roughly", "about")
_DAY_PARTS = ("a.m.", "p.m.", "am", "pm", "morning", "afternoon", "evening", "night",
              "overnight", "lunchtime")
#: each weekday's names (long, short, and as often written), Monday first
_DAY_NAMES = (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed", "weds"),
              ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
              ("sunday", "sun"))
#: the weekdays as a message says them, in English whatever the machine's language
WEEKDAY_NAMES = tuple(names[0].capitalize() for names in _DAY_NAMES)
_WEEKDAY_NUMBERS = {name: number for number, names in enumerate(_DAY_NAMES)
                    for name in names}
#: the days of the week, long names before their short ones
_WEEKDAYS = tuple(sorted(_WEEKDAY_NUMBERS, key=len, reverse=True))


#: a weekday's name at a date's start or end ("Thu 05/03/2020", "05/03/2020 (Friday)")
_NAMED_WEEKDAY = re.compile(r"^\(?([a-z]+)\b|\b([a-z]+)\)?$")


def named_weekday(text: str) -> int | None:
    """The weekday a date's text names beside it (Monday 0), or None where it names none."""
    cleaned = text.strip().strip(".,").lower()
    for found in _NAMED_WEEKDAY.finditer(cleaned):
        number = _WEEKDAY_NUMBERS.get(found[1] or found[2] or "")
        if number is not None:
            return number
    return None


def parse_phrase(original: str, cleaned: str) -> ParsedDateTime | None:
    """The period a phrase means (see the module), or None when *cleaned* (lower case,
    spaces collapsed) is none of them. Raises :class:`DateError` for a phrase whose date is
    not a real one."""
    if len(cleaned) > LONGEST_PHRASE:
        return None
    for attempt in (_weekday, _trailing_time, _trailing_word, _week, _nth_week, _part,
                    _season, _quarter, _years, _span):
        found = attempt(original, cleaned)
        if found is not None:
            return found
    return None


def _ranged(original: str, first: date, last: date) -> ParsedDateTime:
    if first > last:
        raise DateError(f"{original!r}: the range ends before it starts")
    return ParsedDateTime(PartialDate(text=original, earliest=first, latest=last,
                                      precision=Precision.RANGE, qualifier=Qualifier.BETWEEN),
                          None, False)


def _inner(original: str, text: str) -> ParsedDateTime:
    """*text*, a part of the phrase *original*, as a plain date; its error names both."""
    try:
        return parse_plain(text)
    except DateError as error:
        raise DateError(f"{original!r}: {error}") from None


def _plain_or_none(text: str) -> ParsedDateTime | None:
    try:
        return parse_plain(text)
    except DateError:
        return None


def _weekday(original: str, cleaned: str) -> ParsedDateTime | None:
    """A day led or followed by its weekday's name: "monday 2020-03-09" (which dateutil,
    day first, read as 3 September), "tues 10/03/2020", "13/03/2020 (friday)"; the date
    written is the day."""
    rest = _strip_words(cleaned, _WEEKDAYS)
    if rest is None:
        body = cleaned.rstrip(" )")
        named = next((day for day in _WEEKDAYS if body.endswith(day) and not
                      body[:-len(day)][-1:].isalpha()), None)
        rest = body[:-len(named)].rstrip(" ,(-–") if named else None
    inner = None if not rest else _plain_or_none(rest.lstrip(" ,"))
    if inner is None or inner.date.precision is not Precision.DAY:
        return None
    return ParsedDateTime(inner.date.model_copy(update={"text": original}), inner.time,
                          inner.day_month_ambiguous)


#: a time after a date that the plain forms do not read: an hour and its half of the day
#: ("3pm", "at 11 a.m."), noon or midnight, or a span of times (its start: "10:30-11:00")
_TRAILING_TIME = re.compile(
    r"(?P<day>.+?)[ ,]+(?:at |from )?(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))? ?(?P<half>[ap])\.?m\.?"
    r"|(?P<word>noon|midday|midnight|12 noon)"
    r"|(?P<sh>\d{1,2})[:.](?P<sm>\d{2}) ?(?:-|–|to|until) ?\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?)")
#: the times of day written as words (a time column reads them too)
CLOCK_WORDS = {"noon": time(12), "midday": time(12), "12 noon": time(12), "midnight": time(0)}


def _trailing_time(original: str, cleaned: str) -> ParsedDateTime | None:
    match = _TRAILING_TIME.fullmatch(cleaned)
    if match is None:
        return None
    if match["word"]:
        at: time | None = CLOCK_WORDS[match["word"]]
    elif match["h"]:
        at = clock(int(match["h"]), int(match["m"] or 0), 0, match["half"] + "m")
    else:
        at = clock(int(match["sh"]), int(match["sm"]))
    inner = _plain_or_none(match["day"])
    if at is None or inner is None or inner.time is not None or \
            inner.date.precision is not Precision.DAY:
        return None
    return ParsedDateTime(inner.date.model_copy(update={"text": original}), at,
                          inner.day_month_ambiguous)


def _trailing_word(original: str, cleaned: str) -> ParsedDateTime | None:
    body = cleaned.rstrip(" )")
    for words, about in ((_ABOUT_AFTER, True), (_DAY_PARTS, False)):
        for word in words:
            rest = body.removesuffix(word)
            if rest == body or (rest and rest[-1].isalpha()):
                continue  # "test" does not end in "est"
            inner = _plain_or_none(rest.rstrip(" ,(-"))
            if inner is None or inner.date.qualifier is not Qualifier.EXACT or (
                    not about and inner.date.precision is not Precision.DAY):
                continue  # "pm" belongs to a day
            value = inner.date.model_copy(update={
                "text": original, "qualifier": Qualifier.ABOUT if about else Qualifier.EXACT})
            return ParsedDateTime(value, None if about else inner.time, inner.day_month_ambiguous)
    return None


def _strip_words(text: str, words: tuple[str, ...]) -> str | None:
    for word in words:
        rest = text.removeprefix(word)
        if rest != text and (not rest or not rest[0].isalpha()):
            return rest.strip(" .:-") or None
    return None


def _week(original: str, cleaned: str) -> ParsedDateTime | None:
    for words, forwards in ((_WEEK_FROM, True), (_WEEK_TO, False)):
        rest = _strip_words(cleaned, words)
        if rest is None:
            continue
        inner = _inner(original, rest)  # "w/c 31/02/2020": the day's own error
        if inner.date.precision is not Precision.DAY or \
                inner.date.qualifier is not Qualifier.EXACT or inner.date.earliest is None:
            raise DateError(f"{original!r}: a week starts or ends on one known day")
        day = inner.date.earliest
        return _ranged(original, day, day + timedelta(days=6)) if forwards else \
            _ranged(original, day - timedelta(days=6), day)
    return None


#: "the first week of March 2020", "2nd week in June 2019", "last week of May 2020"
_NTH_WEEK = re.compile(r"(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|last) week "
                       r"(?:of|in) (.+)")
_NTH = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}


def _nth_week(original: str, cleaned: str) -> ParsedDateTime | None:
    """A week of a month counted from its first day (the first: 1st to 7th), or its last
    seven days."""
    match = _NTH_WEEK.fullmatch(cleaned)
    inner = _plain_or_none(match[2]) if match is not None else None
    if match is None or inner is None or inner.date.precision is not Precision.MONTH or \
            inner.date.earliest is None or inner.date.latest is None:
        return None
    start, end = inner.date.earliest, inner.date.latest
    if match[1] == "last":
        return _ranged(original, end - timedelta(days=6), end)
    first = start + timedelta(days=7 * _NTH[match[1]])
    return _ranged(original, first, first + timedelta(days=6))


def _part(original: str, cleaned: str) -> ParsedDateTime | None:
    match = _PART.fullmatch(cleaned)
    if match is None:
        return None
    inner = _plain_or_none(match[2])
    if inner is None or inner.date.qualifier is not Qualifier.EXACT or \
            inner.date.earliest is None:
        return None  # "late" of something else ("late entry", "end of visit")
    months, days = _PARTS[match[1]]
    start = inner.date.earliest
    if inner.date.precision is Precision.YEAR:
        last_day = calendar.monthrange(start.year, months[1])[1]
        return _ranged(original, date(start.year, months[0], 1),
                       date(start.year, months[1], last_day))
    if inner.date.precision is Precision.MONTH:
        last_day = calendar.monthrange(start.year, start.month)[1]
        return _ranged(original, start.replace(day=days[0]),
                       start.replace(day=min(days[1], last_day)))
    return None


def _season(original: str, cleaned: str) -> ParsedDateTime | None:
    match = _SEASON.fullmatch(cleaned)
    if match is None:
        return None
    year = parse_plain(match[3]).date.earliest  # the year's check (1800 to 2199)
    assert year is not None
    first, last = (_TERMS if match[2] else _SEASONS)[match[1]]
    return _ranged(original, date(year.year, first, 1),
                   date(year.year, last, calendar.monthrange(year.year, last)[1]))


def _quarter(original: str, cleaned: str) -> ParsedDateTime | None:
    match = _QUARTER.fullmatch(cleaned)
    if match is None:
        return None
    quarter, year_text = (match[1], match[2]) if match[1] else (match[4], match[3])
    year = _inner(original, year_text).date.earliest  # the year's check (1800 to 2199)
    assert year is not None
    first = 3 * int(quarter) - 2
    return _ranged(original, date(year.year, first, 1),
                   date(year.year, first + 2, calendar.monthrange(year.year, first + 2)[1]))


def _years(original: str, cleaned: str) -> ParsedDateTime | None:
    match = _YEARS.fullmatch(cleaned)
    if match is None:
        return None
    first = int(match[1])
    last = int(match[2]) if len(match[2]) == 4 else (first + 1) // 100 * 100 + int(match[2])
    if len(match[2]) == 2 and last != first + 1:
        return None  # "2019/07" is no span of years
    start, end = (_inner(original, str(year)).date for year in (first, last))
    assert start.earliest is not None and end.latest is not None
    return _ranged(original, start.earliest, end.latest)


def _span(original: str, cleaned: str) -> ParsedDateTime | None:
    ends = _ends(cleaned)
    if ends is None:
        return None
    first_text, last_text, plainly_a_span, listed = ends
    # the last end's own error ("30-31 february 2020") where the text is plainly a span
    plainly = plainly_a_span and (re.search(r"\d{4}", last_text) is not None or any(
        word in MONTHS for word in re.findall(r"[a-z]+", last_text)))
    last = _inner(original, last_text) if plainly else _plain_or_none(last_text)
    if last is None or last.date.qualifier is not Qualifier.EXACT or \
            last.date.earliest is None or last.date.latest is None:
        return None
    first = _first_end(first_text.strip(" ,."), last.date)
    if first is None:
        return None
    if listed and first > last.date.latest:  # "13/03/2020 & 12/03/2020": two days, listed
        whole = _plain_or_none(first_text)
        latest = whole.date.latest if whole is not None else None
        return _ranged(original, last.date.earliest, latest or first)
    return _ranged(original, first, last.date.latest)


def _ends(cleaned: str) -> tuple[str, str, bool, bool] | None:
    """A span's first and last ends; whether the words say plainly it is one ("between
    ... and ...", "9-14 march 2020") or it is only two texts either side of "to" or "-";
    and whether its ends are listed ("13/03/2020 & 14/03/2020"), in either order."""
    if (words := _SPAN_WORDS.fullmatch(cleaned)) is not None:
        return words[1], words[2], True, False
    if (span := _SPAN.fullmatch(cleaned)) is not None:
        return span[1] or span[3], span[2] or span[4], True, False
    # "9 march to 14 march 2020": the plain parser's own range, its first end completed
    halves = re.fullmatch(r"(.+?) (to|-|–|until|till|&|and) (.+)", cleaned)
    if halves is not None:
        return halves[1], halves[3], False, halves[2] in ("&", "and")
    return None


def _first_end(text: str, last: PartialDate) -> date | None:
    """The first day of a range's first end *text*, completed from the last end where it
    writes no year (or no month): "9" in "9-14 March 2020", "jan" in "jan/feb 2020"."""
    whole = _plain_or_none(text)
    if whole is not None:
        return whole.date.earliest if whole.date.qualifier is Qualifier.EXACT else None
    assert last.earliest is not None
    year, month = last.earliest.year, last.earliest.month
    try:
        if (day := _DAY.fullmatch(text)) is not None and last.precision is Precision.DAY:
            return date(year, month, int(day[1]))
        if (both := _DAY_MONTH.fullmatch(text)) is not None and both[2] in MONTHS:
            return date(year, MONTHS[both[2]], int(both[1]))
        if text.rstrip(".") in MONTHS and last.precision in (Precision.MONTH, Precision.DAY):
            return date(year, MONTHS[text.rstrip(".")], 1)
    except ValueError:  # the 31st of a shorter month
        raise DateError(f"{text!r} is not a real day of {calendar.month_name[month]} "
                        f"{year}") from None
    return None

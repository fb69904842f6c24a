"""Partial and uncertain dates as agencies write them.

A :class:`PartialDate` keeps the original text and stores what it means as two bounds
(``earliest`` and ``latest``), a precision and a qualifier. Parsing tries explicit forms
first (ISO, then UK day-first, month-year, year, written months, ranges, qualifiers) and
python-dateutil with ``dayfirst=True`` only as a last resort, because dateutil swaps ISO
dates and fills in missing parts silently. Impossible dates (31/02/2020) raise
:class:`~chronogen.errors.DateError`; they are never repaired.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cached_property, lru_cache
from typing import NamedTuple

from dateutil import parser as dateutil_parser
from pydantic import BaseModel, ConfigDict

from chronogen.errors import DateError

__all__ = [
    "ParsedDateTime",
    "PartialDate",
    "Precision",
    "Qualifier",
    "from_excel_serial",
    "parse_date_time",
]

MIN_YEAR = 1800
MAX_YEAR = 2199
TWO_DIGIT_YEAR_PIVOT = 70  # 00-69 -> 2000s, 70-99 -> 1900s, as POSIX strptime does


class Precision(StrEnum):
    """How much of a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


class Qualifier(StrEnum):
    """What the writer said about the date's certainty."""

    EXACT = "exact"
    ABOUT = "about"
    BEFORE = "before"
    AFTER = "after"
    BETWEEN = "between"
    UNCERTAIN = "uncertain"


MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

_SHORT_MONTH = {n: calendar.month_abbr[n] for n in range(1, 13)}


class PartialDate(BaseModel):
    """A date that may be known only to the month or year, approximately, or as a range.

    ``earliest`` and ``latest`` are the bounds of the period the date can lie in (both
    inclusive). For ``before`` dates ``earliest`` is ``None``; for ``after`` dates ``latest``
    is ``None``. ``text`` is what the source said, unchanged.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    earliest: date | None
    latest: date | None
    precision: Precision
    qualifier: Qualifier = Qualifier.EXACT

    # -- construction -------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse *text*; raise :class:`DateError` if it is not a valid date."""
        return parse_date_time(text).date

    @classmethod
    def day(cls, value: date, text: str | None = None) -> PartialDate:
        """An exact day."""
        return cls(
            text=text if text is not None else value.strftime("%d/%m/%Y"),
            earliest=value,
            latest=value,
            precision=Precision.DAY,
        )

    @classmethod
    def month(cls, year: int, month: int, text: str | None = None) -> PartialDate:
        """A whole calendar month."""
        first, last = _month_bounds(year, month)
        return cls(
            text=text if text is not None else f"{_SHORT_MONTH[month]} {year}",
            earliest=first,
            latest=last,
            precision=Precision.MONTH,
        )

    @classmethod
    def year(cls, year: int, text: str | None = None) -> PartialDate:
        """A whole calendar year."""
        _check_year(year, str(year))
        return cls(
            text=text if text is not None else str(year),
            earliest=date(year, 1, 1),
            latest=date(year, 12, 31),
            precision=Precision.YEAR,
        )

    # -- reading ------------------------------------------------------------------------

    @cached_property  # read hundreds of thousands of times by the flag rules and writers
    def sort_key(self) -> tuple[date, date]:
        """Order by the earliest possible day, then the latest (unknown bounds use the other)."""
        first = self.earliest or self.latest
        last = self.latest or self.earliest
        assert first is not None and last is not None  # a date always has one bound
        return (first, last)

    @cached_property
    def is_exact_day(self) -> bool:
        """True when the date is one known day (an exact or uncertain single day)."""
        return (
            self.precision is Precision.DAY
            and self.qualifier in (Qualifier.EXACT, Qualifier.UNCERTAIN)
        )

    def contains(self, day: date) -> bool:
        """True when *day* lies within the date's bounds."""
        if self.earliest is not None and day < self.earliest:
            return False
        return not (self.latest is not None and day > self.latest)

    def display(self) -> str:
        """A short, unambiguous UK rendering that parses back to the same value."""
        if self.qualifier is Qualifier.BETWEEN or self.precision is Precision.RANGE:
            assert self.earliest is not None and self.latest is not None
            return f"between {_fmt_day(self.earliest)} and {_fmt_day(self.latest)}"
        if self.qualifier is Qualifier.BEFORE:
            assert self.latest is not None
            return "before " + _fmt(self.latest + timedelta(days=1), self.precision)
        if self.qualifier is Qualifier.AFTER:
            assert self.earliest is not None
            return "after " + _fmt(self.earliest - timedelta(days=1), self.precision)
        assert self.earliest is not None
        core = _fmt(self.earliest, self.precision)
        if self.qualifier is Qualifier.ABOUT:
            return "c. " + core
        if self.qualifier is Qualifier.UNCERTAIN:
            return "?" + core
        return core

    def __str__(self) -> str:
        return self.display()


class ParsedDateTime(NamedTuple):
    """The result of :func:`parse_date_time`."""

    date: PartialDate
    time: time | None
    #: True when the text was ``a/b/yyyy`` with both parts ≤ 12 and different, so that
    #: reading it month-first would give another valid date.
    day_month_ambiguous: bool


# ---------------------------------------------------------------------------------------
# parsing

_ABOUT = ("approximately", "approx.", "approx", "circa", "about", "around", "abt.", "abt",
          "ca.", "ca", "c.", "c", "est.", "est", "estimated", "~")
_BEFORE = ("before", "bef.", "bef", "prior to", "pre")
_AFTER = ("after", "aft.", "aft", "post")

#: a trailing time. Its separators are tried only from the start of a run of them (a match
#: from inside the run is one from its start): from each character of a long run, the
#: search ran on to the run's end, and a date cell of 80,000 ", " took two minutes
_TIME_RE = re.compile(
    r"(?:^|(?<![\st,])[\st,]+|(?<!\s)\s*at\s+)(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\.\d+)?\s*(?:(?P<ampm>am|pm)\s*)?(?:hrs|hr|h)?$"
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})")
_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})")
_MY = re.compile(r"(\d{1,2})[/.\-](\d{4})")
_D_MON_Y = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/]+([a-z]+)\.?,?[\s\-/]+(\d{4}|\d{2})"
)
_MON_D_Y = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MON_Y = re.compile(r"([a-z]+)\.?,?[\s\-/]+(\d{4})")
_RANGE = re.compile(
    r"(?:between|bet\.?|btw\.?|from)\s+(?P<a>.+?)\s+(?:and|to|-|–)\s+(?P<b>.+)"
    r"|(?P<c>.+?)\s+(?:to|-|–)\s+(?P<d>.+)"
)


@lru_cache(maxsize=8192)
def parse_date_time(text: str) -> ParsedDateTime:
    """Parse a date, with an optional trailing time, from *text*.

    Raises :class:`DateError` with a message saying why when *text* is not a date.
    """
    original = text
    cleaned = " ".join(str(text).replace("\u00a0", " ").split()).lower()
    if not cleaned:
        raise DateError("no date given")

    qualifier = Qualifier.EXACT
    if cleaned.startswith("?") or cleaned.endswith("?"):
        qualifier = Qualifier.UNCERTAIN
        cleaned = cleaned.strip("? ").strip()
    else:
        for words, kind in ((_ABOUT, Qualifier.ABOUT), (_BEFORE, Qualifier.BEFORE),
                            (_AFTER, Qualifier.AFTER)):
            rest = _strip_prefix(cleaned, words)
            if rest is not None:
                qualifier, cleaned = kind, rest
                break

    if qualifier is Qualifier.EXACT:
        ranged = _RANGE.fullmatch(cleaned)
        if ranged is not None:
            first_text = ranged.group("a") or ranged.group("c")
            last_text = ranged.group("b") or ranged.group("d")
            first, _, _ = _parse_core(first_text, original)
            last, _, _ = _parse_core(last_text, original)
            if first[0] > last[1]:
                raise DateError(f"{original!r}: the range ends before it starts")
            value = PartialDate(text=original, earliest=first[0], latest=last[1],
                                precision=Precision.RANGE, qualifier=Qualifier.BETWEEN)
            return ParsedDateTime(value, None, False)

    clock: time | None = None
    timed = _TIME_RE.search(cleaned)
    if timed is not None and timed.start() > 0:
        clock = _make_time(timed, original)
        cleaned = cleaned[: timed.start()].strip(" ,")

    (first_day, last_day), precision, ambiguous = _parse_core(cleaned, original)
    earliest: date | None = first_day
    latest: date | None = last_day
    if qualifier is Qualifier.BEFORE:
        earliest, latest = None, first_day - timedelta(days=1)
    elif qualifier is Qualifier.AFTER:
        earliest, latest = last_day + timedelta(days=1), None
    value = PartialDate(text=original, earliest=earliest, latest=latest,
                        precision=precision, qualifier=qualifier)
    return ParsedDateTime(value, clock, ambiguous)


def from_excel_serial(serial: float, *, date1904: bool = False, text: str | None = None
                      ) -> ParsedDateTime:
    """Turn an Excel serial day number into a date (and a time, if it has a fraction).

    The 1900 system counts 29 February 1900, a day that never existed (serial 60); that
    serial is rejected rather than moved.
    """
    label = text if text is not None else _number_text(serial)
    if not math.isfinite(serial) or serial < 0:  # negative, infinite or NaN
        raise DateError(f"{label!r} is not an Excel date serial")
    whole = int(serial)
    fraction = serial - whole
    if whole > 146_000:  # past 2299 in either system: no chronology date
        raise DateError(f"{label!r} is too large to be an Excel date serial")
    if date1904:
        day = date(1904, 1, 1) + timedelta(days=whole)
    elif whole == 60:
        raise DateError(f"{label!r} is Excel's 29/02/1900, a day that never existed")
    elif whole < 60:
        day = date(1899, 12, 31) + timedelta(days=whole)
    else:
        day = date(1899, 12, 30) + timedelta(days=whole)
    _check_year(day.year, label)
    clock: time | None = None
    if fraction > 1e-9:
        seconds = round(fraction * 86400)
        clock = time(min(seconds // 3600, 23), (seconds % 3600) // 60, seconds % 60)
    return ParsedDateTime(PartialDate.day(day, text=label), clock, False)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _strip_prefix(text: str, words: tuple[str, ...]) -> str | None:
    for word in words:
        if text.startswith(word):
            rest = text[len(word):]
            if word[-1].isalpha() and rest and rest[0].isalpha():
                continue  # "abtx" is not "abt x"; "circa" is not "c" + "irca"
            rest = rest.strip(" .")
            if rest:
                return rest
    return None


def _make_time(match: re.Match[str], original: str) -> time:
    hour, minute = int(match.group("h")), int(match.group("m"))
    second = int(match.group("s") or 0)
    ampm = match.group("ampm")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(f"{original!r}: {match.group(0).strip()} is not a valid time")
    return time(hour, minute, second)


def _parse_core(text: str, original: str) -> tuple[tuple[date, date], Precision, bool]:
    """Parse an unqualified single date: ((earliest, latest), precision, ambiguous)."""
    text = text.strip(" ,.")
    if (m := _ISO_DAY.fullmatch(text)) is not None:
        day = _make_date(int(m[1]), int(m[2]), int(m[3]), original)
        return (day, day), Precision.DAY, False
    if (m := _DMY.fullmatch(text)) is not None:
        first, second = int(m[1]), int(m[3])
        year = _expand_year(m[4])
        day = _make_date(year, second, first, original)
        ambiguous = first <= 12 and second <= 12 and first != second
        return (day, day), Precision.DAY, ambiguous
    if (m := _ISO_MONTH.fullmatch(text)) is not None:
        return _month_bounds(int(m[1]), int(m[2]), original), Precision.MONTH, False
    if (m := _MY.fullmatch(text)) is not None:
        return _month_bounds(int(m[2]), int(m[1]), original), Precision.MONTH, False
    if (m := _YEAR.fullmatch(text)) is not None:
        year = int(m[1])
        _check_year(year, original)
        return (date(year, 1, 1), date(year, 12, 31)), Precision.YEAR, False
    if (m := _D_MON_Y.fullmatch(text)) is not None and m[2] in MONTHS:
        day = _make_date(_expand_year(m[3]), MONTHS[m[2]], int(m[1]), original)
        return (day, day), Precision.DAY, False
    if (m := _MON_D_Y.fullmatch(text)) is not None and m[1] in MONTHS:
        day = _make_date(int(m[3]), MONTHS[m[1]], int(m[2]), original)
        return (day, day), Precision.DAY, False
    if (m := _MON_Y.fullmatch(text)) is not None and m[1] in MONTHS:
        return _month_bounds(int(m[2]), MONTHS[m[1]], original), Precision.MONTH, False
    return _parse_with_dateutil(text, original)


def _parse_with_dateutil(text: str, original: str) -> tuple[tuple[date, date], Precision, bool]:
    """Last resort. Two different defaults reveal any part dateutil had to invent."""
    if not re.search(r"\d", text):
        raise DateError(f"{original!r} is not a date")
    try:
        one = dateutil_parser.parse(text, dayfirst=True, default=datetime(2001, 1, 1))
        two = dateutil_parser.parse(text, dayfirst=True, default=datetime(2002, 2, 2))
    except (ValueError, OverflowError) as error:
        raise DateError(f"{original!r} is not a date") from error
    if one.year != two.year:
        raise DateError(f"{original!r} has no year")
    _check_year(one.year, original)
    if one.month != two.month:
        raise DateError(f"{original!r} has no month")
    if one.day != two.day:
        return _month_bounds(one.year, one.month, original), Precision.MONTH, False
    day = one.date()
    return (day, day), Precision.DAY, False


def _expand_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    return year


def _check_year(year: int, original: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"{original!r}: the year {year} is not plausible")


def _make_date(year: int, month: int, day: int, original: str) -> date:
    _check_year(year, original)
    if not 1 <= month <= 12:
        raise DateError(f"{original!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(
            f"{original!r} is not a real date: {calendar.month_name[month]} {year} "
            f"has {last} days"
        )
    return date(year, month, day)


def _month_bounds(year: int, month: int, original: str | None = None) -> tuple[date, date]:
    label = original if original is not None else f"{year}-{month}"
    _check_year(year, label)
    if not 1 <= month <= 12:
        raise DateError(f"{label!r}: there is no month {month}")
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _fmt_day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _fmt(value: date, precision: Precision) -> str:
    if precision is Precision.YEAR:
        return str(value.year)
    if precision is Precision.MONTH:
        return f"{_SHORT_MONTH[value.month]} {value.year}"
    return _fmt_day(value)

"""The vocabulary of dates: :class:`PartialDate` (bounds, precision, qualifier and the
original text), its precision and qualifier, and the checks every reader of a date
shares (a plausible year, a real day)."""

from __future__ import annotations

import calendar
from datetime import date, time, timedelta
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from chronogen.errors import DateError

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
        from chronogen.dates import parse_date_time

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
        first, last = month_bounds(year, month)
        return cls(
            text=text if text is not None else f"{_SHORT_MONTH[month]} {year}",
            earliest=first,
            latest=last,
            precision=Precision.MONTH,
        )

    @classmethod
    def year(cls, year: int, text: str | None = None) -> PartialDate:
        """A whole calendar year."""
        check_year(year, str(year))
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


def check_year(year: int, original: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"{original!r}: the year {year} is not plausible")


def make_date(year: int, month: int, day: int, original: str) -> date:
    check_year(year, original)
    if not 1 <= month <= 12:
        raise DateError(f"{original!r}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(
            f"{original!r} is not a real date: {calendar.month_name[month]} {year} "
            f"has {last} days"
        )
    return date(year, month, day)


def span_rank(first: date, last: date) -> tuple[int, int]:
    """A span's place among others when the longest is asked for: the most days, and of
    spans as long, the earliest (``max(spans, key=...)``)."""
    return (last - first).days, -first.toordinal()


def clock(hour: int, minute: int, second: int = 0, meridiem: str | None = None
          ) -> time | None:
    """The time of day written as *hour*, *minute*, *second* and *meridiem* ("am" / "pm",
    either case, or none), or None where there is none ("25:00", "10:75")."""
    half = (meridiem or "").lower()
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def month_bounds(year: int, month: int, original: str | None = None) -> tuple[date, date]:
    label = original if original is not None else f"{year}-{month}"
    check_year(year, label)
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

"""Plain dates: one day, month or year (ISO, UK day-first, written months), with a
qualifier (approx, before, after, ?) or a trailing time, or a range of two. python-dateutil
is the last resort, and what it reads is kept only where every number written is a part
of the date it read, day before month."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from dateutil import parser as dateutil_parser

from chronogen.dates.partial import (
    MONTHS,
    TWO_DIGIT_YEAR_PIVOT,
    ParsedDateTime,
    PartialDate,
    Precision,
    Qualifier,
    check_year,
    clock,
    make_date,
    month_bounds,
)
from chronogen.errors import DateError

_ABOUT = ("approximately", "approx.", "approx", "circa", "about", "around", "abt.", "abt",
          "ca.", "ca", "c.", "c", "est.", "est", "estimated", "~")
_BEFORE = ("before", "bef.", "bef", "prior to", "pre")
_AFTER = ("after", "aft.", "aft", "post")

#: a trailing time. Its separators are tried only from the start of a run of them (a match
#: from inside the run is one from its start): from each character of a long run, the
#: search ran on to the run's end, and a date cell of 80,000 ", " took two minutes
_TIME_RE = re.compile(
    r"(?:^|(?<![\st,])[\st,]+|(?<!\s)\s*(?:at\s+|@\s*))(?P<h>\d{1,2})[:.](?P<m>\d{2})"
    r"(?::(?P<s>\d{2}))?"
    r"(?:\.\d+)?\s*(?:(?P<ampm>am|pm)\s*)?(?:hrs|hr|h)?$"
)
#: a moment as a system stamps it, in UTC or at an offset from it (ISO 8601:
#: "2020-07-05T23:30:00Z", "2020-07-05T23:30:00.123+01:00"), in lower case
_STAMPED = re.compile(r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?"
                      r"\s?(?:z|utc|[+-]\d{2}(?::?\d{2})?)")
#: the time of England and Wales: where the contacts of a case review happened
_LOCAL = "Europe/London"
#: a day written year first: ISO's dashes, or a system's slashes or dots ("2020/03/02")
_ISO_DAY = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})")
_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})")
_MY = re.compile(r"(\d{1,2})[/.\-](\d{4})")
_D_MON_Y = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s\-/]+([a-z]+)\.?,?[\s\-/]+(\d{4}|\d{2})"
)
_MON_D_Y = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_MON_Y = re.compile(r"([a-z]+)\.?,?[\s\-/]+(\d{4})")
#: Excel's month-and-year display ("mmm-yy"), kept as text when a sheet is saved as CSV:
#: "Mar-20" is March 2020 (as the 20th of March it would have no year, and be no date)
_MON_YY = re.compile(r"([a-z]+)\.?[\-/'’](\d{2})")
#: a year, a slash and the year after's last two figures: the way a school or financial
#: year is written
_YEAR_SPAN = re.compile(r"(\d{4})/(\d{2})")
_RANGE = re.compile(
    r"(?:between|bet\.?|btw\.?|from)\s+(?P<a>.+?)\s+(?:and|to|-|–)\s+(?P<b>.+)"
    r"|(?P<c>.+?)\s+(?:to|-|–)\s+(?P<d>.+)"
)



def parse_plain(text: str) -> ParsedDateTime:
    """:func:`parse_date_time` without the phrases: one date (a day, month or year, with
    a qualifier or a trailing time) or a range of two."""
    original = text
    cleaned = folded(text)
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
            first = _parse_core(first_text, original)[0]
            last = _parse_core(last_text, original)[0]
            if first[0] > last[1]:
                raise DateError(f"{original!r}: the range ends before it starts")
            value = PartialDate(text=original, earliest=first[0], latest=last[1],
                                precision=Precision.RANGE, qualifier=Qualifier.BETWEEN)
            return ParsedDateTime(value, None, False)

    clock: time | None = None
    if _STAMPED.fullmatch(cleaned) is not None:
        first_day, clock = _stamped(cleaned, original)
        last_day, precision, ambiguous = first_day, Precision.DAY, False
    else:
        timed = _TIME_RE.search(cleaned)
        if timed is not None and timed.start() > 0:
            clock = _make_time(timed, original)
            if clock == time(0) and timed.group("s") is not None:
                # "13/03/2020 00:00:00", "2020-03-13T00:00:00": a system's day with no
                # time (as a date-time cell at midnight is read), not a contact at midnight
                clock = None
            cleaned = cleaned[: timed.start()].strip(" ,")
        (first_day, last_day), precision, ambiguous, among = _parse_core(cleaned, original)
        clock = clock or among
    earliest: date | None = first_day
    latest: date | None = last_day
    if qualifier is Qualifier.BEFORE:
        earliest, latest = None, first_day - timedelta(days=1)
    elif qualifier is Qualifier.AFTER:
        earliest, latest = last_day + timedelta(days=1), None
    value = PartialDate(text=original, earliest=earliest, latest=latest,
                        precision=precision, qualifier=qualifier)
    return ParsedDateTime(value, clock, ambiguous)


def folded(text: str) -> str:
    """*text* in lower case, its spaces (no-break spaces too) collapsed to single spaces."""
    return " ".join(str(text).replace("\u00a0", " ").split()).lower()


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


def _stamped(text: str, original: str) -> tuple[date, time | None]:
    """A moment stamped in UTC or at an offset, as the day and time it was in England: a
    contact at "2020-07-05T23:30:00Z" was at half past midnight on 6 July, British Summer
    Time. A midnight is a system's day with no time, as "13/03/2020 00:00:00" is: written
    at its own offset ("2020-07-05T00:00:00Z", a day a system keeps as midnight UTC), or in
    England ("2020-07-04T23:00:00Z", the 5th of July kept as English midnight in UTC)."""
    from zoneinfo import ZoneInfo

    written = text.upper().replace(" UTC", "Z").replace("UTC", "Z")
    try:
        moment = datetime.fromisoformat(written.replace(" ", "T", 1))
    except ValueError as error:
        raise DateError(f"{original!r} is not a date ({error})") from None
    check_year(moment.year, original)
    if moment.time() == time(0):
        return moment.date(), None
    local = moment.astimezone(ZoneInfo(_LOCAL))
    wall = local.time().replace(microsecond=0)
    return local.date(), None if wall == time(0) else wall


def _make_time(match: re.Match[str], original: str) -> time:
    found = clock(int(match.group("h")), int(match.group("m")), int(match.group("s") or 0),
                  match.group("ampm"))
    if found is None:
        raise DateError(f"{original!r}: {match.group(0).strip()} is not a valid time")
    return found


#: what _parse_core reads: ((earliest, latest), precision, day and month ambiguous, the time
#: written among the date's words, where dateutil read one)
_Core = tuple[tuple[date, date], Precision, bool, time | None]


def _parse_core(text: str, original: str) -> _Core:
    """Parse an unqualified single date (see :data:`_Core`)."""
    text = text.strip(" ,.")
    if (m := _ISO_DAY.fullmatch(text)) is not None:
        day = make_date(int(m[1]), int(m[3]), int(m[4]), original)
        return (day, day), Precision.DAY, False, None
    if (m := _DMY.fullmatch(text)) is not None:
        first, second = int(m[1]), int(m[3])
        year = expand_year(m[4])
        day = make_date(year, second, first, original)
        ambiguous = first <= 12 and second <= 12 and first != second
        return (day, day), Precision.DAY, ambiguous, None
    if (m := _ISO_MONTH.fullmatch(text)) is not None:
        return month_bounds(int(m[1]), int(m[2]), original), Precision.MONTH, False, None
    if (m := _MY.fullmatch(text)) is not None:
        return month_bounds(int(m[2]), int(m[1]), original), Precision.MONTH, False, None
    if (m := _YEAR.fullmatch(text)) is not None:
        year = int(m[1])
        check_year(year, original)
        return (date(year, 1, 1), date(year, 12, 31)), Precision.YEAR, False, None
    if (m := _D_MON_Y.fullmatch(text)) is not None and m[2] in MONTHS:
        day = make_date(expand_year(m[3]), MONTHS[m[2]], int(m[1]), original)
        return (day, day), Precision.DAY, False, None
    if (m := _MON_D_Y.fullmatch(text)) is not None and m[1] in MONTHS:
        day = make_date(int(m[3]), MONTHS[m[1]], int(m[2]), original)
        return (day, day), Precision.DAY, False, None
    if (m := _MON_Y.fullmatch(text)) is not None and m[1] in MONTHS:
        return month_bounds(int(m[2]), MONTHS[m[1]], original), Precision.MONTH, False, None
    if (m := _YEAR_SPAN.fullmatch(text)) is not None and int(m[2]) == (int(m[1]) + 1) % 100:
        # "2011/12" is the school or financial year 2011/12, not December 2011 (the phrases
        # read it); "2011-12" stays the ISO month
        raise DateError(f"{original!r} is a span of years")
    if (m := _MON_YY.fullmatch(text)) is not None and m[1] in MONTHS:
        return month_bounds(expand_year(m[2]), MONTHS[m[1]], original), Precision.MONTH, \
            False, None
    return _parse_with_dateutil(text, original)


def _parse_with_dateutil(text: str, original: str) -> _Core:
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
    check_year(one.year, original)
    if one.month != two.month:
        raise DateError(f"{original!r} has no month")
    names = _numbers_accounted_for(text, one, day_known=one.day == two.day)
    if names is None:
        raise DateError(f"{original!r} is not a date")
    if one.day != two.day:
        return month_bounds(one.year, one.month, original), Precision.MONTH, False, None
    day = one.date()
    # the time it read among the words ("13 march 2020 at 9am", "... 10:30"), where one is
    # written as a time (not a bare number it took for an hour: "2020-03-13 19")
    written = re.search(r"\d\s?[ap]\.?m\b|\d:\d", text) is not None
    clock = one.time().replace(tzinfo=None) if "hour" in names and written else None
    return (day, day), Precision.DAY, False, clock


def _numbers_accounted_for(text: str, found: datetime, *, day_known: bool
                           ) -> list[str] | None:
    """The part of what dateutil read that each number written in *text* is (its year,
    four digits or two; day; month, where no month is named; or time), each part once, the
    day before the month; None when a number is no part of it. dateutil skips or re-reads
    numbers it cannot place: "9-14 March 2020" gave 14/03/2009, the 2020 left unread; "1/2
    March 2020" gave 02/03/2001; "March 2020 3pm" gave 3 March, the hour read as the day."""
    if found.tzinfo is not None:  # "14:05:00 +0000": the offset is no part of the date
        text = re.sub(r"(?:\+\d\d:?\d\d|z|utc|gmt)$", "", text)
    runs = [(run[0], _role(text, run.start(), run.end())) for run in re.finditer(r"\d+", text)]
    if len(runs) == 1 and runs[0][0] == f"{found:%Y%m%d}":  # written without separators
        runs = [(f"{found:%Y}", ""), (f"{found:%m}", ""), (f"{found:%d}", "")]
    named_month = any(word in MONTHS for word in re.findall(r"[a-z]+", text))
    parts: list[tuple[str, int]] = [("year", found.year), ("hour", found.hour),
                                    ("minute", found.minute), ("second", found.second)]
    if day_known:
        parts.append(("day", found.day))
    if not named_month:
        parts.append(("month", found.month))
    if len(runs) > len(parts):
        return None
    names = _match(runs, parts)
    if names is None or (day_known and "day" not in names):
        return None  # a number unread, or a day worked out from a weekday's name alone
    # a day and a month both in figures stand day first, or, after a leading year, month
    # first (2020-03-09): dateutil reads "12-14 2020" as 14 December, and with dayfirst it
    # reads "monday 2020-03-09" as 3 September
    if "day" in names and "month" in names and \
            (names.index("day") < names.index("month")) == (names[0] == "year"):
        return None
    return names


def _role(text: str, start: int, end: int) -> str:
    """What a run of digits can only be by what stands beside it: "hour" before am / pm
    ("3pm"), "clock" beside a colon ("10:30"), else "" (anything)."""
    if re.match(r"\s?[ap]\.?m\b", text[end:end + 5]):
        return "hour"
    if text[end:end + 1] == ":" or text[start - 1:start] == ":":
        return "clock"
    return ""


def _match(runs: list[tuple[str, str]], parts: list[tuple[str, int]]) -> list[str] | None:
    """The part each run of digits writes, each part written once; None when the runs
    cannot all be given one."""
    if not runs:
        return []
    for place, (name, value) in enumerate(parts):
        if _writes(*runs[0], name, value):
            rest = _match(runs[1:], parts[:place] + parts[place + 1:])
            if rest is not None:
                return [name, *rest]
    return None


def _writes(run: str, role: str, name: str, value: int) -> bool:
    """Whether the digits *run*, standing as *role* (see :func:`_role`), write the part
    *name* of value *value*."""
    if role == "hour":
        return name == "hour" and len(run) <= 2 and int(run) % 12 == value % 12
    if role == "clock" and name not in ("hour", "minute", "second"):
        return False
    if len(run) == 4:
        return name == "year" and int(run) == value
    if name == "year":
        return len(run) == 2 and int(run) == value % 100
    return len(run) <= 2 and int(run) == value


def expand_year(text: str) -> int:
    """A year as written: two digits expanded about :data:`TWO_DIGIT_YEAR_PIVOT` (``69`` is
    2069, ``70`` 1970), as every date text is read."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    return year

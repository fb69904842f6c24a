"""Cell values as dates, times and raw values: what a spreadsheet cell can hold.

Excel date cells arrive as datetimes; numbers in a date column are Excel serial days (in the
workbook's 1900 or 1904 system) or years typed as numbers; text goes to the date parser.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from chronogen.dates import ParsedDateTime, PartialDate, from_excel_serial, parse_date_time
from chronogen.dates.partial import clock
from chronogen.dates.phrases import CLOCK_WORDS
from chronogen.errors import DateError
from chronogen.model.chronology import RawValue
from chronogen.read.sheet import Cell

#: words that may stand in a date (months, qualifiers, ordinals, weekdays)
DATE_WORDS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*$|^(?:st|nd|rd|th|of|and|to|"
    r"between|bet|from|before|after|about|approx|approximately|circa|abt|bef|aft|ca|c|at|am|"
    r"pm|hrs|est|around|on|mon|tue|wed|thu|fri|sat|sun)[a-z]*$"
)

_SERIAL_TEXT = re.compile(r"\d{5}(?:\.\d+)?")
#: a time of day; spaces either side of "am" / "pm" one run when it is absent (two runs side
#: by side split a long run of spaces every way: 20,000 took 9 s)
_TIME = re.compile(r"(\d{1,2})[:.]?(\d{2})(?::(\d{2}))?\s*(?:(am|pm)\s*)?(?:hrs|h)?",
                   re.IGNORECASE)


def raw_value(value: Cell) -> RawValue:
    """A cell value as it is kept in ``Entry.raw`` (dates as ISO text)."""
    if type(value) is str:
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def date_from_cell(value: Cell, *, date1904: bool = False) -> ParsedDateTime:
    """A date (and a time, if it carries one) from a cell; :class:`DateError` if it is not."""
    if isinstance(value, datetime):
        clock = value.time() if value.time() != time(0) else None
        return ParsedDateTime(PartialDate.day(value.date(), text=str(raw_value(value))), clock,
                              False)
    if isinstance(value, date):
        return ParsedDateTime(PartialDate.day(value, text=value.isoformat()), None, False)
    if isinstance(value, time):
        raise DateError(f"the cell holds a time of day ({value:%H:%M}) and no date")
    if isinstance(value, bool) or value is None:
        raise DateError(f"{'TRUE' if value else 'FALSE' if value is not None else 'blank'} "
                        "is not a date")
    if isinstance(value, int | float):
        if float(value).is_integer() and (1000 <= value <= 2200 or
                                          18_000_101 <= value <= 21_991_231):
            # a year typed as a number, or a day as yyyymmdd (20200313: a system's export),
            # read as the same text would be
            return parse_date_time(str(int(value)))
        return from_excel_serial(float(value), date1904=date1904)
    text = str(value).strip()
    if _SERIAL_TEXT.fullmatch(text) and 20_000 <= float(text) <= 73_000:
        # an Excel date saved to CSV as its serial number (1954 to 2099)
        return from_excel_serial(float(text), date1904=date1904, text=text)
    return parse_date_time(text)


def time_from_cell(value: Cell) -> time | None:
    """A time of day from a cell (a time, a datetime, a day fraction, "23:15", "2315",
    "11.15pm"), or None when the cell holds no time."""
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        seconds = round(float(value) * 86400)
        return time(min(seconds // 3600, 23), (seconds % 3600) // 60, seconds % 60)
    text = str(value).strip()
    match = _TIME.fullmatch(text)
    if match is None:
        return _time_in_words(text)
    return clock(int(match[1]), int(match[2]), int(match[3] or 0), match[4])


#: an hour with its half of the day ("3pm", "11 a.m."); a span of time ("10:30 - 11:00",
#: "2-3pm"): its start is the time
_HOUR = re.compile(r"(\d{1,2})\s*([ap])\.?m\.?", re.IGNORECASE)
_SPAN = re.compile(r"([^-–]{1,12}?)\s*(?:-|–|to|until|till)\s*([^-–]{1,12})", re.IGNORECASE)


def _time_in_words(text: str) -> time | None:
    """"3pm", "noon", "midnight", or the start of a span ("10:30 - 11:00", "2-3pm"; the
    end's am / pm is the start's where the start has none)."""
    if len(text) > 30:
        return None
    if (known := CLOCK_WORDS.get(text.lower())) is not None:
        return known
    if (hour := _HOUR.fullmatch(text)) is not None:
        return clock(int(hour[1]), 0, 0, hour[2] + "m")
    span = _SPAN.fullmatch(text)
    if span is None:
        return None
    start, end = span[1].strip(), span[2].strip()
    ends_in = re.search(r"([ap])\.?m\.?$", end, re.IGNORECASE)
    if ends_in is not None and not re.search(r"[ap]\.?m\.?$", start, re.IGNORECASE) and \
            start.isdigit():
        start += ends_in[1] + "m"  # "2-3pm": two in the afternoon
    found = time_from_cell(start)
    return found if found is not None and time_from_cell(end) is not None else None


def is_note_not_date(text: str) -> bool:
    """True for prose in a date cell ("Prepared by: Team Manager, 03/05/2021")."""
    words = re.findall(r"[a-z]+", text.lower())
    other = [w for w in words if not DATE_WORDS.match(w)]
    return len(other) >= 2

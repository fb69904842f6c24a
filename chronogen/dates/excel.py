"""Excel's serial day numbers (the 1900 and 1904 systems) as dates."""

from __future__ import annotations

import math
from datetime import date, time, timedelta

from chronogen.dates.partial import ParsedDateTime, PartialDate, check_year
from chronogen.errors import DateError


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
    check_year(day.year, label)
    clock: time | None = None
    if fraction > 1e-9:
        seconds = round(fraction * 86400)
        clock = time(min(seconds // 3600, 23), (seconds % 3600) // 60, seconds % 60)
    return ParsedDateTime(PartialDate.day(day, text=label), clock, False)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)

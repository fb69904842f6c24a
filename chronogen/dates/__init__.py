"""Partial and uncertain dates as agencies write them.

A :class:`PartialDate` keeps the original text and stores what it means as two bounds
(``earliest`` and ``latest``), a precision and a qualifier. Parsing tries explicit forms
first (ISO, then UK day-first, month-year, year, written months, ranges, qualifiers) and
python-dateutil with ``dayfirst=True`` only as a last resort, because dateutil swaps ISO
dates, fills in missing parts and skips numbers silently (what it reads is kept only where
every number written is a part of it). A text that is none of these is tried as a phrase
that writes a period: a week, a part of a year or month, a season or term, days sharing
their month. Impossible dates (31/02/2020) raise
:class:`~chronogen.errors.DateError`; they are never repaired.
"""

from __future__ import annotations

from functools import lru_cache

from chronogen.dates.excel import from_excel_serial
from chronogen.dates.partial import (
    MAX_YEAR,
    MIN_YEAR,
    MONTHS,
    TWO_DIGIT_YEAR_PIVOT,
    ParsedDateTime,
    PartialDate,
    Precision,
    Qualifier,
    span_rank,
)
from chronogen.dates.phrases import parse_phrase
from chronogen.dates.plain import folded, parse_plain
from chronogen.errors import DateError

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS",
    "TWO_DIGIT_YEAR_PIVOT",
    "ParsedDateTime",
    "PartialDate",
    "Precision",
    "Qualifier",
    "from_excel_serial",
    "parse_date_time",
    "parse_plain",
    "span_rank",
]


@lru_cache(maxsize=8192)
def parse_date_time(text: str) -> ParsedDateTime:
    """Parse a date, with an optional trailing time, from *text*: the plain forms first
    (:func:`parse_plain`), then the phrases that write a period (``w/c 09/03/2020``,
    ``early 2019``, ``9-14 March 2020``: :mod:`chronogen.dates.phrases`).

    Raises :class:`DateError` with a message saying why when *text* is not a date.
    """
    try:
        return parse_plain(text)
    except DateError:
        found = parse_phrase(text, folded(text))
        if found is None:
            raise
        return found

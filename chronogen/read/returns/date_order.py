"""The order of day and month in a return's date column, read day-first (UK).

Not guessed: a column is read day-first, as UK returns are written, unless a date in it can
only be day-first (``31/12/2019``) proves it so anyway. But a date that is no date day-first
and a real one month-first is said to be so in its row's rejection, and a column holding
such dates and none that only day-first explains is reported as looking month-first: its
dates that read either way (``02/03/2020``) were read day-first, and may be wrong.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from chronogen.dates.plain import expand_year
from chronogen.domain.wording import counted

#: a date's first two numbers (a query mark before them allowed: "?14/03/2020"); the spaces
#: before and after the mark two runs, not one run split every way (a date after 8,000
#: spaces took seconds)
_DAY_FIRST_PROOF = re.compile(r"^\s*(?:\?\s*)?(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}")
#: a date's three numbers, the year whole
_NUMBERS = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?!\d)")


@lru_cache(maxsize=8192)
def proves_day_first(text: str) -> bool:
    """True when a date text's first number, a day over 12, proves the column day-first."""
    proof = _DAY_FIRST_PROOF.match(text)
    return proof is not None and int(proof.group(1)) > 12


def month_first_reading(text: str) -> date | None:
    """The date *text* would be read month-first, when day-first it is none (its second
    number is over 12) and month-first it is a real date; else None."""
    found = _NUMBERS.match(text)
    if found is None:
        return None
    month, day, year = int(found.group(1)), int(found.group(2)), expand_year(found.group(3))
    if not (1 <= month <= 12 and 12 < day <= 31):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_first_warning(heading: str, rows: list[int], ambiguous: list[tuple[int, str]]
                        ) -> str:
    """The column's warning: which rows make sense only month-first, and what was read
    day-first that may be wrong."""
    shown = ", ".join(str(n) for n in rows[:10]) + (f" and {len(rows) - 10:,} more"
                                                    if len(rows) > 10 else "")
    message = (f"column {heading!r} looks written month-first (US): {len(rows):,} of its "
               f"dates make sense only month-first (row{'s' if len(rows) > 1 else ''} "
               f"{shown}; rejected) and none only day-first.")
    if ambiguous:
        number, text = ambiguous[0]
        message += (f" Its {counted(len(ambiguous), 'date')} that "
                    f"read either way {'were' if len(ambiguous) > 1 else 'was'} read "
                    f"day-first (UK) and may be wrong (row {number}: {text!r}).")
    return message + (" Ask the agency for the column as real dates, or written day-first, "
                      "and read it again.")

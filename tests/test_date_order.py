"""A date column written month-first (US) in a return read day-first (UK): never guessed,
but said, row by row and for the column."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen import read_agency_file
from chronogen.dates import DateError, parse_date_time
from chronogen.read.returns.date_order import month_first_reading


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2069, 12, 31))
       .filter(lambda d: d.day > 12), st.sampled_from(["/", "-", "."]), st.booleans())
def test_a_date_written_month_first_is_found_when_day_first_it_is_none(
        day: date, mark: str, short_year: bool) -> None:
    year = f"{day.year % 100:02d}" if short_year else str(day.year)
    text = f"{day.month:02d}{mark}{day.day:02d}{mark}{year}"
    assert month_first_reading(text) == day
    with pytest.raises(DateError):  # day-first, it is no date
        parse_date_time(text)


def test_what_is_no_date_month_first_either_is_not_offered() -> None:
    assert month_first_reading("31/12/2019") is None  # a date day-first already
    assert month_first_reading("02/30/2020") is None  # no 30 February either way
    assert month_first_reading("13/13/2020") is None
    assert month_first_reading("03/04/2020") is None  # a date both ways: ambiguous, not this
    assert month_first_reading("Visit 12/31/2019") is None


def _return(tmp_path: Path, dates: list[str]) -> Path:
    path = tmp_path / "gp.csv"
    path.write_text("Date,Summary\n" + "".join(f"{d},Visit {n}\n" for n, d in enumerate(dates)),
                    encoding="utf-8")
    return path


def test_a_column_written_month_first_is_said_to_look_so(tmp_path: Path) -> None:
    result = read_agency_file(_return(tmp_path, ["12/31/2019", "01/15/2020", "02/03/2020"]),
                              agency="GP", code="GP")
    assert [r.message for r in result.rejected] == [
        "'12/31/2019': there is no month 31 (read day-first, as UK returns are written); "
        "month-first (US) it would be 31/12/2019",
        "'01/15/2020': there is no month 15 (read day-first, as UK returns are written); "
        "month-first (US) it would be 15/01/2020"]
    (column,) = [p for p in result.problems if p.row is None and p.code == "ambiguous-date"]
    assert column.severity == "warning" and column.message == (
        "column 'Date' looks written month-first (US): 2 of its dates make sense only "
        "month-first (rows 2, 3; rejected) and none only day-first. Its 1 date that read "
        "either way was read day-first (UK) and may be wrong (row 4: '02/03/2020'). Ask the "
        "agency for the column as real dates, or written day-first, and read it again.")
    assert result.entries[0].date.earliest == date(2020, 3, 2)  # still read day-first


def test_a_day_first_column_with_one_slip_is_not_called_month_first(tmp_path: Path) -> None:
    result = read_agency_file(_return(tmp_path, ["25/12/2019", "05/13/2020", "02/03/2020"]),
                              agency="GP", code="GP")
    (rejected,) = result.rejected
    assert rejected.message.endswith("month-first (US) it would be 13/05/2020")
    assert not [p for p in result.problems if p.code == "ambiguous-date"]

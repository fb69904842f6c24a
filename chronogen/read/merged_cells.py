"""Merged cells read as the sheet shows them.

An agency's chronology often merges a date cell down over the rows of one day's contacts
(a table pasted from Word does so too): the sheet shows the date beside each row, but the
file holds it in the first cell only, and each row below read as having no date and was
rejected. A cell merged down over rows takes the first cell's value in each of them. Only
down a column: a cell merged across columns (a title over the table, a summary spread over
the outcome's column) is one value, and is read once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from chronogen.read.package_check import column_letters


@dataclass(frozen=True)
class MergedDown:
    """One area of merged cells whose first value was given to the rows below it."""

    #: the area as Excel writes it: ``A2:A3``
    area: str
    #: the column, numbered from 1
    column: int
    #: the row holding the value, and the rows that now hold it too
    row: int
    filled: tuple[int, ...]


def fill_merged_down(rows: list[tuple[Any, ...]],
                     areas: Collection[tuple[int, int, int, int]]) -> list[MergedDown]:
    """Give each blank cell of a merged area's first column, below its first row, the first
    cell's value, in *rows* (numbered from 1) in place; what was filled, by area. An area
    reaching past the sheet's rows is read as far as they go, and the work is at most one
    step a cell of the sheet, however many areas (or overlapping ones) a file holds."""
    if not areas:
        return []
    budget = len(rows) * max((len(row) for row in rows), default=0)
    done: list[MergedDown] = []
    for first_row, first_column, last_row, last_column in areas:
        if last_row <= first_row or first_row > len(rows):
            continue
        index = first_column - 1
        top = rows[first_row - 1]
        value = top[index] if index < len(top) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        filled = []
        for number in range(first_row + 1, min(last_row, len(rows)) + 1):
            budget -= 1
            if budget < 0:
                return done
            row = rows[number - 1]
            if index < len(row) and row[index] is not None:
                continue  # a value of its own (a file Excel did not write): kept
            cells: list[object] = list(row) + [None] * (index + 1 - len(row))
            cells[index] = value
            rows[number - 1] = tuple(cells)
            filled.append(number)
        if filled:
            area = (f"{column_letters(first_column)}{first_row}:"
                    f"{column_letters(last_column)}{last_row}")
            done.append(MergedDown(area, first_column, first_row, tuple(filled)))
    return done

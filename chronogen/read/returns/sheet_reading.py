"""What every part of reading one sheet shares: its result, and the problems it raises,
each located (a value worked out once per sheet raises its problems again, at each row
holding it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from chronogen.model.problems import Problem, ProblemCode, Severity
from chronogen.model.trusted import trusted
from chronogen.read.returns.columns import Field
from chronogen.read.returns.layout import Column
from chronogen.read.returns.result import AgencyResult
from chronogen.read.sheet import Cell, Sheet

_T = TypeVar("_T")
#: a worked-out value and the problems working it out raised, by the cells it came from
Memoised = dict[object, tuple[object, list[Problem]]]
#: the filled, usable cells of one row, by the field their column holds
Values = dict[Field, Cell]
#: a sheet with more distinct values than this in one cache stops caching them (free text)
CACHE_LIMIT = 50_000
_PROBLEM_FIELDS = set(Problem.model_fields)


class SheetReading:
    """The result of reading one sheet, and the problems raised into it."""

    sheet: Sheet
    result: AgencyResult

    def problem(self, code: ProblemCode, severity: Severity, message: str, *,
                row: int | None = None, column: Column | None = None,
                value: object = None) -> None:
        """Raise a problem located at this sheet (and *row*, *column*, holding *value*)."""
        # made without validating again (each value has its type here; the tests validate
        # every problem the reader makes): a sheet of thousands of notes paid 10 µs each
        self.result.problems.append(trusted(Problem, {
            "code": code, "severity": severity, "message": message, "file": self.sheet.file,
            "sheet": self.sheet.name, "row": row,
            "column": column.heading if column else None,
            "value": None if value is None else str(value)[:200],
        }, _PROBLEM_FIELDS))

    def _memo(self, memo: Memoised, key: object, number: int, work: Callable[[], _T]) -> _T:
        """``work()`` once per distinct *key*; its problems are raised again, at row
        *number*, whenever the key comes back."""
        hit = memo.get(key)
        if hit is not None:
            value, raised = hit
            if raised:
                self.result.problems.extend(p.model_copy(update={"row": number})
                                            for p in raised)
            return value  # type: ignore[return-value]
        start = len(self.result.problems)
        value = work()
        if len(memo) < CACHE_LIMIT:
            memo[key] = (value, self.result.problems[start:])
        return value

    def _cell_read_so(self, number: int, column: Column | None, value: Cell,
                      severity: Severity, how: str) -> None:
        """Report an answer cell read otherwise than at its word, saying *how*."""
        text = str(value).strip()
        self.problem(ProblemCode.UNRECOGNISED_VALUE, severity, f"{text[:80]!r}: {how}",
                     row=number, column=column, value=text)

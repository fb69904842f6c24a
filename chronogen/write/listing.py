"""Long lists shown short: at most so many of a kind, then how many more.

A long case has thousands of one flag (one for every contact in which a child was not seen)
and of one problem; a reader of the terminal or of the Word appendix is shown the first few
of each kind and told how many more there are and where they all are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from chronogen.model.flag import Flag
from chronogen.model.problems import Problem, Severity

#: how serious a problem is, the most serious first
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def most_serious_first(problems: Iterable[Problem]) -> list[Problem]:
    """*problems* errors first, then warnings, then notes; in their own order within each
    (the terminal and the documents list them so)."""
    return sorted(problems, key=lambda problem: _SEVERITY_ORDER[problem.severity])


class Coded(Protocol):
    """Anything with a code: a flag, a problem."""

    @property
    def code(self) -> str: ...


_T = TypeVar("_T", bound=Coded)


def of_a_kind(items: Sequence[_T], per_code: int | None) -> list[_T | tuple[str, int]]:
    """*items* with at most *per_code* of each code (all with None), in order, and after
    the last one kept of a code that has more, (that code, how many more)."""
    if per_code is None:
        return list(items)
    total = Counter(item.code for item in items)
    seen: Counter[str] = Counter()
    kept: list[_T | tuple[str, int]] = []
    for item in items:
        seen[item.code] += 1
        if seen[item.code] <= per_code:
            kept.append(item)
            if seen[item.code] == per_code and total[item.code] > per_code:
                kept.append((item.code, total[item.code] - per_code))
    return kept


@dataclass(frozen=True)
class Numbered:
    """A flag and its number in the case's list (the number the workbook and flags.csv give
    it, kept when flags before it are left out)."""

    number: int
    flag: Flag

    @property
    def code(self) -> str:
        """The flag's code."""
        return self.flag.code


def numbered(flags: Sequence[Flag]) -> list[Numbered]:
    """*flags* with their numbers, from 1."""
    return [Numbered(number, flag) for number, flag in enumerate(flags, start=1)]

"""Answers worked out once each, and kept only up to a limit.

A long case repeats itself (contact types, outcomes, dates, a child's name) and chronogen
works each distinct value out once; but its free texts are nearly all different, and keeping
an answer for every one of a million would hold them all twice. A :class:`Memo` keeps the
first *limit* answers and, past them, lets new ones be worked out each time.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A dict of answers; :meth:`keep` stores one while there are fewer than *limit*.

    Read it as a dict (``memo.get(key)``: the lookup costs no more than a dict's)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: K, value: V) -> V:
        """*value*, kept for *key* while the memo is not full."""
        if len(self) < self.limit:
            self[key] = value
        return value

"""Work that makes millions of objects at once, without the cycle collector running over
them again and again.

Python's cycle collector runs each time enough new objects have been made; while a large
case is read, analysed or written it walks every object still alive (hundreds of
thousands of entries) time after time, for almost nothing: chronogen's objects hold no
cycles. Inside :func:`bulk_work` it is paused, and afterwards it runs as before (the
objects are ordinary, freed by reference counting as usual), with what the pause made
counted as old (walked only by a full collection, not by the next young one). Steps that
follow one another (reading, then analysing) belong in one pause: between two, the
collector walks everything the first made.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_T = TypeVar("_T")


@contextmanager
def bulk_work() -> Iterator[None]:
    """Pause the cycle collector for the work inside (nested uses are fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # everything made in the pause counts as new: left so, the first object made
            # after it would start a collection walking all of it (a million entries'
            # objects: about a second), and each older generation's turn would walk it
            # again. Frozen and let go of at once, it all stands in the oldest generation
            # instead, walked only in a full collection. (Not where the program has frozen
            # objects of its own, a server before it forks: letting go would undo that.)
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def in_bulk(func: Callable[_P, _T]) -> Callable[_P, _T]:
    """*func* run inside :func:`bulk_work`."""

    @wraps(func)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        with bulk_work():
            return func(*args, **kwargs)

    return run

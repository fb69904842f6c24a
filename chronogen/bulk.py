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

What such work frees, the C library keeps for the thread or process that freed it;
:func:`give_back_freed_memory` hands it back to the system.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, wraps
from typing import ParamSpec, TypeVar, cast

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


def give_back_freed_memory() -> None:
    """Hand the memory freed so far back to the system (glibc's ``malloc_trim``; nothing
    elsewhere): a writer's, before the next writer in the same process adds to it; the
    memory the threads parsing a sheet's parts freed, which glibc keeps for threads that
    are done."""
    # no gc.collect(): chronogen's objects hold no cycles, and a collection would walk (and
    # copy, in a forked process) every object of the case
    trim = malloc_trim()
    if trim is not None:
        trim(0)


@cache
def malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None elsewhere (looked up once: finding the C library
    runs ``ldconfig``)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return cast(Callable[[int], int], ctypes.CDLL(name).malloc_trim)
    except (OSError, AttributeError):  # not glibc
        return None

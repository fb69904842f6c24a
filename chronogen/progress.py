"""Progress reports for long work: a callable told, in words, what is being done."""

from __future__ import annotations

from collections.abc import Callable

#: told what is being done (``"reading Police: police.xlsx"``), for long cases
Progress = Callable[[str], None]


def no_progress(message: str) -> None:
    """The default progress report: none."""

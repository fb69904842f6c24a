"""How a number of things is said, in every output and on the terminal: one is one."""

from __future__ import annotations


def counted(number: int, word: str, plural: str | None = None) -> str:
    """``1 error``, ``3 errors``; *plural* where adding an s will not do (``entries``)."""
    return f"{number:,} {word if number == 1 else plural or word + 's'}"

"""Case-insensitive searches of the records' free text, made fast.

The flag rules read every entry's text for a few dozen words. ``re.IGNORECASE`` makes Python's
regular expressions several times slower, and a plain alternation of words is tried branch
by branch at every character. For an ASCII text (nearly every record) matching a pattern
written in lower case against the lowered text is the same as matching case-insensitively,
so that is what is done; any other text is searched with ``re.IGNORECASE`` as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def literal_alternation(words: Iterable[str]) -> str:
    """A pattern matching any of *words* (taken literally), as a tree of shared beginnings:
    ``alcohol|anxiety|assault`` becomes ``a(?:lcohol|nxiety|ssault)``, so that at each
    character only the words starting with it are tried. Longer words are tried first."""
    return _tree(sorted(set(words)))


def _tree(words: list[str]) -> str:
    ends_here = "" in words
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _tree(rest) for first, rest in sorted(branches.items())]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    # the longer words first: "(?:...)?" is greedy, as a longest-first alternation is
    return f"(?:{body})?" if ends_here else body


class FoldedPattern:
    """A pattern matched case-insensitively, written in lower case (``[a-z]`` then matches
    capitals too, as under ``re.IGNORECASE``)."""

    def __init__(self, pattern: str) -> None:
        if pattern != pattern.lower():
            raise ValueError(f"a folded pattern is written in lower case: {pattern!r}")
        self.lowered = re.compile(pattern)
        self.folded = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str) -> bool:
        """True when the pattern occurs in *text*, in any case."""
        if text.isascii():
            return self.lowered.search(text.lower()) is not None
        return self.folded.search(text) is not None

"""Case-insensitive searches of the records' free text, made fast.

Two shortcuts, each giving exactly what the plain regular expression gives (property-tested):
a pattern tried only where one of its opening words stands (:class:`OpeningWords`), and a
pattern matched against the lowered text (:class:`FoldedPattern`).

The flag rules read every entry's text for a few dozen words. ``re.IGNORECASE`` makes Python's
regular expressions several times slower, and a plain alternation of words is tried branch
by branch at every character. For an ASCII text (nearly every record) matching a pattern
written in lower case against the lowered text is the same as matching case-insensitively,
so that is what is done; any other text is searched with ``re.IGNORECASE`` as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from chronogen.memo import Memo


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


def spaces_before(text: str, end: int) -> int:
    """Where the run of whitespace that ends at *end* in *text* begins (*end* for none).

    What stands just before a word is found from here, never by slicing or searching the
    text before it: asked for each of thousands of words in a long text, that read the
    text again each time (time growing with its square)."""
    start = end
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def last_word_before(text: str, end: int) -> str:
    """The last word (run of non-whitespace) of ``text[:end]``, in lower case; "" for none:
    ``text[:end].lower().split()[-1]``, read backwards from *end*."""
    stop = spaces_before(text, end)
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:stop].lower()


class FoldedPattern:
    """A pattern matched case-insensitively, written in lower case (``[a-z]`` then matches
    capitals too, as under ``re.IGNORECASE``)."""

    def __init__(self, pattern: str, needs: Iterable[str] = ()) -> None:
        """*needs*: words one of which every match holds (say so only where it is true: a
        text holding none of them is not searched, a few substring tests instead of the
        pattern's branches tried at every character)."""
        if pattern != pattern.lower() or any(word != word.lower() for word in needs):
            raise ValueError(f"a folded pattern is written in lower case: {pattern!r}")
        self.needs = tuple(needs)
        self.lowered = re.compile(pattern)
        self.folded = re.compile(pattern, re.IGNORECASE)
        #: short texts (contact types, outcomes) come back again and again: their answers
        self._known: Memo[str, bool] = Memo(_KNOWN_KEPT)

    def search(self, text: str) -> bool:
        """True when the pattern occurs in *text*, in any case."""
        if len(text) > _SHORT:
            return self._search(text)
        found = self._known.get(text)
        return found if found is not None else self._known.keep(text, self._search(text))

    def _search(self, text: str) -> bool:
        if text.isascii():
            lowered = text.lower()
            if self.needs and not any(word in lowered for word in self.needs):
                return False
            return self.lowered.search(lowered) is not None
        return self.folded.search(text) is not None


#: texts up to this long have their answers kept, up to this many texts a pattern
_SHORT = 80
_KNOWN_KEPT = 20_000


#: what a match can open with: a run of word characters, or one other character ("=", "(")
_TOKEN = re.compile(r"\w+|[^\w\s]")


class TextWords:
    """A text, and for an ASCII one its lower-case form: worked out once for all the
    :class:`OpeningWords` that look at the same text."""

    __slots__ = ("lowered", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered: str | None = text.lower() if text.isascii() else None


#: the longest word :class:`OpeningWords` puts in a tree of shared beginnings
_TREE_LONGEST = 100


class OpeningWords:
    """Where a case-insensitive pattern can match: at a run of word characters that is the
    first word of one of *openers* (or that word with an "s" when *plural*: "Leos mother",
    "hers"), or at a character that is an opener's first character when it is not a letter
    or digit ("=Evil", "(Bex)"), in the sense of ``re.IGNORECASE``.

    ``scan(pattern, text)`` gives what ``pattern.finditer(text)`` gives, for a pattern whose
    every match starts with one of *openers* and not inside a run of word characters, trying
    the pattern only at those places: a pattern of hundreds of alternatives (a family's
    names, role words) tried at every character is slow, and quadratic in a long run of one
    letter that a long name begins with.
    """

    def __init__(self, openers: Iterable[str], *, plural: bool = False) -> None:
        openers = [o for o in openers if o]
        #: an opener starting with a space: no shortcut, the pattern is tried everywhere
        self.anywhere = any(not _TOKEN.match(o) for o in openers)
        firsts = {token.group() for o in openers if (token := _TOKEN.match(o))}
        words = {f for f in firsts if f[0].isalnum() or f[0] == "_"}  # may take an "s"
        #: where a first word (in lower case, and with an "s") stands as a whole run of
        #: word characters, or a first character that is not a letter or digit stands, in
        #: a lowered ASCII text, when all are ASCII: between ASCII texts, re's
        #: case-insensitive match is equality in lower case
        self.ascii: re.Pattern[str] | None = None
        if all(f.isascii() for f in firsts):
            lowered = {f.lower() for f in words}
            if plural:
                lowered |= {w + "s" for w in lowered}
            others = sorted(f for f in firsts if f not in words)
            # the tree nests a group a letter: a hostile family's name of thousands of
            # letters is one plain branch among the rest (only where a match starts is used)
            words_pattern = literal_alternation(lowered) if all(
                len(w) <= _TREE_LONGEST for w in lowered) else "|".join(map(re.escape, lowered))
            parts = ([rf"(?<![a-z0-9_])(?:{words_pattern})(?![a-z0-9_])"]
                     if lowered else []) + [re.escape(o) for o in others]
            self.ascii = re.compile("|".join(parts) or "(?!)")
        self._fold = re.compile("|".join(
            re.escape(f) + ("s?" if plural and f in words else "")
            for f in sorted(firsts, key=len, reverse=True)) or "(?!)", re.IGNORECASE)

    def starts(self, text: str | TextWords) -> list[int]:
        """Where in *text* a match may start."""
        words = text if isinstance(text, TextWords) else TextWords(text)
        if self.ascii is not None and words.lowered is not None:
            return [found.start() for found in self.ascii.finditer(words.lowered)]
        return [t.start() for t in _TOKEN.finditer(words.text)
                if self._fold.fullmatch(t.group()) is not None]

    def scan(self, pattern: re.Pattern[str], text: str | TextWords
             ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, trying *pattern* only where an opener starts."""
        plain = text.text if isinstance(text, TextWords) else text
        if self.anywhere:
            yield from pattern.finditer(plain)
            return
        end = 0
        for start in self.starts(text):
            if start >= end and (found := pattern.match(plain, start)) is not None:
                yield found
                end = found.end()

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str],
            text: str) -> str:
        """``pattern.sub(replace, text)`` for a pattern that never matches nothing."""
        pieces: list[str] = []
        done = 0
        for found in self.scan(pattern, text):
            pieces.append(text[done:found.start()])
            pieces.append(replace(found))
            done = found.end()
        if not pieces:
            return text
        pieces.append(text[done:])
        return "".join(pieces)

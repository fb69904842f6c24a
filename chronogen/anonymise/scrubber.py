"""Finding identifying words in free text and replacing them, with a record of each.

Names hide in many shapes: full names, first names and surnames alone, "Mr / Mrs / Ms"
with a surname, initials with a surname, initials alone ("J.H."), known-as names and aliases,
possessives ("Jade's"), any case, and a line break between first name and surname. Each is
matched as a whole word. Postcodes, e-mail addresses, telephone and NHS numbers, street
addresses and the family's own household names are replaced too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from chronogen.domain.text_search import OpeningWords
from chronogen.memo import Memo

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Master")
#: what an ambiguous word (the same initials or first name for two people) becomes
AMBIGUOUS = "[name]"
_STREET = (r"Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Court|Ct|Crescent|Place|"
           r"Gardens|Terrace|Grove|Hill|Park|Square|Walk|Row|Mews|View|Rise|Green|Parade")
#: an e-mail address, and what it becomes (replaced by replace_addresses)
ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
EMAIL = "[e-mail]"
#: identifying patterns that are not names, and what replaces them
FIXED_PATTERNS: tuple[tuple[str, str], ...] = (
    (ADDRESS, EMAIL),
    (r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", "[postcode]"),
    (r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b", "[NHS number]"),
    (r"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b", "[telephone]"),
    (rf"\b\d+[a-zA-Z]?,?\s+(?:[A-Z][a-z]+\s+){{1,3}}(?:{_STREET})\b\.?", "[address]"),
    # anyone else named with a title (a neighbour, a teacher): not in the family, still a name
    (rf"\b(?:{'|'.join(TITLES)})\.?\s+[A-Z][\w'’-]+", "[name]"),
)


#: texts up to this long are scrubbed once each (a long summary rarely comes twice), up to
#: this many texts (a long case's entry ids and dates are short and all different)
_MEMO_LENGTH = 120
_MEMO_KEPT = 100_000


def _has_at(text: str) -> bool:
    return "@" in text


_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def _always(text: str) -> bool:
    return True


_ADDRESS = re.compile(ADDRESS)
#: an address from the start of a run of the characters it is made of
_ADDRESS_AT_RUN = re.compile(r"(?<![\w.+-])" + ADDRESS)


def replace_addresses(replace: Callable[[re.Match[str]], str], text: str) -> str:
    """``re.sub(ADDRESS, replace, text)``, in time proportional to the text.

    The plain pattern, tried from every character of a long run of the characters an
    address is made of, read the run to its end each time (time growing with its square).
    An address from inside a run is one from its start, so only runs' starts are tried, and
    the place after each address replaced (where the plain pattern goes on from, inside a
    run when another address follows at once: "jo@a.uk+x@b.uk")."""
    pieces: list[str] = []
    done = 0
    while (found := _ADDRESS.match(text, done) or _ADDRESS_AT_RUN.search(text, done)) is not None:
        pieces += [text[done:found.start()], replace(found)]
        done = found.end()
    return "".join(pieces) + text[done:] if pieces else text


#: how each of FIXED_PATTERNS replaces what it finds: ``(replace, text) -> text`` (the
#: compiled pattern's ``sub``; the e-mail addresses' own way, see replace_addresses)
_Substitute = Callable[[Callable[[re.Match[str]], str], str], str]
#: FIXED_PATTERNS ready: how each replaces, its label, and what a text must hold for it to
#: be searched at all (a few substring tests instead of a pattern's pass)
_FIXED: tuple[tuple[_Substitute, str, Callable[[str], bool]], ...] = tuple(
    (replace_addresses if label == EMAIL else re.compile(regex).sub, label, needs)
    for (regex, label), needs in zip(
        FIXED_PATTERNS, (_has_at, _has_digit, _has_digit, _has_digit, _has_digit, _always),
        strict=True))


@dataclass(frozen=True)
class Replacement:
    """One replacement made: where, what was there, what is there now."""

    where: str
    original: str
    replacement: str


@dataclass
class Scrubber:
    """Replaces every known identifying word in text; remembers what it replaced."""

    #: what to find (any case) -> what to put there
    words: dict[str, str] = field(default_factory=dict)
    #: what to find in exactly this case (initials, which are ordinary words otherwise)
    exact: dict[str, str] = field(default_factory=dict)
    made: list[Replacement] = field(default_factory=list)
    _patterns: list[tuple[re.Pattern[str], dict[str, str], OpeningWords, bool]] | None = None
    #: text -> (scrubbed, replacements made): short texts repeat (agency names, kinds)
    _memo: Memo[str, tuple[str, tuple[tuple[str, str], ...]]] = field(
        default_factory=lambda: Memo(_MEMO_KEPT))

    def add(self, found: str, replacement: str, *, case_sensitive: bool = False) -> None:
        """Replace *found* (a whole word or phrase) with *replacement*."""
        found = re.sub(r"\s+", " ", found.strip())
        if len(found) < 2 or found.lower() == replacement.lower():
            return
        table, key = (self.exact, found) if case_sensitive else (self.words, found.lower())
        if table.get(key, replacement) != replacement:
            replacement = AMBIGUOUS  # two people written the same way: name neither
        table[key] = replacement
        self._patterns = None

    def _compiled(self) -> list[tuple[re.Pattern[str], dict[str, str], OpeningWords, bool]]:
        if self._patterns is None:
            self._patterns = []
            self._memo = Memo(_MEMO_KEPT)
            for table, exact in ((self.words, False), (self.exact, True)):
                if not table:
                    continue
                # longest first, so "Jade Harbour" is one replacement, not two
                ordered = sorted(table, key=lambda w: (-len(w), w))
                body = "|".join(r"\s+".join(re.escape(p) for p in w.split(" "))
                                for w in ordered)
                pattern = re.compile(rf"(?<![\w@])(?:{body})(?![\w@])",
                                     0 if exact else re.IGNORECASE)
                lookup = {(k if exact else _key(k)): v for k, v in table.items()}
                # tried only where a name's first word stands: a long name tried at every
                # character of every text was most of the time of anonymising a case
                self._patterns.append((pattern, lookup, OpeningWords(ordered), exact))
        return self._patterns

    def scrub(self, text: str, where: str | Callable[[], str]) -> str:
        """*text* with every identifying word replaced; each replacement recorded as made at
        *where* (or what it gives: worked out only when something is replaced)."""
        if not text:
            return text
        known = self._memo.get(text) if self._patterns is not None else None
        if known is None:
            made: list[tuple[str, str]] = []
            known = (self._scrubbed(text, made), tuple(made))
            if len(text) <= _MEMO_LENGTH:  # agency names, kinds, short notes repeat
                self._memo.keep(text, known)
        if known[1]:
            place = where if isinstance(where, str) else where()
            self.made.extend(Replacement(place, original, new) for original, new in known[1])
        return known[0]

    def _scrubbed(self, text: str, made: list[tuple[str, str]]) -> str:
        for pattern, lookup, openers, exact in self._compiled():

            def replace(match: re.Match[str], lookup: dict[str, str] = lookup,
                        exact: bool = exact) -> str:
                original = match.group(0)
                new = lookup[re.sub(r"\s+", " ", original) if exact else _key(original)]
                made.append((original, new))
                return new

            text = openers.sub(pattern, replace, text)
        for substitute, label, needs in _FIXED:
            if not needs(text):
                continue

            def fixed(match: re.Match[str], label: str = label) -> str:
                made.append((match.group(0), label))
                return label

            text = substitute(fixed, text)
        return text


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).lower()


def name_variants(first: str | None, surname: str | None, known_as: str | None,
                  aliases: Iterable[str]) -> list[str]:
    """The ways a person's name is written: full, known-as with surname, initial with
    surname ("J Harbour", "J. Harbour"), title with surname, and every alias."""
    variants: list[str] = []
    firsts = [n for n in (first, known_as) if n]
    for given in firsts:
        if surname:
            variants.append(f"{given} {surname}")
            variants.append(f"{given[0]} {surname}")
            variants.append(f"{given[0]}. {surname}")
    variants.extend(a for a in aliases if a)
    return variants


def initials(first: str | None, surname: str | None) -> list[str]:
    """``JH`` and ``J.H.``: matched in capitals only (they are ordinary words otherwise)."""
    if not first or not surname:
        return []
    letters = first[0].upper() + surname[0].upper()
    return [letters, f"{letters[0]}.{letters[1]}.", f"{letters[0]}. {letters[1]}."]


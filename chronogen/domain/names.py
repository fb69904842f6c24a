"""Matching the names agencies write ("Leo, Mia", "Ava Clarke", "Mr Foster") to the family."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from chronogen.model.family import Family

#: what separates the names in a list. Spaces before a separator are taken only from the
#: start of their run (one from inside the run is one from its start; after a separator,
#: which takes the spaces after it, the next may follow at once): from each space of a long
#: run the search ran on to the run's end, and 20,000 spaces took 19 s
_SPLIT = re.compile(r"(?:(?<!\s)\s*|(?<=\s))(?:,|;|/|&|\+|\band\b|\bplus\b|\n)\s*",
                    re.IGNORECASE)
_TITLES = re.compile(r"^(?:mr|mrs|ms|miss|master|dr|baby)\.?\s+", re.IGNORECASE)
#: a remark in brackets after a name ("Mia (8)", "Mia Harbour (DOB 14/02/2016)"), closed or
#: not: never a part of the name
REMARK = re.compile(r"\([^()]*\)?")
#: a first name and a surname's initial ("mia h", "mia h.")
_INITIAL = re.compile(r"^(?P<first>\S+) (?P<initial>[a-z])\.?$")
#: a first name's initial and a surname ("M Harbour", "M. Harbour")
_FIRST_INITIAL = re.compile(r"^(?P<initial>[a-z])(?:\. ?| )(?P<surname>\S.*)$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’\-]+")


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without accents or extra spaces, for comparing names."""
    if text.isascii():  # nothing to take accents from (the way most text is)
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("’", "'").split())


@dataclass
class NameMatch:
    """The people a piece of text names, and the parts that matched no one or several."""

    ids: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)


class NameIndex:
    """Every way the family's people may be named: full name, first name, known-as, aliases,
    surname with a title ("Mr Foster")."""

    def __init__(self, family: Family) -> None:
        self._by_key: dict[str, set[str]] = {}
        self._order = {p.id: n for n, p in enumerate(family.people)}
        #: every person id in the family
        self.ids = set(self._order)
        self._list_cache: dict[str, NameMatch] = {}
        self._text_cache: dict[tuple[str, frozenset[str] | None], list[str]] = {}
        self._surnames = {p.id: fold(p.surname) for p in family.people if p.surname}
        self._first_names = {p.id: fold(p.known_as or p.first_name or "") for p in family.people}
        for person in family.people:
            keys = {person.id}
            if person.first_name:
                keys.add(person.first_name)
                if person.surname:
                    keys.add(f"{person.first_name} {person.surname}")
                    keys.add(f"{person.surname} {person.first_name}")
            if person.surname:
                keys.add(f"surname:{person.surname}")
            if person.known_as:
                keys.add(person.known_as)
                if person.surname:
                    keys.add(f"{person.known_as} {person.surname}")
            keys.update(person.aliases)
            for key in keys:
                self._by_key.setdefault(fold(key), set()).add(person.id)

    def lookup(self, name: str) -> set[str]:
        """The ids one name could mean (empty when none)."""
        key = fold(name).strip(" .()-:")
        if not key:
            return set()
        found = self._by_key.get(key)
        if found:
            return found
        titled = _TITLES.match(key)
        if titled is not None:
            rest = key[titled.end():]
            return self._by_key.get(f"surname:{rest}") or self._by_key.get(rest, set())
        initial = _INITIAL.match(key)
        if initial is not None:  # "Mia H.": the Mias whose surname starts with H
            return {pid for pid in self._by_key.get(initial["first"], set())
                    if self._surnames.get(pid, "").startswith(initial["initial"])}
        initialled = _FIRST_INITIAL.match(key)
        # "M Harbour": the Harbours whose first name starts with M ("a Harbour", "I Harbour"
        # are words, not initials, unless a dot says so)
        if initialled is not None and (initialled["initial"] not in "ai" or key[1] == "."):
            return {pid for pid in self._by_key.get(f"surname:{initialled['surname']}", set())
                    if self._first_names.get(pid, "").startswith(initialled["initial"])}
        return set()

    def match_list(self, text: str) -> NameMatch:
        """Match a list of names ("Leo, Mia", "Leo and Mia"); report what matched no one."""
        cached = self._list_cache.get(text)
        if cached is None:
            cached = self._list_cache[text] = self._match_list(text)
        return NameMatch(list(cached.ids), list(cached.unknown), list(cached.ambiguous))

    def _match_list(self, text: str) -> NameMatch:
        result = NameMatch()
        for part in _SPLIT.split(text.strip()):
            part = part.strip(" .()-:")
            if not part:
                continue
            ids = self.lookup(part)
            if len(ids) == 1:
                self._add(result.ids, ids)
            elif len(ids) > 1:
                result.ambiguous.append(part)
            else:
                result.unknown.append(part)
        return result

    def find_in_text(self, text: str, among: set[str] | None = None) -> list[str]:
        """Ids of people named anywhere in free text (by full or first name), in family order.

        Only unambiguous names count; with *among*, only those ids are looked for.
        """
        key = (text, frozenset(among) if among is not None else None)
        cached = self._text_cache.get(key)
        if cached is None:
            cached = self._text_cache[key] = self._find_in_text(text, among)
        return list(cached)

    def _find_in_text(self, text: str, among: set[str] | None) -> list[str]:
        words = _WORD.findall(text)
        found: set[str] = set()
        for size in (2, 1):
            for start in range(len(words) - size + 1):
                ids = self._by_key.get(fold(" ".join(words[start:start + size])), set())
                if among is not None:
                    ids = ids & among
                if len(ids) == 1:
                    found |= ids
        return sorted(found, key=lambda pid: self._order.get(pid, 0))

    def _add(self, target: list[str], ids: set[str]) -> None:
        for pid in sorted(ids, key=lambda p: self._order.get(p, 0)):
            if pid not in target:
                target.append(pid)

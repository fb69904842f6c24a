"""Who took part in a contact: named in a person column, or in the record as taking part.

Being named in free text is not taking part: "Mother said Mr Foster no longer visits" has the
mother taking part and Mr Foster only mentioned. A person (by name) or a parent (by role
word) takes part when the record has them speaking, present, seen, or the contact was
*with* them.
"""

from __future__ import annotations

import re
from datetime import date

from chronogen.domain.kinship import Kinship
from chronogen.domain.names import NameIndex
from chronogen.model.chronology import Entry
from chronogen.model.family import Family

_ROLE_WORDS = {
    "mother": "mother", "mum": "mother", "mom": "mother", "ms": None,
    "father": "father", "dad": "father",
    "parents": "parents", "parent": "parents", "carers": "parents",
    "stepfather": "partner", "step-father": "partner", "partner": "partner",
    "boyfriend": "partner", "girlfriend": "partner",
}
_VERBS = (r"said|says|stated|states|reported|reports|told|tells|explained|disclosed|agreed|"
          r"declined|refused|present|was present|were present|seen|was seen|were seen|spoke|"
          r"spoken to|attended|answered|confirmed|denied|asked|requested|requests|described|"
          r"engaged|admitted|allowed|consented|informed us|presented|was spoken to|"
          r"arrested|cautioned|charged|detained|interviewed")
_WITH = r"(?:with|to|by|from|saw|met|visited|spoke to|spoke with|interviewed|contacted|called)"


class Participants:
    """Finds the family members who took part in an entry."""

    def __init__(self, family: Family, kinship: Kinship) -> None:
        self.family = family
        self.kinship = kinship
        self.names = NameIndex(family)
        self._cache: dict[str, frozenset[str]] = {}
        words = sorted({*_ROLE_WORDS, *self._name_words()}, key=len, reverse=True)
        alternatives = "|".join(re.escape(w) for w in words if w)
        self._after = re.compile(
            rf"\b(?P<who>{alternatives})\b(?:\s+(?:and|&)\s+(?:the\s+)?\w+)?\s+"
            rf"(?:(?:had|has|was|were|is|also)\s+)?(?:{_VERBS})\b", re.IGNORECASE)
        self._before = re.compile(rf"\b{_WITH}\s+(?:the\s+)?(?P<who>{alternatives})\b",
                                  re.IGNORECASE)

    def _name_words(self) -> set[str]:
        words: set[str] = set()
        for person in self.family.people:
            if person.placeholder:
                continue
            for part in (person.first_name, person.known_as, person.name, *person.aliases):
                if part:
                    words.add(part)
            if person.surname:
                words.update({f"Mr {person.surname}", f"Mrs {person.surname}",
                              f"Ms {person.surname}", f"Miss {person.surname}"})
        return words

    def of(self, entry: Entry) -> set[str]:
        """Ids of the people who took part in *entry* (worked out once per entry)."""
        cached = self._cache.get(entry.id)
        if cached is None:
            cached = self._cache[entry.id] = frozenset(self._find(entry))
        return set(cached)

    def _find(self, entry: Entry) -> set[str]:
        found = set(entry.people)
        day = entry.date.sort_key[0]
        texts = [t for t in (entry.summary, entry.kind_text, entry.outcome) if t]
        for text in texts:
            for pattern in (self._after, self._before):
                for match in pattern.finditer(text):
                    found |= self._resolve(match.group("who"), entry, day)
        return found

    def _resolve(self, word: str, entry: Entry, day: date) -> set[str]:
        role = _ROLE_WORDS.get(word.lower())
        if word.lower() in _ROLE_WORDS:
            return self._by_role(role, entry, day) if role else set()
        ids = self.names.lookup(word)
        return set(ids) if len(ids) == 1 else set()

    def _by_role(self, role: str, entry: Entry, day: date) -> set[str]:
        children = list(entry.children) or [c.id for c in self.family.subject_children]
        found: set[str] = set()
        for child in children:
            mother, father = self.kinship.mother(child), self.kinship.father(child)
            if role in ("mother", "parents") and mother:
                found.add(mother)
            if role in ("father", "parents") and father:
                found.add(father)
            if role == "partner":
                for parent in (mother, father):
                    if parent:
                        found.update(p for p in self.kinship.partners_on(parent, day)
                                     if p not in (mother, father))
        return found

"""Who took part in a contact: named in a person column, or in the record as taking part.

Being named in free text is not taking part. A person takes part when the record has them
as the subject of a verb of speech, presence or action ("Mother said", "mum present",
"Dean arrested", "Mother, tearful, said", "Parents attended") or after "with / to / by" and
the like ("spoke with mum", "visited by father", "with mother and father"). Text only
*about* someone does not count: "Mia said mum shouts", "concerns about mother's drinking",
"relationship problems with the child's father", "no contact with dad", "Dean's car seen",
"mother not seen".

People are written by name (any case, "Mr Foster"), by role word ("mother", "mum", "dad",
"parents", "partner", "MGM", "maternal grandmother"), possessively through a child
("Leo's father", "the children's mother") or through a parent ("mother's partner",
"mum's boyfriend"); role words are resolved through the family's kinship on the day of the
contact.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from datetime import date

from chronogen.domain.kinship import Kinship
from chronogen.domain.names import NameIndex
from chronogen.domain.text_search import OpeningWords, TextWords, last_word_before
from chronogen.memo import Memo
from chronogen.model.chronology import Entry
from chronogen.model.family import Family, Sex

#: role word -> what it means (resolved per child on the day)
ROLE_WORDS = {
    "mother": "mother", "mum": "mother", "mom": "mother", "mam": "mother", "mummy": "mother",
    "father": "father", "dad": "father", "daddy": "father",
    "parents": "parents", "parent": "parents", "carers": "parents", "carer": "parents",
    "stepfather": "partner", "step-father": "partner", "stepdad": "partner",
    "step-dad": "partner", "partner": "partner", "boyfriend": "partner",
    "girlfriend": "partner", "stepmother": "partner", "step-mother": "partner",
    "mgm": "mother's mother", "maternal grandmother": "mother's mother",
    "mgf": "mother's father", "maternal grandfather": "mother's father",
    "pgm": "father's mother", "paternal grandmother": "father's mother",
    "pgf": "father's father", "paternal grandfather": "father's father",
    "grandmother": "grandmother", "gran": "grandmother", "nan": "grandmother",
    "nana": "grandmother", "grandma": "grandmother", "grandfather": "grandfather",
    "grandad": "grandfather", "grandpa": "grandfather",
}
_PARENT_WORDS = r"mother|mum|mom|mam|father|dad"
_PARTNER_WORDS = r"partner|boyfriend|girlfriend|new partner"
VERBS = (
    r"said|says|stated|states|reported|reports|told|tells|explained|explains|disclosed|"
    r"discloses|agreed|agrees|declined|declines|refused|refuses|present|seen|spoke|spoken|"
    r"attended|attends|answered|confirmed|confirms|denied|denies|asked|asks|requested|"
    r"requests|described|describes|engaged|engages|admitted|admits|allowed|consented|"
    r"informed|presented|arrested|cautioned|charged|detained|interviewed|visited|called|"
    r"phoned|rang|telephoned|came|arrived|collected|brought|took|met|shared|expressed|"
    r"showed|cried|appeared|opened|signed|returned|contacted|raised|agreed|accepted|"
    r"wanted|wants|feels|felt|thinks|thought|understood|acknowledged|became|remained|"
    r"accompanied|joined|participated|took part|was tearful|tearful|upset|angry|hostile")
#: words that may stand between a person and their verb
_AUX = r"(?:(?:had|has|have|was|were|is|are|also|both|then|later|again|herself|himself|" \
       r"themselves|had been|has been|was then|initially|briefly|eventually)\s+){0,3}"
_INTRODUCERS = (r"with|to|by|saw|sees|met|meets|visited|visits|interviewed|contacted|"
                r"called|phoned|rang|telephoned|emailed|texted|accompanied by|"
                r"spoke to|spoke with|spoken to|seen with|joined by")
_NOBODY: frozenset[str] = frozenset()
#: the most people one list names ("mum, dad and nan said"). Unbounded, a text listing
#: hundreds ("mum and mum and ...") was read again from each of them to its end: time grew
#: with the square of the text (80,000 characters took minutes)
_LISTED_AT_MOST = 12
#: how many distinct texts' mentions are kept (a million entries' summaries would not be)
_MENTIONS_KEPT = 50_000
#: "<noun> with X" is about X: "relationship problems with the father"
_ABOUT_TEXT = """problems problem issues issue difficulties difficulty concerns concern conflict
conflicts arguments argument relationship relations worries worry tension tensions dispute
disputes"""
_ABOUT_NOUNS = frozenset(_ABOUT_TEXT.split())
#: "no contact with X", "unable to contact X": X did not take part
_NEGATOR_TEXT = "no not never without unable failed attempt attempts attempted tried nor cannot"
_NEGATORS = frozenset(_NEGATOR_TEXT.split())


#: a person after one of these is not the subject of the verb that follows
_PREPOSITION_TEXT = ("on about of regarding re concerning for into against towards at from with "
                     "to by around over")
_PREPOSITIONS = frozenset(_PREPOSITION_TEXT.split())


_BEFORE = re.compile(r"(?:(?<![\w'’])[\w'’]+\s+){0,3}$")


def words_before(text: str) -> list[str]:
    """The last three words of *text* (lower case) when they run up to its end, separated by
    spaces only: "no contact " -> ["no", "contact"]; "no, " -> []."""
    # three words are never this long, and searching from every character of a long text
    # (a summary of pages) would be slow
    found = _BEFORE.search(text, max(0, len(text) - 200))
    return found.group().lower().split() if found else []


class Participants:
    """Finds the family members who took part in an entry."""

    def __init__(self, family: Family, kinship: Kinship) -> None:
        self.family = family
        self.kinship = kinship
        self.names = NameIndex(family)
        #: each different set of participants once: the family's combinations are few
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        self._mentions: Memo[str, tuple[str, ...]] = Memo(_MENTIONS_KEPT)
        self._listed: Memo[str, tuple[str, ...]] = Memo(_MENTIONS_KEPT)
        self._resolved: dict[tuple[str, tuple[str, ...], date | None], frozenset[str]] = {}
        self._children = {(p.first_name or "").lower(): p.id for p in family.people
                          if p.first_name}
        roles = sorted(ROLE_WORDS, key=len, reverse=True)
        names = sorted(self._name_words(), key=len, reverse=True)
        # no empty word among them: with no children's names, an empty one let a possessor
        # be a space alone, and a list of mentions be read in thousands of ways
        owners = "|".join(["child", "children", "childs", *(
            re.escape(n) for n in sorted(self._children, key=len, reverse=True) if n),
            "his", "her", "their"])
        possessor = rf"(?:(?:the\s+)?(?:{owners})['’]?s?\s+)"
        compound = rf"(?:{_PARENT_WORDS})['’]s\s+(?:{_PARTNER_WORDS})"
        single = "|".join([compound] + [re.escape(r) for r in roles]
                          + [re.escape(n) for n in names if n])
        mention = rf"(?:{possessor}?(?:{single}))(?!['’]s\b)(?![\w'’-])"
        listed = (rf"(?P<who>{mention}(?:\s*(?:,|and|&)\s*(?:the\s+)?{mention})"
                  rf"{{0,{_LISTED_AT_MOST - 1}}})")
        aside = r"(?:\s*,\s*[^,.;:]{1,40},)?"
        self._mention = re.compile(mention, re.IGNORECASE)
        self._subject = re.compile(rf"(?<![\w'’]){listed}{aside}\s+{_AUX}(?:{VERBS})\b",
                                   re.IGNORECASE)
        self._object = re.compile(rf"\b(?:{_INTRODUCERS})\s+(?:the\s+)?{listed}",
                                  re.IGNORECASE)
        # A mention starts with a role word, a name, or a possessor ("the", "his", "Leo's",
        # "Leos"), an object with an introducing word: only those words are tried.
        openers = ["the", "child", "children", "childs", "his", "her", "their",
                   *self._children, *roles, *names, *_PARENT_WORDS.split("|")]
        self._mention_starts = OpeningWords(openers, plural=True)
        self._object_starts = OpeningWords(_INTRODUCERS.split("|"))

    def _name_words(self) -> set[str]:
        words: set[str] = set()
        for person in self.family.people:
            if person.placeholder:
                continue
            for part in (person.first_name, person.known_as, person.name, *person.aliases):
                if part:
                    words.add(part)
            if person.surname:
                words.update({f"{title} {person.surname}"
                              for title in ("Mr", "Mrs", "Ms", "Miss", "Mx")})
        return words

    def of(self, entry: Entry) -> set[str]:
        """Ids of the people who took part in *entry* (a rule asking of every entry asks
        :meth:`chronogen.analyse.context.FlagContext.took_part`, which keeps them)."""
        return set(self.shared(entry))

    def shared(self, entry: Entry, day: date | None = None,
               texts: tuple[str | None, ...] | None = None) -> frozenset[str]:
        """:meth:`of`, as the one set shared by every contact naming the same people (not a
        copy: keep it, do not change it). *day* (the entry's earliest) and *texts* (its
        summary, contact type and outcome) when the caller has them."""
        found = self._find(entry, entry.date.sort_key[0] if day is None else day,
                           (entry.summary, entry.kind_text, entry.outcome) if texts is None
                           else texts)
        # contacts naming the same people share one set, and most name no one (a million
        # entries held a million sets, 216 bytes each, of a few dozen different ones)
        kept = frozenset(found) if found else _NOBODY
        return self._sets.setdefault(kept, kept)

    def _find(self, entry: Entry, day: date, texts: tuple[str | None, ...]) -> set[str]:
        found = set(entry.people)
        for text in texts:
            if not text:
                continue
            mentions = self._mentions.get(text)  # contact types, outcomes repeat
            if mentions is None:
                mentions = self._mentions.keep(text, self._taking_part(text))
            for who in mentions:
                found |= self._resolve_list(who, entry, day)
        return found

    def _taking_part(self, text: str) -> tuple[str, ...]:
        """The words in *text* that name people taking part ("mum and dad", "Mr Foster")."""
        found: list[str] = []
        words = TextWords(text)  # its words, once for both patterns
        for match in self._mention_starts.scan(self._subject, words):
            if last_word_before(text, match.start()) in _PREPOSITIONS:
                continue  # "checks on mother's partner requested": not the subject
            found.append(match.group("who"))
        end = 0
        for match in self._object_starts.scan(self._object, words):
            before = words_before(text[end:match.start()])
            end = match.end()
            if (before and before[-1] in _ABOUT_NOUNS) or _NEGATORS & set(before):
                continue
            found.append(match.group("who"))
        return tuple(found)

    def _resolve_list(self, text: str, entry: Entry, day: date) -> AbstractSet[str]:
        mentions = self._listed.get(text)
        if mentions is None:  # "mum and dad": its mentions, once per such text
            mentions = self._listed.keep(
                text, tuple(m.group(0) for m in self._mention.finditer(text)))
        if len(mentions) == 1:
            return self._resolve(mentions[0], entry, day)
        found: set[str] = set()
        for mention in mentions:
            found |= self._resolve(mention, entry, day)
        return found

    def _resolve(self, words: str, entry: Entry, day: date) -> frozenset[str]:
        """The people *words* stand for in *entry* (once per words, children and day)."""
        # only a partner is a matter of the day: "mother" is the same person all along
        lowered = words.lower()
        dated = "partner" in lowered or "friend" in lowered or "step" in lowered
        key = (words, tuple(entry.children), day if dated else None)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = frozenset(self._resolve_afresh(words, entry, day))
        return found

    def _resolve_afresh(self, words: str, entry: Entry, day: date) -> set[str]:
        text = re.sub(r"\s+", " ", words.strip().lower().replace("’", "'"))
        text = re.sub(r"^the ", "", text)
        children = list(entry.children) or [c.id for c in self.family.subject_children]
        owner = re.match(r"^([\w-]+)'?s? ", text)
        if owner and owner.group(1) in ("child", "children", "childs", "his", "her", "their"):
            text = text[owner.end():]
        elif owner and owner.group(1) in self._children and text[owner.end():] in ROLE_WORDS:
            children = [self._children[owner.group(1)]]
            text = text[owner.end():]
        compound = re.match(rf"^({_PARENT_WORDS})'s ({_PARTNER_WORDS})$", text)
        if compound:
            parents = self._role(ROLE_WORDS[compound.group(1)], children, day)
            return {p for parent in parents for p in self.kinship.partners_on(parent, day)
                    if p not in self._role("parents", children, day)}
        if text in ROLE_WORDS:
            return self._role(ROLE_WORDS[text], children, day)
        ids = self.names.lookup(words.strip())
        return set(ids) if len(ids) == 1 else set()

    def _parent_of(self, person: str, role: str) -> str | None:
        """A person's mother or father: as recorded, else the one parent of that sex."""
        recorded = self.kinship.mother(person) if role == "mother" else self.kinship.father(
            person)
        if recorded:
            return recorded
        sex = Sex.FEMALE if role == "mother" else Sex.MALE
        of_sex = [p for p in self.kinship.birth_parents(person)
                  if (who := self.family.get(p)) is not None and who.sex is sex]
        return of_sex[0] if len(of_sex) == 1 else None

    def _role(self, role: str, children: list[str], day: date) -> set[str]:
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
            if "'s " in role:  # a grandparent on one side
                side, _, parent_role = role.partition("'s ")
                middle = mother if side == "mother" else father
                grand = self._parent_of(middle, parent_role) if middle else None
                if grand:
                    found.add(grand)
            if role in ("grandmother", "grandfather"):
                sex = Sex.FEMALE if role == "grandmother" else Sex.MALE
                grands = [g for g in self.kinship.grandparents(child)
                          if (p := self.family.get(g)) is not None and p.sex is sex]
                if len(grands) == 1:
                    found.update(grands)
        return found

"""One answer cell that answers for several children: "Mia seen, Leo not seen", "Yes Mia no
Leo", "Yes - Mia, not Leo", "Yes - not Leo", "Mia only", "Both", "Mia seen alone".

:func:`read_per_child` reads a cell made only of subject children's names, answer words
(yes, seen, no, not, N/A, not known), "alone", "only", "both" / "all" / "neither" and
joining words and marks. A cell holding any other word ("Yes - Mia (Leo at school)") is not
read here: the caller reads it as one answer and says what it could not read. Never
guesses: a child named with no answer of their own, or a name that could be two children,
leaves the whole cell to the caller.

The cell is read clause by clause (split at commas, semicolons, brackets and "but"). In a
clause that opens with an answer, each answer is for the names after it ("Yes Mia no Leo");
in one that opens with names, for the names before it ("Mia yes Leo no"). An answer naming
no one is for the children the cell does not name ("Yes - not Leo": Leo not seen, the
others seen); "only" makes the others the opposite ("Mia only": Mia seen, the others not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import lru_cache

from chronogen.domain.names import NameIndex, fold
from chronogen.model.recorded import Recorded


@dataclass(frozen=True)
class PerChild:
    """What a cell says for each child it names, and for those it does not."""

    #: the answer for each child the cell names
    named: dict[str, Recorded] = field(default_factory=dict)
    #: seen alone (yes or no) for the named children where the cell says it
    alone: dict[str, Recorded] = field(default_factory=dict)
    #: the answer for the children the row concerns that the cell does not name, if it
    #: gives one ("Yes - not Leo", "Both", "Mia only")
    others: Recorded | None = None
    others_alone: Recorded | None = None


class _Kind(Enum):
    NAME = auto()
    ANSWER = auto()
    NOT = auto()
    ALONE = auto()
    NOT_ALONE = auto()
    ONLY = auto()
    EVERYONE = auto()
    NO_ONE = auto()
    BREAK = auto()  # ends a clause
    JOIN = auto()  # means nothing here: "and", "-", "was"
    UNREADABLE = auto()  # a parent's name, or a name two children share


@dataclass(frozen=True)
class _Item:
    kind: _Kind
    value: Recorded | str | None = None


#: answer words and phrases (lower case, words split by single spaces; two-word ones are
#: tried first)
_ANSWERS: dict[str, Recorded] = {
    "not applicable": Recorded.NOT_APPLICABLE, "not known": Recorded.NOT_RECORDED,
    "not recorded": Recorded.NOT_RECORDED, "spoken to": Recorded.YES,
    "yes": Recorded.YES, "y": Recorded.YES, "seen": Recorded.YES, "obtained": Recorded.YES,
    "sighted": Recorded.YES, "observed": Recorded.YES,
    "recorded": Recorded.YES, "sought": Recorded.YES, "no": Recorded.NO, "n": Recorded.NO,
    "declined": Recorded.NO, "refused": Recorded.NO, "na": Recorded.NOT_APPLICABLE,
    "nk": Recorded.NOT_RECORDED, "unknown": Recorded.NOT_RECORDED,
}
_WORDS = {"not": _Kind.NOT, "alone": _Kind.ALONE, "only": _Kind.ONLY, "both": _Kind.EVERYONE,
          "all": _Kind.EVERYONE, "neither": _Kind.NO_ONE}
_JOINING = {"and", "but", "&", "+", "-", "–", "—", ":", "/", "was", "were", "is", "are",
            "child", "children", "the", "of", "them", "also"}
_BREAKS = {",", ";", "(", ")", ".", "!"}
_N_SLASH = re.compile(r"\bn ?/ ?([ak])\b")
#: every word known here that is not a name
_KNOWN = frozenset(word for phrase in _ANSWERS for word in phrase.split()) | set(_WORDS) | \
    _JOINING | {"na", "nk"}
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")
#: no answer cell for several children is longer (the words stay few; the reading cheap)
_LONGEST = 200


def read_per_child(text: str, names: NameIndex, subjects: frozenset[str]) -> PerChild | None:
    """What *text* says for each subject child (see the module), or None when it is not a
    cell of that kind: no child named and no "both" / "neither", no answer at all, or a word
    that is neither a name, an answer nor a joining word."""
    if len(text) > _LONGEST:
        return None
    return _read(text, names, subjects)


@lru_cache(maxsize=4096)
def _read(text: str, names: NameIndex, subjects: frozenset[str]) -> PerChild | None:
    folded = fold(text)
    if "/" in folded:
        folded = _N_SLASH.sub(r"n\1", folded)  # "n/a", "n/k": one word
    items = _items(folded, names, subjects)
    if items is None:
        return None
    kinds = {item.kind for item in items}
    if not kinds & {_Kind.NAME, _Kind.EVERYONE, _Kind.NO_ONE}:
        return None  # "Yes", "Not alone": one answer, read as such
    if not kinds & {_Kind.ANSWER, _Kind.NOT, _Kind.ALONE, _Kind.ONLY, _Kind.EVERYONE,
                    _Kind.NO_ONE}:
        return None  # "Mia, Leo": a list of names, read as such
    return _assign(_clauses(items))


def _items(folded: str, names: NameIndex, subjects: frozenset[str]) -> list[_Item] | None:
    # most cells that name a child are free text ("Mia said she ..."): the first word not
    # known ends the reading, before the rest is split into words (a cell of this kind
    # has a dozen words at most)
    tokens: list[str] = []
    for match in _TOKEN.finditer(folded):
        token = match.group()
        if token[0].isalpha() and token not in _KNOWN and not names.lookup(token) and \
                not (tokens and names.lookup(f"{tokens[-1]} {token}")):
            return None
        tokens.append(token)
    items: list[_Item] = []
    place = 0
    while place < len(tokens):
        found = _answer_at(tokens, place) or _name_at(tokens, place, names, subjects)
        if found is not None:
            item, size = found
            if item.kind is _Kind.UNREADABLE:
                return None
            items.append(item)
            place += size
            continue
        token = tokens[place]
        if token == "not" and tokens[place + 1:place + 2] == ["alone"]:
            items.append(_Item(_Kind.NOT_ALONE))  # of the answer before: "seen but not alone"
            place += 1
        elif token in _WORDS:
            items.append(_Item(_WORDS[token]))
        elif token in _BREAKS:
            items.append(_Item(_Kind.BREAK))
        elif token in _JOINING:
            items.append(_Item(_Kind.JOIN))
        else:
            return None  # a word this reading does not know
        place += 1
    return items


def _answer_at(tokens: list[str], place: int) -> tuple[_Item, int] | None:
    for size in (2, 1):
        phrase = " ".join(tokens[place:place + size])
        if len(tokens) - place >= size and phrase in _ANSWERS:
            return _Item(_Kind.ANSWER, _ANSWERS[phrase]), size
    return None


def _name_at(tokens: list[str], place: int, names: NameIndex, subjects: frozenset[str]
             ) -> tuple[_Item, int] | None:
    """The subject child named at *place* (by one word or two) and how many words name
    them; an item of no kind for a name that is not one subject child (a parent, or a name
    two children share): the cell is then not read here."""
    for size in (2, 1):
        words = tokens[place:place + size]
        if len(words) < size or not all(word[0].isalnum() for word in words):
            continue
        ids = names.lookup(" ".join(words))
        if ids:
            one = len(ids) == 1 and ids <= subjects
            return _Item(_Kind.NAME if one else _Kind.UNREADABLE, next(iter(ids))), size
    return None


def _clauses(items: list[_Item]) -> list[list[_Item]]:
    clauses: list[list[_Item]] = [[]]
    for item in items:
        if item.kind is _Kind.BREAK:
            clauses.append([])
        elif item.kind is not _Kind.JOIN:
            clauses[-1].append(item)
    return [clause for clause in clauses if clause]


@dataclass
class _Said:
    """One answer and the names it is for."""

    value: Recorded | None = None
    alone: Recorded | None = None
    names: list[str] = field(default_factory=list)
    only: bool = False
    everyone: Recorded | None = None  # "both", "neither"


def _assign(clauses: list[list[_Item]]) -> PerChild | None:
    said: list[_Said] = []
    for clause in clauses:
        parts = _clause(clause)
        if parts is None:
            return None
        said.extend(parts)
    # a clause naming children with no answer takes the answer of the clause before it
    # when that one named no one ("Yes, Mia and Leo"); otherwise the cell is not read here
    for position, part in enumerate(said):
        if part.value is None and part.everyone is None:
            before = said[position - 1] if position else None
            if before is None or before.names or before.value is None:
                return None
            part.value, part.alone, before.value = before.value, before.alone, None
    named: dict[str, Recorded] = {}
    alone: dict[str, Recorded] = {}
    others: Recorded | None = None
    others_alone: Recorded | None = None
    for part in said:
        if part.everyone is not None:
            others = part.everyone
            others_alone = part.alone
        if part.value is None:
            continue
        if not part.names:
            others, others_alone = part.value, part.alone
            continue
        for child in part.names:
            if named.get(child, part.value) is not part.value:
                return None  # one child given two answers
            named[child] = part.value
            if part.alone is not None:
                alone[child] = part.alone
        if part.only and part.value is Recorded.YES:
            others = Recorded.NO
    return PerChild(named, alone, others, others_alone)


def _clause(clause: list[_Item]) -> list[_Said] | None:
    """The answers of one clause and the names each is for (see the module)."""
    kinds = [item.kind for item in clause]
    opens_with_answer = kinds[0] is not _Kind.NAME
    said: list[_Said] = []
    current = _Said()
    negate = False
    for item in clause:
        if item.kind is _Kind.NAME:
            assert isinstance(item.value, str)
            if negate:  # "not Leo": no for Leo, whichever way the clause runs
                if current.names and current.value is None:
                    return None  # "Mia not Leo seen"
                if current.names or current.value is not None:
                    said.append(current)
                current, negate = _Said(value=Recorded.NO), False
            elif not opens_with_answer and current.value is not None:
                if not current.names:
                    return None  # "Mia seen / Yes - Leo": names first, then answer first
                said.append(current)  # "Mia yes Leo no": Leo starts the next answer
                current = _Said()
            current.names.append(item.value)
        elif item.kind is _Kind.ANSWER:
            assert isinstance(item.value, Recorded)
            value = _negated(item.value) if negate else item.value
            negate = False
            if current.value is not None or (opens_with_answer and current.names):
                said.append(current)  # "Yes Mia no Leo": "no" starts the next answer
                current = _Said()
            current.value = value
        elif item.kind is _Kind.NOT:
            if negate:
                return None
            negate = True
            if opens_with_answer and (current.names or current.value is not None):
                said.append(current)
                current = _Said()
        elif item.kind is _Kind.NOT_ALONE:
            current.alone = Recorded.NO
            if current.value is None:
                current.value = Recorded.YES  # "not alone": seen, not alone
        elif item.kind is _Kind.ALONE:
            # "not seen alone": not seen, so not alone either
            current.alone = Recorded.NO if current.value is Recorded.NO else Recorded.YES
            if current.value is None:
                current.value = Recorded.YES  # "Mia alone": seen alone
        elif item.kind is _Kind.ONLY:
            current.only = True
            if current.value is None:
                current.value = Recorded.YES
        elif item.kind in (_Kind.EVERYONE, _Kind.NO_ONE):
            current.everyone = Recorded.YES if item.kind is _Kind.EVERYONE else Recorded.NO
    if negate:
        if current.value is not None and (current.names or not said):
            return None
        current.value = Recorded.NO  # "Leo not"
    said.append(current)
    if any(part.value is not None and not part.names and part.everyone is None
           for part in said[1:]):
        # only a clause's first answer may name no one ("Yes - not Leo"): in "Yes - Mia /
        # Leo not seen", is "not seen" Leo's, or the other children's?
        return None
    for part in said:
        if part.everyone is not None and part.value is not None:
            # "both seen", "neither seen", "both not seen"
            part.everyone = part.value if part.everyone is Recorded.YES else \
                _negated(part.value)
            part.value = None if not part.names else part.value
    return said


def _negated(value: Recorded) -> Recorded:
    return {Recorded.YES: Recorded.NO, Recorded.NO: Recorded.YES}.get(value, value)

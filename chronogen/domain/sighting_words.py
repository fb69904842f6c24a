"""Whether a record's own words say a child was seen: "Mia seen and spoken to alone", "SW saw
both children", "Children seen: yes".

Never a sighting itself. A record's prose has tenses, plans and other people's sightings
("to be seen", "last seen in May", "Mum said Mia was seen by the GP"), and a sighting read
wrongly from it would hide a period in which no one saw the child, the gap a review most
needs to see. The flag rules use it to point a reviewer at records whose seen column is
blank but whose words speak of a sighting, so that the record can be read and the column
filled at its source.

Read narrowly: a child's name (or "the children", "baby", "both" ...) next to *seen*,
*sighted*, *observed*, or *saw* / *seen* / *observed* before the name; in a clause (ended
by . ; ! ? a comma, a line break, "but", "however" ...) holding no negation ("not", "no",
"unable" ...), nothing planned or wished ("to be", "will", "asked", "if" ...), no other time
("last", "previously", "yesterday", "ago", "on 12/03" ...) and nothing reported ("said",
"told", "according to" ...). A name followed by a question mark is a question; by ": no" an
answer of no.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from chronogen.domain.text_search import literal_alternation
from chronogen.memo import Memo
from chronogen.model.family import Person

#: words standing for the one child a record concerns ("baby seen" in a record about two
#: children says neither which), and for every child it concerns
_ONE = frozenset({"child", "baby", "infant", "young person", "yp"})
_EVERY = frozenset({"children", "babies", "siblings", "kids", "twins", "both",
                    "young people", "cyp"})
_GENERIC = _ONE | _EVERY
#: what may stand between the children and the verb ("Mia was seen", "both children were
#: also seen")
_FILLER = r"(?:(?:was|were|has|have|had|been|also|all|both|then|briefly|and)\s+){0,3}"
#: what may stand before the children after the verb ("saw both the children")
_BEFORE_NAMES = r"(?:(?:both|all|the|of|three|two|four|five)\s+){0,2}"
_BREAK = re.compile(r"[.;!?,\n()]|\b(?:but|however|although|though|whereas|while)\b")
#: a clause's words that make its sighting no sighting of the record's own day: said not
#: to be, planned or wished, at another time, or someone's report of it
_NOT_SO_WORDS = (
    "not", "never", "no", "nobody", "none", "unable", "without", "neither", "nor", "refused",
    "declined", "prevented", "cannot", "can't", "couldn't", "wasn't", "weren't", "hasn't",
    "haven't", "didn't", "won't",
    "to be", "will", "would", "should", "shall", "must", "might", "may", "need", "needs",
    "needed", "plan", "plans", "planned", "arrange", "arranged", "arranges", "arranging",
    "request", "requests", "requested", "ask", "asks", "asked", "want", "wants", "wanted",
    "due", "going", "hope", "hoped", "hopes", "expect", "expects", "expected", "if", "when",
    "unless", "until", "next", "yet", "await", "awaits", "awaited", "awaiting", "booked",
    "offered", "invited", "try", "tried", "attempt", "attempts", "attempted",
    "last", "previously", "yesterday", "ago", "earlier", "recently", "before", "prior",
    "since",
    "said", "says", "reported", "reports", "told", "states", "stated", "according",
    "advised", "claim", "claims", "claimed")
_NOT_SO = re.compile(r"\b(?:" + literal_alternation(_NOT_SO_WORDS) + r"|on \d+)\b")
_VERB = re.compile(r"\b(?:seen|sighted|observed|saw)\b")
#: how far from a verb its children and the words about it are looked for
_REACH = 80
#: the most records' answers kept (a long case's free texts are nearly all different)
_KEPT = 50_000
#: a question mark, or an answer after the words ("Mia seen? Yes", "Child seen: no")
_ANSWER = re.compile(r"\s*([?:\-–]+)\s*(?:(yes|y|no|n|not)\b)?")


class SightingWords:
    """Which subject children a record's words say were seen (see the module)."""

    def __init__(self, children: Iterable[Person]) -> None:
        #: each way the records may name a subject child, folded -> the child's id
        self._ids: dict[str, set[str]] = {}
        for child in children:
            for name in (child.first_name, child.known_as, *child.aliases,
                         " ".join(p for p in (child.first_name, child.surname) if p)):
                if name and name.strip():
                    self._ids.setdefault(_folded(name), set()).add(child.id)
        words = [*self._ids, *_GENERIC]
        who = r"(?:the\s+)?(?:" + literal_alternation(words) + r")\b(?!['’]s)"
        listed = who + r"(?:\s*(?:,|&|\+|and)\s*" + who + r")*"
        #: the children just before a verb ("Mia and Leo were seen"), and just after one
        #: ("saw both children")
        self._before = re.compile(r"\b(?P<who>" + listed + r")\s+" + _FILLER + r"$")
        self._after = re.compile(r"\s+" + _BEFORE_NAMES + r"(?P<who>" + listed + r")")
        self._word = re.compile(r"\b(?:" + literal_alternation(words) + r")\b")
        self._known: Memo[tuple[str, tuple[str, ...]], tuple[str, ...]] = Memo(_KEPT)

    def seen_in(self, text: str | None, concerned: Collection[str]) -> tuple[str, ...]:
        """The children *text* says were seen, by id: a child named; every child of
        *concerned* (the children the record is about) for "the children", "both"; the one
        child of *concerned* for "the child", "baby" (none when it holds more)."""
        if not text:
            return ()
        key = (text, tuple(concerned))
        known = self._known.get(key)
        if known is None:  # a system's stock phrase ("Child seen") is read once
            known = self._known.keep(key, self._read(_folded(text), concerned))
        return known

    def _read(self, lowered: str, concerned: Collection[str]) -> tuple[str, ...]:
        if not ("seen" in lowered or "saw" in lowered or "sighted" in lowered
                or "observed" in lowered):
            return ()
        found: set[str] = set()
        # from each verb (a few in a record), not a pattern of every name tried at each word
        for verb in _VERB.finditer(lowered):
            head_start = max(0, verb.start() - _REACH)
            before = None if verb.group() == "saw" else \
                self._before.search(lowered, head_start, verb.start())
            if before is not None and self._said_so(lowered, before.start(), verb.end()):
                self._take(before.group("who"), concerned, found)
            after = self._after.match(lowered, verb.end())
            if after is not None and self._said_so(lowered, verb.start(), after.end()):
                self._take(after.group("who"), concerned, found)
        return tuple(sorted(found))

    def _take(self, named: str, concerned: Collection[str], found: set[str]) -> None:
        for word in self._word.findall(named):
            if word in _EVERY or (word in _ONE and len(concerned) == 1):
                found.update(concerned)
            else:
                found |= self._ids.get(word, set())

    def _said_so(self, lowered: str, start: int, end: int) -> bool:
        """Whether the sighting at ``lowered[start:end]`` is said as one of the record's
        own day (see the module)."""
        breaks = list(_BREAK.finditer(lowered, max(0, start - _REACH), start))
        before = lowered[breaks[-1].end() if breaks else max(0, start - _REACH):start]
        following = _BREAK.search(lowered, end, end + _REACH)
        after = lowered[end:following.start() if following else end + _REACH]
        if _NOT_SO.search(before) or _NOT_SO.search(lowered, start, end) or \
                _NOT_SO.search(after):
            return False
        answer = _ANSWER.match(lowered, end)
        if answer is not None and answer.group(2) is not None:
            return answer.group(2) in ("yes", "y")  # "Mia seen? Yes", "Child seen: no"
        return answer is None or "?" not in answer.group(1)  # "Mia seen?" asks


def _folded(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())

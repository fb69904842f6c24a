"""Whether a record's own words say a child was seen ("Mia seen and spoken to alone", "SW saw
both children") or gave their views ("Ava told teacher parents had a big fight", "Mia's
views: wants to stay at home").

Never a sighting or a view itself. A record's prose has tenses, plans and other people's
words ("to be seen", "last seen in May", "Mum said Mia wants to go home"), and a sighting
read wrongly from it would hide a period in which no one saw the child, the gap a review most
needs to see. The flag rules use these readings to point a reviewer at records whose seen
or views column says nothing but whose words speak of a sighting or of the child's own
words, so that the record can be read and the column filled at its source.

Read narrowly. A child's name (or "the children", "both"; "the child", "baby" only in a
record about one child) next to a verb: *seen*, *sighted*, *observed* after the name or
before it, *saw* before it; *said*, *told*, *disclosed*, *wants* ... after the name, *spoke
to*, *asked* ... before it; or a label, "Mia's views:". In a clause (ended by . ; ! ? a
comma, a line break, "but", "however" ...) holding no negation ("not", "no", "unable" ...)
and nothing planned ("to be", "will", "if" ...) or reported by someone else ("Mum said",
"according to"); a sighting also at no other time ("last", "previously", "on 12/03" ...).
A name followed by a question mark is a question, by ": no" an answer of no. An aside after
the name is read past ("Mia (6) seen", "Mia, when asked, said"), a state before the words too
("Mia was upset and said"); a parent and child watched together ("observed interaction
between mum and Leo") is a sighting of the child; many days ("twice this month", "weekly")
are another time.
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
#: what may stand before the children after the verb ("saw both the children")
_BEFORE_NAMES = r"(?:(?:both|all|the|of|three|two|four|five)\s+){0,2}"
_BREAK = re.compile(r"[.;!?,\n()]|\b(?:but|however|although|though|whereas|while)\b")
#: said not to be so
_NEGATION = (
    "not", "never", "no", "nobody", "none", "unable", "without", "neither", "nor", "refused",
    "declined", "prevented", "cannot", "can't", "couldn't", "wasn't", "weren't", "hasn't",
    "haven't", "didn't", "won't", "wouldn't", "doesn't", "don't")
#: planned, wished or asked for, not done
_PLANNED = (
    "to be", "will", "would", "should", "shall", "must", "might", "may", "need", "needs",
    "needed", "plan", "plans", "planned", "arrange", "arranged", "arranges", "arranging",
    "request", "requests", "requested", "due", "going", "hope", "hoped", "hopes", "expect",
    "expects", "expected", "if", "when", "unless", "until", "next", "yet", "await",
    "awaits", "awaited", "awaiting", "booked", "offered", "invited", "try", "tried",
    "attempt", "attempts", "attempted")
#: the verbs a child's own words or wishes follow ("Mia said", "Leo would like"): read in a
#: record's summary here and in a views cell's words
#: (:mod:`chronogen.read.returns.views_text`)
CHILD_SPEAKS = ("said", "says", "told", "tells", "stated", "states", "explained", "explains",
                "shared", "shares", "expressed", "expresses", "described", "describes",
                "reported", "reports", "wants", "wanted", "wishes", "wished", "would like")
#: someone else's report
_REPORTED = ("said", "says", "reported", "reports", "told", "states", "stated", "according",
             "advised", "claim", "claims", "claimed")
#: another day than the record's, or many days ("seen in A&E twice this month")
_ELSEWHEN = ("last", "previously", "yesterday", "ago", "earlier", "recently", "before",
             "prior", "since", "twice", "times", "occasions", "weekly", "daily", "regularly",
             "usually", "often", "this week", "this month", "this year")
_SENTENCE = re.compile(r"[.;!?\n]")
#: how far from a verb its children and the words about it are looked for
_REACH = 80
#: the most records' answers kept (a long case's free texts are nearly all different)
_KEPT = 50_000
#: a question mark, or an answer after the words ("Mia seen? Yes", "Child seen: no")
_ANSWER = re.compile(r"\s*([?:\-–]+)\s*(?:(yes|y|no|n|not)\b)?")
#: an aside after a child's name, read as if not there: an age ("Mia (6) seen", "Mia, aged
#: 6, said"), "when asked" ("Mia, when asked, said"); "Mia, when seen, appeared" is "Mia seen"
#: (each run of spaces taken whole, possessively, and none before the opening bracket: a
#: pattern opening with spaces tried from each of a long run's took its square)
_ASIDE = re.compile(
    r"\((?:aged\s++)?\d{1,2}\s*+(?:y|yrs?|years?|m|months?)?(?:\s*+old)?\)"
    r"|,\s*+(?:aged\s++\d{1,2}\s*+(?:yrs?|years?|months?)?(?:\s*+old)?|when asked"
    r"|when spoken to(?:\s++alone)?)\s*+,")
_WHEN_SEEN = re.compile(r",\s*+when seen\s*+,")


def _words(*groups: Iterable[str], dates: bool = False) -> re.Pattern[str]:
    extra = r"|on \d+" if dates else ""
    return re.compile(r"\b(?:" + literal_alternation(
        [word for group in groups for word in group]) + extra + r")\b")


#: someone else's report, anywhere in the sentence before the child's name
_REPORTED_BY = _words(_REPORTED)


class _ChildWords:
    """What a record's words say the children did; a reading's verbs and the words that
    undo them are its class's (see the module)."""

    #: verbs the children stand before ("Mia seen"), and after ("saw Mia")
    after_children: tuple[str, ...] = ()
    before_children: tuple[str, ...] = ()
    #: what may stand between the children and a verb after them ("Mia was seen")
    filler = r""
    #: words one of which a text must hold to be read at all (none: every text is read)
    quick: tuple[str, ...] = ()
    #: the words that undo it in the clause before, in the clause after (None: none after)
    not_before: re.Pattern[str]
    not_after: re.Pattern[str] | None = None

    def __init__(self, children: Iterable[Person]) -> None:
        #: each way the records may name a subject child, folded -> the child's id
        self._ids: dict[str, set[str]] = {}
        for child in children:
            for name in (child.first_name, child.known_as, *child.aliases,
                         " ".join(p for p in (child.first_name, child.surname) if p)):
                if name and name.strip():
                    self._ids.setdefault(_folded(name), set()).add(child.id)
        words = [*self._ids, *_GENERIC]
        self._names = literal_alternation(words)
        who = r"(?:the\s+)?(?:" + self._names + r")\b(?!['’]s)"
        listed = who + r"(?:\s*(?:,|&|\+|and)\s*" + who + r")*"
        self._listed = listed
        #: the children just before a verb ("Mia and Leo were seen"), and just after one
        #: ("saw both children")
        self._before = re.compile(r"\b(?P<who>" + listed + r")\s+" + self.filler + r"$")
        self._after = re.compile(r"\s+" + _BEFORE_NAMES + r"(?P<who>" + listed + r")")
        self._word = re.compile(r"\b(?:" + self._names + r")\b")
        self._verb = re.compile(r"\b(?:" + literal_alternation(
            {*self.after_children, *self.before_children}) + r")\b")
        self._after_children = frozenset(self.after_children)
        self._before_children = frozenset(self.before_children)
        self._known: Memo[tuple[str, tuple[str, ...]], tuple[str, ...]] = Memo(_KEPT)

    def found_in(self, text: str | None, concerned: Collection[str]) -> tuple[str, ...]:
        """The children *text* says this of, by id: a child named; every child of
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
        if self.quick and not any(word in lowered for word in self.quick):
            return ()
        if "(" in lowered or ", " in lowered:
            lowered = _WHEN_SEEN.sub(" seen,", _ASIDE.sub("", lowered))
        found: set[str] = set()
        # from each verb (a few in a record), not a pattern of every name tried at each word
        for verb in self._verb.finditer(lowered):
            word = verb.group()
            if word in self._after_children:
                before = self._before.search(lowered, max(0, verb.start() - _REACH),
                                             verb.start())
                if before is not None and self._said_so(lowered, before.start(),
                                                        verb.start(), verb.end()):
                    self._take(before.group("who"), concerned, found)
            if word in self._before_children:
                after = self._after.match(lowered, verb.end())
                if after is not None and self._said_so(lowered, verb.start(), verb.end(),
                                                       after.end()):
                    self._take(after.group("who"), concerned, found)
        self._more(lowered, concerned, found)
        return tuple(sorted(found))

    def _more(self, lowered: str, concerned: Collection[str], found: set[str]) -> None:
        """Another form a reading knows ("Mia's views: ..."); none here."""

    def _take(self, named: str, concerned: Collection[str], found: set[str]) -> None:
        for word in self._word.findall(named):
            if word in _EVERY or (word in _ONE and len(concerned) == 1):
                found.update(concerned)
            else:
                found |= self._ids.get(word, set())

    def _undone_before(self, lowered: str, start: int, inner: int) -> bool:
        """Whether the clause before *start*, or the words from *start* to *inner*, undo
        what follows (see the module)."""
        reach = max(0, start - _REACH)
        breaks = list(_BREAK.finditer(lowered, reach, start))
        before = lowered[breaks[-1].end() if breaks else reach:start]
        if self.not_before.search(before) or self.not_before.search(lowered, start, inner):
            return True
        # someone else's report reaches past a comma: "According to mum, Leo said he fell"
        sentences = list(_SENTENCE.finditer(lowered, reach, start))
        return _REPORTED_BY.search(lowered, sentences[-1].end() if sentences else reach,
                                   start) is not None

    def _said_so(self, lowered: str, start: int, inner: int, end: int) -> bool:
        """Whether what stands at ``lowered[start:end]`` is said as done (see the module):
        nothing before it undoes it (:meth:`_undone_before`), nor (where the reading looks
        there) the clause after *end*, and no question or answer of no follows it."""
        if self._undone_before(lowered, start, inner):
            return False
        if self.not_after is not None:
            following = _BREAK.search(lowered, end, end + _REACH)
            after = lowered[end:following.start() if following else end + _REACH]
            if self.not_after.search(after):
                return False
        answer = _ANSWER.match(lowered, end)
        if answer is not None and answer.group(2) is not None:
            return answer.group(2) in ("yes", "y")  # "Mia seen? Yes", "Child seen: no"
        return answer is None or "?" not in answer.group(1)  # "Mia seen?" asks


class SightingWords(_ChildWords):
    """Which children a record's words say were seen (see the module)."""

    after_children = ("seen", "sighted", "observed")
    before_children = ("seen", "sighted", "observed", "saw")
    filler = r"(?:(?:was|were|has|have|had|been|also|all|both|then|briefly|and)\s+){0,3}"
    quick = ("seen", "saw", "sighted", "observed")
    not_before = _words(_NEGATION, _PLANNED, _ELSEWHEN, _REPORTED,
                        ("ask", "asks", "asked", "want", "wants", "wanted"), dates=True)
    # after the verb only another day undoes it ("seen last week"); a negation there is of
    # something else ("Mia seen at nursery - no concerns"), an answer is read on its own
    not_after = _words(_ELSEWHEN, dates=True)

    def __init__(self, children: Iterable[Person]) -> None:
        super().__init__(children)
        #: a parent and child watched together: "observed interaction between mum and Leo"
        self._watched = re.compile(
            r"\bobserved\s+(?:[a-z]+\s+){0,2}?(?:interactions?|play|attachment|relationship|"
            r"bond)\s+(?:between|with)\s+(?P<who>[^.;!?\n,()]{1,60})")

    def _more(self, lowered: str, concerned: Collection[str], found: set[str]) -> None:
        if "observed" not in lowered:
            return
        for watched in self._watched.finditer(lowered):
            if not self._undone_before(lowered, watched.start(), watched.start("who")) \
                    and not (self.not_after and self.not_after.search(watched.group("who"))):
                self._take(" ".join(self._word.findall(watched.group("who"))), concerned,
                           found)


class ViewsWords(_ChildWords):
    """Which children a record's words say spoke for themselves: their words, wishes or
    account, or their views sought ("Mia said", "spoke to Mia alone", "Mia's views: ...")."""

    after_children = (
        *CHILD_SPEAKS, "disclosed", "discloses",
        "asked", "asks", "mentioned", "commented", "indicated", "replied", "answered",
        "talked", "spoke", "confirmed", "denied", "voiced", "drew", "wrote",
        # after "able to": "Mia was able to say ..."
        "say", "tell", "share", "express", "explain", "describe", "talk",
        # the child sought: "Mia was asked", "the children were spoken to alone"
        "was asked", "were asked", "was spoken to", "were spoken to", "was spoken with",
        "were spoken with")
    before_children = ("spoke to", "spoke with", "spoken to", "spoken with", "talked to",
                       "talked with", "asked", "listened to", "views of", "wishes of",
                       "voice of")
    # not "was" alone: "Mia was told", "Mia was reported missing" are not her words
    filler = (r"(?:(?:has|have|had|also|then|later|clearly|spontaneously|openly|freely|"
              r"happily|and|both|was able to|were able to|"
              # a state, then her words: "Mia was upset and said", "Leo became quiet and told"
              r"(?:was|were|became|seemed|appeared|looked|got)\s+[a-z]+\s+and)\s+){0,3}")
    # someone else's report before the child's words; a plan; a negation
    not_before = _words(_NEGATION, _PLANNED, _REPORTED)

    def __init__(self, children: Iterable[Person]) -> None:
        super().__init__(children)
        #: "Mia's views: wants to stay at home", "Child's wishes - ..."
        self._label = re.compile(
            r"\b(?P<who>(?:the\s+)?(?:" + self._names + r"))['’]s\s+(?:views|wishes"
            r"(?: and feelings)?|voice|words|account)\b\s*[:\-–]?\s*(?P<said>[^.;\n]*)")

    def _more(self, lowered: str, concerned: Collection[str], found: set[str]) -> None:
        if "'s " not in lowered:
            return
        for label in self._label.finditer(lowered):
            said = label.group("said").strip()
            if said and not _NO_VIEWS.match(said) and \
                    not self._undone_before(lowered, label.start(), label.start()):
                self._take(label.group("who"), concerned, found)


#: a label's answer that records no views ("Mia's views: not obtained", "n/a", "too young")
_NO_VIEWS = re.compile(r"(?:not|no|none|nil|n/?a|unable|too young|unknown|to be|"
                       r"will|declined|refused)\b")


def record_words(summary: str | None, outcome: str | None) -> str | None:
    """A record's own words, as these readings read them: its summary and outcome."""
    return f"{summary}\n{outcome}" if summary and outcome else summary or outcome


def _folded(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())

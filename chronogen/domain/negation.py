"""Whether words found in a record are said not to be so: "No DV concerns", "Denies drug
use", "Alcohol: none", "DV not disclosed".

After NegEx (Chapman et al., 2001), kept small: a word that negates (*no*, *denies*,
*without*, *nil*, *negative for* ...) a few words before the finding, in the same clause,
or one (*not disclosed*, *none*, *ruled out* ...) straight after it. "Not" negates only the
word or two after it ("not drunk"; in "not coping with low mood" the low mood is recorded).
Phrases that hold a negating word but negate nothing ("no further action", "no longer")
are passed over. Who the finding is of takes none of the reach ("No evidence of mum using
drugs" records nothing). A clause ends at . ; ! ? a comma, a line break, "but", "however",
"although", and at "and" before someone said to do something, when "and" does not join two
people ("No DV and mum drunk" records the drink); except that a negation reaches along a
list of things ("No DV, drugs or alcohol", "Denies alcohol, drugs", "No concerns re DV /
alcohol", "No evidence of DV or alcohol misuse"): commas, slashes and "or" after it pass
where each item is a few words, the finding begins an item (after the comma, or an "or" /
"and" / "nor"), and nothing follows it but more of the list or a word such as "concerns"
("No DV concerns, mum drunk on arrival" and "No DV, alcohol a concern" record the drink and
the alcohol). Each test reads a few dozen characters round the finding, never the whole
text.
"""

from __future__ import annotations

import re

#: negating words, and how many words before the finding each reaches
_BEFORE = re.compile(r"\b(?:no|nil|never|without|den(?:y|ies|ied|ying)|negative for"
                     r"|absence of|ruled out|free (?:of|from))\b")
_NOT = re.compile(r"\bnot\b")
_REACH, _NOT_REACH = 4, 2
#: phrases holding a negating word that negate nothing
_PASSED_OVER = re.compile(r"\b(?:no further|no longer|not only|no change|no action|no one"
                          r"|nobody)\b")
#: negating words straight after the finding (within three words), at the clause's start
#: only (from each character of a long word or run of marks, a search read it again)
_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:not (?:disclosed|reported|present|suspected|"
                    r"an issue|a concern|known|agreed|approved|appropriate|supported)"
                    r"|denied|ruled out|none|nil|negative|considered|rejected)\b")
#: "Alcohol: no", "DV - none": the clause ends with the answer
_ANSWERED_NO = re.compile(r"^\s*[:\-–]\s*(?:no|none|nil|n|negative)\s*$")
_CLAUSE_BREAK = re.compile(r"[.;!?,\n]|\b(?:but|however|although)\b")
_LOOK = 60
#: what ends a clause, a comma apart (a list's items are separated by commas)
_LIST_BREAK = re.compile(r"[.;!?\n]|\b(?:but|however|although)\b")
_JOINING = frozenset({"or", "and", "nor"})
#: what separates a list's items: a comma, a slash, "or", "nor" ("and" may join two clauses:
#: "no food and dad drunk")
_ITEM_BREAK = re.compile(r",|/|\bor\b|\bnor\b")
#: the most words in a list's item, the negating word's item apart
_ITEM_WORDS = 3
#: what may follow a listed finding: more of the list, or one or two of these words
_AFTER_LISTED = re.compile(r"^\w*\s*(?:(?:concerns?|issues?|use|misuse|problems?|noted"
                           r"|reported|identified|disclosed)\b\s*){0,2}(?:$|,|(?:or|and|nor)\b)")


#: "and" before someone who begins a clause of their own: "No DV and mum drunk" (but not
#: "No concerns about mum and dad drinking", where "and" joins two people: group 1 is the
#: word before "and")
_PEOPLE = (r"mum|mother|dad|father|parents?|partner|carers?|he|she|they|boyfriend|girlfriend"
           r"|step(?:mum|dad|mother|father)|grand(?:mother|father|ma|pa)|nan|uncle|aunt")
_NEW_SUBJECT = re.compile(r"(?<!\S)(\S+)\s+and\s+(?=(?:" + _PEOPLE + r")\b)")
_PERSON = re.compile(r"(?<!\w)(?:" + _PEOPLE + r"|\w+'s)\W*$")
#: who a finding is of, just before it ("of mum using", "about mum and dad being"): passed
#: over in counting a negation's reach (group 1: the people and what follows them)
_WHOSE = re.compile(r"\b(?:of|about|re|regarding)\s+((?:" + _PEOPLE + r")(?:'s)?(?:\s+(?:and|or|&)"
                    r"\s+(?:" + _PEOPLE + r")(?:'s)?)*(?:\s+(?:being|using|taking|having))?)\s*$")


def negated(text: str, start: int, end: int) -> bool:
    """Whether what lies at ``text[start:end]`` is said not to be so (see the module)."""
    lowered_before = text[max(0, start - _LOOK):start].lower()
    breaks = list(_CLAUSE_BREAK.finditer(lowered_before))
    before = lowered_before[breaks[-1].end():] if breaks else lowered_before
    subjects = [found for found in _NEW_SUBJECT.finditer(before)
                if not _PERSON.match(found.group(1))]
    if subjects:  # the finding's own clause begins with its subject
        before = before[subjects[-1].end():]
    before = _PASSED_OVER.sub(" ", before)
    # whose finding it is takes no reach: "No evidence of mum using drugs", "No signs of mum
    # and dad being drunk" say no more than "No evidence of drugs"
    whose = _WHOSE.search(before)
    if whose is not None:
        before = before[:whose.start(1)]
    words = before.split()
    if _reaches(_BEFORE, " ".join(words[-_REACH:])) or \
            _reaches(_NOT, " ".join(words[-_NOT_REACH:])):
        return True
    after = text[end:end + _LOOK].lower()
    stop = _CLAUSE_BREAK.search(after)
    clause = after[:stop.start()] if stop is not None else after
    return bool(_AFTER.match(clause) or _ANSWERED_NO.match(clause)) or \
        _listed_after_negation(lowered_before, after)


def _reaches(trigger: re.Pattern[str], window: str) -> bool:
    """Whether a negating word in *window* (the words just before the finding) reaches the
    finding: across a "/" or an "or" only where the finding begins its item ("No DV or drug
    use"; not "No DV or mum drunk")."""
    found = max(trigger.finditer(window), key=lambda match: match.start(), default=None)
    if found is None:
        return False
    items = _ITEM_BREAK.split(window[found.end():])
    own = items[-1].split()
    return len(items) == 1 or not own or own[-1] in _JOINING


def _listed_after_negation(before: str, after: str) -> bool:
    """Whether the finding between *before* and *after* (lower case) is an item of a list
    a negation runs along ("No DV, drugs or alcohol"; see the module)."""
    breaks = list(_LIST_BREAK.finditer(before))
    items = _ITEM_BREAK.split(before[breaks[-1].end():] if breaks else before)
    own = items.pop().split()
    if not items or (own and (len(own) > _ITEM_WORDS or own[-1] not in _JOINING)):
        return False  # no comma, or the finding does not begin an item ("mum drinking")
    stop = _LIST_BREAK.search(after)
    if not _AFTER_LISTED.match(after[:stop.start()] if stop is not None else after):
        return False  # "No DV, alcohol a concern"
    for item in reversed(items):
        words = _PASSED_OVER.sub(" ", item).split()
        # the negating word's reach, from the end of the item it stands in, is that item's
        # words: "No concerns re domestic abuse, substance misuse or ..."
        if _BEFORE.search(" ".join(words[-_REACH - 2:])):
            return True
        if not words or len(words) > _ITEM_WORDS:
            return False
    return False

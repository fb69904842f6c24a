"""A views cell in the agency's own words: whether it records each child's views.

"Mia said she likes school" records Mia's views; "Asleep", "Too young", "Declined to talk",
"Views not sought", "Leo - no views" record none, though each is words in the views cell
(read as views recorded before, they hid the very gap the flag looks for). The cell is read
clause by clause (split at . ; , ! ? and "but"): a clause that reports the child's words
("said", "told", "wants", a quotation) records views; one that says none were given
(not obtained, declined, asleep, at school ...) records none (*no*); one that says none
could be (too young, pre-verbal, a baby) is *not applicable*; any other words are the
child's (views recorded). A clause naming no child is about the children named just before
it, or, opening the cell, about every child the row concerns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from chronogen.domain.child_words import CHILD_SPEAKS
from chronogen.model.recorded import Recorded

_NOT_GIVEN = re.compile(
    r"\b(?:no views|not (?:obtained|sought|asked|gained|gathered|given|possible|able|spoken"
    r"|seen|present|available|ascertained|captured)|unable|declined|refused|did ?n[o']t "
    r"(?:want|wish|speak|talk|engage|answer|respond|say)|would ?n[o']t|won't|asleep|sleeping"
    r"|absent|no opportunity|could ?n[o']t|none (?:given|expressed|obtained))\b"
    # away, where the clause says only that ("Leo at school", not "happy at school")
    r"|^\W*(?:(?-i:[A-Z][a-z]+)\W+){0,2}(?:was |is )?(?:at|in) (?:school|nursery)\b",
    re.IGNORECASE)
_NOT_POSSIBLE = re.compile(r"\b(?:too young|pre-?verbal|non-?verbal|baby|infant|new-?born"
                           r"|not applicable)\b", re.IGNORECASE)
#: the child's words: the verbs they follow, or a quotation; in a views cell, a feeling is the
#: child's too ("likes", "scared")
_SPOKEN = re.compile(
    r"\b(?:" + "|".join(CHILD_SPEAKS) + r"|likes|liked|dislikes|feels|felt|thinks|thought"
    r"|asked for|enjoys|loves|hates|worried|scared|frightened)\b|[\"“”]", re.IGNORECASE)
_CLAUSE = re.compile(r"[.;,!?\n]|\bbut\b", re.IGNORECASE)
#: a views cell longer than this is read as the child's words, as before (a cue word in a
#: long account is as likely the child's own)
_LONGEST = 400


def views_in_words(text: str, find: Callable[[str], list[str]]
                   ) -> tuple[dict[str, Recorded], Recorded | None]:
    """Each named child's views as *text* records them, and those of the children it does
    not name (None where it says nothing of them). *find* gives the subject children a
    piece of text names."""
    if len(text) > _LONGEST:  # the child's words, for the children it names (or every one)
        everyone = find(text)
        return dict.fromkeys(everyone, Recorded.YES), None if everyone else Recorded.YES
    named: dict[str, list[_Verdict]] = {}
    others: list[_Verdict] = []
    current: list[str] | None = None  # the children the clause before named
    for clause in _CLAUSE.split(text):
        if not clause.strip():
            continue
        children: list[str] | None = find(clause) or current
        said = _verdict(clause)
        if children is None:
            others.append(said)
            continue
        for child in children:
            named.setdefault(child, []).append(said)
        current = children
    return ({child: _strongest(values) for child, values in named.items()},
            _strongest(others) if others else None)


#: a clause with no cue either way: words about the child, taken for theirs unless another
#: clause about them says none were given ("Mia shy, would not engage")
_UNCUED = "uncued"
_Verdict = Recorded | str


def _verdict(clause: str) -> _Verdict:
    spoken = _SPOKEN.search(clause)
    refusal = _NOT_GIVEN.search(clause)
    impossible = _NOT_POSSIBLE.search(clause)
    first_cue = min((m.start() for m in (refusal, impossible) if m is not None), default=None)
    if first_cue is None:
        return Recorded.YES if spoken is not None else _UNCUED
    if spoken is not None and spoken.start() < first_cue:
        return Recorded.YES  # the child's words ("said she did not want to go home")
    return Recorded.NOT_APPLICABLE if impossible is not None and (
        refusal is None or impossible.start() <= refusal.start()) else Recorded.NO


def _strongest(values: list[_Verdict]) -> Recorded:
    """Views reported in any clause about a child are recorded; else none given or none
    possible, where a clause says so; else the words about the child are taken for theirs."""
    for value in (Recorded.YES, Recorded.NOT_APPLICABLE, Recorded.NO):
        if value in values:
            return value
    return Recorded.YES if _UNCUED in values else Recorded.NOT_RECORDED

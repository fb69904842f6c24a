"""Whether words found in a record are said not to be so: "No DV concerns", "Denies drug
use", "Alcohol: none", "DV not disclosed".

After NegEx (Chapman et al., 2001), kept small: a word that negates (*no*, *denies*,
*without*, *nil*, *negative for* ...) a few words before the finding, in the same clause,
or one (*not disclosed*, *none*, *ruled out* ...) straight after it. "Not" negates only the
word or two after it ("not drunk"; in "not coping with low mood" the low mood is recorded).
Phrases that hold a negating word but negate nothing ("no further action", "no longer")
are passed over. A clause ends at . ; ! ? a comma, a line break, "but", "however",
"although". Each test reads a few dozen characters round the finding, never the whole text.
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


def negated(text: str, start: int, end: int) -> bool:
    """Whether what lies at ``text[start:end]`` is said not to be so (see the module)."""
    lowered_before = text[max(0, start - _LOOK):start].lower()
    breaks = list(_CLAUSE_BREAK.finditer(lowered_before))
    before = lowered_before[breaks[-1].end():] if breaks else lowered_before
    before = _PASSED_OVER.sub(" ", before)
    words = before.split()
    if _BEFORE.search(" ".join(words[-_REACH:])) or _NOT.search(" ".join(words[-_NOT_REACH:])):
        return True
    after = text[end:end + _LOOK].lower()
    stop = _CLAUSE_BREAK.search(after)
    clause = after[:stop.start()] if stop is not None else after
    return bool(_AFTER.match(clause) or _ANSWERED_NO.match(clause))

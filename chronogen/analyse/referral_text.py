"""Where a record says a referral went: its referral column, else "referral to X" in its text."""

from __future__ import annotations

import re

from chronogen.domain.text_search import FoldedPattern
from chronogen.model.chronology import Entry

#: "referral to X", "referred to the X for ...". X starts with a letter (the spaces before
#: it are the pattern's, not X's), and the words that end X are looked for only from the
#: start of the spaces before them: "referral to" and a run of spaces, split every way
#: between the two, took seconds for 400 spaces (time growing with the run's cube)
_REFERRED = re.compile(
    r"\breferr(?:al|ed)\s+(?:made\s+|sent\s+)?to\s+(?:the\s+)?"
    r"(?P<to>[A-Za-z&'’][A-Za-z&'’ ]*?)"
    r"(?=(?<!\s)\s+(?:for|re|regarding|about|due|as|following|by|on|with)\b|[.,;:()]|$)",
    re.IGNORECASE)
#: what every text _REFERRED matches holds (a search for it is much quicker)
_REFERR = FoldedPattern("referr")
_NEGATED = re.compile(r"\b(?:not|no|never|declined|refused|against|without)\b[^.;]*$",
                      re.IGNORECASE)


def referral_target(entry: Entry) -> str | None:
    """The agency a referral in this entry went to: the referral column, else the words
    "referral to X" in the contact type, outcome or summary."""
    return referral_target_in(entry.referral_to, entry.kind_text, entry.outcome, entry.summary)


def referral_target_in(referral_to: str | None, kind_text: str | None, outcome: str | None,
                       summary: str | None) -> str | None:
    """:func:`referral_target` of an entry holding these values."""
    if referral_to:
        return referral_to
    texts = [text for text in (kind_text, outcome, summary) if text]
    # one search of the texts together ("referr" cannot run across the line breaks)
    if not texts or not _REFERR.search("\n".join(texts)):
        return None
    for text in texts:
        if not _REFERR.search(text):
            continue
        for match in _REFERRED.finditer(text):
            before = text[max(0, match.start() - 25):match.start()]
            if not _NEGATED.search(before):  # "not referred to CAMHS" is no referral
                return match.group("to").strip()
    return None

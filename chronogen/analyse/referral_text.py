"""Where a record says a referral went: its referral column, else "referral to X" in its text."""

from __future__ import annotations

import re

from chronogen.domain.text_search import FoldedPattern
from chronogen.model.chronology import Entry

#: "referral to X", "referred to the X for ...". X starts with a letter (the spaces before
#: it are the pattern's, not X's), and the words that end X are looked for only from the
#: start of the spaces before them: "referral to" and a run of spaces, split every way
#: between the two, took seconds for 400 spaces (time growing with the run's cube)
#: The words that end X: those that start what is said of it ("referral to CSC not made",
#: "... declined by CSC", "... to be made") as well as "for", "re", "by"
ENDS_OF_AGENCY = (r"for|re|regarding|about|due|as|following|by|on|with|not|never|to|if|when"
                  r"|was|were|is|has|had|have|made|sent|completed|declined|accepted|rejected"
                  r"|refused|because|after|today|this|that|which|who|but|via|using|through")
_AGENCY = (r"(?:the\s+)?(?P<to>[A-Za-z&'’][A-Za-z&'’ ]*?)"
           r"(?=(?<!\s)\s+(?:" + ENDS_OF_AGENCY + r")\b|[.,;:()?!]|$)")
_REFERRED = re.compile(
    r"\breferr(?:al|ed)\s+(?:made\s+|sent\s+)?(?:in)?to\s+" + _AGENCY, re.IGNORECASE)
#: a referral by the form it goes on, in the words of the police and partners: "PPN
#: submitted to MASH", "MARF sent to CSC", "multi-agency referral form completed and sent to
#: the MASH" (the words between the form and the sending few, and none saying it was not)
_FORM_SENT = re.compile(
    r"\b(?:ppn|public protection notice|marf|multi[- ]agency referral form|vpa"
    r"|vulnerable (?:person|child|adult) (?:assessment|referral))s?\b"
    r"(?:(?!\b(?:not|never|to be)\b)[^.;\n]){0,30}?"
    r"\b(?:submitted|sent|made|completed|forwarded|shared|passed|e-?mailed)\s+(?:on\s+)?"
    r"(?:(?:in)?to|with)\s+" + _AGENCY, re.IGNORECASE)
#: what every text _REFERRED or _FORM_SENT matches holds one of (a search for them is much
#: quicker)
_REFERR = FoldedPattern(r"referr|ppn|protection notice|marf|vpa|vulnerable")
#: words shortly before "referral to X" that say none was made: "not referred", "mother
#: declined referral", or that it is only thought of: "consider referral", "will ..."
_NEGATED = re.compile(r"\b(?:not|no|never|declined|refused|against|without|consider|"
                      r"considered|considering|will|would|may|might|could|should|possible|"
                      r"potential|plan|planned|planning|if|whether|query|await|awaiting)\b"
                      r"[^.;]*$", re.IGNORECASE)
#: words straight after X that say it was not made: "referral to CSC not made", "... to be
#: made", "... withdrawn", "... was not sent", "referral to CSC?"
_UNMADE = re.compile(r"\?|(?:(?:was|were|is|has|had|have)\s+(?:been\s+)?)?(?:not|never|"
                     r"to\s+be|withdrawn|cancel+ed|considered|pending|planned|on\s+hold)\b",
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
        for pattern in (_REFERRED, _FORM_SENT):
            for match in pattern.finditer(text):
                if made(text, match):
                    return match.group("to").strip()
    return None


def made(text: str, match: re.Match[str]) -> bool:
    """Whether the referral *match* finds in *text* was made, as the words shortly before
    it and straight after it say: "not referred to CAMHS", "consider referral to CSC" and
    "referral to CSC not made" are none."""
    before = text[max(0, match.start() - 25):match.start()]
    return not _NEGATED.search(before) and \
        not _UNMADE.match(text[match.end():match.end() + 40].lstrip())

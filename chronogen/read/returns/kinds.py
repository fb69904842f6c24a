"""Normalising what agencies call a contact ("Doorstep visit", "DNA", "Core group") to
:class:`~chronogen.model.ContactKind`.

A contact type often names more than one thing ("Telephone call re home visit", "Home visit
- domestic abuse discussed", "Home visit - no access"). The rules are read in this order:

1. what became of the contact: cancelled or not completed (not classified: reported, never
   guessed), was not brought, no access; not where the words are what the contact was
   about ("Letter re missed appointment", "Call following DNA": a letter, a call);
2. the step of the process, whatever the medium ("Telephone strategy discussion" is a
   strategy discussion): strategy, conference, referral, meeting, assessment; again not
   where it is what the contact was about ("Home visit following referral" is a visit,
   "Letter re referral" a letter);
3. what the contact was: incident, home visit, office visit, telephone, appointment,
   school, or something else known (a letter, an e-mail, a records check: ``other``, not
   reported). Here the word written first names it ("Telephone call re home visit" is a
   call, "Home visit - domestic abuse discussed" a visit, "School visit" a school contact);
4. a decision (closure, no further action), when nothing else is named.

Text that no rule recognises is ``other`` and is reported, never guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronogen.domain.negation import negated
from chronogen.model.chronology import ContactKind

#: what became of the contact, in order; None: it did not take place, and is not classified
_OUTCOMES: tuple[tuple[str, ContactKind | None], ...] = (
    (r"cancel|not completed|did not take place|didn't take place|postponed", None),
    (r"was not brought|\bwnb\b|\bdna\b|did not attend|not brought|missed appointment"
     r"|failed to attend|\bfta\b|no show|not attended|did not arrive",
     ContactKind.WAS_NOT_BROUGHT),
    (r"no access|no reply|no answer at|attempted (?:home )?visit|nobody (?:home|in)\b"
     r"|no one (?:home|in)\b|family not in\b|card left|(?:refused|denied) (?:entry|access)"
     r"|access (?:refused|denied)", ContactKind.NO_ACCESS_VISIT),
)
#: what an outcome alone says of a visit or appointment that did not happen, beside those
#: (in a contact type they could be a call's: "Telephone call - no answer")
_OUTCOME_ONLY: tuple[tuple[str, ContactKind | None], ...] = (
    (r"\bno answer\b|not at home|\bnot home\b|out when (?:visited|called)",
     ContactKind.NO_ACCESS_VISIT),
)
#: the steps of the process, in order: the first found names the contact
_STEPS: tuple[tuple[str, ContactKind], ...] = (
    (r"strategy|\bstrat\b", ContactKind.STRATEGY_DISCUSSION),
    (r"conference|\bicpc\b|\brcpc\b|\bcpc\b", ContactKind.CONFERENCE),
    (r"referral received|referral in\b|contact received|received referral|\bmash\b"
     r"|notification received", ContactKind.REFERRAL_RECEIVED),
    (r"referral|referred|refer\b", ContactKind.REFERRAL_SENT),
    (r"core group|meeting|\btac\b|team around|\bmdt\b|marac|mappa|case conference call"
     r"|professionals|child in need review|\bcin review|\b(?:cla|lac) review"
     r"|looked after (?:child )?review", ContactKind.MEETING),
    (r"assessment|\bs47\b|section 47\b|\bs17\b|\beha\b", ContactKind.ASSESSMENT),
)
#: what the contact was: the one written first names it (ties go to the earlier rule)
_WHAT: tuple[tuple[str, ContactKind], ...] = (
    (r"incident|domestic|concern for welfare|arrest|crime|\bcall out\b|attended address"
     r"|attendance at (?:the )?(?:address|property)|police attend|disturbance|breach"
     r"|missing (?:person|episode|from home)|\bmfh\b"
     # a police return's offences
     r"|assault|criminal damage|harassment|burglary|robbery|theft|stalking|public order"
     r"|\boffence|sexual (?:assault|offence|activity)|\bgbh\b|\babh\b|affray"
     r"|coercive control|threats? to kill", ContactKind.INCIDENT),
    (r"home visit|new birth|doorstep|visit to home|visit at home|unannounced visit"
     r"|announced visit|\bvisit\b|welfare check|safe (?:and|&) well", ContactKind.HOME_VISIT),
    (r"office|duty visit", ContactKind.OFFICE_VISIT),
    (r"telephone|phone|call\b|text message|\bsms\b|video|virtual|\bt/c\b",
     ContactKind.TELEPHONE),
    (r"clinic|appointment|surgery|consultation|a ?& ?e|emergency department|\bed\b"
     r"|attendance at hospital|admission|review|immunisation|check", ContactKind.APPOINTMENT),
    (r"school|pupil|\bdsl\b|teacher|classroom|attendance", ContactKind.SCHOOL_CONTACT),
    # no contact with the family: correspondence, a check of records
    (r"letter|e-?mail|voicemail|correspondence|\bfax\b|lateral check|records? check"
     r"|police check|\bdbs\b|\bpnc\b", ContactKind.OTHER),
)
#: words saying that what follows is what the contact was about ("Letter re DNA"), looked
#: for only this many characters before what they are about (a text of "re DNA" a thousand
#: times over, each looked for from the start, took time growing with its square)
_ABOUT_REACH = 60
_ABOUT = re.compile(r"(?:\bre\b|regarding|about|concerning|following|after|due to|chas(?:e|ing)"
                    r"|reminder|follow(?:ing)?[- ]?up)\W*(?:\w+\W+){0,2}$")
_DECISION = re.compile(r"decision|\bnfa\b|no further action|closure|closed|case closed"
                       r"|step down|stepped down")


def _compiled(rules: tuple[tuple[str, ContactKind | None], ...]
              ) -> tuple[tuple[re.Pattern[str], ContactKind | None], ...]:
    return tuple((re.compile(pattern), kind) for pattern, kind in rules)


_OUTCOME_RULES = _compiled(_OUTCOMES)
#: what an outcome column can say became of a contact of another type ("Clinic appointment"
#: with the outcome "DNA")
_OUTCOME_ONLY_RULES = _compiled(_OUTCOME_ONLY)
_MISSED_RULES = tuple((pattern, kind) for pattern, kind in _OUTCOME_RULES if kind is not None) \
    + _OUTCOME_ONLY_RULES
_STEP_RULES = _compiled(_STEPS)
#: a meeting, a conference or a strategy discussion (as the steps name them): a "DNA" in
#: its type is someone's absence from it (a parent's, a professional's), not a child not
#: brought
_MEETING = re.compile("|".join(pattern for pattern, kind in _STEPS if kind in (
    ContactKind.STRATEGY_DISCUSSION, ContactKind.CONFERENCE, ContactKind.MEETING)))
_WHAT_RULES = _compiled(_WHAT)
_EXACT = {kind.value: kind for kind in ContactKind}


@lru_cache(maxsize=4096)
def classify_kind(text: str | None) -> ContactKind | None:
    """The contact kind *text* names, or ``None`` when no rule recognises it (or it says
    the contact did not take place)."""
    if text is None:
        return None
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        return None
    if cleaned in _EXACT:
        return _EXACT[cleaned]
    for rules in (_OUTCOME_RULES, _STEP_RULES):
        for pattern, kind in rules:
            if kind is ContactKind.WAS_NOT_BROUGHT and _MEETING.search(cleaned):
                continue  # "Core group - DNA": the meeting (found among the steps)
            if _names(pattern, cleaned):
                return kind
    first: tuple[int, int, ContactKind] | None = None
    for order, (pattern, kind) in enumerate(_WHAT_RULES):
        found = pattern.search(cleaned)
        if found is not None and kind is not None and (
                first is None or (found.start(), order) < first[:2]):
            first = (found.start(), order, kind)
    if first is not None:
        if first[2] is ContactKind.HOME_VISIT and any(
                _names(pattern, cleaned) for pattern, _ in _OUTCOME_ONLY_RULES):
            return ContactKind.NO_ACCESS_VISIT  # "Home visit - no answer"
        return first[2]
    return ContactKind.DECISION if _DECISION.search(cleaned) else None


def _names(pattern: re.Pattern[str], cleaned: str) -> bool:
    """Whether *pattern* is found in *cleaned* other than as what the contact was about."""
    return any(not _ABOUT.search(cleaned, max(found.start() - _ABOUT_REACH, 0), found.start())
               for found in pattern.finditer(cleaned))


#: the kinds an outcome's "DNA" or "no access" turns into a missed contact: those at which
#: the child was to be seen (a meeting's "DNA" is a professional's absence)
_MISSABLE = frozenset({ContactKind.APPOINTMENT, ContactKind.HOME_VISIT,
                       ContactKind.OFFICE_VISIT, ContactKind.SCHOOL_CONTACT, ContactKind.OTHER})


@lru_cache(maxsize=4096)
def missed_in_outcome(kind: ContactKind, outcome: str | None) -> ContactKind | None:
    """Was not brought or no access, where a contact of *kind* (an appointment, a visit)
    has an outcome saying so ("DNA", "Not brought", "No access"); else None. The contact
    type column often names the appointment and leaves what became of it to the outcome."""
    if outcome is None or kind not in _MISSABLE:
        return None
    cleaned = " ".join(outcome.split()).lower()
    for pattern, missed in _MISSED_RULES:
        found = pattern.search(cleaned)
        if found is not None and not negated(cleaned, found.start(), found.end()):
            return missed
    return None


#: where a record's opening phrase ends: a full stop, a colon or a semicolon, or a dash
_PHRASE_END = re.compile(r"[.:;](?:\s|$)|\s[-\u2013\u2014]\s")
#: the most words a contact type a record's words open with is read from
_PHRASE_WORDS = 4


def opening_kind(text: str | None) -> str | None:
    """The contact type a record's words open with, as written: "Home visit. Mia seen"
    gives "Home visit"; a phrase of at most four words before a full stop, a colon, a
    semicolon or a dash, naming a kind chronogen knows (None otherwise: "Mia seen. ..." is
    no contact type)."""
    if not text:
        return None
    found = _PHRASE_END.search(text, 0, 48)
    if found is None:
        return None
    phrase = text[:found.start()].strip()
    if not phrase or len(phrase.split()) > _PHRASE_WORDS:
        return None
    kind = classify_kind(phrase)
    return phrase if kind is not None and kind is not ContactKind.OTHER else None

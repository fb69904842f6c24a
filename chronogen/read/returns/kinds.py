"""Normalising what agencies call a contact ("Doorstep visit", "DNA", "Core group") to
:class:`~chronogen.model.ContactKind`.

Rules are tried in order; the first whose pattern is found in the text wins. Text that no
rule recognises is ``other`` and is reported, never guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from chronogen.model.chronology import ContactKind

_RULES: tuple[tuple[str, ContactKind], ...] = (
    (r"was not brought|\bwnb\b|\bdna\b|did not attend|not brought|missed appointment"
     r"|failed to attend|\bfta\b|no show", ContactKind.WAS_NOT_BROUGHT),
    (r"no access|no reply|no answer at", ContactKind.NO_ACCESS_VISIT),
    (r"strategy", ContactKind.STRATEGY_DISCUSSION),
    (r"conference|\bicpc\b|\brcpc\b|\bcpc\b", ContactKind.CONFERENCE),
    (r"referral received|referral in\b|contact received|received referral|\bmash\b"
     r"|notification received", ContactKind.REFERRAL_RECEIVED),
    (r"referral|referred|refer\b", ContactKind.REFERRAL_SENT),
    (r"core group|meeting|\btac\b|team around|\bmdt\b|marac|mappa|case conference call"
     r"|professionals", ContactKind.MEETING),
    (r"assessment|\bs47\b|section 47 enquir|\bs17\b", ContactKind.ASSESSMENT),
    (r"incident|domestic|concern for welfare|arrest|crime|\bcall out\b|attended address"
     r"|disturbance|breach", ContactKind.INCIDENT),
    (r"home visit|new birth|doorstep|visit to home|visit at home|unannounced visit"
     r"|announced visit|\bvisit\b", ContactKind.HOME_VISIT),
    (r"office|duty visit", ContactKind.OFFICE_VISIT),
    (r"telephone|phone|call\b|text message|\bsms\b|video", ContactKind.TELEPHONE),
    (r"clinic|appointment|surgery|consultation|a ?& ?e|emergency department|\bed\b"
     r"|attendance at hospital|admission|review|immunisation|check", ContactKind.APPOINTMENT),
    (r"school|pupil|\bdsl\b|teacher|classroom|attendance", ContactKind.SCHOOL_CONTACT),
    (r"decision|\bnfa\b|no further action|closure|closed|case closed|step down"
     r"|stepped down", ContactKind.DECISION),
)
_COMPILED = tuple((re.compile(pattern, re.IGNORECASE), kind) for pattern, kind in _RULES)
_EXACT = {kind.value: kind for kind in ContactKind}


@lru_cache(maxsize=4096)
def classify_kind(text: str | None) -> ContactKind | None:
    """The contact kind *text* names, or ``None`` when no rule recognises it."""
    if text is None:
        return None
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        return None
    if cleaned in _EXACT:
        return _EXACT[cleaned]
    for pattern, kind in _COMPILED:
        if pattern.search(cleaned):
            return kind
    return None

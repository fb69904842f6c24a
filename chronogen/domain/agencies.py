"""Agency names and the abbreviations agencies use for each other ("CSC", "HV", "MASH")."""

from __future__ import annotations

import re
from functools import lru_cache

#: canonical agency -> other names for it (compared case- and punctuation-insensitively)
AGENCY_ALIASES: dict[str, tuple[str, ...]] = {
    "Children's Social Care": ("csc", "social care", "children's services", "childrens services",
                               "social services", "children's social care", "cs", "mash",
                               "front door", "childrens social care", "social worker",
                               "local authority", "la", "children social care",
                               "childrens social services", "social work"),
    "Police": ("police", "constabulary"),
    "Health Visiting": ("hv", "health visitor", "health visiting", "health visiting service",
                        "0-19 service", "health visitors"),
    "GP": ("gp", "general practice", "general practitioner", "gp surgery", "surgery",
           "gp practice"),
    "School": ("school", "education", "dsl", "primary school", "secondary school"),
    "Nursery": ("nursery", "early years"),
    "Housing": ("housing", "housing association", "landlord", "housing provider"),
    "Probation": ("probation", "probation service", "nps", "crc"),
    "Midwifery": ("midwifery", "midwife", "maternity"),
    "Hospital": ("hospital", "a&e", "a and e", "emergency department", "ed", "paediatrics",
                 "acute trust"),
    "CAMHS": ("camhs", "child and adolescent mental health", "child mental health"),
    "Adult Mental Health": ("adult mental health", "amhs", "mental health",
                            "community mental health team", "cmht"),
    "Drug and Alcohol Service": ("drug and alcohol", "substance misuse", "drug & alcohol",
                                 "drugs and alcohol", "alcohol service", "drug service"),
    "Early Help": ("early help", "family support", "troubled families"),
}


@lru_cache(maxsize=4096)
def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9&]+", " ", text.lower().replace("’", "'").replace("'", "")).strip()


_ALIAS_TO_CANONICAL: dict[str, str] = {}
for _name, _aliases in AGENCY_ALIASES.items():
    for _alias in (_name, *_aliases):
        _ALIAS_TO_CANONICAL.setdefault(_key(_alias), _name)


#: words that name a part of an agency, not another agency ("housing officer", "the police
#: team", "health visiting service"); "school nurse" keeps its "nurse" (a health service)
_PART_WORDS = frozenset({"officer", "officers", "team", "teams", "department", "dept",
                         "service", "services", "worker", "workers", "staff", "duty"})


def canonical_agency(text: str) -> str | None:
    """The standard name of an agency written as *text*, or ``None`` if not recognised:
    its name or an alias, or one of those with "the" before it or words for a part of the
    agency after it ("the housing officer")."""
    key = _key(text)
    found = _ALIAS_TO_CANONICAL.get(key)
    if found is not None:
        return found
    words = key.split()
    if words[:1] == ["the"]:
        words = words[1:]
    while words and words[-1] in _PART_WORDS:
        words = words[:-1]
        found = _ALIAS_TO_CANONICAL.get(" ".join(words))
        if found is not None:
            return found
    return _ALIAS_TO_CANONICAL.get(" ".join(words))


def resolve_agency(text: str, case_agencies: list[str]) -> str | None:
    """Which of the case's agencies *text* names (by name or a known abbreviation)."""
    key = _key(text)
    for name in case_agencies:
        if _key(name) == key:
            return name
    wanted = canonical_agency(text)
    if wanted is None:
        return None
    for name in case_agencies:
        if canonical_agency(name) == wanted:
            return name
    return None


def agency_code(name: str) -> str:
    """A short upper-case code for entry ids: initials of several words, else the word's
    first three letters (``Children's Social Care`` -> ``CSC``, ``Police`` -> ``POL``)."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name.replace("'", "")) if w]
    if not words:
        return "AG"
    significant = [w for w in words if w.lower() not in {"and", "of", "the", "for", "s"}]
    if len(significant) > 1:
        return "".join(w[0] for w in significant).upper()[:5]
    word = significant[0] if significant else words[0]
    return word.upper() if len(word) <= 4 else word[:3].upper()

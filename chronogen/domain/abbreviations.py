"""The abbreviations agencies write, and what they stand for: the appendix's glossary lists
the ones a chronology actually uses, so a panel member from another agency can read it."""

from __future__ import annotations

import re
from collections.abc import Iterable

#: abbreviation -> what it stands for (as written in England's safeguarding practice)
ABBREVIATIONS: dict[str, str] = {
    "A&E": "Accident and Emergency department",
    "AMHS": "Adult Mental Health Service",
    "CAMHS": "Child and Adolescent Mental Health Services",
    "CIN": "Child in Need (section 17, Children Act 1989)",
    "CLA": "Child Looked After (in the care of the local authority)",
    "CMHT": "Community Mental Health Team",
    "CP": "Child Protection",
    "CPP": "Child Protection Plan",
    "CSC": "Children's Social Care",
    "CSE": "Child Sexual Exploitation",
    "CSPR": "Child Safeguarding Practice Review",
    "DA": "Domestic Abuse",
    "DASH": "Domestic Abuse, Stalking and Harassment risk checklist",
    "DNA": "Did Not Attend",
    "DS": "Detective Sergeant",
    "DSL": "Designated Safeguarding Lead (school)",
    "DV": "Domestic Violence",
    "ED": "Emergency Department",
    "EHCP": "Education, Health and Care Plan",
    "EHA": "Early Help Assessment",
    "GP": "General Practitioner",
    "HV": "Health Visitor / Health Visiting",
    "ICPC": "Initial Child Protection Conference",
    "IDVA": "Independent Domestic Violence Adviser",
    "LA": "Local Authority",
    "LAC": "Looked After Child",
    "LADO": "Local Authority Designated Officer",
    "MAPPA": "Multi-Agency Public Protection Arrangements",
    "MARAC": "Multi-Agency Risk Assessment Conference",
    "MASH": "Multi-Agency Safeguarding Hub",
    "MGF": "Maternal Grandfather",
    "MGM": "Maternal Grandmother",
    "NFA": "No Further Action",
    "PC": "Police Constable",
    "PGF": "Paternal Grandfather",
    "PGM": "Paternal Grandmother",
    "PLO": "Public Law Outline (pre-proceedings)",
    "RCPC": "Review Child Protection Conference",
    "S17": "Section 17, Children Act 1989 (child in need)",
    "S47": "Section 47, Children Act 1989 (child protection enquiry)",
    "SW": "Social Worker",
    "SGO": "Special Guardianship Order",
    "WNB": "Was Not Brought",
    "YOT": "Youth Offending Team",
}
_WORD = re.compile(r"(?<![\w&])(A&E|S\.?\s?(?:17|47)|[A-Z]{2,6})(?![\w&])")


_DOTS_AND_SPACES = re.compile(r"[.\s]")


def _key(found: str) -> str:
    return _DOTS_AND_SPACES.sub("", found).upper()


_SECTION_47 = re.compile(r"\bsection\s+47\b", re.IGNORECASE)


def abbreviations_in(texts: Iterable[str | None]) -> list[tuple[str, str]]:
    """The known abbreviations written in *texts* (case as written, "Section 47" as S47),
    each with its meaning, in alphabetical order."""
    found: set[str] = set()
    for text in set(texts):  # contact types, outcomes, workers repeat: each read once
        if not text:
            continue
        for match in _WORD.finditer(text):
            key = _key(match.group(1))
            if key in ABBREVIATIONS:
                found.add(key)
        if "47" in text and _SECTION_47.search(text):
            found.add("S47")
    return sorted(((key, ABBREVIATIONS[key]) for key in found), key=lambda pair: pair[0])

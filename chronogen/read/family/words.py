"""The words family workbooks use: headings for each table, and relationship words.

Relationship words are read "Person is WORDS of Related person" ("mother of", "son of",
"married", "half-sister", "grandmother of", "violence" from Person to Related person).
"""

from __future__ import annotations

import re

from chronogen.model.family import (
    ParentKind,
    ParentRole,
    PartnershipEnd,
    PartnershipKind,
    PregnancyOutcome,
    RelationKind,
    Sex,
)
from chronogen.read.sheet import Cell
from chronogen.read.table import normalise_heading

PEOPLE_HEADINGS = {
    "id": ("id", "ref", "person id", "reference", "person ref", "no", "code"),
    "first_name": ("first name", "forename", "forenames", "given name", "given names",
                   "first names", "christian name"),
    "surname": ("surname", "last name", "family name"),
    "name": ("name", "full name", "person", "person name"),
    "known_as": ("known as", "preferred name", "nickname"),
    "aliases": ("aliases", "alias", "also known as", "aka", "other names"),
    "sex": ("sex", "gender", "sex gender", "m f"),
    "birth": ("date of birth", "dob", "born", "birth", "birth date", "d o b"),
    "death": ("date of death", "dod", "died", "death", "death date", "d o d"),
    "ethnicity": ("ethnicity", "ethnic origin", "ethnic group", "ethnicity heritage"),
    "disability": ("disability", "disabilities", "disabled", "send", "sen", "sen d",
                   "send status", "sen status", "special educational needs",
                   "special educational needs and disabilities", "special needs",
                   "additional needs", "disability send", "disability or send",
                   "disability sen", "disability additional needs"),
    "role": ("role", "relationship to child", "relationship to index child", "relationship",
             "role in family", "relationship to the child", "relationship to subject",
             "relationship to subject child"),
    "lives_with": ("lives with child", "lives with the child", "lives with index child",
                   "in household", "lives in household", "household member",
                   "lives with subject child"),
    "subject": ("subject of review", "subject", "subject child", "review subject",
                "subject of the review", "index"),
    "notes": ("notes", "note", "comments", "comment", "other information"),
    "pregnancy": ("pregnancy", "pregnancy outcome", "status", "pregnancy status"),
}
PREGNANCY = {
    "pregnancy": PregnancyOutcome.PREGNANCY, "pregnant": PregnancyOutcome.PREGNANCY,
    "unborn": PregnancyOutcome.PREGNANCY, "expected": PregnancyOutcome.PREGNANCY,
    "miscarriage": PregnancyOutcome.MISCARRIAGE, "miscarried": PregnancyOutcome.MISCARRIAGE,
    "stillbirth": PregnancyOutcome.STILLBIRTH, "stillborn": PregnancyOutcome.STILLBIRTH,
    "termination": PregnancyOutcome.TERMINATION, "top": PregnancyOutcome.TERMINATION,
    "terminated": PregnancyOutcome.TERMINATION,
}
RELATION_HEADINGS = {
    "a": ("person", "person 1", "from person", "person a", "who", "id", "name"),
    "b": ("related person", "person 2", "to person", "person b", "related to", "other person",
          "relative", "of"),
    "kind": ("relationship", "relation", "type", "relationship type", "kind", "link",
             "connection", "how related", "relationship a to b", "is", "a is"),
    "start": ("from", "start", "start date", "began", "date from", "married", "since"),
    "end": ("to", "end", "end date", "ended", "date to", "until"),
    "ended_by": ("ended by", "how ended", "end reason", "reason ended"),
}
HOUSEHOLD_HEADINGS = {
    "household": ("address", "household", "home", "property", "household name", "where"),
    "person": ("person", "id", "name", "resident", "member", "who", "people", "residents"),
    "start": ("moved in", "from", "start", "date from", "start date", "in"),
    "end": ("moved out", "to", "end", "date to", "end date", "out", "until"),
}
#: "Relationship to Mia", "Lives with Mia?": headings that name the child they are about
NAMED_CHILD_HEADING = re.compile(
    r"^(?P<what>relationship to|lives with|living with|resides with)\s+(?P<child>.+?)$")
#: "Yes (from Mar 2020)", "No (since May 2019)", "Yes until 2019"
LIVES_WITH = re.compile(
    r"^(?P<answer>yes|y|no|n)\b[\s,(-]*(?:(?P<word>from|since|until|till|to|between)\s+"
    r"(?P<when>[^)]+?))?\)?\s*$")

PARTNER_WORDS: dict[str, tuple[PartnershipKind, PartnershipEnd | None]] = {
    "marriage": (PartnershipKind.MARRIAGE, None), "married": (PartnershipKind.MARRIAGE, None),
    "spouse": (PartnershipKind.MARRIAGE, None), "husband": (PartnershipKind.MARRIAGE, None),
    "wife": (PartnershipKind.MARRIAGE, None),
    "husband of": (PartnershipKind.MARRIAGE, None), "wife of": (PartnershipKind.MARRIAGE, None),
    "divorced": (PartnershipKind.MARRIAGE, PartnershipEnd.DIVORCE),
    "civil partnership": (PartnershipKind.CIVIL_PARTNERSHIP, None),
    "civil partner": (PartnershipKind.CIVIL_PARTNERSHIP, None),
    "cohabitation": (PartnershipKind.COHABITATION, None),
    "cohabiting": (PartnershipKind.COHABITATION, None),
    "cohabitee": (PartnershipKind.COHABITATION, None),
    "living together": (PartnershipKind.COHABITATION, None),
    "partner": (PartnershipKind.PARTNER, None), "partners": (PartnershipKind.PARTNER, None),
    "partner of": (PartnershipKind.PARTNER, None),
    "boyfriend": (PartnershipKind.PARTNER, None), "girlfriend": (PartnershipKind.PARTNER, None),
    "relationship": (PartnershipKind.PARTNER, None),
    "ex partner": (PartnershipKind.PARTNER, PartnershipEnd.SEPARATION),
    "former partner": (PartnershipKind.PARTNER, PartnershipEnd.SEPARATION),
    "ex husband": (PartnershipKind.MARRIAGE, PartnershipEnd.DIVORCE),
    "ex wife": (PartnershipKind.MARRIAGE, PartnershipEnd.DIVORCE),
    "separated": (PartnershipKind.PARTNER, PartnershipEnd.SEPARATION),
    "transitory": (PartnershipKind.TRANSITORY, None), "casual": (PartnershipKind.TRANSITORY, None),
}
PARENT_KIND_WORDS = {
    "biological": ParentKind.BIOLOGICAL, "birth": ParentKind.BIOLOGICAL,
    "adoptive": ParentKind.ADOPTIVE, "adopted": ParentKind.ADOPTIVE,
    "foster": ParentKind.FOSTER, "step": ParentKind.STEP, "kinship": ParentKind.KINSHIP,
    "special guardian": ParentKind.KINSHIP, "guardian": ParentKind.KINSHIP,
}
PARENT = re.compile(
    r"^(?:(?P<k1>biological|birth|adoptive|foster|step|kinship)\s*)?"
    r"(?P<role>parent|mother|father|mum|dad|carer|guardian)(?:\s+of)?"
    r"(?:\s*\((?P<k2>[a-z ]+)\))?$"
)
CHILD = re.compile(
    r"^(?:(?P<k1>biological|birth|adoptive|adopted|foster|step)\s*)?"
    r"(?P<role>child|son|daughter)(?:\s+of)?(?:\s*\((?P<k2>[a-z ]+)\))?$"
)
ROLE = {"mother": ParentRole.MOTHER, "mum": ParentRole.MOTHER, "father": ParentRole.FATHER,
         "dad": ParentRole.FATHER}
SIBLING = re.compile(r"^(?P<half>half\s*)?(?:brothers?|sisters?|siblings?)(?:\s+of)?"
                      r"(?:\s*\((?:maternal|paternal)\))?$")
GRANDPARENT = re.compile(r"^(?:maternal\s+|paternal\s+)?grand(?:mother|father|parent)"
                          r"(?:\s+of)?$")
RELATION_WORDS = {
    "violence": RelationKind.VIOLENCE, "violent": RelationKind.VIOLENCE,
    "violent to": RelationKind.VIOLENCE, "violence towards": RelationKind.VIOLENCE,
    "domestic abuse": RelationKind.VIOLENCE, "domestic violence": RelationKind.VIOLENCE,
    "abuse": RelationKind.ABUSE, "abusive": RelationKind.ABUSE, "abusive to": RelationKind.ABUSE,
    "physical abuse": RelationKind.ABUSE, "sexual abuse": RelationKind.ABUSE,
    "conflict": RelationKind.CONFLICT, "hostile": RelationKind.CONFLICT,
    "conflictual": RelationKind.CONFLICT,
    "close": RelationKind.CLOSE, "very close": RelationKind.CLOSE,
    "cut off": RelationKind.CUT_OFF, "cutoff": RelationKind.CUT_OFF,
    "estranged": RelationKind.CUT_OFF, "distant": RelationKind.DISTANT,
}
ENDED_BY = {
    "separation": PartnershipEnd.SEPARATION, "separated": PartnershipEnd.SEPARATION,
    "divorce": PartnershipEnd.DIVORCE, "divorced": PartnershipEnd.DIVORCE,
    "death": PartnershipEnd.DEATH, "died": PartnershipEnd.DEATH, "widowed": PartnershipEnd.DEATH,
}
SEX = {
    "m": Sex.MALE, "male": Sex.MALE, "man": Sex.MALE, "boy": Sex.MALE,
    "f": Sex.FEMALE, "female": Sex.FEMALE, "woman": Sex.FEMALE, "girl": Sex.FEMALE,
}


def named_child(row: tuple[Cell, ...], index: int | None) -> str | None:
    """The child a heading names ("Relationship to Mia" -> "mia"), or None."""
    if index is None or index >= len(row) or row[index] is None:
        return None
    named = NAMED_CHILD_HEADING.match(normalise_heading(str(row[index])))
    child = named.group("child") if named else None
    return child if child and child not in ("child", "the child", "index child",
                                           "subject child", "subject") else None

"""chronogen's GEDCOM extension tags: what GEDCOM cannot say about a case review family.

Each is declared in the header (``HEAD.SCHMA.TAG``) of the files chronogen writes, so that
other GEDCOM 7 software knows whose they are and can keep them. The table of what each
means is in docs/genogram.md ("GEDCOM").
"""

from __future__ import annotations

ID = "_CHG_ID"
ROLE = "_CHG_ROLE"
SUBJECT = "_CHG_SUBJECT"
INDEX = "_CHG_INDEX"
PLACEHOLDER = "_CHG_PLACEHOLDER"
KNOWN_AS = "_CHG_KNOWN_AS"
KIND = "_CHG_KIND"
START = "_CHG_START"
END = "_CHG_END"
ENDED_BY = "_CHG_ENDED_BY"
NO_PARTNERSHIP = "_CHG_NO_PARTNERSHIP"
RELATION = "_CHG_RELATION"
HOUSEHOLD = "_CHG_HOUSEHOLD"
MEMBER = "_CHG_MEMBER"
PREGNANCY = "_CHG_PREGNANCY"

ALL = (ID, ROLE, SUBJECT, INDEX, PLACEHOLDER, KNOWN_AS, KIND, START, END, ENDED_BY,
       NO_PARTNERSHIP, RELATION, HOUSEHOLD, MEMBER, PREGNANCY)
#: the URI each tag is declared with (an identifier, not a web address to fetch)
URI_BASE = "urn:chronogen:gedcom:"

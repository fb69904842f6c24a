"""The words a return's cells use for something other than a value of their own: a
referral column's "none", a sighting at a distance, every child, a parent's role, no time, a
part of the day, a ditto mark. Compared with :func:`key_words` of the cell."""

from __future__ import annotations

import re

from chronogen.domain.names import fold
from chronogen.read.returns.answers import NOTHING_KNOWN

#: a referral column's "Yes" naming no agency (kept apart from every agency's name)
NOT_NAMED = "\x00referral to an agency not named"
#: a referral column saying none was made: "Not referred", "No referral", "None", "Declined"
NO_REFERRAL = re.compile(r"(?:not|no|none|nil|never|declined|refused)\b", re.IGNORECASE)

#: an answer of "seen" that says it was at a distance: seen is face to face
#: (the words say how the child was seen: "arranged by phone" is no seeing by phone)
AT_A_DISTANCE = re.compile(r"\b(?:video|virtual(?:ly)?|(?:on|via|over|by) teams|zoom|facetime"
                           r"|face time|skype|on screen)\b", re.IGNORECASE)

#: words in a child column that name every subject child of the review
EVERY_CHILD = frozenset({"all children", "both children", "both", "all", "the children",
                         "children", "siblings", "all siblings", "the siblings",
                         "all the children", "both of them", "sibling group"})


#: words for a parent's role in a child / client column, and the role as the family file
#: writes it (a grandparent's are left out: a family file often holds one side only, and
#: "Nan" is then a guess)
ROLE_WORDS = {"mum": "mother", "mother": "mother", "mom": "mother", "birth mother": "mother",
              "dad": "father", "father": "father", "birth father": "father",
              "mum's partner": "mother's partner", "mother's partner": "mother's partner",
              "stepdad": "stepfather", "step dad": "stepfather", "stepfather": "stepfather",
              "stepmum": "stepmother", "step mum": "stepmother", "stepmother": "stepmother"}
#: what a time cell holds to say no time is known (as a blank one does): an answer cell's
#: words for nothing known or nothing that applies, and "none"
NO_TIME = NOTHING_KNOWN | {"none"}
#: a part of the day in a time cell: no time, said (info, not a warning: returns write it)
PART_OF_DAY = frozenset({"am", "pm", "a.m", "p.m", "morning", "afternoon", "evening",
                         "night", "overnight", "lunchtime", "teatime", "daytime",
                         "early hours", "after school", "before school", "all day",
                         "various", "out of hours"})
#: what a date cell holds to say "the same as the row above"
DITTO = frozenset({'"', "''", "“", "”", "〃", "ditto", "do", "as above", "same",
                   "same day", "same date", "same as above", "ditto as above", '-"-', "“ ”"})


def key_words(text: str) -> str:
    """*text* as names are compared (:func:`~chronogen.domain.names.fold`: lower case, no
    accents, one kind of apostrophe, its spaces one), with no spaces or dots at its ends."""
    return fold(text).strip(" .")

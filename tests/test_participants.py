"""Participation that reads English: who took part in a contact, and who is only mentioned.

Each sentence is an entry about Mia (index child) on 01/01/2021, when Dean Foster was her
mother's partner. Jade (P4) is the mother, Ryan (P5) the father, Dean (P7) the mother's
partner, Karen (P8) the maternal grandmother.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen import ChildRecord, Entry, Kinship, PartialDate, SourceRef, read_family_file
from chronogen.analyse.participants import Participants, words_before
from tests.conftest import HARBOUR
from tests.property_examples import examples

MOTHER, FATHER, PARTNER, MGM = "P4", "P5", "P7", "P8"

TOOK_PART = [
    ("Mother said the children were well.", {MOTHER}),
    ("mother says she is coping.", {MOTHER}),
    ("Mother arrested for assault.", {MOTHER}),
    ("Mother seen for depression.", {MOTHER}),
    ("Home visit: mum present, children playing.", {MOTHER}),
    ("Spoke with mum on the phone.", {MOTHER}),
    ("Mum reports Mia sleeping better.", {MOTHER}),
    ("Visit with mother and Mia.", {MOTHER}),
    ("Dad attended the core group.", {FATHER}),
    ("Father declined to engage.", {FATHER}),
    ("Telephone call to father.", {FATHER}),
    ("Met father at the office.", {FATHER}),
    ("Mother's partner was present throughout.", {PARTNER}),
    ("Mum's partner answered the door.", {PARTNER}),
    ("Dean said he no longer lives there.", {PARTNER}),
    ("Mr Foster spoke to the social worker.", {PARTNER}),
    ("MGM attended with the children.", {MGM}),
    ("Maternal grandmother says she will help.", {MGM}),
    ("Karen Harbour confirmed she collects Mia from school.", {MGM}),
    ("Jade Harbour was seen at the clinic.", {MOTHER}),
    ("Jade disclosed domestic abuse.", {MOTHER}),
    ("Discussed with mother and father.", {MOTHER, FATHER}),
    ("Parents attended the conference.", {MOTHER, FATHER}),
    ("Both parents were present.", {MOTHER, FATHER}),
    ("Letter handed to mum at the door.", {MOTHER}),
    ("Seen by GP with mum.", {MOTHER}),
    ("Mother and Dean attended.", {MOTHER, PARTNER}),
    ("Mum and dad both present.", {MOTHER, FATHER}),
    ("Interviewed father under caution.", {FATHER}),
    ("Mother, tearful, said she could not cope.", {MOTHER}),
    ("Safety plan discussed with the children's mother.", {MOTHER}),
    ("Telephone contact with mother, no concerns raised by mother.", {MOTHER}),
    ("DEAN FOSTER ARRESTED AT THE ADDRESS.", {PARTNER}),
    ("Mia's mother agreed to the plan.", {MOTHER}),
    ("Mother had also attended the GP.", {MOTHER}),
]
ONLY_MENTIONED = [
    ("Mia said mum shouts a lot.", {MOTHER}),
    ("Discussed relationship problems with the child's father.", {FATHER}),
    ("Concerns about mother's drinking.", {MOTHER}),
    ("School worried about dad.", {FATHER}),
    ("Ava said Dean hits mum.", {PARTNER, MOTHER}),
    ("Referral made regarding mother's mental health.", {MOTHER}),
    ("Police informed of father's release.", {FATHER}),
    ("Children not seen; mother's whereabouts unknown.", {MOTHER}),
    ("No contact with father for a year.", {FATHER}),
    ("Attempts to contact mum unsuccessful.", {MOTHER}),
    ("GP wrote to mother's solicitor.", {MOTHER}),
    ("Letter about father sent to school.", {FATHER}),
    ("Mia upset about dad leaving.", {FATHER}),
    ("Dean's car seen outside the house.", {PARTNER}),
    ("Karen's house visited; nobody home.", {MGM}),
    ("Mother's boyfriend unknown to agencies.", {PARTNER}),
    ("Mia told teacher mum and Dean argue.", {MOTHER, PARTNER}),
    ("Information shared with police about mother.", {MOTHER}),
    ("Ava disclosed that dad hit her.", {FATHER}),
    ("Mother not seen.", {MOTHER}),
    ("Father did not attend.", {FATHER}),
    ("No answer; mother believed to be out.", {MOTHER}),
    ("Worker asked about Dean.", {PARTNER}),
    ("Checks on mother's partner requested.", {PARTNER}),
    ("Concern that dad may return.", {FATHER}),
    ("Mia drew a picture of mum.", {MOTHER}),
    ("Leo's father not known to services.", {FATHER}),
    ("Nursery noted that mother was late.", {MOTHER}),
    ("Unable to contact father by phone.", {FATHER}),
    ("Arguments with mum's partner reported by neighbours.", {PARTNER}),
]


@pytest.fixture(scope="module")
def participants() -> Participants:
    family = read_family_file(HARBOUR / "family.xlsx").family
    return Participants(family, Kinship(family))


def _entry(text: str) -> Entry:
    return Entry(id=f"E{abs(hash(text))}", agency="Children's Social Care",
                 date=PartialDate.day(date(2021, 1, 1)), summary=text,
                 children={"P1": ChildRecord()}, source=SourceRef(file="t.csv", row=2))


def test_at_least_sixty_sentences_both_ways() -> None:
    assert len(TOOK_PART) + len(ONLY_MENTIONED) >= 60


@pytest.mark.parametrize(("text", "expected"), TOOK_PART)
def test_taking_part(participants: Participants, text: str, expected: set[str]) -> None:
    assert expected <= participants.of(_entry(text)), text


@pytest.mark.parametrize(("text", "mentioned"), ONLY_MENTIONED)
def test_only_mentioned(participants: Participants, text: str, mentioned: set[str]) -> None:
    assert not mentioned & participants.of(_entry(text)), text


# -- the shortcut: a pattern tried only at the words a match can start with ------------------

_VOCABULARY = ["mother", "Mum", "MUM", "mum's", "mums", "dad", "Father", "parents", "partner",
               "step-dad", "MGM", "maternal", "grandmother", "Mia", "Mia's", "Mias", "mia",
               "Dean", "DEAN", "Foster", "Mr", "Zoë", "ZOË", "Zoe", "Łukasz", "łukasz",
               "the", "The", "child's", "children's", "his", "hers", "their", "with", "to",
               "by", "spoke", "Spoke", "seen", "said", "present", "attended", "was", "also",
               "no", "contact", "problems", "about", "on", ",", ".", ";", "'", "’", "-", "and",
               "&", "visit", "wıth", "ſaid", "Mıa", "KAREN", "Karen", "x", "9", "é",
               # whole mentions, so that most texts hold one
               "Mias mother said", "hers dad attended", "theirs mum was present",
               "the child's mother said", "Zoës mum said", "Mia’s father agreed",
               "Mr Foster stated", "mum and dad were seen", "mother, tearful, said",
               "spoke with mum", "with the father", "Łukasz's partner said", "step-dad said",
               "ZOË'S MUM SAID", "no contact with Dean", "met Karen", "seen with Zoë"]


@pytest.fixture(scope="module")
def accented_participants() -> Participants:
    """A family whose names are not all ASCII: the shortcut's slower, exact path."""
    from chronogen import Family, ParentLink, Person
    people = [Person(id="C", first_name="Zoë", surname="Nowak", subject=True, index=True),
              Person(id="M", first_name="Karen", surname="Nowak", role="mother"),
              Person(id="F", first_name="Łukasz", surname="Nowak", role="father")]
    family = Family(people=people, parent_links=[ParentLink(parent="M", child="C"),
                                                 ParentLink(parent="F", child="C")])
    return Participants(family, Kinship(family))


@settings(max_examples=examples(400), deadline=None)
@given(words=st.lists(st.sampled_from(_VOCABULARY), max_size=14),
       joins=st.lists(st.sampled_from([" ", "  ", "", ", ", "\n"]), min_size=14, max_size=14))
def test_the_shortcut_finds_what_the_full_scan_finds(
        participants: Participants, accented_participants: Participants,
        words: list[str], joins: list[str]) -> None:
    text = "".join(w + j for w, j in zip(words, joins, strict=False))
    for who in (participants, accented_participants):
        for starts, pattern in ((who._mention_starts, who._subject),
                                (who._object_starts, who._object)):
            fast = [(m.span(), m.group("who")) for m in starts.scan(pattern, text)]
            full = [(m.span(), m.group("who")) for m in pattern.finditer(text)]
            assert fast == full, text


def test_the_shortcut_is_taken_for_ascii_families(participants: Participants,
                                                  accented_participants: Participants) -> None:
    assert participants._mention_starts.ascii is not None
    assert accented_participants._mention_starts.ascii is None  # Zoë, Łukasz: re decides


@pytest.mark.parametrize(("text", "words"), [
    ("no contact ", ["no", "contact"]),
    ("Worker had no contact ", ["had", "no", "contact"]),
    ("no, ", []),
    ("problems ", ["problems"]),
    ("", []),
    ("a b c d e ", ["c", "d", "e"]),
    ("mother's ", ["mother's"]),
])
def test_words_before_an_introducing_word(text: str, words: list[str]) -> None:
    assert words_before(text) == words


def test_a_second_introduced_person_is_found_too(participants: Participants) -> None:
    # the old pattern took "with mum " as the words before "with dad" and lost mum
    assert {MOTHER, FATHER} <= participants.of(_entry("Home visit with mum with dad."))


def test_contacts_naming_the_same_people_share_one_set() -> None:
    """(The flag context keeps each contact's set until the rules are done: the context
    index test forgets them and asks again.)"""
    family = read_family_file(HARBOUR / "family.xlsx").family
    people = Participants(family, Kinship(family))
    first = people.shared(_entry("Home visit: mother said the children were well."))
    second = people.shared(_entry("Mother said she had moved the beds."))
    assert first == second == {MOTHER} and first is second
    assert people.shared(_entry("Letter filed.")) is people.shared(_entry("Note added."))
    assert people.shared(_entry("Mother said the flat was cold.")) is first  # the same set


def test_a_list_of_twelve_people_is_read_whole(participants: Participants) -> None:
    """A list is read up to twelve people long (a text listing hundreds was read again from
    each of them to its end); the first of twelve is found as the last."""
    twelve = ", ".join(["mother"] + ["MGM"] * 10) + " and Dean said they would help."
    assert participants.of(_entry(twelve)) == {MOTHER, MGM, PARTNER}


def test_a_case_without_a_family_reads_lists_too() -> None:
    """With no one named (a case with no family file), the possessive words ("his", "the
    child's") are the only ones: an empty one had crept in, and a list of mentions could
    be read in thousands of ways (8 ms a try)."""
    from chronogen import Family
    family = Family()
    people = Participants(family, Kinship(family))
    assert people._taking_part("Mum and dad said hello.") == ("Mum and dad",)
    for pattern in (people._subject, people._object):
        assert "||" not in pattern.pattern and "(?:|" not in pattern.pattern

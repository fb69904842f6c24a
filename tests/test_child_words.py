"""Which children a record's own words say were seen: read narrowly (a pointer for a
reviewer, never a sighting), each phrasing agencies write checked both ways."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen.domain.child_words import SightingWords, ViewsWords
from chronogen.model.family import Person

MIA = Person(id="P1", first_name="Mia", surname="Harbour", subject=True)
LEO = Person(id="P2", first_name="Leo", surname="Harbour", known_as="Leon", subject=True)
WORDS = SightingWords([MIA, LEO])
BOTH = ["P1", "P2"]


@pytest.mark.parametrize(("text", "seen"), [
    ("Mia seen and spoken to alone.", ["P1"]),
    ("Home visit. Mia and Leo seen, both presented well.", BOTH),
    ("SW saw both children in the home.", BOTH),
    ("Children seen: yes", BOTH),
    ("Mia seen - presented well", ["P1"]),
    ("Mia Harbour seen at school.", ["P1"]),
    ("Leon seen at school, happy.", ["P2"]),  # the name the family file says he is known by
    ("Observed Mia playing with toys.", ["P1"]),
    ("Door not answered, children seen at window.", BOTH),  # the negation is its own clause
    ("Both children were seen and spoken to alone.", BOTH),
    ("Seen Mia briefly at the door.", ["P1"]),
    ("Mia not seen, Leo seen in the garden.", ["P2"]),
    ("Mia seen at nursery by HV - no concerns.", ["P1"]), ("Leo observed to be thin.", ["P2"]),
    # a question, or an answer of no
    ("Children seen?", []), ("Children seen? No", []), ("Child seen? Yes", []),
    # not seen, or not on the record's day, or someone else's word for it
    ("Mia was not seen as she was at nursery.", []), ("Children not seen.", []),
    ("Mia to be seen at clinic next week.", []), ("Mia last seen in May.", []),
    ("Mum said Mia was seen by the GP.", []), ("Leo seen by GP last week.", []),
    ("Unable to see the children.", []), ("No one has seen Mia since Tuesday.", []),
    ("Asked to see the children but mum refused.", []),
    ("Children will be seen at the next visit.", []), ("Mia was seen on 12/03/2020 by HV.", []),
    # someone else seen
    ("Mum seen, children asleep upstairs.", []), ("Mum seen with the children.", []),
    ("Mia's brother seen.", []), ("Parents seen; child not present.", []),
    # "baby" in a record about two children says neither which
    ("Baby seen asleep in cot.", []),
    # an aside after the name: an age, "when seen"
    ("Mia (6) seen in class.", ["P1"]), ("Leo, aged 4, seen at nursery.", ["P2"]),
    ("Mia, when seen, appeared withdrawn.", ["P1"]),
    ("Mum, when seen, was tearful.", []), ("Mia, when seen next week, will be weighed.", []),
    # a parent and child watched together
    ("Observed interaction between mum and Leo.", ["P2"]),
    ("HV observed positive interaction between Mia and dad.", ["P1"]),
    ("Observed interaction between mum and dad.", []),
    ("Observed interaction between mum and baby.", []),  # two children: which?
    ("No interaction observed between mum and Leo.", []),
    ("Observed interaction between mum and Leo last week.", []),
    ("Plan: observed interaction between mum and Leo to be assessed.", []),
    ("Mum reports she observed play between dad and Leo.", []),
    # many days, not the record's
    ("Mia has been seen in A&E twice this month.", []), ("Leo seen weekly at nursery.", []),
    ("Mia seen three times by the GP.", []),
])
def test_what_the_words_say(text: str, seen: list[str]) -> None:
    assert WORDS.found_in(text, BOTH) == tuple(seen)


def test_the_one_child_a_record_concerns() -> None:
    assert WORDS.found_in("Baby seen asleep in cot.", ["P2"]) == ("P2",)
    assert WORDS.found_in("Child seen? Yes", ["P1"]) == ("P1",)
    assert WORDS.found_in(None, BOTH) == () and WORDS.found_in("", BOTH) == ()


_WHO = st.sampled_from(["Mia", "Leo", "the children", "both children", "Mia and Leo"])
_FILLER = st.sampled_from(["", "was ", "were ", "has been ", "also "])
_REST = st.sampled_from(["", " in the kitchen", " and spoken to alone", " at school"])


@given(_WHO, _FILLER, _REST, st.sampled_from(["not ", "never ", "to be ", "will be "]))
def test_a_sighting_denied_or_planned_is_none(who: str, filler: str, rest: str,
                                               denial: str) -> None:
    said = f"{who} {filler}seen{rest}."
    assert WORDS.found_in(said, BOTH)  # the plain sighting is read
    assert WORDS.found_in(f"{who} {filler}{denial}seen{rest}.", BOTH) == ()


VIEWS = ViewsWords([MIA, LEO])


@pytest.mark.parametrize(("text", "spoke"), [
    ("Mia said she was happy at home.", ["P1"]),
    ("Leo told teacher parents had a big fight and dad smashed a plate.", ["P2"]),
    ("Mia disclosed that dad hit her.", ["P1"]),
    ("Mia wants to stay with mum.", ["P1"]),
    ("Mia said she did not want to go home.", ["P1"]),  # what she said, not a negation
    ("Spoke to Mia alone in her room.", ["P1"]),
    ("SW asked Leo about school.", ["P2"]),
    ("Mia's views: wants to stay at home.", ["P1"]),
    ("Both children said they were hungry.", BOTH),
    ("Sought the views of both children.", BOTH),
    ("Mia was able to say she misses dad.", ["P1"]),
    ("Mia would like to see her dad more.", ["P1"]), ("Leo was asked about home.", ["P2"]),
    ("The children were spoken to alone.", BOTH),
    # told something, reported by someone: not the child's words
    ("Mia was told mum is in hospital.", []), ("Leo was reported missing.", []),
    # someone else's words, not the child's
    ("Mum said Mia wants to go home.", []), ("According to mum, Leo said he fell.", []),
    # none given, or to be sought
    ("Mia would not speak to the worker.", []), ("Mia refused to talk.", []),
    ("Mia's views: not obtained.", []), ("Leo's wishes - n/a, too young.", []),
    ("Mia to be spoken to alone next visit.", []), ("Unable to speak to the children.", []),
    ("Mia's brother said he was fine.", []), ("Mum and dad spoke to the worker.", []),
    # an aside between the name and the words; a state, then the words
    ("Mia, when asked, said she liked school.", ["P1"]),
    ("When asked about home, Leo said he liked it.", ["P2"]),
    ("Mia (aged 6) said she was hungry.", ["P1"]), ("Leo, aged 4, said he fell.", ["P2"]),
    ("Mia was upset and said she missed dad.", ["P1"]),
    ("Leo became quiet and told the teacher dad shouted.", ["P2"]),
    ("Mia was upset and mum said she was tired.", []),
    ("Mia was told and said nothing.", []), ("Mia, when asked, would not say.", []),
])
def test_what_the_words_say_of_the_childs_views(text: str, spoke: list[str]) -> None:
    assert VIEWS.found_in(text, BOTH) == tuple(spoke)

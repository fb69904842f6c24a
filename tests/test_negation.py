"""Words said not to be so record nothing: "No DV concerns", "Denies drug use", "Alcohol:
none" are no toxic-trio theme; "Mum not coping with low mood" is one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen.analyse.flags.patterns import themes_in

DA, MH, SM = "domestic abuse", "mental ill health", "substance misuse"


@pytest.mark.parametrize(("text", "themes"), [
    ("Domestic incident, DASH high", {DA}),
    ("Mother reports low mood", {MH}),
    ("Dad drunk on arrival", {SM}),
    ("History of DV with previous partner", {DA}),
    # said not to be so (each a theme before)
    ("No concerns re domestic abuse", set()), ("No DV concerns", set()),
    ("Denies drug use", set()), ("No evidence of alcohol misuse", set()),
    ("Mum denies low mood", set()), ("No mental health concerns", set()),
    ("No signs of substance misuse", set()), ("DV not disclosed", set()),
    ("Asked about DV - none reported", set()), ("Alcohol: none", set()),
    ("Routine enquiry re DV: no", set()), ("Dad not drunk", set()),
    ("Not under the influence", set()),
    # a negating word that negates something else, or stands in another clause
    ("No further action re domestic incident", {DA}),
    ("Mum not coping with low mood", {MH}),
    ("Dad no longer drinking alcohol", {SM}),
    ("Domestic incident - no injuries", {DA}),
    ("No DV, mother reports low mood", {MH}),
    ("No food in house, dad intoxicated", {SM}),
    ("Mother denies DV but cannabis smell in home", {SM}),
    # a negation runs along a list of things, and no further
    ("No DV, drugs or alcohol", set()), ("No DV, drugs, alcohol", set()),
    ("Denies alcohol, drugs", set()), ("No DV, drugs or alcohol concerns", set()),
    ("No concerns re domestic abuse, substance misuse or mental health", set()),
    ("Home visit. Nil DV, cannabis or low mood", set()),
    ("No concerns re DV / alcohol", set()), ("No evidence of DV or alcohol misuse", set()),
    ("Mum denies DV / dad drunk on arrival", {SM}), ("No DV or mum drunk", {SM}),
    ("No DV concerns, mum drunk on arrival", {SM}),
    # "and" before someone said to do something begins their clause; between two things,
    # the list goes on
    ("No DV and mum drunk", {SM}), ("No DV and mother's low mood", {MH}),
    ("Nil DV and he was drunk", {SM}),
    ("No DV and drug use", set()), ("No DV and alcohol concerns", set()),
    # whose it is takes no reach from the negation
    ("No evidence of mum using drugs", set()), ("No signs of mum being drunk", set()),
    ("No concerns about mum and dad drinking heavily", set()),
    ("No evidence of mum having low mood", set()),
    ("Concerns about mum using drugs", {SM}), ("No money for food because mum using drugs", {SM}),
    ("No DV, alcohol a concern", {SM}),
    ("No DV, dad was drunk", {SM}),
    ("No DV, but drugs found", {SM}),
    ("No DV. Drugs, alcohol found in the home", {SM}),
    ("Dad denies DV, mother reports low mood and drug use", {MH, SM}),
    # words agencies use for each (none before), and capitals only where they are no one's
    # initials ("MH seen at school": Mia Harbour)
    ("DA incident", {DA}), ("History of DA", {DA}), ("Non-fatal strangulation", {DA}),
    ("Mum's MH concerns", {MH}), ("PND", {MH}), ("EUPD diagnosis", {MH}),
    ("Sectioned under the MHA", {MH}), ("Mum drinking heavily", {SM}),
    ("Dad has a drink problem", {SM}), ("CGL appointment", {SM}), ("Smell of weed", {SM}),
    ("MH seen at school", set()), ("DA said hello", set()), ("Leo drinking well", set()),
    ("No DA concerns", set()), ("Denies MH issues", set()),
])
def test_a_theme_said_not_to_be_so_is_none(text: str, themes: set[str]) -> None:
    assert themes_in(None, text, None) == frozenset(themes)


_WORDS = {DA: ["domestic abuse", "DV", "domestic violence"],
          MH: ["low mood", "mental health", "depression"],
          SM: ["alcohol", "drug use", "cannabis"]}
_SAID_NOT = ["No {} concerns", "No concerns re {}", "Denies {}", "Denied any {}",
             "No evidence of {}", "{}: none", "{} not disclosed", "No signs of {}",
             "{} - nil"]
_SAID = ["{} disclosed", "Mother reports {}", "Concerns re {}", "{}, no injuries",
         "No further action; {} noted", "Discussed {} with mum", "{} - referral made"]


@given(st.sampled_from(sorted(_WORDS)), st.data())
def test_said_not_or_said(theme: str, data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(_WORDS[theme]))
    assert themes_in(None, data.draw(st.sampled_from(_SAID_NOT)).format(word), None) == \
        frozenset()
    assert themes_in(None, data.draw(st.sampled_from(_SAID)).format(word), None) == \
        frozenset({theme})


@given(st.permutations(sorted(_WORDS)), st.data())
def test_a_negation_runs_along_a_list_and_stops_at_a_clause(themes: list[str],
                                                            data: st.DataObject) -> None:
    first, second, third = (data.draw(st.sampled_from(_WORDS[t])) for t in themes)
    listed = data.draw(st.sampled_from(["No {}, {} or {}", "No {}, {}, {}", "Denies {}, {} and {}",
                                        "Nil {}, {} or {} concerns"]))
    assert themes_in(None, listed.format(first, second, third), None) == frozenset()
    stated = data.draw(st.sampled_from(["No {} concerns, mother reports {} and {}",
                                        "No {}. {} and {} noted", "No {}, but {} and {} noted"]))
    assert themes_in(None, stated.format(first, second, third), None) == \
        frozenset(themes[1:])

"""Contact types to the vocabulary: what became of a contact first, then the step of the
process, then what the contact was, named by the word written first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen.model.chronology import ContactKind as K
from chronogen.read.returns.kinds import classify_kind


@pytest.mark.parametrize(("text", "kind"), [
    ("Home visit", K.HOME_VISIT), ("Doorstep visit", K.HOME_VISIT), ("DNA", K.WAS_NOT_BROUGHT),
    ("Appointment - DNA", K.WAS_NOT_BROUGHT), ("Home visit - no access", K.NO_ACCESS_VISIT),
    ("Strategy meeting", K.STRATEGY_DISCUSSION), ("ICPC", K.CONFERENCE),
    ("Core group", K.MEETING), ("Referral received", K.REFERRAL_RECEIVED),
    ("Referral made to CSC", K.REFERRAL_SENT), ("Section 47 enquiry", K.ASSESSMENT),
    ("Domestic incident", K.INCIDENT), ("Case closed", K.DECISION),
    ("Clinic appointment", K.APPOINTMENT), ("Text message", K.TELEPHONE),
    ("home visit", K.HOME_VISIT), ("Supervision", None),
    # two things named: the call was a call; the visit a visit (not an incident)
    ("Telephone call re home visit", K.TELEPHONE),
    ("Home visit - domestic abuse discussed", K.HOME_VISIT),
    ("Telephone appointment", K.TELEPHONE),  # not face to face
    ("Virtual home visit", K.TELEPHONE),
    ("School visit", K.SCHOOL_CONTACT),
    ("Home visit following call from school", K.HOME_VISIT),
    ("Home visit - case closed", K.HOME_VISIT),
    # a step of the process, whatever its medium
    ("Telephone strategy discussion", K.STRATEGY_DISCUSSION),
    ("Telephone referral to CSC", K.REFERRAL_SENT),
    # police at the address: an incident, not school attendance
    ("Police attendance at address", K.INCIDENT),
    # no one there to see; or not a contact at all (reported, never guessed)
    ("Attempted home visit", K.NO_ACCESS_VISIT), ("Visit - family not in", K.NO_ACCESS_VISIT),
    ("Cancelled home visit", None), ("Home visit cancelled", None),
    ("Planned home visit not completed", None),
])
def test_contact_types(text: str, kind: K | None) -> None:
    assert classify_kind(text) is kind


_WHAT = {"Home visit": K.HOME_VISIT, "Telephone call": K.TELEPHONE, "Office visit":
         K.OFFICE_VISIT, "Clinic appointment": K.APPOINTMENT, "School contact":
         K.SCHOOL_CONTACT, "Domestic incident": K.INCIDENT, "Text message": K.TELEPHONE,
         "A&E attendance": K.APPOINTMENT}


@given(st.sampled_from(sorted(_WHAT)), st.sampled_from(sorted(_WHAT)),
       st.sampled_from([" re ", " - ", " following ", " after ", " about ", ": "]))
def test_what_a_contact_was_is_named_by_the_word_written_first(first: str, second: str,
                                                               joint: str) -> None:
    assert classify_kind(first + joint + second.lower()) is _WHAT[first]

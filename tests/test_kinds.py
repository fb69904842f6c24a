"""Contact types to the vocabulary: what became of a contact first, then the step of the
process, then what the contact was, named by the word written first."""

from __future__ import annotations

import re
from pathlib import Path

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
    # a police return's offences are incidents (each was "not recognised")
    ("Assault", K.INCIDENT), ("Criminal damage", K.INCIDENT), ("Harassment", K.INCIDENT),
    ("Public order offence", K.INCIDENT), ("Threats to kill", K.INCIDENT),
    ("Possession order granted", None),  # a housing court's order, not an offence
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
    # what a contact was about is not what it was: a letter about a missed appointment is
    # no missed appointment (two for one, in a cluster), a visit after a referral no referral
    ("Letter re missed appointment", K.OTHER), ("Telephone call re DNA", K.TELEPHONE),
    ("Follow up call after DNA", K.TELEPHONE), ("DNA - letter sent", K.WAS_NOT_BROUGHT),
    ("Home visit following no access", K.HOME_VISIT),
    ("Home visit following referral", K.HOME_VISIT), ("Chasing email re referral", K.OTHER),
    ("Call re strategy meeting", K.TELEPHONE), ("Letter re ICPC", K.OTHER),
    ("Referral following DV incident", K.REFERRAL_SENT),
    ("Email referral to CSC", K.REFERRAL_SENT),
    # words agencies use, each reported as unknown before (or read as something else)
    ("Welfare check", K.HOME_VISIT), ("Safe and well check", K.HOME_VISIT),
    ("Missing person", K.INCIDENT), ("Missing episode", K.INCIDENT),
    ("Strat discussion", K.STRATEGY_DISCUSSION), ("Section 47", K.ASSESSMENT),
    ("EHA", K.ASSESSMENT), ("T/C", K.TELEPHONE),
    ("Child in need review", K.MEETING), ("CLA review", K.MEETING),  # an appointment before
    ("Lateral check", K.OTHER), ("Health check", K.APPOINTMENT),  # a records check, not a clinic
    ("Email", K.OTHER), ("Letter sent", K.OTHER),
    # a meeting's "DNA" is someone's absence from it, not a child not brought (each was a
    # was-not-brought, and a cluster of them the flag's high severity)
    ("Core group - DNA", K.MEETING), ("ICPC - mum did not attend", K.CONFERENCE),
    ("Strategy meeting - police DNA", K.STRATEGY_DISCUSSION), ("TAC meeting - DNA", K.MEETING),
    # missed, or no one there, in other words
    ("Clinic - not attended", K.WAS_NOT_BROUGHT), ("Home visit - card left", K.NO_ACCESS_VISIT),
    ("Home visit - no answer", K.NO_ACCESS_VISIT), ("Visit - refused entry", K.NO_ACCESS_VISIT),
    ("Telephone call - no answer", K.TELEPHONE),
    ("Home visit following no answer", K.HOME_VISIT),
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


@pytest.mark.parametrize(("kind_text", "outcome", "kind"), [
    ("Clinic appointment", "DNA", K.WAS_NOT_BROUGHT),
    ("Appointment", "Was not brought - rebooked", K.WAS_NOT_BROUGHT),
    ("Home visit", "No access", K.NO_ACCESS_VISIT),
    ("Home visit", "No reply - card left", K.NO_ACCESS_VISIT),
    ("Clinic appointment", "Attended", K.APPOINTMENT),
    ("Clinic appointment", "Not DNA - attended late", K.APPOINTMENT),
    ("Strategy meeting", "DNA", K.STRATEGY_DISCUSSION),  # a professional's absence
    ("Home visit", "No answer", K.NO_ACCESS_VISIT), ("Home visit", "Card left", K.NO_ACCESS_VISIT),
    ("Home visit", "Not at home", K.NO_ACCESS_VISIT),
    ("Home visit", "Mum refused entry", K.NO_ACCESS_VISIT),
    ("Clinic appointment", "Not attended", K.WAS_NOT_BROUGHT),
])
def test_what_became_of_a_contact_may_be_in_its_outcome(tmp_path: Path, kind_text: str,
                                                        outcome: str, kind: K) -> None:
    """"Clinic appointment" with the outcome "DNA" was an appointment attended, as far as
    the was-not-brought flag knew: the missed appointment went unnoticed."""
    import csv

    from chronogen import Family, Person, read_agency_file

    family = Family(people=[Person(id="M", first_name="Mia", subject=True)])
    path = tmp_path / "gp.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["Date", "Type", "Child", "Outcome"],
                                      ["13/03/2020", kind_text, "Mia", outcome]])
    (entry,) = read_agency_file(path, agency="GP", code="GP", family=family).entries
    assert entry.kind is kind and entry.kind_text == kind_text


@given(st.lists(st.sampled_from(["re", "following", "letter", "dna", "referral", "home visit",
                                 "call", "after", "missed appointment", "-", ",", "to csc",
                                 "strategy", "the", "mum"]), max_size=12).map(" ".join))
def test_what_a_contact_was_about_is_looked_for_just_before_it(text: str) -> None:
    """The words saying what a contact was about are looked for in the few dozen characters
    before each word they may stand before, not from the start of the text (a text of "re
    DNA" a thousand times over took time growing with its square): the same reading as
    looking from the start, on texts of short words."""
    from chronogen.read.returns import kinds

    def named(pattern: re.Pattern[str], cleaned: str) -> bool:
        return any(not kinds._ABOUT.search(cleaned, 0, found.start())
                   for found in pattern.finditer(cleaned))

    cleaned = " ".join(text.split()).lower()
    meeting = kinds._MEETING.search(cleaned) is not None  # its "DNA" is someone's absence
    expected = next((kind for rules in (kinds._OUTCOME_RULES, kinds._STEP_RULES)
                     for pattern, kind in rules if named(pattern, cleaned)
                     and not (meeting and kind is K.WAS_NOT_BROUGHT)), "later tiers")
    found = classify_kind(text)
    if expected != "later tiers":
        assert found is expected
    else:  # what the contact was (tier 3) or a decision: no kind the first two tiers give
        assert found not in {kind for rules in (kinds._OUTCOME_RULES, kinds._STEP_RULES)
                             for _, kind in rules} - {None}


@pytest.mark.parametrize(("text", "kind"), [
    ("Home visit. Mia and Leo seen", "Home visit"),
    ("Clinic: Leo weighed", "Clinic"),
    ("Telephone call - mother rang", "Telephone call"),
    ("Strategy meeting; section 47 agreed", "Strategy meeting"),
    ("Mia seen. She was quiet", None),  # an opening phrase naming no contact type
    ("New birth visit for Leo and Mia. Both well", None),  # longer than a type's name
    ("Home visit and a long account with no stop", None),
    ("Letter. Sent to mother", None),  # a kind read only as "other": no type said
    (None, None), ("", None),
])
def test_the_contact_type_a_record_opens_with(text: str | None, kind: str | None) -> None:
    from chronogen.read.returns.kinds import opening_kind

    assert opening_kind(text) == kind

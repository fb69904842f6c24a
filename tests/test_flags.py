"""Flags: the harbour case's expected findings, and each rule on small hand-made cases."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chronogen import (
    AgencySource,
    Case,
    ChildRecord,
    ContactKind,
    Entry,
    Family,
    HouseholdMembership,
    PartialDate,
    Person,
    Recorded,
    Settings,
    Sex,
    SourceRef,
    merge,
)
from chronogen.analyse.flags import codes, find_flags
from chronogen.analyse.flags.referrals import add_working_days
from chronogen.model import FlagCode

DOCS = Path(__file__).parent.parent / "docs" / "flags"


# -- the harbour case ----------------------------------------------------------------------


def _flags(case: Case, code: str) -> list[Any]:
    return [f for f in case.flags if f.code == code]


def test_referral_never_received(harbour_case: Case, harbour_expected: dict[str, Any]) -> None:
    flagged = _flags(harbour_case, "referral-not-received")
    for referral in harbour_expected["referrals"]:
        sent = date.fromisoformat(referral["date"])
        matching = [f for f in flagged if f.period.earliest == sent]
        if referral["received"] is None:
            assert len(matching) == 1
            flag = matching[0]
            entry = harbour_case.entry(flag.evidence[0])
            assert (entry.agency, entry.source.row) == ("Police", 4)
            assert "Police referred to Children's Social Care on 02/06/2020" in flag.message
            assert "police_incidents.xlsx, row 4" in flag.message
        else:
            assert matching == []


def test_missed_appointments(harbour_case: Case, harbour_expected: dict[str, Any]) -> None:
    for child, days in harbour_expected["was_not_brought"].items():
        flag = next(f for f in _flags(harbour_case, "was-not-brought") if f.people == [child])
        got = sorted(harbour_case.entry(e).date.earliest.isoformat() for e in flag.evidence)
        assert got == sorted(days)
        assert flag.severity.value == "high"  # 2 or more within 6 months: a cluster
        assert "Leo was not brought to 4 appointments" in flag.message


def test_missing_ethnicity(harbour_case: Case, harbour_expected: dict[str, Any]) -> None:
    (flag,) = _flags(harbour_case, "missing-ethnicity")
    assert flag.people == harbour_expected["missing_ethnicity"]
    assert "Ryan Harbour, Liam Clarke and Dean Foster" in flag.message


def test_longest_unseen_period_per_child(harbour_case: Case,
                                         harbour_expected: dict[str, Any]) -> None:
    for child, expected in harbour_expected["longest_unseen"].items():
        longest = [f for f in _flags(harbour_case, "unseen-period") if child in f.people
                   and f.severity.value == "high" and (
                       f.message.startswith("Longest") if len(f.people) == 1 else
                       "for each of them the longest" in f.message
                       or f"the longest for {harbour_case.family.get(child).first_name}"
                       in f.message)]
        assert len(longest) == 1, child
        flag = longest[0]
        assert flag.period.earliest == date.fromisoformat(expected["from"])
        assert flag.period.latest == date.fromisoformat(expected["to"])
        assert f"{expected['days']} days" in flag.message
        summary = next(c for c in harbour_case.summaries.children if c.child == child)
        assert summary.longest_unseen_days == expected["days"]
        seen = [e for e in harbour_case.entries if child in e.seen_children()]
        assert summary.times_seen == len(seen) and summary.times_seen_alone == 0


def test_every_flag_the_rules_make_is_a_valid_flag(harbour_case: Case) -> None:
    """Some rules make their flags without pydantic's validation (``typed_flag``): each is
    validated here, field by field, strictly."""
    from chronogen.model.flag import Flag

    made = find_flags(harbour_case) + find_flags(case_of([
        entry(1, "CSC", "01/03/2020", seen=Recorded.NO),
        entry(2, "GP", "02/03/2020", ContactKind.MEETING),
        entry(3, "CSC", "02/03/2020", ContactKind.MEETING)]))
    assert {"child-not-seen", "joint-event"} <= {f.code.value for f in made}
    for flag in made:
        assert Flag.model_validate(dict(flag), strict=True) == flag, flag
        assert type(flag.people) is list and type(flag.evidence) is list


def test_joint_strategy_meeting(harbour_case: Case) -> None:
    (flag,) = _flags(harbour_case, "joint-event")
    assert flag.evidence == ["CSC-8", "POL-3", "HV-5"]
    assert "recorded by 3 agencies" in flag.message


def test_dean_foster_is_an_adult_in_the_household_unseen(harbour_case: Case) -> None:
    hidden = {f.people[0]: f for f in _flags(harbour_case, "hidden-adult")}
    assert "P7" in hidden
    assert "P4" not in hidden  # the mother took part in social care visits
    dean = hidden["P7"]
    assert "Dean Foster lived with Mia, Leo and Ava from 01/03/2020" in dean.message
    # his arrest (police contacts do not count) and his own GP consultation (no child)
    assert dean.evidence == ["POL-2", "GP-7"]


def test_every_flag_evidence_resolves_to_a_source_row(harbour_case: Case) -> None:
    for flag in harbour_case.flags:
        assert flag.message.endswith(".")
        for entry_id in flag.evidence:
            entry = harbour_case.entry(entry_id)
            assert entry.source.file and entry.source.row


# -- hand-made cases -----------------------------------------------------------------------

CHILD = Person(id="C", first_name="Kim", surname="Lee", sex=Sex.FEMALE,
               birth=PartialDate.parse("01/01/2015"), subject=True, index=True,
               ethnicity="Any other")
MUM = Person(id="M", first_name="Ros", surname="Lee", sex=Sex.FEMALE, role="mother",
             ethnicity="Any other", birth=PartialDate.parse("1990"))
LODGER = Person(id="L", first_name="Vic", surname="Hart", sex=Sex.MALE, ethnicity="Any other",
                birth=PartialDate.parse("1985"))


def family(households: bool = True) -> Family:
    from chronogen import ParentLink, ParentRole

    homes = [HouseholdMembership(household="Flat 1", person=p, start=PartialDate.parse("2015"))
             for p in ("C", "M", "L")] if households else []
    return Family(people=[CHILD, MUM, LODGER], households=homes,
                  parent_links=[ParentLink(parent="M", child="C", role=ParentRole.MOTHER)])


def entry(n: int, agency: str, day: str, kind: ContactKind = ContactKind.HOME_VISIT, *,
          seen: Recorded = Recorded.NOT_RECORDED, views: Recorded = Recorded.NOT_RECORDED,
          summary: str | None = None, people: list[str] | None = None,
          children: bool = True, referral_to: str | None = None,
          outcome: str | None = None) -> Entry:
    return Entry(id=f"E{n}", agency=agency, date=PartialDate.parse(day), kind=kind,
                 summary=summary, people=people or [], referral_to=referral_to, outcome=outcome,
                 children={"C": ChildRecord(seen=seen, views=views)} if children else {},
                 source=SourceRef(file=f"{agency}.xlsx", sheet="S", row=n + 1))


def case_of(entries: list[Entry], fam: Family | None = None, **settings: Any) -> Case:
    agencies = list(dict.fromkeys(e.agency for e in entries))
    timeline = merge(entries, agencies)
    return Case(title="t", family=fam or family(), entries=timeline.entries,
                joint_events=timeline.joint_events, settings=Settings(**settings),
                agencies=[AgencySource(name=a, file=f"{a}.xlsx") for a in agencies])


def flags(case: Case, code: str) -> list[Any]:
    return [f for f in find_flags(case) if f.code == code]


def test_child_not_seen_only_where_seeing_the_child_was_expected() -> None:
    case = case_of([
        entry(1, "CSC", "01/03/2020", seen=Recorded.NO),
        entry(2, "CSC", "02/03/2020", ContactKind.STRATEGY_DISCUSSION, seen=Recorded.NO),
        entry(3, "CSC", "03/03/2020", ContactKind.TELEPHONE, seen=Recorded.NO),
        entry(4, "CSC", "04/03/2020", seen=Recorded.YES),
    ])
    (flag,) = flags(case, "child-not-seen")
    assert flag.evidence == ["E1"] and flag.people == ["C"]
    assert flag.message == ("01/03/2020, CSC (home visit): Kim was recorded as not seen "
                            "(CSC.xlsx, row 2).")


def test_seen_not_recorded_counts_per_agency() -> None:
    case = case_of([entry(1, "HV", "01/03/2020"), entry(2, "HV", "02/03/2020",
                                                         seen=Recorded.YES)])
    (flag,) = flags(case, "seen-not-recorded")
    assert flag.evidence == ["E1"]
    assert flag.message.startswith("HV: 1 of 2 contacts where a child could have been seen")


def test_records_whose_words_say_the_child_was_seen_are_pointed_at() -> None:
    """A record with no seen answer whose own words say the child was seen ("Kim seen and
    spoken to alone") stays no sighting (prose has plans, tenses and other people's
    sightings), but the flags name it: seen-not-recorded says which records could fill the
    seen column, and an unseen period lists the ones inside it, with them as evidence."""
    case = case_of([
        entry(1, "HV", "01/01/2020", seen=Recorded.YES),
        entry(2, "HV", "01/02/2020", summary="Kim seen and spoken to alone."),
        entry(3, "HV", "01/03/2020", summary="Kim to be seen at clinic next week."),
        entry(4, "HV", "01/04/2020", summary="Mum seen; the child was asleep upstairs."),
        entry(5, "CSC", "01/05/2020", summary="Visit.", outcome="SW saw Kim in the garden"),
        entry(6, "HV", "01/09/2020", seen=Recorded.YES),
    ])
    health, social_care = flags(case, "seen-not-recorded")
    assert social_care.message == (
        "CSC: 1 of 1 contact where a child could have been seen does not record whether the "
        "child was seen (01/05/2020). It says in its own words that a child was seen (Kim "
        "01/05/2020): read it; the seen column can be filled at the source.")
    assert health.message == (
        "HV: 3 of 5 contacts where a child could have been seen do not record whether the "
        "child was seen (01/02/2020, 01/03/2020, 01/04/2020). One of them says in its own "
        "words that a child was seen (Kim 01/02/2020): read it; the seen column can be filled "
        "at the source.")
    (period,) = flags(case, "unseen-period")
    assert period.evidence == ["E1", "E6", "E2", "E5"]
    assert period.message.endswith(
        "Within it, 2 records say in their own words that Kim was seen, though no seen column "
        "records it: HV 01/02/2020 (HV.xlsx, row 3); CSC 01/05/2020 (CSC.xlsx, row 6). Read "
        "them before relying on this period.")
    # a record about another child (a school's pupil) naming this one is pointed at too
    other = case_of([entry(1, "HV", "01/01/2020", seen=Recorded.YES),
                     entry(2, "School", "01/03/2020", ContactKind.SCHOOL_CONTACT, children=False,
                           summary="Ava and Kim seen in school after the incident."),
                     entry(6, "HV", "01/09/2020", seen=Recorded.YES)])
    (period,) = flags(other, "unseen-period")
    assert period.evidence == ["E1", "E6", "E2"]
    plain = case_of([entry(1, "HV", "01/01/2020", seen=Recorded.YES),
                     entry(3, "HV", "01/03/2020", summary="Kim to be seen at clinic."),
                     entry(6, "HV", "01/09/2020", seen=Recorded.YES)])
    (period,) = flags(plain, "unseen-period")
    assert period.evidence == ["E1", "E6"] and period.message.endswith("01/09/2020.")


def test_records_whose_words_give_the_childs_own_are_pointed_at() -> None:
    """Seen, no views answer, but the record's words give the child's own ("Kim said she
    was hungry"): still counted as views not recorded, and named as able to fill the
    column; someone else's report of the child's words is not."""
    case = case_of([
        entry(1, "HV", "01/06/2019", seen=Recorded.YES, summary="Kim said she was hungry."),
        entry(2, "HV", "02/06/2019", seen=Recorded.YES, summary="Mum said Kim wants to move."),
        entry(3, "HV", "03/06/2019", seen=Recorded.YES, views=Recorded.NO,
              summary="Kim told the nurse she was hungry."),
    ])
    (flag,) = flags(case, "views-not-recorded")
    assert flag.evidence == ["E1", "E2", "E3"]
    assert flag.message.endswith(
        "on 3 of them the child's views were not recorded: HV 01/06/2019; HV 02/06/2019; HV "
        "03/06/2019. One of them says in its own words what Kim said, wished or was asked (HV "
        "01/06/2019): read it; the views column can be filled at the source.")


def test_views_expected_only_from_the_set_age() -> None:
    young = [entry(1, "HV", "01/06/2016", seen=Recorded.YES)]  # aged 1
    assert flags(case_of(young), "views-not-recorded") == []
    older = [entry(1, "HV", "01/06/2019", seen=Recorded.YES),
             entry(2, "HV", "02/06/2019", seen=Recorded.YES, views=Recorded.YES)]
    (flag,) = flags(case_of(older), "views-not-recorded")
    assert flag.evidence == ["E1"]
    assert flags(case_of(older, views_from_age=5), "views-not-recorded") == []
    # seen once: said so ("was seen 1 times ... on 1 of them")
    (once,) = flags(case_of(older[:1]), "views-not-recorded")
    assert " was seen once at an age to give views (3 or over), and then the child's views " \
           "were not recorded: HV 01/06/2019." in once.message


def test_unseen_periods_use_date_bounds_honestly() -> None:
    case = case_of([
        entry(1, "HV", "01/01/2020", seen=Recorded.YES),
        entry(2, "HV", "March 2020", seen=Recorded.YES),  # a month-only sighting
        entry(3, "HV", "30/06/2020", ContactKind.MEETING),
    ])
    gaps = sorted((f.period.earliest, f.period.latest) for f in flags(case, "unseen-period"))
    # before: closed at the start of March; after: opened at the end of March
    assert gaps == [(date(2020, 1, 1), date(2020, 3, 1)), (date(2020, 3, 31), date(2020, 6, 30))]
    assert flags(case_of(case.entries, unseen_days=90), "unseen-period")[0].period.earliest == \
        date(2020, 3, 31)


def test_unseen_period_starts_at_birth_when_the_chronology_starts_earlier() -> None:
    baby = CHILD.model_copy(update={"birth": PartialDate.parse("01/06/2019")})
    fam = family().model_copy(update={"people": [baby, MUM, LODGER]})
    case = case_of([entry(1, "HV", "01/01/2019", ContactKind.MEETING, children=False),
                    entry(2, "HV", "01/09/2019", seen=Recorded.YES),
                    entry(3, "HV", "02/09/2019", ContactKind.MEETING)], fam)
    (flag,) = flags(case, "unseen-period")
    assert flag.period.earliest == date(2019, 6, 1) and "92 days" in flag.message
    assert flag.message == (
        "Longest period in which no agency recorded seeing Kim: 92 days, from the child's "
        "birth (01/06/2019) to the next on 01/09/2019.")


def test_the_last_unseen_period_ends_at_the_childs_death() -> None:
    """A child who died: the period after the last sighting ends at the death, and says so
    (as the death is known: a month, if only the month is)."""
    for died, shown, last in (("05/03/2020", "05/03/2020", date(2020, 3, 5)),
                              ("March 2020", "Mar 2020", date(2020, 3, 1))):
        child = CHILD.model_copy(update={"death": PartialDate.parse(died)})
        fam = family().model_copy(update={"people": [child, MUM, LODGER]})
        case = case_of([entry(1, "HV", "01/10/2019", seen=Recorded.YES),
                        entry(2, "HV", "01/12/2019", seen=Recorded.YES),
                        entry(3, "Police", "01/06/2020", ContactKind.MEETING, children=False)],
                       fam)
        flag = max(flags(case, "unseen-period"), key=lambda f: f.period.latest)
        assert flag.period.latest == last
        assert flag.message.endswith(
            f"from the last recorded sighting on 01/12/2019 to the child's death ({shown}).")


def test_siblings_unseen_over_the_same_days_share_one_flag() -> None:
    """Children unseen together from the same day to the same day are one period, one flag,
    naming each; whose longest it is is said; a period that differs by a day is its own."""
    brother = CHILD.model_copy(update={"id": "B", "first_name": "Jo", "index": False})
    sister = CHILD.model_copy(update={"id": "S", "first_name": "Cat", "index": False})
    fam = family().model_copy(update={"people": [CHILD, brother, sister, MUM, LODGER]})

    def visit(n: int, day: str, seen: dict[str, Recorded]) -> Entry:
        return entry(n, "HV", day).model_copy(update={"children": {
            c: ChildRecord(seen=s) for c, s in seen.items()}})

    yes = Recorded.YES
    case = case_of([
        visit(1, "01/01/2020", {"C": yes, "B": yes, "S": yes}),
        visit(2, "01/03/2020", {"C": yes, "B": yes}),  # Cat not seen: her gap runs on
        visit(3, "02/03/2020", {"S": yes}),
        visit(4, "01/09/2020", {"C": yes, "B": yes, "S": yes}),
        visit(5, "01/10/2020", {"C": yes}),
    ], fam)
    found = sorted(flags(case, "unseen-period"), key=lambda f: (f.period.earliest, f.people))
    assert [(f.people, f.period.earliest, f.period.latest, f.severity.value) for f in found] == [
        (["C", "B"], date(2020, 1, 1), date(2020, 3, 1), "medium"),
        (["S"], date(2020, 1, 1), date(2020, 3, 2), "medium"),
        (["C", "B"], date(2020, 3, 1), date(2020, 9, 1), "high"),
        (["S"], date(2020, 3, 2), date(2020, 9, 1), "high"),
        (["B", "S"], date(2020, 9, 1), date(2020, 10, 1), "medium"),
        # the same days, but Kim's closed by a sighting, not by the chronology's end
        (["C"], date(2020, 9, 1), date(2020, 10, 1), "medium"),
    ]
    assert found[2].message == (
        "A period in which no agency recorded seeing Kim or Jo: 184 days, from the last "
        "recorded sighting on 01/03/2020 to the next on 01/09/2020; for each of them the "
        "longest.")
    assert found[2].evidence == ["E2", "E4"]
    assert found[4].message == (
        "A period in which no agency recorded seeing Jo or Cat: 30 days, from the last "
        "recorded sighting on 01/09/2020 to the end of the chronology (01/10/2020).")
    assert found[3].message.startswith("Longest period in which no agency recorded seeing "
                                       "Cat: 183 days")
    # one child's longest beside a sibling's shorter one: the flag says whose
    case = case_of([
        visit(1, "01/01/2019", {"B": yes}),
        visit(2, "01/07/2019", {"B": yes}),
        visit(3, "01/12/2019", {"B": yes}),
        visit(4, "01/03/2020", {"C": yes, "B": yes}),
        visit(5, "01/09/2020", {"C": yes, "B": yes}),
    ], fam)
    shared = next(f for f in flags(case, "unseen-period") if f.people == ["C", "B"])
    assert shared.severity.value == "high" and shared.message.endswith(
        "to the next on 01/09/2020; the longest for Jo.")
    from chronogen.draw.timeline import unseen_periods
    marked = unseen_periods(case.model_copy(update={"flags": find_flags(case)}))
    assert [longest for *_, longest in marked["C"]] == [True, False]
    assert [longest for *_, longest in marked["B"]] == [False, False, False, True]


def test_missed_appointments_cluster_and_no_access_visits() -> None:
    apart = [entry(1, "GP", "01/01/2019", ContactKind.WAS_NOT_BROUGHT),
             entry(2, "GP", "01/01/2020", ContactKind.WAS_NOT_BROUGHT)]
    (flag,) = flags(case_of(apart), "was-not-brought")
    assert flag.severity.value == "medium"
    close = [*apart, entry(3, "HV", "01/03/2020", ContactKind.WAS_NOT_BROUGHT),
             entry(4, "HV", "05/03/2020", ContactKind.NO_ACCESS_VISIT)]
    (flag,) = flags(case_of(close), "was-not-brought")
    assert flag.severity.value == "high" and len(flag.evidence) == 3
    assert len(flags(case_of(close), "no-access-visit")) == 1


def test_referrals_received_unanswered_and_to_absent_agencies() -> None:
    friday = date(2020, 3, 13)
    assert add_working_days(friday, 3) == date(2020, 3, 18)
    case = case_of([
        entry(1, "Police", "13/03/2020", ContactKind.INCIDENT, referral_to="CSC"),
        entry(2, "Children's Social Care", "18/03/2020", ContactKind.REFERRAL_RECEIVED),
        entry(3, "Police", "01/06/2020", ContactKind.INCIDENT, referral_to="social care"),
        entry(4, "Children's Social Care", "05/06/2020"),  # Friday: too late
        entry(5, "School", "01/07/2020", ContactKind.SCHOOL_CONTACT,
              outcome="Referral to CAMHS for assessment."),
        entry(6, "School", "02/07/2020", ContactKind.SCHOOL_CONTACT,
              outcome="Decided not to make a referral to CSC."),
    ])
    (late,) = flags(case, "referral-not-received")
    assert late.evidence == ["E3"]
    assert "no entry between then and 04/06/2020" in late.message
    assert "The next Children's Social Care entry is on 05/06/2020" in late.message
    (absent,) = flags(case, "referral-to-absent-agency")
    assert absent.evidence == ["E5"] and "referred to CAMHS on 01/07/2020" in absent.message


@pytest.mark.parametrize(("text", "to"), [
    ("Referral to CAMHS for assessment.", "CAMHS"),
    ("Referral to Child and Adolescent Mental Health Services", "Child and Adolescent Mental "
     "Health Services"),
    ("Referral to CSC declined by CSC", "CSC"),  # made, and declined by CSC
    ("Referral to CSC has been made", "CSC"),
    ("Referral to CSC (threshold not met)", "CSC"),
    # none made: said before it or straight after (each was a referral, "CSC not made" or
    # "CSC to be made" the agency, and the referral flags followed)
    ("Decided not to make a referral to CSC.", None),
    ("Mother declined referral to Early Help", None),
    ("Consider referral to CSC", None),
    ("Will make a referral to CSC if concerns continue", None),
    ("Referral to CSC not made", None),
    ("Referral to CSC to be made by HV", None),
    ("Referral to CSC was not sent", None),
    ("Referral to CSC?", None),
    # a referral by its form, in the police's and partners' words (none before)
    ("PPN submitted to MASH", "MASH"), ("MARF sent to CSC", "CSC"),
    ("Multi-agency referral form completed and sent to the MASH", "MASH"),
    ("Public protection notice shared with CSC", "CSC"),
    ("PPN not submitted to MASH", None), ("PPN to be sent to MASH", None),
    ("Consider PPN to MASH", None),
    ("Referral into MASH", "MASH"), ("Referral to MASH via PPN", "MASH"),
])
def test_a_referral_is_one_made(text: str, to: str | None) -> None:
    from chronogen.analyse.referral_text import referral_target_in

    assert referral_target_in(None, None, text, None) == to


def test_hidden_adult_rules() -> None:
    seen_only_in_text = [
        entry(1, "CSC", "01/03/2020", seen=Recorded.YES,
              summary="Mother said Vic no longer visits. Kim said Vic shouts."),
        entry(2, "GP", "02/03/2020", ContactKind.APPOINTMENT, people=["L"], children=False,
              summary="Vic Hart seen for back pain."),
        entry(3, "Police", "03/03/2020", ContactKind.INCIDENT, summary="Vic Hart arrested."),
    ]
    hidden = {f.people[0]: f for f in flags(case_of(seen_only_in_text), "hidden-adult")}
    assert set(hidden) == {"L"}  # the mother took part ("Mother said")
    assert hidden["L"].evidence == ["E2", "E3"]
    took_part = [*seen_only_in_text,
                 entry(4, "HV", "04/03/2020", seen=Recorded.YES, summary="Vic present at visit.")]
    assert flags(case_of(took_part), "hidden-adult") == []
    with_police = case_of(seen_only_in_text, hidden_adult_exclude_agencies=[])
    # once police contacts count, Vic's arrest concerned the child's household entry
    assert flags(with_police, "hidden-adult") == []


def test_missing_ethnicity_and_parental_focus() -> None:
    fam = family()
    fam.people[2] = LODGER.model_copy(update={"ethnicity": None})
    case = case_of([entry(n, "School", f"0{n}/03/2020", ContactKind.TELEPHONE, seen=Recorded.NO,
                          summary="Phone call with mother.") for n in range(1, 5)], fam)
    assert flags(case, "missing-ethnicity")[0].people == ["L"]
    (focus,) = flags(case, "parental-focus")
    assert "School: 4 of 4 direct contacts (100%)" in focus.message
    assert flags(case_of(case.entries, fam, parental_focus_min_contacts=5), "parental-focus") \
        == []


def test_toxic_trio_only_when_all_three_within_the_window() -> None:
    texts = ["Domestic incident, DASH high.", "Mother reports low mood.",
             "Father drunk at contact."]
    near = case_of([entry(n, "X", f"0{n + 1}/03/2020", ContactKind.OTHER, summary=t)
                    for n, t in enumerate(texts)])
    (flag,) = flags(near, "toxic-trio")
    assert flag.evidence == ["E0", "E1", "E2"]
    far = case_of([entry(0, "X", "01/01/2018", ContactKind.OTHER, summary=texts[0]),
                   entry(1, "X", "01/03/2020", ContactKind.OTHER, summary=texts[1]),
                   entry(2, "X", "02/03/2020", ContactKind.OTHER, summary=texts[2])])
    assert flags(far, "toxic-trio") == []
    # a GP's routine enquiry answered no three times is no toxic trio (it was one)
    asked = case_of([entry(n, "GP", f"0{n + 1}/03/2020", ContactKind.APPOINTMENT, summary=t)
                     for n, t in enumerate(["Routine enquiry re DV: no.",
                                            "No mental health concerns.",
                                            "Denies drug use; alcohol: none."])])
    assert flags(asked, "toxic-trio") == []


@pytest.mark.parametrize(("text", "closed"), [
    ("No further action", True), ("NFA", True), ("Case closed", True), ("Closed.", True),
    ("Closed to CSC, open to Early Help", True), ("Stepped down to Early Help", True),
    ("Signposted to food bank", True), ("Agreed to close", True), ("File closed", True),
    ("Closure summary completed", True), ("Referral closed - NFA", True),
    # none (each was a closure, and a start-again cycle could follow from it)
    ("Case not closed", False), ("Closure not agreed", False),
    ("Decision: case to remain open, not to close", False),
    ("Step down considered but not agreed", False), ("School closed for holidays", False),
    ("Close friend of mother visited", False), ("Disclosed DV", False),
    ("Closely monitored", False), ("Enclosed letter", False),
    # a health service's closure, and involvement ended (none before)
    ("Discharged from HV caseload", True), ("Discharged from the service", True),
    ("No further involvement", True), ("Ended involvement", True),
    ("Discharged from hospital", False), ("Not discharged from HV caseload", False),
    ("Early help involvement continues", False),
])
def test_a_closure_is_a_case_closed(text: str, closed: bool) -> None:
    from chronogen.analyse.flags.patterns import _closure

    assert bool(_closure(text, None)) is closed


def test_start_again_after_a_closure() -> None:
    case = case_of([
        entry(1, "CSC", "01/01/2019", ContactKind.REFERRAL_RECEIVED),
        entry(2, "CSC", "01/02/2019", ContactKind.ASSESSMENT, outcome="No further action."),
        entry(3, "CSC", "01/06/2019", ContactKind.REFERRAL_RECEIVED),
    ])
    (flag,) = flags(case, "start-again")
    assert flag.evidence == ["E1", "E2", "E3"]
    once = case_of(case.entries[:2])
    assert flags(once, "start-again") == []


def test_data_quality_flags() -> None:
    case = case_of([
        entry(1, "HV", "01/06/2014"),  # before Kim was born (2015)
        entry(2, "HV", "01/06/2014", summary="Antenatal booking visit."),  # pregnancy: fine
        entry(3, "HV", "2020"),
        entry(4, "HV", "01/01/2019"),  # row 5 earlier than row 4's 2020
    ])
    (outside,) = flags(case, "date-outside-life")
    assert outside.evidence == ["E1"] and "before Kim was born" in outside.message
    assert flags(case, "date-uncertain")[0].evidence == ["E3"]
    assert flags(case, "out-of-order")[0].evidence == ["E4"]


def test_a_file_that_runs_newest_first_is_out_of_order_only_against_its_own_order() -> None:
    days = ["01/06/2020", "01/05/2020", "01/04/2020", "01/03/2020", "01/02/2020"]
    newest_first = case_of([entry(n, "GP", day) for n, day in enumerate(days, start=1)])
    assert flags(newest_first, "out-of-order") == []  # every row before the one above
    days[2] = "01/07/2020"  # row 4 now later than row 3 above it, against the file's order
    (flag,) = flags(case_of([entry(n, "GP", day) for n, day in enumerate(days, start=1)]),
                    "out-of-order")
    assert flag.evidence == ["E3"]
    assert flag.message.startswith("GP.xlsx runs newest first") and "(rows 4)" in flag.message
    # two rows back in time are not enough to call a file newest first
    short = case_of([entry(n, "GP", day) for n, day in enumerate(days[3:], start=1)])
    assert flags(short, "out-of-order")[0].evidence == ["E2"]


def test_thresholds_are_read_from_case_toml(tmp_path: Path) -> None:
    import shutil

    from chronogen import read_case
    from tests.conftest import HARBOUR

    copy = tmp_path / "case"
    shutil.copytree(HARBOUR, copy)
    toml = (copy / "case.toml").read_text(encoding="utf-8")
    (copy / "case.toml").write_text(toml + "\n[settings]\nunseen_days = 200\n", encoding="utf-8")
    case = read_case(copy)
    assert {f.period.latest - f.period.earliest > timedelta(days=200)
            for f in case.flags if f.code == "unseen-period"} == {True}


def test_every_code_is_registered_ordered_and_documented() -> None:
    assert sorted(codes()) == sorted(FlagCode)  # every code has a rule, every rule a code
    assert len(codes()) == len(set(codes()))
    for code in FlagCode:
        page = DOCS / f"{code}.md"
        assert page.exists(), code
        text = page.read_text(encoding="utf-8")
        for heading in ("## What it finds", "## Why reviews care", "## Settings",
                        "## Example"):
            assert heading in text, (code, heading)


@given(st.lists(st.sampled_from(["Mother", "said", "DV", "domestic abuse", "low mood",
                                 "self-harm", "drunk", "Drugs", "marac", "hit mum", "fine",
                                 "Sertraline", "under the influence", "smelled of cannabis",
                                 "violent", "psychosis", "x", "nonviolent", "DOMESTİC abuse",
                                 "İNFLUENCE", "ſubstance", "ALCOHOL", "Zoë", "Hit Him"]),
                max_size=8))
def test_the_theme_prefilter_never_changes_what_is_found(words: list[str]) -> None:
    from chronogen.analyse.flags.patterns import THEMES, _themes

    text = " ".join(words)
    assert _themes(text) == frozenset(n for n, p in THEMES.items() if p.search(text))


_PART = st.one_of(st.none(), st.lists(st.sampled_from(
    ["Mother", "said", "DV", "hit", "mum", "low mood", "self-", "harm", "drunk", "x", "ſubstance",
     "İNFLUENCE", "no further", "action", "NFA", "closed", "step", "down", "case", "ended",
     "signposted", "referral", "to", "Referred to the", "CAMHS", "not", "GP", "for", "review",
     "no", "denies", "none", ":", ",", "but", "Closed", "dis", "agreed", "file",
     ".", "Zoë", "", " ", "DA", "MH", "concerns", "PND", "drinking", "heavily",
     "strangulation", "da", "history of"]), max_size=6).map(" ".join))


@given(_PART, _PART, _PART, _PART)
@example(None, "Seen at home. Plan: step", "down to early help", None)  # across the join
@example("Referral to GP", "referred to CAMHS for review", "not referred to X", None)
@example("Phone call", "Mum said dad hit", "mum last night; drunk", None)
@example(None, None, "MH history of DA", None)  # two themes' words overlapping: both
def test_the_rules_text_shortcuts_find_what_each_part_read_alone_finds(
        kind_text: str | None, summary: str | None, outcome: str | None,
        referral_to: str | None) -> None:
    """The text tests the rules make on an entry's texts together (one search of the parts
    joined, an outcome's answer first) against the plain patterns on each text."""
    import re

    from chronogen.analyse.flags.patterns import (
        _ANY_STEM_IN_PART,
        _CAPITALS,
        _CLOSURE,
        THEMES,
        _closure,
        themes_in,
    )
    from chronogen.analyse.referral_text import _REFERRED, made, referral_target_in
    from chronogen.domain.negation import negated

    parts = [t for t in (kind_text, summary, outcome) if t]
    joined = " ".join(parts)
    # as each part was searched
    stem = any(_ANY_STEM_IN_PART.search(t) or _CAPITALS.search(t) for t in parts)
    assert themes_in(kind_text, summary, outcome) == frozenset(
        n for n, p in THEMES.items() if stem and any(
            not negated(joined, m.start(), m.end()) for m in p.finditer(joined)))
    def closes(text: str | None) -> bool:  # a closure said, and not said not to be
        return bool(text) and any(not negated(text, m.start(), m.end()) for m in re.finditer(
            _CLOSURE.lowered.pattern, text or "", re.IGNORECASE))

    # an outcome's own closure, or one of the summary and outcome read together
    closing = " ".join(t for t in (summary, outcome) if t)
    assert _closure(summary, outcome) == (closes(outcome) or closes(closing))
    expected = referral_to or None
    for text in ([] if expected else [t for t in (kind_text, outcome, summary) if t]):
        found = [m.group("to").strip() for m in _REFERRED.finditer(text) if made(text, m)]
        if found:
            expected = found[0]
            break
    assert referral_target_in(referral_to, kind_text, outcome, summary) == expected


def test_a_long_listing_in_a_message_says_how_many_more() -> None:
    from chronogen.analyse.context import LISTED, some_of

    words = [f"w{n}" for n in range(LISTED + 1_200)]
    assert some_of(words).endswith(f"w{LISTED - 1} and 1,200 more")
    assert some_of(words, str.upper, "; ").endswith(f"W{LISTED - 1}; and 1,200 more")
    assert some_of(words[:LISTED]) == ", ".join(words[:LISTED - 1]) + f" and w{LISTED - 1}"
    assert some_of(["a", "b"], separator="; ") == "a; b"


@given(st.lists(st.tuples(st.sampled_from(["CSC", "GP", "HV"]),
                          st.dates(min_value=date(2019, 1, 1), max_value=date(2019, 3, 1)),
                          st.sampled_from(["", "March 2019", "2019"]),
                          st.sampled_from(list(ContactKind)),
                          st.dictionaries(st.sampled_from(["C", "D"]),
                                          st.tuples(*[st.sampled_from(list(Recorded))] * 3),
                                          max_size=2),
                          st.sampled_from([None, "Mother said all was well.", "Letter sent.",
                                           "Home visit with mum and dad."])),
                max_size=30))
def test_the_context_index_is_what_a_pass_of_its_own_gives(
        rows: list[tuple[str, date, str, ContactKind,
                         dict[str, tuple[Recorded, Recorded, Recorded]], str | None]]) -> None:
    """The flag context's one pass (the entries' columns, entries by agency sorted by day,
    by kind, the span, each child's sightings) against each worked out on its own, with the
    entries in any order (a case made by a caller need not be merged)."""
    from chronogen.analyse.context import DIRECT, EXPECT_SEEN, FlagContext
    from chronogen.model.chronology import span_of

    given = [entry(n, agency, vague or day.strftime("%d/%m/%Y"), kind, summary=summary,
                   referral_to="GP" if n % 3 == 0 else None).model_copy(update={
                       "children": {c: ChildRecord(seen=s, views=v, seen_alone=a)
                                    for c, (s, v, a) in records.items()}})
             for n, (agency, day, vague, kind, records, summary) in enumerate(rows)]
    ctx = FlagContext(case_of([]).model_copy(update={"entries": given}), Settings())
    # what the rules read: the entries less those repeating another word for word
    repeats = {id(repeat) for repeat, _ in ctx.repeats}
    entries = [e for e in given if id(e) not in repeats]
    columns = ctx.columns
    assert columns.entries is ctx.case.entries
    assert columns.bounds == [e.date.sort_key for e in entries]
    assert list(map(bool, columns.exact)) == [e.date.is_exact_day for e in entries]
    assert (columns.agencies, columns.kinds) == ([e.agency for e in entries],
                                                 [e.kind for e in entries])
    assert columns.sources == [e.source for e in entries]
    assert columns.referrals_to == {n: e.referral_to for n, e in enumerate(entries)
                                    if e.referral_to is not None}
    assert columns.children == [tuple((c, r.seen, r.views, r.seen_alone)
                                      for c, r in e.children.items()) for e in entries]
    took_part = [ctx.took_part(place) for place in range(len(entries))]
    assert took_part == [ctx.participants.of(e) for e in entries]
    ctx.forget_participants()
    assert ctx._took_part == []
    # asked again once forgotten: the same sets, the very ones shared
    assert all(ctx.took_part(place) is kept for place, kept in enumerate(took_part))
    assert ctx.of_kinds(DIRECT) == [e for e in entries if e.kind in DIRECT]
    assert ctx.of_kinds(EXPECT_SEEN) == [e for e in entries if e.kind in EXPECT_SEEN]
    for child in ("C", "D"):
        seen = [e for e in entries if e.children.get(child, ChildRecord()).seen is Recorded.YES]
        assert ctx.sightings_by_child.get(child, []) == sorted(
            (*e.date.sort_key, e.id) for e in seen)
    for agency in dict.fromkeys(e.agency for e in entries):
        own = sorted((e for e in entries if e.agency == agency),
                     key=lambda e: e.date.sort_key[0])
        assert ctx.by_agency[agency] == ([e.date.sort_key[0] for e in own], own)
    assert list(ctx.by_agency) == list(dict.fromkeys(e.agency for e in entries))
    for kind in ContactKind:
        assert ctx.of_kinds(frozenset({kind})) == [e for e in entries if e.kind is kind]
    span = span_of(entries)
    assert (ctx.start, ctx.end) == ((span[0], span[1]) if span else (None, None))


@given(st.lists(st.tuples(st.dates(min_value=date(2010, 1, 1), max_value=date(2022, 1, 1)),
                          st.sampled_from(["C", "D"])), max_size=20),
       st.dates(min_value=date(2012, 1, 1), max_value=date(2020, 1, 1)),
       st.one_of(st.none(), st.dates(min_value=date(2013, 1, 1), max_value=date(2021, 1, 1))),
       st.one_of(st.none(), st.dates(min_value=date(2012, 1, 1), max_value=date(2021, 1, 1))))
def test_contacts_outside_a_childs_life_are_each_found(
        rows: list[tuple[date, str]], born: date, died: date | None,
        older_died: date | None) -> None:
    """date-outside-life (which skips entries dated within every life) against each entry
    and child checked in turn."""
    older = Person(id="D", first_name="Dee", subject=True, birth=PartialDate.parse("2011"),
                   death=PartialDate.day(older_died) if older_died is not None else None)
    child = CHILD.model_copy(update={
        "birth": PartialDate.day(born),
        "death": PartialDate.day(died) if died is not None and died >= born else None})
    fam = Family(people=[child, older, MUM])
    entries = [entry(n, "CSC", day.strftime("%d/%m/%Y")).model_copy(
        update={"children": {who: ChildRecord()}}) for n, (day, who) in enumerate(rows)]
    found = {(f.evidence[0], f.people[0])
             for f in flags(case_of(entries, fam), "date-outside-life")}
    lives = {p.id: p for p in fam.people}
    expected = set()
    for made in entries:
        for who in made.children:
            person = lives[who]
            first, last = made.date.sort_key
            assert person.birth is not None and person.birth.earliest is not None
            if last < person.birth.earliest or (
                    person.death is not None and person.death.latest is not None
                    and first > person.death.latest):
                expected.add((made.id, who))
    assert found == expected


@pytest.mark.parametrize(("written", "agency"), [
    ("CSC", "Children's Social Care"), ("children social care", "Children's Social Care"),
    ("social work team", "Children's Social Care"), ("the housing officer", "Housing"),
    ("Police officer", "Police"), ("health visiting team", "Health Visiting"),
    ("GP practice", "GP"), ("the school", "School"),
    # another agency, or none: never one of the case's by a word they share
    ("school nurse", None), ("CAMHS team", None), ("officer", None), ("the", None),
])
def test_a_referral_names_the_case_agency_it_went_to(written: str, agency: str | None) -> None:
    """"Referral to children social care" went to Children's Social Care (an agency that
    sent no chronology, before: a referral-to-absent-agency flag)."""
    from chronogen.domain.agencies import resolve_agency

    names = ["Children's Social Care", "Police", "Health Visiting", "GP", "School", "Housing"]
    assert resolve_agency(written, names) == agency


@pytest.mark.parametrize(("ethnicity", "missing"), [
    (None, True), ("", True), ("Not known", True), ("Unknown", True), ("N/K", True),
    ("not recorded", True), ("TBC", True),
    ("White British", False), ("Not stated", False), ("Prefer not to say", False),
])
def test_ethnicity_written_as_not_known_is_not_recorded(ethnicity: str | None,
                                                        missing: bool) -> None:
    """"Not known" in the family file was ethnicity recorded: the flag for the national
    finding that ethnicity is poorly recorded did not see it."""
    fam = family()
    fam.people[2] = LODGER.model_copy(update={"ethnicity": ethnicity})
    flagged = flags(case_of([], fam), "missing-ethnicity")
    assert ("L" in (flagged[0].people if flagged else [])) is missing

"""Kinship queries, the people table, and the family workbook reader's words and checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen import (
    Family,
    Kinship,
    ParentKind,
    ParentRole,
    PartialDate,
    Person,
    Sex,
    people_table,
    read_case,
    read_family_file,
)
from chronogen.domain.kinship import Stay
from tests.conftest import HARBOUR
from tests.families import blended

DAY = date(2020, 6, 1)


@pytest.fixture(scope="module")
def kin() -> Kinship:
    return Kinship(blended())


@pytest.fixture(scope="module")
def harbour_kin() -> Kinship:
    return Kinship(read_family_file(HARBOUR / "family.xlsx").family)


@pytest.mark.parametrize(("person", "words"), [
    ("SAM", "index child"), ("BETH", "mother"), ("CARL", "father"),
    ("DORA", "maternal half-sister"), ("FINN", "paternal half-brother"),
    ("GAIL", "sister"), ("HUGO", "brother"), ("IVY", "sister"),
    ("JACK", "maternal grandfather"), ("KATE", "maternal grandmother"),
    ("LENA", "paternal grandmother"), ("MIKE", "paternal uncle"),
    ("ADAM", "mother's ex-partner"), ("ERIN", "father's ex-partner"),
    ("LOSS", "miscarriage (sibling)"), ("DUE", "unborn sibling"),
])
def test_relationship_to_the_index_child_in_words(kin: Kinship, person: str, words: str) -> None:
    assert kin.relationship(person, "SAM", DAY) == words


def test_cousins_and_nieces() -> None:
    family = blended()
    family.people.append(family.people[0].model_copy(update={
        "id": "COZ", "first_name": "Coz", "subject": False, "index": False}))
    family.people.append(family.people[0].model_copy(update={
        "id": "NEP", "first_name": "Nep", "subject": False, "index": False}))
    family.parent_links.append(family.parent_links[0].model_copy(
        update={"parent": "MIKE", "child": "COZ", "role": None}))
    family.parent_links.append(family.parent_links[0].model_copy(
        update={"parent": "DORA", "child": "NEP", "role": None}))
    kin = Kinship(family)
    assert kin.relationship("COZ", "SAM") == "paternal cousin"
    assert kin.relationship("NEP", "SAM") == "nephew"


def _add_person(family: Family, person: str) -> None:
    family.people.append(family.people[0].model_copy(update={
        "id": person, "first_name": person.title(), "subject": False, "index": False,
        "sex": Sex.UNKNOWN, "birth": None}))


def _add_child(family: Family, parent: str, child: str) -> None:
    for person in (parent, child):
        if family.get(person) is None:
            _add_person(family, person)
    family.parent_links.append(family.parent_links[0].model_copy(
        update={"parent": parent, "child": child, "role": None}))


def test_distant_kin_from_lines_of_descent() -> None:
    family = blended()
    _add_child(family, "MIKE", "COZ")      # father's brother's child: first cousin
    _add_child(family, "COZ", "COZKID")    # first cousin once removed
    _add_child(family, "SAM", "KID")       # child
    _add_child(family, "KID", "GKID")      # grandchild
    _add_child(family, "GKID", "GGKID")    # great-grandchild
    _add_child(family, "GGG", "KATE")      # Kate's mother: a maternal great-grandmother
    kin = Kinship(family)
    assert kin.cousin_degree("SAM", "COZ") == (1, 0)
    assert kin.cousin_degree("SAM", "COZKID") == (1, 1)
    assert kin.cousin_degree("SAM", "DORA") is None  # a half-sister, not a cousin
    assert kin.cousin_degree("SAM", "MIKE") is None  # an uncle, not a cousin
    assert kin.relationship("COZKID", "SAM") == "paternal cousin once removed"
    assert kin.relationship("GKID", "SAM") == "grandchild"
    assert kin.relationship("GGKID", "SAM") == "great-grandchild"
    assert kin.relationship("GGG", "SAM") == "maternal great-grandparent"
    assert kin.ancestors("GGKID")["SAM"] == 3
    assert kin.descendants("GGG")["SAM"] == 3


def test_second_cousins() -> None:
    family = blended()
    _add_child(family, "LENA", "AUNT2")  # a second child of the paternal grandmother
    _add_child(family, "AUNT2", "C1")
    _add_child(family, "C1", "C2")       # C2 and Sam's child would be second cousins
    _add_child(family, "SAM", "KID")
    kin = Kinship(family)
    assert kin.cousin_degree("KID", "C2") == (2, 0)
    assert kin.relationship("C2", "KID") == "second cousin (through Sam Test)"


def test_sibling_kinds(kin: Kinship) -> None:
    assert kin.full_siblings("SAM") == ["IVY", "GAIL", "HUGO"]
    assert kin.half_siblings("SAM") == ["DORA", "FINN"]
    assert kin.maternal_half_siblings("SAM") == ["DORA"]
    assert kin.paternal_half_siblings("SAM") == ["FINN"]
    assert kin.step_siblings("DORA") == ["FINN"]  # Carl's son, no parent shared with Dora
    assert kin.grandparents("SAM") == ["CARL", "JACK", "KATE", "LENA"][1:]


def test_a_pregnancy_column_in_the_family_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Name", "Sex", "DOB", "Pregnancy"])
    sheet.append(["A", "Ann Smith", "F", "1990", None])
    sheet.append(["B", None, None, "June 2021", "unborn"])
    sheet.append(["C", None, None, "2019", "stillborn"])
    sheet.append(["D", None, None, "2018", "lost"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    result = read_family_file(path)
    outcomes = [p.pregnancy.value if p.pregnancy else None for p in result.family.people]
    assert outcomes == [None, "pregnancy", "stillbirth", None]
    problem = next(p for p in result.problems if "pregnancy 'lost'" in p.message)
    assert problem.row == 5


def test_a_disability_or_send_column_in_the_family_workbook(tmp_path: Path) -> None:
    from chronogen.read.family.gedcom import read_gedcom
    from chronogen.write.gedcom import write_gedcom

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Name", "DOB", "Disability / SEND", "Subject"])
    sheet.append(["A", "Ava Smith", "2016", "Autism;  EHC plan", "yes"])
    sheet.append(["B", "Ben Smith", "2018", "None", "yes"])
    sheet.append(["C", "Cat Smith", "1990", None, "no"])
    path = tmp_path / "f.xlsx"
    book.save(path)
    family = read_family_file(path).family
    assert [(p.disability, p.disabled.value) for p in family.people] == [
        ("Autism; EHC plan", "yes"), ("None", "no"), (None, "not recorded")]
    again, _ = read_gedcom(write_gedcom(family, tmp_path / "f.ged"))
    assert [p.disability for p in again.people] == [p.disability for p in family.people]


def test_mother_and_father_come_from_the_record_not_from_sex() -> None:
    family = blended()
    links = [link.model_copy(update={"role": None}) for link in family.parent_links]
    kin = Kinship(family.model_copy(update={"parent_links": links}))
    assert kin.mother("SAM") is None and kin.father("SAM") is None
    assert kin.relationship("BETH", "SAM") == "parent"
    assert kin.relationship("DORA", "SAM") == "half-sister (through Beth Test)"


def test_step_and_foster_parents_are_named_as_such() -> None:
    family = blended()
    family.parent_links.append(family.parent_links[0].model_copy(
        update={"parent": "MIKE", "child": "DORA", "kind": ParentKind.FOSTER, "role": None}))
    assert Kinship(family).relationship("MIKE", "DORA") == "foster carer"


def test_partners_and_households_on_a_date(kin: Kinship) -> None:
    assert kin.partners_on("BETH", date(2010, 1, 1)) == ["ADAM"]
    assert kin.partners_on("BETH", DAY) == ["CARL"]
    assert "MIKE" in kin.household_on("SAM", DAY)
    assert "MIKE" not in kin.household_on("SAM", date(2019, 6, 1))
    assert kin.lived_with_on("SAM", "FINN", DAY) is False


def test_adults_who_lived_with_the_child_in_a_period(harbour_kin: Kinship) -> None:
    stays = harbour_kin.adults_in_household("P1", date(2019, 1, 1), date(2021, 2, 11))
    assert stays == [
        Stay("P4", "14 Quay Street", date(2019, 1, 1), date(2021, 2, 11)),
        Stay("P5", "14 Quay Street", date(2019, 1, 1), date(2019, 5, 20)),
        Stay("P7", "14 Quay Street", date(2020, 3, 1), date(2021, 2, 11)),
    ]
    # children of the review are not "adults in the household", however old
    assert all(s.person not in {"P2", "P3"} for s in stays)


def test_people_table_for_the_harbour_family() -> None:
    family = read_family_file(HARBOUR / "family.xlsx").family
    rows = {r.id: r for r in people_table(family, date(2021, 2, 11))}
    assert rows["P7"].relationship_to_index == "mother's partner"
    assert rows["P7"].lived_with_index is True and rows["P7"].age_approximate
    assert rows["P5"].lived_with_index is False
    assert rows["P9"].age is None and rows["P9"].died == "02/03/2017"
    assert rows["P3"].relationship_to_index == "maternal half-sister"
    assert rows["P6"].ethnicity is None
    # what the family file notes of each, as written
    assert rows["P7"].notes == "known to police" and rows["P1"].notes is None


# -- the family workbook reader ---------------------------------------------------------


def family_book(tmp_path: Path, people: list[list[object]], relations: list[list[object]],
                households: list[list[object]] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Who"  # sheets are found by their headings, not their names
    sheet.append(["Ref", "Name", "Gender", "DOB", "Subject"])
    for row in people:
        sheet.append(row)
    rel = book.create_sheet("Links")
    rel.append(["Person", "Related person", "Relationship", "From", "To", "Ended by"])
    for row in relations:
        rel.append(row)
    if households is not None:
        home = book.create_sheet("Homes")
        home.append(["Address", "Person", "Moved in", "Moved out"])
        for row in households:
            home.append(row)
    path = tmp_path / "family.xlsx"
    book.save(path)
    return path


PEOPLE = [["A", "Ann Smith", "F", "1980", ""], ["B", "Bob Smith", "M", "1978", ""],
          ["C", "Cal Smith", "M", "2010", "Y (index)"], ["D", "Dee Jones", "F", "2012", "Y"],
          ["E", "Eve Smith", "F", "1950", ""]]


def test_relationship_words_in_either_direction(tmp_path: Path) -> None:
    path = family_book(tmp_path, PEOPLE, [
        ["A", "C", "mother of"], ["C", "B", "son of"], ["A", "B", "ex-partner", "2005", "2011"],
        ["B", "A", "violence"], ["E", "A", "Mother"], ["A", "E", "close"],
    ])
    result = read_family_file(path)
    family = result.family
    assert [p.id for p in family.people] == ["A", "B", "C", "D", "E"]
    assert family.index_child is not None and family.index_child.id == "C"
    pairs = {(link.parent, link.child, link.role) for link in family.parent_links}
    assert pairs == {("A", "C", ParentRole.MOTHER), ("B", "C", None),
                     ("E", "A", ParentRole.MOTHER)}
    assert family.partnerships[0].ended_by is not None
    assert {r.kind.value for r in family.relations} == {"violence", "close"}
    assert Kinship(family).relationship("E", "C") == "maternal grandmother"


def test_siblings_with_unknown_parents_get_placeholders(tmp_path: Path) -> None:
    path = family_book(tmp_path, PEOPLE, [["C", "D", "half-sister"], ["A", "B", "brothers"]])
    family = read_family_file(path).family
    placeholders = [p for p in family.people if p.placeholder]
    assert len(placeholders) == 5  # C and D: one shared, one each; A and B: two shared
    kin = Kinship(family)
    assert kin.half_siblings("C") == ["D"]
    assert kin.full_siblings("A") == ["B"]


def test_grandparent_words_create_the_missing_parent(tmp_path: Path) -> None:
    path = family_book(tmp_path, PEOPLE, [["E", "D", "grandmother of"]])
    family = read_family_file(path).family
    kin = Kinship(family)
    assert kin.grandparents("D") == ["E"]
    assert any(p.placeholder for p in family.people)


@pytest.mark.parametrize(("relations", "message"), [
    ([["A", "Z", "mother of"]], "'Z' is not a person id or name"),
    ([["A", "C", "aunt-ish"]], "relationship 'aunt-ish' is not understood"),
    ([["A", None, "partner"]], "no person given"),
    ([["C", "A", "mother of"]], "born before their parent"),
    ([["A", "C", "mother of"], ["C", "A", "mother of"]], "their own ancestor"),
    ([["A", "A", "partner"]], "related to themselves"),
])
def test_bad_family_input_is_a_located_problem(tmp_path: Path, relations: list[list[object]],
                                              message: str) -> None:
    result = read_family_file(family_book(tmp_path, PEOPLE, relations))
    assert any(message in p.message for p in result.problems), [
        p.message for p in result.problems]
    located = [p for p in result.problems if message in p.message]
    assert all(p.file == "family.xlsx" and p.sheet == "Links" and p.row for p in located)


def test_duplicate_ids_and_death_before_birth(tmp_path: Path) -> None:
    people = [*PEOPLE, ["A", "Another Ann", "F", "1990", ""]]
    result = read_family_file(family_book(tmp_path, people, []))
    duplicate = next(p for p in result.problems if "duplicate id" in p.message)
    assert (duplicate.sheet, duplicate.row) == ("Who", 7)
    family = Family.model_validate({"people": [
        {"id": "X", "birth": {"text": "2000", "earliest": "2000-01-01", "latest": "2000-12-31",
                              "precision": "year"},
         "death": {"text": "1999", "earliest": "1999-01-01", "latest": "1999-12-31",
                   "precision": "year"}}]})
    from chronogen.read.family.checks import check_family

    assert any("died before they were born" in p.message for p in check_family(family, "f"))


def test_family_json_round_trip(tmp_path: Path) -> None:
    family = read_family_file(HARBOUR / "family.xlsx").family
    path = tmp_path / "family.json"
    path.write_text(family.model_dump_json(), encoding="utf-8")
    assert read_family_file(path).family == family


# -- as at a date: only what had begun ----------------------------------------------------


def test_people_as_at_a_date_before_a_partnership_began() -> None:
    family = read_family_file(HARBOUR / "family.xlsx").family
    rows = {r.id: r for r in people_table(family, date(2019, 6, 1))}
    assert rows["P7"].relationship_to_index == "no recorded relationship"  # Dean: from 2020
    assert rows["P5"].relationship_to_index == "father"
    later = {r.id: r for r in people_table(family, date(2021, 2, 11))}
    assert later["P7"].relationship_to_index == "mother's partner"
    kin = Kinship(family)
    assert kin.relationship("P7", "P4", date(2019, 6, 1)) == "no recorded relationship"
    assert kin.relationship("P6", "P4", date(2019, 6, 1)) == "ex-partner"


def test_the_genogram_as_at_a_date_draws_only_what_had_begun() -> None:
    from chronogen import to_dot
    from chronogen.domain.kinship import family_as_at

    family = read_family_file(HARBOUR / "family.xlsx").family
    then = family_as_at(family, date(2019, 6, 1))
    assert not [p for p in then.partnerships if "P7" in p.partners]  # Dean and Jade: 2020
    assert not [r for r in then.relations if "P7" in (r.a, r.b)]     # violence: later
    married = next(p for p in then.partnerships if set(p.partners) == {"P4", "P5"})
    assert married.end is not None  # separated in May 2019: already over
    text = to_dot(family, as_at=date(2019, 6, 1))
    later = to_dot(family, as_at=date(2021, 2, 11))
    assert '"U:P4+P7"' not in text and '"U:P7+P4"' not in text
    assert 'color="red", penwidth=2.0' not in text  # Dean's violence: begins later
    assert '"U:P4+P7"' in later and 'color="red", penwidth=2.0' in later


def test_one_default_as_at_date_for_every_command() -> None:
    from chronogen.pipeline import default_as_at

    case = read_case(HARBOUR)
    last = max(e.date.sort_key[0] for e in case.entries)
    assert default_as_at(HARBOUR, case.family) == last  # what build draws at
    assert default_as_at(HARBOUR / "case.toml", case.family) == last
    from chronogen.draw.dot import default_as_at as family_only

    assert default_as_at(HARBOUR / "family.xlsx", case.family) == family_only(case.family)


def test_focus_on_the_index_child_for_large_families() -> None:
    from chronogen.domain.kinship import focus_family

    family = read_family_file(HARBOUR / "family.xlsx").family
    names = {p.id: p.first_name for p in family.people}
    near = focus_family(family, generations=1)
    assert sorted(names[p.id] for p in near.people) == sorted(
        ["Mia", "Leo", "Ava", "Jade", "Ryan", "Liam", "Dean"])  # no grandparents
    assert all(set(p.partners) <= {x.id for x in near.people} for p in near.partnerships)
    home = focus_family(family, household_on=date(2021, 2, 11))
    assert {names[p.id] for p in home.people} >= {"Mia", "Leo", "Ava", "Jade", "Dean"}
    assert "Karen" not in {names[p.id] for p in home.people}
    assert focus_family(family) == family


@given(st.lists(st.tuples(st.sampled_from(["add", "replace", "remove", "swap", "copy"]),
                          st.integers(min_value=0, max_value=9)), max_size=25))
def test_looking_people_up_by_id_matches_a_plain_search_whatever_the_list_goes_through(
        steps: list[tuple[str, int]]) -> None:
    from chronogen import Family, Person

    family = Family(people=[Person(id=f"P{n}") for n in range(4)])
    for action, n in steps:
        if action == "add":
            family.people.append(Person(id=f"P{n}", first_name="again"))
        elif action == "replace" and family.people:
            family.people[n % len(family.people)] = Person(id=f"P{n + 3}")
        elif action == "remove" and family.people:
            family.people.pop(n % len(family.people))
        elif action == "swap":
            family.people = list(reversed(family.people))
        elif action == "copy":
            family = family.model_copy(update={"people": family.people[: n + 1]})
        for wanted in (f"P{k}" for k in range(13)):
            plain = next((p for p in family.people if p.id == wanted), None)
            assert family.get(wanted) is plain


@given(born=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
       day=st.dates(date(1985, 1, 1), date(2060, 12, 31)), years=st.integers(-2, 20))
def test_the_first_day_of_an_age_agrees_with_the_age(born: date, day: date, years: int) -> None:
    person = Person(id="C", first_name="Mia", birth=PartialDate.day(born))
    first = person.first_day_aged(years)
    age = person.age_on(day)
    assert first is not None
    assert (day >= first) == (age is not None and age >= years), (born, day, years)


def test_no_first_day_of_an_age_without_a_birth() -> None:
    assert Person(id="C", first_name="Mia").first_day_aged(3) is None


def _grandmother_with_partners() -> Kinship:
    """Mia; her mother Jade; Jade's parents Karen and Peter (together until 2000); Karen's
    later partners Tony (2002-2010) and Alan (from 2015); Karen's mother Edna, whose second
    husband is Walter."""
    from chronogen import ParentLink, Partnership

    people = [Person(id="C", first_name="Mia", subject=True, index=True, sex=Sex.FEMALE),
              Person(id="M", first_name="Jade", sex=Sex.FEMALE),
              Person(id="G", first_name="Karen", sex=Sex.FEMALE),
              Person(id="GF", first_name="Peter", sex=Sex.MALE),
              Person(id="T", first_name="Tony", sex=Sex.MALE),
              Person(id="A", first_name="Alan", sex=Sex.MALE),
              Person(id="E", first_name="Edna", sex=Sex.FEMALE),
              Person(id="W", first_name="Walter", sex=Sex.MALE)]
    links = [ParentLink(parent="M", child="C", role=ParentRole.MOTHER),
             ParentLink(parent="G", child="M", role=ParentRole.MOTHER),
             ParentLink(parent="GF", child="M", role=ParentRole.FATHER),
             ParentLink(parent="E", child="G", role=ParentRole.MOTHER)]
    partnerships = [
        Partnership(partners=("G", "GF"), start=PartialDate.parse("1980"),
                    end=PartialDate.parse("2000")),
        Partnership(partners=("G", "T"), start=PartialDate.parse("2002"),
                    end=PartialDate.parse("2010")),
        Partnership(partners=("G", "A"), start=PartialDate.parse("2015")),
        Partnership(partners=("E", "W"), start=PartialDate.parse("1990"))]
    return Kinship(Family(people=people, parent_links=links, partnerships=partnerships))


@pytest.mark.parametrize(("person", "day", "words"), [
    ("T", date(2005, 1, 1), "maternal grandmother's partner"),
    ("T", date(2020, 1, 1), "maternal grandmother's ex-partner"),
    ("A", date(2020, 1, 1), "maternal grandmother's partner"),
    ("A", date(2012, 1, 1), "no recorded relationship"),  # not yet her partner
    ("W", date(2020, 1, 1), "maternal great-grandmother's partner"),
    ("GF", date(2020, 1, 1), "maternal grandfather"),  # her own forebear, whatever Karen's
    ("G", date(2020, 1, 1), "maternal grandmother"),
])
def test_a_grandparents_later_partners_are_named_through_the_grandparent(
        person: str, day: date, words: str) -> None:
    assert _grandmother_with_partners().relationship(person, "C", day) == words

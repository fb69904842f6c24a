"""The anonymised set, tested as an attacker would: no original name, alias, practitioner
name, address or postcode in any byte of any anonymised file (zip parts and PDF text too)."""

from __future__ import annotations

import random
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from chronogen import (
    Case,
    ChildRecord,
    Entry,
    Family,
    FileReport,
    HouseholdMembership,
    ParentLink,
    PartialDate,
    Partnership,
    Person,
    Recorded,
    Sex,
    SourceRef,
    analyse_case,
    read_case,
    write_outputs,
)
from chronogen.anonymise import ROLE_WORDS, anonymise_case
from tests.attacker import leaks
from tests.conftest import HARBOUR


def identifying_words(case: Case) -> set[str]:
    """What must never appear: every name part, alias, practitioner name, household."""
    words: set[str] = set()
    for person in case.family.people:
        if person.placeholder:
            continue
        for part in (person.first_name, person.surname, person.known_as, *person.aliases):
            if part:
                words.update(w for w in re.split(r"\s+", part) if len(w) > 1)
    for entry in case.entries:
        for word in re.findall(r"[^\W\d_][\w'’-]+", entry.practitioner or ""):
            if word.lower() not in ROLE_WORDS and len(word) > 2:
                words.add(word)
    words.update(m.household for m in case.family.households)
    return words


@pytest.mark.slow
def test_the_bundled_case_anonymised_names_nobody(tmp_path: Path) -> None:
    case = read_case(HARBOUR)
    result = write_outputs(case, tmp_path / "out", anonymise=True)
    folder = tmp_path / "out" / "anonymised"
    assert {p.name for p in result.anonymised} >= {
        "case.json", "chronology.xlsx", "chronology.docx", "report.html", "chronology.csv",
        "genogram.svg", "genogram.pdf", "timeline.svg"}
    words = identifying_words(case)
    assert {"Mia", "Harbour", "Foster", "Green", "14 Quay Street"} <= words
    assert leaks(folder, words) == []
    original = tmp_path / "original"
    original.mkdir()
    for name in ("case.json", "chronology.docx", "genogram.pdf"):
        shutil.copy(tmp_path / "out" / name, original)
    assert len(leaks(original, words)) > 10  # the same search finds them where they are
    # the list of what was replaced names people: it sits beside the set, never inside it
    assert result.anonymisation_log == tmp_path / "out" / "anonymisation.csv"
    assert not list(folder.glob("anonymisation*"))
    log = result.anonymisation_log.read_text(encoding="utf-8-sig")
    assert "Dean FOSTER,Mother's partner" in log and "pseudonym,P1,,Child A," in log


def test_pseudonyms_come_from_roles_and_can_be_overridden() -> None:
    case = read_case(HARBOUR)
    names = anonymise_case(case).pseudonyms
    assert names["P1"] == "Child A"  # the index child first
    assert {"Mother", "Father", "Mother's partner", "Maternal grandmother"} <= set(names.values())
    override = case.model_copy(update={"publication": case.publication.model_copy(
        update={"pseudonyms": {"P7": "Adult male 1"}})})
    assert anonymise_case(override).pseudonyms["P7"] == "Adult male 1"


def test_dates_of_birth_become_years_and_ids_are_renumbered() -> None:
    case = read_case(HARBOUR)
    anonymised = anonymise_case(case).case
    for person in anonymised.family.people:
        if person.birth is not None:
            assert person.birth.precision.value == "year"
            assert person.birth.earliest == date(person.birth.earliest.year, 1, 1)
    assert [p.id for p in anonymised.family.people] == [
        f"P{n}" for n in range(1, len(case.family.people) + 1)]
    assert all(e.reference is None for e in anonymised.entries)
    # of the agencies' cells, only the answers' and significance's are kept (the child's
    # words): the police's incident number and "DASH risk" are gone
    kept = {(f.file, heading) for f in anonymised.files
            for heading, name in (f.columns | f.child_columns).items()
            if name in ("seen", "views", "seen_alone", "significance")}
    assert all((e.source.file, heading) in kept for e in anonymised.entries for heading in e.raw)
    assert any(e.raw for e in anonymised.entries)
    police = [e.raw for e in anonymised.entries if e.agency == "Police"]
    assert police and not any(police)
    assert anonymised.marking.startswith("ANONYMISED")
    assert len(anonymised.flags) == len(case.flags)  # the same findings, pseudonymised


def test_no_household_gives_away_a_birthday() -> None:
    """A child born into a household moved in on their birthday: the anonymised family's
    household said 14/02/2016 while the child's birth said 2016. The day goes as the birth
    goes (to its year, or nothing); other days of moving in stay."""
    case = read_case(HARBOUR)
    births = {p.birth.earliest for p in case.family.people
              if p.birth is not None and p.birth.precision.value == "day"}
    anonymised = anonymise_case(case).case
    starts = {s.start for s in anonymised.family.households if s.start is not None}
    assert all(start.precision.value == "year" or start.earliest not in births
               for start in starts)
    child_a = next(s for s in anonymised.family.households if s.person == "P1")
    assert child_a.start is not None and child_a.start.text == "2016"
    moved = next(s for s in anonymised.family.households if s.person == "P7")
    assert moved.start is not None and moved.start.earliest == date(2020, 3, 1)
    dropped = read_case(HARBOUR).model_copy(update={"publication": case.publication.model_copy(
        update={"birth": "age"})})
    child = next(s for s in anonymise_case(dropped).case.family.households if s.person == "P1")
    assert child.start is None


# -- a generated family, with names written every way agencies write them ---------------

FIRST = ["Jade", "Kayleigh", "Dean", "Tyler", "Mason", "Poppy", "Alfie", "Ruby", "Connor",
         "Shannon", "Kian", "Amelia", "Zoë", "Seán", "Aaliyah", "Bartosz"]
SURNAMES = ["Harbour", "Pemberton", "Okafor", "Nowak", "Whitlock", "Fairbairn", "Oyelaran",
            "Kowalczyk", "McAllister", "Thistlewood"]


def generated_case(seed: int) -> Case:
    rng = random.Random(seed)
    first = rng.sample(FIRST, 6)
    mum_surname, dad_surname, partner_surname = rng.sample(SURNAMES, 3)
    people = [
        Person(id="C1", first_name=first[0], surname=dad_surname, sex=Sex.FEMALE,
               birth=PartialDate.parse("14/02/2016"), subject=True, index=True),
        Person(id="C2", first_name=first[1], surname=mum_surname, known_as=first[1][:3] + "zy",
               sex=Sex.MALE, birth=PartialDate.parse("03/09/2012"), subject=True),
        Person(id="M", first_name=first[2], surname=mum_surname, sex=Sex.FEMALE,
               aliases=[f"{first[2]} {partner_surname}"], role="mother"),
        Person(id="F", first_name=first[3], surname=dad_surname, sex=Sex.MALE, role="father"),
        Person(id="PT", first_name=first[4], surname=partner_surname, sex=Sex.MALE),
        Person(id="GM", first_name=first[5], surname=mum_surname, sex=Sex.FEMALE),
    ]
    family = Family(
        people=people,
        parent_links=[ParentLink(parent="M", child="C1"), ParentLink(parent="F", child="C1"),
                      ParentLink(parent="M", child="C2"), ParentLink(parent="GM", child="M")],
        partnerships=[Partnership(partners=("M", "PT"), start=PartialDate.parse("2019"))],
        households=[HouseholdMembership(household="7 Larch Close", person=p)
                    for p in ("C1", "C2", "M", "PT")])
    c1, c2, mum, dad, partner, gran = (p.first_name or "" for p in people)
    texts = [
        f"{c1} seen at home; {mum}'s partner {partner.upper()} present.",
        f"Mr {partner_surname} arrested. {mum.lower()} said {c1.lower()} was asleep.",
        f"Call from {mum[0]}. {mum_surname} about {c2}'s school (known as {people[1].known_as}).",
        f"Letter sent to {mum}\n{mum_surname} at 7 Larch Close, LS12 4QT; copy to "
        f"{mum.lower()}.{mum_surname.lower()}@example.org, tel 07700 900123.",
        f"{gran} ({mum}'s mother) says {dad} {dad_surname} visits; {c1}'s DOB 14/02/2016.",
        f"NHS number 943 476 5919 for {c2}. {mum[0]}{mum_surname[0]} to be told. Neighbour "
        "Mrs Patel worried; her lodger Winterbottom too.",
        f"Seen by SW Thistlethwaite with {first[2]} {partner_surname} (her other name).",
    ]
    # the agency's cells: the child's words (kept, scrubbed) and a column read as no field
    # (left out), each naming people
    source = f"{mum_surname.lower()}_csc.xlsx"
    raw = {"Child's views": f"{c1} said {partner} {partner_surname} hurt {mum} "
                            "and Greenhalgh was there",
           f"{c1} seen?": f"Yes, with {gran} at 7 Larch Close",
           "Notes": f"{mum} {mum_surname}, LS12 4QT"}
    entries = [Entry(id=f"CSC-{n}", agency="Children's Social Care",
                     date=PartialDate.parse(f"{n + 1:02d}/03/2021"), summary=text,
                     practitioner="SW Thistlethwaite" if n % 2 else "Dr Ngozi Eze",
                     children={"C1": ChildRecord(seen=Recorded.YES)}, raw=raw,
                     source=SourceRef(file=source, sheet="Log", row=n + 2))
               for n, text in enumerate(texts)]
    files = [FileReport(file=source, sheet="Log",
                        columns={"Summary": "summary", "Child's views": "views"},
                        child_columns={f"{c1} seen?": "seen"})]
    return analyse_case(Case(title=f"{mum_surname} family", family=family, entries=entries,
                             files=files))


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_generated_family_leaks_nothing(seed: int, tmp_path: Path) -> None:
    case = generated_case(seed)
    write_outputs(case, tmp_path / "out", anonymise=True,
                  formats=["json", "xlsx", "csv", "html", "docx", "genogram"])
    words = identifying_words(case) | {"Thistlethwaite", "Ngozi", "Eze", "Larch", "LS12",
                                       "4QT", "07700", "943 476 5919", "14/02/2016",
                                       "example.org", "Patel"}
    assert leaks(tmp_path / "out" / "anonymised", words) == []
    original = tmp_path / "out" / "original"
    original.mkdir()
    shutil.copy(tmp_path / "out" / "chronology.xlsx", original)
    assert len(leaks(original, words)) > 5  # the same search finds them where they are
    anonymised = anonymise_case(case).case
    texts = [e.summary or "" for e in anonymised.entries]
    assert texts[0] == "Child A seen at home; Mother's partner Mother's partner present."
    assert texts[1] == "Mother's partner arrested. Mother said Child A was asleep."
    assert texts[3].startswith("Letter sent to Mother at Household 1, [postcode]; copy to "
                               "[e-mail], tel [telephone]")
    assert "Mrs Patel" not in texts[5] and "Neighbour [name] worried" in texts[5]
    assert "[date of birth]" in texts[4]
    log = anonymise_case(case).candidates
    assert "Winterbottom" in [c.word for c in log]  # a name nobody gave: listed to check
    # the child's words are kept, scrubbed as the summaries are (their headings too); the
    # other cells are left out; a name nobody gave in them is listed to check
    assert anonymised.entries[0].raw == {
        "Child's views": "Child A said Mother's partner hurt Mother and Greenhalgh was there",
        "Child A seen?": "Yes, with Maternal grandmother at Household 1"}
    assert "Greenhalgh" in [c.word for c in log]
    assert "Household" not in [c.word for c in log]  # the set's own label for an address


def test_pseudonymous_children_keep_their_whole_names_in_crowded_cells() -> None:
    from chronogen.write.appendix import build_appendix

    anonymised = anonymise_case(read_case(HARBOUR)).case
    assert [c.short for c in build_appendix(anonymised).children] == [
        "Child A", "Child B", "Child C"]
    assert [c.short for c in build_appendix(read_case(HARBOUR)).children] == [
        "Mia", "Leo", "Ava"]


def test_what_reading_said_of_a_cell_is_not_quoted(tmp_path: Path) -> None:
    """A name in a child column that matches no one (a man the family file does not know)
    and a note in a date cell are quoted by their problems and rejected rows: the
    anonymised set says what each code means instead, and keeps no cell's value."""
    from chronogen.model.problems import MEANINGS, ProblemCode
    from tests.conftest import one_agency_case

    case = read_case(one_agency_case(
        tmp_path / "case", "Health Visiting", "Date,Contact type,Child,Summary\n"
        "02/03/2020,Home visit,Kyle,Visited\n"
        "Prepared by Jane Winterbottom,,,\n", file_name="hv.csv"))
    said = case.model_dump_json()
    assert "Kyle" in said and "Winterbottom" in said  # quoted where they were found
    anonymised = anonymise_case(case).case
    published = anonymised.model_dump_json()
    assert "Kyle" not in published and "Winterbottom" not in published
    unknown = [p for p in anonymised.problems if p.code is ProblemCode.UNKNOWN_PERSON]
    assert [(p.file, p.row, p.column, p.value, p.message) for p in unknown] == [
        ("hv.csv", 2, "Child", None, "a name that matches no one in the family")]
    assert [(r.source.row, r.message) for r in anonymised.rejected] == [
        (3, "no date (or a note where the date should be)")]
    assert set(MEANINGS) == set(ProblemCode)


def test_a_name_nobody_gave_in_an_authors_note_or_the_family_files_notes_is_listed(
        harbour_case: Case) -> None:
    """The agencies' authors' notes to the review and the family file's notes are free text
    as the entries are: a word in them that looks like a name and matched nobody is listed
    for a person to check."""
    from chronogen.model.chronology import AuthorNote

    note = AuthorNote(text="# Records before 2019 were archived: ask Greenwood",
                      source=SourceRef(file="csc.xlsx", sheet="Log", row=3))
    people = [p.model_copy(update={"notes": "a friend of Trevor Oakes"}) if p.id == "P7"
              else p for p in harbour_case.family.people]
    first = harbour_case.entries[0].model_copy(update={"origin": "letter from Hawthorne",
                                                       "referral_to": "Dr Ashdown's clinic"})
    case = harbour_case.model_copy(update={
        "notes": [note], "family": harbour_case.family.model_copy(update={"people": people}),
        "entries": [first, *harbour_case.entries[1:]]})
    found = {c.word: c.first_seen for c in anonymise_case(case).candidates}
    assert "Records" not in found  # opening the note, after its mark
    assert found["Greenwood"] == "note, csc.xlsx, sheet 'Log', row 3"
    assert found["Trevor"] == found["Oakes"] == "P7.notes"
    assert found["Hawthorne"] == f"{first.id}.origin"  # where the record came from


def test_a_name_opening_a_cell_or_a_sentence_is_listed_where_it_is_no_english_word(
        tmp_path: Path) -> None:
    """A capitalised word opening a cell or a sentence is usually an ordinary word
    ("Visited", "Letter sent"); where it is no English word and the case never writes it in
    lower case, it may be a name nobody gave ("Wexford to follow up"): listed to check."""
    from tests.conftest import one_agency_case

    case = read_case(one_agency_case(
        tmp_path / "case", "GP", "Date,Contact type,Child,Summary,Outcome,Significance\n"
        "02/03/2020,Clinic,Mia,Visited. Sertraline reviewed,Wexford to follow up,"
        "Tobermory concerns\n"
        "09/03/2020,Clinic,Mia,Letter sent. Mother started sertraline,Rose to call,None\n",
        file_name="Quennell_GP_Chronology_notes.csv"))
    found = {c.word: (c.count, c.first_seen) for c in anonymise_case(case).candidates}
    first = case.entries[0].id
    assert found["Quennell"] == (1, "Quennell_GP_Chronology_notes.csv: the file's name")
    assert "Chronology" not in found  # a file's name capitalises its words
    assert found["Wexford"] == (1, f"{first}.outcome")
    assert found["Tobermory"] == (2, f"{first}.significance")  # the cell, kept as written
    # English words, and a word the case also writes in lower case, are not listed; nor is
    # a name that is also a word, opening a cell (a limit the docs state)
    for word in ("Visited", "Letter", "Sertraline", "Rose", "None"):
        assert word not in found, word

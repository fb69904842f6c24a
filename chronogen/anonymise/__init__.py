"""The anonymised case for publication: nobody named, in any field of any output.

:func:`anonymise_case` returns a new :class:`~chronogen.model.Case` in which every person is
a pseudonym from their role (:mod:`.pseudonyms`), every free-text field has names, addresses,
postcodes, e-mail addresses and telephone / NHS numbers replaced (:mod:`.scrubber`),
practitioners are "<agency> practitioner N", dates of birth are years (or gone), person ids
are renumbered, and agencies' reference numbers and original cell values (``raw``) are left
out but for the seen, views and significance cells (the child's own words), scrubbed; what
reading said of a problem or a rejected row (which quotes cells) becomes what its code means.
Every writer then writes it as it writes any case. What was replaced, and every capitalised
word that looks like a name but matched nobody (:mod:`.candidates`), is listed for a person
to check: anonymisation by rule is a first pass, not a guarantee.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chronogen.anonymise.candidates import Candidate, possible_names
from chronogen.anonymise.pseudonyms import pseudonyms
from chronogen.anonymise.scrubber import TITLES, Replacement, Scrubber, initials, name_variants
from chronogen.dates import PartialDate, Precision
from chronogen.model.case import Case
from chronogen.model.chronology import Entry, SourceReports
from chronogen.model.family import Person, Sex
from chronogen.model.problems import MEANINGS, ProblemCode

__all__ = ["Anonymised", "anonymise_case"]

#: words of practitioners' job titles: kept, never taken for a practitioner's name
_ROLE_WORDS_TEXT = """
hv sw gp ds dc pc psw dsl senco sn nurse health visitor social worker manager team leader
doctor dr consultant midwife officer police constable sergeant detective teacher head
headteacher deputy practitioner worker support family the of and a duty early help school
community mental drug alcohol service housing probation camhs mash student named lead
safeguarding paediatrician registrar
"""
ROLE_WORDS = frozenset(_ROLE_WORDS_TEXT.split())
_MALE_TITLES, _FEMALE_TITLES = {"Mr", "Master"}, {"Mrs", "Ms", "Miss"}


@dataclass
class Anonymised:
    """The anonymised case, what was replaced, and words a person should check."""

    case: Case
    pseudonyms: dict[str, str]
    replacements: list[Replacement] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


def _unique(values: list[str]) -> set[str]:
    lowered = [v.lower() for v in values]
    return {v for v in values if lowered.count(v.lower()) == 1}


def _people_words(scrubber: Scrubber, people: list[Person], names: dict[str, str]) -> None:
    firsts = [n for p in people for n in (p.first_name, p.known_as) if n]
    surnames = [p.surname for p in people if p.surname]
    unique_first, unique_surname = _unique(firsts), _unique(surnames)
    for person in people:
        pseudonym = names[person.id]
        for variant in name_variants(person.first_name, person.surname, person.known_as,
                                     person.aliases):
            scrubber.add(variant, pseudonym)
        for given in (person.first_name, person.known_as):
            if given:
                scrubber.add(given, pseudonym if given in unique_first else "[name]")
                for part in given.split()[1:]:  # a middle name
                    scrubber.add(part, "[name]")
        if person.surname:
            alone = pseudonym if person.surname in unique_surname else "[surname]"
            scrubber.add(person.surname, alone)
            for title in TITLES:
                scrubber.add(f"{title} {person.surname}",
                             _titled(title, person, people, pseudonym, alone))
                scrubber.add(f"{title}. {person.surname}",
                             _titled(title, person, people, pseudonym, alone))
        for letters in initials(person.first_name, person.surname):
            scrubber.add(letters, pseudonym, case_sensitive=True)
        if person.birth is not None and person.birth.is_exact_day and person.birth.earliest:
            day = person.birth.earliest
            for form in (f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}",
                         f"{day:%d/%m/%y}", day.isoformat(), f"{day:%d.%m.%Y}"):
                scrubber.add(form, "[date of birth]")


def _titled(title: str, person: Person, people: list[Person], pseudonym: str,
            alone: str) -> str:
    """"Mr Harbour": the one man of that surname, else as the surname alone."""
    if alone == pseudonym:
        return pseudonym
    sexes = {Sex.MALE} if title in _MALE_TITLES else {Sex.FEMALE} if title in _FEMALE_TITLES \
        else {Sex.MALE, Sex.FEMALE, Sex.UNKNOWN}
    same = [p for p in people if p.surname == person.surname and p.sex in sexes]
    return pseudonym if same == [person] else alone


def _practitioners(case: Case, scrubber: Scrubber) -> dict[tuple[str, str], str]:
    """(agency, practitioner as written) -> "<agency> practitioner N"; their names added."""
    chosen: dict[tuple[str, str], str] = {}
    counts: dict[str, int] = {}
    for entry in case.entries:
        if not entry.practitioner or (entry.agency, entry.practitioner) in chosen:
            continue
        counts[entry.agency] = counts.get(entry.agency, 0) + 1
        chosen[(entry.agency, entry.practitioner)] = \
            f"{entry.agency} practitioner {counts[entry.agency]}"
    tokens: dict[str, set[str]] = {}
    for (_, written), pseudonym in chosen.items():
        named = [w for w in re.findall(r"[^\W\d_][\w'’-]+", written)
                 if w.lower() not in ROLE_WORDS and len(w) > 2]
        if not named:
            continue  # a job title alone ("Social worker") names nobody
        scrubber.add(written, pseudonym)
        for word in named:
            tokens.setdefault(word, set()).add(pseudonym)
    for word, whose in tokens.items():
        scrubber.add(word, next(iter(whose)) if len(whose) == 1 else "[practitioner]")
    return chosen


#: fields of fixed vocabularies (and times): never free text
_TYPED = frozenset({"time", "code", "severity", "kind", "sex", "pregnancy", "seen", "views",
                    "seen_alone", "ended_by", "precision", "qualifier", "earliest", "latest"})


#: where a string stands in the case's data, built only when something in it is replaced:
#: (the place above, the key or list index and item here)
Where = tuple[Any, ...]


def where_text(where: Where) -> str:
    """``case.entries[E12].summary`` for a :data:`Where`."""
    parts: list[str] = []
    place: Where | None = where
    while place is not None:
        above, key, item = place
        parts.append(key if above is None else f"[{_label(item, key)}]" if isinstance(
            key, int) else f".{key}")
        place = above
    return "".join(reversed(parts))


def _walk(value: Any, where: Where, scrub: Callable[[str, Callable[[], str]], str]) -> Any:
    """Every string in JSON-like data scrubbed (dict keys too), with a readable location.
    Dates are left whole: their bounds are data, and their text is what the agency wrote."""
    if isinstance(value, str):
        return scrub(value, lambda: where_text(where))
    if isinstance(value, list):
        return [_walk(v, (where, n, v), scrub) for n, v in enumerate(value)]
    if isinstance(value, dict):
        if {"earliest", "latest", "precision"} <= value.keys():
            return {**value, "text": scrub(value["text"], lambda: where_text(
                (where, "text", None)))} if _has_letters(value.get("text")) else value
        return {scrub(k, lambda: where_text((where, "(key)", None))) if isinstance(k, str)
                else k: v if k in _TYPED else _walk(v, (where, k, v), scrub)
                for k, v in value.items()}
    return value


#: the fields whose cells the anonymised set keeps, scrubbed as the summaries are: the
#: child's own words in a seen or views cell, and the significance the entry keeps anyway.
#: Every other cell is left out: it may hold a reference number or an address in any shape
KEPT_FIELDS = frozenset({"seen", "views", "seen_alone", "significance"})


def _kept_cells(raw: dict[str, Any], kept: frozenset[str], where: Where,
                scrub: Callable[[str, Callable[[], str]], str]) -> dict[str, Any]:
    """The cells of *raw* under the headings *kept*, heading and text scrubbed (walked here,
    not with the entry: a heading may be a word the walk leaves alone, "seen")."""
    return {scrub(heading, lambda: where_text((where, "(key)", None))):
            _walk(value, (where, heading, value), scrub)
            for heading, value in raw.items() if heading in kept}


def _has_letters(text: object) -> bool:
    """A date written in words ("Mia's birthday") may hold a name; one in figures may not."""
    return isinstance(text, str) and re.search(r"[A-Za-z]{3,}", text) is not None


def _label(value: Any, index: int) -> str:
    return str(value["id"]) if isinstance(value, dict) and "id" in value else str(index)


def _birth(value: PartialDate | None, keep_year: bool) -> dict[str, Any] | None:
    if value is None or value.earliest is None or not keep_year:
        return None
    year = value.earliest.year
    return PartialDate(text=str(year), earliest=date(year, 1, 1),
                       latest=date(year, 12, 31),
                       precision=Precision.YEAR).model_dump(mode="json")


def _same_day(when: PartialDate | None, day: PartialDate | None) -> bool:
    """Whether *when* is the very day *day* is (a birth or a death known to the day)."""
    return (when is not None and day is not None and day.precision is Precision.DAY
            and when.sort_key == day.sort_key)


def anonymise_case(case: Case, as_at: date | None = None) -> Anonymised:
    """The case as it may be published: see the module's description."""
    names = pseudonyms(case, as_at)
    people = [p for p in case.family.people if not p.placeholder]
    scrubber = Scrubber()
    _people_words(scrubber, people, names)
    homes = list(dict.fromkeys(m.household for m in case.family.households))
    home_names = {h: f"Household {n}" for n, h in enumerate(homes, start=1)}
    for home, label in home_names.items():
        scrubber.add(home, label)
    practitioners = _practitioners(case, scrubber)
    new_ids = {p.id: f"P{n}" for n, p in enumerate(case.family.people, start=1)}

    def ids(values: list[str]) -> list[str]:
        return [new_ids.get(v, v) for v in values]

    # the entries are dumped, scrubbed and made again one at a time, not as one tree (a long
    # case's whole dump is several times the case)
    data = case.model_dump(mode="json", exclude={"entries"})
    keep_year = case.publication.birth == "year"
    for person, row in zip(case.family.people, data["family"]["people"], strict=True):
        row.update(id=new_ids[person.id], first_name=names[person.id], surname=None,
                   known_as=None, aliases=[], birth=_birth(person.birth, keep_year),
                   death=_birth(person.death, True))
    family = data["family"]
    for link in family["parent_links"]:
        link["parent"], link["child"] = new_ids.get(link["parent"]), new_ids.get(link["child"])
    for partnership in family["partnerships"]:
        partnership["partners"] = ids(partnership["partners"])
    for original, stay in zip(case.family.households, family["households"], strict=True):
        # a child born into a household moved in on their birthday, and someone who died
        # there left on the day of their death: those days go as the birth and death go
        lived = case.family.get(original.person)
        if lived is not None and _same_day(original.start, lived.birth):
            stay["start"] = _birth(original.start, keep_year)
        if lived is not None and _same_day(original.end, lived.death):
            stay["end"] = _birth(original.end, True)
        stay["person"] = new_ids.get(stay["person"], stay["person"])
        stay["household"] = home_names.get(stay["household"], stay["household"])
    for relation in family["relations"]:
        relation["a"], relation["b"] = new_ids.get(relation["a"]), new_ids.get(relation["b"])
    # what reading said of a cell quotes it, and may name someone nobody told the scrubber
    # of (an unknown-person problem quotes a name): each says what its code means instead
    for rejected in data["rejected"]:
        rejected.update(raw={}, message=MEANINGS[ProblemCode(rejected["code"])])
    for problem in data["problems"]:
        problem.update(value=None, message=MEANINGS[ProblemCode(problem["code"])])
    for flag in data["flags"]:
        flag["people"] = ids(flag["people"])
    for child in data["summaries"]["children"]:
        child["name"] = names.get(child["child"], child["name"])
        child["child"] = new_ids.get(child["child"], child["child"])
    data["publication"]["pseudonyms"] = {}
    data["marking"] = case.publication.marking

    tables = SourceReports(case.files)
    kept_columns = {id(f): frozenset(
        h for h, name in (f.columns | f.child_columns).items() if name in KEPT_FIELDS)
        for f in case.files}

    def entries(where: Where) -> list[Entry]:
        made = []
        for n, entry in enumerate(case.entries):
            row = entry.model_dump(mode="json")
            row.update(raw={}, reference=None, people=ids(row["people"]),
                       children={new_ids.get(k, k): v for k, v in row["children"].items()},
                       practitioner=practitioners.get((entry.agency, entry.practitioner or "")))
            place: Where = (where, n, row)
            scrubbed = _walk(row, place, scrubber.scrub)
            table = tables.get(entry.source)
            kept = kept_columns.get(id(table)) if table is not None else None
            if kept and entry.raw:
                scrubbed["raw"] = _kept_cells(entry.raw, kept, (place, "raw", None),
                                              scrubber.scrub)
            made.append(Entry.model_validate(scrubbed))
        return made

    # as _walk goes through the case, field by field, the entries in their place
    root: Where = (None, "case", None)
    scrubbed: dict[str, Any] = {}
    for name in Case.model_fields:
        if name != "entries" and name not in data:
            continue  # a field a dump leaves out
        key = scrubber.scrub(name, lambda: where_text((root, "(key)", None)))
        if name == "entries":
            scrubbed[key] = entries((root, name, None))
        else:
            value = data[name]
            scrubbed[key] = value if name in _TYPED else _walk(value, (root, name, value),
                                                               scrubber.scrub)
    anonymised = Case.model_validate(scrubbed)
    return Anonymised(anonymised, {new_ids[k]: v for k, v in names.items()},
                      list(scrubber.made),
                      # "Household 1" is a label the set gives, not a name to check
                      possible_names(anonymised, {*names.values(), *home_names.values()}))

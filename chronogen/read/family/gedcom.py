"""Reading a family from GEDCOM: GEDCOM 7 with the ``gedcom7`` library, 5.5 / 5.5.1 with
``ged4py``. Both become one simple tree, read by one adapter into chronogen's Family.

What GEDCOM cannot say (households, relationships, the subject and index children, parent
roles, partnership kinds) comes back from chronogen's extension tags (see ``tags.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from chronogen.dates import PartialDate
from chronogen.domain import gedcom_tags as T
from chronogen.errors import DateError, InputError, InputFileNotFound
from chronogen.model.family import (
    Family,
    HouseholdMembership,
    ParentKind,
    ParentLink,
    ParentRole,
    Partnership,
    PartnershipEnd,
    PartnershipKind,
    Person,
    PregnancyOutcome,
    Relation,
    RelationKind,
    Sex,
)
from chronogen.model.problems import Problem, ProblemCode, Severity


@dataclass
class Node:
    """One GEDCOM structure: tag, cross-reference id, payload text, substructures."""

    tag: str
    xref: str | None = None
    text: str = ""
    children: list[Node] = field(default_factory=list)

    def first(self, tag: str) -> Node | None:
        """The first substructure with *tag*."""
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        """Every substructure with *tag*."""
        return [c for c in self.children if c.tag == tag]

    def value(self, tag: str) -> str | None:
        """The payload of the first substructure with *tag*."""
        found = self.first(tag)
        return found.text if found is not None and found.text else None


_VERSION = re.compile(r"^[^\S\n]*2[^\S\n]+VERS[^\S\n]+(\S+)", re.MULTILINE)


def gedcom_version(data: bytes) -> str:
    """The ``HEAD.GEDC.VERS`` of a GEDCOM file ('' if not found)."""
    text = data.decode("utf-8", errors="replace")
    # spaces within a line only: a run of empty lines was read again from each of them
    match = _VERSION.search(text)
    return match.group(1) if match else ""


def load_nodes(path: Path) -> list[Node]:
    """The records of a GEDCOM file (7.x or 5.5.x) as plain nodes."""
    if not path.exists():
        raise InputFileNotFound(f"{path.name}: GEDCOM file not found ({path})")
    data = path.read_bytes()
    deepest = max((int(level) for level in _LEVEL.findall(data)), default=0)
    if deepest > MAX_LEVEL:
        raise InputError(f"{path.name}: a GEDCOM line at level {deepest} is nested too "
                         f"deeply (a family file needs a few levels; at most {MAX_LEVEL} "
                         "are read)")
    if gedcom_version(data).startswith("7"):
        return _from_gedcom7(data, path.name)
    return _from_ged4py(path)


#: the deepest level of a GEDCOM line read (GEDCOM's own records need fewer than ten; the
#: readers nest a structure a level, and thousands would exhaust Python's stack)
MAX_LEVEL = 99
_LEVEL = re.compile(rb"^[ \t\r]*(\d{3,})[ \t]", re.MULTILINE)


def _from_gedcom7(data: bytes, name: str) -> list[Node]:
    import gedcom7

    try:
        records = gedcom7.loads(data.decode("utf-8-sig"))
    except (gedcom7.GedcomError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: not a readable GEDCOM 7 file ({error})") from error

    # gedcom7 reports a declared extension tag by its URI: turn ours back into tags
    ours = {f"{T.URI_BASE}{tag[1:].lower()}": tag for tag in T.ALL}

    def convert(structure: object) -> Node:
        tag = str(getattr(structure, "tag", ""))
        tag = ours.get(tag, tag)
        pointer = getattr(structure, "pointer", None)
        text = str(pointer) if pointer else str(getattr(structure, "text", "") or "")
        children = [convert(c) for c in getattr(structure, "children", [])]
        return Node(tag=tag, xref=getattr(structure, "xref", None), text=text,
                    children=children)

    return [convert(r) for r in records]


def name_parts(text: str) -> tuple[str, str | None] | None:
    """The given names and surname of a GEDCOM name, "Given Names /Surname/" (the surname
    as written between the slashes; None for none), or None when the name is not of that
    form (a slash left open, words after the surname).

    What the pattern ``^\\s*(?P<given>[^/]*?)\\s*(?:/(?P<surname>[^/]*)/)?\\s*$`` finds,
    read without it: its three runs of spaces, one of them lazy, split a long run every way
    (a name with 2,000 spaces in it took 7 s, 8,000 minutes)."""
    given, slash, rest = text.partition("/")
    if not slash:
        return given.strip(), None
    surname, closing, after = rest.partition("/")
    if not closing or after.strip():
        return None
    return given.strip(), surname



def _from_ged4py(path: Path) -> list[Node]:
    from ged4py.parser import GedcomReader

    def text_of(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, tuple):  # NAME: (given, surname, suffix)
            given, surname = value[0], value[1] if len(value) > 1 else ""
            return f"{given} /{surname}/".strip()
        return str(value)

    def convert(record: object) -> Node:
        return Node(tag=str(getattr(record, "tag", "")), xref=getattr(record, "xref_id", None),
                    text=text_of(getattr(record, "value", None)),
                    children=[convert(c) for c in getattr(record, "sub_records", [])])

    try:
        with GedcomReader(str(path)) as reader:
            return [convert(r) for r in reader.records0()]
    except Exception as error:  # ged4py raises several types; any means "cannot read"
        raise InputError(f"{path.name}: not a readable GEDCOM 5.5 file ({error})") from error


_SEX = {"M": Sex.MALE, "F": Sex.FEMALE}
_PEDI = {"BIRTH": ParentKind.BIOLOGICAL, "ADOPTED": ParentKind.ADOPTIVE,
         "FOSTER": ParentKind.FOSTER}


class _Reader:
    def __init__(self, records: list[Node], name: str) -> None:
        self.records = records
        self.name = name
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}

    def problem(self, code: ProblemCode, message: str) -> None:
        self.problems.append(Problem(code=code,
                                     severity=Severity.WARNING, message=message,
                                     file=self.name))

    def date(self, node: Node | None, what: str) -> PartialDate | None:
        if node is None:
            return None
        date_node = node.first("DATE") if node.tag != "DATE" else node
        if date_node is None or not date_node.text:
            return None
        try:
            value = PartialDate.parse(date_node.text.replace("@#DGREGORIAN@", "").strip())
        except DateError as error:
            self.problem(ProblemCode.INVALID_DATE, f"{what}: {error}; left blank")
            return None
        phrase = date_node.value("PHRASE")  # the date as the source wrote it
        return value.model_copy(update={"text": phrase}) if phrase else value

    def person_id(self, xref: str) -> str:
        return self.ids.get(xref, xref.strip("@"))

    def read(self) -> Family:
        individuals = [r for r in self.records if r.tag == "INDI" and r.xref]
        for record in individuals:
            assert record.xref is not None
            self.ids[record.xref] = record.value(T.ID) or record.xref.strip("@")
        people = [self.person(r) for r in individuals]
        partnerships: list[Partnership] = []
        links: list[ParentLink] = []
        for family in (r for r in self.records if r.tag == "FAM"):
            self.family(family, individuals, partnerships, links)
        households = [m for r in self.records if r.tag == T.HOUSEHOLD
                      for m in self.household(r)]
        relations = [rel for r in individuals for rel in self.relations(r)]
        return Family(people=people, partnerships=partnerships, parent_links=links,
                      households=households, relations=relations)

    def person(self, record: Node) -> Person:
        assert record.xref is not None
        names = record.all("NAME")
        first, surname, known_as, aliases = None, None, None, []
        for number, name in enumerate(names):
            given = name.value("GIVN")
            family_name = name.value("SURN")
            parts = name_parts(name.text)
            if parts is not None:
                given = given or (parts[0] or None)
                family_name = family_name or (parts[1] or None)
            kind = (name.value("TYPE") or "").upper()
            if number == 0 and kind != "AKA":
                first, surname = given, family_name
            elif kind == "AKA" and name.value(T.KNOWN_AS):
                known_as = given
            else:
                aliases.append(" ".join(p for p in (given, family_name) if p))
        facts = {(f.value("TYPE") or "").lower(): f.text for f in record.all("FACT")}
        notes = record.value("NOTE")
        return Person(
            id=self.person_id(record.xref), first_name=first, surname=surname,
            known_as=known_as, aliases=aliases,
            sex=_SEX.get((record.value("SEX") or "").upper(), Sex.UNKNOWN),
            birth=self.date(record.first("BIRT"), f"{record.xref} birth"),
            death=self.date(record.first("DEAT"), f"{record.xref} death"),
            ethnicity=facts.get("ethnicity"), disability=facts.get("disability"),
            role=record.value(T.ROLE),
            subject=record.value(T.SUBJECT) == "Y" or record.value(T.INDEX) == "Y",
            index=record.value(T.INDEX) == "Y", notes=notes,
            placeholder=record.value(T.PLACEHOLDER) == "Y",
            pregnancy=_pregnancy(record.value(T.PREGNANCY)))

    def family(self, record: Node, individuals: list[Node],
               partnerships: list[Partnership],
               links: list[ParentLink]) -> None:
        partners = [(n, self.person_id(n.text)) for n in record.children
                    if n.tag in ("HUSB", "WIFE") and n.text]
        children = [self.person_id(n.text) for n in record.all("CHIL") if n.text]
        if len(partners) == 2 and record.value(T.NO_PARTNERSHIP) != "Y":
            kind_text = record.value(T.KIND)
            marriage = record.first("MARR")
            kind = PartnershipKind(kind_text) if kind_text in {k.value for k in
                                                                PartnershipKind} else (
                PartnershipKind.MARRIAGE if marriage is not None else PartnershipKind.PARTNER)
            ended_by = None
            end = None
            if record.first("DIV") is not None:
                ended_by, end = PartnershipEnd.DIVORCE, self.date(record.first("DIV"), "divorce")
            ended_text = record.value(T.ENDED_BY)
            if ended_text in {e.value for e in PartnershipEnd}:
                ended_by = PartnershipEnd(ended_text)
            start = self.date(marriage, "marriage") if marriage is not None else self.date(
                record.first(T.START), "partnership start")
            end = end or self.date(record.first(T.END), "partnership end")
            partnerships.append(Partnership(partners=(partners[0][1], partners[1][1]),
                                            kind=kind, start=start, end=end, ended_by=ended_by))
        records = {self.person_id(r.xref): r for r in individuals if r.xref}
        for child in children:
            child_record = records.get(child)
            famc = next((f for f in (child_record.all("FAMC") if child_record else [])
                         if f.text == record.xref), None)
            link_kind = _PEDI.get(((famc.value("PEDI") if famc else None) or "BIRTH").upper(),
                                  ParentKind.BIOLOGICAL)
            extension = famc.value(T.KIND) if famc is not None else None
            if extension in {k.value for k in ParentKind}:
                link_kind = ParentKind(extension)
            for node, parent in partners:
                role_text = node.value(T.ROLE)
                role = ParentRole(role_text) if role_text in {r.value for r in ParentRole} \
                    else None
                links.append(ParentLink(parent=parent, child=child, kind=link_kind, role=role))

    def household(self, record: Node) -> list[HouseholdMembership]:
        return [HouseholdMembership(household=record.text or record.xref or "household",
                                    person=self.person_id(member.text),
                                    start=self.date(member.first(T.START), "moved in"),
                                    end=self.date(member.first(T.END), "moved out"))
                for member in record.all(T.MEMBER)]

    def relations(self, record: Node) -> list[Relation]:
        assert record.xref is not None
        found = []
        for node in record.all(T.RELATION):
            kind_text = node.value("TYPE") or ""
            if kind_text not in {k.value for k in RelationKind}:
                self.problem(ProblemCode.UNKNOWN_RELATIONSHIP,
                             f"{record.xref}: relationship {kind_text!r} is not understood")
                continue
            found.append(Relation(a=self.person_id(record.xref), b=self.person_id(node.text),
                                  kind=RelationKind(kind_text),
                                  start=self.date(node.first(T.START), "relationship start"),
                                  end=self.date(node.first(T.END), "relationship end")))
        return found


def _pregnancy(text: str | None) -> PregnancyOutcome | None:
    return PregnancyOutcome(text) if text in {p.value for p in PregnancyOutcome} else None


def read_gedcom(path: Path) -> tuple[Family, list[Problem]]:
    """A family from a GEDCOM file (7.x or 5.5.x), with the problems found."""
    reader = _Reader(load_nodes(path), path.name)
    family = reader.read()
    return family, reader.problems

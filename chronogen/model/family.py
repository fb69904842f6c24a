"""The family: people, partnerships, parent links, households and relationships.

Partnerships are first-class (a couple with no children exists), a child may have one known
parent, mother and father are never derived from sex, and households are memberships with
dates so the family can be seen as it was on any day.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from chronogen.dates import PartialDate
from chronogen.model.recorded import Recorded


def _within(start: PartialDate | None, end: PartialDate | None, day: date) -> bool:
    """True when *day* may fall between *start* and *end* (open where unknown)."""
    if start is not None and start.earliest is not None and day < start.earliest:
        return False
    return not (end is not None and end.latest is not None and day > end.latest)


class Sex(StrEnum):
    """Sex as recorded; gender identity, where recorded, goes in ``Person.gender``."""

    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


class PregnancyOutcome(StrEnum):
    """A pregnancy drawn on the genogram in birth order: ongoing, or how it ended."""

    PREGNANCY = "pregnancy"
    MISCARRIAGE = "miscarriage"
    STILLBIRTH = "stillbirth"
    TERMINATION = "termination"


class PartnershipKind(StrEnum):
    """How two people were partners."""

    MARRIAGE = "marriage"
    CIVIL_PARTNERSHIP = "civil partnership"
    COHABITATION = "cohabitation"
    PARTNER = "partner"  # a relationship, living together or not
    TRANSITORY = "transitory"  # brief or casual


class PartnershipEnd(StrEnum):
    """How a partnership ended."""

    SEPARATION = "separation"
    DIVORCE = "divorce"
    DEATH = "death"


class ParentKind(StrEnum):
    """The kind of a parent-child link."""

    BIOLOGICAL = "biological"
    ADOPTIVE = "adoptive"
    FOSTER = "foster"
    STEP = "step"
    KINSHIP = "kinship"


class ParentRole(StrEnum):
    """Which parent someone is to a child, as the sources say (never derived from sex)."""

    MOTHER = "mother"
    FATHER = "father"


class RelationKind(StrEnum):
    """An emotional or abusive relationship drawn on the genogram's relationship layer."""

    CLOSE = "close"
    CONFLICT = "conflict"
    VIOLENCE = "violence"  # directed: from the person to the related person (the victim)
    ABUSE = "abuse"  # directed, like violence
    CUT_OFF = "cut-off"
    DISTANT = "distant"


#: what a family sheet writes for "no disability or special educational need"
NO_DISABILITY = frozenset({
    "no", "n", "none", "nil", "nope", "not disabled", "no disability", "no disabilities",
    "none known", "no known disability", "no known disabilities", "no send", "no sen",
    "none recorded", "no additional needs", "no special needs", "not applicable", "n a",
})


class Person(BaseModel):
    """A member of the family (or someone around it)."""

    model_config = ConfigDict(frozen=True)

    id: str
    first_name: str | None = None
    surname: str | None = None
    known_as: str | None = None
    aliases: list[str] = Field(default_factory=list)
    sex: Sex = Sex.UNKNOWN
    gender: str | None = None
    birth: PartialDate | None = None
    death: PartialDate | None = None
    ethnicity: str | None = None
    #: what the records say of disability or special educational needs (SEND), as written
    #: ("Autism; EHC plan"); "none" or "no" when recorded as none; blank when not recorded
    disability: str | None = None
    role: str | None = None
    subject: bool = False
    index: bool = False
    notes: str | None = None
    #: created to stand for a parent the sources do not name (drawn as such)
    placeholder: bool = False
    #: set for a pregnancy, miscarriage, stillbirth or termination (``birth`` is its date)
    pregnancy: PregnancyOutcome | None = None

    @property
    def name(self) -> str:
        """The full name, or the id when nothing else is known."""
        parts = [p for p in (self.first_name, self.surname) if p]
        return " ".join(parts) if parts else self.id

    @property
    def disabled(self) -> Recorded:
        """Whether a disability or special educational need is recorded: yes, no (recorded
        as none) or not recorded."""
        text = re.sub(r"[^a-z0-9]+", " ", (self.disability or "").lower()).strip()
        if not text:
            return Recorded.NOT_RECORDED
        return Recorded.NO if text in NO_DISABILITY else Recorded.YES

    @property
    def is_child(self) -> bool:
        """True for subject children (the children the review is about)."""
        return self.subject

    def age_on(self, day: date) -> int | None:
        """Whole years of age on *day*, from the earliest possible birth date; None if unknown."""
        if self.birth is None or self.birth.earliest is None:
            return None
        born = self.birth.earliest
        if day < born:
            return None
        years = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        return years

    def first_day_aged(self, years: int) -> date | None:
        """The first day on which :meth:`age_on` is at least *years*; None if birth unknown."""
        if self.birth is None or self.birth.earliest is None:
            return None
        born = self.birth.earliest
        if years <= 0:
            return born
        try:
            return born.replace(year=born.year + years)
        except ValueError:  # born on 29 February: the birthday of a common year is 1 March
            return date(born.year + years, 3, 1)

    def alive_on(self, day: date) -> bool:
        """False only when the person had certainly died (or was not yet born) by *day*."""
        if self.birth is not None and self.birth.earliest is not None and day < self.birth.earliest:
            return False
        return not (self.death is not None and self.death.latest is not None
                    and day > self.death.latest)


class Partnership(BaseModel):
    """Two people as partners: married, cohabiting, or in a relationship."""

    model_config = ConfigDict(frozen=True)

    partners: tuple[str, str]
    kind: PartnershipKind = PartnershipKind.PARTNER
    start: PartialDate | None = None
    end: PartialDate | None = None
    ended_by: PartnershipEnd | None = None

    def current_on(self, day: date) -> bool:
        """True when the partnership may have been in being on *day*."""
        return _within(self.start, self.end, day)


class ParentLink(BaseModel):
    """A parent-child link; each has its own kind and dates."""

    model_config = ConfigDict(frozen=True)

    parent: str
    child: str
    kind: ParentKind = ParentKind.BIOLOGICAL
    #: mother or father where the source says so ("mother of"); None when it only says parent
    role: ParentRole | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None


class HouseholdMembership(BaseModel):
    """A person living in a household (an address or a name) from one date to another."""

    model_config = ConfigDict(frozen=True)

    household: str
    person: str
    start: PartialDate | None = None
    end: PartialDate | None = None

    def current_on(self, day: date) -> bool:
        """True when the person may have lived there on *day*."""
        return _within(self.start, self.end, day)


class Relation(BaseModel):
    """An emotional or abusive relationship; violence and abuse run from ``a`` to ``b``."""

    model_config = ConfigDict(frozen=True)

    a: str
    b: str
    kind: RelationKind
    start: PartialDate | None = None
    end: PartialDate | None = None


class _Places:
    """Where each person is in a people list, by id: made once, checked at every use, made
    again when the list has changed. A cache, so never part of a family's equality. It
    knows a few lists at once: a family's copies (``model_copy``) share it."""

    _KEPT = 4

    def __init__(self) -> None:
        #: id of a people list -> (the list, its length then, id -> place)
        self.known: dict[int, tuple[list[Person], int, dict[str, int]]] = {}

    def find(self, people: list[Person], person_id: str) -> Person | None:
        entry = self.known.get(id(people))
        if entry is None or entry[0] is not people or entry[1] != len(people):
            index: dict[str, int] = {}
            for n, candidate in enumerate(people):
                index.setdefault(candidate.id, n)
            if len(self.known) >= self._KEPT:
                self.known.pop(next(iter(self.known)))
            entry = self.known[id(people)] = (people, len(people), index)
        at = entry[2].get(person_id)
        if at is not None and people[at].id == person_id:
            return people[at]
        # changed in place since (a person replaced): look, and index again next time
        self.known.pop(id(people), None)
        return next((p for p in people if p.id == person_id), None)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Places)

    __hash__ = None  # type: ignore[assignment]


class Family(BaseModel):
    """Everyone in the case and how they are connected."""

    people: list[Person] = Field(default_factory=list)
    partnerships: list[Partnership] = Field(default_factory=list)
    parent_links: list[ParentLink] = Field(default_factory=list)
    households: list[HouseholdMembership] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    #: where each person is in ``people``: a cache, rebuilt when the list changes
    _places: _Places = PrivateAttr(default_factory=lambda: _Places())

    def person(self, person_id: str) -> Person:
        """The person with *person_id*; KeyError if there is none."""
        found = self.get(person_id)
        if found is None:
            raise KeyError(person_id)
        return found

    def get(self, person_id: str) -> Person | None:
        """The person with *person_id*, or None (the first, if two share the id)."""
        # the private attribute straight from pydantic's own dict: ``self._places`` goes
        # through BaseModel.__getattr__, eight times slower, and kinship asks thousands of times
        private = self.__pydantic_private__
        places: _Places = private["_places"] if private else self._places
        return places.find(self.people, person_id)

    @property
    def subject_children(self) -> list[Person]:
        """The children the review is about, in the family's order."""
        return [p for p in self.people if p.subject]

    @property
    def index_child(self) -> Person | None:
        """The child who died or was harmed (the first subject child if none is marked)."""
        for candidate in self.people:
            if candidate.index:
                return candidate
        subjects = self.subject_children
        return subjects[0] if subjects else None

    def household_on(self, household: str, day: date) -> list[str]:
        """Ids of the people living in *household* on *day*."""
        return [m.person for m in self.households if m.household == household
                and m.current_on(day)]

    def households_of(self, person_id: str, day: date) -> list[str]:
        """The households *person_id* lived in on *day*."""
        return sorted({m.household for m in self.households
                       if m.person == person_id and m.current_on(day)})

"""Kinship questions a reviewer asks of a family: parents, siblings of each kind,
grandparents, partners at a date, who lived with the child, and how anyone is related to the
index child, in words ("maternal half-sister", "mother's partner").

Which parent is the mother is taken from the sources (a parent link's ``role``, or a parent
whose recorded role is "mother" / "father"), never from sex. Gendered nouns for other
relatives (grandmother, sister) follow the person's recorded sex, or stay neutral.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from chronogen.dates import PartialDate
from chronogen.model.family import (
    Family,
    ParentKind,
    ParentLink,
    ParentRole,
    Partnership,
    Person,
    PregnancyOutcome,
    Sex,
)

ADULT_AGE = 18
_ROLE_WORDS = {"mother": ParentRole.MOTHER, "mum": ParentRole.MOTHER,
               "birth mother": ParentRole.MOTHER, "father": ParentRole.FATHER,
               "dad": ParentRole.FATHER, "birth father": ParentRole.FATHER}


@dataclass(frozen=True)
class Stay:
    """A person living in a household for (part of) a period."""

    person: str
    household: str
    start: date | None
    end: date | None


class Kinship:
    """Kinship queries over one family."""

    def __init__(self, family: Family) -> None:
        self.family = family
        self._people = {p.id: p for p in family.people}
        self._parents: dict[str, list[ParentLink]] = {}
        self._children: dict[str, list[ParentLink]] = {}
        for link in family.parent_links:
            self._parents.setdefault(link.child, []).append(link)
            self._children.setdefault(link.parent, []).append(link)
        self._order = {p.id: n for n, p in enumerate(family.people)}
        #: (child, mother or father) -> that parent: asked for every entry that names one
        self._recorded_parent: dict[tuple[str, ParentRole], str | None] = {}
        #: parent -> child, every kind of parent link: lines of descent for networkx
        self._lineage = nx.DiGraph()
        self._lineage.add_nodes_from(self._people)
        self._lineage.add_edges_from((link.parent, link.child) for link in family.parent_links)
        self._up = self._lineage.reverse(copy=False)
        #: person -> their partnerships, in the family's order (asked for each relationship
        #: a table names: looked up, not searched for among every partnership)
        self._partnerships: dict[str, list[Partnership]] = {}
        for partnership in family.partnerships:
            for partner in dict.fromkeys(partnership.partners):
                self._partnerships.setdefault(partner, []).append(partnership)

    def _sorted(self, ids: set[str]) -> list[str]:
        return sorted(ids, key=lambda i: self._order.get(i, len(self._order)))

    # -- direct links ----------------------------------------------------------------------

    def parents(self, person: str, *, kinds: set[ParentKind] | None = None) -> list[str]:
        """Ids of the person's parents (of the given kinds; all kinds by default)."""
        return self._sorted({link.parent for link in self._parents.get(person, [])
                             if kinds is None or link.kind in kinds})

    def birth_parents(self, person: str) -> list[str]:
        """Biological and adoptive parents: those that make siblings full or half."""
        return self.parents(person, kinds={ParentKind.BIOLOGICAL, ParentKind.ADOPTIVE})

    def children(self, person: str) -> list[str]:
        """Ids of the person's children, oldest first where birth dates are known."""
        ids = {link.child for link in self._children.get(person, [])}
        return sorted(ids, key=self._birth_key)

    def _birth_key(self, person_id: str) -> tuple[date, int]:
        person = self._people.get(person_id)
        born = person.birth.sort_key[0] if person and person.birth else date.max
        return (born, self._order.get(person_id, 0))

    def parent_role(self, parent: str, child: str) -> ParentRole | None:
        """Mother or father, as recorded on the link or in the parent's role; else None."""
        for link in self._parents.get(child, []):
            if link.parent == parent and link.role is not None:
                return link.role
        person = self._people.get(parent)
        if person is not None and person.role:
            return _ROLE_WORDS.get(person.role.strip().lower())
        return None

    def mother(self, child: str) -> str | None:
        """The parent recorded as mother (None if no parent is recorded as such)."""
        return self._recorded(child, ParentRole.MOTHER)

    def father(self, child: str) -> str | None:
        """The parent recorded as father (None if no parent is recorded as such)."""
        return self._recorded(child, ParentRole.FATHER)

    def _recorded(self, child: str, role: ParentRole) -> str | None:
        key = (child, role)
        if key not in self._recorded_parent:
            found = [p for p in self.parents(child) if self.parent_role(p, child) is role]
            self._recorded_parent[key] = found[0] if len(found) == 1 else None
        return self._recorded_parent[key]

    def grandparents(self, person: str) -> list[str]:
        """Parents of parents."""
        return self._sorted({g for p in self.parents(person) for g in self.parents(p)})

    # -- lines of descent (networkx) --------------------------------------------------------

    def ancestors(self, person: str) -> dict[str, int]:
        """Every ancestor of *person* -> how many generations above them (1: a parent)."""
        return _generations(self._up, person)

    def descendants(self, person: str) -> dict[str, int]:
        """Every descendant of *person* -> how many generations below them (1: a child)."""
        return _generations(self._lineage, person)

    def cousin_degree(self, person: str, other: str) -> tuple[int, int] | None:
        """``(degree, removed)`` when the two are cousins: first cousins are ``(1, 0)``,
        a first cousin's child is ``(1, 1)``; None when they are not (or are closer kin).

        Worked out from their lowest common ancestors: the nearest ancestor both share.
        """
        mine, theirs = self.ancestors(person), self.ancestors(other)
        common = mine.keys() & theirs.keys()
        if not common:
            return None
        nearest = min(common, key=lambda a: (max(mine[a], theirs[a]), min(mine[a], theirs[a]),
                                             self._order.get(a, 0)))
        up, down = mine[nearest], theirs[nearest]
        if min(up, down) < 2:
            return None  # a parent's sibling, a sibling's child: not cousins
        return min(up, down) - 1, abs(up - down)

    def _line_to(self, ancestor: str, person: str) -> list[str]:
        """The shortest line of descent from *ancestor* down to *person*."""
        line: list[str] = nx.shortest_path(self._lineage, ancestor, person)
        return line

    # -- siblings ---------------------------------------------------------------------------

    def full_siblings(self, person: str) -> list[str]:
        """Siblings sharing both (two known) birth or adoptive parents."""
        mine = set(self.birth_parents(person))
        if len(mine) < 2:
            return []
        return [s for s in self._candidates(person) if set(self.birth_parents(s)) == mine]

    def half_siblings(self, person: str) -> list[str]:
        """Siblings sharing exactly one birth or adoptive parent."""
        mine = set(self.birth_parents(person))
        return [s for s in self._candidates(person)
                if len(set(self.birth_parents(s)) & mine) == 1
                and set(self.birth_parents(s)) != mine]

    def maternal_half_siblings(self, person: str) -> list[str]:
        """Half-siblings through the person's mother."""
        mother = self.mother(person)
        return [s for s in self.half_siblings(person)
                if mother is not None and mother in self.birth_parents(s)]

    def paternal_half_siblings(self, person: str) -> list[str]:
        """Half-siblings through the person's father."""
        father = self.father(person)
        return [s for s in self.half_siblings(person)
                if father is not None and father in self.birth_parents(s)]

    def step_siblings(self, person: str) -> list[str]:
        """Children of a parent's partner who share no parent with the person."""
        mine = set(self.parents(person))
        found: set[str] = set()
        for parent in mine:
            for partnership in self._partnerships_of(parent):
                other = _other(partnership, parent)
                for child in self.children(other):
                    if child != person and not set(self.parents(child)) & mine:
                        found.add(child)
        return self._sorted(found)

    def siblings(self, person: str) -> list[str]:
        """Everyone sharing at least one parent, of any kind."""
        return self._candidates(person)

    def _candidates(self, person: str) -> list[str]:
        found = {c for p in self.parents(person) for c in self.children(p)} - {person}
        # pregnancies are not siblings (yet); they have words of their own
        found = {c for c in found if (p := self._people.get(c)) is None or p.pregnancy is None}
        return sorted(found, key=self._birth_key)

    # -- partners and households --------------------------------------------------------------

    def _partnerships_of(self, person: str) -> list[Partnership]:
        return self._partnerships.get(person, [])

    def partners_on(self, person: str, day: date) -> list[str]:
        """Partners the person may have been with on *day*."""
        return self._sorted({_other(p, person) for p in self._partnerships_of(person)
                             if p.current_on(day)})

    def household_on(self, person: str, day: date) -> list[str]:
        """Everyone who lived with the person on *day* (the person included), or [] when the
        family records no household for them then."""
        homes = set(self.family.households_of(person, day))
        members = {m.person for m in self.family.households
                   if m.household in homes and m.current_on(day)}
        living = {pid for pid in members if (p := self._people.get(pid)) is None or
                  p.alive_on(day)}
        return self._sorted(living)

    def lived_with_on(self, person: str, other: str, day: date) -> bool | None:
        """Whether two people lived together on *day* (None when neither has a household
        recorded then)."""
        if not self.family.households_of(person, day) and not self.family.households_of(
                other, day):
            return None
        return other in self.household_on(person, day)

    def adults_in_household(self, child: str, start: date, end: date) -> list[Stay]:
        """Every adult (18 or over, or of unknown age and not a subject child) who lived in
        a household with *child* at some time between *start* and *end*, with the overlap."""
        stays: list[Stay] = []
        for mine in self.family.households:
            if mine.person != child:
                continue
            for other in self.family.households:
                if other.household != mine.household or other.person == child:
                    continue
                first = max(filter(None, [start, _lo(mine.start), _lo(other.start)]))
                candidates = [end, _hi(mine.end), _hi(other.end)]
                last = min(d for d in candidates if d is not None)
                if first > last:
                    continue
                person = self._people.get(other.person)
                if person is None or not self._adult_during(person, first, last):
                    continue
                stays.append(Stay(other.person, other.household, first, last))
        unique = {(s.person, s.household, s.start, s.end): s for s in stays}
        return sorted(unique.values(), key=lambda s: (self._order.get(s.person, 0),
                                                      s.household, s.start or date.min))

    def _adult_during(self, person: Person, first: date, last: date) -> bool:
        if person.subject:
            return False
        age = person.age_on(last)
        return age is None or age >= ADULT_AGE

    # -- relationship in words ----------------------------------------------------------------

    def relationship(self, person: str, to: str, day: date | None = None) -> str:
        """How *person* is related to *to*, in words ("maternal half-sister")."""
        if person == to:
            index = self.family.index_child
            return "index child" if index is not None and index.id == to else "self"
        who = self._people.get(person)
        if who is None:
            return "unknown person"
        if who.pregnancy is not None:
            shared = set(self.parents(person)) & set(self.parents(to))
            if who.pregnancy is PregnancyOutcome.PREGNANCY:
                return "unborn sibling" if shared else "pregnancy"
            return f"{who.pregnancy.value} (sibling)" if shared else who.pregnancy.value
        for describe in (self._as_parent, self._as_child, self._as_partner, self._as_sibling,
                         self._as_grandparent, self._as_parent_partner, self._as_aunt_uncle,
                         self._as_grandchild, self._as_cousin, self._as_niece_nephew):
            words = describe(who, to, day)
            if words:
                return words
        return self._by_connection(who, to, day)

    def _parent_word(self, parent: str, child: str) -> str:
        role = self.parent_role(parent, child)
        kind = next((k.kind for k in self._parents.get(child, []) if k.parent == parent),
                    ParentKind.BIOLOGICAL)
        noun = role.value if role else "parent"
        if kind is ParentKind.BIOLOGICAL:
            return noun
        if kind is ParentKind.STEP:
            return f"step-{noun}"
        if kind is ParentKind.FOSTER:
            return "foster carer" if role is None else f"foster {noun}"
        if kind is ParentKind.KINSHIP:
            return "kinship carer"
        return f"adoptive {noun}"

    def _side(self, parent: str, child: str) -> str:
        role = self.parent_role(parent, child)
        if role is ParentRole.MOTHER:
            return "maternal "
        if role is ParentRole.FATHER:
            return "paternal "
        name = self._people[parent].name if parent in self._people else parent
        return f"(through {name}) "

    def _as_parent(self, who: Person, to: str, day: date | None) -> str:
        return self._parent_word(who.id, to) if who.id in self.parents(to) else ""

    def _as_child(self, who: Person, to: str, day: date | None) -> str:
        if to not in self.parents(who.id):
            return ""
        return _gendered(who, "son", "daughter", "child")

    def _as_partner(self, who: Person, to: str, day: date | None) -> str:
        for partnership in self._partnerships_of(to):
            started = partnership.start.earliest if partnership.start else None
            if day is not None and started is not None and started > day:
                continue  # not yet a partner, nor an ex-partner, on that day
            if _other(partnership, to) == who.id:
                current = partnership.end is None if day is None else partnership.current_on(day)
                return "partner" if current else "ex-partner"
        return ""

    def _as_sibling(self, who: Person, to: str, day: date | None) -> str:
        if who.id in self.full_siblings(to):
            return _gendered(who, "brother", "sister", "sibling")
        if who.id in self.half_siblings(to):
            shared = (set(self.birth_parents(to)) & set(self.birth_parents(who.id))).pop()
            side = self._side(shared, to)
            noun = _gendered(who, "half-brother", "half-sister", "half-sibling")
            return _with_side(side, noun)
        if who.id in self.siblings(to):
            return _gendered(who, "brother", "sister", "sibling") + " (parents not all known)"
        if who.id in self.step_siblings(to):
            return _gendered(who, "step-brother", "step-sister", "step-sibling")
        return ""

    def _as_grandparent(self, who: Person, to: str, day: date | None) -> str:
        generations = self.ancestors(to).get(who.id)
        if generations is None or generations < 2:
            return ""
        parent = self._line_to(who.id, to)[-2]
        greats = "great-" * (generations - 2)
        noun = _gendered(who, f"{greats}grandfather", f"{greats}grandmother",
                         f"{greats}grandparent")
        return _with_side(self._side(parent, to), noun)

    def _as_parent_partner(self, who: Person, to: str, day: date | None) -> str:
        """A partner of a parent or of a grandparent (or further up) who is not one of the
        person's own forebears: "mother's partner", "maternal grandmother's ex-partner"."""
        for parent in self.parents(to):
            words = self._as_partner(who, parent, day)
            if words and who.id not in self.parents(to):
                return f"{self._parent_word(parent, to)}'s {words}"
        ancestors = self.ancestors(to)
        if who.id in ancestors:
            return ""
        for forebear in sorted(ancestors, key=lambda a: (ancestors[a], self._order.get(a, 0))):
            if ancestors[forebear] < 2:
                continue  # the parents: above
            words = self._as_partner(who, forebear, day)
            if words:
                return f"{self._as_grandparent(self._people[forebear], to, day)}'s {words}"
        return ""

    def _as_aunt_uncle(self, who: Person, to: str, day: date | None) -> str:
        for parent in self.parents(to):
            if who.id in self.siblings(parent):
                side = self._side(parent, to)
                noun = _gendered(who, "uncle", "aunt", "aunt or uncle")
                return _with_side(side, noun)
        return ""

    def _as_grandchild(self, who: Person, to: str, day: date | None) -> str:
        generations = self.descendants(to).get(who.id)
        if generations is None or generations < 2:
            return ""
        greats = "great-" * (generations - 2)
        return _gendered(who, f"{greats}grandson", f"{greats}granddaughter",
                         f"{greats}grandchild")

    def _as_cousin(self, who: Person, to: str, day: date | None) -> str:
        found = self.cousin_degree(to, who.id)
        if found is None:
            return ""
        degree, removed = found
        ancestors = self.ancestors(to)
        common = ancestors.keys() & self.ancestors(who.id).keys()
        nearest = min(common, key=lambda a: (ancestors[a], self._order.get(a, 0)))
        parent = self._line_to(nearest, to)[-2]
        noun = "cousin" if degree == 1 else f"{_ORDINALS.get(degree, f'{degree}th')} cousin"
        if removed:
            noun += f" {_TIMES.get(removed, f'{removed} times')} removed"
        return _with_side(self._side(parent, to), noun)

    def _as_niece_nephew(self, who: Person, to: str, day: date | None) -> str:
        for sibling in self.siblings(to):
            if who.id in self.children(sibling):
                return _gendered(who, "nephew", "niece", "niece or nephew")
        return ""

    def _by_connection(self, who: Person, to: str, day: date | None) -> str:
        """A possessive phrase through one relative of *to* ("half-sister's father")."""
        relatives = (self.parents(to) + self.siblings(to) + self.children(to)
                     + [_other(p, to) for p in self._partnerships_of(to)])
        for relative in relatives:
            for describe in (self._as_parent, self._as_partner, self._as_child):
                words = describe(who, relative, day)
                if words:
                    return f"{self.relationship(relative, to, day)}'s {words}"
        return "no recorded relationship"


def _generations(lines: nx.DiGraph, person: str) -> dict[str, int]:
    """Everyone reachable from *person* along *lines* -> how many steps away."""
    if person not in lines:
        return {}
    found: dict[str, int] = nx.single_source_shortest_path_length(lines, person)
    found.pop(person, None)
    return found


_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}
_TIMES = {1: "once", 2: "twice", 3: "three times"}


def _with_side(side: str, noun: str) -> str:
    """``maternal grandmother``, or ``grandmother (through Jade Harbour)``."""
    return f"{side}{noun}" if not side.startswith("(") else f"{noun} {side.strip()}"


def _other(partnership: Partnership, person: str) -> str:
    a, b = partnership.partners
    return b if a == person else a


def _gendered(person: Person, male: str, female: str, neutral: str) -> str:
    if person.sex is Sex.MALE:
        return male
    if person.sex is Sex.FEMALE:
        return female
    return neutral


def _lo(value: PartialDate | None) -> date | None:
    return value.earliest if value is not None else None


def _hi(value: PartialDate | None) -> date | None:
    return value.latest if value is not None else None


def family_as_at(family: Family, day: date) -> Family:
    """The family as it stood on *day*: partnerships, parent links and relationships that
    had not begun are left out, and those that ended later are shown as still going; people
    born later are left out, except the subject children (drawn however young) and
    pregnancies (drawn as the notation draws them)."""
    def begun(start: PartialDate | None) -> bool:
        return start is None or start.earliest is None or start.earliest <= day

    def as_then(end: PartialDate | None) -> PartialDate | None:
        return end if end is not None and end.latest is not None and end.latest <= day else None

    born = {p.id for p in family.people
            if p.subject or p.pregnancy is not None or p.birth is None
            or p.birth.earliest is None or p.birth.earliest <= day}
    partnerships = []
    for partnership in family.partnerships:
        if not begun(partnership.start) or not set(partnership.partners) <= born:
            continue
        end = as_then(partnership.end)
        partnerships.append(partnership.model_copy(update={
            "end": end, "ended_by": partnership.ended_by if end is not None else None}))
    return family.model_copy(update={
        "people": [p for p in family.people if p.id in born],
        "partnerships": partnerships,
        "parent_links": [link for link in family.parent_links
                         if begun(link.start) and {link.parent, link.child} <= born],
        "relations": [r.model_copy(update={"end": as_then(r.end)}) for r in family.relations
                      if begun(r.start) and {r.a, r.b} <= born],
        "households": [m for m in family.households if m.person in born],
    })


def focus_family(family: Family, *, generations: int | None = None,
                 household_on: date | None = None) -> Family:
    """The part of a large family around the index child, for a drawing that stays
    readable (and fast): people at most *generations* generations above or below the index
    child (their partners too), and/or, with *household_on*, the people of the index child's
    household on that day and the parents of its children (absent parents included)."""
    index = family.index_child
    if index is None:
        return family
    keep = {p.id for p in family.people}
    if generations is not None:
        level = {index.id: 0}
        queue = [index.id]
        up: dict[str, list[str]] = {}
        down: dict[str, list[str]] = {}
        for link in family.parent_links:
            up.setdefault(link.child, []).append(link.parent)
            down.setdefault(link.parent, []).append(link.child)
        while queue:
            current = queue.pop(0)
            for step, neighbours in ((1, up.get(current, [])), (-1, down.get(current, []))):
                for other in neighbours:
                    if other not in level and abs(level[current] + step) <= generations:
                        level[other] = level[current] + step
                        queue.append(other)
        near = set(level)
        near |= {q for p in family.partnerships for q in p.partners if set(p.partners) & near}
        keep &= near
    if household_on is not None:
        kin = Kinship(family)
        home = set(kin.household_on(index.id, household_on)) or {index.id}
        children = {p for p in home if (who := family.get(p)) is not None and (
            who.subject or ((age := who.age_on(household_on)) is not None and age < ADULT_AGE))}
        home |= {parent for child in children for parent in kin.parents(child)}
        keep &= home
    return family.model_copy(update={
        "people": [p for p in family.people if p.id in keep],
        "partnerships": [p for p in family.partnerships if set(p.partners) <= keep],
        "parent_links": [link for link in family.parent_links
                         if link.parent in keep and link.child in keep],
        "households": [m for m in family.households if m.person in keep],
        "relations": [r for r in family.relations if r.a in keep and r.b in keep],
    })

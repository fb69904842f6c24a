"""What a people sheet says in words: a "Relationship to <child>" column and a "Lives with
<child>?" column.

Many family sheets have no relationships table, only each person's relationship to the
child ("Mother", "Maternal grandmother", "Mother's partner") and whether they live with
them ("Yes (from Mar 2020)", "No (since May 2019)"). The parent links, partnerships and
households these state are added where no table already gives them, each with a note saying
it was inferred, so a reviewer can confirm it.
"""

from __future__ import annotations

import re
from typing import Protocol

from chronogen.dates import PartialDate
from chronogen.domain.names import NameIndex
from chronogen.errors import DateError
from chronogen.model.family import (
    HouseholdMembership,
    ParentKind,
    ParentLink,
    ParentRole,
    Partnership,
    PartnershipEnd,
    PartnershipKind,
    Person,
    Sex,
)
from chronogen.model.problems import ProblemCode, Severity
from chronogen.read.family.words import LIVES_WITH, named_child
from chronogen.read.sheet import Cell, Sheet
from chronogen.read.table import normalise_heading


class Reader(Protocol):
    """What the role column needs of the family workbook reader."""

    rows: dict[str, tuple[str | None, int]]
    kin_rows: list[tuple[str, str, str, Sheet, int]]

    def problem(self, code: ProblemCode, message: str, sheet: Sheet | None = None,
                row: int | None = None, column: str | None = None, value: object = None,
                severity: Severity = Severity.WARNING) -> None: ...

_PARENT = {"mother": ParentRole.MOTHER, "mum": ParentRole.MOTHER, "birth mother":
           ParentRole.MOTHER, "father": ParentRole.FATHER, "dad": ParentRole.FATHER,
           "birth father": ParentRole.FATHER}
_STEP = {"stepmother", "step mother", "stepfather", "step father", "stepdad", "step dad",
         "stepmum", "step mum"}
_FEMALE = {"mother", "mum", "grandmother", "sister", "daughter", "wife", "girlfriend", "aunt",
           "niece", "stepmother", "stepmum", "nan", "gran", "grandma"}
_MALE = {"father", "dad", "grandfather", "brother", "son", "husband", "boyfriend", "uncle",
         "nephew", "stepfather", "stepdad", "grandad", "grandpa"}
_SUBJECT = {"subject child", "index child", "subject", "child subject of review",
            "subject of review", "the child", "child"}
_PARTNER = re.compile(r"^(?P<parent>mother|mum|father|dad)s? (?P<ex>ex |former )?"
                      r"(?:partner|boyfriend|girlfriend|husband|wife)$")
_SIBLING = re.compile(r"^(?:(?P<side>maternal|paternal) )?(?P<half>half )?"
                      r"(?:brother|sister|sibling)$")
_GRAND = re.compile(r"^(?P<side>maternal|paternal) grand(?:mother|father|parent)$")


class RoleColumn:
    """The relationship-to-child and lives-with columns of the people table."""

    def __init__(self, reader: Reader, people: list[Person],
                 table: tuple[Sheet, int, dict[str, int]], names: NameIndex) -> None:
        self.reader = reader
        self.people = people
        self.sheet, self.header, self.columns = table
        header = self.sheet.rows[self.header - 1]
        self.row_of = {number: key.split(":", 1)[1] for key, (sheet, number)
                       in reader.rows.items()
                       if key.startswith("person:") and sheet == self.sheet.name}
        self.heading = str(header[self.columns["role"]]) if "role" in self.columns else ""
        #: only a heading that says whom the roles are relative to ("Relationship to Mia",
        #: "Relationship to child") is read for links: a bare "Role" may be relative to
        #: anyone (Ava's father is not Mia's)
        self.explicit = normalise_heading(self.heading).startswith("relationship to")
        written = named_child(header, self.columns.get("role")) or named_child(
            header, self.columns.get("lives_with"))
        self.child = self._child(written, names)

    def _child(self, written: str | None, names: NameIndex) -> str | None:
        """The child the columns are about: the one the heading names, else the index or
        first subject child, else the person whose role says subject child."""
        if written:
            found = sorted(names.lookup(written))
            if len(found) == 1:
                self._mark_subject(found[0])
                return found[0]
        marked = [p for p in self.people if p.index] or [p for p in self.people if p.subject]
        if marked:
            return marked[0].id
        for number, pid in sorted(self.row_of.items()):
            if self._role(number) in _SUBJECT:
                self._mark_subject(pid)
                return pid
        return None

    def infer_sex(self) -> None:
        """A person whose sex is not recorded but whose role word is gendered ("Maternal
        grandmother", "Brother") is drawn with that sex, with a note."""
        if not self.explicit:
            return
        for number, pid in sorted(self.row_of.items()):
            noun = (self._role(number).split() or [""])[-1]  # "mother's partner": a partner
            sex = Sex.FEMALE if noun in _FEMALE else Sex.MALE if noun in _MALE else None
            for position, person in enumerate(self.people):
                if person.id == pid and sex is not None and person.sex is Sex.UNKNOWN:
                    self.people[position] = person.model_copy(update={"sex": sex})
                    self._note(number, f"{person.name} is {sex.value} (no sex recorded)")

    def _mark_subject(self, pid: str) -> None:
        if any(p.subject for p in self.people):
            return
        for position, person in enumerate(self.people):
            if person.id == pid:
                self.people[position] = person.model_copy(update={"subject": True,
                                                                  "index": True})

    def _cell(self, number: int, key: str) -> Cell:
        index = self.columns.get(key)
        row = self.sheet.rows[number - 1]
        return row[index] if index is not None and index < len(row) else None

    def _role(self, number: int) -> str:
        value = self._cell(number, "role")
        return normalise_heading(str(value)).replace(" s ", "s ") if value is not None else ""

    def _note(self, number: int, text: str) -> None:
        self.reader.problem(ProblemCode.ASSUMPTION, f"inferred from {self.heading!r}: {text} "
                            "(state it in a relationships table to make it firm)", self.sheet,
                            number, self.heading, severity=Severity.INFO)

    def _name(self, pid: str) -> str:
        return next((p.name for p in self.people if p.id == pid), pid)

    def infer_links(self, links: list[ParentLink], partnerships: list[Partnership]) -> None:
        """Add the parent links, partnerships and kin the role column states, where no
        relationships table already gives them."""
        child = self.child
        if child is None or not self.explicit:
            return
        parents = {(link.parent, link.child) for link in links}

        def parent_of(role: ParentRole) -> str | None:
            found = [link.parent for link in links if link.child == child and link.role is role]
            if found:
                return found[0]
            for number, pid in self.row_of.items():
                if _PARENT.get(self._role(number)) is role:
                    return pid
            return None

        for number, pid in sorted(self.row_of.items()):
            role = self._role(number)
            if pid == child or not role:
                continue
            written = str(self._cell(number, "role")).strip()
            text = f"{self._name(pid)} is {self._name(child)}'s {written.lower()}"
            if role in _PARENT and (pid, child) not in parents:
                links.append(ParentLink(parent=pid, child=child, role=_PARENT[role]))
                parents.add((pid, child))
                self._note(number, text)
            elif role in _STEP and (pid, child) not in parents:
                links.append(ParentLink(parent=pid, child=child, kind=ParentKind.STEP))
                self._note(number, text)
            elif (partner := _PARTNER.match(role)) is not None:
                side = ParentRole.MOTHER if partner.group(1) in ("mother", "mum") else \
                    ParentRole.FATHER
                parent = parent_of(side)
                if parent and not any({pid, parent} == set(p.partners) for p in partnerships):
                    partnerships.append(Partnership(
                        partners=(parent, pid), kind=PartnershipKind.PARTNER,
                        ended_by=PartnershipEnd.SEPARATION if partner.group("ex") else None))
                    self._note(number, text)
            elif (sibling := _SIBLING.match(role)) is not None:
                side_word = sibling.group("side")
                shared = parent_of(ParentRole.MOTHER if side_word == "maternal" else
                                   ParentRole.FATHER) if side_word else None
                if shared and (shared, pid) not in parents:
                    links.append(ParentLink(parent=shared, child=pid))
                    parents.add((shared, pid))
                else:
                    self.reader.kin_rows.append(("half" if sibling.group("half") else "full",
                                                 pid, child, self.sheet, number))
                self._note(number, text)
            elif (grand := _GRAND.match(role)) is not None:
                middle = parent_of(ParentRole.MOTHER if grand.group("side") == "maternal"
                                   else ParentRole.FATHER)
                if middle and (pid, middle) not in parents:
                    links.append(ParentLink(parent=pid, child=middle))
                    parents.add((pid, middle))
                    self._note(number, text)

    def households(self, households: list[HouseholdMembership]) -> None:
        """Dated memberships of the child's household from the lives-with answers."""
        child = self.child
        if child is None or "lives_with" not in self.columns:
            return
        already = {m.person for m in households}
        home = f"{self._name(child)}'s household"
        added = False
        for number, pid in sorted(self.row_of.items()):
            value = self._cell(number, "lives_with")
            if value is None or pid in already:
                continue
            answer = LIVES_WITH.match(" ".join(str(value).lower().split()))
            if answer is None:
                self.reader.problem(ProblemCode.UNRECOGNISED_VALUE,
                                    f"{value!r} is not yes / no (with 'from' or 'since' a "
                                    "date)", self.sheet, number, "Lives with", value)
                continue
            when = self._when(number, answer.group("when"))
            word = answer.group("word") or ""
            if answer.group("answer").startswith("y"):
                start = when if word in ("from", "since", "") else None
                end = when if word in ("until", "till", "to") else None
            elif when is not None and word in ("since", "from"):
                start, end = None, when  # "No (since May 2019)": lived there until then
            else:
                continue
            households.append(HouseholdMembership(household=home, person=pid, start=start,
                                                  end=end))
            added = True
        if added and child not in already and not any(m.person == child for m in households):
            households.append(HouseholdMembership(household=home, person=child))

    def _when(self, number: int, text: str | None) -> PartialDate | None:
        if not text:
            return None
        try:
            return PartialDate.parse(text.strip())
        except DateError as error:
            self.reader.problem(ProblemCode.INVALID_DATE, f"lives with: {error}", self.sheet,
                                number, "Lives with", text)
            return None

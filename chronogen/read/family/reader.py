"""The family file: a workbook (People / Relationships / Households sheets) or family JSON.

Sheets are recognised by their headings, not only their names. Relationships are words
("marriage", "parent (biological)", "son of", "violence") read from the first person to the
second. Anything not understood is a located problem, never a guess.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from pydantic import ValidationError

from chronogen.dates import PartialDate, parse_date_time
from chronogen.domain.names import NameIndex
from chronogen.errors import DateError, InputError, InputFileNotFound
from chronogen.model.case import Limits
from chronogen.model.family import (
    Family,
    HouseholdMembership,
    ParentKind,
    ParentLink,
    ParentRole,
    Partnership,
    Person,
    Relation,
    Sex,
)
from chronogen.model.problems import Problem, ProblemCode, Severity, sheet_place
from chronogen.model.validation import explain
from chronogen.read.family.checks import Locations, check_family
from chronogen.read.family.roles import RoleColumn
from chronogen.read.family.words import (
    CHILD,
    ENDED_BY,
    GRANDPARENT,
    HOUSEHOLD_HEADINGS,
    NAMED_CHILD_HEADING,
    PARENT,
    PARENT_KIND_WORDS,
    PARTNER_WORDS,
    PEOPLE_HEADINGS,
    PREGNANCY,
    RELATION_HEADINGS,
    RELATION_WORDS,
    ROLE,
    SEX,
    SIBLING,
)
from chronogen.read.manifest import locate_case
from chronogen.read.sheet import Cell, Sheet
from chronogen.read.sheet_problems import sheet_problems
from chronogen.read.table import (
    EXCEL_ERRORS,
    check_regular_file,
    is_blank,
    normalise_heading,
    read_sheets,
)


@dataclass
class FamilyResult:
    """A family and the problems found reading it."""

    family: Family
    problems: list[Problem] = field(default_factory=list)


def read_family_file(path: Path | str, *, display_name: str | None = None,
                     limits: Limits | None = None) -> FamilyResult:
    """Read a family workbook (.xlsx), CSV of people, family JSON (.json) or GEDCOM (.ged)."""
    path = Path(path)
    name = display_name or path.name
    if not path.exists():
        raise InputFileNotFound(f"{name}: family file not found ({path})")
    check_regular_file(path, name, limits or Limits())
    if path.suffix.lower() == ".json":
        return _read_family_json(path, name)
    if path.suffix.lower() == ".ged":
        from chronogen.read.family.gedcom import read_gedcom

        family, problems = read_gedcom(path)
        return FamilyResult(family, [*problems, *check_family(family, name)])
    sheets = read_sheets(path, display_name=name, limits=limits)
    return _FamilyWorkbook(sheets, name).read()


def load_family(path: Path | str) -> FamilyResult:
    """A family from a family workbook, family JSON, a ``case.json`` or a case folder."""
    path = Path(path)
    if path.is_dir():
        folder, manifest = locate_case(path)
        if manifest.family is None:
            raise InputError(f"{path}: the case names no family file")
        return read_family_file(folder / manifest.family.file,
                                display_name=manifest.family.file)
    return read_family_file(path)


def _read_family_json(path: Path, name: str) -> FamilyResult:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{name}: not valid JSON ({error})") from error
    except RecursionError as error:
        raise InputError(f"{name}: nested too deeply to be a family file") from error
    if isinstance(data, dict) and "family" in data and "people" not in data:
        data = data["family"]  # a whole case.json
    try:
        family = Family.model_validate(data)
    except ValidationError as error:
        raise InputError(f"{name}: {explain(error)}") from error
    except RecursionError as error:
        raise InputError(f"{name}: nested too deeply to be a family file") from error
    result = FamilyResult(family)
    result.problems.extend(check_family(family, name))
    return result


def _headings_map(row: tuple[Cell, ...], wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    lookup = {normalise_heading(s): key for key, synonyms in wanted.items() for s in synonyms}
    found: dict[str, int] = {}
    for index, value in enumerate(row):
        if value is None:
            continue
        heading = normalise_heading(str(value))
        key = lookup.get(heading)
        named = NAMED_CHILD_HEADING.match(heading)
        if key is None and named is not None and "role" in wanted:
            key = "role" if named.group("what") == "relationship to" else "lives_with"
        if key is not None and key not in found:
            found[key] = index
    return found


def _find_table(sheets: list[Sheet], wanted: dict[str, tuple[str, ...]], required: set[str],
                prefer: str) -> tuple[Sheet, int, dict[str, int]] | None:
    best: tuple[int, int, Sheet, int, dict[str, int]] | None = None
    for order, sheet in enumerate(sheets):
        for number, row in list(sheet.numbered())[:15]:
            found = _headings_map(row, wanted)
            if not required <= set(found) or len(found) < 2:
                continue  # one word alone ("No" in a data row) is no header
            named = 1 if sheet.name and prefer in sheet.name.lower() else 0
            score = len(found) + 3 * named
            if best is None or score > best[0]:
                best = (score, order, sheet, number, found)
    if best is None:
        return None
    return best[2], best[3], best[4]


class _FamilyWorkbook:
    def __init__(self, sheets: list[Sheet], name: str) -> None:
        self.sheets = sheets
        self.name = name
        self.problems: list[Problem] = []
        #: where each person and parent link was read, to locate later checks
        self.rows: Locations = {}
        #: sibling and grandparent rows, applied once every parent link is known
        self.kin_rows: list[tuple[str, str, str, Sheet, int]] = []

    def problem(self, code: ProblemCode, message: str, sheet: Sheet | None = None,
                row: int | None = None, column: str | None = None, value: object = None,
                severity: Severity = Severity.WARNING) -> None:
        self.problems.append(Problem(
            code=code, severity=severity, message=message, file=self.name,
            sheet=sheet.name if sheet else None, row=row, column=column,
            value=None if value is None else str(value)))

    def read(self) -> FamilyResult:
        people_table = _find_table(self.sheets, PEOPLE_HEADINGS, {"id"}, "people") or \
            _find_table(self.sheets, PEOPLE_HEADINGS, {"name"}, "people")
        if people_table is None:
            raise InputError(f"{self.name}: no people table found: a sheet needs a header row "
                             "with an ID (or Name) column")
        rel_table = _find_table(self.sheets, RELATION_HEADINGS, {"a", "b", "kind"},
                                "relation")
        house_table = _find_table(self.sheets, HOUSEHOLD_HEADINGS, {"household", "person"},
                                  "household")
        for table in (people_table, rel_table, house_table):
            if table is not None:
                self._what_the_sheet_holds(table[0], table[1])
        people = self._people(*people_table)
        self.used = {people_table[0].name}
        family = Family(people=people)
        names = NameIndex(family)
        partnerships: list[Partnership] = []
        parent_links: list[ParentLink] = []
        relations: list[Relation] = []
        if rel_table is not None:
            self.used.add(rel_table[0].name)
            self._relationships(*rel_table, names, partnerships, parent_links, relations)
        households: list[HouseholdMembership] = []
        if house_table is not None:
            self.used.add(house_table[0].name)
            self._households(*house_table, names, households)
        roles = RoleColumn(self, people, people_table, names)
        roles.infer_sex()
        roles.infer_links(parent_links, partnerships)
        roles.households(households)
        self._apply_kin_rows(people, parent_links)
        self._report_unread_sheets()
        family = Family(people=people, partnerships=partnerships, parent_links=parent_links,
                        households=households, relations=relations)
        self.problems.extend(check_family(family, self.name, self.rows))
        return FamilyResult(family, self.problems)

    def _what_the_sheet_holds(self, sheet: Sheet, header: int) -> None:
        """Say what a table's sheet holds as an agency return's reader does (merged cells
        read in each row, formulas saved without a value), and make each Excel error cell
        (``#REF!``) blank, saying so: it was read as the words, a surname "#REF!" drawn on
        the genogram."""
        heading_row = sheet.rows[header - 1] if 0 < header <= len(sheet.rows) else ()
        headings = ["" if v is None else str(v).strip() for v in heading_row]
        self.problems.extend(sheet_problems(sheet, headings, header))
        for index, row in enumerate(sheet.rows[header:], start=header):
            if not any(type(v) is str and v.strip() in EXCEL_ERRORS for v in row):
                continue
            cells = list(row)
            for column, value in enumerate(row):
                if type(value) is str and value.strip() in EXCEL_ERRORS:
                    cells[column] = None
                    self.problem(ProblemCode.CELL_ERROR,
                                 f"the cell holds the Excel error {value.strip()}; treated as "
                                 "blank", sheet, index + 1,
                                 headings[column] if column < len(headings) else None, value)
            sheet.rows[index] = tuple(cells)

    def _report_unread_sheets(self) -> None:
        """Say which sheets were not read, and why: nothing is ignored silently."""
        for sheet in self.sheets:
            if sheet.name in self.used or not any(not is_blank(r) for r in sheet.rows):
                continue
            first = next((r for r in sheet.rows if not is_blank(r)), ())
            headings = ", ".join(repr(str(v)) for v in first if v is not None)[:200]
            self.problem(ProblemCode.SHEET_NOT_READ,
                         f"{sheet_place(sheet.file, sheet.name or '')} was not read: it is not a "
                         "people, "
                         "relationships or households table chronogen knows (its first row: "
                         f"{headings}); see docs/genogram.md for the headings it reads",
                         sheet)

    # -- siblings and grandparents: placeholders for parents the sources do not name -------

    def _apply_kin_rows(self, people: list[Person], links: list[ParentLink]) -> None:
        counter = [0]

        def parents(child: str) -> set[str]:
            return {link.parent for link in links if link.child == child
                    and link.kind in (ParentKind.BIOLOGICAL, ParentKind.ADOPTIVE)}

        def placeholder() -> str:
            known = {p.id for p in people}
            counter[0] += 1
            while f"PH{counter[0]}" in known:
                counter[0] += 1
            pid = f"PH{counter[0]}"
            people.append(Person(id=pid, placeholder=True, role="parent not known"))
            return pid

        for kind, a, b, sheet, number in self.kin_rows:
            pa, pb = parents(a), parents(b)
            if kind == "full":
                together = pa | pb
                if len(together) > 2 or (len(pa) == 2 and len(pb) == 2 and pa != pb):
                    self.problem(ProblemCode.FAMILY_CONTRADICTION,
                                 f"{a} and {b} are recorded as full siblings but have different "
                                 "parents", sheet, number)
                    continue
                while len(together) < 2:
                    together.add(placeholder())
                for parent in sorted(together):
                    for child in (a, b):
                        if parent not in parents(child):
                            links.append(ParentLink(parent=parent, child=child))
            elif kind == "half":
                if pa & pb:
                    continue
                if pa or pb:
                    self.problem(ProblemCode.INCOMPLETE_RELATIONSHIP,
                                 f"{a} and {b} are recorded as half-siblings; which parent they "
                                 "share is not recorded: add that parent link", sheet, number)
                    continue
                shared = placeholder()
                for child in (a, b):  # a shared parent, and another of their own each
                    links.extend([ParentLink(parent=shared, child=child),
                                  ParentLink(parent=placeholder(), child=child)])
            else:  # a is a grandparent of b ("grandmaternal": through the mother)
                side = kind.removeprefix("grand")
                through = [p for p in pb if self._is_side(p, b, side, people, links)]
                if side and len(through) == 1 and a not in parents(through[0]):
                    links.append(ParentLink(parent=a, child=through[0]))
                    continue
                if pb:
                    if not any(a in parents(p) for p in pb):
                        self.problem(ProblemCode.INCOMPLETE_RELATIONSHIP,
                                     f"{a} is recorded as a grandparent of {b}; through which "
                                     "parent is not recorded: add that parent link", sheet,
                                     number)
                    continue
                middle = placeholder()
                links.extend([ParentLink(parent=a, child=middle),
                              ParentLink(parent=middle, child=b)])

    @staticmethod
    def _is_side(parent: str, child: str, side: str, people: list[Person],
                 links: list[ParentLink]) -> bool:
        """True when *parent* is *child*'s mother (side "maternal") or father ("paternal"),
        as the link or the parent's recorded role or sex says."""
        if not side:
            return False
        wanted = ParentRole.MOTHER if side == "maternal" else ParentRole.FATHER
        for link in links:
            if link.parent == parent and link.child == child and link.role is not None:
                return link.role is wanted
        person = next((p for p in people if p.id == parent), None)
        if person is None:
            return False
        role = (person.role or "").strip().lower()
        if role in ("mother", "father"):
            return role == wanted.value
        return person.sex is (Sex.FEMALE if side == "maternal" else Sex.MALE)

    # -- cells ----------------------------------------------------------------------------

    @staticmethod
    def _get(row: tuple[Cell, ...], columns: dict[str, int], key: str) -> Cell:
        index = columns.get(key)
        if index is None or index >= len(row):
            return None
        value = row[index]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def _text(self, row: tuple[Cell, ...], columns: dict[str, int], key: str) -> str | None:
        value = self._get(row, columns, key)
        return None if value is None else " ".join(str(value).split())

    def _date(self, sheet: Sheet, number: int, row: tuple[Cell, ...], columns: dict[str, int],
              key: str, label: str) -> PartialDate | None:
        value = self._get(row, columns, key)
        if value is None:
            return None
        if isinstance(value, datetime):
            return PartialDate.day(value.date(), text=value.date().isoformat())
        if isinstance(value, date):
            return PartialDate.day(value, text=value.isoformat())
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return parse_date_time(str(int(value))).date
            return parse_date_time(str(value)).date
        except DateError as error:
            self.problem(ProblemCode.INVALID_DATE,
                         f"{label}: {error}; left blank", sheet, number, label, value)
            return None

    def _resolve(self, text: str | None, names: NameIndex, known: set[str], sheet: Sheet,
                 number: int, column: str) -> str | None:
        if text is None:
            self.problem(ProblemCode.MISSING_VALUE, "no person given", sheet, number, column)
            return None
        if text in known:
            return text
        ids = names.lookup(text)
        if len(ids) == 1:
            return next(iter(ids))
        self.problem(ProblemCode.UNKNOWN_PERSON,
                     f"{text!r} is not a person id or name in the people sheet", sheet, number,
                     column, text)
        return None

    # -- tables ---------------------------------------------------------------------------

    def _people(self, sheet: Sheet, header: int, columns: dict[str, int]) -> list[Person]:
        people: list[Person] = []
        seen_ids: set[str] = set()
        for number, row in sheet.numbered():
            if number <= header or is_blank(row):
                continue
            pid = self._text(row, columns, "id")
            first = self._text(row, columns, "first_name")
            surname = self._text(row, columns, "surname")
            full = self._text(row, columns, "name")
            if full and not first and not surname:
                parts = full.split()
                first, surname = parts[0], " ".join(parts[1:]) or None
            if pid is None:
                pid = f"P{len(people) + 1}" if (first or surname) else None
                if pid is None:
                    self.problem(ProblemCode.MISSING_VALUE,
                                 "row has no id and no name; skipped", sheet, number)
                    continue
                while pid in seen_ids:
                    pid += "'"
            if pid in seen_ids:
                self.problem(ProblemCode.DUPLICATE_PERSON,
                             f"duplicate id {pid!r}; this row is skipped", sheet, number, "ID",
                             pid, Severity.ERROR)
                continue
            seen_ids.add(pid)
            self.rows[f"person:{pid}"] = (sheet.name, number)
            subject_text = (self._text(row, columns, "subject") or "").lower()
            role = self._text(row, columns, "role")
            is_index = "index" in subject_text
            is_subject = is_index or subject_text.startswith(("y", "true", "1", "subject"))
            pregnancy_text = (self._text(row, columns, "pregnancy") or "").lower()
            pregnancy = PREGNANCY.get(pregnancy_text)
            if pregnancy_text and pregnancy is None and pregnancy_text not in ("born", "alive",
                                                                               "living", "n/a"):
                self.problem(ProblemCode.UNRECOGNISED_VALUE,
                             f"pregnancy {pregnancy_text!r} is not pregnancy, miscarriage, "
                             "stillbirth or termination", sheet, number, "Pregnancy",
                             pregnancy_text)
            aliases_text = self._text(row, columns, "aliases")
            sex_text = (self._text(row, columns, "sex") or "").lower()
            sex = SEX.get(sex_text, Sex.UNKNOWN)
            people.append(Person(
                id=pid, first_name=first, surname=surname,
                known_as=self._text(row, columns, "known_as"),
                aliases=[a.strip() for a in re.split(r"[;,]", aliases_text) if a.strip()]
                if aliases_text else [],
                sex=sex,
                gender=sex_text if sex is Sex.UNKNOWN and sex_text else None,
                birth=self._date(sheet, number, row, columns, "birth", "date of birth"),
                death=self._date(sheet, number, row, columns, "death", "date of death"),
                ethnicity=self._text(row, columns, "ethnicity"),
                disability=self._text(row, columns, "disability"),
                role=role, subject=is_subject, index=is_index,
                notes=self._text(row, columns, "notes"), pregnancy=pregnancy,
            ))
        return people

    def _relationships(self, sheet: Sheet, header: int, columns: dict[str, int],
                       names: NameIndex, partnerships: list[Partnership],
                       parent_links: list[ParentLink], relations: list[Relation]) -> None:
        known = names.ids
        for number, row in sheet.numbered():
            if number <= header or is_blank(row):
                continue
            a = self._resolve(self._text(row, columns, "a"), names, known, sheet, number,
                              "Person")
            b = self._resolve(self._text(row, columns, "b"), names, known, sheet, number,
                              "Related person")
            word_text = self._text(row, columns, "kind") or ""
            word = " ".join(re.sub(r"[-_]", " ", word_text.lower()).split())
            start = self._date(sheet, number, row, columns, "start", "From")
            end = self._date(sheet, number, row, columns, "end", "To")
            ended_text = (self._text(row, columns, "ended_by") or "").lower()
            if a is None or b is None:
                continue
            if a == b:
                self.problem(ProblemCode.FAMILY_CONTRADICTION,
                             f"{a!r} is related to themselves", sheet, number, value=word_text)
                continue
            parent = PARENT.match(word)
            child = CHILD.match(word)
            if word in PARTNER_WORDS:
                kind, default_end = PARTNER_WORDS[word]
                ended_by = ENDED_BY.get(ended_text, default_end)
                if ended_text and ended_text not in ENDED_BY:
                    self.problem(ProblemCode.UNRECOGNISED_VALUE,
                                 f"'ended by' {ended_text!r} is not separation, divorce or "
                                 "death", sheet, number, "Ended by", ended_text)
                partnerships.append(Partnership(partners=(a, b), kind=kind, start=start,
                                                end=end, ended_by=ended_by))
            elif parent is not None or child is not None:
                match = parent or child
                assert match is not None
                kind_word = match.group("k1") or match.group("k2") or (
                    "step" if word.startswith("step") else "biological")
                parent_kind = PARENT_KIND_WORDS.get(kind_word.strip())
                if parent_kind is None:
                    self.problem(ProblemCode.UNRECOGNISED_VALUE,
                                 f"{word_text!r}: unknown kind of parent {kind_word!r}", sheet,
                                 number, "Relationship", word_text)
                    continue
                pair = (a, b) if parent is not None else (b, a)
                role = ROLE.get(match.group("role")) if parent is not None else None
                parent_links.append(ParentLink(parent=pair[0], child=pair[1], kind=parent_kind,
                                               role=role, start=start, end=end))
                self.rows[f"link:{pair[0]}>{pair[1]}"] = (sheet.name, number)
            elif (sibling := SIBLING.match(word)) is not None:
                self.kin_rows.append(("half" if sibling.group("half") else "full", a, b,
                                      sheet, number))
            elif GRANDPARENT.match(word) is not None:
                side = word.split()[0] if word.startswith(("maternal", "paternal")) else ""
                self.kin_rows.append((f"grand{side}", a, b, sheet, number))
            elif word in RELATION_WORDS:
                relations.append(Relation(a=a, b=b, kind=RELATION_WORDS[word], start=start,
                                          end=end))
            else:
                self.problem(ProblemCode.UNKNOWN_RELATIONSHIP,
                             f"relationship {word_text!r} is not understood; skipped", sheet,
                             number, "Relationship", word_text)

    def _households(self, sheet: Sheet, header: int, columns: dict[str, int], names: NameIndex,
                    households: list[HouseholdMembership]) -> None:
        known = names.ids
        for number, row in sheet.numbered():
            if number <= header or is_blank(row):
                continue
            place = self._text(row, columns, "household")
            person = self._resolve(self._text(row, columns, "person"), names, known, sheet,
                                   number, "Person")
            if place is None:
                self.problem(ProblemCode.MISSING_VALUE,
                             "no household / address given; skipped", sheet, number)
                continue
            if person is None:
                continue
            households.append(HouseholdMembership(
                household=place, person=person,
                start=self._date(sheet, number, row, columns, "start", "Moved in"),
                end=self._date(sheet, number, row, columns, "end", "Moved out")))



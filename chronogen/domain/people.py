"""The family-composition table every review report carries."""

from __future__ import annotations

import string
from datetime import date

from pydantic import BaseModel

from chronogen.domain.kinship import Kinship, family_as_at
from chronogen.model.family import Family


class PersonRow(BaseModel):
    """One person in the family-composition table."""

    id: str
    name: str
    role: str | None
    sex: str
    born: str | None
    died: str | None
    age: int | None
    age_approximate: bool
    ethnicity: str | None
    #: disability or special educational needs, as recorded
    disability: str | None = None
    relationship_to_index: str
    #: lived in the index child's household on the date (None: no household recorded)
    lived_with_index: bool | None
    #: what the family file notes of them, as written ("known to police")
    notes: str | None = None


def people_table(family: Family, as_at: date) -> list[PersonRow]:
    """Each person: role, age at *as_at*, relationship to the index child in words, and
    whether they lived with the index child on that date. Only partnerships and links that
    had begun by *as_at* count."""
    family = family_as_at(family, as_at)
    kin = Kinship(family)
    index = family.index_child
    rows = []
    for person in family.people:
        if person.placeholder:
            continue
        dead = person.death is not None and person.death.earliest is not None \
            and person.death.earliest <= as_at
        age = None if dead or person.pregnancy is not None else person.age_on(as_at)
        rows.append(PersonRow(
            id=person.id,
            name=person.name,
            role=person.role,
            sex=person.sex.value,
            born=person.birth.display() if person.birth else None,
            died=person.death.display() if person.death else None,
            age=age,
            age_approximate=age is not None and person.birth is not None and (
                person.birth.precision.value != "day" or person.birth.qualifier.value != "exact"),
            ethnicity=person.ethnicity,
            disability=person.disability,
            relationship_to_index=(kin.relationship(person.id, index.id, as_at)
                                   if index is not None else "no index child marked"),
            lived_with_index=(kin.lived_with_on(index.id, person.id, as_at)
                              if index is not None and not dead else None),
            notes=person.notes.strip() if person.notes and person.notes.strip() else None,
        ))
    return rows


#: whether they lived with the index child, in words
LIVED_TEXT = {True: "yes", False: "no", None: "not recorded"}


def age_text(row: PersonRow) -> str:
    """The age as the table shows it: ``c.33`` when the birth is approximate, ``died``."""
    if row.died and row.age is None:
        return "died"
    if row.age is None:
        return ""
    return f"{'c.' if row.age_approximate else ''}{row.age}"


def format_people(rows: list[PersonRow], as_at: date) -> str:
    """The table as aligned text for a terminal."""
    headings = ["ID", "Name", "Role", "Age", "Relationship to index child",
                f"Lived with index child on {as_at.strftime('%d/%m/%Y')}", "Ethnicity", "Notes"]
    body = [[r.id, r.name, r.role or "", age_text(r),
             r.relationship_to_index, LIVED_TEXT[r.lived_with_index] if not r.died else "",
             r.ethnicity or "NOT RECORDED", r.notes or ""] for r in rows]
    widths = [max(len(str(row[i])) for row in [headings, *body]) for i in range(len(headings))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
                 for row in body)
    return "\n".join(lines)


def lettered_children(family: Family) -> dict[str, str]:
    """Each subject child's label, in order, as the anonymised set and the overview across
    reviews both call them: *Child A* the index child, then the others in the family's order
    (*Child Z*, then *Child A1* ...)."""
    children = sorted(family.subject_children, key=lambda p: not p.index)  # stable
    letters = string.ascii_uppercase
    return {child.id: f"Child {letters[n % 26]}{'' if n < 26 else n // 26}"
            for n, child in enumerate(children)}

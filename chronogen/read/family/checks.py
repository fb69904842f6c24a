"""Checks on a family that was read: unknown ids, impossible dates, parent cycles."""

from __future__ import annotations

from chronogen.model.family import Family, ParentKind
from chronogen.model.problems import Problem, ProblemCode, Severity

#: where something was read: "person:P1" or "link:P4>P1" -> (sheet, row)
Locations = dict[str, tuple[str | None, int]]


def check_family(family: Family, file: str, where: Locations | None = None) -> list[Problem]:
    """Problems in a family that was read: unknown ids, impossible dates, parent cycles.

    With *where*, each problem names the sheet and row it was read from.
    """
    problems: list[Problem] = []
    rows = where or {}

    def add(code: ProblemCode, message: str, key: str | None = None) -> None:
        sheet, row = rows.get(key or "", (None, None))
        problems.append(Problem(code=code, severity=Severity.WARNING,
                                message=message, file=file, sheet=sheet, row=row))

    ids = [p.id for p in family.people]
    known = set(ids)
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        add(ProblemCode.DUPLICATE_PERSON, f"duplicate person id {duplicate!r}")
    for person in family.people:
        if person.birth and person.death and person.death.latest and person.birth.earliest \
                and person.death.latest < person.birth.earliest:
            add(ProblemCode.FAMILY_CONTRADICTION,
                f"{person.id} ({person.name}) died before they were born", f"person:{person.id}")
    references = [(pl.parent, "parent link") for pl in family.parent_links]
    references += [(pl.child, "parent link") for pl in family.parent_links]
    references += [(p, "partnership") for ps in family.partnerships for p in ps.partners]
    references += [(m.person, "household") for m in family.households]
    references += [(r.a, "relationship") for r in family.relations]
    references += [(r.b, "relationship") for r in family.relations]
    for pid, what in references:
        if pid not in known:
            add(ProblemCode.UNKNOWN_PERSON, f"{what} names {pid!r}, who is not in the people list")
    by_id = {p.id: p for p in family.people}
    for link in family.parent_links:
        parent, child = by_id.get(link.parent), by_id.get(link.child)
        if parent and child and parent.birth and child.birth and parent.birth.earliest and \
                child.birth.latest and child.birth.latest < parent.birth.earliest:
            add(ProblemCode.FAMILY_CONTRADICTION,
                f"{child.id} ({child.name}) was born before their parent {parent.id} "
                f"({parent.name})", f"link:{parent.id}>{child.id}")
    birth_parents: dict[str, set[str]] = {}
    for link in family.parent_links:
        if link.kind is ParentKind.BIOLOGICAL:
            birth_parents.setdefault(link.child, set()).add(link.parent)
    for child_id, found in sorted(birth_parents.items()):
        if len(found) > 2:
            add(ProblemCode.FAMILY_CONTRADICTION,
                f"{child_id} has {len(found)} biological parents ({', '.join(sorted(found))}); "
                "a child has two: record the others as step, foster or adoptive parents",
                f"person:{child_id}")
    marked = [p for p in family.people if p.index]
    if len(marked) > 1:
        add(ProblemCode.FAMILY_CONTRADICTION,
            f"{len(marked)} people are marked as the index child "
            f"({', '.join(p.id for p in marked)}); a review has one: the first is used")
    parents: dict[str, set[str]] = {}
    for link in family.parent_links:
        parents.setdefault(link.child, set()).add(link.parent)
    for start in sorted(parents):
        stack, visited = list(parents[start]), set()
        while stack:
            current = stack.pop()
            if current == start:
                first_parent = sorted(parents[start])[0]
                add(ProblemCode.FAMILY_CONTRADICTION,
                    f"{start} is their own ancestor (a cycle in parent links)",
                    f"link:{first_parent}>{start}")
                break
            if current in visited:
                continue
            visited.add(current)
            stack.extend(parents.get(current, ()))
    return problems

"""Pseudonyms from roles: "Child A", "Mother", "Mother's partner", "Maternal grandmother".

Subject children are lettered (the index child first); everyone else is named by their
relationship to the index child, as :class:`~chronogen.domain.kinship.Kinship` words it,
with a number where two people would share one. ``[publication] pseudonyms`` in case.toml
overrides any of them.
"""

from __future__ import annotations

from datetime import date

from chronogen.domain.kinship import Kinship
from chronogen.domain.people import lettered_children
from chronogen.model.case import Case

_NO_ROLE = {"no recorded relationship", "unknown person", "self", ""}


def pseudonyms(case: Case, as_at: date | None = None) -> dict[str, str]:
    """Person id -> pseudonym, for every person in the family."""
    family = case.family
    kin = Kinship(family)
    index = family.index_child
    chosen = lettered_children(family)
    taken: dict[str, int] = {}
    for person in family.people:
        if person.id in chosen:
            continue
        if index is not None:
            words = kin.relationship(person.id, index.id, as_at)
        else:
            words = person.role or ""
        role = words if words not in _NO_ROLE else ("Adult" if not person.is_child else "Child")
        role = role[:1].upper() + role[1:]
        taken[role] = taken.get(role, 0) + 1
        chosen[person.id] = role if taken[role] == 1 else f"{role} {taken[role]}"
    # a role used twice: number the first one too, so neither reads as the only one
    for person_id, name in list(chosen.items()):
        if taken.get(name, 0) > 1:
            chosen[person_id] = f"{name} 1"
    chosen.update({k: v for k, v in case.publication.pseudonyms.items() if k in chosen})
    return chosen

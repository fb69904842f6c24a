"""Writing a family as GEDCOM 7 (with the ``gedcom7`` library), losing nothing: what GEDCOM
cannot say goes into chronogen's declared extension tags."""

from __future__ import annotations

from pathlib import Path

from chronogen.dates import PartialDate, Precision, Qualifier
from chronogen.domain import gedcom_tags as T
from chronogen.domain.family_graph import genogram, union_of
from chronogen.model.family import Family, ParentKind, PartnershipEnd, PartnershipKind, Sex

_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_PEDI = {ParentKind.BIOLOGICAL: "BIRTH", ParentKind.ADOPTIVE: "ADOPTED",
         ParentKind.FOSTER: "FOSTER", ParentKind.STEP: "OTHER", ParentKind.KINSHIP: "OTHER"}


def gedcom_date(value: PartialDate) -> str:
    """A PartialDate in GEDCOM's date syntax (``ABT 1988``, ``BET 1 JAN 2020 AND 5 JAN 2020``)."""

    def one(day: object, precision: Precision) -> str:
        from datetime import date

        assert isinstance(day, date)
        if precision is Precision.YEAR:
            return str(day.year)
        if precision is Precision.MONTH:
            return f"{_MONTHS[day.month - 1]} {day.year}"
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

    if value.qualifier is Qualifier.BETWEEN or value.precision is Precision.RANGE:
        return f"BET {one(value.earliest, Precision.DAY)} AND {one(value.latest, Precision.DAY)}"
    if value.qualifier is Qualifier.BEFORE:
        from datetime import timedelta

        assert value.latest is not None
        return f"BEF {one(value.latest + timedelta(days=1), value.precision)}"
    if value.qualifier is Qualifier.AFTER:
        from datetime import timedelta

        assert value.earliest is not None
        return f"AFT {one(value.earliest - timedelta(days=1), value.precision)}"
    core = one(value.earliest, value.precision)
    if value.qualifier in (Qualifier.ABOUT, Qualifier.UNCERTAIN):
        return f"ABT {core}"
    return core


def family_to_gedcom(family: Family) -> str:
    """The family as GEDCOM 7 text."""
    import gedcom7
    from gedcom7.types import GedcomStructure as S

    def node(tag: str, text: str = "", children: list[S] | None = None, *,
             pointer: str | None = None, xref: str | None = None) -> S:
        return S(tag=tag, text=text, pointer=pointer, xref=xref, children=children or [])

    def date_node(value: PartialDate) -> S:
        # PHRASE keeps the date as the source wrote it ("abt 1988", "March 2020")
        return node("DATE", gedcom_date(value), [node("PHRASE", value.text)])

    def dated(tag: str, value: PartialDate | None, text: str = "") -> list[S]:
        return [node(tag, text, [date_node(value)])] if value else []

    xref = {p.id: f"@I{n}@" for n, p in enumerate(family.people, start=1)}
    graph = genogram(family)
    unions = sorted(n for n, d in graph.nodes(data=True) if d.get("kind") == "union")
    families: list[S] = []
    famc: dict[str, list[S]] = {p.id: [] for p in family.people}
    fams: dict[str, list[str]] = {p.id: [] for p in family.people}
    links = {(link.parent, link.child): link for link in family.parent_links}
    number = 0

    def add_family(partners: list[str], children: list[str], partnership: object) -> None:
        nonlocal number
        number += 1
        ref = f"@F{number}@"
        body: list[S] = []
        for tag, partner in zip(("HUSB", "WIFE"), partners, strict=False):
            roles = {links[(partner, c)].role for c in children if (partner, c) in links}
            role = roles.pop() if len(roles) == 1 else None
            extra = [node(T.ROLE, role.value)] if role is not None else []
            body.append(node(tag, pointer=xref[partner], children=extra))
            fams[partner].append(ref)
        for child in children:
            body.append(node("CHIL", pointer=xref[child]))
            kinds = {links[(p, child)].kind for p in partners if (p, child) in links}
            kind = next(iter(kinds)) if kinds else ParentKind.BIOLOGICAL
            extra = [node("PEDI", _PEDI[kind])]
            if kind in (ParentKind.STEP, ParentKind.KINSHIP):
                extra.append(node(T.KIND, kind.value))
            famc[child].append(node("FAMC", pointer=ref, children=extra))
        from chronogen.model.family import Partnership

        if isinstance(partnership, Partnership):
            if partnership.kind in (PartnershipKind.MARRIAGE,
                                    PartnershipKind.CIVIL_PARTNERSHIP):
                body.append(node("MARR", children=[date_node(partnership.start)]
                                 if partnership.start else []))
            else:
                body += dated(T.START, partnership.start)
            body.append(node(T.KIND, partnership.kind.value))
            if partnership.ended_by is PartnershipEnd.DIVORCE:
                body.append(node("DIV", children=[date_node(partnership.end)]
                                 if partnership.end else []))
            else:
                body += dated(T.END, partnership.end)
            if partnership.ended_by is not None:
                body.append(node(T.ENDED_BY, partnership.ended_by.value))
        elif len(partners) == 2:
            body.append(node(T.NO_PARTNERSHIP, "Y"))
        families.append(node("FAM", xref=ref, children=body))

    def union_children(union: str) -> list[str]:
        return [v for _, v, k in graph.out_edges(union, keys=True) if k == "child"]

    done: set[str] = set()
    for partnership in family.partnerships:  # in the family's order, partners as recorded
        union = union_of(graph, *partnership.partners)
        if union is not None and union not in done:
            done.add(union)
            add_family(list(partnership.partners), union_children(union), partnership)
    for union in unions:
        if union not in done:
            add_family(list(graph.nodes[union]["partners"]), union_children(union), None)
    solo: dict[str, list[str]] = {}
    for person in family.people:
        single = graph.nodes[person.id].get("single_parent")
        if single is not None:
            solo.setdefault(single[0], []).append(person.id)
    for parent, children in solo.items():
        add_family([parent], children, None)

    individuals: list[S] = []
    for person in family.people:
        name_text = f"{person.first_name or ''} /{person.surname or ''}/".strip()
        body = [node("NAME", name_text, [c for c in (
            node("GIVN", person.first_name) if person.first_name else None,
            node("SURN", person.surname) if person.surname else None) if c])]
        if person.known_as:
            body.append(node("NAME", f"{person.known_as} /{person.surname or ''}/".strip(),
                             [node("TYPE", "AKA"), node(T.KNOWN_AS, "Y")]))
        for alias in person.aliases:
            body.append(node("NAME", alias, [node("TYPE", "AKA")]))
        body.append(node("SEX", {Sex.MALE: "M", Sex.FEMALE: "F"}.get(person.sex, "U")))
        body += dated("BIRT", person.birth)
        body += dated("DEAT", person.death)
        if person.ethnicity:
            body.append(node("FACT", person.ethnicity, [node("TYPE", "Ethnicity")]))
        if person.disability:
            body.append(node("FACT", person.disability, [node("TYPE", "Disability")]))
        body += famc[person.id]
        body += [node("FAMS", pointer=ref) for ref in fams[person.id]]
        if person.notes:
            body.append(node("NOTE", person.notes))
        body.append(node(T.ID, person.id))
        if person.role:
            body.append(node(T.ROLE, person.role))
        if person.subject:
            body.append(node(T.SUBJECT, "Y"))
        if person.index:
            body.append(node(T.INDEX, "Y"))
        if person.placeholder:
            body.append(node(T.PLACEHOLDER, "Y"))
        if person.pregnancy is not None:
            body.append(node(T.PREGNANCY, person.pregnancy.value))
        for relation in family.relations:
            if relation.a == person.id and relation.b in xref:
                body.append(node(T.RELATION, pointer=xref[relation.b], children=[
                    node("TYPE", relation.kind.value), *dated(T.START, relation.start),
                    *dated(T.END, relation.end)]))
        individuals.append(node("INDI", xref=xref[person.id], children=body))

    homes: list[S] = []
    names = list(dict.fromkeys(m.household for m in family.households))
    for count, home in enumerate(names, start=1):
        members = [node(T.MEMBER, pointer=xref[m.person], children=[
            *dated(T.START, m.start), *dated(T.END, m.end)])
            for m in family.households if m.household == home and m.person in xref]
        homes.append(node(T.HOUSEHOLD, home, members, xref=f"@H{count}@"))

    schema = node("SCHMA", children=[node("TAG", f"{tag} {T.URI_BASE}{tag[1:].lower()}")
                                      for tag in T.ALL])
    head = node("HEAD", children=[node("GEDC", children=[node("VERS", "7.0")]), schema,
                                  node("SOUR", "chronogen")])
    return str(gedcom7.dumps([head, *individuals, *families, *homes, node("TRLR")],
                             byte_order_mark=False))


def write_gedcom(family: Family, output: Path) -> Path:
    """Write *family* to *output* as GEDCOM 7."""
    output.write_text(family_to_gedcom(family), encoding="utf-8")
    return output

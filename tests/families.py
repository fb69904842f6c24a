"""Hand-made family shapes for genogram and kinship tests (all fictional)."""

from __future__ import annotations

from chronogen import (
    Family,
    HouseholdMembership,
    ParentKind,
    ParentLink,
    ParentRole,
    PartialDate,
    Partnership,
    PartnershipEnd,
    PartnershipKind,
    Person,
    PregnancyOutcome,
    Relation,
    RelationKind,
    Sex,
)

M, F = Sex.MALE, Sex.FEMALE


def person(pid: str, first: str, sex: Sex, born: str | None = None, **extra: object) -> Person:
    return Person(id=pid, first_name=first or None, surname="Test" if first else None, sex=sex,
                  birth=PartialDate.parse(born) if born else None, **extra)  # type: ignore[arg-type]


def link(parent: str, child: str, role: ParentRole | None = None,
         kind: ParentKind = ParentKind.BIOLOGICAL) -> ParentLink:
    return ParentLink(parent=parent, child=child, role=role, kind=kind)


MOTHER, FATHER = ParentRole.MOTHER, ParentRole.FATHER


def blended() -> Family:
    """Remarriage with half-siblings on both sides, twins, an adoption, grandparents.

    Sam (index) is the child of Beth and Carl. Beth's first marriage to Adam (divorced) gave
    Dora; Carl's earlier cohabitation with Erin (separated) gave Finn; Beth and Carl also
    have twins Gail and Hugo and adopted Ivy. Beth's parents are Jack and Kate; Carl's
    mother is Lena.
    """
    people = [
        person("SAM", "Sam", M, "12/05/2016", subject=True, index=True),
        person("BETH", "Beth", F, "03/03/1988"),
        person("CARL", "Carl", M, "1985"),
        person("ADAM", "Adam", M, "1984"),
        person("DORA", "Dora", F, "01/01/2009", subject=True),
        person("ERIN", "Erin", F, "1987"),
        person("FINN", "Finn", M, "20/07/2011"),
        person("GAIL", "Gail", F, "09/09/2019", subject=True),
        person("HUGO", "Hugo", M, "09/09/2019", subject=True),
        person("IVY", "Ivy", F, "2014", subject=True),
        person("JACK", "Jack", M, "1960", death=PartialDate.parse("2018")),
        person("KATE", "Kate", F, "1962"),
        person("LENA", "Lena", F, "1958"),
        person("MIKE", "Mike", M, "1990"),
        person("LOSS", "", Sex.UNKNOWN, "March 2018", pregnancy=PregnancyOutcome.MISCARRIAGE),
        person("DUE", "", Sex.UNKNOWN, "August 2020", pregnancy=PregnancyOutcome.PREGNANCY),
    ]
    partnerships = [
        Partnership(partners=("ADAM", "BETH"), kind=PartnershipKind.MARRIAGE,
                    start=PartialDate.parse("2008"), end=PartialDate.parse("2012"),
                    ended_by=PartnershipEnd.DIVORCE),
        Partnership(partners=("CARL", "ERIN"), kind=PartnershipKind.COHABITATION,
                    start=PartialDate.parse("2010"), end=PartialDate.parse("2013"),
                    ended_by=PartnershipEnd.SEPARATION),
        Partnership(partners=("CARL", "BETH"), kind=PartnershipKind.MARRIAGE,
                    start=PartialDate.parse("2014")),
        Partnership(partners=("JACK", "KATE"), kind=PartnershipKind.MARRIAGE,
                    start=PartialDate.parse("1985"), end=PartialDate.parse("2018"),
                    ended_by=PartnershipEnd.DEATH),
    ]
    links = [
        link("BETH", "SAM", MOTHER), link("CARL", "SAM", FATHER),
        link("BETH", "DORA", MOTHER), link("ADAM", "DORA", FATHER),
        link("CARL", "FINN", FATHER), link("ERIN", "FINN", MOTHER),
        link("BETH", "GAIL", MOTHER), link("CARL", "GAIL", FATHER),
        link("BETH", "HUGO", MOTHER), link("CARL", "HUGO", FATHER),
        link("BETH", "IVY", MOTHER, ParentKind.ADOPTIVE),
        link("CARL", "IVY", FATHER, ParentKind.ADOPTIVE),
        link("JACK", "BETH", FATHER), link("KATE", "BETH", MOTHER),
        link("LENA", "CARL", MOTHER), link("LENA", "MIKE", MOTHER),
        link("BETH", "LOSS", MOTHER), link("CARL", "LOSS", FATHER),
        link("BETH", "DUE", MOTHER), link("CARL", "DUE", FATHER),
    ]
    home = [HouseholdMembership(household="1 Elm Road", person=p,
                                start=PartialDate.parse("2014"))
            for p in ("BETH", "CARL", "SAM", "DORA", "GAIL", "HUGO", "IVY")]
    home.append(HouseholdMembership(household="1 Elm Road", person="MIKE",
                                    start=PartialDate.parse("2020"),
                                    end=PartialDate.parse("2021")))
    relations = [Relation(a="CARL", b="BETH", kind=RelationKind.VIOLENCE),
                 Relation(a="ADAM", b="BETH", kind=RelationKind.CUT_OFF)]
    return Family(people=people, partnerships=partnerships, parent_links=links,
                  households=home, relations=relations)


def generations(width: int = 3) -> Family:
    """Four generations, every couple with *width* children, each child with a partner:
    about 50 people when width is 3."""
    people: list[Person] = []
    partnerships: list[Partnership] = []
    links: list[ParentLink] = []
    counter = [0]

    def new(sex: Sex, year: int) -> str:
        counter[0] += 1
        pid = f"G{counter[0]}"
        people.append(person(pid, f"N{counter[0]}", sex, str(year)))
        return pid

    couples = [(new(M, 1930), new(F, 1932))]
    year = 1955
    for generation in range(3):
        next_couples = []
        for dad, mum in couples:
            partnerships.append(Partnership(partners=(dad, mum), kind=PartnershipKind.MARRIAGE))
            kids = min(width, 2) if generation == 2 else width
            for n in range(kids):
                child = new(M if n % 2 == 0 else F, year + n)
                links += [link(dad, child, FATHER), link(mum, child, MOTHER)]
                if generation < 2:
                    spouse = new(F if n % 2 == 0 else M, year + n)
                    pair = (child, spouse) if n % 2 == 0 else (spouse, child)
                    next_couples.append(pair)
        couples = next_couples
        year += 25
    people[-1] = people[-1].model_copy(update={"subject": True, "index": True})
    return Family(people=people, partnerships=partnerships, parent_links=links)


def many_partners() -> Family:
    """One man with four partners in turn, a child with each; one woman with three."""
    people = [person("DAD", "Dan", M, "1975", subject=False)]
    partnerships: list[Partnership] = []
    links: list[ParentLink] = []
    for n in range(4):
        mum, kid = f"W{n}", f"K{n}"
        people += [person(mum, f"Wen{n}", F, str(1976 + n)),
                   person(kid, f"Kit{n}", M if n % 2 else F, f"01/01/{2000 + 3 * n}",
                          subject=True, index=(n == 3))]
        partnerships.append(Partnership(partners=("DAD", mum), kind=PartnershipKind.COHABITATION,
                                        start=PartialDate.parse(str(1999 + 3 * n)),
                                        end=PartialDate.parse(str(2001 + 3 * n)) if n < 3 else None,
                                        ended_by=PartnershipEnd.SEPARATION if n < 3 else None))
        links += [link("DAD", kid, FATHER), link(mum, kid, MOTHER)]
    for n in range(2):  # W3's other partners, each with a child
        other, kid = f"O{n}", f"H{n}"
        people += [person(other, f"Oli{n}", M, "1970"),
                   person(kid, f"Hal{n}", F, f"01/06/{1996 + n}")]
        partnerships.append(Partnership(partners=(other, "W3"), kind=PartnershipKind.MARRIAGE,
                                        start=PartialDate.parse(str(1990 + n * 3)),
                                        end=PartialDate.parse(str(1992 + n * 3)),
                                        ended_by=PartnershipEnd.DIVORCE))
        links += [link(other, kid, FATHER), link("W3", kid, MOTHER)]
    return Family(people=people, partnerships=partnerships, parent_links=links)


def big_sibship() -> Family:
    """Eight children of one couple, one known parent for two more, a grandparent."""
    people = [person("PA", "Pat", M, "1970"), person("MA", "Mo", F, "1972"),
              person("GR", "Gran", F, "1945")]
    links = [link("GR", "MA", MOTHER)]
    for n in range(8):
        pid = f"S{n}"
        people.append(person(pid, f"Sib{n}", M if n % 2 else F, f"01/03/{1995 + 2 * n}",
                             subject=n > 4, index=n == 7))
        links += [link("PA", pid, FATHER), link("MA", pid, MOTHER)]
    for n in range(2):
        pid = f"Q{n}"
        people.append(person(pid, f"Que{n}", F, f"01/03/{2012 + n}"))
        links.append(link("MA", pid, MOTHER))
    return Family(people=people, partnerships=[Partnership(partners=("PA", "MA"))],
                  parent_links=links)

"""Benchmark: every flag rule on a generated multi-agency case, as a ratio to one bare pass.

Not a test. Builds a case of N entries from six agencies over ten years (1 in 20 a referral
to another agency, visits, missed appointments, incidents), a family of three children and
their adults, then times each rule and the summaries in the same process. The baseline is one
pass over the entries reading each one's date bounds and child records, the least any rule
must do. Rules should grow near-linearly (n log n): compare the ratios at 10k and 30k.
With ``--case`` it reads a case folder instead (the 100k entries ``bench_check.py`` makes
are what a build reads: its child records shared, as the reader shares them).

    python bench/bench_flags.py [--entries 30000] [--case bench/.cache/check-100000]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from pathlib import Path

from chronogen import (
    AgencySource,
    Case,
    ChildRecord,
    ContactKind,
    Entry,
    Family,
    ParentLink,
    PartialDate,
    Person,
    Recorded,
    SourceRef,
    analyse_case,
    read_case,
)
from chronogen.analyse.context import FlagContext
from chronogen.analyse.flags import find_flags
from chronogen.analyse.flags.registry import RULES
from chronogen.analyse.flags.side_by_side import SIDE_BY_SIDE_FROM
from chronogen.analyse.summaries import summarise
from chronogen.bulk import bulk_work

AGENCIES = ["Children's Social Care", "Police", "Health Visiting", "GP", "School", "Housing"]
KINDS = list(ContactKind)


def make_case(entries: int, seed: int = 7) -> Case:
    rng = random.Random(seed)
    people = [Person(id="C1", first_name="Amy", surname="Test", subject=True, index=True,
                     birth=PartialDate.day(date(2012, 1, 1))),
              Person(id="C2", first_name="Bo", surname="Test", subject=True,
                     birth=PartialDate.day(date(2014, 1, 1))),
              Person(id="C3", first_name="Cy", surname="Test", subject=True,
                     birth=PartialDate.day(date(2016, 1, 1))),
              Person(id="M", first_name="Mum", surname="Test", role="mother"),
              Person(id="F", first_name="Dad", surname="Test", role="father")]
    links = [ParentLink(parent=p, child=c) for p in ("M", "F") for c in ("C1", "C2", "C3")]
    start = date(2016, 1, 1)
    rows = []
    for n in range(entries):
        agency = rng.choice(AGENCIES)
        day = start + timedelta(days=rng.randrange(3650))
        kind = rng.choice(KINDS)
        referral = rng.choice([a for a in AGENCIES if a != agency]) if rng.random() < 0.05 \
            else None
        seen = rng.choice(list(Recorded))
        rows.append(Entry(
            id=f"E{n}", agency=agency, date=PartialDate.day(day), kind=kind,
            summary=f"Mother said things were fine; contact {n}", referral_to=referral,
            children={c: ChildRecord(seen=seen, views=rng.choice(list(Recorded)))
                      for c in rng.sample(["C1", "C2", "C3"], rng.randrange(1, 4))},
            source=SourceRef(file=f"{agency}.xlsx", row=n + 2)))
    return Case(title="bench", family=Family(people=people, parent_links=links),
                agencies=[AgencySource(name=a, file=f"{a}.xlsx") for a in AGENCIES],
                entries=rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=30_000)
    parser.add_argument("--case", type=Path, default=None,
                        help="a case folder to read instead (bench_check.py makes 10 CSVs of "
                             "100k entries under bench/.cache/check-100000, as a build reads)")
    args = parser.parse_args()
    case = read_case(args.case) if args.case else analyse_case(make_case(args.entries))
    with bulk_work():  # as analyse_case runs the rules: no cycle collection in the middle
        measure(case)


def measure(case: Case) -> None:
    """Time every rule and the summaries on *case* (merged, as the rules see it)."""
    started = time.perf_counter()
    for entry in case.entries:  # the baseline: one look at every entry
        entry.date.sort_key  # noqa: B018
        list(entry.children.values())
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    context = FlagContext(case, case.settings)  # what it gathers at once is in the total
    total = time.perf_counter() - started
    print(f"{len(case.entries)} entries; baseline pass {baseline:.3f} s")
    print(f"  {'the flag context':<50} {total:7.3f} s  ratio {total / baseline:7.1f}")
    for registered in RULES:
        started = time.perf_counter()
        found = list(registered.func(context))
        took = time.perf_counter() - started
        total += took
        codes = ",".join(c.value for c in registered.codes)
        print(f"  {codes:<50} {took:7.3f} s  ratio {took / baseline:7.1f}  ({len(found)} flags)")
    started = time.perf_counter()
    summarise(case, context)
    took = time.perf_counter() - started
    print(f"  {'summaries':<50} {took:7.3f} s  ratio {took / baseline:7.1f}")
    print(f"all rules one after another {total:.2f} s, ratio {total / baseline:.1f}; with the "
          f"summaries {total + took:.2f} s")
    # as a build runs them: the context made, the rules side by side on a long case, then
    # the summaries
    started = time.perf_counter()
    context = FlagContext(case, case.settings)
    find_flags(case, context=context)
    summarise(case, context)
    whole = time.perf_counter() - started
    side = "side by side" if len(case.entries) >= SIDE_BY_SIDE_FROM else "one after another"
    print(f"as a build runs them (the rules {side}), with the summaries: {whole:.2f} s "
          f"(the issue asks at most 2 s at 100k)")


if __name__ == "__main__":
    main()

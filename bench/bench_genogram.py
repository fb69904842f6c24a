"""Benchmark: the genogram of generated families of 100 to 4,000 people.

Not a test. Generates five-generation families (every couple with a few children, each child
with a partner) of about 100, 300, 1,000 and 4,000 people, and times, in the same process:
(a) the baseline, building the DOT text alone (``chronogen.to_dot``), and (b) the finished
genogram drawn to SVG, or to every format given (``chronogen.draw_genogram``: one ``dot``
layout, the household outlines, each format drawn from it with ``neato -n2``), with how
much of it is ``dot``'s own layout. Prints seconds and the ratio of each size to the
previous, to show how it grows.

    python bench/bench_genogram.py [--sizes 100,300,1000,4000] [--formats svg,png,pdf]
        [--households] [--build]

With ``--build``, times instead the whole ``chronogen build`` of the bundled example case
with each generated family as its own, against that family's genogram files alone.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from chronogen import Family, ParentLink, ParentRole, Partnership, Person, Sex, draw_genogram
from chronogen.dates import PartialDate
from chronogen.draw import render
from chronogen.draw.dot import to_dot
from chronogen.model.family import HouseholdMembership, PartnershipKind

#: people wanted -> (generations, children per couple)
SHAPES = {100: (3, 4), 300: (3, 6), 1000: (4, 5), 4000: (5, 5)}


def make_family(generations: int, width: int) -> Family:
    """Generations of couples, each with *width* children, each child with a partner; the
    last-born of the youngest generation is the index child, living with their parents."""
    people: list[Person] = []
    partnerships: list[Partnership] = []
    links: list[ParentLink] = []

    def new(sex: Sex, year: int) -> str:
        pid = f"G{len(people) + 1}"
        people.append(Person(id=pid, first_name=f"N{len(people) + 1}", surname="Test",
                             sex=sex, birth=PartialDate.year(year)))
        return pid

    couples = [(new(Sex.MALE, 1880), new(Sex.FEMALE, 1882))]
    year = 1905
    last: tuple[str, str, str] = ("", "", "")
    for generation in range(generations):
        following = []
        for dad, mum in couples:
            partnerships.append(Partnership(partners=(dad, mum),
                                            kind=PartnershipKind.MARRIAGE))
            for n in range(width):
                child = new(Sex.MALE if n % 2 == 0 else Sex.FEMALE, year + n)
                links += [ParentLink(parent=dad, child=child, role=ParentRole.FATHER),
                          ParentLink(parent=mum, child=child, role=ParentRole.MOTHER)]
                last = (dad, mum, child)
                if generation < generations - 1:
                    spouse = new(Sex.FEMALE if n % 2 == 0 else Sex.MALE, year + n)
                    following.append((child, spouse) if n % 2 == 0 else (spouse, child))
        couples = following
        year += 25
    dad, mum, child = last
    people = [p.model_copy(update={"subject": True, "index": True}) if p.id == child else p
              for p in people]
    homes = [HouseholdMembership(household="1 Test Street", person=p,
                                 start=PartialDate.year(2010)) for p in (dad, mum, child)]
    return Family(people=people, partnerships=partnerships, parent_links=links,
                  households=homes)


def every_couple_at_home(family: Family) -> Family:
    """*family* with each couple in a household of its own (their children elsewhere)."""
    homes = [HouseholdMembership(household=f"{number} Test Road", person=person,
                                 start=PartialDate.year(2010))
             for number, couple in enumerate(family.partnerships, start=1)
             for person in couple.partners]
    return family.model_copy(update={"households": homes})


class _Timed:
    """A function, and the time spent in it."""

    def __init__(self, func: Callable[..., str]) -> None:
        self.func = func
        self.seconds = 0.0

    def __call__(self, *args: object, **kwargs: object) -> str:
        started = time.perf_counter()
        try:
            return self.func(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def timed_build(family: Family) -> tuple[float, float]:
    """Seconds for ``chronogen build`` (every output, in a process of its own) of the
    bundled example case with *family* as its family (written as GEDCOM), and, as the
    baseline, for the genogram's own files of that family alone (svg, png, pdf)."""
    import shutil
    import subprocess
    import sys

    from chronogen.examples import example_case
    from chronogen.write.genogram_files import render_genogram

    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case"
        shutil.copytree(example_case(), case)
        render_genogram(family, case / "family.ged")
        manifest = case / "case.toml"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace(
            'file = "family.xlsx"', 'file = "family.ged"'), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "chronogen", "build", str(case), "-o",
                        str(Path(folder) / "out")], check=True, capture_output=True)
        took = time.perf_counter() - started
        started = time.perf_counter()
        draw_genogram(family, [Path(folder) / f"g.{kind}" for kind in ("svg", "png", "pdf")])
        return took, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,300,1000,4000")
    parser.add_argument("--formats", default="svg", help="e.g. svg,png,pdf (one layout)")
    parser.add_argument("--households", action="store_true",
                        help="every couple living in a household of its own (hundreds of "
                             "outlines and captions), not only the index child's")
    parser.add_argument("--build", action="store_true",
                        help="time the whole `chronogen build` of the bundled example case "
                             "with each family as its own, against the genogram's files alone")
    args = parser.parse_args()
    if args.build:
        for size in [int(s) for s in args.sizes.split(",")]:
            family = make_family(*SHAPES.get(size, (5, 6)))
            took, files = timed_build(family)
            print(f"{len(family.people):5d} people: chronogen build, every output {took:6.2f} "
                  f"s; the genogram's svg, png and pdf alone {files:.2f} s, ratio "
                  f"{took / files:.1f}")
        return
    previous: float | None = None
    when = date(2020, 1, 1)
    for size in [int(s) for s in args.sizes.split(",")]:
        family = make_family(*SHAPES.get(size, (5, 6)))
        if args.households:
            family = every_couple_at_home(family)
        started = time.perf_counter()
        to_dot(family, as_at=when)
        baseline = time.perf_counter() - started
        layout = _Timed(render._run_dot)
        render._run_dot = layout
        try:
            with tempfile.TemporaryDirectory() as folder:
                started = time.perf_counter()
                draw_genogram(family, [Path(folder) / f"g.{kind}"
                                       for kind in args.formats.split(",")], as_at=when)
                took = time.perf_counter() - started
        finally:
            render._run_dot = layout.func
        growth = f"  x{took / previous:.1f} on the size before" if previous else ""
        print(f"{len(family.people):5d} people: {args.formats} {took:6.2f} s "
              f"(dot's layout {layout.seconds:.2f} "
              f"s); DOT text alone {baseline:.3f} s, ratio {took / baseline:.0f}{growth}")
        previous = took


if __name__ == "__main__":
    main()

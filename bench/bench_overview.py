"""Benchmark: `chronogen overview` over a generated archive of many reviews.

Not a test. Generates (once, under bench/.cache) an archive of N small fictional reviews
(case folders: a family and two agency CSVs of a few hundred rows each), then runs, each as
its own process: (a) the baseline, Python's csv module reading every agency file of the
archive, and (b) `chronogen overview` on the archive folder. Prints the wall time and peak
memory of each (the overview's largest process: the main one or a reader), and their
ratio. The overview issue asks for 500 reviews in minutes and under 1 GB.

    python bench/bench_overview.py [--reviews 500] [--rows 300] [--jobs N]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from process import BARE_CSV, measure

CACHE = Path(__file__).parent / ".cache"
KINDS = ["Home visit", "Telephone call", "Strategy meeting", "Appointment", "Was not brought",
         "Referral received", "Incident"]
THEMES = ["neglect", "domestic abuse", "parental mental ill health", "parental substance misuse",
          "physical abuse", "child criminal exploitation"]
TYPES = ["rapid review", "CSPR", "LCSPR", "SCR"]


def make_archive(reviews: int, rows: int) -> Path:
    """Write (once) an archive of *reviews* case folders."""
    folder = CACHE / f"archive-{reviews}x{rows}"
    if (folder / "done").exists():
        return folder
    rnd = random.Random(2024)
    for number in range(reviews):
        case = folder / f"review-{number:04d}"
        case.mkdir(parents=True, exist_ok=True)
        born = date(2008, 1, 1) + timedelta(days=rnd.randrange(5000))
        incident = born + timedelta(days=rnd.randrange(200, 5000))
        themes = ", ".join(f'"{t}"' for t in rnd.sample(THEMES, rnd.randrange(0, 4)))
        toml = [f'title = "Review {number}"', "[review]", f'id = "BR-{number:04d}"',
                f'type = "{rnd.choice(TYPES)}"', f"incident = {incident.isoformat()}",
                f"themes = [{themes}]", "[family]", 'file = "family.csv"']
        with (case / "family.csv").open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([
                ["Name", "Role", "Date of birth", "Sex", "Ethnicity", "Subject"],
                ["Amy Test", "Child", born.strftime("%d/%m/%Y"), "F",
                 rnd.choice(["White British", ""]), "Yes (index)"],
                ["Bo Test", "Child", (born + timedelta(days=700)).strftime("%d/%m/%Y"), "M",
                 "", "Yes"],
                ["Mum Test", "Mother", "01/01/1985", "F", "White British", "No"],
                ["Dad Test", "Father", "01/01/1983", "M", "", "No"]])
        for agency, file in (("Children's Social Care", "csc.csv"), ("Health Visiting",
                                                                      "hv.csv")):
            toml += ["[[agencies]]", f'name = "{agency}"', f'file = "{file}"']
            with (case / file).open("w", newline="", encoding="utf-8") as handle:
                out = csv.writer(handle)
                out.writerow(["Date", "Contact type", "Child", "Summary", "Child seen?",
                              "Child's views"])
                for n in range(rows):
                    day = incident - timedelta(days=rnd.randrange(1, 1500))
                    out.writerow([day.strftime("%d/%m/%Y"), rnd.choice(KINDS),
                                  rnd.choice(["Amy", "Bo", "Amy, Bo", ""]),
                                  f"Mother said things were fine; contact {n}.",
                                  rnd.choice(["Yes", "No", "", "Yes - Amy"]),
                                  rnd.choice(["", "", "Yes"])])
        (case / "case.toml").write_text("\n".join(toml) + "\n", encoding="utf-8")
    (folder / "done").write_text("", encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reviews", type=int, default=500)
    parser.add_argument("--rows", type=int, default=300, help="rows in each agency file")
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    archive = make_archive(args.reviews, args.rows)
    bare = measure([sys.executable, "-c", BARE_CSV, str(archive)])
    base, base_mb = bare.seconds, bare.peak_mb
    chronogen = str(Path(sys.executable).with_name("chronogen"))
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    with tempfile.TemporaryDirectory() as out:
        done = measure([chronogen, "overview", str(archive), "-o", out, *jobs])
    ours, ours_mb, printed = done.seconds, done.peak_mb, done.stdout
    entries = args.reviews * args.rows * 2
    print(f"{args.reviews} reviews, {entries} entries in all")
    print(f"  baseline: csv module reading every row   {base:7.1f} s  {base_mb:6.0f} MB")
    print(f"  chronogen overview                       {ours:7.1f} s  {ours_mb:6.0f} MB "
          "(largest process)")
    print(f"  ratio: time {ours / base:.0f}; {args.reviews / ours:.1f} reviews a second")
    print("  " + printed.splitlines()[0])


if __name__ == "__main__":
    main()

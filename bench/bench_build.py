"""Benchmark: writing every output of a large case, writer by writer.

Not a test. Generates a case of N entries (bench_flags.make_case), analyses it, then times
each writer of the registry in the same process, as a build runs them (the timeline first;
the documents showing it use its pictures); the baseline is writing the same rows with
the csv module alone (the least any tabular output costs). Prints seconds and the ratio of
each writer to that baseline, and the peak memory of the whole run.

    python bench/bench_build.py [--entries 100000] [--formats json,xlsx,csv]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_flags import make_case

from chronogen import analyse_case
from chronogen.bulk import bulk_work
from chronogen.write.registry import OutputOptions, case_outputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--formats", default="json,xlsx,csv")
    args = parser.parse_args()
    started = time.perf_counter()
    case = analyse_case(make_case(args.entries))
    print(f"{args.entries} entries: generated and analysed in "
          f"{time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        started = time.perf_counter()
        with (out / "baseline.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            for entry in case.entries:
                writer.writerow([entry.id, entry.date.text, entry.agency, entry.summary])
        baseline = time.perf_counter() - started
        print(f"  baseline: csv module, 4 columns   {baseline:7.2f} s")
        # as a build runs them: the timeline first, the documents showing it use its pictures
        writers = sorted(case_outputs(args.formats.split(",")), key=lambda w: w.name != "timeline")
        for chosen in writers:
            started = time.perf_counter()
            with bulk_work():
                chosen.load()(case, out, OutputOptions(pictures=out))
            took = time.perf_counter() - started
            print(f"  {chosen.name:<32} {took:7.2f} s  ratio {took / baseline:6.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()

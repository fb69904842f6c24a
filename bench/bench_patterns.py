"""Benchmark: how every regular expression in chronogen grows on long, repetitive text.

Not a test. A pattern that reads a run of spaces (or commas, or letters) again from each of
its characters takes time growing with the square of the run, or worse: one summary cell of
"referral to" and 20,000 spaces never finished. This tries every compiled pattern of
chronogen's modules, and the patterns built for a family (who took part), on texts made of a
few opening words, a fragment repeated and an ending, at two sizes, with each of search,
match, fullmatch, finditer and split, and prints each pattern and method whose time grew
more than the ratio given (8 by default; linear growth is 4) on its worst text.

A pattern listed is not always a problem: read how the code uses it (a pattern used only
with fullmatch on text whose spaces are already collapsed may grow with search only).
Patterns found so far are rewritten and property-tested in tests/test_linear_patterns.py.

    python bench/bench_patterns.py [--sizes 500,2000] [--ratio 8] [--limit 0.5]
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import chronogen
from chronogen.analyse.participants import Participants
from chronogen.domain.kinship import Kinship
from chronogen.model.family import Family
from chronogen.read.family.reader import load_family

HARBOUR = Path(__file__).resolve().parent.parent / "tests" / "data" / "harbour" / "family.xlsx"
OPENINGS = ["", "a", "1", "mother", "Mum", "mum and", "yes", "seen", "referral to", "with",
            "between", "10:30", "01/02/2020", "Mr", ",", "."]
FRAGMENTS = [" ", "\n", "\t", " ,", ", ", "a", "A", "1", "-", " -", "/", ".", "a ", "and ",
             "s ", "mum ", "Mum said ", "'"]
ENDINGS = ["", "!", "x", "1", "Zz", " said", " for"]
METHODS = ("search", "match", "fullmatch", "finditer", "split")


class _Late(Exception):
    pass


def patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled text pattern of chronogen's modules (and in their tuples and dicts),
    and the participant patterns built for the harbour family and for no family."""
    for module_info in pkgutil.walk_packages(chronogen.__path__, "chronogen."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            values = value.items() if isinstance(value, dict) else enumerate(value) \
                if isinstance(value, tuple) else [("", value)]
            for key, item in values:
                item = item[0] if isinstance(item, tuple) and item else item
                where = f"{module_info.name}.{name}{f'[{key}]' if key != '' else ''}"
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    yield where, item
                for part in ("lowered", "folded"):  # a FoldedPattern's two patterns
                    inner = getattr(item, part, None)
                    if isinstance(inner, re.Pattern):
                        yield f"{where}.{part}", inner
    for label, family in (("harbour", load_family(HARBOUR).family), ("no family", Family())):
        people = Participants(family, Kinship(family))
        for attribute in ("_subject", "_object", "_mention"):
            yield f"participants ({label}).{attribute}", getattr(people, attribute)


def seconds(pattern: re.Pattern[str], method: str, text: str, limit: float) -> float:
    """The time *method* takes on *text*, or *limit* when it takes longer."""
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        result = getattr(pattern, method)(text)
        if method == "finditer":
            list(result)
        return time.perf_counter() - started
    except _Late:
        return limit
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="500,2000")
    parser.add_argument("--ratio", type=float, default=8.0)
    parser.add_argument("--limit", type=float, default=0.5, help="seconds for one try")
    # a square's constant can be small: 2,000 spaces read again from each of them took
    # 0.005 s, under the 0.01 s this once asked, and 80,000 took five seconds
    parser.add_argument("--floor", type=float, default=0.002,
                        help="seconds on the larger text under which no growth is listed")
    args = parser.parse_args()
    small, large = (int(n) for n in args.sizes.split(","))

    def late(*_: object) -> None:
        raise _Late

    signal.signal(signal.SIGALRM, late)
    found = dict(patterns())
    print(f"{len(found)} patterns; texts of {small:,} and {large:,} characters")
    for name, pattern in sorted(found.items()):
        for method in METHODS:
            worst: tuple[float, float, str] | None = None
            for opening, fragment, ending in itertools.product(OPENINGS, FRAGMENTS, ENDINGS):
                texts = [opening + fragment * (n // len(fragment)) + ending
                         for n in (small, large)]
                before = seconds(pattern, method, texts[0], args.limit)
                after = seconds(pattern, method, texts[1], args.limit)
                grew = after / max(before, 1e-4)
                if after > args.floor and grew > args.ratio and (worst is None or after > worst[1]):
                    worst = (before, after, repr((opening, fragment, ending)))
                if after >= args.limit:
                    break  # no slower text need be looked for
            if worst is not None:
                print(f"  {name}.{method}: {worst[0]:.3f} -> {worst[1]:.3f} s on {worst[2]}",
                      flush=True)


if __name__ == "__main__":
    main()

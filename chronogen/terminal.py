"""What the command line prints: summaries, problems, flags, tables."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from chronogen.domain.wording import counted
from chronogen.model.case import Case
from chronogen.model.flag import Flag, FlagSeverity
from chronogen.model.problems import Severity
from chronogen.write.listing import most_serious_first, of_a_kind


def print_summary(case: Case, out: TextIO) -> None:
    """The terminal summary of a read case: per-file counts, people, time span."""
    print(f"Case: {case.title}", file=out)
    print("Files read:", file=out)
    width = max((len(f.file) for f in case.files), default=10)
    for report in case.files:
        where = f" [{report.where}]" if report.where else ""
        notes = ", " + counted(report.notes, "author's note") if report.notes else ""
        notes += f", {report.joined} joined to the entry above" if report.joined else ""
        print(f"  {report.file:<{width}}{where}: {counted(report.rows_read, 'row')} read, "
              f"{counted(report.entries, 'entry', 'entries')}, {report.rejected} rejected, "
              f"{report.blank} blank, "
              f"{report.title + report.headers} title/header{notes}", file=out)
        if report.layout:
            print(f"  {'':<{width}}  columns found by {report.layout}, confidence "
                  f"{report.confidence}" + (": check the columns chronogen chose (chronogen "
                                            "check, or a mapping file)"
                                            if report.confidence == "low" else ""), file=out)
    people = case.family.people
    children = ", ".join(p.name for p in case.family.subject_children) or "none marked"
    print(f"People: {len(people)} (subject children: {children})", file=out)
    if case.entries:
        first = case.entries[0].date.display()
        last = max(case.entries, key=lambda e: e.date.sort_key[0]).date.display()
        print(f"Entries: {len(case.entries)} from {first} to {last}; "
              f"joint events: {len(case.joint_events)}; rejected rows: {len(case.rejected)}",
              file=out)
    else:
        print("Entries: none", file=out)


#: how many of one kind ``chronogen check`` lists in a group before it counts the rest (a
#: long case has thousands of one flag: one for every contact in which a child was not seen)
OF_A_KIND = 10


#: how ``chronogen check`` lists every one
CHECK_ALL = "chronogen check --all or --json"
#: where every problem is, as ``chronogen check`` says it
EVERY_PROBLEM = f"{CHECK_ALL}, case.json, the Problems sheet"


def print_problems(case: Case, out: TextIO, *, limit: int | None = 50,
                   per_code: int | None = None, every_one: str = EVERY_PROBLEM) -> None:
    """Problems, most serious first, each with its location: at most *limit* in all, and at
    most *per_code* of each code (None: no limit). *every_one* says where every problem is
    listed (``build`` names its own option and the files it wrote)."""
    problems = most_serious_first(case.problems)
    if not problems:
        print("Problems: none", file=out)
        return
    counts = Counter(p.severity for p in problems)
    print(f"Problems: {counted(counts[Severity.ERROR], 'error')} (rows rejected), "
          f"{counted(counts[Severity.WARNING], 'warning')}, "
          f"{counted(counts[Severity.INFO], 'note')}", file=out)
    listed = of_a_kind(problems, per_code)
    shown = listed if limit is None else listed[:limit]
    for problem in shown:
        if isinstance(problem, tuple):
            print(f"  ... and {problem[1]:,} more {problem[0]} (every one: {every_one})",
                  file=out)
        else:
            print(f"  [{problem.severity.value}] {problem}", file=out)
    if len(shown) < len(listed):
        print(f"  ... and {len(listed) - len(shown)} more (every one: {every_one})", file=out)


_FLAG_ORDER = {FlagSeverity.HIGH: 0, FlagSeverity.MEDIUM: 1, FlagSeverity.LOW: 2,
               FlagSeverity.INFO: 3}


def _flag_line(flag: Flag) -> str:
    return f"    [{flag.severity.value}] {flag.code}: {flag.message}"


def print_flags(case: Case, out: TextIO, *, brief: bool = False,
                per_code: int | None = None) -> None:
    """Flags grouped by subject child, then the rest, at most *per_code* of each code in a
    group (None: every one); with *brief*, only the counts."""
    flags = case.flags
    counts = {s: sum(1 for f in flags if f.severity is s) for s in _FLAG_ORDER}
    print(f"Flags: {len(flags)} ({', '.join(f'{counts[s]} {s.value}' for s in _FLAG_ORDER)})",
          file=out)
    if not flags:
        return
    by_code: dict[str, int] = {}
    for flag in flags:
        by_code[flag.code] = by_code.get(flag.code, 0) + 1
    print("  by code: " + ", ".join(f"{code} {n}" for code, n in by_code.items()), file=out)
    if brief:
        print("  (every flag, with its evidence, is in case.json and the Flags sheet; "
              "`chronogen check` lists them)", file=out)
        return
    shown: set[int] = set()
    for child in case.family.subject_children:
        mine = [f for f in flags if child.id in f.people]
        if not mine:
            continue
        print(f"  {child.name} ({child.id}):", file=out)
        _print_flag_lines(mine, per_code, out)
        shown.update(id(flag) for flag in mine)
    rest = [f for f in flags if id(f) not in shown]
    if rest:
        print("  The family and the records:", file=out)
        _print_flag_lines(rest, per_code, out)


def _print_flag_lines(flags: list[Flag], per_code: int | None, out: TextIO) -> None:
    for flag in of_a_kind(sorted(flags, key=lambda f: _FLAG_ORDER[f.severity]), per_code):
        if isinstance(flag, tuple):
            print(f"    ... and {flag[1]:,} more {flag[0]} (every flag: {CHECK_ALL}, "
                  "flags.csv, the Flags sheet)", file=out)
        else:
            print(_flag_line(flag), file=out)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part // whole}%" if whole else "-"


def print_summaries(case: Case, out: TextIO) -> None:
    """The per-agency and per-child summary tables."""
    summaries = case.summaries
    if summaries.agencies:
        print("By agency (of contacts about a child: child seen / views recorded / seen not "
              "recorded):", file=out)
        width = max(len(a.agency) for a in summaries.agencies)
        for a in summaries.agencies:
            print(f"  {a.agency:<{width}}  {counted(a.contacts, 'contact'):>13}, "
                  f"{a.about_children:>4} about "
                  f"a child: seen {_percent(a.child_seen, a.about_children):>4}, views "
                  f"{_percent(a.views_recorded, a.about_children):>4}, not recorded "
                  f"{_percent(a.seen_not_recorded, a.about_children):>4}", file=out)
    if summaries.children:
        print("By child:", file=out)
        for c in summaries.children:
            by = ", ".join(f"{agency} {n}" for agency, n in c.seen_by.items()) or "no one"
            longest = (f"{counted(c.longest_unseen_days, 'day')} "
                       f"({c.longest_unseen.display()})"
                       if c.longest_unseen and c.longest_unseen_days is not None else "-")
            print(f"  {c.name}: seen {counted(c.times_seen, 'time')} ({by}), alone "
                  f"{c.times_seen_alone}; "
                  f"views recorded "
                  f"{c.views_recorded}; longest unseen {longest}; missed appointments "
                  f"{c.missed_appointments}; no-access visits {c.no_access_visits}", file=out)

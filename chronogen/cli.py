"""The command line: a thin layer over the Python API.

Exit codes: 0 done; 1 done, but input problems were found and ``--strict`` was given;
2 unusable input or a usage mistake. User mistakes get one clear message, never a traceback.
What a command produces goes to stdout; progress, notes and problems go to stderr. Each
command imports what it needs when it runs, so ``chronogen --version`` loads almost nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronogen._version import __version__
from chronogen.compiled_modules import build_name
from chronogen.errors import ChronogenError

if TYPE_CHECKING:
    from chronogen.model.family import Family
    from chronogen.model.problems import Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


class UsageError(Exception):
    """A mistake in the command line itself, in the command named *prog*."""

    def __init__(self, message: str, prog: str | None = None) -> None:
        super().__init__(message)
        self.prog = prog


def _as_at(text: str | None) -> date | None:
    from chronogen.dates import PartialDate
    from chronogen.errors import DateError

    if text is None:
        return None
    try:
        value = PartialDate.parse(text)
    except DateError as error:
        raise UsageError(f"--as-at: {error}") from error
    if value.latest is None:
        raise UsageError(f"--as-at: {text!r} has no end date")
    return value.latest


#: what chronogen was doing last, for the message of an unexpected failure
_DOING: list[str] = []


def _progress() -> Callable[[str], None]:
    """Progress on the terminal (stderr), and only when it is a terminal; always remembered
    for the last-resort message."""
    shown = sys.stderr.isatty()

    def show(message: str) -> None:
        _DOING[:] = [message]
        if shown:
            print(f"... {message}", file=sys.stderr, flush=True)

    return show


def _strict_status(strict: bool, command: str, rejected: int,
                   problems: Iterable[Problem]) -> int:
    """EXIT_OK; or, with ``--strict`` and rows rejected or problems (not notes) found,
    EXIT_PROBLEMS and one line on stderr saying why (a script sees more than a status)."""
    from chronogen.domain.wording import counted
    from chronogen.model.problems import Severity

    counts = Counter(p.severity for p in problems)
    # each rejected row is an error of its own (the summary's "errors (rows rejected)")
    errors, warnings = max(counts[Severity.ERROR], rejected), counts[Severity.WARNING]
    if not strict or not (errors or warnings):
        return EXIT_OK
    found = " and ".join(counted(number, word) + note
                         for number, word, note in ((errors, "error", " (rows rejected)"),
                                                    (warnings, "warning", "")) if number)
    print(f"chronogen {command}: --strict: the input has {found}; exit status {EXIT_PROBLEMS}",
          file=sys.stderr)
    return EXIT_PROBLEMS


# -- commands ---------------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    from chronogen.pipeline import build
    from chronogen.terminal import OF_A_KIND, print_flags, print_problems, print_summary

    formats = args.format.split(",") if args.format else None
    if args.dpi < 50 or args.dpi > 1200:
        raise UsageError(f"--dpi: {args.dpi} is outside 50 to 1200", "chronogen build")
    result = build(Path(args.case_dir), Path(args.output), as_at=_as_at(args.as_at),
                   formats=formats, anonymise=args.anonymise or bool(args.anonymised_output),
                   anonymised_out=args.anonymised_output, dpi=args.dpi,
                   allow_outside=args.allow_outside, progress=_progress())
    print_summary(result.case, sys.stdout)
    written = {path.name for path in result.outputs}
    every_one = ", ".join(["chronogen build --all-problems"] + [
        where for name, where in (("case.json", "case.json"),
                                  ("chronology.xlsx", "chronology.xlsx's Problems sheet"))
        if name in written])
    print_problems(result.case, sys.stdout, limit=None if args.all_problems else 50,
                   per_code=None if args.all_problems else OF_A_KIND, every_one=every_one)
    print_flags(result.case, sys.stdout, brief=True)
    print(f"Written to {args.output}:", file=sys.stdout)
    for path in result.outputs:
        print(f"  {path.name}", file=sys.stdout)
    if result.anonymised:
        print(f"Anonymised for publication, in {result.anonymised[0].parent}:", file=sys.stdout)
        for path in result.anonymised:
            print(f"  {path.name}", file=sys.stdout)
        print(f"Check {result.anonymisation_log} (every replacement, and words that look like "
              "names) before publishing; it names people, so never publish it.", file=sys.stdout)
    for note in result.notes:
        print(f"Note: {note}", file=sys.stderr)
    return _strict_status(args.strict, "build", len(result.case.rejected),
                          result.case.problems)


def cmd_demo(args: argparse.Namespace) -> int:
    from chronogen.examples import example_case

    args.case_dir = str(example_case())
    return cmd_build(args)


def cmd_check(args: argparse.Namespace) -> int:
    from chronogen.pipeline import read_case
    from chronogen.terminal import (
        OF_A_KIND,
        print_flags,
        print_problems,
        print_summaries,
        print_summary,
    )

    # a check shows no entry's cells: they are not kept (a third of the memory)
    case = read_case(Path(args.case_dir), allow_outside=args.allow_outside,
                     progress=_progress(), keep_raw=False)
    if args.json:
        data = case.model_dump(mode="json", include={"title", "files", "problems", "flags",
                                                     "summaries", "joint_events", "rejected"})
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return _strict_status(args.strict, "check", len(case.rejected), case.problems)
    print_summary(case, sys.stdout)
    per_code = None if args.all else OF_A_KIND
    print_problems(case, sys.stdout, limit=None, per_code=per_code)
    print_flags(case, sys.stdout, per_code=per_code)
    print_summaries(case, sys.stdout)
    return _strict_status(args.strict, "check", len(case.rejected), case.problems)


def _family_from(path_text: str | None) -> Family | None:
    if path_text is None:
        return None
    from chronogen.read.family.reader import load_family

    return load_family(Path(path_text)).family


def cmd_convert(args: argparse.Namespace) -> int:
    from chronogen.convert import conversion_report, convert_file, format_report
    from chronogen.read.returns.layout import ColumnMapping

    mapping = ColumnMapping.load(Path(args.mapping)) if args.mapping else None
    if args.join_continued_rows:
        mapping = (mapping or ColumnMapping()).model_copy(update={"join_continued_rows": True})
    output = Path(args.output)
    conversion = convert_file(Path(args.file), output, agency=args.agency, sheet=args.sheet,
                              mapping=mapping, family=_family_from(args.family))
    if args.json:
        print(json.dumps(conversion_report(conversion, output), indent=2, ensure_ascii=False))
    else:
        print(format_report(conversion, output))
    result = conversion.result
    return _strict_status(args.strict, "convert", len(result.rejected), result.problems)


def cmd_template(args: argparse.Namespace) -> int:
    from chronogen.errors import OutputFormatError
    from chronogen.write.template import write_template

    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise OutputFormatError(f"{output}: the template is an .xlsx workbook")
    write_template(output, agency=args.agency)
    print(f"Template written to {output}")
    return EXIT_OK


def _family_date(source: str, family: Family, text: str | None) -> date:
    from chronogen.pipeline import default_as_at

    chosen = _as_at(text) or default_as_at(source, family)
    if chosen is None:
        raise UsageError("the family has no dates: give --as-at")
    return chosen


def cmd_genogram(args: argparse.Namespace) -> int:
    from chronogen.read.family.reader import load_family
    from chronogen.write.genogram_files import render_genogram

    loaded = load_family(Path(args.family))
    for problem in loaded.problems:
        print(f"[{problem.severity.value}] {problem}", file=sys.stderr)
    output = Path(args.output)
    when = _family_date(args.family, loaded.family, args.as_at)
    family = loaded.family
    if args.generations is not None or args.household_only:
        from chronogen.domain.kinship import focus_family

        family = focus_family(family, generations=args.generations,
                              household_on=when if args.household_only else None)
    render_genogram(family, output, as_at=when, title=args.title, dpi=args.dpi)
    print(f"Genogram as at {when.strftime('%d/%m/%Y')} written to {output}")
    return EXIT_OK


def cmd_people(args: argparse.Namespace) -> int:
    from chronogen.domain.people import format_people, people_table
    from chronogen.read.family.reader import load_family

    loaded = load_family(Path(args.family))
    when = _family_date(args.family, loaded.family, args.as_at)
    rows = people_table(loaded.family, when)
    if args.json:
        print(json.dumps({"as_at": when.isoformat(),
                          "people": [r.model_dump(mode="json") for r in rows]}, indent=2,
                         ensure_ascii=False))
    else:
        print(format_people(rows, when))
    for problem in loaded.problems:
        print(f"[{problem.severity.value}] {problem}", file=sys.stderr)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from chronogen.write.output_folder import verify_build

    wrong = verify_build(Path(args.out_dir))
    for line in wrong:
        print(line, file=sys.stderr)
    if wrong:
        return EXIT_PROBLEMS
    print(f"{args.out_dir}: a complete build, every file as chronogen wrote it")
    return EXIT_OK


def cmd_overview(args: argparse.Namespace) -> int:
    from chronogen.across_reviews import overview
    from chronogen.domain.wording import counted

    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs: {args.jobs} is not a number of processes (1 or more)",
                         "chronogen overview")
    from chronogen.across_reviews import write_overview

    made = overview([Path(p) for p in args.inputs], jobs=args.jobs,
                    progress=_progress()).overview
    for problem in made.problems:
        print(f"[{problem.severity}] {problem.detail or problem.message}", file=sys.stderr)
    if not made.reviews:
        print("chronogen overview: error: no review could be read; nothing written",
              file=sys.stderr)
        return EXIT_UNUSABLE
    outputs = write_overview(made, Path(args.output))
    print(f"{len(made.reviews)} reviews, {made.children} subject children, "
          f"{sum(r.entries for r in made.reviews)} entries")
    for spread in made.recording:
        if spread.pooled is not None:
            print(f"  contacts in which {spread.measure}: {100 * spread.pooled:.0f}% "
                  f"(median review {100 * (spread.median or 0):.0f}%)")
    for row in made.reviews:
        if row.problems.get("error") or row.rejected_rows:
            print(f"[note] {row.review}: {counted(row.problems.get('error', 0), 'error')} "
                  f"and {counted(row.rejected_rows, 'rejected row')} in its own input "
                  "('chronogen check' on it says which)", file=sys.stderr)
    print(f"Written to {args.output}:")
    for path in outputs:
        print(f"  {path.name}")
    errors = sum(p.severity == "error" for p in made.problems)
    if args.strict and errors:
        print(f"chronogen overview: --strict: {counted(errors, 'error')} "
              "(above: an argument or a review that could not be read); exit status "
              f"{EXIT_PROBLEMS}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from chronogen.model.case import Case

    schema = Case.model_json_schema()
    print(json.dumps(schema, indent=2, sort_keys=True))
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------


FAMILY_HELP = ("the family: a family workbook (.xlsx), family JSON, GEDCOM (.ged), or a case "
               "folder whose case.toml names one")
DATE_HELP = "DD/MM/YYYY (UK day first; also YYYY-MM-DD, 'March 2020', '2020')"
STRICT_HELP = "exit 1 (not 0) when rows were rejected or problems found"
DEMO_OUTPUT = "demo-out"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message, self.prog)


def _command(commands: Any, name: str, summary: str, description: str,
             examples: Sequence[str]) -> argparse.ArgumentParser:
    epilog = "examples:\n" + "\n".join(f"  {e}" for e in examples)
    sub: argparse.ArgumentParser = commands.add_parser(
        name, help=summary, description=f"{summary}.\n\n{description}", epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    return sub


def make_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = _Parser(prog="chronogen",
                     description="Multi-agency chronologies and genograms for case reviews.",
                     epilog="Run 'chronogen COMMAND --help' for a command's options and "
                            "examples. Documentation: docs/index.md")
    parser.add_argument("--version", action="version",
                        version=f"chronogen {__version__} ({build_name()})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def with_build_options(sub: argparse.ArgumentParser, default_output: str) -> None:
        sub.add_argument("-o", "--output", default=default_output, metavar="OUT_DIR",
                         help=f"output folder, created if needed (default: {default_output})")
        sub.add_argument("--format", metavar="NAMES",
                         help="comma-separated outputs to write (default: all): "
                              "json, xlsx, docx, html, csv, genogram, timeline")
        sub.add_argument("--as-at", metavar="DATE",
                         help="date to draw the genogram's households at, " + DATE_HELP
                              + " (default: the chronology's last day)")
        sub.add_argument("--anonymise", action="store_true",
                         help="also write the set for publication, nobody named, to "
                              "OUT_DIR/anonymised (and OUT_DIR/anonymisation.csv to check)")
        sub.add_argument("--anonymised-output", metavar="DIR",
                         help="where the anonymised set goes (implies --anonymise)")
        sub.add_argument("--allow-outside", action="store_true",
                         help="read files case.toml names outside the case folder (refused "
                              "otherwise, links included)")
        sub.add_argument("--dpi", type=int, default=200,
                         help="resolution of the PNG pictures (default: 200)")
        sub.add_argument("--strict", action="store_true", help=STRICT_HELP)
        sub.add_argument("--all-problems", action="store_true",
                         help="list every problem, not only the first 50 (ten of a kind)")

    build = _command(
        commands, "build", "read a case folder and write every output",
        "Reads case.toml (or guesses from the folder's files), every agency return and the "
        "family; merges the chronology, finds the flags and writes case.json, "
        "chronology.xlsx, chronology.csv and the genogram.",
        ["chronogen build cases/harbour -o out/", "chronogen build cases/harbour/case.toml "
         "-o out/ --format xlsx,csv --strict"])
    build.add_argument("case_dir", metavar="CASE_DIR",
                       help="the case folder (with case.toml) or its case.toml")
    with_build_options(build, "chronogen-out")
    build.set_defaults(func=cmd_build)

    demo = _command(
        commands, "demo", "build the bundled fictional example case",
        "The same as 'build' on the example case shipped inside chronogen (a fictional "
        f"family and six agency returns). Writes to ./{DEMO_OUTPUT} unless -o is given.",
        ["chronogen demo", "chronogen demo -o /tmp/harbour-out"])
    with_build_options(demo, DEMO_OUTPUT)
    demo.set_defaults(func=cmd_demo)

    check = _command(
        commands, "check", "read a case and report problems and flags; write nothing",
        "Prints what was read from each file, the problems, the flags and the summaries: "
        "at most ten of one kind in each group, then how many more (--all lists every "
        "one; --json gives them all to other tools).",
        ["chronogen check cases/harbour", "chronogen check cases/harbour --json | jq .flags"])
    check.add_argument("case_dir", metavar="CASE_DIR",
                       help="the case folder (with case.toml) or its case.toml")
    check.add_argument("--json", action="store_true",
                       help="print files, problems, rejected rows, flags and summaries as JSON")
    check.add_argument("--all", action="store_true",
                       help="list every problem and every flag (a long case has thousands)")
    check.add_argument("--strict", action="store_true", help=STRICT_HELP)
    check.add_argument("--allow-outside", action="store_true",
                       help="read files case.toml names outside the case folder")
    check.set_defaults(func=cmd_check)

    convert = _command(
        commands, "convert", "one agency's sheet into the standard template",
        "Reads one agency return as 'build' would and writes it in chronogen's standard "
        "template (.xlsx with dropdowns, .csv, or .json with the full report). Every "
        "column the template has no place for is carried over, never dropped.",
        ["chronogen convert police.xlsx --agency Police -o police-template.xlsx",
         "chronogen convert gp.csv --agency GP --family case/ -o gp.json --json"])
    convert.add_argument("file", metavar="FILE",
                         help="the agency's .xlsx, .xls, .ods, .csv or .docx file")
    convert.add_argument("--agency", required=True, help="the agency's name, e.g. 'Police'")
    convert.add_argument("--sheet", help="the sheet to read (default: found by its header)")
    convert.add_argument("--mapping", metavar="TOML",
                         help="a column-mapping file (see docs/agency-returns.md)")
    convert.add_argument("--family", metavar="FAMILY",
                         help="a family file or case folder, to match children's names")
    convert.add_argument("-o", "--output", required=True, metavar="OUT",
                         help="the file to write: .xlsx, .csv or .json")
    convert.add_argument("--join-continued-rows", action="store_true",
                         help="the sheet splits long records over rows: join an undated row "
                              "of summary or outcome text to the entry above (as "
                              "join_continued_rows in a mapping file)")
    convert.add_argument("--json", action="store_true", help="print the report as JSON")
    convert.add_argument("--strict", action="store_true", help=STRICT_HELP)
    convert.set_defaults(func=cmd_convert)

    template = _command(
        commands, "template", "write a blank standard agency template",
        "A workbook agencies fill in: guidance sheet, dropdowns for contact type and the "
        "seen / views questions, date and time formats.",
        ["chronogen template -o template.xlsx --agency 'Health Visiting'"])
    template.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                          help="the .xlsx file to write")
    template.add_argument("--agency", help="the agency's name, shown in the guidance")
    template.set_defaults(func=cmd_template)

    genogram = _command(
        commands, "genogram", "draw the family as a genogram",
        "Standard genogram notation, households drawn as at a date. Needs Graphviz for "
        ".svg, .png and .pdf; .ged writes the family as GEDCOM 7.",
        ["chronogen genogram cases/harbour -o family.svg",
         "chronogen genogram family.xlsx -o family.pdf --as-at 01/06/2019"])
    genogram.add_argument("family", metavar="FAMILY", help=FAMILY_HELP)
    genogram.add_argument("-o", "--output", required=True, metavar="FILE",
                          help="the file to write: .svg, .png, .pdf, .dot, or .ged (GEDCOM 7)")
    genogram.add_argument("--as-at", metavar="DATE",
                          help="the date to draw households and ages at, " + DATE_HELP
                               + " (default: for a case folder the chronology's last day, as "
                                 "build draws it; for a family file its latest date)")
    genogram.add_argument("--title", help="a title above the drawing")
    genogram.add_argument("--generations", type=int, metavar="N",
                          help="draw only people at most N generations above or below the "
                               "index child (and their partners): for large families")
    genogram.add_argument("--household-only", action="store_true",
                          help="draw only the index child's household at the as-at date, "
                               "and their parents")
    genogram.add_argument("--dpi", type=int, default=200,
                          help="resolution of a .png (default: 200)")
    genogram.set_defaults(func=cmd_genogram)

    people = _command(
        commands, "people", "the family-composition table",
        "Each person's role, age, relationship to the index child and whether they lived "
        "with the child, as at a date.",
        ["chronogen people cases/harbour --as-at 11/02/2021", "chronogen people family.xlsx "
         "--json"])
    people.add_argument("family", metavar="FAMILY", help=FAMILY_HELP)
    people.add_argument("--as-at", metavar="DATE",
                        help="the date for ages and households, " + DATE_HELP
                             + " (default: for a case folder the chronology's last day; for a "
                               "family file its latest date)")
    people.add_argument("--json", action="store_true", help="print JSON instead of a table")
    people.set_defaults(func=cmd_people)

    verify = _command(
        commands, "verify", "check an output folder holds a complete, unchanged build",
        "Compares every file with chronogen-build.json (written last by build, with each "
        "file's size and SHA-256). Exit 0 when all match; 1, with what differs, when a file "
        "is missing or changed or the build never finished.",
        ["chronogen verify out/"])
    verify.add_argument("out_dir", metavar="OUT_DIR", help="the folder build wrote to")
    verify.set_defaults(func=cmd_verify)

    over = _command(
        commands, "overview", "the tables across many reviews, in one folder",
        "Reads every review named: case folders (with case.toml), the case.json of earlier "
        "builds, or folders holding them (walked). Writes overview.json (with "
        "overview.schema.json), overview.xlsx and overview.html: per review, the children's "
        "ages, agencies, entries, how often the chronology records whether the child was "
        "seen, that they were seen and their views, the longest unseen period, ethnicity "
        "recorded, every flag and the themes; across reviews, ages in bands, themes and "
        "which come together, the share of reviews with each gap, agencies, and the "
        "recording rates with their spread. No person is named in any of it. One review "
        "that cannot be read is reported and left out; it never stops the overview.",
        ["chronogen overview reviews/ -o overview-out/",
         "chronogen overview 2023/ 2024/ archive/case-17/case.json -o out/ --jobs 4"])
    over.add_argument("inputs", metavar="REVIEW", nargs="+",
                      help="a case folder, a case.json, or a folder of them")
    over.add_argument("-o", "--output", default="overview-out",
                      help="the folder to write into (default: ./overview-out)")
    over.add_argument("--jobs", type=int, default=None,
                      help="reviews read side by side (default: one per core)")
    over.add_argument("--strict", action="store_true",
                      help="exit 1 (not 0) when a review could not be read")
    over.set_defaults(func=cmd_overview)

    schema = _command(
        commands, "schema", "print the JSON Schema of case.json",
        "For other tools that read chronogen's case.json (see docs/case-json.md).",
        ["chronogen schema > case.schema.json"])
    schema.set_defaults(func=cmd_schema)
    return parser


def _error(prog: str, message: str, *, hint: bool) -> int:
    print(f"{prog}: error: {message}", file=sys.stderr)
    if hint:
        print(f"Try '{prog} --help'.", file=sys.stderr)
    return EXIT_UNUSABLE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from chronogen.errors import OutputFormatError

    parser = make_parser()
    prog = "chronogen"
    try:
        args = parser.parse_args(argv)
        func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
        if func is None:
            parser.print_usage(sys.stderr)
            print("Run 'chronogen --help' for the commands, or 'chronogen demo' to try it.",
                  file=sys.stderr)
            return EXIT_UNUSABLE
        prog = f"chronogen {args.command}"
        return func(args)
    except UsageError as error:
        return _error(error.prog or prog, str(error), hint=True)
    except OutputFormatError as error:
        return _error(prog, str(error), hint=True)
    except ChronogenError as error:
        return _error(prog, str(error), hint=False)
    except BrokenPipeError:  # output piped into `head`, say: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:  # an output folder that cannot be written, a full disc, ...
        where = f" ({error.filename})" if getattr(error, "filename", None) else ""
        return _error(prog, f"{error.strerror or error}{where}", hint=False)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: one line, what was being done, and where to report
        doing = f" while {_DOING[0]}" if _DOING else ""
        print(f"{prog}: internal error{doing}: {type(error).__name__}: {error}. This is a "
              "bug in chronogen, not in your files: please report it with this line (and, "
              "if you can, a fictional file that shows it).", file=sys.stderr)
        return EXIT_UNUSABLE


if __name__ == "__main__":
    raise SystemExit(main())

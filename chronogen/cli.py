"""The command line: a thin layer over the Python API.

Exit codes: 0 done; 1 done, but input problems were found and ``--strict`` was given;
2 unusable input or a usage mistake. User mistakes get one clear message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from chronogen._version import __version__
from chronogen.dates import PartialDate
from chronogen.errors import ChronogenError, DateError
from chronogen.model.case import Case
from chronogen.model.family import Family
from chronogen.model.problems import Severity
from chronogen.terminal import print_flags, print_problems, print_summaries, print_summary

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2


class UsageError(Exception):
    """A mistake in the command line itself."""


def _as_at(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        value = PartialDate.parse(text)
    except DateError as error:
        raise UsageError(f"--as-at: {error}") from error
    if value.latest is None:
        raise UsageError(f"--as-at: {text!r} has no end date")
    return value.latest


def _progress() -> Callable[[str], None]:
    """Progress on the terminal (stderr), and only when it is a terminal."""
    if not sys.stderr.isatty():
        return lambda message: None

    def show(message: str) -> None:
        print(f"... {message}", file=sys.stderr, flush=True)

    return show


def _has_input_problems(case: Case) -> bool:
    return any(p.severity is not Severity.INFO for p in case.problems) or bool(case.rejected)


# -- commands ---------------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    from chronogen.build import build

    result = build(Path(args.case_dir), Path(args.output), as_at=_as_at(args.as_at),
                   progress=_progress())
    print_summary(result.case, sys.stdout)
    print_problems(result.case, sys.stdout, limit=None if args.all_problems else 50)
    print_flags(result.case, sys.stdout, brief=True)
    print(f"Written to {args.output}:", file=sys.stdout)
    for path in result.outputs:
        print(f"  {path.name}", file=sys.stdout)
    for note in result.notes:
        print(f"Note: {note}", file=sys.stdout)
    return EXIT_PROBLEMS if args.strict and _has_input_problems(result.case) else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from chronogen.examples import example_case

    args.case_dir = str(example_case())
    return cmd_build(args)


def cmd_check(args: argparse.Namespace) -> int:
    from chronogen.read.case import read_case

    case = read_case(Path(args.case_dir), progress=_progress())
    if args.json:
        data = case.model_dump(mode="json", include={"title", "files", "problems", "flags",
                                                     "summaries", "joint_events", "rejected"})
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_PROBLEMS if args.strict and _has_input_problems(case) else EXIT_OK
    print_summary(case, sys.stdout)
    print_problems(case, sys.stdout, limit=None)
    print_flags(case, sys.stdout)
    print_summaries(case, sys.stdout)
    return EXIT_PROBLEMS if args.strict and _has_input_problems(case) else EXIT_OK


def _family_from(path_text: str | None) -> Family | None:
    if path_text is None:
        return None
    from chronogen.read.family import load_family

    return load_family(Path(path_text)).family


def cmd_convert(args: argparse.Namespace) -> int:
    from chronogen.convert import conversion_report, convert_file, format_report
    from chronogen.read.layout import ColumnMapping

    mapping = ColumnMapping.load(Path(args.mapping)) if args.mapping else None
    output = Path(args.output)
    conversion = convert_file(Path(args.file), output, agency=args.agency, sheet=args.sheet,
                              mapping=mapping, family=_family_from(args.family))
    if args.json:
        print(json.dumps(conversion_report(conversion, output), indent=2, ensure_ascii=False))
    else:
        print(format_report(conversion, output))
    result = conversion.result
    troubled = bool(result.rejected) or any(p.severity is not Severity.INFO
                                            for p in result.problems)
    return EXIT_PROBLEMS if args.strict and troubled else EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from chronogen.write.template import write_template

    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"{output}: the template is an .xlsx workbook")
    write_template(output, agency=args.agency)
    print(f"Template written to {output}")
    return EXIT_OK


def _family_date(family: Family, text: str | None) -> date:
    from chronogen.genogram.dot import default_as_at

    chosen = _as_at(text) or default_as_at(family)
    if chosen is None:
        raise UsageError("the family has no dates: give --as-at")
    return chosen


def cmd_genogram(args: argparse.Namespace) -> int:
    from chronogen.genogram.render import render_genogram
    from chronogen.read.family import load_family

    loaded = load_family(Path(args.family))
    for problem in loaded.problems:
        print(f"[{problem.severity.value}] {problem}", file=sys.stderr)
    output = Path(args.output)
    when = _family_date(loaded.family, args.as_at)
    render_genogram(loaded.family, output, as_at=when, title=args.title)
    print(f"Genogram as at {when.strftime('%d/%m/%Y')} written to {output}")
    return EXIT_OK


def cmd_people(args: argparse.Namespace) -> int:
    from chronogen.genogram.people import format_people, people_table
    from chronogen.read.family import load_family

    loaded = load_family(Path(args.family))
    when = _family_date(loaded.family, args.as_at)
    rows = people_table(loaded.family, when)
    if args.json:
        print(json.dumps({"as_at": when.isoformat(),
                          "people": [r.model_dump(mode="json") for r in rows]}, indent=2,
                         ensure_ascii=False))
    else:
        print(format_people(rows, when))
        for problem in loaded.problems:
            print(f"[{problem.severity.value}] {problem}")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    schema = Case.model_json_schema()
    print(json.dumps(schema, indent=2, sort_keys=True))
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------


FAMILY_HELP = "family workbook, family JSON, GEDCOM file, or a case folder"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def make_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = _Parser(prog="chronogen",
                     description="Multi-agency chronologies and genograms for case reviews.")
    parser.add_argument("--version", action="version", version=f"chronogen {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def with_build_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("-o", "--output", default="chronogen-out",
                         help="output folder (created if needed; default: chronogen-out)")
        sub.add_argument("--as-at", help="date to draw the genogram's households at "
                                         "(default: the last entry's date)")
        sub.add_argument("--strict", action="store_true",
                         help="exit 1 when rows were rejected or problems found")
        sub.add_argument("--all-problems", action="store_true",
                         help="list every problem, not only the first 50")

    build = commands.add_parser("build", help="read a case folder and write every output")
    build.add_argument("case_dir", help="the case folder (with case.toml) or its case.toml")
    with_build_options(build)
    build.set_defaults(func=cmd_build)

    demo = commands.add_parser("demo", help="build the bundled example case (fictional)")
    with_build_options(demo)
    demo.set_defaults(func=cmd_demo, output="demo-out")

    check = commands.add_parser("check", help="read a case and report problems; write nothing")
    check.add_argument("case_dir")
    check.add_argument("--json", action="store_true",
                       help="print files, problems, rejected rows, flags and summaries as JSON")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 when rows were rejected or problems found")
    check.set_defaults(func=cmd_check)

    convert = commands.add_parser(
        "convert", help="one agency sheet -> the standard template (xlsx, csv or json)")
    convert.add_argument("file", help="the agency's .xlsx or .csv file")
    convert.add_argument("--agency", required=True, help="the agency's name")
    convert.add_argument("--sheet", help="the sheet to read (default: found by its header)")
    convert.add_argument("--mapping", help="a TOML column-mapping file")
    convert.add_argument("--family", help="a family file or case folder, to match child names")
    convert.add_argument("-o", "--output", required=True,
                         help="output file: .xlsx, .csv or .json")
    convert.add_argument("--json", action="store_true", help="print the report as JSON")
    convert.add_argument("--strict", action="store_true",
                         help="exit 1 when rows were rejected or problems found")
    convert.set_defaults(func=cmd_convert)

    template = commands.add_parser("template", help="write a blank standard agency template")
    template.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    template.add_argument("--agency", help="the agency's name, shown in the guidance")
    template.set_defaults(func=cmd_template)

    genogram = commands.add_parser("genogram", help="draw the family as a genogram")
    genogram.add_argument("family", help=FAMILY_HELP)
    genogram.add_argument("-o", "--output", required=True,
                          help="the file to write: .svg, .png, .pdf, .dot, or .ged (GEDCOM 7)")
    genogram.add_argument("--as-at", help="the date to draw households and ages at")
    genogram.add_argument("--title", help="a title above the drawing")
    genogram.set_defaults(func=cmd_genogram)

    people = commands.add_parser("people", help="the family-composition table")
    people.add_argument("family", help=FAMILY_HELP)
    people.add_argument("--as-at", help="the date for ages and households")
    people.add_argument("--json", action="store_true", help="print JSON")
    people.set_defaults(func=cmd_people)

    schema = commands.add_parser("schema", help="print the JSON Schema of case.json")
    schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
        func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
        if func is None:
            parser.print_help()
            return EXIT_UNUSABLE
        return func(args)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        print("Try 'chronogen --help'.", file=sys.stderr)
        return EXIT_UNUSABLE
    except ChronogenError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    except OSError as error:  # an output folder that cannot be written, a full disc, ...
        where = f" ({error.filename})" if getattr(error, "filename", None) else ""
        print(f"error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BrokenPipeError:  # output piped into `head`, say: not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

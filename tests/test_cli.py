"""The real command line, as a user types it: end to end in a process of its own, and its
messages and exit statuses in the test's own process (:mod:`tests.command_line`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from chronogen.compiled_modules import build_name
from tests.command_line import run, run_here
from tests.conftest import HARBOUR

HAS_DOT = shutil.which("dot") is not None


@pytest.mark.slow
def test_build_writes_every_output_and_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run("build", str(HARBOUR), "-o", str(out))
    assert done.returncode == 0, done.stderr
    for name in ("case.json", "chronology.xlsx", "chronology.csv", "genogram.dot"):
        assert (out / name).stat().st_size > 0
    if HAS_DOT:
        assert (out / "genogram.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "csc_chronology.xlsx" in done.stdout
    assert "19 rows read, 13 entries, 1 rejected" in done.stdout
    assert "People: 9" in done.stdout
    assert "from 14/09/2018 to 11/02/2021" in done.stdout
    data = json.loads((out / "case.json").read_text(encoding="utf-8"))
    for key in ("title", "family", "entries", "rejected", "problems", "flags"):
        assert key in data
    assert len(data["entries"]) == 40


@pytest.mark.slow
def test_demo_runs_on_the_bundled_example(tmp_path: Path) -> None:
    done = run("demo", "-o", str(tmp_path / "demo"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "demo" / "chronology.xlsx").exists()


@pytest.mark.slow
def test_strict_exits_1_when_rows_were_rejected(tmp_path: Path) -> None:
    # the exit status comes from the reading, whatever is written: one format is enough
    done = run("build", str(HARBOUR), "-o", str(tmp_path / "o"), "--strict", "--format", "json")
    assert done.returncode == 1, done.stderr
    # a script that stops on the status is told why, on stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "chronogen build: --strict: the input has 3 errors (rows rejected); exit status 1")
    clean = run("build", str(HARBOUR), "-o", str(tmp_path / "o2"), "--format", "json")
    assert clean.returncode == 0 and "--strict" not in clean.stderr


def test_version_and_schema() -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("chronogen ")
    assert version.stdout.rstrip().endswith(f"({build_name()})")  # which build runs
    schema = run("schema")
    assert schema.returncode == 0
    data = json.loads(schema.stdout)
    assert {"title", "entries", "family"} <= set(data["properties"])


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "case folder not found"),
        ("typo", "unknown key 'agencies.0.fiel' (did you mean 'file'?)"),
        ("missing_file", "nope.xlsx: file not found"),
        ("not_a_workbook", "not a readable .xlsx workbook"),
        ("bad_toml", "not valid TOML"),
        ("bad_setting", "settings.unseen_days"),
    ],
)
def test_unusable_input_gets_one_clear_message_and_exit_2(tmp_path: Path, setup: str,
                                                         expected: str) -> None:
    case = tmp_path / "case"
    if setup != "missing":
        case.mkdir()
    manifests = {
        "typo": 'title = "T"\n[[agencies]]\nname = "Police"\nfiel = "p.xlsx"\n',
        "missing_file": 'title = "T"\n[[agencies]]\nname = "Police"\nfile = "nope.xlsx"\n',
        "not_a_workbook": 'title = "T"\n[[agencies]]\nname = "Police"\nfile = "p.xlsx"\n',
        "bad_toml": 'title = "T\n',
        "bad_setting": 'title = "T"\n[settings]\nunseen_days = "soon"\n',
    }
    if setup in manifests:
        (case / "case.toml").write_text(manifests[setup], encoding="utf-8")
    if setup == "not_a_workbook":
        (case / "p.xlsx").write_text("this is not a zip", encoding="utf-8")
    done = run_here("build", str(case), "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_usage_mistakes_exit_2_without_traceback() -> None:
    done = run_here("build")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    done = run_here("frobnicate")
    assert done.returncode == 2


def test_check_reports_problems_and_writes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "case"
    shutil.copytree(HARBOUR, copy)
    before = sorted(p.name for p in copy.iterdir())
    done = run_here("check", str(copy))
    assert done.returncode == 0
    assert "invalid-date" in done.stdout and "31/02/2020" in done.stdout
    assert sorted(p.name for p in copy.iterdir()) == before


def test_check_json_for_other_tools() -> None:
    done = run_here("check", str(HARBOUR), "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert set(data) == {"title", "files", "problems", "flags", "summaries", "joint_events",
                         "rejected"}
    assert any(f["code"] == "referral-not-received" for f in data["flags"])


def test_folder_without_case_toml_is_read_by_guessing(tmp_path: Path) -> None:
    copy = tmp_path / "case"
    shutil.copytree(HARBOUR, copy)
    (copy / "case.toml").unlink()
    (copy / "expected.json").unlink()
    done = run_here("check", str(copy))
    assert done.returncode == 0, done.stderr
    assert "read as the family file" in done.stdout
    assert "Children's Social Care" in done.stdout


def test_an_output_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    done = run_here("build", str(HARBOUR), "-o", str(blocker / "out"))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "error:" in done.stderr


def test_bundled_example_is_the_tested_fixture() -> None:
    from chronogen.examples import example_case

    bundled = example_case()
    names = sorted(p.name for p in bundled.iterdir() if p.is_file())
    assert names == sorted(p.name for p in HARBOUR.iterdir() if p.name != "expected.json")
    for name in names:
        assert (bundled / name).read_bytes() == (HARBOUR / name).read_bytes(), name


@pytest.mark.slow
@pytest.mark.usefixtures("no_network")
def test_a_build_opens_no_network_connection(tmp_path: Path) -> None:
    from chronogen import build

    result = build(HARBOUR, tmp_path / "out")
    assert len(result.case.entries) == 40
    assert {p.name for p in result.outputs} >= {"report.html", "chronology.docx",
                                                "timeline.png", "genogram.svg"}


@pytest.mark.parametrize(("args", "expected"), [
    (["genogram", str(HARBOUR), "-o", "x.svg", "--as-at", "31/02/2020"],
     "--as-at: '31/02/2020' is not a real date"),
    (["convert", str(HARBOUR / "housing.xlsx"), "--agency", "H", "--mapping", "nope.toml",
      "-o", "h.csv"], "nope.toml: mapping file not found"),
    (["people", "nothing.xlsx"], "nothing.xlsx: family file not found"),
    (["template", "-o", "t.csv"], "the template is an .xlsx workbook"),
    (["convert", str(HARBOUR / "housing.xlsx"), "--agency", "H", "-o", "h.csv", "--sheet",
      "Nope"], "no sheet named 'Nope' (sheets: 'Sheet1')"),
])
def test_more_user_mistakes(tmp_path: Path, args: list[str], expected: str) -> None:
    done = run_here(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert expected in done.stderr and "Traceback" not in done.stderr


def test_people_json(tmp_path: Path) -> None:
    done = run_here("people", str(HARBOUR), "--as-at", "11/02/2021", "--json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert data["as_at"] == "2021-02-11"
    dean = next(p for p in data["people"] if p["id"] == "P7")
    assert (dean["relationship_to_index"], dean["lived_with_index"]) == ("mother's partner", True)


def test_a_case_without_a_family_says_what_cannot_be_done(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    shutil.copy(HARBOUR / "police_incidents.xlsx", folder)
    done = run_here("check", str(folder))
    assert done.returncode == 0
    assert "no family file" in done.stdout
    assert "read as the chronology of 'Police'" in done.stdout


# -- a command line people already know how to use ------------------------------------------


def test_every_command_has_a_description_examples_and_help_for_every_argument() -> None:
    from chronogen.cli import make_parser

    parser = make_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert sub.description and "examples:" in (sub.epilog or ""), name
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"chronogen {name}: {action.dest} has no help"
    assert "DD/MM/YYYY" in subparsers.choices["people"].format_help()  # type: ignore[attr-defined]


def test_demo_help_states_its_real_default_folder() -> None:
    done = run_here("demo", "--help")
    assert done.returncode == 0 and "default: demo-out" in done.stdout


def test_bare_chronogen_prints_short_usage_to_stderr() -> None:
    done = run()
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("usage: chronogen") and "chronogen --help" in done.stderr


def test_errors_name_the_command_and_point_to_its_help(tmp_path: Path) -> None:
    done = run_here("convert", str(HARBOUR / "housing.xlsx"), "-o", "x.csv")  # no --agency
    assert done.returncode == 2
    assert done.stderr.startswith("chronogen convert: error:")
    assert "Try 'chronogen convert --help'." in done.stderr
    wrong = run_here("convert", str(HARBOUR / "housing.xlsx"), "--agency", "H", "-o",
                str(tmp_path / "x.docx"))
    assert wrong.returncode == 2 and "chronogen convert: error:" in wrong.stderr
    assert "unsupported template format '.docx'; use one of .xlsx, .csv, .json" in wrong.stderr
    assert not (tmp_path / "x.docx").exists()


def test_build_formats_pick_the_outputs(tmp_path: Path) -> None:
    done = run_here("build", str(HARBOUR), "-o", str(tmp_path / "out"), "--format", "csv,json")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "case.json", "chronogen-build.json", "chronology.csv", "flags.csv"]
    bad = run_here("build", str(HARBOUR), "-o", str(tmp_path / "out2"), "--format", "pdf")
    assert bad.returncode == 2 and "unknown output format 'pdf'" in bad.stderr
    assert not (tmp_path / "out2").exists()


def test_data_on_stdout_messages_on_stderr() -> None:
    done = run("people", str(HARBOUR), "--json")
    json.loads(done.stdout)  # nothing but the data
    table = run("people", str(HARBOUR))
    assert "[warning]" not in table.stdout


def test_piping_into_head_is_quiet() -> None:
    done = subprocess.run(f"{sys.executable} -m chronogen schema | head -1", shell=True,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.strip() == "{"


def test_a_bug_is_one_line_that_asks_for_a_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import chronogen.pipeline
    from chronogen.cli import main

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(chronogen.pipeline, "write_outputs", broken)
    assert main(["build", str(HARBOUR), "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("chronogen build: internal error while ")
    assert "ZeroDivisionError: boom" in err and "please report it" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_check_lists_ten_of_a_kind_and_counts_the_rest(tmp_path: Path) -> None:
    """A long case has thousands of one flag (one for each contact in which a child was not
    seen): check lists ten of each kind in each group and says how many more; --all lists
    every one."""
    from tests.conftest import unseen_visits_case

    case = unseen_visits_case(tmp_path / "case", 25)
    done = run_here("check", str(case))
    assert done.returncode == 0, done.stderr
    mia = done.stdout.split("Mia Harbour (P1):")[1].split("Leo Harbour (P2):")[0]
    assert mia.count("] child-not-seen:") == 10
    assert "... and 15 more child-not-seen (every flag: chronogen check --all" in mia
    every = run_here("check", str(case), "--all")
    assert every.stdout.split("Mia Harbour (P1):")[1].split("Leo Harbour")[0].count(
        "] child-not-seen:") == 25
    assert "more child-not-seen" not in every.stdout



def test_build_names_its_own_option_for_every_problem(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """build's shortened problem list points to build's --all-problems, not check's --all."""
    from chronogen.cli import main
    from tests.conftest import unseen_visits_case

    case = unseen_visits_case(tmp_path / "case", 15)
    csv = case / "hv.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",Mia,", ",Bob,"), encoding="utf-8")
    assert main(["build", str(case), "-o", str(tmp_path / "out"), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    # it names only what it wrote: here no case.json and no workbook
    assert "... and 5 more unknown-person (every one: chronogen build --all-problems)\n" in out
    assert "check --all" not in out
    assert main(["build", str(case), "-o", str(tmp_path / "json"), "--format", "json"]) == 0
    assert "(every one: chronogen build --all-problems, case.json)\n" in capsys.readouterr().out
    assert main(["build", str(case), "-o", str(tmp_path / "all"), "--format", "csv",
                 "--all-problems"]) == 0
    assert capsys.readouterr().out.count("'Bob' matches no one") == 15

def test_problems_are_listed_ten_of_a_kind_within_the_limit() -> None:
    import io

    from chronogen import Case
    from chronogen.model.problems import Problem, ProblemCode, Severity
    from chronogen.terminal import print_problems

    problems = [Problem(code=ProblemCode.UNKNOWN_PERSON, severity=Severity.WARNING,
                        message=f"'Bob{n}' matches no one in the family", file="p.csv", row=n)
                for n in range(2, 32)]
    problems.append(Problem(code=ProblemCode.INVALID_DATE, severity=Severity.ERROR,
                            message="'31/02/2020' is not a real date", file="p.csv", row=40))
    case = Case(title="t", problems=problems)
    out = io.StringIO()
    print_problems(case, out, limit=50, per_code=10)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Problems: 1 error (rows rejected), 30 warnings, 0 notes"
    assert "invalid-date" in lines[1]  # the most serious first
    assert sum("unknown-person" in line and "Bob" in line for line in lines) == 10
    assert lines[-1].startswith("  ... and 20 more unknown-person (every one: chronogen check")
    built = io.StringIO()  # build names its own option
    print_problems(case, built, limit=50, per_code=10, every_one="chronogen build --all-problems")
    assert built.getvalue().splitlines()[-1] == \
        "  ... and 20 more unknown-person (every one: chronogen build --all-problems)"
    every = io.StringIO()
    print_problems(case, every, limit=None)
    assert len(every.getvalue().splitlines()) == 32


def test_the_terminal_counts_one_thing_as_one(tmp_path: Path) -> None:
    """One row read, one entry, one author's note, one error, seen once: no plural for one."""
    import io

    from chronogen import read_case
    from chronogen.terminal import print_problems, print_summaries, print_summary
    from tests.conftest import one_agency_case

    case = read_case(one_agency_case(
        tmp_path / "case", "GP", "Date,Contact type,Child,Summary,Child seen?\n"
        "02/03/2020,Home visit,Mia,Visited,Yes\n# a note to the review\n31/02/2020,Clinic,,,\n",
        file_name="gp.csv"))
    out = io.StringIO()
    print_summary(case, out)
    print_problems(case, out)
    print_summaries(case, out)
    said = out.getvalue()
    assert "gp.csv: 4 rows read, 1 entry, 1 rejected, 0 blank, 1 title/header, 1 author's " \
        "note\n" in said
    assert "Problems: 1 error (rows rejected), 1 warning, 0 notes" in said
    assert "Mia Harbour: seen 1 time (GP 1)" in said

"""Hostile and damaged input: every case ends cleanly (exit 2 with a located message, or a
located problem with nothing lost), in seconds and bounded memory, never a traceback."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from multiprocessing.connection import Connection
from pathlib import Path

import openpyxl
import pytest

from chronogen import (
    Case,
    ChronogenError,
    Entry,
    Family,
    PartialDate,
    Person,
    SourceRef,
    analyse_case,
    read_case,
    write_outputs,
)
from tests.conftest import HARBOUR
from tests.data.hostile.make_corpus import CORPUS, make

#: case -> (exit code, what stderr says) for refusals, or the problem codes a check reports
REFUSED = {
    "far-cell": "area of 17,179,869,184 cells is over the limit",
    "column-z-cell": "area of 27,262,976 cells is over the limit",
    "far-cell-quoted": "area of 26,214,400 cells is over the limit",
    "far-cell-prefixed": "area of 25,165,824 cells is over the limit",
    "far-cell-lower-case": "area of 24,117,248 cells is over the limit",
    "far-cell-spaced": "area of 23,068,672 cells is over the limit",
    "far-row-eight-digits": "area of 299,999,997 cells is over the limit",
    "far-cell-without-reference": "area of 22,020,096 cells is over the limit",
    "not-a-reference": "whose reference 'A1B2' is not one",
    "shared-strings-claim": "claims 4,000,000,000 distinct texts, over the limit",
    "whitespace-bomb": "times larger unzipped than zipped",
    "device-file": "outside the case folder (/dev/zero)",
    "named-pipe": "not an ordinary file",
    "deep-toml": "nested too deeply",
    "deep-family-json": "nested too deeply",
    "deep-gedcom": "level 4999 is nested too deeply",
    "huge-settings": "settings.referral_working_days",
    "negative-header-row": "header_row: Input should be greater than or equal to 0",
    "path-outside": "the agency file is outside the case folder",
    "link-outside": "outside the case folder (/etc/passwd)",
    "unclosed-cells": "p.xlsx: not a readable .xlsx workbook",
    "unclosed-relationships": "p.xlsx: not a readable .xlsx workbook",
    "unclosed-sheet-names": "p.xlsx: not a readable .xlsx workbook",
    "word-entity-bomb": "p.docx: the document's text declares entities of its own",
    "word-deep-nesting": "p.docx: the document's elements are nested over 256 deep",
    "word-zip-bomb": "times larger unzipped than zipped",
    "word-without-document": "p.docx: not a Word document",
    "xls-far-cell": "p.xls, sheet 'Log': its cells span an area of 16,777,216 cells",
    "damaged-sheet-bytes": "p.xlsx: not a readable .xlsx workbook (Error -3 while decompressing",
    "word-damaged-bytes": "p.docx: not a readable .docx document (Error -3 while decompressing",
    "ods-repeated-rows": "p.ods, sheet 'Log': its cells span over 10,000,000 cells",
    "ods-entity-bomb": "p.ods: the spreadsheet's text declares entities of its own",
    "ods-zip-bomb": "times larger unzipped than zipped",
}
REPORTED = {
    "utf16-cut-short": {"damaged-text"},
    "utf16-without-bom": set(),
    "infinite-dates": {"invalid-date"},
    "long-durations": {"invalid-date", "invalid-time"},
    "unbalanced-quote": {"joined-rows"},
    "uncached-formula": {"formula-without-value"},
    "tiny-serials": {"implausible-date"},
    "stray-dimension": {"cell-error"},
    "date-beyond-time": {"cell-error"},
    "three-parents": {"family-contradiction"},
    "same-file-twice": {"duplicate-source"},
    "unclosed-string-table": set(),
    "listed-mentions": set(),
    "separator-date": {"invalid-date"},
    "referral-spaces": {"unrecognised-value"},
    "many-uncached-formulas": {"formula-without-value"},
    "gedcom-name-spaces": set(),
    "word-wide-claims": set(),
    # 0 is a sheet with no header row: the mapping's "Date" is no column of one (its
    # columns are named by letter), and said; the rows are rejected, none lost
    "zero-header-row": {"unknown-column", "missing-date"},
}


def test_every_corpus_case_has_an_expected_outcome() -> None:
    assert set(CORPUS) == set(REFUSED) | set(REPORTED)


def _measured_check(args: list[str], out: str, err: str, results: Connection) -> None:
    """In a process of its own: the command line, its output into the files *out* and
    *err*, then its exit code and the process's peak memory (VmHWM) sent back."""
    for descriptor, path in ((1, out), (2, err)):
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(handle, descriptor)
        os.close(handle)
    from chronogen.cli import main

    try:
        code = main(args)
    except SystemExit as leaving:  # pragma: no cover - main returns its code
        code = int(leaving.code or 0)
    sys.stdout.flush()
    sys.stderr.flush()
    peak = next(int(line.split()[1]) for line in
                Path("/proc/self/status").read_text(encoding="ascii").splitlines()
                if line.startswith("VmHWM:"))
    results.send((code, peak))


#: processes started by a server that has imported what a check needs (each starts in a
#: few milliseconds, not the half second a fresh interpreter takes); the server is small
#: and single-threaded, so a process's peak memory (VmHWM) is still its own, as if
#: started afresh
_STARTER = multiprocessing.get_context("forkserver")
_STARTER.set_forkserver_preload(["chronogen.cli", "chronogen.pipeline", "chronogen.terminal",
                                 "chronogen.read.case", "chronogen.analyse",
                                 "python_calamine", "openpyxl"])


def _run_measured(args: list[str], tmp_path: Path) -> tuple[int, str, str, float, int]:
    """Run the command line; (exit code, stdout, stderr, seconds, peak memory in MB)."""
    out, err = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    receive, send = _STARTER.Pipe(duplex=False)
    started = time.monotonic()
    child = _STARTER.Process(target=_measured_check, args=(args, str(out), str(err), send))
    child.start()
    send.close()
    try:
        if not receive.poll(120):
            raise AssertionError(f"{args} did not end within 120 s")
        code, peak = receive.recv()
    finally:
        child.kill()
        child.join()
    seconds = time.monotonic() - started
    return (code, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8"), seconds,
            peak // 1024)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_in_seconds_and_little_memory(name: str, tmp_path: Path) -> None:
    folder = make(name, tmp_path)
    code, _, err, seconds, megabytes = _run_measured(["check", str(folder)], tmp_path)
    assert code == 2, err
    assert REFUSED[name] in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert seconds < 30 and megabytes < 400, (seconds, megabytes)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(REPORTED))
def test_reported_with_nothing_lost(name: str, tmp_path: Path) -> None:
    folder = make(name, tmp_path)
    code, out, err, seconds, megabytes = _run_measured(["check", str(folder), "--json"],
                                                       tmp_path)
    assert code == 0, err
    assert "Traceback" not in err and seconds < 30 and megabytes < 400
    assert "panicked" not in err  # what the Rust reader prints before raising a panic
    data = json.loads(out)
    codes = {p["code"] for p in data["problems"]}
    assert REPORTED[name] <= codes, codes
    for report in data["files"]:  # every row is accounted for
        assert report["rows_read"] == (report["entries"] + report["rejected"] + report["blank"]
                                       + report["title"] + report["headers"])
    located = [p for p in data["problems"] if p["code"] in REPORTED[name]]
    assert all(p["file"] for p in located)


def test_a_file_name_holding_a_nul_is_refused_with_a_message(tmp_path: Path) -> None:
    import shutil

    case = tmp_path / "case"
    shutil.copytree(HARBOUR, case)
    toml = case / "case.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'file = "housing.xlsx"', 'file = "hous\\u0000ing.xlsx"'), encoding="utf-8")
    with pytest.raises(ChronogenError, match="holds a NUL character"):
        read_case(case)


def test_a_quote_left_open_is_reported_at_its_row(tmp_path: Path) -> None:
    data = json.loads(subprocess.run(
        [sys.executable, "-m", "chronogen", "check", str(make("unbalanced-quote", tmp_path)),
         "--json"], capture_output=True, text=True, check=True).stdout)
    joined = next(p for p in data["problems"] if p["code"] == "joined-rows")
    assert (joined["file"], joined["row"]) == ("p.csv", 2)


def test_outside_files_are_read_when_allowed(tmp_path: Path) -> None:
    folder = make("path-outside", tmp_path)
    case = read_case(folder, allow_outside=True)
    assert [e.summary for e in case.entries] == ["outside"]


# -- every reader, fed garbage ------------------------------------------------------------


def _garbage(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
    if kind == 1:  # a zip that is not a workbook, or a workbook with junk parts
        import io

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            names = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml",
                     "junk"]
            for name in rng.sample(names, rng.randrange(1, 4)):
                package.writestr(name, bytes(rng.randrange(256) for _ in range(50)))
        return buffer.getvalue()
    if kind == 2:
        return "".join(rng.choice('{}[]"=,;\n\t:0aé\u202e') for _ in range(200)).encode()
    return ("\ufeff" + "Date,Summary\n" + "\n".join(
        f"{rng.choice(['01/02/2020', '31/02/2020', '', '99999', 'x'])},\"{rng.random()}"
        for _ in range(20))).encode(rng.choice(["utf-8", "utf-16", "cp1252"]), "replace")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".json", ".ged", "case.toml", "map.toml"])
def test_every_reader_fed_garbage_raises_only_chronogen_errors(suffix: str,
                                                              tmp_path: Path) -> None:
    from chronogen import ColumnMapping, read_agency_file, read_family_file
    from chronogen.read.manifest import load_manifest

    rng = random.Random(suffix)
    for n in range(40):
        path = tmp_path / (f"g{n}{suffix}" if suffix.startswith(".") else f"{n}-{suffix}")
        path.write_bytes(_garbage(rng))
        try:
            if suffix in (".xlsx", ".csv"):
                read_agency_file(path, agency="Police", code="POL")
            elif suffix in (".json", ".ged"):
                read_family_file(path)
            elif suffix == "case.toml":
                load_manifest(path)
            else:
                ColumnMapping.load(path)
        except ChronogenError:
            continue


# -- hostile text through every writer ----------------------------------------------------

HOSTILE_TEXT = ["=HYPERLINK(\"http://x\",\"click\")", "bad \ufffe\uffff and \x00\x01 here",
                "+SUM(A1:A9)", "@cmd", "\t=tab", "x" * 40_000, "a\r\nb\rc"]


def _hostile_case() -> Case:
    family = Family(people=[
        Person(id="C1", first_name="=Evil\ufffe", surname="N" * 20_000, subject=True,
               index=True, birth=PartialDate.parse("01/01/2015")),
        Person(id="M", first_name="Mum\x00", surname="@Test", role="mother")])
    entries = [Entry(id=f"E{n}", agency="=Police", date=PartialDate.parse(f"{n + 1:02d}/03/2020"),
                     summary=text, outcome=text, kind_text=text,
                     source=SourceRef(file="=p.csv", sheet="=S", row=n + 2))
               for n, text in enumerate(HOSTILE_TEXT)]
    return analyse_case(Case(title="=Title \ufffe" + "T" * 20_000, family=family,
                             entries=entries))


def _cells(path: Path) -> list[str]:
    values: list[str] = []
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    values.append(f"FORMULA {cell.coordinate}")
                elif isinstance(cell.value, str):
                    values.append(cell.value)
    return values


@pytest.mark.slow
def test_every_writer_survives_hostile_text_and_writes_no_formula(tmp_path: Path) -> None:
    import csv

    result = write_outputs(_hostile_case(), tmp_path / "out", anonymise=True)
    files = result.outputs + result.anonymised
    assert {p.suffix for p in files} >= {".json", ".xlsx", ".docx", ".html", ".csv", ".svg",
                                         ".png", ".pdf", ".dot"}
    for path in files:
        if path.suffix in (".xlsx", ".docx"):
            with zipfile.ZipFile(path) as package:
                for name in package.namelist():
                    if name.endswith((".xml", ".rels")):
                        ET.fromstring(package.read(name))  # well-formed
        if path.suffix == ".svg":
            ET.parse(path)
        if path.suffix == ".xlsx":
            assert not [v for v in _cells(path) if v.startswith("FORMULA")], path
        if path.suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                for row in csv.reader(handle):
                    assert not [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")], (
                        path, row)


def test_a_convert_heading_is_never_a_live_formula(tmp_path: Path) -> None:
    source = tmp_path / "p.csv"
    source.write_text("Date,Summary,=Evil()\n01/03/2020,contact,x\n", encoding="utf-8")
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"t{suffix}"
        done = subprocess.run([sys.executable, "-m", "chronogen", "convert", str(source),
                               "--agency", "Police", "-o", str(out)], capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, done.stderr
        if suffix == ".xlsx":
            assert not [v for v in _cells(out) if v.startswith("FORMULA")]
            assert "=Evil()" in _cells(out)  # kept, as text
        else:
            assert "'=Evil()" in out.read_text(encoding="utf-8-sig").splitlines()[0]


# -- the output folder -----------------------------------------------------------------


def test_a_failed_build_leaves_the_previous_one_whole(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import chronogen.write.xlsx_file
    from chronogen.write.output_folder import verify_build

    case = read_case(HARBOUR)
    out = tmp_path / "out"
    write_outputs(case, out, formats=["json", "csv", "xlsx"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert verify_build(out) == []

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(chronogen.write.xlsx_file, "write_case_output", broken)
    with pytest.raises(OSError):
        write_outputs(case.model_copy(update={"title": "changed"}), out,
                      formats=["json", "csv", "xlsx"])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # untouched, no litter
    assert verify_build(out) == []


def test_outputs_of_a_smaller_build_do_not_linger(tmp_path: Path) -> None:
    case = read_case(HARBOUR)
    out = tmp_path / "out"
    write_outputs(case, out, formats=["json", "csv"])
    (out / "my notes.txt").write_text("the author's own file", encoding="utf-8")
    write_outputs(case, out, formats=["json"])
    assert sorted(p.name for p in out.iterdir()) == ["case.json", "chronogen-build.json",
                                                      "my notes.txt"]


def test_building_into_the_case_folder_twice_reads_the_same_case(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "case"
    shutil.copytree(HARBOUR, folder)
    (folder / "case.toml").unlink()  # read by guessing: every spreadsheet in the folder
    first = read_case(folder)
    for _ in range(2):
        write_outputs(read_case(folder), folder, formats=["json", "xlsx", "csv"])
    again = read_case(folder)
    assert len(again.entries) == len(first.entries)
    assert {f.file for f in again.files} == {f.file for f in first.files}


def test_a_killed_build_is_seen_to_be_incomplete(tmp_path: Path) -> None:
    from chronogen.write.output_folder import verify_build

    out = tmp_path / "out"
    write_outputs(read_case(HARBOUR), out, formats=["json", "csv"])
    (out / "case.json").write_text("{}", encoding="utf-8")  # a truncated file
    assert verify_build(out) == ["case.json: changed since the build"]
    (out / "chronogen-build.json").unlink()
    assert "not a complete build" in verify_build(out)[0]


def test_a_csv_cell_past_the_limit_names_its_row(tmp_path: Path) -> None:
    from chronogen import UnreadableFileError, read_agency_file

    path = tmp_path / "p.csv"
    path.write_text("Date,Summary\n01/03/2020,short\n02/03/2020,\"" + "x" * 200_000 + "\"\n",
                    encoding="utf-8")
    result = read_agency_file(path, agency="Police", code="POL")  # over Python's 131,072
    assert len(result.entries) == 2 and len(result.entries[1].summary or "") == 200_000
    path.write_text("Date,Summary\n01/03/2020,short\n02/03/2020,\"" + "x" * 1_100_000
                    + "\"\n", encoding="utf-8")
    with pytest.raises(UnreadableFileError, match=r"p.csv, row 3 .*longer than 1,000,000"):
        read_agency_file(path, agency="Police", code="POL")


@pytest.mark.slow
def test_two_builds_are_byte_identical_in_any_time_zone_and_locale(tmp_path: Path) -> None:
    """Two builds of one case, every output, each its own process: the same bytes, even
    when the second runs in another time zone and language."""
    import os

    outputs = []
    for zone, language in (("UTC", "C.UTF-8"), ("Pacific/Chatham", "de_DE.UTF-8")):
        out = tmp_path / zone.replace("/", "-")
        subprocess.run([sys.executable, "-m", "chronogen", "build", str(HARBOUR), "-o",
                        str(out)], check=True, capture_output=True,
                       env={**os.environ, "TZ": zone, "LANG": language, "LC_ALL": language})
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert {"chronology.xlsx", "chronology.docx", "genogram.pdf", "timeline.png",
            "chronology.csv"} <= outputs[0].keys()
    assert outputs[0].keys() == outputs[1].keys()
    differ = [name for name in outputs[0] if outputs[0][name] != outputs[1][name]]
    assert differ == []


def test_verify_says_whether_a_folder_holds_a_complete_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_outputs(read_case(HARBOUR), out, formats=["json", "csv"])
    done = subprocess.run([sys.executable, "-m", "chronogen", "verify", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "a complete build" in done.stdout
    (out / "flags.csv").write_text("tampered", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "chronogen", "verify", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "flags.csv: changed since the build" in done.stderr
    (out / "chronogen-build.json").write_text("{", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "chronogen", "verify", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "damaged" in done.stderr and "Traceback" not in done.stderr


def test_a_shared_string_tables_claim_is_read_from_its_opening_tag_only(tmp_path: Path
                                                                        ) -> None:
    """The claim calamine sets room aside for is the table's own ``uniqueCount``, however
    its tag is written; the same words inside a text are a text."""
    from chronogen.read.table import read_sheets
    from tests.data.hostile.make_corpus import _row, _xlsx_with_part

    table = ('<?xml version="1.0" encoding="UTF-8"?><{p}sst xmlns{colon}="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main" count="1"\nuniqueCount = '
             "'{count}'><{p}si><{p}t>{text}</{p}t></{p}si></{p}sst>")
    cells = _row(2, '<c r="A2"><v>43900</v></c>').replace(
        't="inlineStr"><is><t>contact</t></is>', 't="s"><v>0</v>')
    claims = tmp_path / "claims.xlsx"
    _xlsx_with_part(claims, cells, "xl/sharedStrings.xml",
                    table.format(p="x:", colon=":x", count="4000000000", text="contact"),
                    "sharedStrings")
    with pytest.raises(ChronogenError, match="claims 4,000,000,000 distinct texts"):
        read_sheets(claims)
    quoted = tmp_path / "quoted.xlsx"
    _xlsx_with_part(quoted, cells, "xl/sharedStrings.xml",
                    table.format(p="", colon="", count="1",
                                 text='a note: uniqueCount="4000000000"'), "sharedStrings")
    (sheet,) = read_sheets(quoted)
    assert sheet.rows[1][1] == 'a note: uniqueCount="4000000000"'


@pytest.mark.slow  # a Python process of its own
def test_a_panic_is_kept_off_the_screen_and_what_came_before_it_is_not() -> None:
    """What Rust prints of a panic goes unseen; what was written before it, and all that is
    written in a block with no panic, is passed on (in a process of its own: the test
    runner holds standard error itself)."""
    code = ("import os\nfrom chronogen.read.table import _StandardErrorHeld\n"
            "with _StandardErrorHeld() as held:\n"
            "    os.write(2, b'a line of its own\\n')\n"
            "    os.write(2, b\"thread '<unnamed>' panicked at x.rs:1:2:\\nout of range\\n\")\n"
            "    held.dropped = True\n"
            "with _StandardErrorHeld():\n"
            "    os.write(2, b'kept whole\\n')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stderr == b"a line of its own\nkept whole\n"

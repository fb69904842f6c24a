"""The public API: everything in __all__ exists, and the stage functions compose."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import chronogen
from tests.conftest import HARBOUR

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")


def test_every_public_name_exists_and_is_documented() -> None:
    import importlib
    import pkgutil
    import types

    # every module loaded first: a public name must not be shadowed by a subpackage's name
    for module in pkgutil.walk_packages(chronogen.__path__, "chronogen."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in chronogen.__all__:
        value = getattr(chronogen, name)
        assert not isinstance(value, types.ModuleType), f"chronogen.{name} is a module"
        if callable(value) and not name.startswith("_"):
            assert value.__doc__, f"{name} has no docstring"


def test_the_stages_compose(tmp_path: Path) -> None:
    case = chronogen.read_case(HARBOUR)
    timeline = chronogen.merge(reversed(case.entries), [a.name for a in case.agencies])
    assert [e.id for e in timeline.entries] == [e.id for e in case.entries]
    stricter = chronogen.find_flags(case, chronogen.Settings(unseen_days=200))
    assert {f.code for f in stricter} <= {f.code for f in case.flags}
    assert sum(f.code == "unseen-period" for f in stricter) < sum(
        f.code == "unseen-period" for f in case.flags)
    summaries = chronogen.summarise(case)  # built afresh, without find_flags' context
    assert summaries == case.summaries
    for agency in summaries.agencies:  # against counts made here, from the entries
        assert agency.contacts == sum(e.agency == agency.agency for e in case.entries)
    for child in summaries.children:
        seen = [e for e in case.entries
                if (r := e.children.get(child.child)) and r.seen is chronogen.Recorded.YES]
        assert child.times_seen == len(seen) > 0
    assert sum(m.contacts for m in summaries.months) <= len(case.entries)
    graph = chronogen.genogram(case.family)
    assert graph.number_of_nodes() > len(case.family.people)
    assert chronogen.to_dot(case.family).startswith("digraph")
    result = chronogen.write_outputs(case, tmp_path, formats=["json", "xlsx"])
    assert {p.name for p in result.outputs} == {"case.json", "chronology.xlsx"}
    assert chronogen.read_case_json(tmp_path / "case.json") == case


def test_settings_given_to_the_api_are_the_settings_written(tmp_path: Path) -> None:
    case = chronogen.read_case(HARBOUR)
    assert case.settings.unseen_days == 28
    wider = chronogen.Settings(unseen_days=56)
    flags = chronogen.find_flags(case, wider)
    assert case.settings.unseen_days == 28  # find_flags does not change the case
    result = chronogen.write_outputs(case, str(tmp_path), settings=wider, formats=["json"])
    written = chronogen.read_case_json(tmp_path / "case.json")
    assert written.settings == wider
    assert [f.message for f in written.flags] == [f.message for f in flags]
    assert result.case.settings == wider
    again = chronogen.read_case(HARBOUR, settings=wider)
    assert [f.message for f in again.flags] == [f.message for f in flags]
    assert again.summaries == written.summaries


def test_analyse_is_read_then_merge_flag_summarise() -> None:
    raw = chronogen.read_case_files(HARBOUR)
    assert not raw.flags and not raw.joint_events  # reading only reads
    files_order = [e.id for e in raw.entries]
    analysed = chronogen.analyse_case(raw)
    assert [e.id for e in raw.entries] == files_order  # the read case is not changed
    assert analysed == chronogen.read_case(HARBOUR)
    assert sorted(e.id for e in analysed.entries) == sorted(files_order)


def test_importing_chronogen_loads_no_stage_until_it_is_used() -> None:
    import subprocess
    import sys

    from chronogen.compiled_modules import build_name

    code = ("import sys, chronogen; heavy = [m for m in ('pydantic', 'networkx', 'openpyxl', "
            "'chronogen.model', 'chronogen.read') if m in sys.modules]; print(heavy); "
            "chronogen.Kinship; print('networkx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]
    version = subprocess.run([sys.executable, "-c", "import sys; from chronogen.cli import main; "
                              "sys.argv = ['chronogen', '--version']\ntry: main()\nexcept "
                              "SystemExit: pass\nprint('pydantic' in sys.modules)"],
                             capture_output=True, text=True, check=True)
    assert version.stdout.splitlines() == [f"chronogen 0.1.0 ({build_name()})", "False"]


@pytest.mark.slow  # two builds of a 5,000-entry case, one in a pool of processes
def test_writers_side_by_side_write_the_same_bytes(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import chronogen.pipeline

    case = chronogen.read_case(HARBOUR)
    formats = ["json", "xlsx", "docx", "html", "csv", "genogram", "timeline"]
    monkeypatch.setattr(chronogen.pipeline, "PARALLEL_FROM", 10**9)
    serial = chronogen.write_outputs(case, tmp_path / "serial", formats=formats)
    # the documents drawing the timeline themselves, not using the timeline writer's
    alone = chronogen.write_outputs(case, tmp_path / "alone", formats=["docx", "html"])
    monkeypatch.setattr(chronogen.pipeline, "PARALLEL_FROM", 1)  # harbour's 40 entries: a pool
    pooled = chronogen.write_outputs(case, tmp_path / "pooled", formats=formats)
    assert [p.name for p in pooled.outputs] == [p.name for p in serial.outputs]
    for one, two in zip(serial.outputs, pooled.outputs, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.name
    for own in alone.outputs:
        assert own.read_bytes() == (tmp_path / "pooled" / own.name).read_bytes(), own.name
    # the two documents without the timeline's files, side by side: the pictures drawn
    # once for them in the pool, the same bytes, nothing left behind
    both = chronogen.write_outputs(case, tmp_path / "both", formats=["docx", "html"])
    for own, pooled_own in zip(alone.outputs, both.outputs, strict=True):
        assert own.read_bytes() == pooled_own.read_bytes(), own.name
    assert not [p for p in (tmp_path / "both").iterdir() if p.is_dir()]


@pytest.mark.slow  # two builds of the Word appendix and the report
def test_a_build_draws_the_timeline_once_for_every_output_that_shows_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import chronogen.pipeline
    import chronogen.write.timeline_files as timeline_files

    drawn: list[list[str]] = []
    original = timeline_files.draw_timeline

    def counting(case: object, outputs: list[Path], **options: object) -> list[Path]:
        drawn.append([p.name for p in outputs])
        return original(case, outputs, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(timeline_files, "draw_timeline", counting)
    monkeypatch.setattr(chronogen.pipeline, "PARALLEL_FROM", 10**9)
    case = chronogen.read_case(HARBOUR)
    chronogen.write_outputs(case, tmp_path / "out", formats=["docx", "html", "timeline"])
    assert drawn == [["timeline.svg", "timeline.png"]]
    # no timeline written: drawn once all the same, for both documents, and not left behind
    drawn.clear()
    done = chronogen.write_outputs(case, tmp_path / "two", formats=["docx", "html"])
    assert [names[0] for names in drawn] == ["timeline.svg"]
    assert [p.name for p in done.outputs] == ["chronology.docx", "report.html"]
    left = list((tmp_path / "two").iterdir())
    assert not [p for p in left if p.is_dir() or p.name.startswith("timeline")]


@needs_dot
@pytest.mark.slow  # builds of the drawings and documents, the anonymised set's too
@pytest.mark.parametrize("pooled", [False, True])
def test_a_build_lays_the_genogram_out_once_for_every_output_that_draws_it(
        pooled: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import chronogen.pipeline
    from chronogen.draw import render

    # each layout Graphviz is asked for, written down by whichever process asks
    asked = tmp_path / "asked"
    original = render._graphviz

    def counting(engine: str, kind: str, text: str, **options: Any) -> bytes:
        if kind == "json0":
            with asked.open("a", encoding="utf-8") as log:
                log.write(f"{engine}\n")
        return original(engine, kind, text, **options)

    monkeypatch.setattr(render, "_graphviz", counting)
    monkeypatch.setattr(chronogen.pipeline, "PARALLEL_FROM", 1 if pooled else 10**9)
    case = chronogen.read_case(HARBOUR)
    chronogen.write_outputs(case, tmp_path / "out", formats=["genogram", "docx", "html"],
                            anonymise=pooled)
    # the family (and the anonymised family): each laid out once for the three writers
    assert asked.read_text(encoding="utf-8").split() == ["dot"] * (2 if pooled else 1)
    asked.unlink()
    # outside a build, each drawing is laid out afresh
    chronogen.draw_genogram(case.family, [tmp_path / "a.svg"])
    chronogen.draw_genogram(case.family, [tmp_path / "b.svg"])
    assert asked.read_text(encoding="utf-8").split() == ["dot", "dot"]


def test_every_public_path_parameter_takes_a_string_too() -> None:
    import inspect

    for name in chronogen.__all__:
        value = getattr(chronogen, name)
        if not inspect.isfunction(value):
            continue
        for parameter in inspect.signature(value).parameters.values():
            annotation = str(parameter.annotation)
            if "Path" in annotation:
                assert "str" in annotation, f"{name}({parameter.name}: {annotation})"


def test_the_readers_and_writers_called_with_strings(tmp_path: Path) -> None:
    family = chronogen.read_family_file(str(HARBOUR / "family.xlsx")).family
    assert chronogen.load_family(str(HARBOUR)).family == family
    agency = chronogen.read_agency_file(str(HARBOUR / "gp_consultations.csv"), agency="GP",
                                        code="GP", family=family)
    assert agency.entries
    case = chronogen.read_case(str(HARBOUR))
    for write, name in ((chronogen.write_json, "case.json"), (chronogen.write_csv, "c.csv"),
                        (chronogen.write_xlsx, "c.xlsx")):
        assert write(case, str(tmp_path / name)) == tmp_path / name
    assert chronogen.read_case_json(str(tmp_path / "case.json")).entries == case.entries
    assert chronogen.render_genogram(family, str(tmp_path / "g.dot")) == tmp_path / "g.dot"
    assert chronogen.draw_genogram(family, [str(tmp_path / "g.svg")]) == [tmp_path / "g.svg"]
    assert chronogen.render("digraph {}", str(tmp_path / "r.dot")).read_text() == "digraph {}"


def test_two_threads_writing_side_by_side_each_get_their_own_case(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import chronogen.pipeline

    first = chronogen.read_case(HARBOUR)
    second = first.model_copy(update={"title": "Another case", "entries": first.entries[:20]})
    formats = ["json", "csv"]
    monkeypatch.setattr(chronogen.pipeline, "PARALLEL_FROM", 10**9)
    alone = [chronogen.write_outputs(c, tmp_path / f"alone{n}", formats=formats)
             for n, c in enumerate((first, second))]
    monkeypatch.setattr(chronogen.pipeline, "PARALLEL_FROM", 1)  # each a pool of processes
    threads = [threading.Thread(target=chronogen.write_outputs,
                                args=(c, tmp_path / f"thread{n}"), kwargs={"formats": formats})
               for n, c in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n, written in enumerate(alone):
        for path in written.outputs:
            assert path.read_bytes() == (tmp_path / f"thread{n}" / path.name).read_bytes()


def test_the_workbook_and_document_writers_leave_nothing_else_behind(tmp_path: Path) -> None:
    from chronogen.write.docx_file import write_docx

    case = chronogen.read_case(HARBOUR)
    chronogen.write_xlsx(case, tmp_path / "c.xlsx")
    write_docx(case, tmp_path / "c.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.docx", "c.xlsx"]


def test_reading_a_case_runs_the_cycle_collector_not_once() -> None:
    """read_case reads and analyses with the cycle collector paused, and leaves what it made
    counted as old: the collector walked every object read so far between the two steps and
    again as the pause ended (at a million entries about a second each time), and a case's
    objects hold no cycles for it to find."""
    import gc

    started: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        chronogen.read_case(HARBOUR)
    finally:
        gc.callbacks.remove(count)
    assert started == []


def test_a_pause_leaves_objects_the_program_froze_frozen() -> None:
    """A program that froze its objects (a server before it forks) keeps them frozen."""
    import gc

    from chronogen.bulk import bulk_work

    kept = [["the program's own"]]
    gc.freeze()
    try:
        with bulk_work():
            made = [[n] for n in range(1000)]
        # still frozen: in none of the collector's generations (the count of frozen objects
        # is no test: other threads' frozen objects may be freed meanwhile)
        assert made and not any(found is kept for generation in range(3)
                                for found in gc.get_objects(generation))
    finally:
        gc.unfreeze()


def test_freed_memory_is_handed_back_where_the_c_library_can() -> None:
    """glibc's ``malloc_trim`` found (looked up once) and called; elsewhere nothing."""
    import platform

    from chronogen.bulk import give_back_freed_memory, malloc_trim

    if platform.libc_ver()[0] == "glibc":
        assert malloc_trim() is not None and malloc_trim() is malloc_trim()
    give_back_freed_memory()


@pytest.mark.slow  # two builds of the workbook and the Word appendix
def test_a_build_works_out_the_appendix_once_for_the_documents_one_after_another(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook, the Word appendix and the report each show the appendix: written one
    after another, it is worked out once; the outputs are the same bytes."""
    import chronogen.pipeline
    import chronogen.write.appendix as appendix

    made: list[object] = []
    original = appendix._appendix_of

    def counting(case: chronogen.Case) -> appendix.Appendix:
        made.append(case)
        return original(case)

    case = chronogen.read_case(HARBOUR)
    monkeypatch.setattr(chronogen.pipeline, "PARALLEL_FROM", 10**9)
    before = chronogen.write_outputs(case, tmp_path / "before", formats=["xlsx", "docx"])
    monkeypatch.setattr(appendix, "_appendix_of", counting)
    chronogen.write_outputs(case, tmp_path / "after", formats=["xlsx", "docx", "html"])
    assert made == [case]
    for one in before.outputs:
        assert one.read_bytes() == (tmp_path / "after" / one.name).read_bytes(), one.name

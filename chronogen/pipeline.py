"""The main job, composed from the stages: read -> analyse -> write.

:func:`read_case` reads a case folder and analyses it; :func:`write_outputs` walks the writer
registry (:mod:`chronogen.write.registry`); :func:`build` is both, as ``chronogen build``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

from chronogen.analyse import analyse_case
from chronogen.bulk import give_back_freed_memory, in_bulk, malloc_trim
from chronogen.errors import OutputFormatError
from chronogen.model.case import Case, Settings
from chronogen.model.family import Family
from chronogen.progress import Progress, no_progress
from chronogen.read.case import read_case_files
from chronogen.write.output_folder import commit, staged
from chronogen.write.registry import (
    CASE_OUTPUTS,
    OutputOptions,
    Writer,
    Written,
    case_outputs,
)


@dataclass
class BuildResult:
    """What a build read and wrote."""

    case: Case
    outputs: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: the anonymised set for publication, when one was asked for
    anonymised: list[Path] = field(default_factory=list)
    #: the list of what the anonymiser replaced (beside the set, not in it)
    anonymisation_log: Path | None = None


@in_bulk  # reading and analysing in one pause (see chronogen.bulk: no collection between)
def read_case(path: Path | str, *, settings: Settings | None = None,
              allow_outside: bool = False, progress: Progress = no_progress,
              keep_raw: bool = True) -> Case:
    """Read a case folder (or its ``case.toml``), merge, flag and summarise it.

    *settings* replace those of ``case.toml``; the case returned carries the settings used.
    Raises :class:`~chronogen.errors.ChronogenError` subclasses only for input that cannot be
    used at all; problems in rows become ``case.problems`` and ``case.rejected``. *progress*
    is told what is being done, for long cases. Without *keep_raw* each entry's ``raw``
    cells are left out (about a third of an entry's memory; the flags, summaries and
    problems are the same): for a check or an overview, not for outputs that show them.
    """
    files = read_case_files(path, allow_outside=allow_outside, progress=progress,
                            keep_raw=keep_raw)
    return analyse_case(files, settings, progress=progress, owned=True)


@in_bulk
def write_outputs(case: Case, out: Path | str, *, as_at: date | None = None,
                  formats: Iterable[str] | None = None, settings: Settings | None = None,
                  anonymise: bool = False, anonymised_out: Path | str | None = None,
                  dpi: int = 200, progress: Progress = no_progress) -> BuildResult:
    """Write the outputs of an already-read case into *out* (created if needed): every
    format of :data:`~chronogen.write.registry.CASE_OUTPUTS`, or those named in *formats*.

    Given *settings* that differ from the case's own, the case is analysed again with them
    first, so every output (case.json's settings included) agrees with the flags written.
    With *anonymise*, the same formats are written again for publication, with nobody
    named, into *anonymised_out* (default ``out/anonymised``), and ``out/anonymisation.csv``
    lists what was replaced (it names people: keep it out of the published set).
    """
    writers = case_outputs(formats)
    if settings is not None and settings != case.settings:
        case = analyse_case(case, settings, progress=progress)
    folder = Path(out)
    result = BuildResult(case)
    options = OutputOptions(as_at=as_at, dpi=dpi)
    separate = Path(anonymised_out) if anonymised_out is not None else None
    if separate is not None and separate.resolve() == folder.resolve():
        raise OutputFormatError("the anonymised set needs a folder of its own, not the "
                                "output folder itself")
    from chronogen.draw.render import layouts_shared
    from chronogen.write.appendix import appendices_shared

    with staged(folder) as staging, layouts_shared(), appendices_shared():
        written: list[Path] = []
        _write_all(case, staging, writers, options, written, result.notes, progress)
        anonymised_files: list[Path] = []
        if anonymise:
            from chronogen.anonymise import anonymise_case
            from chronogen.write.anonymisation_file import write_anonymisation_log

            progress("anonymising for publication")
            anonymised = anonymise_case(case, as_at)
            log = write_anonymisation_log(anonymised, staging / "anonymisation.csv")
            if separate is None:
                (staging / "anonymised").mkdir()
                _write_all(anonymised.case, staging / "anonymised", writers, options,
                           anonymised_files, result.notes, progress)
            else:
                with staged(separate) as other:
                    _write_all(anonymised.case, other, writers, options, anonymised_files,
                               result.notes, progress)
                    result.anonymised = commit(other, separate, anonymised_files)
            written.append(log)
        final = commit(staging, folder, written + (anonymised_files if separate is None
                                                   else []))
    result.outputs = final[:len(written) - (1 if anonymise else 0)]
    if anonymise:
        result.anonymisation_log = final[len(written) - 1]
        if separate is None:
            result.anonymised = final[len(written):]
    return result


#: from this many entries, the writers run side by side, one process each (on Linux, where a
#: forked process shares the case without copying it); below it a pool costs more than it saves
PARALLEL_FROM = 5_000


def _run_writer(writer: Writer, case: Case, folder: Path, options: OutputOptions) -> Written:
    return cast(Written, writer.load()(case, folder, options))


#: the case and folder the writers' processes inherit when they are forked; one pool at a
#: time uses it (two threads of one process writing large cases take turns)
_SHARED: list[Any] = []
_SHARED_IN_USE = threading.Lock()


def _run_shared(writer: Writer, options: OutputOptions, into: Path | None = None) -> Written:
    case, folder = _SHARED
    try:
        return _run_writer(writer, case, into or folder, options)
    finally:
        give_back_freed_memory()


#: the writers whose documents show the timeline picture (they use the timeline writer's)
SHOW_TIMELINE = frozenset({"docx", "html"})
#: the timeline writer, which draws the pictures they show
TIMELINE = next(w for w in CASE_OUTPUTS if w.name == "timeline")
#: the writers that draw the genogram (laid out once a build: :func:`layouts_shared`)
DRAW_GENOGRAM = frozenset({"genogram", "docx", "html"})
#: the writers that take longest on a long case, longest first (measured: bench_build.py)
LONGEST = ("timeline", "xlsx")


def _write_all(case: Case, folder: Path, writers: list[Writer], options: OutputOptions,
               files: list[Path], notes: list[str], progress: Progress) -> None:
    """Run every writer into *folder*; in a pool of processes for a large case. The writers
    are independent (each its own files) but for one thing: the documents that show the
    timeline picture wait for the timeline writer and use its pictures (drawn once for
    them where no timeline is written). Results are taken in the table's order, so the
    outputs are the same either way."""
    timeline = next((w for w in writers if w.name == "timeline"), None)
    showing = [w for w in writers if w.name in SHOW_TIMELINE]
    with contextlib.ExitStack() as held:
        pictures = folder  # where the documents find the timeline's pictures
        if timeline is None and len(showing) > 1 and options.pictures is None:
            # no timeline written, but two documents show it: drawn once for both, as the
            # timeline writer draws it, in the build's own folder (removed after them)
            pictures = Path(held.enter_context(tempfile.TemporaryDirectory(dir=folder)))
        private = pictures != folder
        waiting = showing if timeline is not None or private else []
        first = [w for w in writers if w not in waiting]
        later = replace(options, pictures=pictures)
        cores = os.cpu_count() or 1
        parallel = (len(case.entries) >= PARALLEL_FROM and cores > 1 and len(writers) > 1
                    and "fork" in multiprocessing.get_all_start_methods())
        if not parallel:
            if private:
                _run_writer(TIMELINE, case, pictures, options)
            results = {}
            for writer in first + waiting:
                progress(f"writing {writer.description.split(':')[0]}")
                results[writer.name] = _run_writer(writer, case, folder,
                                                   later if writer in waiting else options)
        else:
            progress(f"writing {len(writers)} outputs, {min(cores, len(writers))} at a time")
            results = _write_side_by_side(case, folder, writers, first, waiting, options,
                                          later, pictures if private else None)
    for writer in writers:
        files.extend(results[writer.name].files)
        notes.extend(results[writer.name].notes)


def _write_side_by_side(case: Case, folder: Path, writers: list[Writer], first: list[Writer],
                        waiting: list[Writer], options: OutputOptions, later: OutputOptions,
                        private: Path | None) -> dict[str, Written]:
    """The writers in a pool of processes forked with the case: *first* as they come, the
    longest first; *waiting* (the documents showing the timeline) once its pictures are
    drawn, by the timeline writer or, into *private*, for them alone."""
    if sum(w.name in DRAW_GENOGRAM for w in writers) > 1:
        # laid out here, once: each process inherits the layout (a large family's takes
        # seconds, and each writer drawing it would lay it out again)
        from chronogen.write.genogram_files import lay_out_genogram

        lay_out_genogram(case, options)
    # the appendix is not worked out here for the documents, as the layout is: each
    # process works out its own side by side with the others (here, before them, it cost a
    # 100k case as much time as it saved, on two cores, and more on more)
    context = multiprocessing.get_context("fork")
    # the processes are forked with the case in their memory: only the writer and the
    # options go to them (sending the case itself would copy it into every process)
    malloc_trim()  # looked up here: the forked processes inherit it
    cores = os.cpu_count() or 1
    _SHARED_IN_USE.acquire()
    _SHARED[:] = [case, folder]
    try:
        with ProcessPoolExecutor(max_workers=min(cores, len(writers)),
                                 mp_context=context) as pool:
            # the pictures first, then the longest (the processes take them in turn), so
            # that the documents waiting for the pictures start soonest; the quick ones
            # fill the end
            drawing = pool.submit(_run_shared, TIMELINE, options, private) \
                if private is not None else None
            long_ones = [w for w in first if w.name in LONGEST]
            long_ones.sort(key=lambda w: LONGEST.index(w.name))
            futures = {w.name: pool.submit(_run_shared, w, options) for w in long_ones}
            if waiting:
                (drawing or futures[TIMELINE.name]).result()
                futures |= {w.name: pool.submit(_run_shared, w, later) for w in waiting}
            futures |= {w.name: pool.submit(_run_shared, w, options)
                        for w in first if w.name not in LONGEST}
            return {name: future.result() for name, future in futures.items()}
    finally:
        _SHARED.clear()
        _SHARED_IN_USE.release()


@in_bulk
def build(case_dir: Path | str, out_dir: Path | str, *, as_at: date | None = None,
          formats: Iterable[str] | None = None, settings: Settings | None = None,
          anonymise: bool = False, anonymised_out: Path | str | None = None, dpi: int = 200,
          allow_outside: bool = False, progress: Progress = no_progress) -> BuildResult:
    """Read *case_dir* and write its outputs to *out_dir*: ``chronogen build``."""
    writers = case_outputs(formats)  # a wrong format fails before any reading
    case = read_case(case_dir, settings=settings, allow_outside=allow_outside,
                     progress=progress)
    return write_outputs(case, out_dir, as_at=as_at, formats=[w.name for w in writers],
                         anonymise=anonymise, anonymised_out=anonymised_out, dpi=dpi,
                         progress=progress)


def default_as_at(path: Path | str, family: Family) -> date | None:
    """The one date every command draws "as at" when none is given. For a case folder (or
    its case.toml): the chronology's last day, as ``build`` uses. For a family file alone:
    the latest date the family mentions."""
    from chronogen.draw.dot import default_as_at as family_default
    from chronogen.model.chronology import span_of
    from chronogen.read.manifest import MANIFEST_NAME

    place = Path(path)
    if place.is_dir() or place.name == MANIFEST_NAME:
        covered = span_of(read_case_files(place).entries)
        if covered is not None:
            return covered[1]
    return family_default(family)

"""The main job, composed from the stages: read -> analyse -> write.

:func:`read_case` reads a case folder and analyses it; :func:`write_outputs` walks the writer
registry (:mod:`chronogen.write.registry`); :func:`build` is both, as ``chronogen build``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from chronogen.analyse import analyse_case
from chronogen.errors import OutputFormatError
from chronogen.model.case import Case, Settings
from chronogen.progress import Progress, no_progress
from chronogen.read.case import read_case_files
from chronogen.write.registry import OutputOptions, Writer, case_outputs


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


def read_case(path: Path | str, *, settings: Settings | None = None,
              progress: Progress = no_progress) -> Case:
    """Read a case folder (or its ``case.toml``), merge, flag and summarise it.

    *settings* replace those of ``case.toml``; the case returned carries the settings used.
    Raises :class:`~chronogen.errors.ChronogenError` subclasses only for input that cannot be
    used at all; problems in rows become ``case.problems`` and ``case.rejected``. *progress*
    is told what is being done, for long cases.
    """
    return analyse_case(read_case_files(path, progress=progress), settings, progress=progress)


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
    folder.mkdir(parents=True, exist_ok=True)
    result = BuildResult(case)
    options = OutputOptions(as_at=as_at, dpi=dpi)
    _write_all(case, folder, writers, options, result.outputs, result.notes, progress)
    if anonymise:
        from chronogen.anonymise import anonymise_case
        from chronogen.write.anonymisation_file import write_anonymisation_log

        progress("anonymising for publication")
        anonymised = anonymise_case(case, as_at)
        target = Path(anonymised_out) if anonymised_out is not None else folder / "anonymised"
        if target.resolve() == folder.resolve():
            raise OutputFormatError("the anonymised set needs a folder of its own, not the "
                                    "output folder itself")
        target.mkdir(parents=True, exist_ok=True)
        _write_all(anonymised.case, target, writers, options, result.anonymised,
                   result.notes, progress)
        result.anonymisation_log = write_anonymisation_log(anonymised,
                                                           folder / "anonymisation.csv")
    return result


def _write_all(case: Case, folder: Path, writers: list[Writer], options: OutputOptions,
               files: list[Path], notes: list[str], progress: Progress) -> None:
    for writer in writers:
        progress(f"writing {writer.description.split(':')[0]}")
        written = writer.load()(case, folder, options)
        files.extend(written.files)
        notes.extend(written.notes)


def build(case_dir: Path | str, out_dir: Path | str, *, as_at: date | None = None,
          formats: Iterable[str] | None = None, settings: Settings | None = None,
          anonymise: bool = False, anonymised_out: Path | str | None = None, dpi: int = 200,
          progress: Progress = no_progress) -> BuildResult:
    """Read *case_dir* and write its outputs to *out_dir*: ``chronogen build``."""
    writers = case_outputs(formats)  # a wrong format fails before any reading
    case = read_case(case_dir, settings=settings, progress=progress)
    return write_outputs(case, out_dir, as_at=as_at, formats=[w.name for w in writers],
                         anonymise=anonymise, anonymised_out=anonymised_out, dpi=dpi,
                         progress=progress)

"""Reading a whole case folder into a :class:`~chronogen.model.Case`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from chronogen.errors import InputFileNotFound
from chronogen.flags import find_flags
from chronogen.flags.summaries import summarise
from chronogen.model.case import AgencySource, Case
from chronogen.model.family import Family
from chronogen.model.problems import Problem, ProblemCode, Severity
from chronogen.read.agencies import agency_code
from chronogen.read.agency import read_agency_file
from chronogen.read.family import read_family_file
from chronogen.read.layout import ColumnMapping
from chronogen.read.manifest import MANIFEST_NAME, Manifest, guess_manifest, load_manifest
from chronogen.timeline import merge


def locate_case(path: Path) -> tuple[Path, Manifest]:
    """The case folder and its manifest (``case.toml``, or guessed from the files)."""
    if path.is_file() and path.name.endswith(".toml"):
        return path.parent, load_manifest(path)
    if not path.exists():
        raise InputFileNotFound(f"{path}: case folder not found")
    if not path.is_dir():
        raise InputFileNotFound(f"{path}: not a folder (give the case folder or its case.toml)")
    manifest_path = path / MANIFEST_NAME
    if manifest_path.exists():
        return path, load_manifest(manifest_path)
    return path, guess_manifest(path)


def unique_codes(agencies: list[AgencySource]) -> list[str]:
    """An entry-id prefix per agency file, unique within the case."""
    codes: list[str] = []
    for source in agencies:
        base = source.code or agency_code(source.name)
        code, n = base, 2
        while code in codes:
            code, n = f"{base}{n}", n + 1
        codes.append(code)
    return codes


Progress = Callable[[str], None]


def no_progress(message: str) -> None:
    """The default progress report: none."""


def read_case(path: Path | str, *, progress: Progress = no_progress) -> Case:
    """Read a case folder (or its ``case.toml``) into a merged :class:`Case`.

    Raises :class:`~chronogen.errors.ChronogenError` subclasses only for input that cannot be
    used at all; problems in rows become ``case.problems`` and ``case.rejected``. *progress*
    is told what is being done, for long cases.
    """
    folder, manifest = locate_case(Path(path))
    problems: list[Problem] = [
        Problem(code=ProblemCode.ASSUMPTION, severity=Severity.INFO, message=text)
        for text in manifest.assumptions
    ]
    family = Family()
    if manifest.family is None:
        problems.append(Problem(
            code=ProblemCode.ASSUMPTION, severity=Severity.WARNING,
            message="no family file: without the family, children cannot be told apart, so "
                    "who was seen, views, unseen periods and adults in the household cannot be "
                    "worked out; add the family (see docs/genogram.md) and name it in case.toml"))
    else:
        progress(f"reading the family: {manifest.family.file}")
        family_result = read_family_file(folder / manifest.family.file,
                                         display_name=manifest.family.file)
        family = family_result.family
        problems.extend(family_result.problems)

    case = Case(title=manifest.title, family=family, agencies=manifest.agencies,
                settings=manifest.settings)
    all_entries = []
    for source, code in zip(manifest.agencies, unique_codes(manifest.agencies), strict=True):
        mapping = ColumnMapping.load(folder / source.mapping) if source.mapping else None
        progress(f"reading {source.name}: {source.file}")
        result = read_agency_file(folder / source.file, agency=source.name, code=code,
                                  family=family, sheet=source.sheet, mapping=mapping,
                                  display_name=source.file)
        all_entries.extend(result.entries)
        case.rejected.extend(result.rejected)
        problems.extend(result.problems)
        case.files.extend(result.reports)
    progress(f"merging {len(all_entries)} entries")
    timeline = merge(all_entries, [a.name for a in manifest.agencies])
    case.entries = timeline.entries
    case.joint_events = timeline.joint_events
    case.problems = problems
    progress("looking for gaps (flags)")
    case.flags = find_flags(case)
    case.summaries = summarise(case)
    return case

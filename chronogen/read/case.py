"""Reading a whole case folder into a :class:`~chronogen.model.Case`: files only, no analysis."""

from __future__ import annotations

from pathlib import Path

from chronogen.bulk import in_bulk
from chronogen.domain.agencies import agency_code
from chronogen.errors import InputError
from chronogen.model.case import AgencySource, Case
from chronogen.model.family import Family
from chronogen.model.problems import Problem, ProblemCode, Severity
from chronogen.progress import Progress, no_progress
from chronogen.read.family.reader import read_family_file
from chronogen.read.manifest import locate_case
from chronogen.read.returns.layout import ColumnMapping
from chronogen.read.returns.reader import read_agency_file


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


def within(folder: Path, relative: str, what: str, allow_outside: bool) -> Path:
    """*relative* under the case folder; an :class:`InputError` when it (or a link it goes
    through) leads outside the folder, unless *allow_outside*."""
    if "\x00" in relative:  # a TOML "\u0000": no file system allows it in a name
        raise InputError(f"{relative!r}: the {what}'s name holds a NUL character; check "
                         "case.toml")
    path = folder / relative
    if allow_outside:
        return path
    resolved, root = path.resolve(), folder.resolve()
    if not resolved.is_relative_to(root):
        raise InputError(f"{relative}: the {what} is outside the case folder ({resolved}); "
                         "move it into the folder, or give --allow-outside "
                         "(allow_outside=True) if that is meant")
    return path


@in_bulk
def read_case_files(path: Path | str, *, allow_outside: bool = False,
                    progress: Progress = no_progress, keep_raw: bool = True) -> Case:
    """Read a case folder (or its ``case.toml``) into a :class:`Case` whose entries are in
    the order of the files and their rows: not yet merged, flagged or summarised (that is
    :func:`chronogen.analyse_case`; :func:`chronogen.read_case` does both).

    Raises :class:`~chronogen.errors.ChronogenError` subclasses only for input that cannot be
    used at all; problems in rows become ``case.problems`` and ``case.rejected``. Every file
    must be inside the case folder unless *allow_outside*. *progress* is told what is being
    done, for long cases. Without *keep_raw* the entries' ``raw`` cells are not kept (see
    :func:`~chronogen.read_agency_file`).
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
        family_path = within(folder, manifest.family.file, "family file", allow_outside)
        family_result = read_family_file(family_path,
                                         display_name=manifest.family.file,
                                         limits=manifest.limits)
        family = family_result.family
        problems.extend(family_result.problems)

    case = Case(title=manifest.title, marking=manifest.marking, review=manifest.review,
                family=family,
                agencies=manifest.agencies,
                settings=manifest.settings, publication=manifest.publication,
                limits=manifest.limits)
    all_entries = []
    seen: dict[tuple[Path, str | None], str] = {}
    for source, code in zip(manifest.agencies, unique_codes(manifest.agencies), strict=True):
        file = within(folder, source.file, "agency file", allow_outside)
        key = (file.resolve(), source.sheet)
        if key in seen:
            problems.append(Problem(
                code=ProblemCode.DUPLICATE_SOURCE, severity=Severity.WARNING, file=source.file,
                message=f"case.toml names this file twice (for {seen[key]!r} and "
                        f"{source.name!r}): it was read once, as {seen[key]!r}"))
            continue
        seen[key] = source.name
        mapping = ColumnMapping.load(within(folder, source.mapping, "mapping file",
                                            allow_outside)) if source.mapping else None
        progress(f"reading {source.name}: {source.file}")
        result = read_agency_file(file, agency=source.name, code=code,
                                  family=family, sheet=source.sheet, mapping=mapping,
                                  display_name=source.file, limits=manifest.limits,
                                  keep_raw=keep_raw)
        all_entries.extend(result.entries)
        case.notes.extend(result.notes)
        case.rejected.extend(result.rejected)
        problems.extend(result.problems)
        case.files.extend(result.reports)
    case.entries = all_entries
    case.problems = problems
    return case

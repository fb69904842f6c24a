"""chronogen: multi-agency chronologies and genograms for child-safeguarding case reviews.

The public API. Each stage is a plain function over Pydantic models::

    import chronogen
    case = chronogen.read_case("my-case/")          # read, merge, flag, summarise
    chronogen.write_outputs(case, Path("out/"))     # every output
    graph = chronogen.draw(case.family)         # networkx MultiDiGraph

Names are imported on first use (``chronogen.read_case`` loads the readers, not the
genogram), so ``import chronogen`` and ``chronogen --version`` stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from chronogen._version import __version__

if TYPE_CHECKING:
    from chronogen.across_reviews import OverviewResult, overview
    from chronogen.analyse import analyse_case
    from chronogen.analyse.flags import find_flags
    from chronogen.analyse.summaries import summarise
    from chronogen.analyse.timeline import Timeline, merge
    from chronogen.dates import ParsedDateTime, PartialDate, Precision, Qualifier, parse_date_time
    from chronogen.domain.family_graph import genogram
    from chronogen.domain.kinship import Kinship
    from chronogen.domain.people import PersonRow, people_table
    from chronogen.draw.dot import to_dot
    from chronogen.draw.render import draw_genogram, render
    from chronogen.errors import (
        ChronogenError,
        DateError,
        InputError,
        InputFileNotFound,
        ManifestError,
        OutputFormatError,
        RenderError,
        UnreadableFileError,
    )
    from chronogen.model import (
        AgencySource,
        Case,
        ChildRecord,
        ContactKind,
        Entry,
        Family,
        FileReport,
        Flag,
        FlagCode,
        FlagSeverity,
        HouseholdMembership,
        JointEvent,
        ParentKind,
        ParentLink,
        ParentRole,
        Partnership,
        PartnershipEnd,
        PartnershipKind,
        Person,
        PregnancyOutcome,
        Problem,
        ProblemCode,
        Recorded,
        RejectedRow,
        Relation,
        RelationKind,
        Settings,
        Severity,
        Sex,
        SourceRef,
    )
    from chronogen.model.overview import Overview, ReviewFigures
    from chronogen.model.review import Review
    from chronogen.model.summary import AgencySummary, ChildSummary, MonthSummary, Summaries
    from chronogen.pipeline import BuildResult, build, read_case, write_outputs
    from chronogen.read.case import read_case_files
    from chronogen.read.family.reader import FamilyResult, load_family, read_family_file
    from chronogen.read.returns.layout import ColumnMapping
    from chronogen.read.returns.reader import AgencyResult, read_agency_file
    from chronogen.write.csv_file import write_csv
    from chronogen.write.genogram_files import render_genogram
    from chronogen.write.json_file import case_to_json, read_case_json, write_json
    from chronogen.write.xlsx_file import write_xlsx

_EXPORTS: dict[str, str] = {
    "overview": "chronogen.across_reviews",
    "OverviewResult": "chronogen.across_reviews",
    "Overview": "chronogen.model.overview",
    "ReviewFigures": "chronogen.model.overview",
    "Review": "chronogen.model.review",
    "AgencyResult": "chronogen.read.returns.reader",
    "AgencySource": "chronogen.model",
    "AgencySummary": "chronogen.model.summary",
    "analyse_case": "chronogen.analyse",
    "build": "chronogen.pipeline",
    "BuildResult": "chronogen.pipeline",
    "Case": "chronogen.model",
    "case_to_json": "chronogen.write.json_file",
    "ChildRecord": "chronogen.model",
    "ChildSummary": "chronogen.model.summary",
    "ChronogenError": "chronogen.errors",
    "ColumnMapping": "chronogen.read.returns.layout",
    "ContactKind": "chronogen.model",
    "DateError": "chronogen.errors",
    "draw_genogram": "chronogen.draw.render",
    "Entry": "chronogen.model",
    "Family": "chronogen.model",
    "FamilyResult": "chronogen.read.family.reader",
    "FileReport": "chronogen.model",
    "find_flags": "chronogen.analyse.flags",
    "Flag": "chronogen.model",
    "FlagCode": "chronogen.model",
    "FlagSeverity": "chronogen.model",
    "genogram": "chronogen.domain.family_graph",
    "HouseholdMembership": "chronogen.model",
    "InputError": "chronogen.errors",
    "InputFileNotFound": "chronogen.errors",
    "JointEvent": "chronogen.model",
    "Kinship": "chronogen.domain.kinship",
    "load_family": "chronogen.read.family.reader",
    "ManifestError": "chronogen.errors",
    "merge": "chronogen.analyse.timeline",
    "MonthSummary": "chronogen.model.summary",
    "OutputFormatError": "chronogen.errors",
    "ParentKind": "chronogen.model",
    "ParentLink": "chronogen.model",
    "ParentRole": "chronogen.model",
    "parse_date_time": "chronogen.dates",
    "ParsedDateTime": "chronogen.dates",
    "PartialDate": "chronogen.dates",
    "Partnership": "chronogen.model",
    "PartnershipEnd": "chronogen.model",
    "PartnershipKind": "chronogen.model",
    "people_table": "chronogen.domain.people",
    "Person": "chronogen.model",
    "PersonRow": "chronogen.domain.people",
    "Precision": "chronogen.dates",
    "PregnancyOutcome": "chronogen.model",
    "Problem": "chronogen.model",
    "ProblemCode": "chronogen.model",
    "Qualifier": "chronogen.dates",
    "read_agency_file": "chronogen.read.returns.reader",
    "read_case": "chronogen.pipeline",
    "read_case_files": "chronogen.read.case",
    "read_case_json": "chronogen.write.json_file",
    "read_family_file": "chronogen.read.family.reader",
    "Recorded": "chronogen.model",
    "RejectedRow": "chronogen.model",
    "Relation": "chronogen.model",
    "RelationKind": "chronogen.model",
    "render": "chronogen.draw.render",
    "render_genogram": "chronogen.write.genogram_files",
    "RenderError": "chronogen.errors",
    "Settings": "chronogen.model",
    "Severity": "chronogen.model",
    "Sex": "chronogen.model",
    "SourceRef": "chronogen.model",
    "Summaries": "chronogen.model.summary",
    "summarise": "chronogen.analyse.summaries",
    "Timeline": "chronogen.analyse.timeline",
    "to_dot": "chronogen.draw.dot",
    "UnreadableFileError": "chronogen.errors",
    "write_csv": "chronogen.write.csv_file",
    "write_json": "chronogen.write.json_file",
    "write_outputs": "chronogen.pipeline",
    "write_xlsx": "chronogen.write.xlsx_file",
}

__all__ = [
    "AgencyResult",
    "AgencySource",
    "AgencySummary",
    "BuildResult",
    "Case",
    "ChildRecord",
    "ChildSummary",
    "ChronogenError",
    "ColumnMapping",
    "ContactKind",
    "DateError",
    "Entry",
    "Family",
    "FamilyResult",
    "FileReport",
    "Flag",
    "FlagCode",
    "FlagSeverity",
    "HouseholdMembership",
    "InputError",
    "InputFileNotFound",
    "JointEvent",
    "Kinship",
    "ManifestError",
    "MonthSummary",
    "OutputFormatError",
    "Overview",
    "OverviewResult",
    "ParentKind",
    "ParentLink",
    "ParentRole",
    "ParsedDateTime",
    "PartialDate",
    "Partnership",
    "PartnershipEnd",
    "PartnershipKind",
    "Person",
    "PersonRow",
    "Precision",
    "PregnancyOutcome",
    "Problem",
    "ProblemCode",
    "Qualifier",
    "Recorded",
    "RejectedRow",
    "Relation",
    "RelationKind",
    "RenderError",
    "Review",
    "ReviewFigures",
    "Settings",
    "Severity",
    "Sex",
    "SourceRef",
    "Summaries",
    "Timeline",
    "UnreadableFileError",
    "__version__",
    "analyse_case",
    "build",
    "case_to_json",
    "draw_genogram",
    "find_flags",
    "genogram",
    "load_family",
    "merge",
    "overview",
    "parse_date_time",
    "people_table",
    "read_agency_file",
    "read_case",
    "read_case_files",
    "read_case_json",
    "read_family_file",
    "render",
    "render_genogram",
    "summarise",
    "to_dot",
    "write_csv",
    "write_json",
    "write_outputs",
    "write_xlsx",
]


def __getattr__(name: str) -> Any:
    try:
        module = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'chronogen' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

"""chronogen: multi-agency chronologies and genograms for child-safeguarding case reviews.

The public API. Each stage is a plain function over Pydantic models::

    import chronogen
    case = chronogen.read_case("my-case/")          # read + merge
    chronogen.write_outputs(case, Path("out/"))     # every output
    graph = chronogen.genogram(case.family)         # networkx MultiDiGraph
"""

from chronogen._version import __version__
from chronogen.build import BuildResult, build, write_outputs
from chronogen.dates import ParsedDateTime, PartialDate, Precision, Qualifier, parse_date_time
from chronogen.errors import (
    ChronogenError,
    DateError,
    InputError,
    InputFileNotFound,
    ManifestError,
    RenderError,
    UnreadableFileError,
)
from chronogen.flags import find_flags
from chronogen.flags.summaries import summarise
from chronogen.genogram.dot import to_dot
from chronogen.genogram.graph import genogram
from chronogen.genogram.kinship import Kinship
from chronogen.genogram.people import PersonRow, people_table
from chronogen.genogram.render import render, render_genogram
from chronogen.model import (
    AgencySource,
    Case,
    ChildRecord,
    ContactKind,
    Entry,
    Family,
    FileReport,
    Flag,
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
from chronogen.model.summary import AgencySummary, ChildSummary, MonthSummary, Summaries
from chronogen.read.agency import AgencyResult, read_agency_file
from chronogen.read.case import read_case
from chronogen.read.family import FamilyResult, load_family, read_family_file
from chronogen.read.layout import ColumnMapping
from chronogen.timeline import Timeline, merge
from chronogen.write.csv_file import write_csv
from chronogen.write.json_file import case_to_json, read_case_json, write_json
from chronogen.write.xlsx_file import write_xlsx

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
    "FlagSeverity",
    "HouseholdMembership",
    "InputError",
    "InputFileNotFound",
    "JointEvent",
    "Kinship",
    "ManifestError",
    "MonthSummary",
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
    "Settings",
    "Severity",
    "Sex",
    "SourceRef",
    "Summaries",
    "Timeline",
    "UnreadableFileError",
    "__version__",
    "build",
    "case_to_json",
    "find_flags",
    "genogram",
    "load_family",
    "merge",
    "parse_date_time",
    "people_table",
    "read_agency_file",
    "read_case",
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

"""The vocabulary of a case review: family, chronology entries, problems, flags."""

from chronogen.model.case import AgencySource, Case, Limits, Publication, Settings
from chronogen.model.chronology import (
    AuthorNote,
    ChildRecord,
    ContactKind,
    Entry,
    FileReport,
    JointEvent,
    RawValue,
    RejectedRow,
)
from chronogen.model.family import (
    Family,
    HouseholdMembership,
    ParentKind,
    ParentLink,
    ParentRole,
    Partnership,
    PartnershipEnd,
    PartnershipKind,
    Person,
    PregnancyOutcome,
    Relation,
    RelationKind,
    Sex,
)
from chronogen.model.flag import Flag, FlagCode, FlagSeverity
from chronogen.model.problems import Problem, ProblemCode, Severity, SourceRef
from chronogen.model.recorded import Recorded

__all__ = [
    "AgencySource",
    "AuthorNote",
    "Case",
    "ChildRecord",
    "ContactKind",
    "Entry",
    "Family",
    "FileReport",
    "Flag",
    "FlagCode",
    "FlagSeverity",
    "HouseholdMembership",
    "JointEvent",
    "Limits",
    "ParentKind",
    "ParentLink",
    "ParentRole",
    "Partnership",
    "PartnershipEnd",
    "PartnershipKind",
    "Person",
    "PregnancyOutcome",
    "Problem",
    "ProblemCode",
    "Publication",
    "RawValue",
    "Recorded",
    "RejectedRow",
    "Relation",
    "RelationKind",
    "Settings",
    "Severity",
    "Sex",
    "SourceRef",
]

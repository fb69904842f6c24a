"""A flag: an invitation to look at something in the chronology, with its evidence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from chronogen.dates import PartialDate


class FlagSeverity(StrEnum):
    """How strongly a flag asks for attention."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


class Flag(BaseModel):
    """One finding: a stable code, a message a reviewer can paste, people, period, evidence."""

    code: str
    severity: FlagSeverity
    message: str
    people: list[str] = Field(default_factory=list)
    period: PartialDate | None = None
    #: ids of the entries that show it; each resolves to a file, sheet and row
    evidence: list[str] = Field(default_factory=list)

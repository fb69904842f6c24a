"""Summaries of a chronology: per agency, per subject child, per month."""

from __future__ import annotations

from pydantic import BaseModel, Field

from chronogen.dates import PartialDate


class AgencySummary(BaseModel):
    """How one agency's contacts record the children."""

    agency: str
    contacts: int
    #: contacts that concern at least one subject child
    about_children: int
    #: ... in which at least one child was recorded as seen
    child_seen: int
    #: ... in which a child's views were recorded
    views_recorded: int
    #: ... that do not say whether any child was seen
    seen_not_recorded: int


class ChildSummary(BaseModel):
    """How often, and by whom, one subject child was seen."""

    child: str
    name: str
    times_seen: int
    #: ... of which the record says the child was seen alone (without a parent or carer)
    times_seen_alone: int = 0
    #: agency -> times that agency recorded seeing the child
    seen_by: dict[str, int] = Field(default_factory=dict)
    views_recorded: int
    longest_unseen_days: int | None = None
    longest_unseen: PartialDate | None = None
    missed_appointments: int
    no_access_visits: int


class MonthSummary(BaseModel):
    """Contacts in one calendar month (entries dated to at least the month)."""

    month: str
    contacts: int
    child_seen: int


class Summaries(BaseModel):
    """All three summaries."""

    agencies: list[AgencySummary] = Field(default_factory=list)
    children: list[ChildSummary] = Field(default_factory=list)
    months: list[MonthSummary] = Field(default_factory=list)

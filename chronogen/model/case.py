"""A whole case: the family, every entry, every rejected row, problems and flags."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from chronogen.model.chronology import AuthorNote, Entry, FileReport, JointEvent, RejectedRow
from chronogen.model.family import Family
from chronogen.model.flag import Flag
from chronogen.model.problems import Problem
from chronogen.model.review import Review
from chronogen.model.summary import Summaries

SCHEMA_VERSION = 1
#: the protective marking of a case review's working papers (Government Security Classifications)
DEFAULT_MARKING = "OFFICIAL-SENSITIVE"


class Settings(BaseModel):
    """Thresholds for the flags, set in ``case.toml`` under ``[settings]``."""

    model_config = ConfigDict(extra="forbid")

    unseen_days: int = Field(default=28, ge=1, le=36_500, description=(
        "Days with no agency seeing a subject child before the gap is flagged"))
    referral_working_days: int = Field(default=3, ge=1, le=2_600, description=(
        "Working days within which a receiving agency should record a referral"))
    views_from_age: int = Field(default=3, ge=0, le=18, description=(
        "Age in years from which a child's views are expected to be sought"))
    was_not_brought_cluster: int = Field(default=2, ge=1, le=10_000, description=(
        "Missed appointments (was not brought) that make a cluster ..."))
    was_not_brought_months: int = Field(default=6, ge=1, le=1_200, description=(
        "... within this many months"))
    hidden_adult_exclude_agencies: list[str] = Field(
        default_factory=lambda: ["Police"], description=(
            "Agencies whose contacts do not count as seeing an adult in the household"))
    parental_focus_share: float = Field(default=0.5, ge=0, le=1, description=(
        "Share of an agency's direct contacts that saw a parent but no child before the "
        "agency is flagged ..."))
    parental_focus_min_contacts: int = Field(default=4, ge=1, le=1_000_000, description=(
        "... when it had at least this many direct contacts"))
    toxic_trio_months: int = Field(default=12, ge=1, le=1_200, description=(
        "Months within which domestic abuse, mental ill health and substance misuse are "
        "read together"))
    start_again_referrals: int = Field(default=2, ge=2, le=10_000, description=(
        "Referrals into one agency, each after a closure, that make a start-again pattern"))

    def described(self) -> list[tuple[str, str, str]]:
        """Each setting as (what it means, its ``case.toml`` key, its value as text), for
        the appendix's list of the settings the flags used."""
        rows = []
        for key, field in type(self).model_fields.items():
            value = getattr(self, key)
            text = ", ".join(value) if isinstance(value, list) else f"{value:g}" \
                if isinstance(value, float) else str(value)
            rows.append((field.description or key, key, text))
        return rows


class Limits(BaseModel):
    """How big an input may be before chronogen refuses it (``[limits]`` in case.toml).

    The defaults are far above any real agency return and far below what would exhaust an
    ordinary laptop: a hostile or damaged file is refused in seconds, in bounded memory.
    """

    model_config = ConfigDict(extra="forbid")

    #: the size of one input file on disk
    max_file_mb: int = Field(default=200, ge=1, le=10_000)
    #: the size of one sheet's XML once unzipped
    max_sheet_mb: int = Field(default=500, ge=1, le=50_000)
    #: how many times larger than its compressed size a sheet's XML may be
    max_compression_ratio: int = Field(default=200, ge=10, le=100_000)
    #: rows x columns of the area a sheet's cells span
    max_cells: int = Field(default=10_000_000, ge=1_000, le=2_000_000_000)
    #: characters in one cell of a CSV file
    max_cell_chars: int = Field(default=1_000_000, ge=1_000, le=100_000_000)


class Publication(BaseModel):
    """How the anonymised set for publication is made (``[publication]`` in case.toml)."""

    model_config = ConfigDict(extra="forbid")

    #: dates of birth become the year ("year") or are left out, ages only ("age")
    birth: Literal["year", "age"] = "year"
    #: person id -> the pseudonym to use instead of the one made from their role
    pseudonyms: dict[str, str] = Field(default_factory=dict)
    #: the marking printed on every page of the anonymised set
    marking: str = "ANONYMISED FOR PUBLICATION: CHECK BEFORE RELEASE"


class AgencySource(BaseModel):
    """An agency chronology named in ``case.toml``."""

    model_config = ConfigDict(extra="forbid")

    name: str
    file: str
    code: str | None = None
    sheet: str | None = None
    mapping: str | None = None


class Case(BaseModel):
    """Everything read from a case folder, merged and checked.

    Its JSON form (``case.json``) is public: see ``docs/case-json.md``.
    """

    schema_version: int = SCHEMA_VERSION
    title: str
    #: printed on every page of the appendix (``marking`` in case.toml)
    marking: str = DEFAULT_MARKING
    #: what the review is (``[review]`` in case.toml): read by the overview across reviews
    review: Review = Field(default_factory=Review)
    family: Family = Field(default_factory=Family)
    agencies: list[AgencySource] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    joint_events: list[JointEvent] = Field(default_factory=list)
    rejected: list[RejectedRow] = Field(default_factory=list)
    #: author's-note rows from the returns, with their source
    notes: list[AuthorNote] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    summaries: Summaries = Field(default_factory=Summaries)
    files: list[FileReport] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    publication: Publication = Field(default_factory=Publication)
    limits: Limits = Field(default_factory=Limits)

    def entry(self, entry_id: str) -> Entry:
        """The entry with *entry_id*; KeyError if there is none."""
        for candidate in self.entries:
            if candidate.id == entry_id:
                return candidate
        raise KeyError(entry_id)

"""The overview across reviews: one row of figures per review and the tables across them.

Its JSON form (``overview.json``) is public; its JSON Schema is ``docs/overview.schema.json``
(and ``overview.schema.json`` beside every overview). No figure names a person: reviews are
known by their id, children by their place in the family ("Child A", as the anonymised
set calls them).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from chronogen.model.family import Sex
from chronogen.model.recorded import Recorded

OVERVIEW_SCHEMA_VERSION = 1

#: the recording rates: (measure, the figure counted) over the contacts a child could be
#: seen in
MEASURES = (
    ("whether the child was seen is recorded", "seen_recorded"),
    ("the child was seen", "seen"),
    ("the child's views are recorded", "views_recorded"),
    ("only the record's words say the child was seen", "seen_in_words_only"),
    ("only the record's words give the child's own", "views_in_words_only"),
)
#: the age bands the national studies print
AGE_BANDS = ("under 1", "1-5", "6-10", "11-15", "16+", "unknown")
#: the rows of the disability table, in order
DISABILITY_ANSWERS = (Recorded.YES, Recorded.NO, Recorded.NOT_RECORDED)


def age_band(years: int | None) -> str:
    """The band of an age in whole years (``None``: unknown)."""
    if years is None or years < 0:
        return "unknown"
    if years < 1:
        return "under 1"
    if years <= 5:
        return "1-5"
    if years <= 10:
        return "6-10"
    if years <= 15:
        return "11-15"
    return "16+"


class ChildFigures(BaseModel):
    """One subject child of one review."""

    #: "Child A" (the index child), "Child B", ... as the anonymised set calls them: never a
    #: name
    label: str
    index: bool = False
    sex: Sex = Sex.UNKNOWN
    #: whole years on the day of the incident (or of the last entry: see ``age_at``)
    age: int | None = None
    age_band: str = "unknown"
    ethnicity_recorded: bool = False
    #: a disability or special educational need recorded: yes, no (recorded as none), or
    #: not recorded
    disabled: Recorded = Recorded.NOT_RECORDED
    #: direct contacts about this child, in which the child could have been seen
    contacts: int = 0
    #: ... that say whether the child was seen (yes or no)
    seen_recorded: int = 0
    #: ... that say the child was seen
    seen: int = 0
    #: ... that record the child's views
    views_recorded: int = 0
    #: ... whose seen column says nothing of the child but whose words say the child was
    #: seen ("Mia seen in class"; read narrowly: :mod:`chronogen.domain.child_words`)
    seen_in_words_only: int = 0
    #: ... whose views column says nothing but whose words give the child's own ("Mia
    #: said ...", "Spoke to Mia alone")
    views_in_words_only: int = 0
    longest_unseen_days: int | None = None


class ReviewFigures(BaseModel):
    """One review's row in the overview."""

    review: str
    #: True when case.toml gave no id and one was made from the input's path
    id_made_up: bool = False
    type: str | None = None
    partnership: str | None = None
    incident_year: int | None = None
    #: the day the children's ages are taken on
    age_at: Literal["incident", "last entry", "unknown"] = "unknown"
    #: where it was read from: a case folder or a case.json
    read_from: Literal["case folder", "case.json"] = "case folder"
    children: list[ChildFigures] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)
    entries: int = 0
    first_date: str | None = None
    last_date: str | None = None
    #: family members (not placeholders or pregnancies) and how many have an ethnicity
    family_members: int = 0
    ethnicity_recorded: int = 0
    #: summed over the children: see :class:`ChildFigures`
    contacts: int = 0
    seen_recorded: int = 0
    seen: int = 0
    views_recorded: int = 0
    seen_in_words_only: int = 0
    views_in_words_only: int = 0
    #: every flag code, in the listing order, with how many flags of it the review has
    flags: dict[str, int] = Field(default_factory=dict)
    panel_themes: list[str] = Field(default_factory=list)
    flag_themes: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    #: the review's own input problems, by severity and by code (the messages stay in its
    #: own build: they quote the records)
    problems: dict[str, int] = Field(default_factory=dict)
    problem_codes: dict[str, int] = Field(default_factory=dict)
    #: rows of its returns that did not become entries
    rejected_rows: int = 0


class Spread(BaseModel):
    """A recording rate across reviews: each review's share, summarised."""

    measure: str
    #: reviews with at least one contact to count
    reviews: int = 0
    #: every review's numerators over every review's denominators
    pooled: float | None = None
    median: float | None = None
    lower_quartile: float | None = None
    upper_quartile: float | None = None
    minimum: float | None = None
    maximum: float | None = None


class Count(BaseModel):
    """How many reviews have something, and their share of all reviews."""

    name: str
    reviews: int
    share: float
    #: what it means, in plain words (for flag codes)
    explanation: str | None = None


class Pair(BaseModel):
    """Two themes found in the same reviews."""

    first: str
    second: str
    reviews: int


class OverviewProblem(BaseModel):
    """Something about one input the overview could not use, or had to assume.

    ``message`` names no file (a path often holds a family's name) and goes into the
    overview; ``detail``, with the path and the reason, is only told on the terminal."""

    review: str | None = None
    severity: Literal["error", "warning", "info"]
    message: str
    detail: str | None = Field(default=None, exclude=True)


class Overview(BaseModel):
    """Every review's figures and the tables across them."""

    schema_version: int = OVERVIEW_SCHEMA_VERSION
    reviews: list[ReviewFigures] = Field(default_factory=list)
    children: int = 0
    age_bands: dict[str, int] = Field(default_factory=dict)
    sex: dict[str, int] = Field(default_factory=dict)
    #: subject children by whether a disability or special educational need is recorded
    disability: dict[str, int] = Field(default_factory=dict)
    review_types: dict[str, int] = Field(default_factory=dict)
    themes: list[Count] = Field(default_factory=list)
    co_occurrence: list[Pair] = Field(default_factory=list)
    gaps: list[Count] = Field(default_factory=list)
    agencies: list[Count] = Field(default_factory=list)
    recording: list[Spread] = Field(default_factory=list)
    problems: list[OverviewProblem] = Field(default_factory=list)

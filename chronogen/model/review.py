"""What a case review is, as the partnership records it (``[review]`` in ``case.toml``).

The overview across reviews reads it: the review's id (the only name a review has in an
overview), its type, the partnership, the day of the incident the review is about, and the
themes the panel recorded.

.. code-block:: toml

    [review]
    id = "NP-2024-017"
    type = "CSPR"                 # rapid review | CSPR | LCSPR | SCR
    partnership = "Northshire Safeguarding Children Partnership"
    incident = 2024-03-14         # or "14/03/2024"
    themes = ["neglect", "domestic abuse"]
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chronogen.dates import Precision, parse_date_time
from chronogen.errors import DateError


class ReviewType(StrEnum):
    """The kinds of review in England, old and new."""

    RAPID_REVIEW = "rapid review"
    CSPR = "CSPR"
    LCSPR = "LCSPR"
    NATIONAL = "national review"
    SCR = "SCR"
    OTHER = "other"


_TYPE_WORDS = {
    "rapid review": ReviewType.RAPID_REVIEW, "rapid": ReviewType.RAPID_REVIEW,
    "rr": ReviewType.RAPID_REVIEW,
    "cspr": ReviewType.CSPR, "child safeguarding practice review": ReviewType.CSPR,
    "lcspr": ReviewType.LCSPR,
    "local child safeguarding practice review": ReviewType.LCSPR,
    "national review": ReviewType.NATIONAL, "ncspr": ReviewType.NATIONAL,
    "national child safeguarding practice review": ReviewType.NATIONAL,
    "scr": ReviewType.SCR, "serious case review": ReviewType.SCR,
    "other": ReviewType.OTHER,
}

#: the panel's usual words for its themes, and the other ways reviews write them
THEME_ALIASES: dict[str, tuple[str, ...]] = {
    "neglect": ("neglect", "chronic neglect"),
    "domestic abuse": ("domestic abuse", "domestic violence", "da", "dv", "dva"),
    "parental mental ill health": ("parental mental ill health", "mental ill health",
                                   "parental mental health", "mental health"),
    "parental substance misuse": ("parental substance misuse", "substance misuse",
                                  "drug and alcohol misuse", "drugs and alcohol",
                                  "alcohol misuse", "drug misuse"),
    "physical abuse": ("physical abuse", "non-accidental injury", "nai"),
    "sexual abuse": ("sexual abuse", "child sexual abuse", "csa"),
    "emotional abuse": ("emotional abuse",),
    "sudden unexpected infant death": ("sudden unexpected infant death", "sudi",
                                       "unsafe sleep", "co-sleeping"),
    "child criminal exploitation": ("child criminal exploitation", "cce", "county lines"),
    "child sexual exploitation": ("child sexual exploitation", "cse"),
    "extra-familial harm": ("extra-familial harm", "extra familial harm", "contextual harm"),
    "suicide and self-harm": ("suicide", "self-harm", "self harm", "suicide and self-harm"),
    "disabled child": ("disabled child", "disability", "special educational needs", "send"),
    "non-mobile baby bruising": ("bruising in non-mobile babies", "non-mobile baby bruising",
                                 "bruising"),
    "online harm": ("online harm", "online abuse"),
    "radicalisation": ("radicalisation",),
}
_THEME_WORDS = {alias: theme for theme, aliases in THEME_ALIASES.items()
                for alias in (theme, *aliases)}


def theme_name(text: str) -> str:
    """A theme in the panel's usual words ("DV" -> "domestic abuse"); any other theme is
    kept, in lower case with its spaces tidied."""
    key = re.sub(r"\s+", " ", text.strip().lower().replace("’", "'"))
    return _THEME_WORDS.get(key, key)


class Review(BaseModel):
    """``[review]`` in ``case.toml``: every key is optional but the id is what an overview
    calls the review (without it, a made-up id from the folder's path)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, min_length=1, max_length=80, description=(
        "The review's reference, e.g. NP-2024-017: the only name it has in an overview"))
    type: ReviewType | None = Field(default=None, description=(
        "rapid review, CSPR, LCSPR, national review or SCR"))
    partnership: str | None = Field(default=None, max_length=200, description=(
        "The safeguarding partnership that commissioned the review"))
    incident: date | None = Field(default=None, description=(
        "The day of the incident the review is about; children's ages are taken on it"))
    themes: list[str] = Field(default_factory=list, description=(
        "The themes the panel recorded (neglect, domestic abuse, ...)"))

    @field_validator("type", mode="before")
    @classmethod
    def _type_words(cls, value: object) -> object:
        if isinstance(value, str):
            found = _TYPE_WORDS.get(re.sub(r"\s+", " ", value.strip().lower()))
            if found is None:
                raise ValueError(f"{value!r} is not a review type: use rapid review, CSPR, "
                                 "LCSPR, national review, SCR or other")
            return found
        return value

    @field_validator("incident", mode="before")
    @classmethod
    def _day_first(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                parsed = parse_date_time(value).date
            except DateError as error:
                raise ValueError(str(error)) from error
            if parsed.precision is not Precision.DAY or parsed.earliest is None:
                raise ValueError(f"{value!r} is not one day: give the incident's date")
            return parsed.earliest
        return value

    @field_validator("themes")
    @classmethod
    def _theme_words(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(theme_name(t) for t in value if t.strip()))

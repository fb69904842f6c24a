"""Column headings agencies use, and the chronogen field each one means.

Headings are compared after :func:`normalise_heading`: lower case, punctuation and extra
spaces removed, so ``Child(ren) Seen?`` and ``child ren seen`` are the same heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from chronogen.read.table import normalise_heading


class Field(StrEnum):
    """The fields of an agency chronology row."""

    DATE = "date"
    TIME = "time"
    DATE_TIME = "date_time"
    END_DATE = "end_date"
    AGENCY = "agency"
    KIND = "kind"
    SUMMARY = "summary"
    OUTCOME = "outcome"
    SEEN = "seen"
    SEEN_ALONE = "seen_alone"
    VIEWS = "views"
    CHILD = "child"
    PRACTITIONER = "practitioner"
    SIGNIFICANCE = "significance"
    REFERENCE = "reference"
    REFERRAL_TO = "referral_to"
    #: where the agency's record came from ("Source: MASH", a system name)
    SOURCE = "source"
    #: mapping files may send a column here to keep it only in ``raw``, unreported
    IGNORE = "ignore"


#: Field -> the headings that mean it (any case, spacing and punctuation).
SYNONYMS: dict[Field, tuple[str, ...]] = {
    Field.DATE: (
        "date or period of event", "occurrence date", "date of concern", "step date",
        "episode date", "observation date", "start date time",
        "period", "date period", "date or period", "dates", "date s", "date of significant event",
        "significant event date", "dyddiad", "dyddiad cyswllt", "date of record", "recorded date",
        "date entered",
        "date", "date of contact", "contact date", "date of event", "event date",
        "date of incident", "incident date", "consultation date", "date of consultation",
        "appointment date", "date of appointment", "date of visit", "visit date", "when",
        "entry date", "date of entry", "start date", "date seen", "date recorded",
        "date reported", "reported date", "date of report", "date of offence", "offence date",
        "date of crime", "crime date", "date of referral", "referral date", "date received",
        "date of call", "call date", "date of meeting", "meeting date", "date of attendance",
        "attendance date", "date of admission", "admission date", "date missing",
        "date reported missing", "date of missing episode", "missing episode date",
    ),
    Field.DATE_TIME: (
        "date time", "date and time", "date & time", "incident date time",
        "date time of contact", "contact date time", "event date time",
        "date time of incident",
    ),
    Field.TIME: ("time", "time of contact", "incident time", "start time", "time of incident",
                 "amser"),
    Field.END_DATE: ("end date", "date to", "to date", "until", "date ended"),
    Field.AGENCY: ("agency", "organisation", "organization", "service", "agency name",
                   "asiantaeth", "sefydliad"),
    Field.KIND: (
        "visit type", "type of visit", "contact method", "method",
        "episode type", "step type", "observation type", "form type", "categories",
        "concern category", "occurrence type", "incident category",
        "math o gyswllt", "math",
        "contact type", "type of contact", "type", "kind", "incident type", "event type",
        "category", "appointment type", "activity", "nature of contact",
        "consultation type", "contact", "type of event", "event",
        "offence", "offence type", "crime type", "type of offence",
    ),
    Field.SUMMARY: (
        "concern summary", "occurrence summary", "case note summary", "details of concern",
        "significant event", "significant events", "event details", "event description",
        "key event", "key events", "what happened and who was present", "disgrifiad", "manylion",
        "digwyddiad", "crynodeb", "case note", "case notes", "observation", "observations",
        "free text",
        "summary", "summary of contact", "contact summary", "details", "detail",
        "description", "notes", "note", "circumstances", "what happened", "concern",
        "narrative", "information", "incident details", "details of contact",
        "summary of event", "record", "entry", "comments", "comment",
    ),
    Field.OUTCOME: (
        "action taken to mitigate adverse impact on child", "action taken by",
        "action taken outcome", "action outcome", "outcome of contact", "canlyniad",
        "camau a gymerwyd",
        "outcome", "outcomes", "action", "actions", "action taken", "outcome action",
        "outcome and action", "decision", "next steps", "response", "outcome actions",
        "actions taken", "result",
    ),
    Field.SEEN: (
        "plentyn wedi i weld", "gwelwyd y plentyn",
        "child seen", "children seen", "child ren seen", "seen", "was the child seen",
        "child seen y n", "seen y n", "spoke with child", "spoke to child",
        "child spoken to", "child seen yes no", "were the children seen",
        "was child seen", "children seen y n",
    ),
    Field.SEEN_ALONE: (
        "seen alone", "child seen alone", "child ren seen alone", "children seen alone",
        "was the child seen alone",
    ),
    Field.VIEWS: (
        "barn y plentyn", "llais y plentyn",
        "child s views", "childs views", "child s views obtained", "childs views obtained",
        "views of the child", "voice of the child", "child s voice", "childs voice",
        "child s words", "childs words", "child s wishes and feelings",
        "wishes and feelings", "what the child said", "views obtained", "child s views y n",
        "child s views recorded", "child s views sought", "views",
        "child views", "child voice", "child words",
    ),
    Field.CHILD: (
        "plentyn", "enw r plentyn",
        "child", "children", "child ren", "child name", "child s name", "childs name",
        "name of child", "pupil", "pupil name", "patient", "patient name", "young person",
        "subject", "client", "service user", "person", "name", "child concerned",
    ),
    Field.PRACTITIONER: (
        "created by", "added by", "reported by", "entered by", "recorded by officer",
        "ymarferydd", "gweithiwr",
        "practitioner", "worker", "worker role", "officer", "clinician", "staff",
        "staff member", "author", "recorded by", "professional", "by whom",
        "practitioner role", "lead professional", "job title", "role",
    ),
    Field.SIGNIFICANCE: (
        "impact either positive or negative", "impact positive or negative",
        "impact", "impact on child", "impact on the child", "impact on children",
        "effect on child", "risk", "analysis impact", "arwyddocad",
        "significance", "analysis", "relevance", "reviewer comment", "reviewer comments",
        "significance to review", "author comment", "analysis of significance",
    ),
    Field.REFERENCE: (
        "occurrence number", "occurrence no", "bundle page", "bundle ref", "sequence",
        "reference", "ref", "incident no", "incident number", "incident ref", "record id",
        "case number", "crime number", "crime no", "log number", "id", "entry id",
    ),
    Field.REFERRAL_TO: ("referral to", "referred to", "referral made to", "refer to"),
    Field.SOURCE: ("source", "source of information", "information source", "record source",
                   "system", "source document", "recorded in", "source record"),
}

_LOOKUP: dict[str, Field] = {}


for _field, _names in SYNONYMS.items():
    for _name in _names:
        _LOOKUP.setdefault(normalise_heading(_name), _field)

_REFERRAL_TO_AGENCY = re.compile(r"^(?:referral|referred|refer)(?: made)? to (?P<target>.+?)"
                                 r"(?: y n| yes no)?$")
_YN_SUFFIX = re.compile(r" (?:y n|yes no)$")


#: date headings that say when the record was made, not when the contact was: a sheet with
#: both is dated by the contact's (a late record is its own finding, not a later contact)
RECORDING_DATES = frozenset({
    "date of record", "recorded date", "date entered", "entry date", "date of entry",
    "date recorded", "date input", "input date", "date typed", "date created", "created date",
    "created"})


def is_recording_date(heading: str) -> bool:
    """Whether a date heading says when the record was made ("Date recorded")."""
    return normalise_heading(heading) in RECORDING_DATES


def columns_read(columns: Sequence[tuple[str, Field | None]]) -> dict[Field, int]:
    """Of a sheet's columns (heading, field), the place of the one read for each field: the
    first, except that a date column saying when the record was made ("Date recorded")
    gives way to one saying when the contact was ("Date of contact")."""
    found: dict[Field, int] = {}
    for place, (heading, field) in enumerate(columns):
        if field is None:
            continue
        held = found.get(field)
        if held is None or (field is Field.DATE and is_recording_date(columns[held][0])
                            and not is_recording_date(heading)):
            found[field] = place
    return found


def headings_read(columns: dict[str, str]) -> dict[str, str]:
    """A file report's columns (heading -> field name, ``case.json`` ``files[].columns``):
    each field's name -> the heading of the column read for it. A name chronogen does not
    know (a case.json written elsewhere) is no field."""
    known = {field.value: field for field in Field}
    pairs = [(heading, known.get(name)) for heading, name in columns.items()]
    return {field.value: pairs[place][0] for field, place in columns_read(pairs).items()}


def match_heading(heading: str) -> tuple[Field, str | None] | None:
    """The field a heading means, and for ``Referral to X (Y/N)`` the target agency X.

    Returns ``None`` for headings chronogen does not know.
    """
    key = normalise_heading(heading)
    if not key:
        return None
    found = _LOOKUP.get(key)
    if found is not None:
        return found, None
    stripped = _YN_SUFFIX.sub("", key)
    found = _LOOKUP.get(stripped)
    if found is not None:
        return found, None
    referral = _REFERRAL_TO_AGENCY.match(key)
    if referral is not None:
        # the column holds yes/no; the heading names the agency referred to
        return Field.REFERRAL_TO, referral_target(heading)
    return None


def referral_target(heading: str) -> str | None:
    """The agency a "Referral to X (Y/N)" heading names. Its spaces are collapsed first: the
    "(Y/N)" pattern split a long run of them every way (2,000 spaces took 12 s)."""
    target = " ".join(heading.split())
    target = re.sub(r"(?i)^\s*(referral|referred|refer)(\s+made)?\s+to\s+", "", target)
    target = re.sub(r"(?i)\s*\(?\s*(y\s*/\s*n|yes\s*/\s*no)\s*\)?\s*\??$", "", target)
    return target.strip() or None

"""A flag: an invitation to look at something in the chronology, with its evidence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from chronogen.dates import PartialDate


class FlagCode(StrEnum):
    """Stable flag codes (other tools may rely on them).

    The order here is the order flags are listed in everywhere: the child first, then the
    family, then patterns, then the data's own quality.
    """

    CHILD_NOT_SEEN = "child-not-seen"
    SEEN_NOT_RECORDED = "seen-not-recorded"
    VIEWS_NOT_RECORDED = "views-not-recorded"
    UNSEEN_PERIOD = "unseen-period"
    WAS_NOT_BROUGHT = "was-not-brought"
    NO_ACCESS_VISIT = "no-access-visit"
    REFERRAL_NOT_RECEIVED = "referral-not-received"
    REFERRAL_TO_ABSENT_AGENCY = "referral-to-absent-agency"
    HIDDEN_ADULT = "hidden-adult"
    MISSING_ETHNICITY = "missing-ethnicity"
    PARENTAL_FOCUS = "parental-focus"
    TOXIC_TRIO = "toxic-trio"
    START_AGAIN = "start-again"
    JOINT_EVENT = "joint-event"
    DATE_UNCERTAIN = "date-uncertain"
    DATE_OUTSIDE_LIFE = "date-outside-life"
    OUT_OF_ORDER = "out-of-order"
    REPEATED_ENTRY = "repeated-entry"

    @property
    def rank(self) -> int:
        """The code's place in the listing order."""
        return _RANK[self]

    @property
    def meaning(self) -> str:
        """What a flag of this code says, in one plain sentence."""
        return _MEANINGS[self]


class FlagSeverity(StrEnum):
    """How strongly a flag asks for attention."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


class Flag(BaseModel):
    """One finding: a stable code, a message a reviewer can paste, people, period, evidence."""

    code: FlagCode
    severity: FlagSeverity
    message: str
    people: list[str] = Field(default_factory=list)
    period: PartialDate | None = None
    #: ids of the entries that show it; each resolves to a file, sheet and row
    evidence: list[str] = Field(default_factory=list)


_RANK = {code: n for n, code in enumerate(FlagCode)}
_MEANINGS = {
    FlagCode.CHILD_NOT_SEEN: ("Contacts where seeing the child could be expected, recorded "
                              "as not seen."),
    FlagCode.SEEN_NOT_RECORDED: "Contacts that do not say whether the child was seen.",
    FlagCode.VIEWS_NOT_RECORDED: ("A child seen, old enough to give views, whose views were "
                                  "not recorded."),
    FlagCode.UNSEEN_PERIOD: "Long runs of days in which no agency saw the child.",
    FlagCode.WAS_NOT_BROUGHT: "Missed appointments (was not brought), in clusters.",
    FlagCode.NO_ACCESS_VISIT: "Visits at which no one answered or access was refused.",
    FlagCode.REFERRAL_NOT_RECEIVED: "Referrals sent that the receiving agency did not record.",
    FlagCode.REFERRAL_TO_ABSENT_AGENCY: "Referrals to an agency that sent no chronology.",
    FlagCode.HIDDEN_ADULT: "An adult living with the child whom no agency saw while they did.",
    FlagCode.MISSING_ETHNICITY: "Family members whose ethnicity is not recorded.",
    FlagCode.PARENTAL_FOCUS: "Agencies whose direct contacts mostly saw a parent, not a child.",
    FlagCode.TOXIC_TRIO: "Domestic abuse, mental ill health and substance misuse together.",
    FlagCode.START_AGAIN: "Repeated referrals into one agency, each after the last was closed.",
    FlagCode.JOINT_EVENT: "The same event recorded by several agencies.",
    FlagCode.DATE_UNCERTAIN: "Entries dated only to a month or year, or approximately.",
    FlagCode.DATE_OUTSIDE_LIFE: "Contacts about a child dated before their birth or after a death.",
    FlagCode.OUT_OF_ORDER: "Rows dated earlier than the row above them in the same file.",
    FlagCode.REPEATED_ENTRY: "Entries one agency recorded twice, word for word.",
}

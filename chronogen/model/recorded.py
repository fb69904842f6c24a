"""The tri-state answer agencies give to "was the child seen?" and "were their views sought?"."""

from __future__ import annotations

from enum import StrEnum


class Recorded(StrEnum):
    """Yes / no / not recorded / not applicable.

    Blank in a source is ``NOT_RECORDED``: the record does not say, which is itself a gap.
    ``NOT_APPLICABLE`` is an explicit "N/A" from the agency.
    """

    YES = "yes"
    NO = "no"
    NOT_RECORDED = "not recorded"
    NOT_APPLICABLE = "not applicable"

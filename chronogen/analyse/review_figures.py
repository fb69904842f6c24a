"""One analysed case -> its row of figures in the overview across reviews.

The figures name no one: the review by its id, each subject child by their place in the
family as the anonymised set letters them ("Child A" is the index child, then the family's
order), agencies by their standard names.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from chronogen.analyse.context import DIRECT
from chronogen.domain.agencies import canonical_agency
from chronogen.domain.child_words import SightingWords, ViewsWords, record_words
from chronogen.domain.people import lettered_children
from chronogen.model.case import Case
from chronogen.model.flag import FlagCode
from chronogen.model.overview import ChildFigures, ReviewFigures, age_band
from chronogen.model.recorded import Recorded

#: the themes a flag shows, in the panel's words
FLAG_THEMES = {
    FlagCode.TOXIC_TRIO: "toxic trio",
    FlagCode.WAS_NOT_BROUGHT: "was not brought",
    FlagCode.HIDDEN_ADULT: "hidden adults",
    FlagCode.START_AGAIN: "start again",
    FlagCode.REFERRAL_NOT_RECEIVED: "referral not received",
}

#: an agency named otherwise than the standard names is counted under this
OTHER_AGENCY = "Other agency"


def review_figures(case: Case, review_id: str, *, id_made_up: bool = False,
                   read_from: Literal["case folder", "case.json"] = "case folder"
                   ) -> ReviewFigures:
    """The overview's row for an analysed *case* (one that :func:`chronogen.read_case` or a
    ``case.json`` gives: merged, flagged and summarised)."""
    review = case.review
    # each entry at the day it is placed on (a year-only date at its first day)
    days = [e.date.sort_key[0] for e in case.entries if e.date.earliest or e.date.latest]
    last = max(days) if days else None
    on: date | None = review.incident or last
    age_at: Literal["incident", "last entry", "unknown"] = (
        "incident" if review.incident else "last entry" if last else "unknown")
    children = _children(case, on)
    flags = {code.value: 0 for code in FlagCode}
    for flag in case.flags:
        flags[flag.code.value] += 1
    flag_themes = [theme for code, theme in FLAG_THEMES.items() if flags[code.value]]
    members = [p for p in case.family.people if not p.placeholder and p.pregnancy is None]
    problems: dict[str, int] = {}
    codes: dict[str, int] = {}
    for problem in case.problems:
        problems[problem.severity.value] = problems.get(problem.severity.value, 0) + 1
        codes[problem.code.value] = codes.get(problem.code.value, 0) + 1
    return ReviewFigures(
        review=review_id, id_made_up=id_made_up,
        type=review.type.value if review.type else None, partnership=review.partnership,
        incident_year=review.incident.year if review.incident else None,
        age_at=age_at, read_from=read_from,
        children=children,
        agencies=sorted({_agency(a) for a in
                         [s.name for s in case.agencies] + [e.agency for e in case.entries]}),
        entries=len(case.entries),
        first_date=min(days).isoformat() if days else None,
        last_date=last.isoformat() if last else None,
        family_members=len(members),
        ethnicity_recorded=sum(1 for p in members if p.ethnicity and p.ethnicity.strip()),
        contacts=sum(c.contacts for c in children),
        seen_recorded=sum(c.seen_recorded for c in children),
        seen=sum(c.seen for c in children),
        views_recorded=sum(c.views_recorded for c in children),
        seen_in_words_only=sum(c.seen_in_words_only for c in children),
        views_in_words_only=sum(c.views_in_words_only for c in children),
        flags=flags,
        panel_themes=sorted(review.themes),
        flag_themes=flag_themes,
        themes=sorted(set(review.themes) | set(flag_themes)),
        problems=dict(sorted(problems.items())),
        problem_codes=dict(sorted(codes.items())),
        rejected_rows=len(case.rejected),
    )


def _children(case: Case, on: date | None) -> list[ChildFigures]:
    letters = lettered_children(case.family)  # as the anonymised set letters them
    subjects = sorted(case.family.subject_children, key=lambda p: not p.index)  # their order
    unseen = {s.child: s.longest_unseen_days for s in case.summaries.children}
    tallies = {c.id: [0, 0, 0, 0, 0, 0] for c in subjects}
    sighting, views = SightingWords(subjects), ViewsWords(subjects)
    not_recorded = Recorded.NOT_RECORDED
    for entry in case.entries:
        if entry.kind not in DIRECT:
            continue
        words = record_words(entry.summary, entry.outcome)
        concerned = list(entry.children)
        for child_id, record in entry.children.items():
            tally = tallies.get(child_id)
            if tally is None:
                continue
            tally[0] += 1
            tally[1] += record.seen in (Recorded.YES, Recorded.NO)
            tally[2] += record.seen is Recorded.YES
            tally[3] += record.views is Recorded.YES
            tally[4] += record.seen is not_recorded and \
                child_id in sighting.found_in(words, concerned)
            tally[5] += record.views is not_recorded and \
                child_id in views.found_in(words, concerned)
    figures = []
    for child in subjects:
        age = child.age_on(on) if on else None
        contacts, seen_recorded, seen, views_n, seen_words, views_words = tallies[child.id]
        figures.append(ChildFigures(
            label=letters[child.id], index=child.index, sex=child.sex, age=age,
            age_band=age_band(age),
            ethnicity_recorded=bool(child.ethnicity and child.ethnicity.strip()),
            disabled=child.disabled,
            contacts=contacts, seen_recorded=seen_recorded, seen=seen, views_recorded=views_n,
            seen_in_words_only=seen_words, views_in_words_only=views_words,
            longest_unseen_days=unseen.get(child.id)))
    return figures


def _agency(name: str) -> str:
    """The standard name of an agency; one the standard names do not know is counted as
    'Other agency' (its own name might be a place, a school or a person's name)."""
    return canonical_agency(name) or OTHER_AGENCY

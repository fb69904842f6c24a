"""Patterns across the chronology: the toxic trio, start-again cycles, joint events."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from chronogen.analyse.context import FlagContext, join_words, some_of, span, typed_flag
from chronogen.analyse.flags.appointments import _add_months
from chronogen.analyse.flags.registry import rule
from chronogen.domain.agencies import resolve_agency
from chronogen.domain.negation import negated
from chronogen.domain.text_search import FoldedPattern, literal_alternation
from chronogen.model.chronology import ContactKind, Entry
from chronogen.model.flag import Flag, FlagCode, FlagSeverity

#: what "DA" and "MH" are written beside where they stand for domestic abuse and mental
#: health (alone, in capitals, they are as often someone's initials: Mia Harbour is "MH")
_ABOUT_DA_MH = (r"(?:incidents?|concerns?|issues?|history|disclos\w*|perpetrat\w*|victims?"
                r"|risks?|related|services?|workers?|support|team|crisis|diagnos\w*"
                r"|difficult\w*|problems?|nurse|assessment|needs?|deteriorat\w*|relapse)\b")
THEMES: dict[str, re.Pattern[str]] = {
    "domestic abuse": re.compile(
        r"domestic (?:abuse|violence|incident)|\bdv\b|\bdash\b|marac|assault|violen|"
        r"coercive|controlling behaviour|non-molestation|strangl|strangul|punched"
        r"|hit (?:her|him|mum)|(?-i:\bDA) " + _ABOUT_DA_MH + r"|(?:history of|victim of"
        r"|perpetrator of|experiencing|ongoing|alleged|historic|historical|previous) "
        r"(?-i:DA\b)", re.IGNORECASE),
    "mental ill health": re.compile(
        r"mental health|depress|low mood|anxiety|sertraline|fluoxetine|citalopram|"
        r"self[- ]harm|overdose|suicid|psychosis|psychiatric|bipolar|schizo|\bcmht\b"
        r"|personality disorder|sectioned|(?-i:\b(?:PND|EUPD|MHA)\b)"
        r"|(?-i:\bMH) " + _ABOUT_DA_MH + r"|(?:poor|maternal|paternal|mum's|dad's|mother's"
        r"|father's|her|his) (?-i:MH\b)", re.IGNORECASE),
    "substance misuse": re.compile(
        r"alcohol|drunk|intoxicated|\bdrugs?\b|cannabis|cocaine|heroin|methadone|"
        r"substance|under the influence|smelled of|needles|drinking (?:heavily|alcohol|to "
        r"excess|excessively|again|problem)|(?:heavy|problem|binge) drink|drink problem"
        r"|amphetamine|ketamine|\bmdma\b|\bweed\b|(?-i:\bCGL\b)", re.IGNORECASE),
}


def themes_of(entry: Entry) -> frozenset[str]:
    """The toxic-trio themes an entry's text mentions."""
    return themes_in(entry.kind_text, entry.summary, entry.outcome)


def themes_in(kind_text: str | None, summary: str | None, outcome: str | None
              ) -> frozenset[str]:
    """:func:`themes_of` an entry holding these texts."""
    parts = [t for t in (kind_text, summary, outcome) if t]
    # one search of the parts together: no stem runs across a line break
    if not parts:
        return frozenset()
    joined = "\n".join(parts)
    if not _ANY_STEM_IN_PART.search(joined) and not _capitals_in(joined):
        return frozenset()
    return _themes(" ".join(parts))


#: a word every theme pattern needs: a text with none of them is skipped without the pattern
_STEMS = ("domestic", "dv", "dash", "marac", "assault", "violen", "coercive", "controlling",
          "molestation", "strangl", "punched", "hit ", "mental", "depress", "mood", "anxiety",
          "sertraline", "fluoxetine", "citalopram", "harm", "overdose", "suicid", "psychos",
          "psychiatric", "bipolar", "schizo", "cmht", "alcohol", "drunk", "intoxicated", "drug",
          "cannabis", "cocaine", "heroin", "methadone", "substance", "influence", "smelled",
          "needles", "strangul", "personality", "sectioned", "drink", "amphetamine",
          "ketamine", "mdma", "weed")
#: the themes' abbreviations in capitals ("DA", "MH"), which the stems (any case) leave out;
#: looked for as words only in a text holding one at all (a search with no word boundary to
#: test is four times quicker, and nearly every text has none)
_CAPITALS = re.compile(r"\b(?:DA|MH|PND|EUPD|MHA|CGL)\b")
_CAPITALS_ANYWHERE = re.compile(r"DA|MH|PND|EUPD|CGL")


def _capitals_in(text: str) -> bool:
    return _CAPITALS_ANYWHERE.search(text) is not None and _CAPITALS.search(text) is not None


_ANY_STEM = FoldedPattern(literal_alternation(_STEMS))
#: the same without spaces: a stem found in the joined text is found in one of its parts
_ANY_STEM_IN_PART = FoldedPattern(literal_alternation(s.strip() for s in _STEMS))


@lru_cache(maxsize=4096)
def _themes(text: str) -> frozenset[str]:
    """The themes *text* records: words said not to be so ("No DV concerns", "Denies drug
    use", "Alcohol: none") record none."""
    if not _ANY_STEM.search(text) and not _capitals_in(text):
        return frozenset()
    # each theme on its own: one pattern of all three finds matches that do not overlap
    # ("MH history of DA" gave "MH history", mental ill health, and so not "history of DA")
    return frozenset(name for name, pattern in THEMES.items()
                     if any(not negated(text, m.start(), m.end())
                            for m in pattern.finditer(text)))


@rule(FlagCode.TOXIC_TRIO, long=True)
def toxic_trio(ctx: FlagContext) -> Iterator[Flag]:
    """Domestic abuse, mental ill health and substance misuse all recorded within the set
    number of months."""
    months = ctx.settings.toxic_trio_months
    columns = ctx.columns
    tagged = sorted(((first, entry, themes) for entry, (first, _), kind_text, summary, outcome
                     in zip(columns.entries, columns.bounds, columns.kind_texts,
                            columns.summaries, columns.outcomes, strict=True)
                     if (themes := themes_in(kind_text, summary, outcome))), key=lambda t: t[0])
    counts = dict.fromkeys(THEMES, 0)
    end = 0  # a window sliding along the tagged entries: each joins and leaves once
    for index, (first_day, _, _) in enumerate(tagged):
        window_end = _add_months(first_day, months)
        while end < len(tagged) and tagged[end][0] <= window_end:
            for theme in tagged[end][2]:
                counts[theme] += 1
            end += 1
        if all(counts.values()):
            window = tagged[index:end]
            evidence = [t[1].id for t in window]
            yield Flag(
                code=FlagCode.TOXIC_TRIO, severity=FlagSeverity.HIGH,
                period=span(first_day, window[-1][0]), evidence=evidence,
                message=("Domestic abuse, parental mental ill health and substance misuse were "
                         f"all recorded within {months} months, from {first_day:%d/%m/%Y} "
                         f"({len(evidence):,} entries across "
                         f"{join_words(sorted({t[1].agency for t in window}))})."))
            return
        for theme in tagged[index][2]:
            counts[theme] -= 1


#: a word every branch of the closure pattern holds (tested against the pattern)
CLOSURE_NEEDS = ("no further", "nfa", "clos", "signpost", "step", "case ended", "no role",
                 "discharged from", "involvement")
#: a case closed: "closed" as what became of a case, file, referral or involvement, or
#: opening the text, or closed to / by someone ("disclosed", "enclosed", "closely", "a close
#: friend" and "school closed for the holidays" are none)
_CLOSURE = FoldedPattern(
    r"no further action|\bnfa\b|\bclosure\b|\bclosing (?:the )?(?:case|file|referral)\b"
    r"|\b(?:case|file|referral|episode|involvement|assessment|plan)\s+(?:(?:was|is|now|has "
    r"been|to be|will be)\s+)?closed\b|^[^a-z0-9]*closed\b|\bclosed\s+(?:to|by|as|on|at|following"
    r"|with|after|and|-)|\b(?:agreed|decided|decision|plan(?:ned)?|recommend(?:ed)?) to "
    r"close\b|signpost|step(?:ped)? down|case ended|no role|no further involvement"
    r"|\bended (?:our |the |their )?involvement|involvement (?:has )?ended"
    # a health service's closure: off its caseload (not discharged from hospital)
    r"|discharged from (?:the )?(?:[a-z]+ )?(?:service|caseload|case load|team|involvement)",
    needs=CLOSURE_NEEDS)


def _closure(summary: str | None, outcome: str | None) -> bool:
    """Whether the summary and outcome, read together, say the case was closed (not "case
    not closed", "closure not agreed", "step down considered")."""
    if summary and outcome:
        # a closure in the outcome alone is one in both together (the space joining them
        # stands where the outcome's start stood): outcomes repeat, and their answers are kept
        return _closes(outcome) or _closes(f"{summary} {outcome}")
    text = summary or outcome
    return text is not None and _closes(text)


def _closes(text: str) -> bool:
    # short texts (outcomes: "No further action" down a whole sheet) come back again and again
    return _closes_short(text) if len(text) <= _SHORT_TEXT else _closes_read(text)


_SHORT_TEXT = 80


@lru_cache(maxsize=4096)
def _closes_short(text: str) -> bool:
    return _closes_read(text)


def _closes_read(text: str) -> bool:
    return _CLOSURE.search(text) and any(
        not negated(text, match.start(), match.end()) for match in _CLOSURE.folded.finditer(text))


@rule(FlagCode.START_AGAIN, long=True)
def start_again(ctx: FlagContext) -> Iterator[Flag]:
    """Repeated referrals into one agency, each after the last was closed: the family
    assessed from scratch each time."""
    names = [a.name for a in ctx.case.agencies] or sorted({e.agency for e in ctx.case.entries})
    # what each entry is, worked out once: a referral into which agency, a closure of its own
    # (by its place in the timeline: its first day is in the columns already)
    into: dict[str, list[int]] = {}
    closures: dict[str, list[int]] = {}
    received, decision = ContactKind.REFERRAL_RECEIVED, ContactKind.DECISION
    columns, referral_at = ctx.columns, ctx.referral_at
    for place, (kind, agency, summary, outcome) in enumerate(zip(
            columns.kinds, columns.agencies, columns.summaries, columns.outcomes, strict=True)):
        if kind is received:
            into.setdefault(agency, []).append(place)
        elif kind is decision or _closure(summary, outcome):
            closures.setdefault(agency, []).append(place)
        target = referral_at.get(place)
        resolved = resolve_agency(target, names) if target is not None else None
        if resolved is not None and resolved != agency:
            into.setdefault(resolved, []).append(place)
    bounds, entries = columns.bounds, columns.entries
    for agency in names:
        # on one day a referral before a closure, then in timeline order
        events = sorted([(bounds[p][0], False, p) for p in into.get(agency, [])]
                        + [(bounds[p][0], True, p) for p in closures.get(agency, [])])
        # an episode runs from a referral to the closure that ends it; a referral while one is
        # open joins it, so every episode but the last was closed before the next began
        episodes: list[list[Entry]] = []
        open_episode = False
        for _, closure, place in events:
            entry = entries[place]
            if not closure and not open_episode:
                episodes.append([entry])
                open_episode = True
            elif not closure:
                episodes[-1].append(entry)
            elif open_episode:
                episodes[-1].append(entry)
                open_episode = False
        if len(episodes) >= ctx.settings.start_again_referrals:
            evidence = [e.id for ep in episodes for e in ep]
            dates = some_of(episodes, lambda ep: ep[0].date.display())
            yield Flag(
                code=FlagCode.START_AGAIN, severity=FlagSeverity.MEDIUM,
                period=span(episodes[0][0].date.sort_key[0], episodes[-1][-1].date.sort_key[0]),
                evidence=evidence,
                message=(f"{agency} received {len(episodes):,} referrals ({dates}), each after "
                         "the previous one had been closed: check whether each began again "
                         "from scratch."))


@rule(FlagCode.JOINT_EVENT)
def joint_event(ctx: FlagContext) -> Iterator[Flag]:
    """The same meeting or incident recorded by several agencies (for information)."""
    for event in ctx.case.joint_events:
        yield typed_flag(
            FlagCode.JOINT_EVENT, FlagSeverity.INFO,
            f"One {event.kind.value} on {event.date.display()} is recorded by "
            f"{len(event.agencies):,} agencies ({join_words(event.agencies)}); their "
            "accounts are kept side by side.", period=event.date, evidence=list(event.entries))

"""Capitalised words that look like names but matched nobody in the family: for a person to
check before anything is published (a neighbour, a teacher, a name the family file missed)."""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from chronogen.domain.agencies import AGENCY_ALIASES
from chronogen.domain.text_search import literal_alternation, spaces_before
from chronogen.model.case import Case

#: capitalised words agencies write that are not names
_COMMON_TEXT = """
i a an the and or but if on in at to of for by with from as is was were be been not no yes
he she they them his her their we our you it its this that these those there then when where
mr mrs ms miss dr mum dad mother father child children baby son daughter brother sister
grandmother grandfather nan grandad aunt uncle partner family parent parents carer carers
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept oct
nov dec christmas easter covid lockdown
police school nursery hospital gp hv sw csc mash court ward clinic surgery service team unit
social care health visitor visiting visit home office meeting conference strategy section
referral assessment plan core group cp cin cla lac icpc rcpc s47 s17 marac mappa camhs dsl
ed a&e ae ambulance paramedic nhs dwp housing probation early help council local authority
child protection concern concerns incident report case review no further action nfa
english british white black asian mixed other irish polish muslim christian
"""
COMMON = frozenset(_COMMON_TEXT.split())
_WORD = re.compile(r"(?<![\w'’])([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?![\w])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“(]\s*)$")


@dataclass(frozen=True)
class Candidate:
    """A word that may be a name nobody told chronogen about."""

    word: str
    count: int
    first_seen: str


def possible_names(case: Case, pseudonym_words: set[str]) -> list[Candidate]:
    """Capitalised words of the (anonymised) case's free texts (the entries', the agencies'
    authors' notes to the review, the family file's notes) that are not common words,
    agency words or pseudonyms: inside a sentence, each; opening a sentence or a cell
    ("Wexford to follow up"), where it is no English word and the case never writes it in
    lower case. Most frequent first."""
    known = set(COMMON)
    for name, aliases in AGENCY_ALIASES.items():
        known.update(w.lower() for w in re.findall(r"[A-Za-z&]+", " ".join((name, *aliases))))
    known.update(w.lower() for p in pseudonym_words for w in re.findall(r"[A-Za-z]+", p))
    known.update(w.lower() for a in case.agencies for w in re.findall(r"[A-Za-z]+", a.name))
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}  # where each word was first found
    inside: set[str] = set()  # the words found inside a sentence at least once
    for place, text, titled in _free_texts(case):
        for match in _WORD.finditer(text):
            word = re.sub(r"['’]s$", "", match.group(1))
            if word.lower() in known:
                continue
            start = match.start()
            # only the character before the spaces and the spaces can open a sentence
            opening = max(0, spaces_before(text, start) - 1)
            # in a file's or a sheet's name every word may be capitalised ("CSC Chronology
            # 2021.xlsx"): each is taken as a sentence's first word is
            if not titled and not _SENTENCE_START.search(text, opening, start):
                inside.add(word)
            counts[word] += 1
            first.setdefault(word, place)
    openers = {w for w in counts if w not in inside}
    if openers:
        english = english_words()
        openers -= {w for w in openers if w.lower() in english}
        openers -= _written_in_lower_case(case, openers)
    return sorted((Candidate(w, n, first[w]) for w, n in counts.items()
                   if w in inside or w in openers), key=lambda c: (-c.count, c.word))


def _written_in_lower_case(case: Case, words: set[str]) -> set[str]:
    """Those of *words* the case's free texts also write in lower case ("Sertraline
    started" and "started sertraline": a word, not a name)."""
    if not words:
        return set()
    lower = {w.lower(): w for w in words}
    # a tree of shared beginnings: a long case's thousands of such words (misspellings,
    # abbreviations) are tried at each character only where their first letters stand
    pattern = re.compile(r"(?<![\w'’])(" + literal_alternation(lower) + r")(?![\w])")
    written: set[str] = set()
    for _, text, _ in _free_texts(case):
        written.update(lower[m] for m in pattern.findall(text))
        if len(written) == len(lower):
            break
    return written


@cache
def english_words() -> frozenset[str]:
    """The words of SCOWL's British English list in lower case (``english_words.NOTICE``):
    a capitalised word opening a sentence that is one of them is taken as the word."""
    data = files("chronogen.anonymise").joinpath("english_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split())


def _free_texts(case: Case) -> Iterator[tuple[str, str, bool]]:
    """(where, the text, whether it is a name: a file's or a sheet's) for each free text of
    *case* a person wrote."""
    for entry in case.entries:
        for name in ("summary", "outcome", "significance", "kind_text", "origin",
                     "referral_to"):
            yield f"{entry.id}.{name}", getattr(entry, name) or "", False
        for heading, value in entry.raw.items():
            if isinstance(value, str):
                yield f"{entry.id}.raw[{heading}]", value, False
    for note in case.notes:  # after the mark that makes the row a note ("# Records ...")
        yield f"note, {note.source.describe()}", note.text.lstrip("#^¬~ \t"), False
    for person in case.family.people:
        if person.notes:
            yield f"{person.id}.notes", person.notes, False
    for report in case.files:  # a return named for the family ("Kyle Smith GP notes.xlsx")
        yield f"{report.file}: the file's name", report.file.replace("_", " "), True
        if report.sheet:
            yield f"{report.file}: the sheet's name", report.sheet.replace("_", " "), True

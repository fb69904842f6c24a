"""The fast case-insensitive searches find what re.IGNORECASE finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen.domain.text_search import (
    FoldedPattern,
    OpeningWords,
    TextWords,
    literal_alternation,
)
from tests.property_examples import examples

_LETTERS = "abcdeAB İıſKk -'é"


@settings(max_examples=examples(300), deadline=None)
@given(words=st.lists(st.text(alphabet="abcde -'", min_size=1, max_size=6), min_size=1,
                      max_size=12),
       text=st.text(alphabet="abcde -'x", max_size=40))
def test_a_tree_of_words_matches_as_the_longest_first_alternation(words: list[str],
                                                                   text: str) -> None:
    plain = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len,
                                                             reverse=True)))
    tree = re.compile(literal_alternation(words))
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=examples(300), deadline=None)
@given(text=st.text(alphabet=_LETTERS, max_size=30),
       pattern=st.sampled_from([r"abc", r"\bab\b", r"a[b-d]+e", r"k|ss?", r"i\w", r"[^a-c]b",
                                literal_alternation(["ab", "abc", "bad", "cab", "i"])]))
def test_a_folded_pattern_finds_what_ignorecase_finds(text: str, pattern: str) -> None:
    expected = re.search(pattern, text, re.IGNORECASE) is not None
    folded = FoldedPattern(pattern)
    assert folded.search(text) is expected
    assert folded.search(text) is expected  # a short text's answer, kept


def test_a_folded_pattern_is_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        FoldedPattern("Mother")


def test_the_tree_shares_beginnings() -> None:
    assert literal_alternation(["alcohol", "anxiety", "assault"]) == "a(?:lcohol|nxiety|ssault)"
    assert literal_alternation(["close", "closed"]) == "close(?:d)?"


_NAMES = ["Jade", "jade harbour", "=evil", "(bex)", "Zoë", "łukasz", "o'brien", "mr foster",
          "nnnnnnnnnn", "Mıa", "ſam", "x-ray", "J.H.", "JH", "İlker"]
_TEXT = ["Jade", "JADE", "Harbour", "harbour's", "=Evil", "=evil", "(Bex)", "(bex", "ZOË",
         "zoe", "Łukasz", "O'Brien", "o’brien", "Mr", "Foster", "nnnnnnnnnnnn", "NNNNNNNNNN",
         "Mia", "MIA", "Sam", "SAM", "X-Ray", "J.H.", "jh", "JH", "ilker", "İLKER", "@", "x",
         "Jades", "9", "[(Bex)", "'=Evil", "-Jade"]


@settings(max_examples=examples(400), deadline=None)
@given(names=st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6, unique=True),
       words=st.lists(st.sampled_from(_TEXT), max_size=12),
       joins=st.lists(st.sampled_from([" ", "", "\n", ", ", "  "]), min_size=12,
                      max_size=12),
       plural=st.booleans())
def test_opening_words_find_what_the_full_scan_finds(names: list[str], words: list[str],
                                                      joins: list[str], plural: bool) -> None:
    # a pattern as the anonymiser builds its own: whole words, any case, longest first
    body = "|".join(r"\s+".join(re.escape(p) for p in n.split(" "))
                    for n in sorted(names, key=lambda n: (-len(n), n)))
    ending = r"(?:s)?" if plural else ""
    pattern = re.compile(rf"(?<![\w@])(?:{body}){ending}(?![\w@])", re.IGNORECASE)
    text = "".join(w + j for w, j in zip(words, joins, strict=False))
    openers = OpeningWords(names, plural=plural)
    full = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in openers.scan(pattern, text)] == full, text
    assert [m.span() for m in openers.scan(pattern, TextWords(text))] == full, text
    assert openers.sub(pattern, lambda m: "<" + m.group() + ">", text) == pattern.sub(
        lambda m: "<" + m.group() + ">", text)


def test_an_opener_starting_with_a_space_is_tried_everywhere() -> None:
    openers = OpeningWords([" Jade", "Mia"])
    assert openers.anywhere
    pattern = re.compile(r" Jade", re.IGNORECASE)
    assert [m.span() for m in openers.scan(pattern, "x Jade")] == [(1, 6)]


_CLOSURE_BITS = ["No further action", "NFA", "nfa.", "snfa", "Closed", "closure", "clos",
                 "Signposted", "stepped down", "Step down", "step  down", "case ended",
                 "Case Ended", "no role", "No Role", "noted", "further", "Ended", " ", ", ",
                 "visit", "İ", "é"]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(_CLOSURE_BITS), max_size=8))
def test_the_closure_words_every_match_needs_are_right(bits: list[str]) -> None:
    """start-again's closure pattern skips a text holding none of the words every match
    needs: it finds just what the pattern alone finds."""
    from chronogen.analyse.flags.patterns import _CLOSURE, CLOSURE_NEEDS

    text = "".join(bits)
    alone = FoldedPattern(_CLOSURE.lowered.pattern)
    assert _CLOSURE.needs == CLOSURE_NEEDS
    assert _CLOSURE._search(text) == alone._search(text) == bool(
        re.search(_CLOSURE.lowered.pattern, text, re.IGNORECASE))


def test_words_a_match_needs_are_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        FoldedPattern("clos", needs=["Clos"])


@given(st.lists(st.one_of(st.none(), st.lists(st.sampled_from(
    ["Section", "section", "SECTION", "47", "s47", "S.47", "S 17", "NFA", "nfa", "DV", "A&E",
     "CSC", "HV", "XYZ", "&", "seen", ",", "Ström", "4", "7"]), max_size=6).map(" ".join)),
    max_size=8))
def test_the_glossary_finds_what_reading_each_text_finds(texts: list[str | None]) -> None:
    """The abbreviations in many texts (each distinct text read once, section 47 looked for
    only where "47" stands) against each text read in turn with the patterns as written."""
    import re

    from chronogen.domain.abbreviations import _WORD, ABBREVIATIONS, abbreviations_in

    found: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text or ""):
            key = re.sub(r"[.\s]", "", match.group(1)).upper()
            if key in ABBREVIATIONS:
                found.add(key)
        if re.search(r"\bsection\s+47\b", text or "", re.IGNORECASE):
            found.add("S47")
    assert abbreviations_in(texts) == sorted((k, ABBREVIATIONS[k]) for k in found)

"""The fast case-insensitive searches find what re.IGNORECASE finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen.analyse.text_search import FoldedPattern, literal_alternation

_LETTERS = "abcdeAB İıſKk -'é"


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet="abcde -'", min_size=1, max_size=6), min_size=1,
                      max_size=12),
       text=st.text(alphabet="abcde -'x", max_size=40))
def test_a_tree_of_words_matches_as_the_longest_first_alternation(words: list[str],
                                                                   text: str) -> None:
    plain = re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len,
                                                             reverse=True)))
    tree = re.compile(literal_alternation(words))
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=_LETTERS, max_size=30),
       pattern=st.sampled_from([r"abc", r"\bab\b", r"a[b-d]+e", r"k|ss?", r"i\w", r"[^a-c]b",
                                literal_alternation(["ab", "abc", "bad", "cab", "i"])]))
def test_a_folded_pattern_finds_what_ignorecase_finds(text: str, pattern: str) -> None:
    expected = re.search(pattern, text, re.IGNORECASE) is not None
    assert FoldedPattern(pattern).search(text) is expected


def test_a_folded_pattern_is_written_in_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        FoldedPattern("Mother")


def test_the_tree_shares_beginnings() -> None:
    assert literal_alternation(["alcohol", "anxiety", "assault"]) == "a(?:lcohol|nxiety|ssault)"
    assert literal_alternation(["close", "closed"]) == "close(?:d)?"

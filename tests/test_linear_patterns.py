"""Patterns rewritten to take time in proportion to the text give what they gave before.

Each pattern here was found, by fuzzing with long repeated fragments, to take time growing
with the square of its text (20,000 spaces between two names: 19 s). Each was rewritten so
that no run of spaces is read again from each of its characters; these tests hold each new
pattern, on any text of the fragments that matter to it, to what the old one found.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from chronogen.anonymise.candidates import _SENTENCE_START
from chronogen.domain.names import _SPLIT
from chronogen.domain.text_search import last_word_before, spaces_before
from chronogen.read.returns.cell_values import _TIME


def _texts(fragments: list[str], most: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(fragments), max_size=most).map("".join)


_SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\u2003"]


@given(_texts(["Mia", "Leo", "and", "plus", "x", ",", ";", "/", "&", "+", "Band", *_SPACES]))
def test_names_split_where_they_did(text: str) -> None:
    before = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bplus\b|\n)\s*", re.IGNORECASE)
    assert _SPLIT.split(text) == before.split(text)


@given(_texts(["10", "1", "30", ":", ".", "am", "PM", "pm", "hrs", "h", "x", " ", "  "]))
def test_a_time_cell_reads_as_it_did(text: str) -> None:
    before = re.compile(r"(\d{1,2})[:.]?(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*(?:hrs|h)?",
                        re.IGNORECASE)
    old, new = before.fullmatch(text), _TIME.fullmatch(text)
    assert (old and old.groups()) == (new and new.groups())


@given(_texts(["Word", "x", ".", "!", ":", ";", '"', "“", "(", *_SPACES]), st.data())
def test_a_sentence_starts_where_it_did(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    opening = max(0, spaces_before(text, start) - 1)
    assert (_SENTENCE_START.search(text, opening, start) is None) == (
        _SENTENCE_START.search(text[:start]) is None)


@given(_texts(["Mum", "on", "ON", "x", ".", "İ", *_SPACES]), st.data())
def test_the_last_word_before_a_place(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    words = text[:end].lower().split()
    assert last_word_before(text, end) == (words[-1] if words else "")
    start = spaces_before(text, end)
    assert text[start:end].isspace() or start == end
    assert start == 0 or not text[start - 1].isspace()

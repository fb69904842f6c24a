"""How tall the workbook makes a row: the lines its wrapped text takes in Arial 10 pt, as a
spreadsheet wraps it (a spreadsheet grows no row when it opens a file, so a row too short
hides its text's last lines: tests/test_appendix_documents.py prints one to see)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from chronogen.write.cell_text import _room, _word_width, arial_lines
from tests.property_examples import examples

_TEXT = st.text(alphabet=st.sampled_from("aW iI-.,é–\n草"), max_size=120)
_WIDTH = st.floats(min_value=4, max_value=80)


def test_what_fits_is_one_line_and_what_does_not_is_more() -> None:
    assert arial_lines("Not recorded", 12.5) == 1  # the answer columns are this wide
    assert arial_lines("Not recorded", 10) == 2
    assert arial_lines("Health Visiting", 14) == 1
    assert arial_lines("Health Visiting", 14, bold=True) == 2  # bold is wider
    assert arial_lines("first\nsecond", 40) == 2  # a line break is a line
    # a line breaks after a hyphen: the flag codes
    assert arial_lines("seen-not-recorded, parental-focus", 19, bold=True) == 2


@settings(max_examples=examples(300), deadline=None)
@given(_TEXT, _WIDTH, _WIDTH, st.booleans())
def test_a_wider_column_never_needs_more_lines(text: str, one: float, other: float,
                                               bold: bool) -> None:
    narrow, wide = sorted((one, other))
    assert arial_lines(text, wide, bold=bold) <= arial_lines(text, narrow, bold=bold)


@settings(max_examples=examples(300), deadline=None)
@given(_TEXT, _WIDTH, st.booleans())
def test_never_fewer_lines_than_the_text_could_fill(text: str, width: float,
                                                    bold: bool) -> None:
    """At least a line a paragraph, and at least the paragraph's width over the room a
    line has, whatever the words."""
    room = _room(width, 0)
    least = sum(max(1, math.ceil(_word_width(part.replace(" ", ""), bold) / room))
                for part in text.split("\n"))
    assert arial_lines(text, width, bold=bold) >= least


def test_a_column_is_as_wide_as_its_headings_longest_word() -> None:
    """A heading's word never breaks in the middle: a child's long name widens the child's
    columns, and the overview's numbers' headings are as wide as their words."""
    from chronogen.write.cell_text import fitting_width
    from chronogen.write.xlsx_file import Column, _width

    assert _width(Column("Mia Harbour: seen", 12.5, "answer")) == 12.5
    wide = _width(Column("Maximilianaelisabeth Harbour: seen", 12.5, "answer"))
    assert wide > 12.5 and arial_lines("Maximilianaelisabeth", wide, bold=True) == 1
    assert arial_lines("members", fitting_width(9, "Family members", indent=1), bold=True,
                       indent=1) == 1
    assert fitting_width(20, "Family members", indent=1) == 20  # wide enough already

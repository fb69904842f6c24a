"""One definition of what XML cannot hold, used by every writer and drawing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronogen.domain.text import xml_safe
from chronogen.draw.dot_syntax import clean_label
from chronogen.write.cell_text import EXCEL_CELL_LIMIT, clean

_XML_CHAR = ("\t", "\n", "\r")


def _xml_can_hold(text: str) -> bool:
    return all(c in _XML_CHAR or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
               or ord(c) >= 0x10000 for c in text)


@given(st.text())
def test_xml_safe_leaves_only_what_xml_holds_and_keeps_the_length(text: str) -> None:
    safe = xml_safe(text)
    assert _xml_can_hold(safe)
    assert len(safe) == len(text)
    assert xml_safe(safe) == safe


@given(st.text())
def test_cell_text_and_drawing_labels_are_xml_safe(text: str) -> None:
    assert _xml_can_hold(clean(text)) and "\r" not in clean(text)
    assert len(clean(text)) <= EXCEL_CELL_LIMIT
    label = clean_label(text)
    assert _xml_can_hold(label) and "\r" not in label and "\x7f" not in label


def test_a_damaged_export_shows_where_characters_were() -> None:
    assert clean("seen\x00alone\r\nat home") == "seen\N{REPLACEMENT CHARACTER}alone\nat home"
    assert clean_label("seen\x00alone") == "seenalone"

"""Yes / no / not recorded / not applicable from agency words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chronogen import Recorded
from chronogen.read.returns.answers import read_answer


@pytest.mark.parametrize(
    ("text", "value", "names"),
    [
        ("Y", Recorded.YES, None), ("yes", Recorded.YES, None), ("Child seen", Recorded.YES, None),
        ("N", Recorded.NO, None), ("No", Recorded.NO, None),
        ("Child not seen", Recorded.NO, None),
        ("", Recorded.NOT_RECORDED, None), ("NK", Recorded.NOT_RECORDED, None),
        ("not known", Recorded.NOT_RECORDED, None), (None, Recorded.NOT_RECORDED, None),
        ("N/A", Recorded.NOT_APPLICABLE, None), ("n/a", Recorded.NOT_APPLICABLE, None),
        ("Not applicable", Recorded.NOT_APPLICABLE, None),
        ("Yes - Mia and Leo", Recorded.YES, "Mia and Leo"),
        ("Yes (Ava)", Recorded.YES, "Ava"), ("Yes: Mia", Recorded.YES, "Mia"),
        ("No - Ava", Recorded.NO, "Ava"),
        (True, Recorded.YES, None), (0, Recorded.NO, None),
        ("Sighted", Recorded.YES, None), ("Child sighted", Recorded.YES, None),
        ("Not sighted", Recorded.NO, None), ("Observed", Recorded.YES, None),
        ("Children sighted - safe and well", Recorded.YES, "safe and well"),
    ],
)
def test_words(text: object, value: Recorded, names: str | None) -> None:
    answer = read_answer(text)
    assert (answer.value, answer.names) == (value, names)
    assert answer.recognised


@pytest.mark.parametrize(("text", "value", "alone"), [
    ("Yes - seen alone", Recorded.YES, Recorded.YES),
    ("Seen alone", Recorded.YES, Recorded.YES),
    ("Yes (alone)", Recorded.YES, Recorded.YES),
    ("Yes", Recorded.YES, Recorded.NOT_RECORDED),
    # seen, but not alone: "alone" in it said seen alone before
    ("Yes but not alone", Recorded.YES, Recorded.NO),
    ("Yes - not alone", Recorded.YES, Recorded.NO),
    ("Seen, but not alone", Recorded.YES, Recorded.NO),
    ("Not alone", Recorded.YES, Recorded.NO),  # read as not seen before
    ("Not seen alone", Recorded.NO, Recorded.NO),
    ("No", Recorded.NO, Recorded.NOT_RECORDED),
])
def test_seen_alone_is_noticed_and_so_is_not_alone(text: str, value: Recorded,
                                                   alone: Recorded) -> None:
    answer = read_answer(text)
    assert (answer.value, answer.alone, answer.names) == (value, alone, None)


@pytest.mark.parametrize(("text", "value"), [
    ("Both", Recorded.YES), ("All children seen", Recorded.YES), ("Neither", Recorded.NO),
    ("Neither seen", Recorded.NO)])
def test_every_child_or_none_in_one_word(text: str, value: Recorded) -> None:
    assert read_answer(text).value is value


def test_unknown_words_are_not_guessed() -> None:
    answer = read_answer("the dog barked")
    assert answer.value is Recorded.NOT_RECORDED and not answer.recognised


@given(st.one_of(st.text(max_size=60), st.integers(), st.floats(allow_nan=True), st.none(),
                 st.booleans()))
def test_never_raises(value: object) -> None:
    answer = read_answer(value)
    assert answer.value in set(Recorded)


@given(st.sampled_from(["yes", "Yes", "YES", " y ", "Y."]),
       st.sampled_from(["no", "No", "N", " n "]))
def test_case_and_spacing_do_not_matter(yes: str, no: str) -> None:
    assert read_answer(yes).value is Recorded.YES
    assert read_answer(no).value is Recorded.NO


@pytest.mark.parametrize(("text", "value", "names"), [
    ("☒ Yes ☐ No", "yes", None),  # a Word form's check boxes: the ticked one's label
    ("☐ Yes ☒ No", "no", None),
    ("Yes ☐ No ☒", "no", None),  # the boxes after their labels
    ("☐ Yes ☐ No", "not recorded", None),  # none ticked: not recorded, and understood
    ("☑ Seen", "yes", None),
    ("☒ Yes - Mia ☐ No", "yes", "Mia"),
])
def test_a_forms_ticked_box_is_the_answer(text: str, value: str, names: str | None) -> None:
    answer = read_answer(text)
    assert (answer.value.value, answer.names, answer.recognised) == (value, names, True)

"""Memo: answers kept once each, up to a limit."""

from __future__ import annotations

from chronogen.memo import Memo


def test_a_memo_keeps_answers_until_it_is_full_and_still_gives_them() -> None:
    memo: Memo[str, int] = Memo(2)
    assert memo.keep("a", 1) == 1 and memo.keep("b", 2) == 2
    assert memo.keep("c", 3) == 3  # worked out, given back, not kept
    assert dict(memo) == {"a": 1, "b": 2}


def test_the_anonymisers_memo_is_bounded() -> None:
    from chronogen.anonymise.scrubber import _MEMO_KEPT, Scrubber

    scrubber = Scrubber()
    scrubber.add("Jade Harbour", "Mother")
    for n in range(_MEMO_KEPT + 50):
        scrubber.scrub(f"E{n}", "case")  # short, all different: a long case's entry ids
    assert len(scrubber._memo) == _MEMO_KEPT
    assert scrubber.scrub("Jade Harbour said", "case") == "Mother said"

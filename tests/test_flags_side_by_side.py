"""The flag rules of a long case run in two processes side by side: the same flags as one
after another, no process left behind, a failing rule's error raised to the caller."""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.process import BaseProcess

import pytest

from chronogen import Case, analyse_case
from chronogen.analyse.flags import find_flags, side_by_side
from chronogen.analyse.flags.registry import RULES, RegisteredRule
from chronogen.model.flag import Flag, FlagCode
from tests.test_anonymise import generated_case

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="side by side only where a process can be forked")


def _one_after_another(case: Case, monkeypatch: pytest.MonkeyPatch) -> list[Flag]:
    with monkeypatch.context() as patched:
        patched.setattr(side_by_side, "SIDE_BY_SIDE_FROM", 10**9)
        return find_flags(case)


@pytest.mark.parametrize("seed", [None, 1, 2])
def test_side_by_side_gives_the_flags_one_after_another_gives(
        harbour_case: Case, monkeypatch: pytest.MonkeyPatch, seed: int | None) -> None:
    case = harbour_case if seed is None else analyse_case(generated_case(seed))
    expected = _one_after_another(case, monkeypatch)
    assert expected  # a case with flags of several rules
    monkeypatch.setattr(side_by_side, "SIDE_BY_SIDE_FROM", 0)
    monkeypatch.setattr(side_by_side.os, "cpu_count", lambda: 2)
    started: list[object] = []
    start = BaseProcess.start
    monkeypatch.setattr(BaseProcess, "start",
                        lambda self: (started.append(self), start(self))[1])
    assert find_flags(case) == expected
    assert len(started) == 1  # the other process, forked
    assert multiprocessing.active_children() == []


def _fails(_: object) -> list[Flag]:
    raise ValueError("a rule that fails")


def test_a_case_past_the_bound_runs_them_one_after_another(
        harbour_case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past 300,000 entries the second process would copy more memory than the time saved
    is worth."""
    expected = _one_after_another(harbour_case, monkeypatch)
    monkeypatch.setattr(side_by_side, "SIDE_BY_SIDE_FROM", 0)
    monkeypatch.setattr(side_by_side, "SIDE_BY_SIDE_UP_TO", len(harbour_case.entries) - 1)
    monkeypatch.setattr(BaseProcess, "start", lambda self: pytest.fail("a process started"))
    assert find_flags(harbour_case) == expected


@pytest.mark.parametrize("first", [True, False])  # taken by one process, or by the other
def test_a_failing_rule_raises_to_the_caller_and_leaves_no_process(
        harbour_case: Case, monkeypatch: pytest.MonkeyPatch, first: bool) -> None:
    failing = RegisteredRule((FlagCode.DATE_UNCERTAIN,), _fails, long=first)
    rules = [failing, *RULES] if first else [*RULES, failing]
    monkeypatch.setattr(side_by_side, "SIDE_BY_SIDE_FROM", 0)
    monkeypatch.setattr(side_by_side.os, "cpu_count", lambda: 2)
    from chronogen.analyse.context import FlagContext

    with pytest.raises(ValueError, match="a rule that fails"):
        side_by_side.run_rules(FlagContext(harbour_case, harbour_case.settings), rules)
    assert multiprocessing.active_children() == []


def test_while_another_thread_runs_them_side_by_side_they_run_here(
        harbour_case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _one_after_another(harbour_case, monkeypatch)
    monkeypatch.setattr(side_by_side, "SIDE_BY_SIDE_FROM", 0)
    monkeypatch.setattr(side_by_side, "_ONE_AT_A_TIME", threading.Lock())
    side_by_side._ONE_AT_A_TIME.acquire()  # another thread's
    monkeypatch.setattr(BaseProcess, "start", lambda self: pytest.fail("a process started"))
    try:
        assert find_flags(harbour_case) == expected
    finally:
        side_by_side._ONE_AT_A_TIME.release()

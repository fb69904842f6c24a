"""The registry of flag rules: adding a rule is adding one decorated function."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from chronogen.analyse.context import FlagContext
from chronogen.model.flag import Flag, FlagCode

Rule = Callable[[FlagContext], Iterable[Flag]]


@dataclass(frozen=True)
class RegisteredRule:
    """A rule and the flag codes it can raise."""

    codes: tuple[FlagCode, ...]
    func: Rule
    #: whether it takes longest on a long case (measured: ``bench/bench_flags.py``): run
    #: first where the rules run side by side
    long: bool = False


RULES: list[RegisteredRule] = []


def rule(*codes: FlagCode, long: bool = False) -> Callable[[Rule], Rule]:
    """Register a rule raising flags with the given codes (*long*: one of those that take
    longest on a long case)."""

    def register(func: Rule) -> Rule:
        RULES.append(RegisteredRule(codes, func, long))
        return func

    return register


def codes() -> list[FlagCode]:
    """Every flag code a registered rule can raise, in registration order."""
    return [code for registered in RULES for code in registered.codes]

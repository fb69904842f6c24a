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


RULES: list[RegisteredRule] = []


def rule(*codes: FlagCode) -> Callable[[Rule], Rule]:
    """Register a rule raising flags with the given codes."""

    def register(func: Rule) -> Rule:
        RULES.append(RegisteredRule(codes, func))
        return func

    return register


def codes() -> list[FlagCode]:
    """Every flag code a registered rule can raise, in registration order."""
    return [code for registered in RULES for code in registered.codes]

"""The quick check while working (``pytest -m "not slow"``) draws fewer examples of every
property test, and only the quick check does."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import settings

from tests.property_examples import FULL, QUICK, examples

TESTS = Path(__file__).parent
# a test of the generator itself, not of chronogen: its docstring's odds need all sixty
OWN_NUMBER = {("test_timeline.py", "count")}


def test_under_the_quick_profile_a_test_draws_a_quarter_of_what_it_asks_for() -> None:
    before = settings.get_current_profile_name()
    try:
        settings.load_profile(QUICK)
        assert [examples(n) for n in (120, 300, 2, 1)] == [30, 75, 1, 1]
        settings.load_profile("default")
        assert settings.default.max_examples == FULL
        assert [examples(n) for n in (120, 300, 2)] == [120, 300, 2]
    finally:
        settings.load_profile(before)


def test_every_property_test_asking_for_its_own_number_asks_through_examples() -> None:
    """A literal ``max_examples=300`` would draw 300 in the quick check too."""
    literal = []
    for path in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in node.decorator_list:
                for call in ast.walk(decorator):
                    if isinstance(call, ast.keyword) and call.arg == "max_examples" \
                            and not (isinstance(call.value, ast.Call)
                                     and ast.unparse(call.value.func) == "examples") \
                            and (path.name, node.name) not in OWN_NUMBER:
                        literal.append(f"{path.name}::{node.name}")
    assert literal == []

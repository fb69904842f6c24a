"""How many examples a property test draws: as many as it asks for in the whole suite, a
quarter of them in the quick check while working (``pytest -m "not slow"``, which loads the
``quick`` profile registered here)."""

from __future__ import annotations

from hypothesis import settings

FULL = 100  # hypothesis's own default, which the whole suite keeps
QUICK = "quick"
settings.register_profile(QUICK, max_examples=FULL // 4)


def examples(wanted: int) -> int:
    """*wanted* examples in the whole suite, in proportion under a profile that draws fewer
    (a test asking for its own number is otherwise deaf to the profile)."""
    return max(1, round(wanted * settings.default.max_examples / FULL))

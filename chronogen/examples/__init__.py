"""Example cases shipped with chronogen (fictional)."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).parent


def example_case(name: str = "harbour") -> Path:
    """The folder of a bundled example case."""
    return EXAMPLES / name

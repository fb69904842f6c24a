"""Shared fixtures: the harbour case (copied from the project's shared fixtures)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chronogen import Case, read_case

DATA = Path(__file__).parent / "data"
HARBOUR = DATA / "harbour"


@pytest.fixture(scope="session")
def harbour_case() -> Case:
    return read_case(HARBOUR)


@pytest.fixture(scope="session")
def harbour_expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HARBOUR / "expected.json").read_text(encoding="utf-8"))
    return data

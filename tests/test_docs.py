"""The docs describe what the code does: every synonym, field and problem code is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronogen import ProblemCode
from chronogen.read.returns.columns import SYNONYMS, Field

DOCS = Path(__file__).parent.parent / "docs"
AGENCY_DOC = (DOCS / "agency-returns.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", list(Field))
def test_every_field_is_documented(field: Field) -> None:
    assert f"`{field.value}`" in AGENCY_DOC


@pytest.mark.parametrize(("field", "name"),
                         [(f, n) for f, names in SYNONYMS.items() for n in names])
def test_every_synonym_is_documented(field: Field, name: str) -> None:
    row = next(line for line in AGENCY_DOC.splitlines() if line.startswith(f"| `{field.value}` |"))
    assert name in row


@pytest.mark.parametrize("code", list(ProblemCode))
def test_every_row_problem_code_is_documented(code: ProblemCode) -> None:
    assert f"`{code.value}`" in AGENCY_DOC

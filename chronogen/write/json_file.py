"""``case.json``: the whole case, in the public shape documented in docs/case-json.md."""

from __future__ import annotations

from pathlib import Path

from chronogen.model.case import Case
from chronogen.write.registry import OutputOptions, Written


def case_to_json(case: Case) -> str:
    """The case as indented JSON text (deterministic: same case, same text)."""
    return case.model_dump_json(indent=2) + "\n"


def write_json(case: Case, output: Path) -> Path:
    """Write ``case.json``."""
    output.write_text(case_to_json(case), encoding="utf-8")
    return output


def read_case_json(path: Path) -> Case:
    """Load a ``case.json`` written by chronogen back into a :class:`Case`."""
    return Case.model_validate_json(path.read_text(encoding="utf-8"))


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``case.json`` in the output folder (the ``build`` writer)."""
    return Written([write_json(case, out / "case.json")])

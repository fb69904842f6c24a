"""The public API: everything in __all__ exists, and the stage functions compose."""

from __future__ import annotations

from pathlib import Path

import chronogen
from tests.conftest import HARBOUR


def test_every_public_name_exists_and_is_documented() -> None:
    for name in chronogen.__all__:
        value = getattr(chronogen, name)
        if callable(value) and not name.startswith("_"):
            assert value.__doc__, f"{name} has no docstring"


def test_the_stages_compose(tmp_path: Path) -> None:
    case = chronogen.read_case(HARBOUR)
    timeline = chronogen.merge(reversed(case.entries), [a.name for a in case.agencies])
    assert [e.id for e in timeline.entries] == [e.id for e in case.entries]
    stricter = chronogen.find_flags(case, chronogen.Settings(unseen_days=200))
    assert {f.code for f in stricter} <= {f.code for f in case.flags}
    assert sum(f.code == "unseen-period" for f in stricter) < sum(
        f.code == "unseen-period" for f in case.flags)
    assert chronogen.summarise(case) == case.summaries
    graph = chronogen.genogram(case.family)
    assert graph.number_of_nodes() > len(case.family.people)
    assert chronogen.to_dot(case.family).startswith("digraph")
    result = chronogen.write_outputs(case, tmp_path)
    assert {p.name for p in result.outputs} >= {"case.json", "chronology.xlsx"}
    assert chronogen.read_case_json(tmp_path / "case.json") == case

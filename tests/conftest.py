"""Shared fixtures: the harbour case (copied from the project's shared fixtures)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # chronogen is imported by the tests that use it: pytest's own process,
    # which starts the workers, then starts them without loading it first
    from chronogen import Case
    from chronogen.model.chronology import Entry
    from chronogen.model.problems import Problem

# pytest keeps each test module with its assertions rewritten in __pycache__, as it does by
# default; where PYTHONDONTWRITEBYTECODE is set, every worker rewrote every module on every
# run (about 2 s of each worker's start)
sys.dont_write_bytecode = False

DATA = Path(__file__).parent / "data"
HARBOUR = DATA / "harbour"


@pytest.fixture(scope="session")
def harbour_case() -> Case:
    from chronogen import read_case

    return read_case(HARBOUR)


@pytest.fixture(scope="session")
def harbour_expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HARBOUR / "expected.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("chronogen tried to open a network connection")

    # every way out goes through connect (the class itself stays, so modules that subclass
    # it, such as ssl, still import)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


QUICK_CHECK = "not slow"


def pytest_configure(config: pytest.Config) -> None:
    """The quick check (``-m "not slow"``) draws a quarter of each property test's examples,
    unless a hypothesis profile is named; the whole suite draws them all."""
    if config.option.markexpr == QUICK_CHECK and not config.getoption("hypothesis_profile"):
        from hypothesis import settings

        from tests.property_examples import QUICK

        settings.load_profile(QUICK)


def pytest_report_header(config: pytest.Config) -> str:
    from hypothesis import settings

    return f"property tests: {settings.default.max_examples} examples where a test asks for 100"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that runs the real command line in a subprocess is an end-to-end run:
    marked ``slow``, so ``pytest -m "not slow"`` is the quick check while working."""
    import inspect

    runs: dict[object, bool] = {}  # by function: a parametrised test's source is read once
    for item in items:
        function = getattr(item, "function", None)
        if function is None:
            continue
        if function not in runs:
            source = inspect.getsource(function)
            runs[function] = "subprocess" in source or "run(" in source.replace("_run(", "")
        if runs[function]:
            item.add_marker(pytest.mark.slow)


def assert_valid_entries(entries: Iterable[Entry]) -> None:
    """Each entry is what validating its own values gives (the reader makes entries without
    validating them again: a value of the wrong type would fail here)."""
    from chronogen.model.chronology import ChildRecord, Entry
    from chronogen.model.problems import SourceRef

    for entry in entries:
        again = Entry.model_validate(entry.model_dump(), strict=True)
        assert again == entry, entry.id
        assert type(entry.source) is SourceRef
        assert all(type(child) is ChildRecord for child in entry.children.values())


def assert_valid_problems(problems: Iterable[Problem]) -> None:
    """Each problem is what validating its own values gives (the reader makes them without
    validating them again)."""
    from chronogen.model.problems import Problem

    for problem in problems:
        assert Problem.model_validate(problem.model_dump(), strict=True) == problem, problem


def one_agency_case(folder: Path, agency: str, return_csv: str, *, title: str = "T",
                    file_name: str = "return.csv") -> Path:
    """A case folder: the harbour family and one agency's return (*return_csv*, the CSV's
    text, written as *file_name*)."""
    import shutil

    folder.mkdir(parents=True)
    shutil.copy(HARBOUR / "family.xlsx", folder / "family.xlsx")
    (folder / "case.toml").write_text(
        f'title = "{title}"\n[family]\nfile = "family.xlsx"\n'
        f'[[agencies]]\nname = "{agency}"\nfile = "{file_name}"\n', encoding="utf-8")
    (folder / file_name).write_text(return_csv, encoding="utf-8")
    return folder


def unseen_visits_case(folder: Path, visits: int) -> Path:
    """A case folder (the harbour family) whose health visitor records *visits* home visits
    in March 2020, Mia not seen at any: one child-not-seen flag each."""
    return one_agency_case(folder, "Health Visiting", "Date,Contact type,Child,Summary,Child "
                           "seen?\n" + "".join(f"{day:02d}/03/2020,Home visit,Mia,Visited the "
                                               "home,No\n" for day in range(1, visits + 1)),
                           title="Many visits", file_name="hv.csv")

"""Which reviews the arguments name: case folders, ``case.json`` files, folders of them.

A folder holding ``case.toml`` is a case (not looked into further); else a folder holding
``case.json`` is a built review; else its sub-folders are walked, in name order. A file
named on the command line is a ``case.json`` (any name ending ``.json``) or a case's
``case.toml``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from chronogen.model.overview import OverviewProblem
from chronogen.read.manifest import MANIFEST_NAME

CASE_JSON = "case.json"
#: how deep a folder of folders is walked
MAX_DEPTH = 8


@dataclass(frozen=True, order=True)
class ReviewInput:
    """One review to read: a case folder or a case.json."""

    path: Path
    kind: Literal["case folder", "case.json"]


def find_reviews(arguments: list[Path]) -> tuple[list[ReviewInput], list[OverviewProblem]]:
    """Every review the *arguments* name, each once, in path order (so the order of the
    arguments does not matter), and the arguments that name none."""
    found: set[ReviewInput] = set()
    problems: list[OverviewProblem] = []
    for argument in arguments:
        path = Path(os.path.abspath(argument))
        before = len(found)
        if not path.exists():
            problems.append(OverviewProblem(severity="error", message="an argument names "
                                            "nothing that exists",
                                            detail=f"{argument}: not found"))
            continue
        if path.is_file():
            if path.name == MANIFEST_NAME:
                found.add(ReviewInput(path.parent, "case folder"))
            elif path.suffix.lower() == ".json":
                found.add(ReviewInput(path, "case.json"))
            else:
                problems.append(OverviewProblem(
                    severity="error", message="an argument is not a case folder, case.toml "
                                              "or case.json",
                    detail=f"{argument}: not a case folder, case.toml or case.json"))
            continue
        _walk(path, found, 0)
        if len(found) == before:
            problems.append(OverviewProblem(
                severity="warning", message="a folder argument holds no review",
                detail=f"{argument}: holds no case folder (case.toml) and no case.json"))
    return sorted(found), problems


def _walk(folder: Path, found: set[ReviewInput], depth: int) -> None:
    if (folder / MANIFEST_NAME).is_file():
        found.add(ReviewInput(folder, "case folder"))
        return
    if (folder / CASE_JSON).is_file():
        found.add(ReviewInput(folder / CASE_JSON, "case.json"))
        return
    if depth >= MAX_DEPTH:
        return
    try:
        children = sorted(p for p in folder.iterdir()
                          if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    except OSError:
        return
    for child in children:
        _walk(child, found, depth + 1)

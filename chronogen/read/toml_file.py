"""Reading a settings file the user wrote (``case.toml``, a column mapping) into its model:
every error names the file, and the key when one is wrong."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from chronogen.errors import InputError, InputFileNotFound
from chronogen.model.validation import explain

M = TypeVar("M", bound=BaseModel)


def load_toml(path: Path, model: type[M], *, what: str, error: type[InputError] = InputError,
              known_keys: Mapping[tuple[str, ...], Sequence[str]] | None = None,
              hint: str = "") -> M:
    """*path* read as TOML and checked as *model*. *what* names the kind of file in
    messages; *error* is the exception raised; *known_keys* feeds "did you mean";
    *hint* is added after a wrong key or value."""
    if not path.exists():
        raise InputFileNotFound(f"{path}: {what} not found")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as problem:
        raise error(f"{path}: not valid TOML: {problem}") from problem
    except UnicodeDecodeError as problem:
        raise error(f"{path}: not UTF-8 text") from problem
    except RecursionError as problem:
        raise error(f"{path}: nested too deeply to be a {what}") from problem
    try:
        return model.model_validate(data)
    except ValidationError as problem:
        raise error(f"{path}: {explain(problem, known_keys)}{hint}") from problem

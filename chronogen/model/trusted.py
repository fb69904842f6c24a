"""Models made from values the caller has already checked, without validating them again.

The agency reader makes a million entries for a long case; pydantic's validation of each
(every field's type, the raw cells' union type, copies of its lists and dicts) was a third
of the reader's time per row. The reader builds each value with the right type itself, and
the tests validate every entry it makes against the model (``tests/test_import_*``).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


def trusted(model: type[_M], values: dict[str, Any], fields_set: set[str]) -> _M:
    """An instance of *model* holding *values* (every field, defaults included), as
    ``model_construct`` makes one but without its per-field work. *fields_set* is shared:
    the caller passes one set for all its instances, not one each."""
    made = object.__new__(model)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", fields_set)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made

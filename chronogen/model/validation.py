"""One way to say what is wrong with data that failed validation (case.toml, mapping
files, family JSON): every error, each with the key it is under."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from pydantic import ValidationError


def explain(error: ValidationError,
            known_keys: Mapping[tuple[str, ...], Sequence[str]] | None = None) -> str:
    """Every error in *error*, ``; ``-joined: ``unknown key 'agencies.0.fiel' (did you mean
    'file'?)``, ``missing key 'title'``, ``settings.unseen_days: Input should be ...``.

    *known_keys* maps a section (its key path without list indexes, ``("agencies",)``) to
    the keys allowed there, for the "did you mean" hint.
    """
    messages = []
    for item in error.errors():
        loc = [str(p) for p in item["loc"]]
        where = ".".join(loc)
        if item["type"] == "extra_forbidden":
            section = tuple(p for p in loc[:-1] if not p.isdigit())
            options = list((known_keys or {}).get(section, []))
            close = difflib.get_close_matches(loc[-1], options, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else (
                f" (known keys: {', '.join(options)})" if options else "")
            messages.append(f"unknown key {where!r}{hint}")
        elif item["type"] == "missing":
            messages.append(f"missing key {where!r}")
        else:
            messages.append(f"{where}: {item['msg']}" if where else item["msg"])
    return "; ".join(messages)

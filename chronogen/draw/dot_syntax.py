"""DOT syntax: quoting, attribute lists, HTML-like labels."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class HtmlLabel(str):
    """A Graphviz HTML-like label: written between < and >, not quoted."""


Attrs = dict[str, str | int | float | None]


def quote(text: str) -> str:
    """A DOT double-quoted string."""
    text = _CONTROL.sub("", text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def attr_list(values: Attrs) -> str:
    parts = [f"{k}=<{v}>" if isinstance(v, HtmlLabel) else
             f"{k}={quote(v) if isinstance(v, str) else v}" for k, v in values.items()
             if v is not None]
    return "[" + ", ".join(parts) + "]"

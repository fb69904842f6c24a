"""DOT syntax: quoting, attribute lists, HTML-like labels."""

from __future__ import annotations


class HtmlLabel(str):
    """A Graphviz HTML-like label: written between < and >, not quoted."""


Attrs = dict[str, str | int | float | None]


def quote(text: str) -> str:
    """A DOT double-quoted string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def attr_list(values: Attrs) -> str:
    parts = [f"{k}=<{v}>" if isinstance(v, HtmlLabel) else
             f"{k}={quote(v) if isinstance(v, str) else v}" for k, v in values.items()
             if v is not None]
    return "[" + ", ".join(parts) + "]"

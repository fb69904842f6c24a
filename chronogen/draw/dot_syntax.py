"""DOT syntax: quoting, attribute lists, HTML-like labels."""

from __future__ import annotations

import re

#: control characters and code points XML cannot hold (Graphviz writes SVG): dropped
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
#: Graphviz refuses strings near 16,384 characters ("syntax error"); labels are cut well below
LABEL_LIMIT = 300
_STRING_LIMIT = 4000


def clean_label(text: str, limit: int = LABEL_LIMIT) -> str:
    """Text fit for a drawing: no control or XML-illegal characters, at most *limit*
    characters (cut with an ellipsis)."""
    text = _CONTROL.sub("", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HtmlLabel(str):
    """A Graphviz HTML-like label: written between < and >, not quoted."""


Attrs = dict[str, str | int | float | None]


def quote(text: str) -> str:
    """A DOT double-quoted string (cleaned, and cut far below Graphviz's own limit)."""
    text = clean_label(text, _STRING_LIMIT)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


_TEXT_KEYS = frozenset({"label", "xlabel", "tooltip", "headlabel", "taillabel"})


def attr_list(values: Attrs) -> str:
    parts = [f"{k}=<{v}>" if isinstance(v, HtmlLabel) else
             f"{k}={quote(clean_label(v) if k in _TEXT_KEYS else v) if isinstance(v, str) else v}"
             for k, v in values.items() if v is not None]
    return "[" + ", ".join(parts) + "]"

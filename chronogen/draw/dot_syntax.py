"""DOT syntax: quoting, attribute lists, HTML-like labels."""

from __future__ import annotations

from chronogen.domain.text import xml_safe

#: besides what XML cannot hold (Graphviz writes SVG), carriage returns and DEL: dropped
_ALSO_DROPPED = str.maketrans("", "", "\r\x7f")
#: Graphviz refuses strings near 16,384 characters ("syntax error"); labels are cut well below
LABEL_LIMIT = 300
_STRING_LIMIT = 4000


def clean_label(text: str, limit: int = LABEL_LIMIT) -> str:
    """Text fit for a drawing: no control or XML-illegal characters, at most *limit*
    characters (cut with an ellipsis)."""
    text = xml_safe(text, "").translate(_ALSO_DROPPED)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HtmlLabel(str):
    """A Graphviz HTML-like label: written between < and >, not quoted."""


Attrs = dict[str, str | int | float | None]


def quote(text: str) -> str:
    """A DOT double-quoted string (cleaned, and cut far below Graphviz's own limit)."""
    text = clean_label(text, _STRING_LIMIT)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def caption_id(person_id: str) -> str:
    """The node id of a person's caption."""
    return f"C:{person_id}"


#: how the drawing's own nodes are named (unions, captions, single-parent and twin points,
#: household outlines, the key and the title), and how a person's node is when their id is
#: written so
OWN_NODE_PREFIXES = ("U:", "C:", "S:", "T:", "P:", "household_", "key", "title")


def person_node(person_id: str) -> str:
    """The node id of a person's symbol: their id, or ``P:`` and their id when the id is
    written the way the drawing names its own nodes (``U:A+B``, ``key``), so that no person
    is ever the same node as a union, a caption or another person."""
    return f"P:{person_id}" if person_id.startswith(OWN_NODE_PREFIXES) else person_id


def quote_held(value: str) -> str:
    """A value Graphviz already holds (read from its JSON) as a DOT string it reads back
    the same: Graphviz keeps backslashes as written, so only a quote is escaped."""
    return '"' + value.replace('"', '\\"') + '"'


def graphviz_name(text: str) -> str:
    """The name Graphviz gives a node written as ``quote(text)``: its scanner turns ``\\"``
    into a quote and keeps every other backslash as written (layouts name nodes so)."""
    return quote(text)[1:-1].replace('\\"', '"')


_TEXT_KEYS = frozenset({"label", "xlabel", "tooltip", "headlabel", "taillabel"})


def attr_list(values: Attrs) -> str:
    parts = [f"{k}=<{v}>" if isinstance(v, HtmlLabel) else
             f"{k}={quote(clean_label(v) if k in _TEXT_KEYS else v) if isinstance(v, str) else v}"
             for k, v in values.items() if v is not None]
    return "[" + ", ".join(parts) + "]"

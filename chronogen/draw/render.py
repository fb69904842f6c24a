"""Laying out and rendering the genogram with Graphviz (``dot``, then ``neato -n2``).

The structure from :mod:`chronogen.draw.dot` is laid out by ``dot``; household outlines,
the key and the title are then placed over the finished layout and ``neato -n2`` draws it.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from chronogen.domain.kinship import family_as_at
from chronogen.draw.dot import CROSSES, FORMATS, default_as_at, structure, to_dot
from chronogen.draw.dot_syntax import quote_held
from chronogen.draw.households import edge_lines, households_at, outlines, overlay_dot
from chronogen.errors import OutputFormatError, RenderError
from chronogen.model.family import Family

#: resolution of PNG genograms: print quality
DEFAULT_DPI = 200


def find_dot() -> str | None:
    """The path of Graphviz's ``dot`` program, or None."""
    return shutil.which("dot")


#: while a build writes its outputs (:func:`layouts_shared`), each layout Graphviz gave, by
#: the DOT text laid out: the genogram files, the Word appendix and the report draw the same
#: family as at the same day, and the layout is nearly all of a large family's drawing
_LAYOUTS: dict[tuple[str, str], str] | None = None


@contextmanager
def layouts_shared() -> Iterator[None]:
    """Within the block, a DOT text laid out again is not laid out again: Graphviz's layout
    of it is kept (until the outermost such block ends). A build's writers draw the same
    genogram, titled or not, in several formats and documents: laid out once."""
    global _LAYOUTS
    outermost = _LAYOUTS is None
    if outermost:
        _LAYOUTS = {}
    try:
        yield
    finally:
        if outermost:
            _LAYOUTS = None


def _run_dot(dot_text: str, kind: str, output: Path | None) -> str:
    kept = _LAYOUTS
    if output is None and kept is not None and (found := kept.get((kind, dot_text))):
        return found
    data = _graphviz("dot", kind, dot_text)
    if output is not None:
        output.write_bytes(data)
    text = data.decode("utf-8", "replace")
    if output is None and kept is not None:
        kept[(kind, dot_text)] = text
    return text


def _graphviz(engine: str, kind: str, dot_text: str, *, no_op: int | None = None) -> bytes:
    """Run Graphviz's *engine* (through the ``graphviz`` package) on DOT text."""
    import graphviz

    try:
        data: bytes = graphviz.pipe(engine, kind, dot_text.encode("utf-8"), neato_no_op=no_op,
                                    quiet=True)
    except graphviz.ExecutableNotFound as error:
        raise RenderError("Graphviz's 'dot' program was not found: install Graphviz "
                          "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install "
                          "graphviz) or write the genogram as .dot") from error
    except graphviz.CalledProcessError as error:
        stderr = error.stderr.decode("utf-8", "replace") if isinstance(error.stderr, bytes) \
            else str(error.stderr or "")
        raise RenderError(f"Graphviz {engine} failed (exit {error.returncode}): "
                          f"{stderr.strip()[:500]}") from error
    return data


def render(dot_text: str, output: Path | str, fmt: str | None = None) -> Path:
    """Render DOT text to *output* (svg, png, pdf or dot) with the real ``dot`` binary."""
    output = Path(output)
    kind = (fmt or output.suffix.lstrip(".")).lower()
    if kind not in FORMATS:
        raise OutputFormatError(f"{output}: unsupported genogram format {kind!r}; use one of "
                                + ", ".join(FORMATS))
    if kind == "dot":
        output.write_text(dot_text, encoding="utf-8")
        return output
    _run_dot(dot_text, kind, output)
    return output


def final_dot(family: Family, *, as_at: date | None = None, title: str | None = None) -> str:
    """The finished genogram: laid out by ``dot``, household outlines drawn over it.

    The result is positioned DOT text; render it with ``neato -n2``. Needs Graphviz.
    """
    when = as_at or default_as_at(family)
    if when is not None:
        family = family_as_at(family, when)
    # laid out without the key: a tall key would stretch the rank it landed on
    shape, key = structure(family, when, None, False)
    # one layout, read as JSON: Graphviz's own -Tdot writer takes seconds on a large family
    layout = layout_json(shape)
    positioned = positioned_dot(layout, html_labels=frozenset(CROSSES.values()))
    homes = households_at(family, when) if when is not None else {}
    drawn = outlines(homes, layout, when, [p.id for p in family.people]) \
        if when is not None else []
    extra: list[tuple[str, float, float]] = []
    if key is not None:
        size = json.loads(_run_dot(f"digraph k {{ {key} }}", "json", None))["objects"][0]
        extra.append((key, float(size["width"]) * 72, float(size["height"]) * 72))
    return overlay_dot(positioned, drawn, extra, title=title, lines=edge_lines(layout))


def draw_genogram(family: Family, outputs: Sequence[Path | str], *, as_at: date | None = None,
                  title: str | None = None, dpi: int = DEFAULT_DPI) -> list[Path]:
    """Draw the genogram of *family* to each of *outputs* (.svg, .png, .pdf or .dot), laid out once
    for all of them.

    With Graphviz installed, .dot is the finished, positioned drawing (``neato -n2 -Tsvg``
    renders it as chronogen does); without it, .dot is the unpositioned structure and the
    other formats raise :class:`RenderError` saying how to install Graphviz. PNG is drawn at
    *dpi* dots per inch.
    """
    paths = [Path(output) for output in outputs]
    for output in paths:
        if output.suffix.lstrip(".").lower() not in FORMATS:
            raise OutputFormatError(f"{output}: unsupported genogram format "
                                    f"{output.suffix or '(no suffix)'!r}; use one of "
                                    + ", ".join(f".{f}" for f in FORMATS))
    finished: str | None = None
    for output in paths:
        kind = output.suffix.lstrip(".").lower()
        if kind == "dot" and find_dot() is None:
            output.write_text(to_dot(family, as_at=as_at, title=title), encoding="utf-8")
            continue
        if finished is None:
            finished = final_dot(family, as_at=as_at, title=title)
        if kind == "dot":
            output.write_text(finished, encoding="utf-8")
            continue
        text = with_dpi(finished, dpi) if kind == "png" else finished
        data = _graphviz("neato", kind, text, no_op=2)
        output.write_bytes(fixed_pdf_dates(data) if kind == "pdf" else data)
    return paths


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)")
_FIXED_DATE = b"(D:20000101000000Z)"
_XREF_ENTRY = re.compile(rb"^(\d{10}) (\d{5}) n", re.MULTILINE)
_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def with_dpi(dot_text: str, dpi: int) -> str:
    """The same drawing with a resolution for bitmaps (the first graph attribute line)."""
    return dot_text.replace("{", f"{{\n\tgraph [dpi={int(dpi)}];", 1)


def fixed_pdf_dates(data: bytes) -> bytes:
    """The PDF with its creation and modification dates fixed: cairo writes the time of day
    in the local time zone, so equal inputs would give different bytes from one run or time
    zone to the next. The cross-reference offsets after each date are moved to match."""
    for match in reversed(list(_PDF_DATE.finditer(data))):
        old = match.group(0)
        new = b"/" + match.group(1) + b" " + _FIXED_DATE
        if old == new:
            continue
        delta, at = len(new) - len(old), match.start()
        data = data[:at] + new + data[match.end():]

        def moved(entry: re.Match[bytes], at: int = at, delta: int = delta) -> bytes:
            offset = int(entry.group(1))
            return b"%010d %s n" % (offset + delta if offset > at else offset, entry.group(2))

        def start(found: re.Match[bytes], delta: int = delta) -> bytes:
            return b"startxref\n%d" % (int(found.group(1)) + delta)

        head, tail = data[:at], data[at:]
        data = head + _STARTXREF.sub(start, _XREF_ENTRY.sub(moved, tail))
    return data


def layout_json(dot_text: str) -> dict[str, Any]:
    """Graphviz's own layout (``dot -Tjson0``) of DOT text: every node and edge with its
    attributes and position."""
    result: dict[str, Any] = json.loads(_run_dot(dot_text, "json0", None))
    return result


#: keys of Graphviz's JSON that are its structure, not graph attributes
_JSON_STRUCTURE = frozenset({"name", "directed", "strict", "objects", "edges", "subgraphs",
                             "nodes"})


def positioned_dot(layout: dict[str, Any], html_labels: Collection[str] = ()) -> str:
    """The laid-out graph (:func:`layout_json`) as positioned DOT text, for ``neato -n2``.

    Every node and edge keeps its attributes, position and spline; nodes and edges come in
    the layout's order, so the drawing is made in the same order. Subgraphs are left out:
    once laid out they draw nothing (chronogen's genogram has no clusters). Graphviz's JSON
    does not say which labels were HTML-like: a node label in *html_labels* is written as one.
    """
    directed = bool(layout.get("directed", True))
    objects = layout.get("objects", [])
    nodes = objects[int(layout.get("_subgraph_cnt", 0)):]
    edges = layout.get("edges", [])
    lines = [f"{'digraph' if directed else 'graph'} {quote_held(str(layout.get('name', '')))} {{",
             f"\tgraph {_dot_attrs(_attributes(layout))};"]
    # an attribute a node does not list was empty for it: empty is every attribute's default
    for kind, items in (("node", nodes), ("edge", edges)):
        keys = sorted({key for item in items for key in _attributes(item)})
        if keys:
            lines.append(f"\t{kind} {_dot_attrs(dict.fromkeys(keys, ''))};")
    # an edge names its ends by their place among the objects (subgraphs, then nodes)
    names = {int(item["_gvid"]): str(item["name"]) for item in objects}
    lines += [f"\t{quote_held(str(node['name']))} {_dot_attrs(_attributes(node), html_labels)};"
              for node in nodes]
    arrow = " -> " if directed else " -- "
    lines += [f"\t{quote_held(names[edge['tail']])}{arrow}{quote_held(names[edge['head']])} "
              f"{_dot_attrs(_attributes(edge))};" for edge in edges]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _attributes(item: dict[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in item.items()
            if key not in _JSON_STRUCTURE and not key.startswith("_")
            and key not in ("tail", "head")}


def _dot_attrs(values: dict[str, str], html_labels: Collection[str] = ()) -> str:
    return "[" + ", ".join(
        f"{key}=<{value}>" if key == "label" and value in html_labels
        else f"{key}={quote_held(value)}" for key, value in values.items()) + "]"

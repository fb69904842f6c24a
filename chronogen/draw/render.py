"""Laying out and rendering the genogram with Graphviz (``dot``, then ``neato -n2``).

The structure from :mod:`chronogen.draw.dot` is laid out by ``dot``; household outlines,
the key and the title are then placed over the finished layout and ``neato -n2`` draws it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from chronogen.draw.dot import FORMATS, default_as_at, structure, to_dot
from chronogen.draw.households import households_at, outlines, overlay_dot
from chronogen.errors import OutputFormatError, RenderError
from chronogen.model.family import Family


def find_dot() -> str | None:
    """The path of Graphviz's ``dot`` program, or None."""
    return shutil.which("dot")


def _run_dot(dot_text: str, kind: str, output: Path | None) -> str:
    arguments = [f"-T{kind}"] + (["-o", str(output)] if output else [])
    return _run_graphviz("dot", arguments, dot_text)


def _run_graphviz(name: str, arguments: list[str], dot_text: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise RenderError("Graphviz's 'dot' program was not found: install Graphviz "
                          "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install "
                          "graphviz) or write the genogram as .dot")
    # a fixed date for the PDF's creation date: the same input gives the same bytes
    env = {**os.environ, "SOURCE_DATE_EPOCH": "946684800"}
    completed = subprocess.run([program, *arguments], input=dot_text.encode("utf-8"),
                               capture_output=True, check=False, timeout=120, env=env)
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()[:500]
        raise RenderError(f"Graphviz {name} failed (exit {completed.returncode}): {message}")
    return completed.stdout.decode("utf-8", "replace")


def render(dot_text: str, output: Path, fmt: str | None = None) -> Path:
    """Render DOT text to *output* (svg, png, pdf or dot) with the real ``dot`` binary."""
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
    # laid out without the key: a tall key would stretch the rank it landed on
    shape, key = structure(family, when, None, False)
    positioned = _run_dot(shape, "dot", None)
    layout: dict[str, Any] = json.loads(_run_dot(shape, "json", None))
    homes = households_at(family, when) if when is not None else {}
    drawn = outlines(homes, layout, when) if when is not None else []
    extra: list[tuple[str, float, float]] = []
    if key is not None:
        size = json.loads(_run_dot(f"digraph k {{ {key} }}", "json", None))["objects"][0]
        extra.append((key, float(size["width"]) * 72, float(size["height"]) * 72))
    return overlay_dot(positioned, drawn, extra, title=title)


def draw_genogram(family: Family, outputs: Sequence[Path], *, as_at: date | None = None,
                  title: str | None = None) -> list[Path]:
    """Draw the genogram of *family* to each of *outputs* (.svg, .png, .pdf or .dot), laid out
    once for all of them.

    With Graphviz installed, .dot is the finished, positioned drawing (``neato -n2 -Tsvg``
    renders it as chronogen does); without it, .dot is the unpositioned structure and the
    other formats raise :class:`RenderError` saying how to install Graphviz.
    """
    for output in outputs:
        if output.suffix.lstrip(".").lower() not in FORMATS:
            raise OutputFormatError(f"{output}: unsupported genogram format "
                                    f"{output.suffix or '(no suffix)'!r}; use one of "
                                    + ", ".join(f".{f}" for f in FORMATS))
    finished: str | None = None
    for output in outputs:
        kind = output.suffix.lstrip(".").lower()
        if kind == "dot" and find_dot() is None:
            output.write_text(to_dot(family, as_at=as_at, title=title), encoding="utf-8")
            continue
        if finished is None:
            finished = final_dot(family, as_at=as_at, title=title)
        if kind == "dot":
            output.write_text(finished, encoding="utf-8")
            continue
        _run_graphviz("neato", ["-n2", f"-T{kind}", "-o", str(output)], finished)
        if kind == "pdf":
            _fix_pdf_date(output)
    return list(outputs)


_PDF_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z\)")


def _fix_pdf_date(path: Path) -> None:
    """Older cairo writes the time of day into the PDF: put a fixed date of the same length
    in its place (offsets in the PDF stay right), so equal inputs give equal bytes."""
    data = path.read_bytes()
    fixed = _PDF_DATE.sub(b"/CreationDate (D:20000101000000Z)", data)
    if fixed != data:
        path.write_bytes(fixed)


def layout_json(dot_text: str) -> dict[str, Any]:
    """Graphviz's own layout (``dot -Tjson``) of DOT text: positions of every node."""
    result: dict[str, Any] = json.loads(_run_dot(dot_text, "json", None))
    return result

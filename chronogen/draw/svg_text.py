"""SVG text ready to sit inside an HTML page: no XML prologue, DOCTYPE or metadata."""

from __future__ import annotations

import re

_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>", re.S)


def inline_svg(svg: str) -> str:
    """An SVG file's text ready to sit inside HTML: no XML prologue, DOCTYPE or metadata."""
    return _METADATA.sub("", _PROLOGUE.sub("", svg, count=1))

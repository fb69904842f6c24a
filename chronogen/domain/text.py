"""Characters a file format cannot hold: one definition for every writer and drawing."""

from __future__ import annotations

import re

#: control characters and code points XML 1.0 cannot hold at all (xlsx, docx, HTML, SVG);
#: tab, line feed and carriage return are allowed
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str, replacement: str = "\N{REPLACEMENT CHARACTER}") -> str:
    """*text* with every character XML cannot hold replaced by *replacement* (a visible
    mark by default, so a reader sees that the source had something there)."""
    return XML_ILLEGAL.sub(replacement, text) if XML_ILLEGAL.search(text) else text

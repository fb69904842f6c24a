"""Neutralising spreadsheet formula injection in exported text.

Text taken from agency records is written back out to spreadsheets. A cell that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return can be run as a formula by Excel or
LibreOffice when a CSV is opened, so in CSV such text is prefixed with an apostrophe (the
OWASP advice). In xlsx the cell is written as a plain string, never a formula.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read *text* as a formula."""
    return text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """*text* with a leading apostrophe when it could be read as a formula."""
    return "'" + text if is_formula_like(text) else text

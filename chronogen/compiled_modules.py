"""Which of chronogen's modules a compiled build compiles, and which this installation has.

chronogen is pure Python. A build made with ``CHRONOGEN_COMPILE=1`` (``setup.py``;
``docs/performance.md``) compiles the modules below with mypyc, from the same typed
source: the reading of agency returns, where a large return spends its time, row by row.
Nothing else differs; every test runs on both builds in CI.

This module imports nothing of chronogen's, so that ``setup.py`` can read its list and
``chronogen --version`` can say which build it is without loading the readers.
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

#: the modules compiled, by their path under the package: none defines a Pydantic model
#: (mypyc compiles no class built on one), nor a name of the public API (a function mypyc
#: compiles keeps no docstring: ``help(chronogen.read_agency_file)`` would say nothing)
COMPILED = (
    "dates/excel.py",
    "dates/plain.py",
    "memo.py",
    "model/trusted.py",
    "read/cell_styles.py",
    "read/merged_cells.py",
    "read/package_check.py",
    "read/returns/answers.py",
    "read/returns/cell_values.py",
    "read/returns/cell_words.py",
    "read/returns/children.py",
    "read/returns/continued_rows.py",
    "read/returns/date_order.py",
    "read/returns/highlights.py",
    "read/returns/kinds.py",
    "read/returns/per_child.py",
    "read/returns/rows.py",
    "read/returns/views_text.py",
    "read/sheet.py",
    "read/sheet_problems.py",
    "read/table.py",
    "read/workbook_traits.py",
)


def compiled_here() -> list[str]:
    """The modules of :data:`COMPILED` this installation holds compiled (an extension
    module beside the source, which Python imports in its place)."""
    package = Path(__file__).parent
    found = []
    for module in COMPILED:
        source = package / module
        if any(source.with_suffix(suffix).exists() for suffix in EXTENSION_SUFFIXES):
            found.append(module)
    return found


def build_name() -> str:
    """How ``chronogen --version`` names this build: "pure Python", or how many of its
    modules are compiled."""
    compiled = compiled_here()
    if not compiled:
        return "pure Python"
    return f"compiled: {len(compiled)} of {len(COMPILED)} reading modules"

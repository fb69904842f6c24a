"""chronogen's build: pure Python, as ``pyproject.toml`` describes it; with
``CHRONOGEN_COMPILE=1``, its reading modules (``chronogen/compiled_modules.py``) compiled by
mypyc from the same source, which needs mypy, a C compiler and Python's headers
(``docs/performance.md``: a large return's rows become entries about a third faster, its
whole import about a sixth)."""

import os
import runpy
import sys

from setuptools import setup

if os.environ.get("CHRONOGEN_COMPILE") == "1":
    if "editable_wheel" in sys.argv:
        # compiled modules beside the source would be imported in its place: an edit to the
        # source would then change nothing until the next build
        sys.exit("CHRONOGEN_COMPILE=1 makes an ordinary install, not an editable one "
                 "(pip install -e): leave out -e, or CHRONOGEN_COMPILE")
    from mypyc.build import mypycify

    listed = runpy.run_path("chronogen/compiled_modules.py")["COMPILED"]
    setup(ext_modules=mypycify([f"chronogen/{module}" for module in listed], opt_level="3"))
else:
    setup()

"""The compiled build's list of modules (chronogen/compiled_modules.py, setup.py): each a
module of the package that mypyc can compile, and the build named by what is installed."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from chronogen import compiled_modules
from chronogen.compiled_modules import COMPILED, build_name, compiled_here

PACKAGE = Path(compiled_modules.__file__).parent
ROOT = PACKAGE.parent


@pytest.mark.parametrize("module", COMPILED)
def test_each_listed_module_is_source_that_mypyc_compiles(module: str) -> None:
    source = PACKAGE / module
    assert source.is_file(), f"{module} is listed but not in the package"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    # mypyc compiles no class built on a Pydantic model (nor one of its own in the module)
    bases = {ast.unparse(base) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
             for base in node.bases}
    assert not {b for b in bases if "BaseModel" in b}, f"{module} defines a Pydantic model"


def test_no_name_of_the_public_api_is_compiled() -> None:
    # a function mypyc compiles keeps no docstring: help() on the public API would be empty
    import chronogen

    listed = {"chronogen." + module.removesuffix(".py").replace("/", ".") for module in COMPILED}
    assert not {name for name, module in chronogen._EXPORTS.items() if module in listed}


def test_the_list_names_each_module_once_in_order() -> None:
    assert list(COMPILED) == sorted(set(COMPILED))


def test_the_build_is_named_by_the_extension_modules_beside_the_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = compiled_here()
    assert build_name() == ("pure Python" if not here else
                            f"compiled: {len(here)} of {len(COMPILED)} reading modules")
    # a package with two of its modules compiled (an extension beside each source)
    fake = tmp_path / "chronogen"
    for module in COMPILED:
        (fake / module).parent.mkdir(parents=True, exist_ok=True)
        (fake / module).write_text("", encoding="utf-8")
    for module in COMPILED[:2]:
        (fake / module).with_suffix(EXTENSION_SUFFIXES[0]).write_bytes(b"")
    monkeypatch.setattr(compiled_modules, "__file__", str(fake / "compiled_modules.py"))
    assert compiled_here() == list(COMPILED[:2])
    assert build_name() == f"compiled: 2 of {len(COMPILED)} reading modules"


def test_a_compiled_build_is_refused_as_an_editable_install() -> None:
    # compiled modules beside the source would be imported in its place, edits unseen
    done = subprocess.run([sys.executable, "setup.py", "editable_wheel"], cwd=ROOT,
                          env={**os.environ, "CHRONOGEN_COMPILE": "1"}, capture_output=True,
                          text=True, check=False, timeout=120)
    assert done.returncode != 0
    assert "CHRONOGEN_COMPILE=1 makes an ordinary install, not an editable one" in done.stderr

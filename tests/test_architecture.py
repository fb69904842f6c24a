"""The folder layout is the data flow: imports only point down the stages, and no loop.

    errors, progress, bulk, _version, compiled_modules  <  dates  <  model  <  domain
    <  read | analyse | draw | anonymise  <  write  <  pipeline | convert | across_reviews
    <  terminal  <  cli  <  chronogen (the public API)

``read``, ``analyse``, ``draw`` and ``anonymise`` are siblings: none imports another.
A module may always import from its own package.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).parent.parent / "chronogen"

#: each stage's rank; a module may import only from lower ranks (or its own stage)
RANKS = {
    "_version": 0, "compiled_modules": 0, "errors": 0, "progress": 0, "bulk": 0, "memo": 0,
    "dates": 1,
    "model": 2,
    "domain": 3,
    "read": 4, "analyse": 4, "draw": 4, "anonymise": 4,
    "write": 5,
    "pipeline": 6, "convert": 6, "examples": 6, "across_reviews": 6,
    "terminal": 7,
    "cli": 8, "__main__": 9,
    "__init__": 10,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


@functools.cache  # the same for every test here: the package parsed once a process
def _imports() -> dict[str, set[str]]:
    """Every chronogen module -> the chronogen modules it imports (at any depth in the file,
    type-checking-only imports included: they are arrows too)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.startswith("chronogen"):
                    targets.add(node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("chronogen"))
        found[name] = targets
    return found


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_top_level_module_and_package_has_a_stage() -> None:
    stages = {_stage(m) for m in _imports()}
    assert stages <= set(RANKS), sorted(stages - set(RANKS))


def test_imports_only_point_down_the_stages() -> None:
    backward = []
    for module, targets in _imports().items():
        mine = _stage(module)
        for target in targets:
            theirs = _stage(target)
            if theirs == mine or target == "chronogen._version":
                continue
            if RANKS[theirs] >= RANKS[mine]:
                backward.append(f"{module} -> {target}")
    assert not backward, "imports that point up or sideways:\n" + "\n".join(sorted(backward))


def test_no_import_loop_between_modules() -> None:
    graph = nx.DiGraph()
    modules = _imports()
    for module, targets in modules.items():
        for target in targets:
            # "from chronogen.x import y" may name a submodule y, or a name in x
            if target in modules and target != module:
                graph.add_edge(module, target)
    # a package importing its own submodules (flags/__init__ loading its rules) is not a loop
    cycles = [c for c in nx.simple_cycles(graph)
              if not any(b.startswith(a + ".") or a.startswith(b + ".")
                         for a in c for b in c if a != b)]
    assert not cycles, cycles


def test_the_architecture_page_names_every_package() -> None:
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for path in PACKAGE.iterdir():
        if path.is_dir() and (path / "__init__.py").exists():
            assert f"{path.name}/" in page, path.name

"""An output folder written all at once, or not at all.

Writers write into a hidden staging folder inside the output folder. Only when every one
has finished are the files moved into place (each move atomic), the files of the previous
build that this one did not write again are removed, and ``chronogen-build.json`` is written
last, listing every file with its size and SHA-256: a folder without it, or whose files do
not match it, holds no complete build. A failed build leaves the previous one as it was.
Files chronogen did not write are never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chronogen._version import __version__
from chronogen.read.built import BUILD_MANIFEST, built_files


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def verify_build(folder: Path) -> list[str]:
    """What is wrong with the build in *folder* (missing manifest, missing or changed
    files); an empty list for a complete, unchanged build."""
    manifest = folder / BUILD_MANIFEST
    if not manifest.is_file():
        return [f"{folder}: no {BUILD_MANIFEST}: not a complete build"]
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        items = [(str(i["name"]), int(i["bytes"]), str(i["sha256"])) for i in data["files"]]
    except (ValueError, KeyError, TypeError, RecursionError):
        return [f"{folder}: {BUILD_MANIFEST} is damaged: not a complete build"]
    wrong = []
    for name, size, digest in items:
        path = folder / name
        if not path.is_file():
            wrong.append(f"{name}: missing")
        elif path.stat().st_size != size or _digest(path) != digest:
            wrong.append(f"{name}: changed since the build")
    return wrong


@contextmanager
def staged(folder: Path) -> Iterator[Path]:
    """A staging folder inside *folder* for writers to write into; removed afterwards
    whatever happens."""
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".chronogen-", dir=folder))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def commit(staging: Path, folder: Path, written: list[Path]) -> list[Path]:
    """Move *written* (paths inside *staging*) into *folder*, remove the previous build's
    files that were not written again, and write the build manifest last. Returns the
    files' final paths."""
    previous = set(built_files(folder))
    (folder / BUILD_MANIFEST).unlink(missing_ok=True)  # incomplete until the end
    final: list[Path] = []
    entries = []
    for path in written:
        relative = path.relative_to(staging)
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        final.append(target)
        entries.append({"name": relative.as_posix(), "bytes": target.stat().st_size,
                        "sha256": _digest(target)})
    names = {e["name"] for e in entries}
    for stale in sorted(previous - names):
        candidate = (folder / stale).resolve()
        if candidate.is_relative_to(folder.resolve()) and candidate.is_file():
            candidate.unlink()
    manifest = {"chronogen": __version__, "complete": True, "files": entries}
    temporary = staging / BUILD_MANIFEST
    temporary.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, folder / BUILD_MANIFEST)
    return final

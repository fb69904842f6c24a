"""Recognising chronogen's own outputs, so they are never read back as agency returns."""

from __future__ import annotations

import json
from pathlib import Path

BUILD_MANIFEST = "chronogen-build.json"


def built_files(folder: Path) -> list[str]:
    """The files (relative paths) the last complete build in *folder* wrote, or []."""
    manifest = folder / BUILD_MANIFEST
    if not manifest.is_file():
        return []
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return [str(f["name"]) for f in data.get("files", []) if isinstance(f, dict)]
    except (ValueError, OSError, AttributeError, TypeError, RecursionError):
        return []

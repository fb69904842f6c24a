"""``case.toml``: what a case folder holds. Without one, a folder is read by guessing.

.. code-block:: toml

    title = "Case A"
    [family]
    file = "family.xlsx"          # or .json
    [[agencies]]
    name = "Police"
    file = "police.xlsx"
    sheet = "Incidents"           # optional
    mapping = "police-map.toml"   # optional
    [settings]
    unseen_days = 28
    [review]                      # optional: for the overview across reviews
    id = "NP-2024-017"
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from chronogen.domain.agencies import canonical_agency
from chronogen.errors import InputFileNotFound, ManifestError
from chronogen.model.case import DEFAULT_MARKING, AgencySource, Limits, Publication, Settings
from chronogen.model.review import Review
from chronogen.read.built import BUILD_MANIFEST, built_files
from chronogen.read.table import CSV_SUFFIXES, SHEET_SUFFIXES
from chronogen.read.toml_file import load_toml

MANIFEST_NAME = "case.toml"


class FamilySource(BaseModel):
    """Where the family is."""

    model_config = ConfigDict(extra="forbid")

    file: str


class Manifest(BaseModel):
    """The contents of ``case.toml``."""

    model_config = ConfigDict(extra="forbid")

    title: str
    #: the protective marking printed in the header of every page of the appendix
    marking: str = DEFAULT_MARKING
    review: Review = Field(default_factory=Review)
    family: FamilySource | None = None
    agencies: list[AgencySource] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    publication: Publication = Field(default_factory=Publication)
    limits: Limits = Field(default_factory=Limits)
    #: what was assumed when there was no case.toml (not part of the file)
    assumptions: list[str] = Field(default_factory=list, exclude=True)


_KNOWN_KEYS = {
    (): ["title", "marking", "review", "family", "agencies", "settings", "publication",
         "limits"],
    ("review",): list(Review.model_fields),
    ("publication",): list(Publication.model_fields),
    ("limits",): list(Limits.model_fields),
    ("family",): ["file"],
    ("agencies",): ["name", "file", "code", "sheet", "mapping"],
    ("settings",): list(Settings.model_fields),
}


def locate_case(path: Path) -> tuple[Path, Manifest]:
    """The case folder and its manifest (``case.toml``, or guessed from the files)."""
    if path.is_file() and path.name.endswith(".toml"):
        return path.parent, load_manifest(path)
    if not path.exists():
        raise InputFileNotFound(f"{path}: case folder not found")
    if not path.is_dir():
        raise InputFileNotFound(f"{path}: not a folder (give the case folder or its case.toml)")
    manifest_path = path / MANIFEST_NAME
    if manifest_path.exists():
        return path, load_manifest(manifest_path)
    return path, guess_manifest(path)


def load_manifest(path: Path) -> Manifest:
    """Read and check ``case.toml``; every error names the file and the key."""
    return load_toml(path, Manifest, what="case.toml", error=ManifestError,
                     known_keys=_KNOWN_KEYS)


_FAMILY_NAME = re.compile(r"famil|genogram|people|household", re.IGNORECASE)


def guess_manifest(folder: Path) -> Manifest:
    """A manifest for a folder with no ``case.toml``: the family file found by its name,
    every other spreadsheet an agency named after its file."""
    own = set(built_files(folder)) | {BUILD_MANIFEST}
    files = sorted(p for p in folder.iterdir()
                   if p.is_file() and not p.name.startswith((".", "~$")) and p.name not in own)
    if own - {BUILD_MANIFEST}:
        assumptions = [f"{len(own) - 1} files of an earlier chronogen build in this folder "
                       f"(listed in {BUILD_MANIFEST}) were not read as agency returns"]
    else:
        assumptions = []
    family: FamilySource | None = None
    agencies: list[AgencySource] = []
    for path in files:
        suffix = path.suffix.lower()
        if family is None and (suffix == ".ged" or _FAMILY_NAME.search(path.stem)) and \
                suffix in (*SHEET_SUFFIXES, ".json", ".ged"):
            family = FamilySource(file=path.name)
            assumptions.append(f"{path.name}: read as the family file")
        elif suffix in (*SHEET_SUFFIXES, *CSV_SUFFIXES):
            name = agency_from_file_name(path.stem)
            agencies.append(AgencySource(name=name, file=path.name))
            assumptions.append(f"{path.name}: read as the chronology of {name!r}")
    if not agencies:
        raise InputFileNotFound(
            f"{folder}: no case.toml and no .xlsx, .xls, .ods, .csv or .docx files")
    return Manifest(title=folder.name, family=family, agencies=agencies,
                    assumptions=assumptions)


def agency_from_file_name(stem: str) -> str:
    """``csc_chronology`` -> ``Children's Social Care``; unknown names are title-cased."""
    words = [w for w in re.split(r"[^A-Za-z0-9&]+", stem) if w]
    noise = {"chronology", "chron", "return", "agency", "final", "v1", "v2", "v3", "draft",
             "incidents", "contacts", "consultations", "records", "log"}
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            found = canonical_agency(" ".join(words[start:start + size]))
            if found is not None:
                return found
    kept = [w for w in words if w.lower() not in noise] or words
    return " ".join(w.capitalize() if w.islower() else w for w in kept)

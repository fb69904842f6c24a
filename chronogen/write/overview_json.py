"""``overview.json`` and its JSON Schema (``overview.schema.json``, also published as
``docs/overview.schema.json``)."""

from __future__ import annotations

import json
from pathlib import Path

from chronogen.model.overview import Overview

SCHEMA_ID = "https://chronogen.invalid/schemas/overview.schema.json"


def overview_schema() -> str:
    """The JSON Schema of ``overview.json``, as indented text (the same for every build)."""
    schema = Overview.model_json_schema(mode="serialization")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
              **schema}
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_overview_json(overview: Overview, output: Path) -> Path:
    """Write ``overview.json`` (deterministic: the same overview, the same text)."""
    output.write_text(overview.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return output


def write_overview_schema(output: Path) -> Path:
    """Write ``overview.schema.json``."""
    output.write_text(overview_schema(), encoding="utf-8")
    return output

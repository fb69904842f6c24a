"""``case.json``: the whole case, in the public shape documented in docs/case-json.md."""

from __future__ import annotations

from pathlib import Path

from chronogen.model.case import Case
from chronogen.model.chronology import Entry
from chronogen.write.registry import OutputOptions, Written


def case_to_json(case: Case) -> str:
    """The case as indented JSON text (deterministic: same case, same text)."""
    return case.model_dump_json(indent=2) + "\n"


#: what the list of entries is in the text of a case with none
_NO_ENTRIES = '\n  "entries": [],\n'


def write_json(case: Case, output: Path | str) -> Path:
    """Write ``case.json``: the same text as :func:`case_to_json`, an entry at a time (a long
    case's JSON is hundreds of megabytes, never whole in memory)."""
    output = Path(output)
    from pydantic import TypeAdapter

    if not case.entries:
        output.write_text(case_to_json(case), encoding="utf-8")
        return output
    rest = case_to_json(case.model_copy(update={"entries": []}))
    head, _, tail = rest.partition(_NO_ENTRIES)
    entry_json = TypeAdapter(Entry).dump_json
    with output.open("w", encoding="utf-8") as handle:
        handle.write(head + '\n  "entries": [\n')
        last = len(case.entries) - 1
        for n, entry in enumerate(case.entries):
            text = entry_json(entry, indent=2).decode("utf-8")
            handle.write("    " + text.replace("\n", "\n    ") + (",\n" if n < last else "\n"))
        handle.write("  ],\n" + tail)
    return output


def read_case_json(path: Path | str) -> Case:
    """Load a ``case.json`` written by chronogen back into a :class:`Case`."""
    return Case.model_validate_json(Path(path).read_text(encoding="utf-8"))


def write_case_output(case: Case, out: Path, options: OutputOptions) -> Written:
    """``case.json`` in the output folder (the ``build`` writer)."""
    return Written([write_json(case, out / "case.json")])

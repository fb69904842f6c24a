"""``anonymisation.csv``: every replacement the anonymiser made, and every word a person
should check. It holds the original names, so it is written beside the anonymised set,
never inside it, and must not be published."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from chronogen.anonymise import Anonymised
from chronogen.write.csv_file import write_table_csv

HEADINGS = ("What", "Where", "Original", "Replaced by", "Times")


def write_anonymisation_log(anonymised: Anonymised, output: Path) -> Path:
    """Pseudonyms, then each replacement (where it was made), then possible names."""

    def rows() -> Iterable[list[object]]:
        for person, pseudonym in anonymised.pseudonyms.items():
            yield ["pseudonym", person, None, pseudonym, None]
        for made in anonymised.replacements:
            yield ["replaced", made.where, made.original, made.replacement, 1]
        for candidate in anonymised.candidates:
            yield ["check: looks like a name, matched nobody", candidate.first_seen,
                   candidate.word, None, candidate.count]

    return write_table_csv(output, HEADINGS, rows())

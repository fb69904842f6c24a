"""An undated row of words under a row read as an entry: the rest of that entry's text,
spilt onto a row of its own (a return that splits long records over rows), or a contact
never dated?

Not guessed. Unless the agency's mapping file says its return splits records so
(``join_continued_rows = true``), the row is rejected, its message naming the row above and
asking which it is: joined to the wrong day's entry, a contact of its own would be hidden.
Where it says so, a row holding only a summary or an outcome (no date, time, type, child or
any other cell) under an entry, or under a row already joined to one, is joined to it: its
words added to the entry's own on a new line, its cells kept with the entry's under their
headings and its row ("Summary (row 5)"), noted by row.
"""

from __future__ import annotations

from chronogen.model.chronology import Entry, RawValue

#: the entry's fields a continued row may add to: its free text
JOINABLE = ("summary", "outcome")


def question(number: int, raw: dict[str, RawValue]) -> str:
    """The rejected row's question, after "no date"."""
    held = ", ".join(repr(heading) for heading in raw)
    return (f": the row holds only words ({held}); if they are the rest of row "
            f"{number - 1}'s entry, join the two rows in the return (or set "
            "join_continued_rows in its mapping file), and if a contact of their own, give "
            "its date")


def texts_to_join(made: dict[str, object], blank: dict[str, object]) -> dict[str, str] | None:
    """The row's free text by the entry's field, if it holds nothing else (None if it does)."""
    filled = {key: value for key, value in made.items() if value is not blank[key]}
    if not filled or any(key not in JOINABLE for key in filled):
        return None
    return {key: str(value) for key, value in filled.items()}


def join(entry: Entry, number: int, texts: dict[str, str], raw: dict[str, RawValue],
         keep_raw: bool) -> str:
    """Add a continued row's words to *entry* (in place: the entry is the reader's own,
    not yet shared); what was joined, for the note."""
    fields = entry.__dict__
    for key, text in texts.items():
        before = fields[key]
        fields[key] = f"{before}\n{text}" if before else text
    if keep_raw:
        entry.raw.update({f"{heading} (row {number})": value for heading, value in raw.items()})
    return " and ".join(texts)

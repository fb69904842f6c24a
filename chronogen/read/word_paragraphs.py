"""A Word chronology written as paragraphs, not as a table: each paragraph opening with a
date a contact ("12/03/2020 - Home visit. Mia seen."), the paragraphs under it with no date
of their own the rest of its text.

The document's paragraphs become one sheet, ``Paragraphs``, a row each in the document's
order (a blank paragraph a blank row), so that an entry's source says where its paragraph
stands (``hv.docx, Paragraphs, row 14``: the fourteenth). A paragraph opening with a date is
two cells, the date as written and the rest of its words; any other paragraph is one, in
the second column. The reader (:mod:`chronogen.read.returns.layout`) reads such a sheet with
no header row: the paragraphs before the first dated one are its title, and a paragraph
with no date under a dated one is joined to it.
"""

from __future__ import annotations

import re

from chronogen.dates import parse_date_time
from chronogen.errors import DateError
from chronogen.read.sheet import PARAGRAPHS, Cell, Sheet

#: what stands between a paragraph's date and its words ("12/03/2020 - Home visit",
#: "12/03/2020: Home visit", a tab), looked for near its start only
_SEPARATOR = re.compile(r"\s+[-\u2013\u2014|]\s+|:\s+|\t+")
#: how far into a paragraph its date may end
_DATE_WITHIN = 40
#: the most words a date at a paragraph's start is read from ("Monday 9 March 2020 10:30")
_DATE_WORDS = 5


def paragraphs_sheet(file: str, paragraphs: list[str | None], *, least: int = 1
                     ) -> Sheet | None:
    """The sheet of a document's *paragraphs* (their texts, None for an empty one), or None
    where fewer than *least* open with a date."""
    rows: list[tuple[Cell, ...]] = []
    dated = 0
    for text in paragraphs:
        if text is None or not text.strip():
            rows.append(())
            continue
        day, words = opening_date(text)
        dated += day is not None
        rows.append((day, words))
    if not dated or dated < least:
        return None
    return Sheet(file=file, name="Paragraphs", rows=rows, kind=PARAGRAPHS)


def opening_date(text: str) -> tuple[str | None, str]:
    """The date a paragraph opens with, as written, and the rest of its words; (None, the
    paragraph) where it opens with none. "12/03/2020 - Home visit" gives ("12/03/2020",
    "Home visit"); "12 March 2020 10:30 Clinic" ("12 March 2020 10:30", "Clinic")."""
    stripped = text.strip()
    found = _SEPARATOR.search(stripped, 0, _DATE_WITHIN + 4)
    if found is not None and found.start() <= _DATE_WITHIN and \
            _is_date(stripped[:found.start()]):
        return stripped[:found.start()].strip(), stripped[found.end():].strip()
    words = stripped.split(" ")
    for count in range(min(_DATE_WORDS, len(words) - 1), 0, -1):
        head = " ".join(words[:count]).rstrip(",.")
        # a year alone opens many a sentence ("2020 was ..."): a date only before a mark
        if len(head) <= _DATE_WITHIN and not head.isdigit() and _is_date(head):
            return head, " ".join(words[count:]).strip()
    return None, stripped


def _is_date(text: str) -> bool:
    """Whether *text* is a date (written with figures: "March" alone is none)."""
    if not text.strip() or not any(c.isdigit() for c in text):
        return False
    try:
        parse_date_time(text)
    except DateError:
        return False
    return True

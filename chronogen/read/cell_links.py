"""The hyperlinks on a sheet's cells ("See case note" linking to the agency's own record):
a reader of the cells' values sees the words, never where they point. Found in the sheet's
XML (``<hyperlink ref="C5" r:id="rId3"/>``, or ``location="Notes!A1"`` within the
workbook) and its relationships part, however either is written."""

from __future__ import annotations

import html
import posixpath
import re
import zipfile

from chronogen.model.case import Limits
from chronogen.read.package_check import (
    CELL_REFERENCE,
    XML_PREFIX,
    check_part_size,
    column_number,
)

_HYPERLINK = re.compile(rb'<' + XML_PREFIX + rb'hyperlink\b([^<>]*)')
_RELATIONSHIP = re.compile(rb'<' + XML_PREFIX + rb'Relationship\b([^<>]*)')
#: an attribute's value, however quoted (a prefix, as ``r:id``, allowed)
_ATTRIBUTE = {name: re.compile(rb'(?:^|\s)(?:[^\s=<>:]*:)?' + name
                               + rb'\s*=\s*(?:"([^"<]*)"|\'([^\'<]*)\')')
              for name in (b"ref", b"id", b"location", b"Id", b"Target", b"Type")}
#: the most cells of one hyperlink's range given its target (a link over a whole column
#: would otherwise name a million cells)
_MOST_CELLS = 1_000
#: the most links kept of one sheet
MOST_LINKS = 100_000

#: one hyperlink of a sheet: its cell range, its relationship's id, its place in the workbook
Hyperlink = tuple[bytes, bytes | None, bytes | None]


def _attribute(attributes: bytes, name: bytes) -> bytes | None:
    found = _ATTRIBUTE[name].search(attributes)
    return (found.group(1) if found.group(1) is not None else found.group(2)) \
        if found is not None else None


def hyperlinks_in(window: bytes) -> list[Hyperlink]:
    """The hyperlinks a window of a sheet's XML holds."""
    found = []
    for attributes in _HYPERLINK.findall(window):
        ref = _attribute(attributes, b"ref")
        if ref is not None:
            found.append((ref, _attribute(attributes, b"id"), _attribute(attributes, b"location")))
    return found


def link_targets(package: zipfile.ZipFile, member: str, name: str, links: list[Hyperlink],
                 limits: Limits) -> dict[tuple[int, int], str]:
    """Where each linked cell points, by (row, column) numbered from 1: an address or a
    file outside the workbook (through the sheet's relationships), or a place in it."""
    if not links:
        return {}
    targets = _relationship_targets(package, member, name, limits) \
        if any(rid is not None for _, rid, _ in links) else {}
    found: dict[tuple[int, int], str] = {}
    for ref, rid, location in links[:MOST_LINKS]:
        target = targets.get(rid) if rid is not None else None
        if target is None and location:
            target = f"#{location.decode('utf-8', 'replace')}"
        if target is None:
            continue
        text = html.unescape(target).strip()
        for cell in _cells(ref):
            found[cell] = text
    return found


def _cells(ref: bytes) -> list[tuple[int, int]]:
    """The cells of a range (``C5``, ``C5:D7``), the first thousand."""
    first, _, last = ref.strip().partition(b":")
    start = CELL_REFERENCE.fullmatch(first)
    if start is None:
        return []
    row, column = int(start.group(2)), column_number(start.group(1).upper())
    end = CELL_REFERENCE.fullmatch(last) if last else None
    if end is None:
        return [(row, column)]
    rows = range(row, max(row, int(end.group(2))) + 1)
    columns = range(column, max(column, column_number(end.group(1).upper())) + 1)
    cells = []
    for r in rows:
        for c in columns:
            cells.append((r, c))
            if len(cells) >= _MOST_CELLS:
                return cells
    return cells


def _relationship_targets(package: zipfile.ZipFile, member: str, name: str,
                          limits: Limits) -> dict[bytes, str]:
    """The sheet's hyperlink relationships: id -> target."""
    folder, _, part = member.rpartition("/")
    rels = posixpath.join(folder, "_rels", f"{part}.rels")
    if rels not in package.namelist():
        return {}
    info = package.getinfo(rels)
    check_part_size(info, name, f"the relationships of {member}", limits)
    targets = {}
    for attributes in _RELATIONSHIP.findall(package.read(info)):
        kind = _attribute(attributes, b"Type") or b""
        rid, target = _attribute(attributes, b"Id"), _attribute(attributes, b"Target")
        if kind.endswith(b"/hyperlink") and rid is not None and target is not None:
            targets[rid] = target.decode("utf-8", "replace")
    return targets

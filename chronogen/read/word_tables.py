"""An agency chronology sent as a Word document: the tables of a ``.docx``, read as sheets.

Many agencies keep their chronology as a table in Word (the older case-review templates were
Word documents). Each table of the document's body becomes a sheet, its rows numbered from 1
as Word shows them; tables one after another with the same number of columns (one table a
page or a year, the header repeated or not) are read as one sheet, ``Tables 1-3``, their
rows numbered on through them. What a reader of the document sees is what is read:

- a cell's paragraphs, one a line; a cell spread over columns (``gridSpan``) is one value,
  in the first of its columns; a cell merged down over rows (``vMerge``: one date beside a
  day's contacts) gives its value to each row, as merged cells in a workbook do;
- tracked changes as if accepted: deleted words and deleted rows are not read, inserted
  ones are; the document's note says that it held them;
- text struck through, set in bold, highlighted or in a shaded cell, hyperlinks and
  comments on a cell: as in a workbook;
- field codes (``DATE``, ``HYPERLINK``) are not text: their shown result is.

Nothing in the document is fetched or run; the package is held to the same limits as a
workbook's (its size unzipped, its compression, the cells and the characters of a cell).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from chronogen.domain.wording import counted
from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.cell_styles import colour_of_rgb
from chronogen.read.merged_cells import fill_merged_down
from chronogen.read.package_check import check_part_size
from chronogen.read.sheet import Cell, Sheet
from chronogen.read.word_cells import (
    MOST_NESTED,
    NOT_SHOWN,
    CellText,
    DocumentParts,
    TooDeep,
    attribute,
    first_child,
    local_name,
    read_cell,
    value_of,
)

DOCUMENT = "word/document.xml"
_RELATIONSHIPS = "word/_rels/document.xml.rels"
_COMMENTS = "word/comments.xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the most columns a cell may span, or a row leave empty before its first cell: far more
#: than a page holds (a claim of a billion is not believed)
_WIDEST = 512


_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")


def _parsed(data: bytes, name: str, part: str) -> ElementTree.Element:
    """A part's XML. A part declaring a DTD of its own is refused before it is parsed: Word
    never writes one, and its entities are how a few bytes expand into gigabytes (the
    parser would stop them too, where Python's expat is new enough). Nothing a document
    names is fetched."""
    first = _FIRST_ELEMENT.search(data)
    if b"<!DOCTYPE" in data[:first.start() if first else len(data)]:
        raise UnreadableFileError(
            f"{name}: {part} declares entities of its own (a DTD), which Word never writes: "
            "refused as damaged or hostile; open it in Word and save it again")
    return ElementTree.fromstring(data)


def read_word(path: Path, *, display_name: str | None = None,
              limits: Limits | None = None) -> list[Sheet]:
    """The tables of a Word document (``.docx``) as sheets (see the module's description).

    Raises :class:`~chronogen.read.table.UnreadableFileError` for a file that is not a Word
    document, is over the limits, or holds no table."""
    name = display_name or path.name
    bounds = limits or Limits()
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if DOCUMENT not in names:
                raise UnreadableFileError(f"{name}: not a Word document (it holds no "
                                          f"{DOCUMENT}); save it from Word as .docx")
            info = package.getinfo(DOCUMENT)
            check_part_size(info, name, "the document's text", bounds)
            body = _parsed(package.read(info), name, "the document's text")
            parts = DocumentParts(links=_link_targets(package, names, name, bounds),
                             comments=_comment_texts(package, names, name, bounds))
    except (zipfile.BadZipFile, OSError) as error:
        with path.open("rb") as handle:
            magic = handle.read(8)
        if magic == _OLE_MAGIC:
            raise UnreadableFileError(
                f"{name}: this is a password-protected document or an old-style .doc saved "
                "with a .docx name: open it in Word or LibreOffice, remove the password, and "
                "save it as .docx") from error
        raise UnreadableFileError(f"{name}: not a readable .docx document ({error})") from error
    except ElementTree.ParseError as error:
        raise UnreadableFileError(f"{name}: the document's text is damaged and cannot be "
                                  f"read ({error}); open it in Word and save it again"
                                  ) from error
    try:
        tables = list(_top_tables(body))
        if not tables:
            raise UnreadableFileError(
                f"{name}: the document holds no table; chronogen reads a Word chronology "
                "laid out as a table, one row a contact")
        sheets = _sheets(tables, name, parts, bounds)
    except TooDeep:
        raise UnreadableFileError(
            f"{name}: the document's elements are nested over {MOST_NESTED} deep, deeper "
            "than any Word document: damaged or hostile; open it in Word and save it again"
            ) from None
    changes = _tracked_changes(body)
    if changes:
        for sheet in sheets:
            sheet.notes.append((ProblemCode.HIDDEN_CONTENT, changes))
    return sheets


def _top_tables(element: ElementTree.Element, depth: int = 0
                ) -> Iterator[ElementTree.Element]:
    """The tables of the document's body, in order: not a table inside a table's cell (read
    as the cell's text) or inside a paragraph's text box."""
    if depth > MOST_NESTED:
        raise TooDeep
    for child in element:
        local = local_name(child)
        if local == "tbl":
            yield child
        elif local not in ("p", *NOT_SHOWN):
            yield from _top_tables(child, depth + 1)


def _tracked_changes(body: ElementTree.Element) -> str | None:
    deleted = inserted = 0
    for element in body.iter():
        local = local_name(element)
        if local in ("del", "moveFrom"):
            deleted += 1
        elif local in ("ins", "moveTo"):
            inserted += 1
    if not deleted and not inserted:
        return None
    return (f"the document holds tracked changes not yet accepted ("
            f"{counted(deleted, 'deletion')}, {counted(inserted, 'insertion')}): read as if "
            "accepted, the deleted words and rows left out")


def _inside(element: ElementTree.Element, wanted: str, depth: int = 0
            ) -> Iterator[ElementTree.Element]:
    """A table's rows (*wanted* ``tr``) or a row's cells (``tc``), also where a content
    control or custom XML wraps them."""
    if depth > MOST_NESTED:
        raise TooDeep
    for child in element:
        local = local_name(child)
        if local == wanted:
            yield child
        elif local in ("sdt", "sdtContent", "customXml"):
            yield from _inside(child, wanted, depth + 1)


def _number(properties: ElementTree.Element | None, local: str, default: int) -> int:
    found = first_child(properties, local) if properties is not None else None
    value = value_of(found) if found is not None else None
    return int(value) if value is not None and value.isdigit() else default


def _sheets(tables: list[ElementTree.Element], name: str, parts: DocumentParts,
            limits: Limits) -> list[Sheet]:
    sheets: list[tuple[Sheet, list[tuple[int, int, int, int]]]] = []
    width: int | None = None
    first = 0
    cells_read = 0
    for number, table in enumerate(tables, start=1):
        grid = first_child(table, "tblGrid")
        columns = sum(1 for c in grid if local_name(c) == "gridCol") if grid is not None else 0
        if not sheets or columns != width or columns == 0:
            sheets.append((Sheet(file=name, name=f"Table {number}", rows=[], kind="table"), []))
            width, first = columns, number
        else:
            sheets[-1][0].name = f"Tables {first}-{number}"
        cells_read += _read_table(table, *sheets[-1], parts, limits)
        if cells_read > limits.max_cells:
            raise UnreadableFileError(
                f"{name}: its tables hold over {limits.max_cells:,} cells, the limit "
                "(max_cells under [limits] in case.toml)")
    for sheet, merges in sheets:
        sheet.merged_down = fill_merged_down(sheet.rows, merges)
    return [sheet for sheet, _ in sheets]


def _read_table(table: ElementTree.Element, sheet: Sheet, merges: list[tuple[int, int, int, int]],
                parts: DocumentParts, limits: Limits) -> int:
    """The rows of one table appended to *sheet*, its cells merged down to *merges* (first
    row, first column, last row, last column); how many cells it held."""
    open_merges: dict[int, int] = {}  # column -> index in merges of the area it continues
    count = 0
    bold: set[tuple[int, int]] = set(sheet.bold)
    for row in _inside(table, "tr"):
        properties = first_child(row, "trPr")
        if properties is not None and first_child(properties, "del") is not None:
            continue  # a row deleted in tracked changes
        row_number = len(sheet.rows) + 1
        values: list[Cell] = [None] * min(_number(properties, "gridBefore", 0), _WIDEST)
        count += len(values)
        for cell in _inside(row, "tc"):
            column = len(values) + 1
            cell_properties = first_child(cell, "tcPr")
            span = max(1, min(_number(cell_properties, "gridSpan", 1), _WIDEST))
            merge = first_child(cell_properties, "vMerge") if cell_properties is not None else None
            read = read_cell(cell, parts)
            text = read.text()
            if text is not None and len(text) > limits.max_cell_chars:
                raise UnreadableFileError(
                    f"{sheet.file}, {sheet.name}, row {row_number}: a cell longer than "
                    f"{limits.max_cell_chars:,} characters (raise max_cell_chars under "
                    "[limits] in case.toml if it is genuine)")
            if merge is not None and (value_of(merge) or "continue") == "continue" \
                    and column in open_merges:
                at = open_merges[column]
                top, _, _, last_column = merges[at]
                merges[at] = (top, column, row_number, last_column)
                values.append(None)
            else:
                if merge is not None and value_of(merge) == "restart":
                    open_merges[column] = len(merges)
                    merges.append((row_number, column, row_number, column + span - 1))
                else:
                    open_merges.pop(column, None)
                values.append(text)
                _note_looks(sheet, (row_number, column), read, cell_properties, bold)
            values.extend([None] * (span - 1))
            count += span
        sheet.rows.append(tuple(values))
    sheet.bold = frozenset(bold)
    return count


def _note_looks(sheet: Sheet, place: tuple[int, int], read: CellText,
                properties: ElementTree.Element | None, bold: set[tuple[int, int]]) -> None:
    if read.shown:
        if read.struck_chars:
            sheet.struck.append(place)
        if 0 < read.struck_chars < read.shown:  # some words only: said which
            sheet.struck_words[place] = " ".join(w.strip() for w in read.struck if w.strip())
        if read.bold_chars >= read.shown:
            bold.add(place)
        if (rgb := read.highlight()) is not None and (named := colour_of_rgb(rgb)):
            sheet.filled[place] = named
    shading = first_child(properties, "shd") if properties is not None else None
    fill = attribute(shading, "fill") if shading is not None else None
    if fill and fill.lower() != "auto" and place not in sheet.filled and \
            (named := colour_of_rgb(fill)):
        sheet.filled[place] = named
    if dated := read.date_field():
        sheet.date_fields[place] = dated
    if read.link:
        sheet.links[place] = read.link
    if read.comments:
        sheet.comments[place] = "\n".join(read.comments)


def _small_part(package: zipfile.ZipFile, names: set[str], part: str, name: str,
                what: str, limits: Limits) -> ElementTree.Element | None:
    if part not in names:
        return None
    info = package.getinfo(part)
    check_part_size(info, name, what, limits)
    try:
        return _parsed(package.read(info), name, what)
    except ElementTree.ParseError:
        return None  # a damaged list of links or comments: the cells' text is still read


def _link_targets(package: zipfile.ZipFile, names: set[str], name: str,
                  limits: Limits) -> dict[str, str]:
    root = _small_part(package, names, _RELATIONSHIPS, name, "the document's list of links", limits)
    if root is None:
        return {}
    return {str(rel.get("Id")): str(rel.get("Target")) for rel in root
            if rel.get("Id") and rel.get("Target")
            and str(rel.get("Type", "")).endswith("/hyperlink")}


def _comment_texts(package: zipfile.ZipFile, names: set[str], name: str,
                   limits: Limits) -> dict[str, str]:
    root = _small_part(package, names, _COMMENTS, name, "the document's list of comments", limits)
    if root is None:
        return {}
    found = {}
    for comment in root:
        if local_name(comment) != "comment":
            continue
        try:
            read = read_cell(comment, DocumentParts({}, {}))
        except TooDeep:
            continue  # a comment no one wrote: the cells are still read
        text = read.text()
        author = attribute(comment, "author")
        if text:
            found[attribute(comment, "id") or ""] = f"{author}: {text}" if author else text
    return found

"""A Word document's package, opened within the limits: the document's text as a stream of
bytes, and the small parts its cells refer to (where its links point, its comments).

Every part is read as :mod:`chronogen.read.xml_parts` reads an office package's (within a
workbook's limits, a DTD refused, nothing fetched). :mod:`chronogen.read.word_tables` reads
the tables.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.package_check import DAMAGED_ARCHIVE, unopened
from chronogen.read.word_cells import DocumentParts, attribute, local_name, read_cell
from chronogen.read.xml_parts import PartNotRead, small_part, streamed_part

DOCUMENT = "word/document.xml"
_RELATIONSHIPS = "word/_rels/document.xml.rels"
_COMMENTS = "word/comments.xml"


@contextmanager
def opened_document(path: Path, name: str) -> Iterator[zipfile.ZipFile]:
    """The document's package; a file that is none is refused, saying what it is."""
    try:
        with zipfile.ZipFile(path) as package:
            if DOCUMENT not in package.namelist():
                raise UnreadableFileError(f"{name}: not a Word document (it holds no "
                                          f"{DOCUMENT}); save it from Word as .docx")
            yield package
    except DAMAGED_ARCHIVE as error:
        raise unopened(path, name, error, kind="document", old=".doc", suffix=".docx",
                       program="Word") from error


def document_text(package: zipfile.ZipFile, name: str, limits: Limits) -> Iterator[bytes]:
    """The document's text (``word/document.xml``) in pieces of a megabyte, within the
    limits, refused if it declares a DTD."""
    return streamed_part(package, DOCUMENT, name, "the document's text", limits, "Word")


#: what a cell may refer to beside its text, by the part holding it: comments, footnotes and
#: endnotes (part, element, what the part is a list of)
_NOTES = ((_COMMENTS, "comment", "comments"), ("word/footnotes.xml", "footnote", "footnotes"),
          ("word/endnotes.xml", "endnote", "endnotes"))


def _notes_in(root: etree._Element | None, element: str) -> dict[str, str]:
    """The comments (or footnotes, endnotes) of a part, by ``comment:3`` (the element and
    its id), each as written: a comment after its author's name, a note after "Footnote"."""
    found: dict[str, str] = {}
    for note in root if root is not None else ():
        if local_name(note) != element or attribute(note, "type") in _SEPARATORS:
            continue
        text = read_cell(note, DocumentParts({}, {})).text()
        number = attribute(note, "id") or ""
        if text and element == "comment":
            author = attribute(note, "author")
            found[f"comment:{number}"] = f"{author}: {text}" if author else text
        elif text:
            found[f"{element}:{number}"] = f"{element.capitalize()} {number}: {text}"
    return found


#: the footnotes Word keeps for itself: the lines above a page's notes
_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def document_parts(package: zipfile.ZipFile, name: str, limits: Limits
                   ) -> tuple[DocumentParts, list[tuple[ProblemCode, str]]]:
    """Where the document's links point, and its comments, footnotes and endnotes; what
    could not be read of them."""
    notes: list[tuple[ProblemCode, str]] = []
    links: dict[str, str] = {}
    try:
        rels = _small_part(package, _RELATIONSHIPS, name, "the document's list of links",
                           limits)
    except PartNotRead as error:
        notes.append((ProblemCode.DAMAGED_TEXT, str(error)))
        rels = None
    if rels is not None:
        links = {str(rel.get("Id")): str(rel.get("Target")) for rel in rels
                 if rel.get("Id") and rel.get("Target")
                 and str(rel.get("Type", "")).endswith("/hyperlink")}
    comments: dict[str, str] = {}
    for part, element, what in _NOTES:
        try:
            root = _small_part(package, part, name, f"the document's list of {what}", limits)
        except PartNotRead as error:
            notes.append((ProblemCode.CELL_COMMENT, str(error)))
            continue
        comments.update(_notes_in(root, element))
    return DocumentParts(links=links, comments=comments), notes


def _small_part(package: zipfile.ZipFile, part: str, name: str, what: str,
                limits: Limits) -> etree._Element | None:
    return small_part(package, part, name, what, limits, kind="document", program="Word")

"""A Word document's package, opened within the limits: the document's text as a stream of
bytes, and the small parts its cells refer to (where its links point, its comments).

Every part is held to a workbook's limits (its size unzipped, how much it grows: a zip bomb);
a part declaring a DTD of its own is refused before it is parsed (Word never writes one, and
its entities are how a few bytes expand into gigabytes); nothing a document names is
fetched. :mod:`chronogen.read.word_tables` reads the tables.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.package_check import DAMAGED_ARCHIVE, check_part_size, unopened
from chronogen.read.word_cells import DocumentParts, attribute, local_name, read_cell

DOCUMENT = "word/document.xml"
_RELATIONSHIPS = "word/_rels/document.xml.rels"
_COMMENTS = "word/comments.xml"
_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
#: the most of the links' or the comments' part read (parsed whole, unlike the document's
#: text): a document's are kilobytes
LONGEST_PART = 20_000_000
_CHUNK = 1 << 20
#: what lxml may do: nothing fetched, no entity expanded, no DTD loaded, no tree deeper than
#: libxml2's own limit (256) or text nodes larger than its own (10 MB)
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                               huge_tree=False)


def pull_parser(tags: list[str]) -> etree.XMLPullParser:
    """A parser fed the document's text in pieces, telling of the start and end of *tags*
    only, held to the same rules as every part's."""
    return etree.XMLPullParser(events=("start", "end"), tag=tags, resolve_entities=False,
                               no_network=True, load_dtd=False, huge_tree=False)


def _refuse_a_dtd(head: bytes, name: str, part: str) -> None:
    """Refuse *part* if what comes before its first element (*head*) declares a DTD."""
    first = _FIRST_ELEMENT.search(head)
    if b"<!DOCTYPE" in head[:first.start() if first else len(head)]:
        raise UnreadableFileError(
            f"{name}: {part} declares entities of its own (a DTD), which Word never writes: "
            "refused as damaged or hostile; open it in Word and save it again")


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
    info = package.getinfo(DOCUMENT)
    part = "the document's text"
    check_part_size(info, name, part, limits)
    with package.open(info) as stream:
        head = b""
        while len(head) < _CHUNK and (piece := stream.read(64 * 1024)):
            head += piece
            if _FIRST_ELEMENT.search(head):
                break
        _refuse_a_dtd(head, name, part)
        yield head
        while piece := stream.read(_CHUNK):
            yield piece


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
    except _NotRead as error:
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
        except _NotRead as error:
            notes.append((ProblemCode.CELL_COMMENT, str(error)))
            continue
        comments.update(_notes_in(root, element))
    return DocumentParts(links=links, comments=comments), notes


class _NotRead(UnreadableFileError):
    """A part of what a cell refers to left unread: larger than :data:`LONGEST_PART`, or
    damaged; the cells' text is still read, and this said."""


def _small_part(package: zipfile.ZipFile, part: str, name: str, what: str,
                limits: Limits) -> etree._Element | None:
    if part not in package.namelist():
        return None
    info = package.getinfo(part)
    check_part_size(info, name, what, limits)
    if info.file_size > LONGEST_PART:
        raise _NotRead(f"{name}: {what} unzips to {info.file_size / 1e6:,.0f} MB, more than "
                        "a document's: not read; open the document to see them")
    data = package.read(info)
    _refuse_a_dtd(data, name, what)
    try:
        root: etree._Element = etree.fromstring(data, _SAFE_PARSER)
        return root
    except etree.XMLSyntaxError as error:
        raise _NotRead(f"{name}: {what} is damaged and was not read ({error}); the cells' "
                       "text was") from error

"""The XML parts of an office package (a Word document, an OpenDocument spreadsheet), read
within the limits: a large part as a stream of bytes for a pull parser, a small one parsed
whole.

Every part is held to a workbook's limits (its size unzipped, how much it grows: a zip bomb);
a part declaring a DTD of its own is refused before it is parsed (no office program writes
one, and its entities are how a few bytes expand into gigabytes); nothing a part names is
fetched, no tree is deeper than libxml2's own limit (256) and no text node larger than its
own (10 MB).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable, Iterator

from lxml import etree

from chronogen.errors import UnreadableFileError
from chronogen.model.case import Limits
from chronogen.read.package_check import check_part_size

_FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
#: how deep libxml2 lets elements nest (without its "huge" option): far deeper than any
#: office program's; a part nested deeper is refused
MOST_NESTED = 256
#: the most of a small part (where links point, comments, styles) read: parsed whole,
#: unlike the document's or the spreadsheet's text; an office program's are kilobytes
LONGEST_PART = 20_000_000
_CHUNK = 1 << 20
#: what lxml may do: nothing fetched, no entity expanded, no DTD loaded, no tree deeper than
#: libxml2's own limit (256) or text nodes larger than its own (10 MB)
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              huge_tree=False)


def pull_parser(tags: list[str]) -> etree.XMLPullParser:
    """A parser fed a part's text in pieces, telling of the start and end of *tags* only,
    held to the same rules as every part's."""
    return etree.XMLPullParser(events=("start", "end"), tag=tags, resolve_entities=False,
                               no_network=True, load_dtd=False, huge_tree=False)


def refuse_a_dtd(head: bytes, name: str, part: str, program: str) -> None:
    """Refuse *part* if what comes before its first element (*head*) declares a DTD."""
    first = _FIRST_ELEMENT.search(head)
    if b"<!DOCTYPE" in head[:first.start() if first else len(head)]:
        raise UnreadableFileError(
            f"{name}: {part} declares entities of its own (a DTD), which {program} never "
            f"writes: refused as damaged or hostile; open it in {program} and save it again")


def streamed_part(package: zipfile.ZipFile, member: str, name: str, part: str,
                  limits: Limits, program: str) -> Iterator[bytes]:
    """The text of *member* (what a reader calls *part*) in pieces of a megabyte, within
    the limits, refused if it declares a DTD."""
    info = package.getinfo(member)
    check_part_size(info, name, part, limits)
    with package.open(info) as stream:
        head = b""
        while len(head) < _CHUNK and (piece := stream.read(64 * 1024)):
            head += piece
            if _FIRST_ELEMENT.search(head):
                break
        refuse_a_dtd(head, name, part, program)
        yield head
        while piece := stream.read(_CHUNK):
            yield piece


#: what a pull parser tells of: (event, element) pairs
Events = Iterator[tuple[str, etree._Element]]


def read_stream(parser: etree.XMLPullParser, pieces: Iterable[bytes],
                take: Callable[[Events], None], *, name: str, kind: str, program: str) -> None:
    """Feed *pieces* of a part to *parser*, handing each batch of its events to *take*; a
    part nested deeper than :data:`MOST_NESTED`, or damaged, is refused, saying what it is
    (a *kind* of file, "document", saved by *program*)."""
    try:
        for piece in pieces:
            parser.feed(piece)
            take(parser.read_events())
        parser.close()
        take(parser.read_events())
    except etree.XMLSyntaxError as error:
        if "depth" in str(error):
            raise UnreadableFileError(
                f"{name}: the {kind}'s elements are nested over {MOST_NESTED} deep, deeper "
                f"than any {program} {kind}: damaged or hostile; open it in {program} and "
                "save it again") from None
        raise UnreadableFileError(
            f"{name}: the {kind}'s text is damaged and cannot be read ({error}); open it in "
            f"{program} and save it again") from error


class PartNotRead(UnreadableFileError):
    """A small part left unread: larger than :data:`LONGEST_PART`, or damaged; the cells'
    text is still read, and this said."""


def small_part(package: zipfile.ZipFile, member: str, name: str, part: str,
               limits: Limits, *, kind: str, program: str) -> etree._Element | None:
    """*member* parsed whole (none where the package has none); :class:`PartNotRead` where
    it is too large for a *kind* of file ("document") or damaged."""
    if member not in package.namelist():
        return None
    info = package.getinfo(member)
    check_part_size(info, name, part, limits)
    if info.file_size > LONGEST_PART:
        raise PartNotRead(f"{name}: {part} unzips to {info.file_size / 1e6:,.0f} MB, more "
                          f"than a {kind}'s: not read; open the {kind} to see them")
    data = package.read(info)
    refuse_a_dtd(data, name, part, program)
    try:
        root: etree._Element = etree.fromstring(data, SAFE_PARSER)
        return root
    except etree.XMLSyntaxError as error:
        raise PartNotRead(f"{name}: {part} is damaged and was not read ({error}); the "
                          "cells' text was") from error

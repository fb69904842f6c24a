"""What a cell of a Word table shows: its paragraphs' text, and how its words are set
(struck through, bold, highlighted), its link, its comments and the fields it holds.
The XML is walked as a reader of the document sees it: deleted words, a field's code and a
text box's second copy are not text (:mod:`chronogen.read.word_tables` reads the tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from chronogen.read.run_looks import RunLooks

#: what a cell may hold of another part of the document, read as nothing: a text box's
#: second copy for older Word, what a field code says (its result is read), deleted words
NOT_SHOWN = {"Fallback", "instrText", "delText", "del", "moveFrom"}
#: fields whose result is a date Word fills in itself: the day the document is opened,
#: printed, saved or made (a contact's date typed as Insert > Date, updated automatically)
_DATE_FIELDS = frozenset({"DATE", "TIME", "SAVEDATE", "PRINTDATE", "CREATEDATE"})
#: a hyperlink written as a field code: HYPERLINK "address" (\l "place" for a bookmark)
_LINK_FIELD = re.compile(r'HYPERLINK\s+(?:\\l\s+)?"([^"]+)"')
#: Word's highlight colours, as the colours a workbook's fill names
_HIGHLIGHTS = {"yellow": "FFFF00", "green": "00FF00", "cyan": "00FFFF", "magenta": "FF00FF",
               "blue": "0000FF", "red": "FF0000", "darkBlue": "000080", "darkCyan": "008080",
               "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000",
               "darkYellow": "808000", "darkGray": "808080", "lightGray": "C0C0C0",
               "black": "000000"}
_OFF = {"0", "false", "off", "none"}
#: a symbol font's ticks, crosses and boxes (``w:sym``: Insert > Symbol), as the characters
#: a yes/no column reads: (font, its character's low byte) -> the character
_SYMBOLS = {("wingdings", 0xFC): "✓", ("wingdings", 0xFB): "✗", ("wingdings", 0xFE): "☑",
            ("wingdings", 0xFD): "☒", ("wingdings", 0xA8): "☐",
            ("wingdings 2", 0x50): "✓", ("wingdings 2", 0x4F): "✗",
            ("wingdings 2", 0x52): "☑", ("wingdings 2", 0x54): "☒", ("wingdings 2", 0xA3): "☐"}


#: tag -> its local name: a document has a few dozen tags and millions of elements (a
#: hostile one with more tags is not remembered past this many)
LOCAL_NAMES: dict[object, str] = {}
_MOST_TAGS = 10_000


def local_name(element: etree._Element) -> str:
    """An element's name without its namespace (``tc`` for ``w:tc``)."""
    tag = element.tag
    try:
        return LOCAL_NAMES[tag]
    except KeyError:
        local = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        if len(LOCAL_NAMES) < _MOST_TAGS:
            LOCAL_NAMES[tag] = local
        return local


def attribute(element: etree._Element, local: str) -> str | None:
    """An element's attribute by its local name, whatever the namespace's prefix."""
    for key, value in element.attrib.items():
        if key.rpartition("}")[2] == local:
            return str(value)
    return None


def value_of(element: etree._Element) -> str | None:
    """An element's ``w:val``."""
    return attribute(element, "val")


def first_child(element: etree._Element, local: str) -> etree._Element | None:
    """The element's first child of that local name."""
    for child in element:
        if local_name(child) == local:
            return child
    return None


def _on(properties: dict[str, etree._Element], local: str) -> bool:
    """Whether a run's property (bold, strike) is set: present, and not set off."""
    found = properties.get(local)
    return found is not None and (value_of(found) or "true").lower() not in _OFF


@dataclass
class CellText(RunLooks):
    """What one cell shows, and how its words are set (struck, bold, a link: its
    :class:`RunLooks`)."""

    paragraphs: list[str] = field(default_factory=list)
    #: characters formatted as hidden text (Word does not show or print them)
    hidden_chars: int = 0
    highlights: dict[str, int] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)
    #: the first word of each field's code in the cell (``DATE``, ``HYPERLINK``)
    fields: list[str] = field(default_factory=list)
    _field_begun: bool = False

    def paragraph(self) -> None:
        self.paragraphs.append("")

    def add(self, text: str, run: etree._Element | None) -> None:
        """*text* shown by *run* (None outside a run), at the end of the cell's last
        paragraph."""
        if not self.paragraphs:
            self.paragraph()
        self.paragraphs[-1] += text
        found = first_child(run, "rPr") if run is not None else None
        properties = {local_name(p): p for p in found} if found is not None else {}
        visible = self.count(text, bold=_on(properties, "b"),
                             struck=_on(properties, "strike") or _on(properties, "dstrike"))
        if visible <= 0:
            return
        if _on(properties, "vanish") or _on(properties, "specVanish"):
            self.hidden_chars += visible
        mark = properties.get("highlight")
        colour = value_of(mark) if mark is not None else None
        if colour in _HIGHLIGHTS:
            self.highlights[colour] = self.highlights.get(colour, 0) + visible

    def begin_field(self) -> None:
        """A field begins: the next piece of code names it."""
        self._field_begun = True

    def field_code(self, code: str) -> None:
        """A field's code, or a piece of it (Word may split one over runs): its first word
        names the field; a hyperlink's address is kept."""
        if self._field_begun and code.split():
            self.fields.append(code.split()[0].upper())
            self._field_begun = False
        if self.link is None and (found := _LINK_FIELD.search(code)):
            self.link = found.group(1)

    def date_field(self) -> str | None:
        """The first field of the cell whose result is a date Word fills in itself."""
        return next((code for code in self.fields if code in _DATE_FIELDS), None)

    def highlight(self) -> str | None:
        """The colour (as RGB) highlighting every character of the cell, if one does."""
        colour = next((c for c, n in self.highlights.items() if n >= self.shown), None)
        return _HIGHLIGHTS[colour] if colour is not None else None

    def text(self) -> str | None:
        """The paragraphs one a line, without the empty ones above and below them (Word
        ends every cell with a paragraph); None for a cell showing nothing."""
        shown = [n for n, paragraph in enumerate(self.paragraphs) if paragraph.strip()]
        if not shown:
            return None
        return "\n".join(self.paragraphs[shown[0]:shown[-1] + 1])


def _symbol(element: etree._Element) -> str:
    """A symbol's character: a tick, a cross or a box as its Unicode character; another
    as nothing (a symbol font's characters are not letters)."""
    font, code = (attribute(element, "font") or "").lower(), attribute(element, "char") or ""
    try:
        return _SYMBOLS.get((font, int(code, 16) & 0xFF), "")
    except ValueError:
        return ""


#: a reference in a cell's text to a comment, a footnote or an endnote: what it refers to
_REFERENCES = {"commentReference": "comment", "footnoteReference": "footnote",
               "endnoteReference": "endnote"}


@dataclass
class DocumentParts:
    """What a document's cells refer to: where its links point (by relationship id), and
    its comments, footnotes and endnotes (by ``comment:3``, ``footnote:1``: the kind and
    its id), each as the cell keeps it."""

    links: dict[str, str]
    comments: dict[str, str]


def read_cell(cell: etree._Element, parts: DocumentParts) -> CellText:
    """What a table's cell (or a comment) shows: see the module's description."""
    read = CellText()
    _walk(cell, read, parts, None)
    return read


def _walk(element: etree._Element, read: CellText, parts: DocumentParts,
          run: etree._Element | None) -> None:
    for child in element:
        local = local_name(child)
        if local in NOT_SHOWN:
            if local == "instrText" and child.text:
                read.field_code(child.text)
            continue
        if local == "fldChar" and attribute(child, "fldCharType") == "begin":
            read.begin_field()
        elif local == "fldSimple":
            read.begin_field()
            read.field_code(attribute(child, "instr") or "")
        if local == "p":
            read.paragraph()
            _walk(child, read, parts, None)
        elif local == "r":
            _walk(child, read, parts, child)
        elif local == "t":
            read.add(child.text or "", run)
        elif local == "tab":
            read.add("\t", run)
        elif local in ("br", "cr"):
            read.add("\n", run)
        elif local == "noBreakHyphen":
            read.add("-", run)
        elif local == "sym":
            read.add(_symbol(child), run)
        elif local == "hyperlink":
            if read.link is None:
                target = attribute(child, "id")
                anchor = attribute(child, "anchor")
                read.link = parts.links.get(target or "") or (f"#{anchor}" if anchor else None)
            _walk(child, read, parts, run)
        elif local in _REFERENCES:
            said = parts.comments.get(f"{_REFERENCES[local]}:{attribute(child, 'id') or ''}")
            if said and said not in read.comments:
                read.comments.append(said)
        elif local not in ("rPr", "pPr", "tcPr", "trPr", "tblPr", "tblGrid"):
            _walk(child, read, parts, run)



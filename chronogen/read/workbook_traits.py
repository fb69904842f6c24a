"""What a workbook's package says of its sheets that calamine reads silently wrong, or not
at all, found in a second pass beside calamine's parsing (the first, the package's check,
is :mod:`chronogen.read.package_check`): Excel error cells (read as blanks), formulas saved
without a value, merged cells (a value in the first cell only), hidden sheets, rows and
columns, text struck through (the words, where only some are), cells filled with a colour
or set in bold (:mod:`chronogen.read.cell_styles`; or bold run by run in their rich text,
as text pasted from Word is), the comments on cells and where their
hyperlinks point (:mod:`chronogen.read.cell_links`). Each is found however the XML is
written (prefixes, quotes, spacing), and in time linear in the part's size.
"""

from __future__ import annotations

import bisect
import html
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.cell_links import MOST_LINKS, Hyperlink, hyperlinks_in, link_targets
from chronogen.read.cell_styles import (
    BOLD,
    LONGEST_STYLES,
    STRIKE,
    Look,
    any_of,
    cell_looks,
    style_named,
    styled_cell,
)
from chronogen.read.package_check import (
    CELL_REFERENCE,
    R_ATTRIBUTE,
    XML_PREFIX,
    CheckedPackage,
    check_part_size,
    column_number,
    opened_package,
    xml_text,
    xml_windows,
)


@dataclass
class WorkbookTraits:
    """What the package says before any cell is read."""

    date1904: bool = False
    has_errors: bool = False
    #: sheet name -> (row, column) of formula cells saved without a value, in the order
    #: found (a dictionary's keys: a sheet read twice finds each again)
    uncached_formulas: dict[str, dict[tuple[int, int], None]] = field(default_factory=dict)
    #: sheet name -> its merged cells: (first row, first column, last row, last column),
    #: numbered from 1, in the order found
    merged: dict[str, dict[tuple[int, int, int, int], None]] = field(default_factory=dict)
    #: sheet name -> its hidden rows (by hand, or by a filter), numbered from 1
    hidden_rows: dict[str, dict[int, None]] = field(default_factory=dict)
    #: sheet name -> its hidden columns: (first, last), numbered from 1
    hidden_columns: dict[str, dict[tuple[int, int], None]] = field(default_factory=dict)
    #: the titles of the sheets hidden in the workbook
    hidden_sheets: set[str] = field(default_factory=set)
    #: sheet name -> (row, column) of cells whose text is struck through, numbered from 1
    struck: dict[str, dict[tuple[int, int], None]] = field(default_factory=dict)
    #: sheet name -> (row, column) -> the words struck through inside the cell, where only
    #: some of its text is (a run: "Seen ~~alone~~"); a cell struck whole has none here
    struck_words: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    #: sheet name -> (row, column) -> the colour a cell is filled with ("yellow")
    filled: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    #: sheet name -> (row, column) -> where a hyperlink on the cell points
    links: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    #: sheet name -> (row, column) of cells whose style sets their text in bold
    bold: dict[str, dict[tuple[int, int], None]] = field(default_factory=dict)
    #: sheet name -> (row, column) -> the comment (note) on that cell, as written
    comments: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    #: sheet name -> what could not be read of it, said under the code of what it is
    notes: dict[str, list[tuple[ProblemCode, str]]] = field(default_factory=dict)
    #: sheet name -> the areas its conditional formatting colours by rules (``A4:L200``),
    #: whose colours are not read
    ruled: dict[str, dict[str, None]] = field(default_factory=dict)


#: a formula cell saved with no value, however its tags and reference are written:
#: (column letters, row digits)
_UNCACHED = re.compile(
    rb'<' + XML_PREFIX + rb'c\s[^<>]*?\br\s*=\s*["\']([A-Za-z]{1,3})([0-9]{1,7})["\'][^<>]*>\s*'
    rb'<' + XML_PREFIX + rb'f\b[^<>]*(?:/>|>[^<]*</' + XML_PREFIX + rb'f>)\s*'
    rb'(?:<' + XML_PREFIX + rb'v>\s*</' + XML_PREFIX + rb'v>\s*)?</' + XML_PREFIX + rb'c>')
#: in a sheet whose cells and formulas have no prefix (as the package's check found): a
#: formula with no value after it, to its cell's end; and the cell's opening before it
_FORMULA_WITHOUT_VALUE = re.compile(
    rb'<f\b[^<>]*(?:/>|>[^<]*</' + XML_PREFIX + rb'f>)\s*(?:<' + XML_PREFIX + rb'v>\s*</'
    + XML_PREFIX + rb'v>\s*)?</' + XML_PREFIX + rb'c>')
_OPENING_BEFORE_FORMULA = re.compile(
    rb'<c\s[^<>]*?\br\s*=\s*["\']([A-Za-z]{1,3})([0-9]{1,7})["\'][^<>]*>\s*')


def _uncached_in_plain(window: bytes) -> list[tuple[bytes, bytes]]:
    """What :data:`_UNCACHED` finds, in a window of a sheet whose cells and formulas have
    no prefix: found from each formula with no value after it, back to its cell's opening
    (:data:`_UNCACHED` is tried at every tag: 0.62 → 0.10 s over a sheet of 70,000 such
    formulas, which openpyxl writes)."""
    found = []
    for formula in _FORMULA_WITHOUT_VALUE.finditer(window):
        opening = window.rfind(b"<", 0, formula.start())
        cell = _OPENING_BEFORE_FORMULA.fullmatch(window, max(opening, 0), formula.start())
        if opening >= 0 and cell is not None:
            found.append((cell.group(1), cell.group(2)))
    return found


#: a merged area of cells (``<mergeCell ref="A2:A3"/>``), however its tag is written:
#: (first column letters, first row digits, last column letters, last row digits)
_MERGED = re.compile(
    rb'<' + XML_PREFIX + rb'mergeCell\s[^<>]*?\bref\s*=\s*["\']\s*([A-Za-z]{1,3})([0-9]{1,7})'
    rb'\s*:\s*([A-Za-z]{1,3})([0-9]{1,7})\s*["\']')
#: a row or a range of columns hidden (by hand or by a filter), however its tag is written:
#: (element, its attributes)
_HIDDEN = re.compile(rb'<' + XML_PREFIX + rb'(row|col)\s([^<>]*?\bhidden\s*=\s*["\']\s*(?:1|true)'
                     rb'\s*["\'][^<>]*)>')
#: the quick look for :data:`_HIDDEN`: a hidden attribute set true anywhere in a window.
#: LibreOffice writes ``hidden="false"`` on every row it saves: looking through each row's
#: attributes for a true one took 0.42 s of a 100,000-row sheet, this look 0.02 s
_HIDDEN_TRUE = re.compile(rb'hidden\s*=\s*["\']\s*(?:1|true)')
_NUMBER_ATTRIBUTE = {name: re.compile(rb'\b' + name + rb'\s*=\s*["\']\s*([0-9]{1,7})\s*["\']')
                     for name in (b"r", b"min", b"max")}
#: a sheet of the workbook, with its attributes
_SHEET_TAG = re.compile(rb'<' + XML_PREFIX + rb'sheet\s([^<>]*)>')
_SHEET_NAME = re.compile(rb'\bname\s*=\s*(?:"([^"<]*)"|\'([^\'<]*)\')')
_SHEET_HIDDEN = re.compile(rb'\bstate\s*=\s*["\'](?:hidden|veryHidden)["\']')
#: an error cell (``#REF!``), which calamine reads as blank, however its tag is written
_ERROR_CELL = re.compile(rb'<' + XML_PREFIX + rb'c\s[^<>]*?\bt\s*=\s*(?:"e"|\'e\')')


def find_traits(path: Path, name: str, limits: Limits, checked: CheckedPackage
                ) -> WorkbookTraits:
    """What calamine would read silently wrong, or not at all, in a checked package (see the
    module's description). A second pass over each sheet's XML, which
    :func:`~chronogen.read.table.read_workbook` makes while calamine parses the sheets."""
    traits = WorkbookTraits(date1904=checked.date1904)
    with opened_package(path, name) as package:
        names = package.namelist()
        if "xl/workbook.xml" in names:
            traits.hidden_sheets = hidden_sheets(package.read("xl/workbook.xml"))
        styles = package.getinfo("xl/styles.xml") if "xl/styles.xml" in names else None
        style_part = package.read(styles) \
            if styles is not None and styles.file_size <= LONGEST_STYLES else b""
        looks = cell_looks(style_part)
        shared_words, bold_items = rich_shared_strings(package, name, limits)
        shared = _shared_cell_pattern(frozenset(shared_words))
        bold = _shared_cell_pattern(bold_items)
        for member, title, plainly in checked.sheets:
            _find_sheet_traits(package, package.getinfo(member), name, title, limits, traits,
                               plainly=plainly, looks=looks, struck_shared=shared,
                               shared_words=shared_words, bold_shared=bold)
            try:
                if found := _comments(package, member, name, title, limits):
                    traits.comments[title] = found
            except _TooLarge as error:
                traits.notes.setdefault(title, []).append((ProblemCode.CELL_COMMENT,
                                                           str(error)))
    return traits


def _find_sheet_traits(package: zipfile.ZipFile, info: zipfile.ZipInfo, name: str,
                       title: str, limits: Limits, traits: WorkbookTraits, *,
                       plainly: bool, looks: dict[int, Look] | None = None,
                       struck_shared: tuple[re.Pattern[bytes], frozenset[int]] | None = None,
                       shared_words: dict[int, str] | None = None,
                       bold_shared: tuple[re.Pattern[bytes], frozenset[int]] | None = None
                       ) -> None:
    """One pass over a sheet's XML for error cells, formulas saved without a value, merged,
    hidden and struck-through cells (a struck style, a struck run of shared or inline
    text), cells filled with a colour or set in bold (a style of *looks*), and hyperlinks
    (where each points: the sheet's relationships read after)."""
    styled = styled_cell(frozenset(looks or {}), prefixed=not plainly)
    named = style_named(frozenset(looks or {}))
    links: list[Hyperlink] = []
    with package.open(info) as stream:
        for window in xml_windows(stream, name, f"sheet {title!r}", limits):
            # the quick tests first (each a pass over the window): a plainly written sheet's
            # cells and formulas have no prefix, so a formula's tag is <f; any other sheet's
            # may be <x:f. An error cell's type may be in single quotes in either (t='e' beside
            # r="A1"), looked for only where a window has a single quote at all (one memchr)
            if (b'"e"' in window or (b"'" in window and b"'e'" in window)) \
                    and _ERROR_CELL.search(window):
                traits.has_errors = True
            if b"<f" in window or (not plainly and b":f" in window):
                _note_uncached_formulas(window, title, traits, plainly=plainly)
            if b"mergeCell" in window:
                _note_merged(window, title, traits)
            if _HIDDEN_TRUE.search(window) is not None:
                _note_hidden(window, title, traits)
            if styled is not None and looks and named.search(window) is not None:
                _note_looks(window, title, traits, styled[0], looks)
            if struck_shared is not None:
                _note_struck_shared(window, title, traits, struck_shared, shared_words or {})
            if b"strike" in window:  # a run of a cell's own text struck through
                _note_struck_inline(window, title, traits)
            if bold_shared is not None:  # shared texts set in bold run by run
                pattern, items = bold_shared
                for attributes, item in pattern.findall(window):
                    if int(item) in items and (cell := _cell_of(attributes)) is not None:
                        traits.bold.setdefault(title, {})[cell] = None
            if _may_be_bold(window) and b"inlineStr" in window:  # a cell's own text, likewise
                _note_bold_inline(window, title, traits)
            if b"hyperlink" in window and len(links) < MOST_LINKS:
                links += hyperlinks_in(window)
            # a sheet's conditional formatting follows its rows: looked for in what follows
            # a window's last row (nothing, for all but a sheet's last window or two)
            ends = window.rfind(b"</row>")
            tail = window[ends + len(b"</row>"):] if ends >= 0 else window
            if b"onditionalFormatting" in tail:
                _note_ruled(tail, title, traits)
    if found := link_targets(package, info.filename, name, links, limits):
        traits.links[title] = found


#: conditional formatting (rules colouring cells), however its tags are written: an
#: opening (its attributes), the area it covers as an attribute of it, or (Excel 2010's
#: rules, kept in the sheet's extensions) as an element inside it, and its closing
_RULES_OPENING = re.compile(rb'<' + XML_PREFIX + rb'conditionalFormatting(?=[\s/>])([^<>]*)>')
_AREA_ATTRIBUTE = re.compile(rb'\bsqref\s*=\s*["\']([^"\'<>]{1,1000})["\']')
_AREA_ELEMENT = re.compile(rb'<' + XML_PREFIX + rb'sqref>([^<>]{1,1000})<')
_RULES_CLOSING = re.compile(rb'</' + XML_PREFIX + rb'conditionalFormatting>')
#: the most areas of one sheet said
_MOST_RULED = 20


def _note_ruled(window: bytes, title: str, traits: WorkbookTraits) -> None:
    """The areas a window's conditional formatting covers. An area as an element counts
    only inside the rules' own element (a data validation's is written alike); each is
    found by the places of every closing and every area, worked out once (searched for
    from each opening, a window of openings never closed took time as its size squared)."""
    areas = traits.ruled.setdefault(title, {})
    closings = [found.start() for found in _RULES_CLOSING.finditer(window)]
    elements = list(_AREA_ELEMENT.finditer(window))
    places = [found.start() for found in elements]
    for opening in _RULES_OPENING.finditer(window):
        if len(areas) >= _MOST_RULED:
            return
        area = _AREA_ATTRIBUTE.search(opening.group(1))
        if area is not None:
            text = area.group(1)
        else:
            closing = bisect.bisect_left(closings, opening.end())
            inside = bisect.bisect_left(places, opening.end())
            if closing == len(closings) or inside == len(places) or \
                    places[inside] > closings[closing]:
                continue
            text = elements[inside].group(1)
        areas[" ".join(text.decode("utf-8", "replace").split())] = None


def _note_uncached_formulas(window: bytes, title: str, traits: WorkbookTraits, *,
                            plainly: bool = False) -> None:
    found = _uncached_in_plain(window) if plainly else _UNCACHED.findall(window)
    for letters, digits in found:
        # a dictionary, not a list searched for each (a sheet of 40,000 such cells took 12 s)
        cells = traits.uncached_formulas.setdefault(title, {})
        cells[(int(digits), column_number(letters.upper()))] = None


#: the most merged areas kept of one sheet (Excel's own sheets hold hundreds)
_MOST_MERGED = 1_000_000


def _note_merged(window: bytes, title: str, traits: WorkbookTraits) -> None:
    areas = traits.merged.setdefault(title, {})
    for first_letters, first_digits, last_letters, last_digits in _MERGED.findall(window):
        if len(areas) >= _MOST_MERGED:
            notes = traits.notes.setdefault(title, [])
            if not notes or notes[-1][0] is not ProblemCode.MERGED_CELLS:
                notes.append((ProblemCode.MERGED_CELLS,
                              f"merged cells past the first {_MOST_MERGED:,} areas were not "
                              "read in each of their rows"))
            return
        first_row, last_row = int(first_digits), int(last_digits)
        first_column = column_number(first_letters.upper())
        last_column = column_number(last_letters.upper())
        areas[(min(first_row, last_row), min(first_column, last_column),
               max(first_row, last_row), max(first_column, last_column))] = None


def _note_hidden(window: bytes, title: str, traits: WorkbookTraits) -> None:
    for element, attributes in _HIDDEN.findall(window):
        if element == b"row":
            if (number := _NUMBER_ATTRIBUTE[b"r"].search(attributes)) is not None:
                traits.hidden_rows.setdefault(title, {})[int(number[1])] = None
            continue
        first = _NUMBER_ATTRIBUTE[b"min"].search(attributes)
        last = _NUMBER_ATTRIBUTE[b"max"].search(attributes)
        if first is not None:
            low = int(first[1])
            traits.hidden_columns.setdefault(title, {})[
                (low, max(low, int(last[1])) if last is not None else low)] = None


#: a cell's opening: (its attributes)
_CELL_OPENING = re.compile(rb'<' + XML_PREFIX + rb'c\s([^<>]*)>')


def _each_holding(window: bytes, starts: list[int], pattern: re.Pattern[bytes]
                  ) -> Iterator[tuple[int, int]]:
    """Each element of *window* (its openings begin at *starts*) in which *pattern*
    matches, once however many times it matches there: its number among them, and where it
    ends (the next one's opening)."""
    looked = -1
    for match in pattern.finditer(window):
        place = bisect.bisect_right(starts, match.start())
        if place and place != looked:
            looked = place
            yield place - 1, starts[place] if place < len(starts) else len(window)


def _note_struck_inline(window: bytes, title: str, traits: WorkbookTraits) -> None:
    """Cells whose own text (an inline string) has a run struck through: a strike tag in
    a sheet's XML is inside the cell opened last before it; the words of its struck runs."""
    cells = list(_CELL_OPENING.finditer(window))
    for number, end in _each_holding(window, [cell.start() for cell in cells], STRIKE):
        _note_struck_cell(cells[number].group(1), title, traits,
                          struck_runs(window, cells[number].end(), end))


def _note_looks(window: bytes, title: str, traits: WorkbookTraits,
                pattern: re.Pattern[bytes], looks: dict[int, Look]) -> None:
    """The cells of a window styled to strike their text, fill them or set them in bold."""
    for attributes, style in pattern.findall(window):
        if (look := looks.get(int(style))) is None or (cell := _cell_of(attributes)) is None:
            continue
        if look.struck:
            traits.struck.setdefault(title, {})[cell] = None
        if look.colour is not None:
            traits.filled.setdefault(title, {})[cell] = look.colour
        if look.bold:
            traits.bold.setdefault(title, {})[cell] = None


def _cell_of(attributes: bytes) -> tuple[int, int] | None:
    """(row, column), numbered from 1, of a cell opening's attributes; None where its
    reference is none."""
    found = R_ATTRIBUTE.search(b" " + attributes)  # the space the opening took
    parts = CELL_REFERENCE.fullmatch(found.group(1) or found.group(2) or b"") \
        if found is not None else None
    return (int(parts.group(2)), column_number(parts.group(1).upper())) \
        if parts is not None else None


def _note_struck_cell(attributes: bytes, title: str, traits: WorkbookTraits,
                      words: str | None = None) -> None:
    if (cell := _cell_of(attributes)) is not None:
        traits.struck.setdefault(title, {})[cell] = None
        if words:
            traits.struck_words.setdefault(title, {})[cell] = words


def _note_struck_shared(window: bytes, title: str, traits: WorkbookTraits,
                        struck: tuple[re.Pattern[bytes], frozenset[int]],
                        words: dict[int, str]) -> None:
    """The cells of a window holding a shared string with a run struck through, and its
    struck words."""
    pattern, items = struck
    for attributes, item in pattern.findall(window):
        if int(item) in items:
            _note_struck_cell(attributes, title, traits, words.get(int(item)))


#: a run of a cell's rich text (``<r>``, not ``<row`` or ``<rPr``)
_RUN = re.compile(rb'<' + XML_PREFIX + rb'r\b[^<>]*>')


def struck_runs(xml: bytes, start: int, end: int) -> str:
    """The words of the runs struck through in a cell's or a shared string's rich text
    between *start* and *end* of *xml* ("alone" of "Seen ~~alone~~"), each run's apart
    by a space; "" where no run is."""
    runs = [run.end() for run in _RUN.finditer(xml, start, end)]
    words = []
    for place, opened in enumerate(runs):
        closed = runs[place + 1] if place + 1 < len(runs) else end
        if STRIKE.search(xml, opened, closed) is not None:
            words.append(b"".join(_TEXT_RUN.findall(xml, opened, closed)))
    text = html.unescape(b" ".join([w for w in words if w.strip()]).decode("utf-8", "replace"))
    return " ".join(_EXCEL_ESCAPE.sub(_unescaped, text).split())


def bold_throughout(xml: bytes, start: int, end: int) -> bool:
    """Whether the rich text between *start* and *end* of *xml* is bold in every run holding
    words, and holds words in runs only (a cell's text set in bold run by run, as text
    pasted from Word is); a text of no runs is not (its cell's style says)."""
    first = _RUN.search(xml, start, end)
    if first is None or b"".join(_TEXT_RUN.findall(xml, start, first.start())).strip():
        return False
    runs = [run.end() for run in _RUN.finditer(xml, first.start(), end)]
    worded = False
    for place, opened in enumerate(runs):
        closed = runs[place + 1] if place + 1 < len(runs) else end
        if b"".join(_TEXT_RUN.findall(xml, opened, closed)).strip():
            if BOLD.search(xml, opened, closed) is None:
                return False
            worded = True
    return worded


def _may_be_bold(window: bytes) -> bool:
    """The quick look for a bold run in a window: its tag's name, with or without a
    prefix."""
    return (b"<b" in window or b":b" in window) and BOLD.search(window) is not None


#: an item's opening in the shared-string table
_SHARED_ITEM = re.compile(rb'<' + XML_PREFIX + rb'si[\s>/]')


def rich_shared_strings(package: zipfile.ZipFile, name: str, limits: Limits
                        ) -> tuple[dict[int, str], frozenset[int]]:
    """The items of the shared-string table, by number from 0, with a run of text struck
    through (a word corrected in a cell: "Visited ~~Tuesday~~ Wednesday") and the words
    struck; and those set in bold run by run throughout (text pasted from Word). One quick
    look at the table for either; the items counted only where one is there."""
    member = next((n for n in package.namelist() if n.lower().endswith("sharedstrings.xml")),
                  None)
    if member is None:
        return {}, frozenset()
    with package.open(member) as stream:
        if not any(b"strike" in window or _may_be_bold(window) for window in
                   xml_windows(stream, name, "the shared-string table", limits)):
            return {}, frozenset()
    struck: dict[int, str] = {}
    bold: set[int] = set()
    counted = 0
    with package.open(member) as stream:  # windows end where a tag begins: no item is split
        for window in xml_windows(stream, name, "the shared-string table", limits):
            starts = [match.start() for match in _SHARED_ITEM.finditer(window)]
            for number, end in _each_holding(window, starts, STRIKE):
                struck[counted + number] = struck_runs(window, starts[number], end)
            for number, end in _each_holding(window, starts, BOLD):
                if bold_throughout(window, starts[number], end):
                    bold.add(counted + number)
            counted += len(starts)
    return struck, frozenset(bold)


def _note_bold_inline(window: bytes, title: str, traits: WorkbookTraits) -> None:
    """Cells whose own text (an inline string) is set in bold run by run throughout."""
    cells = list(_CELL_OPENING.finditer(window))
    for number, end in _each_holding(window, [cell.start() for cell in cells], BOLD):
        if bold_throughout(window, cells[number].end(), end) and \
                (cell := _cell_of(cells[number].group(1))) is not None:
            traits.bold.setdefault(title, {})[cell] = None


def _shared_cell_pattern(items: frozenset[int]
                         ) -> tuple[re.Pattern[bytes], frozenset[int]] | None:
    """A shared-string cell holding one of *items* (its attributes, its item), and the
    items; None for none."""
    if not items:
        return None
    return re.compile(rb'<' + XML_PREFIX + rb'c\s([^<>]*?\bt\s*=\s*["\']s["\'][^<>]*)>\s*<'
                      + XML_PREFIX + rb'v>\s*(' + any_of(items) + rb')\s*</'), items


_COMMENTS_TYPE = re.compile(
    rb'<Relationship\b[^<>]*?\bType="[^"<]*/comments"[^<>]*?\bTarget="([^"<]+)"'
    rb'|<Relationship\b[^<>]*?\bTarget="([^"<]+)"[^<>]*?\bType="[^"<]*/comments"')
_COMMENT = re.compile(rb'<' + XML_PREFIX + rb'comment\s[^<>]*?\bref\s*=\s*["\']\s*'
                      rb'([A-Za-z]{1,3})([0-9]{1,7})\s*["\'][^<>]*>')
_TEXT_RUN = re.compile(rb'<' + XML_PREFIX + rb't(?:\s[^<>]*)?>([^<]*)</' + XML_PREFIX + rb't>')
#: the most bytes of comments read for one sheet
_LONGEST_COMMENTS = 64_000_000


class _TooLarge(Exception):
    """A part too large to hold whole for what it adds (said, not read)."""


#: a character Excel writes escaped in its XML's text (``_x000D_``, a carriage return)
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


#: what Excel writes for a threaded comment's readers of old versions, before the comment
_THREADED = re.compile(r"^\[Threaded comment\].*?\nComment:\s*", re.S)


def _comments(package: zipfile.ZipFile, member: str, name: str, title: str,
              limits: Limits) -> dict[tuple[int, int], str]:
    """The comments (notes) on a sheet's cells, by (row, column) numbered from 1: found
    through the sheet's relationships, the part within the limits, read in one pass."""
    folder, _, part = member.rpartition("/")
    rels = f"{folder}/_rels/{part}.rels"
    if rels not in package.namelist():
        return {}
    links = _COMMENTS_TYPE.search(package.read(rels)[:1_000_000])
    if links is None:
        return {}
    target = (links.group(1) or links.group(2)).decode("utf-8", "replace")
    place = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                               else f"{folder}/{target}")
    if place not in package.namelist():
        return {}
    info = package.getinfo(place)
    check_part_size(info, name, f"the comments of sheet {title!r}", limits)
    if info.file_size > _LONGEST_COMMENTS:  # held whole to be read: a sheet's are kilobytes
        raise _TooLarge(f"the comments on its cells ({info.file_size / 1e6:,.0f} MB of XML) "
                        "are too large to read; open the workbook to see them")
    data = package.read(info)
    openings = list(_COMMENT.finditer(data))
    found: dict[tuple[int, int], str] = {}
    for number, opening in enumerate(openings):
        end = openings[number + 1].start() if number + 1 < len(openings) else len(data)
        text = html.unescape(b"".join(_TEXT_RUN.findall(data, opening.end(), end))
                             .decode("utf-8", "replace"))
        text = _THREADED.sub("", _EXCEL_ESCAPE.sub(_unescaped, text)).strip()
        if text:
            cell = (int(opening.group(2)), column_number(opening.group(1).upper()))
            found[cell] = text
    return found


def hidden_sheets(workbook: bytes) -> set[str]:
    """The titles of the sheets a workbook's index (``xl/workbook.xml``) hides."""
    found = set()
    for attributes in _SHEET_TAG.findall(workbook):
        name = _SHEET_NAME.search(attributes)
        if name is not None and _SHEET_HIDDEN.search(attributes) is not None:
            found.add(xml_text((name[1] or name[2] or b"").decode("utf-8", "replace")))
    return found

"""What a workbook's styles part says of its cells' looks: the cell styles whose font
strikes text through (an entry withdrawn or corrected), and those filling a cell with a
colour or setting its text in bold (a contact an agency highlighted), each found however
the XML is written; colours named in plain words; and the pattern that finds a sheet's
cells of such styles."""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass

from chronogen.read.package_check import XML_PREFIX

#: the largest styles part read (a workbook's is a few kilobytes)
LONGEST_STYLES = 20_000_000
_FONT_TAG = re.compile(rb'<' + XML_PREFIX + rb'font\b[^<>]*?(/?)>')
STRIKE = re.compile(rb'<' + XML_PREFIX + rb'strike\b(?![^<>]*\bval\s*=\s*["\'](?:0|false)["\'])')
#: bold set on a run of rich text (``<b/>``; not ``<b val="0"/>``), however written
BOLD = re.compile(rb'<' + XML_PREFIX + rb'b\b(?![^<>]*\bval\s*=\s*["\'](?:0|false)["\'])')
_XF = re.compile(rb'<' + XML_PREFIX + rb'xf\b([^<>]*)')
_FONT_ID = re.compile(rb'\bfontId\s*=\s*["\']\s*([0-9]{1,7})')


def xml_block(part: bytes, element: bytes) -> bytes:
    """What the first *element* of *part* holds (``<fonts>...</fonts>``), found by two
    searches: a pattern looking for an element's end from each of many openings that have
    none ran on to the end from each."""
    opening = re.search(rb'<' + XML_PREFIX + element + rb'\b[^<>]*>', part)
    if opening is None:
        return b""
    closing = re.compile(rb'</' + XML_PREFIX + element + rb'>').search(part, opening.end())
    return part[opening.end():closing.start() if closing is not None else len(part)]


_FILL_TAG = re.compile(rb'<' + XML_PREFIX + rb'fill\b[^<>]*?(/?)>')
_PATTERN_FILL = re.compile(rb'<' + XML_PREFIX + rb'patternFill\b([^<>]*)')
_FOREGROUND = re.compile(rb'<' + XML_PREFIX + rb'fgColor\b([^<>]*)')
_FILL_ID = re.compile(rb'\bfillId\s*=\s*["\']\s*([0-9]{1,7})')


_ATTRIBUTES = {name: re.compile(rb'\b' + name + rb'\s*=\s*["\']\s*([^"\'<>]*?)\s*["\']')
               for name in (b"patternType", b"rgb", b"indexed", b"theme")}


def _attribute(attributes: bytes, name: bytes) -> bytes | None:
    found = _ATTRIBUTES[name].search(attributes)
    return found.group(1) if found is not None else None


@dataclass(frozen=True)
class Look:
    """What a cell style does to its cell's looks that a reader of its value never sees:
    its text struck through (an entry withdrawn or corrected), the colour filling it, its
    text in bold (each an agency's way of marking a contact significant)."""

    struck: bool = False
    colour: str | None = None
    bold: bool = False


#: a bold font's tag (not ``<b val="0"/>``; not ``<bgColor``)
_BOLD = re.compile(rb'<' + XML_PREFIX + rb'b\b(?![^<>]*\bval\s*=\s*["\'](?:0|false)["\'])')


def cell_looks(styles: bytes) -> dict[int, Look]:
    """The cell styles of a workbook's styles part (by number from 0) that strike their
    text through, fill the cell with a colour or set its text in bold, and how."""
    struck_fonts = _fonts_holding(styles, STRIKE)
    bold_fonts = _fonts_holding(styles, _BOLD)
    colours = _fill_colours(styles)
    if not (struck_fonts or bold_fonts or colours):
        return {}
    looks = {}
    for number, attributes in enumerate(_XF.findall(xml_block(styles, b"cellXfs"))):
        font = _FONT_ID.search(attributes)
        fill = _FILL_ID.search(attributes)
        font_number = int(font[1]) if font is not None else -1
        look = Look(struck=font_number in struck_fonts, bold=font_number in bold_fonts,
                    colour=colours.get(int(fill[1])) if fill is not None else None)
        if look != _PLAIN:
            looks[number] = look
    return looks


_PLAIN = Look()


def struck_styles(styles: bytes) -> frozenset[int]:
    """The cell styles whose font strikes text through."""
    return frozenset(number for number, look in cell_looks(styles).items() if look.struck)


def filled_styles(styles: bytes) -> dict[int, str]:
    """The cell styles that fill a cell with a colour, each with its colour's name:
    ``yellow``, ``light green``; "a theme colour" where the workbook's theme gives it. A
    white fill, the reserved grey pattern and the system's colours are none."""
    return {number: look.colour for number, look in cell_looks(styles).items()
            if look.colour is not None}


def _fonts_holding(styles: bytes, tag: re.Pattern[bytes]) -> frozenset[int]:
    """The fonts (by number from 0) of a styles part holding *tag* (``<strike/>``)."""
    fonts = xml_block(styles, b"fonts")
    tags = list(_FONT_TAG.finditer(fonts))
    found = set()
    for number, opening in enumerate(tags):
        if opening.group(1):
            continue  # <font/>: nothing in it
        end = tags[number + 1].start() if number + 1 < len(tags) else len(fonts)
        if tag.search(fonts, opening.end(), end) is not None:
            found.add(number)
    return frozenset(found)


def _fill_colours(styles: bytes) -> dict[int, str]:
    """The fills (by number from 0) of a styles part that colour a cell, by colour."""
    fills = xml_block(styles, b"fills")
    tags = list(_FILL_TAG.finditer(fills))
    colours: dict[int, str] = {}
    for number, tag in enumerate(tags):
        if tag.group(1):
            continue  # <fill/>: nothing in it
        end = tags[number + 1].start() if number + 1 < len(tags) else len(fills)
        pattern = _PATTERN_FILL.search(fills, tag.end(), end)
        kind = _attribute(pattern.group(1), b"patternType") if pattern is not None else None
        if kind is None or kind in (b"none", b"gray125"):
            continue
        foreground = _FOREGROUND.search(fills, tag.end(), end)
        if foreground is not None and (name := colour_name(foreground.group(1))) is not None:
            colours[number] = name
    return colours


#: Excel's legacy palette, by index (``indexed="13"``): 0-7 as 8-15; 64 on are the system's
_PALETTE = (
    "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
    "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
    "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
    "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
    "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
    "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
    "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
    "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
)


def colour_name(attributes: bytes) -> str | None:
    """A fill's colour (a ``fgColor`` element's attributes) in plain words; None for white,
    the system's colours, or a colour not given."""
    rgb = _attribute(attributes, b"rgb")
    if rgb is None and (indexed := _attribute(attributes, b"indexed")) is not None:
        rgb = _PALETTE[int(indexed)].encode() if indexed.isdigit() and \
            int(indexed) < len(_PALETTE) else None
    if rgb is not None:
        return colour_of_rgb(rgb.decode("ascii", "replace")[-6:])
    theme = _attribute(attributes, b"theme")
    if theme is not None and theme != b"0":  # 0 is the theme's background: white
        return "a theme colour"
    return None


#: hues (degrees) up to which each name holds
_HUES = ((15, "red"), (50, "orange"), (70, "yellow"), (165, "green"), (195, "turquoise"),
         (255, "blue"), (290, "purple"), (340, "pink"), (360, "red"))


def colour_of_rgb(hexadecimal: str) -> str | None:
    try:
        red, green, blue = [int(hexadecimal[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    except ValueError:
        return None
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if lightness >= 0.96:
        return None  # white: no highlight
    if saturation < 0.2 or lightness < 0.08:
        return "black" if lightness < 0.15 else "grey"
    name = next(name for bound, name in _HUES if hue * 360 < bound)
    return f"light {name}" if lightness >= 0.8 else name


def styled_cell(styles: frozenset[int], *, prefixed: bool = True
                ) -> tuple[re.Pattern[bytes], frozenset[int]] | None:
    """A cell opening styled by one of *styles* (its attributes, its style), and the styles;
    None for none. Not *prefixed* (a sheet whose cells have no prefix, as the package's
    check found), the pattern opens with ``<c`` itself, which a search goes from opening
    to opening of (0.40 → 0.26 s of a 70,000-row sheet)."""
    if not styles:
        return None
    return re.compile(rb'<' + (XML_PREFIX if prefixed else b"") + rb'c\s([^<>]*?\bs\s*=\s*'
                      rb'["\']\s*(' + any_of(styles) + rb')\s*["\'][^<>]*)>'), styles


def style_named(styles: frozenset[int]) -> re.Pattern[bytes]:
    """A style attribute naming one of *styles*, wherever it stands: the quick look before a
    window's cells are searched one by one (:func:`styled_cell`). A sheet's header is bold
    and a row or two highlighted: nearly every window names none of those styles."""
    return re.compile(rb's\s*=\s*["\']\s*(?:' + any_of(styles) + rb')\s*["\']')


def any_of(numbers: frozenset[int]) -> bytes:
    """A pattern for *numbers*: a few named (cells of others are passed over in the
    search), many (a workbook of thousands of styles) any number, each then checked."""
    if len(numbers) <= 50:
        return b"|".join([str(n).encode() for n in sorted(numbers)])
    return rb"[0-9]{1,9}"



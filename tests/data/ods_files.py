"""Writing small OpenDocument spreadsheets by hand, as LibreOffice lays them out (a row or a
cell written once with a count where it repeats), for what LibreOffice itself would not
write: a hostile count, a damaged part, a style based on another."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"')


_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>'


def content(tables: str, *, automatic_styles: str = "", prolog: str = "") -> str:
    """A spreadsheet's ``content.xml`` holding *tables* (each a ``table:table``)."""
    return ((prolog or _PROLOG)
            + f"<office:document-content {_NAMESPACES} office:version=\"1.3\">"
            f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
            f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
            "</office:document-content>")


def write_ods(path: Path, tables: str, *, automatic_styles: str = "", styles: str = "",
              mimetype: str = SPREADSHEET, encrypted: bool = False, prolog: str = "",
              padding: int = 0) -> Path:
    """An .ods at *path*: *tables* in its content, *styles* (``style:style`` elements) as
    its named styles; *padding* spaces after the content's root (a zip bomb's)."""
    manifest = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml">'
                + ('<manifest:encryption-data manifest:checksum="x"/>' if encrypted else "")
                + "</manifest:file-entry></manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", manifest)
        package.writestr("content.xml", content(tables, automatic_styles=automatic_styles,
                                                prolog=prolog) + " " * padding)
        package.writestr("styles.xml", f"<office:document-styles {_NAMESPACES}>"
                                       f"<office:styles>{styles}</office:styles>"
                                       "</office:document-styles>")
    return path


def cell(value: object, *, repeated: int = 1, attributes: str = "") -> str:
    """A ``table:table-cell`` holding *value* as LibreOffice stores it (a text, a number, a
    date, yes or no; None a blank cell), written once for *repeated* cells."""
    if repeated > 1:
        attributes += f' table:number-columns-repeated="{repeated}"'
    if value is None:
        return f"<table:table-cell{attributes}/>"
    if isinstance(value, bool):
        typed = f'office:value-type="boolean" office:boolean-value="{str(value).lower()}"'
        shown = "TRUE" if value else "FALSE"
    elif isinstance(value, int | float):
        typed, shown = f'office:value-type="float" office:value="{value!r}"', str(value)
    elif isinstance(value, datetime):
        typed = f'office:value-type="date" office:date-value="{value.isoformat()}"'
        shown = f"{value:%d/%m/%Y %H:%M}"
    elif isinstance(value, date):
        typed = f'office:value-type="date" office:date-value="{value.isoformat()}"'
        shown = f"{value:%d/%m/%Y}"
    else:
        lines = str(value).split("\n")
        return (f'<table:table-cell office:value-type="string"{attributes}>'
                + "".join(f"<text:p>{_spaced(line)}</text:p>" for line in lines)
                + "</table:table-cell>")
    return f"<table:table-cell {typed}{attributes}><text:p>{escape(shown)}</text:p>" \
           "</table:table-cell>"


def _spaced(text: str) -> str:
    """A paragraph's text as the format keeps it: a run of spaces after the first as
    ``text:s``, a tab as ``text:tab``."""
    out, spaces = [], 0
    for char in text + "\0":
        if char == " ":
            spaces += 1
            continue
        if spaces:
            out.append(" " + (f'<text:s text:c="{spaces - 1}"/>' if spaces > 1 else ""))
            spaces = 0
        if char == "\t":
            out.append("<text:tab/>")
        elif char != "\0":
            out.append(escape(char))
    return "".join(out)


def row(cells: Sequence[str], *, repeated: int = 1, attributes: str = "") -> str:
    """A ``table:table-row`` of *cells* (each from :func:`cell`)."""
    if repeated > 1:
        attributes += f' table:number-rows-repeated="{repeated}"'
    return f"<table:table-row{attributes}>{''.join(cells)}</table:table-row>"


def table(name: str, rows: Sequence[str], *, columns: str = "", attributes: str = "") -> str:
    """A ``table:table`` (a sheet) called *name*."""
    return f"<table:table table:name={quoteattr(name)}{attributes}>{columns}" \
           f"{''.join(rows)}</table:table>"


def grid_table(name: str, grid: Sequence[Sequence[object]]) -> str:
    """A sheet holding *grid*, each run of equal cells in a row and of equal rows written
    once with a count, as LibreOffice writes them, and the blank rest of the sheet after
    it (a million rows, 16,384 columns) as LibreOffice saves it too."""
    rows: list[tuple[str, int]] = []
    for values in grid:
        cells: list[str] = []
        at = 0
        while at < len(values):
            run = 1
            while at + run < len(values) and values[at + run] == values[at] and \
                    type(values[at + run]) is type(values[at]):
                run += 1
            cells.append(cell(values[at], repeated=run))
            at += run
        cells.append(cell(None, repeated=16_384 - len(values)))
        xml = "".join(cells)
        if rows and rows[-1][0] == xml:
            rows[-1] = (xml, rows[-1][1] + 1)
        else:
            rows.append((xml, 1))
    written = [f"<table:table-row{_repeat(count)}>{xml}</table:table-row>"
               for xml, count in rows]
    written.append(row([cell(None, repeated=16_384)], repeated=1_048_576 - len(grid)))
    return table(name, written)


def _repeat(count: int) -> str:
    return f' table:number-rows-repeated="{count}"' if count > 1 else ""

"""Benchmark: an agency chronology saved as an OpenDocument spreadsheet (.ods), read as a
stream, against bare python-calamine iteration and against lxml parsing its text.

Not a test. Generates (once, under bench/.cache) an .ods whose one sheet holds N rows of 8
cells, each cell written as LibreOffice Calc writes it (its value type twice, a style on the
dates, the blank rest of each row and of the sheet as runs), then runs, each as its own
process: (a) bare python-calamine iteration over its values (the peer: a reader in Rust,
which keeps none of what a sheet shows besides its values); (b) lxml parsing the text as a
stream, letting each row go (the least a reader in Python pays); (c) chronogen reading the
sheet (``chronogen.read.table.read_sheets``); (d) chronogen reading the return into entries
(``read_agency_file``). Prints the wall time and peak memory of each and the ratios of (c)
to (a) and (b).

    python bench/bench_ods.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from process import ENTRIES, SHEETS, measure

CACHE = Path(__file__).parent / ".cache"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')
MANIFEST = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>")
HEADINGS = ["Date", "Time", "Contact type", "Child", "Summary of contact", "Child seen?",
            "Child's views", "Outcome"]


def _text(value: str) -> str:
    if not value:
        return "<table:table-cell/>"
    return ('<table:table-cell office:value-type="string" calcext:value-type="string">'
            f"<text:p>{escape(value)}</text:p></table:table-cell>")


def _day(day: date) -> str:
    return (f'<table:table-cell table:style-name="ce2" office:value-type="date" '
            f'office:date-value="{day.isoformat()}" calcext:value-type="date">'
            f"<text:p>{day:%d/%m/%Y}</text:p></table:table-cell>")


def make_spreadsheet(rows: int) -> Path:
    path = CACHE / f"ods-{rows}.ods"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    rnd = random.Random(20201)
    rest = f'<table:table-cell table:number-columns-repeated="{16_384 - len(HEADINGS)}"/>'
    body = ["<table:table-row>" + "".join(map(_text, HEADINGS)) + rest + "</table:table-row>"]
    start = date(2015, 1, 1)
    for _ in range(rows):
        cells = [_day(start + timedelta(days=rnd.randrange(3000))),
                 _text(f"{rnd.randrange(24):02d}:{rnd.randrange(60):02d}"
                       if rnd.random() < 0.25 else ""),
                 _text(rnd.choice(["Home visit", "Clinic", "Telephone call", "Core group"])),
                 _text(rnd.choice(["Mia", "Leo", "Mia, Leo", ""])),
                 _text(f"Visited the home; mother and the children present ({rnd.random()})."),
                 _text(rnd.choice(["Yes", "No", "N/A"])),
                 _text(rnd.choice(["Not asked", "Said she was happy", ""])),
                 _text("Review next month")]
        body.append("<table:table-row>" + "".join(cells) + rest + "</table:table-row>")
    body.append(f'<table:table-row table:number-rows-repeated="{1_048_575 - rows}">'
                '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
               "<office:body><office:spreadsheet><table:table table:name=\"Chronology\">"
               '<table:table-column table:number-columns-repeated="16384" '
               'table:default-cell-style-name="Default"/>' + "".join(body)
               + "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", MANIFEST)
        package.writestr("content.xml", content)
    return path


CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
sheets = [book.get_sheet_by_name(name) for name in book.sheet_names]
print(sum(len(row) for sheet in sheets for row in sheet.iter_rows()))
"""
STREAM = """
import sys, zipfile
from lxml import etree
row_tag = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table-row"
parser = etree.XMLPullParser(events=("end",), tag=[row_tag])
count = 0
with zipfile.ZipFile(sys.argv[1]).open("content.xml") as text:
    while piece := text.read(1 << 20):
        parser.feed(piece)
        for _, row in parser.read_events():
            count += len(row)
            row.clear()
            while row.getprevious() is not None:
                del row.getparent()[0]
print(count)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    rows = parser.parse_args().rows
    path = make_spreadsheet(rows)
    print(f"rows: {rows:,}; file: {path.stat().st_size / 1e6:.1f} MB")
    calamine = measure([sys.executable, "-c", CALAMINE, str(path)])
    stream = measure([sys.executable, "-c", STREAM, str(path)])
    print(f"  bare python-calamine iteration         {calamine.seconds:5.2f} s  "
          f"{calamine.peak_mb:6.0f} MB")
    print(f"  lxml parsing the text as a stream      {stream.seconds:5.2f} s  "
          f"{stream.peak_mb:6.0f} MB")
    for label, code in (("chronogen: the sheet", SHEETS),
                        ("chronogen: the return as entries", ENTRIES)):
        run = measure([sys.executable, "-c", code, str(path)])
        print(f"  {label:38s} {run.seconds:5.2f} s  {run.peak_mb:6.0f} MB  (ratio to "
              f"calamine: time {run.seconds / calamine.seconds:.1f}, memory "
              f"{run.peak_mb / calamine.peak_mb:.2f}; to the stream: time "
              f"{run.seconds / stream.seconds:.1f})")


if __name__ == "__main__":
    main()

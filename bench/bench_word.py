"""Benchmark: an agency chronology kept in Word, read as a stream, against parsing its text.

Not a test. Generates (once, under bench/.cache) a .docx whose one table holds N rows of 7
cells, each cell as Word writes it (cell width, paragraph and run properties), then runs,
each as its own process: (a) the baseline, lxml parsing the document's text whole into a
tree and counting its cells (what reading it at all costs, and the memory the tree takes);
(b) chronogen reading the document's tables (``chronogen.read.table.read_sheets``);
(c) chronogen reading the return into entries (``read_agency_file``). Prints the wall time
and peak memory of each and their ratios to (a).

    python bench/bench_word.py [--rows 20000]
"""

from __future__ import annotations

import argparse
import random
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from process import ENTRIES, SHEETS, measure

CACHE = Path(__file__).parent / ".cache"
WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEADINGS = ["Date", "Time", "Contact type", "Child", "Summary of contact", "Child seen?",
            "Outcome"]


def _cell(text: str) -> str:
    return ('<w:tc><w:tcPr><w:tcW w:w="1300" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing '
            'w:after="0"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="20"/>'
            f'</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')


def make_document(rows: int) -> Path:
    path = CACHE / f"word-{rows}.docx"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    rnd = random.Random(20201)
    body = ["<w:tr>" + "".join(_cell(h) for h in HEADINGS) + "</w:tr>"]
    for _ in range(rows):
        cells = [f"{rnd.randrange(1, 29):02d}/{rnd.randrange(1, 13):02d}/20{rnd.randrange(10, 23)}",
                 "", rnd.choice(["Home visit", "Clinic", "Telephone call"]),
                 rnd.choice(["Mia", "Leo", "Mia, Leo"]),
                 "Visited the home; mother and the children present. Discussed routines.",
                 rnd.choice(["Yes", "No"]), "Review next month"]
        body.append("<w:tr>" + "".join(_cell(text) for text in cells) + "</w:tr>")
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1300"/>' * len(HEADINGS) + "</w:tblGrid>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"<w:document {WORD}><w:body><w:tbl>{grid}"
                         + "".join(body) + "</w:tbl></w:body></w:document>")
    return path


BASELINE = """
import sys, zipfile
from lxml import etree
tree = etree.fromstring(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))
print(sum(1 for _ in tree.iter("{*}tc")))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    rows = parser.parse_args().rows
    path = make_document(rows)
    print(f"rows: {rows:,}; file: {path.stat().st_size / 1e6:.1f} MB")
    base = measure([sys.executable, "-c", BASELINE, str(path)])
    print(f"  baseline: lxml parsing the text whole  {base.seconds:5.2f} s  {base.peak_mb:6.0f} MB")
    for label, code in (("chronogen: the tables as sheets", SHEETS),
                        ("chronogen: the return as entries", ENTRIES)):
        run = measure([sys.executable, "-c", code, str(path)])
        print(f"  {label:38s} {run.seconds:5.2f} s  {run.peak_mb:6.0f} MB  "
              f"(ratio: time {run.seconds / base.seconds:.1f}, memory "
              f"{run.peak_mb / base.peak_mb:.2f})")


if __name__ == "__main__":
    main()

"""The hostile-input corpus: damaged, odd and malicious case folders, made on demand.

Each function takes an empty folder and lays out one case there (``case.toml`` and its
files). Files that would be large (zip bombs, far-away cells) are generated, never
committed. ``python -m tests.data.hostile.make_corpus OUT`` writes every case into OUT, for
trying chronogen by hand: ``chronogen check OUT/<case>``.
"""

from __future__ import annotations

import os
import sys
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

from tests.data import ods_files

Maker = Callable[[Path], None]
HEADER = "Date,Contact type,Summary,Child seen?\r\n"


def _toml(folder: Path, body: str = "", *, file: str = "p.csv", extra: str = "") -> None:
    (folder / "case.toml").write_text(
        f'title = "Hostile"\n{body}\n[[agencies]]\nname = "Police"\nfile = "{file}"\n{extra}',
        encoding="utf-8")


def _csv(folder: Path, rows: list[str], name: str = "p.csv") -> None:
    (folder / name).write_text(HEADER + "".join(r + "\r\n" for r in rows), encoding="utf-8")


_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
        '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
        '"xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets><sheet name="Log" sheetId="1" r:id="rId1"/>'
        '</sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
        '"worksheets/sheet1.xml"/></Relationships>'),
}


def _sheet_xml(cells: str, padding: int = 0) -> bytes:
    head = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    header = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c><c r="B1" '
              b't="inlineStr"><is><t>Summary</t></is></c><c r="C1" t="inlineStr"><is><t>Time'
              b'</t></is></c></row>')
    return head + header + b" " * padding + cells.encode() + b"</sheetData></worksheet>"


def write_package(target: Path | IO[bytes], sheet: bytes | str,
                  more: dict[str, str] | None = None) -> None:
    """A minimal workbook whose one sheet's XML is *sheet*, written by hand so that its XML
    can be anything; *more* parts beside it (a shared-string table)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in {**_PARTS, **(more or {})}.items():
            package.writestr(name, text)
        package.writestr("xl/worksheets/sheet1.xml", sheet)


def _xlsx(path: Path, cells: str, padding: int = 0) -> None:
    write_package(path, _sheet_xml(cells, padding))


def _row(number: int, date_cell: str, summary: str = "contact") -> str:
    return (f'<row r="{number}">{date_cell}<c r="B{number}" t="inlineStr"><is><t>{summary}'
            '</t></is></c></row>')


def far_cell(folder: Path) -> None:
    """One stray cell at XFD1048576: a dense reader would need half a terabyte."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", _row(2, '<c r="A2"><v>43900</v></c>')
          + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')


def column_z_cell(folder: Path) -> None:
    """A stray cell at Z1048576: 27 million cells."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", _row(2, '<c r="A2"><v>43900</v></c>')
          + '<row r="1048576"><c r="Z1048576"><v>1</v></c></row>')


def _far(folder: Path, far_row: str) -> None:
    """A sheet with one ordinary row and *far_row*, a row written to reach far away."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", _row(2, '<c r="A2"><v>43900</v></c>') + far_row)


def far_cell_quoted(folder: Path) -> None:
    """A stray cell whose reference is in single quotes (as XML allows): Y1048576."""
    _far(folder, "<row r='1048576'><c r='Y1048576'><v>1</v></c></row>")


def far_cell_prefixed(folder: Path) -> None:
    """A stray cell written with a namespace prefix, ``<x:c>``: X1048576."""
    _far(folder, '<x:row r="1048576"><x:c r="X1048576"><x:v>1</x:v></x:c></x:row>')


def far_cell_lower_case(folder: Path) -> None:
    """A stray cell whose reference is in lower case: w1048576."""
    _far(folder, '<row r="1048576"><c r="w1048576"><v>1</v></c></row>')


def far_cell_spaced(folder: Path) -> None:
    """A stray cell with spaces round its reference's equals sign: V1048576."""
    _far(folder, '<row r="1048576"><c\tr = "V1048576"><v>1</v></c></row>')


def far_row_eight_digits(folder: Path) -> None:
    """A stray cell on row 99,999,999, past Excel's last row: C99999999."""
    _far(folder, '<row r="99999999"><c r="C99999999"><v>1</v></c></row>')


def far_cell_without_reference(folder: Path) -> None:
    """A cell with no reference on row 1048576, and one at U2: it stands at A1048576."""
    _far(folder, '<row r="3"><c r="U3"><v>1</v></c></row>'
                 '<row r="1048576"><c><v>1</v></c></row>')


def not_a_reference(folder: Path) -> None:
    """A cell whose reference is not one (A1B2), written so that it must be read exactly."""
    _far(folder, "<row r='3'><c r='A1B2'><v>1</v></c></row>")


def stray_dimension(folder: Path) -> None:
    """A sheet claiming to span A1:XFD20000 with error cells (read by openpyxl, which would
    pad every row to the claimed 16,384 cells)."""
    _toml(folder, file="p.xlsx")
    rows = "".join(_row(n, f'<c r="A{n}"><v>43900</v></c>') for n in range(2, 20_001))
    write_package(folder / "p.xlsx", _sheet_xml(
        rows + '<row r="20001"><c r="A20001"><v>43900</v></c><c r="B20001" t="e">'
        '<v>#REF!</v></c></row>').replace(
        b"<sheetData>", b'<dimension ref="A1:XFD20001"/><sheetData>'))


def _xlsx_with_part(path: Path, cells: str, part: str, text: str, kind: str) -> None:
    """A minimal workbook with one more part (*part*, holding *text*), related to the
    workbook as *kind* (``sharedStrings``, ``styles``)."""
    relation = (f'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                f'officeDocument/2006/relationships/{kind}" Target="{part.removeprefix("xl/")}"'
                '/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in _PARTS.items():
            package.writestr(name, content.replace("</Relationships>", relation)
                             if name == "xl/_rels/workbook.xml.rels" else content)
        package.writestr(part, text)
        package.writestr("xl/worksheets/sheet1.xml", _sheet_xml(cells))


def shared_strings_claim(folder: Path) -> None:
    """A workbook of a few hundred bytes whose shared-string table claims four billion
    texts (the reader would set aside 96 GB for them before reading one)."""
    _toml(folder, file="p.xlsx")
    _xlsx_with_part(
        folder / "p.xlsx",
        '<row r="2"><c r="A2"><v>43900</v></c><c r="B2" t="s"><v>0</v></c></row>',
        "xl/sharedStrings.xml",
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" count="1" uniqueCount="4000000000"><si><t>contact'
        '</t></si></sst>', "sharedStrings")


def date_beyond_time(folder: Path) -> None:
    """A cell formatted as a date holding -1e300 days (calamine panics on it)."""
    _toml(folder, file="p.xlsx")
    _xlsx_with_part(
        folder / "p.xlsx",
        _row(2, '<c r="A2" s="1"><v>-1e300</v></c>') + _row(3, '<c r="A3"><v>43900</v></c>'),
        "xl/styles.xml",
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId='
        '"164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="164"/></cellXfs></styleSheet>', "styles")



#: a megabyte of tags opened and never closed: a pattern that looks for a tag's end from each
#: opening, past the next opening, takes time growing with the square of the text (hours)
_OPENINGS = 350_000


def unclosed_cells(folder: Path) -> None:
    """A sheet holding a megabyte of cell tags that never close (``<c <c <c ...``), with
    an error cell's type and a formula's tag among them."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", _row(2, '<c r="A2"><v>43900</v></c>')
          + '<c t="e" <f ' + "<c " * _OPENINGS)


def unclosed_relationships(folder: Path) -> None:
    """A workbook whose relationships part holds a megabyte of ``<Relationship `` tags
    that never close."""
    _toml(folder, file="p.xlsx")
    path = folder / "p.xlsx"
    _xlsx(path, _row(2, '<c r="A2"><v>43900</v></c>'))
    _replace_part(path, "xl/_rels/workbook.xml.rels", _PARTS["xl/_rels/workbook.xml.rels"]
                  .replace("</Relationships>", '<Relationship Id="' * _OPENINGS
                           + "</Relationships>"))


def unclosed_sheet_names(folder: Path) -> None:
    """A workbook whose list of sheets holds a megabyte of ``<sheet `` tags that never
    close."""
    _toml(folder, file="p.xlsx")
    path = folder / "p.xlsx"
    _xlsx(path, _row(2, '<c r="A2"><v>43900</v></c>'))
    _replace_part(path, "xl/workbook.xml", _PARTS["xl/workbook.xml"].replace(
        "</sheets>", '<sheet name="' * _OPENINGS + "</sheets>"))


def unclosed_string_table(folder: Path) -> None:
    """A shared-string table opening a megabyte of ``<sst `` tags that never close."""
    _toml(folder, file="p.xlsx")
    _xlsx_with_part(folder / "p.xlsx", _row(2, '<c r="A2"><v>43900</v></c>'),
                    "xl/sharedStrings.xml", "<sst " * _OPENINGS, "sharedStrings")


def _replace_part(path: Path, part: str, text: str) -> None:
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[part] = text.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)

def whitespace_bomb(folder: Path) -> None:
    """A 1 MB file whose sheet unzips to 300 MB of spaces."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", _row(2, '<c r="A2"><v>43900</v></c>'), padding=300_000_000)


def device_file(folder: Path) -> None:
    """The agency file is a link to /dev/zero: reading it never ends."""
    _toml(folder)
    os.symlink("/dev/zero", folder / "p.csv")


def named_pipe(folder: Path) -> None:
    """The agency file is a FIFO: opening it waits for a writer forever."""
    _toml(folder)
    os.mkfifo(folder / "p.csv")


def utf16_cut_short(folder: Path) -> None:
    """UTF-16 with a byte-order mark and an odd number of bytes."""
    _toml(folder)
    text = HEADER + "01/03/2020,Home visit,Seen at home,Yes\r\n"
    (folder / "p.csv").write_bytes(text.encode("utf-16") + b"\x00")


def utf16_without_bom(folder: Path) -> None:
    """UTF-16 saved with no byte-order mark."""
    _toml(folder)
    text = HEADER + "01/03/2020,Home visit,Seen at home,Yes\r\n"
    (folder / "p.csv").write_bytes(text.encode("utf-16-le"))


def infinite_dates(folder: Path) -> None:
    """Numbers no date can be: INF, 1e400, NaN."""
    _toml(folder)
    _csv(folder, ["INF,Visit,a,Yes", "1e400,Visit,b,Yes", "nan,Visit,c,Yes",
                  "-inf,Visit,d,Yes", "01/03/2020,Visit,e,Yes"])


def long_durations(folder: Path) -> None:
    """A duration over 24 hours ([h]:mm) in the time and the date column."""
    import openpyxl

    _toml(folder, file="p.xlsx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Time", "Summary"])
    sheet.append([timedelta(hours=30), timedelta(hours=26, minutes=30), "a long duration"])
    sheet.append(["01/03/2020", timedelta(hours=49), "time over two days"])
    book.save(folder / "p.xlsx")


def deep_toml(folder: Path) -> None:
    """case.toml nested 100,000 deep."""
    (folder / "case.toml").write_text("title = " + "[" * 100_000 + "]" * 100_000 + "\n",
                                      encoding="utf-8")


def deep_family_json(folder: Path) -> None:
    """A family JSON nested 100,000 deep."""
    _toml(folder, '[family]\nfile = "family.json"')
    _csv(folder, ["01/03/2020,Visit,a,Yes"])
    (folder / "family.json").write_text('{"people": ' + "[" * 100_000 + "]" * 100_000 + "}",
                                        encoding="utf-8")


def huge_settings(folder: Path) -> None:
    """Settings that would run for ever (a billion working days)."""
    _toml(folder)
    _csv(folder, ["01/03/2020,Referral to CSC,a,Yes"])
    with (folder / "case.toml").open("a", encoding="utf-8") as handle:
        handle.write("[settings]\nreferral_working_days = 1000000000\n"
                     "toxic_trio_months = 1000000000\n")


def negative_header_row(folder: Path) -> None:
    """A mapping file with header_row = -5."""
    _toml(folder, extra='mapping = "map.toml"\n')
    _csv(folder, ["01/03/2020,Visit,a,Yes"])
    (folder / "map.toml").write_text('header_row = -5\n[columns]\n"Date" = "date"\n',
                                     encoding="utf-8")


def zero_header_row(folder: Path) -> None:
    """A mapping file with header_row = 0 (no header row) naming a column by a heading."""
    negative_header_row(folder)
    (folder / "map.toml").write_text('header_row = 0\n[columns]\n"Date" = "date"\n',
                                     encoding="utf-8")


def deep_gedcom(folder: Path) -> None:
    """A GEDCOM 7 family whose lines nest 5,000 levels deep."""
    _toml(folder, '[family]\nfile = "family.ged"')
    _csv(folder, ["01/03/2020,Visit,a,Yes"])
    lines = ["0 HEAD", "1 GEDC", "2 VERS 7.0", "0 @I1@ INDI", "1 NAME Amy /Test/"]
    lines += [f"{level} NOTE deeper" for level in range(2, 5000)] + ["0 TRLR"]
    (folder / "family.ged").write_text("\n".join(lines) + "\n", encoding="utf-8")



def gedcom_name_spaces(folder: Path) -> None:
    """A GEDCOM family whose one name holds 20,000 spaces between its given name and its
    surname: the name's pattern split the spaces every way (its time grew with their cube)."""
    _toml(folder, '[family]\nfile = "family.ged"')
    _csv(folder, ["01/03/2020,Visit,a,Yes"])
    lines = ["0 HEAD", "1 GEDC", "2 VERS 7.0", "0 @I1@ INDI",
             "1 NAME Amy" + " " * 20_000 + "Test x", "0 TRLR"]
    (folder / "family.ged").write_text("\n".join(lines) + "\n", encoding="utf-8")

def unbalanced_quote(folder: Path) -> None:
    """A quote never closed: the next contact disappears into a notes cell."""
    _toml(folder)
    _csv(folder, ['01/03/2020,Visit,"Mother said fine,Yes', "02/03/2020,Visit,second,Yes",
                  '03/03/2020,Visit,"third, quoted",Yes', "04/03/2020,Visit,fourth,Yes"])



def listed_mentions(folder: Path) -> None:
    """A summary naming "mum and mum and ..." for 80,000 characters: read again from each
    mention to the end of the list, it took time growing with the square of the text."""
    _toml(folder)
    _csv(folder, ["01/03/2020,Home visit," + ("mum and " * 10_000).strip() + ",No"])


def separator_date(folder: Path) -> None:
    """A date cell of 200,000 characters of ", ": the search for a trailing time ran on
    from each of them to the end."""
    _toml(folder)
    _csv(folder, ['"' + ", " * 100_000 + '",Home visit,contact,No', "02/03/2020,Visit,x,No"])


def referral_spaces(folder: Path) -> None:
    """A summary "Referral to", 30,000 spaces, then "!" and a seen cell "seen", 30,000
    spaces, two lines: each pattern split the spaces every way (the referral's time grew
    with the cube of the run)."""
    _toml(folder)
    _csv(folder, ['01/03/2020,Home visit,"Referral to' + " " * 30_000 + '!","seen'
                  + " " * 30_000 + 'x\ny"'])

def uncached_formula(folder: Path) -> None:
    """A formula saved without its value (a workbook written by a script, never opened)."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", '<row r="2"><c r="A2"><f>DATE(2020,3,1)</f></c><c r="B2" '
          't="inlineStr"><is><t>contact</t></is></c></row>'
          + _row(3, '<c r="A3"><v>43900</v></c>'))



def many_uncached_formulas(folder: Path) -> None:
    """80,000 formulas saved without their values: each was looked for among those found
    before it (a list searched: time growing with the square of their number)."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", "".join(f'<row r="{n}"><c r="A{n}"><f>1+1</f></c></row>'
                                     for n in range(2, 80_002)))

def tiny_serials(folder: Path) -> None:
    """Small numbers in a date column, read as 1899 / 1900 dates."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", "".join(_row(n + 2, f'<c r="A{n + 2}"><v>{v}</v></c>')
                                     for n, v in enumerate(("0", "0.5", "1", "3.75"))))


def _family(folder: Path, rows: list[str], links: list[str]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    people = book.active
    people.title = "People"
    people.append(["ID", "First name", "Surname", "Sex", "Date of birth", "Subject", "Index"])
    for row in rows:
        people.append(row.split(","))
    relations = book.create_sheet("Relationships")
    relations.append(["Person", "Relationship", "Related person"])
    for link in links:
        relations.append(link.split(","))
    book.save(folder / "family.xlsx")


def three_parents(folder: Path) -> None:
    """A child with three biological parents, and two index children."""
    _toml(folder, '[family]\nfile = "family.xlsx"')
    _csv(folder, ["01/03/2020,Visit,a,Yes"])
    _family(folder, ["C1,Amy,Test,F,01/01/2015,yes,yes", "C2,Bo,Test,M,01/01/2016,yes,yes",
                     "P1,Cat,Test,F,,,", "P2,Dan,Test,M,,,", "P3,Eve,Test,F,,,"],
            ["P1,mother of,C1", "P2,father of,C1", "P3,mother of,C1"])


def same_file_twice(folder: Path) -> None:
    """case.toml names one agency file twice."""
    _toml(folder)
    _csv(folder, ["01/03/2020,Visit,a,Yes"])
    with (folder / "case.toml").open("a", encoding="utf-8") as handle:
        handle.write('[[agencies]]\nname = "Police again"\nfile = "p.csv"\n')


def path_outside(folder: Path) -> None:
    """case.toml names a file outside the case folder."""
    _toml(folder, file="../outside.csv")
    _csv(folder.parent, ["01/03/2020,Visit,outside,Yes"], name="outside.csv")


def link_outside(folder: Path) -> None:
    """The agency file is a link to a system file."""
    _toml(folder)
    os.symlink("/etc/passwd", folder / "p.csv")


_WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_WORD_HEADER = ("<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>"
                                   for h in ("Date", "Contact type", "Summary")) + "</w:tr>")


def _word_row(*cells: str, properties: str = "") -> str:
    return (f"<w:tr>{properties}" + "".join(
        f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>")


def _docx(folder: Path, body: str, *, prolog: str = "", padding: int = 0) -> None:
    """A Word return (``p.docx``) whose document's body is *body*, written by hand."""
    _toml(folder, file="p.docx")
    with zipfile.ZipFile(folder / "p.docx", "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", f"{prolog}<w:document {_WORD}><w:body>{body}"
                         + " " * padding + "</w:body></w:document>")


def word_entity_bomb(folder: Path) -> None:
    """A Word return whose document defines entities expanding to gigabytes ("billion
    laughs") and uses the last in a cell."""
    entities = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">'
                       for n in range(1, 10))
    _docx(folder, f"<w:tbl>{_WORD_HEADER}{_word_row('01/03/2020', 'Visit', '&l9;')}</w:tbl>",
          prolog=f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{entities}]>')


def word_deep_nesting(folder: Path) -> None:
    """A Word return whose one cell nests content controls 100,000 deep."""
    depth = 100_000
    nested = "<w:sdt><w:sdtContent>" * depth + "</w:sdtContent></w:sdt>" * depth
    _docx(folder, f"<w:tbl>{_WORD_HEADER}<w:tr><w:tc>{nested}</w:tc></w:tr></w:tbl>")


def word_zip_bomb(folder: Path) -> None:
    """A Word return of under a megabyte whose document unzips to 300 MB of spaces."""
    _docx(folder, f"<w:tbl>{_WORD_HEADER}{_word_row('01/03/2020', 'Visit', 'x')}</w:tbl>",
          padding=300_000_000)


def word_wide_claims(folder: Path) -> None:
    """A Word return whose rows claim to leave two billion columns empty before their first
    cell, and a cell to span two billion: read as far as a page could hold."""
    wide = '<w:trPr><w:gridBefore w:val="2000000000"/></w:trPr>'
    span = ('<w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr><w:p><w:r><w:t>wide'
            '</w:t></w:r></w:p></w:tc>')
    _docx(folder, f"<w:tbl>{_WORD_HEADER}{_word_row('01/03/2020', 'Visit', 'seen')}"
                  f"<w:tr>{wide}<w:tc><w:p/></w:tc></w:tr>"
                  f"<w:tr><w:tc><w:p><w:r><w:t>02/03/2020</w:t></w:r></w:p></w:tc>{span}"
                  "</w:tr></w:tbl>")


def word_without_document(folder: Path) -> None:
    """A "Word return" that is a zip holding no document (a renamed archive)."""
    _toml(folder, file="p.docx")
    with zipfile.ZipFile(folder / "p.docx", "w") as package:
        package.writestr("notes.txt", "not a document")


def xls_far_cell(folder: Path) -> None:
    """An old-style .xls of a few kilobytes with one cell at its last row and column
    (IV65536): calamine would set aside room for 16.7 million cells."""
    import shutil

    _toml(folder, file="p.xls")
    shutil.copy(Path(__file__).parents[1] / "old_workbooks" / "far_cell.xls", folder / "p.xls")


def _ods(folder: Path, *rows: str, **kwargs: Any) -> None:
    """An OpenDocument return (``p.ods``) of one sheet, a header and then *rows* (each a
    ``table:table-row``), written by hand."""
    header = ods_files.row([ods_files.cell("Date"), ods_files.cell("Summary")])
    _toml(folder, file="p.ods")
    ods_files.write_ods(folder / "p.ods", ods_files.table("Log", [header, *rows]), **kwargs)


def ods_repeated_rows(folder: Path) -> None:
    """An .ods of a few hundred bytes whose one row of 16,384 filled cells is repeated two
    billion times (how the format writes a run of equal rows): 17 billion cells."""
    _ods(folder, ods_files.row([ods_files.cell("Visit", repeated=16_384)],
                               repeated=2_000_000_000))


def ods_entity_bomb(folder: Path) -> None:
    """An .ods whose text defines entities expanding to gigabytes and uses the last."""
    entities = "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">'
                       for n in range(1, 10))
    _ods(folder, ods_files.row([ods_files.cell("01/03/2020"),
                                '<table:table-cell office:value-type="string"><text:p>&l9;'
                                "</text:p></table:table-cell>"]),
         prolog=f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">{entities}]>')


def ods_zip_bomb(folder: Path) -> None:
    """An .ods of under a megabyte whose text unzips to 300 MB of spaces."""
    _ods(folder, padding=300_000_000)


def _damage(path: Path, part: str) -> None:
    """Damage the compressed bytes of *part* of the package at *path*, its size and place in
    the archive left as they were (a file cut or changed on its way: found only as the part
    is unpacked)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as package:
        info = package.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for at in range(start + 20, min(start + 120, start + info.compress_size)):
        data[at] ^= 0x5A
    path.write_bytes(bytes(data))


def damaged_sheet_bytes(folder: Path) -> None:
    """A workbook whose sheet's compressed bytes are damaged (zlib cannot unpack them)."""
    _toml(folder, file="p.xlsx")
    _xlsx(folder / "p.xlsx", "".join(_row(n, f'<c r="A{n}"><v>{43900 + n}</v></c>',
                                          f"contact number {n} " * 20) for n in range(2, 60)))
    _damage(folder / "p.xlsx", "xl/worksheets/sheet1.xml")


def word_damaged_bytes(folder: Path) -> None:
    """A Word return whose document's compressed bytes are damaged."""
    rows = "".join(_word_row(f"{n:02d}/03/2020", "Visit", f"contact number {n} " * 20)
                   for n in range(1, 28))
    _docx(folder, f"<w:tbl>{_WORD_HEADER}{rows}</w:tbl>")
    _damage(folder / "p.docx", "word/document.xml")


CORPUS: dict[str, Maker] = {f.__name__.replace("_", "-"): f for f in (
    far_cell, column_z_cell, far_cell_quoted, far_cell_prefixed, far_cell_lower_case,
    far_cell_spaced, far_row_eight_digits, far_cell_without_reference, not_a_reference,
    stray_dimension, shared_strings_claim, date_beyond_time, whitespace_bomb, device_file,
    named_pipe, utf16_cut_short, utf16_without_bom, infinite_dates, long_durations, deep_toml,
    deep_family_json, huge_settings, deep_gedcom, negative_header_row, zero_header_row,
    unbalanced_quote, uncached_formula, tiny_serials, three_parents, same_file_twice,
    path_outside, link_outside, unclosed_cells, unclosed_relationships,
    unclosed_sheet_names, unclosed_string_table, listed_mentions, separator_date,
    referral_spaces, many_uncached_formulas, gedcom_name_spaces, word_entity_bomb,
    word_deep_nesting, word_zip_bomb, word_wide_claims, word_without_document, xls_far_cell,
    damaged_sheet_bytes, word_damaged_bytes, ods_repeated_rows, ods_entity_bomb,
    ods_zip_bomb)}


def make(name: str, root: Path) -> Path:
    """Lay out the case *name* in a new folder under *root*; returns the case folder."""
    folder = root / name
    folder.mkdir(parents=True)
    CORPUS[name](folder)
    return folder


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case_name in CORPUS:
        make(case_name, target)
    print(f"{len(CORPUS)} hostile cases in {target}")

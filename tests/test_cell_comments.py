"""The comments (notes) on an agency's cells ("date approximate: from case notes") were lost
without a word: each is kept with the row it is on, as a cell of its own ("Comment on
Date"), quoted in the appendix as the agency's other cells are; one on a heading, or on a
row that is no entry, is said where it is."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment

from chronogen import read_agency_file, read_case, read_family_file
from chronogen.model.case import Limits
from chronogen.model.problems import ProblemCode
from chronogen.read.workbook_traits import _comments
from chronogen.write.appendix import build_appendix
from tests.conftest import HARBOUR


def _commented(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Chronology"
    sheet.append(["Date", "Contact type", "Summary"])
    sheet.append(["02/03/2020", "Home visit", "Visit"])
    sheet.append(["03/03/2020", "Home visit", "Call"])
    sheet.append([None, None, None])
    sheet.append(["31/02/2020", "Clinic", "Seen at clinic"])
    sheet["A3"].comment = Comment("Date approximate: from case notes & <memory>", "J Smith")
    sheet["B1"].comment = Comment("Types from the system's list", "J Smith")
    sheet["C4"].comment = Comment("Left blank on purpose", "J Smith")
    sheet["A5"].comment = Comment("Typed wrongly: 21/02/2020", "J Smith")
    book.save(path)
    return path


def test_each_comment_is_kept_with_its_row_or_said_where_it_is(tmp_path: Path) -> None:
    result = read_agency_file(_commented(tmp_path / "csc.xlsx"), agency="CSC", code="CSC")
    assert result.entries[1].raw["Comment on Date"] == (
        "Date approximate: from case notes & <memory>")
    assert "Comment on Date" not in result.entries[0].raw
    (rejected,) = result.rejected
    assert rejected.raw["Comment on Date"] == "Typed wrongly: 21/02/2020"
    said = [(p.row, p.column, p.message) for p in result.problems
            if p.code is ProblemCode.CELL_COMMENT]
    assert said == [
        (1, "Contact type", "a comment on the cell: \"Types from the system's list\""),
        (4, None, "comment on summary ('Left blank on purpose'), on a row that is no entry: "
                  "kept here")]
    # read without the cells (chronogen check), every comment is said once, nothing kept
    bare = read_agency_file(tmp_path / "csc.xlsx", agency="CSC", code="CSC", keep_raw=False)
    assert len([p for p in bare.problems if p.code is ProblemCode.CELL_COMMENT]) == 4


def test_a_comment_is_quoted_in_the_appendix(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    _commented(folder / "csc.xlsx")
    rows = {row.entry.source.row: [str(a) for a in row.also]
            for row in build_appendix(read_case(folder)).rows}
    assert rows[3] == ["Comment on Date: Date approximate: from case notes & <memory>"]


def test_a_threaded_comment_is_its_words(tmp_path: Path) -> None:
    """Excel writes a threaded comment for old readers behind a preamble."""
    path = _commented(tmp_path / "csc.xlsx")
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["xl/comments/comment1.xml"] = parts["xl/comments/comment1.xml"].replace(
        b"Date approximate", b"[Threaded comment]\n\nYour version of Excel allows you to read "
        b"this threaded comment.\n\nComment:\n    Date_x000D_\napproximate")
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    with zipfile.ZipFile(path) as package:
        found = _comments(package, "xl/worksheets/sheet1.xml", "csc.xlsx", "Chronology",
                          Limits())
    # Excel's escape of a carriage return is the character
    assert found[(3, 1)] == "Date\r\napproximate: from case notes & <memory>"


def test_the_family_workbook_says_its_comments(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(HARBOUR / "family.xlsx")
    book["People"]["E2"].comment = Comment("DOB from the GP record", "J Smith")
    book.save(tmp_path / "family.xlsx")
    said = [(p.sheet, p.row, p.column, p.message) for p in
            read_family_file(tmp_path / "family.xlsx").problems
            if p.code is ProblemCode.CELL_COMMENT]
    assert said == [("People", 2, "Date of birth",
                     "a comment on the cell: 'DOB from the GP record'")]


def test_comments_too_large_to_hold_are_said_not_read(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet's comments are held whole to be read: a part past the bound (64 MB of XML;
    here made small) is said, and the rest of the workbook read."""
    import chronogen.read.workbook_traits as traits

    monkeypatch.setattr(traits, "_LONGEST_COMMENTS", 10)
    result = read_agency_file(_commented(tmp_path / "csc.xlsx"), agency="CSC", code="CSC")
    assert len(result.entries) == 2
    assert not any(heading.startswith("Comment on") for e in result.entries for heading in e.raw)
    assert [(p.code, p.message) for p in result.problems
            if "comments on its cells" in p.message] == [(
        ProblemCode.CELL_COMMENT, "the comments on its cells (0 MB of XML) are too large to "
        "read; open the workbook to see them")]

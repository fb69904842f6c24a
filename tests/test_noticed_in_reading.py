"""What reading noticed besides the rows it rejected (a sheet not read, a name matching no
one, a column not known) is said in the report and the Word appendix, not only in the
workbook's Problems sheet, case.json and the command's output: a reader of the report alone
sees it."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import docx

from chronogen import Case, read_case
from chronogen.write.appendix import NOTICED_OF_A_KIND, build_appendix
from chronogen.write.docx_file import write_docx
from chronogen.write.html_file import render_report
from tests.conftest import one_agency_case


def report_rows(html: str) -> list[list[str]]:
    """The body rows of the report's table of what reading noticed, as text."""
    table = html[html.index('<table class="noticed">'):]
    table = table[:table.index("</table>")]
    return [[unescape(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)][1:]


def docx_rows(path: Path) -> list[list[str]]:
    """The body rows of the Word appendix's table of what reading noticed, as text."""
    document = docx.Document(str(path))
    (table,) = [t for t in document.tables if t.rows[0].cells[1].text == "How serious"]
    return [[c.text for c in r.cells] for r in table.rows[1:]]


def many_unknown_names(folder: Path) -> Case:
    """A health visitor's return naming someone the family does not know on 14 rows, one
    row with an impossible date (rejected), and a column chronogen does not know."""
    rows = "".join(f"{day:02d}/03/2020,Home visit,Kyle,Visited,Yes,Blue\n"
                   for day in range(1, 15))
    return read_case(one_agency_case(
        folder, "Health Visiting", "Date,Contact type,Child,Summary,Child seen?,Folder\n"
        + rows + "31/02/2020,Home visit,Mia,Visited,Yes,Blue\n", file_name="hv.csv"))


def test_warnings_first_a_few_of_a_kind_and_never_a_rejected_row_twice(tmp_path: Path) -> None:
    case = many_unknown_names(tmp_path / "case")
    rows = build_appendix(case).noticed()
    severities = [row[1] for row in rows if row[1]]
    assert severities == sorted(severities, key=["Error", "Warning", "Note"].index)
    unknown = [row for row in rows if "matches no one in the family" in row[2]]
    assert len(unknown) == NOTICED_OF_A_KIND
    assert unknown[0] == ["hv.csv, row 2, column 'Child'", "Warning",
                          "'Kyle' matches no one in the family"]
    more = rows[rows.index(unknown[-1]) + 1]
    assert more == [f"and {14 - NOTICED_OF_A_KIND} more unknown-person", "",
                    "every one is in the workbook's Problems sheet and case.json"]
    assert any("'Folder' is not a known field" in row[2] for row in rows)
    # the rejected row is listed with the rejected rows, not here again
    assert len(case.rejected) == 1 and not any("not a real date" in row[2] for row in rows)
    assert report_rows(render_report(case)) == rows
    assert docx_rows(write_docx(case, tmp_path / "chronology.docx")) == rows


def test_a_return_with_no_header_is_said_though_its_rows_are_all_rejected(tmp_path: Path
                                                                          ) -> None:
    case = read_case(one_agency_case(tmp_path / "case", "GP", "Hello,there\nsome,words\n",
                                     file_name="gp.csv"))
    rows = build_appendix(case).noticed()
    assert rows[0][:2] == ["gp.csv", "Error"] and rows[0][2].startswith("no header row found")


def test_where_nothing_else_was_noticed_the_report_has_no_such_table(harbour_case: Case
                                                                    ) -> None:
    case = harbour_case.model_copy(update={"problems": [
        p for p in harbour_case.problems
        if (p.file, p.sheet, p.row) in {(r.source.file, r.source.sheet, r.source.row)
                                        for r in harbour_case.rejected}]})
    assert build_appendix(case).noticed() == []
    assert '<table class="noticed">' not in render_report(case)


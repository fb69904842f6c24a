"""GEDCOM: export to GEDCOM 7 and import again losing nothing; reading 5.5.1 files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import gedcom7
import pytest

from chronogen import Family, PartialDate, read_family_file
from chronogen.read.family.gedcom import read_gedcom
from chronogen.write.gedcom import family_to_gedcom, gedcom_date, write_gedcom
from tests.command_line import run_here
from tests.conftest import HARBOUR
from tests.families import blended


def _same(a: Family, b: Family) -> None:
    assert a.people == b.people
    assert a.partnerships == b.partnerships
    assert sorted(map(str, a.parent_links)) == sorted(map(str, b.parent_links))
    assert sorted(map(str, a.relations)) == sorted(map(str, b.relations))
    assert a.households == b.households


@pytest.mark.parametrize("make", [lambda: read_family_file(HARBOUR / "family.xlsx").family,
                                  blended])
def test_export_and_import_lose_nothing(tmp_path: Path, make: object) -> None:
    family = make()  # type: ignore[operator]
    path = write_gedcom(family, tmp_path / "family.ged")
    again, problems = read_gedcom(path)
    assert problems == []
    _same(family, again)


def test_export_is_valid_gedcom_7(tmp_path: Path) -> None:
    text = family_to_gedcom(read_family_file(HARBOUR / "family.xlsx").family)
    records = gedcom7.loads(text)
    errors = [e for e in gedcom7.validate(records) if "extension" not in str(e).lower()]
    assert errors == []
    assert "2 VERS 7.0" in text and "1 PEDI BIRTH" not in text  # PEDI sits under FAMC
    assert "2 PEDI BIRTH" in text and "1 FACT White British" in text


@pytest.mark.parametrize(("text", "gedcom"), [
    ("14/02/2016", "14 FEB 2016"), ("March 2020", "MAR 2020"), ("2021", "2021"),
    ("abt 1988", "ABT 1988"), ("before 2019", "BEF 2019"), ("after March 2020", "AFT MAR 2020"),
    ("between 31/07/2007 and 02/08/2007", "BET 31 JUL 2007 AND 2 AUG 2007"),
])
def test_dates_in_gedcom_syntax_parse_back(text: str, gedcom: str) -> None:
    value = PartialDate.parse(text)
    assert gedcom_date(value) == gedcom
    again = PartialDate.parse(gedcom)
    assert (again.earliest, again.latest, again.qualifier) == (
        value.earliest, value.latest, value.qualifier)


GEDCOM_551 = """0 HEAD
1 GEDC
2 VERS 5.5.1
2 FORM LINEAGE-LINKED
1 CHAR UTF-8
0 @I1@ INDI
1 NAME Mia /Harbour/
1 SEX F
1 BIRT
2 DATE 14 FEB 2016
1 FAMC @F1@
2 PEDI birth
0 @I2@ INDI
1 NAME Jade /Harbour/
1 SEX F
1 BIRT
2 DATE ABT 1994
1 FAMS @F1@
0 @I3@ INDI
1 NAME Ryan /Harbour/
1 SEX M
1 DEAT
2 DATE BET 1 JAN 2020 AND 5 JAN 2020
1 FAMS @F1@
0 @I4@ INDI
1 NAME Zed /Harbour/
1 FAMC @F1@
2 PEDI adopted
0 @F1@ FAM
1 HUSB @I3@
1 WIFE @I2@
1 MARR
2 DATE 2015
1 DIV
2 DATE 2019
1 CHIL @I1@
1 CHIL @I4@
0 TRLR
"""


def test_reads_gedcom_551(tmp_path: Path) -> None:
    path = tmp_path / "old.ged"
    path.write_text(GEDCOM_551, encoding="utf-8")
    result = read_family_file(path)
    family = result.family
    assert [p.name for p in family.people] == ["Mia Harbour", "Jade Harbour", "Ryan Harbour",
                                               "Zed Harbour"]
    jade = family.person("I2")
    assert jade.birth is not None and jade.birth.qualifier.value == "about"
    ryan = family.person("I3")
    assert ryan.death is not None and ryan.death.precision.value == "range"
    (marriage,) = family.partnerships
    assert marriage.ended_by is not None and marriage.ended_by.value == "divorce"
    kinds = {(link.parent, link.child): link.kind.value for link in family.parent_links}
    assert kinds[("I2", "I1")] == "biological" and kinds[("I2", "I4")] == "adoptive"


@pytest.mark.slow
def test_genogram_command_writes_and_reads_gedcom(tmp_path: Path) -> None:
    out = tmp_path / "family.ged"
    done = subprocess.run([sys.executable, "-m", "chronogen", "genogram", str(HARBOUR), "-o",
                           str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    people = subprocess.run([sys.executable, "-m", "chronogen", "people", str(out), "--as-at",
                             "11/02/2021"], capture_output=True, text=True, check=False)
    assert people.returncode == 0, people.stderr
    assert "maternal half-sister" in people.stdout


def test_unreadable_gedcom_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ged"
    bad.write_text("0 HEAD\n1 GEDC\n2 VERS 7.0\nthis is not gedcom\n", encoding="utf-8")
    done = run_here("people", str(bad))
    assert done.returncode == 2 and "not a readable GEDCOM 7 file" in done.stderr
    assert "Traceback" not in done.stderr

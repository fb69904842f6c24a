"""GEDCOM import (7.x and 5.5.x) and export (7.0), behind chronogen's own adapter."""

from chronogen.gedcom.reader import read_gedcom
from chronogen.gedcom.writer import family_to_gedcom, gedcom_date, write_gedcom

__all__ = ["family_to_gedcom", "gedcom_date", "read_gedcom", "write_gedcom"]

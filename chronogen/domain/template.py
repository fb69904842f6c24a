"""The standard agency template's own words (written by ``write``, recognised by ``read``)."""

from __future__ import annotations

#: the title row of the standard template (``chronogen template``); a sheet starting with it
#: is read with the template's own columns
TEMPLATE_TITLE = "Agency chronology template"

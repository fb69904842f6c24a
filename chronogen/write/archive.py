"""Byte-identical zip packages (xlsx, docx): fixed timestamps and a fixed entry order."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: the created / modified time every document says it has
FIXED_DOC_TIME = datetime(2000, 1, 1)
_DOC_STAMP = FIXED_DOC_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
_CORE = "docProps/core.xml"
_DOC_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalise_zip(data: bytes, output: Path, *,
                  change: dict[str, Callable[[bytes], Iterable[bytes]]] | None = None,
                  large: bool = False) -> None:
    """Rewrite a zip package with every entry's timestamp fixed, in its original order, and
    the document's created / modified dates (which writers set to now) fixed too; *change*
    maps a part's name to what to make of its bytes, given back a piece at a time (written
    straight into the package: a long chronology's part is never whole in memory); *large*
    when a changed part may pass 2 GB (it then needs ZIP64, which old readers lack)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    with output.open("wb") as handle, \
            zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            content = source.read(info.filename)
            if info.filename == _CORE:
                content = _DOC_TIMES.sub(rb"\g<1>" + _DOC_STAMP + rb"\g<2>", content)
            if change and info.filename in change:
                with target.open(fixed, "w", force_zip64=large) as stream:
                    for piece in change[info.filename](content):
                        stream.write(piece)
            else:
                target.writestr(fixed, content)

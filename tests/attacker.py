"""Reading an output folder as an attacker would: every file's text, the parts inside
every workbook and document, the text of PDFs and PNGs; and searching it for words that must
never be there. Shared by the tests of the anonymised set and of the overview."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path

BINARY_PARTS = re.compile(r"\.(png|jpe?g|gif|emf|wmf|bin)$", re.I)


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
    data = path.read_bytes()
    parts = [data.decode("latin-1")]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            parts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(parts)


def _png_text(data: bytes) -> str:
    """The text chunks of a PNG (its pixels hold no searchable text)."""
    found, at = [], 8
    while at < len(data):
        length = int.from_bytes(data[at:at + 4], "big")
        kind = data[at + 4:at + 8]
        if kind in (b"tEXt", b"iTXt", b"zTXt"):
            found.append(data[at + 8:at + 8 + length].decode("latin-1"))
        at += 12 + length
    return "\n".join(found)


def every_text(folder: Path) -> dict[str, str]:
    """Every file below *folder* as the text an attacker could read out of it."""
    texts = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        texts[path.name] = path.name
        if path.suffix in (".xlsx", ".docx"):
            with zipfile.ZipFile(path) as package:
                for name in package.namelist():
                    data = package.read(name)
                    texts[f"{path.name}!{name}"] = _png_text(data) if BINARY_PARTS.search(
                        name) else data.decode("utf-8", "replace")
        elif path.suffix == ".pdf":
            texts[path.name] = _pdf_text(path)
        elif path.suffix == ".png":
            texts[path.name] = _png_text(path.read_bytes())
        else:
            texts[path.name] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def leaks(folder: Path, words: set[str]) -> list[str]:
    """Where in *folder* each of *words* stands, as a whole word in any case ("Eve" is
    found in "EVE said", not in "every")."""
    found = []
    for where, text in every_text(folder).items():
        for word in words:
            pattern = r"(?<![\w@])" + r"\s+".join(map(re.escape, word.split())) + r"(?![\w])"
            if re.search(pattern, text, re.I):
                found.append(f"{word!r} in {where}")
    return found

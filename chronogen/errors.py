"""Exceptions raised by chronogen.

Every exception chronogen raises on purpose derives from :class:`ChronogenError`, and each
family also subclasses the matching built-in so that callers who do not know chronogen can
still catch it::

    ChronogenError
    ├── InputFileNotFound      (also FileNotFoundError)  a named input file does not exist
    ├── InputError             (also ValueError)         an input file cannot be used at all
    │   ├── ManifestError                                 case.toml is wrong
    │   └── UnreadableFileError                          not a workbook / CSV we can read
    ├── DateError              (also ValueError)         text that is not a valid date
    ├── OutputFormatError      (also ValueError)         an output suffix or format chronogen
    │                                                     cannot write
    └── RenderError            (also RuntimeError)       Graphviz missing or failing

Problems in single rows are never raised: they become :class:`chronogen.Problem` records and
rejected rows, so one bad row never stops a build.
"""

from __future__ import annotations


class ChronogenError(Exception):
    """Base class of every error chronogen raises on purpose."""


class InputFileNotFound(ChronogenError, FileNotFoundError):
    """A file named by the user or by ``case.toml`` does not exist."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(ChronogenError, ValueError):
    """An input file cannot be used at all (as opposed to a problem in one row)."""


class ManifestError(InputError):
    """``case.toml`` is missing a key, has an unknown key, or a value of the wrong type."""


class UnreadableFileError(InputError):
    """A file is not a workbook or CSV chronogen can read."""


class DateError(ChronogenError, ValueError):
    """Text that is not a valid (or is an impossible) date."""


class OutputFormatError(ChronogenError, ValueError):
    """An output named with a suffix (or a ``--format``) chronogen cannot write."""


class RenderError(ChronogenError, RuntimeError):
    """Graphviz is missing or failed while rendering."""

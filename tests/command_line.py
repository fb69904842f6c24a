"""The command line run by the tests: in a process of its own, as a user types it, or in the
test's own process where no process of its own is needed."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

from chronogen.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m chronogen ARGS`` in a process of its own."""
    return subprocess.run([sys.executable, "-m", "chronogen", *args], capture_output=True,
                          text=True, cwd=cwd, check=False, timeout=300)


def run_here(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The same command line (``chronogen.cli.main``, which the program's entry point
    runs) in this process: what a command prints and its exit status, without a new
    interpreter importing chronogen for each. The entry point itself, the streams as a
    process has them, a pipe: those tests use :func:`run`."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd or Path.cwd()), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as done:  # --help
            code = done.code if isinstance(done.code, int) else 0
    return subprocess.CompletedProcess(["chronogen", *args], code, out.getvalue(),
                                       err.getvalue())

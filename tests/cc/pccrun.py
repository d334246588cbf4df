"""Running pcc in-process for the end-to-end tests, and the programs it builds.

``pcc`` calls ``toolchain.cc.cli.run`` (no interpreter start-up per
compilation) and returns its exit status and what it printed on stderr.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path


def pcc(*args, cwd: Path | None = None) -> tuple[int, str]:
    """``pcc ARGS`` in-process: (exit status, what it printed on stderr)."""
    from toolchain.cc.cli import run
    err = io.StringIO()
    old = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stderr(err):
            status = run([str(a) for a in args])
    finally:
        os.chdir(old)
    return status, err.getvalue()


def ok(*args, cwd: Path | None = None) -> None:
    """``pcc ARGS``, which must succeed (the assertion shows its messages)."""
    status, err = pcc(*args, cwd=cwd)
    assert status == 0, err


def execute(exe: Path) -> tuple[int, str]:
    """Run a built program: (exit status, standard output)."""
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=30)
    return r.returncode, r.stdout

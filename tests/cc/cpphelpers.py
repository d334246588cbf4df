"""Shared helpers of the preprocessor tests: run ``pcc -E`` in-process and
``gcc -E`` as a subprocess, and compare their outputs as token sequences."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys

from toolchain.cc import cli
from toolchain.cc.lexer import tokenize

GLIBC_INCLUDE = ["-nostdinc", "-isystem", "/usr/lib/gcc/x86_64-linux-gnu/12/include",
                 "-isystem", "/usr/local/include", "-isystem", "/usr/include/x86_64-linux-gnu",
                 "-isystem", "/usr/include"]
# __DATE__ and friends differ from run to run: define them the same for both.
NEUTRAL = ['-D__DATE__="date"', '-D__TIME__="time"', '-D__TIMESTAMP__="stamp"', "-w"]
_MARKER = re.compile(r'# \d+ "')


def run_pcc(args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    """``pcc ARGS`` in this process: (status, stdout, stderr)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape")
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.run(args)
    out.flush()
    return status, out.buffer.getvalue().decode("utf-8", "surrogateescape"), err.getvalue()


def run_gcc(args: list[str], compiler: str = "gcc") -> tuple[int, str, str]:
    proc = subprocess.run([compiler, *args], capture_output=True)
    return (proc.returncode, proc.stdout.decode("utf-8", "surrogateescape"),
            proc.stderr.decode("utf-8", "surrogateescape"))


def token_sequence(text: str) -> list[str]:
    """The tokens of -E output, line markers and white space ignored."""
    kept = [line for line in text.split("\n") if not _MARKER.match(line)]
    return [t.text for t in tokenize("\n".join(kept), "<output>")]


def first_difference(a: list[str], b: list[str], context: int = 8) -> str | None:
    """A short description of where two token sequences part, or None if equal."""
    if a == b:
        return None
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    lo = max(0, i - context)
    return (f"token {i} of {len(a)}/{len(b)}: pcc {' '.join(a[lo:i + context])!r} "
            f"vs gcc {' '.join(b[lo:i + context])!r}")

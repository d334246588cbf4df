"""Test support for the parser tests: C text through pcc's own lexer and
preprocessor (predefined macros of the target, ``#pragma`` tokens kept), and
``pcc -fsyntax-only`` run in-process with its first diagnostic read back.

The stand-ins for the driver's diagnostics and options objects (which
collect one-line diagnostics, handy to assert on) stay in ctokens.py.
"""

from __future__ import annotations

import io
import re

from cpphelpers import run_pcc

from toolchain.cc.diagnostics import CDiagnostics
from toolchain.cc.driver import parse_command_line
from toolchain.cc.preprocessor import Preprocessor
from toolchain.cc.tokens import Token

GLIBC_INCLUDE = ["-nostdinc", "-isystem", "/usr/lib/gcc/x86_64-linux-gnu/12/include",
                 "-isystem", "/usr/local/include", "-isystem", "/usr/include/x86_64-linux-gnu",
                 "-isystem", "/usr/include"]
_DIAGNOSTIC = re.compile(r"^(?:.*?):(\d+:\d+: (?:error|warning|fatal error): .*)$")


def preprocess(source: str, filename: str = "t.c", target: str = "x86_64",
               args: tuple[str, ...] = ()) -> list[Token]:
    """The tokens pcc's preprocessor makes of ``source`` (an assertion fails on its errors)."""
    opts = parse_command_line(["-fsyntax-only", f"--target={target}", *args, filename])
    stream = io.StringIO()
    diagnostics = CDiagnostics(stream=stream, color=False, show_caret=False, options=opts.warnings)
    pp = Preprocessor(opts.target, opts.preprocessor, diagnostics)
    tokens = [t for t in pp.items(filename, source) if isinstance(t, Token)]
    assert not diagnostics.failed, stream.getvalue()
    return tokens


def syntax_only(args: list[str]) -> tuple[int, str]:
    """``pcc -fsyntax-only ARGS`` in this process: (exit status, stderr)."""
    status, _out, err = run_pcc(["-fsyntax-only", "-fno-diagnostics-show-caret",
                                 "-fdiagnostics-color=never", *args])
    return status, err


def diagnostic_lines(stderr: str) -> list[str]:
    """``LINE:COL: error: MESSAGE`` (file name dropped) for each error and warning."""
    return [m.group(1) for m in map(_DIAGNOSTIC.match, stderr.splitlines()) if m]

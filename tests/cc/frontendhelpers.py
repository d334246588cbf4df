"""Test support for the parser tests: C text through pcc's own lexer and
preprocessor (predefined macros of the target, ``#pragma`` tokens kept),
``pcc -fsyntax-only`` run in-process with its diagnostics read back, and
stand-ins for the driver's diagnostics and options objects that collect
one-line diagnostics (handy to assert on when calling the parser directly).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

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


@dataclass
class Options:
    """Stand-in for the driver's options: what the parser reads of them."""

    std: str = "gnu17"
    warnings: set = field(default_factory=lambda: {
        "-Wall", "-Wunused-variable", "-Wunused-but-set-variable", "-Wreturn-type", "-Wformat",
        "-Wformat=", "-Wformat-extra-args", "-Wunused-label", "-Wunused-function",
        "-Wimplicit-function-declaration", "-Wunused-value"})
    pedantic: bool = False


@dataclass
class Diagnostics:
    """Collects diagnostics as gcc's one-line texts."""

    lines: list[str] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0

    def error(self, message, where=None):
        self.error_count += 1
        self.lines.append(f"{_where(where)}error: {message}")

    def warning(self, message, where=None, option=None):
        self.warning_count += 1
        suffix = f" [{option}]" if option and option.startswith("-W") and option not in (
            "-Wreturn-mismatch", "-Wreturn-type-default") else ""
        self.lines.append(f"{_where(where)}warning: {message}{suffix}")

    def note(self, message, where=None):
        self.lines.append(f"{_where(where)}note: {message}")

    def errors(self) -> list[str]:
        return [line for line in self.lines if ": error: " in line]


def _where(where) -> str:
    location = getattr(where, "location", where)
    if location is None:
        return ""
    return f"{location}: "

"""Test support for the parser: a small tokenizer of already-preprocessed C
text (``gcc -E`` output, line markers honoured) and stand-ins for the
driver's diagnostics and options objects.

This is test plumbing only, used until the preprocessor is on this branch;
the compiler itself reads tokens from toolchain/cc's own lexer.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from toolchain.common.diagnostics import SourceLocation
from toolchain.cc.tokens import Token, TokenKind

_TOKEN = re.compile(r"""
    (?P<space>[ \t\r\f\v]+)
  | (?P<newline>\n)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>(?:u8|u|U|L)?"(?:[^"\\\n]|\\.)*")
  | (?P<char>(?:u8|u|U|L)?'(?:[^'\\\n]|\\.)*')
  | (?P<number>\.?[0-9](?:[eEpP][+-]|[0-9a-zA-Z_.])*)
  | (?P<ident>[A-Za-z_$][A-Za-z0-9_$]*)
  | (?P<punct>%:%:|\.\.\.|<<=|>>=|->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||\*=|/=|%=|\+=|-=|&=|\^=|\|=|\#\#
              |<:|:>|<%|%>|%:|[][(){}.&*+\-~!/%<>^|?:;=,\#])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_LINE_MARKER = re.compile(r'#\s*(?:line\s+)?(\d+)\s*("(?:[^"\\]|\\.)*")?.*')


def tokenize(text: str, filename: str = "<stdin>") -> list[Token]:
    tokens: list[Token] = []
    line, line_start = 1, 0
    file = filename
    at_line_start = True
    space = False
    pos = 0
    n = len(text)
    while pos < n:
        if at_line_start:
            m = re.compile(r"[ \t]*#[^\n]*").match(text, pos)
            if m:
                marker = _LINE_MARKER.match(m.group().strip())
                pos = m.end()
                if marker and not m.group().strip().startswith("#pragma"):
                    line = int(marker.group(1)) - 1
                    if marker.group(2):
                        file = marker.group(2)[1:-1]
                continue
        m = _TOKEN.match(text, pos)
        kind = m.lastgroup
        value = m.group()
        if kind == "newline":
            line += 1
            line_start = m.end()
            at_line_start = True
            space = False
        elif kind == "space":
            space = True
        elif kind == "comment":
            space = True
            newlines = value.count("\n")
            if newlines:
                line += newlines
                line_start = pos + value.rfind("\n") + 1
        else:
            token_kind = {"string": TokenKind.STRING_LITERAL, "char": TokenKind.CHARACTER_CONSTANT,
                          "number": TokenKind.PP_NUMBER, "ident": TokenKind.IDENTIFIER,
                          "punct": TokenKind.PUNCTUATOR, "other": TokenKind.OTHER}[kind]
            tokens.append(Token(token_kind, value, SourceLocation(file, line, pos - line_start + 1),
                                space, at_line_start))
            at_line_start = False
            space = False
        pos = m.end()
    tokens.append(Token(TokenKind.END_OF_FILE, "", SourceLocation(file, line, pos - line_start + 1)))
    return tokens


@dataclass
class Options:
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


def preprocess_with_gcc(path: Path, gcc: str = "gcc", extra: tuple[str, ...] = ()) -> str:
    """``gcc -E`` output for a test file (the test-only stand-in for our preprocessor)."""
    if shutil.which(gcc) is None:
        raise FileNotFoundError(gcc)
    result = subprocess.run([gcc, "-E", "-std=gnu17", *extra, str(path)], capture_output=True,
                            text=True, errors="replace", timeout=60)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return result.stdout

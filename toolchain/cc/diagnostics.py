"""C diagnostics printed the way gcc 12 prints them.

    In file included from main.c:3:
    defs.h:5:9: error: expected ';' before '}' token
        5 | int x = ;
          |         ^

One diagnostic is a header line ``file:line:col: severity: message``, then
the source line and a caret line under the offending token (``^~~~`` as
long as the token), then ``note: in expansion of macro 'X'`` for each macro
the token came out of.  ``In file included from`` lines come first whenever
the include stack differs from the previous diagnostic's.  Warnings carry the
option that controls them (``[-Wunused-variable]``); ``-Werror`` turns them
into errors (``[-Werror=unused-variable]``), ``-w`` silences them.  Colour is
used when stderr is a terminal or with ``-fdiagnostics-color=always``.

:class:`SourceManager` remembers every file read (its text, for the source
line, and the place it was included from); :class:`CDiagnostics` is the
engine the preprocessor and the parser report to.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO, Union

from ..common.diagnostics import SourceLocation, ToolchainError
from .tokens import MacroExpansion, Token

Where = Union[Token, SourceLocation, None]

# Warnings off by default that -Wall / -Wextra turn on (gcc 12's grouping of
# the ones a C front end gives).  Any option not named here is on by default.
WALL_WARNINGS = frozenset({
    "-Wunused-variable", "-Wunused-function", "-Wunused-label", "-Wunused-value",
    "-Wunused-but-set-variable", "-Wunused-local-typedefs", "-Wuninitialized",
    "-Wmaybe-uninitialized", "-Wparentheses", "-Wreturn-type", "-Wswitch",
    "-Wsign-compare", "-Wformat", "-Wformat-security", "-Wmissing-braces",
    "-Wcomment", "-Wtrigraphs", "-Wchar-subscripts", "-Waddress",
    "-Wsequence-point", "-Wstrict-aliasing", "-Wimplicit-fallthrough",
    "-Wmisleading-indentation", "-Wnonnull", "-Wpointer-sign", "-Wenum-compare",
    "-Wunknown-pragmas", "-Wdangling-else", "-Wbool-compare", "-Wlogical-not-parentheses",
    "-Wmain", "-Wmemset-elt-size", "-Wsizeof-pointer-div", "-Wstring-compare",
    "-Wzero-length-bounds", "-Warray-bounds", "-Wrestrict",
})
WEXTRA_WARNINGS = frozenset({
    "-Wunused-parameter", "-Wsign-compare", "-Wmissing-field-initializers",
    "-Wtype-limits", "-Wempty-body", "-Wold-style-declaration", "-Woverride-init",
    "-Wclobbered", "-Wignored-qualifiers", "-Wimplicit-fallthrough", "-Wshift-negative-value",
    "-Wcast-function-type", "-Wstring-compare", "-Wunused-but-set-parameter",
})
# Off unless named (gcc's -W options enabled by neither group).
OPT_IN_WARNINGS = frozenset({
    "-Wpedantic", "-Wshadow", "-Wconversion", "-Wsign-conversion", "-Wundef",
    "-Wcast-qual", "-Wcast-align", "-Wstrict-prototypes", "-Wmissing-prototypes",
    "-Wmissing-declarations", "-Wredundant-decls", "-Wpadded", "-Wfloat-equal",
    "-Wswitch-default", "-Wswitch-enum", "-Wwrite-strings", "-Wtraditional",
    "-Wunused-macros", "-Wvla", "-Wdeclaration-after-statement", "-Wlong-long",
    "-Wsystem-headers", "-Wexpansion-to-defined", "-Wc90-c99-compat",
})

_COLOURS = {"error": "01;31", "fatal error": "01;31", "warning": "01;35",
            "note": "01;36", "locus": "01", "caret": "01;32", "quote": "01"}


@dataclass
class WarningOptions:
    """The -W / -w / -pedantic state of one run."""

    enabled: dict[str, bool] = field(default_factory=dict)   # explicit -Wx / -Wno-x
    as_error: dict[str, bool] = field(default_factory=dict)  # -Werror=x / -Wno-error=x
    wall: bool = False
    wextra: bool = False
    werror: bool = False
    inhibit: bool = False                  # -w
    pedantic: bool = False
    pedantic_errors: bool = False
    system_headers: bool = False           # -Wsystem-headers

    def is_enabled(self, option: str | None) -> bool:
        if self.inhibit:
            return False
        if option is None:
            return True
        explicit = self.enabled.get(option)
        if explicit is not None:
            return explicit
        if option == "-Wpedantic":
            return self.pedantic or self.pedantic_errors
        if option in WALL_WARNINGS and self.wall:
            return True
        if option in WEXTRA_WARNINGS and self.wextra:
            return True
        return option not in WALL_WARNINGS and option not in WEXTRA_WARNINGS \
            and option not in OPT_IN_WARNINGS

    def is_error(self, option: str | None) -> bool:
        if option is not None and option in self.as_error:
            return self.as_error[option]
        return self.werror


@dataclass
class SourceFile:
    """One file the preprocessor read."""

    name: str                              # as printed in diagnostics
    text: str
    included_from: SourceLocation | None = None
    is_system: bool = False
    _lines: list[str] | None = None

    def line(self, number: int) -> str | None:
        if self._lines is None:
            self._lines = self.text.split("\n")
        if 1 <= number <= len(self._lines):
            return self._lines[number - 1].rstrip("\r")
        return None


@dataclass
class SourceManager:
    """Every file read in one compilation, by the name diagnostics print."""

    files: dict[str, SourceFile] = field(default_factory=dict)

    def add(self, name: str, text: str, included_from: SourceLocation | None = None,
            is_system: bool = False) -> SourceFile:
        existing = self.files.get(name)
        if existing is not None:
            return existing                # keep the first inclusion's chain
        entry = SourceFile(name, text, included_from, is_system)
        self.files[name] = entry
        return entry

    def include_chain(self, file: str) -> list[SourceLocation]:
        """Where ``file`` was included from, innermost first."""
        chain: list[SourceLocation] = []
        entry = self.files.get(file)
        seen = set()
        while entry is not None and entry.included_from is not None and entry.name not in seen:
            seen.add(entry.name)
            chain.append(entry.included_from)
            entry = self.files.get(entry.included_from.file)
        return chain

    def is_system(self, file: str) -> bool:
        entry = self.files.get(file)
        return entry is not None and entry.is_system


class FatalError(ToolchainError):
    """A diagnostic after which gcc stops ("compilation terminated.")."""


@dataclass
class CDiagnostics:
    """The diagnostics engine of one pcc run."""

    sources: SourceManager = field(default_factory=SourceManager)
    options: WarningOptions = field(default_factory=WarningOptions)
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    color: bool | None = None              # None: when the stream is a terminal
    show_caret: bool = True
    tool: str = "pcc"
    error_count: int = 0
    warning_count: int = 0
    _last_chain: list[SourceLocation] | None = None
    _werror_used: bool = False

    def __post_init__(self) -> None:
        if self.color is None:
            isatty = getattr(self.stream, "isatty", None)
            self.color = bool(isatty and isatty())

    # -- the API --------------------------------------------------------
    def error(self, message: str, where: Where = None) -> None:
        """Report a constraint violation or other error; compilation fails."""
        self.error_count += 1
        self._emit("error", message, where)

    def warning(self, message: str, where: Where = None, option: str | None = None,
                in_system_headers: bool = False) -> bool:
        """Report a warning controlled by ``option``; False when it was not shown.

        Warnings about system headers are dropped (as gcc does) unless
        ``in_system_headers`` (``#warning``) or -Wsystem-headers.
        """
        if not self.enabled(option):
            return False
        location = _location_of(where)
        if location is not None and not in_system_headers and not self.options.system_headers \
                and self.sources.is_system(location.file):
            return False
        if self.options.is_error(option):
            self.error_count += 1
            self._werror_used = True
            suffix = f" [-Werror={option[2:]}]" if option else ""
            self._emit("error", message + suffix, where)
            return True
        self.warning_count += 1
        self._emit("warning", message + (f" [{option}]" if option else ""), where)
        return True

    def pedwarn(self, message: str, where: Where = None, option: str | None = None) -> bool:
        """A diagnostic ISO C requires: an error under -pedantic-errors, else a warning."""
        if self.options.pedantic_errors and not self.options.inhibit:
            self.error(message + (f" [{option}]" if option else ""), where)
            return True
        return self.warning(message, where, option)

    def note(self, message: str, where: Where = None) -> None:
        self._emit("note", message, where, with_chain=False)

    def fatal(self, message: str, where: Where = None) -> FatalError:
        """Print a fatal error (and gcc's closing line); return the exception to raise."""
        self.error_count += 1
        self._emit("fatal error", message, where)
        print("compilation terminated.", file=self.stream)
        return FatalError(message, _location_of(where))

    def enabled(self, option: str | None) -> bool:
        """Whether a warning controlled by ``option`` would be shown (cheap to ask first)."""
        return self.options.is_enabled(option)

    def finish(self) -> None:
        """gcc's closing remark when -Werror turned a warning into an error."""
        if self._werror_used:
            print(f"{self.tool}: all warnings being treated as errors", file=self.stream)
            self._werror_used = False

    @property
    def failed(self) -> bool:
        return self.error_count > 0

    def report_exception(self, exc: ToolchainError) -> None:
        """Print a ToolchainError raised by code that does not know this engine."""
        if isinstance(exc, FatalError):
            return                          # already printed
        self.error(exc.message, exc.location)

    # -- rendering ------------------------------------------------------
    def _paint(self, what: str, text: str) -> str:
        if not self.color:
            return text
        return f"\033[{_COLOURS[what]}m\033[K{text}\033[m\033[K"

    def _emit(self, severity: str, message: str, where: Where, with_chain: bool = True) -> None:
        location = _location_of(where)
        out: list[str] = []
        if location is None:
            out.append(f"{self._paint('locus', self.tool + ':')} "
                       f"{self._paint(severity, severity + ':')} {message}")
            self._write(out)
            return
        if with_chain:
            chain = self.sources.include_chain(location.file)
            if chain != self._last_chain:
                for i, site in enumerate(chain):
                    lead = "In file included from" if i == 0 else "                 from"
                    end = ":" if i == len(chain) - 1 else ","
                    out.append(f"{lead} {self._paint('locus', f'{site.file}:{site.line}')}{end}")
                self._last_chain = chain
        out.append(f"{self._paint('locus', str(location) + ':')} "
                   f"{self._paint(severity, severity + ':')} {message}")
        width = len(where.text) if isinstance(where, Token) else 1
        out.extend(self._source_lines(location, width))
        if isinstance(where, Token) and where.expansion is not None:
            expansion: MacroExpansion | None = where.expansion
            if expansion.definition is not None:    # an argument: where the parameter is
                loc = expansion.definition
                out.append(f"{self._paint('locus', str(loc) + ':')} "
                           f"{self._paint('note', 'note:')} in definition of macro "
                           f"'{expansion.macro}'")
                out.extend(self._source_lines(loc, 1))
                expansion = expansion.parent
            while expansion is not None:
                loc = expansion.location
                out.append(f"{self._paint('locus', str(loc) + ':')} "
                           f"{self._paint('note', 'note:')} in expansion of macro "
                           f"'{expansion.macro}'")
                out.extend(self._source_lines(loc, len(expansion.macro)))
                expansion = expansion.parent
        self._write(out)

    def _source_lines(self, location: SourceLocation, width: int) -> list[str]:
        if not self.show_caret or not location.line:
            return []
        entry = self.sources.files.get(location.file)
        text = entry.line(location.line) if entry is not None else None
        if text is None:
            return []
        shown = text.expandtabs(8)
        number = f"{location.line:5d}"
        pad = " " * len(number)
        if not location.column:             # a whole line (gcc: "macro defined here")
            return [f"{number} | {shown}", f"{pad} | "]
        column = location.column
        width = max(1, min(width, len(shown) - column + 1))
        caret = " " * (column - 1) + self._paint("caret", "^" + "~" * (width - 1))
        return [f"{number} | {shown}", f"{pad} | {caret}"]

    def _write(self, lines: list[str]) -> None:
        self.stream.write("\n".join(lines) + "\n")
        self.stream.flush()


def _location_of(where: Where) -> SourceLocation | None:
    if isinstance(where, Token):
        return where.location
    return where

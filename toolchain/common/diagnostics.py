"""Diagnostics shared by pcc, pas and pld.

Every user mistake is reported as ``file:line:col: error: message`` (or
``tool: error: message`` when there is no source position), counted, and
turned into exit status 1 by the command-line front ends.  Tool code raises
:class:`ToolchainError` for a mistake it cannot continue past, or calls
:meth:`Diagnostics.error` to report and carry on (as GNU as does, so that one
run shows every bad line).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import NamedTuple, TextIO


class SourceLocation(NamedTuple):
    """A position in a source file; ``line`` and ``column`` count from 1 (0 = unknown).

    A named tuple: immutable, compared and hashed by value, and built in C --
    a compiler makes one for most tokens it parses, and a frozen dataclass's
    constructor is several times slower.
    """

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        text = self.file
        if self.line:
            text += f":{self.line}"
            if self.column:
                text += f":{self.column}"
        return text


class ToolchainError(Exception):
    """A user error that stops the current operation.

    ``location`` may be a SourceLocation, or None when the error concerns a
    whole file or a flag (the message then carries the file name itself).
    """

    def __init__(self, message: str, location: SourceLocation | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return format_diagnostic("error", self.message, self.location)


def format_diagnostic(severity: str, message: str, location: SourceLocation | None,
                      tool: str | None = None) -> str:
    """Render one diagnostic line the way gcc does."""
    if location is not None:
        return f"{location}: {severity}: {message}"
    if tool:
        return f"{tool}: {severity}: {message}"
    return f"{severity}: {message}"


@dataclass
class Diagnostics:
    """Collects and prints the diagnostics of one tool run."""

    tool: str
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    warnings_are_errors: bool = False
    suppress_warnings: bool = False
    error_count: int = 0
    warning_count: int = 0

    def error(self, message: str, location: SourceLocation | None = None) -> None:
        self.error_count += 1
        print(format_diagnostic("error", message, location, self.tool), file=self.stream)

    def warning(self, message: str, location: SourceLocation | None = None) -> None:
        if self.suppress_warnings:
            return
        if self.warnings_are_errors:
            self.error(message, location)
            return
        self.warning_count += 1
        print(format_diagnostic("warning", message, location, self.tool), file=self.stream)

    def note(self, message: str, location: SourceLocation | None = None) -> None:
        print(format_diagnostic("note", message, location, self.tool), file=self.stream)

    def report(self, exc: ToolchainError) -> None:
        self.error(exc.message, exc.location)

    @property
    def failed(self) -> bool:
        return self.error_count > 0

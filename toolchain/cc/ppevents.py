"""The records a Preprocessor reports besides tokens, for ``-E`` output:
line markers (:class:`FileChange`) and echoed directives (:class:`DirectiveEcho`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..common.diagnostics import SourceLocation

if TYPE_CHECKING:
    from .preprocessor import _Frame


@dataclass(frozen=True)
class FileChange:
    """A line marker for -E: entering (flag 1), returning to (2) or renaming (0) a file."""

    file: str
    line: int
    flag: int
    is_system: bool


@dataclass(frozen=True)
class DirectiveEcho:
    """A #define or #undef line, for ``-dD`` output."""

    text: str
    location: SourceLocation


def current_line_of(frame: _Frame) -> int:
    """The line the next token of ``frame`` is on (for line markers)."""
    if frame.pos < len(frame.tokens) or frame.lex_more():
        return frame.tokens[frame.pos].location.line
    if frame.tokens:
        return frame.tokens[-1].location.line + 1
    return 1

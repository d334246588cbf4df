"""Preprocessing tokens: the one record passed from the lexer through the
preprocessor to the parser.

C11 5.1.1.2 splits translation into phases; phases 1-3 (the lexer) produce
*preprocessing tokens* (6.4): header names, identifiers, pp-numbers, character
constants, string literals, punctuators, and single non-white-space
characters.  Phase 4 (the preprocessor) rewrites the token list; phases 5-7
(the parser) convert pp-numbers to constants, concatenate adjacent string
literals and treat identifiers that spell keywords as keywords.

A token keeps the exact text it was spelled with, where it came from, and
the white space before it (so ``-E`` output and ``#`` stringising are
faithful).  A token produced by a macro expansion keeps the location where
it was written and points at the expansion it came from, so diagnostics can
print gcc's "in expansion of macro" and "in definition of macro" notes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ..common.diagnostics import SourceLocation


class TokenKind(enum.Enum):
    IDENTIFIER = "identifier"
    PP_NUMBER = "pp-number"
    CHARACTER_CONSTANT = "character constant"     # 'a', L'a', u'a', U'a', u8'a'
    STRING_LITERAL = "string literal"             # "s", L"s", u8"s", u"s", U"s"
    HEADER_NAME = "header name"                   # <stdio.h>, only after #include
    PUNCTUATOR = "punctuator"                     # spelled as in 6.4.6; digraphs kept
    OTHER = "other"                               # a stray non-white-space character
    PRAGMA = "pragma"                             # a whole #pragma / _Pragma: text = its body
    COMMENT = "comment"                           # only with -C / -CC (kept for -E output)
    END_OF_FILE = "end of file"

    # Members are singletons compared by identity: hash them so too, in C
    # (Enum's own __hash__ is a Python method, and the parser looks a kind up
    # in a dict for every identifier, number and string token).
    __hash__ = object.__hash__


@dataclass(frozen=True, slots=True)
class MacroExpansion:
    """One level of macro expansion a token went through (for diagnostics)."""

    macro: str
    location: SourceLocation                      # where the macro was invoked
    parent: MacroExpansion | None = None
    # For the tokens of an argument: where, in the macro's definition, the
    # parameter they replace is (gcc's "in definition of macro" note).
    definition: SourceLocation | None = None


EMPTY_HIDESET: frozenset[str] = frozenset()


class Token:
    """One preprocessing token.  Treat it as immutable: tokens are shared
    between a file's cached token list, macro bodies and the parser.

    A plain class with ``__slots__`` rather than a dataclass: a translation
    unit makes millions of tokens and this constructor is several times
    cheaper.
    """

    __slots__ = ("kind", "text", "location", "leading_space", "at_line_start", "expansion",
                 "hideset")

    def __init__(self, kind: TokenKind, text: str, location: SourceLocation,
                 leading_space: bool = False,          # white space (or a comment) before it
                 at_line_start: bool = False,          # first token of a logical line
                 expansion: MacroExpansion | None = None,   # None: written directly in a file
                 # Names of the macros this token may no longer be expanded for
                 # (Prosser's hide set, see macros.py); empty for tokens read from a file.
                 hideset: frozenset[str] = EMPTY_HIDESET) -> None:
        self.kind = kind
        self.text = text
        self.location = location
        self.leading_space = leading_space
        self.at_line_start = at_line_start
        self.expansion = expansion
        self.hideset = hideset

    def __repr__(self) -> str:
        return (f"Token({self.kind.name}, {self.text!r}, {self.location}"
                f"{', space' if self.leading_space else ''}"
                f"{', line start' if self.at_line_start else ''})")

"""``pcc -E``: print the preprocessed token stream the way gcc does.

gcc (c-ppoutput.c) keeps each output line's tokens on the line of the source
they came from: a token that starts a source line starts an output line,
indented to its column; up to 8 blank lines are printed as new lines, a
bigger jump as a line marker ``# 42 "file.c"``.  Entering and leaving an
included file prints ``# 1 "file.h" 1`` and ``# 5 "main.c" 2`` (with ``3 4``
for a system header).  A macro's replacement is printed on its invocation's
line.  Between two tokens a space is printed when the source had one, and
where the two spellings would otherwise lex as one token (gcc's
``cpp_avoid_paste``).  ``#pragma`` lines are passed through on lines of
their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

from .preprocessor import DirectiveEcho, FileChange
from .tokens import Token, TokenKind

_PUNCT = TokenKind.PUNCTUATOR
_IDENT = TokenKind.IDENTIFIER
_UCN4 = re.compile(r"\\u([0-9A-Fa-f]{4})")

# cpp_avoid_paste: punctuator -> the first characters of a following token
# that would paste with it.
_PASTE_AFTER = {
    ">": ">=", "<": "<=%:", "+": "+=", "-": "->=", "/": "/*=", "%": ":%=>",
    "&": "&=", "|": "|=", ":": ":>", "->": "*", ".": ".%0123456789", "#": "#%",
    "*": "=", "!": "=", "^": "=", "=": "=", "<<": "=", ">>": "=", "<:": "", "%:": "%#",
}


def avoid_paste(prev: Token, tok: Token) -> bool:
    """Whether ``prev`` immediately followed by ``tok`` would lex differently."""
    pk = prev.kind
    kind = tok.kind
    first = tok.text[:1]
    if pk is _PUNCT:
        chars = _PASTE_AFTER.get(prev.text)
        if chars is None:
            return False
        if prev.text == "." and kind is TokenKind.PP_NUMBER:
            return True
        return kind is _PUNCT and first in chars
    if pk is TokenKind.IDENTIFIER:
        return kind in (TokenKind.IDENTIFIER, TokenKind.PP_NUMBER, TokenKind.CHARACTER_CONSTANT,
                        TokenKind.STRING_LITERAL)
    if pk is TokenKind.PP_NUMBER:
        return kind in (TokenKind.PP_NUMBER, TokenKind.IDENTIFIER, TokenKind.CHARACTER_CONSTANT) \
            or (kind is _PUNCT and first in ".+-")
    if pk is TokenKind.OTHER:
        return prev.text == "\\" and kind is TokenKind.IDENTIFIER
    return False


def write_preprocessed(items: Iterable[Token | FileChange], out: TextIO,
                       line_markers: bool = True) -> None:
    """Print the output of :meth:`Preprocessor.items` as gcc -E does (-P: no markers)."""
    parts: list[str] = []
    emit = parts.append
    file = ""
    line = 1                        # the source line the current output line shows
    printed = False                 # something is on the current output line
    prev: Token | None = None
    pending_enter: list[FileChange] = []

    def marker(change_line: int, name: str, flags: str) -> None:
        if line_markers:
            emit(f'# {change_line} "{_escape(name)}"{flags}\n')

    for item in items:
        if isinstance(item, FileChange):
            if printed:
                emit("\n")
                printed = False
            flags = ""
            if item.flag:
                flags = f" {item.flag}"
            if item.is_system:
                flags += " 3 4"
            marker(item.line, item.file, flags)
            file = item.file
            line = item.line
            prev = None
            continue
        echo = isinstance(item, DirectiveEcho)
        kind = None if echo else item.kind
        if kind is TokenKind.END_OF_FILE:
            break
        if echo or kind is TokenKind.PRAGMA:
            if echo:
                item = Token(TokenKind.PRAGMA, item.text, item.location)
            target = _root_location(item).line
            if printed:
                emit("\n")
                line += 1
                printed = False
            if item.expansion is not None or item.location.file != file \
                    or not (line <= target < line + 8):
                marker(target, item.location.file if item.expansion is None else file, "")
                file = item.location.file if item.expansion is None else file
                line = target
            else:
                emit("\n" * (target - line))
                line = target
            text = item.text
            emit(text + "\n" if text.startswith("#") else f"#pragma {text}\n")
            line += 1
            if item.expansion is not None:
                marker(line, file, "")
            prev = None
            continue
        from_macro = item.expansion is not None
        if item.at_line_start:
            where = _root_location(item) if from_macro else item.location
            target = where.line
            if printed:
                emit("\n")
                line += 1
                printed = False
            if where.file == file and line <= target < line + 8:
                emit("\n" * (target - line))
            else:
                marker(target, where.file, "")
                file = where.file
            line = target
            column = where.column
            if column > 2:
                emit(" " * (column - 2))
            if item.leading_space or (kind is _PUNCT and item.text in ("#", "%:")):
                emit(" ")
            prev = None
        elif item.leading_space:
            emit(" ")
        elif prev is not None and (prev.kind is not _IDENT or kind is not _PUNCT) \
                and avoid_paste(prev, item):
            emit(" ")
        if kind is _IDENT and "\\" in item.text:   # gcc spells UCNs in names as \UXXXXXXXX
            emit(_UCN4.sub(r"\\U0000\1", item.text))
        else:
            emit(item.text)
            if "\n" in item.text:          # a comment (-C) or raw string over several lines
                line += item.text.count("\n")
        printed = True
        prev = item
    if printed:
        emit("\n")
    out.write("".join(parts))
    del pending_enter


def _root_location(tok: Token):
    """Where the outermost macro invocation that produced ``tok`` was written."""
    expansion = tok.expansion
    if expansion is None:
        return tok.location
    while expansion.parent is not None:
        expansion = expansion.parent
    return expansion.location


def _escape(name: str) -> str:
    return name.replace("\\", "\\\\").replace('"', '\\"')


def write_macro_definitions(macros: dict, out: TextIO) -> None:
    """``-dM``: every macro defined at the end, as ``#define`` lines."""
    for macro in macros.values():
        if macro.builtin:
            continue
        out.write(f"#define {macro.definition_text()}\n")

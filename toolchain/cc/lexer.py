"""Translation phases 1-3 (C11 5.1.1.2): source text to preprocessing tokens.

Phase 1 maps trigraphs (only when asked: gcc's GNU modes ignore them),
phase 2 deletes each backslash-newline ("line splicing"; gcc also accepts
white space between the backslash and the newline, with a warning), and
phase 3 splits the result into the preprocessing tokens of C11 6.4 and
replaces each comment by one space.

The whole file is scanned with one compiled regular expression whose
alternatives are tried in order; the number of the group that matched says
what was found.  New lines are not tokens: the first token of each logical
line is marked ``at_line_start`` and that is all the preprocessor needs to
find directives.  Locations are those of the *physical* source: line and
column (columns count display cells, a tab advancing to the next multiple of
8, as gcc 12 does) of the token's first character before splicing.

Header names (6.4.7) are only recognised after ``#include``,
``#include_next`` and ``#import`` at the start of a line, as 6.4p4 says.

Errors are reported to a diagnostics object and lexing goes on: an
unterminated comment ends the file, an unterminated character constant or
string literal becomes a single OTHER token running to the end of the line
(gcc's behaviour).
"""

from __future__ import annotations

import re
from typing import Protocol

from ..common.diagnostics import SourceLocation
from .tokens import Token, TokenKind

_UCN = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_IDENT = (rf"(?:[A-Za-z_$\x80-\U0010FFFF]|{_UCN})"
          rf"(?:[\w$\x80-\U0010FFFF]|{_UCN})*")

# 6.4.6 punctuators, longest first so the regex takes the longest match (6.4p4).
PUNCTUATORS = (
    "%:%:", "...", "<<=", ">>=",
    "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
    "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:",
    "[", "]", "(", ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%",
    "<", ">", "^", "|", "?", ":", ";", "=", ",", "#",
)

# Group numbers of the master pattern, in the order the alternatives are tried.
_WHITE, _NEWLINE, _BLOCK_COMMENT, _OPEN_COMMENT, _LINE_COMMENT, _NUMBER, _CHAR, \
    _STRING, _IDENTIFIER, _PUNCT, _UNTERMINATED, _OTHER = range(1, 13)

_MASTER = re.compile("|".join(f"({p})" for p in (
    r"[ \t\f\v\r]+",
    r"\n",
    r"/\*.*?\*/",
    r"/\*",
    r"//[^\n]*",
    rf"\.?[0-9](?:[eEpP][+-]|[\w$.]|{_UCN}|[\x80-\U0010FFFF])*",
    r"(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*'",
    r'(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*"',
    _IDENT,
    "|".join(re.escape(p) for p in PUNCTUATORS),
    r"""(?:u8|[uUL])?['"][^\n]*""",
    r".",
)), re.DOTALL)

_HEADER_NAME = re.compile(r'[ \t\f\v\r]*(<[^>\n]*>|"[^"\n]*")')
_INCLUDE_DIRECTIVES = frozenset({"include", "include_next", "import"})
_SPLICE = re.compile(r"\\[ \t\f\v]*\r?\n")
_TRIGRAPHS = {"=": "#", "(": "[", "/": "\\", ")": "]", "'": "^",
              "<": "{", "!": "|", ">": "}", "-": "~"}
_TRIGRAPH = re.compile(r"\?\?([=(/)'<!>-])")

_KIND_OF_GROUP = {
    _NUMBER: TokenKind.PP_NUMBER, _CHAR: TokenKind.CHARACTER_CONSTANT,
    _STRING: TokenKind.STRING_LITERAL, _IDENTIFIER: TokenKind.IDENTIFIER,
    _PUNCT: TokenKind.PUNCTUATOR, _UNTERMINATED: TokenKind.OTHER, _OTHER: TokenKind.OTHER,
}


class LexerReporter(Protocol):
    """What the lexer needs from the diagnostics engine."""

    def error(self, message: str, where: object) -> None: ...
    def warning(self, message: str, where: object, option: str | None = None) -> bool: ...


def tokenize(text: str, filename: str, reporter: LexerReporter | None = None,
             trigraphs: bool = False) -> list[Token]:
    """Split one source file into preprocessing tokens (no END_OF_FILE token)."""
    if trigraphs and "??" in text:
        text = _TRIGRAPH.sub(lambda m: _TRIGRAPHS[m.group(1)], text)
    splices: list[int] = []               # logical offsets where a splice was removed
    if "\\" in text and _SPLICE.search(text):
        text, splices = _splice_lines(text, filename, reporter)
    if text and not text.endswith("\n"):
        text += "\n"
    return _scan(text, filename, splices, reporter)


def _splice_lines(text: str, filename: str,
                  reporter: LexerReporter | None) -> tuple[str, list[int]]:
    """Phase 2: delete backslash-newlines; return the new text and where they were."""
    pieces: list[str] = []
    splices: list[int] = []
    logical = 0
    last = 0
    for m in _SPLICE.finditer(text):
        piece = text[last:m.start()]
        pieces.append(piece)
        logical += len(piece)
        splices.append(logical)
        if reporter is not None and m.end() - m.start() > 2 + (text[m.end() - 2] == "\r"):
            line = text.count("\n", 0, m.start()) + 1
            column = m.start() - text.rfind("\n", 0, m.start())
            reporter.warning("backslash and newline separated by space",
                             SourceLocation(filename, line, column))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), splices


def display_column(line_text: str, index: int) -> int:
    """The 1-based display column of ``line_text[index]`` (tabs stop every 8 cells)."""
    prefix = line_text[:index]
    if "\t" not in prefix:
        return index + 1
    column = 0
    for ch in prefix:
        column = (column // 8 + 1) * 8 if ch == "\t" else column + 1
    return column + 1


# The scanner's pattern: white space, new lines and comments (possessively,
# so a failed match never backtracks through them), then one token.  Group
# numbers are those of _MASTER shifted by one; group 1 is the end of input.
_SCANNER = re.compile(
    r"(?:[ \t\f\v\r\n]++|/\*.*?\*/|//[^\n]*+)*+(?:(\Z)|"
    + "|".join(f"({p})" for p in (
        r"/\*",
        rf"\.?[0-9](?:[eEpP][+-]|[\w$.]|{_UCN}|[\x80-\U0010FFFF])*",
        r"(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*'",
        r'(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*"',
        _IDENT,
        "|".join(re.escape(p) for p in PUNCTUATORS),
        r"""(?:u8|[uUL])?['"][^\n]*""",
        r".",
    )) + ")", re.DOTALL)
_S_END, _S_OPEN_COMMENT, _S_NUMBER, _S_CHAR, _S_STRING, _S_IDENTIFIER, _S_PUNCT, \
    _S_UNTERMINATED, _S_OTHER = range(1, 10)
_KIND_OF_SCANNER_GROUP = (None, None, None, TokenKind.PP_NUMBER, TokenKind.CHARACTER_CONSTANT,
                          TokenKind.STRING_LITERAL, TokenKind.IDENTIFIER, TokenKind.PUNCTUATOR,
                          TokenKind.OTHER, TokenKind.OTHER)


def _scan(text: str, filename: str, splices: list[int],
          reporter: LexerReporter | None) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    kinds = _KIND_OF_SCANNER_GROUP
    line = 1
    line_start = 0                  # offset of the current physical line's first character
    at_start = True
    after_hash = False              # the previous token is a line-initial '#'
    skip_until = 0                  # inside a header name already emitted
    n_splices = len(splices)
    no_splice = len(text) + 1
    next_splice = splices[0] if splices else no_splice
    splice_index = 0
    has_tabs = "\t" in text
    find = text.find
    loc = SourceLocation
    tok = Token
    for m in _SCANNER.finditer(text):
        group = m.lastindex
        token_text = m.group(group)
        pos = m.end() - len(token_text)
        space = False
        if pos > m.start():
            space = True
            start = m.start()
            if find("\n", start, pos) >= 0:
                line += text.count("\n", start, pos)
                line_start = text.rfind("\n", start, pos) + 1
                if find("/*", start, pos) < 0 or _newline_outside_comments(text[start:pos]):
                    at_start = True
                    space = pos > line_start
        if group > _S_OPEN_COMMENT:
            if pos >= next_splice:  # a backslash-newline was removed before this token
                while splice_index < n_splices and splices[splice_index] <= pos:
                    if splices[splice_index] > line_start:
                        line_start = splices[splice_index]
                    line += 1
                    splice_index += 1
                next_splice = splices[splice_index] if splice_index < n_splices else no_splice
                if pos < skip_until:
                    continue
            elif pos < skip_until:
                continue
            column = pos - line_start + 1
            if has_tabs and find("\t", line_start, pos) >= 0:
                column = _column(text, line_start, pos)
            if group == _S_UNTERMINATED and reporter is not None:
                quote = "'" if "'" in token_text[:3] else '"'
                reporter.warning(f"missing terminating {quote} character",
                                 loc(filename, line, column))
            append(tok(kinds[group], token_text, (filename, line, column), space, at_start))
            if at_start:
                at_start = False
                after_hash = group == _S_PUNCT and (token_text == "#" or token_text == "%:")
            elif after_hash:
                after_hash = False
                if token_text in _INCLUDE_DIRECTIVES:
                    end = m.end()
                    h = _HEADER_NAME.match(text, end)
                    if h is not None:
                        hpos = h.start(1)
                        append(tok(TokenKind.HEADER_NAME, h.group(1),
                                   (filename, line, hpos - line_start + 1), hpos > end, False))
                        skip_until = h.end()
            continue
        if group == _S_END:
            break
        if reporter is not None:    # an unterminated comment
            reporter.error("unterminated comment", loc(filename, line, _column(
                text, line_start, pos)))
        break
    return tokens


def _newline_outside_comments(white: str) -> bool:
    """Whether white space with comments holds a new line outside the comments."""
    return "\n" in _COMMENT.sub(" ", white)


_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)


def _column(text: str, line_start: int, pos: int) -> int:
    return display_column(text[line_start:pos + 1], pos - line_start)


def lex_spelling(text: str) -> list[tuple[TokenKind, str]]:
    """Lex a fragment (the result of ``##`` or a ``_Pragma`` string) into (kind, text) pairs.

    White space and comments are dropped; a fragment with a new line yields
    the tokens of all its lines.
    """
    result = []
    pos = 0
    end = len(text)
    while pos < end:
        m = _MASTER.match(text, pos)
        group = m.lastindex
        pos = m.end()
        if group in (_WHITE, _NEWLINE, _BLOCK_COMMENT, _LINE_COMMENT):
            continue
        if group == _OPEN_COMMENT:
            result.append((TokenKind.OTHER, text[m.start():]))
            break
        result.append((_KIND_OF_GROUP[group], m.group()))
    return result


def is_single_token(text: str) -> TokenKind | None:
    """The kind of ``text`` when it spells exactly one preprocessing token, else None."""
    m = _MASTER.match(text)
    if m is None or m.end() != len(text):
        return None
    group = m.lastindex
    if group in (_WHITE, _NEWLINE, _BLOCK_COMMENT, _OPEN_COMMENT, _LINE_COMMENT, _UNTERMINATED):
        return None
    return _KIND_OF_GROUP[group]

"""Translation phases 1-3 (C11 5.1.1.2): source text to preprocessing tokens.

Phase 1 maps trigraphs (only when asked: gcc's GNU modes ignore them),
phase 2 deletes each backslash-newline ("line splicing"; gcc also accepts
white space between the backslash and the newline, with a warning), and
phase 3 splits the result into the preprocessing tokens of C11 6.4 and
replaces each comment by one space (with -C, comments are tokens).  GNU
modes also have raw string literals, R"delim(...)delim", as gcc does in C.

The text is scanned with one compiled regular expression (``findall`` of
white space and token pairs, no match object per token); a token's kind
follows from its first character.  The :class:`Lexer` does this a region of
lines at a time, when the preprocessor asks, and passes the lines of a
skipped ``#if`` group over as raw text.  New lines are not tokens: the first
token of each logical line is marked ``at_line_start`` and that is all the
preprocessor needs to find directives.  Locations are those of the *physical* source: line and
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

import functools
import re
from typing import Protocol

from ..common.diagnostics import SourceLocation
from .tokens import Token, TokenKind

_UCN = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
# Any character outside ASCII (letters of other scripts in identifiers).  A
# negated class: re compiles [\x80-\U0010FFFF] into a large table, slowly
# (some 8 ms a pattern, at every start of pcc).
_NON_ASCII = r"[^\x00-\x7f]"
_IDENT = (rf"(?:[A-Za-z_$]|{_NON_ASCII}|{_UCN})"
          rf"(?:[\w$]|{_NON_ASCII}|{_UCN})*")

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
    _STRING, _UNTERMINATED, _IDENTIFIER, _PUNCT, _OTHER = range(1, 13)

_MASTER = re.compile("|".join(f"({p})" for p in (
    r"[ \t\f\v\r]+",
    r"\n",
    r"/\*.*?\*/",
    r"/\*",
    r"//[^\n]*",
    rf"\.?[0-9](?:[eEpP][+-]|[\w$.]|{_UCN}|{_NON_ASCII})*",
    r"(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*'",
    r'(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*"',
    r"""(?:u8|[uUL])?['"][^\n]*""",           # unterminated: the rest of the line (gcc)
    _IDENT,
    "|".join(re.escape(p) for p in PUNCTUATORS),
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
             trigraphs: bool = False, raw_strings: bool = False) -> list[Token]:
    """Split one source file into preprocessing tokens (no END_OF_FILE token)."""
    lexer = Lexer(text, filename, reporter, trigraphs, raw_strings)
    tokens: list[Token] = []
    while lexer.lex_lines(tokens):
        pass
    return tokens


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
# so a failed match never backtracks through them), then one token or, at
# the end of the text, nothing.  ``findall`` gives (white space, token) pairs
# without making a match object per token; the token's kind is told from its
# first character (see _FIRST_KIND), which the alternatives make unambiguous.
# The alternatives are tried in order, so the commonest tokens come first:
# identifiers (unless they are the prefix of a character constant or string
# literal, L'x', u8"s", R"(...)"), then punctuators; the order measurably
# changes the speed of the whole front end.
_IDENT_RUN = rf"(?:[A-Za-z_$]|{_NON_ASCII}|{_UCN})(?:[\w$]++|{_NON_ASCII}|{_UCN})*+"
_PUNCTUATOR = (r"[][(){};,~?]|-[->=]?|\+[+=]?|&[&=]?|\|[|=]?|<(?:<=?|[=:%])?"
               r"|>(?:>=?|=)?|[*^=!]=?|/(?!\*)=?|%(?::%:|[=>:])?|:>?|##?")
# GNU raw string literals (gcc accepts them in C in its GNU modes):
# R"delim( ... )delim", any characters, new lines included, unchanged.
_RAW_STRING = r'(?:u8|[uUL])?R"([^ ()\\\t\v\f\n]{0,16})\(.*?\)\3"'


@functools.cache
def _scanner(raw_strings: bool, comments: bool = False) -> re.Pattern:
    """The pattern of (white space, token, raw string delimiter) triples;
    ``comments``: comments are tokens (-C), not white space."""
    white = r"[ \t\f\v\r\n]*+" if comments else r"(?:[ \t\f\v\r\n]++|/\*.*?\*/|//[^\n]*+)*+"
    not_a_prefix = r"(?!(?:u8|[uUL])?R\")" if raw_strings else ""
    return re.compile(
        rf"({white})(" + "|".join((
            rf"(?!(?:u8|[uUL])['\"]){not_a_prefix}{_IDENT_RUN}",
            *((r"/\*.*?\*/", r"//[^\n]*+") if comments else ()),
            r"/\*",                                             # an unterminated comment
            _PUNCTUATOR,
            *((_RAW_STRING,) if raw_strings else ()),
            rf"\.?[0-9](?:[0-9a-dA-Df-oF-Oq-zQ-Z_$.]++|[eEpP][+-]?|{_NON_ASCII}|{_UCN})*+",
            r"\.(?:\.\.)?",
            r"(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*'",
            r'(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*"',
            r"""(?:u8|[uUL])?['"][^\n]*""",                    # unterminated: to the line end
            r".",
            r"\Z",
        )) + ")" + ("" if raw_strings else "()"), re.DOTALL)


_CHARACTER_CONSTANT = re.compile(r"(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*'", re.DOTALL)
_STRING_LITERAL = re.compile(r'(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*"', re.DOTALL)

# The kind of a token by its first character; None for the characters that
# need a second look (_second_look).
_FIRST_KIND: dict[str, TokenKind | None] = {chr(c): TokenKind.OTHER for c in range(128)}
_FIRST_KIND.update({c: TokenKind.IDENTIFIER for c in
                    "ABCDEFGHIJKMNOPQRSTVWXYZabcdefghijklmnopqrstvwxyz_$"})
_FIRST_KIND.update({c: TokenKind.PP_NUMBER for c in "0123456789"})
_FIRST_KIND.update({c: TokenKind.PUNCTUATOR for c in "[](){};,~?-+&|<>*^=!%:#"})
_FIRST_KIND.update({c: None for c in "uUL.\\'\"/"})
_FIRST_KIND_RAW = {**_FIRST_KIND, "R": None}

# A line that starts with '#' (or '%:') after white space: where a region of
# lines to lex ends (a comment before the '#' makes it an ordinary line here).
_DIRECTIVE_LINE = re.compile(r"^[ \t\f\v\r]*+(?:#|%:)", re.MULTILINE)

# What a skipped line may hold (6.10.1p6: only directive names are looked
# at): anything up to a new line that is not inside a comment.  Quotes are
# matched so that a comment opener inside a string is not one; an
# unterminated quote runs to the end of the line, as the scanner's does.  An
# unterminated comment stops the match: the scanner then reports it.
_REST_OF_LINE = (r"""(?:[^\n"'/]++|/\*.*?\*/|//[^\n]*+|"(?:[^"\\\n]|\\[^\n])*+"?"""
                 r"""|'(?:[^'\\\n]|\\[^\n])*+'?|/(?![*/]))*+""")
# Whole lines that do not start (after white space and comments) with '#'
# or '%:'; the match ends at the start of a line.
_SKIPPED_LINES = re.compile(
    rf"(?:(?:[ \t\f\v\r]++|/\*.*?\*/)*+(?!#|%:){_REST_OF_LINE}\n)*+", re.DOTALL)
# Finds the unterminated quotes in skipped lines (gcc warns about them there
# too); the token begins at its prefix (L, u, U, u8) if it has one.
_UNTERMINATED_QUOTE = re.compile(
    r"""/\*.*?\*/|//[^\n]*|(?:u8|[uUL])?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
    rf"""|(?<![\w$])(?<!{_NON_ASCII})(u8|[uUL])?(['"])[^\n]*|(['"])[^\n]*""", re.DOTALL)


class Lexer:
    """Phases 1-3 over one file, a region of lines at a time, on demand.

    The preprocessor asks for more tokens when it has used those it has
    (:meth:`lex_lines`): the lexer gives it the lines up to the next line
    that starts with ``#``, or that one directive line.  When the
    preprocessor begins a skipped group it has the lines passed over as raw
    text (:meth:`skip_lines`) rather than made into tokens.  Regions always
    end at the start of a line outside any comment, so a directive's tokens
    are never split.
    """

    def __init__(self, text: str, filename: str, reporter: LexerReporter | None = None,
                 trigraphs: bool = False, raw_strings: bool = False,
                 keep_comments: bool = False) -> None:
        if trigraphs and "??" in text:
            text = _TRIGRAPH.sub(lambda m: _TRIGRAPHS[m.group(1)], text)
        splices: list[int] = []           # logical offsets where a splice was removed
        if "\\" in text and _SPLICE.search(text):
            text, splices = _splice_lines(text, filename, reporter)
        if text and not text.endswith("\n"):
            text += "\n"
        self.text = text
        self.has_tabs = "\t" in text
        # Raw string literals (GNU modes) only change anything where R" occurs;
        # a skipped group is then lexed like the rest, raw strings and all.
        self.raw_strings = raw_strings and 'R"' in text
        self.keep_comments = keep_comments    # -C: comments are COMMENT tokens
        self.scanner = _scanner(self.raw_strings, keep_comments)
        self.filename = filename          # the name locations carry (#line changes it)
        self.reporter = reporter
        self.splices = splices
        self.splice_index = 0             # splices before it are counted in ``line``
        self.pos = 0                      # where lexing resumes: before white space
        self.line = 1                     # the line of ``line_start``
        self.line_start = 0               # offset of the current physical line's start
        self.at_start = True              # the next token begins a logical line
        self.open_comment = False         # ``pos`` is at a comment a region cut in two
        self.done = not text              # the end of the text was reached

    def lex_lines(self, tokens: list[Token]) -> bool:
        """Append the tokens of the next lines (up to a directive line, or that
        line alone); False when there were none left."""
        count = len(tokens)
        while not self.done and (len(tokens) == count or self.open_comment):
            self._lex_region(tokens)
        return len(tokens) > count

    def _region_end(self) -> int:
        """Where the next region of lines ends (the start of a line)."""
        text = self.text
        start = self.pos
        if self.raw_strings or self.keep_comments:   # tokens may hold '#' lines: one region
            return len(text)
        if self.open_comment:       # take in the whole comment, then the rest of its line
            self.open_comment = False
            close = text.find("*/", start + 2)
            if close < 0:
                return len(text)
            return text.find("\n", close + 2) + 1 or len(text)
        m = _DIRECTIVE_LINE.search(text, start)
        if m is None:
            return len(text)
        if m.start() == start:      # a directive line: alone
            return text.find("\n", start) + 1 or len(text)
        return m.start()

    def _lex_region(self, tokens: list[Token]) -> None:
        end = self._region_end()
        text = self.text
        filename = self.filename
        splices = self.splices
        pos = self.pos
        line = self.line
        line_start = self.line_start
        at_start = self.at_start
        after_hash = False              # the previous token is a line-initial '#'
        skip_until = 0                  # inside a header name already emitted
        n_splices = len(splices)
        no_splice = len(text) + 1
        splice_index = self.splice_index
        next_splice = splices[splice_index] if splice_index < n_splices else no_splice
        has_tabs = self.has_tabs
        # The first tab of the current line at or after line_start (no_splice: none);
        # a token after it needs its column counted in display cells.
        line_tab = _first_tab(text, line_start, no_splice) if has_tabs else no_splice
        identifier = TokenKind.IDENTIFIER
        first_kind = (_FIRST_KIND_RAW if self.raw_strings else _FIRST_KIND).get
        scanner = self.scanner
        append = tokens.append
        tok = Token
        location = tuple.__new__        # SourceLocation is a named tuple: built as a tuple, in C
        for white, token_text, _ in scanner.findall(text, pos, end):
            if white:
                space = True
                white_start = pos
                pos += len(white)
                if "\n" in white:
                    line += white.count("\n")
                    line_start = white_start + white.rfind("\n") + 1
                    if has_tabs:
                        line_tab = _first_tab(text, line_start, no_splice)
                    if "/*" not in white or _newline_outside_comments(white):
                        at_start = True
                        space = pos > line_start
            else:
                space = False
                if not token_text:
                    break
            if pos >= next_splice:      # a backslash-newline was removed before this token
                while splice_index < n_splices and splices[splice_index] <= pos:
                    if splices[splice_index] > line_start:
                        line_start = splices[splice_index]
                    line += 1
                    splice_index += 1
                next_splice = splices[splice_index] if splice_index < n_splices else no_splice
                if has_tabs:
                    line_tab = _first_tab(text, line_start, no_splice)
            if pos < skip_until or not token_text:
                pos += len(token_text)
                continue
            column = pos - line_start + 1
            if line_tab < pos:
                column = _column(text, line_start, pos)
            kind = first_kind(token_text[0], identifier)
            if kind is None:
                kind = self._second_look(token_text, line, column)
                if kind is None:            # a comment the region's end cut, or unterminated
                    if end < len(text):
                        self.open_comment = True
                    else:
                        self._report_error("unterminated comment", line, column)
                        self.done = True
                    break
                if "\n" in token_text:      # a raw string literal over several lines
                    append(tok(kind, token_text, location(SourceLocation, (filename, line, column)), space, at_start))
                    line += token_text.count("\n")
                    line_start = pos + token_text.rfind("\n") + 1
                    if has_tabs:
                        line_tab = _first_tab(text, line_start, no_splice)
                    pos += len(token_text)
                    at_start = after_hash = False
                    continue
            append(tok(kind, token_text, location(SourceLocation, (filename, line, column)), space, at_start))
            pos += len(token_text)
            if at_start:
                at_start = False
                after_hash = token_text == "#" or token_text == "%:"
            elif after_hash:
                after_hash = False
                if token_text in _INCLUDE_DIRECTIVES:
                    h = _HEADER_NAME.match(text, pos)
                    if h is not None:
                        hpos = h.start(1)
                        append(tok(TokenKind.HEADER_NAME, h.group(1),
                                   location(SourceLocation, (filename, line, hpos - line_start + 1)),
                                   hpos > pos, False))
                        skip_until = h.end()
        if pos >= len(text):
            self.done = True
        self.pos = pos
        self.line = line
        self.line_start = line_start
        self.at_start = at_start
        self.splice_index = splice_index

    def _second_look(self, text: str, line: int, column: int) -> TokenKind | None:
        """The kind of a token whose first character does not tell; None for '/*'."""
        first = text[0]
        if first == "/":
            if text == "/*":
                return None
            return TokenKind.COMMENT if text[1:2] in ("*", "/") else TokenKind.PUNCTUATOR
        if first == ".":
            return TokenKind.PP_NUMBER if text[1:2].isdigit() else TokenKind.PUNCTUATOR
        if first == "\\":
            return TokenKind.IDENTIFIER if len(text) > 1 else TokenKind.OTHER
        if "'" not in text and '"' not in text:
            return TokenKind.IDENTIFIER         # u, U, L, R and non-ASCII letters
        if text[text.index('"') - 1:text.index('"')] == "R" if '"' in text else False:
            return TokenKind.STRING_LITERAL     # a raw string literal
        if _CHARACTER_CONSTANT.fullmatch(text):
            return TokenKind.CHARACTER_CONSTANT
        if _STRING_LITERAL.fullmatch(text):
            return TokenKind.STRING_LITERAL
        if self.reporter is not None:
            quote = "'" if "'" in text[:3] else '"'
            self.reporter.warning(f"missing terminating {quote} character",
                                  SourceLocation(self.filename, line, column))
        return TokenKind.OTHER

    def _report_error(self, message: str, line: int, column: int) -> None:
        if self.reporter is not None:
            self.reporter.error(message, SourceLocation(self.filename, line, column))

    def skip_lines(self) -> None:
        """Pass over the lines up to the next one that starts with '#' (or the end
        of the file), making no tokens.  Call it at the start of a line."""
        if self.done or self.raw_strings or self.keep_comments:
            return
        text = self.text
        start = self.pos
        end = _SKIPPED_LINES.match(text, start).end()
        if end == start:
            return
        if self.reporter is not None and (text.find("'", start, end) >= 0
                                          or text.find('"', start, end) >= 0):
            for q in _UNTERMINATED_QUOTE.finditer(text, start, end):
                quote = q.group(2) or q.group(3)
                if quote:
                    self.reporter.warning(f"missing terminating {quote} character",
                                          self._location_of(start, q.start()))
        line = self.line + text.count("\n", start, end)
        splices = self.splices
        index = self.splice_index
        while index < len(splices) and splices[index] < end:
            line += 1
            index += 1
        self.splice_index = index
        self.line = line
        self.pos = self.line_start = end
        self.at_start = True
        if end >= len(text):
            self.done = True

    def _location_of(self, start: int, offset: int) -> SourceLocation:
        """Where ``offset`` is, for an offset in the unlexed text after ``start``."""
        text = self.text
        line = self.line + text.count("\n", start, offset)
        line_start = text.rfind("\n", start, offset) + 1 or self.line_start
        for splice in self.splices[self.splice_index:]:
            if splice > offset:
                break
            line += 1
            line_start = max(line_start, splice)
        return SourceLocation(self.filename, line, _column(text, line_start, offset))


def _first_tab(text: str, line_start: int, none: int) -> int:
    """Where the first tab of the line from ``line_start`` is (``none`` if it has none)."""
    tab = text.find("\t", line_start, text.find("\n", line_start))
    return none if tab < 0 else tab


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

"""The lexer of GNU linker scripts, with GNU ld's four lexical states.

What a word is depends on where it stands, as in GNU ld's ``ldlex.l``; the
parser asks for each token in the state the grammar is in:

``SCRIPT``
    top level, ``SECTIONS``/``MEMORY``/``PHDRS`` bodies, names of output
    sections and regions.  A name is ``[_a-zA-Z/.\\$~][_a-zA-Z0-9/.\\$~+:[],=-]*``,
    so ``elf64-x86-64`` and ``i386:x86-64`` are single names, and so is
    ``.text:`` (GNU ld needs the blank in ``.text :``).  Operators are only
    the assignment ones, ``> , ~ ! + - = { } ( ) : ;``.
``EXPRESSION``
    expressions.  A symbol is ``[_a-zA-Z.\\$][_a-zA-Z0-9/.\\$~]*``: ``a-b`` is a
    subtraction but ``a/b`` one symbol.  Numbers take every GNU ld form:
    ``0x1F``, ``010`` (octal), decimal, ``$1F`` (hex), a ``K``/``M`` suffix
    (x1024, x1024*1024), and the MRI suffixes ``1Fh``/``1Fx`` (hex), ``101b``,
    ``17o``, ``10d``.  Like GNU ld, a word made only of hex digits with an
    ``h``/``x`` suffix is a number, so ``each`` is 0xeac.
``WILD``
    inside an output section's braces: file and section wildcards, one name
    being ``[_a-zA-Z0-9/.\\$~+:[],=?*^!-]+`` (``*crtbegin?.o``, ``libc.a:*.o``).
``INPUTLIST``
    the file list of ``INPUT``/``GROUP``: file names, ``-lname``, ``AS_NEEDED``.

Everywhere: blanks, ``/* comments */``, ``"quoted names"`` (no escapes, may
span lines) and, except in INPUTLIST, ``#`` comments to the end of a line.
Keywords are not tokens of their own: a keyword is a NAME token (not quoted)
whose text the parser recognises where the grammar allows that keyword.
GNU ld warns and skips a character no rule matches; here it is an error.
"""

from __future__ import annotations

import bisect
import enum
import re
from dataclasses import dataclass

from toolchain.common.diagnostics import SourceLocation, ToolchainError

WORD_MASK = (1 << 64) - 1


class Mode(enum.Enum):
    SCRIPT = "script"
    EXPRESSION = "expression"
    WILD = "wild"
    INPUTLIST = "inputlist"


@dataclass(frozen=True)
class Token:
    """One token: ``kind`` is ``'name'``, ``'lname'`` (``-lfoo``), ``'int'``,
    ``'punct'`` or ``'eof'``; ``text`` is the name (quotes removed, ``-l``
    removed), the operator, or the number's spelling; ``value`` a number's value."""

    kind: str
    text: str
    start: int
    end: int
    value: int = 0
    quoted: bool = False


_FILENAME_FIRST = r"_a-zA-Z/.\\$~"
_FILENAME_REST = r"_a-zA-Z0-9/.\\$~\-+:\[\],="
_NAMES: dict[Mode, list[tuple[str, re.Pattern[str]]]] = {
    Mode.SCRIPT: [("name", re.compile(f"[{_FILENAME_FIRST}][{_FILENAME_REST}]*"))],
    Mode.INPUTLIST: [("name", re.compile(f"[{_FILENAME_FIRST}][{_FILENAME_REST}]*")),
                     ("name", re.compile(f"=[{_FILENAME_FIRST}][{_FILENAME_REST}]*")),
                     ("lname", re.compile(f"-l[{_FILENAME_REST}]+"))],
    Mode.EXPRESSION: [("name", re.compile(r"[_a-zA-Z.\\$][_a-zA-Z0-9/.\\$~]*")),
                      ("name", re.compile(r"/DISCARD/"))],
    Mode.WILD: [("name", re.compile(r"[_a-zA-Z0-9/.\\$~\-+:\[\],=?*^!]+"))],
}

# Operators of each state, from ldlex.l.
ASSIGN_OPS = ["<<=", ">>=", "+=", "-=", "*=", "/=", "&=", "|=", "^="]
_PUNCT: dict[Mode, list[str]] = {
    Mode.SCRIPT: ASSIGN_OPS + [">", ",", "~", "!", "+", "-", "=", "{", "}",
                                "(", ")", ":", ";"],
    Mode.EXPRESSION: ASSIGN_OPS + ["||", "==", "!=", ">=", "<=", "<<", ">>", "&&",
                                    ">", ",", "&", "|", "~", "!", "?", "*", "+",
                                    "-", "/", "%", "<", "^", "=", "{", "}", "(",
                                    ")", ":", ";"],
    Mode.WILD: ASSIGN_OPS + ["[", "]", "&", "=", "{", "}", "(", ")", ";"],
    Mode.INPUTLIST: [",", "(", ")"],
}

_DOLLAR_HEX = re.compile(r"\$[0-9A-Fa-f]+")
_SUFFIXED = [(re.compile(r"[0-9A-Fa-f]+[HhXx]"), 16), (re.compile(r"[01]+[Bb]"), 2),
             (re.compile(r"[0-7]+[Oo]"), 8), (re.compile(r"[0-9]+[Dd]"), 10)]
_NUMBER = re.compile(r"(?:(?:\$|0[xX])[0-9A-Fa-f]+|[0-9]+)[MKmk]?")
_QUOTED = re.compile(r'"[^"]*"')
_BLANKS = " \t\r\n"


def strtoull(text: str, base: int) -> int:
    """C's ``strtoull``: the value of the longest valid prefix, saturating."""
    if base == 0:
        if text[:2] in ("0x", "0X") and len(text) > 2 and text[2] in "0123456789abcdefABCDEF":
            base, text = 16, text[2:]
        else:
            base = 8 if text.startswith("0") else 10
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    end = 0
    while end < len(text) and text[end].lower() in digits:
        end += 1
    value = int(text[:end], base) if end else 0
    return min(value, WORD_MASK)


class Lexer:
    """Cuts ``text`` into tokens on demand; ``token_at(offset, mode)`` is memoised."""

    def __init__(self, text: str, filename: str):
        self.text = text
        self.filename = filename
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._cache: dict[tuple[int, Mode], Token] = {}

    def location(self, offset: int) -> SourceLocation:
        """The 1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return SourceLocation(self.filename, line, offset - self._line_starts[line - 1] + 1)

    def error(self, message: str, offset: int) -> ToolchainError:
        return ToolchainError(message, self.location(offset))

    def token_at(self, offset: int, mode: Mode) -> Token:
        key = (offset, mode)
        token = self._cache.get(key)
        if token is None:
            token = self._scan(offset, mode)
            self._cache[key] = token
        return token

    def _skip_blanks(self, pos: int, mode: Mode) -> int:
        text = self.text
        while pos < len(text):
            char = text[pos]
            if char in _BLANKS:
                pos += 1
            elif text.startswith("/*", pos):
                end = text.find("*/", pos + 2)
                if end < 0:
                    raise self.error("EOF in comment", pos)
                pos = end + 2
            elif char == "#" and mode is not Mode.INPUTLIST:
                end = text.find("\n", pos)
                pos = len(text) if end < 0 else end
            else:
                break
        return pos

    def _scan(self, pos: int, mode: Mode) -> Token:
        pos = self._skip_blanks(pos, mode)
        text = self.text
        if pos >= len(text):
            return Token("eof", "", pos, pos)
        if text[pos] == '"':
            match = _QUOTED.match(text, pos)
            if match is None:
                raise self.error("missing terminating \" character", pos)
            return Token("name", match.group()[1:-1], pos, match.end(), quoted=True)
        # flex rules: the longest match wins, the earlier rule on a tie;
        # numbers come before operators, operators before names.
        best: Token | None = None
        for candidate in (self._number(pos, mode), self._punct(pos, mode), self._name(pos, mode)):
            if candidate is not None and (best is None or candidate.end > best.end):
                best = candidate
        if best is None:
            char = text[pos]
            shown = char if char.isprintable() and ord(char) < 0x7F else f"\\{ord(char):03o}"
            where = "expression" if mode is Mode.EXPRESSION else "script"
            raise self.error(f"invalid character '{shown}' in {where}", pos)
        return best

    def _number(self, pos: int, mode: Mode) -> Token | None:
        if mode not in (Mode.SCRIPT, Mode.EXPRESSION):
            return None
        text = self.text
        best: Token | None = None
        if mode is Mode.EXPRESSION:
            match = _DOLLAR_HEX.match(text, pos)
            if match:
                best = Token("int", match.group(), pos, match.end(), strtoull(match.group()[1:], 16))
            for pattern, base in _SUFFIXED:
                match = pattern.match(text, pos)
                if match and (best is None or match.end() > best.end):
                    best = Token("int", match.group(), pos, match.end(), strtoull(match.group(), base))
        match = _NUMBER.match(text, pos)
        if match and (best is None or match.end() > best.end):
            spelling = match.group()
            digits = spelling.rstrip("KkMm")
            value = strtoull(digits[1:], 16) if digits.startswith("$") else strtoull(digits, 0)
            if spelling[-1] in "Kk":
                value *= 1024
            elif spelling[-1] in "Mm":
                value *= 1024 * 1024
            best = Token("int", spelling, pos, match.end(), value & WORD_MASK)
        return best

    def _punct(self, pos: int, mode: Mode) -> Token | None:
        best = None
        for op in _PUNCT[mode]:
            if self.text.startswith(op, pos) and (best is None or len(op) > len(best)):
                best = op
        return None if best is None else Token("punct", best, pos, pos + len(best))

    def _name(self, pos: int, mode: Mode) -> Token | None:
        best: Token | None = None
        for kind, pattern in _NAMES[mode]:
            match = pattern.match(self.text, pos)
            if match and (best is None or match.end() > best.end):
                spelling = match.group()
                best = Token(kind, spelling[2:] if kind == "lname" else spelling, pos, match.end())
        return best
# The words each lexical state reserves (ldlex.l): never a NAME unless quoted.
KEYWORDS: dict[Mode, frozenset[str]] = {
    Mode.SCRIPT: frozenset(
        "MEMORY REGION_ALIAS LD_FEATURE ORIGIN VERSION BLOCK BIND LENGTH ALIGN "
        "DATA_SEGMENT_ALIGN DATA_SEGMENT_RELRO_END DATA_SEGMENT_END ADDR LOADADDR ALIGNOF "
        "ABSOLUTE MAX MIN LOG2CEIL ASSERT ENTRY EXTERN NEXT SIZEOF_HEADERS SEGMENT_START "
        "SIZEOF TARGET SEARCH_DIR OUTPUT INPUT GROUP LIB DEFINED FORCE_COMMON_ALLOCATION "
        "FORCE_GROUP_ALLOCATION INHIBIT_COMMON_ALLOCATION SECTIONS INSERT AFTER BEFORE "
        "STARTUP OUTPUT_FORMAT OUTPUT_ARCH HLL SYSLIB FLOAT NOFLOAT NOCROSSREFS "
        "NOCROSSREFS_TO OVERLAY ONLY_IF_RO ONLY_IF_RW SPECIAL o org l len INCLUDE PHDRS "
        "AT ALIGN_WITH_INPUT SUBALIGN HIDDEN PROVIDE PROVIDE_HIDDEN CONSTANT".split()),
    Mode.EXPRESSION: frozenset(
        "ORIGIN BLOCK BIND LENGTH ALIGN DATA_SEGMENT_ALIGN DATA_SEGMENT_RELRO_END "
        "DATA_SEGMENT_END ADDR LOADADDR ALIGNOF ABSOLUTE MAX MIN LOG2CEIL ASSERT NEXT "
        "SIZEOF_HEADERS SEGMENT_START SIZEOF DEFINED NOCROSSREFS NOCROSSREFS_TO OVERLAY "
        "NOLOAD READONLY DSECT COPY INFO TYPE ONLY_IF_RO ONLY_IF_RW SPECIAL INCLUDE AT "
        "ALIGN_WITH_INPUT SUBALIGN HIDDEN PROVIDE PROVIDE_HIDDEN CONSTANT".split()),
    Mode.WILD: frozenset(
        "KEEP EXCLUDE_FILE SORT SORT_BY_NAME SORT_BY_ALIGNMENT SORT_NONE "
        "SORT_BY_INIT_PRIORITY REVERSE INPUT_SECTION_FLAGS CREATE_OBJECT_SYMBOLS "
        "CONSTRUCTORS FILL QUAD SQUAD LONG SHORT BYTE ASCIZ LINKER_VERSION ASSERT INCLUDE "
        "AT HIDDEN PROVIDE PROVIDE_HIDDEN".split()),
    Mode.INPUTLIST: frozenset(["AS_NEEDED"]),
}


def is_keyword(token: Token, mode: Mode) -> bool:
    """Is ``token`` a word that ``mode`` reserves (unquoted)?"""
    return token.kind == "name" and not token.quoted and token.text in KEYWORDS[mode]



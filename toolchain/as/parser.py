"""Reading GNU assembler text: lines into statements, statements into actions.

This is the ISA-independent front end of ``pas`` (GNU as syntax).  Input comes
from a stack of sources -- files, ``.include``\\ d files, macro and ``.rept``
expansions -- each yielding *statements*: one line cut at the ISA's statement
separator (``;``) with comments removed.  Each statement is

    statement := label* [ prefix* mnemonic operands
                        | '.'directive arguments
                        | macro-name arguments
                        | symbol '=' expression | symbol '==' expression ]
    label     := symbol ':' | '"'any'"' ':' | digits ':'

Directives are looked up in the table of ``directives.py`` (plus the macro directives of
``macros.py`` and the conditional ones of ``conditionals.py``); instructions go to the ISA's
``parse_instruction`` and then to the object streamer.  The few syntax facts
that differ per ISA (comment characters, ``.word`` size, whether ``.align``
counts bytes, x86 prefixes) are one data row in ``ISA_SYNTAX``.

Speed: the common shapes gcc emits (tab, mnemonic, operands; ``label:``;
``.directive args``) go through one regex test and a short scan each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..common.diagnostics import Diagnostics, SourceLocation, ToolchainError
from ..common.target import Target
from .expr import Constant, Expr, fold_constant
from .exprparse import SYMBOL_CHARS, SYMBOL_START, ExprParser
from .isa import Isa, SyntaxState
from . import conditionals as _conditionals
from . import datadirectives as _datadirectives
from . import directives as _directives
from . import macros as _macros

if TYPE_CHECKING:
    from .conditionals import CondFrame
    from .macros import BodyCollector, Macro
    from .streamer import ObjectStreamer


# --------------------------------------------------------------------------
# Per-ISA syntax facts (GNU as: tc-i386.c, tc-aarch64.c, tc-riscv.c)

_REX_PREFIXES = frozenset("rex." + "".join(bits) for bits in (
    ("w",), ("r",), ("x",), ("b",), ("w", "r"), ("w", "x"), ("w", "b"), ("r", "x"),
    ("r", "b"), ("x", "b"), ("w", "r", "x"), ("w", "r", "b"), ("w", "x", "b"),
    ("r", "x", "b"), ("w", "r", "x", "b")))

X86_PREFIXES = frozenset({
    "lock", "rep", "repe", "repz", "repne", "repnz", "data16", "data32", "addr16",
    "addr32", "rex", "rex64", "cs", "ds", "es", "fs", "gs", "ss", "notrack", "bnd",
    "xacquire", "xrelease",
}) | _REX_PREFIXES


@dataclass(frozen=True)
class IsaSyntax:
    """How GNU as reads source text for one ISA.

    ``comment_starts`` begin a comment anywhere outside a string;
    ``line_comment_starts`` only as the first non-blank characters of a line.
    ``word_size`` is the size of ``.word``; ``align_in_bytes`` says whether
    ``.align n`` means n bytes (x86 ELF) or 2**n (AArch64, RISC-V).
    """

    comment_starts: tuple[str, ...]
    line_comment_starts: tuple[str, ...]
    separators: str
    word_size: int
    align_in_bytes: bool
    prefixes: frozenset[str] = frozenset()
    symbol_specifiers: bool = False
    percent_specifiers: bool = False
    colon_specifiers: bool = False
    intel_operator_words: frozenset[str] = frozenset()


# Under .intel_syntax these words are operators, never symbols (tc-i386-intel.c).
X86_INTEL_OPERATORS = frozenset(("and", "eq", "ge", "gt", "le", "lt", "mod", "ne", "or", "shl",
                                 "shr", "xor"))

ISA_SYNTAX: dict[str, IsaSyntax] = {
    # On x86 GNU/Linux '#' starts a comment anywhere and '/' only at the start
    # of a line (elsewhere it divides); '/* */' comments work everywhere.
    "x86": IsaSyntax(("#",), ("#", "/"), ";", 2, True, X86_PREFIXES, symbol_specifiers=True,
                     intel_operator_words=X86_INTEL_OPERATORS),
    "aarch64": IsaSyntax(("//",), ("#",), ";", 4, False, colon_specifiers=True),
    "riscv": IsaSyntax(("#",), ("#",), ";", 4, False, percent_specifiers=True),
}

_SPACE = " \t\f\v\r"
# cpp line markers, '# 12 "file.c" 1', which GNU as honours in column 0.
_LINE_MARKER = re.compile(r'#\s*(\d+)(?:\s+"((?:[^"\\]|\\.)*)")?')
_NAME = re.compile(r"[A-Za-z0-9_.$]+")     # SYMBOL_CHARS, for the scan after a start char
MAX_INCLUDE_DEPTH = 64
MAX_MACRO_DEPTH = 100


# --------------------------------------------------------------------------
# Sources of statements

Statement = tuple[str, SourceLocation]


class FileSource:
    """Statements of one source file, cut from its lines as they are needed."""

    kind = "file"

    def __init__(self, text: str, filename: str, splitter: "LineSplitter"):
        self.lines = text.split("\n")
        self.index = 0
        self.file = filename
        self.line_delta = 0          # logical line = physical line + delta
        self.splitter = splitter
        self.pending: list[Statement] = []   # reversed: pop() gives the next
        self.in_comment = False
        self.cond_depth = 0

    def next(self) -> Statement | None:
        pending = self.pending
        if pending:
            return pending.pop()
        lines = self.lines
        splitter = self.splitter
        while self.index < len(lines):
            line = lines[self.index]
            self.index += 1
            if line and line[0] == "#" and not self.in_comment:
                m = _LINE_MARKER.match(line)
                if m:
                    self.line_delta = int(m.group(1)) - self.index - 1
                    if m.group(2) is not None:
                        self.file = m.group(2)
                    continue
            parts, self.in_comment = splitter.split(line, self.in_comment)
            if not parts:
                continue
            lineno = self.index + self.line_delta
            if len(parts) == 1:
                col, text = parts[0]
                return text, SourceLocation(self.file, lineno, col)
            for col, text in reversed(parts):
                pending.append((text, SourceLocation(self.file, lineno, col)))
            return pending.pop()
        return None


class ExpansionSource:
    """Statements produced by a macro, ``.rept``, ``.irp`` or ``.irpc`` expansion."""

    def __init__(self, kind: str, statements: Iterable[Statement], cond_depth: int,
                 invoked_at: SourceLocation | None = None, name: str = ""):
        self.kind = kind
        self.items: Iterator[Statement] = iter(statements)
        self.cond_depth = cond_depth
        self.invoked_at = invoked_at
        self.name = name

    def next(self) -> Statement | None:
        return next(self.items, None)


Source = FileSource | ExpansionSource


class LineSplitter:
    """Cuts a physical line into statements, removing comments.

    Returns ``(column, text)`` pairs (text stripped, column 1-based) and
    whether a ``/* ... */`` comment is still open at the end of the line.
    """

    def __init__(self, syntax: IsaSyntax):
        self.syntax = syntax
        special = set(syntax.separators) | {'"', "'", "/"}
        special |= {s[0] for s in syntax.comment_starts + syntax.line_comment_starts}
        self.special = re.compile("[" + re.escape("".join(sorted(special))) + "]")
        self.comment_firsts = frozenset(s[0] for s in syntax.comment_starts)

    def split(self, line: str, in_comment: bool) -> tuple[list[tuple[int, str]], bool]:
        if line and line[-1] == "\r":
            line = line[:-1]
        if not in_comment and self.special.search(line) is None:
            text = line.lstrip()
            if not text:
                return [], False
            return [(len(line) - len(text) + 1, text.rstrip())], False
        return self._split_slow(line, in_comment)

    def _split_slow(self, line: str, in_comment: bool) -> tuple[list[tuple[int, str]], bool]:
        syntax = self.syntax
        out: list[tuple[int, str]] = []
        pieces: list[str] = []
        n = len(line)
        i = 0
        if in_comment:
            end = line.find("*/")
            if end < 0:
                return [], True
            i = end + 2
        else:
            stripped = line.lstrip(_SPACE)
            if stripped.startswith(syntax.line_comment_starts) and not stripped.startswith("/*"):
                return [], False
        start = i        # start of the current statement (for its column)
        seg = i          # start of the current uncommitted segment

        def close(upto: int) -> None:
            pieces.append(line[seg:upto])
            text = "".join(pieces)
            pieces.clear()
            body = text.lstrip(_SPACE)
            if body:
                out.append((start + len(text) - len(body) + 1, body.rstrip(_SPACE)))

        while i < n:
            c = line[i]
            if c == '"':
                i += 1
                while i < n:
                    ch = line[i]
                    if ch == "\\":
                        i += 2
                        continue
                    i += 1
                    if ch == '"':
                        break
                continue
            if c == "'":
                i += 3 if i + 1 < n and line[i + 1] == "\\" else 2
                if i < n and line[i] == "'":
                    i += 1
                continue
            if c == "/" and line.startswith("/*", i):
                end = line.find("*/", i + 2)
                pieces.append(line[seg:i])
                pieces.append(" ")
                if end < 0:
                    seg = i
                    close(i)
                    return out, True
                i = seg = end + 2
                continue
            if c in self.comment_firsts and line.startswith(syntax.comment_starts, i):
                close(i)
                return out, False
            if c in syntax.separators:
                close(i)
                i += 1
                start = seg = i
                continue
            i += 1
        close(n)
        return out, False


# --------------------------------------------------------------------------
# The parser

class Parser:
    """Reads statements from sources and drives the object streamer."""

    def __init__(self, streamer: "ObjectStreamer", isa: Isa, target: Target,
                 diagnostics: Diagnostics, include_dirs: Sequence[str] = ()):
        self.streamer = streamer
        self.isa = isa
        self.target = target
        self.diagnostics = diagnostics
        self.include_dirs = tuple(include_dirs)
        self.syntax = ISA_SYNTAX[target.isa]
        self.splitter = LineSplitter(self.syntax)
        self.state = SyntaxState(code_bits=target.code_bits, code16gcc=target.code16gcc,
                                 current_location=streamer.temporary_label,
                                 local_label=streamer.numeric_label_ref,
                                 absolute_value=getattr(streamer, "absolute_value", None))
        self.directives = DIRECTIVES | getattr(isa, "directives", {})
        self.inputs: list[Source] = []
        self.conds: list[CondFrame] = []
        self.ignoring = False                    # inside a false conditional branch
        self.collector: BodyCollector | None = None   # collecting a .macro/.rept body
        self.macros: dict[str, Macro] = {}
        self.macro_counter = 0                   # GNU as's \@
        self.prefixes: list[str] = []            # x86 prefixes read in this statement
        self.prefix_location: SourceLocation | None = None
        self.ended = False
        streamer.set_code_mode(target.code_bits, target.code16gcc)

    # -- driving -----------------------------------------------------------

    def run(self, sources: Sequence[tuple[str, str]]) -> None:
        """Assemble ``(text, filename)`` sources in order, as one input."""
        for text, filename in reversed(sources):
            self.inputs.append(FileSource(text, filename, self.splitter))
        inputs = self.inputs
        while inputs and not self.ended:
            item = inputs[-1].next()
            if item is None:
                inputs.pop()
                continue
            text, loc = item
            try:
                if self.collector is not None:
                    self.collector.feed(self, text, loc)
                elif self.ignoring:
                    self.skip_statement(text, loc)
                else:
                    self.statement(text, loc)
            except ToolchainError as exc:
                self.report(exc, loc)
            except RecursionError:
                self.report(ToolchainError("statement too deeply nested"), loc)
        inputs.clear()
        try:
            self.flush_prefixes()
        except ToolchainError as exc:
            self.report(exc, self.prefix_location)
        _macros.check_end_of_input(self)

    def report(self, exc: ToolchainError, loc: SourceLocation | None) -> None:
        self.diagnostics.error(exc.message, exc.location or loc)
        for source in reversed(self.inputs):
            if source.kind == "macro" and source.invoked_at is not None:
                self.diagnostics.note(f"in expansion of macro '{source.name}'", source.invoked_at)

    def warning(self, message: str, loc: SourceLocation | None) -> None:
        self.diagnostics.warning(message, loc)

    def push_source(self, source: Source) -> None:
        if source.kind == "macro":
            depth = sum(1 for s in self.inputs if s.kind == "macro")
            if depth >= MAX_MACRO_DEPTH:
                raise ToolchainError("macros nested too deeply")
        elif source.kind == "file":
            depth = sum(1 for s in self.inputs if s.kind == "file")
            if depth >= MAX_INCLUDE_DEPTH:
                raise ToolchainError(".include nested too deeply")
        source.cond_depth = len(self.conds)
        self.inputs.append(source)

    # -- statements --------------------------------------------------------

    # statement := label* [command]
    def statement(self, text: str, loc: SourceLocation) -> None:
        n = len(text)
        pos = 0
        while pos < n:
            c = text[pos]
            if c in SYMBOL_START:
                end = _NAME.match(text, pos).end()
                rest = _skip_space(text, end) if end < n and text[end] != ":" else end
                if rest < n and text[rest] == ":":          # 'foo:' and 'foo :'
                    self.label(text[pos:end], loc)
                    pos = _skip_space(text, rest + 1)
                    continue
                if rest < n and text[rest] == "=":
                    self.assignment(text[pos:end], text, rest, loc)
                    return
                self.command(text[pos:end], text[rest:], loc)
                return
            if c.isdigit():
                end = pos + 1
                while end < n and text[end].isdigit():
                    end += 1
                if end < n and text[end] == ":":
                    self.flush_prefixes()
                    self.streamer.define_numeric_label(int(text[pos:end]), loc)
                    pos = _skip_space(text, end + 1)
                    continue
                raise self.junk(text, pos, loc)
            if c == '"':
                end = text.find('"', pos + 1)
                if end < 0:
                    raise ToolchainError("missing closing '\"' in symbol name", loc)
                after = _skip_space(text, end + 1)
                if after < n and text[after] == ":":
                    self.label(text[pos + 1:end], loc)
                    pos = _skip_space(text, after + 1)
                    continue
                if after < n and text[after] == "=":
                    self.assignment(text[pos + 1:end], text, after, loc)
                    return
                raise self.junk(text, after, loc)
            if c == "{" and self.syntax.prefixes:
                end = text.find("}", pos)
                if end < 0:
                    raise ToolchainError("missing '}' after pseudo-prefix", loc)
                self.add_prefix(text[pos:end + 1].lower(), loc)
                pos = _skip_space(text, end + 1)
                if pos >= n:
                    self.prefixes.clear()
                    raise ToolchainError("pseudo prefix without instruction", loc)
                continue
            raise self.junk(text, pos, loc)

    # command := directive | macro call | prefix* instruction
    def command(self, word: str, rest: str, loc: SourceLocation) -> None:
        lower = word.lower()
        if lower[0] == ".":
            handler = self.directives.get(lower[1:])
            if handler is not None:
                if self.prefixes:
                    self.flush_prefixes()
                handler(self, rest, loc)
                return
            if lower.startswith(".cfi_"):
                self.streamer.record_cfi(lower, rest, loc)
                return
            macro = self.macros.get(lower)
            if macro is not None:
                _macros.expand_macro(self, macro, rest, loc)
                return
            raise ToolchainError(f"unknown pseudo-op: '{lower}'", loc)
        if self.macros:
            macro = self.macros.get(lower)
            if macro is not None:
                self.flush_prefixes()
                _macros.expand_macro(self, macro, rest, loc)
                return
        if lower in self.syntax.prefixes:
            self.add_prefix(lower, loc)
            if rest:
                self.statement(rest, loc)
            else:
                self.flush_prefixes()
            return
        self.instruction(lower, rest, loc)

    def instruction(self, mnemonic: str, operands: str, loc: SourceLocation) -> None:
        prefixes: tuple[str, ...] = ()
        if self.prefixes:
            prefixes = tuple(self.prefixes)
            self.prefixes.clear()
        insn = self.isa.parse_instruction(mnemonic, operands, prefixes, self.state, loc)
        if insn is None:
            return                      # consumed by the ISA (AArch64 "name .req reg")
        if self.state.intel:
            self.streamer.note_intel_operands(insn)
        self.streamer.emit_instruction(insn)

    def add_prefix(self, prefix: str, loc: SourceLocation) -> None:
        if not self.prefixes:
            self.prefix_location = loc
        self.prefixes.append(prefix)

    def flush_prefixes(self) -> None:
        """Emit prefixes written without a mnemonic (``lock`` alone on a line) as
        one-byte instructions of their own, as GNU as does."""
        if not self.prefixes:
            return
        pending, loc = list(self.prefixes), self.prefix_location
        self.prefixes.clear()
        for prefix in pending:
            insn = self.isa.parse_instruction(prefix, "", (), self.state, loc)
            self.streamer.emit_instruction(insn)

    def label(self, name: str, loc: SourceLocation) -> None:
        if self.prefixes:
            self.flush_prefixes()
        self.streamer.emit_label(name, loc)

    # assignment := symbol '=' expression | symbol '==' expression
    def assignment(self, name: str, text: str, pos: int, loc: SourceLocation) -> None:
        if self.prefixes:
            self.flush_prefixes()
        eqv = text.startswith("==", pos)
        expr_text = text[pos + (2 if eqv else 1):].strip()
        value = self.expression_parser(expr_text, loc).parse_all()
        if name == ".":
            self.streamer.emit_org(value, 0, loc)
        elif eqv:
            if self.streamer.is_defined(name):
                raise ToolchainError(f"symbol '{name}' is already defined", loc)
            self.streamer.set_symbol(name, value, loc, equiv=True, late=True)
        else:
            self.streamer.set_symbol(name, value, loc)

    def skip_statement(self, text: str, loc: SourceLocation) -> None:
        """Inside a false conditional only conditional directives count."""
        if text[0] != ".":
            return
        n = len(text)
        end = 1
        while end < n and text[end] in SYMBOL_CHARS:
            end += 1
        name = text[1:end].lower()
        if name in _conditionals.CONDITIONAL_DIRECTIVES:
            self.directives[name](self, text[end:].strip(), loc)

    # -- helpers shared by directives --------------------------------------

    def expression_parser(self, text: str, loc: SourceLocation) -> ExprParser:
        syntax = self.syntax
        return ExprParser(text, loc, self.state.current_location, self.state.local_label,
                          syntax.symbol_specifiers, syntax.percent_specifiers,
                          syntax.colon_specifiers,
                          syntax.intel_operator_words if self.state.intel else frozenset())

    def absolute(self, value: Expr, loc: SourceLocation) -> int | None:
        """Value of an expression that must be known now, or None."""
        if isinstance(value, Constant):
            return value.value
        folded = fold_constant(value)
        if folded is not None:
            return folded
        return self.streamer.evaluate_absolute(value, loc)

    @staticmethod
    def absolute_if_constant(value: Expr) -> int | None:
        """Value of an expression without symbols (data goes out as bytes), else None."""
        if isinstance(value, Constant):
            return value.value
        return fold_constant(value)

    def junk(self, text: str, pos: int, loc: SourceLocation) -> ToolchainError:
        if pos >= len(text):
            return ToolchainError(f"statement '{text}' is incomplete", loc)
        return ToolchainError(
            f"junk at end of line, first unrecognized character is '{text[pos]}'", loc)

    def define_symbol(self, definition: str) -> None:
        """``--defsym sym=value``: an absolute symbol defined before the source."""
        name, eq, value_text = definition.partition("=")
        name = name.strip()
        loc = SourceLocation("--defsym")
        if not eq or not name or not all(ch in SYMBOL_CHARS for ch in name) \
                or name[0] not in SYMBOL_START:
            raise ToolchainError(f"bad --defsym '{definition}': expected symbol=value")
        value = self.expression_parser(value_text.strip(), loc).parse_all()
        self.streamer.set_symbol(name, value, None)


def _skip_space(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in _SPACE:
        pos += 1
    return pos


DIRECTIVES = {**_directives.DIRECTIVES, **_datadirectives.DIRECTIVES, **_macros.DIRECTIVES,
              **_conditionals.CONDITIONALS}
"""Every directive name (without its dot) to its handler ``f(parser, args, location)``."""

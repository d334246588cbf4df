"""Translation phase 4 (C11 6.10): directives, conditional inclusion, source
file inclusion and the file stack, built-in macros, ``_Pragma``.

The preprocessor reads each file as a list of preprocessing tokens that the
lexer extends a few lines at a time, and walks it with an index.  A ``#``
that starts a line begins a directive, whose tokens run to the next token
that starts a line.  A skipped group is passed over as raw text, up to each
line that starts with ``#`` (conditionals.py).  Macro replacement is the
inherited :class:`MacroExpander`; this class supplies it with source tokens.

The result is a stream of tokens, END_OF_FILE last.  For ``-E``,
:meth:`Preprocessor.items` interleaves :class:`FileChange` records (gcc's
line markers) and PRAGMA tokens; :func:`preprocess` returns just the tokens
a parser wants.

Include guards are recognised as the file is read (a file that is one
``#ifndef X`` group is not reopened while ``X`` is defined: gcc's multiple
include optimisation), as are ``#pragma once`` and gcc's ``#pragma GCC
system_header``.
"""

from __future__ import annotations

import operator
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..common.diagnostics import SourceLocation, ToolchainError
from ..common.target import Target
from .builtins import BuiltinMacros, has_attribute_names, has_builtin_names
from .conditionals import ConditionalDirectives, OpenConditional, guard_macro
from .diagnostics import CDiagnostics, FatalError
from .includes import IncludePaths
from .lexer import Lexer, tokenize
from .macros import Macro, MacroExpander, make_macro, spell
from .ppevents import DirectiveEcho, FileChange, current_line_of
from .pragmas import PragmaDirectives, unquote
from .ppexpr import CharacterModel
from .predefined import STD_VERSIONS, PredefineOptions, predefined_macros
from .tokens import Token, TokenKind

IDENTIFIER = TokenKind.IDENTIFIER
PUNCTUATOR = TokenKind.PUNCTUATOR
MAX_INCLUDE_DEPTH = 200
DIRECTIVE_INTRODUCERS = ("#", "%:")     # at the start of a line (only punctuators spell these)
_INTRODUCERS = frozenset(DIRECTIVE_INTRODUCERS)
_TEXT = operator.attrgetter("text")
_WINDOW = 256                           # tokens the fast path tests at once (_stream)


@dataclass
class PreprocessorOptions:
    """Everything from the command line that phase 4 needs."""

    quote_dirs: list[str] = field(default_factory=list)       # -iquote
    user_dirs: list[str] = field(default_factory=list)        # -I
    system_dirs: list[str] = field(default_factory=list)      # -isystem
    after_dirs: list[str] = field(default_factory=list)       # -idirafter
    default_dirs: list[str] = field(default_factory=list)     # bundled / system headers
    macro_ops: list[tuple[str, str]] = field(default_factory=list)  # ("D", "X=1"), ("U", "X")
    includes: list[str] = field(default_factory=list)         # -include
    imacros: list[str] = field(default_factory=list)          # -imacros
    predefine: PredefineOptions = field(default_factory=PredefineOptions)
    trigraphs: bool = False
    preinclude_stdc_predef: bool = False                      # gcc's implicit stdc-predef.h
    keep_pragmas: bool = True                                 # PRAGMA tokens in the stream
    echo_defines: bool = False                                # -dD: DirectiveEcho records
    keep_comments: str = ""                                   # "C" or "CC": -C / -CC


@dataclass
class _Frame:
    """One file being read."""

    name: str                       # presumed name (after #line)
    path: str                       # as found (for #pragma once / include_next)
    directory: str                  # for "" includes
    tokens: list[Token]             # lexed so far (the lexer appends whole lines)
    found_index: int
    is_system: bool
    pos: int = 0
    conditionals: list[OpenConditional] = field(default_factory=list)
    lexer: Lexer | None = None      # None once every token is in ``tokens``
    guard: str | None = None        # the macro of a possible include guard
    guard_end: int | None = None    # where the guard's #endif line ends in ``tokens``

    def lex_more(self) -> bool:
        """Lex the next lines into ``tokens``; False at the end of the file."""
        lexer = self.lexer
        if lexer is not None:
            if lexer.lex_lines(self.tokens):
                return True
            self.lexer = None
        return False


class Preprocessor(ConditionalDirectives, PragmaDirectives, MacroExpander):
    """Phase 4 over one translation unit."""

    def __init__(self, target: Target, options: PreprocessorOptions,
                 diagnostics: CDiagnostics) -> None:
        MacroExpander.__init__(self, diagnostics)
        self.target = target
        self.options = options
        self.paths = IncludePaths.build(options.quote_dirs, options.user_dirs,
                                        options.system_dirs, options.default_dirs,
                                        options.after_dirs)
        self.frames: list[_Frame] = []
        self.events: list[FileChange | Token] = []
        self.texts: dict[str, str] = {}             # path -> its text, read once
        self.once: set[str] = set()
        self.guards: dict[str, str] = {}            # real path -> guard macro
        self.poisoned: set[str] = set()
        self.pushed_macros: dict[str, list[Macro | None]] = {}
        self.counter = 0
        self.base_file = ""
        self.in_if = False
        self.dependencies: list[str] = []           # every file opened, for -M
        dm = target.data_model
        unsigned_char = options.predefine.unsigned_char
        self.chars = CharacterModel(
            char_is_signed=dm.char_is_signed if unsigned_char is None else not unsigned_char,
            wchar_bits=32, wchar_is_signed=target.isa == "x86" or target.isa == "riscv")
        self.gnu_mode = not STD_VERSIONS.get(options.predefine.std, (None, False))[1]
        now = time.localtime()
        self.builtins = BuiltinMacros(self, now)
        for name in self.builtins.names():
            self.macros[name] = Macro(name, builtin=True)

    # == entry points =====================================================
    def items(self, path: str, text: str | None = None
              ) -> Iterator[Token | FileChange | DirectiveEcho]:
        """Tokens and -E events of the translation unit in ``path`` ('-' for stdin)."""
        for item in self._stream(path, text):
            if item.__class__ is list:
                yield from item
            else:
                yield item

    def tokens(self, path: str, text: str | None = None) -> list[Token]:
        """The tokens of the translation unit in ``path``, END_OF_FILE last (PRAGMA
        tokens among them when ``keep_pragmas``): what a parser reads."""
        result: list[Token] = []
        append = result.append
        extend = result.extend
        for item in self._stream(path, text):
            cls = item.__class__
            if cls is list:
                extend(item)
            elif cls is Token:
                append(item)
        return result

    def _stream(self, path: str, text: str | None
                ) -> Iterator[Token | FileChange | DirectiveEcho | list[Token]]:
        """Tokens and events one at a time, and lists of tokens: the runs of
        the current file's tokens that are neither directives nor macro
        names, which pass straight through (the fast path, taken whenever no
        expansion or event is pending).  A macro name is any token whose text
        is a key of ``macros``: only identifiers can be."""
        self._start(path, text)
        next_token = self.next_token
        events = self.events
        keep_pragmas = self.options.keep_pragmas
        pending = self.pending
        frames = self.frames
        macros = self.macros
        macro_names = macros.keys()
        while True:
            if not pending and not events and not self.poisoned:
                frame = frames[-1]
                tokens = frame.tokens
                start = pos = frame.pos
                n = len(tokens)
                # Whole windows of tokens with no macro name and no '#' are passed
                # over at C speed; then token by token up to the one to look at.
                while pos < n:
                    texts = set(map(_TEXT, tokens[pos:pos + _WINDOW]))
                    if not macro_names.isdisjoint(texts) or not _INTRODUCERS.isdisjoint(texts):
                        break
                    pos += _WINDOW
                pos = min(pos, n)
                while pos < n:
                    tok = tokens[pos]
                    if tok.text in macros or tok.at_line_start and tok.text in DIRECTIVE_INTRODUCERS:
                        break
                    pos += 1
                if pos > start:
                    frame.pos = pos
                    yield tokens[start:pos]
            tok = next_token()
            if events:
                for event in events:
                    if keep_pragmas or not isinstance(event, Token):
                        yield event
                events.clear()
            yield tok
            if tok.kind is TokenKind.END_OF_FILE:
                return

    def _start(self, path: str, text: str | None) -> None:
        display = "<stdin>" if path == "-" else path
        self.base_file = display
        if text is None:
            text = self._read_file(path, None)
        self._push_file(display, path, text, -1, False, None)
        self.events.append(FileChange(display, 1, 0, False))
        self._command_line()

    def _command_line(self) -> None:
        """Predefined macros, -D/-U, -imacros and -include, as gcc orders them."""
        lines = []
        for name, value in predefined_macros(self.target, self.options.predefine):
            lines.append(f"#define {name} {value}\n")
        builtin_text = "".join(lines)
        self._define_from_text(builtin_text, "<built-in>")
        ops = []
        for op, arg in self.options.macro_ops:
            if op == "D":
                name, eq, value = arg.partition("=")
                if "(" in name:
                    ops.append(f"#define {name} {value if eq else '1'}\n")
                else:
                    ops.append(f"#define {name} {value if eq else '1'}\n")
            else:
                ops.append(f"#undef {arg}\n")
        self._define_from_text("".join(ops), "<command-line>")
        frame = self.frames[0]
        for name in self.options.imacros:
            self._include_command_line(name, frame, keep_output=False)
        includes = list(self.options.includes)
        if self.options.preinclude_stdc_predef:
            found = self.paths.find("stdc-predef.h", True, None)
            if found is not None:
                includes.insert(0, found[0])
        for name in reversed(includes):
            self._include_command_line(name, frame, keep_output=True)

    def _define_from_text(self, text: str, name: str) -> None:
        """Run directives from a string (the predefined set, -D/-U) without output."""
        self.diagnostics.sources.add(name, text)
        saved = self.frames
        self.frames = [_Frame(name, name, "", tokenize(text, name, self.diagnostics), -1, False)]
        try:
            tok = self.read_source()
            while tok.kind is not TokenKind.END_OF_FILE:
                tok = self.read_source()
        finally:
            self.frames = saved

    def _include_command_line(self, name: str, frame: _Frame, keep_output: bool) -> None:
        """-include / -imacros: as if #include "name" preceded the first line."""
        found = self.paths.find(name, False, os.getcwd() and "")
        if found is None:
            raise self.diagnostics.fatal(f"{name}: No such file or directory",
                                         SourceLocation("<command-line>"))
        path, index, is_system = found
        text = self._read_file(path, None)
        if not keep_output:
            saved = self.frames
            self.frames = []
            self._push_file(path, path, text, index, is_system, None)
            try:
                tok = self.next_token()
                while tok.kind is not TokenKind.END_OF_FILE:
                    tok = self.next_token()
            finally:
                self.frames = saved
            return
        self._push_file(path, path, text, index, is_system, None)
        self.events.append(FileChange(path, 1, 1, is_system))

    # == files ===========================================================
    def _read_file(self, path: str, where: Token | None) -> str:
        try:
            if path == "-":
                import sys
                data = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as f:
                    data = f.read()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise self.diagnostics.fatal(f"{path}: {reason}", where) from None
        self.dependencies.append(path)
        return data.decode("utf-8", "surrogateescape")

    def _push_file(self, display: str, path: str, text: str | None, index: int,
                   is_system: bool, included_from: SourceLocation | None) -> None:
        if text is None:
            text = self.texts.get(path)
            if text is None:
                text = self._read_file(path, None)
                self.texts[path] = text
        self.diagnostics.sources.add(display, text, included_from, is_system)
        lexer = Lexer(text, display, self.diagnostics, self.options.trigraphs, self.gnu_mode,
                      bool(self.options.keep_comments))
        directory = os.path.dirname(display)
        self.frames.append(_Frame(display, path, directory, [], index, is_system, lexer=lexer))

    # == reading the source ================================================
    def read_source(self) -> Token:
        while True:
            frame = self.frames[-1]
            tokens = frame.tokens
            pos = frame.pos
            if pos < len(tokens):
                tok = tokens[pos]
                frame.pos = pos + 1
                if tok.at_line_start and tok.kind is PUNCTUATOR and tok.text in ("#", "%:"):
                    self._directive(frame, tok)
                    continue
                if self.poisoned and tok.kind is IDENTIFIER and tok.text in self.poisoned:
                    self.diagnostics.error(f"attempt to use poisoned \"{tok.text}\"", tok)
                return tok
            if frame.lex_more():
                continue
            if self.collecting:
                return self._eof_of(frame)
            if not self._end_of_file(frame):
                return self._eof_of(frame)

    def _eof_of(self, frame: _Frame) -> Token:
        last = frame.tokens[-1].location if frame.tokens else SourceLocation(frame.name, 1, 1)
        return Token(TokenKind.END_OF_FILE, "", SourceLocation(frame.name, last.line + 1, 1))

    def _end_of_file(self, frame: _Frame) -> bool:
        """Close the current file; False when it was the main file."""
        for cond in frame.conditionals:
            self.diagnostics.error("unterminated #" + ("else" if cond.seen_else else "if"),
                                   cond.location)
        frame.conditionals.clear()
        if len(self.frames) == 1:
            return False
        self.frames.pop()
        if frame.guard is not None and frame.guard_end == len(frame.tokens):
            self.guards[os.path.realpath(frame.path)] = frame.guard
        parent = self.frames[-1]
        line = current_line_of(parent)
        self.events.append(FileChange(parent.name, line, 2, parent.is_system))
        return True

    def source_has_lparen(self) -> bool:
        frame = self.frames[-1]
        if frame.pos < len(frame.tokens) or frame.lex_more():
            tok = frame.tokens[frame.pos]
            if tok.text == "(" and tok.kind is PUNCTUATOR:
                frame.pos += 1
                return True
        return False

    def _line_tokens(self, frame: _Frame, with_comments: bool = False) -> list[Token]:
        """The rest of the current logical line (without -C's comments unless asked)."""
        tokens = frame.tokens
        start = pos = frame.pos
        n = len(tokens)
        while pos < n and not tokens[pos].at_line_start:
            pos += 1
        frame.pos = pos
        if self.options.keep_comments and not with_comments:
            return [t for t in tokens[start:pos] if t.kind is not TokenKind.COMMENT]
        return tokens[start:pos]

    # == directives ========================================================
    def _directive(self, frame: _Frame, hash_tok: Token) -> None:
        line = self._line_tokens(frame, with_comments=True)
        if self.options.keep_comments:      # -C: a directive's comments go with it
            full = line
            line = [t for t in line if t.kind is not TokenKind.COMMENT]
            if line and line[0].text == "define" and self.options.keep_comments == "CC":
                line = _with_body_comments(line, full)
        if not line:
            return                                  # the null directive
        name_tok = line[0]
        name = name_tok.text
        if frame.tokens[0] is hash_tok:             # the file's first token
            frame.guard = guard_macro(line)
        handler = _DIRECTIVES.get(name)
        if handler is None:
            if name_tok.kind is TokenKind.PP_NUMBER:
                self._do_linemarker(frame, line, hash_tok)
                return
            self.diagnostics.error(f"invalid preprocessing directive #{name}", name_tok)
            return
        if self.collecting and name in ("define", "undef", "include", "include_next"):
            self.diagnostics.pedwarn("embedding a directive within macro arguments is "
                                     "not portable", hash_tok, "-Wpedantic")
        handler(self, frame, line[1:], name_tok)

    def _do_define(self, frame: _Frame, line: list[Token], where: Token) -> None:
        if not line:
            self.diagnostics.error("no macro name given in #define directive", where)
            return
        name = line[0]
        if not self._check_macro_name(name, "define"):
            return
        params: list[str] | None = None
        variadic = False
        i = 1
        if len(line) > 1 and line[1].text == "(" and not line[1].leading_space:
            params = []
            i = 2
            expect_name = True
            while True:
                if i >= len(line):
                    self.diagnostics.error("missing ')' in macro parameter list", line[-1])
                    return
                t = line[i]
                i += 1
                if t.text == ")" and (not expect_name or not params):
                    break
                if expect_name:
                    if t.text == "...":
                        params.append("__VA_ARGS__")
                        variadic = True
                        if i < len(line) and line[i].text == ")":
                            i += 1
                            break
                        self.diagnostics.error("missing ')' in macro parameter list", t)
                        return
                    if t.kind is not IDENTIFIER:
                        self.diagnostics.error(
                            f"expected parameter name, found \"{t.text}\"", t)
                        return
                    if t.text in params:
                        self.diagnostics.error(f"duplicate macro parameter \"{t.text}\"", t)
                        return
                    params.append(t.text)
                    if i < len(line) and line[i].text == "...":
                        variadic = True
                        i += 1
                        if i < len(line) and line[i].text == ")":
                            i += 1
                            break
                        self.diagnostics.error("missing ')' in macro parameter list", line[i - 1])
                        return
                    expect_name = False
                else:
                    if t.text == ")":
                        break
                    if t.text != ",":
                        self.diagnostics.error(
                            f"expected ',' or ')', found \"{t.text}\"", t)
                        return
                    expect_name = True
        elif len(line) > 1 and not line[1].leading_space:
            self.diagnostics.pedwarn("ISO C99 requires whitespace after the macro name", line[1])
        body = line[i:]
        if body and body[0].leading_space:
            first = body[0]
            body[0] = Token(first.kind, first.text, first.location, False, False)
        if body and body[0].text in ("##", "%:%:"):
            self.diagnostics.error("'##' cannot appear at either end of a macro expansion",
                                   body[0])
            return
        if body and body[-1].text in ("##", "%:%:") and len(body) and body[-1].kind is PUNCTUATOR:
            self.diagnostics.error("'##' cannot appear at either end of a macro expansion",
                                   body[-1])
            return
        if params is not None:
            for j, t in enumerate(body):
                if t.text in ("#", "%:") and t.kind is PUNCTUATOR and (
                        j + 1 >= len(body) or body[j + 1].text not in params):
                    self.diagnostics.error("'#' is not followed by a macro parameter", t)
                    return
        elif any(t.text == "__VA_ARGS__" for t in body):
            self.diagnostics.pedwarn("__VA_ARGS__ can only appear in the expansion of a "
                                     "C99 variadic macro", next(
                                         t for t in body if t.text == "__VA_ARGS__"))
        macro = make_macro(name.text, body, params, variadic, name.location)
        old = self.macros.get(name.text)
        if old is not None:
            if old.builtin:
                self.diagnostics.warning(f"\"{name.text}\" redefined", name,
                                         "-Wbuiltin-macro-redefined")
            elif not old.same_definition(macro):
                if self.diagnostics.pedwarn(f"\"{name.text}\" redefined", name) \
                        and old.location is not None and old.location.line:
                    self.diagnostics.note("this is the location of the previous definition",
                                          old.location)
        self.macros[name.text] = macro
        if self.options.echo_defines:
            self.events.append(DirectiveEcho(f"#define {macro.definition_text()}",
                                             where.location))

    def _check_macro_name(self, name: Token, what: str) -> bool:
        if name.kind is not IDENTIFIER:
            self.diagnostics.error("macro names must be identifiers", name)
            return False
        if name.text == "defined":
            self.diagnostics.error("\"defined\" cannot be used as a macro name", name)
            return False
        return True

    def _do_undef(self, frame: _Frame, line: list[Token], where: Token) -> None:
        if not line:
            self.diagnostics.error("no macro name given in #undef directive", where)
            return
        if not self._check_macro_name(line[0], "undef"):
            return
        old = self.macros.pop(line[0].text, None)
        if self.options.echo_defines:
            self.events.append(DirectiveEcho(f"#undef {line[0].text}", where.location))
        if old is not None and old.builtin:
            self.diagnostics.warning(f"undefining \"{line[0].text}\"", line[0])
        if len(line) > 1:
            self.diagnostics.warning("extra tokens at end of #undef directive", line[1])

    # -- inclusion ------------------------------------------------------------
    def _header_name(self, line: list[Token], where: Token, directive: str
                     ) -> tuple[str, bool] | None:
        """The file named by an #include line: (name, angled) or None after an error."""
        if line and line[0].kind is TokenKind.HEADER_NAME:
            spelled = line[0].text
            rest = line[1:]
        else:
            tokens = self.expand_list(line)
            rest = []
            if tokens and tokens[0].kind is TokenKind.STRING_LITERAL \
                    and tokens[0].text.startswith('"'):
                spelled = tokens[0].text
                rest = tokens[1:]
            elif tokens and tokens[0].text == "<":
                close = next((i for i, t in enumerate(tokens) if t.text == ">"), None)
                if close is None:
                    self.diagnostics.error("missing terminating > character", tokens[0])
                    return None
                spelled = "<" + spell(tokens[1:close]) + ">"
                rest = tokens[close + 1:]
            else:
                self.diagnostics.error(f"#{directive} expects \"FILENAME\" or <FILENAME>",
                                       tokens[0] if tokens else where)
                return None
        if rest:
            self.diagnostics.warning(f"extra tokens at end of #{directive} directive", rest[0])
        name = spelled[1:-1]
        if not name:
            self.diagnostics.error(f"empty filename in #{directive}", where)
            return None
        return name, spelled[0] == "<"

    def _do_include(self, frame: _Frame, line: list[Token], where: Token,
                    next_: bool = False) -> None:
        directive = where.text
        header = self._header_name(line, where, directive)
        if header is None:
            return
        name, angled = header
        start, including_dir = 0, frame.directory
        if next_:
            if len(self.frames) == 1:
                self.diagnostics.warning("#include_next in primary source file", where)
            else:
                start, including_dir = frame.found_index + 1, None
                if frame.found_index < 0:
                    start = 0 if frame.found_index == -1 else 0
        found = self.paths.find(name, angled, including_dir, start)
        if found is None:
            location = line[0] if line else where
            raise self.diagnostics.fatal(f"{name}: No such file or directory", location)
        path, index, is_system = found
        identity = os.path.realpath(path)          # the same file by another name is the same
        if identity in self.once:
            return
        guard = self.guards.get(identity)
        if guard is not None and guard in self.macros:
            return
        if len(self.frames) >= MAX_INCLUDE_DEPTH:
            self.diagnostics.error(f"#include nested depth {len(self.frames)} exceeds maximum "
                                   f"of {MAX_INCLUDE_DEPTH} (use -fmax-include-depth=DEPTH "
                                   f"to increase the maximum)", where)
            return
        if directive == "import":
            self.once.add(identity)
        self._push_file(path, path, None, index, is_system or frame.is_system and index == -1,
                        SourceLocation(frame.name, where.location.line))
        self.events.append(FileChange(path, 1, 1, self.frames[-1].is_system))

    def _do_include_next(self, frame: _Frame, line: list[Token], where: Token) -> None:
        self._do_include(frame, line, where, next_=True)

    def has_include(self, name: str, angled: bool, next_: bool) -> bool:
        frame = self.frames[-1]
        start, including_dir = 0, frame.directory
        if next_ and len(self.frames) > 1:
            start, including_dir = frame.found_index + 1, None
        return self.paths.find(name, angled, including_dir, start) is not None

    # -- #line, diagnostics, pragmas ---------------------------------------------
    def _do_line(self, frame: _Frame, line: list[Token], where: Token) -> None:
        tokens = self.expand_list(line)
        if not tokens or tokens[0].kind is not TokenKind.PP_NUMBER \
                or not tokens[0].text.isdigit():
            self.diagnostics.error(f"\"{tokens[0].text if tokens else ''}\" after #line is not "
                                   f"a positive integer", tokens[0] if tokens else where)
            return
        number = int(tokens[0].text)
        name = frame.name
        if len(tokens) > 1:
            if tokens[1].kind is not TokenKind.STRING_LITERAL:
                self.diagnostics.error(f"invalid filename \"{tokens[1].text}\"", tokens[1])
                return
            name = unquote(tokens[1].text)
        self._renumber(frame, number, name, 0)

    def _do_linemarker(self, frame: _Frame, line: list[Token], where: Token) -> None:
        """``# 33 "file" 1 3``: the line markers of preprocessed input."""
        number = int(line[0].text) if line[0].text.isdigit() else 1
        name = frame.name
        if len(line) > 1 and line[1].kind is TokenKind.STRING_LITERAL:
            name = unquote(line[1].text)
        flags = [t.text for t in line[2:]]
        if "3" in flags:
            frame.is_system = True
        self._renumber(frame, number, name, 0)

    def _renumber(self, frame: _Frame, number: int, name: str, flag: int) -> None:
        """Make the following lines number from ``number`` in file ``name``."""
        delta = number - (frame.tokens[frame.pos - 1].location.line + 1)
        rest = frame.tokens[frame.pos:]
        if rest:
            new = [Token(t.kind, t.text, SourceLocation(name, t.location.line + delta,
                                                         t.location.column),
                         t.leading_space, t.at_line_start) for t in rest]
            frame.tokens = frame.tokens[:frame.pos] + new
        if frame.lexer is not None:
            frame.lexer.line += delta
            frame.lexer.filename = name
        frame.name = name
        frame.directory = os.path.dirname(name) if name != frame.path else frame.directory
        self.events.append(FileChange(name, number, flag, frame.is_system))

    def _do_error(self, frame: _Frame, line: list[Token], where: Token) -> None:
        self.diagnostics.error(f"#error {spell(line)}".rstrip(), where)

    def _do_warning(self, frame: _Frame, line: list[Token], where: Token) -> None:
        self.diagnostics.warning(f"#warning {spell(line)}".rstrip(), where, "-Wcpp",
                                 in_system_headers=True)

    def _do_ident(self, frame: _Frame, line: list[Token], where: Token) -> None:
        if not line or line[0].kind is not TokenKind.STRING_LITERAL:
            self.diagnostics.error(f"invalid #{where.text} directive", where)
            return
        self._emit_pragma(["#ident"] + [spell(line)], where, ident=True)

    def _do_assert(self, frame: _Frame, line: list[Token], where: Token) -> None:
        self.diagnostics.pedwarn(f"#{where.text} is a GCC extension", where, "-Wdeprecated")

    def _do_pragma(self, frame: _Frame, line: list[Token], where: Token) -> None:
        self.pragma(line, where)

    # == built-in macros (see builtins.py) ==================================
    def expand_builtin(self, macro: Macro, name: Token) -> list[Token] | None:
        return self.builtins.expand(macro.name, name)

    def current_line(self, name: Token) -> int:
        expansion = name.expansion
        if expansion is None:
            return name.location.line
        while expansion.parent is not None:
            expansion = expansion.parent
        return expansion.location.line


_DIRECTIVES = {
    "define": Preprocessor._do_define,
    "undef": Preprocessor._do_undef,
    "include": Preprocessor._do_include,
    "include_next": Preprocessor._do_include_next,
    "import": Preprocessor._do_include,
    "if": Preprocessor._do_if,
    "ifdef": Preprocessor._do_ifdef,
    "ifndef": Preprocessor._do_ifndef,
    "elif": Preprocessor._do_elif,
    "elifdef": Preprocessor._do_elif,
    "elifndef": Preprocessor._do_elif,
    "else": Preprocessor._do_else,
    "endif": Preprocessor._do_endif,
    "line": Preprocessor._do_line,
    "error": Preprocessor._do_error,
    "warning": Preprocessor._do_warning,
    "pragma": Preprocessor._do_pragma,
    "ident": Preprocessor._do_ident,
    "sccs": Preprocessor._do_ident,
    "assert": Preprocessor._do_assert,
    "unassert": Preprocessor._do_assert,
}


def _with_body_comments(line: list[Token], full: list[Token]) -> list[Token]:
    """-CC: a #define line with the comments of its replacement list kept (a
    ``//`` comment becomes a ``/* */`` one, as gcc writes it)."""
    if len(line) < 2:
        return line
    head_end = 2                            # "define NAME", then "(params)" if any
    if len(line) > 2 and line[2].text == "(" and not line[2].leading_space:
        head_end = next((i + 1 for i in range(2, len(line)) if line[i].text == ")"), len(line))
    last = line[head_end - 1]
    start = next(i for i, t in enumerate(full) if t is last) + 1
    body = [t if not t.text.startswith("//") or t.kind is not TokenKind.COMMENT else
            Token(t.kind, f"/*{t.text[2:]}*/", t.location, t.leading_space, t.at_line_start)
            for t in full[start:]]
    return line[:head_end] + body


def preprocess(path: str, target: Target, options: PreprocessorOptions,
               diagnostics: CDiagnostics, text: str | None = None) -> list[Token]:
    """The tokens of a translation unit after phase 4, END_OF_FILE last.

    Raises FatalError (already reported) when preprocessing cannot go on.
    """
    return Preprocessor(target, options, diagnostics).tokens(path, text)


__all__ = ["Preprocessor", "PreprocessorOptions", "FileChange", "DirectiveEcho", "preprocess",
           "ToolchainError", "FatalError", "has_attribute_names", "has_builtin_names"]

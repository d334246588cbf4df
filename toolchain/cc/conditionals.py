"""Conditional inclusion (C11 6.10.1): #if, #ifdef, #ifndef, #elif, #elifdef,
#elifndef, #else and #endif, and the detection of include guards.

A group whose condition is false is skipped by looking only at the lines
that start with ``#``: the lexer passes over the others as raw text without
making tokens (Lexer.skip_lines), nested conditionals are counted,
everything else (even invalid directives and unterminated quotes) is passed
over, as 6.10.1p6 allows.  The open groups of a file live on its frame; an
unclosed one is reported when the file ends.

An include guard is found as the file is read, as gcc's multiple-include
optimisation does: the file's first token begins ``#ifndef X`` (or ``#if
!defined X``), no ``#else`` or ``#elif`` belongs to that group, and no token
follows its ``#endif``.  The preprocessor then does not reopen the file
while ``X`` is defined.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..common.diagnostics import SourceLocation
from .macros import Macro
from .ppexpr import ExpressionError, evaluate
from .tokens import Token, TokenKind

if TYPE_CHECKING:
    from .preprocessor import _Frame

IDENTIFIER = TokenKind.IDENTIFIER


@dataclass
class OpenConditional:
    """One open #if group: was some branch taken, are we past #else."""

    taken: bool
    seen_else: bool
    location: SourceLocation


class ConditionalDirectives:
    """The conditional directives of the Preprocessor (a mixin: it uses its state)."""

    def _do_ifdef(self, frame: _Frame, line: list[Token], where: Token,
                  negate: bool = False) -> None:
        directive = "#ifndef" if negate else "#ifdef"
        if not line or line[0].kind is not IDENTIFIER:
            self.diagnostics.error(f"no macro name given in {directive} directive"
                                   if not line else "macro names must be identifiers",
                                   line[0] if line else where)
            value = False
        else:
            value = (line[0].text in self.macros) != negate
            if len(line) > 1:
                self.diagnostics.warning(f"extra tokens at end of {directive} directive",
                                         line[1])
        self._enter_group(frame, value, where)

    def _do_ifndef(self, frame: _Frame, line: list[Token], where: Token) -> None:
        self._do_ifdef(frame, line, where, negate=True)

    def _do_if(self, frame: _Frame, line: list[Token], where: Token) -> None:
        self._enter_group(frame, self._evaluate(line, where), where)

    def _enter_group(self, frame: _Frame, value: bool, where: Token) -> None:
        frame.conditionals.append(OpenConditional(value, False, where.location))
        if not value:
            self._skip_group(frame)

    def _do_elif(self, frame: _Frame, line: list[Token], where: Token) -> None:
        if not frame.conditionals:
            self.diagnostics.error(f"#{where.text} without #if", where)
            return
        cond = frame.conditionals[-1]
        if cond.seen_else:
            self.diagnostics.error(f"#{where.text} after #else", where)
        if len(frame.conditionals) == 1:
            frame.guard = None
        # we were in a taken group: skip the rest of the chain
        self._skip_group(frame)

    def _do_else(self, frame: _Frame, line: list[Token], where: Token) -> None:
        if not frame.conditionals:
            self.diagnostics.error("#else without #if", where)
            return
        cond = frame.conditionals[-1]
        if cond.seen_else:
            self.diagnostics.error("#else after #else", where)
        cond.seen_else = True
        if len(frame.conditionals) == 1:
            frame.guard = None
        if line:
            self.diagnostics.warning("extra tokens at end of #else directive", line[0],
                                     "-Wendif-labels")
        self._skip_group(frame)

    def _do_endif(self, frame: _Frame, line: list[Token], where: Token) -> None:
        if not frame.conditionals:
            self.diagnostics.error("#endif without #if", where)
            return
        frame.conditionals.pop()
        if not frame.conditionals and frame.guard_end is None:
            frame.guard_end = frame.pos          # the first group closes: a guard's end
        if line:
            self.diagnostics.warning("extra tokens at end of #endif directive", line[0],
                                     "-Wendif-labels")

    def _skip_group(self, frame: _Frame) -> None:
        """Pass over lines until the #elif/#else/#endif that ends the skipped group
        (6.10.1p6), and act on it."""
        tokens = frame.tokens
        n = len(tokens)
        pos = frame.pos
        depth = 0
        lexer = frame.lexer
        while True:
            if pos >= n:
                if lexer is None:
                    break
                lexer.skip_lines()
                if not frame.lex_more():
                    break
                n = len(tokens)
            tok = tokens[pos]
            pos += 1
            if not (tok.at_line_start and tok.text in ("#", "%:")) or pos >= n:
                continue
            name_tok = tokens[pos]
            if name_tok.at_line_start:
                continue
            name = name_tok.text
            if name in ("if", "ifdef", "ifndef"):
                depth += 1
            elif depth > 0:
                if name == "endif":
                    depth -= 1
            elif name == "endif":
                frame.pos = pos
                self._do_endif(frame, self._line_tokens(frame)[1:], name_tok)
                return
            elif name == "else":
                frame.pos = pos
                line = self._line_tokens(frame)[1:]
                cond = frame.conditionals[-1]
                if cond.seen_else:
                    self.diagnostics.error("#else after #else", name_tok)
                cond.seen_else = True
                if len(frame.conditionals) == 1:
                    frame.guard = None
                if line:
                    self.diagnostics.warning("extra tokens at end of #else directive", line[0],
                                             "-Wendif-labels")
                if not cond.taken:
                    cond.taken = True
                    return
                pos = frame.pos
            elif name in ("elif", "elifdef", "elifndef"):
                frame.pos = pos
                line = self._line_tokens(frame)[1:]
                cond = frame.conditionals[-1]
                if cond.seen_else:
                    self.diagnostics.error(f"#{name} after #else", name_tok)
                if len(frame.conditionals) == 1:
                    frame.guard = None
                if not cond.taken:
                    if name == "elif":
                        value = self._evaluate(line, name_tok)
                    elif not line or line[0].kind is not IDENTIFIER:
                        self.diagnostics.error(f"no macro name given in #{name} directive",
                                               name_tok)
                        value = False
                    else:
                        value = (line[0].text in self.macros) == (name == "elifdef")
                    if value:
                        cond.taken = True
                        return
                pos = frame.pos
        frame.pos = n

    def _report_undefined(self, tok: Token) -> None:
        self.diagnostics.warning(f"\"{tok.text}\" is not defined, evaluates to 0", tok,
                                 "-Wundef")

    def _evaluate(self, line: list[Token], where: Token) -> bool:
        if not line:
            self.diagnostics.error(f"#{where.text} with no expression", where)
            return False
        self.in_if = True
        self.macros["defined"] = Macro("defined", builtin=True)
        try:
            expanded = self.expand_list(line)
        finally:
            self.in_if = False
            del self.macros["defined"]
        try:
            return evaluate(expanded, self.chars,
                            lambda msg, tok: self.diagnostics.pedwarn(msg, tok),
                            self._report_undefined if self.diagnostics.enabled("-Wundef")
                            else None)
        except ExpressionError as exc:
            self.diagnostics.error(exc.message if exc.message != "#if with no expression"
                                   else f"#{where.text} with no expression",
                                   exc.token or where)
            return False


def guard_macro(line: list[Token]) -> str | None:
    """X when a directive line is ``ifndef X`` or ``if !defined X`` / ``if !defined(X)``."""
    texts = [t.text for t in line]
    if len(line) == 2 and texts[0] == "ifndef" and line[1].kind is IDENTIFIER:
        return texts[1]
    if texts[:3] == ["if", "!", "defined"]:
        if len(line) == 4 and line[3].kind is IDENTIFIER:
            return texts[3]
        if len(line) == 6 and texts[3] == "(" and texts[5] == ")":
            return texts[4] if line[4].kind is IDENTIFIER else None
    return None

"""Pragmas (C11 6.10.6) and the _Pragma operator (6.10.9).

The ones gcc's preprocessor acts on are handled here: ``once``,
``GCC system_header``, ``GCC poison``, ``GCC warning``/``GCC error``,
``GCC dependency`` and ``push_macro``/``pop_macro``.  Every other pragma is
passed on as one PRAGMA token (its text the pragma's tokens after the word
``pragma``), which ``-E`` prints as a ``#pragma`` line and the parser may act
on (``pack``, ``GCC diagnostic`` ...).
"""

from __future__ import annotations

import os

from .lexer import lex_spelling
from .macros import spell
from .ppevents import FileChange, current_line_of
from .tokens import Token, TokenKind

IDENTIFIER = TokenKind.IDENTIFIER


class PragmaDirectives:
    """Pragma handling of the Preprocessor (a mixin: it uses its state)."""

    def pragma(self, line: list[Token], where: Token) -> None:
        """Act on a pragma gcc's preprocessor knows; pass the others on."""
        words = [t.text for t in line[:3]]
        if words[:1] == ["once"]:
            frame = self.frames[-1]
            if len(self.frames) == 1:
                self.diagnostics.warning("#pragma once in main file", where)
            self.once.add(os.path.realpath(frame.path))
            return
        if words[:1] == ["GCC"] and len(words) > 1:
            what = words[1]
            if what == "system_header":
                if len(self.frames) > 1:
                    self.frames[-1].is_system = True
                    frame = self.frames[-1]
                    self.events.append(FileChange(frame.name, current_line_of(frame), 0, True))
                return
            if what == "poison":
                for t in line[2:]:
                    if t.kind is IDENTIFIER:
                        self.poisoned.add(t.text)
                        self.macros.pop(t.text, None)
                return
            if what in ("warning", "error"):
                message = line[2].text if len(line) > 2 else ""
                text = unquote(message) if message.startswith('"') else message
                if what == "warning":
                    self.diagnostics.warning(text, line[2] if len(line) > 2 else where)
                else:
                    self.diagnostics.error(text, line[2] if len(line) > 2 else where)
                return
            if what == "dependency":
                return
        if words[:1] in (["push_macro"], ["pop_macro"]):
            args = [t for t in line[1:] if t.kind is TokenKind.STRING_LITERAL]
            if args:
                name = unquote(args[0].text)
                if words[0] == "push_macro":
                    self.pushed_macros.setdefault(name, []).append(self.macros.get(name))
                else:
                    stack = self.pushed_macros.get(name)
                    if stack:
                        saved = stack.pop()
                        if saved is None:
                            self.macros.pop(name, None)
                        else:
                            self.macros[name] = saved
            return
        self._emit_pragma([spell(line)], where)

    def _emit_pragma(self, parts: list[str], where: Token, ident: bool = False) -> None:
        text = " ".join(parts) if ident else parts[0]
        self.events.append(Token(TokenKind.PRAGMA, text, where.location, False, True,
                                 where.expansion))

    def do_pragma_operator(self, string: Token) -> None:
        """``_Pragma("...")`` (6.10.9): destringize and run as a #pragma line."""
        body = string.text
        body = body[body.index('"') + 1:-1].replace('\\"', '"').replace("\\\\", "\\")
        pieces = lex_spelling(body)
        line = [Token(kind, text, string.location, True, False, string.expansion)
                for kind, text in pieces]
        self.pragma(line, string)


def unquote(text: str) -> str:
    """The characters of a string literal (simple escapes of quote and backslash undone)."""
    body = text[text.index('"') + 1:-1]
    return body.replace('\\"', '"').replace("\\\\", "\\")

"""The preprocessor's built-in macros (C11 6.10.8 and gcc's extensions).

``__FILE__ __LINE__ __DATE__ __TIME__`` (6.10.8.1), gcc's ``__COUNTER__
__BASE_FILE__ __INCLUDE_LEVEL__ __TIMESTAMP__``, the ``#if`` operators
``defined``, ``__has_include``, ``__has_include_next``, ``__has_attribute``,
``__has_cpp_attribute``, ``__has_c_attribute``, ``__has_builtin``, and the
``_Pragma`` operator (6.10.9).  Each is a :class:`~.macros.Macro` marked
``builtin``; expanding one calls :meth:`BuiltinMacros.expand`, which reads
any operands itself and returns the replacement tokens.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from .gccbuiltins import attribute_names, builtin_names
from .tokens import Token, TokenKind

if TYPE_CHECKING:
    from .preprocessor import Preprocessor

# The standard attributes, with their dates.
STANDARD_ATTRIBUTES = {"deprecated": 201904, "fallthrough": 201904, "maybe_unused": 201904,
                       "nodiscard": 202003}

NAMES = ("__FILE__", "__LINE__", "__DATE__", "__TIME__", "__TIMESTAMP__", "__COUNTER__",
         "__BASE_FILE__", "__INCLUDE_LEVEL__", "__has_include", "__has_include_next",
         "__has_attribute", "__has_cpp_attribute", "__has_c_attribute", "__has_builtin",
         "_Pragma")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_DAYS = "Mon Tue Wed Thu Fri Sat Sun".split()


def has_attribute_names(target_name: str) -> frozenset[str]:
    return attribute_names(target_name)


def has_builtin_names(target_name: str) -> frozenset[str]:
    return builtin_names(target_name)


def quote(text: str) -> str:
    """A C string literal spelling ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class BuiltinMacros:
    """Expands the built-in macros of one Preprocessor."""

    def __init__(self, pp: Preprocessor, now: time.struct_time) -> None:
        self.pp = pp
        self.date = f'"{_MONTHS[now.tm_mon - 1]} {now.tm_mday:2d} {now.tm_year}"'
        self.time = f'"{now.tm_hour:02d}:{now.tm_min:02d}:{now.tm_sec:02d}"'
        self.attributes = has_attribute_names(pp.target.name)
        self.builtins = has_builtin_names(pp.target.name)

    @staticmethod
    def names() -> tuple[str, ...]:
        return NAMES

    def _token(self, kind: TokenKind, text: str, name: Token) -> list[Token]:
        return [Token(kind, text, name.location, name.leading_space, name.at_line_start,
                      name.expansion)]

    def expand(self, macro_name: str, name: Token) -> list[Token] | None:
        pp = self.pp
        number = TokenKind.PP_NUMBER
        string = TokenKind.STRING_LITERAL
        if macro_name == "__LINE__":
            return self._token(number, str(pp.current_line(name)), name)
        if macro_name == "__FILE__":
            return self._token(string, quote(pp.frames[-1].name), name)
        if macro_name == "__COUNTER__":
            value = pp.counter
            pp.counter += 1
            return self._token(number, str(value), name)
        if macro_name == "__DATE__":
            return self._token(string, self.date, name)
        if macro_name == "__TIME__":
            return self._token(string, self.time, name)
        if macro_name == "__TIMESTAMP__":
            return self._token(string, self._timestamp(pp.frames[-1].path), name)
        if macro_name == "__BASE_FILE__":
            return self._token(string, quote(pp.base_file), name)
        if macro_name == "__INCLUDE_LEVEL__":
            return self._token(number, str(len(pp.frames) - 1), name)
        if macro_name == "_Pragma":
            return self._pragma_operator(name)
        if macro_name == "defined":
            return self._token(number, str(int(self._defined(name))), name)
        if not pp.in_if:
            pp.diagnostics.error(f"\"{macro_name}\" used outside of preprocessing directive",
                                 name)
            return self._token(number, "0", name)
        if macro_name in ("__has_include", "__has_include_next"):
            return self._token(number, str(int(self._has_include(name))), name)
        return self._token(number, str(self._has_feature(name)), name)

    def _timestamp(self, path: str) -> str:
        try:
            t = time.localtime(os.stat(path).st_mtime)
        except OSError:
            return '"??? ??? ?? ??:??:?? ????"'
        return (f'"{_DAYS[t.tm_wday]} {_MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} '
                f'{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d} {t.tm_year}"')

    def _defined(self, name: Token) -> bool:
        pp = self.pp
        tok = pp.next_raw()
        paren = tok.text == "("
        if paren:
            tok = pp.next_raw()
        if tok.kind is not TokenKind.IDENTIFIER:
            pp.diagnostics.error("operator \"defined\" requires an identifier", tok)
            if tok.kind is not TokenKind.END_OF_FILE:
                pass
            return False
        value = tok.text in pp.macros
        if paren:
            close = pp.next_raw()
            if close.text != ")":
                pp.diagnostics.error("missing ')' after \"defined\"", close)
                pp.pending.append(close)
        if name.expansion is not None:
            pp.diagnostics.warning("this use of \"defined\" may not be portable", name,
                                   "-Wexpansion-to-defined")
        return value

    def _operand_tokens(self, name: Token) -> list[Token] | None:
        """The tokens between the parentheses after a __has_* operator."""
        pp = self.pp
        tok = pp.next_raw()
        if tok.text != "(":
            pp.diagnostics.error(f"missing '(' before \"{name.text}\" operand", tok)
            pp.pending.append(tok)
            return None
        depth = 0
        out = []
        while True:
            tok = pp.next_raw()
            if tok.kind is TokenKind.END_OF_FILE:
                pp.diagnostics.error(f"missing ')' after \"{name.text}\" operand", tok)
                pp.pending.append(tok)
                return None
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                if depth == 0:
                    return out
                depth -= 1
            out.append(tok)

    def _has_include(self, name: Token) -> bool:
        pp = self.pp
        operand = self._operand_tokens(name)
        if operand is None:
            return False
        if not operand or operand[0].kind is TokenKind.IDENTIFIER:
            operand = pp.expand_list(operand)
        if operand and operand[0].kind is TokenKind.STRING_LITERAL:
            file, angled = operand[0].text[1:-1], False
        elif operand and operand[0].text == "<" and operand[-1].text == ">":
            from .macros import spell
            file, angled = spell(operand[1:-1]), True
        else:
            pp.diagnostics.error(f"operator \"{name.text}\" requires a header-name", name)
            return False
        return pp.has_include(file, angled, name.text == "__has_include_next")

    def _has_feature(self, name: Token) -> int:
        operand = self._operand_tokens(name)
        if not operand:
            if operand is not None:
                self.pp.diagnostics.error(f"macro \"{name.text}\" requires an identifier", name)
            return 0
        what = name.text
        if what == "__has_builtin":
            return int(operand[0].text in self.builtins)
        if what == "__has_cpp_attribute":
            return 0
        words = [t.text for t in operand]
        scope = None
        if len(words) >= 4 and words[1] == words[2] == ":":   # C17 has no '::' token
            if not self.pp.gnu_mode:
                return 0                # gcc knows 'gnu::x' in C only as a GNU extension
            scope, attr = words[0], words[3]
        elif len(words) >= 3 and words[1] == "::":
            scope, attr = words[0], words[2]
        else:
            attr = words[0]
        if attr.startswith("__") and attr.endswith("__") and len(attr) > 4:
            attr = attr[2:-2]
        if scope is None:
            if attr in STANDARD_ATTRIBUTES:
                return STANDARD_ATTRIBUTES[attr]
            if what == "__has_c_attribute":
                return 0
            return int(attr in self.attributes)
        if scope in ("gnu", "__gnu__"):
            return int(attr in self.attributes)
        return 0

    def _pragma_operator(self, name: Token) -> list[Token] | None:
        pp = self.pp
        if pp.in_if:
            pp.diagnostics.error("_Pragma takes a parenthesized string literal", name)
            return []
        tokens = self._operand_tokens(name)
        if tokens is None or len(tokens) != 1 or tokens[0].kind is not TokenKind.STRING_LITERAL:
            pp.diagnostics.error("_Pragma takes a parenthesized string literal", name)
            return []
        pp.do_pragma_operator(tokens[0])
        return []

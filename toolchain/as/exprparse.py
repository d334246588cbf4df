"""Parsing GNU as expressions out of a line of assembly text.

``ExprParser`` reads from a string at a position and returns an :mod:`expr`
tree and the position after it, so operand parsers (which know where an
expression may end: at ``(``, ``,`` or ``]``) and directive parsers share one
grammar::

    expression := unary (binop unary)*            -- precedence climbing
    unary      := ('-' | '~' | '!' | '+') unary | primary
    primary    := number | char | symbol ['@' SPEC] | '(' expression ')'
                | '[' expression ']'              -- same as parentheses
                | numeric-label-ref ('1b', '2f') | '.'
                | '%' SPEC '(' expression ')'     -- RISC-V operators
                | ':' SPEC ':' primary            -- AArch64 operators

Names that need the streamer -- ``.``, numeric local labels -- are resolved
through callbacks so the parser stays free of layout state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..common.diagnostics import SourceLocation, ToolchainError
from .expr import BINARY_PRECEDENCE, Binary, Constant, Expr, SymbolRef, Unary, fold_constant

SYMBOL_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.$")
SYMBOL_CHARS = SYMBOL_START | frozenset("0123456789")

# Two-character operators first so that '<<' is not read as '<'.
_BINARY_OPERATORS = sorted(BINARY_PRECEDENCE, key=len, reverse=True)
_OPERATOR_FIRST = frozenset(op[0] for op in _BINARY_OPERATORS)


@dataclass
class ExprParser:
    """Expression reader for one source line.

    ``current_location`` returns the name of a temporary label placed at the
    current position (for ``.``); ``local_label`` maps a numeric label
    reference (``1b`` -> (1, 'b')) to the name of the label it designates.
    ``symbol_specifiers`` enables ``sym@SPEC`` (x86); ``percent_specifiers``
    enables ``%spec(expr)`` (RISC-V); ``colon_specifiers`` enables
    ``:spec:expr`` (AArch64).  ``operator_words`` are names that are binary
    operators, not symbols (x86 Intel syntax's ``eq``, ``and``, ``mod``...).
    ``absolute_value`` gives the value of a symbol already set to a constant
    (``.set N, 5``): GNU as's expr.c reads such a symbol as that number, which
    decides encodings (``addl $N, %eax`` takes an imm8).
    """

    text: str
    location: SourceLocation
    current_location: Callable[[], str] | None = None
    local_label: Callable[[int, str], str] | None = None
    symbol_specifiers: bool = False
    percent_specifiers: bool = False
    colon_specifiers: bool = False
    operator_words: frozenset[str] = frozenset()   # x86 Intel syntax: and, eq, mod ...
    absolute_value: Callable[[str], int | None] | None = None

    def error(self, message: str) -> ToolchainError:
        return ToolchainError(message, self.location)

    def skip_space(self, pos: int) -> int:
        text = self.text
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        return pos

    def parse(self, pos: int = 0) -> tuple[Expr, int]:
        """Parse one expression starting at ``pos``; returns (tree, end position)."""
        return self._binary(pos, 1)

    def parse_all(self, pos: int = 0) -> Expr:
        """Parse an expression that must extend to the end of the text."""
        e, pos = self.parse(pos)
        pos = self.skip_space(pos)
        if pos != len(self.text):
            raise self.error(f"junk '{self.text[pos:]}' after expression")
        return e

    # expression := unary (binop unary)*
    def _binary(self, pos: int, min_prec: int) -> tuple[Expr, int]:
        left, pos = self._unary(pos)
        while True:
            pos = self.skip_space(pos)
            op = self._peek_operator(pos)
            if op is None or BINARY_PRECEDENCE[op] < min_prec:
                return left, pos
            right, pos = self._binary(pos + len(op), BINARY_PRECEDENCE[op] + 1)
            left = Binary(op, left, right)

    def _peek_operator(self, pos: int) -> str | None:
        if pos >= len(self.text) or self.text[pos] not in _OPERATOR_FIRST:
            return None
        for op in _BINARY_OPERATORS:
            if self.text.startswith(op, pos):
                # '!' alone is "or not" only in infix position; '!=' handled first.
                return op
        return None

    # unary := ('-' | '~' | '!' | '+') unary | primary
    def _unary(self, pos: int) -> tuple[Expr, int]:
        pos = self.skip_space(pos)
        if pos < len(self.text) and self.text[pos] in "-~!+":
            op = self.text[pos]
            operand, pos = self._unary(pos + 1)
            if op == "+":
                return operand, pos
            if isinstance(operand, Constant):
                from .expr import apply_unary
                return Constant(apply_unary(op, operand.value)), pos
            return Unary(op, operand), pos
        return self._primary(pos)

    def _primary(self, pos: int) -> tuple[Expr, int]:
        text = self.text
        pos = self.skip_space(pos)
        if pos >= len(text):
            raise self.error("missing expression")
        c = text[pos]
        if c == "(" or c == "[":         # GNU as: brackets group like parentheses
            e, pos = self._binary(pos + 1, 1)
            pos = self.skip_space(pos)
            close = ")" if c == "(" else "]"
            if pos >= len(text) or text[pos] != close:
                raise self.error(f"missing '{close}'")
            return e, pos + 1
        if c.isdigit():
            return self._number(pos)
        if c == "'":
            return self._char(pos)
        if c == '"':
            name, pos = self._quoted_symbol(pos)
            return self._specifier(SymbolRef(name), pos)
        if c == "%" and self.percent_specifiers:
            return self._percent(pos)
        if c == ":" and self.colon_specifiers:
            return self._colon(pos)
        if c in SYMBOL_START:
            end = pos + 1
            while end < len(text) and text[end] in SYMBOL_CHARS:
                end += 1
            name = text[pos:end]
            if self.operator_words and name.lower() in self.operator_words:
                raise self.error(f'invalid use of operator "{name}"')
            if name == "." and self.current_location is not None:
                return SymbolRef(self.current_location()), end
            ref, end = self._specifier(SymbolRef(name), end)
            if self.absolute_value is not None and isinstance(ref, SymbolRef) \
                    and ref.specifier is None:
                known = self.absolute_value(name)
                if known is not None:
                    return Constant(known), end
            return ref, end
        raise self.error(f"bad expression at '{text[pos:]}'")

    def _specifier(self, ref: SymbolRef, pos: int) -> tuple[Expr, int]:
        text = self.text
        if self.symbol_specifiers and pos < len(text) and text[pos] == "@":
            end = pos + 1
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            if end == pos + 1:
                raise self.error("missing relocation specifier after '@'")
            return SymbolRef(ref.name, text[pos + 1:end]), end
        return ref, pos

    def _number(self, pos: int) -> tuple[Expr, int]:
        text = self.text
        end = pos
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        word = text[pos:end]
        # Numeric local label reference: 1b, 23f.
        if self.local_label is not None and len(word) > 1 and word[-1] in "bf" \
                and word[:-1].isdigit():
            return SymbolRef(self.local_label(int(word[:-1]), word[-1])), end
        try:
            lower = word.lower()
            if lower.startswith("0x"):
                value = int(lower[2:], 16)
            elif lower.startswith("0b"):
                value = int(lower[2:], 2)
            elif len(word) > 1 and word[0] == "0":
                value = int(word, 8)
            else:
                value = int(word, 10)
        except ValueError:
            raise self.error(f"bad number '{word}'") from None
        return Constant(value), end

    def _char(self, pos: int) -> tuple[Expr, int]:
        # GNU as: 'c is the character's code; a closing quote is optional.
        text = self.text
        if pos + 1 >= len(text):
            raise self.error("missing character after '")
        if text[pos + 1] == "\\":
            value, end = decode_escape(text, pos + 2, self.location)
        else:
            value, end = ord(text[pos + 1]), pos + 2
        if end < len(text) and text[end] == "'":
            end += 1
        return Constant(value), end

    def _quoted_symbol(self, pos: int) -> tuple[str, int]:
        end = self.text.find('"', pos + 1)
        if end < 0:
            raise self.error("missing closing '\"' in symbol name")
        return self.text[pos + 1:end], end + 1

    def _percent(self, pos: int) -> tuple[Expr, int]:
        text = self.text
        end = pos + 1
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        spec = text[pos + 1:end]
        end = self.skip_space(end)
        if end >= len(text) or text[end] != "(":
            raise self.error(f"missing '(' after %{spec}")
        inner, end = self._binary(end + 1, 1)
        end = self.skip_space(end)
        if end >= len(text) or text[end] != ")":
            raise self.error("missing ')'")
        return _attach_specifier(inner, spec, self), end + 1

    def _colon(self, pos: int) -> tuple[Expr, int]:
        text = self.text
        end = text.find(":", pos + 1)
        if end < 0:
            raise self.error("missing ':' after relocation operator")
        spec = text[pos + 1:end]
        inner, end = self._binary(end + 1, 1)
        return _attach_specifier(inner, spec, self), end


def _attach_specifier(e: Expr, spec: str, parser: ExprParser) -> Expr:
    """Put ``spec`` on the symbol of ``sym``, ``sym+c`` or ``sym-c``."""
    if isinstance(e, SymbolRef) and e.specifier is None:
        return SymbolRef(e.name, spec)
    if isinstance(e, Binary) and e.op in "+-" and isinstance(e.left, SymbolRef) \
            and e.left.specifier is None:
        return Binary(e.op, SymbolRef(e.left.name, spec), e.right)
    if isinstance(e, Constant):
        return Binary("+", SymbolRef("", spec), e)  # absolute value with an operator
    value = fold_constant(e)
    if value is not None:                   # %hi(BASE+0x800) with BASE set to a number
        return Binary("+", SymbolRef("", spec), Constant(value))
    raise parser.error(f"relocation operator '{spec}' needs a symbol")


# GNU as's escapes; any other escaped character stands for itself (so \a
# and \e are 'a' and 'e', unlike C).
_SIMPLE_ESCAPES = {"n": 10, "t": 9, "r": 13, "b": 8, "f": 12, "v": 11,
                   "\\": 92, "'": 39, '"': 34}


def decode_escape(text: str, pos: int, location: SourceLocation) -> tuple[int, int]:
    """Decode the escape after a backslash at ``pos``; returns (code, end)."""
    if pos >= len(text):
        raise ToolchainError("backslash at end of line", location)
    c = text[pos]
    if c in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[c], pos + 1
    if c in "xX":
        end = pos + 1
        while end < len(text) and text[end] in "0123456789abcdefABCDEF":
            end += 1
        if end == pos + 1:
            raise ToolchainError("missing hex digits after \\x", location)
        return int(text[pos + 1:end], 16) & 0xFF, end
    if c in "01234567":
        end = pos
        while end < len(text) and end < pos + 3 and text[end] in "01234567":
            end += 1
        return int(text[pos:end], 8) & 0xFF, end
    return ord(c), pos + 1

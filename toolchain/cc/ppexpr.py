"""``#if`` expressions (C11 6.10.1): integer arithmetic in intmax_t/uintmax_t.

The directive's tokens arrive here after macro replacement, with ``defined``
and the ``__has_*`` operators already replaced by 0 or 1 and every remaining
identifier standing for 0.  Each value is a (value, is-unsigned) pair kept in
64 bits; the usual arithmetic conversions make a result unsigned when either
operand is.  ``&&``, ``||`` and ``?:`` evaluate only what they must: a
division by zero in the unevaluated arm is no error, as gcc agrees.

The parser is precedence climbing over the binary operators of 6.5.5-6.5.14,
with unary operators and the conditional operator handled on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..common.diagnostics import ToolchainError
from .tokens import Token, TokenKind

MASK = (1 << 64) - 1
SIGN = 1 << 63

# binary operator -> precedence (higher binds tighter)
_BINARY = {
    "*": 10, "/": 10, "%": 10, "+": 9, "-": 9, "<<": 8, ">>": 8,
    "<": 7, ">": 7, "<=": 7, ">=": 7, "==": 6, "!=": 6,
    "&": 5, "^": 4, "|": 3, "&&": 2, "||": 1,
}
_INTEGER = re.compile(r"(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([uUlLiIjJ]*)$")
_SIMPLE_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "e": 27,
                   "E": 27, "\\": 92, "'": 39, '"': 34, "?": 63}


class ExpressionError(ToolchainError):
    """A malformed ``#if`` expression; ``token`` is where gcc would point."""

    def __init__(self, message: str, token: Token | None):
        super().__init__(message, token.location if token is not None else None)
        self.token = token


@dataclass(frozen=True)
class CharacterModel:
    """What character constants mean on the target."""

    char_is_signed: bool = True
    wchar_bits: int = 32
    wchar_is_signed: bool = True


def to_signed(value: int) -> int:
    value &= MASK
    return value - (1 << 64) if value & SIGN else value


def evaluate(tokens: list[Token], chars: CharacterModel, report_warning=None) -> bool:
    """Evaluate a ``#if`` line; True when the group is to be kept."""
    if not tokens:
        raise ExpressionError("#if with no expression", None)
    parser = _Parser(tokens, chars, report_warning)
    value, _ = parser.conditional(True)
    if parser.pos < len(tokens):
        tok = tokens[parser.pos]
        if tok.text == ")":
            raise ExpressionError("missing '(' in expression", tok)
        if tok.text == ":":
            raise ExpressionError("':' without preceding '?'", tok)
        raise ExpressionError(f"missing binary operator before token \"{tok.text}\"", tok)
    return value != 0


class _Parser:
    def __init__(self, tokens: list[Token], chars: CharacterModel, report_warning) -> None:
        self.tokens = tokens
        self.pos = 0
        self.chars = chars
        self.report_warning = report_warning

    def peek(self) -> str | None:
        return self.tokens[self.pos].text if self.pos < len(self.tokens) else None

    def conditional(self, live: bool) -> tuple[int, bool]:
        cond, cond_unsigned = self.binary(1, live)
        if self.peek() != "?":
            return cond, cond_unsigned
        question = self.tokens[self.pos]
        self.pos += 1
        taken = cond != 0
        a, a_unsigned = self.conditional(live and taken)
        if self.peek() != ":":
            raise ExpressionError("'?' without following ':'", question)
        self.pos += 1
        b, b_unsigned = self.conditional(live and not taken)
        unsigned = a_unsigned or b_unsigned
        value = a if taken else b
        return (value & MASK if unsigned else value), unsigned

    def binary(self, min_prec: int, live: bool) -> tuple[int, bool]:
        lhs, lhs_unsigned = self.unary(live)
        while True:
            op = self.peek()
            prec = _BINARY.get(op) if op is not None else None
            if prec is None or prec < min_prec:
                return lhs, lhs_unsigned
            op_token = self.tokens[self.pos]
            self.pos += 1
            if op == "&&":
                rhs, _ = self.binary(prec + 1, live and lhs != 0)
                lhs, lhs_unsigned = int(lhs != 0 and rhs != 0), False
                continue
            if op == "||":
                rhs, _ = self.binary(prec + 1, live and lhs == 0)
                lhs, lhs_unsigned = int(lhs != 0 or rhs != 0), False
                continue
            rhs, rhs_unsigned = self.binary(prec + 1, live)
            lhs, lhs_unsigned = self.apply(op, op_token, lhs, lhs_unsigned, rhs, rhs_unsigned,
                                           live)

    def apply(self, op: str, token: Token, a: int, au: bool, b: int, bu: bool,
              live: bool) -> tuple[int, bool]:
        unsigned = au or bu
        if op in ("<<", ">>"):
            unsigned = au               # shifts take the left operand's type
        if unsigned:
            a &= MASK
            b = b & MASK if op not in ("<<", ">>") else b
        if op == "*":
            r = a * b
        elif op in ("/", "%"):
            if b == 0:
                if live:
                    raise ExpressionError("division by zero in #if", token)
                return 0, unsigned
            if unsigned:
                r = a // b if op == "/" else a % b
            else:
                q = abs(a) // abs(b)
                if (a < 0) != (b < 0):
                    q = -q
                r = q if op == "/" else a - q * b
        elif op == "+":
            r = a + b
        elif op == "-":
            r = a - b
        elif op in ("<<", ">>"):
            count = to_signed(b) if not bu else b
            if count < 0:
                count, op = -count, (">>" if op == "<<" else "<<")
            if op == "<<":
                r = a << count if count < 64 else 0
            else:
                r = a >> count if count < 64 else (-1 if (a < 0 and not unsigned) else 0)
        elif op in ("<", ">", "<=", ">=", "==", "!="):
            r = int({"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b,
                     "==": a == b, "!=": a != b}[op])
            return r, False
        elif op == "&":
            r = a & b
        elif op == "^":
            r = a ^ b
        else:
            r = a | b
        if unsigned:
            return r & MASK, True
        if live and op in ("*", "+", "-") and not -SIGN <= r < SIGN and self.report_warning:
            self.report_warning("integer overflow in preprocessor expression", token)
        return to_signed(r), False

    def unary(self, live: bool) -> tuple[int, bool]:
        if self.pos >= len(self.tokens):
            last = self.tokens[-1] if self.tokens else None
            raise ExpressionError("#if with no expression" if last is None else
                                  f"operator '{last.text}' has no right operand", last)
        tok = self.tokens[self.pos]
        self.pos += 1
        text = tok.text
        if text == "(":
            value = self.conditional(live)
            if self.peek() != ")":
                raise ExpressionError("missing ')' in expression", tok)
            self.pos += 1
            return value
        if text in ("+", "-", "~", "!"):
            value, unsigned = self.unary(live)
            if text == "-":
                value = -value
            elif text == "~":
                value = ~value
            elif text == "!":
                return int(value == 0), False
            return (value & MASK, True) if unsigned else (to_signed(value), False)
        if tok.kind is TokenKind.PP_NUMBER:
            return self.number(tok)
        if tok.kind is TokenKind.CHARACTER_CONSTANT:
            return self.character(tok)
        if tok.kind is TokenKind.IDENTIFIER:
            return 0, False             # identifiers left after replacement are 0
        if tok.kind is TokenKind.STRING_LITERAL:
            raise ExpressionError(f"token \"{text}\" is not valid in preprocessor expressions",
                                  tok)
        if text in _BINARY or text in ("?", ":", ")"):
            raise ExpressionError(f"operator '{text}' has no left operand", tok)
        raise ExpressionError(f"token \"{text}\" is not valid in preprocessor expressions", tok)

    def number(self, tok: Token) -> tuple[int, bool]:
        text = tok.text.replace("'", "")
        m = _INTEGER.match(text)
        if m is None:
            if re.match(r"([0-9]*\.|[0-9]+[eE]|0[xX].*[pP])", text):
                raise ExpressionError("floating constant in preprocessor expression", tok)
            raise ExpressionError(f"invalid integer constant in #if: \"{tok.text}\"", tok)
        digits, suffix = m.groups()
        lower = suffix.lower()
        if lower and lower.replace("ll", "l") not in ("u", "l", "ul", "lu", "", "i", "j") \
                and lower not in ("ull", "llu"):
            raise ExpressionError(f"invalid suffix \"{suffix}\" on integer constant", tok)
        if digits[:2] in ("0x", "0X"):
            value = int(digits[2:], 16)
        elif digits[:2] in ("0b", "0B"):
            value = int(digits[2:], 2)
        elif digits.startswith("0"):
            if any(c in "89" for c in digits):
                raise ExpressionError(f"invalid digit \"{max(digits)}\" in octal constant", tok)
            value = int(digits, 8)
        else:
            value = int(digits)
        unsigned = "u" in lower
        if value > MASK:
            if self.report_warning:
                self.report_warning("integer constant is too large for its type", tok)
            value &= MASK
        if value & SIGN and not unsigned:
            unsigned = True             # too big for intmax_t: gcc makes it unsigned
            if self.report_warning and digits[0] != "0":
                self.report_warning("integer constant is so large that it is unsigned", tok)
        return value, unsigned

    def character(self, tok: Token) -> tuple[int, bool]:
        text = tok.text
        prefix = text[:text.index("'")]
        values = decode_char_body(text[len(prefix) + 1:-1], tok)
        if not values:
            raise ExpressionError("empty character constant", tok)
        if prefix in ("L", "u", "U"):
            bits = {"L": self.chars.wchar_bits, "u": 16, "U": 32}[prefix]
            value = values[-1] & ((1 << bits) - 1)
            if prefix == "L" and self.chars.wchar_is_signed and value & (1 << (bits - 1)):
                value -= 1 << bits
            return value, False
        if len(values) == 1:
            value = values[0] & 0xFF
            if self.chars.char_is_signed and value & 0x80 and prefix != "u8":
                value -= 0x100
            return value, False
        value = 0                        # multi-character constant: gcc packs bytes into an int
        for v in values:
            value = ((value << 8) | (v & 0xFF)) & 0xFFFFFFFF
        if value & 0x80000000:
            value -= 1 << 32
        return value, False


def decode_char_body(body: str, tok: Token | None = None) -> list[int]:
    """The code values of the characters between the quotes of a literal."""
    values = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != "\\":
            encoded = c.encode("utf-8", "surrogateescape")
            values.extend(encoded) if len(encoded) > 1 else values.append(ord(c))
            i += 1
            continue
        i += 1
        if i >= n:
            break
        c = body[i]
        if c in _SIMPLE_ESCAPES:
            values.append(_SIMPLE_ESCAPES[c])
            i += 1
        elif c in "01234567":
            j = i
            while j < n and j < i + 3 and body[j] in "01234567":
                j += 1
            values.append(int(body[i:j], 8))
            i = j
        elif c == "x":
            j = i + 1
            while j < n and body[j] in "0123456789abcdefABCDEF":
                j += 1
            values.append(int(body[i + 1:j], 16) if j > i + 1 else 0)
            i = j
        elif c in "uU":
            width = 4 if c == "u" else 8
            values.append(int(body[i + 1:i + 1 + width] or "0", 16))
            i += 1 + width
        else:
            values.append(ord(c))
            i += 1
    return values

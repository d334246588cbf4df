"""Translation phases 5-7 for single tokens: pp-numbers become integer or
floating constants (C11 6.4.4.1-2), character constants get their values
(6.4.4.4), string literals their code units (6.4.5), and identifiers that
spell keywords become keywords (6.4.1, plus GCC's).

Each function returns plain values and a type from the target's
:class:`~toolchain.cc.ctypes.TypeSystem`; a malformed token raises
:class:`LiteralError` with gcc's message, which the parser reports at the
token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from .ctypes import CType, FloatType, IntegerType, TypeSystem

KEYWORDS = frozenset("""
auto break case char const continue default do double else enum extern float for goto if
inline int long register restrict return short signed sizeof static struct switch typedef
union unsigned void volatile while _Alignas _Alignof _Atomic _Bool _Complex _Generic
_Imaginary _Noreturn _Static_assert _Thread_local
__attribute__ __attribute __extension__ __typeof__ __typeof typeof __auto_type __asm__ __asm
asm __inline__ __inline __restrict__ __restrict __volatile__ __volatile __const__ __const
__signed__ __signed __alignof__ __alignof __int128 __int128_t __uint128_t __label__ __real__
__real __imag__ __imag __complex__ __complex __thread _Decimal32 _Decimal64 _Decimal128 _Float32 _Float64 _Float128 _Float32x _Float64x
__float128 __builtin_va_arg __builtin_offsetof __builtin_types_compatible_p
__builtin_choose_expr __builtin_va_list
""".split())

# GNU alternate spellings -> the standard keyword they mean.
KEYWORD_ALIASES = {
    "__attribute": "__attribute__", "__typeof__": "typeof", "__typeof": "typeof",
    "__asm__": "asm", "__asm": "asm", "__inline__": "inline", "__inline": "inline",
    "__restrict__": "restrict", "__restrict": "restrict", "__volatile__": "volatile",
    "__volatile": "volatile", "__const__": "const", "__const": "const",
    "__signed__": "signed", "__signed": "signed", "__alignof__": "_Alignof",
    "__alignof": "_Alignof", "__real": "__real__", "__imag": "__imag__",
    "__complex__": "_Complex", "__complex": "_Complex", "__thread": "_Thread_local",
}

# Keywords gcc does not accept in strict ISO mode (-std=c11 etc.).
GNU_ONLY_KEYWORDS = frozenset({"typeof", "asm", "inline_gnu89"})


class LiteralError(Exception):
    """A malformed constant; the message is gcc's."""

    def __init__(self, message: str, warning: bool = False):
        super().__init__(message)
        self.message = message
        self.warning = warning


@dataclass(frozen=True)
class Constant:
    value: int | float | complex
    type: CType
    warnings: tuple[str, ...] = ()


_INT_RE = re.compile(r"(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)([a-zA-Z_0-9]*)\Z")
_DEC_FLOAT_RE = re.compile(r"((?:[0-9]*\.[0-9]+|[0-9]+\.?)(?:[eE][+-]?[0-9]+)?)([a-zA-Z_0-9]*)\Z")
_HEX_FLOAT_RE = re.compile(r"0[xX]((?:[0-9a-fA-F]*\.[0-9a-fA-F]+|[0-9a-fA-F]+\.?))[pP]([+-]?[0-9]+)"
                           r"([a-zA-Z_0-9]*)\Z")


def is_floating_pp_number(text: str) -> bool:
    if text[:2] in ("0x", "0X"):
        return "." in text or "p" in text or "P" in text
    return "." in text or (("e" in text or "E" in text) and not text[:2] in ("0b", "0B"))


def numeric_constant(text: str, types: TypeSystem) -> Constant:
    """The value and type of a pp-number (6.4.4.1, 6.4.4.2)."""
    if is_floating_pp_number(text):
        return floating_constant(text, types)
    return integer_constant(text, types)


def integer_constant(text: str, types: TypeSystem) -> Constant:
    m = _INT_RE.match(text)
    octal = re.match(r"0[0-9]+\Z", text)
    if octal and re.search("[89]", text):
        raise LiteralError(f'invalid digit "{max(text)}" in octal constant')
    if not m:
        if re.match(r"0[0-7]*[89]", text) and text.isdigit():
            raise LiteralError(f'invalid digit "{next(c for c in text if c in "89")}" in octal constant')
        if text[:2] in ("0x", "0X") and len(text) == 2:
            raise LiteralError(f'invalid suffix "{text[1:]}" on integer constant')
        digits = re.match(r"(0[xX][0-9a-fA-F]*|0[bB][01]*|[0-9]+)", text)
        suffix = text[digits.end():] if digits else text
        raise LiteralError(f'invalid suffix "{suffix}" on integer constant')
    digits, suffix = m.groups()
    if digits[:2] in ("0x", "0X"):
        value, decimal = int(digits[2:], 16), False
    elif digits[:2] in ("0b", "0B"):
        value, decimal = int(digits[2:], 2), False
    elif digits.startswith("0") and len(digits) > 1:
        value, decimal = int(digits, 8), False
    else:
        value, decimal = int(digits), True
    low = suffix.lower()
    imaginary = False
    if low and low[-1] in "ij":
        imaginary, low = True, low[:-1]
    if low and low[0] in "ij":
        imaginary, low = True, low[1:]
    unsigned = "u" in low
    rest = low.replace("u", "", 1)
    if low.count("u") > 1 or rest not in ("", "l", "ll") or \
            (rest == "ll" and "ll" not in suffix.replace("LL", "ll")):
        raise LiteralError(f'invalid suffix "{suffix}" on integer constant')
    if rest == "":
        candidates = [types.int, types.long, types.llong] if decimal and not unsigned else None
        if unsigned:
            candidates = [types.uint, types.ulong, types.ullong]
        elif not decimal:
            candidates = [types.int, types.uint, types.long, types.ulong, types.llong, types.ullong]
    elif rest == "l":
        candidates = ([types.ulong, types.ullong] if unsigned else
                      [types.long, types.llong] if decimal else
                      [types.long, types.ulong, types.llong, types.ullong])
    else:
        candidates = ([types.ullong] if unsigned else [types.llong] if decimal else
                      [types.llong, types.ullong])
    warnings: list[str] = []
    chosen: IntegerType | None = None
    for t in candidates:
        if value <= t.max_value:
            chosen = t
            break
    if chosen is None:
        if value <= types.ullong.max_value:
            chosen = types.ullong
            warnings.append("integer constant is so large that it is unsigned")
        else:
            chosen = types.uint128 if types.data_model.has_int128 else types.ullong
            warnings.append("integer constant is too large for its type")
            value &= chosen.max_value
    if imaginary:
        return Constant(complex(0, value), types.complex(types.double), tuple(warnings))
    return Constant(value, chosen, tuple(warnings))


class ExactFloat(float):
    """A floating constant wider than double (``long double``, ``_Float128``):
    the nearest double, as every float, plus ``exact``, the literal's exact
    rational value, from which the back ends round to x87 extended or binary128
    (lower/types.py: exact_bits) instead of through double."""

    __slots__ = ("exact",)

    def __new__(cls, exact: Fraction):
        try:
            approximation = float(exact)
        except OverflowError:
            approximation = float("inf") if exact > 0 else float("-inf")
        value = super().__new__(cls, approximation)
        value.exact = exact
        return value

    def __neg__(self) -> "ExactFloat":
        return ExactFloat(-self.exact) if self.exact else float.__neg__(self)

    def __pos__(self) -> "ExactFloat":
        return self


def floating_constant(text: str, types: TypeSystem) -> Constant:
    m = _HEX_FLOAT_RE.match(text)
    if m:
        mantissa, exponent, suffix = m.groups()
        whole, _, frac = mantissa.partition(".")
        exact = Fraction(int((whole or "0") + frac, 16)) * Fraction(2) ** (int(exponent) - 4 * len(frac))
        try:
            value = float(exact)
        except OverflowError:
            value = float("inf")
    else:
        m = _DEC_FLOAT_RE.match(text)
        if not m:
            if text[:2] in ("0x", "0X") and "." in text:
                raise LiteralError("hexadecimal floating constants require an exponent")
            if re.match(r"[0-9.]*[eE][+-]?\Z", text) or re.match(r"[0-9.]*[eE][+-]?[^0-9]", text):
                raise LiteralError(f'exponent has no digits')
            digits = re.match(r"[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?", text)
            raise LiteralError(f'invalid suffix "{text[digits.end():]}" on floating constant')
        number, suffix = m.groups()
        value = float(number)
        exact = None
    low = suffix.lower()
    imaginary = False
    if low and low[-1] in "ij":
        imaginary, low = True, low[:-1]
    if low and low[0] in "ij":
        imaginary, low = True, low[1:]
    table: dict[str, FloatType] = {"": types.double, "f": types.float, "l": types.long_double,
                                   "f32": types.float, "f64": types.double, "f32x": types.double,
                                   "f64x": types.long_double, "f128": types.float128,
                                   "q": types.float128, "w": types.long_double,
                                   "df": types.float, "dd": types.double, "dl": types.float128}
    if low not in table:
        raise LiteralError(f'invalid suffix "{suffix}" on floating constant')
    t = table[low]
    if t.size > types.double.size and not imaginary:
        if exact is None:
            exact = Fraction(number)
        value = ExactFloat(exact)
    if t is types.float:
        import struct
        try:
            value = struct.unpack("f", struct.pack("f", value))[0]
        except OverflowError:
            value = float("inf")
    if imaginary:
        return Constant(complex(0, value), types.complex(t))
    return Constant(value, t)


_SIMPLE_ESCAPES = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "e": 27, "E": 27,
                   "\\": 92, "'": 39, '"': 34, "?": 63}

_PREFIXES = ("u8", "u", "U", "L", "")


def split_prefix(text: str) -> tuple[str, str]:
    """(encoding prefix, body between the quotes); a GNU raw string's body
    (R"delim(...)delim") comes back with its backslashes escaped."""
    quote = text.find('"')
    if quote > 0 and text[quote - 1] == "R":        # the lexer only makes these in GNU modes
        open_paren = text.index("(", quote)
        body = text[open_paren + 1:len(text) - (open_paren - quote + 1)]
        return text[:quote - 1], body.replace("\\", "\\\\")
    for prefix in _PREFIXES:
        if text.startswith(prefix) and text[len(prefix):len(prefix) + 1] in ("'", '"'):
            return prefix, text[len(prefix) + 1:-1]
    return "", text[1:-1]


def _unit_bits(prefix: str, types: TypeSystem) -> int:
    return {"": 8, "u8": 8, "u": 16, "U": 32, "L": types.wchar_t.size * 8}[prefix]


def decode_units(body: str, prefix: str, types: TypeSystem) -> list[int]:
    """The code units a literal's body stands for (escapes applied; UTF-8 / UTF-16 / UTF-32)."""
    bits = _unit_bits(prefix, types)
    mask = (1 << bits) - 1
    units: list[int] = []

    def add_char(code: int) -> None:
        if bits == 8 and 0xDC80 <= code <= 0xDCFF:      # a source byte that was not UTF-8
            units.append(code - 0xDC00)
        elif bits == 8:
            units.extend(chr(code).encode("utf-8", "surrogatepass"))
        elif bits == 16 and code > 0xFFFF:
            code -= 0x10000
            units.extend((0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
        else:
            units.append(code)

    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != "\\":
            add_char(ord(c))
            i += 1
            continue
        i += 1
        if i >= n:
            raise LiteralError("missing terminating ' character")
        c = body[i]
        if c in _SIMPLE_ESCAPES:
            units.append(_SIMPLE_ESCAPES[c])
            i += 1
        elif c in "01234567":
            j = i
            while j < n and j < i + 3 and body[j] in "01234567":
                j += 1
            value = int(body[i:j], 8)
            if value > mask:
                raise LiteralError("octal escape sequence out of range")
            units.append(value)
            i = j
        elif c == "x":
            j = i + 1
            while j < n and body[j] in "0123456789abcdefABCDEF":
                j += 1
            if j == i + 1:
                raise LiteralError("\\x used with no following hex digits")
            value = int(body[i + 1:j], 16)
            if value > mask:
                raise LiteralError("hex escape sequence out of range")
            units.append(value)
            i = j
        elif c in "uU":
            length = 4 if c == "u" else 8
            digits = body[i + 1:i + 1 + length]
            if len(digits) != length or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise LiteralError(f"incomplete universal character name \\{c}{digits}")
            add_char(int(digits, 16))
            i += 1 + length
        else:
            # gcc: warning "unknown escape sequence: '\%c'"; keep the character.
            units.append(ord(c))
            i += 1
    return units


def character_constant(text: str, types: TypeSystem) -> Constant:
    """The value and type of a character constant (6.4.4.4)."""
    prefix, body = split_prefix(text)
    if body == "":
        raise LiteralError("empty character constant")
    units = decode_units(body, prefix, types)
    warnings: list[str] = []
    if prefix == "":
        if len(units) == 1:
            value = units[0]
            if types.char.signed and value > 127:
                value -= 256
            return Constant(value, types.int)
        value = 0
        for u in units:
            value = (value << 8) | u
        if len(units) > types.int.size:
            warnings.append("character constant too long for its type")
        else:
            warnings.append("multi-character character constant")
        value &= 0xFFFFFFFF
        if value > types.int.max_value:
            value -= 1 << 32
        return Constant(value, types.int, tuple(warnings))
    t = {"u8": types.uchar, "u": types.char16_t, "U": types.char32_t, "L": types.wchar_t}[prefix]
    if len(units) > 1:
        warnings.append("character constant too long for its type")
    value = units[-1]
    if t.signed and value > t.max_value:
        value -= 1 << (t.size * 8)
    return Constant(value, t, tuple(warnings))


def string_element_type(prefix: str, types: TypeSystem) -> IntegerType:
    return {"": types.char, "u8": types.char, "u": types.char16_t, "U": types.char32_t,
            "L": types.wchar_t}[prefix]


def concatenate_strings(texts: list[str], types: TypeSystem) -> tuple[str, list[int]]:
    """Phase 6: adjacent string literals as one (prefix, code units without the final 0)."""
    prefix = ""
    for text in texts:
        p, _ = split_prefix(text)
        if p and prefix and p != prefix:
            raise LiteralError("unsupported non-standard concatenation of string literals")
        if p:
            prefix = p
    units: list[int] = []
    for text in texts:
        _, body = split_prefix(text)
        units.extend(decode_units(body, prefix, types))
    return prefix, units

"""GNU as data directives: integers, strings, floats, LEB128, fills, ``.incbin``.

Constant values are packed here and handed to the streamer as bytes (one call
for a whole ``.byte 1, 2, 3``); values that name symbols go to
``emit_value``/``emit_leb128`` for the streamer to resolve or relocate.  Sizes
follow GNU as on the target (``.word`` is 2 bytes on x86, 4 elsewhere).
Integer truncation warns with GNU as's words and conditions; floats are IEEE
little-endian with GNU as's NaN (every fraction bit set).
"""

from __future__ import annotations

import math
import struct
from typing import TYPE_CHECKING, Callable

from ..common.diagnostics import SourceLocation, ToolchainError
from ..common.leb128 import leb128_bytes
from .directives import ArgReader, string_text
from .expr import Expr

if TYPE_CHECKING:
    from .parser import Parser



def _item_missing(args: ArgReader) -> bool:
    c = args.peek()
    return c == "," or c == ""


def emit_data(p: "Parser", text: str, loc: SourceLocation, nbytes: int) -> None:
    """.byte/.short/.long/.quad...: expressions (and strings) separated by commas."""
    args = ArgReader(p, text, loc)
    if args.at_end():
        return
    streamer = p.streamer
    packed = bytearray()
    limit = 1 << (8 * nbytes)
    while True:
        if _item_missing(args):
            p.warning("zero assumed for missing expression", loc)
            values: list = [0]
        elif args.peek() == '"':
            values = list(args.string())
        else:
            values = [args.expression()]
        for value in values:
            if isinstance(value, Expr):
                if p.state.intel:               # x86 Intel: gas simplifies data as operands
                    streamer.note_intel_expression(value)
                v = p.absolute_if_constant(value)
                if v is None:
                    if packed:
                        streamer.emit_bytes(bytes(packed), loc)
                        packed.clear()
                    streamer.emit_value(value, nbytes, loc)
                    continue
                value = v
            if not -limit < value < limit:
                truncated = value & (limit - 1)
                p.warning(f"value 0x{value & (2**64 - 1):x} truncated to 0x{truncated:x}", loc)
            packed += (value & (limit - 1)).to_bytes(nbytes, "little")
        if not args.comma():
            break
    args.expect_end()
    if packed:
        streamer.emit_bytes(bytes(packed), loc)


def byte(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, 1)


def short(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, 2)


def word(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, p.syntax.word_size)


def long(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, 4)


def quad(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, 8)


def octa(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, 16)


def dc_a(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, p.target.pointer_size)


def _emit_strings(p: "Parser", text: str, loc: SourceLocation, terminator: bytes) -> None:
    args = ArgReader(p, text, loc)
    out = bytearray()
    while not args.at_end():
        out += args.string()
        out += terminator
        args.comma()
    p.streamer.emit_bytes(bytes(out), loc)


def _wide_strings(p: "Parser", text: str, loc: SourceLocation, width: int) -> None:
    """.string16/.string32: each byte of each string widened, then a terminator."""
    args = ArgReader(p, text, loc)
    out = bytearray()
    while not args.at_end():
        for c in args.string() + b"\0":
            out += c.to_bytes(width, "little")
        args.comma()
    p.streamer.emit_bytes(bytes(out), loc)


def string16(p: "Parser", text: str, loc: SourceLocation) -> None:
    _wide_strings(p, text, loc, 2)


def string32(p: "Parser", text: str, loc: SourceLocation) -> None:
    _wide_strings(p, text, loc, 4)


def ascii(p: "Parser", text: str, loc: SourceLocation) -> None:
    _emit_strings(p, text, loc, b"")


def asciz(p: "Parser", text: str, loc: SourceLocation) -> None:
    _emit_strings(p, text, loc, b"\0")


# GNU as float literal: [sign] [0<letter>] (digits[.digits][e[sign]digits] | inf | nan)
_FLOAT_STOP = ", \t"


def parse_float(token: str, loc: SourceLocation) -> float:
    t = token.strip()
    sign = 1.0
    if t[:1] in "+-":
        sign = -1.0 if t[0] == "-" else 1.0
        t = t[1:]
    if len(t) > 2 and t[0] == "0" and t[1] in "fFdDxXhHbB" and (t[2].isdigit() or t[2] in ".+-"):
        t = t[2:]
        if t[:1] in "+-":
            sign *= -1.0 if t[0] == "-" else 1.0
            t = t[1:]
    lower = t.lower()
    if lower in ("inf", "infinity"):
        return sign * math.inf
    if lower == "nan":
        return math.copysign(math.nan, sign)
    if not t or not (t[0].isdigit() or t[0] == "."):
        raise ToolchainError(f"bad floating-point constant '{token.strip()}'", loc)
    try:
        return sign * float(t)
    except ValueError:
        raise ToolchainError(f"bad floating-point constant '{token.strip()}'", loc) from None


def float_bytes(value: float, nbytes: int) -> bytes:
    """IEEE little-endian bytes; GNU as writes NaN with every fraction bit set."""
    if math.isnan(value):
        negative = math.copysign(1.0, value) < 0
        bits = (0x7FFFFFFF if nbytes == 4 else 0x7FFFFFFFFFFFFFFF)
        if negative:
            bits |= 1 << (8 * nbytes - 1)
        return bits.to_bytes(nbytes, "little")
    if nbytes == 4:
        try:
            return struct.pack("<f", value)
        except OverflowError:
            return struct.pack("<f", math.copysign(math.inf, value))
    return struct.pack("<d", value)


def _emit_floats(p: "Parser", text: str, loc: SourceLocation, nbytes: int) -> None:
    out = bytearray()
    for token in _split_commas(text):
        if not token.strip():
            raise ToolchainError("missing floating-point constant", loc)
        out += float_bytes(parse_float(token, loc), nbytes)
    p.streamer.emit_bytes(bytes(out), loc)


def _split_commas(text: str) -> list[str]:
    return [t for t in text.split(",")] if text.strip() else []


def float_(p: "Parser", text: str, loc: SourceLocation) -> None:
    _emit_floats(p, text, loc, 4)


def double(p: "Parser", text: str, loc: SourceLocation) -> None:
    _emit_floats(p, text, loc, 8)


# .tfloat: gas reads at most 30 significant decimal digits (atof_generic's
# precision for the 64-bit significand), then rounds half up.
_TFLOAT_DIGITS = 30


def tfloat_bytes(token: str, loc: SourceLocation) -> bytes:
    """An x87 80-bit extended value (64-bit significand with its integer bit,
    15-bit exponent, sign) as gas writes it for ``.tfloat``."""
    t = token.strip()
    negative = False
    if t[:1] in "+-":
        negative, t = t[0] == "-", t[1:]
    if len(t) > 2 and t[0] == "0" and t[1] in "fFdDxXtTpPrR" and (t[2].isdigit() or t[2] in ".+-"):
        t = t[2:]
        if t[:1] in "+-":
            negative, t = negative != (t[0] == "-"), t[1:]
    lower = t.lower()
    sign = 0x8000 if negative else 0
    if lower in ("inf", "infinity"):
        return (1 << 63).to_bytes(8, "little") + (sign | 0x7FFF).to_bytes(2, "little")
    if lower == "nan":
        return b"\xff" * 8 + (sign | 0x7FFF).to_bytes(2, "little")
    mantissa, _, exponent = lower.partition("e")
    whole, _, frac = mantissa.partition(".")
    if not (whole + frac) or not (whole + frac).isdigit() or \
            (exponent and not exponent.lstrip("+-").isdigit()):
        raise ToolchainError(f"bad floating-point constant '{token.strip()}'", loc)
    digits = (whole + frac).lstrip("0")
    exp10 = (int(exponent) if exponent else 0) - len(frac)
    if len(digits) > _TFLOAT_DIGITS:
        exp10 += len(digits) - _TFLOAT_DIGITS
        digits = digits[:_TFLOAT_DIGITS]
    value = int(digits or "0")
    if value == 0:
        return bytes(8) + sign.to_bytes(2, "little")
    num, den = (value * 10 ** exp10, 1) if exp10 >= 0 else (value, 10 ** -exp10)
    e = num.bit_length() - den.bit_length()       # 2**e <= num/den < 2**(e+1)
    if (num << max(0, -e)) < (den << max(0, e)):
        e -= 1
    shift = 63 - max(e, -16382)                   # significand = value * 2**shift
    if shift >= 0:
        m = ((num << (shift + 1)) // den + 1) >> 1
    else:
        m = ((num * 2) // (den << -shift) + 1) >> 1
    biased = max(e, -16382) + 16383 if m >> 63 else 0
    if m >> 64:
        m >>= 1
        biased += 1
    if m == 0 or biased >= 0x7FFF:
        raise ToolchainError("cannot create floating-point number", loc)
    return m.to_bytes(8, "little") + (sign | biased).to_bytes(2, "little")


def tfloat(p: "Parser", text: str, loc: SourceLocation) -> None:
    out = bytearray()
    for token in _split_commas(text):
        if not token.strip():
            raise ToolchainError("missing floating-point constant", loc)
        out += tfloat_bytes(token, loc)
    p.streamer.emit_bytes(bytes(out), loc)


def _emit_leb128(p: "Parser", text: str, loc: SourceLocation, signed: bool) -> None:
    """Known values become bytes here; others (``.uleb128 .LVL3-.LVL0`` in DWARF,
    sizes known only after layout) go to the streamer's ``emit_leb128``."""
    args = ArgReader(p, text, loc)
    out = bytearray()
    streamer = p.streamer
    while not args.at_end():
        e = args.expression()
        value = p.absolute_if_constant(e)
        if value is None and hasattr(streamer, "emit_leb128"):
            if out:
                streamer.emit_bytes(bytes(out), loc)
                out.clear()
            streamer.emit_leb128(e, signed, loc)
        else:
            if value is None:
                value = p.absolute(e, loc)
                if value is None:
                    raise args.error("bad or irreducible absolute expression")
            out += leb128_bytes(value, signed)
        if not args.comma():
            break
    args.expect_end()
    if out:
        streamer.emit_bytes(bytes(out), loc)


def uleb128(p: "Parser", text: str, loc: SourceLocation) -> None:
    _emit_leb128(p, text, loc, False)


def sleb128(p: "Parser", text: str, loc: SourceLocation) -> None:
    _emit_leb128(p, text, loc, True)


# .skip size[, fill]  (also .space)
def skip(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    count = args.expression()
    fill = args.absolute() if args.comma() else 0
    args.expect_end()
    p.streamer.emit_fill(count, 1, fill & 0xFF, loc)


def _ds(unit: int) -> Callable[["Parser", str, SourceLocation], None]:
    """.ds.b/.ds.w/.ds.l/.ds.s/.ds.d/.ds.x/.ds.p count[, fill]: count units, each
    the fill value in ``unit`` bytes (x87 extended units are 10 bytes)."""
    def ds(p: "Parser", text: str, loc: SourceLocation) -> None:
        args = ArgReader(p, text, loc)
        count = args.expression()
        fill = args.absolute() if args.comma() else 0
        args.expect_end()
        if unit == 1:
            p.streamer.emit_fill(count, 1, fill & 0xFF, loc)
            return
        n = p.absolute(count, loc) or 0
        field = (fill & (1 << 8 * min(unit, 8)) - 1).to_bytes(min(unit, 8), "little")
        p.streamer.emit_bytes((field + bytes(unit - len(field))) * max(n, 0), loc)
    return ds


def zero(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    count = args.expression()
    args.expect_end()
    p.streamer.emit_fill(count, 1, 0, loc)


# .fill repeat[, size[, value]]
def fill(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    count = args.expression()
    nbytes, value = 1, 0
    if args.comma():
        if args.peek() != ",":
            nbytes = args.absolute()
        if args.comma():
            value = args.absolute()
    args.expect_end()
    if nbytes < 0:
        raise args.error("size negative; .fill ignored")
    if nbytes > 8:
        p.warning(".fill size clamped to 8", loc)
        nbytes = 8
    if nbytes == 0:
        return
    p.streamer.emit_fill(count, nbytes, value, loc)


def incbin(p: "Parser", text: str, loc: SourceLocation) -> None:
    from .macros import find_include
    args = ArgReader(p, text, loc)
    name = string_text(args)
    start = args.absolute() if args.comma() else 0
    count = args.absolute() if args.comma() else None
    args.expect_end()
    path = find_include(p, name, loc)
    try:
        with open(path, "rb") as f:
            blob = f.read()
    except OSError as exc:
        raise ToolchainError(f"file not found: {name}: {exc.strerror}", loc) from None
    if start < 0 or start > len(blob):
        raise args.error(f"skip ({start}) or count ({count}) invalid for file size ({len(blob)})")
    end = len(blob) if count is None else start + count
    if count is not None and (count < 0 or end > len(blob)):
        raise args.error(f"skip ({start}) or count ({count}) invalid for file size ({len(blob)})")
    p.streamer.emit_bytes(blob[start:end], loc)


DIRECTIVES: dict[str, Callable[["Parser", str, SourceLocation], None]] = {
    "byte": byte, "short": short, "hword": short, "value": short, "2byte": short,
    "word": word, "long": long, "int": long, "4byte": long, "quad": quad,
    "8byte": quad, "octa": octa, "dc.b": byte, "dc.w": short, "dc.l": long,
    "dc.a": dc_a, "dc": short,
    "ascii": ascii, "asciz": asciz, "string": asciz, "string8": asciz,
    "string16": string16, "string32": string32, "tfloat": tfloat, "dc.x": tfloat,
    "ds": _ds(2), "ds.b": _ds(1), "ds.w": _ds(2), "ds.l": _ds(4), "ds.s": _ds(4),
    "ds.d": _ds(8), "ds.x": _ds(10), "ds.p": _ds(10),
    "float": float_, "single": float_, "dc.s": float_, "double": double, "dc.d": double,
    "uleb128": uleb128, "sleb128": sleb128,
    "skip": skip, "space": skip, "zero": zero, "fill": fill, "incbin": incbin,
}

"""C types as the IR sees them: the machine class of a scalar, the
:class:`~toolchain.cc.ir.Aggregate` descriptor of a struct or union passed by
value, and byte encodings of constants for static data.

``long double`` is the x87 80-bit format on x86 (``f80``, stored in 12 or 16
bytes) and IEEE binary128 elsewhere (``f128``); ``_Float128`` is always
``f128``.  ``_Bool`` is a byte in memory (``i8``).
"""

from __future__ import annotations

import struct

from ..ctypes import (ArrayType, BuiltinVaListType, CType, EnumType, FloatKind, FloatType,
                      IntegerKind, IntegerType, PointerType, RecordType)
from ..ir import Aggregate, Type

INT_BY_SIZE = {1: Type.I8, 2: Type.I16, 4: Type.I32, 8: Type.I64, 16: Type.I128}


def ir_type(t: CType, target) -> Type | None:
    """The machine class of a scalar C type; None for aggregates, arrays and void."""
    if isinstance(t, EnumType):
        t = t.underlying
    if isinstance(t, IntegerType):
        return INT_BY_SIZE[t.size]
    if isinstance(t, PointerType):
        return Type.PTR
    if isinstance(t, FloatType):
        if t.complex:
            return None
        return float_type(t, target)
    if isinstance(t, BuiltinVaListType):
        return None if (t.decays or t.size > target.data_model.pointer) else Type.PTR
    return None


def float_type(t: FloatType, target) -> Type:
    if t.kind is FloatKind.FLOAT:
        return Type.F32
    if t.kind is FloatKind.DOUBLE:
        return Type.F64
    if t.kind is FloatKind.LONG_DOUBLE:
        if target.isa == "x86":
            return Type.F80
        element = t.size // 2 if t.complex else t.size     # a _Complex's parts
        return Type.F128 if element == 16 else Type.F64
    return Type.F128


def is_signed(t: CType) -> bool:
    if isinstance(t, EnumType):
        return t.underlying.signed
    if isinstance(t, IntegerType):
        return t.signed and t.kind is not IntegerKind.BOOL
    return False


def is_bool(t: CType) -> bool:
    if isinstance(t, EnumType):
        return False
    return isinstance(t, IntegerType) and t.kind is IntegerKind.BOOL


def is_aggregate(t: CType) -> bool:
    """Held in memory and handled by address: structs, unions, complex numbers, big va_lists."""
    return isinstance(t, (RecordType, ArrayType)) or (isinstance(t, FloatType) and t.complex) or (
        isinstance(t, BuiltinVaListType) and t.decays)


def aggregate(t: CType, target) -> Aggregate:
    """The ABI descriptor of a struct/union/complex value."""
    fields: list[tuple[int, Type]] = []
    unaligned = [False]

    def walk(ct: CType, base: int) -> None:
        if isinstance(ct, RecordType):
            for m in ct.record.members or ():
                if m.bit_width is not None:
                    if not m.bit_width:
                        continue
                    if m.offset % max(m.type.align, 1) == 0 and \
                            m.bit_offset + m.bit_width <= 8 * m.type.size:   # its aligned unit
                        fields.append((base + m.offset, INT_BY_SIZE.get(m.type.size, Type.I32)))
                    else:                   # packed: the first and last byte it occupies
                        first = m.offset * 8 + m.bit_offset
                        last = first + m.bit_width - 1
                        fields.append((base + first // 8, Type.I8))
                        if last // 8 != first // 8:
                            fields.append((base + last // 8, Type.I8))
                    continue
                if m.packed or ct.record.packed:
                    if m.offset % max(m.type.align, 1):
                        unaligned[0] = True
                walk(m.type, base + m.offset)
        elif isinstance(ct, ArrayType):
            for i in range(ct.length or 0):
                walk(ct.element, base + i * ct.element.size)
        elif isinstance(ct, FloatType) and ct.complex:
            part = float_type(ct, target)
            half = ct.size // 2
            fields.append((base, part))
            fields.append((base + half, part))
        else:
            it = ir_type(ct, target)
            if it is not None:
                fields.append((base, it))
    walk(t, 0)
    is_union = isinstance(t, RecordType) and t.record.is_union
    name = ""
    if isinstance(t, RecordType) and t.record.tag:
        name = ("union " if is_union else "struct ") + t.record.tag
    is_complex = isinstance(t, FloatType) and t.complex
    return Aggregate(t.size, max(t.align, 1), tuple(fields), is_union, unaligned[0], name,
                     is_complex)


def float_bytes(value: float, t: Type, size: int) -> bytes:
    """The little-endian memory image of a floating constant of class ``t`` in ``size`` bytes."""
    if t is Type.F32:
        data = struct.pack("<f", value)
    elif t is Type.F64:
        data = struct.pack("<d", value)
    elif t is Type.F80:
        data = f80_bytes(value)
    else:
        data = f128_bytes(value)
    return data.ljust(size, b"\0")[:size]


def f80_bytes(value: float) -> bytes:
    """x87 extended precision: sign, 15-bit exponent, explicit integer bit, 63-bit fraction."""
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    sign = bits >> 63
    exponent = (bits >> 52) & 0x7FF
    fraction = bits & ((1 << 52) - 1)
    if exponent == 0x7FF:
        e80, mant = 0x7FFF, (1 << 63) | (fraction << 11)
    elif exponent == 0:
        if fraction == 0:
            e80, mant = 0, 0
        else:                                       # a double subnormal is normal in f80
            shift = fraction.bit_length()
            e80 = 1 - 1023 - 52 + shift - 1 + 16383
            mant = fraction << (64 - shift)
    else:
        e80, mant = exponent - 1023 + 16383, (1 << 63) | (fraction << 11)
    return struct.pack("<QH", mant & ((1 << 64) - 1), (sign << 15) | e80)


def f80_value(data: bytes) -> float:
    mant, se = struct.unpack("<QH", data[:10])
    sign = -1.0 if se >> 15 else 1.0
    e = se & 0x7FFF
    if e == 0x7FFF:
        return sign * float("inf") if (mant << 1) & ((1 << 64) - 1) == 0 else float("nan")
    if mant == 0:
        return sign * 0.0
    try:
        return sign * float(mant) * 2.0 ** (e - 16383 - 63)
    except OverflowError:
        return sign * float("inf")


def f128_bytes(value: float) -> bytes:
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    sign = bits >> 63
    exponent = (bits >> 52) & 0x7FF
    fraction = bits & ((1 << 52) - 1)
    if exponent == 0x7FF:
        e, frac = 0x7FFF, fraction << 60
    elif exponent == 0:
        if fraction == 0:
            e, frac = 0, 0
        else:
            shift = fraction.bit_length()
            e = 1 - 1023 - 52 + shift - 1 + 16383
            frac = (fraction << (113 - shift)) & ((1 << 112) - 1)
    else:
        e, frac = exponent - 1023 + 16383, fraction << 60
    value128 = (sign << 127) | (e << 112) | frac
    return value128.to_bytes(16, "little")


def f128_value(data: bytes) -> float:
    v = int.from_bytes(data[:16], "little")
    sign = -1.0 if v >> 127 else 1.0
    e = (v >> 112) & 0x7FFF
    frac = v & ((1 << 112) - 1)
    if e == 0x7FFF:
        return sign * float("inf") if frac == 0 else float("nan")
    if e == 0:
        return sign * float(frac) * 2.0 ** (1 - 16383 - 112) if frac else sign * 0.0
    try:
        return sign * float((1 << 112) | frac) * 2.0 ** (e - 16383 - 112)
    except OverflowError:
        return sign * float("inf")

"""The x87's 80-bit extended format, shared by the x86 back ends (long double)."""

from __future__ import annotations

import struct


def f80_bytes(value: float) -> bytes:
    """A Python float as x87 extended precision (exact: every double fits)."""
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    sign = bits >> 63
    exp = (bits >> 52) & 0x7FF
    frac = bits & ((1 << 52) - 1)
    if exp == 0x7FF:
        e80, mant = 0x7FFF, (1 << 63) | (frac << 11)
    elif exp == 0:
        if frac == 0:
            e80, mant = 0, 0
        else:                                   # a double subnormal is normal here
            shift = 52 - frac.bit_length() + 1
            e80 = 1 - 1023 + 16383 - shift
            mant = (frac << shift) << 11
    else:
        e80, mant = exp - 1023 + 16383, (1 << 63) | (frac << 11)
    return mant.to_bytes(8, "little") + ((sign << 15) | e80).to_bytes(2, "little")

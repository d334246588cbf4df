"""LEB128, the variable-length integers of DWARF (and GNU as's .uleb128/.sleb128).

Seven bits a byte, least significant first, the top bit set on every byte but
the last (DWARF 5 §7.6).  Unsigned values of a negative number are taken
modulo 2**64, as GNU as's valueT is 64 bits wide.
"""

from __future__ import annotations


def uleb128_bytes(value: int) -> bytes:
    out = bytearray()
    if value < 0:
        value &= (1 << 64) - 1
    while True:
        b = value & 0x7F
        value >>= 7
        if value:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def sleb128_bytes(value: int) -> bytes:
    out = bytearray()
    while True:
        b = value & 0x7F
        value >>= 7
        if (value == 0 and not b & 0x40) or (value == -1 and b & 0x40):
            out.append(b)
            return bytes(out)
        out.append(b | 0x80)


def leb128_bytes(value: int, signed: bool) -> bytes:
    return sleb128_bytes(value) if signed else uleb128_bytes(value)

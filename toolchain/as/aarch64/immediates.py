"""The A64 immediate encodings that are not plain bit fields.

* Logical (bitmask) immediates, Arm ARM C6.2 "AND (immediate)" and the
  DecodeBitMasks pseudocode: a 32- or 64-bit value is encodable when it is
  one element of 2, 4, 8, 16, 32 or 64 bits repeated, the element being a
  rotated run of ones (neither all zeros nor all ones).  N:imms gives the
  element size and the run length, immr the rotation.
* The 8-bit floating-point immediate of FMOV (VFPExpandImm): +-(16+m)/16
  times 2**e with m in 0..15 and e in -3..4.
* The MOV (wide immediate) choice: a value with at most one non-zero
  16-bit chunk is a MOVZ, its complement such a value a MOVN.
"""

from __future__ import annotations


def encode_bitmask(value: int, width: int) -> tuple[int, int, int] | None:
    """(N, immr, imms) for a logical immediate of ``width`` bits, or None."""
    mask = (1 << width) - 1
    value &= mask
    if value == 0 or value == mask:
        return None
    size = width
    while size > 2:
        half = size // 2
        low = (1 << half) - 1
        if value & low != (value >> half) & low:
            break
        size = half
    element = value & ((1 << size) - 1)
    ones = bin(element).count("1")
    run = (1 << ones) - 1
    emask = (1 << size) - 1
    for r in range(size):
        rotated = ((element >> r) | (element << (size - r))) & emask
        if rotated == run:
            immr = (size - r) % size
            break
    else:
        return None
    n = 1 if size == 64 else 0
    imms = ((-size << 1) & 0x3F) | (ones - 1)
    return n, immr, imms


def decode_bitmask(n: int, immr: int, imms: int, width: int) -> int | None:
    """The value a logical immediate encodes (DecodeBitMasks), None if reserved."""
    combined = (n << 6) | (~imms & 0x3F)
    if combined == 0:
        return None
    length = combined.bit_length() - 1
    size = 1 << length
    if size > width:
        return None
    levels = size - 1
    s, r = imms & levels, immr & levels
    if s == levels:
        return None
    element = (1 << (s + 1)) - 1
    element = ((element >> r) | (element << (size - r))) & ((1 << size) - 1)
    value = 0
    for k in range(width // size):
        value |= element << (k * size)
    return value


def _fp_imm8_table() -> dict[float, int]:
    table = {}
    for sign in (0, 1):
        for exp in range(-3, 5):
            b, cd = (0, exp - 1) if exp >= 1 else (1, exp + 3)
            for mant in range(16):
                value = (16 + mant) / 16 * 2.0 ** exp
                table[-value if sign else value] = (sign << 7) | (b << 6) | (cd << 4) | mant
    return table


FP_IMM8 = _fp_imm8_table()


def encode_fp_imm8(value: float) -> int | None:
    return FP_IMM8.get(value)


def move_wide(value: int, width: int) -> tuple[int, int] | None:
    """(hw, imm16) if ``value`` (taken modulo 2**width) is one shifted 16-bit chunk."""
    value &= (1 << width) - 1
    for hw in range(width // 16):
        if value & ~(0xFFFF << (16 * hw)) == 0:
            return hw, (value >> (16 * hw)) & 0xFFFF
    return None

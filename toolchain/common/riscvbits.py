"""Bit-field packing of RISC-V immediates, shared by the assembler's encoder
and the linker's relocation code.

The RISC-V Unprivileged ISA manual, "Immediate Encoding Variants" (I, S,
B, U and J formats) and the "C" chapter's CB/CJ/CI formats, scatter an
immediate's bits over the instruction word.  Each ``pack_*`` returns the
bits to OR into an instruction whose immediate field is zero; callers
check ranges first.
"""

from __future__ import annotations


def _bit(value: int, n: int) -> int:
    return (value >> n) & 1


def _bits(value: int, high: int, low: int) -> int:
    return (value >> low) & ((1 << (high - low + 1)) - 1)


def pack_i(imm: int) -> int:
    """I-type: imm[11:0] in 31:20."""
    return (imm & 0xFFF) << 20


def pack_s(imm: int) -> int:
    """S-type: imm[11:5] in 31:25, imm[4:0] in 11:7."""
    return _bits(imm, 11, 5) << 25 | _bits(imm, 4, 0) << 7


def pack_b(imm: int) -> int:
    """B-type: imm[12|10:5] in 31:25, imm[4:1|11] in 11:7."""
    return (_bit(imm, 12) << 31 | _bits(imm, 10, 5) << 25 | _bits(imm, 4, 1) << 8
            | _bit(imm, 11) << 7)


def pack_u(imm20: int) -> int:
    """U-type: the 20-bit value in 31:12."""
    return (imm20 & 0xFFFFF) << 12


def pack_j(imm: int) -> int:
    """J-type: imm[20|10:1|11|19:12] in 31:12."""
    return (_bit(imm, 20) << 31 | _bits(imm, 10, 1) << 21 | _bit(imm, 11) << 20
            | _bits(imm, 19, 12) << 12)


def pack_cb(imm: int) -> int:
    """CB branch (c.beqz/c.bnez): offset[8|4:3] in 12:10, offset[7:6|2:1|5] in 6:2."""
    return (_bit(imm, 8) << 12 | _bits(imm, 4, 3) << 10 | _bits(imm, 7, 6) << 5
            | _bits(imm, 2, 1) << 3 | _bit(imm, 5) << 2)


def pack_cj(imm: int) -> int:
    """CJ jump (c.j): offset[11|4|9:8|10|6|7|3:1|5] in 12:2."""
    return (_bit(imm, 11) << 12 | _bit(imm, 4) << 11 | _bits(imm, 9, 8) << 9
            | _bit(imm, 10) << 8 | _bit(imm, 6) << 7 | _bit(imm, 7) << 6
            | _bits(imm, 3, 1) << 3 | _bit(imm, 5) << 2)


def hi20(value: int) -> int:
    """%hi: the upper 20 bits, rounded so that adding the sign-extended %lo gives value."""
    return ((value + 0x800) >> 12) & 0xFFFFF


def lo12(value: int) -> int:
    """%lo: the low 12 bits as a signed number."""
    return ((value & 0xFFF) ^ 0x800) - 0x800


def fits_signed(value: int, bits: int) -> bool:
    return -(1 << (bits - 1)) <= value < (1 << (bits - 1))

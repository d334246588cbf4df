"""Operands shared by the AArch64 instruction selectors.

The assembler's own operand objects (built exactly as its A64 operand
parser builds them: a bare expression for a label or a ``:lo12:sym``, an
Immediate for ``#n``, a Shift for ``lsl #12``, a Keyword for a condition),
the width each IR type is worked on at, and the condition-code tables.
"""

from __future__ import annotations

import importlib

from ...ir import Type
from ..mir import FrameSlot
from ..stream import Binary, ExprConstant, SymbolRef, sym  # noqa: F401

_as_insn = importlib.import_module("toolchain.as.instruction")
_as_ops = importlib.import_module("toolchain.as.aarch64.operands")
_as_imm = importlib.import_module("toolchain.as.aarch64.immediates")
Register, Immediate, Memory = _as_insn.Register, _as_insn.Immediate, _as_insn.Memory
Shift, Keyword, Element = _as_ops.Shift, _as_ops.Keyword, _as_ops.Element
encode_bitmask, move_wide = _as_imm.encode_bitmask, _as_imm.move_wide

SP = Register("sp")
FP = Register("x29")
LR = Register("x30")
XZR, WZR = Register("xzr"), Register("wzr")

# the register width an integer type is worked on at (i8/i16 ride in w registers,
# possibly with garbage above their width)
BITS = {Type.I1: 32, Type.I8: 32, Type.I16: 32, Type.I32: 32, Type.I64: 64, Type.PTR: 64}
WIDTH = {Type.I1: 1, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.I64: 64, Type.PTR: 64,
         Type.I128: 128}
SIZE = {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: 8,
        Type.I128: 16, Type.F32: 4, Type.F64: 8, Type.F128: 16}
FBITS = {Type.F32: 32, Type.F64: 64, Type.F128: 128}

# icmp predicate -> condition after 'cmp a, b'
ICC = {"eq": "eq", "ne": "ne", "slt": "lt", "sle": "le", "sgt": "gt", "sge": "ge",
       "ult": "lo", "ule": "ls", "ugt": "hi", "uge": "hs"}
SWAPPED = {"eq": "eq", "ne": "ne", "slt": "sgt", "sle": "sge", "sgt": "slt", "sge": "sle",
           "ult": "ugt", "ule": "uge", "ugt": "ult", "uge": "ule"}
NEGATE = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "le": "gt", "gt": "le",
          "lo": "hs", "hs": "lo", "ls": "hi", "hi": "ls", "mi": "pl", "pl": "mi",
          "vs": "vc", "vc": "vs"}
# fcmp predicate -> condition after 'fcmp a, b' (unordered sets NZCV to 0011);
# one and ueq need two: ("or", c1, c2)
FCC = {"oeq": "eq", "une": "ne", "olt": "mi", "ole": "ls", "ogt": "gt", "oge": "ge",
       "ult": "lt", "ule": "le", "ugt": "hi", "uge": "pl", "ord": "vc", "uno": "vs",
       "one": ("or", "mi", "gt"), "ueq": ("or", "eq", "vs")}


def signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def imm(value: int) -> Immediate:
    return Immediate(ExprConstant(value))


def cond(name: str) -> Keyword:
    return Keyword(name)


def slot_mem(slot: FrameSlot, offset: int = 0) -> Memory:
    return Memory(base=slot, displacement=ExprConstant(offset))


def base_mem(base, offset: int = 0) -> Memory:
    return Memory(base=base, displacement=ExprConstant(offset))


def offset_mem(m: Memory, offset: int) -> Memory:
    d = m.displacement.value if isinstance(m.displacement, ExprConstant) else 0
    return Memory(base=m.base, displacement=ExprConstant(d + offset))


def mem_offset(m: Memory) -> int:
    return m.displacement.value if isinstance(m.displacement, ExprConstant) else 0


def add_imm_ok(value: int) -> bool:
    """An add/sub/cmp immediate: 12 bits, optionally shifted left by 12."""
    return 0 <= value < 4096 or (value & 0xFFF == 0 and 0 <= value >> 12 < 4096)


def logical_imm_ok(value: int, bits: int) -> bool:
    value &= (1 << bits) - 1
    return value not in (0, (1 << bits) - 1) and encode_bitmask(value, bits) is not None

"""Operands shared by the RISC-V instruction selectors.

The assembler's own operand objects, built exactly as its RISC-V operand
reader builds them (toolchain/as/riscv/operands.py): ``Register("a0")``,
``Memory(base=..., displacement=Constant(8))`` for ``8(a0)``, and bare
expressions for immediates and symbols (``Constant(5)``,
``SymbolRef("x", "pcrel_hi")`` for ``%pcrel_hi(x)``).
"""

from __future__ import annotations

import importlib

from ...ir import Type
from ..stream import sym  # noqa: F401  (re-exported)

_as_insn = importlib.import_module("toolchain.as.instruction")
_expr = importlib.import_module("toolchain.as.expr")
Register = _as_insn.Register
Memory = _as_insn.Memory
Immediate = _as_insn.Immediate
ExprConstant = _expr.Constant
SymbolRef = _expr.SymbolRef
Binary = _expr.Binary

ZERO = Register("zero")
SP = Register("sp")
FP = Register("s0")
RA = Register("ra")
TP = Register("tp")

# bytes of each IR type in a register or memory
SIZE = {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: 8,
        Type.I128: 16, Type.F32: 4, Type.F64: 8, Type.F128: 16}
BITS = {Type.I1: 1, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.I64: 64, Type.PTR: 64}
LOADS = {1: "lbu", 2: "lhu", 4: "lw", 8: "ld"}
STORES = {1: "sb", 2: "sh", 4: "sw", 8: "sd"}


def imm(value: int):
    return ExprConstant(value)


def fits12(value: int) -> bool:
    return -2048 <= value < 2048


def signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def offset_mem(m: Memory, offset: int) -> Memory:
    d = m.displacement.value if isinstance(m.displacement, ExprConstant) else 0
    return Memory(base=m.base, displacement=ExprConstant(d + offset))

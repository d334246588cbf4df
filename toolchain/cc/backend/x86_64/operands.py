"""Operands shared by the x86-64 instruction selectors.

The shared x86 operand objects, condition-code tables and builders
(backend/x86/operands.py), plus what is x86-64's own: the size suffix per
width, the width each IR type is worked on at, rip/rsp/rbp.  Every
selection module imports these from here (isel.py re-exports them for older
callers).
"""

from __future__ import annotations

from ...ir import Type
from ..x86.operands import (FCC, ICC, NEGATE, SWAPPED, Binary, ExprConstant,  # noqa: F401
                            Immediate, Indirect, Memory, Register, SymbolRef, imm, offset_mem,
                            signed, slot_mem, sym)

RIP = Register("rip")
RSP = Register("rsp")
RBP = Register("rbp")

BITS = {Type.I1: 32, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.I64: 64, Type.PTR: 64}
SUFFIX = {8: "b", 16: "w", 32: "l", 64: "q"}
# an xmm register's float to or from memory (binary128 __float128: all 16 bytes)
FLOAT_MOVE = {Type.F32: "movss", Type.F64: "movsd", Type.F128: "movups"}

"""Operands shared by the i386 instruction selectors.

The assembler's operand objects and the condition-code tables are the x86
back ends' shared ones (backend/x86/operands.py); what differs is the width each IR type
is worked on at -- pointers are 32 bits, i64 is a pair of 32-bit halves --
and the registers with a fixed job: eax/edx for division and results, ecx
for shift counts, al for ``setcc`` and byte stores.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir import Type
from ..x86.operands import (FCC, ICC, NEGATE, SWAPPED, Binary, ExprConstant,  # noqa: F401
                            Immediate, Indirect, Memory, Register, SymbolRef, imm, offset_mem,
                            signed, slot_mem, sym)
from ..stream import ModuleContext  # noqa: F401

ESP = Register("esp")
EBP = Register("ebp")
EAX, ECX, EDX = Register("eax"), Register("ecx"), Register("edx")
ESI, EDI = Register("esi"), Register("edi")
AL, CL = Register("al"), Register("cl")
ST0, ST1 = Register("st"), Register("st(1)")

# the width a value of each type is worked on at (i64 is a pair of 32-bit halves)
BITS = {Type.I1: 32, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.PTR: 32, Type.I64: 64}
SUFFIX = {8: "b", 16: "w", 32: "l"}


@dataclass(frozen=True)
class CallPadding:
    """The immediate of the %esp adjustment around a call with ``arguments``
    bytes of stack arguments: the padding that leaves %esp 16-byte aligned at
    the call, plus ``extra`` bytes.  It depends on the frame's size, so the
    emitter resolves it once the frame is laid out (``resolve``)."""

    arguments: int
    extra: int

    def resolve(self, residue: int) -> int:
        """``residue``: %esp modulo 16 after the prologue."""
        return (residue - self.arguments) % 16 + self.extra

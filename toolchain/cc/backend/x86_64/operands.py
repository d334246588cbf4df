"""Operands and condition codes shared by the x86-64 instruction selectors.

The assembler's operand objects (registers, memory references, immediates,
symbol expressions) under short names, the size suffix per width, the
condition-code tables for icmp/fcmp predicates, and small builders for
frame-slot and symbol operands.  Every selection module imports these from
here (isel.py re-exports them for older callers).
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from ...ir import Type
from ..mir import FrameSlot

_insn = importlib.import_module("toolchain.as.instruction")
_expr = importlib.import_module("toolchain.as.expr")
Register, Memory, Immediate, Indirect = (_insn.Register, _insn.Memory, _insn.Immediate,
                                         _insn.Indirect)
SymbolRef, ExprConstant, Binary = _expr.SymbolRef, _expr.Constant, _expr.Binary

RIP = Register("rip")
RSP = Register("rsp")
RBP = Register("rbp")

BITS = {Type.I1: 32, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.I64: 64, Type.PTR: 64}
SUFFIX = {8: "b", 16: "w", 32: "l", 64: "q"}
ICC = {"eq": "e", "ne": "ne", "slt": "l", "sle": "le", "sgt": "g", "sge": "ge",
       "ult": "b", "ule": "be", "ugt": "a", "uge": "ae"}
SWAPPED = {"eq": "eq", "ne": "ne", "slt": "sgt", "sle": "sge", "sgt": "slt", "sge": "sle",
           "ult": "ugt", "ule": "uge", "ugt": "ult", "uge": "ule"}
NEGATE = {"e": "ne", "ne": "e", "l": "ge", "ge": "l", "le": "g", "g": "le", "b": "ae",
          "ae": "b", "be": "a", "a": "be", "p": "np", "np": "p", "s": "ns", "ns": "s"}
# fcmp predicate -> (swap operands, condition): a condition is a cc, or
# ("and", cc, cc) / ("or", cc, cc) for the two that need the parity flag.
FCC = {"ogt": (False, "a"), "oge": (False, "ae"), "olt": (True, "a"), "ole": (True, "ae"),
       "oeq": (False, ("and", "e", "np")), "une": (False, ("or", "ne", "p")),
       "one": (False, "ne"), "ueq": (False, "e"), "ult": (False, "b"), "ule": (False, "be"),
       "ugt": (True, "b"), "uge": (True, "be"), "ord": (False, "np"), "uno": (False, "p")}



def slot_mem(slot: FrameSlot, offset: int = 0, size: int | None = None) -> Memory:
    return Memory(base=slot, displacement=ExprConstant(offset), size=size)


def sym(name: str, offset: int = 0, specifier: str | None = None):
    ref = SymbolRef(name, specifier)
    if offset:
        return Binary("+", ref, ExprConstant(offset)) if offset > 0 else \
            Binary("-", ref, ExprConstant(-offset))
    return ref


def imm(value: int) -> Immediate:
    return Immediate(ExprConstant(value))


def signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def offset_mem(m: Memory, delta: int) -> Memory:
    """The memory operand ``delta`` bytes further on."""
    if not delta:
        return m
    d = m.displacement
    if d is None:
        d = ExprConstant(delta)
    elif isinstance(d, ExprConstant):
        d = ExprConstant(d.value + delta)
    elif isinstance(d, Binary) and d.op in "+-" and isinstance(d.right, ExprConstant):
        total = (d.right.value if d.op == "+" else -d.right.value) + delta
        d = d.left if total == 0 else Binary("+", d.left, ExprConstant(total)) if total > 0 \
            else Binary("-", d.left, ExprConstant(-total))
    else:
        d = Binary("+", d, ExprConstant(delta))
    return replace(m, displacement=d)


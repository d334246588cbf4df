"""Operands and condition codes shared by the x86 back ends (x86_64/ and i386/).

The assembler's operand objects (registers, memory references, immediates,
symbol expressions) under short names, the condition-code tables for
icmp/fcmp predicates, and small builders for frame-slot, symbol and offset
operands.  What differs per target -- the width each IR type is worked on
at, the stack and frame registers -- is in each back end's operands.py.
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from ..mir import FrameSlot
from ..stream import sym  # noqa: F401  (re-exported)

_insn = importlib.import_module("toolchain.as.instruction")
_expr = importlib.import_module("toolchain.as.expr")
Register, Memory, Immediate, Indirect = (_insn.Register, _insn.Memory, _insn.Immediate,
                                         _insn.Indirect)
SymbolRef, ExprConstant, Binary = _expr.SymbolRef, _expr.Constant, _expr.Binary

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


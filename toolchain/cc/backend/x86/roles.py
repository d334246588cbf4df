"""Operand roles of x86 instructions, for liveness and register allocation.

Shared by the x86 back ends: the mnemonics are the same in every mode.
"""

from __future__ import annotations

from ..mir import MachineInstr, VReg
from .operands import Register

# --- operand roles ----------------------------------------------------------------------
# Which explicit operands (Intel order, destination first) an instruction reads
# and writes.  Default: a one-operand instruction reads and writes it (neg,
# not, inc); otherwise the first is read-written and the rest read (add, sub,
# shl, cmov...).  The rows below are the exceptions.

_WRITE_FIRST = ("mov", "lea", "set", "cvt", "pop", "sqrt", "bsr", "bsf", "popcnt",
                "lzcnt", "tzcnt", "pmovmsk", "rdtsc")
_READ_ALL = ("cmp", "test", "ucomi", "comi", "push", "bt", "jmp", "call", "j", "ret",
             "mul", "imul1", "div", "idiv", "fld", "fild")


def roles(mi: MachineInstr) -> tuple[str, ...]:
    n = len(mi.operands)
    m = mi.mnemonic
    if n == 0:
        return ()
    if m.startswith("cmov"):
        return ("rw",) + ("r",) * (n - 1)
    if m.startswith(("mul", "div", "idiv")) and n == 1:
        return ("r",)
    if m.startswith("imul"):
        return ("w", "r", "r") if n == 3 else ("r",) if n == 1 else ("rw", "r")
    if m.startswith(("xchg", "xadd")):
        return ("rw", "rw")
    if m.startswith(_WRITE_FIRST):
        return ("w",) + ("r",) * (n - 1)
    if m.startswith(("cmp", "test", "ucomi", "comi", "push", "bt", "jmp", "call", "fld",
                     "fild", "fcom", "fucom")) or (m.startswith("j") and n == 1):
        return ("r",) * n
    if m.startswith(("fst", "fist", "fisttp", "fnst")):
        return ("w",) * n
    return ("rw",) + ("r",) * (n - 1)


def copy_operands(mi: MachineInstr):
    """(destination, source) of a full-width register-to-register ``mov``, else None."""
    if mi.mnemonic not in ("movl", "movq") or len(mi.operands) != 2 or mi.prefixes:
        return None
    d, s = mi.operands
    if all(isinstance(o, (VReg, Register)) for o in (d, s)):
        return d, s
    return None

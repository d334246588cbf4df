"""Byte operands of registers that have no byte, after register allocation.

Instruction selection gives i8 values byte operands (``cmpb $3, %v``,
``movb %v, (%ecx)``, ``movsbl %v, %eax``) whatever register they get; but
outside 64-bit mode only eax, ecx, edx and ebx have one (al, cl, dl, bl:
Intel SDM Vol. 1 §3.4.1.1).  The allocator tries those first; when a value
lands in esi or edi anyway, its byte operand comes out as ``sil``/``dil``,
and this pass rewrites the instruction around a register that has one and
that the instruction does not name::

    cmpb $3, %sil       ->   xchgl %esi, %eax; cmpb $3, %al; xchgl %esi, %eax

``xchg`` leaves the flags alone and is 2 bytes with %eax under .code16gcc
(3 with the others), so the rewrite keeps the flags the instruction sets or
reads.  A sign or zero extension into a register with a byte copies first
instead: ``movsbl %sil, %ecx`` -> ``movl %esi, %ecx; movsbl %cl, %ecx``.
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from ..mir import MachineFunction, MachineInstr
from .operands import Memory, Register
from .registers import gp_name, key_of

_registers = importlib.import_module("toolchain.as.x86.registers")
_NO_BYTE = {"sil": 6, "dil": 7}


def _keys(mi: MachineInstr) -> set[int]:
    """Every register the instruction names, at any width."""
    keys: set[int] = set()
    for op in mi.operands:
        target = getattr(op, "target", None)
        for part in (op, target):
            if isinstance(part, Register):
                keys.add(key_of(part.name))
            elif isinstance(part, Memory):
                keys.update(key_of(r.name) for r in (part.base, part.index)
                            if isinstance(r, Register))
    keys.update(key_of(n) for n in mi.implicit_uses + mi.implicit_defs)
    return keys


def _rename(op, key: int, new: int):
    """The operand with register ``key`` (any width) renamed to ``new``."""
    if isinstance(op, Register):
        k = key_of(op.name)
        if k == key:
            return Register(gp_name(new, _registers.lookup(op.name).size))
        return op
    if isinstance(op, Memory):
        swap = lambda r: Register(gp_name(new, 32)) if isinstance(r, Register) and \
            key_of(r.name) == key else r
        return replace(op, base=swap(op.base), index=swap(op.index))
    if hasattr(op, "target") and not hasattr(op, "name"):
        return replace(op, target=_rename(op.target, key, new))
    return op


def _fix(mi: MachineInstr) -> list[MachineInstr]:
    """The instruction with its sil/dil operands made byte registers."""
    names = [op.name for op in mi.operands if isinstance(op, Register) and op.name in _NO_BYTE]
    if not names:
        return [mi]
    key = _NO_BYTE[names[0]]
    dest = mi.operands[0]
    if mi.mnemonic in ("movsbl", "movzbl") and isinstance(dest, Register) and \
            key_of(dest.name) < 4 and mi.operands[1] == Register(names[0]):
        k = key_of(dest.name)
        return [MachineInstr("movl", (dest, Register(gp_name(key, 32)))),
                replace(mi, operands=(dest, Register(gp_name(k, 8))))]
    used = _keys(mi)
    spare = next(k for k in (0, 1, 2, 3) if k not in used)
    xchg = MachineInstr("xchgl", (Register(gp_name(key, 32)), Register(gp_name(spare, 32))),
                        roles=("rw", "rw"))
    inner = replace(mi, operands=tuple(_rename(op, key, spare) for op in mi.operands))
    return [xchg, *_fix(inner), xchg]


def fix_byte_operands(mf: MachineFunction) -> None:
    for block in mf.blocks:
        out: list[MachineInstr] = []
        for mi in block.instrs:
            out += _fix(mi) if mi.kind is None else [mi]
        block.instrs = out

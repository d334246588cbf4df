"""i386 registers as the back end sees them: keys, classes, saving conventions.

A register's *key* is its encoding number (eax 0, ecx 1, edx 2, ebx 3,
esp 4, ebp 5, esi 6, edi 7).  SysV i386 (psABI 2.2.2): ebx, esi, edi, ebp
are callee-saved; eax, ecx, edx and the x87 stack are the caller's.

Eight registers are few.  esp and ebp (the frame pointer) are never
allocated; the other six all are, caller-saved ones first.  There are no
scratch registers for spill code: a spilled value is reloaded into a new
virtual register at each use, which the allocator places like any other
(regalloc.py, "spill everywhere").  Only eax..ebx have 8-bit forms
(``sil`` does not exist outside 64-bit mode): instruction selection gives
virtual registers 8-bit operands all the same, the allocator hands out
eax..ebx first, and a byte operand of esi or edi comes out named ``sil``
or ``dil`` for bytes.py to rewrite around a register that has a byte.
"""

from __future__ import annotations

import importlib

from ..mir import FrameSlot, MachineInstr
from ..x86.operands import Immediate, Memory
from ..x86.roles import copy_operands, roles

_as_regs = importlib.import_module("toolchain.as.x86.registers")
_as_insn = importlib.import_module("toolchain.as.instruction")
Register = _as_insn.Register

GP32 = ("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi")
_GP16 = ("ax", "cx", "dx", "bx", "sp", "bp", "si", "di")
_GP8 = ("al", "cl", "dl", "bl")

CALLER_SAVED = ("eax", "ecx", "edx")
CALLEE_SAVED = ("ebx", "esi", "edi")
REGPARM = ("eax", "edx", "ecx")          # -mregparm=3: the first three integer arguments


def gp_name(num: int, bits: int) -> str:
    if bits == 8:
        return _GP8[num]
    if bits == 16:
        return _GP16[num]
    return GP32[num]


def key_of(name: str) -> int | None:
    info = _as_regs.lookup(name)
    if info is None or info.cls != "gp" or info.forbids_rex or info.num >= 8:
        return None
    return info.num


class I386Registers:
    """The register facts the generic liveness and allocator ask for."""

    allocatable = {"gp": [0, 1, 2, 3, 6, 7], "xmm": []}     # eax ecx edx ebx esi edi
    scratch = {"gp": [], "xmm": []}
    callee_saved_keys = [3, 6, 7]
    spill_by_cost = True        # regalloc.py: spill by uses per position, loops weighing more
    coloring = True             # allocated by graph colouring (coloring.py)
    @staticmethod
    def spill_size(cls: str) -> int:
        return 4

    @staticmethod
    def reg_key(name: str) -> int | None:
        return key_of(name)

    @staticmethod
    def reg_name(key: int, bits: int) -> str:
        if bits == 8 and key > 3:
            return ("spl", "bpl", "sil", "dil")[key - 4]    # no such byte here: bytes.py
        return gp_name(key, bits if bits in (8, 16) else 32)

    def register(self, key: int, bits: int) -> Register:
        return Register(self.reg_name(key, bits))

    roles = staticmethod(roles)
    copy_operands = staticmethod(copy_operands)

    @staticmethod
    def reload(vreg, slot) -> MachineInstr:
        """``slot`` a spill slot, or what ``rematerialize`` accepted."""
        from .isel import slot_mem
        source = slot_mem(slot) if isinstance(slot, FrameSlot) else slot
        return MachineInstr("movl", (vreg.width(32), source))

    @staticmethod
    def rematerialize(source):
        """``source`` if a spilled value defined by ``movl source, %v`` can be
        loaded from it again at each use: a constant, or a frame slot (which
        the allocator checks is an incoming argument nothing writes)."""
        if isinstance(source, Immediate):
            return source
        if isinstance(source, Memory) and isinstance(source.base, FrameSlot) and \
                source.index is None and source.size is None and source.segment is None:
            return source
        return None

    @staticmethod
    def spill(vreg, slot) -> MachineInstr:
        from .isel import slot_mem
        return MachineInstr("movl", (slot_mem(slot), vreg.width(32)))

    def spill_load(self, key: int, slot, cls: str) -> MachineInstr:
        from .isel import slot_mem
        return MachineInstr("movl", (self.register(key, 32), slot_mem(slot)))

    def spill_store(self, key: int, slot, cls: str) -> MachineInstr:
        from .isel import slot_mem
        return MachineInstr("movl", (slot_mem(slot), self.register(key, 32)))

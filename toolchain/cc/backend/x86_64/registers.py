"""x86-64 registers as the back end sees them: keys, classes, saving conventions.

A physical register's *key* is its encoding number (rax 0 ... r15 15) for the
general registers and 16 + n for xmm n; liveness and allocation use keys, the
operands name a register at the width they use (``eax``, ``al``, ``rax``).

System V AMD64 (psABI 3.2.1): rbx, rbp, r12-r15 are callee-saved; every
other general register and all of xmm0-15 are clobbered by a call.  rsp and
rbp (the frame pointer) are never allocated, and r10, r11, xmm14, xmm15 are
the scratch registers spill code uses.
"""

from __future__ import annotations

from ..mir import MachineInstr
from ..x86.roles import roles

import importlib

_as_regs = importlib.import_module("toolchain.as.x86.registers")
_as_insn = importlib.import_module("toolchain.as.instruction")
Register = _as_insn.Register

GP64 = ("rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15")
_GP32 = ("eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi")
_GP16 = ("ax", "cx", "dx", "bx", "sp", "bp", "si", "di")
_GP8 = ("al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil")

CALLER_SAVED_GP = ("rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11")
CALLEE_SAVED_GP = ("rbx", "r12", "r13", "r14", "r15")
CALLER_SAVED = CALLER_SAVED_GP + tuple(f"xmm{i}" for i in range(16))
ARGUMENT_GP = ("rdi", "rsi", "rdx", "rcx", "r8", "r9")
ARGUMENT_SSE = tuple(f"xmm{i}" for i in range(8))


def gp_name(num: int, bits: int) -> str:
    if bits == 64:
        return GP64[num]
    if num >= 8:
        return f"r{num}" + {32: "d", 16: "w", 8: "b"}[bits]
    return {32: _GP32, 16: _GP16, 8: _GP8}[bits][num]


def key_of(name: str) -> int | None:
    info = _as_regs.lookup(name)
    if info is None:
        return None
    if info.cls == "gp" and not info.forbids_rex:
        return info.num
    if info.cls == "xmm":
        return 16 + info.num
    return None


class X86_64Registers:
    """The register facts the generic liveness and allocator ask for."""

    allocatable = {
        "gp": [key_of(r) for r in ("rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9",
                                   "rbx", "r12", "r13", "r14", "r15")],
        "xmm": [16 + i for i in range(14)],
    }
    scratch = {"gp": ["r11", "r10"], "xmm": ["xmm15", "xmm14"]}
    callee_saved_keys = [key_of(r) for r in CALLEE_SAVED_GP]

    @staticmethod
    def reg_key(name: str) -> int | None:
        return key_of(name)

    @staticmethod
    def reg_name(key: int, bits: int) -> str:
        return f"xmm{key - 16}" if key >= 16 else gp_name(key, bits)

    def register(self, key: int, bits: int) -> Register:
        return Register(self.reg_name(key, 128 if key >= 16 else bits))

    roles = staticmethod(roles)

    def spill_load(self, key: int, slot, cls: str) -> MachineInstr:
        from .isel import slot_mem
        if cls == "xmm":
            return MachineInstr("movaps", (self.register(key, 128), slot_mem(slot)))
        return MachineInstr("movq", (self.register(key, 64), slot_mem(slot)))

    def spill_store(self, key: int, slot, cls: str) -> MachineInstr:
        from .isel import slot_mem
        if cls == "xmm":
            return MachineInstr("movaps", (slot_mem(slot), self.register(key, 128)))
        return MachineInstr("movq", (slot_mem(slot), self.register(key, 64)))

"""RISC-V 64 registers as the back end sees them: keys, classes, saving conventions.

A physical register's *key* is its number: x0-x31 are keys 0-31, f0-f31 are
32-63 (virtual registers start at 64).  Operands name registers by their
psABI names (``a0``, ``s1``, ``fa0``); a register has one name whatever the
width of the value in it.

The psABI's register convention (RISC-V ELF psABI, "Integer Register
Convention" and "Floating-point Register Convention"): s0-s11 and fs0-fs11
are callee-saved, everything else a call may clobber.  Never allocated:
zero, ra (saved in every frame; ``call`` writes it), sp, gp, tp, s0 (the
frame pointer).  t3-t5 and ft9-ft11 are the scratch registers of spill code
(an instruction has at most three register operands); t6 is the emitter's
own, for frame offsets beyond a 12-bit immediate.
"""

from __future__ import annotations

import importlib

from ..mir import FrameSlot, MachineInstr

_as_regs = importlib.import_module("toolchain.as.riscv.registers")
_as_insn = importlib.import_module("toolchain.as.instruction")
_expr = importlib.import_module("toolchain.as.expr")
Register = _as_insn.Register
Memory = _as_insn.Memory

GPR_NAMES = _as_regs.GPR_NAMES
FPR_NAMES = _as_regs.FPR_NAMES

ARGUMENT_GP = tuple(f"a{i}" for i in range(8))
ARGUMENT_FP = tuple(f"fa{i}" for i in range(8))
CALLEE_SAVED_GP = tuple(f"s{i}" for i in range(1, 12))
CALLEE_SAVED_FP = tuple(f"fs{i}" for i in range(12))
CALLER_SAVED = ("ra",) + tuple(f"t{i}" for i in range(7)) + ARGUMENT_GP + \
    tuple(f"ft{i}" for i in range(12)) + ARGUMENT_FP
FRAME_POINTER = "s0"
ADDRESS_SCRATCH = "t6"          # the emitter's register for large frame offsets


def key_of(name: str) -> int | None:
    if name in _as_regs.GPR:
        return _as_regs.GPR[name]
    if name in _as_regs.FPR:
        return 32 + _as_regs.FPR[name]
    return None


def name_of(key: int) -> str:
    return FPR_NAMES[key - 32] if key >= 32 else GPR_NAMES[key]


class Riscv64Registers:
    """The register facts the generic liveness and allocator ask for."""

    allocatable = {
        "gp": [key_of(r) for r in ("t0", "t1", "t2", "a7", "a6", "a5", "a4", "a3", "a2",
                                   "a1", "a0") + CALLEE_SAVED_GP],
        "fp": [key_of(r) for r in tuple(f"ft{i}" for i in range(9)) +
               tuple(f"fa{i}" for i in range(7, -1, -1)) + CALLEE_SAVED_FP],
    }
    scratch = {"gp": ["t5", "t4", "t3"], "fp": ["ft11", "ft10", "ft9"]}
    callee_saved_keys = [key_of(r) for r in CALLEE_SAVED_GP + CALLEE_SAVED_FP]

    @staticmethod
    def reg_key(name: str) -> int | None:
        return key_of(name)

    @staticmethod
    def reg_name(key: int, bits: int) -> str:
        return name_of(key)

    def register(self, key: int, bits: int) -> Register:
        return Register(name_of(key))

    @staticmethod
    def roles(mi: MachineInstr) -> tuple[str, ...]:
        return roles(mi)

    def spill_load(self, key: int, slot: FrameSlot, cls: str) -> MachineInstr:
        return MachineInstr("fld" if cls == "fp" else "ld",
                            (self.register(key, 64), slot_mem(slot)))

    def spill_store(self, key: int, slot: FrameSlot, cls: str) -> MachineInstr:
        return MachineInstr("fsd" if cls == "fp" else "sd",
                            (self.register(key, 64), slot_mem(slot)))


def slot_mem(slot: FrameSlot, offset: int = 0) -> Memory:
    """A frame slot as a memory operand (emit.py turns it into ``offset(s0)``)."""
    return Memory(base=slot, displacement=_expr.Constant(offset))


# --- operand roles ----------------------------------------------------------------------
# The first operand is written and the others read, except in stores,
# branches and indirect jumps, which only read.
_READ_ONLY = frozenset({"sb", "sh", "sw", "sd", "fsw", "fsd", "beq", "bne", "blt", "bge",
                        "bltu", "bgeu", "beqz", "bnez", "bltz", "bgez", "blez", "bgtz",
                        "bgt", "ble", "bgtu", "bleu", "j", "jr", "jalr", "call", "tail"})


def roles(mi: MachineInstr) -> tuple[str, ...]:
    n = len(mi.operands)
    if n == 0:
        return ()
    if n == 3 and mi.mnemonic in ("flw", "fld") and isinstance(mi.operands[1], _expr.Expr):
        return ("w", "r", "w")              # ``flw fd, symbol, rt``: rt takes the address
    if mi.mnemonic in _READ_ONLY:
        return ("r",) * n
    return ("w",) + ("r",) * (n - 1)

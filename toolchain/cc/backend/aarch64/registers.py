"""AArch64 registers as the back end sees them: keys, classes, saving conventions.

A physical register's *key* is its number for the general registers (x0 0
... x30 30) and 32 + n for the FP/SIMD register vn.  Liveness and allocation
use keys; operands name a register at the width they use: ``w3``/``x3``,
``s5``/``d5``/``q5`` (a VReg's ``bits``).

AAPCS64 (section 6.1): x19-x28 are callee-saved, and of v8-v15 only the low
64 bits (d8-d15) are: a 128-bit value (long double) cannot live in them
across a call, so it has a register class of its own, ``q``, that leaves them
out (class ``fp`` holds float and double).  x16/x17 (IP0/IP1) are the
scratch registers spill code uses (then x15 and x14, for the instructions
with three or four register operands), x15 holds far addresses (emit.py),
v29-v31 are the FP spill scratch; x18 is the platform register, never
touched; x29 is the frame pointer, x30 the link register.
"""

from __future__ import annotations

import importlib

from ..mir import MachineInstr

_as_insn = importlib.import_module("toolchain.as.instruction")
_as_regs = importlib.import_module("toolchain.as.aarch64.registers")
Register = _as_insn.Register
Memory = _as_insn.Memory

FP_BASE = 32
ARGUMENT_GP = tuple(f"x{i}" for i in range(8))
ARGUMENT_FP = tuple(f"v{i}" for i in range(8))
CALLEE_SAVED_GP = tuple(f"x{i}" for i in range(19, 29))
CALLEE_SAVED_FP = tuple(f"v{i}" for i in range(8, 16))
# what a call clobbers: x0-x17, x30, and v0-v7, v16-v31 (v8-v15: see the q class)
CALLER_SAVED = tuple(f"x{i}" for i in range(18)) + ("x30",) + \
    tuple(f"v{i}" for i in list(range(8)) + list(range(16, 32)))
SCRATCH_ADDRESS = "x15"


def key_of(name: str) -> int | None:
    info = _as_regs.register_info(name)
    if info is None or info.sp or (info.kind in "xw" and info.number == 31):
        return None
    if info.kind in ("x", "w"):
        return info.number
    return FP_BASE + info.number


def reg_name(key: int, bits: int) -> str:
    if key >= FP_BASE:
        return {8: "b", 16: "h", 32: "s", 64: "d"}.get(bits, "q") + str(key - FP_BASE)
    return ("x" if bits == 64 else "w") + str(key)


def reg(name: str, bits: int) -> Register:
    """A physical register by any of its names, at ``bits``."""
    return Register(reg_name(key_of(name), bits))


def roles(mi: MachineInstr) -> tuple[str, ...]:
    """Which explicit operands an instruction reads and writes: the first is
    written and the rest read, except for stores, compares and branches
    (all read) and the instructions that also read their destination."""
    mn = mi.mnemonic
    n = len(mi.operands)
    if mn.startswith(("st", "cmp", "cmn", "tst", "fcmp", "b", "cb", "tb", "ret", "msr")) \
            and mn not in ("bic", "bfi", "bfxil", "bics"):
        return ("r",) * n
    if mn in ("movk", "bfi", "bfxil", "ins_hi"):
        return ("rw",) + ("r",) * (n - 1)
    return ("w",) + ("r",) * (n - 1)


class AArch64Registers:
    """The register facts the generic liveness and allocator ask for."""

    allocatable = {
        "gp": list(range(0, 14)) + list(range(19, 29)),
        "fp": [FP_BASE + i for i in list(range(8)) + list(range(16, 29)) + list(range(8, 16))],
        "q": [FP_BASE + i for i in list(range(8)) + list(range(16, 29))],
    }
    # x15 last: an instruction with a memory operand has at most two spilled
    # registers, so x15 stays free for emit.py's far addresses
    scratch = {"gp": ["x16", "x17", "x15", "x14"], "fp": ["v31", "v30", "v29"],
               "q": ["v31", "v30", "v29"]}
    callee_saved_keys = list(range(19, 29)) + [FP_BASE + i for i in range(8, 16)]

    @staticmethod
    def reg_key(name: str) -> int | None:
        return key_of(name)

    @staticmethod
    def reg_name(key: int, bits: int) -> str:
        return reg_name(key, bits)

    def register(self, key: int, bits: int) -> Register:
        return Register(reg_name(key, bits))

    roles = staticmethod(roles)

    @staticmethod
    def spill_size(cls: str) -> int:
        return 16 if cls == "q" else 8

    def spill_load(self, key: int, slot, cls: str) -> MachineInstr:
        from .operands import slot_mem
        return MachineInstr("ldr", (self.register(key, 128 if cls == "q" else 64),
                                    slot_mem(slot)))

    def spill_store(self, key: int, slot, cls: str) -> MachineInstr:
        from .operands import slot_mem
        return MachineInstr("str", (self.register(key, 128 if cls == "q" else 64),
                                    slot_mem(slot)))

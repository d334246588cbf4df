"""Instruction selection for AArch64: IR functions to machine IR over virtual registers.

One :class:`Selector` walks a function's blocks in order and appends A64
instructions (GNU mnemonics, operands as the assembler's A64 parser builds
them) to machine blocks.

Values live as follows:

* integers and pointers: one general VReg, a w register (32 bits) for i1
  to i32 and an x register for i64 and pointers; i8/i16 values may carry
  garbage above their width (what looks at the high bits -- division,
  right shifts, comparisons, extensions, conversions -- extends first), i1
  is 0 or 1;
* i128: a pair (low, high) of x VRegs;
* f32/f64: an ``fp`` VReg (s or d register);
* f128 (long double, IEEE binary128): a ``q`` VReg; arithmetic, comparisons
  and conversions call the soft-float routines (``__addtf3``...) as GCC does;
* a static ``alloca`` is a frame slot, used directly as a memory operand.

Memory operands are ``[base, #offset]`` with any offset: emit.py picks
``ldr`` (scaled), ``ldur`` (unscaled) or an address computed in x15 once
frame offsets are known.  A comparison used only by the branch or select
right after it is not materialised: the branch tests the flags.  Phis are
eliminated on the edges, as on x86-64 (control.py).
"""

from __future__ import annotations

from ... import ir
from ...ir import BlockAddress, Constant, GlobalAddress, Instruction, Type, Undef
from ..mir import FrameSlot, MachineBlock, MachineFunction, VReg
from ..selector import SelectorBase
from ..stream import ModuleContext  # noqa: F401  (re-exported)
from .compares import CompareSelection
from .control import ControlSelection
from .integers import IntegerSelection
from .memory import MemorySelection
from .operands import (BITS, FBITS, Keyword, Memory, Shift, SymbolRef, add_imm_ok,
                       base_mem, imm, logical_imm_ok, move_wide, signed, slot_mem, sym)


class Selector(SelectorBase, IntegerSelection, CompareSelection, MemorySelection, ControlSelection):
    TARGET = "aarch64"

    def __init__(self, function: ir.Function, ctx: ModuleContext):
        from .calls import CallSelection
        from .floats import FloatSelection
        super().__init__(function, ctx)
        self.calls = CallSelection(self)
        self.floats = FloatSelection(self)
        self.over_aligned: list[tuple[Instruction, FrameSlot, int]] = []

    def new(self, bits: int = 64, cls: str = "gp") -> VReg:
        return self.mf.new_vreg(bits, cls)

    def new_float(self, ty: Type) -> VReg:
        return self.new(FBITS[ty], "q" if ty is Type.F128 else "fp")

    def jump(self, cc: str | None, target: MachineBlock) -> None:
        self.e("b" if cc is None else "b." + cc, SymbolRef(target.label))
        self.successor(target)

    def goto(self, target: MachineBlock) -> None:
        self.jump(None, target)

    # --- values ---------------------------------------------------------------------
    def load_const(self, v: VReg, value: int) -> None:
        """Set v (32 or 64 bits) to a constant: one mov when movz, movn or a logical
        immediate can make it, else movz and movk per nonzero 16-bit chunk."""
        bits = v.bits
        value &= (1 << bits) - 1
        if move_wide(value, bits) is not None or move_wide(~value, bits) is not None or \
                logical_imm_ok(value, bits):
            self.e("mov", v, imm(signed(value, bits)))
            return
        first = True
        for hw in range(bits // 16):
            chunk = (value >> (16 * hw)) & 0xFFFF
            if chunk == 0:
                continue
            ops = (v, imm(chunk)) + ((Shift("lsl", 16 * hw),) if hw else ())
            self.e("movz" if first else "movk", *ops)
            first = False

    def const_int(self, value: int, bits: int) -> VReg:
        v = self.new(64 if bits == 64 else 32)
        self.load_const(v, value)
        return v

    def reg(self, value: ir.Value, bits: int | None = None) -> VReg:
        """The value in a register (general, or fp/q for floats)."""
        ty = value.type
        if ty.is_float:
            return self.floats.freg(value)
        b = BITS.get(ty, 64) if bits is None else bits
        if isinstance(value, Constant):
            return self.const_int(int(value.value), b)
        if isinstance(value, Undef):
            return self.const_int(0, b)
        if isinstance(value, GlobalAddress):
            v = self.new(64)
            self.address_of(v, value.name, value.offset)
            return v.width(b)
        if isinstance(value, BlockAddress):
            v = self.new(64)
            self.e("adr", v, SymbolRef(self.block_label(value.block)))
            self.mf.attributes.setdefault("address_taken", set()).add(value.block)
            return v.width(b)
        slot = self.addresses.get(value)
        if slot is not None:
            v = self.new(64)
            self.e("add", v, slot, imm(0))      # emit.py: x29 + the slot's offset
            return v.width(b)
        if isinstance(value, Instruction) and value.id in self.fused:
            self.fused.discard(value.id)
            self.select_compare_value(value)
        v = self.values.get(value)
        if v is None:
            v = self.values[value] = self.new(b)
        return v.width(b)

    def operand(self, value: ir.Value, bits: int, kind: str = "arith"):
        """An immediate when the value is a constant the instruction can encode
        (``kind`` "arith": add/sub/cmp imm12; "logical": a bitmask immediate;
        "shift": any), else a register."""
        if isinstance(value, Constant) and value.type.is_integer:
            n = int(value.value) & ((1 << bits) - 1)
            if kind == "arith" and add_imm_ok(n):
                return imm(n)
            if kind == "logical" and logical_imm_ok(n, bits):
                return imm(n)
        return self.reg(value, bits)

    def pair(self, value: ir.Value) -> tuple[VReg, VReg]:
        """An i128 value as (low, high)."""
        if isinstance(value, (Constant, Undef)):
            n = int(value.value) if isinstance(value, Constant) else 0
            return (self.const_int(n & (2**64 - 1), 64), self.const_int((n >> 64) & (2**64 - 1), 64))
        p = self.values.get(value)
        if p is None:
            p = self.values[value] = (self.new(64), self.new(64))
        return p

    def dest(self, inst: ir.Value):
        """The register(s) an instruction's result goes to."""
        ty = inst.type
        if ty is Type.I128:
            return self.pair(inst)
        if inst not in self.values:
            self.values[inst] = self.new_float(ty) if ty.is_float else self.new(BITS.get(ty, 64))
        v = self.values[inst]
        return v if ty.is_float else v.width(BITS.get(ty, 64))

    def address_of(self, v: VReg, name: str, offset: int) -> None:
        """v = the address of a symbol: adrp + add :lo12:, or for a thread-local
        variable the local-exec sequence from the thread pointer."""
        if name in self.ctx.tls:
            self.e("mrs", v, Keyword("tpidr_el0"))
            self.e("add", v, v, sym(name, offset, "tprel_hi12"), Shift("lsl", 12))
            self.e("add", v, v, sym(name, offset, "tprel_lo12_nc"))
        else:
            self.e("adrp", v, sym(name, offset))
            self.e("add", v, v, sym(name, offset, "lo12"))

    def mem(self, address: ir.Value, offset: int = 0) -> Memory:
        """A memory operand for the bytes at ``address + offset``."""
        slot = self.addresses.get(address)
        if slot is not None:
            return slot_mem(slot, offset)
        if isinstance(address, GlobalAddress):
            v = self.new(64)
            self.address_of(v, address.name, address.offset)
            return base_mem(v, offset)
        return base_mem(self.reg(address, 64), offset)

    # --- the function -----------------------------------------------------------------
    def place_alloca(self, inst: Instruction, size: int, alignment: int) -> None:
        if alignment > 16:          # sp and x29 are only 16-byte aligned: align at run time
            slot = self.mf.new_slot(size + alignment - 16, 16, f"a{inst.id}")
            self.over_aligned.append((inst, slot, alignment))
        else:
            super().place_alloca(inst, size, alignment)

    def after_prologue(self) -> None:
        for inst, slot, alignment in self.over_aligned:
            v = self.values[inst] = self.new()
            self.e("add", v, slot, imm(alignment - 16))
            self.e("and", v, v, imm(-alignment))


def select_function(function: ir.Function, ctx: ModuleContext) -> MachineFunction:
    return Selector(function, ctx).run()

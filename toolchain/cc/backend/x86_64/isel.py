"""Instruction selection for x86-64: IR functions to machine IR over virtual registers.

One :class:`Selector` walks a function's blocks in order and appends
x86-64 instructions (AT&T mnemonics with their size suffix, operands in
Intel order as the assembler's Instruction holds them) to machine blocks.

Values live as follows:

* integers and pointers: one general VReg; i8/i16 values may carry garbage
  above their width (operations that look at the high bits -- division,
  right shifts, extensions, conversions -- extend first), i1 is 0 or 1 in a
  32-bit register;
* i128: a pair (low, high) of general VRegs;
* f32/f64: an xmm VReg;
* f80 (long double): a 16-byte frame slot, worked on with the x87 stack one
  operation at a time (load, operate, store back);
* a static ``alloca`` is a frame slot, used directly as a memory operand.

A comparison used only by the branch or select right after it in its block
is not materialised: the branch tests the flags (``cmp``/``jl``).  Phis are
eliminated on the edges: copies to temporaries then to the phi registers
(so swaps work), in a new block when the edge is critical.  Calls, the
prologue's parameters, returns and varargs follow abi.py (calls.py); f80
and conversions are in floats.py.
"""

from __future__ import annotations

from ... import ir
from ...ir import BlockAddress, Constant, GlobalAddress, Instruction, Type, Undef
from ..mir import MachineBlock, MachineFunction, VReg
from ..selector import SelectorBase
from ..stream import ModuleContext  # noqa: F401  (re-exported)
from .compares import CompareSelection
from .control import ControlSelection
from .integers import IntegerSelection
from .memory import MemorySelection
# the shared operand helpers, also imported from here by calls.py, floats.py and emit.py
from .operands import (BITS, FCC, ICC, NEGATE, RBP, RIP, RSP, SUFFIX, SWAPPED,  # noqa: F401
                       Binary, ExprConstant, Immediate, Indirect, Memory, Register,
                       SymbolRef, imm, offset_mem, signed, slot_mem, sym)


class Selector(SelectorBase, IntegerSelection, CompareSelection, MemorySelection, ControlSelection):
    TARGET = "x86-64"

    def __init__(self, function: ir.Function, ctx: ModuleContext):
        from .calls import CallSelection
        from .floats import FloatSelection
        super().__init__(function, ctx)
        self.calls = CallSelection(self)
        self.floats = FloatSelection(self)

    def new(self, bits: int = 64, cls: str = "gp") -> VReg:
        return self.mf.new_vreg(bits, cls)

    def jump(self, cc: str | None, target: MachineBlock) -> None:
        self.e("jmp" if cc is None else "j" + cc, SymbolRef(target.label))
        self.successor(target)

    def goto(self, target: MachineBlock) -> None:
        self.jump(None, target)

    # --- values ---------------------------------------------------------------------
    def const_int(self, value: int, bits: int) -> VReg:
        v = self.new(bits)
        if bits == 64 and not -2**31 <= signed(value, 64) < 2**31:
            self.e("movabsq", v, imm(signed(value, 64)))
        elif bits == 64 and signed(value, 64) < 0:
            self.e("movq", v, imm(signed(value, 64)))
        else:
            self.e("movl", v.width(32), imm(signed(value, min(bits, 32))))
        return v

    def reg(self, value: ir.Value, bits: int | None = None) -> VReg:
        """The value in a general (or xmm for floats) register."""
        ty = value.type
        if ty.is_float and ty is not Type.F80:
            return self.floats.xmm(value)
        b = BITS.get(ty, 64) if bits is None else bits
        if isinstance(value, Constant):
            return self.const_int(int(value.value), max(b, 8))
        if isinstance(value, Undef):
            return self.const_int(0, max(b, 8))
        if isinstance(value, GlobalAddress):
            v = self.new(64)
            self.lea_global(v, value.name, value.offset)
            return v.width(b)
        if isinstance(value, BlockAddress):
            v = self.new(64)
            self.e("leaq", v, Memory(base=RIP, displacement=sym(self.block_label(value.block))))
            self.mf.attributes.setdefault("address_taken", set()).add(value.block)
            return v.width(b)
        slot = self.addresses.get(value)
        if slot is not None:
            v = self.new(64)
            self.e("leaq", v, slot_mem(slot))
            return v.width(b)
        if isinstance(value, Instruction) and value.id in self.fused:
            # a fused comparison needed as a value after all
            self.fused.discard(value.id)
            self.select_compare_value(value)
        v = self.values.get(value)
        if v is None:
            v = self.values[value] = self.new(max(b, 8))
        return v.width(b)

    def operand(self, value: ir.Value, bits: int):
        """An immediate when the value is a constant that fits, else a register."""
        if isinstance(value, Constant) and value.type.is_integer:
            v = signed(int(value.value), bits)
            if -2**31 <= v < 2**31:
                return imm(v)
        return self.reg(value, bits)

    def pair(self, value: ir.Value) -> tuple[VReg, VReg]:
        """An i128 value as (low, high)."""
        if isinstance(value, (Constant, Undef)):
            n = int(value.value) if isinstance(value, Constant) else 0
            return (self.const_int(n & (2**64 - 1), 64), self.const_int(n >> 64, 64))
        p = self.values.get(value)
        if p is None:
            p = self.values[value] = (self.new(64), self.new(64))
        return p

    def dest(self, inst: ir.Value):
        """The register(s) or slot an instruction's result goes to."""
        ty = inst.type
        if ty is Type.I128:
            return self.pair(inst)
        if ty is Type.F80:
            return self.floats.slot(inst)
        if inst not in self.values:
            cls = "xmm" if ty.is_float else "gp"
            self.values[inst] = self.new(128 if cls == "xmm" else max(BITS.get(ty, 64), 8), cls)
        v = self.values[inst]
        return v if ty.is_float else v.width(BITS.get(ty, 64))

    def lea_global(self, v: VReg, name: str, offset: int) -> None:
        if name in self.ctx.tls:
            self.e("movq", v, Memory(segment=Register("fs"), displacement=ExprConstant(0)))
            self.e("leaq", v, Memory(base=v, displacement=sym(name, offset, "tpoff")))
        else:
            self.e("leaq", v, Memory(base=RIP, displacement=sym(name, offset)))

    def mem(self, address: ir.Value, offset: int = 0) -> Memory:
        """A memory operand for the bytes at ``address + offset``."""
        slot = self.addresses.get(address)
        if slot is not None:
            return slot_mem(slot, offset)
        if isinstance(address, GlobalAddress):
            if address.name in self.ctx.tls:
                return Memory(segment=Register("fs"),
                              displacement=sym(address.name, address.offset + offset, "tpoff"))
            return Memory(base=RIP, displacement=sym(address.name, address.offset + offset))
        if isinstance(address, Constant):
            v = self.reg(address, 64)
            return Memory(base=v, displacement=ExprConstant(offset))
        return Memory(base=self.reg(address, 64), displacement=ExprConstant(offset))

    def fuses_into(self, inst: Instruction, user: Instruction) -> bool:
        # an f80 select works on x87 slots, not on the flags
        return super().fuses_into(inst, user) and user.type is not Type.F80


def select_function(function: ir.Function, ctx: ModuleContext) -> MachineFunction:
    return Selector(function, ctx).run()

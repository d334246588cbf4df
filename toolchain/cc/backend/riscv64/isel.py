"""Instruction selection for RISC-V 64: IR functions to machine IR over virtual registers.

One :class:`Selector` walks a function's blocks in order and appends RV64GC
instructions (GNU mnemonics, pseudo-instructions such as ``li``, ``mv``,
``lla``, ``call`` included: pas expands them as GNU as does) to machine
blocks.

Values live as follows:

* integers and pointers: one general VReg.  An i32 is always kept
  sign-extended to 64 bits, as RV64 keeps it (the ``w`` instructions,
  ``lw``, ``sext.w`` give that form, and the psABI passes ``int`` and
  ``unsigned int`` so) -- so 64-bit compares order i32 values signed and
  unsigned alike.  i8/i16 may carry garbage above their width: what looks at
  the high bits extends first.  i1 is 0 or 1;
* i128 and f128 (``long double``, IEEE binary128, computed by the soft-float
  routines ``__addtf3``...): a pair (low, high) of general VRegs, as the
  integer calling convention passes them;
* f32/f64: a floating-point VReg (class ``fp``);
* a static ``alloca`` is a frame slot, used directly as a memory base.

A comparison used only by the branch right after it becomes a compare-and-
branch (``blt a0, a1, .L3``).  Phis are eliminated on the edges (control.py).
Calls, parameters, returns and varargs follow abi.py (calls.py); floating
point and the f128 library calls are in floats.py.
"""

from __future__ import annotations

from ... import ir
from ...ir import BlockAddress, Constant, GlobalAddress, Instruction, Type, Undef
from ..mir import MachineBlock, MachineFunction, VReg
from ..selector import SelectorBase
from ..stream import ModuleContext
from .compares import CompareSelection
from .control import ControlSelection
from .integers import IntegerSelection
from .memory import MemorySelection
from .operands import (TP, ZERO, ExprConstant, Memory, Register, SymbolRef, fits12, imm,
                       signed, sym)
from .registers import slot_mem

PAIRED = (Type.I128, Type.F128)


class Selector(SelectorBase, IntegerSelection, CompareSelection, MemorySelection, ControlSelection):
    TARGET = "riscv64"
    FUSABLE = ("icmp",)

    def __init__(self, function: ir.Function, ctx: ModuleContext):
        from .calls import CallSelection
        from .floats import FloatSelection
        super().__init__(function, ctx)
        self.calls = CallSelection(self)
        self.floats = FloatSelection(self)

    def new(self, cls: str = "gp") -> VReg:
        return self.mf.new_vreg(64, cls)

    def jump(self, target: MachineBlock) -> None:
        self.e("j", SymbolRef(target.label))
        self.successor(target)

    goto = jump

    def branch(self, mnemonic: str, operands: tuple, target: MachineBlock) -> None:
        self.e(mnemonic, *operands, SymbolRef(target.label))
        self.successor(target)

    # --- values ---------------------------------------------------------------------
    def const_int(self, value: int) -> VReg:
        v = self.new()
        self.e("li", v, imm(signed(value, 64)))
        return v

    def reg(self, value: ir.Value) -> VReg:
        """The value in a register: general, or floating-point for f32/f64."""
        ty = value.type
        if ty in (Type.F32, Type.F64):
            return self.floats.fpr(value)
        if isinstance(value, Constant):
            n = int(value.value)
            return self.const_int(signed(n, 32) if ty is Type.I32 else n)
        if isinstance(value, Undef):
            return self.const_int(0)
        if isinstance(value, GlobalAddress):
            return self.address_of(value.name, value.offset)
        if isinstance(value, BlockAddress):
            v = self.new()
            self.e("lla", v, SymbolRef(self.block_label(value.block)))
            self.mf.attributes.setdefault("address_taken", set()).add(value.block)
            return v
        slot = self.addresses.get(value)
        if slot is not None:
            v = self.new()
            self.e("addi", v, slot_mem(slot))
            return v
        if isinstance(value, Instruction) and value.id in self.fused:
            self.fused.discard(value.id)        # a fused comparison needed as a value after all
            self.select_compare_value(value)
        v = self.values.get(value)
        if v is None:
            v = self.values[value] = self.new()
        return v

    def source(self, value: ir.Value):
        """A register to read the value from: ``zero`` for the constant 0."""
        if isinstance(value, Constant) and value.type.is_integer and \
                value.type is not Type.I128 and int(value.value) == 0:
            return ZERO
        return self.reg(value)

    def imm12(self, value: ir.Value, negate: bool = False):
        """The value as a 12-bit immediate (negated), when it is a constant that fits."""
        if isinstance(value, Constant) and value.type.is_integer and value.type is not Type.I128:
            bits = 32 if value.type is Type.I32 else 64
            n = signed(int(value.value), bits)
            if negate:
                n = -n
            if fits12(n):
                return imm(n)
        return None

    def pair(self, value: ir.Value) -> tuple[VReg, VReg]:
        """An i128 or f128 value as (low, high)."""
        if isinstance(value, (Constant, Undef)):
            n = self.floats.f128_bits(value) if value.type is Type.F128 else \
                (int(value.value) if isinstance(value, Constant) else 0)
            return (self.const_int(n & (2**64 - 1)), self.const_int((n >> 64) & (2**64 - 1)))
        p = self.values.get(value)
        if p is None:
            p = self.values[value] = (self.new(), self.new())
        return p

    def dest(self, inst: ir.Value):
        """The register(s) an instruction's result goes to."""
        ty = inst.type
        if ty in PAIRED:
            return self.pair(inst)
        if inst not in self.values:
            self.values[inst] = self.new("fp" if ty in (Type.F32, Type.F64) else "gp")
        return self.values[inst]

    def address_of(self, name: str, offset: int = 0) -> VReg:
        """The address of a symbol: ``lla`` (auipc + addi, the medany model),
        or for a thread-local the local-exec sequence from tp."""
        v = self.new()
        if name in self.ctx.tls:
            self.e("lui", v, SymbolRef(name, "tprel_hi"))
            self.e("add", v, v, TP, SymbolRef(name, "tprel_add"))
            self.e("addi", v, v, SymbolRef(name, "tprel_lo"))
            if offset:
                self.add_offset(v, v, offset)
        else:
            self.e("lla", v, sym(name, offset))
        return v

    def add_offset(self, d, base, offset: int) -> None:
        if fits12(offset):
            self.e("addi", d, base, imm(offset))
        else:
            t = self.const_int(offset)
            self.e("add", d, base, t)

    def mem(self, address: ir.Value, offset: int = 0) -> Memory:
        """A memory operand for the bytes at ``address + offset``."""
        slot = self.addresses.get(address)
        if slot is not None:
            return slot_mem(slot, offset)
        base = self.reg(address)
        if not fits12(offset) or not fits12(offset + 16):
            t = self.new()
            self.add_offset(t, base, offset)
            base, offset = t, 0
        return Memory(base=base, displacement=ExprConstant(offset))

    def fuses_into(self, inst: Instruction, user: Instruction) -> bool:
        # compare-and-branch (beq/blt...); an i128 comparison takes several
        return user.opcode == "br" and inst.operands[0].type is not Type.I128


def select_function(function: ir.Function, ctx: ModuleContext) -> MachineFunction:
    return Selector(function, ctx).run()


__all__ = ["Selector", "select_function", "ModuleContext", "Register", "VReg"]

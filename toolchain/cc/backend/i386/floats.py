"""Floating point for i386: float, double and long double on the x87 stack.

The i386 baseline has no SSE (GCC's -m32 code uses the x87 too), so every
floating value -- f32, f64 and f80 alike -- lives in a frame slot of its
size (4, 8 or 12 bytes; long double is 12 bytes on i386) and each
operation loads its operands onto the x87 stack, computes, and stores the
result back (``fldl``, ``faddp``, ``fstpl``).  No x87 register is live
between instructions, so the allocator never sees one, and each result is
rounded to its type on the store (like GCC's -ffloat-store).  Constants
come from the constant pool; copies, loads and stores move the bytes with
integer registers.

GNU spelling of the reversed operations: ``fsubp %st, %st(1)`` is Intel's
FSUBRP (st(1) = st(0) - st(1)), so the left operand is loaded last.
C's conversion to integer truncates, while the x87 rounds to nearest: the
control word is saved (``fnstcw``), its rounding field set to "toward zero"
for the ``fistp`` and restored (``fldcw``).  Unsigned conversions go through
64-bit integers, with a correction for values of 2**63 and more.
"""

from __future__ import annotations

import struct

from ...ir import Constant, Instruction, Type, Undef
from ..x86_64.floats import f80_bytes
from .operands import (BITS, FCC, ST0, ST1, ExprConstant, Memory, SymbolRef, imm, offset_mem,
                       slot_mem)

SIZE = {Type.F32: 4, Type.F64: 8, Type.F80: 12}
VALUE_BYTES = {Type.F32: 4, Type.F64: 8, Type.F80: 10}
SUFFIX = {Type.F32: "s", Type.F64: "l", Type.F80: "t"}


class FloatSelection:
    def __init__(self, sel):
        self.sel = sel
        self.slots: dict[object, object] = {}      # float value -> FrameSlot
        self.control_words = None

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- values ------------------------------------------------------------------------
    def pool(self, data: bytes, align: int) -> Memory:
        return Memory(displacement=SymbolRef(self.sel.ctx.constant(data, align)))

    def slot(self, value):
        s = self.slots.get(value)
        if s is None:
            s = self.slots[value] = self.sel.mf.new_slot(SIZE[value.type], 4, "f")
        return s

    def temp_slot(self, ty: Type):
        return self.sel.mf.new_slot(SIZE[ty], 4, "ft")

    def mem_of(self, value) -> Memory:
        """Memory holding a floating value (its slot, or the constant pool)."""
        if isinstance(value, (Constant, Undef)):
            ty = value.type
            number = float(value.value) if isinstance(value, Constant) else 0.0
            bits = value.bits if isinstance(value, Constant) else None
            if ty is Type.F32:
                data = bits.to_bytes(4, "little") if bits is not None else struct.pack("<f", number)
                return self.pool(data, 4)
            if ty is Type.F64:
                data = bits.to_bytes(8, "little") if bits is not None else struct.pack("<d", number)
                return self.pool(data, 8)
            data = bits.to_bytes(10, "little") if bits is not None else f80_bytes(number)
            return self.pool(data + bytes(6), 16)
        return slot_mem(self.slot(value))

    def fld(self, value) -> None:
        self.sel.e("fld" + SUFFIX[value.type], self.mem_of(value))

    def fstp(self, ty: Type, m: Memory) -> None:
        self.sel.e("fstp" + SUFFIX[ty], m)

    def copy_mem(self, dst: Memory, src: Memory, ty: Type) -> None:
        self.sel.copy_bytes(dst, src, VALUE_BYTES[ty])

    def load(self, m: Memory, dest) -> None:
        ty = Type.F32 if dest.size == 4 else Type.F64 if dest.size == 8 else Type.F80
        self.copy_mem(slot_mem(dest), m, ty)

    def store(self, value, m: Memory) -> None:
        self.copy_mem(m, self.mem_of(value), value.type)

    def copy(self, value, dest) -> None:
        self.store(value, slot_mem(dest))

    def copy_slot(self, src, dest, ty: Type) -> None:
        self.copy_mem(slot_mem(dest), slot_mem(src), ty)

    def select(self, inst: Instruction) -> None:
        sel = self.sel
        c, a, b = inst.operands
        pa, pb = sel.new(), sel.new()
        sel.e("leal", pa, self.mem_of(a))
        sel.e("leal", pb, self.mem_of(b))
        sel.cmovs(sel.condition(c), [(pb, pa)], [(pb, pb)])
        self.copy_mem(slot_mem(self.slot(inst)), Memory(base=pb, displacement=ExprConstant(0)),
                      inst.type)

    def bitcast(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        if a.type.is_float:                     # float -> integer of the same size
            m = self.mem_of(a)
            if inst.type is Type.I64:
                dl, dh = sel.dest(inst)
                sel.e("movl", dl, m)
                sel.e("movl", dh, offset_mem(m, 4))
            else:
                sel.e("movl", sel.dest(inst), m)
            return
        m = slot_mem(self.slot(inst))
        if a.type is Type.I64:
            lo, hi = sel.int64.operands(a)
            sel.e("movl", m, lo)
            sel.e("movl", offset_mem(m, 4), hi)
        else:
            sel.e("movl", m, sel.operand(a))

    # --- arithmetic ----------------------------------------------------------------------
    def _arith(self, inst: Instruction, x87: str) -> None:
        a, b = inst.operands
        self.fld(b)
        self.fld(a)
        self.sel.e(x87, ST1, ST0)
        self.fstp(inst.type, slot_mem(self.slot(inst)))

    def op_fadd(self, inst): self._arith(inst, "faddp")
    def op_fsub(self, inst): self._arith(inst, "fsubp")
    def op_fmul(self, inst): self._arith(inst, "fmulp")
    def op_fdiv(self, inst): self._arith(inst, "fdivp")

    def op_fneg(self, inst: Instruction) -> None:
        self.fld(inst.operands[0])
        self.sel.e("fchs")
        self.fstp(inst.type, slot_mem(self.slot(inst)))

    def compare(self, inst: Instruction):
        swap, cond = FCC[inst.attributes["predicate"]]
        a, b = inst.operands
        if swap:
            a, b = b, a
        self.fld(b)
        self.fld(a)
        self.sel.e("fucomip", ST0, ST1)
        self.sel.e("fstp", ST0)
        return cond

    # --- conversions -----------------------------------------------------------------------
    def op_sitofp(self, inst: Instruction) -> None: self._int_to_float(inst, True)
    def op_uitofp(self, inst: Instruction) -> None: self._int_to_float(inst, False)

    def _int_to_float(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        if a.type is Type.I1:
            signed_ = False
        tmp = sel.mf.new_slot(8, 4, "cvt")
        if a.type is Type.I64:
            lo, hi = sel.int64.pair(a)
            sel.e("movl", slot_mem(tmp), lo)
            sel.e("movl", slot_mem(tmp, 4), hi)
            sel.e("fildq", slot_mem(tmp))
            if not signed_:
                done, add = sel.new_block(), sel.new_block()
                sel.e("testl", hi, hi)
                sel.jump("s", add)
                sel.jump(None, done)
                sel.start(add)
                sel.e("fadds", self.pool(struct.pack("<f", 2.0 ** 64), 4))
                sel.jump(None, done)
                sel.start(done)
        elif signed_ or BITS[a.type] < 32:
            sel.e("movl", slot_mem(tmp), sel.extend(a, signed_))
            sel.e("fildl", slot_mem(tmp))
        else:
            sel.e("movl", slot_mem(tmp), sel.reg(a))
            sel.e("movl", slot_mem(tmp, 4), imm(0))
            sel.e("fildq", slot_mem(tmp))
        self.fstp(inst.type, slot_mem(self.slot(inst)))

    def op_fptosi(self, inst: Instruction) -> None: self._float_to_int(inst, True)
    def op_fptoui(self, inst: Instruction) -> None: self._float_to_int(inst, False)

    def _truncating(self, mnemonic: str, m: Memory) -> None:
        """``fistp`` with the rounding control set to truncate, then restored."""
        sel = self.sel
        if self.control_words is None:
            self.control_words = (sel.mf.new_slot(2, 2, "cw"), sel.mf.new_slot(2, 2, "cwz"))
        saved, truncating = self.control_words
        t = sel.new()
        sel.e("fnstcw", slot_mem(saved))
        sel.e("movzwl", t, slot_mem(saved))
        sel.e("orl", t, imm(0xC00))
        sel.e("movw", slot_mem(truncating), t.width(16))
        sel.e("fldcw", slot_mem(truncating))
        sel.e(mnemonic, m)
        sel.e("fldcw", slot_mem(saved))

    def _float_to_int(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        tmp = sel.mf.new_slot(8, 4, "cvt")
        self.fld(a)
        if ty is Type.I64 and not signed_:
            c = self.pool(struct.pack("<f", 2.0 ** 63), 4)
            small, big, done = sel.new_block(), sel.new_block(), sel.new_block()
            flip = sel.new()
            sel.e("flds", c)
            sel.e("fucomip", ST0, ST1)
            sel.jump("a", small)
            sel.jump(None, big)
            sel.start(big)
            sel.e("fsubs", c)
            sel.e("movl", flip, imm(-2**31))
            sel.jump(None, done)
            sel.start(small)
            sel.e("movl", flip, imm(0))
            sel.jump(None, done)
            sel.start(done)
            self._truncating("fistpll", slot_mem(tmp))
            dl, dh = sel.dest(inst)
            sel.e("movl", dl, slot_mem(tmp))
            sel.e("movl", dh, slot_mem(tmp, 4))
            sel.e("xorl", dh, flip)
            return
        if ty is Type.I64 or (ty is Type.I32 and not signed_):
            self._truncating("fistpll", slot_mem(tmp))
        else:
            self._truncating("fistpl", slot_mem(tmp))
        if ty is Type.I64:
            dl, dh = sel.dest(inst)
            sel.e("movl", dl, slot_mem(tmp))
            sel.e("movl", dh, slot_mem(tmp, 4))
        else:
            sel.e("movl", sel.dest(inst), slot_mem(tmp))

    def op_fpext(self, inst: Instruction) -> None: self._float_to_float(inst)
    def op_fptrunc(self, inst: Instruction) -> None: self._float_to_float(inst)

    def _float_to_float(self, inst: Instruction) -> None:
        (a,) = inst.operands
        if a.type is inst.type:
            return self.copy(a, self.slot(inst))
        self.fld(a)
        self.fstp(inst.type, slot_mem(self.slot(inst)))

"""Floating point for x86-64: SSE scalars, x87 long double, conversions.

float and double live in xmm registers and use the scalar SSE instructions
(``addsd``, ``ucomisd``, ``cvttsd2si``...); constants come from the constant
pool in .rodata.cstN.  ``-x`` is an ``xorps`` with a sign mask.

long double (f80) is the x87's 80-bit extended format in a 16-byte slot.
Each operation loads its operands onto the x87 stack, computes and stores
the result back (``fldt``, ``faddp``, ``fstpt``), so no x87 register is live
between instructions and the allocator never sees one.  Note the GNU
spelling of the reversed operations: ``fsubp %st, %st(1)`` is Intel's
FSUBRP (st(1) = st(0) - st(1)), so the left operand is loaded last.

Unsigned 64-bit conversions, which SSE lacks, branch on the top bit;
__int128 conversions call libgcc (``__floattidf``, ``__fixdfti``...).
"""

from __future__ import annotations

import struct

from ...ir import Constant, Instruction, Type, Undef
from ...lower.types import f128_bytes
from ..x86.x87 import f80_bytes  # noqa: F401  (re-exported)
from .isel import (BITS, FCC, SUFFIX, ExprConstant, Memory, Register, RIP, SymbolRef, imm,
                   slot_mem)
from .operands import FLOAT_MOVE

ST0 = Register("st")
ST1 = Register("st(1)")


def _constant_bytes(value) -> bytes:
    """A float constant (or undef: zero) as it is stored in memory."""
    size = {Type.F32: 4, Type.F64: 8, Type.F128: 16}[value.type]
    if isinstance(value, Constant) and value.bits is not None:
        return value.bits.to_bytes(size, "little")
    number = float(value.value) if isinstance(value, Constant) else 0.0
    if value.type is Type.F128:
        return f128_bytes(number)
    return struct.pack("<f" if value.type is Type.F32 else "<d", number)


class FloatSelection:
    def __init__(self, sel):
        self.sel = sel
        self.slots: dict[object, object] = {}      # f80 value -> FrameSlot

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- values ------------------------------------------------------------------------
    def pool(self, data: bytes, align: int) -> Memory:
        label = self.sel.ctx.constant(data, align)
        return Memory(base=RIP, displacement=SymbolRef(label))

    def xmm(self, value):
        sel = self.sel
        if isinstance(value, (Constant, Undef)):
            v = sel.new(128, "xmm")
            data = _constant_bytes(value)
            if not any(data):
                sel.e("xorps", v, v, roles=("w", ""))
            else:
                sel.e(FLOAT_MOVE[value.type], v, self.pool(data, len(data)))
            return v
        v = sel.values.get(value)
        if v is None:
            v = sel.values[value] = sel.new(128, "xmm")
        return v

    def slot(self, value):
        s = self.slots.get(value)
        if s is None:
            s = self.slots[value] = self.sel.mf.new_slot(16, 16, "f80")
        return s

    def temp_slot(self):
        return self.sel.mf.new_slot(16, 16, "f80t")

    def mem_f80(self, value) -> Memory:
        if isinstance(value, (Constant, Undef)):
            if isinstance(value, Constant) and value.bits is not None:
                data = value.bits.to_bytes(10, "little")
            else:
                data = f80_bytes(float(value.value) if isinstance(value, Constant) else 0.0)
            return self.pool(data + bytes(6), 16)
        return slot_mem(self.slot(value))

    def load_f80(self, m: Memory, dest) -> None:
        self.sel.e("fldt", m)
        self.sel.e("fstpt", slot_mem(dest))

    def store_f80(self, value, m: Memory) -> None:
        self.sel.e("fldt", self.mem_f80(value))
        self.sel.e("fstpt", m)

    def copy_f80(self, value, dest) -> None:
        self.store_f80(value, slot_mem(dest))

    def copy_slot(self, src, dest) -> None:
        self.sel.e("fldt", slot_mem(src))
        self.sel.e("fstpt", slot_mem(dest))

    def select_f80(self, inst: Instruction) -> None:
        sel = self.sel
        c, a, b = inst.operands
        pa, pb = sel.new(), sel.new()
        sel.e("leaq", pa, self.mem_f80(a))
        sel.e("leaq", pb, self.mem_f80(b))
        cond = sel.condition(c)
        sel._cmovs(cond, [(pb, pa)], [(pb, pb)])
        sel.e("fldt", Memory(base=pb, displacement=ExprConstant(0)))
        sel.e("fstpt", slot_mem(self.slot(inst)))

    def bitcast_f80(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        tmp = self.temp_slot()
        if a.type is Type.F80:
            self.store_f80(a, slot_mem(tmp))
            lo, hi = sel.dest(inst)
            sel.e("movq", lo, slot_mem(tmp))
            sel.e("movzwl", hi.width(32), slot_mem(tmp, 8))
        else:
            lo, hi = sel.pair(a)
            sel.e("movq", slot_mem(tmp), lo)
            sel.e("movq", slot_mem(tmp, 8), hi)
            self.copy_slot(tmp, self.slot(inst))

    # --- arithmetic ----------------------------------------------------------------------
    def _arith(self, inst: Instruction, sse: str, x87: str) -> None:
        sel = self.sel
        a, b = inst.operands
        if inst.type is Type.F80:
            sel.e("fldt", self.mem_f80(b))
            sel.e("fldt", self.mem_f80(a))
            sel.e(x87, ST1, ST0)
            sel.e("fstpt", slot_mem(self.slot(inst)))
            return
        d = sel.dest(inst)
        suffix = "ss" if inst.type is Type.F32 else "sd"
        sel.e("movaps", d, self.xmm(a))
        sel.e(sse + suffix, d, self.xmm(b))

    def op_fadd(self, inst): self._arith(inst, "add", "faddp")
    def op_fsub(self, inst): self._arith(inst, "sub", "fsubp")
    def op_fmul(self, inst): self._arith(inst, "mul", "fmulp")
    def op_fdiv(self, inst): self._arith(inst, "div", "fdivp")

    def op_fneg(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        if inst.type is Type.F80:
            sel.e("fldt", self.mem_f80(a))
            sel.e("fchs")
            sel.e("fstpt", slot_mem(self.slot(inst)))
            return
        if inst.type is Type.F32:
            mask = struct.pack("<I", 0x80000000) * 4
        else:
            mask = struct.pack("<Q", 1 << 63) * 2
        d = sel.dest(inst)
        sel.e("movaps", d, self.xmm(a))
        sel.e("xorps", d, self.pool(mask, 16))

    def compare(self, inst: Instruction):
        sel = self.sel
        swap, cond = FCC[inst.attributes["predicate"]]
        a, b = inst.operands
        if swap:
            a, b = b, a
        if a.type is Type.F80:
            sel.e("fldt", self.mem_f80(b))
            sel.e("fldt", self.mem_f80(a))
            sel.e("fucomip", ST0, ST1)
            sel.e("fstp", ST0)
            return cond
        sel.e("ucomiss" if a.type is Type.F32 else "ucomisd", self.xmm(a), self.xmm(b))
        return cond

    # --- conversions -----------------------------------------------------------------------
    def _runtime(self, inst: Instruction, name: str) -> None:
        self.sel.calls.runtime_call(name, inst, list(inst.operands))

    _LIBGCC = {Type.F32: "sf", Type.F64: "df", Type.F80: "xf"}

    def op_sitofp(self, inst: Instruction) -> None: self._int_to_float(inst, True)
    def op_uitofp(self, inst: Instruction) -> None: self._int_to_float(inst, False)

    def _int_to_float(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        if a.type is Type.I128:
            return self._runtime(inst, ("__floatti" if signed_ else "__floatunti")
                                 + self._LIBGCC[ty])
        bits = BITS[a.type]
        if a.type is Type.I1:
            signed_ = False
        if bits < 32 or (not signed_ and bits == 32):
            src = sel.extend(a, signed_, 64 if not signed_ and bits == 32 else 32)
            width = src.bits
            unsigned_big = False
        else:
            src = sel.reg(a, bits)
            width = bits
            unsigned_big = not signed_ and bits == 64
        if ty is Type.F80:
            tmp = self.temp_slot()
            sel.e("movq" if width == 64 else "movl", slot_mem(tmp), src)
            sel.e("fildq" if width == 64 else "fildl", slot_mem(tmp))
            if unsigned_big:
                done = sel.new_block()
                add = sel.new_block()
                sel.e("testq", src, src)
                sel.jump("s", add)
                sel.jump(None, done)
                sel.start(add)
                sel.e("fadds", self.pool(struct.pack("<f", 2.0 ** 64), 4))
                sel.jump(None, done)
                sel.start(done)
            sel.e("fstpt", slot_mem(self.slot(inst)))
            return
        cvt = "cvtsi2ss" if ty is Type.F32 else "cvtsi2sd"
        d = sel.dest(inst)
        if not unsigned_big:
            sel.e(cvt + SUFFIX[width], d, src, roles=("w", "r"))
            return
        big, done = sel.new_block(), sel.new_block()
        sel.e("testq", src, src)
        sel.jump("s", big)
        small = sel.new_block()
        sel.jump(None, small)
        sel.start(small)
        sel.e(cvt + "q", d, src)
        sel.jump(None, done)
        sel.start(big)
        t, u = sel.new(), sel.new()
        sel.e("movq", t, src)
        sel.e("shrq", t, imm(1))
        sel.e("movq", u, src)
        sel.e("andl", u.width(32), imm(1))
        sel.e("orq", t, u)
        sel.e(cvt + "q", d, t)
        sel.e("addss" if ty is Type.F32 else "addsd", d, d)
        sel.jump(None, done)
        sel.start(done)

    def op_fptosi(self, inst: Instruction) -> None: self._float_to_int(inst, True)
    def op_fptoui(self, inst: Instruction) -> None: self._float_to_int(inst, False)

    def _float_to_int(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        if ty is Type.I128:
            return self._runtime(inst, ("__fix" if signed_ else "__fixuns")
                                 + self._LIBGCC[a.type] + "ti")
        bits = BITS[ty]
        d = sel.dest(inst)
        wide = 64 if (bits == 64 or (bits == 32 and not signed_)) else 32
        if a.type is Type.F80:
            tmp = self.temp_slot()
            sel.e("fldt", self.mem_f80(a))
            if not signed_ and bits == 64:
                c = self.pool(struct.pack("<f", 2.0 ** 63), 4)
                small, big, done = sel.new_block(), sel.new_block(), sel.new_block()
                sel.e("flds", c)
                sel.e("fucomip", ST0, ST1)
                sel.jump("a", small)
                sel.jump(None, big)
                sel.start(big)
                sel.e("fsubs", c)
                sel.e("fisttpq", slot_mem(tmp))
                sel.e("movq", d, slot_mem(tmp))
                sel.e("btcq", d, imm(63))
                sel.jump(None, done)
                sel.start(small)
                sel.e("fisttpq", slot_mem(tmp))
                sel.e("movq", d, slot_mem(tmp))
                sel.jump(None, done)
                sel.start(done)
                return
            sel.e("fisttpq", slot_mem(tmp))
            sel.e("movq" if wide == 64 else "movl", d.width(wide), slot_mem(tmp))
            return
        sfx = "ss" if a.type is Type.F32 else "sd"
        x = self.xmm(a)
        if not signed_ and bits == 64:
            c = sel.new(128, "xmm")
            sel.e("movss" if a.type is Type.F32 else "movsd", c,
                  self.pool(struct.pack("<f", 2.0 ** 63) if a.type is Type.F32
                            else struct.pack("<d", 2.0 ** 63), 4 if a.type is Type.F32 else 8))
            small, big, done = sel.new_block(), sel.new_block(), sel.new_block()
            sel.e("ucomi" + sfx, x, c)
            sel.jump("ae", big)
            sel.jump(None, small)
            sel.start(small)
            sel.e("cvtt" + sfx + "2siq", d, x)
            sel.jump(None, done)
            sel.start(big)
            t = sel.new(128, "xmm")
            sel.e("movaps", t, x)
            sel.e("sub" + sfx, t, c)
            sel.e("cvtt" + sfx + "2siq", d, t)
            sel.e("btcq", d, imm(63))
            sel.jump(None, done)
            sel.start(done)
            return
        sel.e("cvtt" + sfx + "2si" + SUFFIX[wide], d.width(wide), x)

    def op_fpext(self, inst: Instruction) -> None: self._float_to_float(inst)
    def op_fptrunc(self, inst: Instruction) -> None: self._float_to_float(inst)

    def _float_to_float(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        src, dst = a.type, inst.type
        if src is dst:
            return sel.copy_value(a, sel.dest(inst), dst)
        if src is Type.F80 or dst is Type.F80:
            tmp = self.temp_slot()
            if src is Type.F80:
                sel.e("fldt", self.mem_f80(a))
                sel.e("fstps" if dst is Type.F32 else "fstpl", slot_mem(tmp))
                sel.e("movss" if dst is Type.F32 else "movsd", sel.dest(inst), slot_mem(tmp))
            else:
                sel.e("movss" if src is Type.F32 else "movsd", slot_mem(tmp), self.xmm(a))
                sel.e("flds" if src is Type.F32 else "fldl", slot_mem(tmp))
                sel.e("fstpt", slot_mem(self.slot(inst)))
            return
        sel.e("cvtss2sd" if src is Type.F32 else "cvtsd2ss", sel.dest(inst), self.xmm(a))

"""Integer instruction selection for x86-64: arithmetic, shifts, division,
bit counting, widening and narrowing, and the i128 pairs.

Two-address forms: the destination is first loaded with the left operand,
then the operation applies the right one (``movl a, d; addl b, d``).  i8/i16
values may carry garbage above their width, so everything that looks at
high bits (division, right shifts, extension) widens first.  Division uses
the fixed rax/rdx pair; variable shift counts go through cl.  i128 values
are (low, high) pairs: add/adc, sub/sbb, a three-multiply product, shld/shrd
shifts; division calls libgcc's ``__divti3`` family.
"""

from __future__ import annotations

from ... import ir
from ...ir import Constant, Instruction, Type
from ..mir import VReg
from .operands import BITS, SUFFIX, Immediate, Register, imm, signed


class IntegerSelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    # --- integer arithmetic ---------------------------------------------------------
    def _binary(self, inst: Instruction, mnemonic: str) -> None:
        if inst.type is Type.I128:
            return self.i128_binary(inst, mnemonic)
        a, b = inst.operands
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        s = SUFFIX[bits]
        self.e("mov" + s, d, self.reg(a, bits))
        self.e(mnemonic + s, d, self.operand(b, bits))

    def op_add(self, inst): self._binary(inst, "add")
    def op_sub(self, inst): self._binary(inst, "sub")
    def op_and(self, inst): self._binary(inst, "and")
    def op_or(self, inst): self._binary(inst, "or")
    def op_xor(self, inst): self._binary(inst, "xor")

    def op_mul(self, inst):
        if inst.type is Type.I128:
            return self.i128_mul(inst)
        a, b = inst.operands
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        s = SUFFIX[bits]
        o = self.operand(b, bits)
        if isinstance(o, Immediate):
            self.e("imul" + s, d, self.reg(a, bits), o)
        else:
            self.e("mov" + s, d, self.reg(a, bits))
            self.e("imul" + s, d, o)

    def op_neg(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            self.e("movq", dl, lo)
            self.e("movq", dh, hi)
            self.e("negq", dl)
            self.e("adcq", dh, imm(0))
            self.e("negq", dh)
            return
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        self.e("mov" + SUFFIX[bits], d, self.reg(inst.operands[0], bits))
        self.e("neg" + SUFFIX[bits], d)

    def op_not(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            for d, s in ((dl, lo), (dh, hi)):
                self.e("movq", d, s)
                self.e("notq", d)
            return
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        self.e("mov" + SUFFIX[bits], d, self.reg(inst.operands[0], bits))
        if inst.type is Type.I1:
            self.e("xorl", d, imm(1))
        else:
            self.e("not" + SUFFIX[bits], d)

    def extend(self, value: ir.Value, signed_: bool, bits: int = 32) -> VReg:
        """The value widened to ``bits`` (32 or 64) by sign or zero extension."""
        vb = BITS[value.type]
        if isinstance(value, Constant):
            n = int(value.value) & ((1 << max(vb, 1)) - 1) if value.type is not Type.I1 else \
                int(value.value) & 1
            if signed_ and value.type is not Type.I1:
                n = signed(n, vb)
            return self.const_int(n & ((1 << bits) - 1), bits)
        src = self.reg(value)
        d = self.new(bits)
        if vb == bits:
            self.e("mov" + SUFFIX[bits], d, src)
        elif vb == 32 and bits == 64:
            self.e("movslq" if signed_ and value.type is not Type.I1 else "movl",
                   d if signed_ and value.type is not Type.I1 else d.width(32), src)
        else:
            mn = ("movs" if signed_ else "movz") + SUFFIX[vb] + SUFFIX[bits]
            self.e(mn, d, src)
        return d

    def _shift(self, inst: Instruction, mnemonic: str, signed_: bool | None) -> None:
        if inst.type is Type.I128:
            return self.i128_shift(inst, mnemonic)
        a, b = inst.operands
        vb = BITS[inst.type]
        bits = max(vb, 32)
        d = self.dest(inst).width(bits)
        s = SUFFIX[bits]
        if signed_ is not None and vb < 32:
            src = self.extend(a, signed_, 32)
        else:
            src = self.reg(a, bits)
        self.e("mov" + s, d, src)
        if isinstance(b, Constant):
            self.e(mnemonic + s, d, imm(int(b.value) & (bits - 1)))
        else:
            self.e("movl", Register("ecx"), self.reg(b, 32) if BITS[b.type] >= 32 else
                   self.extend(b, False, 32), defs=())
            self.e(mnemonic + s, d, Register("cl"))

    def op_shl(self, inst): self._shift(inst, "shl", None)
    def op_lshr(self, inst): self._shift(inst, "shr", False)
    def op_ashr(self, inst): self._shift(inst, "sar", True)

    def _divide(self, inst: Instruction, signed_: bool, remainder: bool) -> None:
        if inst.type is Type.I128:
            name = {(True, False): "__divti3", (False, False): "__udivti3",
                    (True, True): "__modti3", (False, True): "__umodti3"}[(signed_, remainder)]
            return self.calls.runtime_call(name, inst, list(inst.operands))
        a, b = inst.operands
        vb = BITS[inst.type]
        bits = max(vb, 32)
        s = SUFFIX[bits]
        x = self.extend(a, signed_, bits) if vb < 32 else self.reg(a, bits)
        y = self.extend(b, signed_, bits) if vb < 32 else self.reg(b, bits)
        rax, rdx = Register("rax" if bits == 64 else "eax"), Register("rdx" if bits == 64 else "edx")
        self.e("mov" + s, rax, x)
        if signed_:
            self.e("cqto" if bits == 64 else "cltd", uses=("rax",), defs=("rdx",))
        else:
            self.e("xorl", Register("edx"), Register("edx"), roles=("w", ""))
        self.e(("idiv" if signed_ else "div") + s, y, uses=("rax", "rdx"), defs=("rax", "rdx"))
        self.e("mov" + s, self.dest(inst).width(bits), rdx if remainder else rax)

    def op_sdiv(self, inst): self._divide(inst, True, False)
    def op_udiv(self, inst): self._divide(inst, False, False)
    def op_srem(self, inst): self._divide(inst, True, True)
    def op_urem(self, inst): self._divide(inst, False, True)

    # --- bit counting -------------------------------------------------------------------
    def _bits_op(self, inst: Instruction, kind: str) -> None:
        (a,) = inst.operands
        ty = inst.type
        if ty is Type.I128:
            return self._bits_op_i128(inst, kind)
        width = BITS[ty]
        bits = 64 if width == 64 else 32
        s = SUFFIX[bits]
        x = self.extend(a, False, bits) if width < 32 else self.reg(a, bits)
        d = self.dest(inst).width(bits)
        if kind == "ctpop":
            self.e("popcnt" + s, d, x)
        elif kind == "ctlz":
            t = self.new(bits)
            minus1 = self.const_int(2**bits - 1, bits)
            self.e("bsr" + s, t, x)
            self.e("cmove" + s, t, minus1)
            self.e("mov" + s, d, imm(width - 1) if bits == 32 else self.const_int(width - 1, 64))
            self.e("sub" + s, d, t)
        elif kind == "cttz":
            if width < 32:
                self.e("orl", x, imm(1 << width))
            t = self.const_int(width, bits)
            self.e("bsf" + s, d, x)
            self.e("cmove" + s, d, t)
        else:                                       # bswap
            self.e("mov" + s, d, x)
            if width == 16:
                self.e("rolw", d.width(16), imm(8))
            elif width == 8:
                pass
            else:
                self.e("bswap" + s, d)

    def _bits_op_i128(self, inst: Instruction, kind: str) -> None:
        lo, hi = self.pair(inst.operands[0])
        dl, dh = self.dest(inst)
        if kind == "bswap":
            self.e("movq", dl, hi)
            self.e("bswapq", dl)
            self.e("movq", dh, lo)
            self.e("bswapq", dh)
            return
        if kind == "ctpop":
            t = self.new()
            self.e("popcntq", dl, lo)
            self.e("popcntq", t, hi)
            self.e("addq", dl, t)
        else:
            first, second = (hi, lo) if kind == "ctlz" else (lo, hi)
            a, b = self.new(), self.new()
            for reg, src in ((a, first), (b, second)):
                if kind == "ctlz":
                    t = self.new()
                    self.e("bsrq", t, src)
                    self.e("cmoveq", t, self.const_int(2**64 - 1, 64))
                    self.e("movl", reg.width(32), imm(63))
                    self.e("subq", reg, t)
                else:
                    self.e("bsfq", reg, src)
                    self.e("cmoveq", reg, self.const_int(64, 64))
            self.e("addq", b, imm(64))
            self.e("testq", first, first)
            self.e("cmoveq", a, b)
            self.e("movq", dl, a)
        self.e("movl", dh.width(32), imm(0))

    def op_ctlz(self, inst): self._bits_op(inst, "ctlz")
    def op_cttz(self, inst): self._bits_op(inst, "cttz")
    def op_ctpop(self, inst): self._bits_op(inst, "ctpop")
    def op_bswap(self, inst): self._bits_op(inst, "bswap")

    # --- i128 -----------------------------------------------------------------------------
    def i128_binary(self, inst: Instruction, mnemonic: str) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        carry = {"add": "adc", "sub": "sbb"}.get(mnemonic, mnemonic)
        self.e("movq", dl, al)
        self.e("movq", dh, ah)
        self.e(mnemonic + "q", dl, bl)
        self.e(carry + "q", dh, bh)

    def i128_mul(self, inst: Instruction) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        t1, t2 = self.new(), self.new()
        self.e("movq", t1, al)
        self.e("imulq", t1, bh)
        self.e("movq", t2, ah)
        self.e("imulq", t2, bl)
        self.e("addq", t1, t2)
        self.e("movq", Register("rax"), al)
        self.e("mulq", bl, uses=("rax",), defs=("rax", "rdx"))
        self.e("movq", dl, Register("rax"))
        self.e("movq", dh, Register("rdx"))
        self.e("addq", dh, t1)

    def i128_shift(self, inst: Instruction, mnemonic: str) -> None:
        (lo, hi) = self.pair(inst.operands[0])
        dl, dh = self.dest(inst)
        count = inst.operands[1]
        if isinstance(count, Constant):
            n = int(count.value) & 127
            self.e("movq", dl, lo)
            self.e("movq", dh, hi)
            if n == 0:
                return
            if n >= 64:
                if mnemonic == "shl":
                    self.e("movq", dh, lo)
                    self.e("shlq", dh, imm(n - 64))
                    self.e("movl", dl.width(32), imm(0))
                elif mnemonic == "shr":
                    self.e("movq", dl, hi)
                    self.e("shrq", dl, imm(n - 64))
                    self.e("movl", dh.width(32), imm(0))
                else:
                    self.e("movq", dl, hi)
                    self.e("sarq", dl, imm(n - 64))
                    self.e("sarq", dh, imm(63))
                return
            if mnemonic == "shl":
                self.e("shldq", dh, lo, imm(n))
                self.e("shlq", dl, imm(n))
            else:
                self.e("shrdq", dl, hi, imm(n))
                self.e(mnemonic + "q", dh, imm(n))
            return
        if count.type is Type.I128:
            cnt = self.pair(count)[0].width(32)
        else:
            cnt = self.reg(count, 32) if BITS[count.type] >= 32 else self.extend(count, False)
        self.e("movq", dl, lo)
        self.e("movq", dh, hi)
        self.e("movl", Register("ecx"), cnt)
        fill = self.new()
        if mnemonic == "shl":
            self.e("shldq", dh, dl, Register("cl"))
            self.e("shlq", dl, Register("cl"))
            self.e("movl", fill.width(32), imm(0))
            self.e("testb", Register("cl"), imm(64))
            self.e("cmovneq", dh, dl)
            self.e("cmovneq", dl, fill)
        else:
            self.e("shrdq", dl, dh, Register("cl"))
            if mnemonic == "sar":
                self.e("movq", fill, dh)
                self.e("sarq", fill, imm(63))
            else:
                self.e("movl", fill.width(32), imm(0))
            self.e(mnemonic + "q", dh, Register("cl"))
            self.e("testb", Register("cl"), imm(64))
            self.e("cmovneq", dl, dh)
            self.e("cmovneq", dh, fill)


    # --- integer conversions ------------------------------------------------------------
    def op_zext(self, inst): self._ext(inst, False)
    def op_sext(self, inst): self._ext(inst, True)

    def _ext(self, inst: Instruction, signed_: bool) -> None:
        (a,) = inst.operands
        if inst.type is Type.I128:
            dl, dh = self.dest(inst)
            src = self.extend(a, signed_, 64) if BITS[a.type] < 64 else self.reg(a, 64)
            self.e("movq", dl, src)
            if signed_:
                self.e("movq", dh, dl)
                self.e("sarq", dh, imm(63))
            else:
                self.e("movl", dh.width(32), imm(0))
            return
        bits = 64 if BITS[inst.type] == 64 else 32
        if a.type is Type.I1:               # 0/1 in a 32-bit register; sext gives 0/-1
            r = self.extend(a, False, bits)
            d = self.dest(inst).width(bits)
            self.e("mov" + SUFFIX[bits], d, r)
            if signed_:
                self.e("neg" + SUFFIX[bits], d)
            return
        r = self.extend(a, signed_, bits)
        self.e("mov" + SUFFIX[bits], self.dest(inst).width(bits), r)

    def op_trunc(self, inst: Instruction) -> None:
        (a,) = inst.operands
        if a.type is Type.I128:
            lo = self.pair(a)[0]
            bits = max(BITS[inst.type], 32)
            self.e("mov" + SUFFIX[bits], self.dest(inst).width(bits), lo.width(bits))
            if inst.type is Type.I1:
                self.e("andl", self.dest(inst).width(32), imm(1))
            return
        bits = max(BITS[inst.type], 32)
        self.e("mov" + SUFFIX[bits], self.dest(inst).width(bits), self.reg(a, bits))
        if inst.type is Type.I1:
            self.e("andl", self.dest(inst).width(32), imm(1))

    def op_copy(self, inst: Instruction) -> None:
        self.copy_value(inst.operands[0], self.dest(inst), inst.type)

    def copy_value(self, value: ir.Value, dest, ty: Type) -> None:
        if ty is Type.I128:
            lo, hi = self.pair(value)
            self.e("movq", dest[0], lo)
            self.e("movq", dest[1], hi)
        elif ty is Type.F80:
            self.floats.copy_f80(value, dest)
        elif ty.is_float:
            self.e("movaps", dest, self.reg(value))
        else:
            bits = 64 if BITS[ty] == 64 else 32
            self.e("mov" + SUFFIX[bits], dest.width(bits), self.reg(value, bits))

    def op_bitcast(self, inst: Instruction) -> None:
        (a,) = inst.operands
        src, dst = a.type, inst.type
        if src.is_float and not dst.is_float:
            if dst is Type.I128 or src is Type.F80:
                return self.floats.bitcast_f80(inst)
            d = self.dest(inst)
            self.e("movd" if src is Type.F32 else "movq", d, self.reg(a))
        elif dst.is_float and not src.is_float:
            if dst is Type.F80:
                return self.floats.bitcast_f80(inst)
            self.e("movd" if dst is Type.F32 else "movq", self.dest(inst),
                   self.reg(a, 32 if dst is Type.F32 else 64))
        else:
            self.copy_value(a, self.dest(inst), inst.type)


"""Integer instruction selection for AArch64: arithmetic, shifts, division,
bit counting, widening and narrowing, and the i128 pairs.

Three-address forms (``add w0, w1, w2``), with an immediate where the
encoding has one: add/sub/cmp take 12 bits (optionally shifted by 12),
and/orr/eor a logical (bitmask) immediate.  i8/i16 values may carry garbage
above their width, so what looks at high bits extends first (``uxtb``,
``sxth``...).  The remainder is ``sdiv`` then ``msub``.  There is no scalar
population count: ctpop is the SWAR sum.  i128 values are (low, high)
pairs: adds/adc, subs/sbc, mul + umulh + madd, and shifts by constant or
by register with csel on bit 6 of the count; division calls libgcc's
``__divti3`` family.
"""

from __future__ import annotations

from ... import ir
from ...ir import Constant, Instruction, Type
from ..mir import VReg
from .operands import BITS, WIDTH, Immediate, Keyword, Shift, XZR, imm, signed


class IntegerSelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def _binary(self, inst: Instruction, mnemonic: str, kind: str) -> None:
        if inst.type is Type.I128:
            return self.i128_binary(inst, mnemonic)
        a, b = inst.operands
        bits = BITS[inst.type]
        d = self.dest(inst)
        if mnemonic in ("add", "sub") and isinstance(b, Constant):
            n = signed(int(b.value), bits)
            if n < 0 and -n < 2**bits:
                neg = Constant(b.type, -n)
                o = self.operand(neg, bits, kind)
                if isinstance(o, Immediate):
                    self.e("sub" if mnemonic == "add" else "add", d, self.reg(a, bits), o)
                    return
        if mnemonic in ("add", "and", "orr", "eor") and isinstance(a, Constant) and \
                not isinstance(b, Constant):
            a, b = b, a
        self.e(mnemonic, d, self.reg(a, bits), self.operand(b, bits, kind))

    def op_add(self, inst): self._binary(inst, "add", "arith")
    def op_sub(self, inst): self._binary(inst, "sub", "arith")
    def op_and(self, inst): self._binary(inst, "and", "logical")
    def op_or(self, inst): self._binary(inst, "orr", "logical")
    def op_xor(self, inst): self._binary(inst, "eor", "logical")

    def op_mul(self, inst):
        if inst.type is Type.I128:
            return self.i128_mul(inst)
        a, b = inst.operands
        bits = BITS[inst.type]
        self.e("mul", self.dest(inst), self.reg(a, bits), self.reg(b, bits))

    def op_neg(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            self.e("negs", dl, lo)
            self.e("ngc", dh, hi)
            return
        self.e("neg", self.dest(inst), self.reg(inst.operands[0], BITS[inst.type]))

    def op_not(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            self.e("mvn", dl, lo)
            self.e("mvn", dh, hi)
            return
        if inst.type is Type.I1:
            self.e("eor", self.dest(inst), self.reg(inst.operands[0], 32), imm(1))
        else:
            self.e("mvn", self.dest(inst), self.reg(inst.operands[0], BITS[inst.type]))

    def extend(self, value: ir.Value, signed_: bool, bits: int = 32) -> VReg:
        """The value widened to ``bits`` (32 or 64) by sign or zero extension."""
        ty = value.type
        vb = WIDTH[ty]
        if ty is Type.I1:
            signed_ = False
        if isinstance(value, Constant):
            n = int(value.value) & ((1 << vb) - 1)
            if signed_:
                n = signed(n, vb)
            return self.const_int(n & ((1 << bits) - 1), bits)
        src = self.reg(value)
        d = self.new(bits)
        if vb == bits:
            self.e("mov", d, src)
        elif vb == 32:
            if signed_:
                self.e("sxtw", d, src)
            else:
                self.e("zext32", d.width(32), src)     # mov w, w clears bits 32-63
        elif vb == 1:
            self.e("and", d.width(32), src, imm(1))
        else:
            mn = ("sxt" if signed_ else "uxt") + ("b" if vb == 8 else "h")
            if signed_:
                self.e(mn, d, src)
            else:
                self.e(mn, d.width(32), src)
        return d

    def _shift(self, inst: Instruction, mnemonic: str, signed_: bool | None) -> None:
        if inst.type is Type.I128:
            return self.i128_shift(inst, mnemonic)
        a, b = inst.operands
        vb = WIDTH[inst.type]
        bits = BITS[inst.type]
        d = self.dest(inst)
        src = self.extend(a, signed_, 32) if signed_ is not None and vb < 32 else \
            self.reg(a, bits)
        if isinstance(b, Constant):
            n = int(b.value) & (bits - 1)
            self.e(mnemonic, d, src, imm(n))
            return
        count = self.pair(b)[0].width(bits) if b.type is Type.I128 else \
            self.reg(b, bits) if BITS[b.type] == bits else self.extend(b, False, bits)
        self.e(mnemonic, d, src, count)

    def op_shl(self, inst): self._shift(inst, "lsl", None)
    def op_lshr(self, inst): self._shift(inst, "lsr", False)
    def op_ashr(self, inst): self._shift(inst, "asr", True)

    def _divide(self, inst: Instruction, signed_: bool, remainder: bool) -> None:
        if inst.type is Type.I128:
            name = {(True, False): "__divti3", (False, False): "__udivti3",
                    (True, True): "__modti3", (False, True): "__umodti3"}[(signed_, remainder)]
            return self.calls.runtime_call(name, inst, list(inst.operands))
        a, b = inst.operands
        bits = BITS[inst.type]
        narrow = WIDTH[inst.type] < 32
        x = self.extend(a, signed_, bits) if narrow else self.reg(a, bits)
        y = self.extend(b, signed_, bits) if narrow else self.reg(b, bits)
        mn = "sdiv" if signed_ else "udiv"
        if not remainder:
            self.e(mn, self.dest(inst), x, y)
            return
        q = self.new(bits)
        self.e(mn, q, x, y)
        self.e("msub", self.dest(inst), q, y, x)

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
        width = WIDTH[ty]
        bits = BITS[ty]
        d = self.dest(inst)
        x = self.extend(a, False, bits) if width < 32 else self.reg(a, bits)
        self._count(kind, d, x, width)

    def _count(self, kind: str, d: VReg, x: VReg, width: int) -> None:
        bits = d.bits
        if kind == "ctlz":
            if width < 32:
                t = self.new(32)
                self.e("clz", t, x)
                self.e("sub", d, t, imm(32 - width))
            else:
                self.e("clz", d, x)
        elif kind == "cttz":
            if width < 32:
                t = self.new(32)
                self.e("orr", t, x, imm(1 << width))
                x = t
            t = self.new(bits)
            self.e("rbit", t, x)
            self.e("clz", d, t)
        elif kind == "ctpop":
            self._popcount(d, x)
        else:
            if width == 16:
                self.e("rev16", d, x)
            elif width == 8:
                self.e("mov", d, x)
            else:
                self.e("rev", d, x)

    def _popcount(self, d: VReg, x: VReg) -> None:
        """The SWAR population count (Hacker's Delight 5-1)."""
        bits = d.bits
        m = lambda pattern: self.const_int(pattern & ((1 << bits) - 1), bits)
        t, u = self.new(bits), self.new(bits)
        self.e("lsr", t, x, imm(1))
        self.e("and", t, t, imm(0x5555555555555555 & ((1 << bits) - 1)))
        self.e("sub", u, x, t)                      # pairs
        v, w = self.new(bits), self.new(bits)
        self.e("and", v, u, imm(0x3333333333333333 & ((1 << bits) - 1)))
        self.e("lsr", w, u, imm(2))
        self.e("and", w, w, imm(0x3333333333333333 & ((1 << bits) - 1)))
        self.e("add", v, v, w)                      # nibbles
        y = self.new(bits)
        self.e("add", y, v, v, Shift("lsr", 4))
        self.e("and", y, y, imm(0x0F0F0F0F0F0F0F0F & ((1 << bits) - 1)))
        z = self.new(bits)
        self.e("mul", z, y, m(0x0101010101010101))
        self.e("lsr", d, z, imm(bits - 8))

    def _bits_op_i128(self, inst: Instruction, kind: str) -> None:
        lo, hi = self.pair(inst.operands[0])
        dl, dh = self.dest(inst)
        if kind == "bswap":
            self.e("rev", dl, hi)
            self.e("rev", dh, lo)
            return
        if kind == "ctpop":
            t = self.new()
            self._popcount(dl, lo)
            self._popcount(t, hi)
            self.e("add", dl, dl, t)
        else:
            first, second = (hi, lo) if kind == "ctlz" else (lo, hi)
            a, b = self.new(), self.new()
            self._count(kind, a, first, 64)
            self._count(kind, b, second, 64)
            self.e("add", b, b, imm(64))
            self.e("cmp", first, imm(0))
            self.e("csel", dl, b, a, Keyword("eq"))
        self.e("mov", dh, imm(0))

    def op_ctlz(self, inst): self._bits_op(inst, "ctlz")
    def op_cttz(self, inst): self._bits_op(inst, "cttz")
    def op_ctpop(self, inst): self._bits_op(inst, "ctpop")
    def op_bswap(self, inst): self._bits_op(inst, "bswap")

    # --- i128 -----------------------------------------------------------------------------
    def i128_binary(self, inst: Instruction, mnemonic: str) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        if mnemonic in ("add", "sub"):
            self.e(mnemonic + "s", dl, al, bl)
            self.e("adc" if mnemonic == "add" else "sbc", dh, ah, bh)
        else:
            self.e(mnemonic, dl, al, bl)
            self.e(mnemonic, dh, ah, bh)

    def i128_mul(self, inst: Instruction) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        t1, t2 = self.new(), self.new()
        self.e("umulh", t1, al, bl)
        self.e("madd", t2, al, bh, t1)
        self.e("madd", dh, ah, bl, t2)
        self.e("mul", dl, al, bl)

    def i128_shift(self, inst: Instruction, mnemonic: str) -> None:
        (lo, hi) = self.pair(inst.operands[0])
        dl, dh = self.dest(inst)
        count = inst.operands[1]
        if isinstance(count, Constant):
            n = int(count.value) & 127
            if n == 0:
                self.e("mov", dl, lo)
                self.e("mov", dh, hi)
            elif n >= 64:
                if mnemonic == "lsl":
                    self.e("lsl", dh, lo, imm(n - 64))
                    self.e("mov", dl, imm(0))
                elif mnemonic == "lsr":
                    self.e("lsr", dl, hi, imm(n - 64))
                    self.e("mov", dh, imm(0))
                else:
                    self.e("asr", dl, hi, imm(n - 64))
                    self.e("asr", dh, hi, imm(63))
            elif mnemonic == "lsl":
                self.e("extr", dh, hi, lo, imm(64 - n))
                self.e("lsl", dl, lo, imm(n))
            else:
                self.e("extr", dl, hi, lo, imm(n))
                self.e(mnemonic, dh, hi, imm(n))
            return
        if count.type is Type.I128:
            c = self.pair(count)[0]
        else:
            c = self.reg(count, 64) if BITS[count.type] == 64 else self.extend(count, False, 64)
        # n < 64: the two halves combine; n >= 64: one half moves whole (bit 6 of n)
        inv, t, u, small_lo, small_hi, big = (self.new() for _ in range(6))
        self.e("mvn", inv, c)                       # 63 - n (mod 64), shifted by one more
        if mnemonic == "lsl":
            self.e("lsr", t, lo, imm(1))
            self.e("lsr", t, t, inv)                # lo >> (64 - n), 0 when n == 0
            self.e("lsl", u, hi, c)
            self.e("orr", small_hi, u, t)
            self.e("lsl", small_lo, lo, c)
            self.e("tst", c, imm(64))
            self.e("csel", dh, small_lo, small_hi, Keyword("ne"))
            self.e("csel", dl, XZR, small_lo, Keyword("ne"))
            return
        self.e("lsl", t, hi, imm(1))
        self.e("lsl", t, t, inv)                    # hi << (64 - n)
        self.e("lsr", u, lo, c)
        self.e("orr", small_lo, u, t)
        self.e(mnemonic, small_hi, hi, c)
        if mnemonic == "asr":
            self.e("asr", big, hi, imm(63))
        else:
            self.e("mov", big, imm(0))
        self.e("tst", c, imm(64))
        self.e("csel", dl, small_hi, small_lo, Keyword("ne"))
        self.e("csel", dh, big, small_hi, Keyword("ne"))

    # --- integer conversions ------------------------------------------------------------
    def op_zext(self, inst): self._ext(inst, False)
    def op_sext(self, inst): self._ext(inst, True)

    def _ext(self, inst: Instruction, signed_: bool) -> None:
        (a,) = inst.operands
        if inst.type is Type.I128:
            dl, dh = self.dest(inst)
            src = self.extend(a, signed_, 64) if WIDTH[a.type] < 64 else self.reg(a, 64)
            self.e("mov", dl, src)
            if signed_ and a.type is not Type.I1:
                self.e("asr", dh, dl, imm(63))
            else:
                self.e("mov", dh, imm(0))
            return
        bits = BITS[inst.type]
        if a.type is Type.I1 and signed_:
            r = self.extend(a, False, bits)
            self.e("neg", self.dest(inst), r)
            return
        r = self.extend(a, signed_, bits)
        self.e("mov", self.dest(inst), r)

    def op_trunc(self, inst: Instruction) -> None:
        (a,) = inst.operands
        bits = BITS[inst.type]
        src = self.pair(a)[0].width(bits) if a.type is Type.I128 else self.reg(a, bits)
        if inst.type is Type.I1:
            self.e("and", self.dest(inst), src, imm(1))
        else:
            self.e("mov", self.dest(inst), src)

    def op_copy(self, inst: Instruction) -> None:
        self.copy_value(inst.operands[0], self.dest(inst), inst.type)

    def copy_value(self, value: ir.Value, dest, ty: Type) -> None:
        if ty is Type.I128:
            lo, hi = self.pair(value)
            self.e("mov", dest[0], lo)
            self.e("mov", dest[1], hi)
        elif ty.is_float:
            self.floats.move(dest, self.reg(value))
        else:
            bits = BITS[ty]
            self.e("mov", dest.width(bits), self.reg(value, bits))

    def op_bitcast(self, inst: Instruction) -> None:
        (a,) = inst.operands
        src, dst = a.type, inst.type
        if src is Type.F128 and dst is Type.I128:
            v = self.reg(a)
            dl, dh = self.dest(inst)
            self.e("fmov", dl, v.width(64))
            self.e("umov_hi", dh, v)           # fmov xd, vn.d[1] (emit.py)
        elif dst is Type.F128 and src is Type.I128:
            lo, hi = self.pair(a)
            d = self.dest(inst)
            self.e("fmov", d.width(64), lo)
            self.e("ins_hi", d, hi)            # fmov vd.d[1], xn (emit.py)
        elif src.is_float and not dst.is_float:
            self.e("fmov", self.dest(inst), self.reg(a))
        elif dst.is_float and not src.is_float:
            self.e("fmov", self.dest(inst), self.reg(a, 32 if dst is Type.F32 else 64))
        else:
            self.copy_value(a, self.dest(inst), inst.type)


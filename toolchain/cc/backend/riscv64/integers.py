"""Integer instruction selection for RISC-V 64: arithmetic, shifts, division,
bit counting, widening and narrowing, and the i128 pairs.

Three-address forms throughout.  i32 operations use the ``w`` forms
(``addw``, ``sllw``, ``divuw``...), which also leave their result
sign-extended, the form every i32 is kept in (isel.py); constants that fit
take the 12-bit immediate forms (``addi``, ``andi``, ``slliw``...).
Extension is a shift pair (``slli``/``srli``, ``slli``/``srai``) or
``andi 255``, as gcc does.  RV64GC has no bit-counting instructions:
``ctlz`` is a branch-free binary search, ``ctpop`` calls ``__popcountdi2``,
``cttz`` counts the ones below the lowest set bit.  i128 values are (low,
high) pairs: carries from ``sltu``, the product from ``mul``/``mulhu``,
division by libgcc's ``__divti3`` family.
"""

from __future__ import annotations

from ... import ir
from ...ir import Constant, Instruction, Type
from ..mir import VReg
from .operands import BITS, imm, signed

_WORD = {"add": "addw", "sub": "subw", "mul": "mulw", "sll": "sllw", "srl": "srlw",
         "sra": "sraw", "div": "divw", "divu": "divuw", "rem": "remw", "remu": "remuw"}
_IMMEDIATE = {"add": "addi", "and": "andi", "or": "ori", "xor": "xori", "sll": "slli",
              "srl": "srli", "sra": "srai"}


class IntegerSelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def arith(self, d, mnemonic: str, a, b, ty: Type) -> None:
        """d = a OP b at the type's width (w forms for i32); b may be an immediate."""
        word = ty is Type.I32 and mnemonic in _WORD
        if isinstance(b, ir.Value):
            if mnemonic in _IMMEDIATE and mnemonic not in ("sll", "srl", "sra"):
                k = self.imm12(b)
                if k is not None:
                    mn = _IMMEDIATE[mnemonic] + ("w" if word else "")
                    self.e(mn, d, self.source(a) if isinstance(a, ir.Value) else a, k)
                    return
            if mnemonic == "sub":
                k = self.imm12(b, negate=True)
                if k is not None:
                    self.e("addiw" if word else "addi", d,
                           self.source(a) if isinstance(a, ir.Value) else a, k)
                    return
            b = self.source(b)
        if isinstance(a, ir.Value):
            a = self.source(a)
        self.e(_WORD[mnemonic] if word else mnemonic, d, a, b)

    # --- integer arithmetic ---------------------------------------------------------
    def _binary(self, inst: Instruction, mnemonic: str) -> None:
        if inst.type is Type.I128:
            return self.i128_binary(inst, mnemonic)
        a, b = inst.operands
        if mnemonic in ("add", "and", "or", "xor", "mul") and isinstance(a, Constant):
            a, b = b, a
        self.arith(self.dest(inst), mnemonic, a, b, inst.type)

    def op_add(self, inst): self._binary(inst, "add")
    def op_sub(self, inst): self._binary(inst, "sub")
    def op_and(self, inst): self._binary(inst, "and")
    def op_or(self, inst): self._binary(inst, "or")
    def op_xor(self, inst): self._binary(inst, "xor")

    def op_mul(self, inst):
        if inst.type is Type.I128:
            return self.i128_mul(inst)
        a, b = inst.operands
        self.e("mulw" if inst.type is Type.I32 else "mul", self.dest(inst), self.source(a),
               self.source(b))

    def op_neg(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            borrow = self.new()
            self.e("snez", borrow, lo)
            self.e("neg", dl, lo)
            self.e("neg", dh, hi)
            self.e("sub", dh, dh, borrow)
            return
        self.e("negw" if inst.type is Type.I32 else "neg", self.dest(inst),
               self.reg(inst.operands[0]))

    def op_not(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            self.e("not", dl, lo)
            self.e("not", dh, hi)
            return
        a = self.reg(inst.operands[0])
        if inst.type is Type.I1:
            self.e("xori", self.dest(inst), a, imm(1))
        else:
            self.e("not", self.dest(inst), a)

    def extend(self, value: ir.Value, signed_: bool) -> VReg:
        """The value widened from its type to 64 bits by sign or zero extension."""
        ty = value.type
        vb = BITS.get(ty, 64)
        if isinstance(value, Constant):
            n = int(value.value) & ((1 << vb) - 1)
            return self.const_int(signed(n, vb) if signed_ and ty is not Type.I1 else n)
        src = self.reg(value)
        return self.extend_reg(src, vb, signed_)

    def extend_reg(self, src, vb: int, signed_: bool) -> VReg:
        if vb == 64 or vb == 1 or (vb == 32 and signed_):
            return src
        d = self.new()
        if vb == 8 and not signed_:
            self.e("andi", d, src, imm(255))
        else:
            self.e("slli", d, src, imm(64 - vb))
            self.e("srai" if signed_ else "srli", d, d, imm(64 - vb))
        return d

    def _shift(self, inst: Instruction, mnemonic: str, signed_: bool | None) -> None:
        if inst.type is Type.I128:
            return self.i128_shift(inst, mnemonic)
        a, b = inst.operands
        ty = inst.type
        vb = BITS[ty]
        src = self.extend(a, signed_) if signed_ is not None and vb < 32 else self.reg(a)
        d = self.dest(inst)
        word = ty is Type.I32
        if isinstance(b, Constant):
            n = int(b.value) & ((32 if word else 64) - 1)
            self.e(_IMMEDIATE[mnemonic] + ("w" if word else ""), d, src, imm(n))
        else:
            count = self.pair(b)[0] if b.type is Type.I128 else self.reg(b)
            self.e(_WORD[mnemonic] if word else mnemonic, d, src, count)

    def op_shl(self, inst): self._shift(inst, "sll", None)
    def op_lshr(self, inst): self._shift(inst, "srl", False)
    def op_ashr(self, inst): self._shift(inst, "sra", True)

    def _divide(self, inst: Instruction, signed_: bool, remainder: bool) -> None:
        if inst.type is Type.I128:
            name = {(True, False): "__divti3", (False, False): "__udivti3",
                    (True, True): "__modti3", (False, True): "__umodti3"}[(signed_, remainder)]
            return self.calls.runtime_call(name, inst, list(inst.operands))
        a, b = inst.operands
        ty = inst.type
        mnemonic = ("rem" if remainder else "div") + ("" if signed_ else "u")
        if BITS[ty] < 32:
            x, y = self.extend(a, signed_), self.extend(b, signed_)
        else:
            x, y = self.reg(a), self.reg(b)
        self.e(_WORD[mnemonic] if ty is Type.I32 else mnemonic, self.dest(inst), x, y)

    def op_sdiv(self, inst): self._divide(inst, True, False)
    def op_udiv(self, inst): self._divide(inst, False, False)
    def op_srem(self, inst): self._divide(inst, True, True)
    def op_urem(self, inst): self._divide(inst, False, True)

    # --- bit counting -------------------------------------------------------------------
    def clz64(self, x) -> VReg:
        """Leading zeros of a 64-bit register (64 for 0), without branches:
        normalise by 32, 16, 8, 4, 2, 1 while counting the shifts."""
        n = self.const_int(0)
        v = self.new()
        self.e("mv", v, x)
        for step in (32, 16, 8, 4, 2, 1):
            top, shift = self.new(), self.new()
            self.e("srli", top, v, imm(64 - step))
            self.e("seqz", shift, top)
            self.e("slli", shift, shift, imm(step.bit_length() - 1))
            self.e("sll", v, v, shift)
            self.e("add", n, n, shift)
        last = self.new()
        self.e("seqz", last, v)
        self.e("add", n, n, last)
        return n

    def popcount64(self, x) -> VReg:
        return self.calls.call_registers("__popcountdi2", [x])

    def op_ctlz(self, inst):
        (a,) = inst.operands
        if inst.type is Type.I128:
            lo, hi = self.pair(a)
            dl, dh = self.dest(inst)
            nh, nl = self.clz64(hi), self.clz64(lo)
            # hi == 0: 64 + clz(lo), else clz(hi)
            z, t = self.new(), self.new()
            self.e("seqz", z, hi)
            self.e("neg", t, z)
            self.e("and", t, t, nl)
            self.e("add", dl, nh, t)
            self.e("li", dh, imm(0))
            return
        width = BITS[inst.type]
        n = self.clz64(self.extend(a, False))
        self.e("addi", self.dest(inst), n, imm(width - 64))

    def op_cttz(self, inst):
        (a,) = inst.operands
        if inst.type is Type.I128:
            lo, hi = self.pair(a)
            dl, dh = self.dest(inst)
            tl, th = self._cttz64(lo), self._cttz64(hi)
            z, t = self.new(), self.new()
            self.e("seqz", z, lo)
            self.e("neg", t, z)
            self.e("and", t, t, th)
            self.e("add", dl, tl, t)
            self.e("li", dh, imm(0))
            return
        width = BITS[inst.type]
        x = self.reg(a)
        if width < 64:
            fenced = self.new()
            bit = self.const_int(1 << width)
            self.e("or", fenced, x, bit)
            x = fenced
        self.e("mv", self.dest(inst), self._cttz64(x))

    def _cttz64(self, x) -> VReg:
        """popcount((x & -x) - 1): 64 for 0."""
        low, t = self.new(), self.new()
        self.e("neg", t, x)
        self.e("and", low, x, t)
        self.e("addi", low, low, imm(-1))
        return self.popcount64(low)

    def op_ctpop(self, inst):
        (a,) = inst.operands
        if inst.type is Type.I128:
            lo, hi = self.pair(a)
            dl, dh = self.dest(inst)
            pl = self.popcount64(lo)
            ph = self.popcount64(hi)
            self.e("add", dl, pl, ph)
            self.e("li", dh, imm(0))
            return
        self.e("mv", self.dest(inst), self.popcount64(self.extend(a, False)))

    def bswap64(self, x, width: int = 64) -> VReg:
        """The low ``width`` bits of x with their bytes reversed, zero above."""
        r = self.const_int(0)
        nbytes = width // 8
        for i in range(nbytes):
            b = self.new()
            self.e("srli", b, x, imm(8 * i))
            self.e("andi", b, b, imm(255))
            if nbytes - 1 - i:
                self.e("slli", b, b, imm(8 * (nbytes - 1 - i)))
            self.e("or", r, r, b)
        return r

    def op_bswap(self, inst):
        (a,) = inst.operands
        if inst.type is Type.I128:
            lo, hi = self.pair(a)
            dl, dh = self.dest(inst)
            self.e("mv", dl, self.bswap64(hi))
            self.e("mv", dh, self.bswap64(lo))
            return
        width = BITS[inst.type]
        r = self.bswap64(self.reg(a), width)
        if width == 32:
            self.e("sext.w", self.dest(inst), r)
        else:
            self.e("mv", self.dest(inst), r)

    # --- i128 -----------------------------------------------------------------------------
    def i128_binary(self, inst: Instruction, mnemonic: str) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        if mnemonic == "add":
            lo, carry = self.new(), self.new()
            self.e("add", lo, al, bl)
            self.e("sltu", carry, lo, al)
            self.e("add", dh, ah, bh)
            self.e("add", dh, dh, carry)
            self.e("mv", dl, lo)
        elif mnemonic == "sub":
            borrow = self.new()
            self.e("sltu", borrow, al, bl)
            self.e("sub", dh, ah, bh)
            self.e("sub", dh, dh, borrow)
            self.e("sub", dl, al, bl)
        else:
            self.e(mnemonic, dl, al, bl)
            self.e(mnemonic, dh, ah, bh)

    def i128_mul(self, inst: Instruction) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        high, t1, t2 = self.new(), self.new(), self.new()
        self.e("mulhu", high, al, bl)
        self.e("mul", t1, al, bh)
        self.e("mul", t2, ah, bl)
        self.e("add", high, high, t1)
        self.e("add", dh, high, t2)
        self.e("mul", dl, al, bl)

    def i128_shift(self, inst: Instruction, mnemonic: str) -> None:
        lo, hi = self.pair(inst.operands[0])
        dl, dh = self.dest(inst)
        count = inst.operands[1]
        if isinstance(count, Constant):
            n = int(count.value) & 127
            if n == 0:
                self.e("mv", dl, lo)
                self.e("mv", dh, hi)
            elif n >= 64:
                if mnemonic == "sll":
                    self.e("slli", dh, lo, imm(n - 64))
                    self.e("li", dl, imm(0))
                else:
                    self.e(mnemonic + "i", dl, hi, imm(n - 64))
                    if mnemonic == "sra":
                        self.e("srai", dh, hi, imm(63))
                    else:
                        self.e("li", dh, imm(0))
            elif mnemonic == "sll":
                t = self.new()
                self.e("srli", t, lo, imm(64 - n))
                self.e("slli", dh, hi, imm(n))
                self.e("or", dh, dh, t)
                self.e("slli", dl, lo, imm(n))
            else:
                t = self.new()
                self.e("slli", t, hi, imm(64 - n))
                self.e("srli", dl, lo, imm(n))
                self.e("or", dl, dl, t)
                self.e(mnemonic + "i", dh, hi, imm(n))
            return
        n = self.pair(count)[0] if count.type is Type.I128 else self.reg(count)
        # count & 64: the whole-word case; else combine the two words
        big, small, done = self.new_block(), self.new_block(), self.new_block()
        flag = self.new()
        self.e("andi", flag, n, imm(64))
        self.branch("bnez", (flag,), big)
        self.jump(small)
        self.start(small)
        inv, t = self.new(), self.new()
        self.e("not", inv, n)               # 63 - n in the low six bits
        if mnemonic == "sll":
            self.e("srli", t, lo, imm(1))
            self.e("srl", t, t, inv)
            self.e("sll", dh, hi, n)
            self.e("or", dh, dh, t)
            self.e("sll", dl, lo, n)
        else:
            self.e("slli", t, hi, imm(1))
            self.e("sll", t, t, inv)
            self.e("srl", dl, lo, n)
            self.e("or", dl, dl, t)
            self.e(mnemonic, dh, hi, n)
        self.jump(done)
        self.start(big)
        if mnemonic == "sll":
            self.e("sll", dh, lo, n)
            self.e("li", dl, imm(0))
        else:
            self.e(mnemonic, dl, hi, n)
            if mnemonic == "sra":
                self.e("srai", dh, hi, imm(63))
            else:
                self.e("li", dh, imm(0))
        self.jump(done)
        self.start(done)

    # --- integer conversions ------------------------------------------------------------
    def op_zext(self, inst): self._ext(inst, False)
    def op_sext(self, inst): self._ext(inst, True)

    def _ext(self, inst: Instruction, signed_: bool) -> None:
        (a,) = inst.operands
        if a.type is Type.I1:
            r = self.reg(a)
            if inst.type is Type.I128:
                dl, dh = self.dest(inst)
                self.e("neg" if signed_ else "mv", dl, r)
                self.e("neg" if signed_ else "li", dh, r if signed_ else imm(0))
                return
            self.e("neg" if signed_ else "mv", self.dest(inst), r)
            return
        if a.type is Type.I128:              # (an i128 -> i128 no-op)
            return self.copy_value(a, self.dest(inst), inst.type)
        r = self.extend(a, signed_)
        if inst.type is Type.I128:
            dl, dh = self.dest(inst)
            self.e("mv", dl, r)
            if signed_:
                self.e("srai", dh, r, imm(63))
            else:
                self.e("li", dh, imm(0))
            return
        if inst.type is Type.I32 and not signed_ and BITS[a.type] < 32:
            pass                             # a zero-extended byte/halfword is a valid i32
        self.e("mv", self.dest(inst), r)

    def op_trunc(self, inst: Instruction) -> None:
        (a,) = inst.operands
        src = self.pair(a)[0] if a.type is Type.I128 else self.reg(a)
        d = self.dest(inst)
        if inst.type is Type.I128:
            return self.copy_value(a, d, inst.type)
        if inst.type is Type.I1:
            self.e("andi", d, src, imm(1))
        elif inst.type is Type.I32:
            self.e("sext.w", d, src)
        else:
            self.e("mv", d, src)

    def op_copy(self, inst: Instruction) -> None:
        self.copy_value(inst.operands[0], self.dest(inst), inst.type)

    def copy_value(self, value: ir.Value, dest, ty: Type) -> None:
        if ty in (Type.I128, Type.F128):
            lo, hi = self.pair(value)
            self.e("mv", dest[0], lo)
            self.e("mv", dest[1], hi)
        elif ty in (Type.F32, Type.F64):
            self.e("fmv.s" if ty is Type.F32 else "fmv.d", dest, self.reg(value))
        else:
            self.e("mv", dest, self.source(value))

    def op_bitcast(self, inst: Instruction) -> None:
        (a,) = inst.operands
        src, dst = a.type, inst.type
        if src in (Type.F32, Type.F64) and dst not in (Type.F32, Type.F64):
            self.e("fmv.x.w" if src is Type.F32 else "fmv.x.d", self.dest(inst), self.reg(a))
        elif dst in (Type.F32, Type.F64) and src not in (Type.F32, Type.F64):
            self.e("fmv.w.x" if dst is Type.F32 else "fmv.d.x", self.dest(inst), self.source(a))
        elif src in (Type.I128, Type.F128) or dst in (Type.I128, Type.F128):
            lo, hi = self.pair(a)
            dl, dh = self.dest(inst)
            self.e("mv", dl, lo)
            self.e("mv", dh, hi)
        else:
            self.copy_value(a, self.dest(inst), inst.type)

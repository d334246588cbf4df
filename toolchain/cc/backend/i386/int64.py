"""64-bit integers (long long) on i386: register pairs.

An i64 value is a pair (low, high) of 32-bit VRegs.  Addition and
subtraction carry from the low half into the high one (add/adc, sub/sbb);
a product needs one widening ``mull`` of the low halves plus the two cross
products; shifts by a constant pick their halves, shifts by a variable use
``shld``/``shrd`` -- which only look at the count's low five bits -- and then
fix up counts of 32 and more by testing bit 5 (``testb $32, %cl``) and
moving the halves in a block the branch skips.  Ordered comparisons subtract with borrow
(``cmp`` low halves, ``sbb`` high halves) and read the sign/overflow or
carry flags; equality ORs the XORs of the halves.  Division and remainder
call libgcc's routines (__divdi3, __udivdi3, __moddi3, __umoddi3), which the
bundled libc provides (arch/i386/divdi3.c).
"""

from __future__ import annotations

from ...ir import Constant, Instruction, Type, Undef
from .operands import CL, EAX, ECX, EDX, ICC, SWAPPED, imm, offset_mem, signed


def _halves(n: int) -> tuple[int, int]:
    n &= (1 << 64) - 1
    return signed(n & 0xFFFFFFFF, 32), signed(n >> 32, 32)


class Int64Selection:
    def __init__(self, sel):
        self.sel = sel
        # halves of i64 values known to hold a constant (a zero extension's high
        # half, x & 0xffffffff's...): each is an SSA value's own register,
        # written once, so the fact holds wherever the value is used
        self.known: dict[object, int] = {}

    def known_half(self, value, index: int) -> int | None:
        """The constant the low (0) or high (1) half of an i64 value holds, if known."""
        if isinstance(value, Constant):
            return _halves(int(value.value))[index]
        p = self.sel.values.get(value)
        return None if p is None or not isinstance(p, tuple) else self.known.get(p[index])

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- values -------------------------------------------------------------------------
    def pair(self, value):
        """An i64 value as (low, high) registers."""
        sel = self.sel
        if isinstance(value, (Constant, Undef)):
            lo, hi = _halves(int(value.value) if isinstance(value, Constant) else 0)
            return sel.const_int(lo), sel.const_int(hi)
        p = sel.values.get(value)
        if p is None:
            p = sel.values[value] = (sel.new(), sel.new())
        return p

    def operands(self, value):
        """(low, high) as immediates for a constant, else registers."""
        if isinstance(value, Constant):
            lo, hi = _halves(int(value.value))
            return imm(lo), imm(hi)
        return self.pair(value)

    # --- arithmetic ---------------------------------------------------------------------
    def _binary(self, inst: Instruction, low: str, high: str) -> None:
        sel = self.sel
        al, ah = self.pair(inst.operands[0])
        b = inst.operands[1]
        if isinstance(b, Constant):
            return self._binary_constant(inst, low, high, (al, ah), _halves(int(b.value)))
        bl, bh = self.pair(b)
        dl, dh = sel.dest(inst)
        tl, th = sel.new(), sel.new()
        sel.e("movl", tl, al)
        sel.e("movl", th, ah)
        sel.e(low + "l", tl, bl)
        sel.e(high + "l", th, bh)
        sel.e("movl", dl, tl)
        sel.e("movl", dh, th)

    def _binary_constant(self, inst: Instruction, low: str, high: str, pair, halves) -> None:
        """The operation with a constant, half by half: a half of 0 or -1 that
        leaves its operand alone (or 0) or decides the result is no instruction
        (or a move); an addition or subtraction whose low half is 0 carries
        nothing, so it is the high half's own ``add``/``sub``."""
        sel = self.sel
        dl, dh = sel.dest(inst)
        tl, th = sel.new(), sel.new()
        sel.e("movl", tl, pair[0])
        sel.e("movl", th, pair[1])
        if low in ("add", "sub"):
            cl, ch = halves
            if cl:
                sel.e(low + "l", tl, imm(cl))
                sel.e(high + "l", th, imm(ch))
            elif ch:
                sel.e(low + "l", th, imm(ch))
        else:
            apply = {"and": lambda k, n: k & n, "or": lambda k, n: k | n,
                     "xor": lambda k, n: k ^ n}[low]
            for index, (t, n) in enumerate(zip((tl, th), halves)):
                k = self.known_half(inst.operands[0], index)
                if k is not None or n == (0 if low == "and" else -1 if low == "or" else None):
                    value = apply(k, n) if k is not None else n
                    self.known[(dl, dh)[index]] = value
                    sel.e("movl", t, imm(value))
                elif n == (-1 if low == "and" else 0):
                    continue                    # x & -1, x | 0, x ^ 0: x
                elif low == "xor" and n == -1:
                    sel.e("notl", t)
                else:
                    sel.e(low + "l", t, imm(n))
        sel.e("movl", dl, tl)
        sel.e("movl", dh, th)

    def op_add(self, inst): self._binary(inst, "add", "adc")
    def op_sub(self, inst): self._binary(inst, "sub", "sbb")
    def op_and(self, inst): self._binary(inst, "and", "and")
    def op_or(self, inst): self._binary(inst, "or", "or")
    def op_xor(self, inst): self._binary(inst, "xor", "xor")

    @staticmethod
    def _extended(value):
        """(the value of 32 bits or fewer, signed) when an i64 value is the zero
        or sign extension of one, else None."""
        if isinstance(value, Instruction) and value.opcode in ("zext", "sext") and \
                value.operands[0].type is not Type.I1:
            return value.operands[0], value.opcode == "sext"
        return None

    def _widening(self, a, b):
        """(x, y, signed) when ``a * b`` is the 64-bit product of two 32-bit
        values extended alike (b perhaps a constant in their range): one
        ``mull``/``imull``."""
        ea = self._extended(a)
        if ea is None:
            return None
        signed_ = ea[1]
        if isinstance(b, Constant):
            n = signed(int(b.value) & ((1 << 64) - 1), 64)
            fits = -(1 << 31) <= n < (1 << 31) if signed_ else 0 <= n < (1 << 32)
            return (ea[0], b, signed_) if fits else None
        eb = self._extended(b)
        if eb is None or eb[1] != signed_:
            return None
        return ea[0], eb[0], signed_

    def op_mul(self, inst: Instruction) -> None:
        sel = self.sel
        a, b = inst.operands
        if isinstance(a, Constant):
            a, b = b, a
        dl, dh = sel.dest(inst)
        widening = self._widening(a, b)
        if widening is not None:
            x, y, signed_ = widening
            ry = sel.const_int(_halves(int(y.value))[0]) if isinstance(y, Constant) else \
                sel.extend(y, signed_)
            sel.e("movl", EAX, sel.extend(x, signed_))
            sel.e("imull" if signed_ else "mull", ry, uses=("eax",), defs=("eax", "edx"))
            sel.e("movl", dl, EAX)
            sel.e("movl", dh, EDX)
            return
        al, ah = self.pair(a)
        high = None                             # the cross products' sum
        if isinstance(b, Constant):
            bl, bh = _halves(int(b.value))
            if bl:
                high = self._times(ah, bl)
            if bh:
                t = self._times(al, bh)
                if high is None:
                    high = t
                else:
                    sel.e("addl", high, t)
            breg = sel.const_int(bl)
        else:
            bl, bh = self.pair(b)
            high = sel.new()
            sel.e("movl", high, al)
            sel.e("imull", high, bh)
            t = sel.new()
            sel.e("movl", t, ah)
            sel.e("imull", t, bl)
            sel.e("addl", high, t)
            breg = bl
        sel.e("movl", EAX, al)
        sel.e("mull", breg, uses=("eax",), defs=("eax", "edx"))
        if high is not None:
            sel.e("addl", EDX, high)
        sel.e("movl", dl, EAX)
        sel.e("movl", dh, EDX)

    def _times(self, x, n: int):
        """A new register holding x * n (a copy when n is 1)."""
        t = self.sel.new()
        if n == 1:
            self.sel.e("movl", t, x)
        else:
            self.sel.e("imull", t, x, imm(n))
        return t

    def op_neg(self, inst: Instruction) -> None:
        sel = self.sel
        lo, hi = self.pair(inst.operands[0])
        dl, dh = sel.dest(inst)
        tl, th = sel.new(), sel.new()
        sel.e("movl", tl, lo)
        sel.e("movl", th, hi)
        sel.e("negl", tl)
        sel.e("adcl", th, imm(0))
        sel.e("negl", th)
        sel.e("movl", dl, tl)
        sel.e("movl", dh, th)

    def op_not(self, inst: Instruction) -> None:
        sel = self.sel
        lo, hi = self.pair(inst.operands[0])
        for d, s in zip(sel.dest(inst), (lo, hi)):
            sel.e("movl", d, s)
            sel.e("notl", d)

    def _shift(self, inst: Instruction, kind: str) -> None:
        sel = self.sel
        lo, hi = self.pair(inst.operands[0])
        dl, dh = sel.dest(inst)
        count = inst.operands[1]
        tl, th = sel.new(), sel.new()
        sel.e("movl", tl, lo)
        sel.e("movl", th, hi)
        if isinstance(count, Constant):
            n = int(count.value) & 63
            if n >= 32:
                if kind == "shl":
                    sel.e("movl", th, tl)
                    sel.e("shll", th, imm(n - 32))
                    sel.e("movl", tl, imm(0))
                    self.known[dl] = 0
                elif kind == "shr":
                    sel.e("movl", tl, th)
                    sel.e("shrl", tl, imm(n - 32))
                    sel.e("movl", th, imm(0))
                    self.known[dh] = 0
                else:
                    sel.e("movl", tl, th)
                    sel.e("sarl", tl, imm(n - 32))
                    sel.e("sarl", th, imm(31))
            elif n:
                if kind == "shl":
                    sel.e("shldl", th, tl, imm(n))
                    sel.e("shll", tl, imm(n))
                else:
                    sel.e("shrdl", tl, th, imm(n))
                    sel.e(kind + "l", th, imm(n))
        else:
            cnt = self.pair(count)[0] if count.type is Type.I64 else sel.reg(count)
            sel.e("movl", ECX, cnt)
            if kind == "shl":
                sel.e("shldl", th, tl, CL)
                sel.e("shll", tl, CL)
            else:
                sel.e("shrdl", tl, th, CL)
                sel.e(kind + "l", th, CL)
            # a count of 32 or more: the shifted half moves over, the other fills
            # (a branch over two moves is shorter than a fill register and two cmovs)
            sel.e("testb", CL, imm(32))
            rest = sel.skip_when("e")
            near, far = (th, tl) if kind == "shl" else (tl, th)
            sel.e("movl", near, far)
            if kind == "sar":
                sel.e("sarl", far, imm(31))
            else:
                sel.e("movl", far, imm(0))
            sel.rejoin(rest)
        sel.e("movl", dl, tl)
        sel.e("movl", dh, th)

    def op_shl(self, inst): self._shift(inst, "shl")
    def op_lshr(self, inst): self._shift(inst, "shr")
    def op_ashr(self, inst): self._shift(inst, "sar")

    def _divide(self, inst: Instruction, name: str) -> None:
        self.sel.calls.runtime_call(name, inst, list(inst.operands))

    def op_sdiv(self, inst): self._divide(inst, "__divdi3")
    def op_udiv(self, inst): self._divide(inst, "__udivdi3")
    def op_srem(self, inst): self._divide(inst, "__moddi3")
    def op_urem(self, inst): self._divide(inst, "__umoddi3")

    # --- conversions --------------------------------------------------------------------
    def _only_widened(self, inst: Instruction) -> bool:
        """Whether every user of an extension is a product that reads the
        32-bit value itself (``_widening``): then the pair is never needed."""
        users = self.sel.users.get(inst.id, ())
        for user, _ in users:
            if user.opcode != "mul" or user.type is not Type.I64:
                return False
            a, b = user.operands
            if isinstance(a, Constant):
                a, b = b, a
            if self._widening(a, b) is None:
                return False
        return bool(users)

    def _ext(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        if self._only_widened(inst):
            return
        (a,) = inst.operands
        dl, dh = sel.dest(inst)
        if a.type is Type.I1 and signed_:
            sel.e("movl", dl, sel.reg(a))
            sel.e("negl", dl)
        else:
            sel.e("movl", dl, sel.extend(a, signed_))
        if signed_:
            sel.e("movl", dh, dl)
            sel.e("sarl", dh, imm(31))
        else:
            sel.e("movl", dh, imm(0))
            self.known[dh] = 0

    def op_zext(self, inst): self._ext(inst, False)
    def op_sext(self, inst): self._ext(inst, True)

    # --- memory -------------------------------------------------------------------------
    def op_load(self, inst: Instruction) -> None:
        sel = self.sel
        m = sel.mem(inst.operands[0])
        dl, dh = sel.dest(inst)
        sel.e("movl", dl, m)
        sel.e("movl", dh, offset_mem(m, 4))

    def op_store(self, inst: Instruction) -> None:
        sel = self.sel
        value, address = inst.operands
        lo, hi = self.operands(value)
        m = sel.mem(address)
        sel.e("movl", m, lo)
        sel.e("movl", offset_mem(m, 4), hi)

    # --- bit counting -------------------------------------------------------------------
    def _count32(self, src, kind: str):
        """ctlz/cttz of one 32-bit half (32 when it is 0)."""
        sel = self.sel
        r = sel.new()
        if kind == "ctlz":
            t = sel.new()
            sel.e("bsrl", t, src)
            sel.e("cmovel", t, sel.const_int(-1))
            sel.e("movl", r, imm(31))
            sel.e("subl", r, t)
        else:
            sel.e("bsfl", r, src)
            sel.e("cmovel", r, sel.const_int(32))
        return r

    def _bits(self, inst: Instruction, kind: str) -> None:
        sel = self.sel
        lo, hi = self.pair(inst.operands[0])
        dl, dh = sel.dest(inst)
        if kind == "bswap":
            tl, th = sel.new(), sel.new()
            sel.e("movl", tl, hi)
            sel.e("bswapl", tl)
            sel.e("movl", th, lo)
            sel.e("bswapl", th)
            sel.e("movl", dl, tl)
            sel.e("movl", dh, th)
            return
        if kind == "ctpop":
            a, b = sel.new(), sel.new()
            sel.e("popcntl", a, lo)
            sel.e("popcntl", b, hi)
            sel.e("addl", a, b)
        else:
            first, second = (hi, lo) if kind == "ctlz" else (lo, hi)
            a = self._count32(first, kind)
            b = self._count32(second, kind)
            sel.e("addl", b, imm(32))
            sel.e("testl", first, first)
            sel.e("cmovel", a, b)
        sel.e("movl", dl, a)
        sel.e("movl", dh, imm(0))

    def op_ctlz(self, inst): self._bits(inst, "ctlz")
    def op_cttz(self, inst): self._bits(inst, "cttz")
    def op_ctpop(self, inst): self._bits(inst, "ctpop")
    def op_bswap(self, inst): self._bits(inst, "bswap")

    # --- comparisons --------------------------------------------------------------------
    def compare(self, pred: str, a, b):
        """Flags for ``icmp pred a, b``; the condition that is true.  Equality
        ORs the differences of the halves (a half equal to a constant 0 is
        its own difference); an ordered comparison subtracts with borrow
        (``cmpl`` low halves, ``sbbl`` high halves), or compares only the high
        halves when the constant's low half is 0 (``x < 5 << 32`` is
        ``hi < 5``; ``x >= 0`` is ``testl hi, hi``)."""
        sel = self.sel
        if isinstance(a, Constant) and not isinstance(b, Constant):
            a, b, pred = b, a, SWAPPED[pred]
        if pred in ("eq", "ne"):
            return self._equal(pred, a, b)
        if isinstance(b, Constant):
            n = int(b.value) & ((1 << 64) - 1)
            if pred in ("sgt", "sle", "ugt", "ule"):
                # x > n is x >= n + 1 (n below the largest value, else swap below)
                top = (1 << 63) - 1 if pred[0] == "s" else (1 << 64) - 1
                if n != top:
                    n, pred = (n + 1) & ((1 << 64) - 1), {"sgt": "sge", "sle": "slt",
                                                          "ugt": "uge", "ule": "ult"}[pred]
            cl, ch = _halves(n)
            if pred in ("slt", "sge", "ult", "uge") and ch == 0 and cl and \
                    self.known_half(a, 1) == 0:
                # both between 0 and 2**32 - 1: the low halves' unsigned order
                sel.e("cmpl", self.pair(a)[0], imm(cl))
                return ICC["u" + pred[1:]]
            if pred in ("slt", "sge", "ult", "uge") and cl == 0:
                hi = self.pair(a)[1]
                if ch == 0:
                    sel.e("testl", hi, hi)
                else:
                    sel.e("cmpl", hi, imm(ch))
                return ICC[pred]
            if pred in ("slt", "sge", "ult", "uge"):
                al, ah = self.pair(a)
                t = sel.new()
                sel.e("movl", t, ah)
                sel.e("cmpl", al, imm(cl))
                sel.e("sbbl", t, imm(ch))
                return ICC[pred]
        if pred in ("sgt", "sle", "ugt", "ule"):
            a, b, pred = b, a, SWAPPED[pred]
        (al, ah), (bl, bh) = self.pair(a), self.operands(b)
        t = sel.new()
        sel.e("movl", t, ah)
        sel.e("cmpl", al, bl)
        sel.e("sbbl", t, bh)
        return ICC[pred]

    def _equal(self, pred: str, a, b):
        """ZF for a == b: the OR of the halves' differences (XOR), where a
        constant half of 0 leaves its half as it is; against -1 the halves'
        AND plus one."""
        sel = self.sel
        al, ah = self.pair(a)
        t = sel.new()
        sel.e("movl", t, al)
        if isinstance(b, Constant):
            cl, ch = _halves(int(b.value))
            if self.known_half(a, 1) == ch:     # the high halves agree: the low ones decide
                if cl:
                    sel.e("cmpl", al, imm(cl))
                else:
                    sel.e("testl", al, al)
                return ICC[pred]
            if cl == ch == -1:
                sel.e("andl", t, ah)
                sel.e("incl", t)
                return ICC[pred]
            if cl:
                sel.e("xorl", t, imm(cl))
            if ch:
                u = sel.new()
                sel.e("movl", u, ah)
                sel.e("xorl", u, imm(ch))
                sel.e("orl", t, u)
            else:
                sel.e("orl", t, ah)
            return ICC[pred]
        bl, bh = self.pair(b)
        u = sel.new()
        sel.e("xorl", t, bl)
        sel.e("movl", u, ah)
        sel.e("xorl", u, bh)
        sel.e("orl", t, u)
        return ICC[pred]

    def switch(self, value, cases, targets, default) -> None:
        sel = self.sel
        lo, hi = self.pair(value)
        for c, target in zip(cases, targets):
            cl, ch = _halves(c)
            t1, t2 = sel.new(), sel.new()
            sel.e("movl", t1, lo)
            sel.e("xorl", t1, imm(cl))
            sel.e("movl", t2, hi)
            sel.e("xorl", t2, imm(ch))
            sel.e("orl", t1, t2)
            sel.jump("e", target)
        sel.jump(None, default)

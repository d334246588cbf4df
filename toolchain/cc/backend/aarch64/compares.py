"""Comparisons and select for AArch64.

``compare`` emits the flag-setting instruction(s) of an icmp (or, through
floats.py, an fcmp) and returns the condition that is then true: a
condition name, or ("or", c1, c2) for the two float predicates that need
two (``one``, ``ueq``).  i8/i16 operands are extended first (sign or zero
as the predicate wants).  A comparison fused with the branch or select
right after it never becomes a value; otherwise ``cset`` materialises it.
select is ``csel`` (``fcsel`` for floats).
"""

from __future__ import annotations

from ... import ir
from ...ir import Constant, Instruction, Type
from ..mir import VReg
from .operands import BITS, ICC, SWAPPED, WIDTH, Immediate, Keyword, imm, signed


class CompareSelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def compare(self, inst: Instruction):
        """Emit the flag-setting code of an icmp/fcmp; the condition that is true."""
        if inst.opcode == "fcmp":
            return self.floats.compare(inst)
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        if a.type is Type.I128:
            return self._compare_i128(pred, a, b)
        if isinstance(a, Constant) and not isinstance(b, Constant):
            a, b, pred = b, a, SWAPPED[pred]
        bits = BITS[a.type]
        width = WIDTH[a.type]
        signed_ = pred.startswith("s")
        if width < 32:
            x = self.extend(a, signed_, 32)
            if isinstance(b, Constant):
                n = int(b.value) & ((1 << width) - 1)
                n = signed(n, width) if signed_ else n
                o = imm(n) if 0 <= n < 4096 else self.const_int(n & 0xFFFFFFFF, 32)
            else:
                o = self.extend(b, signed_, 32)
        else:
            x = self.reg(a, bits)
            o = self.operand(b, bits)
            if not isinstance(o, Immediate) and isinstance(b, Constant):
                n = signed(int(b.value), bits)
                if n < 0 and -n < 4096:
                    self.e("cmn", x, imm(-n))
                    return ICC[pred]
        self.e("cmp", x, o)
        return ICC[pred]

    def _compare_i128(self, pred: str, a, b):
        (al, ah), (bl, bh) = self.pair(a), self.pair(b)
        if pred in ("eq", "ne"):
            t1, t2 = self.new(), self.new()
            self.e("eor", t1, al, bl)
            self.e("eor", t2, ah, bh)
            self.e("orr", t1, t1, t2)
            self.e("cmp", t1, imm(0))
            return ICC[pred]
        if pred in ("sgt", "sle", "ugt", "ule"):
            (al, ah), (bl, bh), pred = (bl, bh), (al, ah), SWAPPED[pred]
        t = self.new()
        self.e("cmp", al, bl)
        self.e("sbcs", t, ah, bh)
        return ICC[pred]

    def materialize(self, cond, d: VReg) -> None:
        """Set the 32-bit register d to 1 when the condition holds, else 0."""
        if isinstance(cond, tuple):
            _, c1, c2 = cond
            t1, t2 = self.new(32), self.new(32)
            self.e("cset", t1, Keyword(c1))
            self.e("cset", t2, Keyword(c2))
            self.e("orr", d.width(32), t1, t2)
        else:
            self.e("cset", d.width(32), Keyword(cond))

    def select_compare_value(self, inst: Instruction) -> None:
        cond = self.compare(inst)
        self.materialize(cond, self.dest(inst))

    def op_icmp(self, inst): self.select_compare_value(inst)
    def op_fcmp(self, inst): self.select_compare_value(inst)

    def condition(self, value: ir.Value):
        """Flags for an i1 value: a fused comparison, or a test of its register."""
        if isinstance(value, Instruction) and value.id in self.fused:
            return self.compare(value)
        if isinstance(value, Constant):
            r = self.const_int(int(value.value) & 1, 32)
        else:
            r = self.reg(value, 32)
        self.e("tst", r, imm(1))
        return "ne"

    def simple_condition(self, value: ir.Value) -> str:
        """A single condition name (two-condition float predicates materialised)."""
        cond = self.condition(value)
        if isinstance(cond, tuple):
            t = self.new(32)
            self.materialize(cond, t)
            self.e("cmp", t, imm(0))
            return "ne"
        return cond

    def op_select(self, inst: Instruction) -> None:
        c, a, b = inst.operands
        ty = inst.type
        if ty is Type.I128:
            (al, ah), (bl, bh) = self.pair(a), self.pair(b)
            dl, dh = self.dest(inst)
            cc = self.simple_condition(c)
            self.e("csel", dl, al, bl, Keyword(cc))
            self.e("csel", dh, ah, bh, Keyword(cc))
            return
        if ty is Type.F128:
            ra, rb = self.reg(a), self.reg(b)
            d = self.dest(inst)
            cc = self.simple_condition(c)
            done, take_a = self.new_block(), self.new_block()
            self.floats.move(d, rb)
            self.jump(cc, take_a)
            self.jump(None, done)
            self.start(take_a)
            self.floats.move(d, ra)
            self.jump(None, done)
            self.start(done)
            return
        if ty.is_float:
            ra, rb = self.reg(a), self.reg(b)
            cc = self.simple_condition(c)
            self.e("fcsel", self.dest(inst), ra, rb, Keyword(cc))
            return
        bits = BITS[ty]
        ra, rb = self.reg(a, bits), self.reg(b, bits)
        cc = self.simple_condition(c)
        self.e("csel", self.dest(inst), ra, rb, Keyword(cc))

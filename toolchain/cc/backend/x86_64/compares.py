"""Comparisons and select for x86-64.

``compare`` emits the flag-setting instruction(s) of an icmp (or, through
floats.py, an fcmp) and returns the condition code that is then true; a
condition is a cc string or, for the two float predicates that also test
the parity flag, ("and"|"or", cc, cc).  A comparison fused with the branch
or select right after it never becomes a value; otherwise ``setcc`` +
``movzbl`` materialises it.  select is a ``cmov`` over the false value.
"""

from __future__ import annotations

from ... import ir
from ...ir import Constant, Instruction, Type
from ..mir import VReg
from .operands import BITS, ICC, NEGATE, SUFFIX, SWAPPED, Immediate


class CompareSelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    # --- comparisons and select ---------------------------------------------------------
    def compare(self, inst: Instruction):
        """Emit the flag-setting code of an icmp/fcmp; the condition that is true."""
        if inst.opcode == "fcmp":
            return self.floats.compare(inst)
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        if a.type is Type.I128:
            return self._compare_i128(pred, a, b)
        bits = BITS[a.type]
        if isinstance(a, Constant) and not isinstance(b, Constant):
            a, b, pred = b, a, SWAPPED[pred]
        if a.type is Type.I1:
            bits = 32
        o = self.operand(b, bits)
        if isinstance(o, Immediate) and o.value.value == 0 and pred in ("eq", "ne"):
            r = self.reg(a, bits)
            self.e("test" + SUFFIX[bits], r, r)
        else:
            self.e("cmp" + SUFFIX[bits], self.reg(a, bits), o)
        return ICC[pred]

    def _compare_i128(self, pred: str, a, b):
        (al, ah), (bl, bh) = self.pair(a), self.pair(b)
        if pred in ("eq", "ne"):
            t1, t2 = self.new(), self.new()
            self.e("movq", t1, al)
            self.e("xorq", t1, bl)
            self.e("movq", t2, ah)
            self.e("xorq", t2, bh)
            self.e("orq", t1, t2)
            return ICC[pred]
        if pred in ("sgt", "sle", "ugt", "ule"):
            (al, ah), (bl, bh), pred = (bl, bh), (al, ah), SWAPPED[pred]
        t = self.new()
        self.e("movq", t, ah)
        self.e("cmpq", al, bl)
        self.e("sbbq", t, bh)
        return ICC[pred]

    def materialize(self, cond, d: VReg) -> None:
        """Set the 32-bit register d to 1 when the condition holds, else 0."""
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            t1, t2 = self.new(8), self.new(8)
            self.e("set" + c1, t1)
            self.e("set" + c2, t2)
            self.e("andb" if kind == "and" else "orb", t1, t2)
            self.e("movzbl", d.width(32), t1)
        else:
            t = self.new(8)
            self.e("set" + cond, t)
            self.e("movzbl", d.width(32), t)

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
        self.e("testl", r, r)
        return "ne"

    def op_select(self, inst: Instruction) -> None:
        c, a, b = inst.operands
        ty = inst.type
        if ty is Type.F80:
            return self.floats.select_f80(inst)
        if ty is Type.I128:
            (al, ah), (bl, bh) = self.pair(a), self.pair(b)
            dl, dh = self.dest(inst)
            self.e("movq", dl, bl)
            self.e("movq", dh, bh)
            self._cmovs(self.condition(c), [(dl, al), (dh, ah)], [(dl, bl), (dh, bh)])
            return
        if ty.is_float:
            ra, rb = self.reg(a), self.reg(b)
            ga, gb, d = self.new(), self.new(), self.new()
            self.e("movq", ga, ra)
            self.e("movq", gb, rb)
            self.e("movq", d, gb)
            self._cmovs(self.condition(c), [(d, ga)], [(d, gb)])
            self.e("movq", self.dest(inst), d)
            return
        bits = 64 if BITS[ty] == 64 else 32
        ra, rb = self.reg(a, bits), self.reg(b, bits)
        d = self.dest(inst).width(bits)
        self.e("mov" + SUFFIX[bits], d, rb)
        self._cmovs(self.condition(c), [(d, ra)], [(d, rb)])

    def _cmovs(self, cond, true_moves, false_moves) -> None:
        """dest already holds the false value; move in the true one when cond holds."""
        def cm(cc, moves):
            for d, s in moves:
                self.e("cmov" + cc + ("q" if d.bits == 64 else "l"), d, s)
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            if kind == "or":
                cm(c1, true_moves)
                cm(c2, true_moves)
            else:
                for d, s in true_moves:     # start from the true value, undo on either failure
                    self.e("mov" + ("q" if d.bits == 64 else "l"), d, s)
                cm(NEGATE[c1], false_moves)
                cm(NEGATE[c2], false_moves)
        else:
            cm(cond, true_moves)


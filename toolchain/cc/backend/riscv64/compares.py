"""Comparisons and select for RISC-V 64.

RISC-V has no flags: ``slt``/``sltu`` (and ``slti``/``sltiu``) give 0 or 1,
equality is ``xor`` then ``seqz``/``snez``, and the reversed predicates add
an ``xori 1``.  A comparison fused with the branch right after it becomes
one compare-and-branch (``blt``, ``bgeu``, ``beqz``...; ``bgt``/``ble`` are
the assembler's operand-swapping aliases).  i128 compares combine the
halves.  select has no conditional move in RV64GC: it is the branch-free
``b ^ ((a ^ b) & -cond)``, floats through their bits.
"""

from __future__ import annotations

from ... import ir
from ...ir import Constant, Instruction, Type
from .operands import BITS, ZERO, imm

# predicate -> (mnemonic of "a OP b", operands swapped, result inverted)
_SET = {"eq": None, "ne": None,
        "slt": ("slt", False, False), "sgt": ("slt", True, False),
        "sle": ("slt", True, True), "sge": ("slt", False, True),
        "ult": ("sltu", False, False), "ugt": ("sltu", True, False),
        "ule": ("sltu", True, True), "uge": ("sltu", False, True)}
_BRANCH = {"eq": "beq", "ne": "bne", "slt": "blt", "sge": "bge", "sgt": "bgt", "sle": "ble",
           "ult": "bltu", "uge": "bgeu", "ugt": "bgtu", "ule": "bleu"}
_SIGNED = {"slt", "sle", "sgt", "sge"}


class CompareSelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def compare_operands(self, pred: str, a: ir.Value, b: ir.Value):
        """Both operands in registers in a form 64-bit compares order right."""
        if BITS.get(a.type, 64) in (8, 16):
            signed_ = pred in _SIGNED
            return self.extend(a, signed_), (ZERO if _is_zero(b) else self.extend(b, signed_))
        return self.source(a), self.source(b)

    def compare_into(self, d, inst: Instruction) -> None:
        """d = the comparison's result (0 or 1)."""
        if inst.opcode == "fcmp":
            return self.floats.compare_into(d, inst)
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        if a.type is Type.I128:
            return self._compare_i128(d, pred, a, b)
        if pred in ("eq", "ne"):
            x, y = self.compare_operands(pred, a, b)
            if y is ZERO:
                self.e("seqz" if pred == "eq" else "snez", d, x)
                return
            t = self.new()
            self.e("xor", t, x, y)
            self.e("seqz" if pred == "eq" else "snez", d, t)
            return
        mnemonic, swap, invert = _SET[pred]
        if not swap and BITS.get(a.type, 64) >= 32:
            k = self.imm12(b)
            if k is not None:
                self.e({"slt": "slti", "sltu": "sltiu"}[mnemonic], d, self.source(a), k)
                if invert:
                    self.e("xori", d, d, imm(1))
                return
        x, y = self.compare_operands(pred, a, b)
        if swap:
            x, y = y, x
        self.e(mnemonic, d, x, y)
        if invert:
            self.e("xori", d, d, imm(1))

    def _compare_i128(self, d, pred: str, a, b) -> None:
        (al, ah), (bl, bh) = self.pair(a), self.pair(b)
        if pred in ("eq", "ne"):
            t1, t2 = self.new(), self.new()
            self.e("xor", t1, al, bl)
            self.e("xor", t2, ah, bh)
            self.e("or", t1, t1, t2)
            self.e("seqz" if pred == "eq" else "snez", d, t1)
            return
        mnemonic, swap, invert = _SET[pred]
        if swap:
            (al, ah), (bl, bh) = (bl, bh), (al, ah)
        # a < b  <=>  ah < bh  or  (ah == bh and al <u bl)
        high_less, same, low_less = self.new(), self.new(), self.new()
        self.e(mnemonic, high_less, ah, bh)
        self.e("xor", same, ah, bh)
        self.e("seqz", same, same)
        self.e("sltu", low_less, al, bl)
        self.e("and", low_less, low_less, same)
        self.e("or", d, high_less, low_less)
        if invert:
            self.e("xori", d, d, imm(1))

    def select_compare_value(self, inst: Instruction) -> None:
        self.compare_into(self.dest(inst), inst)

    def op_icmp(self, inst): self.select_compare_value(inst)
    def op_fcmp(self, inst): self.select_compare_value(inst)

    def branch_on(self, value: ir.Value, true_block, false_block) -> None:
        """Branch to true_block when the i1 value is 1, else to false_block."""
        if isinstance(value, Instruction) and value.id in self.fused:
            pred = value.attributes["predicate"]
            a, b = value.operands
            x, y = self.compare_operands(pred, a, b)
            if y is ZERO and pred in ("eq", "ne"):
                self.branch("beqz" if pred == "eq" else "bnez", (x,), true_block)
            else:
                self.branch(_BRANCH[pred], (x, y), true_block)
        elif isinstance(value, Constant):
            self.jump(true_block if int(value.value) & 1 else false_block)
            return
        else:
            self.branch("bnez", (self.reg(value),), true_block)
        self.jump(false_block)

    def op_select(self, inst: Instruction) -> None:
        c, a, b = inst.operands
        ty = inst.type
        cond = self.reg(c)
        mask = self.new()
        self.e("neg", mask, cond)
        if ty in (Type.I128, Type.F128):
            pa, pb = self.pair(a), self.pair(b)
            for d, x, y in zip(self.dest(inst), pa, pb):
                self._select_bits(d, mask, x, y)
            return
        if ty in (Type.F32, Type.F64):
            to_int, to_float = ("fmv.x.w", "fmv.w.x") if ty is Type.F32 else \
                ("fmv.x.d", "fmv.d.x")
            x, y, r = self.new(), self.new(), self.new()
            self.e(to_int, x, self.reg(a))
            self.e(to_int, y, self.reg(b))
            self._select_bits(r, mask, x, y)
            self.e(to_float, self.dest(inst), r)
            return
        self._select_bits(self.dest(inst), mask, self.source(a), self.source(b))

    def _select_bits(self, d, mask, x, y) -> None:
        """d = mask ? x : y for a mask of all ones or zero."""
        t = self.new()
        self.e("xor", t, x, y)
        self.e("and", t, t, mask)
        self.e("xor", d, y, t)


def _is_zero(value) -> bool:
    return isinstance(value, Constant) and int(value.value) == 0

"""Control-flow instruction selection for RISC-V 64: branches, switch, phis, return.

Phis are eliminated on the edges: each incoming value is copied to a fresh
temporary, then the temporaries to the phi registers (so swaps and cycles
work); when the edge is critical the copies go in a new block of their own.
An edge of an indirect branch (``goto *p``) cannot be split, so the phis of
blocks an indirectbr reaches get one entry temporary each: every
predecessor writes it, the block starts by copying it to the phi register.

A switch with at least four cases spanning at most three times their number
becomes a jump table of 32-bit offsets from the table's address in
.rodata (``lla``, ``slli 2``, ``lw``, ``add``, ``jr``, as gcc's -fPIC
tables); otherwise a chain of compare-and-branches.
"""

from __future__ import annotations

from ...ir import Instruction, Type
from ..phis import PhiEdges
from .operands import BITS, ExprConstant, Memory, SymbolRef, imm


class ControlSelection(PhiEdges):
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def _new_temp(self, ty: Type):
        if ty in (Type.I128, Type.F128):
            return (self.new(), self.new())
        return self.new("fp" if ty in (Type.F32, Type.F64) else "gp")

    def _phi_assign(self, phi, temp) -> None:
        ty = phi.type
        d = self.dest(phi)
        if ty in (Type.I128, Type.F128):
            self.e("mv", d[0], temp[0])
            self.e("mv", d[1], temp[1])
        elif ty in (Type.F32, Type.F64):
            self.e("fmv.s" if ty is Type.F32 else "fmv.d", d, temp)
        else:
            self.e("mv", d, temp)

    def op_jmp(self, inst: Instruction) -> None:
        self.jump(self.edge(inst.block, inst.targets[0], True))

    def op_br(self, inst: Instruction) -> None:
        t, f = inst.targets
        if t is f:
            return self.jump(self.edge(inst.block, t, True))
        mt = self.edge(inst.block, t, False)
        mf = self.edge(inst.block, f, False)
        self.branch_on(inst.operands[0], mt, mf)

    def op_switch(self, inst: Instruction) -> None:
        value = inst.operands[0]
        cases = [int(c) for c in inst.attributes["cases"]]
        default = self.edge(inst.block, inst.targets[0], False)
        targets = [self.edge(inst.block, b, False) for b in inst.targets[1:]]
        if value.type is Type.I128:
            r = self.pair(value)[0]
            vb = 64
        else:
            vb = BITS.get(value.type, 64)
            r = self.extend(value, False) if vb < 64 else self.reg(value)
        # the zero-extended value against the cases' bit patterns
        keys = [c & ((1 << vb) - 1) for c in cases]
        if len(cases) >= 4:
            lo, hi = min(keys), max(keys)
            span = hi - lo + 1
            if span <= 3 * len(cases) and span < 2**31:
                return self._jump_table(r, keys, lo, span, targets, default)
        for c, target in zip(keys, targets):
            if c == 0:
                self.branch("beqz", (r,), target)
            else:
                self.branch("beq", (r, self.const_int(c)), target)
        self.jump(default)

    def _jump_table(self, r, cases, lo, span, targets, default) -> None:
        index = self.new()
        if lo:
            self.add_offset(index, r, -lo)
        else:
            self.e("mv", index, r)
        limit = self.const_int(span - 1)
        self.branch("bgtu", (index, limit), default)
        table = self.ctx.new_label()
        entries = [default.label] * span
        for c, target in reversed(list(zip(cases, targets))):
            entries[c - lo] = target.label
        base, offset = self.new(), self.new()
        self.e("lla", base, SymbolRef(table))
        self.e("slli", offset, index, imm(2))
        self.e("add", offset, offset, base)
        self.e("lw", offset, Memory(base=offset, displacement=ExprConstant(0)))
        self.e("add", offset, offset, base)
        self.e("jr", offset)
        for t in list(targets) + [default]:
            self.successor(t)
        self.mf.attributes.setdefault("jump_tables", []).append((table, entries))

    def op_indirectbr(self, inst: Instruction) -> None:
        targets = [self.edge(inst.block, t, False) for t in inst.targets]
        self.e("jr", self.reg(inst.operands[0]))
        for t in targets:
            self.successor(t)

    def op_unreachable(self, inst: Instruction) -> None:
        self.e("ebreak")

    def op_ret(self, inst: Instruction) -> None:
        self.calls.ret(inst)

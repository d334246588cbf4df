"""Control-flow instruction selection for x86-64: branches, switch, phis, return.

Phis are eliminated on the edges: each incoming value is copied to a fresh
temporary, then the temporaries to the phi registers (so swaps and cycles
work); when the edge is critical the copies go in a new block of their own.
An edge of an indirect branch (``goto *p``) cannot be split -- the jump
lands on the block's own label -- so the phis of blocks that an indirectbr
reaches get one entry temporary each: every predecessor writes it, and the
block itself starts by copying it to the phi register.
A switch with at least four cases spanning at most three times their number
becomes a jump table of 32-bit offsets from the table's address in
.rodata; otherwise a chain of compares.
"""

from __future__ import annotations

from ...ir import Instruction, Type
from ..phis import PhiEdges
from .operands import BITS, NEGATE, SUFFIX, Indirect, Memory, RIP, SymbolRef, imm, signed


class ControlSelection(PhiEdges):
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    # --- control flow -------------------------------------------------------------------
    def _new_temp(self, ty: Type):
        if ty is Type.I128:
            return (self.new(), self.new())
        if ty is Type.F80:
            return self.floats.temp_slot()
        if ty.is_float:
            return self.new(128, "xmm")
        return self.new(64)

    def _phi_assign(self, phi, temp) -> None:
        ty = phi.type
        d = self.dest(phi)
        if ty is Type.I128:
            self.e("movq", d[0], temp[0])
            self.e("movq", d[1], temp[1])
        elif ty is Type.F80:
            self.floats.copy_slot(temp, d)
        elif ty.is_float:
            self.e("movaps", d, temp)
        else:
            bits = 64 if d.bits == 64 else 32
            self.e("mov" + SUFFIX[bits], d.width(bits), temp.width(bits))

    def op_jmp(self, inst: Instruction) -> None:
        self.jump(None, self.edge(inst.block, inst.targets[0], True))

    def op_br(self, inst: Instruction) -> None:
        t, f = inst.targets
        if t is f:
            return self.jump(None, self.edge(inst.block, t, True))
        # the edges' copies go in their own blocks; the flags are set last
        mt = self.edge(inst.block, t, False)
        mf = self.edge(inst.block, f, False)
        cond = self.condition(inst.operands[0])
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            if kind == "or":
                self.jump(c1, mt)
                self.jump(c2, mt)
                self.jump(None, mf)
            else:
                self.jump(NEGATE[c1], mf)
                self.jump(NEGATE[c2], mf)
                self.jump(None, mt)
        else:
            self.jump(cond, mt)
            self.jump(None, mf)

    def op_switch(self, inst: Instruction) -> None:
        value = inst.operands[0]
        cases = [int(c) for c in inst.attributes["cases"]]
        default = self.edge(inst.block, inst.targets[0], False)
        targets = [self.edge(inst.block, b, False) for b in inst.targets[1:]]
        if value.type is Type.I128:
            value_bits = 64
            r = self.pair(value)[0]
        else:
            value_bits = max(BITS[value.type], 32)
            r = self.reg(value, value_bits) if BITS[value.type] >= 32 else \
                self.extend(value, False, 32)
        vb = BITS.get(value.type, 64)
        norm = [c & ((1 << vb) - 1) for c in cases]
        if len(cases) >= 4:
            lo, hi = min(norm), max(norm)
            span = hi - lo + 1
            if span <= 3 * len(cases) and span < 2**31:
                return self._jump_table(r, value_bits, norm, lo, span, targets, default)
        for c, target in zip(norm, targets):
            o = signed(c, value_bits)
            if -2**31 <= o < 2**31:
                self.e("cmp" + SUFFIX[value_bits], r, imm(o))
            else:
                self.e("cmpq", r, self.const_int(c, 64))
            self.jump("e", target)
        self.jump(None, default)

    def _jump_table(self, r, bits, cases, lo, span, targets, default) -> None:
        index = self.new()
        if bits == 64:
            self.e("movq", index, r)
            if lo:
                if -2**31 <= lo < 2**31:
                    self.e("subq", index, imm(lo))
                else:
                    self.e("subq", index, self.const_int(lo, 64))
        else:
            self.e("movl", index.width(32), r)
            if lo:
                self.e("subl", index.width(32), imm(signed(lo, 32)))
        self.e("cmpq", index, imm(span - 1))
        self.jump("a", default)
        table = self.ctx.new_label()
        entries = [default.label] * span
        for c, target in reversed(list(zip(cases, targets))):
            entries[c - lo] = target.label
        base, offset = self.new(), self.new()
        self.e("leaq", base, Memory(base=RIP, displacement=SymbolRef(table)))
        self.e("movslq", offset, Memory(base=base, index=index, scale=4))
        self.e("addq", offset, base)
        self.e("jmp", Indirect(offset))
        for t in set(targets) | {default}:
            if t not in self.block.successors:
                self.block.successors.append(t)
        self.mf.attributes.setdefault("jump_tables", []).append((table, entries))

    def op_indirectbr(self, inst: Instruction) -> None:
        targets = [self.edge(inst.block, t, False) for t in inst.targets]
        self.e("jmp", Indirect(self.reg(inst.operands[0], 64)))
        for t in targets:
            if t not in self.block.successors:
                self.block.successors.append(t)

    def op_unreachable(self, inst: Instruction) -> None:
        self.e("ud2")

    def op_ret(self, inst: Instruction) -> None:
        self.calls.ret(inst)


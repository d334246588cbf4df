"""Control-flow instruction selection for AArch64: branches, switch, phis, return.

Phis are eliminated on the edges as on x86-64: each incoming value is
copied to a fresh temporary, then the temporaries to the phi registers (so
swaps and cycles work), in a new block when the edge is critical; blocks an
indirect branch reaches get one entry temporary per phi.
A switch with at least four cases spanning at most three times their number
becomes a jump table of 32-bit offsets from the table (placed in .text after
the function, so the offsets are resolved by the assembler):
``adr`` the table, ``ldrsw`` the entry, add, ``br``.  Otherwise a chain of
compares.
"""

from __future__ import annotations

from ...ir import Instruction, Type
from ..phis import PhiEdges
from .operands import BITS, WIDTH, Memory, SymbolRef, add_imm_ok, imm, signed


class ControlSelection(PhiEdges):
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def _new_temp(self, ty: Type):
        if ty is Type.I128:
            return (self.new(), self.new())
        if ty.is_float:
            return self.new_float(ty)
        return self.new(64)

    def _phi_assign(self, phi, temp) -> None:
        ty = phi.type
        d = self.dest(phi)
        if ty is Type.I128:
            self.e("mov", d[0], temp[0])
            self.e("mov", d[1], temp[1])
        elif ty.is_float:
            self.floats.move(d, temp)
        else:
            self.e("mov", d, temp.width(d.bits))

    def op_jmp(self, inst: Instruction) -> None:
        self.jump(None, self.edge(inst.block, inst.targets[0], True))

    def op_br(self, inst: Instruction) -> None:
        t, f = inst.targets
        if t is f:
            return self.jump(None, self.edge(inst.block, t, True))
        mt = self.edge(inst.block, t, False)
        mf = self.edge(inst.block, f, False)
        cond = self.condition(inst.operands[0])
        if isinstance(cond, tuple):
            _, c1, c2 = cond
            self.jump(c1, mt)
            self.jump(c2, mt)
            self.jump(None, mf)
        else:
            self.jump(cond, mt)
            self.jump(None, mf)

    def op_switch(self, inst: Instruction) -> None:
        value = inst.operands[0]
        cases = [int(c) for c in inst.attributes["cases"]]
        default = self.edge(inst.block, inst.targets[0], False)
        targets = [self.edge(inst.block, b, False) for b in inst.targets[1:]]
        if value.type is Type.I128:
            bits, vb = 64, 64
            r = self.pair(value)[0]
        else:
            bits, vb = BITS[value.type], WIDTH[value.type]
            r = self.reg(value, bits) if vb >= 32 else self.extend(value, False, 32)
        norm = [c & ((1 << vb) - 1) for c in cases]
        if len(cases) >= 4:
            lo, hi = min(norm), max(norm)
            span = hi - lo + 1
            if span <= 3 * len(cases) and span < 2**31:
                return self._jump_table(r, bits, norm, lo, span, targets, default)
        for c, target in zip(norm, targets):
            if add_imm_ok(c):
                self.e("cmp", r, imm(c))
            elif add_imm_ok(-signed(c, bits)) and signed(c, bits) < 0:
                self.e("cmn", r, imm(-signed(c, bits)))
            else:
                self.e("cmp", r, self.const_int(c, bits))
            self.jump("eq", target)
        self.jump(None, default)

    def _jump_table(self, r, bits, cases, lo, span, targets, default) -> None:
        index = self.new(bits)
        if lo:
            if add_imm_ok(lo):
                self.e("sub", index, r, imm(lo))
            else:
                self.e("sub", index, r, self.const_int(lo, bits))
        else:
            self.e("mov", index, r)
        if add_imm_ok(span - 1):
            self.e("cmp", index, imm(span - 1))
        else:
            self.e("cmp", index, self.const_int(span - 1, bits))
        self.jump("hi", default)
        table = self.ctx.new_label()
        entries = [default.label] * span
        for c, target in reversed(list(zip(cases, targets))):
            entries[c - lo] = target.label
        base, offset, wide = self.new(), self.new(), self.new()
        if bits == 32:
            self.e("zext32", wide.width(32), index)
        else:
            wide = index
        self.e("adr", base, SymbolRef(table))
        self.e("ldrsw", offset, Memory(base=base, index=wide, extend="lsl #2"))
        self.e("add", base, base, offset)
        self.e("br", base)
        for t in set(targets) | {default}:
            if t not in self.block.successors:
                self.block.successors.append(t)
        self.mf.attributes.setdefault("jump_tables", []).append((table, entries))

    def op_indirectbr(self, inst: Instruction) -> None:
        targets = [self.edge(inst.block, t, False) for t in inst.targets]
        self.e("br", self.reg(inst.operands[0], 64))
        for t in targets:
            if t not in self.block.successors:
                self.block.successors.append(t)

    def op_unreachable(self, inst: Instruction) -> None:
        self.e("brk", imm(1000))

    def op_ret(self, inst: Instruction) -> None:
        self.calls.ret(inst)

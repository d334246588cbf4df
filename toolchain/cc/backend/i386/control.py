"""Branches, switches and phi elimination for the i386 selector.

Phis are eliminated on the edges: an incoming value that is itself one of
the target block's phis is first copied to a temporary (so swaps work),
then every phi gets its value, in a new block when the edge is critical.
A dense switch becomes a jump table of absolute addresses
(``jmp *.Ltable(,%index,4)``), a sparse one a chain of compares.
"""

from __future__ import annotations

from ... import ir
from ...ir import Instruction, Type
from ..mir import MachineBlock
from ..phis import PhiEdges, incoming
from .operands import NEGATE, Indirect, Memory, SymbolRef, imm, signed


class ControlSelection(PhiEdges):
    def edge(self, source: ir.Block, target: ir.Block, only_edge: bool) -> MachineBlock:
        """Where a branch from ``source`` to ``target`` goes, with the phi copies
        on the way (in a new block when the edge is critical)."""
        phis = target.phis()
        mtarget = self.blocks[target]
        if not phis:
            return mtarget
        if target in self.indirect_targets:
            # an indirect jump cannot go through a block of copies: every edge into
            # such a block sets its phis' entry temporaries, which the block reads
            for phi in phis:
                self.copy_value(incoming(phi, source), self._entry_temp(phi), phi.type)
            return mtarget
        here = self.block
        if not only_edge:
            split = self.new_block()
            self.start(split)
        temps = []
        for phi in phis:
            value = incoming(phi, source)
            if any(value is q for q in phis):
                temps.append((phi, self._phi_temp(value, phi.type)))
            else:
                temps.append((phi, value))
        for phi, temp in temps:
            if isinstance(temp, ir.Value):
                self.copy_value(temp, self.dest(phi), phi.type)
            else:
                self._phi_assign(phi, temp)
        if not only_edge:
            self.jump(None, mtarget)
            self.start(here)
            return split
        return mtarget

    def _new_temp(self, ty):
        if ty is Type.I64:
            return (self.new(), self.new())
        if ty.is_float:
            return self.floats.temp_slot(ty)
        return self.new()

    def _phi_assign(self, phi, temp) -> None:
        ty = phi.type
        d = self.dest(phi)
        if ty is Type.I64:
            self.e("movl", d[0], temp[0])
            self.e("movl", d[1], temp[1])
        elif ty.is_float:
            self.floats.copy_slot(temp, d, ty)
        else:
            self.e("movl", d, temp)

    def op_jmp(self, inst: Instruction) -> None:
        if id(inst) in self.calls.sibling_returns:
            return              # a sibling call went instead (calls.py)
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
        if value.type is Type.I64:
            return self.int64.switch(value, cases, targets, default)
        r = self.extend(value, False)
        vb = {Type.I8: 8, Type.I16: 16}.get(value.type, 32)
        norm = [c & ((1 << vb) - 1) for c in cases]
        if len(cases) >= 4:
            lo, hi = min(norm), max(norm)
            span = hi - lo + 1
            if span <= 3 * len(cases):
                return self.jump_table(r, norm, lo, span, targets, default)
        for c, target in zip(norm, targets):
            self.e("cmpl", r, imm(signed(c, 32)))
            self.jump("e", target)
        self.jump(None, default)

    def jump_table(self, r, cases, lo, span, targets, default) -> None:
        index = self.new()
        self.e("movl", index, r)
        if lo:
            self.e("subl", index, imm(signed(lo, 32)))
        self.e("cmpl", index, imm(signed(span - 1, 32)))
        self.jump("a", default)
        table = self.ctx.new_label()
        entries = [default.label] * span
        for c, target in reversed(list(zip(cases, targets))):
            entries[c - lo] = target.label
        self.e("jmp", Indirect(Memory(displacement=SymbolRef(table), index=index, scale=4)))
        for t in set(targets) | {default}:
            if t not in self.block.successors:
                self.block.successors.append(t)
        self.mf.attributes.setdefault("jump_tables", []).append((table, entries))

    def op_indirectbr(self, inst: Instruction) -> None:
        targets = [self.edge(inst.block, t, False) for t in inst.targets]
        self.e("jmp", Indirect(self.reg(inst.operands[0])))
        for t in targets:
            if t not in self.block.successors:
                self.block.successors.append(t)

    def op_unreachable(self, inst: Instruction) -> None:
        self.e("ud2")

    def op_ret(self, inst: Instruction) -> None:
        self.calls.ret(inst)

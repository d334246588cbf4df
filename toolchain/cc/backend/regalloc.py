"""Linear-scan register allocation with whole-interval spilling.

Poletto & Sarkar's linear scan over the single-range intervals of
``liveness.intervals``: intervals are visited by start; an interval takes the
first register of its class (caller-saved ones first) that no active interval
holds and no fixed physical range crosses -- argument registers around a
call, rax/rdx around a division, every caller-saved register at a call, so a
value live across a call lands in a callee-saved register or in memory.  With
no register free, the interval ending last (the current one or an active one
that could give up its register) is spilled -- or, for a target that asks
for it (``spill_by_cost``: i386, whose few registers make the choice
matter), the one cheapest to keep in memory: with the fewest reads and
writes per position it covers, each counted 10 times per loop around it (a
loop: the blocks from a jump's target back to the jump, when the target
comes first), so a loop counter keeps its register and a value read once
before and once after the loop gives up its own.  A spilled interval
lives in a frame slot, and ``rewrite`` loads it into a reserved scratch
register before each instruction that reads it and stores it back after
each one that writes it.
The target reserves those scratch registers (x86-64: r10, r11, xmm14,
xmm15), so spill code never needs a register the allocator handed out.
A target with no scratch registers for a class (i386, whose eight
registers are too few to set two aside) gets "spill everywhere" instead:
each use or definition of a spilled register becomes a new short-lived
virtual register with its reload or store (the target's ``reload`` and
``spill``), and the scan runs again; those short intervals are never
spilled themselves -- a longer one gives up its register to them.

Copies guide the choice (a light form of coalescing): when the target
says which instructions are register-to-register copies (an optional
``copy_operands(mi)``), an interval first tries the registers its copy
partners already hold, or the physical register it is copied from or to,
so the copy becomes ``mov %reg, %reg`` and the emitter drops it.

The result is written into the function: every VReg becomes a physical
register of the operand's width, ``callee_saved`` lists the callee-saved
registers used (frame.py saves them).

A target that sets ``coloring`` (i386) is allocated by graph colouring
instead (coloring.py), which keeps this module's spill code and rewriting.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from .liveness import def_use, intervals
from .mir import FrameSlot, MachineFunction, MachineInstr, VReg


class _Fixed:
    """The fixed ranges of one physical register, sorted, for overlap queries."""

    def __init__(self, ranges: list[tuple[int, int]]):
        ranges.sort()
        self.starts = [r[0] for r in ranges]
        self.ranges = ranges
        # prefix maximum of ends, for 'does any range ending >= s start <= e'
        self.max_end = []
        m = -1
        for _, e in ranges:
            m = max(m, e)
            self.max_end.append(m)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_right(self.starts, e)      # ranges starting at or before e
        return i > 0 and self.max_end[i - 1] >= s


def _key(operand, target) -> int | None:
    if isinstance(operand, VReg):
        return operand.id
    name = getattr(operand, "name", None)
    return target.reg_key(name) if isinstance(name, str) else None


def copy_partners(function: MachineFunction, target) -> dict[int, list[int]]:
    """Virtual register -> the keys it is copied from or to (in order met)."""
    copy_operands = getattr(target, "copy_operands", None)
    partners: dict[int, list[int]] = {}
    if copy_operands is None:
        return partners
    for block in function.blocks:
        for mi in block.instrs:
            pair = copy_operands(mi) if mi.kind is None else None
            if pair is None:
                continue
            a, b = (_key(o, target) for o in pair)
            if a is None or b is None or a == b:
                continue
            if a >= 64:
                partners.setdefault(a, []).append(b)
            if b >= 64:
                partners.setdefault(b, []).append(a)
    return partners


def allocate(function: MachineFunction, target) -> None:
    if getattr(target, "coloring", False):
        from .coloring import allocate as allocate_by_colouring
        allocate_by_colouring(function, target)
        return
    unspillable: set[int] = set()
    for _ in range(16):
        assigned, spilled = _scan(function, target, unspillable)
        if not spilled or all(target.scratch.get(function.vreg_class.get(v, "gp"))
                              for v in spilled):
            break
        spill_everywhere(function, target,
                         {v: _spill_slot(function, target, v) for v in sorted(spilled)},
                         unspillable)
    else:
        raise RuntimeError(f"register allocation of {function.name} does not converge")
    slots = {v: _spill_slot(function, target, v) for v in sorted(spilled)}
    _rewrite(function, target, assigned, slots)
    used = set(assigned.values())
    function.callee_saved = [target.reg_name(k, 64) for k in target.callee_saved_keys
                             if k in used]


def _spill_slot(function: MachineFunction, target, v: int) -> FrameSlot:
    """The frame slot of spilled register ``v``: the target's ``spill_size``
    for its class, else 16 bytes for an xmm register and 8 for the rest."""
    cls = function.vreg_class.get(v, "gp")
    size = target.spill_size(cls) if hasattr(target, "spill_size") else \
        (16 if cls == "xmm" else 8)
    return function.new_slot(size, size, f"spill{v}")


def loop_depths(function: MachineFunction) -> dict:
    """Block -> how many loops hold it, a loop being the blocks from a jump's
    target back to the jump when the target comes first in layout order."""
    index = {block: i for i, block in enumerate(function.blocks)}
    depth = {block: 0 for block in function.blocks}
    for i, block in enumerate(function.blocks):
        for succ in block.successors:
            j = index.get(succ)
            if j is not None and j <= i:
                for inner in function.blocks[j:i + 1]:
                    depth[inner] += 1
    return depth


def spill_costs(function: MachineFunction, target) -> dict[int, float]:
    """Virtual register -> its reads and writes, each weighted by 10 ** loop depth."""
    depth = loop_depths(function)
    costs: dict[int, float] = {}
    for block in function.blocks:
        weight = 10.0 ** min(depth[block], 6)
        for mi in block.instrs:
            uses, defs = def_use(mi, target)
            for key in set(uses) | set(defs):
                if key is not None and key >= 64:
                    costs[key] = costs.get(key, 0.0) + weight
    return costs


def _scan(function: MachineFunction, target, unspillable: set[int]):
    """One linear scan: (assigned registers, spilled virtual registers)."""
    vint, pranges = intervals(function, target)
    fixed = {k: _Fixed(r) for k, r in pranges.items()}
    partners = copy_partners(function, target)
    by_cost = getattr(target, "spill_by_cost", False)
    costs = spill_costs(function, target) if by_cost else {}

    def density(v: int) -> float:
        """The cost of spilling v per position its interval covers."""
        s, e = vint[v]
        return costs.get(v, 0.0) / (e - s + 1)

    def conflicts(reg: int, s: int, e: int) -> bool:
        f = fixed.get(reg)
        return f is not None and f.overlaps(s, e)

    order = sorted(vint.items(), key=lambda kv: (kv[1][0], kv[0]))
    active: list[tuple[int, int]] = []        # (end, vreg)
    assigned: dict[int, int] = {}
    spilled: set[int] = set()
    for v, (s, e) in order:
        cls = function.vreg_class.get(v, "gp")
        active = [(ae, av) for ae, av in active if ae >= s]
        busy = {assigned[av] for _, av in active}
        allocatable = target.allocatable[cls]
        preferred = []
        for p in partners.get(v, ()):
            r = p if p < 64 else assigned.get(p)
            if r is not None and r in allocatable and r not in preferred:
                preferred.append(r)
        for reg in preferred + [r for r in allocatable if r not in preferred]:
            if reg not in busy and not conflicts(reg, s, e):
                assigned[v] = reg
                active.append((e, v))
                break
        else:
            must = v in unspillable
            victims = [(ae, av) for ae, av in active
                       if (ae > e or must or by_cost) and av not in unspillable
                       and function.vreg_class.get(av, "gp") == cls
                       and not conflicts(assigned[av], s, e)]
            if victims and by_cost:
                ae, av = min(victims, key=lambda victim: (density(victim[1]), -victim[0]))
            elif victims:
                ae, av = max(victims)
            if victims and (must or not by_cost or density(av) < density(v)):
                assigned[v] = assigned.pop(av)
                spilled.add(av)
                active.remove((ae, av))
                active.append((e, v))
            elif must:
                raise RuntimeError(f"no register for a reload in {function.name}")
            else:
                spilled.add(v)
    return assigned, spilled


def spill_everywhere(function: MachineFunction, target, slots: dict[int, FrameSlot],
                     unspillable: set[int]) -> None:
    """For a target without scratch registers: each spilled register lives in its
    frame slot (``slots``), and each instruction that reads or writes it gets a
    new virtual register of its own, loaded just before and stored just after,
    which the next round allocates like any other (and never spills)."""
    for block in function.blocks:
        out: list[MachineInstr] = []
        for mi in block.instrs:
            if mi.kind == "label":
                out.append(mi)
                continue
            renamed: dict[int, VReg] = {}
            reads: set[int] = set()
            writes: set[int] = set()
            roles = mi.roles if mi.roles is not None else target.roles(mi)

            def reg(op: VReg, role: str) -> VReg:
                if op.id not in slots:
                    return op
                if op.id not in renamed:
                    renamed[op.id] = function.new_vreg(op.bits, op.cls)
                    unspillable.add(renamed[op.id].id)
                if "r" in role:
                    reads.add(op.id)
                if "w" in role:
                    writes.add(op.id)
                return renamed[op.id].width(op.bits)

            def mem(m):
                base, index = m.base, m.index
                if isinstance(base, VReg):
                    base = reg(base, "r")
                if isinstance(index, VReg):
                    index = reg(index, "r")
                return replace(m, base=base, index=index)

            ops = []
            for op, role in zip(mi.operands, roles + ("r",) * (len(mi.operands) - len(roles))):
                if isinstance(op, VReg):
                    ops.append(reg(op, role))
                elif hasattr(op, "base") and hasattr(op, "index"):
                    ops.append(mem(op))
                elif hasattr(op, "target") and not hasattr(op, "name"):
                    inner = op.target
                    if isinstance(inner, VReg):
                        inner = reg(inner, "r")
                    elif hasattr(inner, "base"):
                        inner = mem(inner)
                    ops.append(replace(op, target=inner))
                else:
                    ops.append(op)
            if not renamed:
                out.append(mi)
                continue
            for v in sorted(reads):
                out.append(target.reload(renamed[v], slots[v]))
            new = replace(mi, operands=tuple(ops))
            if mi.kind == "asm":
                new.text = mi.text
            out.append(new)
            for v in sorted(writes):
                out.append(target.spill(renamed[v], slots[v]))
        block.instrs = out


def _rewrite(function: MachineFunction, target, assigned: dict[int, int],
             slots: dict[int, FrameSlot]) -> None:
    for block in function.blocks:
        out: list[MachineInstr] = []
        for mi in block.instrs:
            if mi.kind == "label":
                out.append(mi)
                continue
            spill_map: dict[int, str] = {}      # vreg -> scratch register key name (64/xmm)
            reads: set[int] = set()
            writes: set[int] = set()
            roles = mi.roles if mi.roles is not None else target.roles(mi)
            free = {cls: list(names) for cls, names in target.scratch.items()}

            def scratch_for(v: VReg) -> str:
                if v.id not in spill_map:
                    pool = free[v.cls]
                    if not pool:
                        raise RuntimeError(f"too many spilled registers in {mi}")
                    spill_map[v.id] = pool.pop(0)
                return spill_map[v.id]

            def reg(v: VReg, role: str):
                if v.id in slots:
                    scratch_for(v)
                    if "r" in role:
                        reads.add(v.id)
                    if "w" in role:
                        writes.add(v.id)
                    return target.register(target.reg_key(spill_map[v.id]), v.bits)
                return target.register(assigned[v.id], v.bits)

            def mem(m):
                base, index = m.base, m.index
                if isinstance(base, VReg):
                    base = reg(base.width(64), "r")
                if isinstance(index, VReg):
                    index = reg(index.width(64), "r")
                return replace(m, base=base, index=index)

            ops = []
            for op, role in zip(mi.operands, roles + ("r",) * (len(mi.operands) - len(roles))):
                if isinstance(op, VReg):
                    ops.append(reg(op, role))
                elif hasattr(op, "base") and hasattr(op, "index"):
                    ops.append(mem(op))
                elif hasattr(op, "target") and not hasattr(op, "name"):
                    inner = op.target
                    if isinstance(inner, VReg):
                        inner = reg(inner, "r")
                    elif hasattr(inner, "base"):
                        inner = mem(inner)
                    ops.append(replace(op, target=inner))
                else:
                    ops.append(op)
            for v in sorted(reads):
                out.append(target.spill_load(target.reg_key(spill_map[v]), slots[v],
                                             function.vreg_class.get(v, "gp")))
            new = replace(mi, operands=tuple(ops))
            if mi.kind == "asm":
                new.text = mi.text
            out.append(new)
            for v in sorted(writes):
                out.append(target.spill_store(target.reg_key(spill_map[v]), slots[v],
                                              function.vreg_class.get(v, "gp")))
        block.instrs = out

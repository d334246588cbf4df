"""Liveness of registers over a machine function, and live intervals.

Registers are *keys*: a virtual register's id (>= 64) or a physical
register's number in the target's register file (< 64).  ``def_use`` reads
one instruction's keys from its operand roles and implicit registers;
``live_out`` is the classic backward data-flow fixed point over the blocks;
``intervals`` numbers the instructions in layout order (an instruction at
index i reads at position 2i and writes at 2i+1) and gives each virtual
register one interval [first position, last position] covering every point
where it is live -- the conservative single-range form linear scan uses
(Poletto & Sarkar).  Physical registers get exact, possibly many, ranges:
they are the fixed constraints the allocator must step around.
"""

from __future__ import annotations

from .mir import FrameSlot, MachineFunction, MachineInstr, VReg


def _regs_in(operand: object, target) -> list[int]:
    """Keys of the registers inside an address (all read)."""
    keys = []
    for part in (getattr(operand, "base", None), getattr(operand, "index", None)):
        if isinstance(part, VReg):
            keys.append(part.id)
        elif part is not None and not isinstance(part, FrameSlot):
            k = target.reg_key(part.name)
            if k is not None:
                keys.append(k)
    return keys


def def_use(mi: MachineInstr, target) -> tuple[list[int], list[int]]:
    """(uses, defs) of one instruction, as keys."""
    uses: list[int] = []
    defs: list[int] = []
    if mi.kind == "label":
        return uses, defs
    roles = mi.roles if mi.roles is not None else target.roles(mi)
    for operand, role in zip(mi.operands, roles):
        if isinstance(operand, VReg):
            key = operand.id
        elif hasattr(operand, "base"):          # memory: its registers are read
            uses.extend(_regs_in(operand, target))
            continue
        elif hasattr(operand, "target"):        # an indirect branch target
            inner = operand.target
            if isinstance(inner, VReg):
                uses.append(inner.id)
            elif hasattr(inner, "base"):
                uses.extend(_regs_in(inner, target))
            elif hasattr(inner, "name"):
                k = target.reg_key(inner.name)
                if k is not None:
                    uses.append(k)
            continue
        elif hasattr(operand, "name") and not hasattr(operand, "specifier"):
            key = target.reg_key(operand.name)
            if key is None:
                continue
        else:
            continue
        if "r" in role:
            uses.append(key)
        if "w" in role:
            defs.append(key)
    for name in mi.implicit_uses:
        uses.append(target.reg_key(name))
    for name in mi.implicit_defs:
        defs.append(target.reg_key(name))
    return uses, defs


def live_out(function: MachineFunction, target) -> dict:
    """Block -> set of virtual-register keys live at its end."""
    gen: dict = {}
    kill: dict = {}
    for block in function.blocks:
        g: set[int] = set()
        k: set[int] = set()
        for mi in block.instrs:
            uses, defs = def_use(mi, target)
            for u in uses:
                if u >= 64 and u not in k:
                    g.add(u)
            for d in defs:
                if d >= 64:
                    k.add(d)
        gen[block], kill[block] = g, k
    return solve_live_out(function.blocks, gen, kill)


def solve_live_out(blocks: list, gen: dict, kill: dict) -> dict:
    """Block -> the keys live at its end, from each block's upward-exposed uses
    (``gen``) and definitions (``kill``): the backward dataflow to its fixpoint."""
    live_in = {b: set() for b in blocks}
    out = {b: set() for b in blocks}
    changed = True
    order = list(reversed(blocks))
    while changed:
        changed = False
        for block in order:
            o: set[int] = set()
            for s in block.successors:
                o |= live_in[s]
            i = gen[block] | (o - kill[block])
            if o != out[block] or i != live_in[block]:
                out[block], live_in[block] = o, i
                changed = True
    return out


def intervals(function: MachineFunction, target):
    """(vreg intervals {key: [start, end]}, physical ranges {key: [(start, end)]},
    call positions, per-instruction position index)."""
    outs = live_out(function, target)
    vint: dict[int, list[int]] = {}
    pranges: dict[int, list[tuple[int, int]]] = {}
    position = 0
    for block in function.blocks:
        start = position
        n = len(block.instrs)
        end = start + 2 * n
        # virtual registers: walk backwards with a live set
        live = set(outs[block])
        for key in live:
            iv = vint.setdefault(key, [end, end])
            iv[0] = min(iv[0], end)
            iv[1] = max(iv[1], end)
        open_phys: dict[int, int] = {}       # physical key -> last use position (backwards)
        for idx in range(n - 1, -1, -1):
            mi = block.instrs[idx]
            uses, defs = def_use(mi, target)
            p = start + 2 * idx
            for d in defs:
                if d >= 64:
                    iv = vint.setdefault(d, [p + 1, p + 1])
                    iv[0] = min(iv[0], p + 1)
                    iv[1] = max(iv[1], p + 1)
                    live.discard(d)
                else:
                    last = open_phys.pop(d, p + 1)
                    pranges.setdefault(d, []).append((p + 1, last))
            for u in uses:
                if u >= 64:
                    iv = vint.setdefault(u, [p, p])
                    iv[0] = min(iv[0], p)
                    iv[1] = max(iv[1], p)
                    live.add(u)
                else:
                    open_phys.setdefault(u, p)
        for key in live:                     # live into the block
            vint[key][0] = min(vint[key][0], start)
        for key, last in open_phys.items():  # physical registers live into the block
            pranges.setdefault(key, []).append((start, last))
        position = end + 2
    return vint, pranges

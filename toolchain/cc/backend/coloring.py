"""Register allocation by graph colouring with conservative coalescing.

Chaitin's allocator as Briggs and George refined it (Briggs, Cooper &
Torczon 1994, "Improvements to Graph Coloring Register Allocation"; George
& Appel 1996, "Iterated Register Coalescing"), for a target that opts in
with ``coloring = True`` in its registers.py (i386, and so x86-16, whose six
allocatable registers make the single-range intervals of linear scan
spill what is live across a loop).  One round:

1. **Liveness** of every register -- virtual ones and the allocatable
   physical ones -- over the blocks (the backward data-flow fixed point).
2. **Interference graph**, walking each block backwards with its live
   set: whatever an instruction writes interferes with whatever is live
   after it, except that the destination of a register-to-register copy
   does not interfere with its source (they hold the same value).  The
   physical registers are precoloured nodes, so the fixed constraints --
   a call's clobbers, division's eax/edx, a shift count in ecx, argument
   and return registers -- are edges like any other.  Only the gaps where a
   value is live count: a value's lifetime holes are free for others.
3. **Coalescing**: the copies, most frequent first (each counted 10 times
   per loop around it), merge their two ends when those do not interfere
   and the merge cannot make the graph harder to colour -- Briggs' test
   (the merged node has fewer than K neighbours of significant degree) or,
   for a physical register, George's (every neighbour of the virtual one
   already interferes with the register or has insignificant degree).  A
   coalesced copy becomes ``mov %r, %r``, which the emitter drops.
4. **Simplify and select**: nodes of fewer than K neighbours are removed
   first; when none is left, the one cheapest to spill (reads and writes
   weighted by loop depth, over its degree) is removed optimistically.
   Popping them back, each node takes a register none of its neighbours
   holds, preferring the registers its copy partners hold (biased
   colouring), then the target's order (caller-saved first: no save;
   on i386 eax..ebx before esi/edi, the ones with byte forms).
   A node left with none first tries to move the neighbours holding one
   register to others; a reload that still has none takes the register
   of its cheapest neighbours, which spill instead.
5. **Spill**: a node left without a register lives in a frame slot; each
   instruction reading or writing it gets a short-lived virtual register
   of its own with a reload before or a store after ("spill everywhere",
   regalloc.py), which can never be spilled, and the round starts again.
   A value whose only definition loads an incoming argument is reloaded
   from the argument's own slot, and a constant is rematerialised,
   rather than stored anew.
"""

from __future__ import annotations

import heapq

from .liveness import def_use, solve_live_out
from .mir import FrameSlot, MachineFunction, MachineInstr, VReg
from . import regalloc

_INFINITE = float("inf")


class _Graph:
    """The interference graph and the copies of one round."""

    def __init__(self, function: MachineFunction, target):
        self.function = function
        self.target = target
        self.phys_class: dict[int, str] = {}
        for cls, keys in target.allocatable.items():
            for k in keys:
                self.phys_class[k] = cls
        self.adj: dict[int, set[int]] = {}
        self.moves: list[tuple[float, int, int]] = []     # (weight, destination, source)
        self.instr_keys: list[tuple[list[int], list[int]]] = []

    def cls(self, key: int) -> str | None:
        if key >= 64:
            return self.function.vreg_class.get(key, "gp")
        return self.phys_class.get(key)

    def tracked(self, key: int | None) -> bool:
        return key is not None and (key >= 64 or key in self.phys_class)

    def add_edge(self, a: int, b: int) -> None:
        if a == b or (a < 64 and b < 64):
            return
        if self.cls(a) != self.cls(b):
            return
        self.adj[a].add(b)
        self.adj[b].add(a)

    def build(self, depth: dict) -> None:
        function, target = self.function, self.target
        adj = self.adj
        copy_operands = getattr(target, "copy_operands", None)
        keys_of: dict = {}
        gen: dict = {}
        kill: dict = {}
        for block in function.blocks:
            facts = []
            g: set[int] = set()
            k: set[int] = set()
            for mi in block.instrs:
                uses, defs = def_use(mi, target)
                uses = [u for u in uses if self.tracked(u)]
                defs = [d for d in defs if self.tracked(d)]
                for key in uses + defs:
                    if key not in adj:
                        adj[key] = set()
                for u in uses:
                    if u not in k:
                        g.add(u)
                k.update(defs)
                move = None
                if copy_operands is not None and mi.kind is None:
                    pair = copy_operands(mi)
                    if pair is not None:
                        a, b = (regalloc._key(o, target) for o in pair)
                        if self.tracked(a) and self.tracked(b) and a != b \
                                and self.cls(a) == self.cls(b):
                            move = (a, b)
                facts.append((uses, defs, move))
            keys_of[block] = facts
            gen[block], kill[block] = g, k
        live_out = solve_live_out(function.blocks, gen, kill)
        for block in function.blocks:
            weight = 10.0 ** min(depth[block], 6)
            live = set(live_out[block])
            for uses, defs, move in reversed(keys_of[block]):
                if move is not None:
                    live.discard(move[1])
                    self.moves.append((weight, move[0], move[1]))
                for d in defs:
                    for other in live:
                        self.add_edge(d, other)
                for i, d in enumerate(defs):       # the writes of one instruction
                    for other in defs[i + 1:]:
                        self.add_edge(d, other)
                live.difference_update(defs)
                live.update(uses)


def allocate(function: MachineFunction, target) -> None:
    """Colour ``function``'s virtual registers with ``target``'s registers,
    spilling where needed; then rewrite them as ``regalloc.allocate`` does."""
    unspillable: set[int] = set()
    depth = regalloc.loop_depths(function)
    for _ in range(24):
        graph = _Graph(function, target)
        graph.build(depth)
        colours, spilled = _colour(function, target, graph, unspillable)
        if not spilled:
            break
        _spill(function, target, spilled, unspillable)
    else:
        raise RuntimeError(f"register allocation of {function.name} does not converge")
    regalloc._rewrite(function, target, colours, {})
    used = set(colours.values())
    function.callee_saved = [target.reg_name(k, 64) for k in target.callee_saved_keys
                             if k in used]


def _colour(function: MachineFunction, target, graph: _Graph,
            unspillable: set[int]) -> tuple[dict[int, int], list[list[int]]]:
    """(virtual register -> physical key, the groups of coalesced virtual
    registers left without one)."""
    adj = graph.adj
    alias: dict[int, int] = {}

    def find(n: int) -> int:
        root = n
        while root in alias:
            root = alias[root]
        while n != root:
            alias[n], n = root, alias[n]
        return root

    k_of = {cls: len(keys) for cls, keys in target.allocatable.items()}
    costs = regalloc.spill_costs(function, target)
    members: dict[int, list[int]] = {n: [n] for n in adj if n >= 64}
    cost = {n: (_INFINITE if n in unspillable else costs.get(n, 0.0)) for n in members}

    def significant(t: int) -> bool:
        return t < 64 or len(adj[t]) >= k_of[graph.cls(t)]

    # --- coalescing ---------------------------------------------------------
    moves = sorted(graph.moves, key=lambda m: -m[0])
    for weight, a, b in moves:
        x, y = find(a), find(b)
        if x == y or (x < 64 and y < 64):
            continue
        if y < 64:
            x, y = y, x
        if y in adj[x]:                     # they interfere
            continue
        if x >= 64 and (cost[x] == _INFINITE) != (cost[y] == _INFINITE):
            continue                        # a reload stays short: never spillable
        k = k_of[graph.cls(y)]
        if x < 64:
            ok = all(t < 64 or len(adj[t]) < k or x in adj[t] for t in adj[y])
        else:
            ok = sum(1 for t in adj[x] | adj[y] if significant(t)) < k or \
                all(t < 64 or len(adj[t]) < k or x in adj[t] for t in adj[y])
        if not ok:
            continue
        alias[y] = x                        # y merges into x
        for t in adj.pop(y):
            adj[t].discard(y)
            graph.add_edge(t, x)
        if x >= 64:
            members[x] += members.pop(y)
            cost[x] += cost.pop(y)
        else:
            members.setdefault(x, []).extend(members.pop(y))
            cost.pop(y)

    # --- simplify -----------------------------------------------------------
    nodes = [n for n in adj if n >= 64]
    degree = {n: len(adj[n]) for n in nodes}
    removed: set[int] = set()
    stack: list[int] = []
    low = [n for n in nodes if degree[n] < k_of[graph.cls(n)]]
    heap = [(cost[n] / degree[n], n) for n in nodes if degree[n] >= k_of[graph.cls(n)]]
    heapq.heapify(heap)
    remaining = len(nodes)
    while remaining:
        if low:
            n = low.pop()
            if n in removed:
                continue
        else:
            key, n = heapq.heappop(heap)
            if n in removed:
                continue
            current = cost[n] / degree[n] if degree[n] else 0.0
            if current != key:
                heapq.heappush(heap, (current, n))
                continue
        removed.add(n)
        stack.append(n)
        remaining -= 1
        for t in adj[n]:
            if t >= 64 and t not in removed:
                degree[t] -= 1
                if degree[t] == k_of[graph.cls(t)] - 1:
                    low.append(t)

    # --- select -------------------------------------------------------------
    partners: dict[int, dict[int, float]] = {}
    for weight, a, b in graph.moves:
        x, y = find(a), find(b)
        if x != y:
            partners.setdefault(x, {})
            partners[x][y] = partners[x].get(y, 0.0) + weight
            partners.setdefault(y, {})
            partners[y][x] = partners[y].get(x, 0.0) + weight
    colour: dict[int, int] = {}
    spilled: list[list[int]] = []
    for n in reversed(stack):
        taken = set()
        for t in adj[n]:
            if t < 64:
                taken.add(t)
            elif t in colour:
                taken.add(colour[t])
        order = target.allocatable[graph.cls(n)]
        free = [r for r in order if r not in taken]
        if not free:
            free = _recolour(n, order, adj, colour)
        if not free and cost[n] == _INFINITE:
            free = _evict(n, order, adj, colour, cost, members, spilled)
        if not free:
            spilled.append(members[n])
            continue
        bias: dict[int, float] = {}
        for p, w in partners.get(n, {}).items():
            r = p if p < 64 else colour.get(p)
            if r is not None and r in free:
                bias[r] = bias.get(r, 0.0) + w
        colour[n] = max(free, key=lambda r: (bias.get(r, 0.0), -order.index(r))) \
            if bias else free[0]
    if spilled:
        return {}, spilled
    result: dict[int, int] = {}
    for n, group in members.items():
        c = n if n < 64 else colour[n]
        for m in group:
            result[m] = c
    return result, []


def _recolour(n: int, order: list[int], adj: dict[int, set[int]],
              colour: dict[int, int]) -> list[int]:
    """A register for node ``n`` freed by moving the neighbours that hold it
    to registers none of their own neighbours hold; [] if no register can be."""
    def others(t: int) -> list[int]:
        taken = {u if u < 64 else colour.get(u) for u in adj[t]}
        return [r for r in order if r not in taken and r != colour[t]]

    for r in order:
        if r in adj[n]:
            continue
        holders = [t for t in adj[n] if t >= 64 and colour.get(t) == r]
        moves = {}
        for t in holders:
            choices = [c for c in others(t) if all(colour.get(u) != c for u in moves
                                                  if u in adj[t])]
            if not choices:
                break
            moves[t] = choices[0]
        else:
            colour.update(moves)
            return [r]
    return []


def _evict(n: int, order: list[int], adj: dict[int, set[int]], colour: dict[int, int],
           cost: dict[int, float], members: dict[int, list[int]],
           spilled: list[list[int]]) -> list[int]:
    """A register for node ``n``, which may not spill (a reload), taken from the
    cheapest neighbours holding one: they spill instead.  [] if none can."""
    best, best_cost = None, _INFINITE
    for r in order:
        if r in adj[n]:
            continue
        holders = [t for t in adj[n] if t >= 64 and colour.get(t) == r]
        c = sum(cost[t] for t in holders)
        if c < best_cost:
            best, best_cost = r, c
    if best is None:
        return []
    for t in [t for t in adj[n] if t >= 64 and colour.get(t) == best]:
        del colour[t]
        spilled.append(members[t])
    return [best]


def _spill(function: MachineFunction, target, groups: list[list[int]],
           unspillable: set[int]) -> None:
    """Put each group of coalesced virtual registers in a frame slot of its
    own (copies between them vanish), reloading at each use."""
    for group in groups:
        bad = [v for v in group if v in unspillable]
        if bad:
            raise RuntimeError(f"no register for a reload in {function.name}")
    sources = _rematerialisable(function, target, groups)
    slots: dict[int, object] = {}
    for group in sorted(groups, key=min):
        source = sources.get(min(group))
        slot = source[0] if source is not None else \
            regalloc._spill_slot(function, target, min(group))
        for v in group:
            slots[v] = slot
    defining = {id(mi) for _, mi in sources.values()}
    copy_operands = getattr(target, "copy_operands", None)
    if copy_operands is not None:
        for block in function.blocks:
            kept = []
            for mi in block.instrs:
                pair = copy_operands(mi) if mi.kind is None else None
                if pair is not None and all(isinstance(o, VReg) for o in pair) and \
                        pair[0].id in slots and slots.get(pair[0].id) is slots.get(pair[1].id):
                    continue
                if id(mi) in defining:
                    continue                # rematerialised at each use instead
                kept.append(mi)
            block.instrs = kept
    regalloc.spill_everywhere(function, target, slots, unspillable)


def _rematerialisable(function: MachineFunction, target, groups: list[list[int]]) -> dict:
    """Spilled groups whose one definition (copies inside the group aside) is
    ``movl SRC, %v`` of a constant or of an incoming argument's slot that
    nothing writes or takes the address of: min(group) -> (SRC, that
    instruction).  Each use then loads SRC again and no slot is needed."""
    if not hasattr(target, "rematerialize"):
        return {}
    group_of = {v: min(g) for g in groups for v in g}
    defs: dict[int, list[MachineInstr]] = {}
    written: set[int] = set()                # id() of frame slots written or addressed
    copy_operands = getattr(target, "copy_operands", None)
    for block in function.blocks:
        for mi in block.instrs:
            if mi.kind == "label":
                continue
            roles = mi.roles if mi.roles is not None else target.roles(mi)
            for op, role in zip(mi.operands, roles + ("rw",) * (len(mi.operands) - len(roles))):
                op = getattr(op, "target", op)
                if isinstance(getattr(op, "base", None), FrameSlot) and \
                        ("w" in role or mi.kind == "asm" or not mi.mnemonic.startswith("mov")):
                    written.add(id(op.base))
            pair = copy_operands(mi) if copy_operands and mi.kind is None else None
            if pair and all(isinstance(o, VReg) for o in pair) and \
                    group_of.get(pair[0].id, -1) == group_of.get(pair[1].id):
                continue
            for d in def_use(mi, target)[1]:
                if d in group_of:
                    defs.setdefault(group_of[d], []).append(mi)
    sources = {}
    for g, mis in defs.items():
        if len(mis) != 1:
            continue
        mi = mis[0]
        if mi.mnemonic != "movl" or mi.kind is not None or len(mi.operands) != 2 or \
                not isinstance(mi.operands[0], VReg) or mi.operands[0].bits != 32:
            continue
        src = target.rematerialize(mi.operands[1])
        if src is None:
            continue
        if isinstance(getattr(src, "base", None), FrameSlot) and \
                (not src.base.fixed or id(src.base) in written):
            continue
        sources[g] = (src, mi)
    return sources

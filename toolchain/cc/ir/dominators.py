"""Dominators and dominance frontiers of a function's control-flow graph.

The iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
Dominance Algorithm", 2001): number the blocks in reverse postorder from the
entry, then repeat ``idom(b) = intersect(processed predecessors)`` until
nothing changes.  The dominance frontier of each block (where mem2reg puts
phis) comes from the same paper: for each join point, walk up from every
predecessor to the join's immediate dominator.

Only blocks reachable from the entry take part; the verifier and mem2reg
ignore the others (unreachable.py removes them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import Block, Function


def reverse_postorder(function: Function) -> list[Block]:
    """The reachable blocks, entry first, each before its successors except on back edges."""
    if not function.blocks:
        return []
    seen: set[int] = set()
    order: list[Block] = []
    stack: list[tuple[Block, int]] = [(function.blocks[0], 0)]
    seen.add(id(function.blocks[0]))
    while stack:
        block, index = stack[-1]
        successors = block.successors
        if index < len(successors):
            stack[-1] = (block, index + 1)
            successor = successors[index]
            if id(successor) not in seen:
                seen.add(id(successor))
                stack.append((successor, 0))
        else:
            stack.pop()
            order.append(block)
    order.reverse()
    return order


@dataclass
class DominatorTree:
    order: list[Block]                                  # reverse postorder
    idom: dict[Block, Block | None]                     # immediate dominator (entry: None)
    children: dict[Block, list[Block]] = field(default_factory=dict)
    frontier: dict[Block, set[Block]] = field(default_factory=dict)
    predecessors: dict[Block, list[Block]] = field(default_factory=dict)

    def dominates(self, a: Block, b: Block) -> bool:
        """Whether ``a`` dominates ``b`` (every block dominates itself)."""
        while b is not None:
            if b is a:
                return True
            b = self.idom.get(b)
        return False

    def reachable(self, block: Block) -> bool:
        return block in self.idom


def dominator_tree(function: Function) -> DominatorTree:
    order = reverse_postorder(function)
    number = {block: i for i, block in enumerate(order)}
    preds_all = function.predecessors()
    preds = {b: [p for p in preds_all[b] if p in number] for b in order}
    if not order:
        return DominatorTree(order, {})
    entry = order[0]
    idom: dict[Block, Block | None] = {entry: entry}

    def intersect(a: Block, b: Block) -> Block:
        while a is not b:
            while number[a] > number[b]:
                a = idom[a]
            while number[b] > number[a]:
                b = idom[b]
        return a

    changed = True
    while changed:
        changed = False
        for block in order[1:]:
            new = None
            for p in preds[block]:
                if p in idom:
                    new = p if new is None else intersect(p, new)
            if new is not None and idom.get(block) is not new:
                idom[block] = new
                changed = True
    tree = DominatorTree(order, {b: idom.get(b) for b in order}, predecessors=preds)
    tree.idom[entry] = None
    tree.children = {b: [] for b in order}
    for b in order[1:]:
        if tree.idom[b] is not None:
            tree.children[tree.idom[b]].append(b)
    tree.frontier = {b: set() for b in order}
    for b in order:
        if len(preds[b]) >= 2:
            for p in preds[b]:
                runner = p
                while runner is not None and runner is not tree.idom[b]:
                    tree.frontier[runner].add(b)
                    runner = tree.idom[runner]
    return tree

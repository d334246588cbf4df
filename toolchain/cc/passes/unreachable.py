"""Unreachable block removal: blocks no path from the entry reaches go, and the
phis of the blocks that remain forget the edges that came from them."""

from __future__ import annotations

from ..ir import Function, Module
from ..ir.dominators import reverse_postorder
from .util import remove_incoming


def run(module: Module) -> bool:
    changed = False
    for function in module.functions:
        changed |= run_function(function)
    return changed


def run_function(function: Function) -> bool:
    reachable = set(reverse_postorder(function))
    dead = [b for b in function.blocks if b not in reachable]
    if not dead:
        return False
    for block in dead:
        for successor in block.successors:
            if successor in reachable:
                remove_incoming(successor, block)
    function.blocks = [b for b in function.blocks if b in reachable]
    for block in function.blocks:                  # indirect branches may list removed blocks
        term = block.terminator
        if term is not None and term.opcode == "indirectbr":
            term.targets = [t for t in term.targets if t in reachable]
    return True

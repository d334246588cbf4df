"""Dead code elimination: instructions that have no effect and whose results
no instruction with an effect needs, directly or through others, go (mark
and sweep, so chains go, and cycles too: the phis of a variable scoped
inside a loop, feeding only each other); so do locals that are only ever
stored to (an ``alloca`` used only as the address of stores)."""

from __future__ import annotations

from ..ir import Function, Instruction, Module
from .util import removable


def run(module: Module) -> bool:
    changed = False
    for function in module.functions:
        changed |= run_function(function)
    return changed


def run_function(function: Function) -> bool:
    changed = _write_only_locals(function)
    # mark and sweep: what has an effect is live, and so is every value a live
    # instruction reads; the rest goes -- chains and cycles (a loop's phis
    # feeding only each other) alike
    live = set()
    work = [i for b in function.blocks for i in b.instructions
            if not removable(i) or i.type.value == "void"]
    live.update(work)
    while work:
        for v in work.pop().operands:
            if isinstance(v, Instruction) and v not in live:
                live.add(v)
                work.append(v)
    for block in function.blocks:
        if any(i not in live for i in block.instructions):
            block.instructions = [i for i in block.instructions if i in live]
            changed = True
    return changed


def _write_only_locals(function: Function) -> bool:
    allocas = {}
    for block in function.blocks:
        for instruction in block.instructions:
            if instruction.opcode == "alloca" and not instruction.operands:
                allocas[instruction] = True
    if not allocas:
        return False
    for block in function.blocks:
        for instruction in block.instructions:
            for index, v in enumerate(instruction.operands):
                if v in allocas:
                    if not (instruction.opcode == "store" and index == 1
                            and not instruction.attributes.get("volatile")):
                        allocas[v] = False
    doomed = {a for a, ok in allocas.items() if ok}
    if not doomed:
        return False
    for block in function.blocks:
        block.instructions = [i for i in block.instructions if i not in doomed and not (
            i.opcode == "store" and i.operands[1] in doomed)]
    return True

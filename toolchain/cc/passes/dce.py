"""Dead code elimination: instructions whose results nobody uses and that have
no effect go (a worklist, so chains of them go too); so do locals that are
only ever stored to (an ``alloca`` used only as the address of stores)."""

from __future__ import annotations

from ..ir import Function, Instruction, Module
from .util import removable, use_counts


def run(module: Module) -> bool:
    changed = False
    for function in module.functions:
        changed |= run_function(function)
    return changed


def run_function(function: Function) -> bool:
    changed = _write_only_locals(function)
    counts = use_counts(function)
    dead = set()
    work = [i for b in function.blocks for i in b.instructions
            if counts.get(i, 0) == 0 and removable(i) and i.type.value != "void"]
    while work:
        instruction = work.pop()
        if instruction in dead:
            continue
        dead.add(instruction)
        for v in instruction.operands:
            if isinstance(v, Instruction):
                counts[v] -= 1
                if counts[v] == 0 and removable(v) and v not in dead:
                    work.append(v)
    if dead:
        for block in function.blocks:
            block.instructions = [i for i in block.instructions if i not in dead]
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

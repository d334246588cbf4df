"""mem2reg: promote local variables to SSA values.

An entry-block ``alloca`` qualifies when its address never escapes: every
use is a non-volatile ``load`` from it or ``store`` to it, all of one
machine type no wider than the slot.  For each, phis go at the iterated
dominance frontier of the blocks that store to it (Cytron et al., 1991);
then a walk of the dominator tree renames: a load becomes the value most
recently stored on the path (``undef`` before any store), each store and the
alloca disappear, and phis get one operand per predecessor.  Trivial phis
(all operands the same value) are folded at the end.  Promotion repeats
while it frees more slots: once ``pp = &p`` is promoted, ``*pp`` is ``p``
itself, whose address may then no longer escape.  Functions that call a
``returns_twice`` function (setjmp) are left alone.
"""

from __future__ import annotations

from ..ir import Function, Instruction, Module, Type, Undef
from ..ir.dominators import dominator_tree
from . import unreachable
from .util import replace_uses

TYPE_BYTES = {Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.I128: 16, Type.F32: 4,
              Type.F64: 8, Type.F80: 10, Type.F128: 16}


def run(module: Module) -> bool:
    changed = False
    for function in module.functions:
        changed |= run_function(function, module.pointer_bits // 8)
    return changed


def promotable_allocas(function: Function, pointer_bytes: int) -> dict:
    if not function.blocks:
        return {}
    candidates: dict[Instruction, Type | None] = {}
    for instruction in function.blocks[0].instructions:
        if instruction.opcode == "alloca" and not instruction.operands:
            candidates[instruction] = None
    for block in function.blocks:
        for instruction in block.instructions:
            if instruction.opcode == "call" and instruction.attributes.get("returns_twice"):
                return {}
            for index, v in enumerate(instruction.operands):
                if v not in candidates or candidates.get(v) is False:
                    continue
                op = instruction.opcode
                if op == "load" and not instruction.attributes.get("volatile"):
                    t = instruction.type
                elif op == "store" and index == 1 and not instruction.attributes.get("volatile"):
                    t = instruction.operands[0].type
                else:
                    candidates[v] = False
                    continue
                if candidates[v] is None:
                    candidates[v] = t
                elif candidates[v] is not t:
                    candidates[v] = False
    result = {}
    for alloca, t in candidates.items():
        if t is None or t is False:
            continue
        size = pointer_bytes if t is Type.PTR else TYPE_BYTES.get(t, 0)
        if size and size <= alloca.attributes.get("size", 0):
            result[alloca] = t
    return result


def run_function(function: Function, pointer_bytes: int) -> bool:
    unreachable.run_function(function)           # phis want every predecessor reachable
    changed = False
    while True:                                  # promoting p = &x may free x: again
        allocas = promotable_allocas(function, pointer_bytes)
        if not allocas:
            return changed
        _promote(function, allocas)
        changed = True


def _promote(function: Function, allocas: dict) -> None:
    tree = dominator_tree(function)
    # 1. phis at the iterated dominance frontiers of the stores
    phi_of: dict[Instruction, Instruction] = {}        # phi -> alloca
    placed: dict = {}
    for alloca, t in allocas.items():
        defining = {b for b in tree.order for i in b.instructions
                    if i.opcode == "store" and i.operands[1] is alloca}
        work = list(defining)
        has_phi = set()
        while work:
            block = work.pop()
            for frontier in tree.frontier.get(block, ()):
                if frontier in has_phi:
                    continue
                phi = Instruction("phi", t, [], [], {"incoming": []}, block=frontier)
                frontier.instructions.insert(0, phi)
                phi_of[phi] = alloca
                placed.setdefault(frontier, []).append(phi)
                has_phi.add(frontier)
                if frontier not in defining:
                    work.append(frontier)
    # 2. rename along the dominator tree (iteratively: deep trees are common)
    replacements: dict = {}
    removed: set = set()
    current: dict = {a: Undef(t) for a, t in allocas.items()}
    stack = [(tree.order[0], None)] if tree.order else []
    while stack:
        block, saved = stack.pop()
        if block is None:
            current = saved
            continue
        saved_state = dict(current)
        for instruction in block.instructions:
            if instruction in phi_of:
                current[phi_of[instruction]] = instruction
            elif instruction.opcode == "load" and instruction.operands[0] in allocas:
                replacements[instruction] = current[instruction.operands[0]]
                removed.add(instruction)
            elif instruction.opcode == "store" and instruction.operands[1] in allocas:
                current[instruction.operands[1]] = instruction.operands[0]
                removed.add(instruction)
        for successor in block.successors:
            for phi in placed.get(successor, ()):
                if block in phi.attributes["incoming"]:
                    continue
                phi.operands.append(current[phi_of[phi]])
                phi.attributes["incoming"].append(block)
        stack.append((None, saved_state))
        for child in reversed(tree.children.get(block, [])):
            stack.append((child, None))
    # loads and stores in unreachable blocks
    reachable = set(tree.order)
    for block in function.blocks:
        if block in reachable:
            continue
        for instruction in block.instructions:
            if instruction.opcode == "load" and instruction.operands[0] in allocas:
                replacements[instruction] = Undef(instruction.type)
                removed.add(instruction)
            elif instruction.opcode == "store" and instruction.operands[1] in allocas:
                removed.add(instruction)
    removed.update(allocas)
    for block in function.blocks:
        block.instructions = [i for i in block.instructions if i not in removed]
    replace_uses(function, replacements)
    _fold_trivial_phis(function, set(phi_of))


def _fold_trivial_phis(function: Function, phis: set) -> None:
    changed = True
    while changed:
        changed = False
        mapping = {}
        for phi in list(phis):
            values = {id(v): v for v in phi.operands if v is not phi}
            if len(values) == 1:
                mapping[phi] = next(iter(values.values()))
            elif not values:
                mapping[phi] = Undef(phi.type)
        if mapping:
            for block in function.blocks:
                block.instructions = [i for i in block.instructions if i not in mapping]
            replace_uses(function, mapping)
            phis -= set(mapping)
            changed = True

"""CFG simplification, repeated until nothing changes:

1. a ``br`` on a constant (or with both targets equal) and a ``switch`` on a
   constant become a ``jmp``; the phis of the abandoned target forget the edge;
2. a block that holds nothing but ``jmp T`` is bypassed: its predecessors
   jump straight to T (unless that would give a phi in T two different
   values for one predecessor, or the block's address is taken);
3. a block whose only successor has it as only predecessor absorbs that
   successor (straight-line code becomes one block);
4. a ``switch`` drops the cases that go to its default; with no case left it
   is a ``jmp``, with one a ``br`` on ``icmp eq``;
5. jump threading (jumpthread.py): a branch on a phi of constants is taken
   early by the predecessors that bring the constants, and a branch on a
   condition a dominating branch decided is folded;
6. if-conversion (ifconvert.py): small triangles and diamonds become
   ``select``;
then unreachable blocks are removed.  Tail merging (tailmerge.py) is a
separate pass of the -O2 and -Os pipelines.
"""

from __future__ import annotations

from ..ir import Constant, Function, Instruction, Module, Type
from . import ifconvert, jumpthread, unreachable
from .util import address_taken_blocks, remove_incoming, rename_incoming, replace_uses


def run(module: Module) -> bool:
    changed = False
    for function in module.functions:
        changed |= run_function(function, module.pointer_bits)
    return changed


def run_function(function: Function, pointer_bits: int = 64) -> bool:
    changed_any = False
    while True:
        changed = _fold_branches(function)
        changed |= _simplify_switches(function)
        changed |= unreachable.run_function(function)
        changed |= _bypass_empty_blocks(function)
        changed |= _merge_blocks(function)
        if not changed:
            changed = jumpthread.run_function(function, pointer_bits)
            changed |= ifconvert.run_function(function)
        if not changed:
            return changed_any
        changed_any = True


def _jump_instead(term: Instruction, target) -> None:
    block = term.block
    for old in set(term.targets):
        if old is not target:
            remove_incoming(old, block)
    term.opcode = "jmp"
    term.operands = []
    term.targets = [target]
    term.attributes = {}


def _fold_branches(function: Function) -> bool:
    changed = False
    for block in function.blocks:
        term = block.terminator
        if term is None:
            continue
        if term.opcode == "br":
            condition = term.operands[0]
            if isinstance(condition, Constant):
                _jump_instead(term, term.targets[0 if condition.value & 1 else 1])
                changed = True
            elif term.targets[0] is term.targets[1]:
                _jump_instead(term, term.targets[0])
                changed = True
        elif term.opcode == "switch" and isinstance(term.operands[0], Constant):
            value = term.operands[0].value
            target = term.targets[0]
            for case, candidate in zip(term.attributes["cases"], term.targets[1:]):
                if case == value:
                    target = candidate
                    break
            _jump_instead(term, target)
            changed = True
    return changed


def _simplify_switches(function: Function) -> bool:
    changed = False
    for block in function.blocks:
        term = block.terminator
        if term is None or term.opcode != "switch" or isinstance(term.operands[0], Constant):
            continue
        default = term.targets[0]
        cases = term.attributes["cases"]
        kept = [(case, target) for case, target in zip(cases, term.targets[1:])
                if target is not default]
        if len(kept) == len(cases) and len(cases) != 1:
            continue
        changed = True
        if not kept:
            _jump_instead(term, default)
        elif len(kept) == 1:
            value = term.operands[0]
            case, target = kept[0]
            compare = Instruction("icmp", Type.I1, [value, Constant(value.type, case)],
                                  attributes={"predicate": "eq"}, block=block,
                                  location=term.location)
            block.instructions.insert(len(block.instructions) - 1, compare)
            term.opcode = "br"
            term.operands = [compare]
            term.targets = [target, default]
            term.attributes = {}
        else:
            term.attributes["cases"] = [case for case, _ in kept]
            term.targets = [default] + [target for _, target in kept]
    return changed


def _bypass_empty_blocks(function: Function) -> bool:
    taken = address_taken_blocks(function)
    preds = function.predecessors()
    changed = False
    for block in list(function.blocks[1:]):
        if len(block.instructions) != 1 or block.instructions[0].opcode != "jmp" or block in taken:
            continue
        target = block.instructions[0].targets[0]
        if target is block:
            continue
        sources = preds[block]
        if not sources:
            continue
        if any(p.terminator.opcode in ("indirectbr",) for p in sources):
            continue
        if target.phis() and any(p in preds[target] for p in sources):
            continue
        for phi in target.phis():
            incoming = phi.attributes["incoming"]
            index = incoming.index(block)
            value = phi.operands[index]
            for p in sources:
                phi.operands.append(value)
                incoming.append(p)
            del phi.operands[index]
            del incoming[index]
        for p in sources:
            term = p.terminator
            term.targets = [target if t is block else t for t in term.targets]
            preds[target].append(p)
        preds[target] = [p for p in preds[target] if p is not block]
        preds[block] = []
        function.blocks.remove(block)
        changed = True
    return changed


def _merge_blocks(function: Function) -> bool:
    taken = address_taken_blocks(function)
    preds = function.predecessors()
    changed = False
    index = 0
    while index < len(function.blocks):
        block = function.blocks[index]
        term = block.terminator
        if term is None or term.opcode != "jmp":
            index += 1
            continue
        successor = term.targets[0]
        if successor is block or successor is function.blocks[0] or successor in taken or \
                len(preds[successor]) != 1:
            index += 1
            continue
        mapping = {}
        for phi in successor.phis():
            mapping[phi] = phi.operands[0]
        body = [i for i in successor.instructions if i.opcode != "phi"]
        block.instructions.pop()
        for instruction in body:
            instruction.block = block
        block.instructions.extend(body)
        for next_block in block.successors:
            rename_incoming(next_block, successor, block)
            preds[next_block] = [block if p is successor else p for p in preds[next_block]]
        function.blocks.remove(successor)
        if mapping:
            replace_uses(function, mapping)
        changed = True
    return changed

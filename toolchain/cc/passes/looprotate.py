"""Loop rotation: a loop tested at the top becomes one tested at the bottom.

C's ``for`` and ``while`` lower to a header that tests and a body that
jumps back to it::

    P: ...            jmp H            P: ... G's copy of H's test
    H: %i = phi [%0, P], [%n, L]  =>   B: %i' = phi [%0, P], [%i, H]
       %c = icmp slt %i, 10               (the body, using %i')
       br %c, B, E                     H: %i = phi [%n, L]
    B: ... L: ... jmp H                   %c = icmp slt %i, 10
                                          br %c, B, E

The header's instructions are copied onto the entry edge (a guard block
G between the preheader P and the loop), the header stays where it was as
the loop's bottom test, and every value of the header used below it gets
a phi in the header's successors (the body's first block B and the exit
E) joining the guard's copy and the original.  Each iteration then runs
one conditional branch instead of a branch and a jump (gcc's -ftree-ch,
"copy loop headers"); and when the guard's test is decided by the entry
values (``for (i = 0; i < 10; i++)``), constfold and simplifycfg remove
it, which is smaller as well as faster.  So -O1 and -O2 rotate loops
whose header is small (at most HEADER_LIMIT instructions, none with side
effects: arithmetic, comparisons, plain loads); -Os only those whose guard
folds to a constant.

A loop is left alone when its header has more than one predecessor from
outside the loop, is the target of an indirect branch, branches to itself,
or when a value of the header is used in a block neither successor
dominates (a join that both the exit and a ``break`` reach: that would need
a general SSA update).  Each header is rotated at most once per run (the
body's first block is the new header and is not rotated again).
"""

from __future__ import annotations

from ..ir import Block, Constant, Function, Instruction, Module
from ..ir.dominators import dominator_tree
from .constfold import fold
from .util import SIDE_EFFECT_FREE, address_taken_blocks, rename_incoming

HEADER_LIMIT = 8          # instructions besides phis and the branch, at -O1/-O2
MAX_WALKS = 16            # over the function, each with its dominator tree
LATER = "later"           # _rotate: the loop touches a block this walk changed


def run(module: Module) -> bool:
    only_folding = (module.level or "-O1") == "-Os"
    changed = False
    for function in module.functions:
        if function.blocks:
            changed |= run_function(function, module.pointer_bits, only_folding)
    return changed


def run_function(function: Function, pointer_bits: int = 64, only_folding: bool = False) -> bool:
    skip = address_taken_blocks(function)     # and the headers tried or rotated
    changed = False
    for _ in range(MAX_WALKS):
        rotated = _walk(function, pointer_bits, only_folding, skip)
        changed |= rotated
        if not rotated:
            break
    return changed


def _walk(function: Function, pointer_bits: int, only_folding: bool, skip: set) -> bool:
    """Rotate the loops whose blocks no earlier rotation of this walk touched (the
    dominator tree and the uses are this walk's); the others wait for the next."""
    tree = dominator_tree(function)
    uses = None
    touched: set[Block] = set()
    rotated = False
    for header in tree.order:
        if header in skip or header in touched:
            continue
        latches = [p for p in tree.predecessors.get(header, ()) if tree.dominates(header, p)]
        if not latches:
            continue
        if uses is None:
            uses = _uses(function)
        outcome = _rotate(function, header, latches, tree, uses, pointer_bits, only_folding,
                          touched)
        if outcome is LATER:
            continue
        skip.add(header)
        if outcome:
            rotated = True
            # the loop's new top is not rotated again (nor the block after an edge's)
            for successor in header.terminator.targets:
                skip.add(successor)
                if successor not in tree.predecessors:      # a new edge block
                    skip.update(successor.successors)
    return rotated


def _uses(function: Function) -> dict:
    """Instruction -> [(user, operand index)]."""
    found: dict = {}
    for block in function.blocks:
        for inst in block.instructions:
            for index, v in enumerate(inst.operands):
                if isinstance(v, Instruction):
                    found.setdefault(v, []).append((inst, index))
    return found


def _natural_loop(header: Block, latches: list, preds: dict) -> set:
    loop = {header}
    work = [latch for latch in latches if latch not in loop]
    loop.update(work)
    while work:
        block = work.pop()
        for pred in preds.get(block, ()):
            if pred not in loop:
                loop.add(pred)
                work.append(pred)
    return loop


def _rotate(function: Function, header: Block, latches: list, tree, uses: dict,
            pointer_bits: int, only_folding: bool, touched: set):
    """Rotate the loop of ``header``: True, False (it cannot be), or LATER."""
    term = header.terminator
    if term is None or term.opcode != "br" or header in term.targets \
            or term.targets[0] is term.targets[1]:
        return False
    preds = tree.predecessors
    loop = _natural_loop(header, latches, preds)
    outside = [p for p in preds[header] if p not in loop]
    if len(outside) != 1:
        return False
    entry = outside[0]
    region = loop | {entry} | set(term.targets)
    if region & touched:
        return LATER
    if entry.terminator is None or entry.terminator.opcode not in ("br", "jmp"):
        return False
    body = [i for i in header.instructions if i.opcode != "phi" and i is not term]
    if any(not _copyable(i) for i in body):
        return False
    if not only_folding and len(body) > HEADER_LIMIT:
        return False
    if sum(t in loop for t in term.targets) != 1:
        return False
    # the guard's copy of the header, with the phis' entry values
    mapping = {phi: phi.operands[phi.attributes["incoming"].index(entry)]
               for phi in header.phis()}
    copies = []
    for inst in body:
        copy = Instruction(inst.opcode, inst.type, [mapping.get(v, v) for v in inst.operands],
                           attributes=dict(inst.attributes), location=inst.location)
        folded = fold(copy, pointer_bits)
        if folded is not None:
            mapping[inst] = folded
        else:
            mapping[inst] = copy
            copies.append(copy)
    condition = mapping.get(term.operands[0], term.operands[0])
    if only_folding and not isinstance(condition, Constant):
        return False
    joins = _joins(header, tree, uses)
    if joins is None:
        return False
    if any(user.block in touched for user, _, _ in joins):
        return LATER
    # commit: the edges to successors with other predecessors get blocks of their own
    edges = {t: _own_successor(function, header, t, preds) for t in term.targets}
    guard = Block(f"{header.name}.guard", function=function)
    touched |= region | {guard} | set(edges.values())
    function.blocks.insert(function.blocks.index(header), guard)
    for copy in copies:
        copy.block = guard
    guard.instructions = copies + [Instruction("br", term.type, [condition],
                                               targets=list(term.targets), block=guard,
                                               location=term.location)]
    entry.terminator.targets = [guard if t is header else t for t in entry.terminator.targets]
    joined: dict[tuple, Instruction] = {}
    for user, index, successor in joins:
        successor = edges.get(successor, successor)
        value = user.operands[index]
        key = (value, successor)
        if key not in joined:
            joined[key] = Instruction("phi", value.type, [mapping.get(value, value), value],
                                      attributes={"incoming": [guard, header]}, block=successor)
            successor.instructions.insert(0, joined[key])
        user.operands[index] = joined[key]
    new_uses: list[tuple[Instruction, int]] = []
    for successor in term.targets:              # phis that took the header's values
        for phi in successor.phis():
            incoming = phi.attributes["incoming"]
            if header in incoming and guard not in incoming:
                v = phi.operands[incoming.index(header)]
                phi.operands.append(mapping.get(v, v))
                incoming.append(guard)
                new_uses.append((phi, len(phi.operands) - 1))
    for phi in header.phis():
        incoming = phi.attributes["incoming"]
        index = incoming.index(entry)
        del phi.operands[index]
        del incoming[index]
    # the new users, so that a later loop of this walk sees them
    new_uses += [(inst, i) for inst in copies + list(joined.values())
                 for i in range(len(inst.operands))]
    for user, index in new_uses:
        if isinstance(user.operands[index], Instruction):
            uses.setdefault(user.operands[index], []).append((user, index))
    return True


def _copyable(inst: Instruction) -> bool:
    if inst.opcode == "load":
        return not inst.attributes.get("volatile")
    return inst.opcode in SIDE_EFFECT_FREE and inst.opcode != "phi"


def _joins(header: Block, tree, uses: dict) -> list | None:
    """For every use of a header value outside the header: (user, operand index,
    the successor whose phi it will read) -- or None when a use sits in a block
    no successor dominates alone.  A phi's use sits at the end of its incoming
    block; a successor's phi taking a header value on the edge from the header
    reads the phi of the block that edge gets when the successor has other
    predecessors."""
    successors = header.terminator.targets
    own = [s for s in successors if tree.predecessors[s] == [header]]
    joins = []
    for inst in header.instructions:
        for user, index in uses.get(inst, ()):
            where = user.attributes["incoming"][index] if user.opcode == "phi" else user.block
            if where is header:
                if user.opcode == "phi" and user.block in successors and user.block not in own:
                    joins.append((user, index, user.block))     # the edge block's phi
                continue
            for s in own:
                if tree.dominates(s, where):
                    joins.append((user, index, s))
                    break
            else:
                return None
    return joins


def _own_successor(function: Function, header: Block, target: Block, preds: dict) -> Block:
    """``target``, or a new block on the edge header -> target when target has
    other predecessors, so that the successor's phis join only guard and header."""
    if preds[target] == [header]:
        return target
    edge = Block(f"{header.name}.{target.name}", function=function)
    function.blocks.insert(function.blocks.index(target), edge)
    edge.instructions = [Instruction("jmp", header.terminator.type, [], targets=[target],
                                     block=edge)]
    header.terminator.targets = [edge if t is target else t for t in header.terminator.targets]
    rename_incoming(target, header, edge)
    return edge

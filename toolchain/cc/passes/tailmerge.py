"""Tail merging (gcc's cross-jumping): identical code at the ends of blocks is kept once.

Blocks that end in the same way -- ``ret`` of the same value, ``unreachable``
(``call abort; unreachable``), or ``jmp`` to one block whose phis take the
same value from each of them -- are compared from the end backwards,
instruction by instruction.  Two instructions are equal when opcode, type,
attributes and operands agree; an operand defined earlier in the same block
is compared by its distance from the block's end (so ``%5 = call @f;
ret %5`` matches in any two blocks), every other operand must be the same
value.

* ``run_blocks`` (-O2): only blocks equal as a whole merge -- the
  predecessors of one jump to the other.  No path gets longer.
* ``run`` (-Os): a common tail of at least one instruction is kept in one
  block; the others keep what precedes it and jump there (one jump more on
  their paths, one copy of the tail fewer).  Whole blocks merge too.

Phis never take part (a block with phis can only give away a tail); a value
defined in the tail must have no use outside it, since the merged tail no
longer sits in the block that dominated those uses.  Blocks whose address
is taken, and ``asm goto``, are left alone.  Each pass repeats until
nothing merges; ``simplifycfg`` then cleans up (a ``br`` whose two targets
are now one block becomes a ``jmp``).
"""

from __future__ import annotations

from ..ir import (Aggregate, Block, BlockAddress, Constant, Function, GlobalAddress,
                  Instruction, Module, Type, Undef)
from . import simplifycfg
from .util import address_taken_blocks, remove_incoming
from .util import users as util_users


def run(module: Module) -> bool:
    """-Os: common tails and whole blocks."""
    return _run(module, tails=True)


def run_blocks(module: Module) -> bool:
    """-O2: whole blocks only."""
    return _run(module, tails=False)


def _run(module: Module, tails: bool) -> bool:
    changed = False
    for function in module.functions:
        if run_function(function, tails):
            simplifycfg.run_function(function, module.pointer_bits)
            changed = True
    return changed


def run_function(function: Function, tails: bool = True) -> bool:
    changed_any = False
    for _ in range(8):
        if not _merge_once(function, tails):
            break
        changed_any = True
    return changed_any


# --- structural keys ------------------------------------------------------------------------

def _frozen(value):
    """A hashable stand-in for an attribute value (blocks and other objects by identity)."""
    if isinstance(value, dict):
        return ("dict",) + tuple(sorted(((k, _frozen(v)) for k, v in value.items()), key=repr))
    if isinstance(value, (list, tuple)):
        return ("list",) + tuple(_frozen(v) for v in value)
    if isinstance(value, (int, float, str, bool, type(None), Aggregate)):
        return (type(value).__name__, value)
    return ("object", id(value))


def _value_key(value, position: dict, end: int):
    """An operand: its distance from the end when defined in the block, else its identity."""
    if isinstance(value, Instruction) and value in position:
        return ("local", end - position[value])
    if isinstance(value, Constant):
        # repr keeps -0.0 apart from 0.0 (equal as Python floats)
        return ("constant", value.type, repr(value.value), value.bits)
    if isinstance(value, GlobalAddress):
        return ("global", value.name, value.offset)
    if isinstance(value, Undef):
        return ("undef", value.type)
    return ("value", id(value))


def _instruction_key(instruction: Instruction, position: dict, end: int):
    return (instruction.opcode, instruction.type,
            tuple(_value_key(v, position, end) for v in instruction.operands),
            _frozen(instruction.attributes))


class _Candidate:
    """A block seen from its end: the keys of its body (no phis, no terminator), last first."""

    def __init__(self, block: Block):
        self.block = block
        self.first_body = len(block.phis())
        self.end = len(block.instructions) - 1           # the terminator's index
        self.position = {i: n for n, i in enumerate(block.instructions)}
        self.keys: list = []

    def body_length(self) -> int:
        return self.end - self.first_body

    def key_at(self, depth: int):
        """The key of the instruction ``depth`` places before the terminator (0: the last)."""
        while len(self.keys) <= depth:
            index = self.end - 1 - len(self.keys)
            self.keys.append(_instruction_key(self.block.instructions[index], self.position,
                                              self.end))
        return self.keys[depth]

    def instruction_at(self, depth: int) -> Instruction:
        return self.block.instructions[self.end - 1 - depth]


def _mergeable(instruction: Instruction) -> bool:
    if instruction.opcode == "alloca":
        return False          # fixed slots stay in the entry block
    if instruction.opcode == "asm" and instruction.attributes.get("labels"):
        return False          # asm goto: its labels are the block's other exits
    if instruction.opcode == "call" and instruction.attributes.get("returns_twice"):
        return False
    return not any(isinstance(v, BlockAddress) for v in instruction.operands)


def _terminator_key(candidate: _Candidate):
    """How the block ends, as a hashable key, or None if it cannot take part."""
    block = candidate.block
    term = block.terminator
    if term is None or term.opcode not in ("ret", "unreachable", "jmp") or term.attributes:
        return None           # (a jmp with attributes is asm goto's fall-through)
    operands = tuple(_value_key(v, candidate.position, candidate.end) for v in term.operands)
    if term.opcode != "jmp":
        return (term.opcode, operands)
    target = term.targets[0]
    if target is block:
        return None
    incoming = []
    for phi in target.phis():
        value = phi.operands[phi.attributes["incoming"].index(block)]
        if isinstance(value, Instruction) and value in candidate.position:
            return None       # a value of this block flows into the phi
        incoming.append(_value_key(value, candidate.position, candidate.end))
    return ("jmp", id(target), tuple(incoming))


# --- merging -----------------------------------------------------------------------------

def _merge_once(function: Function, tails: bool) -> bool:
    taken = address_taken_blocks(function)
    users = util_users(function)
    preds = function.predecessors()
    groups: dict = {}
    for block in function.blocks:
        if block in taken:
            continue
        candidate = _Candidate(block)
        key = _terminator_key(candidate)
        if key is not None:
            groups.setdefault(key, []).append(candidate)
    changed = False
    for members in groups.values():
        if len(members) < 2:
            continue
        for cluster, depth in _clusters(members):
            depth = _usable_depth(cluster, depth, users)
            if depth < 0:
                continue
            changed |= _merge_cluster(function, cluster, depth, tails, preds)
    return changed


def _clusters(members: list) -> list:
    """Split blocks that end alike into clusters of (blocks, depth): blocks that agree on
    their last ``depth`` body instructions and not (as a whole cluster) on one more.
    A trie walk, one level per instruction, without recursion (tails can be long)."""
    result = []
    work = [(members, 0)]
    while work:
        members, depth = work.pop()
        buckets: dict = {}
        leftovers = []
        for candidate in members:
            if depth < candidate.body_length() and _mergeable(candidate.instruction_at(depth)):
                buckets.setdefault(candidate.key_at(depth), []).append(candidate)
            else:
                leftovers.append(candidate)
        for bucket in buckets.values():
            if len(bucket) >= 2:
                work.append((bucket, depth + 1))
            else:
                leftovers.extend(bucket)
        if len(leftovers) >= 2:
            result.append((leftovers, depth))
    return result


def _usable_depth(cluster: list, depth: int, users: dict) -> int:
    """Shorten a common tail of ``depth`` body instructions until it is self-contained in
    every block: its operands defined in the block lie inside it, its values are used
    only inside it.  -1 when the terminator itself needs a value from before the tail."""
    while True:
        shorter = depth
        for candidate in cluster:
            for d in range(depth):
                instruction = candidate.instruction_at(d)
                for user in users.get(instruction, ()):
                    if user.block is not candidate.block:
                        shorter = min(shorter, d)
                for v in instruction.operands:
                    if isinstance(v, Instruction) and v in candidate.position and \
                            candidate.end - 1 - candidate.position[v] >= depth:
                        shorter = min(shorter, d)
        if shorter == depth:
            break
        depth = shorter
    for candidate in cluster:
        for v in candidate.block.terminator.operands:
            if isinstance(v, Instruction) and v in candidate.position and \
                    candidate.end - 1 - candidate.position[v] >= depth:
                return -1
    return depth


def _merge_cluster(function: Function, cluster: list, depth: int, tails: bool,
                   preds: dict) -> bool:
    """Keep one copy of the common tail (``depth`` body instructions and the terminator)."""
    entry = function.blocks[0]
    # blocks that are the tail and nothing else (never the entry: nothing may jump there)
    whole = [c for c in cluster if c.body_length() == depth and c.first_body == 0
             and c.block is not entry]
    keeper = whole[0] if whole else None
    changed = False
    # whole blocks equal to the keeper: their predecessors jump to the keeper
    if keeper is not None:
        for candidate in whole:
            if candidate is keeper:
                continue
            _replace_block(function, candidate.block, keeper.block, preds)
            changed = True
    partial = [c for c in cluster if c not in whole]
    if not tails or depth == 0 or len(partial) + (keeper is not None) < 2:
        return changed
    if keeper is None:
        keeper = partial.pop(0)
        tail_block = _split_tail(function, keeper, depth)
    else:
        tail_block = keeper.block
    for candidate in partial:
        _drop_tail(candidate, depth, tail_block)
    return True


def _replace_block(function: Function, old: Block, new: Block, preds: dict) -> None:
    """Every edge into ``old`` goes to ``new`` (an identical block without phis);
    ``old`` goes."""
    for block in preds.get(old, ()):
        term = block.terminator
        if term is not None and old in term.targets:
            term.targets = [new if t is old else t for t in term.targets]
    for successor in set(old.successors):
        remove_incoming(successor, old)
    function.blocks.remove(old)
    old.instructions = []


def _split_tail(function: Function, candidate: _Candidate, depth: int) -> Block:
    """Move the last ``depth`` body instructions and the terminator of a block into a
    new block, which the block jumps to; returns the new block."""
    block = candidate.block
    cut = candidate.end - depth
    tail = Block(block.name + ".tail", function=function)
    tail.instructions = block.instructions[cut:]
    for instruction in tail.instructions:
        instruction.block = tail
    jump = Instruction("jmp", Type.VOID, targets=[tail], block=block,
                       location=tail.instructions[-1].location)
    block.instructions = block.instructions[:cut] + [jump]
    for successor in set(tail.successors):
        for phi in successor.phis():
            phi.attributes["incoming"] = [tail if b is block else b
                                          for b in phi.attributes["incoming"]]
    function.blocks.insert(function.blocks.index(block) + 1, tail)
    return tail


def _drop_tail(candidate: _Candidate, depth: int, tail_block: Block) -> None:
    """Replace a block's copy of the tail by a jump to the kept one."""
    block = candidate.block
    cut = candidate.end - depth
    term = block.terminator
    for successor in set(term.targets):
        remove_incoming(successor, block)
    jump = Instruction("jmp", Type.VOID, targets=[tail_block], block=block,
                       location=term.location)
    block.instructions = block.instructions[:cut] + [jump]



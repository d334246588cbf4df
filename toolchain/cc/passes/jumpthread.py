"""Jump threading of the simple kinds (part of simplifycfg).

1. *Phis of constants.*  A block B that holds only phis and a ``br`` on one
   of them (or on ``icmp P, constant`` of one), as ``&&``, ``||`` and ``!``
   leave when their value is tested again::

       B:  %t = phi [1, A], [0, C], [%x, D]
           br %t, T, F

   A predecessor whose incoming value is a constant knows where B will go:
   it jumps there directly (A to T, C to F) and the phis of T or F take, for
   the new edge, what they took from B on that path.  B keeps only the
   predecessors with unknown values.  Not done when B's phis are used
   outside B other than by its successors' phis (the bypassed block would
   no longer dominate the use), nor when the destination already has the
   predecessor with a different phi value.

2. *Conditions decided by a dominating branch.*  Below the edge D->T of
   ``D: br %c, T, F`` (T's only predecessor is D), ``%c`` is true; a ``br %c``
   in a block reached from T through blocks of one predecessor each (so
   the edge dominates it) becomes a branch on the constant, which
   simplifycfg then folds.  An integer comparison of the same operands with
   the same, swapped or inverse predicate counts as the same condition (so
   ``if (a < b) ... if (a >= b)`` is decided too).  Only branches that test
   a condition some other branch tests too walk up, at most CHAIN_LIMIT
   blocks: linear in the function.
"""

from __future__ import annotations

from ..ir import Block, Constant, Function, GlobalAddress, Instruction, Parameter, Type
from .constfold import fold
from .util import address_taken_blocks
from .util import users as util_users


def run_function(function: Function, pointer_bits: int = 64) -> bool:
    changed = _thread_constant_phis(function, pointer_bits)
    changed |= _decided_conditions(function)
    return changed


# --- 1. phis of constants ------------------------------------------------------------------

def _known_direction(block: Block, pointer_bits: int):
    """For a block of phis + (icmp) + br: (the phi tested, a function from the phi's
    incoming constant to the index of the target taken, or None when unknown)."""
    body = [i for i in block.instructions if i.opcode != "phi"]
    term = block.terminator
    if term is None or term.opcode != "br" or term.targets[0] is term.targets[1]:
        return None
    condition = term.operands[0]
    if len(body) == 1:
        if not (isinstance(condition, Instruction) and condition.opcode == "phi"
                and condition.block is block):
            return None
        return condition, lambda value: 0 if value.value & 1 else 1
    if len(body) != 2 or body[0] is not condition or condition.opcode != "icmp":
        return None
    phi, other = condition.operands
    swapped = False
    if not (isinstance(phi, Instruction) and phi.opcode == "phi" and phi.block is block):
        phi, other = other, phi
        swapped = True
    if not (isinstance(phi, Instruction) and phi.opcode == "phi" and phi.block is block) or \
            not isinstance(other, Constant) or other.bits is not None:
        return None

    def direction(value: Constant):
        operands = [other, value] if swapped else [value, other]
        probe = Instruction("icmp", Type.I1, operands, attributes=dict(condition.attributes))
        result = fold(probe, pointer_bits)
        if not isinstance(result, Constant):
            return None
        return 0 if result.value & 1 else 1
    return phi, direction


def _thread_constant_phis(function: Function, pointer_bits: int) -> bool:
    candidates = []
    for block in function.blocks[1:]:
        known = _known_direction(block, pointer_bits)
        if known is not None and any(isinstance(v, Constant) for v in known[0].operands):
            candidates.append((block, known))
    if not candidates:
        return False
    taken = address_taken_blocks(function)
    users = util_users(function)
    preds = function.predecessors()
    changed = False
    for block, known in candidates:
        if block in taken or not preds[block]:
            continue
        tested, direction = known
        phis = block.phis()
        successors = block.terminator.targets
        if not _phis_local(block, phis, successors, users):
            continue
        condition = block.terminator.operands[0]
        if condition.opcode == "icmp" and users.get(condition) != [block.terminator]:
            continue
        for pred in list(preds[block]):
            pred_term = pred.terminator
            if pred_term.opcode not in ("br", "jmp", "switch") or pred is block:
                continue
            index = tested.attributes["incoming"].index(pred)
            value = tested.operands[index]
            if not isinstance(value, Constant) or value.bits is not None:
                continue
            way = direction(value)
            if way is None:
                continue
            destination = successors[way]
            if destination is block:
                continue
            if not _redirect(pred, block, destination, preds, users):
                continue
            changed = True
    return changed


def _phis_local(block: Block, phis: list, successors: list, users: dict) -> bool:
    """B's phis are used only in B and by the phis of B's successors."""
    for phi in phis:
        for user in users.get(phi, ()):
            if user.block is block:
                continue
            if user.opcode == "phi" and user.block in successors:
                continue
            return False
    return True


def _redirect(pred: Block, block: Block, destination: Block, preds: dict,
              users: dict) -> bool:
    """Make ``pred`` jump to ``destination`` where it jumped to ``block``."""
    new_values = []
    for phi in destination.phis():
        incoming = phi.attributes["incoming"]
        value = phi.operands[incoming.index(block)]
        if isinstance(value, Instruction) and value.block is block:
            if value.opcode != "phi":
                return False
            value = value.operands[value.attributes["incoming"].index(pred)]
        if pred in incoming:
            if phi.operands[incoming.index(pred)] is not value:
                return False
            continue
        new_values.append((phi, value))
    for phi, value in new_values:
        phi.operands.append(value)
        phi.attributes["incoming"].append(pred)
        if isinstance(value, Instruction):
            users.setdefault(value, []).append(phi)
    term = pred.terminator
    term.targets = [destination if t is block else t for t in term.targets]
    for phi in block.phis():
        incoming = phi.attributes["incoming"]
        index = incoming.index(pred)
        del incoming[index]
        del phi.operands[index]
    preds[block].remove(pred)
    if pred not in preds[destination]:
        preds[destination].append(pred)
    return True


# --- 2. conditions decided by a dominating branch ----------------------------------------

INVERSE = {"eq": "ne", "ne": "eq", "slt": "sge", "sge": "slt", "sle": "sgt", "sgt": "sle",
           "ult": "uge", "uge": "ult", "ule": "ugt", "ugt": "ule"}
SWAPPED = {"eq": "eq", "ne": "ne", "slt": "sgt", "sgt": "slt", "sle": "sge", "sge": "sle",
           "ult": "ugt", "ugt": "ult", "ule": "uge", "uge": "ule"}


def _operand_key(value):
    if isinstance(value, Constant):
        return ("constant", value.type, value.value, value.bits)
    if isinstance(value, GlobalAddress):
        return ("global", value.name, value.offset)
    if isinstance(value, (Instruction, Parameter)):
        return ("value", id(value))
    return None


# what a true comparison says of the other predicates on the same operands
IMPLIES = {
    "eq": {"sle": True, "sge": True, "ule": True, "uge": True, "slt": False, "sgt": False,
           "ult": False, "ugt": False, "ne": False},
    "slt": {"sle": True, "ne": True, "sgt": False, "sge": False, "eq": False},
    "sgt": {"sge": True, "ne": True, "slt": False, "sle": False, "eq": False},
    "ult": {"ule": True, "ne": True, "ugt": False, "uge": False, "eq": False},
    "ugt": {"uge": True, "ne": True, "ult": False, "ule": False, "eq": False},
    "sle": {"sgt": False}, "sge": {"slt": False}, "ule": {"ugt": False},
    "uge": {"ult": False}, "ne": {"eq": False},
}


def _condition_keys(condition, value: bool, implied: bool = True) -> list:
    """Facts as (key, truth): ``condition == value`` written as itself and, for an
    integer comparison, with swapped operands or the inverse predicate; with
    ``implied``, also what it implies of the other predicates on the same operands
    (``a < b`` makes ``a > b`` false).  Without, the keys are all equivalent to the
    condition: the forms to look a condition up by."""
    keys = [(("value", id(condition)), value)]
    if isinstance(condition, Instruction) and condition.opcode == "icmp":
        predicate = condition.attributes.get("predicate")
        a, b = (_operand_key(v) for v in condition.operands)
        if predicate in INVERSE and a is not None and b is not None:
            holds = predicate if value else INVERSE[predicate]
            forms = [(holds, True), (INVERSE[holds], False)]
            if implied:
                forms += IMPLIES[holds].items()
            for other, truth in forms:
                keys += [(("icmp", other, a, b), truth),
                         (("icmp", SWAPPED[other], b, a), truth)]
    return keys


def _rough_key(condition: Instruction):
    """Equal for conditions that may be the same (an over-approximation: cheap to find
    the branches worth a closer look)."""
    if condition.opcode == "icmp":
        return frozenset(_operand_key(v) for v in condition.operands)
    return id(condition)


CHAIN_LIMIT = 16      # single-predecessor steps walked up from a branch


def _decided_conditions(function: Function) -> bool:
    branches: dict = {}
    for block in function.blocks:
        term = block.terminator
        if term is not None and term.opcode == "br" and term.targets[0] is not term.targets[1] \
                and isinstance(term.operands[0], Instruction):
            branches.setdefault(_rough_key(term.operands[0]), []).append(block)
    candidates = [b for group in branches.values() if len(group) > 1 for b in group]
    if not candidates:
        return False
    preds = function.predecessors()
    entry = function.blocks[0]
    changed = False
    for block in candidates:
        term = block.terminator
        known = _decided_above(block, term.operands[0], preds, entry)
        if known is not None:
            term.operands[0] = Constant(Type.I1, 1 if known else 0)
            changed = True
    return changed


def _decided_above(block: Block, condition: Instruction, preds: dict, entry: Block):
    """The value of ``condition`` in ``block`` if a branch above decides it: walking up
    through blocks with one predecessor, each step is an edge every path to ``block``
    takes."""
    wanted = _condition_keys(condition, True, implied=False)
    current = block
    for _ in range(CHAIN_LIMIT):
        sources = preds[current]
        if current is entry or len(sources) != 1 or sources[0] is current:
            return None
        pred = sources[0]
        term = pred.terminator
        if term.opcode == "br" and term.targets[0] is not term.targets[1] and \
                isinstance(term.operands[0], Instruction):
            facts = dict(_condition_keys(term.operands[0], current is term.targets[0]))
            for key, value in wanted:
                if key in facts:
                    return facts[key] == value
        current = pred
    return None

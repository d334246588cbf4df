"""If-conversion: small triangles and diamonds become ``select`` (part of simplifycfg).

A block H that ends in ``br c, A, B`` opens

* a *triangle* when one arm (A, say) has H as its only predecessor and
  ends in ``jmp B``: the join B's phis take one value on the edge H->B and
  another on A->B;
* a *diamond* when both arms have H as their only predecessor and jump to
  one join J.

When the arms hold only a few cheap instructions that cannot trap or touch
memory (integer arithmetic without division, comparisons, extensions), they
are hoisted into H, each phi of the join gets ``select c, value-on-A-side,
value-on-B-side`` computed in H, and H jumps straight to the join: one
branch and one or two blocks fewer.  This is the ``x = c ? a : b`` form,
min/max and ``if (c) x = y;``.  Only integer and pointer phis of at most 64
bits are converted (every back end selects those without a branch).

With ``-O1`` lowering, ``c ? a : b`` gives exactly such a triangle: an empty
arm that jumps to a join whose phi picks ``a`` or ``b``.
"""

from __future__ import annotations

from ..ir import Block, Constant, Function, Instruction, Type
from .util import address_taken_blocks

# operations that cannot trap and read no memory: safe to execute on both arms
SPECULATABLE = {
    "add", "sub", "mul", "and", "or", "xor", "shl", "lshr", "ashr", "neg", "not",
    "icmp", "select", "trunc", "zext", "sext", "copy",
}
SELECTABLE_TYPES = {Type.I8, Type.I16, Type.I32, Type.I64, Type.PTR}
MAX_ARM_INSTRUCTIONS = 2       # hoisted per arm
MAX_COST = 3                   # hoisted instructions plus selects for one conversion


class _Facts:
    """What the conversions consult, computed when first needed (most functions have
    no candidate, and these walks are the pass's whole cost)."""

    def __init__(self, function: Function):
        self.function = function
        self._taken = None
        self._users = None

    @property
    def taken(self) -> set:
        if self._taken is None:
            self._taken = address_taken_blocks(self.function)
        return self._taken

    @property
    def users(self) -> dict:
        if self._users is None:
            self._users = {}
            for block in self.function.blocks:
                for instruction in block.instructions:
                    for v in instruction.operands:
                        if isinstance(v, Instruction):
                            self._users.setdefault(v, []).append(instruction)
        return self._users


def run_function(function: Function) -> bool:
    changed = False
    preds = None
    facts = _Facts(function)
    for head in list(function.blocks):
        term = head.terminator
        if term is None or term.opcode != "br" or term.targets[0] is term.targets[1]:
            continue
        if not any(_arm_shape(arm) for arm in term.targets):
            continue
        if preds is None:
            preds = function.predecessors()
        if _convert(function, head, preds, facts):
            changed = True
    return changed


def _arm_shape(arm: Block) -> bool:
    """A short block ending in jmp: what an arm looks like, before the real checks."""
    term = arm.terminator
    return term is not None and term.opcode == "jmp" and \
        len(arm.instructions) <= MAX_ARM_INSTRUCTIONS + 1


def _arm_body(arm: Block, head: Block, preds: dict, taken: set) -> list[Instruction] | None:
    """The instructions of an arm that may be hoisted into ``head``, or None.  An empty
    arm (a lone ``jmp``) may have other predecessors: it stays for them."""
    if arm is head or arm is arm.function.blocks[0] or arm in taken:
        return None
    term = arm.terminator
    if term is None or term.opcode != "jmp":
        return None
    if len(arm.instructions) == 1:
        return []
    if preds[arm] != [head]:
        return None
    body = arm.instructions[:-1]
    if len(body) > MAX_ARM_INSTRUCTIONS:
        return None
    for instruction in body:
        if instruction.opcode not in SPECULATABLE or instruction.type not in SELECTABLE_TYPES \
                and instruction.type is not Type.I1:
            return None
    return body


def _used_only_in(instructions: list[Instruction], arm: Block, join: Block,
                  users: dict) -> bool:
    """Whether the arm's values are used only inside the arm or by the join's phis."""
    for instruction in instructions:
        for user in users.get(instruction, ()):
            if user.block is not arm and not (user.block is join and user.opcode == "phi"):
                return False
    return True


def _convert(function: Function, head: Block, preds: dict, facts: _Facts) -> bool:
    taken = facts.taken
    term = head.terminator
    condition = term.operands[0]
    first, second = term.targets
    first_body = _arm_body(first, head, preds, taken)
    second_body = _arm_body(second, head, preds, taken)
    if first_body is not None and second_body is not None and \
            first.terminator.targets[0] is second.terminator.targets[0]:
        join = first.terminator.targets[0]
        arms = (first, second)          # diamond: the values come from both arms
    elif first_body is not None and first.terminator.targets[0] is second:
        join = second
        arms = (first, head)            # triangle: the false edge goes straight to the join
        second_body = []
    elif second_body is not None and second.terminator.targets[0] is first:
        join = first
        arms = (head, second)
        first_body = []
    else:
        return False
    if join is head or join in taken:
        return False
    phis = join.phis()
    selects = []
    for phi in phis:
        incoming = phi.attributes["incoming"]
        true_value = phi.operands[incoming.index(arms[0])]
        false_value = phi.operands[incoming.index(arms[1])]
        if true_value is not false_value:
            if phi.type not in SELECTABLE_TYPES:
                return False
            selects.append((phi, true_value, false_value))
    hoisted = first_body + second_body
    if len(hoisted) + len(selects) > MAX_COST:
        return False
    for arm, body in ((first, first_body), (second, second_body)):
        if body and not _used_only_in(body, arm, join, facts.users):
            return False
    # hoist the arms in front of the comparison that feeds the branch when it comes
    # last (a back end can then fuse it into the selects), the selects before the branch
    term_index = len(head.instructions) - 1
    for instruction in hoisted:
        instruction.block = head
    compare_index = term_index - 1
    if compare_index >= 0 and head.instructions[compare_index] is condition and \
            not any(condition in i.operands for i in hoisted):
        head.instructions[compare_index:compare_index] = hoisted
        term_index += len(hoisted)
        new = []
    else:
        new = list(hoisted)
    join_edge_values = {}
    for phi, true_value, false_value in selects:
        value = _select(new, condition, true_value, false_value, phi.type, head, term.location)
        join_edge_values[phi] = value
        if facts._users is not None:
            for instruction in new:
                for v in instruction.operands:
                    if isinstance(v, Instruction):
                        facts.users.setdefault(v, []).append(instruction)
    head.instructions[term_index:term_index] = new
    # the join now has head as predecessor in place of the arms; an empty arm with
    # other predecessors stays for them
    removed = {arm for arm in (first, second) if arm is not join and preds[arm] == [head]}
    gone = removed | {head}
    for phi in phis:
        incoming = phi.attributes["incoming"]
        value = join_edge_values.get(phi, phi.operands[incoming.index(arms[0])])
        keep = [i for i, b in enumerate(incoming) if b not in gone]
        phi.operands = [phi.operands[i] for i in keep] + [value]
        phi.attributes["incoming"] = [incoming[i] for i in keep] + [head]
    term.opcode = "jmp"
    term.operands = []
    term.targets = [join]
    term.attributes = {}
    for arm in removed:
        function.blocks.remove(arm)
        arm.instructions = []
        preds.pop(arm)
    for arm in (first, second):
        if arm is not join and arm not in removed:
            preds[arm] = [p for p in preds[arm] if p is not head]
    preds[join] = [p for p in preds[join] if p not in gone] + [head]
    return True


def _select(new: list, condition, true_value, false_value, type_, head: Block, location):
    """``select condition, true_value, false_value`` appended to ``new`` (as a ``zext``
    of the condition, or of its negation, when the values are 1 and 0)."""
    values = (getattr(true_value, "value", None), getattr(false_value, "value", None))
    if all(isinstance(v, Constant) and v.bits is None for v in (true_value, false_value)) and \
            values in ((1, 0), (0, 1)) and type_ is not Type.PTR:
        if values == (0, 1):
            condition = Instruction("xor", Type.I1, [condition, Constant(Type.I1, 1)],
                                    block=head, location=location)
            new.append(condition)
        result = Instruction("zext", type_, [condition], block=head, location=location)
    else:
        result = Instruction("select", type_, [condition, true_value, false_value],
                             block=head, location=location)
    new.append(result)
    return result

"""gvn: global value numbering, redundant loads and store-to-load forwarding.

One walk of the dominator tree (the scoped hash table of Click's "Global Code
Motion / Global Value Numbering", 1995, and of LLVM's EarlyCSE) does three
things:

* **Value numbering.**  A side-effect-free instruction (util.SIDE_EFFECT_FREE)
  with the same opcode, type, attributes (the comparison predicate) and
  operands as one that dominates it is replaced by that one.  Operands of the
  commutative operations are put in a canonical order first, and ``icmp``
  with swapped operands is the same as ``icmp`` with the swapped predicate.
  Phis are equal when they sit in the same block with the same incoming
  values.  Constants compare by value (floats by their bits: ``-0.0`` is not
  ``0.0``), ``undef`` never equals anything.

* **Known conditions.**  A block whose only predecessor ends in ``br c`` with
  two different targets knows ``c`` (true on the first edge, false on the
  second) in all the blocks it dominates.  An ``icmp`` there whose operands
  are those of a known comparison folds when the known relation implies or
  contradicts it (``x < y`` known true makes ``x > y`` false: gcc-torture's
  compare-3.c), and a use of ``c`` itself becomes the constant.

* **Memory.**  A non-volatile ``load`` from an address that an earlier load
  read or an earlier store wrote, with the same type and nothing in between
  that may write there, is replaced by that value.  A block with one
  predecessor is entered with the memory facts its predecessor left (chains
  of them are extended basic blocks); a join keeps those of its immediate
  dominator's facts that no block on a path from the dominator to the join
  may write (a summary per block of what it writes, see ``_across_join``).
  Addresses are a base and a byte offset: ``@g+k``, ``alloca + k``,
  ``%p + k`` (``add`` of a constant).  What may write:

  - a store whose address may alias (see ``may_alias``): two distinct
    ``alloca`` slots or two distinct globals never alias, disjoint byte
    ranges of one base never alias, an ``alloca`` whose address never escapes
    is not reached through any other pointer; anything else may;
  - a call, except a call to a ``pure`` or ``const`` function (lowering
    records the attributes on the call) or to a function of this module that
    writes nothing but its own stack frame (``quiet_functions``), and then
    only memory a callee can reach: a local slot whose address never escapes
    survives every call, and so does read-only data;
  - ``memcpy``/``memset`` (their destination), ``asm``, the ``va_*``
    operations, ``stackrestore``, and any instruction this pass does not know.
  A call to a ``returns_twice`` function (setjmp) forgets everything.

Stores, memcpys and memsets into local slots that nothing reads any more go
too.  Everything replaced is removed; constfold and dce clean up what that
exposes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import (Block, Constant, Function, GlobalAddress, Instruction, Module,
                  Type)
from ..ir.dominators import dominator_tree
from . import constfold
from .util import SIDE_EFFECT_FREE, replace_uses

COMMUTATIVE = {"add", "mul", "and", "or", "xor"}
SWAPPED_PREDICATE = {"eq": "eq", "ne": "ne", "slt": "sgt", "sgt": "slt", "sle": "sge",
                     "sge": "sle", "ult": "ugt", "ugt": "ult", "ule": "uge", "uge": "ule"}
INVERSE_PREDICATE = {"eq": "ne", "ne": "eq", "slt": "sge", "sge": "slt", "sgt": "sle",
                     "sle": "sgt", "ult": "uge", "uge": "ult", "ugt": "ule", "ule": "ugt"}
# the outcomes (less, equal, greater) for which each predicate holds
RELATIONS = {"eq": {"="}, "ne": {"<", ">"}, "lt": {"<"}, "le": {"<", "="}, "gt": {">"},
             "ge": {">", "="}}
TYPE_BYTES = {Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.I128: 16, Type.F32: 4,
              Type.F64: 8, Type.F80: 10, Type.F128: 16}
# operations that read or write no memory this pass tracks
MEMORY_NEUTRAL = SIDE_EFFECT_FREE | {"alloca", "stacksave", "br", "jmp", "switch", "indirectbr",
                                     "ret", "unreachable"}
MAX_AVAILABLE = 64          # memory facts kept per point: bounds the work per store


def run(module: Module) -> bool:
    changed = False
    aliased = set(module.aliases) | set(module.aliases.values())
    read_only = constfold.read_only_globals(module)
    quiet = quiet_functions(module, aliased, read_only)
    for function in module.functions:
        changed |= run_function(function, module.pointer_bits, aliased, read_only, quiet)
    return changed


def quiet_functions(module: Module, aliased: set, read_only: dict) -> set[str]:
    """The functions defined here that write no memory a caller can see: they store only
    into their own stack slots and call only pure or const functions and each other
    (a fixed point from the optimistic start).  Weak definitions may be replaced at link
    time and do not count, nor functions returning a struct (the copy writes)."""
    candidates = {f.name: f for f in module.functions
                  if f.blocks and f.linkage != "weak" and f.return_aggregate is None
                  and f.name not in aliased}
    callees: dict = {}
    for name, function in list(candidates.items()):
        memory = Memory(function, module.pointer_bits, aliased, read_only)
        called = set()
        for block in function.blocks:
            for instruction in block.instructions:
                op = instruction.opcode
                if op in MEMORY_NEUTRAL or op == "load":
                    continue
                if op in ("store", "memcpy", "memset"):
                    base = memory.address(instruction.operands[1 if op == "store" else 0])[0]
                    if isinstance(base, Instruction) and base.opcode == "alloca":
                        continue       # its own frame, gone when it returns
                elif op == "call" and "return_aggregate" not in instruction.attributes and \
                        not instruction.attributes.get("returns_twice"):
                    callee = instruction.operands[0]
                    if instruction.attributes.get("pure") or instruction.attributes.get("const"):
                        continue
                    if isinstance(callee, GlobalAddress) and callee.offset == 0:
                        called.add(callee.name)
                        continue
                del candidates[name]
                break
            else:
                continue
            break
        callees[name] = called
    changed = True
    while changed:
        changed = False
        for name in list(candidates):
            if not callees[name] <= candidates.keys():
                del candidates[name]
                changed = True
    return set(candidates)


# --- keys: what makes two values the same -------------------------------------------------

def value_key(v) -> object:
    """A hashable stand-in for ``v``: equal keys, equal values."""
    if isinstance(v, Constant):
        return ("const", v.type, repr(v.value), v.bits)
    if isinstance(v, GlobalAddress):
        return ("global", v.name, v.offset)
    return v                      # instructions, parameters, undef: by identity


def _order(key) -> tuple:
    """A total order on keys (for canonical operand order): constants last."""
    if isinstance(key, tuple):
        return (1, repr(key))
    return (0, getattr(key, "id", -1), getattr(key, "index", -1), id(key))


def expression_key(instruction: Instruction):
    op = instruction.opcode
    keys = [value_key(v) for v in instruction.operands]
    attributes = ()
    if op == "phi":
        return ("phi", instruction.type, instruction.block,
                tuple(zip(keys, instruction.attributes["incoming"])))
    if op in COMMUTATIVE and instruction.type.is_integer:
        keys.sort(key=_order)
    elif op == "icmp":
        predicate = instruction.attributes["predicate"]
        if _order(keys[1]) < _order(keys[0]):
            keys.reverse()
            predicate = SWAPPED_PREDICATE[predicate]
        attributes = (("predicate", predicate),)
    elif instruction.attributes:
        attributes = tuple(sorted((k, repr(v)) for k, v in instruction.attributes.items()))
    return (op, instruction.type, attributes, tuple(keys))


# --- addresses and aliasing ---------------------------------------------------------------

def _signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def slot_uses(function: Function) -> tuple[dict, set, set]:
    """How the fixed ``alloca`` slots are used: (derived, escaped, read).  ``derived`` maps
    each address computed from a slot by ``add``/``sub`` (and the slot itself) to the
    slot; a slot escapes when such an address is used other than as the address of a
    load, store, memcpy or memset; it is read by loads, by memcpy from it, by volatile
    stores (kept as they are) and when it escapes."""
    derived: dict = {}
    for instruction in function.blocks[0].instructions if function.blocks else ():
        if instruction.opcode == "alloca" and not instruction.operands:
            derived[instruction] = instruction
    escaped: set = set()
    read: set = set()
    changed = bool(derived)
    while changed:                     # derived addresses may come before their uses' blocks
        changed = False
        for block in function.blocks:
            for instruction in block.instructions:
                op = instruction.opcode
                for index, v in enumerate(instruction.operands):
                    slot = derived.get(v)
                    if slot is None or slot in escaped:
                        continue
                    if (op == "load" and index == 0) or (op == "memcpy" and index == 1) or \
                            (op == "store" and index == 1 and instruction.attributes.get("volatile")):
                        read.add(slot)
                        continue
                    if (op == "store" and index == 1) or (op in ("memcpy", "memset") and index == 0):
                        continue
                    if op in ("add", "sub") and index == 0 and instruction not in derived \
                            and not any(o in derived for o in instruction.operands[1:]):
                        derived[instruction] = slot
                        changed = True
                        continue
                    if op in ("add", "sub") and derived.get(instruction) is slot:
                        continue
                    escaped.add(slot)
                    read.add(slot)
    return derived, escaped, read


def drop_write_only_slots(function: Function) -> bool:
    """Stores, memcpys and memsets into slots nothing reads go (dce then removes the
    slots and their address arithmetic)."""
    derived, _, read = slot_uses(function)
    dead = {slot for slot in set(derived.values()) if slot not in read}
    if not dead:
        return False
    changed = False
    for block in function.blocks:
        kept = []
        for instruction in block.instructions:
            op = instruction.opcode
            target = instruction.operands[1] if op == "store" else \
                instruction.operands[0] if op in ("memcpy", "memset") else None
            if target is not None and derived.get(target) in dead:
                changed = True
                continue
            kept.append(instruction)
        block.instructions = kept
    return changed


class Memory:
    """The function-wide facts for memory: which slots escape, how addresses decompose."""

    def __init__(self, function: Function, pointer_bits: int, aliased: set,
                 read_only: dict, quiet: set = frozenset()):
        self.quiet = quiet
        self.pointer_bits = pointer_bits
        self.aliased = aliased
        self.read_only = read_only
        derived, escaped, _ = slot_uses(function)
        self.private_slots = {slot for slot in derived.values() if slot not in escaped}
        self.cache: dict = {}

    def address(self, v) -> tuple:
        """(base, offset or None, identified): the address ``v`` as a base plus bytes."""
        result = self.cache.get(v) if isinstance(v, Instruction) else None
        if result is not None:
            return result
        if isinstance(v, GlobalAddress):
            return (("global", v.name), v.offset, v.name not in self.aliased)
        if isinstance(v, Constant) and isinstance(v.value, int):
            return (("absolute",), _signed(v.value, self.pointer_bits), False)
        if not isinstance(v, Instruction):
            return (v, 0, False)
        result = (v, 0, v.opcode == "alloca")
        if v.opcode in ("add", "sub") and len(v.operands) == 2:
            base, offset, identified = self.address(v.operands[0])
            k = v.operands[1]
            if isinstance(k, Constant) and isinstance(k.value, int):
                if offset is not None:
                    delta = _signed(k.value, self.pointer_bits)
                    offset = offset + delta if v.opcode == "add" else offset - delta
                result = (base, offset, identified)
            elif identified:           # a variable index into a known object
                result = (base, None, True)
        elif v.opcode in ("copy", "bitcast") and v.type is Type.PTR:
            result = self.address(v.operands[0])
        self.cache[v] = result
        return result

    def private(self, base) -> bool:
        """Whether nothing but this function's own loads and stores can reach ``base``: a
        fixed slot (in the entry block) whose address does not escape."""
        return base in self.private_slots

    def call_writes_nothing(self, call: Instruction) -> bool:
        """A call to a ``pure`` or ``const`` function, or to one of this module's functions
        that write no memory their callers see (``quiet_functions``)."""
        if "return_aggregate" in call.attributes:
            return False                # the callee's result is copied into our buffer
        if call.attributes.get("pure") or call.attributes.get("const"):
            return True
        callee = call.operands[0]
        return isinstance(callee, GlobalAddress) and callee.offset == 0 and \
            callee.name in self.quiet

    def unreachable_by_calls(self, base) -> bool:
        """Whether no call can change the bytes at ``base``: a private slot, or read-only
        data (writing it is undefined)."""
        return self.private(base) or self.read_only_base(base)

    def read_only_base(self, base) -> bool:
        return isinstance(base, tuple) and base[0] == "global" and base[1] in self.read_only


def may_alias(memory: Memory, a: tuple, size_a: int | None, b: tuple, size_b: int | None) -> bool:
    base_a, offset_a, identified_a = a
    base_b, offset_b, identified_b = b
    if base_a == base_b:
        if offset_a is None or offset_b is None or size_a is None or size_b is None:
            return True
        return offset_a < offset_b + size_b and offset_b < offset_a + size_a
    if identified_a and identified_b:
        return False
    if memory.read_only_base(base_a) or memory.read_only_base(base_b):
        return False                   # nothing writes read-only data
    return not (memory.private(base_a) or memory.private(base_b))


# --- the walk -----------------------------------------------------------------------------

def run_function(function: Function, pointer_bits: int, aliased: set = frozenset(),
                 read_only: dict | None = None, quiet: set = frozenset()) -> bool:
    if not function.blocks:
        return False
    tree = dominator_tree(function)
    memory = Memory(function, pointer_bits, aliased, read_only or {}, quiet)
    setjmp = any(i.opcode == "call" and i.attributes.get("returns_twice")
                 for b in function.blocks for i in b.instructions)
    summaries = {block: _writes(block, memory) for block in tree.order}
    mapping: dict = {}                 # replaced instruction -> its value
    removed: set = set()
    table: dict = {}                   # expression key -> leader
    known: dict = {}                   # i1 value -> Constant (conditions on the path)
    relations: dict = {}               # (key a, key b) -> [(predicate, truth)]

    def resolve(v):
        while isinstance(v, Instruction) and v in mapping:
            v = mapping[v]
        return v

    # iterative dominator-tree walk: ('enter', block, memory state) / ('leave', undo list)
    stack: list = [("enter", tree.order[0], {})]
    while stack:
        item = stack.pop()
        if item[0] == "leave":
            for undo in reversed(item[1]):
                undo()
            continue
        _, block, available = item
        undo: list = []
        _learn_condition(block, tree, known, relations, undo)
        for instruction in block.instructions:
            instruction.operands = [resolve(v) for v in instruction.operands]
            if instruction.opcode != "phi":
                instruction.operands = [known.get(v, v) if isinstance(v, Instruction) else v
                                        for v in instruction.operands]
            value = _number(instruction, table, relations, undo)
            if value is not None:
                mapping[instruction] = value
                removed.add(instruction)
                continue
            value = _memory(instruction, memory, available, pointer_bits, setjmp)
            if value is not None:
                mapping[instruction] = value
                removed.add(instruction)
        stack.append(("leave", undo))
        for child in reversed(tree.children.get(block, [])):
            if tree.predecessors.get(child) == [block]:
                entering = dict(available)
            elif setjmp or not available:
                entering = {}
            else:
                entering = _across_join(child, block, available, tree, memory, summaries)
            stack.append(("enter", child, entering))
    if mapping:
        for block in function.blocks:
            block.instructions = [i for i in block.instructions if i not in removed]
        replace_uses(function, mapping)
    dropped = False
    for _ in range(4):                 # a copy from a slot that goes may leave another unread
        if not drop_write_only_slots(function):
            break
        dropped = True
    return dropped or bool(mapping)


def _learn_condition(block: Block, tree, known: dict, relations: dict, undo: list) -> None:
    """What the edge into ``block`` says, when it is the block's only way in."""
    predecessors = tree.predecessors.get(block, [])
    if len(predecessors) != 1:
        return
    branch = predecessors[0].terminator
    if branch is None or branch.opcode != "br" or branch.targets[0] is branch.targets[1]:
        return
    condition = branch.operands[0]
    if not isinstance(condition, Instruction):
        return
    truth = branch.targets[0] is block
    if condition not in known:
        known[condition] = Constant(Type.I1, int(truth))
        undo.append(lambda: known.pop(condition, None))
    if condition.opcode == "icmp":
        predicate = condition.attributes["predicate"]
        a, b = (value_key(v) for v in condition.operands)
        facts = relations.setdefault((a, b), [])
        facts.append((predicate, truth))
        undo.append(facts.pop)


def _implied(relations: dict, instruction: Instruction):
    """The constant an ``icmp`` has under the known comparisons of its operands, or None."""
    a, b = (value_key(v) for v in instruction.operands)
    predicate = instruction.attributes["predicate"]
    for pair, swap in (((a, b), False), ((b, a), True)):
        for known_predicate, truth in relations.get(pair, ()):
            if swap:
                known_predicate = SWAPPED_PREDICATE[known_predicate]
            if not truth:
                known_predicate = INVERSE_PREDICATE[known_predicate]
            signs = {p[0] for p in (predicate, known_predicate) if p[0] in "su"}
            if len(signs) > 1:
                continue                # signed and unsigned orders say nothing of each other
            held = RELATIONS[known_predicate.lstrip("su") if known_predicate[0] in "su"
                             else known_predicate]
            asked = RELATIONS[predicate[1:] if predicate[0] in "su" else predicate]
            if held <= asked:
                return Constant(Type.I1, 1)
            if not held & asked:
                return Constant(Type.I1, 0)
    return None


def _number(instruction: Instruction, table: dict, relations: dict, undo: list):
    """The dominating equal value of a pure instruction (registering it if new), or None."""
    if instruction.opcode not in SIDE_EFFECT_FREE or instruction.opcode == "copy":
        return None
    if instruction.opcode == "icmp" and relations:
        value = _implied(relations, instruction)
        if value is not None:
            return value
    key = expression_key(instruction)
    try:
        leader = table.get(key)
    except TypeError:                   # an attribute that does not hash: leave it
        return None
    if leader is not None:
        return leader
    table[key] = instruction
    undo.append(lambda: table.pop(key, None))
    return None


def _access_size(t: Type, pointer_bits: int) -> int | None:
    return pointer_bits // 8 if t is Type.PTR else TYPE_BYTES.get(t)


@dataclass(frozen=True)
class Fact:
    """What is known of ``size`` bytes at ``address``: they hold ``value`` (of the key's
    type), or they are a copy of the bytes at ``copy_of`` (a memcpy), or every byte is
    ``fill`` (a memset)."""

    value: object
    address: tuple
    size: int
    copy_of: tuple | None = None
    fill: int | None = None

    def ranges(self):
        yield self.address
        if self.copy_of is not None:
            yield self.copy_of


def _memory(instruction: Instruction, memory: Memory, available: dict, pointer_bits: int,
            setjmp: bool):
    """Update the memory facts for ``instruction``; a load's known value, or None."""
    op = instruction.opcode
    if op in MEMORY_NEUTRAL:
        return None
    volatile = instruction.attributes.get("volatile")
    if op == "load":
        if volatile:
            return None
        address = memory.address(instruction.operands[0])
        size = _access_size(instruction.type, pointer_bits)
        if address[1] is None or size is None:
            return None
        value = _known_bytes(memory, available, address, size, instruction.type, pointer_bits)
        if value is not None:
            return value
        _remember(available, (address[0], address[1], instruction.type),
                  Fact(instruction, address, size))
        return None
    if op == "store":
        value = instruction.operands[0]
        address = memory.address(instruction.operands[1])
        size = _access_size(value.type, pointer_bits)
        _forget(memory, available, address, size)
        if not volatile and address[1] is not None and size is not None:
            _remember(available, (address[0], address[1], value.type), Fact(value, address, size))
        return None
    if op in ("memcpy", "memset"):
        length = instruction.operands[2]
        size = length.value if isinstance(length, Constant) and isinstance(length.value, int) \
            else None
        address = memory.address(instruction.operands[0])
        _forget(memory, available, address, size)
        if size is None or size <= 0 or address[1] is None:
            return None
        if op == "memset":
            fill = instruction.operands[1]
            if isinstance(fill, Constant) and isinstance(fill.value, int):
                _remember(available, ("bytes",) + address[:2],
                          Fact(None, address, size, fill=fill.value & 0xFF))
        else:
            source = memory.address(instruction.operands[1])
            if source[1] is not None and not may_alias(memory, source, size, address, size):
                _remember(available, ("bytes",) + address[:2],
                          Fact(None, address, size, copy_of=source))
        return None
    if op == "call" and not (setjmp and instruction.attributes.get("returns_twice")):
        if memory.call_writes_nothing(instruction):
            return None
        for key in [k for k, fact in available.items()
                    if not all(memory.unreachable_by_calls(r[0]) for r in fact.ranges())]:
            del available[key]
        return None
    available.clear()                 # asm, va_*, stackrestore, setjmp, anything unknown
    return None


def _known_bytes(memory: Memory, available: dict, address: tuple, size: int, t: Type,
                 pointer_bits: int, depth: int = 0):
    """The value of type ``t`` in the ``size`` bytes at ``address``, from the facts, or None:
    a load or store of that very place, a memset over it, a memcpy over it (then what is
    known of the copied bytes, or read-only data's bytes)."""
    fact = available.get((address[0], address[1], t))
    if fact is not None:
        return fact.value
    base, offset, _ = address
    if isinstance(base, tuple) and base[0] == "global" and base[1] in memory.read_only:
        return constfold.read_only_value(memory.read_only[base[1]], offset, t, pointer_bits)
    if depth > 3:
        return None
    for key, fact in available.items():
        if not isinstance(key[0], str) or fact.address[0] != base:
            continue                   # a value fact, or bytes of another object
        start = fact.address[1]
        if not (start <= offset and offset + size <= start + fact.size):
            continue
        if fact.fill is not None:
            return _filled(fact.fill, t, size)
        source = fact.copy_of
        return _known_bytes(memory, available, (source[0], source[1] + offset - start, source[2]),
                            size, t, pointer_bits, depth + 1)
    return None


def _filled(byte: int, t: Type, size: int):
    """The value of ``size`` bytes that are all ``byte``, read as ``t``."""
    if t.is_integer:
        return Constant(t, int.from_bytes(bytes([byte]) * size, "little"))
    if byte == 0 and t in (Type.F32, Type.F64):
        return Constant(t, 0.0)
    return None


def _writes(block: Block, memory: Memory) -> tuple[set, bool]:
    """What ``block`` may write: the identified bases (allocas, globals) its stores,
    memcpys and memsets name, and whether it may write anything else (a store through
    another pointer, a call, asm ...: everything but the private slots)."""
    bases: set = set()
    anything = False
    for instruction in block.instructions:
        op = instruction.opcode
        if op in MEMORY_NEUTRAL or op == "load":
            continue
        if op in ("store", "memcpy", "memset"):
            base, _, identified = memory.address(instruction.operands[1 if op == "store" else 0])
            if identified:
                bases.add(base)
            else:
                anything = True
        elif op == "call" and memory.call_writes_nothing(instruction):
            continue
        else:
            anything = True
    return bases, anything


MAX_REGION = 256             # blocks looked at between a join and its dominator


def _across_join(join: Block, dominator: Block, available: dict, tree, memory: Memory,
                 summaries: dict) -> dict:
    """The facts of ``dominator``'s end that still hold on entry to ``join``, a block it
    dominates with other ways in: those about memory nothing on a path between the two
    may write (the blocks found walking back from the join's predecessors to the
    dominator, the join itself included when a loop comes back to it)."""
    region: set = set()
    work = [p for p in tree.predecessors.get(join, []) if p is not dominator]
    while work:
        block = work.pop()
        if block in region or block is dominator:
            continue
        region.add(block)
        if len(region) > MAX_REGION:
            return {}
        work.extend(tree.predecessors.get(block, []))
    written: set = set()
    anything = False
    for block in region:
        bases, unknown = summaries[block]
        written |= bases
        anything |= unknown
    shared_written = any(not memory.private(base) for base in written)
    kept = {}
    for key, fact in available.items():
        if all(base not in written and (memory.unreachable_by_calls(base) or
                                        (identified and not anything) or
                                        not (anything or shared_written))
               for base, _, identified in fact.ranges()):
            kept[key] = fact
    return kept


def _remember(available: dict, key, fact: Fact) -> None:
    if len(available) >= MAX_AVAILABLE:
        del available[next(iter(available))]
    available[key] = fact


def _forget(memory: Memory, available: dict, address: tuple, size: int | None) -> None:
    """Drop the facts a write of ``size`` bytes (None: unknown) at ``address`` may change."""
    for key in [k for k, fact in available.items()
                if any(may_alias(memory, where, fact.size, address, size)
                       for where in fact.ranges())]:
        del available[key]

"""sroa: scalar replacement of aggregates, and store-to-load forwarding.

mem2reg promotes a local only when it is used whole, by loads and stores of
one type.  Arrays, structs and variables copied with ``memcpy`` are used by
pieces: lowering addresses a member as ``add %slot, <offset>``.  This pass
splits such a slot into one ``alloca`` per piece so that mem2reg, which runs
after it, promotes each piece.

A fixed-size entry-block ``alloca`` is split when every use of its address --
directly, or through ``add``/``sub`` of a constant, ``bitcast`` to ptr or
``copy`` -- is

* a non-volatile ``load`` or ``store`` (the address operand) inside the slot;
* a ``memcpy``/``memset`` with a constant size (and byte) inside the slot,
  the IR opcodes or calls of the library ``memcpy``/``memset`` (what
  ``__builtin_memcpy`` becomes) when the module does not define them and the
  call's result is unused;

and the loads and stores do not overlap unless they are the same (offset,
type): a union read as another type or a ``char`` read of an ``int`` keeps
the slot whole.  The bytes a ``memcpy``/``memset`` covers and no load or
store does become integer "filler" pieces, cut at every copy's boundaries.
Then each copy is rewritten piece by piece: ``memset`` stores constants
(little-endian, as on every pcc target); ``memcpy`` between two split slots
with the same layout moves each piece; a copy from read-only data (a
``const`` global, a string literal) loads each piece from the global at its
offset, which constfold then folds; a copy from or to other memory moves each
piece with a load and a store, only when it has at most ``OTHER_MEMORY_PIECES``
pieces (that code is no larger than the call).  A slot copied from another
slot that has no loads or stores of its own over the copied bytes takes the
other's layout on the next round (the pass repeats a few rounds).

Store-to-load forwarding then handles slots that stay in memory: within a
block, a non-volatile load of a slot at a constant offset takes the value
last stored (or loaded) there with the same type, unless something in
between may have written it -- a store or copy overlapping it, or, for a slot
whose address escapes, any call, asm or store through an unknown pointer.
Functions that call ``returns_twice`` functions (setjmp) are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ir import Constant, Function, GlobalAddress, Instruction, Module, Type
from .util import constant_from_bytes, replace_uses

ROUNDS = 4                   # split rounds per function (a slot adopting another's layout)
MAX_PIECES = 16              # larger slots stay whole
OTHER_MEMORY_PIECES = 4      # a copy to/from memory that is not a split slot: at most this
                             # many pieces become loads and stores
KNOWN_PER_SLOT = 32          # forwarding remembers at most this many values per slot

TYPE_BYTES = {Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.I128: 16, Type.F32: 4,
              Type.F64: 8, Type.F80: 10, Type.F128: 16}
FILLER_TYPES = {1: Type.I8, 2: Type.I16, 4: Type.I32, 8: Type.I64}
LIBRARY_COPIES = {"memcpy": "memcpy", "memset": "memset"}


def run(module: Module) -> bool:
    pointer_bytes = module.pointer_bits // 8
    read_only = {g.name: g for g in module.globals
                 if g.constant and g.initializer is not None and g.linkage != "weak"
                 and not g.thread_local}
    defined = {f.name for f in module.functions if f.blocks}
    library = {name: op for name, op in LIBRARY_COPIES.items() if name not in defined}
    changed = False
    for function in module.functions:
        if not function.blocks or _calls_returns_twice(function):
            continue
        for _ in range(ROUNDS):
            if not _split_round(function, pointer_bytes, read_only, library):
                break
            changed = True
        changed |= forward_stores(function, pointer_bytes, library)
    return changed


def _calls_returns_twice(function: Function) -> bool:
    return any(i.opcode == "call" and i.attributes.get("returns_twice")
               for b in function.blocks for i in b.instructions)


def _bytes(t: Type, pointer_bytes: int) -> int:
    return pointer_bytes if t is Type.PTR else TYPE_BYTES.get(t, 0)


def _signed(value: int, bytes_: int) -> int:
    bits = 8 * bytes_
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


# --- the uses of a slot's address ------------------------------------------------------------

@dataclass(eq=False)
class Copy:
    """A memcpy or memset (opcode or library call) with constant operands."""

    instruction: Instruction
    kind: str                     # 'memcpy' or 'memset'
    dst: object
    src: object                   # the source address, or the byte (an int) for memset
    size: int
    alignment: int


@dataclass(eq=False)
class Slot:
    alloca: Instruction
    size: int
    ok: bool = True
    derived: list = field(default_factory=list)      # address instructions to drop
    accesses: list = field(default_factory=list)     # (load/store, offset, type)
    copies: list = field(default_factory=list)       # (Copy, offset, role 'dst'/'src')
    pieces: dict = field(default_factory=dict)       # offset -> type
    real: set = field(default_factory=set)           # offsets of pieces loads/stores use
    imported: dict = field(default_factory=dict)     # pieces a copy partner's layout asks for
    fixed: dict = field(default_factory=dict)        # offset -> type: real and imported
    adopting: bool = False                           # takes a partner's layout next round


def as_copy(instruction: Instruction, library: dict) -> Copy | None:
    """The memcpy/memset ``instruction`` performs, when its size (and byte) are constant."""
    op = instruction.opcode
    operands = instruction.operands
    alignment = int(instruction.attributes.get("alignment", 1) or 1)
    if op == "call":
        callee = operands[0] if operands else None
        if not isinstance(callee, GlobalAddress) or callee.offset or \
                callee.name not in library or len(operands) != 4 or \
                instruction.attributes.get("variadic"):
            return None
        op, operands, alignment = library[callee.name], operands[1:], 1
    elif op not in ("memcpy", "memset"):
        return None
    size = operands[2]
    if not isinstance(size, Constant) or not isinstance(size.value, int) or size.value <= 0:
        return None
    if op == "memset":
        byte = operands[1]
        if not isinstance(byte, Constant) or not isinstance(byte.value, int):
            return None
        return Copy(instruction, op, operands[0], byte.value & 0xFF, size.value, alignment)
    return Copy(instruction, op, operands[0], operands[1], size.value, alignment)


def _users(function: Function) -> dict:
    users: dict = {}
    for block in function.blocks:
        for instruction in block.instructions:
            for index, v in enumerate(instruction.operands):
                if isinstance(v, Instruction):
                    users.setdefault(v, []).append((instruction, index))
    return users


def address_offset(instruction: Instruction, index: int, pointer_bytes: int) -> int | None:
    """When ``instruction`` computes an address from its operand ``index`` plus a constant,
    that constant; None otherwise."""
    op = instruction.opcode
    if instruction.type is not Type.PTR:
        return None
    if op in ("copy", "bitcast"):
        return 0
    if op not in ("add", "sub"):
        return None
    other = instruction.operands[1 - index]
    if not isinstance(other, Constant) or not isinstance(other.value, int):
        return None
    if op == "sub":
        return None if index != 0 else _signed(-other.value, pointer_bytes)
    return _signed(other.value, pointer_bytes)


def analyse_slots(function: Function, pointer_bytes: int, library: dict) -> tuple[dict, dict]:
    """Every fixed entry-block alloca's Slot, and each derived address's (slot, offset)."""
    users = _users(function)
    slots: dict[Instruction, Slot] = {}
    where: dict = {}
    copies: dict[Instruction, Copy | None] = {}
    for alloca in function.blocks[0].instructions:
        if alloca.opcode != "alloca" or alloca.operands or alloca.attributes.get("dynamic"):
            continue
        slot = Slot(alloca, int(alloca.attributes.get("size", 0)))
        slots[alloca] = slot
        where[alloca] = (slot, 0)
        work = [alloca]
        while work and slot.ok:
            value = work.pop()
            offset = where[value][1]
            for user, index in users.get(value, ()):
                if not _use(slot, value, offset, user, index, users, where, work, copies,
                            pointer_bytes, library):
                    slot.ok = False
                    break
    return slots, where


def _use(slot, value, offset, user, index, users, where, work, copies, pointer_bytes,
         library) -> bool:
    op = user.opcode
    volatile = user.attributes.get("volatile")
    if op == "load" and not volatile:
        return _access(slot, user, offset, user.type, pointer_bytes)
    if op == "store" and index == 1 and not volatile:
        return _access(slot, user, offset, user.operands[0].type, pointer_bytes)
    step = address_offset(user, index, pointer_bytes)
    if step is not None:
        if user in where:                       # reached twice (add %a, %a)
            return False
        where[user] = (slot, offset + step)
        slot.derived.append(user)
        work.append(user)
        return True
    if user not in copies:
        copies[user] = as_copy(user, library)
    copy = copies[user]
    if copy is None or (op == "call" and users.get(user)):
        return False
    if index == (1 if op == "call" else 0):
        role = "dst"
    elif index == (2 if op == "call" else 1) and copy.kind == "memcpy":
        role = "src"
    else:
        return False
    if any(c is copy for c, _, _ in slot.copies):   # copied onto itself
        return False
    if offset < 0 or offset + copy.size > slot.size:
        return False
    slot.copies.append((copy, offset, role))
    return True


def _access(slot, instruction, offset, t, pointer_bytes) -> bool:
    size = _bytes(t, pointer_bytes)
    if not size or offset < 0 or offset + size > slot.size:
        return False
    slot.accesses.append((instruction, offset, t))
    return True


def lay_out(slot: Slot, pointer_bytes: int) -> bool:
    """The slot's pieces: one per distinct (offset, type) loaded or stored, fillers for the
    bytes only copies touch.  False when accesses overlap otherwise."""
    pieces: dict[int, Type] = {}
    for _, offset, t in slot.accesses:
        if pieces.setdefault(offset, t) is not t:
            return False
    slot.real = set(pieces)
    for offset, t in slot.imported.items():
        if pieces.setdefault(offset, t) is not t:
            return False
    slot.fixed = dict(pieces)
    ends = sorted((o, o + _bytes(t, pointer_bytes)) for o, t in pieces.items())
    for (_, end), (start, _) in zip(ends, ends[1:]):
        if start < end:
            return False
    cuts = set()
    covered = []
    for copy, offset, _ in slot.copies:
        cuts.update((offset, offset + copy.size))
        covered.append((offset, offset + copy.size))
    for start, end in ends:
        if any(start < cut < end for cut in cuts):
            return False
    if sum(high - low for low, high in covered) > 8 * MAX_PIECES:
        return False
    # fillers: the copied bytes no piece covers, cut at every boundary
    taken = bytearray(slot.size)
    for start, end in ends:
        taken[start:end] = b"\1" * (end - start)
    marks = sorted(cuts | {s for s, _ in ends} | {e for _, e in ends})
    widest = 8 if pointer_bytes >= 8 else 4
    for low, high in covered:
        position = low
        while position < high:
            if taken[position]:
                position += 1
                continue
            stop = min([m for m in marks if m > position] + [high])
            while stop > position and any(taken[position:stop]):
                stop -= 1
            width = widest
            while width > 1 and (position % width or position + width > stop):
                width //= 2
            pieces[position] = FILLER_TYPES[width]
            taken[position:position + width] = b"\1" * width
            position += width
    if len(pieces) > MAX_PIECES:
        return False
    slot.pieces = pieces
    return True


def _import(slot: Slot, offset: int, partner: Slot, poffset: int, size: int,
            pointer_bytes: int) -> bool:
    """Give ``slot`` the partner's loaded, stored or imported pieces of a copy between them
    where ``slot`` has only fillers.  Whether any piece was new."""
    taken = [(o, o + _bytes(t, pointer_bytes)) for o, t in slot.fixed.items()]
    new = False
    for o, t in sorted(partner.fixed.items()):
        if not poffset <= o < poffset + size:
            continue
        mine = o - poffset + offset
        if slot.fixed.get(mine) is t:
            continue
        end = mine + _bytes(t, pointer_bytes)
        if any(low < end and mine < high for low, high in taken):
            continue
        slot.imported[mine] = t
        slot.fixed[mine] = t
        taken.append((mine, end))
        new = True
    return new


def _range(slot: Slot, offset: int, size: int) -> list[tuple[int, Type]]:
    return sorted((o, t) for o, t in slot.pieces.items() if offset <= o < offset + size)


# --- one round of splitting ------------------------------------------------------------------

def _split_round(function: Function, pointer_bytes: int, read_only: dict, library: dict) -> bool:
    slots, where = analyse_slots(function, pointer_bytes, library)
    for slot in slots.values():
        if slot.ok and not (slot.accesses or slot.copies):
            slot.ok = False                           # unused: dce's business
        if slot.ok:
            slot.ok = lay_out(slot, pointer_bytes)
    # copies between slots: agree on layouts, or give up one side
    changed = True
    while changed:
        changed = False
        for slot in slots.values():
            if not slot.ok:
                continue
            for copy, offset, role in slot.copies:
                other = copy.src if role == "dst" else copy.dst
                partner = where.get(other)
                if partner is not None:
                    pslot, poffset = partner
                    if pslot.ok:
                        mine = [(o - offset, t) for o, t in _range(slot, offset, copy.size)]
                        theirs = [(o - poffset, t) for o, t in _range(pslot, poffset, copy.size)]
                        if mine == theirs:
                            continue
                        if _import(slot, offset, pslot, poffset, copy.size, pointer_bytes) | \
                                _import(pslot, poffset, slot, offset, copy.size, pointer_bytes):
                            slot.ok = lay_out(slot, pointer_bytes)
                            pslot.ok = lay_out(pslot, pointer_bytes)
                            changed = True
                            break
                        if not pslot.real.intersection(o for o, _ in _range(pslot, poffset, copy.size)):
                            pslot.ok, pslot.adopting = False, True
                        elif not slot.real.intersection(o for o, _ in _range(slot, offset, copy.size)):
                            slot.ok, slot.adopting = False, True
                        else:
                            slot.ok = pslot.ok = False
                        changed = True
                        break
                    if pslot.adopting:
                        continue
                elif copy.kind == "memset" or (role == "dst" and _read_only(other, read_only)):
                    continue
                if len(_range(slot, offset, copy.size)) > OTHER_MEMORY_PIECES:
                    slot.ok = False
                    changed = True
                    break
    split = [s for s in slots.values() if s.ok]
    if not split:
        return False
    _rewrite(function, split, where, pointer_bytes)
    return True


def _read_only(address, read_only: dict) -> bool:
    return isinstance(address, GlobalAddress) and address.name in read_only


def _rewrite(function: Function, split: list[Slot], where: dict, pointer_bytes: int) -> None:
    entry = function.blocks[0]
    piece_of: dict[Slot, dict[int, Instruction]] = {}
    new_allocas = {}
    for slot in split:
        allocas = {}
        for offset, t in sorted(slot.pieces.items()):
            size = _bytes(t, pointer_bytes)
            if t is Type.F80:
                size = 16                         # what any target gives a long double
            # no more aligned than the slot was (a piece of a packed or char buffer)
            align = max(1, min(size, int(slot.alloca.attributes.get("alignment", 1) or 1)))
            allocas[offset] = Instruction("alloca", Type.PTR, [], [],
                                          {"size": size, "alignment": align}, block=entry)
        piece_of[slot] = allocas
        new_allocas[slot.alloca] = [allocas[o] for o in sorted(allocas)]
        for instruction, offset, _ in slot.accesses:
            position = 0 if instruction.opcode == "load" else 1
            instruction.operands[position] = allocas[offset]
    expansions: dict[Instruction, list[Instruction]] = {}
    for slot in split:
        for copy, offset, role in slot.copies:
            if copy.instruction in expansions:
                continue
            expansions[copy.instruction] = _expand(copy, slot, offset, role, where, piece_of,
                                                   pointer_bytes)
    dropped = {s.alloca for s in split}
    for slot in split:
        dropped.update(slot.derived)
    for block in function.blocks:
        out = []
        for instruction in block.instructions:
            if instruction in new_allocas:
                out.extend(new_allocas[instruction])
            elif instruction in expansions:
                for new in expansions[instruction]:
                    new.block = block
                out.extend(expansions[instruction])
            elif instruction not in dropped:
                out.append(instruction)
        block.instructions = out


def _expand(copy: Copy, slot: Slot, offset: int, role: str, where: dict, piece_of: dict,
            pointer_bytes: int) -> list[Instruction]:
    """The loads and stores that replace ``copy``, which touches ``slot`` at ``offset``."""
    out: list[Instruction] = []
    pieces = _range(slot, offset, copy.size)
    mine = piece_of[slot]
    if copy.kind == "memset":
        for o, t in pieces:
            value = constant_from_bytes(t, bytes([copy.src]) * _bytes(t, pointer_bytes))
            out.append(Instruction("store", Type.VOID, [value, mine[o]], [], {"alignment": 1}))
        return out
    other = copy.src if role == "dst" else copy.dst
    partner = where.get(other)
    theirs = piece_of.get(partner[0]) if partner is not None else None

    def address(relative: int):
        if theirs is not None:
            return theirs[partner[1] + relative]
        if isinstance(other, GlobalAddress):
            return GlobalAddress(other.name, other.offset + relative)
        if relative == 0:
            return other
        add = Instruction("add", Type.PTR, [other, Constant(Type.PTR, relative)])
        out.append(add)
        return add
    for o, t in pieces:
        size = _bytes(t, pointer_bytes)
        alignment = {"alignment": min(size, copy.alignment)}
        if role == "dst":
            source, target = address(o - offset), mine[o]
        else:
            source, target = mine[o], address(o - offset)
        load = Instruction("load", t, [source], [], dict(alignment))
        out.append(load)
        out.append(Instruction("store", Type.VOID, [load, target], [], dict(alignment)))
    return out


# --- store-to-load forwarding ----------------------------------------------------------------

_CLOBBERS = {"call", "asm", "va_start", "va_arg", "va_end", "va_copy", "stackrestore"}


def forward_stores(function: Function, pointer_bytes: int, library: dict) -> bool:
    """Within each block, loads of a slot take the value stored or loaded there before."""
    slots, where = analyse_slots(function, pointer_bytes, library)
    escaped = {s.alloca for s in slots.values() if not s.ok}
    replacements: dict = {}
    for block in function.blocks:
        known: dict = {}                       # alloca -> {offset: (type, size, value)}
        for instruction in block.instructions:
            op = instruction.opcode
            if op in ("load", "store"):
                address = instruction.operands[0 if op == "load" else 1]
                place = where.get(address)
                if place is None:
                    if op == "store":
                        _forget_escaped(known, escaped)
                    continue
                alloca, offset = place[0].alloca, place[1]
                t = instruction.type if op == "load" else instruction.operands[0].type
                size = _bytes(t, pointer_bytes)
                entries = known.setdefault(alloca, {})
                if instruction.attributes.get("volatile") or not size:
                    _forget(entries, offset, max(size, 1) if size else None)
                    continue
                if op == "load":
                    entry = entries.get(offset)
                    if entry is not None and entry[0] is t:
                        value = entry[2]
                        replacements[instruction] = replacements.get(value, value)
                    elif not any(o < offset + size and offset < o + s
                                 for o, (_, s, _) in entries.items()):
                        entries[offset] = (t, size, instruction)
                else:
                    _forget(entries, offset, size)
                    entries[offset] = (t, size, instruction.operands[0])
                if len(entries) > KNOWN_PER_SLOT:          # long initialisers: stay linear
                    entries.clear()
                continue
            copy = as_copy(instruction, library) if op in ("memcpy", "memset", "call") else None
            if op in ("memcpy", "memset") or copy is not None:
                destination = copy.dst if copy is not None else instruction.operands[0]
                place = where.get(destination)
                if place is None:
                    _forget_escaped(known, escaped)
                else:
                    _forget(known.setdefault(place[0].alloca, {}), place[1],
                            copy.size if copy is not None else None)
                continue
            if op in _CLOBBERS or (op not in ("alloca",) and instruction.type is Type.VOID
                                   and not instruction.is_terminator):
                _forget_escaped(known, escaped)
    if not replacements:
        return False
    for block in function.blocks:
        block.instructions = [i for i in block.instructions if i not in replacements]
    replace_uses(function, replacements)
    return True


def _forget(entries: dict, offset: int, size: int | None) -> None:
    """Drop what is known about the bytes [offset, offset + size) (all, when size is None)."""
    if size is None:
        entries.clear()
        return
    for o in [o for o, (_, s, _) in entries.items() if o < offset + size and offset < o + s]:
        del entries[o]


def _forget_escaped(known: dict, escaped: set) -> None:
    for alloca in list(known):
        if alloca in escaped:
            del known[alloca]

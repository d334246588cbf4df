"""Copies and loads folded into their one user, after register allocation.

Instruction selection loads a value into a register before each use and
copies registers to meet fixed ones; the allocator removes only the copies
whose two ends got the same register.  Here, on the allocated code, a
``movl SRC, %r`` whose register dies at the next instruction naming it,
which reads it once, disappears into that instruction:

* ``movl 8(%ebp), %eax; pushl %eax``      -> ``pushl 8(%ebp)``
* ``movl c, %eax; cmpl $3, %eax``         -> ``cmpl $3, c``
* ``movl c, %eax; testl %eax, %eax``      -> ``cmpl $0, c``
* ``movl d, %eax; movl %eax, %esi``       -> ``movl d, %esi``
* ``movl %esi, %eax; addl %eax, %ecx``    -> ``addl %esi, %ecx``
* ``movl $5, %eax; pushl %eax``           -> ``pushl $5``
* ``movl 8(%ebp), %eax; movsbl %al, %ecx`` -> ``movsbl 8(%ebp), %ecx`` (only
  from the frame: a device register is never read narrower than written)

The user need not come right after: the load moves down past
instructions that write neither its registers nor memory (the pushes of
a call's other arguments, say).  A ``movl`` of a register or constant
into a register nobody reads before it is written again is dropped, as
is an extension, ``leal`` or frame load whose result nobody reads.  Under
.code16gcc each saves the load's 3-5 bytes less what the memory operand adds.

"Dies" comes from the liveness of the physical registers over the
function's blocks (the generic liveness tracks only virtual ones).  It is
conservative where the facts are partial: inline asm reads every register;
a register is two parts, its low byte and the rest, so that ``sete %al;
movzbl %al, %eax`` ends what eax held, and only full writes, byte writes
and a call's clobbers end a part.  The x86 rule of one memory operand per
instruction, and which operand may be memory, decide what folds; a load
from outside the frame (perhaps volatile) is never dropped or narrowed,
only moved onto its user.
"""

from __future__ import annotations

from dataclasses import replace

from ..liveness import def_use
from ..mir import FrameSlot, MachineFunction, MachineInstr
from .operands import Immediate, Memory, Register, imm
from .registers import GP32, I386Registers, gp_name, key_of

REGISTERS = I386Registers()
_ALL = frozenset((0, 1, 2, 3, 6, 7))
_LOW_BYTES = ("al", "cl", "dl", "bl")
# instructions whose implicit definitions overwrite the whole register
_CLOBBERS = ("call", "cltd", "mull", "divl", "idivl", "movsb", "stosb", "movsl", "stosl")
# extensions -> the width they read: a load they extend narrows to that width
_EXTENDS = {"movsbl": 8, "movzbl": 8, "movswl": 16, "movzwl": 16}
# instructions whose only effect is their destination register
_PURE = ("movl", "movsbl", "movzbl", "movswl", "movzwl", "leal")
# two-operand instructions that take r/m32 as their source (the second operand)
_SOURCE_RM = ("movl", "addl", "subl", "andl", "orl", "xorl", "adcl", "sbbl", "cmpl", "imull")


def _parts(key: int) -> set[int]:
    """A register's two parts for liveness: its low byte (2k) and the rest (2k+1)."""
    return {2 * key, 2 * key + 1}


def _effects(mi: MachineInstr) -> tuple[set[int], set[int]]:
    """(register parts read, register parts overwritten) by one instruction.
    Reading or writing %al is reading or writing eax's low byte only, so
    ``setcc %al; movzbl %al, %eax`` does not need what eax held before."""
    if mi.kind == "asm":
        return {p for k in _ALL for p in _parts(k)}, set()
    uses, defs = def_use(mi, REGISTERS)
    roles = mi.roles if mi.roles is not None else REGISTERS.roles(mi)
    low = {key_of(op.name) for op in mi.operands
           if isinstance(op, Register) and op.name in _LOW_BYTES}
    wide = set()
    for op, role in zip(mi.operands, roles + ("r",) * (len(mi.operands) - len(roles))):
        if isinstance(op, Register) and op.name in _LOW_BYTES:
            continue
        if isinstance(op, Register) and "r" not in role:
            continue
        inner = getattr(op, "target", op)
        if isinstance(inner, Register):
            wide.add(key_of(inner.name))
        elif isinstance(inner, Memory):
            wide.update(key_of(r.name) for r in (inner.base, inner.index)
                        if isinstance(r, Register))
    # an implicit use next to a byte operand of the same register (the
    # allocator's note on ``movzbl %al``) reads that byte
    wide.update(k for k in (key_of(n) for n in mi.implicit_uses) if k not in low)
    read: set[int] = set()
    for k in uses:
        if k is not None:
            read |= _parts(k) if k in wide or k not in low else {2 * k}
    kills: set[int] = set()
    for op, role in zip(mi.operands, roles):
        if isinstance(op, Register) and role == "w":
            if op.name in GP32:
                kills |= _parts(key_of(op.name))
            elif op.name in _LOW_BYTES:
                kills.add(2 * key_of(op.name))
    if mi.mnemonic.startswith(_CLOBBERS):
        for k in defs:
            if k is not None:
                kills |= _parts(k)
    return read, kills


def _successors(mf: MachineFunction) -> dict:
    """Each block's successors, with the next block when the last instruction
    may fall through (isel ends blocks with a jump; this is for safety)."""
    succ = {}
    for i, block in enumerate(mf.blocks):
        nexts = list(block.successors)
        last = block.instrs[-1] if block.instrs else None
        ends = last is not None and (last.kind == "ret" or last.mnemonic in ("jmp", "ud2"))
        if not ends and i + 1 < len(mf.blocks) and mf.blocks[i + 1] not in nexts:
            nexts.append(mf.blocks[i + 1])
        succ[block] = nexts
    return succ


def live_in(mf: MachineFunction) -> dict:
    """Block -> (the register parts live at its start, its successors)."""
    succ = _successors(mf)
    summary = {}
    for block in mf.blocks:
        gen: set[int] = set()
        kill: set[int] = set()
        for mi in block.instrs:
            uses, kills = _effects(mi)
            gen |= uses - kill
            kill |= kills
        summary[block] = (gen, kill)
    live = {block: set() for block in mf.blocks}
    changed = True
    while changed:
        changed = False
        for block in reversed(mf.blocks):
            out = set().union(*(live[s] for s in succ[block])) if succ[block] else set()
            gen, kill = summary[block]
            new = gen | (out - kill)
            if new != live[block]:
                live[block] = new
                changed = True
    return {block: (live[block], succ[block]) for block in mf.blocks}


def _live_after(block, live_out: set[int]) -> list[set[int]]:
    """The register parts live after each instruction of the block."""
    after = [set() for _ in block.instrs]
    live = set(live_out)
    for i in range(len(block.instrs) - 1, -1, -1):
        after[i] = set(live)
        uses, kills = _effects(block.instrs[i])
        live = (live - kills) | uses
    return after


def _copy(mi: MachineInstr):
    """(register key, source) of ``movl SRC, %r32``, else None."""
    if mi.kind is not None or mi.mnemonic != "movl" or mi.prefixes or len(mi.operands) != 2:
        return None
    dest, src = mi.operands
    if not isinstance(dest, Register) or dest.name not in GP32 or dest.name in ("esp", "ebp"):
        return None
    if isinstance(src, Register) and src.name not in GP32:
        return None
    return key_of(dest.name), src


def _dead(mi: MachineInstr, live: set[int]) -> bool:
    """Whether the instruction only computes a register nobody reads after it:
    a copy, constant, extension or address, without touching memory or flags."""
    if mi.kind is not None or mi.prefixes or mi.mnemonic not in _PURE or \
            len(mi.operands) != 2 or mi.implicit_defs:
        return False
    dest, src = mi.operands
    if not isinstance(dest, Register) or dest.name not in GP32 or dest.name in ("esp", "ebp"):
        return False
    if isinstance(src, Memory) and mi.mnemonic != "leal" and \
            not isinstance(src.base, FrameSlot):
        return False                # a load from outside the frame may be volatile
    return not _parts(key_of(dest.name)) & live


def _mentions(op, key: int) -> bool:
    if isinstance(op, Register):
        return key_of(op.name) == key
    if isinstance(op, Memory):
        return any(isinstance(r, Register) and key_of(r.name) == key for r in (op.base, op.index))
    return hasattr(op, "target") and _mentions(op.target, key)


def _fold(user: MachineInstr, key: int, src) -> MachineInstr | None:
    """The user with its read of register ``key`` replaced by ``src``, if x86 allows."""
    if user.kind is not None or user.prefixes or key in [REGISTERS.reg_key(n) for n in
                                                          user.implicit_uses + user.implicit_defs]:
        return None
    ops = list(user.operands)
    where = [i for i, op in enumerate(ops) if _mentions(op, key)]
    reg = Register(GP32[key])
    m = user.mnemonic
    if isinstance(src, Register):
        # a copy: rename the register, in any read position and width
        roles = user.roles if user.roles is not None else REGISTERS.roles(user)
        new = []
        for op, role in zip(ops, roles + ("r",) * (len(ops) - len(roles))):
            if isinstance(op, Register) and key_of(op.name) == key and role == "w" and \
                    op.name == GP32[key]:
                pass                                # written afresh: stays
            elif isinstance(op, Register) and key_of(op.name) == key:
                if "w" in role or op.name not in (GP32[key], gp_name(key, 16)):
                    return None
                bits = 32 if op.name == GP32[key] else 16
                op = Register(gp_name(key_of(src.name), bits))
            elif isinstance(op, Memory):
                op = replace(op, base=src if op.base == reg else op.base,
                             index=src if op.index == reg else op.index)
            elif _mentions(op, key):
                return None
            new.append(op)
        return replace(user, operands=tuple(new))
    if any(isinstance(op, Memory) for op in ops) and isinstance(src, Memory):
        return None
    if ops.count(reg) != 1 or len(where) != 1:
        if m == "testl" and ops == [reg, reg] and isinstance(src, Memory):
            return replace(user, mnemonic="cmpl", operands=(src, imm(0)))
        if m in _EXTENDS and len(ops) == 2 and isinstance(src, Memory) and \
                isinstance(src.base, FrameSlot) and \
                ops[1] == Register(gp_name(key, _EXTENDS[m])) and isinstance(ops[0], Register):
            return replace(user, operands=(ops[0], src))   # its low part: little-endian
        return None
    i = where[0]
    if m == "pushl" and len(ops) == 1:
        return replace(user, operands=(src,))
    if len(ops) != 2:
        return None
    if i == 1 and m in _SOURCE_RM and isinstance(ops[0], Register):
        if m == "imull" and isinstance(src, Immediate):
            return None
        return replace(user, operands=(ops[0], src))
    if i == 0 and m in ("cmpl", "testl") and isinstance(src, Memory):
        return replace(user, operands=(src, ops[1]))
    return None


def _combine_block(block, live_out: set[int]) -> bool:
    changed = False
    i = 0
    after = _live_after(block, live_out)
    while i < len(block.instrs):
        mi = block.instrs[i]
        if _dead(mi, after[i]):
            del block.instrs[i]                     # nobody reads what it computes
            after = _live_after(block, live_out)
            changed = True
            continue
        copy = _copy(mi)
        if copy is None:
            i += 1
            continue
        key, src = copy
        j = _user(block.instrs, i, key, src)
        if j is not None and (not _parts(key) & after[j] or
                              _parts(key) <= _effects(block.instrs[j])[1]):
            folded = _fold(block.instrs[j], key, src)
            if folded is not None:
                block.instrs[j] = folded
                del block.instrs[i]
                after = _live_after(block, live_out)
                changed = True
                continue
        i += 1
    return changed


def _user(instrs: list, i: int, key: int, src) -> int | None:
    """The index of the next instruction after ``movl SRC, %r`` at i that names
    the register, if SRC may move down to it: the instructions in between
    write neither SRC's registers nor, for a load, memory other than by a
    push (below %esp, where no load reads -- unless SRC is %esp-relative)."""
    src_keys = {key_of(src.name)} if isinstance(src, Register) else \
        {key_of(r.name) for r in (src.base, src.index) if isinstance(r, Register)} \
        if isinstance(src, Memory) else set()
    for j in range(i + 1, len(instrs)):
        mi = instrs[j]
        if mi.kind is not None:
            return None
        uses, defs = def_use(mi, REGISTERS)
        if key in uses or key in defs or any(_mentions(op, key) for op in mi.operands):
            return j
        if mi.mnemonic.startswith(("call", "j", "ret", "leave", "ud2")) or \
                src_keys & set(defs):
            return None
        if isinstance(src, Memory):
            if mi.mnemonic.startswith(("push", "pop")):
                if 4 in src_keys or mi.mnemonic.startswith("pop"):
                    return None
            elif any(isinstance(op, Memory) for op in mi.operands) or mi.prefixes:
                return None
    return None


def combine(mf: MachineFunction) -> None:
    """Fold copies and loads into their users, and drop dead copies, until none is left."""
    for _ in range(4):
        live = live_in(mf)
        changed = False
        for block in mf.blocks:
            succ = live[block][1]
            out = set().union(*(live[s][0] for s in succ)) if succ else set()
            changed |= _combine_block(block, out)
        if not changed:
            break

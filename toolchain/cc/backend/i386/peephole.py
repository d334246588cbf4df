"""Shorter forms of final i386 instructions, where the flags allow.

Run on each block's instructions after register allocation and frame
layout, when every operand is a physical register, a frame offset or an
immediate.  Each rewrite gives the same result in fewer bytes (and under
.code16gcc every 32-bit operation pays a 0x66 prefix on top):

* ``movl $0, %r`` -> ``xorl %r, %r`` (3 bytes instead of 6 in 16-bit code);
* ``addl $1`` / ``subl $-1`` -> ``incl``, ``subl $1`` / ``addl $-1`` -> ``decl``
  (inc and dec leave CF alone: a later ``adc`` or ``jb`` would notice);
* ``cmpl $0, %r`` -> ``testl %r, %r`` (the same flags, AF aside);
* the sign or zero extension of a register's low byte or word written as
  shifts or a mask (``shll $24; sarl $24``, ``andl $255``) -> ``movsbl``,
  ``movzbl``, ``movswl``, ``movzwl`` (4 bytes in 16-bit code instead of 8
  or 6-7), taking the byte straight from the source of a copy just before
  (``movl %esi, %eax; movsbl %al, %eax`` keeps the copy: %esi has no byte);
* ``subl $4, %esp`` is ``pushl %eax`` and the ``addl $4, %esp`` right
  after a call ``popl %ecx`` (ecx is the call's to clobber), as gcc -Os does;
* the ``addl $N, %esp`` after a call merges with the next adjustment of
  %esp in the block (the next call's padding), and disappears before a
  return, whose epilogue resets %esp from %ebp (gcc's -fdefer-pop), or
  before the ``ud2`` after a call that does not return -- and that ``ud2``
  goes too, as gcc leaves nothing after such a call.

The first two write flags the original did not (or wrote differently), so
they are made only where the flags are dead: the next instruction to
touch them, before the block ends, sets them all again.  Flags are never
live from one machine block into the next (isel emits each compare right
before the jumps, setcc or cmov that read it).
"""

from __future__ import annotations

from .operands import EAX, ECX, ESP, ExprConstant, Immediate, Indirect, Memory, Register, imm
from ..mir import MachineInstr
from .registers import gp_name, key_of

# mnemonic prefixes of the instructions that read the arithmetic flags
_READERS = ("set", "cmov", "fcmov", "adc", "sbb", "rcl", "rcr", "pushf", "lahf", "into")
# instructions that set every arithmetic flag (CF, ZF, SF, OF, PF)
_WRITERS = ("add", "sub", "cmp", "test", "and", "or", "xor", "neg", "call")


def reads_flags(mnemonic: str) -> bool:
    if mnemonic.startswith("j"):
        return mnemonic != "jmp"
    return mnemonic.startswith(_READERS)


def _writes_all_flags(mnemonic: str) -> bool:
    return mnemonic.startswith(_WRITERS) and not reads_flags(mnemonic)


def flags_dead_after(block: list, i: int) -> bool:
    """Whether nothing after block[i] reads the flags before they are set again.
    Items are (mnemonic, operands, prefixes); None stands for inline asm."""
    for item in block[i + 1:]:
        if item is None:
            return False
        mnemonic = item[0]
        if reads_flags(mnemonic):
            return False
        if _writes_all_flags(mnemonic):
            return True
    return True


def _constant(op) -> int | None:
    if isinstance(op, Immediate) and isinstance(op.value, ExprConstant):
        return op.value.value
    return None


def shorten(block: list) -> list:
    """The block's instructions with the short forms put in."""
    out = list(block)
    for i, item in enumerate(block):
        if item is None:
            continue
        mnemonic, ops, prefixes = item
        if prefixes or len(ops) != 2:
            continue
        n = _constant(ops[1])
        if n is None:
            continue
        if mnemonic == "cmpl" and n == 0 and isinstance(ops[0], Register):
            out[i] = ("testl", (ops[0], ops[0]), prefixes)
        elif mnemonic == "movl" and n == 0 and isinstance(ops[0], Register) and \
                flags_dead_after(block, i):
            out[i] = ("xorl", (ops[0], ops[0]), prefixes)
        elif mnemonic in ("addl", "subl") and n in (1, -1) and flags_dead_after(block, i):
            up = (n == 1) == (mnemonic == "addl")
            out[i] = ("incl" if up else "decl", (ops[0],), prefixes)
    return out


# (shift right, count) after ``shll $count`` -> the extension it makes with it
_EXTENSIONS = {("sarl", 24): ("movsbl", 8), ("shrl", 24): ("movzbl", 8),
               ("sarl", 16): ("movswl", 16), ("shrl", 16): ("movzwl", 16)}
_MASKS = {0xFF: ("movzbl", 8), 0xFFFF: ("movzwl", 16)}


def _narrow(reg: Register, bits: int) -> Register | None:
    """The 8- or 16-bit name of a 32-bit general register (esi and edi have no byte)."""
    k = key_of(reg.name)
    if k is None or reg.name != gp_name(k, 32) or (bits == 8 and k > 3):
        return None
    return Register(gp_name(k, bits))


def extensions(instrs: list) -> list:
    """Shift pairs and masks that extend a register's low byte or word in place
    replaced by movsx/movzx (where the flags they set are dead), reading from
    the source of the copy right before when that source has the narrow name.
    Runs on a block's allocated machine instructions (before combine.py)."""
    out = list(instrs)
    i = 0
    while i < len(out):
        block = [None if mi.kind == "asm" else (mi.mnemonic, mi.operands, mi.prefixes)
                 for mi in out]
        item = block[i]
        found = None
        if item and not item[2] and len(item[1]) == 2 and isinstance(item[1][0], Register):
            reg, n = item[1][0], _constant(item[1][1])
            nxt = block[i + 1] if i + 1 < len(block) else None
            if item[0] == "shll" and nxt and not nxt[2] and nxt[1] == item[1] and \
                    (nxt[0], n) in _EXTENSIONS and flags_dead_after(block, i + 1):
                found = (i, i + 2, reg, *_EXTENSIONS[(nxt[0], n)])
            elif item[0] == "andl" and n in _MASKS and flags_dead_after(block, i):
                found = (i, i + 1, reg, *_MASKS[n])
        if found is None or _narrow(found[2], found[4]) is None:
            i += 1
            continue
        start, end, reg, mnemonic, bits = found
        source = _narrow(reg, bits)
        prev = block[start - 1] if start else None
        if prev and prev[0] == "movl" and not prev[2] and prev[1][0] == reg and \
                isinstance(prev[1][1], Register) and _narrow(prev[1][1], bits) is not None:
            start, source = start - 1, _narrow(prev[1][1], bits)
        out[start:end] = [MachineInstr(mnemonic, (reg, source))]
        i = start + 1
    return out


def stack_pushes(block: list) -> list:
    """``subl $4, %esp`` -> ``pushl %eax`` (or two for 8), and ``addl $4, %esp``
    right after a call -> ``popl %ecx``, which the call clobbered anyway: a
    push or pop is 2 bytes in 16-bit code, the adjustment 4 (1 and 3 on i386)."""
    out: list = []
    for i, item in enumerate(block):
        n = _esp_adjustment(item)
        after_call = bool(out) and out[-1] is not None and out[-1][0] == "call"
        if n in (-4, -8):
            out += [("pushl", (EAX,), ())] * (-n // 4)
        elif n in (4, 8) and after_call:
            out += [("popl", (ECX,), ())] * (n // 4)
        else:
            out.append(item)
    return out


def _touches_esp(item) -> bool:
    """Whether an instruction reads or moves %esp (explicitly or not)."""
    if item is None:
        return True
    mnemonic, ops, _ = item
    if mnemonic.startswith(("push", "pop", "call", "leave", "ret", "enter", "tailcall")):
        return True
    for op in ops:
        if isinstance(op, Indirect):
            op = op.target
        if op == ESP or (isinstance(op, Memory) and ESP in (op.base, op.index)):
            return True
    return False


def _esp_adjustment(item) -> int | None:
    """N for ``addl $N, %esp``, -N for ``subl $N, %esp``, else None."""
    if not item or item[0] not in ("addl", "subl") or len(item[1]) != 2:
        return None
    n = _constant(item[1][1])
    if item[1][0] != ESP or n is None:
        return None
    return n if item[0] == "addl" else -n


def merge_stack_adjustments(block: list, epilogue_resets_esp: bool = True) -> list:
    """Each ``addl $N, %esp`` folded into the next %esp adjustment of the block,
    or dropped before the return ("ret" items stand for the epilogue) when
    the epilogue resets %esp from %ebp (not in a function without %ebp)."""
    out = list(block)
    for i, item in enumerate(out):
        n = _esp_adjustment(item)
        if n is None or n <= 0:
            continue
        for j in range(i + 1, len(out)):
            later = out[j]
            if later is False:
                continue
            if later is not None and (later[0] == "tailcall" and epilogue_resets_esp or
                                      not later[1] and (later[0] == "ud2" or
                                                        later[0] == "ret" and
                                                        epilogue_resets_esp)):
                out[i] = False
                break
            m = _esp_adjustment(later)
            if m is not None:
                total = n + m
                out[i] = False
                out[j] = False if total == 0 else \
                    ("addl" if total > 0 else "subl", (ESP, imm(abs(total))), ())
                break
            if _touches_esp(later):
                break
    out = [item for item in out if item is not False]
    # nothing returns from a call followed by ud2 (a noreturn function): no ud2 needed
    return [item for k, item in enumerate(out)
            if not (item and item[0] == "ud2" and k and out[k - 1] and out[k - 1][0] == "call")]

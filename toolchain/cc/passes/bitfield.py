"""Bit-field algebra: shifts and masks simplified by the bits that are read.

Lowering reads a bit-field as ``shl`` then ``lshr``/``ashr`` of its storage
unit and writes one as ``or (and word, ~M), (and (shl v, o), M)``
(lower/expressions.py, load_bitfield/store_bitfield).  Once mem2reg and gvn
have forwarded the stored word to later reads, a read of a field just
written is a shift of that ``or``: only the field's bits matter, and they
come from ``v`` alone.  This module simplifies with two facts per value:

* the bits known to be zero (``known_zero``): ``and x, C`` has zeros
  outside ``C``, ``shl x, c`` its low ``c`` bits, ``lshr x, c`` its high
  ones, ``zext`` the bits above the source, ``urem x, C`` those above
  ``C - 1``;
* the bits its user reads (the *demanded* bits): ``lshr/ashr x, c`` reads
  bits ``c..n-1`` of ``x``, ``shl x, c`` bits ``0..n-1-c``, ``and x, C`` the
  bits of ``C``, ``trunc`` the low ones, ``add``/``sub``/``mul`` the low bits
  up to the highest one read.

``demanded`` returns a value equal to the given one on the demanded bits,
bypassing what cannot change them: an ``or``/``xor`` operand known to be
zero there, an ``and`` whose mask keeps them all, ``shl (lshr x, c), c``
and ``lshr (shl x, c), c`` (and ``ashr``) when the bits the shifts clear are
not read.  So ``((x & ~M) | ((v << s) & M)) >> s`` is ``(v << s) >> s``,
which is ``v & (M >> s)``; a field read from a word where another field was
written is read from the original word; a field written with the value just
read from the same place leaves the word as it was; and a field written
twice keeps only the second write.  And ``trunc`` of arithmetic on
extended values is that arithmetic done narrow (a promoted ``long long``
bit-field on a 32-bit target).  Rebuilt operations are new instructions
placed before their user (the originals stay for their other users; dce
removes them when unused).  Loads and stores are never touched: a volatile
bit-field is read and written exactly as the program says.

instcombine calls ``run_function`` in each of its rounds.
"""

from __future__ import annotations

from ..ir import Constant, Function, INTEGER_BITS, Instruction, Type
from ..ir.dominators import reverse_postorder

MAX_DEPTH = 8
SHIFTS = ("shl", "lshr", "ashr")


def run_function(function: Function, pointer_bits: int) -> bool:
    changed = False
    for block in reverse_postorder(function):
        rebuilt: list[Instruction] = []
        for instruction in block.instructions:
            new: list[Instruction] = []
            if _integer(instruction, pointer_bits) and _simplify(instruction, pointer_bits, new):
                changed = True
            for made in new:
                made.block = block
            rebuilt.extend(new)
            rebuilt.append(instruction)
        block.instructions = rebuilt
    return changed


# --- helpers ------------------------------------------------------------------------------

def _width(t: Type, pointer_bits: int) -> int:
    return pointer_bits if t is Type.PTR else INTEGER_BITS.get(t, 0)


def _integer(instruction: Instruction, pointer_bits: int) -> bool:
    return instruction.type.is_integer and _width(instruction.type, pointer_bits) > 1


def _int(v) -> int | None:
    if isinstance(v, Constant) and v.bits is None and isinstance(v.value, int) and \
            v.type.is_integer:
        return v.value
    return None


def _shift_amount(instruction: Instruction, n: int) -> int | None:
    """The constant amount of a shift by less than the width, or None."""
    if instruction.opcode not in SHIFTS:
        return None
    c = _int(instruction.operands[1])
    return c if c is not None and 0 <= c < n else None


def _make(opcode: str, t: Type, operands: list, like: Instruction, new: list) -> Instruction:
    made = Instruction(opcode, t, operands, [], {}, location=like.location)
    new.append(made)
    return made


def known_zero(value, n: int, pointer_bits: int, depth: int = 0) -> int:
    """A mask of the bits of ``value`` (``n`` bits wide) that are certainly zero."""
    mask = (1 << n) - 1
    k = _int(value)
    if k is not None:
        return ~k & mask
    if not isinstance(value, Instruction) or depth > MAX_DEPTH:
        return 0
    op = value.opcode
    operands = value.operands
    if op in ("and", "or", "xor") and value.type is operands[0].type:
        a = known_zero(operands[0], n, pointer_bits, depth + 1)
        b = known_zero(operands[1], n, pointer_bits, depth + 1)
        if op == "and":
            return a | b
        return a & b
    if op in SHIFTS:
        c = _shift_amount(value, n)
        if c is None:
            return 0
        a = known_zero(operands[0], n, pointer_bits, depth + 1)
        if op == "shl":
            return ((a << c) | ((1 << c) - 1)) & mask
        if op == "lshr" or a >> (n - 1):
            return (a >> c) | (mask & ~(mask >> c))
        return a >> c
    if op == "zext":
        m = _width(operands[0].type, pointer_bits)
        if not m:
            return 0
        return (known_zero(operands[0], m, pointer_bits, depth + 1) | ~((1 << m) - 1)) & mask
    if op in ("urem", "udiv"):
        c = _int(operands[1])
        if c is None or c <= 0:
            return 0
        a = known_zero(operands[0], n, pointer_bits, depth + 1)
        if op == "urem":
            return mask & ~((1 << (c - 1).bit_length()) - 1)
        high = n - (a ^ mask).bit_length()       # leading zeros of the dividend
        return mask & ~(mask >> (high + c.bit_length() - 1))
    if op in ("icmp", "fcmp"):
        return mask & ~1
    return 0


# --- the demanded bits ----------------------------------------------------------------------

def demanded(value, wanted: int, n: int, pointer_bits: int, new: list, like: Instruction,
             depth: int = 0):
    """A value equal to ``value`` (``n`` bits) on the bits of ``wanted``: ``value`` itself
    or a simpler one; instructions it needs are appended to ``new``."""
    mask = (1 << n) - 1
    wanted &= mask
    if not isinstance(value, Instruction) or depth > MAX_DEPTH or \
            _width(value.type, pointer_bits) != n:
        return value
    if wanted == 0:
        return Constant(value.type, 0)
    op = value.opcode
    t = value.type
    operands = value.operands

    def again(v, bits):
        return demanded(v, bits, n, pointer_bits, new, like, depth + 1)

    if op == "and":
        c = _int(operands[1])
        if c is not None:
            c &= mask
            if wanted & ~c == 0:
                return again(operands[0], wanted)
            if wanted & c == 0:
                return Constant(t, 0)
            inner = again(operands[0], wanted & c)
            if inner is not operands[0]:
                return _make("and", t, [inner, operands[1]], like, new)
            return value
        return _rebuilt(value, [again(operands[0], wanted), again(operands[1], wanted)], like, new)
    if op in ("or", "xor"):
        a, b = operands
        if wanted & ~known_zero(a, n, pointer_bits) == 0:
            return again(b, wanted)
        if wanted & ~known_zero(b, n, pointer_bits) == 0:
            return again(a, wanted)
        a2, b2 = again(a, wanted), again(b, wanted)
        if _int(a2) == 0:
            return b2
        if _int(b2) == 0:
            return a2
        return _rebuilt(value, [a2, b2], like, new)
    if op in SHIFTS:
        c = _shift_amount(value, n)
        if c is None:
            return value
        inner = operands[0]
        inner_c = _shift_amount(inner, n) if isinstance(inner, Instruction) else None
        if op == "shl":
            if inner_c == c and inner.opcode in ("lshr", "ashr") and wanted & ((1 << c) - 1) == 0:
                return again(inner.operands[0], wanted)      # (x >> c) << c keeps x's bits c..
            reads = wanted >> c
        else:
            if inner_c == c and inner.opcode == "shl" and wanted & ~(mask >> c) == 0:
                return again(inner.operands[0], wanted)      # (x << c) >> c keeps x's low bits
            reads = (wanted << c) & mask
            if op == "ashr" and wanted & ~(mask >> c):
                reads |= 1 << (n - 1)                        # the copies of the sign bit
        return _rebuilt(value, [again(inner, reads), operands[1]], like, new)
    if op in ("add", "sub", "mul"):
        low = (1 << wanted.bit_length()) - 1                 # carries only go up
        return _rebuilt(value, [again(operands[0], low), again(operands[1], low)], like, new)
    return value


def _rebuilt(value: Instruction, operands: list, like: Instruction, new: list):
    """``value`` with new operands: itself when none changed, else a new instruction."""
    if all(a is b for a, b in zip(operands, value.operands)):
        return value
    made = Instruction(value.opcode, value.type, operands, [], dict(value.attributes),
                       location=like.location)
    new.append(made)
    return made


# --- the rules on each instruction -------------------------------------------------------

def _simplify(instruction: Instruction, pointer_bits: int, new: list) -> bool:
    op = instruction.opcode
    t = instruction.type
    n = _width(t, pointer_bits)
    mask = (1 << n) - 1
    operands = instruction.operands
    changed = False
    wanted = None
    if op in SHIFTS:
        c = _shift_amount(instruction, n)
        if c is not None:
            wanted = mask >> c if op == "shl" else mask & ~((1 << c) - 1)
    elif op == "and" and _int(operands[1]) is not None:
        wanted = _int(operands[1]) & mask
    elif op == "trunc":
        m = _width(operands[0].type, pointer_bits)
        if m:
            simpler = demanded(operands[0], mask, m, pointer_bits, new, instruction)
            if simpler is not operands[0]:
                operands[0] = simpler
                return True
        inner = operands[0]
        if isinstance(inner, Instruction) and inner.opcode in NARROWABLE and m > n:
            made: list = []
            parts = [_narrowed(v, t, pointer_bits, made, instruction, 0) for v in inner.operands]
            if all(p is not None for p in parts):
                new.extend(made)
                instruction.opcode = inner.opcode
                instruction.operands = parts
                return True
        return False
    if wanted is not None:
        simpler = demanded(operands[0], wanted, n, pointer_bits, new, instruction)
        if simpler is not operands[0]:
            operands[0] = simpler
            changed = True
    if op in SHIFTS:
        changed |= _shift_pair(instruction, n, new)
    elif op == "and" and _int(operands[1]) is not None:
        changed |= _redundant_mask(instruction, n, pointer_bits)
    elif op == "or":
        changed |= _merged_masks(instruction, n)
    return changed


NARROWABLE = ("add", "sub", "mul", "and", "or", "xor")


def _narrowed(value, t: Type, pointer_bits: int, made: list, like: Instruction, depth: int):
    """``value`` computed in the narrower ``t`` (its low bits: ``trunc`` of add, sub, mul
    and the bitwise operations only needs the operands' low bits), or None when that
    needs more than dropping extensions and narrowing constants: the operation of a
    ``long long`` bit-field, promoted, done in a register on a 32-bit target."""
    k = _int(value)
    if k is not None:
        return Constant(t, k & ((1 << _width(t, pointer_bits)) - 1))
    if not isinstance(value, Instruction) or depth > MAX_DEPTH:
        return None
    if value.opcode in ("zext", "sext") and value.operands[0].type is t:
        return value.operands[0]
    if value.opcode in NARROWABLE:
        parts = [_narrowed(v, t, pointer_bits, made, like, depth + 1) for v in value.operands]
        if all(p is not None for p in parts):
            return _make(value.opcode, t, parts, like, made)
    return None


def _shift_pair(instruction: Instruction, n: int, new: list) -> bool:
    """``lshr (shl x, a), b`` is a mask of a shift of ``x`` (``and x, M`` when ``a == b``);
    ``shl (lshr x, c), c`` is ``and x, -1 << c``; ``ashr (shl x, c), c`` of 8 or 16 bits is
    ``sext (trunc x)``."""
    mask = (1 << n) - 1
    b = _shift_amount(instruction, n)
    inner = instruction.operands[0]
    if b is None or not isinstance(inner, Instruction) or inner.type is not instruction.type:
        return False
    a = _shift_amount(inner, n)
    if a is None or a == 0 or b == 0:
        return False
    t = instruction.type
    x = inner.operands[0]
    if instruction.opcode == "lshr" and inner.opcode == "shl":
        if a == b:
            instruction.opcode = "and"
            instruction.operands = [x, Constant(t, mask >> a)]
            return True
        opcode, amount = ("lshr", b - a) if b > a else ("shl", a - b)
        shifted = _make(opcode, t, [x, Constant(t, amount)], instruction, new)
        instruction.opcode = "and"
        instruction.operands = [shifted, Constant(t, mask >> b)]
        return True
    if instruction.opcode == "shl" and inner.opcode == "lshr" and a == b:
        instruction.opcode = "and"
        instruction.operands = [x, Constant(t, mask & ~((1 << a) - 1))]
        return True
    if instruction.opcode == "ashr" and inner.opcode == "shl" and a == b and \
            n - a in (8, 16) and n > n - a:
        narrow = {8: Type.I8, 16: Type.I16}[n - a]
        truncated = _make("trunc", narrow, [x], instruction, new)
        instruction.opcode = "sext"
        instruction.operands = [truncated]
        return True
    return False


def _redundant_mask(instruction: Instruction, n: int, pointer_bits: int) -> bool:
    """``and x, C`` where every bit outside ``C`` is already zero in ``x``: x (as ``or x, 0``
    would leave it: the instruction becomes a copy-free ``and x, -1``, which instcombine
    folds to x)."""
    mask = (1 << n) - 1
    c = _int(instruction.operands[1]) & mask
    if c == mask:
        return False
    if mask & ~c & ~known_zero(instruction.operands[0], n, pointer_bits) == 0:
        instruction.operands[1] = Constant(instruction.type, mask)
        return True
    return False


def _merged_masks(instruction: Instruction, n: int) -> bool:
    """``or (and x, C1), (and x, C2)`` is ``and x, C1 | C2``."""
    a, b = instruction.operands
    if not all(isinstance(v, Instruction) and v.opcode == "and" and _int(v.operands[1]) is not None
               for v in (a, b)):
        return False
    if a.operands[0] is not b.operands[0]:
        return False
    instruction.opcode = "and"
    instruction.operands = [a.operands[0], Constant(instruction.type,
                                                    (_int(a.operands[1]) | _int(b.operands[1]))
                                                    & ((1 << n) - 1))]
    return True

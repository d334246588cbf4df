"""instcombine: algebraic simplification that constant folding alone misses.

constfold.py folds operations whose operands are all constants; this pass
rewrites operations with some unknown operands, in place or into an
existing value:

* reassociation of constants: ``add (add x, c1), c2`` is ``add x, c1+c2``
  (``sub x, c`` counts as ``add x, -c``; pointer arithmetic alike), and the
  same for ``mul``, ``and``, ``or``, ``xor``; a commutative operation keeps
  its constant second;
* identities: ``sub x, x``, ``xor x, x``, ``mul x, 0``, ``and x, 0`` are 0;
  ``and x, x``, ``or x, x``, ``and x, -1`` are x; ``or x, -1`` is -1;
  ``0 / x`` and ``0 % x`` are 0 (x = 0 is undefined); double ``neg``,
  ``not`` and ``fneg`` cancel; ``select c, x, x`` is x;
* comparisons: ``icmp`` of a value with itself; ``icmp (zext/sext x), c``
  with ``c`` outside the extended value's range is a constant; ``and``/``or``
  of two comparisons of the same operands is one comparison (or a constant:
  ``(x < y) && (x > y)`` is false);
* ``trunc (zext/sext x)`` is x, or x extended or truncated less;
* ``undef``: C leaves the value of an uninitialised local indeterminate and
  its use undefined, so an operation on ``undef`` may give any value: this
  pass picks the one that folds (``undef * x``, ``undef & x``, ``undef / x``,
  ``undef % x``, shifts of ``undef``: 0; ``undef | x``: all ones;
  ``icmp``/``fcmp`` with ``undef``: false; other arithmetic and conversions:
  ``undef`` again).  Each use is folded on its own (two uses of one
  ``undef`` may take different values), and a division by a constant zero
  stays, to trap as it would.

Each round also runs the bit-field algebra of bitfield.py (shifts and masks
simplified by the bits their users read) and divcmp.py (``x / C < K`` as a
range check on ``x``).  constfold runs again after each round, so folds
feed each other until nothing changes.
"""

from __future__ import annotations

from ..ir import (Constant, Function, GlobalAddress, INTEGER_BITS, Instruction, Module, Type,
                  Undef)
from ..ir.dominators import reverse_postorder
from . import bitfield, constfold, divcmp
from .util import replace_uses

REASSOCIATIVE = {"add", "mul", "and", "or", "xor"}
COMMUTATIVE = REASSOCIATIVE
PREDICATE_RELATIONS = {"eq": {"="}, "ne": {"<", ">"}, "lt": {"<"}, "le": {"<", "="},
                       "gt": {">"}, "ge": {">", "="}}
SWAPPED = {"eq": "eq", "ne": "ne", "lt": "gt", "gt": "lt", "le": "ge", "ge": "le"}
INVERSE = {
    "icmp": {"eq": "ne", "ne": "eq", "slt": "sge", "sge": "slt", "sgt": "sle", "sle": "sgt",
             "ult": "uge", "uge": "ult", "ugt": "ule", "ule": "ugt"},
    "fcmp": {"oeq": "une", "une": "oeq", "one": "ueq", "ueq": "one", "olt": "uge", "uge": "olt",
             "ole": "ugt", "ugt": "ole", "ogt": "ule", "ule": "ogt", "oge": "ult", "ult": "oge",
             "ord": "uno", "uno": "ord"},
}
MAX_ROUNDS = 8


def run(module: Module) -> bool:
    changed = False
    read_only = constfold.read_only_globals(module)
    defined = {f.name for f in module.functions if f.blocks}
    for function in module.functions:
        changed |= run_function(function, module.pointer_bits, read_only, defined)
    return changed


def run_function(function: Function, pointer_bits: int, read_only: dict | None = None,
                 defined: set = frozenset()) -> bool:
    changed_any = _library_calls(function, pointer_bits, defined)
    for _ in range(MAX_ROUNDS):
        mapping: dict = {}
        changed = False
        for block in reverse_postorder(function):
            for instruction in block.instructions:
                if instruction.type is Type.VOID or not instruction.operands:
                    continue
                instruction.operands = [mapping.get(v, v) if isinstance(v, Instruction) else v
                                        for v in instruction.operands]
                result = simplify(instruction, pointer_bits)
                if result is True:
                    changed = True
                elif result is not None and result is not instruction:
                    mapping[instruction] = result
        if mapping:
            for block in function.blocks:
                block.instructions = [i for i in block.instructions if i not in mapping]
            replace_uses(function, mapping)
        changed |= bitfield.run_function(function, pointer_bits)
        changed |= divcmp.run_function(function, pointer_bits)
        if not (mapping or changed):
            break
        changed_any = True
        constfold.run_function(function, pointer_bits, read_only)
    return changed_any


MEMORY_FUNCTIONS = {"memcpy", "memset", "memmove"}
MAX_INLINE_BYTES = 256


def _library_calls(function: Function, pointer_bits: int, defined: set) -> bool:
    """``memcpy(d, s, n)`` and ``memset(d, c, n)`` with constant ``n`` and ``c`` become the IR's
    memcpy and memset (what gcc does with these functions, even freestanding), which the
    passes understand; the call's value, ``d``, replaces its uses.  Not inside memcpy,
    memset or memmove themselves, nor when this module defines its own."""
    if function.name in MEMORY_FUNCTIONS:
        return False
    mapping: dict = {}
    changed = False
    for block in function.blocks:
        for index, call in enumerate(block.instructions):
            if call.opcode != "call" or len(call.operands) != 4:
                continue
            callee = call.operands[0]
            if not isinstance(callee, GlobalAddress) or callee.offset or \
                    callee.name not in ("memcpy", "memset") or callee.name in defined or \
                    call.attributes.get("return_aggregate") or call.attributes.get("aggregates"):
                continue
            destination, value, length = call.operands[1:]
            n = _int(length)
            if n is None or not 0 < n <= MAX_INLINE_BYTES or destination.type is not Type.PTR:
                continue
            if callee.name == "memset":
                if _int(value) is None:
                    continue
                operands = [destination, Constant(Type.I8, _int(value) & 0xFF)]
            elif value.type is Type.PTR:
                operands = [destination, value]
            else:
                continue
            block.instructions[index] = Instruction(
                callee.name, Type.VOID, operands + [Constant(Type.PTR, n)], [],
                {"alignment": 1}, block=block, location=call.location)
            if call.type is not Type.VOID:
                mapping[call] = destination
            changed = True
    replace_uses(function, mapping)
    return changed


# --- helpers ------------------------------------------------------------------------------

def _bits(t: Type, pointer_bits: int) -> int:
    return pointer_bits if t is Type.PTR else INTEGER_BITS.get(t, 0)


def _int(v) -> int | None:
    """The value of an integer constant, or None."""
    if isinstance(v, Constant) and v.bits is None and isinstance(v.value, int) and \
            v.type.is_integer:
        return v.value
    return None


def _signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def _same(a, b) -> bool:
    if a is b:
        return not isinstance(a, Undef)
    if isinstance(a, GlobalAddress) and isinstance(b, GlobalAddress):
        return (a.name, a.offset) == (b.name, b.offset)
    return _int(a) is not None and _int(b) is not None and a.type is b.type and a.value == b.value


def _split_predicate(predicate: str) -> tuple[str, str]:
    """('s'/'u'/'', relation): ``slt`` is ('s', 'lt'), ``eq`` is ('', 'eq')."""
    if predicate[0] in "su":
        return predicate[0], predicate[1:]
    return "", predicate


# --- the rules ----------------------------------------------------------------------------

def simplify(instruction: Instruction, pointer_bits: int):
    """A Value the instruction equals, True when it was rewritten in place, else None."""
    op = instruction.opcode
    operands = instruction.operands
    t = instruction.type
    if any(isinstance(v, Undef) for v in operands):
        value = _fold_undef(instruction, pointer_bits)
        if value is not None:
            return value
    if op in COMMUTATIVE and t.is_integer and _int(operands[0]) is not None and \
            _int(operands[1]) is None:
        operands.reverse()
        return True
    if op in ("and", "or") and t is Type.I1:
        value = _combined_comparison(instruction)
        if value is not None:
            return value
    if op == "xor" and t is Type.I1 and _int(operands[1]) == 1 and \
            isinstance(operands[0], Instruction) and operands[0].opcode in ("icmp", "fcmp"):
        inner = operands[0]                   # !(a < b) is a >= b (fcmp: or unordered)
        instruction.opcode = inner.opcode
        instruction.operands = list(inner.operands)
        instruction.attributes = {"predicate": INVERSE[inner.opcode][inner.attributes["predicate"]]}
        return True
    if op in ("add", "sub", "mul", "and", "or", "xor") and t.is_integer:
        return _arithmetic(instruction, pointer_bits)
    if op in ("sdiv", "udiv", "srem", "urem") and _int(operands[0]) == 0 and \
            _int(operands[1]) != 0:
        return Constant(t, 0)
    if op in ("neg", "not", "fneg"):
        inner = operands[0]
        if isinstance(inner, Instruction) and inner.opcode == op:
            return inner.operands[0]
        return None
    if op == "select" and _same(operands[1], operands[2]):
        return operands[1]
    if op == "trunc":
        return _trunc(instruction, pointer_bits)
    if op == "icmp":
        return _icmp(instruction, pointer_bits)
    return None


ANY_VALUE_OF_UNDEF = {"add", "sub", "xor", "neg", "not", "trunc", "zext", "sext", "fptosi",
                      "fptoui", "bitcast", "ctlz", "cttz", "ctpop", "bswap", "fadd", "fsub",
                      "fmul", "fdiv", "fneg", "sitofp", "uitofp", "fpext", "fptrunc"}


def _fold_undef(instruction: Instruction, pointer_bits: int):
    """An operation with an ``undef`` operand: the value chosen for it, or None (calls,
    loads, memory and phis are not operations on values: they stay)."""
    op = instruction.opcode
    a = instruction.operands[0]
    t = instruction.type
    if op in ("icmp", "fcmp"):
        return Constant(Type.I1, 0)
    if op == "select":
        if isinstance(a, Undef):
            return instruction.operands[1]
        return instruction.operands[2] if isinstance(instruction.operands[1], Undef) \
            else instruction.operands[1]
    if op in ANY_VALUE_OF_UNDEF:
        return Undef(t)
    if not t.is_integer:
        return None
    if op in ("mul", "and", "shl", "lshr", "ashr"):
        return Constant(t, 0)
    if op in ("sdiv", "udiv", "srem", "urem"):
        if isinstance(a, Undef) and _int(instruction.operands[1]) != 0:
            return Constant(t, 0)
        return None
    if op == "or":
        return Constant(t, (1 << _bits(t, pointer_bits)) - 1)
    return None


def _arithmetic(instruction: Instruction, pointer_bits: int):
    op = instruction.opcode
    t = instruction.type
    x, y = instruction.operands
    n = _bits(t, pointer_bits)
    mask = (1 << n) - 1
    if op in ("sub", "xor") and _same(x, y):
        return Constant(t, 0)
    if op in ("and", "or") and _same(x, y):
        return x
    k = _int(y)
    if k is None:
        return None
    k &= mask
    if op in ("mul", "and") and k == 0:
        return Constant(t, 0)
    if op == "and" and k == mask:
        return x
    if op == "or" and k == mask:
        return Constant(t, mask)
    if op == "sub":                       # x - c as x + (-c), for what follows
        op, k = "add", (-k) & mask
    if not isinstance(x, Instruction) or x.type is not t:
        return None
    inner = x.opcode
    j = _int(x.operands[1]) if len(x.operands) == 2 else None
    if j is None:
        return None
    if inner == "sub" and op == "add":
        inner, j = "add", -j
    if inner != op:
        return None
    combined = {"add": lambda: j + k, "mul": lambda: j * k, "and": lambda: j & k,
                "or": lambda: j | k, "xor": lambda: j ^ k}[op]() & mask
    instruction.opcode = op
    instruction.operands = [x.operands[0], Constant(t, combined)]
    return True


def _trunc(instruction: Instruction, pointer_bits: int):
    inner = instruction.operands[0]
    if not isinstance(inner, Instruction) or inner.opcode not in ("zext", "sext"):
        return None
    source = inner.operands[0]
    t = instruction.type
    if source.type is t:
        return source
    wanted, have = _bits(t, pointer_bits), _bits(source.type, pointer_bits)
    if not wanted or not have:
        return None
    if have < wanted:
        instruction.opcode = inner.opcode
    instruction.operands = [source]
    return True


def _icmp(instruction: Instruction, pointer_bits: int):
    a, b = instruction.operands
    predicate = instruction.attributes["predicate"]
    sign, relation = _split_predicate(predicate)
    if _same(a, b):
        return Constant(Type.I1, int("=" in PREDICATE_RELATIONS[relation]))
    if _int(a) is not None and _int(b) is None:
        instruction.operands = [b, a]
        instruction.attributes["predicate"] = sign + SWAPPED[relation]
        return True
    k = _int(b)
    if k is None:
        return None
    n = _bits(a.type, pointer_bits)
    if sign and n:
        value = _at_the_ends(instruction, k, sign, relation, n)
        if value is not None:
            return value
    if not isinstance(a, Instruction):
        return None
    if relation in ("eq", "ne") and a.opcode in ("add", "sub", "xor") and \
            _int(a.operands[1]) is not None and n:
        j = _int(a.operands[1])              # x + j == k is x == k - j, and so on
        moved = {"add": k - j, "sub": k + j, "xor": k ^ j}[a.opcode] & ((1 << n) - 1)
        instruction.operands = [a.operands[0], Constant(a.type, moved)]
        return True
    if a.opcode in ("zext", "sext"):
        value = _extended_against_constant(a, k, sign, relation, pointer_bits)
        if value is not None:
            return value
        return _narrowed(instruction, a, k, sign, relation, pointer_bits)
    if a.opcode == "mul" and relation in ("eq", "ne") and k == 0 and \
            _int(a.operands[1]) is not None and _int(a.operands[1]) & 1:
        instruction.operands = [a.operands[0], Constant(a.type, 0)]    # odd: invertible
        return True
    return None


def _at_the_ends(instruction: Instruction, k: int, sign: str, relation: str, n: int):
    """An ordered comparison with the smallest or largest value of its order: a constant,
    or an equality (``x <u 0xffffffff`` is ``x != 0xffffffff``)."""
    low, high = (0, (1 << n) - 1) if sign == "u" else (-(1 << (n - 1)), (1 << (n - 1)) - 1)
    value = k & ((1 << n) - 1) if sign == "u" else _signed(k, n)
    if value in (low, high) and relation in ("lt", "ge", "gt", "le"):
        at_low = value == low
        if (relation, at_low) in (("lt", True), ("gt", False)):
            return Constant(Type.I1, 0)
        if (relation, at_low) in (("ge", True), ("le", False)):
            return Constant(Type.I1, 1)
        equality = "eq" if relation in ("le", "ge") else "ne"
        instruction.attributes["predicate"] = equality
        return True
    return None


def _narrowed(instruction: Instruction, extended: Instruction, k: int, sign: str,
              relation: str, pointer_bits: int):
    """``icmp (zext/sext x), k`` with ``k`` in range: the comparison of ``x`` itself.
    ``x`` of ``i1`` (a comparison's result) gives ``x`` or its negation; narrower integers
    than 32 bits stay as they are (C compares them promoted)."""
    source = extended.operands[0]
    m = _bits(extended.type, pointer_bits)
    n = _bits(source.type, pointer_bits)
    if source.type is Type.I1:
        if relation not in ("eq", "ne") or (k & ((1 << m) - 1)) not in (0, 1):
            return None
        if (relation == "ne") == (k & 1 == 0):
            return source
        instruction.opcode = "xor"
        instruction.operands = [source, Constant(Type.I1, 1)]
        instruction.attributes = {}
        return True
    if n < 32:
        return None
    narrow = k & ((1 << n) - 1)
    widened = _signed(narrow, n) if extended.opcode == "sext" else narrow
    if widened & ((1 << m) - 1) != k & ((1 << m) - 1):
        return None                       # k is no extended value: no narrower equivalent
    if extended.opcode == "zext" and sign == "s":
        sign = "u"                        # both sides are non-negative
    instruction.operands = [source, Constant(source.type, narrow)]
    instruction.attributes["predicate"] = sign + relation
    return True


def _extended_against_constant(extended: Instruction, k: int, sign: str, relation: str,
                               pointer_bits: int):
    """``icmp (zext/sext x), k`` when ``k`` lies outside every value the extension gives."""
    n = _bits(extended.operands[0].type, pointer_bits)
    m = _bits(extended.type, pointer_bits)
    if not n or not m or n >= m:
        return None
    if extended.opcode == "zext":
        low, high = 0, (1 << n) - 1              # the same read signed or unsigned (m > n)
        value = _signed(k, m) if sign == "s" else k & ((1 << m) - 1)
        ranges = [(low, high)]
    elif sign == "u":                         # sext: two runs of unsigned values
        value = k & ((1 << m) - 1)
        ranges = [(0, (1 << (n - 1)) - 1), ((1 << m) - (1 << (n - 1)), (1 << m) - 1)]
    else:
        value = _signed(k, m)
        ranges = [(-(1 << (n - 1)), (1 << (n - 1)) - 1)]
    if any(lo <= value <= hi for lo, hi in ranges):
        return None
    outcomes = set()                          # how every possible x compares with k
    for lo, hi in ranges:
        outcomes.add("<" if hi < value else ">")
    if sign == "" and relation in ("eq", "ne"):
        return Constant(Type.I1, int(relation == "ne"))
    held = PREDICATE_RELATIONS[relation]
    if outcomes <= held:
        return Constant(Type.I1, 1)
    if not outcomes & held:
        return Constant(Type.I1, 0)
    return None


def _combined_comparison(instruction: Instruction):
    """``and``/``or`` of two ``icmp`` of the same operands: one ``icmp``, or a constant."""
    first, second = instruction.operands
    if not all(isinstance(v, Instruction) and v.opcode == "icmp" for v in (first, second)):
        return None
    sign1, relation1 = _split_predicate(first.attributes["predicate"])
    sign2, relation2 = _split_predicate(second.attributes["predicate"])
    x, y = first.operands
    if _same(second.operands[0], y) and _same(second.operands[1], x) and not _same(x, y):
        relation2 = SWAPPED[relation2]
    elif not (_same(second.operands[0], x) and _same(second.operands[1], y)):
        return None
    if sign1 and sign2 and sign1 != sign2:
        return None                      # signed and unsigned orders do not combine
    held1, held2 = PREDICATE_RELATIONS[relation1], PREDICATE_RELATIONS[relation2]
    outcomes = held1 & held2 if instruction.opcode == "and" else held1 | held2
    if not outcomes:
        return Constant(Type.I1, 0)
    if len(outcomes) == 3:
        return Constant(Type.I1, 1)
    relation = next(r for r, held in PREDICATE_RELATIONS.items() if held == outcomes)
    sign = sign1 or sign2
    instruction.opcode = "icmp"
    instruction.operands = [x, y]
    instruction.attributes = {"predicate": relation if relation in ("eq", "ne") else sign + relation}
    return True

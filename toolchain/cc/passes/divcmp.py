"""Division compares: ``x / C <op> K`` as a range check on ``x`` (gcc's fold_div_compare).

C's division truncates towards zero, so for a constant divisor the quotient
is a monotonic function of ``x``: non-decreasing when ``C > 0``, non-increasing
when ``C < 0`` (``x / C`` is ``-(x / -C)``).  Every comparison of it with a
constant ``K`` therefore holds on one interval of ``x`` (or its complement),
whose ends come from the smallest ``x`` whose quotient by ``D > 0`` is at
least ``Q``::

    first(Q, D) = Q * D            if Q > 0
                  (Q - 1) * D + 1  if Q <= 0     (truncation rounds up there)

The interval is computed in Python's unbounded integers and clipped to the
values ``x`` can take: its type's range, or the narrower range of a
``sext``/``zext`` operand (a ``char`` divided after promotion).  Empty is
false, everything is true, one open end is a single comparison, and an
equality on a closed interval ``[lo, hi]`` is the unsigned range check
``x - lo <=u hi - lo`` (its negation ``>u``).  ``sdiv`` folds under signed
and equality predicates, ``udiv`` under unsigned and equality ones; a mixed
pair (a signed quotient compared unsigned) stays.  ``x / -1`` of the most
negative ``x`` is undefined, so nothing is owed to it.

The fold runs when every use of the division is such a comparison (else the
division stays and the range check would be extra code).  instcombine
calls ``run_function`` in each of its rounds.
"""

from __future__ import annotations

from ..ir import Constant, Function, INTEGER_BITS, Instruction, Type
from ..ir.dominators import reverse_postorder
from .util import users


def run_function(function: Function, pointer_bits: int) -> bool:
    found = users(function)
    changed = False
    for block in reverse_postorder(function):
        rebuilt: list[Instruction] = []
        for instruction in block.instructions:
            if instruction.opcode == "icmp" and _foldable(instruction, found, pointer_bits):
                changed |= _fold(instruction, pointer_bits, rebuilt)
            rebuilt.append(instruction)
        block.instructions = rebuilt
    return changed


def _int(v) -> int | None:
    if isinstance(v, Constant) and v.bits is None and isinstance(v.value, int) and \
            v.type.is_integer:
        return v.value
    return None


def _width(t: Type, pointer_bits: int) -> int:
    return pointer_bits if t is Type.PTR else INTEGER_BITS.get(t, 0)


def _signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def _foldable(compare: Instruction, found: dict, pointer_bits: int) -> bool:
    division = compare.operands[0]
    if not isinstance(division, Instruction) or division.opcode not in ("sdiv", "udiv") or \
            _int(compare.operands[1]) is None or _int(division.operands[1]) is None or \
            _width(division.type, pointer_bits) < 2:
        return False
    return all(u.opcode == "icmp" and u.operands[0] is division and u.operands[1] is not division
               and _int(u.operands[1]) is not None for u in found.get(division, ()))


def first(q: int, d: int) -> int:
    """The smallest integer whose quotient by ``d > 0``, truncated, is at least ``q``."""
    return q * d if q > 0 else (q - 1) * d + 1


def interval(signed: bool, divisor: int, relation: str, k: int) -> tuple[int | None, int | None]:
    """The ``x`` where ``x / divisor <relation> k`` holds, as (low, high) with None for an
    open end; relation is eq, lt, le, gt or ge.  Unbounded integers: clipping is the
    caller's."""
    if divisor > 0:
        bounds = {"lt": (None, first(k, divisor) - 1), "le": (None, first(k + 1, divisor) - 1),
                  "gt": (first(k + 1, divisor), None), "ge": (first(k, divisor), None),
                  "eq": (first(k, divisor), first(k + 1, divisor) - 1)}
    else:
        d = -divisor                              # x / divisor is -(x / d)
        bounds = {"lt": (first(-k + 1, d), None), "le": (first(-k, d), None),
                  "gt": (None, first(-k, d) - 1), "ge": (None, first(-k + 1, d) - 1),
                  "eq": (first(-k, d), first(-k + 1, d) - 1)}
    return bounds[relation]


def _operand_range(x, n: int, signed: bool, pointer_bits: int) -> tuple[int, int]:
    """The values ``x`` (``n`` bits, read signed or not) can take."""
    low, high = (-(1 << (n - 1)), (1 << (n - 1)) - 1) if signed else (0, (1 << n) - 1)
    if isinstance(x, Instruction) and x.opcode in ("sext", "zext"):
        m = _width(x.operands[0].type, pointer_bits)
        if 0 < m < n:
            if x.opcode == "zext":
                return 0, (1 << m) - 1
            if signed:
                return -(1 << (m - 1)), (1 << (m - 1)) - 1
    return low, high


def _fold(compare: Instruction, pointer_bits: int, rebuilt: list) -> bool:
    division = compare.operands[0]
    predicate = compare.attributes["predicate"]
    signed = division.opcode == "sdiv"
    sign, relation = (predicate[0], predicate[1:]) if predicate[0] in "su" else ("", predicate)
    if sign and (sign == "s") != signed:
        return False
    t = division.type
    n = _width(t, pointer_bits)
    x = division.operands[0]
    read = (lambda v: _signed(v, n)) if signed else (lambda v: v & ((1 << n) - 1))
    divisor, k = read(_int(division.operands[1])), read(_int(compare.operands[1]))
    if divisor == 0:
        return False                              # stays, to trap as it would
    negate = relation == "ne"
    low, high = interval(signed, divisor, "eq" if negate else relation, k)
    minimum, maximum = _operand_range(x, n, signed, pointer_bits)
    low = minimum if low is None else max(low, minimum)
    high = maximum if high is None else min(high, maximum)
    order = "s" if signed else "u"
    if low > high:
        _become_constant(compare, negate)
        return True
    if low == minimum and high == maximum:
        _become_constant(compare, not negate)
        return True
    mask = (1 << n) - 1
    if low == minimum:
        _set(compare, (order + "gt") if negate else (order + "le"), x, Constant(t, high & mask))
    elif high == maximum:
        _set(compare, (order + "lt") if negate else (order + "ge"), x, Constant(t, low & mask))
    elif low == high:
        _set(compare, "ne" if negate else "eq", x, Constant(t, low & mask))
    else:
        moved = Instruction("sub", t, [x, Constant(t, low & mask)], [], {},
                            block=compare.block, location=compare.location)
        rebuilt.append(moved)
        _set(compare, "ugt" if negate else "ule", moved, Constant(t, (high - low) & mask))
    return True


def _set(compare: Instruction, predicate: str, a, b) -> None:
    compare.operands = [a, b]
    compare.attributes = {"predicate": predicate}


def _become_constant(compare: Instruction, value: bool) -> None:
    """The comparison of a constant with itself: constfold makes it the constant."""
    k = Constant(Type.I1, 0)
    _set(compare, "eq" if value else "ne", k, k)

"""Constant expressions (C11 6.6): the value of a typed expression when it can
be computed at translation time, following C's arithmetic on the target's
types (wrap-around of unsigned types, truncation by casts, integer division
toward zero).  Used for integer constant expressions (array sizes,
bit-field widths, case labels, enumerators, ``_Static_assert``) and for
folding; ``offsetof``-style address arithmetic on a null pointer folds too.
"""

from __future__ import annotations

from . import ast
from .ctypes import ArrayType, CType, FloatType, IntegerType, PointerType, TypeSystem


def _wrap(value: int, t: CType | None) -> int:
    if t is None or not t.is_integer():
        return value
    if getattr(t, "kind", None) is not None and t.kind.name == "BOOL":
        return int(value != 0)
    bits = t.size * 8
    value &= (1 << bits) - 1
    if t.signed and value >> (bits - 1):
        value -= 1 << bits
    return value


def evaluate(e: ast.Expression | None, types: TypeSystem):
    """The constant value of ``e`` (int or float), or None when it is not constant."""
    try:
        return _evaluate(e, types)
    except (ZeroDivisionError, OverflowError, ValueError, TypeError, RecursionError):
        return None


def _evaluate(e, types):
    if e is None:
        return None
    if isinstance(e, ast.IntegerLiteral):
        return e.value
    if isinstance(e, ast.FloatLiteral):
        return e.value
    if isinstance(e, ast.SizeOf):
        return e.value
    if isinstance(e, ast.BuiltinCall):
        return e.value
    if isinstance(e, ast.Cast):
        t = e.type
        if isinstance(e.operand, ast.Identifier) or e.operand is None:
            return None
        value = _evaluate(e.operand, types)
        if value is None:
            return None
        if t is None:
            return value
        if t.is_integer() or t.is_pointer():
            if isinstance(value, complex):
                value = value.real
            if isinstance(value, float):
                if value != value or value in (float("inf"), float("-inf")):
                    return None
                value = int(value)
            if t.is_pointer():
                return _wrap(value, types.size_t)
            return _wrap(value, t)
        if isinstance(t, FloatType):
            return complex(value) if t.complex else float(value.real if isinstance(value, complex) else value)
        return None
    if isinstance(e, ast.Unary):
        if e.op == "&":
            return _address_offset(e.operand, types)
        value = _evaluate(e.operand, types)
        if value is None:
            return None
        if e.op == "-":
            return _wrap(-value, e.type) if isinstance(value, int) else -value
        if e.op == "+":
            return value
        if e.op == "~":
            return _wrap(~value, e.type)
        if e.op == "!":
            return int(not value)
        return None
    if isinstance(e, ast.Binary):
        op = e.op
        left = _evaluate(e.left, types)
        if op == "&&":
            if left is None:
                return None
            if not left:
                return 0
            right = _evaluate(e.right, types)
            return None if right is None else int(bool(right))
        if op == "||":
            if left is None:
                return None
            if left:
                return 1
            right = _evaluate(e.right, types)
            return None if right is None else int(bool(right))
        if op == ",":
            return None if left is None else _evaluate(e.right, types)
        right = _evaluate(e.right, types)
        if left is None or right is None:
            return None
        t = e.type
        if isinstance(e.left.type, PointerType) and op in ("+", "-") and e.right.type.is_integer():
            size = max(e.left.type.target.size, 1)
            return _wrap(left + right * size if op == "+" else left - right * size, types.size_t)
        if isinstance(e.left.type, PointerType) and isinstance(e.right.type, PointerType) and op == "-":
            size = max(e.left.type.target.size, 1)
            return (left - right) // size
        if op in ("==", "!=", "<", ">", "<=", ">="):
            return int({"==": left == right, "!=": left != right, "<": left < right, ">": left > right,
                        "<=": left <= right, ">=": left >= right}[op])
        if isinstance(left, (float, complex)) or isinstance(right, (float, complex)):
            if op == "+":
                return left + right
            if op == "-":
                return left - right
            if op == "*":
                return left * right
            if op == "/":
                return left / right
            return None
        if op == "+":
            return _wrap(left + right, t)
        if op == "-":
            return _wrap(left - right, t)
        if op == "*":
            return _wrap(left * right, t)
        if op in ("/", "%"):
            if right == 0:
                return None
            quotient = abs(left) // abs(right)
            if (left < 0) != (right < 0):
                quotient = -quotient
            return _wrap(quotient if op == "/" else left - quotient * right, t)
        if op == "<<":
            if right < 0 or right >= 256:
                return None
            return _wrap(left << right, t)
        if op == ">>":
            if right < 0:
                return None
            return _wrap(left >> min(right, 256), t)
        if op == "&":
            return _wrap(left & right, t)
        if op == "|":
            return _wrap(left | right, t)
        if op == "^":
            return _wrap(left ^ right, t)
        return None
    if isinstance(e, ast.Conditional):
        condition = _evaluate(e.condition, types)
        if condition is None:
            return None
        if condition:
            return condition if e.then is None else _evaluate(e.then, types)
        return _evaluate(e.otherwise, types)
    return None


def _address_offset(e, types):
    """``&((T *)0)->m`` and the like: the byte offset from a constant base address."""
    if isinstance(e, ast.MemberAccess):
        if e.member is None:
            return None
        if e.arrow:
            base = _evaluate(e.base, types)
        else:
            base = _address_offset(e.base, types)
        if base is None:
            return None
        return base + sum(m.offset for m in e.path) + e.member.offset
    if isinstance(e, ast.Subscript):
        array = e.array
        if isinstance(array, ast.Cast) and array.implicit and isinstance(array.operand.type, ArrayType):
            base = _address_offset(array.operand, types)
        else:
            base = _evaluate(array, types)
        if base is None:
            return None
        index = _evaluate(e.index, types)
        if index is None:
            return None
        return base + index * e.type.size
    if isinstance(e, ast.Unary) and e.op == "*":
        return _evaluate(e.operand, types)
    return None


def fits(value: int, t: IntegerType) -> bool:
    return t.min_value <= value <= t.max_value

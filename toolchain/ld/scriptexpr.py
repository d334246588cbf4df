"""Values of linker-script expressions: ``evaluate(expr, context) -> int``.

The layout engine knows where sections, symbols and regions are; it passes
that knowledge in as an ``ExpressionContext``.  This module knows what the
operators and built-in functions mean, following GNU ld's ``ldexp.c``:

* Arithmetic is on unsigned words of ``address_bits`` bits (64 unless told
  otherwise) and wraps around: ``0 - 1`` is 0xffff_ffff_ffff_ffff.
  Comparisons, ``MAX`` and ``MIN`` compare unsigned values; ``/`` and ``%``
  divide the words as signed numbers, truncating toward zero as C does;
  ``>>`` is a logical shift.  A shift by the word width or more gives 0.
* ``&&``, ``||`` and ``?:`` evaluate only the operands they need, so
  ``DEFINED(x) ? x : 0`` works when ``x`` is undefined.
* ``ALIGN(a)`` is ``.`` rounded up to a multiple of ``a``; ``ALIGN(e, a)``
  rounds ``e``; ``BLOCK`` is an old name of ``ALIGN``, and ``NEXT(a)`` is
  ``ALIGN(a)`` (they differ only with non-contiguous MEMORY, unsupported).
  An alignment of 0 or 1 leaves the value alone, as in GNU ld.
* ``ABSOLUTE(e)`` is ``e``: values here are always absolute addresses.
* ``DATA_SEGMENT_ALIGN(maxpagesize, commonpagesize)`` has GNU ld's meaning
  without ``-z relro``: ``ALIGN(maxpagesize) + (. & (maxpagesize - 1))``, the
  same offset within the next page, so the data segment gets its own page
  without padding the file.  ``DATA_SEGMENT_RELRO_END(offset, e)`` is ``e``
  and ``DATA_SEGMENT_END(e)`` is ``e``: both only mark places for relro.
* ``LOG2CEIL(e)`` is the ceiling of log2(e), 0 for 0 and 1.
* ``ASSERT(e, message)`` is ``e`` and fails the link with message when 0.
* ``CONSTANT`` knows ``MAXPAGESIZE`` and ``COMMONPAGESIZE``.

Every error is a ToolchainError at the location of the expression node at
fault: ``undefined symbol 'x' referenced in expression``, ``division by
zero``, ``unknown function 'FOO'`` ...
"""

from __future__ import annotations

from typing import Protocol

from toolchain.common.diagnostics import ToolchainError
from toolchain.ld.scriptast import (Assignment, BinaryOp, Call, Conditional, Expr,
                                    Number, SymbolRef, UnaryOp)


class ExpressionContext(Protocol):
    """What an expression may ask of the link being laid out.

    Section, region and symbol queries may raise ToolchainError for unknown
    names; one without a location gets the expression's location here.
    """

    @property
    def dot(self) -> int:
        """The location counter."""

    def symbol_value(self, name: str) -> int: ...

    def is_defined(self, name: str) -> bool: ...

    def section_address(self, name: str) -> int: ...

    def section_load_address(self, name: str) -> int: ...

    def section_size(self, name: str) -> int: ...

    def section_alignment(self, name: str) -> int: ...

    def region_origin(self, name: str) -> int: ...

    def region_length(self, name: str) -> int: ...

    def constant(self, name: str) -> int:
        """``MAXPAGESIZE`` or ``COMMONPAGESIZE`` of the target."""

    def sizeof_headers(self) -> int: ...

    def segment_start(self, name: str, default: int) -> int:
        """The ``-Ttext-segment``-style address of ``name``, or ``default``."""


CONSTANTS = ("MAXPAGESIZE", "COMMONPAGESIZE")


def evaluate(expr: Expr, context: ExpressionContext, address_bits: int = 64) -> int:
    """The value of ``expr`` as an unsigned ``address_bits``-bit number."""
    evaluator = _Evaluator(context, address_bits)
    try:
        return evaluator.value(expr)
    except RecursionError:
        raise ToolchainError("expression nested too deeply", expr.location) from None


def evaluate_assignment(assignment: Assignment, context: ExpressionContext,
                        address_bits: int = 64) -> int:
    """The value an assignment gives its symbol: ``x += 4`` is x's value plus 4."""
    value = evaluate(assignment.expr, context, address_bits)
    if assignment.operator == "=":
        return value
    symbol = SymbolRef(assignment.symbol, location=assignment.location)
    combined = BinaryOp(assignment.operator[:-1], symbol, Number(value, location=assignment.location),
                        location=assignment.location)
    return evaluate(combined, context, address_bits)


def align_up(value: int, alignment: int) -> int:
    """``value`` rounded up to a multiple of ``alignment`` (0 and 1 leave it)."""
    if alignment <= 1:
        return value
    return (value + alignment - 1) // alignment * alignment


class _Evaluator:
    def __init__(self, context: ExpressionContext, address_bits: int):
        self.context = context
        self.bits = address_bits
        self.mask = (1 << address_bits) - 1

    def signed(self, value: int) -> int:
        return value - (1 << self.bits) if value >> (self.bits - 1) else value

    def value(self, expr: Expr) -> int:
        try:
            return self._value(expr) & self.mask
        except ToolchainError as error:
            if error.location is None:
                raise ToolchainError(error.message, expr.location) from None
            raise

    def _value(self, expr: Expr) -> int:
        if isinstance(expr, Number):
            return expr.value
        if isinstance(expr, SymbolRef):
            return self.symbol(expr)
        if isinstance(expr, UnaryOp):
            operand = self.value(expr.operand)
            return {"-": -operand, "~": ~operand, "!": int(operand == 0), "+": operand}[expr.op]
        if isinstance(expr, BinaryOp):
            return self.binary(expr)
        if isinstance(expr, Conditional):
            chosen = expr.if_true if self.value(expr.condition) else expr.if_false
            return self.value(chosen)
        if isinstance(expr, Call):
            return self.call(expr)
        raise ToolchainError(f"not an expression: {type(expr).__name__}", getattr(expr, "location", None))

    def symbol(self, expr: SymbolRef) -> int:
        if expr.name == ".":
            return self.context.dot
        if not self.context.is_defined(expr.name):
            raise ToolchainError(f"undefined symbol '{expr.name}' referenced in expression",
                                 expr.location)
        return self.context.symbol_value(expr.name)

    def binary(self, expr: BinaryOp) -> int:
        op = expr.op
        left = self.value(expr.left)
        if op == "&&":
            return int(bool(left) and bool(self.value(expr.right)))
        if op == "||":
            return int(bool(left) or bool(self.value(expr.right)))
        right = self.value(expr.right)
        if op in ("/", "%"):
            if right == 0:
                raise ToolchainError("division by zero" if op == "/" else "modulo by zero",
                                     expr.location)
            a, b = self.signed(left), self.signed(right)
            quotient = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)
            return quotient if op == "/" else a - b * quotient
        if op in ("<<", ">>"):
            if right >= self.bits:
                return 0
            return left << right if op == "<<" else left >> right
        operations = {
            "+": lambda: left + right, "-": lambda: left - right, "*": lambda: left * right,
            "&": lambda: left & right, "|": lambda: left | right, "^": lambda: left ^ right,
            "==": lambda: int(left == right), "!=": lambda: int(left != right),
            "<": lambda: int(left < right), ">": lambda: int(left > right),
            "<=": lambda: int(left <= right), ">=": lambda: int(left >= right),
        }
        if op not in operations:
            raise ToolchainError(f"unknown operator '{op}'", expr.location)
        return operations[op]()

    def call(self, expr: Call) -> int:
        name, args, context = expr.function, expr.args, self.context

        def operand(index: int) -> int:
            arg = args[index]
            if isinstance(arg, str):
                raise ToolchainError(f"{name}: operand {index + 1} must be an expression",
                                     expr.location)
            return self.value(arg)

        def text(index: int) -> str:
            arg = args[index]
            if not isinstance(arg, str):
                raise ToolchainError(f"{name}: operand {index + 1} must be a name", expr.location)
            return arg

        arity = _ARITY.get(name)
        if arity is None:
            raise ToolchainError(f"unknown function '{name}'", expr.location)
        if len(args) not in arity:
            raise ToolchainError(f"wrong number of operands to {name}", expr.location)

        if name in ("ALIGN", "BLOCK", "NEXT"):
            if len(args) == 2:
                return align_up(operand(0), operand(1))
            return align_up(context.dot, operand(0))
        if name == "ABSOLUTE":
            return operand(0)
        if name in ("DATA_SEGMENT_END", "DATA_SEGMENT_RELRO_END"):
            return operand(len(args) - 1)
        if name == "DATA_SEGMENT_ALIGN":
            maxpagesize = operand(0)
            operand(1)
            return align_up(context.dot, maxpagesize) + (context.dot & (maxpagesize - 1))
        if name == "MAX":
            return max(operand(0), operand(1))
        if name == "MIN":
            return min(operand(0), operand(1))
        if name == "LOG2CEIL":
            value = operand(0)
            return (value - 1).bit_length() if value > 1 else 0
        if name == "ASSERT":
            value = operand(0)
            if value == 0:
                raise ToolchainError(text(1), expr.location)
            return value
        if name == "DEFINED":
            return int(context.is_defined(text(0)))
        if name == "CONSTANT":
            constant = text(0)
            if constant not in CONSTANTS:
                raise ToolchainError(f"unknown constant '{constant}' referenced in expression",
                                     expr.location)
            return context.constant(constant)
        if name == "SIZEOF_HEADERS":
            return context.sizeof_headers()
        if name == "SEGMENT_START":
            return context.segment_start(text(0), operand(1))
        queries = {"ADDR": context.section_address, "LOADADDR": context.section_load_address,
                   "SIZEOF": context.section_size, "ALIGNOF": context.section_alignment,
                   "ORIGIN": context.region_origin, "LENGTH": context.region_length}
        return queries[name](text(0))


_ARITY: dict[str, tuple[int, ...]] = {
    "ALIGN": (1, 2), "BLOCK": (1,), "NEXT": (1,), "ABSOLUTE": (1,), "DATA_SEGMENT_END": (1,),
    "DATA_SEGMENT_RELRO_END": (2,), "DATA_SEGMENT_ALIGN": (2,), "MAX": (2,), "MIN": (2,),
    "LOG2CEIL": (1,), "ASSERT": (2,), "DEFINED": (1,), "CONSTANT": (1,), "SIZEOF_HEADERS": (0,),
    "SEGMENT_START": (2,), "ADDR": (1,), "LOADADDR": (1,), "SIZEOF": (1,), "ALIGNOF": (1,),
    "ORIGIN": (1,), "LENGTH": (1,),
}

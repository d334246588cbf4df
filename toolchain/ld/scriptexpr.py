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
* Every value has a base, as in ld's ``etree_value_type``: a plain number, an
  absolute address, or an offset into an output section.  ``.`` inside an
  output section (and between them: into the section before, or after an
  assignment to ``.`` the one after), ``ADDR(s)`` and symbols defined in
  sections are offsets;
  numbers, ``SIZEOF``, ``ALIGNOF``, ``LENGTH``, ``CONSTANT``, comparisons and
  -- inside an output section -- absolute symbols are numbers; ``ABSOLUTE(e)``,
  ``LOADADDR`` and ``ORIGIN`` are absolute.  Two offsets into one section, or an
  offset and a number, combine as offsets (``(. + 15) & ~15`` inside a section
  rounds the offset); anything else combines as absolute addresses.  What an
  assignment makes of the result is ``assignment_value``'s business.
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
        """The location counter (an address)."""

    @property
    def current_section(self) -> str | None:
        """The output section being laid out, None between them."""

    def symbol_section(self, name: str) -> str | None:
        """The output section a defined symbol is in, None for an absolute one."""

    def section_for_dot(self) -> str | None:
        """Between output sections: the section ``.`` counts as an offset into
        (GNU ld's section_for_dot), None for none."""

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


NUMBER = "<number>"        # the base of a plain number (not a section name: those start with '.')
ABSOLUTE = None            # the base of an absolute address


def evaluate(expr: Expr, context: ExpressionContext, address_bits: int = 64) -> int:
    """The value of ``expr`` as an unsigned ``address_bits``-bit number (an address)."""
    evaluator = _Evaluator(context, address_bits)
    try:
        return evaluator.value(expr)
    except RecursionError:
        raise ToolchainError("expression nested too deeply", expr.location) from None


def assignment_value(assignment: Assignment, context: ExpressionContext,
                     address_bits: int = 64) -> tuple[int, str | None]:
    """What an assignment gives its symbol (or ``.``): the address, and the output
    section it is relative to (None: absolute).  ``x += 4`` adds to x's value; a
    plain number is an offset into the section being laid out (``. = 0x1FE;`` in a
    boot sector), an absolute address outside one."""
    evaluator = _Evaluator(context, address_bits)
    try:
        value = evaluator.typed(assignment.expr)
        if assignment.operator != "=":
            symbol = SymbolRef(assignment.symbol, location=assignment.location)
            value = evaluator.combine(assignment.operator[:-1], evaluator.symbol(symbol), value,
                                      assignment.expr)
    except RecursionError:
        raise ToolchainError("expression nested too deeply", assignment.location) from None
    base = evaluator.section if value[1] is NUMBER else value[1]
    return evaluator.address((value[0], base)), base


def evaluate_assignment(assignment: Assignment, context: ExpressionContext,
                        address_bits: int = 64) -> int:
    """The address an assignment gives its symbol: ``x += 4`` is x's value plus 4."""
    return assignment_value(assignment, context, address_bits)[0]


def align_up(value: int, alignment: int) -> int:
    """``value`` rounded up to a multiple of ``alignment`` (0 and 1 leave it)."""
    if alignment <= 1:
        return value
    return (value + alignment - 1) // alignment * alignment


class _Evaluator:
    """Values are pairs (value, base), GNU ld's expression sections: ``base`` is
    NUMBER for a plain number, ABSOLUTE for an address, or the name of an output
    section for an offset into it."""

    def __init__(self, context: ExpressionContext, address_bits: int):
        self.context = context
        self.bits = address_bits
        self.mask = (1 << address_bits) - 1
        self.section = context.current_section

    def signed(self, value: int) -> int:
        return value - (1 << self.bits) if value >> (self.bits - 1) else value

    def address(self, typed: tuple[int, object]) -> int:
        """An address for a typed value: numbers are taken as addresses."""
        value, base = typed
        if base is not NUMBER and base is not ABSOLUTE:
            value += self.context.section_address(base)
        return value & self.mask

    def relative(self, address: int) -> tuple[int, object]:
        """An address as an offset into the section being laid out (ld's new_rel_from_abs)."""
        section = self.section or self.context.section_for_dot()
        if section is None:
            return address & self.mask, ABSOLUTE
        return (address - self.context.section_address(section)) & self.mask, section

    def typed(self, expr: Expr) -> tuple[int, object]:
        try:
            value, base = self._typed(expr)
            return value & self.mask, base
        except ToolchainError as error:
            if error.location is None:
                raise ToolchainError(error.message, expr.location) from None
            raise

    def value(self, expr: Expr) -> int:
        return self.address(self.typed(expr))

    def _typed(self, expr: Expr) -> tuple[int, object]:
        if isinstance(expr, Number):
            return expr.value, NUMBER
        if isinstance(expr, SymbolRef):
            return self.symbol(expr)
        if isinstance(expr, UnaryOp):
            operand, base = self.typed(expr.operand)
            return {"-": -operand, "~": ~operand, "!": int(operand == 0),
                    "+": operand}[expr.op], base
        if isinstance(expr, BinaryOp):
            return self.binary(expr)
        if isinstance(expr, Conditional):
            chosen = expr.if_true if self.address(self.typed(expr.condition)) else expr.if_false
            return self.typed(chosen)
        if isinstance(expr, Call):
            return self.call(expr)
        raise ToolchainError(f"not an expression: {type(expr).__name__}", getattr(expr, "location", None))

    def symbol(self, expr: SymbolRef) -> tuple[int, object]:
        context = self.context
        if expr.name == ".":
            return self.relative(context.dot)
        if not context.is_defined(expr.name):
            raise ToolchainError(f"undefined symbol '{expr.name}' referenced in expression",
                                 expr.location)
        address = context.symbol_value(expr.name)
        section = context.symbol_section(expr.name)
        if section is not None:
            return (address - context.section_address(section)) & self.mask, section
        # an absolute symbol is a number inside an output section (ld's fold_name)
        return address, NUMBER if self.section is not None else ABSOLUTE

    def binary(self, expr: BinaryOp) -> tuple[int, object]:
        op = expr.op
        left = self.typed(expr.left)
        if op == "&&":
            return int(bool(self.address(left)) and bool(self.value(expr.right))), NUMBER
        if op == "||":
            return int(bool(self.address(left)) or bool(self.value(expr.right))), NUMBER
        return self.combine(op, left, self.typed(expr.right), expr)

    def combine(self, op: str, left: tuple[int, object], right: tuple[int, object],
                expr: Expr) -> tuple[int, object]:
        """``left op right`` by ld's rules: numbers with numbers give numbers; offsets in
        one section, or an offset and a number, combine as offsets; anything else as
        absolute addresses.  Comparisons give numbers."""
        (a, left_base), (b, right_base) = left, right
        if left_base == right_base or NUMBER in (left_base, right_base):
            base = right_base if left_base is NUMBER else left_base
        else:
            a, b, base = self.address(left), self.address(right), ABSOLUTE
        if op in _COMPARISONS:
            return int(_COMPARISONS[op](a, b)), NUMBER
        return self.arithmetic(op, a, b, expr), base

    def arithmetic(self, op: str, left: int, right: int, expr: Expr) -> int:
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
        if op == "ALIGN":
            return align_up(left, right)
        if op == "MAX":
            return max(left, right)
        if op == "MIN":
            return min(left, right)
        operations = {
            "+": lambda: left + right, "-": lambda: left - right, "*": lambda: left * right,
            "&": lambda: left & right, "|": lambda: left | right, "^": lambda: left ^ right,
        }
        if op not in operations:
            raise ToolchainError(f"unknown operator '{op}'", expr.location)
        return operations[op]()

    def call(self, expr: Call) -> tuple[int, object]:
        name, args, context = expr.function, expr.args, self.context

        def operand(index: int) -> tuple[int, object]:
            arg = args[index]
            if isinstance(arg, str):
                raise ToolchainError(f"{name}: operand {index + 1} must be an expression",
                                     expr.location)
            return self.typed(arg)

        def number(index: int) -> int:
            return self.address(operand(index))

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
                return self.combine("ALIGN", operand(0), operand(1), expr)
            return self.relative(align_up(context.dot, number(0)))
        if name in ("MAX", "MIN"):
            return self.combine(name, operand(0), operand(1), expr)
        if name == "ABSOLUTE":
            return number(0), ABSOLUTE
        if name in ("DATA_SEGMENT_END", "DATA_SEGMENT_RELRO_END"):
            return operand(len(args) - 1)
        if name == "DATA_SEGMENT_ALIGN":
            maxpagesize = number(0)
            number(1)
            return self.relative(align_up(context.dot, maxpagesize)
                                 + (context.dot & (maxpagesize - 1)))
        if name == "LOG2CEIL":
            value = number(0)
            return (value - 1).bit_length() if value > 1 else 0, NUMBER
        if name == "ASSERT":
            value = operand(0)
            if self.address(value) == 0:
                raise ToolchainError(text(1), expr.location)
            return value
        if name == "DEFINED":
            return int(context.is_defined(text(0))), NUMBER
        if name == "CONSTANT":
            constant = text(0)
            if constant not in CONSTANTS:
                raise ToolchainError(f"unknown constant '{constant}' referenced in expression",
                                     expr.location)
            return context.constant(constant), NUMBER
        if name == "SIZEOF_HEADERS":
            return context.sizeof_headers(), NUMBER
        if name == "SEGMENT_START":
            return context.segment_start(text(0), number(1)), ABSOLUTE
        if name == "ADDR":
            context.section_address(text(0))          # an unknown name is an error
            return 0, text(0)
        queries = {"LOADADDR": (context.section_load_address, ABSOLUTE),
                   "SIZEOF": (context.section_size, NUMBER),
                   "ALIGNOF": (context.section_alignment, NUMBER),
                   "ORIGIN": (context.region_origin, ABSOLUTE),
                   "LENGTH": (context.region_length, NUMBER)}
        query, base = queries[name]
        return query(text(0)), base


_COMPARISONS = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b,
}

_ARITY: dict[str, tuple[int, ...]] = {
    "ALIGN": (1, 2), "BLOCK": (1,), "NEXT": (1,), "ABSOLUTE": (1,), "DATA_SEGMENT_END": (1,),
    "DATA_SEGMENT_RELRO_END": (2,), "DATA_SEGMENT_ALIGN": (2,), "MAX": (2,), "MIN": (2,),
    "LOG2CEIL": (1,), "ASSERT": (2,), "DEFINED": (1,), "CONSTANT": (1,), "SIZEOF_HEADERS": (0,),
    "SEGMENT_START": (2,), "ADDR": (1,), "LOADADDR": (1,), "SIZEOF": (1,), "ALIGNOF": (1,),
    "ORIGIN": (1,), "LENGTH": (1,),
}

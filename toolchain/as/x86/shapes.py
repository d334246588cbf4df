"""Instruction shapes: the facts about operands that decide the x86 row.

Matching an instruction against the opcode table is most of the encoder's
work, yet real code repeats a few thousand shapes, so the encoder remembers
the row chosen per shape (``shape_key``).  Also here: the constant tests the
matching shares with it (``immediate_field``, ``fits``, ``wrap``).  A rule of
row selection that depends on an operand's value must be visible in
``_constant_class`` -- or the encoder must not remember that choice.
"""

from __future__ import annotations

import functools

from ..expr import Expr, fold_constant
from ..instruction import FarPointer, Immediate, Indirect, Instruction, Memory, Operand, Register
from ..isa import EncodeContext
from .opcodes import FORMS, Form, OperandType
from .relocs import specifier_of


def wrap(value: int, bits: int) -> int:
    """``value`` as a signed ``bits``-bit number (addresses wrap in 16/32-bit modes)."""
    if bits == 64:
        return value
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value



def immediate_field(t: OperandType, form: Form) -> tuple[int, bool, int | None]:
    """(bits, sign-extended, operand width) of an immediate operand of a row."""
    bits = t.size or 8
    sign_extended = "sx" in form.flags or (bits == 32 and form.opsize == 64)
    return bits, sign_extended, (form.opsize or 32) if sign_extended else None


def fits(const: int, bits: int, sign_extended: bool, width: int | None) -> bool:
    """Whether a constant fits an immediate field (gas's Imm8S, Imm32S, Imm8...)."""
    if sign_extended:
        # gas: 0xffff is -1 for a 16-bit operand, 0x1ffff is not
        if 0 <= const < (1 << width) and const >> (width - 1):  # type: ignore[operator]
            const -= 1 << width                                  # type: ignore[operator]
        return -(1 << (bits - 1)) <= const < (1 << (bits - 1))
    return -(1 << (bits - 1)) <= const < (1 << bits)


# Instruction shapes
# ------------------
# Matching an instruction against the table and trying every matching row
# is most of the encoder's work, yet real code repeats a few thousand
# shapes.  A shape keeps every fact about the operands that row matching,
# the register checks and the encoded length depend on: register names,
# a memory operand's registers, size and displacement class, what an
# immediate constant fits, the relocation specifier of a symbolic value.
# Two instructions of one shape therefore match the same rows, and the
# same row gives the shortest encoding for both (or the same error).

# The immediate fields of the table: (bits, sign-extended, width), and the
# constants of "const" operands (the 1 of shift-by-one).
_IMMEDIATE_FIELDS = tuple(sorted({immediate_field(t, f) for f in FORMS for t in f.operands
                                  if t.kind == "imm"}, key=str))
_CONST_OPERANDS = tuple(sorted({t.size for f in FORMS for t in f.operands
                                if t.kind == "const"}))   # type: ignore[type-var]


@functools.lru_cache(maxsize=4096)
def _constant_class(const: int) -> tuple[bool, ...]:
    """What matching and encoding can tell about a constant immediate or
    displacement: which immediate fields it fits, whether it is a "const"
    operand, whether it is 0, a signed byte or a signed 32-bit value as
    written (the last decides 64-bit moffs forms, ``abs64``), and which
    displacement sizes it takes (disp8 at 16/32/64-bit addressing)."""
    return (tuple(fits(const, *field) for field in _IMMEDIATE_FIELDS)
            + tuple(const == c for c in _CONST_OPERANDS)
            + (const == 0, -128 <= const < 128, -(1 << 31) <= const < (1 << 31))
            + tuple(-128 <= wrap(const, bits) < 128 for bits in (16, 32, 64)))


def _value_class(e: Expr | None) -> object:
    if e is None:
        return None
    const = fold_constant(e)
    if const is not None:
        return _constant_class(const)
    spec = specifier_of(e)
    return "sym" if spec is None else (spec.specifier or "").upper()


def _operand_shape(op: Operand) -> object:
    """The shape of one operand (see above); None if it has no shape."""
    kind = type(op)
    if kind is Register:
        return op.name                                              # type: ignore[union-attr]
    if kind is Memory:
        return ("mem", op.size, op.scale, op.extend, op.writeback,  # type: ignore[union-attr]
                None if op.base is None else op.base.name,          # type: ignore[union-attr]
                None if op.index is None else op.index.name,        # type: ignore[union-attr]
                None if op.segment is None else op.segment.name,    # type: ignore[union-attr]
                _value_class(op.displacement))                      # type: ignore[union-attr]
    if kind is Immediate:
        return ("imm", _value_class(op.value))                      # type: ignore[union-attr]
    if kind is Indirect:
        return ("*", _operand_shape(op.target))                     # type: ignore[union-attr]
    if kind is FarPointer:
        return ("far", _value_class(op.segment), _value_class(op.offset))  # type: ignore
    if isinstance(op, Expr):
        return ("expr", _value_class(op))
    return None


def shape_key(insn: Instruction, name: str, ctx: EncodeContext, short: bool) -> tuple | None:
    shapes = tuple(_operand_shape(op) for op in insn.operands)
    if None in shapes:
        return None
    return (name, ctx.code_bits, ctx.code16gcc, short, insn.prefixes, shapes)

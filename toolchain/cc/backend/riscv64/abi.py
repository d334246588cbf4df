"""The RISC-V LP64D calling convention (RISC-V ELF psABI, "Procedure Calling
Convention": the integer convention, then the hardware floating-point one
with FLEN = 64).

Arguments go in eight integer registers a0-a7 and eight floating-point
registers fa0-fa7, then on the stack; results come back in a0/a1 and fa0/fa1.

The integer convention:

* a scalar of at most XLEN (64) bits takes one integer register, widened to
  XLEN (narrower integers by their type's sign up to 32 bits, then sign
  extended -- so ``unsigned int`` is sign-extended too);
* a 2xXLEN scalar (``__int128``, ``long double`` = IEEE binary128) takes a
  pair of registers, low half in the lower-numbered one; with one register
  left the low half goes there and the high half on the stack;
* an aggregate of at most 2xXLEN bits is passed like one or two XLEN words
  (the same pair and split rules); a larger one is passed by reference: the
  caller makes a copy and passes its address in its place;
* a variadic argument of 2xXLEN alignment (``__int128``, ``long double``,
  an aligned(16) struct) takes an *even* register pair, or the stack: the
  callee's register save area then reads it at a 16-byte aligned address;
* on the stack each argument is aligned to max(XLEN, its alignment) and
  takes a multiple of 8 bytes; the stack pointer is 16-byte aligned.

The floating-point convention, for named arguments only (variadic ones
always follow the integer convention):

* a float or double goes in the next fa register while there is one, else
  by the integer convention (in an integer register as its bits);
* a struct whose flattened fields (nested structs and arrays expanded,
  complex numbers as two parts) are one float/double, two float/doubles, or
  one float/double and one integer of at most XLEN bits is passed in one fa
  register, two fa registers, or one fa and one a register (in field order)
  -- when that many registers are left; otherwise by the integer
  convention.  This comes first: such a struct is passed in registers even
  when padding (an aligned(32) attribute) makes it larger than 2xXLEN, as
  gcc does.  Unions never qualify; ``long double`` is not a float here
  (FLEN is 64).

Results follow the argument rules with a0/a1 and fa0/fa1; a result larger
than 2xXLEN is written through a hidden pointer the caller passes in a0.
A variadic callee saves a0-a7 just below its incoming stack arguments, so
the named and variadic arguments form one array in memory and ``va_list``
is a plain pointer into it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir import Aggregate, Type
from .registers import ARGUMENT_FP, ARGUMENT_GP

XLEN = 8
SIZE = {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: 8,
        Type.I128: 16, Type.F32: 4, Type.F64: 8, Type.F128: 16}


@dataclass(frozen=True)
class Part:
    """A piece of a value: ``size`` bytes at byte ``offset`` of it, in register
    ``reg`` or, when ``reg`` is None, at ``stack_offset`` in the stack
    arguments.  ``float_reg``: an fa register holding a float (size 4) or a
    double (size 8)."""

    reg: str | None
    stack_offset: int
    offset: int
    size: int
    float_reg: bool = False


@dataclass(frozen=True)
class ArgLocation:
    parts: tuple[Part, ...] = ()
    by_reference: bool = False      # the parts carry the address of a copy

    @property
    def registers(self) -> list[str]:
        return [p.reg for p in self.parts if p.reg is not None]


@dataclass(frozen=True)
class CallLayout:
    arguments: tuple[ArgLocation, ...]
    stack_size: int                 # bytes of stack arguments, a multiple of 8
    gp_used: int                    # a registers taken by the named arguments
    hidden_return: bool             # the result goes through a pointer in a0


def fp_fields(agg: Aggregate) -> list[tuple[int, Type]] | None:
    """The fields of an aggregate the floating-point convention passes in
    registers: one or two, at least one of them float/double; else None."""
    if agg.is_union or not agg.fields:
        return None
    fields = sorted(set(agg.fields), key=lambda f: f[0])
    if len(fields) > 2:
        return None
    floats = [t for _, t in fields if t in (Type.F32, Type.F64)]
    ints = [t for _, t in fields if t.is_integer and t is not Type.I128]
    if not floats or len(floats) + len(ints) != len(fields):
        return None
    return fields


def is_by_reference(agg: Aggregate | None) -> bool:
    return agg is not None and agg.size > 2 * XLEN


def _alignment(ty: Type, agg: Aggregate | None) -> int:
    return agg.alignment if agg is not None else SIZE.get(ty, 8)


class _Allocator:
    def __init__(self, gp: int = 0):
        self.gp = gp
        self.fp = 0
        self.stack = 0

    def stack_slot(self, size: int, align: int) -> int:
        align = min(max(align, XLEN), 16)
        self.stack = (self.stack + align - 1) // align * align
        offset = self.stack
        self.stack += (size + XLEN - 1) // XLEN * XLEN
        return offset

    def integer(self, size: int, align: int, variadic: bool) -> tuple[Part, ...]:
        """The integer convention for ``size`` bytes (at most 2xXLEN)."""
        words = max(1, (size + XLEN - 1) // XLEN)
        if words == 2 and variadic and align == 2 * XLEN and self.gp % 2:
            self.gp += 1
        if self.gp + words <= 8:
            parts = tuple(Part(ARGUMENT_GP[self.gp + i], -1, XLEN * i, min(XLEN, size - XLEN * i)
                               if size else 0) for i in range(words))
            self.gp += words
            return parts
        if words == 2 and self.gp == 7:
            self.gp = 8
            return (Part("a7", -1, 0, XLEN), Part(None, self.stack_slot(XLEN, XLEN), XLEN,
                                                  size - XLEN))
        self.gp = 8
        offset = self.stack_slot(size, align)
        return tuple(Part(None, offset + XLEN * i, XLEN * i, min(XLEN, size - XLEN * i))
                     for i in range(words))

    def argument(self, ty: Type, agg: Aggregate | None, variadic: bool) -> ArgLocation:
        if agg is not None:
            if agg.size == 0:
                return ArgLocation()
            fields = None if variadic else fp_fields(agg)
            if fields is not None:
                n_fp = sum(1 for _, t in fields if t.is_float)
                n_gp = len(fields) - n_fp
                if self.fp + n_fp <= 8 and self.gp + n_gp <= 8:
                    parts = []
                    for offset, t in fields:
                        if t.is_float:
                            parts.append(Part(ARGUMENT_FP[self.fp], -1, offset, SIZE[t], True))
                            self.fp += 1
                        else:
                            parts.append(Part(ARGUMENT_GP[self.gp], -1, offset, SIZE[t]))
                            self.gp += 1
                    return ArgLocation(tuple(parts))
            if is_by_reference(agg):
                return ArgLocation(self.integer(XLEN, XLEN, variadic), True)
            return ArgLocation(self.integer(agg.size, agg.alignment, variadic))
        if ty in (Type.F32, Type.F64) and not variadic and self.fp < 8:
            self.fp += 1
            return ArgLocation((Part(ARGUMENT_FP[self.fp - 1], -1, 0, SIZE[ty], True),))
        return ArgLocation(self.integer(SIZE.get(ty, XLEN), _alignment(ty, agg), variadic))


def returns_in_memory(ty: Type, agg: Aggregate | None) -> bool:
    """As gcc decides it: a struct the floating-point convention returns in
    fa0/fa1 never is, whatever its size (an over-aligned one may pass 16)."""
    return is_by_reference(agg) and fp_fields(agg) is None


def layout_call(args: list[tuple[Type, Aggregate | None]],
                ret: tuple[Type, Aggregate | None] | None,
                fixed: int | None = None) -> CallLayout:
    """Where each argument goes; ``fixed``: the number of named arguments of a
    variadic call (None: all are named)."""
    hidden = ret is not None and returns_in_memory(*ret)
    alloc = _Allocator(1 if hidden else 0)
    locations = []
    gp_named = alloc.gp
    for i, (ty, agg) in enumerate(args):
        variadic = fixed is not None and i >= fixed
        locations.append(alloc.argument(ty, agg, variadic))
        if not variadic:
            gp_named = alloc.gp
    return CallLayout(tuple(locations), alloc.stack, gp_named, hidden)


def return_location(ty: Type, agg: Aggregate | None) -> ArgLocation | None:
    """The registers of a result (a0/a1, fa0/fa1), or None when it goes
    through the hidden pointer (or there is none)."""
    if ty is Type.VOID and agg is None:
        return ArgLocation()
    if returns_in_memory(ty, agg):
        return None
    return _Allocator().argument(ty, agg, False)


def stack_alignment(ty: Type, agg: Aggregate | None) -> int:
    """The alignment of a variadic argument in the argument area (va_arg)."""
    return 2 * XLEN if _alignment(ty, agg) >= 2 * XLEN else XLEN

"""The System V AMD64 calling convention (x86-64 psABI 1.0, section 3.2.3).

Every argument and return value is split into eightbytes, each given a class:
INTEGER (rdi rsi rdx rcx r8 r9 / rax rdx), SSE (xmm0-7 / xmm0 xmm1), SSEUP
(the upper half of the vector register the SSE eightbyte before it went to:
_Float128), X87 and X87UP (long double: on the stack as an argument, %st0 as a
result), COMPLEX_X87 (_Complex long double: on the stack, or %st0 real and
%st1 imaginary as a result), MEMORY (the stack; a MEMORY result goes through a
hidden pointer passed in rdi and handed back in rax) or NO_CLASS (padding:
nothing is passed for it).

Aggregates larger than two eightbytes, or with a member off its natural
alignment (packed), are MEMORY.  Otherwise each scalar leaf merges its class
into the eightbytes it covers: equal classes stay, NO_CLASS yields, MEMORY
wins, then INTEGER, then any X87 class makes MEMORY, else SSE -- so a union of
a float and an int is INTEGER.  The post-merger cleanup: any MEMORY makes all
MEMORY; X87UP not after X87 makes MEMORY; SSEUP not after SSE or SSEUP
becomes SSE.  A struct of size zero (GNU C) has no eightbytes and is not
passed at all.

An argument whose eightbytes do not all fit in the remaining registers goes
wholly to the stack (later, smaller ones may still take registers), in order,
each slot a multiple of 8 bytes and aligned to 8 or the type's alignment if
larger (16 for long double and __int128; a struct declared aligned(32) gets
32, as GCC does -- then the caller aligns %rsp to 32 for that call, since
va_arg rounds the address itself up, not its offset).  A variadic call sets
%al to the number of vector registers used.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir import Aggregate, Type
from .registers import ARGUMENT_GP, ARGUMENT_SSE

INTEGER, SSE, SSEUP, X87, X87UP, COMPLEX_X87, MEMORY, NO_CLASS = (
    "INTEGER", "SSE", "SSEUP", "X87", "X87UP", "COMPLEX_X87", "MEMORY", "NO_CLASS")

_SIZE = {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: 8,
         Type.I128: 16, Type.F32: 4, Type.F64: 8, Type.F80: 16, Type.F128: 16}
_X87_CLASSES = (X87, X87UP, COMPLEX_X87)
_ON_STACK = (MEMORY, X87, X87UP, COMPLEX_X87)


def _merge(a: str, b: str) -> str:
    if a == b:
        return a
    if a == NO_CLASS:
        return b
    if b == NO_CLASS:
        return a
    if MEMORY in (a, b):
        return MEMORY
    if INTEGER in (a, b):
        return INTEGER
    if a in _X87_CLASSES or b in _X87_CLASSES:
        return MEMORY
    return SSE


def classify_scalar(ty: Type) -> list[str]:
    """The classes of a scalar's eightbytes."""
    if ty is Type.F80:
        return [X87, X87UP]
    if ty is Type.F128:
        return [SSE, SSEUP]
    if ty is Type.I128:
        return [INTEGER, INTEGER]
    if ty.is_float:
        return [SSE]
    return [INTEGER]


def classify_aggregate(agg: Aggregate) -> list[str]:
    """The class of each eightbyte: [] for a zero-size struct, [COMPLEX_X87] for
    _Complex long double, [MEMORY] for one passed in memory."""
    if agg.size == 0:
        return []
    if agg.is_complex and agg.fields and agg.fields[0][1] is Type.F80:
        return [COMPLEX_X87]
    if agg.size > 16 or agg.has_unaligned:
        return [MEMORY]
    classes = [NO_CLASS] * ((agg.size + 7) // 8)
    for offset, ty in agg.fields:
        first = offset // 8
        parts = classify_scalar(ty)
        if not ty.is_float:             # an integer (a bit-field's unit) may straddle two
            parts = [INTEGER] * ((offset + _SIZE[ty] - 1) // 8 - first + 1)
        for i, c in enumerate(parts):
            if first + i < len(classes):
                classes[first + i] = _merge(classes[first + i], c)
    if MEMORY in classes:
        return [MEMORY]
    for i, c in enumerate(classes):
        if c == X87UP and (i == 0 or classes[i - 1] != X87):
            return [MEMORY]
        if c == SSEUP and (i == 0 or classes[i - 1] not in (SSE, SSEUP)):
            classes[i] = SSE
    return classes


def classify(ty: Type, agg: Aggregate | None) -> list[str]:
    return classify_aggregate(agg) if agg is not None else classify_scalar(ty)


@dataclass(frozen=True)
class ArgLocation:
    """Where one argument goes: ``regs`` pairs each eightbyte's register with its
    class ("" for an SSEUP or NO_CLASS eightbyte, which takes no register of its
    own); or, when ``stack_offset`` >= 0, that offset from the first stack argument
    (``size`` bytes); or neither, for an argument of no eightbytes."""

    regs: tuple[tuple[str, str], ...] = ()
    stack_offset: int = -1
    size: int = 0

    @property
    def on_stack(self) -> bool:
        return self.stack_offset >= 0


@dataclass(frozen=True)
class CallLayout:
    arguments: tuple[ArgLocation, ...]
    stack_size: int               # bytes of stack arguments (a multiple of 8)
    stack_alignment: int          # what %rsp must be aligned to at the call (16 or more)
    sse_used: int                 # vector registers used: %al in variadic calls
    gp_used: int
    hidden_return: bool           # the result goes through a pointer in rdi


def stack_alignment(ty: Type, agg: Aggregate | None) -> int:
    """The alignment of an argument's stack slot (and of its overflow-area slot)."""
    alignment = agg.alignment if agg is not None else _SIZE[ty]
    return max(alignment, 8)


def argument_size(ty: Type, agg: Aggregate | None) -> int:
    return agg.size if agg is not None else _SIZE[ty]


def layout_call(args: list[tuple[Type, Aggregate | None]],
                ret: tuple[Type, Aggregate | None] | None) -> CallLayout:
    gp = 0
    sse = 0
    hidden = ret is not None and return_registers(*ret) == "memory"
    if hidden:
        gp = 1
    locs = []
    stack = 0
    stack_align = 16
    for ty, agg in args:
        classes = classify(ty, agg)
        size = argument_size(ty, agg)
        if not classes:
            locs.append(ArgLocation((), -1, 0))
            continue
        need_gp = classes.count(INTEGER)
        need_sse = classes.count(SSE)
        if any(c in _ON_STACK for c in classes) or gp + need_gp > 6 or sse + need_sse > 8:
            align = stack_alignment(ty, agg)
            stack_align = max(stack_align, align)
            stack = (stack + align - 1) // align * align
            locs.append(ArgLocation((), stack, size))
            stack += (size + 7) // 8 * 8
            continue
        regs = []
        for c in classes:
            if c == INTEGER:
                regs.append((ARGUMENT_GP[gp], c))
                gp += 1
            elif c == SSE:
                regs.append((ARGUMENT_SSE[sse], c))
                sse += 1
            else:
                regs.append(("", c))          # SSEUP rides with the SSE before; NO_CLASS: nothing
        locs.append(ArgLocation(tuple(regs), -1, size))
    return CallLayout(tuple(locs), stack, stack_align, sse, gp, hidden)


def return_registers(ty: Type, agg: Aggregate | None) -> list[tuple[str, str]] | str:
    """The registers of a return value by eightbyte (empty for void or a zero-size
    struct), or "memory", "x87" (%st0) or "complex_x87" (%st0 and %st1)."""
    if ty is Type.VOID and agg is None:
        return []
    classes = classify(ty, agg)
    if classes == [MEMORY]:
        return "memory"
    if classes == [COMPLEX_X87]:
        return "complex_x87"
    if classes and classes[0] == X87:
        return "x87"
    ints = ["rax", "rdx"]
    sses = ["xmm0", "xmm1"]
    out = []
    for c in classes:
        if c == INTEGER:
            out.append((ints.pop(0), c))
        elif c == SSE:
            out.append((sses.pop(0), c))
        else:
            out.append(("", c))
    return out

"""The System V AMD64 calling convention (x86-64 psABI 1.0, section 3.2.3).

Every argument and return value is split into eightbytes, each classified
INTEGER (rdi rsi rdx rcx r8 r9 / rax rdx), SSE (xmm0-7 / xmm0 xmm1), X87
(long double: on the stack as an argument, %st0 as a return value) or MEMORY
(on the stack; a MEMORY return goes through a hidden pointer passed in rdi
and handed back in rax).  Aggregates are classified field by field: each
scalar leaf merges its class into the eightbyte it sits in (INTEGER wins
over SSE, MEMORY and X87 over everything), so a union of a float and an int
is INTEGER.  Larger than 16 bytes, or with a member not at its natural
alignment (packed), is MEMORY.  An argument whose eightbytes do not all fit
in the remaining registers goes wholly to the stack, in order, each slot
8-byte aligned (16 for long double, __int128 and 16-aligned structs).  A
variadic call sets %al to the number of vector registers used.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir import Aggregate, Type
from .registers import ARGUMENT_GP, ARGUMENT_SSE

INTEGER, SSE, X87, X87UP, MEMORY, NO_CLASS = "INTEGER", "SSE", "X87", "X87UP", "MEMORY", \
    "NO_CLASS"

_NATURAL = {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: 8,
            Type.I128: 16, Type.F32: 4, Type.F64: 8, Type.F80: 16, Type.F128: 16}
_SIZE = {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: 8,
         Type.I128: 16, Type.F32: 4, Type.F64: 8, Type.F80: 16, Type.F128: 16}


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
    if a in (X87, X87UP) or b in (X87, X87UP):
        return MEMORY
    return SSE


def classify_aggregate(agg: Aggregate) -> list[str]:
    """The class of each eightbyte, or [MEMORY]."""
    if agg.size > 16 or agg.size == 0 or agg.has_unaligned:
        return [MEMORY]
    classes = [NO_CLASS] * ((agg.size + 7) // 8)
    for offset, ty in agg.fields:
        if offset % min(_NATURAL[ty], 16):
            return [MEMORY]
        index = offset // 8
        if ty is Type.F80:
            parts = [X87, X87UP]
        elif ty in (Type.I128,):
            parts = [INTEGER, INTEGER]
        elif ty is Type.F128:
            parts = [SSE, SSE]       # SSE, SSEUP: passed in one vector register
        elif ty.is_float:
            parts = [SSE]
        else:
            parts = [INTEGER]
        for i, c in enumerate(parts):
            if index + i < len(classes):
                classes[index + i] = _merge(classes[index + i], c)
    if MEMORY in classes:
        return [MEMORY]
    for i, c in enumerate(classes):
        if c == X87UP and (i == 0 or classes[i - 1] != X87):
            return [MEMORY]
    return classes


def classify_scalar(ty: Type) -> list[str]:
    if ty is Type.F80:
        return [X87, X87UP]
    if ty is Type.I128:
        return [INTEGER, INTEGER]
    if ty.is_float:
        return [SSE]
    return [INTEGER]


@dataclass(frozen=True)
class ArgLocation:
    """Where one argument goes: ``regs`` pairs each eightbyte's register with
    its class; or, when ``regs`` is empty, ``stack_offset`` from the first
    stack argument (``size`` bytes)."""

    regs: tuple[tuple[str, str], ...] = ()
    stack_offset: int = -1
    size: int = 0


@dataclass(frozen=True)
class CallLayout:
    arguments: tuple[ArgLocation, ...]
    stack_size: int               # bytes of stack arguments (a multiple of 8)
    sse_used: int                 # for %al in variadic calls
    gp_used: int
    sse_regs_used: int
    hidden_return: bool           # the result goes through a pointer in rdi


def _arg_classes(ty: Type, agg: Aggregate | None) -> tuple[list[str], int, int]:
    """(classes, size, stack alignment)"""
    if agg is not None:
        cls = classify_aggregate(agg)
        if X87 in cls:
            cls = [MEMORY]
        return cls, agg.size, max(8, min(agg.alignment, 16))
    cls = classify_scalar(ty)
    if ty is Type.F80:
        return [MEMORY], 16, 16
    return cls, _SIZE[ty], 16 if ty is Type.I128 else 8


def layout_call(args: list[tuple[Type, Aggregate | None]],
                ret: tuple[Type, Aggregate | None] | None) -> CallLayout:
    gp = 0
    sse = 0
    hidden = False
    if ret is not None and ret[1] is not None and classify_aggregate(ret[1]) == [MEMORY]:
        hidden = True
        gp = 1
    locs = []
    stack = 0
    for ty, agg in args:
        classes, size, align = _arg_classes(ty, agg)
        need_gp = classes.count(INTEGER)
        need_sse = classes.count(SSE)
        if MEMORY in classes or gp + need_gp > 6 or sse + need_sse > 8:
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
                regs.append(("", c))          # NO_CLASS padding: nothing passed
        locs.append(ArgLocation(tuple(regs), -1, size))
    return CallLayout(tuple(locs), stack, sse, gp, sse, hidden)


def return_registers(ty: Type, agg: Aggregate | None) -> list[tuple[str, str]] | str:
    """The registers of a return value by eightbyte, or "memory" / "x87"."""
    if ty is Type.VOID and agg is None:
        return []
    classes = classify_aggregate(agg) if agg is not None else classify_scalar(ty)
    if classes == [MEMORY]:
        return "memory"
    if classes[0] == X87:
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

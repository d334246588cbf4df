"""The SysV i386 calling convention (i386 psABI 1.1, section 2.2), cdecl.

Every argument goes on the stack, in order from the lowest address up, each
in a 4-byte-aligned slot whose size is rounded up to 4: char and short take
a whole word (the callee reads only its bytes), long long and double two,
long double (12 bytes on i386) three, a struct its size rounded up.  At the
``call`` the stack pointer is 16-byte aligned (what GCC's Linux code keeps
and expects), so the argument area is rounded up to 16.

Results: integers and pointers in eax, long long in edx:eax, float, double
and long double in the x87's st(0) (the caller pops it even when unused).
Every struct and union -- on Linux even the small ones -- goes through
memory: the caller passes the buffer's address as a hidden first argument,
the callee returns it in eax and pops it itself (``ret $4``).

``-mregparm=N`` (the Linux kernel's convention, N <= 3) passes the first
integer arguments in eax, edx, ecx instead: a scalar of up to 4 bytes takes
one register, a long long two (when both are left); floating values and
structs stay on the stack, and a variadic function takes none.  The hidden
struct pointer then travels in eax and the callee does not pop it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir import Aggregate, Type
from .registers import REGPARM

SIZE = {Type.I1: 4, Type.I8: 4, Type.I16: 4, Type.I32: 4, Type.PTR: 4, Type.I64: 8,
        Type.F32: 4, Type.F64: 8, Type.F80: 12}


@dataclass(frozen=True)
class ArgLocation:
    """One argument: ``regs`` (regparm) or ``stack_offset`` from the first
    stack argument, ``size`` bytes (a multiple of 4)."""

    regs: tuple[str, ...] = ()
    stack_offset: int = -1
    size: int = 0


@dataclass(frozen=True)
class CallLayout:
    arguments: tuple[ArgLocation, ...]
    stack_size: int                 # bytes of stack arguments (a multiple of 4)
    hidden_return: bool             # a struct result: the buffer's address goes first
    hidden_reg: str | None          # ... in this register (regparm), else on the stack
    callee_pops: int                # bytes the callee pops (the stacked hidden pointer)


def arg_size(ty: Type, agg: Aggregate | None) -> int:
    if agg is not None:
        return (agg.size + 3) // 4 * 4
    return SIZE[ty]


def layout_call(args: list[tuple[Type, Aggregate | None]], returns_aggregate: bool,
                regparm: int = 0, variadic: bool = False) -> CallLayout:
    free = list(REGPARM[:regparm]) if not variadic else []
    stack = 0
    hidden_reg = None
    if returns_aggregate:
        if free:
            hidden_reg = free.pop(0)
        else:
            stack = 4
    locs = []
    for ty, agg in args:
        size = arg_size(ty, agg)
        words = size // 4
        if agg is None and not ty.is_float and words <= len(free):
            locs.append(ArgLocation(tuple(free[:words]), -1, size))
            del free[:words]
            continue
        locs.append(ArgLocation((), stack, size))
        stack += size
    pops = 4 if returns_aggregate and hidden_reg is None else 0
    return CallLayout(tuple(locs), stack, returns_aggregate, hidden_reg, pops)


def return_kind(ty: Type, agg: Aggregate | None) -> str:
    """"void", "int" (eax), "pair" (edx:eax), "x87" (st0) or "memory"."""
    if agg is not None:
        return "memory"
    if ty is Type.VOID:
        return "void"
    if ty is Type.I64:
        return "pair"
    if ty.is_float:
        return "x87"
    return "int"

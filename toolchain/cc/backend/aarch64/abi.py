"""The AAPCS64 calling convention (Arm's "Procedure Call Standard for the Arm
64-bit Architecture", aapcs64, section 6.8 "Parameter passing"), Linux flavour.

Arguments are assigned in order, with three counters: NGRN (next general
register, x0-x7), NSRN (next SIMD/FP register, v0-v7) and NSAA (next
stacked argument address, from the caller's sp at the call):

* A Homogeneous Floating-point Aggregate (HFA: a struct, union or array of
  one to four members of the same floating type -- float, double or long
  double -- at consecutive positions; _Complex is an HFA of two) goes in
  consecutive v registers, one member each, when NSRN + members <= 8.
  Otherwise NSRN becomes 8 and the HFA goes to the stack in its memory
  layout, NSAA aligned to 8 (16 for long double members).
* A float, double or long double (binary128, in a q register) takes one v
  register; on the stack an 8-byte slot (16, 16-aligned, for long double).
* A composite larger than 16 bytes that is not an HFA is copied by the
  caller to memory and replaced by a pointer to the copy (an integer
  argument).
* __int128 and composites aligned to 16 start at an even NGRN (x0, x2...);
  a composite's alignment here is its members' (an aligned attribute on the
  struct itself does not count, as in GCC).
  An integer or composite of n doublewords goes in n consecutive x
  registers when NGRN + n <= 8; otherwise NGRN becomes 8 (no splitting
  between registers and stack) and it goes to the stack, NSAA aligned to
  8 or 16, size rounded up to 8.
* Variadic arguments are passed exactly like named ones (Linux; Apple
  differs).

Results: an HFA in v0-v3, a float in v0, an integer or composite of at most
16 bytes in x0/x1, __int128 in x0:x1; anything else in memory the caller
provides, its address passed in x8 (the indirect result register, which
the callee need not hand back).  A zero-size struct (GNU C) is neither
passed nor returned.

va_list (aapcs64 "Appendix: Variable argument lists") is
``struct { void *__stack, *__gr_top, *__vr_top; int __gr_offs, __vr_offs; }``:
a variadic callee saves x0-x7 (64 bytes, __gr_top its end) and q0-q7 (128
bytes, __vr_top its end); the offsets are negative while registers remain.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...ir import Aggregate, Type
from .registers import ARGUMENT_FP, ARGUMENT_GP

_SIZE = {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: 8,
         Type.I128: 16, Type.F32: 4, Type.F64: 8, Type.F128: 16}


def hfa(agg: Aggregate | None) -> tuple[Type, int] | None:
    """(member type, member count) when ``agg`` is an HFA, else None."""
    if agg is None or not agg.fields or agg.size == 0:
        return None
    types = {ty for _, ty in agg.fields}
    if len(types) != 1:
        return None
    (ty,) = types
    if ty not in (Type.F32, Type.F64, Type.F128):
        return None
    size = _SIZE[ty]
    if agg.size % size:
        return None
    count = agg.size // size
    offsets = {off for off, _ in agg.fields}
    if count > 4 or offsets != {size * i for i in range(count)}:
        return None
    return ty, count


def natural_alignment(agg: Aggregate) -> int:
    """A composite's alignment as the ABI sees it: its members' largest (GCC
    ignores an aligned attribute on the struct type itself here)."""
    return max((_SIZE[ty] for _, ty in agg.fields), default=1)


def by_reference(agg: Aggregate | None) -> bool:
    """A composite the caller passes as a pointer to a copy."""
    return agg is not None and agg.size > 16 and hfa(agg) is None


@dataclass(frozen=True)
class ArgLocation:
    """Where one argument goes.  ``kind``: "gp" (``regs`` are x registers, one per
    doubleword), "fp" (``regs`` are v registers, one per HFA member or the
    scalar), "stack" (``stack_offset`` bytes above sp at the call, ``size``
    bytes), or "none" (a zero-size struct).  ``indirect``: the argument is a
    pointer to a caller copy of the composite."""

    kind: str
    regs: tuple[str, ...] = ()
    stack_offset: int = -1
    size: int = 0
    indirect: bool = False
    member: Type | None = None      # HFA member type (or the float scalar's type)


@dataclass(frozen=True)
class CallLayout:
    arguments: tuple[ArgLocation, ...]
    stack_size: int               # bytes of stack arguments, a multiple of 16
    gp_used: int                  # NGRN after the named arguments
    fp_used: int                  # NSRN
    indirect_result: bool         # the result goes to memory at x8


def layout_call(args: list[tuple[Type, Aggregate | None]],
                ret: tuple[Type, Aggregate | None] | None) -> CallLayout:
    ngrn = nsrn = nsaa = 0
    locs = []
    for ty, agg in args:
        if agg is not None and agg.size == 0:
            locs.append(ArgLocation("none"))
            continue
        h = hfa(agg)
        if ty.is_float and agg is None:
            h = (ty, 1)
        if h is not None:
            member, count = h
            if nsrn + count <= 8:
                locs.append(ArgLocation("fp", ARGUMENT_FP[nsrn:nsrn + count],
                                        size=count * _SIZE[member], member=member))
                nsrn += count
                continue
            nsrn = 8
            size = count * _SIZE[member] if agg is not None else max(_SIZE[member], 8)
            align = 16 if member is Type.F128 else 8
            nsaa = (nsaa + align - 1) // align * align
            locs.append(ArgLocation("stack", stack_offset=nsaa, size=size, member=member))
            nsaa += (size + 7) // 8 * 8
            continue
        indirect = by_reference(agg)
        if indirect:
            size, align = 8, 8
        else:
            size = agg.size if agg is not None else _SIZE[ty]
            align = natural_alignment(agg) if agg is not None else _SIZE[ty]
        words = (size + 7) // 8
        if align >= 16:
            ngrn = (ngrn + 1) // 2 * 2
        if ngrn + words <= 8:
            locs.append(ArgLocation("gp", ARGUMENT_GP[ngrn:ngrn + words], size=size,
                                    indirect=indirect))
            ngrn += words
            continue
        ngrn = 8
        align = 16 if align >= 16 else 8
        nsaa = (nsaa + align - 1) // align * align
        locs.append(ArgLocation("stack", stack_offset=nsaa, size=size, indirect=indirect))
        nsaa += words * 8
    indirect_result = ret is not None and return_location(*ret) == "memory"
    return CallLayout(tuple(locs), (nsaa + 15) // 16 * 16, ngrn, nsrn, indirect_result)


def return_location(ty: Type, agg: Aggregate | None):
    """How a result comes back: ("gp", n doublewords), ("fp", member type, count),
    "memory", or None (void, zero-size struct)."""
    if agg is None:
        if ty is Type.VOID:
            return None
        if ty.is_float:
            return ("fp", ty, 1)
        return ("gp", 2 if ty is Type.I128 else 1)
    if agg.size == 0:
        return None
    h = hfa(agg)
    if h is not None:
        return ("fp", h[0], h[1])
    if agg.size > 16:
        return "memory"
    return ("gp", (agg.size + 7) // 8)

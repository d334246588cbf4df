"""System V AMD64 argument classification (psABI 3.2.3), rule by rule.

Each row is a C type as the lowering describes it (an Aggregate: size,
alignment, scalar leaves) and the eightbyte classes the psABI gives it; then
a few call layouts (which register or stack offset each argument gets).
test_abi_interop.py checks the same rules end to end against gcc.
"""

from __future__ import annotations

import pytest

from toolchain.cc.backend.x86_64.abi import (classify_aggregate, layout_call,
                                             return_registers)
from toolchain.cc.ir import Aggregate, Type

I8, I16, I32, I64, I128, PTR = Type.I8, Type.I16, Type.I32, Type.I64, Type.I128, Type.PTR
F32, F64, F80, F128 = Type.F32, Type.F64, Type.F80, Type.F128


def agg(size, align, *fields, union=False, unaligned=False, complex_=False):
    return Aggregate(size, align, tuple(fields), union, unaligned, "", complex_)


CLASSES = [
    # (what, aggregate, classes)
    ("struct {float, float}", agg(8, 4, (0, F32), (4, F32)), ["SSE"]),
    ("struct {float, int}", agg(8, 4, (0, F32), (4, I32)), ["INTEGER"]),
    ("struct {double, int}", agg(16, 8, (0, F64), (8, I32)), ["SSE", "INTEGER"]),
    ("struct {char, double}", agg(16, 8, (0, I8), (8, F64)), ["INTEGER", "SSE"]),
    ("struct {float[3]}", agg(12, 4, (0, F32), (4, F32), (8, F32)), ["SSE", "SSE"]),
    ("union {float, int}", agg(4, 4, (0, F32), (0, I32), union=True), ["INTEGER"]),
    ("union {double, float}", agg(8, 8, (0, F64), (0, F32), union=True), ["SSE"]),
    ("struct {long double}", agg(16, 16, (0, F80)), ["X87", "X87UP"]),
    ("union {long double, int}: X87UP not after X87",
     agg(16, 16, (0, F80), (0, I32), union=True), ["MEMORY"]),
    ("struct {long double, int}: more than two eightbytes",
     agg(32, 16, (0, F80), (16, I32)), ["MEMORY"]),
    ("struct {__int128}", agg(16, 16, (0, I128)), ["INTEGER", "INTEGER"]),
    ("struct {_Float128}", agg(16, 16, (0, F128)), ["SSE", "SSEUP"]),
    ("packed struct {char, int}", agg(5, 1, (0, I8), (1, I32), unaligned=True), ["MEMORY"]),
    ("struct {} (GNU C)", agg(0, 1), []),
    ("struct {char} aligned(16): NO_CLASS padding", agg(16, 16, (0, I8)),
     ["INTEGER", "NO_CLASS"]),
    ("_Complex float", agg(8, 4, (0, F32), (4, F32), complex_=True), ["SSE"]),
    ("_Complex double", agg(16, 8, (0, F64), (8, F64), complex_=True), ["SSE", "SSE"]),
    ("_Complex long double", agg(32, 16, (0, F80), (16, F80), complex_=True),
     ["COMPLEX_X87"]),
    ("struct {long double _Complex}", agg(32, 16, (0, F80), (16, F80)), ["MEMORY"]),
    ("struct {int64 : 60 bit-field unit, char}", agg(16, 8, (0, I64), (8, I8)),
     ["INTEGER", "INTEGER"]),
]


@pytest.mark.parametrize("what,aggregate,expected", CLASSES, ids=[c[0] for c in CLASSES])
def test_classify(what, aggregate, expected):
    assert classify_aggregate(aggregate) == expected


def test_return_places():
    assert return_registers(Type.PTR, agg(16, 8, (0, F64), (8, I32))) == \
        [("xmm0", "SSE"), ("rax", "INTEGER")]
    assert return_registers(Type.PTR, agg(16, 8, (0, I64), (8, F64))) == \
        [("rax", "INTEGER"), ("xmm0", "SSE")]
    assert return_registers(Type.PTR, agg(16, 16, (0, F80))) == "x87"
    assert return_registers(Type.PTR, agg(32, 16, (0, F80), (16, F80), complex_=True)) == \
        "complex_x87"
    assert return_registers(Type.PTR, agg(24, 8, (0, I64), (8, I64), (16, I64))) == "memory"
    assert return_registers(Type.PTR, agg(0, 1)) == []


def test_layout_registers_run_out():
    # six INTEGER registers: the 16-byte struct needing two of the last one goes to the
    # stack whole, and the int after it still takes r9
    two_longs = agg(16, 8, (0, I64), (8, I64))
    layout = layout_call([(I32, None)] * 5 + [(PTR, two_longs), (I32, None)], None)
    assert [a.regs[0][0] for a in layout.arguments[:5]] == ["rdi", "rsi", "rdx", "rcx", "r8"]
    assert layout.arguments[5].regs == () and layout.arguments[5].stack_offset == 0
    assert layout.arguments[6].regs == (("r9", "INTEGER"),)
    assert layout.stack_size == 16


def test_layout_hidden_pointer_and_stack_alignment():
    big = agg(24, 8, (0, I64), (8, I64), (16, I64))
    layout = layout_call([(I64, None), (F80, None), (I64, None), (F80, None)], (PTR, big))
    assert layout.hidden_return
    assert layout.arguments[0].regs == (("rsi", "INTEGER"),)     # rdi holds the result's address
    assert [a.stack_offset for a in layout.arguments[1::2]] == [0, 16]
    assert layout.stack_size == 32 and layout.stack_alignment == 16


def test_layout_over_aligned_and_empty():
    empty = agg(0, 1)
    aligned32 = agg(32, 32, (0, I32))
    layout = layout_call([(PTR, empty)] + [(I64, None)] * 7 + [(PTR, aligned32)], None)
    assert layout.arguments[0].regs == () and not layout.arguments[0].on_stack
    assert layout.arguments[1].regs == (("rdi", "INTEGER"),)
    assert layout.arguments[7].stack_offset == 0
    assert layout.arguments[8].stack_offset == 32
    assert layout.stack_alignment == 32


def test_variadic_vector_count():
    layout = layout_call([(I32, None), (F64, None), (PTR, agg(16, 8, (0, F64), (8, F64)))],
                         None)
    assert layout.sse_used == 3 and layout.gp_used == 1

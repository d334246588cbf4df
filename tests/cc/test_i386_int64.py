"""long long on i386 with constant operands, checked against Python's arithmetic.

The i386 back end selects 64-bit operations with a constant operand half by
half (a half of 0 or -1 folded, a product by a constant through ``imull $n``,
a comparison whose constant has a low half of 0 through the high halves
alone, an extension times an extension as one ``mull``/``imull``); and a
narrower ``and`` compared with 0 is a ``test`` of a byte or word.  Each
function below applies one operation to a value it cannot see through
(a ``volatile`` array); the program prints every result, and Python computes
what it must print.  The edges are the values where halves carry or borrow.
"""

from __future__ import annotations

import os
import platform

import pytest

from pccrun import execute, ok

pytestmark = pytest.mark.skipif(platform.machine() != "x86_64" or os.name != "posix",
                                reason="runs i386 Linux executables natively on x86-64")

MASK = (1 << 64) - 1
VALUES = [0, 1, 2, 5, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0x100000000, 0x100000001,
          0x4FFFFFFFF, 0x500000000, 0x500000001, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000,
          0xFFFFFFFF00000000, 0xFFFFFFFF7FFFFFFF, 0xFFFFFFFFFFFFFFFE, MASK]
CONSTANTS = [0, 1, -1, 5, 0xFFFFFFFF, 0x100000000, 0x500000000, 0x100000003, 0xFFFFFFFF00000000,
             -0x500000000, 0x7FFFFFFFFFFFFFFF, 1103515245]
COMPARISONS = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b,
               "<": lambda a, b: a < b, "<=": lambda a, b: a <= b,
               ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}
ARITHMETIC = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
              "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b}


def _signed(n: int, bits: int = 64) -> int:
    n &= (1 << bits) - 1
    return n - (1 << bits) if n >> (bits - 1) else n


def _cases():
    """(C expression of x, a function giving the unsigned 64-bit result)."""
    cases = []
    for c in CONSTANTS:
        lit = f"{c & MASK:#x}ULL"
        for op, f in ARITHMETIC.items():
            cases.append((f"x {op} {lit}", lambda x, f=f, c=c: f(x, c & MASK) & MASK))
        for op, f in COMPARISONS.items():
            cases.append((f"x {op} {lit}", lambda x, f=f, c=c: int(f(x, c & MASK))))
            cases.append((f"(s64)x {op} (s64){lit}",
                          lambda x, f=f, c=c: int(f(_signed(x), _signed(c)))))
            cases.append((f"((s64)x {op} (s64){lit} ? 11 : 22)",
                          lambda x, f=f, c=c: 11 if f(_signed(x), _signed(c)) else 22))
    for n in (1, 5, 31, 32, 33, 63):
        cases.append((f"x << {n}", lambda x, n=n: (x << n) & MASK))
        cases.append((f"x >> {n}", lambda x, n=n: x >> n))
        cases.append((f"(u64)((s64)x >> {n})", lambda x, n=n: (_signed(x) >> n) & MASK))
    for n in (0, 1, 31, 32, 33, 63):            # counts the compiler cannot see
        cases.append((f"x << (zero + {n})", lambda x, n=n: (x << n) & MASK))
        cases.append((f"x >> (zero + {n})", lambda x, n=n: x >> n))
        cases.append((f"(u64)((s64)x >> (zero + {n}))", lambda x, n=n: (_signed(x) >> n) & MASK))
    for c in (0, 3, -7, 0x7FFFFFFF, -0x80000000):
        cases.append((f"(s64)(int)x * {c}", lambda x, c=c: (_signed(x, 32) * c) & MASK))
    for c in (0, 3, 0xFFFFFFFF):
        cases.append((f"(u64)(unsigned)x * {c}u", lambda x, c=c: ((x & 0xFFFFFFFF) * c) & MASK))
    cases.append(("(s64)(int)x * (int)(x >> 32)",
                  lambda x: (_signed(x, 32) * _signed(x >> 32, 32)) & MASK))
    cases.append(("(u64)(unsigned)x * (unsigned)(x >> 32)",
                  lambda x: ((x & 0xFFFFFFFF) * (x >> 32)) & MASK))
    cases.append(("x * (x >> 7)", lambda x: (x * (x >> 7)) & MASK))
    # values with a high half known to be 0
    low = lambda x: x & 0xFFFFFFFF                  # noqa: E731
    for c in (0, 5, 0x80000000, 0x100000000):
        for op, f in COMPARISONS.items():
            cases.append((f"(s64)(x & 0xffffffffULL) {op} {c}LL",
                          lambda x, f=f, c=c: int(f(low(x), c))))
            cases.append((f"(x >> 40) {op} {c}ULL", lambda x, f=f, c=c: int(f(x >> 40, c))))
    cases.append(("((x & 0xffffffffULL) | 0x500000000ULL) ^ 0x300000007ULL",
                  lambda x: (low(x) | 0x500000000) ^ 0x300000007))
    cases.append(("(x << 32) == 0", lambda x: int(low(x) == 0)))
    # narrower bit tests (an and whose one use is == 0 becomes testb/testw/testl)
    for c in (1, 0x80, 0x100, 0x8000, 0x10000, 0x80000000):
        cases.append((f"((unsigned)x & {c:#x}u) == 0", lambda x, c=c: int(low(x) & c == 0)))
        cases.append((f"((unsigned short)x & {c:#x}) != 0",
                      lambda x, c=c: int(x & 0xFFFF & c != 0)))
        cases.append((f"((signed char)x & {c:#x}) != 0",
                      lambda x, c=c: int(_signed(x, 8) & c != 0)))
    return cases


def _program(cases) -> str:
    lines = ["#include <stdio.h>",
             "typedef unsigned long long u64; typedef long long s64;",
             "static volatile int zero;",
             "static volatile u64 values[] = {" +
             ", ".join(f"{v:#x}ULL" for v in VALUES) + "};"]
    for i, (expr, _) in enumerate(cases):
        lines.append(f"__attribute__((noinline)) u64 f{i}(u64 x) {{ return {expr}; }}")
        # the same operation as a branch's condition
        lines.append(f"__attribute__((noinline)) int g{i}(u64 x) {{ if ({expr}) return 3; "
                     f"return 4; }}")
    n = len(cases)
    lines.append("static u64 (*const f[])(u64) = {" + ", ".join(f"f{i}" for i in range(n)) + "};")
    lines.append("static int (*const g[])(u64) = {" + ", ".join(f"g{i}" for i in range(n)) + "};")
    lines.append("int main(void) {")
    lines.append(f"  for (unsigned i = 0; i < {len(VALUES)}; i++)")
    lines.append(f"    for (unsigned k = 0; k < {n}; k++)")
    lines.append('      printf("%llx %d\\n", f[k](values[i]), g[k](values[i]));')
    lines.append("  return 0;\n}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("level", ["-O1", "-Os"])
def test_int64_constant_operands(tmp_path, level):
    cases = _cases()
    (tmp_path / "i.c").write_text(_program(cases))
    ok("-m32", level, "i.c", "-o", "i", cwd=tmp_path)
    expected = []
    for x in VALUES:
        for _, f in cases:
            r = f(x)
            expected.append(f"{r:x} {3 if r else 4}")
    status, out = execute(tmp_path / "i")
    assert status == 0
    got = out.splitlines()
    assert len(got) == len(expected)
    wrong = [(VALUES[k // len(cases)], cases[k % len(cases)][0], g, e)
             for k, (g, e) in enumerate(zip(got, expected)) if g != e]
    assert not wrong, wrong[:10]

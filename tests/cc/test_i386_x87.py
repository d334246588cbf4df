"""The i386 back end's x87 code (backend/i386/floats.py): results kept in %st(0),
loads left to their users, memory operands, fldz/fld1, shared slots.

A program exercising each arrangement of operands (in %st(0), in memory,
constants, long double) runs at every level and must print what GCC's i386
build of it prints; its values are exact in every format, so excess
precision cannot tell the two apart.  Loads and stores that alias check that
no load is moved past a store.  The -S checks pin the shapes that make the
code small: ``flds (%eax)`` rather than a copy through a general register
and a slot, arithmetic reading memory, no slot between the operations of
one expression.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess

import pytest

from pccrun import execute, ok

pytestmark = pytest.mark.skipif(platform.machine() != "x86_64" or os.name != "posix",
                                reason="runs i386 Linux executables natively on x86-64")

GCC32 = shutil.which("i686-linux-gnu-gcc")

PROGRAM = r"""
#include <stdarg.h>
#include <stdio.h>

double d3 = 3.0, d5 = 5.0;
float f2 = 2.0f;
long double l7 = 7.0L;
volatile double vd[4] = {1.0, 2.0, 4.0, 8.0};

__attribute__((noinline)) double mix(double a, double b, float c, long double e) {
    double x = (a - b) * (b - a) / (c + 1.0);           /* both operands on the stack */
    double y = 1.0 - a * 0.0 + (b / 2.0 - c);           /* fld1, fldz, reversed forms */
    long double z = (e - a) / (e + b) - (e * 2.0L);
    return x + y + (double)z - (a - (b - c));
}

__attribute__((noinline)) double alias(double *p, double *q) {
    double a = *p;
    *q = 10.0;                          /* p == q: a keeps the old value */
    return a + *p;
}

__attribute__((noinline)) float alias_f(float *p, int *q) {
    float a = *p;
    *q = 0;
    return a * 2.0f;
}

__attribute__((noinline)) int cmp(double a, double b) {
    return (a < b) | (a <= b) << 1 | (a > b) << 2 | (a >= b) << 3 | (a == b) << 4 |
           (a != b) << 5 | (-a < b) << 6 | (a * 2 > b + 1) << 7 | (b - 1 == a) << 8;
}

__attribute__((noinline)) int branches(float *x, float *y, int n) {
    int c = 0;
    for (int i = 0; i < n; i++) {
        if (x[i] == y[i]) c += 1;
        if (x[i] * 2 < y[i] + 1) c += 10;
        if (!(x[i] != y[i] - 1)) c += 100;
    }
    return c;
}

__attribute__((noinline)) double sum(int n, ...) {
    va_list ap;
    double s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        double v = va_arg(ap, double);
        s += v * v - v;
    }
    va_end(ap);
    return s;
}

__attribute__((noinline)) double twice(double v) { return v + v; }

int main(void) {
    double nan = 0.0 / 0.0;
    float xs[4] = {1, 2, 3, 4}, ys[4] = {1, 3, 3, 5};
    double same = 4.0;
    long long big = -(1LL << 40);
    unsigned u = 3000000000u;
    printf("%.6g %.6g\n", mix(3, 5, 2, 7), mix(-1.5, 0.25, 8, 0.5L));
    printf("%g %g\n", alias(&same, &same), (double)alias_f(&f2, (int *)&f2));
    printf("%d %d %d %d\n", cmp(1, 2), cmp(2, 2), cmp(3, 2), cmp(nan, 2));
    printf("%d %d\n", cmp(2, nan), branches(xs, ys, 4));
    printf("%g %g\n", sum(3, 1.0, 2.0, 4.0), twice(d3) * twice(d5) - twice(-d3));
    printf("%g %g %g\n", (double)big, (double)u, (double)(float)(unsigned long long)big);
    printf("%d %u %lld %llu\n", (int)(-d5 * 3.5), (unsigned)(d5 * 1e9),
           (long long)(l7 * -1e15L), (unsigned long long)(d3 * 4e18));
    printf("%g %g\n", vd[0] + vd[1] * vd[2] - vd[3], (double)(-l7 + f2));
    return 0;
}
"""


def gcc_output(tmp_path) -> tuple[int, str]:
    subprocess.run([GCC32, "-O0", "-static", "p.c", "-o", "ref"], cwd=tmp_path, check=True)
    return execute(tmp_path / "ref")


@pytest.mark.skipif(GCC32 is None, reason="needs i686-linux-gnu-gcc (the oracle)")
@pytest.mark.parametrize("target", ["-m32", "-m16"])
def test_x87_program_matches_gcc(tmp_path, target):
    (tmp_path / "p.c").write_text(PROGRAM)
    expected = gcc_output(tmp_path)
    assert expected[0] == 0 and "nan" not in expected[1]
    if target == "-m16":            # compiled only: x86-16 code runs in tests/x86_16
        for level in ("-O1", "-Os"):
            ok("-m16", level, "-c", "p.c", "-o", "p16.o", cwd=tmp_path)
        return
    for level in ("-O0", "-O1", "-Os"):
        ok("-m32", level, "p.c", "-o", "ours", cwd=tmp_path)
        assert execute(tmp_path / "ours") == expected, level


def assembly(tmp_path, source: str, *flags: str) -> str:
    (tmp_path / "s.c").write_text(source)
    ok("-m32", "-Os", *flags, "-S", "s.c", "-o", "s.s", cwd=tmp_path)
    return (tmp_path / "s.s").read_text()


def test_load_is_read_by_its_user(tmp_path):
    s = assembly(tmp_path, "int f(float *x, float *y) { return *x == *y; }\n")
    assert re.search(r"flds \d*\(%e[a-d]x\)", s)
    assert not re.search(r"movl \d*\(%e[a-d]x\), %e", s)      # no copy through a register


def test_expression_stays_on_the_stack(tmp_path):
    s = assembly(tmp_path, "double f(double a, double b, double *p)\n"
                           "{ return (a * b + *p) / (a - 1.0); }\n")
    body = s[s.index("f:"):]
    assert re.search(r"fmull \d+\(%e[bs]p\)", body)          # memory operands
    assert re.search(r"faddl \d*\(%e[a-d]x\)", body)
    assert "fld1" in body
    # one intermediate goes to a slot at most (the left operand of the division)
    assert len(re.findall(r"fstpl -\d+\(%ebp\)", body)) <= 1


def test_store_from_the_stack(tmp_path):
    s = assembly(tmp_path, "void f(double *d, float *x, int i) { x[i] = d[i] * 2; }\n")
    assert re.search(r"fstps \(?[^,]*%e[a-d]x", s)
    assert "fstpl" not in s                                 # no slot in between

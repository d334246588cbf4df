"""The AArch64 back end: focused C programs compiled by pcc, linked by
aarch64-linux-gnu-gcc -static against Debian's glibc, run under qemu-aarch64,
and compared with the same program built by the cross gcc.

Each program covers one area the back end owns: calls with every AAPCS64
argument class (integers past x7, floats past v7, HFAs of float, double and
long double, composites of 1..16 bytes, composites over 16 bytes passed by
reference, __int128 in even register pairs, results in x0/x1, v0-v3 and
through x8), variadic functions with va_arg of every type and va_copy,
binary128 long double arithmetic, __int128, switch (jump tables and compare
chains), computed goto, bit-fields, TLS, large frames, alloca and VLAs,
inline asm with GCC's aarch64 constraints and modifiers.

The ABI programs are split in two halves (``-DPART=1``: the callees,
``-DPART=2``: the callers and main) and linked in every pcc/gcc
combination, so both sides of each call are checked against gcc.  Every
program's ``-S`` text, assembled by pas, must give the same object bytes as
``-c``.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest

GCC = "aarch64-linux-gnu-gcc"
QEMU = "qemu-aarch64"
TARGET = "--target=aarch64-linux-gnu"

pytestmark = pytest.mark.skipif(shutil.which(GCC) is None or shutil.which(QEMU) is None,
                                reason=f"needs {GCC} and {QEMU} (scripts/test installs them)")


def pcc(args: list) -> tuple[int, str]:
    from toolchain.cc.cli import run
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = run([str(a) for a in args])
    return status, err.getvalue()


def compile_pcc(src: Path, out: Path, level: str, defines=()) -> Path:
    status, err = pcc([TARGET, level, *defines, "-c", src, "-o", out])
    assert status == 0, err
    return out


def compile_gcc(src: Path, out: Path, level: str, defines=()) -> Path:
    r = subprocess.run([GCC, level, "-w", *defines, "-c", str(src), "-o", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out


def link_run(objects: list[Path], exe: Path) -> tuple[int, str]:
    r = subprocess.run([GCC, "-static", *map(str, objects), "-o", str(exe), "-lm"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([QEMU, str(exe)], capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout


# --- the programs -------------------------------------------------------------------------

ABI_CALLS = r"""
#include <stdio.h>
#include <string.h>
typedef struct { char c; } S1;
typedef struct { short a; char b; } S3;
typedef struct { int a, b; } S8;
typedef struct { int a, b, c; } S12;
typedef struct { long a; double b; } S16;
typedef struct { long a, b, c; } S24;
typedef struct { char bytes[40]; } S40;
typedef struct { float x, y; } HF2;
typedef struct { float x, y, z; } HF3;
typedef struct { double a[4]; } HD4;
typedef struct { long double a, b; } HL2;
typedef struct __attribute__((aligned(16))) { long a; } A16;
typedef struct { float f; int i; } Mixed;

#if PART == 1
long ints(char a, short b, int c, long d, unsigned char e, unsigned short f, unsigned g,
          long h, int i, long j, char k)
{ return a + b * 3 + c * 5 + d * 7 + e * 11 + f * 13 + g * 17 + h * 19 + i * 23 + j * 29 + k * 31; }
double floats(float a, double b, float c, double d, float e, double f, float g, double h,
              double i, float j, double k)
{ return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k * 11; }
double mixed(int a, double b, long c, float d, int e, int f, int g, int h, int i, double j,
             int k, double l, double m, double n, double o, double p, double q, long double r)
{ return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + (double)r; }
long smalls(S1 a, S3 b, S8 c, S12 d, S16 e, int pad, S8 f)
{ return a.c + b.a * 2 + b.b * 3 + c.a * 5 + c.b * 7 + d.a + d.b + d.c + e.a + (long)e.b + pad + f.a - f.b; }
long bigs(S24 a, S40 b, int x, S24 c)
{ long s = a.a + a.b * 2 + a.c * 3 + x + c.a - c.c; for (int i = 0; i < 40; i++) s += b.bytes[i] * i; a.a = 99; b.bytes[0] = 1; return s; }
double hfas(HF2 a, HF3 b, HD4 c, HL2 d, float e)
{ return a.x + a.y * 2 + b.x * 3 + b.y * 4 + b.z * 5 + c.a[0] + c.a[1] + c.a[2] + c.a[3] * 2 + (double)(d.a - d.b) + e; }
double hfas_stack(HD4 a, HD4 b, HF3 c, HD4 d)
{ return a.a[0] + b.a[1] * 2 + c.z * 3 + d.a[3] * 4; }
__int128 wide(int a, __int128 b, int c, __int128 d, __int128 e, __int128 f)
{ return a + b * 3 + c - d + (e ^ f); }
long aligned(int a, A16 b, int c, A16 d) { return a + b.a * 2 + c * 3 + d.a * 5; }
long double ldouble(long double a, double b, long double c, int n, long double d)
{ return a * b + c - d * n; }
long many_stack(long a, long b, long c, long d, long e, long f, long g, long h, S12 i, __int128 j, S1 k, long double l, float m)
{ return a + b + c + d + e + f + g + h + i.a + i.b + i.c + (long)j + (long)(j >> 64) + k.c + (long)l + (long)m; }
S1 ret1(int x) { S1 s = { (char)x }; return s; }
S3 ret3(int x) { S3 s = { (short)x, (char)(x + 1) }; return s; }
S12 ret12(int x) { S12 s = { x, x * 2, x * 3 }; return s; }
S16 ret16(long x) { S16 s = { x, x / 2.0 }; return s; }
S24 ret24(long x) { S24 s = { x, x + 1, x + 2 }; return s; }
HF3 rethf3(float x) { HF3 s = { x, x * 2, x * 3 }; return s; }
HD4 rethd4(double x) { HD4 s = { { x, x + 1, x + 2, x + 3 } }; return s; }
HL2 rethl2(long double x) { HL2 s = { x, -x }; return s; }
Mixed retmixed(int x) { Mixed m = { x * 0.5f, x }; return m; }
__int128 ret128(long x) { return (__int128)x * x * x * 1000; }
_Complex double cplx(_Complex double a, _Complex float b) { return a * 2 + b; }
_Complex long double cld(double a0, double a1, double a2, double a3, double a4, double a5,
                         _Complex long double a, long double b, _Complex long double c)
{ return a * b + c + a0 + a5; }
int (*pick(int n))(int) ;
static int twice(int x) { return 2 * x; }
static int thrice(int x) { return 3 * x; }
int (*pick(int n))(int) { return n ? twice : thrice; }
#else
long ints(char, short, int, long, unsigned char, unsigned short, unsigned, long, int, long, char);
double floats(float, double, float, double, float, double, float, double, double, float, double);
double mixed(int, double, long, float, int, int, int, int, int, double, int, double, double,
             double, double, double, double, long double);
long smalls(S1, S3, S8, S12, S16, int, S8);
long bigs(S24, S40, int, S24);
double hfas(HF2, HF3, HD4, HL2, float);
double hfas_stack(HD4, HD4, HF3, HD4);
__int128 wide(int, __int128, int, __int128, __int128, __int128);
long aligned(int, A16, int, A16);
long double ldouble(long double, double, long double, int, long double);
long many_stack(long, long, long, long, long, long, long, long, S12, __int128, S1, long double, float);
S1 ret1(int); S3 ret3(int); S12 ret12(int); S16 ret16(long); S24 ret24(long);
HF3 rethf3(float); HD4 rethd4(double); HL2 rethl2(long double); Mixed retmixed(int);
__int128 ret128(long);
_Complex double cplx(_Complex double, _Complex float);
_Complex long double cld(double, double, double, double, double, double,
                         _Complex long double, long double, _Complex long double);
int (*pick(int n))(int);
static void p128(const char *name, __int128 v)
{ printf("%s %016lx%016lx\n", name, (unsigned long)((unsigned __int128)v >> 64), (unsigned long)v); }
int main(void)
{
    printf("ints %ld\n", ints(-3, 300, -70000, 1L << 40, 200, 60000, 4000000000u, -5, 9, 11, 'x'));
    printf("floats %g\n", floats(1.5f, 2.25, -3.5f, 4, 5.125f, 6, 7, 8, 9.5, 10, 11));
    printf("mixed %g\n", mixed(1, 2.5, 3, 4.5f, 5, 6, 7, 8, 9, 10.5, 11, 12, 13, 14, 15, 16, 17, 18.25L));
    S1 a = { 5 }; S3 b = { -7, 9 }; S8 c = { 11, 13 }; S12 d = { 1, 2, 3 }; S16 e = { 40, 2.5 };
    printf("smalls %ld\n", smalls(a, b, c, d, e, 77, c));
    S24 x = { 1, 2, 3 }, z = { 4, 5, 6 }; S40 y; for (int i = 0; i < 40; i++) y.bytes[i] = (char)(i * 7);
    printf("bigs %ld %ld %d\n", bigs(x, y, 8, z), x.a, y.bytes[0]);
    HF2 h2 = { 1, 2 }; HF3 h3 = { 3, 4, 5 }; HD4 h4 = { { 6, 7, 8, 9 } }; HL2 l2 = { 10, 0.5L };
    printf("hfas %g\n", hfas(h2, h3, h4, l2, 0.25f));
    printf("hfas_stack %g\n", hfas_stack(h4, h4, h3, h4));
    p128("wide", wide(3, ((__int128)1 << 100) + 5, -4, 77, (__int128)-1 << 64, 12345));
    A16 q = { 6 }, r = { -8 };
    printf("aligned %ld\n", aligned(1, q, 2, r));
    printf("ldouble %.10Lg\n", ldouble(1.5L, 4.0, 1e30L, 3, 2.25L));
    printf("many_stack %ld\n", many_stack(1, 2, 3, 4, 5, 6, 7, 8, d, ((__int128)9 << 64) | 10, a, 12.0L, 13.0f));
    printf("ret1 %d ret3 %d %d\n", ret1(65).c, ret3(300).a, ret3(300).b);
    S12 s12 = ret12(7); S16 s16 = ret16(9); S24 s24 = ret24(-4);
    printf("ret12 %d %d %d ret16 %ld %g ret24 %ld %ld %ld\n", s12.a, s12.b, s12.c, s16.a, s16.b, s24.a, s24.b, s24.c);
    HF3 f3 = rethf3(1.5f); HD4 d4 = rethd4(2.5); HL2 hl = rethl2(3.25L); Mixed mx = retmixed(7);
    printf("rethf3 %g %g %g rethd4 %g %g rethl2 %Lg %Lg mixed %g %d\n", f3.x, f3.y, f3.z, d4.a[0], d4.a[3], hl.a, hl.b, mx.f, mx.i);
    p128("ret128", ret128(-123456789));
    _Complex double cd = cplx(1.0 + 2.0i, 3.0f - 1.0fi);
    printf("cplx %g %g\n", __real__ cd, __imag__ cd);
    _Complex long double cl = cld(1, 2, 3, 4, 5, 6, 1.5L + 2.5Li, 2.0L, -1.0L + 0.25Li);
    printf("cld %Lg %Lg\n", __real__ cl, __imag__ cl);
    printf("pick %d %d\n", pick(1)(5), pick(0)(5));
    return 0;
}
#endif
"""

ABI_VARARGS = r"""
#include <stdarg.h>
#include <stdio.h>
typedef struct { int a, b, c; } S12;
typedef struct { long a, b, c; } S24;
typedef struct { float x, y, z; } HF3;
typedef struct { double a, b; } HD2;
typedef struct { char c; } S1;
#if PART == 1
double sum(int n, ...)
{
    va_list ap, copy;
    va_start(ap, n);
    va_copy(copy, ap);
    double total = 0;
    for (int i = 0; i < n; i++) {
        switch (va_arg(ap, int)) {
        case 'i': total += va_arg(ap, int); break;
        case 'l': total += va_arg(ap, long); break;
        case 'd': total += va_arg(ap, double); break;
        case 'L': total += (double)va_arg(ap, long double); break;
        case 's': { S12 s = va_arg(ap, S12); total += s.a + s.b * 2 + s.c * 3; break; }
        case 'S': { S24 s = va_arg(ap, S24); total += s.a + s.b * 2 + s.c * 3; break; }
        case 'h': { HF3 h = va_arg(ap, HF3); total += h.x + h.y * 2 + h.z * 3; break; }
        case 'H': { HD2 h = va_arg(ap, HD2); total += h.a - h.b; break; }
        case 'c': { S1 c = va_arg(ap, S1); total += c.c; break; }
        case 'w': { __int128 w = va_arg(ap, __int128); total += (double)(w >> 3); break; }
        case 'p': total += *va_arg(ap, int *); break;
        }
    }
    int first = va_arg(copy, int);
    va_end(copy);
    va_end(ap);
    return total + first * 1000;
}
int fmt(char *buf, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsprintf(buf, f, ap);
    va_end(ap);
    return n;
}
#else
double sum(int n, ...);
int fmt(char *buf, const char *f, ...);
int main(void)
{
    S12 s = { 1, 2, 3 }; S24 S = { 4, 5, 6 }; HF3 h = { 1.5f, 2.5f, 3.5f }; HD2 H = { 10, 0.25 };
    S1 c = { 9 }; int seven = 7;
    printf("%g\n", sum(3, 'i', 5, 'l', 1L << 40, 'd', 2.5));
    printf("%g\n", sum(14, 'd', 1.0, 'd', 2.0, 'd', 3.0, 'd', 4.0, 'd', 5.0, 'd', 6.0, 'd', 7.0,
                       'd', 8.0, 'd', 9.0, 'L', 10.5L, 'i', 11, 'i', 12, 'i', 13, 'i', 14));
    printf("%g\n", sum(9, 's', s, 'S', S, 'h', h, 'H', H, 'c', c, 'w', ((__int128)1 << 70) + 8,
                       'p', &seven, 'L', -3.25L, 's', s));
    printf("%g\n", sum(12, 'h', h, 'h', h, 'h', h, 'H', H, 'H', H, 'w', (__int128)-64, 'w', (__int128)64,
                       's', s, 's', s, 'S', S, 'L', 1.0L, 'i', -5));
    char buf[200];
    int n = fmt(buf, "%d %ld %s %.3f %Lg %c %x", -4, 1L << 50, "str", 3.14159, 2.5L, 'Q', 0xbeef);
    printf("%d [%s]\n", n, buf);
    return 0;
}
#endif
"""

LONG_DOUBLE = r"""
#include <stdio.h>
volatile long double vx = 3.0L, vy = 7.0L;
long double poly(long double x) { return ((x * 1.5L - 2.0L) * x + 0.125L) / (x + 1.0L); }
int main(void)
{
    long double x = vx, y = vy;
    printf("%.20Lg %.20Lg %.20Lg %.20Lg\n", x + y, x - y, x * y, x / y);
    printf("%d %d %d %d %d %d\n", x < y, x <= y, x > y, x >= y, x == y, x != y);
    long double nan = 0.0L / (x - x);
    printf("%d %d %d %d\n", nan < x, nan == nan, nan != nan, !(nan >= x));
    printf("%.20Lg %.20Lg\n", -x, poly(y));
    printf("%ld %lu %d %u\n", (long)(x * -1e10L), (unsigned long)(y * 1e18L), (int)-y, (unsigned)y);
    volatile long vl = -123456789012345L; volatile unsigned long vu = 18446744073709551615UL;
    volatile unsigned vw = 4000000000u;
    printf("%.20Lg %.20Lg %.20Lg\n", (long double)vl, (long double)vu, (long double)vw);
    double d = (double)(x / y); float f = (float)(x / y);
    printf("%.17g %.9g %.20Lg %.20Lg\n", d, f, (long double)d, (long double)f);
    __int128 big = (__int128)(x * 1e20L * 1e10L);
    printf("%lx %lx %.20Lg\n", (unsigned long)(big >> 64), (unsigned long)big, (long double)big);
    long double acc = 0;
    for (int i = 1; i <= 20; i++) acc += 1.0L / i;
    printf("%.25Lg\n", acc);
    return (int)(acc * 10);
}
"""

INT128 = r"""
#include <stdio.h>
typedef __int128 i128;
typedef unsigned __int128 u128;
volatile int sh = 67;
static void p(const char *s, u128 v) { printf("%s %016lx%016lx\n", s, (unsigned long)(v >> 64), (unsigned long)v); }
int main(void)
{
    i128 a = ((i128)0x123456789abcdefL << 64) | 0xfedcba9876543210UL, b = -((i128)987654321 << 40) - 17;
    p("add", a + b); p("sub", a - b); p("mul", a * b); p("div", a / b); p("mod", a % b);
    p("udiv", (u128)a / 12345); p("umod", (u128)a % 12345);
    p("shl", a << sh); p("shr", (u128)b >> sh); p("sar", b >> sh);
    p("shl5", a << 5); p("sar100", b >> 100); p("shr64", (u128)b >> 64);
    p("and", a & b); p("or", a | b); p("xor", a ^ b); p("not", ~a); p("neg", -a);
    printf("cmp %d %d %d %d %d %d\n", a < b, a > b, (u128)a < (u128)b, a == a, a != b, b <= a);
    printf("conv %g %g %ld\n", (double)a, (double)(u128)b, (long)(a >> 70));
    p("fromd", (i128)-1.5e30); p("fromu", (u128)3.0e38);
    printf("clz %d %d ctz %d pop %d\n", __builtin_clzll(0x10), __builtin_clzll((unsigned long)(a >> 64)), __builtin_ctzll(1UL << 40), __builtin_popcountll(0xff00ff00ff));
    return 0;
}
"""

CONTROL = r"""
#include <stdio.h>
int dense(int x)
{
    switch (x) {
    case 0: return 10; case 1: return 11; case 2: return 12; case 3: return 13;
    case 4: return 14; case 5: return 15; case 7: return 17; case 9: return 19;
    case -1: return 9;
    default: return -1;
    }
}
const char *sparse(long x)
{
    switch (x) {
    case 1: return "one"; case 1000: return "thousand"; case -5000000000L: return "neg";
    case 123456789012L: return "big"; default: return "other";
    }
}
int chars(signed char c)
{
    switch (c) { case 'a': return 1; case 'b': return 2; case 'c': return 3; case 'd': return 4;
                 case 'e': return 5; case -100: return 6; default: return 0; }
}
int computed(int n)
{
    static void *labels[] = { &&l0, &&l1, &&l2 };
    int acc = 0;
    for (int i = 0; i < n; i++) {
        goto *labels[i % 3];
    l0: acc += 1; continue;
    l1: acc += 10; continue;
    l2: acc += 100; continue;
    }
    return acc;
}
int main(void)
{
    for (int i = -2; i < 12; i++) printf("%d ", dense(i));
    printf("\n%s %s %s %s %s\n", sparse(1), sparse(1000), sparse(-5000000000L), sparse(123456789012L), sparse(2));
    printf("%d %d %d %d\n", chars('a'), chars('e'), chars(-100), chars('z'));
    printf("%d\n", computed(10));
    return 0;
}
"""

BITFIELDS = r"""
#include <stdio.h>
struct bf { unsigned a : 3; signed b : 5; unsigned c : 12; long d : 40; unsigned char e : 1; int f : 17; };
int main(void)
{
    struct bf x = { 5, -7, 4000, -123456789012L, 1, -65536 };
    printf("%u %d %u %ld %u %d\n", x.a, x.b, x.c, (long)x.d, x.e, x.f);
    x.a += 4; x.b -= 10; x.c *= 3; x.d >>= 3; x.e ^= 1; x.f = x.f / 2 + 1;
    printf("%u %d %u %ld %u %d %zu\n", x.a, x.b, x.c, (long)x.d, x.e, x.f, sizeof x);
    return 0;
}
"""

TLS = r"""
#include <stdio.h>
__thread int counter = 5;
static __thread long table[4] = { 1, 2, 3, 4 };
__thread char name[8];
int bump(int n) { counter += n; return counter; }
int main(void)
{
    for (int i = 0; i < 4; i++) table[i] *= bump(i);
    name[0] = 'o'; name[1] = 'k';
    printf("%d %ld %ld %ld %ld %s %d\n", counter, table[0], table[1], table[2], table[3], name, *&counter);
    return 0;
}
"""

FRAMES = r"""
#include <stdio.h>
#include <string.h>
#include <alloca.h>
long big_frame(int n)
{
    char huge[70000];
    long small[10];
    double d[600];
    memset(huge, n, sizeof huge);
    for (int i = 0; i < 10; i++) small[i] = i * n;
    for (int i = 0; i < 600; i++) d[i] = i * 0.5;
    long s = 0;
    for (int i = 0; i < 70000; i += 999) s += huge[i];
    return s + small[9] + (long)d[599] + huge[69999];
}
long huge_frame(void)
{
    static volatile int k = 3;
    char giant[2 << 20];
    giant[0] = 1; giant[(2 << 20) - 1] = (char)k;
    return giant[0] + giant[(2 << 20) - 1];
}
long vla(int n)
{
    long s = 0;
    for (int round = 1; round <= 3; round++) {
        int v[n * round];
        for (int i = 0; i < n * round; i++) v[i] = i * round;
        for (int i = 0; i < n * round; i++) s += v[i];
    }
    return s;
}
long use_alloca(int n)
{
    long *p = alloca(n * sizeof *p);
    struct { char c[64]; } __attribute__((aligned(64))) qs;
    char *q = qs.c;
    for (int i = 0; i < n; i++) p[i] = i;
    q[0] = 3;
    long s = q[0] + ((unsigned long)q % 64);
    for (int i = 0; i < n; i++) s += p[i];
    return s;
}
long spills(long a, long b, long c)
{
    long v[40];
    for (int i = 0; i < 40; i++) v[i] = a * i + b - c;
    long t0 = v[0] * a, t1 = v[1] * b, t2 = v[2] * c, t3 = v[3] + a, t4 = v[4] - b, t5 = v[5] ^ c,
         t6 = v[6] | a, t7 = v[7] & b, t8 = v[8] + 1, t9 = v[9] * 3, t10 = v[10] - 7, t11 = v[11] * a,
         t12 = v[12] * b, t13 = v[13] * c, t14 = v[14] + c, t15 = v[15] + 9, t16 = v[16] * 5,
         t17 = v[17] - a, t18 = v[18] + b, t19 = v[19] * 11, t20 = v[20] ^ a, t21 = v[21] ^ b,
         t22 = v[22] + 3, t23 = v[23] * 2, t24 = v[24] - 1, t25 = v[25] * c, t26 = v[26] + a * b;
    printf("%ld\n", a);
    return t0 + t1 + t2 + t3 + t4 + t5 + t6 + t7 + t8 + t9 + t10 + t11 + t12 + t13 + t14 + t15 +
           t16 + t17 + t18 + t19 + t20 + t21 + t22 + t23 + t24 + t25 + t26;
}
int main(void)
{
    printf("%ld %ld %ld %ld %ld\n", big_frame(3), huge_frame(), vla(10), use_alloca(50), spills(2, 3, 4));
    return 0;
}
"""

INLINE_ASM = r"""
#include <stdio.h>
int main(void)
{
    int a = 40, b = 2, r;
    long x = 1L << 40, y;
    double d = 1.25, e;
    float f = 2.0f, g;
    asm("add %w0, %w1, %w2" : "=r"(r) : "r"(a), "r"(b));
    asm("add %x0, %x1, #%2" : "=r"(y) : "r"(x), "i"(5));
    asm("fadd %d0, %d1, %d1" : "=w"(e) : "w"(d));
    asm("fmul %s0, %s1, %s1" : "=w"(g) : "w"(f));
    asm("add %w0, %w0, #1" : "+r"(a));
    long mem = 7;
    asm volatile("ldr %x0, %1" : "=r"(y) : "m"(mem));
    int z;
    asm("mov %w0, %w1" : "=r"(z) : "0"(a));
    printf("%d %ld %g %g %d %ld %d\n", r, y, e, g, a, y, z);
    return 0;
}
"""

FLOATS = r"""
#include <stdio.h>
volatile double vd = 2.75; volatile float vf = -1.5f;
int main(void)
{
    double d = vd; float f = vf; double nan = d - d; nan = nan / nan;
    printf("%g %g %g %g %g\n", d + f, d * f, d / f, -d, (double)(float)(d * 3.1));
    printf("%d %d %d %d %d %d %d %d\n", d < f, d >= f, nan < d, nan > d, nan == nan, nan != nan, !(nan <= d), d == 2.75);
    printf("%d %u %ld %lu %d\n", (int)(d * -100), (unsigned)(d * 1e9), (long)(f * 1e12), (unsigned long)(d * 1e18), (signed char)(f * 50));
    printf("%g %g %g %g\n", (double)-7, (double)4000000000u, (double)(-1L << 62), (double)18446744073709551615UL);
    unsigned char uc = 250; short s = -300;
    printf("%g %g %g\n", (float)uc, (double)s, 1.0f / 3);
    printf("%g %g\n", d > 1 ? d : f, f < 0 ? 0.5 : 0.25);
    return 0;
}
"""

SINGLE = {"long_double": LONG_DOUBLE, "int128": INT128, "control": CONTROL,
          "bitfields": BITFIELDS, "tls": TLS, "frames": FRAMES, "inline_asm": INLINE_ASM,
          "floats": FLOATS}
SPLIT = {"abi_calls": ABI_CALLS, "abi_varargs": ABI_VARARGS}


@pytest.mark.parametrize("level", ["-O0", "-O1"])
@pytest.mark.parametrize("name", sorted(SINGLE))
def test_program(tmp_path: Path, name: str, level: str) -> None:
    src = tmp_path / f"{name}.c"
    src.write_text(SINGLE[name])
    expected = link_run([compile_gcc(src, tmp_path / "gcc.o", "-O1")], tmp_path / "gcc")
    got = link_run([compile_pcc(src, tmp_path / "pcc.o", level)], tmp_path / "pcc")
    assert got == expected


@pytest.mark.parametrize("combo", ["pcc-pcc", "pcc-gcc", "gcc-pcc"])
@pytest.mark.parametrize("name", sorted(SPLIT))
def test_abi(tmp_path: Path, name: str, combo: str) -> None:
    """``combo``: the compiler of the callers, then of the callees."""
    src = tmp_path / f"{name}.c"
    src.write_text(SPLIT[name])
    build = {"pcc": compile_pcc, "gcc": compile_gcc}
    ref = [compile_gcc(src, tmp_path / f"ref{p}.o", "-O1", [f"-DPART={p}"]) for p in (1, 2)]
    expected = link_run(ref, tmp_path / "ref")
    caller, callee = combo.split("-")
    objects = [build[callee](src, tmp_path / "callee.o", "-O1", ["-DPART=1"]),
               build[caller](src, tmp_path / "caller.o", "-O1", ["-DPART=2"])]
    assert link_run(objects, tmp_path / combo) == expected


@pytest.mark.parametrize("name", sorted(SINGLE) + sorted(SPLIT))
def test_text_and_object_agree(tmp_path: Path, name: str) -> None:
    """pas on the -S text gives the object -c gives."""
    src = tmp_path / f"{name}.c"
    src.write_text({**SINGLE, **SPLIT}[name])
    for part in ("1", "2"):
        defines = [f"-DPART={part}"]
        compile_pcc(src, tmp_path / "direct.o", "-O1", defines)
        status, err = pcc([TARGET, "-O1", *defines, "-S", src, "-o", tmp_path / "p.s"])
        assert status == 0, err
        status, err = pcc([TARGET, "-c", tmp_path / "p.s", "-o", tmp_path / "text.o"])
        assert status == 0, err
        assert (tmp_path / "direct.o").read_bytes() == (tmp_path / "text.o").read_bytes()

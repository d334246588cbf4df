"""The RISC-V 64 back end: C programs compiled by pcc, linked with objects from
riscv64-linux-gnu-gcc by the cross gcc (``-static``, Debian's glibc), run
under qemu-riscv64, and compared with the same program built by gcc alone.

Each case is two translation units, a library and a ``main`` that calls it:
they are built four ways -- gcc+gcc (the expected output), pcc+gcc,
gcc+pcc and pcc+pcc -- so every call crosses the LP64D calling convention
in both directions.  Every pcc compilation is done twice, ``-c`` and ``-S``
assembled by pas, and the two objects must be byte-identical.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pccrun import pcc

GCC = "riscv64-linux-gnu-gcc"
QEMU = "qemu-riscv64"
TARGET = "--target=riscv64-linux-gnu"

pytestmark = pytest.mark.skipif(
    shutil.which(GCC) is None or shutil.which(QEMU) is None,
    reason=f"needs {GCC} and {QEMU} (the oracle and the machine)")


def _pcc_object(src: Path, level: str) -> Path:
    obj = src.with_suffix(f".pcc{level}.o")
    status, err = pcc(TARGET, level, "-c", src, "-o", obj)
    assert status == 0, err
    text = src.with_suffix(f".pcc{level}.s")
    status, err = pcc(TARGET, level, "-S", src, "-o", text)
    assert status == 0, err
    again = src.with_suffix(f".pcc{level}.text.o")
    status, err = pcc(TARGET, "-c", text, "-o", again)
    assert status == 0, err
    assert obj.read_bytes() == again.read_bytes(), f"-S text of {src.name} assembles differently"
    return obj


def _gcc_object(src: Path) -> Path:
    obj = src.with_suffix(".gcc.o")
    subprocess.run([GCC, "-O1", "-w", "-c", str(src), "-o", str(obj)], check=True)
    return obj


def _run(tmp: Path, objects: list[Path], name: str) -> tuple[int, str]:
    exe = tmp / name
    subprocess.run([GCC, "-static", *map(str, objects), "-lm", "-o", str(exe)], check=True)
    r = subprocess.run([QEMU, str(exe)], capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout


def check(tmp_path: Path, lib: str, main: str, level: str = "-O1") -> str:
    """Build the case four ways; every build must print what gcc's does."""
    lib_c, main_c = tmp_path / "lib.c", tmp_path / "main.c"
    lib_c.write_text(lib)
    main_c.write_text(main)
    gl, gm = _gcc_object(lib_c), _gcc_object(main_c)
    pl, pm = _pcc_object(lib_c, level), _pcc_object(main_c, level)
    expected = _run(tmp_path, [gl, gm], "gcc")
    assert expected[0] == 0 and expected[1], expected
    for objects, label in (([pl, gm], "pcc-lib"), ([gl, pm], "pcc-main"),
                           ([pl, pm], "pcc-both")):
        got = _run(tmp_path, objects, label)
        assert got == expected, f"{label}: {got[1][-1500:]!r}\nexpected {expected[1][-1500:]!r}"
    return expected[1]


LEVELS = ("-O0", "-O1")

# --- calls: every argument class --------------------------------------------------------

STRUCTS = """
struct f1 { float a; };
struct d1 { double a; };
struct ff { float a, b; };
struct fd { float a; double b; };
struct dd { double a, b; };
struct fi { float a; int b; };
struct id { int a; double b; };
struct cf { char c; float f; };
struct dl { double d; long l; };
struct arr2 { float a[2]; };
struct nest { struct { double x; } in; float y; };
struct i2 { int a, b; };
struct l2 { long a, b; };
struct c3 { char c[3]; };
struct c13 { char c[13]; };
struct big { long a, b, c; };
struct ff3 { float a, b, c; };
struct ld1 { long double x; };
union uf { float f; int i; };
struct al16 { __int128 x; };
struct fal32 { float _Complex z; } __attribute__((aligned(32)));   /* fa registers, 32 bytes */
"""

CALLS_LIB = STRUCTS + r"""
#include <stdio.h>
double scalars(signed char a, unsigned char b, short c, unsigned short d, int e,
               unsigned f, long g, float h, double i, long double j, __int128 k,
               unsigned __int128 l)
{
    printf("%d %u %d %u %d %u %ld %.3f %.3f %.3Lf %lld %llu\n", a, b, c, d, e, f, g, h, i,
           j, (long long)(k >> 64), (unsigned long long)l);
    return a + b + c + d + e + f + g + h + i + (double)j + (double)k + (double)l;
}
void fpstructs(struct f1 a, struct d1 b, struct ff c, struct fd d, struct dd e, struct fi f,
               struct id g, struct cf h, struct dl i, struct arr2 j, struct nest k)
{
    printf("%g %g %g,%g %g,%g %g,%g %g,%d %d,%g %d,%g %g,%ld %g,%g %g,%g\n", a.a, b.a, c.a,
           c.b, d.a, d.b, e.a, e.b, f.a, f.b, g.a, g.b, h.c, h.f, i.d, i.l, j.a[0], j.a[1],
           k.in.x, k.y);
}
/* more floats than fa registers: the rest by the integer convention */
void fp_overflow(double a, double b, double c, double d, double e, double f, double g,
                 double h, double i, struct dd j, struct fi k, float l, struct ff m)
{
    printf("%g %g %g %g %g %g %g %g %g %g,%g %g,%d %g %g,%g\n", a, b, c, d, e, f, g, h, i,
           j.a, j.b, k.a, k.b, l, m.a, m.b);
}
void intstructs(struct i2 a, struct l2 b, struct c3 c, struct c13 d, struct big e,
                struct ff3 f, struct ld1 g, union uf h, struct al16 i)
{
    printf("%d,%d %ld,%ld %.3s %.13s %ld,%ld,%ld %g,%g,%g %.2Lf %g %lld\n", a.a, a.b, b.a, b.b,
           c.c, d.c, e.a, e.b, e.c, f.a, f.b, f.c, g.x, h.f, (long long)i.x);
}
/* integer registers run out: a pair splits between a7 and the stack */
void split(long a, long b, long c, long d, long e, long f, long g, struct l2 h, long i,
           __int128 j, struct c13 k, double l)
{
    printf("%ld %ld %ld %ld %ld %ld %ld %ld,%ld %ld %lld %.13s %g\n", a, b, c, d, e, f, g,
           h.a, h.b, i, (long long)j, k.c, l);
}
struct f1 r_f1(float x) { struct f1 r = { x }; return r; }
struct ff r_ff(float x) { struct ff r = { x, x * 2 }; return r; }
struct fd r_fd(double x) { struct fd r = { (float)x, x * 3 }; return r; }
struct fi r_fi(int x) { struct fi r = { x / 2.0f, x }; return r; }
struct dl r_dl(long x) { struct dl r = { x / 4.0, x }; return r; }
struct i2 r_i2(int x) { struct i2 r = { x, -x }; return r; }
struct c3 r_c3(char x) { struct c3 r = { { x, x + 1, x + 2 } }; return r; }
struct c13 r_c13(char x) { struct c13 r; for (int i = 0; i < 13; i++) r.c[i] = x + i; return r; }
struct big r_big(long x) { struct big r = { x, x + 1, x + 2 }; return r; }
struct ff3 r_ff3(float x) { struct ff3 r = { x, x + 1, x + 2 }; return r; }
long double r_ld(long double x) { return x * 2; }
__int128 r_i128(__int128 x) { return x * 3; }
float r_float(float x) { return x + 0.5f; }
unsigned char r_uchar(int x) { return x; }
short r_short(int x) { return x; }
unsigned r_unsigned(int x) { return x; }
struct fal32 complexes(int a, long double _Complex b, double _Complex c, struct fal32 d)
{
    printf("%d %.2Lf,%.2Lf %g,%g %g,%g\n", a, __real__ b, __imag__ b, __real__ c, __imag__ c,
           __real__ d.z, __imag__ d.z);
    d.z = d.z * 2;
    return d;
}
"""

CALLS_MAIN = STRUCTS + r"""
#include <stdio.h>
double scalars(signed char, unsigned char, short, unsigned short, int, unsigned, long, float,
               double, long double, __int128, unsigned __int128);
void fpstructs(struct f1, struct d1, struct ff, struct fd, struct dd, struct fi, struct id,
               struct cf, struct dl, struct arr2, struct nest);
void fp_overflow(double, double, double, double, double, double, double, double, double,
                 struct dd, struct fi, float, struct ff);
void intstructs(struct i2, struct l2, struct c3, struct c13, struct big, struct ff3,
                struct ld1, union uf, struct al16);
void split(long, long, long, long, long, long, long, struct l2, long, __int128, struct c13,
           double);
struct f1 r_f1(float); struct ff r_ff(float); struct fd r_fd(double); struct fi r_fi(int);
struct dl r_dl(long); struct i2 r_i2(int); struct c3 r_c3(char); struct c13 r_c13(char);
struct big r_big(long); struct ff3 r_ff3(float); long double r_ld(long double);
__int128 r_i128(__int128); float r_float(float); unsigned char r_uchar(int);
short r_short(int); unsigned r_unsigned(int);
struct fal32 complexes(int, long double _Complex, double _Complex, struct fal32);
int main(void)
{
    struct f1 a = { 1.5f }; struct d1 b = { 2.5 }; struct ff c = { 3, 4 };
    struct fd d = { 5, 6 }; struct dd e = { 7, 8 }; struct fi f = { 9, -10 };
    struct id g = { -11, 12 }; struct cf h = { 'h', 13 }; struct dl i = { 14, -15 };
    struct arr2 j = { { 16, 17 } }; struct nest k = { { 18 }, 19 };
    struct i2 l = { 20, 21 }; struct l2 m = { 22, 23 }; struct c3 n = { "abc" };
    struct c13 o = { "abcdefghijklm" }; struct big p = { 24, 25, 26 };
    struct ff3 q = { 27, 28, 29 }; struct ld1 r = { 30.25L }; union uf s = { 31.5f };
    struct al16 t = { (__int128)1 << 70 | 32 };
    printf("%.3f\n", scalars(-1, 200, -300, 60000, -70000, 4000000000u, -1L << 40, 1.25f,
                             2.5, 3.75L, (__int128)-5 << 64, ~(unsigned __int128)0 >> 1));
    fpstructs(a, b, c, d, e, f, g, h, i, j, k);
    fp_overflow(1, 2, 3, 4, 5, 6, 7, 8, 9, e, f, 10, c);
    intstructs(l, m, n, o, p, q, r, s, t);
    split(1, 2, 3, 4, 5, 6, 7, m, 8, (__int128)9, o, 10);
    printf("%g\n", r_f1(1.25f).a);
    printf("%g %g\n", r_ff(2).a, r_ff(2).b);
    printf("%g %g\n", r_fd(3).a, r_fd(3).b);
    printf("%g %d\n", r_fi(5).a, r_fi(5).b);
    printf("%g %ld\n", r_dl(6).d, r_dl(6).l);
    printf("%d %d\n", r_i2(7).a, r_i2(7).b);
    printf("%.3s %.13s\n", r_c3('x').c, r_c13('A').c);
    printf("%ld %ld\n", r_big(8).a, r_big(8).c);
    printf("%g %g\n", r_ff3(9).a, r_ff3(9).c);
    printf("%.2Lf %lld %g\n", r_ld(10.5L), (long long)r_i128(11), r_float(12));
    printf("%d %d %u\n", r_uchar(300), r_short(70000), r_unsigned(-1));
    struct fal32 z = { 5.0f + 6.0fi };
    z = complexes(1, 1.5L + 2.5Li, 3.0 - 4.0i, z);
    printf("%g %g\n", __real__ z.z, __imag__ z.z);
    return 0;
}
"""


@pytest.mark.parametrize("level", LEVELS)
def test_calls_every_argument_class(tmp_path, level):
    out = check(tmp_path, CALLS_LIB, CALLS_MAIN, level)
    assert "abc" in out and "30.25" in out


# --- varargs ------------------------------------------------------------------------------

VA_LIB = STRUCTS + r"""
#include <stdarg.h>
#include <stdio.h>
void show(const char *kinds, ...)
{
    va_list ap, copy;
    va_start(ap, kinds);
    for (const char *k = kinds; *k; k++) {
        switch (*k) {
        case 'i': printf("i%d ", va_arg(ap, int)); break;
        case 'u': printf("u%u ", va_arg(ap, unsigned)); break;
        case 'l': printf("l%ld ", va_arg(ap, long)); break;
        case 'd': printf("d%g ", va_arg(ap, double)); break;
        case 'L': printf("L%.3Lf ", va_arg(ap, long double)); break;
        case 'q': { __int128 x = va_arg(ap, __int128);
                    printf("q%lld,%lld ", (long long)(x >> 64), (long long)x); break; }
        case 'p': printf("p%s ", va_arg(ap, char *)); break;
        case 'f': { struct ff s = va_arg(ap, struct ff); printf("f%g,%g ", s.a, s.b); break; }
        case 'c': { struct c3 s = va_arg(ap, struct c3); printf("c%.3s ", s.c); break; }
        case 'b': { struct big s = va_arg(ap, struct big);
                    printf("b%ld,%ld ", s.a, s.c); break; }
        case 'a': { struct al16 s = va_arg(ap, struct al16);
                    printf("a%lld ", (long long)s.x); break; }
        case 'D': { struct dd s = va_arg(ap, struct dd); printf("D%g,%g ", s.a, s.b); break; }
        case 'C': va_copy(copy, ap); printf("C%d ", va_arg(copy, int)); va_end(copy); break;
        }
    }
    va_end(ap);
    printf("\n");
}
"""

VA_MAIN = STRUCTS + r"""
void show(const char *kinds, ...);
int main(void)
{
    struct ff f = { 1.5f, 2.5f }; struct c3 c = { "xyz" }; struct big b = { 7, 8, 9 };
    struct al16 a = { 123 }; struct dd d = { 3.25, 4.5 };
    show("iuldLqp", -1, 4000000000u, -1L << 50, 2.5, 3.125L, (__int128)-7 << 64, "str");
    show("iLiLiq", 1, 1.5L, 2, 2.5L, 3, (__int128)77);       /* pairs go to even registers */
    show("fcbaDCi", f, c, b, a, d, 42);
    show("iiiiiiiLdq", 1, 2, 3, 4, 5, 6, 7, 8.5L, 9.5, (__int128)10);   /* onto the stack */
    show("dddddddddddi", 1., 2., 3., 4., 5., 6., 7., 8., 9., 10., 11., 12);
    return 0;
}
"""


@pytest.mark.parametrize("level", LEVELS)
def test_varargs_every_type(tmp_path, level):
    out = check(tmp_path, VA_LIB, VA_MAIN, level)
    assert "L3.125" in out and "a123" in out


# --- long double and __int128 arithmetic -----------------------------------------------

ARITH_LIB = r"""
long double ld_ops(long double a, long double b, int op)
{
    switch (op) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return a / b;
    case 4: return -a;
    case 5: return (a < b) + 2 * (a <= b) + 4 * (a > b) + 8 * (a >= b) + 16 * (a == b)
                   + 32 * (a != b);
    case 6: return (long double)(long)a + (long double)(unsigned long)b;
    case 7: return (double)a + (float)b;
    default: return (long double)(int)a * (unsigned)b;
    }
}
__int128 i128_ops(__int128 a, __int128 b, int op)
{
    switch (op) {
    case 0: return a + b;
    case 1: return a - b;
    case 2: return a * b;
    case 3: return a / b;
    case 4: return a % b;
    case 5: return a << (b & 127);
    case 6: return a >> (b & 127);
    case 7: return (unsigned __int128)a >> (b & 127);
    case 8: return (a < b) | (a == b) << 1 | ((unsigned __int128)a < (unsigned __int128)b) << 2;
    case 9: return a & b ^ (a | ~b);
    default: return -a;
    }
}
"""

ARITH_MAIN = r"""
#include <stdio.h>
long double ld_ops(long double, long double, int);
__int128 i128_ops(__int128, __int128, int);
int main(void)
{
    long double lds[] = { 1.5L, -2.25L, 1e30L, 3.0L, 0.0L, 123456789.125L };
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++)
            for (int op = 0; op < 9; op++)
                if (!(op == 3 && lds[j] == 0))
                    printf("%d %d %d %.10Lg\n", i, j, op, ld_ops(lds[i], lds[j], op));
    __int128 is[] = { 1, -3, (__int128)1 << 100, ((__int128)1 << 64) + 5, 65, -((__int128)7 << 70) };
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++)
            for (int op = 0; op < 11; op++) {
                __int128 r = i128_ops(is[i], is[j], op);
                printf("%d %d %d %llx %llx\n", i, j, op, (unsigned long long)(r >> 64),
                       (unsigned long long)r);
            }
    return 0;
}
"""


@pytest.mark.parametrize("level", LEVELS)
def test_long_double_and_int128_arithmetic(tmp_path, level):
    out = check(tmp_path, ARITH_LIB, ARITH_MAIN, level)
    assert len(out.splitlines()) > 600


# --- control flow, bit-fields, TLS, frames ---------------------------------------------

MISC_LIB = r"""
#include <string.h>
#include <alloca.h>
struct bits { unsigned a : 3; int b : 5; unsigned c : 12; long d : 40; unsigned char e : 1; };
_Thread_local int tls_counter = 5;
static _Thread_local long tls_array[4] = { 1, 2, 3, 4 };
int sw(int x)
{
    switch (x) {
    case 0: return 10; case 1: return 11; case 2: return 12; case 3: return 13;
    case 5: return 15; case 6: return 16; case 8: return 18; case 100: return 1;
    case -4: return -14; default: return -1;
    }
}
long sw_long(unsigned long x)
{
    switch (x) {
    case 1000000000000: return 1; case 7: return 2; case 0xffffffffffffffff: return 3;
    default: return 0;
    }
}
int computed(int n)
{
    static void *labels[] = { &&zero, &&one, &&two };
    int acc = 0;
    goto *labels[n % 3];
zero: acc += 1;
one: acc += 10;
two: acc += 100;
    return acc;
}
int bitfields(struct bits *p, int v)
{
    p->a = v; p->b = -v; p->c = v * 100; p->d = -(long)v << 30; p->e = v;
    return p->a + p->b + p->c + (int)(p->d >> 30) + p->e;
}
int tls(int k) { tls_counter += k; tls_array[k & 3] += k; return tls_counter + (int)tls_array[k & 3]; }
long big_frame(int n)
{
    volatile char buf[70000];
    long sum = 0;
    for (int i = 0; i < n; i++) buf[i * 997 % 70000] = i;
    for (int i = 0; i < n; i++) sum += buf[i * 997 % 70000];
    return sum + buf[69999];
}
long vla(int n)
{
    long v[n];
    char *a = alloca(n * 3 + 1);
    memset(a, 'q', n * 3);
    a[n * 3] = 0;
    for (int i = 0; i < n; i++) v[i] = (long)i * i;
    long s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s + (long)strlen(a);
}
"""

MISC_MAIN = r"""
#include <stdio.h>
struct bits { unsigned a : 3; int b : 5; unsigned c : 12; long d : 40; unsigned char e : 1; };
int sw(int); long sw_long(unsigned long); int computed(int); int bitfields(struct bits *, int);
int tls(int); long big_frame(int); long vla(int);
int main(void)
{
    for (int i = -5; i < 10; i++) printf("%d ", sw(i));
    printf("%d %ld %ld %ld %ld\n", sw(100), sw_long(1000000000000), sw_long(7),
           sw_long(-1), sw_long(3));
    printf("%d %d %d\n", computed(0), computed(1), computed(5));
    struct bits b;
    for (int v = 0; v < 6; v++) printf("%d ", bitfields(&b, v));
    printf("%u %d %u %ld\n", b.a, b.b, b.c, (long)b.d);
    printf("%d %d %d\n", tls(1), tls(2), tls(7));
    printf("%ld %ld\n", big_frame(1000), vla(37));
    return 0;
}
"""


@pytest.mark.parametrize("level", LEVELS)
def test_switch_goto_bitfields_tls_frames(tmp_path, level):
    out = check(tmp_path, MISC_LIB, MISC_MAIN, level)
    assert "111 110 100" in out


def test_code_is_compressed_as_gccs(tmp_path):
    """riscv64-linux-gnu-gcc is rv64gc: its assembler uses the 16-bit forms where they
    fit.  pcc says the same (.attribute arch) in the object and in -S text, and its
    driver assembles .s files with the same ISA as gcc's driver does."""
    src = tmp_path / "f.c"
    src.write_text("long f(long a, long b) { return a + b; }\n")
    obj = _pcc_object(src, "-O1")
    flags = subprocess.run(["riscv64-linux-gnu-readelf", "-h", str(obj)], capture_output=True,
                           text=True, check=True).stdout
    assert "RVC" in flags, flags
    asm = tmp_path / "g.s"
    asm.write_text("\t.text\n\taddi a0, a0, 1\n\tret\n")
    for driver, out in ((["pcc", TARGET], "pcc.o"), ([GCC], "gcc.o")):
        if driver[0] == "pcc":
            status, err = pcc(TARGET, "-c", asm, "-o", tmp_path / out)
            assert status == 0, err
        else:
            subprocess.run([GCC, "-c", str(asm), "-o", str(tmp_path / out)], check=True)
    text = [subprocess.run(["riscv64-linux-gnu-objdump", "-d", str(tmp_path / out)],
                           capture_output=True, text=True, check=True).stdout.split(">:")[1]
            for out in ("pcc.o", "gcc.o")]
    assert text[0] == text[1] and "0505" in text[0], text

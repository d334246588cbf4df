"""pcc -m32: i386 executables compiled, assembled and linked by pcc alone, run natively.

Everything the programs are built with is pcc's own (front end, the i386
back end, pas's streamer, pld, the bundled libc built by pcc for i386); the
x86-64 host runs the static i386 executables.  GCC's i386 cross compiler is
an oracle only: for the long long helpers (same program, same output) and
for the calling convention (objects of both compilers call each other).

The corpora run a seeded sample by default and every program under
``--full``: c-testsuite (output and exit status) and gcc-torture (exit
status 0), at -O0 and -O1.
"""

from __future__ import annotations

import os
import platform
import random
import shutil
import subprocess
from pathlib import Path

import pytest

import corpus_e2e
from pccrun import execute, ok, pcc
import testopts

pytestmark = pytest.mark.skipif(platform.machine() != "x86_64" or os.name != "posix",
                                reason="runs i386 Linux executables natively on x86-64")

GCC32 = shutil.which("i686-linux-gnu-gcc")
LEVELS = corpus_e2e.LEVELS
SAMPLE = {"c-testsuite": 8, "gcc-torture": 12}


def is_elf32_i386(path: Path) -> bool:
    head = path.read_bytes()[:20]
    return head[:4] == b"\x7fELF" and head[4] == 1 and head[18] == 3     # ELFCLASS32, EM_386


# --- small programs -----------------------------------------------------------------------

HELLO = '#include <stdio.h>\nint main(int argc, char **argv) {\n' \
        '  printf("hello %d %zu %lld %.3f\\n", argc, sizeof(void *), -1234567890123LL, 2.5);\n' \
        '  return 7;\n}\n'


@pytest.mark.parametrize("spelling", [["-m32"], ["--target=i386-linux-gnu"]])
def test_hello(tmp_path, spelling):
    (tmp_path / "h.c").write_text(HELLO)
    ok(*spelling, "h.c", "-o", "h", cwd=tmp_path)
    assert is_elf32_i386(tmp_path / "h")
    assert execute(tmp_path / "h") == (7, "hello 1 4 -1234567890123 2.500\n")


FEATURES = r"""
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
struct big { int a[5]; char c; };
struct big make(int x) { struct big b; memset(&b, 0, sizeof b); b.a[4] = x; b.c = 'q'; return b; }
long long sum(int n, ...) {
    va_list ap; long long s = 0; va_start(ap, n);
    for (int i = 0; i < n; i++) s += i & 1 ? va_arg(ap, long long) : va_arg(ap, int);
    va_end(ap); return s;
}
long double ld(long double x, double y, float z) { return x * y + z; }
static jmp_buf env;
static void jump(int v) { longjmp(env, v); }
int main(void) {
    struct big b = make(41);
    unsigned long long u = 0xfedcba9876543210ULL;
    long long q = -9000000000LL;
    char buf[64];
    int r = setjmp(env);
    if (r == 0) jump(5);
    snprintf(buf, sizeof buf, "%d %c %lld %llu %lld %Lg", b.a[4], b.c, sum(4, 1, 2LL, 3, 4LL),
             u / 3 % 1000003, q / 7 + q % 7, ld(1.5L, 2.0, 0.25f));
    puts(buf);
    return r + (u >> 60) + (int)(q >> 40);
}
"""


def test_features_run(tmp_path):
    (tmp_path / "f.c").write_text(FEATURES)
    for level in LEVELS:
        ok("-m32", level, "f.c", "-o", "f", cwd=tmp_path)
        q = -9000000000
        expected = f"41 q 10 {0xfedcba9876543210 // 3 % 1000003} " \
                   f"{int(q / 7) + (q - 7 * int(q / 7))} 3.25\n"
        assert execute(tmp_path / "f") == ((5 + 15 + (q >> 40)) & 255, expected)


def test_S_then_pas_equals_c(tmp_path):
    """pas on `pcc -m32 -S` output gives the same bytes as `pcc -m32 -c`."""
    (tmp_path / "f.c").write_text(FEATURES)
    for level in LEVELS:
        ok("-m32", level, "-S", "f.c", "-o", "f.s", cwd=tmp_path)
        ok("-m32", level, "-c", "f.c", "-o", "f.o", cwd=tmp_path)
        ok("-m32", "-c", "f.s", "-o", "via-text.o", cwd=tmp_path)
        assert (tmp_path / "f.o").read_bytes() == (tmp_path / "via-text.o").read_bytes()


# --- the long long helpers and conversions against gcc's -----------------------------------

EDGES = r"""
#include <stdio.h>
#include <limits.h>
static const long long S[] = {0, 1, -1, 2, -2, 7, -7, 10, 255, -256, 0x7fffffffLL,
    -0x80000000LL, 0x80000000LL, 0xffffffffLL, 0x100000000LL, -0x100000001LL,
    123456789012345LL, -98765432109876LL, LLONG_MAX, LLONG_MIN, LLONG_MAX - 1, LLONG_MIN + 1};
#define N (sizeof S / sizeof S[0])
static volatile int sink;
int main(void) {
    unsigned long h = 0;
    for (unsigned i = 0; i < N; i++) {
        long long a = S[i];
        unsigned long long ua = (unsigned long long)a;
        volatile double third = (double)a / 3;      /* stored: no x87 excess precision */
        printf("%lld: %lld %lld %llu %llu %d %.17g %.17g %u\n", a, a >> (i % 64), a << (i % 64),
               ua >> (63 - i % 64), ua * 0x9e3779b97f4a7c15ULL, __builtin_clzll(ua | 1),
               (double)a, (double)ua, (unsigned)(long long)third);
        for (unsigned j = 0; j < N; j++) {
            long long b = S[j];
            unsigned long long ub = (unsigned long long)b;
            if (b == 0 || (a == LLONG_MIN && b == -1))
                continue;
            printf(" %lld %lld %llu %llu %d%d%d%d\n", a / b, a % b, ua / ub, ua % ub,
                   a < b, ua < ub, a >= b, ua >= ub);
        }
    }
    return 0;
}
"""


@pytest.mark.skipif(GCC32 is None, reason="needs i686-linux-gnu-gcc (the oracle)")
def test_int64_helpers_match_gcc(tmp_path):
    (tmp_path / "e.c").write_text(EDGES)
    subprocess.run([GCC32, "-O0", "-static", "e.c", "-o", "ref"], cwd=tmp_path, check=True)
    expected = execute(tmp_path / "ref")
    assert expected[0] == 0
    for level in LEVELS:
        ok("-m32", level, "e.c", "-o", "ours", cwd=tmp_path)
        got = execute(tmp_path / "ours")
        bad = [f"{x!r} != {y!r}" for x, y in zip(got[1].splitlines(), expected[1].splitlines())
               if x != y]
        assert not bad and got == expected, f"{level}: " + "; ".join(bad[:5])


# --- the calling convention against gcc's: each side calls the other ------------------------

ABI_GCC = r"""
struct s3 { char c[3]; };
struct big { int a[5]; char c; };
struct pt { float x, y; };
long long g_ll(long long a, int b, long long c) { return a * b - c; }
double g_d(float a, double b, long double c) { return a + b * (double)c; }
long double g_ld(long double a) { return a / 4; }
struct s3 g_s3(struct s3 x, int k) { x.c[k] += 1; return x; }
struct big g_big(int v, struct big b) { b.a[0] = v; b.c += 1; return b; }
struct pt g_pt(struct pt p) { struct pt r = {p.y, p.x}; return r; }
extern long long p_ll(long long a, int b, long long c);
extern double p_d(float a, double b, long double c);
extern struct big p_big(int v, struct big b);
int g_calls_p(void) {
    struct big b = {{1, 2, 3, 4, 5}, 'a'};
    struct big r = p_big(9, b);
    return (p_ll(1LL << 40, 3, 5) == 3 * (1LL << 40) - 5) + (p_d(1.5f, 2.0, 3.0L) == 7.5) * 2
           + (r.a[0] == 9 && r.a[4] == 5 && r.c == 'b') * 4;
}
"""

ABI_PCC = r"""
#include <stdio.h>
struct s3 { char c[3]; };
struct big { int a[5]; char c; };
struct pt { float x, y; };
long long g_ll(long long a, int b, long long c);
double g_d(float a, double b, long double c);
long double g_ld(long double a);
struct s3 g_s3(struct s3 x, int k);
struct big g_big(int v, struct big b);
struct pt g_pt(struct pt p);
int g_calls_p(void);
long long p_ll(long long a, int b, long long c) { return a * b - c; }
double p_d(float a, double b, long double c) { return a + b * (double)c; }
struct big p_big(int v, struct big b) { b.a[0] = v; b.c += 1; return b; }
int main(void) {
    struct s3 s = {{1, 2, 3}};
    struct big b = {{1, 2, 3, 4, 5}, 'x'};
    struct pt p = {1.5f, -2.5f};
    s = g_s3(s, 1);
    b = g_big(-4, b);
    p = g_pt(p);
    printf("%lld %g %Lg %d%d%d %d %c %g %g %d\n", g_ll(-5, 7, 1LL << 33), g_d(0.5f, 3.0, 2.0L),
           g_ld(10.0L), s.c[0], s.c[1], s.c[2], b.a[0] + b.a[4], b.c, p.x, p.y, g_calls_p());
    return 0;
}
"""


@pytest.mark.skipif(GCC32 is None, reason="needs i686-linux-gnu-gcc (the oracle)")
def test_calling_convention_with_gcc(tmp_path):
    (tmp_path / "g.c").write_text(ABI_GCC)
    (tmp_path / "p.c").write_text(ABI_PCC)
    subprocess.run([GCC32, "-O1", "-fno-pie", "-c", "g.c", "-o", "g.o"], cwd=tmp_path,
                   check=True)
    for level in LEVELS:
        ok("-m32", level, "p.c", "g.o", "-o", "p", cwd=tmp_path)
        assert execute(tmp_path / "p") == (0, f"{-35 - (1 << 33)} 6.5 2.5 133 1 y -2.5 1.5 7\n")


# --- the corpora (corpus_e2e.py: -S|pas == -c, link, run, compare) --------------------------

def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "program" not in metafunc.fixturenames:
        return
    full = testopts.is_full(metafunc.config)
    root = corpus_e2e.corpora_dir()
    programs = [p for p in corpus_e2e.load_programs(root) if "i386" not in p.fails_on] \
        if root is not None else []
    params = []
    for suite in corpus_e2e.SUITES:
        members = [p for p in programs if p.suite == suite]
        if not full:
            rng = random.Random(f"{testopts.sample_seed()}:i386:{suite}")
            members = [members[i] for i in
                       sorted(rng.sample(range(len(members)), min(SAMPLE[suite], len(members))))]
        params += [pytest.param(p, "i386", level, id=f"{p.id}{level}")
                   for p in members for level in LEVELS]
    metafunc.parametrize("program,mode,level", params)


def test_corpus(program, mode, level, record_property):
    """pcc -m32 -S | pas equals pcc -m32 -c; linked with the bundled i386 libc and run:
    the expected output and exit status."""
    record_property("label", f"i386 {program.id} {level}")
    outcome = corpus_e2e.run_program(program, level, target="i386-linux-gnu")
    assert outcome.passed, f"{outcome.status}: {outcome.message}"


# --- -mregparm=3, the Linux kernel's convention ------------------------------------------------

REGPARM_GCC = r"""
struct big { int a[5]; };
long long g3(int a, long long b, int c) { return a * 100 + b * 10 + c; }
int g4(int a, int b, int c, int d) { return a * 1000 + b * 100 + c * 10 + d; }
struct big gs(int v) { struct big b = {{v, v, v, v, v + 1}}; return b; }
int gv(int n, ...) { __builtin_va_list ap; __builtin_va_start(ap, n); int s = 0;
    while (n--) s += __builtin_va_arg(ap, int); __builtin_va_end(ap); return s; }
extern int p4(int a, int b, int c, int d);
int g_calls(void) { return p4(1, 2, 3, 4); }
"""

REGPARM_PCC = r"""
struct big { int a[5]; };
long long g3(int a, long long b, int c);
int g4(int a, int b, int c, int d);
struct big gs(int v);
int gv(int n, ...);
int g_calls(void);
int p4(int a, int b, int c, int d) { return a + b * 2 + c * 3 + d * 4; }
int main(void) {      /* no libc calls: the bundled libc is cdecl */
    struct big b = gs(7);
    return (g3(1, 2, 3) == 123) + 2 * (g4(1, 2, 3, 4) == 1234) + 4 * (b.a[4] == 8 && b.a[0] == 7)
           + 8 * (gv(3, 1, 2, 3) == 6) + 16 * (g_calls() == 30);
}
"""


@pytest.mark.skipif(GCC32 is None, reason="needs i686-linux-gnu-gcc (the oracle)")
def test_regparm_with_gcc(tmp_path):
    (tmp_path / "g.c").write_text(REGPARM_GCC)
    (tmp_path / "p.c").write_text(REGPARM_PCC)
    subprocess.run([GCC32, "-O1", "-fno-pie", "-mregparm=3", "-c", "g.c", "-o", "g.o"],
                   cwd=tmp_path, check=True)
    for level in LEVELS:
        ok("-m32", "-mregparm=3", level, "p.c", "g.o", "-o", "p", cwd=tmp_path)
        assert execute(tmp_path / "p") == (31, "")


@pytest.mark.parametrize("flag,message", [
    ("-mregparm=4", "'-mregparm=4' is not between 0 and 3"),
    ("-mregparm=x", "argument to '-mregparm=' should be a non-negative integer")])
def test_regparm_errors(tmp_path, flag, message):
    (tmp_path / "p.c").write_text("int main(void) { return 0; }\n")
    status, err = pcc("-m32", flag, "-c", "p.c", cwd=tmp_path)
    assert status == 1 and message in err and not (tmp_path / "p.o").exists()


def test_128_bit_values_are_an_error(tmp_path):
    """i386 has no 128-bit integers: a clear error (from the front end or the back
    end), not an internal one, and no object."""
    (tmp_path / "o.c").write_text("__int128 f(long long a) { return (__int128)a * a; }\n")
    status, err = pcc("-m32", "-c", "o.c", cwd=tmp_path)
    assert status == 1 and "error:" in err and ("128" in err or "int128" in err), err
    assert "internal error" not in err and not (tmp_path / "o.o").exists()


@pytest.mark.skipif(GCC32 is None, reason="needs i686-linux-gnu-gcc (the oracle)")
def test_overflow_builtins_with_64_bit_results(tmp_path):
    """__builtin_*_overflow with a 64-bit result, which elsewhere works in i128."""
    (tmp_path / "v.c").write_text(OVERFLOW)
    subprocess.run([GCC32, "-O0", "-static", "v.c", "-o", "ref"], cwd=tmp_path, check=True)
    expected = execute(tmp_path / "ref")
    for level in LEVELS:
        ok("-m32", level, "v.c", "-o", "ours", cwd=tmp_path)
        assert execute(tmp_path / "ours") == expected


OVERFLOW = r"""
#include <stdio.h>
#include <limits.h>
int main(void) {
    long long v[] = {0, 1, -1, 2, LLONG_MAX, LLONG_MIN, LLONG_MAX / 2, LLONG_MIN / 2,
                     3037000500LL, -3037000500LL, 1LL << 32};
    unsigned long long u[] = {0, 1, 2, ULLONG_MAX, ULLONG_MAX / 2, 1ULL << 32, 1ULL << 63};
    int w[] = {0, 1, -1, 0x7fffffff, -0x7fffffff - 1, 65536};
    unsigned x[] = {0, 1, 0xffffffffu, 0x80000000u, 65536};
    for (int i = 0; i < 11; i++) for (int j = 0; j < 11; j++) {
        long long r1, r2, r3;
        int o = __builtin_add_overflow(v[i], v[j], &r1) | __builtin_sub_overflow(v[i], v[j], &r2)
                << 1 | __builtin_mul_overflow(v[i], v[j], &r3) << 2;
        printf("%d %lld %lld %lld\n", o, r1, r2, r3);
    }
    for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) {
        unsigned long long r1, r2, r3;
        int o = __builtin_add_overflow(u[i], u[j], &r1) | __builtin_sub_overflow(u[i], u[j], &r2)
                << 1 | __builtin_mul_overflow(u[i], u[j], &r3) << 2;
        printf("%d %llu %llu %llu\n", o, r1, r2, r3);
    }
    for (int i = 0; i < 6; i++) for (int j = 0; j < 5; j++) {
        long long s; unsigned long long q, p;
        int o = __builtin_mul_overflow(w[i], x[j], &s) | __builtin_sub_overflow(w[i], x[j], &q)
                << 1 | __builtin_mul_overflow(x[j], x[j], &p) << 2 |
                __builtin_mul_overflow(w[i], w[i], &q) << 3;
        printf("%d %lld %llu %llu\n", o, s, q, p);
    }
    return 0;
}
"""


COMPLEX_GCC = r"""
_Complex float g_cf(_Complex float a, float k) { return a * k; }
_Complex double g_cd(_Complex double a) { return a + 1; }
extern _Complex float p_cf(_Complex float a);
float g_calls_p(void) { _Complex float r = p_cf(3.0f + 4.0f * __builtin_complex(0.0f, 1.0f));
                        return __real__ r * 10 + __imag__ r; }
"""

COMPLEX_PCC = r"""
#include <stdio.h>
_Complex float g_cf(_Complex float a, float k);
_Complex double g_cd(_Complex double a);
float g_calls_p(void);
_Complex float p_cf(_Complex float a) { return a + 1.0f; }
int main(void) {
    _Complex float f = g_cf(1.5f + 2.0f * __builtin_complex(0.0f, 1.0f), 2.0f);
    _Complex double d = g_cd(__builtin_complex(0.5, -0.25));
    printf("%g %g %g %g %g\n", __real__ f, __imag__ f, __real__ d, __imag__ d, g_calls_p());
    return 0;
}
"""


@pytest.mark.skipif(GCC32 is None, reason="needs i686-linux-gnu-gcc (the oracle)")
def test_complex_returns_with_gcc(tmp_path):
    """_Complex float comes back in edx:eax, complex double through memory, as gcc does."""
    (tmp_path / "g.c").write_text(COMPLEX_GCC)
    (tmp_path / "p.c").write_text(COMPLEX_PCC)
    subprocess.run([GCC32, "-O1", "-fno-pie", "-c", "g.c", "-o", "g.o"], cwd=tmp_path,
                   check=True)
    for level in LEVELS:
        ok("-m32", level, "p.c", "g.o", "-o", "p", cwd=tmp_path)
        assert execute(tmp_path / "p") == (0, "3 4 1.5 -0.25 44\n")

"""The bundled libc's printf and strtod against the host glibc's.

One generated C program is built twice from the same source -- once with
gcc against glibc, once with gcc against our headers, linked by pld with
our crt1.o and libc.a -- and the two outputs must agree line by line:

* printf: ~2000 (format, value) pairs: integers with every length
  modifier and flag, %e/%f/%g/%a with precisions 0..20 on random doubles
  (all exponents), subnormals, infinities, NaNs, halfway cases, and x87
  long doubles;
* strtod/strtof/strtold: ~5000 random decimal strings (long mantissas,
  halfway cases between two doubles, exponents at the limits, hex floats),
  fed on stdin; the program prints the bits of each result.
"""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TARGET = "x86_64-linux-gnu"
CFLAGS = ["-std=gnu11", "-O2", "-fno-builtin", "-w", "-fno-stack-protector", "-fno-pie"]

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")


# ---- building programs -------------------------------------------------------

@pytest.fixture(scope="module")
def libc(tmp_path_factory):
    from toolchain.libc.build import build_libc
    return build_libc(TARGET, "gcc")


def build_ours(src: Path, out: Path, libc) -> Path:
    from toolchain.ld.cli import main as pld
    obj = out.with_suffix(".o")
    subprocess.run(["gcc", *CFLAGS, "-nostdinc", "-isystem", str(REPO / "toolchain/libc/include"),
                    "-c", str(src), "-o", str(obj)], check=True)
    assert pld(["-static", "-o", str(out), str(libc.crt1_o), str(obj), str(libc.libc_a)]) == 0
    return out


def build_glibc(src: Path, out: Path) -> Path:
    subprocess.run(["gcc", *CFLAGS, "-no-pie", str(src), "-o", str(out), "-lm"], check=True)
    return out


def run(exe: Path, stdin: str = "") -> list[str]:
    result = subprocess.run([str(exe)], input=stdin, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def compare(ours: list[str], theirs: list[str], labels: list[str]) -> list[str]:
    assert len(ours) == len(theirs), f"{len(ours)} lines vs glibc's {len(theirs)}"
    return [f"{label}: ours {a!r} glibc {b!r}"
            for label, a, b in zip(labels, ours, theirs) if a != b]


# ---- printf cases ------------------------------------------------------------

INT_TYPES = [  # (length modifier, C type, bits, signed)
    ("hh", "signed char", 8, True), ("h", "short", 16, True), ("", "int", 32, True),
    ("l", "long", 64, True), ("ll", "long long", 64, True), ("j", "intmax_t", 64, True),
    ("z", "size_t", 64, False), ("t", "ptrdiff_t", 64, True),
]


def _flags(rng: random.Random) -> str:
    return "".join(f for f in "-+ #0" if rng.random() < 0.25)


def _width_prec(rng: random.Random, max_prec: int = 20) -> str:
    s = str(rng.randint(0, 25)) if rng.random() < 0.5 else ""
    if rng.random() < 0.7:
        s += "." + str(rng.randint(0, max_prec))
    return s


def _random_double_bits(rng: random.Random) -> int:
    kind = rng.random()
    if kind < 0.45:
        return rng.getrandbits(64)
    if kind < 0.55:                                           # subnormal
        return rng.getrandbits(1) << 63 | rng.getrandbits(rng.randint(1, 52))
    if kind < 0.75:                                           # "ordinary" magnitudes
        x = rng.choice([1, -1]) * rng.uniform(0, 1) * 10.0 ** rng.randint(-10, 20)
        return struct.unpack("<Q", struct.pack("<d", x))[0]
    if kind < 0.9:                                            # halfway-ish decimals
        x = rng.randint(0, 10 ** rng.randint(1, 8)) / 2 ** rng.randint(0, 8)
        return struct.unpack("<Q", struct.pack("<d", x))[0]
    return rng.choice([0, 1 << 63, 0x7FF0000000000000, 0xFFF0000000000000,
                       0x7FF8000000000000, 0xFFF8000000000000, 0x7FEFFFFFFFFFFFFF, 1,
                       0x0010000000000000, 0x3FF0000000000000, 0x3FE0000000000000])


def _random_ldouble(rng: random.Random) -> tuple[int, int]:
    """(64-bit significand, sign and exponent) of an x87 long double."""
    kind = rng.random()
    sign = rng.getrandbits(1) << 15
    if kind < 0.5:
        return rng.getrandbits(63) | 1 << 63, sign | rng.randint(1, 0x7FFE)
    if kind < 0.65:
        return rng.getrandbits(63) | 1 << 63, sign | rng.randint(0x3F00, 0x4100)
    if kind < 0.8:
        return rng.getrandbits(rng.randint(1, 63)), sign                  # subnormal
    if kind < 0.9:
        return rng.getrandbits(8) << 56 | 1 << 63, sign | rng.randint(0x3FF0, 0x4010)
    return rng.choice([(0, 0), (0, 0x8000), (1 << 63, 0x7FFF), (1 << 63, 0xFFFF),
                       (3 << 62, 0x7FFF), (1 << 63, 0x3FFF), ((1 << 64) - 1, 0x7FFE)])


def printf_cases(seed: int, count: int) -> list[tuple[str, str]]:
    """(format, C argument expression) pairs."""
    rng = random.Random(seed)
    cases = []
    for i in range(count):
        kind = i % 4
        if kind == 0:
            mod, ctype, bits, signed = rng.choice(INT_TYPES)
            conv = rng.choice("di" if signed and rng.random() < 0.6 else "uoxX")
            value = rng.choice([0, 1, -1, rng.getrandbits(bits), -rng.getrandbits(bits - 1),
                                2 ** (bits - 1) - 1, -2 ** (bits - 1)])
            fmt = "%" + _flags(rng) + _width_prec(rng) + mod + conv
            cases.append((fmt, f"({ctype})({value}LL)" if abs(value) < 2 ** 63
                          else f"({ctype})({value & (2**64 - 1)}ULL)"))
        elif kind in (1, 2):
            conv = rng.choice("eEfFgGaA")
            fmt = "%" + _flags(rng) + _width_prec(rng) + conv
            cases.append((fmt, f"dbl(0x{_random_double_bits(rng):016x}ULL)"))
        else:
            conv = rng.choice("eEfgGaA")
            m, se = _random_ldouble(rng)
            fmt = "%" + _flags(rng) + _width_prec(rng) + "L" + conv
            cases.append((fmt, f"ldbl(0x{m:016x}ULL, 0x{se:04x})"))
    # Fixed cases that are easy to get wrong.
    for fmt, arg in [("%.0f", "0.5"), ("%.0f", "1.5"), ("%.0f", "2.5"), ("%.1f", "0.25"),
                     ("%.1f", "0.35"), ("%.2e", "1.125"), ("%g", "100000.0"), ("%g", "1e-5"),
                     ("%#g", "1.0"), ("%#.0e", "3.0"), ("%#.0f", "3.0"), ("%.0a", "1.5"),
                     ("%.0a", "2.5"), ("%.1a", "1.96875"), ("%a", "0.0"), ("%+.3d", "7"),
                     ("%#o", "0"), ("%#x", "0"), ("%.0d", "0"), ("%5.0x|", "0"),
                     ("%-+08.3f|", "-1.0"), ("%08.3e", "-0.0"), ("%010f", "1.0/0.0"),
                     ("%-10e|", "-(0.0/0.0)"), ("%s", "\"text\""), ("%.2s", "\"text\""),
                     ("%10.3s|", "\"text\""), ("%c", "'x'"), ("%-3c|", "'y'"), ("%p", "(void *)0"),
                     ("%p", "(void *)0x1234"), ("%%|%5%|", "0"), ("%.60f", "1e-50"),
                     ("%.40g", "1e300"), ("%La", "1.0L"), ("%.3La", "0.1L"), ("%Lf", "1e4000L")]:
        cases.append((fmt, arg))
    return cases


def printf_program(cases: list[tuple[str, str]]) -> str:
    lines = ["#include <stdio.h>", "#include <stdint.h>", "#include <stddef.h>",
             "#include <string.h>",
             "static double dbl(unsigned long long b) { double d; memcpy(&d, &b, 8); return d; }",
             "static long double ldbl(unsigned long long m, unsigned se) {",
             "  long double x = 0; unsigned char r[16] = {0}; memcpy(r, &m, 8);",
             "  r[8] = (unsigned char)se; r[9] = (unsigned char)(se >> 8);",
             "  memcpy(&x, r, 10); return x; }",
             "static char buf[20000];",
             "static void show(int n) { printf(\"%d:%s\\n\", n, buf); }",
             "int main(void) {"]
    for fmt, arg in cases:
        c_fmt = fmt.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  show(snprintf(buf, sizeof buf, "{c_fmt}", {arg}));')
    lines.append("  return 0; }")
    return "\n".join(lines) + "\n"


def test_printf_matches_glibc(libc, tmp_path, full):
    cases = printf_cases(20240601, 8000 if full else 2000)
    src = tmp_path / "printf_cases.c"
    src.write_text(printf_program(cases))
    ours = run(build_ours(src, tmp_path / "ours", libc))
    theirs = run(build_glibc(src, tmp_path / "theirs"))
    bad = compare(ours, theirs, [f"{f!r} {a}" for f, a in cases])
    assert not bad, f"{len(bad)} of {len(cases)} differ:\n" + "\n".join(bad[:30])


# ---- strtod cases ------------------------------------------------------------

def _halfway(rng: random.Random) -> str:
    """The exact decimal of the midpoint between two adjacent doubles, perturbed."""
    bits = rng.getrandbits(63)
    if (bits >> 52) == 0x7FF:
        bits >>= 1
    x = struct.unpack("<d", struct.pack("<Q", bits))[0]
    y = struct.unpack("<d", struct.pack("<Q", bits + 1))[0]
    if y == float("inf"):
        return repr(x)
    mid = (Fraction(x) + Fraction(y)) / 2
    # exact decimal expansion of mid (its denominator is a power of two)
    den = mid.denominator
    k = den.bit_length() - 1
    digits = str(mid.numerator * 5 ** k)
    s = (digits[:-k] or "0") + "." + digits[-k:].rjust(k, "0") if k else digits
    tweak = rng.random()
    if tweak < 0.3:
        s += "0000001"
    elif tweak < 0.5 and "." in s:
        s = s[:-1] + str(int(s[-1]) - 1) if s[-1] != "0" else s
    return s


def strtod_inputs(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        kind = rng.random()
        sign = rng.choice(["", "-", "+"]) if rng.random() < 0.3 else ""
        if kind < 0.3:
            mant = str(rng.getrandbits(rng.randint(1, 64)))
            exp = rng.randint(-340, 320)
            out.append(f"{sign}{mant}e{exp}")
        elif kind < 0.45:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(17, 120)))
            point = rng.randint(0, len(digits))
            out.append(f"{sign}{digits[:point]}.{digits[point:]}e{rng.randint(-330, 310)}")
        elif kind < 0.6:
            out.append(sign + _halfway(rng))
        elif kind < 0.7:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(63)))[0]
            if x != x or x in (float("inf"),):
                x = 1.5
            out.append(sign + repr(x))
        elif kind < 0.8:                                   # extremes
            out.append(sign + rng.choice([
                f"{rng.randint(1, 99999)}e-{rng.randint(320, 330)}",
                f"{rng.randint(1, 99999)}e{rng.randint(300, 312)}",
                f"1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315807e308",
                "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
                "2.2250738585072011e-308", "2.2250738585072012e-308", "1e-400", "1e400",
                "0.0000000000000000000000000000000000001e-290", "123456789012345678901234567890",
                f"{rng.randint(1, 9)}e-{rng.randint(4940, 4955)}", f"1e{rng.randint(4925, 4940)}"]))
        elif kind < 0.9:                                   # hex floats
            out.append(f"{sign}0x{rng.getrandbits(rng.randint(4, 80)):x}."
                       f"{rng.getrandbits(8):x}p{rng.randint(-1100, 1030)}")
        else:                                              # odd syntax
            out.append(rng.choice(["inf", "-INF", "Infinity", "nan", "-nan", "NaN(123)",
                                   "  42", "1e", "1e+", ".5", "5.", ".", "-", "0x", "0x.8p1",
                                   "1.5e+", "abc", "00012.500", "1_000", "0e99999",
                                   "1e-99999", f"{rng.random()}"]))
    return out


STRTOD_PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  static char line[4096];
  while (fgets(line, sizeof line, stdin)) {
    char *end; double d; float f; long double ld;
    unsigned long long db; unsigned fb; unsigned char lb[16] = {0};
    line[strcspn(line, "\n")] = 0;
    d = strtod(line, &end); memcpy(&db, &d, 8);
    printf("%016llx %d", db, (int)(end - line));
    f = strtof(line, &end); memcpy(&fb, &f, 4);
    printf(" %08x %d", fb, (int)(end - line));
    ld = strtold(line, &end); memcpy(lb, &ld, 10);
    printf(" %02x%02x", lb[9], lb[8]);
    for (int i = 7; i >= 0; i--) printf("%02x", lb[i]);
    printf(" %d\n", (int)(end - line));
  }
  return 0;
}
"""


def test_strtod_matches_glibc(libc, tmp_path, full):
    inputs = strtod_inputs(20240601, 20000 if full else 5000)
    src = tmp_path / "strtod_cases.c"
    src.write_text(STRTOD_PROGRAM)
    stdin = "\n".join(inputs) + "\n"
    ours = run(build_ours(src, tmp_path / "ours", libc), stdin)
    theirs = run(build_glibc(src, tmp_path / "theirs"), stdin)
    bad = compare(ours, theirs, inputs)
    assert not bad, f"{len(bad)} of {len(inputs)} differ:\n" + "\n".join(bad[:30])


SCANF_PROGRAM = r"""
#include <stdio.h>
int main(void) {
  int a = 0, n = 0, r; unsigned u = 0; long l = 0; double d = 0; float f = 0;
  char s[64] = "", t[64] = "", c[4] = "";
  r = sscanf("  42 0x1f -17 3.25e2 abc:def  xyz", "%d %i %ld %lf %[a-z]:%s %n%3c",
             &a, (int *)&u, &l, &d, s, t, &n, c);
  printf("%d %d %u %ld %g %s %s %d %.3s\n", r, a, u, l, d, s, t, n, c);
  r = sscanf("12abc", "%2d%f", &a, &f);
  printf("%d %d\n", r, a);
  r = sscanf("", "%d", &a);
  printf("%d\n", r);
  r = sscanf("1.5 2", "%f %o %n", &f, &u, &n);
  printf("%d %g %u %d\n", r, f, u, n);
  r = sscanf("[x] 010 -0x10", "[%1[^]]] %i %x", s, &a, &u);
  printf("%d %s %d %d\n", r, s, a, (int)u);
  return 0;
}
"""


def test_sscanf_matches_glibc(libc, tmp_path):
    src = tmp_path / "scanf_cases.c"
    src.write_text(SCANF_PROGRAM)
    ours = run(build_ours(src, tmp_path / "ours", libc))
    theirs = run(build_glibc(src, tmp_path / "theirs"))
    assert ours == theirs

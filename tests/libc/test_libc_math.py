"""math.h of the bundled libc against glibc's libm: the exact functions
(floor, fmod, frexp, nextafter, sqrt...) must agree bit for bit, the
transcendental ones within the listed number of units in the last place
(double and float).  glibc itself is not always correctly rounded (its
cbrt is up to ~2 ulps from ours, ours being the closer one), hence the 2s."""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_libc_printf import build_glibc, build_ours, libc, run  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")

EXACT = ["floor", "ceil", "trunc", "round", "rint", "nearbyint", "fabs", "sqrt", "logb",
         "significand"]
EXACT2 = ["fmod", "remainder", "copysign", "nextafter", "fdim", "fmax", "fmin", "hypot"]
# (function, low, high, allowed ulps)
INEXACT = [("exp", -700, 700, 1), ("expm1", -5, 5, 1), ("log", 1e-300, 1e300, 1),
           ("log1p", -0.9, 10, 1), ("log2", 1e-30, 1e30, 1), ("log10", 1e-30, 1e30, 1),
           ("exp2", -1000, 1000, 1), ("sin", -100, 100, 1), ("cos", -100, 100, 1),
           ("tan", -10, 10, 1), ("atan", -50, 50, 1), ("asin", -1, 1, 1), ("acos", -1, 1, 1),
           ("sinh", -20, 20, 1), ("cosh", -20, 20, 1), ("tanh", -5, 5, 1),
           ("asinh", -1e5, 1e5, 1), ("acosh", 1, 1e5, 1), ("atanh", -0.999, 0.999, 1),
           ("cbrt", -1e10, 1e10, 2), ("erf", -4, 4, 1), ("erfc", -2, 20, 2),
           ("lgamma", 0.01, 100, 2), ("tgamma", 0.01, 150, 2)]
INEXACT2 = [("pow", 0.01, 100, 1), ("atan2", -100, 100, 1)]


def _values(rng: random.Random, lo: float, hi: float, n: int) -> list[float]:
    vals = [rng.uniform(lo, hi) for _ in range(n)]
    if lo > 0:
        vals += [lo * (hi / lo) ** rng.random() for _ in range(n)]
    return vals


def program(rng: random.Random) -> tuple[str, list[tuple[str, int]]]:
    lines = ["#include <math.h>", "#include <stdio.h>", "#include <string.h>",
             "static double dbl(unsigned long long b) { double d; memcpy(&d, &b, 8); return d; }",
             "static void out(double d) { unsigned long long b; memcpy(&b, &d, 8);"
             " printf(\"%016llx\\n\", b); }",
             "static void outf(float f) { unsigned b; memcpy(&b, &f, 4); printf(\"%08x\\n\", b); }",
             "int main(void) { volatile double x, y; volatile float xf;"]
    labels: list[tuple[str, int]] = []

    def bits(v: float) -> str:
        return f"dbl(0x{struct.unpack('<Q', struct.pack('<d', v))[0]:016x}ULL)"
    specials = [0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 1e300, -1e-310, 5e-324, 3.0, 1e16 + 1]
    for f in EXACT:
        for v in specials + _values(rng, -1e6, 1e6, 40):
            lines.append(f"  x = {bits(v)}; out({f}(x));")
            labels.append((f"{f}({v!r})", 0))
    for f in EXACT2:
        for _ in range(60):
            a, b = rng.choice(specials + _values(rng, -1e4, 1e4, 3)), rng.choice(
                specials[2:] + _values(rng, -100, 100, 3))
            lines.append(f"  x = {bits(a)}; y = {bits(b)}; out({f}(x, y));")
            labels.append((f"{f}({a!r}, {b!r})", 0))
    for f, lo, hi, ulps in INEXACT:
        for v in _values(rng, lo, hi, 60):
            lines.append(f"  x = {bits(v)}; out({f}(x)); xf = (float)x; outf({f}f(xf));")
            labels.append((f"{f}({v!r})", ulps))
            labels.append((f"{f}f({v!r})", ulps))
    for f, lo, hi, ulps in INEXACT2:
        for _ in range(80):
            a, b = rng.uniform(lo, hi), rng.uniform(-30, 30)
            lines.append(f"  x = {bits(a)}; y = {bits(b)}; out({f}(x, y));")
            labels.append((f"{f}({a!r}, {b!r})", ulps))
    lines.append("  return 0; }")
    return "\n".join(lines) + "\n", labels


def _ulps(a: str, b: str) -> int:
    x, y = int(a, 16), int(b, 16)
    width = len(a) * 4
    sign = 1 << (width - 1)
    # map to a monotonic integer line
    x = -(x & ~sign) if x & sign else x
    y = -(y & ~sign) if y & sign else y
    return abs(x - y)


def test_math_matches_glibc(libc, tmp_path):
    src = tmp_path / "math_cases.c"
    text, labels = program(random.Random(20240601))
    src.write_text(text)
    ours = run(build_ours(src, tmp_path / "ours", libc))
    theirs = run(build_glibc(src, tmp_path / "theirs"))
    assert len(ours) == len(theirs) == len(labels)
    bad = [f"{label}: ours {a} glibc {b}" for (label, allowed), a, b in zip(labels, ours, theirs)
           if a != b and not (int(a, 16) & 0x7ff8000000000000 == int(b, 16) & 0x7ff8000000000000
                              == 0x7ff8000000000000) and _ulps(a, b) > allowed]
    assert not bad, f"{len(bad)} of {len(labels)} differ:\n" + "\n".join(bad[:40])


def _fenv_program() -> str:
    from test_libc_cross import FENV_PROGRAM
    return FENV_PROGRAM


def test_fenv_matches_glibc(libc, tmp_path):
    """fenv.h on x86-64 (arch/x86_64/fenv.s: the x87 unit and SSE's MXCSR together):
    rounding modes, each exception's flag, raising/saving/restoring flags,
    environments and FE_DFL_ENV, as glibc's."""
    src = tmp_path / "fenv.c"
    src.write_text(_fenv_program())
    ours = run(build_ours(src, tmp_path / "ours", libc))
    theirs = run(build_glibc(src, tmp_path / "theirs"))
    assert "1/0: divbyzero" in theirs
    assert ours == theirs


@pytest.mark.skipif(shutil.which("i686-linux-gnu-gcc") is None, reason="needs i686-linux-gnu-gcc")
def test_fenv_i386_matches_glibc(tmp_path):
    """fenv.h on i386 (arch/i386/fenv.s, the x87 unit), the program and the libc
    compiled by pcc, against i686-linux-gnu-gcc with glibc.  The float quotient's
    part of the lines is left out: gcc keeps 1/3.0f at the x87's precision before
    widening it to double, pcc rounds it to float first; under FLT_EVAL_METHOD 2
    with gcc's default -fexcess-precision=fast (GNU modes) both are allowed, and
    it is not the environment's business."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cc"))
    from pccrun import pcc
    src = tmp_path / "fenv.c"
    src.write_text(_fenv_program())
    subprocess.run(["i686-linux-gnu-gcc", "-O1", "-static", str(src), "-o",
                    str(tmp_path / "theirs"), "-lm"], check=True, capture_output=True)
    status, err = pcc("-m32", "-O1", src, "-o", tmp_path / "ours")
    assert status == 0, err
    ours, theirs = run(tmp_path / "ours"), run(tmp_path / "theirs")
    assert "1/0: divbyzero" in theirs and len(ours) == len(theirs)
    same = [(a.split(" 1/3f")[0], b.split(" 1/3f")[0]) for a, b in zip(ours, theirs)]
    assert [a for a, _ in same] == [b for _, b in same]

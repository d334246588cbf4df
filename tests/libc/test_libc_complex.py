"""complex.h of the bundled libc against glibc's: every function of C11 7.3
(double, float, long double) on ordinary arguments, near the branch cuts, and
the special values Annex G fixes (zeros with their signs, infinities); the
outputs, printed to 12 (double) / 6 (float) / 15 (long double) significant
digits, must be glibc's."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_libc_printf import build_glibc, build_ours, libc, run  # noqa: F401,F811  (fixture)

pytestmark = pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")

PROGRAM = r"""
#include <complex.h>
#include <math.h>
#include <stdio.h>
static void show(const char *name, double complex z) { printf("%-6s %.12g %+.12gi\n", name, creal(z), cimag(z)); }
static void showf(const char *name, float complex z) { printf("%-6s %.6g %+.6gi\n", name, crealf(z), cimagf(z)); }
static void ordinary(void) {
    double complex z = 0.5 + 0.75 * I, w = -2.0 + 1.5 * I;
    show("cexp", cexp(z)); show("clog", clog(w)); show("csqrt", csqrt(w)); show("csqrtn", csqrt(-4.0));
    show("cpow", cpow(z, w)); show("csin", csin(z)); show("ccos", ccos(w)); show("ctan", ctan(z));
    show("csinh", csinh(w)); show("ccosh", ccosh(z)); show("ctanh", ctanh(w));
    show("casin", casin(w)); show("cacos", cacos(z)); show("catan", catan(w));
    show("casinh", casinh(z)); show("cacosh", cacosh(w)); show("catanh", catanh(z));
    show("conj", conj(w)); show("cproj", cproj(w)); printf("cabs %.12g carg %.12g\n", cabs(w), carg(w));
    showf("cexpf", cexpf(0.5f + 0.25f * I)); showf("csqrtf", csqrtf(-3.0f + 4.0f * I)); showf("conjf", conjf(1.0f + 2.0f * I));
    long double complex lz = 1.0L + 1.0L * I;
    printf("cabsl %.15Lg csqrtl %.15Lg %+.15Lgi\n", cabsl(lz), creall(csqrtl(lz)), cimagl(csqrtl(lz)));

}



static void specials(void) {
    show("sqrt0", csqrt(CMPLX(0.0, -0.0))); show("sqrtinf", csqrt(CMPLX(1.0, INFINITY)));
    show("sqrtninf", csqrt(CMPLX(-INFINITY, 2.0))); show("sqrtpinf", csqrt(CMPLX(INFINITY, -2.0)));
    show("sqrtcut", csqrt(CMPLX(-4.0, -0.0))); show("exp0", cexp(CMPLX(0.0, 0.0)));
    show("expreal", cexp(CMPLX(1.0, 0.0))); show("expninf", cexp(CMPLX(-INFINITY, 3.0)));
    show("log1", clog(CMPLX(1.0, 0.0))); show("logneg", clog(CMPLX(-1.0, 0.0)));
    show("proj", cproj(CMPLX(INFINITY, -3.0))); show("tanhbig", ctanh(CMPLX(30.0, 1.0)));
    show("atanh", catanh(CMPLX(0.25, 0.0))); show("asinh0", casinh(CMPLX(-0.0, 0.0)));
    show("powreal", cpow(CMPLX(2.0, 0.0), CMPLX(10.0, 0.0)));

}
int main(void)
{
    ordinary();
    specials();
    return 0;
}
"""


def test_complex_matches_glibc(libc, tmp_path):
    src = tmp_path / "complex_cases.c"
    src.write_text(PROGRAM)
    ours = run(build_ours(src, tmp_path / "ours", libc))
    theirs = run(build_glibc(src, tmp_path / "theirs"))
    assert len(ours) == len(theirs) > 30
    bad = [f"ours {a!r} glibc {b!r}" for a, b in zip(ours, theirs) if a != b]
    assert not bad, f"{len(bad)} of {len(ours)} differ:\n" + "\n".join(bad[:20])

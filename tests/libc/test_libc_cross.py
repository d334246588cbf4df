"""The bundled libc on AArch64 and RISC-V 64, built by the Debian cross
compilers, against glibc on the same target, both run under qemu-user.

For each target, ``toolchain.libc.build`` compiles ``libc.a`` and ``crt1.o``
with ``<target>-gcc`` (cached under build.py's key, so once per source
state).  Each test program is then built twice with that cross gcc: against
glibc (``-static``), and against our headers (``-nostdinc -isystem
toolchain/libc/include``), linked by pld with our crt1.o and libc.a.  Both
run under qemu-aarch64 / qemu-riscv64 and must print the same on stdout and
stderr and exit with the same status.

The programs: those of the x86-64 libc tests (printf, strtod, sscanf, math,
complex, fnmatch/err.h, the address conversions, nl_langinfo, sockets,
poll/select/epoll, glob, the POSIX wrappers), the binary128 long double
paths these targets add (printf %L, strtold, the exact long double math
functions, sqrtl) and fenv.h; then a seeded sample of the corpora
(tests/corpus.py; ``--full``: every program the manifest marks ok for the
target).  The summary line counts the corpus programs passed per target.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tests"))

import test_libc_complex  # noqa: E402
import test_libc_math  # noqa: E402
import test_libc_misc  # noqa: E402
import test_libc_posix  # noqa: E402
import test_libc_printf  # noqa: E402
from corpus import corpora_dir, load_programs, select  # noqa: E402
from testopts import is_full, sample_seed  # noqa: E402

INCLUDE = REPO / "toolchain" / "libc" / "include"
OUR_FLAGS = ("-w", "-fno-stack-protector", "-fno-pie", "-nostdinc", "-isystem", str(INCLUDE))
RUN_TIMEOUT = 120
CORPUS_SAMPLE = 25             # corpus programs per target in the quick run


@dataclass(frozen=True)
class Cross:
    target: str
    gcc: str
    qemu: str
    manifest_ok: str           # the corpus manifests' column for this target


CROSS = {
    "aarch64-linux-gnu": Cross("aarch64-linux-gnu", "aarch64-linux-gnu-gcc", "qemu-aarch64",
                               "ok_aarch64"),
    "riscv64-linux-gnu": Cross("riscv64-linux-gnu", "riscv64-linux-gnu-gcc", "qemu-riscv64",
                               "ok_riscv64"),
}


def _cross(target: str) -> Cross:
    cross = CROSS[target]
    missing = [tool for tool in (cross.gcc, cross.qemu) if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)}")
    return cross


_LIBC: dict[str, object] = {}


def cross_libc(target: str):
    """libc.a and crt1.o for ``target`` built by its cross gcc (once per session;
    build.py caches it on disk under its key)."""
    if target not in _LIBC:
        from toolchain.libc.build import build_libc
        _LIBC[target] = build_libc(target, CROSS[target].gcc)
    return _LIBC[target]


@dataclass(frozen=True)
class Run:
    stdout: str
    stderr: str
    status: int


def build_glibc(cross: Cross, src: Path, exe: Path, flags: tuple[str, ...] = ("-O2", "-w"),
                cwd: Path | None = None) -> str | None:
    """Build against glibc; None, or the compiler's complaint."""
    exe.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([cross.gcc, *flags, "-static", str(src), "-o", str(exe), "-lm"],
                            capture_output=True, text=True, timeout=300, cwd=cwd)
    return None if result.returncode == 0 else result.stderr.strip() or "failed"


def build_ours(cross: Cross, src: Path, exe: Path, flags: tuple[str, ...] = ("-O2",),
               cwd: Path | None = None) -> str | None:
    """Build against our headers, link with pld; None, or what failed."""
    from toolchain.ld.cli import main as pld
    libc = cross_libc(cross.target)
    exe.parent.mkdir(parents=True, exist_ok=True)
    obj = exe.with_suffix(".o")
    result = subprocess.run([cross.gcc, *flags, *OUR_FLAGS, "-c", str(src), "-o", str(obj)],
                            capture_output=True, text=True, timeout=300, cwd=cwd)
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if "error" in line]
        return "compile: " + (errors or [result.stderr.strip() or "failed"])[0]
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        status = pld(["-static", "-o", str(exe), str(libc.crt1_o), str(obj),
                      "--start-group", str(libc.libc_a), "--end-group"])
    if status != 0:
        return "link: " + (err.getvalue().strip().splitlines() or [str(status)])[0]
    return None


def run(cross: Cross, exe: Path, stdin: str = "", args: tuple[str, ...] = (),
        cwd: Path | None = None) -> Run:
    try:
        result = subprocess.run([cross.qemu, str(exe), *args], input=stdin.encode(),
                                capture_output=True, timeout=RUN_TIMEOUT, cwd=cwd)
    except subprocess.TimeoutExpired:
        return Run("", "timeout", -1)
    return Run(result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace"),
               result.returncode)


def both(target: str, tmp_path: Path, source: str, stdin: str = "",
         args: tuple[str, ...] = (), cwd: Path | None = None) -> tuple[Run, Run]:
    """(ours, glibc's) for one program, the two executables named alike (err.h
    prints the name)."""
    cross = _cross(target)
    src = tmp_path / "prog.c"
    src.write_text(source)
    problem = build_glibc(cross, src, tmp_path / "glibc" / "prog")
    assert problem is None, f"glibc build: {problem}"
    problem = build_ours(cross, src, tmp_path / "ours" / "prog")
    assert problem is None, problem
    theirs = run(cross, tmp_path / "glibc" / "prog", stdin, args, cwd)
    ours = run(cross, tmp_path / "ours" / "prog", stdin, args, cwd)
    return ours, theirs


def assert_same(ours: Run, theirs: Run, labels: list[str] | None = None) -> None:
    mine, want = ours.stdout.splitlines(), theirs.stdout.splitlines()
    bad = [f"{labels[i] if labels and i < len(labels) else i}: ours {a!r} glibc {b!r}"
           for i, (a, b) in enumerate(zip(mine, want)) if a != b]
    assert not bad, f"{len(bad)} of {len(want)} lines differ:\n" + "\n".join(bad[:30])
    assert len(mine) == len(want), f"{len(mine)} lines, glibc {len(want)}"
    assert (ours.stderr, ours.status) == (theirs.stderr, theirs.status)


TARGETS = list(CROSS)


# ---- the x86-64 libc tests' programs -------------------------------------------

@pytest.mark.parametrize("target", TARGETS)
def test_printf(target, tmp_path, full):
    cases = test_libc_printf.printf_cases(20240601, 8000 if full else 2000)
    ours, theirs = both(target, tmp_path, test_libc_printf.printf_program(cases))
    assert theirs.status == 0 and len(theirs.stdout.splitlines()) == len(cases)
    assert_same(ours, theirs, [f"{f!r} {a}" for f, a in cases])


@pytest.mark.parametrize("target", TARGETS)
def test_strtod(target, tmp_path, full):
    inputs = test_libc_printf.strtod_inputs(20240601, 20000 if full else 3000)
    ours, theirs = both(target, tmp_path, test_libc_printf.STRTOD_PROGRAM, "\n".join(inputs) + "\n")
    assert theirs.status == 0 and len(theirs.stdout.splitlines()) == len(inputs)
    assert_same(ours, theirs, inputs)


@pytest.mark.parametrize("target", TARGETS)
def test_sscanf(target, tmp_path):
    ours, theirs = both(target, tmp_path, test_libc_printf.SCANF_PROGRAM)
    assert theirs.status == 0 and theirs.stdout.count("\n") == 5
    assert_same(ours, theirs)


@pytest.mark.parametrize("target", TARGETS)
def test_math(target, tmp_path):
    text, labels = test_libc_math.program(random.Random(20240601))
    ours, theirs = both(target, tmp_path, text)
    mine, want = ours.stdout.splitlines(), theirs.stdout.splitlines()
    assert len(mine) == len(want) == len(labels)
    nan = 0x7ff8000000000000
    bad = [f"{label}: ours {a} glibc {b}" for (label, allowed), a, b in zip(labels, mine, want)
           if a != b and not (int(a, 16) & nan == int(b, 16) & nan == nan)
           and test_libc_math._ulps(a, b) > allowed]
    assert not bad, f"{len(bad)} of {len(labels)} differ:\n" + "\n".join(bad[:40])


@pytest.mark.parametrize("target", TARGETS)
def test_complex(target, tmp_path):
    ours, theirs = both(target, tmp_path, test_libc_complex.PROGRAM)
    assert theirs.status == 0 and theirs.stdout.count("\n") > 30
    assert_same(ours, theirs)


MISC_PROGRAMS = {
    "fnmatch-err": test_libc_misc.program,
    "inet": test_libc_misc.network_program,
    "langinfo": test_libc_misc.langinfo_program,
    "socket": lambda: test_libc_misc.SOCKET_PROGRAM,
    "poll": lambda: test_libc_misc.POLL_PROGRAM,
}


@pytest.mark.parametrize("name", list(MISC_PROGRAMS))
@pytest.mark.parametrize("target", TARGETS)
def test_misc(target, name, tmp_path):
    ours, theirs = both(target, tmp_path, MISC_PROGRAMS[name]())
    assert theirs.stdout.count("\n") > 5, theirs
    assert_same(ours, theirs)


@pytest.mark.parametrize("target", TARGETS)
def test_glob(target, tmp_path):
    tree = tmp_path / "tree"
    test_libc_misc._glob_tree(tree)
    try:
        ours, theirs = both(target, tmp_path, test_libc_misc.glob_program(), args=(str(tree),))
    finally:
        (tree / "unreadable").chmod(0o755)
    assert theirs.status == 0 and theirs.stdout.count("\n") >= len(test_libc_misc.GLOB_CASES)
    assert_same(ours, theirs)


@pytest.mark.parametrize("target", TARGETS)
def test_posix_wrappers(target, tmp_path):
    """The x86-64 test's fixed expectations: open/stat/pipe/fork/mmap/signals/
    setjmp/time/env/popen/utimes, on the asm-generic system calls."""
    cross = _cross(target)
    src = tmp_path / "posix.c"
    src.write_text(test_libc_posix.PROGRAM)
    problem = build_ours(cross, src, tmp_path / "posix")
    assert problem is None, problem
    # the program's getcwd buffer is 64 bytes: run it in a short-named folder
    with tempfile.TemporaryDirectory(prefix="pcc-") as short:
        got = run(cross, tmp_path / "posix", cwd=Path(short))
    assert got.stdout == test_libc_posix.EXPECTED
    assert (got.stderr, got.status) == ("to stderr\n", 3)


# ---- binary128 long double ----------------------------------------------------

LDBL_HELPERS = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
static long double q(unsigned long long hi, unsigned long long lo)
{ long double x; unsigned long long w[2] = {lo, hi}; memcpy(&x, w, 16); return x; }
static void bits(long double x)
{ unsigned long long w[2]; memcpy(w, &x, 16); printf("%016llx%016llx", w[1], w[0]); }
"""


def _random_quad(rng: random.Random) -> int:
    """A binary128 bit pattern: any exponent, near 1, subnormal, or special."""
    sign = rng.getrandbits(1) << 127
    kind = rng.random()
    if kind < 0.4:
        return sign | rng.randint(1, 0x7FFE) << 112 | rng.getrandbits(112)
    if kind < 0.65:
        return sign | rng.randint(0x3FF0, 0x4010) << 112 | rng.getrandbits(112)
    if kind < 0.75:
        return sign | rng.randint(0x3FF0, 0x4010) << 112 | rng.getrandbits(8) << 104
    if kind < 0.85:
        return sign | rng.getrandbits(rng.randint(1, 112))
    return sign | rng.choice([0, 0x7FFF << 112, 0x7FFF << 112 | 1 << 111, 0x3FFF << 112,
                              0x7FFE << 112 | (1 << 112) - 1, 1, 0x0001 << 112])


def _quad(bits_: int) -> str:
    return f"q(0x{bits_ >> 64:016x}ULL, 0x{bits_ & (1 << 64) - 1:016x}ULL)"


def ldbl_printf_program(rng: random.Random, count: int) -> tuple[str, list[str]]:
    lines = [LDBL_HELPERS, "static char buf[20000];", "int main(void) {"]
    labels = []
    for _ in range(count):
        fmt = "%" + test_libc_printf._flags(rng) + test_libc_printf._width_prec(rng, 40) + \
            "L" + rng.choice("eEfFgGaA")
        value = _random_quad(rng)
        call = f'snprintf(buf, sizeof buf, "{fmt}", {_quad(value)})'
        lines.append(f'  printf("%d:%s\\n", {call}, buf);')
        labels.append(f"{fmt} {value:032x}")
    lines.append("  return 0; }")
    return "\n".join(lines) + "\n", labels


@pytest.mark.parametrize("target", TARGETS)
def test_printf_binary128(target, tmp_path, full):
    """%Le %Lf %Lg %La on binary128 values of every kind."""
    text, labels = ldbl_printf_program(random.Random(20240602), 3000 if full else 800)
    ours, theirs = both(target, tmp_path, text)
    assert theirs.status == 0 and len(theirs.stdout.splitlines()) == len(labels)
    assert_same(ours, theirs, labels)


def _quad_halfway(rng: random.Random) -> str:
    """The decimal expansion of a point halfway between two binary128 values."""
    e = rng.randint(-60, 60)
    m = rng.getrandbits(112) | 1 << 112
    mid = (Fraction(2 * m + 1) / 2) * Fraction(2) ** (e - 112)
    den = mid.denominator
    k = den.bit_length() - 1
    digits = str(mid.numerator * 5 ** k)
    s = ((digits[:-k] or "0") + "." + digits[-k:].rjust(k, "0")) if k else digits
    return s + rng.choice(["", "0000001", ""]) if rng.random() < 0.7 else s[:-1]


def strtold_inputs(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.3:
            digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(30, 50)))
            out.append(f"{digits[0]}.{digits[1:]}e{rng.randint(-4950, 4930)}")
        elif kind < 0.5:
            out.append(_quad_halfway(rng))
        elif kind < 0.65:
            out.append(rng.choice(["1.18973149535723176508575932662800702e4932",
                                   "1.18973149535723176508575932662800703e4932",
                                   "1.2e4932", "6.475175119438025110924438958227646552e-4966",
                                   "3.2e-4966", "3.3e-4966", "1e-4970",
                                   "3.36210314311209350626267781732175260e-4932",
                                   f"{rng.randint(1, 999)}e-{rng.randint(4930, 4970)}"]))
        elif kind < 0.8:
            out.append(f"0x{rng.getrandbits(rng.randint(4, 120)):x}.{rng.getrandbits(12):x}"
                       f"p{rng.randint(-16500, 16400)}")
        else:
            out.append(test_libc_printf.strtod_inputs(rng.randint(0, 1 << 30), 1)[0])
    return out


STRTOLD_PROGRAM = LDBL_HELPERS + r"""
int main(void) {
  static char line[4096];
  long double x; float f; char *end; int n;
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\n")] = 0;
    x = strtold(line, &end);
    bits(x);
    printf(" %d", (int)(end - line));
    if (*end == 0 && end != line) {      /* scanf on the complete numbers */
      n = sscanf(line, "%Lf", &x);
      printf(" %d ", n);
      if (x != x)                        /* NaN payloads are unspecified */
        printf("nan");
      else
        bits(n == 1 ? x : 0.0L);
    }
    printf(" %.36Lg\n", x);
  }
  return 0;
}
"""


@pytest.mark.parametrize("target", TARGETS)
def test_strtold_binary128(target, tmp_path, full):
    """strtold and scanf %Lf: correctly rounded to 113 bits, all 16 bytes compared."""
    inputs = strtold_inputs(random.Random(20240603), 6000 if full else 1500)
    ours, theirs = both(target, tmp_path, STRTOLD_PROGRAM, "\n".join(inputs) + "\n")
    assert theirs.status == 0 and len(theirs.stdout.splitlines()) == len(inputs)
    assert_same(ours, theirs, inputs)


LDBL_EXACT1 = ["floorl", "ceill", "truncl", "roundl", "rintl", "nearbyintl", "fabsl", "sqrtl",
               "logbl"]
LDBL_EXACT2 = ["fmodl", "remainderl", "copysignl", "nextafterl", "fdiml", "fmaxl", "fminl"]


def ldbl_math_program(rng: random.Random) -> tuple[str, list[str]]:
    lines = [LDBL_HELPERS, "int main(void) { volatile long double x, y; long double ip;"
                           " int e; long l;"]
    labels = []
    values = [_random_quad(rng) for _ in range(60)]
    for v in values:
        x = _quad(v)
        for f in LDBL_EXACT1:
            lines.append(f"  x = {x}; bits({f}(x)); printf(\"\\n\");")
            labels.append(f"{f}({v:032x})")
        lines.append(f"  x = {x}; bits(frexpl(x, &e)); printf(\" %d\\n\", e);")
        lines.append(f"  x = {x}; bits(modfl(x, &ip)); printf(\" \"); bits(ip); printf(\"\\n\");")
        shift, scale = rng.randint(-200, 200), rng.randint(-17000, 17000)
        lines.append(f"  x = {x}; printf(\"%d \", ilogbl(x)); bits(ldexpl(x, {shift}));"
                     f" printf(\" \"); bits(scalbnl(x, {scale})); printf(\"\\n\");")
        lines.append(f"  x = {x}; l = (x > -1e18L && x < 1e18L) ? lrintl(x) + lroundl(x) : 0;"
                     f" printf(\"%ld\\n\", l);")
        labels += [f"frexpl({v:032x})", f"modfl({v:032x})", f"ldexpl/scalbnl({v:032x})",
                   f"lrintl({v:032x})"]
    for f in LDBL_EXACT2:
        for _ in range(40):
            a, b = rng.choice(values), _random_quad(rng)
            lines.append(f"  x = {_quad(a)}; y = {_quad(b)}; bits({f}(x, y)); printf(\"\\n\");")
            labels.append(f"{f}({a:032x}, {b:032x})")
    lines.append("  return 0; }")
    return "\n".join(lines) + "\n", labels


@pytest.mark.parametrize("target", TARGETS)
def test_ldbl_exact_math_binary128(target, tmp_path):
    """The long double functions whose result is exact (or rounded once:
    sqrtl, rintl), bit for bit; NaN payloads excepted."""
    text, labels = ldbl_math_program(random.Random(20240604))
    ours, theirs = both(target, tmp_path, text)
    mine, want = ours.stdout.splitlines(), theirs.stdout.splitlines()
    assert len(mine) == len(want) == len(labels)

    def is_nan(word: str) -> bool:
        return len(word) == 32 and (int(word, 16) >> 112) & 0x7FFF == 0x7FFF and \
            int(word, 16) & ((1 << 112) - 1) != 0
    bad = [f"{label}: ours {a} glibc {b}" for label, a, b in zip(labels, mine, want)
           if a != b and not all(is_nan(x) and is_nan(y) or x == y
                                 for x, y in zip(a.split(), b.split()))]
    assert not bad, f"{len(bad)} of {len(labels)} differ:\n" + "\n".join(bad[:40])


# (function, low, high, allowed ulps of binary128): the series of transcend.c
# are good to an ulp or so; powl (its log2 x is not carried with extra
# precision, so the error grows with |y log2 x|: up to ~60 ulps here) and
# lgamma/tgamma (a difference of two large logarithms for small arguments)
# lose more.
LDBL_INEXACT = [("expl", -11000, 11000, 2), ("expm1l", -1, 1, 2), ("logl", 1e-300, 1e300, 2),
                ("log1pl", -0.5, 10, 2), ("log2l", 1e-30, 1e30, 2), ("log10l", 1e-30, 1e30, 2),
                ("exp2l", -16000, 16000, 2), ("sinl", -100, 100, 2), ("cosl", -100, 100, 2),
                ("tanl", -10, 10, 2), ("atanl", -50, 50, 2), ("asinl", -1, 1, 2),
                ("acosl", -1, 1, 2), ("sinhl", -20, 20, 2), ("coshl", -20, 20, 2),
                ("tanhl", -5, 5, 2), ("cbrtl", -1e10, 1e10, 2), ("erfl", -2, 2, 8),
                ("lgammal", 0.5, 100, 4096), ("tgammal", 0.5, 50, 4096)]


def ldbl_inexact_program(rng: random.Random) -> tuple[str, list[tuple[str, int]]]:
    lines = [LDBL_HELPERS, "int main(void) { volatile long double x;"]
    labels = []
    for f, lo, hi, ulps in LDBL_INEXACT:
        for v in [v for v in test_libc_math._values(rng, lo, hi, 12) if math.isfinite(v)]:
            lines.append(f"  x = {v!r}L; bits({f}(x)); printf(\"\\n\");")
            labels.append((f"{f}({v!r})", ulps))
    for _ in range(24):
        a, b = rng.uniform(0.01, 100), rng.uniform(-30, 30)
        lines.append(f"  x = {a!r}L; bits(powl(x, {b!r}L)); printf(\"\\n\");")
        labels.append((f"powl({a!r}, {b!r})", 128))
    lines.append("  return 0; }")
    return "\n".join(lines) + "\n", labels


@pytest.mark.parametrize("target", TARGETS)
def test_ldbl_transcendental_binary128(target, tmp_path):
    """expl, logl, sinl ... to binary128 precision, within the listed ulps of glibc."""
    text, labels = ldbl_inexact_program(random.Random(20240605))
    ours, theirs = both(target, tmp_path, text)
    mine, want = ours.stdout.splitlines(), theirs.stdout.splitlines()
    assert len(mine) == len(want) == len(labels)
    bad = [f"{label}: ours {a} glibc {b} ({test_libc_math._ulps(a, b)} ulps)"
           for (label, allowed), a, b in zip(labels, mine, want)
           if a != b and test_libc_math._ulps(a, b) > allowed]
    assert not bad, f"{len(bad)} of {len(labels)} differ:\n" + "\n".join(bad[:40])


FENV_PROGRAM = r"""
#include <fenv.h>
#include <stdio.h>
#include <string.h>
static unsigned long long b(double d) { unsigned long long u; memcpy(&u, &d, 8); return u; }
static void flags(const char *what)
{
	printf("%s:%s%s%s%s%s\n", what, fetestexcept(FE_INVALID) ? " invalid" : "",
	       fetestexcept(FE_DIVBYZERO) ? " divbyzero" : "",
	       fetestexcept(FE_OVERFLOW) ? " overflow" : "",
	       fetestexcept(FE_UNDERFLOW) ? " underflow" : "", fetestexcept(FE_INEXACT) ? " inexact" : "");
}
int main(void)
{
	static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
	static const char *names[] = {"nearest", "upward", "downward", "towardzero"};
	volatile double one = 1, three = 3, zero = 0, big = 1e308, tiny = 1e-308, r;
	volatile float f3 = 3;
	fenv_t env, env2;
	fexcept_t saved;
	int i;
	for (i = 0; i < 4; i++) {
		printf("fesetround %s %d\n", names[i], fesetround(modes[i]));
		printf("  fegetround ok %d\n", fegetround() == modes[i]);
		r = one / three;
		printf("  1/3 %016llx -1/3 %016llx 1/3f %08x\n", b(r), b(-one / three),
		       (unsigned)(b((double)(1 / f3)) >> 29));
	}
	printf("fesetround bad fails %d\n", fesetround(12345) != 0);
	fesetround(FE_TONEAREST);
	printf("clear %d\n", feclearexcept(FE_ALL_EXCEPT));
	flags("none");
	r = one / zero; flags("1/0"); feclearexcept(FE_ALL_EXCEPT);
	r = zero / zero; flags("0/0"); feclearexcept(FE_ALL_EXCEPT);
	r = big * big; flags("big*big"); feclearexcept(FE_ALL_EXCEPT);
	r = tiny * tiny; flags("tiny*tiny"); feclearexcept(FE_ALL_EXCEPT);
	r = one / three; flags("1/3"); feclearexcept(FE_ALL_EXCEPT);
	printf("raise %d\n", feraiseexcept(FE_OVERFLOW | FE_INEXACT)); flags("raised");
	printf("test %d\n", fetestexcept(FE_ALL_EXCEPT) == (FE_OVERFLOW | FE_INEXACT));
	fegetexceptflag(&saved, FE_ALL_EXCEPT);
	feclearexcept(FE_ALL_EXCEPT); flags("cleared");
	fesetexceptflag(&saved, FE_OVERFLOW); flags("restored overflow only");
	fesetround(FE_UPWARD);
	fegetenv(&env);
	fesetenv(FE_DFL_ENV);
	printf("dfl env round nearest %d\n", fegetround() == FE_TONEAREST); flags("dfl env");
	fesetenv(&env);
	printf("env back upward %d\n", fegetround() == FE_UPWARD); flags("env back");
	printf("hold %d\n", feholdexcept(&env2)); flags("held");
	r = one / zero; flags("held 1/0");
	printf("update %d\n", feupdateenv(&env2)); flags("updated");
	printf("round after update upward %d\n", fegetround() == FE_UPWARD);
	fesetround(FE_TONEAREST);
	feclearexcept(FE_ALL_EXCEPT);
	printf("fegetexcept %d\n", fegetexcept());
	return 0;
}
"""


@pytest.mark.parametrize("target", TARGETS)
def test_fenv(target, tmp_path):
    ours, theirs = both(target, tmp_path, FENV_PROGRAM)
    assert theirs.status == 0 and "1/0: divbyzero" in theirs.stdout, theirs
    assert_same(ours, theirs)


# ---- the corpora ----------------------------------------------------------------

def _corpus_cases(config) -> list:
    root = corpora_dir()
    if root is None:
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="corpora not found"))]
    programs = load_programs(root)
    cases = []
    for target, cross in CROSS.items():
        ok = [p for p in programs if _manifest_ok(p, cross)]
        chosen = select(ok, target, "libc-cross", sample_seed(),
                        None if is_full(config) else CORPUS_SAMPLE)
        cases += [pytest.param(target, p, id=f"{target}-{p.id}") for p in chosen]
    return cases


def _manifest_rows(suite_dir: Path) -> dict[str, dict]:
    with (suite_dir / "MANIFEST.tsv").open(newline="", encoding="utf-8") as f:
        return {row["name"]: row for row in csv.DictReader(f, delimiter="\t")}


_ROWS: dict[str, dict[str, dict]] = {}


def _row(program) -> dict:
    if program.suite not in _ROWS:
        _ROWS[program.suite] = _manifest_rows(program.path.parent)
    return _ROWS[program.suite][program.name]


def _manifest_ok(program, cross: Cross) -> bool:
    row = _row(program)
    return row.get(cross.manifest_ok, "yes") == "yes" and "decimal-float" not in row.get(
        "features", "")


def pytest_generate_tests(metafunc):
    if "corpus_program" in metafunc.fixturenames:
        metafunc.parametrize("target,corpus_program", _corpus_cases(metafunc.config))


def test_corpus(target, corpus_program, tmp_path, record_property):
    """One corpus program: ours and glibc's builds agree under qemu."""
    record_property("group", f"corpus {target}")      # the summary counts per target
    record_property("summary", "programs")
    cross = _cross(target)
    program = corpus_program
    flags = (program.level, *program.flags)
    problem = build_glibc(cross, program.path, tmp_path / "glibc" / "prog", flags,
                          cwd=program.path.parent)
    if problem is not None:
        pytest.skip(f"the cross gcc cannot build it against glibc: {problem.splitlines()[0]}")
    problem = build_ours(cross, program.path, tmp_path / "ours" / "prog", flags,
                         cwd=program.path.parent)
    assert problem is None, f"{program.id}: {problem}"
    theirs = run(cross, tmp_path / "glibc" / "prog", cwd=tmp_path)
    ours = run(cross, tmp_path / "ours" / "prog", cwd=tmp_path)
    assert (ours.stdout, ours.status) == (theirs.stdout, theirs.status), \
        f"{program.id}: exit {ours.status} (glibc {theirs.status}); stdout " \
        f"{'same' if ours.stdout == theirs.stdout else 'differs'}; stderr {ours.stderr[-300:]!r}"


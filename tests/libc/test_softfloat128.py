"""The bundled libc's binary128 soft-float routines (src/compiler/tf_*.c)
against libgcc's, bit for bit.

One driver calls every routine by name on a seeded table of edge and random
inputs and prints each result in hex.  It is linked twice with the same
compiler: once plain (libgcc supplies the routines: the reference) and once
with our tf_*.c objects ahead of libgcc (ours win).  x86-64 runs natively
(__float128); AArch64 and RISC-V 64 (long double) under qemu-user when the
cross compilers are installed.  The outputs must agree line for line.
``x86_64-pcc`` compiles our routines with pcc instead (the driver and the
reference stay gcc's): pcc's own binary128 code, end to end."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from testopts import is_full, sample_seed  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted((REPO / "toolchain/libc/src/compiler").glob("tf_*.c"))
CFLAGS = ["-std=c11", "-O2", "-ffreestanding", "-fno-builtin", "-ffp-contract=off", "-w"]

TARGETS = [("x86_64", "gcc", None), ("aarch64", "aarch64-linux-gnu-gcc", "qemu-aarch64"),
           ("riscv64", "riscv64-linux-gnu-gcc", "qemu-riscv64"), ("x86_64-pcc", "gcc", None)]
PCC = [sys.executable, "-P", "-m", "toolchain.cc.cli"]

BINARY = ["__addtf3", "__subtf3", "__multf3", "__divtf3"]
COMPARE = ["__eqtf2", "__netf2", "__lttf2", "__letf2", "__gttf2", "__getf2", "__unordtf2"]
FIX = [("__fixtfsi", "int", 32), ("__fixtfdi", "long long", 64), ("__fixtfti", "__int128", 128),
       ("__fixunstfsi", "unsigned", 32), ("__fixunstfdi", "unsigned long long", 64),
       ("__fixunstfti", "unsigned __int128", 128)]
FLOAT = [("__floatsitf", "int"), ("__floatditf", "long long"), ("__floattitf", "__int128"),
         ("__floatunsitf", "unsigned"), ("__floatunditf", "unsigned long long"),
         ("__floatuntitf", "unsigned __int128")]
POWERS = [0, 1, 2, 3, -1, -2, 7, -13, 100, -100, 1000, 16384, -16385, 2**31 - 1, -2**31]

SIGN = 1 << 127
INF = 0x7fff << 112
QUIET = 1 << 111
MANT = (1 << 112) - 1


def tf(sign: int, exp: int, mant: int) -> int:
    return (sign << 127) | ((exp & 0x7fff) << 112) | (mant & MANT)


def edge_values() -> list[int]:
    vals = [0, 1, MANT, 1 << 112, tf(0, 0x7ffe, MANT), INF, INF | QUIET, INF | QUIET | 0x1234,
            INF | 1, INF | 0xdead, tf(0, 16383, 0), tf(0, 16383, 1), tf(0, 16382, MANT),
            tf(0, 16384, 0), tf(0, 16383, 1 << 111), tf(0, 16383 + 31, 0), tf(0, 16383 + 63, 0),
            tf(0, 16383 + 127, 0), tf(0, 16383 + 128, 0), tf(0, 16383 + 30, MANT),
            tf(0, 16383 + 62, MANT), tf(0, 16383 + 126, MANT), tf(0, 16382, 0),
            tf(0, 16383 + 31, 1 << 100), tf(0, 0x3f80, 0), tf(0, 0x3c00, 0), tf(0, 0x3f6a, 0),
            tf(0, 0x3bcd, 0), tf(0, 0x3bcc, MANT), tf(0, 0x407f, MANT), tf(0, 0x43fe, MANT)]
    return vals + [v | SIGN for v in vals]


def random_value(rng: random.Random, near: int | None = None) -> int:
    r = rng.random()
    if r < 0.1:
        return rng.choice(edge_values())
    if r < 0.2:
        return rng.getrandbits(128)
    if near is not None and r < 0.7:
        exp = min(max((near >> 112 & 0x7fff) + rng.randint(-120, 120), 0), 0x7ffe)
    elif r < 0.8:
        exp = rng.choice([0, 1, 2, 0x7ffd, 0x7ffe, rng.randint(0, 200), 0x7ffe - rng.randint(0, 200)])
    else:
        exp = 16383 + rng.randint(-200, 200)
    mant = rng.choice([rng.getrandbits(112), rng.getrandbits(112) >> rng.randint(0, 112),
                       (1 << 112) - (1 << rng.randint(0, 111)), 1 << rng.randint(0, 111),
                       rng.getrandbits(112) & ~((1 << rng.randint(0, 112)) - 1)])
    return tf(rng.getrandbits(1), exp, mant)


def narrow_value(rng: random.Random, mbits: int, bias: int) -> int:
    """A binary128 value near float's or double's range, often on a rounding tie."""
    exp = 16383 + rng.randint(-bias - mbits - 3, bias + 2)
    mant = rng.getrandbits(112)
    cut = 112 - mbits
    choice = rng.random()
    if choice < 0.3:
        mant = (mant >> cut << cut) | (1 << (cut - 1))         # exactly halfway
    elif choice < 0.5:
        mant = (mant >> cut << cut) | rng.choice([0, 1, (1 << (cut - 1)) - 1, (1 << cut) - 1])
    return tf(rng.getrandbits(1), exp, mant)


def make_cases(rng: random.Random, n: int) -> dict[str, list]:
    pairs = []
    for _ in range(n):
        a = random_value(rng)
        b = random_value(rng, near=a if rng.random() < 0.6 else None)
        pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    for _ in range(n // 8):     # b exactly at, just under or over half an ulp of a
        a = tf(rng.getrandbits(1), rng.randint(1, 0x7ffe), rng.getrandbits(112))
        shift = rng.choice([113, 112, 114, 1, 2, 60])
        mant = rng.choice([0, 1, MANT, 1 << 111, rng.getrandbits(112)])
        b = tf(rng.getrandbits(1), max((a >> 112 & 0x7fff) - shift, 0), mant)
        pairs.append((a, b) if rng.random() < 0.5 else (b, a))
    edges = edge_values()
    pairs += [(a, b) for a in edges[::3] for b in edges[::2]]
    singles = edges + [random_value(rng) for _ in range(n // 2)]
    singles += [narrow_value(rng, 23, 127) for _ in range(n // 4)]
    singles += [narrow_value(rng, 52, 1023) for _ in range(n // 4)]
    singles += [tf(rng.getrandbits(1), 16383 + rng.randint(-2, 130), rng.getrandbits(112))
                for _ in range(n // 4)]
    floats = [0, 1, 0x7fffff, 0x800000, 0x7f7fffff, 0x7f800000, 0x7fc00000, 0x7f800001,
              0x7fa12345, 0x3f800000] + [rng.getrandbits(32) for _ in range(n // 4)]
    floats += [f | 1 << 31 for f in floats[:10]]
    doubles = [0, 1, (1 << 52) - 1, 1 << 52, 0x7fefffffffffffff, 0x7ff0000000000000,
               0x7ff8000000000000, 0x7ff0000000000001, 0x7ff4123456789abc, 0x3ff0000000000000]
    doubles += [rng.getrandbits(64) for _ in range(n // 4)]
    doubles += [d | 1 << 63 for d in doubles[:10]]
    ints = [0, 1, 2, 3, (1 << 31) - 1, 1 << 31, (1 << 32) - 1, (1 << 63) - 1, 1 << 63,
            (1 << 64) - 1, (1 << 113) - 1, (1 << 113) + 1, (1 << 114) - 1, (1 << 127) - 1,
            1 << 127, (1 << 128) - 1]
    ints += [(-i) % (1 << 128) for i in ints]
    ints += [rng.getrandbits(rng.choice([8, 31, 32, 53, 64, 100, 113, 115, 127, 128]))
             for _ in range(n // 4)]
    return {"pairs": pairs, "singles": singles, "floats": floats, "doubles": doubles,
            "ints": ints}


def _u128(v: int) -> str:
    return f"{{0x{v >> 64:016x}ULL, 0x{v & (1 << 64) - 1:016x}ULL}}"


def driver(cases: dict[str, list]) -> str:
    out = ["#if __LDBL_MANT_DIG__ == 113", "typedef long double tf;", "#else",
           "typedef __float128 tf;", "#endif",
           "typedef unsigned __int128 u128;", "typedef unsigned long long u64;",
           "int printf(const char *, ...);",
           "static tf T(const u64 *p) { union { tf f; u128 u; } r;"
           " r.u = (u128)p[0] << 64 | p[1]; return r.f; }",
           "static void P(tf f) { union { tf f; u128 u; } r; r.f = f;"
           " printf(\"%016llx%016llx\\n\", (u64)(r.u >> 64), (u64)r.u); }",
           "static void Q(u128 u) { printf(\"%016llx%016llx\\n\", (u64)(u >> 64), (u64)u); }"]
    for name in BINARY:
        out.append(f"tf {name}(tf, tf);")
    for name in COMPARE:
        out.append(f"int {name}(tf, tf);")
    for name, ctype, _ in FIX:
        out.append(f"{ctype} {name}(tf);")
    for name, ctype in FLOAT:
        out.append(f"tf {name}({ctype});")
    out += ["tf __negtf2(tf);", "tf __powitf2(tf, int);", "tf __extendsftf2(float);",
            "tf __extenddftf2(double);", "float __trunctfsf2(tf);", "double __trunctfdf2(tf);"]
    pairs = ",\n".join(f"{{{_u128(a)[1:-1]}, {_u128(b)[1:-1]}}}" for a, b in cases["pairs"])
    out.append(f"static const u64 PAIRS[][4] = {{\n{pairs}}};")
    out.append("static const u64 ONE[][2] = {\n"
               + ",\n".join(_u128(v) for v in cases["singles"]) + "};")
    out.append("static const u64 INTS[][2] = {\n"
               + ",\n".join(_u128(v) for v in cases["ints"]) + "};")
    out.append("static const unsigned FLOATS[] = {"
               + ",".join(f"0x{v:08x}u" for v in cases["floats"]) + "};")
    out.append("static const u64 DOUBLES[] = {"
               + ",".join(f"0x{v:016x}ULL" for v in cases["doubles"]) + "};")
    out.append(f"static const int POWERS[] = {{{', '.join(str(p) for p in POWERS)}}};")
    body = ["int main(void) {", "  unsigned long i, j;",
            "  for (i = 0; i < sizeof PAIRS / sizeof PAIRS[0]; i++) {",
            "    tf a = T(PAIRS[i]), b = T(PAIRS[i] + 2);"]
    body += [f"    P({name}(a, b));" for name in BINARY]
    body += [f"    printf(\"%d\\n\", {name}(a, b));" for name in COMPARE]
    body += ["  }", "  for (i = 0; i < sizeof ONE / sizeof ONE[0]; i++) {",
             "    tf a = T(ONE[i]); union { float f; unsigned u; } f; union { double d; u64 u; } d;",
             "    P(__negtf2(a)); f.f = __trunctfsf2(a); printf(\"%08x\\n\", f.u);",
             "    d.d = __trunctfdf2(a); printf(\"%016llx\\n\", d.u);"]
    body += [f"    Q((u128){name}(a));" for name, _, _ in FIX]
    body += ["    if (i % 8 == 0) for (j = 0; j < sizeof POWERS / sizeof POWERS[0]; j++)"
             " P(__powitf2(a, POWERS[j]));", "  }",
             "  for (i = 0; i < sizeof INTS / sizeof INTS[0]; i++) {",
             "    u128 v = (u128)INTS[i][0] << 64 | INTS[i][1];"]
    body += [f"    P({name}(({ctype})v));" for name, ctype in FLOAT]
    body += ["  }", "  for (i = 0; i < sizeof FLOATS / sizeof FLOATS[0]; i++) {",
             "    union { float f; unsigned u; } f; f.u = FLOATS[i]; P(__extendsftf2(f.f)); }",
             "  for (i = 0; i < sizeof DOUBLES / sizeof DOUBLES[0]; i++) {",
             "    union { double d; u64 u; } d; d.u = DOUBLES[i]; P(__extenddftf2(d.d)); }",
             "  return 0;", "}"]
    return "\n".join(out + body) + "\n"


def labels(cases: dict[str, list]) -> list[str]:
    """The routine and inputs behind each output line, in the driver's order."""
    names = []
    for a, b in cases["pairs"]:
        names += [f"{n}({a:#034x}, {b:#034x})" for n in BINARY + COMPARE]
    for i, a in enumerate(cases["singles"]):
        names += [f"{n}({a:#034x})" for n in ["__negtf2", "__trunctfsf2", "__trunctfdf2"]]
        names += [f"{n}({a:#034x})" for n, _, _ in FIX]
        if i % 8 == 0:
            names += [f"__powitf2({a:#034x}, {p})" for p in POWERS]
    for v in cases["ints"]:
        names += [f"{n}({v:#x})" for n, _ in FLOAT]
    names += [f"__extendsftf2({v:#010x})" for v in cases["floats"]]
    names += [f"__extenddftf2({v:#018x})" for v in cases["doubles"]]
    return names


def _run(cmd: list[str]) -> list[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"ERROR {cmd[0]} exited {result.returncode}: {result.stderr}"
    return result.stdout.splitlines()


@pytest.mark.parametrize("arch,cc,emulator", TARGETS, ids=[t[0] for t in TARGETS])
def test_softfloat128_against_libgcc(arch, cc, emulator, tmp_path, request):
    if shutil.which(cc) is None or (emulator and shutil.which(emulator) is None):
        pytest.skip(f"needs {cc}" + (f" and {emulator}" if emulator else ""))
    if arch.startswith("x86_64") and subprocess.run(["uname", "-m"], capture_output=True,
                                           text=True).stdout.strip() != "x86_64":
        pytest.skip("needs an x86-64 host")
    rng = random.Random(f"{sample_seed()}-{arch}")
    cases = make_cases(rng, 20000 if is_full(request.config) else 2000)
    src = tmp_path / "driver.c"
    src.write_text(driver(cases))
    objs = []
    for path in SOURCES:
        obj = tmp_path / (path.stem + ".o")
        compiler = PCC if arch.endswith("-pcc") else [cc]
        subprocess.run([*compiler, *CFLAGS, "-c", str(path), "-o", str(obj)], check=True,
                       cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
        objs.append(str(obj))
    static = ["-static"] if emulator else []
    subprocess.run([cc, "-O0", "-w", *static, str(src), "-o", str(tmp_path / "ref")], check=True)
    subprocess.run([cc, "-O0", "-w", *static, str(src), *objs, "-o", str(tmp_path / "ours")],
                   check=True)
    prefix = [emulator] if emulator else []
    theirs = _run([*prefix, str(tmp_path / "ref")])
    ours = _run([*prefix, str(tmp_path / "ours")])
    names = labels(cases)
    assert len(theirs) == len(names), f"ERROR driver printed {len(theirs)} lines, expected {len(names)}"
    assert len(ours) == len(theirs), f"ERROR ours printed {len(ours)} lines, libgcc {len(theirs)}"
    checked, bad = Counter(), []
    for name, a, b in zip(names, ours, theirs):
        routine = name.split("(")[0]
        checked[routine] += 1
        if a != b:
            bad.append(f"ERROR {arch} {name}: ours {a} libgcc {b}")
    print(f"{arch}: " + ", ".join(f"{k} {v}" for k, v in sorted(checked.items())))
    assert len(checked) == 29, f"ERROR only {len(checked)} routines checked"
    per = Counter(line.split()[2].split("(")[0] for line in bad)
    shown = [line for i, line in enumerate(bad)
             if sum(1 for x in bad[:i] if x.split("(")[0] == line.split("(")[0]) < 4]
    assert not bad, f"{len(bad)} mismatches {dict(per)}:\n" + "\n".join(shown[:60])


def test_softfloat128_build_selection():
    from toolchain.libc.build import sources
    for arch, wanted in [("aarch64", True), ("riscv64", True), ("x86_64", True), ("i386", False)]:
        names = {p.name for p in sources(arch)}
        got = {"tf_arith.c", "tf_compare.c", "tf_convert.c"} <= names
        assert got == wanted, f"ERROR libc for {arch}: tf_*.c selected {got}, expected {wanted}"


@pytest.mark.parametrize("target", ["aarch64-linux-gnu", "riscv64-linux-gnu"])
def test_softfloat128_pcc_accepts(target):
    """pcc's front end takes the sources where they are built (long double)."""
    for path in SOURCES:
        result = subprocess.run(
            [sys.executable, "-P", "-m", "toolchain.cc.cli", "--target", target, "-std=c11",
             "-ffreestanding", "-nostdinc", "-isystem", str(REPO / "toolchain/libc/include"),
             "-Wall", "-fsyntax-only", str(path)],
            capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 0 and not result.stderr, \
            f"ERROR pcc --target {target} {path.name}: {result.stderr.strip()[:300]}"

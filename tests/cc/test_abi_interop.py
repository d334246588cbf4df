"""ABI interoperability: pcc and gcc call each other and agree.

abigen.py writes a case as caller.c + callee.c.  Each case is built four ways
-- caller and callee each by pcc or by gcc -- linked, run, and must print
what the generator expects (a printf line through the linked C library,
then ``calls N errors 0``) and exit 0; ``gcc-calls-gcc`` checks the
generator itself.  Linking: pcc's driver does it for every direction (pld, crt1 and the
bundled libc), so gcc's objects are compiled not to need glibc:
``-fno-stack-protector -fno-pic`` and no unwind tables, and the generated
files call nothing but printf.  The executables are static and run natively
or under qemu-user.

TARGETS is the switch: a target whose ``pcc`` is true runs all four
directions; one whose pcc back end does not exist yet runs only
gcc-calls-gcc, linked by that gcc against its own static glibc, which keeps
the generator's data model for it honest until the back end arrives (then
flip ``pcc``).  Default: a seeded sample of cases per target; ``--full``:
many more.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

import abigen
import testopts

SAMPLE_CASES = 2
FULL_CASES = 40
GCC_FLAGS = ("-fno-stack-protector", "-fno-pic", "-fno-asynchronous-unwind-tables",
             "-fcf-protection=none", "-w", "-Wno-psabi")


@dataclass(frozen=True)
class Toolchain:
    """One target: pcc's --target, the gcc that is its oracle, how to run its programs."""

    model: str                    # abigen.MODELS key
    pcc_target: str
    gcc: str
    runner: tuple[str, ...]
    pcc: bool                     # pcc has this back end: test it against gcc


TARGETS = (
    Toolchain("x86_64", "x86_64-linux-gnu", "gcc", (), pcc=True),
    Toolchain("i386", "i386-linux-gnu", "i686-linux-gnu-gcc", (), pcc=True),
    Toolchain("aarch64", "aarch64-linux-gnu", "aarch64-linux-gnu-gcc", ("qemu-aarch64",),
              pcc=True),
    Toolchain("riscv64", "riscv64-linux-gnu", "riscv64-linux-gnu-gcc", ("qemu-riscv64",),
              pcc=True),
)

DIRECTIONS = ("pcc-calls-pcc", "pcc-calls-gcc", "gcc-calls-pcc", "gcc-calls-gcc")


def _case_numbers(full: bool) -> list[int]:
    count = FULL_CASES if full else SAMPLE_CASES
    base = testopts.sample_seed() % 10007 * 100
    return [base + i for i in range(count)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" not in metafunc.fixturenames:
        return
    full = testopts.is_full(metafunc.config)
    params = [pytest.param(t.model, n, d, id=f"{t.model}-{n}-{d}")
              for t in TARGETS for n in _case_numbers(full)
              for d in (DIRECTIONS if t.pcc else ("gcc-calls-gcc",))]
    metafunc.parametrize(("mode", "case", "level"), params)


def _pcc(args: list[str]) -> tuple[int, str]:
    from toolchain.cc.cli import run
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            status = run([str(a) for a in args])
    except Exception as e:          # a crash inside pcc: what the CLI reports as exit 70
        return 70, f"internal error: {type(e).__name__}: {e}"
    return status, err.getvalue()


class Builds:
    """Objects per (target, case, compiler, side), built once per session (per worker)."""

    def __init__(self, root: Path):
        self.root = root
        self.cases: dict[tuple[str, int], abigen.Case] = {}
        self.objects: dict[tuple[str, int, str, str], Path | str] = {}

    def case(self, tc: Toolchain, number: int) -> tuple[abigen.Case, Path]:
        key = (tc.model, number)
        directory = self.root / f"{tc.model}-{number}"
        if key not in self.cases:
            case = abigen.generate(abigen.MODELS[tc.model], number)
            abigen.write_case(case, directory)
            self.cases[key] = case
        return self.cases[key], directory

    def obj(self, tc: Toolchain, number: int, compiler: str, side: str) -> Path:
        """The object, or pytest.fail with the compiler's message."""
        key = (tc.model, number, compiler, side)
        if key not in self.objects:
            case, directory = self.case(tc, number)
            src = directory / f"{side}.c"
            out = directory / f"{side}.{compiler}.o"
            if compiler == "pcc":
                status, err = _pcc([f"--target={tc.pcc_target}", case.pcc_level, "-c", src,
                                    "-o", out])
            else:
                r = subprocess.run([tc.gcc, case.gcc_level, *GCC_FLAGS, "-c", str(src),
                                    "-o", str(out)], capture_output=True, text=True, timeout=300)
                status, err = r.returncode, r.stderr
            self.objects[key] = out if status == 0 else \
                f"{compiler} {case.pcc_level if compiler == 'pcc' else case.gcc_level} " \
                f"failed on {side}.c: " + (err.strip().splitlines() or ["(no message)"])[0]
        result = self.objects[key]
        if isinstance(result, str):
            pytest.fail(result, pytrace=False)
        return result


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory.mktemp("abi"))


def _summary(output: str) -> str:
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    if not errors:
        return output.strip()[-200:] or "(no output)"
    more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
    return "; ".join(line.removeprefix("ERROR ") for line in errors[:3]) + more


def test_abi_interop(builds: Builds, mode: str, case: int, level: str, request) -> None:
    tc = next(t for t in TARGETS if t.model == mode)
    request.node.user_properties.append(("label", f"{mode} case {case} {level}"))
    if shutil.which(tc.gcc) is None or (tc.runner and shutil.which(tc.runner[0]) is None):
        pytest.skip(f"{tc.gcc} or {tc.runner} is not installed (scripts/test installs them)")
    caller_cc, callee_cc = level.split("-calls-")
    generated, directory = builds.case(tc, case)
    caller = builds.obj(tc, case, caller_cc, "caller")
    callee = builds.obj(tc, case, callee_cc, "callee")
    exe = directory / level
    if tc.pcc:
        status, err = _pcc([f"--target={tc.pcc_target}", caller, callee, "-o", exe])
    else:
        r = subprocess.run([tc.gcc, "-static", str(caller), str(callee), "-o", str(exe)],
                           capture_output=True, text=True, timeout=300)
        status, err = r.returncode, r.stderr
    assert status == 0, f"link failed: {err.strip()[:300]}"
    r = subprocess.run([*tc.runner, str(exe)], capture_output=True, text=True, timeout=60)
    got = (r.returncode, r.stdout)
    expected = (0, abigen.expected_output(generated))
    assert got == expected, (f"exit {r.returncode}: {_summary(r.stdout)} "
                             f"[pcc {generated.pcc_level}, gcc {generated.gcc_level}; "
                             f"tests/cc/abigen.py --target {mode} --seed {case} DIR]")

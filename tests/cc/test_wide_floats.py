"""Floating types wider than double compiled by pcc: binary128 (``__float128``
on x86-64, ``long double`` on AArch64 and RISC-V 64) and x87 extended
(``long double`` on x86).

tests/cc/programs/binary128.c exercises the soft-float calls the ``softfloat``
pass makes (passes/softfloat.py) and every way a back end moves binary128
values (registers, stack arguments, variadic arguments, struct members,
constants).  pcc compiles it at -O0 and -O1; the target's gcc links it (with
its own libgcc, so only pcc's code is under test) and the output must equal
the program's output when gcc compiles it.  A target whose back end pcc does
not have yet is skipped with that reason.

tests/cc/programs/x87_literals.c checks that x86 long double literals are
rounded from their exact value (not through double), the same way.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pccrun import pcc

PROGRAMS = Path(__file__).parent / "programs"
# name, --target, its gcc, the emulator that runs its programs here
TARGETS = [("x86_64", "x86_64-linux-gnu", "gcc", None),
           ("aarch64", "aarch64-linux-gnu", "aarch64-linux-gnu-gcc", "qemu-aarch64"),
           ("riscv64", "riscv64-linux-gnu", "riscv64-linux-gnu-gcc", "qemu-riscv64")]


def _run(exe: Path, emulator: str | None) -> str:
    result = subprocess.run([emulator, str(exe)] if emulator else [str(exe)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"ERROR {exe.name} exited {result.returncode}"
    return result.stdout


@pytest.mark.parametrize("level", ["-O0", "-O1"])
@pytest.mark.parametrize("name,target,gcc,emulator", TARGETS, ids=[t[0] for t in TARGETS])
def test_binary128_program(name, target, gcc, emulator, level, tmp_path):
    _compare_with_gcc(PROGRAMS / "binary128.c", name, target, gcc, emulator, level, tmp_path)


@pytest.mark.parametrize("level", ["-O0", "-O1"])
@pytest.mark.parametrize("name,target,gcc", [("x86_64", "x86_64-linux-gnu", "gcc"),
                                             ("i386", "i386-linux-gnu", "i686-linux-gnu-gcc")],
                         ids=["x86_64", "i386"])
def test_x87_literals(name, target, gcc, level, tmp_path):
    _compare_with_gcc(PROGRAMS / "x87_literals.c", name, target, gcc, None, level, tmp_path)


def _compare_with_gcc(program: Path, name, target, gcc, emulator, level, tmp_path) -> None:
    from toolchain.cc.compile import BACKENDS
    if target not in BACKENDS:
        pytest.skip(f"pcc has no {name} back end yet")
    if shutil.which(gcc) is None or (emulator and shutil.which(emulator) is None):
        pytest.skip(f"needs {gcc}" + (f" and {emulator}" if emulator else ""))
    static = ["-static"] if gcc != "gcc" else []      # cross: its static libc, no loader
    subprocess.run([gcc, "-w", *static, str(program), "-o", str(tmp_path / "ref")], check=True)
    expected = _run(tmp_path / "ref", emulator)
    obj = tmp_path / "prog.o"
    status, err = pcc(f"--target={target}", level, "-c", program, "-o", obj)
    assert status == 0, f"ERROR pcc {level} exited {status}: {err.strip()[:300]}"
    subprocess.run([gcc, *static, str(obj), "-o", str(tmp_path / "ours")], check=True)
    got = _run(tmp_path / "ours", emulator)
    wrong = [f"{g!r} (gcc: {e!r})" for g, e in zip(got.splitlines(), expected.splitlines())
             if g != e]
    assert got == expected, f"ERROR {name} {level} {program.name} output differs: " + \
        "; ".join(wrong[:5])

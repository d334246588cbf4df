"""Real software built by pcc alone and run: zlib, Lua 5.4 and SQLite.

Each project's sources (Debian source packages, see debiansrc.py) are
compiled by pcc with the project's own flags, linked by pcc against the
bundled libc, and run on a check whose expected output is in
tests/cc/software/ (recorded from the same sources built by gcc against
glibc): zlib's own test/example.c, a Lua script exercising the VM and its
libraries, and a C program driving SQLite through its API.

Every Linux target pcc has a back end for: x86-64 and i386 run natively,
AArch64 and RISC-V 64 under qemu-user.  Default run: zlib at -O1 on every
target, Lua at -O1 on x86-64.  ``--full`` adds Lua on the other targets and
at -O0, and SQLite (the 250,000-line amalgamation, minutes of compile time)
at -O0 and -O1.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import testopts

sys.path.insert(0, str(Path(__file__).parent))

from pccrun import pcc  # noqa: E402
from debiansrc import LUA_FLAGS, SQLITE_FLAGS, ZLIB_FLAGS, debian_source, sqlite_build  # noqa: E402

pytestmark = pytest.mark.skipif(platform.machine() != "x86_64" or os.name != "posix",
                                reason="runs x86-64 and i386 Linux executables natively")

# --target= -> the emulator its programs run under here (None: natively)
TARGETS = {"x86_64-linux-gnu": None, "i386-linux-gnu": None,
           "aarch64-linux-gnu": "qemu-aarch64", "riscv64-linux-gnu": "qemu-riscv64"}

CHECKS = Path(__file__).parent / "software"
ZLIB_SOURCES = ["adler32", "compress", "crc32", "deflate", "gzclose", "gzlib", "gzread",
                "gzwrite", "infback", "inffast", "inflate", "inftrees", "trees", "uncompr",
                "zutil"]


def pcc_ok(*args) -> None:
    """``pcc ARGS`` in-process; a failure fails the test with pcc's first error line."""
    status, err = pcc(*args)
    if status != 0:
        lines = err.splitlines()
        first = next((line for line in lines if "error" in line), lines[0] if lines else "")
        pytest.fail(f"pcc {' '.join(map(str, args[-3:]))}: exit {status}: {first}")


def build(sources: list[Path], flags: list[str], level: str, out: Path, target: str) -> Path:
    """Compile SOURCES one by one (as make would), link them into OUT."""
    objects = []
    for source in sources:
        obj = out.parent / (source.stem + ".o")
        pcc_ok(f"--target={target}", level, "-w", *flags, "-c", source, "-o", obj)
        objects.append(obj)
    pcc_ok(f"--target={target}", level, *objects, "-o", out, "-lm")
    return out


def need_target(target: str) -> list[str]:
    """The command prefix that runs TARGET's programs here; skips when it cannot."""
    from toolchain.cc.compile import BACKENDS
    if target not in BACKENDS:
        pytest.skip(f"pcc has no back end for {target} yet")
    emulator = TARGETS[target]
    if emulator and shutil.which(emulator) is None:
        pytest.skip(f"needs {emulator}")
    return [emulator] if emulator else []


def expected_file(check: str, target: str) -> Path:
    """CHECKS/<check>.<arch>.expected where a target's output differs by its data
    model (zlib's compile flags encode type sizes: i386 has 4-byte long and
    pointers, and the bundled libc's 8-byte off_t), else CHECKS/<check>.expected."""
    specific = CHECKS / f"{check}.{target.split('-')[0]}.expected"
    return specific if specific.exists() else CHECKS / f"{check}.expected"


def run_check(command: list, expected: Path, cwd: Path) -> None:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True,
                            timeout=600, cwd=cwd)
    assert result.returncode == 0, f"exit status {result.returncode}: {result.stderr[-300:]}"
    assert result.stdout == expected.read_text(), f"output differs from {expected.name}"


@pytest.fixture
def full(request) -> bool:
    return testopts.is_full(request.config)


def need_full(full: bool, what: str) -> None:
    if not full:
        pytest.skip(f"{what}: only under --full (minutes of compile time)")


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("level", ["-O1"])
def test_zlib_example(level, target, tmp_path):
    runner = need_target(target)
    zlib = debian_source("zlib")
    sources = [zlib / f"{name}.c" for name in ZLIB_SOURCES] + [zlib / "test" / "example.c"]
    exe = build(sources, [*ZLIB_FLAGS, "-I", zlib], level, tmp_path / "example", target)
    run_check([*runner, exe], expected_file("zlib_example", target), tmp_path)


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("level", ["-O1", "-O0"])
def test_lua(level, target, tmp_path, full):
    if level != "-O1" or not target.startswith("x86_64"):
        need_full(full, f"Lua at {level} for {target}")
    runner = need_target(target)
    src = debian_source("lua5.4") / "src"
    sources = sorted(p for p in src.glob("*.c") if p.name != "luac.c")
    exe = build(sources, LUA_FLAGS, level, tmp_path / "lua", target)
    script = tmp_path / "check.lua"
    script.write_text((CHECKS / "check.lua").read_text())
    run_check([*runner, exe, "check.lua"], CHECKS / "check.lua.expected", tmp_path)


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("level", ["-O1", "-O0"])
def test_sqlite(level, target, tmp_path, full):
    need_full(full, f"SQLite at {level}")
    runner = need_target(target)
    amalgamation = sqlite_build()
    exe = build([amalgamation / "sqlite3.c", CHECKS / "sqlite_check.c"],
                [*SQLITE_FLAGS, "-I", amalgamation], level, tmp_path / "sqlite_check", target)
    run_check([*runner, exe], CHECKS / "sqlite_check.expected", tmp_path)

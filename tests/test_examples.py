"""The programs in examples/ assemble with pas exactly as with GNU as, and run.

hello-x86_64.s is linked with pld and run; boot16.s is linked by pld to a
flat binary at 0x7c00 and run in unicorn in real mode, its BIOS teletype
calls (``int $0x10``, ah=0x0e) captured.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import corpus
from elfdiff import first_difference

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = {"hello-x86_64.s": ("--64", "x86_64-linux-gnu"), "boot16.s": ("--32", "i386-linux-gnu")}


def pas(name: str) -> bytes:
    reason = corpus.pas_unavailable()
    if reason:
        pytest.skip(reason)
    path = EXAMPLES / name
    data, printed = corpus.pas_object(path.read_text(), str(path), CASES[name][1])
    assert data is not None, printed
    return data


def gas(name: str, tmp_path: Path) -> bytes:
    if shutil.which("as") is None:
        pytest.skip("GNU as not installed")
    obj = tmp_path / "gas.o"
    subprocess.run(["as", CASES[name][0], "-o", str(obj), str(EXAMPLES / name)], check=True)
    return obj.read_bytes()


@pytest.mark.parametrize("name", sorted(CASES))
def test_example_matches_gnu_as(name: str, tmp_path: Path) -> None:
    assert first_difference(gas(name, tmp_path), pas(name)) is None


def link(tmp_path: Path, obj: bytes, *flags: str) -> Path:
    from toolchain.ld.cli import main as pld
    (tmp_path / "in.o").write_bytes(obj)
    out = tmp_path / "out"
    assert pld([*flags, "-o", str(out), str(tmp_path / "in.o")]) == 0
    return out


def test_hello_runs(tmp_path: Path) -> None:
    exe = link(tmp_path, pas("hello-x86_64.s"))
    result = subprocess.run([str(exe)], capture_output=True, timeout=10)
    assert (result.returncode, result.stdout) == (0, b"hello, world\n")


def test_boot16_runs(tmp_path: Path) -> None:
    unicorn = pytest.importorskip("unicorn")
    from unicorn import x86_const as x86
    image = link(tmp_path, pas("boot16.s"), "-m", "elf_i386", "-Ttext=0x7c00",
                 "--oformat=binary").read_bytes()
    assert len(image) == 512 and image[-2:] == b"\x55\xaa"
    emu = unicorn.Uc(unicorn.UC_ARCH_X86, unicorn.UC_MODE_16)
    emu.mem_map(0, 0x10000)
    emu.mem_write(0x7c00, image)
    printed = bytearray()

    def interrupt(uc, number, _data):
        if number == 0x10 and uc.reg_read(x86.UC_X86_REG_AH) == 0x0E:
            printed.append(uc.reg_read(x86.UC_X86_REG_AL))

    def halt(uc, address, size, _data):
        if uc.mem_read(address, 1) == b"\xf4":
            uc.emu_stop()

    emu.hook_add(unicorn.UC_HOOK_INTR, interrupt)
    emu.hook_add(unicorn.UC_HOOK_CODE, halt)
    emu.emu_start(0x7c00, 0x7e00, count=10_000)
    assert bytes(printed) == b"hello from real mode\r\n"


def test_hello_c_compiles_links_and_runs(tmp_path: Path) -> None:
    """The README's main job: `pcc examples/hello.c -o hello && ./hello`, pcc's own
    compiler, assembler, linker and bundled libc (no gcc)."""
    import contextlib
    import io
    import os
    import platform
    if platform.machine() != "x86_64":
        pytest.skip("runs an x86-64 executable natively")
    from toolchain.cc.cli import run
    err = io.StringIO()
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stderr(err):
            status = run([str(EXAMPLES / "hello.c"), "-o", "hello"])
    finally:
        os.chdir(old)
    assert status == 0, err.getvalue()
    result = subprocess.run([str(tmp_path / "hello")], capture_output=True, timeout=10)
    assert (result.returncode, result.stdout) == (0, b"hello, world\n")

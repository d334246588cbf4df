"""x86-16 end to end in unicorn: the runtime, the boot-sector example.

* runtime_check.c, built by ``pcc -m16`` and by ``gcc -m16`` objects linked
  by pld with the runtime (which checks the runtime on its own), must print
  what the same file prints natively under host gcc and glibc, and exit with
  the same status;
* examples/boot16.c, built by ``pcc -m16 ... -Wl,-Ttext=0x7c00
  -Wl,--oformat=binary`` as the README says, must be a 512-byte sector with
  the 0x55AA signature that prints its line on the screen and on port 0xE9;
* a flat .COM-style image from ``-Wl,-Ttext=0x100 -Wl,--oformat=binary``
  runs from its first byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import freestanding as fs
import realmode

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CHECK = HERE / "runtime_check.c"
BOOT = REPO / "examples" / "boot16.c"

pytest.importorskip("unicorn", reason="unicorn is not installed: x86-16 images not run")


def pcc(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-P", "-m", "toolchain.cc.cli", *args],
                          capture_output=True, text=True, timeout=900, env=env)


def native_result(tmp_path: Path) -> tuple[bytes, int]:
    if shutil.which("gcc") is None:
        pytest.skip("host gcc (the oracle) is not installed")
    exe = tmp_path / "native"
    subprocess.run(["gcc", "-O1", "-w", str(CHECK), "-o", str(exe)], check=True)
    run = subprocess.run([str(exe)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         timeout=60)
    return run.stdout, run.returncode


@pytest.mark.parametrize("mode", ["gcc", "pcc"])
def test_runtime_matches_native(tmp_path, mode):
    want_output, want_status = native_result(tmp_path)
    elf = tmp_path / "check.elf"
    if mode == "gcc":
        if not fs.gcc_available():
            pytest.skip(f"{fs.GCC16} is not installed")
        obj = tmp_path / "check.o"
        problem = fs.gcc_compile(fs.Program("x86_16", "runtime_check.c", CHECK, ()), obj)
        assert not problem, problem
        problem = fs.pld_link([obj], elf)
        assert not problem, problem
    else:
        built = pcc("-m16", "-Os", f"-Wl,-Ttext={fs.ORIGIN:#x}", str(CHECK), "-o", str(elf))
        assert built.returncode == 0, built.stderr[-400:]
    image, origin, _end = fs.load_image(elf)
    result = realmode.run_flat(image, origin)
    assert result.status is not None, result.problem
    assert result.output.decode(errors="replace") == want_output.decode()
    assert result.status == want_status


def test_boot_sector_example(tmp_path):
    image_path = tmp_path / "boot.img"
    built = pcc("-m16", "-Os", "-ffreestanding", "-nostdlib", "-Wl,-Ttext=0x7c00",
                "-Wl,--oformat=binary", str(BOOT), "-o", str(image_path))
    assert built.returncode == 0, built.stderr[-400:]
    image = image_path.read_bytes()
    assert len(image) == 512
    assert image[510:] == b"\x55\xaa"
    result = realmode.run_flat(image, 0x7C00)
    assert result.status == 0, result.problem
    assert result.output == b"Hello from a pcc boot sector\n"
    assert result.screen == b"Hello from a pcc boot sector\r\n"


def test_com_image_runs_from_first_byte(tmp_path):
    source = tmp_path / "com.c"
    source.write_text('#include <stdio.h>\nint main(void) { printf("%s %d\\n", "com", 100); '
                      'return 7; }\n')
    image_path = tmp_path / "prog.com"
    built = pcc("-m16", "-Os", "-Wl,-Ttext=0x100", "-Wl,--oformat=binary", str(source),
                "-o", str(image_path))
    assert built.returncode == 0, built.stderr[-400:]
    result = realmode.run_flat(image_path.read_bytes(), 0x100)
    assert (result.output, result.status) == (b"com 100\n", 7), result.problem


def test_image_too_big_for_a_segment_is_a_link_error(tmp_path):
    source = tmp_path / "big.c"
    source.write_text("char big[70000];\nint main(void) { return big[5]; }\n")
    output = tmp_path / "big.elf"
    built = pcc("-m16", str(source), "-o", str(output))
    assert built.returncode == 1
    assert "error: real mode: the image does not fit in one 64 KiB segment" in built.stderr
    assert "Traceback" not in built.stderr
    assert not output.exists()


def test_assembly_text_gives_the_same_object(tmp_path):
    """pcc -m16 -S starts with .code16gcc; pas reading it gives pcc -c's object."""
    text, obj, again = tmp_path / "check.s", tmp_path / "check.o", tmp_path / "again.o"
    for flag, out in (("-S", text), ("-c", obj)):
        built = pcc("-m16", "-Os", flag, str(CHECK), "-o", str(out))
        assert built.returncode == 0, built.stderr[-400:]
    assert text.read_text().lstrip().startswith(".code16gcc")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    pas = "import sys, importlib; sys.argv[0] = 'pas'; importlib.import_module('toolchain.as.cli').main()"
    assembled = subprocess.run([sys.executable, "-P", "-c", pas, "--32", str(text),
                                "-o", str(again)], capture_output=True, text=True, env=env)
    assert assembled.returncode == 0, assembled.stderr[-400:]
    assert again.read_bytes() == obj.read_bytes()

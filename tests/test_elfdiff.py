"""The object comparison used by the assembler corpus test finds what it should.

GNU as builds pairs of objects that differ in one known way; elfdiff must
name that difference (and find none between identical objects).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from elfdiff import first_difference

pytestmark = pytest.mark.skipif(shutil.which("as") is None, reason="GNU as not installed")

BASE = """\
    .text
    .globl f
    .type f, @function
f:  movl $1, %eax
    call g
    movl x+4(%rip), %eax
    ret
    .size f, .-f
    .data
x:  .long 1, 2
    .section .note.GNU-stack,"",@progbits
"""


def gas(tmp_path: Path, text: str, flag: str = "--64") -> bytes:
    src = tmp_path / "t.s"
    src.write_text(text)
    subprocess.run(["as", flag, "-o", str(tmp_path / "t.o"), str(src)], check=True)
    return (tmp_path / "t.o").read_bytes()


@pytest.mark.parametrize("change, expected", [
    (("movl $1", "movl $2"), "section .text differs at offset 0x1: as=01"),
    ((".long 1, 2", ".long 1, 2, 3"), "section .data size differs"),
    (("x+4(%rip)", "x+8(%rip)"), ".rela.text relocation #1"),
    (("    .globl f\n", ""), "symbol #"),
    (("    .size f, .-f\n", ""), "symbol #"),
    (('.section .note.GNU-stack,"",@progbits', ".section .other"), "section list differs"),
])
def test_difference_found(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    reference = gas(tmp_path, BASE)
    assert first_difference(reference, gas(tmp_path, BASE)) is None
    diff = first_difference(reference, gas(tmp_path, BASE.replace(*change)))
    assert diff is not None and expected in diff, diff


def test_eh_frame_ignored(tmp_path: Path) -> None:
    with_cfi = BASE.replace("f:  movl", "f:  .cfi_startproc\n    movl").replace(
        "    ret\n", "    ret\n    .cfi_endproc\n")
    assert first_difference(gas(tmp_path, BASE), gas(tmp_path, with_cfi)) is None


def test_rel_addend_in_contents(tmp_path: Path) -> None:
    text = BASE.replace("x+4(%rip)", "x+4").replace("%rip", "")
    diff = first_difference(gas(tmp_path, text, "--32"),
                            gas(tmp_path, text.replace("x+4", "x+8"), "--32"))
    assert diff is not None and diff.startswith("section .text differs"), diff

"""Which archive members pld extracts, and in which order: GNU ld's.

The order decides where each member's sections land, so it must be GNU
ld's exactly: passes over the archive's symbol index, each in index order,
extracting a member when its entry names a symbol that is undefined and
strongly referenced at that moment, until a pass extracts nothing.  A
member pulled in during a pass can make a later entry of the same pass
wanted (it is taken in that pass) or an earlier one (taken in the next).

``--trace`` lists the extracted members; GNU ld's ``-t -t`` is the oracle
where it is installed, and the expected order is also written out.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from ldutil import assemble, gnu_ld
from toolchain.common.archive import write_archive

# Index order m1 m2 m3 m4 m5.  _start wants f (m2), which wants g (m1: earlier, so
# next pass) and k (m4: later, same pass); g then wants h (m3, later: same
# second pass).  m5 defines w, only weakly referenced: never extracted.
MEMBERS = {
    "m1.o": "\t.text\n\t.globl g\ng:\tcall h\n\tret\n",
    "m2.o": "\t.text\n\t.globl f\nf:\tcall g\n\tcall k\n\tret\n",
    "m3.o": "\t.text\n\t.globl h\nh:\tret\n",
    "m4.o": "\t.text\n\t.globl k\nk:\tret\n",
    "m5.o": "\t.text\n\t.globl w\nw:\tret\n",
}
MAIN = "\t.text\n\t.globl _start\n\t.weak w\n_start:\tcall f\n\tmov $w, %eax\n\tret\n"
EXPECTED = ["m2.o", "m4.o", "m1.o", "m3.o"]


def _members_in(trace: str) -> list[str]:
    """The members a trace names: ``lib.a(m1.o)`` (pld), ``(lib.a)m1.o`` (GNU ld -t -t)."""
    return re.findall(r"\b(m\d\.o)", trace)


def pld_trace(capsys, *args: str) -> str:
    """Run pld in-process with --trace; what it printed on stdout."""
    from toolchain.ld.cli import main
    capsys.readouterr()
    status = main(["--trace", "-o", "out", *args])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return captured.out


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.o").write_bytes(assemble(MAIN, "main.s"))
    (tmp_path / "lib.a").write_bytes(write_archive(
        [(name, assemble(text, name.replace(".o", ".s"))) for name, text in MEMBERS.items()]))
    return tmp_path


def test_extraction_order(inputs, capsys):
    assert _members_in(pld_trace(capsys, "main.o", "lib.a")) == EXPECTED


def test_extraction_order_matches_gnu_ld(inputs, capsys):
    ld = gnu_ld("x86_64")
    if ld is None:
        pytest.skip("GNU ld is not installed")
    gnu = subprocess.run([ld, "-t", "-t", "-o", "gnu.out", "main.o", "lib.a"], capture_output=True,
                         text=True, cwd=inputs)
    assert gnu.returncode == 0, gnu.stderr
    assert _members_in(pld_trace(capsys, "main.o", "lib.a")) == _members_in(gnu.stdout) == \
        EXPECTED


def test_group_rescans_until_nothing_changes(inputs, capsys):
    """In a group, a later archive's member can want one of an earlier archive."""
    (inputs / "lib2.a").write_bytes(write_archive(
        [("n1.o", assemble("\t.text\n\t.globl f2\nf2:\tcall g\n\tret\n", "n1.s"))]))
    (inputs / "main2.o").write_bytes(assemble(
        "\t.text\n\t.globl _start\n_start:\tcall f2\n\tret\n", "main2.s"))
    trace = pld_trace(capsys, "main2.o", "--start-group", "lib.a", "lib2.a", "--end-group")
    assert re.findall(r"\(([mn]\d\.o)\)", trace) == ["n1.o", "m1.o", "m3.o"]

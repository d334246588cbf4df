"""Hand-written RISC-V sources (tests/as/riscv/objects/*.s: start-up code,
syscalls and atomics, branches of every size, label differences and
alignment in code, TLS and the relocation operators) assembled by GNU as
(riscv64-linux-gnu-as, the oracle, only here in tests) and by pas: the
objects must agree as tests/elfdiff.py compares them -- sections and their
bytes, symbols (mapping symbols included), relocations, .riscv.attributes.
"""

from __future__ import annotations

import importlib
import io
import pathlib
import shutil
import subprocess
import sys
import tempfile

import pytest

from toolchain.common.diagnostics import Diagnostics
from toolchain.common.target import find_target

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from elfdiff import first_difference  # noqa: E402

assembler = importlib.import_module("toolchain.as.assembler")
CASES = sorted((pathlib.Path(__file__).resolve().parent / "riscv" / "objects").glob("*.s"))
GAS = "riscv64-linux-gnu-as"


@pytest.mark.skipif(shutil.which(GAS) is None, reason=f"oracle not installed: {GAS}")
@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_riscv_object_matches_gas(path: pathlib.Path) -> None:
    with tempfile.TemporaryDirectory(prefix="pcc-rv-") as tmp:
        obj = pathlib.Path(tmp, "out.o")
        result = subprocess.run([GAS, "-o", str(obj), str(path)], capture_output=True,
                                text=True)
        assert result.returncode == 0, f"ERROR GNU as rejects {path.name}: {result.stderr}"
        expected = obj.read_bytes()
    stream = io.StringIO()
    ours = assembler.assemble(path.read_text(), path.name, find_target("riscv64-linux-gnu"),
                              Diagnostics("pas", stream=stream))
    assert ours is not None, f"ERROR pas rejects {path.name}: {stream.getvalue()}"
    difference = first_difference(expected, ours)
    assert difference is None, f"ERROR {path.name}: {difference}"


OPTION_SOURCE = """\
\tla\ta0, sym
\tnop
\tbeqz\ta0, 1f
\taddi\tsp, sp, -16
1:\tret
"""


@pytest.mark.skipif(shutil.which(GAS) is None, reason=f"oracle not installed: {GAS}")
@pytest.mark.parametrize("options", [(), ("-march=rv64gc",), ("-fpic", "-march=rv64gc"),
                                     ("-mno-relax",), ("-march=rv64imac", "-mno-relax")])
def test_riscv_command_line_options(options: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory(prefix="pcc-rv-") as tmp:
        src, obj = pathlib.Path(tmp, "o.s"), pathlib.Path(tmp, "o.o")
        src.write_text(OPTION_SOURCE)
        result = subprocess.run([GAS, *options, "-o", str(obj), str(src)], capture_output=True,
                                text=True)
        assert result.returncode == 0, result.stderr
        expected = obj.read_bytes()
    stream = io.StringIO()
    ours = assembler.assemble(OPTION_SOURCE, "o.s", find_target("riscv64-linux-gnu"),
                              Diagnostics("pas", stream=stream), isa_options=options)
    assert ours is not None, f"ERROR pas rejects {options}: {stream.getvalue()}"
    difference = first_difference(expected, ours)
    assert difference is None, f"ERROR {options}: {difference}"


@pytest.mark.parametrize("text,message", [
    ("\t.option pop\n", "1:2: error: .option pop with no .option push"),
    ('\t.attribute arch, "rv99"\n', "1:2: error: rv99: ISA string must begin with rv32 or rv64"),
    ("\t.option arch, +\n", "1:2: error: unknown ISA extension `' in .option arch `+'"),
    ("\tfadd.d fa0, fa1, fa2\n", "extension `d' required"),
    ("\t.attribute foo, 3\n", "1:2: error: Attribute name not recognised: foo"),
    ("f: nop\n.L1: nop\n\t.uleb128 .L1-f\n", "3:2: error: non-constant .uleb128 is not supported"),
    ("\t.insn r OP, 9, 0, a0, a1, a2\n", "1:2: error: bad value for funct3 field, value must be 0...7"),
    ("\t.insn 2, 0x13\n", "1:2: error: value conflicts with instruction length `2,0x13'"),
    ("\t.insn i OP, 0, a0\n", "1:2: error: illegal operands `i OP,0,a0'"),
    ("\t.sleb128 1, 2\n", "1:2: error: junk at end of line, first unrecognized character is `,'"),
])
def test_riscv_directive_errors(text: str, message: str) -> None:
    stream = io.StringIO()
    options = ("-march=rv64imac",) if "fadd" in text else ()
    ours = assembler.assemble(text, "e.s", find_target("riscv64-linux-gnu"),
                              Diagnostics("pas", stream=stream), isa_options=options)
    assert ours is None, f"ERROR {text!r} accepted"
    assert message in stream.getvalue(), f"ERROR {text!r}: {stream.getvalue()!r}"

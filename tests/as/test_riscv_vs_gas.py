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

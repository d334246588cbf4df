"""AArch64 objects against GNU as 2.40: sections, symbols, relocations.

Each ``tests/as/aarch64/streamer/*.s`` (mapping symbols, literal pools,
which references GNU as resolves and against which symbol the rest are
relocated) and ``tests/as/aarch64/handwritten/*.s`` (start-up code, syscall
and setjmp routines written for these tests) is assembled by
aarch64-linux-gnu-as -- the oracle, only here -- and by pas;
``tests/elfdiff.py`` names the first difference.
"""

from __future__ import annotations

import importlib
import io
import pathlib
import shutil
import subprocess
import sys

import pytest

from toolchain.common.diagnostics import Diagnostics
from toolchain.common.target import find_target

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from elfdiff import first_difference  # noqa: E402

assembler = importlib.import_module("toolchain.as.assembler")

HERE = pathlib.Path(__file__).resolve().parent / "aarch64"
CASES = sorted((HERE / "streamer").glob("*.s")) + sorted((HERE / "handwritten").glob("*.s"))
GAS = "aarch64-linux-gnu-as"


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_aarch64_object(path: pathlib.Path, tmp_path: pathlib.Path) -> None:
    if shutil.which(GAS) is None:
        pytest.skip(f"oracle not installed: {GAS}")
    out = tmp_path / "gas.o"
    result = subprocess.run([GAS, "-o", str(out), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"ERROR {path.name}: GNU as: {result.stderr[:300]}"
    stream = io.StringIO()
    diagnostics = Diagnostics("pas", stream=stream)
    ours = assembler.assemble(path.read_text(), str(path), find_target("aarch64-linux-gnu"),
                              diagnostics)
    assert ours is not None, f"ERROR {path.name}: pas failed: {stream.getvalue()[:300]}"
    diff = first_difference(out.read_bytes(), ours)
    assert diff is None, f"ERROR {path.name}: {diff}"


def test_fixup_errors() -> None:
    """Out-of-range and misaligned branch, ADR and literal fixups: GNU as's words."""
    path = HERE / "errors" / "fixup_errors.s"
    text = path.read_text()
    want = {number: line.split("// error:")[1].strip()
            for number, line in enumerate(text.splitlines(), 1)
            if "// error:" in line and not line.startswith("//")}
    stream = io.StringIO()
    ours = assembler.assemble(text, "fixup_errors.s", find_target("aarch64-linux-gnu"),
                              Diagnostics("pas", stream=stream))
    assert ours is None, "ERROR fixup_errors.s: pas accepted it"
    got = {}
    for line in stream.getvalue().splitlines():
        where, _, message = line.partition(": error: ")
        got[int(where.split(":")[1])] = message
    failures = [f"ERROR fixup_errors.s:{n}: expected {m!r}, got {got.get(n)!r}"
                for n, m in want.items() if got.get(n) != m]
    failures += [f"ERROR fixup_errors.s:{n}: unexpected {m!r}" for n, m in got.items()
                 if n not in want]
    assert not failures, "\n".join(failures)

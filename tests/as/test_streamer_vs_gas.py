"""The object streamer against GNU as 2.40: same sections, symbols, relocations.

Each ``tests/as/streamer/*.s`` and ``tests/as/handwritten/*.s`` file is
assembled by GNU as (the oracle, only here in tests) and by pas; ``tests/elfdiff.py`` names the first difference.
A file's first line may say ``# target: i386`` (or ``x86_16``); the default
is x86-64.  The runs skip, saying why, when ``as`` is not installed or is
not the version the expectations were measured on.
"""

from __future__ import annotations

import importlib
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from toolchain.common.diagnostics import Diagnostics
from toolchain.common.target import find_target

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
from elfdiff import first_difference  # noqa: E402

assembler = importlib.import_module("toolchain.as.assembler")

HERE = pathlib.Path(__file__).resolve().parent / "streamer"
# Hand-written sources in the style of boot code, C start-up files and libc
# syscall/setjmp routines (written for these tests, not copied).
HANDWRITTEN = pathlib.Path(__file__).resolve().parent / "handwritten"
CASES = sorted(HERE.glob("*.s")) + sorted(HANDWRITTEN.glob("*.s"))


def _gas_version() -> str | None:
    if shutil.which("as") is None:
        return None
    out = subprocess.run(["as", "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else None


GAS = _gas_version()


def _target_of(text: str) -> str:
    first = text.splitlines()[0] if text else ""
    if first.startswith("# target:"):
        return first.split(":", 1)[1].strip()
    return "x86_64"


def gas_object(path: pathlib.Path, target: str, tmp_path: pathlib.Path) -> bytes:
    out = tmp_path / "gas.o"
    flag = "--64" if target == "x86_64" else "--32"
    result = subprocess.run(["as", flag, "-o", str(out), str(path)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def pas_object(text: str, name: str, target: str) -> tuple[bytes | None, str]:
    import io
    stream = io.StringIO()
    diagnostics = Diagnostics("pas", stream=stream)
    data = assembler.assemble(text, name, find_target(target), diagnostics)
    return data, stream.getvalue()


@pytest.mark.skipif(GAS is None, reason="GNU as is not installed (the oracle for these tests)")
@pytest.mark.skipif(GAS is not None and "2.40" not in GAS,
                    reason=f"expectations measured on GNU as 2.40, found: {GAS}")
@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_same_object_as_gas(path: pathlib.Path, tmp_path: pathlib.Path) -> None:
    text = path.read_text()
    target = _target_of(text)
    gas = gas_object(path, target, tmp_path)
    ours, messages = pas_object(text, str(path), target)
    assert ours is not None, messages
    assert first_difference(gas, ours) is None


_GAS_WARNING = re.compile(r"^(.*?):(\d+): Warning: (.*)$")
_PAS_WARNING = re.compile(r"^(.*?):(\d+)(?::\d+)?: warning: (.*)$")
WARNING_CASES = [p for p in CASES if "# warnings: same as gas" in p.read_text()]


@pytest.mark.skipif(GAS is None, reason="GNU as is not installed (the oracle for these tests)")
@pytest.mark.skipif(GAS is not None and "2.40" not in GAS,
                    reason=f"expectations measured on GNU as 2.40, found: {GAS}")
@pytest.mark.parametrize("path", WARNING_CASES, ids=[p.stem for p in WARNING_CASES])
def test_same_warnings_as_gas(path: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Files saying ``# warnings: same as gas``: pas warns on the same lines
    with gas's words."""
    text = path.read_text()
    target = _target_of(text)
    flag = "--64" if target == "x86_64" else "--32"
    result = subprocess.run(["as", flag, "-o", str(tmp_path / "gas.o"), str(path)],
                            capture_output=True, text=True)
    gas = [(int(m[2]), m[3]) for m in map(_GAS_WARNING.match, result.stderr.splitlines()) if m]
    _, messages = pas_object(text, str(path), target)
    ours = [(int(m[2]), m[3]) for m in map(_PAS_WARNING.match, messages.splitlines()) if m]
    assert gas, "the case should make gas warn"
    assert ours == gas

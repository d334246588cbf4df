"""Runner for tests/as/errors/*.s: each file's first line says its first error.

    # expect: LINE: error: MESSAGE

The file is assembled by the front end (recording streamer) and the first
error reported must be MESSAGE at LINE (the column is not compared).  Errors
found only by the object streamer or layout (after the whole input is read)
need the real streamer: such a file says so on its second line,

    # assembler: real

and is also run through the ``pas`` command, which must exit with status 1,
print ``file:line:col: error: ...`` without a traceback, and leave no output.
"""

import importlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from toolchain.common.diagnostics import Diagnostics
from toolchain.common.target import find_target

assembler = importlib.import_module("toolchain.as.assembler")

ERRORS = Path(__file__).parent / "errors"
CASES = sorted(ERRORS.glob("*.s"))
_EXPECT = re.compile(r"#\s*expect:\s*(\d+):\s*error:\s*(.*)")
_REPORTED = re.compile(r"(.*?):(\d+)(?::\d+)?: error: (.*)")
_TARGET = re.compile(r"#\s*target:\s*(\S+)")


def _is_real(text: str) -> bool:
    lines = text.splitlines()
    return len(lines) > 1 and lines[1].replace(" ", "") == "#assembler:real"


def _target(text: str) -> str:
    for line in text.splitlines()[:3]:
        m = _TARGET.match(line)
        if m:
            return m.group(1)
    return "x86_64"


def _real_errors(text: str, name: str) -> list[str]:
    stream = io.StringIO()
    diagnostics = Diagnostics("pas", stream=stream)
    data = assembler.assemble(text, name, find_target(_target(text)), diagnostics)
    assert data is None, f"{name}: an object was produced despite the error"
    return [line for line in stream.getvalue().splitlines() if ": error: " in line]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_first_error(fake, path):
    text = path.read_text()
    m = _EXPECT.match(text.splitlines()[0])
    assert m, f"{path.name}: first line must be '# expect: LINE: error: MESSAGE'"
    if _is_real(text):
        errors = _real_errors(text, path.name)
    else:
        errors = fake(text, filename=path.name).errors
    assert errors, f"{path.name}: no error reported"
    got = _REPORTED.match(errors[0])
    assert got, errors[0]
    assert (got.group(1), int(got.group(2)), got.group(3)) == \
        (path.name, int(m.group(1)), m.group(2).strip())


REAL_CASES = [p for p in CASES if _is_real(p.read_text())]


@pytest.mark.parametrize("path", REAL_CASES, ids=lambda p: p.stem)
def test_pas_command_fails_cleanly(path, tmp_path):
    """The ``pas`` command on an error file: status 1, no traceback, no output file."""
    text = path.read_text()
    out = tmp_path / "out.o"
    flag = "--64" if _target(text) == "x86_64" else "--32"
    result = subprocess.run(
        [sys.executable, "-c", "import toolchain; toolchain.pas_main()", flag, "-o", str(out),
         str(path)], capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(r":\d+:\d+: error: ", result.stderr), result.stderr
    assert not out.exists()

"""Invalid C programs: each tests/cc/invalid/*.c opens with the first
diagnostic gcc 12 gives for it (``gcc -fsyntax-only -Wall``, file name
dropped), as ``// ERROR: LINE:COL: error: MESSAGE``; ``pcc -fsyntax-only
-Wall`` (run in-process, end to end through pcc's own preprocessor) must give
the same first diagnostic, exit with status 1 when gcc's is an error, and
never crash.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from frontendhelpers import diagnostic_lines, syntax_only  # noqa: E402

INVALID = Path(__file__).parent / "invalid"
FILES = sorted(INVALID.glob("*.c"))


def expected_line(path: Path) -> str:
    first = path.read_text().splitlines()[0]
    match = re.match(r"//\s*ERROR:\s*(.*)", first)
    assert match, f"{path.name}: first line must be '// ERROR: ...'"
    return match.group(1).strip()


def first_diagnostic(path: Path) -> tuple[str, int, str]:
    """pcc's first diagnostic for the file (file name dropped), its exit status, its stderr."""
    status, stderr = syntax_only(["-Wall", str(path)])
    lines = diagnostic_lines(stderr)
    return (lines[0] if lines else "(no diagnostic)"), status, stderr


def test_enough_programs():
    assert len(FILES) >= 100


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_invalid_program(path: Path):
    expected = expected_line(path)
    got, status, stderr = first_diagnostic(path)
    assert "internal error" not in stderr, stderr
    assert got == expected
    assert status == (1 if ": error: " in f":{expected}" else 0), stderr

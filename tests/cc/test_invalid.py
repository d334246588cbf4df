"""Invalid C programs: each tests/cc/invalid/*.c opens with the first
diagnostic gcc 12 gives for it (``gcc -fsyntax-only -Wall``, file name
dropped), as ``// ERROR: LINE:COL: error: MESSAGE``; the front end must give
the same first diagnostic, count an error when gcc's is one, and never
crash.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ctokens import Diagnostics, Options, tokenize  # noqa: E402

from toolchain.cc.frontend import check_translation_unit  # noqa: E402
from toolchain.common.target import find_target  # noqa: E402

INVALID = Path(__file__).parent / "invalid"
FILES = sorted(INVALID.glob("*.c"))


def expected_line(path: Path) -> str:
    first = path.read_text().splitlines()[0]
    match = re.match(r"//\s*ERROR:\s*(.*)", first)
    assert match, f"{path.name}: first line must be '// ERROR: ...'"
    return match.group(1).strip()


def first_diagnostic(path: Path) -> tuple[str, Diagnostics]:
    diagnostics = Diagnostics()
    tokens = tokenize(path.read_text(), str(path))
    check_translation_unit(tokens, find_target("x86_64"), diagnostics, Options())
    for line in diagnostics.lines:
        if ": error: " in line or ": warning: " in line:
            return line.split(":", 1)[1].strip(), diagnostics
    return "(no diagnostic)", diagnostics


def test_enough_programs():
    assert len(FILES) >= 100


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_invalid_program(path: Path):
    expected = expected_line(path)
    got, diagnostics = first_diagnostic(path)
    assert got == expected
    if ": error: " in f":{expected}":
        assert diagnostics.error_count > 0

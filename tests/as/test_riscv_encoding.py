"""RISC-V encoding tests: tests/as/riscv/*.s, one statement per line with
GNU as 2.40's bytes and relocations (``insn  # hex [R_RISCV_x@offset sym+addend]``).

Each file is assembled by pas as one input (``.attribute arch, "rv64gc"``,
each statement after a label of its own: tests/riscvgen.py) and every
statement's bytes and relocations must be those written after it.
riscv_errors.s holds statements pas must reject, with GNU as's message.
"""

from __future__ import annotations

import glob
import io
import os

import pytest

import riscvgen
from toolchain.common.diagnostics import Diagnostics
from toolchain.common.target import find_target

HERE = os.path.join(os.path.dirname(__file__), "riscv")
FILES = sorted(os.path.basename(p) for p in glob.glob(os.path.join(HERE, "*.s"))
               if not p.endswith("errors.s"))


def _lines(path: str) -> list[tuple[int, str, str]]:
    out = []
    with open(path) as f:
        for lineno, raw in enumerate(f, 1):
            if raw.startswith("#") or not raw.strip():
                continue
            text, _, expected = raw.rstrip("\n").partition("  # ")
            out.append((lineno, text.strip(), expected.strip()))
    return out


@pytest.mark.parametrize("name", FILES)
def test_encoding(name: str) -> None:
    lines = _lines(os.path.join(HERE, name))
    got = riscvgen.pas_results([text for _, text, _ in lines])
    assert not isinstance(got, str), f"ERROR {name}: pas rejects the file: {got[:400]}"
    errors = [f"ERROR {name}:{lineno}: {text!r}: got {g}, expected {e}"
              for (lineno, text, e), g in zip(lines, got) if g != e]
    assert len(lines) >= 10
    assert not errors, f"{len(errors)} of {len(lines)} lines wrong:\n" + "\n".join(errors)


def test_errors() -> None:
    errors = []
    lines = _lines(os.path.join(HERE, "riscv_errors.s"))
    assembler = __import__("importlib").import_module("toolchain.as.assembler")
    for lineno, text, expected in lines:
        stream = io.StringIO()
        data = assembler.assemble(f"\t{text}\n", "e.s", find_target("riscv64-linux-gnu"),
                                  Diagnostics("pas", stream=stream))
        printed = stream.getvalue()
        if data is not None:
            errors.append(f"ERROR riscv_errors.s:{lineno}: {text!r} accepted")
        elif f"e.s:1:2: error: {expected}" not in printed:
            errors.append(f"ERROR riscv_errors.s:{lineno}: {text!r}: {printed.strip()!r}, "
                          f"expected {expected!r}")
    assert len(lines) >= 5
    assert not errors, "\n".join(errors)

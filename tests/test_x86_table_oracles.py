"""Every row of the x86 opcode table, cross-checked against three oracles.

For each row (toolchain/as/x86/opcodes.py) and each mode it exists in,
tests/x86gen.py writes a few AT&T instructions (each AT&T spelling of the
row; plain and extended registers; register and memory forms; immediates
of the row's width).  pas encodes them through X86Isa; then
  * GNU as must give the same bytes and relocations, or reject the line too;
  * capstone must decode pas's bytes as one instruction named like the row;
  * keystone must give the same bytes where it can, except its known bugs
    (tests/keystone_known_bugs.txt, each with the reason).
One test per row and mode; the first problem is the failure message.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

import x86oracle

MODES = {"16-bit": 16, "32-bit": 32, "64-bit": 64}
KNOWN_BUGS = Path(__file__).with_name("keystone_known_bugs.txt")


def _x86gen():
    try:
        import x86gen
    except ImportError as exc:
        return None, f"x86 opcode table not available yet: {exc}"
    return x86gen, None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    x86gen, reason = _x86gen()
    if x86gen is None:
        params = [pytest.param(m, -1, id=m, marks=pytest.mark.skip(reason)) for m in MODES]
    else:
        params = [pytest.param(mode, index, id=f"{mode}-{x86gen.form_id(form)}")
                  for mode, bits in MODES.items()
                  for index, form in enumerate(x86gen.opcodes.FORMS)
                  if x86gen.testable(form, bits)]
    metafunc.parametrize("mode,index", params)


@functools.cache
def keystone_known_bugs() -> list[tuple[set[int], re.Pattern, str]]:
    bugs = []
    for line in KNOWN_BUGS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            modes, pattern, reason = line.split("\t")
            bits = {16, 32, 64} if modes == "*" else {int(m) for m in modes.split(",")}
            bugs.append((bits, re.compile(pattern), reason))
    return bugs


def keystone_problem(line: str, bits: int, pas: x86oracle.Encoded) -> str | None:
    if "ext" in line.split(", ") or line.endswith(" ext"):
        return None                              # keystone cannot leave relocations
    theirs = x86oracle.keystone_bytes(line, bits)
    if isinstance(theirs, str) or not theirs:
        return None                              # keystone cannot encode it
    fields = [(o, s) for o, s, _ in pas.relocs] + pas.resolved
    if x86oracle.masked(theirs, fields) == x86oracle.masked(pas.data, fields):
        return None
    if any(bits in modes and pattern.search(line) for modes, pattern, _ in keystone_known_bugs()):
        return None
    return f"keystone={theirs.hex()} pas={pas.data.hex()}"


@functools.cache
def mode_results(bits: int) -> dict[int, list[tuple[str, bool, x86oracle.Encoded, x86oracle.Encoded]]]:
    """Every row's lines in one mode, encoded by GNU as (one batch) and by pas."""
    import x86gen
    rows = [(index, form) for index, form in enumerate(x86gen.opcodes.FORMS)
            if x86gen.testable(form, bits)]
    cases = [(index, line, identifying) for index, form in rows
             for line, identifying in x86gen.lines_for_form(form, bits)]
    lines = [line for _, line, _ in cases]
    gas = x86oracle.gas_batch(lines, bits)
    encoder = x86oracle.PasEncoder(bits)
    results: dict[int, list] = {index: [] for index, _ in rows}
    for n, (index, line, identifying) in enumerate(cases):
        results[index].append((line, identifying, gas[n], encoder.encode(line, n)))
    return results


def test_x86_table_row(mode: str, index: int, record_property) -> None:
    import x86gen
    bits = MODES[mode]
    form = x86gen.opcodes.FORMS[index]
    record_property("label", f"{mode} {x86gen.form_id(form)}")
    reason = x86oracle.pas_unavailable()
    if reason:
        pytest.skip(reason)
    if not x86oracle.gas_available():
        pytest.skip("GNU as not installed")
    problems, accepted, gas_errors = [], False, []
    for line, identifying, gas, pas in mode_results(bits)[index]:
        difference = x86oracle.compare(gas, pas)
        if difference:
            problems.append(f"`{line}`: {difference}")
            continue
        if gas.error:
            gas_errors.append(f"`{line}`: {gas.error}")
            continue
        accepted = True
        checks = [x86oracle.capstone_check(pas.data, bits, form) if identifying else None,
                  keystone_problem(line, bits, pas)]
        problems += [f"`{line}`: {c}" for c in checks if c]
    if not accepted and not problems:
        problems.append("GNU as accepts none of the row's lines: " + gas_errors[0])
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        pytest.fail(problems[0] + more, pytrace=False)

"""Corpus programs that need only the x86-16 runtime, run in real mode.

freestanding.py selects them mechanically (gcc -m16's undefined symbols
against the runtime's, no floating-point printf); each is built by ``gcc
-m16`` (objects linked by pld with the runtime) and by ``pcc -m16``, run in
unicorn, and its port-0xE9 output and exit status compared with the corpus's
expected ones.  The fast run takes a seeded sample (SAMPLE per compiler,
before selection); ``--full`` takes every program.  A selected program too
big for one segment is a failure too: the runtime promises to run it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import freestanding as fs
from testopts import is_full, sample_seed

SAMPLE = {"gcc": 16, "pcc": 5}

# Programs that fail for a known reason, per compiler (expected failures).
KNOWN_FAILURES = {
    ("pcc", "20020720-1.c"): "fabs(x) < 0.0 is not folded to false at -Os (link_error stays)",
    ("pcc", "20041114-1.c"): "no value-range folding of the comparison (link_failure stays)",
    ("pcc", "pure-1.c"): "stores are not kept in registers across pure calls (link_error)",
    ("pcc", "920501-3.c"): "times out in real mode",
    ("pcc", "memcpy-1.c"): "writes beyond the emulated 1 MiB",
    ("gcc", "memcpy-1.c"): "writes beyond the emulated 1 MiB",
    ("gcc", "pr28982b.c"): "writes beyond the emulated 1 MiB",
    ("gcc", "930529-1.c"): "times out in real mode",
}


def _selected(config, mode: str) -> list:
    programs = fs.programs()
    if not programs or not fs.gcc_available():
        return []
    if not is_full(config):
        rng = random.Random(f"{sample_seed()}:x86_16:{mode}")
        programs = [programs[i] for i in sorted(rng.sample(range(len(programs)), SAMPLE[mode]))]
    with fs.scratch() as tmp:
        return [p for p in programs if not fs.selection_reason(p, Path(tmp, "sel.o"))]


def pytest_generate_tests(metafunc):
    if "program" not in metafunc.fixturenames:
        return
    cases = []
    for mode in ("gcc", "pcc"):
        for program in _selected(metafunc.config, mode):
            reason = KNOWN_FAILURES.get((mode, Path(program.id).name))
            marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
            cases.append(pytest.param(mode, program, id=f"{mode}-{program.id}", marks=marks))
    if not cases:
        reason = ("the corpora are absent" if not fs.programs()
                  else f"{fs.GCC16} (the selection oracle) is not installed")
        cases = [pytest.param("none", None, marks=pytest.mark.skip(reason=reason))]
    metafunc.parametrize(("mode", "program"), cases)


def test_corpus_program_in_real_mode(mode, program, tmp_path, record_property):
    pytest.importorskip("unicorn", reason="unicorn is not installed")
    record_property("label", f"x86_16 {mode} {program.id}")
    outcome, why = fs.build_and_run(program, mode, tmp_path)
    assert outcome == "pass", f"{outcome}: {why}"

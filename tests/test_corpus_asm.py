"""Acceptance test of the assembler: GCC's output for real programs, GNU as vs pas.

Every program of the shared corpora is compiled with ``gcc -S`` at -O0 and
-O2 for x86-64, i386, 16-bit code and AArch64 (tests/corpus.py does the work); pas's
object must agree with GNU as's (tests/elfdiff.py).  The fast run takes a
seeded sample of ``corpus.SAMPLE_SIZE`` programs per mode and level
(PCC_TEST_SEED changes it); ``--full`` takes them all.  The summary prints,
per mode and level, how many files came out identical.
"""

from __future__ import annotations

import pytest

import corpus
from testopts import is_full, sample_seed


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    root = corpus.corpora_dir()
    programs = corpus.load_programs(root) if root else []
    count = None if is_full(metafunc.config) else corpus.SAMPLE_SIZE
    params = [pytest.param(mode, level, program, id=f"{mode}{level}-{program.id}")
              for mode in corpus.MODES for level in corpus.LEVELS
              for program in corpus.select(programs, mode, level, sample_seed(), count)]
    if not params:
        reason = f"no corpora found (looked in $PCC_CORPORA and ../shared/corpora: {root})"
        params = [pytest.param(mode, level, None, id=f"{mode}{level}", marks=pytest.mark.skip(reason))
                  for mode in corpus.MODES for level in corpus.LEVELS]
    metafunc.parametrize("mode,level,program", params)


def test_corpus_asm(mode: str, level: str, program: corpus.Program, record_property) -> None:
    record_property("summary", "identical")
    record_property("label", f"{mode} {program.id} {level}")
    reason = corpus.pas_unavailable()
    if reason:
        pytest.skip(reason)
    missing = corpus.missing_tools(corpus.MODES[mode])
    if missing:
        pytest.skip(f"oracle not installed: {', '.join(missing)}")
    outcome = corpus.check(program, mode, level)
    if outcome.status == "skip":
        pytest.skip(outcome.message)
    if outcome.status != "identical":
        pytest.fail(outcome.message, pytrace=False)

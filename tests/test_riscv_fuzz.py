"""RISC-V encoding fuzzer: seeded random RV64GC statements (tests/riscvgen.py)
-- every table row's operand kinds, pseudo-instructions, compressible
forms -- assembled by GNU as (riscv64-linux-gnu-as) and by pas; the bytes
and relocations of every statement must agree.  A fixed seed and budget by
default (testopts: the seed from PCC_TEST_SEED, more statements with --full);
PCC_FUZZ_SECONDS=N keeps drawing batches for N seconds from PCC_FUZZ_SEED
(the variables scripts/fuzz sets).
"""

from __future__ import annotations

import os
import random
import time

import pytest

import riscvgen
from testopts import is_full, sample_seed

BATCH = 400


@pytest.mark.skipif(not riscvgen.gas_available(), reason="oracle not installed: riscv64-linux-gnu-as")
@pytest.mark.parametrize("batch", range(3))
def test_riscv_fuzz(batch: int, pytestconfig) -> None:
    seconds = float(os.environ.get("PCC_FUZZ_SECONDS", "0"))
    seed = os.environ.get("PCC_FUZZ_SEED", str(sample_seed()))
    rng = random.Random(f"{seed}:riscv:{batch}")
    deadline = time.monotonic() + seconds
    while True:
        _check_batch(rng, BATCH * (10 if is_full(pytestconfig) else 1))
        if time.monotonic() >= deadline:
            break


def _check_batch(rng: random.Random, count: int) -> None:
    statements = [riscvgen.random_statement(rng) for _ in range(count)]
    expected = riscvgen.gas_results(statements)
    assert not isinstance(expected, str), f"ERROR GNU as rejects the generated batch: {expected[:300]}"
    got = riscvgen.pas_results(statements)
    assert not isinstance(got, str), f"ERROR pas rejects the batch: {got[:300]}"
    errors = [f"ERROR {s!r}: pas {g}, GNU as {e}"
              for s, g, e in zip(statements, got, expected) if g != e]
    assert not errors, f"{len(errors)} of {count} differ:\n" + "\n".join(errors[:40])

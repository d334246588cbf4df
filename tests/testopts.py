"""Session options every suite reads: --full (run everything) and the sampling seed.

Kept out of conftest.py so test modules and scripts can import them by a
unique name (tests/ has more than one conftest.py).
"""

from __future__ import annotations

import os

DEFAULT_SEED = 20240601


def is_full(config) -> bool:
    """True under ``--full`` (or PCC_TEST_FULL=1): every program, the long budgets."""
    return bool(config.getoption("--full", default=False)) or os.environ.get("PCC_TEST_FULL") == "1"


def sample_seed() -> int:
    """The seed choosing the fast sample (PCC_TEST_SEED, fixed by default)."""
    return int(os.environ.get("PCC_TEST_SEED", DEFAULT_SEED))

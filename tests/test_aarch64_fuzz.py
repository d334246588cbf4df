"""The A64 encoding fuzzer: random instructions of every Arm ARM class, pas vs GNU as.

hypothesis draws seeds; tests/a64gen.py turns each into a batch of lines
(random registers, immediates over their whole range, logical immediates
valid or not, every addressing form, branch offsets up to the limits).
GNU as (aarch64-linux-gnu-as) assembles all lines in one run and must give
the same word as pas, or reject the line too -- then pas must reject it.

In CI: a fixed seed (derandomize) and FUZZ_EXAMPLES x BATCH instructions
(four times as many under --full).  Longer runs: PCC_FUZZ_SECONDS and
PCC_FUZZ_SEED (as scripts/fuzz sets them) draw fresh batches until time is
up.  Every disagreement is one ``ERROR`` line in the failure report.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import a64gen

sys.path.insert(0, str(Path(__file__).resolve().parent / "as"))
import test_aarch64_encoding as enc  # noqa: E402

from toolchain.common.diagnostics import ToolchainError  # noqa: E402

GAS = ("aarch64-linux-gnu-as", "-march=armv8.3-a+fp16+crc")
BATCH = 50
FUZZ_EXAMPLES = 40           # CI budget: 40 x 50 = 2,000 instructions
SHOWN = 40


def draw_lines(examples: int, seed: int | None) -> list[str]:
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    drawn: list[str] = []

    @settings(max_examples=examples, derandomize=seed is None, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(st.integers(min_value=0, max_value=2**32 - 1))
    def collect(batch_seed: int) -> None:
        drawn.extend(a64gen.lines(batch_seed, BATCH))

    if seed is not None:
        collect = hypothesis.seed(seed)(collect)
    collect()
    return drawn


def gas_words(lines: list[str]) -> tuple[list[bytes | None], list[str]]:
    """GNU as's word for each line (None where it rejects the line)."""
    rejected: set[int] = set()
    with tempfile.TemporaryDirectory() as tmp:
        while True:
            keep = [i for i in range(len(lines)) if i not in rejected]
            src, obj = Path(tmp, "in.s"), Path(tmp, "out.o")
            src.write_text("".join(lines[i] + "\n" for i in keep))
            result = subprocess.run([*GAS, "-o", str(obj), str(src)], capture_output=True,
                                    text=True)
            bad = {keep[int(n) - 1] for n in re.findall(r"in\.s:(\d+): Error", result.stderr)}
            if result.returncode == 0:
                break
            if not bad:
                raise AssertionError(f"GNU as failed without a line: {result.stderr[:200]}")
            rejected |= bad
        from elftools.elf.elffile import ELFFile
        with open(obj, "rb") as f:
            text = ELFFile(f).get_section_by_name(".text").data()
    words: list[bytes | None] = [None] * len(lines)
    for k, i in enumerate(keep):
        words[i] = text[4 * k:4 * k + 4]
    return words, []


def disagreements(lines: list[str]) -> list[str]:
    words, _ = gas_words(lines)
    runner = enc.Runner()
    out = []
    for line, want in zip(lines, words):
        try:
            got, _ = runner.assemble(line, "fuzz")
        except ToolchainError as exc:
            if want is not None:
                out.append(f"ERROR `{line}': pas rejects ({exc.message}), GNU as {want.hex(' ')}")
            continue
        except Exception as exc:  # noqa: BLE001 - a crash is the finding
            out.append(f"ERROR `{line}': pas crashes: {type(exc).__name__}: {exc}")
            continue
        if want is None:
            out.append(f"ERROR `{line}': GNU as rejects, pas gives {got.hex(' ')}")
        elif got != want:
            out.append(f"ERROR `{line}': pas {got.hex(' ')} GNU as {want.hex(' ')}")
    return out


def test_aarch64_fuzz(full: bool, record_property) -> None:
    if shutil.which(GAS[0]) is None:
        pytest.skip(f"oracle not installed: {GAS[0]}")
    seed = int(os.environ["PCC_FUZZ_SEED"]) if "PCC_FUZZ_SEED" in os.environ else None
    deadline = time.monotonic() + float(os.environ.get("PCC_FUZZ_SECONDS", "0"))
    problems: list[str] = []
    total = 0
    for round_number in range(10**6):
        round_seed = None if seed is None else seed * 1000 + round_number
        lines = draw_lines(FUZZ_EXAMPLES * (4 if full else 1), round_seed)
        total += len(lines)
        problems += disagreements(lines)
        if seed is None or time.monotonic() >= deadline:
            break
    record_property("summary", f"{total} instructions")
    assert not problems, f"{len(problems)} of {total} disagree:\n" + "\n".join(problems[:SHOWN])
    assert total >= 2000 or seed is not None, f"only {total} instructions drawn"

"""The x86 encoding fuzzer: random instructions from the opcode table, pas vs GNU as.

hypothesis draws rows of toolchain/as/x86/opcodes.py with random operands
(any register of the row's classes, any addressing form the mode has --
16/32/64-bit, rip-relative, absolute, segment overrides -- and immediates
over their whole range; tests/x86gen.py writes the text).  pas encodes each
line through X86Isa; GNU as assembles them all in one batch and must give
the same bytes and relocations (or reject the line too); capstone must
decode pas's bytes as one instruction of that row.

In CI: a fixed seed (derandomize) and FUZZ_EXAMPLES x BATCH instructions
per mode (four times as many under --full).  Longer runs: ``scripts/fuzz --minutes N`` sets PCC_FUZZ_SECONDS
(per mode) and PCC_FUZZ_SEED; the test then draws fresh batches until time
is up.  Every disagreement is listed in logs/test.log.
"""

from __future__ import annotations

import os
import time

import pytest

import x86oracle

MODES = {"16-bit": 16, "32-bit": 32, "64-bit": 64}
BATCH = 50                 # instructions per hypothesis example
FUZZ_EXAMPLES = 45         # CI budget: 45 x 50 = 2,250 instructions per mode
SHOWN = 40                 # disagreements written into the failure report


class HypothesisChooser:
    """x86gen's Chooser drawing from hypothesis."""

    explore = True

    def __init__(self, draw, st):
        self.draw, self.st = draw, st

    def choice(self, options):
        return self.draw(self.st.sampled_from(tuple(options)))

    def integer(self, low: int, high: int) -> int:
        return self.draw(self.st.integers(low, high))

    def flag(self) -> bool:
        return self.draw(self.st.booleans())


def draw_instructions(bits: int, examples: int, seed: int | None) -> list[tuple[object, str, bool]]:
    """``examples`` x BATCH random (row, AT&T line, line names its row) for a mode."""
    import hypothesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    import x86gen
    forms = x86gen.forms_for_mode(bits)

    @st.composite
    def instruction(draw):
        form = draw(st.sampled_from(forms))
        name = draw(st.sampled_from(form.att_names))
        use_memory = x86gen.has_memory_form(form) and draw(st.booleans())
        extended = bits == 64 and draw(st.booleans())
        chooser = HypothesisChooser(draw, st)
        line = x86gen.render(form, bits, chooser, use_memory, extended, name)
        identifying, _ambiguous = x86gen.identifies_row(form, name, use_memory)
        return form, line, identifying

    drawn: list = []

    @settings(max_examples=examples, derandomize=seed is None, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(st.lists(instruction(), min_size=BATCH, max_size=BATCH))
    def collect(batch):
        drawn.extend(batch)

    if seed is not None:
        collect = hypothesis.seed(seed)(collect)
    collect()
    return drawn


def disagreements(bits: int, drawn: list) -> list[str]:
    """Every line where pas, GNU as and capstone do not agree, one line each."""
    lines = [line for _, line, _ in drawn]
    gas = x86oracle.gas_batch(lines, bits)
    encoder = x86oracle.PasEncoder(bits)
    found = []
    for n, (form, line, identifying) in enumerate(drawn):
        pas = encoder.encode(line, n)
        problem = x86oracle.compare(gas[n], pas)
        if problem is None and not gas[n].error:
            problem = x86oracle.capstone_check(pas.data, bits, form) if identifying else None
        if problem:
            found.append(f"`{line}`: {problem}")
    return found


@pytest.mark.parametrize("mode", list(MODES))
def test_x86_fuzz(mode: str, full: bool, record_property) -> None:
    bits = MODES[mode]
    record_property("label", f"{mode} fuzz")
    try:
        import x86gen  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"x86 opcode table not available yet: {exc}")
    reason = x86oracle.pas_unavailable()
    if reason:
        pytest.skip(reason)
    if not x86oracle.gas_available():
        pytest.skip("GNU as not installed")
    seconds = float(os.environ.get("PCC_FUZZ_SECONDS", 0))
    seed = int(os.environ["PCC_FUZZ_SEED"]) if "PCC_FUZZ_SEED" in os.environ else None
    deadline = time.monotonic() + seconds
    found, total, round_number = [], 0, 0
    while True:
        round_seed = None if seed is None else seed * 1000 + bits * 100 + round_number
        drawn = draw_instructions(bits, FUZZ_EXAMPLES * (4 if full else 1), round_seed)
        total += len(drawn)
        found += disagreements(bits, drawn)
        round_number += 1
        if seed is None or time.monotonic() >= deadline:
            break
    record_property("fuzzed", total)
    assert total >= 2000 or seed is not None, f"only {total} instructions drawn"
    if found:
        unique = list(dict.fromkeys(found))
        pytest.fail(f"{len(unique)} of {total} instructions disagree; first: {unique[0]}\n"
                    + "\n".join(unique[:SHOWN]), pytrace=False)

"""A64 immediate encodings (toolchain/as/aarch64/immediates.py) over their whole domain.

* every logical-immediate encoding (N:immr:imms) that DecodeBitMasks accepts,
  for 32- and 64-bit operations: encode(decode(fields)) gives back a value-
  equivalent encoding, and no other value is encodable (5,334 64-bit values);
* the 256 FMOV immediates decode to distinct values in +-[0.125, 31];
* MOV (wide immediate) finds the 16-bit chunk of every shifted chunk.
"""

from __future__ import annotations

import importlib
import random

imm = importlib.import_module("toolchain.as.aarch64.immediates")


def _all_bitmasks(width: int) -> dict[int, tuple[int, int, int]]:
    values = {}
    for n in (0, 1) if width == 64 else (0,):
        for immr in range(64 if width == 64 else 32):
            for imms in range(64):
                value = imm.decode_bitmask(n, immr, imms, width)
                if value is not None:
                    values.setdefault(value, (n, immr, imms))
    return values


def test_bitmask_round_trip() -> None:
    failures = []
    for width, expected in ((32, 1302), (64, 5334)):
        values = _all_bitmasks(width)
        if len(values) != expected:
            failures.append(f"ERROR {width}-bit: {len(values)} distinct values, expected {expected}")
        for value in values:
            fields = imm.encode_bitmask(value, width)
            if fields is None or imm.decode_bitmask(*fields, width) != value:
                failures.append(f"ERROR {width}-bit {value:#x}: encoded as {fields}")
        rng = random.Random(1)
        for _ in range(20000):
            value = rng.getrandbits(width)
            if (imm.encode_bitmask(value, width) is None) != (value not in values):
                failures.append(f"ERROR {width}-bit {value:#x}: encodable? "
                                f"{imm.encode_bitmask(value, width)}")
    assert not failures, "\n".join(failures[:20])


def test_fp_imm8() -> None:
    table = imm.FP_IMM8
    assert len(table) == 256, f"ERROR {len(table)} FMOV immediates, expected 256"
    assert sorted(table.values()) == list(range(256)), "ERROR imm8 codes not 0..255"
    assert min(abs(v) for v in table) == 0.125 and max(table) == 31.0, "ERROR FMOV range"
    assert imm.encode_fp_imm8(1.0) == 0x70 and imm.encode_fp_imm8(-2.5) == 0x84, \
        "ERROR FMOV #1.0 / #-2.5 codes"
    assert imm.encode_fp_imm8(0.0) is None, "ERROR 0.0 has no FMOV immediate"


def test_move_wide() -> None:
    failures = []
    for width in (32, 64):
        for hw in range(width // 16):
            for chunk in (1, 0x8000, 0xFFFF, 0x1234):
                got = imm.move_wide(chunk << (16 * hw), width)
                if got != (hw, chunk):
                    failures.append(f"ERROR {width}-bit chunk {chunk:#x} << {16 * hw}: {got}")
        if imm.move_wide(0x10001, width) is not None:
            failures.append(f"ERROR {width}-bit 0x10001 is two chunks")
    assert not failures, "\n".join(failures)

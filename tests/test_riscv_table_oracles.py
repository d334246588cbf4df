"""Every row of the RISC-V opcode table (toolchain/as/riscv/opcodes.py),
instantiated with random operands, cross-checked against two oracles:
GNU as (riscv64-linux-gnu-as: the same bytes and relocations as pas) and
capstone (pas's bytes decode to an instruction of the row's name).
"""

from __future__ import annotations

import random

import pytest

import riscvgen
from testopts import sample_seed

capstone = pytest.importorskip("capstone")

# The aliases capstone prints for some operands of a row (the manual's
# pseudo-instruction table): row name -> accepted decodings.
_ALIASES = {
    "csrrw": {"csrw", "fsrm", "fsflags", "fscsr"}, "csrrs": {"csrs", "csrr", "frrm", "frflags",
                                                             "frcsr", "rdcycle", "rdtime",
                                                             "rdinstret"},
    "csrrc": {"csrc"}, "csrrwi": {"csrwi", "fsrmi", "fsflagsi"}, "csrrsi": {"csrsi"},
    "csrrci": {"csrci"}, "xori": {"not"}, "addi": {"mv", "li", "nop"}, "addiw": {"sext"},
    "sltiu": {"seqz"}, "sltu": {"snez"}, "slt": {"sltz", "sgtz"}, "sub": {"neg"},
    "subw": {"negw"}, "jalr": {"jr", "ret"}, "fsgnj": {"fmv"}, "fsgnjx": {"fabs"},
    "fsgnjn": {"fneg"}, "add": {"mv"}, "fmv": {"fmv"},
}


def _decodes(data: bytes) -> list[str]:
    md = capstone.Cs(capstone.CS_ARCH_RISCV,
                     capstone.CS_MODE_RISCV64 | capstone.CS_MODE_RISCVC)
    return [i.mnemonic for i in md.disasm(data, 0)]


@pytest.mark.skipif(not riscvgen.gas_available(), reason="oracle not installed: riscv64-linux-gnu-as")
def test_rows_against_gnu_as() -> None:
    statements = riscvgen.row_instances(random.Random(sample_seed()), per_row=3)
    expected = riscvgen.gas_results(statements)
    assert not isinstance(expected, str), f"ERROR GNU as rejects a row: {expected[:300]}"
    got = riscvgen.pas_results(statements)
    assert not isinstance(got, str), f"ERROR pas rejects a row: {got[:300]}"
    errors = [f"ERROR {s!r}: pas {g}, GNU as {e}" for s, g, e in zip(statements, got, expected)
              if g != e]
    assert len(statements) > 500
    assert not errors, f"{len(errors)} of {len(statements)} rows differ:\n" + "\n".join(errors)


def test_rows_decode_with_capstone() -> None:
    statements = riscvgen.row_instances(random.Random(sample_seed() + 1), per_row=2)
    got = riscvgen.pas_results(statements)
    assert not isinstance(got, str), f"ERROR pas rejects a row: {got[:300]}"
    errors = []
    for statement, result in zip(statements, got):
        data = bytes.fromhex(result.split("[")[0].replace(" ", ""))
        names = _decodes(data)
        if len(names) != 1:
            errors.append(f"ERROR {statement!r}: {data.hex()} decodes to {names}")
            continue
        name = statement.split()[0]
        decoded = names[0].removeprefix("c.")
        base, got_base = name.split(".")[0], decoded.split(".")[0]
        if got_base != base and got_base not in _ALIASES.get(base, ()):
            errors.append(f"ERROR {statement!r}: {data.hex()} decodes as {names[0]}")
    assert not errors, f"{len(errors)} of {len(statements)}:\n" + "\n".join(errors[:40])

"""Every A64 encoder row, cross-checked against three oracles.

The encoding tests (tests/as/aarch64/*.s, one file per Arm ARM class) hold
GNU as's bytes for each instruction line.  Here, for every line:
  * GNU as, run now, must give the same bytes as pas (the files are not stale);
  * capstone must decode pas's word, and its text, read back by pas, must give
    the same word;
  * keystone must give the same bytes where it can;
except the oracles' known mistakes (tests/aarch64_oracle_known.txt, each with
the reason).  And every mnemonic the encoders know must have a line.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "as"))
import test_aarch64_encoding as enc  # noqa: E402

from toolchain.common.diagnostics import ToolchainError  # noqa: E402

KNOWN = Path(__file__).with_name("aarch64_oracle_known.txt")
GAS = "aarch64-linux-gnu-as"


@functools.cache
def known(oracle: str) -> list[re.Pattern]:
    out = []
    for line in KNOWN.read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        who, pattern, _why = line.split("\t")
        if who == oracle:
            out.append(re.compile(pattern))
    return out


def is_known(oracle: str, text: str) -> bool:
    return any(p.search(text) for p in known(oracle))


def lines(name: str):
    return enc._expected(os.path.join(enc.HERE, name))


def _plain(text: str, relocs: list) -> bool:
    """No relocation and no '.': the word alone says everything."""
    return not relocs and not re.search(r"(^|[\s,#])\.($|[+-])", text)


@pytest.mark.parametrize("name", enc.encoding_files())
def test_gnu_as_now(name: str, tmp_path: Path) -> None:
    if shutil.which(GAS) is None:
        pytest.skip(f"oracle not installed: {GAS}")
    cases = lines(name)
    src = tmp_path / "in.s"
    src.write_text("".join(text + "\n" for _, text, _, _ in cases))
    obj = tmp_path / "out.o"
    result = subprocess.run([GAS, "-march=armv8.3-a+fp16+crc", "-o", str(obj), str(src)],
                            capture_output=True, text=True)
    assert result.returncode == 0, f"ERROR {name}: GNU as rejects: {result.stderr[:300]}"
    from elftools.elf.elffile import ELFFile
    with open(obj, "rb") as f:
        text = ELFFile(f).get_section_by_name(".text").data()
    runner = enc.Runner()
    failures = []
    for i, (number, line, _, relocs) in enumerate(cases):
        got, _ = runner.assemble(line, f"{name}:{number}")
        want = text[4 * i:4 * i + 4]
        if relocs:
            continue          # fields of relocated words are compared by the encoding test
        if got != want:
            failures.append(f"ERROR {name}:{number}: `{line}' pas {got.hex(' ')} GNU as {want.hex(' ')}")
    assert not failures, "\n".join(failures[:30])


@pytest.mark.parametrize("name", enc.encoding_files())
def test_capstone(name: str) -> None:
    capstone = pytest.importorskip("capstone")
    cs = capstone.Cs(capstone.CS_ARCH_ARM64, capstone.CS_MODE_ARM)
    runner = enc.Runner()
    failures = []
    for number, text, want, relocs in lines(name):
        if not _plain(text, relocs) or is_known("capstone", text):
            continue
        got, _ = runner.assemble(text, f"{name}:{number}")
        decoded = list(cs.disasm(got, 0))
        if not decoded:
            failures.append(f"ERROR {name}:{number}: `{text}' capstone cannot decode {got.hex(' ')}")
            continue
        back = f"{decoded[0].mnemonic} {decoded[0].op_str}"
        try:
            again, _ = runner.assemble(back, f"{name}:{number}")
        except ToolchainError as exc:
            failures.append(f"ERROR {name}:{number}: `{text}' capstone says `{back}', "
                            f"which pas rejects: {exc.message}")
            continue
        if again != got:
            failures.append(f"ERROR {name}:{number}: `{text}' capstone says `{back}', "
                            f"which pas encodes {again.hex(' ')}, not {got.hex(' ')}")
    assert not failures, "\n".join(failures[:30])


@pytest.mark.parametrize("name", enc.encoding_files())
def test_keystone(name: str) -> None:
    keystone = pytest.importorskip("keystone")
    ks = keystone.Ks(keystone.KS_ARCH_ARM64, keystone.KS_MODE_LITTLE_ENDIAN)
    runner = enc.Runner()
    failures = []
    checked = 0
    for number, text, want, relocs in lines(name):
        if not _plain(text, relocs) or is_known("keystone", text):
            continue
        try:
            encoding, _ = ks.asm(text)
        except keystone.KsError:
            continue                       # keystone cannot: nothing to hold against pas
        if not encoding:
            continue
        checked += 1
        got, _ = runner.assemble(text, f"{name}:{number}")
        if bytes(encoding) != got:
            failures.append(f"ERROR {name}:{number}: `{text}' pas {got.hex(' ')} "
                            f"keystone {bytes(encoding).hex(' ')}")
    assert not failures, "\n".join(failures[:30])
    plain = [t for _, t, _, r in lines(name) if _plain(t, r)]
    assert checked or not plain, f"ERROR {name}: keystone checked no line"


def test_every_mnemonic_has_a_line() -> None:
    isa = importlib.import_module("toolchain.as.aarch64.isa")
    seen = set()
    for name in enc.encoding_files():
        for _, text, _, _ in lines(name):
            seen.add(text.split()[0])
    missing = sorted(m for m in isa.ENCODERS if m not in seen and not m.startswith("."))
    # Families tested through a representative: every condition of b.cond, the
    # ordering/size variants of the LSE atomics.
    missing = [m for m in missing if not re.fullmatch(
        r"b\.?[a-z]{2}|(ld|st)(add|clr|eor|set|smax|smin|umax|umin)(a|l|al)?[bh]?|"
        r"swp(a|l|al)?[bh]?|cas(a|l|al)?[bh]?", m)]
    assert not missing, "ERROR mnemonics without an encoding test line: " + " ".join(missing)


def test_error_messages_are_gnu_as_words(tmp_path: Path) -> None:
    """Each line of aarch64_errors.s fails in GNU as too, with the message the file expects."""
    if shutil.which(GAS) is None:
        pytest.skip(f"oracle not installed: {GAS}")
    cases = enc._error_cases()
    src = tmp_path / "errors.s"
    src.write_text("".join(text + "\n" for _, text, _ in cases))
    result = subprocess.run([GAS, "-o", str(tmp_path / "out.o"), str(src)],
                            capture_output=True, text=True)
    said: dict[int, str] = {}
    for line in result.stderr.splitlines():
        m = re.match(r".*?:(\d+): Error: (.*)", line)
        if m:
            said.setdefault(int(m.group(1)), m.group(2))
    failures = [f"ERROR aarch64_errors.s:{number}: `{text}' GNU as says {said.get(i + 1)!r}, "
                f"the file expects {message!r}"
                for i, (number, text, message) in enumerate(cases)
                if said.get(i + 1) != message]
    assert not failures, "\n".join(failures)

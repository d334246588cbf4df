"""AArch64 encoding tests: tests/as/aarch64/*.s, one instruction per line with GNU as's bytes.

Each line ``insn  // hex [RELOC@offset symbol+addend]...`` is parsed with
AArch64Isa.parse_instruction, encoded with AArch64Isa.encode, and compared
with the word GNU as wrote (scripts/gen-aarch64-encoding-tests made them):

* a fixup whose value is relative to ``.`` (``b .+8``) is resolved here with
  apply_fixup, as the streamer does for a label of the same section;
* every other fixup is a relocation, whose type, offset and addend must
  match; its field holds zero (RELA).

aarch64_errors.s holds lines that must fail, with GNU as's message.  Every
mismatch is one line starting with ``ERROR`` and the file:line; a second
test checks that format_instruction's text assembles to the same word.
"""

from __future__ import annotations

import importlib
import os
import re

import pytest

from toolchain.common.diagnostics import SourceLocation, ToolchainError
from toolchain.common.target import find_target

expr_mod = importlib.import_module("toolchain.as.expr")
isa_mod = importlib.import_module("toolchain.as.isa")
a64 = importlib.import_module("toolchain.as.aarch64.isa")

HERE = os.path.join(os.path.dirname(__file__), "aarch64")
DOT = ".Ldot"
ERROR_FILE = "aarch64_errors.s"
_LINE = re.compile(r"(?P<insn>.*?)\s+// (?P<hex>(?:[0-9a-f]{2} ){3}[0-9a-f]{2})(?P<relocs>.*)$")
_RELOC = re.compile(r"\[(\w+)@(\d+) ([^\]+-]+)([+-]\d+)?\]")


def encoding_files() -> list[str]:
    return sorted(f for f in os.listdir(HERE) if f.endswith(".s") and f != ERROR_FILE)


def _const_part(e) -> int:
    if isinstance(e, expr_mod.Constant):
        return e.value
    if isinstance(e, expr_mod.SymbolRef):
        return 0
    if isinstance(e, expr_mod.Unary):
        return expr_mod.apply_unary(e.op, _const_part(e.operand))
    if isinstance(e, expr_mod.Binary):
        return expr_mod.apply_binary(e.op, _const_part(e.left), _const_part(e.right)) or 0
    raise TypeError(e)


class Runner:
    def __init__(self) -> None:
        self.isa = a64.AArch64Isa(find_target("aarch64-linux-gnu"))
        self.syntax = isa_mod.SyntaxState(current_location=lambda: DOT)

    def assemble(self, text: str, where: str) -> tuple[bytes, list[tuple[str, int, str, int]]]:
        """(word, relocations) for one line; ToolchainError if pas rejects it."""
        mnemonic, _, operands = text.strip().partition(" ")
        location = SourceLocation(where, 1, 1)
        insn = self.isa.parse_instruction(mnemonic, operands.strip(), (), self.syntax, location)
        enc = self.isa.encode(insn, isa_mod.EncodeContext(64))
        data = bytearray(enc.data)
        relocs = []
        for fixup in enc.fixups:
            names = fixup.value.symbols()
            if names and names[0] == DOT:
                message = self.isa.apply_fixup(data, fixup.offset, fixup,
                                               _const_part(fixup.value) + fixup.addend)
                if message:
                    raise ToolchainError(message, location)
                continue
            symbol = names[0] if names else ""
            relocs.append((fixup.kind, fixup.offset, symbol, _const_part(fixup.value)))
        return bytes(data), relocs


def _expected(path: str) -> list[tuple[int, str, bytes, list[tuple[str, int, str, int]]]]:
    cases = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("//"):
                continue
            m = _LINE.match(line.rstrip("\n"))
            assert m, f"{path}:{number}: unreadable line"
            relocs = [(t, int(o), s, int(a or 0)) for t, o, s, a in _RELOC.findall(m["relocs"])]
            cases.append((number, m["insn"].strip(), bytes.fromhex(m["hex"]), relocs))
    return cases


def _check_file(name: str, printer: bool) -> list[str]:
    runner = Runner()
    failures = []
    path = os.path.join(HERE, name)
    for number, text, want, want_relocs in _expected(path):
        where = f"{name}:{number}"
        try:
            got, relocs = runner.assemble(text, where)
            if printer:
                insn_text = runner.isa.format_instruction(
                    runner.isa.parse_instruction(*_split(text), (), runner.syntax,
                                                 SourceLocation(where, 1, 1)), runner.syntax)
                got, relocs = runner.assemble(insn_text.replace("\t", " "), where)
        except ToolchainError as exc:
            failures.append(f"ERROR {where}: `{text}' rejected: {exc.message}")
            continue
        if got != want or relocs != want_relocs:
            failures.append(f"ERROR {where}: `{text}' gives {got.hex(' ')} {relocs}, "
                            f"GNU as {want.hex(' ')} {want_relocs}")
    return failures


def _split(text: str) -> tuple[str, str]:
    mnemonic, _, operands = text.strip().partition(" ")
    return mnemonic, operands.strip()


@pytest.mark.parametrize("name", encoding_files())
def test_encoding(name: str) -> None:
    failures = _check_file(name, printer=False)
    assert not failures, "\n".join(failures[:40])


@pytest.mark.parametrize("name", encoding_files())
def test_printer_round_trip(name: str) -> None:
    failures = _check_file(name, printer=True)
    assert not failures, "\n".join(failures[:40])


def _error_cases() -> list[tuple[int, str, str]]:
    cases = []
    with open(os.path.join(HERE, ERROR_FILE)) as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("//"):
                continue
            text, _, message = line.partition("// error:")
            cases.append((number, text.strip(), message.strip()))
    return cases


def test_errors() -> None:
    runner = Runner()
    failures = []
    for number, text, message in _error_cases():
        try:
            got, _ = runner.assemble(text, f"{ERROR_FILE}:{number}")
        except ToolchainError as exc:
            if exc.message != message:
                failures.append(f"ERROR {ERROR_FILE}:{number}: `{text}' says {exc.message!r}, "
                                f"expected {message!r}")
            continue
        failures.append(f"ERROR {ERROR_FILE}:{number}: `{text}' accepted ({got.hex(' ')})")
    assert not failures, "\n".join(failures)

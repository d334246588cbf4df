"""x86 encoding tests: tests/as/x86/*.s, one instruction per line with GNU as's bytes.

Each line ``insn  # hex [RELOC@offset symbol+addend]...`` is parsed with
X86Isa.parse_instruction, encoded with X86Isa.encode, and compared with the
bytes GNU as wrote in its .o (scripts/gen-x86-encoding-tests made them):

* fixups against ``.`` (the current instruction) are resolved here with
  apply_fixup, as the streamer would, and a relaxable branch to ``.+n`` takes
  the short form when it reaches; every other fixup becomes a relocation,
  whose type (relocation_type with a global symbol), offset and addend must
  match; its field holds zero (x86-64, RELA) or the addend (i386, REL).
* ``.code16``/``.code16gcc``/``.code32``/``.code64`` lines switch the mode,
  ``.intel_syntax noprefix``/``.att_syntax`` the syntax; the round trip
  always prints AT&T.

x86_errors.s and x86_intel_errors.s hold lines that must fail, with the
expected message.
Every mismatch is reported as one line starting with ``ERROR`` and the line
number; a second test checks that format_instruction's text parses back to
the same bytes.
"""

from __future__ import annotations

import importlib
import os

import pytest

from toolchain.common import elf
from toolchain.common.diagnostics import SourceLocation, ToolchainError
from toolchain.common.target import find_target

expr_mod = importlib.import_module("toolchain.as.expr")
isa_mod = importlib.import_module("toolchain.as.isa")
x86_isa = importlib.import_module("toolchain.as.x86.isa")
x86_encoder = importlib.import_module("toolchain.as.x86.encoder")

HERE = os.path.join(os.path.dirname(__file__), "x86")
DOT = ".Ldot"
FILES = {"x86_64.s": ("x86_64-linux-gnu", 64), "i386.s": ("i386-linux-gnu", 32),
         "x86_64_intel.s": ("x86_64-linux-gnu", 64), "i386_intel.s": ("i386-linux-gnu", 32),
         "x86_16.s": ("i386-none-code16", 16), "x86_16_intel.s": ("i386-none-code16", 16)}
ERROR_FILES = ("x86_errors.s", "x86_intel_errors.s")


def _const_part(e) -> int:
    """The value of ``e`` with every symbol taken as 0 (the relocation addend part)."""
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
    def __init__(self, target_name: str, mode: int):
        self.target = find_target(target_name)
        self.isa = x86_isa.X86Isa(self.target)
        self.mode = mode
        self.code16gcc = False
        self.intel = False
        self.intel_prefix = False

    def syntax(self, intel: bool | None = None):
        intel = self.intel if intel is None else intel
        return isa_mod.SyntaxState(intel=intel, intel_prefix=intel and self.intel_prefix,
                                   code_bits=self.mode, code16gcc=self.code16gcc,
                                   current_location=lambda: DOT)

    def directive(self, line: str) -> bool:
        word = line.split()[0]
        modes = {".code16": (16, False), ".code16gcc": (16, True), ".code32": (32, False),
                 ".code64": (64, False)}
        if word in modes:
            self.mode, self.code16gcc = modes[word]
            return True
        if word in (".intel_syntax", ".att_syntax"):
            self.intel = word == ".intel_syntax"
            self.intel_prefix = self.intel and line.split()[1:] == ["prefix"]
            return True
        return False

    def parse(self, text: str, lineno: int, intel: bool | None = None):
        words = text.split(None, 1)
        prefixes = []
        while len(words) == 2 and (words[0] in x86_encoder.PREFIX_WORDS
                                   or words[0] in x86_encoder.REX_WORDS):
            prefixes.append(words[0])
            words = words[1].split(None, 1)
        mnemonic = words[0]
        operands = words[1] if len(words) == 2 else ""
        return self.isa.parse_instruction(mnemonic, operands, tuple(prefixes),
                                          self.syntax(intel), SourceLocation("test.s", lineno))

    def assemble(self, insn) -> str:
        """Bytes and relocations as the generator writes them."""
        ctx = isa_mod.EncodeContext(self.mode, self.code16gcc, long_branch=False)
        target = self.isa.relaxable_target(insn)
        enc = self.isa.encode(insn, ctx)
        text = self.resolve(enc)
        if text is None or (target is not None and DOT not in target.symbols()):
            ctx = isa_mod.EncodeContext(self.mode, self.code16gcc, long_branch=True)
            enc = self.isa.encode(insn, ctx)
            text = self.resolve(enc)
            assert text is not None, "long branch out of range"
        return text

    def resolve(self, enc) -> str | None:
        data = bytearray(enc.data)
        notes = []
        for fx in enc.fixups:
            symbols = fx.value.symbols()
            const = _const_part(fx.value)
            if symbols == [DOT]:
                value = const + fx.addend - (fx.offset if fx.pcrel else 0)
                if self.isa.apply_fixup(data, fx.offset, fx, value) is not None:
                    return None
                continue
            rtype = self.isa.relocation_type(fx, symbol_is_local=False)
            name = elf.RELOC_NAMES[self.target.machine][rtype]
            sym = symbols[0] if symbols else "*ABS*"
            note = f"{name}@{fx.offset} {sym}"
            addend = const + fx.addend
            if self.target.uses_rela:
                if addend:
                    note += f"{addend:+d}"
            else:
                mask = (1 << (8 * fx.size)) - 1
                data[fx.offset:fx.offset + fx.size] = (addend & mask).to_bytes(fx.size, "little")
            notes.append(f"[{note}]")
        return " ".join([data.hex(" ")] + notes)


def _lines(path: str):
    with open(path) as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            text, _, expected = line.partition(" # ")
            yield lineno, text.strip(), expected.strip()


def run_file(name: str, roundtrip: bool) -> tuple[int, list[str]]:
    target_name, mode = FILES[name]
    runner = Runner(target_name, mode)
    errors: list[str] = []
    count = 0
    for lineno, text, expected in _lines(os.path.join(HERE, name)):
        if text.startswith(".") and runner.directive(text):
            continue
        count += 1
        try:
            insn = runner.parse(text, lineno)
            got = runner.assemble(insn)
            if roundtrip:
                printed = runner.isa.format_instruction(insn, runner.syntax())
                again = runner.assemble(runner.parse(printed, lineno, intel=False))
                if again != got:
                    errors.append(f"ERROR {name}:{lineno}: {text!r} printed as {printed!r} "
                                  f"gives {again}, not {got}")
                continue
        except ToolchainError as e:
            errors.append(f"ERROR {name}:{lineno}: {text!r}: {e.message} (expected {expected})")
            continue
        except Exception as e:  # an internal error is a failure too, with its line
            errors.append(f"ERROR {name}:{lineno}: {text!r}: internal error {e!r}")
            continue
        if got != expected:
            errors.append(f"ERROR {name}:{lineno}: {text!r}: got {got}, expected {expected}")
    return count, errors


@pytest.mark.parametrize("name", sorted(FILES))
def test_encoding(name: str) -> None:
    count, errors = run_file(name, roundtrip=False)
    assert count > 50
    assert not errors, f"{len(errors)} of {count} lines wrong:\n" + "\n".join(errors)


@pytest.mark.parametrize("name", sorted(FILES))
def test_format_roundtrip(name: str) -> None:
    count, errors = run_file(name, roundtrip=True)
    assert not errors, f"{len(errors)} of {count} lines wrong:\n" + "\n".join(errors)


@pytest.mark.parametrize("name", ERROR_FILES)
def test_errors(name: str) -> None:
    path = os.path.join(HERE, name)
    runner = Runner("x86_64-linux-gnu", 64)
    errors = []
    count = 0
    for lineno, text, expected in _lines(path):
        if text.startswith(".") and runner.directive(text):
            continue
        count += 1
        want = expected.removeprefix("error:").strip()
        try:
            insn = runner.parse(text, lineno)
            runner.assemble(insn)
        except ToolchainError as e:
            if e.message != want:
                errors.append(f"ERROR {name}:{lineno}: {text!r}: got error {e.message!r}, "
                              f"expected {want!r}")
            if e.location is None or e.location.line != lineno:
                errors.append(f"ERROR {name}:{lineno}: {text!r}: error has no location")
            continue
        except Exception as e:
            errors.append(f"ERROR {name}:{lineno}: {text!r}: internal error {e!r}")
            continue
        errors.append(f"ERROR {name}:{lineno}: {text!r}: no error, expected {want!r}")
    assert count > 10
    assert not errors, "\n".join(errors)


def test_nop_fill() -> None:
    """X86Isa.nop_fill pads exactly as GNU as pads .p2align/.balign in code."""
    isas = {64: x86_isa.X86Isa(find_target("x86_64-linux-gnu")),
            32: x86_isa.X86Isa(find_target("i386-linux-gnu")),
            16: x86_isa.X86Isa(find_target("i386-none-code16"))}
    errors = []
    with open(os.path.join(HERE, "nops.txt")) as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#"):
                continue
            mode, size, expected = line.split(None, 2)
            got = isas[int(mode)].nop_fill(int(size), isa_mod.EncodeContext(int(mode))).hex(" ")
            if got != expected.strip():
                errors.append(f"ERROR nops.txt:{lineno}: {mode}-bit {size}: got {got}")
    assert not errors, "\n".join(errors)

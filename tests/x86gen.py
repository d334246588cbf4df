"""AT&T instruction text for rows of the x86 opcode table, for the encoding oracles.

``lines_for_form(form, bits)`` gives a few representative instructions for one
row of toolchain/as/x86/opcodes.py (registers of the row's classes, plain and
extended, register and memory forms, immediates of the row's width) -- the
table cross-check uses them.  ``render(form, bits, chooser, memory)`` is the
same generator driven by any ``Chooser``; the fuzzer passes one that draws
from hypothesis, so random operands follow the same rules.

Branch targets: rel8 rows jump to their own label (written ``{self}``, the
oracle puts the label there); rel16/rel32 rows call or jump to the
undefined symbol ``ext``, which forces the long form and a relocation.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol, Sequence, TypeVar

T = TypeVar("T")
opcodes = importlib.import_module("toolchain.as.x86.opcodes")

GP = {
    8: (("cl", "bl", "dl", "al", "ch", "bh", "dh", "ah"),
        ("sil", "r9b", "r12b", "dil", "bpl", "spl", "r8b", "r15b")),
    16: (("cx", "bx", "dx", "ax", "si", "di", "bp", "sp"),
         ("r10w", "si", "r13w", "r8w", "r15w")),
    32: (("ecx", "ebx", "edx", "eax", "esi", "edi", "ebp", "esp"),
         ("r11d", "esi", "r14d", "r8d", "r15d")),
    64: (("rcx", "rbx", "rdx", "rax", "rsi", "rdi", "rbp", "rsp"),
         ("r12", "rsi", "r15", "r8", "r9", "r13")),
}
OTHER = {
    "seg": ("ds", "es", "fs", "gs", "ss"),
    "cr": ("cr0", "cr3", "cr2", "cr4"),
    "dr": ("db1", "db7", "db0", "db6"),
    "st": ("st(2)", "st(1)", "st(7)", "st(3)"),
    "mm": ("mm1", "mm2", "mm7", "mm0"),
    "xmm": (("xmm1", "xmm2", "xmm7", "xmm3"), ("xmm9", "xmm12", "xmm15", "xmm8")),
}
SUFFIX = {8: "b", 16: "w", 32: "l", 64: "q"}
BASE16 = ("bx,si", "bx,di", "bp,si", "bp,di", "si", "di", "bp", "bx")


class Chooser(Protocol):
    """Where the generator's decisions come from (fixed variants, or hypothesis)."""

    def choice(self, options: Sequence[T]) -> T: ...
    def integer(self, low: int, high: int) -> int: ...
    def flag(self) -> bool: ...


@dataclass
class Variant:
    """Deterministic choices: variant 0 is the plain case, 1 the extended one.

    Successive choices in one instruction rotate through the options, so two
    register operands of the same class get different registers.
    """

    number: int
    calls: int = 0
    explore = False          # the fuzzer's chooser says True: any address form, any value

    def choice(self, options: Sequence[T]) -> T:
        self.calls += 1
        return options[(self.number + self.calls - 1) % len(options)]

    def integer(self, low: int, high: int) -> int:
        picks = (0x12, high * 3 // 5 | 1)
        value = picks[self.number % 2]
        return value if low <= value <= high else low + (high - low) // 3

    def flag(self) -> bool:
        return self.number % 2 == 1


def valid_in_mode(form, bits: int) -> bool:
    """Whether a row can be encoded in 16-, 32- or 64-bit code."""
    if bits == 64:
        return not ("i64" in form.flags or ("d64" in form.flags and form.opsize == 32))
    if "o64" in form.flags or form.rex_w:
        return False
    return not any((o.cls == "gp" and o.size == 64) or o.fixed == "cr8"
                   or (o.size == 64 and o.kind in ("imm", "moffs")) for o in form.operands)


def _register(kind, bits: int, chooser: Chooser, extended: bool) -> str:
    if kind.cls == "gp":
        size = kind.size or (64 if bits == 64 else 32)
        plain, wide = GP[size]
        if bits == 64 and extended:
            return chooser.choice(wide)
        return chooser.choice(plain)
    if kind.cls == "xmm":
        plain, wide = OTHER["xmm"]
        return chooser.choice(wide if bits == 64 and extended else plain)
    return chooser.choice(OTHER[kind.cls])


def hexnum(value: int) -> str:
    return f"-{-value:#x}" if value < 0 else f"{value:#x}"


def random_memory(bits: int, chooser: Chooser) -> str:
    """Any memory operand the mode can address: 16/32/64-bit and rip-relative
    addressing, absolute addresses, segment overrides, signed displacements."""
    size = chooser.choice({16: (16, 16, 32), 32: (32, 32, 16), 64: (64, 64, 32, "rip")}[bits])
    seg = chooser.choice(("",) * 6 + ("%es:", "%cs:", "%ss:", "%ds:", "%fs:", "%gs:"))
    if size == "rip":
        return f"{seg}{hexnum(chooser.integer(-2**31, 2**31 - 1))}(%rip)"
    if size == 16:
        pair = chooser.choice(BASE16 + ("absolute",))
        if pair == "absolute":
            return seg + hexnum(chooser.integer(0, 0xffff))
        disp = chooser.choice(("", "8", "16"))
        number = {"": "", "8": hexnum(chooser.integer(-128, 127)),
                  "16": hexnum(chooser.integer(-0x8000, 0xffff))}[disp]
        return f"{seg}{number}(" + ",".join("%" + r for r in pair.split(",")) + ")"
    regs = GP[size][0] + (GP[size][1] if bits == 64 else ())
    base = chooser.choice(regs + ("",))
    index = chooser.choice(tuple(r for r in regs if r not in ("esp", "rsp")) + ("",) * 4)
    disp = chooser.choice(("", "8", "32"))
    number = {"": "", "8": hexnum(chooser.integer(-128, 127)),
              "32": hexnum(chooser.integer(-2**31, 2**31 - 1))}[disp]
    if not base and not index:
        return seg + hexnum(chooser.integer(0, 2**31 - 1))
    if index:
        scale = chooser.choice((1, 2, 4, 8))
        return f"{seg}{number or '0'}(%{base},%{index},{scale})".replace("(%,", "(,")
    return f"{seg}{number}(%{base})"


def memory(bits: int, chooser: Chooser) -> str:
    """A memory operand valid in the mode: base, index, scale, displacement (AT&T)."""
    if getattr(chooser, "explore", False):
        return random_memory(bits, chooser)
    disp_kind = chooser.choice(("8", "32", "", "8", "32"))
    if bits == 16 and not chooser.flag():
        base = chooser.choice(BASE16)
        disp = {"8": "0x12", "32": "0x1234", "": ""}[disp_kind]
        if disp_kind == "" and base == "bp":
            disp = "0"
        regs = ",".join("%" + r for r in base.split(","))
        return f"{disp}({regs})"
    wide = 64 if bits == 64 else 32
    plain, extra = GP[wide]
    bases = plain + extra if bits == 64 else plain
    base = chooser.choice(bases)
    disp = {"8": f"{chooser.integer(1, 0x7f):#x}", "32": f"{chooser.integer(0x80, 0x7fffffff):#x}",
            "": ""}[disp_kind]
    if chooser.flag():
        index = chooser.choice([r for r in bases if r not in ("esp", "rsp")])
        scale = chooser.choice((4, 1, 8, 2))
        return f"{disp}(%{base},%{index},{scale})"
    return f"{disp}(%{base})"


def _immediate(kind, form, chooser: Chooser) -> str:
    size = kind.size or 8
    if getattr(chooser, "explore", False) and "sx" not in form.flags:
        return "$" + hexnum(chooser.integer(-(1 << (size - 1)), (1 << size) - 1))
    if "sx" in form.flags:
        value = chooser.integer(-128, 127)             # hex: keystone misreads decimals
        return f"${'-' if value < 0 else ''}{abs(value):#x}"
    if size == 8:
        return f"${chooser.integer(0, 0xff):#x}"
    if size == 16:
        return f"${chooser.integer(0x100, 0xffff):#x}"
    if size == 32:
        return f"${chooser.integer(0x100, 0x7fffffff):#x}"
    return f"${chooser.integer(1 << 32, (1 << 63) - 1):#x}"


STRING_SOURCE = {"LODS": 0, "OUTS": 1, "MOVS": 1, "CMPS": 0}   # operand index of ds:(e/r)si


def string_operand(form, index: int, bits: int) -> str:
    """String instructions take their memory operands at fixed places: ds:si and es:di."""
    si, di = {16: ("si", "di"), 32: ("esi", "edi"), 64: ("rsi", "rdi")}[bits]
    return f"(%{si})" if STRING_SOURCE.get(form.mnemonic) == index else f"%es:(%{di})"


def operand_text(kind, form, bits: int, chooser: Chooser, use_memory: bool,
                 extended: bool, index: int = 0) -> str | None:
    """AT&T text of one operand of a row, or None when the operand is implicit."""
    k = kind.kind
    if k == "mem" and form.mnemonic in ("MOVS", "CMPS", "SCAS", "LODS", "STOS", "INS", "OUTS"):
        return string_operand(form, index, bits)
    if k == "mem" and form.mnemonic == "XLAT":
        return {16: "(%bx)", 32: "(%ebx)", 64: "(%rbx)"}[bits]
    if k == "const":
        return "$1" if kind.size == 1 else None
    if k == "fixed":
        if kind.fixed == "dx" and form.mnemonic in ("IN", "OUT", "INS", "OUTS"):
            return "(%dx)"
        return "%" + kind.fixed
    if k == "reg":
        return "%" + _register(kind, bits, chooser, extended)
    if k == "rm":
        if use_memory and "nomem" not in form.flags:
            text = memory(bits, chooser)
        else:
            text = "%" + _register(kind, bits, chooser, extended)
        return "*" + text if form.branch else text
    if k == "mem":
        text = memory(bits, chooser)
        return "*" + text if form.branch else text
    if k == "imm":
        return _immediate(kind, form, chooser)
    if k == "rel":
        return "{self}" if kind.size == 8 else "ext"
    if k == "moffs":
        return f"{chooser.integer(0x100, 0x7fffffff):#x}"
    if k == "ptr":
        return f"${chooser.integer(1, 0xffff):#x}, ${chooser.integer(1, 0xffff):#x}"
    raise ValueError(f"no generator for operand type {kind.text}")


def render(form, bits: int, chooser: Chooser, use_memory: bool = False,
           extended: bool = False, mnemonic: str | None = None) -> str:
    """One AT&T instruction for a row: mnemonic and operands in AT&T order."""
    texts = [operand_text(k, form, bits, chooser, use_memory, extended, i)
             for i, k in enumerate(form.operands)]
    texts = [t for t in texts if t is not None]
    if not all(k.kind == "imm" for k in form.operands):
        texts.reverse()                          # Intel order in the table, AT&T reversed
    mnemonic = mnemonic or form.att_names[0]
    if any(k.kind == "const" and k.size == 3 for k in form.operands):
        mnemonic += "3"                          # INT 3 is int3 in AT&T (int $3 is CD 03)
    return f"{mnemonic} {', '.join(texts)}".rstrip()


def has_memory_form(form) -> bool:
    return any(k.kind == "rm" for k in form.operands) and "nomem" not in form.flags


def identifies_row(form, name: str, use_memory: bool) -> tuple[bool, bool]:
    """(names this row alone, size is ambiguous) for a spelling of a row.

    A bare ``iret`` or ``lods (%esi)`` stands for the row of the mode's
    default size, so only suffixed spellings of sized rows without a sizing
    register operand name their row; with memory and no suffix GNU as only
    guesses the size (with a warning), and keystone refuses."""
    sizing = [k for k in form.operands if k.cls == "gp" and k.kind in ("reg", "fixed", "rm")
              and k.fixed not in ("dx", "cl")]
    names = form.att_names
    suffixed = not form.opsize or name.endswith(SUFFIX[form.opsize]) or name == names[0]
    register = any(k.kind != "rm" or not use_memory for k in sizing)
    return suffixed or register, use_memory and not register and not suffixed


def lines_for_form(form, bits: int) -> list[tuple[str, bool]]:
    """Representative instructions for one row in one mode, without repeats: each
    AT&T spelling of the row, with plain and extended registers, register and
    memory forms, each with whether it names this row alone (identifies_row)."""
    out: list[tuple[str, bool]] = []
    for name in form.att_names:
        for number in (0, 1):
            for use_memory in ((False, True) if has_memory_form(form) else (False,)):
                identifying, ambiguous = identifies_row(form, name, use_memory)
                if ambiguous:
                    continue
                text = render(form, bits, Variant(number), use_memory, number == 1, name)
                if text not in (line for line, _ in out):
                    out.append((text, identifying))
    return out


def testable(form, bits: int) -> bool:
    """Rows that exist in the mode and have an AT&T spelling (``att=-`` rows are Intel-only)."""
    return bool(form.att_names) and valid_in_mode(form, bits)


def forms_for_mode(bits: int) -> list:
    """The rows (parsed forms) with AT&T spellings that exist in a mode, in table order."""
    return [f for f in opcodes.FORMS if testable(f, bits)]


def form_id(form) -> str:
    """A readable test id for a row: ``ADD r/m32, imm8 (83 /0 ib)``."""
    return f"{form.mnemonic} {form.operand_text} ({form.opcode})".replace("  ", " ")

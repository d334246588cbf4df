"""Encode x86 instructions with pas, GNU as, keystone and capstone, and compare.

The x86 table cross-check and the fuzzer both hand lists of AT&T lines to
these functions.  GNU as assembles a whole batch in one run (each line behind
a label ``I<n>:`` so its bytes can be cut out of .text; lines it rejects are
blanked and the batch re-run), pas encodes each line through the ISA object
(``X86Isa.parse_instruction`` / ``encode``), keystone each line by itself.
``compare`` says in one line how pas and GNU as disagree; ``capstone_check``
whether capstone decodes pas's bytes as one instruction of that mnemonic.
"""

from __future__ import annotations

import importlib
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from elftools.elf.elffile import ELFFile
from elftools.elf.enums import ENUM_RELOC_TYPE_i386, ENUM_RELOC_TYPE_x64

RELOC_NAMES = {64: {v: k for k, v in ENUM_RELOC_TYPE_x64.items() if k.startswith("R_")},
               32: {v: k for k, v in ENUM_RELOC_TYPE_i386.items() if k.startswith("R_")}}
TARGETS = {16: "i386-linux-gnu", 32: "i386-linux-gnu", 64: "x86_64-linux-gnu"}
GAS_ERROR = re.compile(r"^[^:]*:(\d+): Error: (.*)$")


@dataclass
class Encoded:
    """One instruction's bytes, its relocations ``(offset, size, type name)``, or an error."""

    data: bytes = b""
    relocs: list[tuple[int, int, str]] = field(default_factory=list)
    error: str | None = None
    resolved: list[tuple[int, int]] = field(default_factory=list)  # pas fields gas resolves


def line_for(line: str, index: int) -> str:
    return line.replace("{self}", f"I{index}")


def batch_source(lines: list[str], bits: int) -> str:
    body = "".join(f"I{i}: {line_for(line, i)}\n" for i, line in enumerate(lines))
    return f".code{bits}\n{body}"


def _field_size(reloc_name: str) -> int:
    match = re.search(r"(\d+)S?X?$", reloc_name.replace("GOTPCRELX", "GOTPCREL32"))
    return int(match.group(1)) // 8 if match else 4


# ---- GNU as ---------------------------------------------------------------------

def gas_available() -> bool:
    return shutil.which("as") is not None


def gas_batch(lines: list[str], bits: int) -> list[Encoded]:
    """GNU as's encoding of every line (errors for the lines it rejects)."""
    current = list(lines)
    errors: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="pcc-x86-") as tmp:
        src, obj = Path(tmp, "t.s"), Path(tmp, "t.o")
        for _ in range(4):
            src.write_text(batch_source(current, bits))
            result = subprocess.run(["as", "--64" if bits == 64 else "--32", "-o", str(obj),
                                     str(src)], capture_output=True, text=True)
            if result.returncode == 0:
                break
            new = 0
            for message in result.stderr.splitlines():
                match = GAS_ERROR.match(message)
                if match and 0 <= int(match.group(1)) - 2 < len(current):
                    index = int(match.group(1)) - 2
                    if current[index]:
                        errors[index], current[index] = match.group(2), ""
                        new += 1
            if not new:
                first = (result.stderr.splitlines() or ["?"])[-1]
                return [Encoded(error=f"GNU as failed on the batch: {first}") for _ in lines]
        else:
            return [Encoded(error="GNU as kept failing on the batch") for _ in lines]
        out = _split_object(obj.read_bytes(), len(lines), bits)
    for index, message in errors.items():
        out[index] = Encoded(error=message)
    return out


def _split_object(data: bytes, count: int, bits: int) -> list[Encoded]:
    elf = ELFFile(io.BytesIO(data))
    text = elf.get_section_by_name(".text").data()
    starts = {}
    for sym in elf.get_section_by_name(".symtab").iter_symbols():
        if re.fullmatch(r"I\d+", sym.name):
            starts[int(sym.name[1:])] = sym["st_value"]
    ends = {}
    ordered = sorted(starts.items(), key=lambda kv: (kv[1], kv[0]))
    for (index, start), nxt in zip(ordered, ordered[1:] + [(None, len(text))]):
        ends[index] = nxt[1]
    out = [Encoded(data=text[starts[i]:ends[i]]) for i in range(count)]
    for name in (".rela.text", ".rel.text"):
        section = elf.get_section_by_name(name)
        if section is None:
            continue
        for rel in section.iter_relocations():
            offset = rel["r_offset"]
            index = max((i for i in range(count) if starts[i] <= offset < ends[i]),
                        key=lambda i: starts[i])
            type_name = RELOC_NAMES[64 if bits == 64 else 32].get(rel["r_info_type"], "?")
            out[index].relocs.append((offset - starts[index], _field_size(type_name), type_name))
    return out


# ---- pas -------------------------------------------------------------------------

class PasEncoder:
    """pas's x86 ISA object for one mode, encoding single lines."""

    def __init__(self, bits: int):
        from toolchain.common.target import find_target
        isa_module = importlib.import_module("toolchain.as.isa")
        self.x86 = importlib.import_module("toolchain.as.x86.isa")
        self.errors = importlib.import_module("toolchain.common.diagnostics")
        self.bits = bits
        self.isa = self.x86.X86Isa(find_target(TARGETS[bits]))
        self.syntax = isa_module.SyntaxState(code_bits=bits)
        self.EncodeContext = isa_module.EncodeContext

    def encode(self, line: str, index: int = 0) -> Encoded:
        text = line_for(line, index)
        mnemonic, _, operands = text.partition(" ")
        location = self.errors.SourceLocation("oracle.s", index + 2)
        try:
            insn = self.isa.parse_instruction(mnemonic, operands.strip(), (), self.syntax, location)
            context = self.EncodeContext(self.bits, long_branch="ext" in operands.split(","))
            encoding = self.isa.encode(insn, context)
        except self.errors.ToolchainError as exc:
            return Encoded(error=exc.message)
        except Exception as exc:  # noqa: BLE001 - a crash is a finding
            return Encoded(error=f"internal error: {type(exc).__name__}: {exc}")
        out = Encoded(data=encoding.data)
        for fixup in encoding.fixups:
            if "ext" in str(fixup.value):
                number = self.isa.relocation_type(fixup, symbol_is_local=False)
                name = RELOC_NAMES[64 if self.bits == 64 else 32].get(number, str(number))
                out.relocs.append((fixup.offset, fixup.size, name))
            else:
                out.resolved.append((fixup.offset, fixup.size))
        return out


def pas_unavailable() -> str | None:
    """Why the x86 ISA object cannot be used yet, or None."""
    try:
        PasEncoder(64).encode("nop")
    except ImportError as exc:
        return f"x86 ISA not available yet: {exc}"
    return None


# ---- comparison ------------------------------------------------------------------

def masked(data: bytes, fields: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for offset, size in fields:
        out[offset:offset + size] = b"\0" * size
    return bytes(out)


def compare(gas: Encoded, pas: Encoded) -> str | None:
    """None when pas agrees with GNU as, else what differs (one line)."""
    if gas.error and pas.error:
        return None
    if gas.error:
        return f"GNU as rejects it ({gas.error}) but pas encodes {pas.data.hex()}"
    if pas.error:
        return f"pas rejects it ({pas.error}); as={gas.data.hex()}"
    fields = [(o, s) for o, s, _ in gas.relocs] + [(o, s) for o, s, _ in pas.relocs] + pas.resolved
    if len(gas.data) != len(pas.data) or masked(gas.data, fields) != masked(pas.data, fields):
        return f"as={gas.data.hex()} pas={pas.data.hex()}"
    if sorted(gas.relocs) != sorted(pas.relocs):
        return f"relocations: as={sorted(gas.relocs)} pas={sorted(pas.relocs)} ({gas.data.hex()})"
    return None


# ---- capstone and keystone --------------------------------------------------------

# Where capstone's Intel mnemonic for an encoding is not the SDM row's name.
CAPSTONE_ALIASES = {"sal": {"shl"}, "fwait": {"wait"}, "mov": {"movabs"},
                    "pusha": {"pushal"}, "popa": {"popal"}, "pushad": {"pushal"},
                    "popad": {"popal"}, "xlat": {"xlatb"}, "fcomip": {"fcompi"},
                    "fucomip": {"fucompi"}, "int": {"int3"}}
SIZE_LETTER = {8: "b", 16: "w", 32: "d", 64: "q"}
# Capstone 5 mistakes, by mode and encoding (checked against the Intel SDM).
CAPSTONE_KNOWN_BUGS = {
    (16, "98"): "capstone decodes 98 in 16-bit mode as cwde; it is cbw (SDM: operand size 16)",
    (16, "99"): "capstone decodes 99 in 16-bit mode as cdq; it is cwd (SDM: operand size 16)",
    # GNU as writes 90 / 66 90 for xchg of the accumulator with itself too (90 for
    # the mode's size, 66 90 for the other); the SDM lists the same bytes as NOP
    # and the 2-byte NOP, the name capstone prints.
    (16, "90"): "capstone reads 90 (xchg %ax,%ax) as nop, the SDM's one-byte NOP",
    (32, "90"): "capstone reads 90 (xchg %eax,%eax) as nop, the SDM's one-byte NOP",
    (64, "90"): "capstone reads 90 (xchg %rax,%rax) as nop, the SDM's one-byte NOP",
    # GNU as writes callw foo in 64-bit code as 66 e8 rel16 (AMD64: 66 makes a near
    # call 16-bit); capstone follows Intel, which ignores the 66, and wants a rel32.
    (64, "66e80000"): "capstone decodes 66 e8 in 64-bit mode with a rel32; GNU as writes rel16",
    (16, "6690"): "capstone reads 66 90 (xchg %eax,%eax) as nop, the SDM's 2-byte NOP",
    (32, "6690"): "capstone reads 66 90 (xchg %ax,%ax) as nop, the SDM's 2-byte NOP",
    (64, "6690"): "capstone reads 66 90 (xchg %ax,%ax) as nop, the SDM's 2-byte NOP",
}


def capstone_check(data: bytes, bits: int, form) -> str | None:
    """None if capstone decodes ``data`` as one whole instruction named like the row."""
    if (bits, data.hex()) in CAPSTONE_KNOWN_BUGS:
        return None
    if bits == 16 and 0x66 in form.prefixes:
        return None     # capstone 5 takes a mandatory 66 in 16-bit code for operand size
    if form.prefixes[:1] == b"\x9b" and data[:1] == b"\x9b":
        data = data[1:]                     # fstcw = fwait + fnstcw: capstone splits them
    import capstone
    mode = {16: capstone.CS_MODE_16, 32: capstone.CS_MODE_32, 64: capstone.CS_MODE_64}[bits]
    md = capstone.Cs(capstone.CS_ARCH_X86, mode)
    decoded = list(md.disasm(data, 0))
    if not decoded:
        return f"capstone cannot decode {data.hex()}"
    first = decoded[0]
    if first.size != len(data):
        return f"capstone decodes {data[:first.size].hex()} as {first.mnemonic} {first.op_str}, " \
               f"leaving {data[first.size:].hex()}"
    ours = form.mnemonic.lower()
    names = {ours, "l" + ours, "fn" + ours[1:], *form.intel_names} | CAPSTONE_ALIASES.get(ours, set())
    if form.opsize in SIZE_LETTER:                 # movsb/movsw, iretd, pushfd ...
        names.add(ours + SIZE_LETTER[form.opsize])
    theirs = first.mnemonic.split()[-1]
    if ours[:3] == "cmp" and ours[-2:] in ("ss", "sd", "ps", "pd") and re.fullmatch(
            rf"cmp[a-z]+{ours[-2:]}", theirs):
        return None                    # cmpss $3 is read as its alias cmpunordss
    if theirs not in names:
        return f"capstone reads {data.hex()} as {first.mnemonic} {first.op_str}"
    return None


def keystone_bytes(line: str, bits: int) -> bytes | str:
    """keystone's encoding of a line (``{self}`` as ``.``), or its error text."""
    import keystone
    mode = {16: keystone.KS_MODE_16, 32: keystone.KS_MODE_32, 64: keystone.KS_MODE_64}[bits]
    ks = keystone.Ks(keystone.KS_ARCH_X86, mode)
    ks.syntax = keystone.KS_OPT_SYNTAX_ATT
    try:
        encoding, _count = ks.asm(line.replace("{self}", "."), 0)
    except keystone.KsError as exc:
        return f"keystone error: {exc}"
    return bytes(encoding or b"")

"""The object streamer driven through its API, with a tiny fake ISA.

The fake knows four instructions -- ``nop`` (90), ``ret`` (C3), ``jmp sym``
(EB rel8, relaxing to E9 rel32) and ``call sym`` (E8 rel32, R_X86_64_PLT32)
-- so these tests check layout, symbols and relocations without the x86
package.  Objects are read back with pyelftools.
"""

from __future__ import annotations

import importlib
import io

import pytest
from elftools.elf.elffile import ELFFile
from elftools.elf.relocation import RelocationSection

from toolchain.common import elf
from toolchain.common.diagnostics import Diagnostics, SourceLocation
from toolchain.common.target import find_target

expr = importlib.import_module("toolchain.as.expr")
isa_mod = importlib.import_module("toolchain.as.isa")
instruction = importlib.import_module("toolchain.as.instruction")
streamer_mod = importlib.import_module("toolchain.as.streamer")

Constant, SymbolRef, Binary = expr.Constant, expr.SymbolRef, expr.Binary
Fixup, Encoding = isa_mod.Fixup, isa_mod.Encoding
Instruction = instruction.Instruction
LOC = SourceLocation("t.s", 7)


class FakeIsa:
    name = "fake"
    special_sections = ()

    def __init__(self, elf64: bool = True):
        self.elf64 = elf64

    def encode(self, insn, context):
        if insn.mnemonic == "nop":
            return Encoding(b"\x90")
        if insn.mnemonic == "ret":
            return Encoding(b"\xc3")
        target = insn.operands[0]
        if insn.mnemonic == "call":
            return Encoding(b"\xe8" + bytes(4),
                            (Fixup(1, 4, target, "R_X86_64_PLT32", True, -4),))
        if context.long_branch:
            return Encoding(b"\xe9" + bytes(4), (Fixup(1, 4, target, "R_X86_64_PLT32", True, -4),))
        return Encoding(b"\xeb\x00", (Fixup(1, 1, target, "R_X86_64_PC8", True, -1),))

    def symbols_looked_up(self, insn):
        return insn.operands[::-1]

    def specifier_symbol(self, specifier):
        return None

    def relaxable_target(self, insn):
        return insn.operands[0] if insn.mnemonic == "jmp" else None

    def short_branch_range(self, insn, context):
        return (-128, 127)

    def nop_fill(self, size, context):
        return b"\x90" * size

    def apply_fixup(self, data, offset, fixup, value):
        bits = 8 * fixup.size
        data[offset:offset + fixup.size] = (value & ((1 << bits) - 1)).to_bytes(fixup.size,
                                                                               "little")
        return None

    def relocation_type(self, fixup, symbol_is_local):
        return elf.RELOC_NUMBERS[elf.EM_X86_64][fixup.kind]

    def data_relocation(self, size, pcrel, specifier):
        if specifier or (size == 8 and not self.elf64):
            return None
        return f"{'R_X86_64' if self.elf64 else 'R_386'}_{'PC' if pcrel else ''}{8 * size}"

    def local_relocation(self, kind, data):
        return kind

    def fixup_adjustable(self, kind, data, pcrel, merge):
        return not (merge and pcrel)

    def fixup_forces_relocation(self, kind):
        return False

    def relocation_is_tls(self, kind):
        return False

    def rel_addend_in_field(self, kind):
        return True

    def relocation_is_symbol_size(self, kind):
        return False


def make(target: str = "x86_64"):
    stream = io.StringIO()
    diagnostics = Diagnostics("pas", stream=stream)
    target = find_target(target)
    s = streamer_mod.ObjectStreamer(target, FakeIsa(target.elf_class == 64), diagnostics)
    return s, diagnostics, stream


def insn(mnemonic, *operands):
    return Instruction(mnemonic, tuple(operands), LOC)


def read(data: bytes):
    e = ELFFile(io.BytesIO(data))
    sections = {s.name: s for s in e.iter_sections()}
    symtab = e.get_section_by_name(".symtab")      # none when there are no symbols
    symbols = [(s.name, s["st_value"], s["st_info"]["bind"], s["st_info"]["type"],
                s["st_shndx"]) for s in symtab.iter_symbols()][1:] if symtab else []
    relocs = {}
    for s in e.iter_sections():
        if isinstance(s, RelocationSection):
            relocs[s.name] = [(r["r_offset"], r["r_info_type"],
                               symtab.get_symbol(r["r_info_sym"]).name,
                               r["r_addend"] if r.is_RELA() else None)
                              for r in s.iter_relocations()]
    return e, sections, symbols, relocs


def test_always_text_data_bss():
    s, d, _ = make()
    _, sections, symbols, _ = read(s.finish())
    assert list(sections)[:4] == ["", ".text", ".data", ".bss"]
    assert symbols == []
    assert not d.failed


def test_short_branch_grows_when_out_of_range():
    s, d, _ = make()
    s.emit_label("top")
    s.emit_instruction(insn("jmp", SymbolRef("near")))
    s.emit_instruction(insn("jmp", SymbolRef("far")))
    s.emit_label("near")
    s.emit_fill(Constant(130), 1, 0x90)
    s.emit_label("far")
    s.emit_instruction(insn("ret"))
    _, sections, _, relocs = read(s.finish())
    text = sections[".text"].data()
    assert text[:2] == b"\xeb\x05"                  # over the 5-byte long jmp
    assert text[2:7] == b"\xe9" + (130).to_bytes(4, "little")
    assert relocs == {}


def test_branch_to_undefined_is_long_with_reloc_after_other_fixups():
    s, d, _ = make()
    s.emit_instruction(insn("jmp", SymbolRef("ext")))
    s.emit_instruction(insn("call", SymbolRef("ext2")))
    _, sections, symbols, relocs = read(s.finish())
    assert sections[".text"].data() == b"\xe9" + bytes(4) + b"\xe8" + bytes(4)
    assert relocs[".rela.text"] == [(6, elf.R_X86_64_PLT32, "ext2", -4),
                                    (1, elf.R_X86_64_PLT32, "ext", -4)]
    assert [sym[0] for sym in symbols] == ["ext", "ext2"]


def test_local_reference_uses_section_symbol():
    s, d, _ = make()
    s.switch_section(".data")
    s.emit_value(Constant(0), 4)
    s.emit_label(".Lx")
    s.emit_label("y")
    s.emit_value(Binary("+", SymbolRef(".Lx"), Constant(2)), 8)
    s.emit_value(SymbolRef("y"), 8)
    _, _, symbols, relocs = read(s.finish())
    assert relocs[".rela.data"] == [(4, elf.R_X86_64_64, "", 6), (12, elf.R_X86_64_64, "", 4)]
    assert [sym[0] for sym in symbols] == ["", "y"]
    assert symbols[0][3] == "STT_SECTION"


def test_i386_rel_addend_in_place():
    s, d, _ = make("i386")
    s.switch_section(".data")
    s.emit_value(Constant(0), 4)
    s.emit_label(".Lx")
    s.emit_value(Binary("+", SymbolRef(".Lx"), Constant(8)), 4)
    s.emit_value(Binary("-", SymbolRef("ext"), SymbolRef(".Lx")), 4)
    _, sections, _, relocs = read(s.finish())
    assert sections[".data"].data() == bytes(4) + (12).to_bytes(4, "little") + \
        (4).to_bytes(4, "little")
    assert relocs[".rel.data"] == [(4, elf.R_386_32, "", None), (8, elf.R_386_PC32, "ext", None)]


def test_differences_resolve_within_a_section():
    s, d, _ = make()
    s.emit_label("a")
    s.emit_bytes(b"\x90" * 3)
    s.emit_label("b")
    assert s.evaluate_absolute(Binary("-", SymbolRef("b"), SymbolRef("a"))) == 3
    s.emit_instruction(insn("jmp", SymbolRef("a")))
    s.emit_label("c")
    assert s.evaluate_absolute(Binary("-", SymbolRef("c"), SymbolRef("a"))) is None
    s.switch_section(".data")
    s.emit_value(Binary("-", SymbolRef("c"), SymbolRef("a")), 1)
    _, sections, _, relocs = read(s.finish())
    assert sections[".data"].data() == b"\x05"
    assert relocs == {}


def test_numeric_labels():
    s, d, _ = make()
    s.define_numeric_label(1)
    s.emit_instruction(insn("nop"))
    back = s.numeric_label_ref(1, "b")
    forward = s.numeric_label_ref(1, "f")
    s.emit_instruction(insn("jmp", SymbolRef(back)))
    s.emit_instruction(insn("jmp", SymbolRef(forward)))
    s.define_numeric_label(1)
    _, sections, symbols, _ = read(s.finish())
    assert sections[".text"].data() == b"\x90\xeb\xfd\xeb\x00"
    assert symbols == []


def test_undefined_numeric_label_is_an_error():
    s, d, stream = make()
    s.emit_instruction(insn("jmp", SymbolRef(s.numeric_label_ref(3, "f"))))
    s.finish()
    assert d.failed
    assert "local label `\"3\" (instance number 1 of a fb label)' is not defined" in \
        stream.getvalue()


def test_redefinition_errors():
    s, d, stream = make()
    s.emit_label("x", LOC)
    s.emit_label("x", LOC)
    s.set_symbol("x", Constant(1), LOC)
    s.set_symbol("v", Constant(1), LOC)
    s.set_symbol("v", Constant(2), LOC)      # .set may redefine
    s.set_symbol("v", Constant(3), LOC, equiv=True)
    assert stream.getvalue().count("error: symbol `x' is already defined") == 2
    assert "symbol `v' is already defined" in stream.getvalue()


def test_set_keeps_earlier_values():
    s, d, _ = make()
    s.switch_section(".data")
    s.set_symbol("n", Constant(1))
    s.emit_value(SymbolRef("n"), 1)
    s.set_symbol("n", Binary("+", SymbolRef("n"), Constant(1)))
    s.emit_value(SymbolRef("n"), 1)
    _, sections, symbols, _ = read(s.finish())
    assert sections[".data"].data() == b"\x01\x02"
    assert symbols == [("n", 2, "STB_LOCAL", "STT_NOTYPE", "SHN_ABS")]


def test_org_backwards_is_an_error():
    s, d, stream = make()
    s.emit_bytes(bytes(8))
    s.emit_org(Constant(4), 0, LOC)
    s.finish()
    assert "t.s:7: error: attempt to move .org backwards" in stream.getvalue()


def test_value_truncation_warns_and_overflow_errors():
    s, d, stream = make()
    s.switch_section(".data")
    s.emit_value(Constant(300), 1, LOC)
    s.emit_value(Binary("-", SymbolRef("a"), SymbolRef("b")), 1, LOC)
    s.emit_label("a")
    s.emit_fill(Constant(300), 1, 0)
    s.emit_label("b")
    s.finish()
    out = stream.getvalue()
    assert "t.s:7: warning: value 0x12c truncated to 0x2c" in out
    assert "error: value of fffffffffffffed4 too large for field of 1 byte at " \
           "0000000000000001" in out


def test_common_and_lcomm():
    s, d, _ = make()
    s.emit_common("c", 8, 16, False)
    s.emit_common("l", 4, 4, True)
    _, sections, symbols, _ = read(s.finish())
    assert ("c", 16, "STB_GLOBAL", "STT_OBJECT", "SHN_COMMON") in symbols
    assert ("l", 0, "STB_LOCAL", "STT_OBJECT", 3) in symbols
    assert sections[".bss"]["sh_size"] == 4


def test_comment_section_from_ident():
    s, d, _ = make()
    s.add_ident("one")
    s.add_ident("two")
    _, sections, _, _ = read(s.finish())
    comment = sections[".comment"]
    assert comment.data() == b"\0one\0two\0"
    assert comment["sh_flags"] == elf.SHF_MERGE | elf.SHF_STRINGS
    assert comment["sh_entsize"] == 1


def test_comdat_group_comes_first():
    s, d, _ = make()
    s.switch_section(".text.f", "axG", "progbits", group="f", linkage="comdat")
    s.emit_label("f")
    s.set_binding("f", "weak")
    s.emit_instruction(insn("ret"))
    e, sections, symbols, _ = read(s.finish())
    assert e.get_section(1).name == ".group"
    group = e.get_section(1)
    assert group.data()[:4] == elf.GRP_COMDAT.to_bytes(4, "little")
    assert sections[".text.f"]["sh_flags"] & elf.SHF_GROUP


def test_alignment_raises_section_alignment_and_pads():
    s, d, _ = make()
    s.emit_instruction(insn("ret"))
    s.emit_align(16)
    s.emit_instruction(insn("ret"))
    s.switch_section(".data")
    s.emit_bytes(b"\x01")
    s.emit_align(4, 0xff)
    s.emit_bytes(b"\x02")
    _, sections, _, _ = read(s.finish())
    assert sections[".text"].data() == b"\xc3" + b"\x90" * 15 + b"\xc3"
    assert sections[".text"]["sh_addralign"] == 16
    assert sections[".data"].data() == b"\x01\xff\xff\xff\x02"


def test_file_symbol_first():
    s, d, _ = make()
    s.emit_label("a")
    s.set_file("x.c")
    _, _, symbols, _ = read(s.finish())
    assert [sym[0] for sym in symbols] == ["x.c", "a"]
    assert symbols[0][3] == "STT_FILE"

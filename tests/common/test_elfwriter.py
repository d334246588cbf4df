"""Tests for toolchain.common.elf and toolchain.common.elfwriter.

Objects are checked with pyelftools, with ``readelf -a`` (must print no
warnings), by linking with GNU ld and running the result, and by rebuilding
objects made by GNU as through our writer: the bytes must come out identical.
"""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from elftools.elf.elffile import ELFFile

from toolchain.common import elf
from toolchain.common.elf import (
    EM_386, EM_AARCH64, EM_RISCV, EM_X86_64, GRP_COMDAT, R_386_32, R_386_PC32,
    R_X86_64_32, R_X86_64_PC32, R_X86_64_PLT32, RELOC_NAMES, RELOC_NUMBERS, SHF_ALLOC,
    SHF_EXECINSTR, SHF_GROUP, SHF_INFO_LINK, SHF_MERGE, SHF_STRINGS, SHF_WRITE, SHN_ABS,
    SHN_COMMON, SHN_UNDEF, SHT_GROUP, SHT_NOBITS, SHT_PROGBITS, SHT_REL, SHT_RELA, STB_GLOBAL,
    STB_LOCAL, STB_WEAK, STT_FUNC, STT_NOTYPE, STT_OBJECT, STT_SECTION, STV_HIDDEN,
)
from toolchain.common.elfwriter import RelocatableWriter, string_table

ELF_H = Path("/usr/include/elf.h")


# --- elf.py ------------------------------------------------------------------

def test_reloc_names_both_ways() -> None:
    assert RELOC_NAMES[EM_X86_64][2] == "R_X86_64_PC32"
    assert RELOC_NUMBERS[EM_X86_64]["R_X86_64_REX_GOTPCRELX"] == 42
    assert RELOC_NAMES[EM_386][43] == "R_386_GOT32X"
    assert RELOC_NUMBERS[EM_AARCH64]["R_AARCH64_CALL26"] == 283
    assert RELOC_NAMES[EM_RISCV][61] == "R_RISCV_SUB_ULEB128"
    assert elf.reloc_name(EM_RISCV, 23) == "R_RISCV_PCREL_HI20"
    assert "unknown" in elf.reloc_name(EM_X86_64, 200)
    for machine, names in RELOC_NAMES.items():
        for number, name in names.items():
            assert RELOC_NUMBERS[machine][name] == number
            assert getattr(elf, name) == number


@pytest.mark.skipif(not ELF_H.exists(), reason="no /usr/include/elf.h to compare with")
def test_numbers_agree_with_system_elf_h() -> None:
    text = ELF_H.read_text()
    defines = dict(re.findall(r"#define\s+(\w+)\s+(0x[0-9a-fA-F]+|\d+)\b", text))
    prefixes = ("R_X86_64_", "R_386_", "R_AARCH64_", "R_RISCV_", "SHT_", "SHF_", "STT_",
                "STB_", "STV_", "SHN_", "ET_", "GRP_")
    checked = 0
    for name, value in defines.items():
        # glibc says 0x8fffffff; the gABI (which we follow) says 0xffffffff.
        if name.startswith(prefixes) and hasattr(elf, name) and name != "SHT_HIUSER":
            assert getattr(elf, name) == int(value, 0), name
            checked += 1
    assert checked > 250
    for name in defines:
        if name.startswith(("R_X86_64_", "R_386_", "R_AARCH64_", "R_RISCV_")) \
                and not name.endswith("_NUM") and "P32_" not in name:
            assert hasattr(elf, name), f"{name} is missing from elf.py"


def test_string_table_shares_tails_like_bfd() -> None:
    data, offsets = string_table(["barfoo", "foo", "oo", "zfoo", "barfoo", ""])
    assert data == b"\0barfoo\0zfoo\0"
    assert offsets == {"": 0, "barfoo": 1, "foo": 4, "oo": 5, "zfoo": 8}


# --- building objects ---------------------------------------------------------

def _build(bits: int, machine: int, rela: bool) -> tuple[bytes, dict[str, int], dict[str, int]]:
    """An object with code, data, bss, a merge section, a comdat group and relocations.

    The group is added before its member exists, and the member's symbol is
    added before the member section: indices the caller plans ahead.
    """
    w = RelocatableWriter(bits, machine)
    idx: dict[str, int] = {}
    idx["text"] = w.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR,
                                b"\x90" * 9 + b"\xc3", addralign=16)
    idx["data"] = w.add_section(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE,
                                b"\1\2\3\4\5\6\7\x08", addralign=8)
    idx["bss"] = w.add_section(".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, size=64,
                               addralign=32)
    idx["str"] = w.add_section(".rodata.str1.1", SHT_PROGBITS,
                               SHF_ALLOC | SHF_MERGE | SHF_STRINGS, b"hello\0", entsize=1)
    foo_index = idx["str"] + 2                  # after the group section below
    syms: dict[str, int] = {}
    syms["sec_text"] = w.add_symbol("", 0, 0, STB_LOCAL, STT_SECTION, 0, idx["text"])
    syms["local"] = w.add_symbol("local_label", 4, 0, STB_LOCAL, STT_NOTYPE, 0, idx["text"])
    syms["start"] = w.add_symbol("_start", 0, 10, STB_GLOBAL, STT_FUNC, 0, idx["text"])
    syms["foo"] = w.add_symbol("foo", 0, 1, STB_WEAK, STT_FUNC, STV_HIDDEN, foo_index)
    syms["var"] = w.add_symbol("var", 0, 8, STB_GLOBAL, STT_OBJECT, 0, idx["data"])
    syms["ext"] = w.add_symbol("external", 0, 0, STB_GLOBAL, STT_NOTYPE, 0, SHN_UNDEF)
    syms["common"] = w.add_symbol("common_thing", 8, 24, STB_GLOBAL, STT_OBJECT, 0,
                                  SHN_COMMON)
    syms["abs"] = w.add_symbol("an_absolute", 0x1234, 0, STB_GLOBAL, STT_NOTYPE, 0, SHN_ABS)
    idx["group"] = w.add_group(syms["foo"], [foo_index])
    idx["foo"] = w.add_section(".text.foo", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, b"\xc3")
    assert idx["foo"] == foo_index
    pc32 = R_X86_64_PC32 if machine == EM_X86_64 else R_386_PC32
    abs32 = R_X86_64_32 if machine == EM_X86_64 else R_386_32
    idx["rel_text"] = w.add_relocations(idx["text"], [(1, pc32, syms["ext"], -4),
                                                      (5, abs32, syms["var"], 2)], rela)
    idx["rel_foo"] = w.add_relocations(idx["foo"], [(0, pc32, syms["local"], -4)], rela)
    return w.to_bytes(), idx, syms


CASES = [(64, EM_X86_64, True), (32, EM_386, False), (32, EM_386, True)]
IDS = ["elf64-rela", "elf32-rel", "elf32-rela"]


@pytest.mark.parametrize("bits,machine,rela", CASES, ids=IDS)
def test_pyelftools_reads_what_we_wrote(bits: int, machine: int, rela: bool) -> None:
    data, idx, syms = _build(bits, machine, rela)
    f = ELFFile(io.BytesIO(data))
    assert f.elfclass == bits and f.little_endian
    assert f["e_type"] == "ET_REL"
    names = [s.name for s in f.iter_sections()]
    prefix = ".rela" if rela else ".rel"
    assert names == ["", ".text", ".data", ".bss", ".rodata.str1.1", ".group", ".text.foo",
                     prefix + ".text", prefix + ".text.foo", ".symtab", ".strtab", ".shstrtab"]
    symtab_index = names.index(".symtab")
    strtab_index = names.index(".strtab")
    assert f["e_shstrndx"] == names.index(".shstrtab")

    def header(i: int):
        return f.get_section(i).header

    text = f.get_section(idx["text"])
    assert text.data() == b"\x90" * 9 + b"\xc3"
    assert text["sh_flags"] == SHF_ALLOC | SHF_EXECINSTR and text["sh_addralign"] == 16
    assert text["sh_offset"] % 16 == 0
    bss = header(idx["bss"])
    assert bss["sh_type"] == "SHT_NOBITS" and bss["sh_size"] == 64 and bss["sh_offset"] % 32 == 0
    strs = header(idx["str"])
    assert strs["sh_flags"] == SHF_ALLOC | SHF_MERGE | SHF_STRINGS and strs["sh_entsize"] == 1
    assert header(idx["foo"])["sh_flags"] == SHF_ALLOC | SHF_EXECINSTR | SHF_GROUP

    group = f.get_section(idx["group"])
    assert group["sh_type"] == "SHT_GROUP" and group["sh_entsize"] == 4
    assert group["sh_link"] == symtab_index and group["sh_info"] == syms["foo"]
    words = struct.unpack(f"<{group['sh_size'] // 4}I", group.data())
    assert words == (GRP_COMDAT, idx["foo"], idx["rel_foo"])   # relocs join the group

    symtab = f.get_section(symtab_index)
    assert symtab["sh_link"] == strtab_index
    assert symtab["sh_info"] == syms["start"]                  # first non-local
    assert symtab["sh_entsize"] == (24 if bits == 64 else 16)
    assert f.get_section(strtab_index).data()[:1] == b"\0"
    got = [(s.name, s["st_value"], s["st_size"], s["st_info"]["bind"], s["st_info"]["type"],
            s["st_other"]["visibility"], s["st_shndx"]) for s in symtab.iter_symbols()]
    assert got == [
        ("", 0, 0, "STB_LOCAL", "STT_NOTYPE", "STV_DEFAULT", "SHN_UNDEF"),
        ("", 0, 0, "STB_LOCAL", "STT_SECTION", "STV_DEFAULT", idx["text"]),
        ("local_label", 4, 0, "STB_LOCAL", "STT_NOTYPE", "STV_DEFAULT", idx["text"]),
        ("_start", 0, 10, "STB_GLOBAL", "STT_FUNC", "STV_DEFAULT", idx["text"]),
        ("foo", 0, 1, "STB_WEAK", "STT_FUNC", "STV_HIDDEN", idx["foo"]),
        ("var", 0, 8, "STB_GLOBAL", "STT_OBJECT", "STV_DEFAULT", idx["data"]),
        ("external", 0, 0, "STB_GLOBAL", "STT_NOTYPE", "STV_DEFAULT", "SHN_UNDEF"),
        ("common_thing", 8, 24, "STB_GLOBAL", "STT_OBJECT", "STV_DEFAULT", "SHN_COMMON"),
        ("an_absolute", 0x1234, 0, "STB_GLOBAL", "STT_NOTYPE", "STV_DEFAULT", "SHN_ABS"),
    ]

    pc32 = R_X86_64_PC32 if machine == EM_X86_64 else R_386_PC32
    abs32 = R_X86_64_32 if machine == EM_X86_64 else R_386_32
    for key, target, expected in [
            ("rel_text", idx["text"], [(1, pc32, syms["ext"], -4), (5, abs32, syms["var"], 2)]),
            ("rel_foo", idx["foo"], [(0, pc32, syms["local"], -4)])]:
        sec = f.get_section(idx[key])
        assert sec["sh_type"] == ("SHT_RELA" if rela else "SHT_REL")
        assert sec["sh_link"] == symtab_index and sec["sh_info"] == target
        assert sec["sh_flags"] & SHF_INFO_LINK
        word = bits // 8
        assert sec["sh_entsize"] == (3 if rela else 2) * word and sec["sh_addralign"] == word
        relocs = [(r["r_offset"], r["r_info_type"], r["r_info_sym"],
                   r["r_addend"] if rela else 0) for r in sec.iter_relocations()]
        assert relocs == [(o, t, s, a if rela else 0) for o, t, s, a in expected]
    assert f["e_shoff"] % (bits // 8) == 0


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) not installed")
@pytest.mark.parametrize("bits,machine,rela", CASES, ids=IDS)
def test_readelf_has_no_complaints(tmp_path: Path, bits: int, machine: int, rela: bool) -> None:
    data, _, _ = _build(bits, machine, rela)
    obj = tmp_path / "t.o"
    obj.write_bytes(data)
    run = subprocess.run(["readelf", "-a", "-W", str(obj)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "warning" not in (run.stdout + run.stderr).lower()
    assert "error" not in (run.stdout + run.stderr).lower()
    assert "COMDAT group section [    5] `.group' [foo] contains 2 sections" in run.stdout


def test_misuse_is_reported() -> None:
    w = RelocatableWriter(64, EM_X86_64)
    text = w.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, b"\xc3")
    w.add_symbol("g", 0, 0, STB_GLOBAL, STT_NOTYPE, 0, text)
    with pytest.raises(ValueError, match="local symbol"):
        w.add_symbol("l", 0, 0, STB_LOCAL, STT_NOTYPE, 0, text)
    with pytest.raises(ValueError, match="needs a size"):
        w.add_section(".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE)
    w.add_relocations(text, [(0, R_X86_64_PLT32, 7, -4)], rela=True)
    with pytest.raises(ValueError, match="symbol 7"):
        w.to_bytes()


def test_nobits_size_can_be_set_late() -> None:
    w = RelocatableWriter(elf.ELFCLASS64, EM_X86_64)   # ELFCLASS64 works as well as 64
    bss = w.add_section(".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, size=0, addralign=8)
    w.set_section_size(bss, 40)
    f = ELFFile(io.BytesIO(w.to_bytes()))
    assert f.get_section(bss)["sh_size"] == 40


# --- against GNU binutils ---------------------------------------------------------

EXIT_CODE = 42


def _exit_program(bits: int) -> bytes:
    """_start loads an exit code from .data through a relocation and exits with it."""
    if bits == 64:
        machine, rela = EM_X86_64, True
        # mov $60,%eax ; mov var(%rip),%edi ; syscall
        code = bytes.fromhex("b83c000000" "8b3d00000000" "0f05")
        reloc = (7, R_X86_64_PC32, -4)
    else:
        machine, rela = EM_386, False
        # mov $1,%eax ; mov var,%ebx ; int $0x80  (REL: addend 0 in place)
        code = bytes.fromhex("b801000000" "8b1d00000000" "cd80")
        reloc = (7, R_386_32, 0)
    w = RelocatableWriter(bits, machine)
    text = w.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, code)
    data = w.add_section(".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE,
                         struct.pack("<I", EXIT_CODE), addralign=4)
    w.add_symbol("", 0, 0, STB_LOCAL, STT_SECTION, 0, data)
    var = w.add_symbol("var", 0, 4, STB_LOCAL, STT_OBJECT, 0, data)
    w.add_symbol("_start", 0, len(code), STB_GLOBAL, STT_FUNC, 0, text)
    w.add_relocations(text, [(reloc[0], reloc[1], var, reloc[2])], rela)
    return w.to_bytes()


@pytest.mark.skipif(shutil.which("ld") is None, reason="GNU ld not installed")
@pytest.mark.parametrize("bits", [64, 32])
def test_ld_links_our_object(tmp_path: Path, bits: int) -> None:
    obj, exe = tmp_path / "exit.o", tmp_path / "exit"
    obj.write_bytes(_exit_program(bits))
    emulation = "elf_x86_64" if bits == 64 else "elf_i386"
    link = subprocess.run(["ld", "-m", emulation, "-o", str(exe), str(obj)],
                          capture_output=True, text=True)
    if "unrecognised emulation" in link.stderr or "unrecognized emulation" in link.stderr:
        pytest.skip(f"ld cannot link {emulation}")
    assert link.returncode == 0 and link.stderr == "", link.stderr
    rel = subprocess.run(["ld", "-m", emulation, "-r", "-o", str(tmp_path / "r.o"), str(obj)],
                         capture_output=True, text=True)
    assert rel.returncode == 0 and rel.stderr == "", rel.stderr
    try:
        run = subprocess.run([str(exe)], timeout=10)
    except OSError as exc:                      # e.g. no 32-bit support in the kernel
        pytest.skip(f"cannot run the {bits}-bit program here: {exc}")
    assert run.returncode == EXIT_CODE


GAS_SOURCE_64 = """
        .text
        .globl _start
_start: call foo
        mov $60,%eax
        syscall
local_label:
        .section .text.foo,"axG",@progbits,foo,comdat
        .globl foo
        .type foo,@function
foo:    ret
        .size foo,.-foo
        .data
d1:     .quad foo
        .quad undefined_thing
        .bss
        .zero 16
        .section .rodata.str1.1,"aMS",@progbits,1
        .string "hi"
        .comm cc,8,8
        .globl barfoo, zfoo, oo
barfoo: zfoo: oo:
        .set zed, 5
        .globl zed
"""

GAS_SOURCE_32 = """
        .text
        .globl _start
_start: call foo
        movl $1,%eax
        int $0x80
        .section .text.foo,"axG",@progbits,foo,comdat
        .globl foo
foo:    call bar
        ret
        .data
        .long foo
        .bss
        .balign 16
        .zero 16
        .section .rodata.str1.1,"aMS",@progbits,1
        .string "hi"
        .comm cc,8,8
"""


def _rebuild(raw: bytes) -> bytes:
    """Feed an object made by GNU as through RelocatableWriter."""
    f = ELFFile(io.BytesIO(raw))
    bits = f.elfclass
    shdr = elf.SHDR64 if bits == 64 else elf.SHDR32
    headers = [shdr.unpack_from(raw, f["e_shoff"] + i * shdr.size) for i in range(f.num_sections())]
    machine = struct.unpack_from("<H", raw, 18)[0]
    w = RelocatableWriter(bits, machine, f["e_flags"])
    reloc_types = (SHT_REL, SHT_RELA)
    for i in range(1, f.num_sections() - 3):    # all but .symtab, .strtab, .shstrtab
        _, sh_type, flags, _, offset, size, link, info, align, entsize = headers[i]
        section = f.get_section(i)
        if sh_type in reloc_types:
            relocs = [(r["r_offset"], r["r_info_type"], r["r_info_sym"],
                       r["r_addend"] if sh_type == SHT_RELA else 0)
                      for r in section.iter_relocations()]
            index = w.add_relocations(info, relocs, sh_type == SHT_RELA)
        elif sh_type == SHT_GROUP:
            words = struct.unpack_from(f"<{size // 4}I", raw, offset)
            members = [m for m in words[1:] if headers[m][1] not in reloc_types]
            index = w.add_group(info, members, comdat=bool(words[0] & GRP_COMDAT))
        elif sh_type == SHT_NOBITS:
            index = w.add_section(section.name, sh_type, flags & ~SHF_GROUP, size=size,
                                  addralign=align, entsize=entsize, link=link, info=info)
        else:
            index = w.add_section(section.name, sh_type, flags & ~SHF_GROUP, section.data(),
                                  addralign=align, entsize=entsize, link=link, info=info)
        assert index == i
    symtab = f.get_section_by_name(".symtab")
    sym = elf.SYM64 if bits == 64 else elf.SYM32
    for k, symbol in enumerate(symtab.iter_symbols()):
        if k == 0:
            continue
        fields = sym.unpack_from(raw, symtab["sh_offset"] + k * sym.size)
        if bits == 64:
            _, info, other, shndx, value, size = fields
        else:
            _, value, size, info, other, shndx = fields
        w.add_symbol(symbol.name, value, size, info >> 4, info & 0xF, other, shndx)
    return w.to_bytes()


@pytest.mark.skipif(shutil.which("as") is None, reason="GNU as not installed")
@pytest.mark.parametrize("flag,source", [("--64", GAS_SOURCE_64), ("--32", GAS_SOURCE_32)],
                         ids=["x86-64", "i386"])
def test_same_bytes_as_gnu_as(tmp_path: Path, flag: str, source: str) -> None:
    src, obj = tmp_path / "t.s", tmp_path / "t.o"
    src.write_text(source)
    gas = subprocess.run(["as", flag, "-o", str(obj), str(src)], capture_output=True, text=True)
    if gas.returncode != 0:
        pytest.skip(f"as {flag} failed: {gas.stderr.strip()}")
    raw = obj.read_bytes()
    assert _rebuild(raw) == raw


def test_empty_symtab_left_out_on_request() -> None:
    def sections(omit: bool, symbol: bool) -> list[str]:
        w = RelocatableWriter(64, EM_X86_64, omit_empty_symtab=omit)
        text = w.add_section(".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, b"\x90")
        if symbol:
            w.add_symbol("f", 0, 0, STB_GLOBAL, STT_NOTYPE, 0, text)
        elf_file = ELFFile(io.BytesIO(w.to_bytes()))
        assert elf_file.get_section(elf_file["e_shstrndx"]).name == ".shstrtab"
        return [s.name for s in elf_file.iter_sections()][1:]

    assert sections(True, False) == [".text", ".shstrtab"]
    assert sections(True, True) == [".text", ".symtab", ".strtab", ".shstrtab"]
    assert sections(False, False) == [".text", ".symtab", ".strtab", ".shstrtab"]

"""Reading ELF relocatable objects (and the headers of any ELF file).

The linker reads objects written by pas, by GNU as and by GCC; tests read
our own output.  This module decodes the gABI records -- file header,
section headers, symbol table, REL/RELA entries, SHT_GROUP members -- into
plain dataclasses and checks every offset against the file size, so a
corrupt or truncated file gives one clear :class:`ElfFormatError` naming
the file and the reason instead of a Python exception from deep inside.

Only little-endian ELF32/ELF64 are accepted (every pcc target is
little-endian).  Section contents are returned as ``memoryview`` slices of
the file, so nothing is copied until a caller needs its own bytes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property

from . import elf
from .diagnostics import ToolchainError


class ElfFormatError(ToolchainError):
    """A file that is not a well-formed ELF object (message names the file)."""


@dataclass(frozen=True, slots=True)
class SectionHeader:
    index: int
    name: str
    type: int
    flags: int
    addr: int
    offset: int
    size: int
    link: int
    info: int
    addralign: int
    entsize: int


@dataclass(frozen=True, slots=True)
class ElfSymbol:
    name: str
    value: int
    size: int
    bind: int
    type: int
    visibility: int
    shndx: int              # SHN_XINDEX already resolved through SHT_SYMTAB_SHNDX


@dataclass(frozen=True, slots=True)
class ElfRelocation:
    offset: int
    type: int
    symbol: int             # index into the symbol table
    addend: int | None      # None for SHT_REL: the addend is in the section bytes


def is_elf(data: bytes) -> bool:
    return data[:4] == elf.ELFMAG


class ElfFile:
    """One ELF file held in memory: header fields, sections, symbols, relocations."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        self.data = memoryview(data)
        if len(data) < elf.EI_NIDENT or not is_elf(data):
            raise ElfFormatError(f"{name}: file not recognized: file format not recognized")
        self.elf_class = data[elf.EI_CLASS]
        if self.elf_class not in (elf.ELFCLASS32, elf.ELFCLASS64):
            raise ElfFormatError(f"{name}: file not recognized: unknown ELF class {self.elf_class}")
        if data[elf.EI_DATA] != elf.ELFDATA2LSB:
            raise ElfFormatError(f"{name}: file not recognized: big-endian ELF is not supported")
        self.is64 = self.elf_class == elf.ELFCLASS64
        ehdr = elf.EHDR64 if self.is64 else elf.EHDR32
        if len(data) < ehdr.size:
            raise ElfFormatError(f"{name}: file truncated")
        (ident, self.type, self.machine, _version, self.entry, self.phoff, self.shoff,
         self.flags, _ehsize, _phentsize, self.phnum, shentsize, shnum,
         shstrndx) = ehdr.unpack_from(data, 0)
        self.osabi = ident[elf.EI_OSABI]
        self._shdr = elf.SHDR64 if self.is64 else elf.SHDR32
        self._sym = elf.SYM64 if self.is64 else elf.SYM32
        self.sections: list[SectionHeader] = []
        if self.shoff == 0:
            return
        if shentsize != self._shdr.size:
            raise ElfFormatError(f"{name}: file not recognized: bad section header size {shentsize}")
        first = self._read_raw_section_header(0)
        if shnum == 0:
            shnum = first[5]                       # gABI: real count in sh_size of entry 0
        if shstrndx == elf.SHN_XINDEX:
            shstrndx = first[6]                    # and the string table index in sh_link
        if self.shoff + shnum * shentsize > len(data):
            raise ElfFormatError(f"{name}: file truncated (section headers end past the file)")
        raw = [self._read_raw_section_header(i) for i in range(shnum)]
        if shstrndx >= shnum:
            raise ElfFormatError(f"{name}: file not recognized: bad section name table index")
        names = bytes(self._raw_contents(raw[shstrndx], shstrndx))
        for index, fields in enumerate(raw):
            (name_off, sh_type, sh_flags, addr, offset, size, link, info, align,
             entsize) = fields
            if sh_type != elf.SHT_NOBITS and size and offset + size > len(data):
                raise ElfFormatError(f"{name}: file truncated (section {index} ends past the file)")
            self.sections.append(SectionHeader(
                index, _c_string(names, name_off, name), sh_type, sh_flags, addr, offset,
                size, link, info, align, entsize))

    def _read_raw_section_header(self, index: int) -> tuple:
        offset = self.shoff + index * self._shdr.size
        if offset + self._shdr.size > len(self.data):
            raise ElfFormatError(f"{self.name}: file truncated (section headers end past the file)")
        return self._shdr.unpack_from(self.data, offset)   # same field order in both classes

    def _raw_contents(self, fields: tuple, index: int) -> memoryview:
        offset, size = fields[4], fields[5]
        if offset + size > len(self.data):
            raise ElfFormatError(f"{self.name}: file truncated (section {index} ends past the file)")
        return self.data[offset:offset + size]

    # --- contents -----------------------------------------------------------------

    def contents(self, section: SectionHeader) -> memoryview:
        if section.type == elf.SHT_NOBITS:
            return memoryview(b"")
        return self.data[section.offset:section.offset + section.size]

    def section(self, index: int, what: str = "section") -> SectionHeader:
        if not 0 <= index < len(self.sections):
            raise ElfFormatError(f"{self.name}: file not recognized: bad {what} index {index}")
        return self.sections[index]

    @cached_property
    def symtab(self) -> SectionHeader | None:
        for section in self.sections:
            if section.type == elf.SHT_SYMTAB:
                return section
        return None

    @cached_property
    def symbols(self) -> list[ElfSymbol]:
        """The symbol table (entry 0 included), empty when there is none."""
        symtab = self.symtab
        if symtab is None:
            return []
        if symtab.entsize not in (0, self._sym.size) or symtab.size % self._sym.size:
            raise ElfFormatError(f"{self.name}: file not recognized: bad symbol table entry size")
        strtab = bytes(self.contents(self.section(symtab.link, "string table")))
        shndx_table = self._extended_indices(symtab.index)
        result = []
        raw = self.contents(symtab)
        for i, fields in enumerate(self._sym.iter_unpack(raw)):
            if self.is64:
                name_off, info, other, shndx, value, size = fields
            else:
                name_off, value, size, info, other, shndx = fields
            if shndx == elf.SHN_XINDEX and shndx_table is not None:
                shndx = shndx_table[i]
            result.append(ElfSymbol(_c_string(strtab, name_off, self.name), value, size,
                                    info >> 4, info & 0xF, other & 3, shndx))
        return result

    def _extended_indices(self, symtab_index: int) -> tuple[int, ...] | None:
        for section in self.sections:
            if section.type == elf.SHT_SYMTAB_SHNDX and section.link == symtab_index:
                raw = self.contents(section)
                return struct.unpack_from(f"<{len(raw) // 4}I", raw)
        return None

    def relocations(self, section: SectionHeader) -> list[ElfRelocation]:
        """The entries of an SHT_REL or SHT_RELA section."""
        rela = section.type == elf.SHT_RELA
        layout = ((elf.RELA64 if rela else elf.REL64) if self.is64
                  else (elf.RELA32 if rela else elf.REL32))
        raw = self.contents(section)
        if section.size % layout.size:
            raise ElfFormatError(f"{self.name}: file not recognized: bad relocation section size")
        shift, mask = (32, 0xFFFFFFFF) if self.is64 else (8, 0xFF)
        nsyms = len(self.symbols)
        result = []
        for fields in layout.iter_unpack(raw):
            info = fields[1]
            symbol = info >> shift
            if symbol >= nsyms:
                raise ElfFormatError(f"{self.name}: file not recognized: relocation refers to "
                                     f"symbol {symbol}, past the symbol table")
            result.append(ElfRelocation(fields[0], info & mask, symbol,
                                        fields[2] if rela else None))
        return result

    def group_members(self, section: SectionHeader) -> tuple[int, list[int]]:
        """(flags, member section indices) of an SHT_GROUP section."""
        raw = self.contents(section)
        if len(raw) < 4 or len(raw) % 4:
            raise ElfFormatError(f"{self.name}: file not recognized: bad section group")
        words = struct.unpack_from(f"<{len(raw) // 4}I", raw)
        return words[0], list(words[1:])


def _c_string(table: bytes, offset: int, filename: str) -> str:
    if offset >= len(table):
        if offset == 0:
            return ""
        raise ElfFormatError(f"{filename}: file not recognized: string offset {offset} "
                             f"outside its table")
    end = table.find(b"\0", offset)
    return table[offset:end if end >= 0 else len(table)].decode("utf-8", "surrogateescape")

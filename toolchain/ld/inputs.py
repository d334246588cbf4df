"""Input files: relocatable objects and archives, read into linker records.

An :class:`ObjectFile` turns one ELF relocatable object into
:class:`InputSection` records (the pieces layout places) and symbols: its
locals privately, its globals through the shared :class:`SymbolTable`.
Relocations are kept in one form for every psABI -- (offset, type, symbol,
addend) -- so for REL objects (i386) the implicit addend is read out of the
section bytes here, once, through the architecture module.

The symbol table is read in one ``struct.iter_unpack`` (:class:`SymbolRows`);
compiler temporaries (``.L*``) that the output will not list become
Symbols only when a relocation names them -- a static glibc link on RISC-V
reads ~140,000 of them and needs ~17,000.

COMDAT groups (``SHT_GROUP`` with ``GRP_COMDAT``) are resolved as they are
read: the first group with a given signature is kept and the sections of
every later one are discarded, as GNU ld does.  Symbols defined in
discarded sections do not take part in resolution.
"""

from __future__ import annotations

import os
import struct
from operator import itemgetter
from typing import TYPE_CHECKING

from ..common import elf
from ..common.archive import Archive
from ..common.diagnostics import ToolchainError
from ..common.elfreader import ElfFile
from .symbols import Symbol, SymbolTable

if TYPE_CHECKING:
    from .arch import Arch
    from .outputs import OutputSection

# Sections an executable never carries, whatever the script says.
DROPPED_TYPES = {elf.SHT_NULL, elf.SHT_SYMTAB, elf.SHT_STRTAB, elf.SHT_REL, elf.SHT_RELA,
                 elf.SHT_GROUP, elf.SHT_SYMTAB_SHNDX}


class Relocation:
    __slots__ = ("offset", "type", "symbol", "addend")

    def __init__(self, offset: int, type: int, symbol: Symbol, addend: int):
        self.offset = offset
        self.type = type
        self.symbol = symbol
        self.addend = addend


class InputFile:
    """Anything given to the linker by name; ``display`` is how messages name it."""

    def __init__(self, path: str, display: str):
        self.path = path
        self.display = display


class InputSection:
    """A section of an input object, placed whole into one output section."""

    __slots__ = ("file", "index", "name", "type", "flags", "alignment", "entsize", "size",
                 "data", "relocations", "output_section", "output_offset", "live",
                 "discarded", "link", "info", "group_signature", "merged_into",
                 "merge_map")

    def __init__(self, file: ObjectFile | None, index: int, name: str, type: int, flags: int,
                 alignment: int, size: int, data: bytes | memoryview | None, entsize: int = 0):
        self.file = file
        self.index = index
        self.name = name
        self.type = type
        self.flags = flags
        self.alignment = max(alignment, 1)
        self.entsize = entsize
        self.size = size
        self.data = data                       # None for SHT_NOBITS
        self.relocations: list[Relocation] = []
        self.output_section: OutputSection | None = None
        self.output_offset = 0
        self.live = True                       # cleared by --gc-sections
        self.discarded = False                 # COMDAT loser, /DISCARD/, SHF_EXCLUDE
        self.link = 0
        self.info = 0
        self.group_signature: str | None = None
        self.merged_into: InputSection | None = None   # SHF_MERGE: the section holding the pieces
        self.merge_map: tuple[list[int], list[int]] | None = None

    @property
    def address(self) -> int:
        return self.output_section.address + self.output_offset

    def address_of(self, offset: int) -> int:
        """Where byte ``offset`` of this section lands (0 when the section was dropped)."""
        if self.output_section is None:
            return 0
        if self.merged_into is not None:
            from .merge import translate
            return self.merged_into.address + translate(self, offset)
        return self.output_section.address + self.output_offset + offset

    @property
    def is_alloc(self) -> bool:
        return bool(self.flags & elf.SHF_ALLOC)

    def describe(self, offset: int) -> str:
        """``file:(.text+0x12)`` as ld names a place in an input section."""
        return f"{self.file.display if self.file else '<internal>'}:({self.name}+{offset:#x})"

    def __repr__(self) -> str:
        return f"<{self.file.display if self.file else 'linker'}:{self.name}>"


class ObjectFile(InputFile):
    """One ELF relocatable object, from the command line or an archive."""

    def __init__(self, path: str, display: str, elf_file: ElfFile, arch: Arch | None):
        super().__init__(path, display)
        self.elf = elf_file
        if self.elf.type != elf.ET_REL:
            kind = {elf.ET_EXEC: "an executable", elf.ET_DYN: "a shared object"}.get(
                self.elf.type, f"ELF type {self.elf.type}")
            raise ToolchainError(f"{display}: is {kind}, not a relocatable object; "
                                 f"pld links static executables from objects and archives")
        self.machine = self.elf.machine
        self.arch = arch
        self.sections: list[InputSection | None] = []
        self.symbols: list[Symbol | None] = []   # None: a deferred temporary, see symbol()
        self.source_name: str | None = None    # the STT_FILE symbol, for messages
        self.archive_path: str | None = None    # set for archive members
        self.member_name: str | None = None
        self.has_gnu_stack_note = False
        self.exec_stack = False

    # --- reading ---------------------------------------------------------------------

    def parse(self, table: SymbolTable, comdat_groups: dict[str, ObjectFile],
              defer_temporaries: bool = False) -> None:
        """Create this file's sections and symbols and resolve its globals.

        ``defer_temporaries``: the output will not list compiler temporaries
        (``.L*`` locals, -X or -x), so they become :class:`Symbol` records only
        when a relocation names them (RISC-V objects hold hundreds of them per
        function, kept for relaxation, and few are ever referenced)."""
        elf_file = self.elf
        self._rows = SymbolRows(elf_file, self.display)
        discarded_indices = self._resolve_groups(comdat_groups)
        for header in elf_file.sections:
            if header.type in DROPPED_TYPES or header.index in discarded_indices:
                self.sections.append(None)
                continue
            if header.name == ".note.GNU-stack":
                self.has_gnu_stack_note = True
                self.exec_stack = bool(header.flags & elf.SHF_EXECINSTR)
                self.sections.append(None)
                continue
            if header.flags & elf.SHF_EXCLUDE:
                self.sections.append(None)
                continue
            if header.addralign & (header.addralign - 1):
                raise ToolchainError(f"{self.display}: section '{header.name}' has alignment "
                                     f"{header.addralign:#x}, not a power of 2")
            data = None if header.type == elf.SHT_NOBITS else elf_file.contents(header)
            section = InputSection(self, header.index, header.name, header.type, header.flags,
                                   header.addralign, header.size, data, header.entsize)
            section.link = header.link
            section.info = header.info
            self.sections.append(section)
        self._read_symbols(table, defer_temporaries)

    def _resolve_groups(self, comdat_groups: dict[str, ObjectFile]) -> set[int]:
        discarded: set[int] = set()
        for header in self.elf.sections:
            if header.type != elf.SHT_GROUP:
                continue
            flags, members = self.elf.group_members(header)
            if not flags & elf.GRP_COMDAT:
                continue
            if header.info >= len(self._rows):
                raise ToolchainError(f"{self.display}: file not recognized: section group "
                                     f"signature {header.info} past the symbol table")
            signature = self._rows.name(header.info)
            if signature in comdat_groups:
                discarded.update(members)
            else:
                comdat_groups[signature] = self
        return discarded

    def _read_symbols(self, table: SymbolTable, defer_temporaries: bool) -> None:
        rows = self._rows
        strtab = rows.strtab
        nsections = len(self.sections)
        result = self.symbols
        # The locals come first (gABI: sh_info is the first global's index); entry 0 is one.
        # A producer that got sh_info wrong gets the symbol-by-symbol loop below.
        first_global = min(max(1, rows.first_global), len(rows))
        if max(map(itemgetter(1), rows.rows[:first_global]), default=0) >> 4 != elf.STB_LOCAL:
            first_global = min(1, len(rows))
        if defer_temporaries:
            result.extend([None if strtab.startswith(b".L", rows.rows[index][0])
                           else self._local_symbol(index) for index in range(first_global)])
        else:
            result.extend([self._local_symbol(index) for index in range(first_global)])
        for index in range(first_global, len(rows)):
            name_offset, info, other, shndx, value, size = rows.rows[index]
            section = None
            dropped = False
            if 0 < shndx < elf.SHN_LORESERVE:
                if shndx >= nsections:
                    raise ToolchainError(f"{self.display}: file not recognized: symbol "
                                         f"'{rows.name(index)}' in section {shndx}, past the "
                                         f"section table")
                section = self.sections[shndx]
                dropped = section is None
            bind = info >> 4
            if bind == elf.STB_LOCAL:                 # a local out of place: still a local
                if defer_temporaries and strtab.startswith(b".L", name_offset):
                    result.append(None)           # made by symbol() if a relocation names it
                else:
                    result.append(self._local_symbol(index))
                continue
            name = rows.name(index)
            if "@" in name:
                base, _, version = name.partition("@")
                if version.startswith("@"):
                    name = base                   # foo@@VER is the default version: foo
            if shndx == elf.SHN_UNDEF or dropped:
                symbol = table.add_undefined(name, bind == elf.STB_WEAK)
            elif shndx == elf.SHN_COMMON or shndx == elf.SHN_X86_64_LCOMMON and \
                    self.machine == elf.EM_X86_64:
                symbol = table.add_common(name, bind, self, size, max(value, 1), other & 3)
            else:
                symbol = table.add_definition(name, bind, self, section, value, size,
                                              info & 0xF, other & 3)
            result.append(symbol)

    def _local_symbol(self, index: int) -> Symbol:
        """The private :class:`Symbol` of local symbol ``index`` (or of entry 0)."""
        name_offset, info, other, shndx, value, size = self._rows.rows[index]
        section = None
        if 0 < shndx < elf.SHN_LORESERVE:
            if shndx >= len(self.sections):
                raise ToolchainError(f"{self.display}: file not recognized: symbol "
                                     f"'{self._rows.name(index)}' in section {shndx}, past "
                                     f"the section table")
            section = self.sections[shndx]
        dropped = 0 < shndx < elf.SHN_LORESERVE and section is None
        symbol = Symbol(self._rows.name(index), is_local=True)
        symbol.type = info & 0xF
        symbol.size = size
        symbol.value = value
        symbol.section = section
        symbol.file = self
        symbol.visibility = other & 3
        symbol.defined = index != 0 and shndx != elf.SHN_UNDEF and not dropped
        if symbol.type == elf.STT_FILE and self.source_name is None:
            self.source_name = symbol.name
        return symbol

    def symbol(self, index: int) -> Symbol:
        """Symbol ``index`` of this file's table, made now if it was deferred."""
        symbol = self.symbols[index]
        if symbol is None:
            symbol = self.symbols[index] = self._local_symbol(index)
        return symbol

    def all_symbols(self) -> list[Symbol]:
        """Every symbol of the file, deferred temporaries included (for messages)."""
        return [self.symbol(index) for index in range(len(self.symbols))]

    def read_relocations(self) -> None:
        """Attach each relocation section's entries to the section they apply to."""
        symbols = self.symbols
        nsymbols = len(symbols)
        arch = self.arch
        is64 = self.elf.is64
        shift, mask = (32, 0xFFFFFFFF) if is64 else (8, 0xFF)
        for header in self.elf.sections:
            if header.type not in (elf.SHT_REL, elf.SHT_RELA):
                continue
            if header.info >= len(self.sections):
                raise ToolchainError(f"{self.display}: file not recognized: relocation "
                                     f"section {header.name} applies to section {header.info}")
            target = self.sections[header.info]
            if target is None:
                continue
            rela = header.type == elf.SHT_RELA
            layout = ((elf.RELA64 if rela else elf.REL64) if is64
                      else (elf.RELA32 if rela else elf.REL32))
            if header.size % layout.size:
                raise ToolchainError(f"{self.display}: file not recognized: bad relocation "
                                     f"section size")
            entries = list(layout.iter_unpack(self.elf.contents(header)))
            if not entries:
                continue
            # Checked once per section: symbol indices and offsets in range.
            if max(entry[1] for entry in entries) >> shift >= nsymbols:
                index = next(e[1] >> shift for e in entries if e[1] >> shift >= nsymbols)
                raise ToolchainError(f"{self.display}: file not recognized: relocation "
                                     f"refers to symbol {index}, past the symbol table")
            size = target.size
            if size and max(entry[0] for entry in entries) >= size:
                offset = next(e[0] for e in entries if e[0] >= size)
                raise ToolchainError(f"{self.display}: file not recognized: relocation "
                                     f"at offset {offset:#x} outside section "
                                     f"{target.name}")
            symbol = self.symbol
            if rela:
                target.relocations.extend([
                    Relocation(offset, info & mask, symbols[info >> shift] or
                               symbol(info >> shift), addend)
                    for offset, info, addend in entries])
            else:
                data = target.data
                target.relocations.extend([
                    Relocation(offset, info & mask, symbols[info >> shift] or
                               symbol(info >> shift),
                               arch.implicit_addend(data, offset, info & mask)
                               if data is not None else 0)
                    for offset, info in entries])


class SymbolRows:
    """An object's symbol table as raw rows, read with one ``iter_unpack``.

    Each row is ``(name offset, st_info, st_other, section index, value,
    size)`` whatever the ELF class, the section index already resolved
    through SHT_SYMTAB_SHNDX; names are decoded from the string table only
    when asked for (:meth:`name`)."""

    def __init__(self, elf_file: ElfFile, display: str):
        self.display = display
        self.rows: list[tuple[int, int, int, int, int, int]] = []
        self.strtab = b""
        self.first_global = 0
        symtab = elf_file.symtab
        if symtab is None:
            return
        self.first_global = symtab.info
        layout = elf.SYM64 if elf_file.is64 else elf.SYM32
        if symtab.entsize not in (0, layout.size) or symtab.size % layout.size:
            raise ToolchainError(f"{display}: file not recognized: bad symbol table entry size")
        self.strtab = bytes(elf_file.contents(elf_file.section(symtab.link, "string table")))
        rows = list(layout.iter_unpack(elf_file.contents(symtab)))
        if not elf_file.is64:     # Elf32_Sym: name value size info other shndx
            rows = [(name, info, other, shndx, value, size)
                    for name, value, size, info, other, shndx in rows]
        extended = _extended_indices(elf_file, symtab.index)
        if extended is not None:
            rows = [row if row[3] != elf.SHN_XINDEX else
                    (row[0], row[1], row[2], extended[i], row[4], row[5])
                    for i, row in enumerate(rows)]
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def name(self, index: int) -> str:
        offset = self.rows[index][0]
        strtab = self.strtab
        if offset >= len(strtab):
            if offset == 0:
                return ""
            raise ToolchainError(f"{self.display}: file not recognized: string offset "
                                 f"{offset} outside its table")
        end = strtab.find(b"\0", offset)
        return strtab[offset:end if end >= 0 else len(strtab)].decode("utf-8", "surrogateescape")


def _extended_indices(elf_file: ElfFile, symtab_index: int) -> tuple[int, ...] | None:
    """The SHT_SYMTAB_SHNDX words of the symbol table, if it has them."""
    for section in elf_file.sections:
        if section.type == elf.SHT_SYMTAB_SHNDX and section.link == symtab_index:
            raw = elf_file.contents(section)
            return struct.unpack_from(f"<{len(raw) // 4}I", raw)
    return None


class ArchiveFile(InputFile):
    """An ``ar`` archive whose members are read only when they define a needed symbol."""

    def __init__(self, path: str, data: bytes):
        super().__init__(path, path)
        self.archive = Archive(data, path)
        self.extracted: set[int] = set()
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """Where each name is in the archive's symbol index (entry numbers, in order)."""
        if self._positions is None:
            self._positions = {}
            for at, (name, _) in enumerate(self.archive.symbol_index):
                self._positions.setdefault(name, []).append(at)
        return self._positions

    def member_display(self, name: str) -> str:
        return f"{self.path}({name})"


def find_library(name: str, paths: list[str], static_only: bool) -> str | None:
    """Where ``-lname`` is: libname.a in the first -L directory that has it.

    ``-l:file`` names a file exactly.  pld links statically, so a
    directory holding only libname.so is passed over.
    """
    candidates = [name[1:]] if name.startswith(":") else [f"lib{name}.a"]
    for directory in paths:
        for candidate in candidates:
            path = os.path.join(directory, candidate)
            if os.path.isfile(path):
                return path
    return None

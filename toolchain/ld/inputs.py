"""Input files: relocatable objects and archives, read into linker records.

An :class:`ObjectFile` turns one ELF relocatable object into
:class:`InputSection` records (the pieces layout places) and symbols: its
locals privately, its globals through the shared :class:`SymbolTable`.
Relocations are kept in one form for every psABI -- (offset, type, symbol,
addend) -- so for REL objects (i386) the implicit addend is read out of the
section bytes here, once, through the architecture module.

COMDAT groups (``SHT_GROUP`` with ``GRP_COMDAT``) are resolved as they are
read: the first group with a given signature is kept and the sections of
every later one are discarded, as GNU ld does.  Symbols defined in
discarded sections do not take part in resolution.
"""

from __future__ import annotations

import os
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
        self.symbols: list[Symbol] = []
        self.source_name: str | None = None    # the STT_FILE symbol, for messages
        self.archive_path: str | None = None    # set for archive members
        self.member_name: str | None = None
        self.has_gnu_stack_note = False
        self.exec_stack = False

    # --- reading ---------------------------------------------------------------------

    def parse(self, table: SymbolTable, comdat_groups: dict[str, ObjectFile]) -> None:
        """Create this file's sections and symbols and resolve its globals."""
        elf_file = self.elf
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
        self._read_symbols(table)

    def _resolve_groups(self, comdat_groups: dict[str, ObjectFile]) -> set[int]:
        discarded: set[int] = set()
        symbols = None
        for header in self.elf.sections:
            if header.type != elf.SHT_GROUP:
                continue
            flags, members = self.elf.group_members(header)
            if not flags & elf.GRP_COMDAT:
                continue
            if symbols is None:
                symbols = self.elf.symbols
            if header.info >= len(symbols):
                raise ToolchainError(f"{self.display}: file not recognized: section group "
                                     f"signature {header.info} past the symbol table")
            signature = symbols[header.info].name
            if signature in comdat_groups:
                discarded.update(members)
            else:
                comdat_groups[signature] = self
        return discarded

    def _read_symbols(self, table: SymbolTable) -> None:
        symbols = self.elf.symbols
        nsections = len(self.sections)
        result = self.symbols
        for index, sym in enumerate(symbols):
            section = None
            shndx = sym.shndx
            if 0 < shndx < elf.SHN_LORESERVE:
                if shndx >= nsections:
                    raise ToolchainError(f"{self.display}: file not recognized: symbol "
                                         f"'{sym.name}' in section {shndx}, past the section "
                                         f"table")
                section = self.sections[shndx]
            dropped = 0 < shndx < elf.SHN_LORESERVE and section is None
            if sym.bind == elf.STB_LOCAL or index == 0:
                symbol = Symbol(sym.name, is_local=True)
                symbol.type = sym.type
                symbol.size = sym.size
                symbol.value = sym.value
                symbol.section = section
                symbol.file = self
                symbol.visibility = sym.visibility
                symbol.defined = index != 0 and shndx != elf.SHN_UNDEF and not dropped
                if sym.type == elf.STT_FILE and self.source_name is None:
                    self.source_name = sym.name
                result.append(symbol)
                continue
            name = sym.name
            if "@" in name:
                base, _, version = name.partition("@")
                if version.startswith("@"):
                    name = base                   # foo@@VER is the default version: foo
            if shndx == elf.SHN_UNDEF or dropped:
                symbol = table.add_undefined(name, sym.bind == elf.STB_WEAK)
            elif shndx == elf.SHN_COMMON or shndx == elf.SHN_X86_64_LCOMMON and \
                    self.machine == elf.EM_X86_64:
                symbol = table.add_common(name, sym.bind, self, sym.size, max(sym.value, 1),
                                          sym.visibility)
            else:
                symbol = table.add_definition(name, sym.bind, self, section,
                                              sym.value, sym.size, sym.type, sym.visibility)
            result.append(symbol)

    def read_relocations(self) -> None:
        """Attach each relocation section's entries to the section they apply to."""
        symbols = self.symbols
        arch = self.arch
        for header in self.elf.sections:
            if header.type not in (elf.SHT_REL, elf.SHT_RELA):
                continue
            if header.info >= len(self.sections):
                raise ToolchainError(f"{self.display}: file not recognized: relocation "
                                     f"section {header.name} applies to section {header.info}")
            target = self.sections[header.info]
            if target is None:
                continue
            entries = self.elf.relocations(header)
            data = target.data
            relocations = target.relocations
            for entry in entries:
                addend = entry.addend
                if addend is None:
                    addend = arch.implicit_addend(data, entry.offset, entry.type) \
                        if data is not None else 0
                if entry.offset >= target.size and target.size:
                    raise ToolchainError(f"{self.display}: file not recognized: relocation "
                                         f"at offset {entry.offset:#x} outside section "
                                         f"{target.name}")
                relocations.append(Relocation(entry.offset, entry.type,
                                              symbols[entry.symbol], addend))


class ArchiveFile(InputFile):
    """An ``ar`` archive whose members are read only when they define a needed symbol."""

    def __init__(self, path: str, data: bytes):
        super().__init__(path, path)
        self.archive = Archive(data, path)
        self.extracted: set[int] = set()

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

"""Writer for ELF relocatable objects (ET_REL), ELF32 and ELF64, little endian.

The object streamer hands over finished sections, symbols and relocations;
this module only serialises them as the gABI describes (chapter 4, "Object
Files": https://www.sco.com/developers/gabi/latest/ch4.intro.html):

* section 0 is the null section, then the caller's sections in call order,
  then ``.symtab``, ``.strtab`` and ``.shstrtab`` -- the order GNU as uses;
  with ``omit_empty_symtab``, an object with no symbols, relocations or
  groups has no ``.symtab``/``.strtab`` at all (as GNU as writes it);
* ``.symtab``'s sh_info is one past the last STB_LOCAL symbol (the gABI
  requires all locals first), its sh_link is ``.strtab``;
* SHT_REL/SHT_RELA sections have sh_link = ``.symtab`` and sh_info = the
  section they patch, with SHF_INFO_LINK set;
* SHT_GROUP sections hold a flag word (GRP_COMDAT) and member section
  indexes; sh_link = ``.symtab``, sh_info = the signature symbol.  Members
  get SHF_GROUP, and the relocation section of a member joins the group too
  (the gABI requires it; GNU as does the same).

File layout follows GNU as 2.40 (BFD) so that objects are easy to compare
with its output: the ELF header, then the data of the caller's non-relocation
sections in index order (each aligned to its sh_addralign; SHT_NOBITS gets
the aligned offset but no bytes), then ``.symtab`` and ``.strtab``, then the
relocation sections, then ``.shstrtab``, then the section header table
aligned to 8 (ELF64) or 4 (ELF32).  String tables begin with a NUL, keep
names in first-use order and share tails the way BFD does ("foo" is stored
inside "barfoo").

Extended section numbering (SHN_XINDEX, more than 65279 sections) is not
supported yet: to_bytes() raises ValueError.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .elf import (
    EHDR32, EHDR64, ELFCLASS32, ELFCLASS64, ELFDATA2LSB, ELFMAG, ELFOSABI_GNU,
    ELFOSABI_NONE, ET_REL, EV_CURRENT, GRP_COMDAT, GRP_WORD, REL32, REL64, RELA32,
    RELA64, SHDR32, SHDR64, SHF_GNU_RETAIN, SHF_GROUP, SHF_INFO_LINK, SHN_LORESERVE,
    SHT_GROUP, SHT_NOBITS, SHT_REL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, STB_GNU_UNIQUE,
    STB_LOCAL, STT_GNU_IFUNC, SYM32, SYM64, class_bits, r_info,
)

Relocation = tuple[int, int, int, int]   # (r_offset, r_type, symbol index, r_addend)


@dataclass(frozen=True)
class Symbol:
    """One symbol table entry as the caller gave it (Elf32_Sym / Elf64_Sym)."""

    name: str
    value: int
    size: int
    bind: int
    type: int
    other: int
    shndx: int


@dataclass
class _Section:
    """Builder state of one section (private: mutable until to_bytes)."""

    name: str
    sh_type: int
    flags: int
    data: bytes
    size: int
    addralign: int
    entsize: int
    link: int
    info: int
    relocs: list[Relocation] | None = None       # SHT_REL / SHT_RELA
    members: list[int] | None = None              # SHT_GROUP
    group_flags: int = 0
    link_is_symtab: bool = False                  # link fixed up to .symtab's index


class RelocatableWriter:
    """Collects sections, symbols and relocations; ``to_bytes()`` gives the .o file."""

    def __init__(self, elf_class: int, machine: int, e_flags: int = 0,
                 omit_empty_symtab: bool = False):
        self.bits = class_bits(elf_class)          # accepts ELFCLASS32/64 or 32/64
        self.machine = machine
        self.e_flags = e_flags
        self.omit_empty_symtab = omit_empty_symtab
        self._sections: list[_Section] = []       # index i+1 in the file
        self._symbols: list[Symbol] = []          # index i+1 in .symtab
        self._seen_global = False

    # --- sections ------------------------------------------------------------
    def add_section(self, name: str, sh_type: int, sh_flags: int, data: bytes = b"",
                    size: int | None = None, addralign: int = 1, entsize: int = 0,
                    link: int = 0, info: int = 0) -> int:
        """Append a section; returns its index (the null section is 0)."""
        if sh_type == SHT_NOBITS:
            if data:
                raise ValueError(f"SHT_NOBITS section '{name}' cannot have contents")
            if size is None:
                raise ValueError(f"SHT_NOBITS section '{name}' needs a size")
        else:
            if size is not None and size != len(data):
                raise ValueError(f"section '{name}': size {size} but {len(data)} bytes of data")
            size = len(data)
        if addralign < 0 or (addralign & (addralign - 1)):
            raise ValueError(f"section '{name}': alignment {addralign} is not a power of 2")
        self._sections.append(_Section(name, sh_type, sh_flags, bytes(data), size,
                                       addralign, entsize, link, info))
        return len(self._sections)

    def _section(self, index: int) -> _Section:
        if not 1 <= index <= len(self._sections):
            raise ValueError(f"no section with index {index}")
        return self._sections[index - 1]

    def set_section_data(self, index: int, data: bytes) -> None:
        section = self._section(index)
        if section.sh_type == SHT_NOBITS:
            raise ValueError(f"SHT_NOBITS section '{section.name}' cannot have contents")
        if section.relocs is not None or section.members is not None:
            raise ValueError(f"contents of '{section.name}' are generated by the writer")
        section.data = bytes(data)
        section.size = len(data)

    def set_section_size(self, index: int, size: int) -> None:
        """Set the size of an SHT_NOBITS section (e.g. .bss once layout is done)."""
        section = self._section(index)
        if section.sh_type != SHT_NOBITS:
            raise ValueError(f"'{section.name}' is not SHT_NOBITS; use set_section_data")
        section.size = size

    def set_section_link_info(self, index: int, link: int, info: int) -> None:
        section = self._section(index)
        section.link, section.info = link, info
        section.link_is_symtab = False

    # --- symbols ---------------------------------------------------------------
    def add_symbol(self, name: str, value: int, size: int, bind: int, type: int,
                   other: int, shndx: int) -> int:
        """Append a symbol; returns its .symtab index (the null symbol is 0).

        All STB_LOCAL symbols must come before any other binding.
        """
        if bind == STB_LOCAL:
            if self._seen_global:
                raise ValueError(f"local symbol '{name}' added after a non-local symbol")
        else:
            self._seen_global = True
        if "\0" in name:
            raise ValueError(f"symbol name {name!r} contains a NUL byte")
        self._symbols.append(Symbol(name, value, size, bind, type, other, shndx))
        return len(self._symbols)

    # --- relocations -----------------------------------------------------------
    def add_relocations(self, target_index: int, relocs: list[Relocation], rela: bool) -> int:
        """Create '.rela<name>' (or '.rel<name>') for section ``target_index``.

        Each relocation is (r_offset, r_type, symbol index, r_addend); with
        ``rela`` False the addend is ignored (the caller has stored it in the
        section contents).  The new section takes the next section index.
        """
        target = self._section(target_index)
        for section in self._sections:
            if section.relocs is not None and section.info == target_index:
                raise ValueError(f"section '{target.name}' already has relocations")
        word = self.bits // 8
        if rela:
            name, sh_type, entsize = ".rela" + target.name, SHT_RELA, 3 * word
        else:
            name, sh_type, entsize = ".rel" + target.name, SHT_REL, 2 * word
        self._sections.append(_Section(name, sh_type, SHF_INFO_LINK, b"", 0, word, entsize,
                                       0, target_index, relocs=list(relocs),
                                       link_is_symtab=True))
        return len(self._sections)

    def set_relocations(self, index: int, relocs: list[Relocation]) -> None:
        """Replace the entries of a relocation section made by add_relocations."""
        section = self._section(index)
        if section.relocs is None:
            raise ValueError(f"'{section.name}' is not a relocation section")
        section.relocs = list(relocs)

    # --- groups ----------------------------------------------------------------
    def add_group(self, signature_symbol: int, members: list[int], comdat: bool = True) -> int:
        """Create a '.group' section (SHT_GROUP); members may be added later."""
        self._sections.append(_Section(".group", SHT_GROUP, 0, b"", 0, 4, 4, 0,
                                       signature_symbol, members=list(members),
                                       group_flags=GRP_COMDAT if comdat else 0,
                                       link_is_symtab=True))
        return len(self._sections)

    def set_group_members(self, index: int, members: list[int]) -> None:
        section = self._section(index)
        if section.members is None:
            raise ValueError(f"'{section.name}' is not a group section")
        section.members = list(members)

    # --- output ----------------------------------------------------------------
    def to_bytes(self) -> bytes:
        count = len(self._sections)
        with_symtab = not self.omit_empty_symtab or bool(self._symbols) or any(
            s.relocs is not None or s.members is not None for s in self._sections)
        if with_symtab:
            symtab_index, strtab_index, shstrtab_index = count + 1, count + 2, count + 3
        else:
            symtab_index = strtab_index = 0
            shstrtab_index = count + 1
        shnum = shstrtab_index + 1
        if shnum >= SHN_LORESERVE:
            raise ValueError(f"{shnum} sections: extended section numbering is not supported")
        self._check(shnum)
        word = self.bits // 8

        strtab, name_offsets = string_table(s.name for s in self._symbols)
        group_flagged = self._group_flagged_sections()
        # GNU as adds section names to .shstrtab after its own three, groups last.
        names = [".symtab", ".strtab", ".shstrtab"] if with_symtab else [".shstrtab"]
        names += [s.name for s in self._sections if s.sh_type != SHT_GROUP]
        names += [s.name for s in self._sections if s.sh_type == SHT_GROUP]
        shstrtab, shname_offsets = string_table(names)

        # Headers for every section: (name, type, flags, data, size, link, info, align, entsize)
        headers: list[tuple[str, int, int, bytes, int, int, int, int, int]] = []
        for index, s in enumerate(self._sections, start=1):
            data = self._contents(s)
            size = s.size if s.sh_type == SHT_NOBITS else len(data)
            flags = s.flags | (SHF_GROUP if index in group_flagged else 0)
            link = symtab_index if s.link_is_symtab else s.link
            headers.append((s.name, s.sh_type, flags, data, size, link, s.info,
                            s.addralign, s.entsize))
        if with_symtab:
            symtab = self._symtab(name_offsets)
            first_global = next((i for i, sym in enumerate(self._symbols, start=1)
                                 if sym.bind != STB_LOCAL), len(self._symbols) + 1)
            headers.append((".symtab", SHT_SYMTAB, 0, symtab, len(symtab), strtab_index,
                            first_global, word, SYM64.size if self.bits == 64 else SYM32.size))
            headers.append((".strtab", SHT_STRTAB, 0, strtab, len(strtab), 0, 0, 1, 0))
        headers.append((".shstrtab", SHT_STRTAB, 0, shstrtab, len(shstrtab), 0, 0, 1, 0))

        # File offsets, in BFD's order: contents, symtab+strtab, relocs, shstrtab.
        ehdr = EHDR64 if self.bits == 64 else EHDR32
        order = [i for i, h in enumerate(headers) if h[1] not in (SHT_REL, SHT_RELA)
                 and i < count]
        if with_symtab:
            order += [symtab_index - 1, strtab_index - 1]
        order += [i for i, h in enumerate(headers) if h[1] in (SHT_REL, SHT_RELA)]
        order += [shstrtab_index - 1]
        out = bytearray(ehdr.size)
        offsets = [0] * len(headers)
        for i in order:
            align = max(headers[i][7], 1)
            out += bytes(-len(out) % align)
            offsets[i] = len(out)
            if headers[i][1] != SHT_NOBITS:
                out += headers[i][3]
        out += bytes(-len(out) % word)
        shoff = len(out)

        shdr = SHDR64 if self.bits == 64 else SHDR32
        out += bytes(shdr.size)                    # the null section
        for i, (name, sh_type, flags, _, size, link, info, align, entsize) in enumerate(headers):
            out += shdr.pack(shname_offsets[name], sh_type, flags, 0, offsets[i], size,
                             link, info, align, entsize)

        ident = ELFMAG + bytes([ELFCLASS64 if self.bits == 64 else ELFCLASS32, ELFDATA2LSB,
                                EV_CURRENT, self._osabi(), 0]) + bytes(7)
        out[:ehdr.size] = ehdr.pack(ident, ET_REL, self.machine, EV_CURRENT, 0, 0, shoff,
                                    self.e_flags, ehdr.size, 0, 0, shdr.size, shnum,
                                    shstrtab_index)
        return bytes(out)

    def _check(self, shnum: int) -> None:
        nsyms = len(self._symbols) + 1
        for sym in self._symbols:
            if sym.shndx >= shnum and sym.shndx < SHN_LORESERVE:
                raise ValueError(f"symbol '{sym.name}': no section {sym.shndx}")
        for s in self._sections:
            if s.relocs is not None:
                for offset, _, sym_index, _ in s.relocs:
                    if not 0 <= sym_index < nsyms:
                        raise ValueError(f"{s.name}: relocation at {offset:#x} uses symbol "
                                         f"{sym_index}, but there are {nsyms} symbols")
            if s.members is not None:
                if not 0 < s.info < nsyms:
                    raise ValueError(f"group signature symbol {s.info} does not exist")
                for member in s.members:
                    if not 0 < member <= len(self._sections):
                        raise ValueError(f"group member section {member} does not exist")

    def _group_members(self, group: _Section) -> list[int]:
        """The group's members, each followed by its relocation section (as GNU as)."""
        assert group.members is not None
        result: list[int] = []
        for member in group.members:
            if member not in result:
                result.append(member)
            for index, s in enumerate(self._sections, start=1):
                if s.relocs is not None and s.info == member and index not in group.members \
                        and index not in result:
                    result.append(index)
        return result

    def _group_flagged_sections(self) -> set[int]:
        flagged: set[int] = set()
        for s in self._sections:
            if s.members is not None:
                flagged.update(self._group_members(s))
        return flagged

    def _contents(self, s: _Section) -> bytes:
        if s.relocs is not None:
            return self._encode_relocs(s.relocs, s.sh_type == SHT_RELA)
        if s.members is not None:
            words = [s.group_flags] + self._group_members(s)
            return b"".join(GRP_WORD.pack(w) for w in words)
        return s.data

    def _encode_relocs(self, relocs: Iterable[Relocation], rela: bool) -> bytes:
        mask = (1 << self.bits) - 1
        if self.bits == 64:
            layout = RELA64 if rela else REL64
        else:
            layout = RELA32 if rela else REL32
        out = bytearray()
        for offset, r_type, sym, addend in relocs:
            info = r_info(self.bits, sym, r_type)
            if rela:
                out += layout.pack(offset & mask, info, _signed(addend, self.bits))
            else:
                out += layout.pack(offset & mask, info)
        return bytes(out)

    def _symtab(self, name_offsets: dict[str, int]) -> bytes:
        mask = (1 << self.bits) - 1
        layout = SYM64 if self.bits == 64 else SYM32
        out = bytearray(layout.size)               # the null symbol
        for sym in self._symbols:
            info = (sym.bind << 4) | (sym.type & 0xF)
            name = name_offsets[sym.name]
            if self.bits == 64:
                out += layout.pack(name, info, sym.other, sym.shndx,
                                   sym.value & mask, sym.size & mask)
            else:
                out += layout.pack(name, sym.value & mask, sym.size & mask, info,
                                   sym.other, sym.shndx)
        return bytes(out)

    def _osabi(self) -> int:
        """ELFOSABI_GNU when GNU extensions are used, as BFD marks them."""
        if any(sym.type == STT_GNU_IFUNC or sym.bind == STB_GNU_UNIQUE
               for sym in self._symbols):
            return ELFOSABI_GNU
        if any(s.flags & SHF_GNU_RETAIN for s in self._sections):
            return ELFOSABI_GNU
        return ELFOSABI_NONE


def _signed(value: int, bits: int) -> int:
    """``value`` wrapped into a signed ``bits``-bit integer."""
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def string_table(strings: Iterable[str]) -> tuple[bytes, dict[str, int]]:
    """An ELF string table holding ``strings``, and each string's offset.

    It starts with a NUL (offset 0 is the empty name).  Strings keep their
    first-use order, except that a string which is the tail of another is not
    stored again: BFD sorts the strings by their reversed text and lets each
    one share the storage of the next longer string it ends.
    """
    unique = list(dict.fromkeys(s for s in strings if s))
    encoded = {s: s.encode("utf-8") for s in unique}
    for s, b in encoded.items():
        if b"\0" in b:
            raise ValueError(f"string {s!r} contains a NUL byte")
    owner: dict[str, str] = {}
    current: str | None = None
    for s in sorted(unique, key=lambda s: encoded[s][::-1], reverse=True):
        if current is not None and encoded[current].endswith(encoded[s]):
            owner[s] = current
        else:
            current = s
    out = bytearray(b"\0")
    offsets = {"": 0}
    for s in unique:
        if s not in owner:
            offsets[s] = len(out)
            out += encoded[s] + b"\0"
    for s, o in owner.items():
        offsets[s] = offsets[o] + len(encoded[o]) - len(encoded[s])
    return bytes(out), offsets


__all__ = ["RelocatableWriter", "Symbol", "Relocation", "string_table"]

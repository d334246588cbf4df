"""Compare two ELF relocatable objects the way the assembler acceptance test needs.

``first_difference(gnu_as_object, pas_object)`` returns None when the objects
agree, else one short line naming the first difference, e.g.
``section .text differs at offset 0x1c: as=8b45 pas=8b85``.

Compared, in order: the list of sections (name, type, flags, alignment,
entsize), each section's contents, the symbols (name, value, size, type, bind,
visibility, section *name*) in symbol-table order, each relocation section's
entries (offset, type, symbol name -- or section name for a section symbol --
and for RELA the addend; REL addends sit in the section bytes, which the
contents comparison covers), and COMDAT groups by signature and member names.
Section symbols count only when a compared relocation uses them: GNU as makes
one for ``.text`` just because ``.rela.eh_frame`` refers to it; so do GNU as's
internal ``.L0`` labels, which RISC-V's relaxed DWARF tables name in their
relocations.
Not compared: file layout (offsets, string-table order, section indices),
``.eh_frame`` and ``.debug_*`` sections and their relocation sections, and
symbols defined in those sections.  Uses pyelftools; tests and scripts only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from elftools.elf.descriptions import describe_reloc_type
from elftools.elf.elffile import ELFFile
from elftools.elf.relocation import RelocationSection
from elftools.elf.sections import Section, SymbolTableSection

# GNU as's internal label names (".L0 " on RISC-V): with linker relaxation its
# DWARF line and frame tables refer to code through relocations against them.
FAKE_LABELS = (".L0 ", ".L0\x01")
CONTENT_NOT_COMPARED = ("SHT_SYMTAB", "SHT_STRTAB", "SHT_REL", "SHT_RELA", "SHT_GROUP",
                        "SHT_NOBITS")


def is_ignored(name: str) -> bool:
    """Sections left out: unwind tables and debug info (and their relocations)."""
    for prefix in (".rela", ".rel"):
        if name.startswith(prefix + "."):
            name = name[len(prefix):]
            break
    return name == ".eh_frame" or name.startswith(".debug_")


@dataclass
class _Object:
    elf: ELFFile
    sections: list[Section]          # compared sections, in file order

    @classmethod
    def read(cls, data: bytes) -> "_Object":
        elf = ELFFile(io.BytesIO(data))
        sections = [s for s in elf.iter_sections()
                    if s.header.sh_type != "SHT_NULL" and not is_ignored(s.name)]
        return cls(elf, sections)

    def section_name(self, index) -> str:
        if isinstance(index, str):               # SHN_UNDEF, SHN_ABS, SHN_COMMON
            return index.removeprefix("SHN_")
        if index == 0:
            return "UNDEF"
        if index >= 0xff00:
            return f"SHN_{index:#x}"
        return self.elf.get_section(index).name

    def symbols(self) -> list[tuple]:
        table = self.elf.get_section_by_name(".symtab")
        if not isinstance(table, SymbolTableSection):
            return []
        used = {rel["r_info_sym"] for s in self.sections if isinstance(s, RelocationSection)
                for rel in s.iter_relocations()}
        rows = []
        for index, sym in enumerate(table.iter_symbols()):
            section = self.section_name(sym["st_shndx"])
            if is_ignored(section):
                continue
            name = sym.name
            if sym["st_info"]["type"] == "STT_SECTION":
                if index not in used:
                    continue
                name = name or section
            elif name in FAKE_LABELS and index not in used:
                continue          # a label only .debug_line/.debug_frame relocations name
            rows.append((name, sym["st_value"], sym["st_size"], sym["st_info"]["type"],
                         sym["st_info"]["bind"], sym["st_other"]["visibility"], section))
        return rows

    def symbol_label(self, table: SymbolTableSection, index: int) -> str:
        if index == 0:
            return "(none)"
        sym = table.get_symbol(index)
        if sym["st_info"]["type"] == "STT_SECTION":
            return self.section_name(sym["st_shndx"])
        return sym.name

    def relocations(self, section: RelocationSection) -> list[tuple]:
        table = self.elf.get_section(section["sh_link"])
        rela = section.is_RELA()
        rows = []
        for rel in section.iter_relocations():
            row = (rel["r_offset"], describe_reloc_type(rel["r_info_type"], self.elf),
                   self.symbol_label(table, rel["r_info_sym"]))
            rows.append(row + ((rel["r_addend"],) if rela else ()))
        return rows

    def group(self, section: Section) -> tuple:
        table = self.elf.get_section(section["sh_link"])
        signature = self.symbol_label(table, section["sh_info"])
        words = section.data()
        size = 4
        values = [int.from_bytes(words[i:i + size], "little") for i in range(0, len(words), size)]
        return (values[0] if values else None, signature,
                tuple(self.section_name(v) for v in values[1:]))


def _hex(data: bytes) -> str:
    return data.hex() if data else "(end)"


def _contents_difference(name: str, a: bytes, b: bytes) -> str | None:
    if a == b:
        return None
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return (f"section {name} differs at offset {i:#x}: "
                    f"as={_hex(a[i:i + 8])} pas={_hex(b[i:i + 8])}")
    n = min(len(a), len(b))
    return f"section {name} size differs: as={len(a):#x} pas={len(b):#x} (equal up to {n:#x})"


def _describe_row(row: tuple) -> str:
    return " ".join(hex(v) if isinstance(v, int) and not isinstance(v, bool) else str(v)
                    for v in row)


def _list_difference(what: str, a: list[tuple], b: list[tuple]) -> str | None:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"{what} #{i}: as=({_describe_row(x)}) pas=({_describe_row(y)})"
    if len(a) != len(b):
        i = min(len(a), len(b))
        extra = a[i] if len(a) > len(b) else b[i]
        side = "as" if len(a) > len(b) else "pas"
        return f"{what}: as has {len(a)}, pas has {len(b)}; first extra in {side}: ({_describe_row(extra)})"
    return None


def _header(s: Section) -> tuple:
    h = s.header
    return (s.name, h.sh_type, h.sh_flags, h.sh_addralign, h.sh_entsize)


def first_difference(gnu: bytes, ours: bytes) -> str | None:
    """None if the objects agree (see module docstring), else one line saying where not."""
    try:
        a = _Object.read(gnu)
    except Exception as exc:  # noqa: BLE001 - report, the oracle's object is unexpected
        return f"cannot read the GNU as object: {exc}"
    try:
        b = _Object.read(ours)
    except Exception as exc:  # noqa: BLE001
        return f"pas wrote an unreadable ELF file: {type(exc).__name__}: {exc}"
    ha, hb = a.elf.header, b.elf.header
    for field in ("e_ident", "e_type", "e_machine", "e_flags"):
        if ha[field] != hb[field]:
            return f"ELF header {field}: as={ha[field]} pas={hb[field]}"
    names_a = [s.name for s in a.sections]
    names_b = [s.name for s in b.sections]
    if names_a != names_b:
        return "section list differs: " + _list_difference(
            "section", [(n,) for n in names_a], [(n,) for n in names_b])
    for sa, sb in zip(a.sections, b.sections):
        if _header(sa) != _header(sb):
            return f"section {sa.name} header: as=({_describe_row(_header(sa))}) pas=({_describe_row(_header(sb))})"
        kind = sa.header.sh_type
        if kind == "SHT_NOBITS" and sa.header.sh_size != sb.header.sh_size:
            return f"section {sa.name} size: as={sa.header.sh_size:#x} pas={sb.header.sh_size:#x}"
        if kind not in CONTENT_NOT_COMPARED:
            diff = _contents_difference(sa.name, sa.data(), sb.data())
            if diff:
                return diff
        if kind == "SHT_GROUP" and a.group(sa) != b.group(sb):
            return f"group {sa.name}: as={a.group(sa)} pas={b.group(sb)}"
    diff = _list_difference("symbol", a.symbols(), b.symbols())
    if diff:
        return diff
    for sa, sb in zip(a.sections, b.sections):
        if isinstance(sa, RelocationSection):
            if not isinstance(sb, RelocationSection):
                return f"section {sa.name} is not a relocation section in pas's object"
            diff = _list_difference(f"{sa.name} relocation", a.relocations(sa), b.relocations(sb))
            if diff:
                return diff
    return None

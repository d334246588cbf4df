"""The ELF relocatable object as GNU as 2.40 writes it, from a finished layout.

Section order: the ``.group`` sections first (in the order their groups were
named), then every section in creation order -- ``.text``, ``.data``,
``.bss`` always, as GNU as creates them at start-up -- each followed by its
``.rela``/``.rel`` section when it has relocations; the writer appends
``.symtab``, ``.strtab`` and ``.shstrtab``.

Symbol order (BFD's elf_map_symbols over GNU as's symbol list): the null
symbol, the first ``.file`` symbol, then the local symbols in creation order
(section symbols only for sections some relocation uses, ``.L`` labels only
when a relocation had to keep them), then group signature symbols GNU as had
to make up, then the global and weak symbols in creation order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..common import elf
from ..common.elfwriter import RelocatableWriter
from .elfsymbols import removed_by_symver
from .layout import Layout
from .sections import Section
from .symbols import (
    ABSOLUTE, COMMON, DEAD, EQUATED, LABEL, UNDEFINED, UNPLACED, EvalError, Evaluator, Symbol, label_address,
)

if TYPE_CHECKING:
    from .streamer import ObjectStreamer

_TYPES = {
    None: elf.STT_NOTYPE, "notype": elf.STT_NOTYPE, "function": elf.STT_FUNC,
    "object": elf.STT_OBJECT, "tls_object": elf.STT_TLS, "common": elf.STT_COMMON,
    "gnu_indirect_function": elf.STT_GNU_IFUNC, "gnu_unique_object": elf.STT_OBJECT,
}
_VISIBILITY = {None: elf.STV_DEFAULT, "default": elf.STV_DEFAULT, "hidden": elf.STV_HIDDEN,
               "protected": elf.STV_PROTECTED, "internal": elf.STV_INTERNAL}
_NUMERIC_LABEL = re.compile(r"\.L(\d+)\x02(\d+)$")


class _Entry:
    """A symbol table row before indices are known."""

    __slots__ = ("order", "name", "value", "size", "bind", "type", "other", "section",
                 "shndx", "symbol", "section_symbol_of")

    def __init__(self, order: int, name: str, value: int, size: int, bind: int, type: int,
                 other: int, section: Section | None, shndx: int, symbol: Symbol | None):
        self.order = order
        self.name = name
        self.value = value
        self.size = size
        self.bind = bind
        self.type = type
        self.other = other
        self.section = section        # resolved to an index once sections are numbered
        self.shndx = shndx            # SHN_UNDEF / SHN_ABS / SHN_COMMON when section is None
        self.symbol = symbol
        self.section_symbol_of: Section | None = None


def write_object(streamer: "ObjectStreamer", layout: Layout) -> bytes:
    diag = streamer.diagnostics
    target = streamer.target
    final = Evaluator(final=True)
    word_mask = (1 << (8 * target.word_size)) - 1

    # Undefined numeric local labels ("1f" with no "1:" after it).
    for sym in streamer.symtab.all:
        if sym.kind == UNDEFINED and sym.order != DEAD:
            match = _NUMERIC_LABEL.match(sym.name)
            if match and sym.used:
                diag.error(f"local label `\"{match.group(1)}\" (instance number "
                           f"{match.group(2)} of a fb label)' is not defined")

    # --- sections and their indices ------------------------------------------------
    sections = streamer.section_list
    groups: list[str] = []
    for section in sections:
        if section.group is not None and section.group not in groups:
            groups.append(section.group)
    index: dict[Section, int] = {}
    next_index = 1 + len(groups)
    for section in sections:
        index[section] = next_index
        next_index += 2 if layout.relocations.get(section) else 1

    # --- symbols ---------------------------------------------------------------------
    entries: list[_Entry] = []
    symvers = streamer.symvers
    aliases: list[_Entry] = []
    for sym in streamer.symtab.all:
        if sym.order == DEAD or (sym.order == UNPLACED and not sym.is_file) or \
                sym.weakref is not None:
            continue
        symver = symvers.get(sym) if symvers else None
        if symver is not None and removed_by_symver(sym, symver):
            continue
        entry = _symbol_entry(sym, final, streamer, word_mask)
        if entry is None:
            continue
        entries.append(entry)
        if symver is not None and not symver.rename:
            # obj-elf.c elf_frob_symbol: an alias per version, at the end of the list.
            for name in symver.names:
                alias = _Entry(1 << 50, name, entry.value, entry.size, entry.bind,
                               entry.type, entry.other, entry.section, entry.shndx, None)
                aliases.append(alias)
            if symver.visibility == "hidden":
                entry.other = (entry.other & ~3) | elf.STV_HIDDEN
            elif symver.visibility == "local":
                entry.bind = elf.STB_LOCAL
            elif symver.visibility == "remove" and not sym.used_in_reloc:
                entries.pop()
    for number, alias in enumerate(aliases):
        alias.order += number
    entries += aliases
    for section in sections:
        if section.used_in_reloc:
            entry = _Entry(section.order, "", 0, 0, elf.STB_LOCAL, elf.STT_SECTION,
                           elf.STV_DEFAULT, section, 0, None)
            entry.section_symbol_of = section
            entries.append(entry)
    entries.sort(key=lambda e: e.order)
    locals_ = [e for e in entries if e.bind == elf.STB_LOCAL]
    globals_ = [e for e in entries if e.bind != elf.STB_LOCAL]

    # Group signatures: an existing symbol, else a local one GNU as makes up.
    by_symbol = {id(e.symbol): e for e in entries if e.symbol is not None}
    signature_entries: list[_Entry] = []
    for number, name in enumerate(groups):
        sym = streamer.symtab.get(name)
        entry = by_symbol.get(id(sym)) if sym is not None else None
        if entry is None:
            entry = _Entry(1 << 60, name, 0, 0, elf.STB_LOCAL, elf.STT_NOTYPE,
                           elf.STV_DEFAULT, None, 1 + number, None)
            locals_.append(entry)
        signature_entries.append(entry)

    ordered = locals_ + globals_
    symbol_index = {id(e): i for i, e in enumerate(ordered, start=1)}
    section_symbol_index = {e.section_symbol_of: symbol_index[id(e)] for e in ordered
                            if e.section_symbol_of is not None}
    reloc_symbol_index = {id(e.symbol): symbol_index[id(e)] for e in ordered
                          if e.symbol is not None}

    # --- the writer ------------------------------------------------------------------
    e_flags = getattr(streamer.isa, "e_flags", None)
    writer = RelocatableWriter(target.elf_class, target.machine,
                               e_flags() if e_flags is not None else target.e_flags,
                               omit_empty_symtab=True)
    for name, entry in zip(groups, signature_entries):
        comdat = any(s.comdat for s in sections if s.group == name)
        members = [index[s] for s in sections if s.group == name]
        writer.add_group(symbol_index[id(entry)], members, comdat)
    for section in sections:
        flags = section.flags
        link = 0
        if section.group is not None:
            flags |= elf.SHF_GROUP
        if section.link_to is not None:
            linked = next((s for s in sections if s.name == section.link_to), None)
            link = index[linked] if linked is not None else 0
        size = layout.sizes.get(section, 0)
        if section.nobits:
            got = writer.add_section(section.name, section.sh_type, flags, size=size,
                                     addralign=section.alignment, entsize=section.entsize,
                                     link=link)
        else:
            got = writer.add_section(section.name, section.sh_type, flags,
                                     bytes(layout.contents.get(section, b"")),
                                     addralign=section.alignment, entsize=section.entsize,
                                     link=link)
        assert got == index[section], (section.name, got, index[section])
        relocs = layout.relocations.get(section)
        if relocs:
            rows = []
            for r in relocs:
                if r.section is not None:
                    sym_index = section_symbol_index[r.section]
                elif r.symbol is not None:
                    sym_index = reloc_symbol_index.get(id(r.symbol), 0)
                else:
                    sym_index = 0
                rows.append((r.offset, r.type, sym_index, r.addend))
            writer.add_relocations(index[section], rows, target.uses_rela)
    for entry in ordered:
        shndx = index[entry.section] if entry.section is not None else entry.shndx
        writer.add_symbol(entry.name, entry.value, entry.size, entry.bind, entry.type,
                          entry.other, shndx)
    return writer.to_bytes()


def _symbol_entry(sym: Symbol, final: Evaluator, streamer: "ObjectStreamer",
                  word_mask: int) -> _Entry | None:
    """The symbol table row for ``sym``, or None when GNU as leaves it out."""
    diag = streamer.diagnostics
    if sym.is_file:
        return _Entry(sym.order, sym.elf_name, 0, 0, elf.STB_LOCAL, elf.STT_FILE,
                      elf.STV_DEFAULT, None, elf.SHN_ABS, sym)
    kind = sym.kind
    section: Section | None = None
    value = 0
    shndx = elf.SHN_UNDEF
    if kind == EQUATED:
        try:
            add, sub, const = final.value(sym.expr)  # type: ignore[arg-type]
        except EvalError as exc:
            diag.error(exc.args[0], sym.location)
            return None
        if sub is not None:
            return None
        if add is None:
            kind, value, shndx = ABSOLUTE, const, elf.SHN_ABS
        elif add.kind == LABEL:
            kind, section, value = LABEL, add.section, label_address(add) + const
        else:
            return None           # equated to an undefined or common symbol
    elif kind == LABEL:
        section = sym.section
        value = label_address(sym)
    elif kind == ABSOLUTE:
        value, shndx = sym.value, elf.SHN_ABS
    elif kind == COMMON:
        value, shndx = sym.common_align, elf.SHN_COMMON

    if sym.is_local_label and not sym.used_in_reloc:
        return None
    if kind == UNDEFINED and (sym.binding == "weak" or sym.weakrefd) and not sym.used:
        return None

    if sym.binding == "global":
        bind = elf.STB_GNU_UNIQUE if sym.type == "gnu_unique_object" else elf.STB_GLOBAL
    elif sym.binding == "weak" or (sym.weakrefd and kind == UNDEFINED):
        bind = elf.STB_WEAK
    elif sym.binding == "local":
        bind = elf.STB_LOCAL
    else:
        bind = elf.STB_GLOBAL if kind in (UNDEFINED, COMMON) else elf.STB_LOCAL

    sym_type = sym.type
    if sym_type is None and sym.copied_size is not None:
        # ".set b, a" before a's .type: b takes a's type when it is resolved.
        sym_type = sym.copied_size.type
    st_type = _TYPES.get(sym_type, elf.STT_NOTYPE)
    if kind == COMMON and sym.type is None:
        st_type = elf.STT_OBJECT
    if sym.tls or (section is not None and section.flags & elf.SHF_TLS):
        st_type = elf.STT_TLS

    size = 0
    if kind == COMMON:
        size = sym.value
    size_expr = sym.size
    source = sym.copied_size
    if size_expr is None and source is not None and source.size is not None:
        size_expr = source.size
    if size_expr is not None:
        try:
            add, sub, const = final.value(size_expr)
        except EvalError as exc:
            diag.error(exc.args[0], sym.location)
            add = sub = None
            const = 0
        if add is not None or sub is not None:
            diag.error(f".size expression for {sym.name} does not evaluate to a constant",
                       sym.location)
        else:
            size = const
    other = _VISIBILITY.get(sym.visibility, elf.STV_DEFAULT)
    return _Entry(sym.order, sym.elf_name, value & word_mask, size & word_mask, bind, st_type,
                  other, section, shndx, sym)

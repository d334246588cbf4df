"""The output's symbol table (``.symtab``/``.strtab``), as GNU ld writes it.

Locals first (gABI: ``sh_info`` is the index of the first non-local): for
each object, its STT_FILE symbol and the local symbols that survive --
GNU ld drops compiler temporaries (``.L*``, -X, the default), section
symbols, and symbols in discarded sections.  Hidden globals become locals.
Range-extension thunks get GNU ld's local ``__foo_veneer`` function symbols.
Then the globals: every defined global or weak symbol and every weak
undefined one.  A TLS symbol's value is its offset in the TLS segment (gABI:
in executables st_value of an STT_TLS symbol is relative to the TLS
template, as GNU ld and lld write it), not an address.
"""

from __future__ import annotations

from ..common import elf
from .inputs import ObjectFile
from .outputs import OutputSection
from .symbols import Symbol


def _shndx(symbol: Symbol) -> int:
    if not symbol.defined:
        return elf.SHN_UNDEF
    section = symbol.section
    if section is not None:
        output = section.output_section
        if output is None or output.index == 0:
            return elf.SHN_ABS
        return output.index
    if symbol.output_section is not None and symbol.output_section.index:
        return symbol.output_section.index
    return elf.SHN_ABS


def build_symbol_table(linker, sections: list[OutputSection], is64: bool, tls_start: int = 0,
                       thunks: list = ()) -> tuple[bytes, bytes, int]:
    discard = linker.options.discard
    strtab = bytearray(b"\0")
    offsets: dict[str, int] = {}

    def string(name: str) -> int:
        if not name:
            return 0
        offset = offsets.get(name)
        if offset is None:
            offset = offsets[name] = len(strtab)
            strtab.extend(name.encode("utf-8", "surrogateescape") + b"\0")
        return offset

    layout = elf.SYM64 if is64 else elf.SYM32
    mask = (1 << 64) - 1 if is64 else 0xFFFFFFFF

    def pack(name: str, value: int, size: int, bind: int, type: int, other: int,
             shndx: int) -> bytes:
        info = (bind << 4) | type
        if is64:
            return layout.pack(string(name), info, other, shndx, value & mask, size)
        return layout.pack(string(name), value & mask, size, info, other, shndx)

    def value_of(symbol: Symbol) -> int:
        if not symbol.defined:
            return 0
        if symbol.type == elf.STT_TLS and symbol.section is not None:
            return symbol.address - tls_start
        return symbol.address

    local_entries = [pack("", 0, 0, 0, 0, 0, 0)]
    global_entries = []
    for obj in linker.files:
        if not isinstance(obj, ObjectFile) or discard == "all":
            continue
        file_entry_written = False
        for symbol in obj.symbols[1:]:
            if symbol is None or not symbol.is_local:        # None: a deferred .L temporary
                continue
            if symbol.type == elf.STT_FILE:
                continue
            if symbol.type == elf.STT_SECTION or not symbol.name or not symbol.defined:
                continue
            if discard == "locals" and symbol.name.startswith(".L"):
                continue
            if symbol.section is not None and symbol.section.output_section is None:
                continue
            if not file_entry_written:
                local_entries.append(pack(obj.source_name or obj.display, 0, 0, elf.STB_LOCAL,
                                          elf.STT_FILE, 0, elf.SHN_ABS))
                file_entry_written = True
            local_entries.append(pack(symbol.name, value_of(symbol), symbol.size, elf.STB_LOCAL,
                                      symbol.type, symbol.visibility, _shndx(symbol)))
    for thunk in thunks:                 # GNU ld's veneer symbols: local functions
        local_entries.append(pack(thunk.name, thunk.address, linker.arch.thunk_size,
                                  elf.STB_LOCAL, elf.STT_FUNC, 0,
                                  thunk.section.output_section.index))
    for symbol in linker.symtab:
        if not symbol.defined and not symbol.is_weak:
            continue
        if not symbol.defined and not symbol.referenced:
            continue
        if symbol.section is not None and symbol.section.output_section is None:
            continue
        hidden = symbol.visibility in (elf.STV_HIDDEN, elf.STV_INTERNAL)
        bind = elf.STB_LOCAL if hidden and symbol.defined else symbol.binding
        value = value_of(symbol)
        type = symbol.type
        if symbol.script_defined and type == elf.STT_NOTYPE:
            type = elf.STT_NOTYPE
        entry = pack(symbol.name, value, symbol.size, bind, type, symbol.visibility,
                     _shndx(symbol))
        (local_entries if bind == elf.STB_LOCAL else global_entries).append(entry)
    first_global = len(local_entries)
    return b"".join(local_entries + global_entries), bytes(strtab), first_global

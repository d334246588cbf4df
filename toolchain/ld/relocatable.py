"""``pld -r``: combine relocatable objects into one relocatable object.

Input sections with the same name, type and flags are concatenated (each at
its own alignment) into one output section; sections of a COMDAT group stay
in sections of their own and the group is written again, so a later final
link can still discard duplicates.  Symbols keep their names and bindings,
values become offsets in the output sections, common symbols stay common,
undefined ones stay undefined.  Every relocation is written again against
the output: a relocation against an input *section* symbol becomes one
against the output section's symbol with the input's offset added to the
addend (for REL objects the addend goes back into the bytes).
"""

from __future__ import annotations

from ..common import elf
from ..common.diagnostics import Diagnostics
from ..common.elfwriter import RelocatableWriter
from .linker import Linker
from .options import LinkOptions
from .output import write_atomically


class _Output:
    def __init__(self, name: str, type: int, flags: int, signature: str | None):
        self.name = name
        self.type = type
        self.flags = flags
        self.signature = signature
        self.alignment = 1
        self.entsize = None
        self.data = bytearray()
        self.size = 0
        self.inputs = []
        self.index = 0
        self.symbol_index = 0
        self.relocations = []


def link_relocatable(options: LinkOptions, diagnostics: Diagnostics) -> None:
    linker = Linker(options, diagnostics)
    linker.read_inputs()
    linker.report_multiple_definitions()
    if diagnostics.failed:
        return
    arch = linker.arch
    for obj in linker.files:
        obj.read_relocations()
    outputs: dict[tuple, _Output] = {}
    order: list[_Output] = []
    group_of: dict[int, str] = {}
    for obj in linker.files:
        for header in obj.elf.sections:
            if header.type == elf.SHT_GROUP and obj.sections:
                flags, members = obj.elf.group_members(header)
                signature = obj.elf.symbols[header.info].name
                for member in members:
                    if member < len(obj.sections) and obj.sections[member] is not None:
                        group_of[id(obj.sections[member])] = signature
    for obj in linker.files:
        for section in obj.sections:
            if section is None:
                continue
            signature = group_of.get(id(section))
            flags = section.flags & ~elf.SHF_GROUP
            key = (section.name, section.type, flags, signature)
            output = outputs.get(key)
            if output is None:
                output = outputs[key] = _Output(section.name, section.type, flags, signature)
                order.append(output)
            offset = (output.size + section.alignment - 1) // section.alignment * section.alignment
            output.alignment = max(output.alignment, section.alignment)
            if output.entsize is None:
                output.entsize = section.entsize
            elif output.entsize != section.entsize:
                output.entsize = 0
            if section.type != elf.SHT_NOBITS:
                output.data.extend(bytes(offset - len(output.data)))
                output.data.extend(bytes(section.data))
            section.output_offset = offset
            section.output_section = output
            output.size = offset + section.size
            output.inputs.append(section)
    for output in order:
        if output.type == elf.SHT_RISCV_ATTRIBUTES:       # one merged blob, not a pile
            from .arch.riscv_attributes import merge, parse, serialize
            merged = serialize(merge([(s.file.display, parse(bytes(s.data), s.file.display))
                                      for s in output.inputs]))
            output.data = bytearray(merged)
            output.size = len(merged)
    flags = arch.output_flags(linker.files) or (linker.files[0].elf.flags if linker.files else 0)
    writer = RelocatableWriter(elf.ELFCLASS64 if arch.wordsize == 8 else elf.ELFCLASS32,
                               arch.machine, flags)
    for output in order:
        output.index = writer.add_section(
            output.name, output.type, output.flags | (elf.SHF_GROUP if output.signature else 0),
            b"" if output.type == elf.SHT_NOBITS else bytes(output.data),
            output.size if output.type == elf.SHT_NOBITS else None,
            output.alignment, output.entsize or 0)
    if linker.files and all(obj.has_gnu_stack_note for obj in linker.files):
        executable = any(obj.exec_stack for obj in linker.files)
        writer.add_section(".note.GNU-stack", elf.SHT_PROGBITS,
                           elf.SHF_EXECINSTR if executable else 0)
    # Symbols: section symbols, then each file's locals, then the globals.
    for output in order:
        output.symbol_index = writer.add_symbol("", 0, 0, elf.STB_LOCAL, elf.STT_SECTION, 0,
                                                output.index)
    new_index: dict[int, int] = {}
    for obj in linker.files:
        source_written = False
        for symbol in obj.symbols[1:]:
            if not symbol.is_local or symbol.type == elf.STT_SECTION:
                continue
            if symbol.type == elf.STT_FILE:
                if not source_written:
                    new_index[id(symbol)] = writer.add_symbol(symbol.name, 0, 0, elf.STB_LOCAL,
                                                              elf.STT_FILE, 0, elf.SHN_ABS)
                    source_written = True
                continue
            shndx, value = _place(symbol)
            new_index[id(symbol)] = writer.add_symbol(symbol.name, value, symbol.size,
                                                      elf.STB_LOCAL, symbol.type,
                                                      symbol.visibility, shndx)
    for symbol in linker.symtab:
        if not symbol.defined and not symbol.referenced:
            continue
        if symbol.is_common:
            new_index[id(symbol)] = writer.add_symbol(symbol.name, symbol.common_alignment,
                                                      symbol.size, symbol.binding,
                                                      elf.STT_OBJECT, symbol.visibility,
                                                      elf.SHN_COMMON)
            continue
        shndx, value = _place(symbol) if symbol.defined else (elf.SHN_UNDEF, 0)
        new_index[id(symbol)] = writer.add_symbol(symbol.name, value, symbol.size,
                                                  symbol.binding, symbol.type,
                                                  symbol.visibility, shndx)
    # Relocations.
    for output in order:
        relocations = []
        for section in output.inputs:
            for relocation in section.relocations:
                symbol = relocation.symbol
                addend = relocation.addend
                if symbol.is_local and symbol.type == elf.STT_SECTION:
                    target = symbol.section
                    if target is None or target.output_section is None:
                        index = 0
                    else:
                        index = target.output_section.symbol_index
                        addend += target.output_offset
                else:
                    index = new_index.get(id(symbol), 0)
                offset = section.output_offset + relocation.offset
                if not arch.uses_rela and addend != relocation.addend:
                    arch.write(output.data, offset, relocation.type, addend)
                relocations.append((offset, relocation.type, index, addend))
        if relocations:
            if not arch.uses_rela:
                writer.set_section_data(output.index, bytes(output.data))
            writer.add_relocations(output.index, relocations, arch.uses_rela)
    signatures: dict[str, list[int]] = {}
    for output in order:
        if output.signature:
            signatures.setdefault(output.signature, []).append(output.index)
    for signature, members in signatures.items():
        symbol = linker.symtab.get(signature)
        index = new_index.get(id(symbol), 0) if symbol is not None else 0
        if index == 0:
            for obj in linker.files:
                for local in obj.symbols:
                    if local.name == signature and id(local) in new_index:
                        index = new_index[id(local)]
                        break
                if index:
                    break
        writer.add_group(index, members)
    write_atomically(options.output, writer.to_bytes(), executable=False)


def _place(symbol) -> tuple[int, int]:
    """(output section index, value) of a defined symbol in the -r output."""
    section = symbol.section
    if section is None:
        return elf.SHN_ABS, symbol.value
    output = section.output_section
    if output is None:
        return elf.SHN_UNDEF, 0
    return output.index, section.output_offset + symbol.value

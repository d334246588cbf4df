"""Writing the output: program headers, file offsets, the ELF image, flat binaries.

Segments (gABI "Program Header") are made from the allocated output
sections in address order: a new PT_LOAD starts where the access flags
change (R, RX, RW), where the load addresses stop following the section
addresses, or where the addresses jump backwards.  Within a PT_LOAD, file
offsets follow addresses exactly; a new PT_LOAD starts at a file offset
congruent to its address modulo the page size, so the kernel can map it.
The first PT_LOAD also maps the ELF and program headers when they fit in
front of its first section, as GNU ld's default layout arranges (static
glibc finds its program headers -- PT_TLS -- through AT_PHDR).

``.bss`` at the end of a segment takes no file space (filesz < memsz);
``.tbss`` takes neither file nor address space outside PT_TLS.
"""

from __future__ import annotations

import struct

from ..common import elf
from .outputs import OutputSection, Segment


def segment_flags(section: OutputSection) -> int:
    flags = elf.PF_R
    if section.flags & elf.SHF_WRITE:
        flags |= elf.PF_W
    if section.flags & elf.SHF_EXECINSTR:
        flags |= elf.PF_X
    return flags


def align_up(value: int, alignment: int) -> int:
    return value if alignment <= 1 else (value + alignment - 1) // alignment * alignment


def build_segments(sections: list[OutputSection], page_size: int,
                   exec_stack: bool | None, separate_code: bool = True) -> list[Segment]:
    """PT_LOAD, PT_NOTE, PT_TLS and PT_GNU_STACK for the allocated sections.

    Without ``separate_code`` (GNU ld's default on AArch64 and RISC-V) read-only
    and executable sections share one R+X segment; only writability splits."""
    loads: list[Segment] = []
    current: Segment | None = None
    for section in sections:
        if not section.is_alloc or section.is_tbss:
            if section.is_tbss and current is not None:
                current.sections.append(section)
            continue
        flags = segment_flags(section)
        if current is not None:
            last = current.sections[-1]
            last_end = last.address + (0 if last.is_tbss else last.size)
            same_load_delta = section.is_nobits or \
                (section.lma - section.address) == (current.paddr - current.vaddr)
            compatible = flags == current.flags or not separate_code and \
                (flags | current.flags) & elf.PF_W == 0
            if (compatible and section.address >= last_end and same_load_delta
                    and section.address - last_end < page_size):
                current.sections.append(section)
                current.flags |= flags
                continue
        current = Segment(elf.PT_LOAD, flags, [section], vaddr=section.address,
                          paddr=section.lma, align=page_size)
        loads.append(current)
    # RISC-V: the merged attributes get a header of their own, first (as GNU ld).
    attributes = [s for s in sections if s.type == elf.SHT_RISCV_ATTRIBUTES]
    segments = [Segment(elf.PT_RISCV_ATTRIBUTES, elf.PF_R, attributes[:1], align=1)] \
        if attributes else []
    segments += loads
    # One PT_NOTE per run of adjacent notes of the same alignment (as GNU ld):
    # a reader walks a note segment at its alignment.
    run: list[OutputSection] = []
    for section in sections + [None]:
        is_note = section is not None and section.type == elf.SHT_NOTE and section.is_alloc
        if run and (not is_note or section.alignment != run[0].alignment):
            segments.append(Segment(elf.PT_NOTE, elf.PF_R, run, align=run[0].alignment))
            run = []
        if is_note:
            run.append(section)
    properties = [s for s in sections if s.name == ".note.gnu.property" and s.is_alloc]
    if properties:
        segments.append(Segment(elf.PT_GNU_PROPERTY, elf.PF_R, properties[:1],
                                align=properties[0].alignment))
    tls = [s for s in sections if s.is_alloc and s.flags & elf.SHF_TLS]
    if tls:
        segments.append(Segment(elf.PT_TLS, elf.PF_R, tls,
                                align=max(s.alignment for s in tls)))
    if exec_stack is not None:                  # None: nothing says; no header
        segments.append(Segment(elf.PT_GNU_STACK,
                                elf.PF_R | elf.PF_W | (elf.PF_X if exec_stack else 0), [],
                                align=16))
    return segments


def count_program_headers(sections: list[OutputSection], page_size: int,
                          separate_code: bool = True) -> int:
    return len(build_segments(sections, page_size, False, separate_code))


def assign_offsets(sections: list[OutputSection], segments: list[Segment],
                   headers_size: int, page_size: int) -> int:
    """File offsets for every section; returns the end of the section data."""
    offset = headers_size
    loads = [s for s in segments if s.type == elf.PT_LOAD]
    placed: set[int] = set()
    for index, segment in enumerate(loads):
        first = segment.sections[0]
        if index == 0 and first.address % page_size >= headers_size and \
                first.address - first.address % page_size + headers_size <= first.address:
            segment.includes_headers = True
            segment.offset = 0
            segment.vaddr = first.address - first.address % page_size
            segment.paddr = first.lma - first.address % page_size
            offset = first.address % page_size
        else:
            offset += (first.address - offset) % page_size
            segment.offset = offset
            segment.vaddr = first.address
            segment.paddr = first.lma
        for section in segment.sections:
            if section.is_tbss:
                section.file_offset = segment.offset + (section.address - segment.vaddr) \
                    if section.address >= segment.vaddr else offset
                placed.add(id(section))
                continue
            section.file_offset = segment.offset + (section.address - segment.vaddr)
            placed.add(id(section))
        with_bits = [s for s in segment.sections if not s.is_nobits]
        end_bits = max((s.file_offset + s.size for s in with_bits), default=segment.offset)
        if segment.includes_headers:
            end_bits = max(end_bits, headers_size)
        memory = [s for s in segment.sections if not s.is_tbss]
        end_memory = max(s.address + s.size for s in memory)
        segment.filesz = end_bits - segment.offset
        segment.memsz = end_memory - segment.vaddr
        offset = max(offset, end_bits)
    for section in sections:
        if id(section) in placed:
            continue
        if section.is_nobits:
            section.file_offset = offset
            continue
        offset = align_up(offset, section.alignment)
        section.file_offset = offset
        offset += section.size
    for segment in segments:
        if segment.type == elf.PT_RISCV_ATTRIBUTES:
            segment.offset = segment.sections[0].file_offset
            segment.filesz = segment.sections[0].size
            continue
        if segment.type in (elf.PT_NOTE, elf.PT_TLS, elf.PT_GNU_PROPERTY) and segment.sections:
            first, last = segment.sections[0], segment.sections[-1]
            segment.offset = first.file_offset
            segment.vaddr = first.address
            segment.paddr = first.lma
            bits = [s for s in segment.sections if not s.is_nobits]
            segment.filesz = (bits[-1].file_offset + bits[-1].size - first.file_offset) \
                if bits else 0
            segment.memsz = last.address + last.size - first.address
    return offset


def pack_program_headers(segments: list[Segment], is64: bool) -> bytes:
    out = bytearray()
    for s in segments:
        if is64:
            out += elf.PHDR64.pack(s.type, s.flags, s.offset, s.vaddr, s.paddr, s.filesz,
                                   s.memsz, s.align)
        else:
            out += elf.PHDR32.pack(s.type, s.offset, s.vaddr, s.paddr, s.filesz, s.memsz,
                                   s.flags, s.align)
    return bytes(out)


def elf_header(*, is64: bool, machine: int, e_type: int, entry: int, phoff: int, phnum: int,
               shoff: int, shnum: int, shstrndx: int, flags: int = 0) -> bytes:
    ident = elf.ELFMAG + bytes([elf.ELFCLASS64 if is64 else elf.ELFCLASS32, elf.ELFDATA2LSB,
                                elf.EV_CURRENT, elf.ELFOSABI_NONE]) + bytes(8)
    if is64:
        return elf.EHDR64.pack(ident, e_type, machine, elf.EV_CURRENT, entry, phoff, shoff,
                               flags, elf.EHDR64.size, elf.PHDR64.size if phnum else 0, phnum,
                               elf.SHDR64.size, shnum, shstrndx)
    return elf.EHDR32.pack(ident, e_type, machine, elf.EV_CURRENT, entry, phoff, shoff, flags,
                           elf.EHDR32.size, elf.PHDR32.size if phnum else 0, phnum,
                           elf.SHDR32.size, shnum, shstrndx)


def flat_binary(sections: list[OutputSection], image: bytes) -> bytes:
    """``--oformat=binary``: the loadable bytes from the lowest load address on.

    Sections are placed at their load address minus the lowest one; gaps are
    zero, and sections without bits (bss) are not written, as with GNU ld.
    """
    loaded = [s for s in sections if s.is_alloc and not s.is_nobits and s.size]
    if not loaded:
        return b""
    base = min(s.lma for s in loaded)
    end = max(s.lma + s.size for s in loaded)
    out = bytearray(end - base)
    for section in loaded:
        start = section.lma - base
        out[start:start + section.size] = image[section.file_offset:
                                                section.file_offset + section.size]
    return bytes(out)


def pack_section_header(is64: bool, name: int, type: int, flags: int, addr: int, offset: int,
                        size: int, link: int, info: int, align: int, entsize: int) -> bytes:
    layout = elf.SHDR64 if is64 else elf.SHDR32
    return layout.pack(name, type, flags, addr, offset, size, link, info, align, entsize)


__all__ = ["build_segments", "assign_offsets", "pack_program_headers", "elf_header",
           "flat_binary", "pack_section_header", "struct"]

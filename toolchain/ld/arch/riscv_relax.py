"""RISC-V linker relaxation: calls that reach their target with one ``jal``.

``call f`` is ``auipc ra, %pcrel_hi(f); jalr ra, %pcrel_lo(f)(ra)`` (8 bytes,
±2 GiB) with R_RISCV_CALL_PLT and R_RISCV_RELAX at the auipc.  The RELAX
mark lets the linker (psABI "Linker Relaxation") replace the pair by ``jal
ra, f`` (4 bytes, ±1 MiB) when f is that close, deleting the jalr; ``tail
f`` (rd = x0) becomes ``j f``.  Deleting bytes moves everything after them,
which is why the assembler keeps every PC-relative difference in a relaxable
section symbolic (label pairs, R_RISCV_ALIGN padding).

The decision is made once, after placement and before addresses exist, on
offsets inside the output section: input sections laid end to end at their
alignment, the ALIGN padding still whole.  Later deletions (other calls,
the ALIGN trimming that follows) only shorten distances inside a section;
what can lengthen one is the padding between input sections, at most
alignment - 1 bytes each, so a call is relaxed only when its distance plus
that sum over the whole output section still fits ``jal``.  Calls to other
output sections, to IFUNCs (their IPLT entry) and to undefined weak symbols
keep their auipc+jalr.  GNU ld relaxes more (gp-relative loads, TLS
local-exec, ``c.j``); pld does only this one.
"""

from __future__ import annotations

import struct

from ...common import elf
from .riscv_align import delete_ranges

JAL = 0x6F
CALL_TYPES = (elf.R_RISCV_CALL, elf.R_RISCV_CALL_PLT)
JAL_LIMIT = (1 << 20) - 2            # largest forward jal offset


def _alignment(section) -> int:
    """The section's alignment once ALIGN trimming has raised it (riscv_align)."""
    alignment = section.alignment
    for relocation in section.relocations:
        if relocation.type == elf.R_RISCV_ALIGN:
            needed = 1
            while needed <= relocation.addend:
                needed *= 2
            alignment = max(alignment, needed)
    return alignment


def relax_calls(output_inputs: list[list]) -> int:
    """Relax the calls in each output section's list of input sections; returns how
    many became ``jal``."""
    relaxed = 0
    for inputs in output_inputs:
        offsets: dict[int, int] = {}
        at = margin = 0
        for section in inputs:
            alignment = _alignment(section)
            at = (at + alignment - 1) // alignment * alignment
            offsets[id(section)] = at
            at += section.size
            margin += alignment - 1
        for section in inputs:
            if section.data is not None and section.file is not None and \
                    section.flags & elf.SHF_EXECINSTR:
                relaxed += _relax_section(section, offsets, margin)
    return relaxed


def _relax_section(section, offsets: dict[int, int], margin: int) -> int:
    relocations = section.relocations
    marked = {r.offset for r in relocations if r.type == elf.R_RISCV_RELAX}
    here = offsets[id(section)]
    data = None
    holes = []
    for relocation in relocations:
        if relocation.type not in CALL_TYPES or relocation.offset not in marked:
            continue
        symbol = relocation.symbol
        target = symbol.section
        if not symbol.defined or symbol.is_ifunc or target is None or \
                id(target) not in offsets or target.merged_into is not None:
            continue
        distance = offsets[id(target)] + symbol.value + relocation.addend - \
            (here + relocation.offset)
        if abs(distance) + margin > JAL_LIMIT or distance & 1:
            continue
        if data is None:
            data = bytearray(section.data)
        offset = relocation.offset
        jalr = struct.unpack_from("<I", data, offset + 4)[0]
        if jalr & 0x707F != 0x67:                        # not a jalr: leave it alone
            continue
        rd = (jalr >> 7) & 0x1F
        struct.pack_into("<I", data, offset, JAL | rd << 7)
        relocation.type = elf.R_RISCV_JAL
        holes.append((offset + 4, 4))
    if not holes:
        return 0
    section.data = bytes(data)
    holes.sort()
    delete_ranges(section.file, section, holes)
    return len(holes)

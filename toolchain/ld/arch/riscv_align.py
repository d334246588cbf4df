"""RISC-V: trimming the NOP padding that R_RISCV_ALIGN marks, before layout.

With linker relaxation on (GCC's default), the assembler cannot know how far
code will move, so for ``.align`` in code it emits the worst case -- N bytes
of NOPs, N = alignment - 2 with compressed instructions -- and an
R_RISCV_ALIGN relocation whose addend is N.  The psABI makes the linker
delete the NOPs that are not needed to reach the alignment, relaxation or
not.

Padding is kept to the alignment of its own offset in the section, and the
input section is given at least that alignment, so what is deleted does not
depend on where layout puts the section: this pass runs once, on the input
sections, before anything is placed (as GNU ld would for a section at an
aligned address).  Deleting bytes moves what follows: the section's later
relocations, and every symbol defined in the section after the hole (its
size too, when the hole is inside it).  References from other sections go
through those symbols -- the assembler keeps local labels for them when
relaxing -- so they follow.
"""

from __future__ import annotations

import bisect

from ...common import elf
from ...common.diagnostics import ToolchainError

NOP = (0x00000013).to_bytes(4, "little")          # addi x0, x0, 0
C_NOP = (0x0001).to_bytes(2, "little")


def trim_alignment_padding(files) -> None:
    """Delete the unneeded padding in every section of ``files`` that has R_RISCV_ALIGN."""
    for obj in files:
        for section in obj.sections:
            if section is not None and section.data is not None and \
                    any(r.type == elf.R_RISCV_ALIGN for r in section.relocations):
                _trim_section(obj, section)


def _trim_section(obj, section) -> None:
    data = bytearray(section.data)
    holes: list[tuple[int, int]] = []                # (offset, bytes deleted), original offsets
    deleted = 0
    for relocation in section.relocations:
        if relocation.type != elf.R_RISCV_ALIGN:
            continue
        padding = relocation.addend
        alignment = 1
        while alignment <= padding:
            alignment *= 2
        start = relocation.offset
        needed = (-(start - deleted)) % alignment
        if needed > padding or start + padding > len(data):
            raise ToolchainError(f"{obj.display}:({section.name}+{start:#x}): cannot satisfy "
                                 f"the alignment {alignment} with {padding} bytes of "
                                 f"R_RISCV_ALIGN padding")
        section.alignment = max(section.alignment, alignment)
        kept = NOP * (needed // 4) + C_NOP * (needed % 4 // 2)
        if len(kept) != needed:
            raise ToolchainError(f"{obj.display}:({section.name}+{start:#x}): R_RISCV_ALIGN "
                                 f"padding of odd length")
        data[start:start + needed] = kept
        if padding > needed:
            holes.append((start + needed, padding - needed))
            deleted += padding - needed
    section.data = bytes(data)
    section.relocations = [r for r in section.relocations if r.type != elf.R_RISCV_ALIGN]
    delete_ranges(obj, section, holes)


def delete_ranges(obj, section, holes: list[tuple[int, int]]) -> None:
    """Remove ``(offset, count)`` byte ranges (sorted, not overlapping) from ``section``,
    moving its later relocations and the symbols defined after each hole."""
    if not holes:
        return
    ends = []
    total = 0
    for hole, count in holes:
        total += count
        ends.append((hole + count, total))
    end_offsets = [end for end, _ in ends]

    def moved(offset: int) -> int:
        """Where ``offset`` lands once the holes before it are gone (a place inside a
        hole lands at the hole's start)."""
        index = bisect.bisect_right(end_offsets, offset)
        shift = ends[index - 1][1] if index else 0
        if index < len(holes) and holes[index][0] < offset:
            offset = holes[index][0]
        return offset - shift

    data = section.data
    out = bytearray()
    at = 0
    for hole, count in holes:
        out += data[at:hole]
        at = hole + count
    out += data[at:]
    section.data = bytes(out)
    section.size = len(out)
    for relocation in section.relocations:
        relocation.offset = moved(relocation.offset)
    seen: set[int] = set()
    for symbol in obj.symbols:
        if symbol is None or symbol.section is not section or id(symbol) in seen:
            continue
        seen.add(id(symbol))
        end = symbol.value + symbol.size
        symbol.value = moved(symbol.value)
        if symbol.size:
            symbol.size = moved(end) - symbol.value

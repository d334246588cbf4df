"""Merging SHF_MERGE sections: one copy of each string or constant.

GCC puts string literals in ``.rodata.str1.1`` (SHF_MERGE|SHF_STRINGS,
entsize 1) and floating constants in ``.rodata.cst8`` (SHF_MERGE, entsize
8), so the linker can keep a single copy of each across the whole program
(gABI: "the linker may merge identical entries").  The inputs of one output
section that share flags, entsize and alignment are cut into pieces --
NUL-terminated strings, or entsize-sized constants -- and each distinct
piece is stored once in a synthetic section that takes their place.  Every
original section keeps a map from its piece offsets to offsets in the
merged section, so symbols and relocations that point into it still land
on the right bytes.
"""

from __future__ import annotations

from bisect import bisect_right

from ..common import elf
from .inputs import InputSection
from .outputs import OutputSection


def _pieces(section: InputSection) -> list[tuple[int, bytes]]:
    data = bytes(section.data)
    size = section.entsize
    pieces = []
    if section.flags & elf.SHF_STRINGS:
        terminator = bytes(size)
        start = 0
        while start < len(data):
            end = start
            while end + size <= len(data) and data[end:end + size] != terminator:
                end += size
            end = min(end + size, len(data))
            pieces.append((start, data[start:end]))
            start = end
    else:
        for start in range(0, len(data), size):
            pieces.append((start, data[start:start + size]))
    return pieces


def mergeable(section: InputSection) -> bool:
    return (bool(section.flags & elf.SHF_MERGE) and section.entsize > 0
            and section.data is not None and not section.relocations
            and section.size % section.entsize == 0 and section.file is not None)


def merge_output_section(output: OutputSection) -> dict[int, InputSection | None]:
    """Replace the mergeable inputs of ``output`` by one synthetic section per kind.

    Returns what replaced each merged input (by id): the synthetic section for
    the first of a kind, None for the others -- for the caller's own lists.
    """
    groups: dict[tuple[int, int, int], list[InputSection]] = {}
    for section in output.inputs:
        if mergeable(section):
            key = (section.flags & (elf.SHF_MERGE | elf.SHF_STRINGS), section.entsize,
                   section.alignment)
            groups.setdefault(key, []).append(section)
    if not groups:
        return {}
    replaced: dict[int, InputSection | None] = {}
    for (flags, entsize, alignment), members in groups.items():
        first = members[0]
        merged = InputSection(None, 0, first.name, first.type, first.flags, alignment, 0,
                              b"", entsize)
        data = bytearray()
        offsets: dict[bytes, int] = {}
        for section in members:
            starts, targets = [], []
            for start, piece in _pieces(section):
                where = offsets.get(piece)
                if where is None:
                    where = offsets[piece] = len(data)
                    data.extend(piece)
                starts.append(start)
                targets.append(where)
            section.merge_map = (starts, targets)
            section.merged_into = merged
            section.output_section = output
            replaced[id(section)] = None
        replaced[id(first)] = merged
        merged.data = bytes(data)
        merged.size = len(data)
        merged.output_section = output
    output.inputs = replace_merged(output.inputs, replaced)
    return replaced


def replace_merged(sections: list[InputSection], replaced: dict[int, InputSection | None]
                   ) -> list[InputSection]:
    result = []
    for section in sections:
        section = replaced.get(id(section), section) if id(section) in replaced else section
        if section is not None:
            result.append(section)
    return result


def translate(section: InputSection, offset: int) -> int:
    """The offset in the merged section of byte ``offset`` of ``section``."""
    starts, targets = section.merge_map
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return offset
    return targets[index] + (offset - starts[index])

"""Merging ``.note.gnu.property``: one program property note for the output.

Each object may carry one NT_GNU_PROPERTY_TYPE_0 note listing properties
(the x86-64 and i386 psABIs, "Program Property"; the Linux gABI extension
document): pairs of (type, value) sorted by type.  An executable may carry
only one such note, so the linker combines the inputs' as the ranges of the
property type say:

* ``..._UINT32_AND`` types (0xc0000002-0xc0007fff on x86, e.g. IBT/SHSTK
  in X86_FEATURE_1_AND; 0xc0000000 on AArch64): the bitwise AND over all
  inputs -- an input without the property counts as 0;
* ``..._UINT32_OR`` types (0xc0008000-0xc000ffff, e.g. X86_ISA_1_NEEDED;
  GNU_PROPERTY_1_NEEDED 0xb0008000-0xb000ffff): the bitwise OR;
* ``..._UINT32_OR_AND`` types (0xc0010000-0xc0017fff): the OR, kept only if
  every input has the property.

Other types are dropped.  The merged note replaces the inputs' sections.
"""

from __future__ import annotations

import struct

from ..common import elf
from .inputs import InputSection

NT_GNU_PROPERTY_TYPE_0 = 5


def _kind(type: int) -> str | None:
    if 0xC0000000 <= type <= 0xC0007FFF:
        return "and"
    if 0xC0008000 <= type <= 0xC000FFFF or 0xB0008000 <= type <= 0xB000FFFF:
        return "or"
    if 0xC0010000 <= type <= 0xC0017FFF:
        return "or_and"
    return None


def _properties(section: InputSection, word: int) -> dict[int, int] | None:
    """The 4-byte properties of one input's note; None when it is not a property note."""
    data = bytes(section.data or b"")
    found: dict[int, int] = {}
    offset = 0
    seen = False
    while offset + 12 <= len(data):
        namesz, descsz, note_type = struct.unpack_from("<III", data, offset)
        name_end = offset + 12 + ((namesz + 3) & ~3)
        name = data[offset + 12:offset + 12 + namesz]
        if note_type == NT_GNU_PROPERTY_TYPE_0 and name == b"GNU\0":
            seen = True
            position, end = name_end, name_end + descsz
            while position + 8 <= end:
                pr_type, pr_size = struct.unpack_from("<II", data, position)
                if pr_size == 4:
                    found[pr_type] = struct.unpack_from("<I", data, position + 8)[0]
                position += 8 + ((pr_size + word - 1) & ~(word - 1))
        offset = name_end + ((descsz + word - 1) & ~(word - 1))
    return found if seen else None


def merge_property_notes(sections: list[InputSection], word: int) -> InputSection | None:
    """Mark the inputs' property notes discarded and return the merged one (or None)."""
    notes = [s for s in sections if s.name == ".note.gnu.property" and s.file is not None
             and not s.discarded]
    if not notes:
        return None
    tables = []
    for note in notes:
        table = _properties(note, word)
        tables.append(table if table is not None else {})
        note.discarded = True
    objects = {id(s.file) for s in sections if s.file is not None and s.is_alloc}
    with_note = {id(n.file) for n in notes}
    if objects - with_note:
        tables.append({})                  # an object without the note has none of them
    merged: dict[int, int] = {}
    for type in sorted({t for table in tables for t in table}):
        kind = _kind(type)
        values = [table.get(type) for table in tables]
        if kind == "and":
            value = 0xFFFFFFFF
            for v in values:
                value &= v or 0
            if value:
                merged[type] = value
        elif kind == "or":
            value = 0
            for v in values:
                value |= v or 0
            merged[type] = value
        elif kind == "or_and" and all(v is not None for v in values):
            value = 0
            for v in values:
                value |= v
            merged[type] = value
    if not merged:
        return None
    descriptor = b"".join(struct.pack("<III", t, 4, v) + bytes((-12) % word)
                          for t, v in merged.items())
    data = struct.pack("<III", 4, len(descriptor), NT_GNU_PROPERTY_TYPE_0) + b"GNU\0" + \
        descriptor
    return InputSection(None, 0, ".note.gnu.property", elf.SHT_NOTE, elf.SHF_ALLOC, word,
                        len(data), data)

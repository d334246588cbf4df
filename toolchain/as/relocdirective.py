""".reloc offset, TYPE[, expression]: a relocation written by hand.

GNU as (read.c s_reloc, write.c resolve_reloc_expr_symbols and
write_relocs) keeps these apart from the fixups: once layout is done each
becomes one relocation in the section its offset points into (the current
section for a plain number), against the expression's symbol -- or its
section symbol plus the symbol's offset when the symbol is an assembler-local
label (``.L...``) -- and goes into that section's relocation list before the first fixup
relocation at a higher address.  On REL targets (i386) the addend is
written into the field, whose size the relocation's name gives.  TYPE is a
psABI name (``R_X86_64_NONE``) or one of BFD's generic names
(``BFD_RELOC_NONE``, ``BFD_RELOC_32``, ``BFD_RELOC_64_PCREL``...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..common import elf
from ..common.diagnostics import SourceLocation
from .expr import Expr
from .symbols import LABEL, EvalError, Evaluator, label_address, section_name

if TYPE_CHECKING:
    from .layout import Relocation
    from .sections import Section

# BFD's generic names: (field size, pc-relative); size 0 is *_NONE.
_BFD_RELOCS: dict[str, tuple[int, bool]] = {
    "BFD_RELOC_NONE": (0, False), "BFD_RELOC_8": (1, False), "BFD_RELOC_16": (2, False),
    "BFD_RELOC_32": (4, False), "BFD_RELOC_64": (8, False), "BFD_RELOC_8_PCREL": (1, True),
    "BFD_RELOC_16_PCREL": (2, True), "BFD_RELOC_32_PCREL": (4, True),
    "BFD_RELOC_64_PCREL": (8, True),
}
_PREFIXES = {elf.EM_X86_64: "R_X86_64_", elf.EM_386: "R_386_"}


@dataclass
class RelocDirective:
    section: "Section"            # the current section at the directive
    offset: Expr                  # bound
    name: str
    value: Expr | None            # bound
    location: SourceLocation | None


def relocation_name(machine: int, name: str) -> str | None:
    """The psABI name for a .reloc type name, or None if unknown."""
    numbers = elf.RELOC_NUMBERS.get(machine, {})
    if name in numbers:
        return name
    generic = _BFD_RELOCS.get(name.upper())
    prefix = _PREFIXES.get(machine)
    if generic is None or prefix is None:
        return None
    size, pcrel = generic
    if size == 0:
        return prefix + "NONE"
    candidate = prefix + ("PC" if pcrel else "") + str(8 * size)
    return candidate if candidate in numbers else None


def is_pcrel_name(name: str) -> bool:
    """R_386_PC32, R_X86_64_PC64, BFD_RELOC_32_PCREL...: a pc-relative type."""
    return "_PC" in name.upper() and "GOTPC" not in name.upper() or name.upper().endswith("PCREL")


def field_size(name: str) -> int:
    """Bytes the relocation patches (for writing a REL addend).  Markers that only
    tag an instruction for the linker (R_386_TLS_DESC_CALL) patch none."""
    if name.endswith(("NONE", "DESC_CALL")):
        return 0
    for bits, size in (("64", 8), ("16", 2), ("8", 1)):
        if name.endswith(bits):
            return size
    return 4


def resolve_reloc(d: RelocDirective, machine: int, rela: bool, final: Evaluator,
                  error) -> tuple["Section", "Relocation"] | None:
    """The section and relocation of one .reloc after layout (None after an error)."""
    from .layout import Relocation
    try:
        add, sub, offset = final.value(d.offset)
    except EvalError as exc:
        error(exc.args[0], d.location)
        return None
    section = d.section
    if sub is not None or (add is not None and add.kind != LABEL):
        error("invalid offset expression", d.location)
        return None
    if add is not None:
        section = add.section  # type: ignore[assignment]
        offset += label_address(add)
    kind = relocation_name(machine, d.name)
    assert kind is not None    # checked at the directive
    symbol, target_section, addend = None, None, 0
    if d.value is not None:
        try:
            add, sub, addend = final.value(d.value)
        except EvalError as exc:
            error(exc.args[0], d.location)
            return None
        if sub is not None:
            error(f"invalid operands ({section_name(add)} and {section_name(sub)} sections) "
                  "for `-'", d.location)
            return None
        if add is not None:
            symbol = add
            # write.c: only assembler-local labels (S_IS_LOCAL: .L...) move to the
            # section symbol.
            local = add.kind == LABEL and not add.external and add.is_local_label
            mergeable = add.section is not None and add.section.flags & elf.SHF_MERGE
            tls = add.section is not None and add.section.flags & elf.SHF_TLS
            pcrel = is_pcrel_name(kind)
            if local and (rela or not pcrel) and not (mergeable and addend) and not tls:
                addend += label_address(add)
                symbol, target_section = None, add.section
                target_section.used_in_reloc = True  # type: ignore[union-attr]
            else:
                add.used_in_reloc = True
    number = elf.RELOC_NUMBERS[machine][kind]
    return section, Relocation(offset, number, symbol, target_section, addend)

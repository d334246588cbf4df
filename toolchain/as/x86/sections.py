"""x86-64's special ELF sections: the large-model data and code of the
medium and large code models (SHF_X86_64_LARGE), from BFD's
elf_x86_64_special_sections (bfd/elf64-x86-64.c).  The x86-64 psABI,
section 3.5.6 ("Large Models") and 4.2.1 ("Special Sections"):
https://gitlab.com/x86-psABIs/x86-64-ABI
"""

from __future__ import annotations

from ...common import elf
from ..sections import SpecialSection

_AW = elf.SHF_ALLOC | elf.SHF_WRITE
_AX = elf.SHF_ALLOC | elf.SHF_EXECINSTR

X86_64_SPECIAL_SECTIONS: tuple[SpecialSection, ...] = (
    (".gnu.linkonce.lb", -2, elf.SHT_NOBITS, _AW | elf.SHF_X86_64_LARGE),
    (".gnu.linkonce.lr", -2, elf.SHT_PROGBITS, elf.SHF_ALLOC | elf.SHF_X86_64_LARGE),
    (".gnu.linkonce.lt", -2, elf.SHT_PROGBITS, _AX | elf.SHF_X86_64_LARGE),
    (".lbss", -2, elf.SHT_NOBITS, _AW | elf.SHF_X86_64_LARGE),
    (".ldata", -2, elf.SHT_PROGBITS, _AW | elf.SHF_X86_64_LARGE),
    (".lrodata", -2, elf.SHT_PROGBITS, elf.SHF_ALLOC | elf.SHF_X86_64_LARGE),
)

"""Output sections and segments: what the linker writes.

An :class:`OutputSection` is a named run of input sections (and of data a
script writes with ``BYTE``/``LONG``...) with an address, a load address and
a file offset.  Its type and flags are the union of what went in: it is
NOBITS only if every piece is, writable if any piece is.  A
:class:`Segment` is one program header; layout fills them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..common import elf

if TYPE_CHECKING:
    from .inputs import InputSection


@dataclass
class ScriptData:
    """Bytes a script statement puts in a section (BYTE, LONG, FILL gaps ...)."""

    offset: int
    data: bytes


class OutputSection:
    def __init__(self, name: str, type: int = elf.SHT_PROGBITS, flags: int = 0):
        self.name = name
        self.type = type
        self.flags = flags
        self.address = 0
        self.load_address: int | None = None     # None: same as address
        self.size = 0
        self.alignment = 1
        self.entsize = 0
        self.file_offset = 0
        self.inputs: list[InputSection] = []
        self.script_data: list[ScriptData] = []
        self.fill: bytes | None = None
        self.index = 0                            # section header index in the output
        self.link = 0
        self.info = 0
        self.has_inputs = False                   # any input or data placed (even empty)
        self.keep_empty = False                   # a script assigns symbols in it / sets '.'
        self.noload = False
        self.phdr_names: list[str] = []
        self.region = None
        self.load_region = None

    @property
    def lma(self) -> int:
        return self.address if self.load_address is None else self.load_address

    @property
    def is_alloc(self) -> bool:
        return bool(self.flags & elf.SHF_ALLOC)

    @property
    def is_nobits(self) -> bool:
        return self.type == elf.SHT_NOBITS

    @property
    def is_tbss(self) -> bool:
        return self.type == elf.SHT_NOBITS and bool(self.flags & elf.SHF_TLS)

    def add_input(self, section: InputSection) -> None:
        """Take the section's type and flags into this section's."""
        if not self.has_inputs:
            self.type = section.type
            self.entsize = section.entsize
        elif self.type == elf.SHT_NOBITS:
            self.type = section.type            # bits in a bss section make it PROGBITS
        elif section.type not in (self.type, elf.SHT_NOBITS):
            self.type = elf.SHT_PROGBITS
        if section.entsize != self.entsize:
            self.entsize = 0
        self.flags |= section.flags & ~(elf.SHF_GROUP | elf.SHF_MERGE | elf.SHF_STRINGS
                                         | elf.SHF_INFO_LINK | elf.SHF_LINK_ORDER)
        self.alignment = max(self.alignment, section.alignment)
        self.inputs.append(section)
        section.output_section = self
        self.has_inputs = True

    def __repr__(self) -> str:
        return f"<OutputSection {self.name} {self.address:#x}+{self.size:#x}>"


@dataclass
class Segment:
    """One program header."""

    type: int
    flags: int
    sections: list[OutputSection] = field(default_factory=list)
    offset: int = 0
    vaddr: int = 0
    paddr: int = 0
    filesz: int = 0
    memsz: int = 0
    align: int = 1
    includes_headers: bool = False

"""``--gc-sections``: drop the allocated sections nothing reaches.

A mark phase from the roots GNU ld uses -- the entry symbol, symbols named
by ``-u``/``--require-defined``, sections matched inside ``KEEP()`` (the
default script keeps ``.init``, ``.fini``, the constructor arrays and
``.eh_frame``), sections with SHF_GNU_RETAIN, every non-allocated section,
and ``.note*`` sections -- following relocations to the sections of the
symbols they name.  ``.eh_frame`` is kept but does not make the functions it
describes live; their FDEs then point at address 0.
"""

from __future__ import annotations

from ..common import elf
from ..common.diagnostics import Diagnostics
from .inputs import InputSection
from .symbols import SymbolTable


def collect_garbage(sections: list[InputSection], kept: set[int], symtab: SymbolTable,
                    root_names: list[str], report: Diagnostics | None) -> None:
    stack: list[InputSection] = []

    def mark(section: InputSection | None) -> None:
        if section is not None and not section.live:
            section.live = True
            stack.append(section)

    for section in sections:
        section.live = False
    for section in sections:
        root = (id(section) in kept or not section.is_alloc or section.file is None
                or section.flags & elf.SHF_GNU_RETAIN or section.type == elf.SHT_NOTE
                or section.type in (elf.SHT_INIT_ARRAY, elf.SHT_FINI_ARRAY,
                                    elf.SHT_PREINIT_ARRAY)
                or section.name.startswith(".ctors") or section.name.startswith(".dtors"))
        if root and section.name != ".eh_frame":
            mark(section)
    for name in root_names:
        symbol = symtab.get(name)
        if symbol is not None:
            mark(symbol.section)
    for symbol in symtab:
        if symbol.script_defined or symbol.visibility == elf.STV_DEFAULT and symbol.exported:
            mark(symbol.section)
    while stack:
        section = stack.pop()
        for relocation in section.relocations:
            mark(relocation.symbol.section)
    for section in sections:
        if section.name == ".eh_frame" and section.file is not None:
            section.live = True
    if report is not None:
        for section in sections:
            if not section.live and section.file is not None:
                report.note(f"removing unused section '{section.name}' in file "
                            f"'{section.file.display}'")

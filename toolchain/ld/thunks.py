"""Range-extension thunks: branches whose target is beyond the instruction's reach.

AArch64's ``bl``/``b`` (R_AARCH64_CALL26/JUMP26) reach +-128 MiB.  When
a target is farther -- code placed far apart by a linker script, or a
huge text -- the psABI lets the linker route the branch through a small
stub that can reach anywhere (AAELF64 "Call and Jump relocations": a
*veneer*, which may clobber IP0/IP1, x16/x17).  GNU ld calls them veneers
and names them ``__foo_veneer``; lld calls them thunks.

The generic part lives here, as in lld: the architecture says which
relocation types are branches with a limited range (``Arch.branch_range``)
and writes one thunk (``Arch.write_thunk``, ``Arch.thunk_size`` bytes).
After layout, every such relocation whose target is out of range gets a
thunk for its (symbol, addend) in a thunk section at the end of the
caller's output section, shared by every caller there.  Adding thunks
moves what follows, so layout runs again and the branches are checked
again, until no new thunk is needed.  At apply time the branch takes the
thunk's address as S (and A = 0).

Unlike GNU ld, pld does not put a branch over the thunks at the start of
the thunk section (nothing falls through into it: it ends its output
section's code) nor pad each thunk to 16 bytes; the bytes of a thunk are
GNU ld's (``adrp x16; add x16; br x16``).
"""

from __future__ import annotations

from ..common import elf
from .arch import Arch, RelocationError
from .inputs import InputSection
from .outputs import OutputSection
from .placement import SectionPlan
from .symbols import Symbol

THUNK_SECTION = ".text.thunks"
MAX_ROUNDS = 8        # each round adds thunks only for branches newly out of range


class Thunk:
    __slots__ = ("section", "offset", "symbol", "addend")

    def __init__(self, section: InputSection, offset: int, symbol: Symbol, addend: int):
        self.section = section
        self.offset = offset
        self.symbol = symbol
        self.addend = addend

    @property
    def address(self) -> int:
        return self.section.address + self.offset

    @property
    def name(self) -> str:
        """GNU ld's name for the veneer: ``__foo_veneer`` (with ``+addend`` if any)."""
        suffix = f"+{self.addend:#x}" if self.addend else ""
        return f"__{self.symbol.name}{suffix}_veneer"


class Thunks:
    """The thunks of one link and which branches go through them."""

    def __init__(self, arch: Arch, plan: list, target_address):
        self.arch = arch
        self.plan = plan
        self.target_address = target_address      # Symbol -> its address (S) now
        self.sections: dict[int, InputSection] = {}   # id(output) -> its thunk section
        self.thunks: dict[tuple[int, int, int], Thunk] = {}  # (id(output), id(symbol), A)
        self.redirects: dict[tuple[int, int], Thunk] = {}    # (id(section), offset) -> thunk

    def add_needed(self, outputs: list[OutputSection]) -> bool:
        """Give a thunk to every branch out of range; True if any thunk is new."""
        arch = self.arch
        added = False
        for output in outputs:
            for section in list(output.inputs):
                if section.file is None or not section.relocations:
                    continue
                for relocation in section.relocations:
                    reach = arch.branch_range(relocation.type)
                    if reach is None:
                        continue
                    key = (id(section), relocation.offset)
                    symbol = relocation.symbol
                    if key in self.redirects or not symbol.defined or \
                            symbol.section is not None and symbol.section.output_section is None:
                        continue
                    distance = self.target_address(symbol) + relocation.addend - \
                        section.address_of(relocation.offset)
                    if reach[0] <= distance <= reach[1]:
                        continue
                    self.redirects[key] = self._thunk(output, symbol, relocation.addend)
                    added = True
        return added

    def _thunk(self, output: OutputSection, symbol: Symbol, addend: int) -> Thunk:
        key = (id(output), id(symbol), addend)
        thunk = self.thunks.get(key)
        if thunk is None:
            section = self._section(output)
            thunk = self.thunks[key] = Thunk(section, section.size, symbol, addend)
            section.size += self.arch.thunk_size
            section.data = bytearray(section.size)
        return thunk

    def _section(self, output: OutputSection) -> InputSection:
        """The thunk section at the end of ``output``, made on first use."""
        section = self.sections.get(id(output))
        if section is None:
            section = InputSection(None, 0, THUNK_SECTION, elf.SHT_PROGBITS,
                                   elf.SHF_ALLOC | elf.SHF_EXECINSTR, 4, 0, bytearray())
            for item in self.plan:
                if isinstance(item, SectionPlan) and item.output is output:
                    item.contents.append([section])
                    break
            output.add_input(section)
            self.sections[id(output)] = section
        return section

    def write(self) -> list[tuple[Thunk, str]]:
        """Fill in each thunk's bytes (final addresses); the ones that cannot reach their
        target, with the reason."""
        failed = []
        for thunk in self.thunks.values():
            target = self.target_address(thunk.symbol) + thunk.addend
            try:
                self.arch.write_thunk(thunk.section.data, thunk.offset, thunk.address, target)
            except RelocationError as exc:
                failed.append((thunk, exc.message))
        return failed

    def addresses(self) -> dict[tuple[int, int], int]:
        """(id(section), offset) of each redirected branch -> its thunk's address."""
        return {key: thunk.address for key, thunk in self.redirects.items()}

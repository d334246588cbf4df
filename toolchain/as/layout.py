"""Layout: addresses, branch relaxation, section contents and fixup resolution.

This follows GNU as's write.c step by step, because identical output needs
identical decisions:

1. ``relax_segment`` for every section, repeated until no fragment moves.
   A relaxable branch whose target is not a label of its own section (or is
   weak, an ifunc, or global with ``@PLT``) is long from the start and gets a
   relocation (tc-i386.c md_estimate_size_before_relax); the others start
   short and grow when out of reach, with GNU as's "stretch" estimate for
   targets not yet visited in the pass (write.c relax_frag).
2. The bytes of every fragment, padding and nops included.
3. Fixups, in GNU as's order (each subsection's in emission order, then the
   ones made for branches that were long from the start): resolved ones are
   packed into the bytes, the others become :class:`Relocation` records --
   against the section symbol with the offset folded into the addend when
   the symbol is local and the relocation "adjustable" (write.c
   adjust_reloc_syms, tc_i386_fix_adjustable), else against the symbol.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..common import elf
from ..common.diagnostics import SourceLocation, ToolchainError
from ..common.leb128 import leb128_bytes
from .relocdirective import field_size, is_pcrel_name, resolve_reloc
from .sections import (
    AlignFrag, DataFrag, FillFrag, Frag, LebFrag, OrgFrag, PendingFixup, RelaxFrag, Section,
    SpaceFrag,
)
from .symbols import (
    EQUATED, LABEL, UNDEFINED, EvalError, Evaluator, Ref, Symbol, label_address,
    section_name, specifier_of,
)

if TYPE_CHECKING:
    from .streamer import ObjectStreamer


@dataclass(slots=True)
class Relocation:
    """One relocation entry before symbol indices are known."""

    offset: int
    type: int
    symbol: Symbol | None         # None with section set: the section symbol
    section: Section | None       # None with symbol None: no symbol (index 0)
    addend: int


class Layout:
    """Runs layout and fixup resolution for one streamer."""

    def __init__(self, streamer: "ObjectStreamer"):
        self.s = streamer
        self.isa = streamer.isa
        self.diag = streamer.diagnostics
        self.machine = streamer.target.machine
        self.rela = streamer.target.uses_rela
        self.final = Evaluator(final=True)
        self.contents: dict[Section, bytearray] = {}
        self.sizes: dict[Section, int] = {}
        self.relocations: dict[Section, list[Relocation]] = {}
        self._last_addresses: dict[Section, list[int]] = {}
        self._align_reported: set[SourceLocation | None] = set()
        # ISAs whose branches take several sizes chosen by distance (RISC-V).
        self.branch_size = getattr(self.isa, "branch_size", None)
        self.marker = getattr(self.isa, "relocation_is_marker", None)
        self.difference = getattr(self.isa, "difference_relocations", None)

    def error(self, message: str, location: SourceLocation | None) -> None:
        self.diag.error(message, location)

    def run(self) -> None:
        sections = self.s.section_list
        for section in sections:
            section.join()
        self.relax(sections)
        self.resolve_equates()
        for section in sections:
            self.build(section)
        for section in sections:
            self.resolve(section)
        if self.s.reloc_directives:
            self.add_reloc_directives()

    def add_reloc_directives(self) -> None:
        """Merge the .reloc relocations into each section's list by address
        (write.c write_relocs), writing REL addends into the fields."""
        by_section: dict[Section, list[Relocation]] = {}
        for d in self.s.reloc_directives:
            got = resolve_reloc(d, self.machine, self.rela, self.final, self.error)
            if got is None:
                continue
            section, reloc = got
            if reloc.symbol is not None:
                self.s.symtab.place(reloc.symbol)
            by_section.setdefault(section, []).append(reloc)
            contents = self.contents.get(section)
            size = field_size(d.name) if not self.rela and contents is not None else 0
            if size and reloc.offset + size <= len(contents):  # type: ignore[arg-type]
                # bfd_install_relocation: a pc-relative REL field holds A - P.
                value = reloc.addend - (reloc.offset if is_pcrel_name(d.name) else 0)
                if reloc.symbol is not None and reloc.symbol.kind == LABEL:
                    value += label_address(reloc.symbol)
                field = (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
                contents[reloc.offset:reloc.offset + size] = field  # type: ignore[index]
        for section, extra in by_section.items():
            merged: list[Relocation] = []
            pending = iter(extra)
            nxt = next(pending, None)
            for reloc in self.relocations.get(section, []):
                while nxt is not None and nxt.offset < reloc.offset:
                    merged.append(nxt)
                    nxt = next(pending, None)
                merged.append(reloc)
            while nxt is not None:
                merged.append(nxt)
                nxt = next(pending, None)
            self.relocations[section] = merged

    def resolve_equates(self) -> None:
        """write.c resolve_symbol_value with finalize_syms: a symbol equated to a
        label plus a constant (``.set .LC3, .LC15+8`` before ``.LC15:``) becomes
        a label there, so a relocation names it -- not the label it was set
        to -- unless the relocation is adjusted to the section symbol (a local
        symbol in a merge section keeps its own name, as does a global one).
        A symbol equated to an undefined or common one stays equated: its
        relocations name that symbol (symbol_equated_reloc_p)."""
        for sym in self.s.symtab.all:
            if sym.kind != EQUATED or sym.weakref is not None:
                continue
            try:
                add, sub, const = self.final.value(sym.expr)  # type: ignore[arg-type]
            except EvalError:
                continue
            if add is not None and sub is None and add.kind == LABEL:
                if isinstance(sym.expr, Ref) and sym.expr.symbol is add:
                    # ``.set b, a`` read before ``a`` had its .type/.size: GNU as
                    # copies them when it resolves b (obj-elf copy_symbol_attributes).
                    if sym.type is None:
                        sym.type = add.type
                    if sym.size is None and sym.copied_size is None:
                        sym.copied_size = add
                sym.kind = LABEL
                sym.section, sym.frag, sym.offset = add.section, add.frag, add.offset + const

    # --- relaxation -----------------------------------------------------------
    def relax(self, sections: list[Section]) -> None:
        """write.c: relax every section until no fragment address changes."""
        pass_number = 0
        while True:
            changed = False
            for section in sections:
                if self.relax_section(section, pass_number):
                    changed = True
            pass_number += 1
            if not changed or pass_number > 100:
                break

    def relax_section(self, section: Section, pass_number: int) -> bool:
        """write.c relax_segment: one pass over a section's fragments.

        Only variable fragments (branches, alignments, .org, .space, .leb128)
        are visited in the repeated walks.  A fixed fragment moves with the
        variable one before it, its *leader*: the leader records the move
        in ``shift`` and its followers' addresses catch up only when they are
        read as a whole (``settle``), while a branch target in a fixed
        fragment is read as its address plus its leader's shift.  This is GNU
        as's algorithm, without touching every fixed fragment on every walk.
        """
        frags = section.frags
        address = 0
        region = 0
        variable: list[Frag] = []
        leader = _NO_LEADER
        for position, frag in enumerate(frags):
            frag.region = region
            frag.position = position
            frag.address = address
            if frag.fixed:
                frag.leader = leader
                if leader is not _NO_LEADER:
                    leader.followers.append(frag)
                address += frag.size
                continue
            frag.leader = _NO_LEADER
            frag.shift = 0
            frag.followers = []
            leader = frag
            variable.append(frag)
            if isinstance(frag, RelaxFrag):
                self.estimate(frag, section)
                address += frag.size
            elif isinstance(frag, AlignFrag):
                frag.size = frag.padding(address)
                if frag.fill is not None and len(frag.fill) > 1 and frag.location not in \
                        self._align_reported and frag.size != frag.padding(address, True):
                    self._align_reported.add(frag.location)
                    pad = frag.padding(address, True)
                    self.error(f"alignment padding ({pad} byte{'s' if pad != 1 else ''}) "
                               f"not a multiple of {len(frag.fill)}", frag.location)
                address += frag.size
                region += 1
            elif isinstance(frag, OrgFrag):
                if not frag.error:
                    frag.size = 0
                    region += 1
                address += frag.size
            elif isinstance(frag, LebFrag):
                # write.c: "Initial guess is always 1", at every pass.
                frag.size = 1
                address += 1
            else:  # SpaceFrag
                if not frag.dead:
                    frag.size = 0
                address += frag.size

        again = False
        iterations = len(frags)
        moved: list[Frag] = []           # leaders whose followers owe a shift
        while True:
            stretch = 0
            stretched = False
            for frag in variable:
                address = frag.address = frag.address + stretch
                growth = 0
                if isinstance(frag, RelaxFrag):
                    if self.branch_size is not None:
                        old = frag.size
                        self.size_branch(frag, section, address)
                        growth = frag.size - old
                    elif not frag.is_long:
                        # write.c relax_frag, inline: grow a short branch out of reach.
                        sym = frag.target_symbol
                        sym_frag = sym.frag
                        target = sym_frag.address + sym_frag.leader.shift + sym.offset \
                            + frag.target_offset
                        in_reach = False
                        if stretch and sym_frag.position > frag.position:   # not yet moved
                            if stretch < 0 or sym_frag.region == frag.region:
                                target += stretch
                            elif target < address + frag.field_offset:
                                in_reach = True
                        low, high = frag.reach
                        if not in_reach and not low <= target - address - frag.size <= high:
                            old = frag.size
                            self.grow(frag)
                            frag.size = len(frag.long.data)  # type: ignore[union-attr]
                            growth = frag.size - old
                elif isinstance(frag, AlignFrag):
                    if stretch:          # else it has not moved since its padding was set
                        new = frag.padding(address)
                        growth = new - frag.size
                        frag.size = new
                else:
                    # .org, .leb128 and .space evaluate expressions over addresses.
                    settle(moved)
                    if isinstance(frag, OrgFrag):
                        if not frag.error:
                            target = self.org_target(frag, section)
                            if target is not None:
                                if address > target:
                                    if pass_number < 2:
                                        again = True
                                    else:
                                        self.error("attempt to move .org backwards",
                                                   frag.location)
                                        frag.error = True
                                else:
                                    growth = target - address - frag.size
                                    frag.size = target - address
                    elif isinstance(frag, LebFrag):
                        new = len(leb128_bytes(self.leb_value(frag)[0], frag.signed))
                        growth = new - frag.size
                        frag.size = new
                    elif isinstance(frag, SpaceFrag):
                        if not frag.dead:
                            amount = self.space_amount(frag)
                            if amount is None:
                                frag.dead = True
                            elif amount < 0:
                                if pass_number < 2:
                                    again = True
                                else:
                                    self.diag.warning(
                                        ".space, .nops or .fill with negative value, ignored",
                                        frag.location)
                                    frag.dead = True
                            else:
                                growth = amount - frag.size
                                frag.size = amount
                if growth:
                    stretch += growth
                    stretched = True
                if stretch:
                    if not frag.shift:
                        moved.append(frag)
                    frag.shift += stretch
            iterations -= 1
            if not stretched or iterations <= 0:
                break
        settle(moved)

        addresses = [frag.address for frag in frags]
        changed = self._last_addresses.get(section) != addresses
        self._last_addresses[section] = addresses
        return again or changed

    def size_branch(self, frag: RelaxFrag, section: Section, address: int,
                    first: bool = False) -> None:
        """A branch of an ISA with several branch sizes: the size for the
        distance to its target at the current addresses (GNU as's
        md_relax_frag: targets not yet visited in this pass are read at
        their previous-pass address)."""
        if frag.long is None:
            frag.is_long = frag.forced = True
            frag.chosen_size = self.isa.initial_branch_size(frag.insn, frag.context)
            first = True
        displacement = None
        if self.resolvable_here(frag, section, plt_matters=False):
            add, _, const = self.final.value(frag.target)
            sym_frag = add.frag
            shift = 0 if first else sym_frag.leader.shift
            displacement = sym_frag.address + shift + add.offset + const - address
        size = self.branch_size(frag.insn, frag.context, displacement, frag.chosen_size)
        if frag.long is None or size != frag.chosen_size or first:
            try:
                frag.long = self.isa.encode(frag.insn, replace(frag.context, branch_size=size))
            except ToolchainError as exc:
                self.error(exc.message, exc.location or frag.location)
                frag.long = frag.short
        frag.chosen_size = size
        frag.size = len(frag.long.data)  # type: ignore[union-attr]

    def estimate(self, frag: RelaxFrag, section: Section) -> None:
        """md_estimate_size_before_relax: long with a relocation unless resolvable here."""
        if self.branch_size is not None:
            self.size_branch(frag, section, frag.address, first=True)
            return
        if not frag.is_long and not frag.forced:
            if self.resolvable_here(frag, section):
                add, _, const = self.final.value(frag.target)
                frag.target_symbol, frag.target_offset = add, const
                frag.reach = self.isa.short_branch_range(frag.insn, frag.context)
            else:
                frag.forced = True
                self.grow(frag)
        frag.size = len(frag.long.data) if frag.is_long else len(frag.short.data)  # type: ignore

    def grow(self, frag: RelaxFrag) -> None:
        frag.is_long = True
        if frag.long is None:
            try:
                frag.long = self.isa.encode(frag.insn, replace(frag.context, long_branch=True))
            except ToolchainError as exc:
                self.error(exc.message, exc.location or frag.location)
                frag.long = frag.short

    def resolvable_here(self, frag: RelaxFrag, section: Section, plt_matters: bool = True) -> bool:
        """tc-i386.c elf_symbol_resolved_in_segment_p, and the segment test before it."""
        try:
            add, sub, _ = self.final.value(frag.target)
        except EvalError:
            return False
        if sub is not None or add is None or add.kind != LABEL or add.section is not section:
            return False
        sym = _first_symbol(frag.target) or add
        if sym.binding == "weak":
            return False
        if not plt_matters:
            return True
        if sym.type == "gnu_indirect_function":
            return False
        if sym.binding == "global":
            if sym.visibility not in (None, "default"):
                return True
            return not frag.explicit_plt
        return True

    def org_target(self, frag: OrgFrag, section: Section) -> int | None:
        try:
            add, sub, const = self.final.value(frag.target)
        except EvalError as exc:
            self.error(exc.args[0], frag.location)
            frag.error = True
            return None
        if sub is not None or (add is not None and (add.kind != LABEL or add.section is not section)):
            self.error("cannot resolve .org target", frag.location)
            frag.error = True
            return None
        return const + (label_address(add) if add is not None else 0)

    def space_amount(self, frag: SpaceFrag) -> int | None:
        try:
            add, sub, const = self.final.value(frag.count)
        except EvalError:
            add = sub = None
            const = None
        if add is not None or sub is not None or const is None:
            self.error(".space, .nops or .fill specifies non-absolute value", frag.location)
            return None
        return const * frag.unit

    def leb_value(self, frag: LebFrag) -> tuple[int, str | None]:
        """The value of a symbolic LEB128 at the current addresses, as GNU as's
        S_GET_VALUE gives it (a label's offset in its section), and the error
        to report once layout is done."""
        try:
            add, sub, const = self.final.value(frag.value)
        except EvalError as exc:
            return 0, exc.args[0]
        if sub is not None:
            return 0, (f"invalid operands ({section_name(add)} and {section_name(sub)} "
                       f"sections) for `-'")
        if add is None:
            return const, None
        if add.kind != LABEL:
            return 0, f"leb128 operand is an undefined symbol: {add.name}"
        return label_address(add) + const, None

    # --- contents ---------------------------------------------------------------
    def build(self, section: Section) -> None:
        frags = section.frags
        size = frags[-1].address + frags[-1].size if frags else 0
        padding = 0
        if section.executable and getattr(self.isa, "pads_code_sections", False):
            # GNU as ends a RISC-V code section at its alignment.
            padding = -size % section.alignment
        self.sizes[section] = size + padding
        if padding and frags:
            self.mark_section_end(section, frags[-1], padding)
        if section.nobits:
            return
        out = bytearray()
        for frag in frags:
            if isinstance(frag, DataFrag):
                out += frag.data
            elif isinstance(frag, FillFrag):
                out += frag.pattern * frag.count
            elif isinstance(frag, RelaxFrag):
                out += (frag.long if frag.is_long else frag.short).data  # type: ignore[union-attr]
            elif isinstance(frag, AlignFrag):
                if frag.size:
                    if frag.fill is None:
                        # tc-i386.c i386_align_code picks the nops by the mode in
                        # force at the end of the input, not at the directive.
                        out += self.isa.nop_fill(frag.size, self.s._context())
                    else:
                        reps = frag.size // len(frag.fill) + 1
                        out += (frag.fill * reps)[:frag.size]
            elif isinstance(frag, OrgFrag):
                out += bytes([frag.fill & 0xFF]) * frag.size
            elif isinstance(frag, SpaceFrag):
                reps = frag.size // len(frag.fill) + 1
                out += (frag.fill * reps)[:frag.size]
            elif isinstance(frag, LebFrag):
                value, message = self.leb_value(frag)
                if message is not None:
                    self.error(message, frag.location)
                out += leb128_bytes(value, frag.signed)
        if padding:
            out += self.isa.section_end_fill(padding)
        self.contents[section] = out

    def mark_section_end(self, section: Section, last: Frag, padding: int) -> None:
        """The ISA's mapping symbols for the padding that ends a code section."""
        marks = getattr(self.isa, "section_end_marks", None)
        if marks is None:
            return
        for offset, name in marks(section, padding):
            sym = self.s.symtab.new_anonymous(f"{name}\x00end{len(self.s.symtab.all)}", name)
            self.s.symtab.place(sym)
            sym.kind = LABEL
            sym.section, sym.frag, sym.offset = section, last, last.size + offset

    # --- fixups ----------------------------------------------------------------
    def resolve(self, section: Section) -> None:
        relocs: list[Relocation] = []
        self.relocations[section] = relocs
        forced: list[tuple[PendingFixup, int]] = []
        for frag in section.frags:
            if isinstance(frag, DataFrag):
                for pending in frag.fixups:
                    self.fixup(section, pending, frag.address + pending.offset, relocs)
            elif isinstance(frag, RelaxFrag):
                encoding = frag.long if frag.is_long else frag.short
                for fixup in encoding.fixups:  # type: ignore[union-attr]
                    pending = PendingFixup(fixup.offset, fixup, frag.target, False,
                                           fixup.location or frag.location)
                    where = frag.address + fixup.offset
                    if self.branch_size is not None:
                        # Kept as a relocation, the bytes holding the distance
                        # when the target is here (GNU as: "for objdump").
                        # GNU as reads an undefined symbol as 0, any label
                        # as its offset in its own section.
                        try:
                            add, sub, const = self.final.value(frag.target)
                        except EvalError:
                            add = sub = None
                            const = 0
                        if sub is None:
                            base = label_address(add) if add is not None and \
                                add.kind == LABEL else 0
                            self.isa.tentative_fixup(self.contents.get(section), where,
                                                     fixup, base + const - where)
                        forced.append((pending, where))
                    elif frag.forced:
                        forced.append((pending, where))
                    else:
                        # md_convert_frag: a branch relaxed within its section is
                        # resolved here, whatever the target's binding.
                        add, _, const = self.final.value(frag.target)
                        value = label_address(add) + const + fixup.addend - where  # type: ignore
                        self.store(section, self.contents.get(section), where, pending,
                                   value, fixup.kind, True)
        for pending, where in forced:
            self.fixup(section, pending, where, relocs)
        if getattr(self.isa, "sort_relocations", False):
            relocs.sort(key=lambda r: r.offset)

    def fixup(self, section: Section, pending: PendingFixup, where: int,
              relocs: list[Relocation]) -> None:
        fixup = pending.fixup
        location = pending.location
        if self.difference is not None and pending.data and self.code_difference(
                section, pending, where, relocs):
            return
        try:
            add, sub, const = self.final.value(pending.value)
        except EvalError as exc:
            self.error(exc.args[0], location)
            return
        if not pending.data:
            const += fixup.addend
        pcrel = fixup.pcrel
        spec = specifier_of(pending.value)
        if pending.data and add is None and sub is None and spec is None and not pcrel:
            # A constant after all (a DWARF view number): no relocation kind needed,
            # which matters where the target has none for the size (AArch64 .byte).
            self.store(section, self.contents.get(section), where, pending, const, "", True)
            return
        kind = self.kind_name(pending, pcrel, spec)
        if kind is None:
            return
        if add is not None and sub is None and add.defined and not add.external and \
                self.isa.relocation_is_symbol_size(kind):
            # tc-i386.c md_apply_fix: @SIZE of a local symbol is its size.
            self.store(section, self.contents.get(section), where, pending,
                       self.symbol_size(add) + const, kind, True)
            return
        if add is not None and self.isa.relocation_is_tls(kind):
            add.tls = True
        if self.marker is not None and self.marker(kind):
            # No symbol: only the constant part of the value, as the addend.
            relocs.append(Relocation(where, self.reloc_type(pending, kind, pcrel, True), None,
                                     None, const))
            return
        if sub is not None:
            if sub.kind == LABEL and sub.section is section and not pcrel:
                const += where - label_address(sub)
                pcrel = True
                kind = self.kind_name(pending, True, spec)
                if kind is None:
                    return
            else:
                # write.c as_bad_subtract, after a local label became its section.
                if add is None:
                    name = "0"
                elif add.kind == LABEL and not add.external:
                    name = section_name(add)
                else:
                    name = add.name
                self.error(f"can't resolve {name} - {sub.name}", location)
                return
        contents = self.contents.get(section)
        if add is None:
            if not pcrel:
                self.store(section, contents, where, pending, const, kind, True)
                return
            relocs.append(Relocation(where, self.reloc_type(pending, kind, pcrel, True), None,
                                     None, const))
            self.store_addend(section, contents, where, pending, const, kind)
            return
        if add.kind == UNDEFINED and add.name.startswith(".L") and "\x02" in add.name:
            return  # reported once in objwriter
        local_label = add.kind == LABEL and add.binding not in ("global", "weak") and \
            add.type != "gnu_indirect_function"
        if add.kind == LABEL and add.section is section and pcrel and local_label and \
                not self.isa.fixup_forces_relocation(kind):
            value = label_address(add) + const - where
            self.store(section, contents, where, pending, value, kind, True)
            return
        if local_label and self.adjustable(add, pending, const, kind, pcrel):
            add.section.used_in_reloc = True  # type: ignore[union-attr]
            addend = label_address(add) + const
            reloc = Relocation(where, self.reloc_type(pending, kind, pcrel, True), None,
                               add.section, addend)
        else:
            add.used_in_reloc = True
            self.s.symtab.place(add)
            addend = const
            reloc = Relocation(where, self.reloc_type(pending, kind, pcrel, local_label), add,
                               None, addend)
            tentative = getattr(self.isa, "tentative_value", None)
            if tentative is not None and not pending.data and contents is not None:
                # RISC-V: the field also holds what GNU as sees (the symbol's
                # offset, 0 if undefined, plus the addend) for absolute fields.
                base = label_address(add) if add.kind == LABEL else 0
                tentative(contents, where, fixup, base + const)
        relocs.append(reloc)
        self.store_addend(section, contents, where, pending, addend, kind)

    def code_difference(self, section: Section, pending: PendingFixup, where: int,
                        relocs: list[Relocation]) -> bool:
        """``A - B (+ c)`` in data that the ISA leaves to the linker
        (difference_relocations: RISC-V R_RISCV_ADDn/SUBn when a label is in
        code, whose size relaxation may change).  True when handled."""
        terms = _linear_terms(pending.value, 1)
        if terms is None:
            return False
        plus, minus, const = terms
        if len(plus) != 1 or len(minus) != 1:
            return False
        add, sub = plus[0], minus[0]
        code = any(s.kind == LABEL and s.section.executable for s in (add, sub))  # type: ignore
        names = self.difference(pending.fixup.size, add, sub, code)
        if names is None:
            return False
        for sym, name, addend in ((add, names[0], const), (sub, names[1], 0)):
            sym.used_in_reloc = True
            self.s.symtab.place(sym)
            relocs.append(Relocation(where, elf.RELOC_NUMBERS[self.machine][name], sym, None,
                                     addend))
        return True

    def symbol_size(self, sym: Symbol) -> int:
        """The ``.size`` of a symbol (or of the one a ``.set`` copied it from), else 0."""
        size = sym.size
        if size is None and sym.copied_size is not None:
            size = sym.copied_size.size
        if size is None:
            return 0
        try:
            add, sub, const = self.final.value(size)
        except EvalError:
            return 0
        return const if add is None and sub is None else 0

    def adjustable(self, sym: Symbol, pending: PendingFixup, const: int, kind: str,
                   pcrel: bool) -> bool:
        """Whether a relocation against local ``sym`` may use the section symbol:
        the ISA's answer (tc_fix_adjustable), then write.c adjust_reloc_syms's."""
        merge = sym.section is not None and bool(sym.section.flags & elf.SHF_MERGE)
        if not self.isa.fixup_adjustable(kind, pending.data, pcrel, merge):
            return False
        if merge:
            # write.c: never with an addend into a merge section (GNU as's
            # fx_offset, which leaves out the bias of a pc-relative field
            # measured from the field's end).
            bias = pcrel and not pending.data and getattr(self.isa, "pcrel_from_field_end", True)
            offset = const + (pending.fixup.size if bias else 0)
            if offset != 0:
                return False
        return True

    def kind_name(self, pending: PendingFixup, pcrel: bool, spec: str | None) -> str | None:
        fixup = pending.fixup
        if not pending.data:
            if pcrel and not fixup.pcrel:
                return self.isa.data_relocation(fixup.size, True, None) or fixup.kind
            return fixup.kind
        if spec is not None:
            name = self.isa.data_relocation(fixup.size, pcrel, spec)
            if name is None:
                self.error(f"{fixup.size}-byte relocation cannot be applied to "
                           f"{fixup.size}-byte field", pending.location)
            return name
        name = self.isa.data_relocation(fixup.size, pcrel, None)
        if name is None:
            self.error(f"cannot represent relocation type for {fixup.size}-byte "
                       f"{'pc-relative ' if pcrel else ''}data", pending.location)
        return name

    def reloc_type(self, pending: PendingFixup, kind: str, pcrel: bool, local: bool) -> int:
        if pending.data or kind != pending.fixup.kind:
            if local:
                kind = self.isa.local_relocation(kind, True)
            return elf.RELOC_NUMBERS[self.machine][kind]
        fixup = pending.fixup if pending.fixup.pcrel == pcrel else replace(pending.fixup,
                                                                           pcrel=pcrel)
        return self.isa.relocation_type(fixup, local)

    def store(self, section: Section, contents: bytearray | None, where: int,
              pending: PendingFixup, value: int, kind: str, resolved: bool) -> None:
        """Pack a resolved value (or a REL addend) into the section bytes."""
        if contents is None:
            return
        fixup = pending.fixup
        size = fixup.size
        bits = 8 * size
        if resolved and size < 8:
            # write.c fixup_segment's generic overflow check.
            mask = -(1 << (bits - (1 if fixup.signed and not pending.data else 0)))
            high = value & mask
            if high and (high != mask if fixup.signed and not pending.data
                         else (-value) & mask):
                u = value & 0xFFFFFFFFFFFFFFFF
                digits = 16 if self.s.target.elf_class == 64 else 8
                shown = f"{u:0{digits}x}" if u > 1000 else str(value)
                self.error(f"value of {shown} too large for field of {size} "
                           f"byte{'s' if size > 1 else ''} at {where:0{digits}x}",
                           pending.location)
                value &= (1 << bits) - 1
                if fixup.signed and not pending.data and value >> (bits - 1):
                    value -= 1 << bits
        if pending.data:
            contents[where:where + size] = (value & ((1 << bits) - 1)).to_bytes(size, "little")
            return
        message = self.isa.apply_fixup(contents, where, fixup, value)
        if message:
            self.error(message, pending.location)

    def store_addend(self, section: Section, contents: bytearray | None, where: int,
                     pending: PendingFixup, addend: int, kind: str) -> None:
        if self.rela or contents is None:
            return
        if not self.isa.rel_addend_in_field(kind):
            addend = 0
        self.store(section, contents, where, pending, addend, kind, False)


# The leader of fixed fragments before any variable one, which never move,
# and of variable fragments, whose addresses are kept up to date.
_NO_LEADER = Frag()


def settle(moved: list[Frag]) -> None:
    """Move the fixed fragments after each leader in ``moved`` by the shift it recorded."""
    for leader in moved:
        shift = leader.shift
        if shift:
            for frag in leader.followers:
                frag.address += shift
            leader.shift = 0
    moved.clear()


def _linear_terms(e, sign: int) -> tuple[list[Symbol], list[Symbol], int] | None:
    """``e`` as symbols added, symbols subtracted and a constant, if it is a
    sum of those (None for anything else: products, specifiers...)."""
    from .expr import Binary, Constant, Unary
    if isinstance(e, Constant):
        return [], [], sign * e.value
    if isinstance(e, Ref):
        if e.specifier is not None:
            return None
        return ([e.symbol], [], 0) if sign > 0 else ([], [e.symbol], 0)
    if isinstance(e, Unary) and e.op == "-":
        return _linear_terms(e.operand, -sign)
    if isinstance(e, Binary) and e.op in "+-":
        left = _linear_terms(e.left, sign)
        right = _linear_terms(e.right, sign if e.op == "+" else -sign)
        if left is None or right is None:
            return None
        return left[0] + right[0], left[1] + right[1], left[2] + right[2]
    return None


def _first_symbol(e) -> Symbol | None:
    if isinstance(e, Ref):
        return e.symbol
    for child in (getattr(e, "left", None), getattr(e, "right", None), getattr(e, "operand", None)):
        if child is not None:
            sym = _first_symbol(child)
            if sym is not None:
                return sym
    return None

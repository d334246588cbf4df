"""Scanning and applying relocations: the generic half of relocation processing.

Two passes over the relocations of every live section, as lld does:

1. *scan* (before layout): find what each relocation needs -- a GOT slot, a
   GOT slot holding a TLS offset, an IPLT entry for an IFUNC -- and which
   references are undefined.  A static executable relaxes what it can: GOT
   loads the architecture module can rewrite need no slot, and every TLS
   access becomes local exec.
2. *apply* (after layout): compute the value the relocation's
   :class:`RelExpr` names, in the psABI's notation (S, A, P, G, GOT, L, Z,
   TP), and hand it to the architecture module to store.

Errors name the place the way GNU ld does: ``file.o: in function 'f':`` then
``src.c:(.text+0x12): undefined reference to 'x'``.
"""

from __future__ import annotations

from ..common import elf
from ..common.diagnostics import Diagnostics
from .arch import Arch, RelExpr, RelocationError
from .inputs import InputSection, ObjectFile
from .symbols import Symbol
from .synthetic import SyntheticSections

E = RelExpr
GOT_EXPRS = {E.GOT, E.GOT_PC, E.GOT_OFF, E.GOT_PAGE_PC, E.GOT_PAGE_OFF}
GOTTP_EXPRS = {E.GOTTP_PC, E.GOTTP, E.GOTTP_OFF, E.GOTTP_NEG_OFF, E.GOTTP_PAGE_PC}
# A relocation naming this symbol keeps .got.plt's reserved words, as in GNU ld
# (which drops them when nothing names the GOT base and the GOT and PLT are empty).
GOT_BASE_SYMBOL = "_GLOBAL_OFFSET_TABLE_"
TLS_CALL_EXPRS = {E.TLSGD_PC, E.TLSGD_OFF, E.TLSLD_PC, E.TLSLD_OFF}
# What a RISC-V %pcrel_lo can pair with: the PC-relative high parts.
HI_EXPRS = {E.PC, E.PLT_PC, E.GOT_PC, E.GOTTP_PC, E.TLSGD_GOT_PC}


# Symbols that name "the function" in a message: like GNU ld (bfd's elf_find_function),
# untyped labels count too -- hand-written assembly rarely says .type.
FUNCTION_TYPES = (elf.STT_FUNC, elf.STT_GNU_IFUNC, elf.STT_NOTYPE)


def is_mapping_symbol(name: str) -> bool:
    """AArch64's and RISC-V's mapping symbols (``$x``, ``$d``, ``$x.foo``, RISC-V's
    ``$xrv64i2p0_m2p0...``: ELF for the Arm 64-bit Architecture, 5.7.2; RISC-V ELF
    psABI, "Mapping Symbol"): they mark code and data, they name nothing."""
    return len(name) >= 2 and name[0] == "$" and name[1] in "adtx" and \
        (len(name) == 2 or name[2] == "." or name.startswith("$xrv"))


def function_at(section: InputSection, offset: int) -> str | None:
    """The function symbol whose bytes contain ``offset`` (for ld-style messages)."""
    file = section.file
    if not isinstance(file, ObjectFile):
        return None
    best = None
    for symbol in file.all_symbols():
        if symbol.section is section and symbol.type in FUNCTION_TYPES and symbol.name and \
                not is_mapping_symbol(symbol.name) and symbol.value <= offset and (offset < symbol.value + symbol.size or
                                            symbol.size == 0):
            if best is None or symbol.value > best.value:
                best = symbol
    return best.name if best is not None else None


def place_of(section: InputSection, offset: int) -> str:
    """``src.c:(.text+0x5)`` -- the source file name when the object records it."""
    file = section.file
    name = file.source_name if isinstance(file, ObjectFile) and file.source_name else \
        (file.display if file else "<linker>")
    return f"{name}:({section.name}+{offset:#x})"


class Relocator:
    def __init__(self, arch: Arch, synthetic: SyntheticSections, diagnostics: Diagnostics):
        self.arch = arch
        self.synthetic = synthetic
        self.diagnostics = diagnostics
        self.relaxed_got: set[tuple[int, int]] = set()   # (id(section), offset) rewritten loads
        self.undefined_count = 0
        self.tls_start = 0
        self.tls_tp = 0
        self._hi_index: dict[int, dict] = {}
        self._addresses: dict[Symbol, int] = {}        # S of each symbol, once laid out
        # RelExpr by relocation type, when the architecture's does not depend on the code.
        self._exprs: dict[int, RelExpr] | None = None if arch.rel_expr_reads_code else {}
        # Branches that go through a range-extension thunk: (id(section), offset) -> the
        # thunk's address (thunks.py).
        self.thunk_addresses: dict[tuple[int, int], int] = {}

    # --- pass 1 ---------------------------------------------------------------------------

    def scan(self, sections: list[InputSection]) -> None:
        arch = self.arch
        synthetic = self.synthetic
        for section in sections:
            alloc = section.is_alloc
            data = section.data
            skip = 0
            for relocation in section.relocations:
                if skip:
                    # The call to __tls_get_addr of a GD/LD sequence relaxed to local
                    # exec: it disappears, and the function need not exist.
                    skip -= 1
                    continue
                symbol = relocation.symbol
                try:
                    expr = arch.rel_expr(relocation.type, data, relocation.offset)
                except RelocationError as exc:
                    self._error(section, relocation.offset, exc.message)
                    continue
                if expr is E.NONE:
                    continue
                if expr in TLS_CALL_EXPRS:
                    skip = arch.tls_call_relocations(relocation.type)
                if not symbol.defined and not symbol.is_local and not symbol.is_weak:
                    if alloc:
                        self._undefined(section, relocation.offset, symbol)
                    continue
                if symbol.name == GOT_BASE_SYMBOL:
                    synthetic.got_plt_needed = True
                if expr in GOT_EXPRS:
                    if (symbol.defined and not symbol.is_ifunc
                            and data is not None
                            and arch.can_relax_got(data, relocation.offset, relocation.type)):
                        self.relaxed_got.add((id(section), relocation.offset))
                    else:
                        synthetic.add_got(symbol)
                elif expr is E.TLSGD_GOT_PC:
                    synthetic.add_tlsgd(symbol)
                elif expr in GOTTP_EXPRS:
                    if not (data is not None and (symbol.defined or arch.relax_undefined_tls)
                            and arch.can_relax_tls_ie(data, relocation.offset,
                                                      relocation.type)):
                        synthetic.add_gottp(symbol)
                if symbol.is_ifunc and expr not in GOT_EXPRS:
                    synthetic.add_iplt(symbol)

    def _undefined(self, section: InputSection, offset: int, symbol: Symbol) -> None:
        self.undefined_count += 1
        if self.undefined_count > 10:
            return
        function = function_at(section, offset)
        where = f"{section.file.display}: in function '{function}': " \
            f"{place_of(section, offset)}" if function else \
            f"{section.file.display}:({section.name}+{offset:#x})"       # as GNU ld says it
        self.diagnostics.error(f"{where}: undefined reference to '{symbol.name}'")

    def _error(self, section: InputSection, offset: int, message: str) -> None:
        self.diagnostics.error(f"{section.file.display if section.file else '<linker>'}:"
                               f"({section.name}+{offset:#x}): {message}")

    # --- pass 2 ----------------------------------------------------------------------------

    def symbol_address(self, symbol: Symbol) -> int:
        """S: the symbol's address, or its IPLT entry's for an IFUNC (valid once the
        layout is final, and remembered: many relocations name the same symbol)."""
        address = self._addresses.get(symbol)
        if address is None:
            address = self.target_address(symbol)
            if symbol.defined:              # apply() skips some undefined ones: not these
                self._addresses[symbol] = address
        return address

    def target_address(self, symbol: Symbol) -> int:
        """S as the layout stands now (not remembered: for the layout passes)."""
        if symbol.is_ifunc and symbol.iplt_index >= 0:
            return self.synthetic.iplt_entry(symbol)
        if not symbol.defined:
            return 0
        return symbol.address

    def tp_offset(self, symbol: Symbol) -> int:
        return symbol.address - self.tls_tp

    def dtp_offset(self, symbol: Symbol) -> int:
        return symbol.address - self.tls_start if symbol.defined else 0

    def apply(self, image: bytearray, section: InputSection, base: int) -> None:
        """Apply ``section``'s relocations; its bytes are at ``image[base:]``."""
        arch = self.arch
        rel_expr = arch.rel_expr
        exprs = self._exprs
        write = arch.write
        addresses = self._addresses
        thunk_addresses = self.thunk_addresses
        synthetic = self.synthetic
        got_base = synthetic.got_base
        place = section.address if section.output_section is not None else 0
        relocations = section.relocations
        alloc = section.is_alloc
        skip = 0
        for relocation in relocations:
            if skip:
                skip -= 1
                continue
            type = relocation.type
            offset = relocation.offset
            at = base + offset
            expr = exprs.get(type) if exprs is not None else None
            if expr is None:
                try:
                    expr = rel_expr(type, image, at)
                except RelocationError:
                    continue                                # reported by scan
                if exprs is not None:
                    exprs[type] = expr
            if expr is E.NONE:
                continue
            symbol = relocation.symbol
            S = addresses.get(symbol)
            if S is None:
                if not symbol.defined and not symbol.is_local and not symbol.is_weak and alloc:
                    continue                                # reported by scan
                S = self.symbol_address(symbol)
            A = relocation.addend
            if symbol.type == elf.STT_SECTION and symbol.section is not None and \
                    symbol.section.merged_into is not None:
                S, A = symbol.section.address_of(symbol.value + A), 0   # A picks the piece
            P = place + offset
            try:
                if expr is E.ABS:
                    write(image, at, type, S + A)
                elif expr is E.PC or expr is E.PLT_PC:
                    if thunk_addresses and (id(section), offset) in thunk_addresses:
                        S, A = thunk_addresses[id(section), offset], 0
                    write(image, at, type, S + A - P)
                elif expr is E.PAGE_PC:
                    arch.write(image, at, type, page(S + A) - page(P))
                elif expr in GOT_EXPRS:
                    if (id(section), offset) in self.relaxed_got:
                        arch.relax_got(image, at, type, S + A - P, S + A)
                        continue
                    arch.write(image, at, type,
                               _slot_value(expr, synthetic.got_slot(symbol), A, P, got_base))
                elif expr is E.GOT_REL:
                    arch.write(image, at, type, S + A - got_base)
                elif expr is E.GOTPC:
                    arch.write(image, at, type, got_base + A - P)
                elif expr is E.SIZE:
                    arch.write(image, at, type, symbol.size + A)
                elif expr is E.TPREL:
                    arch.write(image, at, type, S + A - self.tls_tp)
                elif expr is E.TPREL_NEG:
                    arch.write(image, at, type, self.tls_tp - S - A)
                elif expr in GOTTP_EXPRS:
                    if symbol.gottp_index < 0:
                        arch.relax_tls_ie_to_le(image, at, type, S - self.tls_tp)
                        continue
                    arch.write(image, at, type,
                               _slot_value(expr, synthetic.gottp_slot(symbol), A, P, got_base))
                elif expr is E.TLSGD_PC or expr is E.TLSGD_OFF:
                    skip = arch.relax_tls_gd_to_le(image, at, type, S - self.tls_tp)
                elif expr is E.TLSLD_PC or expr is E.TLSLD_OFF:
                    skip = arch.relax_tls_ld_to_le(image, at, type,
                                                   self.tls_start - self.tls_tp)
                elif expr is E.DTPREL:
                    # After local-dynamic is relaxed, x86 code holds TP-relative offsets
                    # (variant II); AArch64's relaxed sequence computes the block's
                    # address, and debug information keeps offsets into the block.
                    base_address = self.tls_tp if alloc and arch.tls_variant == 2 \
                        else self.tls_start
                    arch.write(image, at, type, S + A - base_address - arch.dtv_offset)
                elif expr is E.TLSGD_GOT_PC:
                    arch.write(image, at, type, synthetic.tlsgd_slot(symbol) + A - P)
                elif expr is E.TLS_MARKER:
                    arch.relax_tls_marker(image, at, type)
                elif expr is E.PC_INDIRECT:
                    value = self._paired_hi_value(symbol, A)
                    if value is None:
                        raise RelocationError("dangerous relocation: %pcrel_lo missing "
                                              "matching %pcrel_hi")
                    arch.write(image, at, type, value)
            except RelocationError as exc:
                target = f"symbol '{symbol.name}'" if symbol.name and \
                    symbol.type != elf.STT_SECTION else f"section '{_section_name(symbol)}'"
                self.diagnostics.error(f"{place_of(section, offset)}: {exc.message}; "
                                       f"references {target}")

    def _paired_hi_value(self, label: Symbol, addend: int) -> int | None:
        """The value the HI20 relocation at ``label + addend`` computes (RISC-V's
        %pcrel_lo names the auipc, not the target)."""
        section = label.section
        if section is None or section.output_section is None:
            return None
        offset = label.value + addend
        index = self._hi_index.get(id(section))
        if index is None:
            index = {}
            for relocation in section.relocations:
                try:
                    expr = self.arch.rel_expr(relocation.type)
                except RelocationError:
                    continue
                if expr in HI_EXPRS:
                    index[relocation.offset] = (relocation, expr)
            self._hi_index[id(section)] = index
        found = index.get(offset)
        if found is None:
            return None
        relocation, expr = found
        symbol = relocation.symbol
        S, A = self.symbol_address(symbol), relocation.addend
        P = section.address + offset
        if expr is E.GOT_PC:
            return _slot_value(expr, self.synthetic.got_slot(symbol), A, P, 0)
        if expr is E.GOTTP_PC:
            return _slot_value(expr, self.synthetic.gottp_slot(symbol), A, P, 0)
        if expr is E.TLSGD_GOT_PC:
            return self.synthetic.tlsgd_slot(symbol) + A - P
        return S + A - P


def _slot_value(expr: RelExpr, G: int, A: int, P: int, got_base: int) -> int:
    """The value of a relocation that names a GOT slot at address G: the slot's
    address PC-relative (G + A - P), absolute (G + A), or from the GOT base."""
    if expr in (E.GOT_PC, E.GOTTP_PC):
        return G + A - P
    if expr in (E.GOT_PAGE_PC, E.GOTTP_PAGE_PC):
        return page(G + A) - page(P)
    if expr is E.GOT_PAGE_OFF:
        return G + A - page(got_base)
    if expr in (E.GOT, E.GOTTP):
        return G + A
    return G - got_base + A


def page(address: int) -> int:
    """AArch64's Page(): the address of the 4 KiB page holding ``address``."""
    return address & ~0xFFF


def _section_name(symbol: Symbol) -> str:
    return symbol.section.name if symbol.section is not None else symbol.name

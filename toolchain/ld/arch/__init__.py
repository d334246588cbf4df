"""The contract between the generic linker and one architecture module.

Like lld's TargetInfo: the core never reads an instruction.  An
architecture module says, for each relocation type, *what value* it wants
(:class:`RelExpr`, in the psABI's own notation: S symbol, A addend, P place,
G GOT slot offset, GOT the GOT base, L the PLT entry, Z the symbol size, TP
the thread pointer) and how to *write* that value into the bytes, with its
range check.  It also owns the instruction rewrites the psABIs allow a
linker -- GOT-load relaxation, TLS model relaxation -- and the bytes of a
PLT entry.  GOT and PLT decisions (which symbols need a slot) are the
core's.

One module per architecture: x86_64.py, i386.py, aarch64.py, riscv64.py.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from ...common.diagnostics import ToolchainError


class RelExpr(enum.Enum):
    NONE = "none"                 # nothing to write (R_*_NONE, marker relocations)
    ABS = "S + A"
    PC = "S + A - P"
    PLT_PC = "L + A - P"          # L = S except for IFUNCs, which go through the IPLT
    GOT = "G + GOT + A"           # absolute address of the GOT slot
    GOT_PC = "G + GOT + A - P"    # GOTPCREL: PC-relative address of the slot
    GOT_OFF = "G + A"             # slot offset from the GOT base (i386 GOT32 with a base)
    GOT_REL = "S + A - GOT"       # GOTOFF
    GOTPC = "GOT + A - P"         # i386 GOTPC, x86-64 GOTPC32
    SIZE = "Z + A"
    TPREL = "S + A - TP"          # local-exec offset from the thread pointer
    TPREL_NEG = "TP - S - A"      # i386 TLS_LE_32 / TLS_TPOFF32 write the negation
    GOTTP_PC = "GOTTP + A - P"    # initial-exec: slot holding S - TP, PC-relative
    GOTTP = "GOTTP + A"           # initial-exec: absolute address of that slot
    GOTTP_OFF = "GOTTP + A - GOT"  # initial-exec: slot offset from the GOT base
    GOTTP_NEG_OFF = "GOTTPN + A - GOT"  # i386 TLS_IE_32: slot holds TP - S
    TLSGD_PC = "TLSGD PC"         # general dynamic, PC-relative (x86-64 TLSGD)
    TLSGD_OFF = "TLSGD GOT-relative"  # general dynamic via GOT base (i386 TLS_GD)
    TLSLD_PC = "TLSLD PC"
    TLSLD_OFF = "TLSLD GOT-relative"
    DTPREL = "S + A - DTV"        # offset in the module's TLS block
    TLS_MARKER = "TLS call marker"  # relocations relaxed together with a GD/LD one
    # AArch64's ADRP works in 4 KiB pages: Page(X) clears the low 12 bits of X.
    PAGE_PC = "Page(S + A) - Page(P)"
    GOT_PAGE_PC = "Page(G + GOT + A) - Page(P)"
    GOT_PAGE_OFF = "G + GOT + A - Page(GOT)"      # LD64_GOTPAGE_LO15
    GOTTP_PAGE_PC = "Page(GOTTP + A) - Page(P)"
    # RISC-V's %pcrel_lo: S is the label of the auipc whose HI20 relocation holds
    # the PC-relative value; this one takes that value's low 12 bits.
    PC_INDIRECT = "value of the HI20 relocation at S"
    # General dynamic kept as it is (RISC-V): a GOT pair (module 1, S - DTV base)
    # passed to __tls_get_addr, PC-relative.
    TLSGD_GOT_PC = "GD slot pair + A - P"

    # Hashed by identity in C (Enum's own __hash__ is Python code): the linker tests
    # membership in sets of these once or twice per relocation.
    __hash__ = object.__hash__


@dataclass(frozen=True)
class RelocationError(Exception):
    """A value that does not fit its field; the core adds where and which symbol."""

    message: str


def check_signed(value: int, bits: int, type_name: str) -> None:
    low, high = -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    if not low <= value <= high:
        raise RelocationError(f"relocation truncated to fit: {type_name}: value {value:#x} is "
                              f"not in [{low}, {high}]")


def check_unsigned(value: int, bits: int, type_name: str) -> None:
    if not 0 <= value < (1 << bits):
        raise RelocationError(f"relocation truncated to fit: {type_name}: value {value:#x} is "
                              f"not in [0, {(1 << bits) - 1:#x}]")


def check_either(value: int, bits: int, type_name: str) -> None:
    """Fits as signed or as unsigned (ld's complain_overflow_bitfield)."""
    if not -(1 << (bits - 1)) <= value < (1 << bits):
        raise RelocationError(f"relocation truncated to fit: {type_name}: value {value:#x} is "
                              f"not in [{-(1 << (bits - 1))}, {(1 << bits) - 1:#x}]")


class Arch:
    """Base of the architecture modules; subclasses fill in the psABI facts."""

    machine: int
    name: str                          # ld's emulation name, e.g. elf_x86_64
    wordsize: int                      # 8 for ELF64, 4 for ELF32
    uses_rela: bool                    # RELA (x86-64) or REL (i386) objects
    default_base: int                  # where GNU ld's default script starts text
    max_page_size: int
    common_page_size: int
    separate_code = True               # code on pages of its own (Debian's x86 ld: -z separate-code)
    tls_variant: int                   # 2: TLS block below TP (x86); 1: above (AArch64, RISC-V)
    tls_tcb_size: int = 0              # variant 1: bytes between TP and the block
    got_base_symbol_section = ".got.plt"  # _GLOBAL_OFFSET_TABLE_ points at its start
    got_header_words = 0               # reserved words at the start of .got (AArch64: 1)
    got_plt_header_words = 3           # reserved words at the start of .got.plt
    got_plt_header_values: tuple[int, ...] = ()   # what they hold (default: zeros)
    gottp_reserves_dynamic_relocation = False  # RISC-V GNU ld: a NONE record per TP slot
    iplt_slot_holds_entry = False      # an IPLT slot starts as the resolver (x86) or the entry
    iplt_needs_got_plt_header = True   # IPLT slots alone keep them (x86) or not (.igot.plt)
    # Whether an initial-exec access to an undefined weak symbol becomes local exec
    # (x86, as GNU ld does) or keeps its GOT slot (AArch64).
    relax_undefined_tls = True
    dtv_offset = 0                     # what DTP-relative offsets are biased by (RISC-V: 0x800)
    irelative_type: int
    iplt_entry_size: int
    # No-op instructions by length (1, 2, ... bytes) that pad code sections; empty: zeros.
    code_fill_nops: tuple[bytes, ...] = ()
    thunk_size = 0                     # bytes of a range-extension thunk (0: none, see thunks.py)

    def branch_range(self, type: int) -> tuple[int, int] | None:
        """For a branch relocation that a thunk can extend: the lowest and highest
        S + A - P it reaches directly; None for every other type."""
        return None

    def write_thunk(self, buf: bytearray, offset: int, address: int, target: int) -> None:
        """Write at ``buf[offset]`` a thunk, placed at ``address``, that jumps to
        ``target`` (RelocationError if it cannot reach it)."""
        raise NotImplementedError

    def code_fill(self, count: int) -> bytes:
        """Padding for ``count`` bytes inside an executable output section without an
        explicit ``=fill``: GNU ld's (bfd's arch fill) -- the longest no-op repeated,
        then one no-op of the remaining length -- so gaps disassemble as no-ops and
        flat images match ld's bytes."""
        nops = self.code_fill_nops
        if not nops:
            return bytes(count)
        longest = nops[-1]
        whole, rest = divmod(count, len(longest))
        return longest * whole + (nops[rest - 1] if rest else b"")

    def prepare_inputs(self, files: list) -> list:
        """Work on the input objects before placement (RISC-V trims ALIGN padding);
        returns sections the architecture adds (RISC-V's merged attributes)."""
        return []

    def relax(self, files: list, output_inputs: list[list], enabled: bool) -> None:
        """Shorten code once sections are placed (RISC-V: calls to ``jal``, and the
        ALIGN padding trimmed); ``output_inputs`` are each output section's live
        input sections in order; ``enabled`` is false under --no-relax."""

    def output_flags(self, files: list) -> int:
        """The executable's e_flags, from the inputs' (RISC-V: RVC, float ABI)."""
        return 0

    # Whether rel_expr() looks at the instruction (i386); if not, the core asks once a type.
    rel_expr_reads_code = False

    def rel_expr(self, type: int, data: bytes | bytearray | memoryview | None = None,
                 offset: int = 0) -> RelExpr:
        """What value relocation ``type`` wants.  ``data[offset]`` is the field, for the
        few relocations whose meaning depends on the instruction around it (i386 GOT32
        without a base register is an absolute slot address, as in lld)."""
        raise NotImplementedError

    def thread_pointer(self, tls_start: int, tls_memsz: int, tls_align: int) -> int:
        """Where TP points for the executable's TLS block (psABI TLS variant I or II)."""
        if self.tls_variant == 2:                  # block ends at TP
            return tls_start + (tls_memsz + tls_align - 1) // tls_align * tls_align
        return tls_start - (self.tls_tcb_size + tls_align - 1) // tls_align * tls_align

    def type_name(self, type: int) -> str:
        from ...common.elf import reloc_name
        return reloc_name(self.machine, type)

    def implicit_addend(self, data: bytes | memoryview, offset: int, type: int) -> int:
        """The addend a REL object keeps in the bytes; RELA architectures never call this."""
        raise ToolchainError(f"{self.name}: REL relocations are not expected")

    def write(self, buf: bytearray, offset: int, type: int, value: int) -> None:
        """Store ``value`` for relocation ``type`` at ``buf[offset]``; RelocationError if it
        does not fit."""
        raise NotImplementedError

    # --- relaxations (static executables) --------------------------------------------

    def can_relax_got(self, data: bytes | memoryview, offset: int, type: int) -> bool:
        """Whether a GOT load at ``offset`` may be rewritten to use the address directly."""
        return False

    def relax_got(self, buf: bytearray, offset: int, type: int, value_pc: int,
                  value_abs: int) -> None:
        """Rewrite the GOT load so it uses the symbol's address (PC-relative or absolute)."""
        raise NotImplementedError

    def relax_tls_gd_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> int:
        """Rewrite a general-dynamic sequence to local exec; returns relocations consumed
        after this one (the call to __tls_get_addr)."""
        raise NotImplementedError

    def relax_tls_ld_to_le(self, buf: bytearray, offset: int, type: int,
                           block_offset: int = 0) -> int:
        """Rewrite a local-dynamic sequence to compute the TLS block's address;
        ``block_offset`` is that block's distance from TP.  Returns relocations
        consumed after this one."""
        raise NotImplementedError

    def tls_call_relocations(self, type: int) -> int:
        """How many relocations after a GD/LD one the relaxation consumes (the call to
        __tls_get_addr): 1, or 0 for TLS descriptors, whose call is a marker of its own."""
        return 1

    def can_relax_tls_ie(self, data: bytes | memoryview, offset: int, type: int) -> bool:
        """Whether an initial-exec access at ``offset`` can become local exec."""
        return False

    def relax_tls_marker(self, buf: bytearray, offset: int, type: int) -> None:
        """Rewrite the instruction a TLS marker relocation (TLSDESC_CALL ...) sits on."""

    def relax_tls_ie_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> None:
        raise NotImplementedError

    def write_iplt_entry(self, buf: bytearray, offset: int, entry_address: int,
                         slot_address: int, got_base: int) -> None:
        raise NotImplementedError

    def irelative(self, slot_address: int, resolver: int) -> tuple[int, int, int]:
        """(r_offset, r_info type, addend) of the R_*_IRELATIVE for one IPLT slot."""
        return slot_address, self.irelative_type, resolver


def arch_for_machine(machine: int) -> Arch:
    from ...common.target import EM_386, EM_AARCH64, EM_RISCV, EM_X86_64
    if machine == EM_X86_64:
        from .x86_64 import X86_64
        return X86_64()
    if machine == EM_386:
        from .i386 import I386
        return I386()
    if machine == EM_AARCH64:
        from .aarch64 import AArch64
        return AArch64()
    if machine == EM_RISCV:
        from .riscv64 import RiscV64
        return RiscV64()
    raise ToolchainError(f"unsupported ELF machine {machine}: pld links x86-64, i386, "
                         f"AArch64 and RISC-V 64")

"""AArch64: relocations, TLS relaxation to local exec, and the IPLT entry.

Spec: "ELF for the Arm 64-bit Architecture (AArch64)" (AAELF64,
https://github.com/ARM-software/abi-aa), section 5.7 "Relocation", with
the TLS sequences of its "Thread Local Storage" section.  Objects use RELA.

Quirks a reader should know:

* Most relocations patch a field of a 32-bit instruction word, not bytes:
  imm26 of B/BL, imm19 of B.cond/CBZ/LDR-literal, imm14 of TBZ, immhi:immlo
  of ADR/ADRP, imm12 of ADD and of the scaled LDR/STR, imm16 of MOVZ/MOVK.
* Addresses are built in two halves: ``adrp x0, sym`` gets the distance in
  4 KiB pages, ``Page(S + A) - Page(P)`` (Page clears the low 12 bits),
  and ``add x0, x0, :lo12:sym`` or ``ldr x1, [x0, :lo12:sym]`` the low 12
  bits, which a load or store scales down by its access size -- so the
  address must be aligned to that size.  Names ending in ``_NC`` are not
  checked for overflow.
* GNU ld keeps GOT slots for ``:got:`` loads in a static link (it does not
  rewrite them) and ``_GLOBAL_OFFSET_TABLE_`` is the start of ``.got``;
  ``:gotpage_lo15:`` loads (glibc's) address the slot from the GOT's page.
* TLS uses variant I: TP (TPIDR_EL0) points at a 16-byte TCB and the
  executable's TLS block follows it, at TP + 16 rounded up to the block's
  alignment.  A static executable relaxes initial exec (adrp+ldr of the
  slot), TLS descriptors (adrp, ldr, add, blr) and general dynamic (adrp,
  add, bl __tls_get_addr, nop) to local exec: movz/movk of the offset; local
  dynamic becomes mrs + add of the block's offset from TP.
* IFUNCs are called through a 16-byte IPLT entry (adrp x16; ldr x17; add
  x16; br x17) reading a ``.got.plt`` slot that glibc's start-up code fills
  from an ``R_AARCH64_IRELATIVE`` record.
"""

from __future__ import annotations

import struct

from ...common import elf
from . import Arch, RelExpr, RelocationError, check_either, check_signed, check_unsigned

E = RelExpr
NAMES = elf.RELOC_NAMES[elf.EM_AARCH64]

# type -> (what value, field kind, checked for overflow).  Field kinds: "d64",
# "d32", "d16" data words; "adrp" ADRP pages; "adr" ADR; "lo12:N" an imm12 holding
# the low 12 bits scaled down by 2**N; "hi12" ADD's imm12 of bits 23:12; "lo15"
# LDR's scaled imm12 of a 15-bit offset; "b26", "b19", "b14" branch offsets; "movw:G"
# MOVZ/MOVK imm16 of bits 16G+15:16G (unsigned); "movs:G" MOVZ/MOVN (signed);
# "none" nothing.
RELOCATIONS: dict[int, tuple[RelExpr, str, bool]] = {
    elf.R_AARCH64_NONE: (E.NONE, "none", False),
    elf.R_AARCH64_ABS64: (E.ABS, "d64", False),
    elf.R_AARCH64_ABS32: (E.ABS, "d32", True),
    elf.R_AARCH64_ABS16: (E.ABS, "d16", True),
    elf.R_AARCH64_PREL64: (E.PC, "d64", False),
    elf.R_AARCH64_PREL32: (E.PC, "d32", True),
    elf.R_AARCH64_PREL16: (E.PC, "d16", True),
    elf.R_AARCH64_MOVW_UABS_G0: (E.ABS, "movw:0", True),
    elf.R_AARCH64_MOVW_UABS_G0_NC: (E.ABS, "movw:0", False),
    elf.R_AARCH64_MOVW_UABS_G1: (E.ABS, "movw:1", True),
    elf.R_AARCH64_MOVW_UABS_G1_NC: (E.ABS, "movw:1", False),
    elf.R_AARCH64_MOVW_UABS_G2: (E.ABS, "movw:2", True),
    elf.R_AARCH64_MOVW_UABS_G2_NC: (E.ABS, "movw:2", False),
    elf.R_AARCH64_MOVW_UABS_G3: (E.ABS, "movw:3", False),
    elf.R_AARCH64_MOVW_SABS_G0: (E.ABS, "movs:0", True),
    elf.R_AARCH64_MOVW_SABS_G1: (E.ABS, "movs:1", True),
    elf.R_AARCH64_MOVW_SABS_G2: (E.ABS, "movs:2", True),
    elf.R_AARCH64_MOVW_PREL_G0: (E.PC, "movs:0", True),
    elf.R_AARCH64_MOVW_PREL_G0_NC: (E.PC, "movw:0", False),
    elf.R_AARCH64_MOVW_PREL_G1: (E.PC, "movs:1", True),
    elf.R_AARCH64_MOVW_PREL_G1_NC: (E.PC, "movw:1", False),
    elf.R_AARCH64_MOVW_PREL_G2: (E.PC, "movs:2", True),
    elf.R_AARCH64_MOVW_PREL_G2_NC: (E.PC, "movw:2", False),
    elf.R_AARCH64_MOVW_PREL_G3: (E.PC, "movw:3", False),
    elf.R_AARCH64_LD_PREL_LO19: (E.PC, "b19", True),
    elf.R_AARCH64_ADR_PREL_LO21: (E.PC, "adr", True),
    elf.R_AARCH64_ADR_PREL_PG_HI21: (E.PAGE_PC, "adrp", True),
    elf.R_AARCH64_ADR_PREL_PG_HI21_NC: (E.PAGE_PC, "adrp", False),
    elf.R_AARCH64_ADD_ABS_LO12_NC: (E.ABS, "lo12:0", False),
    elf.R_AARCH64_LDST8_ABS_LO12_NC: (E.ABS, "lo12:0", False),
    elf.R_AARCH64_LDST16_ABS_LO12_NC: (E.ABS, "lo12:1", False),
    elf.R_AARCH64_LDST32_ABS_LO12_NC: (E.ABS, "lo12:2", False),
    elf.R_AARCH64_LDST64_ABS_LO12_NC: (E.ABS, "lo12:3", False),
    elf.R_AARCH64_LDST128_ABS_LO12_NC: (E.ABS, "lo12:4", False),
    elf.R_AARCH64_TSTBR14: (E.PLT_PC, "b14", True),
    elf.R_AARCH64_CONDBR19: (E.PLT_PC, "b19", True),
    elf.R_AARCH64_JUMP26: (E.PLT_PC, "b26", True),
    elf.R_AARCH64_CALL26: (E.PLT_PC, "b26", True),
    elf.R_AARCH64_GOTREL64: (E.GOT_REL, "d64", False),
    elf.R_AARCH64_GOTREL32: (E.GOT_REL, "d32", True),
    elf.R_AARCH64_GOT_LD_PREL19: (E.GOT_PC, "b19", True),
    elf.R_AARCH64_ADR_GOT_PAGE: (E.GOT_PAGE_PC, "adrp", True),
    elf.R_AARCH64_LD64_GOT_LO12_NC: (E.GOT, "lo12:3", False),
    elf.R_AARCH64_LD64_GOTPAGE_LO15: (E.GOT_PAGE_OFF, "lo15", True),
    # Initial exec: relaxed to local exec in a static executable.
    elf.R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21: (E.GOTTP_PAGE_PC, "adrp", True),
    elf.R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC: (E.GOTTP, "lo12:3", False),
    # Local exec: offsets from TP.
    elf.R_AARCH64_TLSLE_MOVW_TPREL_G2: (E.TPREL, "movs:2", True),
    elf.R_AARCH64_TLSLE_MOVW_TPREL_G1: (E.TPREL, "movs:1", True),
    elf.R_AARCH64_TLSLE_MOVW_TPREL_G1_NC: (E.TPREL, "movw:1", False),
    elf.R_AARCH64_TLSLE_MOVW_TPREL_G0: (E.TPREL, "movs:0", True),
    elf.R_AARCH64_TLSLE_MOVW_TPREL_G0_NC: (E.TPREL, "movw:0", False),
    elf.R_AARCH64_TLSLE_ADD_TPREL_HI12: (E.TPREL, "hi12", True),
    elf.R_AARCH64_TLSLE_ADD_TPREL_LO12: (E.TPREL, "lo12:0", True),
    elf.R_AARCH64_TLSLE_ADD_TPREL_LO12_NC: (E.TPREL, "lo12:0", False),
    elf.R_AARCH64_TLSLE_LDST8_TPREL_LO12: (E.TPREL, "lo12:0", True),
    elf.R_AARCH64_TLSLE_LDST8_TPREL_LO12_NC: (E.TPREL, "lo12:0", False),
    elf.R_AARCH64_TLSLE_LDST16_TPREL_LO12: (E.TPREL, "lo12:1", True),
    elf.R_AARCH64_TLSLE_LDST16_TPREL_LO12_NC: (E.TPREL, "lo12:1", False),
    elf.R_AARCH64_TLSLE_LDST32_TPREL_LO12: (E.TPREL, "lo12:2", True),
    elf.R_AARCH64_TLSLE_LDST32_TPREL_LO12_NC: (E.TPREL, "lo12:2", False),
    elf.R_AARCH64_TLSLE_LDST64_TPREL_LO12: (E.TPREL, "lo12:3", True),
    elf.R_AARCH64_TLSLE_LDST64_TPREL_LO12_NC: (E.TPREL, "lo12:3", False),
    elf.R_AARCH64_TLSLE_LDST128_TPREL_LO12: (E.TPREL, "lo12:4", True),
    elf.R_AARCH64_TLSLE_LDST128_TPREL_LO12_NC: (E.TPREL, "lo12:4", False),
    # General dynamic and descriptors: rewritten to local exec, one instruction each.
    elf.R_AARCH64_TLSGD_ADR_PAGE21: (E.TLSGD_PC, "none", False),
    elf.R_AARCH64_TLSGD_ADD_LO12_NC: (E.TLSGD_PC, "none", False),
    elf.R_AARCH64_TLSDESC_ADR_PAGE21: (E.TLSGD_PC, "none", False),
    elf.R_AARCH64_TLSDESC_LD64_LO12: (E.TLSGD_PC, "none", False),
    elf.R_AARCH64_TLSDESC_ADD_LO12: (E.TLS_MARKER, "none", False),
    elf.R_AARCH64_TLSDESC_CALL: (E.TLS_MARKER, "none", False),
    # Local dynamic: relaxed to the block's address (TP + 16, aligned), then the
    # variables' offsets in the block.
    elf.R_AARCH64_TLSLD_ADR_PAGE21: (E.TLSLD_PC, "none", False),
    elf.R_AARCH64_TLSLD_ADD_LO12_NC: (E.TLSLD_PC, "none", False),
    elf.R_AARCH64_TLSLD_ADD_DTPREL_HI12: (E.DTPREL, "hi12", True),
    elf.R_AARCH64_TLSLD_ADD_DTPREL_LO12: (E.DTPREL, "lo12:0", True),
    elf.R_AARCH64_TLSLD_ADD_DTPREL_LO12_NC: (E.DTPREL, "lo12:0", False),
    elf.R_AARCH64_TLSLD_LDST8_DTPREL_LO12: (E.DTPREL, "lo12:0", True),
    elf.R_AARCH64_TLSLD_LDST8_DTPREL_LO12_NC: (E.DTPREL, "lo12:0", False),
    elf.R_AARCH64_TLSLD_LDST16_DTPREL_LO12: (E.DTPREL, "lo12:1", True),
    elf.R_AARCH64_TLSLD_LDST16_DTPREL_LO12_NC: (E.DTPREL, "lo12:1", False),
    elf.R_AARCH64_TLSLD_LDST32_DTPREL_LO12: (E.DTPREL, "lo12:2", True),
    elf.R_AARCH64_TLSLD_LDST32_DTPREL_LO12_NC: (E.DTPREL, "lo12:2", False),
    elf.R_AARCH64_TLSLD_LDST64_DTPREL_LO12: (E.DTPREL, "lo12:3", True),
    elf.R_AARCH64_TLSLD_LDST64_DTPREL_LO12_NC: (E.DTPREL, "lo12:3", False),
    elf.R_AARCH64_TLSLD_LDST128_DTPREL_LO12: (E.DTPREL, "lo12:4", True),
    elf.R_AARCH64_TLSLD_LDST128_DTPREL_LO12_NC: (E.DTPREL, "lo12:4", False),
    elf.R_AARCH64_TLSLD_MOVW_DTPREL_G2: (E.DTPREL, "movs:2", True),
    elf.R_AARCH64_TLSLD_MOVW_DTPREL_G1: (E.DTPREL, "movs:1", True),
    elf.R_AARCH64_TLSLD_MOVW_DTPREL_G1_NC: (E.DTPREL, "movw:1", False),
    elf.R_AARCH64_TLSLD_MOVW_DTPREL_G0: (E.DTPREL, "movs:0", True),
    elf.R_AARCH64_TLSLD_MOVW_DTPREL_G0_NC: (E.DTPREL, "movw:0", False),
    # Debug information's offsets in the TLS block.
    elf.R_AARCH64_TLS_DTPREL: (E.DTPREL, "d64", False),
}

NOP = 0xD503201F
MRS_X1_TPIDR_EL0 = 0xD53BD041
MRS_X0_TPIDR_EL0 = 0xD53BD040
ADD_X0_X0_IMM = 0x91000000        # add x0, x0, #imm12
ADD_X0_X1_X0 = 0x8B000020
MOVZ_X_LSL16 = 0xD2A00000         # movz xd, #imm16, lsl #16
MOVK_X = 0xF2800000               # movk xd, #imm16
# A range-extension veneer: adrp x16, target; add x16, x16, :lo12:target; br x16
VENEER = (0x90000010, 0x91000210, 0xD61F0200)
# The IPLT entry: adrp x16, slot; ldr x17, [x16, :lo12:slot]; add x16, x16, :lo12:slot; br x17
IPLT_ENTRY = (0x90000010, 0xF9400211, 0x91000210, 0xD61F0220)


def page(address: int) -> int:
    return address & ~0xFFF


def _adr_field(word: int, value: int) -> int:
    """ADR/ADRP: immlo (bits 30:29) takes value bits 1:0, immhi (23:5) bits 20:2."""
    word &= ~((3 << 29) | (0x7FFFF << 5))
    return word | ((value & 3) << 29) | (((value >> 2) & 0x7FFFF) << 5)


class AArch64(Arch):
    machine = elf.EM_AARCH64
    name = "aarch64linux"
    wordsize = 8
    uses_rela = True
    default_base = 0x400000
    max_page_size = 0x10000
    common_page_size = 0x1000
    tls_variant = 1
    tls_tcb_size = 16
    got_base_symbol_section = ".got"
    got_header_words = 1               # .got[0]: _DYNAMIC, 0 in a static executable
    relax_undefined_tls = False
    separate_code = False
    iplt_needs_got_plt_header = False  # GNU ld puts lone IPLT slots in .igot.plt
    iplt_slot_holds_entry = True       # until IRELATIVE runs, as GNU ld fills it
    irelative_type = elf.R_AARCH64_IRELATIVE
    iplt_entry_size = 16
    code_fill_nops = (b"\0", b"\0\0", b"\0\0\0", NOP.to_bytes(4, "little"))
    thunk_size = len(VENEER) * 4

    def rel_expr(self, type: int, data=None, offset: int = 0) -> RelExpr:
        entry = RELOCATIONS.get(type)
        if entry is None:
            raise RelocationError(f"unsupported relocation type {self.type_name(type)}")
        return entry[0]

    def write(self, buf: bytearray, offset: int, type: int, value: int) -> None:
        _, kind, checked = RELOCATIONS[type]
        name = NAMES[type]
        if kind == "none":
            return
        if value >= 1 << 63:                            # addresses wrap at 64 bits
            value -= 1 << 64
        if kind[0] == "d":
            size = int(kind[1:]) // 8
            if checked:
                (check_signed if RELOCATIONS[type][0] is E.PC else check_either)(
                    value, size * 8, name)
            buf[offset:offset + size] = (value & ((1 << size * 8) - 1)).to_bytes(size, "little")
            return
        word = int.from_bytes(buf[offset:offset + 4], "little")
        struct.pack_into("<I", buf, offset, self._patch(word, kind, checked, value, name))

    def _patch(self, word: int, kind: str, checked: bool, value: int, name: str) -> int:
        if kind == "adrp":
            if checked:
                check_signed(value, 33, name)
            return _adr_field(word, value >> 12)
        if kind == "adr":
            check_signed(value, 21, name)
            return _adr_field(word, value)
        if kind.startswith("lo12:"):
            scale = int(kind[5:])
            if checked:
                check_unsigned(value, 12, name)
            low = value & 0xFFF
            if low & ((1 << scale) - 1):
                raise RelocationError(f"relocation truncated to fit: {name}: the address "
                                      f"{value:#x} is not a multiple of the access size "
                                      f"{1 << scale}")
            return (word & ~(0xFFF << 10)) | ((low >> scale) << 10)
        if kind == "hi12":
            check_unsigned(value, 24, name)
            return (word & ~(0xFFF << 10)) | (((value >> 12) & 0xFFF) << 10)
        if kind == "lo15":
            check_unsigned(value, 15, name)
            if value & 7:
                raise RelocationError(f"relocation truncated to fit: {name}: the offset "
                                      f"{value:#x} is not a multiple of 8")
            return (word & ~(0xFFF << 10)) | ((value >> 3) << 10)
        if kind[0] == "b":                              # b26, b19, b14: word offsets
            bits = int(kind[1:])
            if value & 3:
                raise RelocationError(f"relocation truncated to fit: {name}: the target "
                                      f"{value:#x} bytes away is not a multiple of 4")
            check_signed(value, bits + 2, name)
            shift = 0 if bits == 26 else 5
            mask = ((1 << bits) - 1) << shift
            return (word & ~mask) | (((value >> 2) << shift) & mask)
        group = int(kind[5:])
        if kind.startswith("movw:"):                    # MOVZ/MOVK, unsigned
            if checked:
                check_unsigned(value, 16 * (group + 1), name)
            chunk = value >> (16 * group)
        else:                                           # MOVZ or MOVN by the sign
            check_signed(value, 16 * (group + 1) + 1, name)
            chunk = value >> (16 * group)
            opc = 2                                     # MOVZ
            if value < 0:
                opc, chunk = 0, ~chunk                  # MOVN writes the inverse
            word = (word & ~(3 << 29)) | (opc << 29)
        return (word & ~(0xFFFF << 5)) | ((chunk & 0xFFFF) << 5)

    # --- TLS relaxation to local exec ----------------------------------------------

    def can_relax_tls_ie(self, data, offset: int, type: int) -> bool:
        return type in (elf.R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21,
                        elf.R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC)

    def _movz_movk(self, buf: bytearray, offset: int, first: bool, tpoff: int,
                   name: str) -> None:
        """adrp -> movz xd, #:tprel_g1:; the ldr/add of the low part -> movk xd, #:tprel_g0_nc:."""
        check_unsigned(tpoff, 32, name)
        word = int.from_bytes(buf[offset:offset + 4], "little")
        rd = word & 0x1F
        new = MOVZ_X_LSL16 | (((tpoff >> 16) & 0xFFFF) << 5) | rd if first else \
            MOVK_X | ((tpoff & 0xFFFF) << 5) | rd
        struct.pack_into("<I", buf, offset, new)

    def relax_tls_ie_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> None:
        self._movz_movk(buf, offset, type == elf.R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21, tpoff,
                        self.type_name(type))

    def tls_call_relocations(self, type: int) -> int:
        # The add of a general- or local-dynamic sequence is followed by
        # bl __tls_get_addr.
        return 1 if type in (elf.R_AARCH64_TLSGD_ADD_LO12_NC,
                             elf.R_AARCH64_TLSLD_ADD_LO12_NC) else 0

    def relax_tls_ld_to_le(self, buf: bytearray, offset: int, type: int,
                           block_offset: int = 0) -> int:
        # adrp x0, :tlsldm:x; add x0, x0, :tlsldm_lo12_nc:x; bl __tls_get_addr
        #   -> mrs x0, tpidr_el0; add x0, x0, #block_offset; nop
        if type == elf.R_AARCH64_TLSLD_ADR_PAGE21:
            struct.pack_into("<I", buf, offset, MRS_X0_TPIDR_EL0)
            return 0
        call = struct.unpack_from("<I", buf, offset + 4)[0]
        if call >> 26 != 0x25:
            raise RelocationError("R_AARCH64_TLSLD_ADD_LO12_NC is not followed by "
                                  "'bl __tls_get_addr'; cannot relax it")
        check_unsigned(block_offset, 12, "R_AARCH64_TLSLD_ADD_LO12_NC")
        struct.pack_into("<II", buf, offset, ADD_X0_X0_IMM | block_offset << 10, NOP)
        return 1

    def relax_tls_gd_to_le(self, buf: bytearray, offset: int, type: int, tpoff: int) -> int:
        name = NAMES[type]
        if type in (elf.R_AARCH64_TLSGD_ADR_PAGE21, elf.R_AARCH64_TLSDESC_ADR_PAGE21):
            self._movz_movk(buf, offset, True, tpoff, name)
            return 0
        if type == elf.R_AARCH64_TLSDESC_LD64_LO12:     # ldr x1, [x0, ...] -> movk x0
            check_unsigned(tpoff, 32, name)
            struct.pack_into("<I", buf, offset, MOVK_X | ((tpoff & 0xFFFF) << 5))
            return 0
        # add x0, x0, :tlsgd_lo12:x; bl __tls_get_addr; nop
        #   -> movk x0, #:tprel_g0_nc:x; mrs x1, tpidr_el0; add x0, x1, x0
        call, after = struct.unpack_from("<II", buf, offset + 4)
        if call >> 26 != 0x25 or after != NOP:
            raise RelocationError(f"{name} is not followed by 'bl __tls_get_addr; nop'; "
                                  f"cannot relax it")
        self._movz_movk(buf, offset, False, tpoff, name)
        struct.pack_into("<II", buf, offset + 4, MRS_X1_TPIDR_EL0, ADD_X0_X1_X0)
        return 1

    def relax_tls_marker(self, buf: bytearray, offset: int, type: int) -> None:
        # The add and the blr of a descriptor sequence have nothing left to do.
        struct.pack_into("<I", buf, offset, NOP)

    # --- range-extension veneers (thunks.py) -----------------------------------------------

    def branch_range(self, type: int) -> tuple[int, int] | None:
        # b/bl: a signed 26-bit word offset, +-128 MiB.
        if type in (elf.R_AARCH64_CALL26, elf.R_AARCH64_JUMP26):
            return -(1 << 27), (1 << 27) - 4
        return None

    def write_thunk(self, buf: bytearray, offset: int, address: int, target: int) -> None:
        """GNU ld's ADRP veneer: adrp x16, target; add x16, x16, :lo12:target; br x16
        (+-4 GiB; IP0 is the psABI's scratch register for veneers)."""
        adrp, add, br = VENEER
        pages = (page(target) - page(address)) >> 12
        check_signed(pages, 21, "R_AARCH64_CALL26 veneer (adrp)")
        struct.pack_into("<III", buf, offset, _adr_field(adrp, pages),
                         add | ((target & 0xFFF) << 10), br)

    # --- IPLT ----------------------------------------------------------------------------

    def write_iplt_entry(self, buf: bytearray, offset: int, entry_address: int,
                         slot_address: int, got_base: int) -> None:
        adrp, ldr, add, br = IPLT_ENTRY
        low = slot_address & 0xFFF
        adrp = _adr_field(adrp, (page(slot_address) - page(entry_address)) >> 12)
        struct.pack_into("<IIII", buf, offset, adrp, ldr | ((low >> 3) << 10),
                         add | (low << 10), br)

"""Packing a relocated value into an A64 instruction word, by relocation.

Shared by the assembler (fixups it resolves itself) and the linker (the
relocations it applies): the ELF for the Arm 64-bit Architecture psABI
(https://github.com/ARM-software/abi-aa, aaelf64, section 5.7 "Relocation
types") says which value goes where; the instruction fields are the Arm
ARM's:

=================  ===========================  =========================
field              instructions                 relocations
=================  ===========================  =========================
imm26 [25:0]       B, BL                        JUMP26, CALL26
imm19 [23:5]       B.cond, CBZ, LDR (literal)   CONDBR19, LD_PREL_LO19 ...
imm14 [18:5]       TBZ, TBNZ                    TSTBR14
immhi:immlo        ADR, ADRP                    ADR_PREL_LO21, *_PAGE21 ...
imm12 [21:10]      ADD, LDR/STR (scaled)        *_LO12*, *_HI12
imm16 [20:5]       MOVZ/MOVN/MOVK               MOVW_*_Gn
=================  ===========================  =========================

A branch offset is in words (the low two bits must be zero); a page offset
(ADRP) is in 4 KiB pages; a scaled load/store offset is the low 12 bits
divided by the access size.  Names without ``_NC`` are checked for
overflow ("no check" relocations are not).
"""

from __future__ import annotations


class FieldError(ValueError):
    """The value does not fit the field (message in GNU as's words)."""


def _signed_fits(value: int, bits: int) -> bool:
    return -(1 << (bits - 1)) <= value < (1 << (bits - 1))


def _branch(word: int, value: int, bits: int, shift: int, what: str) -> int:
    if value & 3:
        raise FieldError(f"{what} target not word aligned" if "branch" in what
                         else f"{what} not word aligned")
    offset = value >> 2
    if not _signed_fits(offset, bits):
        raise FieldError(f"{what} out of range")
    return word | ((offset & ((1 << bits) - 1)) << shift)


def _adr(word: int, value: int) -> int:
    word &= ~((3 << 29) | (0x7FFFF << 5))
    return word | ((value & 3) << 29) | (((value >> 2) & 0x7FFFF) << 5)


_LDST_SCALE = {"LDST8": 0, "LDST16": 1, "LDST32": 2, "LDST64": 3, "LDST128": 4,
               "LD64": 3, "LD32": 2}


def _scale(name: str) -> int:
    for part in name.split("_"):
        if part in _LDST_SCALE:
            return _LDST_SCALE[part]
    return 0


def patch(word: int, name: str, value: int) -> int:
    """The instruction ``word`` with ``value`` (S+A-P or S+A, per the psABI)
    put into the field relocation ``name`` (``R_AARCH64_...``) refers to."""
    short = name.removeprefix("R_AARCH64_")
    if short in ("JUMP26", "CALL26"):
        return _branch(word & ~0x3FFFFFF, value, 26, 0, "branch")
    if short in ("CONDBR19", "LD_PREL_LO19", "GOT_LD_PREL19", "TLSIE_LD_GOTTPREL_PREL19",
                 "TLSDESC_LD_PREL19", "TLSLD_LD_PREL19"):
        return _branch(word & ~(0x7FFFF << 5), value, 19, 5,
                       "conditional branch" if short == "CONDBR19" else "pc-relative load offset")
    if short == "TSTBR14":
        return _branch(word & ~(0x3FFF << 5), value, 14, 5, "conditional branch")
    if short in ("ADR_PREL_LO21", "TLSGD_ADR_PREL21", "TLSLD_ADR_PREL21",
                 "TLSDESC_ADR_PREL21"):
        if not _signed_fits(value, 21):
            raise FieldError("pc-relative address offset out of range")
        return _adr(word, value)
    if short.endswith(("PAGE21", "PG_HI21", "PG_HI21_NC", "GOT_PAGE")):
        page = value >> 12
        if not short.endswith("_NC") and not _signed_fits(page, 21):
            raise FieldError("immediate out of range")
        return _adr(word, page)
    if "MOVW" in short or short.endswith(("_G0", "_G1", "_G2", "_G3", "G0_NC", "G1_NC",
                                           "G2_NC")):
        group = int(short.rstrip("_NC")[-1])
        chunk = value >> (16 * group)
        word &= ~(0xFFFF << 5)
        if "SABS" in short or "PREL_G" in short or ("TPREL_G" in short and "_NC" not in short):
            if value < 0:
                word &= ~(3 << 29)          # MOVN
                chunk = ~chunk
            else:
                word = (word & ~(3 << 29)) | (2 << 29)   # MOVZ
        elif "_NC" not in short and chunk >> 16 and group < 3:
            raise FieldError("immediate out of range")
        return word | ((chunk & 0xFFFF) << 5)
    if short.endswith(("HI12",)):
        if (value >> 12) >> 12 and "_NC" not in short:
            raise FieldError("immediate out of range")
        return (word & ~(0xFFF << 10)) | (((value >> 12) & 0xFFF) << 10)
    if "LO12" in short or "LO15" in short:
        # LO15 (LD64_GOTPAGE_LO15): bits 14:3 of a GOT slot's offset in its page
        scale = 3 if "LO15" in short else _scale(short)
        if "LO15" in short and not 0 <= value < 1 << 15:
            raise FieldError("immediate out of range")
        low = value & (0x7FFF if "LO15" in short else 0xFFF)
        if low & ((1 << scale) - 1):
            raise FieldError(f"misaligned offset for {short}")
        return (word & ~(0xFFF << 10)) | ((low >> scale) << 10)
    raise FieldError(f"unsupported relocation {name}")

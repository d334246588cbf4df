"""AArch64 relocations: which ``:operator:`` gives which R_AARCH64_* on which
instruction, and the choices GNU as makes (tc-aarch64.c reloc_table,
md_apply_fix, aarch64_fix_adjustable).

The psABI (aaelf64, https://github.com/ARM-software/abi-aa) uses RELA; the
instruction field is left zero and the addend sits in the relocation.  A
relocation operator names the value (``:lo12:`` the low 12 bits of the
address, ``:got:`` the page of the symbol's GOT slot...) and the
instruction it sits on picks the relocation: ``:lo12:`` is
``ADD_ABS_LO12_NC`` on ADD and ``LDST64_ABS_LO12_NC`` on a 64-bit load.
Without an operator a branch is ``CALL26``/``JUMP26``/``CONDBR19``/
``TSTBR14``, ADR ``ADR_PREL_LO21``, ADRP ``ADR_PREL_PG_HI21``, a literal
load ``LD_PREL_LO19``.

What GNU as resolves itself: a pc-relative branch, ADR or literal load to
a local label of the same section.  ADRP never (the page depends on the
final address), nor anything GOT or TLS.  A relocation against a local
label names the section symbol instead (GOT ones too), except TLS ones.
"""

from __future__ import annotations

from ...common import elf

# Instruction classes a relocation operator can sit on.
ADR, ADRP, ADD, MOVW, LITERAL = "adr", "adrp", "add", "movw", "literal"

# operator -> {class: relocation name without R_AARCH64_}; "ldst" takes the
# access size in bits: "LDST{}_ABS_LO12_NC".
SPECIFIERS: dict[str, dict[str, str]] = {
    "lo12": {ADD: "ADD_ABS_LO12_NC", "ldst": "LDST{}_ABS_LO12_NC"},
    "pg_hi21": {ADRP: "ADR_PREL_PG_HI21"},
    "pg_hi21_nc": {ADRP: "ADR_PREL_PG_HI21_NC"},
    "abs_g0": {MOVW: "MOVW_UABS_G0"}, "abs_g0_nc": {MOVW: "MOVW_UABS_G0_NC"},
    "abs_g1": {MOVW: "MOVW_UABS_G1"}, "abs_g1_nc": {MOVW: "MOVW_UABS_G1_NC"},
    "abs_g2": {MOVW: "MOVW_UABS_G2"}, "abs_g2_nc": {MOVW: "MOVW_UABS_G2_NC"},
    "abs_g3": {MOVW: "MOVW_UABS_G3"},
    "abs_g0_s": {MOVW: "MOVW_SABS_G0"}, "abs_g1_s": {MOVW: "MOVW_SABS_G1"},
    "abs_g2_s": {MOVW: "MOVW_SABS_G2"},
    "prel_g0": {MOVW: "MOVW_PREL_G0"}, "prel_g0_nc": {MOVW: "MOVW_PREL_G0_NC"},
    "prel_g1": {MOVW: "MOVW_PREL_G1"}, "prel_g1_nc": {MOVW: "MOVW_PREL_G1_NC"},
    "prel_g2": {MOVW: "MOVW_PREL_G2"}, "prel_g2_nc": {MOVW: "MOVW_PREL_G2_NC"},
    "prel_g3": {MOVW: "MOVW_PREL_G3"},
    "got": {ADRP: "ADR_GOT_PAGE", LITERAL: "GOT_LD_PREL19"},
    "got_lo12": {"ldst64": "LD64_GOT_LO12_NC", "ldst32": "LD64_GOT_LO12_NC"},  # LP64: always 64
    "gotpage_lo15": {"ldst64": "LD64_GOTPAGE_LO15"},
    "tlsgd": {ADRP: "TLSGD_ADR_PAGE21", ADR: "TLSGD_ADR_PREL21"},
    "tlsgd_lo12": {ADD: "TLSGD_ADD_LO12_NC"},
    "tlsldm": {ADRP: "TLSLD_ADR_PAGE21", ADR: "TLSLD_ADR_PREL21"},
    "tlsldm_lo12_nc": {ADD: "TLSLD_ADD_LO12_NC"},
    "tlsdesc": {ADRP: "TLSDESC_ADR_PAGE21", ADR: "TLSDESC_ADR_PREL21",
                LITERAL: "TLSDESC_LD_PREL19"},
    "tlsdesc_lo12": {ADD: "TLSDESC_ADD_LO12", "ldst64": "TLSDESC_LD64_LO12"},
    "gottprel": {ADRP: "TLSIE_ADR_GOTTPREL_PAGE21", LITERAL: "TLSIE_LD_GOTTPREL_PREL19"},
    "gottprel_lo12": {"ldst64": "TLSIE_LD64_GOTTPREL_LO12_NC"},
    "gottprel_g1": {MOVW: "TLSIE_MOVW_GOTTPREL_G1"},
    "gottprel_g0_nc": {MOVW: "TLSIE_MOVW_GOTTPREL_G0_NC"},
    "tprel_hi12": {ADD: "TLSLE_ADD_TPREL_HI12"},
    "tprel_lo12": {ADD: "TLSLE_ADD_TPREL_LO12", "ldst": "TLSLE_LDST{}_TPREL_LO12"},
    "tprel_lo12_nc": {ADD: "TLSLE_ADD_TPREL_LO12_NC", "ldst": "TLSLE_LDST{}_TPREL_LO12_NC"},
    "tprel_g2": {MOVW: "TLSLE_MOVW_TPREL_G2"}, "tprel_g1": {MOVW: "TLSLE_MOVW_TPREL_G1"},
    "tprel_g1_nc": {MOVW: "TLSLE_MOVW_TPREL_G1_NC"}, "tprel_g0": {MOVW: "TLSLE_MOVW_TPREL_G0"},
    "tprel_g0_nc": {MOVW: "TLSLE_MOVW_TPREL_G0_NC"},
    "dtprel_hi12": {ADD: "TLSLD_ADD_DTPREL_HI12"},
    "dtprel_lo12": {ADD: "TLSLD_ADD_DTPREL_LO12", "ldst": "TLSLD_LDST{}_DTPREL_LO12"},
    "dtprel_lo12_nc": {ADD: "TLSLD_ADD_DTPREL_LO12_NC",
                       "ldst": "TLSLD_LDST{}_DTPREL_LO12_NC"},
    "dtprel_g2": {MOVW: "TLSLD_MOVW_DTPREL_G2"}, "dtprel_g1": {MOVW: "TLSLD_MOVW_DTPREL_G1"},
    "dtprel_g1_nc": {MOVW: "TLSLD_MOVW_DTPREL_G1_NC"},
    "dtprel_g0": {MOVW: "TLSLD_MOVW_DTPREL_G0"},
    "dtprel_g0_nc": {MOVW: "TLSLD_MOVW_DTPREL_G0_NC"},
}

# The MOVW group of each movw relocation's value (for the hw field of MOVZ).
def movw_group(name: str) -> int:
    return int(name.removesuffix("_NC")[-1])


def specifier_reloc(spec: str, klass: str, access_bits: int = 0) -> str | None:
    """``R_AARCH64_*`` for operator ``spec`` on an instruction of ``klass``."""
    table = SPECIFIERS.get(spec.lower())
    if table is None:
        return None
    if klass == "ldst":
        name = table.get(f"ldst{access_bits}") or table.get("ldst")
        if name is None:
            return None
        return "R_AARCH64_" + name.format(access_bits)
    name = table.get(klass)
    return None if name is None else "R_AARCH64_" + name


def relocation_number(name: str) -> int:
    return elf.RELOC_NUMBERS[elf.EM_AARCH64][name]


_DATA = {(8, False): "R_AARCH64_ABS64", (4, False): "R_AARCH64_ABS32",
         (2, False): "R_AARCH64_ABS16", (8, True): "R_AARCH64_PREL64",
         (4, True): "R_AARCH64_PREL32", (2, True): "R_AARCH64_PREL16"}


def data_relocation(size: int, pcrel: bool, spec: str | None) -> str | None:
    if spec is not None:
        return None
    return _DATA.get((size, pcrel))


def is_tls(name: str) -> bool:
    return "TLS" in name


def is_got(name: str) -> bool:
    return "GOT" in name


def fixup_adjustable(name: str) -> bool:
    """Whether a relocation against a local label may name its section instead:
    yes (GOT ones too, measured on GNU as 2.40), except TLS, whose offsets are
    from the symbol's own TLS block."""
    return not is_tls(name)


def forces_relocation(name: str) -> bool:
    """Relocations kept even against a label of their own section."""
    return is_got(name) or is_tls(name) or "PAGE" in name or "PG_HI21" in name

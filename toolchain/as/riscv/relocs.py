"""RISC-V relocations (RISC-V ELF psABI, "Relocations":
https://github.com/riscv-non-isa/riscv-elf-psabi-doc) and GNU as's choices.

RISC-V objects use RELA.  Code is meant to be *relaxed* by the linker --
``auipc+jalr`` calls shrink to ``jal``, ``lui+addi`` pairs disappear,
alignment padding is cut -- so, as long as relaxation is on
(``.option relax``, the default), the assembler must not bake in any
distance across code:

* every relocation the linker may relax is followed by an ``R_RISCV_RELAX``
  at the same offset, with the same addend (HI20/LO12, PCREL_HI20/LO12,
  TPREL_*, CALL_PLT; not GOT_HI20 nor the TLS GOT/GD ones);
* branches and jumps always keep their relocation (BRANCH, JAL,
  RVC_BRANCH, RVC_JUMP), even to a label a few bytes away -- GNU as does
  so under ``.option norelax`` too;
* the difference of two labels that is not a constant when it is read
  becomes a pair ``R_RISCV_ADDn``/``R_RISCV_SUBn`` unless both labels sit
  in one data section;
* ``.align`` in code emits the worst-case padding of nops with an
  ``R_RISCV_ALIGN`` whose addend is that padding's size;
* relocations name the local symbol itself (``.L3``, ``.LC0``), never the
  section symbol plus an offset.

``%pcrel_lo(label)`` points at the ``auipc`` that computed the high part:
its relocation is against that label, and the linker finds the
``%pcrel_hi`` relocation there.
"""

from __future__ import annotations

from ...common import elf

# %specifier -> relocation, by the field it fills.
HI_SPECIFIERS = {
    "hi": "R_RISCV_HI20",
    "pcrel_hi": "R_RISCV_PCREL_HI20",
    "got_pcrel_hi": "R_RISCV_GOT_HI20",
    "tprel_hi": "R_RISCV_TPREL_HI20",
    "tls_ie_pcrel_hi": "R_RISCV_TLS_GOT_HI20",
    "tls_gd_pcrel_hi": "R_RISCV_TLS_GD_HI20",
}
LO_I_SPECIFIERS = {"lo": "R_RISCV_LO12_I", "pcrel_lo": "R_RISCV_PCREL_LO12_I",
                   "tprel_lo": "R_RISCV_TPREL_LO12_I"}
LO_S_SPECIFIERS = {"lo": "R_RISCV_LO12_S", "pcrel_lo": "R_RISCV_PCREL_LO12_S",
                   "tprel_lo": "R_RISCV_TPREL_LO12_S"}
ADD_SPECIFIERS = {"tprel_add": "R_RISCV_TPREL_ADD"}

# Relocations that get an R_RISCV_RELAX companion when relaxing.
RELAXABLE = frozenset({
    "R_RISCV_HI20", "R_RISCV_LO12_I", "R_RISCV_LO12_S", "R_RISCV_PCREL_HI20",
    "R_RISCV_PCREL_LO12_I", "R_RISCV_PCREL_LO12_S",
    "R_RISCV_TPREL_HI20", "R_RISCV_TPREL_LO12_I", "R_RISCV_TPREL_LO12_S",
    "R_RISCV_TPREL_ADD", "R_RISCV_CALL_PLT", "R_RISCV_CALL",
})
# Relocations written with no symbol: the relaxation markers.
MARKERS = frozenset({"R_RISCV_RELAX", "R_RISCV_ALIGN"})
# After these GNU as starts a new fragment, so that no label difference
# across them is folded into a constant while parsing.
ENDS_FRAG = frozenset({"R_RISCV_HI20", "R_RISCV_PCREL_HI20", "R_RISCV_TPREL_HI20",
                       "R_RISCV_TPREL_ADD"})

_TLS = frozenset({"R_RISCV_TPREL_HI20", "R_RISCV_TPREL_LO12_I", "R_RISCV_TPREL_LO12_S",
                  "R_RISCV_TPREL_ADD", "R_RISCV_TLS_GOT_HI20", "R_RISCV_TLS_GD_HI20",
                  "R_RISCV_TLS_DTPREL32", "R_RISCV_TLS_DTPREL64"})

DATA = {4: "R_RISCV_32", 8: "R_RISCV_64"}
DATA_PCREL = {4: "R_RISCV_32_PCREL"}
DATA_SPECIFIERS = {("dtprel", 4): "R_RISCV_TLS_DTPREL32",
                   ("dtprel", 8): "R_RISCV_TLS_DTPREL64"}
ADD_SUB = {1: ("R_RISCV_ADD8", "R_RISCV_SUB8"), 2: ("R_RISCV_ADD16", "R_RISCV_SUB16"),
           4: ("R_RISCV_ADD32", "R_RISCV_SUB32"), 8: ("R_RISCV_ADD64", "R_RISCV_SUB64")}


def relocation_number(name: str) -> int:
    return elf.RELOC_NUMBERS[elf.EM_RISCV][name]


def is_tls(name: str) -> bool:
    return name in _TLS


def data_relocation(size: int, pcrel: bool, specifier: str | None) -> str | None:
    if specifier is not None:
        return DATA_SPECIFIERS.get((specifier.lower(), size))
    return (DATA_PCREL if pcrel else DATA).get(size)

"""ELF constants and record layouts, by the names the specifications use.

Sources: the System V ABI generic ELF specification ("gABI", chapter 4, Object
Files: https://www.sco.com/developers/gabi/latest/ch4.intro.html) for the file
layout, section, symbol and group definitions; and each processor supplement
("psABI") for its relocation numbers:

* x86-64:  System V AMD64 psABI, section 4.4 "Relocation Types"
  (https://gitlab.com/x86-psABIs/x86-64-ABI)
* i386:    System V i386 psABI, section 4.4 (https://gitlab.com/x86-psABIs/i386-ABI)
* AArch64: "ELF for the Arm 64-bit Architecture" (AAELF64), section 5.7
  (https://github.com/ARM-software/abi-aa)
* RISC-V:  RISC-V ELF psABI, "Relocations" (https://github.com/riscv-non-isa/riscv-elf-psabi-doc)

Everything here is a plain int named as the spec names it, so code reads
``R_X86_64_PLT32`` rather than a private alias.  ``RELOC_NAMES[machine][type]``
and ``RELOC_NUMBERS[machine][name]`` translate relocation types for
diagnostics and dumps; both are read-only mappings.

Only little-endian ELF32/ELF64 are used by pcc, so the ``struct`` layouts at
the end are little-endian (``<``).
"""

from __future__ import annotations

import struct
from types import MappingProxyType
from typing import Mapping

from .target import EM_386, EM_AARCH64, EM_RISCV, EM_X86_64

# --- e_ident (gABI "ELF Identification") ----------------------------------
ELFMAG = b"\x7fELF"
EI_CLASS = 4
EI_DATA = 5
EI_VERSION = 6
EI_OSABI = 7
EI_ABIVERSION = 8
EI_NIDENT = 16

ELFCLASSNONE = 0
ELFCLASS32 = 1
ELFCLASS64 = 2

ELFDATANONE = 0
ELFDATA2LSB = 1
ELFDATA2MSB = 2

EV_NONE = 0
EV_CURRENT = 1

ELFOSABI_NONE = 0
ELFOSABI_SYSV = 0
ELFOSABI_GNU = 3          # also spelled ELFOSABI_LINUX
ELFOSABI_LINUX = 3
ELFOSABI_STANDALONE = 255

# --- e_type ---------------------------------------------------------------
ET_NONE = 0
ET_REL = 1
ET_EXEC = 2
ET_DYN = 3
ET_CORE = 4

# --- e_machine (re-exported from target.py, plus neighbours seen in dumps) -
EM_NONE = 0
EM_ARM = 40

# --- Special section indexes ----------------------------------------------
SHN_UNDEF = 0
SHN_LORESERVE = 0xFF00
SHN_LOPROC = 0xFF00
SHN_HIPROC = 0xFF1F
SHN_LOOS = 0xFF20
SHN_HIOS = 0xFF3F
SHN_ABS = 0xFFF1
SHN_COMMON = 0xFFF2
SHN_XINDEX = 0xFFFF
SHN_HIRESERVE = 0xFFFF
SHN_X86_64_LCOMMON = 0xFF02     # x86-64 psABI: large-model common

# --- sh_type ---------------------------------------------------------------
SHT_NULL = 0
SHT_PROGBITS = 1
SHT_SYMTAB = 2
SHT_STRTAB = 3
SHT_RELA = 4
SHT_HASH = 5
SHT_DYNAMIC = 6
SHT_NOTE = 7
SHT_NOBITS = 8
SHT_REL = 9
SHT_SHLIB = 10
SHT_DYNSYM = 11
SHT_INIT_ARRAY = 14
SHT_FINI_ARRAY = 15
SHT_PREINIT_ARRAY = 16
SHT_GROUP = 17
SHT_SYMTAB_SHNDX = 18
SHT_RELR = 19
SHT_LOOS = 0x60000000
SHT_GNU_ATTRIBUTES = 0x6FFFFFF5
SHT_GNU_HASH = 0x6FFFFFF6
SHT_GNU_LIBLIST = 0x6FFFFFF7
SHT_GNU_verdef = 0x6FFFFFFD
SHT_GNU_verneed = 0x6FFFFFFE
SHT_GNU_versym = 0x6FFFFFFF
SHT_HIOS = 0x6FFFFFFF
SHT_LOPROC = 0x70000000
SHT_X86_64_UNWIND = 0x70000001
SHT_RISCV_ATTRIBUTES = 0x70000003
SHT_HIPROC = 0x7FFFFFFF
SHT_LOUSER = 0x80000000
SHT_HIUSER = 0xFFFFFFFF

# --- sh_flags --------------------------------------------------------------
SHF_WRITE = 0x1
SHF_ALLOC = 0x2
SHF_EXECINSTR = 0x4
SHF_MERGE = 0x10
SHF_STRINGS = 0x20
SHF_INFO_LINK = 0x40
SHF_LINK_ORDER = 0x80
SHF_OS_NONCONFORMING = 0x100
SHF_GROUP = 0x200
SHF_TLS = 0x400
SHF_COMPRESSED = 0x800
SHF_MASKOS = 0x0FF00000
SHF_GNU_RETAIN = 0x200000
SHF_X86_64_LARGE = 0x10000000
SHF_MASKPROC = 0xF0000000
SHF_EXCLUDE = 0x80000000

# --- Section groups --------------------------------------------------------
GRP_COMDAT = 0x1
GRP_MASKOS = 0x0FF00000
GRP_MASKPROC = 0xF0000000

# --- Symbols: st_info = bind << 4 | type; st_other & 3 = visibility -------
STN_UNDEF = 0

STB_LOCAL = 0
STB_GLOBAL = 1
STB_WEAK = 2
STB_LOOS = 10
STB_GNU_UNIQUE = 10
STB_HIOS = 12
STB_LOPROC = 13
STB_HIPROC = 15

STT_NOTYPE = 0
STT_OBJECT = 1
STT_FUNC = 2
STT_SECTION = 3
STT_FILE = 4
STT_COMMON = 5
STT_TLS = 6
STT_LOOS = 10
STT_GNU_IFUNC = 10
STT_HIOS = 12
STT_LOPROC = 13
STT_HIPROC = 15

STV_DEFAULT = 0
STV_INTERNAL = 1
STV_HIDDEN = 2
STV_PROTECTED = 3


def st_info(bind: int, type: int) -> int:
    """ELF32_ST_INFO / ELF64_ST_INFO."""
    return (bind << 4) | (type & 0xF)


def st_bind(info: int) -> int:
    return info >> 4


def st_type(info: int) -> int:
    return info & 0xF


def st_visibility(other: int) -> int:
    return other & 0x3


def class_bits(elf_class: int) -> int:
    """32 or 64, given either ELFCLASS32/ELFCLASS64 or the bit count itself."""
    if elf_class in (ELFCLASS32, 32):
        return 32
    if elf_class in (ELFCLASS64, 64):
        return 64
    raise ValueError(f"bad ELF class {elf_class}")


def r_info(elf_class: int, sym: int, type: int) -> int:
    """ELF32_R_INFO (sym << 8 | type) or ELF64_R_INFO (sym << 32 | type)."""
    if class_bits(elf_class) == 64:
        return (sym << 32) | (type & 0xFFFFFFFF)
    return (sym << 8) | (type & 0xFF)


def r_sym(elf_class: int, info: int) -> int:
    return info >> 32 if class_bits(elf_class) == 64 else info >> 8


def r_type(elf_class: int, info: int) -> int:
    return info & 0xFFFFFFFF if class_bits(elf_class) == 64 else info & 0xFF


# --- x86-64 relocations (AMD64 psABI table 4.9) ---------------------------
R_X86_64_NONE = 0
R_X86_64_64 = 1
R_X86_64_PC32 = 2
R_X86_64_GOT32 = 3
R_X86_64_PLT32 = 4
R_X86_64_COPY = 5
R_X86_64_GLOB_DAT = 6
R_X86_64_JUMP_SLOT = 7
R_X86_64_RELATIVE = 8
R_X86_64_GOTPCREL = 9
R_X86_64_32 = 10
R_X86_64_32S = 11
R_X86_64_16 = 12
R_X86_64_PC16 = 13
R_X86_64_8 = 14
R_X86_64_PC8 = 15
R_X86_64_DTPMOD64 = 16
R_X86_64_DTPOFF64 = 17
R_X86_64_TPOFF64 = 18
R_X86_64_TLSGD = 19
R_X86_64_TLSLD = 20
R_X86_64_DTPOFF32 = 21
R_X86_64_GOTTPOFF = 22
R_X86_64_TPOFF32 = 23
R_X86_64_PC64 = 24
R_X86_64_GOTOFF64 = 25
R_X86_64_GOTPC32 = 26
R_X86_64_GOT64 = 27
R_X86_64_GOTPCREL64 = 28
R_X86_64_GOTPC64 = 29
R_X86_64_GOTPLT64 = 30
R_X86_64_PLTOFF64 = 31
R_X86_64_SIZE32 = 32
R_X86_64_SIZE64 = 33
R_X86_64_GOTPC32_TLSDESC = 34
R_X86_64_TLSDESC_CALL = 35
R_X86_64_TLSDESC = 36
R_X86_64_IRELATIVE = 37
R_X86_64_RELATIVE64 = 38
# 39, 40: the withdrawn MPX types R_X86_64_PC32_BND / R_X86_64_PLT32_BND
R_X86_64_GOTPCRELX = 41
R_X86_64_REX_GOTPCRELX = 42

# --- i386 relocations (i386 psABI table 4.x) ------------------------------
R_386_NONE = 0
R_386_32 = 1
R_386_PC32 = 2
R_386_GOT32 = 3
R_386_PLT32 = 4
R_386_COPY = 5
R_386_GLOB_DAT = 6
R_386_JMP_SLOT = 7
R_386_RELATIVE = 8
R_386_GOTOFF = 9
R_386_GOTPC = 10
R_386_32PLT = 11
R_386_TLS_TPOFF = 14
R_386_TLS_IE = 15
R_386_TLS_GOTIE = 16
R_386_TLS_LE = 17
R_386_TLS_GD = 18
R_386_TLS_LDM = 19
R_386_16 = 20
R_386_PC16 = 21
R_386_8 = 22
R_386_PC8 = 23
R_386_TLS_GD_32 = 24
R_386_TLS_GD_PUSH = 25
R_386_TLS_GD_CALL = 26
R_386_TLS_GD_POP = 27
R_386_TLS_LDM_32 = 28
R_386_TLS_LDM_PUSH = 29
R_386_TLS_LDM_CALL = 30
R_386_TLS_LDM_POP = 31
R_386_TLS_LDO_32 = 32
R_386_TLS_IE_32 = 33
R_386_TLS_LE_32 = 34
R_386_TLS_DTPMOD32 = 35
R_386_TLS_DTPOFF32 = 36
R_386_TLS_TPOFF32 = 37
R_386_SIZE32 = 38
R_386_TLS_GOTDESC = 39
R_386_TLS_DESC_CALL = 40
R_386_TLS_DESC = 41
R_386_IRELATIVE = 42
R_386_GOT32X = 43

# --- AArch64 relocations (AAELF64 section 5.7; LP64 numbering) ------------
R_AARCH64_NONE = 0
# Static data
R_AARCH64_ABS64 = 257
R_AARCH64_ABS32 = 258
R_AARCH64_ABS16 = 259
R_AARCH64_PREL64 = 260
R_AARCH64_PREL32 = 261
R_AARCH64_PREL16 = 262
# Group relocations for MOVZ/MOVK/MOVN
R_AARCH64_MOVW_UABS_G0 = 263
R_AARCH64_MOVW_UABS_G0_NC = 264
R_AARCH64_MOVW_UABS_G1 = 265
R_AARCH64_MOVW_UABS_G1_NC = 266
R_AARCH64_MOVW_UABS_G2 = 267
R_AARCH64_MOVW_UABS_G2_NC = 268
R_AARCH64_MOVW_UABS_G3 = 269
R_AARCH64_MOVW_SABS_G0 = 270
R_AARCH64_MOVW_SABS_G1 = 271
R_AARCH64_MOVW_SABS_G2 = 272
# PC-relative addresses and loads
R_AARCH64_LD_PREL_LO19 = 273
R_AARCH64_ADR_PREL_LO21 = 274
R_AARCH64_ADR_PREL_PG_HI21 = 275
R_AARCH64_ADR_PREL_PG_HI21_NC = 276
R_AARCH64_ADD_ABS_LO12_NC = 277
R_AARCH64_LDST8_ABS_LO12_NC = 278
# Control flow
R_AARCH64_TSTBR14 = 279
R_AARCH64_CONDBR19 = 280
R_AARCH64_JUMP26 = 282
R_AARCH64_CALL26 = 283
R_AARCH64_LDST16_ABS_LO12_NC = 284
R_AARCH64_LDST32_ABS_LO12_NC = 285
R_AARCH64_LDST64_ABS_LO12_NC = 286
R_AARCH64_MOVW_PREL_G0 = 287
R_AARCH64_MOVW_PREL_G0_NC = 288
R_AARCH64_MOVW_PREL_G1 = 289
R_AARCH64_MOVW_PREL_G1_NC = 290
R_AARCH64_MOVW_PREL_G2 = 291
R_AARCH64_MOVW_PREL_G2_NC = 292
R_AARCH64_MOVW_PREL_G3 = 293
R_AARCH64_LDST128_ABS_LO12_NC = 299
R_AARCH64_MOVW_GOTOFF_G0 = 300
R_AARCH64_MOVW_GOTOFF_G0_NC = 301
R_AARCH64_MOVW_GOTOFF_G1 = 302
R_AARCH64_MOVW_GOTOFF_G1_NC = 303
R_AARCH64_MOVW_GOTOFF_G2 = 304
R_AARCH64_MOVW_GOTOFF_G2_NC = 305
R_AARCH64_MOVW_GOTOFF_G3 = 306
R_AARCH64_GOTREL64 = 307
R_AARCH64_GOTREL32 = 308
R_AARCH64_GOT_LD_PREL19 = 309
R_AARCH64_LD64_GOTOFF_LO15 = 310
R_AARCH64_ADR_GOT_PAGE = 311
R_AARCH64_LD64_GOT_LO12_NC = 312
R_AARCH64_LD64_GOTPAGE_LO15 = 313
# Thread-local storage
R_AARCH64_TLSGD_ADR_PREL21 = 512
R_AARCH64_TLSGD_ADR_PAGE21 = 513
R_AARCH64_TLSGD_ADD_LO12_NC = 514
R_AARCH64_TLSGD_MOVW_G1 = 515
R_AARCH64_TLSGD_MOVW_G0_NC = 516
R_AARCH64_TLSLD_ADR_PREL21 = 517
R_AARCH64_TLSLD_ADR_PAGE21 = 518
R_AARCH64_TLSLD_ADD_LO12_NC = 519
R_AARCH64_TLSLD_MOVW_G1 = 520
R_AARCH64_TLSLD_MOVW_G0_NC = 521
R_AARCH64_TLSLD_LD_PREL19 = 522
R_AARCH64_TLSLD_MOVW_DTPREL_G2 = 523
R_AARCH64_TLSLD_MOVW_DTPREL_G1 = 524
R_AARCH64_TLSLD_MOVW_DTPREL_G1_NC = 525
R_AARCH64_TLSLD_MOVW_DTPREL_G0 = 526
R_AARCH64_TLSLD_MOVW_DTPREL_G0_NC = 527
R_AARCH64_TLSLD_ADD_DTPREL_HI12 = 528
R_AARCH64_TLSLD_ADD_DTPREL_LO12 = 529
R_AARCH64_TLSLD_ADD_DTPREL_LO12_NC = 530
R_AARCH64_TLSLD_LDST8_DTPREL_LO12 = 531
R_AARCH64_TLSLD_LDST8_DTPREL_LO12_NC = 532
R_AARCH64_TLSLD_LDST16_DTPREL_LO12 = 533
R_AARCH64_TLSLD_LDST16_DTPREL_LO12_NC = 534
R_AARCH64_TLSLD_LDST32_DTPREL_LO12 = 535
R_AARCH64_TLSLD_LDST32_DTPREL_LO12_NC = 536
R_AARCH64_TLSLD_LDST64_DTPREL_LO12 = 537
R_AARCH64_TLSLD_LDST64_DTPREL_LO12_NC = 538
R_AARCH64_TLSIE_MOVW_GOTTPREL_G1 = 539
R_AARCH64_TLSIE_MOVW_GOTTPREL_G0_NC = 540
R_AARCH64_TLSIE_ADR_GOTTPREL_PAGE21 = 541
R_AARCH64_TLSIE_LD64_GOTTPREL_LO12_NC = 542
R_AARCH64_TLSIE_LD_GOTTPREL_PREL19 = 543
R_AARCH64_TLSLE_MOVW_TPREL_G2 = 544
R_AARCH64_TLSLE_MOVW_TPREL_G1 = 545
R_AARCH64_TLSLE_MOVW_TPREL_G1_NC = 546
R_AARCH64_TLSLE_MOVW_TPREL_G0 = 547
R_AARCH64_TLSLE_MOVW_TPREL_G0_NC = 548
R_AARCH64_TLSLE_ADD_TPREL_HI12 = 549
R_AARCH64_TLSLE_ADD_TPREL_LO12 = 550
R_AARCH64_TLSLE_ADD_TPREL_LO12_NC = 551
R_AARCH64_TLSLE_LDST8_TPREL_LO12 = 552
R_AARCH64_TLSLE_LDST8_TPREL_LO12_NC = 553
R_AARCH64_TLSLE_LDST16_TPREL_LO12 = 554
R_AARCH64_TLSLE_LDST16_TPREL_LO12_NC = 555
R_AARCH64_TLSLE_LDST32_TPREL_LO12 = 556
R_AARCH64_TLSLE_LDST32_TPREL_LO12_NC = 557
R_AARCH64_TLSLE_LDST64_TPREL_LO12 = 558
R_AARCH64_TLSLE_LDST64_TPREL_LO12_NC = 559
R_AARCH64_TLSDESC_LD_PREL19 = 560
R_AARCH64_TLSDESC_ADR_PREL21 = 561
R_AARCH64_TLSDESC_ADR_PAGE21 = 562
R_AARCH64_TLSDESC_LD64_LO12 = 563
R_AARCH64_TLSDESC_ADD_LO12 = 564
R_AARCH64_TLSDESC_OFF_G1 = 565
R_AARCH64_TLSDESC_OFF_G0_NC = 566
R_AARCH64_TLSDESC_LDR = 567
R_AARCH64_TLSDESC_ADD = 568
R_AARCH64_TLSDESC_CALL = 569
R_AARCH64_TLSLE_LDST128_TPREL_LO12 = 570
R_AARCH64_TLSLE_LDST128_TPREL_LO12_NC = 571
R_AARCH64_TLSLD_LDST128_DTPREL_LO12 = 572
R_AARCH64_TLSLD_LDST128_DTPREL_LO12_NC = 573
# Dynamic relocations
R_AARCH64_COPY = 1024
R_AARCH64_GLOB_DAT = 1025
R_AARCH64_JUMP_SLOT = 1026
R_AARCH64_RELATIVE = 1027
R_AARCH64_TLS_DTPMOD = 1028      # binutils also spells it TLS_DTPMOD64
R_AARCH64_TLS_DTPREL = 1029      # ... TLS_DTPREL64
R_AARCH64_TLS_TPREL = 1030       # ... TLS_TPREL64
R_AARCH64_TLSDESC = 1031
R_AARCH64_IRELATIVE = 1032

# --- RISC-V relocations (RISC-V ELF psABI "Relocations" table) ------------
R_RISCV_NONE = 0
R_RISCV_32 = 1
R_RISCV_64 = 2
R_RISCV_RELATIVE = 3
R_RISCV_COPY = 4
R_RISCV_JUMP_SLOT = 5
R_RISCV_TLS_DTPMOD32 = 6
R_RISCV_TLS_DTPMOD64 = 7
R_RISCV_TLS_DTPREL32 = 8
R_RISCV_TLS_DTPREL64 = 9
R_RISCV_TLS_TPREL32 = 10
R_RISCV_TLS_TPREL64 = 11
R_RISCV_TLSDESC = 12
R_RISCV_BRANCH = 16
R_RISCV_JAL = 17
R_RISCV_CALL = 18          # deprecated by the psABI in favour of CALL_PLT
R_RISCV_CALL_PLT = 19
R_RISCV_GOT_HI20 = 20
R_RISCV_TLS_GOT_HI20 = 21
R_RISCV_TLS_GD_HI20 = 22
R_RISCV_PCREL_HI20 = 23
R_RISCV_PCREL_LO12_I = 24
R_RISCV_PCREL_LO12_S = 25
R_RISCV_HI20 = 26
R_RISCV_LO12_I = 27
R_RISCV_LO12_S = 28
R_RISCV_TPREL_HI20 = 29
R_RISCV_TPREL_LO12_I = 30
R_RISCV_TPREL_LO12_S = 31
R_RISCV_TPREL_ADD = 32
R_RISCV_ADD8 = 33
R_RISCV_ADD16 = 34
R_RISCV_ADD32 = 35
R_RISCV_ADD64 = 36
R_RISCV_SUB8 = 37
R_RISCV_SUB16 = 38
R_RISCV_SUB32 = 39
R_RISCV_SUB64 = 40
R_RISCV_GNU_VTINHERIT = 41   # reserved by the current psABI; binutils still names them
R_RISCV_GNU_VTENTRY = 42
R_RISCV_ALIGN = 43
R_RISCV_RVC_BRANCH = 44
R_RISCV_RVC_JUMP = 45
R_RISCV_RVC_LUI = 46         # 46-50: withdrawn from the psABI, still known to binutils 2.40
R_RISCV_GPREL_I = 47
R_RISCV_GPREL_S = 48
R_RISCV_TPREL_I = 49
R_RISCV_TPREL_S = 50
R_RISCV_RELAX = 51
R_RISCV_SUB6 = 52
R_RISCV_SET6 = 53
R_RISCV_SET8 = 54
R_RISCV_SET16 = 55
R_RISCV_SET32 = 56
R_RISCV_32_PCREL = 57
R_RISCV_IRELATIVE = 58
R_RISCV_PLT32 = 59
R_RISCV_SET_ULEB128 = 60
R_RISCV_SUB_ULEB128 = 61
R_RISCV_TLSDESC_HI20 = 62
R_RISCV_TLSDESC_LOAD_LO12 = 63
R_RISCV_TLSDESC_ADD_LO12 = 64
R_RISCV_TLSDESC_CALL = 65
R_RISCV_VENDOR = 191


def _reloc_table(prefix: str) -> Mapping[int, str]:
    """number -> name for this module's constants starting with ``prefix``."""
    table = {value: name for name, value in globals().items()
             if name.startswith(prefix) and isinstance(value, int)}
    return MappingProxyType(dict(sorted(table.items())))


RELOC_NAMES: Mapping[int, Mapping[int, str]] = MappingProxyType({
    EM_X86_64: _reloc_table("R_X86_64_"),
    EM_386: _reloc_table("R_386_"),
    EM_AARCH64: _reloc_table("R_AARCH64_"),
    EM_RISCV: _reloc_table("R_RISCV_"),
})

RELOC_NUMBERS: Mapping[int, Mapping[str, int]] = MappingProxyType({
    machine: MappingProxyType({name: number for number, name in names.items()})
    for machine, names in RELOC_NAMES.items()
})


def reloc_name(machine: int, type: int) -> str:
    """The psABI name of relocation ``type``, or a readelf-like placeholder."""
    name = RELOC_NAMES.get(machine, {}).get(type)
    return name if name is not None else f"<unknown relocation type {type:#x}>"


def reloc_number(machine: int, name: str) -> int:
    """The number of the relocation the psABI calls ``name``; KeyError if unknown."""
    return RELOC_NUMBERS[machine][name]


# --- Program headers (gABI "Program Header") ------------------------------
PT_NULL = 0
PT_LOAD = 1
PT_DYNAMIC = 2
PT_INTERP = 3
PT_NOTE = 4
PT_SHLIB = 5
PT_PHDR = 6
PT_TLS = 7
PT_GNU_EH_FRAME = 0x6474E550
PT_GNU_STACK = 0x6474E551
PT_GNU_RELRO = 0x6474E552
PT_GNU_PROPERTY = 0x6474E553
PT_RISCV_ATTRIBUTES = 0x70000003

PF_X = 0x1
PF_W = 0x2
PF_R = 0x4


# --- Record layouts (gABI "ELF Header", "Sections", "Symbol Table",
# "Relocation"), little endian.  Field order as in the Elf32_*/Elf64_* structs.
EHDR32 = struct.Struct("<16sHHIIIIIHHHHHH")   # Elf32_Ehdr, 52 bytes
EHDR64 = struct.Struct("<16sHHIQQQIHHHHHH")   # Elf64_Ehdr, 64 bytes
SHDR32 = struct.Struct("<IIIIIIIIII")         # Elf32_Shdr, 40 bytes
SHDR64 = struct.Struct("<IIQQQQIIQQ")         # Elf64_Shdr, 64 bytes
SYM32 = struct.Struct("<IIIBBH")              # Elf32_Sym: name value size info other shndx
SYM64 = struct.Struct("<IBBHQQ")              # Elf64_Sym: name info other shndx value size
REL32 = struct.Struct("<II")                  # Elf32_Rel: offset info
RELA32 = struct.Struct("<IIi")                # Elf32_Rela: offset info addend
REL64 = struct.Struct("<QQ")                  # Elf64_Rel
RELA64 = struct.Struct("<QQq")                # Elf64_Rela
PHDR32 = struct.Struct("<IIIIIIII")         # Elf32_Phdr: type offset vaddr paddr filesz memsz flags align
PHDR64 = struct.Struct("<IIQQQQQQ")         # Elf64_Phdr: type flags offset vaddr paddr filesz memsz align
GRP_WORD = struct.Struct("<I")                # one Elf32_Word of an SHT_GROUP section

"""Target descriptions: one data record per target of DESIGN.md.

Everything that differs between targets and is a fact rather than an
algorithm lives here -- ELF class and machine, relocation style, the C data
model, the code mode the assembler starts in -- so the rest of the code asks
``target.pointer_size`` instead of testing ``if arch == ...``.

The five targets:

================== =========== ======= ===================================
``--target=``      ISA         class   notes
================== =========== ======= ===================================
x86_64-linux-gnu   x86-64      ELF64   LP64, System V AMD64 psABI
i386-linux-gnu     x86-32      ELF32   ILP32, SysV i386 psABI (REL relocs)
aarch64-linux-gnu  A64         ELF64   LP64, AAPCS64
riscv64-linux-gnu  RV64GC      ELF64   LP64D
i386-none-code16   x86 (16)    ELF32   ILP32 like ``gcc -m16``; code16gcc
================== =========== ======= ===================================
"""

from __future__ import annotations

import platform
from dataclasses import dataclass, field

from .diagnostics import ToolchainError

# ELF e_machine values (ELF gABI / psABIs).
EM_386 = 3
EM_X86_64 = 62
EM_AARCH64 = 183
EM_RISCV = 243

# RISC-V e_flags: EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_DOUBLE.
EF_RISCV_RVC = 0x1
EF_RISCV_FLOAT_ABI_DOUBLE = 0x4


@dataclass(frozen=True)
class DataModel:
    """Sizes and alignments (bytes) of C's scalar types."""

    short: int = 2
    int: int = 4
    long: int = 8
    long_long: int = 8
    pointer: int = 8
    float: int = 4
    double: int = 8
    long_double: int = 16
    long_long_align: int = 8
    double_align: int = 8
    long_double_align: int = 16
    max_align: int = 16
    char_is_signed: bool = True
    has_int128: bool = True


LP64_X86 = DataModel()
ILP32_I386 = DataModel(long=4, pointer=4, long_double=12, long_long_align=4,
                       double_align=4, long_double_align=4, max_align=16,
                       has_int128=False)
LP64_AARCH64 = DataModel(char_is_signed=False)
LP64_RISCV = DataModel(char_is_signed=False)


@dataclass(frozen=True)
class Target:
    name: str                       # canonical --target= spelling
    aliases: tuple[str, ...]
    isa: str                        # "x86", "aarch64" or "riscv"
    code_bits: int                  # the assembler's starting mode: 16, 32 or 64
    elf_class: int                  # 32 or 64
    machine: int                    # e_machine
    uses_rela: bool                 # RELA (explicit addends) or REL
    data_model: DataModel
    ld_emulation: str               # GNU ld's -m name
    gnu_triple: str                 # Debian cross-tool prefix
    e_flags: int = 0
    code16gcc: bool = False         # x86-16: 32-bit C in .code16gcc
    page_size: int = 0x1000
    predefined: tuple[str, ...] = field(default=())  # target-identifying macros

    @property
    def pointer_size(self) -> int:
        return self.data_model.pointer

    @property
    def word_size(self) -> int:
        """Size of an address in the ELF file (4 for ELF32, 8 for ELF64)."""
        return self.elf_class // 8


TARGETS: tuple[Target, ...] = (
    Target("x86_64-linux-gnu", ("x86_64", "x86-64", "amd64", "x86_64-pc-linux-gnu",
                                "x86_64-unknown-linux-gnu"),
           "x86", 64, 64, EM_X86_64, True, LP64_X86, "elf_x86_64", "x86_64-linux-gnu",
           predefined=("__x86_64__", "__x86_64", "__amd64__", "__amd64")),
    Target("i386-linux-gnu", ("i386", "i686", "i686-linux-gnu", "i386-pc-linux-gnu", "x86"),
           "x86", 32, 32, EM_386, False, ILP32_I386, "elf_i386", "i686-linux-gnu",
           predefined=("__i386__", "__i386", "i386")),
    Target("aarch64-linux-gnu", ("aarch64", "arm64", "aarch64-unknown-linux-gnu"),
           "aarch64", 64, 64, EM_AARCH64, True, LP64_AARCH64, "aarch64linux",
           "aarch64-linux-gnu", predefined=("__aarch64__",)),
    Target("riscv64-linux-gnu", ("riscv64", "riscv64-unknown-linux-gnu"),
           "riscv", 64, 64, EM_RISCV, True, LP64_RISCV, "elf64lriscv", "riscv64-linux-gnu",
           e_flags=EF_RISCV_RVC | EF_RISCV_FLOAT_ABI_DOUBLE,
           predefined=("__riscv",)),
    Target("i386-none-code16", ("x86_16", "x86-16", "i8086", "code16"),
           "x86", 16, 32, EM_386, False, ILP32_I386, "elf_i386", "i686-linux-gnu",
           code16gcc=True, predefined=("__i386__", "__i386", "i386")),
)

_BY_NAME = {t.name: t for t in TARGETS} | {a: t for t in TARGETS for a in t.aliases}


def find_target(name: str) -> Target:
    """The target named by a ``--target=`` value or alias; ToolchainError if unknown."""
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(t.name for t in TARGETS)
        raise ToolchainError(f"unknown target '{name}' (known targets: {known})") from None


def host_target() -> Target:
    """The target matching the machine we run on (x86-64 when it is none of ours)."""
    machine = platform.machine().lower()
    return {
        "x86_64": _BY_NAME["x86_64-linux-gnu"],
        "amd64": _BY_NAME["x86_64-linux-gnu"],
        "i386": _BY_NAME["i386-linux-gnu"],
        "i686": _BY_NAME["i386-linux-gnu"],
        "aarch64": _BY_NAME["aarch64-linux-gnu"],
        "arm64": _BY_NAME["aarch64-linux-gnu"],
        "riscv64": _BY_NAME["riscv64-linux-gnu"],
    }.get(machine, _BY_NAME["x86_64-linux-gnu"])

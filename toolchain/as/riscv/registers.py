"""RISC-V register names: the 32 integer and 32 floating-point registers,
by their architectural names (x0-x31, f0-f31) and their psABI names (zero,
ra, sp, gp, tp, t0-t6, s0-s11/fp, a0-a7; ft0-ft11, fs0-fs11, fa0-fa7).

Sources: the RISC-V Unprivileged ISA manual, chapter 2 (integer registers)
and the "F" chapter (floating-point registers); the RISC-V ELF psABI,
"Register Convention" (https://github.com/riscv-non-isa/riscv-elf-psabi-doc).
"""

from __future__ import annotations

_GPR_ABI = ("zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
            "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
            "t3", "t4", "t5", "t6")
_FPR_ABI = ("ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1",
            "fa0", "fa1", "fa2", "fa3", "fa4", "fa5", "fa6", "fa7",
            "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11",
            "ft8", "ft9", "ft10", "ft11")

GPR: dict[str, int] = {f"x{n}": n for n in range(32)}
GPR.update({name: n for n, name in enumerate(_GPR_ABI)})
GPR["fp"] = 8

FPR: dict[str, int] = {f"f{n}": n for n in range(32)}
FPR.update({name: n for n, name in enumerate(_FPR_ABI)})

GPR_NAMES = _GPR_ABI          # number -> the name GNU objdump prints
FPR_NAMES = _FPR_ABI


def is_compressible(number: int) -> bool:
    """x8-x15 / f8-f15: the registers a 3-bit RVC register field reaches."""
    return 8 <= number <= 15

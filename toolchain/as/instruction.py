"""The neutral machine instruction: a mnemonic and a tuple of operands.

This is the one currency between the compiler's back ends, the assembler's
text parser, the encoders and the ``-S`` printer (DESIGN.md, "The machine
instruction stream").  Nothing here knows an ISA: per-ISA meaning lives in
each ISA package's tables.

Conventions
-----------
* ``mnemonic`` is the GNU spelling, lower case.  For x86 it is the AT&T
  mnemonic as GNU as accepts it, suffix included when one was written
  (``movl``, ``movzbl``, ``cltq``, ``jne``); the x86 tables resolve suffixes.
* Operands are stored in the ISA manual's order: destination first for x86
  (Intel order, so the AT&T parser reverses what it reads), as written for
  AArch64 and RISC-V.
* ``prefixes`` holds x86 instruction prefixes written before the mnemonic
  (``lock``, ``rep``, ``repz``, ``repnz``, ``data16``, ``addr32``, ``rex.w``,
  ``cs`` ...), in the order written.  Other ISAs leave it empty.
* Instructions carry no encoding state: layout belongs to the streamer.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common.diagnostics import SourceLocation
from .expr import Expr


@dataclass(frozen=True, slots=True)
class Register:
    """A register by its GNU name without decoration: ``"eax"``, ``"x0"``, ``"a0"``."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Immediate:
    """An immediate operand (x86 ``$expr``, AArch64 ``#expr``, RISC-V bare value)."""

    value: Expr


@dataclass(frozen=True, slots=True)
class Memory:
    """A memory reference.

    x86: ``segment:displacement(base, index, scale)``; ``base`` may be the
    pseudo-register ``rip``/``eip``.  ``size`` is the access width in bits when
    the syntax states it (Intel ``dword ptr``), else None and the mnemonic's
    suffix or the other operands decide.

    AArch64 and RISC-V use ``base`` and ``displacement`` (and ``index`` with
    ``extend``/``scale`` for AArch64 register offsets); ``writeback`` is
    ``"pre"`` for ``[x0, #8]!`` and ``"post"`` for ``[x0], #8``.
    """

    base: Register | None = None
    index: Register | None = None
    scale: int = 1
    displacement: Expr | None = None
    segment: Register | None = None
    size: int | None = None
    extend: str | None = None
    writeback: str | None = None


@dataclass(frozen=True, slots=True)
class FarPointer:
    """An x86 direct far address ``ljmp $segment, $offset``."""

    segment: Expr
    offset: Expr


@dataclass(frozen=True, slots=True)
class Indirect:
    """An x86 AT&T indirect branch target ``*operand`` (register or memory)."""

    target: Register | Memory


Operand = Register | Immediate | Memory | Expr | FarPointer | Indirect
"""A bare ``Expr`` operand is a branch/call target or an address (``jmp foo``)."""


@dataclass(frozen=True, slots=True)
class Instruction:
    mnemonic: str
    operands: tuple[Operand, ...] = ()
    location: SourceLocation | None = None
    prefixes: tuple[str, ...] = ()

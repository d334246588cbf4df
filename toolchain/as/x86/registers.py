"""The x86 register file, by GNU name (without the AT&T ``%``).

Each register is a record: its class (``gp``, ``seg``, ``cr``, ``dr``, ``st``,
``mm``, ``xmm``, ``ip``), its number as the encodings see it (0-15; bit 3 goes
to a REX bit), its size in bits, and two REX facts:

* ``needs_rex``: the register exists only with a REX prefix -- ``r8``-``r15``
  in every width and ``xmm8``-``xmm15`` (number >= 8, a REX.R/X/B bit), and
  the byte registers ``spl``, ``bpl``, ``sil``, ``dil`` (numbers 4-7, which
  without any REX prefix mean ``ah``, ``ch``, ``dh``, ``bh``);
* ``forbids_rex``: ``ah``, ``ch``, ``dh``, ``bh`` cannot be encoded when the
  instruction has a REX prefix for any reason.

Intel SDM Vol. 1 §3.4 and Vol. 2 §2.1.5 (Table 2-2, register numbers) and
§2.2.1 (REX).  ``rip``/``eip`` are pseudo-registers that only appear as the
base of a memory operand.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RegInfo:
    name: str
    cls: str           # gp seg cr dr st mm xmm ip
    num: int           # 0-15
    size: int          # bits (cr/dr: the 64-bit-mode width; st: 80)
    needs_rex: bool = False
    forbids_rex: bool = False


def _build() -> dict[str, RegInfo]:
    regs: dict[str, RegInfo] = {}

    def add(name: str, cls: str, num: int, size: int, needs: bool = False,
            forbids: bool = False) -> None:
        regs[name] = RegInfo(name, cls, num, size, needs, forbids)

    legacy = ("ax", "cx", "dx", "bx", "sp", "bp", "si", "di")
    for num, r in enumerate(legacy):
        add("r" + r, "gp", num, 64)
        add("e" + r, "gp", num, 32)
        add(r, "gp", num, 16)
    for num, r in enumerate(("al", "cl", "dl", "bl")):
        add(r, "gp", num, 8)
    for num, r in enumerate(("ah", "ch", "dh", "bh"), start=4):
        add(r, "gp", num, 8, forbids=True)
    for num, r in enumerate(("spl", "bpl", "sil", "dil"), start=4):
        add(r, "gp", num, 8, needs=True)
    for num in range(8, 16):
        add(f"r{num}", "gp", num, 64, True)
        add(f"r{num}d", "gp", num, 32, True)
        add(f"r{num}w", "gp", num, 16, True)
        add(f"r{num}b", "gp", num, 8, True)
        add(f"r{num}l", "gp", num, 8, True)      # Intel's spelling of r8b
    for num, r in enumerate(("es", "cs", "ss", "ds", "fs", "gs")):
        add(r, "seg", num, 16)
    for num in range(16):
        add(f"cr{num}", "cr", num, 64, num >= 8)
        add(f"dr{num}", "dr", num, 64, num >= 8)
        add(f"db{num}", "dr", num, 64, num >= 8)
        add(f"xmm{num}", "xmm", num, 128, num >= 8)
    for num in range(8):
        add(f"st({num})", "st", num, 80)
        add(f"mm{num}", "mm", num, 64)
    add("st", "st", 0, 80)
    add("rip", "ip", 0, 64)
    add("eip", "ip", 0, 32)
    return regs


REGISTERS: dict[str, RegInfo] = _build()


def lookup(name: str) -> RegInfo | None:
    """The register called ``name`` (any case, ``st(1)`` or ``st (1)``), or None."""
    info = REGISTERS.get(name)
    if info is None:
        key = name.lower().replace(" ", "")
        info = REGISTERS.get(key)
    return info

"""The AArch64 directives of GNU as (tc-aarch64.c md_pseudo_table).

* ``.xword``/``.dword``: 8-byte data (``.word`` is 4 bytes on AArch64,
  ``.hword`` 2, which the generic table already knows);
* ``.inst expr, ...``: raw instruction words, emitted as code (``$x``);
* ``.arch``, ``.arch_extension``, ``.cpu``: select the architecture; every
  A64 instruction this assembler knows is accepted whatever they say, so
  they only check their argument is a name;
* ``.tlsdesccall sym``: an ``R_AARCH64_TLSDESC_CALL`` on the next ``blr``
  (no bytes);
* ``.variant_pcs sym``: marks the symbol (STO_AARCH64_VARIANT_PCS).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...common.diagnostics import SourceLocation, ToolchainError
from ..datadirectives import emit_data
from ..directives import ArgReader
from ..instruction import Immediate, Instruction

if TYPE_CHECKING:
    from ..parser import Parser

_ARCH_NAME = re.compile(r"[A-Za-z0-9_.+-]+$")


def xword(p: "Parser", text: str, loc: SourceLocation) -> None:
    emit_data(p, text, loc, 8)


def inst(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    if args.at_end():
        raise ToolchainError("missing expression in .inst directive", loc)
    while True:
        value = args.expression()
        p.streamer.emit_instruction(Instruction(".inst", (Immediate(value),), loc))
        if not args.comma():
            break
    args.expect_end()


def arch(p: "Parser", text: str, loc: SourceLocation) -> None:
    name = text.strip()
    if not name or not _ARCH_NAME.match(name):
        raise ToolchainError(f"unknown architecture `{name}'", loc)


def tlsdesccall(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    value = args.expression()
    args.expect_end()
    here = p.state.current_location()  # type: ignore[misc]
    from ..expr import SymbolRef
    p.streamer.emit_reloc(SymbolRef(here), "R_AARCH64_TLSDESC_CALL", value, loc)


def ltorg(p: "Parser", text: str, loc: SourceLocation) -> None:
    ArgReader(p, text, loc).expect_end()
    pools = getattr(p.isa, "pools", None)
    if pools is not None:
        pools.flush_current()


def unreq(p: "Parser", text: str, loc: SourceLocation) -> None:
    """``.unreq name``: forget a register alias."""
    name = text.strip()
    aliases = getattr(p.isa, "aliases", {})
    if name.lower() not in aliases:
        raise ToolchainError(f"unknown register alias '{name}'", loc)
    del aliases[name.lower()]


DIRECTIVES = {
    "unreq": unreq,
    "ltorg": ltorg, "pool": ltorg,
    "xword": xword, "dword": xword, "inst": inst,
    "arch": arch, "arch_extension": arch, "cpu": arch,
    "tlsdesccall": tlsdesccall,
}

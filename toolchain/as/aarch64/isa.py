"""The AArch64 ISA object the generic assembler talks to (the Isa protocol
of toolchain/as/isa.py).

A64 in one paragraph: a fixed-width 32-bit encoding, 31 general registers
(x0-x30, w0-w30 their low halves) where number 31 is the zero register or
the stack pointer depending on the operand, 32 FP/SIMD registers, and
immediates squeezed into fields of odd widths -- 12-bit arithmetic
immediates optionally shifted by 12, the bitmask encoding of logical
immediates, 16-bit chunks for MOVZ/MOVK, scaled load/store offsets.
Addresses of symbols are built in two steps (ADRP for the 4 KiB page, then
``:lo12:`` in the ADD or the load), each with its relocation.  Branches
never relax: out of range is an error.  References: Arm ARM (DDI 0487),
"A64 Instruction Set Encoding"; aaelf64 for relocations and mapping
symbols (``$x``/``$d``).  Encoders are grouped by the Arm ARM's encoding
classes: dataproc.py, loadstore.py, branchsys.py, fp.py, simd.py.
"""

from __future__ import annotations

import re

from ...common.aarch64_fields import FieldError, patch
from ...common.diagnostics import SourceLocation, ToolchainError
from ...common.target import Target
from ..expr import Binary, Constant, Expr, SymbolRef, Unary
from ..instruction import Immediate, Instruction, Memory, Register
from ..isa import EncodeContext, Encoding, Fixup, SyntaxState
from . import branchsys, dataproc, fp, loadstore, relocs, simd
from .directives import DIRECTIVES
from .encoder import MismatchError, Request
from .operands import (
    Element, LiteralValue, OperandError, Shift, canonical_register, OperandParser, RegisterList, format_memory, squeeze,
)
from .literals import LiteralPools
from .registers import register_info

NOP = bytes.fromhex("1f2003d5")
_REQ = re.compile(r"\.req\s+([A-Za-z_][A-Za-z0-9_.]*)\s*$", re.IGNORECASE)

# Mnemonics both the integer and the SIMD tables know: the SIMD row when the
# first operand is a vector register.
_SHARED = frozenset(m for m in simd.ENCODERS if m in dataproc.ENCODERS or m in fp.ENCODERS)


def _inst(r: Request) -> Encoding:
    """``.inst value``: a raw instruction word (emitted as code)."""
    r.count(1)
    value = r.const_or_expr(0)
    if isinstance(value, Expr):
        raise OperandError("constant expression required", bare=True)
    return r.done(value)


ENCODERS: dict[str, object] = {
    **dataproc.ENCODERS, **loadstore.ENCODERS, **branchsys.ENCODERS, **fp.ENCODERS,
    **{m: f for m, f in simd.ENCODERS.items() if m not in dataproc.ENCODERS
       and m not in fp.ENCODERS},
    ".inst": _inst,
}


def format_expr(e: Expr) -> str:
    """An expression in GNU as's AArch64 syntax (``:lo12:sym+8``)."""
    if isinstance(e, SymbolRef):
        return e.name if e.specifier is None else f":{e.specifier}:{e.name}"
    if isinstance(e, Binary):
        left = format_expr(e.left)
        right = format_expr(e.right)
        if isinstance(e.right, Binary):
            right = f"({right})"
        return f"{left}{e.op}{right}"
    if isinstance(e, Unary):
        inner = format_expr(e.operand)
        return f"{e.op}({inner})" if isinstance(e.operand, Binary) else f"{e.op}{inner}"
    return str(e)


def format_operand(op: object) -> str:
    if isinstance(op, Register):
        return op.name
    if isinstance(op, Immediate):
        return f"#{format_expr(op.value)}"
    if isinstance(op, Memory):
        if op.displacement is not None:
            from dataclasses import replace
            text = format_memory(replace(op, displacement=Constant(0)))
            return text.replace("#0", "#" + format_expr(op.displacement), 1)
        return format_memory(op)
    if isinstance(op, Expr):
        return format_expr(op)
    return str(op)


class AArch64Isa:
    """A64 for the aarch64-linux-gnu target."""

    name = "aarch64"
    special_sections: tuple = ()
    mapping_symbols = ("$x", "$d")
    pcrel_from_field_end = False
    instruction_alignment = 4
    directives = DIRECTIVES

    def __init__(self, target: Target):
        self.target = target
        # The statement text of the instruction parsed last, which GNU as
        # quotes in its messages (an encoding error comes right after parsing).
        self._last: tuple[Instruction | None, str] = (None, "")
        self.pools: LiteralPools | None = None
        self.aliases: dict[str, str] = {}      # name .req register
        self.streamer = None

    # ---- text ---------------------------------------------------------------

    def parse_instruction(self, mnemonic: str, operands: str, prefixes: tuple[str, ...],
                          syntax: SyntaxState, location: SourceLocation) -> Instruction:
        name = mnemonic.lower()
        req = _REQ.match(operands)
        if req is not None:
            self._register_alias(mnemonic, req.group(1), location)
            return None                  # the statement defined a register alias
        if name not in ENCODERS:
            text = f"{mnemonic} {squeeze(operands)}".strip()
            raise ToolchainError(f"unknown mnemonic `{mnemonic}' -- `{text}'", location)
        try:
            ops = OperandParser(syntax, location, self.aliases).operands(name, operands)
        except OperandError as exc:
            raise _located(exc, f"{mnemonic} {squeeze(operands)}".strip(), location) from None
        if len(ops) == 2 and isinstance(ops[1], LiteralValue):
            ops = (ops[0], self._pool_entry(name, ops, location))
        insn = Instruction(name, ops, location)
        self._last = (insn, f"{mnemonic} {squeeze(operands)}".strip())
        return insn

    def _register_alias(self, name: str, target: str, location: SourceLocation) -> None:
        """``name .req register`` (tc-aarch64.c create_register_alias)."""
        register = self.aliases.get(target.lower()) or canonical_register(target)
        if register is None:
            self._warn(f"unknown register '{target}' -- .req ignored", location)
        elif canonical_register(name) is not None:
            self._warn(f"ignoring attempt to redefine built-in register '{name}'", location)
        elif self.aliases.get(name.lower(), register) != register:
            self._warn(f"ignoring redefinition of register alias '{name}'", location)
        else:
            self.aliases[name.lower()] = register

    def _warn(self, message: str, location: SourceLocation) -> None:
        if self.streamer is not None:
            self.streamer.diagnostics.warning(message, location)

    def _pool_entry(self, name: str, ops: tuple, location: SourceLocation) -> Expr:
        info = register_info(ops[0].name) if isinstance(ops[0], Register) else None
        size = {"w": 4, "s": 4, "x": 8, "d": 8, "q": 16}.get(info.kind if info else "")
        if name not in ("ldr", "ldrsw") or size is None or self.pools is None:
            raise ToolchainError(f"invalid use of literal pool -- `{name}'", location)
        if name == "ldrsw":
            size = 4
        return self.pools.entry(ops[1].value, size)

    # ---- per-assembly state: literal pools ---------------------------------------

    def attach_streamer(self, streamer: object) -> None:
        self.streamer = streamer
        self.pools = LiteralPools(streamer)  # type: ignore[arg-type]

    def end_of_assembly(self) -> None:
        if self.pools is not None:
            self.pools.flush_all()

    def format_instruction(self, insn: Instruction, syntax: SyntaxState) -> str:
        if not insn.operands:
            return insn.mnemonic
        return f"{insn.mnemonic}\t" + ", ".join(format_operand(op) for op in insn.operands)

    def symbols_looked_up(self, insn: Instruction) -> list[object]:
        return [op for op in insn.operands
                if isinstance(op, (Immediate, Memory, Expr))]

    def specifier_symbol(self, specifier: str) -> str | None:
        return None

    # ---- encoding -------------------------------------------------------------

    def encode(self, insn: Instruction, context: EncodeContext) -> Encoding:
        name = insn.mnemonic
        handler = ENCODERS.get(name)
        if name in _SHARED:
            first = insn.operands[0] if insn.operands else None
            info = register_info(first.name) if isinstance(first, Register) else None
            if info is not None and (info.kind == "v" or
                                     (info.kind == "d" and name in ("add", "sub"))):
                handler = simd.ENCODERS[name]
        if handler is None:
            raise ToolchainError(f"unknown mnemonic `{name}'", insn.location)
        try:
            return handler(Request(insn))  # type: ignore[operator]
        except OperandError as exc:
            if exc.index and exc.index < len(insn.operands) and \
                    isinstance(insn.operands[exc.index], Shift):
                exc.index -= 1     # GNU as counts a shift as part of the operand before it
            raise _located(exc, self._text(insn), insn.location) from None
        except MismatchError:
            raise ToolchainError(f"operand mismatch -- `{self._text(insn)}'",
                                 insn.location) from None

    def _text(self, insn: Instruction) -> str:
        if self._last[0] is insn:
            return self._last[1]
        ops = ", ".join(format_operand(op) for op in insn.operands)
        return f"{insn.mnemonic} {squeeze(ops)}".strip()

    def relaxable_target(self, insn: Instruction) -> Expr | None:
        return None

    def short_branch_range(self, insn: Instruction, context: EncodeContext) -> tuple[int, int]:
        return (0, 0)

    def nop_fill(self, size: int, context: EncodeContext, limit: int = 0) -> bytes:
        """Code padding (aarch64_handle_align): zeros up to a 4-byte boundary, then NOPs."""
        head = size % 4
        return bytes(head) + NOP * (size // 4)

    # ---- fixups -----------------------------------------------------------------

    def apply_fixup(self, data: bytearray, offset: int, fixup: Fixup, value: int) -> str | None:
        word = int.from_bytes(data[offset:offset + 4], "little")
        try:
            word = patch(word, fixup.kind, value)
        except FieldError as exc:
            return str(exc)
        data[offset:offset + 4] = word.to_bytes(4, "little")
        return None

    def relocation_type(self, fixup: Fixup, symbol_is_local: bool) -> int:
        return relocs.relocation_number(fixup.kind)

    def data_relocation(self, size: int, pcrel: bool, specifier: str | None) -> str | None:
        return relocs.data_relocation(size, pcrel, specifier)

    def local_relocation(self, kind: str, data: bool) -> str:
        return kind

    def fixup_adjustable(self, kind: str, data: bool, pcrel: bool, merge: bool) -> bool:
        return relocs.fixup_adjustable(kind)

    def fixup_forces_relocation(self, kind: str) -> bool:
        return relocs.forces_relocation(kind)

    def relocation_is_tls(self, kind: str) -> bool:
        return relocs.is_tls(kind)

    def rel_addend_in_field(self, kind: str) -> bool:
        return False

    def relocation_is_symbol_size(self, kind: str) -> bool:
        return False


def _located(exc: OperandError, text: str, location: SourceLocation | None) -> ToolchainError:
    if exc.bare:
        return ToolchainError(exc.message, location)
    where = "" if exc.index is None else f" at operand {exc.index + 1}"
    return ToolchainError(f"{exc.message}{where} -- `{text}'", location)


__all__ = ["AArch64Isa", "Element", "RegisterList"]

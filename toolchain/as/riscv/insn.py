"""The ``.insn`` directive: an instruction given by its format and field
values, for opcodes the assembler does not know (GNU as manual, "RISC-V
Instruction Formats").

    .insn r  opcode, func3, func7, rd, rs1, rs2
    .insn r  opcode, func3, func2, rd, rs1, rs2, rs3     (also ``r4``)
    .insn i  opcode, func3, rd, rs1, simm12              (or rd, simm12(rs1))
    .insn s  opcode, func3, rs2, simm12(rs1)
    .insn b  opcode, func3, rs1, rs2, target             (also ``sb``)
    .insn u  opcode, rd, imm20
    .insn j  opcode, rd, target                          (also ``uj``)
    .insn value            .insn length, value

``opcode`` is a number or a major-opcode name (``OP``, ``LOAD``,
``CUSTOM_0``...).  The 16-bit formats (``cr``, ``ci``...) are not
supported.  The statement becomes an Instruction ``.insn`` whose first
operand is the word with every constant field set, the second its size,
then the field kind and the expression of a symbolic immediate, if any
(encoder.py packs that like any other immediate).
"""

from __future__ import annotations

import re

from ...common.diagnostics import SourceLocation, ToolchainError
from ..expr import Constant, Expr, SymbolRef, fold_constant
from ..instruction import Immediate, Instruction, Memory, Operand, Register
from .operands import OperandReader, split_operands
from .registers import FPR, GPR

# Major opcodes by the manual's names ("RISC-V base opcode map").
OPCODE_NAMES = {
    "LOAD": 0x03, "LOAD_FP": 0x07, "CUSTOM_0": 0x0B, "MISC_MEM": 0x0F, "OP_IMM": 0x13,
    "AUIPC": 0x17, "OP_IMM_32": 0x1B, "STORE": 0x23, "STORE_FP": 0x27, "CUSTOM_1": 0x2B,
    "AMO": 0x2F, "OP": 0x33, "LUI": 0x37, "OP_32": 0x3B, "MADD": 0x43, "MSUB": 0x47,
    "NMSUB": 0x4B, "NMADD": 0x4F, "OP_FP": 0x53, "CUSTOM_2": 0x5B, "BRANCH": 0x63,
    "JALR": 0x67, "JAL": 0x6F, "SYSTEM": 0x73, "CUSTOM_3": 0x7B,
}
# Format -> (field layout of the constant operands, the operand kinds after them).
_FORMATS = {
    "r": (("func3", "func7"), ("reg7", "reg15", "reg20")),
    "r4": (("func3", "func2"), ("reg7", "reg15", "reg20", "reg27")),
    "i": (("func3",), ("reg7", "reg15", "imm12")),
    "s": (("func3",), ("reg20", "store")),
    "b": (("func3",), ("reg15", "reg20", "branch")),
    "u": ((), ("reg7", "uimm20")),
    "j": (("func3",)[:0], ("reg7", "jump")),
}
_ALIASES = {"sb": "b", "uj": "j"}
_FIELD_SHIFT = {"func3": 12, "func7": 25, "func2": 25}
_FIELD_BITS = {"func3": 3, "func7": 7, "func2": 2}


def _scrubbed(text: str) -> str:
    """The statement as GNU as quotes it: spaces collapsed, none around commas."""
    return re.sub(r"\s*,\s*", ",", " ".join(text.split()))


def parse_insn(text: str, reader: OperandReader, location: SourceLocation) -> Instruction:
    """The Instruction for a ``.insn`` statement's text."""
    words = text.split(None, 1)
    if not words:
        raise ToolchainError("unrecognized opcode `'", location)
    fmt = _ALIASES.get(words[0].lower(), words[0].lower())
    if fmt not in _FORMATS:
        return _raw(text, reader, location)
    parts = split_operands(words[1] if len(words) > 1 else "")
    constants, kinds = _FORMATS[fmt]
    if fmt == "r" and len(parts) == 7:
        fmt, (constants, kinds) = "r4", _FORMATS["r4"]
    if fmt == "i" and len(parts) == 4:
        kinds = ("reg7", "load")
    if len(parts) != 1 + len(constants) + len(kinds):
        raise ToolchainError(f"illegal operands `{_scrubbed(text)}'", location)
    word = _opcode(parts[0], location)
    for field, part in zip(constants, parts[1:]):
        value = fold_constant(reader.read(part)) if part else None  # type: ignore[arg-type]
        if value is None:
            raise ToolchainError(f"illegal operands `{_scrubbed(text)}'", location)
        if not 0 <= value < (1 << _FIELD_BITS[field]):
            raise ToolchainError(f"bad value for {field.replace('func', 'funct')} field, value "
                                 f"must be 0...{(1 << _FIELD_BITS[field]) - 1}", location)
        word |= value << _FIELD_SHIFT[field]
    immediate: tuple[Operand, ...] = ()
    for kind, part in zip(kinds, parts[1 + len(constants):]):
        op = reader.read(part)
        if kind.startswith("reg"):
            if not isinstance(op, Register):
                raise ToolchainError(f"illegal operands `{_scrubbed(text)}'", location)
            number = GPR[op.name] if op.name in GPR else FPR[op.name]
            word |= number << int(kind[3:])
        elif kind in ("load", "store"):
            if not isinstance(op, Memory):
                raise ToolchainError(f"illegal operands `{_scrubbed(text)}'", location)
            word |= GPR[op.base.name] << 15  # type: ignore[union-attr]
            immediate = (SymbolRef("imm12" if kind == "load" else "store"),
                         op.displacement or Constant(0))
        else:
            if not isinstance(op, Expr):
                raise ToolchainError(f"illegal operands `{_scrubbed(text)}'", location)
            immediate = (SymbolRef(kind), op)
    return Instruction(".insn", (Immediate(Constant(word)), Immediate(Constant(4)))
                       + immediate, location)


def _opcode(text: str, location: SourceLocation) -> int:
    name = text.strip()
    if name.upper() in OPCODE_NAMES:
        return OPCODE_NAMES[name.upper()]
    try:
        value = int(name, 0)
    except ValueError:
        raise ToolchainError(f"bad opcode `{name}' in .insn", location) from None
    if not 0 <= value <= 0x7F or value & 3 != 3:
        raise ToolchainError(f"bad opcode `{name}' in .insn", location)
    return value


def _raw(text: str, reader: OperandReader, location: SourceLocation) -> Instruction:
    parts = split_operands(text)
    try:
        values = [fold_constant(reader.read(p)) if p else None for p in parts]  # type: ignore
    except ToolchainError:
        values = [None]
    if len(values) not in (1, 2) or any(v is None for v in values):
        raise ToolchainError(f"unrecognized opcode `{_scrubbed(text)}'", location)
    value = values[-1]
    length = values[0] if len(values) == 2 else (4 if value & 3 == 3 else 2)  # type: ignore
    natural = 2 if value & 3 != 3 else 4 if value & 0x1F != 0x1F else 0  # type: ignore
    if length not in (2, 4) or length != natural or not 0 <= value < (1 << (8 * length)):  # type: ignore
        raise ToolchainError(f"value conflicts with instruction length `{_scrubbed(text)}'",
                             location)
    return Instruction(".insn", (Immediate(Constant(value)), Immediate(Constant(length))),  # type: ignore
                       location)

"""Encoding RISC-V instructions: table rows to 32-bit words (R/I/S/B/U/J and
R4 formats), compressed where GNU as would (compress.py), with fixups for
operands that carry a relocation.

``encode_steps`` encodes a list of base instructions -- one, or the
expansion of a pseudo-instruction (pseudo.py) -- into one Encoding.  A
step may be a ``Label`` placeholder: the streamer defines an internal
label there (GNU as's ``.L0`` fake label that ``%pcrel_lo`` refers to).
Branches and jumps are encoded by ``encode_branch`` at one of the sizes
layout chose (2, 4, 6 or 8 bytes; see isa.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...common.diagnostics import ToolchainError
from ...common.riscvbits import (
    fits_signed, hi20, lo12, pack_b, pack_cb, pack_cj, pack_i, pack_j, pack_s, pack_u,
)
from ..expr import Binary, Constant, Expr, SymbolRef, Unary, fold_constant
from ..instruction import Immediate, Memory, Operand, Register
from ..isa import Encoding, Fixup
from . import relocs
from .compress import EXPLICIT_NAMES, compress, explicit
from .opcodes import OPCODES, Op
from .operands import match
from .options import Mode
from .registers import FPR, GPR

# Where each register kind sits in the word.
_REG_SHIFT = {"rd": 7, "rs1": 15, "rs2": 20, "fd": 7, "fs1": 15, "fs2": 20, "fs3": 27}


@dataclass(frozen=True, slots=True)
class Label:
    """A step that places an internal label named ``name`` (a placeholder)."""

    name: str


Step = tuple[str, tuple[Operand, ...]] | Label


def illegal(text: str) -> ToolchainError:
    return ToolchainError(f"illegal operands `{text}'")


def find_row(mnemonic: str, operands: tuple[Operand, ...]) -> tuple[Op, tuple[Operand, ...]] | None:
    for op in OPCODES.get(mnemonic, ()):
        got = match(op.operands, operands)
        if got is not None:
            return op, got
    return None


def reg_number(op: Operand) -> int:
    name = op.name  # type: ignore[union-attr]
    return GPR[name] if name in GPR else FPR[name]


def split_specifier(e: Expr) -> tuple[str | None, Expr]:
    """The relocation operator of an operand (``%lo(x+4)`` -> ("lo", x+4))."""
    if isinstance(e, SymbolRef):
        return e.specifier, e
    if isinstance(e, Binary):
        spec, _ = split_specifier(e.left)
        if spec is None:
            spec, _ = split_specifier(e.right)
        return spec, e
    if isinstance(e, Unary):
        return split_specifier(e.operand)[0], e
    return None, e


def _constant_with_specifier(e: Expr) -> int | None:
    """``%hi(0x12345)`` parses as ``SymbolRef('', 'hi') + 0x12345``: the number."""
    if isinstance(e, Binary) and e.op == "+" and isinstance(e.left, SymbolRef) \
            and e.left.name == "":
        return fold_constant(e.right)
    if isinstance(e, SymbolRef) and e.name == "":
        return 0
    return None


class Encoder:
    """Encodes for one mode; ``text`` is the statement for error messages."""

    def __init__(self, mode: Mode, text: str):
        self.mode = mode
        self.text = text

    # --- one base instruction --------------------------------------------------
    def base(self, mnemonic: str, operands: tuple[Operand, ...], offset: int,
             fixups: list[Fixup]) -> bytes:
        if mnemonic == "\x00call":           # the auipc of call/tail/jump
            temp, target = operands
            self.fixup(offset, target, "R_RISCV_CALL_PLT", fixups)  # type: ignore[arg-type]
            return (GPR[temp.name] << 7 | 0x17).to_bytes(4, "little")  # type: ignore
        if mnemonic in EXPLICIT_NAMES:
            return self.explicit(mnemonic, operands)
        keep_long = mnemonic.startswith("!")       # never compressed (call's jalr)
        mnemonic = mnemonic.lstrip("!")
        found = find_row(mnemonic, operands)
        if found is None:
            raise illegal(self.text)
        op, ops = found
        if not self.mode.has(op.extension):
            raise ToolchainError(f"unrecognized opcode `{self.text}', extension "
                                 f"`{op.extension}' required")
        word = op.match
        before = len(fixups)
        regs = {"rd": 0, "rs1": 0, "rs2": 0}
        imm_value: int | None = 0
        imm_kind = None
        imm_expr: Expr | None = None
        for kind, operand in zip(op.operands, ops):
            if kind in _REG_SHIFT:
                n = reg_number(operand)
                word |= n << _REG_SHIFT[kind]
                regs[{"fd": "rd", "fs1": "rs1", "fs2": "rs2"}.get(kind, kind)] = n
            elif kind in ("load", "store", "amo"):
                n = GPR[operand.base.name]  # type: ignore[union-attr]
                word |= n << 15
                regs["rs1"] = n
                if kind != "amo":
                    imm_kind = kind
                    imm_expr = operand.displacement or Constant(0)  # type: ignore[union-attr]
            elif kind == "rm":
                word = (word & ~(7 << 12)) | operand.value.value << 12  # type: ignore
            elif kind == "csr":
                word |= operand.value.value << 20  # type: ignore[union-attr]
            elif kind == "pred":
                word |= operand.value.value << 24  # type: ignore[union-attr]
            elif kind == "succ":
                word |= operand.value.value << 20  # type: ignore[union-attr]
            else:
                imm_kind = kind
                imm_expr = operand  # type: ignore[assignment]
        if imm_kind is not None:
            imm_value, bits = self.immediate(imm_kind, imm_expr, offset, fixups)  # type: ignore
            word |= bits
        if self.mode.rvc and len(fixups) == before and not keep_long:
            small = compress(mnemonic, regs["rd"], regs["rs1"], regs["rs2"], imm_value)
            if small is not None:
                return small.to_bytes(2, "little")
        return word.to_bytes(4, "little")

    def explicit(self, mnemonic: str, operands: tuple[Operand, ...]) -> bytes:
        """A compressed instruction written out (``c.addi a0, 1``)."""
        if not self.mode.has("c"):
            raise ToolchainError(f"unrecognized opcode `{self.text}', extension `c' required")
        regs: list[int] = []
        imm: int | None = None
        for op in operands:
            if isinstance(op, Register):
                regs.append(reg_number(op))
            elif isinstance(op, Memory):
                regs.append(GPR[op.base.name])  # type: ignore[union-attr]
                imm = 0 if op.displacement is None else fold_constant(op.displacement)
                if imm is None:
                    raise illegal(self.text)
            elif isinstance(op, Expr) and imm is None:
                imm = fold_constant(op)
                if imm is None:
                    raise illegal(self.text)
            else:
                raise illegal(self.text)
        fp = mnemonic in ("c.fld", "c.fsd", "c.fldsp", "c.fsdsp")
        if any(isinstance(o, Register) and (o.name in FPR) != (fp and i == 0)
               for i, o in enumerate(operands)):
            raise illegal(self.text)
        try:
            return explicit(mnemonic, regs, imm).to_bytes(2, "little")
        except ValueError:
            raise illegal(self.text) from None

    def insn(self, operands: tuple[Operand, ...]) -> Encoding:
        """A ``.insn`` statement (insn.py): the word, its size, and maybe a
        symbolic field (its kind as a name, its expression)."""
        word = operands[0].value.value  # type: ignore[union-attr]
        size = operands[1].value.value  # type: ignore[union-attr]
        fixups: list[Fixup] = []
        if len(operands) == 4:
            kind, e = operands[2].name, operands[3]  # type: ignore[union-attr]
            if kind in ("branch", "jump"):
                value = fold_constant(e)  # type: ignore[arg-type]
                if value is not None:
                    word |= pack_b(value) if kind == "branch" else pack_j(value)
                else:
                    fixups.append(Fixup(0, 4, e, "R_RISCV_BRANCH" if kind == "branch"  # type: ignore
                                        else "R_RISCV_JAL", pcrel=True))
            else:
                _, bits = self.immediate(kind, e, 0, fixups)  # type: ignore[arg-type]
                word |= bits
        return Encoding(word.to_bytes(size, "little"), tuple(fixups),
                        ends_frag=any(f.kind in relocs.ENDS_FRAG for f in fixups))

    def immediate(self, kind: str, e: Expr, offset: int,
                  fixups: list[Fixup]) -> tuple[int | None, int]:
        """(the value when it is a number, else None; the bits to OR in)."""
        value = fold_constant(e)
        spec, inner = split_specifier(e)
        if value is None and spec is not None:
            number = _constant_with_specifier(inner)
            if number is not None:
                if spec == "hi" and kind == "uimm20":
                    value = hi20(number)
                elif spec == "lo" and kind in ("imm12", "load", "store"):
                    value = lo12(number)
                else:
                    raise illegal(self.text)
        if value is not None:
            return value, self.pack(kind, value)
        if spec is None:
            raise illegal(self.text)
        spec = spec.lower()
        if kind == "uimm20":
            name = relocs.HI_SPECIFIERS.get(spec)
        elif kind in ("imm12", "load"):
            name = relocs.LO_I_SPECIFIERS.get(spec)
        elif kind == "store":
            name = relocs.LO_S_SPECIFIERS.get(spec)
        elif kind == "tprel":
            name = relocs.ADD_SPECIFIERS.get(spec)
        else:
            name = None
        if name is None:
            raise illegal(self.text)
        self.fixup(offset, e, name, fixups)
        return None, 0

    def fixup(self, offset: int, e: Expr, name: str, fixups: list[Fixup]) -> None:
        pcrel = name in _PCREL
        fixups.append(Fixup(offset, 4, e, name, pcrel=pcrel))
        if self.mode.relax and name in relocs.RELAXABLE:
            fixups.append(Fixup(offset, 4, e, "R_RISCV_RELAX"))   # addend: e's constant

    def pack(self, kind: str, value: int) -> int:
        if kind in ("imm12", "load"):
            if not fits_signed(value, 12):
                raise illegal(self.text)
            return pack_i(value)
        if kind == "store":
            if not fits_signed(value, 12):
                raise illegal(self.text)
            return pack_s(value)
        if kind in ("shamt6", "shamt5"):
            if not 0 <= value < (64 if kind == "shamt6" else 32):
                raise ToolchainError(f"improper shift amount ({value})")
            return value << 20
        if kind == "uimm20":
            if not 0 <= value <= 0xFFFFF:
                raise ToolchainError("lui expression not in range 0..1048575")
            return pack_u(value)
        if kind == "zimm5":
            if not 0 <= value <= 31:
                raise ToolchainError(f"improper CSRxI immediate ({value})")
            return value << 15
        raise illegal(self.text)

    # --- a sequence -------------------------------------------------------------
    def steps(self, steps: list[Step], ends_frag: bool = False) -> Encoding:
        data = bytearray()
        fixups: list[Fixup] = []
        labels: list[tuple[int, str]] = []
        for step in steps:
            if isinstance(step, Label):
                labels.append((len(data), step.name))
                continue
            mnemonic, operands = step
            data += self.base(mnemonic, operands, len(data), fixups)
        return Encoding(bytes(data), tuple(fixups), labels=tuple(labels),
                        ends_frag=ends_frag or any(f.kind in relocs.ENDS_FRAG for f in fixups))


_PCREL = frozenset({"R_RISCV_PCREL_HI20", "R_RISCV_GOT_HI20", "R_RISCV_TLS_GOT_HI20",
                    "R_RISCV_TLS_GD_HI20", "R_RISCV_CALL_PLT", "R_RISCV_CALL",
                    "R_RISCV_BRANCH", "R_RISCV_JAL", "R_RISCV_RVC_BRANCH",
                    "R_RISCV_RVC_JUMP"})

# --- branches and jumps ------------------------------------------------------------

_BRANCH_FUNCT3 = {"beq": 0, "bne": 1, "blt": 4, "bge": 5, "bltu": 6, "bgeu": 7}
_INVERSE = {"beq": "bne", "bne": "beq", "blt": "bge", "bge": "blt", "bltu": "bgeu",
            "bgeu": "bltu"}


@dataclass(frozen=True, slots=True)
class Branch:
    """A conditional branch ``name rs1, rs2, target`` or a jump ``jal rd, target``."""

    name: str          # beq ... bgeu, or "jal"
    rs1: int
    rs2: int
    rd: int
    target: Expr
    fixed: int = 0     # written compressed (c.j, c.beqz): always this size

    @property
    def is_jump(self) -> bool:
        return self.name == "jal"

    def compressible(self, mode: Mode) -> bool:
        if self.fixed:
            return True
        if not mode.rvc:
            return False
        if self.is_jump:
            return self.rd == 0
        return self.name in ("beq", "bne") and self.rs2 == 0 and 8 <= self.rs1 <= 15


def _b_word(name: str, rs1: int, rs2: int, disp: int) -> int:
    return pack_b(disp) | rs2 << 20 | rs1 << 15 | _BRANCH_FUNCT3[name] << 12 | 0x63


def _cb_word(name: str, rs1: int, disp: int) -> int:
    return (0b110 if name == "beq" else 0b111) << 13 | pack_cb(disp) | (rs1 - 8) << 7 | 0b01


def encode_branch(b: Branch, size: int) -> Encoding:
    """The branch at ``size`` bytes with a zero displacement and its fixup:
    2 = c.beqz/c.bnez/c.j, 4 = the B- or J-type form, 6 / 8 = the opposite
    branch over a ``jal x0`` (compressed / not)."""
    t = b.target
    if b.is_jump:
        if size == 2:
            return Encoding((0b101 << 13 | 0b01).to_bytes(2, "little"),
                            (Fixup(0, 2, t, "R_RISCV_RVC_JUMP", pcrel=True),))
        word = b.rd << 7 | 0x6F
        return Encoding(word.to_bytes(4, "little"), (Fixup(0, 4, t, "R_RISCV_JAL", pcrel=True),))
    if size == 2:
        return Encoding(_cb_word(b.name, b.rs1, 0).to_bytes(2, "little"),
                        (Fixup(0, 2, t, "R_RISCV_RVC_BRANCH", pcrel=True),))
    if size == 4:
        return Encoding(_b_word(b.name, b.rs1, b.rs2, 0).to_bytes(4, "little"),
                        (Fixup(0, 4, t, "R_RISCV_BRANCH", pcrel=True),))
    inverse = _INVERSE[b.name]
    if size == 6:
        first = _cb_word(inverse, b.rs1, 6).to_bytes(2, "little")
    else:
        first = _b_word(inverse, b.rs1, b.rs2, 8).to_bytes(4, "little")
    jal = (0x6F).to_bytes(4, "little")
    return Encoding(first + jal, (Fixup(len(first), 4, t, "R_RISCV_JAL", pcrel=True),))


def apply_value(data: bytearray, offset: int, kind: str, value: int,
                check: bool = True) -> str | None:
    """Pack a resolved value into the instruction at ``offset`` (md_apply_fix)."""
    size = 2 if kind.startswith("R_RISCV_RVC_") else 4
    word = int.from_bytes(data[offset:offset + size], "little")
    if kind == "R_RISCV_BRANCH":
        if check and not fits_signed(value, 13):
            return "branch out of range"
        word |= pack_b(value)
    elif kind == "R_RISCV_JAL":
        if check and not fits_signed(value, 21):
            return "jump out of range"
        word |= pack_j(value)
    elif kind == "R_RISCV_RVC_BRANCH":
        if check and not fits_signed(value, 9):
            return "branch out of range"
        word |= pack_cb(value)
    elif kind == "R_RISCV_RVC_JUMP":
        if check and not fits_signed(value, 12):
            return "jump out of range"
        word |= pack_cj(value)
    elif kind in ("R_RISCV_HI20", "R_RISCV_PCREL_HI20"):
        word |= pack_u(hi20(value))
    elif kind in ("R_RISCV_LO12_I", "R_RISCV_PCREL_LO12_I"):
        word |= pack_i(lo12(value))
    elif kind in ("R_RISCV_LO12_S", "R_RISCV_PCREL_LO12_S"):
        word |= pack_s(lo12(value))
    else:
        return f"cannot resolve {kind} here"
    data[offset:offset + size] = word.to_bytes(size, "little")
    return None


__all__ = ["Branch", "Encoder", "Label", "apply_value", "encode_branch", "find_row",
           "Immediate", "Memory", "Register"]

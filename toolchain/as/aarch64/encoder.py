"""What every A64 encoder shares: operand access with GNU as's messages,
and the result (one 32-bit little-endian word plus fixups).

Every A64 instruction is one 32-bit word; an encoder ORs fields into the
fixed bits of its table row.  The operand checks here raise OperandError
with GNU as's wording ("operand 2 must be an integer register"); isa.py
turns that into ``file:line:col: error: ... -- `insn'``.
"""

from __future__ import annotations

from ..expr import Constant, Expr, fold_constant
from ..instruction import Immediate, Instruction, Memory, Register
from ..isa import Encoding, Fixup
from .operands import FloatImmediate, Keyword, OperandError, Shift
from .registers import RegInfo, register_info


class Request:
    """One instruction being encoded."""

    def __init__(self, insn: Instruction):
        self.insn = insn
        self.mnemonic = insn.mnemonic
        self.ops = insn.operands
        self.fixups: list[Fixup] = []

    # ---- shape ---------------------------------------------------------------

    def count(self, low: int, high: int | None = None) -> None:
        """Require between ``low`` and ``high`` operands."""
        n = len(self.ops)
        high = low if high is None else high
        if n < low:
            raise OperandError("comma expected between operands", n)
        if n > high:
            raise OperandError("unexpected characters following instruction", max(high - 1, 0))

    def has(self, i: int) -> bool:
        return i < len(self.ops)

    # ---- registers -------------------------------------------------------------

    def info(self, i: int) -> RegInfo | None:
        op = self.ops[i] if i < len(self.ops) else None
        return register_info(op.name) if isinstance(op, Register) else None

    def gp(self, i: int, sp: bool = False, zr: bool = True, size: str | None = None) -> tuple[int, int]:
        """(number, sf) of a general register operand; ``sp``: SP/WSP allowed
        as number 31, ``zr``: XZR/WZR allowed; ``size`` "x" or "w" to require one."""
        r = self.info(i)
        if r is None or r.kind not in "xw" or (r.sp and not sp) or \
                (r.number == 31 and not r.sp and not zr):
            what = ("integer or stack pointer register" if sp and not zr else
                    "integer register" if not sp else "integer or stack pointer register")
            if size == "x" and sp:
                raise OperandError("64-bit integer or SP register expected", i)
            raise OperandError(f"operand {i + 1} must be an {what}", None)
        if size is not None and r.kind != size:
            raise MismatchError()
        return r.number, int(r.kind == "x")

    def fp(self, i: int, kinds: str = "hsd") -> tuple[int, str]:
        """(number, kind) of a scalar FP/SIMD register of one of ``kinds``."""
        r = self.info(i)
        if r is None or r.kind not in kinds or r.kind in "xwv":
            if r is not None and r.kind in "bhsdq":
                raise MismatchError()
            raise OperandError(f"operand {i + 1} must be a SIMD scalar register", None)
        return r.number, r.kind

    def vec(self, i: int) -> RegInfo:
        r = self.info(i)
        if r is None or r.kind != "v" or r.arrangement is None:
            raise OperandError(f"operand {i + 1} must be a SIMD vector register", None)
        return r

    # ---- immediates ------------------------------------------------------------

    def expr(self, i: int) -> Expr:
        op = self.ops[i] if i < len(self.ops) else None
        if isinstance(op, Immediate):
            return op.value
        if isinstance(op, Expr):
            return op
        if isinstance(op, Register):
            raise OperandError("unexpected register in the immediate operand", i)
        raise OperandError("immediate operand required", i)

    def const(self, i: int) -> int:
        """A constant immediate operand."""
        value = fold_constant(self.expr(i))
        if value is None:
            raise OperandError("constant expression required", i)
        return value

    def const_or_expr(self, i: int) -> int | Expr:
        e = self.expr(i)
        value = fold_constant(e)
        return e if value is None else value

    def ranged(self, i: int, low: int, high: int) -> int:
        value = self.const(i)
        if not low <= value <= high:
            raise OperandError(f"immediate value out of range {low} to {high}", i)
        return value

    def shift(self, i: int) -> Shift | None:
        op = self.ops[i] if i < len(self.ops) else None
        if op is None:
            return None
        if not isinstance(op, Shift):
            raise OperandError("shift expression expected", i)
        return op

    def keyword(self, i: int) -> str | None:
        op = self.ops[i] if i < len(self.ops) else None
        return op.name if isinstance(op, Keyword) else None

    def memory(self, i: int) -> Memory:
        op = self.ops[i] if i < len(self.ops) else None
        if not isinstance(op, Memory):
            if i >= len(self.ops):
                raise OperandError("comma expected between operands", i)
            raise OperandError("invalid addressing mode", i)
        return op

    def float_imm(self, i: int) -> float | None:
        op = self.ops[i] if i < len(self.ops) else None
        if isinstance(op, FloatImmediate):
            return op.value
        if isinstance(op, Immediate) and isinstance(op.value, Constant):
            return float(op.value.value)
        return None

    # ---- result ----------------------------------------------------------------

    def fixup(self, value: Expr, kind: str, pcrel: bool = False) -> None:
        self.fixups.append(Fixup(0, 4, value, kind, pcrel, location=self.insn.location))

    def done(self, word: int) -> Encoding:
        return Encoding((word & 0xFFFFFFFF).to_bytes(4, "little"), tuple(self.fixups))


class MismatchError(Exception):
    """Operands of the wrong sizes for every form ("operand mismatch")."""


def is_register(op: object) -> bool:
    return isinstance(op, Register)

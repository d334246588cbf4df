"""Reading RISC-V operands: registers, ``offset(reg)`` addresses,
expressions with ``%hi(...)``-style relocation operators, and the keyword
operands some instructions take -- rounding modes (``rtz``), fence sets
(``iorw``), CSR names (``fflags``).

``split_operands`` cuts the text at top-level commas, ``read_operand``
turns one piece into a Register, a Memory (``off(rs1)``, ``(rs1)``) or an
Expr.  ``match`` then checks the operands against one opcode-table row
and converts keyword operands to numbers (Immediate(Constant)).
"""

from __future__ import annotations

from ...common.diagnostics import SourceLocation, ToolchainError
from ..expr import Constant, Expr, SymbolRef, fold_constant
from ..exprparse import ExprParser
from ..instruction import Immediate, Memory, Operand, Register
from ..isa import SyntaxState
from .csrs import CSRS
from .opcodes import ROUNDING_MODES
from .registers import FPR, GPR


def split_operands(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            end = text.find('"', i + 1)
            i = n if end < 0 else end + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
        i += 1
    last = text[start:].strip()
    if last or parts:
        parts.append(last)
    return parts


def register_of(text: str) -> Register | None:
    """Register names are lower case: ``sP`` is a symbol (GNU as)."""
    name = text.strip()
    if name in GPR or name in FPR:
        return Register(name)
    return None


class OperandReader:
    """Reads the operands of one statement."""

    def __init__(self, syntax: SyntaxState, location: SourceLocation):
        self.syntax = syntax
        self.location = location

    def parser(self, text: str) -> ExprParser:
        return ExprParser(text, self.location, self.syntax.current_location,
                          self.syntax.local_label, False, True, False,
                          absolute_value=self.syntax.absolute_value)

    def read(self, text: str) -> Operand:
        if not text:
            raise ToolchainError("missing operand", self.location)
        reg = register_of(text)
        if reg is not None:
            return reg
        if text.endswith(")"):
            open_at = _matching_open(text)
            if open_at is not None:
                base = register_of(text[open_at + 1:-1])
                if base is not None:
                    prefix = text[:open_at].strip()
                    disp = self.parser(prefix).parse_all() if prefix else None
                    return Memory(base=base, displacement=disp)
        return self.parser(text).parse_all()


def _matching_open(text: str) -> int | None:
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        c = text[i]
        if c == ")":
            depth += 1
        elif c == "(":
            depth -= 1
            if depth == 0:
                return i
    return None


# --- matching one table row ----------------------------------------------------

_GPR_KINDS = frozenset({"rd", "rs1", "rs2"})
_FPR_KINDS = frozenset({"fd", "fs1", "fs2", "fs3"})
_EXPR_KINDS = frozenset({"imm12", "shamt6", "shamt5", "uimm20", "zimm5", "branch", "jump",
                         "tprel", "symbol"})


def keyword(op: Operand) -> str | None:
    """The bare word an operand is, if it is one (``rtz``, ``iorw``, ``fflags``)."""
    if isinstance(op, SymbolRef) and op.specifier is None:
        return op.name.lower()
    return None


def fence_set(op: Operand) -> int | None:
    word = keyword(op)
    if word is None:
        value = fold_constant(op) if isinstance(op, Expr) else None
        return value if value is not None and 0 <= value <= 15 else None
    bits = 0
    for letter in word:
        bit = {"i": 8, "o": 4, "r": 2, "w": 1}.get(letter)
        if bit is None or bits & bit or (bits and bit > min(b for b in (8, 4, 2, 1) if bits & b)):
            return None
        bits |= bit
    return bits


def match(kinds: tuple[str, ...], operands: tuple[Operand, ...]) -> tuple[Operand, ...] | None:
    """The operands in canonical form if they fit ``kinds``, else None.

    A trailing ``rm`` kind is optional; keyword operands become
    Immediate(Constant(number)).
    """
    if len(operands) == len(kinds) - 1 and kinds and kinds[-1] == "rm":
        kinds = kinds[:-1]
    if len(operands) != len(kinds):
        return None
    out: list[Operand] = []
    for kind, op in zip(kinds, operands):
        if kind in _GPR_KINDS:
            if not (isinstance(op, Register) and op.name in GPR):
                return None
        elif kind in _FPR_KINDS:
            if not (isinstance(op, Register) and op.name in FPR):
                return None
        elif kind in ("load", "store"):
            if not (isinstance(op, Memory) and op.base.name in GPR):  # type: ignore[union-attr]
                return None
        elif kind == "amo":
            if not (isinstance(op, Memory) and op.base.name in GPR):  # type: ignore[union-attr]
                return None
            if op.displacement is not None and fold_constant(op.displacement) != 0:
                return None
        elif kind in _EXPR_KINDS:
            if not isinstance(op, Expr):
                return None
            if kind in ("tprel",):
                if not (isinstance(op, SymbolRef) or fold_constant(op) is None):
                    return None
        elif kind in ("rm", "csr", "pred", "succ") and isinstance(op, Immediate):
            pass                        # already a number (a canonical operand)
        elif kind == "rm":
            word = keyword(op)
            if word not in ROUNDING_MODES:
                return None
            op = Immediate(Constant(ROUNDING_MODES[word]))
        elif kind == "csr":
            word = keyword(op)
            if word is not None and word in CSRS:
                op = Immediate(Constant(CSRS[word]))
            elif isinstance(op, Expr) and fold_constant(op) is not None:
                value = fold_constant(op)
                if not 0 <= value <= 0xFFF:  # type: ignore[operator]
                    return None
                op = Immediate(Constant(value))  # type: ignore[arg-type]
            else:
                return None
        elif kind in ("pred", "succ"):
            bits = fence_set(op)
            if bits is None:
                return None
            op = Immediate(Constant(bits))
        else:
            raise AssertionError(kind)
        out.append(op)
    return tuple(out)

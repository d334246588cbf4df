"""Assembler expressions: the symbolic values that operands and data carry.

An expression is an immutable tree of constants, symbol references and
operators, as GNU as reads them (``foo+4``, ``.L2-.L1``, ``foo@PLT``,
``:lo12:sym`` on AArch64, ``%pcrel_hi(sym)`` on RISC-V).  The parser builds
them, the compiler's back end builds them directly, the streamer evaluates
them against its symbol table (``layout.py``) and turns what stays symbolic
into fixups.  The current location ``.`` is not a node: the parser replaces it
by a temporary label placed at the current position, as GNU as does.

Operators use C's spelling and GNU as's precedence (see ``BINARY_PRECEDENCE``).
"""

from __future__ import annotations

from dataclasses import dataclass


class Expr:
    """Base class of expression nodes."""

    __slots__ = ()

    def symbols(self) -> list[str]:
        """Names of all symbols referenced, in order of appearance."""
        out: list[str] = []
        _collect_symbols(self, out)
        return out


@dataclass(frozen=True, slots=True)
class Constant(Expr):
    value: int

    def __str__(self) -> str:
        return str(self.value)


@dataclass(frozen=True, slots=True)
class SymbolRef(Expr):
    """A reference to a symbol, with an optional relocation specifier.

    ``specifier`` is the ISA's operator as written, without decoration:
    ``"PLT"``, ``"GOTPCREL"``, ``"GOTOFF"`` for x86 (``sym@PLT``),
    ``"lo12"``, ``"got"`` for AArch64 (``:lo12:sym``), ``"pcrel_hi"`` for
    RISC-V (``%pcrel_hi(sym)``).
    """

    name: str
    specifier: str | None = None

    def __str__(self) -> str:
        return self.name if self.specifier is None else f"{self.name}@{self.specifier}"


@dataclass(frozen=True, slots=True)
class Unary(Expr):
    op: str  # one of - ~ !  (and + which the parser drops)
    operand: Expr

    def __str__(self) -> str:
        return f"{self.op}{_paren(self.operand)}"


@dataclass(frozen=True, slots=True)
class Binary(Expr):
    op: str  # one of BINARY_PRECEDENCE
    left: Expr
    right: Expr

    def __str__(self) -> str:
        return f"{_paren(self.left)}{self.op}{_paren(self.right)}"


# GNU as precedence (higher binds tighter); see "Infix Operators" in the GNU as
# manual.  Comparison and logical operators yield -1 for true in GNU as when
# used with .if; as plain values they yield 1 for true (as since 2.x).
BINARY_PRECEDENCE: dict[str, int] = {
    "||": 1,
    "&&": 2,
    "==": 3, "!=": 3, "<>": 3, "<": 3, ">": 3, "<=": 3, ">=": 3,
    "+": 4, "-": 4, "|": 4, "&": 4, "^": 4, "!": 4,
    "*": 5, "/": 5, "%": 5, "<<": 5, ">>": 5,
}


def _paren(e: Expr) -> str:
    return f"({e})" if isinstance(e, Binary) else str(e)


def _collect_symbols(e: Expr, out: list[str]) -> None:
    if isinstance(e, SymbolRef):
        out.append(e.name)
    elif isinstance(e, Unary):
        _collect_symbols(e.operand, out)
    elif isinstance(e, Binary):
        _collect_symbols(e.left, out)
        _collect_symbols(e.right, out)


def fold_constant(e: Expr) -> int | None:
    """Value of ``e`` if it has no symbol references, else None.

    Division by zero yields None; the caller reports it with its location.
    """
    if isinstance(e, Constant):
        return e.value
    if isinstance(e, Unary):
        v = fold_constant(e.operand)
        return None if v is None else apply_unary(e.op, v)
    if isinstance(e, Binary):
        a = fold_constant(e.left)
        if a is None:
            return None
        b = fold_constant(e.right)
        if b is None:
            return None
        return apply_binary(e.op, a, b)
    return None


def apply_unary(op: str, v: int) -> int:
    if op == "-":
        return -v
    if op == "~":
        return ~v
    if op == "!":
        return int(v == 0)
    if op == "+":
        return v
    raise ValueError(f"unknown unary operator {op!r}")


def apply_binary(op: str, a: int, b: int) -> int | None:
    """C semantics on Python integers (division truncates toward zero)."""
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op in ("/", "%"):
        if b == 0:
            return None
        q = abs(a) // abs(b)
        if (a < 0) != (b < 0):
            q = -q
        return q if op == "/" else a - q * b
    if op == "<<":
        return a << b if 0 <= b < 128 else 0
    if op == ">>":
        return a >> b if 0 <= b < 128 else (-1 if a < 0 else 0)
    if op == "|":
        return a | b
    if op == "&":
        return a & b
    if op == "^":
        return a ^ b
    if op == "!":  # GNU as: a OR NOT b
        return a | ~b
    if op == "==":
        return -int(a == b)
    if op in ("!=", "<>"):
        return -int(a != b)
    if op == "<":
        return -int(a < b)
    if op == ">":
        return -int(a > b)
    if op == "<=":
        return -int(a <= b)
    if op == ">=":
        return -int(a >= b)
    if op == "&&":
        return int(bool(a) and bool(b))
    if op == "||":
        return int(bool(a) or bool(b))
    raise ValueError(f"unknown binary operator {op!r}")

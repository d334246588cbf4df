"""Symbols of one assembly and the evaluation of expressions over them.

The streamer keeps one :class:`SymbolTable`.  A symbol is created the first
time its name is mentioned -- defined, referenced, declared ``.globl`` --
and that creation order is the order GNU as writes the symbol table in, so
every mention goes through :meth:`SymbolTable.lookup`.

Expressions from the parser or the compiler name symbols by string.  The
streamer *binds* each expression when it is emitted: every ``SymbolRef`` is
replaced by a :class:`Ref` holding the Symbol object itself.  A later
``.set`` that redefines a symbol then makes a new Symbol (as GNU as clones
it), and expressions bound before keep the old value.

Evaluation reduces a bound expression to GNU as's "relocatable value":
``add - sub + const`` with at most one symbol on each side.  A difference of
two labels cancels into a constant when both are in one section and their
distance is known: always after layout (``final``), and before layout only
when no variable-size fragment (alignment, relaxable branch, ``.org``) lies
between them, as GNU as's ``frag_offset_fixed_p`` decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..common.diagnostics import SourceLocation
from .expr import Binary, Constant, Expr, SymbolRef, Unary, apply_binary, apply_unary

if TYPE_CHECKING:
    from .sections import Frag, Section

# Symbol kinds.
UNDEFINED = 0
LABEL = 1       # section + fragment + offset
ABSOLUTE = 2    # a constant (.set x, 42)
EQUATED = 3     # an expression resolved at the end (.set x, undef+4; .set x, a-b)
COMMON = 4      # .comm

FAKE_LABEL_NAME = ".L0\x01"
DEAD = -1           # Symbol.order of a symbol replaced by a redefinition
UNPLACED = -2       # Symbol.order of a .L symbol not yet in GNU as's symbol list     # GNU as's name for '.' symbols (obj-elf.h)


class Symbol:
    """One named symbol; mutable state owned by the streamer's SymbolTable."""

    __slots__ = ("name", "elf_name", "order", "kind", "section", "frag", "offset", "value",
                 "expr", "binding", "visibility", "type", "size", "used", "volatile",
                 "location", "is_file", "tls", "common_align", "resolving", "used_in_reloc",
                 "copied_size", "weakref", "weakrefd", "eqv", "other_flags")

    def __init__(self, name: str, order: int, elf_name: str | None = None):
        self.name = name
        self.elf_name = name if elf_name is None else elf_name
        self.order = order
        self.kind = UNDEFINED
        self.section: Section | None = None
        self.frag: Frag | None = None
        self.offset = 0
        self.value = 0                      # ABSOLUTE value, COMMON size
        self.expr: Expr | None = None       # EQUATED (bound)
        self.binding: str | None = None     # None | "global" | "local" | "weak"
        self.visibility: str | None = None
        self.type: str | None = None        # .type name
        self.size: Expr | None = None       # .size expression (bound)
        self.used = False                   # referenced by an expression
        self.volatile = False               # defined by .set: may be redefined
        self.location: SourceLocation | None = None
        self.is_file = False
        self.tls = False                    # referenced by a TLS relocation
        self.common_align = 0
        self.resolving = False
        self.used_in_reloc = False
        self.copied_size: Symbol | None = None   # .set alias copies the size of ...
        self.weakref: Symbol | None = None  # .weakref alias: the symbol it stands for
        self.weakrefd = False               # named first by .weakref: weak unless named again
        self.eqv: Expr | None = None        # .eqv/==: unbound, re-bound at every use
        self.other_flags = 0                # st_other bits besides visibility (AArch64 .variant_pcs)

    @property
    def defined(self) -> bool:
        return self.kind in (LABEL, ABSOLUTE, EQUATED, COMMON)

    @property
    def is_local_label(self) -> bool:
        """Assembler-local names GNU as never writes to the symbol table (.L...)."""
        return is_local_label_name(self.name)

    @property
    def external(self) -> bool:
        """Global or weak, or undefined (which ELF makes global)."""
        return self.binding in ("global", "weak")

    def __repr__(self) -> str:
        return f"Symbol({self.name!r})"


def is_local_label_name(name: str) -> bool:
    """BFD's _bfd_elf_is_local_label_name: '.L', '..', '_.L_', and 'L<digits>\\1'."""
    if name.startswith((".L", "..", "_.L_")):
        return True
    return name.startswith("L") and len(name) > 2 and name[1].isdigit() and "\x01" in name


@dataclass(frozen=True, slots=True, eq=False)
class Ref(Expr):
    """A bound symbol reference: the Symbol object, with its specifier."""

    symbol: Symbol
    specifier: str | None = None

    def __str__(self) -> str:
        name = self.symbol.name
        return name if self.specifier is None else f"{name}@{self.specifier}"


class SymbolTable:
    """Name -> current Symbol, plus the creation counter shared with sections."""

    def __init__(self) -> None:
        self.by_name: dict[str, Symbol] = {}
        self.all: list[Symbol] = []          # every Symbol object ever made, in order
        self.counter = 0
        self.first_file: Symbol | None = None

    def next_order(self) -> int:
        self.counter += 1
        return self.counter

    def get(self, name: str) -> Symbol | None:
        return self.by_name.get(name)

    def lookup(self, name: str) -> Symbol:
        """The symbol called ``name``, created (undefined) on first mention.

        Assembler-local names (``.L...``) get no place in the table yet: GNU
        as keeps them apart ("local symbols") and appends one to its symbol
        list only when it has to (see :meth:`place`).
        """
        sym = self.by_name.get(name)
        if sym is None:
            order = UNPLACED if is_local_label_name(name) else self.next_order()
            sym = Symbol(name, order)
            self.by_name[name] = sym
            self.all.append(sym)
        elif sym.weakrefd:
            sym.weakrefd = False     # named other than by .weakref (symbols.c symbol_find)
        return sym

    def place(self, sym: Symbol) -> None:
        """Give an assembler-local symbol its place: the end of the list so far."""
        if sym.order == UNPLACED:
            sym.order = self.next_order()

    def new_anonymous(self, key: str, elf_name: str) -> Symbol:
        """A symbol known by a private key (temporary '.' labels)."""
        sym = Symbol(key, UNPLACED, elf_name)
        self.by_name[key] = sym
        self.all.append(sym)
        return sym

    def clone(self, old: Symbol) -> Symbol:
        """A fresh symbol replacing ``old`` under the same name (redefinition by .set).

        It keeps the old one's place in the symbol table and its attributes.
        """
        sym = Symbol(old.name, old.order, old.elf_name)
        sym.binding, sym.visibility, sym.type = old.binding, old.visibility, old.type
        sym.size = old.size
        old.order = DEAD                    # the old object is never written out
        self.by_name[old.name] = sym
        self.all.append(sym)
        return sym


class EvalError(Exception):
    """An expression that cannot be evaluated; the message is GNU as's."""


class Unknown(Exception):
    """Not known before layout (a distance across a variable-size fragment)."""


# A relocatable value: (add symbol, subtract symbol, constant).
Value = tuple[Symbol | None, Symbol | None, int]


def section_name(sym: Symbol | None) -> str:
    if sym is None or sym.kind == ABSOLUTE:
        return "*ABS*"
    if sym.kind == COMMON:
        return "*COM*"
    if sym.kind == LABEL and sym.section is not None:
        return sym.section.name
    return "*UND*"


def label_address(sym: Symbol) -> int:
    """Address of a LABEL symbol within its section (after layout)."""
    return sym.frag.address + sym.offset  # type: ignore[union-attr]


class Evaluator:
    """Reduces bound expressions to Values; ``final`` once layout is done."""

    def __init__(self, final: bool):
        self.final = final

    def distance(self, a: Symbol, b: Symbol) -> int | None:
        """a - b when both are labels whose distance is known, else None."""
        if a is b:
            return 0
        if a.kind != LABEL or b.kind != LABEL or a.section is not b.section:
            return None
        fa, fb = a.frag, b.frag
        if self.final:
            return fa.address + a.offset - fb.address - b.offset  # type: ignore[union-attr]
        if fa is fb:
            return a.offset - b.offset
        ra, rb = getattr(fa, "run", None), getattr(fb, "run", None)
        if ra is not None and ra == rb:
            return fa.run_offset + a.offset - fb.run_offset - b.offset  # type: ignore[union-attr]
        return None

    def value(self, e: Expr) -> Value:
        if isinstance(e, Ref):
            return self.symbol_value(e.symbol)
        if isinstance(e, Constant):
            return (None, None, e.value)
        if isinstance(e, Binary):
            left = self.value(e.left)
            right = self.value(e.right)
            op = e.op
            if op == "+":
                return self.combine([left[0], right[0]], [left[1], right[1]], left[2] + right[2])
            if op == "-":
                return self.combine([left[0], right[1]], [left[1], right[0]], left[2] - right[2])
            a = self.constant_of(left, op, right)
            b = self.constant_of(right, op, left)
            result = apply_binary(op, a, b)
            if result is None:
                raise EvalError("division by zero")
            return (None, None, result)
        if isinstance(e, Unary):
            v = self.value(e.operand)
            if e.op == "-":
                return (v[1], v[0], -v[2])
            if e.op == "+":
                return v
            return (None, None, apply_unary(e.op, self.constant_of(v, e.op, None)))
        if isinstance(e, SymbolRef):     # unbound: only constants can be evaluated
            raise EvalError(f"symbol `{e.name}' is not bound")
        raise EvalError(f"cannot evaluate {e}")

    def constant_of(self, v: Value, op: str, other: Value | None) -> int:
        if v[0] is None and v[1] is None:
            return v[2]
        if not self.final:
            raise Unknown()
        o = other[0] if other is not None else None
        raise EvalError(f"invalid operands ({section_name(v[0] or v[1])} and "
                        f"{section_name(o)} sections) for `{op}'")

    def combine(self, adds: list[Symbol | None], subs: list[Symbol | None], const: int) -> Value:
        add_list = [s for s in adds if s is not None]
        sub_list = [s for s in subs if s is not None]
        if sub_list:
            for a in list(add_list):
                for b in sub_list:
                    d = self.distance(a, b)
                    if d is not None:
                        const += d
                        add_list.remove(a)
                        sub_list.remove(b)
                        break
        if len(add_list) > 1 or len(sub_list) > 1:
            if not self.final:
                raise Unknown()
            a, b = add_list[0], (sub_list or add_list[1:])[0]
            raise EvalError(f"invalid operands ({section_name(a)} and {section_name(b)} "
                            f"sections) for `{'-' if sub_list else '+'}'")
        return (add_list[0] if add_list else None, sub_list[0] if sub_list else None, const)

    def symbol_value(self, sym: Symbol) -> Value:
        kind = sym.kind
        if kind == ABSOLUTE:
            return (None, None, sym.value)
        if kind == EQUATED:
            if sym.resolving:
                raise EvalError(f"symbol definition loop encountered at `{sym.name}'")
            sym.resolving = True
            try:
                return self.value(sym.expr)  # type: ignore[arg-type]
            finally:
                sym.resolving = False
        return (sym, None, 0)

    def absolute(self, e: Expr) -> int | None:
        """The value of ``e`` if it is a constant, else None (never raises Unknown)."""
        try:
            add, sub, const = self.value(e)
        except Unknown:
            return None
        if add is None and sub is None:
            return const
        return None


def bind_symbols(e: Expr, table: SymbolTable, on_new=None) -> Expr:
    """``e`` with every SymbolRef replaced by a Ref to the current Symbol."""
    if isinstance(e, Constant) or isinstance(e, Ref):
        return e
    if isinstance(e, SymbolRef):
        if on_new is not None:
            on_new(e)
        sym = table.lookup(e.name)
        sym.used = True
        if sym.eqv is not None and e.specifier is None:
            # .eqv: a snapshot of the expression's current value at each use.
            return bind_symbols(sym.eqv, table, on_new)
        while sym.weakref is not None:      # a .weakref alias stands for its target
            sym = sym.weakref
            sym.used = True
        return Ref(sym, e.specifier)
    if isinstance(e, Binary):
        left = bind_symbols(e.left, table, on_new)
        right = bind_symbols(e.right, table, on_new)
        if left is e.left and right is e.right:
            return e
        return Binary(e.op, left, right)
    if isinstance(e, Unary):
        operand = bind_symbols(e.operand, table, on_new)
        return e if operand is e.operand else Unary(e.op, operand)
    return e


def specifier_of(e: Expr) -> str | None:
    """The first relocation specifier (``@PLT``...) in a bound or unbound expression."""
    if isinstance(e, (Ref, SymbolRef)):
        return e.specifier
    if isinstance(e, Binary):
        return specifier_of(e.left) or specifier_of(e.right)
    if isinstance(e, Unary):
        return specifier_of(e.operand)
    return None

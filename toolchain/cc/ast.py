"""The abstract syntax tree of a C translation unit, typed by semantic analysis.

Every expression carries its type (``type``) once built: the parser calls
sema as it goes, as C requires (a typedef name changes how the following
tokens parse, and array sizes are constant expressions).  The usual
conversions appear as :class:`Cast` nodes with ``implicit=True``, so the code
generator never re-derives C's conversion rules.

Names follow C11: 6.5 expressions, 6.7 declarations, 6.8 statements, 6.9
external definitions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..common.diagnostics import SourceLocation
from .ctypes import CType, Member


@dataclass(eq=False, slots=True)
class Node:
    location: SourceLocation


# ---------------------------------------------------------------------------
# Declarations (6.7) and the symbols they introduce.

@dataclass(eq=False, slots=True)
class Symbol:
    """An ordinary identifier: object, function, typedef name or enumeration constant."""

    name: str
    kind: str                          # 'object', 'function', 'typedef', 'enumerator'
    type: CType
    location: SourceLocation
    storage: str | None = None         # 'static', 'extern', 'auto', 'register', 'typedef', None
    linkage: str = "none"              # 'external', 'internal', 'none'
    defined: bool = False              # function body seen / object definition
    tentative: bool = False
    value: int = 0                     # enumerator value
    used: bool = False
    set: bool = False
    is_parameter: bool = False
    is_local: bool = False
    is_builtin: bool = False
    implicit: bool = False             # implicitly declared function
    inline: bool = False
    thread_local: bool = False
    attributes: dict = field(default_factory=dict)
    asm_label: str | None = None


@dataclass(eq=False, slots=True)
class Designator:
    """``.name`` (member set) or ``[index]`` / ``[low ... high]`` (GNU range)."""

    location: SourceLocation
    member: str | None = None
    index: int | None = None
    index_high: int | None = None


@dataclass(eq=False, slots=True)
class InitializerList(Node):
    """``{ designation_opt initializer, ... }`` (6.7.9), each item with its designators."""

    type: CType | None = None
    items: list[tuple[list[Designator], "Initializer"]] = field(default_factory=list)
    # Each scalar (or nested list) placed: (byte offset, bit-field member or None, type, value).
    flat: list[tuple[int, Member | None, CType, object]] = field(default_factory=list)


Initializer = "Expression | InitializerList"


@dataclass(eq=False, slots=True)
class Declaration(Node):
    """One declarator of a declaration (an object, function or typedef)."""

    symbol: Symbol
    initializer: object | None = None  # Expression | InitializerList


@dataclass(eq=False, slots=True)
class FunctionDefinition(Node):
    symbol: Symbol
    parameters: list[Symbol]
    body: "CompoundStatement"
    labels: dict[str, SourceLocation] = field(default_factory=dict)


@dataclass(eq=False, slots=True)
class StaticAssert(Node):
    condition: "Expression"
    message: str | None


@dataclass(eq=False, slots=True)
class AsmDefinition(Node):
    """A top-level ``asm("...")``."""

    text: str


@dataclass(eq=False, slots=True)
class TranslationUnit(Node):
    items: list[Node] = field(default_factory=list)
    symbols: dict[str, Symbol] = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Expressions (6.5).

@dataclass(eq=False, slots=True)
class Expression(Node):
    type: CType | None = field(default=None, kw_only=True)
    lvalue: bool = field(default=False, kw_only=True)
    bit_field: Member | None = field(default=None, kw_only=True)


@dataclass(eq=False, slots=True)
class IntegerLiteral(Expression):
    value: int = 0


@dataclass(eq=False, slots=True)
class FloatLiteral(Expression):
    value: float | complex = 0.0


@dataclass(eq=False, slots=True)
class StringLiteral(Expression):
    units: list[int] = field(default_factory=list)   # without the terminating 0
    prefix: str = ""


@dataclass(eq=False, slots=True)
class Identifier(Expression):
    name: str = ""
    symbol: Symbol | None = None
    previously_used: bool = True       # the symbol's ``used`` before this use (a store is not a use)


@dataclass(eq=False, slots=True)
class Unary(Expression):
    """op: '+', '-', '~', '!', '*' (indirection), '&' (address),
    '++pre', '--pre', '++post', '--post', '__real__', '__imag__'."""

    op: str = ""
    operand: Expression | None = None


@dataclass(eq=False, slots=True)
class Binary(Expression):
    """Arithmetic, shift, relational, equality, bitwise, logical and comma operators."""

    op: str = ""
    left: Expression | None = None
    right: Expression | None = None


@dataclass(eq=False, slots=True)
class Assignment(Expression):
    op: str = "="                      # '=', '+=', ...
    target: Expression | None = None
    value: Expression | None = None


@dataclass(eq=False, slots=True)
class Conditional(Expression):
    condition: Expression | None = None
    then: Expression | None = None     # None: GNU ``a ?: b``
    otherwise: Expression | None = None


@dataclass(eq=False, slots=True)
class Cast(Expression):
    operand: Expression | None = None
    implicit: bool = False


@dataclass(eq=False, slots=True)
class Call(Expression):
    function: Expression | None = None
    arguments: list[Expression] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class MemberAccess(Expression):
    base: Expression | None = None
    name: str = ""
    arrow: bool = False
    member: Member | None = None
    path: list[Member] = field(default_factory=list)   # anonymous members passed through


@dataclass(eq=False, slots=True)
class Subscript(Expression):
    array: Expression | None = None
    index: Expression | None = None


@dataclass(eq=False, slots=True)
class SizeOf(Expression):
    """``sizeof`` / ``_Alignof`` of a type or expression; ``value`` when constant."""

    operand_type: CType | None = None
    operand: Expression | None = None
    alignof: bool = False
    value: int | None = None


@dataclass(eq=False, slots=True)
class CompoundLiteral(Expression):
    initializer: InitializerList | None = None
    static: bool = False


@dataclass(eq=False, slots=True)
class StatementExpression(Expression):
    body: "CompoundStatement | None" = None


@dataclass(eq=False, slots=True)
class LabelAddress(Expression):
    label: str = ""


@dataclass(eq=False, slots=True)
class BuiltinCall(Expression):
    """A ``__builtin_*`` that is not an ordinary function call (va_arg, offsetof ...)."""

    name: str = ""
    arguments: list[Expression] = field(default_factory=list)
    type_argument: CType | None = None
    value: int | None = None


# ---------------------------------------------------------------------------
# Statements (6.8).

@dataclass(eq=False, slots=True)
class Statement(Node):
    pass


@dataclass(eq=False, slots=True)
class CompoundStatement(Statement):
    items: list[Node] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class DeclarationStatement(Statement):
    declarations: list[Node] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class ExpressionStatement(Statement):
    expression: Expression | None = None     # None: the null statement


@dataclass(eq=False, slots=True)
class If(Statement):
    condition: Expression | None = None
    then: Statement | None = None
    otherwise: Statement | None = None


@dataclass(eq=False, slots=True)
class While(Statement):
    condition: Expression | None = None
    body: Statement | None = None


@dataclass(eq=False, slots=True)
class DoWhile(Statement):
    body: Statement | None = None
    condition: Expression | None = None


@dataclass(eq=False, slots=True)
class For(Statement):
    init: Node | None = None
    condition: Expression | None = None
    step: Expression | None = None
    body: Statement | None = None


@dataclass(eq=False, slots=True)
class Switch(Statement):
    condition: Expression | None = None
    body: Statement | None = None
    cases: list["Case"] = field(default_factory=list)
    has_default: bool = False


@dataclass(eq=False, slots=True)
class Case(Statement):
    low: int | None = None             # None: default
    high: int | None = None
    body: Statement | None = None


@dataclass(eq=False, slots=True)
class Labeled(Statement):
    label: str = ""
    body: Statement | None = None


@dataclass(eq=False, slots=True)
class Goto(Statement):
    label: str | None = None
    target: Expression | None = None   # GNU computed goto


@dataclass(eq=False, slots=True)
class Break(Statement):
    pass


@dataclass(eq=False, slots=True)
class Continue(Statement):
    pass


@dataclass(eq=False, slots=True)
class Return(Statement):
    value: Expression | None = None


@dataclass(eq=False, slots=True)
class AsmStatement(Statement):
    template: str = ""
    outputs: list[tuple[str, Expression]] = field(default_factory=list)
    inputs: list[tuple[str, Expression]] = field(default_factory=list)
    clobbers: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    volatile: bool = False
    goto: bool = False

"""The expression grammar of GNU linker scripts (a mixin of script.py's parser).

C's operators with C's precedence, as GNU ld's ``ldgram.y`` declares them,
the conditional operator, and the built-in functions (``ALIGN``, ``ADDR``,
``SIZEOF``, ``DEFINED``, ``SEGMENT_START`` ...) with the kind of each
argument: an expression, or a name read in the lexer's script or expression
state.  Each method is named after its grammar rule, the rule in a comment.
"""

from __future__ import annotations

from toolchain.common.diagnostics import ToolchainError
from toolchain.ld.scriptast import (Assignment, BinaryOp, Call, Conditional, Expr, Number,
                                    SymbolRef, UnaryOp)
from toolchain.ld.scriptlex import ASSIGN_OPS, Mode, Token

S, E, W, I = Mode.SCRIPT, Mode.EXPRESSION, Mode.WILD, Mode.INPUTLIST

# C precedence, as GNU ld's ldgram.y declares it (higher binds tighter).
_BINARY_PRECEDENCE = {
    "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6,
    "<": 7, ">": 7, "<=": 7, ">=": 7, "<<": 8, ">>": 8,
    "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
}
_UNARY_OPS = ("-", "!", "+", "~")
ASSIGNMENT_OPS = frozenset(["="] + ASSIGN_OPS)

# Built-in functions and their arguments: 'e' an expression, 's' a name read
# as in scripts (section, region, segment), 'n' a name read as in
# expressions (symbol, constant).  ALIGN takes one or two expressions.
_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "ABSOLUTE": ("e",), "NEXT": ("e",), "BLOCK": ("e",), "LOG2CEIL": ("e",),
    "DATA_SEGMENT_END": ("e",), "MAX": ("e", "e"), "MIN": ("e", "e"),
    "DATA_SEGMENT_ALIGN": ("e", "e"), "DATA_SEGMENT_RELRO_END": ("e", "e"),
    "ADDR": ("s",), "LOADADDR": ("s",), "SIZEOF": ("s",), "ALIGNOF": ("s",),
    "ORIGIN": ("s",), "LENGTH": ("s",), "DEFINED": ("n",), "CONSTANT": ("n",),
    "SEGMENT_START": ("s", "e"), "ASSERT": ("e", "n"), "ALIGN": ("e",),
    "SIZEOF_HEADERS": (),
}
# Other words GNU ld reserves inside expressions: never a symbol there.
_EXPRESSION_KEYWORDS = frozenset(_FUNCTIONS) | frozenset(
    "BIND NOCROSSREFS NOCROSSREFS_TO OVERLAY NOLOAD READONLY DSECT COPY INFO TYPE "
    "ONLY_IF_RO ONLY_IF_RW SPECIAL INCLUDE AT ALIGN_WITH_INPUT SUBALIGN HIDDEN "
    "PROVIDE PROVIDE_HIDDEN".split())
SECTION_TYPES = frozenset("NOLOAD DSECT COPY INFO OVERLAY READONLY TYPE".split())


def is_token(token: Token, word: str) -> bool:
    """Is ``token`` the operator or the (unquoted) keyword ``word``?"""
    if token.kind == "punct":
        return token.text == word
    return token.kind == "name" and not token.quoted and token.text == word



class ExpressionGrammar:
    """Expression rules; the parser class supplies peek/take/accept/expect/name/loc."""

    # ---- expressions -----------------------------------------------------------

    def whole_expression(self) -> Expr:
        expr = self.expression()
        token = self.peek(E)
        if token.kind != "eof":
            raise self.syntax_error(token)
        return expr

    def defsym(self) -> Assignment:
        token = self.peek(E)
        if not self.at_assignment(E):
            raise self.syntax_error(token, "assignment")
        assignment = self.assignment(E)
        end = self.peek(E)
        if end.kind != "eof":
            raise self.syntax_error(end)
        return assignment

    # exp: exp '?' exp ':' exp | binary
    def expression(self) -> Expr:
        condition = self.binary(1)
        question = self.accept(E, "?")
        if question is None:
            return condition
        if_true = self.expression()
        self.expect(E, ":")
        if_false = self.expression()
        return Conditional(condition, if_true, if_false, location=self.loc(question))

    # binary: unary (binary_op unary)*, by C precedence
    def binary(self, min_precedence: int) -> Expr:
        left = self.unary()
        while True:
            token = self.peek(E)
            precedence = _BINARY_PRECEDENCE.get(token.text) if token.kind == "punct" else None
            if precedence is None or precedence < min_precedence:
                return left
            self.take(E)
            right = self.binary(precedence + 1)
            left = BinaryOp(token.text, left, right, location=self.loc(token))

    # unary: ('-' | '!' | '+' | '~') unary | primary
    def unary(self) -> Expr:
        token = self.peek(E)
        if token.kind == "punct" and token.text in _UNARY_OPS:
            self.take(E)
            return UnaryOp(token.text, self.unary(), location=self.loc(token))
        return self.primary()

    # primary: INT | NAME | '(' exp ')' | function '(' arguments ')' | SIZEOF_HEADERS
    def primary(self) -> Expr:
        token = self.peek(E)
        loc = self.loc(token)
        if token.kind == "int":
            self.take(E)
            return Number(token.value, location=loc)
        if is_token(token, "("):
            self.take(E)
            expr = self.expression()
            self.expect(E, ")")
            return expr
        if token.kind != "name":
            raise self.syntax_error(token, "expression")
        if token.quoted or token.text not in _EXPRESSION_KEYWORDS:
            self.take(E)
            if (not token.quoted and self.at(E, "(")
                    and not (self.at(E, ")", 1) or self.peek(E, 1).text in SECTION_TYPES)):
                raise ToolchainError(f"unknown function '{token.text}'", loc)
            return SymbolRef(token.text, location=loc)
        if token.text not in _FUNCTIONS:
            raise self.syntax_error(token, "expression")
        self.take(E)
        return Call(token.text, self.arguments(token.text), location=loc)

    def arguments(self, function: str) -> list[Expr | str]:
        kinds = _FUNCTIONS[function]
        if not kinds:
            return []
        args: list[Expr | str] = []
        self.expect(S if kinds[0] == "s" else E, "(")
        for index, kind in enumerate(kinds):
            if index:
                self.expect(E, ",")
            if kind == "e":
                args.append(self.expression())
            else:
                args.append(self.name(S if kind == "s" else E, "name"))
        if function == "ALIGN" and self.accept(E, ","):
            args.append(self.expression())
        self.expect(S if kinds == ("s",) else E, ")")
        return args

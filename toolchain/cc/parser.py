"""The C parser: preprocessed tokens to a typed AST (C11 6.5-6.9 with GNU extensions).

The parser is recursive descent, one method per grammar rule of the
standard, with the rule in a comment above it (as chibicc writes it).  It
calls semantic analysis as it goes -- C cannot be parsed without knowing
which identifiers are typedef names, and array sizes, bit-field widths,
case labels and enumerator values are constant expressions -- so the tree
it returns is already typed.

The work is split by part of the grammar into mixins that make up one
:class:`Parser`:

- this module: the token stream, syntax errors and recovery, statements
  (6.8) and the translation unit (6.9);
- declarations.py: declarations, declarators, type names, initializers (6.7);
- expressions.py: expressions (6.5);
- sema_expr.py / sema_decl.py: the typing and constraint rules.

Syntax errors are reported with gcc's wording, then the parser skips to a
synchronisation point (the next ``;`` or closing brace) and carries on.
"""

from __future__ import annotations

from ..common.diagnostics import SourceLocation
from . import ast
from .ctypes import TypeSystem
from .declarations import DECLARATION_START, DeclarationParser
from .expressions import ExpressionParser
from .lexer import PUNCTUATORS
from .literals import KEYWORD_ALIASES, KEYWORDS
from .pragma_pack import split_pragmas
from .scope import FunctionContext, Scope
from .builtin_functions import BuiltinChecker
from .sema_decl import DeclarationChecker
from .sema_expr import ExpressionChecker
from .sema_format import FormatChecker
from .tokens import Token, TokenKind

DIGRAPHS = {"<:": "[", ":>": "]", "<%": "{", "%>": "}", "%:": "#", "%:%:": "##"}

# How far past the current token the parser may look (``peek(ahead)``); scans
# that go further, such as skipping attributes, stop at the first "eof".
LOOKAHEAD = 4


class ParseError(Exception):
    """A syntax error already reported; unwinds to a synchronisation point."""


# The key of an identifier token: its keyword (aliases folded) or "identifier".
_IDENTIFIER_KEYS = {text: KEYWORD_ALIASES.get(text, text) for text in KEYWORDS}
_KIND_KEYS = {TokenKind.IDENTIFIER: "identifier", TokenKind.PP_NUMBER: "number",
              TokenKind.CHARACTER_CONSTANT: "character-constant",
              TokenKind.STRING_LITERAL: "string", TokenKind.END_OF_FILE: "eof"}
# The keys told by a token's spelling alone: keywords and punctuators (digraphs
# folded).  No other token is spelled like one: numbers begin with a digit,
# literals with a quote or its prefix, and PRAGMA tokens are gone (split_pragmas).
_SPELLING_KEYS = {**{p: DIGRAPHS.get(p, p) for p in PUNCTUATORS}, **_IDENTIFIER_KEYS}


def token_keys(tokens: list[Token]) -> list[str]:
    """:func:`token_key` of every token, in one pass (the parser's hottest loop).

    Outside the empty spelling (the end of file), a token's spelling tells its
    kind, so the key of each new spelling is remembered: most tokens then cost
    one dict lookup."""
    keys = dict(_SPELLING_KEYS)
    key_of = keys.get

    def new_key(token: Token) -> str:
        key = _KIND_KEYS.get(token.kind, "other")
        if token.text:
            keys[token.text] = key
        return key

    return [key_of(token.text) or new_key(token) for token in tokens]


def token_key(token: Token) -> str:
    """What the grammar sees of a token: a keyword, punctuator, or its class."""
    kind = token.kind
    if kind is TokenKind.IDENTIFIER:
        text = token.text
        if text in KEYWORDS:
            return KEYWORD_ALIASES.get(text, text)
        return "identifier"
    if kind is TokenKind.PUNCTUATOR:
        return DIGRAPHS.get(token.text, token.text)
    if kind is TokenKind.PP_NUMBER:
        return "number"
    if kind is TokenKind.CHARACTER_CONSTANT:
        return "character-constant"
    if kind is TokenKind.STRING_LITERAL:
        return "string"
    if kind is TokenKind.END_OF_FILE:
        return "eof"
    return "other"


class Parser(DeclarationParser, ExpressionParser, DeclarationChecker, ExpressionChecker,
             BuiltinChecker, FormatChecker):
    """Parses one translation unit; see the module docstring."""

    def __init__(self, tokens: list[Token], target, diagnostics, options):
        if not tokens or tokens[-1].kind is not TokenKind.END_OF_FILE:
            location = tokens[-1].location if tokens else SourceLocation("<stdin>", 1, 1)
            tokens = list(tokens) + [Token(TokenKind.END_OF_FILE, "", location)]
        tokens, self.pack_changes = split_pragmas(tokens, diagnostics)
        self.last = len(tokens) - 1               # the end-of-file token; pos never passes it
        # The token stream is two flat lists read at ``self.pos``: the tokens, and
        # what the grammar sees of each (:func:`token_key`).  Both end with copies
        # of the end-of-file token, so looking a few tokens ahead needs no bounds check.
        self.tokens = tokens + [tokens[-1]] * LOOKAHEAD
        self.keys = token_keys(self.tokens)
        self.pos = 0
        self.constants: dict = {}                 # pp-number text -> its numeric Constant
        self.target = target
        self.types = TypeSystem(target)
        self.diagnostics = diagnostics
        self.options = options
        std = getattr(options, "std", "gnu17") or "gnu17"
        self.gnu = std.startswith("gnu")
        warnings = getattr(options, "warnings", None)
        self.warnings = set(warnings) if isinstance(warnings, (set, frozenset, list, tuple)) else set()
        self.enabled_warnings: dict[str, bool] = {}
        self.scope = Scope("file")
        self.function: FunctionContext | None = None
        self.unit = ast.TranslationUnit(tokens[0].location)
        self.anonymous_count = 0
        self.statement_start = tokens[0]     # gcc's input_location: where some errors point

    # ------------------------------------------------------------------
    # The token stream.

    # Hot paths read ``self.keys[self.pos]`` and ``self.tokens[self.pos]``
    # themselves: the same as peek() and token(), without the call.
    def peek(self, ahead: int = 0) -> str:
        return self.keys[self.pos + ahead]

    def token(self, ahead: int = 0) -> Token:
        return self.tokens[self.pos + ahead]

    def advance(self) -> Token:
        pos = self.pos
        if pos < self.last:
            self.pos = pos + 1
        return self.tokens[pos]

    # A token that matched a key is never the end-of-file token: no bounds check.
    def accept(self, key: str) -> Token | None:
        pos = self.pos
        if self.keys[pos] == key:
            self.pos = pos + 1
            return self.tokens[pos]
        return None

    def expect(self, key: str, what: str | None = None) -> Token:
        pos = self.pos
        if self.keys[pos] == key:
            self.pos = pos + 1
            return self.tokens[pos]
        self.syntax_error(f"expected '{what or key}'", missing=key)

    def location(self) -> SourceLocation:
        return self.tokens[self.pos].location

    # ------------------------------------------------------------------
    # Diagnostics.

    def error(self, message: str, where) -> None:
        location = where.location if isinstance(where, (Token, ast.Node)) else where
        self.diagnostics.error(message, location)

    def warning_enabled(self, option: str) -> bool:
        """Whether the -W option is on (the driver's diagnostics decide when they can);
        asked once per option, since the options do not change during a run."""
        enabled = self.enabled_warnings.get(option)
        if enabled is None:
            ask = getattr(self.diagnostics, "enabled", None)
            if ask is not None:
                enabled = bool(ask(option))
            else:
                enabled = option in self.warnings or option in DEFAULT_WARNINGS
            self.enabled_warnings[option] = enabled
        return enabled

    def warning(self, message: str, where, option: str | None = None) -> None:
        if option in PSEUDO_OPTIONS:
            option = None               # gcc gives these unconditionally, with no [-W] tag
        if option and not self.warning_enabled(option):
            return
        location = where.location if isinstance(where, (Token, ast.Node)) else where
        if option:
            self.diagnostics.warning(message, location, option=option)
        else:
            self.diagnostics.warning(message, location)

    def pedwarn(self, message: str, where, option: str | None = None) -> None:
        if getattr(self.options, "pedantic", False):
            self.warning(message, where, option)

    def describe(self, token: Token) -> str:
        """gcc's 'before ...' phrase for the token an error points at."""
        key = token_key(token)
        if key == "eof":
            return "at end of input"
        if token.kind is TokenKind.PUNCTUATOR:
            return f"before '{token.text}' token"
        if token.kind is TokenKind.PP_NUMBER:
            return "before numeric constant"
        if token.kind is TokenKind.STRING_LITERAL:
            return "before string constant"
        if token.kind is TokenKind.CHARACTER_CONSTANT:
            return f"before {token.text}"
        return f"before '{token.text}'"

    def syntax_error(self, expected: str, missing: str | None = None):
        """Report ``expected X before Y`` and unwind to a synchronisation point."""
        token = self.token()
        location = token.location
        if token.kind is TokenKind.PP_NUMBER:
            from .literals import LiteralError, numeric_constant
            try:
                numeric_constant(token.text, self.types)
            except LiteralError as e:
                self.error(e.message, token)
        if missing in (";", ")", "]") and self.pos > 0:
            # gcc puts a missing ';' right after the previous token when the
            # next one starts another line.
            previous = self.tokens[self.pos - 1]
            if missing == ";" or previous.location.line != location.line or \
                    previous.location.file != location.file:
                location = SourceLocation(previous.location.file, previous.location.line,
                                          previous.location.column + len(previous.text))
        self.diagnostics.error(f"{expected} {self.describe(token)}", location)
        raise ParseError()

    def skip_to_sync(self, stop_at_brace: bool = True) -> None:
        """Skip tokens up to and including the next ';' at this nesting level (or to a '}')."""
        depth = 0
        while True:
            key = self.peek()
            if key == "eof":
                return
            if key in ("(", "[", "{"):
                depth += 1
            elif key in (")", "]"):
                depth = max(depth - 1, 0)
            elif key == "}":
                if depth == 0:
                    if stop_at_brace:
                        return
                else:
                    depth -= 1
                    if depth == 0 and not stop_at_brace:
                        self.advance()
                        if self.peek() != ";":
                            return
                        continue
            elif key == ";" and depth == 0:
                self.advance()
                return
            self.advance()

    # ------------------------------------------------------------------
    # 6.9 External definitions.

    # translation-unit:
    #     external-declaration
    #     translation-unit external-declaration
    def translation_unit(self) -> ast.TranslationUnit:
        while self.peek() != "eof":
            start = self.pos
            try:
                self.external_declaration()
            except ParseError:
                self.function = None
                while self.scope.parent is not None:
                    self.leave_scope()
                self.skip_to_sync(stop_at_brace=False)
                if self.peek() == "}":
                    self.advance()
            if self.pos == start:
                self.advance()
        self.finish_translation_unit()
        return self.unit

    # external-declaration:
    #     function-definition
    #     declaration
    def external_declaration(self) -> None:
        key = self.peek()
        if key == ";":
            self.pedwarn("ISO C does not allow extra ';' outside of a function", self.token(), "-Wpedantic")
            self.advance()
            return
        if key == "asm":
            location = self.advance().location
            self.expect("(")
            text = self.string_literal_text()
            self.expect(")")
            self.expect(";")
            self.unit.items.append(ast.AsmDefinition(location, text))
            return
        if key == "_Static_assert":
            self.unit.items.append(self.static_assert_declaration())
            return
        self.statement_start = self.token()
        items = self.declaration(file_scope=True)
        self.unit.items.extend(items)

    # ------------------------------------------------------------------
    # 6.8 Statements and blocks.

    # statement:
    #     labeled-statement
    #     compound-statement
    #     expression-statement
    #     selection-statement
    #     iteration-statement
    #     jump-statement
    #     asm-statement (GNU)
    def statement(self) -> ast.Statement:
        key = self.keys[self.pos]
        if key == "identifier":
            if self.keys[self.pos + 1] == ":":
                return self.labeled_statement()
        else:
            rule = STATEMENT_RULES.get(key)         # the statements a keyword or '{' starts
            if rule is not None:
                return rule(self)
        return self.expression_statement()

    # expression-statement:
    #     expression_opt ;
    def expression_statement(self) -> ast.Statement:
        token = self.tokens[self.pos]
        if self.keys[self.pos] == ";":
            self.advance()
            return ast.ExpressionStatement(token.location, None)
        expression = self.expression()
        self.expect_semicolon()
        self.check_unused_value(expression)
        return ast.ExpressionStatement(token.location, expression)

    # jump-statement:
    #     continue ;
    def continue_statement(self) -> ast.Statement:
        token = self.advance()
        if self.function is None or self.function.loops == 0:
            self.error("continue statement not within a loop", token)
        self.expect_semicolon()
        return ast.Continue(token.location)

    # jump-statement:
    #     break ;
    def break_statement(self) -> ast.Statement:
        token = self.advance()
        if self.function is None or self.function.breakable == 0:
            self.error("break statement not within loop or switch", token)
        self.expect_semicolon()
        return ast.Break(token.location)

    def else_without_if(self) -> ast.Statement:
        self.error("'else' without a previous 'if'", self.advance())
        return self.statement()

    # attribute-statement:  (GNU, C2x)
    #     attribute-specifier-sequence ;
    #     attribute-specifier-sequence statement
    def attribute_statement(self) -> ast.Statement:
        token = self.token()
        self.attribute_specifiers()             # fallthrough, assume, unused: no meaning here
        if self.accept(";"):
            return ast.ExpressionStatement(token.location, None)
        return self.statement()

    def after_attributes(self, ahead: int = 0) -> int:
        """The offset just past the ``__attribute__((...))`` groups starting ``ahead``."""
        while self.peek(ahead) == "__attribute__":
            ahead += 1
            depth = 0
            while True:
                key = self.peek(ahead)
                ahead += 1
                if key == "(":
                    depth += 1
                elif key == ")":
                    depth -= 1
                    if depth == 0:
                        break
                elif key == "eof" or depth == 0:
                    return ahead - 1
        return ahead

    def expect_semicolon(self) -> Token:
        if self.peek() == ";":
            return self.advance()
        self.syntax_error("expected ';'", missing=";")

    # labeled-statement:
    #     identifier : statement
    def labeled_statement(self) -> ast.Statement:
        token = self.advance()
        self.advance()
        name = token.text
        function = self.function
        if function is not None:
            if name in function.labels_defined:
                self.error(f"duplicate label '{name}'", token)
            else:
                function.labels_defined[name] = token.location
        self.attribute_specifiers()
        if self.peek() == "}":
            # C2x allows a label at the end of a block; gcc 12 accepts it.
            self.pedwarn("label at end of compound statement", token, "-Wpedantic")
            return ast.Labeled(token.location, name, ast.ExpressionStatement(token.location))
        return ast.Labeled(token.location, name, self.statement())

    # labeled-statement:
    #     case constant-expression : statement
    #     case constant-expression ... constant-expression : statement   (GNU)
    #     default : statement
    def case_statement(self) -> ast.Statement:
        token = self.advance()
        switch = self.function.switches[-1] if self.function and self.function.switches else None
        if token.text == "default":
            self.expect(":")
            if switch is None:
                self.error("'default' label not within a switch statement", token)
            elif switch.has_default:
                self.error("multiple default labels in one switch", token)
            else:
                switch.has_default = True
            case = ast.Case(token.location, None, None)
        else:
            low_expr = self.conditional_expression()
            high_expr = None
            if self.accept("..."):
                high_expr = self.conditional_expression()
            self.expect(":")
            low = self.case_value(low_expr, switch, token)
            high = self.case_value(high_expr, switch, token) if high_expr is not None else low
            if switch is None:
                self.error("case label not within a switch statement", token)
            elif low is not None and high is not None:
                if high < low:
                    self.warning("empty range specified", token)
                for other in switch.cases:
                    if other.low is not None and not (high < other.low or low > other.high):
                        self.error("duplicate case value" if low == high and other.low == other.high
                                   else "duplicate (or overlapping) case value", token)
                        self.diagnostics.note("previously used here", other.location)
                        break
            case = ast.Case(low_expr.location, low, high)
            if switch is not None and low is not None:
                switch.cases.append(case)
        if self.peek() == "}":
            self.pedwarn("label at end of compound statement", token, "-Wpedantic")
            case.body = ast.ExpressionStatement(token.location)
        else:
            case.body = self.statement()
        return case

    def case_value(self, expression: ast.Expression, switch: ast.Switch | None, token) -> int | None:
        """A case label's value, converted to the switch's promoted controlling type."""
        value = self.constant_value(expression, None)
        if value is None:
            self.error("case label does not reduce to an integer constant", token)
            return None
        if switch is not None and switch.condition is not None and switch.condition.type is not None \
                and switch.condition.type.is_integer():
            t = switch.condition.type
            bits = t.size * 8
            wrapped = value & ((1 << bits) - 1)
            if t.signed and wrapped >> (bits - 1):
                wrapped -= 1 << bits
            value = wrapped
        return value

    # compound-statement:
    #     { block-item-list_opt }
    # block-item:
    #     declaration
    #     statement
    def compound_statement(self, scope: Scope | None = None) -> ast.CompoundStatement:
        self.scope = scope or Scope("block", self.scope)   # entered first: left however this ends
        if self.function is not None:
            self.function.local_labels.append(set())
        try:
            open_brace = self.expect("{")
            block = ast.CompoundStatement(open_brace.location)
            while self.accept("__label__"):
                while True:
                    name = self.expect("identifier", "identifier")
                    if self.function is not None:
                        self.function.local_labels[-1].add(name.text)
                    if not self.accept(","):
                        break
                self.expect_semicolon()
            keys = self.keys
            while keys[self.pos] != "}" and keys[self.pos] != "eof":
                start = self.pos
                try:
                    block.items.extend(self.block_item())
                except ParseError:
                    self.skip_to_sync()
                if self.pos == start:
                    self.advance()
            if keys[self.pos] == "eof":
                self.diagnostics.error("expected declaration or statement at end of input",
                                       self.token().location)
                raise ParseError()
            self.advance()
        finally:
            self.leave_block_scope()
            if self.function is not None:
                self.function.local_labels.pop()
        return block

    def block_item(self) -> list[ast.Node]:
        key = self.keys[self.pos]
        self.statement_start = self.tokens[self.pos]
        if key == "identifier":                 # a typedef name starts a declaration
            if self.keys[self.pos + 1] != ":" and self.is_typedef_name():
                return [ast.DeclarationStatement(self.location(), self.declaration(file_scope=False))]
            return [self.statement()]
        if key not in DECLARATION_START and key != "_Static_assert":
            return [self.statement()]
        if key == "_Static_assert":
            return [self.static_assert_declaration()]
        if key == "__extension__":
            # __extension__ may prefix a declaration or an expression.
            save = self.pos
            while self.accept("__extension__"):
                pass
            if not self.is_declaration_start():
                self.pos = save
                return [self.statement()]
        if key == "__attribute__" and self.peek(self.after_attributes()) == ";":
            return [self.attribute_statement()]
        if self.is_declaration_start():
            location = self.location()
            return [ast.DeclarationStatement(location, self.declaration(file_scope=False))]
        return [self.statement()]

    # selection-statement:
    #     if ( expression ) statement
    #     if ( expression ) statement else statement
    def if_statement(self) -> ast.Statement:
        token = self.advance()
        self.expect("(")
        condition = self.scalar_condition(self.expression())
        self.expect(")")
        then = self.sub_statement()
        otherwise = None
        if self.accept("else"):
            otherwise = self.sub_statement()
        return ast.If(token.location, condition, then, otherwise)

    def sub_statement(self) -> ast.Statement:
        """A statement that is its own block (6.8.4p3, 6.8.5p5)."""
        self.scope = Scope("block", self.scope)
        try:
            return self.statement()
        finally:
            self.leave_block_scope()

    # selection-statement:
    #     switch ( expression ) statement
    def switch_statement(self) -> ast.Statement:
        token = self.advance()
        self.expect("(")
        condition = self.expression()
        self.expect(")")
        condition = self.rvalue(condition)
        if condition.type is not None and not condition.type.is_integer():
            self.error("switch quantity not an integer", condition)
        else:
            condition = self.convert(condition, self.types.promote(condition.type))
        switch = ast.Switch(token.location, condition)
        if self.function is not None:
            self.function.switches.append(switch)
            self.function.breakable += 1
        try:
            switch.body = self.sub_statement()
        finally:
            if self.function is not None:
                self.function.switches.pop()
                self.function.breakable -= 1
        return switch

    def loop_body(self) -> ast.Statement:
        if self.function is not None:
            self.function.loops += 1
            self.function.breakable += 1
        try:
            return self.sub_statement()
        finally:
            if self.function is not None:
                self.function.loops -= 1
                self.function.breakable -= 1

    # iteration-statement:
    #     while ( expression ) statement
    def while_statement(self) -> ast.Statement:
        token = self.advance()
        self.expect("(")
        condition = self.scalar_condition(self.expression())
        self.expect(")")
        return ast.While(token.location, condition, self.loop_body())

    # iteration-statement:
    #     do statement while ( expression ) ;
    def do_statement(self) -> ast.Statement:
        token = self.advance()
        body = self.loop_body()
        if self.peek() != "while":
            self.syntax_error("expected 'while'")
        self.advance()
        self.expect("(")
        condition = self.scalar_condition(self.expression())
        self.expect(")")
        self.expect_semicolon()
        return ast.DoWhile(token.location, body, condition)

    # iteration-statement:
    #     for ( expression_opt ; expression_opt ; expression_opt ) statement
    #     for ( declaration expression_opt ; expression_opt ) statement
    def for_statement(self) -> ast.Statement:
        token = self.advance()
        self.expect("(")
        self.scope = Scope("block", self.scope)
        try:
            init: ast.Node | None = None
            if self.is_declaration_start():
                init = ast.DeclarationStatement(self.location(), self.declaration(file_scope=False))
            else:
                if self.peek() != ";":
                    init = ast.ExpressionStatement(self.location(), self.expression())
                self.expect_semicolon()
            condition = None
            if self.peek() != ";":
                condition = self.scalar_condition(self.expression())
            self.expect_semicolon()
            step = None
            if self.peek() != ")":
                step = self.expression()
            self.expect(")")
            body = self.loop_body()
        finally:
            self.leave_block_scope()
        return ast.For(token.location, init, condition, step, body)

    # jump-statement:
    #     goto identifier ;
    #     goto * expression ;   (GNU)
    def goto_statement(self) -> ast.Statement:
        token = self.advance()
        if self.accept("*"):
            target = self.rvalue(self.expression())
            self.expect_semicolon()
            return ast.Goto(token.location, None, target)
        if self.peek() != "identifier":
            self.syntax_error("expected identifier or '*'")
        name = self.advance()
        if self.function is not None:
            self.function.labels_used.setdefault(name.text, token.location)
        self.expect_semicolon()
        return ast.Goto(token.location, name.text)

    # jump-statement:
    #     return expression_opt ;
    def return_statement(self) -> ast.Statement:
        token = self.advance()
        value = None
        if self.peek() != ";":
            value = self.expression()
        self.expect_semicolon()
        value = self.check_return(token, value)
        return ast.Return(token.location, value)

    # asm-statement:  (GNU)
    #     asm asm-qualifiers ( string-literal : outputs : inputs : clobbers : labels ) ;
    def asm_statement(self) -> ast.Statement:
        token = self.advance()
        statement = ast.AsmStatement(token.location)
        while self.peek() in ("volatile", "inline", "goto"):
            word = self.advance().text
            statement.volatile |= word in ("volatile", "__volatile__", "__volatile")
            statement.goto |= word == "goto"
        self.expect("(")
        statement.template = self.string_literal_text()
        sections = 0
        while self.accept(":") and sections < 4:
            sections += 1
            if sections in (1, 2):
                operands = statement.outputs if sections == 1 else statement.inputs
                while self.peek() not in (":", ")"):
                    if self.accept("["):
                        self.expect("identifier", "identifier")
                        self.expect("]")
                    constraint = self.string_literal_text()
                    self.expect("(")
                    operand = self.expression()
                    self.expect(")")
                    if sections == 1 and not operand.lvalue:
                        self.error("invalid lvalue in asm output 0", operand)
                    operands.append((constraint, operand if sections == 1 else self.rvalue(operand)))
                    if not self.accept(","):
                        break
            elif sections == 3:
                while self.peek() == "string":
                    statement.clobbers.append(self.string_literal_text())
                    if not self.accept(","):
                        break
            else:
                while self.peek() == "identifier":
                    name = self.advance()
                    statement.labels.append(name.text)
                    if self.function is not None:
                        self.function.labels_used.setdefault(name.text, name.location)
                    if not self.accept(","):
                        break
        self.expect(")")
        self.expect_semicolon()
        return statement

    def string_literal_text(self) -> str:
        if self.peek() != "string":
            self.syntax_error("expected string literal")
        literal = self.primary_expression()
        return bytes(u & 0xFF for u in literal.units).decode("utf-8", "replace")


# Our names for warnings gcc gives unconditionally.
PSEUDO_OPTIONS = frozenset({"-Wreturn-mismatch", "-Wreturn-type-default"})

# Warnings gcc gives without -Wall.
DEFAULT_WARNINGS = frozenset({
    "-Wimplicit-function-declaration", "-Wint-conversion", "-Wincompatible-pointer-types",
    "-Wmultichar", "-Woverflow", "-Wbuiltin-declaration-mismatch", "-Wreturn-mismatch",
    "-Wdiscarded-qualifiers", "-Wint-to-pointer-cast", "-Wpointer-to-int-cast",
    "-Wdiv-by-zero", "-Wshift-count-overflow", "-Wshift-count-negative", "-Wimplicit-int",
    "-Wreturn-type-default", "-Wdeprecated-declarations", "-Wattributes",
})


# statement: the rule for each keyword (or '{') that starts a statement.
STATEMENT_RULES = {
    "{": Parser.compound_statement, "case": Parser.case_statement, "default": Parser.case_statement,
    "if": Parser.if_statement, "switch": Parser.switch_statement, "while": Parser.while_statement,
    "do": Parser.do_statement, "for": Parser.for_statement, "goto": Parser.goto_statement,
    "continue": Parser.continue_statement, "break": Parser.break_statement,
    "return": Parser.return_statement, "asm": Parser.asm_statement,
    "__attribute__": Parser.attribute_statement, "else": Parser.else_without_if,
}


def parse(tokens: list[Token], target, diagnostics, options) -> ast.TranslationUnit:
    """Parse and check one translation unit (see :mod:`toolchain.cc.frontend`)."""
    return Parser(tokens, target, diagnostics, options).translation_unit()

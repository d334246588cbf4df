"""Expressions (C11 6.5) and the GNU forms real code uses: statement
expressions, labels as values, ``?:`` with the middle omitted,
``__real__``/``__imag__``, ``__builtin_offsetof`` and friends.  A mixin of
:class:`toolchain.cc.parser.Parser`; each node is typed by the sema_expr
methods as soon as it is built.

``self.keys[self.pos]`` is ``self.peek()`` written out, and ``self.tokens[self.pos]``
then ``self.pos += 1`` is ``self.advance()`` past a token whose key matched
(so never the end of file): these functions run for every token of every
expression, and the calls were a fifth of their time.
"""

from __future__ import annotations

from . import ast
from .ctypes import ArrayType, RecordType, compatible
from .literals import LiteralError, character_constant, concatenate_strings, numeric_constant, \
    string_element_type

ASSIGNMENT_OPERATORS = frozenset({"=", "*=", "/=", "%=", "+=", "-=", "<<=", ">>=", "&=", "^=", "|="})

# The tokens that start a unary-expression other than a postfix-expression.
UNARY_KEYS = frozenset({"++", "--", "&", "*", "+", "-", "~", "!", "&&", "sizeof", "_Alignof",
                        "__real__", "__imag__", "__extension__"})
# The tokens that continue a postfix-expression.
POSTFIX_KEYS = frozenset({"[", "(", ".", "->", "++", "--"})
# Identifiers that may name a built-in with its own syntax or typing.
BUILTIN_PREFIXES = ("__builtin_", "__sync_", "__atomic_")     # all begin with "__"

# Binary operator precedence (6.5.5-6.5.14): higher binds tighter.
BINARY_PRECEDENCE = {
    "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6,
    "<": 7, ">": 7, "<=": 7, ">=": 7, "<<": 8, ">>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
}


class ExpressionParser:
    """6.5 Expressions (mixin of Parser)."""

    # expression:
    #     assignment-expression
    #     expression , assignment-expression
    def expression(self) -> ast.Expression:
        result = self.assignment_expression()
        while self.keys[self.pos] == ",":
            token = self.tokens[self.pos]
            self.pos += 1
            right = self.assignment_expression()
            result = self.make_comma(result, right, token)
        return result

    # assignment-expression:
    #     conditional-expression
    #     unary-expression assignment-operator assignment-expression
    def assignment_expression(self) -> ast.Expression:
        left = self.conditional_expression()
        if self.keys[self.pos] in ASSIGNMENT_OPERATORS:
            token = self.tokens[self.pos]
            self.pos += 1
            right = self.assignment_expression()
            return self.make_assignment(token.text, left, right, token)
        return left

    # conditional-expression:
    #     logical-OR-expression
    #     logical-OR-expression ? expression : conditional-expression
    #     logical-OR-expression ? : conditional-expression     (GNU)
    def conditional_expression(self) -> ast.Expression:
        condition = self.binary_expression(1)
        if self.keys[self.pos] != "?":
            return condition
        token = self.advance()
        then = None
        if self.keys[self.pos] != ":":
            then = self.expression()
        if self.keys[self.pos] != ":":
            self.syntax_error("expected ':'")
        colon = self.advance()
        otherwise = self.conditional_expression()
        return self.make_conditional(condition, then, otherwise, colon)

    # logical-OR-expression ... multiplicative-expression (6.5.5-6.5.14),
    # by precedence climbing.
    def binary_expression(self, min_precedence: int) -> ast.Expression:
        left = self.cast_expression()
        while True:
            op = self.keys[self.pos]
            precedence = BINARY_PRECEDENCE.get(op)
            if precedence is None or precedence < min_precedence:
                return left
            token = self.tokens[self.pos]
            self.pos += 1
            right = self.binary_expression(precedence + 1)
            left = self.make_binary(op, left, right, token)

    # cast-expression:
    #     unary-expression
    #     ( type-name ) cast-expression
    def cast_expression(self) -> ast.Expression:
        if self.keys[self.pos] == "(" and self.is_type_name_start(1):
            token = self.advance()
            target = self.type_name()
            self.expect(")")
            if self.keys[self.pos] == "{":
                return self.postfix_operators(self.compound_literal(target, token))
            operand = self.cast_expression()
            return self.make_cast(target, operand, token)
        return self.unary_expression()

    # unary-expression:
    #     postfix-expression
    #     ++ unary-expression
    #     -- unary-expression
    #     unary-operator cast-expression
    #     sizeof unary-expression
    #     sizeof ( type-name )
    #     _Alignof ( type-name )
    #     && identifier                  (GNU)
    #     __real__ / __imag__ cast-expression   (GNU)
    #     __extension__ cast-expression  (GNU)
    def unary_expression(self) -> ast.Expression:
        key = self.keys[self.pos]
        if key not in UNARY_KEYS:                   # postfix-expression
            result = self.primary_expression()
            if self.keys[self.pos] in POSTFIX_KEYS:
                return self.postfix_operators(result)
            return result
        if key in ("++", "--"):
            token = self.tokens[self.pos]
            self.pos += 1
            operand = self.unary_expression()
            return self.make_increment(key + "pre", operand, token)
        if key in ("&", "*", "+", "-", "~", "!"):
            token = self.tokens[self.pos]
            self.pos += 1
            operand = self.cast_expression()
            return self.make_unary(key, operand, token)
        if key == "&&":
            token = self.advance()
            if self.keys[self.pos] != "identifier":
                self.syntax_error("expected identifier")
            label = self.advance()
            if self.function is not None:
                self.function.labels_used.setdefault(label.text, label.location)
            return ast.LabelAddress(token.location, label.text,
                                    type=self.types.pointer(self.types.void))
        if key in ("sizeof", "_Alignof"):
            token = self.advance()
            if self.keys[self.pos] == "(" and self.is_type_name_start(1):
                self.advance()
                type_token = self.token()
                operand_type = self.type_name()
                self.expect(")")
                if self.keys[self.pos] == "{":
                    operand = self.postfix_operators(self.compound_literal(operand_type, token))
                    return self.make_sizeof(None, operand, key == "_Alignof", token)
                return self.make_sizeof(operand_type, None, key == "_Alignof", token, type_token)
            operand_token = self.token()
            operand = self.unary_expression()
            return self.make_sizeof(None, operand, key == "_Alignof", token, operand_token)
        if key in ("__real__", "__imag__"):
            token = self.advance()
            operand = self.cast_expression()
            return self.make_real_imag(key, operand, token)
        # __extension__
        self.advance()
        return self.cast_expression()

    # postfix-expression:
    #     primary-expression
    #     postfix-expression [ expression ]
    #     postfix-expression ( argument-expression-list_opt )
    #     postfix-expression . identifier
    #     postfix-expression -> identifier
    #     postfix-expression ++
    #     postfix-expression --
    #     ( type-name ) { initializer-list ,_opt }
    def postfix_expression(self) -> ast.Expression:
        return self.postfix_operators(self.primary_expression())

    def postfix_operators(self, result: ast.Expression) -> ast.Expression:
        while True:
            key = self.keys[self.pos]
            if key not in POSTFIX_KEYS:
                return result
            if key == "[":
                token = self.tokens[self.pos]
                self.pos += 1
                index = self.expression()
                if self.keys[self.pos] != "]":
                    self.syntax_error("expected ']'", missing="]")
                self.pos += 1
                result = self.make_subscript(result, index, token)
            elif key == "(":
                token = self.tokens[self.pos]
                self.pos += 1
                arguments: list[ast.Expression] = []
                if self.keys[self.pos] != ")":
                    while True:
                        arguments.append(self.assignment_expression())
                        if not self.accept(","):
                            break
                if self.keys[self.pos] != ")":
                    self.syntax_error("expected ')'", missing=")")
                self.pos += 1
                result = self.make_call(result, arguments, token)
            elif key in (".", "->"):
                token = self.tokens[self.pos]
                self.pos += 1
                if self.keys[self.pos] != "identifier":
                    self.syntax_error("expected identifier")
                name = self.tokens[self.pos]
                self.pos += 1
                result = self.make_member(result, name.text, key == "->", token, name)
            else:                               # ++ or --
                token = self.tokens[self.pos]
                self.pos += 1
                result = self.make_increment(key + "post", result, token)

    # primary-expression:
    #     identifier
    #     constant
    #     string-literal
    #     ( expression )
    #     ( compound-statement )        (GNU statement expression)
    #     generic-selection
    def primary_expression(self) -> ast.Expression:
        key = self.keys[self.pos]
        token = self.tokens[self.pos]
        if key == "identifier":
            self.pos += 1
            text = token.text
            if text[:2] == "__" and text.startswith(BUILTIN_PREFIXES):
                special = self.builtin_primary(token)
                if special is not None:
                    return special
            return self.make_identifier(token, self.keys[self.pos] == "(")
        if key == "number":
            self.pos += 1
            constant = self.constants.get(token.text)
            if constant is None:
                try:
                    constant = numeric_constant(token.text, self.types)
                except LiteralError as e:
                    self.error(e.message, token)
                    return ast.IntegerLiteral(token.location, 0, type=self.types.int)
                self.constants[token.text] = constant
            for message in constant.warnings:
                self.warning(message, token)
            if isinstance(constant.value, int):
                return ast.IntegerLiteral(token.location, constant.value, type=constant.type)
            return ast.FloatLiteral(token.location, constant.value, type=constant.type)
        if key == "character-constant":
            self.advance()
            try:
                constant = character_constant(token.text, self.types)
            except LiteralError as e:
                self.error(e.message, token)
                return ast.IntegerLiteral(token.location, 0, type=self.types.int)
            for message in constant.warnings:
                self.warning(message, token, "-Wmultichar" if message.startswith("multi") else None)
            return ast.IntegerLiteral(token.location, constant.value, type=constant.type)
        if key == "string":
            texts = []
            while self.keys[self.pos] == "string":
                texts.append(self.advance().text)
            try:
                prefix, units = concatenate_strings(texts, self.types)
            except LiteralError as e:
                self.error(e.message, token)
                prefix, units = "", []
            element = string_element_type(prefix, self.types)
            return ast.StringLiteral(token.location, units, prefix,
                                     type=ArrayType(element=element, length=len(units) + 1), lvalue=True)
        if key == "(":
            self.advance()
            if self.keys[self.pos] == "{":
                if self.function is None:
                    self.error("braced-group within expression allowed only inside a function", token)
                body = self.compound_statement()
                self.expect(")")
                return self.make_statement_expression(body, token)
            inner = self.expression()
            if self.keys[self.pos] != ")":
                self.syntax_error("expected ')'", missing=")")
            self.advance()
            return inner
        if key == "_Generic":
            return self.generic_selection()
        if key in ("__builtin_va_arg", "__builtin_offsetof", "__builtin_types_compatible_p",
                   "__builtin_choose_expr"):
            return self.builtin_keyword_expression()
        self.syntax_error("expected expression")

    # generic-selection:
    #     _Generic ( assignment-expression , generic-assoc-list )
    # generic-association:
    #     type-name : assignment-expression
    #     default : assignment-expression
    def generic_selection(self) -> ast.Expression:
        token = self.advance()
        self.expect("(")
        controlling = self.rvalue(self.assignment_expression())
        chosen = None
        default = None
        seen: list = []
        while self.accept(","):
            if self.accept("default"):
                self.expect(":")
                expression = self.assignment_expression()
                if default is not None:
                    self.error("duplicate 'default' case in '_Generic'", expression)
                default = expression
                continue
            association_location = self.location()
            association_type = self.type_name()
            self.expect(":")
            expression = self.assignment_expression()
            for other in seen:
                if compatible(other, association_type):
                    self.error(f"'_Generic' specifies two compatible types", association_location)
            seen.append(association_type)
            if chosen is None and compatible(controlling.type.unqualified(), association_type):
                chosen = expression
        self.expect(")")
        if chosen is None:
            chosen = default
        if chosen is None:
            self.error(f"'_Generic' selector of type '{controlling.type}' is not compatible "
                       "with any association", controlling)
            return ast.IntegerLiteral(token.location, 0, type=self.types.int)
        return chosen

    # __builtin_va_arg ( assignment-expression , type-name )
    # __builtin_offsetof ( type-name , member-designator )
    # __builtin_types_compatible_p ( type-name , type-name )
    # __builtin_choose_expr ( constant-expression , assignment-expression , assignment-expression )
    def builtin_keyword_expression(self) -> ast.Expression:
        token = self.advance()
        name = token.text
        self.expect("(")
        if name == "__builtin_va_arg":
            va = self.assignment_expression()
            self.expect(",")
            t = self.type_name()
            self.expect(")")
            return ast.BuiltinCall(token.location, name, [va], t, type=t)
        if name == "__builtin_types_compatible_p":
            a = self.type_name()
            self.expect(",")
            b = self.type_name()
            self.expect(")")
            value = int(compatible(a.unqualified(), b.unqualified()))
            return ast.IntegerLiteral(token.location, value, type=self.types.int)
        if name == "__builtin_choose_expr":
            condition = self.assignment_expression()
            self.expect(",")
            first = self.assignment_expression()
            self.expect(",")
            second = self.assignment_expression()
            self.expect(")")
            value = self.constant_value(condition, "first argument to '__builtin_choose_expr' not a constant")
            return first if value else second
        # __builtin_offsetof
        t = self.type_name()
        self.expect(",")
        offset = 0
        current = t
        first = True
        while True:
            if first or self.accept("."):
                if self.keys[self.pos] != "identifier":
                    self.syntax_error("expected identifier")
                member_token = self.advance()
                if not isinstance(current, RecordType):
                    self.error(f"request for member '{member_token.text}' in something not a structure or union",
                               member_token)
                    break
                found = current.record.find_member(member_token.text)
                if found is None:
                    self.error(f"'{current}' has no member named '{member_token.text}'", member_token)
                    break
                path, member = found
                offset += sum(m.offset for m in path) + member.offset
                current = member.type
                first = False
            elif self.keys[self.pos] == "[":
                self.advance()
                index_expr = self.expression()
                self.expect("]")
                index = self.constant_value(index_expr, None)
                if isinstance(current, ArrayType):
                    offset += (index or 0) * current.element.size
                    current = current.element
            else:
                break
        self.expect(")")
        return ast.IntegerLiteral(token.location, offset, type=self.types.size_t)

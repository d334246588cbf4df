"""Semantic rules of expressions (C11 6.5 constraints, 6.3 conversions): the
type of each operator's result, the conversions applied to its operands
(inserted as implicit :class:`~toolchain.cc.ast.Cast` nodes), lvalue rules,
and the simple-assignment constraints (6.5.16.1) shared by assignment,
initialization, argument passing and return.  A mixin of the Parser.
"""

from __future__ import annotations

from . import ast
from .ctypes import (CONST, ArrayType, BuiltinVaListType, CType, FloatType, FunctionType,
                     IntegerType, PointerType, RecordType, compatible, composite,
                     type_name)
from .builtin_functions import library_builtin
from .sema_const import evaluate

UNARY_NAMES = {"-": "unary minus", "+": "unary plus", "~": "bit-complement",
               "!": "unary exclamation mark"}


def q(t: CType) -> str:
    return f"'{type_name(t)}'"


class ExpressionChecker:
    """Typing of expressions (mixin of Parser)."""

    # ------------------------------------------------------------------
    # Conversions (6.3).

    def rvalue(self, e: ast.Expression) -> ast.Expression:
        """Lvalue conversion, array-to-pointer and function-to-pointer decay (6.3.2.1)."""
        t = e.type
        if t is None:
            return e
        if type(e) is ast.Assignment and type(e.target) is ast.Identifier and e.target.symbol:
            e.target.symbol.used = True      # ``a = b = 0`` reads b's new value
        kind = type(t)
        if kind is ArrayType:
            return ast.Cast(e.location, e, implicit=True, type=self.types.pointer(t.element))
        if kind is FunctionType:
            return ast.Cast(e.location, e, implicit=True, type=self.types.pointer(t))
        if e.lvalue:
            if kind is BuiltinVaListType and t.decays:
                return e
            return ast.Cast(e.location, e, implicit=True, type=t.with_qualifiers(0) if t.qualifiers else t)
        return e

    def convert(self, e: ast.Expression, t: CType) -> ast.Expression:
        et = e.type
        if et is t or (et is not None and not e.lvalue and compatible(et, t)):
            return e
        return ast.Cast(e.location, e, implicit=True, type=t)

    def scalar_condition(self, e: ast.Expression) -> ast.Expression:
        e = self.rvalue(e)
        t = e.type
        if t is not None and not t.is_scalar():
            if t.is_void():
                self.error("void value not ignored as it ought to be", e)
            elif isinstance(t, RecordType):
                self.error(f"used {'union' if t.record.is_union else 'struct'} type value where scalar is required", e)
            else:
                self.error(f"used {type_name(t)} where scalar is required" if False else
                           "used array type value where scalar is required" if t.is_array() else
                           f"invalid use of {q(t)}", e)
        return e

    def check_unused_value(self, e: ast.Expression) -> None:
        if not self.warning_enabled("-Wunused-value"):
            return
        if isinstance(e, (ast.Binary,)) and e.op in ("==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/"):
            self.warning("statement with no effect", e, "-Wunused-value")

    def constant_value(self, e: ast.Expression, message: str | None) -> int | None:
        """The value of an integer constant expression, or None (reporting ``message``)."""
        value = evaluate(e, self.types)
        if value is None or isinstance(value, (float, complex)) or e.type is None or not e.type.is_integer():
            if isinstance(value, float) and e.type is not None and e.type.is_integer():
                return int(value)
            if message:
                self.error(message, e)
            return None
        return value

    def bit_field_type(self, e: ast.Expression):
        """A bit-field narrower than int promotes to int, as gcc does (6.3.1.1p2)."""
        inner = e
        while isinstance(inner, ast.Cast) and inner.implicit and inner.operand is not None and \
                inner.operand.type is not None and inner.operand.type.is_integer() and \
                inner.type.size == inner.operand.type.size:
            inner = inner.operand
        member = inner.bit_field
        if member is not None and member.bit_width is not None and e.type is not None and e.type.is_integer():
            bits = self.types.int.size * 8
            if member.bit_width < bits or (member.bit_width == bits and e.type.signed):
                return self.types.int
        return e.type

    def usual(self, left: ast.Expression, right: ast.Expression):
        common = self.types.usual_arithmetic_conversion(self.bit_field_type(left), self.bit_field_type(right))
        return self.convert(left, common), self.convert(right, common), common

    # ------------------------------------------------------------------
    # Primary expressions.

    def make_identifier(self, token, is_call: bool) -> ast.Expression:
        name = token.text
        symbol = self.scope.visible.get(name)          # Scope.lookup, without the call
        if symbol is None:
            symbol = self.builtin_symbol(name)
        if symbol is None:
            if is_call:
                return self.implicit_function(token)
            reported = self.function is not None and name in self.function.undeclared
            if not reported:
                if self.function is not None:
                    self.error(f"'{name}' undeclared (first use in this function)", token)
                    if not self.function.undeclared:
                        self.diagnostics.note("each undeclared identifier is reported only once for "
                                              "each function it appears in", token.location)
                    self.function.undeclared.add(name)
                else:
                    self.error(f"'{name}' undeclared here (not in a function)", token)
            return ast.Identifier(token.location, name, None, type=self.types.int)
        previously_used = symbol.used
        symbol.used = True
        if symbol.kind == "typedef":
            self.pos -= 1
            self.syntax_error("expected expression")
        if symbol.kind == "enumerator":
            return ast.IntegerLiteral(token.location, symbol.value, type=symbol.type)
        return ast.Identifier(token.location, name, symbol, previously_used, type=symbol.type,
                              lvalue=symbol.kind == "object")

    def implicit_function(self, token) -> ast.Expression:
        name = token.text
        if self.gnu or True:
            self.warning(f"implicit declaration of function '{name}'", token,
                         "-Wimplicit-function-declaration")
        t = FunctionType(result=self.types.int, parameters=(), prototyped=False)
        attributes = {}
        if library_builtin(name):
            # gcc: the library function's own prototype (malloc returns a pointer)
            builtin = self.builtin_symbol("__builtin_" + name)
            if builtin is not None:
                t = builtin.type
                attributes["builtin_prototype"] = True
        symbol = ast.Symbol(name, "function", t, token.location, storage="extern",
                            linkage="external", implicit=True, used=True, attributes=attributes)
        # gcc records the implicit declaration in the file scope (as C89 did).
        self.scope.file_scope().declare(name, symbol)      # nothing declares the name: not visible
        return ast.Identifier(token.location, name, symbol, type=t)

    def make_statement_expression(self, body: ast.CompoundStatement, token) -> ast.Expression:
        t: CType = self.types.void
        if body.items and isinstance(body.items[-1], ast.ExpressionStatement) and body.items[-1].expression:
            last = body.items[-1].expression
            t = self.rvalue(last).type
        return ast.StatementExpression(token.location, body, type=t)

    # ------------------------------------------------------------------
    # Postfix operators (6.5.2).

    def make_subscript(self, array, index, token) -> ast.Expression:
        a, i = self.rvalue(array), self.rvalue(index)
        if isinstance(i.type, PointerType) and not isinstance(a.type, PointerType):
            a, i = i, a
        if not isinstance(a.type, PointerType):
            self.error("subscripted value is neither array nor pointer nor vector", token)
            return ast.Subscript(token.location, array, index, type=self.types.int, lvalue=True)
        if not i.type.is_integer():
            self.error("array subscript is not an integer", token)
        element = a.type.target
        if element.is_void() or (not element.is_complete() and not element.is_array()):
            if element.is_void():
                self.warning("dereferencing 'void *' pointer", token)
            else:
                self.error(f"invalid use of undefined type {q(element)}", token)
        return ast.Subscript(token.location, a, i, type=element, lvalue=True)

    def make_member(self, base, name: str, arrow: bool, token, name_token) -> ast.Expression:
        t = base.type
        if arrow:
            base = self.rvalue(base)
            t = base.type
            if not isinstance(t, PointerType):
                if isinstance(t, RecordType):
                    self.error(f"invalid type argument of '->' (have {q(t)})", token)
                else:
                    self.error(f"invalid type argument of '->' (have {q(t)})", token)
                return ast.MemberAccess(token.location, base, name, True, type=self.types.int, lvalue=True)
            t = t.target
        if not isinstance(t, RecordType):
            if arrow:
                self.error(f"request for member '{name}' in something not a structure or union", token)
            elif isinstance(t, PointerType) and isinstance(t.target, RecordType):
                self.error(f"'{base_text(base)}' is a pointer; did you mean to use '->'?", token)
            else:
                self.error(f"request for member '{name}' in something not a structure or union", token)
            return ast.MemberAccess(token.location, base, name, arrow, type=self.types.int, lvalue=True)
        if not t.is_complete():
            self.error(f"invalid use of undefined type {q(t.unqualified())}", token)
            return ast.MemberAccess(token.location, base, name, arrow, type=self.types.int, lvalue=True)
        found = t.record.find_member(name)
        if found is None:
            self.error(f"{q(t.unqualified())} has no member named '{name}'", token)
            return ast.MemberAccess(token.location, base, name, arrow, type=self.types.int, lvalue=True)
        path, member = found
        member_type = member.type.qualified(t.qualifiers)
        return ast.MemberAccess(token.location, base, name, arrow, member, path, type=member_type,
                                lvalue=arrow or base.lvalue,
                                bit_field=member if member.bit_width is not None else None)

    def make_call(self, function, arguments: list, token) -> ast.Expression:
        callee = self.rvalue(function)
        t = callee.type
        if isinstance(t, PointerType) and isinstance(t.target, FunctionType):
            ftype = t.target
        else:
            name = function.name if isinstance(function, ast.Identifier) else None
            if name:
                self.error(f"called object '{name}' is not a function or function pointer", function)
            else:
                self.error("called object is not a function or function pointer", function)
            return ast.Call(token.location, callee, arguments, type=self.types.int)
        name = function.name if isinstance(function, ast.Identifier) else None
        symbol = function.symbol if isinstance(function, ast.Identifier) else None
        if symbol is not None and symbol.is_builtin and symbol.attributes.get("generic"):
            return self.generic_builtin_call(symbol, arguments, token)
        converted: list[ast.Expression] = []
        if ftype.prototyped:
            count = len(ftype.parameters)
            if len(arguments) < count:
                self.error(f"too few arguments to function '{name}'" if name else
                           "too few arguments to function", token if name is None else function)
                self.note_declared_here(symbol)
            elif len(arguments) > count and not ftype.variadic:
                self.error(f"too many arguments to function '{name}'" if name else
                           "too many arguments to function", arguments[count] if name is None else function)
                self.note_declared_here(symbol)
        for index, argument in enumerate(arguments):
            if ftype.prototyped and index < len(ftype.parameters):
                parameter_type = ftype.parameters[index].type
                converted.append(self.check_assignment(parameter_type, argument, "argument",
                                                       argument, index + 1, name))
            else:
                value = self.rvalue(argument)
                if value.type is not None and value.type.is_void():
                    self.error("invalid use of void expression", argument)
                elif value.type is not None and value.type.is_arithmetic():
                    promoted = self.types.promote(value.type)
                    if isinstance(promoted, FloatType) and promoted.kind.name == "FLOAT" and not promoted.complex:
                        promoted = self.types.double
                    value = self.convert(value, promoted)
                converted.append(value)
        result = ftype.result.unqualified()
        call = ast.Call(token.location, callee, converted, type=result)
        if symbol is not None and name is not None:
            self.check_format_call(symbol, name, converted, arguments, token)
        return call

    def note_declared_here(self, symbol) -> None:
        if symbol is not None and not symbol.is_builtin:
            self.diagnostics.note("declared here", symbol.location)

    def make_increment(self, op: str, operand, token) -> ast.Expression:
        what = "increment" if op.startswith("++") else "decrement"
        self.check_modifiable(operand, what, token, f"lvalue required as {what} operand")
        t = operand.type
        if t is not None and not (t.is_arithmetic() or t.is_pointer()):
            self.error(f"wrong type argument to {what}", token)
        return ast.Unary(token.location, op, operand, type=t.unqualified() if t else t)

    # ------------------------------------------------------------------
    # Unary operators (6.5.3).

    def make_unary(self, op: str, operand, token) -> ast.Expression:
        if op == "&":
            return self.make_address(operand, token)
        if op == "*":
            value = self.rvalue(operand)
            t = value.type
            if not isinstance(t, PointerType):
                self.error(f"invalid type argument of unary '*' (have {q(t)})", token)
                return ast.Unary(token.location, "*", value, type=self.types.int, lvalue=True)
            target = t.target
            if target.is_void():
                self.warning("dereferencing 'void *' pointer", token)
            return ast.Unary(token.location, "*", value, type=target, lvalue=not target.is_function())
        value = self.rvalue(operand)
        t = value.type
        if op == "!":
            if not t.is_scalar():
                self.error(f"wrong type argument to {UNARY_NAMES[op]}", token)
            return ast.Unary(token.location, op, value, type=self.types.int)
        if op == "~":
            ok = t.is_integer() or (isinstance(t, FloatType) and t.complex)
        else:
            ok = t.is_arithmetic()
        if not ok:
            self.error(f"wrong type argument to {UNARY_NAMES[op]}", token)
            return ast.Unary(token.location, op, value, type=self.types.int)
        promoted = self.types.promote(self.bit_field_type(value))
        return ast.Unary(token.location, op, self.convert(value, promoted), type=promoted)

    def make_address(self, operand, token) -> ast.Expression:
        t = operand.type
        if isinstance(operand, ast.Identifier) and operand.symbol is not None and \
                operand.symbol.storage == "register":
            self.error(f"address of register variable '{operand.name}' requested", self.statement_start)
        if operand.bit_field is not None:
            self.error(f"cannot take address of bit-field '{operand.bit_field.name}'", token)
        elif not operand.lvalue and not (t is not None and t.is_function()):
            self.error("lvalue required as unary '&' operand", token)
        if isinstance(operand, ast.Identifier) and operand.symbol is not None:
            operand.symbol.set = True
        return ast.Unary(token.location, "&", operand, type=self.types.pointer(t))

    def make_sizeof(self, operand_type, operand, alignof: bool, token, where=None) -> ast.Expression:
        keyword = token
        token = where or token
        word = "__alignof__" if alignof and keyword.text.startswith("__") else (
            "_Alignof" if alignof else "sizeof")
        if operand is not None:
            t = operand.type
            if operand.bit_field is not None:
                self.error(f"'{word}' applied to a bit-field", token)
        else:
            t = operand_type
        value = None
        if t.is_function():
            self.pedwarn(f"invalid application of '{word}' to a function type", token, "-Wpointer-arith")
            value = 1
        elif t.is_void():
            value = 1
        elif isinstance(t, ArrayType) and t.vla and not alignof:
            value = None
        elif not t.is_complete():
            self.error(f"invalid application of '{word}' to incomplete type {q(t)}", token)
            value = 0
        else:
            value = t.align if alignof else t.size
        return ast.SizeOf(keyword.location, operand_type, operand, alignof, value, type=self.types.size_t)

    def make_real_imag(self, key: str, operand, token) -> ast.Expression:
        value = self.rvalue(operand)
        t = value.type
        if isinstance(t, FloatType) and t.complex:
            base = {4: self.types.float, 8: self.types.double}.get(t.size // 2, self.types.long_double)
            if t.kind.name == "LONG_DOUBLE":
                base = self.types.long_double
            return ast.Unary(token.location, key, operand, type=base, lvalue=operand.lvalue)
        return ast.Unary(token.location, key, value, type=t)

    def make_cast(self, target: CType, operand, token) -> ast.Expression:
        value = self.rvalue(operand)
        t = value.type
        if target.is_void():
            return ast.Cast(token.location, value, type=target)
        if isinstance(target, ArrayType):
            self.error("cast specifies array type", token)
            return ast.Cast(token.location, value, type=self.types.int)
        if isinstance(target, FunctionType):
            self.error("cast specifies function type", token)
            return ast.Cast(token.location, value, type=self.types.int)
        if not target.is_scalar():
            if isinstance(target, RecordType) and target.record.is_union and target.is_complete() and any(
                    compatible(m.type.unqualified(), t.unqualified()) for m in target.record.members or ()):
                return ast.Cast(token.location, value, type=target)   # GNU cast to union
            if isinstance(target, RecordType) and t is not None and compatible(target.unqualified(), t.unqualified()):
                return ast.Cast(token.location, value, type=target)
            self.error("conversion to non-scalar type requested", getattr(self, "type_name_end", token))
            return ast.Cast(token.location, value, type=target)
        if t is None:
            return ast.Cast(token.location, value, type=target)
        if t.is_void():
            self.error("void value not ignored as it ought to be", token)
        elif isinstance(t, RecordType):
            word = "union" if t.record.is_union else "struct"
            if target.is_integer() or target.is_pointer():
                self.error("aggregate value used where an integer was expected" if target.is_integer()
                           else "cannot convert to a pointer type", self.statement_start)
            else:
                self.error("aggregate value used where a floating-point was expected", self.statement_start)
            del word
        elif isinstance(target, FloatType) and t.is_pointer():
            self.error("pointer value used where a floating-point was expected", self.statement_start)
        elif target.is_pointer() and isinstance(t, FloatType):
            self.error("cannot convert to a pointer type", self.statement_start)
        elif target.is_pointer() and t.is_integer() and t.size != target.size and not isinstance(
                value, ast.IntegerLiteral) and evaluate(value, self.types) is None:   # gcc: constants too
            self.warning("cast to pointer from integer of different size", token, "-Wint-to-pointer-cast")
        elif target.is_integer() and t.is_pointer() and target.size != t.size and target.size > 1 \
                and not isinstance(target, IntegerType) or (target.is_integer() and t.is_pointer()
                                                           and target.size < t.size and target.kind.name != "BOOL"):
            self.warning("cast from pointer to integer of different size", token, "-Wpointer-to-int-cast")
        return ast.Cast(token.location, value, type=target.unqualified())

    # ------------------------------------------------------------------
    # Binary operators (6.5.5-6.5.17).

    def invalid_operands(self, op: str, left, right, token) -> ast.Expression:
        self.error(f"invalid operands to binary {op} (have {q(left.type)} and {q(right.type)})", token)
        return ast.Binary(token.location, op, left, right, type=self.types.int)

    def make_binary(self, op: str, left, right, token) -> ast.Expression:
        l, r = self.rvalue(left), self.rvalue(right)
        lt, rt = l.type, r.type
        if lt is None or rt is None:
            return ast.Binary(token.location, op, l, r, type=self.types.int)
        for side in (l, r):
            if side.type.is_void():
                self.error("void value not ignored as it ought to be", side)
                return ast.Binary(token.location, op, l, r, type=self.types.int)
        if op in ("&&", "||"):
            if not lt.is_scalar() or not rt.is_scalar():
                return self.invalid_operands(op, l, r, token)
            return ast.Binary(token.location, op, l, r, type=self.types.int)
        if op in ("*", "/"):
            if not lt.is_arithmetic() or not rt.is_arithmetic():
                return self.invalid_operands(op, l, r, token)
            self.check_division(op, r, token)
            l, r, common = self.usual(l, r)
            return ast.Binary(token.location, op, l, r, type=common)
        if op in ("%", "&", "|", "^"):
            if not lt.is_integer() or not rt.is_integer():
                return self.invalid_operands(op, l, r, token)
            if op == "%":
                self.check_division(op, r, token)
            l, r, common = self.usual(l, r)
            return ast.Binary(token.location, op, l, r, type=common)
        if op in ("<<", ">>"):
            if not lt.is_integer() or not rt.is_integer():
                return self.invalid_operands(op, l, r, token)
            pl = self.types.promote(self.bit_field_type(l))
            l, r = self.convert(l, pl), self.convert(r, self.types.promote(self.bit_field_type(r)))
            count = evaluate(r, self.types)
            if isinstance(count, int):
                if count < 0:
                    self.warning(f"{'left' if op == '<<' else 'right'} shift count is negative", token,
                                 "-Wshift-count-negative")
                elif count >= pl.size * 8:
                    self.warning(f"{'left' if op == '<<' else 'right'} shift count >= width of type", token,
                                 "-Wshift-count-overflow")
            return ast.Binary(token.location, op, l, r, type=pl)
        if op == "+":
            if lt.is_arithmetic() and rt.is_arithmetic():
                l, r, common = self.usual(l, r)
                return ast.Binary(token.location, op, l, r, type=common)
            if rt.is_pointer() and lt.is_integer():
                l, r, lt, rt = r, l, rt, lt
            if lt.is_pointer() and rt.is_integer():
                self.check_pointer_arithmetic(lt, token)
                return ast.Binary(token.location, op, l, r, type=lt)
            return self.invalid_operands(op, l, r, token)
        if op == "-":
            if lt.is_arithmetic() and rt.is_arithmetic():
                l, r, common = self.usual(l, r)
                return ast.Binary(token.location, op, l, r, type=common)
            if lt.is_pointer() and rt.is_integer():
                self.check_pointer_arithmetic(lt, token)
                return ast.Binary(token.location, op, l, r, type=lt)
            if lt.is_pointer() and rt.is_pointer():
                if not compatible(lt.target.unqualified(), rt.target.unqualified()):
                    self.error("invalid operands to binary - (have "
                               f"{q(lt)} and {q(rt)})", token)
                return ast.Binary(token.location, op, l, r, type=self.types.ptrdiff_t)
            return self.invalid_operands(op, l, r, token)
        if op in ("<", ">", "<=", ">=", "==", "!="):
            if lt.is_arithmetic() and rt.is_arithmetic():
                l, r, _ = self.usual(l, r)
                return ast.Binary(token.location, op, l, r, type=self.types.int)
            if lt.is_pointer() and rt.is_pointer():
                a, b = lt.target, rt.target
                if not compatible(a.unqualified(), b.unqualified()) and not (
                        op in ("==", "!=") and (a.is_void() or b.is_void())):
                    if a.is_void() or b.is_void():
                        pass
                    else:
                        self.warning("comparison of distinct pointer types lacks a cast", token,
                                     "-Wcompare-distinct-pointer-types")
                return ast.Binary(token.location, op, l, r, type=self.types.int)
            if (lt.is_pointer() and rt.is_integer()) or (lt.is_integer() and rt.is_pointer()):
                other = r if lt.is_pointer() else l
                if not self.is_null_pointer_constant(other):
                    self.warning("comparison between pointer and integer", token)
                return ast.Binary(token.location, op, l, r, type=self.types.int)
            return self.invalid_operands(op, l, r, token)
        return self.invalid_operands(op, l, r, token)

    def check_division(self, op: str, right, token) -> None:
        value = evaluate(right, self.types)
        if value == 0 and right.type.is_integer():
            self.warning("division by zero", token, "-Wdiv-by-zero")

    def check_pointer_arithmetic(self, t: PointerType, token) -> None:
        target = t.target
        if not target.is_complete() and not target.is_void() and not target.is_function():
            self.error(f"invalid use of undefined type {q(target)}", token)

    def make_comma(self, left, right, token) -> ast.Expression:
        r = self.rvalue(right)
        return ast.Binary(token.location, ",", left, r, type=r.type)

    def is_null_pointer_constant(self, e: ast.Expression) -> bool:
        inner = e
        while isinstance(inner, ast.Cast) and inner.implicit:
            inner = inner.operand
        t = e.type
        if isinstance(t, PointerType) and t.target.is_void() and isinstance(inner, ast.Cast) and \
                not inner.implicit:
            return evaluate(inner.operand, self.types) == 0 and inner.operand.type is not None and \
                inner.operand.type.is_integer()
        return t is not None and t.is_integer() and evaluate(e, self.types) == 0

    def make_conditional(self, condition, then, otherwise, token) -> ast.Expression:
        c = self.scalar_condition(condition)
        t_expr = self.rvalue(then) if then is not None else c
        o_expr = self.rvalue(otherwise)
        a, b = t_expr.type, o_expr.type
        result: CType
        if a is None or b is None:
            result = self.types.int
        elif a.is_arithmetic() and b.is_arithmetic():
            result = self.types.usual_arithmetic_conversion(a, b)
            t_expr, o_expr = self.convert(t_expr, result), self.convert(o_expr, result)
        elif isinstance(a, RecordType) or isinstance(b, RecordType):
            if not compatible(a.unqualified(), b.unqualified()):
                self.error("type mismatch in conditional expression", token)
            result = a
        elif a.is_void() or b.is_void():
            result = self.types.void
        elif a.is_pointer() and b.is_pointer():
            ta, tb = a.target, b.target
            quals = ta.qualifiers | tb.qualifiers
            if self.is_null_pointer_constant(o_expr):
                result = a
            elif self.is_null_pointer_constant(t_expr):
                result = b
            elif ta.is_void() or tb.is_void():
                result = self.types.pointer(self.types.void.qualified(quals))
            elif compatible(ta.unqualified(), tb.unqualified()):
                result = self.types.pointer(composite(ta.unqualified(), tb.unqualified()).qualified(quals))
            else:
                self.warning("pointer type mismatch in conditional expression", token)
                result = self.types.pointer(self.types.void)
        elif a.is_pointer() and b.is_integer():
            if not self.is_null_pointer_constant(o_expr):
                self.warning("pointer/integer type mismatch in conditional expression", token)
            result = a
        elif b.is_pointer() and a.is_integer():
            if not self.is_null_pointer_constant(t_expr):
                self.warning("pointer/integer type mismatch in conditional expression", token)
            result = b
        elif isinstance(a, BuiltinVaListType) and isinstance(b, BuiltinVaListType):
            result = a
        else:
            self.error("type mismatch in conditional expression", token)
            result = a
        return ast.Conditional(token.location, c, t_expr if then is not None else None, o_expr, type=result)

    # ------------------------------------------------------------------
    # Assignment (6.5.16).

    def check_modifiable(self, target, what: str, token, not_lvalue: str) -> bool:
        t = target.type
        if not target.lvalue:
            self.error(not_lvalue, token)
            return False
        if t is None:
            return True
        if isinstance(t, ArrayType):
            if what == "assignment":
                self.error("assignment to expression with array type", token)
            else:
                self.error(f"lvalue required as {what} operand", token)
            return False
        readonly = bool(t.qualifiers & CONST) or (isinstance(t, RecordType) and has_const_member(t))
        if readonly:
            if isinstance(target, ast.Identifier):
                self.error(f"{what} of read-only variable '{target.name}'", token)
            elif isinstance(target, ast.MemberAccess):
                if target.base.type is not None and (target.base.type.qualifiers & CONST or (
                        target.arrow and isinstance(target.base.type, PointerType)
                        and target.base.type.target.qualifiers & CONST)):
                    self.error(f"{what} of member '{target.name}' in read-only object", token)
                else:
                    self.error(f"{what} of read-only member '{target.name}'", token)
            else:
                self.error(f"{what} of read-only location '{base_text(target)}'", token)
            return False
        if isinstance(target, ast.Identifier) and target.symbol is not None:
            target.symbol.set = True
        return True

    def make_assignment(self, op: str, target, value, token) -> ast.Expression:
        if not self.check_modifiable(target, "assignment", token,
                                     "lvalue required as left operand of assignment"):
            return ast.Assignment(token.location, op, target, self.rvalue(value), type=target.type)
        t = target.type.unqualified()
        if op == "=":
            self._assigned_value = value
            try:
                converted = self.check_assignment(t, value, "assignment", token)
            finally:
                self._assigned_value = token
            if isinstance(target, ast.Identifier) and target.symbol is not None:
                target.symbol.used = target.previously_used  # a store is not a use
            return ast.Assignment(token.location, op, target, converted, type=t)
        # Compound assignment: E1 op= E2 behaves as E1 = E1 op E2 (6.5.16.2).
        binary_op = op[:-1]
        probe_left = ast.Identifier(target.location, "", None, type=t)
        result = self.make_binary(binary_op, probe_left, value, token)
        converted = result.right if isinstance(result, ast.Binary) else self.rvalue(value)
        if isinstance(result, ast.Binary) and result.type is not None and not (
                t.is_arithmetic() or t.is_pointer()):
            pass
        return ast.Assignment(token.location, op, target, converted, type=t)

    def check_assignment(self, t: CType, value, context: str, where, argument: int = 0,
                         function: str | None = None) -> ast.Expression:
        """Simple-assignment constraints (6.5.16.1); ``context`` is 'assignment',
        'initialization', 'argument' or 'return'. Returns ``value`` converted to ``t``."""
        v = self.rvalue(value)
        vt = v.type
        if vt is None or t is None:
            return v
        t = t.unqualified() if not isinstance(t, ArrayType) else t
        if vt is t and not vt.is_void():
            return v
        if vt.is_void():
            self.error("void value not ignored as it ought to be", where)
            return v
        if t.is_arithmetic() and vt.is_arithmetic():
            return self.convert(v, t)
        if isinstance(t, BuiltinVaListType) or isinstance(vt, BuiltinVaListType):
            return v
        if isinstance(t, (RecordType,)) or isinstance(vt, RecordType):
            if isinstance(t, RecordType) and isinstance(vt, RecordType) and \
                    compatible(t.unqualified(), vt.unqualified()):
                return v
            if isinstance(t, RecordType) and t.record.transparent_union and context == "argument":
                return v
            self.incompatible(t, vt, context, where, argument, function)
            return v
        if t.is_pointer() and vt.is_pointer():
            ta, tv = t.target, vt.target
            if ta.is_void() or tv.is_void() or compatible(ta.unqualified(), tv.unqualified()):
                lost = tv.qualifiers & ~ta.qualifiers & (CONST | 2)
                if lost and not ta.is_function():
                    words = " ".join(w for bit, w in ((CONST, "const"), (2, "volatile")) if lost & bit)
                    self.pointer_warning(f"discards '{words}' qualifier from pointer target type",
                                         context, where, argument, function, "-Wdiscarded-qualifiers", t, vt)
                return self.convert(v, t)
            if ta.is_integer() and tv.is_integer() and ta.size == tv.size:
                self.pointer_warning("pointer targets in %s differ in signedness", context, where,
                                     argument, function, "-Wpointer-sign", t, vt)
                return self.convert(v, t)
            self.pointer_warning("from incompatible pointer type", context, where, argument, function,
                                 "-Wincompatible-pointer-types", t, vt)
            return self.convert(v, t)
        if t.is_pointer() and vt.is_integer():
            if not self.is_null_pointer_constant(v):
                self.pointer_warning("makes pointer from integer without a cast", context, where,
                                     argument, function, "-Wint-conversion", t, vt)
            return self.convert(v, t)
        if t.is_integer() and vt.is_pointer():
            if t.kind.name == "BOOL":
                return self.convert(v, t)
            self.pointer_warning("makes integer from pointer without a cast", context, where,
                                 argument, function, "-Wint-conversion", t, vt)
            return self.convert(v, t)
        self.incompatible(t, vt, context, where, argument, function)
        return v

    def incompatible(self, t, vt, context, where, argument, function) -> None:
        if context == "assignment":
            self.error(f"incompatible types when assigning to type {q(t)} from type {q(vt)}",
                       getattr(self, "_assigned_value", where))
        elif context == "initialization":
            self.error(f"incompatible types when initializing type {q(t)} using type {q(vt)}", where)
        elif context == "return":
            self.error(f"incompatible types when returning type {q(vt)} but {q(t)} was expected", where)
        else:
            self.error(f"incompatible type for argument {argument} of '{function}'" if function else
                       f"incompatible type for argument {argument} of indirect function call", where)

    def pointer_warning(self, what: str, context, where, argument, function, option, t, vt) -> None:
        if what.startswith("pointer targets"):
            phrase = {"assignment": "assignment", "initialization": "initialization",
                      "return": "return", "argument": f"passing argument {argument} of '{function}'"}[context]
            message = f"pointer targets in {phrase} differ in signedness"
            if context == "assignment":
                message = f"pointer targets in assignment from {q(vt)} to {q(t)} differ in signedness"
            elif context == "initialization":
                message = f"pointer targets in initialization of {q(t)} from {q(vt)} differ in signedness"
            elif context == "return":
                message = f"pointer targets in returning {q(vt)} from a function with return type {q(t)} differ in signedness"
            self.warning(message, where, option)
            return
        if what.startswith("discards"):
            prefix = {"assignment": "assignment", "initialization": "initialization", "return": "return",
                      "argument": f"passing argument {argument} of '{function}'"}[context]
            self.warning(f"{prefix} {what}", where, option)
            return
        if context == "assignment":
            message = f"assignment to {q(t)} from {q(vt)} {what}" if "incompatible" not in what else \
                f"assignment to {q(t)} from incompatible pointer type {q(vt)}"
        elif context == "initialization":
            message = f"initialization of {q(t)} from {q(vt)} {what}" if "incompatible" not in what else \
                f"initialization of {q(t)} from incompatible pointer type {q(vt)}"
        elif context == "return":
            message = f"returning {q(vt)} from a function with return type {q(t)} {what}" \
                if "incompatible" not in what else \
                f"returning {q(vt)} from a function with incompatible return type {q(t)}"
        else:
            message = f"passing argument {argument} of '{function}' {what}"
        self.warning(message, where, option)


def has_const_member(t: RecordType) -> bool:
    for member in t.record.members or ():
        if member.type.qualifiers & CONST:
            return True
        if isinstance(member.type, RecordType) and has_const_member(member.type):
            return True
    return False


def base_text(e: ast.Expression) -> str:
    """A short C spelling of an expression, as gcc prints it in messages."""
    if isinstance(e, ast.Identifier):
        return e.name
    if isinstance(e, ast.Cast) and e.implicit:
        return base_text(e.operand)
    if isinstance(e, ast.Unary) and e.op == "*":
        return "*" + base_text(e.operand)
    if isinstance(e, ast.MemberAccess):
        return base_text(e.base) + ("->" if e.arrow else ".") + e.name
    if isinstance(e, ast.Subscript):
        return f"{base_text(e.array)}[{base_text(e.index)}]"
    if isinstance(e, ast.IntegerLiteral):
        return str(e.value)
    return "<expression>"

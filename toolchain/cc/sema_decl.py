"""Semantic rules of declarations (C11 6.2.2 linkage, 6.7 constraints, 6.9
external definitions): declaring identifiers in scopes, redeclarations and
composite types, function definitions (prototype and K&R), ``return``
checks, and the end-of-scope warnings -Wall gives (unused variables,
control reaching the end of a non-void function).  A mixin of the Parser.
"""

from __future__ import annotations

from dataclasses import replace

from ..common.diagnostics import SourceLocation
from . import ast
from .ctypes import (ArrayType, CType, FunctionType, Parameter, RecordType, adjust_parameter,
                     compatible, composite, type_name)
from .flow import can_complete
from .scope import FunctionContext, Scope
from .sema_const import evaluate


def have(t: CType) -> str:
    return f"'{type_name(t)}'"


class DeclarationChecker:
    """Declaring names (mixin of Parser)."""

    # ------------------------------------------------------------------
    def array_length(self, size, star: bool, name, declarator) -> tuple[int | None, bool]:
        if size is None:
            return None, star
        label = f"'{name}'" if name else "unnamed array"
        where = declarator.location if name else size
        t = self.rvalue(size).type
        if t is not None and not t.is_integer():
            self.error(f"size of array {label} has non-integer type" if name else
                       "size of unnamed array has non-integer type", where)
            return 1, False
        value = evaluate(size, self.types)
        if isinstance(value, float):
            value = None
        if value is None:
            if self.function is None and self.scope.kind != "prototype":
                if name:
                    self.error(f"variably modified '{name}' at file scope", declarator.location)
                else:
                    self.error("variably modified type at file scope" if False else
                               "array size is not a constant", size)
                return 1, False
            return None, True
        if value < 0:
            self.error(f"size of array {label} is negative" if name else
                       "size of unnamed array is negative", where)
            return 1, False
        return value, False

    # ------------------------------------------------------------------
    def declare_ordinary(self, symbol: ast.Symbol, token) -> None:
        existing = self.scope.ordinary.get(symbol.name)
        if existing is not None:
            if existing.kind == "enumerator" or symbol.kind == "enumerator":
                self.error(f"redeclaration of enumerator '{symbol.name}'" if existing.kind == symbol.kind
                           else f"'{symbol.name}' redeclared as different kind of symbol", token)
                self.previous_note(existing, "previous definition" if existing.kind == "enumerator"
                                   else "previous declaration")
                return
        self.scope.declare(symbol.name, symbol)

    def previous_note(self, symbol: ast.Symbol, what: str) -> None:
        if symbol.is_builtin or symbol.implicit:
            return
        if symbol.kind == "enumerator":
            self.diagnostics.note(f"{what} of '{symbol.name}' was here", symbol.location)
        else:
            self.diagnostics.note(f"{what} of '{symbol.name}' with type {have(symbol.type)}",
                                  symbol.location)

    def check_empty_declaration(self, spec, token) -> None:
        t = spec.type
        if spec.implicit_int or not (t.is_record() or hasattr(t, "info")):
            if spec.storage == "typedef" or not (t.is_record() or hasattr(t, "info")):
                self.warning("useless type name in empty declaration" if not spec.implicit_int
                             else "useless type name in empty declaration", token)
            return
        if spec.storage and spec.storage != "typedef":
            self.warning(f"useless storage class specifier in empty declaration", token)

    def declare(self, spec, declarator, file_scope: bool, has_initializer: bool = False) -> ast.Symbol:
        t = self.apply_derivations(spec.type, declarator)
        name = declarator.name
        location = declarator.location
        attributes = {**spec.attributes, **declarator.attributes}
        if "mode" in attributes:
            t = self.apply_mode(t, attributes["mode"])
        if "aligned" in attributes and spec.storage == "typedef" and isinstance(attributes["aligned"], int):
            pass
        if name is None:
            self.syntax_error("expected identifier or '('")
        if spec.implicit_int:
            if isinstance(t, FunctionType) and not declarator.derivations[:-1]:
                self.warning(f"type defaults to 'int' in declaration of '{name}'", location, "-Wimplicit-int")
            else:
                self.warning(f"type defaults to 'int' in declaration of '{name}'", location, "-Wimplicit-int")
        storage = spec.storage
        if storage == "typedef":
            kind = "typedef"
        elif t.is_function():
            kind = "function"
        else:
            kind = "object"
        if spec.auto_type:
            attributes["auto_type"] = True
            if not has_initializer:
                self.error(f"'__auto_type' requires an initialized data declaration", location)
        if spec.noreturn and isinstance(t, FunctionType):
            t = replace(t, noreturn=True)
        if "noreturn" in attributes and isinstance(t, FunctionType):
            t = replace(t, noreturn=True)
        if kind == "object" and t.is_void():
            self.error(f"variable or field '{name}' declared void", location)
            t = self.types.int
        if kind == "function" and storage in ("auto", "register") or (
                kind == "function" and not file_scope and storage == "static"):
            self.error(f"invalid storage class for function '{name}'", location)
        if spec.inline and kind != "function":
            self.warning(f"variable '{name}' declared 'inline'", location)
        if file_scope and storage == "auto":
            self.error(f"file-scope declaration of '{name}' specifies 'auto'", location)
        elif file_scope and storage == "register" and kind == "object" and not declarator.asm_label:
            self.error(f"register name not specified for '{name}'", location)
        if kind == "object" and spec.alignas and isinstance(t, CType):
            pass
        symbol = ast.Symbol(name, kind, t, location, storage=storage, inline=spec.inline,
                            thread_local=spec.thread_local, attributes=attributes,
                            asm_label=declarator.asm_label, is_local=not file_scope)
        if kind != "typedef":
            if file_scope:
                symbol.linkage = "internal" if storage == "static" else "external"
            elif kind == "function" or storage == "extern":
                symbol.linkage = "external"
        if kind == "object" and symbol.linkage == "none" and isinstance(t, ArrayType) and t.vla and \
                storage == "static":
            self.error(f"storage size of '{name}' isn't constant", location)
        return self.enter(symbol, file_scope, has_initializer)

    def enter(self, symbol: ast.Symbol, file_scope: bool, defines: bool) -> ast.Symbol:
        """Put ``symbol`` into the current scope, merging it with an earlier declaration."""
        name = symbol.name
        existing = self.scope.ordinary.get(name)
        if existing is None and not file_scope and symbol.linkage == "external":
            # A block-scope extern refers to the file-scope entity (6.2.2p4).
            outer = self.scope.file_scope().ordinary.get(name)
            if outer is not None and outer.kind == symbol.kind and outer.kind != "typedef":
                if not compatible(outer.type, symbol.type):
                    self.error(f"conflicting types for '{name}'; have {have(symbol.type)}", symbol.location)
                    self.previous_note(outer, "previous declaration")
                else:
                    outer.type = composite(outer.type, symbol.type)
                self.scope.declare(name, outer)
                return outer
        if existing is None:
            if file_scope:
                symbol.defined = defines and symbol.kind == "object" and symbol.storage != "extern" or (
                    defines and symbol.kind == "object")
                symbol.tentative = symbol.kind == "object" and not defines and symbol.storage != "extern"
            self.scope.declare(name, symbol)
            if file_scope:
                self.unit.symbols[name] = symbol
            return symbol
        if existing.kind != symbol.kind or existing.kind == "enumerator":
            if existing.implicit and symbol.kind == "function":
                pass
            else:
                self.error(f"'{name}' redeclared as different kind of symbol", symbol.location)
                self.previous_note(existing, "previous declaration")
                self.scope.declare(name, symbol)
                return symbol
        if existing.is_builtin:
            self.scope.declare(name, symbol)
            if file_scope:
                self.unit.symbols[name] = symbol
            return symbol
        if symbol.kind == "typedef":
            if not compatible(existing.type, symbol.type):
                self.error(f"conflicting types for '{name}'; have {have(symbol.type)}", symbol.location)
                self.previous_note(existing, "previous declaration")
            elif existing.type.is_complete() is False and symbol.type.is_complete():
                existing.type = symbol.type
            return existing
        if not file_scope and (existing.linkage == "none" or symbol.linkage == "none"):
            if compatible(existing.type, symbol.type):
                self.error(f"redeclaration of '{name}' with no linkage", symbol.location)
            else:
                self.error(f"conflicting types for '{name}'; have {have(symbol.type)}", symbol.location)
            self.previous_note(existing, "previous declaration")
            self.scope.declare(name, symbol)
            return symbol
        if not compatible(existing.type, symbol.type):
            if existing.implicit and existing.attributes.get("builtin_prototype"):
                self.warning(f"conflicting types for built-in function '{name}'; have "
                             f"{have(symbol.type)}", symbol.location, "-Wbuiltin-declaration-mismatch")
            elif existing.implicit:
                self.error(f"conflicting types for '{name}'; have {have(symbol.type)}", symbol.location)
                self.diagnostics.note(f"previous implicit declaration of '{name}' with type "
                                      f"{have(existing.type)}", existing.location)
            else:
                self.error(f"conflicting types for '{name}'; have {have(symbol.type)}", symbol.location)
                self.previous_note(existing, "previous definition" if existing.defined else
                                   "previous declaration")
            existing.type = symbol.type
            return existing
        if symbol.kind == "object" and file_scope:
            if defines and existing.defined:
                self.error(f"redefinition of '{name}'", symbol.location)
                self.previous_note(existing, "previous definition")
                return existing
            if symbol.storage == "static" and existing.linkage == "external" and not existing.implicit:
                self.error(f"static declaration of '{name}' follows non-static declaration", symbol.location)
                self.previous_note(existing, "previous declaration")
            elif symbol.storage is None and existing.linkage == "internal":
                self.error(f"non-static declaration of '{name}' follows static declaration", symbol.location)
                self.previous_note(existing, "previous declaration")
            if defines:
                existing.defined = True
                existing.location = symbol.location
            if symbol.storage != "extern":
                existing.tentative = existing.tentative or not defines
        elif symbol.kind == "function":
            if symbol.storage == "static" and existing.linkage == "external" and not existing.implicit:
                self.error(f"static declaration of '{name}' follows non-static declaration", symbol.location)
                self.previous_note(existing, "previous declaration")
            if existing.implicit:
                existing.implicit = False
                existing.location = symbol.location
        existing.type = composite(existing.type, symbol.type)
        existing.attributes.update(symbol.attributes)
        existing.inline = existing.inline or symbol.inline
        if symbol.asm_label:
            existing.asm_label = symbol.asm_label
        self.scope.declare(name, existing)
        return existing

    def declare_parameter(self, spec, declarator) -> ast.Symbol:
        t = self.apply_derivations(spec.type, declarator)
        if "mode" in declarator.attributes or "mode" in spec.attributes:
            t = self.apply_mode(t, declarator.attributes.get("mode", spec.attributes.get("mode")))
        if spec.implicit_int and declarator.name:
            self.warning(f"type defaults to 'int' in declaration of '{declarator.name}'",
                         declarator.location, "-Wimplicit-int")
        adjusted = adjust_parameter(t, self.types)
        symbol = ast.Symbol(declarator.name, "object", adjusted, declarator.location,
                            storage=spec.storage, is_parameter=True, is_local=True,
                            attributes={**spec.attributes, **declarator.attributes})
        if declarator.name is not None:
            if declarator.name in self.scope.ordinary:
                self.error(f"redefinition of parameter '{declarator.name}'", declarator.location)
                self.previous_note(self.scope.ordinary[declarator.name], "previous definition")
            self.scope.declare(declarator.name, symbol)
        return symbol

    def check_declaration_complete(self, symbol: ast.Symbol, declarator) -> None:
        if symbol.kind != "object" or symbol.storage == "extern":
            return
        t = symbol.type
        if t.is_complete():
            return
        if symbol.is_local:
            if isinstance(t, ArrayType):
                self.error(f"array size missing in '{symbol.name}'", declarator.location)
            else:
                self.error(f"storage size of '{symbol.name}' isn't known", declarator.location)

    # ------------------------------------------------------------------
    # function-definition:
    #     declaration-specifiers declarator declaration-list_opt compound-statement
    # declaration-list:
    #     declaration
    #     declaration-list declaration
    def function_definition(self, spec, declarator) -> ast.FunctionDefinition:
        derivation = declarator.derivations[-1]
        if spec.implicit_int:
            self.warning("return type defaults to 'int'", spec.location, "-Wimplicit-int")
            spec.implicit_int = False
        parameters = list(derivation.parameters)
        if not derivation.prototyped:
            parameters = self.identifier_list_declarations(derivation)
        # The declared type; K&R definitions give an unprototyped type.
        base_t = self.apply_derivations(spec.type, declarator)
        if not derivation.prototyped and isinstance(base_t, FunctionType):
            base_t = replace(base_t, parameters=tuple(Parameter(p.name, p.type) for p in parameters),
                             prototyped=False)
        result = base_t.result if isinstance(base_t, FunctionType) else self.types.int
        if not result.is_void() and not result.is_complete() and not result.is_array():
            self.error(f"return type is an incomplete type", declarator.location)
        saved_derivations = declarator.derivations
        symbol = self.declare_function_symbol(spec, declarator, base_t)
        declarator.derivations = saved_derivations
        scope = Scope("block", self.scope)
        for p in parameters:
            if p.name is None:
                if not p.type.is_void():
                    self.error("parameter name omitted", p.location)
                continue
            p.used = False
            scope.declare(p.name, p)
        context = FunctionContext(symbol)
        self.function = context
        func_name = ast.Symbol("__func__", "object",
                               ArrayType(element=self.types.char.qualified(1), length=len(symbol.name) + 1),
                               declarator.location, storage="static", is_local=True, used=True)
        for alias in ("__func__", "__FUNCTION__", "__PRETTY_FUNCTION__"):
            scope.declare(alias, func_name)
        try:
            body = self.compound_statement(scope)
        finally:
            self.function = None
        closing = self.tokens[self.pos - 1]
        for label, location in context.labels_used.items():
            if label not in context.labels_defined:
                self.error(f"label '{label}' used but not defined", location)
        for label, location in context.labels_defined.items():
            if label not in context.labels_used:
                self.warning(f"label '{label}' defined but not used", location, "-Wunused-label")
        if isinstance(symbol.type, FunctionType) and not symbol.type.result.is_void() and \
                symbol.name != "main" and self.warning_enabled("-Wreturn-type") and \
                can_complete(body, self):
            self.warning("control reaches end of non-void function", closing, "-Wreturn-type")
        if isinstance(symbol.type, FunctionType) and symbol.type.noreturn and can_complete(body, self):
            self.warning("'noreturn' function does return", closing)
        return ast.FunctionDefinition(declarator.location, symbol, parameters, body,
                                      dict(context.labels_defined))

    def declare_function_symbol(self, spec, declarator, t: CType) -> ast.Symbol:
        name = declarator.name
        existing = self.scope.ordinary.get(name)
        if existing is not None and existing.kind == "function" and existing.defined and not existing.is_builtin:
            if not (existing.inline and existing.storage == "extern" and "gnu_inline" in existing.attributes):
                self.error(f"redefinition of '{name}'", declarator.location)
                self.previous_note(existing, "previous definition")
        symbol = ast.Symbol(name, "function", t, declarator.location, storage=spec.storage,
                            linkage="internal" if spec.storage == "static" else "external",
                            inline=spec.inline, attributes={**spec.attributes, **declarator.attributes},
                            asm_label=declarator.asm_label)
        if (spec.noreturn or "noreturn" in symbol.attributes) and isinstance(t, FunctionType):
            t = symbol.type = replace(t, noreturn=True)
        if existing is not None and existing.kind == "function" and not existing.is_builtin:
            if not compatible(existing.type, t):
                if existing.implicit and existing.attributes.get("builtin_prototype"):
                    self.warning(f"conflicting types for built-in function '{name}'; have "
                                 f"{have(t)}", declarator.location, "-Wbuiltin-declaration-mismatch")
                elif existing.implicit:
                    self.error(f"conflicting types for '{name}'; have {have(t)}", declarator.location)
                    self.diagnostics.note(f"previous implicit declaration of '{name}' with type "
                                          f"{have(existing.type)}", existing.location)
                else:
                    self.error(f"conflicting types for '{name}'; have {have(t)}", declarator.location)
                    self.previous_note(existing, "previous declaration")
                existing.type = t
            else:
                existing.type = composite(t, existing.type) if isinstance(t, FunctionType) and t.prototyped \
                    else composite(existing.type, t)
                if isinstance(existing.type, FunctionType) and not t.prototyped and existing.type.prototyped:
                    pass
            if spec.storage == "static" and existing.linkage == "external" and not existing.implicit:
                self.error(f"static declaration of '{name}' follows non-static declaration",
                           declarator.location)
                self.previous_note(existing, "previous declaration")
            existing.defined = True
            existing.implicit = False
            existing.location = declarator.location
            existing.attributes.update(symbol.attributes)
            existing.inline = existing.inline or spec.inline
            return existing
        if existing is not None and not existing.is_builtin:
            self.error(f"'{name}' redeclared as different kind of symbol", declarator.location)
            self.previous_note(existing, "previous declaration")
        symbol.defined = True
        self.scope.declare(name, symbol)
        self.unit.symbols[name] = symbol
        return symbol

    def identifier_list_declarations(self, derivation) -> list[ast.Symbol]:
        """K&R: the declarations between ``f(a, b)`` and the body give the parameters' types."""
        scope = Scope("prototype", self.scope)
        self.scope = scope
        names = {name: location for name, location in derivation.identifiers}
        try:
            while self.peek() != "{" and self.peek() != "eof":
                spec = self.declaration_specifiers(allow_storage=True)
                while True:
                    declarator = self.declarator()
                    symbol = self.declare_parameter(spec, declarator)
                    if declarator.name not in names:
                        self.error(f"declaration for parameter '{declarator.name}' but no such parameter",
                                   declarator.location)
                    if not self.accept(","):
                        break
                self.expect_semicolon()
        finally:
            self.leave_scope()
        parameters = []
        for name, location in derivation.identifiers:
            symbol = scope.ordinary.get(name)
            if symbol is None:
                self.warning(f"type of '{name}' defaults to 'int'", location, "-Wimplicit-int")
                symbol = ast.Symbol(name, "object", self.types.int, location, is_parameter=True,
                                    is_local=True)
            parameters.append(symbol)
        return parameters

    # ------------------------------------------------------------------
    def check_return(self, token, value):
        function = self.function
        if function is None:
            return value
        result = function.symbol.type.result if isinstance(function.symbol.type, FunctionType) \
            else self.types.int
        if value is None:
            if not result.is_void():
                self.warning("'return' with no value, in function returning non-void", token,
                             "-Wreturn-type")
            return None
        if result.is_void():
            v = self.rvalue(value)
            if v.type is not None and not v.type.is_void():
                self.warning("'return' with a value, in function returning void", token,
                             "-Wreturn-mismatch")
            return v
        return self.check_assignment(result.unqualified(), value, "return", value)

    def leave_scope(self) -> None:
        """Close the innermost scope: its names mean what they meant outside again."""
        scope = self.scope
        scope.leave()
        self.scope = scope.parent

    def leave_block_scope(self) -> None:
        """Close a block scope, with -Wunused-variable's and -Wunused-but-set-variable's warnings."""
        scope = self.scope
        scope.leave()
        self.scope = scope.parent
        if not scope.ordinary or (self.function is None and scope.kind != "block"):
            return                              # most blocks declare nothing
        if not self.warning_enabled("-Wunused-variable") and \
                not self.warning_enabled("-Wunused-but-set-variable"):
            return
        for name, symbol in scope.ordinary.items():
            if symbol.kind != "object" or not symbol.is_local or symbol.is_parameter or \
                    symbol.storage == "extern" or symbol.name != name or name.startswith("__"):
                continue
            if "unused" in symbol.attributes or "cleanup" in symbol.attributes:
                continue
            if not symbol.used:
                if symbol.set:
                    self.warning(f"variable '{name}' set but not used", symbol.location,
                                 "-Wunused-but-set-variable")
                else:
                    self.warning(f"unused variable '{name}'", symbol.location, "-Wunused-variable")

    def finish_translation_unit(self) -> None:
        for name, symbol in self.scope.ordinary.items():
            if symbol.kind == "object" and symbol.tentative and not symbol.defined and \
                    isinstance(symbol.type, ArrayType) and symbol.type.length is None:
                self.warning(f"array '{name}' assumed to have one element", symbol.location)
            elif symbol.kind == "object" and (symbol.tentative or symbol.defined) and \
                    symbol.storage != "extern" and not symbol.type.is_complete() and \
                    not isinstance(symbol.type, ArrayType):
                self.error(f"storage size of '{name}' isn't known", symbol.location)
            if symbol.kind == "function" and symbol.linkage == "internal" and symbol.defined and \
                    not symbol.used and not symbol.inline and "unused" not in symbol.attributes and \
                    self.warning_enabled("-Wunused-function") and "used" not in symbol.attributes:
                self.warning(f"'{name}' defined but not used", symbol.location, "-Wunused-function")
            elif symbol.kind == "function" and symbol.linkage == "internal" and not symbol.defined and \
                    symbol.used and not symbol.is_builtin:
                self.warning(f"'{name}' used but never defined", symbol.location)

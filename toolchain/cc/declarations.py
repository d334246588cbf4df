"""Declarations (C11 6.7): specifiers, declarators, type names, structures,
unions and enumerations, and GNU attributes.  A mixin of
:class:`toolchain.cc.parser.Parser`; initializers are in initializers.py.

A declarator is parsed into a list of derivations (pointer, array, function)
applied in order to the base type from the specifiers -- the inside-out
reading of C declarators without re-parsing any tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..common.diagnostics import SourceLocation
from . import ast
from .ctypes import (ATOMIC, CONST, RESTRICT, VOLATILE, ArrayType, CType, FloatType,
                     FunctionType, Parameter, type_name)
from .initializers import InitializerParser
from .records import RecordParser
from .scope import Scope

TYPE_SPECIFIER_KEYWORDS = frozenset({
    "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned", "_Bool",
    "_Complex", "_Imaginary", "__int128", "__int128_t", "__uint128_t", "struct", "union", "enum",
    "typeof", "__auto_type", "_Float32", "_Float64", "_Float128", "_Float32x", "_Float64x",
    "__float128", "__builtin_va_list", "_Atomic", "_Decimal32", "_Decimal64", "_Decimal128",
})
QUALIFIER_KEYWORDS = {"const": CONST, "volatile": VOLATILE, "restrict": RESTRICT}
STORAGE_KEYWORDS = frozenset({"typedef", "extern", "static", "auto", "register", "_Thread_local"})
DECLARATION_START = TYPE_SPECIFIER_KEYWORDS | STORAGE_KEYWORDS | set(QUALIFIER_KEYWORDS) | {
    "inline", "_Noreturn", "_Alignas", "__attribute__", "__extension__"}

# The type specifier words each word may be combined with (6.7.2p2's lists).
COMBINABLE_WITH = {
    "signed": frozenset({"char", "short", "int", "long", "__int128"}),
    "unsigned": frozenset({"char", "short", "int", "long", "__int128"}),
    "short": frozenset({"signed", "unsigned", "int"}),
    "long": frozenset({"signed", "unsigned", "int", "long", "double", "_Complex"}),
    "int": frozenset({"signed", "unsigned", "short", "long"}),
    "char": frozenset({"signed", "unsigned"}),
    "double": frozenset({"long", "_Complex"}),
    "float": frozenset({"_Complex"}),
    "_Complex": frozenset({"float", "double", "long", "_Float32", "_Float64", "_Float128",
                           "_Float32x", "_Float64x", "__float128", "int", "char", "short",
                           "signed", "unsigned"}),
    "__int128": frozenset({"signed", "unsigned"}),
}


@dataclass(slots=True)
class DeclSpec:
    type: CType
    location: SourceLocation
    storage: str | None = None
    thread_local: bool = False
    inline: bool = False
    noreturn: bool = False
    alignas: int = 0
    attributes: dict = field(default_factory=dict)
    implicit_int: bool = False
    auto_type: bool = False


@dataclass(slots=True)
class Declarator:
    name: str | None
    location: SourceLocation
    derivations: list = field(default_factory=list)   # applied in order to the base type
    attributes: dict = field(default_factory=dict)
    asm_label: str | None = None


@dataclass(slots=True)
class FunctionDerivation:
    parameters: list[ast.Symbol]
    variadic: bool
    prototyped: bool
    identifiers: list[tuple[str, SourceLocation]] = field(default_factory=list)  # K&R names


class DeclarationParser(InitializerParser, RecordParser):
    """6.7 Declarations (mixin of Parser)."""

    def is_typedef_name(self, ahead: int = 0) -> bool:
        pos = self.pos + ahead
        if self.keys[pos] != "identifier":
            return False
        symbol = self.scope.visible.get(self.tokens[pos].text)     # Scope.lookup
        return symbol is not None and symbol.kind == "typedef"

    def is_declaration_start(self, ahead: int = 0) -> bool:
        key = self.keys[self.pos + ahead]
        if key in DECLARATION_START:
            return True
        return key == "identifier" and self.is_typedef_name(ahead)

    def is_type_name_start(self, ahead: int = 0) -> bool:
        key = self.peek(ahead)
        while key == "__extension__":           # (__extension__ (T) x) is an expression
            ahead += 1
            key = self.peek(ahead)
        if key in TYPE_SPECIFIER_KEYWORDS or key in QUALIFIER_KEYWORDS or key in (
                "__attribute__", "_Alignas"):
            return True
        return key == "identifier" and self.is_typedef_name(ahead)

    # ------------------------------------------------------------------
    # declaration:
    #     declaration-specifiers init-declarator-list_opt ;
    #     static_assert-declaration
    # function-definition:
    #     declaration-specifiers declarator declaration-list_opt compound-statement
    def declaration(self, file_scope: bool) -> list[ast.Node]:
        start = self.token()
        spec = self.declaration_specifiers(allow_implicit_int=file_scope)
        items: list[ast.Node] = []
        if self.peek() == ";":
            self.advance()
            self.check_empty_declaration(spec, start)
            return items
        first = True
        count = 0
        initialized = False
        while True:
            count += 1
            declarator = self.declarator()
            declarator.attributes.update(self.attribute_specifiers())
            if first and file_scope and self.is_function_body_start(declarator):
                return [self.function_definition(spec, declarator)]
            first = False
            symbol = self.declare(spec, declarator, file_scope,
                                  has_initializer=self.peek() == "=")
            initializer = None
            initialized = self.peek() == "="
            if self.accept("="):
                initializer = self.initializer_for(symbol, start)
            else:
                self.check_declaration_complete(symbol, declarator)
            items.append(ast.Declaration(declarator.location, symbol, initializer))
            if not self.accept(","):
                break
        if self.peek() != ";":
            # gcc's wording depends on what the declaration had so far.
            if initialized:
                self.syntax_error("expected ',' or ';'")
            elif count == 1:
                self.syntax_error("expected ';'", missing=";")
            self.syntax_error("expected '=', ',', ';', 'asm' or '__attribute__'")
        self.advance()
        return items

    def is_function_body_start(self, declarator: Declarator) -> bool:
        if not declarator.derivations or not isinstance(declarator.derivations[-1], FunctionDerivation):
            return False
        if self.peek() == "{":
            return True
        derivation = declarator.derivations[-1]
        return not derivation.prototyped and self.is_declaration_start()

    # static_assert-declaration:
    #     _Static_assert ( constant-expression , string-literal ) ;
    def static_assert_declaration(self) -> ast.Node:
        token = self.advance()
        self.expect("(")
        condition = self.conditional_expression()
        message = None
        if self.accept(","):
            message = self.string_literal_text()
        self.expect(")")
        self.expect_semicolon()
        value = self.constant_value(condition, "expression in static assertion is not constant")
        if value == 0:
            text = f"static assertion failed: \"{message}\"" if message is not None else "static assertion failed"
            self.error(text, token)
        return ast.StaticAssert(token.location, condition, message)

    # declaration-specifiers:
    #     storage-class-specifier declaration-specifiers_opt
    #     type-specifier declaration-specifiers_opt
    #     type-qualifier declaration-specifiers_opt
    #     function-specifier declaration-specifiers_opt
    #     alignment-specifier declaration-specifiers_opt
    def declaration_specifiers(self, allow_storage: bool = True,
                               allow_implicit_int: bool = False) -> DeclSpec:
        location = self.tokens[self.pos].location
        spec = DeclSpec(self.types.int, location)
        words: dict[str, int] = {}
        named: CType | None = None
        qualifiers = 0
        seen_any = False
        while True:
            key = self.keys[self.pos]
            token = self.tokens[self.pos]
            if key == "identifier":
                if named is not None or words:
                    break                       # the declarator's identifier
                symbol = self.scope.visible.get(token.text)     # Scope.lookup, without the call
                if symbol is None or symbol.kind != "typedef":
                    break
                self.pos += 1       # past a matched token (never the end of file): advance()
                symbol.used = True
                named = symbol.type
            elif key in STORAGE_KEYWORDS:
                self.pos += 1
                if key == "_Thread_local":
                    spec.thread_local = True
                elif spec.storage is not None:
                    if spec.storage == key:
                        self.error(f"duplicate '{token.text}'", token)
                    else:
                        self.error("multiple storage classes in declaration specifiers", location)
                else:
                    spec.storage = key
                    if not allow_storage and key != "register":
                        self.error(f"storage class specified for parameter", token)
            elif key in QUALIFIER_KEYWORDS:
                self.pos += 1
                qualifiers |= QUALIFIER_KEYWORDS[key]
            elif key == "_Atomic":
                self.pos += 1
                if self.keys[self.pos] == "(":
                    self.pos += 1
                    named = self.check_type_specifier(named, words, token, self.type_name())
                    self.expect(")")
                qualifiers |= ATOMIC
            elif key == "inline":
                self.pos += 1
                spec.inline = True
            elif key == "_Noreturn":
                self.pos += 1
                spec.noreturn = True
            elif key == "_Alignas":
                self.pos += 1
                self.expect("(")
                if self.is_type_name_start():
                    spec.alignas = max(spec.alignas, self.type_name().align)
                else:
                    value = self.constant_value(self.conditional_expression(),
                                                "requested alignment is not an integer constant")
                    if value is not None and value & (value - 1):
                        self.error(f"requested alignment '{value}' is not a positive power of 2", token)
                    spec.alignas = max(spec.alignas, value or 0)
                self.expect(")")
            elif key == "__attribute__":
                spec.attributes.update(self.attribute_specifiers())
            elif key == "__extension__":
                self.pos += 1
            elif key in ("struct", "union"):
                named = self.check_type_specifier(named, words, token, self.struct_or_union_specifier())
            elif key == "enum":
                named = self.check_type_specifier(named, words, token, self.enum_specifier())
            elif key == "typeof":
                named = self.check_type_specifier(named, words, token, self.typeof_specifier())
            elif key == "__auto_type":
                self.pos += 1
                spec.auto_type = True
                named = self.check_type_specifier(named, words, token, self.types.int)
            elif key == "__builtin_va_list":
                self.pos += 1
                named = self.check_type_specifier(named, words, token, self.types.va_list)
            elif key in TYPE_SPECIFIER_KEYWORDS:
                self.pos += 1
                if key in ("signed", "unsigned") and ("unsigned" if key == "signed" else "signed") in words:
                    self.error("both 'signed' and 'unsigned' in declaration specifiers", token)
                elif named is not None or (words and not self.combinable(key, words)):
                    self.error("two or more data types in declaration specifiers", token)
                else:
                    words[key] = words.get(key, 0) + 1
                    if key == "long" and words[key] > 2:
                        self.error("'long long long' is too long for GCC", token)
                    if key in ("signed", "unsigned") and "signed" in words and "unsigned" in words:
                        self.error("both 'signed' and 'unsigned' in declaration specifiers", token)
            else:
                break
            seen_any = True
        if named is not None:
            base = named
        elif words:
            base = self.resolve_type_words(words, spec.location)
        else:
            if seen_any or allow_implicit_int:
                spec.implicit_int = True
                base = self.types.int
            else:
                self.syntax_error("expected declaration specifiers")
        spec.type = base.qualified(qualifiers)
        if spec.alignas:
            spec.attributes.setdefault("aligned", spec.alignas)
        return spec

    def check_type_specifier(self, named, words, token, new_type: CType) -> CType:
        if named is not None or words:
            self.error("two or more data types in declaration specifiers", token)
            return named or new_type
        return new_type

    @staticmethod
    def combinable(key: str, words: dict[str, int]) -> bool:
        allowed = COMBINABLE_WITH.get(key, frozenset())
        if key in ("long",) and words.get("long", 0) >= 1 and "double" not in words:
            return all(w in allowed or w == "long" for w in words)
        if key == "_Complex" or "_Complex" in words:
            return True
        return all(w in allowed or (w == "_Complex" and key in ("float", "double", "long")) for w in words)

    def resolve_type_words(self, words: dict[str, int], location) -> CType:
        t = self.types
        complex_ = "_Complex" in words
        unsigned = "unsigned" in words
        if "void" in words:
            return t.void
        if "_Bool" in words:
            return t.bool_
        if "float" in words or "_Float32" in words or "_Decimal32" in words:
            base = t.float
        elif "double" in words or "_Float64" in words or "_Float32x" in words or "_Decimal64" in words:
            base = t.long_double if words.get("long") else t.double
        elif "_Float128" in words or "__float128" in words or "_Decimal128" in words:
            base = t.float128
        elif "_Float64x" in words:
            base = t.long_double
        else:
            base = None
        if base is not None:
            return t.complex(base) if complex_ else base
        if "__int128" in words or "__int128_t" in words:
            result = t.uint128 if unsigned else t.int128
        elif "__uint128_t" in words:
            result = t.uint128
        elif "char" in words:
            result = t.uchar if unsigned else t.schar if "signed" in words else t.char
        elif "short" in words:
            result = t.ushort if unsigned else t.short
        elif words.get("long", 0) >= 2:
            result = t.ullong if unsigned else t.llong
        elif "long" in words:
            result = t.ulong if unsigned else t.long
        else:
            result = t.uint if unsigned else t.int
        if complex_:
            return FloatType(size=result.size * 2, align=result.align, complex=True)
        return result

    # typeof-specifier:  (GNU)
    #     typeof ( expression )
    #     typeof ( type-name )
    def typeof_specifier(self) -> CType:
        self.advance()
        self.expect("(")
        if self.is_type_name_start():
            result = self.type_name()
        else:
            expression = self.expression()
            result = expression.type
            if expression.bit_field is not None:
                self.error("'typeof' applied to a bit-field", expression)
        self.expect(")")
        return result

    # ------------------------------------------------------------------
    # attribute-specifier:  (GNU)
    #     __attribute__ (( attribute-list ))
    def attribute_specifiers(self) -> dict:
        attributes: dict = {}
        while self.keys[self.pos] == "__attribute__":
            self.advance()
            self.expect("(")
            self.expect("(")
            while self.peek() != ")":
                if self.accept(","):
                    continue
                token = self.advance()
                if token.kind.name not in ("IDENTIFIER",):
                    self.pos -= 1
                    self.syntax_error("expected identifier")
                name = token.text.strip("_") if token.text.startswith("__") else token.text
                arguments: list = []
                if self.accept("("):
                    while self.peek() != ")":
                        if self.peek() == "identifier" and self.peek(1) in (",", ")"):
                            arguments.append(self.advance().text)
                        elif self.is_type_name_start():
                            arguments.append(self.type_name())
                        else:
                            arguments.append(self.assignment_expression())
                        if not self.accept(","):
                            break
                    self.expect(")")
                attributes[name] = self.attribute_value(name, arguments, token)
            self.expect(")")
            self.expect(")")
        return attributes

    def attribute_value(self, name: str, arguments: list, token):
        if name == "aligned":
            if not arguments:
                return self.types.data_model.max_align
            value = self.constant_value(arguments[0], "requested alignment is not an integer constant")
            if value is not None and (value <= 0 or value & (value - 1)):
                self.error("requested alignment is not a positive power of 2", token)
                return 1
            return value or 1
        if name in ("section", "alias", "visibility", "weakref"):
            if arguments and isinstance(arguments[0], ast.StringLiteral):
                return bytes(u & 0xFF for u in arguments[0].units).decode("utf-8", "replace")
            return None
        if name in ("mode", "cleanup"):
            return arguments[0] if arguments else None
        if name == "vector_size":
            return self.constant_value(arguments[0], "vector size not an integer") if arguments else None
        return arguments or True

    # asm label on a declarator:  asm ( string-literal )
    def asm_label(self) -> str | None:
        if self.keys[self.pos] != "asm":
            return None
        self.advance()
        self.expect("(")
        text = self.string_literal_text()
        self.expect(")")
        return text

    # ------------------------------------------------------------------
    # declarator:
    #     pointer_opt direct-declarator
    # pointer:
    #     * type-qualifier-list_opt
    #     * type-qualifier-list_opt pointer
    def declarator(self, abstract: bool = False, named: bool = True) -> Declarator:
        pointers: list = []
        attributes: dict = {}
        while self.keys[self.pos] == "*":
            self.advance()
            qualifiers = 0
            while True:
                key = self.peek()
                if key in QUALIFIER_KEYWORDS:
                    qualifiers |= QUALIFIER_KEYWORDS[key]
                    self.advance()
                elif key == "_Atomic":
                    qualifiers |= ATOMIC
                    self.advance()
                elif key == "__attribute__":
                    attributes.update(self.attribute_specifiers())
                elif key == "__extension__":
                    self.advance()
                else:
                    break
            pointers.append(("pointer", qualifiers))
        result = self.direct_declarator(abstract, named)
        result.derivations = pointers + result.derivations
        result.attributes.update(attributes)
        return result

    # direct-declarator:
    #     identifier attributes_opt
    #     ( attributes_opt declarator )
    #     direct-declarator [ type-qualifier-list_opt assignment-expression_opt ]
    #     direct-declarator [ static type-qualifier-list_opt assignment-expression ]
    #     direct-declarator [ type-qualifier-list static assignment-expression ]
    #     direct-declarator [ type-qualifier-list_opt * ]
    #     direct-declarator ( parameter-type-list )
    #     direct-declarator ( identifier-list_opt )
    # direct-abstract-declarator: the same without the identifier.
    def direct_declarator(self, abstract: bool, named: bool) -> Declarator:
        token = self.tokens[self.pos]
        key = self.keys[self.pos]
        inner: Declarator | None = None
        if key == "identifier" and named and not (abstract and self.is_typedef_name()):
            self.advance()
            result = Declarator(token.text, token.location)
        elif key == "(" and (self.peek(1) == "__attribute__" or not (
                abstract and (self.is_declaration_start(1) or self.peek(1) == ")"))):
            self.advance()
            attributes = self.attribute_specifiers()
            inner = self.declarator(abstract, named)
            inner.attributes.update(attributes)
            self.expect(")")
            result = Declarator(inner.name, inner.location, attributes=inner.attributes)
        elif abstract:
            result = Declarator(None, token.location)
        else:
            if key == "(" or key == "identifier":
                self.syntax_error("expected identifier or '('")
            self.syntax_error("expected identifier or '('")
        suffixes: list = []
        while True:
            key = self.keys[self.pos]
            if key == "[":
                suffixes.append(self.array_declarator_suffix())
            elif key == "(":
                suffixes.append(self.function_declarator_suffix())
            else:
                break
        result.asm_label = self.asm_label()
        if self.keys[self.pos] == "__attribute__":
            result.attributes.update(self.attribute_specifiers())
        result.derivations = list(reversed(suffixes)) + (inner.derivations if inner else [])
        return result

    def array_declarator_suffix(self):
        open_bracket = self.advance()
        qualifiers = 0
        static = False
        while self.peek() in QUALIFIER_KEYWORDS or self.peek() in ("static", "_Atomic"):
            word = self.advance().text
            if word == "static":
                static = True
            else:
                qualifiers |= QUALIFIER_KEYWORDS.get(self.keys[self.pos - 1], ATOMIC)
        if self.peek() == "*" and self.peek(1) == "]":
            self.advance()
            self.advance()
            return ("array", None, True, qualifiers, static, open_bracket)
        if self.accept("]"):
            return ("array", None, False, qualifiers, static, open_bracket)
        size = self.assignment_expression()
        self.expect("]")
        return ("array", size, False, qualifiers, static, open_bracket)

    # parameter-type-list:
    #     parameter-list
    #     parameter-list , ...
    # parameter-declaration:
    #     declaration-specifiers declarator
    #     declaration-specifiers abstract-declarator_opt
    # identifier-list:
    #     identifier
    #     identifier-list , identifier
    def function_declarator_suffix(self) -> FunctionDerivation:
        self.advance()
        if self.accept(")"):
            return FunctionDerivation([], False, prototyped=False)
        if self.peek() == "identifier" and not self.is_typedef_name() and \
                self.peek(1) in ("identifier", "*") and self.scope.kind != "block":
            token = self.token()
            self.error(f"unknown type name '{token.text}'", token)
            from .parser import ParseError
            raise ParseError()
        if self.peek() == "identifier" and not self.is_typedef_name():
            names: list[tuple[str, SourceLocation]] = []
            while True:
                if self.peek() != "identifier":
                    self.syntax_error("expected identifier")
                token = self.advance()
                names.append((token.text, token.location))
                if not self.accept(","):
                    break
            if self.peek() != ")":
                if self.peek() == "identifier" or self.is_type_name_start():
                    self.syntax_error("expected ')'")
                self.syntax_error("expected ';', ',' or ')'")
            self.advance()
            return FunctionDerivation([], False, prototyped=False, identifiers=names)
        if self.peek() == "void" and self.peek(1) == ")":
            self.advance()
            self.advance()
            return FunctionDerivation([], False, prototyped=True)
        self.scope = Scope("prototype", self.scope)
        parameters: list[ast.Symbol] = []
        variadic = False
        try:
            while True:
                if self.accept("..."):
                    variadic = True
                    if not parameters:
                        self.error("ISO C requires a named argument before '...'", self.tokens[self.pos - 1])
                    break
                if not self.is_declaration_start():
                    if self.peek() == "identifier":
                        token = self.token()
                        self.error(f"unknown type name '{token.text}'", token)
                        self.advance()
                        spec = DeclSpec(self.types.int, token.location)
                    else:
                        self.syntax_error("expected declaration specifiers or '...'")
                else:
                    spec = self.declaration_specifiers(allow_storage=False)
                declarator = self.declarator(abstract=True)
                if declarator.name is None:
                    declarator.location = spec.location
                declarator.attributes.update(self.attribute_specifiers())
                parameters.append(self.declare_parameter(spec, declarator))
                if not self.accept(","):
                    break
            if self.peek() != ")":
                self.syntax_error("expected ';', ',' or ')'")
            self.advance()
        finally:
            self.leave_scope()
        if len(parameters) == 1 and parameters[0].type.is_void() and parameters[0].name is None:
            parameters = []
        for p in parameters:
            if p.type.is_void():
                self.error("'void' must be the only parameter", p.location)
        return FunctionDerivation(parameters, variadic, prototyped=True)

    def apply_derivations(self, base: CType, declarator: Declarator) -> CType:
        """The declared type: ``base`` with the declarator's derivations applied in order."""
        t = base
        name = declarator.name
        for derivation in declarator.derivations:
            if isinstance(derivation, FunctionDerivation):
                if t.is_function():
                    self.error(f"'{name}' declared as function returning a function" if name
                               else "type name declared as function returning a function",
                               declarator.location)
                    t = self.types.int
                elif t.is_array():
                    self.error(f"'{name}' declared as function returning an array" if name
                               else "type name declared as function returning an array",
                               declarator.location)
                    t = self.types.int
                params = tuple(ast_parameter(p) for p in derivation.parameters)
                t = FunctionType(result=t, parameters=params, variadic=derivation.variadic,
                                 prototyped=derivation.prototyped)
            elif derivation[0] == "pointer":
                t = self.types.pointer(t, derivation[1])
            else:
                _, size, star, qualifiers, static, bracket = derivation
                if t.is_function():
                    self.error(f"declaration of '{name}' as array of functions" if name
                               else "declaration of type name as array of functions", declarator.location)
                    t = self.types.int
                elif t.is_void():
                    self.error(f"declaration of '{name}' as array of voids" if name
                               else "declaration of type name as array of voids", declarator.location)
                    t = self.types.int
                elif not t.is_complete() and not (isinstance(t, ArrayType) and t.vla):
                    if isinstance(t, ArrayType):
                        self.error(f"array type has incomplete element type '{type_name(t)}'",
                                   declarator.location)
                    else:
                        self.error(f"array type has incomplete element type '{type_name(t)}'",
                                   declarator.location)
                    t = self.types.int
                length, vla = self.array_length(size, star, name, declarator)
                t = ArrayType(qualifiers=qualifiers, element=t, length=length, vla=vla, static_size=static,
                              length_expression=size if vla else None)
        return t

    def apply_mode(self, t: CType, mode) -> CType:
        name = mode if isinstance(mode, str) else None
        if name is None:
            return t
        name = name.strip("_")
        sizes = {"QI": 1, "HI": 2, "SI": 4, "DI": 8, "TI": 16, "word": self.types.data_model.long,
                 "pointer": self.types.data_model.pointer, "byte": 1}
        if name in sizes and t.is_integer():
            return self.types.integer_of_size(sizes[name], t.signed).qualified(t.qualifiers)
        if name in ("SF",):
            return self.types.float
        if name in ("DF",):
            return self.types.double
        if name in ("XF", "TF"):
            return self.types.long_double
        return t

    # type-name:
    #     specifier-qualifier-list abstract-declarator_opt
    def type_name(self) -> CType:
        spec = self.declaration_specifiers(allow_storage=False)
        declarator = self.declarator(abstract=True, named=False)
        self.type_name_end = self.tokens[self.pos - 1]
        return self.apply_derivations(spec.type, declarator)


def ast_parameter(symbol: ast.Symbol) -> Parameter:
    return Parameter(symbol.name, symbol.type)

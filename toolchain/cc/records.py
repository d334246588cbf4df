"""Structure, union and enumeration specifiers (C11 6.7.2.1-6.7.2.3): tags and
their scopes, member declarations with bit-fields, anonymous members,
flexible array members, and enumerators with the enumerated type's
underlying integer type chosen as GCC does.  A mixin of
:class:`toolchain.cc.parser.Parser`; the layout itself is
:func:`toolchain.cc.ctypes.layout_record`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import ast
from .ctypes import ArrayType, CType, EnumInfo, EnumType, Member, RecordInfo, RecordType, layout_record
from .scope import Tag

if TYPE_CHECKING:
    from .declarations import Declarator


class RecordParser:
    """6.7.2.1-6.7.2.3 (mixin of Parser)."""
    # ------------------------------------------------------------------
    # struct-or-union-specifier:
    #     struct-or-union attributes_opt identifier_opt { struct-declaration-list }
    #     struct-or-union attributes_opt identifier
    def struct_or_union_specifier(self) -> CType:
        keyword = self.advance()
        is_union = keyword.text == "union"
        attributes = self.attribute_specifiers()
        tag_token = None
        if self.peek() == "identifier":
            tag_token = self.advance()
        if self.peek() != "{":
            if tag_token is None:
                self.syntax_error("expected '{'")
            found = self.scope.lookup_tag(tag_token.text)
            # ``struct s;`` alone declares a new tag in this scope.
            declares_new = self.peek() == ";" and found is not None and found[1] is not self.scope
            if found is not None and not declares_new:
                tag, _ = found
                if not isinstance(tag.type, RecordType) or tag.type.record.is_union != is_union:
                    self.error(f"'{tag_token.text}' defined as wrong kind of tag", tag_token)
                return tag.type
            record = RecordInfo(tag_token.text, is_union)
            result = RecordType(record=record)
            self.scope.tags[tag_token.text] = Tag(result, tag_token.location)
            return result
        # A definition.
        if tag_token is not None:
            existing = self.scope.tags.get(tag_token.text)
            if existing is not None:
                if not isinstance(existing.type, RecordType) or existing.type.record.is_union != is_union:
                    self.error(f"'{tag_token.text}' defined as wrong kind of tag", tag_token)
                    existing = None
                elif existing.defined:
                    self.error(f"redefinition of '{keyword.text} {tag_token.text}'", tag_token)
                    existing = None
            if existing is None:
                record = RecordInfo(tag_token.text, is_union)
                result = RecordType(record=record)
                tag = Tag(result, tag_token.location)
                self.scope.tags[tag_token.text] = tag
            else:
                tag = existing
                result = existing.type
                record = result.record
        else:
            record = RecordInfo(None, is_union)
            result = RecordType(record=record)
            tag = None
        open_brace = self.advance()
        members = self.struct_declaration_list(record)
        attributes.update(self.attribute_specifiers())
        record.packed = "packed" in attributes
        record.aligned = attributes.get("aligned", 0) if isinstance(attributes.get("aligned"), int) else 0
        record.transparent_union = "transparent_union" in attributes
        layout_record(record, members)
        if tag is not None:
            tag.defined = True
        if not members:
            self.pedwarn(f"{keyword.text} has no members", open_brace, "-Wpedantic")
        return result

    # struct-declaration:
    #     specifier-qualifier-list struct-declarator-list_opt ;
    #     static_assert-declaration
    # struct-declarator:
    #     declarator
    #     declarator_opt : constant-expression
    def struct_declaration_list(self, record: RecordInfo) -> list[ast.Member]:
        members: list[Member] = []
        names: dict[str, Member] = {}
        kind = "union" if record.is_union else "struct"
        while self.peek() != "}":
            if self.peek() == "eof":
                self.syntax_error("expected specifier-qualifier-list")
            if self.accept(";"):
                continue
            if self.peek() == "_Static_assert":
                self.static_assert_declaration()
                continue
            if not self.is_type_name_start():
                self.syntax_error("expected specifier-qualifier-list")
            spec = self.declaration_specifiers(allow_storage=False)
            if self.peek() == ";":
                # An anonymous structure or union member (C11 6.7.2.1p13).
                self.advance()
                if spec.type.is_record() and spec.type.record.tag is None or (
                        spec.type.is_record() and self.gnu):
                    self.add_member(members, names, Member(None, spec.type, location=spec.location),
                                    kind, spec.location)
                else:
                    self.warning("declaration does not declare anything", spec.location)
                continue
            while True:
                if self.peek() == ":":
                    from .declarations import Declarator
                    declarator = Declarator(None, self.location())
                else:
                    declarator = self.declarator()
                member_type = self.apply_derivations(spec.type, declarator)
                width = None
                if self.accept(":"):
                    width_expr = self.conditional_expression()
                    width = self.bit_field_width(width_expr, member_type, declarator)
                    if width is not None and not member_type.is_integer():
                        self.error(f"bit-field '{declarator.name or '<anonymous>'}' has invalid type",
                                   declarator.location)
                        width = None
                attributes = {**spec.attributes, **declarator.attributes, **self.attribute_specifiers()}
                if "mode" in attributes:
                    member_type = self.apply_mode(member_type, attributes["mode"])
                self.check_member_type(member_type, declarator, kind)
                aligned = attributes.get("aligned", 0)
                member = Member(declarator.name, member_type, width,
                                aligned=aligned if isinstance(aligned, int) else 0,
                                packed="packed" in attributes, location=declarator.location)
                if width == 0 and declarator.name is not None:
                    self.error(f"zero width for bit-field '{declarator.name}'", declarator.location)
                if width != 0 or declarator.name is None:
                    self.add_member(members, names, member, kind, declarator.location)
                if not self.accept(","):
                    break
            if self.peek() != ";":
                if self.peek() == "}":
                    self.warning("no semicolon at end of struct or union", self.token())
                    break
                self.syntax_error("expected ';', ',' or ')'" if False else "expected ':', ',', ';', '}' or '__attribute__'")
            self.advance()
        self.advance()
        # A flexible array member must come last (6.7.2.1p18).
        for index, member in enumerate(members):
            t = member.type
            if isinstance(t, ArrayType) and t.length is None and not t.vla:
                if record.is_union:
                    self.error("flexible array member in union", member.location)
                elif index != len(members) - 1:
                    self.error("flexible array member not at end of struct", member.location)
                elif len([m for m in members if m.name is not None]) == 1 and index == 0:
                    self.error("flexible array member in a struct with no named members", member.location)
        return members

    def add_member(self, members, names, member: Member, kind: str, location) -> None:
        if member.name is not None:
            if member.name in names:
                self.error(f"duplicate member '{member.name}'", location)
                return
            names[member.name] = member
        elif member.type.is_record() and member.type.record.members is not None:
            for inner in member.type.record.members:
                if inner.name is not None and inner.name in names:
                    self.error(f"duplicate member '{inner.name}'", location)
                elif inner.name is not None:
                    names[inner.name] = inner
        members.append(member)

    def check_member_type(self, t: CType, declarator: Declarator, kind: str) -> None:
        name = declarator.name
        if t.is_function():
            self.error(f"field '{name}' declared as a function", declarator.location)
        elif isinstance(t, ArrayType) and t.length is None:
            return
        elif not t.is_complete():
            self.error(f"field '{name}' has incomplete type", declarator.location)

    def bit_field_width(self, expression, member_type: CType, declarator: Declarator) -> int | None:
        name = declarator.name
        label = f"'{name}'" if name else "'<anonymous>'"
        value = self.constant_value(expression, f"bit-field {label} width not an integer constant")
        if value is None:
            return None
        if value < 0:
            self.error(f"negative width in bit-field {label}", declarator.location)
            return None
        if member_type.is_integer():
            bits = 1 if member_type.kind.name == "BOOL" else member_type.size * 8
            if value > bits:
                self.error(f"width of {label} exceeds its type", declarator.location)
                return None
        return value

    # enum-specifier:
    #     enum attributes_opt identifier_opt { enumerator-list ,_opt }
    #     enum attributes_opt identifier
    # enumerator:
    #     enumeration-constant attributes_opt
    #     enumeration-constant attributes_opt = constant-expression
    def enum_specifier(self) -> CType:
        keyword = self.advance()
        attributes = self.attribute_specifiers()
        tag_token = self.advance() if self.peek() == "identifier" else None
        if self.peek() != "{":
            if tag_token is None:
                self.syntax_error("expected '{'")
            found = self.scope.lookup_tag(tag_token.text)
            if found is not None:
                if not isinstance(found[0].type, EnumType):
                    self.error(f"'{tag_token.text}' defined as wrong kind of tag", tag_token)
                return found[0].type
            result = EnumType(info=EnumInfo(tag_token.text))
            self.scope.tags[tag_token.text] = Tag(result, tag_token.location)
            return result
        info = EnumInfo(tag_token.text if tag_token else None)
        result = EnumType(info=info)
        if tag_token is not None:
            existing = self.scope.tags.get(tag_token.text)
            if existing is not None and isinstance(existing.type, EnumType) and not existing.defined:
                result = existing.type
                info = result.info
            elif existing is not None and existing.defined:
                self.error(f"redeclaration of 'enum {tag_token.text}'", tag_token)
            elif existing is not None:
                self.error(f"'{tag_token.text}' defined as wrong kind of tag", tag_token)
            self.scope.tags[tag_token.text] = Tag(result, tag_token.location, defined=True)
        self.advance()
        value = 0
        low = high = 0
        enumerators: list[ast.Symbol] = []
        while self.peek() != "}":
            if self.peek() != "identifier":
                self.syntax_error("expected identifier")
            name = self.advance()
            self.attribute_specifiers()
            if self.accept("="):
                expression = self.conditional_expression()
                given = self.constant_value(expression, None)
                if given is None:
                    self.error(f"enumerator value for '{name.text}' is not an integer constant", name)
                if given is not None:
                    value = given
            low, high = min(low, value), max(high, value)
            symbol = ast.Symbol(name.text, "enumerator", self.types.int, name.location, value=value)
            self.declare_ordinary(symbol, name)
            enumerators.append(symbol)
            value += 1
            if not self.accept(","):
                break
        self.expect("}")
        attributes.update(self.attribute_specifiers())
        t = self.types
        if "packed" in attributes:
            for candidate in (t.uchar, t.schar, t.ushort, t.short, t.uint, t.int):
                if candidate.min_value <= low and high <= candidate.max_value:
                    break
        elif low >= 0 and high <= t.uint.max_value:
            candidate = t.uint
        elif t.int.min_value <= low and high <= t.int.max_value:
            candidate = t.int
        elif low >= 0 and high <= t.ulong.max_value:
            candidate = t.ulong
        else:
            candidate = t.long
        info.underlying = candidate
        info.complete = True
        for symbol in enumerators:
            fits_int = t.int.min_value <= symbol.value <= t.int.max_value
            symbol.type = t.int if fits_int else candidate
        return result

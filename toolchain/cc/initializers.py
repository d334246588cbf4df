"""Initialization (C11 6.7.9): initializers, designators, brace elision and
compound literals.  A mixin of :class:`toolchain.cc.parser.Parser`.

A braced list is walked with a stack of *current objects*, as 6.7.9p17-20
describe: each initializer goes to the next subobject in order, a
designator moves the position, and an expression that does not match an
aggregate subobject initializes that aggregate's first scalar (brace
elision).  Each scalar placed is also recorded in the list's ``flat``
table -- (byte offset, bit-field member or None, type, expression) -- so the
code generator does not have to repeat the walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import ast
from .ctypes import ArrayType, CType, IntegerType, RecordType, type_name
from .sema_const import evaluate


@dataclass
class Frame:
    """One current object of the walk."""

    type: CType
    offset: int
    index: int = 0
    members: list = field(default_factory=list)   # named members (records)
    outermost: bool = False
    max_index: int = 0

    def exhausted(self) -> bool:
        t = self.type
        if isinstance(t, ArrayType):
            return t.length is not None and self.index >= t.length
        if isinstance(t, RecordType):
            if t.record.is_union:
                return self.index >= 1
            return self.index >= len(self.members)
        return self.index >= 1

    def subobject(self):
        """(type, byte offset, member) of the subobject at the current index."""
        t = self.type
        if isinstance(t, ArrayType):
            return t.element, self.offset + self.index * t.element.size, None
        if isinstance(t, RecordType):
            member = self.members[self.index if not t.record.is_union else self.union_member()]
            return member.type, self.offset + member.offset, member
        return t, self.offset, None

    def union_member(self) -> int:
        return getattr(self, "_union_member", 0)


def is_char_array(t: CType) -> bool:
    return isinstance(t, ArrayType) and isinstance(t.element, IntegerType) and t.element.size in (1, 2, 4)


class InitializerParser:
    """6.7.9 Initialization (mixin of Parser)."""

    def initializer_for(self, symbol: ast.Symbol, start=None):
        t = symbol.type
        token = self.token()
        start = start or token
        if symbol.kind == "typedef":
            self.error(f"typedef '{symbol.name}' is initialized (use '__typeof__' instead)", start)
        elif symbol.kind == "function":
            self.error(f"function '{symbol.name}' is initialized like a variable", symbol.location)
        elif symbol.is_local and symbol.storage == "extern":
            self.error(f"'{symbol.name}' has both 'extern' and initializer", symbol.location)
        elif isinstance(t, ArrayType) and t.vla:
            self.error("variable-sized object may not be initialized", start)
        elif not t.is_complete() and not isinstance(t, ArrayType) and not symbol.attributes.get("auto_type"):
            self.error(f"variable '{symbol.name}' has initializer but incomplete type", symbol.location)
        if symbol.attributes.get("auto_type"):
            value = self.rvalue(self.assignment_expression())
            symbol.type = value.type.qualified(t.qualifiers)
            return value
        init, completed = self.initializer(t, "initialization")
        if completed is not t:
            symbol.type = completed
        static = not symbol.is_local or symbol.storage in ("static", "extern")
        if static:
            self.check_constant_initializer(init, symbol)
        return init

    # initializer:
    #     assignment-expression
    #     { initializer-list ,_opt }
    def initializer(self, t: CType, context: str = "initialization"):
        """Parse one initializer for an object of type ``t``; returns it and ``t``
        completed (an array of unknown size gets its length)."""
        if self.peek() == "{":
            init = self.braced_initializer(t)
            return init, init.type
        token = self.token()
        value = self.assignment_expression()
        if isinstance(t, ArrayType):
            if is_char_array(t) and isinstance(value, ast.StringLiteral):
                return value, self.string_initializes(t, value, token)
            self.error("invalid initializer", token)
            return value, t
        if isinstance(t, RecordType) and not t.is_complete():
            return value, t
        return self.check_assignment(t, value, context, token), t

    def string_initializes(self, t: ArrayType, literal: ast.StringLiteral, token) -> CType:
        count = len(literal.units)
        if literal.type.element.size != t.element.size:
            self.error("array of inappropriate type initialized from string constant"
                       if t.element.size != 1 else "char-array initialized from wide string", token)
        if t.length is None:
            return replace(t, length=count + 1)
        if count > t.length:
            self.warning(f"initializer-string for array of '{type_name(t.element)}' is too long", token)
        return t

    def braced_initializer(self, t: CType) -> ast.InitializerList:
        open_brace = self.advance()
        result = ast.InitializerList(open_brace.location, type=t)
        if self.accept("}"):
            if isinstance(t, ArrayType) and t.length is None:
                result.type = replace(t, length=0)
            return result
        if not isinstance(t, (ArrayType, RecordType)) or (isinstance(t, RecordType) and not t.is_complete()):
            # Braces around a scalar (6.7.9p11).
            if isinstance(t, RecordType):
                self.error(f"variable has initializer but incomplete type", open_brace)
            designators = self.designation()
            if designators:
                first = designators[0]
                self.error("array index in non-array initializer" if first.member is None else
                           "field name not in record or union initializer", first.location)
            if self.peek() == "{":
                self.warning("braces around scalar initializer", self.token())
                value, _ = self.initializer(t)
            else:
                value, _ = self.initializer(t)
            result.items.append(([], value))
            result.flat.append((0, None, t, value)) if hasattr(result, "flat") else None
            if self.accept(",") and self.peek() != "}":
                self.warning("excess elements in scalar initializer", self.token())
                while self.peek() not in ("}", "eof"):
                    self.initializer(t)
                    if not self.accept(","):
                        break
            self.expect("}")
            return result
        frames = [self.new_frame(t, 0, outermost=True)]
        excess_warned = False
        flat: list = []
        while True:
            designators = self.designation()
            if designators:
                frames = frames[:1]
                self.apply_designators(frames, designators)
            else:
                self.normalize(frames)
            outer = frames[0]
            excess = len(frames) == 1 and outer.exhausted()
            if excess:
                if not excess_warned:
                    kind = "array" if isinstance(t, ArrayType) else (
                        "union" if t.record.is_union else "struct")
                    self.warning(f"excess elements in {kind} initializer", self.token())
                    excess_warned = True
                if self.peek() == "{":
                    self.braced_initializer(self.types.int)
                else:
                    self.assignment_expression()
            elif self.peek() == "{":
                sub_type, offset, member = frames[-1].subobject()
                nested = self.braced_initializer(sub_type)
                if isinstance(sub_type, ArrayType) and sub_type.length is None and isinstance(frames[-1].type, RecordType):
                    pass
                result.items.append((designators, nested))
                flat.append((offset, member, sub_type, nested))
                self.step(frames)
            else:
                token = self.token()
                value = self.assignment_expression()
                before = len(flat)
                self.place_expression(frames, value, token, designators, result, flat)
                self.repeat_range(t, designators, flat, before)
            if not self.accept(","):
                break
            if self.peek() == "}":
                break
        if self.peek() != "}":
            self.syntax_error("expected '}'")
        self.advance()
        result.flat = flat
        outer = frames[0]
        if isinstance(t, ArrayType) and t.length is None:
            result.type = replace(t, length=outer.max_index)
        return result

    def repeat_range(self, t: CType, designators, flat: list, before: int) -> None:
        """``[low ... high] = value`` (GNU): the value was placed at ``high``; give the
        flat table a copy for every other index of the range (the outermost range only)."""
        if not designators or designators[0].index_high is None or not isinstance(t, ArrayType):
            return
        low, high = designators[0].index, designators[0].index_high
        size = t.element.size
        placed = flat[before:]
        for index in range(low, high):
            shift = (high - index) * size
            for offset, member, sub_type, value in placed:
                flat.insert(before, (offset - shift, member, sub_type, value))
                before += 1

    def new_frame(self, t: CType, offset: int, outermost: bool = False) -> Frame:
        members = []
        if isinstance(t, RecordType):
            members = [m for m in t.record.members or () if m.name is not None or m.bit_width is None]
        return Frame(t, offset, members=members, outermost=outermost)

    def normalize(self, frames: list[Frame]) -> None:
        while len(frames) > 1 and frames[-1].exhausted():
            frames.pop()
            self.step(frames)

    def step(self, frames: list[Frame]) -> None:
        top = frames[-1]
        if isinstance(top.type, RecordType) and top.type.record.is_union:
            top.index = 1
        else:
            top.index += 1
        if top.outermost:
            top.max_index = max(top.max_index, top.index)
        self.normalize(frames)

    def place_expression(self, frames, value, token, designators, result, flat) -> None:
        """Put one expression at the current position, descending into aggregates (brace elision)."""
        while True:
            top = frames[-1]
            if top.outermost and isinstance(top.type, ArrayType) and top.index == 0 and \
                    is_char_array(top.type) and isinstance(value, ast.StringLiteral) and len(frames) == 1 \
                    and self.peek() == "}":
                completed = self.string_initializes(top.type, value, token)
                top.max_index = completed.length or 0
                top.index = top.type.length if top.type.length is not None else top.max_index
                result.items.append((designators, value))
                flat.append((top.offset, None, top.type, value))
                return
            sub_type, offset, member = top.subobject()
            if isinstance(sub_type, (ArrayType, RecordType)):
                if is_char_array(sub_type) and isinstance(value, ast.StringLiteral):
                    self.string_initializes(sub_type, value, token)
                    break
                if isinstance(sub_type, RecordType) and value.type is not None and isinstance(
                        value.type, RecordType) and value.type.record is sub_type.record:
                    break
                if isinstance(sub_type, ArrayType) and sub_type.length is None and not top.outermost:
                    # A flexible array member initialized (GNU extension).
                    pass
                if isinstance(sub_type, RecordType) and not sub_type.is_complete():
                    break
                if top.outermost:
                    top.max_index = max(top.max_index, top.index + 1)
                frames.append(self.new_frame(sub_type, offset))
                if frames[-1].exhausted():
                    frames.pop()
                    break
                continue
            break
        sub_type, offset, member = frames[-1].subobject()
        if isinstance(sub_type, (ArrayType,)) and not isinstance(value, ast.StringLiteral):
            self.error("invalid initializer", token)
            converted = value
        elif isinstance(sub_type, ArrayType):
            converted = value
        else:
            converted = self.check_assignment(sub_type, value, "initialization", token)
        result.items.append((designators, converted))
        flat.append((offset, member if member is not None and member.bit_width is not None else None,
                     sub_type, converted))
        self.step(frames)

    # designation:
    #     designator-list =
    # designator:
    #     [ constant-expression ]
    #     [ constant-expression ... constant-expression ]   (GNU)
    #     . identifier
    #     identifier :                                       (GNU, obsolete)
    def designation(self) -> list[ast.Designator]:
        designators: list[ast.Designator] = []
        if self.peek() == "identifier" and self.peek(1) == ":":
            token = self.advance()
            self.advance()
            return [ast.Designator(token.location, member=token.text)]
        while True:
            key = self.peek()
            if key == "[":
                self.advance()
                token = self.token()
                low = self.constant_value(self.conditional_expression(),
                                          "array index in initializer not of integer type")
                high = None
                if self.accept("..."):
                    high = self.constant_value(self.conditional_expression(),
                                               "array index in initializer not of integer type")
                self.expect("]")
                designators.append(ast.Designator(token.location, index=low or 0,
                                                  index_high=high))
            elif key == ".":
                self.advance()
                if self.peek() != "identifier":
                    self.syntax_error("expected identifier")
                token = self.advance()
                designators.append(ast.Designator(token.location, member=token.text))
            else:
                break
        if designators:
            if not self.accept("="):
                if len(designators) == 1 and designators[0].index is not None and self.gnu:
                    return designators          # GNU: [index] value without '='
                self.syntax_error("expected '='")
        return designators

    def apply_designators(self, frames: list[Frame], designators: list[ast.Designator]) -> None:
        for number, designator in enumerate(designators):
            top = frames[-1]
            if number > 0:
                sub_type, offset, _ = top.subobject()
                frames.append(self.new_frame(sub_type, offset))
                top = frames[-1]
            t = top.type
            if designator.member is not None:
                if not isinstance(t, RecordType):
                    self.error(f"field name not in record or union initializer", designator.location)
                    raise self.parse_error_type()
                found = self.find_designated_member(top, designator.member, frames)
                if not found:
                    self.error(f"'{type_name(t.unqualified())}' has no member named '{designator.member}'",
                               designator.location)
                    raise self.parse_error_type()
            else:
                if not isinstance(t, ArrayType):
                    self.error("array index in non-array initializer", designator.location)
                    raise self.parse_error_type()
                index = designator.index if designator.index_high is None else designator.index_high
                if index < 0 or (t.length is not None and index >= t.length):
                    self.error("array index in initializer exceeds array bounds", designator.location)
                    raise self.parse_error_type()
                top.index = designator.index_high if designator.index_high is not None else designator.index
                if top.outermost:
                    top.max_index = max(top.max_index, top.index + 1)
                    top.index_after = top.index

    def find_designated_member(self, top: Frame, name: str, frames: list[Frame]) -> bool:
        for index, member in enumerate(top.members):
            if member.name == name:
                if top.type.record.is_union:
                    top._union_member = index
                    top.index = 0
                else:
                    top.index = index
                return True
        for index, member in enumerate(top.members):
            if member.name is None and isinstance(member.type, RecordType):
                if top.type.record.is_union:
                    top._union_member = index
                    top.index = 0
                else:
                    top.index = index
                inner = self.new_frame(member.type, top.offset + member.offset)
                frames.append(inner)
                if self.find_designated_member(inner, name, frames):
                    return True
                frames.pop()
        return False

    def parse_error_type(self):
        from .parser import ParseError
        return ParseError()

    # postfix-expression:
    #     ( type-name ) { initializer-list ,_opt }
    def compound_literal(self, t: CType, token) -> ast.Expression:
        if isinstance(t, ArrayType) and t.vla:
            self.error("compound literal has variable size", token)
        init = self.braced_initializer(t)
        return ast.CompoundLiteral(token.location, init, self.function is None, type=init.type, lvalue=True)

    def check_constant_initializer(self, init, symbol: ast.Symbol) -> None:
        if isinstance(init, ast.InitializerList):
            for _, _, _, value in getattr(init, "flat", ()):
                if isinstance(value, ast.InitializerList):
                    self.check_constant_initializer(value, symbol)
                elif not self.is_address_or_arithmetic_constant(value):
                    self.error("initializer element is not constant", value)
                    return
            return
        if not self.is_address_or_arithmetic_constant(init):
            self.error("initializer element is not constant", init)

    def is_address_or_arithmetic_constant(self, e) -> bool:
        if e is None or isinstance(e, (ast.StringLiteral, ast.LabelAddress, ast.InitializerList)):
            return True
        if evaluate(e, self.types) is not None:
            return True
        if isinstance(e, ast.CompoundLiteral):
            return True
        if isinstance(e, ast.Cast):
            if e.implicit and e.operand is not None and e.operand.lvalue and isinstance(e.operand.type, (ArrayType,)) \
                    or (e.operand is not None and e.operand.type is not None and e.operand.type.is_function()):
                return self.is_static_lvalue(e.operand)
            if e.implicit and e.operand is not None and e.operand.lvalue and not isinstance(e.type, ArrayType):
                return isinstance(e.operand, ast.CompoundLiteral)
            return self.is_address_or_arithmetic_constant(e.operand)
        if isinstance(e, ast.Unary) and e.op == "&":
            return self.is_static_lvalue(e.operand)
        if isinstance(e, ast.Binary) and e.op in ("+", "-"):
            return (self.is_address_or_arithmetic_constant(e.left)
                    and self.is_address_or_arithmetic_constant(e.right))
        if isinstance(e, ast.Conditional):
            return all(self.is_address_or_arithmetic_constant(x) for x in (e.condition, e.then, e.otherwise)
                       if x is not None)
        if isinstance(e, ast.BuiltinCall) and e.name in ("__builtin_constant_p",):
            return True
        if isinstance(e, ast.Call):
            return False
        if isinstance(e, ast.StatementExpression):
            return False
        return False

    def is_static_lvalue(self, e) -> bool:
        if isinstance(e, ast.Identifier):
            s = e.symbol
            return s is None or s.kind == "function" or not s.is_local or s.storage in ("static", "extern")
        if isinstance(e, (ast.StringLiteral, ast.CompoundLiteral)):
            return True
        if isinstance(e, ast.MemberAccess):
            if e.arrow:
                return self.is_address_or_arithmetic_constant(e.base)
            return self.is_static_lvalue(e.base)
        if isinstance(e, ast.Subscript):
            return self.is_address_or_arithmetic_constant(e.array) and \
                self.is_address_or_arithmetic_constant(e.index)
        if isinstance(e, ast.Unary) and e.op == "*":
            return self.is_address_or_arithmetic_constant(e.operand)
        if isinstance(e, ast.Cast):
            return self.is_static_lvalue(e.operand)
        return False

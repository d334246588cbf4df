"""Declarations (C11 6.7) and initialisation (6.7.9).

Local objects are entry-block ``alloca`` slots (a variable length array is
a dynamic ``alloca`` where it is declared); ``static`` locals and file-scope
objects become :class:`~toolchain.cc.ir.Global` data.  An initialiser list
of a local object clears the whole object and stores each scalar the front
end placed (``InitializerList.flat``); static data is built as bytes with
relocation pieces ``(symbol, addend, size)`` wherever an address is stored.
"""

from __future__ import annotations

from fractions import Fraction

from ...common.diagnostics import SourceLocation, ToolchainError
from .. import ast
from ..ctypes import ArrayType, CONST, FunctionType, PointerType, RecordType
from ..ir import BlockAddress, BlockDifference, GlobalAddress, Global, Type
from ..literals import ExactFloat
from ..sema_const import evaluate
from .types import float_type, ir_type, is_aggregate


class DeclarationLowering:
    def local_declaration(self, d: ast.Declaration) -> None:
        symbol = d.symbol
        if symbol.kind == "typedef":
            if self.has_vla(symbol.type):
                self.sizeof_value(symbol.type)
            return
        if symbol.kind != "object" or symbol.storage == "extern" or symbol.linkage != "none":
            return
        if symbol.storage == "static":
            name = f"{symbol.name}.{self.unit.next_static()}"
            self.unit.static_locals[symbol] = name
            self.unit.define_static(name, symbol, d.initializer, internal=True)
            return
        t = symbol.type
        if isinstance(t, PointerType) and self.has_vla(t.target):
            self.sizeof_value(t.target)         # the pointed-to size, fixed here
        if self.has_vla(t):
            size = self.sizeof_value(t)
            self.vla_reentry(symbol)
            slot = self.emit("alloca", Type.PTR, [size], size=0, alignment=max(t.align, 16), dynamic=True)
        else:
            slot = self.alloca(t.size, t.align)
        self.locals[symbol] = slot
        if d.initializer is not None:
            self.initialize(slot, t, d.initializer)

    def symbol_address(self, symbol):
        slot = self.locals.get(symbol)
        if slot is not None:
            return slot
        name = self.unit.static_locals.get(symbol)
        if name is not None:
            return GlobalAddress(name)
        if symbol.name == "__func__" and symbol.is_local:       # also __FUNCTION__, __PRETTY_FUNCTION__
            name = f"__func__.{self.unit.next_static()}"
            self.unit.static_locals[symbol] = name
            text = self.definition.symbol.name.encode() + b"\0"
            self.unit.module.globals.append(Global(name, len(text), 1, [text], linkage="internal",
                                                   constant=True))
            self.unit.defined.add(name)
            return GlobalAddress(name)
        name = symbol.asm_label or symbol.name
        if name not in self.unit.defined:
            self.unit.module.externals.setdefault(name, "object")
        return GlobalAddress(name)

    def function_address(self, symbol):
        name = symbol.asm_label or symbol.name
        if symbol.is_builtin and name.startswith("__builtin_"):
            name = name[len("__builtin_"):]
        if name not in self.unit.function_names:
            self.unit.module.externals.setdefault(name, "function")
        return GlobalAddress(name)

    def compound_literal(self, e: ast.CompoundLiteral):
        if e.static:
            return GlobalAddress(self.unit.static_compound_literal(e))
        t = e.type
        slot = self.alloca(t.size, t.align)
        self.initialize(slot, t, e.initializer)
        return slot

    def initialize(self, address, t, init, zeroed: bool = False) -> None:
        if isinstance(init, ast.InitializerList):
            if not is_aggregate(t):
                for offset, member, sub_type, value in init.flat[:1]:
                    if isinstance(value, ast.InitializerList):
                        self.initialize(address, t, value)
                    else:
                        self.store(self.convert(self.value(value), value.type, t), address, t)
                if not init.flat:
                    self.store(self.convert(self.const(Type.I32, 0), self.types.int, t), address, t)
                return
            if not zeroed:
                self.emit("memset", Type.VOID, [address, self.const(Type.I8, 0), self.sizeof_value(t)],
                          alignment=max(t.align, 1))
            for offset, member, sub_type, value in init.flat:
                where = self.add_offset(address, offset)
                if isinstance(value, ast.InitializerList):
                    self.initialize(where, sub_type, value, zeroed=True)
                elif member is not None:
                    self.store_bitfield(where, member, self.value(value), member.type)
                elif isinstance(value, ast.StringLiteral) and isinstance(sub_type, ArrayType):
                    self.copy_string(where, sub_type, value)
                else:
                    self.store(self.value(value), where, sub_type)
            return
        if isinstance(init, ast.StringLiteral) and isinstance(t, ArrayType):
            self.emit("memset", Type.VOID, [address, self.const(Type.I8, 0), self.iptr(t.size)],
                      alignment=max(t.align, 1))
            self.copy_string(address, t, init)
            return
        value = self.value(init)
        if init.type is not None and not is_aggregate(t) and init.type is not t and \
                ir_type(init.type, self.target) is not None and value is not None and \
                ir_type(t, self.target) is not value.type:
            value = self.convert(value, init.type, t)
        self.store(value, address, t)

    def copy_string(self, address, t: ArrayType, literal: ast.StringLiteral) -> None:
        element = t.element.size
        count = len(literal.units) + 1
        if t.length is not None:
            count = min(count, t.length)
        if count:
            self.emit("memcpy", Type.VOID, [address, GlobalAddress(self.unit.string_literal(literal)),
                                           self.iptr(count * element)], alignment=1)


class StaticData:
    """Building :class:`Global` objects (a mixin of the module lowerer)."""

    def next_static(self) -> int:
        self.static_counter += 1
        return self.static_counter

    def string_literal(self, e: ast.StringLiteral) -> str:
        element = e.type.element.size if isinstance(e.type, ArrayType) else 1
        units = [u - 0xDC00 if element == 1 and 0xDC80 <= u <= 0xDCFF else u for u in e.units]
        data = b"".join((u & ((1 << (8 * element)) - 1)).to_bytes(element, "little") for u in units)
        data += bytes(element)
        key = (data, element)
        name = self.strings.get(key)
        if name is None:
            name = f".Lstr.{len(self.strings)}"
            self.strings[key] = name
            self.module.globals.append(Global(name, len(data), element, [data], linkage="internal",
                                              constant=True))
            self.defined.add(name)
        return name

    def static_compound_literal(self, e: ast.CompoundLiteral) -> str:
        name = f".Lcompound.{self.next_static()}"
        self.define_static(name, None, e.initializer, internal=True, ctype=e.type)
        return name

    def define_static(self, name: str, symbol, init, internal: bool = False, ctype=None) -> None:
        t = ctype if ctype is not None else symbol.type
        if isinstance(init, ast.InitializerList) and isinstance(t, ArrayType) and t.length is None and \
                isinstance(init.type, ArrayType):
            t = init.type
        if isinstance(t, ArrayType) and t.length is None:
            if isinstance(init, ast.StringLiteral):
                t = ArrayType(element=t.element, length=len(init.units) + 1)
            else:
                t = ArrayType(element=t.element, length=1)
        data = GrowingBytes(t.size)
        relocations: dict[int, tuple] = {}
        if init is not None:
            self.fill_static(data, relocations, 0, t, init)
        size = max(t.size, len(data), max((o + w for o, (_, _, w) in relocations.items()), default=0))
        data.extend(bytes(size - len(data)))
        pieces = None
        if init is not None and (any(data) or relocations):
            pieces = []
            position = 0
            for offset in sorted(relocations):
                target, addend, width = relocations[offset]
                if offset > position:
                    pieces.append(bytes(data[position:offset]))
                pieces.append((target, addend, width))
                position = offset + width
            if position < size:
                pieces.append(bytes(data[position:]))
        attributes = symbol.attributes if symbol is not None else {}
        linkage = "internal" if internal or (symbol is not None and symbol.linkage == "internal") else "external"
        if "weak" in attributes:
            linkage = "weak"
        alignment = max(t.align, 1)
        if attributes.get("aligned"):
            try:
                alignment = max(alignment, int(attributes["aligned"]))
            except (TypeError, ValueError):
                pass
        constant = bool(t.qualifiers & CONST) and not relocations
        if isinstance(t, ArrayType) and t.element.qualifiers & CONST and not relocations:
            constant = True
        section = attributes.get("section")
        visibility = self.visibility_of(symbol) if symbol is not None and not internal else "default"
        self.module.globals.append(Global(
            name, size, alignment, pieces, linkage=linkage, constant=constant,
            thread_local=bool(symbol is not None and symbol.thread_local),
            section=section if isinstance(section, str) else None,
            attributes={"visibility": visibility} if visibility != "default" else {}))
        self.defined.add(name)

    # ------------------------------------------------------------------ constant data
    def fill_static(self, data: bytearray, relocations: dict, base: int, t, init) -> None:
        if isinstance(init, ast.InitializerList):
            if not is_aggregate(t):
                for _, _, _, value in init.flat[:1]:
                    self.fill_static(data, relocations, base, t, value)
                return
            for offset, member, sub_type, value in init.flat:
                if isinstance(value, ast.InitializerList):
                    self.fill_static(data, relocations, base + offset, sub_type, value)
                elif member is not None:
                    number = self.constant(value)
                    if not isinstance(number, (int, float)):
                        raise_static(value)
                    number = int(number)
                    width = member.bit_width
                    span = (member.bit_offset + width + 7) // 8
                    first = base + offset
                    word = int.from_bytes(data[first:first + span], "little")
                    field_mask = ((1 << width) - 1) << member.bit_offset
                    word = (word & ~field_mask) | ((number << member.bit_offset) & field_mask)
                    data[first:first + span] = word.to_bytes(span, "little")
                else:
                    self.fill_static(data, relocations, base + offset, sub_type, value)
            return
        if isinstance(init, ast.StringLiteral) and isinstance(t, ArrayType):
            element = t.element.size
            units = [u - 0xDC00 if element == 1 and 0xDC80 <= u <= 0xDCFF else u for u in init.units] + [0]
            count = len(units) if t.length is None else min(len(units), t.length)
            for i in range(count):
                data[base + i * element: base + (i + 1) * element] = \
                    (units[i] & ((1 << (8 * element)) - 1)).to_bytes(element, "little")
            return
        if isinstance(init, ast.CompoundLiteral) and is_aggregate(t):
            self.fill_static(data, relocations, base, t, init.initializer)
            return
        if is_aggregate(t):
            inner = init
            while isinstance(inner, ast.Cast):
                inner = inner.operand
            if isinstance(inner, ast.CompoundLiteral):
                self.fill_static(data, relocations, base, t, inner.initializer)
                return
            if isinstance(t, RecordType) or (isinstance(t, ArrayType)):
                raise_static(init)
            value = self.constant(init)
            if isinstance(value, (int, float, complex)):
                part = float_type(t, self.target)
                half = t.size // 2
                from .types import float_bytes
                c = complex(value)
                data[base:base + half] = float_bytes(c.real, part, half)
                data[base + half:base + 2 * half] = float_bytes(c.imag, part, half)
                return
            raise_static(init)
        value = self.constant(init)
        it = ir_type(t, self.target)
        if value is None:
            raise_static(init)
        if isinstance(value, tuple):
            name, addend = value
            if name is None:
                value = addend
            else:
                relocations[base] = (name, addend, t.size)
                return
        if it.is_float:
            from .types import float_bytes
            if isinstance(value, complex):
                value = value.real
            data[base:base + t.size] = float_bytes(value, it, t.size)
            return
        if isinstance(value, complex):
            value = value.real
        if isinstance(value, float):
            value = int(value)
        if t.size == 1 and getattr(t, "kind", None) is not None and t.kind.name == "BOOL":
            value = int(value != 0)
        data[base:base + t.size] = (int(value) & ((1 << (8 * t.size)) - 1)).to_bytes(t.size, "little")

    def constant(self, e):
        """A number, or (symbol name or None, addend) for an address constant."""
        if isinstance(e, ast.Cast):
            operand = e.operand
            ot = operand.type
            if isinstance(ot, (ArrayType, FunctionType)):
                return self.address_constant(operand)
            inner = self.constant(operand)
            if isinstance(inner, tuple):
                return inner
            if inner is None:
                return None
            t = e.type
            if t.is_void():
                return None
            it = ir_type(t, self.target)
            if it is None:
                return inner
            if it.is_float:
                inner = inner.real if isinstance(inner, complex) else inner
                if it in (Type.F80, Type.F128) and isinstance(inner, int):
                    return ExactFloat(Fraction(inner))   # exact, not through double
                return inner if isinstance(inner, ExactFloat) and it in (Type.F80, Type.F128) \
                    else float(inner)
            if isinstance(inner, complex):
                inner = inner.real
            if getattr(t, "kind", None) is not None and t.kind.name == "BOOL":
                return int(inner != 0)
            if isinstance(inner, float):
                if inner != inner or inner in (float("inf"), float("-inf")):
                    return None
                inner = int(inner)
            bits = t.size * 8
            inner &= (1 << bits) - 1
            if getattr(t, "signed", False) and not isinstance(t, PointerType) and inner >> (bits - 1):
                inner -= 1 << bits
            return inner
        if isinstance(e, ast.Unary) and e.op == "&":
            return self.address_constant(e.operand)
        if isinstance(e, ast.StringLiteral):
            return (self.string_literal(e), 0)
        if isinstance(e, ast.Identifier) and e.symbol is not None and e.symbol.kind == "function":
            return self.function_constant(e.symbol)
        if isinstance(e, ast.Identifier) and e.symbol is not None and e.symbol.kind == "object" and \
                isinstance(e.type, ArrayType):
            return self.address_constant(e)
        if isinstance(e, ast.Binary) and e.op in ("+", "-") and (
                isinstance(e.left.type, PointerType) or isinstance(e.right.type, PointerType)):
            left, right = self.constant(e.left), self.constant(e.right)
            if left is None or right is None:
                return None
            if isinstance(e.left.type, PointerType) and isinstance(e.right.type, PointerType):
                if not (isinstance(left, tuple) and isinstance(right, tuple)):
                    return None
                size = max(e.left.type.target.size, 1)
                if left[0] == right[0]:
                    return (left[1] - right[1]) // size
                if isinstance(left[0], BlockAddress) and isinstance(right[0], BlockAddress) and \
                        size == 1:                      # &&a - &&b: the assembler's to compute
                    return (BlockDifference(left[0].block, right[0].block), left[1] - right[1])
                return None
            pointer, index, ptype = (left, right, e.left.type) if isinstance(e.left.type, PointerType) \
                else (right, left, e.right.type)
            size = max(ptype.target.size, 1) if not ptype.target.is_void() else 1
            if isinstance(index, tuple):
                return None
            index = int(index) * size
            if not isinstance(pointer, tuple):
                pointer = (None, int(pointer))
            return (pointer[0], pointer[1] + (index if e.op == "+" else -index))
        if isinstance(e, ast.LabelAddress) and getattr(self, "current_lowerer", None) is not None:
            lowerer = self.current_lowerer
            block = lowerer.label_block(e.label)
            if block not in lowerer.address_taken:
                lowerer.address_taken.append(block)
            # passes must not merge away a block whose address sits in static data
            in_data = lowerer.function.attributes.setdefault("blocks_in_data", [])
            if block not in in_data:
                in_data.append(block)
            return (BlockAddress(block), 0)
        if isinstance(e, ast.Conditional):
            c = self.constant(e.condition)
            if c is None or isinstance(c, tuple):
                return None
            if c:
                return self.constant(e.then) if e.then is not None else c
            return self.constant(e.otherwise)
        if isinstance(e, ast.Binary) and e.op == ",":
            return self.constant(e.right)
        value = evaluate(e, self.types)
        if value is None and isinstance(e, ast.Binary):
            left, right = self.constant(e.left), self.constant(e.right)
            if isinstance(left, tuple) and isinstance(right, (int,)) or isinstance(right, tuple):
                return None
        return value

    def function_constant(self, symbol):
        name = symbol.asm_label or symbol.name
        if name not in self.function_names:
            self.module.externals.setdefault(name, "function")
        return (name, 0)

    def address_constant(self, e):
        if isinstance(e, ast.Identifier) and e.symbol is not None and e.symbol.kind == "function":
            return self.function_constant(e.symbol)
        if isinstance(e, ast.Identifier):
            symbol = e.symbol
            name = self.static_locals.get(symbol) or symbol.asm_label or symbol.name
            if name not in self.defined and symbol.kind == "object":
                self.module.externals.setdefault(name, "object")
            return (name, 0)
        if isinstance(e, ast.StringLiteral):
            return (self.string_literal(e), 0)
        if isinstance(e, ast.CompoundLiteral):
            return (self.static_compound_literal(e), 0)
        if isinstance(e, ast.Subscript):
            base = self.constant(e.array)
            index = self.constant(e.index)
            if not isinstance(base, tuple) or isinstance(index, tuple) or index is None:
                if isinstance(index, tuple) and not isinstance(base, tuple):
                    base, index = index, base
                else:
                    return None
            return (base[0], base[1] + int(index) * e.type.size)
        if isinstance(e, ast.MemberAccess):
            base = self.constant(e.base) if e.arrow else self.address_constant(e.base)
            if not isinstance(base, tuple):
                if isinstance(base, int):
                    base = (None, base)
                else:
                    return None
            offset = sum(m.offset for m in e.path) + e.member.offset
            return (base[0], base[1] + offset)
        if isinstance(e, ast.Unary) and e.op == "*":
            return self.constant(e.operand)
        if isinstance(e, ast.Cast):
            return self.address_constant(e.operand)
        return None


class GrowingBytes(bytearray):
    """Static data that grows when a flexible array member is initialised past the end."""

    def __setitem__(self, key, value):
        if isinstance(key, slice) and key.stop is not None and key.stop > len(self):
            self.extend(bytes(key.stop - len(self)))
        super().__setitem__(key, value)

    def __getitem__(self, key):
        if isinstance(key, slice) and key.stop is not None and key.stop > len(self):
            self.extend(bytes(key.stop - len(self)))
        return super().__getitem__(key)


class StaticInitializerError(ToolchainError):
    """A static initializer the lowering cannot reduce to data (yet): reported
    at the expression like gcc's "sorry, unimplemented", exit status 1."""


def source_location(node) -> SourceLocation | None:
    """Where an AST node starts, for a diagnostic (None when it has no location)."""
    loc = getattr(node, "location", None)
    if loc is None:
        return None
    return SourceLocation(loc.file, loc.line, getattr(loc, "column", 0))


def raise_static(e):
    raise StaticInitializerError("sorry, unimplemented: initializer element is not a constant "
                                 f"pcc can lower ({type(e).__name__})", source_location(e))

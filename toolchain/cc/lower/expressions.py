"""Expressions (C11 6.5): rvalues, lvalues and the conversions of 6.3.

``value(e)`` gives an IR value for a scalar expression, the address for an
aggregate one (struct, union, array, complex) and None for void;
``address(e)`` gives the address of an lvalue.  Bit-field members are read
and written through their storage unit (``load_bitfield``/``store_bitfield``).
"""

from __future__ import annotations

from .. import ast
from ..ctypes import (ArrayType, BuiltinVaListType, CType, FloatType, FunctionType, PointerType,
                      RecordType, VOLATILE)
from ..ir import FLOAT_BITS, BlockAddress, Constant, GlobalAddress, Type, Value
from .types import INT_BY_SIZE, ir_type, is_aggregate, is_bool, is_signed

INT_OPS = {"+": "add", "-": "sub", "*": "mul", "&": "and", "|": "or", "^": "xor", "<<": "shl"}
FLOAT_OPS = {"+": "fadd", "-": "fsub", "*": "fmul", "/": "fdiv"}
SIGNED_PREDICATES = {"<": "slt", "<=": "sle", ">": "sgt", ">=": "sge", "==": "eq", "!=": "ne"}
UNSIGNED_PREDICATES = {"<": "ult", "<=": "ule", ">": "ugt", ">=": "uge", "==": "eq", "!=": "ne"}
FLOAT_PREDICATES = {"<": "olt", "<=": "ole", ">": "ogt", ">=": "oge", "==": "oeq", "!=": "une"}


def strip_implicit(e):
    while isinstance(e, ast.Cast) and e.implicit and e.operand is not None and \
            not isinstance(e.type, PointerType):
        e = e.operand
    return e


class ExpressionLowering:
    # ------------------------------------------------------------------ types
    def ir(self, t: CType) -> Type | None:
        return ir_type(t, self.target)

    def is_complex(self, t: CType) -> bool:
        return isinstance(t, FloatType) and t.complex

    def sizeof_value(self, t: CType) -> Value:
        """The size of ``t`` in bytes as a PTR value (dynamic for variable length arrays)."""
        if isinstance(t, ArrayType) and t.vla:
            known = self.vla_sizes.get(id(t))
            if known is not None:
                return known
            length = self.value(t.length_expression)
            length = self.resize(length, Type.PTR, is_signed(t.length_expression.type))
            size = self.emit("mul", Type.PTR, [length, self.sizeof_value(t.element)])
            self.vla_sizes[id(t)] = size
            self.vla_keepalive.append(t)
            return size
        if isinstance(t, ArrayType) and self.has_vla(t.element):
            return self.emit("mul", Type.PTR, [self.iptr(t.length or 0), self.sizeof_value(t.element)])
        if isinstance(t, RecordType) and self.has_vla(t):
            return self.record_layout(t)[0]
        if t.is_void() or t.is_function():
            return self.iptr(1)
        return self.iptr(t.size)

    def has_vla(self, t: CType) -> bool:
        """Whether ``t``'s size is known only at run time: a VLA, or (GNU) a struct or
        union with a variably modified member."""
        while isinstance(t, ArrayType):
            if t.vla:
                return True
            t = t.element
        if isinstance(t, RecordType) and t.record.members:
            return any(m.bit_width is None and self.has_vla(m.type) for m in t.record.members)
        return False

    def record_layout(self, t: RecordType) -> tuple[Value, dict]:
        """(size, {id(member): offset}) of a struct/union with variably modified members,
        computed where the type is first needed (its declaration, for a typedef or an
        object) and kept: later changes to the length variables do not change it."""
        key = ("record", id(t.record))
        known = self.vla_sizes.get(key)
        if known is not None:
            return known
        record = t.record
        offsets: dict = {}
        end = self.iptr(0)
        for m in record.members:
            if m.bit_width is not None:       # bit-fields before any VLA member keep theirs
                offsets[id(m)] = self.iptr(m.offset)
                continue
            size = self.sizeof_value(m.type)
            if record.is_union:
                offsets[id(m)] = self.iptr(0)
                bigger = self.emit("icmp", Type.I1, [size, end], predicate="ugt")
                end = self.emit("select", Type.PTR, [bigger, size, end])
                continue
            align = 1 if (m.packed or record.packed) else max(m.type.align, m.aligned, 1)
            offset = self.align_up(end, align)
            offsets[id(m)] = offset
            end = self.emit("add", Type.PTR, [offset, size])
        known = self.vla_sizes[key] = (self.align_up(end, max(t.align, 1)), offsets)
        self.vla_keepalive.append(t)
        return known

    def align_up(self, value: Value, align: int) -> Value:
        if align <= 1:
            return value
        bumped = self.emit("add", Type.PTR, [value, self.iptr(align - 1)])
        return self.emit("and", Type.PTR, [bumped, self.iptr(-align)])

    def member_offset(self, record_type: CType, member) -> Value | int:
        """A member's offset: its static one, or the run-time one in a variably
        modified struct."""
        if isinstance(record_type, RecordType) and self.has_vla(record_type):
            offset = self.record_layout(record_type)[1].get(id(member))
            if offset is not None:
                return offset
        return member.offset

    # ------------------------------------------------------------------ memory
    def load(self, address: Value, t: CType, volatile: bool = False) -> Value:
        if is_aggregate(t) or t.is_function():
            return address
        it = self.ir(t)
        if it is None:
            self.error(f"cannot load a value of type {t}")
        attributes = {"alignment": max(t.align, 1)}
        if volatile or t.qualifiers & VOLATILE:
            attributes["volatile"] = True
        return self.emit("load", it, [address], **attributes)

    def store(self, value: Value, address: Value, t: CType, volatile: bool = False) -> None:
        if is_aggregate(t):
            if value is not address:
                self.emit("memcpy", Type.VOID, [address, value, self.sizeof_value(t)],
                          alignment=max(t.align, 1))
            return
        attributes = {"alignment": max(t.align, 1)}
        if volatile or t.qualifiers & VOLATILE:
            attributes["volatile"] = True
        self.emit("store", Type.VOID, [value, address], **attributes)

    # ------------------------------------------------------------------ conversions
    def convert(self, value: Value, frm: CType, to: CType) -> Value | None:
        if to.is_void():
            return None
        if frm is to:
            return value
        if isinstance(frm, (ArrayType, FunctionType)):
            return value                      # already an address
        if isinstance(frm, BuiltinVaListType) and frm.decays:
            return value
        if self.is_complex(to):
            return self.to_complex(value, frm, to)
        if self.is_complex(frm):
            real = self.load(value, self.complex_part(frm))
            if is_bool(to):
                imag = self.load(self.add_offset(value, frm.size // 2), self.complex_part(frm))
                a = self.truth(real, self.complex_part(frm))
                b = self.truth(imag, self.complex_part(frm))
                return self.resize(self.emit("or", Type.I1, [a, b]), Type.I8, False)
            return self.convert(real, self.complex_part(frm), to)
        if is_aggregate(to):
            return value
        to_ir = self.ir(to)
        frm_ir = value.type
        if is_bool(to):
            if is_bool(frm):
                return value
            return self.resize(self.truth(value, frm), Type.I8, False)
        if to_ir.is_integer:
            if frm_ir.is_float:
                return self.emit("fptosi" if is_signed(to) or to_ir is Type.PTR else "fptoui", to_ir, [value])
            return self.resize(value, to_ir, is_signed(frm))
        # to floating
        if frm_ir.is_integer:
            if isinstance(value, Constant):
                v = value.value
                if is_signed(frm) and frm_ir is not Type.PTR and v >> (self.bits(frm_ir) - 1):
                    v -= 1 << self.bits(frm_ir)
                return self.const(to_ir, float(v))
            return self.emit("sitofp" if is_signed(frm) else "uitofp", to_ir, [value])
        if frm_ir is to_ir:
            return value
        if isinstance(value, Constant):
            return self.const(to_ir, value.value) if to_ir is not Type.F32 else self.f32_const(value.value)
        if FLOAT_BITS[to_ir] > FLOAT_BITS[frm_ir]:
            return self.emit("fpext", to_ir, [value])
        return self.emit("fptrunc", to_ir, [value])

    def f32_const(self, value: float) -> Constant:
        import struct
        try:
            return self.const(Type.F32, struct.unpack("<f", struct.pack("<f", value))[0])
        except OverflowError:
            return self.const(Type.F32, float("inf") if value > 0 else float("-inf"))

    def bits(self, t: Type) -> int:
        from ..ir import INTEGER_BITS
        return self.pointer_bits if t is Type.PTR else INTEGER_BITS[t]

    def truth(self, value: Value, t: CType) -> Value:
        """``value != 0`` as an i1."""
        if value.type is Type.I1:
            return value
        if value.type.is_float:
            return self.emit("fcmp", Type.I1, [value, self.const(value.type, 0.0)], predicate="une")
        return self.emit("icmp", Type.I1, [value, self.const(value.type, 0)], predicate="ne")

    def int_of_i1(self, value: Value, t: CType) -> Value:
        return self.resize(value, self.ir(t), False)

    # ------------------------------------------------------------------ rvalues
    def value(self, e: ast.Expression) -> Value | None:
        method = getattr(self, "value_" + type(e).__name__, None)
        if method is None:
            self.error(f"cannot lower expression {type(e).__name__}", e)
        return method(e)

    def value_IntegerLiteral(self, e):
        t = self.ir(e.type)
        if t is None:
            return self.const(Type.I32, e.value)
        if t.is_float:
            return self.const(t, float(e.value))
        return self.const(t, e.value)

    def value_FloatLiteral(self, e):
        if self.is_complex(e.type):
            part = self.complex_part(e.type)
            slot = self.alloca(e.type.size, e.type.align)
            v = complex(e.value)
            self.store(self.float_const(part, v.real), slot, part)
            self.store(self.float_const(part, v.imag), self.add_offset(slot, e.type.size // 2), part)
            return slot
        return self.float_const(e.type, e.value)

    def float_const(self, t: CType, value) -> Constant:
        it = self.ir(t)
        if it is Type.F32:
            return self.f32_const(float(value.real if isinstance(value, complex) else value))
        return self.const(it, value.real if isinstance(value, complex) else value)

    def value_StringLiteral(self, e):
        return self.address(e)

    def value_Identifier(self, e):
        symbol = e.symbol
        if symbol is None:
            self.error(f"undeclared identifier '{e.name}'", e)
        if symbol.kind == "enumerator":
            return self.const(self.ir(e.type), symbol.value)
        if symbol.kind == "function":
            return self.function_address(symbol)
        return self.load(self.address(e), e.type)

    def value_Cast(self, e):
        operand = e.operand
        frm = operand.type
        if isinstance(frm, (ArrayType, FunctionType)) or (isinstance(frm, BuiltinVaListType) and frm.decays
                                                          and not is_aggregate(e.type)):
            if isinstance(frm, BuiltinVaListType):
                return self.va_list_address(operand)
            return self.address(operand)
        value = self.value(operand)
        if e.type.is_void():
            return None
        return self.convert(value, frm, e.type)

    def value_SizeOf(self, e):
        t = e.operand.type if e.operand is not None else e.operand_type
        if e.value is not None and not (t is not None and self.has_vla(t)):
            return self.const(self.ir(e.type), e.value)
        return self.resize(self.sizeof_value(t), self.ir(e.type), False)

    def value_LabelAddress(self, e):
        block = self.label_block(e.label)
        if block not in self.address_taken:
            self.address_taken.append(block)
        return BlockAddress(block)

    def value_CompoundLiteral(self, e):
        return self.load(self.address(e), e.type)

    def value_StatementExpression(self, e):
        return self.compound_statement(e.body, want_value=True)

    def value_MemberAccess(self, e):
        if e.bit_field is not None:
            address = self.member_base(e)
            return self.load_bitfield(address, e.bit_field, e.type)
        return self.load(self.address(e), e.type, self.volatile_base(e))

    def volatile_base(self, e) -> bool:
        return bool(e.type.qualifiers & VOLATILE)

    def value_Subscript(self, e):
        return self.load(self.address(e), e.type)

    def value_Unary(self, e):
        op = e.op
        if op == "&":
            if e.operand.type.is_function():
                return self.value(e.operand) if not isinstance(e.operand, ast.Identifier) else \
                    self.function_address(e.operand.symbol)
            return self.address(e.operand)
        if op == "*":
            pointer = self.value(e.operand)
            if e.type.is_function():
                return pointer
            return self.load(pointer, e.type)
        if op in ("++pre", "--pre", "++post", "--post"):
            return self.increment(e)
        if op in ("__real__", "__imag__"):
            if self.is_complex(e.operand.type):
                return self.load(self.address(e), e.type)
            value = self.value(e.operand)
            return value if op == "__real__" else self.convert(self.const(Type.I32, 0), self.types.int, e.type)
        if self.is_complex(e.type):
            return self.complex_unary(e)
        value = self.value(e.operand)
        if op == "+":
            return value
        if op == "-":
            if value.type.is_float:
                return self.emit("fneg", value.type, [value])
            return self.emit("neg", value.type, [value])
        if op == "~":
            return self.emit("not", value.type, [value])
        if op == "!":
            truth = self.truth(value, e.operand.type)
            if self.is_complex(e.operand.type):
                truth = self.truth(self.convert(value, e.operand.type, self.types.bool_), self.types.bool_)
            inverted = self.emit("xor", Type.I1, [truth, self.const(Type.I1, 1)])
            return self.int_of_i1(inverted, e.type)
        self.error(f"unary operator {op}", e)

    def value_Binary(self, e):
        op = e.op
        if op == ",":
            self.value(e.left)
            return self.value(e.right)
        if op in ("&&", "||"):
            return self.logical(e)
        lt, rt = e.left.type, e.right.type
        if op in SIGNED_PREDICATES:
            return self.int_of_i1(self.comparison(op, e.left, e.right), e.type)
        if self.is_complex(e.type):
            return self.complex_binary(e)
        left = self.value(e.left)
        right = self.value(e.right)
        if isinstance(lt, PointerType) and op in "+-":
            if isinstance(rt, PointerType):          # pointer difference
                difference = self.emit("sub", Type.PTR, [left, right])
                size = self.sizeof_value(lt.target)
                if not (isinstance(size, Constant) and size.value == 1):
                    difference = self.emit("sdiv", Type.PTR, [difference, size])
                return self.resize(difference, self.ir(e.type), True)
            return self.pointer_add(left, right, rt, lt, negate=op == "-")
        return self.arithmetic(op, left, right, e.type, rt)

    def pointer_add(self, pointer: Value, index: Value, index_type: CType, pointer_type: CType,
                    negate: bool = False) -> Value:
        offset = self.resize(index, Type.PTR, is_signed(index_type))
        size = self.sizeof_value(pointer_type.target)
        if not (isinstance(size, Constant) and size.value == 1):
            offset = self.emit("mul", Type.PTR, [offset, size])
        return self.emit("sub" if negate else "add", Type.PTR, [pointer, offset])

    def arithmetic(self, op: str, left: Value, right: Value, t: CType, right_type: CType) -> Value:
        it = left.type
        if it.is_float:
            return self.emit(FLOAT_OPS[op], it, [left, right])
        signed = is_signed(t)
        if op in ("<<", ">>"):
            right = self.resize(right, it, False)
            opcode = "shl" if op == "<<" else ("ashr" if signed else "lshr")
        elif op == "/":
            opcode = "sdiv" if signed else "udiv"
        elif op == "%":
            opcode = "srem" if signed else "urem"
        else:
            opcode = INT_OPS[op]
        if right.type is not it:
            right = self.resize(right, it, is_signed(right_type))
        result = self.emit(opcode, it, [left, right])
        if is_bool(t):
            return self.resize(self.truth(result, t), Type.I8, False)
        return result

    def comparison(self, op: str, left_e, right_e) -> Value:
        """A relational or equality operator as an i1."""
        if self.is_complex(left_e.type) or self.is_complex(right_e.type):
            return self.complex_equality(op, left_e, right_e)
        left = self.value(left_e)
        right = self.value(right_e)
        lt, rt = left_e.type, right_e.type
        if left.type is not right.type:
            if left.type is Type.PTR:
                right = self.resize(right, Type.PTR, is_signed(rt))
            else:
                left = self.resize(left, right.type, is_signed(lt))
        if left.type.is_float:
            return self.emit("fcmp", Type.I1, [left, right], predicate=FLOAT_PREDICATES[op])
        signed = is_signed(lt) and not isinstance(lt, PointerType)
        table = SIGNED_PREDICATES if signed else UNSIGNED_PREDICATES
        return self.emit("icmp", Type.I1, [left, right], predicate=table[op])

    def logical(self, e) -> Value:
        true_block, false_block, join = self.new_block("true"), self.new_block("false"), self.new_block("join")
        self.condition(e, true_block, false_block)
        self.place(true_block)
        self.jump(join)
        self.place(false_block)
        self.jump(join)
        self.place(join)
        it = self.ir(e.type)
        return self.emit("phi", it, [self.const(it, 1), self.const(it, 0)], incoming=[true_block, false_block])

    def condition(self, e, then, otherwise) -> None:
        """Branch to ``then`` if the scalar ``e`` is nonzero, else to ``otherwise``."""
        inner = e
        while isinstance(inner, ast.Cast) and inner.implicit and inner.type.is_integer() and \
                inner.operand.type.is_integer() and not inner.operand.lvalue and \
                inner.type.size >= inner.operand.type.size:
            inner = inner.operand
        if isinstance(inner, ast.Binary) and inner.op == "&&":
            middle = self.new_block("and")
            self.condition(inner.left, middle, otherwise)
            self.place(middle)
            self.condition(inner.right, then, otherwise)
            return
        if isinstance(inner, ast.Binary) and inner.op == "||":
            middle = self.new_block("or")
            self.condition(inner.left, then, middle)
            self.place(middle)
            self.condition(inner.right, then, otherwise)
            return
        if isinstance(inner, ast.Unary) and inner.op == "!":
            self.condition(inner.operand, otherwise, then)
            return
        if isinstance(inner, ast.Binary) and inner.op in SIGNED_PREDICATES:
            self.branch(self.comparison(inner.op, inner.left, inner.right), then, otherwise)
            return
        value = self.value(e)
        if self.is_complex(e.type):
            value = self.convert(value, e.type, self.types.bool_)
        if isinstance(value, Constant) and value.type.is_integer and not self.terminated():
            self.jump(then if value.value else otherwise)
            return
        self.branch(self.truth(value, e.type), then, otherwise)

    def value_Conditional(self, e):
        then_block, else_block, join = self.new_block("then"), self.new_block("else"), self.new_block("endif")
        incoming: list = []
        values: list = []
        if e.then is None:                           # GNU a ?: b
            cond_value = self.value(e.condition)
            truth = self.truth(cond_value, e.condition.type)
            self.branch(truth, then_block, else_block)
            self.place(then_block)
            values.append(self.convert(cond_value, e.condition.type, e.type))
            if values[-1] is not None and self.ir(e.type) is not None and values[-1].type is not self.ir(e.type):
                values[-1] = self.resize(values[-1], self.ir(e.type), is_signed(e.condition.type))
        else:
            self.condition(e.condition, then_block, else_block)
            self.place(then_block)
            values.append(self.branch_value(e.then, e.type))
        incoming.append(None if self.terminated() else self.block)
        self.jump(join)
        self.place(else_block)
        values.append(self.branch_value(e.otherwise, e.type))
        incoming.append(None if self.terminated() else self.block)
        self.jump(join)
        self.place(join)
        if e.type.is_void() or any(v is None for v, b in zip(values, incoming) if b is not None):
            return None
        live = [(v, b) for v, b in zip(values, incoming) if b is not None]
        if not live:
            from ..ir import Undef
            return Undef(self.ir(e.type) or Type.PTR)
        values, incoming = [v for v, _ in live], [b for _, b in live]
        return self.emit("phi", values[0].type, values, incoming=incoming)

    def branch_value(self, e, t):
        value = self.value(e)
        it = self.ir(t) if not t.is_void() else None
        if value is not None and it is not None and value.type is not it:
            value = self.convert(value, e.type, t)
        return value

    def value_Assignment(self, e):
        target = e.target
        t = target.type
        if e.op == "=":
            value = self.value(e.value)
            if target.bit_field is not None:
                return self.store_bitfield(self.member_base(target), target.bit_field, value, t)
            address = self.address(target)
            if is_aggregate(t):
                self.store(value, address, t)
                return address
            self.store(value, address, t)
            return value
        # compound assignment: E1 op= E2 is E1 = E1 op E2 with E1 evaluated once
        op = e.op[:-1]
        bit_field = target.bit_field
        if bit_field is not None:
            address = self.member_base(target)
            old = self.load_bitfield(address, bit_field, t)
        else:
            address = self.address(target)
            old = self.load(address, t)
        right = self.value(e.value)
        rt = e.value.type
        if isinstance(t, PointerType):
            new = self.pointer_add(old, right, rt, t, negate=op == "-")
        else:
            if op in ("<<", ">>"):
                common = self.types.promote(t)
            else:
                common = rt
            if self.is_complex(common) or self.is_complex(t):
                new = self.complex_arith(op, self.convert(old, t, common), right, common)
            else:
                new = self.arithmetic(op, self.convert(old, t, common), right, common, rt)
            new = self.convert(new, common, t)
        if bit_field is not None:
            return self.store_bitfield(address, bit_field, new, t)
        self.store(new, address, t)
        return new

    def increment(self, e) -> Value:
        target = e.operand
        t = target.type
        bit_field = target.bit_field
        if bit_field is not None:
            address = self.member_base(target)
            old = self.load_bitfield(address, bit_field, t)
        else:
            address = self.address(target)
            old = self.load(address, t)
        delta = 1 if e.op.startswith("++") else -1
        if isinstance(t, PointerType):
            new = self.pointer_add(old, self.iptr(delta), self.types.long, t)
        elif old.type.is_float:
            new = self.emit("fadd", old.type, [old, self.const(old.type, float(delta))])
        elif is_bool(t):
            if delta > 0:
                new = self.const(Type.I8, 1)
            else:
                new = self.emit("xor", Type.I8, [old, self.const(Type.I8, 1)])
        else:
            new = self.emit("add", old.type, [old, self.const(old.type, delta)])
        if bit_field is not None:
            stored = self.store_bitfield(address, bit_field, new, t)
        else:
            self.store(new, address, t)
            stored = new
        return stored if e.op.endswith("pre") else old

    # ------------------------------------------------------------------ lvalues
    def address(self, e: ast.Expression) -> Value:
        if isinstance(e, ast.Identifier):
            symbol = e.symbol
            if symbol.kind == "function":
                return self.function_address(symbol)
            return self.symbol_address(symbol)
        if isinstance(e, ast.Unary):
            if e.op == "*":
                return self.value(e.operand)
            if e.op in ("__real__", "__imag__"):
                base = self.address(e.operand)
                return base if e.op == "__real__" else self.add_offset(base, e.operand.type.size // 2)
        if isinstance(e, ast.Subscript):
            base = self.value(e.array)
            return self.pointer_add(base, self.value(e.index), e.index.type, e.array.type)
        if isinstance(e, ast.MemberAccess):
            return self.add_offset(self.member_base(e), 0)
        if isinstance(e, ast.StringLiteral):
            return GlobalAddress(self.unit.string_literal(e))
        if isinstance(e, ast.CompoundLiteral):
            return self.compound_literal(e)
        if isinstance(e, ast.Cast) and e.implicit and e.lvalue is False and \
                strip_implicit(e) is not e and strip_implicit(e).lvalue and \
                strip_implicit(e).type.unqualified() is not None and is_aggregate(e.type):
            return self.address(e.operand)
        value = self.value(e)
        if is_aggregate(e.type) or (isinstance(e.type, BuiltinVaListType)):
            return value
        # an rvalue whose address is needed (e.g. a scalar in a struct-returning context)
        slot = self.alloca(e.type.size, e.type.align)
        self.store(value, slot, e.type)
        return slot

    def member_base(self, e: ast.MemberAccess) -> Value:
        """The address of the member (of the storage unit for a bit-field)."""
        if e.arrow:
            base = self.value(e.base)
            record_type = e.base.type.target if isinstance(e.base.type, PointerType) else None
        else:
            base = self.address(e.base)
            record_type = e.base.type
        if record_type is not None and self.has_vla(record_type):
            for m in list(e.path) + [e.member]:
                base = self.add_offset(base, self.member_offset(record_type, m))
                record_type = m.type
            return base
        offset = sum(m.offset for m in e.path) + e.member.offset
        return self.add_offset(base, offset)

    # ------------------------------------------------------------------ bit-fields
    def bitfield_unit(self, member) -> tuple[Type, int]:
        width = member.bit_width
        size = max(member.type.size, 1)
        while member.bit_offset + width > size * 8 and size < 16:
            size *= 2
        return INT_BY_SIZE[size], size * 8

    def bitfield_access(self, address: Value, member, t: CType) -> tuple[Value, Type, int, int]:
        """Where a bit-field is read and written: (address, unit type, unit bits, the
        field's bit offset in it).  A unit wider than a register (``long long`` fields
        on a 32-bit target) is narrowed to the register-wide part holding the whole
        field, as gcc does (little-endian: part ``i`` holds bits ``i*w..``); a
        volatile field keeps its declared unit."""
        unit, bits = self.bitfield_unit(member)
        offset = member.bit_offset
        register = self.pointer_bits
        if bits > register and not t.qualifiers & VOLATILE and \
                offset // register == (offset + member.bit_width - 1) // register:
            part = offset // register
            address = self.add_offset(address, part * register // 8)
            return address, INT_BY_SIZE[register // 8], register, offset - part * register
        return address, unit, bits, offset

    def load_bitfield(self, address: Value, member, t: CType) -> Value:
        address, unit, bits, bit_offset = self.bitfield_access(address, member, t)
        word = self.emit("load", unit, [address], alignment=1,
                         **({"volatile": True} if t.qualifiers & VOLATILE else {}))
        width = member.bit_width
        left = bits - bit_offset - width
        if left:
            word = self.emit("shl", unit, [word, self.const(unit, left)])
        shift = bits - width
        if shift:
            word = self.emit("ashr" if is_signed(t) else "lshr", unit, [word, self.const(unit, shift)])
        return self.resize(word, self.ir(t), is_signed(t))

    def store_bitfield(self, address: Value, member, value: Value, t: CType) -> Value:
        """Store and return the value as read back (truncated to the field's width)."""
        address, unit, bits, bit_offset = self.bitfield_access(address, member, t)
        width = member.bit_width
        field_mask = ((1 << width) - 1) << bit_offset
        word = self.emit("load", unit, [address], alignment=1)
        kept = self.emit("and", unit, [word, self.const(unit, ~field_mask)])
        new = self.resize(value, unit, False)
        if bit_offset:
            new = self.emit("shl", unit, [new, self.const(unit, bit_offset)])
        new = self.emit("and", unit, [new, self.const(unit, field_mask)])
        self.emit("store", Type.VOID, [self.emit("or", unit, [kept, new]), address], alignment=1,
                  **({"volatile": True} if t.qualifiers & VOLATILE else {}))
        # the value of the assignment: the field's width, extended as the field's type
        it = self.ir(t)
        v = self.resize(value, it, False)
        spare = self.bits(it) - width
        if spare > 0:
            v = self.emit("shl", it, [v, self.const(it, spare)])
            v = self.emit("ashr" if is_signed(t) else "lshr", it, [v, self.const(it, spare)])
        return v

    # ------------------------------------------------------------------ complex numbers
    def complex_part(self, t: FloatType) -> CType:
        base = {4: self.types.float, 8: self.types.double}.get(t.size // 2)
        if t.kind.name == "LONG_DOUBLE":
            return self.types.long_double
        if t.kind.name == "FLOAT128":
            return self.types.float128
        return base or self.types.long_double

    def complex_parts(self, address: Value, t) -> tuple[Value, Value]:
        part = self.complex_part(t)
        return self.load(address, part), self.load(self.add_offset(address, t.size // 2), part)

    def make_complex(self, real: Value, imag: Value, t) -> Value:
        part = self.complex_part(t)
        slot = self.alloca(t.size, t.align)
        self.store(real, slot, part)
        self.store(imag, self.add_offset(slot, t.size // 2), part)
        return slot

    def to_complex(self, value: Value, frm: CType, to: CType) -> Value:
        part = self.complex_part(to)
        if self.is_complex(frm):
            real, imag = self.complex_parts(value, frm)
            fp = self.complex_part(frm)
            return self.make_complex(self.convert(real, fp, part), self.convert(imag, fp, part), to)
        return self.make_complex(self.convert(value, frm, part), self.float_const(part, 0.0), to)

    def complex_unary(self, e) -> Value:
        value = self.value(e.operand)
        real, imag = self.complex_parts(value, e.type)
        if e.op == "-":
            real = self.emit("fneg", real.type, [real])
            imag = self.emit("fneg", imag.type, [imag])
        elif e.op == "~":
            imag = self.emit("fneg", imag.type, [imag])
        return self.make_complex(real, imag, e.type)

    def complex_binary(self, e) -> Value:
        left = self.convert(self.value(e.left), e.left.type, e.type)
        right = self.convert(self.value(e.right), e.right.type, e.type)
        return self.complex_arith(e.op, left, right, e.type)

    def complex_arith(self, op: str, left: Value, right: Value, t) -> Value:
        a, b = self.complex_parts(left, t)
        c, d = self.complex_parts(right, t)
        ft = a.type

        def f(opcode, x, y):
            return self.emit(opcode, ft, [x, y])
        if op == "+":
            return self.make_complex(f("fadd", a, c), f("fadd", b, d), t)
        if op == "-":
            return self.make_complex(f("fsub", a, c), f("fsub", b, d), t)
        if op == "*":
            return self.make_complex(f("fsub", f("fmul", a, c), f("fmul", b, d)),
                                     f("fadd", f("fmul", a, d), f("fmul", b, c)), t)
        if op == "/":
            denominator = f("fadd", f("fmul", c, c), f("fmul", d, d))
            real = f("fdiv", f("fadd", f("fmul", a, c), f("fmul", b, d)), denominator)
            imag = f("fdiv", f("fsub", f("fmul", b, c), f("fmul", a, d)), denominator)
            return self.make_complex(real, imag, t)
        self.error(f"complex operator {op}")

    def complex_equality(self, op: str, left_e, right_e) -> Value:
        common = left_e.type if self.is_complex(left_e.type) else right_e.type
        left = self.convert(self.value(left_e), left_e.type, common)
        right = self.convert(self.value(right_e), right_e.type, common)
        a, b = self.complex_parts(left, common)
        c, d = self.complex_parts(right, common)
        pred = "oeq" if op == "==" else "une"
        x = self.emit("fcmp", Type.I1, [a, c], predicate=pred)
        y = self.emit("fcmp", Type.I1, [b, d], predicate=pred)
        return self.emit("and" if op == "==" else "or", Type.I1, [x, y])

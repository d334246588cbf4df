"""GCC built-ins, variable arguments and inline asm.

A ``__builtin_foo`` with a library counterpart becomes a call of ``foo``;
those with an IR meaning become IR: ``alloca`` a dynamic ``alloca``,
``expect`` its first operand, ``unreachable``/``trap``, ``conj``/``creal``/``cimag``
on the two halves of a complex value, bit counting
(``ctlz``/``cttz``/``ctpop``/``bswap``), the floating classification
(``isnan`` ...) as comparisons, the overflow checks as arithmetic in a wider
type.  ``__sync_*``/``__atomic_*`` are lowered as plain (single-threaded)
loads and stores -- the back ends see ordinary memory operations.
"""

from __future__ import annotations

from .. import ast
from ..ctypes import BuiltinVaListType, PointerType
from ..ir import Type
from .types import ir_type, is_signed

BIT_BUILTINS = {"clz": "ctlz", "ctz": "cttz", "popcount": "ctpop", "bswap": "bswap"}
FLOAT_CONSTANTS = {"huge_val": float("inf"), "inf": float("inf"), "nan": float("nan"),
                   "nans": float("nan")}
SYNC_OPS = {"add": "add", "sub": "sub", "or": "or", "and": "and", "xor": "xor", "nand": "nand"}


class BuiltinLowering:
    def va_list_address(self, e) -> object:
        """The address of the va_list object that ``e`` designates."""
        inner = e
        while isinstance(inner, ast.Cast) and inner.implicit:
            inner = inner.operand
        t = inner.type
        if isinstance(t, BuiltinVaListType) and t.decays:
            if isinstance(inner, ast.Identifier) and inner.symbol is not None and inner.symbol.is_parameter:
                return self.load(self.symbol_address(inner.symbol), self.types.pointer(self.types.void))
            return self.address(inner)
        if isinstance(t, PointerType):                    # a decayed va_list (x86-64 parameter)
            return self.value(inner)
        return self.address(inner)

    # --------------------------------------------------------------- __builtin_* functions
    def builtin_function_call(self, symbol, e):
        name = symbol.name
        if name in ("alloca",) and not symbol.is_builtin:
            name = "__builtin_alloca"
        if name in ("abs", "labs", "llabs", "imaxabs") or name in ("__builtin_abs", "__builtin_labs",
                                                                   "__builtin_llabs", "__builtin_imaxabs"):
            # gcc treats these as built-ins even where the program defines them
            if len(e.arguments) == 1 and e.type.is_integer():
                value = self.value(e.arguments[0])
                negative = self.emit("icmp", Type.I1, [value, self.const(value.type, 0)], predicate="slt")
                negated = self.emit("neg", value.type, [value])
                return self.emit("select", value.type, [negative, negated, value])
        if not name.startswith("__builtin_"):
            return NotImplemented
        base = name[len("__builtin_"):]
        args = e.arguments
        if base in ("alloca", "alloca_with_align"):
            size = self.resize(self.value(args[0]), Type.PTR, False)
            return self.emit("alloca", Type.PTR, [size], size=0, alignment=16, dynamic=True)
        if base in ("expect", "expect_with_probability", "assume_aligned"):
            value = self.value(args[0])
            for extra in args[1:]:
                self.value(extra)
            return value
        if base == "stack_save":
            return self.emit("stacksave", Type.PTR)
        if base == "stack_restore":
            self.emit("stackrestore", Type.VOID, [self.value(args[0])])
            return None
        if base == "va_end":
            self.emit("va_end", Type.VOID, [self.va_list_address(args[0])])
            return None
        if base == "va_copy":
            self.emit("va_copy", Type.VOID, [self.va_list_address(args[0]), self.va_list_address(args[1])])
            return None
        if base in ("unreachable",):
            self.emit("unreachable", Type.VOID)
            return None
        if base == "trap":
            base = "abort"
        if base == "assume":
            self.value(args[0])
            return None
        if base in ("prefetch",):
            for a in args:
                self.value(a)
            return None
        for family, opcode in BIT_BUILTINS.items():
            if base.startswith(family) and base[len(family):] in ("", "l", "ll", "16", "32", "64", "128"):
                return self.bit_builtin(opcode, args[0], e.type)
        if base.startswith("ffs") and base[3:] in ("", "l", "ll"):
            value = self.value(args[0])
            it = value.type
            zero = self.emit("icmp", Type.I1, [value, self.const(it, 0)], predicate="eq")
            count = self.emit("add", it, [self.emit("cttz", it, [value]), self.const(it, 1)])
            result = self.emit("select", it, [zero, self.const(it, 0), count])
            return self.resize(result, ir_type(e.type, self.target), False)
        if base.startswith("parity") and base[6:] in ("", "l", "ll"):
            value = self.value(args[0])
            count = self.emit("ctpop", value.type, [value])
            bit = self.emit("and", value.type, [count, self.const(value.type, 1)])
            return self.resize(bit, ir_type(e.type, self.target), False)
        if base.startswith("clrsb") and base[5:] in ("", "l", "ll"):
            value = self.value(args[0])
            it = value.type
            sign = self.emit("ashr", it, [value, self.const(it, self.bits(it) - 1)])
            flipped = self.emit("xor", it, [value, sign])
            count = self.emit("ctlz", it, [flipped])
            result = self.emit("sub", it, [count, self.const(it, 1)])
            return self.resize(result, ir_type(e.type, self.target), False)
        if base in ("conj", "conjf", "conjl", "creal", "crealf", "creall",
                    "cimag", "cimagf", "cimagl") and len(args) == 1:
            ct = self.types.complex(self.complex_part(e.type)) if base.startswith("conj") else \
                self.types.complex(e.type)
            real, imag = self.complex_parts(self.convert(self.value(args[0]), args[0].type, ct), ct)
            if base.startswith("creal"):
                return real
            if base.startswith("cimag"):
                return imag
            return self.make_complex(real, self.emit("fneg", imag.type, [imag]), ct)
        for prefix, value in FLOAT_CONSTANTS.items():
            if base in (prefix, prefix + "f", prefix + "l", prefix + "f128") and \
                    (prefix not in ("nan", "nans") or self.constant_string(args)):
                for a in args:
                    self.value(a) if not isinstance(a, ast.StringLiteral) else None
                return self.float_const(e.type, value)
        # everything else: the library function of the same name
        callee_name = base
        return self.library_call(callee_name, e)

    def constant_string(self, args) -> bool:
        if not args:
            return False
        inner = args[0]
        while isinstance(inner, ast.Cast):
            inner = inner.operand
        return isinstance(inner, ast.StringLiteral) and not any(inner.units)

    def library_call(self, name: str, e):
        from ..ir import GlobalAddress
        if name not in self.unit.function_names:
            self.unit.module.externals.setdefault(name, "function")
        callee = GlobalAddress(name)
        operands = [callee] + [self.value(a) for a in e.arguments]
        attributes = {}
        ftype = e.function.type.target if isinstance(e.function.type, PointerType) else e.function.type
        if getattr(ftype, "variadic", False):
            attributes["variadic"] = True
            attributes["fixed"] = len(ftype.parameters)
        if name in ("abort", "exit", "_exit", "_Exit", "longjmp"):
            attributes["noreturn"] = True
        if name in ("setjmp", "_setjmp"):
            attributes["returns_twice"] = True
        rtype = Type.VOID if e.type.is_void() else ir_type(e.type, self.target)
        call = self.emit("call", rtype, operands, **attributes)
        if attributes.get("noreturn"):
            self.emit("unreachable", Type.VOID)
        return None if rtype is Type.VOID else call

    def bit_builtin(self, opcode: str, argument, result_type):
        value = self.value(argument)
        result = self.emit(opcode, value.type, [value])
        return self.resize(result, ir_type(result_type, self.target), False)

    # --------------------------------------------------------------- BuiltinCall nodes
    def value_BuiltinCall(self, e: ast.BuiltinCall):
        name = e.name
        args = e.arguments
        if name == "__builtin_va_arg":
            address = self.va_list_address(args[0])
            t = e.type_argument
            if t.is_void():
                return None
            from .types import aggregate, is_aggregate
            if is_aggregate(t):
                slot = self.alloca(t.size, t.align)
                bytes_address = self.emit("va_arg", Type.PTR, [address], aggregate=aggregate(t, self.target))
                self.emit("memcpy", Type.VOID, [slot, bytes_address, self.iptr(t.size)], alignment=max(t.align, 1))
                return slot
            return self.emit("va_arg", ir_type(t, self.target), [address])
        if name == "__builtin_va_start":
            self.emit("va_start", Type.VOID, [self.va_list_address(args[0])])
            return None
        if name in ("__builtin_va_end",):
            self.emit("va_end", Type.VOID, [self.va_list_address(args[0])])
            return None
        if e.value is not None:
            return self.const(ir_type(e.type, self.target), e.value)
        base = name.split("_builtin_", 1)[-1] if name.startswith("__builtin_") else name
        if name.startswith("__builtin_") and ("_overflow" in base):
            return self.overflow_builtin(base, args, e)
        if base in ("isnan", "isinf", "isfinite", "isnormal", "signbit", "isinf_sign",
                    "isgreater", "isgreaterequal", "isless", "islessequal", "islessgreater",
                    "isunordered", "fpclassify"):
            return self.classify_builtin(base, args, e)
        if base in ("constant_p",):
            return self.const(Type.I32, 0)
        if base in ("expect", "launder", "assume_aligned", "speculation_safe_value"):
            return self.value(args[0])
        if base == "complex":
            real, imag = self.value(args[0]), self.value(args[1])
            return self.make_complex(real, imag, e.type)
        if base == "prefetch":
            for a in args:
                self.value(a)
            return None
        if name.startswith("__sync_") or name.startswith("__atomic_"):
            return self.atomic_builtin(name, args, e)
        self.error(f"built-in {name} is not supported", e)

    def overflow_builtin(self, base: str, args, e):
        op = "add" if "add" in base else "sub" if "sub" in base else "mul"
        values = [self.value(a) for a in args[:2]]
        types = [a.type for a in args[:2]]
        if base.endswith("_p"):
            result_t = args[2].type
            destination = None
        else:
            destination = self.value(args[2])
            result_t = args[2].type.target
        # exact in twice the width: i64 suffices for 32-bit operands and result (and
        # is all a 32-bit target has), i128 for wider ones
        wide = Type.I64 if max(t.size for t in (*types, result_t)) <= 4 else Type.I128
        a = self.resize(values[0], wide, is_signed(types[0]))
        b = self.resize(values[1], wide, is_signed(types[1]))
        exact = self.emit(op, wide, [a, b])
        rt = ir_type(result_t, self.target)
        truncated = self.resize(exact, rt, False)
        back = self.resize(truncated, wide, is_signed(result_t))
        overflow = self.emit("icmp", Type.I1, [back, exact], predicate="ne")
        if destination is not None:
            self.store(truncated, destination, result_t)
        return self.resize(overflow, ir_type(e.type, self.target), False)

    def classify_builtin(self, base: str, args, e):
        rt = ir_type(e.type, self.target)
        if base == "fpclassify":
            values = [self.value(a) for a in args[:5]]
            x = self.value(args[5])
            return self.fpclassify(values, x, rt)
        x = self.value(args[0])
        if base in ("isgreater", "isgreaterequal", "isless", "islessequal", "islessgreater", "isunordered"):
            y = self.value(args[1])
            if x.type is not y.type:
                common = x.type if x.type in (Type.F80, Type.F128) or y.type is Type.F32 else y.type
                x = self.emit("fpext", common, [x]) if x.type is not common else x
                y = self.emit("fpext", common, [y]) if y.type is not common else y
            predicate = {"isgreater": "ogt", "isgreaterequal": "oge", "isless": "olt",
                         "islessequal": "ole", "islessgreater": "one", "isunordered": "uno"}[base]
            return self.resize(self.emit("fcmp", Type.I1, [x, y], predicate=predicate), rt, False)
        if not x.type.is_float:
            x = self.emit("sitofp", Type.F64, [x])
        ft = x.type
        nan = self.emit("fcmp", Type.I1, [x, x], predicate="uno")
        inf_pos = self.emit("fcmp", Type.I1, [x, self.const(ft, float("inf"))], predicate="oeq")
        inf_neg = self.emit("fcmp", Type.I1, [x, self.const(ft, float("-inf"))], predicate="oeq")
        if base == "isnan":
            r = nan
        elif base == "isinf":
            r = self.emit("or", Type.I1, [inf_pos, inf_neg])
        elif base == "isinf_sign":
            plus = self.resize(inf_pos, rt, False)
            minus = self.resize(inf_neg, rt, False)
            return self.emit("sub", rt, [plus, minus])
        elif base == "isfinite":
            bad = self.emit("or", Type.I1, [nan, self.emit("or", Type.I1, [inf_pos, inf_neg])])
            r = self.emit("xor", Type.I1, [bad, self.const(Type.I1, 1)])
        elif base == "isnormal":
            smallest = 1.1754943508222875e-38 if ft is Type.F32 else 2.2250738585072014e-308
            absolute = self.emit("select", ft, [self.emit("fcmp", Type.I1, [x, self.const(ft, 0.0)], predicate="olt"),
                                                self.emit("fneg", ft, [x]), x])
            big = self.emit("fcmp", Type.I1, [absolute, self.const(ft, smallest)], predicate="oge")
            finite = self.emit("fcmp", Type.I1, [absolute, self.const(ft, float("inf"))], predicate="olt")
            r = self.emit("and", Type.I1, [big, finite])
        else:                                               # signbit
            if ft in (Type.F32, Type.F64):
                it = Type.I32 if ft is Type.F32 else Type.I64
                bits = self.emit("bitcast", it, [x])
                r = self.emit("icmp", Type.I1, [bits, self.const(it, 0)], predicate="slt")
            else:
                r = self.emit("fcmp", Type.I1, [x, self.const(ft, 0.0)], predicate="olt")
        return self.resize(r, rt, False)

    def fpclassify(self, values, x, rt):
        # order: FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO
        ft = x.type
        nan = self.emit("fcmp", Type.I1, [x, x], predicate="uno")
        absolute = self.emit("select", ft, [self.emit("fcmp", Type.I1, [x, self.const(ft, 0.0)], predicate="olt"),
                                            self.emit("fneg", ft, [x]), x])
        inf = self.emit("fcmp", Type.I1, [absolute, self.const(ft, float("inf"))], predicate="oeq")
        zero = self.emit("fcmp", Type.I1, [absolute, self.const(ft, 0.0)], predicate="oeq")
        smallest = 1.1754943508222875e-38 if ft is Type.F32 else 2.2250738585072014e-308
        normal = self.emit("fcmp", Type.I1, [absolute, self.const(ft, smallest)], predicate="oge")
        vals = [self.resize(v, rt, True) for v in values]
        r = self.emit("select", rt, [normal, vals[2], vals[3]])
        r = self.emit("select", rt, [zero, vals[4], r])
        r = self.emit("select", rt, [inf, vals[1], r])
        return self.emit("select", rt, [nan, vals[0], r])

    def atomic_builtin(self, name: str, args, e):
        """Single-threaded semantics of the __sync/__atomic families."""
        family = "sync" if name.startswith("__sync_") else "atomic"
        base = name[len("__sync_"):] if family == "sync" else name[len("__atomic_"):]
        if base[-1].isdigit():
            base = base.rstrip("0123456789").rstrip("_")
        if base in ("synchronize", "thread_fence", "signal_fence"):
            return None
        if base in ("always_lock_free", "is_lock_free"):
            return self.const(ir_type(e.type, self.target), 1)
        pointer = self.value(args[0])
        pt = args[0].type.target if isinstance(args[0].type, PointerType) else self.types.int
        it = ir_type(pt, self.target) or Type.I8
        if base in ("load_n",):
            return self.load(pointer, pt)
        if base in ("store_n",):
            self.store(self.convert(self.value(args[1]), args[1].type, pt), pointer, pt)
            return None
        if base == "load":
            self.store(self.load(pointer, pt), self.value(args[1]), pt)
            return None
        if base == "store":
            self.store(self.load(self.value(args[1]), pt), pointer, pt)
            return None
        if base in ("exchange_n", "lock_test_and_set", "test_and_set"):
            old = self.load(pointer, pt)
            new = self.const(it, 1) if base == "test_and_set" else \
                self.convert(self.value(args[1]), args[1].type, pt)
            self.store(new, pointer, pt)
            return self.resize(self.truth(old, pt), ir_type(e.type, self.target), False) \
                if base == "test_and_set" else old
        if base == "exchange":
            old = self.load(pointer, pt)
            self.store(self.load(self.value(args[1]), pt), pointer, pt)
            self.store(old, self.value(args[2]), pt)
            return None
        if base in ("lock_release", "clear"):
            self.store(self.const(it, 0), pointer, pt)
            return None
        if base in ("bool_compare_and_swap", "val_compare_and_swap", "compare_exchange_n",
                    "compare_exchange"):
            old = self.load(pointer, pt)
            if family == "atomic":
                expected_address = self.value(args[1])
                expected = self.load(expected_address, pt)
                desired = self.value(args[2])
                desired = self.load(desired, pt) if base == "compare_exchange" else \
                    self.convert(desired, args[2].type, pt)
            else:
                expected = self.convert(self.value(args[1]), args[1].type, pt)
                desired = self.convert(self.value(args[2]), args[2].type, pt)
            equal = self.emit("icmp", Type.I1, [old, expected], predicate="eq")
            self.store(self.emit("select", it, [equal, desired, old]), pointer, pt)
            if family == "atomic":
                self.store(old, expected_address, pt)
            if base == "val_compare_and_swap":
                return old
            return self.resize(equal, ir_type(e.type, self.target), False)
        # fetch_and_op / op_and_fetch / fetch_op / op_fetch
        fetch_first = base.startswith("fetch_")
        op = base.replace("fetch_and_", "").replace("_and_fetch", "").replace("fetch_", "").replace("_fetch", "")
        if op not in SYNC_OPS:
            self.error(f"built-in {name} is not supported", e)
        old = self.load(pointer, pt)
        operand = self.convert(self.value(args[1]), args[1].type, pt)
        if isinstance(pt, PointerType):
            operand = self.resize(operand, Type.PTR, True)
        if op == "nand":
            new = self.emit("not", it, [self.emit("and", it, [old, operand])])
        else:
            new = self.emit(SYNC_OPS[op], it, [old, operand])
        self.store(new, pointer, pt)
        return old if fetch_first else new

    # --------------------------------------------------------------- inline asm
    def inline_asm(self, s: ast.AsmStatement) -> None:
        inputs = []
        for constraint, expression in s.inputs:
            if any(c in constraint for c in "mo") and not any(c in constraint for c in "rgi0123456789"):
                inputs.append(self.address(expression))
            else:
                inputs.append(self.value(expression))
        outputs = [self.address(expression) if expression.bit_field is None else self.member_base(expression)
                   for _, expression in s.outputs]
        output_types = [str(ir_type(expression.type, self.target) or Type.PTR) for _, expression in s.outputs]
        self.emit("asm", Type.VOID, inputs + outputs, template=s.template,
                  outputs=[c for c, _ in s.outputs], inputs=[c for c, _ in s.inputs],
                  output_types=output_types, clobbers=list(s.clobbers),
                  labels=list(s.labels), volatile=s.volatile)
        if s.labels:
            blocks = [self.label_block(label) for label in s.labels]
            follow = self.new_block("asm.fallthrough")
            self.emit("jmp", Type.VOID, targets=[follow])
            self.block.instructions[-1].attributes["asm_goto"] = [b.name for b in blocks]
            self.place(follow)

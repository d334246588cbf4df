"""Calls, parameters and returns -- ABI-neutral.

A scalar argument is an operand of its machine type.  A struct or union
argument is the address of its bytes, with the call's ``aggregates``
attribute mapping the operand's index (counting the callee as operand 0) to
its :class:`~toolchain.cc.ir.Aggregate`; the callee's :class:`Parameter`
carries the same descriptor and arrives as an address of a private copy.
A struct returned by value: the caller passes a result buffer (the operand
whose index is ``attributes['result_buffer']``, last) and the call's result
(``ptr``) is that buffer; the callee's ``ret`` returns the address of the
bytes to return, and the back end copies them to where the ABI wants them.
"""

from __future__ import annotations

from .. import ast
from ..ctypes import BuiltinVaListType, FunctionType, IntegerKind, IntegerType, PointerType
from ..ir import Function, Parameter, Type
from .types import aggregate, ir_type, is_aggregate


def narrow_extension(t) -> str | None:
    """How an integer narrower than ``int`` is widened in a register ("sext" or
    "zext"), for the psABIs that pass and return such values extended (RISC-V):
    the IR's types carry no sign.  Calls record it per argument in the
    ``extensions`` attribute, functions for their result in ``return_extension``."""
    if isinstance(t, IntegerType) and t.size < 4:
        return "sext" if t.signed and t.kind is not IntegerKind.BOOL else "zext"
    return None


# Library functions gcc knows never return (its builtins), unless -fno-builtin or
# -ffreestanding says they are just functions.
NORETURN_LIBRARY = frozenset({"abort", "exit", "_exit", "_Exit", "quick_exit", "longjmp",
                              "siglongjmp", "_longjmp", "__longjmp_chk"})


class CallLowering:
    def library_noreturn(self, symbol) -> bool:
        """Whether ``symbol`` is the C library's abort, exit ... (an external function
        of that name the program does not define) and the library's meaning applies."""
        options = self.unit.options
        return symbol.name in NORETURN_LIBRARY and symbol.kind == "function" and \
            symbol.linkage == "external" and not symbol.defined and \
            (options is None or getattr(options, "builtin", True))

    def function_type(self, symbol) -> FunctionType:
        return symbol.type

    def begin_function(self, definition: ast.FunctionDefinition) -> Function:
        symbol = definition.symbol
        ftype: FunctionType = symbol.type
        name = symbol.asm_label or symbol.name
        result = ftype.result
        function = Function(name, Type.VOID, variadic=ftype.variadic,
                            linkage="internal" if symbol.linkage == "internal" else "external")
        if "weak" in symbol.attributes:
            function.linkage = "weak"
        if ftype.noreturn or "noreturn" in symbol.attributes:
            function.attributes["noreturn"] = True
        section = symbol.attributes.get("section")
        if isinstance(section, str):
            function.attributes["section"] = section
        visibility = self.unit.visibility_of(symbol)
        if visibility != "default":
            function.attributes["visibility"] = visibility
        for name in ("noinline", "noipa", "always_inline", "naked"):    # the inliner's rules
            if name in symbol.attributes:
                function.attributes[name] = True
        if symbol.inline:
            function.attributes["inline"] = True
        if result.is_void():
            function.return_type = Type.VOID
        elif is_aggregate(result):
            function.return_type = Type.PTR
            function.return_aggregate = aggregate(result, self.target)
        else:
            function.return_type = ir_type(result, self.target)
            if narrow_extension(result):
                function.attributes["return_extension"] = narrow_extension(result)
        self.start_builder(function)
        self.vla_keepalive = []
        for index, parameter in enumerate(definition.parameters):
            t = parameter.type
            incoming_t = t
            if not ftype.prototyped:
                incoming_t = self.types.promote(t)
                if incoming_t.is_floating() and incoming_t.size < self.types.double.size and \
                        not getattr(incoming_t, "complex", False):
                    incoming_t = self.types.double
            if isinstance(t, BuiltinVaListType) and t.decays:
                # a va_list parameter is the address of the caller's va_list (it decays)
                value = Parameter(Type.PTR, index, parameter.name or "")
                function.parameters.append(value)
                slot = self.alloca(self.types.data_model.pointer, self.types.data_model.pointer)
                self.emit("store", Type.VOID, [value, slot])
            elif is_aggregate(t):
                value = Parameter(Type.PTR, index, parameter.name or "", aggregate(t, self.target))
                function.parameters.append(value)
                slot = self.alloca(t.size, t.align)
                self.emit("memcpy", Type.VOID, [slot, value, self.iptr(t.size)], alignment=max(t.align, 1))
            else:
                value = Parameter(ir_type(incoming_t, self.target), index, parameter.name or "")
                function.parameters.append(value)
                slot = self.alloca(t.size, t.align)
                converted = self.convert(value, incoming_t, t) if incoming_t is not t else value
                self.store(converted, slot, t)
            self.locals[parameter] = slot
            if self.has_vla(t):
                self.sizeof_value(t)
            if isinstance(t, PointerType) and self.has_vla(t.target):
                self.sizeof_value(t.target)
            if isinstance(t, PointerType) and t.decayed_from is not None:
                self.sizeof_value(t.decayed_from)       # int a[n++]: the n++ happens on entry
        return function

    def end_function(self) -> None:
        function = self.function
        if not self.terminated():
            if function.name == "main" and function.return_type is not Type.VOID:
                self.emit("ret", Type.VOID, [self.const(function.return_type, 0)])
            elif function.return_type is Type.VOID:
                self.emit("ret", Type.VOID)
            else:                           # falling off the end of a value-returning function
                self.emit("ret", Type.VOID, [self.undef(function.return_type)])
        self.finish_indirect_branches()
        self.finish_allocas()
        # blocks created but never placed (labels never defined) are dropped by construction;
        # empty blocks placed at the end need a terminator
        for block in function.blocks:
            if not block.instructions or not block.instructions[-1].is_terminator:
                self.block = block
                self.emit("unreachable", Type.VOID)

    def undef(self, t: Type):
        from ..ir import Undef
        return Undef(t)

    def return_value(self, e) -> None:
        function = self.function
        if e is None:
            if function.return_type is Type.VOID:
                self.emit("ret", Type.VOID)
            else:
                self.emit("ret", Type.VOID, [self.undef(function.return_type)])
            return
        value = self.value(e)
        if function.return_type is Type.VOID:
            self.emit("ret", Type.VOID)
            return
        if value is None:
            value = self.undef(function.return_type)
        result_t = self.definition.symbol.type.result
        if not is_aggregate(result_t) and e.type is not None and value.type is not function.return_type:
            value = self.convert(value, e.type, result_t)
        self.emit("ret", Type.VOID, [value])

    def value_Call(self, e: ast.Call):
        callee_e = e.function
        ptype = callee_e.type
        ftype = ptype.target if isinstance(ptype, PointerType) else ptype
        inner = callee_e
        while isinstance(inner, ast.Cast) and inner.implicit:
            inner = inner.operand
        symbol = inner.symbol if isinstance(inner, ast.Identifier) else None
        if symbol is not None and symbol.kind == "function":
            lowered = self.builtin_function_call(symbol, e)
            if lowered is not NotImplemented:
                return lowered
            callee = self.function_address(symbol)
        else:
            callee = self.value(callee_e)
        operands = [callee]
        aggregates = {}
        extensions = {}
        for argument in e.arguments:
            at = argument.type
            if isinstance(at, type(self.types.va_list)) and getattr(at, "decays", False):
                operands.append(self.va_list_address(argument))
                continue
            value = self.value(argument)
            if is_aggregate(at):
                aggregates[len(operands)] = aggregate(at, self.target)
            elif narrow_extension(at):
                extensions[len(operands)] = narrow_extension(at)
            operands.append(value)
        attributes = {}
        if isinstance(ftype, FunctionType):
            if ftype.variadic or not ftype.prototyped:
                attributes["variadic"] = True
                attributes["fixed"] = len(ftype.parameters) if ftype.prototyped else 0
            if ftype.noreturn:
                attributes["noreturn"] = True
        if symbol is not None:
            if "noreturn" in symbol.attributes or self.library_noreturn(symbol):
                attributes["noreturn"] = True
            for fact in ("pure", "const"):          # reads no memory it is not given / none
                if fact in symbol.attributes:
                    attributes[fact] = True
            name = symbol.asm_label or symbol.name
            if name in ("setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp", "vfork", "savectx") or \
                    "returns_twice" in symbol.attributes:
                attributes["returns_twice"] = True
        if aggregates:
            attributes["aggregates"] = aggregates
        if extensions:
            attributes["extensions"] = extensions
        result = e.type
        if result.is_void():
            rtype = Type.VOID
        elif is_aggregate(result):
            buffer = self.alloca(result.size, result.align)
            attributes["return_aggregate"] = aggregate(result, self.target)
            attributes["result_buffer"] = len(operands)
            operands.append(buffer)
            rtype = Type.PTR
        else:
            rtype = ir_type(result, self.target)
        call = self.emit("call", rtype, operands, **attributes)
        if attributes.get("noreturn"):
            self.emit("unreachable", Type.VOID)
        return None if rtype is Type.VOID else call

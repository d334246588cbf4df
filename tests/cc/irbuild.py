"""A small IR builder for back-end tests (the C lowering is written separately).

    m = Module_()
    f = m.function("add", I32, [I32, I32])
    b = f.block("entry")
    b.ret(b.add(f.arg(0), f.arg(1)))
"""

from __future__ import annotations

from toolchain.cc import ir
from toolchain.cc.ir import Aggregate, Constant, GlobalAddress, Instruction, Parameter, Type
from toolchain.common.target import find_target

I1, I8, I16, I32, I64, I128 = Type.I1, Type.I8, Type.I16, Type.I32, Type.I64, Type.I128
F32, F64, F80, PTR, VOID = Type.F32, Type.F64, Type.F80, Type.PTR, Type.VOID


def c(ty: Type, value) -> Constant:
    return Constant(ty, value)


def g(name: str, offset: int = 0) -> GlobalAddress:
    return GlobalAddress(name, offset)


class ModuleBuilder:
    def __init__(self):
        self.module = ir.Module(find_target("x86_64-linux-gnu"), 64)
        self.strings = 0

    def function(self, name, ret, params, variadic=False, linkage="external",
                 aggregates=None, return_aggregate=None) -> "FunctionBuilder":
        aggregates = aggregates or {}
        fn = ir.Function(name, ret, [Parameter(t, i, aggregate=aggregates.get(i))
                                     for i, t in enumerate(params)],
                         variadic=variadic, linkage=linkage, return_aggregate=return_aggregate)
        self.module.functions.append(fn)
        return FunctionBuilder(fn)

    def data(self, name, size, align, init=None, **kw) -> ir.Global:
        gl = ir.Global(name, size, align, init, **kw)
        self.module.globals.append(gl)
        return gl

    def string(self, text: str) -> GlobalAddress:
        self.strings += 1
        name = f".Lstr{self.strings}"
        data = text.encode() + b"\0"
        self.data(name, len(data), 1, [data], linkage="internal", constant=True,
                  attributes={"string": True})
        return GlobalAddress(name)


class FunctionBuilder:
    def __init__(self, fn: ir.Function):
        self.fn = fn

    def arg(self, i: int) -> Parameter:
        return self.fn.parameters[i]

    def block(self, name: str) -> "BlockBuilder":
        return BlockBuilder(self.fn.new_block(name))


class BlockBuilder:
    def __init__(self, block: ir.Block):
        self.block = block

    def emit(self, opcode, ty, operands=(), targets=(), **attributes) -> Instruction:
        inst = Instruction(opcode, ty, list(operands), list(targets), dict(attributes),
                           block=self.block)
        self.block.instructions.append(inst)
        return inst

    def __getattr__(self, opcode):
        if opcode not in ir.OPCODES:
            raise AttributeError(opcode)

        def op(*operands, ty=None, **attrs):
            t = ty if ty is not None else (operands[0].type if operands else Type.VOID)
            return self.emit(opcode, t, operands, **attrs)
        return op

    def icmp(self, pred, a, b):
        return self.emit("icmp", Type.I1, [a, b], predicate=pred)

    def fcmp(self, pred, a, b):
        return self.emit("fcmp", Type.I1, [a, b], predicate=pred)

    def conv(self, opcode, value, ty):
        return self.emit(opcode, ty, [value])

    def load(self, ty, address):
        return self.emit("load", ty, [address])

    def store(self, value, address):
        return self.emit("store", Type.VOID, [value, address])

    def alloca(self, size, align=8):
        return self.emit("alloca", Type.PTR, [], size=size, alignment=align)

    def call(self, ty, callee, *args, **attrs):
        if isinstance(callee, str):
            callee = GlobalAddress(callee)
        return self.emit("call", ty, [callee, *args], **attrs)

    def br(self, cond, t, f):
        return self.emit("br", Type.VOID, [cond], [t.block, f.block])

    def jmp(self, target):
        return self.emit("jmp", Type.VOID, [], [target.block])

    def ret(self, value=None):
        return self.emit("ret", Type.VOID, [value] if value is not None else [])

    def phi(self, ty, *pairs):
        return self.emit("phi", ty, [v for v, _ in pairs],
                         incoming=[b.block for _, b in pairs])

    def select(self, cond, a, b):
        return self.emit("select", a.type, [cond, a, b])

    def switch(self, value, default, cases):
        return self.emit("switch", Type.VOID, [value], [default.block] +
                         [b.block for _, b in cases], cases=[v for v, _ in cases])

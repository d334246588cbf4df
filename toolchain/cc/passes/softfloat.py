"""Binary128 arithmetic as calls to the soft-float routines.

No instruction set pcc targets computes in IEEE binary128 (``f128``): it is
``long double`` on AArch64 and RISC-V and ``__float128`` on x86-64, and gcc
calls libgcc's soft-fp routines for every operation on it.  This pass does
the same, before instruction selection, so that a back end only has to move
``f128`` values (load, store, copy, pass and return them by its ABI); the
routines are bundled in libc (toolchain/libc/src/compiler/tf_*.c):

=====================  ==============================================
fadd fsub fmul fdiv    __addtf3 __subtf3 __multf3 __divtf3
fneg                   __negtf2
fcmp                   __eqtf2 __netf2 __lttf2 __letf2 __gttf2 __getf2
                       __unordtf2, the i32 result compared with 0
fptosi / fptoui        __fixtf{si,di,ti} / __fixunstf{si,di,ti}
sitofp / uitofp        __float{si,di,ti}tf / __floatun{si,di,ti}tf
fpext / fptrunc        __extend{sf,df}tf2 / __trunctf{sf,df}2
=====================  ==============================================

The comparison routines return, for unordered operands, the value that
makes their own ordered predicate false (``__lttf2``/``__letf2`` +1,
``__gttf2``/``__getf2`` -1), so an unordered predicate is the negation of
the opposite ordered one: ``ult`` is ``__getf2(a, b) < 0``.  Narrow integers
are widened to 32 bits first (and converted results truncated), as C's
conversions through ``int`` would.
"""

from __future__ import annotations

from ...common.diagnostics import ToolchainError
from ..ir import Constant, Function, GlobalAddress, Instruction, Module, Type
from .util import replace_uses

_ARITHMETIC = {"fadd": "__addtf3", "fsub": "__subtf3", "fmul": "__multf3", "fdiv": "__divtf3"}
# ordered predicate -> (routine, icmp predicate of its result against 0)
_ORDERED = {"oeq": ("__eqtf2", "eq"), "une": ("__netf2", "ne"), "olt": ("__lttf2", "slt"),
            "ole": ("__letf2", "sle"), "ogt": ("__gttf2", "sgt"), "oge": ("__getf2", "sge"),
            "ord": ("__unordtf2", "eq"), "uno": ("__unordtf2", "ne"),
            # the unordered ones: not the opposite ordered predicate
            "ult": ("__getf2", "slt"), "ule": ("__gttf2", "sle"),
            "ugt": ("__letf2", "sgt"), "uge": ("__lttf2", "sge")}
_WIDTH_SUFFIX = {32: "si", 64: "di", 128: "ti"}
_FLOAT_SUFFIX = {Type.F32: "sf", Type.F64: "df"}
_INTEGER_TYPE = {32: Type.I32, 64: Type.I64, 128: Type.I128}


class SoftFloatError(ToolchainError):
    """An f128 operation no bundled routine performs (x87 <-> binary128)."""


def run(module: Module) -> bool:
    changed = False
    for function in module.functions:
        changed |= _run_function(function, module)
    return changed


def _run_function(function: Function, module: Module) -> bool:
    replaced: dict[Instruction, Instruction] = {}
    for block in function.blocks:
        out: list[Instruction] = []
        for instruction in block.instructions:
            if _is_binary128(instruction):
                rewrite = _Rewrite(function, module, block, instruction, out)
                replaced[instruction] = rewrite.result()
            else:
                out.append(instruction)
        block.instructions = out
    replace_uses(function, replaced)
    return bool(replaced)


def _is_binary128(instruction: Instruction) -> bool:
    op = instruction.opcode
    if op in _ARITHMETIC or op in ("fneg", "fptrunc", "fptosi", "fptoui"):
        return instruction.operands[0].type is Type.F128
    if op == "fcmp":
        return instruction.operands[0].type is Type.F128
    if op in ("sitofp", "uitofp", "fpext"):
        return instruction.type is Type.F128
    return False


class _Rewrite:
    """The instructions replacing one f128 operation, appended to ``out``."""

    def __init__(self, function: Function, module: Module, block, instruction: Instruction,
                 out: list[Instruction]):
        self.function, self.module, self.block = function, module, block
        self.instruction, self.out = instruction, out
        self.pointer_bits = module.pointer_bits

    def emit(self, opcode: str, type_: Type, operands: list, **attributes) -> Instruction:
        instruction = Instruction(opcode, type_, list(operands), attributes=attributes,
                                  block=self.block, location=self.instruction.location)
        self.out.append(instruction)
        return instruction

    def call(self, routine: str, type_: Type, operands: list) -> Instruction:
        self.module.externals.setdefault(routine, "function")
        return self.emit("call", type_, [GlobalAddress(routine), *operands])

    def bits(self, type_: Type) -> int:
        return self.pointer_bits if type_ is Type.PTR else {
            Type.I1: 1, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.I64: 64, Type.I128: 128}[type_]

    def result(self) -> Instruction:
        i = self.instruction
        op, operands = i.opcode, i.operands
        if op in _ARITHMETIC:
            return self.call(_ARITHMETIC[op], Type.F128, operands)
        if op == "fneg":
            return self.call("__negtf2", Type.F128, operands)
        if op == "fcmp":
            return self.compare(i.attributes["predicate"], *operands)
        if op in ("fptosi", "fptoui"):
            width = max(32, self.bits(i.type))
            name = ("__fixtf" if op == "fptosi" else "__fixunstf") + _WIDTH_SUFFIX[width]
            value = self.call(name, _INTEGER_TYPE[width], operands)
            return value if width == self.bits(i.type) else self.emit("trunc", i.type, [value])
        if op in ("sitofp", "uitofp"):
            source = operands[0]
            width = max(32, self.bits(source.type))
            if width != self.bits(source.type):
                source = self.emit("sext" if op == "sitofp" else "zext", _INTEGER_TYPE[width],
                                   [source])
            name = ("__float" if op == "sitofp" else "__floatun") + _WIDTH_SUFFIX[width] + "tf"
            return self.call(name, Type.F128, [source])
        if op == "fpext":
            return self.call(f"__extend{self.float_suffix(operands[0].type)}tf2", Type.F128,
                             operands)
        # fptrunc
        return self.call(f"__trunctf{self.float_suffix(i.type)}2", i.type, operands)

    def float_suffix(self, type_: Type) -> str:
        if type_ not in _FLOAT_SUFFIX:
            raise SoftFloatError(f"sorry, unimplemented: conversion between {type_} and f128 "
                                 f"in '{self.function.name}'")
        return _FLOAT_SUFFIX[type_]

    def compare(self, predicate: str, a, b) -> Instruction:
        if predicate in ("one", "ueq"):       # (not) equal and ordered
            equal = self.compare("oeq" if predicate == "ueq" else "une", a, b)
            ordered = self.compare("uno" if predicate == "ueq" else "ord", a, b)
            return self.emit("or" if predicate == "ueq" else "and", Type.I1, [equal, ordered])
        if predicate in ("true", "false"):
            return self.emit("copy", Type.I1, [Constant(Type.I1, int(predicate == "true"))])
        routine, icmp = _ORDERED[predicate]
        value = self.call(routine, Type.I32, [a, b])
        return self.emit("icmp", Type.I1, [value, Constant(Type.I32, 0)], predicate=icmp)

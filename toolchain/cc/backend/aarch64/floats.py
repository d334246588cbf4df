"""Floating point for AArch64: scalar FP for float and double, soft-float
calls for long double, conversions.

float and double live in s and d registers and use the FP instructions
(``fadd``, ``fcmp``, ``scvtf``, ``fcvtzs``, ``fcvt``); a constant is an
``fmov`` immediate when its 8-bit form exists, ``fmov`` from the zero
register for +0.0, else a load from the constant pool.

long double is IEEE binary128 in a q register; its arithmetic,
comparisons and conversions reach the back end as calls to the soft-float
routines (passes/softfloat.py), so here it is only moved and loaded as a
constant.  Conversions between __int128 and float or double call libgcc's
``__floattisf``-style routines.
"""

from __future__ import annotations

import importlib
import struct

from ...ir import Constant, Instruction, Type, Undef
from ...lower.types import f128_bytes
from .operands import BITS, FCC, WIDTH, SymbolRef, XZR, WZR, base_mem, sym

_as_ops = importlib.import_module("toolchain.as.aarch64.operands")
_as_imm = importlib.import_module("toolchain.as.aarch64.immediates")
FloatImmediate = _as_ops.FloatImmediate

_SUFFIX = {Type.F32: "sf", Type.F64: "df"}


def is_q(r) -> bool:
    return r.bits == 128 if hasattr(r, "bits") else r.name[0] in "qv"


class FloatSelection:
    def __init__(self, sel):
        self.sel = sel

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- values ------------------------------------------------------------------------
    def move(self, dst, src) -> None:
        """dst = src between FP registers (virtual or physical) of one width."""
        self.sel.e("qmov" if is_q(dst) or is_q(src) else "fmov", dst, src)

    def pool_load(self, v, data: bytes) -> None:
        sel = self.sel
        label = sel.ctx.constant(data, len(data))
        t = sel.new()
        sel.e("adrp", t, SymbolRef(label))
        sel.e("add", t, t, sym(label, 0, "lo12"))
        sel.e("ldr", v, base_mem(t))

    def freg(self, value):
        sel = self.sel
        ty = value.type
        if isinstance(value, (Constant, Undef)):
            v = sel.new_float(ty)
            number = float(value.value) if isinstance(value, Constant) else 0.0
            exact = value.bits if isinstance(value, Constant) else None
            if ty is Type.F128:
                data = exact.to_bytes(16, "little") if exact is not None else \
                    f128_bytes(number)
                self.pool_load(v, data)
                return v
            size = 4 if ty is Type.F32 else 8
            data = exact.to_bytes(size, "little") if exact is not None else \
                struct.pack("<f" if size == 4 else "<d", number)
            if not any(data):
                sel.e("fmov", v, WZR if size == 4 else XZR)
            elif exact is None and _as_imm.encode_fp_imm8(number) is not None:
                sel.e("fmov", v, FloatImmediate(repr(number)))
            else:
                self.pool_load(v, data)
            return v
        v = sel.values.get(value)
        if v is None:
            v = sel.values[value] = sel.new_float(ty)
        return v

    # --- arithmetic ----------------------------------------------------------------------
    def _arith(self, inst: Instruction, mnemonic: str) -> None:
        sel = self.sel
        a, b = inst.operands
        sel.e(mnemonic, sel.dest(inst), self.freg(a), self.freg(b))

    def op_fadd(self, inst): self._arith(inst, "fadd")
    def op_fsub(self, inst): self._arith(inst, "fsub")
    def op_fmul(self, inst): self._arith(inst, "fmul")
    def op_fdiv(self, inst): self._arith(inst, "fdiv")

    def op_fneg(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        sel.e("fneg", sel.dest(inst), self.freg(a))

    def compare(self, inst: Instruction):
        sel = self.sel
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        sel.e("fcmp", self.freg(a), self.freg(b))
        return FCC[pred]

    # --- conversions -----------------------------------------------------------------------
    def op_sitofp(self, inst: Instruction) -> None: self._int_to_float(inst, True)
    def op_uitofp(self, inst: Instruction) -> None: self._int_to_float(inst, False)

    def _int_to_float(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        if a.type is Type.I1:
            signed_ = False
        if a.type is Type.I128:
            return sel.calls.runtime_call(("__floatti" if signed_ else "__floatunti")
                                          + _SUFFIX[ty], inst, [a])
        width = WIDTH[a.type]
        src = sel.extend(a, signed_, 32) if width < 32 else sel.reg(a, BITS[a.type])
        sel.e("scvtf" if signed_ else "ucvtf", sel.dest(inst), src)

    def op_fptosi(self, inst: Instruction) -> None: self._float_to_int(inst, True)
    def op_fptoui(self, inst: Instruction) -> None: self._float_to_int(inst, False)

    def _float_to_int(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        if ty is Type.I128:
            return sel.calls.runtime_call(("__fix" if signed_ else "__fixuns")
                                          + _SUFFIX[a.type] + "ti", inst, [a])
        d = sel.dest(inst)
        if WIDTH[ty] < 32:
            signed_ = True      # the value fits an int; fcvtzs saturates like C leaves open
        sel.e("fcvtzs" if signed_ else "fcvtzu", d, self.freg(a))

    def op_fpext(self, inst: Instruction) -> None: self._float_to_float(inst)
    def op_fptrunc(self, inst: Instruction) -> None: self._float_to_float(inst)

    def _float_to_float(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        src, dst = a.type, inst.type
        if src is dst:
            return sel.copy_value(a, sel.dest(inst), dst)
        sel.e("fcvt", sel.dest(inst), self.freg(a))

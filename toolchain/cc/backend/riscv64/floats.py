"""Floating point for RISC-V 64: the F and D extensions, and binary128 in software.

float and double live in f registers and use ``fadd.s``/``fadd.d``...;
constants come from the constant pool in .rodata.cstN (``lla`` then
``flw``/``fld``), zero from ``fmv.d.x f, zero``.  Comparisons are
``feq``/``flt``/``fle``, which give 0 on a NaN: the ordered predicates
are one of them (``ogt`` with swapped operands), the unordered ones the
negation of the opposite ordered one, ``one``/``ord`` two of them combined.
Conversions are single instructions in every direction, float to integer
with the round-towards-zero mode (``fcvt.w.d a0, fa0, rtz``) as C truncates.

``long double`` is IEEE binary128 held in a pair of general registers; its
arithmetic, comparisons and conversions reach the back end as calls to the
soft-float routines (passes/softfloat.py), so here it is only moved.
__int128 <-> float conversions call libgcc's ``__floattidf`` family.
"""

from __future__ import annotations

import struct

from ...ir import Constant, Instruction, Type, Undef
from ...lower.types import f128_bytes
from .operands import BITS, ZERO, ExprConstant, Immediate, Memory, SymbolRef, imm

RTZ = Immediate(ExprConstant(1))        # the rm field's round-towards-zero
_SUFFIX = {Type.F32: "s", Type.F64: "d"}
_LIBGCC = {Type.F32: "sf", Type.F64: "df"}
# fcmp predicate -> (instruction, operands swapped) for the ordered ones
_ORDERED = {"oeq": ("feq", False), "olt": ("flt", False), "ole": ("fle", False),
            "ogt": ("flt", True), "oge": ("fle", True)}
_UNORDERED = {"une": "oeq", "uge": "olt", "ugt": "ole", "ule": "ogt", "ult": "oge",
              "ueq": "one", "uno": "ord"}


class FloatSelection:
    def __init__(self, sel):
        self.sel = sel

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- values ------------------------------------------------------------------------
    def fpr(self, value):
        sel = self.sel
        if isinstance(value, (Constant, Undef)):
            v = sel.new("fp")
            single = value.type is Type.F32
            if isinstance(value, Constant) and value.bits is not None:
                data = value.bits.to_bytes(4 if single else 8, "little")
            else:
                number = float(value.value) if isinstance(value, Constant) else 0.0
                data = struct.pack("<f" if single else "<d", number)
            if not any(data):
                sel.e("fmv.w.x" if single else "fmv.d.x", v, ZERO)
            else:
                label = sel.ctx.constant(data, len(data))
                t = sel.new()
                sel.e("lla", t, SymbolRef(label))
                sel.e("flw" if single else "fld", v, Memory(base=t,
                                                            displacement=ExprConstant(0)))
            return v
        v = sel.values.get(value)
        if v is None:
            v = sel.values[value] = sel.new("fp")
        return v

    @staticmethod
    def f128_bits(value) -> int:
        if isinstance(value, Undef):
            return 0
        if value.bits is not None:
            return value.bits
        return int.from_bytes(f128_bytes(float(value.value)), "little")

    # --- arithmetic ----------------------------------------------------------------------
    def _arith(self, inst: Instruction, name: str) -> None:
        sel = self.sel
        a, b = inst.operands
        sel.e(f"f{name}.{_SUFFIX[inst.type]}", sel.dest(inst), self.fpr(a), self.fpr(b))

    def op_fadd(self, inst): self._arith(inst, "add")
    def op_fsub(self, inst): self._arith(inst, "sub")
    def op_fmul(self, inst): self._arith(inst, "mul")
    def op_fdiv(self, inst): self._arith(inst, "div")

    def op_fneg(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        sel.e(f"fneg.{_SUFFIX[inst.type]}", sel.dest(inst), self.fpr(a))

    def compare_into(self, d, inst: Instruction) -> None:
        sel = self.sel
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        if pred in ("true", "false"):
            sel.e("li", d, imm(1 if pred == "true" else 0))
            return
        invert = pred in _UNORDERED
        base = _UNORDERED.get(pred, pred)
        x, y = self.fpr(a), self.fpr(b)
        s = _SUFFIX[a.type]
        if base == "one":
            t = sel.new()
            sel.e(f"flt.{s}", d, x, y)
            sel.e(f"flt.{s}", t, y, x)
            sel.e("or", d, d, t)
        elif base == "ord":
            t = sel.new()
            sel.e(f"feq.{s}", d, x, x)
            sel.e(f"feq.{s}", t, y, y)
            sel.e("and", d, d, t)
        else:
            mnemonic, swap = _ORDERED[base]
            if swap:
                x, y = y, x
            sel.e(f"{mnemonic}.{s}", d, x, y)
        if invert:
            sel.e("xori", d, d, imm(1))

    # --- conversions -----------------------------------------------------------------------
    def _runtime(self, inst: Instruction, name: str) -> None:
        self.sel.calls.runtime_call(name, inst, list(inst.operands))

    def op_sitofp(self, inst: Instruction) -> None: self._int_to_float(inst, True)
    def op_uitofp(self, inst: Instruction) -> None: self._int_to_float(inst, False)

    def _int_to_float(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        if a.type is Type.I128:
            return self._runtime(inst, ("__floatti" if signed_ else "__floatunti")
                                 + _LIBGCC[ty])
        if a.type is Type.I1:
            signed_ = False
        bits = BITS[a.type]
        s = _SUFFIX[ty]
        if bits == 32:
            sel.e(f"fcvt.{s}.{'w' if signed_ else 'wu'}", sel.dest(inst), sel.reg(a))
        else:
            x = sel.extend(a, signed_) if bits < 32 else sel.reg(a)
            sel.e(f"fcvt.{s}.{'l' if signed_ else 'lu'}", sel.dest(inst), x)

    def op_fptosi(self, inst: Instruction) -> None: self._float_to_int(inst, True)
    def op_fptoui(self, inst: Instruction) -> None: self._float_to_int(inst, False)

    def _float_to_int(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        if ty is Type.I128:
            return self._runtime(inst, ("__fix" if signed_ else "__fixuns")
                                 + _LIBGCC[a.type] + "ti")
        bits = BITS[ty]
        s = _SUFFIX[a.type]
        if bits == 64:
            kind = "l" if signed_ else "lu"
        elif bits == 32:
            kind = "w" if signed_ else "wu"
        else:
            kind = "w"
        sel.e(f"fcvt.{kind}.{s}", sel.dest(inst), self.fpr(a), RTZ)

    def op_fpext(self, inst: Instruction) -> None: self._float_to_float(inst)
    def op_fptrunc(self, inst: Instruction) -> None: self._float_to_float(inst)

    def _float_to_float(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        src, dst = a.type, inst.type
        if src is dst:
            return sel.copy_value(a, sel.dest(inst), dst)
        sel.e(f"fcvt.{_SUFFIX[dst]}.{_SUFFIX[src]}", sel.dest(inst), self.fpr(a))

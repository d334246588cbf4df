"""Floating point for AArch64: scalar FP for float and double, soft-float
calls for long double, conversions.

float and double live in s and d registers and use the FP instructions
(``fadd``, ``fcmp``, ``scvtf``, ``fcvtzs``, ``fcvt``); a constant is an
``fmov`` immediate when its 8-bit form exists, ``fmov`` from the zero
register for +0.0, else a load from the constant pool.

long double is IEEE binary128 in a q register.  As with GCC, every
operation calls a libgcc soft-float routine with its operands in q0/q1:
``__addtf3 __subtf3 __multf3 __divtf3``, comparisons ``__eqtf2 __letf2
__getf2 __unordtf2`` (an int compared with 0), conversions
``__extendsftf2 __extenddftf2 __trunctfsf2 __trunctfdf2 __fixtfsi
__fixtfdi __fixunstfsi __fixunstfdi __floatsitf __floatditf
__floatunsitf __floatunditf`` and the __int128 ones.  Negation flips bit 127
through a general register.
"""

from __future__ import annotations

import importlib
import struct

from ...ir import Constant, Instruction, Type, Undef
from .operands import BITS, FCC, WIDTH, Keyword, SymbolRef, XZR, WZR, base_mem, imm, sym

_as_ops = importlib.import_module("toolchain.as.aarch64.operands")
_as_imm = importlib.import_module("toolchain.as.aarch64.immediates")
FloatImmediate = _as_ops.FloatImmediate

_SUFFIX = {Type.F32: "sf", Type.F64: "df", Type.F128: "tf"}
# f128 predicate -> (routine, condition on its int result compared with 0)
_TF_COMPARE = {"oeq": ("__eqtf2", "eq"), "une": ("__eqtf2", "ne"),
               "olt": ("__letf2", "lt"), "ole": ("__letf2", "le"),
               "ogt": ("__getf2", "gt"), "oge": ("__getf2", "ge"),
               "ult": ("__getf2", "lt"), "ule": ("__getf2", "le"),
               "ugt": ("__letf2", "gt"), "uge": ("__letf2", "ge"),
               "uno": ("__unordtf2", "ne"), "ord": ("__unordtf2", "eq")}


def f128_bytes(value: float) -> bytes:
    """A double's value as IEEE binary128, little-endian (exact: every double is one)."""
    bits = struct.unpack("<Q", struct.pack("<d", value))[0]
    sign, exponent, fraction = bits >> 63, (bits >> 52) & 0x7FF, bits & ((1 << 52) - 1)
    if exponent == 0x7FF:
        e, f = 0x7FFF, fraction << 60
    elif exponent == 0:
        if fraction == 0:
            e, f = 0, 0
        else:                                   # subnormal double: normalise
            shift = 53 - fraction.bit_length()
            fraction = (fraction << shift) & ((1 << 52) - 1)
            e, f = 1 - 1023 - shift + 16383, fraction << 60
    else:
        e, f = exponent - 1023 + 16383, fraction << 60
    return ((sign << 127) | (e << 112) | f).to_bytes(16, "little")


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
                data = exact.to_bytes(16, "little") if exact is not None else f128_bytes(number)
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
        if inst.type is Type.F128:
            sel.calls.call_symbol(f"__{mnemonic[1:]}tf3", [self.freg(a), self.freg(b)],
                                  sel.dest(inst))
            return
        sel.e(mnemonic, sel.dest(inst), self.freg(a), self.freg(b))

    def op_fadd(self, inst): self._arith(inst, "fadd")
    def op_fsub(self, inst): self._arith(inst, "fsub")
    def op_fmul(self, inst): self._arith(inst, "fmul")
    def op_fdiv(self, inst): self._arith(inst, "fdiv")

    def op_fneg(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        d = sel.dest(inst)
        if inst.type is Type.F128:
            src = self.freg(a)
            t = sel.new()
            sel.e("umov_hi", t, src)
            sel.e("eor", t, t, imm(1 << 63))
            self.move(d, src)
            sel.e("ins_hi", d, t)
            return
        sel.e("fneg", d, self.freg(a))

    def compare(self, inst: Instruction):
        sel = self.sel
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        if a.type is not Type.F128:
            sel.e("fcmp", self.freg(a), self.freg(b))
            return FCC[pred]
        x, y = self.freg(a), self.freg(b)
        if pred in ("one", "ueq"):
            u, q = sel.new(32), sel.new(32)
            sel.calls.call_symbol("__unordtf2", [x, y], u)
            sel.calls.call_symbol("__eqtf2", [x, y], q)
            t1, t2 = sel.new(32), sel.new(32)
            sel.e("cmp", u, imm(0))
            sel.e("cset", t1, Keyword("eq" if pred == "one" else "ne"))
            sel.e("cmp", q, imm(0))
            sel.e("cset", t2, Keyword("ne" if pred == "one" else "eq"))
            sel.e("and" if pred == "one" else "orr", t1, t1, t2)
            sel.e("cmp", t1, imm(0))
            return "ne"
        name, cc = _TF_COMPARE[pred]
        r = sel.new(32)
        sel.calls.call_symbol(name, [x, y], r)
        sel.e("cmp", r, imm(0))
        return cc

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
        if ty is Type.F128:
            name = ("__floatsitf" if signed_ else "__floatunsitf") if src.bits == 32 else \
                ("__floatditf" if signed_ else "__floatunditf")
            sel.calls.call_symbol(name, [src], sel.dest(inst))
            return
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
        if a.type is Type.F128:
            if d.bits == 32:
                name = "__fixtfsi" if signed_ or WIDTH[ty] < 32 else "__fixunstfsi"
            else:
                name = "__fixtfdi" if signed_ else "__fixunstfdi"
            sel.calls.call_symbol(name, [self.freg(a)], d)
            return
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
        if src is Type.F128 or dst is Type.F128:
            name = f"__extend{_SUFFIX[src]}tf2" if dst is Type.F128 else \
                f"__trunctf{_SUFFIX[dst]}2"
            sel.calls.call_symbol(name, [self.freg(a)], sel.dest(inst))
            return
        sel.e("fcvt", sel.dest(inst), self.freg(a))

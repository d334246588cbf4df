"""A64 scalar floating point: Arm ARM C4.1.96 "Data Processing -- Scalar
Floating-Point and Advanced SIMD", the scalar FP classes.

``ftype`` selects the precision: 00 single (``s``), 01 double (``d``),
11 half (``h``).  FMOV has four shapes (register, general <-> FP,
the top half of a vector ``v0.d[1]``, and the 8-bit immediate of
immediates.py); 0.0 has no immediate encoding (GNU as rejects
``fmov d0, #0.0``: compilers write ``fmov d0, xzr`` or ``movi d0, #0``).
"""

from __future__ import annotations

from ..isa import Encoding
from .encoder import MismatchError, Request
from .immediates import encode_fp_imm8
from .operands import Element, OperandError
from .registers import register_info

FTYPE = {"s": 0, "d": 1, "h": 3}

# Floating-point data-processing (2 source): ... ftype 1 Rm opcode 10 Rn Rd
TWO_SOURCE = {"fmul": 0, "fdiv": 1, "fadd": 2, "fsub": 3, "fmax": 4, "fmin": 5,
              "fmaxnm": 6, "fminnm": 7, "fnmul": 8}
# (1 source): ... ftype 1 opcode 10000 Rn Rd
ONE_SOURCE = {"fabs": 1, "fneg": 2, "fsqrt": 3, "frintn": 8, "frintp": 9, "frintm": 10,
              "frintz": 11, "frinta": 12, "frintx": 14, "frinti": 15}
# (3 source): ... 11111 ftype o1 Rm o0 Ra Rn Rd
THREE_SOURCE = {"fmadd": (0, 0), "fmsub": (0, 1), "fnmadd": (1, 0), "fnmsub": (1, 1)}
# Conversion between FP and integer: sf ... ftype 1 rmode opcode 000000 Rn Rd
TO_INTEGER = {"fcvtns": (0, 0), "fcvtnu": (0, 1), "fcvtas": (0, 4), "fcvtau": (0, 5),
              "fcvtps": (1, 0), "fcvtpu": (1, 1), "fcvtms": (2, 0), "fcvtmu": (2, 1),
              "fcvtzs": (3, 0), "fcvtzu": (3, 1)}
FROM_INTEGER = {"scvtf": 2, "ucvtf": 3}


def _same(r: Request, regs: list[int]) -> tuple[list[int], int]:
    nums = []
    kinds = set()
    for i in regs:
        n, kind = r.fp(i, "hsd")
        nums.append(n)
        kinds.add(kind)
    if len(kinds) != 1:
        raise MismatchError()
    return nums, FTYPE[kinds.pop()]


def two_source(r: Request) -> Encoding:
    r.count(3)
    (rd, rn, rm), ftype = _same(r, [0, 1, 2])
    return r.done(0x1E200800 | (ftype << 22) | (rm << 16) | (TWO_SOURCE[r.mnemonic] << 12)
                  | (rn << 5) | rd)


def one_source(r: Request) -> Encoding:
    r.count(2)
    (rd, rn), ftype = _same(r, [0, 1])
    return r.done(0x1E204000 | (ftype << 22) | (ONE_SOURCE[r.mnemonic] << 15) | (rn << 5) | rd)


def three_source(r: Request) -> Encoding:
    r.count(4)
    (rd, rn, rm, ra), ftype = _same(r, [0, 1, 2, 3])
    o1, o0 = THREE_SOURCE[r.mnemonic]
    return r.done(0x1F000000 | (ftype << 22) | (o1 << 21) | (rm << 16) | (o0 << 15)
                  | (ra << 10) | (rn << 5) | rd)


def fcvt(r: Request) -> Encoding:
    r.count(2)
    rd, to = r.fp(0, "hsd")
    rn, frm = r.fp(1, "hsd")
    if to == frm:
        raise MismatchError()
    opc = {"s": 4, "d": 5, "h": 7}[to]
    return r.done(0x1E204000 | (FTYPE[frm] << 22) | (opc << 15) | (rn << 5) | rd)


def compare(r: Request) -> Encoding:
    r.count(2)
    rn, kind = r.fp(0, "hsd")
    signalling = 16 if r.mnemonic == "fcmpe" else 0
    word = 0x1E202000 | (FTYPE[kind] << 22) | (rn << 5) | signalling
    if r.info(1) is not None:
        rm, kind_m = r.fp(1, "hsd")
        if kind_m != kind:
            raise MismatchError()
        return r.done(word | (rm << 16))
    if r.float_imm(1) != 0.0:
        raise OperandError("immediate zero expected", 1)
    return r.done(word | 8)


def cond_compare(r: Request) -> Encoding:
    from .dataproc import condition
    r.count(4)
    (rn, rm), ftype = _same(r, [0, 1])
    nzcv = r.ranged(2, 0, 15)
    cond = condition(r.keyword(3))
    if cond is None:
        raise OperandError("invalid condition", 3)
    op = 16 if r.mnemonic == "fccmpe" else 0
    return r.done(0x1E200400 | (ftype << 22) | (rm << 16) | (cond << 12) | (rn << 5) | op | nzcv)


def select(r: Request) -> Encoding:
    from .dataproc import condition
    r.count(4)
    (rd, rn, rm), ftype = _same(r, [0, 1, 2])
    cond = condition(r.keyword(3))
    if cond is None:
        raise OperandError("invalid condition", 3)
    return r.done(0x1E200C00 | (ftype << 22) | (rm << 16) | (cond << 12) | (rn << 5) | rd)


def to_integer(r: Request) -> Encoding:
    if r.has(2):
        return _fixed_point(r)
    r.count(2)
    if r.info(0) is not None and r.info(0).kind in "bhsdq":  # type: ignore[union-attr]
        from .simd import scalar_convert
        return scalar_convert(r)
    rd, sf = r.gp(0)
    rn, kind = r.fp(1, "hsd")
    rmode, opcode = TO_INTEGER[r.mnemonic]
    return r.done(0x1E200000 | (sf << 31) | (FTYPE[kind] << 22) | (rmode << 19) | (opcode << 16)
                  | (rn << 5) | rd)


def from_integer(r: Request) -> Encoding:
    if r.has(2):
        return _fixed_point(r)
    r.count(2)
    if r.info(1) is not None and r.info(1).kind in "bhsdq":  # type: ignore[union-attr]
        from .simd import scalar_convert
        return scalar_convert(r)
    rd, kind = r.fp(0, "hsd")
    rn, sf = r.gp(1)
    return r.done(0x1E220000 | (sf << 31) | (FTYPE[kind] << 22)
                  | ((FROM_INTEGER[r.mnemonic] & 1) << 16) | (rn << 5) | rd)


def _fixed_point(r: Request) -> Encoding:
    """scvtf/ucvtf/fcvtzs/fcvtzu with #fbits: sf 0 0 11110 ftype 0 rmode opcode scale Rn Rd."""
    r.count(3)
    to_int = r.mnemonic.startswith("fcvt")
    if to_int:
        rd, sf = r.gp(0)
        rn, kind = r.fp(1, "hsd")
        rmode, opcode = 3, int(r.mnemonic == "fcvtzu")
    else:
        rd, kind = r.fp(0, "hsd")
        rn, sf = r.gp(1)
        rmode, opcode = 0, 2 + int(r.mnemonic == "ucvtf")
    fbits = r.ranged(2, 1, 64 if sf else 32)
    return r.done(0x1E000000 | (sf << 31) | (FTYPE[kind] << 22) | (rmode << 19) | (opcode << 16)
                  | ((64 - fbits) << 10) | (rn << 5) | rd)


def fmov(r: Request) -> Encoding:
    r.count(2)
    dst, src = r.info(0), r.info(1)
    if isinstance(r.ops[0], Element) or isinstance(r.ops[1], Element):
        return _fmov_top_half(r)
    if dst is None:
        raise OperandError("operand 1 must be a SIMD scalar register", None)
    if dst.kind == "v":
        from .simd import fmov_vector
        return fmov_vector(r)
    if src is None:
        rd, kind = r.fp(0, "hsd")
        value = r.float_imm(1)
        if value is None:
            raise OperandError("invalid floating-point constant", 1)
        imm8 = encode_fp_imm8(value)
        if imm8 is None:
            raise OperandError("invalid floating-point constant", 1)
        return r.done(0x1E201000 | (FTYPE[kind] << 22) | (imm8 << 13) | rd)
    if dst.kind in "hsd" and src.kind in "hsd":
        (rd, rn), ftype = _same(r, [0, 1])
        return r.done(0x1E204000 | (ftype << 22) | (rn << 5) | rd)
    if dst.kind in "hsd" and src.kind in "xw":
        rn, sf = r.gp(1)
        return r.done(_gp_fp_word(dst.kind, sf, 7) | (rn << 5) | dst.number)
    if dst.kind in "xw" and src.kind in "hsd":
        rd, sf = r.gp(0)
        return r.done(_gp_fp_word(src.kind, sf, 6) | (src.number << 5) | rd)
    raise MismatchError()


def _gp_fp_word(kind: str, sf: int, opcode: int) -> int:
    if kind != "h" and sf != (kind == "d"):
        raise MismatchError()
    return 0x1E200000 | (sf << 31) | (FTYPE[kind] << 22) | (opcode << 16)


def _fmov_top_half(r: Request) -> Encoding:
    """fmov x0, v1.d[1] / fmov v1.d[1], x0: ftype 10, rmode 01."""
    if isinstance(r.ops[0], Element):
        element, index, opcode = r.ops[0], 1, 7
    else:
        element, index, opcode = r.ops[1], 0, 6
    info = register_info(element.register)  # type: ignore[union-attr]
    if info is None or info.element != "d" or element.index != 1:  # type: ignore[union-attr]
        raise MismatchError()
    rgp, sf = r.gp(index, size="x")
    rd, rn = (info.number, rgp) if opcode == 7 else (rgp, info.number)
    return r.done(0x9EAE0000 | ((opcode & 1) << 16) | (rn << 5) | rd)


ENCODERS = {
    **{m: two_source for m in TWO_SOURCE},
    **{m: one_source for m in ONE_SOURCE},
    **{m: three_source for m in THREE_SOURCE},
    "fcvt": fcvt, "fcmp": compare, "fcmpe": compare,
    "fccmp": cond_compare, "fccmpe": cond_compare, "fcsel": select,
    **{m: to_integer for m in TO_INTEGER},
    **{m: from_integer for m in FROM_INTEGER},
    "fmov": fmov,
}

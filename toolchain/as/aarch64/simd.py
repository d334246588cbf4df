"""A64 Advanced SIMD: the vector forms compilers emit (Arm ARM C4.1.96).

Vector registers carry an arrangement: ``Q`` (bit 30) picks 64 or 128
bits and ``size`` the element (8b/16b: 0, 4h/8h: 1, 2s/4s: 2, 1d/2d: 3).
An element index is packed into ``imm5`` with the element size as its
lowest set bit (b: xxxx1, h: xxx10, s: xx100, d: x1000).  The MOV
aliases pick ORR (vector), INS, UMOV or DUP (scalar) as the Arm ARM's
alias rules say.
"""

from __future__ import annotations

from ..expr import fold_constant
from ..instruction import Memory, Register
from ..isa import Encoding
from .encoder import MismatchError, Request
from .operands import Element, OperandError, RegisterList
from .registers import ARRANGEMENTS, register_info

SIZE = {"b": 0, "h": 1, "s": 2, "d": 3}
Q = {"8b": 0, "16b": 1, "4h": 0, "8h": 1, "2s": 0, "4s": 1, "1d": 0, "2d": 1}

# Three registers of the same arrangement: U, opcode (bits 15:11); logical
# ones fix size too: (U, size, opcode).
THREE_SAME = {"add": (0, 0x10), "sub": (1, 0x10), "mul": (0, 0x13), "cmeq": (1, 0x11),
              "cmgt": (0, 0x06), "cmhi": (1, 0x06), "cmge": (0, 0x07), "cmhs": (1, 0x07),
              "smax": (0, 0x0C), "umax": (1, 0x0C), "smin": (0, 0x0D), "umin": (1, 0x0D),
              "addp": (0, 0x17), "cmtst": (0, 0x11), "mla": (0, 0x12), "mls": (1, 0x12),
              "sshl": (0, 0x08), "ushl": (1, 0x08)}
_NO_DOUBLEWORD = frozenset(("mul", "mla", "mls", "smax", "smin", "umax", "umin"))
THREE_SAME_LOGICAL = {"and": (0, 0), "bic": (0, 1), "orr": (0, 2), "orn": (0, 3),
                      "eor": (1, 0), "bsl": (1, 1), "bit": (1, 2), "bif": (1, 3)}
# Shift by immediate: (U, opcode, left).
SHIFT_IMM = {"sshr": (0, 0x00, False), "ushr": (1, 0x00, False), "shl": (0, 0x0A, True),
             "ssra": (0, 0x02, False), "usra": (1, 0x02, False)}
# Across lanes: (U, opcode, long result).
ACROSS = {"addv": (0, 0x1B, False), "uaddlv": (1, 0x03, True), "saddlv": (0, 0x03, True),
          "umaxv": (1, 0x0A, False), "smaxv": (0, 0x0A, False), "uminv": (1, 0x1A, False),
          "sminv": (0, 0x1A, False)}
# Three registers, wide second operand: (U, opcode).
THREE_DIFFERENT = {"saddw": (0, 1), "uaddw": (1, 1), "ssubw": (0, 3), "usubw": (1, 3),
                   "saddl": (0, 0), "uaddl": (1, 0), "smull": (0, 12), "umull": (1, 12),
                   "sabal": (0, 5), "uabal": (1, 5), "sabdl": (0, 7), "uabdl": (1, 7),
                   "smlal": (0, 8), "umlal": (1, 8), "smlsl": (0, 10), "umlsl": (1, 10),
                   "ssubl": (0, 2), "usubl": (1, 2)}
# Permutes: 0 Q 0 01110 size 0 Rm 0 opc 10 Rn Rd.
PERMUTE = {"uzp1": 1, "trn1": 2, "zip1": 3, "uzp2": 5, "trn2": 6, "zip2": 7}
# Two-register miscellaneous: (U, opcode), same arrangement in and out unless noted.
TWO_MISC = {"cmgt": (0, 0x08), "cmeq": (0, 0x09), "cmlt": (0, 0x0A), "cmge": (1, 0x08),
            "cmle": (1, 0x09), "abs": (0, 0x0B), "neg": (1, 0x0B), "rev64": (0, 0x00),
            "not": (1, 0x05), "mvn": (1, 0x05)}
# Pairwise long: Vd has elements twice as wide, half as many.
PAIRWISE_LONG = {"saddlp": (0, 0x02), "uaddlp": (1, 0x02), "sadalp": (0, 0x06),
                 "uadalp": (1, 0x06)}


def _imm5(size: int, index: int) -> int:
    return ((index << 1) | 1) << size


def _vreg(r: Request, i: int):
    info = r.vec(i)
    return info.number, info.arrangement


def _element(r: Request, i: int) -> tuple[int, str, int]:
    op = r.ops[i] if i < len(r.ops) else None
    if not isinstance(op, Element):
        raise OperandError(f"operand {i + 1} must be a SIMD vector element", None)
    info = register_info(op.register)
    if info is None or info.element is None:
        raise OperandError(f"operand {i + 1} must be a SIMD vector element", None)
    limit = 16 >> SIZE.get(info.element, 0)
    if not 0 <= op.index < limit:
        raise OperandError(f"register element index out of range 0 to {limit - 1}", i)
    return info.number, info.element, op.index


# Floating-point three same (vector): (U, a, opcode); sz from the arrangement.
FP_THREE_SAME = {"fadd": (0, 0, 0x1A), "fsub": (0, 1, 0x1A), "fmul": (1, 0, 0x1B),
                 "fdiv": (1, 0, 0x1F), "fmax": (0, 0, 0x1E), "fmin": (0, 1, 0x1E),
                 "fmaxnm": (0, 0, 0x18), "fminnm": (0, 1, 0x18), "fmla": (0, 0, 0x19),
                 "fmls": (0, 1, 0x19), "fcmeq": (0, 0, 0x1C), "fcmge": (1, 0, 0x1C),
                 "fcmgt": (1, 1, 0x1C), "faddp": (1, 0, 0x1A), "fabd": (1, 1, 0x1A)}
# Floating-point two-register miscellaneous (vector): (U, a, opcode).
FP_TWO_MISC = {"fabs": (0, 1, 0x0F), "fneg": (1, 1, 0x0F), "fsqrt": (1, 1, 0x1F),
               "scvtf": (0, 0, 0x1D), "ucvtf": (1, 0, 0x1D), "fcvtzs": (0, 1, 0x1B),
               "fcvtzu": (1, 1, 0x1B), "frintn": (0, 0, 0x18), "frintm": (0, 0, 0x19),
               "frintp": (0, 1, 0x18), "frintz": (0, 1, 0x19), "frinta": (1, 0, 0x18),
               "frintx": (1, 0, 0x19), "frinti": (1, 1, 0x19)}
_FP_ARRANGEMENTS = {"2s": 0, "4s": 0, "2d": 1}


def fp_three_same(r: Request) -> Encoding:
    r.count(3)
    (rd, t), (rn, tn), (rm, tm) = _vreg(r, 0), _vreg(r, 1), _vreg(r, 2)
    if not t == tn == tm or t not in _FP_ARRANGEMENTS:
        raise MismatchError()
    u, a, opcode = FP_THREE_SAME[r.mnemonic]
    return r.done(0x0E200400 | (Q[t] << 30) | (u << 29) | (a << 23)
                  | (_FP_ARRANGEMENTS[t] << 22) | (rm << 16) | (opcode << 11) | (rn << 5) | rd)


def fp_two_misc(r: Request) -> Encoding:
    r.count(2)
    (rd, t), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
    if t != tn or t not in _FP_ARRANGEMENTS:
        raise MismatchError()
    u, a, opcode = FP_TWO_MISC[r.mnemonic]
    return r.done(0x0E200800 | (Q[t] << 30) | (u << 29) | (a << 23)
                  | (_FP_ARRANGEMENTS[t] << 22) | (opcode << 12) | (rn << 5) | rd)


def scalar_add_sub(r: Request) -> Encoding:
    """add/sub Dd, Dn, Dm (Advanced SIMD scalar three same, 64-bit only)."""
    r.count(3)
    rd, rn, rm = (r.fp(i, "d")[0] for i in range(3))
    word = 0x5EE08400 if r.mnemonic == "add" else 0x7EE08400
    return r.done(word | (rm << 16) | (rn << 5) | rd)


def three_same(r: Request) -> Encoding:
    r.count(3)
    info = r.info(0)
    if info is not None and info.kind == "d" and r.mnemonic in ("add", "sub"):
        return scalar_add_sub(r)
    (rd, t), (rn, tn), (rm, tm) = _vreg(r, 0), _vreg(r, 1), _vreg(r, 2)
    if not t == tn == tm:
        raise MismatchError()
    name = r.mnemonic
    if name in THREE_SAME_LOGICAL:
        if t not in ("8b", "16b"):
            raise MismatchError()
        u, size = THREE_SAME_LOGICAL[name]
        opcode = 0x03
    else:
        u, opcode = THREE_SAME[name]
        size = SIZE[ARRANGEMENTS[t][0]]
        if size == 3 and name in _NO_DOUBLEWORD:
            raise MismatchError()
    return r.done(0x0E200400 | (Q[t] << 30) | (u << 29) | (size << 22) | (rm << 16)
                  | (opcode << 11) | (rn << 5) | rd)


def shift_immediate(r: Request) -> Encoding:
    r.count(3)
    u, opcode, left = SHIFT_IMM[r.mnemonic]
    info = r.info(0)
    if info is not None and info.kind == "d":
        # Scalar form (Advanced SIMD scalar shift by immediate): 64-bit only.
        (rd, rn), word, esize = (r.fp(0, "d")[0], r.fp(1, "d")[0]), 0x5F000400, 64
    else:
        (rd, t), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
        if t != tn:
            raise MismatchError()
        word, esize = 0x0F000400 | (Q[t] << 30), 8 << SIZE[ARRANGEMENTS[t][0]]
    amount = r.ranged(2, 0, esize - 1) if left else r.ranged(2, 1, esize)
    immhb = esize + amount if left else 2 * esize - amount
    return r.done(word | (u << 29) | (immhb << 16) | (opcode << 11) | (rn << 5) | rd)


def across(r: Request) -> Encoding:
    r.count(2)
    rd, kind = r.fp(0, "bhsd")
    rn, t = _vreg(r, 1)
    u, opcode, long = ACROSS[r.mnemonic]
    size = SIZE[ARRANGEMENTS[t][0]]
    if SIZE[kind] != size + int(long):
        raise MismatchError()
    return r.done(0x0E300800 | (Q[t] << 30) | (u << 29) | (size << 22) | (opcode << 12)
                  | (rn << 5) | rd)


def three_different(r: Request) -> Encoding:
    r.count(3)
    name = r.mnemonic
    second = name.endswith("2")
    u, opcode = THREE_DIFFERENT[name.rstrip("2")]
    (rd, td), (rn, tn), (rm, tm) = _vreg(r, 0), _vreg(r, 1), _vreg(r, 2)
    narrow = tm
    size = SIZE[ARRANGEMENTS[narrow][0]]
    wide = {0: "8h", 1: "4s", 2: "2d"}.get(size)
    wide_operand = opcode in (1, 3)          # saddw...: Vn is wide too
    if Q[narrow] != int(second) or td != wide or (tn != wide if wide_operand else tn != tm):
        raise MismatchError()
    return r.done(0x0E200000 | (int(second) << 30) | (u << 29) | (size << 22) | (rm << 16)
                  | (opcode << 12) | (rn << 5) | rd)


def permute(r: Request) -> Encoding:
    r.count(3)
    (rd, t), (rn, tn), (rm, tm) = _vreg(r, 0), _vreg(r, 1), _vreg(r, 2)
    if not t == tn == tm or t == "1d":
        raise MismatchError()
    size = SIZE[ARRANGEMENTS[t][0]]
    return r.done(0x0E000800 | (Q[t] << 30) | (size << 22) | (rm << 16)
                  | (PERMUTE[r.mnemonic] << 12) | (rn << 5) | rd)


def two_misc(r: Request) -> Encoding:
    """cmeq/cmge/cmgt/cmle/cmlt Vd, Vn, #0; abs, neg, rev64, not/mvn Vd, Vn."""
    name = r.mnemonic
    compare = name.startswith("cm")
    if compare and len(r.ops) == 3 and isinstance(r.ops[2], Register) and name in THREE_SAME:
        return three_same(r)
    r.count(3 if compare else 2)
    (rd, t), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
    if t != tn:
        raise MismatchError()
    if compare and r.const(2) != 0:
        raise OperandError("immediate zero expected", 2)
    u, opcode = TWO_MISC[name]
    size = 0 if name in ("not", "mvn") else SIZE[ARRANGEMENTS[t][0]]
    return r.done(0x0E200800 | (Q[t] << 30) | (u << 29) | (size << 22) | (opcode << 12)
                  | (rn << 5) | rd)


def pairwise_long(r: Request) -> Encoding:
    r.count(2)
    (rd, td), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
    u, opcode = PAIRWISE_LONG[r.mnemonic]
    size = SIZE[ARRANGEMENTS[tn][0]]
    if Q[td] != Q[tn] or SIZE[ARRANGEMENTS[td][0]] != size + 1:
        raise MismatchError()
    return r.done(0x0E200800 | (Q[tn] << 30) | (u << 29) | (size << 22) | (opcode << 12)
                  | (rn << 5) | rd)


def extend_long(r: Request) -> Encoding:
    """sxtl/uxtl{2} Vd, Vn (sshll/ushll #0) and sshll/ushll{2} Vd, Vn, #shift."""
    name = r.mnemonic
    second = name.endswith("2")
    base = name.rstrip("2")
    r.count(2 if base in ("sxtl", "uxtl") else 3)
    (rd, td), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
    esize = 8 << SIZE[ARRANGEMENTS[tn][0]]
    if Q[tn] != int(second) or SIZE[ARRANGEMENTS[td][0]] != SIZE[ARRANGEMENTS[tn][0]] + 1:
        raise MismatchError()
    shift = 0 if base in ("sxtl", "uxtl") else r.ranged(2, 0, esize - 1)
    u = int(base[0] == "u")
    return r.done(0x0F00A400 | (int(second) << 30) | (u << 29) | ((esize + shift) << 16)
                  | (rn << 5) | rd)


def narrow(r: Request) -> Encoding:
    """xtn{2} Vd, Vn; shrn/rshrn{2} Vd, Vn, #shift (Vd elements half as wide)."""
    name = r.mnemonic
    second = name.endswith("2")
    base = name.rstrip("2")
    (rd, td), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
    size = SIZE[ARRANGEMENTS[td][0]]
    if Q[td] != int(second) or SIZE[ARRANGEMENTS[tn][0]] != size + 1:
        raise MismatchError()
    if base == "xtn":
        r.count(2)
        return r.done(0x0E212800 | (int(second) << 30) | (size << 22) | (rn << 5) | rd)
    r.count(3)
    esize = 8 << size
    shift = r.ranged(2, 1, esize)
    opcode = 0x11 if base == "rshrn" else 0x10
    return r.done(0x0F000400 | (int(second) << 30) | ((2 * esize - shift) << 16)
                  | (opcode << 11) | (rn << 5) | rd)


def cnt(r: Request) -> Encoding:
    r.count(2)
    (rd, t), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
    if t != tn or t not in ("8b", "16b"):
        raise MismatchError()
    return r.done(0x0E205800 | (Q[t] << 30) | (rn << 5) | rd)


def dup(r: Request) -> Encoding:
    r.count(2)
    info = r.info(0)
    if info is not None and info.kind in "bhsd":
        return mov_vector(r)           # DUP (element), scalar: the MOV alias
    rd, t = _vreg(r, 0)
    size = SIZE[ARRANGEMENTS[t][0]]
    if isinstance(r.ops[1], Element):
        rn, kind, index = _element(r, 1)
        if SIZE[kind] != size:
            raise MismatchError()
        return r.done(0x0E000400 | (Q[t] << 30) | (_imm5(size, index) << 16) | (rn << 5) | rd)
    rn, sf = r.gp(1)
    if sf != (size == 3):
        raise MismatchError()
    return r.done(0x0E000C00 | (Q[t] << 30) | (_imm5(size, 0) << 16) | (rn << 5) | rd)


def ins(r: Request) -> Encoding:
    r.count(2)
    rd, kind, index = _element(r, 0)
    size = SIZE[kind]
    if isinstance(r.ops[1], Element):
        rn, kind_n, index_n = _element(r, 1)
        if kind_n != kind:
            raise MismatchError()
        return r.done(0x6E000400 | (_imm5(size, index) << 16) | ((index_n << size) << 11)
                      | (rn << 5) | rd)
    rn, sf = r.gp(1)
    if sf != (size == 3):
        raise MismatchError()
    return r.done(0x4E001C00 | (_imm5(size, index) << 16) | (rn << 5) | rd)


def move_to_general(r: Request) -> Encoding:
    """umov/smov Rd, Vn.T[i]."""
    r.count(2)
    rd, sf = r.gp(0)
    rn, kind, index = _element(r, 1)
    size = SIZE[kind]
    if r.mnemonic == "umov":
        if sf != (size == 3):
            raise MismatchError()
        return r.done(0x0E003C00 | (sf << 30) | (_imm5(size, index) << 16) | (rn << 5) | rd)
    if size == 3 or (size == 2 and not sf):
        raise MismatchError()
    return r.done(0x0E002C00 | (sf << 30) | (_imm5(size, index) << 16) | (rn << 5) | rd)


def mov_vector(r: Request) -> Encoding:
    """MOV with a SIMD operand: ORR (vector), INS, UMOV or DUP (scalar)."""
    dst = r.ops[0]
    if isinstance(dst, Element):
        return ins(r)
    if isinstance(r.ops[1], Element):
        info = r.info(0)
        if info is not None and info.kind in "xw":
            return move_to_general(_renamed(r, "umov"))
        rd, kind = r.fp(0, "bhsd")
        rn, kind_n, index = _element(r, 1)
        if kind != kind_n:
            raise MismatchError()
        return r.done(0x5E000400 | (_imm5(SIZE[kind], index) << 16) | (rn << 5) | rd)
    (rd, t), (rn, tn) = _vreg(r, 0), _vreg(r, 1)
    if t != tn or t not in ("8b", "16b"):
        raise MismatchError()
    return r.done(0x0EA01C00 | (Q[t] << 30) | (rn << 16) | (rn << 5) | rd)


def _renamed(r: Request, mnemonic: str) -> Request:
    from ..instruction import Instruction
    return Request(Instruction(mnemonic, r.ops, r.insn.location))


def movi(r: Request) -> Encoding:
    r.count(2, 3)
    info = r.info(0)
    value = r.const(1)
    shift = r.shift(2)
    if info is not None and info.kind == "d":
        return r.done(0x2F00E400 | _abc_defgh(_byte_mask(r, value)) | info.number)
    rd, t = _vreg(r, 0)
    q = Q[t]
    esize = ARRANGEMENTS[t][0]
    if esize == "d":
        if t != "2d":
            raise MismatchError()
        return r.done(0x6F00E400 | _abc_defgh(_byte_mask(r, value)) | rd)
    inverted = r.mnemonic == "mvni"
    if value >= 1 << 63:
        value -= 1 << 64              # GNU as reads the immediate as a 64-bit number
    if -128 <= value < 0:
        value &= 0xFF
    if not 0 <= value <= 0xFF:
        raise OperandError("immediate value out of range 0 to 255", 1)
    amount = shift.amount if shift is not None else 0
    if esize == "b":
        if inverted or amount:
            raise OperandError("shift amount must be 0", 1)
        cmode = 0xE
    elif shift is not None and shift.op == "msl":
        if esize != "s" or amount not in (8, 16):
            raise OperandError("invalid shift amount", 2)
        cmode = 0xC | (amount // 16)
    elif esize == "h":
        if amount not in (0, 8):
            raise OperandError("invalid shift amount", 2)
        cmode = 0x8 | (amount // 4)
    else:
        if amount not in (0, 8, 16, 24):
            raise OperandError("invalid shift amount", 2)
        cmode = amount // 4
    return r.done(0x0F000400 | (q << 30) | (int(inverted) << 29) | _abc_defgh(value)
                  | (cmode << 12) | rd)


def _byte_mask(r: Request, value: int) -> int:
    """The 8-bit form of a 64-bit immediate whose bytes are each 0x00 or 0xff."""
    value &= (1 << 64) - 1
    bits = 0
    for k in range(8):
        byte = (value >> (8 * k)) & 0xFF
        if byte not in (0, 0xFF):
            raise OperandError("invalid immediate", 1)
        bits |= int(byte == 0xFF) << k
    return bits


def _abc_defgh(imm8: int) -> int:
    return ((imm8 >> 5) << 16) | ((imm8 & 0x1F) << 5)


def fmov_vector(r: Request) -> Encoding:
    """fmov Vd.T, #imm (the vector form of the 8-bit FP immediate)."""
    from .immediates import encode_fp_imm8
    rd, t = _vreg(r, 0)
    value = r.float_imm(1)
    imm8 = None if value is None else encode_fp_imm8(value)
    if imm8 is None:
        raise OperandError("invalid floating-point constant", 1)
    if t in ("2s", "4s"):
        return r.done(0x0F00F400 | (Q[t] << 30) | _abc_defgh(imm8) | rd)
    if t == "2d":
        return r.done(0x6F00F400 | _abc_defgh(imm8) | rd)
    if t in ("4h", "8h"):
        return r.done(0x0F00FC00 | (Q[t] << 30) | _abc_defgh(imm8) | rd)
    raise MismatchError()


# Advanced SIMD scalar two-register conversions (integer in a SIMD register).
SCALAR_CONVERT = {"scvtf": 0x5E21D800, "ucvtf": 0x7E21D800, "fcvtzs": 0x5EA1B800,
                  "fcvtzu": 0x7EA1B800, "fcvtns": 0x5E21A800, "fcvtnu": 0x7E21A800,
                  "fcvtms": 0x5E21B800, "fcvtmu": 0x7E21B800, "fcvtps": 0x5EA1A800,
                  "fcvtpu": 0x7EA1A800, "fcvtas": 0x5E21C800, "fcvtau": 0x7E21C800}


def scalar_convert(r: Request) -> Encoding:
    """scvtf/ucvtf/fcvt*s/fcvt*u Sd, Sn and Dd, Dn."""
    rd, kind = r.fp(0, "sd")
    rn, kind_n = r.fp(1, "sd")
    if kind != kind_n:
        raise MismatchError()
    return r.done(SCALAR_CONVERT[r.mnemonic] | (int(kind == "d") << 22) | (rn << 5) | rd)


# LD1/ST1 (multiple structures): 0 Q 0011000 L 000000 opcode size Rn Rt, and
# the post-indexed form 0 Q 0011001 L 0 Rm opcode size Rn Rt.
LIST_OPCODE = {1: 0x7, 2: 0xA, 3: 0x6, 4: 0x2}
# LD2/ST2... take exactly as many registers as their number: opcode by count.
STRUCTURE_OPCODE = {2: 0x8, 3: 0x4, 4: 0x0}


def load_store_multiple(r: Request) -> Encoding:
    r.count(2)
    regs = r.ops[0]
    if isinstance(regs, RegisterList) and regs.index is not None and r.mnemonic[2] == "1":
        return load_store_lane(r)
    if not isinstance(regs, RegisterList) or regs.index is not None:
        raise OperandError("invalid register list", 0)
    infos = [register_info(name) for name in regs.registers]
    shapes = {i.arrangement for i in infos if i is not None}
    if len(shapes) != 1 or None in shapes:
        raise OperandError("invalid register list", 0)
    t = shapes.pop()
    numbers = [i.number for i in infos]  # type: ignore[union-attr]
    if any((b - a) % 32 != 1 for a, b in zip(numbers, numbers[1:])):
        raise OperandError("invalid register list", 0)
    structure = int(r.mnemonic[2])
    if structure > 1 and (len(numbers) != structure or t == "1d"):
        raise OperandError("invalid register list", 0)
    m = r.memory(1)
    if not isinstance(m, Memory) or m.base is None:
        raise OperandError("invalid addressing mode", 1)
    base = register_info(m.base.name)
    if base is None or base.kind != "x":
        raise OperandError("invalid addressing mode", 1)
    load = int(r.mnemonic.startswith("ld"))
    opcode = STRUCTURE_OPCODE[structure] if structure > 1 else LIST_OPCODE[len(numbers)]
    word = 0x0C000000 | (Q[t] << 30) | (load << 22) | (opcode << 12) \
        | (SIZE[ARRANGEMENTS[t][0]] << 10) | (base.number << 5) | numbers[0]
    if m.writeback == "post":
        if m.index is not None:
            index = register_info(m.index.name)
            if index is None or index.kind != "x" or index.sp:
                raise OperandError("invalid addressing mode", 1)
            rm = index.number
        else:
            total = len(numbers) * (16 if Q[t] else 8)
            if m.displacement is None or fold_constant(m.displacement) != total:
                raise OperandError("invalid post-increment amount", 1)
            rm = 31
        word |= (1 << 23) | (rm << 16)
    elif m.writeback is not None or m.displacement is not None or m.index is not None:
        raise OperandError("invalid addressing mode", 1)
    return r.done(word)


# LD1/ST1 (single structure): 0 Q 0011010 L 0 00000 opcode S size Rn Rt and
# post-indexed 0 Q 0011011 L 0 Rm ...; the lane index is spread over Q:S:size.
def load_store_lane(r: Request) -> Encoding:
    regs = r.ops[0]
    info = register_info(regs.registers[0]) if len(regs.registers) == 1 else None
    if info is None or info.element is None or regs.index is None:
        raise OperandError("invalid register list", 0)
    kind, index = info.element, regs.index
    limit = 16 >> SIZE[kind]
    if not 0 <= index < limit:
        raise OperandError(f"register element index out of range 0 to {limit - 1}", 0)
    if kind == "b":
        q, s, size, opcode = index >> 3, (index >> 2) & 1, index & 3, 0
    elif kind == "h":
        q, s, size, opcode = index >> 2, (index >> 1) & 1, (index & 1) << 1, 2
    elif kind == "s":
        q, s, size, opcode = index >> 1, index & 1, 0, 4
    else:
        q, s, size, opcode = index, 0, 1, 4
    m = r.memory(1)
    base = register_info(m.base.name) if m.base is not None else None
    if base is None or base.kind != "x":
        raise OperandError("invalid addressing mode", 1)
    load = int(r.mnemonic.startswith("ld"))
    word = 0x0D000000 | (q << 30) | (load << 22) | (opcode << 13) | (s << 12) | (size << 10) \
        | (base.number << 5) | info.number
    if m.writeback == "post":
        if m.index is not None:
            rm = register_info(m.index.name).number  # type: ignore[union-attr]
        elif m.displacement is None or fold_constant(m.displacement) != 1 << SIZE[kind]:
            raise OperandError("invalid post-increment amount", 1)
        else:
            rm = 31
        word |= (1 << 23) | (rm << 16)
    elif m.writeback is not None or m.displacement is not None or m.index is not None:
        raise OperandError("invalid addressing mode", 1)
    return r.done(word)


def load_replicate(r: Request) -> Encoding:
    """ld1r {Vt.T}, [Xn]: one element loaded into every lane."""
    r.count(2)
    regs = r.ops[0]
    if not isinstance(regs, RegisterList) or len(regs.registers) != 1:
        raise OperandError("invalid register list", 0)
    info = register_info(regs.registers[0])
    if info is None or info.arrangement is None:
        raise OperandError("invalid register list", 0)
    m = r.memory(1)
    base = register_info(m.base.name) if m.base is not None else None
    if base is None or base.kind != "x" or m.index is not None or m.displacement is not None:
        raise OperandError("invalid addressing mode", 1)
    t = info.arrangement
    return r.done(0x0D40C000 | (Q[t] << 30) | (SIZE[ARRANGEMENTS[t][0]] << 10)
                  | (base.number << 5) | info.number)


ENCODERS = {
    **{m: three_same for m in list(THREE_SAME) + list(THREE_SAME_LOGICAL)},
    **{m: shift_immediate for m in SHIFT_IMM},
    **{m: across for m in ACROSS},
    **{m: three_different for m in list(THREE_DIFFERENT) + [k + "2" for k in THREE_DIFFERENT]},
    "cnt": cnt, "dup": dup, "ins": ins, "umov": move_to_general, "smov": move_to_general,
    "movi": movi, "mvni": movi,
    **{m: load_store_multiple for m in ("ld1", "st1", "ld2", "st2", "ld3", "st3", "ld4", "st4")},
    "ld1r": load_replicate,
    **{m: fp_three_same for m in FP_THREE_SAME},
    **{m: fp_two_misc for m in FP_TWO_MISC},
    **{m: permute for m in PERMUTE},
    **{m: two_misc for m in TWO_MISC},
    **{m: pairwise_long for m in PAIRWISE_LONG},
    **{m: extend_long for m in ("sxtl", "sxtl2", "uxtl", "uxtl2", "sshll", "sshll2",
                                "ushll", "ushll2")},
    **{m: narrow for m in ("xtn", "xtn2", "shrn", "shrn2", "rshrn", "rshrn2")},
}

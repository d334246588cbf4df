"""A64 integer data processing: Arm ARM C4.1.92 "Data Processing --
Immediate" and C4.1.95 "Data Processing -- Register", with their aliases.

Each table maps a mnemonic to the fixed bits of its encoding (sf=0); the
encoder functions below fill Rd/Rn/Rm, sf and the immediates.  Aliases
(``mov``, ``cmp``, ``lsl``, ``cset``, ``mul``...) are rewritten to their
base instruction as the Arm ARM's alias conditions describe, and as GNU as
chooses between several possible encodings (``mov x0, #imm``: MOVZ, then
MOVN, then ORR with a bitmask).
"""

from __future__ import annotations

from ..expr import Expr
from ..instruction import Immediate, Register
from ..isa import Encoding
from .encoder import MismatchError, Request
from .immediates import encode_bitmask, move_wide
from .operands import CONDITION_ALIASES, CONDITIONS, OperandError
from .relocs import ADD, ADR, ADRP, MOVW, movw_group, specifier_reloc
from ..symbols import specifier_of

# ---- Add/subtract: sf op S ... ---------------------------------------------
ADD_SUB_IMM = {"add": 0x11000000, "adds": 0x31000000, "sub": 0x51000000, "subs": 0x71000000}
ADD_SUB_SHIFTED = {"add": 0x0B000000, "adds": 0x2B000000, "sub": 0x4B000000, "subs": 0x6B000000}
ADD_SUB_EXTENDED = {"add": 0x0B200000, "adds": 0x2B200000, "sub": 0x4B200000, "subs": 0x6B200000}
SHIFT_TYPES = {"lsl": 0, "lsr": 1, "asr": 2, "ror": 3}
EXTEND_OPTIONS = {"uxtb": 0, "uxth": 1, "uxtw": 2, "uxtx": 3, "sxtb": 4, "sxth": 5,
                  "sxtw": 6, "sxtx": 7}

# ---- Logical: sf opc ... (N=1 for the inverted forms) ------------------------
LOGICAL_IMM = {"and": 0x12000000, "orr": 0x32000000, "eor": 0x52000000, "ands": 0x72000000}
LOGICAL_SHIFTED = {"and": 0x0A000000, "bic": 0x0A200000, "orr": 0x2A000000,
                   "orn": 0x2A200000, "eor": 0x4A000000, "eon": 0x4A200000,
                   "ands": 0x6A000000, "bics": 0x6A200000}

# ---- Move wide: sf opc 100101 hw imm16 Rd -----------------------------------
MOVE_WIDE = {"movn": 0x12800000, "movz": 0x52800000, "movk": 0x72800000}

# ---- Bitfield: sf opc 100110 N immr imms Rn Rd -------------------------------
BITFIELD = {"sbfm": 0x13000000, "bfm": 0x33000000, "ubfm": 0x53000000}
EXTR = 0x13800000

# ---- Conditional select / compare ------------------------------------------
COND_SELECT = {"csel": 0x1A800000, "csinc": 0x1A800400, "csinv": 0x5A800000,
               "csneg": 0x5A800400}
COND_COMPARE = {"ccmn": 0x3A400000, "ccmp": 0x7A400000}

# ---- Data processing (3 source): sf 00 11011 op31 Rm o0 Ra Rn Rd -------------
THREE_SOURCE = {"madd": (0x1B000000, "same"), "msub": (0x1B008000, "same"),
                "smaddl": (0x9B200000, "long"), "smsubl": (0x9B208000, "long"),
                "umaddl": (0x9BA00000, "long"), "umsubl": (0x9BA08000, "long"),
                "smulh": (0x9B400000, "high"), "umulh": (0x9BC00000, "high")}
MULTIPLY_ALIASES = {"mul": "madd", "mneg": "msub", "smull": "smaddl", "smnegl": "smsubl",
                    "umull": "umaddl", "umnegl": "umsubl"}

# ---- Data processing (2 source): sf 0 0 11010110 Rm opcode Rn Rd -------------
TWO_SOURCE = {"udiv": 0x1AC00800, "sdiv": 0x1AC00C00, "lslv": 0x1AC02000,
              "lsrv": 0x1AC02400, "asrv": 0x1AC02800, "rorv": 0x1AC02C00}

# ---- Data processing (1 source): sf 1 0 11010110 00000 opcode Rn Rd ----------
ONE_SOURCE = {"rbit": 0x5AC00000, "rev16": 0x5AC00400, "rev": 0x5AC00800,
              "clz": 0x5AC01000, "cls": 0x5AC01400, "rev32": 0xDAC00800,
              "rev64": 0xDAC00C00}

PC_REL = {"adr": 0x10000000, "adrp": 0x90000000}

# ---- Add/subtract (with carry): sf op S 11010000 Rm 000000 Rn Rd --------------
WITH_CARRY = {"adc": 0x1A000000, "adcs": 0x3A000000, "sbc": 0x5A000000, "sbcs": 0x7A000000}

# ---- CRC32 (data processing, 2 source): sf 0 0 11010110 Rm 010 C sz Rn Rd ------
CRC32 = {f"crc32{c}{s}": 0x1AC04000 | (ci << 12) | (si << 10)
         for ci, c in enumerate(("", "c")) for si, s in enumerate("bhwx")}


def condition(name: str | None) -> int | None:
    if name is None:
        return None
    name = CONDITION_ALIASES.get(name, name)
    return CONDITIONS.index(name) if name in CONDITIONS else None


def _cond(r: Request, i: int, invertible: bool = False) -> int:
    code = condition(r.keyword(i))
    if code is not None and invertible and code >= 14:
        raise OperandError(f"operand {i + 1} must be one of the standard conditions, "
                           "excluding AL and NV.", None)
    if code is None:
        raise OperandError("invalid condition", i)
    return code


def _sf(word: int, sf: int) -> int:
    return word | (sf << 31)


def _same_width(r: Request, regs: list[int]) -> int:
    """sf of general-register operands that must all be W or all X."""
    kinds = {r.info(i).kind for i in regs}  # type: ignore[union-attr]
    if len(kinds) != 1:
        raise MismatchError()
    return int(kinds.pop() == "x")


# ---- add/sub ------------------------------------------------------------------

def add_sub(r: Request, name: str | None = None) -> Encoding:
    name = name or r.mnemonic
    r.count(3, 4)
    setflags = name.endswith("s")
    third = r.ops[2]
    if isinstance(third, Register):
        return _add_sub_register(r, name, setflags)
    rd, sf = r.gp(0, sp=not setflags, zr=setflags)
    rn, sf_n = r.gp(1, sp=True, zr=False)
    if sf != sf_n:
        raise MismatchError()
    word = _sf(ADD_SUB_IMM[name], sf) | (rn << 5) | rd
    value = r.const_or_expr(2)
    shift = r.shift(3)
    if shift is not None:
        if shift.op != "lsl":
            raise OperandError("shift operator expected", 3)
        if shift.amount not in (0, 12):
            raise OperandError("shift amount must be 0 or 12", 3)
    if isinstance(value, Expr):
        spec = specifier_of(value)
        reloc = specifier_reloc(spec, ADD) if spec else None
        if reloc is None:
            raise OperandError("immediate out of range", 2)
        if reloc == "R_AARCH64_TLSLE_ADD_TPREL_HI12":
            word |= 1 << 22             # GNU as sets lsl #12 for :tprel_hi12: only
        r.fixup(value, reloc)
        return r.done(word)
    if shift is not None and shift.amount == 12:
        if not 0 <= value <= 0xFFF:
            raise OperandError("immediate out of range", bare=True)
        return r.done(word | (1 << 22) | (value << 10))
    if value < 0 and shift is None and -value <= 0xFFFFFF:
        # GNU as: a negative immediate becomes the opposite operation.
        flip = {"add": "sub", "sub": "add", "adds": "subs", "subs": "adds"}[name]
        word = _sf(ADD_SUB_IMM[flip], sf) | (rn << 5) | rd
        value = -value
    if 0 <= value <= 0xFFF:
        return r.done(word | (value << 10))
    if value & 0xFFF == 0 and 0 <= value <= 0xFFF000:
        return r.done(word | (1 << 22) | ((value >> 12) << 10))
    raise OperandError("immediate out of range", bare=True)


def _add_sub_register(r: Request, name: str, setflags: bool) -> Encoding:
    r.gp(0, sp=not setflags, zr=True)
    r.gp(1, sp=True, zr=True)
    shift = r.shift(3)
    uses_sp = any((info := r.info(i)) is not None and info.sp for i in (0, 1))
    if (shift is not None and shift.op in EXTEND_OPTIONS) or (uses_sp and shift is None) or \
            (uses_sp and shift is not None and shift.op == "lsl") or \
            (r.info(2) and r.info(0) and r.info(0).kind == "x" and r.info(2).kind == "w"):
        rd, sf = r.gp(0, sp=not setflags, zr=setflags)
        rn, sf_n = r.gp(1, sp=True, zr=False)
        rm, sf_m = r.gp(2)
        if sf != sf_n:
            raise MismatchError()
        if shift is None:
            if sf and not sf_m:
                raise OperandError("missing extend operator", 2)
            option = 3 if sf else 2
            amount = 0
        else:
            if shift.op == "lsl":
                option = 3 if sf else 2
            else:
                option = EXTEND_OPTIONS[shift.op]
            amount = shift.amount or 0
            if amount > 4:
                raise OperandError("shift amount out of range 0 to 4", 3)
            wants_x = option & 3 == 3
            if sf and bool(sf_m) != wants_x:
                raise MismatchError()
            if not sf and sf_m:
                raise MismatchError()
        word = _sf(ADD_SUB_EXTENDED[name], sf) | (rm << 16) | (option << 13) | (amount << 10)
        return r.done(word | (rn << 5) | rd)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    rm, _ = r.gp(2)
    sf = _same_width(r, [0, 1, 2])
    word = _sf(ADD_SUB_SHIFTED[name], sf) | (rm << 16) | (rn << 5) | rd
    return r.done(word | _shift_bits(r, 3, sf, allow_ror=False))


def _shift_bits(r: Request, i: int, sf: int, allow_ror: bool) -> int:
    shift = r.shift(i)
    if shift is None:
        return 0
    if shift.op not in SHIFT_TYPES or (shift.op == "ror" and not allow_ror):
        raise OperandError("shift operator expected", i)
    if shift.amount is None or not 0 <= shift.amount < (64 if sf else 32):
        raise OperandError(f"shift amount out of range 0 to {63 if sf else 31}", i)
    return (SHIFT_TYPES[shift.op] << 22) | (shift.amount << 10)


def compare(r: Request) -> Encoding:
    """cmp/cmn Rn, op2 = subs/adds zr, Rn, op2."""
    r.count(2, 3)
    zr = "xzr" if (r.info(0) and r.info(0).kind == "x") else "wzr"
    base = "subs" if r.mnemonic == "cmp" else "adds"
    return _with_ops(r, base, (Register(zr),) + r.ops)


def negate(r: Request) -> Encoding:
    """neg/negs Rd, Rm{, shift} = sub/subs Rd, zr, Rm{, shift}."""
    r.count(2, 3)
    r.gp(1)
    zr = "xzr" if r.info(0) and r.info(0).kind == "x" else "wzr"
    base = "sub" if r.mnemonic == "neg" else "subs"
    return _with_ops(r, base, (r.ops[0], Register(zr)) + r.ops[1:])


def _with_ops(r: Request, mnemonic: str, ops: tuple) -> Encoding:
    from ..instruction import Instruction
    inner = Request(Instruction(mnemonic, ops, r.insn.location))
    return ENCODERS[mnemonic](inner)


# ---- logical ---------------------------------------------------------------------

def logical(r: Request) -> Encoding:
    name = r.mnemonic
    r.count(3, 4)
    if isinstance(r.ops[2], Register):
        rd, _ = r.gp(0)
        rn, _ = r.gp(1)
        rm, _ = r.gp(2)
        sf = _same_width(r, [0, 1, 2])
        word = _sf(LOGICAL_SHIFTED[name], sf) | (rm << 16) | (rn << 5) | rd
        return r.done(word | _shift_bits(r, 3, sf, allow_ror=True))
    if name not in LOGICAL_IMM:
        if name in ("bic", "bics"):    # bic Rd, Rn, #imm = and Rd, Rn, #~imm
            value = r.const(2)
            return _with_ops(r, "and" if name == "bic" else "ands",
                             r.ops[:2] + (Immediate(_const(~value)),))
        raise OperandError("operand 3 must be an integer register", None)
    if r.has(3):
        raise OperandError("unexpected shift operator", 3)
    rd, sf = r.gp(0, sp=name != "ands", zr=name == "ands")
    rn, sf_n = r.gp(1)
    if sf != sf_n:
        raise MismatchError()
    return r.done(_logical_imm_word(r, name, sf, rd, rn, r.const(2), 2))


def _logical_imm_word(r: Request, name: str, sf: int, rd: int, rn: int, value: int, i: int) -> int:
    width = 64 if sf else 32
    if not sf and not -(1 << 31) <= value < (1 << 32):
        raise OperandError("immediate out of range", i)
    fields = encode_bitmask(value, width)
    if fields is None:
        raise OperandError("immediate out of range", i)
    n, immr, imms = fields
    return _sf(LOGICAL_IMM[name], sf) | (n << 22) | (immr << 16) | (imms << 10) | (rn << 5) | rd


def _const(value: int) -> Expr:
    from ..expr import Constant
    return Constant(value)


def test(r: Request) -> Encoding:
    """tst Rn, op2 = ands zr, Rn, op2."""
    r.count(2, 3)
    zr = "xzr" if r.info(0) and r.info(0).kind == "x" else "wzr"
    return _with_ops(r, "ands", (Register(zr),) + r.ops)


def mvn(r: Request) -> Encoding:
    """mvn Rd, Rm{, shift} = orn Rd, zr, Rm{, shift}."""
    r.count(2, 3)
    zr = "xzr" if r.info(0) and r.info(0).kind == "x" else "wzr"
    return _with_ops(r, "orn", (r.ops[0], Register(zr)) + r.ops[1:])


# ---- move -----------------------------------------------------------------------

def move_wide_insn(r: Request) -> Encoding:
    r.count(2, 3)
    rd, sf = r.gp(0)
    word = _sf(MOVE_WIDE[r.mnemonic], sf) | rd
    value = r.const_or_expr(1)
    shift = r.shift(2)
    hw = 0
    if shift is not None:
        if shift.op != "lsl":
            raise OperandError("shift operator expected", 2)
        if shift.amount % 16:
            raise OperandError("shift amount must be a multiple of 16", 2)
        if shift.amount >= (64 if sf else 32):
            raise OperandError(f"shift amount out of range 0 to {63 if sf else 16}", 2)
        hw = shift.amount // 16
    if isinstance(value, Expr):
        spec = specifier_of(value)
        reloc = specifier_reloc(spec, MOVW) if spec else None
        if reloc is None:
            raise OperandError("immediate out of range", 1)
        group = movw_group(reloc)
        if not sf and group > 1:
            raise OperandError("the specified relocation type is not allowed for 32-bit "
                               "register", 1)
        r.fixup(value, reloc)
        return r.done(word | (group << 21))
    if not 0 <= value <= 0xFFFF:
        raise OperandError("immediate out of range", bare=True)
    return r.done(word | (hw << 21) | (value << 5))


def mov(r: Request) -> Encoding:
    """The MOV aliases: register (ORR or ADD #0 with SP), wide and bitmask immediates."""
    from . import simd
    r.count(2)
    dst, src = r.info(0), r.info(1)
    if any(not isinstance(op, (Register, Immediate, Expr)) for op in r.ops):
        return simd.mov_vector(r)
    if (dst is not None and dst.kind not in "xw") or (src is not None and src.kind not in "xw"):
        return simd.mov_vector(r)
    if src is not None:
        rd, sf = r.gp(0, sp=True)
        rn, sf_n = r.gp(1, sp=True)
        if sf != sf_n:
            raise MismatchError()
        if dst.sp or src.sp:  # type: ignore[union-attr]
            return r.done(_sf(ADD_SUB_IMM["add"], sf) | (rn << 5) | rd)
        return r.done(_sf(LOGICAL_SHIFTED["orr"], sf) | (rn << 16) | (31 << 5) | rd)
    rd, sf = r.gp(0, sp=True)
    value = r.const_or_expr(1)
    if isinstance(value, Expr):
        return move_wide_insn(Request(r.insn.__class__("movz", r.ops, r.insn.location)))
    width = 64 if sf else 32
    if not sf and not -(1 << 31) <= value < (1 << 32):
        raise OperandError("immediate cannot be moved by a single instruction", bare=True)
    if not dst.sp:  # type: ignore[union-attr]
        wide = move_wide(value, width)
        if wide is not None:
            hw, imm = wide
            return r.done(_sf(MOVE_WIDE["movz"], sf) | (hw << 21) | (imm << 5) | rd)
        wide = move_wide(~value, width)
        if wide is not None:
            hw, imm = wide
            return r.done(_sf(MOVE_WIDE["movn"], sf) | (hw << 21) | (imm << 5) | rd)
    fields = encode_bitmask(value, width)
    if fields is None or (rd == 31 and not dst.sp):  # type: ignore[union-attr]
        # ORR writes SP, not ZR, as register 31: no single instruction for wzr/xzr.
        raise OperandError("immediate cannot be moved by a single instruction", bare=True)
    return r.done(_logical_imm_word(r, "orr", sf, rd, 31, value, 1))


# ---- bitfield ----------------------------------------------------------------------

def bitfield(r: Request) -> Encoding:
    r.count(4)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    sf = _same_width(r, [0, 1])
    top = 63 if sf else 31
    immr = r.ranged(2, 0, top)
    imms = r.ranged(3, 0, top)
    return _bitfield_word(r, r.mnemonic, sf, rd, rn, immr, imms)


def _bitfield_word(r: Request, name: str, sf: int, rd: int, rn: int, immr: int,
                   imms: int) -> Encoding:
    return r.done(_sf(BITFIELD[name], sf) | (sf << 22) | (immr << 16) | (imms << 10)
                  | (rn << 5) | rd)


def shift_alias(r: Request) -> Encoding:
    """lsl/lsr/asr/ror: by register (LSLV...) or immediate (UBFM/SBFM/EXTR)."""
    r.count(3)
    if isinstance(r.ops[2], Register):
        return _with_ops(r, {"lsl": "lslv", "lsr": "lsrv", "asr": "asrv",
                             "ror": "rorv"}[r.mnemonic], r.ops)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    sf = _same_width(r, [0, 1])
    size = 64 if sf else 32
    amount = r.ranged(2, 0, size - 1)
    name = r.mnemonic
    if name == "lsl":
        return _bitfield_word(r, "ubfm", sf, rd, rn, (-amount) % size, size - 1 - amount)
    if name == "lsr":
        return _bitfield_word(r, "ubfm", sf, rd, rn, amount, size - 1)
    if name == "asr":
        return _bitfield_word(r, "sbfm", sf, rd, rn, amount, size - 1)
    return r.done(_sf(EXTR, sf) | (sf << 22) | (rn << 16) | (amount << 10) | (rn << 5) | rd)


def extend_alias(r: Request) -> Encoding:
    """sxtb/sxth/sxtw/uxtb/uxth/uxtw Rd, Wn."""
    r.count(2)
    rd, sf = r.gp(0)
    rn, sf_n = r.gp(1)
    name = r.mnemonic
    if sf_n or (name == "sxtw" and not sf) or (name[0] == "u" and sf and name != "uxtw"):
        raise MismatchError()
    if name == "uxtw":
        if not sf:
            raise MismatchError()
        # GNU as writes uxtw Xd, Wn as mov Wd, Wn (which zero-extends).
        return r.done(LOGICAL_SHIFTED["orr"] | (rn << 16) | (31 << 5) | rd)
    bits = {"b": 7, "h": 15, "w": 31}[name[-1]]
    return _bitfield_word(r, "sbfm" if name[0] == "s" else "ubfm", sf, rd, rn, 0, bits)


def bitfield_alias(r: Request) -> Encoding:
    """ubfx/sbfx/bfxil (lsb, width) and ubfiz/sbfiz/bfi (lsb, width); bfc."""
    name = r.mnemonic
    if name == "bfc":
        r.count(3)
        zr = "xzr" if r.info(0) and r.info(0).kind == "x" else "wzr"
        return _with_ops(r, "bfi", (r.ops[0], Register(zr)) + r.ops[1:])
    r.count(4)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    sf = _same_width(r, [0, 1])
    size = 64 if sf else 32
    lsb = r.ranged(2, 0, size - 1)
    width = r.ranged(3, 1, size - lsb)
    base = {"ubfx": "ubfm", "sbfx": "sbfm", "bfxil": "bfm",
            "ubfiz": "ubfm", "sbfiz": "sbfm", "bfi": "bfm"}[name]
    if name in ("ubfx", "sbfx", "bfxil"):
        return _bitfield_word(r, base, sf, rd, rn, lsb, lsb + width - 1)
    return _bitfield_word(r, base, sf, rd, rn, (-lsb) % size, width - 1)


def extr(r: Request) -> Encoding:
    r.count(4)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    rm, _ = r.gp(2)
    sf = _same_width(r, [0, 1, 2])
    lsb = r.ranged(3, 0, 63 if sf else 31)
    return r.done(_sf(EXTR, sf) | (sf << 22) | (rm << 16) | (lsb << 10) | (rn << 5) | rd)


# ---- conditional ---------------------------------------------------------------------

def cond_select(r: Request) -> Encoding:
    r.count(4)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    rm, _ = r.gp(2)
    sf = _same_width(r, [0, 1, 2])
    cond = _cond(r, 3)
    return r.done(_sf(COND_SELECT[r.mnemonic], sf) | (rm << 16) | (cond << 12) | (rn << 5) | rd)


def cond_alias(r: Request) -> Encoding:
    """cset/csetm Rd, cond; cinc/cinv/cneg Rd, Rn, cond (condition inverted)."""
    name = r.mnemonic
    if name in ("cset", "csetm"):
        r.count(2)
        rd, sf = r.gp(0)
        rn = rm = 31
        cond = _cond(r, 1, invertible=True)
        base = "csinc" if name == "cset" else "csinv"
    else:
        r.count(3)
        rd, _ = r.gp(0)
        rn, _ = r.gp(1)
        sf = _same_width(r, [0, 1])
        rm = rn
        cond = _cond(r, 2, invertible=True)
        base = {"cinc": "csinc", "cinv": "csinv", "cneg": "csneg"}[name]
    cond ^= 1
    return r.done(_sf(COND_SELECT[base], sf) | (rm << 16) | (cond << 12) | (rn << 5) | rd)


def cond_compare(r: Request) -> Encoding:
    r.count(4)
    rn, sf = r.gp(0)
    nzcv = r.ranged(2, 0, 15)
    cond = _cond(r, 3)
    word = _sf(COND_COMPARE[r.mnemonic], sf) | (cond << 12) | (rn << 5) | nzcv
    if isinstance(r.ops[1], Register):
        rm, sf_m = r.gp(1)
        if sf != sf_m:
            raise MismatchError()
        return r.done(word | (rm << 16))
    imm = r.ranged(1, 0, 31)
    return r.done(word | (imm << 16) | (1 << 11))


# ---- multiply, divide, bit operations ---------------------------------------------------

def three_source(r: Request) -> Encoding:
    name = r.mnemonic
    base = MULTIPLY_ALIASES.get(name, name)
    word, shape = THREE_SOURCE[base]
    if base != name or shape == "high":
        r.count(3)
        ra = 31
    else:
        r.count(4)
        ra, _ = r.gp(3)
    rd, sf = r.gp(0)
    rn, sf_n = r.gp(1)
    rm, sf_m = r.gp(2)
    if shape == "same":
        regs = [0, 1, 2] + ([3] if r.has(3) else [])
        sf = _same_width(r, regs)
        word = _sf(word, sf)
    elif shape == "long":
        if not sf or sf_n or sf_m or (r.has(3) and not r.info(3).kind == "x"):
            raise MismatchError()
    elif not (sf and sf_n and sf_m):
        raise MismatchError()
    return r.done(word | (rm << 16) | (ra << 10) | (rn << 5) | rd)


def two_source(r: Request) -> Encoding:
    r.count(3)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    rm, _ = r.gp(2)
    sf = _same_width(r, [0, 1, 2])
    return r.done(_sf(TWO_SOURCE[r.mnemonic], sf) | (rm << 16) | (rn << 5) | rd)


def one_source(r: Request) -> Encoding:
    r.count(2)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    sf = _same_width(r, [0, 1])
    word = ONE_SOURCE[r.mnemonic]
    if r.mnemonic in ("rev32", "rev64"):
        if not sf:
            raise MismatchError()
        return r.done(word | (rn << 5) | rd)
    if r.mnemonic == "rev" and sf:
        word |= 0x400
    return r.done(_sf(word, sf) | (rn << 5) | rd)


def with_carry(r: Request) -> Encoding:
    """adc/adcs/sbc/sbcs Rd, Rn, Rm; ngc/ngcs Rd, Rm = sbc/sbcs Rd, zr, Rm."""
    name = r.mnemonic
    if name in ("ngc", "ngcs"):
        r.count(2)
        zr = "xzr" if r.info(0) and r.info(0).kind == "x" else "wzr"
        return _with_ops(r, "sbc" + name[3:], (r.ops[0], Register(zr), r.ops[1]))
    r.count(3)
    rd, _ = r.gp(0)
    rn, _ = r.gp(1)
    rm, _ = r.gp(2)
    sf = _same_width(r, [0, 1, 2])
    return r.done(_sf(WITH_CARRY[name], sf) | (rm << 16) | (rn << 5) | rd)


def crc32(r: Request) -> Encoding:
    """crc32{c}{b,h,w,x} Wd, Wn, Rm: Rm is X only for the x forms."""
    r.count(3)
    rd, sf_d = r.gp(0)
    rn, sf_n = r.gp(1)
    rm, sf_m = r.gp(2)
    wide = r.mnemonic.endswith("x")
    if sf_d or sf_n or sf_m != wide:
        raise MismatchError()
    return r.done(_sf(CRC32[r.mnemonic], int(wide)) | (rm << 16) | (rn << 5) | rd)


# ---- PC-relative addressing --------------------------------------------------------------

def pc_relative(r: Request) -> Encoding:
    r.count(2)
    rd, sf = r.gp(0)
    if not sf:
        raise MismatchError()
    target = r.expr(1)
    name = r.mnemonic
    spec = specifier_of(target)
    if spec is not None:
        reloc = specifier_reloc(spec, ADRP if name == "adrp" else ADR)
        if reloc is None:
            raise OperandError("relocation not allowed", 1)
    else:
        reloc = "R_AARCH64_ADR_PREL_PG_HI21" if name == "adrp" else "R_AARCH64_ADR_PREL_LO21"
    r.fixup(target, reloc, pcrel=True)
    return r.done(PC_REL[name] | rd)


ENCODERS = {
    **{m: add_sub for m in ADD_SUB_IMM},
    "cmp": compare, "cmn": compare, "neg": negate, "negs": negate,
    **{m: logical for m in LOGICAL_SHIFTED},
    "tst": test, "mvn": mvn, "mov": mov,
    **{m: move_wide_insn for m in MOVE_WIDE},
    **{m: bitfield for m in BITFIELD},
    "lsl": shift_alias, "lsr": shift_alias, "asr": shift_alias, "ror": shift_alias,
    **{m: extend_alias for m in ("sxtb", "sxth", "sxtw", "uxtb", "uxth", "uxtw")},
    **{m: bitfield_alias for m in ("ubfx", "sbfx", "bfxil", "ubfiz", "sbfiz", "bfi", "bfc")},
    "extr": extr,
    **{m: cond_select for m in COND_SELECT},
    **{m: cond_alias for m in ("cset", "csetm", "cinc", "cinv", "cneg")},
    **{m: cond_compare for m in COND_COMPARE},
    **{m: three_source for m in list(THREE_SOURCE) + list(MULTIPLY_ALIASES)},
    **{m: two_source for m in TWO_SOURCE},
    **{m: one_source for m in ONE_SOURCE},
    "adr": pc_relative, "adrp": pc_relative,
    **{m: with_carry for m in list(WITH_CARRY) + ["ngc", "ngcs"]},
    **{m: crc32 for m in CRC32},
}

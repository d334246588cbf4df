"""The RV64G instruction table: one row per instruction, grouped by the
chapters of the RISC-V Unprivileged ISA manual (RV32I/RV64I base, "M",
"A", "F", "D", "Zicsr", "Zifencei") plus the few privileged instructions
hand-written code uses.

A row is ``(mnemonic, operands, match, extension)``:

* ``operands`` names the fields in assembly order, comma separated:
  ``rd rs1 rs2`` integer registers (bits 11:7, 19:15, 24:20), ``fd fs1 fs2
  fs3`` floating-point ones (``fs3`` in 31:27), ``imm12`` an I-type
  immediate, ``load`` / ``store`` an ``offset(rs1)`` address with an I- or
  S-type offset, ``amo`` an ``(rs1)`` address, ``shamt6`` / ``shamt5`` a
  shift amount, ``uimm20`` the U-type immediate, ``branch`` / ``jump`` a
  B- or J-type pc-relative target, ``csr`` a CSR number or name, ``zimm5``
  the 5-bit immediate of csrr*i, ``rm`` an optional rounding mode (the
  default is already in ``match``), ``pred`` / ``succ`` fence sets, and
  ``tprel`` the ``%tprel_add`` operand of the TLS ``add``.
* ``match`` is the instruction word with every fixed bit set: opcode,
  funct3, funct7 (the manual's tables), and the defaults of optional fields.
"""

from __future__ import annotations

from dataclasses import dataclass

# Major opcodes (the manual's "RV32/64G Instruction Set Listings" map).
LOAD, LOAD_FP, MISC_MEM, OP_IMM, AUIPC, OP_IMM_32 = 0x03, 0x07, 0x0F, 0x13, 0x17, 0x1B
STORE, STORE_FP, AMO, OP, LUI, OP_32 = 0x23, 0x27, 0x2F, 0x33, 0x37, 0x3B
MADD, MSUB, NMSUB, NMADD, OP_FP = 0x43, 0x47, 0x4B, 0x4F, 0x53
BRANCH, JALR, JAL, SYSTEM = 0x63, 0x67, 0x6F, 0x73

RM_DYN = 7 << 12     # rounding mode field: dynamic (frm)


def f3(funct3: int, opcode: int) -> int:
    return funct3 << 12 | opcode


def f7(funct7: int, funct3: int, opcode: int) -> int:
    return funct7 << 25 | funct3 << 12 | opcode


@dataclass(frozen=True, slots=True)
class Op:
    mnemonic: str
    operands: tuple[str, ...]
    match: int
    extension: str


_ROWS: list[tuple[str, str, int, str]] = []


def _add(ext: str, rows: list[tuple[str, str, int]]) -> None:
    _ROWS.extend((m, ops, match, ext) for m, ops, match in rows)


# --- RV32I / RV64I base integer instructions -----------------------------------
_add("i", [
    ("lui", "rd,uimm20", LUI),
    ("auipc", "rd,uimm20", AUIPC),
    ("jal", "rd,jump", JAL),
    ("jalr", "rd,load", f3(0, JALR)),
    ("beq", "rs1,rs2,branch", f3(0, BRANCH)),
    ("bne", "rs1,rs2,branch", f3(1, BRANCH)),
    ("blt", "rs1,rs2,branch", f3(4, BRANCH)),
    ("bge", "rs1,rs2,branch", f3(5, BRANCH)),
    ("bltu", "rs1,rs2,branch", f3(6, BRANCH)),
    ("bgeu", "rs1,rs2,branch", f3(7, BRANCH)),
    ("lb", "rd,load", f3(0, LOAD)),
    ("lh", "rd,load", f3(1, LOAD)),
    ("lw", "rd,load", f3(2, LOAD)),
    ("ld", "rd,load", f3(3, LOAD)),
    ("lbu", "rd,load", f3(4, LOAD)),
    ("lhu", "rd,load", f3(5, LOAD)),
    ("lwu", "rd,load", f3(6, LOAD)),
    ("sb", "rs2,store", f3(0, STORE)),
    ("sh", "rs2,store", f3(1, STORE)),
    ("sw", "rs2,store", f3(2, STORE)),
    ("sd", "rs2,store", f3(3, STORE)),
    ("addi", "rd,rs1,imm12", f3(0, OP_IMM)),
    ("slti", "rd,rs1,imm12", f3(2, OP_IMM)),
    ("sltiu", "rd,rs1,imm12", f3(3, OP_IMM)),
    ("xori", "rd,rs1,imm12", f3(4, OP_IMM)),
    ("ori", "rd,rs1,imm12", f3(6, OP_IMM)),
    ("andi", "rd,rs1,imm12", f3(7, OP_IMM)),
    ("slli", "rd,rs1,shamt6", f3(1, OP_IMM)),
    ("srli", "rd,rs1,shamt6", f3(5, OP_IMM)),
    ("srai", "rd,rs1,shamt6", 0x40000000 | f3(5, OP_IMM)),
    ("add", "rd,rs1,rs2", f7(0, 0, OP)),
    ("add", "rd,rs1,rs2,tprel", f7(0, 0, OP)),
    ("sub", "rd,rs1,rs2", f7(0x20, 0, OP)),
    ("sll", "rd,rs1,rs2", f7(0, 1, OP)),
    ("slt", "rd,rs1,rs2", f7(0, 2, OP)),
    ("sltu", "rd,rs1,rs2", f7(0, 3, OP)),
    ("xor", "rd,rs1,rs2", f7(0, 4, OP)),
    ("srl", "rd,rs1,rs2", f7(0, 5, OP)),
    ("sra", "rd,rs1,rs2", f7(0x20, 5, OP)),
    ("or", "rd,rs1,rs2", f7(0, 6, OP)),
    ("and", "rd,rs1,rs2", f7(0, 7, OP)),
    ("addiw", "rd,rs1,imm12", f3(0, OP_IMM_32)),
    ("slliw", "rd,rs1,shamt5", f3(1, OP_IMM_32)),
    ("srliw", "rd,rs1,shamt5", f3(5, OP_IMM_32)),
    ("sraiw", "rd,rs1,shamt5", 0x40000000 | f3(5, OP_IMM_32)),
    ("addw", "rd,rs1,rs2", f7(0, 0, OP_32)),
    ("subw", "rd,rs1,rs2", f7(0x20, 0, OP_32)),
    ("sllw", "rd,rs1,rs2", f7(0, 1, OP_32)),
    ("srlw", "rd,rs1,rs2", f7(0, 5, OP_32)),
    ("sraw", "rd,rs1,rs2", f7(0x20, 5, OP_32)),
    ("fence", "pred,succ", f3(0, MISC_MEM)),
    ("fence", "", 0x0FF00000 | f3(0, MISC_MEM)),
    ("fence.tso", "", 0x83300000 | f3(0, MISC_MEM)),
    ("ecall", "", SYSTEM),
    ("ebreak", "", 0x00100000 | SYSTEM),
])

# --- "Zifencei" and "Zicsr" -------------------------------------------------------
_add("zifencei", [("fence.i", "", f3(1, MISC_MEM))])
_add("zihintpause", [("pause", "", 0x01000000 | f3(0, MISC_MEM))])
_add("zicsr", [
    ("csrrw", "rd,csr,rs1", f3(1, SYSTEM)),
    ("csrrs", "rd,csr,rs1", f3(2, SYSTEM)),
    ("csrrc", "rd,csr,rs1", f3(3, SYSTEM)),
    ("csrrwi", "rd,csr,zimm5", f3(5, SYSTEM)),
    ("csrrsi", "rd,csr,zimm5", f3(6, SYSTEM)),
    ("csrrci", "rd,csr,zimm5", f3(7, SYSTEM)),
])

# --- privileged (machine/supervisor) instructions hand-written code uses ----------
_add("i", [
    ("uret", "", 0x00200073),
    ("sret", "", 0x10200073),
    ("mret", "", 0x30200073),
    ("wfi", "", 0x10500073),
    ("sfence.vma", "", 0x12000073),
    ("sfence.vma", "rs1", 0x12000073),
    ("sfence.vma", "rs1,rs2", 0x12000073),
])

# --- "M": multiplication and division ---------------------------------------------
for _n, _name in enumerate(("mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu")):
    _add("m", [(_name, "rd,rs1,rs2", f7(1, _n, OP))])
for _n, _name in ((0, "mulw"), (4, "divw"), (5, "divuw"), (6, "remw"), (7, "remuw")):
    _add("m", [(_name, "rd,rs1,rs2", f7(1, _n, OP_32))])

# --- "A": atomics (funct5 in 31:27, aq bit 26, rl bit 25) ---------------------------
_AMO = (("lr", 0x02), ("sc", 0x03), ("amoswap", 0x01), ("amoadd", 0x00), ("amoxor", 0x04),
        ("amoand", 0x0C), ("amoor", 0x08), ("amomin", 0x10), ("amomax", 0x14),
        ("amominu", 0x18), ("amomaxu", 0x1C))
for _width, _funct3 in (("w", 2), ("d", 3)):
    for _base, _funct5 in _AMO:
        _ops = "rd,amo" if _base == "lr" else "rd,rs2,amo"
        for _suffix, _bits in (("", 0), (".aq", 2), (".rl", 1), (".aqrl", 3)):
            _add("a", [(f"{_base}.{_width}{_suffix}", _ops,
                        (_funct5 << 2 | _bits) << 25 | f3(_funct3, AMO))])

# --- "F" and "D": single and double precision (fmt in 26:25) --------------------------
for _t, _fmt, _ext, _width in (("s", 0, "f", 2), ("d", 1, "d", 3)):
    _add(_ext, [
        (f"fl{'w' if _t == 's' else 'd'}", "fd,load", f3(_width, LOAD_FP)),
        (f"fs{'w' if _t == 's' else 'd'}", "fs2,store", f3(_width, STORE_FP)),
        (f"fmadd.{_t}", "fd,fs1,fs2,fs3,rm", _fmt << 25 | RM_DYN | MADD),
        (f"fmsub.{_t}", "fd,fs1,fs2,fs3,rm", _fmt << 25 | RM_DYN | MSUB),
        (f"fnmsub.{_t}", "fd,fs1,fs2,fs3,rm", _fmt << 25 | RM_DYN | NMSUB),
        (f"fnmadd.{_t}", "fd,fs1,fs2,fs3,rm", _fmt << 25 | RM_DYN | NMADD),
        (f"fadd.{_t}", "fd,fs1,fs2,rm", (0x00 | _fmt) << 25 | RM_DYN | OP_FP),
        (f"fsub.{_t}", "fd,fs1,fs2,rm", (0x04 | _fmt) << 25 | RM_DYN | OP_FP),
        (f"fmul.{_t}", "fd,fs1,fs2,rm", (0x08 | _fmt) << 25 | RM_DYN | OP_FP),
        (f"fdiv.{_t}", "fd,fs1,fs2,rm", (0x0C | _fmt) << 25 | RM_DYN | OP_FP),
        (f"fsqrt.{_t}", "fd,fs1,rm", (0x2C | _fmt) << 25 | RM_DYN | OP_FP),
        (f"fsgnj.{_t}", "fd,fs1,fs2", f7(0x10 | _fmt, 0, OP_FP)),
        (f"fsgnjn.{_t}", "fd,fs1,fs2", f7(0x10 | _fmt, 1, OP_FP)),
        (f"fsgnjx.{_t}", "fd,fs1,fs2", f7(0x10 | _fmt, 2, OP_FP)),
        (f"fmin.{_t}", "fd,fs1,fs2", f7(0x14 | _fmt, 0, OP_FP)),
        (f"fmax.{_t}", "fd,fs1,fs2", f7(0x14 | _fmt, 1, OP_FP)),
        (f"feq.{_t}", "rd,fs1,fs2", f7(0x50 | _fmt, 2, OP_FP)),
        (f"flt.{_t}", "rd,fs1,fs2", f7(0x50 | _fmt, 1, OP_FP)),
        (f"fle.{_t}", "rd,fs1,fs2", f7(0x50 | _fmt, 0, OP_FP)),
        (f"fclass.{_t}", "rd,fs1", f7(0x70 | _fmt, 1, OP_FP)),
    ])
    # Integer <-> float conversions: rs2 (24:20) names the integer type.
    for _n, _int in enumerate(("w", "wu", "l", "lu")):
        _add(_ext, [
            (f"fcvt.{_int}.{_t}", "rd,fs1,rm", (0x60 | _fmt) << 25 | _n << 20 | RM_DYN | OP_FP),
            # int32 -> double is exact: GNU as takes no rounding mode and
            # writes 0 (rne); every other conversion defaults to dyn.
            (f"fcvt.{_t}.{_int}", "fd,rs1" if _t == "d" and _n < 2 else "fd,rs1,rm",
             (0x68 | _fmt) << 25 | _n << 20
             | (0 if _t == "d" and _n < 2 else RM_DYN) | OP_FP),
        ])
_add("f", [
    ("fmv.x.w", "rd,fs1", f7(0x70, 0, OP_FP)),
    ("fmv.w.x", "fd,rs1", f7(0x78, 0, OP_FP)),
    ("fmv.x.s", "rd,fs1", f7(0x70, 0, OP_FP)),
    ("fmv.s.x", "fd,rs1", f7(0x78, 0, OP_FP)),
])
_add("d", [
    ("fcvt.s.d", "fd,fs1,rm", 0x20 << 25 | 1 << 20 | RM_DYN | OP_FP),
    ("fcvt.d.s", "fd,fs1", 0x21 << 25 | 0 << 20 | OP_FP),
    ("fmv.x.d", "rd,fs1", f7(0x71, 0, OP_FP)),
    ("fmv.d.x", "fd,rs1", f7(0x79, 0, OP_FP)),
])

OPCODES: dict[str, tuple[Op, ...]] = {}
for _m, _ops, _match, _ext in _ROWS:
    OPCODES.setdefault(_m, ())
    OPCODES[_m] += (Op(_m, tuple(_ops.split(",")) if _ops else (), _match, _ext),)

# Rounding-mode names (the "F" chapter, "Floating-Point Control and Status Register").
ROUNDING_MODES = {"rne": 0, "rtz": 1, "rdn": 2, "rup": 3, "rmm": 4, "dyn": 7}

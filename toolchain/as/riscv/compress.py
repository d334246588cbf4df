"""The "C" extension: which 32-bit instructions have a 16-bit form, and
GNU as's choice among them.

With C enabled GNU as replaces an instruction by its compressed
equivalent whenever one fits the operands -- registers x8-x15 for the
3-bit fields, immediates in range and nonzero where the manual says so --
and only when the immediate is a plain number (an operand with a
relocation keeps the 32-bit form).  Where two forms fit, the order of the
checks below is GNU as's (``addi sp,sp,-16`` is ``c.addi``, not
``c.addi16sp``; ``addi a0,a0,0`` is ``c.mv``).  Formats: the RISC-V
Unprivileged manual, chapter "C" Standard Extension, "RVC Instruction
Set Listings".
"""

from __future__ import annotations

from .registers import is_compressible as _c


def _ci(funct3: int, rd: int, imm: int, op: int) -> int:
    """CI format: funct3 | imm[5] | rd | imm[4:0] | op."""
    return funct3 << 13 | ((imm >> 5) & 1) << 12 | rd << 7 | (imm & 0x1F) << 2 | op


def _cr(funct4: int, rd: int, rs2: int) -> int:
    return funct4 << 12 | rd << 7 | rs2 << 2 | 0b10


def _ca(funct6: int, funct2: int, rd: int, rs2: int) -> int:
    return funct6 << 10 | (rd - 8) << 7 | funct2 << 5 | (rs2 - 8) << 2 | 0b01


def _cb_alu(funct2: int, rd: int, imm: int) -> int:
    return 0b100 << 13 | ((imm >> 5) & 1) << 12 | funct2 << 10 | (rd - 8) << 7 \
        | (imm & 0x1F) << 2 | 0b01


def _mem_d(funct3: int, rs1: int, r: int, off: int) -> int:
    """CL/CS for 8-byte accesses: uimm[5:3] in 12:10, uimm[7:6] in 6:5."""
    return funct3 << 13 | ((off >> 3) & 7) << 10 | (rs1 - 8) << 7 | ((off >> 6) & 3) << 5 \
        | (r - 8) << 2


def _mem_w(funct3: int, rs1: int, r: int, off: int) -> int:
    """CL/CS for 4-byte accesses: uimm[5:3] in 12:10, uimm[2] in 6, uimm[6] in 5."""
    return funct3 << 13 | ((off >> 3) & 7) << 10 | (rs1 - 8) << 7 | ((off >> 2) & 1) << 6 \
        | ((off >> 6) & 1) << 5 | (r - 8) << 2


def _sp_load_d(funct3: int, rd: int, off: int) -> int:
    """CI stack loads of 8 bytes: uimm[5] in 12, uimm[4:3|8:6] in 6:2."""
    return funct3 << 13 | ((off >> 5) & 1) << 12 | rd << 7 | ((off >> 3) & 3) << 5 \
        | ((off >> 6) & 7) << 2 | 0b10


def _sp_load_w(funct3: int, rd: int, off: int) -> int:
    return funct3 << 13 | ((off >> 5) & 1) << 12 | rd << 7 | ((off >> 2) & 7) << 4 \
        | ((off >> 6) & 3) << 2 | 0b10


def _sp_store_d(funct3: int, rs2: int, off: int) -> int:
    """CSS stores of 8 bytes: uimm[5:3|8:6] in 12:7."""
    return funct3 << 13 | ((off >> 3) & 7) << 10 | ((off >> 6) & 7) << 7 | rs2 << 2 | 0b10


def _sp_store_w(funct3: int, rs2: int, off: int) -> int:
    return funct3 << 13 | ((off >> 2) & 0xF) << 9 | ((off >> 6) & 3) << 7 | rs2 << 2 | 0b10


def _addi16sp(imm: int) -> int:
    """c.addi16sp: nzimm[9] in 12, nzimm[4|6|8:7|5] in 6:2."""
    return 0b011 << 13 | ((imm >> 9) & 1) << 12 | 2 << 7 | ((imm >> 4) & 1) << 6 \
        | ((imm >> 6) & 1) << 5 | ((imm >> 7) & 3) << 3 | ((imm >> 5) & 1) << 2 | 0b01


def _in(value: int, low: int, high: int, multiple: int = 1) -> bool:
    return low <= value <= high and value % multiple == 0


_CA_OPS = {"sub": (0b100011, 0), "xor": (0b100011, 1), "or": (0b100011, 2),
           "and": (0b100011, 3), "subw": (0b100111, 0), "addw": (0b100111, 1)}
_COMMUTATIVE = frozenset({"xor", "or", "and", "addw"})
_LOADS = {"lw": (0b010, 4, 124, "w"), "ld": (0b011, 8, 248, "d"), "fld": (0b001, 8, 248, "d")}
_STORES = {"sw": (0b110, 4, 124, "w"), "sd": (0b111, 8, 248, "d"), "fsd": (0b101, 8, 248, "d")}
_SP_LOADS = {"lw": (0b010, 4, 252, "w"), "ld": (0b011, 8, 504, "d"), "fld": (0b001, 8, 504, "d")}
_SP_STORES = {"sw": (0b110, 4, 252, "w"), "sd": (0b111, 8, 504, "d"), "fsd": (0b101, 8, 504, "d")}


def compress(name: str, rd: int, rs1: int, rs2: int, imm: int | None) -> int | None:
    """The 16-bit encoding of a 32-bit instruction, or None.

    ``imm`` is the immediate (None when it carries a relocation); register
    numbers are 0 where the instruction has no such field.
    """
    if name == "addi":
        if imm is None:
            return None
        if rd == 0 and rs1 == 0 and imm == 0:
            return 0x0001                                     # c.nop
        if rs1 == 2 and _c(rd) and _in(imm, 4, 1020, 4):      # c.addi4spn
            return ((imm >> 4) & 3) << 11 | ((imm >> 6) & 0xF) << 7 | ((imm >> 2) & 1) << 6 \
                | ((imm >> 3) & 1) << 5 | (rd - 8) << 2
        if rd == rs1 and rd != 0 and imm != 0 and _in(imm, -32, 31):
            return _ci(0b000, rd, imm, 0b01)                  # c.addi
        if rd == rs1 == 2 and imm != 0 and _in(imm, -512, 496, 16):
            return _addi16sp(imm)
        if rs1 == 0 and rd != 0 and _in(imm, -32, 31):
            return _ci(0b010, rd, imm, 0b01)                  # c.li
        if imm == 0 and rd != 0 and rs1 != 0:
            return _cr(0b1000, rd, rs1)                       # c.mv
        return None
    if name == "addiw":
        if imm is not None and rd == rs1 and rd != 0 and _in(imm, -32, 31):
            return _ci(0b001, rd, imm, 0b01)
        return None
    if name == "lui":
        if imm is not None and rd not in (0, 2) and imm != 0 and \
                (imm <= 31 or 0xFFFE0 <= imm <= 0xFFFFF):
            return _ci(0b011, rd, imm & 0x3F, 0b01)
        return None
    if name == "slli":
        if imm is not None and rd == rs1 and rd != 0 and _in(imm, 1, 63):
            return _ci(0b000, rd, imm, 0b10)
        return None
    if name in ("srli", "srai"):
        if imm is not None and rd == rs1 and _c(rd) and _in(imm, 1, 63):
            return _cb_alu(0 if name == "srli" else 1, rd, imm)
        return None
    if name == "andi":
        if imm is not None and rd == rs1 and _c(rd) and _in(imm, -32, 31):
            return _cb_alu(2, rd, imm)
        return None
    if name == "add":
        if rd == rs1 and rd != 0 and rs2 != 0:
            return _cr(0b1001, rd, rs2)
        if rd == rs2 and rd != 0 and rs1 != 0:
            return _cr(0b1001, rd, rs1)
        if rs1 == 0 and rd != 0 and rs2 != 0:
            return _cr(0b1000, rd, rs2)                       # c.mv
        return None
    if name in _CA_OPS:
        funct6, funct2 = _CA_OPS[name]
        if rd == rs1 and _c(rd) and _c(rs2):
            return _ca(funct6, funct2, rd, rs2)
        if name in _COMMUTATIVE and rd == rs2 and _c(rd) and _c(rs1):
            return _ca(funct6, funct2, rd, rs1)
        return None
    if name == "jalr":
        if imm == 0 and rs1 != 0 and rd in (0, 1):
            return _cr(0b1000 | rd, rs1, 0)                   # c.jr / c.jalr
        return None
    if name == "ebreak":
        return 0x9002
    if imm is None:
        return None
    if name in _LOADS or name in _STORES:
        loads = name in _LOADS
        if rs1 == 2:
            funct3, align, high, width = (_SP_LOADS if loads else _SP_STORES)[name]
            if not _in(imm, 0, high, align):
                return None
            if loads:
                if rd == 0 and not name.startswith("f"):
                    return None
                return (_sp_load_d if width == "d" else _sp_load_w)(funct3, rd, imm)
            return (_sp_store_d if width == "d" else _sp_store_w)(funct3, rs2, imm)
        funct3, align, high, width = (_LOADS if loads else _STORES)[name]
        reg = rd if loads else rs2
        if _c(rs1) and _c(reg) and _in(imm, 0, high, align):
            return (_mem_d if width == "d" else _mem_w)(funct3, rs1, reg, imm)
        return None
    return None


# --- explicit compressed mnemonics (c.addi, c.lw ...) -----------------------------
# Written out, a compressed instruction is encoded as named, where the
# automatic choice above might pick another form (``c.addi a0, 0`` stays a
# c.addi).  Operands: (register numbers or None, immediate); None = no fit.

def _need(ok: bool) -> None:
    if not ok:
        raise ValueError("operands out of range")


def explicit(name: str, regs: list[int], imm: int | None) -> int:
    """The 16-bit word of compressed mnemonic ``name``; ValueError if the
    operands do not fit it.  ``regs`` in assembly order."""
    if name == "c.nop":
        _need(not regs and imm is None)
        return 0x0001
    if name == "c.ebreak":
        _need(not regs and imm is None)
        return 0x9002
    if name in ("c.addi", "c.addiw", "c.li"):
        _need(len(regs) == 1 and imm is not None and _in(imm, -32, 31))
        _need(name != "c.addiw" or regs[0] != 0)
        return _ci({"c.addi": 0, "c.addiw": 1, "c.li": 2}[name], regs[0], imm, 0b01)  # type: ignore
    if name == "c.lui":
        _need(len(regs) == 1 and imm is not None and regs[0] not in (0, 2)
              and (1 <= imm <= 31 or 0xFFFE0 <= imm <= 0xFFFFF))
        return _ci(0b011, regs[0], imm & 0x3F, 0b01)  # type: ignore[operator]
    if name == "c.addi16sp":
        _need(regs == [2] and imm is not None and imm != 0 and _in(imm, -512, 496, 16))
        return _addi16sp(imm)  # type: ignore[arg-type]
    if name == "c.addi4spn":
        _need(len(regs) == 2 and regs[1] == 2 and _c(regs[0]) and imm is not None
              and _in(imm, 4, 1020, 4))
        return compress("addi", regs[0], 2, 0, imm)  # type: ignore[return-value]
    if name == "c.slli":
        _need(len(regs) == 1 and regs[0] != 0 and imm is not None and _in(imm, 1, 63))
        return _ci(0b000, regs[0], imm, 0b10)  # type: ignore[arg-type]
    if name in ("c.srli", "c.srai", "c.andi"):
        _need(len(regs) == 1 and _c(regs[0]) and imm is not None)
        if name == "c.andi":
            _need(_in(imm, -32, 31))  # type: ignore[arg-type]
            return _cb_alu(2, regs[0], imm)  # type: ignore[arg-type]
        _need(_in(imm, 1, 63))  # type: ignore[arg-type]
        return _cb_alu(0 if name == "c.srli" else 1, regs[0], imm)  # type: ignore[arg-type]
    if name in ("c.mv", "c.add"):
        _need(len(regs) == 2 and regs[0] != 0 and regs[1] != 0 and imm is None)
        return _cr(0b1000 if name == "c.mv" else 0b1001, regs[0], regs[1])
    if name in ("c.jr", "c.jalr"):
        _need(len(regs) == 1 and regs[0] != 0 and imm is None)
        return _cr(0b1000 if name == "c.jr" else 0b1001, regs[0], 0)
    base = name[2:]
    if base in _CA_OPS:
        _need(len(regs) == 2 and _c(regs[0]) and _c(regs[1]) and imm is None)
        return _ca(*_CA_OPS[base], regs[0], regs[1])
    if base in ("lw", "ld", "fld", "sw", "sd", "fsd"):
        _need(len(regs) == 2 and imm is not None and _c(regs[0]) and _c(regs[1]))
        funct3, align, high, width = (_LOADS if base in _LOADS else _STORES)[base]
        _need(_in(imm, 0, high, align))  # type: ignore[arg-type]
        return (_mem_d if width == "d" else _mem_w)(funct3, regs[1], regs[0], imm)  # type: ignore
    if base in ("lwsp", "ldsp", "fldsp", "swsp", "sdsp", "fsdsp"):
        mem = base[:-2]
        _need(len(regs) == 2 and regs[1] == 2 and imm is not None)
        loads = mem in _SP_LOADS
        funct3, align, high, width = (_SP_LOADS if loads else _SP_STORES)[mem]
        _need(_in(imm, 0, high, align))  # type: ignore[arg-type]
        if loads:
            _need(regs[0] != 0 or mem == "fld")
            return (_sp_load_d if width == "d" else _sp_load_w)(funct3, regs[0], imm)  # type: ignore
        return (_sp_store_d if width == "d" else _sp_store_w)(funct3, regs[0], imm)  # type: ignore
    raise ValueError(f"no compressed instruction {name}")


EXPLICIT_NAMES = frozenset({
    "c.nop", "c.ebreak", "c.addi", "c.addiw", "c.li", "c.lui", "c.addi16sp", "c.addi4spn",
    "c.slli", "c.srli", "c.srai", "c.andi", "c.mv", "c.add", "c.jr", "c.jalr", "c.sub",
    "c.xor", "c.or", "c.and", "c.subw", "c.addw", "c.lw", "c.ld", "c.fld", "c.sw", "c.sd",
    "c.fsd", "c.lwsp", "c.ldsp", "c.fldsp", "c.swsp", "c.sdsp", "c.fsdsp"})

"""Random RV64GC instructions in GNU as syntax, for the RISC-V encoding
tests (test_riscv_table_oracles.py, test_riscv_fuzz.py) and the expected
files under tests/as/riscv/ -- and the oracle that says what GNU as makes
of them (riscv64-linux-gnu-as, pyelftools).  Tests only.

``row_instances`` gives one statement per opcode-table row (every row of
toolchain/as/riscv/opcodes.py), ``random_statement`` one random statement
of any kind, pseudo-instructions and compressible forms included.  Each
statement is assembled after a label of its own, so one assembly run says
the bytes of many statements.
"""

from __future__ import annotations

import importlib
import io
import os
import random
import shutil
import subprocess
import tempfile

from elftools.elf.elffile import ELFFile
from elftools.elf.relocation import RelocationSection

opcodes = importlib.import_module("toolchain.as.riscv.opcodes")
registers = importlib.import_module("toolchain.as.riscv.registers")

GAS = "riscv64-linux-gnu-as"
PROLOGUE = '\t.attribute arch, "rv64gc"\n'
GPRS = registers.GPR_NAMES
FPRS = registers.FPR_NAMES
CREGS = GPRS[8:16]
ROUNDING = ("rne", "rtz", "rdn", "rup", "rmm", "dyn")
FENCE_SETS = ("iorw", "rw", "r", "w", "io", "i", "o", "ow", "ir")
CSRS = ("fflags", "frm", "fcsr", "cycle", "time", "instret", "mstatus", "0x340", "sepc")


def gas_available() -> bool:
    return shutil.which(GAS) is not None


def _imm(rng: random.Random, bits: int, signed: bool = True, align: int = 1) -> int:
    if signed:
        v = rng.randint(-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    else:
        v = rng.randint(0, (1 << bits) - 1)
    if rng.random() < 0.3:                      # small values: compressible forms
        v = rng.choice((0, 1, -1, 4, 8, 16, -16, 31, -32, 32, 63, 248, 504))
        if not signed:
            v = abs(v)
    return v - v % align


def _reg(rng: random.Random, names=GPRS) -> str:
    if rng.random() < 0.5:
        return rng.choice(CREGS if names is GPRS else FPRS[8:16])
    return rng.choice(names)


def operand(kind: str, rng: random.Random) -> str:
    if kind in ("rd", "rs1", "rs2"):
        return _reg(rng)
    if kind in ("fd", "fs1", "fs2", "fs3"):
        return _reg(rng, FPRS)
    if kind == "imm12":
        return str(_imm(rng, 12))
    if kind in ("load", "store"):
        base = rng.choice(("sp",) + CREGS + GPRS[:12])
        return f"{_imm(rng, 12)}({base})"
    if kind == "amo":
        return f"({_reg(rng)})"
    if kind == "shamt6":
        return str(rng.randint(0, 63))
    if kind == "shamt5":
        return str(rng.randint(0, 31))
    if kind == "uimm20":
        return str(_imm(rng, 20, signed=False))
    if kind == "zimm5":
        return str(rng.randint(0, 31))
    if kind == "csr":
        return rng.choice(CSRS)
    if kind == "rm":
        return rng.choice(ROUNDING)
    if kind in ("pred", "succ"):
        return rng.choice(FENCE_SETS)
    raise ValueError(kind)


_SKIP_KINDS = frozenset({"branch", "jump", "tprel"})
RV64GC = frozenset({"i", "m", "a", "f", "d", "zicsr", "zifencei"})


def row_instances(rng: random.Random, per_row: int = 2) -> list[str]:
    """``per_row`` statements for every table row (branches and the TLS add aside)."""
    out = []
    for name, rows in sorted(opcodes.OPCODES.items()):
        for op in rows:
            if _SKIP_KINDS & set(op.operands) or op.extension not in RV64GC:
                continue
            for _ in range(per_row):
                kinds = [k for k in op.operands if k != "rm" or rng.random() < 0.5]
                out.append(f"{name}\t" + ",".join(operand(k, rng) for k in kinds)
                           if kinds else name)
    return out


_PSEUDOS = (
    lambda r: f"li {_reg(r)},{r.choice((_imm(r, 12), _imm(r, 32), _imm(r, 64), r.randint(-(1 << 63), (1 << 64) - 1)))}",
    lambda r: f"mv {_reg(r)},{_reg(r)}", lambda r: f"not {_reg(r)},{_reg(r)}",
    lambda r: f"neg {_reg(r)},{_reg(r)}", lambda r: f"negw {_reg(r)},{_reg(r)}",
    lambda r: f"sext.w {_reg(r)},{_reg(r)}", lambda r: f"seqz {_reg(r)},{_reg(r)}",
    lambda r: f"snez {_reg(r)},{_reg(r)}", lambda r: f"sltz {_reg(r)},{_reg(r)}",
    lambda r: f"sgtz {_reg(r)},{_reg(r)}", lambda r: f"sgt {_reg(r)},{_reg(r)},{_reg(r)}",
    lambda r: "nop", lambda r: "ret", lambda r: f"jr {_reg(r)}", lambda r: f"jalr {_reg(r)}",
    lambda r: f"fmv.d {_reg(r, FPRS)},{_reg(r, FPRS)}",
    lambda r: f"fneg.s {_reg(r, FPRS)},{_reg(r, FPRS)}",
    lambda r: f"fabs.d {_reg(r, FPRS)},{_reg(r, FPRS)}",
    lambda r: f"csrr {_reg(r)},{r.choice(CSRS)}", lambda r: f"csrw {r.choice(CSRS)},{_reg(r)}",
    lambda r: f"csrs {r.choice(CSRS)},{_reg(r)}", lambda r: f"csrci {r.choice(CSRS)},{r.randint(0, 31)}",
    lambda r: f"rdcycle {_reg(r)}", lambda r: f"rdtime {_reg(r)}", lambda r: f"frcsr {_reg(r)}",
    lambda r: f"fsrm {_reg(r)},{_reg(r)}", lambda r: "fence", lambda r: "fence.i",
    lambda r: f"addi {r.choice(('sp', _reg(r)))},{r.choice(('sp', _reg(r)))},{_imm(r, 10, align=r.choice((1, 4, 16)))}",
    lambda r: f"add {_reg(r)},{r.choice(('zero', _reg(r)))},{_reg(r)}",
    lambda r: f"ld {_reg(r)},{r.randint(0, 63) * 8}({r.choice(('sp',) + CREGS)})",
    lambda r: f"sd {_reg(r)},{r.randint(0, 63) * 8}({r.choice(('sp',) + CREGS)})",
    lambda r: f"lw {_reg(r)},{r.randint(0, 63) * 4}({r.choice(('sp',) + CREGS)})",
    lambda r: f"fsd {_reg(r, FPRS)},{r.randint(0, 63) * 8}({r.choice(('sp',) + CREGS)})",
    lambda r: f"lui {_reg(r)},{r.choice((r.randint(1, 31), r.randint(0xFFFE0, 0xFFFFF), r.randint(0, 0xFFFFF)))}",
    lambda r: f"andi {_reg(r)},{_reg(r)},{_imm(r, 6)}",
    lambda r: f"srai {_reg(r)},{_reg(r)},{r.randint(0, 63)}",
    # compressed instructions written out
    lambda r: f"c.addi {r.choice(GPRS[1:])},{r.randint(-32, 31)}",
    lambda r: f"c.addiw {r.choice(GPRS[1:])},{r.randint(-32, 31)}",
    lambda r: f"c.li {r.choice(GPRS[1:])},{r.randint(-32, 31)}",
    lambda r: f"c.lui {r.choice(GPRS[3:])},{r.choice((r.randint(1, 31), r.randint(0xFFFE0, 0xFFFFF)))}",
    lambda r: f"c.addi16sp sp,{r.choice([v for v in range(-512, 497, 16) if v])}",
    lambda r: f"c.addi4spn {r.choice(CREGS)},sp,{r.randint(1, 255) * 4}",
    lambda r: f"c.slli {r.choice(GPRS[1:])},{r.randint(1, 63)}",
    lambda r: f"c.{r.choice(('srli', 'srai'))} {r.choice(CREGS)},{r.randint(1, 63)}",
    lambda r: f"c.andi {r.choice(CREGS)},{r.randint(-32, 31)}",
    lambda r: f"c.{r.choice(('mv', 'add'))} {r.choice(GPRS[1:])},{r.choice(GPRS[1:])}",
    lambda r: f"c.{r.choice(('jr', 'jalr'))} {r.choice(GPRS[1:])}",
    lambda r: f"c.{r.choice(('sub', 'xor', 'or', 'and', 'subw', 'addw'))} {r.choice(CREGS)},{r.choice(CREGS)}",
    lambda r: f"c.{r.choice(('lw', 'sw'))} {r.choice(CREGS)},{r.randint(0, 31) * 4}({r.choice(CREGS)})",
    lambda r: f"c.{r.choice(('ld', 'sd'))} {r.choice(CREGS)},{r.randint(0, 31) * 8}({r.choice(CREGS)})",
    lambda r: f"c.{r.choice(('fld', 'fsd'))} {r.choice(FPRS[8:16])},{r.randint(0, 31) * 8}({r.choice(CREGS)})",
    lambda r: f"c.{r.choice(('lwsp', 'swsp'))} {r.choice(GPRS[1:])},{r.randint(0, 63) * 4}(sp)",
    lambda r: f"c.{r.choice(('ldsp', 'sdsp'))} {r.choice(GPRS[1:])},{r.randint(0, 63) * 8}(sp)",
    lambda r: f"c.{r.choice(('fldsp', 'fsdsp'))} {r.choice(FPRS)},{r.randint(0, 63) * 8}(sp)",
    lambda r: r.choice(("c.nop", "c.ebreak")),
)


def random_statement(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(_PSEUDOS)(rng)
    name = rng.choice(sorted(opcodes.OPCODES))
    op = rng.choice(opcodes.OPCODES[name])
    if _SKIP_KINDS & set(op.operands) or op.extension not in RV64GC:
        return rng.choice(_PSEUDOS)(rng)
    kinds = [k for k in op.operands if k != "rm" or rng.random() < 0.5]
    return f"{name}\t" + ",".join(operand(k, rng) for k in kinds) if kinds else name


def source(statements: list[str]) -> str:
    lines = [PROLOGUE]
    for i, s in enumerate(statements):
        lines.append(f"s{i}:\n\t{s}\n")
    lines.append(f"s{len(statements)}:\n")
    return "".join(lines)


def split_object(data: bytes, count: int) -> list[str]:
    """Per statement: its bytes in hex and its relocations ``[TYPE@offset sym+addend]``."""
    elf = ELFFile(io.BytesIO(data))
    text = elf.get_section_by_name(".text").data()
    symtab = elf.get_section_by_name(".symtab")
    where = {s.name: s["st_value"] for s in symtab.iter_symbols()}
    starts = [where[f"s{i}"] for i in range(count + 1)]
    relocs: list[tuple[int, str]] = []
    rela = elf.get_section_by_name(".rela.text")
    if isinstance(rela, RelocationSection):
        from toolchain.common import elf as elfconst
        names = elfconst.RELOC_NAMES[elfconst.EM_RISCV]
        for r in rela.iter_relocations():
            sym = symtab.get_symbol(r["r_info_sym"]).name if r["r_info_sym"] else "*ABS*"
            relocs.append((r["r_offset"], f"{names[r['r_info_type']]}"
                                          f"@{{}} {sym}{r['r_addend']:+d}"))
    out = []
    for i in range(count):
        lo, hi = starts[i], starts[i + 1]
        notes = [f"[{n.format(off - lo)}]" for off, n in relocs if lo <= off < hi]
        out.append(" ".join([text[lo:hi].hex(" ")] + notes))
    return out


def gas_results(statements: list[str]) -> list[str] | str:
    """GNU as's bytes per statement, or its error text."""
    with tempfile.TemporaryDirectory(prefix="pcc-rv-") as tmp:
        src, obj = os.path.join(tmp, "in.s"), os.path.join(tmp, "out.o")
        with open(src, "w") as f:
            f.write(source(statements))
        r = subprocess.run([GAS, "-o", obj, src], capture_output=True, text=True)
        if r.returncode:
            return r.stderr
        with open(obj, "rb") as f:
            return split_object(f.read(), len(statements))


def pas_results(statements: list[str]) -> list[str] | str:
    """pas's bytes per statement, or its messages."""
    from toolchain.common.diagnostics import Diagnostics
    from toolchain.common.target import find_target
    assembler = importlib.import_module("toolchain.as.assembler")
    stream = io.StringIO()
    data = assembler.assemble(source(statements), "in.s", find_target("riscv64-linux-gnu"),
                              Diagnostics("pas", stream=stream))
    if data is None:
        return stream.getvalue()
    return split_object(data, len(statements))

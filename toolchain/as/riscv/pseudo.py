"""Pseudo-instructions and their expansions, as GNU as expands them (the
RISC-V Unprivileged manual's "Assembly Programmer's Handbook" tables and
the RISC-V Assembly Programmer's Manual).

``expand`` returns the base instructions for a statement (a Step list for
encoder.py), or a Branch for the branches and jumps layout sizes.  Two
expansions are worth a word:

* ``li rd, constant`` builds a 64-bit constant GNU as's way: a value that
  is a sign-extended 32-bit number is ``lui`` (upper 20 bits) and/or
  ``addi``/``addiw`` (lower 12, ``addiw`` after a ``lui``); a wider one
  peels off the low 12 bits, shifts the rest right past its trailing zero
  bits, builds that recursively, then ``slli`` and ``addi``.
* address pseudos (``lla``, ``la``, ``call``, ``lw rd, symbol``...) are an
  ``auipc`` with ``%pcrel_hi`` (or ``%got_pcrel_hi`` for ``la`` under
  ``.option pic``) and a second instruction whose ``%pcrel_lo`` names an
  internal label placed at the ``auipc``.
"""

from __future__ import annotations

from ...common.diagnostics import ToolchainError
from ..expr import Constant, Expr, SymbolRef, fold_constant
from ..instruction import Memory, Operand, Register
from .compress import EXPLICIT_NAMES
from .encoder import Branch, Label, Step
from .options import Mode
from .registers import FPR, GPR

ZERO, RA, T1 = Register("zero"), Register("ra"), Register("t1")
ANCHOR = ".L0\x01pcrel"       # placeholder name of the auipc's internal label
_MASK64 = (1 << 64) - 1


def _signed64(v: int) -> int:
    v &= _MASK64
    return v - (1 << 64) if v >> 63 else v


def load_const(rd: Register, value: int, top: bool = True) -> list[Step]:
    """``li rd, value`` (tc-riscv.c load_const's choice of sequence): a
    12-bit value is one ``addi``; inside a longer sequence the low part is
    always ``addiw`` (``addiw rd, x0, 1`` before a shift, never c.li)."""
    value = _signed64(value)
    if top and -2048 <= value < 2048:
        return [("addi", (rd, ZERO, Constant(value)))]
    lower = ((value & 0xFFF) ^ 0x800) - 0x800
    upper = (value - lower) & _MASK64
    if not -(1 << 31) <= value < (1 << 31):
        shift = 12
        while ((upper >> shift) & 1) == 0:
            shift += 1
        steps = load_const(rd, _signed64(upper) >> shift, False)
        steps.append(("slli", (rd, rd, Constant(shift))))
        if lower:
            steps.append(("addi", (rd, rd, Constant(lower))))
        return steps
    steps = []
    hi = ZERO
    if upper:
        steps.append(("lui", (rd, Constant((upper & 0xFFFFFFFF) >> 12))))
        hi = rd
    if lower or hi is ZERO:
        steps.append(("addiw", (rd, hi, Constant(lower))))
    return steps


def _pcrel(rd: Register, hi_spec: str, target: Expr, second: str,
           second_ops) -> list[Step]:
    return [Label(ANCHOR), ("auipc", (rd, _with_spec(target, hi_spec))),
            (second, second_ops(SymbolRef(ANCHOR, "pcrel_lo")))]


def _with_spec(e: Expr, spec: str) -> Expr:
    from ..expr import Binary
    if isinstance(e, SymbolRef) and e.specifier is None:
        return SymbolRef(e.name, spec)
    if isinstance(e, Binary) and isinstance(e.left, SymbolRef) and e.left.specifier is None:
        return Binary(e.op, SymbolRef(e.left.name, spec), e.right)
    raise ToolchainError("illegal operands")


def _gpr(op: Operand) -> bool:
    return isinstance(op, Register) and op.name in GPR


def _fpr(op: Operand) -> bool:
    return isinstance(op, Register) and op.name in FPR


def _expr(op: Operand) -> bool:
    return isinstance(op, Expr)


def _symbolic(op: Operand) -> bool:
    return isinstance(op, Expr) and fold_constant(op) is None


_LOADS = ("lb", "lh", "lw", "ld", "lbu", "lhu", "lwu")
_FP_LOADS = ("flw", "fld")
_STORES = ("sb", "sh", "sw", "sd", "fsw", "fsd")
_BRANCHES = ("beq", "bne", "blt", "bge", "bltu", "bgeu")
_ZERO_BRANCHES = {  # name -> (base, zero first?)
    "beqz": ("beq", False), "bnez": ("bne", False), "bltz": ("blt", False),
    "bgez": ("bge", False), "blez": ("bge", True), "bgtz": ("blt", True),
}
_SWAPPED = {"bgt": "blt", "ble": "bge", "bgtu": "bltu", "bleu": "bgeu"}
_UNARY = {  # name -> (base, operands from (rd, rs))
    "mv": ("addi", lambda d, s: (d, s, Constant(0))),
    "not": ("xori", lambda d, s: (d, s, Constant(-1))),
    "neg": ("sub", lambda d, s: (d, ZERO, s)),
    "negw": ("subw", lambda d, s: (d, ZERO, s)),
    "sext.w": ("addiw", lambda d, s: (d, s, Constant(0))),
    "seqz": ("sltiu", lambda d, s: (d, s, Constant(1))),
    "snez": ("sltu", lambda d, s: (d, ZERO, s)),
    "sltz": ("slt", lambda d, s: (d, s, ZERO)),
    "sgtz": ("slt", lambda d, s: (d, ZERO, s)),
    "zext.b": ("andi", lambda d, s: (d, s, Constant(255))),
}
_FP_UNARY = {"fmv": "fsgnj", "fabs": "fsgnjx", "fneg": "fsgnjn"}
_COUNTERS = {"rdcycle": "cycle", "rdtime": "time", "rdinstret": "instret",
             "rdcycleh": "cycleh", "rdtimeh": "timeh", "rdinstreth": "instreth"}
_FCSR = {"frcsr": "fcsr", "frrm": "frm", "frflags": "fflags"}
_FSCSR = {"fscsr": "fcsr", "fsrm": "frm", "fsflags": "fflags"}
_CSR_WRITE = {"csrw": "csrrw", "csrs": "csrrs", "csrc": "csrrc"}

PSEUDO_NAMES = frozenset(
    {"nop", "li", "la", "lla", "lga", "la.tls.ie", "la.tls.gd", "call", "tail", "jump",
     "j", "jal", "jr", "jalr", "ret", "csrr", "csrw", "csrs", "csrc", "csrwi", "csrsi",
     "csrci", "fsrmi", "fsflagsi"}
    | set(_UNARY) | set(_ZERO_BRANCHES) | set(_SWAPPED) | set(_BRANCHES) | set(_COUNTERS)
    | set(_FCSR) | set(_FSCSR) | set(_LOADS) | set(_FP_LOADS) | set(_STORES)
    | {f"{n}.{t}" for n in _FP_UNARY for t in "sd"}
    | {"sgt", "sgtu", "fgt.s", "fge.s", "fgt.d", "fge.d", "c.j", "c.beqz", "c.bnez"}
    | EXPLICIT_NAMES)


def branch_of(name: str, ops: tuple[Operand, ...]) -> Branch | None:
    """The Branch a statement is, if it is a branch or jump to a symbol."""
    n = len(ops)
    if name in _BRANCHES and n == 3 and _gpr(ops[0]) and _gpr(ops[1]) and _expr(ops[2]):
        return Branch(name, GPR[ops[0].name], GPR[ops[1].name], 0, ops[2])  # type: ignore
    if name in _ZERO_BRANCHES and n == 2 and _gpr(ops[0]) and _expr(ops[1]):
        base, zero_first = _ZERO_BRANCHES[name]
        r = GPR[ops[0].name]  # type: ignore[union-attr]
        return Branch(base, 0 if zero_first else r, r if zero_first else 0, 0, ops[1])  # type: ignore
    if name in _SWAPPED and n == 3 and _gpr(ops[0]) and _gpr(ops[1]) and _expr(ops[2]):
        return Branch(_SWAPPED[name], GPR[ops[1].name], GPR[ops[0].name], 0, ops[2])  # type: ignore
    if name == "c.j" and n == 1 and _expr(ops[0]):
        return Branch("jal", 0, 0, 0, ops[0], fixed=2)  # type: ignore[arg-type]
    if name in ("c.beqz", "c.bnez") and n == 2 and _gpr(ops[0]) and _expr(ops[1]) \
            and 8 <= GPR[ops[0].name] <= 15:  # type: ignore[union-attr]
        return Branch("beq" if name == "c.beqz" else "bne", GPR[ops[0].name], 0, 0,  # type: ignore
                      ops[1], fixed=2)  # type: ignore[arg-type]
    if name == "j" and n == 1 and _expr(ops[0]):
        return Branch("jal", 0, 0, 0, ops[0])  # type: ignore[arg-type]
    if name == "jal" and n == 1 and _expr(ops[0]):
        return Branch("jal", 0, 0, 1, ops[0])  # type: ignore[arg-type]
    if name == "jal" and n == 2 and _gpr(ops[0]) and _expr(ops[1]):
        return Branch("jal", 0, 0, GPR[ops[0].name], ops[1])  # type: ignore
    return None


def expand(name: str, ops: tuple[Operand, ...], mode: Mode, text: str) -> list[Step] | None:
    """The base instructions of pseudo-instruction ``name``, or None when
    ``name ops`` is not a pseudo-instruction (a table row then)."""
    n = len(ops)
    if name in EXPLICIT_NAMES:
        return [(name, ops)]
    if name == "nop" and n == 0:
        return [("addi", (ZERO, ZERO, Constant(0)))]
    if name == "li" and n == 2 and _gpr(ops[0]) and _expr(ops[1]):
        value = fold_constant(ops[1])  # type: ignore[arg-type]
        if value is None:
            return [("addi", (ops[0], ZERO, ops[1]))]
        return load_const(ops[0], value)  # type: ignore[arg-type]
    if name in ("sgt", "sgtu") and n == 3 and all(map(_gpr, ops)):
        return [("slt" + name[3:], (ops[0], ops[2], ops[1]))]
    if name[:3] in ("fgt", "fge") and name[3:] in (".s", ".d") and n == 3:
        return [(("flt" if name[2] == "t" else "fle") + name[3:], (ops[0], ops[2], ops[1]))]
    if name == "mv" and n == 2 and _gpr(ops[0]) and ops[1] == ZERO:
        return [("!addi", (ops[0], ZERO, Constant(0)))]     # c.mv needs rs != x0; never c.li
    if name in _UNARY and n == 2 and _gpr(ops[0]) and _gpr(ops[1]):
        base, build = _UNARY[name]
        return [(base, build(ops[0], ops[1]))]
    if name[:-2] in _FP_UNARY and name[-2:] in (".s", ".d") and n == 2:
        return [(f"{_FP_UNARY[name[:-2]]}{name[-2:]}", (ops[0], ops[1], ops[1]))]
    if name in ("lla", "la", "lga", "la.tls.ie", "la.tls.gd") and n == 2 and \
            _gpr(ops[0]) and _symbolic(ops[1]):
        rd, target = ops[0], ops[1]
        if name == "lga" or (name == "la" and mode.pic):
            return _pcrel(rd, "got_pcrel_hi", target, "ld",  # type: ignore[arg-type]
                          lambda lo: (rd, Memory(base=rd, displacement=lo)))
        if name == "la.tls.ie":
            return _pcrel(rd, "tls_ie_pcrel_hi", target, "ld",  # type: ignore[arg-type]
                          lambda lo: (rd, Memory(base=rd, displacement=lo)))
        spec = "tls_gd_pcrel_hi" if name == "la.tls.gd" else "pcrel_hi"
        return _pcrel(rd, spec, target, "addi", lambda lo: (rd, rd, lo))  # type: ignore
    if name in ("call", "tail", "jump"):
        if name == "call" and n == 1 and _symbolic(ops[0]):
            rd, temp, target = RA, RA, ops[0]
        elif name == "call" and n == 2 and _gpr(ops[0]) and _symbolic(ops[1]):
            rd, temp, target = ops[0], ops[0], ops[1]
        elif name == "tail" and n == 1 and _symbolic(ops[0]):
            rd, temp, target = ZERO, T1, ops[0]
        elif name == "jump" and n == 2 and _symbolic(ops[0]) and _gpr(ops[1]):
            rd, temp, target = ZERO, ops[1], ops[0]
        else:
            return None
        return [("\x00call", (temp, target)), ("!jalr", (rd, Memory(base=temp, displacement=None)))]
    if name in _LOADS and n == 2 and _gpr(ops[0]) and _symbolic(ops[1]):
        rd = ops[0]
        return _pcrel(rd, "pcrel_hi", ops[1], name,  # type: ignore[arg-type]
                      lambda lo: (rd, Memory(base=rd, displacement=lo)))
    if (name in _FP_LOADS and n == 3 and _fpr(ops[0]) or name in _STORES and n == 3) \
            and _symbolic(ops[1]) and _gpr(ops[2]):
        temp = ops[2]
        return _pcrel(temp, "pcrel_hi", ops[1], name,  # type: ignore[arg-type]
                      lambda lo: (ops[0], Memory(base=temp, displacement=lo)))
    if name == "jr" and n == 1 and _gpr(ops[0]):
        return [("jalr", (ZERO, Memory(base=ops[0], displacement=None)))]
    if name == "jr" and n == 2 and _gpr(ops[0]) and _expr(ops[1]):
        return [("jalr", (ZERO, Memory(base=ops[0], displacement=ops[1])))]
    if name == "jalr" and n == 1 and _gpr(ops[0]):
        return [("jalr", (RA, Memory(base=ops[0], displacement=None)))]
    if name == "jalr" and n == 3 and _gpr(ops[0]) and _gpr(ops[1]) and _expr(ops[2]):
        return [("jalr", (ops[0], Memory(base=ops[1], displacement=ops[2])))]
    if name == "jalr" and n == 2 and _gpr(ops[0]) and _gpr(ops[1]):
        return [("jalr", (ops[0], Memory(base=ops[1], displacement=None)))]
    if name == "ret" and n == 0:
        return [("jalr", (ZERO, Memory(base=RA, displacement=None)))]
    if name in _COUNTERS and n == 1:
        return [("csrrs", (ops[0], SymbolRef(_COUNTERS[name]), ZERO))]
    if name in _FCSR and n == 1:
        return [("csrrs", (ops[0], SymbolRef(_FCSR[name]), ZERO))]
    if name in _FSCSR and n in (1, 2):
        rd, rs = (ops[0], ops[1]) if n == 2 else (ZERO, ops[0])
        if _expr(rs) and name != "fscsr":
            return [("csrrwi", (rd, SymbolRef(_FSCSR[name]), rs))]
        return [("csrrw", (rd, SymbolRef(_FSCSR[name]), rs))]
    if name in ("fsrmi", "fsflagsi") and n in (1, 2):
        rd, imm = (ops[0], ops[1]) if n == 2 else (ZERO, ops[0])
        return [("csrrwi", (rd, SymbolRef("frm" if name == "fsrmi" else "fflags"), imm))]
    if name == "csrr" and n == 2:
        return [("csrrs", (ops[0], ops[1], ZERO))]
    if name in _CSR_WRITE and n == 2:
        if _gpr(ops[1]):
            return [(_CSR_WRITE[name], (ZERO, ops[0], ops[1]))]
        return [(_CSR_WRITE[name] + "i", (ZERO, ops[0], ops[1]))]
    if name in ("csrwi", "csrsi", "csrci") and n == 2:
        return [("csrr" + name[3:], (ZERO, ops[0], ops[1]))]
    return None

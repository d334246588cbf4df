"""A64 branches, exception generation and system instructions: Arm ARM
C4.1.93 "Branches, Exception Generating and System instructions".

Branch targets are fixups: B/BL (imm26, ``JUMP26``/``CALL26``), B.cond,
CBZ/CBNZ (imm19, ``CONDBR19``), TBZ/TBNZ (imm14, ``TSTBR14``).  GNU as
spells B.cond both ``b.eq`` and ``beq``.  System registers are named by
the Arm ARM's names or by the generic ``s<op0>_<op1>_c<n>_c<m>_<op2>``;
barriers take an option name or ``#imm``.
"""

from __future__ import annotations

import re

from ..isa import Encoding
from .encoder import Request
from .operands import CONDITION_ALIASES, CONDITIONS, OperandError
from .relocs import specifier_reloc

UNCONDITIONAL = {"b": (0x14000000, "R_AARCH64_JUMP26"), "bl": (0x94000000, "R_AARCH64_CALL26")}
COMPARE_BRANCH = {"cbz": 0x34000000, "cbnz": 0x35000000}
TEST_BRANCH = {"tbz": 0x36000000, "tbnz": 0x37000000}
BRANCH_REGISTER = {"br": 0xD61F0000, "blr": 0xD63F0000, "ret": 0xD65F0000}
# Exception return and debug restore: no operands.
NO_OPERANDS = {"eret": 0xD69F03E0, "drps": 0xD6BF03E0}
EXCEPTION = {"svc": 0xD4000001, "hvc": 0xD4000002, "smc": 0xD4000003, "brk": 0xD4200000,
             "hlt": 0xD4400000}
HINTS = {"nop": 0, "yield": 1, "wfe": 2, "wfi": 3, "sev": 4, "sevl": 5, "esb": 16,
         "csdb": 20, "autia1716": 12, "autib1716": 14, "paciasp": 25, "autiasp": 29,
         "pacibsp": 27, "autibsp": 31, "xpaclri": 7}
HINT = 0xD503201F & ~(0x7F << 5)
BARRIERS = {"dsb": 0xD503309F, "dmb": 0xD50330BF, "isb": 0xD50330DF}
BARRIER_OPTIONS = {"oshld": 1, "oshst": 2, "osh": 3, "nshld": 5, "nshst": 6, "nsh": 7,
                   "ishld": 9, "ishst": 10, "ish": 11, "ld": 13, "st": 14, "sy": 15}
# The system registers programs name most (op0, op1, CRn, CRm, op2).
SYSTEM_REGISTERS = {
    "tpidr_el0": (3, 3, 13, 0, 2), "tpidrro_el0": (3, 3, 13, 0, 3), "tpidr_el1": (3, 0, 13, 0, 4),
    "fpcr": (3, 3, 4, 4, 0), "fpsr": (3, 3, 4, 4, 1), "nzcv": (3, 3, 4, 2, 0),
    "daif": (3, 3, 4, 2, 1), "currentel": (3, 0, 4, 2, 2), "spsel": (3, 0, 4, 2, 0),
    "sp_el0": (3, 0, 4, 1, 0), "sp_el1": (3, 4, 4, 1, 0), "elr_el1": (3, 0, 4, 0, 1),
    "spsr_el1": (3, 0, 4, 0, 0), "elr_el2": (3, 4, 4, 0, 1), "spsr_el2": (3, 4, 4, 0, 0),
    "cntfrq_el0": (3, 3, 14, 0, 0), "cntpct_el0": (3, 3, 14, 0, 1),
    "cntvct_el0": (3, 3, 14, 0, 2), "cntp_tval_el0": (3, 3, 14, 2, 0),
    "cntp_ctl_el0": (3, 3, 14, 2, 1), "cntp_cval_el0": (3, 3, 14, 2, 2),
    "cntv_tval_el0": (3, 3, 14, 3, 0), "cntv_ctl_el0": (3, 3, 14, 3, 1),
    "cntv_cval_el0": (3, 3, 14, 3, 2), "cntkctl_el1": (3, 0, 14, 1, 0),
    "midr_el1": (3, 0, 0, 0, 0), "mpidr_el1": (3, 0, 0, 0, 5), "ctr_el0": (3, 3, 0, 0, 1),
    "dczid_el0": (3, 3, 0, 0, 7), "sctlr_el1": (3, 0, 1, 0, 0), "actlr_el1": (3, 0, 1, 0, 1),
    "cpacr_el1": (3, 0, 1, 0, 2), "ttbr0_el1": (3, 0, 2, 0, 0), "ttbr1_el1": (3, 0, 2, 0, 1),
    "tcr_el1": (3, 0, 2, 0, 2), "esr_el1": (3, 0, 5, 2, 0), "far_el1": (3, 0, 6, 0, 0),
    "par_el1": (3, 0, 7, 4, 0), "mair_el1": (3, 0, 10, 2, 0), "vbar_el1": (3, 0, 12, 0, 0),
    "contextidr_el1": (3, 0, 13, 0, 1), "sctlr_el2": (3, 4, 1, 0, 0),
    "hcr_el2": (3, 4, 1, 1, 0), "vbar_el2": (3, 4, 12, 0, 0), "scr_el3": (3, 6, 1, 1, 0),
    "id_aa64pfr0_el1": (3, 0, 0, 4, 0), "id_aa64isar0_el1": (3, 0, 0, 6, 0),
    "id_aa64mmfr0_el1": (3, 0, 0, 7, 0),
}
PSTATE_FIELDS = {"spsel": (0, 5), "daifset": (3, 6), "daifclr": (3, 7)}
_GENERIC_SYSREG = re.compile(r"s([0-3])_([0-7])_c(\d+)_c(\d+)_([0-7])$")
# SYS aliases: name -> (op1, CRn, CRm, op2, takes a register).
DC_OPS = {"zva": (3, 7, 4, 1), "ivac": (0, 7, 6, 1), "isw": (0, 7, 6, 2),
          "cvac": (3, 7, 10, 1), "csw": (0, 7, 10, 2), "cvau": (3, 7, 11, 1),
          "civac": (3, 7, 14, 1), "cisw": (0, 7, 14, 2), "cvap": (3, 7, 12, 1)}
IC_OPS = {"ialluis": (0, 7, 1, 0), "iallu": (0, 7, 5, 0), "ivau": (3, 7, 5, 1)}
TLBI_OPS = {"vmalle1is": (0, 8, 3, 0), "vmalle1": (0, 8, 7, 0), "alle1": (4, 8, 7, 4),
            "vae1is": (0, 8, 3, 1), "vae1": (0, 8, 7, 1), "aside1": (0, 8, 7, 2),
            "vaae1": (0, 8, 7, 3), "vale1": (0, 8, 7, 5)}


def condition_suffix(mnemonic: str) -> int | None:
    """The condition of ``b.eq``/``beq``, or None."""
    if not mnemonic.startswith("b") or mnemonic in ("b", "bl", "br", "blr", "bic", "bics",
                                                    "bfi", "bfm", "bfc", "bfxil", "brk"):
        return None
    cond = mnemonic[2:] if mnemonic.startswith("b.") else mnemonic[1:]
    cond = CONDITION_ALIASES.get(cond, cond)
    return CONDITIONS.index(cond) if cond in CONDITIONS else None


def _target(r: Request, i: int, default: str) -> None:
    target = r.expr(i)
    from ..symbols import specifier_of
    spec = specifier_of(target)
    reloc = default
    if spec is not None:
        reloc = specifier_reloc(spec, "branch") or ""
        if not reloc:
            raise OperandError("relocation not allowed", i)
    r.fixup(target, reloc, pcrel=True)


def unconditional(r: Request) -> Encoding:
    r.count(1)
    word, reloc = UNCONDITIONAL[r.mnemonic]
    _target(r, 0, reloc)
    return r.done(word)


def conditional(r: Request) -> Encoding:
    r.count(1)
    _target(r, 0, "R_AARCH64_CONDBR19")
    return r.done(0x54000000 | condition_suffix(r.mnemonic))  # type: ignore[operator]


def compare_branch(r: Request) -> Encoding:
    r.count(2)
    rt, sf = r.gp(0)
    _target(r, 1, "R_AARCH64_CONDBR19")
    return r.done(COMPARE_BRANCH[r.mnemonic] | (sf << 31) | rt)


def test_branch(r: Request) -> Encoding:
    r.count(3)
    rt, sf = r.gp(0)
    bit = r.ranged(1, 0, 63 if sf else 31)
    _target(r, 2, "R_AARCH64_TSTBR14")
    return r.done(TEST_BRANCH[r.mnemonic] | ((bit >> 5) << 31) | ((bit & 31) << 19) | rt)


def branch_register(r: Request) -> Encoding:
    if r.mnemonic == "ret":
        r.count(0, 1)
        rn = r.gp(0, size="x")[0] if r.has(0) else 30
    else:
        r.count(1)
        rn, _ = r.gp(0, size="x")
    return r.done(BRANCH_REGISTER[r.mnemonic] | (rn << 5))


def exception(r: Request) -> Encoding:
    r.count(1 if r.mnemonic != "hlt" else 1)
    return r.done(EXCEPTION[r.mnemonic] | (r.ranged(0, 0, 0xFFFF) << 5))


def hint(r: Request) -> Encoding:
    if r.mnemonic == "hint":
        r.count(1)
        return r.done(HINT | (r.ranged(0, 0, 127) << 5))
    r.count(0)
    return r.done(HINT | (HINTS[r.mnemonic] << 5))


BTI_TARGETS = {None: 0, "c": 2, "j": 4, "jc": 6}


def bti(r: Request) -> Encoding:
    """bti {c|j|jc}: HINT #32 + target (branch target identification)."""
    r.count(0, 1)
    target = r.keyword(0) if r.ops else None
    if r.ops and target not in BTI_TARGETS:
        raise OperandError("unknown or missing operation name", 0)
    return r.done(HINT | ((32 | BTI_TARGETS[target]) << 5))


def no_operands(r: Request) -> Encoding:
    r.count(0)
    return r.done(NO_OPERANDS[r.mnemonic])


def clrex(r: Request) -> Encoding:
    """clrex {#imm}: CRm defaults to 15."""
    r.count(0, 1)
    crm = r.ranged(0, 0, 15) if r.ops else 15
    return r.done(0xD503305F | (crm << 8))


def sys_(r: Request) -> Encoding:
    """sys #op1, Cn, Cm, #op2{, Xt}: the generic system instruction."""
    r.count(4, 5)
    op1 = r.ranged(0, 0, 7)
    crn = _control_register(r, 1)
    crm = _control_register(r, 2)
    op2 = r.ranged(3, 0, 7)
    rt = r.gp(4, size="x")[0] if r.has(4) else 31
    return r.done(0xD5080000 | (op1 << 16) | (crn << 12) | (crm << 8) | (op2 << 5) | rt)


def _control_register(r: Request, i: int) -> int:
    name = r.keyword(i) or ""
    if name[:1] == "c" and name[1:].isdigit() and int(name[1:]) < 16:
        return int(name[1:])
    raise OperandError("Cn or Cm expected", i)


def barrier(r: Request) -> Encoding:
    name = r.mnemonic
    r.count(0 if name == "isb" and not r.ops else 1)
    if not r.ops:
        return r.done(BARRIERS[name] | (15 << 8))     # isb alone: isb sy
    option = r.keyword(0)
    if option is not None:
        if option not in BARRIER_OPTIONS:
            raise OperandError("constant expression required", 0)
        if name == "isb" and option != "sy":
            raise OperandError("the specified option is not accepted in ISB", 0)
        crm = BARRIER_OPTIONS[option]
    else:
        crm = r.ranged(0, 0, 15)
    return r.done((BARRIERS[name] & ~(0xF << 8)) | (crm << 8))


def system_register(name: str | None) -> tuple[int, int, int, int, int] | None:
    if name is None:
        return None
    if name in SYSTEM_REGISTERS:
        return SYSTEM_REGISTERS[name]
    m = _GENERIC_SYSREG.match(name)
    if m:
        op0, op1, crn, crm, op2 = (int(g) for g in m.groups())
        if op0 >= 2 and crn < 16 and crm < 16:
            return op0, op1, crn, crm, op2
    return None


def _sysreg_bits(fields: tuple[int, int, int, int, int]) -> int:
    op0, op1, crn, crm, op2 = fields
    return (op0 << 19) | (op1 << 16) | (crn << 12) | (crm << 8) | (op2 << 5)


def mrs(r: Request) -> Encoding:
    r.count(2)
    rt, _ = r.gp(0, size="x")
    fields = system_register(r.keyword(1))
    if fields is None:
        raise OperandError("unknown or missing system register name", 1)
    return r.done(0xD5200000 | _sysreg_bits(fields) | rt)


def msr(r: Request) -> Encoding:
    r.count(2)
    name = r.keyword(0)
    if name in PSTATE_FIELDS and not r.info(1):
        op1, op2 = PSTATE_FIELDS[name]
        imm = r.ranged(1, 0, 15)
        return r.done(0xD500401F | (op1 << 16) | (imm << 8) | (op2 << 5))
    fields = system_register(name)
    if fields is None:
        raise OperandError("unknown or missing system register name", 0)
    rt, _ = r.gp(1, size="x")
    return r.done(0xD5000000 | _sysreg_bits(fields) | rt)


def sys_alias(r: Request) -> Encoding:
    table = {"dc": DC_OPS, "ic": IC_OPS, "tlbi": TLBI_OPS}[r.mnemonic]
    r.count(1, 2)
    op = r.keyword(0)
    if op not in table:
        raise OperandError("unknown or missing operation name", 0)
    op1, crn, crm, op2 = table[op]
    rt = r.gp(1, size="x")[0] if r.has(1) else 31
    return r.done(0xD5080000 | (op1 << 16) | (crn << 12) | (crm << 8) | (op2 << 5) | rt)


def encoders() -> dict[str, object]:
    table: dict[str, object] = {
        "b": unconditional, "bl": unconditional,
        "cbz": compare_branch, "cbnz": compare_branch,
        "tbz": test_branch, "tbnz": test_branch,
        **{m: branch_register for m in BRANCH_REGISTER},
        **{m: exception for m in EXCEPTION},
        **{m: hint for m in list(HINTS) + ["hint"]},
        **{m: barrier for m in BARRIERS}, "bti": bti,
        **{m: no_operands for m in NO_OPERANDS}, "clrex": clrex, "sys": sys_,
        "mrs": mrs, "msr": msr, "dc": sys_alias, "ic": sys_alias, "tlbi": sys_alias,
    }
    for cond in CONDITIONS + tuple(CONDITION_ALIASES):
        table[f"b.{cond}"] = conditional
        if cond not in ("al", "nv"):        # GNU as: b.al, but no "bal"
            table[f"b{cond}"] = conditional
    return table


ENCODERS = encoders()

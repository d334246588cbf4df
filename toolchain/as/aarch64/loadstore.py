"""A64 loads and stores: Arm ARM C4.1.94 "Loads and Stores".

Single registers (LDR/STR and their byte, halfword and sign-extending
forms, general and FP/SIMD registers): ``size 111 V 0x opc ...`` with the
address form chosen by the operand --

* ``[Xn{, #imm}]``: unsigned offset scaled by the access size (imm12);
  GNU as falls back to the unscaled LDUR/STUR form (imm9) for a negative
  or unaligned offset, as the Arm ARM's "preferred disassembly" does;
* ``[Xn, #imm]!`` / ``[Xn], #imm``: pre/post-index, imm9;
* ``[Xn, Rm{, extend {#amount}}]``: register offset, option:S;
* ``label``: PC-relative literal (imm19), LDR/LDRSW/PRFM only.

Pairs (LDP/STP/LDNP/STNP/LDPSW: imm7 scaled), exclusives and
acquire/release (LDXR/STXR/LDAR/STLR...), and the LSE atomics
(LDADD/SWP/CAS... with their ST* aliases) follow.
"""

from __future__ import annotations

from ..expr import Expr, fold_constant
from ..instruction import Memory
from ..isa import Encoding
from ..symbols import specifier_of
from .encoder import MismatchError, Request
from .operands import OperandError
from .registers import register_info
from .relocs import LITERAL, specifier_reloc

# mnemonic -> (size, opc) for general registers; None size: from Rt (w/x).
# opc: 00 store, 01 load, 10 load signed to 64, 11 load signed to 32.
SINGLE = {
    "strb": (0, 0), "ldrb": (0, 1), "ldrsb": (0, None),
    "strh": (1, 0), "ldrh": (1, 1), "ldrsh": (1, None),
    "str": (None, 0), "ldr": (None, 1), "ldrsw": (2, 2), "prfm": (3, 2),
}
UNSCALED = {"stur": "str", "ldur": "ldr", "sturb": "strb", "ldurb": "ldrb",
            "ldursb": "ldrsb", "sturh": "strh", "ldurh": "ldrh", "ldursh": "ldrsh",
            "ldursw": "ldrsw", "prfum": "prfm"}
UNPRIVILEGED = {"sttr": "str", "ldtr": "ldr", "sttrb": "strb", "ldtrb": "ldrb",
                "ldtrsb": "ldrsb", "sttrh": "strh", "ldtrh": "ldrh", "ldtrsh": "ldrsh",
                "ldtrsw": "ldrsw"}
FP_SIZE = {"b": 0, "h": 1, "s": 2, "d": 3, "q": 0}
EXTEND_OPTION = {"uxtw": 2, "lsl": 3, "uxtx": 3, "sxtw": 6, "sxtx": 7}

# Prefetch operations (PRFM <prfop>): type (PLD/PLI/PST), target level, policy.
PRFOPS = {f"{kind}l{level}{policy}": (k << 3) | ((level - 1) << 1) | p
          for k, kind in enumerate(("pld", "pli", "pst"))
          for level in (1, 2, 3) for p, policy in enumerate(("keep", "strm"))}

# Pairs: mnemonic -> (L, kind); kind "np" is the no-allocate form.
PAIRS = {"stp": (0, ""), "ldp": (1, ""), "stnp": (0, "np"), "ldnp": (1, "np"),
         "ldpsw": (1, "sw")}

# Exclusive / ordered: mnemonic -> (o2, L, o1, o0, status register, pair).
def _exclusive_table() -> dict[str, tuple[int, int, int, int, bool, bool]]:
    rows = {}
    for suffix, size in (("b", 0), ("h", 1), ("", None)):
        rows[f"stxr{suffix}"] = (0, 0, 0, 0, True, False)
        rows[f"stlxr{suffix}"] = (0, 0, 0, 1, True, False)
        rows[f"ldxr{suffix}"] = (0, 1, 0, 0, False, False)
        rows[f"ldaxr{suffix}"] = (0, 1, 0, 1, False, False)
        rows[f"stllr{suffix}"] = (1, 0, 0, 0, False, False)
        rows[f"stlr{suffix}"] = (1, 0, 0, 1, False, False)
        rows[f"ldlar{suffix}"] = (1, 1, 0, 0, False, False)
        rows[f"ldar{suffix}"] = (1, 1, 0, 1, False, False)
    rows.update({"stxp": (0, 0, 1, 0, True, True), "stlxp": (0, 0, 1, 1, True, True),
                 "ldxp": (0, 1, 1, 0, False, True), "ldaxp": (0, 1, 1, 1, False, True)})
    return rows


EXCLUSIVE = _exclusive_table()

# LSE atomic memory operations: base name -> (o3, opc).
ATOMIC_OPS = {"ldadd": (0, 0), "ldclr": (0, 1), "ldeor": (0, 2), "ldset": (0, 3),
              "ldsmax": (0, 4), "ldsmin": (0, 5), "ldumax": (0, 6), "ldumin": (0, 7),
              "swp": (1, 0)}


def _atomic_table() -> dict[str, tuple[int, int, int, int, int | None, bool]]:
    """name -> (o3, opc, A, R, size, store alias)."""
    rows = {}
    for base, (o3, opc) in ATOMIC_OPS.items():
        for order, (a, rr) in (("", (0, 0)), ("a", (1, 0)), ("l", (0, 1)), ("al", (1, 1))):
            for suffix, size in (("", None), ("b", 0), ("h", 1)):
                rows[f"{base}{order}{suffix}"] = (o3, opc, a, rr, size, False)
                if base != "swp" and order in ("", "l"):
                    rows[f"st{base[2:]}{order}{suffix}"] = (o3, opc, a, rr, size, True)
    return rows


ATOMICS = _atomic_table()
CAS = {f"cas{order}{suffix}": (l, o0, size)
       for order, (l, o0) in (("", (0, 0)), ("a", (1, 0)), ("l", (0, 1)), ("al", (1, 1)))
       for suffix, size in (("", None), ("b", 0), ("h", 1))}


def _base(r: Request, m: Memory, i: int) -> int:
    info = register_info(m.base.name)  # type: ignore[union-attr]
    if info is None or info.kind != "x":
        raise OperandError("64-bit integer or SP register expected", i)
    if info.number == 31 and not info.sp:
        raise OperandError("invalid base register", i)
    return info.number


def _offset(r: Request, m: Memory, i: int) -> int | Expr:
    if m.displacement is None:
        return 0
    value = fold_constant(m.displacement)
    return m.displacement if value is None else value


def _transfer(r: Request) -> tuple[int, int, int, int]:
    """(size, V, opc, scale) of a single-register load/store, from mnemonic and Rt."""
    name = r.mnemonic
    name = UNSCALED.get(name, UNPRIVILEGED.get(name, name))
    size, opc = SINGLE[name]
    if name == "prfm":
        return 3, 0, 2, 3
    info = r.info(0)
    if info is None or info.kind not in "xwbhsdq" or info.sp:
        raise OperandError("operand 1 must be an integer or SIMD register"
                           if name in ("ldr", "str") else "operand 1 must be an integer register",
                           None)
    if info.kind in "bhsdq":
        if name not in ("ldr", "str"):
            raise MismatchError()
        fsize = FP_SIZE[info.kind]
        scale = 4 if info.kind == "q" else fsize
        return fsize, 1, opc + (2 if info.kind == "q" else 0), scale
    if name in ("ldr", "str"):
        size = 3 if info.kind == "x" else 2
    elif name in ("ldrsb", "ldrsh"):
        opc = 2 if info.kind == "x" else 3
    elif name == "ldrsw":
        if info.kind != "x":
            raise MismatchError()
    elif info.kind != "w":
        raise MismatchError()
    return size, 0, opc, size  # type: ignore[return-value]


def _rt(r: Request) -> int:
    if r.mnemonic in ("prfm", "prfum"):
        name = r.keyword(0)
        if name is not None:
            if name not in PRFOPS:
                raise OperandError("constant expression required", 0)
            return PRFOPS[name]
        return r.ranged(0, 0, 31)
    return r.info(0).number  # type: ignore[union-attr]


def single(r: Request) -> Encoding:
    r.count(2)
    size, v, opc, scale = _transfer(r)
    rt = _rt(r)
    op = r.ops[1]
    name = r.mnemonic
    if not isinstance(op, Memory):
        return _literal(r, size, v, opc, rt)
    rn = _base(r, op, 1)
    head = (size << 30) | (0x7 << 27) | (v << 26) | (opc << 22) | (rn << 5) | rt
    if op.index is not None and op.writeback is None:
        return _register_offset(r, op, head, scale)
    offset = _offset(r, op, 1)
    unscaled = name in UNSCALED
    if op.writeback is not None or unscaled or name in UNPRIVILEGED:
        if isinstance(offset, Expr):
            raise OperandError("invalid addressing mode", 1)
        if not -256 <= offset <= 255:
            raise OperandError("immediate offset out of range -256 to 255", 1)
        mode = {"post": 1, "pre": 3}.get(op.writeback or "", 2 if name in UNPRIVILEGED else 0)
        return r.done(head | ((offset & 0x1FF) << 12) | (mode << 10))
    if isinstance(offset, Expr):
        spec = specifier_of(offset)
        reloc = specifier_reloc(spec, "ldst", 8 << scale) if spec else None
        if reloc is None:
            raise OperandError("invalid addressing mode" if not spec else
                               "relocation not allowed", 1)
        r.fixup(offset, reloc)
        return r.done(head | (1 << 24))
    if offset >= 0 and offset % (1 << scale) == 0 and offset >> scale < 4096:
        return r.done(head | (1 << 24) | ((offset >> scale) << 10))
    if -256 <= offset <= 255:
        return r.done(head | ((offset & 0x1FF) << 12))
    raise OperandError("immediate offset out of range", bare=True)


def _register_offset(r: Request, m: Memory, head: int, scale: int) -> Encoding:
    index = register_info(m.index.name)  # type: ignore[union-attr]
    if index is None or index.kind not in "xw" or index.sp:
        raise OperandError("invalid addressing mode", 1)
    op, _, amount_text = (m.extend or "lsl").partition(" #")
    if op not in EXTEND_OPTION:
        raise OperandError("invalid addressing mode", 1)
    option = EXTEND_OPTION[op]
    if (index.kind == "w") != (option in (2, 6)):
        raise OperandError("invalid addressing mode", 1)
    s = 0
    if amount_text:
        amount = int(amount_text)
        if amount not in (0, scale):
            raise OperandError("invalid shift amount", 1)
        s = 1 if scale == 0 else int(amount == scale)
    return r.done(head | (1 << 21) | (index.number << 16) | (option << 13) | (s << 12)
                  | (2 << 10))


# LDR (literal): opc V 011 ... imm19 Rt.
LITERAL_OPC = {("ldr", "w"): 0x18000000, ("ldr", "x"): 0x58000000,
               ("ldrsw", "x"): 0x98000000, ("prfm", ""): 0xD8000000,
               ("ldr", "s"): 0x1C000000, ("ldr", "d"): 0x5C000000, ("ldr", "q"): 0x9C000000}


def _literal(r: Request, size: int, v: int, opc: int, rt: int) -> Encoding:
    name = r.mnemonic
    kind = "" if name == "prfm" else r.info(0).kind  # type: ignore[union-attr]
    word = LITERAL_OPC.get((name, kind))
    if word is None:
        raise OperandError("invalid addressing mode", 1)
    target = r.expr(1)
    spec = specifier_of(target)
    reloc = specifier_reloc(spec, LITERAL) if spec else "R_AARCH64_LD_PREL_LO19"
    if reloc is None:
        raise OperandError("relocation not allowed", 1)
    r.fixup(target, reloc, pcrel=True)
    return r.done(word | rt)


def pair(r: Request) -> Encoding:
    r.count(3)
    load, kind = PAIRS[r.mnemonic]
    first = r.info(0)
    if first is None or first.kind not in "xwsdq" or first.sp:
        raise OperandError("operand 1 must be an integer or SIMD register", None)
    second = r.info(1)
    if second is None or second.kind != first.kind or second.sp:
        raise MismatchError()
    if kind == "sw":
        if first.kind != "x":
            raise MismatchError()
        opc, v, scale = 1, 0, 2
    elif first.kind in "xw":
        opc, v, scale = (2, 0, 3) if first.kind == "x" else (0, 0, 2)
    else:
        opc, v, scale = {"s": (0, 1, 2), "d": (1, 1, 3), "q": (2, 1, 4)}[first.kind]
    m = r.memory(2)
    rn = _base(r, m, 2)
    offset = _offset(r, m, 2)
    if isinstance(offset, Expr):
        raise OperandError("invalid addressing mode", 2)
    unit = 1 << scale
    if offset % unit:
        raise OperandError(f"immediate value must be a multiple of {unit}", 2)
    if not -64 * unit <= offset <= 63 * unit:
        raise OperandError(f"immediate offset out of range {-64 * unit} to {63 * unit}", 2)
    if kind == "np":
        if m.writeback is not None:
            raise OperandError("invalid addressing mode", 2)
        mode = 0
    else:
        mode = {"post": 1, "pre": 3}.get(m.writeback or "", 2)
    word = (opc << 30) | (0x5 << 27) | (v << 26) | (mode << 23) | (load << 22)
    return r.done(word | (((offset >> scale) & 0x7F) << 15) | (second.number << 10)
                  | (rn << 5) | first.number)


def exclusive(r: Request) -> Encoding:
    o2, load, o1, o0, status, is_pair = EXCLUSIVE[r.mnemonic]
    n = 1 + int(status) + int(is_pair) + 1
    r.count(n)
    i = 0
    rs = 31
    if status:
        rs, sf_s = r.gp(0)
        if sf_s:
            raise MismatchError()
        i = 1
    rt, sf = r.gp(i)
    rt2 = 31
    if is_pair:
        rt2, sf2 = r.gp(i + 1)
        if sf2 != sf:
            raise MismatchError()
    suffix = r.mnemonic[-1]
    if suffix in "bh" and not is_pair:
        size = 0 if suffix == "b" else 1
        if sf:
            raise MismatchError()
    else:
        size = (3 if sf else 2) if not is_pair else (1 if sf else 0) | 2
    m = r.memory(n - 1)
    rn = _base(r, m, n - 1)
    if m.index is not None or m.writeback is not None:
        raise OperandError("invalid addressing mode", n - 1)
    if _offset(r, m, n - 1) != 0:
        raise OperandError("the optional immediate offset can only be 0", n - 1)
    word = (size << 30) | 0x08000000 | (o2 << 23) | (load << 22) | (o1 << 21) | (rs << 16)
    return r.done(word | (o0 << 15) | (rt2 << 10) | (rn << 5) | rt)


def atomic(r: Request) -> Encoding:
    o3, opc, a, rel, size, store = ATOMICS[r.mnemonic]
    r.count(2 if store else 3)
    rs, sf = r.gp(0)
    rt = 31
    if not store:
        rt, sf_t = r.gp(1)
        if sf_t != sf:
            raise MismatchError()
    m = r.memory(len(r.ops) - 1)
    rn = _base(r, m, len(r.ops) - 1)
    if size is None:
        size = 3 if sf else 2
    elif sf:
        raise MismatchError()
    word = (size << 30) | 0x38200000 | (a << 23) | (rel << 22) | (rs << 16) | (o3 << 15)
    return r.done(word | (opc << 12) | (rn << 5) | rt)


def compare_swap(r: Request) -> Encoding:
    acquire, release, size = CAS[r.mnemonic]
    r.count(3)
    rs, sf = r.gp(0)
    rt, sf_t = r.gp(1)
    if sf != sf_t or (size is not None and sf):
        raise MismatchError()
    if size is None:
        size = 3 if sf else 2
    m = r.memory(2)
    rn = _base(r, m, 2)
    word = (size << 30) | 0x08A07C00 | (acquire << 22) | (rs << 16) | (release << 15)
    return r.done(word | (rn << 5) | rt)


ENCODERS = {
    **{m: single for m in list(SINGLE) + list(UNSCALED) + list(UNPRIVILEGED)},
    **{m: pair for m in PAIRS},
    **{m: exclusive for m in EXCLUSIVE},
    **{m: atomic for m in ATOMICS},
    **{m: compare_swap for m in CAS},
}

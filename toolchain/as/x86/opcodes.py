"""The x86 opcode table: rows in Intel SDM notation, and their parsed form.

Row notation
============
A row is a tuple ``(MNEMONIC, OPCODE, OPERANDS)`` or ``(MNEMONIC, OPCODE,
OPERANDS, FLAGS)``, copied from the "Opcode" and "Instruction" columns of the
Intel SDM Vol. 2 instruction pages, one row per SDM line::

    ("ADD",   "REX.W 01 /r",  "r/m64, r64"),
    ("ADD",   "83 /0 ib",     "r/m32, imm8",  "sx"),
    ("MOV",   "B8+rd id",     "r32, imm32"),
    ("Jcc",   "0F 80+cc cd",  "rel32"),
    ("FADD",  "D8 C0+i",      "ST(0), ST(i)"),
    ("ADDPS", "0F 58 /r",     "xmm1, xmm2/m128"),

MNEMONIC
    The SDM mnemonic.  ``cc`` in it (``Jcc``, ``SETcc``, ``CMOVcc``) expands to
    the sixteen conditions and all their aliases (``JB``/``JC``/``JNAE``), the
    opcode then has a ``+cc`` byte.
OPCODE
    Space-separated SDM tokens: ``66``/``F2``/``F3``/``9B`` before the opcode
    are mandatory prefixes; ``REX.W`` asks for REX.W (so the row is 64-bit mode
    only); opcode bytes in hex, the last one optionally ``+rb``/``+rw``/
    ``+rd``/``+ro`` (register number in its low 3 bits), ``+i`` (x87
    ``ST(i)``) or ``+cc``; ``/r`` (ModRM with a register operand in reg) or
    ``/0``..``/7`` (ModRM.reg is that digit); then the immediate fields in
    order: ``ib iw id io`` (immediates), ``cb cw cd`` (relative offsets;
    ``cd``/``cp`` are also the 4- and 6-byte far pointers ptr16:16/ptr16:32).
    A hex byte after the ModRM token is a fixed byte in the immediate's
    place (``F3 0F C2 /r 00`` is CMPEQSS: CMPSS with predicate 0).
    ``+`` signs as the SDM writes them (``REX.W + 8B /r``) are allowed.
    Operand-size 66 and REX.W for 16/64-bit GP forms follow from the
    operands, as in the SDM: ``01 /r`` is both ``ADD r/m16, r16`` and
    ``ADD r/m32, r32``; the encoder adds 66 where the mode needs it.
OPERANDS
    SDM operand types, Intel order (destination first): ``r8 r16 r32 r64``,
    ``r/m8``..``r/m64``, ``m`` (any memory), ``m8``..``m128``, ``m16:16``
    ``m16:32`` ``m16:64`` (far pointers in memory), ``m16&32`` ``m16&64``
    (descriptor-table pointers), ``m32fp m64fp m80fp m16int m32int m64int
    m80bcd m2byte m14/28byte m94/108byte m512byte`` (x87), ``imm8``..``imm64``,
    ``rel8 rel16 rel32``, ``ptr16:16 ptr16:32``, ``moffs8``..``moffs64``,
    ``Sreg``, ``CR0-CR7``, ``CR8``, ``DR0-DR7``, ``ST(0)``, ``ST(i)``,
    ``mm mm1 mm2 mm/m32 mm/m64``, ``xmm xmm1 xmm2 xmm2/m16 ... xmm2/m128``,
    ``<XMM0>``, ``reg`` (r32 or r64), ``r32/m8``, ``r32/m16``, ``reg/m8``
    ``reg/m16``, fixed registers ``AL AX EAX RAX CL DX ES CS SS DS FS GS``, and
    ``1`` (shift by one).  In a ``/r`` row without an r/m operand the
    ModRM.rm register is the general register beside a CR/DR/Sreg, else the
    last register (``MOVHLPS xmm1, xmm2``: xmm2).
FLAGS (optional)
    Space-separated words:
    ``sx``     the imm8 is sign-extended to the operand size: the row only
               matches a constant that fits (gas's Imm8S); else imm8 takes
               any 8-bit value or symbol.
    ``i64``    not encodable in 64-bit mode (``PUSHA``, ``INC r32`` 40+rd).
    ``o64``    64-bit mode only.
    ``d64``    operand size defaults to 64 in 64-bit mode (push/pop, near
               branches): the 64-bit row needs no REX.W, the 32-bit row is
               invalid there.  Rows using 64-bit registers or REX.W are
               64-bit-only without saying so.
    ``ds``     under ``.code16gcc`` the operand size defaults to 32 (gas's
               DefaultSize: call, ret, push, pop, enter, leave ...).
    ``os8 os16 os32 os64``  the operand size (66 prefix / suffix letter)
               when the operands do not show it.
    ``os0``    no operand-size prefix whatever the size (``MOV m16, Sreg``,
               ``MOV r32, CR0-CR7``); the suffix letter still follows the size.
    ``att=a,b``  the AT&T mnemonics for the row, replacing the derived ones
               (``att=-``: none, an Intel-only row).
    ``intel=a,b``  extra Intel-syntax mnemonics.
    ``nomem``  ``/r`` row whose r/m operand must be a register.
    ``abs64``  64-bit moffs row under a plain ``mov`` name: it matches only a
               constant address that does not fit in 32 signed bits, and
               then wins over every ModRM form (gas's choice).

Mnemonics by syntax
===================
Intel syntax uses the SDM mnemonic.  AT&T names are derived: the mnemonic
in lower case, bare and with the suffix of the operand size (``b w l q``,
not on relative branches nor MMX/SSE rows other than the conversions
between a general register and a scalar (``cvtsi2sdl``, ``cvttsd2siq``);
for x87 memory ``s l t`` for 32/64/80-bit reals and ``s l ll q`` for 16/32/
64-bit integers), unless the row gives ``att=`` (``movzbl``, ``cltq``,
``ljmp``, and gas's swapped ``fsub``/``fsubr`` of ``ST(i), ST(0)`` forms).

Selection
=========
Among the rows that accept the operands in the current mode, the encoder
takes the shortest encoding, ties going to the earlier row, which is what
GNU as does: table order matters (``01 /r`` before ``03 /r``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .opcodes_gp import GP_ROWS
from .opcodes_simd_int import SIMD_INT_ROWS
from .opcodes_sse import SSE_ROWS
from .opcodes_system import SYSTEM_ROWS
from .opcodes_x87 import X87_ROWS

Row = tuple[str, ...]

# The condition codes, by number, with every alias GNU as accepts.
CONDITIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (0x0, ("o",)), (0x1, ("no",)), (0x2, ("b", "c", "nae")), (0x3, ("ae", "nb", "nc")),
    (0x4, ("e", "z")), (0x5, ("ne", "nz")), (0x6, ("be", "na")), (0x7, ("a", "nbe")),
    (0x8, ("s",)), (0x9, ("ns",)), (0xA, ("p", "pe")), (0xB, ("np", "po")),
    (0xC, ("l", "nge")), (0xD, ("ge", "nl")), (0xE, ("le", "ng")), (0xF, ("g", "nle")),
)


@dataclass(frozen=True, slots=True)
class OperandType:
    """One SDM operand type of a row (``r/m32``, ``imm8``, ``xmm2/m64``)."""

    text: str
    kind: str                 # reg rm mem imm rel ptr moffs fixed const
    cls: str | None = None    # register class of reg/rm/fixed: gp seg cr dr st mm xmm
    size: int | None = None   # register, immediate, offset or pointer width (bits)
    msize: int | None = None  # memory width in bits (None: any)
    fixed: str | None = None  # the register of a fixed operand ("al", "st", "xmm0")
    mtype: str | None = None  # memory kind for AT&T suffixes: fp int bcd far


def _operand_vocabulary() -> dict[str, OperandType]:
    v: dict[str, OperandType] = {}

    def put(text: str, kind: str, **kw: object) -> None:
        v[text] = OperandType(text, kind, **kw)  # type: ignore[arg-type]

    for s in (8, 16, 32, 64):
        put(f"r{s}", "reg", cls="gp", size=s)
        put(f"r/m{s}", "rm", cls="gp", size=s, msize=s)
        put(f"imm{s}", "imm", size=s)
        put(f"moffs{s}", "moffs", size=s, msize=s)
    for s in (8, 16, 32):
        put(f"rel{s}", "rel", size=s)
    for s in (8, 16, 32, 64, 80, 128):
        put(f"m{s}", "mem", msize=s)
    put("m", "mem")
    put("reg", "reg", cls="gp")
    for r in (8, 16, 32):
        put(f"reg/m{r}", "rm", cls="gp", msize=r)
        put(f"r16/m{r}", "rm", cls="gp", size=16, msize=r)
        put(f"r32/m{r}", "rm", cls="gp", size=32, msize=r)
        put(f"r64/m{r}", "rm", cls="gp", size=64, msize=r)
    put("m16:16", "mem", msize=32, mtype="far")
    put("m16:32", "mem", msize=48, mtype="far")
    put("m16:64", "mem", msize=80, mtype="far")
    put("m16&32", "mem", msize=48)
    put("m16&64", "mem", msize=80)
    put("m16&16", "mem", msize=32)
    put("m32&32", "mem", msize=64)
    for s in (32, 64, 80):
        put(f"m{s}fp", "mem", msize=s, mtype="fp")
    for s in (16, 32, 64):
        put(f"m{s}int", "mem", msize=s, mtype="int")
    put("m80bcd", "mem", msize=80, mtype="bcd")
    put("m2byte", "mem", msize=16)
    for t in ("m14/28byte", "m94/108byte", "m512byte"):
        put(t, "mem")
    put("ptr16:16", "ptr", size=32)
    put("ptr16:32", "ptr", size=48)
    put("Sreg", "reg", cls="seg", size=16)
    put("CR0-CR7", "reg", cls="cr")
    put("CR8", "fixed", cls="cr", fixed="cr8")
    put("DR0-DR7", "reg", cls="dr")
    put("ST(0)", "fixed", cls="st", fixed="st")
    put("ST(i)", "reg", cls="st")
    for t in ("mm", "mm1", "mm2"):
        put(t, "reg", cls="mm", size=64)
    for t in ("xmm", "xmm1", "xmm2", "xmm3"):
        put(t, "reg", cls="xmm", size=128)
    for t in ("mm", "mm1", "mm2"):
        for s in (32, 64):
            put(f"{t}/m{s}", "rm", cls="mm", size=64, msize=s)
    for t in ("xmm", "xmm1", "xmm2", "xmm3"):
        for s in (8, 16, 32, 64, 128):
            put(f"{t}/m{s}", "rm", cls="xmm", size=128, msize=s)
    put("<XMM0>", "fixed", cls="xmm", size=128, fixed="xmm0")
    for name, s in (("AL", 8), ("CL", 8), ("AX", 16), ("DX", 16), ("EAX", 32), ("RAX", 64)):
        put(name, "fixed", cls="gp", size=s, fixed=name.lower())
    for name in ("ES", "CS", "SS", "DS", "FS", "GS"):
        put(name, "fixed", cls="seg", size=16, fixed=name.lower())
    put("1", "const", size=1)
    put("3", "const", size=3)
    return v


OPERAND_TYPES: dict[str, OperandType] = _operand_vocabulary()

_HEX_BYTE = re.compile(r"^([0-9A-F]{2})(?:\+(rb|rw|rd|ro|i|cc))?$")
_IMM_TOKENS = frozenset(("ib", "iw", "id", "io", "cb", "cw", "cd", "cp"))
_PREFIX_BYTES = frozenset((0x66, 0xF2, 0xF3, 0x9B))
_SUFFIX = {8: "b", 16: "w", 32: "l", 64: "q"}
_X87_SUFFIXES = {("fp", 32): ("s",), ("fp", 64): ("l",), ("fp", 80): ("t",),
                 ("int", 16): ("s",), ("int", 32): ("l",), ("int", 64): ("ll", "q")}


@dataclass(frozen=True, slots=True)
class Form:
    """One row of the table, parsed; ``cc`` rows are expanded per condition."""

    mnemonic: str                       # SDM mnemonic ("JNE" for "Jcc" rows)
    opcode: str                         # the row's opcode text
    operand_text: str                   # the row's operand text
    operands: tuple[OperandType, ...]
    prefixes: bytes                     # mandatory prefixes: 66 F2 F3 9B
    rex_w: bool
    opcode_bytes: bytes                 # with +cc folded in
    plus: str | None                    # rb rw rd ro i: register in the last byte
    modrm: int | None                   # None, -1 for /r, else the /digit
    immediates: tuple[str, ...]         # ib iw id io cb cw cd cp, in order
    trailing: bytes                     # opcode bytes after ModRM (CMPEQPS's predicate)
    opsize: int | None                  # operand size for 66/REX.W and suffixes
    flags: frozenset[str]
    att_names: tuple[str, ...]
    intel_names: tuple[str, ...]
    order: int                          # position in the table (ties in selection)
    rm_index: int | None                # operand in ModRM.rm
    reg_index: int | None               # operand in ModRM.reg
    opreg_index: int | None             # operand in the opcode's low bits (+rd, +i)
    branch: bool                        # JMP/CALL/Jcc...: bare expressions are targets

    @property
    def sizes_by_prefix(self) -> bool:
        """Whether 66 / REX.W follow the GP operand size (not for MMX/SSE rows)."""
        return self.opsize is not None and "os0" not in self.flags and not any(
            o.cls in ("mm", "xmm") for o in self.operands)

    def att_name(self) -> str:
        """The AT&T spelling the printer uses when it must be explicit."""
        return self.att_names[0] if self.att_names else self.mnemonic.lower()

    def __str__(self) -> str:
        return f"{self.mnemonic} {self.operand_text} ({self.opcode})"


def parse_operand_types(text: str) -> tuple[OperandType, ...]:
    if not text.strip():
        return ()
    out = []
    for part in text.split(","):
        part = part.strip().replace("–", "-")
        try:
            out.append(OPERAND_TYPES[part])
        except KeyError:
            raise ValueError(f"unknown SDM operand type {part!r}") from None
    return tuple(out)


def _operand_size(operands: tuple[OperandType, ...], flags: frozenset[str]) -> int | None:
    for f in flags:
        if f.startswith("os") and f != "os0":
            return int(f[2:])
    for o in operands:
        if o.cls == "gp" and o.kind in ("reg", "rm") and o.size is not None:
            return o.size
        if o.kind == "fixed" and o.cls == "gp" and o.fixed != "dx" and o.fixed != "cl":
            return o.size
    for o in operands:
        if o.mtype == "far":
            return {32: 16, 48: 32, 80: 64}[o.msize or 48]
        if o.kind == "ptr":
            return 16 if o.size == 32 else 32
        if o.kind == "rel" and o.size != 8:
            return o.size
        if o.kind == "moffs":
            return o.size
    return None


# SSE conversions to or from a general register take an l/q suffix in AT&T
# (cvtsi2sdl, cvttsd2siq); other SIMD mnemonics take none.
_GP_CONVERSION = re.compile(r"cvtt?(si2s[sd]|s[sd]2si)$")


def _derived_att_names(bases: list[str], operands: tuple[OperandType, ...],
                       opsize: int | None) -> tuple[str, ...]:
    suffixes: tuple[str, ...] = ()
    simd = any(o.cls in ("mm", "xmm") for o in operands)
    if any(o.kind == "rel" for o in operands) or (simd and not _GP_CONVERSION.match(bases[0])):
        pass                                  # jne, movd, pextrw: no suffix
    elif opsize:
        suffixes = (_SUFFIX[opsize],)
    else:
        for o in operands:
            if o.mtype in ("fp", "int") and o.msize is not None:
                suffixes = _X87_SUFFIXES[(o.mtype, o.msize)]
    names = []
    for b in bases:
        names.extend(b + s for s in suffixes)
    names.extend(bases)
    return tuple(names)


def _parse_row(row: Row, order: int) -> list[Form]:
    mnemonic, opcode, operand_text = row[0], row[1], row[2]
    flag_words = row[3].split() if len(row) > 3 else []
    att: list[str] | None = None
    intel_extra: list[str] = []
    flags = set()
    for w in flag_words:
        if w == "att=-":
            att = []
        elif w.startswith("att="):
            att = w[4:].split(",")
        elif w.startswith("intel="):
            intel_extra = w[6:].split(",")
        else:
            flags.add(w)
    operands = parse_operand_types(operand_text)
    frozen_flags = frozenset(flags)
    opsize = _operand_size(operands, frozen_flags)

    prefixes = bytearray()
    body: list[tuple[int, str | None]] = []
    rex_w = False
    modrm: int | None = None
    immediates: list[str] = []
    trailing = bytearray()
    tokens = [t for t in opcode.split() if t not in ("+", "NP")]
    for i, tok in enumerate(tokens):
        if tok == "REX.W":
            rex_w = True
        elif tok == "/r":
            modrm = -1
        elif len(tok) == 2 and tok[0] == "/" and tok[1] in "01234567":
            modrm = int(tok[1])
        elif tok in _IMM_TOKENS:
            immediates.append(tok)
        else:
            m = _HEX_BYTE.match(tok)
            if m is None:
                raise ValueError(f"bad opcode token {tok!r} in {row!r}")
            value = int(m.group(1), 16)
            if modrm is not None:
                trailing.append(value)
                continue
            more_bytes = any(_HEX_BYTE.match(t) for t in tokens[i + 1:])
            if not body and value in _PREFIX_BYTES and more_bytes and m.group(2) is None:
                prefixes.append(value)
            else:
                body.append((value, m.group(2)))
    plus = body[-1][1] if body else None

    rm_index, reg_index, opreg_index = _roles(operands, modrm, plus)
    branch = mnemonic in ("JMP", "CALL") or any(o.kind == "rel" for o in operands)

    def form(name: str, opbytes: bytes, plus_kind: str | None, bases: list[str]) -> Form:
        att_names = tuple(att) if att is not None else _derived_att_names(bases, operands, opsize)
        intel_names = tuple(b for b in bases) + tuple(intel_extra)
        return Form(name, opcode, operand_text, operands, bytes(prefixes), rex_w, opbytes,
                    plus_kind, modrm, tuple(immediates), bytes(trailing), opsize, frozen_flags,
                    att_names, intel_names, order, rm_index, reg_index, opreg_index, branch)

    raw = bytes(b for b, _ in body)
    if plus == "cc":
        forms = []
        stem = mnemonic.replace("cc", "")
        for cc, aliases in CONDITIONS:
            bases = [stem.lower() + a for a in aliases]
            forms.append(form(stem + aliases[0].upper(), raw[:-1] + bytes((raw[-1] + cc,)),
                              None, bases))
        return forms
    return [form(mnemonic, raw, plus, [mnemonic.lower()])]


def _roles(operands: tuple[OperandType, ...], modrm: int | None,
           plus: str | None) -> tuple[int | None, int | None, int | None]:
    """Which operand goes in ModRM.rm, in ModRM.reg, and in the opcode byte."""
    regs = [i for i, o in enumerate(operands) if o.kind == "reg"]
    if plus in ("rb", "rw", "rd", "ro", "i"):
        return None, None, regs[0]
    if modrm is None:
        return None, None, None
    rms = [i for i, o in enumerate(operands) if o.kind in ("rm", "mem")]
    if modrm >= 0:
        return (rms or regs or [None])[0], None, None
    if rms:
        rm = rms[0]
    elif any(operands[i].cls in ("cr", "dr", "seg") for i in regs):
        rm = next(i for i in regs if operands[i].cls == "gp")
    else:
        rm = regs[-1]
    others = [i for i in regs if i != rm]
    return rm, (others[0] if others else None), None


def build_forms(rows: tuple[Row, ...]) -> tuple[Form, ...]:
    forms: list[Form] = []
    for order, row in enumerate(rows):
        forms.extend(_parse_row(row, order))
    return tuple(forms)


def _index(forms: tuple[Form, ...], intel: bool) -> dict[str, tuple[Form, ...]]:
    index: dict[str, list[Form]] = {}
    for f in forms:
        for name in (f.intel_names if intel else f.att_names):
            index.setdefault(name, []).append(f)
    return {k: tuple(v) for k, v in index.items()}


ALL_ROWS: tuple[Row, ...] = GP_ROWS + SYSTEM_ROWS + X87_ROWS + SSE_ROWS + SIMD_INT_ROWS
FORMS: tuple[Form, ...] = build_forms(ALL_ROWS)
ATT_INDEX: dict[str, tuple[Form, ...]] = _index(FORMS, intel=False)
INTEL_INDEX: dict[str, tuple[Form, ...]] = _index(FORMS, intel=True)


def suffix_size(att_name: str, form: Form) -> int | None:
    """The operand size an AT&T suffix on ``att_name`` states for ``form``, if any."""
    base = form.mnemonic.lower()
    if att_name != base and att_name.startswith(base) and form.opsize:
        return form.opsize
    return None

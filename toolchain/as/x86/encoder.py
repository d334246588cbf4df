"""x86 instruction encoding: the legacy (non-VEX) format of a chosen row (select.py chooses it).

An x86 instruction is, in order (SDM Vol. 2 §2.1, Figure 2-1)::

    [prefixes] [REX] opcode [ModRM [SIB]] [displacement] [immediates]

The quirks this module exists for:

* Prefixes come out in GNU as's slot order -- fwait (9B), segment, 67
  (address size), 66 (operand size, or a mandatory SSE prefix), F2/F3 (rep
  or mandatory), F0 (lock), then REX -- whatever order they were written in.
* Operand size is not in the opcode: ``01 /r`` adds 16, 32 or 64 bits; the
  mode's default (16 in .code16, else 32) needs no prefix, the other takes
  66, and 64 takes REX.W (rows say ``REX.W``; ``d64`` rows such as push/pop
  default to 64 bits in long mode and need none).
* REX (40-4F) carries W and the fourth bit of ModRM.reg (R), SIB.index (X)
  and ModRM.rm/SIB.base/opcode register (B).  Its mere presence turns byte
  registers 4-7 from ah/ch/dh/bh into spl/bpl/sil/dil, so the two sets never
  meet in one instruction.
* Memory: 32/64-bit addressing uses ModRM.rm 100 for a SIB byte (needed for
  an index, for esp/r12 as base, and for an absolute address in 64-bit mode,
  where rm 101 without SIB means rip-relative); rm 101 with mod 00 means "no
  base" so ebp/r13 always carry a displacement.  16-bit addressing has eight
  fixed base/index pairs (SDM Table 2-1).  Like gas, a displacement is left
  out when it is the constant 0, is one byte when a constant fits in
  -128..127, and is full size when symbolic.
* Among rows that fit, the shortest encoding wins, ties to the earlier row
  (see opcodes.py); imm8 rows marked ``sx`` only take constants that fit.
"""

from __future__ import annotations


from ..expr import Constant, Expr, fold_constant
from ..instruction import FarPointer, Immediate, Indirect, Instruction, Memory, Operand, Register
from ..isa import EncodeContext, Encoding, Fixup
from .opcodes import Form, OperandType
from .registers import REGISTERS, RegInfo
from .select import Match, RowSelector, encoding_error, reg_info, row_operands
from .shapes import shape_key, wrap
from .relocs import (GOT_SYMBOL, PCREL_RELOCS, plain_field_reloc, specifier_of,
                     specifier_reloc)

# Prefix words written before a mnemonic: (slot, byte).  Slots give gas's order.
SLOT_WAIT, SLOT_SEG, SLOT_ADDR, SLOT_DATA, SLOT_REP, SLOT_LOCK = range(6)
PREFIX_WORDS: dict[str, tuple[int, int]] = {
    "lock": (SLOT_LOCK, 0xF0), "rep": (SLOT_REP, 0xF3), "repe": (SLOT_REP, 0xF3),
    "repz": (SLOT_REP, 0xF3), "repne": (SLOT_REP, 0xF2), "repnz": (SLOT_REP, 0xF2),
    "data16": (SLOT_DATA, 0x66), "data32": (SLOT_DATA, 0x66), "addr16": (SLOT_ADDR, 0x67),
    "addr32": (SLOT_ADDR, 0x67), "cs": (SLOT_SEG, 0x2E), "ds": (SLOT_SEG, 0x3E),
    "es": (SLOT_SEG, 0x26), "fs": (SLOT_SEG, 0x64), "gs": (SLOT_SEG, 0x65),
    "ss": (SLOT_SEG, 0x36), "wait": (SLOT_WAIT, 0x9B), "notrack": (SLOT_SEG, 0x3E),
    "bnd": (SLOT_REP, 0xF2), "xacquire": (SLOT_REP, 0xF2), "xrelease": (SLOT_REP, 0xF3),
}
REX_WORDS = {"rex": 0x40, "rex64": 0x48} | {
    "rex." + bits: 0x40 | sum({"w": 8, "r": 4, "x": 2, "b": 1}[c] for c in bits)
    for bits in ("w", "r", "x", "b", "wr", "wx", "wb", "rx", "rb", "xb", "wrx", "wrb",
                 "wxb", "rxb", "wrxb")}
SEGMENT_PREFIX = {"es": 0x26, "cs": 0x2E, "ss": 0x36, "ds": 0x3E, "fs": 0x64, "gs": 0x65}

# Prefix words gas refuses, by mode: es, ss, data32 and addr16 do not exist in
# 64-bit mode; a size prefix naming the mode's own size is "redundant".
_PREFIX_WORD_MODES = {"es": (64,), "ss": (64,), "data32": (32, 64), "addr16": (16, 64),
                      "data16": (16,), "addr32": (32,)}
_IMM_BYTES = {"ib": 1, "iw": 2, "id": 4, "io": 8, "cb": 1, "cw": 2, "cd": 4, "cp": 6}
_MODRM16 = {("bx", "si"): 0, ("bx", "di"): 1, ("bp", "si"): 2, ("bp", "di"): 3,
            ("si", None): 4, ("di", None): 5, ("bp", None): 6, ("bx", None): 7}
# Opcodes whose @GOTPCREL / @GOT memory operand gas marks relaxable.
_RELAXABLE_GOT_OPCODES = frozenset((0x8B, 0x85, 0x03, 0x0B, 0x13, 0x1B, 0x23, 0x2B, 0x33, 0x3B))


class Encoder(RowSelector):
    """Encodes Instructions for one ELF class (x86-64 RELA or i386 REL names)."""

    def __init__(self, elf64: bool):
        self.elf64 = elf64
        # The row chosen for each instruction shape (see shapes.shape_key) and the
        # implicit operand it appends, if any.
        self._choices: dict[tuple, tuple[Form, Operand | None]] = {}
        self._encodings: dict[tuple, Encoding] = {}

    def encode(self, insn: Instruction, ctx: EncodeContext, short: bool = False) -> Encoding:
        name = insn.mnemonic.lower()
        # Compiled code repeats most instructions many times (register moves,
        # stack slots, small constants).  An encoding without fixups depends on
        # nothing but the instruction, so each is computed once.
        key = (name, insn.operands, insn.prefixes, ctx.code_bits, ctx.code16gcc, short)
        encoding = self._encodings.get(key)
        if encoding is None:
            encoding = self._encode(insn, name, ctx, short)
            if not encoding.fixups:
                self._encodings[key] = encoding
        return encoding

    def _encode(self, insn: Instruction, name: str, ctx: EncodeContext, short: bool) -> Encoding:
        for word in insn.prefixes + (name,):
            if word in _PREFIX_WORD_MODES and ctx.code_bits in _PREFIX_WORD_MODES[word]:
                if ctx.code_bits == 64:
                    raise encoding_error(f"`{word}' is not supported in 64-bit mode", insn)
                if word in insn.prefixes:   # a bare data16 line is just the byte
                    raise encoding_error(f"redundant {word} prefix", insn)
        if not insn.operands and (name in PREFIX_WORDS or name in REX_WORDS):
            return Encoding(bytes(self.prefix_bytes(name, ctx)))
        # Fast path: an instruction of a shape seen before takes the row that
        # won then, without matching the table or encoding the losers again.
        key = shape_key(insn, name, ctx, short)
        choice = self._choices.get(key) if key is not None else None
        if choice is not None:
            form, extra = choice
            return self.encode_legacy(insn, Match(form, row_operands(insn, name, extra)), ctx)
        matches, by_shape = self._select(insn, ctx, short)
        best: Encoding | None = None
        best_match = matches[0]
        for m in matches:
            enc = self.encode_legacy(insn, m, ctx)
            if best is None or len(enc.data) < len(best.data) or \
                    (len(enc.data) == len(best.data) and m.form.order < best_match.form.order):
                best, best_match = enc, m
        assert best is not None
        if key is not None and by_shape:
            extra = best_match.operands[-1] \
                if len(best_match.operands) > len(row_operands(insn, name, None)) else None
            self._choices[key] = (best_match.form, extra)
        return best

    @staticmethod
    def prefix_bytes(word: str, ctx: EncodeContext) -> list[int]:
        if word in REX_WORDS:
            return [REX_WORDS[word]]
        return [PREFIX_WORDS[word][1]]

    def encode_legacy(self, insn: Instruction, m: Match, ctx: EncodeContext) -> Encoding:
        """Encode one row of the legacy format: prefixes, REX, opcode, ModRM, SIB,
        displacement, immediates."""
        form, ops = m.form, m.operands
        mode = ctx.code_bits
        slots: dict[int, int] = {}
        rex = 0x48 if form.rex_w else 0
        force_rex = False
        addr_override = False
        for word in insn.prefixes:
            w = word.lower()
            if w in REX_WORDS:
                rex |= REX_WORDS[w]
                force_rex = True
            elif w in PREFIX_WORDS:
                slot, byte = PREFIX_WORDS[w]
                if slot == SLOT_ADDR:
                    addr_override = True
                if slot in slots:
                    raise encoding_error("same type of prefix used twice", insn)
                slots[slot] = byte
            else:
                raise encoding_error(f"unknown prefix `{word}'", insn)
        for byte in form.prefixes:
            slot = {0x66: SLOT_DATA, 0xF2: SLOT_REP, 0xF3: SLOT_REP, 0x9B: SLOT_WAIT}[byte]
            slots[slot] = byte
        if form.sizes_by_prefix:
            if (form.opsize == 16) != (mode == 16) and form.opsize in (16, 32):
                if SLOT_DATA in slots and any(p.lower() in ("data16", "data32")
                                              for p in insn.prefixes):
                    raise encoding_error("same type of prefix used twice", insn)
                slots[SLOT_DATA] = 0x66

        # Address size: from the memory operand's registers, else the mode.
        addr_size = 16 if mode == 16 else (64 if mode == 64 else 32)
        if addr_override:
            addr_size = 32 if addr_size != 32 else (16 if mode != 64 else 32)
        if "as16" in form.flags or "as32" in form.flags or "as64" in form.flags:
            want = 16 if "as16" in form.flags else 32 if "as32" in form.flags else 64
            if want != addr_size:
                slots[SLOT_ADDR] = 0x67
            addr_size = want
        mem = None
        warnings: tuple[str, ...] = ()
        string_row = mode == 64 and form.modrm is None and \
            form.mnemonic in ("MOVS", "CMPS", "SCAS", "STOS", "LODS", "INS", "OUTS", "XLAT")
        if string_row:
            # gas: another register than the implied one only warns; the
            # address size is the first operand's (32 or 64 bits).
            string_mems = 0
            for index in reversed(range(len(ops))):          # in AT&T order
                target = ops[index]
                if not isinstance(target, Memory) or target.base == Register("dx"):
                    continue
                regs = [r for r in (target.base, target.index) if r is not None]
                size = REGISTERS[regs[0].name].size if regs else None
                if string_mems == 0 and size == 32 and addr_size == 64:
                    slots[SLOT_ADDR] = 0x67
                    addr_size = 32
                elif (string_mems and target.base is not None and size != addr_size
                      and (size != 16 or form.mnemonic != "CMPS")) or \
                        (size == 16 and form.mnemonic == "MOVS"):
                    kind = "string address" if form.mnemonic == "CMPS" else "base/index"
                    raise encoding_error(f"`{_att_mem(target)}' is not a valid {kind} expression", insn)
                implied = "bx" if form.mnemonic == "XLAT" else \
                    "di" if self._default_segment(form, index, target) == "es" else "si"
                expected = ("r" if addr_size == 64 else "e") + implied
                if target.base != Register(expected) or target.index is not None \
                        or target.displacement is not None:
                    text = _att_mem(target).replace(",1)", ")")
                    warnings += (f"`{text}' is not valid here (expected `(%{expected})')",)
                string_mems += 1
        for op in ops:
            target = op.target if isinstance(op, Indirect) else op
            if isinstance(target, Memory) and not (target.base == Register("dx")
                                                   and target.index is None
                                                   and target.displacement is None):
                regs = [] if string_row else [r for r in (target.base, target.index)
                                              if r is not None]
                if regs:
                    size = REGISTERS[regs[0].name].size
                    if size != addr_size:
                        if (mode == 64 and size == 16) or (addr_override and form.modrm is not None):
                            raise encoding_error(f"`{_att_mem(target)}' is not a valid base/index "
                                         "expression", insn)
                        slots[SLOT_ADDR] = 0x67
                        addr_size = size
                if target.segment is not None:
                    seg = target.segment.name
                    index = ops.index(op)
                    default = self._default_segment(form, index, target)
                    if default == "es" and seg != "es":   # a string instruction's (e)di
                        raise encoding_error(f"`{form.mnemonic.lower()}' operand {len(ops) - index} "
                                     "must use `%es' segment", insn)
                    if seg != default:
                        slots[SLOT_SEG] = SEGMENT_PREFIX[seg]
                mem = mem or target

        body = bytearray(form.opcode_bytes)
        fixups: list[Fixup] = []
        reg_bits: list[tuple[RegInfo, str]] = []   # registers and the REX bit they use

        if form.opreg_index is not None:
            info = reg_info(ops[form.opreg_index])  # type: ignore[arg-type]
            body[-1] += info.num & 7
            reg_bits.append((info, "B"))
            if form.rex_w and body == b"\x90" and info.num == 0:
                rex = 0           # gas: xchg %rax,%rax is plain 90

        modrm_bytes = bytearray()
        disp: tuple[int, Expr | None, bool, str | None] | None = None  # size, expr, pcrel, kind
        if form.modrm is not None:
            if form.modrm >= 0:
                reg_field = form.modrm
            else:
                info = reg_info(ops[form.reg_index])  # type: ignore[arg-type]
                reg_field = info.num & 7
                reg_bits.append((info, "R"))
            rm_op = ops[form.rm_index]  # type: ignore[index]
            if isinstance(rm_op, Indirect):
                rm_op = rm_op.target
            if isinstance(rm_op, Register):
                info = reg_info(rm_op)
                modrm_bytes.append(0xC0 | reg_field << 3 | (info.num & 7))
                reg_bits.append((info, "B"))
            else:
                memop = rm_op if isinstance(rm_op, Memory) else Memory(displacement=rm_op)  # type: ignore[arg-type]
                if addr_size == 16:
                    mb, disp = self.modrm_memory16(memop, reg_field, insn)
                else:
                    mb, disp, rb = self.modrm_memory(memop, reg_field, addr_size, mode, insn)
                    reg_bits.extend(rb)
                modrm_bytes += mb

        # Immediates and other trailing fields, in row order.
        imm_fields: list[tuple[int, Operand, OperandType, str]] = []
        tokens = iter(form.immediates)
        for op, t in zip(ops, form.operands):
            if t.kind == "moffs":
                imm_fields.append((addr_size // 8, op, t, ""))
            elif t.kind in ("imm", "rel", "ptr"):
                tok = next(tokens)
                imm_fields.append((_IMM_BYTES[tok], op, t, tok))
        imm_total = sum(size for size, _, _, _ in imm_fields) + len(form.trailing)

        # REX.
        for info, bit in reg_bits:
            if info.num >= 8:
                rex |= {"R": 4, "X": 2, "B": 1}[bit]
        needs_byte = any(isinstance(op, Register) and REGISTERS[op.name].needs_rex
                         and REGISTERS[op.name].num < 8 for op in ops)
        if rex or needs_byte or force_rex:
            rex |= 0x40
            for op in ops:
                if isinstance(op, Register) and REGISTERS[op.name].forbids_rex:
                    raise encoding_error(f"can't encode register '%{op.name}' in an instruction "
                                 "requiring REX prefix", insn)
            if mode != 64:
                raise encoding_error(f"instruction `{insn.mnemonic}' needs a REX prefix, which only "
                             "exists in 64-bit mode", insn)

        out = bytearray(slots[s] for s in sorted(slots))
        if rex:
            out.append(rex)
        out += body
        out += modrm_bytes
        if disp is not None:
            size, expr, pcrel, kind = disp
            if expr is None:
                out += b"\0" * size
            else:
                value = fold_constant(expr) if not pcrel else None
                if value is not None:
                    out += (value & ((1 << 8 * size) - 1)).to_bytes(size, "little")
                else:
                    fixups.append(self.memory_fixup(insn, form, len(out), size, expr, pcrel,
                                                    kind, imm_total, rex, modrm_bytes, mode))
                    out += b"\0" * size
        for size, op, t, tok in imm_fields:
            if t.kind == "imm" and size < 8 and isinstance(op, Immediate) \
                    and "sx" not in form.flags and not (size == 4 and form.opsize == 64):
                const = fold_constant(op.value)
                mask = (1 << 8 * size) - 1
                if const is not None and (1 << 31) <= const < (1 << 32):
                    const -= 1 << 32      # gas: a cut field's imm32 type reads it signed
                if const is not None and const & ~mask and -const & ~mask:
                    warnings += (f"{const & (1 << 64) - 1:#x} shortened to {const & mask:#x}",)
            self.emit_field(insn, form, out, fixups, size, op, t, tok, mode)
        out += form.trailing
        return Encoding(bytes(out), tuple(fixups), warnings)

    @staticmethod
    def _default_segment(form: Form, index: int, m: Memory) -> str:
        """The segment a memory operand uses without a prefix: gas leaves out an
        override naming it (es for a string instruction's destination, ss with
        a bp/sp-based address, else ds)."""
        es_memory = {"MOVS": 0, "CMPS": 1, "SCAS": 0, "STOS": 0, "INS": 0}.get(form.mnemonic)
        if form.modrm is None and es_memory is not None:   # which memory operand is es:(di)
            memories = [i for i, t in enumerate(form.operands) if t.kind == "mem"]
            return "es" if memories[es_memory] == index else "ds"
        if form.modrm is not None and m.base is not None:
            base = REGISTERS[m.base.name]   # r12/r13 are not sp/bp: gas keeps %ss there
            if base.cls == "gp" and base.num in ((5,) if base.size == 16 else (4, 5)):
                return "ss"
        return "ds"

    # ---- ModRM / SIB --------------------------------------------------------

    def modrm_memory(self, m: Memory, reg_field: int, addr_size: int, mode: int,
                     insn: Instruction):
        """ModRM (+SIB) bytes and the displacement for 32/64-bit addressing."""
        base = REGISTERS[m.base.name] if m.base is not None else None
        index = REGISTERS[m.index.name] if m.index is not None else None
        rex_bits: list[tuple[RegInfo, str]] = []
        abs_kind = "abs64" if addr_size == 64 else "abs"
        scale_bits = {1: 0, 2: 1, 4: 2, 8: 3}[m.scale]
        disp_expr = m.displacement
        const = fold_constant(disp_expr) if disp_expr is not None else 0
        if base is not None and base.cls == "ip":
            if index is not None:
                raise encoding_error(f"`{_att_mem(m)}' is not a valid base/index expression", insn)
            if const is not None:   # a constant offset from the next instruction
                return bytes((reg_field << 3 | 5,)), (4, Constant(wrap(const, 32)), False, None), \
                    rex_bits
            return bytes((reg_field << 3 | 5,)), (4, disp_expr, True, None), rex_bits
        if index is not None:
            if index.num == 4 and index.cls == "gp":
                raise encoding_error(f"`{_att_mem(m)}' is not a valid base/index expression", insn)
            rex_bits.append((index, "X"))
        if base is None:
            if index is None:
                if mode == 64:
                    return (bytes((reg_field << 3 | 4, 0x25)),
                            (4, disp_expr or Constant(0), False, abs_kind), rex_bits)
                return bytes((reg_field << 3 | 5,)), (4, disp_expr or Constant(0), False, abs_kind), \
                    rex_bits
            sib = scale_bits << 6 | (index.num & 7) << 3 | 5
            return (bytes((reg_field << 3 | 4, sib)),
                    (4, disp_expr or Constant(0), False, abs_kind), rex_bits)
        rex_bits.append((base, "B"))
        if const == 0 and disp_expr is not None and fold_constant(disp_expr) is not None:
            disp_expr = None
        if disp_expr is None and (base.num & 7) == 5:
            disp_expr = Constant(0)
        if disp_expr is None:
            mod, dsize = 0, 0
        elif const is not None and -128 <= wrap(const, addr_size) < 128:
            mod, dsize = 1, 1
        else:
            mod, dsize = 2, 4
        if index is not None or (base.num & 7) == 4:
            idx = (index.num & 7) if index is not None else 4
            sib = scale_bits << 6 | idx << 3 | (base.num & 7)
            mb = bytes((mod << 6 | reg_field << 3 | 4, sib))
        else:
            mb = bytes((mod << 6 | reg_field << 3 | (base.num & 7),))
        if dsize == 0:
            return mb, None, rex_bits
        if const is not None and disp_expr is not None:
            disp_expr = Constant(wrap(const, addr_size))
        return mb, (dsize, disp_expr, False, abs_kind if dsize == 4 else None), rex_bits

    def modrm_memory16(self, m: Memory, reg_field: int, insn: Instruction):
        base = m.base.name if m.base is not None else None
        index = m.index.name if m.index is not None else None
        disp_expr = m.displacement
        const = fold_constant(disp_expr) if disp_expr is not None else 0
        if base is None and index is None:
            return bytes((reg_field << 3 | 6,)), (2, disp_expr or Constant(0), False, "abs")
        if m.scale != 1 or (base, index) not in _MODRM16:
            raise encoding_error(f"`{_att_mem(m)}' is not a valid base/index expression", insn)
        rm = _MODRM16[(base, index)]
        if const == 0 and disp_expr is not None and fold_constant(disp_expr) is not None:
            disp_expr = None
        if disp_expr is None and rm == 6:
            disp_expr = Constant(0)
        if disp_expr is None:
            return bytes((reg_field << 3 | rm,)), None
        if const is not None and -128 <= wrap(const, 16) < 128:
            return bytes((0x40 | reg_field << 3 | rm,)), (1, Constant(wrap(const, 16)), False, None)
        if const is not None:
            disp_expr = Constant(wrap(const, 16))
        return bytes((0x80 | reg_field << 3 | rm,)), (2, disp_expr, False, "abs")

    # ---- fields and fixups ----------------------------------------------------

    def memory_fixup(self, insn: Instruction, form: Form, offset: int, size: int, expr: Expr,
                     pcrel: bool, kind: str | None, imm_total: int, rex: int,
                     modrm: bytes, mode: int) -> Fixup:
        spec = specifier_of(expr)
        addend = -(size + imm_total) if pcrel else 0
        if spec is not None:
            name = self.specifier_reloc(insn, spec.specifier or "", size)
            if name in ("R_X86_64_GOTPCREL", "R_386_GOT32") and form.modrm is not None:
                opcode = form.opcode_bytes[-1] if len(form.opcode_bytes) == 1 else None
                is_branch = form.opcode_bytes == b"\xff" and (modrm[0] >> 3 & 7) in (2, 4)
                if is_branch or (opcode in _RELAXABLE_GOT_OPCODES and mode != 16):
                    if name == "R_386_GOT32":
                        name = "R_386_GOT32X"
                    elif pcrel:
                        name = "R_X86_64_REX_GOTPCRELX" if rex and not is_branch \
                            else "R_X86_64_GOTPCRELX"
            if name in PCREL_RELOCS and not pcrel:
                addend = -(size + imm_total)
                pcrel = True
            return Fixup(offset, size, expr, name, pcrel, addend, True, insn.location)
        if pcrel and GOT_SYMBOL in expr.symbols() and self.elf64:
            return Fixup(offset, size, expr, "R_X86_64_GOTPC32", True, addend, True, insn.location)
        signed = self.elf64 and size == 4 and kind == "abs64"
        name = plain_field_reloc(self.elf64, size, pcrel, signed)
        return Fixup(offset, size, expr, name, pcrel, addend, signed, insn.location)

    def specifier_reloc(self, insn: Instruction, spec: str, size: int) -> str:
        name = specifier_reloc(self.elf64, spec, size)
        if name is None:
            raise encoding_error(f"relocation @{spec} is not supported for a {size}-byte field"
                         f" in `{insn.mnemonic}'", insn)
        return name

    def emit_field(self, insn: Instruction, form: Form, out: bytearray, fixups: list[Fixup],
                   size: int, op: Operand, t: OperandType, tok: str, mode: int) -> None:
        if isinstance(op, FarPointer):
            self.emit_value(insn, out, fixups, size - 2, op.offset, False, False, form)
            self.emit_value(insn, out, fixups, 2, op.segment, False, False, form)
            return
        if isinstance(op, Immediate):
            value = op.value
        elif isinstance(op, Memory):
            value = op.displacement or Constant(0)
        else:
            value = op  # type: ignore[assignment]
        if t.kind == "rel":
            self.emit_branch(insn, out, fixups, size, value)  # type: ignore[arg-type]
            return
        signed = t.kind == "imm" and ("sx" in form.flags or (size == 4 and form.opsize == 64))
        self.emit_value(insn, out, fixups, size, value, signed, False, form)  # type: ignore[arg-type]

    def emit_value(self, insn: Instruction, out: bytearray, fixups: list[Fixup], size: int,
                   value: Expr, signed: bool, pcrel: bool, form: Form) -> None:
        const = fold_constant(value)
        if const is not None:
            out += (const & ((1 << 8 * size) - 1)).to_bytes(size, "little")
            return
        offset = len(out)
        spec = specifier_of(value)
        if spec is not None:
            name = self.specifier_reloc(insn, spec.specifier or "", size)
            pc = name in PCREL_RELOCS
            addend = -size if pc else 0
            fixups.append(Fixup(offset, size, value, name, pc, addend, signed, insn.location))
        elif GOT_SYMBOL in value.symbols():
            name = "R_X86_64_GOTPC32" if self.elf64 and size == 4 else \
                "R_X86_64_GOTPC64" if self.elf64 else "R_386_GOTPC"
            fixups.append(Fixup(offset, size, value, name, True, offset, signed, insn.location))
        else:
            name = plain_field_reloc(self.elf64, size, False, signed)
            fixups.append(Fixup(offset, size, value, name, False, 0, signed, insn.location))
        out += b"\0" * size

    def emit_branch(self, insn: Instruction, out: bytearray, fixups: list[Fixup], size: int,
                    target: Expr) -> None:
        spec = specifier_of(target)
        if spec is not None and size == 1 and (spec.specifier or "").upper() == "PLT":
            # The short form of a relaxable "jmp foo@PLT": the streamer either
            # resolves it in the section or relaxes it to the long form.
            name = plain_field_reloc(self.elf64, size, True, True)
        elif spec is not None:
            name = self.specifier_reloc(insn, spec.specifier or "", size)
        elif size == 4 and self.elf64 and target.symbols():
            name = "R_X86_64_PLT32"
        else:
            name = plain_field_reloc(self.elf64, size, True, True)
        fixups.append(Fixup(len(out), size, target, name, True, -size, True, insn.location))
        out += b"\0" * size


def _att_mem(m: Memory) -> str:
    from .operands import format_operand
    return format_operand(m)


__all__ = ["Encoder", "Match", "PREFIX_WORDS", "REX_WORDS"]

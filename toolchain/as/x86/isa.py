"""The x86 ISA object the generic assembler talks to (the Isa protocol of
toolchain/as/isa.py), for 16-, 32- and 64-bit code.

x86 in one paragraph: a variable-length CISC encoding (1-15 bytes) grown
over forty years -- 8086 real mode (16-bit registers, segment:offset
addressing with eight base/index pairs), the 386's 32-bit mode (SIB byte,
any register as base), and AMD64's long mode (REX prefixes for 64-bit
operands and eight more registers, rip-relative addressing).  One opcode
serves several operand sizes, told apart by the mode and the 66/REX.W
prefixes; the same text can have several valid encodings and a byte-exact
assembler must pick the one GNU as picks.  The reference is the Intel SDM,
Vol. 2 (https://www.intel.com/sdm), with the psABIs for relocations.
"""

from __future__ import annotations

from ...common.diagnostics import SourceLocation, ToolchainError
from ...common.target import Target
from ..expr import Binary, Expr, SymbolRef
from ..instruction import Indirect, Instruction, Memory, Operand, Register
from ..isa import EncodeContext, Encoding, Fixup, SyntaxState
from .encoder import PREFIX_WORDS, REX_WORDS, Encoder
from .intel import IntelParser
from .opcodes import ATT_INDEX, INTEL_INDEX
from .operands import OperandParser, format_operands
from . import relocs
from .relocs import relocation_number, specifier_of
from .sections import X86_64_SPECIAL_SECTIONS

# NOP patterns GNU as 2.40 pads code with (tc-i386.c): alt_patt for x86-64's
# default tuning (and any CPU with the multi-byte 0F 1F nop), f32_patt for
# --32's default i386 tuning, f16_patt in 16-bit code.  Index n-1 is the
# n-byte nop.
_ALT_NOPS = (
    "90", "66 90", "0f 1f 00", "0f 1f 40 00", "0f 1f 44 00 00", "66 0f 1f 44 00 00",
    "0f 1f 80 00 00 00 00", "0f 1f 84 00 00 00 00 00", "66 0f 1f 84 00 00 00 00 00",
    "66 2e 0f 1f 84 00 00 00 00 00", "66 66 2e 0f 1f 84 00 00 00 00 00",
)
_F32_NOPS = (
    "90", "66 90", "8d 76 00", "8d 74 26 00", "8d 74 26 00 90", "8d b6 00 00 00 00",
    "8d b4 26 00 00 00 00",
)
_F16_NOPS = ("90", "66 90", "8d 74 00", "8d b4 00 00")
NOP_PATTERNS = {name: tuple(bytes.fromhex(p) for p in pats)
                for name, pats in (("alt", _ALT_NOPS), ("f32", _F32_NOPS), ("f16", _F16_NOPS))}
# How many of the longest nops gas emits before it jumps over the padding.
_MAX_NOPS = {"alt": 7, "f32": 2, "f16": 2}


def _relaxable_mnemonics() -> frozenset[str]:
    names = set()
    for name, forms in ATT_INDEX.items():
        kinds = {f.immediates for f in forms if any(t.kind == "rel" for t in f.operands)}
        if ("cb",) in kinds and len(kinds) > 1:
            names.add(name)
    return frozenset(names)


RELAXABLE = _relaxable_mnemonics()


# Relocation specifiers that do not make gas create _GLOBAL_OFFSET_TABLE_
# (tc-i386.c lex_got, measured on GNU as 2.40): every other one does.
_NO_GOT_SYMBOL_SPECIFIERS = frozenset({"PLT", "SIZE", "TLSCALL", "GOTPC"})


def _leading_symbol(op: object) -> str | None:
    """The symbol an AT&T operand's text starts with (``.L5+2(%rip)``, ``foo``)."""
    if isinstance(op, Memory):
        if op.segment is not None or op.displacement is None:
            return None
        e: Expr | None = op.displacement
    elif isinstance(op, Expr):
        e = op
    else:
        return None
    while isinstance(e, Binary):
        e = e.left
    return e.name if isinstance(e, SymbolRef) else None


def _unknown_mnemonic(mnemonic: str, syntax: SyntaxState) -> str:
    """gas's complaint about a mnemonic it has no template for: a known one with
    a suffix letter it does not take (rdrandw, fstsws) is a bad suffix, or 64-bit
    only for q; Intel spellings (stosd, iretd) are unknown in AT&T syntax."""
    name = mnemonic.lower()
    base, suffix = name[:-1], name[-1:]
    if not syntax.intel and suffix in ("b", "w", "l", "q", "s") and base in ATT_INDEX:
        if suffix == "q" and syntax.code_bits != 64:
            return f"`{mnemonic}' is only supported in 64-bit mode"
        return f"invalid instruction suffix for `{base}'"
    return f"no such instruction: `{mnemonic}'"


class X86Isa:
    """x86 for one target; the mode (16/32/64) comes with each call."""

    name = "x86"

    def __init__(self, target: Target):
        self.target = target
        self.elf64 = target.elf_class == 64
        self.encoder = Encoder(self.elf64)
        self.special_sections = X86_64_SPECIAL_SECTIONS if self.elf64 else ()
        self._att_operands: dict[tuple[str, str], tuple[tuple[Operand, ...],
                                                        tuple[tuple[str, int | None], ...]]] = {}

    # ---- text ---------------------------------------------------------------

    def parse_instruction(self, mnemonic: str, operands: str, prefixes: tuple[str, ...],
                          syntax: SyntaxState, location: SourceLocation) -> Instruction:
        name = mnemonic.lower()
        if name in PREFIX_WORDS or name in REX_WORDS:
            rest = operands.strip()
            if rest and (rest[0].isalpha() or rest[0] == "_"):
                word, _, tail = rest.partition(" ")
                return self.parse_instruction(word, tail.strip(), prefixes + (name,),
                                              syntax, location)
            if not rest:
                return Instruction(name, (), location, prefixes)
        known = name in ATT_INDEX or (syntax.intel and name in INTEL_INDEX)
        if not known and name not in PREFIX_WORDS and name not in REX_WORDS:
            raise ToolchainError(_unknown_mnemonic(mnemonic, syntax), location)
        if syntax.intel:
            intel = IntelParser(syntax, location)
            name, ops = intel.instruction(name, operands)
            prefixes += intel.prefixes
        else:
            # Compiled code repeats most operand texts (%rax, 8(%rsp), $1): each
            # is parsed once, unless its meaning depends on the position ('.',
            # 1b) or a symbol it names has been set to a constant since.
            key = (name, operands)
            cached = self._att_operands.get(key)
            if cached is not None and all(syntax.absolute_value(symbol) == value  # type: ignore
                                          for symbol, value in cached[1]):
                ops = cached[0]
            else:
                parser = OperandParser(syntax, location)
                ops = parser.att_operands(name, operands)
                if not parser.used_position:
                    self._att_operands[key] = (ops, tuple(parser.constants_read))
        if prefixes:
            prefixes = tuple(p.lower() for p in prefixes)
        return Instruction(name, ops, location, prefixes)

    def symbols_looked_up(self, insn: Instruction) -> list[object]:
        """The operands in AT&T (source) order, each after the name its text
        starts with: tc-i386.c parse_register looks that name up, which turns
        an existing ``.L`` symbol into a full one.  ``movq`` without an
        MMX/SSE register is parsed twice (first as the SSE movq, then as mov
        with a 'q' suffix): the second parse looks the names up again."""
        steps: list[object] = []
        operands = insn.operands[::-1]
        for op in operands:
            if isinstance(op, Register):
                continue
            name = _leading_symbol(op)
            if name is not None:
                steps.append(name)
            steps.append(op)
        if insn.mnemonic == "movq" and not any(
                isinstance(op, Register) and op.name.startswith(("xmm", "mm"))
                for op in operands):
            steps += [name for name in map(_leading_symbol, operands) if name is not None]
        return steps

    def specifier_symbol(self, specifier: str) -> str | None:
        return relocs.GOT_SYMBOL if specifier.upper() not in _NO_GOT_SYMBOL_SPECIFIERS \
            else None

    def format_instruction(self, insn: Instruction, syntax: SyntaxState) -> str:
        mnemonic = insn.mnemonic
        sized_memory = any(isinstance(o, Memory) and o.size is not None for o in
                           (o.target if isinstance(o, Indirect) else o for o in insn.operands))
        if sized_memory or mnemonic not in ATT_INDEX:
            mnemonic = self.att_mnemonic(insn, syntax)
        text = " ".join(insn.prefixes + (mnemonic,))
        ops = format_operands(insn)
        return f"{text} {ops}" if ops else text

    def att_mnemonic(self, insn: Instruction, syntax: SyntaxState) -> str:
        """The AT&T spelling of an instruction given in Intel form (movzx -> movzbl)."""
        if insn.mnemonic in PREFIX_WORDS or insn.mnemonic in REX_WORDS:
            return insn.mnemonic
        ctx = EncodeContext(syntax.code_bits, syntax.code16gcc)
        matches = self.encoder.select(insn, ctx, short=False)
        form = min(matches, key=lambda m: m.form.order).form
        return form.att_name()

    # ---- encoding -------------------------------------------------------------

    def encode(self, insn: Instruction, context: EncodeContext) -> Encoding:
        short = not context.long_branch and self.relaxable_target(insn) is not None
        return self.encoder.encode(insn, context, short)

    def relaxable_target(self, insn: Instruction) -> Expr | None:
        if insn.mnemonic not in RELAXABLE or len(insn.operands) != 1:
            return None
        target = insn.operands[0]
        if not isinstance(target, Expr) or isinstance(target, Memory):
            return None
        # gas relaxes "jmp foo@PLT" too; other specifiers keep the long form.
        spec = specifier_of(target)
        if not target.symbols() or (spec is not None and spec.specifier.upper() != "PLT"):
            return None
        return target

    def short_branch_range(self, insn: Instruction, context: EncodeContext) -> tuple[int, int]:
        return (-128, 127)

    def nop_fill(self, size: int, context: EncodeContext, limit: int = 0) -> bytes:
        """``limit``: the longest single nop (``.nops size, limit``), 0 for any."""
        if context.code_bits == 16:
            kind = "f16"
        elif self.target.code_bits == 64:
            kind = "alt"
        else:
            kind = "f32"
        patterns = NOP_PATTERNS[kind]
        longest = len(patterns)
        out = bytearray()
        count = size
        if count // longest > _MAX_NOPS[kind]:
            disp = count - 2
            if disp <= 127:
                out += bytes((0xEB, disp))
                count = disp
            else:
                jump = b"\x66\xe9" if context.code_bits == 16 else b"\xe9"
                count -= len(jump) + 4
                out += jump + count.to_bytes(4, "little")
        if limit:
            if limit > longest:
                raise ToolchainError(f"invalid single nop size: {limit} "
                                     f"(expect within [0, {longest}])")
            longest = limit
        whole, last = divmod(count, longest)
        out += patterns[longest - 1] * whole
        if last:
            out += patterns[last - 1]
        return bytes(out)

    # ---- fixups -----------------------------------------------------------------

    def apply_fixup(self, data: bytearray, offset: int, fixup: Fixup, value: int) -> str | None:
        bits = 8 * fixup.size
        low = -(1 << (bits - 1))
        high = (1 << (bits - 1)) - 1 if fixup.signed else (1 << bits) - 1
        if not low <= value <= high:
            return f"value {value} out of range for {bits}-bit field"
        data[offset:offset + fixup.size] = (value & ((1 << bits) - 1)).to_bytes(fixup.size, "little")
        return None

    def relocation_type(self, fixup: Fixup, symbol_is_local: bool) -> int:
        name = fixup.kind
        if symbol_is_local:
            name = relocs.local_relocation(name, data=False)
        return relocation_number(self.elf64, name)

    # ---- relocation choices after layout (relocs.py) ---------------------------

    def data_relocation(self, size: int, pcrel: bool, specifier: str | None) -> str | None:
        return relocs.data_relocation(self.elf64, size, pcrel, specifier)

    def local_relocation(self, kind: str, data: bool) -> str:
        return relocs.local_relocation(kind, data)

    def fixup_adjustable(self, kind: str, data: bool, pcrel: bool, merge: bool) -> bool:
        return relocs.fixup_adjustable(kind, data, pcrel, merge, self.elf64)

    def fixup_forces_relocation(self, kind: str) -> bool:
        return relocs.forces_relocation(kind)

    def relocation_is_tls(self, kind: str) -> bool:
        return relocs.is_tls(kind)

    def rel_addend_in_field(self, kind: str) -> bool:
        return relocs.rel_addend_in_field(kind)

    def relocation_is_symbol_size(self, kind: str) -> bool:
        return relocs.is_size(kind)

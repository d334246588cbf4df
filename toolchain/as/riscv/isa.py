"""The RISC-V ISA object the generic assembler talks to (the Isa protocol
of toolchain/as/isa.py), for RV64GC.

RISC-V in one paragraph: a load-store RISC with 32 integer and 32
floating-point registers, fixed 32-bit instructions in six formats (R, I,
S, B, U, J, plus R4 for fused multiply-add) whose immediates are
scattered over the word so that the register fields never move, and the
"C" extension's 16-bit forms of the most common ones, which GNU as picks
by itself.  Addresses are built from two instructions (``lui``/``auipc``
for the upper 20 bits, the lower 12 in the next one), each with its own
relocation, and the linker *relaxes* code -- shortens calls and address
sequences, deletes alignment padding -- which makes the assembler keep
relocations where other ISAs resolve distances (relocs.py).  References:
the RISC-V Unprivileged ISA manual (https://riscv.org/specifications/),
the RISC-V ELF psABI, and the RISC-V Assembly Programmer's Manual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...common.diagnostics import SourceLocation, ToolchainError
from ...common.target import EF_RISCV_FLOAT_ABI_DOUBLE, EF_RISCV_RVC, Target
from ..expr import Binary, Constant, Expr, SymbolRef, Unary
from ..instruction import Immediate, Instruction, Memory, Register
from ..isa import EncodeContext, Encoding, Fixup, SyntaxState
from . import relocs
from .attributes import (
    DEFAULT_ARCH, TAG_RISCV_ARCH, TAG_RISCV_PRIV_SPEC, TAG_RISCV_PRIV_SPEC_MINOR,
    TAG_RISCV_PRIV_SPEC_REVISION, ArchError, attributes_section, parse_arch,
)
from .csrs import CSRS
from .encoder import Encoder, apply_value, encode_branch, find_row
from .opcodes import OPCODES, ROUNDING_MODES
from .registers import FPR, GPR
from .operands import OperandReader, split_operands
from .options import Mode
from .pseudo import PSEUDO_NAMES, branch_of, expand

# Words an operand text may hold and still mean the same everywhere.
_COMMA_SPACE = re.compile(r"\s*,\s*")
_WORD = re.compile(r"[A-Za-z_.$][\w.$]*")
_PLAIN_WORDS = frozenset(GPR) | frozenset(FPR) | frozenset(CSRS) | frozenset(ROUNDING_MODES) \
    | frozenset({"iorw", "rw", "r", "w", "i", "o", "io", "ow", "ir", "or", "iw", "orw", "ior"})
# -mabi= -> e_flags float ABI bits (RISC-V ELF psABI, "File Header").
_FLOAT_ABIS = {"lp64": 0x0, "lp64f": 0x2, "lp64d": EF_RISCV_FLOAT_ABI_DOUBLE}
_PRIVILEGED = frozenset({"uret", "sret", "mret", "wfi", "sfence.vma"})
_EXPLICIT_CSR = frozenset({"csrrw", "csrrs", "csrrc", "csrrwi", "csrrsi", "csrrci", "csrr",
                           "csrw", "csrs", "csrc", "csrwi", "csrsi", "csrci"})
_PRIV_TAGS = (TAG_RISCV_PRIV_SPEC, TAG_RISCV_PRIV_SPEC_MINOR, TAG_RISCV_PRIV_SPEC_REVISION)
RVC_BRANCH_REACH = 1 << 9        # c.beqz/c.bnez: +-256 bytes
RVC_JUMP_REACH = 1 << 12         # c.j: +-2 KiB
BRANCH_REACH = 1 << 13           # B-type: +-4 KiB
NOP = (0x13).to_bytes(4, "little")
C_NOP = (0x0001).to_bytes(2, "little")


def _in_reach(displacement: int, reach: int) -> bool:
    return -reach // 2 <= displacement < reach // 2


class RiscvIsa:
    """RV64GC for one target; the .option state is kept here and handed to
    the streamer with each change (``isa_mode``)."""

    name = "riscv"
    special_sections: tuple = ()
    sort_relocations = True
    pads_code_sections = True        # code sections end at their alignment
    fake_label_name = ".L0 "         # tc-riscv.h's FAKE_LABEL_NAME          # GNU as writes RISC-V relocations by offset

    def __init__(self, target: Target, options: Sequence[str] = ()):
        self.target = target
        march, pic, relax, abi = DEFAULT_ARCH, False, True, None
        for option in options:
            if option.startswith("-march="):
                march = option[len("-march="):]
            elif option.startswith("-mabi="):
                if option[6:] not in _FLOAT_ABIS:
                    raise ToolchainError(f"unknown default ABI `{option[6:]}'")
                abi = option[6:]
            elif option in ("-fpic", "-fPIC", "-fno-pic"):
                pic = option != "-fno-pic"
            elif option in ("-mrelax", "-mno-relax"):
                relax = option == "-mrelax"
        try:
            arch = parse_arch(march)
        except ArchError as exc:
            raise ToolchainError(f"-march={exc}") from None
        self.mode = Mode(arch, arch.has("c"), relax, pic)
        # The float ABI: -mabi's, else what the -march allows (GNU as's default).
        if abi is None:
            abi = "lp64d" if arch.has("d") else "lp64f" if arch.has("f") else "lp64"
        self.float_abi_flags = _FLOAT_ABIS[abi]
        self.initial_mode = self.mode
        self.stack: list[Mode] = []
        self.attributes: dict[int, int | str] = {}
        self.explicit_arch: str | None = None
        self.ever_rvc = self.mode.rvc
        # A CSR named in an operand or a privileged instruction makes GNU as
        # record the privileged spec version (1.11) in the attributes.
        self.uses_privileged = False
        # section -> (last mapping state "x"/"d", arch string of its last $x<arch>)
        self.mapping: dict[object, tuple[str | None, str | None]] = {}
        from .directives import DIRECTIVES
        self.directives = DIRECTIVES
        self._parsed: dict[tuple[str, str], tuple] = {}
        self._encoded: dict[tuple, Encoding] = {}

    @property
    def text_alignment(self) -> int:
        """GNU as aligns .text to the instruction size of the start-up options."""
        return 2 if self.mode.rvc else 4

    # ---- text -----------------------------------------------------------------
    def parse_instruction(self, mnemonic: str, operands: str, prefixes: tuple[str, ...],
                          syntax: SyntaxState, location: SourceLocation) -> Instruction:
        name = mnemonic.lower()
        # Compiled code repeats most statements (sd ra,8(sp); mv a0,a5): one
        # without symbols parses the same everywhere, so it is read once.
        cached = self._parsed.get((name, operands))
        if cached is not None:
            return Instruction(name, cached, location)
        insn = self._parse(name, operands, syntax, location)
        if all(word in _PLAIN_WORDS for word in _WORD.findall(operands)):
            self._parsed[(name, operands)] = insn.operands
        return insn

    def _parse(self, name: str, operands: str, syntax: SyntaxState,
               location: SourceLocation) -> Instruction:
        # GNU as quotes the statement as its input scrubber left it.
        text = f"{name} {_COMMA_SPACE.sub(',', ' '.join(operands.split()))}".strip()
        if name not in OPCODES and name not in PSEUDO_NAMES:
            raise ToolchainError(f"unrecognized opcode `{text}'", location)
        parts = split_operands(operands)
        if name in ("call", "tail", "jump") and parts and parts[0].lower().endswith("@plt"):
            parts[0] = parts[0][:-4]
        reader = OperandReader(syntax, location)
        ops = tuple(reader.read(p) for p in parts)
        if name in OPCODES:
            found = find_row(name, ops)
            if found is not None:
                ops = found[1]
        if name in ("csrr", "csrw", "csrs", "csrc", "csrwi", "csrsi", "csrci"):
            ops = tuple(Immediate(Constant(CSRS[o.name.lower()]))
                        if isinstance(o, SymbolRef) and o.specifier is None
                        and o.name.lower() in CSRS else o for o in ops)
        if name in _PRIVILEGED or name in _EXPLICIT_CSR:
            self.uses_privileged = True
        insn = Instruction(name, ops, location)
        if not self._well_formed(insn):
            # A symbol may be called like a register (``call f1``, ``lla a5,s1``):
            # GNU as reads the name as a symbol where a register does not fit.
            for i in range(len(ops) - 1, -1, -1):
                if isinstance(ops[i], Register):
                    other = Instruction(name, ops[:i] + (SymbolRef(ops[i].name),) + ops[i + 1:],
                                        location)
                    if self._well_formed(other):
                        return other
            raise ToolchainError(f"illegal operands `{text}'", location)
        return insn

    def _well_formed(self, insn: Instruction) -> bool:
        if branch_of(insn.mnemonic, insn.operands) is not None:
            return True
        try:
            if expand(insn.mnemonic, insn.operands, self.mode, "") is not None:
                return True
        except ToolchainError:
            return False
        return find_row(insn.mnemonic, insn.operands) is not None

    def format_instruction(self, insn: Instruction, syntax: SyntaxState) -> str:
        ops = ",".join(_format_operand(o) for o in insn.operands)
        return f"{insn.mnemonic}\t{ops}" if ops else insn.mnemonic

    def symbols_looked_up(self, insn: Instruction) -> Sequence[object]:
        if insn.mnemonic == ".insn":          # word, size, field kind, expression
            return insn.operands[3:]
        return [o for o in insn.operands if isinstance(o, (Expr, Memory))]

    def specifier_symbol(self, specifier: str) -> str | None:
        return None

    # ---- encoding ---------------------------------------------------------------
    def _mode(self, context: EncodeContext) -> Mode:
        return context.isa_mode if context.isa_mode is not None else self.mode  # type: ignore

    def encode(self, insn: Instruction, context: EncodeContext) -> Encoding:
        key = (insn.mnemonic, insn.operands, context)
        cached = self._encoded.get(key)
        if cached is not None:
            return cached
        encoding = self._encode(insn, context)
        if not encoding.fixups and not encoding.labels:
            self._encoded[key] = encoding
        return encoding

    def _encode(self, insn: Instruction, context: EncodeContext) -> Encoding:
        mode = self._mode(context)
        if insn.mnemonic == ".insn":
            return Encoder(mode, ".insn").insn(insn.operands)
        branch = branch_of(insn.mnemonic, insn.operands)
        if branch is not None:
            if branch.fixed and not mode.has("c"):
                text = self.format_instruction(insn, SyntaxState()).replace("\t", " ")
                raise ToolchainError(f"unrecognized opcode `{text}', extension `c' required",
                                     insn.location)
            size = context.branch_size or (2 if branch.compressible(mode) else 4)
            return encode_branch(branch, size)
        text = self.format_instruction(insn, SyntaxState()).replace("\t", " ")
        try:
            steps = expand(insn.mnemonic, insn.operands, mode, text)
            if steps is None:
                steps = [(insn.mnemonic, insn.operands)]
            return Encoder(mode, text).steps(steps)
        except ToolchainError as exc:
            raise ToolchainError(exc.message, exc.location or insn.location) from None

    def relaxable_target(self, insn: Instruction) -> Expr | None:
        branch = branch_of(insn.mnemonic, insn.operands)
        return None if branch is None else branch.target

    def short_branch_range(self, insn: Instruction, context: EncodeContext) -> tuple[int, int]:
        return (-(BRANCH_REACH // 2), BRANCH_REACH // 2 - 1)

    def branch_size(self, insn: Instruction, context: EncodeContext,
                    displacement: int | None, current: int) -> int:
        """GNU as's relaxed_branch_length: the bytes a branch takes when its
        target is ``displacement`` bytes away (None: not known in this
        section -- a jump stays 4 bytes, a branch ``current``)."""
        branch = branch_of(insn.mnemonic, insn.operands)
        mode = self._mode(context)
        rvc = branch.compressible(mode)  # type: ignore[union-attr]
        if branch.fixed:  # type: ignore[union-attr]
            return branch.fixed  # type: ignore[union-attr]
        if branch.is_jump:  # type: ignore[union-attr]
            if displacement is not None and rvc and _in_reach(displacement, RVC_JUMP_REACH):
                return 2
            return 4
        if displacement is None:
            return current
        if rvc and _in_reach(displacement, RVC_BRANCH_REACH):
            return 2
        if _in_reach(displacement, BRANCH_REACH):
            return 4
        return 6 if rvc else 8

    def initial_branch_size(self, insn: Instruction, context: EncodeContext) -> int:
        branch = branch_of(insn.mnemonic, insn.operands)
        if branch.fixed:  # type: ignore[union-attr]
            return branch.fixed  # type: ignore[union-attr]
        return 4 if branch.is_jump else 8  # type: ignore[union-attr]

    def nop_fill(self, size: int, context: EncodeContext, limit: int = 0) -> bytes:
        """Alignment padding in code (not relaxed): nops, or zeros when
        relaxation is on at the end of the input -- GNU as fills these
        fragments after parsing, with the options in force then."""
        return bytes(size) if self.mode.relax else self.nops(size)

    @staticmethod
    def nops(size: int) -> bytes:
        """A zero byte if the size is odd, at most one c.nop, then 4-byte
        nops (tc-riscv.c riscv_make_nops)."""
        out = bytearray()
        if size % 2:
            out += b"\0"
        if (size - len(out)) % 4 == 2:
            out += C_NOP
        while len(out) < size:
            out += NOP
        return bytes(out)

    def section_end_fill(self, size: int) -> bytes:
        """The padding that ends a code section at its alignment: zeros while
        relaxing (the linker may move the end), else nops -- as GNU as does
        with the options in force at the end of the input."""
        return bytes(size) if self.mode.relax else self.nops(size)

    def section_end_marks(self, section: object, padding: int) -> list[tuple[int, str]]:
        """Mapping symbols for a code section's end padding (GNU as makes it
        an alignment of code): ``$x`` where it starts after data, and without
        relaxation a ``$d`` for an odd first byte (not an instruction)."""
        marks = []
        start = 0
        if not self.mode.relax and padding % 2:
            self.mapping[section] = ("d", self.mapping.get(section, (None, None))[1])
            marks.append((0, "$d"))
            start = 1
        state, arch = self.mapping.get(section, (None, None))
        if start < padding and state == "d":
            self.mapping[section] = ("x", arch)
            marks.append((start, "$x"))
        return marks

    def code_alignment(self, alignment: int, context: EncodeContext) -> Encoding | None:
        """``.align`` in code: nothing below the instruction alignment; under
        relaxation the worst-case nops with an R_RISCV_ALIGN (the linker
        cuts them); else None (ordinary padding)."""
        mode = self._mode(context)
        step = 2 if mode.rvc else 4
        if alignment <= step:
            return Encoding(b"")
        if not mode.relax:
            return None
        worst = alignment - step
        return Encoding(self.nops(worst),
                        (Fixup(0, 0, Constant(worst), "R_RISCV_ALIGN"),), ends_frag=True)

    # ---- mapping symbols ($x<arch>, $x, $d) -----------------------------------------
    def mapping_symbol(self, section: object, kind: str, context: EncodeContext) -> str | None:
        """The mapping symbol to define before code (``kind`` "x") or data
        ("d") in an executable section, if the state changes there."""
        state, arch = self.mapping.get(section, (None, None))
        if kind == "d":
            if state == "d":
                return None
            self.mapping[section] = ("d", arch)
            return "$d"
        current = str(self._mode(context).arch)
        if arch != current:
            self.mapping[section] = ("x", current)
            return "$x" + current
        if state == "x":
            return None
        self.mapping[section] = ("x", arch)
        return "$x"

    # ---- fixups -----------------------------------------------------------------
    def apply_fixup(self, data: bytearray, offset: int, fixup: Fixup, value: int) -> str | None:
        return apply_value(data, offset, fixup.kind, value)

    def tentative_fixup(self, data: bytearray | None, offset: int, fixup: Fixup,
                        value: int) -> None:
        """A branch keeps its relocation, but GNU as also writes the distance
        it sees into the bytes ("for objdump"), cut to the field."""
        if data is not None:
            apply_value(data, offset, fixup.kind, value, check=False)

    def tentative_value(self, data: bytearray, offset: int, fixup: Fixup, value: int) -> None:
        """%hi/%lo fields keep a relocation but hold the value GNU as sees."""
        if fixup.kind in ("R_RISCV_HI20", "R_RISCV_LO12_I", "R_RISCV_LO12_S"):
            apply_value(data, offset, fixup.kind, value, check=False)
        elif fixup.kind in ("R_RISCV_BRANCH", "R_RISCV_JAL") and fixup.size == 4:
            # .insn b/j (a branch from layout got the same bits already: OR is idempotent)
            apply_value(data, offset, fixup.kind, value - offset, check=False)

    def relocation_type(self, fixup: Fixup, symbol_is_local: bool) -> int:
        return relocs.relocation_number(fixup.kind)

    def data_relocation(self, size: int, pcrel: bool, specifier: str | None) -> str | None:
        return relocs.data_relocation(size, pcrel, specifier)

    def local_relocation(self, kind: str, data: bool) -> str:
        return kind

    def fixup_adjustable(self, kind: str, data: bool, pcrel: bool, merge: bool) -> bool:
        return False

    def fixup_forces_relocation(self, kind: str) -> bool:
        return kind not in ("R_RISCV_32", "R_RISCV_64", "R_RISCV_32_PCREL")

    def relocation_is_marker(self, kind: str) -> bool:
        return kind in relocs.MARKERS

    def difference_relocations(self, size: int, add: object, sub: object,
                               code: bool) -> tuple[str, str] | None:
        """``A - B`` in data: R_RISCV_ADDn/SUBn unless both labels are in one
        data section (``code``: either is in an executable section, or
        they are in different sections)."""
        return relocs.ADD_SUB.get(size) if code else None

    def relocation_is_tls(self, kind: str) -> bool:
        return relocs.is_tls(kind)

    def rel_addend_in_field(self, kind: str) -> bool:
        return False

    def relocation_is_symbol_size(self, kind: str) -> bool:
        return False

    # ---- the object -------------------------------------------------------------------
    def e_flags(self) -> int:
        return self.float_abi_flags | (EF_RISCV_RVC if self.ever_rvc else 0)

    def attributes_contents(self) -> bytes:
        values = dict(self.attributes)
        values[TAG_RISCV_ARCH] = self.explicit_arch or str(self.mode.arch)
        if self.uses_privileged and not any(t in values for t in _PRIV_TAGS):
            values[TAG_RISCV_PRIV_SPEC], values[TAG_RISCV_PRIV_SPEC_MINOR] = 1, 11
        return attributes_section(values)

    # ---- .option / .attribute (directives.py) -------------------------------------------
    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        if mode.rvc:
            self.ever_rvc = True

    def set_arch(self, text: str) -> None:
        try:
            arch = parse_arch(text)
        except ArchError as exc:
            raise ToolchainError(str(exc)) from None
        self.set_mode(self.mode.with_arch(arch))


def _format_expr(e: Expr) -> str:
    if isinstance(e, SymbolRef):
        return e.name if e.specifier is None else f"%{e.specifier}({e.name})"
    if isinstance(e, Binary):
        if isinstance(e.left, SymbolRef) and e.left.specifier is not None:
            return f"%{e.left.specifier}({e.left.name}{e.op}{_format_expr(e.right)})"
        return f"({_format_expr(e.left)}{e.op}{_format_expr(e.right)})"
    if isinstance(e, Unary):
        return f"{e.op}{_format_expr(e.operand)}"
    return str(e)


def _format_operand(op: object) -> str:
    if isinstance(op, Register):
        return op.name
    if isinstance(op, Immediate):
        return _format_expr(op.value)
    if isinstance(op, Memory):
        disp = "" if op.displacement is None else _format_expr(op.displacement)
        return f"{disp}({op.base.name})"  # type: ignore[union-attr]
    return _format_expr(op)  # type: ignore[arg-type]


__all__ = ["RiscvIsa"]

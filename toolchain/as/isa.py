"""The contract between the generic assembler and one ISA package.

The streamer (``streamer.py``) and the text parser (``parser.py``) never know
an instruction set; they call an ``Isa`` object, one per ISA package
(``x86/``, later ``aarch64/`` and ``riscv/``), which is built for a Target.
Like LLVM's MCCodeEmitter/MCAsmBackend pair, encoding returns bytes plus
fixups and the ISA answers the few layout questions only it can answer:
which instructions relax, what fills code alignment, how a resolved value is
packed into bytes, which ELF relocation a fixup left over becomes.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable, Sequence
from typing import Protocol

from ..common.diagnostics import SourceLocation, ToolchainError
from ..common.target import Target
from .expr import Expr
from .instruction import Instruction


@dataclass(frozen=True, slots=True)
class Fixup:
    """A field of an encoding whose value depends on a symbol.

    ``offset`` is from the start of the encoding, ``size`` in bytes of the
    field.  ``kind`` is the ISA's own name for how the field is computed and
    packed -- for x86 the psABI relocation name that fits a plain symbol
    (``"R_X86_64_PC32"``, ``"R_386_16"`` ...); the ISA's ``relocation_type``
    turns it into the final ELF relocation.  ``pcrel`` fixups are computed as
    ``S + A - P`` where P is the address of the field; ``addend`` is added to
    the value of ``value`` (x86 uses it for the ``-4`` of a rel32 whose field
    is not at the end of the instruction, e.g. ``cmpl $1, x(%rip)``).
    """

    offset: int
    size: int
    value: Expr
    kind: str
    pcrel: bool = False
    addend: int = 0
    signed: bool = True
    location: SourceLocation | None = None


@dataclass(frozen=True, slots=True)
class Encoding:
    data: bytes
    fixups: tuple[Fixup, ...] = ()
    warnings: tuple[str, ...] = ()   # gas's warnings, e.g. an immediate cut to its field
    # Internal labels the streamer defines at these offsets, (offset, name):
    # fixups name them by ``name`` (RISC-V: the auipc a %pcrel_lo points at).
    labels: tuple[tuple[int, str], ...] = ()
    # Start a new fragment after this encoding: no label difference across
    # it is a constant while parsing (RISC-V: code the linker may relax).
    ends_frag: bool = False


@dataclass(frozen=True, slots=True)
class EncodeContext:
    """What an encoder needs to know besides the instruction.

    ``code_bits`` is the current mode (``.code16/.code32/.code64``);
    ``code16gcc`` is set under ``.code16gcc``; ``long_branch`` asks for the
    long (relaxed) form of a relaxable branch.
    """

    code_bits: int
    code16gcc: bool = False
    long_branch: bool = False
    # The ISA's own options in force (RISC-V: .option rvc/relax/pic/arch), and
    # for ISAs whose branches take several sizes the size layout chose (0: any).
    isa_mode: object = None
    branch_size: int = 0


class Isa(Protocol):
    """What one ISA package provides to the generic assembler."""

    name: str
    # The target's special ELF section names (sections.py SPECIAL_SECTIONS rows),
    # matched before the generic ones: x86-64's .lbss, .ldata, .lrodata...
    special_sections: tuple[tuple[str, int, int, int], ...]
    # Optional: ``mapping_symbols`` = (code, data) names such as ("$x", "$d")
    # when the psABI marks code and data (mapping.py); ``directives`` = the
    # ISA's own directives, name (without '.') -> handler(parser, text, loc),
    # looked up before the generic ones (AArch64 .xword, .inst ...);
    # ``pcrel_from_field_end`` = False when a pc-relative fixup's addend has
    # no bias for the field's end (x86's has; AArch64's and RISC-V's not);
    # ``attach_streamer(streamer)`` and ``end_of_assembly()`` for an ISA that
    # keeps state of its own beside the streamer (AArch64 literal pools);
    # ``instruction_alignment``: an instruction after odd data is aligned to it.

    def parse_instruction(self, mnemonic: str, operands: str, prefixes: tuple[str, ...],
                          syntax: "SyntaxState", location: SourceLocation) -> Instruction:
        """Build an Instruction from the text of one statement.

        ``operands`` is the raw text after the mnemonic (comments removed).
        Raises ToolchainError with ``location`` for bad operands.  None when
        the statement was not an instruction after all (AArch64's
        ``name .req register``).
        """

    def format_instruction(self, insn: Instruction, syntax: "SyntaxState") -> str:
        """Print an Instruction as GNU assembler text (the ``-S`` printer)."""

    def symbols_looked_up(self, insn: Instruction) -> Sequence[object]:
        """What GNU as's operand parser does to the symbol table for ``insn``,
        in order -- the symbol list's order depends on it.  A ``str`` is a
        name looked up among the existing symbols (an assembler-local one
        found gets its place in the symbol list then); any other item is an
        operand, whose symbols are created (in their order in the text)."""

    def specifier_symbol(self, specifier: str) -> str | None:
        """The symbol reading ``sym@specifier`` creates, if any (x86: the
        GOT-relative specifiers create ``_GLOBAL_OFFSET_TABLE_``)."""

    def encode(self, insn: Instruction, context: EncodeContext) -> Encoding:
        """Encode one instruction; ToolchainError (at insn.location) if it cannot be."""

    def relaxable_target(self, insn: Instruction) -> Expr | None:
        """For a branch with short and long forms, the target expression; else None."""

    def short_branch_range(self, insn: Instruction, context: EncodeContext) -> tuple[int, int]:
        """(min, max) displacement the short form reaches, relative to its end."""

    def nop_fill(self, size: int, context: EncodeContext, limit: int = 0) -> bytes:
        """``size`` bytes of no-ops as GNU as pads code sections, no single one
        longer than ``limit`` bytes when that is given."""

    def apply_fixup(self, data: bytearray, offset: int, fixup: Fixup, value: int) -> str | None:
        """Pack a resolved value into ``data`` at ``offset``; returns an error text
        (e.g. "value 300 out of range for 8-bit field") or None."""

    def relocation_type(self, fixup: Fixup, symbol_is_local: bool) -> int:
        """The ELF relocation type for a fixup that stays unresolved (against a
        local or section symbol when ``symbol_is_local``)."""

    # The choices GNU as's write.c leaves to the target (tc_fix_adjustable,
    # tc_gen_reloc, md_apply_fix); relocations are named by psABI name.

    def data_relocation(self, size: int, pcrel: bool, specifier: str | None) -> str | None:
        """The relocation of a ``size``-byte data field (``.long sym``, ``.quad
        sym@SPEC``, ``sym - .`` when ``pcrel``); None if the target has none."""

    def local_relocation(self, kind: str, data: bool) -> str:
        """The relocation ``kind`` becomes against a local or section symbol."""

    def fixup_adjustable(self, kind: str, data: bool, pcrel: bool, merge: bool) -> bool:
        """Whether a relocation against a local symbol may name its section
        symbol instead (``merge``: the symbol is in an SHF_MERGE section)."""

    def fixup_forces_relocation(self, kind: str) -> bool:
        """A pc-relative relocation kept even against a label of its own section."""

    def relocation_is_tls(self, kind: str) -> bool:
        """A TLS relocation: its symbol becomes STT_TLS."""

    def rel_addend_in_field(self, kind: str) -> bool:
        """REL targets: whether the field holds the addend (else it is left zero)."""

    def relocation_is_symbol_size(self, kind: str) -> bool:
        """A relocation for a symbol's size (x86 ``@SIZE``): against a defined
        local symbol the field gets the size itself."""

    # Optional hooks (looked up with getattr; x86 has none of them):
    #   initial_mode                      the first EncodeContext.isa_mode
    #   directives                        ISA directives, name -> handler(parser, text, loc)
    #   branch_size(insn, ctx, disp, cur) branches with more than two sizes: the
    #                                     size for a displacement (None: unknown)
    #   initial_branch_size(insn, ctx)    that size before layout knows anything
    #   code_alignment(alignment, ctx)    .align in code: an Encoding to emit
    #                                     instead of padding, or None
    #   mapping_symbol(section, kind, ctx) the "$x"/"$d" symbol to define first
    #   relocation_is_marker(kind)        a relocation written without a symbol
    #   difference_relocations(size, add, sub, code)  (ADD, SUB) names for A - B
    #   e_flags()                         the ELF header flags
    #   attributes_contents()             the ISA attributes section's bytes


@dataclass
class SyntaxState:
    """Parser-wide state the ISA's operand parser reads (x86: AT&T or Intel).

    ``current_location`` and ``local_label`` are the callbacks an ExprParser
    needs for ``.`` and ``1b``/``1f`` (see exprparse.py); the text parser sets
    them, a back end building Instructions directly never needs them.
    """

    intel: bool = False
    intel_prefix: bool = False   # .intel_syntax prefix: registers written with %
    code_bits: int = 64
    code16gcc: bool = False
    current_location: Callable[[], str] | None = None
    local_label: Callable[[int, str], str] | None = None
    # The value of a symbol already set to a constant, else None: GNU as reads
    # such a symbol as its value (x86 Intel syntax: an immediate, not memory).
    absolute_value: Callable[[str], int | None] | None = None


def isa_for(target: "Target", options: Sequence[str] = ()) -> Isa:
    """The ISA package object for a target; ``options`` are the ISA's own
    command-line flags (RISC-V: ``-march=``, ``-mabi=``, ``-fpic``, ``-mno-relax``)."""
    if target.isa == "x86":
        from .x86.isa import X86Isa
        return X86Isa(target)
    if target.isa == "aarch64":
        from .aarch64.isa import AArch64Isa
        return AArch64Isa(target)
    if target.isa == "riscv":
        from .riscv.isa import RiscvIsa
        return RiscvIsa(target, options)
    raise ToolchainError(f"the assembler does not support {target.name} yet")

"""Sections and the fragments their contents are built from.

A section holds one list of fragments per subsection (``.text 1``); they are
joined in subsection order at the end, as GNU as chains its "frchains".
Fragments follow GNU as's frag types:

* ``DataFrag`` -- fixed bytes and the fixups into them (rs_fill);
* ``FillFrag`` -- a large constant-count ``.fill``/``.skip`` (rs_fill with a
  repeat count), fixed size without storing every byte;
* ``RelaxFrag`` -- one relaxable branch, short or long (rs_machine_dependent);
* ``AlignFrag`` -- padding to an alignment, nops in code (rs_align/_code);
* ``OrgFrag`` -- ``.org`` and ``.lcomm`` space (rs_org);
* ``SpaceFrag`` -- ``.skip``/``.fill`` whose count is known only after
  layout (rs_space);
* ``LebFrag`` -- a ``.uleb128``/``.sleb128`` whose value is known only after
  layout (rs_leb128): its size follows its value through relaxation.

The tail of every subsection is always a DataFrag, so labels and bytes have
a home.  Fixed fragments carry a *run* number: consecutive fixed fragments
share one, and the distance between two labels in one run is known before
layout (GNU as's ``frag_offset_fixed_p``).

This module also holds the ELF facts about section names: flag letters,
type names, and the defaults BFD gives special names (``.bss`` is NOBITS,
``.text.*`` is AX, ``.init_array`` is INIT_ARRAY...).
"""

from __future__ import annotations

from ..common import elf
from ..common.diagnostics import SourceLocation
from .expr import Expr
from .isa import EncodeContext, Encoding, Fixup
from .instruction import Instruction


class PendingFixup:
    """A fixup waiting for layout: where it is, what it computes, its bound value."""

    __slots__ = ("offset", "fixup", "value", "data", "location", "frag")

    def __init__(self, offset: int, fixup: Fixup, value: Expr, data: bool,
                 location: SourceLocation | None):
        self.offset = offset          # from the start of the fragment
        self.fixup = fixup
        self.value = value            # bound expression (fixup.value with Refs)
        self.data = data              # from .byte/.long/... rather than an instruction
        self.location = location
        self.frag: Frag | None = None


class Frag:
    __slots__ = ("address", "size", "region", "position", "leader", "shift", "followers")

    fixed = False

    def __init__(self) -> None:
        self.address = 0
        self.size = 0
        # Layout's bookkeeping during relaxation (layout.py relax_section).
        self.region = 0               # alignments and .orgs before this one
        self.position = 0             # index in the section's fragment list
        self.leader: Frag | None = None   # fixed: the variable fragment before it
        self.shift = 0                # variable: a move its followers still owe
        self.followers: list[Frag] = []   # variable: the fixed fragments after it


class DataFrag(Frag):
    __slots__ = ("data", "fixups", "run", "run_offset")

    fixed = True

    def __init__(self, run: int, run_offset: int):
        super().__init__()
        self.data = bytearray()
        self.fixups: list[PendingFixup] = []
        self.run = run
        self.run_offset = run_offset


class FillFrag(Frag):
    __slots__ = ("pattern", "count", "run", "run_offset")

    fixed = True

    def __init__(self, pattern: bytes, count: int, run: int, run_offset: int):
        super().__init__()
        self.pattern = pattern
        self.count = count
        self.size = len(pattern) * count
        self.run = run
        self.run_offset = run_offset


class RelaxFrag(Frag):
    __slots__ = ("insn", "context", "target", "short", "long", "is_long", "forced",
                 "location", "field_offset", "explicit_plt", "target_symbol", "target_offset",
                 "reach", "chosen_size")

    def __init__(self, insn: Instruction, context: EncodeContext, target: Expr,
                 short: Encoding, explicit_plt: bool):
        super().__init__()
        self.insn = insn
        self.context = context
        self.target = target          # bound target expression
        self.short = short
        self.long: Encoding | None = None
        self.is_long = False
        self.forced = False           # long from the start, with a relocation
        self.location = insn.location
        # The short form's displacement field (GNU as measures reach from it).
        self.field_offset = short.fixups[0].offset if short.fixups else len(short.data) - 1
        self.explicit_plt = explicit_plt
        self.size = len(short.data)
        # Set by layout for a branch resolved in its section: the target label,
        # the constant added to it, and the short form's (min, max) reach.
        self.target_symbol = None
        self.target_offset = 0
        self.reach = (0, 0)
        # ISAs with several branch sizes (RISC-V): the size layout chose.
        self.chosen_size = 0


class AlignFrag(Frag):
    __slots__ = ("alignment", "max_skip", "fill", "context", "location")

    def __init__(self, alignment: int, max_skip: int, fill: bytes | None,
                 context: EncodeContext, location: SourceLocation | None):
        super().__init__()
        self.alignment = alignment    # bytes, a power of two
        self.max_skip = max_skip      # 0 = no limit
        self.fill = fill              # None: the ISA's nops
        self.context = context
        self.location = location

    def padding(self, address: int, whole: bool = False) -> int:
        """Bytes of padding at ``address``: a whole number of fill patterns
        unless ``whole`` (GNU as drops the remainder, with an error)."""
        pad = -address % self.alignment
        if self.max_skip and pad > self.max_skip:
            return 0
        if self.fill is not None and len(self.fill) > 1 and not whole:
            pad -= pad % len(self.fill)
        return pad


class OrgFrag(Frag):
    __slots__ = ("target", "fill", "location", "error")

    def __init__(self, target: Expr, fill: int, location: SourceLocation | None):
        super().__init__()
        self.target = target
        self.fill = fill
        self.location = location
        self.error = False


class SpaceFrag(Frag):
    __slots__ = ("count", "unit", "fill", "location", "dead")

    def __init__(self, count: Expr, unit: int, fill: bytes, location: SourceLocation | None):
        super().__init__()
        self.count = count            # bound expression, in units of ``unit`` bytes
        self.unit = unit
        self.fill = fill              # one unit's bytes
        self.location = location
        self.dead = False


class LebFrag(Frag):
    __slots__ = ("value", "signed", "location")

    def __init__(self, value: Expr, signed: bool, location: SourceLocation | None):
        super().__init__()
        self.value = value            # bound expression
        self.signed = signed
        self.location = location


class Section:
    """One output section under construction."""

    def __init__(self, name: str, sh_type: int, flags: int, entsize: int,
                 group: str | None, comdat: bool, order: int, index: int,
                 link_to: str | None = None):
        self.name = name
        self.sh_type = sh_type
        self.flags = flags
        self.entsize = entsize
        self.group = group
        self.comdat = comdat
        self.order = order            # creation position among symbols (section symbol)
        self.index = index            # creation position among sections
        self.link_to = link_to        # 'o' flag: the linked-to section's name
        self.alignment = 1
        self.subsections: dict[int, list[Frag]] = {}
        self.used_in_reloc = False
        self.frags: list[Frag] = []   # joined at finish
        self.relax_fixups: list[PendingFixup] = []

    @property
    def nobits(self) -> bool:
        return self.sh_type == elf.SHT_NOBITS

    @property
    def executable(self) -> bool:
        return bool(self.flags & elf.SHF_EXECINSTR)

    def join(self) -> list[Frag]:
        frags: list[Frag] = []
        for number in sorted(self.subsections):
            frags.extend(self.subsections[number])
        self.frags = frags
        return frags


# --- ELF section attributes by name -------------------------------------------

FLAG_LETTERS: dict[str, int] = {
    "a": elf.SHF_ALLOC, "w": elf.SHF_WRITE, "x": elf.SHF_EXECINSTR, "M": elf.SHF_MERGE,
    "S": elf.SHF_STRINGS, "G": elf.SHF_GROUP, "T": elf.SHF_TLS, "e": elf.SHF_EXCLUDE,
    "o": elf.SHF_LINK_ORDER, "R": elf.SHF_GNU_RETAIN, "l": elf.SHF_X86_64_LARGE,
}

TYPE_NAMES: dict[str, int] = {
    "progbits": elf.SHT_PROGBITS, "nobits": elf.SHT_NOBITS, "note": elf.SHT_NOTE,
    "init_array": elf.SHT_INIT_ARRAY, "fini_array": elf.SHT_FINI_ARRAY,
    "preinit_array": elf.SHT_PREINIT_ARRAY, "group": elf.SHT_GROUP,
    "unwind": elf.SHT_X86_64_UNWIND,
}

_AW = elf.SHF_ALLOC | elf.SHF_WRITE
_AX = elf.SHF_ALLOC | elf.SHF_EXECINSTR

# BFD's special sections (bfd/elf.c _bfd_elf_special_sections; a target adds
# its own first, the Isa's special_sections): (name, match, type, flags) where
# match 0 is the exact name, -2 the name or name + ".suffix", -1 any name with
# the prefix.
SpecialSection = tuple[str, int, int, int]
SPECIAL_SECTIONS: tuple[SpecialSection, ...] = (
    (".bss", -2, elf.SHT_NOBITS, _AW),
    (".comment", 0, elf.SHT_PROGBITS, 0),
    (".data1", 0, elf.SHT_PROGBITS, _AW),
    (".data", -2, elf.SHT_PROGBITS, _AW),
    (".debug", 0, elf.SHT_PROGBITS, 0),
    (".debug_line", 0, elf.SHT_PROGBITS, 0),
    (".debug_info", 0, elf.SHT_PROGBITS, 0),
    (".debug_abbrev", 0, elf.SHT_PROGBITS, 0),
    (".debug_aranges", 0, elf.SHT_PROGBITS, 0),
    (".fini_array", -2, elf.SHT_FINI_ARRAY, _AW),
    (".fini", 0, elf.SHT_PROGBITS, _AX),
    (".gnu.linkonce.b", -2, elf.SHT_NOBITS, _AW),
    (".gnu.linkonce.n", -2, elf.SHT_NOBITS, _AW),
    (".gnu.linkonce.p", -2, elf.SHT_PROGBITS, _AW),
    (".got", 0, elf.SHT_PROGBITS, _AW),
    (".init_array", -2, elf.SHT_INIT_ARRAY, _AW),
    (".init", 0, elf.SHT_PROGBITS, _AX),
    (".interp", 0, elf.SHT_PROGBITS, 0),
    (".line", 0, elf.SHT_PROGBITS, 0),
    (".noinit", -2, elf.SHT_NOBITS, _AW),
    (".note.GNU-stack", 0, elf.SHT_PROGBITS, 0),
    (".note", -1, elf.SHT_NOTE, 0),
    (".persistent.bss", 0, elf.SHT_NOBITS, _AW),
    (".persistent", -2, elf.SHT_PROGBITS, _AW),
    (".preinit_array", -2, elf.SHT_PREINIT_ARRAY, _AW),
    (".plt", 0, elf.SHT_PROGBITS, _AX),
    (".rodata1", 0, elf.SHT_PROGBITS, elf.SHF_ALLOC),
    (".rodata", -2, elf.SHT_PROGBITS, elf.SHF_ALLOC),
    (".text", -2, elf.SHT_PROGBITS, _AX),
    (".tbss", -2, elf.SHT_NOBITS, _AW | elf.SHF_TLS),
    (".tdata", -2, elf.SHT_PROGBITS, _AW | elf.SHF_TLS),
)

def special_section(name: str, target_sections: tuple[SpecialSection, ...] = ()
                    ) -> tuple[int, int, bool] | None:
    """(type, flags, matched-as-prefix) BFD gives a section of this name, or None;
    ``target_sections`` are the target's own (elf_backend_special_sections)."""
    for table in (target_sections, SPECIAL_SECTIONS):
        for prefix, match, sh_type, flags in table:
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix):]
            if rest and (match == 0 or (match == -2 and not rest.startswith("."))):
                continue
            return sh_type, flags, bool(rest) and match == -2
    return None


def parse_flags(letters: str) -> int | None:
    """SHF_* bits for GNU flag letters (or a number); None if a letter is unknown."""
    if letters and letters[0].isdigit():
        try:
            return int(letters, 0)
        except ValueError:
            return None
    flags = 0
    for ch in letters:
        if ch == "?":
            continue
        bit = FLAG_LETTERS.get(ch)
        if bit is None:
            return None
        flags |= bit
    return flags


def parse_type(name: str) -> int | None:
    if name in TYPE_NAMES:
        return TYPE_NAMES[name]
    try:
        return int(name, 0)
    except ValueError:
        return None

"""The syntax tree of a GNU linker script, as ``script.parse_script`` builds it.

The layout engine consumes these records; nothing here knows how to lay
anything out.  Every node is a frozen dataclass.  Names follow the GNU ld
manual (chapter "Linker Scripts"):

* top-level commands: ``ENTRY``, ``SECTIONS``, ``MEMORY``, ``PHDRS``,
  ``OUTPUT_FORMAT``, ``INPUT``/``GROUP``, assignments ...;
* inside ``SECTIONS``: assignments, output section descriptions, ``OVERLAY``,
  ``ASSERT`` and ``ENTRY``... (``SectionsCommand.statements``);
* inside an output section: input section descriptions, data commands
  (``BYTE``..``QUAD``), ``FILL``, assignments... (``OutputSection.commands``);
* expressions: ``Number``, ``SymbolRef``, ``UnaryOp``, ``BinaryOp``,
  ``Conditional`` and ``Call`` (every built-in function, ``ALIGN`` to
  ``LOG2CEIL``).  ``scriptexpr.evaluate`` gives them a value.

Source locations are kept on nodes the linker reports errors against; they
are excluded from equality, so a test can compare a parsed tree with one
written out by hand.  A name argument of a built-in function (the section of
``ADDR(.text)``, the symbol of ``DEFINED(x)``, the region of ``ORIGIN(ram)``,
the constant of ``CONSTANT(MAXPAGESIZE)``, the segment of ``SEGMENT_START``)
is a plain ``str`` in ``Call.args``, never an ``Expr``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from toolchain.common.diagnostics import SourceLocation

NOWHERE = SourceLocation("<script>")


def _location() -> SourceLocation:
    """The ``location`` field every node has: last, optional, not compared."""
    return field(default=NOWHERE, compare=False, repr=False)


# --------------------------------------------------------------------------
# Expressions

@dataclass(frozen=True)
class Number:
    """An integer literal (already scaled by a ``K``/``M`` suffix)."""

    value: int
    location: SourceLocation = _location()


@dataclass(frozen=True)
class SymbolRef:
    """A symbol's value; the name ``'.'`` is the location counter."""

    name: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class UnaryOp:
    """``op`` is one of ``'-'``, ``'~'``, ``'!'``, ``'+'``."""

    op: str
    operand: Expr
    location: SourceLocation = _location()


@dataclass(frozen=True)
class BinaryOp:
    """``op`` is a C operator spelling: ``'*'``, ``'<<'``, ``'&&'`` ..."""

    op: str
    left: Expr
    right: Expr
    location: SourceLocation = _location()


@dataclass(frozen=True)
class Conditional:
    """``condition ? if_true : if_false``."""

    condition: Expr
    if_true: Expr
    if_false: Expr
    location: SourceLocation = _location()


@dataclass(frozen=True)
class Call:
    """A built-in function: ``function`` is its upper-case name.

    ``args`` holds ``Expr`` operands and, where the function takes a name,
    that name as ``str``: ``Call('ADDR', ['.text'])``,
    ``Call('SEGMENT_START', ['text-segment', Number(0x400000)])``,
    ``Call('ASSERT', [expr, 'message'])``, ``Call('SIZEOF_HEADERS', [])``.
    """

    function: str
    args: list[Expr | str]
    location: SourceLocation = _location()


Expr = Union[Number, SymbolRef, UnaryOp, BinaryOp, Conditional, Call]


# --------------------------------------------------------------------------
# Statements usable at several levels

@dataclass(frozen=True)
class Assignment:
    """``symbol operator expr`` or ``PROVIDE``/``PROVIDE_HIDDEN``/``HIDDEN`` of one.

    ``operator`` is ``'='`` or a compound spelling (``'+='`` ... ``'^='``);
    ``provide`` is true for ``PROVIDE``/``PROVIDE_HIDDEN`` and ``hidden`` for
    ``PROVIDE_HIDDEN``/``HIDDEN``.
    """

    symbol: str
    operator: str
    expr: Expr
    provide: bool = False
    hidden: bool = False
    location: SourceLocation = _location()


@dataclass(frozen=True)
class EntryCommand:
    """``ENTRY(symbol)``."""

    symbol: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class AssertCommand:
    """``ASSERT(expr, message)``: the link fails with message when expr is 0."""

    expr: Expr
    message: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class IncludeCommand:
    """``INCLUDE filename`` (left for the linker to read and parse)."""

    filename: str
    location: SourceLocation = _location()


# --------------------------------------------------------------------------
# Inside an output section

@dataclass(frozen=True)
class SectionPattern:
    """One section-name wildcard of an input section description.

    ``sort`` lists the sort keys from the outer ``SORT_*`` to the inner:
    ``()`` unsorted, ``('name',)``, ``('alignment',)``, ``('name', 'alignment')``,
    ``('alignment', 'name')``, ``('init_priority',)`` or ``('none',)``
    (``SORT_NONE``).  ``exclude_files`` comes from an ``EXCLUDE_FILE`` written
    just before this pattern inside the parentheses; it applies to this
    pattern only, as in GNU ld.
    """

    pattern: str
    exclude_files: list[str] = field(default_factory=list)
    sort: tuple[str, ...] = ()
    reverse: bool = False


@dataclass(frozen=True)
class InputSectionDescription:
    """``file_pattern(section patterns...)``, perhaps inside ``KEEP(...)``.

    An empty ``sections`` list means every section of the matching files (the
    form ``foo.o`` alone).  ``exclude_files`` is an ``EXCLUDE_FILE`` applied to
    the file pattern (``EXCLUDE_FILE(*crtend.o) *(.ctors)``); ``sort_files``
    is ``'name'`` or ``'none'`` for ``SORT(*)(...)``/``SORT_NONE(*)(...)``;
    ``section_flags`` holds the ``INPUT_SECTION_FLAGS`` names, a leading
    ``!`` meaning "without".
    """

    file_pattern: str
    exclude_files: list[str] = field(default_factory=list)
    sections: list[SectionPattern] = field(default_factory=list)
    keep: bool = False
    sort_files: str | None = None
    section_flags: list[str] = field(default_factory=list)
    reverse_files: bool = False
    location: SourceLocation = _location()


@dataclass(frozen=True)
class DataCommand:
    """``BYTE``/``SHORT``/``LONG``/``QUAD``/``SQUAD(expr)``: size 1, 2, 4, 8, 8."""

    size: int
    expr: Expr
    signed: bool = False
    location: SourceLocation = _location()


@dataclass(frozen=True)
class AscizCommand:
    """``ASCIZ "text"``: the string and a terminating zero byte."""

    text: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class FillCommand:
    """``FILL(expr)``: the fill pattern from here to the section's end."""

    expr: Expr
    location: SourceLocation = _location()


@dataclass(frozen=True)
class ConstructorsCommand:
    """``CONSTRUCTORS`` or ``SORT(CONSTRUCTORS)``."""

    sorted: bool = False
    location: SourceLocation = _location()


@dataclass(frozen=True)
class OutputSectionKeyword:
    """A bare keyword statement: ``CREATE_OBJECT_SYMBOLS``, ``LINKER_VERSION``."""

    keyword: str
    location: SourceLocation = _location()


OutputSectionCommand = Union[Assignment, InputSectionDescription, DataCommand,
                             AscizCommand, FillCommand, ConstructorsCommand,
                             AssertCommand, OutputSectionKeyword, IncludeCommand]


# --------------------------------------------------------------------------
# Inside SECTIONS

@dataclass(frozen=True)
class OutputSection:
    """An output section description::

        name [address] [(type)] : [AT(load_address)] [ALIGN(align)]
            [ALIGN_WITH_INPUT] [SUBALIGN(subalign)] [constraint]
            { commands } [> region] [AT> load_region] [:phdr ...] [= fill]

    ``type`` is ``'NOLOAD'``, ``'DSECT'``, ``'COPY'``, ``'INFO'``,
    ``'OVERLAY'``, ``'READONLY'`` or ``'TYPE'`` (``TYPE = expr`` and
    ``READONLY(TYPE = expr)`` put the expression in ``type_value``).
    ``constraint`` is ``'ONLY_IF_RO'``, ``'ONLY_IF_RW'`` or ``'SPECIAL'``.
    ``/DISCARD/`` is an output section like any other.
    """

    name: str
    address: Expr | None = None
    type: str | None = None
    load_address: Expr | None = None
    align: Expr | None = None
    subalign: Expr | None = None
    constraint: str | None = None
    commands: list[OutputSectionCommand] = field(default_factory=list)
    region: str | None = None
    load_region: str | None = None
    phdrs: list[str] = field(default_factory=list)
    fill: Expr | None = None
    type_value: Expr | None = None
    align_with_input: bool = False
    location: SourceLocation = _location()


@dataclass(frozen=True)
class OverlaySection:
    """One section of an ``OVERLAY``: ``name { commands } [:phdr...] [= fill]``."""

    name: str
    commands: list[OutputSectionCommand] = field(default_factory=list)
    phdrs: list[str] = field(default_factory=list)
    fill: Expr | None = None
    location: SourceLocation = _location()


@dataclass(frozen=True)
class OverlayCommand:
    """``OVERLAY [address] : [NOCROSSREFS] [AT(lma)] [SUBALIGN(x)] { sections }
    [> region] [AT> load_region] [:phdr...] [= fill]``."""

    address: Expr | None = None
    nocrossrefs: bool = False
    load_address: Expr | None = None
    subalign: Expr | None = None
    sections: list[OverlaySection] = field(default_factory=list)
    region: str | None = None
    load_region: str | None = None
    phdrs: list[str] = field(default_factory=list)
    fill: Expr | None = None
    location: SourceLocation = _location()


SectionsStatement = Union[Assignment, OutputSection, OverlayCommand,
                          AssertCommand, EntryCommand, IncludeCommand]


# --------------------------------------------------------------------------
# Top-level commands

@dataclass(frozen=True)
class SectionsCommand:
    """``SECTIONS { statements }``."""

    statements: list[SectionsStatement] = field(default_factory=list)
    location: SourceLocation = _location()


@dataclass(frozen=True)
class MemoryRegion:
    """``name (attributes) : ORIGIN = origin, LENGTH = length``.

    ``attributes`` is the text between the parentheses with blanks removed
    (``'rwx'``, ``'!w'``, ``'rx!w'``), ``''`` when absent.
    """

    name: str
    attributes: str
    origin: Expr
    length: Expr
    location: SourceLocation = _location()


@dataclass(frozen=True)
class MemoryCommand:
    """``MEMORY { regions }``; ``includes`` lists ``INCLUDE`` files within it."""

    regions: list[MemoryRegion] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    location: SourceLocation = _location()


@dataclass(frozen=True)
class PhdrSpec:
    """One program header of ``PHDRS``: ``name type [FILEHDR] [PHDRS] [AT(at)] [FLAGS(flags)];``.

    ``type`` is an expression; the ``PT_*`` names GNU ld knows are turned
    into their numbers (``PT_LOAD`` becomes ``Number(1)``).
    """

    name: str
    type: Expr
    filehdr: bool = False
    phdrs: bool = False
    at: Expr | None = None
    flags: Expr | None = None
    location: SourceLocation = _location()


@dataclass(frozen=True)
class PhdrsCommand:
    """``PHDRS { headers }``."""

    headers: list[PhdrSpec] = field(default_factory=list)
    location: SourceLocation = _location()


@dataclass(frozen=True)
class OutputFormatCommand:
    """``OUTPUT_FORMAT(default[, big, little])``: one or three BFD names."""

    names: list[str]
    location: SourceLocation = _location()


@dataclass(frozen=True)
class OutputArchCommand:
    """``OUTPUT_ARCH(name)``."""

    name: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class TargetCommand:
    """``TARGET(bfdname)``."""

    name: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class SearchDirCommand:
    """``SEARCH_DIR(path)``; a leading ``=`` means "under the sysroot"."""

    path: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class InputFile:
    """One file of ``INPUT``/``GROUP``: a path, or ``-lname`` (``is_library``,
    name without the ``-l``); ``as_needed`` inside ``AS_NEEDED(...)``."""

    name: str
    as_needed: bool = False
    is_library: bool = False


@dataclass(frozen=True)
class InputCommand:
    """``INPUT(files)``."""

    files: list[InputFile] = field(default_factory=list)
    location: SourceLocation = _location()


@dataclass(frozen=True)
class GroupCommand:
    """``GROUP(files)``: archives searched repeatedly until nothing new resolves."""

    files: list[InputFile] = field(default_factory=list)
    location: SourceLocation = _location()


@dataclass(frozen=True)
class OutputCommand:
    """``OUTPUT(filename)``."""

    filename: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class StartupCommand:
    """``STARTUP(filename)``: like ``INPUT``, but linked first."""

    filename: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class ExternCommand:
    """``EXTERN(symbols)``: force these symbols undefined (like ``-u``)."""

    symbols: list[str] = field(default_factory=list)
    location: SourceLocation = _location()


@dataclass(frozen=True)
class ForceCommonAllocation:
    """``FORCE_COMMON_ALLOCATION``."""

    location: SourceLocation = _location()


@dataclass(frozen=True)
class InhibitCommonAllocation:
    """``INHIBIT_COMMON_ALLOCATION``."""

    location: SourceLocation = _location()


@dataclass(frozen=True)
class ForceGroupAllocation:
    """``FORCE_GROUP_ALLOCATION``."""

    location: SourceLocation = _location()


@dataclass(frozen=True)
class NoCrossRefs:
    """``NOCROSSREFS(sections)``, or ``NOCROSSREFS_TO(sections)`` when ``to``."""

    sections: list[str] = field(default_factory=list)
    to: bool = False
    location: SourceLocation = _location()


@dataclass(frozen=True)
class InsertCommand:
    """``INSERT AFTER section`` (``after``) or ``INSERT BEFORE section``."""

    after: bool
    section: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class RegionAliasCommand:
    """``REGION_ALIAS(alias, region)``."""

    alias: str
    region: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class LdFeatureCommand:
    """``LD_FEATURE(name)`` (GNU ld knows ``SANE_EXPR``)."""

    name: str
    location: SourceLocation = _location()


@dataclass(frozen=True)
class VersionCommand:
    """``VERSION { ... }``: the version-script text between the braces, unparsed."""

    text: str
    location: SourceLocation = _location()


Command = Union[EntryCommand, Assignment, SectionsCommand, MemoryCommand,
                PhdrsCommand, OutputFormatCommand, OutputArchCommand,
                TargetCommand, SearchDirCommand, InputCommand, GroupCommand,
                OutputCommand, StartupCommand, ExternCommand, AssertCommand,
                IncludeCommand, ForceCommonAllocation, InhibitCommonAllocation,
                ForceGroupAllocation, NoCrossRefs, InsertCommand,
                RegionAliasCommand, LdFeatureCommand, VersionCommand]


@dataclass(frozen=True)
class Script:
    """A whole linker script: its top-level commands in source order."""

    commands: list[Command] = field(default_factory=list)
    filename: str = field(default="<script>", compare=False)

    def sections(self) -> list[SectionsCommand]:
        """Every ``SECTIONS`` command (GNU ld merges several in order)."""
        return [c for c in self.commands if isinstance(c, SectionsCommand)]

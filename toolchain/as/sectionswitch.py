"""Sections of the object streamer: their attributes and switching between them.

``.section``, ``.pushsection``/``.popsection``, ``.previous``, ``.subsection``
and the ``.text``/``.data``/``.bss`` shorthands all end here.  A section is
made on first use with the type and flags GNU as's obj_elf_change_section
gives it (the special names of elf.c's special_sections table, the flag and
type strings of the directive), and is found again by name, group and
``unique`` id; each subsection is its own list of fragments, joined in
number order at the end.

The methods are part of :class:`~.streamer.ObjectStreamer`, which inherits
them: they read and set its ``current``, ``subsection`` and ``frags`` -- the
state every content method appends to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..common import elf
from ..common.diagnostics import SourceLocation
from .sections import Frag, Section, parse_flags, parse_type, special_section

if TYPE_CHECKING:
    from ..common.diagnostics import Diagnostics
    from ..common.target import Target
    from .isa import Isa
    from .symbols import SymbolTable


class SectionSwitching:
    """Section attributes, lookup and switching, mixed into ObjectStreamer."""

    # Provided by ObjectStreamer.
    target: "Target"
    diagnostics: "Diagnostics"
    symtab: "SymbolTable"
    isa: "Isa"
    sections: dict[tuple[str, str | None, int | None], Section]
    section_list: list[Section]
    current: Section
    subsection: int
    frags: list[Frag]
    _stack: list[tuple[Section, int, Section | None, int]]
    _previous: tuple[Section, int] | None
    _comment: Section | None
    # and its _error(), _new_data_frag() and _tail().

    def _section_attributes(self, name: str, flags: str | None, type: str | None,
                            entsize: int | None, location: SourceLocation | None
                            ) -> tuple[int, int, int]:
        """(sh_type, sh_flags, entsize) as obj_elf_change_section computes them."""
        attr = 0
        if flags is not None:
            parsed = parse_flags(flags)
            if parsed is None:
                self._error(f"unknown section attribute in \"{flags}\"", location)
                parsed = 0
            attr = parsed
        sh_type = elf.SHT_NULL
        if type is not None:
            parsed_type = parse_type(type)
            if parsed_type is None:
                self._error(f"unrecognized section type `{type}'", location)
            else:
                sh_type = parsed_type
        special = special_section(name, self.isa.special_sections)
        if special is not None:
            spec_type, spec_flags, prefixed = special
            if sh_type == elf.SHT_NULL:
                sh_type = spec_type
            extra = attr & ~spec_flags & ~(elf.SHF_MASKOS | elf.SHF_MASKPROC)
            override = False
            if flags is not None and extra:
                if spec_type == elf.SHT_NOTE and attr in (elf.SHF_ALLOC, elf.SHF_EXECINSTR):
                    pass
                elif prefixed and not (extra & ~elf.SHF_MERGE & ~elf.SHF_STRINGS):
                    pass
                elif name == ".note.GNU-stack" and attr == elf.SHF_EXECINSTR:
                    override = True
                else:
                    if not attr & elf.SHF_GROUP:
                        self.diagnostics.warning(
                            f"setting incorrect section attributes for {name}", location)
                    override = True
            if not override:
                attr |= spec_flags
        if sh_type == elf.SHT_NULL:
            sh_type = elf.SHT_PROGBITS
        size = entsize or 0
        if sh_type in (elf.SHT_INIT_ARRAY, elf.SHT_FINI_ARRAY, elf.SHT_PREINIT_ARRAY):
            size = self.target.word_size
        return sh_type, attr, size

    def _make_section(self, name: str, flags: str | None, type: str | None,
                      entsize: int | None, group: str | None, linkage: str | None,
                      location: SourceLocation | None, unique: int | None = None) -> Section:
        sh_type, attr, size = self._section_attributes(name, flags, type, entsize, location)
        if not attr & elf.SHF_GROUP:
            group = None
        elif group is None:
            self._error("group name for SHF_GROUP not specified", location)
            attr &= ~elf.SHF_GROUP
        if attr & elf.SHF_MERGE and not size:
            self._error("entity size for SHF_MERGE not specified", location)
            attr &= ~(elf.SHF_MERGE | elf.SHF_STRINGS)
        section = Section(name, sh_type, attr & ~elf.SHF_GROUP, size, group,
                          linkage == "comdat", self.symtab.next_order(), len(self.section_list))
        self.sections[(name, group, unique)] = section
        self.section_list.append(section)
        return section

    def _find_section(self, name: str, flags: str | None, type: str | None,
                      entsize: int | None, group: str | None, linkage: str | None,
                      location: SourceLocation | None, unique: int | None = None) -> Section:
        """The section these .section arguments name, made on first use.  With
        ``unique`` (``,unique,N``) only the section of that id matches, and a
        plain name never matches a unique one (obj-elf.c get_section_by_match)."""
        if flags is not None and "?" in flags and group is None:
            group = self.current.group
            if group is not None and "G" not in flags:
                flags += "G"
        key_group = group if flags is not None and "G" in flags else None
        section = self.sections.get((name, key_group, unique))
        if section is None and key_group is None and unique is None:
            # A plain '.section name' re-enters the section of that name, whatever its group.
            for key, s in self.sections.items():
                if s.name == name and key[2] is None:
                    section = s
                    break
        if section is None:
            return self._make_section(name, flags, type, entsize, group, linkage, location,
                                      unique)
        if flags is not None:
            sh_type, attr, _ = self._section_attributes(name, flags, type, entsize, None)
            mask = (elf.SHF_ALLOC | elf.SHF_WRITE | elf.SHF_EXECINSTR | elf.SHF_MERGE
                    | elf.SHF_STRINGS | elf.SHF_TLS | elf.SHF_EXCLUDE)
            if (attr ^ section.flags) & mask and section is not self._comment:
                self.diagnostics.warning(f"ignoring changed section attributes for {name}",
                                         location)
        return section

    def _enter(self, section: Section, subsection: int) -> None:
        tail = self._tail()
        tail.size = len(tail.data)
        self._previous = (self.current, self.subsection)
        self.current = section
        self.subsection = subsection
        self.frags = self._subsection_frags(section, subsection)

    def switch_section(self, name: str, flags: str | None = None, type: str | None = None,
                       entsize: int | None = None, group: str | None = None,
                       linkage: str | None = None, subsection: int = 0,
                       location: SourceLocation | None = None, unique: int | None = None) -> None:
        section = self._find_section(name, flags, type, entsize, group, linkage, location,
                                     unique)
        self._enter(section, subsection)

    def switch_subsection(self, number: int, location: SourceLocation | None = None) -> None:
        """``.subsection N``: subsection N of the current section."""
        self._enter(self.current, number)

    def push_section(self, name: str, flags: str | None = None, type: str | None = None,
                     entsize: int | None = None, group: str | None = None,
                     linkage: str | None = None, subsection: int = 0,
                     location: SourceLocation | None = None, unique: int | None = None) -> None:
        prev = self._previous
        self._stack.append((self.current, self.subsection,
                            prev[0] if prev else None, prev[1] if prev else 0))
        self.switch_section(name, flags, type, entsize, group, linkage, subsection, location,
                            unique)

    def pop_section(self, location: SourceLocation | None = None) -> None:
        if not self._stack:
            self.diagnostics.warning(".popsection without corresponding .pushsection; ignored",
                                     location)
            return
        section, subsection, prev, prev_sub = self._stack.pop()
        self._enter(section, subsection)
        self._previous = (prev, prev_sub) if prev is not None else None

    def previous_section(self, location: SourceLocation | None = None) -> None:
        if self._previous is None:
            self.diagnostics.warning(".previous without corresponding .section; ignored",
                                     location)
            return
        section, subsection = self._previous
        self._enter(section, subsection)

    def current_section_executable(self) -> bool:
        return self.current.executable

    def _subsection_frags(self, section: Section, number: int) -> list[Frag]:
        frags = section.subsections.get(number)
        if frags is None:
            frags = section.subsections[number] = []
            self._new_data_frag(frags, False)
        return frags

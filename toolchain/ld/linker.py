"""The link, start to finish: the one place that shows every step in order.

1. read the inputs (objects, archives pulled on demand, groups re-scanned);
2. resolve symbols, report multiple definitions;
3. place input sections into output sections by the script (the default
   one or ``-T``), orphans after their kind;
4. ``--gc-sections``: keep what is reachable from the entry point, KEEP()
   and what the script or -u names;
5. scan relocations: GOT slots, IPLT entries, undefined references;
6. lay out addresses, then program headers and file offsets (again when a branch
   out of range needs a range-extension thunk, thunks.py);
7. copy section bytes into one image, apply relocations, write symbols;
8. write the file under a temporary name and rename it, so a failed link
   never leaves a truncated output behind.
"""

from __future__ import annotations

import heapq
import os
import tempfile

from ..common import elf
from ..common.archive import is_archive
from ..common.diagnostics import Diagnostics, ToolchainError
from ..common.elfreader import ElfFile, is_elf
from . import scriptast as ast
from .arch import Arch, arch_for_machine
from .defaultscript import default_script_text
from .gc import collect_garbage
from .inputs import ArchiveFile, InputSection, ObjectFile, find_library
from .layout import Layout
from .options import EMULATIONS, LinkOptions
from .output import OutputBuilder
from .placement import Placement, SectionPlan
from .properties import merge_property_notes
from .relocate import Relocator
from .script import parse_script
from .scriptexpr import evaluate
from .symbols import SymbolTable
from .synthetic import SyntheticSections


class Linker:
    def __init__(self, options: LinkOptions, diagnostics: Diagnostics):
        self.options = options
        self.diagnostics = diagnostics
        self.symtab = SymbolTable(options.allow_multiple_definition)
        self.files: list[ObjectFile] = []
        self.comdat_groups: dict[str, ObjectFile] = {}
        self.arch: Arch | None = None
        self.scripts: list[ast.Script] = []
        self.library_paths = list(options.library_paths)
        self.common_section: InputSection | None = None

    # --- 1. inputs -------------------------------------------------------------------------

    def _read(self, path: str) -> bytes:
        try:
            with open(path, "rb") as file:
                return file.read()
        except FileNotFoundError:
            raise ToolchainError(f"cannot find {path}: No such file or directory") from None
        except IsADirectoryError:
            raise ToolchainError(f"{path}: Is a directory") from None
        except OSError as exc:
            raise ToolchainError(f"cannot open {path}: {exc.strerror}") from None

    def _set_arch(self, machine: int, display: str) -> None:
        if self.arch is None:
            self.arch = arch_for_machine(machine)
        elif machine != self.arch.machine:
            raise ToolchainError(f"{display}: file in wrong format: ELF machine {machine} "
                                 f"is not {self.arch.name}")

    def add_object(self, path: str, display: str, data: bytes,
                   member: tuple[str, str] | None = None) -> ObjectFile:
        elf_file = ElfFile(data, display)
        self._set_arch(elf_file.machine, display)
        obj = ObjectFile(path, display, elf_file, self.arch)
        if member is not None:
            obj.archive_path, obj.member_name = member
        obj.parse(self.symtab, self.comdat_groups,
                  defer_temporaries=self.options.discard != "none" and
                  not self.options.relocatable)
        self.files.append(obj)
        if self.options.trace:
            print(display)
        return obj

    def _extract(self, archive: ArchiveFile, offset: int) -> ObjectFile:
        archive.extracted.add(offset)
        member = archive.archive.member_at(offset)
        display = archive.member_display(member.name)
        if not is_elf(member.data):
            raise ToolchainError(f"{display}: file format not recognized")
        return self.add_object(archive.path, display, member.data, (archive.path, member.name))

    def scan_archive(self, archive: ArchiveFile) -> bool:
        """Extract every member that defines a wanted symbol; True if any was.

        GNU ld's order: passes over the archive's index, each in index order,
        extracting a member when the entry's symbol is undefined and strongly
        referenced at that moment, until a pass extracts nothing.  Rather than
        read every index entry in every pass, a pass visits only the entries
        of wanted names (a heap of index positions): those wanted when it
        starts, and those a member extracted during the pass newly wants
        further on."""
        index = archive.archive.symbol_index
        positions = archive.positions
        symtab = self.symtab
        extracted_any = False
        while True:
            heap = [p for symbol in symtab.wanted() for p in positions.get(symbol.name, ())]
            heapq.heapify(heap)
            extracted = False
            last = -1
            while heap:
                at = heapq.heappop(heap)
                if at <= last:
                    continue                          # pushed twice
                last = at
                name, offset = index[at]
                if offset in archive.extracted:
                    continue
                symbol = symtab.get(name)
                if symbol is None or symbol.defined or not symbol.strong_reference:
                    continue
                obj = self._extract(archive, offset)
                extracted = extracted_any = True
                for new in obj.symbols:
                    if new is not None and not new.defined and new.strong_reference and \
                            not new.is_local:
                        for p in positions.get(new.name, ()):
                            if p > at:
                                heapq.heappush(heap, p)
            if not extracted:
                return extracted_any

    def add_archive(self, path: str, data: bytes, whole: bool) -> ArchiveFile:
        archive = ArchiveFile(path, data)
        if whole:
            for member in archive.archive.members():
                self._extract(archive, member.offset)
        elif self.options.trace:
            print(path)
        if not archive.archive.symbol_index and archive.archive.members() and not whole:
            # No index: GNU ld refuses; so do we, with its message.
            raise ToolchainError(f"{path}: error adding symbols: archive has no index; "
                                 f"run ranlib to add one")
        return archive

    def add_file(self, path: str, whole: bool, group: list[ArchiveFile] | None) -> None:
        data = self._read(path)
        if is_elf(data):
            self.add_object(path, path, data)
        elif is_archive(data):
            archive = self.add_archive(path, data, whole)
            if not whole:
                self.scan_archive(archive)
                if group is not None:
                    group.append(archive)
        elif _looks_like_script(data):
            self.add_script_input(path, data)
        else:
            raise ToolchainError(f"{path}: file format not recognized")

    def add_script_input(self, path: str, data: bytes) -> None:
        """An input file that is a linker script (libc.so is one: GROUP(...))."""
        script = parse_script(data.decode("utf-8", "replace"), path)
        self.apply_script_commands(script, as_input=True)

    def apply_script_commands(self, script: ast.Script, as_input: bool) -> None:
        for command in script.commands:
            if isinstance(command, (ast.InputCommand, ast.GroupCommand)):
                group: list[ArchiveFile] | None = [] if isinstance(command, ast.GroupCommand) \
                    else None
                for file in command.files:
                    path = self._resolve_script_file(file)
                    self.add_file(path, False, group)
                if group:
                    self._rescan_group(group)
            elif isinstance(command, ast.OutputFormatCommand):
                if self.options.output_format is None:    # --oformat wins, as in GNU ld
                    self.options.output_format = command.names[0]
            elif isinstance(command, ast.SearchDirCommand):
                self.library_paths.append(command.path)
            elif isinstance(command, ast.ExternCommand):
                for name in command.symbols:
                    self.symtab.add_undefined(name, weak=False)
            elif isinstance(command, ast.SectionsCommand) or \
                    isinstance(command, (ast.EntryCommand, ast.Assignment, ast.MemoryCommand)):
                if as_input:
                    self.scripts.append(script)
                    return

    def _resolve_script_file(self, file: ast.InputFile) -> str:
        if file.is_library:
            path = find_library(file.name, self.library_paths, True)
            if path is None:
                raise ToolchainError(f"cannot find -l{file.name}")
            return path
        name = file.name
        if self.options.sysroot and name.startswith("/") and \
                os.path.exists(self.options.sysroot + name):
            return self.options.sysroot + name
        if os.path.exists(name):
            return name
        for directory in self.library_paths:
            candidate = os.path.join(directory, name)
            if os.path.exists(candidate):
                return candidate
        raise ToolchainError(f"cannot find {name}")

    def _rescan_group(self, group: list[ArchiveFile]) -> None:
        changed = True
        while changed:
            changed = False
            for archive in group:
                if self.scan_archive(archive):
                    changed = True

    def read_inputs(self) -> None:
        options = self.options
        for name in options.undefined:
            self.symtab.add_undefined(name, weak=False)
        for path in options.scripts:
            script = parse_script(self._read(path).decode("utf-8", "replace"), path)
            self.apply_script_commands(script, as_input=False)
            self.scripts.append(script)
        group: list[ArchiveFile] | None = None
        for item in options.inputs:
            if item.kind == "group-start":
                if group is not None:
                    raise ToolchainError("nested groups are not allowed")
                group = []
            elif item.kind == "group-end":
                if group is None:
                    raise ToolchainError("group ended before it began (--help for usage)")
                self._rescan_group(group)
                group = None
            elif item.kind == "library":
                path = find_library(item.name, self.library_paths, item.static_only)
                if path is None:
                    raise ToolchainError(f"cannot find -l{item.name}: No such file or directory")
                self.add_file(path, item.whole_archive, group)
            else:
                self.add_file(item.name, item.whole_archive, group)
        if group is not None:
            self._rescan_group(group)
        if self.arch is None:
            if options.emulation and EMULATIONS.get(options.emulation):
                from ..common.target import find_target
                self.arch = arch_for_machine(find_target(EMULATIONS[options.emulation]).machine)
            else:
                raise ToolchainError("no input files")
        if options.emulation and EMULATIONS.get(options.emulation) is None:
            raise ToolchainError(f"emulation {options.emulation} is not supported")

    # --- 2. symbols ----------------------------------------------------------------------------

    def report_multiple_definitions(self) -> None:
        for symbol, file, section, value in self.symtab.multiple_definitions:
            where = section.describe(value) if section is not None else file.display
            first = symbol.section.describe(symbol.value) if symbol.section is not None \
                else (symbol.file.display if symbol.file else "<command line>")
            self.diagnostics.error(f"{where}: multiple definition of '{symbol.name}'; "
                                   f"{first}: first defined here")

    def make_common_section(self) -> InputSection | None:
        commons = [s for s in self.symtab if s.is_common]
        if not commons:
            return None
        commons.sort(key=lambda s: -s.common_alignment)
        section = InputSection(None, 0, "COMMON", elf.SHT_NOBITS,
                               elf.SHF_ALLOC | elf.SHF_WRITE, 1, 0, None)
        offset = 0
        for symbol in commons:
            offset = (offset + symbol.common_alignment - 1) // symbol.common_alignment \
                * symbol.common_alignment
            section.alignment = max(section.alignment, symbol.common_alignment)
            symbol.section = section
            symbol.value = offset
            symbol.common_alignment = 0
            offset += symbol.size
        section.size = offset
        return section

    # --- the whole link ------------------------------------------------------------------------

    def link(self) -> None:
        options = self.options
        self.read_inputs()
        arch = self.arch
        self.report_multiple_definitions()
        if self.diagnostics.failed:
            return
        for obj in self.files:
            obj.read_relocations()
        added = arch.prepare_inputs(self.files) if not options.relocatable else []
        script = self._sections_script()
        synthetic = SyntheticSections(arch)
        if options.build_id and options.output_format != "binary":
            synthetic.add_build_id(options.build_id)
        sections = [s for obj in self.files for s in obj.sections if s is not None]
        common = self.make_common_section() if not options.relocatable else None
        if common is not None:
            sections.append(common)
        sections.extend(synthetic.sections())
        sections.extend(added)
        property_note = merge_property_notes(sections, arch.wordsize)
        if property_note is not None:
            sections.insert(0, property_note)
        statements = []                  # SECTIONS' statements and the assignments around them
        for command in script.commands:
            if isinstance(command, ast.SectionsCommand):
                statements.extend(command.statements)
            elif isinstance(command, ast.Assignment):
                statements.append(command)
        placement = Placement(sections)
        plan = placement.plan(statements)
        self._define_script_symbols(plan)
        self._define_start_stop_symbols(placement)
        if options.gc_sections:
            roots = [self._entry_name(script) or "_start"] + options.undefined
            collect_garbage(sections, placement.kept, self.symtab, roots,
                            self.diagnostics if options.print_gc_sections else None)
        placement.place_orphans(plan, [s for s in sections if s.live and not s.discarded])
        live = [s for s in sections if s.live and not s.discarded]
        arch.relax(self.files, [[s for c in item.contents if isinstance(c, list) for s in c
                                 if s.live and not s.discarded]
                                for item in plan if isinstance(item, SectionPlan)],
                   options.relax)
        relocator = Relocator(arch, synthetic, self.diagnostics)
        relocator.scan([s for s in live if s.file is not None])
        if self.diagnostics.failed:
            return
        synthetic.finish_sizes()
        builder = OutputBuilder(self, arch, plan, placement, synthetic, relocator, script)
        builder.build()
        if self.diagnostics.failed:
            return
        builder.write(options.output)

    def _sections_script(self) -> ast.Script:
        """The -T script that has SECTIONS, else the built-in default."""
        for script in self.scripts:
            if script.sections():
                return script
        default = parse_script(default_script_text(self.arch), "<default script>")
        if self.scripts:
            # A -T script without SECTIONS (only MEMORY, assignments...) adds to the default.
            commands = [c for s in self.scripts for c in s.commands] + default.commands
            return ast.Script(commands, "<default script>")
        return default

    def _entry_name(self, script: ast.Script) -> str | None:
        if self.options.entry is not None:
            return self.options.entry
        for command in script.commands:
            if isinstance(command, ast.EntryCommand):
                return command.symbol
        for command in script.commands:
            if isinstance(command, ast.SectionsCommand):
                for statement in command.statements:
                    if isinstance(statement, ast.EntryCommand):
                        return statement.symbol
        return None

    def _define_script_symbols(self, plan) -> None:
        """Mark names the script (or --defsym) assigns as defined before the
        undefined-reference check; PROVIDE only defines what is referenced and
        not defined elsewhere."""
        self.provided: set[str] = set()
        assignments = [a for a in _all_assignments(plan) if a.symbol != "."]
        for assignment in assignments:
            symbol = self.symtab.get(assignment.symbol)
            if assignment.provide:
                if symbol is None or symbol.defined or not symbol.referenced:
                    continue
                self.provided.add(assignment.symbol)
            symbol = self.symtab.intern(assignment.symbol)
            symbol.defined = True
            symbol.script_defined = True
            symbol.section = None
            if assignment.hidden:
                symbol.visibility = elf.STV_HIDDEN
        for name, _ in self.options.defsyms:
            symbol = self.symtab.intern(name)
            symbol.defined = True
            symbol.script_defined = True
            symbol.section = None
        for name in ("__ehdr_start", "_GLOBAL_OFFSET_TABLE_"):
            symbol = self.symtab.get(name)
            if symbol is not None and not symbol.defined and symbol.referenced:
                symbol.defined = True
                symbol.script_defined = True
                symbol.visibility = elf.STV_HIDDEN

    def _define_start_stop_symbols(self, placement: Placement) -> None:
        """__start_SEC / __stop_SEC for sections whose names are C identifiers."""
        for symbol in list(self.symtab):
            if symbol.defined or not symbol.referenced:
                continue
            for prefix in ("__start_", "__stop_"):
                if symbol.name.startswith(prefix):
                    section_name = symbol.name[len(prefix):]
                    if section_name in placement.by_name:
                        symbol.defined = True
                        symbol.script_defined = True
                        symbol.visibility = elf.STV_HIDDEN
                        for section in placement.by_name[section_name]:
                            placement.kept.add(id(section))


def _all_assignments(plan) -> list[ast.Assignment]:
    found = []
    for item in plan:
        if isinstance(item, ast.Assignment):
            found.append(item)
        elif isinstance(item, SectionPlan):
            found.extend(c for c in item.contents if isinstance(c, ast.Assignment))
    return found


def _looks_like_script(data: bytes) -> bool:
    try:
        text = data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(c.isprintable() or c in "\n\r\t" for c in text)


def link(options: LinkOptions, diagnostics: Diagnostics) -> None:
    Linker(options, diagnostics).link()


__all__ = ["Linker", "link", "evaluate", "Layout", "tempfile"]

"""Building the output image once sections are placed: layout, bytes, symbols, file.

:class:`OutputBuilder` fills the output sections with the live input
sections, runs the layout until the program-header count is stable,
assigns file offsets, copies every section's bytes into one ``bytearray``,
applies the relocations there, writes the linker's own sections, the symbol
table and the section headers, and finally writes an ELF executable or a
flat binary (``--oformat=binary``) through a temporary file.
"""

from __future__ import annotations

import os
import struct
import tempfile

from ..common import elf
from ..common.diagnostics import ToolchainError
from . import scriptast as ast
from .layout import Layout
from .merge import merge_output_section, replace_merged
from .outputs import OutputSection
from .placement import SectionPlan
from .scriptexpr import evaluate
from .thunks import MAX_ROUNDS, Thunks
from .writer import (assign_offsets, build_segments, elf_header, flat_binary,
                     pack_program_headers, pack_section_header)


class OutputBuilder:
    def __init__(self, linker, arch, plan, placement, synthetic, relocator, script: ast.Script):
        self.linker = linker
        self.options = linker.options
        self.arch = arch
        self.plan = plan
        self.placement = placement
        self.synthetic = synthetic
        self.relocator = relocator
        self.script = script
        self.is64 = arch.wordsize == 8
        self.image = bytearray()
        self.sections: list[OutputSection] = []
        self.segments = []
        self.entry = 0
        self.thunks: Thunks | None = None

    # --- layout ----------------------------------------------------------------------------

    def _fill_outputs(self) -> None:
        for item in self.plan:
            if isinstance(item, SectionPlan) and item.output is not None:
                for content in item.contents:
                    if isinstance(content, list):
                        for section in content:
                            if section.live and not section.discarded:
                                item.output.add_input(section)
                replaced = merge_output_section(item.output)
                if replaced:
                    item.contents = [replace_merged(c, replaced) if isinstance(c, list) else c
                                     for c in item.contents]

    def _number(self, text: str, what: str) -> int:
        try:
            return int(text, 0) if not text.lower().startswith("0x") else int(text, 16)
        except ValueError:
            try:
                return int(text, 16)
            except ValueError:
                raise ToolchainError(f"invalid hex number '{text}' for {what}") from None

    def _page_sizes(self) -> tuple[int, int]:
        arch = self.arch
        max_page = self.options.max_page_size or arch.max_page_size
        common = self.options.common_page_size or min(arch.common_page_size, max_page)
        if self.options.omagic or self.options.nmagic:
            return 1, 1
        return max_page, common

    def layout(self) -> Layout:
        self._fill_outputs()
        options = self.options
        max_page, common_page = self._page_sizes()
        section_starts = {name: self._number(value, name)
                          for name, value in options.section_starts.items()}
        segment_starts = {}
        if options.image_base is not None:
            segment_starts["text-segment"] = self._number(options.image_base, "-Ttext-segment")
        memory = [r for c in self.script.commands if isinstance(c, ast.MemoryCommand)
                  for r in c.regions]
        layout = Layout(self.plan, self.linker.symtab, address_bits=self.arch.wordsize * 8,
                        max_page_size=max_page, common_page_size=common_page,
                        section_starts=section_starts, segment_starts=segment_starts,
                        memory=memory, provided=self.linker.provided)
        phnum = self._run_layout(layout, 6)
        if self.arch.thunk_size:
            # Branches out of reach get thunks; they move what follows: lay out again.
            self.thunks = Thunks(self.arch, self.plan, self.relocator.target_address)
            for _ in range(MAX_ROUNDS):
                if not self.thunks.add_needed(self.sections):
                    break
                phnum = self._run_layout(layout, phnum)
        return layout

    def _run_layout(self, layout: Layout, phnum: int) -> int:
        """Run the layout until the program-header count it assumed is the count it
        gives; sets the kept sections and the headers' size; returns that count."""
        max_page, _ = self._page_sizes()
        ehdr = elf.EHDR64.size if self.is64 else elf.EHDR32.size
        phdr = elf.PHDR64.size if self.is64 else elf.PHDR32.size
        for _ in range(4):
            layout.run(ehdr + phnum * phdr)
            sections = self._kept_sections()
            self._set_script_symbols(layout, sections)
            count = len(build_segments(sections, max_page, self._exec_stack(),
                                        self.arch.separate_code))
            if count == phnum or self.options.output_format == "binary":
                break
            phnum = count
        self.sections = sections
        self.headers_size = ehdr + phnum * phdr
        return phnum

    def _exec_stack(self) -> bool | None:
        """PT_GNU_STACK's X flag; None for no PT_GNU_STACK -- as GNU ld, when no input
        has a .note.GNU-stack and no -z [no]execstack says."""
        if self.options.exec_stack is not None:
            return self.options.exec_stack
        files = self.linker.files
        if not any(obj.has_gnu_stack_note for obj in files):
            return None
        return any(obj.exec_stack for obj in files)

    def _kept_sections(self) -> list[OutputSection]:
        kept = []
        for item in self.plan:
            if isinstance(item, SectionPlan) and item.output is not None:
                output = item.output
                if _only_aligns_dot(item):
                    continue
                if output.size > 0 or output.script_data:
                    if output not in kept:
                        kept.append(output)
        return kept

    def _set_script_symbols(self, layout: Layout, kept: list[OutputSection]) -> None:
        symtab = self.linker.symtab
        for name, (value, section) in layout.values.items():
            symbol = symtab.get(name)
            if symbol is None or not symbol.script_defined:
                continue
            symbol.section = None
            if section is not None and section not in kept:
                section = _nearby_section(kept, value)
            if section is not None:
                symbol.output_section = section
                symbol.value = value - section.address
            else:
                symbol.output_section = None
                symbol.value = value
        for name, expression in self.options.defsyms:
            from .script import parse_expression
            expr = parse_expression(expression, "--defsym")
            symbol = symtab.get(name)
            symbol.output_section = None
            symbol.value = evaluate(expr, layout, self.arch.wordsize * 8)
        for symbol in symtab:
            if not symbol.script_defined or symbol.name in layout.values:
                continue
            for prefix, end in (("__start_", False), ("__stop_", True)):
                if symbol.name.startswith(prefix):
                    inputs = self.placement.by_name.get(symbol.name[len(prefix):], [])
                    outputs = [s.output_section for s in inputs if s.output_section is not None]
                    if outputs:
                        symbol.output_section = outputs[0]
                        symbol.value = outputs[0].size if end else 0
        got = symtab.get("_GLOBAL_OFFSET_TABLE_")
        if got is not None and got.script_defined and got.name not in layout.values:
            got.output_section = None
            got.value = self.synthetic.got_base

    # --- the image ---------------------------------------------------------------------------

    def build(self) -> None:
        layout = self.layout()
        max_page, _ = self._page_sizes()
        exec_stack = self._exec_stack()
        self.segments = build_segments(self.sections, max_page, exec_stack,
                                       self.arch.separate_code)
        data_end = assign_offsets(self.sections, self.segments, self.headers_size, max_page)
        ehdr_start = self.linker.symtab.get("__ehdr_start")
        if ehdr_start is not None and ehdr_start.script_defined and \
                "__ehdr_start" not in layout.values:
            loads = [s for s in self.segments if s.type == elf.PT_LOAD]
            ehdr_start.value = loads[0].vaddr if loads else 0
            ehdr_start.output_section = None
        self._set_tls()
        self.entry = self._entry_address()
        if self.thunks is not None:
            for thunk, message in self.thunks.write():
                self.linker.diagnostics.error(f"{thunk.name}: {message}; references symbol "
                                              f"'{thunk.symbol.name}'")
            self.relocator.thunk_addresses = self.thunks.addresses()
        self.image = bytearray(data_end)
        self._copy_sections()
        self.synthetic.write(self.image, self._input_offset, self.relocator.tp_offset,
                             self.relocator.dtp_offset)
        for section in self._live_inputs():
            if section.relocations and section.file is not None:
                self.relocator.apply(self.image, section, self._input_offset(section))

    def _live_inputs(self):
        for output in self.sections:
            yield from output.inputs

    def _input_offset(self, section) -> int:
        return section.output_section.file_offset + section.output_offset

    def _set_tls(self) -> None:
        tls = [s for s in self.segments if s.type == elf.PT_TLS]
        if tls:
            segment = tls[0]
            self.relocator.tls_start = segment.vaddr
            self.relocator.tls_tp = self.arch.thread_pointer(segment.vaddr, segment.memsz,
                                                             segment.align)

    def _entry_address(self) -> int:
        name = self.linker._entry_name(self.script) or "_start"
        symbol = self.linker.symtab.get(name)
        if symbol is not None and symbol.defined:
            return symbol.address
        try:
            return int(name, 0)
        except ValueError:
            pass
        text = next((s for s in self.sections if s.name == ".text"), None)
        fallback = text.address if text is not None else 0
        if not self.options.relocatable and self.options.output_format != "binary":
            self.linker.diagnostics.warning(f"cannot find entry symbol {name}; defaulting "
                                            f"to {fallback:016x}" if self.is64 else
                                            f"cannot find entry symbol {name}; defaulting "
                                            f"to {fallback:08x}")
        return fallback

    def _copy_sections(self) -> None:
        image = self.image
        for output in self.sections:
            if output.is_nobits:
                continue
            base = output.file_offset
            if output.fill is not None and output.fill != bytes(4):
                pattern = output.fill
                fill = (pattern * (output.size // 4 + 1))[:output.size]
                image[base:base + output.size] = fill
            for section in output.inputs:
                if not section.data:            # NOBITS, or synthetic (written later)
                    continue
                start = base + section.output_offset
                image[start:start + section.size] = section.data
            for data in output.script_data:
                image[base + data.offset:base + data.offset + len(data.data)] = data.data
            if output.fill is None and output.flags & elf.SHF_EXECINSTR:
                self._fill_code_gaps(output)

    def _fill_code_gaps(self, output) -> None:
        """Pad the gaps between the pieces of a code section with no-ops, as GNU ld does
        (each gap from its own start, like ld's padding statements)."""
        pieces = sorted([(s.output_offset, s.output_offset + s.size) for s in output.inputs
                         if s.size] +
                        [(d.offset, d.offset + len(d.data)) for d in output.script_data])
        base = output.file_offset
        at = 0
        for start, end in pieces + [(output.size, output.size)]:
            if start > at:
                self.image[base + at:base + start] = self.arch.code_fill(start - at)
            at = max(at, end)

    # --- writing -----------------------------------------------------------------------------

    def write(self, path: str) -> None:
        if self.options.map_file or self.options.print_map:
            from .mapfile import format_map
            text = format_map(self.linker, self.sections, self.arch.wordsize)
            if self.options.print_map:
                print(text, end="")
            if self.options.map_file:
                map_path = self.options.map_file
                if os.path.isdir(map_path):
                    map_path = os.path.join(map_path, os.path.basename(path) + ".map")
                write_atomically(map_path, text.encode(), executable=False)
        if self.options.output_format == "binary":
            content = flat_binary(self.sections, self.image)
        elif self.options.output_format in (None, "elf64-x86-64", "elf32-i386",
                                            "elf64-littleaarch64", "elf64-littleriscv"):
            content = self._elf_file()
        else:
            raise ToolchainError(f"cannot represent output format '{self.options.output_format}'"
                                 f"; pld writes ELF or binary")
        write_atomically(path, content, executable=True)

    def _elf_file(self) -> bytes:
        from .symtab import build_symbol_table
        image = self.image
        is64 = self.is64
        sections = self.sections
        for index, section in enumerate(sections, start=1):
            section.index = index
        symtab, strtab, first_global = (b"", b"", 0)
        if not self.options.strip_all:
            thunks = list(self.thunks.thunks.values()) if self.thunks is not None else []
            symtab, strtab, first_global = build_symbol_table(self.linker, sections, is64,
                                                                self.relocator.tls_start, thunks)
        names = bytearray(b"\0")
        name_offsets = {}

        def name_offset(name: str) -> int:
            if name not in name_offsets:
                name_offsets[name] = len(names)
                names.extend(name.encode("utf-8", "surrogateescape") + b"\0")
            return name_offsets[name]

        headers = [bytes(elf.SHDR64.size if is64 else elf.SHDR32.size)]
        word = 8 if is64 else 4
        for section in sections:
            link = info = 0
            flags = section.flags
            if section.type in (elf.SHT_RELA, elf.SHT_REL):
                # As GNU ld: the IRELATIVE table names the slots it fills (sh_info, with
                # SHF_INFO_LINK) and the symbol table (sh_link; .symtab follows the
                # sections, 0 when stripped).
                info = next((s.index for s in sections if s.name == ".got.plt"), 0)
                if info:
                    flags |= elf.SHF_INFO_LINK
                    link = len(sections) + 1 if symtab else 0
            headers.append(pack_section_header(
                is64, name_offset(section.name), section.type, flags,
                section.address, section.file_offset, section.size, link, info,
                section.alignment, section.entsize))
        offset = len(image)
        extra = bytearray()
        if symtab:
            offset = (offset + word - 1) // word * word
            extra += bytes(offset - len(image))
            symtab_index = len(headers)
            sym_size = elf.SYM64.size if is64 else elf.SYM32.size
            headers.append(pack_section_header(is64, name_offset(".symtab"), elf.SHT_SYMTAB, 0,
                                               0, offset, len(symtab), symtab_index + 1,
                                               first_global, word, sym_size))
            extra += symtab
            offset += len(symtab)
            headers.append(pack_section_header(is64, name_offset(".strtab"), elf.SHT_STRTAB, 0,
                                               0, offset, len(strtab), 0, 0, 1, 0))
            extra += strtab
            offset += len(strtab)
        shstrndx = len(headers)
        name_offset(".shstrtab")
        headers.append(pack_section_header(is64, name_offset(".shstrtab"), elf.SHT_STRTAB, 0, 0,
                                           offset, len(names), 0, 0, 1, 0))
        extra += names
        offset += len(names)
        pad = (-offset) % word
        extra += bytes(pad)
        shoff = offset + pad
        phdrs = pack_program_headers(self.segments, is64)
        ehdr = elf_header(is64=is64, machine=self.arch.machine, e_type=elf.ET_EXEC,
                          entry=self.entry, phoff=len(elf_header_placeholder(is64)),
                          phnum=len(self.segments), shoff=shoff, shnum=len(headers),
                          shstrndx=shstrndx, flags=self.arch.output_flags(self.linker.files))
        image[:len(ehdr)] = ehdr
        image[len(ehdr):len(ehdr) + len(phdrs)] = phdrs
        content = image + extra + b"".join(headers)
        note = self.synthetic.build_id
        if note is not None and note.output_section is not None:
            self.synthetic.fill_build_id(content, self._input_offset(note))
        return bytes(content)


def _nearby_section(kept: list[OutputSection], address: int) -> OutputSection | None:
    """The section a symbol of a dropped (empty) output section moves to, keeping its
    address (BFD's _bfd_nearby_section): the last allocated section starting at or
    before it, else the first allocated one."""
    allocated = [s for s in kept if s.flags & elf.SHF_ALLOC and not s.flags & elf.SHF_TLS]
    before = [s for s in allocated if s.address <= address]
    if before:
        return max(before, key=lambda s: s.address)
    return min(allocated, key=lambda s: s.address) if allocated else None


def _only_aligns_dot(item: SectionPlan) -> bool:
    """An output section with no input and only ``. = ALIGN(...)`` inside is not
    created, as in GNU ld (the default script's ``.bss`` when nothing is in it)."""
    contents = item.contents
    if any(isinstance(c, list) and any(s.live and not s.discarded for s in c)
           for c in contents) or item.output.script_data:
        return False
    others = [c for c in contents if not isinstance(c, list)]
    return bool(others) and all(
        isinstance(c, ast.Assignment) and c.symbol == "." and isinstance(c.expr, ast.Call)
        and c.expr.function == "ALIGN" for c in others)


def elf_header_placeholder(is64: bool) -> bytes:
    return bytes(elf.EHDR64.size if is64 else elf.EHDR32.size)


def write_atomically(path: str, content: bytes, executable: bool) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".pld-", dir=directory)
    except OSError as exc:
        raise ToolchainError(f"cannot open output file {path}: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        if executable:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o777 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise ToolchainError(f"cannot write output file {path}: {exc.strerror}") from None


__all__ = ["OutputBuilder", "write_atomically", "struct"]

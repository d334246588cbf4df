"""Giving every output section and script symbol an address.

This walks the plan :mod:`placement` made, the way GNU ld evaluates a
SECTIONS command: a location counter ``.`` moves forward through the
output sections; each section starts at its explicit address, or in its
memory region, or at ``.`` aligned to the largest alignment inside it;
input sections are laid end to end at their own alignment; assignments
define symbols as they are met.  Expressions have GNU ld's bases (see
scriptexpr): inside an output section ``.`` and the section's symbols are
offsets into it and a plain number assigned to ``.`` or a symbol is an
offset from the section's start (``. = 0x1FE;`` in a boot sector).

Because an expression may use a symbol or section defined further on, and
SIZEOF_HEADERS depends on how many program headers the result needs, the
walk runs until nothing changes (at most a few passes).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..common import elf
from ..common.diagnostics import SourceLocation, ToolchainError
from . import scriptast as ast
from .placement import Plan, SectionPlan
from .outputs import OutputSection, ScriptData
from .scriptexpr import assignment_value, evaluate
from .symbols import SymbolTable


@dataclass
class Region:
    name: str
    origin: int
    length: int
    attributes: str
    position: int = 0


def align_up(value: int, alignment: int) -> int:
    if alignment <= 1:
        return value
    return (value + alignment - 1) // alignment * alignment


class Layout:
    """Evaluates the plan; the results are on the OutputSections and in ``values``."""

    def __init__(self, plan: Plan, symtab: SymbolTable, *, address_bits: int,
                 max_page_size: int, common_page_size: int, section_starts: dict[str, int],
                 segment_starts: dict[str, int], memory: list[ast.MemoryRegion],
                 provided: set[str]):
        self.plan = plan
        self.symtab = symtab
        self.mask = (1 << address_bits) - 1
        self.address_bits = address_bits
        self.max_page_size = max_page_size
        self.common_page_size = common_page_size
        self.section_starts = section_starts
        self.segment_starts = segment_starts
        self.memory_statements = memory
        self.provided = provided                 # PROVIDE'd names that are wanted
        self.values: dict[str, tuple[int, OutputSection | None]] = {}
        self.hidden: set[str] = set()
        self.headers_size = 0
        self.dot = 0
        self.current: OutputSection | None = None
        self.regions: dict[str, Region] = {}
        self.sections_by_name: dict[str, OutputSection] = {
            p.output.name: p.output for p in plan if isinstance(p, SectionPlan) and p.output}
        self.asserts: list[tuple[ast.AssertCommand, int]] = []

    # --- the expression context (scriptexpr.ExpressionContext) -------------------------

    @property
    def current_section(self) -> str | None:
        return self.current.name if self.current is not None else None

    def section_for_dot(self) -> str | None:
        """The output section ``.`` is relative to between output sections, as GNU ld's
        section_for_dot has it: the one laid out last, unless ``.`` has been assigned
        since (that sets up the next one's address): then the next one; in both cases
        the nearest allocated, non-TLS section at or before it that is not empty."""
        order = [p.output for p in self.plan if isinstance(p, SectionPlan) and p.output]
        if not order:
            return None
        if self.previous is None or self.dot_assigned:
            following = [p.output for p in self.plan[self.position + 1:]
                         if isinstance(p, SectionPlan) and p.output and _present(p.output)]
            index = order.index(following[0]) if following else len(order) - 1
        else:
            index = order.index(self.previous)
        for section in reversed(order[:index + 1]):
            if _present(section) and section.flags & elf.SHF_ALLOC and \
                    not section.flags & elf.SHF_TLS:
                return section.name
        return None

    def symbol_section(self, name: str) -> str | None:
        if name in self.values:
            section = self.values[name][1]
        else:
            symbol = self.symtab.get(name)
            section = symbol.output_section
            if symbol.section is not None:
                section = symbol.section.output_section
        return section.name if section is not None else None

    def symbol_value(self, name: str) -> int:
        if name in self.values:
            return self.values[name][0]
        symbol = self.symtab.get(name)
        if symbol is not None and symbol.defined:
            return symbol.address
        raise ToolchainError(f"undefined symbol '{name}' referenced in expression")

    def is_defined(self, name: str) -> bool:
        if name in self.values:
            return True
        symbol = self.symtab.get(name)
        return symbol is not None and symbol.defined

    def _section(self, name: str) -> OutputSection:
        section = self.sections_by_name.get(name)
        if section is None:
            raise ToolchainError(f"undefined section '{name}' referenced in expression")
        return section

    def section_address(self, name: str) -> int:
        return self._section(name).address

    def section_load_address(self, name: str) -> int:
        return self._section(name).lma

    def section_size(self, name: str) -> int:
        section = self.sections_by_name.get(name)
        return section.size if section is not None else 0

    def section_alignment(self, name: str) -> int:
        return self._section(name).alignment

    def region_origin(self, name: str) -> int:
        return self._region(name).origin

    def region_length(self, name: str) -> int:
        return self._region(name).length

    def _region(self, name: str) -> Region:
        region = self.regions.get(name)
        if region is None:
            raise ToolchainError(f"memory region '{name}' is not defined")
        return region

    def constant(self, name: str) -> int:
        if name == "MAXPAGESIZE":
            return self.max_page_size
        if name == "COMMONPAGESIZE":
            return self.common_page_size
        raise ToolchainError(f"unknown constant '{name}'")

    def sizeof_headers(self) -> int:
        return self.headers_size

    def segment_start(self, name: str, default: int) -> int:
        return self.segment_starts.get(name, default)

    # --- evaluation --------------------------------------------------------------------

    def _eval(self, expr) -> int:
        return evaluate(expr, self) & self.mask

    def run(self, headers_size: int) -> None:
        """Lay everything out, repeating until addresses settle."""
        self.headers_size = headers_size
        previous = None
        for _ in range(6):
            self._pass()
            snapshot = ([(p.output.address, p.output.size) for p in self.plan
                         if isinstance(p, SectionPlan) and p.output is not None],
                        dict(self.values))
            if snapshot == previous:
                break
            previous = snapshot
        for statement, value in self.asserts:
            if not value:
                raise ToolchainError(statement.message, statement.location)

    def _pass(self) -> None:
        self.dot = 0
        self.asserts = []
        self.regions = {}
        for region in self.memory_statements:
            origin = self._eval(region.origin)
            self.regions[region.name] = Region(region.name, origin, self._eval(region.length),
                                               region.attributes, origin)
        load_offset = 0                          # LMA - VMA carried from section to section
        self.previous = None                     # the output section statement laid out last
        self.dot_assigned = False                # '.' assigned since (ld's prefer_next_section)
        for self.position, item in enumerate(self.plan):
            if isinstance(item, ast.Assignment):
                self._assign(item, None)
            elif isinstance(item, ast.AssertCommand):
                self.asserts.append((item, self._eval(item.expr)))
            elif isinstance(item, SectionPlan):
                if item.output is None:
                    continue
                load_offset = self._lay_out_section(item, load_offset)
                self.previous, self.dot_assigned = item.output, False

    def _assign(self, assignment: ast.Assignment, section: OutputSection | None) -> None:
        name = assignment.symbol
        if assignment.provide and name != "." and name not in self.provided:
            return
        value, base = assignment_value(assignment, self, self.address_bits)
        if name == ".":
            if value < self.dot and section is not None:
                raise ToolchainError(f"cannot move location counter backwards "
                                     f"(from {self.dot:016x} to {value:016x})",
                                     assignment.location)
            self.dot = value
            self.dot_assigned = section is None
            return
        self.values[name] = (value, self.sections_by_name.get(base) if base else None)
        if assignment.hidden:
            self.hidden.add(name)

    def _lay_out_section(self, plan: SectionPlan, load_offset: int) -> int:
        statement = plan.statement
        output = plan.output
        region = self.regions.get(statement.region) if statement.region else None
        if statement.region and region is None:
            raise ToolchainError(f"memory region '{statement.region}' not declared",
                                 statement.location)
        alignment = output.alignment
        if statement.align is not None:
            alignment = max(alignment, self._eval(statement.align))
            output.alignment = alignment
        explicit = output.name in self.section_starts or statement.address is not None
        empty = all(isinstance(c, list) and not any(s.live and not s.discarded and s.size
                                                    for s in c) for c in plan.contents)
        if output.name in self.section_starts:
            start = self.section_starts[output.name]
        elif statement.address is not None:
            start = self._eval(statement.address)
            if statement.align is not None:
                start = align_up(start, alignment)
        elif region is not None:
            start = align_up(region.position, alignment)
        elif empty:
            start = self.dot                     # empty: dropped, so its ALIGN() moves nothing
        else:
            start = align_up(self.dot, alignment)
        saved_dot = self.dot
        output.address = start
        self.dot = start
        self.current = output
        script_data: list[ScriptData] = []
        fill = None
        for content in plan.contents:
            if isinstance(content, list):
                for section in content:
                    if not section.live or section.discarded:
                        continue
                    self.dot = align_up(self.dot, section.alignment)
                    section.output_offset = self.dot - start
                    self.dot += section.size
            elif isinstance(content, ast.Assignment):
                self._assign(content, output)
            elif isinstance(content, ast.DataCommand):
                value = self._eval(content.expr)
                data = (value & ((1 << (8 * content.size)) - 1)).to_bytes(content.size, "little")
                script_data.append(ScriptData(self.dot - start, data))
                self.dot += content.size
            elif isinstance(content, ast.AscizCommand):
                data = content.text.encode() + b"\0"
                script_data.append(ScriptData(self.dot - start, data))
                self.dot += len(data)
            elif isinstance(content, ast.FillCommand):
                fill = self._eval(content.expr)
            elif isinstance(content, ast.AssertCommand):
                self.asserts.append((content, self._eval(content.expr)))
        if empty and not explicit and region is None:
            self.dot = start                     # empty inputs' alignment moves nothing either
        output.size = self.dot - start
        output.script_data = script_data
        if statement.fill is not None:
            fill = self._eval(statement.fill)
        output.fill = None if fill is None else _fill_pattern(fill)
        if script_data:
            output.has_inputs = True
            if output.type == elf.SHT_NOBITS or not output.inputs:
                output.type = elf.SHT_PROGBITS
            output.flags |= elf.SHF_ALLOC
        if statement.type in ("NOLOAD", "DSECT", "COPY", "INFO", "OVERLAY"):
            output.noload = True
            if statement.type == "NOLOAD":
                output.type = elf.SHT_NOBITS
            else:
                output.flags &= ~elf.SHF_ALLOC
        # The load address (LMA).
        if statement.load_address is not None:
            output.load_address = self._eval(statement.load_address)
        elif statement.load_region is not None:
            load_region = self.regions.get(statement.load_region)
            if load_region is None:
                raise ToolchainError(f"memory region '{statement.load_region}' not declared",
                                     statement.location)
            output.load_address = align_up(load_region.position, alignment)
            load_region.position = output.load_address + (0 if output.is_nobits else output.size)
        elif explicit or region is not None or not output.flags & elf.SHF_ALLOC:
            output.load_address = None
        else:
            output.load_address = start + load_offset if load_offset else None
        if region is not None:
            region.position = start + output.size
            if region.position > region.origin + region.length:
                raise ToolchainError(f"section '{output.name}' will not fit in region "
                                     f"'{region.name}': region overflowed by "
                                     f"{region.position - region.origin - region.length} bytes",
                                     statement.location)
        if output.is_tbss:
            self.dot = start                     # .tbss takes no room in the address space
        if not output.flags & elf.SHF_ALLOC and output.has_inputs:
            self.dot = saved_dot                 # non-allocated sections do not move '.'
        self.current = None
        return output.lma - output.address if output.flags & elf.SHF_ALLOC else load_offset


def _present(section: OutputSection) -> bool:
    """Whether a section takes part in the output (an empty one is dropped)."""
    return bool(section.size or section.script_data)


def _fill_pattern(value: int) -> bytes:
    """ld's FILL: the expression's bytes, big-endian, at least as wide as written (here 4)."""
    return (value & 0xFFFFFFFF).to_bytes(4, "big")


__all__ = ["Layout", "Region", "align_up", "SourceLocation"]

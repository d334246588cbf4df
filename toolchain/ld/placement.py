"""Placing input sections into output sections, by the SECTIONS command.

GNU ld's rule: each input section goes to the *first* input-section
description, in script order, whose file and section patterns match it.
Within one description sections keep command-line order (file by file,
section by section), unless a ``SORT_*`` asks otherwise.  What no
description claims is an *orphan*: it gets an output section of its own
name, placed after the last output section of the same kind (code,
read-only data, writable data, bss, non-allocated), as GNU ld does.

The result is a flat plan -- assignments and output sections with their
contents -- that :mod:`layout` walks to give everything an address.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

from ..common import elf
from . import scriptast as ast
from .inputs import InputSection
from .outputs import OutputSection


@dataclass
class SectionPlan:
    """One output section statement and what it holds, in order.

    ``contents`` holds lists of input sections, Assignments, DataCommands,
    FillCommands and AscizCommands as the script wrote them.
    """

    statement: ast.OutputSection
    output: OutputSection | None              # None for /DISCARD/
    contents: list = field(default_factory=list)


Plan = list  # of ast.Assignment | ast.AssertCommand | SectionPlan


def _wildcard(pattern: str) -> re.Pattern:
    return re.compile(fnmatch.translate(pattern), re.DOTALL)


def init_priority(name: str) -> int:
    """The priority SORT_BY_INIT_PRIORITY reads from a section name (ld's rule)."""
    base, _, number = name.rpartition(".")
    if not number.isdigit():
        return 65535
    if base.endswith(".ctors") or base.endswith(".dtors") or base in (".ctors", ".dtors"):
        return 65535 - int(number)
    return int(number)


class Placement:
    """Matches the script's input-section descriptions against the inputs."""

    def __init__(self, sections: list[InputSection]):
        self.order = {id(s): i for i, s in enumerate(sections)}
        self.by_name: dict[str, list[InputSection]] = {}
        for section in sections:
            self.by_name.setdefault(section.name, []).append(section)
        self.placed: set[int] = set()
        self.kept: set[int] = set()               # matched inside KEEP(), for --gc-sections
        self._regex_cache: dict[str, re.Pattern] = {}
        self.outputs: dict[str, OutputSection] = {}

    def _regex(self, pattern: str) -> re.Pattern:
        regex = self._regex_cache.get(pattern)
        if regex is None:
            regex = self._regex_cache[pattern] = _wildcard(pattern)
        return regex

    def _names(self, pattern: str) -> list[str]:
        if not any(c in pattern for c in "*?["):
            return [pattern] if pattern in self.by_name else []
        regex = self._regex(pattern)
        return [name for name in self.by_name if regex.fullmatch(name)]

    def _file_matches(self, section: InputSection, pattern: str, excludes: list[str]) -> bool:
        names = _file_names(section)
        if excludes and any(self._regex(x).fullmatch(n) for x in excludes for n in names):
            return False
        if pattern == "*":
            return True
        regex = self._regex(pattern)
        return any(regex.fullmatch(n) for n in names)

    def match(self, description: ast.InputSectionDescription) -> list[InputSection]:
        """The unplaced sections this description takes, in their final order."""
        groups: list[list[InputSection]] = []
        sorted_any = False
        patterns = description.sections or [ast.SectionPattern("*")]
        for pattern in patterns:
            found = []
            for name in self._names(pattern.pattern):
                for section in self.by_name[name]:
                    if id(section) in self.placed:
                        continue
                    if not self._file_matches(section, description.file_pattern,
                                              description.exclude_files + pattern.exclude_files):
                        continue
                    found.append(section)
            found.sort(key=lambda s: self.order[id(s)])
            keys = [k for k in pattern.sort if k != "none"]
            if keys:
                sorted_any = True
                found.sort(key=lambda s: tuple(_sort_key(s, k) for k in keys))
            groups.append(found)
        if sorted_any:
            result = [s for group in groups for s in group]
        else:
            result = sorted({id(s): s for g in groups for s in g}.values(),
                            key=lambda s: self.order[id(s)])
        seen: set[int] = set()
        unique = []
        for section in result:
            if id(section) not in seen:
                seen.add(id(section))
                unique.append(section)
        return unique

    def claim(self, sections: list[InputSection], keep: bool) -> None:
        for section in sections:
            self.placed.add(id(section))
            if keep:
                self.kept.add(id(section))

    # --- the whole SECTIONS command ------------------------------------------------------

    def plan(self, statements: list) -> Plan:
        plan: Plan = []
        for statement in statements:
            if isinstance(statement, ast.OutputSection):
                section_plan = self._plan_output_section(statement)
                if section_plan is not None:
                    plan.append(section_plan)
            elif isinstance(statement, (ast.Assignment, ast.AssertCommand)):
                plan.append(statement)
        return plan

    def _plan_output_section(self, statement: ast.OutputSection) -> SectionPlan | None:
        if statement.constraint in ("ONLY_IF_RO", "ONLY_IF_RW"):
            trial = [s for c in statement.commands
                     if isinstance(c, ast.InputSectionDescription) for s in self.match(c)]
            writable = any(s.flags & elf.SHF_WRITE for s in trial)
            if writable == (statement.constraint == "ONLY_IF_RO"):
                return None
        discard = statement.name == "/DISCARD/"
        output = None
        if not discard:
            output = self.outputs.get(statement.name)
            if output is None:
                output = self.outputs[statement.name] = OutputSection(statement.name)
        plan = SectionPlan(statement, output)
        for command in statement.commands:
            if isinstance(command, ast.InputSectionDescription):
                sections = self.match(command)
                self.claim(sections, command.keep)
                if discard:
                    for section in sections:
                        section.discarded = True
                else:
                    plan.contents.append(sections)
            elif not discard:
                plan.contents.append(command)
        return plan

    def place_orphans(self, plan: Plan, sections: list[InputSection]) -> list[InputSection]:
        """Give each unclaimed section an output section of its own name; returns them."""
        orphans = [s for s in sections if id(s) not in self.placed and not s.discarded]
        for section in orphans:
            output = self.outputs.get(section.name)
            if output is not None and any(isinstance(p, SectionPlan) and p.output is output
                                          for p in plan):
                target = next(p for p in plan if isinstance(p, SectionPlan) and p.output is output)
                if target.contents and isinstance(target.contents[-1], list):
                    target.contents[-1].append(section)
                else:
                    target.contents.append([section])
                self.placed.add(id(section))
                continue
            output = self.outputs[section.name] = OutputSection(section.name)
            # A non-allocated orphan sits at address 0, as GNU ld places it.
            statement = ast.OutputSection(section.name) if section.is_alloc else \
                ast.OutputSection(section.name, address=ast.Number(0))
            new_plan = SectionPlan(statement, output, [[section]])
            self.placed.add(id(section))
            plan.insert(_orphan_position(plan, section), new_plan)
        return orphans


def _file_names(section: InputSection) -> list[str]:
    """The names a file pattern is matched against: path, member, archive:member."""
    file = section.file
    if file is None:
        return [""]
    archive = getattr(file, "archive_path", None)
    if archive is None:
        return [file.path]
    member = file.member_name
    return [member, f"{archive}:{member}", f"{archive.rsplit('/', 1)[-1]}:{member}"]


def _sort_key(section: InputSection, key: str):
    if key == "name":
        return section.name
    if key == "alignment":
        return -section.alignment
    if key == "init_priority":
        return init_priority(section.name)
    return 0


def _kind(flags: int, type: int) -> tuple:
    """What an orphan must sit next to: same allocation, access, TLS and bits."""
    return (bool(flags & elf.SHF_ALLOC), bool(flags & elf.SHF_WRITE),
            bool(flags & elf.SHF_EXECINSTR), bool(flags & elf.SHF_TLS),
            type == elf.SHT_NOBITS)


def _orphan_position(plan: Plan, section: InputSection) -> int:
    """Index after the last planned output section of the orphan's kind."""
    want = _kind(section.flags, section.type)
    best = None
    for index, item in enumerate(plan):
        if not isinstance(item, SectionPlan) or item.output is None:
            continue
        inputs = [s for c in item.contents if isinstance(c, list) for s in c]
        if not inputs:
            continue
        first = inputs[0]
        if _kind(first.flags, first.type) == want:
            best = index
    if best is None:
        if not section.flags & elf.SHF_ALLOC:
            return len(plan)
        # No section of its kind: writable data goes before .bss, others before
        # the first non-allocated section.
        for index, item in enumerate(plan):
            if isinstance(item, SectionPlan) and item.output is not None:
                inputs = [s for c in item.contents if isinstance(c, list) for s in c]
                if inputs and not inputs[0].flags & elf.SHF_ALLOC:
                    return index
                if item.statement.name == ".bss" and section.flags & elf.SHF_WRITE:
                    return index
        return len(plan)
    return best + 1

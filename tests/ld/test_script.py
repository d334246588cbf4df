"""Linker-script parser and expression evaluator (toolchain/ld/script.py, scriptexpr.py).

GNU ld's own default scripts (``ld --verbose``, when binutils is installed)
and the hand-written scripts in tests/ld/scripts/ must parse to the facts
asserted here; expressions must evaluate as GNU ld evaluates them; malformed
scripts must give exactly the expected ``file:line:col: error:`` line, and
no input at all may raise anything but ToolchainError.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from toolchain.common.diagnostics import ToolchainError
from toolchain.ld.script import parse_assignment, parse_expression, parse_script
from toolchain.ld.scriptast import (
    AssertCommand, Assignment, BinaryOp, Call, ConstructorsCommand, DataCommand,
    EntryCommand, ExternCommand, FillCommand, GroupCommand, InputCommand, InputFile,
    InputSectionDescription, InsertCommand, MemoryCommand, Number, OutputArchCommand,
    OutputFormatCommand, OutputSection, OverlayCommand, PhdrsCommand, Script,
    SectionPattern, SymbolRef, UnaryOp)
from toolchain.ld.scriptexpr import evaluate, evaluate_assignment

SCRIPTS = Path(__file__).parent / "scripts"
LD = shutil.which("ld")


@dataclass
class FakeLink:
    """An ExpressionContext with made-up sections, regions and symbols."""

    dot: int = 0x1234
    symbols: dict[str, int] = field(default_factory=lambda: {"start": 0x100, "big": 2**64 - 1})
    sections: dict[str, tuple[int, int, int, int]] = field(default_factory=lambda: {
        ".text": (0x401000, 0x1000, 0x2A0, 16), ".data": (0x600000, 0x5000, 0x40, 8)})
    regions: dict[str, tuple[int, int]] = field(default_factory=lambda: {"ram": (0x20000000, 0x10000)})
    headers_size: int = 0x40
    current_section: str | None = None

    def symbol_section(self, name: str) -> str | None:
        return None

    def section_for_dot(self) -> str | None:
        return None

    def symbol_value(self, name: str) -> int:
        return self.symbols[name]

    def is_defined(self, name: str) -> bool:
        return name in self.symbols

    def _section(self, name: str, index: int) -> int:
        if name not in self.sections:
            raise ToolchainError(f"undefined section '{name}' referenced in expression")
        return self.sections[name][index]

    def section_address(self, name: str) -> int:
        return self._section(name, 0)

    def section_load_address(self, name: str) -> int:
        return self._section(name, 1)

    def section_size(self, name: str) -> int:
        return self._section(name, 2)

    def section_alignment(self, name: str) -> int:
        return self._section(name, 3)

    def region_origin(self, name: str) -> int:
        return self.regions[name][0]

    def region_length(self, name: str) -> int:
        return self.regions[name][1]

    def constant(self, name: str) -> int:
        return {"MAXPAGESIZE": 0x1000, "COMMONPAGESIZE": 0x1000}[name]

    def sizeof_headers(self) -> int:
        return self.headers_size

    def segment_start(self, name: str, default: int) -> int:
        return default


def parse_file(name: str) -> Script:
    path = SCRIPTS / name
    return parse_script(path.read_text(), str(path))


def output_sections(script: Script) -> dict[str, OutputSection]:
    """Output sections by name; a repeated name (ONLY_IF_RO/RW pairs) keeps the first."""
    found: dict[str, OutputSection] = {}
    for sections in script.sections():
        for statement in sections.statements:
            if isinstance(statement, OutputSection):
                found.setdefault(statement.name, statement)
    return found


def of_type(items, kind) -> list:
    return [item for item in items if isinstance(item, kind)]


# --------------------------------------------------------------------------
# GNU ld's default scripts

def ld_default_script(*options: str) -> str:
    if LD is None:
        pytest.skip("GNU ld is not installed: no default scripts to parse")
    result = subprocess.run([LD, *options, "--verbose"], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"ld {' '.join(options)} --verbose failed: {result.stderr.strip()}")
    lines = result.stdout.splitlines()
    cuts = [i for i, line in enumerate(lines) if line.startswith("=====")]
    if len(cuts) < 2:
        pytest.skip("ld --verbose printed no script between ===== lines")
    return "\n".join(lines[cuts[0] + 1:cuts[1]]) + "\n"


LD_VARIANTS = {"default": (), "elf_i386": ("-m", "elf_i386"), "relocatable": ("-r",),
               "omagic": ("-N",), "static": ("-static",), "pie": ("-pie",)}


@pytest.mark.parametrize("variant", LD_VARIANTS)
def test_gnu_ld_default_scripts_parse(variant):
    script = parse_script(ld_default_script(*LD_VARIANTS[variant]), f"ld-{variant}.ld")
    formats = of_type(script.commands, OutputFormatCommand)
    assert len(formats) == 1 and len(formats[0].names) == 3
    assert formats[0].names[0] == ("elf32-i386" if variant == "elf_i386" else "elf64-x86-64")
    sections = output_sections(script)
    for name in (".text", ".data", ".bss", ".rodata", ".debug_info"):
        assert name in sections, name
    assert sections[".debug_info"].address == Number(0)
    text = sections[".text"]
    if variant == "relocatable":
        assert not of_type(script.commands, EntryCommand)
        # ld -r keeps sections at address 0 and does not merge .text.*
        assert text.address == Number(0)
        assert text.commands[0] == InputSectionDescription(
            "*", sections=[SectionPattern(".text"), SectionPattern(".stub")])
        return
    assert of_type(script.commands, EntryCommand) == [EntryCommand("_start")]
    arch = "i386" if variant == "elf_i386" else "i386:x86-64"
    assert of_type(script.commands, OutputArchCommand) == [OutputArchCommand(arch)]
    # .text: the unlikely/exit/startup/hot groups, then SORT(.text.sorted.*)
    patterns = [[p.pattern for p in c.sections] for c in text.commands]
    assert patterns[0] == [".text.unlikely", ".text.*_unlikely", ".text.unlikely.*"]
    sorted_text = [c for c in text.commands if c.sections[0].pattern == ".text.sorted.*"]
    assert sorted_text[0].sections[0].sort == ("name",)
    init = sections[".init"].commands[0]
    assert init == InputSectionDescription("*", sections=[SectionPattern(".init", sort=("none",))],
                                           keep=True)
    init_array = of_type(sections[".init_array"].commands, InputSectionDescription)
    assert [p.sort for p in init_array[0].sections] == [("init_priority",), ("init_priority",)]
    assert init_array[1].sections[1] == SectionPattern(
        ".ctors", exclude_files=["*crtbegin.o", "*crtbegin?.o", "*crtend.o", "*crtend?.o"])
    assert sections[".ctors"].commands[0] == InputSectionDescription(
        "*crtbegin.o", sections=[SectionPattern(".ctors")], keep=True)
    assert ConstructorsCommand(sorted=True) in sections[".data"].commands
    assert "/DISCARD/" in sections
    constraints = {s.constraint for c in script.sections() for s in c.statements
                   if isinstance(s, OutputSection) and s.name == ".eh_frame"}
    assert constraints == {"ONLY_IF_RO", "ONLY_IF_RW"}

    statements = script.sections()[0].statements
    provide, dot = statements[0], statements[1]
    assert provide.provide and not provide.hidden and provide.symbol == "__executable_start"
    assert dot.symbol == "." and dot.operator == "="
    base = {"elf_i386": 0x08048000, "pie": 0}.get(variant, 0x400000)
    assert isinstance(dot.expr, BinaryOp) and dot.expr.right == Call("SIZEOF_HEADERS", [])
    assert dot.expr.left == Call("SEGMENT_START", ["text-segment", Number(base)])
    assert evaluate(dot.expr, FakeLink()) == base + 0x40

    # Every assignment to '.' in the script evaluates with a plausible context.
    link = FakeLink(dot=0x401234, sections={name: (0x500000, 0x500000, 0x18, 8) for name in sections})
    for statement in statements:
        if isinstance(statement, Assignment) and statement.symbol == ".":
            assert evaluate(statement.expr, link) >= 0


def test_gnu_ld_default_script_data_segment():
    script = parse_script(ld_default_script(), "ld.ld")
    statements = script.sections()[0].statements
    dot_exprs = [s.expr for s in statements if isinstance(s, Assignment) and s.symbol == "."]
    data_align = [e for e in dot_exprs if isinstance(e, Call) and e.function == "DATA_SEGMENT_ALIGN"]
    assert data_align == [Call("DATA_SEGMENT_ALIGN", [Call("CONSTANT", ["MAXPAGESIZE"]),
                                                      Call("CONSTANT", ["COMMONPAGESIZE"])])]
    # ALIGN(maxpagesize) + (. & (maxpagesize - 1)): same page offset, next page.
    assert evaluate(data_align[0], FakeLink(dot=0x401234)) == 0x402234
    relro = [e for e in dot_exprs if isinstance(e, Call) and e.function == "DATA_SEGMENT_RELRO_END"]
    assert evaluate(relro[0], FakeLink(dot=0x403000)) == 0x403000
    bss = output_sections(script)[".bss"]
    align = of_type(bss.commands, Assignment)[0]
    assert evaluate(align.expr, FakeLink(dot=0x403001)) == 0x403008
    assert evaluate(align.expr, FakeLink(dot=0)) == 0


# --------------------------------------------------------------------------
# Hand-written scripts

def test_boot_sector_script():
    script = parse_file("boot.ld")
    assert script.commands[:2] == [OutputFormatCommand(["binary"]), EntryCommand("start")]
    (sections,) = script.sections()
    dot, text, sig, discard = sections.statements
    assert dot == Assignment(".", "=", Number(0x7C00))
    assert text.commands[0] == InputSectionDescription("*", sections=[SectionPattern(".text*")])
    assert sig.address == Number(0x7DFE)
    assert sig.commands == [DataCommand(2, Number(0xAA55))]
    assert discard.name == "/DISCARD/"
    assert [c.sections[0].pattern for c in discard.commands] == [".note*", ".comment"]
    assert dot.location.line == 6 and dot.location.column == 5


def test_kernel_script():
    script = parse_file("kernel.ld")
    assert of_type(script.commands, ExternCommand) == [ExternCommand(["vectors"])]
    (memory,) = of_type(script.commands, MemoryCommand)
    rom, ram = memory.regions
    assert (rom.name, rom.attributes, rom.origin, rom.length) == ("rom", "rx", Number(0x08000000),
                                                                  Number(256 * 1024))
    assert (ram.name, ram.attributes) == ("ram", "rwx")
    stack_top = of_type(script.commands, Assignment)[1]
    assert stack_top.provide and stack_top.symbol == "_stack_top"
    link = FakeLink()
    assert evaluate(stack_top.expr, link) == 0x20010000

    sections = output_sections(script)
    assert sections[".vectors"].region == "rom"
    text = sections[".text"]
    assert text.align == Number(4) and text.region == "rom"
    provides = [c for c in text.commands if isinstance(c, Assignment) and c.provide]
    assert [(p.symbol, p.hidden) for p in provides] == [("__init_array_start", True),
                                                          ("__init_array_end", True)]
    keeps = [c for c in text.commands if isinstance(c, InputSectionDescription) and c.keep]
    assert keeps[0].sections == [SectionPattern(".init_array.*", sort=("init_priority",)),
                                 SectionPattern(".ctors.*", sort=("init_priority",))]
    assert keeps[1].sections[1].exclude_files == ["*crtbegin.o", "*crtend.o"]
    data = sections[".data"]
    assert (data.region, data.load_region) == ("ram", "rom")
    fastcode = sections[".fastcode"]
    assert evaluate(fastcode.load_address, link) == 0x5000 + 0x40
    bss = sections[".bss"]
    assert bss.type == "NOLOAD"
    assert bss.commands[0] == Assignment("__bss_start", "=", SymbolRef("."))
    assert InputSectionDescription("*", sections=[SectionPattern("COMMON")]) in bss.commands
    stack = sections[".stack"]
    assert stack.commands == [Assignment(".", "+=", SymbolRef("_stack_size"))]
    (check,) = [s for s in script.sections()[0].statements if isinstance(s, AssertCommand)]
    assert check.message == "RAM overflow"


def test_libc_so_group_script():
    script = parse_file("libc_so.ld")
    assert script.commands == [
        OutputFormatCommand(["elf64-x86-64"]),
        GroupCommand([InputFile("/lib/x86_64-linux-gnu/libc.so.6"),
                      InputFile("/usr/lib/x86_64-linux-gnu/libc_nonshared.a"),
                      InputFile("/lib64/ld-linux-x86-64.so.2", as_needed=True)])]


def test_less_common_commands():
    script = parse_file("features.ld")
    inputs = of_type(script.commands, InputCommand)
    assert inputs[0].files == [InputFile("crt0.o"), InputFile("m", is_library=True),
                               InputFile("name with space.o")]
    assert script.commands[-1] == InsertCommand(True, ".text")
    assignments = of_type(script.commands, Assignment)
    assert [(a.symbol, a.operator) for a in assignments] == [
        ("x", "="), ("y", "="), ("z", "|="), ("quoted symbol", "=")]
    assert assignments[3].expr == Number(0x1F)
    memory = of_type(script.commands, MemoryCommand)[0]
    assert [r.attributes for r in memory.regions] == ["rx!w", "wx"]
    headers = of_type(script.commands, PhdrsCommand)[0].headers
    assert [(h.name, h.type, h.filehdr, h.phdrs) for h in headers] == [
        ("headers", Number(6), False, True), ("text", Number(1), True, True),
        ("data", Number(1), False, False), ("note", Number(0x60000000), False, False)]
    assert headers[1].flags == Number(5) and headers[2].at == Number(0x2000)

    statements = script.sections()[0].statements
    assert statements[1] == EntryCommand("main")
    text = statements[2]
    assert (text.address, text.load_address, text.subalign, text.constraint) == (
        Number(0x1000), Number(0x2000), Number(16), "ONLY_IF_RO")
    assert text.phdrs == ["text"] and text.fill == Number(0x90)
    wild = of_type(text.commands, InputSectionDescription)
    assert wild[0].sort_files == "name" and wild[0].file_pattern == "*"
    assert wild[1].exclude_files == ["*crtend.o", "*otherfile.o"]
    assert wild[2].file_pattern == "libc.a:printf.o"
    assert [p.sort for p in wild[3].sections] == [("name", "alignment"), ("alignment", "name")]
    assert wild[4].section_flags == ["SHF_ALLOC", "!SHF_WRITE"]
    data = of_type(text.commands, DataCommand)
    assert [(d.size, d.signed) for d in data] == [(1, False), (2, False), (4, False), (8, False),
                                                  (8, True)]
    assert data[4].expr == UnaryOp("-", Number(5))
    assert FillCommand(Number(0x90909090)) in text.commands
    assert statements[3].type == "READONLY" and statements[4].type == "INFO"
    overlay = statements[5]
    assert isinstance(overlay, OverlayCommand)
    assert (overlay.address, overlay.nocrossrefs, overlay.load_address, overlay.region) == (
        Number(0x4000), True, Number(0x8000), "ram")
    assert [(s.name, s.phdrs, s.fill) for s in overlay.sections] == [
        (".ov1", ["text"], None), (".ov2", [], Number(0xFF))]


# --------------------------------------------------------------------------
# Expressions

EXPRESSIONS = [
    ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("10 - 4 - 3", 3), ("2 * 3 % 4", 2),
    ("1 << 4 + 1", 32), ("1 + 2 == 3", 1), ("6 & 3 | 8", 10), ("6 ^ 3 & 1", 7),
    ("1 < 2 == 1", 1), ("!0 + ~0", 0), ("-1", 2**64 - 1), ("0 - 1 > 0", 1),
    ("1 || 0 && 0", 1), ("1 ? 2 : 3 ? 4 : 5", 2), ("0 ? 2 : 0 ? 4 : 5", 5),
    ("0x1F + 0X1f + 010 + 1K + 2M", 31 + 31 + 8 + 1024 + 2 * 1024 * 1024),
    ("$1F + 1Fh + 101b + 17o + 10d", 31 + 31 + 5 + 15 + 10), ("each", 0xEAC),
    ("big + 1", 0), ("big * 2", 2**64 - 2), ("-7 / 2", 2**64 - 3), ("-7 % 3", 2**64 - 1),
    ("(0 - 1) / 2", 0), ("1 << 64", 0), ("0x8000000000000000 >> 63", 1),
    ("ALIGN(0x100)", 0x1300), ("ALIGN(0x1001, 0x10)", 0x1010), ("ALIGN(1)", 0x1234),
    ("ALIGN(0x10) - .", 0xC), ("BLOCK(8)", 0x1238), ("NEXT(0x1000)", 0x2000),
    ("ADDR(.text) + SIZEOF(.text)", 0x4012A0), ("LOADADDR(.data)", 0x5000),
    ("ALIGNOF(.text)", 16), ("ORIGIN(ram) + LENGTH(ram)", 0x20010000),
    ("DEFINED(start) ? start : 0x10", 0x100), ("DEFINED(nothing) ? nothing : 0x10", 0x10),
    ("DEFINED(nothing) && nothing", 0), ("MAX(3, 5) + MIN(3, 5)", 8), ("MAX(-1, 5)", 2**64 - 1),
    ("LOG2CEIL(0) + LOG2CEIL(1)", 0), ("LOG2CEIL(4096)", 12), ("LOG2CEIL(4097)", 13),
    ("ABSOLUTE(start)", 0x100), ("CONSTANT(MAXPAGESIZE) - 1", 0xFFF),
    ("SEGMENT_START(\"text-segment\", 0x400000)", 0x400000), ("SIZEOF_HEADERS", 0x40),
    ("DATA_SEGMENT_ALIGN(0x200000, 0x1000)", 0x201234), ("DATA_SEGMENT_END(.)", 0x1234),
    ("DATA_SEGMENT_RELRO_END(24, . + 8)", 0x123C), ("ASSERT(start, \"no start\")", 0x100),
]


@pytest.mark.parametrize("text,value", EXPRESSIONS)
def test_expression_value(text, value):
    assert evaluate(parse_expression(text, "expr"), FakeLink()) == value


def test_expression_precedence_tree():
    assert parse_expression("a + b * c", "e") == BinaryOp(
        "+", SymbolRef("a"), BinaryOp("*", SymbolRef("b"), SymbolRef("c")))
    assert parse_expression("a - b - c", "e") == BinaryOp(
        "-", BinaryOp("-", SymbolRef("a"), SymbolRef("b")), SymbolRef("c"))
    # Symbols may hold '.', '$' and '/', never '-': a-b is a subtraction.
    assert parse_expression("a-b", "e") == BinaryOp("-", SymbolRef("a"), SymbolRef("b"))
    assert parse_expression("x.y$z/w", "e") == SymbolRef("x.y$z/w")


def test_address_width_wraps_32_bit():
    assert evaluate(parse_expression("0xFFFFFFFF + 2", "e"), FakeLink(), address_bits=32) == 1
    assert evaluate(parse_expression("-8 / 2", "e"), FakeLink(), address_bits=32) == 0xFFFFFFFC


def test_compound_assignment():
    link = FakeLink()
    assert evaluate_assignment(parse_assignment("start += 0x10", "defsym"), link) == 0x110
    assert evaluate_assignment(parse_assignment(". <<= 4", "defsym"), link) == 0x12340
    assert evaluate_assignment(parse_assignment("start = 5", "defsym"), link) == 5


EVALUATION_ERRORS = [
    ("1 +\n  nothing", "expr:2:3: error: undefined symbol 'nothing' referenced in expression"),
    ("4 / (2 - 2)", "expr:1:3: error: division by zero"),
    ("4 % 0", "expr:1:3: error: modulo by zero"),
    ("SIZEOF(.bogus)", "expr:1:1: error: undefined section '.bogus' referenced in expression"),
    ("CONSTANT(PAGESIZE)", "expr:1:1: error: unknown constant 'PAGESIZE' referenced in expression"),
    ("  ASSERT(0, \"too big\")", "expr:1:3: error: too big"),
]


@pytest.mark.parametrize("text,message", EVALUATION_ERRORS)
def test_expression_errors(text, message):
    expr = parse_expression(text, "expr")
    with pytest.raises(ToolchainError) as caught:
        evaluate(expr, FakeLink())
    assert str(caught.value) == message


def test_unknown_function_in_tree():
    with pytest.raises(ToolchainError, match=r"^e:1:1: error: unknown function 'FOO'$"):
        evaluate(Call("FOO", [], location=parse_expression("x", "e").location), FakeLink())


# --------------------------------------------------------------------------
# Malformed scripts: the exact error line

MALFORMED = [
    ("SECTIONS { . = 0x1000 .text : { *(.text) } }",
     "t.ld:1:23: error: syntax error, unexpected '.text', expecting ';'"),
    ("SECTIONS {\n  .text : { *(.text) \n",
     "t.ld:3:1: error: syntax error, unexpected end of file, expecting file or section name"),
    ("SECTIONS { }\n/* never closed",
     "t.ld:2:1: error: EOF in comment"),
    ("SECTIONS {\n  x = FOO(1);\n}",
     "t.ld:2:7: error: unknown function 'FOO'"),
    ("SECTIONS { x = 1 +; }",
     "t.ld:1:19: error: syntax error, unexpected ';', expecting expression"),
    ("SECTIONS { x = 1 @ 2; }",
     "t.ld:1:18: error: invalid character '@' in expression"),
    ("ENTRY(_start",
     "t.ld:1:13: error: syntax error, unexpected end of file, expecting ')'"),
    ("SECTIONS { .text:{ *(.text) } }",
     "t.ld:1:18: error: syntax error, unexpected '{', expecting expression"),
    ("ENTYR(_start)",
     "t.ld:1:1: error: unknown command 'ENTYR'"),
    ('SECTIONS { x = "abc; }',
     "t.ld:1:16: error: missing terminating \" character"),
    ("MEMORY {\n  ram (rwq) : ORIGIN = 0, LENGTH = 1K\n}",
     "t.ld:2:8: error: invalid character 'q' in memory attributes"),
    ("MEMORY { ram : ORIGIN = 0 }",
     "t.ld:1:27: error: syntax error, unexpected '}', expecting LENGTH"),
    ("PHDRS { text PT_LODE; }",
     "t.ld:1:14: error: unknown phdr type 'PT_LODE' (try integer literal)"),
    ("PHDRS { text PT_LOAD FLAGS; }",
     "t.ld:1:22: error: PHDRS syntax error at 'FLAGS'"),
    ("SECTIONS { .data : { *(SORT_BY_INIT_PRIORITY(SORT_BY_NAME(.x))) } }",
     "t.ld:1:46: error: syntax error, unexpected 'SORT_BY_NAME', expecting section name"),
    ("SECTIONS { x = ALIGN; }",
     "t.ld:1:21: error: syntax error, unexpected ';', expecting '('"),
    ("SECTIONS { x = 1 ? 2 ; }",
     "t.ld:1:22: error: syntax error, unexpected ';', expecting ':'"),
    ("SECTIONS { .text : { KEEP(*(.init) } }",
     "t.ld:1:36: error: syntax error, unexpected '}', expecting ')'"),
    ("x = 1\nSECTIONS {}",
     "t.ld:2:1: error: syntax error, unexpected 'SECTIONS', expecting ';'"),
    ("GROUP()",
     "t.ld:1:7: error: syntax error, unexpected ')', expecting file name"),
    ("\x01",
     "t.ld:1:1: error: invalid character '\\001' in script"),
    # Keywords are reserved where GNU ld's lexer reserves them.
    ("SECTIONS { AT : { *(.x) } }",
     "t.ld:1:12: error: syntax error, unexpected 'AT', expecting output section, assignment or '}'"),
    ("SECTIONS { .x : { AT(.x) } }",
     "t.ld:1:19: error: syntax error, unexpected 'AT', expecting file or section name"),
    ("GROUP(AS_NEEDED)",
     "t.ld:1:7: error: syntax error, unexpected 'AS_NEEDED', expecting file name"),
    ("MEMORY { rom () : ORIGIN = 0, LENGTH = 1 }",
     "t.ld:1:15: error: syntax error, unexpected ')', expecting memory attribute"),
    # SCRIPT-state names run on through '=' and ',' as in GNU ld.
    ("SECTIONS { .=0x1000; }",
     "t.ld:1:20: error: syntax error, unexpected ';', expecting expression"),
    ("OUTPUT_FORMAT(a, b, c)",
     "t.ld:1:18: error: syntax error, unexpected 'b,', expecting ')'"),
]


@pytest.mark.parametrize("text,message", MALFORMED)
def test_malformed_script(text, message):
    with pytest.raises(ToolchainError) as caught:
        parse_script(text, "t.ld")
    assert str(caught.value) == message


def test_small_forms():
    (sections,) = parse_script('# comment\nSECTIONS { "AT" : { "KEEP"(".x") } # end\n}', "t").commands
    assert sections.statements[0] == OutputSection("AT", commands=[
        InputSectionDescription("KEEP", sections=[SectionPattern(".x")])])
    # A symbol address followed by a type: not a call of 'foo'.
    (sections,) = parse_script("SECTIONS { .t foo (NOLOAD) : { *(.t) } }", "t").commands
    assert (sections.statements[0].address, sections.statements[0].type) == (SymbolRef("foo"), "NOLOAD")
    (sections,) = parse_script(
        "SECTIONS { .x : { *(SORT_BY_NAME(SORT_BY_NAME(.a)) REVERSE(.b) "
        "REVERSE(SORT_BY_INIT_PRIORITY(.c))) ASCIZ \"hi\" SORT(CONSTRUCTORS) } "
        ">ram AT>rom :p1 :p2 =0x90, .y : {} }", "t").commands
    x, y = sections.statements
    assert x.commands[0].sections == [SectionPattern(".a", sort=("name",)),
                                      SectionPattern(".b", sort=("name",), reverse=True),
                                      SectionPattern(".c", sort=("init_priority",), reverse=True)]
    assert x.commands[2] == ConstructorsCommand(sorted=True)
    assert (x.region, x.load_region, x.phdrs, x.fill) == ("ram", "rom", ["p1", "p2"], Number(0x90))
    assert y == OutputSection(".y")
    (inputs,) = parse_script("INPUT(=/lib/crt1.o -lc)", "t").commands
    assert inputs.files == [InputFile("=/lib/crt1.o"), InputFile("c", is_library=True)]
    (version,) = parse_script("VERSION { V1 { global: foo; /* } */ local: *; }; }", "t").commands
    assert version.text == "V1 { global: foo; /* } */ local: *; };"
    assert parse_assignment("x=1", "defsym") == Assignment("x", "=", Number(1))


def test_deep_nesting_is_an_error_not_a_crash():
    for text in ("x = " + "(" * 5000 + "1;", "x = " + "-" * 5000 + "1;"):
        with pytest.raises(ToolchainError, match="nested too deeply"):
            parse_script(text, "deep.ld")


def test_garbage_never_crashes():
    """Random bytes, truncated and mutated real scripts: only ToolchainError."""
    rng = random.Random(20240601)
    seeds = [path.read_text() for path in sorted(SCRIPTS.glob("*.ld"))]
    alphabet = "SECTIONS{}();:=,.*/\"#<>!?&|+-~ \n\tKEEP ALIGN 0x1f abc"
    inputs = []
    for _ in range(300):
        inputs.append(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 60))).decode("latin-1"))
        inputs.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 80))))
    for seed in seeds:
        for _ in range(60):
            inputs.append(seed[:rng.randrange(len(seed))])
            cut = rng.randrange(len(seed))
            inputs.append(seed[:cut] + rng.choice(alphabet) + seed[cut + rng.randrange(3):])
    for text in inputs:
        try:
            parse_script(text, "fuzz.ld")
        except ToolchainError as error:
            assert error.location is not None and error.location.line >= 1

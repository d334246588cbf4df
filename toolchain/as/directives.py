"""The GNU as directives for sections, symbols, alignment, modes and messages.

``DIRECTIVES`` maps a directive name (without its dot, lower case) to a
function ``f(parser, args, location)`` named after the directive; ``args`` is
the statement text after the name, stripped.  Each function reads its
arguments with an :class:`ArgReader` and calls the object streamer.  Messages
follow GNU as's wording where it has one.

The data directives (``.byte`` ... ``.incbin``) live in ``datadirectives.py``,
the macro, repetition, conditional and ``.include`` directives in
``macros.py`` and ``conditionals.py``; the parser merges the tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..common.diagnostics import SourceLocation, ToolchainError
from .expr import Expr
from .exprparse import SYMBOL_CHARS, SYMBOL_START, decode_escape
from .isa import EncodeContext

if TYPE_CHECKING:
    from .parser import Parser

_SPACE = " \t\f\v\r"


class ArgReader:
    """A cursor over a directive's argument text."""

    def __init__(self, parser: "Parser", text: str, loc: SourceLocation):
        self.parser = parser
        self.text = text
        self.pos = 0
        self.loc = loc
        self._exprs = None

    def skip_space(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] in _SPACE:
            pos += 1
        self.pos = pos

    def at_end(self) -> bool:
        self.skip_space()
        return self.pos >= len(self.text)

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def error(self, message: str) -> ToolchainError:
        return ToolchainError(message, self.loc)

    def expect_end(self) -> None:
        if not self.at_end():
            raise self.error("junk at end of line, first unrecognized character is "
                             f"'{self.text[self.pos]}'")

    def comma(self) -> bool:
        """Consume a ',' if one comes next."""
        if self.peek() == ",":
            self.pos += 1
            return True
        return False

    def expect_comma(self, after: str) -> None:
        if not self.comma():
            raise self.error(f"expected comma after '{after}'")

    def expression(self) -> Expr:
        if self._exprs is None:
            self._exprs = self.parser.expression_parser(self.text, self.loc)
        e, self.pos = self._exprs.parse(self.pos)
        return e

    def absolute(self) -> int:
        """An expression whose value must be known now."""
        e = self.expression()
        value = self.parser.absolute(e, self.loc)
        if value is None:
            raise self.error("bad or irreducible absolute expression")
        return value

    def optional_absolute(self) -> int | None:
        """An absolute expression that may be left out (``.p2align 4,,10``)."""
        c = self.peek()
        if c == "" or c == ",":
            return None
        return self.absolute()

    def symbol_name(self) -> str:
        self.skip_space()
        text, pos = self.text, self.pos
        if pos < len(text) and text[pos] == '"':
            end = text.find('"', pos + 1)
            if end < 0:
                raise self.error("missing closing '\"' in symbol name")
            self.pos = end + 1
            return text[pos + 1:end]
        if pos >= len(text) or text[pos] not in SYMBOL_START:
            raise self.error("expected symbol name")
        end = pos + 1
        while end < len(text) and text[end] in SYMBOL_CHARS:
            end += 1
        self.pos = end
        return text[pos:end]

    def word(self, stops: str = ",") -> str:
        """Text up to white space or a stop character."""
        self.skip_space()
        text, pos = self.text, self.pos
        end = pos
        while end < len(text) and text[end] not in stops and text[end] not in _SPACE:
            end += 1
        self.pos = end
        return text[pos:end]

    def string(self) -> bytes:
        """A "..." string with GNU escapes."""
        self.skip_space()
        if self.peek() != '"':
            raise self.error("expected string")
        data, self.pos = parse_string(self.text, self.pos, self.loc)
        return data

    def rest(self) -> str:
        self.skip_space()
        text = self.text[self.pos:]
        self.pos = len(self.text)
        return text


def parse_string(text: str, pos: int, loc: SourceLocation) -> tuple[bytes, int]:
    """Decode the string literal starting at the '"' at ``pos``; returns (bytes, end)."""
    out = bytearray()
    i = pos + 1
    n = len(text)
    while True:
        quote = text.find('"', i)
        backslash = text.find("\\", i, quote if quote >= 0 else n)
        if backslash >= 0:
            out += text[i:backslash].encode("utf-8", "surrogateescape")
            code, i = decode_escape(text, backslash + 1, loc)
            out.append(code)
            continue
        if quote < 0:
            raise ToolchainError("unterminated string", loc)
        out += text[i:quote].encode("utf-8", "surrogateescape")
        return bytes(out), quote + 1


def string_text(args: ArgReader) -> str:
    """A string argument as text (for messages, file names, .ident)."""
    return args.string().decode("utf-8", "surrogateescape")


# --------------------------------------------------------------------------
# Sections

_SECTION_FLAGS = frozenset("awxMSGTo?Rdel0123456789")
SECTION_TYPES = frozenset({
    "progbits", "nobits", "note", "init_array", "fini_array", "preinit_array",
    "unwind", "group", "symtab", "strtab", "rela", "rel", "dynamic", "hash",
    "dynsym", "gnu_attributes", "llvm_addrsig",
})


def section_arguments(args: ArgReader) -> dict:
    """name[,"flags"[,@type[,entsize][,linked][,group[,comdat]][,unique,N]]]"""
    args.skip_space()
    if args.peek() == '"':
        name = string_text(args)
    else:
        name = args.word(",")
    if not name:
        raise args.error("missing name")
    spec: dict = {"name": name}
    if not args.comma():
        args.expect_end()
        return spec
    if args.peek() != '"':
        # .pushsection name, subsection
        if args.peek().isdigit():
            spec["subsection"] = args.absolute()
            args.expect_end()
            return spec
        raise args.error("expected string of section flags")
    flags = string_text(args)
    bad = [f for f in flags if f not in _SECTION_FLAGS]
    if bad:
        raise args.error("bad .section directive: want a,l,w,x,M,S,G,T in string")
    spec["flags"] = flags
    if args.comma():
        spec["type"] = section_type(args)
        if "M" in flags:
            if args.comma():
                spec["entsize"] = args.absolute()
            else:
                flags = _drop_flag(args, spec, "M", "entity size for SHF_MERGE not specified")
        if "o" in flags and args.comma():
            args.symbol_name()   # SHF_LINK_ORDER target: recorded by name only
        if "G" in flags:
            if args.comma():
                spec["group"] = args.symbol_name()
            else:
                flags = _drop_flag(args, spec, "G", "group name for SHF_GROUP not specified")
        if "group" in spec:
            if args.comma():
                linkage = args.word(",")
                if linkage != "comdat":
                    if linkage == "unique":
                        spec["unique"] = _unique_id(args)
                        args.expect_end()
                        return spec
                    raise args.error(f"unrecognized group linkage '{linkage}'")
                spec["linkage"] = "comdat"
        if args.comma():
            if args.word(",") != "unique":
                raise args.error("expected 'unique'")
            spec["unique"] = _unique_id(args)
    else:
        for flag, message in (("M", "entity size for SHF_MERGE not specified"),
                              ("G", "group name for SHF_GROUP not specified")):
            if flag in flags:
                flags = _drop_flag(args, spec, flag, message)
    args.expect_end()
    return spec


def _unique_id(args: ArgReader) -> int:
    """The N of ``,unique,N`` (after the word ``unique``)."""
    args.expect_comma("unique")
    value = args.absolute()
    if value < 0 or value >= 1 << 32:
        raise args.error("unique section id out of range")
    return value


def _drop_flag(args: ArgReader, spec: dict, flag: str, message: str) -> str:
    """GNU as warns and ignores a flag whose argument is missing."""
    args.parser.warning(message, args.loc)
    spec["flags"] = spec["flags"].replace(flag, "")
    return spec["flags"]


def section_type(args: ArgReader) -> str:
    args.skip_space()
    c = args.peek()
    if c in ("@", "%"):
        args.pos += 1
        kind = args.word(",")
    elif c == '"':
        kind = string_text(args)
    else:
        kind = args.word(",")
    if kind in SECTION_TYPES:
        return kind
    try:
        int(kind, 0)
        return kind
    except ValueError:
        raise args.error(f"unrecognized section type '{kind}'") from None


def section(p: "Parser", text: str, loc: SourceLocation) -> None:
    spec = section_arguments(ArgReader(p, text, loc))
    p.streamer.switch_section(location=loc, **spec)


def pushsection(p: "Parser", text: str, loc: SourceLocation) -> None:
    spec = section_arguments(ArgReader(p, text, loc))
    p.streamer.push_section(location=loc, **spec)


def popsection(p: "Parser", text: str, loc: SourceLocation) -> None:
    ArgReader(p, text, loc).expect_end()
    p.streamer.pop_section(loc)


def previous(p: "Parser", text: str, loc: SourceLocation) -> None:
    ArgReader(p, text, loc).expect_end()
    p.streamer.previous_section(loc)


def subsection(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    number = args.absolute()
    args.expect_end()
    p.streamer.switch_subsection(number, loc)


def _simple_section(name: str) -> Callable[["Parser", str, SourceLocation], None]:
    def directive(p: "Parser", text: str, loc: SourceLocation) -> None:
        args = ArgReader(p, text, loc)
        subsection = 0 if args.at_end() else args.absolute()
        args.expect_end()
        p.streamer.switch_section(name, subsection=subsection, location=loc)
    directive.__name__ = name[1:]
    return directive


text_ = _simple_section(".text")
data = _simple_section(".data")
bss = _simple_section(".bss")
rodata = _simple_section(".rodata")


# --------------------------------------------------------------------------
# Symbols

def _names(p: "Parser", text: str, loc: SourceLocation) -> list[str]:
    args = ArgReader(p, text, loc)
    names = [args.symbol_name()]
    while args.comma():
        names.append(args.symbol_name())
    args.expect_end()
    return names


def globl(p: "Parser", text: str, loc: SourceLocation) -> None:
    for name in _names(p, text, loc):
        p.streamer.set_binding(name, "global", loc)


def local(p: "Parser", text: str, loc: SourceLocation) -> None:
    for name in _names(p, text, loc):
        p.streamer.set_binding(name, "local", loc)


def weak(p: "Parser", text: str, loc: SourceLocation) -> None:
    for name in _names(p, text, loc):
        p.streamer.set_binding(name, "weak", loc)


def hidden(p: "Parser", text: str, loc: SourceLocation) -> None:
    for name in _names(p, text, loc):
        p.streamer.set_visibility(name, "hidden", loc)


def protected(p: "Parser", text: str, loc: SourceLocation) -> None:
    for name in _names(p, text, loc):
        p.streamer.set_visibility(name, "protected", loc)


def internal(p: "Parser", text: str, loc: SourceLocation) -> None:
    for name in _names(p, text, loc):
        p.streamer.set_visibility(name, "internal", loc)


def extern(p: "Parser", text: str, loc: SourceLocation) -> None:
    """GNU as accepts and ignores .extern: undefined symbols are external anyway."""


SYMBOL_TYPES = {
    "function": "function", "stt_func": "function",
    "object": "object", "stt_object": "object",
    "tls_object": "tls_object", "stt_tls": "tls_object",
    "common": "common", "stt_common": "common",
    "notype": "notype", "stt_notype": "notype",
    "gnu_indirect_function": "gnu_indirect_function", "stt_gnu_ifunc": "gnu_indirect_function",
    "gnu_unique_object": "gnu_unique_object",
}


# .type name, @function | %function | "function" | STT_FUNC | function
def type_(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    name = args.symbol_name()
    args.comma()
    args.skip_space()
    c = args.peek()
    if c in ("@", "%"):
        args.pos += 1
        kind = args.word()
    elif c == '"':
        kind = string_text(args)
    else:
        kind = args.word()
    args.expect_end()
    canonical = SYMBOL_TYPES.get(kind.lower())
    if canonical is None:
        raise args.error(f'unrecognized symbol type "{kind}"')
    p.streamer.set_type(name, canonical, loc)


def size(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    name = args.symbol_name()
    args.expect_comma(name)
    value = args.expression()
    args.expect_end()
    p.streamer.set_size(name, value, loc)


def _assignment(p: "Parser", text: str, loc: SourceLocation) -> tuple[str, Expr]:
    args = ArgReader(p, text, loc)
    name = args.symbol_name()
    args.expect_comma(name)
    value = args.expression()
    args.expect_end()
    return name, value


def set_(p: "Parser", text: str, loc: SourceLocation) -> None:
    name, value = _assignment(p, text, loc)
    if name == ".":
        p.streamer.emit_org(value, 0, loc)
    else:
        p.streamer.set_symbol(name, value, loc)


def equiv(p: "Parser", text: str, loc: SourceLocation) -> None:
    """.equiv: like .set, but an error if the symbol is already defined."""
    name, value = _assignment(p, text, loc)
    if p.streamer.is_defined(name):
        raise ToolchainError(f"symbol '{name}' is already defined", loc)
    p.streamer.set_symbol(name, value, loc, equiv=True)


def eqv(p: "Parser", text: str, loc: SourceLocation) -> None:
    """.eqv: like .equiv, and every use takes the expression's value at that point."""
    name, value = _assignment(p, text, loc)
    if p.streamer.is_defined(name):
        raise ToolchainError(f"symbol '{name}' is already defined", loc)
    p.streamer.set_symbol(name, value, loc, equiv=True, late=True)


def comm(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    name = args.symbol_name()
    args.expect_comma(name)
    nbytes = args.absolute()
    if nbytes < 0:
        raise args.error(f"size ({nbytes}) out of range, ignored")
    alignment = 0          # not given: the streamer applies GNU as's defaults
    if args.comma():
        alignment = args.absolute()
        if alignment < 0 or alignment & (alignment - 1):
            raise args.error("common alignment not a power of 2")
        alignment = max(alignment, 1)
    args.expect_end()
    p.streamer.emit_common(name, nbytes, alignment, False, loc)


def lcomm(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    name = args.symbol_name()
    args.expect_comma(name)
    nbytes = args.absolute()
    if nbytes < 0:
        raise args.error(f"size ({nbytes}) out of range, ignored")
    args.expect_end()
    # alignment 0: the streamer picks GNU as's (8 for 8 bytes or more, else 4, 2 or 1)
    p.streamer.emit_common(name, nbytes, 0, True, loc)


# .symver name, base@VERSION [, local | hidden | remove]
def symver(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    name = args.symbol_name()
    if not args.comma():
        raise args.error("expected comma after name in .symver")
    args.skip_space()
    start = args.pos
    while args.pos < len(args.text) and args.text[args.pos] not in ", \t":
        args.pos += 1
    versioned = args.text[start:args.pos]
    visibility = None
    if args.comma():
        visibility = args.word()
        if visibility not in ("local", "hidden", "remove"):
            raise args.error(f"unknown visibility '{visibility}' in .symver")
    args.expect_end()
    p.streamer.set_symver(name, versioned, visibility, loc)


# .reloc offset, TYPE[, expression]
def reloc(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    offset = args.expression()
    if not args.comma():
        raise args.error("missing reloc type")
    name = args.word()
    if not name:
        raise args.error("missing reloc type")
    value = args.expression() if args.comma() else None
    args.expect_end()
    p.streamer.emit_reloc(offset, name, value, loc)


# .weakref alias, target
def weakref(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    alias = args.symbol_name()
    if not args.comma():
        raise args.error(f'expected comma after "{alias}"')
    target = args.symbol_name()
    args.expect_end()
    p.streamer.set_weakref(alias, target, loc)


# --------------------------------------------------------------------------
# Alignment and position

def _align(p: "Parser", text: str, loc: SourceLocation, power_of_two: bool,
           fill_size: int = 0) -> None:
    """read.c s_align; ``fill_size`` 2 or 4 for the w/l forms (a fill pattern of
    that many bytes, whose absence GNU as warns about), 0 for the others."""
    args = ArgReader(p, text, loc)
    amount = args.absolute()
    fill_value = max_skip = None
    if args.comma():
        fill_value = args.optional_absolute()
        if args.comma():
            max_skip = args.absolute()
    args.expect_end()
    if power_of_two:
        if amount < 0 or amount > 31:
            raise args.error(f"alignment too large: {amount}")
        alignment = 1 << amount
    else:
        if amount < 0 or amount & (amount - 1):
            raise args.error("alignment not a power of 2")
        alignment = max(amount, 1)
    fill_size = max(fill_size, 1)
    if fill_value is None and fill_size > 1:
        p.warning("expected fill pattern missing", loc)
    elif fill_value is not None:
        fill_value &= (1 << (8 * fill_size)) - 1
    if fill_size > 1:
        p.streamer.emit_align(alignment, fill_value, max_skip, loc, fill_size)
    else:
        p.streamer.emit_align(alignment, fill_value, max_skip, loc)


def align(p: "Parser", text: str, loc: SourceLocation) -> None:
    _align(p, text, loc, not p.syntax.align_in_bytes)


def balign(p: "Parser", text: str, loc: SourceLocation) -> None:
    _align(p, text, loc, False)


def balignw(p: "Parser", text: str, loc: SourceLocation) -> None:
    _align(p, text, loc, False, 2)


def balignl(p: "Parser", text: str, loc: SourceLocation) -> None:
    _align(p, text, loc, False, 4)


def p2align(p: "Parser", text: str, loc: SourceLocation) -> None:
    _align(p, text, loc, True)


def p2alignw(p: "Parser", text: str, loc: SourceLocation) -> None:
    _align(p, text, loc, True, 2)


def p2alignl(p: "Parser", text: str, loc: SourceLocation) -> None:
    _align(p, text, loc, True, 4)


def org(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    offset = args.expression()
    fill_value = args.absolute() if args.comma() else 0
    args.expect_end()
    p.streamer.emit_org(offset, fill_value & 0xFF, loc)


def nops(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    count = args.absolute()
    limit = args.absolute() if args.comma() else 0
    args.expect_end()
    if count < 0:
        raise args.error(f"negative size ({count}) for .nops")
    if limit < 0:
        raise args.error(f"invalid single nop size: {limit} (expect within [0, 15])")
    context = EncodeContext(p.state.code_bits, p.state.code16gcc)
    try:
        nops = p.isa.nop_fill(count, context, limit) if limit else p.isa.nop_fill(count, context)
    except ToolchainError as exc:
        raise ToolchainError(exc.message, loc) from None
    p.streamer.emit_bytes(nops, loc)


# --------------------------------------------------------------------------
# Modes and syntax

def _code(bits: int, gcc: bool = False) -> Callable[["Parser", str, SourceLocation], None]:
    def directive(p: "Parser", text: str, loc: SourceLocation) -> None:
        ArgReader(p, text, loc).expect_end()
        if p.target.isa != "x86":
            raise ToolchainError(f"unknown pseudo-op: '.code{bits}'", loc)
        p.state.code_bits = bits
        p.state.code16gcc = gcc
        p.streamer.set_code_mode(bits, gcc)
    directive.__name__ = f"code{bits}{'gcc' if gcc else ''}"
    return directive


code16 = _code(16)
code16gcc = _code(16, True)
code32 = _code(32)
code64 = _code(64)


def intel_syntax(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    mode = args.word() or "prefix"
    args.expect_end()
    if mode not in ("prefix", "noprefix"):
        raise args.error("bad argument to syntax directive.")
    p.state.intel = True
    p.state.intel_prefix = mode == "prefix"


def att_syntax(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    mode = args.word() or "prefix"
    args.expect_end()
    if mode == "noprefix":
        raise args.error("'.att_syntax noprefix' is not supported")
    if mode != "prefix":
        raise args.error("bad argument to syntax directive.")
    p.state.intel = False
    p.state.intel_prefix = False


X86_ARCHES = frozenset("""
    i8086 i186 i286 i386 i486 i586 i686 pentium pentiumpro pentiumii pentiumiii
    pentium4 prescott nocona core core2 corei7 iamcu l1om k1om k6 k6_2 athlon
    opteron k8 amdfam10 bdver1 bdver2 bdver3 bdver4 znver1 znver2 znver3 znver4
    znver5 btver1 btver2 generic32 generic64 x86-64 default
""".split())


def arch(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    name = args.word()
    if args.comma():
        option = args.word()
        if option not in ("jumps", "nojumps"):
            raise args.error(f"no such architecture modifier: '{option}'")
    args.expect_end()
    base = name.split(".")[0] if not name.startswith(".") else ""
    if base and base.lower() not in X86_ARCHES:
        raise args.error(f"no such architecture: '{name}'")


# --------------------------------------------------------------------------
# Debug information, notes and messages

def file(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    if args.peek().isdigit():
        dwarf_file(p, args)
        return
    if args.at_end():
        return
    name = string_text(args) if args.peek() == '"' else args.word()
    args.expect_end()
    p.streamer.set_file(name)


# .file NUMBER ["dir"] "name" [md5 VALUE]
def dwarf_file(p: "Parser", args: ArgReader) -> None:
    number = args.absolute()
    if number < 0:
        raise args.error("file number less than one")
    args.rest()                      # the names and md5 only matter to .debug_line
    p.streamer.dwarf_file(number, args.loc)


_LOC_FLAGS = ("basic_block", "prologue_end", "epilogue_begin")


# .loc FILE LINE [COLUMN] [basic_block] [prologue_end] [epilogue_begin]
#      [is_stmt 0|1] [isa N] [discriminator N] [view V]     (dwarf2_directive_loc)
def loc_(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    file = args.absolute()
    line = args.absolute()
    if file < 0:
        raise args.error("file number less than one")
    if args.peek().isdigit():
        args.absolute()                               # the column
    view = None
    while args.peek().isalpha():
        word = args.symbol_name()
        if word in _LOC_FLAGS:
            continue
        if word not in ("is_stmt", "isa", "discriminator", "view"):
            raise args.error(f"unknown .loc sub-directive `{word}'")
        if word != "view":
            value = args.absolute()
            if word == "is_stmt" and value not in (0, 1):
                raise args.error("is_stmt value not 0 or 1")
            if value < 0:
                raise args.error("isa number less than zero" if word == "isa"
                                 else "discriminator less than zero")
            continue
        first = args.peek()
        if first.isdigit() or first == "-":
            if args.absolute() != 0:
                raise args.error("numeric view can only be asserted to zero")
            view = "-0" if first == "-" else "0"
        else:
            view = args.symbol_name()
    args.expect_end()
    p.streamer.dwarf_loc(file, line, view, loc)


# .loc_mark_labels 0|1
def loc_mark_labels(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    value = args.absolute()
    if value not in (0, 1):
        raise args.error("expected 0 or 1")
    args.expect_end()
    p.streamer.dwarf_mark_labels(bool(value))


def ident(p: "Parser", text: str, loc: SourceLocation) -> None:
    args = ArgReader(p, text, loc)
    value = string_text(args)
    args.expect_end()
    p.streamer.add_ident(value)


def ignored(p: "Parser", text: str, loc: SourceLocation) -> None:
    """Directives accepted for compatibility that change nothing in our output."""


def err(p: "Parser", text: str, loc: SourceLocation) -> None:
    raise ToolchainError(".err encountered", loc)


def _message(p: "Parser", text: str, loc: SourceLocation, default: str) -> str:
    args = ArgReader(p, text, loc)
    if args.at_end():
        return default
    value = string_text(args)
    args.expect_end()
    return value


def error(p: "Parser", text: str, loc: SourceLocation) -> None:
    raise ToolchainError(_message(p, text, loc, ".error directive invoked in source file"), loc)


def warning(p: "Parser", text: str, loc: SourceLocation) -> None:
    p.warning(_message(p, text, loc, ".warning directive invoked in source file"), loc)


def print_(p: "Parser", text: str, loc: SourceLocation) -> None:
    print(_message(p, text, loc, ""))


def end(p: "Parser", text: str, loc: SourceLocation) -> None:
    p.ended = True


DIRECTIVES: dict[str, Callable[["Parser", str, SourceLocation], None]] = {
    # sections
    "section": section, "pushsection": pushsection, "popsection": popsection,
    "previous": previous, "subsection": subsection, "text": text_, "data": data, "bss": bss, "rodata": rodata,
    # symbols
    "globl": globl, "global": globl, "local": local, "weak": weak, "hidden": hidden,
    "protected": protected, "internal": internal, "extern": extern, "type": type_,
    "size": size, "set": set_, "equ": set_, "equiv": equiv, "eqv": eqv,
    "comm": comm, "lcomm": lcomm, "symver": symver, "weakref": weakref,
    "reloc": reloc,
    # alignment and position
    "align": align, "balign": balign, "balignw": balignw, "balignl": balignl,
    "p2align": p2align, "p2alignw": p2alignw, "p2alignl": p2alignl, "org": org,
    "nops": nops,
    # modes
    "code16": code16, "code16gcc": code16gcc, "code32": code32, "code64": code64,
    "intel_syntax": intel_syntax, "att_syntax": att_syntax, "arch": arch,
    # debug information, notes, messages
    "file": file, "loc": loc_, "loc_mark_labels": loc_mark_labels, "ident": ident,
    "addrsig": ignored, "addrsig_sym": ignored, "line": ignored, "linefile": ignored,
    "appline": ignored,
    "err": err, "error": error, "warning": warning, "print": print_, "end": end,
}

"""RISC-V assembler directives (GNU as, "RISC-V Directives"):

* ``.option rvc|norvc|relax|norelax|pic|nopic|push|pop|arch, +ext,-ext|rv64...``
  changes the options in force for the following instructions;
* ``.attribute tag, value`` records a ``.riscv.attributes`` value (``arch``
  also sets the architecture, as ``.option arch, =`` does);
* ``.half`` (2 bytes), ``.dword`` (8 bytes), ``.dtprelword``/``.dtpreldword``
  (TLS offsets, R_RISCV_TLS_DTPREL32/64).

The handlers take (parser, argument text, location) like those of
toolchain/as/directives.py; the parser merges this table when the target
is RISC-V.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...common.diagnostics import SourceLocation, ToolchainError
from ...common.leb128 import leb128_bytes
from ..datadirectives import quad, short
from ..directives import ArgReader
from ..expr import SymbolRef, fold_constant
from .insn import parse_insn
from .operands import OperandReader
from .attributes import ATTRIBUTE_TAGS, TAG_RISCV_ARCH, ArchError, parse_arch

if TYPE_CHECKING:
    from ..parser import Parser


def _isa(p: "Parser"):
    return p.isa


def _apply(p: "Parser", mode) -> None:
    isa = _isa(p)
    isa.set_mode(mode)
    p.streamer.set_isa_mode(mode)


def option(p: "Parser", text: str, loc: SourceLocation) -> None:
    isa = _isa(p)
    word, _, rest = text.strip().partition(",")
    word = word.strip().lower()
    mode = isa.mode
    if word == "rvc":
        arch = mode.arch if mode.arch.has("c") else mode.arch.plus("c")
        _apply(p, replace(mode, arch=arch, rvc=True))
    elif word == "norvc":
        _apply(p, replace(mode, arch=mode.arch.without("c"), rvc=False))
    elif word in ("relax", "norelax"):
        _apply(p, replace(mode, relax=word == "relax"))
    elif word in ("pic", "nopic"):
        _apply(p, replace(mode, pic=word == "pic"))
    elif word == "push":
        isa.stack.append(mode)
    elif word == "pop":
        if not isa.stack:
            raise ToolchainError(".option pop with no .option push", loc)
        _apply(p, isa.stack.pop())
    elif word == "arch":
        arch = mode.arch
        for item in (s.strip() for s in rest.split(",")):
            if not item:
                raise ToolchainError("expected arch string", loc)
            try:
                if item in ("+", "-"):
                    raise ArchError(f"unknown ISA extension `' in .option arch `{item}'")
                if item.startswith("+"):
                    arch = arch.plus(item[1:])
                elif item.startswith("-"):
                    arch = arch.without(item[1:].lower())
                else:
                    arch = parse_arch(item)
            except ArchError as exc:
                raise ToolchainError(str(exc), loc) from None
        _apply(p, mode.with_arch(arch))
    elif word in ("csr-check", "no-csr-check"):
        pass
    else:
        p.warning(f"unrecognized .option directive: {text.strip()}", loc)


def attribute(p: "Parser", text: str, loc: SourceLocation) -> None:
    isa = _isa(p)
    tag_text, comma, value_text = text.partition(",")
    if not comma:
        raise ToolchainError("expected comma", loc)
    tag_text = tag_text.strip().lower()
    if tag_text in ATTRIBUTE_TAGS:
        tag = ATTRIBUTE_TAGS[tag_text]
    elif tag_text.isdigit():
        tag = int(tag_text)
    else:
        raise ToolchainError(f"Attribute name not recognised: {tag_text}", loc)
    value_text = value_text.strip()
    if tag == TAG_RISCV_ARCH or (tag % 2 == 1 and tag not in (1,)):
        if not (value_text.startswith('"') and value_text.endswith('"')):
            raise ToolchainError("bad string constant", loc)
        value = value_text[1:-1]
        if tag == TAG_RISCV_ARCH:
            try:
                arch = parse_arch(value)
            except ArchError as exc:
                raise ToolchainError(str(exc), loc) from None
            isa.explicit_arch = str(arch)
            _apply(p, isa.mode.with_arch(arch))
            return
        isa.attributes[tag] = value
        return
    number = p.absolute(p.expression_parser(value_text, loc).parse_all(), loc)
    if number is None:
        raise ToolchainError("expression is not a constant", loc)
    isa.attributes[tag] = number


def _leb128(p: "Parser", text: str, loc: SourceLocation, signed: bool) -> None:
    """GNU as 2.40 for RISC-V takes one value, known while parsing: no label
    difference (code may change size when the linker relaxes it, and the
    R_RISCV_SET_ULEB128/SUB_ULEB128 pair is newer than that GNU as)."""
    args = ArgReader(p, text, loc)
    e = args.expression()
    value = fold_constant(e)
    if value is None and all(_absolute(p, name) for name in e.symbols()):
        value = p.streamer.evaluate_absolute(e, loc)
    if value is None:
        raise ToolchainError(f"non-constant .{'s' if signed else 'u'}leb128 is not supported",
                             loc)
    p.streamer.emit_bytes(leb128_bytes(value, signed), loc)
    args.skip_space()
    if not args.at_end():
        raise ToolchainError("junk at end of line, first unrecognized character is "
                             f"`{args.peek()}'", loc)


def _absolute(p: "Parser", name: str) -> bool:
    return p.streamer.absolute_value(name) is not None


def uleb128(p: "Parser", text: str, loc: SourceLocation) -> None:
    _leb128(p, text, loc, False)


def sleb128(p: "Parser", text: str, loc: SourceLocation) -> None:
    _leb128(p, text, loc, True)


def insn(p: "Parser", text: str, loc: SourceLocation) -> None:
    reader = OperandReader(p.state, loc)
    p.streamer.emit_instruction(parse_insn(text.strip(), reader, loc))


def dtprelword(p: "Parser", text: str, loc: SourceLocation, size: int = 4) -> None:
    for piece in (s.strip() for s in text.split(",")):
        e = p.expression_parser(piece, loc).parse_all()
        if isinstance(e, SymbolRef):
            e = SymbolRef(e.name, "dtprel")
        p.streamer.emit_value(e, size, loc)


def dtpreldword(p: "Parser", text: str, loc: SourceLocation) -> None:
    dtprelword(p, text, loc, 8)


DIRECTIVES = {"option": option, "attribute": attribute, "half": short, "dword": quad,
              "dtprelword": dtprelword, "dtpreldword": dtpreldword,
              "uleb128": uleb128, "sleb128": sleb128, "insn": insn}

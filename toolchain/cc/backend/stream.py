"""The machine instruction stream's module-level items, shared by every back end.

A back end compiles a module into a list of *items* -- section switches,
symbol attributes, labels, data, and the assembler's own Instruction
objects -- which is the one source of truth for both outputs:

* ``emit_items(items, streamer)`` hands each item to the object streamer
  (``pcc -c``: no text in between);
* ``print_items(items)`` prints each item as GNU assembler text (``pcc -S``);
  ``pas`` reading it back calls the streamer the same way, so the two
  objects are byte-identical.

Inline asm is the one exception to "no text": its template, with operands
substituted, is text by nature, and goes through the assembler's parser; so
do ``("directive", text)`` items, target directives with no item of their
own (RISC-V's ``.attribute``).
What is here knows no instruction set: the functions' items come from each
back end's emit.py; the data, the constant pool and the printing are common.
"""

from __future__ import annotations

import importlib

from .. import ir
_expr = importlib.import_module("toolchain.as.expr")
SymbolRef, ExprConstant, Binary = _expr.SymbolRef, _expr.Constant, _expr.Binary
# symbol names GNU as reads unquoted in an expression
_SYMBOL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$")


def sym(name: str, offset: int = 0, specifier: str | None = None):
    """``name+offset`` (with a relocation specifier) as an assembler expression."""
    ref = SymbolRef(name, specifier)
    if offset:
        return Binary("+", ref, ExprConstant(offset)) if offset > 0 else \
            Binary("-", ref, ExprConstant(-offset))
    return ref


class ModuleContext:
    """What the functions of one module share: the constant pool and labels."""

    def __init__(self, module: ir.Module):
        self.module = module
        self.constants: dict[tuple[int, bytes], str] = {}
        self.tls = {g.name for g in module.globals if g.thread_local} | {
            n for n, k in module.externals.items() if k in ("tls", "tls_object", "thread_local")}
        self.function_index = 0
        self.labels = 0
        self.block_labels: dict[ir.Block, str] = {}   # for &&label in static data

    def constant(self, data: bytes, align: int) -> str:
        key = (align, data)
        label = self.constants.get(key)
        if label is None:
            label = self.constants[key] = f".LC{len(self.constants)}"
        return label

    def new_label(self) -> str:
        self.labels += 1
        return f".L{self.labels}"


def binding_items(name: str, linkage: str, visibility: str | None) -> list[tuple]:
    items: list[tuple] = []
    if linkage == "external":
        items.append(("globl", name))
    elif linkage == "weak":
        items.append(("weak", name))
    if visibility in ("hidden", "protected", "internal"):
        items.append(("visibility", name, visibility))
    return items


# --- data --------------------------------------------------------------------------------

def _is_string(data: ir.Global) -> bool:
    init = data.initializer
    if not data.constant or data.alignment != 1 or not init or len(init) != 1:
        return False
    piece = init[0]
    return isinstance(piece, (bytes, bytearray)) and len(piece) == data.size and \
        piece.endswith(b"\0") and b"\0" not in piece[:-1] and \
        (data.attributes.get("string") or data.linkage == "internal")


def global_items(data: ir.Global, ctx: ModuleContext) -> list[tuple]:
    name = data.name
    items: list[tuple] = []
    if data.initializer is None and data.common and not data.thread_local and \
            data.linkage != "internal":
        items += binding_items(name, "", data.attributes.get("visibility"))
        items.append(("comm", name, data.size, data.alignment))
        return items
    zero = data.initializer is None or all(
        isinstance(p, (bytes, bytearray)) and not any(p) for p in data.initializer)
    if data.section:
        flags = "aw" + ("T" if data.thread_local else "")
        items.append(("section", data.section, "a" if data.constant else flags,
                      "nobits" if zero and data.section.startswith(".bss") else "progbits",
                      None))
    elif data.thread_local:
        items.append(("section", ".tbss", "awT", "nobits", None) if zero else
                     ("section", ".tdata", "awT", "progbits", None))
    elif _is_string(data):
        items.append(("section", ".rodata.str1.1", "aMS", "progbits", 1))
    elif data.constant:
        items.append(("section", ".rodata", None, None, None))
    elif zero:
        items.append(("bss",))
    else:
        items.append(("data",))
    items += binding_items(name, data.linkage, data.attributes.get("visibility"))
    if data.alignment > 1:
        items.append(("align", data.alignment))
    if not name.startswith(".L"):
        items.append(("type", name, "tls_object" if data.thread_local else "object"))
        items.append(("size_const", name, data.size))
    items.append(("label", name))
    if data.initializer is None:
        if data.size:
            items.append(("zero", data.size))
        return items
    offset = 0
    for piece in data.initializer:
        if isinstance(piece, (bytes, bytearray)):
            if any(piece):
                items.append(("bytes", bytes(piece)))
            else:
                items.append(("zero", len(piece)))
            offset += len(piece)
        else:
            target, addend, size = piece
            if isinstance(target, ir.BlockDifference):
                value = Binary("-", SymbolRef(_block_label(target.plus, ctx)),
                               SymbolRef(_block_label(target.minus, ctx)))
                if addend:
                    value = Binary("+", value, ExprConstant(addend))
                items.append(("value", value, size))
                offset += size
                continue
            if isinstance(target, ir.BlockAddress):
                target = _block_label(target.block, ctx)
            items.append(("value", sym(target, addend), size))
            offset += size
    if offset < data.size:
        items.append(("zero", data.size - offset))
    return items


def _block_label(block: ir.Block, ctx: ModuleContext) -> str:
    """&&label: the block's local label; a block the passes removed as
    unreachable can never be jumped to, its function's address stands in."""
    return ctx.block_labels.get(block) or block.function.name


def constant_items(ctx: ModuleContext) -> list[tuple]:
    items: list[tuple] = []
    for (align, data), label in ctx.constants.items():
        size = len(data)
        items.append(("section", f".rodata.cst{size}", "aM", "progbits", size))
        items.append(("align", align))
        items.append(("label", label))
        items.append(("bytes", data))
    return items


def module_items(module: ir.Module, function_items) -> list[tuple]:
    """The whole module's items; ``function_items(function, ctx)`` is the back
    end's compilation of one function definition."""
    ctx = ModuleContext(module)
    items: list[tuple] = [("text",)]
    for text in module.asm:
        items.append(("asm", text))
    for function in module.functions:
        if function.blocks:
            items += function_items(function, ctx)
    for data in module.globals:
        items += global_items(data, ctx)
    items += constant_items(ctx)
    for name, target in module.aliases.items():     # after their targets are defined
        items += binding_items(name, module.alias_linkage.get(name, "external"), None)
        items.append(("set", name, target))
    for name, kind in module.externals.items():
        if kind == "weak":
            items.append(("weak", name))
    items.append(("section", ".note.GNU-stack", "", "progbits", None))
    return items


def emit_items(items: list[tuple], streamer) -> None:
    parser_module = importlib.import_module("toolchain.as.parser")
    for item in items:
        kind = item[0]
        if kind == "insn":
            streamer.emit_instruction(item[1])
        elif kind == "label":
            streamer.emit_label(item[1])
        elif kind in ("text", "data", "bss"):
            streamer.switch_section("." + kind)
        elif kind == "section":
            _, name, flags, type_, entsize = item
            streamer.switch_section(name, flags, type_, entsize)
        elif kind == "globl":
            streamer.set_binding(item[1], "global")
        elif kind == "weak":
            streamer.set_binding(item[1], "weak")
        elif kind == "local":
            streamer.set_binding(item[1], "local")
        elif kind == "visibility":
            streamer.set_visibility(item[1], item[2])
        elif kind == "type":
            streamer.set_type(item[1], item[2])
        elif kind == "size":
            here = streamer.temporary_label()
            streamer.set_size(item[1], Binary("-", SymbolRef(here), SymbolRef(item[1])))
        elif kind == "size_const":
            streamer.set_size(item[1], ExprConstant(item[2]))
        elif kind == "align":
            streamer.emit_align(item[1], None, None, None)
        elif kind == "bytes":
            streamer.emit_bytes(item[1])
        elif kind == "zero":
            streamer.emit_fill(ExprConstant(item[1]), 1, 0)
        elif kind == "value":
            streamer.emit_value(item[1], item[2])
        elif kind == "comm":
            streamer.emit_common(item[1], item[2], item[3], False)
        elif kind == "set":
            streamer.set_symbol(item[1], SymbolRef(item[2]))
        elif kind in ("asm", "directive"):
            parser = parser_module.Parser(streamer, streamer.isa, streamer.target,
                                          streamer.diagnostics)
            parser.run([(item[1] + "\n", "<inline asm>")])
        else:
            raise ValueError(f"unknown stream item {kind}")


def _quote(data: bytes) -> str:
    out = []
    for b in data:
        c = chr(b)
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append(f"\\{b:03o}")
    return '"' + "".join(out) + '"'


def value_text(e) -> str:
    """A data value's expression as GNU as reads it (no relocation specifiers)."""
    if isinstance(e, ExprConstant):
        return str(e.value)
    if isinstance(e, SymbolRef):
        name = e.name
        if not name or any(c not in _SYMBOL_CHARS for c in name) or name[0].isdigit():
            name = '"' + name + '"'
        return name
    if isinstance(e, Binary):
        return f"({value_text(e.left)}{e.op}{value_text(e.right)})"
    return f"{e.op}({value_text(e.operand)})"


def print_items(items: list[tuple], isa) -> str:
    """The items as GNU assembler text; ``isa`` (toolchain/as/isa.py) prints
    the instructions."""
    syntax = importlib.import_module("toolchain.as.isa").SyntaxState()
    fmt = value_text
    lines: list[str] = []
    for item in items:
        kind = item[0]
        if kind == "insn":
            lines.append("\t" + isa.format_instruction(item[1], syntax))
        elif kind == "label":
            lines.append(f"{item[1]}:")
        elif kind in ("text", "data", "bss"):
            lines.append(f"\t.{kind}")
        elif kind == "section":
            _, name, flags, type_, entsize = item
            text = f"\t.section {name}"
            if flags is not None:
                text += f',"{flags}"'
                if type_ is not None:
                    text += f",@{type_}"
                    if entsize is not None:
                        text += f",{entsize}"
            lines.append(text)
        elif kind in ("globl", "weak", "local"):
            lines.append(f"\t.{kind} {item[1]}")
        elif kind == "visibility":
            lines.append(f"\t.{item[2]} {item[1]}")
        elif kind == "type":
            lines.append(f"\t.type {item[1]}, @{item[2]}")
        elif kind == "size":
            lines.append(f"\t.size {item[1]}, .-{item[1]}")
        elif kind == "size_const":
            lines.append(f"\t.size {item[1]}, {item[2]}")
        elif kind == "align":
            lines.append(f"\t.balign {item[1]}")
        elif kind == "bytes":
            data = item[1]
            if all(32 <= b < 127 or b in (9, 10, 0) for b in data) and len(data) > 1:
                lines.append(f"\t.ascii {_quote(data)}")
            else:
                for i in range(0, len(data), 16):
                    lines.append("\t.byte " + ",".join(str(b) for b in data[i:i + 16]))
        elif kind == "zero":
            lines.append(f"\t.zero {item[1]}")
        elif kind == "value":
            directive = {1: ".byte", 2: ".short", 4: ".long", 8: ".quad"}[item[2]]
            lines.append(f"\t{directive} {fmt(item[1])}")
        elif kind == "comm":
            lines.append(f"\t.comm {item[1]},{item[2]},{item[3]}")
        elif kind == "set":
            lines.append(f"\t.set {item[1]}, {item[2]}")
        elif kind == "directive":
            lines.append("\t" + item[1])
        elif kind == "asm":
            lines.append("#APP")
            lines.extend("\t" + line.strip() for line in item[1].splitlines())
            lines.append("#NO_APP")
        else:
            raise ValueError(f"unknown stream item {kind}")
    return "\n".join(lines) + "\n"

"""The x86-64 machine instruction stream: one list, two faces.

``module_items`` compiles a module into a list of *items* -- section
switches, symbol attributes, labels, data, and the assembler's own
Instruction objects -- which is the one source of truth for both outputs:

* ``emit_module(module, streamer)`` hands each item to the object streamer
  (``pcc -c``: no text in between);
* ``print_module(module)`` prints each item as GNU assembler text
  (``pcc -S``); ``pas`` reading it back calls the streamer the same way, so
  the two objects are byte-identical (tests/cc/test_backend_x86_64.py checks).

Inline asm is the one exception to "no text": its template, with operands
substituted, is text by nature, and goes through the assembler's parser.

Per function the pipeline is ``compile_function``: isel, register
allocation, frame layout, then the final instructions with the prologue
(``push %rbp; mov %rsp, %rbp``, callee-saved pushes, frame allocation) and
an epilogue at each return.
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from ... import ir
from ....common.target import find_target
from ..frame import layout_frame
from ..mir import FrameSlot, MachineFunction, MachineInstr
from ..regalloc import allocate
from .. import stream
from ..stream import (binding_items, constant_items, emit_items, global_items,  # noqa: F401
                          print_items)
from .calls import substitute
from .isel import (Binary, ExprConstant, Immediate, Indirect, Memory, ModuleContext,
                   RBP, RSP, Register, SymbolRef, imm, select_function, sym)
from .registers import X86_64Registers, gp_name, key_of

_as_insn = importlib.import_module("toolchain.as.instruction")
_operands = importlib.import_module("toolchain.as.x86.operands")
Instruction = _as_insn.Instruction
REGISTERS = X86_64Registers()


def compile_function(function: ir.Function, ctx: ModuleContext) -> MachineFunction:
    """isel -> register allocation -> frame layout."""
    mf = select_function(function, ctx)
    allocate(mf, REGISTERS)
    layout_frame(mf)
    return mf


# --- final instructions ------------------------------------------------------------------

def _resolve(op):
    if isinstance(op, Memory) and isinstance(op.base, FrameSlot):
        d = op.displacement.value if isinstance(op.displacement, ExprConstant) else 0
        return replace(op, base=RBP, displacement=ExprConstant(op.base.offset + d))
    if isinstance(op, Indirect):
        return Indirect(_resolve(op.target))
    return op


def operand_text(op, modifier: str) -> str:
    """An inline asm operand as AT&T text, with GCC's x86 operand modifiers."""
    op = _resolve(op)
    if isinstance(op, Register):
        name = op.name
        k = key_of(name)
        if k is not None and k < 16:
            bits = {"k": 32, "q": 64, "w": 16, "b": 8}.get(modifier)
            if bits:
                name = gp_name(k, bits)
        return "%" + name
    if isinstance(op, Immediate):
        text = _operands.format_expr(op.value)
        return text if modifier in ("c", "P", "a") else "$" + text
    return _operands.format_operand(op)


def function_items(function: ir.Function, ctx: ModuleContext) -> list[tuple]:
    mf = compile_function(function, ctx)
    name = function.name
    items: list[tuple] = []
    section = function.attributes.get("section")
    items.append(("section", section, "ax", "progbits", None) if section else ("text",))
    items += binding_items(name, function.linkage, function.attributes.get("visibility"))
    items.append(("type", name, "function"))
    items.append(("label", name))
    ins = lambda mn, *ops, **kw: items.append(("insn", Instruction(mn, tuple(ops), **kw)))
    ins("pushq", RBP)
    ins("movq", RBP, RSP)
    for reg in mf.callee_saved:
        ins("pushq", Register(reg))
    if mf.frame_size:
        ins("subq", RSP, imm(mf.frame_size))
    blocks = mf.blocks
    for bi, block in enumerate(blocks):
        items.append(("label", block.label))
        next_label = blocks[bi + 1].label if bi + 1 < len(blocks) else None
        for ii, mi in enumerate(block.instrs):
            if mi.kind == "ret":
                if mf.callee_saved:
                    ins("leaq", RSP, Memory(base=RBP, displacement=ExprConstant(
                        -8 * len(mf.callee_saved))))
                    for reg in reversed(mf.callee_saved):
                        ins("popq", Register(reg))
                    ins("popq", RBP)
                else:
                    ins("leave")
                ins("ret")
                continue
            if mi.kind == "asm":
                text = substitute(mi.text, list(mi.operands), mi.info or {}, operand_text)
                items.append(("asm", text))
                continue
            ops = tuple(_resolve(o) for o in mi.operands)
            if mi.mnemonic in ("movq", "movaps", "movsd", "movss") and len(ops) == 2 and \
                    isinstance(ops[0], Register) and ops[0] == ops[1]:
                continue
            if mi.mnemonic == "jmp" and ii == len(block.instrs) - 1 and \
                    isinstance(ops[0], SymbolRef) and ops[0].name == next_label:
                continue
            items.append(("insn", Instruction(mi.mnemonic, ops, None, mi.prefixes)))
    items.append(("size", name))
    for table, entries in mf.attributes.get("jump_tables", []):
        items.append(("section", ".rodata", None, None, None))
        items.append(("align", 4))
        items.append(("label", table))
        for entry in entries:
            items.append(("value", Binary("-", SymbolRef(entry), SymbolRef(table)), 4))
        items.append(("text",))
    return items


def module_items(module: ir.Module) -> list[tuple]:
    return stream.module_items(module, function_items)


# --- the two faces -------------------------------------------------------------------------

def emit_module(module: ir.Module, streamer) -> None:
    """Feed the module's machine instruction stream to an ObjectStreamer."""
    emit_items(module_items(module), streamer)


def _printer():
    """AT&T text comes from the x86 ISA package (one syntax for every x86 target)."""
    return importlib.import_module("toolchain.as.x86.isa").X86Isa(find_target("x86_64-linux-gnu"))


def print_module(module: ir.Module) -> str:
    """The same stream as GNU assembler text."""
    return print_items(module_items(module), _printer())

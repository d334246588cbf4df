"""The RISC-V 64 machine instruction stream: one list of items, two faces.

``function_items`` compiles one function to stream items (backend/stream.py
has the module-level ones and the two faces: ``emit_module`` feeds the
object streamer for ``pcc -c``, ``print_module`` prints GNU assembler text
for ``pcc -S``, which pas reads back to the same object).

Per function the pipeline is ``compile_function``: isel, register
allocation, frame layout.  The frame, as gcc lays it out with a frame
pointer (s0 is the stack pointer at entry, the psABI's CFA)::

     0(s0) ...    incoming stack arguments
   -64(s0)        a0-a7 of a variadic function (its va_list walks on upwards)
                  ra, the caller's s0, the callee-saved s/fs registers used
                  slots (allocas, spill slots, struct copies)
     0(sp)        16-byte aligned; outgoing stack arguments are made below it
                  at each call

Prologue: ``addi sp, sp, -S`` for the save area, ``sd ra``/``sd s0``/...,
``addi s0, sp, S``, then the rest of the frame (``li t0, N; sub sp, sp,
t0`` past a 12-bit immediate).  Epilogue: ``addi sp, s0, -S`` (which also
undoes dynamic allocas), the loads, ``addi sp, sp, S``, ``ret``.  Slot
offsets beyond a 12-bit immediate go through t6 (``li t6, off; add t6, t6,
s0``).
"""

from __future__ import annotations

import importlib

from ... import ir
from ....common.target import find_target
from ..frame import layout_frame
from ..mir import FrameSlot, MachineFunction
from ..regalloc import allocate
from .. import stream
from ..stream import binding_items, emit_items, print_items
from .calls import SAVE_AREA
from .inline_asm import substitute
from .isel import ModuleContext, select_function
from .operands import (FP, SP, Binary, ExprConstant, Memory, Register, SymbolRef, fits12,
                       imm)
from .registers import ADDRESS_SCRATCH, Riscv64Registers

_as_insn = importlib.import_module("toolchain.as.instruction")
Instruction = _as_insn.Instruction
REGISTERS = Riscv64Registers()
T6 = Register(ADDRESS_SCRATCH)
_MOVES = ("mv", "fmv.s", "fmv.d")


def save_area_size(mf: MachineFunction) -> int:
    """Bytes from s0 down to the slots: ra, s0, the callee-saved registers, and
    the argument registers of a variadic function, rounded to 16."""
    size = 8 * (2 + len(mf.callee_saved)) + (SAVE_AREA if mf.attributes.get("variadic") else 0)
    return (size + 15) // 16 * 16


def compile_function(function: ir.Function, ctx: ModuleContext) -> MachineFunction:
    """isel -> register allocation -> frame layout."""
    mf = select_function(function, ctx)
    allocate(mf, REGISTERS)
    layout_frame(mf, reserved=save_area_size(mf))
    return mf


# --- final instructions ------------------------------------------------------------------

class _Emitter:
    def __init__(self, items: list):
        self.items = items

    def ins(self, mnemonic: str, *operands) -> None:
        self.items.append(("insn", Instruction(mnemonic, tuple(operands))))

    def add_large(self, d: Register, base: Register, value: int) -> None:
        """d = base + value for any value."""
        if fits12(value):
            self.ins("addi", d, base, imm(value))
        else:
            self.ins("li", T6, imm(value))
            self.ins("add", d, base, T6)

    def memory(self, m: Memory) -> Memory:
        """A slot's memory operand from s0; any offset past 12 bits through t6."""
        base = m.base
        d = m.displacement.value if isinstance(m.displacement, ExprConstant) else None
        if isinstance(base, FrameSlot):
            base, d = FP, base.offset + (d or 0)
        if d is not None and not fits12(d):
            self.ins("li", T6, imm(d))
            self.ins("add", T6, T6, base)
            base, d = T6, 0
        if d is None:
            return Memory(base=base, displacement=m.displacement)
        return Memory(base=base, displacement=ExprConstant(d))


def operand_text(op, modifier: str) -> str:
    """An inline asm operand as GNU text, with GCC's RISC-V modifiers %z and %i."""
    if modifier == "i":
        return "i" if not isinstance(op, (Register, Memory)) else ""
    if isinstance(op, Register):
        return op.name
    if isinstance(op, ExprConstant):
        return "zero" if modifier == "z" and op.value == 0 else str(op.value)
    if isinstance(op, SymbolRef):
        return op.name
    if isinstance(op, Memory):
        disp = "" if op.displacement is None else str(op.displacement.value)
        return f"{disp}({op.base.name})"
    return str(op)


def function_items(function: ir.Function, ctx: ModuleContext) -> list[tuple]:
    mf = compile_function(function, ctx)
    name = function.name
    items: list[tuple] = []
    section = function.attributes.get("section")
    items.append(("section", section, "ax", "progbits", None) if section else ("text",))
    items += binding_items(name, function.linkage, function.attributes.get("visibility"))
    items.append(("type", name, "function"))
    items.append(("label", name))
    out = _Emitter(items)
    save = save_area_size(mf)
    top = save - (SAVE_AREA if mf.attributes.get("variadic") else 0)
    saved = [("ra", top - 8), ("s0", top - 16)] + \
        [(reg, top - 24 - 8 * i) for i, reg in enumerate(mf.callee_saved)]
    out.ins("addi", SP, SP, imm(-save))
    for reg, offset in saved:
        out.ins("fsd" if reg.startswith("f") else "sd", Register(reg),
                Memory(base=SP, displacement=ExprConstant(offset)))
    out.ins("addi", FP, SP, imm(save))
    if mf.frame_size:
        if fits12(-mf.frame_size):
            out.ins("addi", SP, SP, imm(-mf.frame_size))
        else:
            out.ins("li", Register("t0"), imm(mf.frame_size))
            out.ins("sub", SP, SP, Register("t0"))
    blocks = mf.blocks
    for bi, block in enumerate(blocks):
        items.append(("label", block.label))
        next_label = blocks[bi + 1].label if bi + 1 < len(blocks) else None
        for ii, mi in enumerate(block.instrs):
            if mi.kind == "ret":
                out.ins("addi", SP, FP, imm(-save))
                for reg, offset in saved:
                    out.ins("fld" if reg.startswith("f") else "ld", Register(reg),
                            Memory(base=SP, displacement=ExprConstant(offset)))
                out.ins("addi", SP, SP, imm(save))
                out.ins("ret")
                continue
            if mi.kind == "asm":
                ops = [out.memory(o) if isinstance(o, Memory) else o for o in mi.operands]
                items.append(("asm", substitute(mi.text, ops, mi.info or {}, operand_text)))
                continue
            ops = mi.operands
            if mi.mnemonic in _MOVES and ops[0] == ops[1]:
                continue
            if mi.mnemonic == "j" and ii == len(block.instrs) - 1 and \
                    ops[0].name == next_label:
                continue
            if mi.mnemonic == "addi" and len(ops) == 2:        # the address of a slot
                m = ops[1]
                out.add_large(ops[0], FP, m.base.offset + m.displacement.value)
                continue
            ops = tuple(out.memory(o) if isinstance(o, Memory) else o for o in ops)
            out.ins(mi.mnemonic, *ops)
    items.append(("size", name))
    for table, entries in mf.attributes.get("jump_tables", []):
        items.append(("section", ".rodata", None, None, None))
        items.append(("align", 4))
        items.append(("label", table))
        for entry in entries:
            items.append(("value", Binary("-", SymbolRef(entry), SymbolRef(table)), 4))
        items.append(("text",))
    return items


# What riscv64-linux-gnu-gcc says of its code (rv64gc, lp64d): the ISA, so that the
# assembler -- the streamer, or pas/GNU as on the -S text -- uses the compressed
# forms where they fit, as it does for gcc's code.
ATTRIBUTES = ('.attribute arch, "rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zifencei2p0"',
              ".attribute unaligned_access, 0", ".attribute stack_align, 16")


def module_items(module: ir.Module) -> list[tuple]:
    return [("directive", text) for text in ATTRIBUTES] + \
        stream.module_items(module, function_items)


# --- the two faces -------------------------------------------------------------------------

def emit_module(module: ir.Module, streamer) -> None:
    """Feed the module's machine instruction stream to an ObjectStreamer."""
    emit_items(module_items(module), streamer)


def _printer():
    return importlib.import_module("toolchain.as.riscv.isa").RiscvIsa(
        find_target("riscv64-linux-gnu"))


def print_module(module: ir.Module) -> str:
    """The same stream as GNU assembler text."""
    return print_items(module_items(module), _printer())

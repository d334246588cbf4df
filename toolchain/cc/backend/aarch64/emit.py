"""The AArch64 machine instruction stream: frame layout, prologue and epilogue,
and the final instructions, fed to the object streamer (``pcc -c``) or
printed as GNU assembler text (``pcc -S``) from one list of items
(backend/stream.py).

The frame, as GCC lays it out (addresses from x29, the frame pointer, which
points at the frame record)::

    N+k(x29)     incoming stack arguments (fixed slots, k from the caller's sp)
    16(x29) ...  callee-saved registers (x19-x28, d8-d15), then the slots
                 (smallest first, so the common ones stay in ldr/str range)
     8(x29)      x30, the return address
     0(x29)      the caller's x29          <- sp after the prologue

    stp x29, x30, [sp, #-N]!    (or sub sp + stp [sp] when N > 504)
    mov x29, sp
    str x19, [x29, #16] ...

Outgoing stack arguments are made room for below sp at each call, and
dynamic allocas move sp further; slots are reached through x29 with
positive offsets, so neither disturbs them.  A memory operand becomes
``ldr``/``str`` with a scaled offset when it fits, ``ldur``/``stur``
(-256..255) otherwise, and beyond that an address built in x15.
"""

from __future__ import annotations

import importlib

from ... import ir
from ....common.target import find_target
from ..mir import FrameSlot, MachineFunction
from ..regalloc import allocate
from .. import stream
from ..stream import binding_items, emit_items, print_items
from .inline_asm import operand_text, substitute
from .isel import ModuleContext, select_function
from .operands import (FP, LR, SP, Binary, Element, ExprConstant, Immediate, Memory, Register,
                       Shift, SymbolRef, add_imm_ok, imm, move_wide, signed)
from .registers import AArch64Registers, FP_BASE, SCRATCH_ADDRESS, key_of

_as_insn = importlib.import_module("toolchain.as.instruction")
Instruction = _as_insn.Instruction
REGISTERS = AArch64Registers()
X15 = Register(SCRATCH_ADDRESS)

_UNSCALED = {"ldr": "ldur", "str": "stur", "ldrb": "ldurb", "strb": "sturb", "ldrh": "ldurh",
             "strh": "sturh", "ldrsw": "ldursw", "ldrsb": "ldursb", "ldrsh": "ldursh"}
_ACCESS = {"ldrb": 1, "strb": 1, "ldrsb": 1, "ldrh": 2, "strh": 2, "ldrsh": 2, "ldrsw": 4}
_REG_BYTES = {"x": 8, "w": 4, "b": 1, "h": 2, "s": 4, "d": 8, "q": 16}


def layout_frame(mf: MachineFunction) -> None:
    """Slot offsets from x29 and the frame size N (record + saves + slots, 16-aligned)."""
    offset = 16 + 8 * len(mf.callee_saved)
    for slot in sorted((s for s in mf.slots if not s.fixed), key=lambda s: (s.size, -s.alignment)):
        align = max(min(slot.alignment, 16), 1)
        offset = (offset + align - 1) // align * align
        slot.offset = offset
        offset += slot.size
    mf.frame_size = (offset + 15) // 16 * 16


def compile_function(function: ir.Function, ctx: ModuleContext) -> MachineFunction:
    """isel -> register allocation -> frame layout."""
    mf = select_function(function, ctx)
    allocate(mf, REGISTERS)
    layout_frame(mf)
    return mf


# --- final instructions ------------------------------------------------------------------

class _Final:
    """Turns one allocated machine function into assembler Instructions."""

    def __init__(self, mf: MachineFunction, out: list):
        self.mf = mf
        self.out = out

    def ins(self, mnemonic: str, *ops) -> None:
        self.out.append(("insn", Instruction(mnemonic, tuple(ops))))

    def base_offset(self, base, displacement) -> tuple[Register, int]:
        d = displacement.value if isinstance(displacement, ExprConstant) else 0
        if isinstance(base, FrameSlot):
            if base.fixed:
                return FP, self.mf.frame_size + base.offset + d
            return FP, base.offset + d
        return base, d

    def add_const(self, dst: Register, base: Register, n: int) -> None:
        """dst = base + n for any n (dst may be x15 or the base itself)."""
        mn = "add" if n >= 0 else "sub"
        a = abs(n)
        if add_imm_ok(a):
            self.ins(mn, dst, base, imm(a))
        elif a < 1 << 24:
            self.ins(mn, dst, base, imm(a >> 12), Shift("lsl", 12))
            self.ins(mn, dst, dst, imm(a & 0xFFF))
        else:
            tmp = X15 if dst.name == "sp" or dst == base else dst
            self.mov_const(tmp, a)
            self.ins(mn, dst, base, tmp)

    def mov_const(self, dst: Register, value: int) -> None:
        value &= (1 << 64) - 1
        if move_wide(value, 64) is not None or move_wide(~value, 64) is not None:
            self.ins("mov", dst, imm(signed(value, 64)))
            return
        first = True
        for hw in range(4):
            chunk = (value >> (16 * hw)) & 0xFFFF
            if chunk:
                self.ins("movz" if first else "movk", dst, imm(chunk),
                         *((Shift("lsl", 16 * hw),) if hw else ()))
                first = False

    def memory(self, mnemonic: str, ops: list, index: int):
        """Fit a [base, #offset] operand to the instruction: (mnemonic, operand)."""
        m = ops[index]
        if m.writeback is not None or m.index is not None:
            return mnemonic, m
        base, off = self.base_offset(m.base, m.displacement)
        size = _ACCESS.get(mnemonic) or _REG_BYTES[ops[0].name[0]]
        if mnemonic in ("ldp", "stp"):
            return mnemonic, Memory(base=base, displacement=ExprConstant(off))
        if off >= 0 and off % size == 0 and off // size < 4096:
            return mnemonic, Memory(base=base, displacement=ExprConstant(off))
        if -256 <= off < 256 and mnemonic in _UNSCALED:
            return _UNSCALED[mnemonic], Memory(base=base, displacement=ExprConstant(off))
        self.add_const(X15, base, off)
        return mnemonic, Memory(base=X15, displacement=ExprConstant(0))

    def instruction(self, mnemonic: str, ops: list) -> None:
        if mnemonic == "qmov":
            a, b = (Register(f"v{key_of(r.name) - FP_BASE}.16b") for r in ops)
            if a != b:
                self.ins("mov", a, b)
            return
        if mnemonic == "umov_hi":
            self.ins("fmov", ops[0], Element(f"v{key_of(ops[1].name) - FP_BASE}.d", 1))
            return
        if mnemonic == "ins_hi":
            self.ins("fmov", Element(f"v{key_of(ops[0].name) - FP_BASE}.d", 1), ops[1])
            return
        if mnemonic in ("mov", "fmov") and len(ops) == 2 and isinstance(ops[0], Register) and \
                ops[0] == ops[1] and ops[0].name[0] in "xwds":
            return
        if mnemonic == "zext32":
            mnemonic = "mov"
        for i, op in enumerate(ops):
            if isinstance(op, Memory):
                mnemonic, ops[i] = self.memory(mnemonic, ops, i)
        if mnemonic in ("add", "sub") and len(ops) == 3 and isinstance(ops[2], Immediate):
            base = ops[1]
            n = ops[2].value.value
            if isinstance(base, FrameSlot):
                base, off = self.base_offset(base, None)
                n += off
            n = n if mnemonic == "add" else -n
            if n == 0 and (ops[0].name == "sp" or base.name == "sp"):
                self.ins("mov", ops[0], base)
            else:
                self.add_const(ops[0], base, n)
            return
        self.ins(mnemonic, *ops)

    def prologue(self) -> None:
        n = self.mf.frame_size
        if n <= 504:
            self.ins("stp", FP, LR, Memory(base=SP, displacement=ExprConstant(-n),
                                           writeback="pre"))
        else:
            self.add_const(SP, SP, -n)
            self.ins("stp", FP, LR, Memory(base=SP, displacement=ExprConstant(0)))
        self.ins("mov", FP, SP)
        for i, name in enumerate(self.mf.callee_saved):
            self.ins("str", Register(name), Memory(base=FP, displacement=ExprConstant(16 + 8 * i)))

    def epilogue(self) -> None:
        n = self.mf.frame_size
        if self.mf.attributes.get("dynamic_alloca"):
            self.ins("mov", SP, FP)
        for i, name in enumerate(self.mf.callee_saved):
            self.ins("ldr", Register(name), Memory(base=FP, displacement=ExprConstant(16 + 8 * i)))
        if n <= 504:
            self.ins("ldp", FP, LR, Memory(base=SP, displacement=ExprConstant(n),
                                           writeback="post"))
        else:
            self.ins("ldp", FP, LR, Memory(base=SP, displacement=ExprConstant(0)))
            self.add_const(SP, SP, n)
        self.ins("ret")

    def asm_operand(self, op):
        if isinstance(op, Memory) and isinstance(op.base, FrameSlot):
            base, off = self.base_offset(op.base, op.displacement)
            return Memory(base=base, displacement=ExprConstant(off))
        return op


def function_items(function: ir.Function, ctx: ModuleContext) -> list[tuple]:
    mf = compile_function(function, ctx)
    name = function.name
    items: list[tuple] = []
    section = function.attributes.get("section")
    items.append(("section", section, "ax", "progbits", None) if section else ("text",))
    items.append(("align", 4))
    items += binding_items(name, function.linkage, function.attributes.get("visibility"))
    items.append(("type", name, "function"))
    items.append(("label", name))
    final = _Final(mf, items)
    final.prologue()
    blocks = mf.blocks
    for bi, block in enumerate(blocks):
        items.append(("label", block.label))
        next_label = blocks[bi + 1].label if bi + 1 < len(blocks) else None
        for ii, mi in enumerate(block.instrs):
            if mi.kind == "ret":
                final.epilogue()
                continue
            if mi.kind == "asm":
                ops = [final.asm_operand(o) for o in mi.operands]
                items.append(("asm", substitute(mi.text, ops, mi.info or {}, operand_text)))
                continue
            ops = list(mi.operands)
            if mi.mnemonic == "b" and ii == len(block.instrs) - 1 and \
                    isinstance(ops[0], SymbolRef) and ops[0].name == next_label:
                continue
            final.instruction(mi.mnemonic, ops)
    for table, entries in mf.attributes.get("jump_tables", []):
        items.append(("label", table))
        for entry in entries:
            items.append(("value", Binary("-", SymbolRef(entry), SymbolRef(table)), 4))
    items.append(("size", name))
    return items


def module_items(module: ir.Module) -> list[tuple]:
    return stream.module_items(module, function_items)


# --- the two faces -------------------------------------------------------------------------

def emit_module(module: ir.Module, streamer) -> None:
    """Feed the module's machine instruction stream to an ObjectStreamer."""
    emit_items(module_items(module), streamer)


def _printer():
    return importlib.import_module("toolchain.as.aarch64.isa").AArch64Isa(
        find_target("aarch64-linux-gnu"))


def print_module(module: ir.Module) -> str:
    """The same stream as GNU assembler text."""
    return print_items(module_items(module), _printer())

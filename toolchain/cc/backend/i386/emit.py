"""The i386 machine instruction stream (static, position-dependent code).

Per function ``compile_function`` runs isel, register allocation and frame
layout; ``function_items`` adds the prologue (``push %ebp; mov %esp, %ebp``,
the callee-saved registers the function touches -- ebx, esi, edi -- and the
frame) and an epilogue at each return -- or one epilogue the other returns
jump to, when it is longer than ``leave; ret`` -- with ``ret $4`` when the
function pops a hidden struct pointer; a sibling call (calls.py) runs the
epilogue and jumps to its callee.  Jump tables hold absolute addresses.

Size matters twice here: x86-16 is this code under .code16gcc, where every
32-bit operation pays a prefix.  So a leaf with an empty frame goes without
%ebp; the frame keeps %esp 16-byte aligned at calls only through each
call's padding (CallPadding, resolved here, the frame itself padded so that
fewest calls need any); ``jcc`` over a ``jmp`` is inverted, and
peephole.py puts in the short forms and merges %esp adjustments.

The module's data, constants and the two faces of the stream (the object
streamer for ``pcc -c``, GNU assembler text for ``pcc -S``) are shared by
every back end (backend/stream.py).
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from ... import ir
from ....common.target import find_target
from ..branches import thread_jumps
from ..frame import layout_frame
from ..mir import FrameSlot, MachineFunction
from ..regalloc import allocate
from ..x86_64.calls import substitute
from .. import stream
from ..stream import binding_items, emit_items, print_items
from .bytes import fix_byte_operands
from .combine import combine
from .isel import select_function
from .peephole import extensions, merge_stack_adjustments, shorten, stack_pushes
from .operands import (EAX, EBP, ESP, NEGATE, CallPadding, ExprConstant, Immediate, Indirect,
                       Memory, ModuleContext, Register, SymbolRef, imm)
from .registers import CALLEE_SAVED, I386Registers, gp_name, key_of

_as_insn = importlib.import_module("toolchain.as.instruction")
_operands = importlib.import_module("toolchain.as.x86.operands")
Instruction = _as_insn.Instruction
REGISTERS = I386Registers()


def compile_function(function: ir.Function, ctx: ModuleContext, regparm: int = 0,
                     sibling_calls: bool = False) -> MachineFunction:
    """isel -> register allocation -> combining (combine.py), byte operands
(bytes.py) -> frame layout."""
    mf = select_function(function, ctx, regparm, sibling_calls)
    allocate(mf, REGISTERS)
    for block in mf.blocks:
        block.instrs = extensions(block.instrs)
    combine(mf)
    fix_byte_operands(mf)
    thread_jumps(mf, "jmp", _self_copy, lambda mi: mi.kind in ("ret", "tailcall"),
                 _address_taken_labels(mf, ctx))
    mf.callee_saved = _callee_saved(mf)
    # after 'push %ebp' the frame pointer is 8 bytes off a 16-byte boundary
    layout_frame(mf, word=4, stack_align=16, fp_misalign=8)
    saved = 4 * len(mf.callee_saved)
    if _keeps_alignment(mf):
        pass
    elif not _uses_frame(mf) and _frameless_pays(mf, saved):
        # no %ebp: after the call's return address %esp is 12 off the boundary
        mf.frame_size = 0
        mf.attributes["esp_residue"] = (12 - saved) % 16
        mf.attributes["frameless"] = True
        return mf
    else:
        # the slots keep their places; the frame only reaches the lowest one
        low = max([-s.offset for s in mf.slots if not s.fixed] + [saved])
        mf.frame_size = (low + 3) // 4 * 4 - saved
        mf.frame_size += _padding_for_calls(mf, saved)
    mf.attributes["esp_residue"] = (8 - saved - mf.frame_size) % 16
    mf.attributes["frameless"] = _frameless(mf)
    return mf


def _uses_frame(mf: MachineFunction) -> bool:
    """Whether the code reaches a frame slot or a parameter, or names %ebp: if
    not, the function needs no frame pointer, calls or not (each call's
    padding and pops keep %esp where the epilogue's pops expect it)."""
    for block in mf.blocks:
        for mi in block.instrs:
            names = list(mi.implicit_uses) + list(mi.implicit_defs)
            for op in mi.operands:
                op = getattr(op, "target", op)
                if isinstance(op, Memory) and isinstance(op.base, FrameSlot):
                    return True
                names += _registers_in(op)
            if "ebp" in names:
                return True
    return False


def _paddings(mf: MachineFunction) -> list[CallPadding]:
    return [op for block in mf.blocks for mi in block.instrs if mi.mnemonic == "subl"
            for op in mi.operands if isinstance(op, CallPadding)]


def _adjustment_cost(n: int) -> int:
    """Bytes, in 16-bit code, of moving %esp by n: one or two pushes or pops
    for 4 or 8 (peephole.py), else an ``addl``/``subl``."""
    return 0 if n == 0 else 2 if n == 4 else 4


def _padding_cost(paddings: list[CallPadding], residue: int) -> int:
    """About what the calls' own padding costs in 16-bit code: the adjustment
    before the pushes and what the padding adds to the one after the call."""
    cost = 0
    for p in paddings:
        pad = (residue - p.arguments) % 16
        if pad:
            cost += _adjustment_cost(pad) + _adjustment_cost(p.arguments + pad) - \
                _adjustment_cost(p.arguments)
    return cost


def _frameless_pays(mf: MachineFunction, saved: int) -> bool:
    """Whether a function that could do without %ebp is smaller so: it saves
    ``pushl %ebp; movl %esp, %ebp`` and ``leave`` (7 bytes, 4 more with
    callee-saved registers), but then each call pads the stack for itself
    where the frame could have been padded once for all."""
    paddings = _paddings(mf)
    framed = 7 + 4 * bool(saved) + min(
        _adjustment_cost(extra) + _padding_cost(paddings, (8 - saved - extra) % 16)
        for extra in (0, 4, 8, 12))
    return _padding_cost(paddings, (12 - saved) % 16) < framed


def _padding_for_calls(mf: MachineFunction, saved: int) -> int:
    """Bytes (0, 4, 8 or 12) added to the frame so that the calls' padding costs
    least, the frame's own allocation counted (a push for 4 bytes, else a ``subl``)."""
    paddings = _paddings(mf)
    if not paddings:
        return 0

    def cost(extra: int) -> int:
        residue = (8 - saved - mf.frame_size - extra) % 16
        return _adjustment_cost(min(mf.frame_size + extra, 8)) + \
            _padding_cost(paddings, residue)
    return min((0, 4, 8, 12), key=cost)


def _keeps_alignment(mf: MachineFunction) -> bool:
    """Whether the frame itself must leave %esp 16-byte aligned: when the
    function moves %esp itself (a dynamic alloca) or has inline asm (which may
    call).  Otherwise each call pads the stack for itself (CallPadding), and
    a leaf needs no padding at all."""
    if mf.attributes.get("dynamic_alloca"):
        return True
    return any(mi.kind == "asm" for block in mf.blocks for mi in block.instrs)


def _registers_in(op) -> list[str]:
    if isinstance(op, Register):
        return [op.name]
    if isinstance(op, Indirect):
        return _registers_in(op.target)
    if isinstance(op, Memory):
        return [r.name for r in (op.base, op.index) if isinstance(r, Register)]
    return []


def _callee_saved(mf: MachineFunction) -> list[str]:
    """The callee-saved registers the final code writes (or borrows for spills)."""
    used: set[int] = set()
    for block in mf.blocks:
        for mi in block.instrs:
            names = list(mi.implicit_defs)
            for op in mi.operands:
                names += _registers_in(op)
            for name in names:
                k = key_of(name)
                if k is not None:
                    used.add(k)
    return [r for r in CALLEE_SAVED if key_of(r) in used]


# --- final instructions ------------------------------------------------------------------

def _resolve(op, residue: int = 0, frame=(EBP, 0)):
    """An operand with its frame slot and call padding resolved; ``frame``: the
    register slots are reached through and its distance below %ebp's place."""
    if isinstance(op, CallPadding):
        return imm(op.resolve(residue))
    if isinstance(op, Memory) and isinstance(op.base, FrameSlot):
        d = op.displacement.value if isinstance(op.displacement, ExprConstant) else 0
        return replace(op, base=frame[0], displacement=ExprConstant(op.base.offset + d +
                                                                    frame[1]))
    if isinstance(op, Indirect):
        return Indirect(_resolve(op.target, residue, frame))
    return op


def _frameless(mf: MachineFunction) -> bool:
    """Whether the function can do without %ebp: a leaf with nothing in its frame
    that never names %esp or %ebp.  Its parameters are then reached through
    %esp, which stays put from the prologue to the epilogue; that saves the
    ``pushl %ebp; movl %esp, %ebp`` and ``leave`` (7 bytes in 16-bit code)."""
    if mf.frame_size or mf.attributes.get("dynamic_alloca"):
        return False
    for block in mf.blocks:
        for mi in block.instrs:
            if mi.kind == "asm" or mi.mnemonic.startswith(("call", "push", "pop")):
                return False
            names = list(mi.implicit_uses) + list(mi.implicit_defs)
            for op in mi.operands:
                names += _registers_in(op)
            if "esp" in names or "ebp" in names:
                return False
    return True


def operand_text(op, modifier: str) -> str:
    """An inline asm operand as AT&T text, with GCC's x86 operand modifiers."""
    op = _resolve(op)
    if isinstance(op, Register):
        name = op.name
        k = key_of(name)
        if k is not None:
            bits = {"k": 32, "w": 16, "b": 8}.get(modifier)
            if bits:
                name = gp_name(k, bits)
            elif modifier == "h" and k < 4:
                name = "abcd"[k] + "h"
        return "%" + name
    if isinstance(op, Immediate):
        text = _operands.format_expr(op.value)
        return text if modifier in ("c", "P", "a") else "$" + text
    return _operands.format_operand(op)


def function_items(function: ir.Function, ctx: ModuleContext, regparm: int,
                   sibling_calls: bool = False) -> list[tuple]:
    mf = compile_function(function, ctx, regparm, sibling_calls)
    name = function.name
    items: list[tuple] = []
    section = function.attributes.get("section")
    items.append(("section", section, "ax", "progbits", None) if section else ("text",))
    items += binding_items(name, function.linkage, function.attributes.get("visibility"))
    items.append(("type", name, "function"))
    items.append(("label", name))
    ins = lambda mn, *ops, **kw: items.append(("insn", Instruction(mn, tuple(ops), **kw)))
    frameless = mf.attributes["frameless"]
    # frameless: %esp is 4 * saved registers below the return address, %ebp's place 4 above it
    frame = (ESP, 4 * len(mf.callee_saved) - 4) if frameless else (EBP, 0)
    if not frameless:
        ins("pushl", EBP)
        ins("movl", EBP, ESP)
    for reg in mf.callee_saved:
        ins("pushl", Register(reg))
    if mf.frame_size == 4:
        ins("pushl", EAX)               # 2 bytes instead of 4 in 16-bit code
    elif mf.frame_size:
        ins("subl", ESP, imm(mf.frame_size))
    pops = mf.attributes.get("callee_pops", 0)
    blocks = mf.blocks
    # one epilogue, the others jumping to it, when it is longer than a jump
    rets = sum(1 for block in blocks for mi in block.instrs if mi.kind == "ret")
    shared = ctx.new_label() if rets > 1 and _epilogue_length(mf) >= 3 else None
    items_asm: list[str] = []
    residue = mf.attributes["esp_residue"]
    for bi, block in enumerate(blocks):
        items.append(("label", block.label))
        next_label = blocks[bi + 1].label if bi + 1 < len(blocks) else None
        final: list = []                # (mnemonic, operands, prefixes), None for inline asm
        for ii, mi in enumerate(block.instrs):
            if mi.kind == "ret":
                final.append(("ret", (), ()))
                continue
            if mi.kind == "tailcall":
                final.append(("tailcall", tuple(_resolve(o, residue, frame)
                                                for o in mi.operands), ()))
                continue
            if mi.kind == "asm":
                text = substitute(mi.text, list(mi.operands), mi.info or {}, operand_text)
                final.append(None)
                items_asm.append(text)
                continue
            ops = tuple(_resolve(o, residue, frame) for o in mi.operands)
            if mi.mnemonic in ("addl", "subl") and ops[0] == ESP and ops[1] == imm(0):
                continue
            if mi.mnemonic == "movl" and len(ops) == 2 and isinstance(ops[0], Register) and \
                    ops[0] == ops[1]:
                continue
            if mi.mnemonic == "jmp" and ii == len(block.instrs) - 1 and \
                    isinstance(ops[0], SymbolRef) and ops[0].name == next_label:
                continue
            final.append((mi.mnemonic, ops, mi.prefixes))
        invert_branch_over_jump(final, next_label)
        asm_texts = iter(items_asm)
        for item in stack_pushes(shorten(merge_stack_adjustments(final, not frameless))):
            if item is None:
                items.append(("asm", next(asm_texts)))
            elif item[0] == "ret" and not item[1] and shared is not None:
                rets -= 1
                if rets:
                    ins("jmp", SymbolRef(shared))
                else:
                    items.append(("label", shared))
                    epilogue(mf, ins, pops)
            elif item[0] == "ret" and not item[1]:
                epilogue(mf, ins, pops)
            elif item[0] == "tailcall":
                epilogue(mf, ins, pops, item[1][0])
            else:
                mnemonic, ops, prefixes = item
                items.append(("insn", Instruction(mnemonic, ops, None, prefixes)))
        items_asm.clear()
    items.append(("size", name))
    for table, entries in mf.attributes.get("jump_tables", []):
        items.append(("section", ".rodata", None, None, None))
        items.append(("align", 4))
        items.append(("label", table))
        for entry in entries:
            items.append(("value", SymbolRef(entry), 4))
        items.append(("text",))
    return items


def _self_copy(mi) -> bool:
    """``movl %eax, %eax``: a copy coalesced away, dropped when emitted."""
    return mi.mnemonic == "movl" and len(mi.operands) == 2 and \
        isinstance(mi.operands[0], Register) and mi.operands[0] == mi.operands[1]


def _address_taken_labels(mf: MachineFunction, ctx: ModuleContext) -> frozenset:
    return frozenset(ctx.block_labels[b] for b in mf.attributes.get("address_taken", ()))


def invert_branch_over_jump(final: list, next_label: str | None) -> None:
    """``jcc .Lnext; jmp .Lother`` at a block's end -> ``j!cc .Lother``."""
    if len(final) < 2 or final[-1] is None or final[-2] is None:
        return
    (m1, ops1, _), (m2, ops2, _) = final[-2], final[-1]
    cc = m1[1:]
    if m2 != "jmp" or not m1.startswith("j") or cc not in NEGATE:
        return
    if isinstance(ops1[0], SymbolRef) and ops1[0].name == next_label and \
            isinstance(ops2[0], SymbolRef):
        final[-2:] = [("j" + NEGATE[cc], ops2, ())]


def _epilogue_length(mf: MachineFunction) -> int:
    """The epilogue's instructions: ``leave; ret``, or ``leal``, the pops and ``ret``."""
    if mf.attributes["frameless"]:
        return len(mf.callee_saved) + 1
    return 3 + len(mf.callee_saved) if mf.callee_saved else 2


def epilogue(mf: MachineFunction, ins, pops: int, sibling=None) -> None:
    """Restore the callee-saved registers and the caller's frame, and return --
    or, for a sibling call, jump to ``sibling`` (a symbol, or ``*%ecx``), which
    returns to our caller in our place (calls.py: ``sibling_call``)."""
    if mf.attributes["frameless"]:
        for reg in reversed(mf.callee_saved):
            ins("popl", Register(reg))
    elif mf.callee_saved:
        ins("leal", ESP, Memory(base=EBP, displacement=ExprConstant(-4 * len(mf.callee_saved))))
        for reg in reversed(mf.callee_saved):
            ins("popl", Register(reg))
        ins("popl", EBP)
    else:
        ins("leave")
    if sibling is not None:
        ins("jmp", sibling)
    elif pops:
        ins("ret", imm(pops))
    else:
        ins("ret")


def module_items(module: ir.Module, regparm: int = 0, sibling_calls: bool = False) \
        -> list[tuple]:
    return stream.module_items(module, lambda function, ctx: function_items(
        function, ctx, regparm, sibling_calls))


def emit_module(module: ir.Module, streamer, regparm: int = 0,
                sibling_calls: bool = False) -> None:
    """Feed the module's machine instruction stream to an ObjectStreamer."""
    emit_items(module_items(module, regparm, sibling_calls), streamer)


def _printer():
    """AT&T text comes from the x86 ISA package (one syntax for every x86 target)."""
    return importlib.import_module("toolchain.as.x86.isa").X86Isa(find_target("x86_64-linux-gnu"))


def print_module(module: ir.Module, regparm: int = 0, sibling_calls: bool = False) -> str:
    """The same stream as GNU assembler text."""
    return print_items(module_items(module, regparm, sibling_calls), _printer())

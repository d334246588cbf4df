"""GNU inline asm for AArch64: GCC's machine constraints and operand modifiers.

Constraints: ``r`` (a general register), ``w`` (an FP/SIMD register), ``x``
(one of v0-v15), ``i``/``n``/``I``/``J``/``K``/``L``/``M``/``N`` (an
immediate), ``m``/``Q`` (memory, printed ``[xN]``), a digit (the same
register as that output), with ``=``, ``+`` and ``&``.  Every register
operand gets a fixed physical register: inputs are moved in before, outputs
moved out and stored after, so the allocator only sees the fixed ranges.

Modifiers (``substitute``): ``%w0``/``%x0`` the w or x view of a general
register, ``%s0 %d0 %q0 %b0 %h0`` the scalar views of an FP register; with
none, a general register prints at its operand's width and an FP register
as ``vN``; an immediate prints bare (GNU as reads ``mov x0, 5``); ``%c0``
too.  ``%%`` and ``%=`` as usual.
"""

from __future__ import annotations

import importlib

from ...ir import Constant, GlobalAddress, Instruction, Type
from .. import asm_template
from ..mir import MachineInstr
from .operands import BITS, FBITS, WIDTH, Immediate, Memory, Register, SymbolRef, base_mem, imm
from .registers import FP_BASE, key_of, reg, reg_name


def select_asm(sel, inst: Instruction) -> None:
    a = inst.attributes
    outputs = list(a.get("outputs", []))
    inputs = list(a.get("inputs", []))
    clobbers = [c for c in a.get("clobbers", []) if c not in ("memory", "cc")]
    out_types = [Type(t) if isinstance(t, str) else t
                 for t in a.get("output_types", [])] or [Type.I64] * len(outputs)
    in_values = inst.operands[:len(inputs)]
    out_addrs = inst.operands[len(inputs):len(inputs) + len(outputs)]
    taken = {key_of(c) for c in clobbers if key_of(c) is not None}
    gp_pool = [f"x{i}" for i in range(14) if i not in taken]
    fp_pool = [f"v{i}" for i in list(range(8)) + list(range(16, 29)) if FP_BASE + i not in taken]

    def pick(constraint: str) -> str:
        return fp_pool.pop(0) if any(ch in constraint for ch in "wx") else gp_pool.pop(0)

    def view(name: str, ty: Type) -> Register:
        if name.startswith("v"):
            return reg(name, FBITS.get(ty, 64))
        return reg(name, 64 if WIDTH.get(ty, 64) == 64 or ty is Type.I128 else 32)

    ops: list = [None] * (len(outputs) + len(inputs))
    before: list = []
    after: list = []
    uses: set[str] = set()
    defs: set[str] = {c for c in clobbers if key_of(c) is not None}
    for i, (c, addr, ty) in enumerate(zip(outputs, out_addrs, out_types)):
        body = c.lstrip("=+&")
        if any(ch in body for ch in "mQ") and "r" not in body:
            r = pick("r")
            before.append(("addr", r, addr))
            uses.add(r)
            ops[i] = base_mem(Register(r))
            continue
        r = pick(body)
        defs.add(r)
        ops[i] = view(r, ty)
        if "+" in c:
            before.append(("load", r, addr, ty))
            uses.add(r)
        after.append((r, addr, ty))
    for j, (c, v) in enumerate(zip(inputs, in_values)):
        i = len(outputs) + j
        body = c.lstrip("=+&")
        if body.isdigit():
            r = ops[int(body)].name
            full = f"v{key_of(r) - FP_BASE}" if key_of(r) >= FP_BASE else f"x{key_of(r)}"
            before.append(("value", full, v))
            uses.add(full)
            ops[i] = view(full, v.type)
            continue
        if any(ch in body for ch in "inIJKLMNs") and isinstance(v, (Constant, GlobalAddress)):
            ops[i] = imm(int(v.value)) if isinstance(v, Constant) else \
                Immediate(SymbolRef(v.name))
            continue
        if any(ch in body for ch in "mQ") and not any(ch in body for ch in "rwx"):
            r = pick("r")
            before.append(("addr", r, v))
            uses.add(r)
            ops[i] = base_mem(Register(r))
            continue
        r = pick(body)
        before.append(("value", r, v))
        uses.add(r)
        ops[i] = view(r, v.type)
    moves = []
    for item in before:
        if item[0] == "addr":
            moves.append((item[1], sel.reg(item[2], 64)))
        elif item[0] == "load":
            _, r, addr, ty = item
            t = sel.new_float(ty) if ty.is_float else sel.new(BITS.get(ty, 64))
            from .memory import LOAD
            sel.e("ldr" if ty.is_float else LOAD.get(ty, "ldr"), t, sel.mem(addr))
            moves.append((r, t))
        else:
            _, r, v = item
            moves.append((r, sel.reg(v) if v.type.is_float else sel.reg(v, BITS.get(v.type, 64))))
    for r, src in moves:
        sel.calls.move_to(reg(r, src.bits), src)
    sel.ctx.labels += 1
    mi = MachineInstr("", tuple(ops), kind="asm", text=a.get("template", ""), roles=(),
                      implicit_uses=tuple(sorted(uses)), implicit_defs=tuple(sorted(defs)),
                      info={"names": list(a.get("output_names", [])) +
                            list(a.get("input_names", [])), "unique": sel.ctx.labels})
    sel.block.instrs.append(mi)
    from .memory import STORE
    for r, addr, ty in after:
        if ty.is_float:
            t = sel.new_float(ty)
            sel.floats.move(t, reg(r, FBITS[ty]))
            sel.e("str", t, sel.mem(addr))
        else:
            bits = BITS.get(ty, 64)
            t = sel.new(bits)
            sel.e("mov", t, reg(r, bits))
            sel.e(STORE.get(ty, "str"), t, sel.mem(addr))


def operand_text(op, modifier: str) -> str:
    """An operand (frame slots resolved) as GNU text, with GCC's aarch64 modifiers."""
    if isinstance(op, Register):
        k = key_of(op.name)
        if k is None:
            return op.name
        if k >= FP_BASE:
            bits = {"b": 8, "h": 16, "s": 32, "d": 64, "q": 128}.get(modifier)
            return reg_name(k, bits) if bits else f"v{k - FP_BASE}"
        bits = {"w": 32, "x": 64}.get(modifier)
        return reg_name(k, bits) if bits else op.name
    if isinstance(op, Immediate):
        return importlib.import_module("toolchain.as.aarch64.isa").format_expr(op.value)
    if isinstance(op, Memory):
        return f"[{op.base.name}]"
    return str(op)


def substitute(template: str, ops: list, info: dict, operand_text) -> str:
    """Replace %0, %[name], %w1, %%, %= in an asm template by the operands' text."""
    return asm_template.substitute(template, ops, info, operand_text, "wxsdqbhcH")

"""GNU inline asm for RISC-V 64: GCC's RISC-V constraints and operand modifiers.

Constraints: ``r`` (a general register), ``f`` (a floating-point register),
``i``/``n`` (an immediate), ``I`` (a 12-bit signed immediate), ``K`` (a
5-bit unsigned one), ``J`` (zero), ``m`` (a memory operand ``0(reg)``), ``A``
(an address in a register, ``(reg)``, for the A extension), a digit (the
same register as that output); ``=``, ``+`` and ``&`` as everywhere.
Modifiers: ``%z0`` prints ``zero`` for the constant 0, ``%i0`` prints ``i``
when the operand is an immediate (``add%i1`` -> ``addi``).

Every register operand gets a fixed physical register (a0-a7, t0-t2;
fa0-fa7, ft0-ft8 -- never the allocator's spill scratch): the inputs are
moved in before the asm, the outputs moved out and stored after, and the
asm statement itself reads and writes those registers (and its clobbers).
"""

from __future__ import annotations


from ...ir import Constant, GlobalAddress, Instruction, Type
from .. import asm_template
from ..mir import MachineInstr
from .operands import ExprConstant, Memory, Register, SymbolRef, signed
from .registers import key_of

_GP_POOL = ("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "t0", "t1", "t2")
_FP_POOL = tuple(f"fa{i}" for i in range(8)) + tuple(f"ft{i}" for i in range(9))
_FLOATS = (Type.F32, Type.F64)


def select_asm(sel, inst: Instruction) -> None:
    a = inst.attributes
    outputs = list(a.get("outputs", []))
    inputs = list(a.get("inputs", []))
    clobbers = [c for c in a.get("clobbers", []) if key_of(c) is not None]
    out_types = [Type(t) if isinstance(t, str) else t
                 for t in a.get("output_types", [])] or [Type.I64] * len(outputs)
    in_values = inst.operands[:len(inputs)]
    out_addrs = inst.operands[len(inputs):len(inputs) + len(outputs)]
    gp_pool = [r for r in _GP_POOL if r not in clobbers]
    fp_pool = [r for r in _FP_POOL if r not in clobbers]

    def pick(body: str) -> str:
        return fp_pool.pop(0) if "f" in body and "r" not in body else gp_pool.pop(0)

    ops: list = [None] * (len(outputs) + len(inputs))
    before: list = []        # (kind, register, value)
    after: list = []         # (register, address, type)
    uses: set[str] = set()
    defs: set[str] = set(clobbers)
    for i, (c, addr, ty) in enumerate(zip(outputs, out_addrs, out_types)):
        body = c.lstrip("=+&")
        if ("m" in body or "A" in body) and "r" not in body:
            reg = pick("r")
            before.append(("addr", reg, addr))
            uses.add(reg)
            ops[i] = Memory(base=Register(reg),
                            displacement=None if "A" in body else ExprConstant(0))
            continue
        reg = pick(body)
        defs.add(reg)
        ops[i] = Register(reg)
        if "+" in c:
            before.append(("load", reg, (addr, ty)))
            uses.add(reg)
        after.append((reg, addr, ty))
    for j, (c, v) in enumerate(zip(inputs, in_values)):
        i = len(outputs) + j
        body = c.lstrip("=+&")
        if body.isdigit():
            reg = ops[int(body)].name
            before.append(("value", reg, v))
            uses.add(reg)
            ops[i] = Register(reg)
            continue
        if any(ch in body for ch in "inIJKs") and isinstance(v, (Constant, GlobalAddress)):
            if isinstance(v, Constant):
                ops[i] = ExprConstant(signed(int(v.value), 64))
            else:
                ops[i] = SymbolRef(v.name)
            continue
        if ("m" in body or "A" in body) and "r" not in body:
            reg = pick("r")              # a memory-only input is its address (lowering's way)
            before.append(("addr", reg, v))
            uses.add(reg)
            ops[i] = Memory(base=Register(reg),
                            displacement=None if "A" in body else ExprConstant(0))
            continue
        reg = pick("f" if v.type in _FLOATS and "f" in body else "r")
        before.append(("value", reg, v))
        uses.add(reg)
        ops[i] = Register(reg)
    # sources in virtual registers first, then the moves into the fixed ones
    moves = []
    for kind, reg, item in before:
        if kind == "addr":
            moves.append((reg, sel.reg(item)))
        elif kind == "load":
            addr, ty = item
            t = sel.new("fp" if ty in _FLOATS else "gp")
            if ty in (Type.I128, Type.F128):
                ty = Type.I64
            sel.load_into(t, ty, sel.mem(addr))
            moves.append((reg, t))
        else:
            src = sel.pair(item)[0] if item.type in (Type.I128, Type.F128) else sel.reg(item)
            moves.append((reg, src))
    for reg, src in moves:
        if reg.startswith("f"):
            sel.e("fmv.d", Register(reg), src)
        elif getattr(src, "cls", "gp") == "fp":
            sel.e("fmv.x.d", Register(reg), src)
        else:
            sel.e("mv", Register(reg), src)
    sel.ctx.labels += 1
    mi = MachineInstr("", tuple(ops), kind="asm", text=a.get("template", ""), roles=(),
                      implicit_uses=tuple(sorted(uses)), implicit_defs=tuple(sorted(defs)),
                      info={"names": list(a.get("output_names", [])) +
                            list(a.get("input_names", [])), "unique": sel.ctx.labels})
    sel.block.instrs.append(mi)
    for reg, addr, ty in after:
        if ty in (Type.I128, Type.F128):
            ty = Type.I64
        t = sel.new("fp" if ty in _FLOATS else "gp")
        if ty in _FLOATS and reg.startswith("f"):
            sel.e("fmv.d", t, Register(reg))
        elif ty in _FLOATS:
            sel.e("fmv.d.x", t, Register(reg))
        else:
            sel.e("mv", t, Register(reg))
        sel.store_value_reg(t, ty, sel.mem(addr))


def substitute(template: str, ops: list, info: dict, operand_text) -> str:
    """Replace %0, %[name], %z1, %i2, %%, %= in an asm template by the operands'
    text (``operand_text(operand, modifier)``, once frame slots have offsets)."""
    return asm_template.substitute(template, ops, info, operand_text, "zi")

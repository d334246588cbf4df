"""GNU inline asm for i386: every register operand gets a fixed register.

Constraints: ``a b c d S D`` name eax ebx ecx edx esi edi; ``r q g`` take
the next free one of eax ecx edx ebx (q: the ones with byte forms -- all of
them); ``m`` is memory through a base register; ``i n`` and friends an
immediate when the value is a constant or a symbol; a digit matches an
output.  Inputs are moved into their registers just before the asm and
outputs out of theirs right after, as the allocator expects of fixed
registers.  esi and edi double as the spill scratch registers
(registers.py), so moves into them come last and moves out of them first:
no reload may clobber them in between.
"""

from __future__ import annotations

from ...ir import Constant, GlobalAddress, Type
from ..mir import MachineInstr
from .operands import ExprConstant, Immediate, Memory, Register, SymbolRef, imm, signed
from .registers import gp_name, key_of

FIXED = {"a": "eax", "b": "ebx", "c": "ecx", "d": "edx", "S": "esi", "D": "edi"}
POOL = ("eax", "ecx", "edx", "ebx")
_LAST = ("edi", "esi")          # moved into last, out of first


def _fixed_letter(body: str) -> str | None:
    if any(ch in body for ch in "rgq"):
        return None
    for letter, reg in FIXED.items():
        if letter in body:
            return reg
    return None


def _order(reg: str) -> int:
    return _LAST.index(reg) + 1 if reg in _LAST else 0


def _sized(reg: str, bits: int) -> Register:
    return Register(gp_name(key_of(reg), bits if bits in (8, 16) else 32))


def select_asm(sel, inst) -> None:
    a = inst.attributes
    outputs = list(a.get("outputs", []))
    inputs = list(a.get("inputs", []))
    clobbers = [c.lstrip("%") for c in a.get("clobbers", []) if c not in ("memory", "cc")]
    out_types = [Type(t) if isinstance(t, str) else t
                 for t in a.get("output_types", [])] or [Type.I32] * len(outputs)
    in_values = inst.operands[:len(inputs)]
    out_addrs = inst.operands[len(inputs):len(inputs) + len(outputs)]
    taken = {key_of(c) for c in clobbers if key_of(c) is not None}
    for c in outputs + inputs:
        reg = _fixed_letter(c.lstrip("=+&"))
        if reg:
            taken.add(key_of(reg))
    pool = [r for r in POOL if key_of(r) not in taken]

    def pick(constraint: str) -> str:
        reg = _fixed_letter(constraint.lstrip("=+&"))
        if reg:
            return reg
        if not pool:
            raise NotImplementedError("i386 inline asm: more register operands than registers")
        return pool.pop(0)

    ops: list = [None] * (len(outputs) + len(inputs))
    before: list = []
    after: list = []
    uses: set[str] = set()
    defs: set[str] = set(clobbers)
    for i, (c, addr, ty) in enumerate(zip(outputs, out_addrs, out_types)):
        bits = {Type.I8: 8, Type.I16: 16}.get(ty, 32)
        if "m" in c and "r" not in c:
            reg = pick("r")
            before.append(("addr", reg, addr))
            uses.add(reg)
            ops[i] = Memory(base=Register(reg), displacement=ExprConstant(0))
            continue
        reg = pick(c)
        defs.add(reg)
        ops[i] = _sized(reg, bits)
        if "+" in c:
            before.append(("load", reg, addr, ty))
            uses.add(reg)
        after.append((reg, addr, ty))
    for j, (c, v) in enumerate(zip(inputs, in_values)):
        i = len(outputs) + j
        body = c.lstrip("=+&")
        bits = {Type.I8: 8, Type.I16: 16}.get(v.type, 32)
        if body.isdigit():
            full = gp_name(key_of(ops[int(body)].name), 32)
            before.append(("value", full, v))
            uses.add(full)
            ops[i] = _sized(full, bits)
            continue
        if any(ch in body for ch in "inIJKLMNOPsE") and isinstance(v, (Constant, GlobalAddress)):
            ops[i] = imm(signed(int(v.value), 32)) if isinstance(v, Constant) else \
                Immediate(SymbolRef(v.name))
            continue
        if "m" in body and not any(ch in body for ch in "rgqabcdSD"):
            reg = pick("r")                   # a memory-only input is its address
            before.append(("addr", reg, v))
            uses.add(reg)
            ops[i] = Memory(base=Register(reg), displacement=ExprConstant(0))
            continue
        reg = pick(body)
        before.append(("value", reg, v))
        uses.add(reg)
        ops[i] = _sized(reg, bits)
    # sources in virtual registers first, then the moves into the fixed ones
    moves = []
    for item in before:
        if item[0] == "addr":
            moves.append((item[1], sel.reg(item[2])))
        elif item[0] == "load":
            _, reg, addr, ty = item
            t = sel.new()
            mn = {Type.I8: "movzbl", Type.I1: "movzbl", Type.I16: "movzwl"}.get(ty, "movl")
            sel.e(mn, t, sel.mem(addr))
            moves.append((reg, t))
        else:
            _, reg, v = item
            moves.append((reg, sel.operand(v)))
    for reg, src in sorted(moves, key=lambda m: _order(m[0])):
        sel.e("movl", Register(reg), src)
    sel.ctx.labels += 1
    mi = MachineInstr("", tuple(ops), kind="asm", text=a.get("template", ""), roles=(),
                      implicit_uses=tuple(sorted(uses)),
                      implicit_defs=tuple(sorted(d for d in defs if key_of(d) is not None)),
                      info={"names": list(a.get("output_names", [])) +
                            list(a.get("input_names", [])), "unique": sel.ctx.labels})
    sel.block.instrs.append(mi)
    copies = []
    for reg, addr, ty in sorted(after, key=lambda o: -_order(o[0])):
        t = sel.new()
        sel.e("movl", t, Register(reg))
        copies.append((t, addr, ty))
    for t, addr, ty in copies:               # every output read before %al is borrowed
        if ty in (Type.I8, Type.I1):
            sel.e("movl", Register("eax"), t)
            sel.e("movb", sel.mem(addr), Register("al"))
        elif ty is Type.I16:
            sel.e("movw", sel.mem(addr), t.width(16))
        else:
            sel.e("movl", sel.mem(addr), t)

"""Calls, parameters and returns, variable arguments for AArch64.

Everything here follows abi.py's layout.  A call is selected as: stack
space for the stack arguments (``sub sp, sp, #n``, a multiple of 16), the
stack arguments stored at [sp, #offset], then the register arguments
moved into x0-x7 / v0-v7 (fixed physical registers: the allocator keeps
other values out of them until the call), x8 for a result in memory, the
``bl``/``blr`` itself -- which clobbers every caller-saved register -- the
stack space given back, and the result copied out of x0/x1 or v0-v3.
Composites in x registers are loaded doubleword by doubleword; one whose
size is not a multiple of 8 is first copied to a temporary so no load reads
past its end.  Composites over 16 bytes (not HFAs) are copied to a frame
slot and passed as its address.

Parameters arrive the same way in reverse (``prologue``).  A variadic
function also saves x0-x7 and q0-q7 in two save areas, which ``va_start``
points the va_list at; ``va_arg`` follows the aapcs64 appendix's algorithm
(register save area while __gr_offs/__vr_offs stay negative, then
__stack).  Inline asm (GCC's aarch64 constraints) is in inline_asm.py.
"""

from __future__ import annotations

from ...ir import Aggregate, GlobalAddress, Instruction, Type
from .abi import by_reference, hfa, layout_call, natural_alignment, return_location
from .memory import LOAD
from .operands import (BITS, FBITS, SIZE, SP, Memory, Register, SymbolRef, base_mem, imm,
                       offset_mem, slot_mem)
from .registers import CALLER_SAVED, reg



def vreg_name(name: str, ty: Type) -> Register:
    """v3 as s3/d3/q3 for a value of floating type ``ty``."""
    return reg(name, FBITS[ty])


class CallSelection:
    def __init__(self, sel):
        self.sel = sel
        self.hidden = None               # the indirect result address (x8 on entry)
        self.gr_area = None
        self.vr_area = None
        self.entry_gp = 0
        self.entry_fp = 0
        self.entry_stack = 0

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    def op_asm(self, inst: Instruction) -> None:
        from .inline_asm import select_asm
        select_asm(self.sel, inst)

    # --- helpers -----------------------------------------------------------------------
    def adjust_sp(self, amount: int) -> None:
        """sp += amount (a multiple of 16)."""
        sel = self.sel
        mn = "add" if amount > 0 else "sub"
        n = abs(amount)
        if n >> 24:
            t = sel.const_int(n, 64)
            sel.e(mn, SP, SP, t)
            return
        if n >> 12:
            sel.e(mn, SP, SP, imm(n >> 12 << 12))
        if n & 0xFFF:
            sel.e(mn, SP, SP, imm(n & 0xFFF))

    def readable(self, m: Memory, size: int) -> Memory:
        """Memory whose doublewords may be read whole: ``m`` itself, or a copy."""
        if size % 8 == 0:
            return m
        slot = self.sel.mf.new_slot(16 * ((size + 15) // 16), 16, "agg")
        self.sel.copy_bytes(slot_mem(slot), m, size)
        return slot_mem(slot)

    def store_partial(self, src, m: Memory, n: int) -> None:
        """Store the low n (<= 8) bytes of an x register."""
        sel = self.sel
        if n >= 8:
            sel.e("str", src, m)
            return
        t = sel.new()
        sel.e("mov", t, src)
        offset = 0
        for chunk, mn in ((4, "str"), (2, "strh"), (1, "strb")):
            if n - offset >= chunk:
                sel.e(mn, t.width(32), offset_mem(m, offset))
                offset += chunk
                if offset < n:
                    sel.e("lsr", t, t, imm(chunk * 8))

    def copy_aggregate(self, dst: Memory, src: Memory, size: int) -> None:
        sel = self.sel
        if size <= 128:
            sel.copy_bytes(dst, src, size)
            return
        self.call_symbol("memcpy", [sel.address(dst), sel.address(src), sel.const_int(size, 64)])

    def call_symbol(self, name: str, args: list, result=None) -> None:
        """Call ``name`` with VReg arguments (general ones in x0..., float ones in
        v0...); the result, if wanted, copied to ``result``."""
        sel = self.sel
        uses = []
        moves = []
        ngrn = nsrn = 0
        for v in args:
            if v.cls == "gp":
                moves.append((Register(f"{'x' if v.bits == 64 else 'w'}{ngrn}"), v))
                uses.append(f"x{ngrn}")
                ngrn += 1
            else:
                moves.append((reg(f"v{nsrn}", v.bits), v))
                uses.append(f"v{nsrn}")
                nsrn += 1
        for r, v in moves:
            self.move_to(r, v)
        sel.e("bl", SymbolRef(name), uses=tuple(uses), defs=CALLER_SAVED)
        if result is not None:
            if result.cls == "gp":
                sel.e("mov", result, reg("x0", result.bits))
            else:
                sel.floats.move(result, reg("v0", result.bits))

    def move_to(self, r: Register, v) -> None:
        """A physical register from a VReg (or an immediate), any class."""
        sel = self.sel
        if r.name[0] in "xw":
            sel.e("mov", r, v)
        else:
            sel.floats.move(r, v)

    # --- the prologue -----------------------------------------------------------------
    def prologue(self) -> None:
        sel = self.sel
        fn = sel.fn
        args = [(p.type, p.aggregate) for p in fn.parameters]
        ret = (fn.return_type, fn.return_aggregate) if fn.return_aggregate else None
        layout = layout_call(args, ret)
        if layout.indirect_result:
            self.hidden = sel.new()
            sel.e("mov", self.hidden, Register("x8"))
        for p, loc in zip(fn.parameters, layout.arguments):
            agg = p.aggregate
            if loc.kind == "none":
                sel.addresses[p] = sel.mf.new_slot(8, max(agg.alignment, 8), f"p{p.index}")
            elif loc.kind == "gp" and agg is not None and not loc.indirect:
                slot = sel.mf.new_slot(8 * len(loc.regs), max(agg.alignment, 8), f"p{p.index}")
                for i, r in enumerate(loc.regs):
                    sel.e("str", Register(r), slot_mem(slot, 8 * i))
                sel.addresses[p] = slot
            elif loc.kind == "fp" and agg is not None:
                size = SIZE[loc.member]
                slot = sel.mf.new_slot(max(agg.size, 8), max(agg.alignment, 8), f"p{p.index}")
                for i, r in enumerate(loc.regs):
                    sel.e("str", vreg_name(r, loc.member), slot_mem(slot, size * i))
                sel.addresses[p] = slot
            elif loc.kind == "gp":
                if p.type is Type.I128:
                    lo, hi = sel.dest(p)
                    sel.e("mov", lo, Register(loc.regs[0]))
                    sel.e("mov", hi, Register(loc.regs[1]))
                else:
                    d = sel.dest(p)
                    sel.e("mov", d, reg(loc.regs[0], d.bits))
            elif loc.kind == "fp":
                sel.floats.move(sel.dest(p), vreg_name(loc.regs[0], p.type))
            else:
                slot = sel.mf.new_slot(max(loc.size, 8), 8, f"in{p.index}")
                slot.offset = loc.stack_offset          # from the caller's sp (emit.py)
                slot.fixed = True
                if agg is not None and not loc.indirect:
                    sel.addresses[p] = slot
                elif p.type is Type.I128:
                    lo, hi = sel.dest(p)
                    sel.e("ldr", lo, slot_mem(slot))
                    sel.e("ldr", hi, slot_mem(slot, 8))
                elif p.type.is_float:
                    sel.e("ldr", sel.dest(p), slot_mem(slot))
                elif loc.indirect:
                    sel.e("ldr", sel.dest(p), slot_mem(slot))
                else:
                    sel.e(LOAD[p.type], sel.dest(p), slot_mem(slot))
        self.entry_gp, self.entry_fp = layout.gp_used, layout.fp_used
        self.entry_stack = sum_stack(layout)
        if fn.variadic:
            self.gr_area = sel.mf.new_slot(64, 16, "gr_save")
            self.vr_area = sel.mf.new_slot(128, 16, "vr_save")
            for i in range(layout.gp_used, 8):
                sel.e("str", Register(f"x{i}"), slot_mem(self.gr_area, 8 * i))
            for i in range(layout.fp_used, 8):
                sel.e("str", Register(f"q{i}"), slot_mem(self.vr_area, 16 * i))

    # --- returns -----------------------------------------------------------------------
    def ret(self, inst: Instruction) -> None:
        sel = self.sel
        fn = sel.fn
        uses: list[str] = []
        if inst.operands and fn.return_type is not Type.VOID:
            v = inst.operands[0]
            agg = fn.return_aggregate
            where = return_location(v.type if agg is None else Type.PTR, agg)
            if agg is not None:
                src = sel.mem(v)
                if where == "memory":
                    self.copy_aggregate(base_mem(self.hidden), src, agg.size)
                elif where and where[0] == "gp":
                    m = self.readable(src, agg.size)
                    for i in range(where[1]):
                        sel.e("ldr", Register(f"x{i}"), offset_mem(m, 8 * i))
                        uses.append(f"x{i}")
                elif where:
                    _, member, count = where
                    for i in range(count):
                        sel.e("ldr", reg(f"v{i}", FBITS[member]),
                              offset_mem(src, SIZE[member] * i))
                        uses.append(f"v{i}")
            elif v.type is Type.I128:
                lo, hi = sel.pair(v)
                sel.e("mov", Register("x0"), lo)
                sel.e("mov", Register("x1"), hi)
                uses += ["x0", "x1"]
            elif v.type.is_float:
                sel.floats.move(reg("v0", FBITS[v.type]), sel.reg(v))
                uses.append("v0")
            else:
                bits = BITS[v.type]
                sel.e("mov", reg("x0", bits), sel.reg(v, bits))
                uses.append("x0")
        mi = sel.e("ret", uses=tuple(uses))
        mi.kind = "ret"

    # --- calls -------------------------------------------------------------------------
    def op_call(self, inst: Instruction) -> None:
        attrs = inst.attributes
        buffer_index = attrs.get("result_buffer")
        if buffer_index is None and attrs.get("return_aggregate") is not None:
            buffer_index = len(inst.operands) - 1        # lowering puts the buffer last
        aggs = attrs.get("aggregates", {}) or {}
        args = []
        for i, v in enumerate(inst.operands[1:]):
            if buffer_index is not None and i + 1 == buffer_index:
                continue
            args.append((v, aggs.get(i + 1)))
        buffer = inst.operands[buffer_index] if buffer_index is not None else None
        self.call(inst.operands[0], args, inst, attrs.get("return_aggregate"), buffer)

    def runtime_call(self, name: str, inst: Instruction, operands: list) -> None:
        self.call(GlobalAddress(name), [(v, None) for v in operands], inst, None, None)

    def call(self, callee, args, inst, ret_agg: Aggregate | None, buffer) -> None:
        sel = self.sel
        ret_type = inst.type if ret_agg is None else Type.VOID
        layout = layout_call([(v.type, agg) for v, agg in args],
                             (Type.PTR, ret_agg) if ret_agg is not None else None)
        # caller copies of composites passed by reference
        copies = {}
        for i, ((v, agg), loc) in enumerate(zip(args, layout.arguments)):
            if loc.indirect:
                slot = sel.mf.new_slot(agg.size, max(agg.alignment, 16), "copy")
                self.copy_aggregate(slot_mem(slot), sel.mem(v), agg.size)
                copies[i] = slot
        stack = layout.stack_size
        if stack:
            self.adjust_sp(-stack)
        for i, ((v, agg), loc) in enumerate(zip(args, layout.arguments)):
            if loc.kind != "stack":
                continue
            m = base_mem(SP, loc.stack_offset)
            if loc.indirect:
                t = sel.new()
                sel.e("add", t, copies[i], imm(0))
                sel.e("str", t, m)
            elif agg is not None:
                self.copy_aggregate(m, sel.mem(v), agg.size)
            elif v.type is Type.I128:
                lo, hi = sel.pair(v)
                sel.e("str", lo, m)
                sel.e("str", hi, offset_mem(m, 8))
            elif v.type.is_float:
                sel.e("str", sel.reg(v), m)
            else:
                bits = BITS[v.type]
                sel.e("str", sel.reg(v, bits), m)
        target = None
        if not isinstance(callee, GlobalAddress) or callee.offset or callee.name in sel.ctx.tls:
            target = sel.reg(callee, 64)
        # register arguments: sources first, then the moves into the argument registers
        moves: list[tuple[Register, object]] = []
        loads: list[tuple[Register, Memory]] = []
        for i, ((v, agg), loc) in enumerate(zip(args, layout.arguments)):
            if loc.kind not in ("gp", "fp"):
                continue
            if loc.indirect:
                t = sel.new()
                sel.e("add", t, copies[i], imm(0))
                moves.append((Register(loc.regs[0]), t))
            elif agg is not None and loc.kind == "gp":
                m = self.readable(sel.mem(v), agg.size)
                for j, r in enumerate(loc.regs):
                    loads.append((Register(r), offset_mem(m, 8 * j)))
            elif agg is not None:
                m = sel.mem(v)
                size = SIZE[loc.member]
                for j, r in enumerate(loc.regs):
                    loads.append((vreg_name(r, loc.member), offset_mem(m, size * j)))
            elif v.type is Type.I128:
                lo, hi = sel.pair(v)
                moves.append((Register(loc.regs[0]), lo))
                moves.append((Register(loc.regs[1]), hi))
            elif v.type.is_float:
                moves.append((vreg_name(loc.regs[0], v.type), sel.reg(v)))
            else:
                bits = BITS[v.type]
                moves.append((reg(loc.regs[0], bits), sel.reg(v, bits)))
        uses: list[str] = []
        if layout.indirect_result:
            b = sel.reg(buffer, 64)
            moves.append((Register("x8"), b))
        for r, m in loads:
            sel.e("ldr", r, m)
            uses.append(r.name)
        for r, v in moves:
            self.move_to(r, v)
            uses.append(r.name)
        if target is None:
            sel.e("bl", SymbolRef(callee.name), uses=tuple(uses), defs=CALLER_SAVED)
        else:
            sel.e("blr", target, uses=tuple(uses), defs=CALLER_SAVED)
        if stack:
            self.adjust_sp(stack)
        # the result
        if ret_agg is not None:
            where = return_location(Type.PTR, ret_agg)
            if where and where != "memory":
                m = sel.mem(buffer)
                if where[0] == "gp":
                    for i in range(where[1]):
                        self.store_partial(Register(f"x{i}"), offset_mem(m, 8 * i),
                                           min(8, ret_agg.size - 8 * i))
                else:
                    _, member, count = where
                    for i in range(count):
                        sel.e("str", reg(f"v{i}", FBITS[member]),
                              offset_mem(m, SIZE[member] * i))
            if inst.type is not Type.VOID:
                sel.copy_value(buffer, sel.dest(inst), inst.type)
            return
        if ret_type is Type.VOID:
            return
        if ret_type is Type.I128:
            lo, hi = sel.dest(inst)
            sel.e("mov", lo, Register("x0"))
            sel.e("mov", hi, Register("x1"))
        elif ret_type.is_float:
            sel.floats.move(sel.dest(inst), reg("v0", FBITS[ret_type]))
        else:
            d = sel.dest(inst)
            sel.e("mov", d, reg("x0", d.bits))

    # --- variable arguments ---------------------------------------------------------------
    # va_list: __stack 0, __gr_top 8, __vr_top 16, __gr_offs 24, __vr_offs 28
    def op_va_start(self, inst: Instruction) -> None:
        sel = self.sel
        m = sel.mem(inst.operands[0])
        stack = sel.mf.new_slot(8, 8, "va_stack")       # the first unnamed stack argument
        stack.offset, stack.fixed = self.entry_stack, True
        t = sel.new()
        sel.e("add", t, stack, imm(0))
        sel.e("str", t, m)
        t = sel.new()
        sel.e("add", t, self.gr_area, imm(64))
        sel.e("str", t, offset_mem(m, 8))
        t = sel.new()
        sel.e("add", t, self.vr_area, imm(128))
        sel.e("str", t, offset_mem(m, 16))
        w = sel.new(32)
        sel.load_const(w, -8 * (8 - self.entry_gp))
        sel.e("str", w, offset_mem(m, 24))
        w = sel.new(32)
        sel.load_const(w, -16 * (8 - self.entry_fp))
        sel.e("str", w, offset_mem(m, 28))

    def op_va_end(self, inst: Instruction) -> None:
        pass

    def op_va_copy(self, inst: Instruction) -> None:
        sel = self.sel
        sel.copy_bytes(sel.mem(inst.operands[0]), sel.mem(inst.operands[1]), 32)

    def op_va_arg(self, inst: Instruction) -> None:
        """The address of the next argument, then the value loaded from it."""
        sel = self.sel
        ap = sel.reg(inst.operands[0], 64)
        agg = inst.attributes.get("aggregate")
        ty = inst.type
        apm = base_mem(ap)
        address = sel.new()
        if agg is not None and agg.size == 0:
            sel.e("ldr", address, apm)
            sel.e("mov", sel.dest(inst), address)
            return
        h = hfa(agg) if agg is not None else ((ty, 1) if ty.is_float else None)
        indirect = by_reference(agg)
        if h is not None:
            member, count = h
            size = count * SIZE[member] if agg is not None else SIZE[member]
            align = 16 if member is Type.F128 else 8
            offs_at, top_at, step, nregs = 28, 16, 16, count
        else:
            size = 8 if indirect else (agg.size if agg is not None else SIZE[ty])
            align = 8 if indirect else (natural_alignment(agg) if agg is not None else SIZE[ty])
            align = 16 if align >= 16 else 8
            offs_at, top_at, step, nregs = 24, 8, 8, (size + 7) // 8
        join, stack_block, regs_block = sel.new_block(), sel.new_block(), sel.new_block()
        offs = sel.new(32)
        sel.e("ldr", offs, offset_mem(apm, offs_at))
        sel.e("cmp", offs, imm(0))
        sel.jump("ge", stack_block)
        sel.jump(None, regs_block)
        sel.start(regs_block)
        if align == 16 and h is None:
            sel.e("add", offs, offs, imm(15))
            sel.e("and", offs, offs, imm(-16))
        new = sel.new(32)
        sel.e("add", new, offs, imm(step * nregs))
        sel.e("str", new, offset_mem(apm, offs_at))
        sel.e("cmp", new, imm(0))
        sel.jump("gt", stack_block)
        in_regs = sel.new_block()
        sel.jump(None, in_regs)
        sel.start(in_regs)
        top, wide = sel.new(), sel.new()
        sel.e("ldr", top, offset_mem(apm, top_at))
        sel.e("sxtw", wide, offs)
        if h is not None and agg is not None and (count > 1 or SIZE[member] < 16):
            # HFA members sit in 16-byte slots: gather them
            slot = sel.mf.new_slot(max(size, 16), 16, "vaarg")
            src = sel.new()
            sel.e("add", src, top, wide)
            for i in range(count):
                t = sel.new_float(member)
                sel.e("ldr", t, base_mem(src, 16 * i))
                sel.e("str", t, slot_mem(slot, SIZE[member] * i))
            sel.e("add", address, slot, imm(0))
        else:
            sel.e("add", address, top, wide)
        sel.jump(None, join)
        sel.start(stack_block)
        sel.e("ldr", address, apm)
        if align > 8:
            sel.e("add", address, address, imm(align - 1))
            sel.e("and", address, address, imm(-align))
        nxt = sel.new()
        sel.e("add", nxt, address, imm((size + 7) // 8 * 8))
        sel.e("str", nxt, apm)
        sel.jump(None, join)
        sel.start(join)
        m = base_mem(address)
        if indirect:
            sel.e("ldr", sel.dest(inst), m)
        elif agg is not None:
            sel.e("mov", sel.dest(inst), address)
        elif ty is Type.I128:
            lo, hi = sel.dest(inst)
            sel.e("ldr", lo, m)
            sel.e("ldr", hi, offset_mem(m, 8))
        elif ty.is_float:
            sel.e("ldr", sel.dest(inst), m)
        else:
            sel.e(LOAD[ty], sel.dest(inst), m)


def sum_stack(layout) -> int:
    """Bytes of named stack arguments (where __stack starts), unrounded to 16."""
    end = 0
    for loc in layout.arguments:
        if loc.kind == "stack":
            end = max(end, loc.stack_offset + (loc.size + 7) // 8 * 8)
    return end

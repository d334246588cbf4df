"""Calls, parameters, returns and variable arguments for RISC-V 64.

Everything here follows abi.py's layout.  A call is selected as: the
copies a by-reference struct needs (in a frame slot), stack space for the
stack arguments (``addi sp, sp, -N``, N a multiple of 16) and the stores
into it, the register arguments moved into a0-a7/fa0-fa7 (fixed physical
registers: the allocator keeps other values out of them until the call),
the ``call`` (``jalr`` for a pointer) -- which clobbers every caller-saved
register -- and the result copied out of a0/a1/fa0/fa1.  A struct in
registers is moved piece by piece; one whose size is not a multiple of 8
is first copied to a temporary so no load reads past its end.

Parameters arrive the same way in reverse (``prologue``); incoming stack
arguments sit at 0(s0) upwards (s0 is the stack pointer at entry).  A
variadic function stores the unnamed argument registers to the 64 bytes
just below 0(s0), so va_list is a pointer walking one array of 8-byte
slots; va_arg rounds it up to 16 for a 2xXLEN-aligned type and reads a
struct larger than 16 bytes through the pointer passed in its place.
"""

from __future__ import annotations

from ...ir import Aggregate, GlobalAddress, Instruction, Type
from ..mir import FrameSlot
from .abi import ArgLocation, Part, layout_call, return_location, stack_alignment
from .operands import (SIZE, SP, STORES, ExprConstant, Memory, Register, SymbolRef, imm,
                       offset_mem)
from .registers import CALLER_SAVED, slot_mem

SAVE_AREA = 64          # a0-a7 of a variadic function, just below its stack arguments


class CallSelection:
    def __init__(self, sel):
        self.sel = sel
        self.hidden = None               # the hidden result pointer (a VReg)
        self.save_area: FrameSlot | None = None
        self.named_gp = 0
        self.named_stack = 0

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- moving pieces ----------------------------------------------------------------
    def readable(self, m: Memory, size: int) -> Memory:
        """Memory whose 8-byte words may be read whole: ``m`` itself, or a copy."""
        if size % 8 == 0 or size in (1, 2, 4):
            return m
        slot = self.sel.mf.new_slot((size + 15) // 16 * 16, 16, "agg")
        self.sel.copy_bytes(slot_mem(slot), m, size)
        return slot_mem(slot)

    def store_partial(self, reg, m: Memory, n: int) -> None:
        """Store the low n bytes of a general register."""
        sel = self.sel
        if n in STORES:
            sel.e(STORES[n], reg, m)
            return
        t = sel.new()
        sel.e("mv", t, reg)
        offset = 0
        for chunk in (4, 2, 1):
            if n - offset >= chunk:
                sel.e(STORES[chunk], t, offset_mem(m, offset))
                offset += chunk
                if offset < n:
                    sel.e("srli", t, t, imm(chunk * 8))

    def load_part(self, reg, part: Part, m: Memory) -> None:
        """Load one piece of a struct at ``m`` (readable) into a register."""
        src = offset_mem(m, part.offset)
        if part.float_reg:
            self.sel.e("flw" if part.size == 4 else "fld", reg, src)
        else:
            self.sel.e({1: "lbu", 2: "lhu", 4: "lw"}.get(part.size, "ld"), reg, src)

    def store_part(self, reg, part: Part, m: Memory, exact: bool) -> None:
        """Store one piece of a struct from a register to ``m``."""
        dst = offset_mem(m, part.offset)
        if part.float_reg:
            self.sel.e("fsw" if part.size == 4 else "fsd", reg, dst)
        elif exact:
            self.store_partial(reg, dst, part.size)
        else:
            self.sel.e(STORES.get(part.size, "sd"), reg, dst)

    # --- the prologue -----------------------------------------------------------------
    def prologue(self) -> None:
        sel = self.sel
        fn = sel.fn
        args = [(p.type, p.aggregate) for p in fn.parameters]
        ret = (fn.return_type, fn.return_aggregate) if fn.return_aggregate else None
        layout = layout_call(args, ret)
        if layout.hidden_return:
            self.hidden = sel.new()
            sel.e("mv", self.hidden, Register("a0"))
        for p, loc in zip(fn.parameters, layout.arguments):
            self.parameter(p, loc)
        self.named_gp, self.named_stack = layout.gp_used, layout.stack_size
        if fn.variadic:
            area = self.save_area = FrameSlot(SAVE_AREA, 16, "regsave", -SAVE_AREA, True)
            sel.mf.slots.append(area)
            for k in range(layout.gp_used, 8):
                sel.e("sd", Register(f"a{k}"), slot_mem(area, 8 * k))

    def incoming(self, part: Part) -> Memory:
        slot = FrameSlot(8, 8, f"in{part.stack_offset}", part.stack_offset, True)
        self.sel.mf.slots.append(slot)
        return slot_mem(slot)

    def parameter(self, p, loc: ArgLocation) -> None:
        sel = self.sel
        agg = p.aggregate
        if agg is not None and not loc.parts:
            sel.addresses[p] = sel.mf.new_slot(8, max(agg.alignment, 8), f"p{p.index}")
            return
        if agg is not None and not loc.by_reference:
            slot = sel.mf.new_slot((agg.size + 15) // 16 * 16, max(agg.alignment, 8),
                                   f"p{p.index}")
            for part in loc.parts:
                if part.reg is not None:
                    self.store_part(Register(part.reg), part, slot_mem(slot), False)
                else:
                    t = sel.new()
                    sel.e("ld", t, self.incoming(part))
                    sel.e("sd", t, slot_mem(slot, part.offset))
            sel.addresses[p] = slot
            return
        ty = Type.PTR if loc.by_reference else p.type
        d = sel.dest(p) if not loc.by_reference else sel.values.setdefault(p, sel.new())
        if ty in (Type.I128, Type.F128):
            for word, part in zip(d, loc.parts):
                if part.reg is not None:
                    sel.e("mv", word, Register(part.reg))
                else:
                    sel.e("ld", word, self.incoming(part))
            return
        (part,) = loc.parts
        if ty in (Type.F32, Type.F64):
            single = ty is Type.F32
            if part.float_reg:
                sel.e("fmv.s" if single else "fmv.d", d, Register(part.reg))
            elif part.reg is not None:
                sel.e("fmv.w.x" if single else "fmv.d.x", d, Register(part.reg))
            else:
                sel.e("flw" if single else "fld", d, self.incoming(part))
            return
        if part.reg is not None:
            sel.e("mv", d, Register(part.reg))
        else:
            sel.load_into(d, ty, self.incoming(part))

    # --- returns -----------------------------------------------------------------------
    def ret(self, inst: Instruction) -> None:
        sel = self.sel
        fn = sel.fn
        uses: list[str] = []
        if inst.operands and fn.return_type is not Type.VOID:
            v = inst.operands[0]
            agg = fn.return_aggregate
            if agg is not None:
                where = return_location(Type.PTR, agg)
                src = sel.mem(v)
                if where is None:
                    dst = Memory(base=self.hidden, displacement=ExprConstant(0))
                    self.copy_aggregate(dst, src, agg.size, agg.alignment)
                    sel.e("mv", Register("a0"), self.hidden)
                    uses.append("a0")
                else:
                    src = self.readable(src, agg.size)
                    for part in where.parts:
                        self.load_part(Register(part.reg), part, src)
                        uses.append(part.reg)
            else:
                where = return_location(v.type, None)
                uses += self.move_scalar(v, where, fn.attributes.get("return_extension"))
        mi = sel.e("ret", uses=tuple(uses))
        mi.kind = "ret"

    def move_scalar(self, v, loc: ArgLocation, extension: str | None = None,
                    stack_base=SP) -> list[str]:
        """Put a scalar where ``loc`` says (registers, or stack slots from
        ``stack_base``); the registers used."""
        sel = self.sel
        ty = v.type
        used = []
        if ty in (Type.I128, Type.F128):
            for word, part in zip(sel.pair(v), loc.parts):
                if part.reg is not None:
                    sel.e("mv", Register(part.reg), word)
                    used.append(part.reg)
                else:
                    sel.e("sd", word, Memory(base=stack_base,
                                             displacement=ExprConstant(part.stack_offset)))
            return used
        (part,) = loc.parts
        if ty in (Type.F32, Type.F64):
            single = ty is Type.F32
            r = sel.reg(v)
            if part.float_reg:
                sel.e("fmv.s" if single else "fmv.d", Register(part.reg), r)
            elif part.reg is not None:
                sel.e("fmv.x.w" if single else "fmv.x.d", Register(part.reg), r)
            else:
                sel.e("fsw" if single else "fsd", r,
                      Memory(base=stack_base, displacement=ExprConstant(part.stack_offset)))
                return used
            return [part.reg]
        r = self.widened(v, extension)
        if part.reg is not None:
            sel.e("mv", Register(part.reg), r)
            return [part.reg]
        sel.e("sd", r, Memory(base=stack_base, displacement=ExprConstant(part.stack_offset)))
        return used

    def widened(self, v, extension: str | None = None):
        """An integer argument or result widened to XLEN as the psABI asks (an
        i32 already is); ``extension`` ("sext"/"zext") is its C type's, which
        lowering records (the IR's types carry no sign)."""
        sel = self.sel
        if v.type in (Type.I8, Type.I16):
            return sel.extend(v, extension != "zext" if extension else v.type is Type.I16)
        return sel.source(v)

    def copy_aggregate(self, dst: Memory, src: Memory, size: int, align: int = 1) -> None:
        sel = self.sel
        if size <= 64:
            sel.copy_bytes(dst, src, size, align)
            return
        d, s = sel.new(), sel.new()
        sel.e("addi", d, dst) if isinstance(dst.base, FrameSlot) else \
            sel.add_offset(d, dst.base, dst.displacement.value)
        sel.e("addi", s, src) if isinstance(src.base, FrameSlot) else \
            sel.add_offset(s, src.base, src.displacement.value)
        self.call_registers("memcpy", [d, s, sel.const_int(size)], result=False)

    # --- calls -------------------------------------------------------------------------
    def op_call(self, inst: Instruction) -> None:
        attrs = inst.attributes
        buffer_index = attrs.get("result_buffer")
        if buffer_index is None and attrs.get("return_aggregate") is not None:
            buffer_index = len(inst.operands) - 1        # lowering puts the buffer last
        aggs = attrs.get("aggregates", {}) or {}
        extensions = attrs.get("extensions", {}) or {}
        args = []
        for i, v in enumerate(inst.operands[1:]):
            if buffer_index is not None and i + 1 == buffer_index:
                continue
            args.append((v, aggs.get(i + 1), extensions.get(i + 1)))
        buffer = inst.operands[buffer_index] if buffer_index is not None else None
        # a call without a prototype (no named parameter, 'fixed' 0) passes every
        # argument as named, as gcc does: the callee's definition names them all
        fixed = attrs.get("fixed") or None if attrs.get("variadic") else None
        self.call(inst.operands[0], args, inst, attrs.get("return_aggregate"), buffer, fixed)

    def runtime_call(self, name: str, inst: Instruction, operands: list) -> None:
        self.call(GlobalAddress(name), [(v, None, None) for v in operands], inst, None, None,
                  None)

    def call_registers(self, name: str, args: list, result: str | bool = "gp"):
        """Call ``name`` with values already in registers: general VRegs in
        a0..., floating ones (class fp) in fa0...; the result as ``result``
        says ("gp", "fp", "pair" or False); returns it."""
        sel = self.sel
        gp = fp = 0
        uses = []
        for r in args:
            if getattr(r, "cls", "gp") == "fp":
                reg = f"fa{fp}"
                fp += 1
                sel.e("fmv.d", Register(reg), r)
            else:
                reg = f"a{gp}"
                gp += 1
                sel.e("mv", Register(reg), r)
            uses.append(reg)
        sel.e("call", SymbolRef(name), uses=tuple(uses), defs=CALLER_SAVED)
        if result == "pair":
            lo, hi = sel.new(), sel.new()
            sel.e("mv", lo, Register("a0"))
            sel.e("mv", hi, Register("a1"))
            return lo, hi
        if result == "fp":
            d = sel.new("fp")
            sel.e("fmv.d", d, Register("fa0"))
            return d
        if result:
            d = sel.new()
            sel.e("mv", d, Register("a0"))
            return d
        return None

    def call(self, callee, args, inst, ret_agg: Aggregate | None, buffer, fixed):
        sel = self.sel
        ret_type = inst.type if ret_agg is None else Type.VOID
        layout = layout_call([(v.type, agg) for v, agg, _ in args],
                             (Type.PTR, ret_agg) if ret_agg is not None else None, fixed)
        # by-reference copies and readable copies first: they may call memcpy
        sources = []
        for (v, agg, _), loc in zip(args, layout.arguments):
            if agg is None or not loc.parts:
                sources.append(None)
            elif loc.by_reference:
                slot = sel.mf.new_slot(agg.size, max(agg.alignment, 8), "byref")
                self.copy_aggregate(slot_mem(slot), sel.mem(v), agg.size, agg.alignment)
                sources.append(slot)
            else:
                sources.append(self.readable(sel.mem(v), agg.size))
        stack = (layout.stack_size + 15) // 16 * 16
        if stack:
            sel.add_offset(SP, SP, -stack)
        for (v, agg, ext), loc, src in zip(args, layout.arguments, sources):
            for part in loc.parts:
                if part.reg is not None:
                    continue
                m = Memory(base=SP, displacement=ExprConstant(part.stack_offset))
                if agg is None:
                    self.move_scalar(v, ArgLocation((part,)) if v.type not in
                                     (Type.I128, Type.F128) else loc, ext)
                    break
                t = sel.new()
                if loc.by_reference:
                    sel.e("addi", t, slot_mem(src))
                else:
                    sel.e("ld", t, offset_mem(src, part.offset))
                sel.e("sd", t, m)
        target = None
        if not isinstance(callee, GlobalAddress) or callee.offset or callee.name in sel.ctx.tls:
            target = sel.reg(callee)
        # register arguments: every source in a virtual register first, then the moves
        moves = []           # (physical register name, source VReg, "gp"|"fp"|"bits")
        for (v, agg, ext), loc, src in zip(args, layout.arguments, sources):
            regs = [p for p in loc.parts if p.reg is not None]
            if not regs:
                continue
            if agg is not None:
                for part in regs:
                    t = sel.new("fp" if part.float_reg else "gp")
                    if loc.by_reference:
                        sel.e("addi", t, slot_mem(src))
                    else:
                        self.load_part(t, part, src)
                    moves.append((part.reg, t, "fp" if part.float_reg else "gp", part.size))
            elif v.type in (Type.I128, Type.F128):
                for word, part in zip(sel.pair(v), loc.parts):
                    if part.reg is not None:
                        moves.append((part.reg, word, "gp", 8))
            elif v.type in (Type.F32, Type.F64):
                part = regs[0]
                moves.append((part.reg, sel.reg(v), "fp" if part.float_reg else "bits",
                              SIZE[v.type]))
            else:
                moves.append((regs[0].reg, self.widened(v, ext), "gp", 8))
        uses: list[str] = []
        if layout.hidden_return:
            sel.e("mv", Register("a0"), sel.reg(buffer))
            uses.append("a0")
        for reg, src, kind, size in moves:
            if kind == "fp":
                sel.e("fmv.s" if size == 4 else "fmv.d", Register(reg), src)
            elif kind == "bits":
                sel.e("fmv.x.w" if size == 4 else "fmv.x.d", Register(reg), src)
            else:
                sel.e("mv", Register(reg), src)
            uses.append(reg)
        if target is None:
            sel.e("call", SymbolRef(callee.name), uses=tuple(uses), defs=CALLER_SAVED)
        else:
            sel.e("jalr", target, uses=tuple(uses), defs=CALLER_SAVED)
        if stack:
            sel.add_offset(SP, SP, stack)
        # the result
        if ret_agg is not None:
            where = return_location(Type.PTR, ret_agg)
            if where is not None:
                m = sel.mem(buffer)
                for part in where.parts:
                    t = sel.new("fp" if part.float_reg else "gp")
                    sel.e("fmv.d" if part.float_reg else "mv", t, Register(part.reg))
                    self.store_part(t, part, m, True)
            if inst.type is not Type.VOID:
                sel.copy_value(buffer, sel.dest(inst), inst.type)
            return
        if ret_type is Type.VOID:
            return
        d = sel.dest(inst)
        if ret_type in (Type.I128, Type.F128):
            sel.e("mv", d[0], Register("a0"))
            sel.e("mv", d[1], Register("a1"))
        elif ret_type is Type.F32:
            sel.e("fmv.s", d, Register("fa0"))
        elif ret_type is Type.F64:
            sel.e("fmv.d", d, Register("fa0"))
        else:
            sel.e("mv", d, Register("a0"))

    # --- variable arguments ---------------------------------------------------------------
    def op_va_start(self, inst: Instruction) -> None:
        sel = self.sel
        offset = 8 * self.named_gp if self.named_stack == 0 else SAVE_AREA + self.named_stack
        t = sel.new()
        sel.e("addi", t, slot_mem(self.save_area, offset))
        sel.e("sd", t, sel.mem(inst.operands[0]))

    def op_va_end(self, inst: Instruction) -> None:
        pass

    def op_va_copy(self, inst: Instruction) -> None:
        sel = self.sel
        t = sel.new()
        sel.e("ld", t, sel.mem(inst.operands[1]))
        sel.e("sd", t, sel.mem(inst.operands[0]))

    def op_va_arg(self, inst: Instruction) -> None:
        """The argument's address from the va_list pointer, which moves past it;
        then the value loaded from there."""
        sel = self.sel
        ap = sel.mem(inst.operands[0])
        agg = inst.attributes.get("aggregate")
        ty = inst.type
        p = sel.new()
        sel.e("ld", p, ap)
        if agg is not None and agg.size == 0:
            sel.e("mv", sel.dest(inst), p)
            return
        by_reference = agg is not None and agg.size > 16
        if not by_reference and stack_alignment(ty, agg) == 16:
            sel.e("addi", p, p, imm(15))
            sel.e("andi", p, p, imm(-16))
        address = sel.new()
        if by_reference:
            sel.e("ld", address, Memory(base=p, displacement=ExprConstant(0)))
            size = 8
        else:
            sel.e("mv", address, p)
            size = agg.size if agg is not None else SIZE[ty]
        nxt = sel.new()
        sel.e("addi", nxt, p, imm((size + 7) // 8 * 8))
        sel.e("sd", nxt, ap)
        if agg is not None:
            sel.e("mv", sel.dest(inst), address)
        else:
            sel.load_into(sel.dest(inst), ty, Memory(base=address,
                                                     displacement=ExprConstant(0)))

    def op_asm(self, inst: Instruction) -> None:
        from .inline_asm import select_asm
        select_asm(self.sel, inst)

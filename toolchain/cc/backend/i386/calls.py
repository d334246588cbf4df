"""Calls, parameters, returns and variable arguments for i386 (cdecl, abi.py).

A call is selected as: ``subl $P, %esp`` (the padding that leaves the
stack 16-byte aligned at the call once the arguments are on it: a
CallPadding, known when the frame is laid out), the stack arguments pushed
last first when they are all integers, else the argument area made and
each stored at its offset from %esp (structs copied, long long as two
words, floating values as their bytes), the -mregparm register arguments moved into eax,
edx, ecx last (fixed registers: the allocator keeps other values out of
them until the call), the ``call`` -- which clobbers eax, ecx, edx -- and
``addl $P+N, %esp`` less the 4 bytes a callee returning a struct has popped.
The result comes from eax, edx:eax or st(0), which is always popped.

Parameters are read from their fixed slots above the frame pointer
(``8(%ebp)`` is the first); a float or struct parameter *is* its slot.
A va_list is a plain pointer to the next stack argument: ``va_start`` points
it just past the named parameters, ``va_arg`` reads there and steps it by
the argument's size rounded up to 4.
"""

from __future__ import annotations

from ...ir import Aggregate, GlobalAddress, Instruction, Type
from .abi import layout_call, return_kind
from .memory import UNROLLED_BYTES
from .operands import (CallPadding, EAX, EBP, EDX, ESP, ExprConstant, Indirect, Memory, Register,
                       SymbolRef, imm, offset_mem, slot_mem)
from .registers import CALLER_SAVED


class CallSelection:
    def __init__(self, sel):
        self.sel = sel
        self.hidden = None               # the hidden return pointer (a VReg)
        self.entry_stack = 0

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- the prologue -----------------------------------------------------------------
    def prologue(self) -> None:
        sel = self.sel
        fn = sel.fn
        args = [(p.type, p.aggregate) for p in fn.parameters]
        hidden = return_kind(fn.return_type, fn.return_aggregate) == "memory"
        layout = layout_call(args, hidden, sel.regparm, fn.variadic)
        sel.mf.attributes["callee_pops"] = layout.callee_pops
        if layout.hidden_return:
            self.hidden = sel.new()
            if layout.hidden_reg:
                sel.e("movl", self.hidden, Register(layout.hidden_reg))
            else:
                sel.e("movl", self.hidden, Memory(base=EBP, displacement=ExprConstant(8)))
        for p, loc in zip(fn.parameters, layout.arguments):
            if loc.regs:
                if p.type is Type.I64:
                    lo, hi = sel.dest(p)
                    sel.e("movl", lo, Register(loc.regs[0]))
                    sel.e("movl", hi, Register(loc.regs[1]))
                else:
                    sel.e("movl", sel.dest(p), Register(loc.regs[0]))
                continue
            slot = sel.mf.new_slot(loc.size, 4, f"in{p.index}")
            slot.offset = 8 + loc.stack_offset
            slot.fixed = True
            uses = sel.param_uses.get(p.index, 0)
            if p.aggregate is None and not p.type.is_float and uses <= 1:
                if p.type is Type.I64 and uses:
                    lo, hi = sel.dest(p)
                    sel.e("movl", lo, slot_mem(slot))
                    sel.e("movl", hi, slot_mem(slot, 4))
                else:   # unused: nothing to load; used once: read where it is used
                    sel.param_slots[p.index] = slot
            elif p.aggregate is not None:
                sel.addresses[p] = slot
            elif p.type.is_float:
                sel.floats.slots[p] = slot
            elif p.type is Type.I64:
                lo, hi = sel.dest(p)
                sel.e("movl", lo, slot_mem(slot))
                sel.e("movl", hi, slot_mem(slot, 4))
            else:
                sel.e("movl", sel.dest(p), slot_mem(slot))
        self.entry_stack = layout.stack_size

    # --- returns -----------------------------------------------------------------------
    def ret(self, inst: Instruction) -> None:
        sel = self.sel
        fn = sel.fn
        uses: list[str] = []
        if inst.operands and (fn.return_type is not Type.VOID or fn.return_aggregate):
            v = inst.operands[0]
            kind = return_kind(fn.return_type, fn.return_aggregate)
            if kind == "memory":
                dst = Memory(base=self.hidden, displacement=ExprConstant(0))
                self.copy_aggregate(dst, sel.mem(v), fn.return_aggregate.size)
                sel.e("movl", EAX, self.hidden)
                uses.append("eax")
            elif kind == "aggregate pair":
                m = sel.mem(v)
                sel.e("movl", EAX, m)
                sel.e("movl", EDX, offset_mem(m, 4))
                uses += ["eax", "edx"]
            elif kind == "pair":
                lo, hi = sel.int64.operands(v)
                sel.e("movl", EAX, lo)
                sel.e("movl", EDX, hi)
                uses += ["eax", "edx"]
            elif kind == "x87":
                sel.floats.fld(v)
            elif kind == "int":
                sel.e("movl", EAX, sel.source(v))
                uses.append("eax")
        mi = sel.e("ret", uses=tuple(uses))
        mi.kind = "ret"

    def copy_aggregate(self, dst: Memory, src: Memory, size: int) -> None:
        sel = self.sel
        if size <= UNROLLED_BYTES:
            sel.copy_bytes(dst, src, size)
            return
        d, s = sel.new(), sel.new()
        sel.e("leal", d, dst)
        sel.e("leal", s, src)
        sel.rep_movsb(d, s, imm(size))

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
            args.append((v, aggs.get(i + 1)))      # keyed by operand index (callee is 0)
        buffer = inst.operands[buffer_index] if buffer_index is not None else None
        self.call(inst.operands[0], args, inst, attrs.get("return_aggregate"), buffer,
                  bool(attrs.get("variadic")), self.sel.regparm)

    def runtime_call(self, name: str, inst: Instruction, operands: list) -> None:
        """A call of a libgcc-style helper (always cdecl)."""
        self.call(GlobalAddress(name), [(v, None) for v in operands], inst, None, None,
                  False, 0)

    def call(self, callee, args, inst, ret_agg: Aggregate | None, buffer, variadic: bool,
             regparm: int) -> None:
        sel = self.sel
        ret_kind = return_kind(inst.type, ret_agg)
        layout = layout_call([(v.type, agg) for v, agg in args], ret_kind == "memory",
                             regparm, variadic)
        n = layout.stack_size
        if self.pushable(args, layout):
            self.push_arguments(args, layout, buffer)
        else:
            self.store_arguments(args, layout, buffer)
        target = None
        if not isinstance(callee, GlobalAddress) or callee.offset or callee.name in sel.ctx.tls:
            target = sel.reg(callee)
        # register arguments: sources first, then the moves into the fixed registers
        moves = []
        if layout.hidden_reg:
            moves.append((layout.hidden_reg, sel.reg(buffer)))
        for (v, agg), loc in zip(args, layout.arguments):
            if not loc.regs:
                continue
            if v.type is Type.I64:
                lo, hi = sel.int64.operands(v)
                moves += [(loc.regs[0], lo), (loc.regs[1], hi)]
            else:
                moves.append((loc.regs[0], sel.operand(v)))
        for reg, src in moves:
            sel.e("movl", Register(reg), src)
        uses = tuple(reg for reg, _ in moves)
        if target is None:
            sel.e("call", SymbolRef(callee.name), uses=uses, defs=CALLER_SAVED)
        else:
            sel.e("call", Indirect(target), uses=uses, defs=CALLER_SAVED)
        sel.e("addl", ESP, CallPadding(n, n - layout.callee_pops))
        # the result
        if ret_agg is not None:
            if ret_kind == "aggregate pair":
                m = sel.mem(buffer)
                sel.e("movl", m, EAX)
                sel.e("movl", offset_mem(m, 4), EDX)
            if inst.type is not Type.VOID:
                sel.copy_value(buffer, sel.dest(inst), inst.type)
            return
        kind = return_kind(inst.type, None)
        if kind == "pair":
            lo, hi = sel.dest(inst)
            sel.e("movl", lo, EAX)
            sel.e("movl", hi, EDX)
        elif kind == "x87":
            sel.floats.define(inst)
        elif kind == "int":
            sel.e("movl", sel.dest(inst), EAX)

    @staticmethod
    def pushable(args, layout) -> bool:
        """Whether every stack argument is an integer of 4 or 8 bytes: pushed, not stored."""
        return all(loc.regs or (agg is None and not v.type.is_float)
                   for (v, agg), loc in zip(args, layout.arguments))

    def push_arguments(self, args, layout, buffer) -> None:
        """The stack arguments pushed, last first, below the padding that keeps the
        stack aligned at the call (``pushl $5`` is 3 bytes, a ``movl`` to the
        argument area 10)."""
        sel = self.sel
        sel.e("subl", ESP, CallPadding(layout.stack_size, 0))
        words = []
        if layout.hidden_return and layout.hidden_reg is None:
            words.append(sel.operand(buffer))
        for (v, agg), loc in zip(args, layout.arguments):
            if loc.regs:
                continue
            if v.type is Type.I64:
                words += list(sel.int64.operands(v))
            else:
                words.append(sel.source(v))
        for word in reversed(words):
            sel.e("pushl", word)

    def store_arguments(self, args, layout, buffer) -> None:
        """The argument area made at once and each stack argument stored at its offset."""
        sel = self.sel
        sel.e("subl", ESP, CallPadding(layout.stack_size, layout.stack_size))
        if layout.hidden_return and layout.hidden_reg is None:
            sel.e("movl", Memory(base=ESP, displacement=ExprConstant(0)), sel.operand(buffer))
        for (v, agg), loc in zip(args, layout.arguments):
            if loc.regs:
                continue
            m = Memory(base=ESP, displacement=ExprConstant(loc.stack_offset))
            if agg is not None and v.type is Type.PTR:
                self.copy_aggregate(m, sel.mem(v), agg.size)
            elif agg is not None and v.type.is_integer and v.type is not Type.I64:
                sel.e("movl", m, sel.operand(v))    # a union cast from a scalar: its bytes
            elif agg is not None and v.type is Type.I64:
                lo, hi = sel.int64.operands(v)
                sel.e("movl", m, lo)
                sel.e("movl", offset_mem(m, 4), hi)
            elif v.type.is_float:
                sel.floats.store(v, m)
            elif v.type is Type.I64:
                lo, hi = sel.int64.operands(v)
                sel.e("movl", m, lo)
                sel.e("movl", offset_mem(m, 4), hi)
            else:
                sel.e("movl", m, sel.operand(v))

    # --- variable arguments ---------------------------------------------------------------
    def op_va_start(self, inst: Instruction) -> None:
        sel = self.sel
        t = sel.new()
        sel.e("leal", t, Memory(base=EBP, displacement=ExprConstant(8 + self.entry_stack)))
        sel.e("movl", sel.mem(inst.operands[0]), t)

    def op_va_end(self, inst: Instruction) -> None:
        pass

    def op_va_copy(self, inst: Instruction) -> None:
        sel = self.sel
        sel.copy_bytes(sel.mem(inst.operands[0]), sel.mem(inst.operands[1]), 4)

    def op_va_arg(self, inst: Instruction) -> None:
        """The address of the next argument, then the value loaded from it."""
        sel = self.sel
        ap = sel.mem(inst.operands[0])
        agg = inst.attributes.get("aggregate")
        ty = inst.type
        size = (agg.size + 3) // 4 * 4 if agg is not None else \
            {Type.I64: 8, Type.F64: 8, Type.F80: 12}.get(ty, 4)
        address, nxt = sel.new(), sel.new()
        sel.e("movl", address, ap)
        sel.e("leal", nxt, Memory(base=address, displacement=ExprConstant(size)))
        sel.e("movl", ap, nxt)
        m = Memory(base=address, displacement=ExprConstant(0))
        if agg is not None:
            sel.e("movl", sel.dest(inst), address)
        elif ty.is_float:
            sel.floats.load_value(inst, m)
        elif ty is Type.I64:
            lo, hi = sel.dest(inst)
            sel.e("movl", lo, m)
            sel.e("movl", hi, offset_mem(m, 4))
        elif ty in (Type.I8, Type.I1):
            sel.e("movzbl", sel.dest(inst), m)
        elif ty is Type.I16:
            sel.e("movzwl", sel.dest(inst), m)
        else:
            sel.e("movl", sel.dest(inst), m)

    def op_asm(self, inst: Instruction) -> None:
        from .inline_asm import select_asm
        select_asm(self.sel, inst)

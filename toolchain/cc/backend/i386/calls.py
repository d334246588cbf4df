"""Calls, parameters, returns and variable arguments for i386 (cdecl, abi.py).

A call is selected as: ``subl $P, %esp`` (the padding that leaves the
stack 16-byte aligned at the call once the arguments are on it: a
CallPadding, known when the frame is laid out), the stack arguments pushed
last first, word by word (long long as two words, floating values as their
bytes, small structs from memory; a big one copied into room made for it),
the -mregparm register arguments moved into eax,
edx, ecx last (fixed registers: the allocator keeps other values out of
them until the call), the ``call`` -- which clobbers eax, ecx, edx -- and
``addl $P+N, %esp`` less the 4 bytes a callee returning a struct has popped.
The result comes from eax, edx:eax or st(0), which is always popped.

A sibling call (-O2, -Os: gcc's -foptimize-sibling-calls) is a call whose
result the function returns at once: its stack arguments, if any, are
stored over the function's own incoming ones, then the epilogue runs and
``jmp f`` goes to the callee, which returns to our caller (``sibling_call``
says when that is safe: gcc's conditions, conservatively).

Parameters are read from their fixed slots above the frame pointer
(``8(%ebp)`` is the first); a float or struct parameter *is* its slot.
A va_list is a plain pointer to the next stack argument: ``va_start`` points
it just past the named parameters, ``va_arg`` reads there and steps it by
the argument's size rounded up to 4.
"""

from __future__ import annotations

import struct

from ...ir import Aggregate, Constant, GlobalAddress, Instruction, Type, Undef
from ..x86.x87 import f80_bytes
from .abi import layout_call, return_kind
from ..phis import incoming
from .memory import UNROLLED_BYTES
from .operands import (CallPadding, EAX, EBP, ECX, EDX, ESP, ExprConstant, Indirect, Memory,
                       Register, SymbolRef, imm, offset_mem, signed, slot_mem)
from .registers import CALLER_SAVED

# functions that may return twice: a sibling call to them would return into a freed frame
RETURNS_TWICE = frozenset(("setjmp", "_setjmp", "__setjmp", "sigsetjmp", "__sigsetjmp",
                           "savectx", "vfork", "getcontext", "__builtin_setjmp"))
# the largest struct argument pushed word by word (6 pushes of 4-5 bytes in 16-bit code,
# about what making room and a ``rep movsb`` cost)
PUSHED_STRUCT = 24
# the users through which an alloca's address does not escape: (opcode, operand index)
_CONTAINED = {("load", 0), ("store", 1), ("memcpy", 0), ("memcpy", 1), ("memmove", 0),
              ("memmove", 1), ("memset", 0)}


def float_bytes(value) -> bytes:
    """The bytes of a floating constant (an undefined value is zeros)."""
    ty = value.type
    if isinstance(value, Undef):
        return bytes(10 if ty is Type.F80 else 4 if ty is Type.F32 else 8)
    bits = value.bits
    if ty is Type.F32:
        return bits.to_bytes(4, "little") if bits is not None else \
            struct.pack("<f", float(value.value))
    if ty is Type.F64:
        return bits.to_bytes(8, "little") if bits is not None else \
            struct.pack("<d", float(value.value))
    return bits.to_bytes(10, "little") if bits is not None else f80_bytes(float(value.value))


class CallSelection:
    def __init__(self, sel):
        self.sel = sel
        self.hidden = None               # the hidden return pointer (a VReg)
        self.entry_stack = 0
        self.sibling_returns: set[int] = set()   # ids of the rets (jmps) sibling calls replaced
        self.frame_escapes: bool | None = None   # a local's address may outlive the frame

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
        if id(inst) in self.sibling_returns:
            return
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
        ret = self.sibling_return(inst)
        if ret is not None and buffer is None and attrs.get("return_aggregate") is None and \
                self.sibling_call(inst.operands[0], args):
            self.sibling_returns.add(id(ret))
            return
        self.call(inst.operands[0], args, inst, attrs.get("return_aggregate"), buffer,
                  bool(attrs.get("variadic")), self.sel.regparm)

    # --- sibling calls -------------------------------------------------------------------
    def sibling_return(self, inst: Instruction) -> Instruction | None:
        """The ``ret`` right after a call that returns what the call returned (or
        nothing, when that is not an x87 value, which must be popped), or the
        ``jmp`` to a block that does only that: when sibling calls are on and
        the function returns in registers."""
        sel = self.sel
        fn = sel.fn
        if not sel.sibling_calls or return_kind(fn.return_type, fn.return_aggregate) in \
                ("memory", "aggregate pair"):
            return None
        insts = inst.block.instructions
        i = next(k for k, x in enumerate(insts) if x is inst)
        ret = insts[i + 1] if i + 1 < len(insts) else None
        result = inst
        if ret is not None and ret.opcode == "jmp":
            # a jump to a block that only returns (perhaps a phi of the call's result)
            target = ret.targets[0].instructions
            phi = target[0] if len(target) == 2 and target[0].opcode == "phi" else None
            if phi is not None and incoming(phi, inst.block) is inst and \
                    sel.uses.get(phi.id, 0) == 1 and target[1].operands == [phi]:
                result = phi
            elif len(target) != 1:
                return None
            ret, jump = target[-1], ret
        else:
            jump = None
        if ret is None or ret.opcode != "ret":
            return None
        if ret.operands and fn.return_type is not Type.VOID:
            if ret.operands[0] is not result or inst.type is not fn.return_type:
                return None
        elif inst.type.is_float:
            return None
        return jump or ret

    def escapes(self) -> bool:
        """Whether the frame may be needed after the function jumps away: a dynamic
        alloca, an alloca's address (or one computed from it) used other than
        to load, store or copy through, or a call of setjmp (a longjmp would
        come back into the frame)."""
        if self.frame_escapes is None:
            users = self.sel.users

            def escapes(value: Instruction) -> bool:
                for user, index in users.get(value.id, []):
                    if (user.opcode, index) in _CONTAINED:
                        continue
                    if user.opcode in ("add", "sub", "bitcast") and user.type is Type.PTR \
                            and not escapes(user):
                        continue
                    return True
                return False
            def returns_twice(inst: Instruction) -> bool:
                callee = inst.operands[0] if inst.operands else None
                return isinstance(callee, GlobalAddress) and callee.name in RETURNS_TWICE
            self.frame_escapes = any(
                inst.opcode == "alloca" and (inst.attributes.get("dynamic") or escapes(inst)) or
                inst.opcode == "call" and returns_twice(inst)
                for block in self.sel.fn.blocks for inst in block.instructions)
        return self.frame_escapes

    def sibling_call(self, callee, args) -> bool:
        """``jmp f`` in place of ``call f; ret``, when that is safe: the callee
        returns in registers and pops nothing (neither does this function), its
        stack arguments fit in the area this function's caller made for our own
        (and nothing points there: no struct or variadic parameters, which live
        in it), no local's address escapes, and it does not return twice."""
        sel = self.sel
        fn = sel.fn
        if isinstance(callee, GlobalAddress):
            if callee.offset or callee.name in sel.ctx.tls or callee.name in RETURNS_TWICE:
                return False
        layout = layout_call([(v.type, agg) for v, agg in args], False, sel.regparm, False)
        if layout.callee_pops or sel.mf.attributes.get("callee_pops") or self.escapes():
            return False
        stack = [(v, loc) for (v, agg), loc in zip(args, layout.arguments) if not loc.regs]
        if stack and (layout.stack_size > self.entry_stack or fn.variadic or
                      any(p.aggregate is not None for p in fn.parameters) or
                      any(agg is not None or v.type.is_float for v, agg in args)):
            return False
        regs = {r for loc in layout.arguments for r in loc.regs}
        if not isinstance(callee, GlobalAddress) and "ecx" in regs:
            return False            # the target goes in ecx, which the epilogue keeps
        # the stack arguments' words, all read before any is stored over a parameter
        words = []
        for v, loc in stack:
            words += list(sel.int64.operands(v)) if v.type is Type.I64 else [sel.source(v)]
        for k, word in enumerate(words):
            if isinstance(word, Memory):
                words[k] = sel.new()
                sel.e("movl", words[k], word)
        for k, word in enumerate(words):
            slot = sel.mf.new_slot(4, 4, f"out{k}")
            slot.offset = 8 + 4 * k
            slot.fixed = True
            sel.e("movl", slot_mem(slot), word)
        target = None
        if not isinstance(callee, GlobalAddress):
            target = sel.reg(callee)
        uses = self.register_arguments(args, layout, [])
        if target is None:
            mi = sel.e("jmp", SymbolRef(callee.name), uses=uses)
        else:
            sel.e("movl", ECX, target)
            mi = sel.e("jmp", Indirect(ECX), uses=uses + ("ecx",))
        mi.kind = "tailcall"
        return True

    def register_arguments(self, args, layout, moves: list) -> tuple:
        """The arguments passed in registers (-mregparm), after ``moves``: every
        source first, then the moves into the fixed registers; the registers used."""
        sel = self.sel
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
        return tuple(reg for reg, _ in moves)

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
        self.push_arguments(args, layout, buffer)
        target = None
        if not isinstance(callee, GlobalAddress) or callee.offset or callee.name in sel.ctx.tls:
            target = sel.reg(callee)
        uses = self.register_arguments(args, layout, [(layout.hidden_reg, sel.reg(buffer))]
                                       if layout.hidden_reg else [])
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

    def push_arguments(self, args, layout, buffer) -> None:
        """The stack arguments pushed, last first, below the padding that keeps the
        stack aligned at the call (``pushl $5`` is 3 bytes in 16-bit code, a
        ``movl`` to the argument area 10): integers, floating values and small
        structs word by word, from their registers, slots or the constant's
        bits; a struct too big for that (or of an odd size, whose last word
        would read past it) is copied into room made for it."""
        sel = self.sel
        sel.e("subl", ESP, CallPadding(layout.stack_size, 0))
        pieces = []
        if layout.hidden_return and layout.hidden_reg is None:
            pieces.append([sel.operand(buffer)])
        for (v, agg), loc in zip(args, layout.arguments):
            if not loc.regs:
                pieces.append(self.argument_words(v, agg, loc.size))
        for piece in reversed(pieces):
            if isinstance(piece, list):
                for word in reversed(piece):
                    sel.e("pushl", word)
            else:
                m, size, area = piece
                sel.e("subl", ESP, imm(area))
                self.copy_aggregate(Memory(base=ESP, displacement=ExprConstant(0)), m, size)

    def argument_words(self, v, agg, size: int):
        """The words of one stack argument, lowest first, or (memory, bytes, area)
        for a struct to be copied."""
        sel = self.sel
        if agg is not None and v.type is Type.PTR:
            m = sel.mem(v)
            if agg.size % 4 or agg.size > PUSHED_STRUCT:
                return (m, agg.size, size)
            return [offset_mem(m, 4 * k) for k in range(agg.size // 4)]
        if v.type is Type.I64:
            return list(sel.int64.operands(v))
        if v.type.is_float:
            if isinstance(v, (Constant, Undef)):
                data = float_bytes(v).ljust(size, b"\0")
                return [imm(signed(int.from_bytes(data[k:k + 4], "little"), 32))
                        for k in range(0, size, 4)]
            m = sel.floats.mem_of(v)
            return [offset_mem(m, 4 * k) for k in range(size // 4)]
        return [sel.source(v)]

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

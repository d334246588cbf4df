"""Calls, parameters, returns, variable arguments and inline asm for x86-64.

Everything here follows abi.py's layout.  A call is selected as: stack
space for the stack arguments (rounded to 16 so rsp stays aligned), the
stack arguments stored at 0(%rsp) upwards, then the register arguments
moved into rdi.../xmm0... (fixed physical registers: the allocator keeps
other values out of them until the call), %al for a variadic callee, the
``call`` itself -- which clobbers every caller-saved register -- and the
result copied out of rax/rdx/xmm0/xmm1/st(0).  Aggregates in registers are
moved eightbyte by eightbyte; one whose size is not a multiple of 8 is first
copied to a 16-byte temporary so no load reads past its end.

Parameters arrive the same way in reverse (``prologue``); a variadic
function also saves all six general and eight vector argument registers in
a 176-byte register save area, which ``va_start`` points the va_list at::

    typedef struct { unsigned gp_offset, fp_offset;
                     void *overflow_arg_area, *reg_save_area; } va_list[1];
"""

from __future__ import annotations


from ...ir import Aggregate, Constant, GlobalAddress, Instruction, Type
from .. import asm_template
from ..mir import MachineInstr
from .abi import (COMPLEX_X87, INTEGER, MEMORY, SSE, SSEUP, X87, X87UP, argument_size, classify,
                  layout_call, return_registers, stack_alignment)
from .isel import (BITS, SUFFIX, ExprConstant, Immediate, Memory, Register, RSP, SymbolRef,
                   imm, offset_mem, slot_mem, signed)
from .operands import FLOAT_MOVE
from .registers import CALLER_SAVED, gp_name, key_of

_ABI_GP = ("rdi", "rsi", "rdx", "rcx", "r8", "r9")


def _reg(name: str, bits: int) -> Register:
    if name.startswith("xmm"):
        return Register(name)
    return Register(gp_name(key_of(name), bits))


class CallSelection:
    def __init__(self, sel):
        self.sel = sel
        self.hidden = None               # the hidden return pointer (a VReg)
        self.save_area = None
        self.entry_gp = 0
        self.entry_sse = 0
        self.entry_stack = 0

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- helpers -----------------------------------------------------------------------
    def readable(self, m: Memory, size: int) -> Memory:
        """Memory whose eightbytes may be read whole: ``m`` itself, or a copy."""
        if size % 8 == 0:
            return m
        slot = self.sel.mf.new_slot(16 * ((size + 15) // 16), 16, "agg")
        self.sel.copy_bytes(slot_mem(slot), m, size)
        return slot_mem(slot)

    def store_partial(self, reg: Register, cls: str, m: Memory, n: int) -> None:
        """Store the low n bytes of an eightbyte register."""
        sel = self.sel
        if cls == SSE:
            if n >= 8:
                sel.e("movsd", m, reg)
            else:
                sel.e("movss", m, reg)
            return
        if n >= 8:
            sel.e("movq", m, reg)
            return
        t = sel.new()
        sel.e("movq", t, reg)
        offset = 0
        for chunk, bits in ((4, 32), (2, 16), (1, 8)):
            if n - offset >= chunk:
                sel.e("mov" + SUFFIX[bits], offset_mem(m, offset), t.width(bits))
                offset += chunk
                if offset < n:
                    sel.e("shrq", t, imm(chunk * 8))

    def eightbytes_in(self, regs, m: Memory) -> list[str]:
        """Load an aggregate's eightbytes from ``m`` into their registers; the registers."""
        used = []
        for i, (reg, cls) in enumerate(regs):
            wide = i + 1 < len(regs) and regs[i + 1][1] == SSEUP
            if cls == INTEGER:
                self.sel.e("movq", Register(reg), offset_mem(m, 8 * i))
            elif cls == SSE:
                self.sel.e("movups" if wide else "movsd", Register(reg), offset_mem(m, 8 * i))
            else:
                continue                        # SSEUP came with its SSE; NO_CLASS: padding
            used.append(reg)
        return used

    def eightbytes_out(self, regs, m: Memory, size: int) -> None:
        """Store an aggregate's eightbytes from their registers to ``m`` (``size`` bytes:
        the last eightbyte may be partial)."""
        for i, (reg, cls) in enumerate(regs):
            wide = i + 1 < len(regs) and regs[i + 1][1] == SSEUP
            if cls == SSE and wide:
                self.sel.e("movups", offset_mem(m, 8 * i), Register(reg))
            elif cls in (INTEGER, SSE):
                self.store_partial(Register(reg), cls, offset_mem(m, 8 * i),
                                   min(8, size - 8 * i))

    # --- the prologue -----------------------------------------------------------------
    def prologue(self) -> None:
        sel = self.sel
        fn = sel.fn
        args = [(p.type, p.aggregate) for p in fn.parameters]
        ret = (fn.return_type, fn.return_aggregate) if fn.return_aggregate else None
        layout = layout_call(args, ret)
        if layout.hidden_return:
            self.hidden = sel.new()
            sel.e("movq", self.hidden, Register("rdi"))
        for p, loc in zip(fn.parameters, layout.arguments):
            if not loc.regs and not loc.on_stack:        # a zero-size struct: nothing passed
                sel.addresses[p] = sel.mf.new_slot(8, max(p.aggregate.alignment, 8),
                                                   f"p{p.index}")
                continue
            if loc.regs:
                if p.aggregate is not None:
                    slot = sel.mf.new_slot(8 * len(loc.regs), max(p.aggregate.alignment, 8),
                                           f"p{p.index}")
                    self.eightbytes_out(loc.regs, slot_mem(slot), 8 * len(loc.regs))
                    sel.addresses[p] = slot
                elif p.type is Type.I128:
                    lo, hi = sel.dest(p)
                    sel.e("movq", lo, Register(loc.regs[0][0]))
                    sel.e("movq", hi, Register(loc.regs[1][0]))
                elif p.type.is_float:
                    sel.e("movaps", sel.dest(p), Register(loc.regs[0][0]))
                else:
                    bits = 64 if BITS[p.type] == 64 else 32
                    sel.e("mov" + SUFFIX[bits], sel.dest(p).width(bits),
                          _reg(loc.regs[0][0], bits))
                continue
            slot = sel.mf.new_slot(loc.size, 8, f"in{p.index}")
            slot.offset = 16 + loc.stack_offset
            slot.fixed = True
            if p.aggregate is not None:
                sel.addresses[p] = slot
            elif p.type is Type.F80:
                sel.floats.slots[p] = slot
            elif p.type is Type.I128:
                lo, hi = sel.dest(p)
                sel.e("movq", lo, slot_mem(slot))
                sel.e("movq", hi, slot_mem(slot, 8))
            elif p.type.is_float:
                sel.e(FLOAT_MOVE[p.type], sel.dest(p), slot_mem(slot))
            else:
                bits = BITS[p.type]
                d = sel.dest(p)
                if bits < 32:
                    sel.e("movzbl" if bits == 8 else "movzwl", d.width(32), slot_mem(slot))
                else:
                    sel.e("mov" + SUFFIX[bits], d, slot_mem(slot))
        self.entry_gp, self.entry_sse, self.entry_stack = (layout.gp_used, layout.sse_used,
                                                           layout.stack_size)
        if fn.variadic:
            area = self.save_area = sel.mf.new_slot(176, 16, "regsave")
            for i, reg in enumerate(_ABI_GP):
                sel.e("movq", slot_mem(area, 8 * i), Register(reg))
            for i in range(8):
                sel.e("movaps", slot_mem(area, 48 + 16 * i), Register(f"xmm{i}"))

    # --- returns -----------------------------------------------------------------------
    def ret(self, inst: Instruction) -> None:
        sel = self.sel
        fn = sel.fn
        uses: list[str] = []
        if inst.operands and fn.return_type is not Type.VOID:
            v = inst.operands[0]
            agg = fn.return_aggregate
            if agg is not None:
                where = return_registers(Type.PTR, agg)
                src = sel.mem(v)
                if where == "memory":
                    dst = Memory(base=self.hidden, displacement=ExprConstant(0))
                    self.copy_aggregate(dst, src, agg.size)
                    sel.e("movq", Register("rax"), self.hidden)
                    uses.append("rax")
                elif where == "x87":
                    sel.e("fldt", src)
                elif where == "complex_x87":            # %st0 the real part, %st1 the imaginary
                    sel.e("fldt", offset_mem(src, agg.size // 2))
                    sel.e("fldt", src)
                elif where:
                    uses += self.eightbytes_in(where, self.readable(src, agg.size))
            elif v.type is Type.I128:
                lo, hi = sel.pair(v)
                sel.e("movq", Register("rax"), lo)
                sel.e("movq", Register("rdx"), hi)
                uses += ["rax", "rdx"]
            elif v.type is Type.F80:
                sel.e("fldt", sel.floats.mem_f80(v))
            elif v.type.is_float:
                sel.e("movaps", Register("xmm0"), sel.reg(v))
                uses.append("xmm0")
            else:
                bits = 64 if BITS[v.type] == 64 else 32
                o = sel.operand(v, bits)
                sel.e("mov" + SUFFIX[bits], Register("rax" if bits == 64 else "eax"), o)
                uses.append("rax")
        mi = sel.e("ret", uses=tuple(uses))
        mi.kind = "ret"

    def copy_aggregate(self, dst: Memory, src: Memory, size: int) -> None:
        sel = self.sel
        if size <= 128:
            sel.copy_bytes(dst, src, size)
            return
        d, s = sel.new(), sel.new()
        sel.e("leaq", d, dst)
        sel.e("leaq", s, src)
        sel.e("movq", Register("rdi"), d)
        sel.e("movq", Register("rsi"), s)
        sel.e("movl", Register("ecx"), imm(size))
        sel.e("movsb", prefixes=("rep",), uses=("rdi", "rsi", "rcx"),
              defs=("rdi", "rsi", "rcx"))

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
                  bool(attrs.get("variadic")))

    def runtime_call(self, name: str, inst: Instruction, operands: list) -> None:
        self.call(GlobalAddress(name), [(v, None) for v in operands], inst, None, None, False)

    def call(self, callee, args, inst, ret_agg: Aggregate | None, buffer, variadic: bool):
        sel = self.sel
        ret_type = inst.type if ret_agg is None else Type.VOID
        layout = layout_call([(v.type, agg) for v, agg in args],
                             (Type.PTR, ret_agg) if ret_agg is not None else None)
        align = layout.stack_alignment
        stack = (layout.stack_size + align - 1) // align * align
        saved_rsp = None
        if align > 16:                  # an over-aligned stack argument: align %rsp for it
            saved_rsp = sel.new()
            sel.e("movq", saved_rsp, RSP)
            sel.e("andq", RSP, imm(-align))
        if stack:
            sel.e("subq", RSP, imm(stack))
        # stack arguments first (they may use rdi/rsi/rcx for copies)
        for (v, agg), loc in zip(args, layout.arguments):
            if not loc.on_stack:
                continue
            m = Memory(base=RSP, displacement=ExprConstant(loc.stack_offset))
            if agg is not None:
                self.copy_aggregate(m, sel.mem(v), agg.size)
            elif v.type is Type.F80:
                sel.floats.store_f80(v, m)
            elif v.type is Type.I128:
                lo, hi = sel.pair(v)
                sel.e("movq", m, lo)
                sel.e("movq", offset_mem(m, 8), hi)
            elif v.type.is_float:
                sel.e(FLOAT_MOVE[v.type], m, sel.reg(v))
            else:
                bits = 64 if BITS[v.type] == 64 else 32
                sel.e("mov" + SUFFIX[bits], m, sel.operand(v, bits))
        target = None
        if not isinstance(callee, GlobalAddress) or callee.offset or callee.name in sel.ctx.tls:
            target = sel.reg(callee, 64)
        # register arguments: their sources first (copies of odd-sized aggregates
        # use registers), then the moves into the argument registers
        sources = []
        for (v, agg), loc in zip(args, layout.arguments):
            if not loc.regs:
                continue
            if agg is not None:
                sources.append((loc, self.readable(sel.mem(v), agg.size), "agg"))
            elif v.type is Type.I128:
                sources.append((loc, sel.pair(v), "pair"))
            elif v.type.is_float:
                sources.append((loc, sel.reg(v), "xmm"))
            else:
                bits = 64 if BITS[v.type] == 64 else 32
                sources.append((loc, sel.operand(v, bits), bits))
        uses: list[str] = []
        if layout.hidden_return:
            b = sel.reg(buffer, 64)
            sel.e("movq", Register("rdi"), b)
            uses.append("rdi")
        for loc, src, kind in sources:
            if kind == "agg":
                uses += self.eightbytes_in(loc.regs, src)
            elif kind == "pair":
                sel.e("movq", Register(loc.regs[0][0]), src[0])
                sel.e("movq", Register(loc.regs[1][0]), src[1])
                uses += [loc.regs[0][0], loc.regs[1][0]]
            elif kind == "xmm":
                sel.e("movaps", Register(loc.regs[0][0]), src)
                uses.append(loc.regs[0][0])
            else:
                sel.e("mov" + SUFFIX[kind], _reg(loc.regs[0][0], kind), src)
                uses.append(loc.regs[0][0])
        if variadic:
            sel.e("movl", Register("eax"), imm(layout.sse_used))
            uses.append("rax")
        if target is None:
            sel.e("call", SymbolRef(callee.name), uses=tuple(uses), defs=CALLER_SAVED)
        else:
            from .isel import Indirect
            sel.e("call", Indirect(target), uses=tuple(uses), defs=CALLER_SAVED)
        if saved_rsp is not None:
            sel.e("movq", RSP, saved_rsp)
        elif stack:
            sel.e("addq", RSP, imm(stack))
        # the result
        if ret_agg is not None:
            where = return_registers(Type.PTR, ret_agg)
            if where == "x87":
                sel.e("fstpt", sel.mem(buffer))
            elif where == "complex_x87":
                m = sel.mem(buffer)
                sel.e("fstpt", m)
                sel.e("fstpt", offset_mem(m, ret_agg.size // 2))
            elif where != "memory":
                self.eightbytes_out(where, sel.mem(buffer), ret_agg.size)
            if inst.type is not Type.VOID:
                sel.copy_value(buffer, sel.dest(inst), inst.type)
            return
        if ret_type is Type.VOID:
            return
        if ret_type is Type.I128:
            lo, hi = sel.dest(inst)
            sel.e("movq", lo, Register("rax"))
            sel.e("movq", hi, Register("rdx"))
        elif ret_type is Type.F80:
            sel.e("fstpt", sel.floats.mem_f80(inst))
        elif ret_type.is_float:
            sel.e("movaps", sel.dest(inst), Register("xmm0"))
        else:
            bits = 64 if BITS[ret_type] == 64 else 32
            sel.e("mov" + SUFFIX[bits], sel.dest(inst).width(bits),
                  Register("rax" if bits == 64 else "eax"))

    # --- variable arguments ---------------------------------------------------------------
    def op_va_start(self, inst: Instruction) -> None:
        sel = self.sel
        m = sel.mem(inst.operands[0])
        sel.e("movl", m, imm(8 * self.entry_gp))
        sel.e("movl", offset_mem(m, 4), imm(48 + 16 * self.entry_sse))
        t = sel.new()
        sel.e("leaq", t, Memory(base=Register("rbp"),
                                displacement=ExprConstant(16 + self.entry_stack)))
        sel.e("movq", offset_mem(m, 8), t)
        t2 = sel.new()
        sel.e("leaq", t2, slot_mem(self.save_area))
        sel.e("movq", offset_mem(m, 16), t2)

    def op_va_end(self, inst: Instruction) -> None:
        pass

    def op_va_copy(self, inst: Instruction) -> None:
        sel = self.sel
        sel.copy_bytes(sel.mem(inst.operands[0]), sel.mem(inst.operands[1]), 24)

    def op_va_arg(self, inst: Instruction) -> None:
        """The address of the next argument, then the value loaded from it."""
        sel = self.sel
        ap = sel.reg(inst.operands[0], 64)
        agg = inst.attributes.get("aggregate")
        ty = inst.type
        scalar = Type.I64 if agg is None and not ty.is_float and ty is not Type.I128 else ty
        classes = classify(scalar, agg)
        size, align = argument_size(scalar, agg), stack_alignment(scalar, agg)
        address = sel.new()
        ap_mem = Memory(base=ap, displacement=ExprConstant(0))
        if not classes:                     # a zero-size struct: nothing was passed
            sel.e("movq", address, offset_mem(ap_mem, 8))
            sel.e("movq", sel.dest(inst), address)
            return
        if any(c in (MEMORY, X87, X87UP, COMPLEX_X87) for c in classes):
            classes = [MEMORY]
        join = sel.new_block()
        stack_block = sel.new_block()
        n_gp, n_sse = classes.count(INTEGER), classes.count(SSE)
        if MEMORY not in classes:
            gp_off, fp_off = sel.new(32), sel.new(32)
            if n_gp:
                sel.e("movl", gp_off, ap_mem)
                sel.e("cmpl", gp_off, imm(48 - 8 * n_gp))
                sel.jump("a", stack_block)
            if n_sse:
                sel.e("movl", fp_off, offset_mem(ap_mem, 4))
                sel.e("cmpl", fp_off, imm(176 - 16 * n_sse))
                sel.jump("a", stack_block)
            regs_block = sel.new_block()
            sel.jump(None, regs_block)
            sel.start(regs_block)
            save = sel.new()
            sel.e("movq", save, offset_mem(ap_mem, 16))
            if n_gp + n_sse == 1 or (n_sse == 0 and agg is None):
                off = gp_off if n_gp else fp_off    # one register, or a scalar's pair
                wide = sel.new()
                sel.e("movl", wide.width(32), off)
                sel.e("leaq", address, Memory(base=save, index=wide, scale=1))
            else:
                # mixed or split: gather the eightbytes into a temporary
                slot = sel.mf.new_slot(16, 16, "vaarg")
                sel.e("leaq", address, slot_mem(slot))
                g, f = 0, 0
                for i, c in enumerate(classes):
                    if c not in (INTEGER, SSE):     # NO_CLASS padding
                        continue
                    src = sel.new()
                    wide = sel.new()
                    sel.e("movl", wide.width(32), gp_off if c == INTEGER else fp_off)
                    sel.e("leaq", src, Memory(base=save, index=wide, scale=1,
                                              displacement=ExprConstant(8 * g if c == INTEGER
                                                                        else 16 * f)))
                    t = sel.new()
                    sel.e("movq", t, Memory(base=src, displacement=ExprConstant(0)))
                    sel.e("movq", slot_mem(slot, 8 * i), t)
                    if c == INTEGER:
                        g += 1
                    else:
                        f += 1
            if n_gp:
                sel.e("addl", ap_mem, imm(8 * n_gp))
            if n_sse:
                sel.e("addl", offset_mem(ap_mem, 4), imm(16 * n_sse))
            sel.jump(None, join)
        else:
            sel.jump(None, stack_block)
        sel.start(stack_block)
        sel.e("movq", address, offset_mem(ap_mem, 8))
        if align > 8:
            sel.e("addq", address, imm(align - 1))
            sel.e("andq", address, imm(-align))
        nxt = sel.new()
        sel.e("leaq", nxt, Memory(base=address, displacement=ExprConstant((size + 7) // 8 * 8)))
        sel.e("movq", offset_mem(ap_mem, 8), nxt)
        sel.jump(None, join)
        sel.start(join)
        m = Memory(base=address, displacement=ExprConstant(0))
        if agg is not None:
            sel.e("movq", sel.dest(inst), address)
        elif ty is Type.F80:
            sel.floats.load_f80(m, sel.dest(inst))
        elif ty is Type.I128:
            lo, hi = sel.dest(inst)
            sel.e("movq", lo, m)
            sel.e("movq", hi, offset_mem(m, 8))
        elif ty.is_float:
            sel.e(FLOAT_MOVE[ty], sel.dest(inst), m)
        else:
            bits = BITS[ty]
            sel.e("mov" + SUFFIX[bits], sel.dest(inst), m)

    # --- inline asm ---------------------------------------------------------------------
    def op_asm(self, inst: Instruction) -> None:
        """GNU inline asm: every register operand gets a fixed physical register,
        inputs are moved in before, outputs moved out and stored after."""
        sel = self.sel
        a = inst.attributes
        outputs = list(a.get("outputs", []))
        inputs = list(a.get("inputs", []))
        clobbers = [c.lstrip("%") for c in a.get("clobbers", []) if c not in ("memory", "cc")]
        out_types = [Type(t) if isinstance(t, str) else t
                     for t in a.get("output_types", [])] or [Type.I64] * len(outputs)
        in_values = inst.operands[:len(inputs)]
        out_addrs = inst.operands[len(inputs):len(inputs) + len(outputs)]
        fixed = {"a": "rax", "b": "rbx", "c": "rcx", "d": "rdx", "S": "rsi", "D": "rdi"}
        taken = {key_of(c) for c in clobbers if key_of(c) is not None}
        for c in outputs + inputs:
            for letter, reg in fixed.items():
                if letter in c.lstrip("=+&") and not any(ch in c for ch in "rgq"):
                    taken.add(key_of(reg))
        gp_pool = [r for r in ("rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9")
                   if key_of(r) not in taken]
        xmm_pool = [f"xmm{i}" for i in range(14) if key_of(f"xmm{i}") not in taken]

        def pick(constraint: str) -> str:
            body = constraint.lstrip("=+&")
            for letter, reg in fixed.items():
                if letter in body and not any(ch in body for ch in "rgq"):
                    return reg
            if "x" in body:
                return xmm_pool.pop(0)
            return gp_pool.pop(0)

        ops: list = [None] * (len(outputs) + len(inputs))
        before: list = []
        after: list = []
        uses: set[str] = set()
        defs: set[str] = set(clobbers)
        for i, (c, addr, ty) in enumerate(zip(outputs, out_addrs, out_types)):
            bits = BITS.get(ty, 64)
            if "m" in c and "r" not in c:
                reg = pick("r")
                before.append(("addr", reg, addr))
                uses.add(reg)
                ops[i] = Memory(base=Register(reg), displacement=ExprConstant(0))
                continue
            reg = pick(c)
            defs.add(reg)
            ops[i] = _reg(reg, bits) if not reg.startswith("xmm") else Register(reg)
            if "+" in c:
                before.append(("load", reg, addr, ty))
                uses.add(reg)
            after.append((reg, addr, ty))
        for j, (c, v) in enumerate(zip(inputs, in_values)):
            i = len(outputs) + j
            body = c.lstrip("=+&")
            bits = BITS.get(v.type, 64)
            if body.isdigit():
                reg_op = ops[int(body)]
                name = reg_op.name
                full = "xmm" if name.startswith("xmm") else gp_name(key_of(name), 64)
                before.append(("value", full, v))
                uses.add(full)
                ops[i] = _reg(full, bits) if not full.startswith("xmm") else Register(full)
                continue
            if any(ch in body for ch in "inIJKLMNOPsE") and isinstance(v, (Constant,
                                                                            GlobalAddress)):
                if isinstance(v, Constant):
                    ops[i] = imm(signed(int(v.value), max(bits, 8)))
                else:
                    ops[i] = Immediate(SymbolRef(v.name))
                continue
            if "m" in body and not any(ch in body for ch in "rgqabcdSDx"):
                # a memory-only input is its address (lowering's convention)
                reg = pick("r")
                before.append(("addr", reg, v))
                uses.add(reg)
                ops[i] = Memory(base=Register(reg), displacement=ExprConstant(0))
                continue
            reg = pick(body)
            before.append(("value", reg, v))
            uses.add(reg)
            ops[i] = _reg(reg, bits) if not reg.startswith("xmm") else Register(reg)
        # sources in virtual registers first, then the moves into the fixed ones
        moves = []
        for item in before:
            if item[0] == "addr":
                moves.append((item[1], sel.reg(item[2], 64), 64))
            elif item[0] == "load":
                _, reg, addr, ty = item
                if ty.is_float:
                    t = sel.new(128, "xmm")
                    sel.e(FLOAT_MOVE[ty], t, sel.mem(addr))
                    moves.append((reg, t, 128))
                else:
                    bits = max(BITS.get(ty, 64), 32)
                    t = sel.new(bits)
                    if BITS.get(ty, 64) < 32:
                        sel.e("movzbl" if BITS[ty] == 8 else "movzwl", t.width(32), sel.mem(addr))
                    else:
                        sel.e("mov" + SUFFIX[bits], t, sel.mem(addr))
                    moves.append((reg, t, bits))
            else:
                _, reg, v = item
                if v.type.is_float:
                    moves.append((reg, sel.reg(v), 128))
                else:
                    bits = 64 if BITS.get(v.type, 64) == 64 else 32
                    moves.append((reg, sel.operand(v, bits), bits))
        for reg, src, bits in moves:
            if reg.startswith("xmm"):
                sel.e("movaps", Register(reg), src)
            else:
                sel.e("mov" + SUFFIX[bits], _reg(reg, bits), src)
        sel.ctx.labels += 1
        mi = MachineInstr("", tuple(ops), kind="asm", text=a.get("template", ""), roles=(),
                          implicit_uses=tuple(sorted(uses)),
                          implicit_defs=tuple(sorted(d for d in defs if key_of(d) is not None)),
                          info={"names": list(a.get("output_names", [])) +
                                list(a.get("input_names", [])), "unique": sel.ctx.labels})
        sel.block.instrs.append(mi)
        for reg, addr, ty in after:
            if ty.is_float:
                t = sel.new(128, "xmm")
                sel.e("movaps", t, Register(reg))
                sel.e(FLOAT_MOVE[ty], sel.mem(addr), t)
            else:
                bits = BITS.get(ty, 64)
                t = sel.new(max(bits, 8))
                sel.e("mov" + SUFFIX[max(bits, 32)], t.width(max(bits, 32)), _reg(reg, max(bits, 32)))
                sel.e("mov" + SUFFIX[max(bits, 8)], sel.mem(addr), t.width(max(bits, 8)))


def substitute(template: str, ops: list, info: dict, operand_text) -> str:
    """Replace %0, %[name], %k1, %%, %= in an asm template by the operands' AT&T
    text (asm_template.py; the modifiers are GCC's x86 ones)."""
    return asm_template.substitute(template, ops, info, operand_text, "kqwbhcPlna")

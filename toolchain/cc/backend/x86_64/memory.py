"""Memory instruction selection for x86-64: alloca, load, store, memcpy, memset,
stacksave and stackrestore (rsp copied out and back, around VLA scopes).

A static alloca is a frame slot (set up before selection in isel.py); a
dynamic one moves rsp down by the size rounded to 16.  Loads of i8/i16 zero
extend into a 32-bit register.  Small constant-size memcpy/memset expand to
moves of 8, 4, 2 and 1 bytes; others use ``rep movsb`` / ``rep stosb``.
"""

from __future__ import annotations

from ...ir import Constant, Instruction, Type
from .operands import BITS, FLOAT_MOVE, SUFFIX, ExprConstant, Memory, Register, RSP, imm, offset_mem


class MemorySelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    # --- memory ---------------------------------------------------------------------
    def op_alloca(self, inst: Instruction) -> None:
        if inst in self.addresses:
            return
        size = self.reg(inst.operands[0], 64) if BITS.get(inst.operands[0].type) == 64 else \
            self.extend(inst.operands[0], False, 64)
        align = max(int(inst.attributes.get("alignment", 16)), 16)
        t = self.new()
        self.e("leaq", t, Memory(base=size, displacement=ExprConstant(15)))
        self.e("andq", t, imm(-16))
        self.e("subq", RSP, t)
        if align > 16:
            self.e("andq", RSP, imm(-align))
        self.e("movq", self.dest(inst), RSP)
        self.mf.attributes["dynamic_alloca"] = True

    def op_stacksave(self, inst: Instruction) -> None:
        self.e("movq", self.dest(inst), RSP)

    def op_stackrestore(self, inst: Instruction) -> None:
        # frees the dynamic allocas made since the save; the frame is rbp-based
        self.e("movq", RSP, self.reg(inst.operands[0], 64))
        self.mf.attributes["dynamic_alloca"] = True

    def op_load(self, inst: Instruction) -> None:
        m = self.mem(inst.operands[0])
        ty = inst.type
        if ty is Type.I128:
            dl, dh = self.dest(inst)
            self.e("movq", dl, m)
            self.e("movq", dh, offset_mem(m, 8))
        elif ty is Type.F80:
            self.floats.load_f80(m, self.dest(inst))
        elif ty.is_float:
            self.e(FLOAT_MOVE[ty], self.dest(inst), m)
        else:
            bits = BITS[ty]
            d = self.dest(inst)
            if ty in (Type.I8, Type.I1):
                self.e("movzbl", d.width(32), m)
            elif bits == 16:
                self.e("movzwl", d.width(32), m)
            else:
                self.e("mov" + SUFFIX[bits], d, m)

    def op_store(self, inst: Instruction) -> None:
        value, address = inst.operands
        m = self.mem(address)
        ty = value.type
        if ty is Type.I128:
            lo, hi = self.pair(value)
            self.e("movq", m, lo)
            self.e("movq", offset_mem(m, 8), hi)
        elif ty is Type.F80:
            self.floats.store_f80(value, m)
        elif ty.is_float:
            self.e(FLOAT_MOVE[ty], m, self.reg(value))
        else:
            bits = 8 if ty is Type.I1 else BITS[ty]
            self.e("mov" + SUFFIX[bits], m, self.operand(value, bits))

    def copy_bytes(self, dst: Memory, src: Memory, size: int) -> None:
        """Copy ``size`` bytes between two memory operands through a register."""
        offset = 0
        for chunk, mn, bits in ((8, "movq", 64), (4, "movl", 32), (2, "movw", 16),
                                (1, "movb", 8)):
            while size - offset >= chunk:
                t = self.new(bits)
                self.e(mn, t, offset_mem(src, offset))
                self.e(mn, offset_mem(dst, offset), t)
                offset += chunk

    def op_memcpy(self, inst: Instruction) -> None:
        dst, src, size = inst.operands
        if isinstance(size, Constant) and int(size.value) <= 128:
            self.copy_bytes(self.mem(dst), self.mem(src), int(size.value))
            return
        d, s, n = self.reg(dst, 64), self.reg(src, 64), self.reg(size, 64)
        self.e("movq", Register("rdi"), d)
        self.e("movq", Register("rsi"), s)
        self.e("movq", Register("rcx"), n)
        self.e("movsb", prefixes=("rep",), uses=("rdi", "rsi", "rcx"),
               defs=("rdi", "rsi", "rcx"))

    def op_memset(self, inst: Instruction) -> None:
        dst, value, size = inst.operands
        if isinstance(size, Constant) and int(size.value) <= 128:
            n = int(size.value)
            if isinstance(value, Constant):
                pattern = self.const_int((int(value.value) & 0xFF) * 0x0101010101010101, 64)
            else:
                pattern = self.new()
                self.e("movzbl", pattern.width(32), self.reg(value, 8))
                ones = self.const_int(0x0101010101010101, 64)
                self.e("imulq", pattern, ones)
            m = self.mem(dst)
            offset = 0
            for chunk, bits in ((8, 64), (4, 32), (2, 16), (1, 8)):
                while n - offset >= chunk:
                    self.e("mov" + SUFFIX[bits], offset_mem(m, offset), pattern.width(bits))
                    offset += chunk
            return
        d, n = self.reg(dst, 64), self.reg(size, 64)
        v = self.reg(value, 8) if value.type is not Type.I32 else self.reg(value, 32)
        self.e("movq", Register("rdi"), d)
        self.e("movq", Register("rcx"), n)
        self.e("movzbl" if v.bits == 8 else "movl", Register("eax"), v)
        self.e("stosb", prefixes=("rep",), uses=("rdi", "rax", "rcx"), defs=("rdi", "rcx"))


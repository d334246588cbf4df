"""Loads, stores, block copies and the stack pointer for the i386 selector.

Narrow loads zero-extend (``movzbl``/``movzwl``); a byte store goes
through %al (a virtual register is never an 8-bit operand, see
registers.py), a 16-bit one through the register's 16-bit name, which
every i386 register has.  Copies of known small size are unrolled through
temporaries; others use ``rep movsb``/``rep stosb``, whose fixed registers
are loaded ecx first and esi last: esi and edi are the spill scratch
registers, and a reload for a later move would clobber them.
"""

from __future__ import annotations

from ...ir import Constant, Instruction, Type
from .operands import (AL, EAX, ECX, EDI, ESI, ESP, ExprConstant, Memory, imm,
                       offset_mem)


class MemorySelection:
    def op_alloca(self, inst: Instruction) -> None:
        if inst in self.addresses:
            return
        size = self.reg(inst.operands[0])
        align = max(int(inst.attributes.get("alignment", 16)), 16)
        t = self.new()
        self.e("leal", t, Memory(base=size, displacement=ExprConstant(15)))
        self.e("andl", t, imm(-16))
        self.e("subl", ESP, t)
        if align > 16:
            self.e("andl", ESP, imm(-align))
        self.e("movl", self.dest(inst), ESP)
        self.mf.attributes["dynamic_alloca"] = True

    def op_stacksave(self, inst: Instruction) -> None:
        self.e("movl", self.dest(inst), ESP)

    def op_stackrestore(self, inst: Instruction) -> None:
        self.e("movl", ESP, self.reg(inst.operands[0]))

    def op_load(self, inst: Instruction) -> None:
        m = self.mem(inst.operands[0])
        ty = inst.type
        if ty.is_float:
            return self.floats.load(m, self.dest(inst))
        d = self.dest(inst)
        if ty in (Type.I8, Type.I1):
            self.e("movzbl", d, m)
        elif ty is Type.I16:
            self.e("movzwl", d, m)
        else:
            self.e("movl", d, m)

    def op_store(self, inst: Instruction) -> None:
        value, address = inst.operands
        ty = value.type
        if ty.is_float:
            return self.floats.store(value, self.mem(address))
        if ty in (Type.I8, Type.I1):
            src = self.byte_register(value)
            self.e("movb", self.mem(address), src)
        elif ty is Type.I16:
            o = self.operand(value)
            self.e("movw", self.mem(address), o.width(16) if hasattr(o, "width") else o)
        else:
            o = self.operand(value)
            self.e("movl", self.mem(address), o)

    def copy_bytes(self, dst: Memory, src: Memory, size: int) -> None:
        """Copy ``size`` bytes between two memory operands through registers."""
        offset = 0
        while size - offset >= 4:
            t = self.new()
            self.e("movl", t, offset_mem(src, offset))
            self.e("movl", offset_mem(dst, offset), t)
            offset += 4
        if size - offset >= 2:
            t = self.new()
            self.e("movw", t.width(16), offset_mem(src, offset))
            self.e("movw", offset_mem(dst, offset), t.width(16))
            offset += 2
        if size - offset >= 1:
            self.e("movb", AL, offset_mem(src, offset))
            self.e("movb", offset_mem(dst, offset), AL)

    def op_memcpy(self, inst: Instruction) -> None:
        dst, src, size = inst.operands
        if isinstance(size, Constant) and int(size.value) <= 128:
            self.copy_bytes(self.mem(dst), self.mem(src), int(size.value))
            return
        d, s, n = self.reg(dst), self.reg(src), self.reg(size)
        self.rep_movsb(d, s, n)

    def rep_movsb(self, d, s, n) -> None:
        """``rep movsb`` from the address in s to the one in d, n bytes (VRegs or an
        immediate count)."""
        self.e("movl", ECX, n)
        self.e("movl", EDI, d)
        self.e("movl", ESI, s)
        self.e("movsb", prefixes=("rep",), uses=("edi", "esi", "ecx"),
               defs=("edi", "esi", "ecx"))

    def op_memset(self, inst: Instruction) -> None:
        dst, value, size = inst.operands
        if isinstance(size, Constant) and int(size.value) <= 64:
            n = int(size.value)
            m = self.mem(dst)
            if isinstance(value, Constant):
                pattern = self.const_int((int(value.value) & 0xFF) * 0x01010101)
            else:
                pattern = self.new()
                self.e("movl", pattern, self.reg(value))
                self.e("andl", pattern, imm(0xFF))
                self.e("imull", pattern, pattern, imm(0x01010101))
            offset = 0
            while n - offset >= 4:
                self.e("movl", offset_mem(m, offset), pattern)
                offset += 4
            if n - offset >= 2:
                self.e("movw", offset_mem(m, offset), pattern.width(16))
                offset += 2
            if n - offset >= 1:
                self.e("movl", EAX, pattern)
                self.e("movb", offset_mem(m, offset), AL)
            return
        d, n = self.reg(dst), self.reg(size)
        v = self.reg(value)
        self.e("movl", ECX, n)
        self.e("movl", EAX, v)
        self.e("movl", EDI, d)
        self.e("stosb", prefixes=("rep",), uses=("edi", "eax", "ecx"), defs=("edi", "ecx"))

"""Memory instruction selection for AArch64: alloca, load, store, memcpy, memset,
stacksave and stackrestore.

A static alloca is a frame slot (isel.py); a dynamic one moves sp down by
the size rounded to 16 (sp must stay 16-byte aligned).  Loads of i8/i16
zero extend (``ldrb``/``ldrh``); stores of zero use the zero register.
Small constant-size memcpy/memset expand to moves of 8, 4, 2 and 1 bytes;
others call ``memcpy``/``memset``, as GCC does.
"""

from __future__ import annotations

from ...ir import Constant, Instruction, Type
from .operands import BITS, SP, WIDTH, WZR, XZR, Memory, imm, offset_mem

LOAD = {Type.I1: "ldrb", Type.I8: "ldrb", Type.I16: "ldrh", Type.I32: "ldr", Type.I64: "ldr",
        Type.PTR: "ldr"}
STORE = {Type.I1: "strb", Type.I8: "strb", Type.I16: "strh", Type.I32: "str", Type.I64: "str",
         Type.PTR: "str"}
_CHUNKS = ((8, "ldr", "str", 64), (4, "ldr", "str", 32), (2, "ldrh", "strh", 32),
           (1, "ldrb", "strb", 32))


class MemorySelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def op_alloca(self, inst: Instruction) -> None:
        if not inst.attributes.get("dynamic"):     # a frame slot (isel.py)
            return
        size = self.reg(inst.operands[0], 64) if BITS.get(inst.operands[0].type) == 64 else \
            self.extend(inst.operands[0], False, 64)
        align = max(int(inst.attributes.get("alignment", 16)), 16)
        t, s = self.new(), self.new()
        self.e("add", t, size, imm(15))
        self.e("and", t, t, imm(-16))
        self.e("mov", s, SP)
        self.e("sub", s, s, t)
        if align > 16:
            self.e("and", s, s, imm(-align))
        self.e("mov", SP, s)
        self.e("mov", self.dest(inst), s)
        self.mf.attributes["dynamic_alloca"] = True

    def op_stacksave(self, inst: Instruction) -> None:
        self.e("mov", self.dest(inst), SP)

    def op_stackrestore(self, inst: Instruction) -> None:
        self.e("mov", SP, self.reg(inst.operands[0], 64))
        self.mf.attributes["dynamic_alloca"] = True

    def op_load(self, inst: Instruction) -> None:
        m = self.mem(inst.operands[0])
        ty = inst.type
        if ty is Type.I128:
            dl, dh = self.dest(inst)
            self.e("ldr", dl, m)
            self.e("ldr", dh, offset_mem(m, 8))
        elif ty.is_float:
            self.e("ldr", self.dest(inst), m)
        else:
            self.e(LOAD[ty], self.dest(inst), m)

    def op_store(self, inst: Instruction) -> None:
        value, address = inst.operands
        m = self.mem(address)
        ty = value.type
        if ty is Type.I128:
            lo, hi = self.pair(value)
            self.e("str", lo, m)
            self.e("str", hi, offset_mem(m, 8))
        elif ty.is_float:
            self.e("str", self.reg(value), m)
        else:
            bits = BITS[ty]
            if isinstance(value, Constant) and int(value.value) & ((1 << WIDTH[ty]) - 1) == 0:
                src = XZR if bits == 64 else WZR
            else:
                src = self.reg(value, bits)
            self.e(STORE[ty], src, m)

    def copy_bytes(self, dst: Memory, src: Memory, size: int) -> None:
        """Copy ``size`` bytes between two memory operands through registers."""
        offset = 0
        for chunk, load, store, bits in _CHUNKS:
            while size - offset >= chunk:
                t = self.new(bits)
                self.e(load, t, offset_mem(src, offset))
                self.e(store, t, offset_mem(dst, offset))
                offset += chunk

    def address(self, m: Memory):
        """A register holding the address of a memory operand."""
        t = self.new()
        self.e("add", t, m.base, imm(0) if m.displacement is None else
               imm(m.displacement.value))
        return t

    def op_memcpy(self, inst: Instruction) -> None:
        dst, src, size = inst.operands
        if isinstance(size, Constant) and int(size.value) <= 128:
            self.copy_bytes(self.mem(dst), self.mem(src), int(size.value))
            return
        n = self.reg(size, 64) if BITS.get(size.type) == 64 else self.extend(size, False, 64)
        self.calls.call_symbol("memcpy", [self.reg(dst, 64), self.reg(src, 64), n])

    def op_memset(self, inst: Instruction) -> None:
        dst, value, size = inst.operands
        if isinstance(size, Constant) and int(size.value) <= 128:
            n = int(size.value)
            if isinstance(value, Constant):
                byte = int(value.value) & 0xFF
                pattern = XZR if byte == 0 else self.const_int(byte * 0x0101010101010101, 64)
            else:
                b = self.extend(value, False, 64) if value.type in (Type.I8, Type.I16, Type.I1) \
                    else self.reg(value, 64)
                t = self.new()
                self.e("and", t, b, imm(0xFF))
                pattern = self.new()
                self.e("mul", pattern, t, self.const_int(0x0101010101010101, 64))
            m = self.mem(dst)
            offset = 0
            for chunk, _, store, bits in _CHUNKS:
                while n - offset >= chunk:
                    src = pattern if bits == 64 else (WZR if pattern is XZR else pattern.width(32))
                    self.e(store, src, offset_mem(m, offset))
                    offset += chunk
            return
        n = self.reg(size, 64) if BITS.get(size.type) == 64 else self.extend(size, False, 64)
        v = self.extend(value, False, 32) if WIDTH.get(value.type, 32) < 32 else \
            self.reg(value, 32)
        self.calls.call_symbol("memset", [self.reg(dst, 64), v, n])

"""Memory instruction selection for RISC-V 64: alloca, load, store, memcpy,
memset, stacksave and stackrestore.

A static alloca is a frame slot (set up before selection in isel.py); a
dynamic one moves sp down by the size rounded to 16 (and aligned further
when asked).  Loads zero-extend bytes and halfwords (``lbu``/``lhu``), ``lw``
sign-extends words, as an i32 is kept (isel.py).  A store of the constant 0
stores ``zero``.  Small constant-size memcpy/memset expand to loads and
stores of the widest width the alignment allows; others call ``memcpy`` /
``memset``.  A scalar load from a global uses the assembler's symbol forms (``lw a0, x``
is auipc + lw with %pcrel_lo; a floating-point load names a scratch register
for the address: ``flw fa0, x, t0``).
"""

from __future__ import annotations

from ...ir import Constant, GlobalAddress, Instruction, Type
from .operands import LOADS, SP, STORES, ZERO, Memory, imm, offset_mem, sym

INLINE_LIMIT = 64           # bytes a memcpy/memset is expanded up to


class MemorySelection:
    """Mixed into isel.Selector, whose value helpers (reg, dest, e...) it uses."""

    def op_alloca(self, inst: Instruction) -> None:
        if inst in self.addresses:
            return
        size = self.extend(inst.operands[0], False)
        align = max(int(inst.attributes.get("alignment", 16)), 16)
        t = self.new()
        self.e("addi", t, size, imm(15))
        self.e("andi", t, t, imm(-16))
        self.e("sub", SP, SP, t)
        if align > 16:
            if align <= 2048:
                self.e("andi", SP, SP, imm(-align))
            else:
                m = self.const_int(-align)
                self.e("and", SP, SP, m)
        self.e("mv", self.dest(inst), SP)
        self.mf.attributes["dynamic_alloca"] = True

    def op_stacksave(self, inst: Instruction) -> None:
        self.e("mv", self.dest(inst), SP)

    def op_stackrestore(self, inst: Instruction) -> None:
        self.e("mv", SP, self.reg(inst.operands[0]))
        self.mf.attributes["dynamic_alloca"] = True

    def load_into(self, d, ty: Type, m: Memory) -> None:
        if ty in (Type.I128, Type.F128):
            self.e("ld", d[0], m)
            self.e("ld", d[1], offset_mem(m, 8))
        elif ty is Type.F32:
            self.e("flw", d, m)
        elif ty is Type.F64:
            self.e("fld", d, m)
        else:
            self.e(LOADS[max(1, _size(ty))], d, m)

    def store_value(self, value, ty: Type, m: Memory) -> None:
        if ty in (Type.I128, Type.F128):
            lo, hi = self.pair(value)
            self.e("sd", lo, m)
            self.e("sd", hi, offset_mem(m, 8))
        elif ty is Type.F32:
            self.e("fsw", self.reg(value), m)
        elif ty is Type.F64:
            self.e("fsd", self.reg(value), m)
        else:
            self.e(STORES[max(1, _size(ty))], self.source(value), m)

    def store_value_reg(self, r, ty: Type, m: Memory) -> None:
        """Store a register holding a value of type ``ty`` (a scalar of at most 8 bytes)."""
        if ty is Type.F32:
            self.e("fsw", r, m)
        elif ty is Type.F64:
            self.e("fsd", r, m)
        else:
            self.e(STORES[max(1, _size(ty))], r, m)

    def op_load(self, inst: Instruction) -> None:
        symbol = self.symbol_operand(inst.operands[0], inst.type)
        if symbol is None:
            self.load_into(self.dest(inst), inst.type, self.mem(inst.operands[0]))
        elif inst.type in (Type.F32, Type.F64):
            self.e("flw" if inst.type is Type.F32 else "fld", self.dest(inst), symbol, self.new())
        else:
            self.e(LOADS[max(1, _size(inst.type))], self.dest(inst), symbol)

    def op_store(self, inst: Instruction) -> None:
        value, address = inst.operands
        self.store_value(value, value.type, self.mem(address))

    def symbol_operand(self, address, ty: Type):
        """A global's address as the operand of the assembler's ``lw rd, symbol`` /
        ``flw fd, symbol, rt`` forms (auipc, then the load with %pcrel_lo: one
        instruction less than lla then the load); None where they do not apply.
        Not for stores: ``sw rs, symbol, rt`` writes rt before it reads rs, an
        early clobber the allocator does not know."""
        if not isinstance(address, GlobalAddress) or address.name in self.ctx.tls or \
                ty in (Type.I128, Type.F128):
            return None
        return sym(address.name, address.offset)

    def copy_bytes(self, dst: Memory, src: Memory, size: int, align: int = 1) -> None:
        """Copy ``size`` bytes between two memory operands through registers."""
        offset = 0
        for chunk in (8, 4, 2, 1):
            if chunk > align and chunk > 1:
                continue
            while size - offset >= chunk:
                t = self.new()
                self.e(LOADS[chunk], t, offset_mem(src, offset))
                self.e(STORES[chunk], t, offset_mem(dst, offset))
                offset += chunk

    def op_memcpy(self, inst: Instruction) -> None:
        dst, src, size = inst.operands
        align = int(inst.attributes.get("alignment", 1) or 1)
        if isinstance(size, Constant) and int(size.value) <= INLINE_LIMIT:
            self.copy_bytes(self.mem(dst), self.mem(src), int(size.value), align)
            return
        self.calls.call_registers("memcpy", [self.reg(dst), self.reg(src), self.reg(size)],
                                  result=False)

    def op_memset(self, inst: Instruction) -> None:
        dst, value, size = inst.operands
        if isinstance(size, Constant) and int(size.value) <= INLINE_LIMIT and \
                isinstance(value, Constant):
            n = int(size.value)
            byte = int(value.value) & 0xFF
            align = int(inst.attributes.get("alignment", 1) or 1)
            pattern = ZERO if byte == 0 else self.const_int(byte * 0x0101010101010101)
            m = self.mem(dst)
            offset = 0
            for chunk in (8, 4, 2, 1):
                if chunk > align and chunk > 1:
                    continue
                while n - offset >= chunk:
                    self.e(STORES[chunk], pattern, offset_mem(m, offset))
                    offset += chunk
            return
        byte = self.extend(value, False) if value.type is not Type.I32 else self.reg(value)
        self.calls.call_registers("memset", [self.reg(dst), byte, self.reg(size)],
                                  result=False)


def _size(ty: Type) -> int:
    return {Type.I1: 1, Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8,
            Type.PTR: 8}[ty]

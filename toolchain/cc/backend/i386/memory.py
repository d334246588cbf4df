"""Addresses, loads, stores, block copies and the stack pointer for the i386 selector.

Address arithmetic folds into the memory operands that use it: a pointer
``add`` whose every user is a load or store address (or another such
``add``), and a ``mul``/``shl`` by 1, 2, 4 or 8 that only such an add uses
as its index, are not selected where they stand (``address_only``); each
memory operand takes them apart into ``disp(base, index, scale)`` instead
(``address_parts``), over a frame slot, a global's address or a register.
Where an address is needed as a value after all, ``leal`` computes it.

Narrow loads zero-extend (``movzbl``/``movzwl``); a byte store goes
through %al (a virtual register is never an 8-bit operand, see
registers.py), a 16-bit one through the register's 16-bit name, which
every i386 register has.  Copies and fills of known small size are unrolled through
temporaries; others use ``rep movsb``/``rep stosb`` with their fixed registers.
"""

from __future__ import annotations

from ...ir import Constant, GlobalAddress, Instruction, Type
from ..mir import FrameSlot
from .operands import (AL, EAX, ECX, EDI, ESI, ESP, ExprConstant, Memory, Register, imm,
                       offset_mem, signed, sym)

SCALES = {1: 0, 2: 1, 4: 2, 8: 3}
# copies and fills of up to this many bytes are unrolled; longer ones use
# rep movsb / rep stosb, whose ~20 bytes of set-up an unrolled copy passes at 16
UNROLLED_BYTES = 16          # index scale -> shift count


def _scale_of(inst) -> int | None:
    """The scale of an index computation ``x * 2^k`` / ``x << k`` (k <= 3), else None."""
    if not isinstance(inst, Instruction) or inst.type not in (Type.PTR, Type.I32):
        return None
    if len(inst.operands) != 2 or not isinstance(inst.operands[1], Constant):
        return None
    n = int(inst.operands[1].value)
    if inst.opcode == "mul" and n in SCALES:
        return n
    if inst.opcode == "shl" and 0 <= n <= 3:
        return 1 << n
    return None


def address_only(function, users: dict) -> set[int]:
    """Ids of the instructions left to the memory operands that use them.

    ``users`` maps an instruction id to its (user, operand index) pairs.  The
    set is a greatest fixed point: start from every candidate, drop the ones
    with a user that is not an address use or a remaining candidate."""
    candidates: dict[int, Instruction] = {}
    for block in function.blocks:
        for inst in block.instructions:
            if inst.opcode == "add" and inst.type is Type.PTR:
                candidates[inst.id] = inst
            elif _scale_of(inst) is not None:
                candidates[inst.id] = inst

    def address_use(user, index: int, inst) -> bool:
        if user.opcode == "load":
            return index == 0
        if user.opcode == "store":
            return index == 1
        if user.opcode in ("memcpy", "memset", "va_start", "va_arg", "va_copy", "va_end"):
            return index <= (1 if user.opcode in ("memcpy", "va_copy") else 0)
        if user.opcode == "ret":                    # a struct returned through memory
            return True
        if user.id not in candidates or user.opcode != "add":
            return False
        if inst.opcode == "add":
            return True
        # an index: the add's other operand must not be a constant
        other = user.operands[1 - index]
        return not isinstance(other, Constant)

    changed = True
    while changed:
        changed = False
        for key, inst in list(candidates.items()):
            uses = users.get(key, [])
            if not uses or not all(address_use(u, i, inst) for u, i in uses):
                del candidates[key]
                changed = True
    return set(candidates)


class MemorySelection:
    # --- addresses --------------------------------------------------------------------
    def left_to_memory(self, value) -> bool:
        return isinstance(value, Instruction) and value.id in self.address_only

    def address_parts(self, address, offset: int = 0):
        """(base, index, scale, offset) of ``address + offset``: base is a FrameSlot,
        a GlobalAddress, a VReg or None; index a VReg or None."""
        slot = self.addresses.get(address)
        if slot is not None:
            return slot, None, 1, offset
        if isinstance(address, GlobalAddress) and address.name not in self.ctx.tls:
            return address, None, 1, offset
        if isinstance(address, Constant):
            return None, None, 1, int(address.value) + offset
        if self.left_to_memory(address):
            a, b = address.operands
            if address.opcode != "add":                 # an index on its own: x * scale
                scale = _scale_of(address)
                return None, self.reg(a), scale, offset
            if isinstance(a, Constant) or (self.left_to_memory(a) and a.opcode != "add"):
                a, b = b, a
            if isinstance(b, Constant):
                return self.address_parts(a, offset + signed(int(b.value), 32))
            base, index, scale, disp = self.address_parts(a, offset)
            if index is None:
                bscale = _scale_of(b) if self.left_to_memory(b) else None
                if bscale is not None:
                    return base, self.reg(b.operands[0]), bscale, disp
                if base is None:
                    return self.reg(b), None, 1, disp
                return base, self.reg(b), 1, disp
            if base is None and scale == 1:
                return index, self.reg(b), 1, disp
            return self.reg(b), self.reg_of_parts(base, index, scale, 0), 1, disp
        return self.reg(address), None, 1, offset

    def reg_of_parts(self, base, index, scale, disp):
        v = self.new()
        self.e("leal", v, self.memory_of(base, index, scale, disp))
        return v

    def memory_of(self, base, index, scale: int, disp: int) -> Memory:
        if isinstance(base, FrameSlot):
            return Memory(base=base, index=index, scale=scale, displacement=ExprConstant(disp))
        if isinstance(base, GlobalAddress):
            return Memory(index=index, scale=scale, displacement=sym(base.name,
                                                                     base.offset + disp))
        return Memory(base=base, index=index, scale=scale,
                      displacement=ExprConstant(signed(disp, 32)))

    def mem(self, address, offset: int = 0) -> Memory:
        """A memory operand for the bytes at ``address + offset``."""
        if isinstance(address, GlobalAddress) and address.name in self.ctx.tls:
            return Memory(segment=Register("gs"),
                          displacement=sym(address.name, address.offset + offset, "ntpoff"))
        return self.memory_of(*self.address_parts(address, offset))

    def address_value(self, inst) -> object:
        """An address left to its memory operands, needed as a value: ``leal``."""
        return self.reg_of_parts(*self.address_parts(inst))

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
            return self.floats.load_value(inst, m)
        d = self.dest(inst)
        if ty in (Type.I8, Type.I16):
            signed_ = self.wants_sign(inst)
            self.extended[inst.id] = signed_
            self.e(("movs" if signed_ else "movz") + ("bl" if ty is Type.I8 else "wl"), d, m)
        elif ty is Type.I1:
            self.e("movzbl", d, m)
        else:
            self.e("movl", d, m)

    def wants_sign(self, inst: Instruction) -> bool:
        """Whether more of a narrow load's users extend it by sign than by zero."""
        votes = 0
        for user, index in self.users.get(inst.id, ()):
            op = user.opcode
            if op == "icmp":
                pred = user.attributes["predicate"]
                votes += 1 if pred in ("slt", "sle", "sgt", "sge") else -1
            elif op in ("sext", "sdiv", "srem") or (op == "ashr" and index == 0):
                votes += 1
            elif op in ("zext", "udiv", "urem", "switch") or (op == "lshr" and index == 0):
                votes -= 1
        return votes > 0

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
        if isinstance(size, Constant) and int(size.value) <= UNROLLED_BYTES:
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
        if isinstance(size, Constant) and int(size.value) <= UNROLLED_BYTES:
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

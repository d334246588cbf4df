"""Instruction selection for x86-64: IR functions to machine IR over virtual registers.

One :class:`Selector` walks a function's blocks in order and appends
x86-64 instructions (AT&T mnemonics with their size suffix, operands in
Intel order as the assembler's Instruction holds them) to machine blocks.

Values live as follows:

* integers and pointers: one general VReg; i8/i16 values may carry garbage
  above their width (operations that look at the high bits -- division,
  right shifts, extensions, conversions -- extend first), i1 is 0 or 1 in a
  32-bit register;
* i128: a pair (low, high) of general VRegs;
* f32/f64: an xmm VReg;
* f80 (long double): a 16-byte frame slot, worked on with the x87 stack one
  operation at a time (load, operate, store back);
* a static ``alloca`` is a frame slot, used directly as a memory operand.

A comparison used only by the branch or select right after it in its block
is not materialised: the branch tests the flags (``cmp``/``jl``).  Phis are
eliminated on the edges: copies to temporaries then to the phi registers
(so swaps work), in a new block when the edge is critical.  Calls, the
prologue's parameters, returns and varargs follow abi.py (calls.py); f80
and conversions are in floats.py.
"""

from __future__ import annotations

import importlib

from ... import ir
from ...ir import BlockAddress, Constant, GlobalAddress, Instruction, Parameter, Type, Undef
from ..mir import FrameSlot, MachineBlock, MachineFunction, MachineInstr, VReg

_insn = importlib.import_module("toolchain.as.instruction")
_expr = importlib.import_module("toolchain.as.expr")
Register, Memory, Immediate, Indirect = (_insn.Register, _insn.Memory, _insn.Immediate,
                                         _insn.Indirect)
SymbolRef, ExprConstant, Binary = _expr.SymbolRef, _expr.Constant, _expr.Binary

RIP = Register("rip")
RSP = Register("rsp")
RBP = Register("rbp")

BITS = {Type.I1: 32, Type.I8: 8, Type.I16: 16, Type.I32: 32, Type.I64: 64, Type.PTR: 64}
SUFFIX = {8: "b", 16: "w", 32: "l", 64: "q"}
ICC = {"eq": "e", "ne": "ne", "slt": "l", "sle": "le", "sgt": "g", "sge": "ge",
       "ult": "b", "ule": "be", "ugt": "a", "uge": "ae"}
SWAPPED = {"eq": "eq", "ne": "ne", "slt": "sgt", "sle": "sge", "sgt": "slt", "sge": "sle",
           "ult": "ugt", "ule": "uge", "ugt": "ult", "uge": "ule"}
NEGATE = {"e": "ne", "ne": "e", "l": "ge", "ge": "l", "le": "g", "g": "le", "b": "ae",
          "ae": "b", "be": "a", "a": "be", "p": "np", "np": "p", "s": "ns", "ns": "s"}
# fcmp predicate -> (swap operands, condition): a condition is a cc, or
# ("and", cc, cc) / ("or", cc, cc) for the two that need the parity flag.
FCC = {"ogt": (False, "a"), "oge": (False, "ae"), "olt": (True, "a"), "ole": (True, "ae"),
       "oeq": (False, ("and", "e", "np")), "une": (False, ("or", "ne", "p")),
       "one": (False, "ne"), "ueq": (False, "e"), "ult": (False, "b"), "ule": (False, "be"),
       "ugt": (True, "b"), "uge": (True, "be"), "ord": (False, "np"), "uno": (False, "p")}


def slot_mem(slot: FrameSlot, offset: int = 0, size: int | None = None) -> Memory:
    return Memory(base=slot, displacement=ExprConstant(offset), size=size)


def sym(name: str, offset: int = 0, specifier: str | None = None):
    ref = SymbolRef(name, specifier)
    if offset:
        return Binary("+", ref, ExprConstant(offset)) if offset > 0 else \
            Binary("-", ref, ExprConstant(-offset))
    return ref


def imm(value: int) -> Immediate:
    return Immediate(ExprConstant(value))


def signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


class ModuleContext:
    """What the functions of one module share: the constant pool and labels."""

    def __init__(self, module: ir.Module):
        self.module = module
        self.constants: dict[tuple[int, bytes], str] = {}
        self.tls = {g.name for g in module.globals if g.thread_local} | {
            n for n, k in module.externals.items() if k in ("tls", "tls_object", "thread_local")}
        self.function_index = 0
        self.labels = 0

    def constant(self, data: bytes, align: int) -> str:
        key = (align, data)
        label = self.constants.get(key)
        if label is None:
            label = self.constants[key] = f".LC{len(self.constants)}"
        return label

    def new_label(self) -> str:
        self.labels += 1
        return f".L{self.labels}"


class Selector:
    def __init__(self, function: ir.Function, ctx: ModuleContext):
        from .calls import CallSelection
        from .floats import FloatSelection
        self.fn = function
        self.ctx = ctx
        self.mf = MachineFunction(function.name)
        self.values: dict[object, object] = {}       # IR value -> VReg | (lo, hi) | FrameSlot
        self.addresses: dict[object, FrameSlot] = {}  # IR value -> the slot it is the address of
        self.blocks: dict[ir.Block, MachineBlock] = {}
        self.block: MachineBlock | None = None
        self.uses: dict[int, int] = {}
        self.user: dict[int, Instruction] = {}
        self.fused: set[int] = set()
        self.calls = CallSelection(self)
        self.floats = FloatSelection(self)

    # --- emitting -------------------------------------------------------------------
    def e(self, mnemonic: str, *operands, uses=(), defs=(), prefixes=(), roles=None) -> MachineInstr:
        mi = MachineInstr(mnemonic, tuple(operands), tuple(prefixes), tuple(uses), tuple(defs),
                          roles=roles)
        self.block.instrs.append(mi)
        return mi

    def new(self, bits: int = 64, cls: str = "gp") -> VReg:
        return self.mf.new_vreg(bits, cls)

    def new_block(self) -> MachineBlock:
        block = MachineBlock(self.ctx.new_label())
        self.mf.blocks.append(block)
        return block

    def jump(self, cc: str | None, target: MachineBlock) -> None:
        self.e("jmp" if cc is None else "j" + cc, SymbolRef(target.label))
        if target not in self.block.successors:
            self.block.successors.append(target)

    def start(self, block: MachineBlock) -> None:
        self.block = block

    # --- values ---------------------------------------------------------------------
    def const_int(self, value: int, bits: int) -> VReg:
        v = self.new(bits)
        if bits == 64 and not -2**31 <= signed(value, 64) < 2**31:
            self.e("movabsq", v, imm(signed(value, 64)))
        elif bits == 64 and signed(value, 64) < 0:
            self.e("movq", v, imm(signed(value, 64)))
        else:
            self.e("movl", v.width(32), imm(signed(value, min(bits, 32))))
        return v

    def reg(self, value: ir.Value, bits: int | None = None) -> VReg:
        """The value in a general (or xmm for floats) register."""
        ty = value.type
        if ty.is_float and ty is not Type.F80:
            return self.floats.xmm(value)
        b = BITS.get(ty, 64) if bits is None else bits
        if isinstance(value, Constant):
            return self.const_int(int(value.value), max(b, 8))
        if isinstance(value, Undef):
            return self.const_int(0, max(b, 8))
        if isinstance(value, GlobalAddress):
            v = self.new(64)
            self.lea_global(v, value.name, value.offset)
            return v.width(b)
        if isinstance(value, BlockAddress):
            v = self.new(64)
            self.e("leaq", v, Memory(base=RIP, displacement=sym(self.block_label(value.block))))
            self.mf.attributes.setdefault("address_taken", set()).add(value.block)
            return v.width(b)
        slot = self.addresses.get(value)
        if slot is not None:
            v = self.new(64)
            self.e("leaq", v, slot_mem(slot))
            return v.width(b)
        if isinstance(value, Instruction) and value.id in self.fused:
            # a fused comparison needed as a value after all
            self.fused.discard(value.id)
            self.select_compare_value(value)
        v = self.values.get(value)
        if v is None:
            v = self.values[value] = self.new(max(b, 8))
        return v.width(b)

    def operand(self, value: ir.Value, bits: int):
        """An immediate when the value is a constant that fits, else a register."""
        if isinstance(value, Constant) and value.type.is_integer:
            v = signed(int(value.value), bits)
            if -2**31 <= v < 2**31:
                return imm(v)
        return self.reg(value, bits)

    def pair(self, value: ir.Value) -> tuple[VReg, VReg]:
        """An i128 value as (low, high)."""
        if isinstance(value, (Constant, Undef)):
            n = int(value.value) if isinstance(value, Constant) else 0
            return (self.const_int(n & (2**64 - 1), 64), self.const_int(n >> 64, 64))
        p = self.values.get(value)
        if p is None:
            p = self.values[value] = (self.new(64), self.new(64))
        return p

    def dest(self, inst: ir.Value):
        """The register(s) or slot an instruction's result goes to."""
        ty = inst.type
        if ty is Type.I128:
            return self.pair(inst)
        if ty is Type.F80:
            return self.floats.slot(inst)
        if inst not in self.values:
            cls = "xmm" if ty.is_float else "gp"
            self.values[inst] = self.new(128 if cls == "xmm" else max(BITS.get(ty, 64), 8), cls)
        v = self.values[inst]
        return v if ty.is_float else v.width(BITS.get(ty, 64))

    def lea_global(self, v: VReg, name: str, offset: int) -> None:
        if name in self.ctx.tls:
            self.e("movq", v, Memory(segment=Register("fs"), displacement=ExprConstant(0)))
            self.e("leaq", v, Memory(base=v, displacement=sym(name, offset, "tpoff")))
        else:
            self.e("leaq", v, Memory(base=RIP, displacement=sym(name, offset)))

    def mem(self, address: ir.Value, offset: int = 0) -> Memory:
        """A memory operand for the bytes at ``address + offset``."""
        slot = self.addresses.get(address)
        if slot is not None:
            return slot_mem(slot, offset)
        if isinstance(address, GlobalAddress):
            if address.name in self.ctx.tls:
                return Memory(segment=Register("fs"),
                              displacement=sym(address.name, address.offset + offset, "tpoff"))
            return Memory(base=RIP, displacement=sym(address.name, address.offset + offset))
        if isinstance(address, Constant):
            v = self.reg(address, 64)
            return Memory(base=v, displacement=ExprConstant(offset))
        return Memory(base=self.reg(address, 64), displacement=ExprConstant(offset))

    def block_label(self, block: ir.Block) -> str:
        return self.blocks[block].label

    # --- the function -----------------------------------------------------------------
    def run(self) -> MachineFunction:
        fn = self.fn
        fn.number()
        for block in fn.blocks:
            self.blocks[block] = MachineBlock(self.ctx.new_label())
        self.mf.blocks = [self.blocks[b] for b in fn.blocks]
        for block in fn.blocks:
            for inst in block.instructions:
                for op in inst.operands:
                    if isinstance(op, Instruction):
                        self.uses[op.id] = self.uses.get(op.id, 0) + 1
                        self.user[op.id] = inst
        for block in fn.blocks:
            for inst in block.instructions:
                if inst.opcode == "alloca" and not inst.attributes.get("dynamic"):
                    self.addresses[inst] = self.mf.new_slot(
                        max(int(inst.attributes.get("size", 1)), 1),
                        max(int(inst.attributes.get("alignment", 1)), 1), f"a{inst.id}")
        self.start(self.mf.blocks[0])
        self.calls.prologue()
        for block in fn.blocks:
            self.start(self.blocks[block])
            insts = block.instructions
            for i, inst in enumerate(insts):
                if inst.opcode in ("icmp", "fcmp") and self._fusable(inst, insts, i):
                    self.fused.add(inst.id)
                    continue
                self.select(inst)
        self.mf.attributes["variadic"] = fn.variadic
        return self.mf

    def _fusable(self, inst: Instruction, insts: list, i: int) -> bool:
        if self.uses.get(inst.id, 0) != 1:
            return False
        user = self.user[inst.id]
        if user.block is not inst.block and user not in inst.block.instructions:
            return False
        nxt = insts[i + 1] if i + 1 < len(insts) else None
        if user is not nxt:
            return False
        if user.opcode == "br":
            return True
        return user.opcode == "select" and user.operands[0] is inst and \
            user.type is not Type.F80

    def select(self, inst: Instruction) -> None:
        op = inst.opcode
        handler = getattr(self, "op_" + op, None)
        if handler is None:
            handler = self.floats.handler(op) or self.calls.handler(op)
        if handler is None:
            raise NotImplementedError(f"x86-64 isel: opcode {op}")
        handler(inst)

    # --- integer arithmetic ---------------------------------------------------------
    def _binary(self, inst: Instruction, mnemonic: str) -> None:
        if inst.type is Type.I128:
            return self.i128_binary(inst, mnemonic)
        a, b = inst.operands
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        s = SUFFIX[bits]
        self.e("mov" + s, d, self.reg(a, bits))
        self.e(mnemonic + s, d, self.operand(b, bits))

    def op_add(self, inst): self._binary(inst, "add")
    def op_sub(self, inst): self._binary(inst, "sub")
    def op_and(self, inst): self._binary(inst, "and")
    def op_or(self, inst): self._binary(inst, "or")
    def op_xor(self, inst): self._binary(inst, "xor")

    def op_mul(self, inst):
        if inst.type is Type.I128:
            return self.i128_mul(inst)
        a, b = inst.operands
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        s = SUFFIX[bits]
        o = self.operand(b, bits)
        if isinstance(o, Immediate):
            self.e("imul" + s, d, self.reg(a, bits), o)
        else:
            self.e("mov" + s, d, self.reg(a, bits))
            self.e("imul" + s, d, o)

    def op_neg(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            self.e("movq", dl, lo)
            self.e("movq", dh, hi)
            self.e("negq", dl)
            self.e("adcq", dh, imm(0))
            self.e("negq", dh)
            return
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        self.e("mov" + SUFFIX[bits], d, self.reg(inst.operands[0], bits))
        self.e("neg" + SUFFIX[bits], d)

    def op_not(self, inst):
        if inst.type is Type.I128:
            lo, hi = self.pair(inst.operands[0])
            dl, dh = self.dest(inst)
            for d, s in ((dl, lo), (dh, hi)):
                self.e("movq", d, s)
                self.e("notq", d)
            return
        bits = max(BITS[inst.type], 32)
        d = self.dest(inst).width(bits)
        self.e("mov" + SUFFIX[bits], d, self.reg(inst.operands[0], bits))
        if inst.type is Type.I1:
            self.e("xorl", d, imm(1))
        else:
            self.e("not" + SUFFIX[bits], d)

    def extend(self, value: ir.Value, signed_: bool, bits: int = 32) -> VReg:
        """The value widened to ``bits`` (32 or 64) by sign or zero extension."""
        vb = BITS[value.type]
        if isinstance(value, Constant):
            n = int(value.value) & ((1 << max(vb, 1)) - 1) if value.type is not Type.I1 else \
                int(value.value) & 1
            if signed_ and value.type is not Type.I1:
                n = signed(n, vb)
            return self.const_int(n & ((1 << bits) - 1), bits)
        src = self.reg(value)
        d = self.new(bits)
        if vb == bits:
            self.e("mov" + SUFFIX[bits], d, src)
        elif vb == 32 and bits == 64:
            self.e("movslq" if signed_ and value.type is not Type.I1 else "movl",
                   d if signed_ and value.type is not Type.I1 else d.width(32), src)
        else:
            mn = ("movs" if signed_ else "movz") + SUFFIX[vb] + SUFFIX[bits]
            self.e(mn, d, src)
        return d

    def _shift(self, inst: Instruction, mnemonic: str, signed_: bool | None) -> None:
        if inst.type is Type.I128:
            return self.i128_shift(inst, mnemonic)
        a, b = inst.operands
        vb = BITS[inst.type]
        bits = max(vb, 32)
        d = self.dest(inst).width(bits)
        s = SUFFIX[bits]
        if signed_ is not None and vb < 32:
            src = self.extend(a, signed_, 32)
        else:
            src = self.reg(a, bits)
        self.e("mov" + s, d, src)
        if isinstance(b, Constant):
            self.e(mnemonic + s, d, imm(int(b.value) & (bits - 1)))
        else:
            self.e("movl", Register("ecx"), self.reg(b, 32) if BITS[b.type] >= 32 else
                   self.extend(b, False, 32), defs=())
            self.e(mnemonic + s, d, Register("cl"))

    def op_shl(self, inst): self._shift(inst, "shl", None)
    def op_lshr(self, inst): self._shift(inst, "shr", False)
    def op_ashr(self, inst): self._shift(inst, "sar", True)

    def _divide(self, inst: Instruction, signed_: bool, remainder: bool) -> None:
        if inst.type is Type.I128:
            name = {(True, False): "__divti3", (False, False): "__udivti3",
                    (True, True): "__modti3", (False, True): "__umodti3"}[(signed_, remainder)]
            return self.calls.runtime_call(name, inst, list(inst.operands))
        a, b = inst.operands
        vb = BITS[inst.type]
        bits = max(vb, 32)
        s = SUFFIX[bits]
        x = self.extend(a, signed_, bits) if vb < 32 else self.reg(a, bits)
        y = self.extend(b, signed_, bits) if vb < 32 else self.reg(b, bits)
        rax, rdx = Register("rax" if bits == 64 else "eax"), Register("rdx" if bits == 64 else "edx")
        self.e("mov" + s, rax, x)
        if signed_:
            self.e("cqto" if bits == 64 else "cltd", uses=("rax",), defs=("rdx",))
        else:
            self.e("xorl", Register("edx"), Register("edx"), roles=("w", ""))
        self.e(("idiv" if signed_ else "div") + s, y, uses=("rax", "rdx"), defs=("rax", "rdx"))
        self.e("mov" + s, self.dest(inst).width(bits), rdx if remainder else rax)

    def op_sdiv(self, inst): self._divide(inst, True, False)
    def op_udiv(self, inst): self._divide(inst, False, False)
    def op_srem(self, inst): self._divide(inst, True, True)
    def op_urem(self, inst): self._divide(inst, False, True)

    # --- bit counting -------------------------------------------------------------------
    def _bits_op(self, inst: Instruction, kind: str) -> None:
        (a,) = inst.operands
        ty = inst.type
        if ty is Type.I128:
            return self._bits_op_i128(inst, kind)
        width = BITS[ty]
        bits = 64 if width == 64 else 32
        s = SUFFIX[bits]
        x = self.extend(a, False, bits) if width < 32 else self.reg(a, bits)
        d = self.dest(inst).width(bits)
        if kind == "ctpop":
            self.e("popcnt" + s, d, x)
        elif kind == "ctlz":
            t = self.new(bits)
            minus1 = self.const_int(2**bits - 1, bits)
            self.e("bsr" + s, t, x)
            self.e("cmove" + s, t, minus1)
            self.e("mov" + s, d, imm(width - 1) if bits == 32 else self.const_int(width - 1, 64))
            self.e("sub" + s, d, t)
        elif kind == "cttz":
            if width < 32:
                self.e("orl", x, imm(1 << width))
            t = self.const_int(width, bits)
            self.e("bsf" + s, d, x)
            self.e("cmove" + s, d, t)
        else:                                       # bswap
            self.e("mov" + s, d, x)
            if width == 16:
                self.e("rolw", d.width(16), imm(8))
            elif width == 8:
                pass
            else:
                self.e("bswap" + s, d)

    def _bits_op_i128(self, inst: Instruction, kind: str) -> None:
        lo, hi = self.pair(inst.operands[0])
        dl, dh = self.dest(inst)
        if kind == "bswap":
            self.e("movq", dl, hi)
            self.e("bswapq", dl)
            self.e("movq", dh, lo)
            self.e("bswapq", dh)
            return
        if kind == "ctpop":
            t = self.new()
            self.e("popcntq", dl, lo)
            self.e("popcntq", t, hi)
            self.e("addq", dl, t)
        else:
            first, second = (hi, lo) if kind == "ctlz" else (lo, hi)
            a, b = self.new(), self.new()
            for reg, src in ((a, first), (b, second)):
                if kind == "ctlz":
                    t = self.new()
                    self.e("bsrq", t, src)
                    self.e("cmoveq", t, self.const_int(2**64 - 1, 64))
                    self.e("movl", reg.width(32), imm(63))
                    self.e("subq", reg, t)
                else:
                    self.e("bsfq", reg, src)
                    self.e("cmoveq", reg, self.const_int(64, 64))
            self.e("addq", b, imm(64))
            self.e("testq", first, first)
            self.e("cmoveq", a, b)
            self.e("movq", dl, a)
        self.e("movl", dh.width(32), imm(0))

    def op_ctlz(self, inst): self._bits_op(inst, "ctlz")
    def op_cttz(self, inst): self._bits_op(inst, "cttz")
    def op_ctpop(self, inst): self._bits_op(inst, "ctpop")
    def op_bswap(self, inst): self._bits_op(inst, "bswap")

    # --- i128 -----------------------------------------------------------------------------
    def i128_binary(self, inst: Instruction, mnemonic: str) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        carry = {"add": "adc", "sub": "sbb"}.get(mnemonic, mnemonic)
        self.e("movq", dl, al)
        self.e("movq", dh, ah)
        self.e(mnemonic + "q", dl, bl)
        self.e(carry + "q", dh, bh)

    def i128_mul(self, inst: Instruction) -> None:
        (al, ah), (bl, bh) = self.pair(inst.operands[0]), self.pair(inst.operands[1])
        dl, dh = self.dest(inst)
        t1, t2 = self.new(), self.new()
        self.e("movq", t1, al)
        self.e("imulq", t1, bh)
        self.e("movq", t2, ah)
        self.e("imulq", t2, bl)
        self.e("addq", t1, t2)
        self.e("movq", Register("rax"), al)
        self.e("mulq", bl, uses=("rax",), defs=("rax", "rdx"))
        self.e("movq", dl, Register("rax"))
        self.e("movq", dh, Register("rdx"))
        self.e("addq", dh, t1)

    def i128_shift(self, inst: Instruction, mnemonic: str) -> None:
        (lo, hi) = self.pair(inst.operands[0])
        dl, dh = self.dest(inst)
        count = inst.operands[1]
        if isinstance(count, Constant):
            n = int(count.value) & 127
            self.e("movq", dl, lo)
            self.e("movq", dh, hi)
            if n == 0:
                return
            if n >= 64:
                if mnemonic == "shl":
                    self.e("movq", dh, lo)
                    self.e("shlq", dh, imm(n - 64))
                    self.e("movl", dl.width(32), imm(0))
                elif mnemonic == "shr":
                    self.e("movq", dl, hi)
                    self.e("shrq", dl, imm(n - 64))
                    self.e("movl", dh.width(32), imm(0))
                else:
                    self.e("movq", dl, hi)
                    self.e("sarq", dl, imm(n - 64))
                    self.e("sarq", dh, imm(63))
                return
            if mnemonic == "shl":
                self.e("shldq", dh, lo, imm(n))
                self.e("shlq", dl, imm(n))
            else:
                self.e("shrdq", dl, hi, imm(n))
                self.e(mnemonic + "q", dh, imm(n))
            return
        if count.type is Type.I128:
            cnt = self.pair(count)[0].width(32)
        else:
            cnt = self.reg(count, 32) if BITS[count.type] >= 32 else self.extend(count, False)
        self.e("movq", dl, lo)
        self.e("movq", dh, hi)
        self.e("movl", Register("ecx"), cnt)
        fill = self.new()
        if mnemonic == "shl":
            self.e("shldq", dh, dl, Register("cl"))
            self.e("shlq", dl, Register("cl"))
            self.e("movl", fill.width(32), imm(0))
            self.e("testb", Register("cl"), imm(64))
            self.e("cmovneq", dh, dl)
            self.e("cmovneq", dl, fill)
        else:
            self.e("shrdq", dl, dh, Register("cl"))
            if mnemonic == "sar":
                self.e("movq", fill, dh)
                self.e("sarq", fill, imm(63))
            else:
                self.e("movl", fill.width(32), imm(0))
            self.e(mnemonic + "q", dh, Register("cl"))
            self.e("testb", Register("cl"), imm(64))
            self.e("cmovneq", dl, dh)
            self.e("cmovneq", dh, fill)

    # --- comparisons and select ---------------------------------------------------------
    def compare(self, inst: Instruction):
        """Emit the flag-setting code of an icmp/fcmp; the condition that is true."""
        if inst.opcode == "fcmp":
            return self.floats.compare(inst)
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        if a.type is Type.I128:
            return self._compare_i128(pred, a, b)
        bits = BITS[a.type]
        if isinstance(a, Constant) and not isinstance(b, Constant):
            a, b, pred = b, a, SWAPPED[pred]
        if a.type is Type.I1:
            bits = 32
        o = self.operand(b, bits)
        if isinstance(o, Immediate) and o.value.value == 0 and pred in ("eq", "ne"):
            r = self.reg(a, bits)
            self.e("test" + SUFFIX[bits], r, r)
        else:
            self.e("cmp" + SUFFIX[bits], self.reg(a, bits), o)
        return ICC[pred]

    def _compare_i128(self, pred: str, a, b):
        (al, ah), (bl, bh) = self.pair(a), self.pair(b)
        if pred in ("eq", "ne"):
            t1, t2 = self.new(), self.new()
            self.e("movq", t1, al)
            self.e("xorq", t1, bl)
            self.e("movq", t2, ah)
            self.e("xorq", t2, bh)
            self.e("orq", t1, t2)
            return ICC[pred]
        if pred in ("sgt", "sle", "ugt", "ule"):
            (al, ah), (bl, bh), pred = (bl, bh), (al, ah), SWAPPED[pred]
        t = self.new()
        self.e("movq", t, ah)
        self.e("cmpq", al, bl)
        self.e("sbbq", t, bh)
        return ICC[pred]

    def materialize(self, cond, d: VReg) -> None:
        """Set the 32-bit register d to 1 when the condition holds, else 0."""
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            t1, t2 = self.new(8), self.new(8)
            self.e("set" + c1, t1)
            self.e("set" + c2, t2)
            self.e("andb" if kind == "and" else "orb", t1, t2)
            self.e("movzbl", d.width(32), t1)
        else:
            t = self.new(8)
            self.e("set" + cond, t)
            self.e("movzbl", d.width(32), t)

    def select_compare_value(self, inst: Instruction) -> None:
        cond = self.compare(inst)
        self.materialize(cond, self.dest(inst))

    def op_icmp(self, inst): self.select_compare_value(inst)
    def op_fcmp(self, inst): self.select_compare_value(inst)

    def condition(self, value: ir.Value):
        """Flags for an i1 value: a fused comparison, or a test of its register."""
        if isinstance(value, Instruction) and value.id in self.fused:
            return self.compare(value)
        if isinstance(value, Constant):
            r = self.const_int(int(value.value) & 1, 32)
        else:
            r = self.reg(value, 32)
        self.e("testl", r, r)
        return "ne"

    def op_select(self, inst: Instruction) -> None:
        c, a, b = inst.operands
        ty = inst.type
        if ty is Type.F80:
            return self.floats.select_f80(inst)
        if ty is Type.I128:
            (al, ah), (bl, bh) = self.pair(a), self.pair(b)
            dl, dh = self.dest(inst)
            self.e("movq", dl, bl)
            self.e("movq", dh, bh)
            self._cmovs(self.condition(c), [(dl, al), (dh, ah)], [(dl, bl), (dh, bh)])
            return
        if ty.is_float:
            ra, rb = self.reg(a), self.reg(b)
            ga, gb, d = self.new(), self.new(), self.new()
            self.e("movq", ga, ra)
            self.e("movq", gb, rb)
            self.e("movq", d, gb)
            self._cmovs(self.condition(c), [(d, ga)], [(d, gb)])
            self.e("movq", self.dest(inst), d)
            return
        bits = 64 if BITS[ty] == 64 else 32
        ra, rb = self.reg(a, bits), self.reg(b, bits)
        d = self.dest(inst).width(bits)
        self.e("mov" + SUFFIX[bits], d, rb)
        self._cmovs(self.condition(c), [(d, ra)], [(d, rb)])

    def _cmovs(self, cond, true_moves, false_moves) -> None:
        """dest already holds the false value; move in the true one when cond holds."""
        def cm(cc, moves):
            for d, s in moves:
                self.e("cmov" + cc + ("q" if d.bits == 64 else "l"), d, s)
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            if kind == "or":
                cm(c1, true_moves)
                cm(c2, true_moves)
            else:
                for d, s in true_moves:     # start from the true value, undo on either failure
                    self.e("mov" + ("q" if d.bits == 64 else "l"), d, s)
                cm(NEGATE[c1], false_moves)
                cm(NEGATE[c2], false_moves)
        else:
            cm(cond, true_moves)

    # --- integer conversions ------------------------------------------------------------
    def op_zext(self, inst): self._ext(inst, False)
    def op_sext(self, inst): self._ext(inst, True)

    def _ext(self, inst: Instruction, signed_: bool) -> None:
        (a,) = inst.operands
        if inst.type is Type.I128:
            dl, dh = self.dest(inst)
            src = self.extend(a, signed_, 64) if BITS[a.type] < 64 else self.reg(a, 64)
            self.e("movq", dl, src)
            if signed_:
                self.e("movq", dh, dl)
                self.e("sarq", dh, imm(63))
            else:
                self.e("movl", dh.width(32), imm(0))
            return
        bits = 64 if BITS[inst.type] == 64 else 32
        if a.type is Type.I1:               # 0/1 in a 32-bit register; sext gives 0/-1
            r = self.extend(a, False, bits)
            d = self.dest(inst).width(bits)
            self.e("mov" + SUFFIX[bits], d, r)
            if signed_:
                self.e("neg" + SUFFIX[bits], d)
            return
        r = self.extend(a, signed_, bits)
        self.e("mov" + SUFFIX[bits], self.dest(inst).width(bits), r)

    def op_trunc(self, inst: Instruction) -> None:
        (a,) = inst.operands
        if a.type is Type.I128:
            lo = self.pair(a)[0]
            bits = max(BITS[inst.type], 32)
            self.e("mov" + SUFFIX[bits], self.dest(inst).width(bits), lo.width(bits))
            if inst.type is Type.I1:
                self.e("andl", self.dest(inst).width(32), imm(1))
            return
        bits = max(BITS[inst.type], 32)
        self.e("mov" + SUFFIX[bits], self.dest(inst).width(bits), self.reg(a, bits))
        if inst.type is Type.I1:
            self.e("andl", self.dest(inst).width(32), imm(1))

    def op_copy(self, inst: Instruction) -> None:
        self.copy_value(inst.operands[0], self.dest(inst), inst.type)

    def copy_value(self, value: ir.Value, dest, ty: Type) -> None:
        if ty is Type.I128:
            lo, hi = self.pair(value)
            self.e("movq", dest[0], lo)
            self.e("movq", dest[1], hi)
        elif ty is Type.F80:
            self.floats.copy_f80(value, dest)
        elif ty.is_float:
            self.e("movaps", dest, self.reg(value))
        else:
            bits = 64 if BITS[ty] == 64 else 32
            self.e("mov" + SUFFIX[bits], dest.width(bits), self.reg(value, bits))

    def op_bitcast(self, inst: Instruction) -> None:
        (a,) = inst.operands
        src, dst = a.type, inst.type
        if src.is_float and not dst.is_float:
            if dst is Type.I128 or src is Type.F80:
                return self.floats.bitcast_f80(inst)
            d = self.dest(inst)
            self.e("movd" if src is Type.F32 else "movq", d, self.reg(a))
        elif dst.is_float and not src.is_float:
            if dst is Type.F80:
                return self.floats.bitcast_f80(inst)
            self.e("movd" if dst is Type.F32 else "movq", self.dest(inst),
                   self.reg(a, 32 if dst is Type.F32 else 64))
        else:
            self.copy_value(a, self.dest(inst), inst.type)

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

    def op_load(self, inst: Instruction) -> None:
        m = self.mem(inst.operands[0])
        ty = inst.type
        if ty is Type.I128:
            dl, dh = self.dest(inst)
            self.e("movq", dl, m)
            self.e("movq", dh, _offset(m, 8))
        elif ty is Type.F80:
            self.floats.load_f80(m, self.dest(inst))
        elif ty is Type.F32:
            self.e("movss", self.dest(inst), m)
        elif ty is Type.F64:
            self.e("movsd", self.dest(inst), m)
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
            self.e("movq", _offset(m, 8), hi)
        elif ty is Type.F80:
            self.floats.store_f80(value, m)
        elif ty.is_float:
            self.e("movss" if ty is Type.F32 else "movsd", m, self.reg(value))
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
                self.e(mn, t, _offset(src, offset))
                self.e(mn, _offset(dst, offset), t)
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
                    self.e("mov" + SUFFIX[bits], _offset(m, offset), pattern.width(bits))
                    offset += chunk
            return
        d, n = self.reg(dst, 64), self.reg(size, 64)
        v = self.reg(value, 8) if value.type is not Type.I32 else self.reg(value, 32)
        self.e("movq", Register("rdi"), d)
        self.e("movq", Register("rcx"), n)
        self.e("movzbl" if v.bits == 8 else "movl", Register("eax"), v)
        self.e("stosb", prefixes=("rep",), uses=("rdi", "rax", "rcx"), defs=("rdi", "rcx"))

    # --- control flow -------------------------------------------------------------------
    def edge(self, source: ir.Block, target: ir.Block, only_edge: bool) -> MachineBlock:
        """Where a branch from ``source`` to ``target`` goes, with the phi copies
        on the way (in a new block when the edge is critical)."""
        phis = target.phis()
        mtarget = self.blocks[target]
        if not phis:
            return mtarget
        here = self.block
        if not only_edge:
            split = self.new_block()
            self.start(split)
        temps = []
        for phi in phis:
            incoming = phi.attributes["incoming"]
            value = None
            for v, b in zip(phi.operands, incoming):
                if b is source:
                    value = v
                    break
            if value is None:
                value = Undef(phi.type)
            temps.append((phi, self._phi_temp(value, phi.type)))
        for phi, temp in temps:
            self._phi_assign(phi, temp)
        if not only_edge:
            self.jump(None, mtarget)
            self.start(here)
            return split
        return mtarget

    def _phi_temp(self, value, ty):
        if ty is Type.I128:
            t = (self.new(), self.new())
        elif ty is Type.F80:
            t = self.floats.temp_slot()
        elif ty.is_float:
            t = self.new(128, "xmm")
        else:
            t = self.new(64)
        self.copy_value(value, t, ty)
        return t

    def _phi_assign(self, phi, temp) -> None:
        ty = phi.type
        d = self.dest(phi)
        if ty is Type.I128:
            self.e("movq", d[0], temp[0])
            self.e("movq", d[1], temp[1])
        elif ty is Type.F80:
            self.floats.copy_slot(temp, d)
        elif ty.is_float:
            self.e("movaps", d, temp)
        else:
            bits = 64 if d.bits == 64 else 32
            self.e("mov" + SUFFIX[bits], d.width(bits), temp.width(bits))

    def op_phi(self, inst): pass

    def op_jmp(self, inst: Instruction) -> None:
        self.jump(None, self.edge(inst.block, inst.targets[0], True))

    def op_br(self, inst: Instruction) -> None:
        t, f = inst.targets
        if t is f:
            return self.jump(None, self.edge(inst.block, t, True))
        # the edges' copies go in their own blocks; the flags are set last
        mt = self.edge(inst.block, t, False)
        mf = self.edge(inst.block, f, False)
        cond = self.condition(inst.operands[0])
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            if kind == "or":
                self.jump(c1, mt)
                self.jump(c2, mt)
                self.jump(None, mf)
            else:
                self.jump(NEGATE[c1], mf)
                self.jump(NEGATE[c2], mf)
                self.jump(None, mt)
        else:
            self.jump(cond, mt)
            self.jump(None, mf)

    def op_switch(self, inst: Instruction) -> None:
        value = inst.operands[0]
        cases = [int(c) for c in inst.attributes["cases"]]
        default = self.edge(inst.block, inst.targets[0], False)
        targets = [self.edge(inst.block, b, False) for b in inst.targets[1:]]
        if value.type is Type.I128:
            value_bits = 64
            r = self.pair(value)[0]
        else:
            value_bits = max(BITS[value.type], 32)
            r = self.reg(value, value_bits) if BITS[value.type] >= 32 else \
                self.extend(value, False, 32)
        vb = BITS.get(value.type, 64)
        norm = [c & ((1 << vb) - 1) for c in cases]
        if len(cases) >= 4:
            lo, hi = min(norm), max(norm)
            span = hi - lo + 1
            if span <= 3 * len(cases) and span < 2**31:
                return self._jump_table(r, value_bits, norm, lo, span, targets, default)
        for c, target in zip(norm, targets):
            o = signed(c, value_bits)
            if -2**31 <= o < 2**31:
                self.e("cmp" + SUFFIX[value_bits], r, imm(o))
            else:
                self.e("cmpq", r, self.const_int(c, 64))
            self.jump("e", target)
        self.jump(None, default)

    def _jump_table(self, r, bits, cases, lo, span, targets, default) -> None:
        index = self.new()
        if bits == 64:
            self.e("movq", index, r)
            if lo:
                if -2**31 <= lo < 2**31:
                    self.e("subq", index, imm(lo))
                else:
                    self.e("subq", index, self.const_int(lo, 64))
        else:
            self.e("movl", index.width(32), r)
            if lo:
                self.e("subl", index.width(32), imm(signed(lo, 32)))
        self.e("cmpq", index, imm(span - 1))
        self.jump("a", default)
        table = self.ctx.new_label()
        entries = [default.label] * span
        for c, target in reversed(list(zip(cases, targets))):
            entries[c - lo] = target.label
        base, offset = self.new(), self.new()
        self.e("leaq", base, Memory(base=RIP, displacement=SymbolRef(table)))
        self.e("movslq", offset, Memory(base=base, index=index, scale=4))
        self.e("addq", offset, base)
        self.e("jmp", Indirect(offset))
        for t in set(targets) | {default}:
            if t not in self.block.successors:
                self.block.successors.append(t)
        self.mf.attributes.setdefault("jump_tables", []).append((table, entries))

    def op_indirectbr(self, inst: Instruction) -> None:
        targets = [self.edge(inst.block, t, False) for t in inst.targets]
        self.e("jmp", Indirect(self.reg(inst.operands[0], 64)))
        for t in targets:
            if t not in self.block.successors:
                self.block.successors.append(t)

    def op_unreachable(self, inst: Instruction) -> None:
        self.e("ud2")

    def op_ret(self, inst: Instruction) -> None:
        self.calls.ret(inst)


def _offset(m: Memory, delta: int) -> Memory:
    if not delta:
        return m
    d = m.displacement
    if d is None:
        d = ExprConstant(delta)
    elif isinstance(d, ExprConstant):
        d = ExprConstant(d.value + delta)
    elif isinstance(d, Binary) and d.op in "+-" and isinstance(d.right, ExprConstant):
        total = (d.right.value if d.op == "+" else -d.right.value) + delta
        d = d.left if total == 0 else Binary("+", d.left, ExprConstant(total)) if total > 0 \
            else Binary("-", d.left, ExprConstant(-total))
    else:
        d = Binary("+", d, ExprConstant(delta))
    from dataclasses import replace
    return replace(m, displacement=d)


offset_mem = _offset


def select_function(function: ir.Function, ctx: ModuleContext) -> MachineFunction:
    return Selector(function, ctx).run()

"""Instruction selection for i386: IR functions to machine IR over virtual registers.

One :class:`Selector` walks a function's blocks in order and appends i386
instructions (AT&T mnemonics with their size suffix, operands in Intel
order as the assembler's Instruction holds them) to machine blocks.

Values live as follows:

* integers of up to 32 bits and pointers: one 32-bit VReg; i8/i16 values
  may carry garbage above their width (whatever looks at the high bits --
  division, right shifts, comparisons, extensions -- extends first, with
  ``movsbl``/``movzbl`` from the register's byte, or compares just the
  byte or word: ``cmpb $3, %v``; a VReg in esi or edi has no byte, which
  bytes.py mends after allocation), i1 is 0 or 1;
* i64 (long long): a pair (low, high) of VRegs, worked on by int64.py with
  add/adc, shld/shrd... and libgcc's __divdi3 family for division;
* f32, f64, f80: a frame slot of 4, 8 or 12 bytes, worked on with the x87
  stack one operation at a time (floats.py): i386 has no SSE baseline;
* a static ``alloca`` is a frame slot, used directly as a memory operand.

Globals are reached by absolute address (static, position-dependent code).
A comparison used only by the branch or select right after it (an
integer one: by its block's branch) is not materialised; an ``and`` with
a constant compared only with 0 is a ``test``; phis are eliminated on the
edges (copies to temporaries, then to the phi's registers).  Calls,
parameters, returns and varargs follow abi.py (calls.py).
"""

from __future__ import annotations

from ... import ir
from ....common.diagnostics import ToolchainError
from ...ir import BlockAddress, Constant, GlobalAddress, Instruction, Type, Undef
from ..mir import FrameSlot, MachineBlock, MachineFunction, VReg
from ..selector import SelectorBase
from .control import ControlSelection
from .memory import MemorySelection, address_only
# the shared operand helpers, also imported from here by the other modules
from .operands import (AL, BITS, CL, EAX, EBP, ECX, EDX, ESP, ICC, NEGATE,  # noqa: F401
                       SUFFIX, SWAPPED, Binary, ExprConstant, Immediate, Indirect, Memory,
                       ModuleContext, Register, SymbolRef, imm, offset_mem, signed, slot_mem,
                       sym)


class Selector(SelectorBase, MemorySelection, ControlSelection):
    TARGET = "i386"

    def __init__(self, function: ir.Function, ctx: ModuleContext, regparm: int = 0,
                 sibling_calls: bool = False):
        from .calls import CallSelection
        from .floats import FloatSelection
        from .int64 import Int64Selection
        super().__init__(function, ctx)
        self.regparm = regparm
        self.sibling_calls = sibling_calls          # -foptimize-sibling-calls (-O2, -Os)
        self.users: dict[int, list[tuple[Instruction, int]]] = {}
        self.address_only: set[int] = set()
        self.param_uses: dict[int, int] = {}
        self.extended: dict[int, bool] = {}          # i8/i16 load -> loaded sign-extended
        self.param_slots: dict[int, FrameSlot] = {}  # parameter index -> its stack slot
        self.tested: set[int] = set()                # ``and x, c`` left to its compare's test
        self.calls = CallSelection(self)
        self.floats = FloatSelection(self)
        self.int64 = Int64Selection(self)

    def new(self, bits: int = 32) -> VReg:
        return self.mf.new_vreg(bits)

    def jump(self, cc: str | None, target: MachineBlock) -> None:
        self.e("jmp" if cc is None else "j" + cc, SymbolRef(target.label))
        self.successor(target)

    def skip_when(self, cc: str) -> MachineBlock:
        """Branch on ``cc`` past the instructions selected next: they go in a
        new block, and what follows them in another, returned for ``rejoin``.
        At -Os a jump over one or two moves is shorter than cmovs."""
        at = self.mf.blocks.index(self.block) + 1
        middle, rest = MachineBlock(self.ctx.new_label()), MachineBlock(self.ctx.new_label())
        self.mf.blocks[at:at] = [middle, rest]
        self.jump(cc, rest)
        self.jump(None, middle)
        self.start(middle)
        return rest

    def rejoin(self, rest: MachineBlock) -> None:
        self.jump(None, rest)
        self.start(rest)

    # --- values ---------------------------------------------------------------------
    def const_int(self, value: int) -> VReg:
        v = self.new()
        self.e("movl", v, imm(signed(value, 32)))
        return v

    def reg(self, value: ir.Value) -> VReg:
        """A value of up to 32 bits in a general register."""
        if value.type is Type.I64:
            return self.int64.pair(value)[0]
        if isinstance(value, Constant):
            return self.const_int(int(value.value))
        if isinstance(value, Undef):
            return self.const_int(0)
        if isinstance(value, (GlobalAddress, BlockAddress)):
            v = self.new()
            self.address_of(v, value)
            return v
        slot = self.addresses.get(value)
        if slot is not None:
            v = self.new()
            self.e("leal", v, slot_mem(slot))
            return v
        if isinstance(value, Instruction) and value.id in self.address_only:
            return self.address_value(value)
        if isinstance(value, ir.Parameter) and value.index in self.param_slots:
            v = self.new()
            self.e("movl", v, slot_mem(self.param_slots[value.index]))
            return v
        if isinstance(value, Instruction) and value.id in self.fused:
            # a fused comparison needed as a value after all
            self.fused.discard(value.id)
            self.select_compare_value(value)
        v = self.values.get(value)
        if v is None:
            v = self.values[value] = self.new()
        return v

    def address_of(self, v: VReg, value) -> None:
        if isinstance(value, BlockAddress):
            self.e("movl", v, Immediate(SymbolRef(self.blocks[value.block].label)))
            self.mf.attributes.setdefault("address_taken", set()).add(value.block)
        elif value.name in self.ctx.tls:
            self.e("movl", v, Memory(segment=Register("gs"), displacement=ExprConstant(0)))
            self.e("leal", v, Memory(base=v, displacement=sym(value.name, value.offset,
                                                              "ntpoff")))
        else:
            self.e("movl", v, Immediate(sym(value.name, value.offset)))

    def operand(self, value: ir.Value):
        """An immediate when the value is a constant (or a global's address), else a register."""
        if isinstance(value, Constant) and value.type.is_integer:
            return imm(signed(int(value.value), 32))
        if isinstance(value, GlobalAddress) and value.name not in self.ctx.tls:
            return Immediate(sym(value.name, value.offset))
        return self.reg(value)

    def source(self, value: ir.Value):
        """``operand``, or a memory operand where the value is still in memory (a
        parameter used once): for instructions that take r/m32 as a source."""
        if isinstance(value, ir.Parameter) and value.index in self.param_slots:
            return slot_mem(self.param_slots[value.index])
        return self.operand(value)

    def dest(self, inst: ir.Value):
        """The register, pair or slot an instruction's result goes to."""
        ty = inst.type
        if ty is Type.I64:
            return self.int64.pair(inst)
        if ty.is_float:
            return self.floats.slot(inst)
        v = self.values.get(inst)
        if v is None:
            v = self.values[inst] = self.new()
        return v

    def extend(self, value: ir.Value, signed_: bool) -> VReg:
        """A value of up to 32 bits widened to 32 by sign or zero extension (the
        register of a narrow load that extended it that way already: read only)."""
        ty = value.type
        if isinstance(value, Constant):
            n = int(value.value)
            if ty is Type.I1:
                n &= 1
            elif BITS[ty] < 32:
                n &= (1 << BITS[ty]) - 1
                if signed_:
                    n = signed(n, BITS[ty])
            return self.const_int(n)
        if isinstance(value, ir.Parameter) and value.index in self.param_slots and \
                ty is not Type.I1 and BITS[ty] < 32:       # extended as it is read
            d = self.new()
            self.e(("movs" if signed_ else "movz") + ("bl" if BITS[ty] == 8 else "wl"), d,
                   slot_mem(self.param_slots[value.index]))
            return d
        src = self.reg(value)
        if ty is Type.I1 or BITS[ty] >= 32:
            return src
        if isinstance(value, Instruction) and self.extended.get(value.id) == signed_:
            return src                          # loaded with this extension
        d = self.new()
        if BITS[ty] == 16:                      # every register has a 16-bit name
            self.e("movswl" if signed_ else "movzwl", d, src.width(16))
            return d
        self.e("movsbl" if signed_ else "movzbl", d, src.width(8))
        return d

    def byte_register(self, value: ir.Value):
        """The value's low byte: an immediate, or the byte of its register."""
        if isinstance(value, Constant):
            return imm(signed(int(value.value), 8))
        return self.reg(value).width(8)

    # --- the function -----------------------------------------------------------------
    # --- the function (selector.py walks it) ------------------------------------------
    def count_uses(self, inst: Instruction) -> None:
        super().count_uses(inst)
        for index, op in enumerate(inst.operands):
            if isinstance(op, ir.Parameter):
                self.param_uses[op.index] = self.param_uses.get(op.index, 0) + 1
            elif isinstance(op, Instruction):
                self.users.setdefault(op.id, []).append((inst, index))

    def analyse(self) -> None:
        self.address_only = address_only(self.fn, self.users)

    def skipped(self, inst: Instruction) -> bool:
        return inst.id in self.address_only or self._tested(inst)

    def fusable(self, inst: Instruction, insts: list, i: int) -> bool:
        if self.uses.get(inst.id, 0) != 1:
            return False
        nxt = insts[i + 1] if i + 1 < len(insts) else None
        user = self.user[inst.id]
        if user.opcode == "br" and inst.opcode == "icmp":
            # the block's own branch: the compare is made there (its operands are
            # SSA values, still there), not kept as 0/1 in a register until then
            return user.block is inst.block
        if user is not nxt:
            return False
        return user.opcode == "br" or user.opcode == "select" and user.operands[0] is inst

    def _tested(self, inst: Instruction) -> bool:
        """Whether ``inst`` is an ``and`` with a constant whose one use is an
        eq/ne comparison with 0 in its block: the comparison makes it a
        ``test`` (``testb $4, %al``), which needs no register for the AND."""
        if inst.opcode != "and" or inst.type is Type.I64 or inst.type is Type.I1 or \
                self.uses.get(inst.id, 0) != 1 or not isinstance(inst.operands[1], Constant):
            return False
        user = self.user[inst.id]
        if user.opcode != "icmp" or user.block is not inst.block or \
                user.attributes["predicate"] not in ("eq", "ne") or \
                not any(isinstance(o, Constant) and int(o.value) == 0 for o in user.operands):
            return False
        self.tested.add(inst.id)
        return True

    def test_bits(self, value: Instruction):
        """``test`` of a deferred ``and x, c`` (see ``_tested``): ZF is set when
        x & c is 0, read through x's byte or word when c fits in it."""
        x, c = value.operands
        n = int(c.value) & ((1 << BITS[value.type]) - 1)
        r = self.reg(x)
        if n < 0x100:
            self.e("testb", r.width(8), imm(signed(n, 8)))
        elif n < 0x10000:
            self.e("testw", r.width(16), imm(signed(n, 16)))
        else:
            self.e("testl", r, imm(signed(n, 32)))

    def select(self, inst: Instruction) -> None:
        op = inst.opcode
        self.floats.before(inst)            # %st(0) emptied unless inst takes it
        if any(t in (Type.I128, Type.F128) for t in
               (inst.type, *(getattr(o, "type", None) for o in inst.operands))):
            raise ToolchainError(f"128-bit values are not supported on i386 (function "
                                 f"'{self.fn.name}', '{op}')",
                                 inst.location)
        if inst.type is Type.I64 or (op in ("icmp", "store", "switch") and
                                     inst.operands and inst.operands[0].type is Type.I64):
            handler = self.int64.handler(op)
            if handler is not None:
                return handler(inst)
        handler = getattr(self, "op_" + op, None)
        if handler is None:
            handler = self.floats.handler(op) or self.calls.handler(op)
        if handler is None:
            raise NotImplementedError(f"i386 isel: opcode {op} ({inst.type})")
        handler(inst)

    # --- integer arithmetic ---------------------------------------------------------
    def _binary(self, inst: Instruction, mnemonic: str) -> None:
        a, b = inst.operands
        d = self.dest(inst)
        self.e("movl", d, self.source(a))
        self.e(mnemonic + "l", d, self.source(b))

    def op_add(self, inst): self._binary(inst, "add")
    def op_sub(self, inst): self._binary(inst, "sub")
    def op_and(self, inst): self._binary(inst, "and")
    def op_or(self, inst): self._binary(inst, "or")
    def op_xor(self, inst): self._binary(inst, "xor")

    def op_mul(self, inst):
        a, b = inst.operands
        d = self.dest(inst)
        o = self.operand(b)
        if isinstance(o, Immediate) and isinstance(o.value, ExprConstant):
            self.e("imull", d, self.reg(a), o)
        else:
            self.e("movl", d, self.reg(a))
            self.e("imull", d, self.reg(b))

    def op_neg(self, inst):
        d = self.dest(inst)
        self.e("movl", d, self.reg(inst.operands[0]))
        self.e("negl", d)

    def op_not(self, inst):
        d = self.dest(inst)
        self.e("movl", d, self.reg(inst.operands[0]))
        if inst.type is Type.I1:
            self.e("xorl", d, imm(1))
        else:
            self.e("notl", d)

    def _shift(self, inst: Instruction, mnemonic: str, signed_: bool | None) -> None:
        a, b = inst.operands
        d = self.dest(inst)
        src = self.extend(a, signed_) if signed_ is not None else self.reg(a)
        self.e("movl", d, src)
        if isinstance(b, Constant):
            self.e(mnemonic + "l", d, imm(int(b.value) & 31))
        else:
            count = self.int64.pair(b)[0] if b.type is Type.I64 else self.reg(b)
            self.e("movl", ECX, count)
            self.e(mnemonic + "l", d, CL)

    def op_shl(self, inst): self._shift(inst, "shl", None)
    def op_lshr(self, inst): self._shift(inst, "shr", False)
    def op_ashr(self, inst): self._shift(inst, "sar", True)

    def _divide(self, inst: Instruction, signed_: bool, remainder: bool) -> None:
        a, b = inst.operands
        x = self.extend(a, signed_)
        y = self.extend(b, signed_)
        self.e("movl", EAX, x)
        if signed_:
            self.e("cltd", uses=("eax",), defs=("edx",))
        else:
            self.e("xorl", EDX, EDX, roles=("w", ""))
        self.e("idivl" if signed_ else "divl", y, uses=("eax", "edx"), defs=("eax", "edx"))
        self.e("movl", self.dest(inst), EDX if remainder else EAX)

    def op_sdiv(self, inst): self._divide(inst, True, False)
    def op_udiv(self, inst): self._divide(inst, False, False)
    def op_srem(self, inst): self._divide(inst, True, True)
    def op_urem(self, inst): self._divide(inst, False, True)

    # --- bit counting -------------------------------------------------------------------
    def _bits_op(self, inst: Instruction, kind: str) -> None:
        (a,) = inst.operands
        width = BITS[inst.type]
        x = self.new()
        self.e("movl", x, self.extend(a, False))      # cttz sets a bit in it
        d = self.dest(inst)
        if kind == "ctpop":
            self.e("popcntl", d, x)
        elif kind == "ctlz":
            t = self.new()
            self.e("bsrl", t, x)
            self.e("cmovel", t, self.const_int(-1))
            self.e("movl", d, imm(width - 1))
            self.e("subl", d, t)
        elif kind == "cttz":
            if width < 32:
                self.e("orl", x, imm(1 << width))
            t = self.const_int(width)
            self.e("bsfl", d, x)
            self.e("cmovel", d, t)
        else:                                       # bswap
            self.e("movl", d, x)
            if width == 16:
                self.e("rolw", d.width(16), imm(8))
            elif width == 32:
                self.e("bswapl", d)

    def op_ctlz(self, inst): self._bits_op(inst, "ctlz")
    def op_cttz(self, inst): self._bits_op(inst, "cttz")
    def op_ctpop(self, inst): self._bits_op(inst, "ctpop")
    def op_bswap(self, inst): self._bits_op(inst, "bswap")

    # --- comparisons and select ---------------------------------------------------------
    def compare(self, inst: Instruction):
        """Emit the flag-setting code of an icmp/fcmp; the condition that is true."""
        if inst.opcode == "fcmp":
            return self.floats.compare(inst)
        pred = inst.attributes["predicate"]
        a, b = inst.operands
        if a.type is Type.I64:
            return self.int64.compare(pred, a, b)
        if isinstance(a, Constant) and not isinstance(b, Constant):
            a, b, pred = b, a, SWAPPED[pred]
        if isinstance(a, Instruction) and a.id in self.tested:
            self.test_bits(a)                   # (x & c) == 0
            return ICC[pred]
        narrow = a.type is not Type.I1 and BITS[a.type] < 32
        signed_ = pred in ("slt", "sle", "sgt", "sge")
        short = self.narrow_compare(pred, a, b)
        if short is not None:
            return short
        x = self.extend(a, signed_) if narrow else self.reg(a)
        if isinstance(b, Constant):
            n = int(b.value)
            if narrow:
                n &= (1 << BITS[b.type]) - 1
                if signed_:
                    n = signed(n, BITS[b.type])
            o = imm(signed(n, 32))
        else:
            o = self.extend(b, signed_) if narrow else self.source(b)
        if isinstance(o, Immediate) and isinstance(o.value, ExprConstant) and \
                o.value.value == 0 and pred in ("eq", "ne"):
            self.e("testl", x, x)
        else:
            self.e("cmpl", x, o)
        return ICC[pred]

    def narrow_compare(self, pred: str, a: ir.Value, b: ir.Value):
        """``cmpb``/``cmpw`` (``testb``/``testw`` against 0) on an i8/i16 value's
        own byte or word, for the comparison of its extension with a constant
        of the extension's range: no extension needed.  The condition, or None
        where this does not apply (or a load extended it already)."""
        if not (isinstance(a, Instruction) and a.opcode in ("sext", "zext") and
                isinstance(b, Constant)):
            return None
        inner, sext = a.operands[0], a.opcode == "sext"
        if inner.type not in (Type.I8, Type.I16) or isinstance(inner, Constant):
            return None
        signed_ = pred in ("slt", "sle", "sgt", "sge")
        if sext and pred not in ("eq", "ne") and not signed_:
            return None
        bits = BITS[inner.type]
        n = signed(int(b.value), 16 if a.type is Type.I16 else 32)
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if sext else (0, (1 << bits) - 1)
        if not lo <= n <= hi:
            return None
        if isinstance(inner, Instruction) and self.extended.get(inner.id) == sext:
            return None                         # loaded extended: cmpl is as short
        # a zero extension is never negative: its signed order is the unsigned one
        cc = ICC["u" + pred[1:]] if signed_ and not sext else ICC[pred]
        if isinstance(inner, ir.Parameter) and inner.index in self.param_slots:
            x = slot_mem(self.param_slots[inner.index])
        else:
            x = self.reg(inner).width(bits)
        suffix = SUFFIX[bits]
        if n == 0 and pred in ("eq", "ne") and not isinstance(x, Memory):
            self.e("test" + suffix, x, x)
        else:
            self.e("cmp" + suffix, x, imm(signed(n & ((1 << bits) - 1), bits)))
        return cc

    def materialize(self, cond, d: VReg) -> None:
        """Set d to 1 when the condition holds, else 0 (setcc needs a byte register)."""
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            self.e("set" + c1, AL, defs=("eax",))
            self.e("set" + c2, CL, defs=("ecx",))
            self.e("andb" if kind == "and" else "orb", AL, CL, uses=("eax", "ecx"))
        else:
            self.e("set" + cond, AL, defs=("eax",))
        self.e("movzbl", d, AL, uses=("eax",))

    def select_compare_value(self, inst: Instruction) -> None:
        cond = self.compare(inst)
        self.materialize(cond, self.dest(inst))

    def op_icmp(self, inst): self.select_compare_value(inst)
    def op_fcmp(self, inst): self.select_compare_value(inst)

    def condition(self, value: ir.Value):
        """Flags for an i1 value: a fused comparison, or a test of its register."""
        if isinstance(value, Instruction) and value.id in self.fused:
            return self.compare(value)
        r = self.const_int(int(value.value) & 1) if isinstance(value, Constant) else \
            self.reg(value)
        self.e("testl", r, r)
        return "ne"

    def op_select(self, inst: Instruction) -> None:
        c, a, b = inst.operands
        ty = inst.type
        if ty.is_float:
            return self.floats.select(inst)
        if ty is Type.I64:
            (al, ah), (bl, bh) = self.int64.pair(a), self.int64.pair(b)
            dl, dh = self.dest(inst)
            tl, th = self.new(), self.new()
            self.e("movl", tl, bl)
            self.e("movl", th, bh)
            self.cmovs(self.condition(c), [(tl, al), (th, ah)], [(tl, bl), (th, bh)])
            self.e("movl", dl, tl)
            self.e("movl", dh, th)
            return
        ra, rb = self.reg(a), self.reg(b)
        t = self.new()
        self.e("movl", t, rb)
        self.cmovs(self.condition(c), [(t, ra)], [(t, rb)])
        self.e("movl", self.dest(inst), t)

    def cmovs(self, cond, true_moves, false_moves) -> None:
        """dest already holds the false value; move in the true one when cond holds."""
        def cm(cc, moves):
            for d, s in moves:
                self.e("cmov" + cc + "l", d, s)
        if isinstance(cond, tuple):
            kind, c1, c2 = cond
            if kind == "or":
                cm(c1, true_moves)
                cm(c2, true_moves)
            else:
                for d, s in true_moves:     # start from the true value, undo on either failure
                    self.e("movl", d, s)
                cm(NEGATE[c1], false_moves)
                cm(NEGATE[c2], false_moves)
        else:
            cm(cond, true_moves)

    # --- integer conversions ------------------------------------------------------------
    def op_zext(self, inst): self._ext(inst, False)
    def op_sext(self, inst): self._ext(inst, True)

    def _ext(self, inst: Instruction, signed_: bool) -> None:
        (a,) = inst.operands
        if a.type is Type.I1 and signed_:
            d = self.dest(inst)
            self.e("movl", d, self.reg(a))
            self.e("negl", d)
            return
        self.e("movl", self.dest(inst), self.extend(a, signed_))

    def op_trunc(self, inst: Instruction) -> None:
        (a,) = inst.operands
        d = self.dest(inst)
        self.e("movl", d, self.reg(a))
        if inst.type is Type.I1:
            self.e("andl", d, imm(1))

    def op_copy(self, inst: Instruction) -> None:
        self.copy_value(inst.operands[0], self.dest(inst), inst.type)

    def copy_value(self, value: ir.Value, dest, ty: Type) -> None:
        if ty is Type.I64:
            lo, hi = self.int64.operands(value)
            self.e("movl", dest[0], lo)
            self.e("movl", dest[1], hi)
        elif ty.is_float:
            self.floats.copy(value, dest)
        else:
            self.e("movl", dest, self.source(value))

    def op_bitcast(self, inst: Instruction) -> None:
        (a,) = inst.operands
        if a.type.is_float != inst.type.is_float:
            return self.floats.bitcast(inst)
        self.copy_value(a, self.dest(inst), inst.type)


def select_function(function: ir.Function, ctx: ModuleContext, regparm: int = 0,
                    sibling_calls: bool = False) -> MachineFunction:
    return Selector(function, ctx, regparm, sibling_calls).run()

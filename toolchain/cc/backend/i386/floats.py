"""Floating point for i386: float, double and long double on the x87 stack.

The i386 baseline has no SSE (GCC's -m32 code uses the x87 too), so a
floating value -- f32, f64 and f80 alike -- has a frame slot of its size
(4, 8 or 12 bytes; long double is 12 bytes on i386), and each operation
loads its operands onto the x87 stack, computes, and stores the result to
the slot (``fldl``, ``faddl``, ``fstpl``).  The allocator never sees an x87
register.  Three things keep that short, the way GCC's reg-stack code is:

* a result whose one user comes later in the block stays on the x87 stack
  for it (``stack``, at most DEPTH values) when what comes between may run
  with it there: integer work and other floating operations, which take
  their operands from wherever they are on the stack (``fxch`` where they
  are not on top) -- expression trees are computed on the stack as GCC's
  reg-stack pass would.  A result used more than once may stay for its
  first user while its slot gets a copy (``fstl``).  Any other instruction
  first stores the values (``before``), so the stack is empty across calls
  and block edges (a branch or return keeps only what it takes);
* a load whose users come later in its block, with nothing that may write
  memory in between, is not done at all (``deferred``): its users read the
  memory themselves (``flds (%eax)``, ``faddl gd+8``);
* the second operand of arithmetic is a memory operand (``fsubrl 8(%ebp)``)
  unless it is a long double (the x87 has no 80-bit arithmetic from memory)
  or 0 and 1 (``fldz``, ``fld1``).

A value kept on the stack is not rounded to its type, as with GCC's default
-fexcess-precision=fast (FLT_EVAL_METHOD is 2 here); a conversion that
narrows (``fptrunc``, an integer to float) is still rounded through its slot
unless it is stored at once.  Copies go through the x87 too (``fldl``/
``fstpl``: two instructions where integer registers take two to six, and
no 0x66 prefix under .code16gcc); like GCC's, they quiet a signalling NaN.
The slot of a value used only later in its own block goes back to a pool
once its last user is selected, for the next such value (``_release``):
frames stay small, and more slots are in reach of a one-byte displacement.

GNU spelling of the reversed operations: ``fsubp %st, %st(1)`` is Intel's
FSUBRP (st(1) = st(0) - st(1)) and ``fsubrp %st, %st(1)`` Intel's FSUBP.
C's conversion to integer truncates, while the x87 rounds to nearest: the
control word is saved (``fnstcw``), its rounding field set to "toward zero"
for the ``fistp`` and restored (``fldcw``).  Unsigned conversions go through
64-bit integers, with a correction for values of 2**63 and more.
"""

from __future__ import annotations

import struct

from ...ir import Constant, Instruction, Parameter, Type, Undef
from ..x86.x87 import f80_bytes
from .operands import (BITS, FCC, ST0, ST1, ExprConstant, Memory, Register, SymbolRef, imm,
                       offset_mem, slot_mem)

SIZE = {Type.F32: 4, Type.F64: 8, Type.F80: 12}
SUFFIX = {Type.F32: "s", Type.F64: "l", Type.F80: "t"}

# users that take a value from %st(0) themselves (a result may stay there for them)
STACK_USERS = frozenset(("fadd", "fsub", "fmul", "fdiv", "fneg", "fcmp", "fptosi", "fptoui",
                         "fpext", "fptrunc", "store", "ret"))
# integer instructions selected inline (of up to 32 bits: no helper calls)
INTEGER_WORK = frozenset(("add", "sub", "mul", "sdiv", "udiv", "srem", "urem", "and", "or", "xor",
                          "shl", "lshr", "ashr", "neg", "not", "icmp", "zext", "sext", "trunc",
                          "copy"))
# instructions that may write memory: a deferred load may not move past them
MEMORY_WRITERS = frozenset(("store", "memcpy", "memset", "call", "va_start", "va_arg", "va_end",
                            "va_copy", "asm"))
# values at most on the x87 stack between instructions (operations push two more)
DEPTH = 6
# predicates that read the same with their operands swapped
SYMMETRIC = frozenset(("oeq", "une", "one", "ueq", "ord", "uno"))


def constant_bytes(value) -> bytes:
    """The bytes of a floating constant (undef reads as 0) in its type's format."""
    ty = value.type
    number = float(value.value) if isinstance(value, Constant) else 0.0
    bits = value.bits if isinstance(value, Constant) else None
    if ty is Type.F32:
        return bits.to_bytes(4, "little") if bits is not None else struct.pack("<f", number)
    if ty is Type.F64:
        return bits.to_bytes(8, "little") if bits is not None else struct.pack("<d", number)
    return bits.to_bytes(10, "little") if bits is not None else f80_bytes(number)


def special_load(value) -> str | None:
    """``fldz`` or ``fld1`` for the constants +0 and 1, else None."""
    if not isinstance(value, (Constant, Undef)):
        return None
    data = constant_bytes(value)
    if not any(data):
        return "fldz"
    one = {4: struct.pack("<f", 1.0), 8: struct.pack("<d", 1.0)}.get(len(data), f80_bytes(1.0))
    return "fld1" if data == one else None


class FloatSelection:
    def __init__(self, sel):
        self.sel = sel
        self.slots: dict[object, object] = {}      # float value -> FrameSlot
        self.control_words = None
        self.control_block = None                  # the machine block that set them
        self.conversion = None                     # the 8-byte slot fild/fistp go through
        self.stack: list = []                      # values on the x87 stack, st(0) last
        self.saved: set[int] = set()               # ids of those whose slot holds them too
        self.deferred: dict[object, Memory] = {}   # load not done -> the memory it reads
        self.index: dict[int, int] = {}            # instruction id -> position in its block
        # slots of values used only in their own block, shared once those are dead
        self.free: dict[int, list] = {}            # size -> slots no live value holds
        self.pending: list[tuple[int, int, object]] = []   # (last use, size, slot)
        self.block = None                          # the IR block being selected

    def handler(self, opcode: str):
        return getattr(self, "op_" + opcode, None)

    # --- values ------------------------------------------------------------------------
    def pool(self, data: bytes, align: int) -> Memory:
        return Memory(displacement=SymbolRef(self.sel.ctx.constant(data, align)))

    def slot(self, value):
        s = self.slots.get(value)
        if s is None:
            size = SIZE[value.type]
            last = self._last_use(value)
            free = self.free.get(size)
            s = free.pop() if last is not None and free else \
                self.sel.mf.new_slot(size, 4, "f")
            self.slots[value] = s
            if last is not None:
                self.pending.append((last, size, s))
        return s

    def _last_use(self, value) -> int | None:
        """Where the last use of a value of the block being selected is, when all
        its uses come later in that block, else None.  A comparison reads its
        operands one later: where it is fused into the branch or select after it."""
        if not isinstance(value, Instruction) or value.opcode == "phi" or \
                value.block is not self.block:
            return None
        here = self.position(value)
        last = here
        for user, _ in self.sel.users.get(value.id, ()):
            if user.block is not value.block or user.opcode == "phi" or \
                    self.position(user) <= here:
                return None
            last = max(last, self.position(user) + (user.opcode == "fcmp"))
        return last

    def _release(self, inst: Instruction) -> None:
        """Free the slots of the block's values whose last use is behind inst."""
        if inst.block is not self.block:
            self.block, dead, self.pending = inst.block, self.pending, []
        else:
            here = self.position(inst)
            dead = [p for p in self.pending if p[0] < here]
            self.pending = [p for p in self.pending if p[0] >= here]
        for _, size, s in dead:
            self.free.setdefault(size, []).append(s)

    def temp_slot(self, ty: Type):
        return self.sel.mf.new_slot(SIZE[ty], 4, "ft")

    def conversion_slot(self):
        if self.conversion is None:
            self.conversion = self.sel.mf.new_slot(8, 4, "cvt")
        return self.conversion

    def mem_of(self, value) -> Memory:
        """Memory holding a floating value (its slot, the constant pool, or the
        memory a deferred load reads); a value only on the x87 stack goes to its
        slot first (callers do this before they push anything)."""
        if isinstance(value, (Constant, Undef)):
            data = constant_bytes(value)
            if value.type is Type.F80:
                return self.pool(data + bytes(6), 16)
            return self.pool(data, len(data))
        if self.depth(value) is not None and value.id not in self.saved:
            self.spill(value)
        m = self.deferred.get(value)
        if m is not None:
            return m
        return slot_mem(self.slot(value))

    # --- the x87 stack between instructions ----------------------------------------------
    def position(self, inst: Instruction) -> int:
        if inst.id not in self.index:
            for i, x in enumerate(inst.block.instructions):
                self.index[x.id] = i
        return self.index[inst.id]

    def _only_user(self, inst: Instruction):
        """The one user of inst, when it is later in the same block, else None."""
        sel = self.sel
        if sel.uses.get(inst.id, 0) != 1:
            return None
        user = sel.user[inst.id]
        if user.block is not inst.block or self.position(user) <= self.position(inst):
            return None
        return user

    def keeps(self, inst: Instruction) -> bool:
        """Whether inst's result may stay on the x87 stack: its one user takes it
        from there and what comes between keeps the stack (a narrowing
        conversion is rounded unless stored)."""
        user = self._only_user(inst)
        if user is None or user.opcode not in STACK_USERS:
            return False
        insts = inst.block.instructions
        if not all(self.friendly(x) for x in insts[self.position(inst) + 1:self.position(user)]):
            return False
        if user.opcode == "store":
            return user.operands[0] is inst
        narrowing = inst.opcode == "fptrunc" or (
            inst.opcode in ("sitofp", "uitofp") and
            (inst.type is Type.F32 or inst.operands[0].type is Type.I64))
        return not narrowing

    def neutral(self, inst: Instruction) -> bool:
        """Whether selecting inst leaves the x87 stack as it is and calls nothing:
        address arithmetic folded into its users, loads (a floating one is pushed
        and popped again), and integer work of up to 32 bits."""
        if inst.id in self.sel.address_only or inst.opcode == "load":
            return True
        return inst.opcode in INTEGER_WORK and not inst.type.is_float and \
            all(o.type not in (Type.I64, Type.I128) and not o.type.is_float
                for o in (inst, *inst.operands))

    def friendly(self, inst: Instruction) -> bool:
        """Whether inst may be selected with values left on the x87 stack: the
        neutral instructions, floating operations (they push at most two
        temporaries and take their operands from wherever they are) and stores."""
        return self.neutral(inst) or inst.opcode in STACK_USERS and inst.opcode != "ret" or \
            inst.opcode in ("sitofp", "uitofp")

    def keeps_copy(self, inst: Instruction) -> bool:
        """Whether inst's result, used more than once, may stay in %st(0) for its
        first user while its slot gets a copy for the others: the two must be
        the same number -- a long double, a value exact in its type, or a copy
        that the first user (a store) rounds the same way."""
        sel = self.sel
        if sel.uses.get(inst.id, 0) < 2:
            return False
        here = self.position(inst)
        first = None
        for user, _ in sel.users[inst.id]:
            if user.block is inst.block and user.opcode != "phi" and \
                    self.position(user) > here:
                if first is None or self.position(user) < self.position(first):
                    first = user
        if first is None or first.opcode not in STACK_USERS:
            return False
        if first.opcode == "store" and first.operands[0] is not inst:
            return False
        insts = inst.block.instructions
        if not all(self.friendly(x) for x in insts[here + 1:self.position(first)]):
            return False
        exact = inst.type is Type.F80 or inst.opcode in ("fpext", "load", "va_arg") or (
            inst.opcode == "sitofp" and inst.type is not Type.F32 and
            inst.operands[0].type is not Type.I64)
        return exact or first.opcode == "store"

    def define(self, inst: Instruction) -> None:
        """inst's result is in %st(0): keep it there for its user, or store it."""
        room = len(self.stack) < DEPTH
        if self.keeps(inst):
            if room:
                self.stack.append(inst)
            else:
                self._replace(inst)
        elif room and self.keeps_copy(inst):
            m = slot_mem(self.slot(inst))
            if inst.type is Type.F80:           # no fstt: a duplicate is stored
                self.sel.e("fld", ST0)
                self.fstp(inst.type, m)
            else:
                self.sel.e("fst" + SUFFIX[inst.type], m)
            self.stack.append(inst)
            self.saved.add(inst.id)
        else:
            self.fstp(inst.type, slot_mem(self.slot(inst)))

    def _next_use(self, value) -> int:
        here = self.position(value)
        return min(self.position(u) for u, _ in self.sel.users[value.id]
                   if u.block is value.block and self.position(u) > here)

    def _replace(self, inst: Instruction) -> None:
        """The stack is full: inst takes the place of the value whose user is
        farthest when that is farther than inst's (which is stored otherwise)."""
        victim = max(self.stack, key=self._next_use)
        if self._next_use(victim) <= self._next_use(inst):
            return self.fstp(inst.type, slot_mem(self.slot(inst)))
        i = self.depth(victim)
        self.sel.e("fxch", Register(f"st({i + 1})"))      # inst is above the stack
        if victim.id in self.saved:
            self.sel.e("fstp", ST0)
        else:
            self.fstp(victim.type, slot_mem(self.slot(victim)))
        self.saved.discard(victim.id)
        self.stack[len(self.stack) - 1 - i] = inst

    def depth(self, value) -> int | None:
        """The st(i) a value is in, or None."""
        for i, v in enumerate(reversed(self.stack)):
            if v is value:
                return i
        return None

    def fxch(self, i: int) -> None:
        self.sel.e("fxch", Register(f"st({i})"))
        s = self.stack
        s[-1], s[-1 - i] = s[-1 - i], s[-1]

    def claim(self, value) -> None:
        """Bring a value on the stack to st(0) for the operation taking it."""
        i = self.depth(value)
        if i:
            self.fxch(i)
        self.stack.pop()

    def spill(self, value) -> None:
        """Take a value off the stack to its slot."""
        self.claim(value)
        if value.id in self.saved:
            self.sel.e("fstp", ST0)
        else:
            self.fstp(value.type, slot_mem(self.slot(value)))

    def before(self, inst: Instruction) -> None:
        """Called before each instruction is selected: the values on the x87
        stack go to their slots unless inst may run with them there (a branch
        or return keeps those it takes)."""
        self._release(inst)
        if inst.opcode in ("call", "asm"):
            self.control_block = None
        if not self.stack or self.friendly(inst):
            return
        taken = []
        if inst.opcode == "ret" or (inst.opcode == "br" and
                                    inst.targets[0] is not inst.targets[1]):
            for op in inst.operands:
                taken.append(op)
                if isinstance(op, Instruction) and op.id in self.sel.fused:
                    taken.extend(op.operands)
        for v in list(reversed(self.stack)):
            if not any(v is t for t in taken):
                self.spill(v)

    def deferrable(self, inst: Instruction) -> bool:
        """Whether a load may be left to its users: they come later in its block
        and nothing that may write memory runs before the last one (a volatile
        load has one user, and no other load comes between)."""
        users = self.sel.users.get(inst.id, ())
        volatile = bool(inst.attributes.get("volatile"))
        if not users or (volatile and len(users) != 1):
            return False
        here = self.position(inst)
        last = here
        for user, _ in users:
            if user.block is not inst.block or user.opcode == "phi" or \
                    self.position(user) <= here:
                return False
            last = max(last, self.position(user))
        insts = inst.block.instructions
        for x in insts[here + 1:last]:
            if x.opcode in MEMORY_WRITERS or (volatile and x.opcode == "load"):
                return False
        return True

    # --- moving values -------------------------------------------------------------------
    def push(self, value) -> None:
        """Load a value onto the x87 stack (anything already there stays under it)."""
        special = special_load(value)
        if special is not None:
            self.sel.e(special)
            return
        self.sel.e("fld" + SUFFIX[value.type], self.mem_of(value))

    def fld(self, value) -> None:
        """Put a value in %st(0) as the first operand of an operation: the value
        kept on the stack, or a load."""
        if self.depth(value) is not None:
            self.claim(value)
        else:
            self.push(value)

    def fstp(self, ty: Type, m: Memory) -> None:
        self.sel.e("fstp" + SUFFIX[ty], m)

    def copy_mem(self, dst: Memory, src: Memory, ty: Type) -> None:
        self.sel.e("fld" + SUFFIX[ty], src)
        self.fstp(ty, dst)

    def load(self, m: Memory, dest) -> None:
        ty = Type.F32 if dest.size == 4 else Type.F64 if dest.size == 8 else Type.F80
        self.copy_mem(slot_mem(dest), m, ty)

    def load_value(self, inst: Instruction, m: Memory) -> None:
        """A floating load: left to its user where that may read the memory itself."""
        if self.deferrable(inst):
            self.deferred[inst] = m
        else:                                   # loaded here, kept for a user or stored
            self.sel.e("fld" + SUFFIX[inst.type], m)
            self.define(inst)

    def store(self, value, m: Memory) -> None:
        if self.depth(value) is not None:
            self.claim(value)
            self.fstp(value.type, m)
        elif isinstance(value, (Constant, Undef)) and value.type is Type.F32:
            self.sel.e("movl", m, imm(int.from_bytes(constant_bytes(value), "little",
                                                      signed=True)))
        elif isinstance(value, (Constant, Undef)) and special_load(value) is not None:
            self.push(value)
            self.fstp(value.type, m)
        else:
            self.copy_mem(m, self.mem_of(value), value.type)

    def copy(self, value, dest) -> None:
        self.store(value, slot_mem(dest))

    def copy_slot(self, src, dest, ty: Type) -> None:
        self.copy_mem(slot_mem(dest), slot_mem(src), ty)

    def select(self, inst: Instruction) -> None:
        sel = self.sel
        c, a, b = inst.operands
        pa, pb = sel.new(), sel.new()
        sel.e("leal", pa, self.mem_of(a))
        sel.e("leal", pb, self.mem_of(b))
        sel.cmovs(sel.condition(c), [(pb, pa)], [(pb, pb)])
        self.copy_mem(slot_mem(self.slot(inst)), Memory(base=pb, displacement=ExprConstant(0)),
                      inst.type)

    def bitcast(self, inst: Instruction) -> None:
        sel = self.sel
        (a,) = inst.operands
        if a.type.is_float:                     # float -> integer of the same size
            m = self.mem_of(a)
            if inst.type is Type.I64:
                dl, dh = sel.dest(inst)
                sel.e("movl", dl, m)
                sel.e("movl", dh, offset_mem(m, 4))
            else:
                sel.e("movl", sel.dest(inst), m)
            return
        m = slot_mem(self.slot(inst))
        if a.type is Type.I64:
            lo, hi = sel.int64.operands(a)
            sel.e("movl", m, lo)
            sel.e("movl", offset_mem(m, 4), hi)
        else:
            sel.e("movl", m, sel.operand(a))

    # --- arithmetic ----------------------------------------------------------------------
    def _from_memory(self, value) -> bool:
        """Whether an arithmetic operand is read from memory (not pushed)."""
        return value.type is not Type.F80 and special_load(value) is None

    def _arith(self, inst: Instruction, op: str) -> None:
        a, b = inst.operands
        sel = self.sel
        reverse = "r" if op in ("sub", "div") else ""
        ia = self.depth(a)
        ib = self.depth(b) if b is not a else None
        if ia is not None and ib is not None and {ia, ib} != {0, 1}:
            self.spill(b)                       # not the top two: b from memory
            ia, ib = self.depth(a), None
        if ia is not None and ib is not None:   # the top two
            self.stack.pop()
            self.stack.pop()
            # GNU spelling: f<op>p computes st(1) = st(0) op st(1), f<op>rp the reverse
            sel.e("f" + op + ("p" if ia == 0 else reverse + "p"), ST1, ST0)
        elif ib is not None:                    # b in st(0): a op st
            self.claim(b)
            if self._from_memory(a):
                sel.e("f" + op + reverse + SUFFIX[a.type], self.mem_of(a))
            else:
                self.push(a)
                sel.e("f" + op + "p", ST1, ST0)
        else:
            self.fld(a)                         # st op b
            if self._from_memory(b):
                sel.e("f" + op + SUFFIX[b.type], self.mem_of(b))
            else:
                self.push(b)
                sel.e("f" + op + reverse + "p", ST1, ST0)
        self.define(inst)

    def op_fadd(self, inst): self._arith(inst, "add")
    def op_fsub(self, inst): self._arith(inst, "sub")
    def op_fmul(self, inst): self._arith(inst, "mul")
    def op_fdiv(self, inst): self._arith(inst, "div")

    def op_fneg(self, inst: Instruction) -> None:
        self.fld(inst.operands[0])
        self.sel.e("fchs")
        self.define(inst)

    def compare(self, inst: Instruction):
        """``fucomip`` of the operands, st(0) the left one; the condition that holds."""
        pred = inst.attributes["predicate"]
        swap, cond = FCC[pred]
        a, b = inst.operands
        if swap:
            a, b = b, a
        sel = self.sel
        ia = self.depth(a)
        ib = self.depth(b) if b is not a else None
        if ia is not None and ib is not None and {ia, ib} != {0, 1}:
            self.spill(b)
            ia, ib = self.depth(a), None
        if ia is not None and ib is not None:   # the top two
            self.stack.pop()
            self.stack.pop()
            if ia == 1 and pred not in SYMMETRIC:
                sel.e("fxch", ST1)
        elif ia is not None:
            self.claim(a)
            self.push(b)
            if pred not in SYMMETRIC:
                sel.e("fxch", ST1)
        else:
            self.fld(b)
            self.push(a)
        sel.e("fucomip", ST0, ST1)
        sel.e("fstp", ST0)
        return cond

    # --- conversions -----------------------------------------------------------------------
    def op_sitofp(self, inst: Instruction) -> None: self._int_to_float(inst, True)
    def op_uitofp(self, inst: Instruction) -> None: self._int_to_float(inst, False)

    def _int_to_float(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        if a.type is Type.I1:
            signed_ = False
        if isinstance(a, Parameter) and a.index in sel.param_slots and signed_ and \
                a.type in (Type.I16, Type.I32):     # fild reads the argument itself
            sel.e("fildl" if a.type is Type.I32 else "filds", slot_mem(sel.param_slots[a.index]))
            return self.define(inst)
        tmp = self.conversion_slot()
        if a.type is Type.I64:
            lo, hi = sel.int64.pair(a)
            sel.e("movl", slot_mem(tmp), lo)
            sel.e("movl", slot_mem(tmp, 4), hi)
            sel.e("fildq", slot_mem(tmp))
            if not signed_:
                done, add = sel.new_block(), sel.new_block()
                sel.e("testl", hi, hi)
                sel.jump("s", add)
                sel.jump(None, done)
                sel.start(add)
                sel.e("fadds", self.pool(struct.pack("<f", 2.0 ** 64), 4))
                sel.jump(None, done)
                sel.start(done)
        elif signed_ or BITS[a.type] < 32:
            sel.e("movl", slot_mem(tmp), sel.extend(a, signed_))
            sel.e("fildl", slot_mem(tmp))
        else:
            sel.e("movl", slot_mem(tmp), sel.reg(a))
            sel.e("movl", slot_mem(tmp, 4), imm(0))
            sel.e("fildq", slot_mem(tmp))
        self.define(inst)

    def op_fptosi(self, inst: Instruction) -> None: self._float_to_int(inst, True)
    def op_fptoui(self, inst: Instruction) -> None: self._float_to_int(inst, False)

    def _truncating(self, mnemonic: str, m: Memory) -> None:
        """``fistp`` with the rounding control set to truncate, then restored.
        The two control words are worked out once per block (while no call or
        asm statement, which might change the rounding mode, comes between)."""
        sel = self.sel
        if self.control_words is None:
            self.control_words = (sel.mf.new_slot(2, 2, "cw"), sel.mf.new_slot(2, 2, "cwz"))
        saved, truncating = self.control_words
        if self.control_block is not sel.block:
            t = sel.new().width(16)
            sel.e("fnstcw", slot_mem(saved))
            sel.e("movw", t, slot_mem(saved))
            sel.e("orw", t, imm(0xC00))
            sel.e("movw", slot_mem(truncating), t)
            self.control_block = sel.block
        sel.e("fldcw", slot_mem(truncating))
        sel.e(mnemonic, m)
        sel.e("fldcw", slot_mem(saved))

    def _float_to_int(self, inst: Instruction, signed_: bool) -> None:
        sel = self.sel
        (a,) = inst.operands
        ty = inst.type
        tmp = self.conversion_slot()
        self.fld(a)
        if ty is Type.I64 and not signed_:
            c = self.pool(struct.pack("<f", 2.0 ** 63), 4)
            small, big, done = sel.new_block(), sel.new_block(), sel.new_block()
            flip = sel.new()
            sel.e("flds", c)
            sel.e("fucomip", ST0, ST1)
            sel.jump("a", small)
            sel.jump(None, big)
            sel.start(big)
            sel.e("fsubs", c)
            sel.e("movl", flip, imm(-2**31))
            sel.jump(None, done)
            sel.start(small)
            sel.e("movl", flip, imm(0))
            sel.jump(None, done)
            sel.start(done)
            self._truncating("fistpll", slot_mem(tmp))
            dl, dh = sel.dest(inst)
            sel.e("movl", dl, slot_mem(tmp))
            sel.e("movl", dh, slot_mem(tmp, 4))
            sel.e("xorl", dh, flip)
            return
        if ty is Type.I64 or (ty is Type.I32 and not signed_):
            self._truncating("fistpll", slot_mem(tmp))
        else:
            self._truncating("fistpl", slot_mem(tmp))
        if ty is Type.I64:
            dl, dh = sel.dest(inst)
            sel.e("movl", dl, slot_mem(tmp))
            sel.e("movl", dh, slot_mem(tmp, 4))
        else:
            sel.e("movl", sel.dest(inst), slot_mem(tmp))

    def op_fpext(self, inst: Instruction) -> None: self._float_to_float(inst)
    def op_fptrunc(self, inst: Instruction) -> None: self._float_to_float(inst)

    def _float_to_float(self, inst: Instruction) -> None:
        (a,) = inst.operands
        if a.type is inst.type:
            return self.copy(a, self.slot(inst))
        self.fld(a)
        self.define(inst)

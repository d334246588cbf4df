"""The graph-colouring register allocator (backend/coloring.py) on i386.

Machine functions are built by hand (and at random) over virtual registers,
allocated with the i386 register facts, and then either inspected (copies
coalesced, values kept in registers, spills where pressure demands them) or
run by a tiny interpreter of the instructions they use, before and after
allocation: the same outputs mean no two values that are live at once were
given one register, and every spill and reload is where it must be.
"""

from __future__ import annotations

import random

import pytest

from toolchain.cc.backend.i386.registers import I386Registers
from toolchain.cc.backend.mir import FrameSlot, MachineBlock, MachineFunction, MachineInstr, VReg
from toolchain.cc.backend.regalloc import allocate
from toolchain.cc.backend.x86.operands import Memory, Register, SymbolRef, imm, slot_mem

TARGET = I386Registers()
CLOBBERED = ("eax", "ecx", "edx")


def _key(op):
    return op.id if isinstance(op, VReg) else op.name


def run(mf: MachineFunction, outputs: list[FrameSlot], seed: int = 0) -> list[int]:
    """Interpret movl/addl/subl/imull/xorl/cmpl/decl/jne/jmp/call over registers
    (virtual or physical) and frame slots; return the output slots' values."""
    regs: dict = {}
    memory: dict = {}
    garbage = random.Random(seed)
    labels = {block.label: i for i, block in enumerate(mf.blocks)}

    def value(op):
        if isinstance(op, (VReg, Register)):
            return regs[_key(op)]
        if isinstance(op, Memory):
            return memory[id(op.base)]
        return op.value.value                     # an immediate

    def store(op, v):
        v &= 0xFFFFFFFF
        if isinstance(op, Memory):
            memory[id(op.base)] = v
        else:
            regs[_key(op)] = v

    b, i, steps, zero = 0, 0, 0, False
    while b < len(mf.blocks):
        block = mf.blocks[b]
        if i >= len(block.instrs):
            b, i = b + 1, 0
            continue
        mi = block.instrs[i]
        i += 1
        steps += 1
        assert steps < 100000
        m, ops = mi.mnemonic, mi.operands
        if m == "movl":
            store(ops[0], value(ops[1]))
        elif m in ("addl", "subl", "imull", "xorl"):
            a, c = value(ops[0]), value(ops[1])
            store(ops[0], {"addl": a + c, "subl": a - c, "imull": a * c, "xorl": a ^ c}[m])
        elif m == "decl":
            store(ops[0], value(ops[0]) - 1)
            zero = regs[_key(ops[0])] == 0
        elif m == "cmpl":
            zero = value(ops[1]) == value(ops[0])
        elif m == "call":
            for name in CLOBBERED:
                regs[name] = garbage.getrandbits(32)
        elif m in ("jne", "jmp"):
            if m == "jmp" or not zero:
                b, i = labels[ops[0].name], 0
        else:
            raise AssertionError(f"the interpreter does not know {mi}")
    return [memory[id(slot)] for slot in outputs]


def _copy(mf: MachineFunction) -> MachineFunction:
    blocks = [MachineBlock(b.label, list(b.instrs)) for b in mf.blocks]
    index = {id(b): i for i, b in enumerate(mf.blocks)}
    for new, old in zip(blocks, mf.blocks):
        new.successors = [blocks[index[id(s)]] for s in old.successors]
    return MachineFunction(mf.name, blocks, list(mf.slots), mf.next_vreg, dict(mf.vreg_class))


def _function(n_blocks: int = 1) -> MachineFunction:
    mf = MachineFunction("f", [MachineBlock(f".L{i}") for i in range(n_blocks)])
    for a, b in zip(mf.blocks, mf.blocks[1:]):
        a.successors.append(b)
    return mf


def _spill_operands(mf: MachineFunction) -> int:
    return sum(1 for block in mf.blocks for mi in block.instrs for op in mi.operands
               if isinstance(op, Memory) and isinstance(op.base, FrameSlot)
               and op.base.name.startswith("spill"))


def test_loop_values_stay_in_registers():
    """921013-1.c's loop: four values and their increments, each incremented copy
    made before the old value's last use; all fit in six registers."""
    mf = _function(3)
    entry, loop, done = mf.blocks
    loop.successors.append(loop)
    out = [mf.new_slot(4, 4, f"out{i}") for i in range(4)]
    d, x, y, n = (mf.new_vreg(32) for _ in range(4))
    entry.instrs += [MachineInstr("movl", (v, imm(k)))
                     for k, v in zip((0, 100, 200, 5), (d, x, y, n))]
    nt, xt, yt, dt, t = (mf.new_vreg(32) for _ in range(5))
    loop.instrs += [
        MachineInstr("movl", (nt, n)), MachineInstr("decl", (nt,)),
        MachineInstr("movl", (xt, x)), MachineInstr("addl", (xt, imm(4))),
        MachineInstr("movl", (t, x)), MachineInstr("addl", (t, y)),
        MachineInstr("movl", (yt, y)), MachineInstr("addl", (yt, imm(8))),
        MachineInstr("movl", (dt, d)), MachineInstr("addl", (dt, t)),
        MachineInstr("movl", (n, nt)), MachineInstr("movl", (x, xt)),
        MachineInstr("movl", (y, yt)), MachineInstr("movl", (d, dt)),
        MachineInstr("cmpl", (imm(0), n)), MachineInstr("jne", (SymbolRef(".L1"),)),
    ]
    done.instrs += [MachineInstr("movl", (slot_mem(s), v)) for s, v in zip(out, (d, x, y, n))]
    expected = run(_copy(mf), out)
    allocate(mf, TARGET)
    assert run(mf, out) == expected
    assert _spill_operands(mf) == 0
    # the phi copies at the latch: at most the one whose ends interfere stays a real move
    latch = [mi for mi in loop.instrs[-6:-2] if mi.operands[0] != mi.operands[1]]
    assert len(latch) <= 1


def test_copies_coalesce():
    mf = _function()
    out = [mf.new_slot(4, 4, "out")]
    a, b, c = (mf.new_vreg(32) for _ in range(3))
    mf.blocks[0].instrs += [
        MachineInstr("movl", (a, imm(7))), MachineInstr("movl", (b, a)),
        MachineInstr("addl", (b, imm(1))), MachineInstr("movl", (c, b)),
        MachineInstr("movl", (Register("eax"), c)),
        MachineInstr("movl", (slot_mem(out[0]), Register("eax"))),
    ]
    allocate(mf, TARGET)
    copies = [mi for mi in mf.blocks[0].instrs if mi.mnemonic == "movl"
              and all(isinstance(o, Register) for o in mi.operands)]
    assert copies and all(mi.operands[0] == mi.operands[1] == Register("eax") for mi in copies)
    assert run(mf, out) == [8]


def test_value_across_a_call_is_callee_saved():
    mf = _function()
    out = [mf.new_slot(4, 4, "out")]
    a, b = mf.new_vreg(32), mf.new_vreg(32)
    mf.blocks[0].instrs += [
        MachineInstr("movl", (a, imm(3))),
        MachineInstr("call", (SymbolRef("g"),), implicit_defs=CLOBBERED),
        MachineInstr("movl", (b, Register("eax"))), MachineInstr("addl", (b, a)),
        MachineInstr("movl", (slot_mem(out[0]), b)),
    ]
    allocate(mf, TARGET)
    held = mf.blocks[0].instrs[0].operands[0]
    assert held.name in ("ebx", "esi", "edi") and mf.callee_saved == [held.name]
    assert _spill_operands(mf) == 0


def test_pressure_spills_the_cheapest():
    """Eight values live at once need two slots; the one read in the loop stays."""
    mf = _function(3)
    entry, loop, done = mf.blocks
    loop.successors.append(loop)
    out = [mf.new_slot(4, 4, f"out{i}") for i in range(8)]
    values = [mf.new_vreg(32) for _ in range(8)]
    for i, v in enumerate(values):         # two definitions each: not rematerialisable
        entry.instrs += [MachineInstr("movl", (v, imm(i + 1))), MachineInstr("addl", (v, imm(i)))]
    counter = values[0]
    loop.instrs += [MachineInstr("addl", (values[1], imm(2))),
                    MachineInstr("decl", (counter,)), MachineInstr("jne", (SymbolRef(".L1"),))]
    done.instrs += [MachineInstr("movl", (slot_mem(s), v)) for s, v in zip(out, values)]
    expected = run(_copy(mf), out)
    allocate(mf, TARGET)
    assert run(mf, out) == expected
    spill_slots = {s.name for s in mf.slots if s.name.startswith("spill")}
    assert len(spill_slots) == 2
    assert not any(isinstance(op, Memory) and isinstance(op.base, FrameSlot)
                   for mi in loop.instrs for op in mi.operands)


def test_spilled_constants_and_arguments_are_reloaded_from_their_source():
    """Under pressure, a constant is loaded again at each use and an incoming
    argument from its own slot: no spill slot, no store."""
    mf = _function(3)
    entry, loop, done = mf.blocks
    loop.successors.append(loop)
    argument = FrameSlot(4, 4, "arg", offset=8, fixed=True)
    out = [mf.new_slot(4, 4, f"out{i}") for i in range(8)]
    values = [mf.new_vreg(32) for _ in range(8)]
    entry.instrs += [MachineInstr("movl", (values[0], slot_mem(argument)))]
    entry.instrs += [MachineInstr("movl", (v, imm(i))) for i, v in enumerate(values[1:])]
    loop.instrs += [MachineInstr("addl", (values[-1], imm(2))),
                    MachineInstr("decl", (values[-2],)), MachineInstr("jne", (SymbolRef(".L1"),))]
    done.instrs += [MachineInstr("movl", (slot_mem(s), v)) for s, v in zip(out, values)]
    allocate(mf, TARGET)
    assert not [s for s in mf.slots if s.name.startswith("spill")]
    stores = [mi for b in mf.blocks for mi in b.instrs if isinstance(mi.operands[0], Memory)
              and not mi.operands[0].base.name.startswith("out")]
    assert not stores
    assert any(mi.operands[1] == slot_mem(argument) for mi in done.instrs)


@pytest.mark.parametrize("seed", range(40))
def test_random_straight_line_code(seed):
    """Random code over up to 14 values, with calls: whatever is spilled and
    however values share registers, the outputs are those of the virtual code."""
    rng = random.Random(seed)
    mf = _function()
    block = mf.blocks[0]
    live: list[VReg] = []
    outputs: list[FrameSlot] = []
    for _ in range(60):
        r = rng.random()
        if r < 0.3 or len(live) < 2:
            v = mf.new_vreg(32)
            block.instrs.append(MachineInstr("movl", (v, imm(rng.randrange(1000)))))
            live.append(v)
        elif r < 0.45:
            v = mf.new_vreg(32)
            block.instrs.append(MachineInstr("movl", (v, rng.choice(live))))
            live.append(v)
        elif r < 0.75:
            block.instrs.append(MachineInstr(rng.choice(("addl", "subl", "imull", "xorl")),
                                             (rng.choice(live), rng.choice(live))))
        elif r < 0.8:
            block.instrs.append(MachineInstr("call", (SymbolRef("g"),), implicit_defs=CLOBBERED))
            v = mf.new_vreg(32)
            block.instrs.append(MachineInstr("movl", (v, Register("eax"))))
            live.append(v)
        else:
            v = live.pop(rng.randrange(len(live)))
            slot = mf.new_slot(4, 4, f"out{len(outputs)}")
            outputs.append(slot)
            block.instrs.append(MachineInstr("movl", (slot_mem(slot), v)))
        if len(live) > 14:
            v = live.pop(0)
            slot = mf.new_slot(4, 4, f"out{len(outputs)}")
            outputs.append(slot)
            block.instrs.append(MachineInstr("movl", (slot_mem(slot), v)))
    for v in live:
        slot = mf.new_slot(4, 4, f"out{len(outputs)}")
        outputs.append(slot)
        block.instrs.append(MachineInstr("movl", (slot_mem(slot), v)))
    expected = run(_copy(mf), outputs, seed)
    allocate(mf, TARGET)
    assert not any(isinstance(op, VReg) for mi in block.instrs for op in mi.operands)
    assert run(mf, outputs, seed) == expected

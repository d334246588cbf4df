"""What every target's instruction selector shares.

A selector walks an IR function's blocks in order and appends machine
instructions over virtual registers to one machine block per IR block.
This base holds the walk and its bookkeeping; a target's ``Selector``
subclasses it (with its mixins for integers, compares, memory, control,
calls and floats) and supplies how values reach registers (``reg``,
``dest``, ``mem``...) and the ``op_<opcode>`` handlers.

The walk (:meth:`run`): number the function, make the machine blocks,
count each instruction's uses (and remember its last user), let the
target look at the whole function (``analyse``), give every static
``alloca`` a frame slot, select the prologue, then each instruction
in order.  A comparison whose only user is the next instruction and a kind
the target branches or selects on directly (:meth:`fuses_into`) is not
selected where it stands: the user tests the flags (or compares and
branches in one instruction) and ``fused`` records it.
"""

from __future__ import annotations

from .. import ir
from ..ir import Instruction
from .mir import FrameSlot, MachineBlock, MachineFunction, MachineInstr


class SelectorBase:
    TARGET = "?"                        # the target's name, for messages
    FUSABLE = ("icmp", "fcmp")          # the comparisons a user may test directly

    def __init__(self, function: ir.Function, ctx):
        self.fn = function
        self.ctx = ctx
        self.mf = MachineFunction(function.name)
        self.values: dict[object, object] = {}       # IR value -> VReg | (lo, hi) | FrameSlot
        self.addresses: dict[object, FrameSlot] = {}  # IR value -> the slot it is the address of
        self.blocks: dict[ir.Block, MachineBlock] = {}
        self.block: MachineBlock | None = None
        self.uses: dict[int, int] = {}                # instruction id -> number of uses
        self.user: dict[int, Instruction] = {}        # instruction id -> its last user
        self.fused: set[int] = set()
        self.indirect_targets: set[ir.Block] = set()  # blocks an indirectbr reaches
        self.entry_temps: dict[Instruction, object] = {}   # their phis' entry temporaries

    # --- emitting -------------------------------------------------------------------
    def e(self, mnemonic: str, *operands, uses=(), defs=(), prefixes=(), roles=None) -> MachineInstr:
        mi = MachineInstr(mnemonic, tuple(operands), tuple(prefixes), tuple(uses), tuple(defs),
                          roles=roles)
        self.block.instrs.append(mi)
        return mi

    def new_block(self) -> MachineBlock:
        block = MachineBlock(self.ctx.new_label())
        self.mf.blocks.append(block)
        return block

    def start(self, block: MachineBlock) -> None:
        self.block = block

    def successor(self, target: MachineBlock) -> None:
        if target not in self.block.successors:
            self.block.successors.append(target)

    def block_label(self, block: ir.Block) -> str:
        return self.blocks[block].label

    # --- the function -----------------------------------------------------------------
    def run(self) -> MachineFunction:
        fn = self.fn
        fn.number()
        for block in fn.blocks:
            self.blocks[block] = MachineBlock(self.ctx.new_label())
            self.ctx.block_labels[block] = self.blocks[block].label
        self.mf.blocks = [self.blocks[b] for b in fn.blocks]
        for block in fn.blocks:
            for inst in block.instructions:
                self.count_uses(inst)
                if inst.opcode == "indirectbr":
                    self.indirect_targets.update(inst.targets)
        self.analyse()
        for block in fn.blocks:
            for inst in block.instructions:
                if inst.opcode == "alloca" and not inst.attributes.get("dynamic"):
                    self.place_alloca(inst, max(int(inst.attributes.get("size", 1)), 1),
                                      max(int(inst.attributes.get("alignment", 1)), 1))
        self.start(self.mf.blocks[0])
        self.calls.prologue()
        self.after_prologue()
        for block in fn.blocks:
            self.start(self.blocks[block])
            insts = block.instructions
            for i, inst in enumerate(insts):
                if inst.opcode in self.FUSABLE and self.fusable(inst, insts, i):
                    self.fused.add(inst.id)
                    continue
                if not self.skipped(inst):
                    self.select(inst)
        self.mf.attributes["variadic"] = fn.variadic
        return self.mf

    def count_uses(self, inst: Instruction) -> None:
        for op in inst.operands:
            if isinstance(op, Instruction):
                self.uses[op.id] = self.uses.get(op.id, 0) + 1
                self.user[op.id] = inst

    def analyse(self) -> None:
        """What the target learns from the whole function (its uses counted) first."""

    def place_alloca(self, inst: Instruction, size: int, alignment: int) -> None:
        """A static alloca's frame slot (a target may place over-aligned ones itself)."""
        self.addresses[inst] = self.mf.new_slot(size, alignment, f"a{inst.id}")

    def after_prologue(self) -> None:
        """Anything the target selects between the prologue and the first block."""

    def skipped(self, inst: Instruction) -> bool:
        """An instruction the target folds into its users instead of selecting it."""
        return False

    def fusable(self, inst: Instruction, insts: list, i: int) -> bool:
        """A comparison used once, by the next instruction, which tests it directly."""
        if self.uses.get(inst.id, 0) != 1:
            return False
        nxt = insts[i + 1] if i + 1 < len(insts) else None
        return self.user[inst.id] is nxt and self.fuses_into(inst, nxt)

    def fuses_into(self, inst: Instruction, user: Instruction) -> bool:
        """Whether ``user`` tests the comparison ``inst`` without its value."""
        return user.opcode == "br" or (user.opcode == "select" and user.operands[0] is inst)

    def select(self, inst: Instruction) -> None:
        op = inst.opcode
        handler = getattr(self, "op_" + op, None)
        if handler is None:
            handler = self.floats.handler(op) or self.calls.handler(op)
        if handler is None:
            raise NotImplementedError(f"{self.TARGET} isel: opcode {op}")
        handler(inst)

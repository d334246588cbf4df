"""Machine IR: target instructions over virtual registers, before register allocation.

Instruction selection (``<target>/isel.py``) turns each IR function into a
:class:`MachineFunction`: blocks of :class:`MachineInstr`, each the target's own
mnemonic (GNU spelling, as the assembler's :class:`Instruction` has it) with
operands that are the assembler's operand objects -- except that a register
may be a :class:`VReg` (virtual, any number of them) and a memory operand's
base may be a :class:`FrameSlot` (a stack object whose offset is known only
once the frame is laid out).

Each instruction knows which registers it reads and writes: the target's
``roles`` function gives each explicit operand a role (``"r"``, ``"w"``,
``"rw"``), and ``implicit_uses``/``implicit_defs`` list the fixed physical
registers an instruction reads or clobbers (``idiv`` reads and writes rax and
rdx; a call clobbers every caller-saved register).  Liveness, register
allocation and spilling (``liveness.py``, ``regalloc.py``) work from those
facts alone; ``frame.py`` lays out the slots; the target's ``emit.py``
rewrites what is left into plain assembler instructions.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class VReg:
    """A virtual register: ``id`` names it, ``bits`` is the width this operand
    reads or writes (8..64 for general registers, 128 for vector ones), ``cls``
    the register file (``"gp"`` or ``"xmm"``)."""

    id: int
    bits: int
    cls: str = "gp"

    def __str__(self) -> str:
        return f"%v{self.id}.{self.bits}"

    def width(self, bits: int) -> "VReg":
        return VReg(self.id, bits, self.cls)


@dataclass(eq=False)
class FrameSlot:
    """A stack object: an alloca, a spill slot, an f80 temporary, the va_list
    register save area...  ``offset`` (from the frame pointer) is set by
    frame layout; ``fixed`` slots (incoming stack arguments) have it from the
    start."""

    size: int
    alignment: int
    name: str = ""
    offset: int | None = None
    fixed: bool = False

    def __str__(self) -> str:
        return f"slot.{self.name or id(self) % 997}"


@dataclass(eq=False)
class MachineInstr:
    mnemonic: str
    operands: tuple = ()
    prefixes: tuple[str, ...] = ()
    implicit_uses: tuple[str, ...] = ()     # physical register names (any width)
    implicit_defs: tuple[str, ...] = ()
    # 'label' (operands[0] a name), 'asm' (inline asm text in 'text'), None: an instruction
    kind: str | None = None
    text: str = ""
    roles: tuple[str, ...] | None = None    # overrides the target's role table
    info: dict | None = None                # inline asm: operand names, unique number

    def __str__(self) -> str:
        if self.kind == "label":
            return f"{self.operands[0]}:"
        ops = ", ".join(str(o) for o in self.operands)
        pre = " ".join(self.prefixes) + " " if self.prefixes else ""
        return f"  {pre}{self.mnemonic} {ops}".rstrip()


@dataclass(eq=False)
class MachineBlock:
    label: str
    instrs: list[MachineInstr] = field(default_factory=list)
    successors: list["MachineBlock"] = field(default_factory=list)


@dataclass(eq=False)
class MachineFunction:
    name: str
    blocks: list[MachineBlock] = field(default_factory=list)
    slots: list[FrameSlot] = field(default_factory=list)
    next_vreg: int = 64                  # ids below 64 are free for physical-register keys
    vreg_class: dict[int, str] = field(default_factory=dict)
    # filled by register allocation and frame layout
    callee_saved: list[str] = field(default_factory=list)
    frame_size: int = 0
    attributes: dict = field(default_factory=dict)

    def new_vreg(self, bits: int, cls: str = "gp") -> VReg:
        v = VReg(self.next_vreg, bits, cls)
        self.vreg_class[v.id] = cls
        self.next_vreg += 1
        return v

    def new_slot(self, size: int, alignment: int, name: str = "") -> FrameSlot:
        slot = FrameSlot(size, alignment, name)
        self.slots.append(slot)
        return slot

    def dump(self) -> str:
        lines = [f"{self.name}:"]
        for block in self.blocks:
            lines.append(f"{block.label}:   ; -> " + ", ".join(s.label for s in block.successors))
            lines.extend(str(i) for i in block.instrs)
        return "\n".join(lines)

"""Emitting IR: the current block, new blocks and instructions, constants and
the small conversions every part of lowering needs.  Base class of the
function lowerer (see lower/__init__.py)."""

from __future__ import annotations

from ..ir import Block, Constant, Function, Instruction, Type, Value, INTEGER_BITS
from .types import exact_bits


def mask(t: Type, pointer_bits: int) -> int:
    bits = pointer_bits if t is Type.PTR else INTEGER_BITS[t]
    return (1 << bits) - 1


class Builder:
    function: Function
    block: Block
    pointer_bits: int

    def start_builder(self, function: Function) -> None:
        self.function = function
        self.block = function.new_block("entry")
        self.entry = self.block
        self.entry_allocas: list[Instruction] = []
        self.block_names: dict[str, int] = {}

    def new_block(self, name: str) -> Block:
        n = self.block_names.get(name, 0)
        self.block_names[name] = n + 1
        return Block(f"{name}{n}" if n or name == "entry" else name, function=self.function)

    def place(self, block: Block) -> None:
        """Make ``block`` current (appending it to the function); falls through from the old one."""
        if not self.terminated():
            self.jump(block)
        self.function.blocks.append(block)
        self.block = block

    def terminated(self) -> bool:
        return bool(self.block.instructions) and self.block.instructions[-1].is_terminator

    def emit(self, opcode: str, type: Type, operands=(), targets=(), **attributes) -> Instruction:
        if self.terminated():                 # code after return/goto: a fresh unreachable block
            dead = self.new_block("dead")
            self.function.blocks.append(dead)
            self.block = dead
        instruction = Instruction(opcode, type, list(operands), list(targets), attributes, block=self.block)
        self.block.instructions.append(instruction)
        return instruction

    def jump(self, target: Block) -> None:
        if not self.terminated():
            self.emit("jmp", Type.VOID, targets=[target])

    def branch(self, condition: Value, then: Block, otherwise: Block) -> None:
        self.emit("br", Type.VOID, [condition], [then, otherwise])

    def alloca(self, size: int, alignment: int) -> Instruction:
        """A fixed stack slot, placed in the entry block (mem2reg looks there)."""
        instruction = Instruction("alloca", Type.PTR, [], [], {"size": max(size, 0),
                                                               "alignment": max(alignment, 1)},
                                  block=self.entry)
        self.entry_allocas.append(instruction)
        return instruction

    def finish_allocas(self) -> None:
        self.entry.instructions[0:0] = self.entry_allocas

    # constants
    def const(self, t: Type, value) -> Constant:
        if t.is_integer:
            value = int(value) & mask(t, self.pointer_bits)
            if t is Type.I1:
                value &= 1
        else:
            bits = exact_bits(value, t)               # a long double literal, exactly
            if bits is not None:
                return Constant(t, float(value), bits=bits)
            value = float(value)
        return Constant(t, value)

    def iptr(self, value: int) -> Constant:
        return self.const(Type.PTR, value)

    # machine-level conversions
    def resize(self, value: Value, to: Type, signed: bool) -> Value:
        """An integer (or pointer) value converted to another integer width."""
        frm = value.type
        if frm is to:
            return value
        a = self.pointer_bits if frm is Type.PTR else INTEGER_BITS[frm]
        b = self.pointer_bits if to is Type.PTR else INTEGER_BITS[to]
        if isinstance(value, Constant):
            v = value.value
            if signed and frm is not Type.I1 and v >> (a - 1) & 1:
                v -= 1 << a
            return self.const(to, v)
        if a == b:
            return self.emit("bitcast", to, [value])
        if a > b:
            return self.emit("trunc", to, [value])
        return self.emit("sext" if signed and frm is not Type.I1 else "zext", to, [value])

    def add_offset(self, address: Value, offset) -> Value:
        """``address + offset`` (offset an int or a PTR-typed value)."""
        if isinstance(offset, int):
            if offset == 0:
                return address
            offset = self.iptr(offset)
        return self.emit("add", Type.PTR, [address, offset])

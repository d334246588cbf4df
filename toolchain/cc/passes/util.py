"""Helpers shared by the passes: replacing uses, users, side effects, phi edits,
constants from bytes."""

from __future__ import annotations

import struct

from ..ir import BlockAddress, Block, Constant, Function, Instruction, Type
from ..lower.types import f80_value, f128_value

SIDE_EFFECT_FREE = {
    "add", "sub", "mul", "and", "or", "xor", "shl", "lshr", "ashr", "neg", "not",
    "fadd", "fsub", "fmul", "fdiv", "fneg", "icmp", "fcmp", "select", "trunc", "zext", "sext",
    "fptosi", "fptoui", "sitofp", "uitofp", "fpext", "fptrunc", "bitcast", "phi", "copy",
    "ctlz", "cttz", "ctpop", "bswap", "sdiv", "udiv", "srem", "urem",
}


def removable(instruction: Instruction) -> bool:
    """Whether the instruction may go when its result is unused."""
    op = instruction.opcode
    if op in ("sdiv", "udiv", "srem", "urem"):
        divisor = instruction.operands[1]
        return getattr(divisor, "value", 0) not in (0, None) and type(divisor).__name__ == "Constant"
    if op in SIDE_EFFECT_FREE:
        return True
    if op == "load":
        return not instruction.attributes.get("volatile")
    if op == "alloca":
        return not instruction.operands
    return False


def replace_uses(function: Function, mapping: dict) -> None:
    """Every operand ``v`` in ``mapping`` becomes ``mapping[v]`` (chains followed)."""
    if not mapping:
        return

    def resolve(v):
        seen = 0
        while v in mapping and seen < 1000:
            v = mapping[v]
            seen += 1
        return v
    for block in function.blocks:
        for instruction in block.instructions:
            operands = instruction.operands
            for i, v in enumerate(operands):
                if isinstance(v, Instruction) and v in mapping:
                    operands[i] = resolve(v)


def users(function: Function) -> dict:
    """Instruction -> the instructions that use it (once per use)."""
    found: dict = {}
    for block in function.blocks:
        for instruction in block.instructions:
            for v in instruction.operands:
                if isinstance(v, Instruction):
                    found.setdefault(v, []).append(instruction)
    return found


def constant_from_bytes(t: Type, raw: bytes) -> Constant:
    """The constant of type ``t`` whose little-endian bytes are ``raw`` (every pcc
    target is little-endian)."""
    if t is Type.F32:
        return Constant(t, struct.unpack("<f", raw)[0])
    if t is Type.F64:
        return Constant(t, struct.unpack("<d", raw)[0])
    if t is Type.F80:
        return Constant(t, f80_value(raw), bits=int.from_bytes(raw, "little"))
    if t is Type.F128:
        return Constant(t, f128_value(raw), bits=int.from_bytes(raw, "little"))
    return Constant(t, int.from_bytes(raw, "little"))


def use_counts(function: Function) -> dict:
    counts: dict = {}
    for block in function.blocks:
        for instruction in block.instructions:
            for v in instruction.operands:
                if isinstance(v, Instruction):
                    counts[v] = counts.get(v, 0) + 1
    return counts


def address_taken_blocks(function: Function) -> set:
    """Blocks whose address is used: by an instruction, an indirectbr, or static data
    (``static void *t[] = {&&a}``, recorded by lowering)."""
    taken = set(function.attributes.get("blocks_in_data", ()))
    for block in function.blocks:
        for instruction in block.instructions:
            for v in instruction.operands:
                if isinstance(v, BlockAddress):
                    taken.add(v.block)
            if instruction.opcode == "indirectbr":
                taken.update(instruction.targets)
    return taken


def remove_incoming(block: Block, predecessor: Block) -> None:
    """Drop ``predecessor``'s entries from the phis of ``block``."""
    for phi in block.phis():
        incoming = phi.attributes["incoming"]
        keep = [i for i, b in enumerate(incoming) if b is not predecessor]
        phi.operands = [phi.operands[i] for i in keep]
        phi.attributes["incoming"] = [incoming[i] for i in keep]


def rename_incoming(block: Block, old: Block, new: Block) -> None:
    for phi in block.phis():
        phi.attributes["incoming"] = [new if b is old else b for b in phi.attributes["incoming"]]

"""Constant folding and propagation.

Instructions whose operands are all constants become constants, following C's
arithmetic on the operation's width: integers wrap modulo 2**bits, signed
division truncates toward zero, shift counts are taken modulo the width,
comparisons read the operands as signed or unsigned as the predicate says;
``f32`` results are rounded to single precision.  Division by zero and
conversions of NaN or out-of-range floats are left for run time.  A few
identities fold too (``x + 0``, ``x * 1``, ``x & -1``, ``select`` on a
constant, phis whose operands agree -- undefined ones agree with any constant), and ``(x + c1) + c2`` becomes
``x + (c1 + c2)``.  A non-volatile load from read-only
data (a ``const`` object or a string literal, not weak) at a known offset is
the value stored there.  Uses are rewritten and the folded instructions
removed; the walk repeats until nothing changes, so constants propagate
through chains and loops.
"""

from __future__ import annotations

import math
import struct

from ..ir import (BlockAddress, BlockDifference, Constant, Function, Global, GlobalAddress,
                  INTEGER_BITS, Instruction, Module, Type, Undef)
from ..ir.dominators import reverse_postorder
from .util import constant_from_bytes, replace_uses


def read_only_globals(module: Module) -> dict[str, Global]:
    """The data whose bytes are known here and never change: const, defined, not weak."""
    return {g.name: g for g in module.globals
            if g.constant and g.initializer is not None and g.linkage != "weak"
            and not g.thread_local}


def run(module: Module) -> bool:
    changed = False
    read_only = read_only_globals(module)
    for function in module.functions:
        changed |= run_function(function, module.pointer_bits, read_only)
    return changed


def _signed(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def _f32(value: float) -> float:
    return struct.unpack("<f", struct.pack("<f", value))[0]


def fold(instruction: Instruction, pointer_bits: int):
    """The constant value of ``instruction`` (a Value), or None."""
    op = instruction.opcode
    t = instruction.type
    operands = instruction.operands
    if op == "phi":
        distinct = {id(v): v for v in operands if v is not instruction}
        if len(distinct) == 1:
            return next(iter(distinct.values()))
        # undef operands may take any value: a phi of one constant and undefs is it
        values = [v for v in operands if v is not instruction and not isinstance(v, Undef)]
        if values and all(isinstance(v, Constant) and v.bits is None for v in values) and \
                len({(v.value if not isinstance(v.value, float) or v.value == v.value else "nan") for v in values}) == 1 \
                and not any(isinstance(v.value, float) and v.value == 0 for v in values):
            return values[0]
        return None
    if op == "select":
        c = operands[0]
        if isinstance(c, Constant):
            return operands[1] if c.value & 1 else operands[2]
        if operands[1] is operands[2]:
            return operands[1]
        return None
    if op == "copy":
        return operands[0]
    def bits_of(tt):
        return pointer_bits if tt is Type.PTR else INTEGER_BITS.get(tt, 0)
    if op in ("add", "sub", "or", "xor", "shl", "lshr", "ashr") and len(operands) == 2 and \
            isinstance(operands[1], Constant) and operands[1].value == 0 and t.is_integer:
        return operands[0]
    if op == "mul" and isinstance(operands[1], Constant) and operands[1].value == 1 and t.is_integer:
        return operands[0]
    if not operands or not all(isinstance(v, Constant) and v.bits is None for v in operands):
        return None
    if op in ("ctlz", "cttz", "ctpop", "bswap"):
        n = bits_of(t)
        a = operands[0].value & ((1 << n) - 1)
        if op == "ctlz":
            r = n - a.bit_length()
        elif op == "cttz":
            r = (a & -a).bit_length() - 1 if a else n
        elif op == "ctpop":
            r = bin(a).count("1")
        else:
            r = int.from_bytes(a.to_bytes(n // 8, "little"), "big")
        return Constant(t, r)
    if t.is_integer and op in ("add", "sub", "mul", "and", "or", "xor", "shl", "lshr", "ashr",
                               "sdiv", "udiv", "srem", "urem", "neg", "not"):
        n = bits_of(t)
        m = (1 << n) - 1
        a = operands[0].value & m
        b = operands[1].value & m if len(operands) > 1 else 0
        if op == "add":
            r = a + b
        elif op == "sub":
            r = a - b
        elif op == "mul":
            r = a * b
        elif op == "and":
            r = a & b
        elif op == "or":
            r = a | b
        elif op == "xor":
            r = a ^ b
        elif op == "shl":
            r = a << (b % n)
        elif op == "lshr":
            r = a >> (b % n)
        elif op == "ashr":
            r = _signed(a, n) >> (b % n)
        elif op == "neg":
            r = -a
        elif op == "not":
            r = ~a
        else:
            if b == 0:
                return None
            if op == "udiv":
                r = a // b
            elif op == "urem":
                r = a % b
            else:
                sa, sb = _signed(a, n), _signed(b, n)
                q = abs(sa) // abs(sb)
                q = q if (sa < 0) == (sb < 0) else -q
                r = q if op == "sdiv" else sa - q * sb
        return Constant(t, r & m)
    if op == "icmp":
        n = bits_of(operands[0].type)
        a, b = operands[0].value & ((1 << n) - 1), operands[1].value & ((1 << n) - 1)
        p = instruction.attributes["predicate"]
        if p[0] == "s":
            a, b = _signed(a, n), _signed(b, n)
        p = p[1:] if p[0] in "su" else p
        r = {"eq": a == b, "ne": a != b, "lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[p]
        return Constant(Type.I1, int(r))
    if op in ("trunc", "zext", "sext"):
        n_from = bits_of(operands[0].type)
        a = operands[0].value & ((1 << n_from) - 1)
        if op == "sext":
            a = _signed(a, n_from)
        return Constant(t, a & ((1 << bits_of(t)) - 1))
    if op == "bitcast" and t.is_integer and operands[0].type.is_integer:
        return Constant(t, operands[0].value & ((1 << bits_of(t)) - 1))
    if t in (Type.F80, Type.F128) or operands[0].type in (Type.F80, Type.F128):
        return None                                   # folding would lose their precision
    if op in ("fadd", "fsub", "fmul", "fdiv"):
        a, b = float(operands[0].value), float(operands[1].value)
        try:
            r = {"fadd": lambda: a + b, "fsub": lambda: a - b, "fmul": lambda: a * b,
                 "fdiv": lambda: a / b}[op]()
        except (ZeroDivisionError, OverflowError):
            return None
        return Constant(t, _f32(r) if t is Type.F32 else r)
    if op == "fneg":
        r = -float(operands[0].value)
        return Constant(t, r)
    if op == "fcmp":
        a, b = float(operands[0].value), float(operands[1].value)
        p = instruction.attributes["predicate"]
        unordered = math.isnan(a) or math.isnan(b)
        if p == "ord":
            return Constant(Type.I1, int(not unordered))
        if p == "uno":
            return Constant(Type.I1, int(unordered))
        if unordered:
            return Constant(Type.I1, int(p[0] == "u"))
        q = p[1:]
        r = {"eq": a == b, "ne": a != b, "lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[q]
        return Constant(Type.I1, int(r))
    if op in ("sitofp", "uitofp"):
        n = bits_of(operands[0].type)
        a = operands[0].value & ((1 << n) - 1)
        if op == "sitofp":
            a = _signed(a, n)
        r = float(a)
        return Constant(t, _f32(r) if t is Type.F32 else r)
    if op in ("fptosi", "fptoui"):
        a = float(operands[0].value)
        if math.isnan(a) or math.isinf(a):
            return None
        r = int(a)
        n = bits_of(t)
        if op == "fptosi" and not (-(1 << (n - 1)) <= r < (1 << (n - 1))):
            return None
        if op == "fptoui" and not (0 <= r < (1 << n)):
            return None
        return Constant(t, r & ((1 << n) - 1))
    if op in ("fpext", "fptrunc"):
        a = float(operands[0].value)
        try:
            return Constant(t, _f32(a) if t is Type.F32 else a)
        except OverflowError:
            return None
    return None


def run_function(function: Function, pointer_bits: int,
                 read_only: dict[str, Global] | None = None) -> bool:
    changed_any = False
    while True:
        mapping: dict = {}
        order = reverse_postorder(function)
        for block in order:
            for instruction in block.instructions:
                if instruction.opcode == "load" and read_only:
                    value = _read_only_load(instruction, read_only, pointer_bits)
                    if value is not None:
                        mapping[instruction] = value
                    continue
                if instruction.type is Type.VOID or instruction.opcode in ("load", "call", "alloca", "va_arg"):
                    continue
                # operands already folded in this sweep
                instruction.operands = [mapping.get(v, v) if isinstance(v, Instruction) else v
                                        for v in instruction.operands]
                changed_any |= _reassociate(instruction, pointer_bits)
                value = fold(instruction, pointer_bits)
                if value is not None and value is not instruction and not isinstance(value, Undef):
                    mapping[instruction] = value
        if not mapping:
            return changed_any
        changed_any = True
        for block in function.blocks:
            block.instructions = [i for i in block.instructions if i not in mapping]
        replace_uses(function, mapping)


def _reassociate(instruction: Instruction, pointer_bits: int) -> bool:
    """``add (add x, c1), c2`` becomes ``add x, c1 + c2`` (addresses walked with p++)."""
    if instruction.opcode != "add" or not instruction.type.is_integer:
        return False
    inner, c2 = instruction.operands
    if not isinstance(c2, Constant) or not isinstance(inner, Instruction) or \
            inner.opcode != "add" or inner.type is not instruction.type or \
            not isinstance(inner.operands[1], Constant) or \
            isinstance(inner.operands[0], Constant):
        return False
    bits = pointer_bits if instruction.type is Type.PTR else INTEGER_BITS[instruction.type]
    total = (int(inner.operands[1].value) + int(c2.value)) & ((1 << bits) - 1)
    instruction.operands = [inner.operands[0], Constant(instruction.type, total)]
    return True


_LOAD_SIZE = {Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.I128: 16, Type.F32: 4,
              Type.F64: 8, Type.F80: 10, Type.F128: 16}


def _read_only_load(load: Instruction, read_only: dict[str, Global], pointer_bits: int):
    """The value a load reads from read-only data, or None when it is not known here."""
    address = load.operands[0]
    offset = 0
    if isinstance(address, Instruction) and address.opcode == "add" and \
            isinstance(address.operands[1], Constant):       # @g + constant
        offset = _signed(int(address.operands[1].value), pointer_bits)
        address = address.operands[0]
    if load.attributes.get("volatile") or not isinstance(address, GlobalAddress):
        return None
    return read_only_value(read_only.get(address.name), offset + address.offset, load.type,
                           pointer_bits)


def read_only_value(data: Global | None, offset: int, t: Type, pointer_bits: int):
    """The value of type ``t`` at byte ``offset`` of read-only ``data``, or None."""
    size = pointer_bits // 8 if t is Type.PTR else _LOAD_SIZE.get(t)
    if data is None or size is None or offset < 0 or offset + size > data.size:
        return None
    start, end = offset, offset + size
    image = bytearray(size)                  # gaps after the pieces are zero
    position = 0
    for piece in data.initializer:
        length = len(piece) if isinstance(piece, (bytes, bytearray)) else piece[2]
        if position < end and start < position + length:
            if not isinstance(piece, (bytes, bytearray)):
                target, addend, _ = piece       # an address: only a whole pointer load
                if t is not Type.PTR or position != start or length != size or \
                        isinstance(target, (BlockAddress, BlockDifference)):
                    return None
                return GlobalAddress(target, addend)
            low, high = max(start, position), min(end, position + length)
            image[low - start:high - start] = piece[low - position:high - position]
        position += length
    return constant_from_bytes(t, bytes(image))

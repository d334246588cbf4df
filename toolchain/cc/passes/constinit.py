"""Constant local initialisers become one copy from read-only data (-Os).

Lowering initialises a local aggregate such as ``int t[] = {1, 2, 3, ...}``
element by element: a ``memset`` of the whole object to zero, then a
``store`` of each constant member.  Where that run of stores is long, one
``memcpy`` from a read-only global holding the final bytes is smaller code
(gcc does the same at -Os).  The pass looks, in each block, for::

    %a = alloca N                  (anywhere before)
    memset %a, 0, N
    store <constant>, %a           \\  STORES or more of them, each to %a
    %p = add %a, <constant>         | or %a plus a constant offset inside
    store <constant>, %p           /  the object, nothing else between

and replaces the memset with ``memcpy %a, @.Linit.K, N`` and drops the
stores (the address adds, now unused, are left to dce).  Constants are
integers (and floats) of their type's size, little-endian: every target
pcc has is.
"""

from __future__ import annotations

import struct

from ..ir import Constant, Global, GlobalAddress, Instruction, Module, Type

STORES = 3          # fewer stores than this are left as they are

_SIZE = {Type.I8: 1, Type.I16: 2, Type.I32: 4, Type.I64: 8, Type.PTR: None,
         Type.F32: 4, Type.F64: 8}


def run(module: Module) -> bool:
    names = {g.name for g in module.globals}
    changed = False
    for function in module.functions:
        for block in function.blocks:
            changed |= _block(module, block, names)
    return changed


def _constant_bytes(value, pointer_bytes: int) -> bytes | None:
    if not isinstance(value, Constant):
        return None
    size = _SIZE.get(value.type, 0) or (pointer_bytes if value.type is Type.PTR else 0)
    if not size:
        return None
    if value.type is Type.F32:
        return struct.pack("<f", float(value.value))
    if value.type is Type.F64:
        return struct.pack("<d", float(value.value))
    return (int(value.value) & ((1 << (8 * size)) - 1)).to_bytes(size, "little")


def _offset(address, base) -> int | None:
    """The constant offset of ``address`` from ``base``, or None."""
    if address is base:
        return 0
    if isinstance(address, Instruction) and address.opcode == "add" and \
            address.operands[0] is base and isinstance(address.operands[1], Constant):
        return int(address.operands[1].value)
    return None


def _block(module: Module, block, names: set[str]) -> bool:
    pointer_bytes = module.pointer_bits // 8
    insts = block.instructions
    changed = False
    i = 0
    while i < len(insts):
        inst = insts[i]
        i += 1
        if inst.opcode != "memset":
            continue
        base, value, size = inst.operands
        if not (isinstance(base, Instruction) and base.opcode == "alloca" and
                isinstance(value, Constant) and int(value.value) == 0 and
                isinstance(size, Constant)):
            continue
        n = int(size.value)
        data = bytearray(n)
        stores = []
        j = i
        while j < len(insts):
            s = insts[j]
            if s.opcode == "add" and _offset(s, base) is not None:
                j += 1
                continue
            if s.opcode != "store" or s.attributes.get("volatile"):
                break
            piece = _constant_bytes(s.operands[0], pointer_bytes)
            offset = _offset(s.operands[1], base)
            if piece is None or offset is None or offset < 0 or offset + len(piece) > n:
                break
            data[offset:offset + len(piece)] = piece
            stores.append(s)
            j += 1
        if len(stores) < STORES:
            continue
        k = len(names)
        while f".Linit.{k}" in names:
            k += 1
        name = f".Linit.{k}"
        names.add(name)
        alignment = max(int(base.attributes.get("alignment", 1)), 1)
        module.globals.append(Global(name, n, alignment, [bytes(data)], linkage="internal",
                                     constant=True))
        copy = Instruction("memcpy", Type.VOID, [base, GlobalAddress(name), size], [],
                           {"alignment": alignment}, block=block)
        dropped = set(map(id, stores))
        insts[i - 1] = copy
        insts[:] = [x for x in insts if id(x) not in dropped]
        changed = True
    return changed

"""Dead store elimination: a store that a later store overwrites before anything
can read it goes.

Within one block, walking backwards, the pass keeps the byte ranges that will
be stored again further on with nothing reading them in between.  A
non-volatile store whose bytes all lie in one of those ranges is dead:
``a = b; a = c;`` keeps only the second store (c-testsuite 00128.c is a page
of such assignments to globals).  Anything that may read the bytes ends a
range: a load that may alias it (gvn's address analysis and may_alias), a
call, inline asm or va_* (they may read any memory but a private slot),
memcpy/memset (their operands' ranges), and the block's end -- the stores
reaching it stay, since the next block or the caller may read them.
Volatile stores are never removed; a volatile load reads like any other.
"""

from __future__ import annotations

from ..ir import Constant, Function, Module
from . import constfold
from .gvn import Memory, may_alias, _access_size
from .util import SIDE_EFFECT_FREE

# instructions that read no memory
NO_READS = SIDE_EFFECT_FREE | {"alloca", "stacksave", "stackrestore", "store", "br", "jmp",
                               "switch", "indirectbr", "unreachable"}


def run(module: Module) -> bool:
    changed = False
    aliased = set(module.aliases) | set(module.aliases.values())
    read_only = constfold.read_only_globals(module)
    for function in module.functions:
        if function.blocks:
            changed |= run_function(function, module.pointer_bits, aliased, read_only)
    return changed


def run_function(function: Function, pointer_bits: int, aliased: set = frozenset(),
                 read_only: dict | None = None) -> bool:
    memory = Memory(function, pointer_bits, aliased, read_only or {})
    dead: set = set()
    for block in function.blocks:
        stored: list[tuple[tuple, int]] = []       # (address, size) stored later, unread
        for instruction in reversed(block.instructions):
            op = instruction.opcode
            if op == "store":
                address = memory.address(instruction.operands[1])
                size = _access_size(instruction.operands[0].type, pointer_bits)
                if address[1] is None or size is None:
                    continue
                if not instruction.attributes.get("volatile") and \
                        any(_covers(later, address, size) for later in stored):
                    dead.add(instruction)
                else:
                    stored.append((address, size))
            elif op == "load":
                address = memory.address(instruction.operands[0])
                size = _access_size(instruction.type, pointer_bits)
                stored = [(a, s) for a, s in stored if not may_alias(memory, a, s, address, size)]
            elif op in ("memcpy", "memset"):
                length = instruction.operands[2]
                size = int(length.value) if isinstance(length, Constant) else None
                read = [memory.address(instruction.operands[0])]
                if op == "memcpy":
                    read.append(memory.address(instruction.operands[1]))
                stored = [(a, s) for a, s in stored
                          if not any(may_alias(memory, a, s, r, size) for r in read)]
            elif op not in NO_READS:                  # calls, asm, va_*, ret ...
                stored = [(a, s) for a, s in stored if memory.private(a[0])]
    if not dead:
        return False
    for block in function.blocks:
        block.instructions = [i for i in block.instructions if i not in dead]
    return True


def _covers(later: tuple[tuple, int], address: tuple, size: int) -> bool:
    (base, offset, _), later_size = later
    return base == address[0] and offset is not None and \
        offset <= address[1] and address[1] + size <= offset + later_size

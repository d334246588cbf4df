"""Global dead code elimination: internal (``static``) functions and data that
nothing reachable refers to are dropped, as gcc does when optimising (an
unused ``static inline`` helper may even name symbols that exist nowhere).

Roots are everything with external or weak linkage or in a named section,
alias targets, and any name that top-level or inline asm text mentions; references are the global
addresses in instructions and the symbols in data initializers.
"""

from __future__ import annotations

import re

from ..ir import BlockAddress, BlockDifference, GlobalAddress, Module


def run(module: Module) -> bool:
    functions = {f.name: f for f in module.functions}
    data = {g.name: g for g in module.globals}
    asm_words = set()
    for text in module.asm:
        asm_words.update(re.findall(r"[A-Za-z_.$][\w.$]*", text))
    for function in module.functions:
        for block in function.blocks:
            for instruction in block.instructions:
                if instruction.opcode == "asm":
                    asm_words.update(re.findall(r"[A-Za-z_.$][\w.$]*",
                                                str(instruction.attributes.get("template", ""))))
    live: set[str] = set()
    # roots: what other files can see, and what sits in a section of the user's
    # choosing (linker-collected tables, ``used`` objects)
    work = [name for name, f in functions.items()
            if f.linkage != "internal" or f.attributes.get("section")]
    work += [name for name, g in data.items() if g.linkage != "internal" or g.section]
    work += list(module.aliases.values()) + list(module.aliases)
    work += [name for name in list(functions) + list(data) if name in asm_words]
    while work:
        name = work.pop()
        if name in live:
            continue
        live.add(name)
        if name in functions:
            for block in functions[name].blocks:
                for instruction in block.instructions:
                    for v in instruction.operands:
                        if isinstance(v, GlobalAddress) and v.name not in live:
                            work.append(v.name)
        elif name in data:
            for piece in data[name].initializer or ():
                if isinstance(piece, tuple):
                    target = piece[0]
                    if isinstance(target, BlockAddress):     # &&label: its function
                        target = target.block.function.name
                    elif isinstance(target, BlockDifference):
                        target = target.plus.function.name
                    if target not in live:
                        work.append(target)
    dead_functions = [f for f in module.functions if f.name not in live]
    dead_data = [g for g in module.globals if g.name not in live]
    if not dead_functions and not dead_data:
        return False
    module.functions = [f for f in module.functions if f.name in live]
    module.globals = [g for g in module.globals if g.name in live]
    return True

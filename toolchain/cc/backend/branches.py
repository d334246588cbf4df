"""Branches to blocks that only jump elsewhere go straight there.

After register allocation a block made for the copies of a control-flow
edge is often empty -- the copies coalesced away -- and holds just
``jmp .Lnext``; a branch to it (``jl .L8`` ... ``.L8: jmp .L6``) then costs
a second jump on every pass.  :func:`thread_jumps` sends every reference to
such a block (a branch, a jump table entry, a block address) to where its
jump leads, following chains, and drops the block when nothing falls into
it.  A cycle of such blocks (``for (;;);``) is left as it is.

Targets name their unconditional jump (``jmp``, ``b``, ``j``) and what
counts as nothing (a register copied onto itself) -- the instructions are
machine instructions with physical registers by now.
"""

from __future__ import annotations

import importlib

from .mir import MachineFunction

SymbolRef = importlib.import_module("toolchain.as.expr").SymbolRef


def thread_jumps(mf: MachineFunction, jump: str, is_nop=lambda mi: False,
                 ends_flow=lambda mi: False, keep: frozenset = frozenset()) -> None:
    """Retarget references to jump-only blocks of ``mf`` and drop those blocks.
    ``ends_flow(mi)``: whether ``mi`` never falls through (besides ``jump``);
    ``keep``: labels other code may name (address-taken blocks), left alone."""
    labels = {block.label for block in mf.blocks}
    forward: dict[str, str] = {}
    for block in mf.blocks:
        real = [mi for mi in block.instrs if not is_nop(mi)]
        if block.label not in keep and len(real) == 1 and real[0].mnemonic == jump and \
                len(real[0].operands) == 1 and isinstance(real[0].operands[0], SymbolRef) and \
                real[0].operands[0].specifier is None and real[0].operands[0].name in labels:
            forward[block.label] = real[0].operands[0].name     # not a jump to a function

    def final(label: str) -> str | None:
        seen = set()
        while label in forward:
            if label in seen:
                return None             # a cycle of jumps: an endless loop
            seen.add(label)
            label = forward[label]
        return label

    resolved = {label: to for label in forward if (to := final(label)) is not None}
    if not resolved:
        return
    by_label = {block.label: block for block in mf.blocks}
    for block in mf.blocks:
        for mi in block.instrs:
            if any(isinstance(op, SymbolRef) and op.name in resolved for op in mi.operands):
                mi.operands = tuple(SymbolRef(resolved[op.name], op.specifier)
                                    if isinstance(op, SymbolRef) and op.name in resolved else op
                                    for op in mi.operands)
        block.successors = [by_label[resolved[s.label]] if s.label in resolved else s
                            for s in block.successors]
    for _, entries in mf.attributes.get("jump_tables", []):
        entries[:] = [resolved.get(e, e) for e in entries]
    kept = []
    for block in mf.blocks:
        last = kept[-1].instrs[-1] if kept and kept[-1].instrs else None
        falls_in = not kept or last is None or not (last.mnemonic == jump or ends_flow(last))
        if block.label in resolved and not falls_in:
            continue
        kept.append(block)
    mf.blocks = kept

"""Literal pools: ``ldr x0, =value`` and ``.ltorg``/``.pool`` (tc-aarch64.c).

``ldr Rt, =expr`` loads a constant or an address the instruction cannot
hold: the value goes into a pool of the current section (and subsection),
the instruction becomes a PC-relative literal load of the pool slot.  Each
register width has its own pool (4-byte entries for W and S registers,
8-byte for X and D, 16-byte for Q); equal values share a slot.  ``.ltorg``
(``.pool``) writes the pending pools of the current section here, 4-byte
first, each aligned to its entry size with zeros; what is left at the end
of the assembly is written at the end of its section, the most recently
created pool first.  A pool is data: its entries get ``$d``; the zero
padding before them stays in the mapping state it follows (``$x`` after
code, a new ``$x`` after another pool), as GNU as's s_ltorg does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..expr import Expr

if TYPE_CHECKING:
    from ..sections import Section
    from ..streamer import ObjectStreamer


@dataclass
class Pool:
    section: "Section"
    subsection: int
    size: int
    label: str
    entries: list[tuple[str, Expr]] = field(default_factory=list)

    def slot(self, value: Expr) -> int:
        key = str(value)
        for i, (k, _) in enumerate(self.entries):
            if k == key:
                return i
        self.entries.append((key, value))
        return len(self.entries) - 1


class LiteralPools:
    """The pending pools of one assembly."""

    def __init__(self, streamer: "ObjectStreamer"):
        self.streamer = streamer
        self.pools: list[Pool] = []          # most recent first, as GNU as's list_of_pools
        self.count = 0

    def entry(self, value: Expr, size: int) -> Expr:
        """The address of a slot holding ``value`` (``size`` bytes) in the current pool."""
        from ..expr import Binary, Constant, SymbolRef
        s = self.streamer
        pool = self._find(s.current, s.subsection, size)
        if pool is None:
            self.count += 1
            pool = Pool(s.current, s.subsection, size, f".L$$lit\x02{self.count}")
            self.pools.insert(0, pool)
        index = pool.slot(value)
        ref: Expr = SymbolRef(pool.label)
        return Binary("+", ref, Constant(index * size)) if index else ref

    def _find(self, section: "Section", subsection: int, size: int) -> Pool | None:
        for pool in self.pools:
            if pool.section is section and pool.subsection == subsection and pool.size == size:
                return pool
        return None

    def flush_current(self) -> None:
        """``.ltorg``: the current section's pools, by entry size."""
        s = self.streamer
        for size in (4, 8, 16):
            pool = self._find(s.current, s.subsection, size)
            if pool is not None:
                self._emit(pool)

    def flush_all(self) -> None:
        """End of assembly: every pool left, at the end of its own section."""
        s = self.streamer
        if not self.pools:
            return
        here = (s.current, s.subsection)
        previous = s._previous
        for pool in list(self.pools):
            s._enter(pool.section, pool.subsection)
            self._emit(pool)
        s._enter(*here)
        s._previous = previous

    def _emit(self, pool: Pool) -> None:
        s = self.streamer
        self.pools.remove(pool)
        if not pool.entries:
            return
        s.emit_align(pool.size, 0)
        s.emit_label(pool.label)
        for _, value in pool.entries:
            s.emit_value(value, pool.size)

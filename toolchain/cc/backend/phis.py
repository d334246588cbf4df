"""Phi copies on control-flow edges, shared by the back ends' selectors.

A branch to a block with phis first copies each phi's incoming value for
that edge: into temporaries, then into the phis' registers, so that phis
reading each other see the old values (the parallel-copy problem).  When the
edge is critical (its source has other successors) the copies go in a new
block of their own between the two.  A block reached by ``indirectbr`` takes
its phis' values through per-phi entry temporaries instead.

The selector provides the target's parts: ``_new_temp(type)`` (a temporary
for a value of that type), ``_phi_assign(phi, temp)``, ``entry_temps`` (a
dict), ``copy_value``, ``new_block``, ``start``, ``goto`` (an unconditional jump),
``blocks`` and ``indirect_targets``.
"""

from __future__ import annotations

from .. import ir
from ..ir import Instruction, Undef
from .mir import MachineBlock


def incoming(phi: Instruction, source: ir.Block) -> ir.Value:
    """The value ``phi`` takes on the edge from ``source`` (undef if none is given)."""
    for v, b in zip(phi.operands, phi.attributes["incoming"]):
        if b is source:
            return v
    return Undef(phi.type)


class PhiEdges:
    """Mixed into a back end's ControlSelection."""

    def edge(self, source: ir.Block, target: ir.Block, only_edge: bool) -> MachineBlock:
        """Where a branch from ``source`` to ``target`` goes, with the phi copies
        on the way (in a new block when the edge is critical)."""
        phis = target.phis()
        mtarget = self.blocks[target]
        if not phis:
            return mtarget
        if target in self.indirect_targets:
            for phi in phis:
                self.copy_value(self._incoming(phi, source), self._entry_temp(phi), phi.type)
            return mtarget
        here = self.block
        if not only_edge:
            split = self.new_block()
            self.start(split)
        temps = [(phi, self._phi_temp(self._incoming(phi, source), phi.type)) for phi in phis]
        for phi, temp in temps:
            self._phi_assign(phi, temp)
        if not only_edge:
            self.goto(mtarget)
            self.start(here)
            return split
        return mtarget

    _incoming = staticmethod(incoming)

    def _phi_temp(self, value, ty):
        """A new temporary (the target's ``_new_temp``) holding ``value``."""
        t = self._new_temp(ty)
        self.copy_value(value, t, ty)
        return t

    def _entry_temp(self, phi: Instruction):
        """The temporary every edge into an indirect target sets for ``phi``."""
        temp = self.entry_temps.get(phi)
        if temp is None:
            temp = self.entry_temps[phi] = self._new_temp(phi.type)
        return temp

    def op_phi(self, inst: Instruction) -> None:
        if inst.block in self.indirect_targets:
            self._phi_assign(inst, self._entry_temp(inst))

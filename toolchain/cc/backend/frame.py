"""Frame layout: where each stack slot lives, and how big the frame is.

The frame, from the caller's side down (addresses relative to the frame
pointer, which points at the saved frame pointer)::

    16(fp) ...   incoming stack arguments (fixed slots, offsets set by the ABI)
     8(fp)       return address
     0(fp)       the caller's frame pointer
    -8(fp) ...   callee-saved registers, pushed in the prologue
       ...       slots (allocas, spill slots, temporaries), each at its alignment
     0(sp)       the bottom, rounded so sp stays 16-byte aligned at every call

Slots are placed largest alignment first, so little padding is wasted.
Outgoing stack arguments are pushed below sp at each call (and popped
after), and dynamic allocas move sp further; slots are always reached
through the frame pointer, so neither disturbs them.
"""

from __future__ import annotations

from .mir import MachineFunction


def layout_frame(function: MachineFunction, word: int = 8, stack_align: int = 16) -> None:
    saved = word * len(function.callee_saved)
    offset = saved
    for slot in sorted((s for s in function.slots if not s.fixed),
                       key=lambda s: -s.alignment):
        offset += slot.size
        align = min(slot.alignment, stack_align) if slot.alignment > 0 else 1
        offset = (offset + align - 1) // align * align
        slot.offset = -offset
    # after 'push fp' sp is aligned; the pushes and the frame keep it so
    total = (offset + stack_align - 1) // stack_align * stack_align
    function.frame_size = total - saved

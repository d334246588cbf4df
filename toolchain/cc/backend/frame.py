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


def layout_frame(function: MachineFunction, word: int = 8, stack_align: int = 16,
                 fp_misalign: int = 0, reserved: int | None = None) -> None:
    """``reserved``: the bytes just below the frame pointer that are not slots,
    when not one word per callee-saved register (RISC-V saves ra and s0 there
    too, and a variadic function its argument registers).
    ``fp_misalign``: the frame pointer's address modulo ``stack_align`` (0 on
    x86-64; 8 on i386, where the return address and the saved frame pointer
    take 4 bytes each).  A slot at fp - offset is aligned when offset leaves
    the same remainder, and so is sp at the bottom of the frame."""
    saved = word * len(function.callee_saved) if reserved is None else reserved
    offset = saved
    m = fp_misalign
    for slot in sorted((s for s in function.slots if not s.fixed),
                       key=lambda s: -s.alignment):
        offset += slot.size
        align = min(slot.alignment, stack_align) if slot.alignment > 0 else 1
        offset = (offset - m % align + align - 1) // align * align + m % align
        slot.offset = -offset
    # after 'push fp' sp is at fp; the pushes and the frame keep it aligned
    total = (offset - m + stack_align - 1) // stack_align * stack_align + m
    function.frame_size = total - saved

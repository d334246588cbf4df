"""The RISC-V 64 back end (LP64D, RV64GC): abi.py, isel.py (with integers.py,
compares.py, memory.py, control.py, calls.py, floats.py and inline_asm.py;
operands.py holds their shared operand helpers), registers.py, emit.py.
``emit_module`` and ``print_module`` are the entry points."""

from .emit import emit_module, print_module

__all__ = ["emit_module", "print_module"]

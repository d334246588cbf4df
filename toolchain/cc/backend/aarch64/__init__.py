"""The AArch64 back end (AAPCS64, Linux): abi.py, isel.py (with integers.py,
compares.py, memory.py, control.py, calls.py and floats.py; operands.py holds
their shared operand helpers), registers.py, emit.py.  ``emit_module`` and
``print_module`` are the entry points."""

from .emit import emit_module, print_module

__all__ = ["emit_module", "print_module"]

"""The i386 back end (SysV i386, cdecl, x87 floating point): abi.py, isel.py
(with int64.py, floats.py, calls.py, memory.py, control.py, inline_asm.py),
registers.py, emit.py.  ``emit_module`` and ``print_module`` are the entry
points."""

from .emit import emit_module, print_module

__all__ = ["emit_module", "print_module"]
